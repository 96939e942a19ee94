// What every RiskMap page shares: the header (header.js, plus the account control), static text
// marked with data-i18n / data-i18n-aria-label, and the demo-data banner. Plain ES module: no globals.

import { initAccount } from "./account.js";
import { fetchAbout, reportBug } from "./api.js";
import { renderHeader, showPageLinks } from "./header.js";
import { element } from "./dom.js";
import { LANGUAGES, detectLanguage, getLanguage, onLanguageChange, setLanguage, t } from "./i18n.js";
import "./messages.js";
import "./layout-messages.js";

/** Where each banner's open or closed state is remembered, by the banner's id. */
const BANNER_STORAGE = "riskmap.banner.";

/**
 * Sets the page language, adds the account control to the header, translates the marked static text now and on
 * every language change, and wires the language buttons. onTranslate re-renders the page's own text after the
 * static text has been translated. Returns a promise of who is signed in (the /api/auth/me answer; askedMe: that
 * request when the page made it already).
 */
export function initPage({ titleKey, onTranslate = () => {}, askedMe = null }) {
  renderHeader(document.querySelector(".app-header"));
  initSkipLinks();
  initBanners();
  const langButtons = Array.from(document.querySelectorAll(".lang-button[data-lang]"));
  setLanguage(detectLanguage());
  const account = initAccount(document.querySelector(".header-tools"), askedMe);

  const apply = () => {
    document.title = t(titleKey);
    for (const el of document.querySelectorAll("[data-i18n]")) {
      el.textContent = t(el.dataset.i18n);
    }
    for (const el of document.querySelectorAll("[data-i18n-aria-label]")) {
      el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
    }
    const lang = getLanguage();
    for (const button of langButtons) {
      button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
    }
    updatePageLinks(lang);
    account.render();
    onTranslate();
  };

  apply();
  onLanguageChange(apply);

  for (const button of langButtons) {
    button.addEventListener("click", () => {
      const lang = button.dataset.lang;
      if (LANGUAGES.includes(lang)) setLanguage(lang, { remember: true });
    });
  }
  account.me.then(showPageLinks);
  return account.me;
}

/**
 * Links to the other pages keep a ?lang= that this page was opened with, so a language chosen by the address
 * (not remembered in storage) stays when the user moves between pages.
 */
function updatePageLinks(lang) {
  const keepLang = new URLSearchParams(window.location.search).has("lang");
  for (const link of document.querySelectorAll("a[data-page-link]")) {
    const path = link.dataset.pageLink;
    link.setAttribute("href", keepLang ? `${path}?lang=${encodeURIComponent(lang)}` : path);
  }
}

/**
 * Skip links move focus to their target without changing the address (its query holds the map's view); a target that
 * is not focusable by itself has tabindex="-1".
 */
function initSkipLinks() {
  for (const link of document.querySelectorAll("a.skip-link")) {
    link.addEventListener("click", (event) => {
      const target = document.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      event.preventDefault();
      target.focus();
    });
  }
}

/**
 * Banners marked data-collapsible take one line until their toggle opens them; the choice is remembered, so a notice
 * read once stays small on a phone.
 */
function initBanners() {
  for (const banner of document.querySelectorAll(".banner[data-collapsible][id]")) {
    const key = BANNER_STORAGE + banner.id;
    const toggle = element("button", {
      className: "banner-toggle",
      attrs: { type: "button", "data-i18n": "banner.toggle", "aria-controls": banner.id },
    });
    const setOpen = (open) => {
      banner.toggleAttribute("data-collapsed", !open);
      toggle.setAttribute("aria-expanded", String(open));
    };
    setOpen(readStored(key) === "open");
    toggle.addEventListener("click", () => {
      const open = banner.hasAttribute("data-collapsed");
      setOpen(open);
      store(key, open ? "open" : "closed");
    });
    banner.append(toggle);
  }
}

function readStored(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage blocked: banners start collapsed
  }
}

function store(key, value) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

/** Shows the demo-data banner when /api/about says the data are synthetic. */
export function applyDemoBanner(about) {
  const banner = document.getElementById("demo-banner");
  if (banner) banner.hidden = about?.demo !== true;
}

/** Reads /api/about just for the demo-data banner (pages other than the map need nothing else from it). */
export async function loadDemoBanner() {
  try {
    applyDemoBanner(await fetchAbout());
  } catch (error) {
    // The banner is optional; a failed request leaves it hidden. A bug is still reported.
    reportBug(error);
  }
}

/**
 * Runs a page's load(), which fetches and renders its table; on failure shows errorBox instead. Either way the page is
 * marked ready ("true" or "error") for the user's screen reader and the browser tests.
 */
export async function loadTable(errorBox, load) {
  try {
    await load();
    errorBox.hidden = true;
    document.body.dataset.ready = "true";
  } catch (error) {
    reportBug(error);
    errorBox.hidden = false;
    document.body.dataset.ready = "error";
  }
}
