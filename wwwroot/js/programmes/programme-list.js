// The list of programmes the caller may read: region, title, quarters, targets, measures, done and overdue measures
// (highlighted, with text), newest first. Plain ES module: no globals.

import { element } from "../shared/dom.js";
import { formatNumber, formatQuarter, localizedName, t } from "../shared/i18n.js";
import { cellWith, timeElement } from "../shared/status-view.js";

/** The address of a page of this site that keeps a ?lang= the current page was opened with. */
export function pageHref(path, params = {}) {
  const query = new URLSearchParams(params);
  const lang = new URLSearchParams(window.location.search).get("lang");
  if (lang) query.set("lang", lang);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A { kk, ru, en } name as localizedName reads it. */
export function nameOf(name) {
  return localizedName({ name_kk: name?.kk, name_ru: name?.ru, name_en: name?.en });
}

export function quarterSpan(programme) {
  return t("programmes.quarterSpan", { start: formatQuarter(programme.startQuarter), end: formatQuarter(programme.endQuarter) });
}

/** "⚠ n" in a cell marked overdue, or the plain number. */
export function overdueCell(count, tag = "td") {
  const cell = element(tag, { className: "num" });
  if (count > 0) {
    cell.classList.add("is-overdue");
    cell.append(element("span", { className: "overdue-icon", text: "⚠ ", attrs: { "aria-hidden": "true" } }));
  }
  cell.append(formatNumber(count));
  return cell;
}

const COLUMNS = Object.freeze(["title", "region", "quarters", "targets", "measures", "done", "overdue", "updated"]);

function row(programme) {
  const tr = element("tr", { attrs: { "data-programme": String(programme.id) } });
  if (programme.overdueMeasures > 0) tr.classList.add("has-overdue");
  const title = element("th", { attrs: { scope: "row" } });
  title.append(element("a", { text: programme.title, attrs: { href: pageHref("/programmes.html", { id: programme.id }) } }));
  tr.append(
    title,
    element("td", { text: nameOf(programme.regionName) }),
    element("td", { text: quarterSpan(programme) }),
    element("td", { className: "num", text: formatNumber(programme.targets) }),
    element("td", { className: "num", text: formatNumber(programme.measures) }),
    element("td", { className: "num", text: formatNumber(programme.doneMeasures) }),
    overdueCell(programme.overdueMeasures),
    cellWith(timeElement(programme.updatedAt)),
  );
  return tr;
}

/** Renders the list into root; onNew (planners only) opens the new-programme form. */
export function renderProgrammeList(root, { programmes, onNew }) {
  const heading = element("h1", { className: "page-title", text: t("programmes.heading") });
  const intro = element("p", { className: "page-intro", text: t("programmes.intro") });
  const parts = [heading, intro];
  if (onNew) {
    const button = element("button", { className: "action-button", text: t("programmes.new"), attrs: { type: "button", id: "new-programme" } });
    button.addEventListener("click", onNew);
    const actions = element("div", { className: "programme-actions" });
    actions.append(button);
    parts.push(actions);
  }
  if (programmes.length === 0) {
    parts.push(element("p", { className: "empty-note", text: t("programmes.empty") }));
    // A planner's first visit: the programme starts from the map's riskiest units, so say where that is.
    if (onNew) {
      const start = element("p", { className: "empty-note", text: `${t("programmes.emptyStart")} ` });
      start.append(element("a", { text: t("programmes.openMap"), attrs: { href: "/", id: "programmes-open-map" } }));
      parts.push(start);
    }
  } else {
    const table = element("table", { className: "runs-table programmes-table", attrs: { id: "programmes-table" } });
    table.append(element("caption", { className: "section-title", text: t("programmes.caption") }));
    const headRow = element("tr");
    headRow.append(...COLUMNS.map((key) => element("th", { text: t(`programmes.col.${key}`), attrs: { scope: "col" } })));
    const head = element("thead");
    head.append(headRow);
    const body = element("tbody");
    body.append(...programmes.map(row));
    table.append(head, body);
    const wrap = element("div", { className: "table-wrap", attrs: { role: "region", tabindex: "0", "aria-label": t("programmes.caption") } });
    wrap.append(table);
    parts.push(wrap);
  }
  root.replaceChildren(...parts);
}
