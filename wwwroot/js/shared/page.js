// What every RiskMap page shares: the header (header.js, plus the account control), static text
// marked with data-i18n / data-i18n-aria-label, and the demo-data banner. Plain ES module: no globals.

import { initAccount } from "./account.js";
import { fetchAbout, reportBug } from "./api.js";
import { renderHeader, showPageLinks } from "./header.js";
import { LANGUAGES, detectLanguage, getLanguage, onLanguageChange, setLanguage, t } from "./i18n.js";
import "./messages.js";

/**
 * Sets the page language, adds the account control to the header, translates the marked static text now and on
 * every language change, and wires the language buttons. onTranslate re-renders the page's own text after the
 * static text has been translated. Returns a promise of who is signed in (the /api/auth/me answer).
 */
export function initPage({ titleKey, onTranslate = () => {} }) {
  renderHeader(document.querySelector(".app-header"));
  const langButtons = Array.from(document.querySelectorAll(".lang-button[data-lang]"));
  setLanguage(detectLanguage());
  const account = initAccount(document.querySelector(".header-tools"));

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
