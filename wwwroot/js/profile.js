// The side panel profile of a district or school: its class, score, national rank with its uncertainty band,
// reliability, what drives the score and its quarterly trend. The panel is the <aside id="profile"> of index.html.
// Plain ES module.

import { barChart, lineChart } from "./charts.js";
import { classColor, isSuppressed, unitClass } from "./choropleth.js";
import { element } from "./dom.js";
import { formatNumber, formatQuarter, formatScore, localizedName, t } from "./i18n.js";
import { suppressedSwatch, swatch } from "./legend.js";
import "./messages/schools.js";
import { measureName } from "./selectors.js";

const SCALE_MAX = 10;

const els = {
  panel: document.getElementById("profile"),
  title: document.getElementById("profile-title"),
  body: document.getElementById("profile-body"),
  close: document.getElementById("profile-close"),
};

/** What the panel shows: { name, profile, total, failed }; profile is null while loading. */
let shown = null;

function fact(list, label, ...content) {
  const dd = element("dd");
  dd.append(...content);
  list.append(element("dt", { text: label }), dd);
}

/** The "low reliability" mark of a unit whose score has low reliability, else nothing. */
function lowReliabilityMark(latest) {
  return latest.lowReliability ? [element("span", { className: "profile-low", text: t("profile.lowReliability") })] : [];
}

function classFact(list, latest, ...extra) {
  if (isSuppressed(latest)) {
    fact(list, t("tooltip.class"), suppressedSwatch(), element("span", { className: "profile-class", text: t("privacy.suppressed") }));
    return;
  }
  const cls = unitClass(latest);
  fact(list, t("tooltip.class"), swatch(classColor(cls)),
    element("span", { className: "profile-class", text: cls === null ? t("class.none") : t(`class.${cls}`) }), ...extra);
}

function contributions(items) {
  const sorted = [...items].sort((a, b) => b.points - a.points);
  return barChart(
    sorted.map((c) => ({ label: measureName(`indicator:${c.indicator}`) ?? c.indicator, value: c.points, text: formatNumber(c.points, { maximumFractionDigits: 2 }) })),
    { label: t("profile.contributions") },
  );
}

function trend(history) {
  return lineChart(
    history.map((h) => ({ label: formatQuarter(h.period), value: h.score, text: formatScore(h.score) })),
    { label: t("profile.trend"), max: SCALE_MAX },
  );
}

/** A school's rank is among all schools in the country, which a caller with a regional scope cannot count. */
function rankText(level, latest, total) {
  const band = latest.rankBand;
  const values = { rank: formatNumber(latest.rank), low: formatNumber(band.low), high: formatNumber(band.high) };
  return level === "school" ? t("schools.rankValue", values) : t("profile.rankValue", { ...values, total: formatNumber(total) });
}

function detailed({ level, latest, contributions: items, history }, total) {
  const facts = element("dl", { className: "profile-facts" });
  classFact(facts, latest);
  fact(facts, t("profile.score"), element("span", { className: "profile-score", text: t("profile.scoreValue", { score: formatScore(latest.score) }) }));
  fact(facts, t("profile.rank"), element("span", { className: "profile-rank", text: rankText(level, latest, total) }));
  fact(facts, t("profile.reliability"), element("span", { text: t("profile.scoreValue", { score: formatScore(latest.reliability) }) }),
    ...lowReliabilityMark(latest));
  return [
    facts,
    element("h3", { className: "profile-subtitle", text: t("profile.contributions") }),
    contributions(items),
    element("h3", { className: "profile-subtitle", text: t("profile.trend") }),
    trend(history.filter((h) => typeof h.score === "number")),
  ];
}

function classOnly({ latest }) {
  const facts = element("dl", { className: "profile-facts" });
  classFact(facts, latest, ...lowReliabilityMark(latest));
  return [facts, element("p", { className: "profile-note", text: t("profile.signInNote") })];
}

function render() {
  if (!shown) return;
  const { name, profile, total, failed } = shown;
  els.title.textContent = profile ? localizedName({ name_kk: profile.latest.nameKk, name_ru: profile.latest.nameRu, name_en: profile.latest.nameEn }) : name;
  let content;
  if (failed) content = [element("p", { className: "profile-note", text: t("profile.failed") })];
  else if (!profile) content = [element("p", { className: "profile-note", text: t("status.loading") })];
  else content = profile.latest.detailed ? detailed(profile, total) : classOnly(profile);
  els.body.replaceChildren(...content);
  els.panel.dataset.profile = failed ? "failed" : profile ? "ready" : "loading";
}

/**
 * Shows the panel: { name } while loading, then { name, profile, total } (total: districts ranked; not needed for a
 * school) or { name, failed }.
 */
export function showProfile(content) {
  const opening = els.panel.hidden;
  shown = content;
  render();
  els.panel.hidden = false;
  if (opening) els.title.focus();
}

export function hideProfile() {
  shown = null;
  els.panel.hidden = true;
  delete els.panel.dataset.profile;
}

/** Re-renders the panel in the UI language. */
export const retranslateProfile = render;

/** Calls onClose() when the user closes the panel with its button or Escape. */
export function initProfile({ onClose }) {
  els.close.addEventListener("click", onClose);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !els.panel.hidden && !event.target.closest?.("dialog")) onClose();
  });
}
