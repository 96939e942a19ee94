// The header every page shares: brand, links between the pages, and the language switch. Each page's HTML holds an
// empty <header class="app-header" data-page="/path">; this fills it, so a new page is one line in PAGES.
// Plain ES module: no globals.

import { element } from "./dom.js";
import { LANGUAGES, LANGUAGE_NAMES } from "./i18n.js";
import { readsProgrammes } from "../programmes/programmes-api.js";
import { comparesRuns } from "../compare/compare-api.js";
import { readsAlerts } from "../alerts/alerts-api.js";
import { showAlertBadge } from "../alerts/alert-badge.js";
import { readsRating } from "../rating/rating-api.js";
import "../rating/rating-link-messages.js";
import { readsDelivery } from "../delivery/delivery-api.js";
import "../delivery/delivery-link-messages.js";

/**
 * The pages in the header's order; shownTo(me) limits a link to some users (undefined: everyone); badge(link, me) adds
 * a badge to a link once it is shown.
 */
const PAGES = Object.freeze([
  { path: "/", key: "nav.map" },
  { path: "/jobs.html", key: "nav.jobs" },
  { path: "/compare.html", key: "nav.compare", shownTo: comparesRuns },
  { path: "/programmes.html", key: "nav.programmes", shownTo: readsProgrammes },
  { path: "/imports.html", key: "nav.imports", shownTo: (me) => me.managesData === true },
  { path: "/alerts.html", key: "nav.alerts", shownTo: readsAlerts, badge: showAlertBadge },
  { path: "/rating.html", key: "nav.rating", shownTo: readsRating },
  { path: "/data-delivery.html", key: "nav.delivery", shownTo: readsDelivery },
]);

/** Builds the header's content; the text is filled in by page.js (data-i18n) like the rest of the static text. */
export function renderHeader(header) {
  const current = header.dataset.page;

  const brand = element("div", { className: "brand" });
  // The map is the product's main page: its name is the page's heading there.
  brand.append(
    element(current === "/" ? "h1" : "p", { className: "brand-name", text: "RiskMap" }),
    element("p", { className: "brand-subtitle", attrs: { "data-i18n": "app.subtitle" } }),
  );

  const nav = element("nav", { className: "page-nav", attrs: { "data-i18n-aria-label": "nav.label" } });
  for (const page of PAGES) {
    const link = element("a", { className: "page-link", attrs: { href: page.path, "data-page-link": page.path } });
    // A link with a badge keeps its text in a span of its own, so that translating the text leaves the badge.
    if (page.badge) link.append(element("span", { attrs: { "data-i18n": page.key } }));
    else link.dataset.i18n = page.key;
    if (page.path === current) link.setAttribute("aria-current", "page");
    link.hidden = page.shownTo !== undefined;
    nav.append(link);
  }

  const languages = element("div", { className: "lang-switch", attrs: { role: "group", "aria-labelledby": "lang-label" } });
  languages.append(element("span", { className: "visually-hidden", attrs: { id: "lang-label", "data-i18n": "lang.label" } }));
  for (const lang of LANGUAGES) {
    languages.append(element("button", {
      className: "lang-button",
      text: LANGUAGE_NAMES[lang],
      attrs: { type: "button", "data-lang": lang, lang, "aria-pressed": "false" },
    }));
  }

  // On a phone the tools fold behind a menu button (app.css), so that the header takes one line.
  const tools = element("div", { className: "header-tools", attrs: { id: "header-tools" } });
  tools.append(nav, languages);
  const menu = element("button", {
    className: "menu-button",
    attrs: { type: "button", "aria-expanded": "false", "aria-controls": "header-tools", "data-i18n": "menu.label" },
  });
  menu.addEventListener("click", () => {
    const open = !tools.classList.contains("is-open");
    tools.classList.toggle("is-open", open);
    menu.setAttribute("aria-expanded", String(open));
  });
  header.replaceChildren(brand, menu, tools);
}

/** Shows the links limited to some users to those users, once it is known who is signed in. */
export function showPageLinks(me) {
  for (const link of document.querySelectorAll("a[data-page-link]")) {
    const page = PAGES.find((p) => p.path === link.dataset.pageLink);
    if (page?.shownTo) link.hidden = !page.shownTo(me);
    if (page?.badge && !link.hidden) page.badge(link, me);
  }
}
