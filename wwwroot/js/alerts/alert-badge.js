// The badge on the header's "Alerts" link: how many alerts in the caller's scope are new, for the roles that have
// alerts. The alerts page refreshes it after an acknowledgement. Plain ES module: no globals.

import { reportBug } from "../shared/api.js";
import { element } from "../shared/dom.js";
import { formatNumber, onLanguageChange, tPlural } from "../shared/i18n.js";
import "./alert-badge-messages.js";
import { countNewAlerts, readsAlerts } from "./alerts-api.js";

let badge = null;
let count = null;

function render() {
  if (!badge) return;
  badge.hidden = !count;
  badge.dataset.count = String(count ?? 0);
  if (!count) {
    badge.replaceChildren();
    return;
  }
  // The number is seen; a screen reader reads the link as "Alerts 3 new alerts".
  badge.replaceChildren(
    element("span", { text: formatNumber(count), attrs: { "aria-hidden": "true" } }),
    element("span", { className: "visually-hidden", text: tPlural("alerts.badge", count) }),
  );
}

/** Reads the number of new alerts again and shows it. */
export async function refreshAlertBadge() {
  if (!badge) return;
  count = await countNewAlerts();
  render();
}

/** Puts the badge on the link for a caller who has alerts, and fills it in. */
export function showAlertBadge(link, me) {
  if (!readsAlerts(me) || badge) return;
  badge = element("span", { className: "alert-badge", attrs: { id: "alert-badge" } });
  badge.hidden = true;
  link.append(" ", badge);
  onLanguageChange(render);
  refreshAlertBadge().catch(reportBug);
}
