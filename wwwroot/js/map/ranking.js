// The rankings: the 20 regions, or every district the caller sees in full, by the map's measure and quarter, in a
// dialog over the map. A table, sortable by each column, whose score and rank-band cells are a dot chart (the score on
// the 0–10 scale, the 5th–95th percentile rank band as a line with the rank as its dot), and a change column against
// the previous quarter or a year before. Choosing a unit opens it on the map with its profile. Plain ES module.

import { CHANGE_KINDS, changeDirection, changeOf, changeText } from "./change.js";
import { classColor, unitClass } from "./choropleth.js";
import { element } from "../shared/dom.js";
import { formatNumber, formatQuarter, formatScore, t, tPlural } from "../shared/i18n.js";
import { swatch } from "./legend.js";
import "./ranking-messages.js";

const SVG = "http://www.w3.org/2000/svg";
const SCALE_MAX = 10;
const STRIP = Object.freeze({ width: 120, height: 14, pad: 5 });

/** Columns: key, heading, what is sorted, and the first direction a click sorts by (riskiest or A–Z first). */
const COLUMNS = Object.freeze([
  { key: "rank", heading: "ranking.rank", first: "ascending", value: (row) => row.unit.rank || null },
  { key: "name", heading: null, first: "ascending", value: (row) => row.name },
  { key: "level", heading: "ranking.level", first: "descending", value: (row) => unitClass(row.unit) },
  { key: "score", heading: "ranking.score", first: "descending", value: (row) => row.unit.score },
  { key: "band", heading: "ranking.band", first: "ascending", value: (row) => row.unit.rankBand?.low ?? null },
  { key: "change", heading: "ranking.change", first: "descending", value: (row, change) => changeOf(row.unit, change) },
]);

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/** A strip from min to max with a dot at value and, if given, a line from low to high behind it. */
function strip({ value, min, max, low = null, high = null, label }) {
  const { width, height, pad } = STRIP;
  const x = (v) => pad + ((v - min) / Math.max(max - min, 1e-9)) * (width - 2 * pad);
  const chart = svg("svg", { class: "ranking-strip", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label });
  chart.append(svg("line", { class: "ranking-strip-axis", x1: pad, y1: height / 2, x2: width - pad, y2: height / 2 }));
  if (low !== null && high !== null) {
    chart.append(svg("line", { class: "ranking-strip-band", x1: x(low), y1: height / 2, x2: x(high), y2: height / 2 }));
  }
  if (typeof value === "number") chart.append(svg("circle", { class: "ranking-strip-dot", cx: x(value), cy: height / 2, r: 3.5 }));
  return chart;
}

/**
 * Creates the ranking in panel (buttons to open it, shown once allow(true) is called) and its dialog.
 * fetchTable(level) gives the score table of the map's view for "region" or "district"; view() the map's
 * { period, measure } and measureTitle(measure) its name; nameOf(level, kato) a unit's name and regionOf(kato) a
 * district's region name; onSelect(level, kato) opens a unit.
 */
export function createRanking(panel, { fetchTable, view, measureTitle, nameOf, regionOf, onSelect }) {
  let level = "region";
  let table = null;
  let failed = false;
  let change = "year";
  let sort = { key: "rank", direction: "ascending" };
  let requests = 0;

  const openRegions = element("button", { className: "ranking-open", attrs: { type: "button", "data-ranking": "region" } });
  const openDistricts = element("button", { className: "ranking-open", attrs: { type: "button", "data-ranking": "district" } });
  const opener = element("p", { className: "ranking-openers" });
  opener.append(openRegions, openDistricts);
  opener.hidden = true;
  panel.append(opener);

  const dialog = element("dialog", { className: "ranking-dialog", attrs: { id: "ranking", "aria-labelledby": "ranking-title" } });
  const title = element("h2", { className: "ranking-title", attrs: { id: "ranking-title" } });
  const close = element("button", { className: "ranking-close", text: "×", attrs: { type: "button" } });
  const meta = element("p", { className: "ranking-meta" });
  const changeLabel = element("label", { className: "ranking-change-label", attrs: { for: "ranking-change" } });
  const changeSelect = element("select", { attrs: { id: "ranking-change" } });
  changeLabel.append(element("span"), changeSelect);
  const note = element("p", { className: "ranking-note" });
  const box = element("div", { className: "ranking-box" });
  const head = element("div", { className: "ranking-head" });
  head.append(title, close);
  dialog.append(head, meta, changeLabel, note, box);
  document.body.append(dialog);

  for (const [button, which] of [[openRegions, "region"], [openDistricts, "district"]]) {
    button.addEventListener("click", () => open(which));
  }
  close.addEventListener("click", () => dialog.close());
  changeSelect.addEventListener("change", () => {
    change = changeSelect.value;
    render();
  });

  async function open(which) {
    level = which;
    table = null;
    failed = false;
    render();
    if (!dialog.open) dialog.showModal();
    const request = ++requests;
    try {
      const answer = await fetchTable(level);
      if (request !== requests) return;
      table = answer;
    } catch {
      if (request !== requests) return;
      failed = true;
    }
    render();
  }

  function rows() {
    const listed = table.units.filter((unit) => unit.detailed).map((unit) => ({ unit, name: nameOf(level, unit.code) }));
    const column = COLUMNS.find((c) => c.key === sort.key);
    const factor = sort.direction === "ascending" ? 1 : -1;
    const compare = (a, b) => {
      const [x, y] = [column.value(a, change), column.value(b, change)];
      if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
      if (y === null || y === undefined) return -1;
      return (typeof x === "string" ? x.localeCompare(y) : x - y) * factor;
    };
    return listed.sort((a, b) => compare(a, b) || (a.unit.rank || Infinity) - (b.unit.rank || Infinity));
  }

  function headerCell(column) {
    const text = column.heading ? t(column.heading) : t(level === "region" ? "ranking.region" : "ranking.district");
    const th = element("th", { attrs: { scope: "col" } });
    const sorted = sort.key === column.key;
    if (sorted) th.setAttribute("aria-sort", sort.direction);
    const button = element("button", { className: "ranking-sort", text, attrs: { type: "button", "data-sort": column.key, title: t("ranking.sortBy", { column: text }) } });
    button.addEventListener("click", () => {
      sort = sorted
        ? { key: column.key, direction: sort.direction === "ascending" ? "descending" : "ascending" }
        : { key: column.key, direction: column.first };
      render();
    });
    th.append(button);
    return th;
  }

  function row({ unit, name }) {
    const tr = element("tr", { attrs: { "data-code": unit.code } });
    const cls = unitClass(unit);
    const nameButton = element("button", { className: "ranking-unit", text: name, attrs: { type: "button" } });
    nameButton.addEventListener("click", () => {
      dialog.close();
      onSelect(level, unit.code);
    });
    const nameCell = element("th", { attrs: { scope: "row" } });
    nameCell.append(nameButton);
    if (level === "district") nameCell.append(element("span", { className: "ranking-region", text: regionOf(unit.code) }));
    const levelCell = element("td");
    levelCell.append(swatch(classColor(cls)), element("span", { text: cls === null ? t("class.none") : t(`class.${cls}`) }));
    const scoreCell = element("td", { className: "ranking-score" });
    scoreCell.append(element("span", { className: "num", text: formatScore(unit.score) }),
      strip({ value: unit.score, min: 0, max: SCALE_MAX, label: formatScore(unit.score) }));
    const band = unit.rankBand;
    const bandCell = element("td", { className: "ranking-band" });
    if (band) {
      const text = t("ranking.bandValue", { low: formatNumber(band.low), high: formatNumber(band.high) });
      bandCell.append(element("span", { className: "num", text }),
        strip({ value: unit.rank, min: 1, max: unit.rankAmong ?? table.units.length, low: band.low, high: band.high, label: text }));
    } else bandCell.append(element("span", { text: "—" }));
    const changeCell = element("td", {
      className: `num ranking-change change-${changeDirection(unit, change) ?? "none"}`,
      text: changeText(unit, change),
    });
    tr.append(element("td", { className: "num", text: unit.rank ? formatNumber(unit.rank) : "—" }), nameCell, levelCell, scoreCell, bandCell, changeCell);
    return tr;
  }

  function render() {
    openRegions.textContent = t("ranking.openRegions");
    openDistricts.textContent = t("ranking.openDistricts");
    close.setAttribute("aria-label", t("ranking.close"));
    title.textContent = t(level === "region" ? "ranking.titleRegions" : "ranking.titleDistricts");
    const { period, measure } = view();
    meta.textContent = t("ranking.meta", { measure: measureTitle(measure), period: formatQuarter(table?.period ?? period) });
    changeLabel.firstChild.textContent = t("ranking.changeLabel");
    changeSelect.replaceChildren(...CHANGE_KINDS.map((kind) => element("option", { text: t(`ranking.change.${kind}`), attrs: { value: kind } })));
    changeSelect.value = change;
    if (failed) {
      note.textContent = "";
      box.replaceChildren(element("p", { className: "ranking-note", text: t("ranking.failed") }));
      dialog.dataset.ranking = "failed";
      return;
    }
    if (!table) {
      note.textContent = "";
      box.replaceChildren(element("p", { className: "ranking-note", text: t("status.loading") }));
      dialog.dataset.ranking = "loading";
      return;
    }
    const listed = rows();
    const hidden = table.units.length - listed.length;
    note.textContent = [
      tPlural("ranking.count", listed.length),
      hidden > 0 ? tPlural("ranking.hidden", hidden) : "",
      listed.some((r) => r.unit.rankBand) ? "" : t("ranking.noBands"),
    ].filter(Boolean).join(" ");
    const tableEl = element("table", { className: "ranking-table" });
    const headRow = element("tr");
    headRow.append(...COLUMNS.map(headerCell));
    const thead = element("thead");
    thead.append(headRow);
    const tbody = element("tbody");
    tbody.append(...listed.map(row));
    tableEl.append(thead, tbody);
    box.replaceChildren(tableEl);
    dialog.dataset.ranking = "ready";
    dialog.dataset.level = level;
  }

  render();
  return {
    /** Shows the buttons to callers who see scores (signed-in roles with detail). */
    allow(allowed) {
      opener.hidden = !allowed;
    },
    /** Re-renders in the UI language. */
    retranslate: render,
    /** Reloads an open ranking for a new view of the map. */
    refresh() {
      if (dialog.open) open(level);
    },
  };
}
