// The alerts table: when each was raised, the unit, the quarter, the rule, the score and its rise (or the forecast's
// probability of risk level 4–5), the status (with
// who acknowledged it, when, and the note) and the actions: the unit's profile on the map, "Add to programme" (a
// planner, as on the map) and acknowledging. Plain ES module: no globals.

import { element } from "../shared/dom.js";
import { formatChange, formatDateTime, formatNumber, formatQuarter, formatScore, localizedName, t } from "../shared/i18n.js";
import { cellWith, timeElement } from "../shared/status-view.js";
import { addressWithView } from "../map/deeplink.js";

/** The unit's name in the UI language. */
export function unitName(alert) {
  return localizedName({ name_kk: alert.nameKk, name_ru: alert.nameRu, name_en: alert.nameEn });
}

/** The map's deep link (map/deeplink.js) that opens the unit's profile in the alert's quarter, keeping a ?lang=. */
export function mapHref(alert, search = window.location.search) {
  const view = { period: alert.period };
  if (alert.level === "region") Object.assign(view, { unit: alert.code, profile: alert.code });
  else if (alert.level === "district") view.unit = alert.code;
  else Object.assign(view, { unit: alert.districtKato, school: alert.code });
  const base = new URL("/", "http://riskmap");
  const lang = new URLSearchParams(search).get("lang");
  if (lang) base.searchParams.set("lang", lang);
  const url = new URL(addressWithView(base.href, view));
  return `${url.pathname}${url.search}`;
}

function scoreText(alert) {
  if (typeof alert.probability === "number") {
    return t("alerts.outlook", {
      score: formatScore(alert.score),
      quarter: formatQuarter(alert.forecastPeriod),
      probability: formatNumber(alert.probability, { style: "percent", maximumFractionDigits: 0 }),
    });
  }
  if (typeof alert.score !== "number") return "—";
  if (typeof alert.change !== "number") return formatScore(alert.score);
  return t("alerts.change", { score: formatScore(alert.score), change: formatChange(alert.change) });
}

function statusCell(alert) {
  const td = element("td", { className: "alert-status" });
  td.append(element("span", { className: `badge badge-alert-${alert.status}`, text: t(`alerts.status.${alert.status}`) }));
  if (alert.status === "acknowledged") {
    td.append(element("span", {
      className: "alert-acknowledged-by",
      text: t("alerts.ack.by", { user: alert.acknowledgedBy, time: formatDateTime(alert.acknowledgedAt) }),
    }));
    td.append(element("span", { className: "alert-note", text: alert.note }));
  }
  return td;
}

/**
 * A row of the table. programmeButton(unit) gives the "Add to programme" button or null; onAcknowledge(alert) opens
 * the acknowledgement.
 */
function row(alert, { programmeButton, onAcknowledge }) {
  const name = unitName(alert);
  const tr = element("tr", { attrs: { "data-alert": String(alert.id), "data-status": alert.status } });
  const unit = element("th", { attrs: { scope: "row" } });
  unit.append(element("span", { className: "alert-unit-name", text: name }),
    element("span", { className: "alert-unit-level", text: t(`alerts.level.${alert.level}`) }));
  const actions = element("div", { className: "alert-actions" });
  actions.append(element("a", {
    className: "link-button",
    text: t("alerts.openMap"),
    attrs: { href: mapHref(alert), "aria-label": t("alerts.openMapFor", { unit: name }) },
  }));
  const add = alert.level === "region" ? null : programmeButton({ level: alert.level, code: alert.code, name, region: alert.regionKato });
  if (add) actions.append(add);
  if (alert.status === "new") {
    const acknowledge = element("button", {
      className: "link-button acknowledge-alert",
      text: t("alerts.ack.button"),
      attrs: { type: "button", "aria-label": t("alerts.ack.buttonFor", { unit: name }) },
    });
    acknowledge.addEventListener("click", () => onAcknowledge(alert));
    actions.append(acknowledge);
  }
  tr.append(
    cellWith(timeElement(alert.raisedAt)),
    unit,
    element("td", { text: formatQuarter(alert.period) }),
    element("td", { text: t(`alerts.rule.${alert.rule}`) }),
    element("td", { className: typeof alert.probability === "number" ? "num alert-outlook" : "num", text: scoreText(alert) }),
    statusCell(alert),
    cellWith(actions),
  );
  return tr;
}

const COLUMNS = Object.freeze(["raised", "unit", "quarter", "rule", "change", "status", "actions"]);

/** The table of a page of alerts. */
export function alertTable(alerts, handlers) {
  const table = element("table", { className: "runs-table alerts-table", attrs: { id: "alerts-table" } });
  table.append(element("caption", { className: "section-title", text: t("alerts.caption") }));
  const headRow = element("tr");
  headRow.append(...COLUMNS.map((key) => element("th", { text: t(`alerts.col.${key}`), attrs: { scope: "col" } })));
  const head = element("thead");
  head.append(headRow);
  const body = element("tbody");
  body.append(...alerts.map((alert) => row(alert, handlers)));
  table.append(head, body);
  const wrap = element("div", { className: "table-wrap", attrs: { role: "region", tabindex: "0", "aria-label": t("alerts.caption") } });
  wrap.append(table);
  return wrap;
}
