// The hotspot table beside the map: the N riskiest districts of the shown score table (nationally, or of the region
// shown), sortable by each column; choosing a district zooms the map to it. Below it, for users who see detail, links
// download the same list as CSV, XLSX or GeoJSON. Plain ES module: no globals.

import { classColor, unitClass } from "./choropleth.js";
import { element } from "../shared/dom.js";
import { addMessages, formatChange, formatNumber, formatQuarter, formatScore, t } from "../shared/i18n.js";
import { swatch } from "./legend.js";
import { HOTSPOT_MESSAGES } from "./hotspots-messages.js";

addMessages(HOTSPOT_MESSAGES);

const SIZES = Object.freeze([10, 25, 50]);

const EXPORT_FORMATS = Object.freeze(["csv", "xlsx", "geojson"]);

/**
 * Columns: key, heading, what is sorted and shown. The first click on a heading sorts by what users look for first:
 * the riskiest (highest class, score or rise) or A–Z.
 */
const COLUMNS = Object.freeze([
  { key: "rank", heading: "hotspots.rank", detailOnly: true, first: "ascending", value: (row) => row.unit.rank || null },
  { key: "name", heading: "hotspots.district", first: "ascending", value: (row) => row.name },
  { key: "region", heading: "hotspots.region", nationalOnly: true, first: "ascending", value: (row) => row.region },
  { key: "class", heading: "hotspots.class", first: "descending", value: (row) => unitClass(row.unit) },
  { key: "score", heading: "hotspots.score", detailOnly: true, first: "descending", value: (row) => row.unit.score },
  { key: "change", heading: "hotspots.change", detailOnly: true, first: "descending", value: (row) => row.unit.changeQuarter },
]);

/** The column of the row controls (rowAction), not sortable. */
const ACTION_COLUMN = Object.freeze({ key: "action", heading: "hotspots.action" });

/**
 * Creates the table in root (a <section>). nameOf(kato) and regionNameOf(kato) give names in the UI language;
 * onSelect(kato) is called when the user chooses a district; rowAction(kato), if given, returns a control for the
 * row (e.g. "Add to programme") or null, and its column is shown when some row has one.
 */
export function createHotspotTable(root, { nameOf, regionNameOf, onSelect, rowAction = () => null }) {
  let data = null;
  let size = SIZES[0];
  let exportsAllowed = false;
  let sort = { key: null, direction: null };

  const heading = element("h2", { className: "hotspots-title", attrs: { id: "hotspots-title" } });
  const sizeLabel = element("label", { className: "hotspots-size", attrs: { for: "hotspots-size" } });
  const sizeSelect = element("select", { attrs: { id: "hotspots-size" } });
  sizeLabel.append(element("span"), sizeSelect);
  const tableBox = element("div", { className: "hotspots-box" });
  const exportBox = element("p", { className: "hotspots-exports" });
  exportBox.hidden = true;
  root.replaceChildren(heading, sizeLabel, tableBox, exportBox);
  root.setAttribute("aria-labelledby", "hotspots-title");

  sizeSelect.addEventListener("change", () => {
    size = Number(sizeSelect.value);
    render();
  });

  function rows() {
    const { units, region, selected } = data;
    const inView = units.filter((unit) => (region === null || unit.regionKato === region) && unitClass(unit) !== null);
    // The score table lists the riskiest first; the N riskiest are the hotspots, then sorted as the user asks.
    const top = inView.slice(0, size).map((unit) => ({
      unit,
      name: nameOf(String(unit.code)),
      region: regionNameOf(String(unit.regionKato)),
      selected: String(unit.code) === selected,
    }));
    const column = COLUMNS.find((c) => c.key === sort.key);
    if (!column) return top;
    const sign = sort.direction === "ascending" ? 1 : -1;
    const collator = new Intl.Collator(document.documentElement.lang);
    return [...top].sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      if (x === null || x === undefined) return y === null || y === undefined ? 0 : 1;
      if (y === null || y === undefined) return -1;
      return sign * (typeof x === "string" ? collator.compare(x, y) : x - y);
    });
  }

  function columns() {
    const detailed = data.units.some((unit) => unit.detailed);
    return COLUMNS.filter((c) => (!c.detailOnly || detailed) && (!c.nationalOnly || data.region === null));
  }

  function headerCell(column) {
    if (column === ACTION_COLUMN) return element("th", { text: t(column.heading), attrs: { scope: "col" } });
    const th = element("th", { attrs: { scope: "col" } });
    const button = element("button", { className: "sort-button", text: t(column.heading), attrs: { type: "button", "data-sort": column.key } });
    if (sort.key === column.key) th.setAttribute("aria-sort", sort.direction);
    button.addEventListener("click", () => {
      const direction = sort.key !== column.key ? column.first : sort.direction === "ascending" ? "descending" : "ascending";
      sort = { key: column.key, direction };
      render();
      tableBox.querySelector(`button[data-sort="${column.key}"]`)?.focus();
    });
    th.append(button);
    return th;
  }

  function cell(column, row) {
    const { unit } = row;
    switch (column.key) {
      case "rank":
        return element("td", { className: "num", text: unit.rank ? formatNumber(unit.rank) : "—" });
      case "name": {
        const th = element("th", { attrs: { scope: "row" } });
        const button = element("button", { className: "link-button", text: row.name, attrs: { type: "button" } });
        button.addEventListener("click", (event) => {
          event.stopPropagation();
          onSelect(String(unit.code));
        });
        th.append(button);
        return th;
      }
      case "region":
        return element("td", { text: row.region });
      case "class": {
        const td = element("td", { className: "hotspot-class" });
        const cls = unitClass(unit);
        td.append(swatch(classColor(cls)), element("span", { text: t(`class.${cls}`) }));
        return td;
      }
      case "action": {
        const td = element("td");
        if (row.action) td.append(row.action);
        return td;
      }
      case "score":
        return element("td", { className: "num", text: typeof unit.score === "number" ? formatScore(unit.score) : "—" });
      default:
        return element("td", { className: "num", text: formatChange(unit.changeQuarter) });
    }
  }

  function render() {
    heading.textContent = data.region === null ? t("hotspots.titleNational") : t("hotspots.titleRegion", { region: regionNameOf(data.region) });
    sizeLabel.firstElementChild.textContent = t("hotspots.show");
    sizeSelect.replaceChildren(...SIZES.map((n) => {
      const option = element("option", { text: formatNumber(n), attrs: { value: String(n) } });
      option.selected = n === size;
      return option;
    }));

    const shown = rows().map((row) => ({ ...row, action: rowAction(String(row.unit.code)) }));
    const shownColumns = [...columns(), ...(shown.some((row) => row.action) ? [ACTION_COLUMN] : [])];
    const table = element("table", { className: "hotspots-table", attrs: { id: "hotspots-table" } });
    table.append(element("caption", { className: "visually-hidden", text: t("hotspots.caption", { period: formatQuarter(data.period) }) }));
    const head = element("thead");
    const headRow = element("tr");
    headRow.append(...shownColumns.map(headerCell));
    head.append(headRow);
    const body = element("tbody");
    table.append(head, body);
    for (const row of shown) {
      const tr = element("tr", { attrs: { "data-kato": String(row.unit.code) } });
      if (row.selected) tr.setAttribute("aria-current", "true");
      tr.append(...shownColumns.map((column) => cell(column, row)));
      tr.addEventListener("click", () => onSelect(String(row.unit.code)));
      body.append(tr);
    }
    if (!body.childElementCount) {
      const empty = element("tr");
      empty.append(element("td", { text: t("hotspots.empty"), attrs: { colspan: String(shownColumns.length) } }));
      body.append(empty);
    }
    tableBox.replaceChildren(table);
    renderExports();
  }

  /** Links to the list shown as files: the same period, measure, region and number of districts (class: any). */
  function renderExports() {
    exportBox.hidden = !exportsAllowed;
    if (!exportsAllowed) return;
    const lang = document.documentElement.lang;
    const query = {
      level: "district",
      period: data.period,
      by: data.measure ?? "composite",
      class: "1,2,3,4,5",
      top: String(size),
      lang,
      // Spreadsheets in Kazakh and Russian locales split CSV at ';' and read decimal commas.
      sep: lang === "en" ? "," : ";",
    };
    if (data.region !== null) query.region = data.region;
    const links = EXPORT_FORMATS.map((format) => element("a", {
      className: "hotspots-export",
      text: t(`hotspots.export.${format}`),
      attrs: {
        href: `/api/exports/hotspots?${new URLSearchParams({ format, ...query })}`,
        download: "",
        "data-format": format,
        "aria-label": t("hotspots.exportLabel", { format: t(`hotspots.export.${format}`) }),
      },
    }));
    exportBox.replaceChildren(element("span", { text: t("hotspots.download") }), ...links);
  }

  return {
    /** Shows the hotspots of a score table: { units, period, measure, region (KATO or null), selected (KATO or null) }. */
    show(next) {
      data = next;
      render();
    },
    /** Offers the export links (to users who see detail: analysts, planners, education departments). */
    allowExports(allowed) {
      exportsAllowed = allowed;
      if (data) renderExports();
    },
    /** Re-renders in the UI language. */
    retranslate() {
      if (data) render();
    },
  };
}
