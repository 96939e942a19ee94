// The rating of akimats API (docs/rating.md): who has the page, and the table. Plain ES module: no globals.

import { ApiError, requestJson } from "../shared/api.js";

/** The roles the page is linked for: the ministry's analysts and the akimats' planners. */
const READERS = new Set(["analyst", "planner"]);

export function readsRating(me) {
  return READERS.has(me?.role);
}

/** The query of the table: the regions nationally, or a region's districts. */
export function ratingQuery(region, extra = {}) {
  const query = new URLSearchParams(extra);
  if (region) query.set("region", region);
  return query;
}

/** The league table: { run, period, level, region, weights, rankAmong, units }, best first. */
export async function fetchRating(region) {
  const path = `/api/rating?${ratingQuery(region)}`;
  const data = await requestJson(path, { cache: "no-store" });
  if (!data || !Array.isArray(data.units)) throw new ApiError(path, "unexpected response");
  return data;
}
