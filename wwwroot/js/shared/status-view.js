// What the status pages (score runs, imports) show alike: run and batch statuses as badges, times and fact lists, in
// the UI language. Plain ES module: no globals.

import { element } from "./dom.js";
import { formatDateTime, t } from "./i18n.js";
import "../jobs/jobs-messages.js";

/** Score runs and import batches share these states. */
const STATUSES = new Set(["running", "succeeded", "failed"]);

export function statusLabel(status) {
  return STATUSES.has(status) ? t(`runStatus.${status}`) : String(status ?? "—");
}

export function statusBadge(status) {
  return element("span", {
    className: `badge badge-${STATUSES.has(status) ? status : "other"}`,
    text: statusLabel(status),
    attrs: { "data-status": String(status ?? "") },
  });
}

/** A <time> showing an ISO timestamp in the UI language. */
export function timeElement(value, options) {
  const el = element("time", { text: formatDateTime(value, options) });
  if (value) el.dateTime = String(value);
  return el;
}

/** A table cell holding a node (a badge, a time). */
export function cellWith(node) {
  const td = element("td");
  td.append(node);
  return td;
}

/** Adds a term and its value (text or a node) to a <dl>. */
export function addFact(list, label, value) {
  const dt = element("dt", { text: label });
  const dd = element("dd");
  if (value instanceof Node) dd.append(value);
  else dd.textContent = value;
  list.append(dt, dd);
}
