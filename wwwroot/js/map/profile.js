// The side panel profile of a region, district or school in the map's view (quarter, measure, classes), saying which
// view it shows: its risk level, score with its interval, probability of risk level 4 or 5, rank with its uncertainty
// band, change (a rise or fall only when clear), reliability, what drives the score and
// its quarterly trend with the shown quarter marked, saying which quarters were carried across a boundary change; for
// callers shown them, the unit's next-quarter forecast and its emerging hot spot category with its hot/cold strip by quarter;
// for a region, its brief (PDF). The panel is the <aside id="profile"> of index.html. Plain ES module.

import { CHANGE_KINDS, changeDirection, changeText } from "./change.js";
import { barChart, lineChart } from "../shared/charts.js";
import { briefButton } from "./brief.js";
import { carriedNotes } from "./carried.js";
import { classColor, isSuppressed, unitClass } from "./choropleth.js";
import { element } from "../shared/dom.js";
import { formatNumber, formatQuarter, formatScore, localizedName, t, tPlural } from "../shared/i18n.js";
import { heldLevelNote } from "./heldlevel.js";
import { forecastSection } from "./forecast-profile.js";
import { hotSpotSection } from "./emerging-profile.js";
import { methodologyLink, suppressedSwatch, swatch } from "./legend.js";
import "./profile-messages.js";
import "./schools-messages.js";
import { measureName, measureTitle } from "./selectors.js";

const SCALE_MAX = 10;

const els = {
  panel: document.getElementById("profile"),
  title: document.getElementById("profile-title"),
  body: document.getElementById("profile-body"),
  close: document.getElementById("profile-close"),
};

/** What the panel shows: { name, profile, failed, hotSpot, forecast }; profile is null while loading. */
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

/** The measure's score by quarter, the shown quarter marked. */
function trend(history, period) {
  const scored = history.filter((h) => typeof h.score === "number");
  return lineChart(
    scored.map((h) => ({ label: formatQuarter(h.period), value: h.score, text: formatScore(h.score) })),
    { label: t("profile.trend"), max: SCALE_MAX, marked: scored.findIndex((h) => h.period === period) },
  );
}

/** Which view the profile shows: "Domain: Violence · Q2 2025 · Quintiles (equal groups)". */
function viewLine({ measure, period, classification }) {
  const text = [measureTitle(measure), formatQuarter(period), t(`classes.${classification}`)].join(" · ");
  return element("p", { className: "profile-view", text });
}

/** The measure's changes against the previous quarter and a year before, where the caller sees them. */
function changeFacts(list, latest) {
  for (const kind of CHANGE_KINDS) {
    const direction = changeDirection(latest, kind);
    if (direction === null) continue;
    fact(list, t(`change.${kind}`), element("span", { className: `profile-change change-${direction}`, text: changeText(latest, kind), attrs: { "data-change": kind } }));
  }
}

/**
 * [label, text] of a rank. A caller who sees the whole country gets the national rank with its uncertainty band; any
 * other caller a rank among the units they see in full, so it tells nothing about units outside their access.
 */
function rankFact(level, latest) {
  const values = { rank: formatNumber(latest.rank), total: formatNumber(latest.rankAmong) };
  const band = latest.rankBand;
  if (!band) return [t("profile.rankInScope"), t("profile.rankInScopeValue", values)];
  const banded = { ...values, low: formatNumber(band.low), high: formatNumber(band.high) };
  return [t("profile.rank"), t(level === "school" ? "schools.rankValue" : "profile.rankValue", banded)];
}

/** "4.2 (3.1–5.0) of 10" where the run gives the score's interval (methodology 2.0), else "4.2 of 10". */
function scoreText(latest) {
  const interval = latest.scoreInterval;
  const score = formatScore(latest.score);
  return interval
    ? t("profile.scoreIntervalValue", { score, low: formatScore(interval.low), high: formatScore(interval.high) })
    : t("profile.scoreValue", { score });
}

/**
 * An indicator view's observed value behind the score: "3.4 per 1,000 pupils · 12 cases" (the count where the caller may
 * see it, "withheld" where small-number suppression keeps it), or a percentage.
 */
function valueFact(list, value) {
  if (!value) return;
  let text;
  if (value.unit === "per1000Pupils") {
    const rate = value.countWithheld ? t("profile.countWithheld") : t("profile.ratePer1000", { rate: formatNumber(value.rate, { maximumFractionDigits: 2 }) });
    text = typeof value.count === "number" ? `${rate} · ${tPlural("profile.cases", value.count)}` : rate;
  } else {
    text = t("profile.percentValue", { value: formatNumber(value.rate, { maximumFractionDigits: 1 }) });
  }
  fact(list, t("profile.value"), element("span", { className: "profile-value", text }));
}

/** The probability of risk level 4 or 5 as a whole percentage, where the run gives it (methodology 2.0). */
function highRiskFact(list, latest) {
  if (typeof latest.highRiskProbability !== "number") return;
  fact(list, t("profile.highRisk"), element("span", {
    className: "profile-high-risk", text: formatNumber(latest.highRiskProbability, { style: "percent", maximumFractionDigits: 0 }),
  }));
}

/** "How to read the scores": the methodology page in the UI language. */
function methodologyNote() {
  const note = element("p", { className: "profile-note profile-methodology" });
  note.append(methodologyLink());
  return note;
}

function detailed(profile, hotSpot, forecast) {
  const { level, latest, contributions: items, history, period } = profile;
  const [rankLabel, rankText] = rankFact(level, latest);
  const facts = element("dl", { className: "profile-facts" });
  classFact(facts, latest, ...heldLevelNote(latest));
  // A composite or domain score is a relative index; an indicator's is its 0–10 score, shown with the value behind it.
  const indicator = profile.measure.startsWith("indicator:");
  fact(facts, t(indicator ? "profile.score" : "profile.index"), element("span", { className: "profile-score", text: scoreText(latest) }));
  if (indicator) valueFact(facts, latest.value);
  highRiskFact(facts, latest);
  fact(facts, rankLabel, element("span", { className: "profile-rank", text: rankText }));
  changeFacts(facts, latest);
  fact(facts, t("profile.reliability"), element("span", { text: t("profile.scoreValue", { score: formatScore(latest.reliability) }) }),
    ...lowReliabilityMark(latest));
  return [
    viewLine(profile),
    facts,
    methodologyNote(),
    // A region the caller sees in full is one whose brief they may have.
    ...(level === "region" ? [briefButton({ id: "profile-brief", which: () => ({ region: latest.code, period }) }).element] : []),
    ...forecastSection(forecast),
    ...(hotSpot ? hotSpotSection(hotSpot.unit, hotSpot.periods) : []),
    element("h3", { className: "profile-subtitle", text: t("profile.contributions") }),
    items.length > 0 ? contributions(items) : element("p", { className: "profile-note", text: t("profile.contributionsLatestOnly") }),
    element("h3", { className: "profile-subtitle", text: t("profile.trend") }),
    trend(history, period),
    ...carriedNotes(level, history, profile.carried),
  ];
}

/** Outside the caller's scope: the composite's risk level (the public's view); by a domain or an indicator nothing but why. */
function classOnly(profile) {
  const { latest } = profile;
  if (profile.measure !== "composite") return [viewLine(profile), element("p", { className: "profile-note", text: t("profile.measureOutsideScope") })];
  const facts = element("dl", { className: "profile-facts" });
  classFact(facts, latest, ...lowReliabilityMark(latest));
  return [viewLine(profile), facts, element("p", { className: "profile-note", text: t("profile.signInNote") })];
}

function render() {
  if (!shown) return;
  const { name, profile, failed, hotSpot, forecast } = shown;
  els.title.textContent = profile ? localizedName({ name_kk: profile.latest.nameKk, name_ru: profile.latest.nameRu, name_en: profile.latest.nameEn }) : name;
  let content;
  if (failed) content = [element("p", { className: "profile-note", text: t("profile.failed") })];
  else if (!profile) content = [element("p", { className: "profile-note", text: t("status.loading") })];
  else content = profile.latest.detailed ? detailed(profile, hotSpot, forecast) : classOnly(profile);
  els.body.replaceChildren(...content);
  els.panel.dataset.profile = failed ? "failed" : profile ? "ready" : "loading";
}

/**
 * Shows the panel: { name } while loading, then { name, profile, hotSpot, forecast } or { name, failed }; hotSpot, where the
 * caller is shown the unit's emerging hot spot category, is { unit, periods } of its answer (emerging-data.js); forecast,
 * where the caller is shown the unit's forecast, is unitForecast's answer (forecast-data.js).
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

/**
 * Calls onClose() when the user closes the panel with its button or Escape. The profile stays at the top of the side
 * panel (app.css), so the panel keeps what focus scrolls to clear of it: its scroll padding is the profile's height.
 */
export function initProfile({ onClose }) {
  els.close.addEventListener("click", onClose);
  new ResizeObserver(() => els.panel.parentElement.style.setProperty("--profile-height", `${els.panel.offsetHeight}px`)).observe(els.panel);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !els.panel.hidden && !event.target.closest?.("dialog")) onClose();
  });
}
