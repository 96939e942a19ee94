// A programme's targets and their measures as a compact table a planner scans at 1366 px: №, measure, deadline,
// status, latest progress and, per target, the effect since the start. The rest of the Plan's layout (form of
// completion, responsible executors, funding and its source, every progress report) opens in a details row under the
// measure. Overdue measures are highlighted and say so in words. For a planner each target and measure has its
// actions, always in view. Plain ES module: no globals.

import { element } from "../shared/dom.js";
import { formatChange, formatDate, formatNumber, formatQuarter, t, tPlural } from "../shared/i18n.js";
import { nameOf, overdueCell } from "./programme-list.js";
import { addFact } from "../shared/status-view.js";

const COLUMNS = Object.freeze(["number", "measure", "deadline", "status", "progress", "effect"]);
export const STATUSES = Object.freeze(["planned", "in_progress", "done"]);

/** An amount of tenge in the UI locale. */
function formatTenge(amount) {
  return formatNumber(amount, { style: "currency", currency: "KZT", minimumFractionDigits: 0, maximumFractionDigits: 2 });
}

export function statusLabel(status) {
  return t(`programmes.status.${status}`);
}

function statusCell(measure) {
  const cell = element("td", { className: "measure-status", attrs: { "data-status": measure.status } });
  cell.append(element("span", { className: `badge badge-measure-${measure.status}`, text: statusLabel(measure.status) }));
  if (measure.overdue) {
    cell.append(element("span", { className: "recorded-status", text: t("programmes.recordedStatus", { status: statusLabel(measure.recordedStatus) }) }));
  }
  return cell;
}

function reportText(report) {
  const parts = [formatQuarter(report.quarter)];
  if (typeof report.percent === "number") parts.push(`${formatNumber(report.percent)}%`);
  if (report.status) parts.push(statusLabel(report.status));
  return parts.join(" · ");
}

/** The latest report in short and how many there are; every report is in the details row. */
function progressCell(measure) {
  const cell = element("td", { className: "measure-progress" });
  const latest = measure.progress.at(-1);
  if (!latest) {
    cell.textContent = "—";
    return cell;
  }
  cell.append(element("span", { className: "progress-meta", text: reportText(latest) }));
  if (measure.progress.length > 1) cell.append(element("span", { className: "progress-count", text: tPlural("programmes.progress.count", measure.progress.length) }));
  return cell;
}

function progressList(measure) {
  if (measure.progress.length === 0) return "—";
  const list = element("ol", { className: "progress-list" });
  for (const report of measure.progress) {
    const item = element("li");
    item.append(element("span", { className: "progress-meta", text: reportText(report) }), " ", report.note);
    list.append(item);
  }
  return list;
}

/** The target's effect: its score change since the baseline minus the comparison group's, or why there is none. */
function effectCell(effect, awaiting) {
  const cell = element("td", { className: "num target-effect" });
  if (awaiting) {
    cell.textContent = t("programmes.effect.noDataShort");
    cell.classList.add("is-awaiting");
  } else if (typeof effect?.latest?.difference === "number") {
    cell.textContent = formatChange(effect.latest.difference, 2);
    cell.title = t("programmes.effect.cellHint", { period: formatQuarter(effect.latest.period) });
  } else {
    cell.textContent = "—";
    if (effect?.comparison?.reasonText) cell.title = nameOf(effect.comparison.reasonText);
  }
  return cell;
}

function actionButton(text, label, onClick) {
  const button = element("button", { className: "link-button", text, attrs: { type: "button", "aria-label": label } });
  button.addEventListener("click", onClick);
  return button;
}

function actionsCell(...buttons) {
  const cell = element("td", { className: "actions-cell" });
  const group = element("div", { className: "row-actions" });
  group.append(...buttons);
  cell.append(group);
  return cell;
}

function detailsRow(measure, id, columns) {
  const tr = element("tr", { className: "measure-details", attrs: { id, "data-measure": String(measure.id) } });
  tr.hidden = true;
  const cell = element("td", { attrs: { colspan: String(columns) } });
  const facts = element("dl", { className: "facts measure-facts" });
  addFact(facts, t("programmes.plan.form"), measure.formOfCompletion ?? nameOf(measure.measure.defaultForm));
  addFact(facts, t("programmes.plan.deadline"), formatDate(measure.deadline));
  addFact(facts, t("programmes.plan.responsible"), measure.responsible);
  addFact(facts, t("programmes.plan.funding"), formatTenge(measure.fundingAmount));
  addFact(facts, t("programmes.plan.source"), measure.fundingSource);
  addFact(facts, t("programmes.plan.progressAll"), progressList(measure));
  cell.append(facts);
  tr.append(cell);
  return tr;
}

/** A button that shows and hides the measure's details row. */
function detailsToggle(name, detailsId) {
  const button = element("button", {
    className: "link-button details-toggle",
    text: t("programmes.plan.details"),
    attrs: { type: "button", "aria-expanded": "false", "aria-controls": detailsId, "aria-label": t("programmes.plan.detailsFor", { measure: name }) },
  });
  button.addEventListener("click", () => {
    const details = document.getElementById(detailsId);
    const open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    details.hidden = !open;
  });
  return button;
}

function measureRows(measure, number, columns, actions) {
  const name = nameOf(measure.measure.name);
  const detailsId = `measure-details-${measure.id}`;
  const tr = element("tr", { className: "measure-row", attrs: { "data-measure": String(measure.id) } });
  if (measure.overdue) tr.classList.add("is-overdue");
  const heading = element("th", { className: "measure-name", attrs: { scope: "row" } });
  heading.append(element("span", { text: name }), " ", detailsToggle(name, detailsId));
  tr.append(
    element("td", { className: "num", text: formatNumber(number) }),
    heading,
    element("td", { className: "measure-deadline", text: formatDate(measure.deadline) }),
    statusCell(measure),
    progressCell(measure),
    element("td"),
  );
  if (actions) {
    tr.append(actionsCell(
      actionButton(t("programmes.progress.record"), t("programmes.progress.recordFor", { measure: name }), () => actions.onProgress(measure)),
      actionButton(t("programmes.measure.edit"), t("programmes.measure.editFor", { measure: name }), () => actions.onEditMeasure(measure)),
      actionButton(t("programmes.measure.delete"), t("programmes.measure.deleteFor", { measure: name }), () => actions.onDeleteMeasure(measure)),
    ));
  }
  return [tr, detailsRow(measure, detailsId, columns)];
}

function targetRow(target, effect, awaiting, actions) {
  const name = nameOf(target.name);
  const tr = element("tr", { className: "target-row", attrs: { "data-target": String(target.id) } });
  const heading = element("th", { attrs: { scope: "colgroup", colspan: String(COLUMNS.length - 2) } });
  heading.append(element("span", { className: "target-name", text: name }), " ",
    element("span", { className: "target-level", text: t(`programmes.level.${target.level}`) }));
  const overdue = overdueCell(target.overdueMeasures);
  overdue.setAttribute("aria-label", t("programmes.targetOverdue", { n: formatNumber(target.overdueMeasures) }));
  tr.append(heading, overdue, effectCell(effect, awaiting));
  if (actions) {
    tr.append(actionsCell(
      actionButton(t("programmes.measure.add"), t("programmes.measure.addFor", { target: name }), () => actions.onAddMeasure(target)),
      actionButton(t("programmes.target.remove"), t("programmes.target.removeFor", { target: name }), () => actions.onRemoveTarget(target)),
    ));
  }
  return tr;
}

/**
 * The Plan table of a programme. effectiveness is the report of GET /api/programmes/{id}/effectiveness, or
 * null/undefined while it is not there; actions (planners only) hold the handlers of the row buttons.
 */
export function planTable(programme, effectiveness, actions) {
  const table = element("table", { className: "runs-table plan-table", attrs: { id: "plan-table" } });
  table.append(element("caption", { className: "section-title", text: t("programmes.plan.caption") }));
  const colgroup = element("colgroup");
  colgroup.append(...COLUMNS.map((key) => element("col", { className: `col-${key}` })));
  if (actions) colgroup.append(element("col", { className: "col-actions" }));
  const headRow = element("tr");
  headRow.append(...COLUMNS.map((key) => element("th", { text: t(`programmes.plan.${key}`), attrs: { scope: "col" } })));
  if (actions) headRow.append(element("th", { text: t("programmes.plan.actions"), attrs: { scope: "col" } }));
  const head = element("thead");
  head.append(headRow);
  table.append(colgroup, head);
  const columns = headRow.childElementCount;
  const effects = new Map((effectiveness?.targets ?? []).map((effect) => [effect.targetId, effect]));
  const awaiting = Boolean(effectiveness?.awaiting);
  let number = 0;
  for (const target of programme.targets) {
    const body = element("tbody", { attrs: { "data-target": String(target.id) } });
    body.append(targetRow(target, effects.get(target.id), awaiting, actions));
    for (const measure of target.measures) body.append(...measureRows(measure, ++number, columns, actions));
    if (target.measures.length === 0) {
      const empty = element("tr");
      empty.append(element("td", { className: "empty-note", text: t("programmes.target.noMeasures"), attrs: { colspan: String(columns) } }));
      body.append(empty);
    }
    table.append(body);
  }
  return table;
}
