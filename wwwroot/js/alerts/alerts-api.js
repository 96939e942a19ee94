// The alerts API (README, "Alerts"): the list of the alerts the caller sees in full, its export and acknowledgement.
// Plain ES module: no globals.

import { ApiError, requestJson } from "../shared/api.js";

const BASE = "/api/alerts";

/** The roles that have alerts: those that see units in full (the public and the data steward have none). */
const READERS = new Set(["analyst", "planner", "education"]);

export function readsAlerts(me) {
  return READERS.has(me?.role);
}

/** The query of a filter { status, rule, region }, without its empty parts. */
export function filterQuery(filter, extra = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra })) {
    if (value) query.set(key, String(value));
  }
  return query;
}

/** A page of alerts: { total, page, pageSize, alerts }, newest first. */
export async function fetchAlerts(filter, page = 1, pageSize = 50) {
  const path = `${BASE}?${filterQuery(filter, { page, pageSize })}`;
  const data = await requestJson(path, { cache: "no-store" });
  if (!data || !Array.isArray(data.alerts) || typeof data.total !== "number") throw new ApiError(path, "unexpected response");
  return data;
}

/** How many alerts are new (not acknowledged yet). */
export async function countNewAlerts() {
  return (await fetchAlerts({ status: "new" }, 1, 1)).total;
}

/** Acknowledges an alert with a note; returns the alert as it is now. */
export function acknowledgeAlert(id, note) {
  return requestJson(`${BASE}/${encodeURIComponent(id)}/acknowledgement`, { method: "POST", cache: "no-store", body: { note } });
}

/** The address of the list's export as the caller sees it, in a format (csv or xlsx) and language. */
export function exportHref(filter, format, lang) {
  return `/api/exports/alerts?${filterQuery(filter, { format, lang })}`;
}
