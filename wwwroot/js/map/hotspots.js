// The hotspot table beside the map: the N riskiest districts of the shown score table (nationally, or of the region
// shown), or, for callers whose scope holds schools, the N riskiest schools of the region or district shown (a switch
// chooses), sortable by each column; choosing a row opens that district or school. Below it, for users who see detail,
// links download the whole list (every row of the selection, not only the rows shown) as CSV, XLSX or GeoJSON. The
// table fits the side panel: the region, a district's emerging hot spot category (where the caller is shown one and it
// is a pattern), a school's reasons (folded) and the row's action are stacked under the name. A change is
// marked as a rise or a fall only when change.js says it is one.
// Plain ES module: no globals.

import { reportBug, requestJson } from "../shared/api.js";
import { changeDirection, changeText } from "./change.js";
import { classColor, unitClass } from "./choropleth.js";
import { element } from "../shared/dom.js";
import { categorySwatch } from "./emerging-swatch.js";
import { isPattern } from "./emerging-style.js";
import { addMessages, formatChange, formatNumber, formatQuarter, formatScore, localizedName, t, tPlural } from "../shared/i18n.js";
import { swatch } from "./legend.js";
import { HOTSPOT_MESSAGES } from "./hotspots-messages.js";
import { seesSchoolsIn } from "./schools.js";
import { measureName } from "./selectors.js";

addMessages(HOTSPOT_MESSAGES);

const SIZES = Object.freeze([10, 25, 50]);

const EXPORT_FORMATS = Object.freeze(["csv", "xlsx", "geojson"]);

/** What the table lists: districts, or the schools of an area. */
const DISTRICTS = "district";
const SCHOOLS = "school";

/** Every row of a selection, as the API allows at most (HotspotQuery.MaxTop). */
const WHOLE_LIST = "100000";

/**
 * Columns: key, heading, what is sorted and shown. The first click on a heading sorts by what users look for first:
 * the riskiest (highest risk level, score or rise) or A–Z.
 */
const COLUMNS = Object.freeze([
  { key: "rank", heading: "hotspots.rank", detailOnly: true, first: "ascending", value: (row) => row.unit.rank || null },
  { key: "name", heading: "hotspots.name", first: "ascending", value: (row) => row.name },
  { key: "class", heading: "hotspots.class", first: "descending", value: (row) => unitClass(row.unit) },
  { key: "score", heading: "hotspots.score", detailOnly: true, first: "descending", value: (row) => row.unit.score },
  { key: "change", heading: "hotspots.change", detailOnly: true, first: "descending", value: (row) => row.unit.changeQuarter },
]);

/**
 * Creates the table in root (a <section>). nameOf(kato) and regionNameOf(kato) give names in the UI language;
 * onSelect(kato) is called when the user chooses a district, onSelectSchool({ code, district, props }) when they
 * choose a school; rowAction(unit), if given, returns a control for the row ({ level, code, name, region }) (e.g.
 * "Add to programme") or null; hotSpotOf(kato), if given, a district's emerging hot spot ({ category, categoryName }) or null.
 */
export function createHotspotTable(root, { nameOf, regionNameOf, onSelect, onSelectSchool, rowAction = () => null, hotSpotOf = () => null }) {
  let data = null;
  let size = SIZES[0];
  let caller = null;
  let mode = DISTRICTS;
  let sort = { key: null, direction: null };
  /** The whole school list of the area shown: { key, units, failed } once fetched (key: the request's query). */
  let schoolList = null;
  /** The school last chosen from the list: { district, area }; the list keeps its area while that district is open. */
  let chosen = null;

  const heading = element("h2", { className: "hotspots-title", attrs: { id: "hotspots-title" } });
  const modeSwitch = element("div", { className: "hotspots-mode", attrs: { role: "group" } });
  const sizeLabel = element("label", { className: "hotspots-size", attrs: { for: "hotspots-size" } });
  const sizeSelect = element("select", { attrs: { id: "hotspots-size" } });
  sizeLabel.append(element("span"), sizeSelect);
  const count = element("p", { className: "hotspots-count", attrs: { id: "hotspots-count", "aria-live": "polite" } });
  const tableBox = element("div", { className: "hotspots-box" });
  const exportBox = element("p", { className: "hotspots-exports" });
  exportBox.hidden = true;
  root.replaceChildren(heading, modeSwitch, sizeLabel, count, tableBox, exportBox);
  root.setAttribute("aria-labelledby", "hotspots-title");

  sizeSelect.addEventListener("change", () => {
    size = Number(sizeSelect.value);
    render();
  });

  /** The region or district whose schools the caller may list here, or null: the one shown, else the caller's own. */
  function schoolArea() {
    if (!caller?.seesSchools || !data) return null;
    if (chosen && data.selected === chosen.district) return chosen.area;
    const district = data.selected && data.selected !== data.region ? data.selected : null;
    const shown = data.region === null ? null : { region: data.region, district };
    if (shown && seesSchoolsIn(caller, shown)) return shown;
    if (caller.scopeRegion && (!shown || shown.region === caller.scopeRegion)) {
      return { region: caller.scopeRegion, district: caller.scopeDistrict ?? null };
    }
    return null;
  }

  function listing() {
    return mode === SCHOOLS && schoolArea() ? SCHOOLS : DISTRICTS;
  }

  /** The query of a list (and its exports): period, measure, the map's classification and the area; class and top for the whole list. */
  function listQuery(level) {
    const query = { level, period: data.period, by: data.measure ?? "composite", classes: data.classification ?? "fixed", class: "1,2,3,4,5", top: WHOLE_LIST };
    const area = level === SCHOOLS ? schoolArea() : { region: data.region, district: null };
    if (area?.district) query.district = area.district;
    else if (area?.region) query.region = area.region;
    return query;
  }

  /** Fetches the school list of the area shown unless it is already held (or being fetched). */
  function loadSchools() {
    const key = new URLSearchParams(listQuery(SCHOOLS)).toString();
    if (schoolList?.key === key) return;
    schoolList = { key, units: null, failed: false };
    root.dataset.schools = "loading";
    requestJson(`/api/hotspots?${key}`)
      .then((list) => {
        if (schoolList?.key !== key) return;
        schoolList = { key, units: list.units, failed: false };
        render();
        root.dataset.schools = "ready";
      })
      .catch((error) => {
        reportBug(error);
        if (schoolList?.key !== key) return;
        schoolList = { key, units: null, failed: true };
        render();
        root.dataset.schools = "failed";
      });
  }

  /** The units listed, riskiest first: the districts of the score table, or the schools (hotspots) of the area. */
  function allRows() {
    if (listing() === SCHOOLS) {
      return (schoolList?.units ?? []).map(({ unit, reasons }) => ({
        unit,
        reasons,
        code: String(unit.code),
        name: localizedName({ name_kk: unit.nameKk, name_ru: unit.nameRu, name_en: unit.nameEn }),
        secondary: null,
        hotSpot: null,
        selected: String(unit.code) === data.school,
      }));
    }
    const { units, region, selected } = data;
    return units
      .filter((unit) => (region === null || unit.regionKato === region) && unitClass(unit) !== null)
      .map((unit) => ({
        unit,
        reasons: [],
        code: String(unit.code),
        name: nameOf(String(unit.code)),
        secondary: region === null ? regionNameOf(String(unit.regionKato)) : null,
        hotSpot: hotSpotOf(String(unit.code)),
        selected: String(unit.code) === selected,
      }));
  }

  /** The N riskiest of the list, then sorted as the user asks. */
  function rows(all) {
    const top = all.slice(0, size);
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
    const detailed = listing() === SCHOOLS || data.units.some((unit) => unit.detailed);
    return COLUMNS.filter((c) => !c.detailOnly || detailed);
  }

  function headerCell(column) {
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

  function choose(row) {
    if (listing() === SCHOOLS) {
      const { unit } = row;
      chosen = { district: String(unit.districtKato), area: schoolArea() };
      onSelectSchool({ code: row.code, district: String(unit.districtKato), props: { name_kk: unit.nameKk, name_ru: unit.nameRu, name_en: unit.nameEn } });
    } else {
      onSelect(row.code);
    }
  }

  /**
   * The reasons of a school's score, named as its profile names them, folded: in the ~368 px panel three indicator names
   * would make each row several hundred pixels tall.
   */
  function reasonsDisclosure(reasons) {
    if (!reasons.length) return null;
    const details = element("details", { className: "hotspot-reasons" });
    const summary = element("summary", { text: t("hotspots.reasonsSummary", { count: formatNumber(reasons.length) }) });
    // Opening the reasons is not choosing the school.
    summary.addEventListener("click", (event) => event.stopPropagation());
    const list = element("ul");
    list.append(...reasons.map((reason) => element("li", { text: measureName(`indicator:${reason.indicator}`) ?? reason.indicator })));
    details.append(summary, list);
    return details;
  }

  function nameCell(row) {
    const th = element("th", { className: "hotspot-name", attrs: { scope: "row" } });
    const button = element("button", { className: "link-button", text: row.name, attrs: { type: "button" } });
    button.addEventListener("click", (event) => {
      event.stopPropagation();
      choose(row);
    });
    th.append(button);
    if (row.secondary) th.append(element("span", { className: "hotspot-secondary", text: row.secondary }));
    if (isPattern(row.hotSpot?.category)) th.append(hotSpotLine(row.hotSpot));
    const reasons = reasonsDisclosure(row.reasons);
    if (reasons) th.append(reasons);
    if (row.action) th.append(row.action);
    return th;
  }

  /** A district's hot spot category as a short line under its name, with the map's swatch of it. */
  function hotSpotLine({ category, categoryName }) {
    const line = element("span", { className: "hotspot-secondary hotspot-category", attrs: { "data-category": category } });
    line.append(categorySwatch(category), element("span", { text: categoryName }));
    return line;
  }

  function cell(column, row) {
    const { unit } = row;
    switch (column.key) {
      case "rank":
        return element("td", { className: "num", text: unit.rank ? formatNumber(unit.rank) : "—" });
      case "name":
        return nameCell(row);
      case "class": {
        const td = element("td", { className: "hotspot-class" });
        const cls = unitClass(unit);
        td.append(swatch(classColor(cls)), element("span", { text: t(`class.${cls}`) }));
        return td;
      }
      case "score":
        return element("td", { className: "num", text: typeof unit.score === "number" ? formatScore(unit.score) : "—" });
      default: {
        // The number alone fits the panel; a mark only where the change is a rise or a fall, the words in the title.
        const direction = changeDirection(unit, "quarter");
        const mark = { rise: " ▲", fall: " ▼" }[direction] ?? "";
        return element("td", {
          className: `num change-${direction ?? "none"}`, text: `${formatChange(unit.changeQuarter)}${mark}`,
          attrs: direction ? { title: changeText(unit, "quarter"), "data-change": "quarter" } : {},
        });
      }
    }
  }

  function renderSwitch(area) {
    modeSwitch.hidden = area === null;
    if (area === null) return;
    modeSwitch.setAttribute("aria-label", t("hotspots.listing"));
    modeSwitch.replaceChildren(...[DISTRICTS, SCHOOLS].map((value) => {
      const button = element("button", {
        className: "hotspots-mode-button",
        text: t(`hotspots.mode.${value}`),
        attrs: { type: "button", "aria-pressed": String(listing() === value), "data-mode": value },
      });
      button.addEventListener("click", () => {
        mode = value;
        sort = { key: null, direction: null };
        render();
        modeSwitch.querySelector(`[data-mode="${value}"]`)?.focus();
      });
      return button;
    }));
  }

  function title(area) {
    if (listing() !== SCHOOLS) {
      return data.region === null ? t("hotspots.titleNational") : t("hotspots.titleRegion", { region: regionNameOf(data.region) });
    }
    return t("hotspots.titleSchools", { area: area.district ? nameOf(area.district) : regionNameOf(area.region) });
  }

  function render() {
    const area = schoolArea();
    const level = listing();
    if (level === SCHOOLS) loadSchools();
    root.dataset.listing = level;
    heading.textContent = title(area);
    renderSwitch(area);
    sizeLabel.firstElementChild.textContent = t("hotspots.show");
    sizeSelect.replaceChildren(...SIZES.map((n) => {
      const option = element("option", { text: formatNumber(n), attrs: { value: String(n) } });
      option.selected = n === size;
      return option;
    }));

    const all = allRows();
    const shown = rows(all).map((row) => ({
      ...row,
      action: rowAction({ level, code: row.code, name: row.name, region: String(row.unit.regionKato) }),
    }));
    const loading = level === SCHOOLS && !schoolList?.units;
    count.textContent = loading ? "" : t(`hotspots.count.${level}`, { shown: formatNumber(shown.length), total: tPlural(`hotspots.total.${level}`, all.length) });
    const shownColumns = columns();
    const table = element("table", { className: "hotspots-table", attrs: { id: "hotspots-table", "aria-describedby": "hotspots-count" } });
    table.append(element("caption", { className: "visually-hidden", text: t(`hotspots.caption.${level}`, { period: formatQuarter(data.period) }) }));
    const head = element("thead");
    const headRow = element("tr");
    headRow.append(...shownColumns.map(headerCell));
    head.append(headRow);
    const body = element("tbody");
    table.append(head, body);
    for (const row of shown) {
      const tr = element("tr", { attrs: { [level === SCHOOLS ? "data-school" : "data-kato"]: row.code } });
      if (row.selected) tr.setAttribute("aria-current", "true");
      tr.append(...shownColumns.map((column) => cell(column, row)));
      tr.addEventListener("click", () => choose(row));
      body.append(tr);
    }
    if (!body.childElementCount) {
      const empty = element("tr");
      const text = loading ? (schoolList?.failed ? "hotspots.failed" : "hotspots.loading") : `hotspots.empty.${level}`;
      empty.append(element("td", { text: t(text), attrs: { colspan: String(shownColumns.length) } }));
      body.append(empty);
    }
    // A re-drawn table keeps the keyboard on the row of the school (or district) chosen.
    const refocus = tableBox.contains(document.activeElement) && !document.activeElement.dataset.sort;
    tableBox.replaceChildren(table);
    if (refocus) body.querySelector("tr[aria-current] .hotspot-name button")?.focus();
    renderExports(level);
  }

  /** Links to the whole list as files: the same period, measure and area, every row (class: any). */
  function renderExports(level) {
    const allowed = Boolean(caller?.seesSchools);
    exportBox.hidden = !allowed;
    if (!allowed) return;
    const lang = document.documentElement.lang;
    // Spreadsheets in Kazakh and Russian locales split CSV at ';' and read decimal commas.
    const query = { ...listQuery(level), lang, sep: lang === "en" ? "," : ";" };
    const links = EXPORT_FORMATS.map((format) => element("a", {
      className: "hotspots-export",
      text: t(`hotspots.export.${format}`),
      attrs: {
        href: `/api/exports/hotspots?${new URLSearchParams({ format, ...query })}`,
        download: "",
        "data-format": format,
        "aria-label": t(`hotspots.exportLabel.${level}`, { format: t(`hotspots.export.${format}`) }),
      },
    }));
    exportBox.replaceChildren(element("span", { text: t("hotspots.download") }), ...links);
  }

  return {
    /**
     * Shows the hotspots of a score table: { units, period, measure, classification ("fixed" or "quantile"), region (KATO
     * or null), selected (KATO or null), school (the code of the school whose profile is open, or null) }.
     */
    show(next) {
      data = next;
      if (chosen && data.selected !== chosen.district) chosen = null;
      render();
    },
    /** The caller (the /api/auth/me answer): who sees detail gets the exports, whose scope holds schools the school list. */
    setCaller(me) {
      caller = me;
      // An education department works with its schools: their list comes first.
      if (me.role === "education") mode = SCHOOLS;
      if (data) render();
    },
    /** Re-renders in the UI language. */
    retranslate() {
      if (data) render();
    },
  };
}
