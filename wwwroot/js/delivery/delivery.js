// The page "Data delivery": per source, indicator, region and quarter whether indicator data were received on time,
// late, are missing or not yet due (docs/data-delivery.md), as a grid of regions × quarters, or of a region's indicators
// × quarters, with the status in words and the completeness. Plain ES module: no globals.

import { element } from "../shared/dom.js";
import { formatDate, formatNumber, formatQuarter, localizedName, t, tPlural } from "../shared/i18n.js";
import { initPage, loadDemoBanner, loadTable } from "../shared/page.js";
import { fetchDelivery } from "./delivery-api.js";
import { groupCells, quartersBetween, statusCounts, worstStatus } from "./delivery-grid.js";
import "./delivery-messages.js";

const FILTERS = Object.freeze(["from", "to", "region", "source", "indicator"]);

const els = {
  form: document.getElementById("delivery-filters"),
  region: document.getElementById("delivery-region"),
  source: document.getElementById("delivery-source"),
  indicator: document.getElementById("delivery-indicator"),
  meta: document.getElementById("delivery-meta"),
  caption: document.getElementById("delivery-caption"),
  head: document.getElementById("delivery-head"),
  body: document.getElementById("delivery-body"),
  error: document.getElementById("delivery-error"),
};

const filters = Object.fromEntries(FILTERS.map((key) => [key, new URLSearchParams(location.search).get(key) ?? ""]));
let report = null;
// The choices of the filters, from the first (unfiltered) answer: a filtered answer lists only what it holds.
let choices = null;

const names = (item) => localizedName({ name_kk: item.nameKk, name_ru: item.nameRu, name_en: item.nameEn });
const percent = (value) => (typeof value === "number" ? `${formatNumber(value, { maximumFractionDigits: 0 })} %` : "—");
const sourceName = (source) => (source === "files" ? t("delivery.files") : t("delivery.client", { name: source.replace(/^client:/, "") }));

function fillSelect(select, options, selected) {
  select.replaceChildren(element("option", { text: t("delivery.all"), attrs: { value: "" } }),
    ...options.map(([value, text]) => element("option", { text, attrs: { value } })));
  select.value = selected;
}

function renderFilters() {
  fillSelect(els.region, choices.regions.map((r) => [r.code, names(r)]), filters.region);
  els.region.disabled = choices.regions.length < 2;
  fillSelect(els.source, choices.sources.map((s) => [s, sourceName(s)]), filters.source);
  fillSelect(els.indicator, choices.indicators.map((i) => [i.code, names(i)]), filters.indicator);
}

/** A cell of several deliveries: each status present in words with its count, worst first. */
function countsCell(cells) {
  const td = element("td", { className: `delivery-cell delivery-${worstStatus(cells) ?? "none"}` });
  const counts = statusCounts(cells);
  td.textContent = counts.length === 0 ? "—" : counts.map((c) => t("delivery.countOf", { status: t(`delivery.status.${c.status}`), n: formatNumber(c.count) })).join("; ");
  return td;
}

/** A cell of one delivery: its status in words, the day its first values arrived and its completeness. */
function deliveryCell(cell) {
  if (!cell) return element("td", { className: "delivery-cell delivery-none", text: "—" });
  const td = element("td", {
    className: `delivery-cell delivery-${cell.status}`,
    attrs: { title: t("delivery.dueOn", { date: formatDate(cell.dueDate) }) },
  });
  td.append(element("strong", { text: t(`delivery.status.${cell.status}`) }));
  if (cell.firstArrival) td.append(" ", element("span", { text: t("delivery.arrived", { date: formatDate(cell.firstArrival) }) }));
  td.append(" ", element("span", { className: "delivery-completeness", text: t("delivery.completeness", { value: percent(cell.completeness) }) }));
  return td;
}

function renderHead(quarters, rowHeading) {
  els.head.replaceChildren(element("th", { text: rowHeading, attrs: { scope: "col" } }),
    ...quarters.map((q) => element("th", { text: formatQuarter(q), attrs: { scope: "col" } })),
    element("th", { text: t("delivery.completenessHeading"), attrs: { scope: "col" } }));
}

function renderRegions(quarters) {
  renderHead(quarters, t("delivery.region"));
  els.caption.textContent = t("delivery.captionRegions", { from: formatQuarter(report.from), to: formatQuarter(report.to) });
  const byCell = groupCells(report.cells, (c) => `${c.region}|${c.period}`);
  const summaries = new Map(report.byRegion.map((s) => [s.key, s]));
  els.body.replaceChildren(...report.regions.map((region) => {
    const tr = element("tr", { attrs: { "data-region": region.code } });
    tr.append(element("th", { text: names(region), attrs: { scope: "row" } }),
      ...quarters.map((q) => countsCell(byCell.get(`${region.code}|${q}`) ?? [])),
      element("td", { className: "num", text: percent(summaries.get(region.code)?.completeness) }));
    return tr;
  }));
}

function renderIndicators(quarters) {
  const region = report.regions[0];
  renderHead(quarters, t("delivery.indicator"));
  els.caption.textContent = t("delivery.captionIndicators", { region: names(region), from: formatQuarter(report.from), to: formatQuarter(report.to) });
  const indicators = new Map(report.indicators.map((i) => [i.code, i]));
  const rows = groupCells(report.cells, (c) => `${c.indicator}|${c.source}`);
  els.body.replaceChildren(...[...rows.values()].map((cells) => {
    const { indicator, source } = cells[0];
    const tr = element("tr", { attrs: { "data-indicator": indicator, "data-source": source } });
    const heading = element("th", { attrs: { scope: "row" } });
    heading.append(names(indicators.get(indicator) ?? { nameKk: indicator, nameRu: indicator, nameEn: indicator }), element("br"),
      element("small", { text: sourceName(source) }));
    const byPeriod = new Map(cells.map((c) => [c.period, c]));
    const units = cells.reduce((sum, c) => sum + c.units, 0);
    const withValue = cells.reduce((sum, c) => sum + c.unitsWithValue, 0);
    tr.append(heading, ...quarters.map((q) => deliveryCell(byPeriod.get(q))),
      element("td", { className: "num", text: percent(units ? (100 * withValue) / units : null) }));
    return tr;
  }));
}

function renderSummary() {
  const all = report.byPeriod.reduce((sum, s) => ({
    received: sum.received + s.received, late: sum.late + s.late, missing: sum.missing + s.missing, due: sum.due + s.due,
    expected: sum.expected + s.expected,
  }), { received: 0, late: 0, missing: 0, due: 0, expected: 0 });
  els.meta.textContent = [
    tPlural("delivery.expected", all.expected),
    `${t("delivery.status.received")}: ${formatNumber(all.received)}`,
    `${t("delivery.status.late")}: ${formatNumber(all.late)}`,
    `${t("delivery.status.missing")}: ${formatNumber(all.missing)}`,
    `${t("delivery.status.due")}: ${formatNumber(all.due)}`,
    t("delivery.today", { date: formatDate(report.today), days: formatNumber(report.dueDays) }),
  ].join(" · ");
}

function render() {
  if (!report) return;
  renderFilters();
  const quarters = quartersBetween(report.from, report.to);
  if (report.regions.length === 1) renderIndicators(quarters);
  else renderRegions(quarters);
  renderSummary();
}

async function load() {
  await loadTable(els.error, async () => {
    report = await fetchDelivery(filters);
    choices ??= { regions: report.regions, sources: report.sources, indicators: report.indicators };
    render();
  });
}

els.form.addEventListener("change", (event) => {
  const name = event.target.name;
  if (!FILTERS.includes(name)) return;
  filters[name] = event.target.value;
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
  history.replaceState(null, "", `${location.pathname}?${query}`);
  document.body.dataset.ready = "false";
  load();
});

initPage({ titleKey: "delivery.title", onTranslate: render }).then(load);
loadDemoBanner();
