// A programme's targets and their measures in the Complex Plan's layout: №, measure, form of completion, deadline,
// responsible executors, funding amount and source, then status and progress. Overdue measures are highlighted and
// say so in words. For a planner each target and measure has its actions. Plain ES module: no globals.

import { element } from "../shared/dom.js";
import { formatDate, formatNumber, formatQuarter, t } from "../shared/i18n.js";
import { nameOf, overdueCell } from "./programme-list.js";

const COLUMNS = Object.freeze(["number", "measure", "form", "deadline", "responsible", "funding", "source", "status", "progress"]);
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

function progressCell(measure) {
  const cell = element("td", { className: "measure-progress" });
  if (measure.progress.length === 0) {
    cell.textContent = "—";
    return cell;
  }
  const list = element("ol", { className: "progress-list" });
  for (const report of measure.progress) {
    const parts = [formatQuarter(report.quarter)];
    if (typeof report.percent === "number") parts.push(`${formatNumber(report.percent)}%`);
    if (report.status) parts.push(statusLabel(report.status));
    const item = element("li");
    item.append(element("span", { className: "progress-meta", text: parts.join(" · ") }), " ", report.note);
    list.append(item);
  }
  cell.append(list);
  return cell;
}

function actionButton(text, label, onClick) {
  const button = element("button", { className: "link-button", text, attrs: { type: "button", "aria-label": label } });
  button.addEventListener("click", onClick);
  return button;
}

function measureRow(measure, number, actions) {
  const name = nameOf(measure.measure.name);
  const tr = element("tr", { className: "measure-row", attrs: { "data-measure": String(measure.id) } });
  if (measure.overdue) tr.classList.add("is-overdue");
  const numberCell = element("td", { className: "num", text: formatNumber(number) });
  tr.append(
    numberCell,
    element("th", { text: name, attrs: { scope: "row" } }),
    element("td", { text: measure.formOfCompletion ?? nameOf(measure.measure.defaultForm) }),
    element("td", { text: formatDate(measure.deadline) }),
    element("td", { text: measure.responsible }),
    element("td", { className: "num", text: formatTenge(measure.fundingAmount) }),
    element("td", { text: measure.fundingSource }),
    statusCell(measure),
    progressCell(measure),
  );
  if (actions) {
    const cell = element("td", { className: "row-actions" });
    cell.append(
      actionButton(t("programmes.progress.record"), t("programmes.progress.recordFor", { measure: name }), () => actions.onProgress(measure)),
      actionButton(t("programmes.measure.edit"), t("programmes.measure.editFor", { measure: name }), () => actions.onEditMeasure(measure)),
      actionButton(t("programmes.measure.delete"), t("programmes.measure.deleteFor", { measure: name }), () => actions.onDeleteMeasure(measure)),
    );
    tr.append(cell);
  }
  return tr;
}

function targetRow(target, columns, actions) {
  const name = nameOf(target.name);
  const tr = element("tr", { className: "target-row", attrs: { "data-target": String(target.id) } });
  const heading = element("th", { attrs: { scope: "colgroup", colspan: String(columns - (actions ? 2 : 1)) } });
  heading.append(element("span", { className: "target-name", text: name }), " ",
    element("span", { className: "target-level", text: t(`programmes.level.${target.level}`) }));
  const overdue = overdueCell(target.overdueMeasures);
  overdue.setAttribute("aria-label", t("programmes.targetOverdue", { n: formatNumber(target.overdueMeasures) }));
  tr.append(heading, overdue);
  if (actions) {
    const cell = element("td", { className: "row-actions" });
    cell.append(
      actionButton(t("programmes.measure.add"), t("programmes.measure.addFor", { target: name }), () => actions.onAddMeasure(target)),
      actionButton(t("programmes.target.remove"), t("programmes.target.removeFor", { target: name }), () => actions.onRemoveTarget(target)),
    );
    tr.append(cell);
  }
  return tr;
}

/** The Plan table of a programme; actions (planners only) hold the handlers of the row buttons. */
export function planTable(programme, actions) {
  const table = element("table", { className: "runs-table plan-table", attrs: { id: "plan-table" } });
  table.append(element("caption", { className: "section-title", text: t("programmes.plan.caption") }));
  const headRow = element("tr");
  headRow.append(...COLUMNS.map((key) => element("th", { text: t(`programmes.plan.${key}`), attrs: { scope: "col" } })));
  if (actions) headRow.append(element("th", { text: t("programmes.plan.actions"), attrs: { scope: "col" } }));
  const head = element("thead");
  head.append(headRow);
  table.append(head);
  let number = 0;
  for (const target of programme.targets) {
    const body = element("tbody", { attrs: { "data-target": String(target.id) } });
    body.append(targetRow(target, headRow.childElementCount, actions));
    for (const measure of target.measures) body.append(measureRow(measure, ++number, actions));
    if (target.measures.length === 0) {
      const empty = element("tr");
      empty.append(element("td", { className: "empty-note", text: t("programmes.target.noMeasures"), attrs: { colspan: String(headRow.childElementCount) } }));
      body.append(empty);
    }
    table.append(body);
  }
  return table;
}
