// RiskMap: two score runs side by side (by default one per methodology) for analysts — summary figures, risk levels
// by method, stability by quarter, and a sortable table of units. Plain ES module: no globals.

import { fetchScoreRuns, reportBug } from "../shared/api.js";
import { element } from "../shared/dom.js";
import { formatChange, formatDateTime, formatNumber, formatQuarter, getLanguage, t, tPlural } from "../shared/i18n.js";
import { initPage, loadDemoBanner } from "../shared/page.js";
import { fetchComparison } from "./compare-api.js";
import "./compare-messages.js";
// The quarter comparison's form and links are in the page in either mode, so their text is too.
import "../map/messages.js";
import "./periods-messages.js";
import { nextSort, sortUnits } from "./compare-sort.js";
import { comparesQuarters } from "./periods-view.js";

const BASE_METHOD = "riskmap-1.0";
const OTHER_METHOD = "riskmap-2.0";
const LEVELS = ["region", "district", "school"];
const RUN_LIMIT = 100;

const els = {
  noRuns: document.getElementById("no-runs"),
  form: document.getElementById("compare-form"),
  base: document.getElementById("base-select"),
  other: document.getElementById("other-select"),
  level: document.getElementById("level-select"),
  period: document.getElementById("run-period-select"),
  results: document.getElementById("results"),
  summary: document.getElementById("summary"),
  levelsCaption: document.getElementById("levels-caption"),
  levelsHead: document.getElementById("levels-head"),
  levelsBody: document.getElementById("levels-body"),
  stabilityHead: document.getElementById("stability-head"),
  stabilityBody: document.getElementById("stability-body"),
  unitsCaption: document.getElementById("units-caption"),
  unitsHead: document.getElementById("units-head"),
  unitsBody: document.getElementById("units-body"),
  unitsEmpty: document.getElementById("units-empty"),
  status: document.getElementById("status"),
  errorBox: document.getElementById("error-box"),
  errorDetail: document.getElementById("error-detail"),
};

const state = {
  runs: [],
  comparison: null,
  loading: false,
  sort: { column: "classChange", direction: "descending" },
};

// ---------------------------------------------------------------------------
// Text helpers

function unitName(unit) {
  const lang = getLanguage();
  return (lang === "kk" ? unit.nameKk : lang === "en" ? unit.nameEn : unit.nameRu) ?? unit.nameRu ?? unit.code;
}

function runLabel(run) {
  const label = t("compare.run", { id: formatNumber(run.id, { useGrouping: false }), method: run.methodologyVersion, date: formatDateTime(run.startedAt) });
  return run.published ? t("compare.run.published", { run: label }) : label;
}

function percent(share) {
  return typeof share === "number" ? formatNumber(share, { style: "percent", maximumFractionDigits: 1 }) : "—";
}

function levelText(riskClass) {
  return typeof riskClass === "number" ? t(`class.${riskClass}`) : "—";
}

function rankText(rank) {
  return typeof rank === "number" ? formatNumber(rank) : "—";
}

// ---------------------------------------------------------------------------
// Choosing the runs

function runById(id) {
  return state.runs.find((run) => String(run.id) === String(id)) ?? null;
}

function latestOf(method) {
  return state.runs.find((run) => run.methodologyVersion === method) ?? null;
}

function fillRuns() {
  for (const select of [els.base, els.other]) {
    const chosen = select.value;
    select.replaceChildren(...state.runs.map((run) => element("option", { text: runLabel(run), attrs: { value: String(run.id) } })));
    if (chosen) select.value = chosen;
  }
}

/** The quarters both chosen runs cover, the latest kept chosen unless another common one was chosen. */
function fillPeriods(wanted) {
  const base = runById(els.base.value);
  const other = runById(els.other.value);
  const common = (base?.periods ?? []).filter((p) => (other?.periods ?? []).includes(p)).sort();
  const chosen = wanted ?? els.period.value;
  els.period.replaceChildren(...common.map((p) => element("option", { text: formatQuarter(p), attrs: { value: p } })));
  els.period.value = common.includes(chosen) ? chosen : common[common.length - 1] ?? "";
}

async function loadRuns() {
  const runs = await fetchScoreRuns(RUN_LIMIT);
  state.runs = runs.filter((run) => run.status === "succeeded");
  fillRuns();
  const query = new URLSearchParams(window.location.search);
  const base = runById(query.get("base")) ?? latestOf(BASE_METHOD);
  const other = runById(query.get("other")) ?? latestOf(OTHER_METHOD);
  els.noRuns.hidden = base !== null && other !== null;
  if (base) els.base.value = String(base.id);
  if (other) els.other.value = String(other.id);
  if (LEVELS.includes(query.get("level"))) els.level.value = query.get("level");
  fillPeriods(query.get("period"));
  return base !== null && other !== null;
}

// ---------------------------------------------------------------------------
// Rendering

function render() {
  fillRuns();
  for (const option of els.period.options) option.textContent = formatQuarter(option.value);
  renderStatus();
  const comparison = state.comparison;
  els.results.hidden = !comparison;
  if (!comparison) return;
  renderSummary(comparison);
  renderLevels(comparison);
  renderStability(comparison);
  renderUnits(comparison);
}

function renderStatus() {
  if (state.loading) els.status.textContent = t("compare.status.loading");
  else if (state.comparison) {
    els.status.textContent = t("compare.status.ready", {
      quarter: formatQuarter(state.comparison.period),
      count: tPlural("compare.count", state.comparison.summary.units),
    });
  } else els.status.textContent = "";
}

function renderSummary({ base, other, summary }) {
  const list = els.summary;
  list.replaceChildren();
  const fact = (key, value, name) => {
    const dt = element("dt", { text: t(key) });
    const dd = element("dd", { text: value, attrs: { "data-fact": name } });
    list.append(dt, dd);
  };
  fact("compare.summary.compared", tPlural("compare.count", summary.units), "units");
  fact("compare.summary.changed", t("compare.summary.changedValue", {
    changed: formatNumber(summary.changedClass),
    share: percent(summary.units > 0 ? summary.changedClass / summary.units : null),
    higher: formatNumber(summary.higher),
    lower: formatNumber(summary.lower),
  }), "changed");
  if (summary.shifts.length > 0) {
    fact("compare.summary.shifts", summary.shifts
      .map((shift) => t("compare.summary.shift", { by: formatNumber(shift.by), units: tPlural("compare.count", shift.units) })).join("; "), "shifts");
  }
  fact("compare.summary.medianRank", typeof summary.medianRankChange === "number" ? formatNumber(summary.medianRankChange) : "—", "median-rank");
  fact("compare.summary.maxRank", typeof summary.maxRankChange === "number" ? formatNumber(summary.maxRankChange) : "—", "max-rank");
  for (const run of [base, other]) {
    if (typeof run.medianRankBandWidth === "number") {
      fact("compare.summary.bandWidth", `${run.methodologyVersion}: ${formatNumber(run.medianRankBandWidth)}`, `band-${run.id}`);
    }
  }
}

function headRow(head, cells) {
  const row = element("tr");
  row.append(...cells.map((text) => element("th", { text, attrs: { scope: "col" } })));
  head.replaceChildren(row);
}

function renderLevels({ base, other, period }) {
  els.levelsCaption.textContent = t("compare.levels.caption", { quarter: formatQuarter(period) });
  headRow(els.levelsHead, [t("compare.levels.level"), base.methodologyVersion, other.methodologyVersion]);
  els.levelsBody.replaceChildren(...[1, 2, 3, 4, 5].map((riskClass) => {
    const row = element("tr");
    row.append(element("th", { text: levelText(riskClass), attrs: { scope: "row" } }));
    for (const run of [base, other]) row.append(element("td", { className: "num", text: formatNumber(run.classes[riskClass - 1] ?? 0) }));
    return row;
  }));
}

function renderStability({ base, other }) {
  headRow(els.stabilityHead, [t("compare.stability.quarter"), base.methodologyVersion, other.methodologyVersion]);
  const periods = [...new Set([...base.stability, ...other.stability].map((s) => s.period))].sort();
  els.stabilityBody.replaceChildren(...periods.map((period) => {
    const row = element("tr", { attrs: { "data-period": period } });
    row.append(element("th", { text: formatQuarter(period), attrs: { scope: "row" } }));
    for (const run of [base, other]) {
      row.append(element("td", { className: "num", text: percent(run.stability.find((s) => s.period === period)?.share) }));
    }
    return row;
  }));
}

const COLUMNS = [
  { column: "name", key: "compare.col.unit" },
  { column: "baseClass", key: "compare.col.baseClass", run: "base" },
  { column: "otherClass", key: "compare.col.otherClass", run: "other" },
  { column: "classChange", key: "compare.col.classChange", numeric: true },
  { column: "baseRank", key: "compare.col.baseRank", run: "base", numeric: true },
  { column: "otherRank", key: "compare.col.otherRank", run: "other", numeric: true },
  { column: "rankChange", key: "compare.col.rankChange", numeric: true },
];

function renderUnits(comparison) {
  els.unitsCaption.textContent = t("compare.table.caption", { quarter: formatQuarter(comparison.period) });
  const row = element("tr");
  for (const col of COLUMNS) {
    const label = t(col.key, { method: col.run ? comparison[col.run].methodologyVersion : "" });
    const th = element("th", { className: col.numeric ? "num" : "", attrs: { scope: "col", "data-column": col.column } });
    if (state.sort.column === col.column) th.setAttribute("aria-sort", state.sort.direction);
    const button = element("button", { className: "sort-button", text: label, attrs: { type: "button", title: t("compare.sort", { column: label }) } });
    button.addEventListener("click", () => {
      state.sort = nextSort(state.sort, col.column);
      renderUnits(comparison);
    });
    th.append(button);
    row.append(th);
  }
  els.unitsHead.replaceChildren(row);

  const units = sortUnits(comparison.units, state.sort.column, state.sort.direction, unitName);
  els.unitsEmpty.hidden = units.length > 0;
  els.unitsBody.replaceChildren(...units.map((unit) => {
    const tr = element("tr", { attrs: { "data-code": unit.code, "data-changed": String(typeof unit.classChange === "number" && unit.classChange !== 0) } });
    tr.append(
      element("th", { text: unitName(unit), attrs: { scope: "row" } }),
      element("td", { text: levelText(unit.baseClass), attrs: { "data-class": String(unit.baseClass ?? "") } }),
      element("td", { text: levelText(unit.otherClass), attrs: { "data-class": String(unit.otherClass ?? "") } }),
      element("td", { className: "num", text: formatChange(unit.classChange, 0) }),
      element("td", { className: "num", text: rankText(unit.baseRank) }),
      element("td", { className: "num", text: rankText(unit.otherRank) }),
      element("td", { className: "num", text: formatChange(unit.rankChange, 0) }),
    );
    return tr;
  }));
}

// ---------------------------------------------------------------------------
// Loading

function showError(error) {
  reportBug(error);
  els.errorDetail.textContent = error?.problem?.detail ?? (error?.name === "ApiError" ? `(${error.message})` : "");
  els.errorBox.hidden = false;
}

async function compare() {
  if (!els.base.value || !els.other.value || !els.period.value) return;
  state.loading = true;
  renderStatus();
  try {
    state.comparison = await fetchComparison({ base: els.base.value, other: els.other.value, level: els.level.value, period: els.period.value });
    els.errorBox.hidden = true;
  } catch (error) {
    state.comparison = null;
    showError(error);
  } finally {
    state.loading = false;
  }
  render();
}

function start() {
  if (comparesQuarters(window.location.search)) {
    document.getElementById("methods").hidden = true;
    document.getElementById("quarters-link").setAttribute("aria-current", "page");
    import("./periods.js").then(({ startPeriods }) => startPeriods()).catch(showError);
    return;
  }
  document.getElementById("methods-link").setAttribute("aria-current", "page");
  initPage({ titleKey: "compare.doc.title", onTranslate: render });
  loadDemoBanner();
  els.base.addEventListener("change", () => fillPeriods());
  els.other.addEventListener("change", () => fillPeriods());
  els.form.addEventListener("submit", (event) => {
    event.preventDefault();
    compare();
  });
  loadRuns()
    .then((ready) => (ready ? compare() : render()))
    .catch(showError)
    .finally(() => {
      document.body.dataset.ready = "true";
    });
}

start();
