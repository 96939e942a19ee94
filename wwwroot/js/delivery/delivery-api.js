// The data-delivery API (docs/data-delivery.md): who has the page, and the report. Plain ES module: no globals.

import { ApiError, requestJson } from "../shared/api.js";

/** The roles the page is linked for: the data steward and the ministry's analysts. */
export function readsDelivery(me) {
  return me?.role === "analyst" || me?.managesData === true;
}

/** The report of GET /api/data-delivery: { from, to, today, dueDays, regions, indicators, sources, cells, byRegion, bySource, byPeriod }. */
export async function fetchDelivery(filters) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  const path = `/api/data-delivery?${query}`;
  const data = await requestJson(path, { cache: "no-store" });
  if (!data || !Array.isArray(data.cells)) throw new ApiError(path, "unexpected response");
  return data;
}
