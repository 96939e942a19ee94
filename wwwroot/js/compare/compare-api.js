// The score run comparison API (GET /api/score-runs/compare) and who may use it. Plain ES module: no globals.

import { ApiError, requestJson } from "../shared/api.js";

/** The roles that compare runs: those who see scores in detail (analysts nationally, planners and education their scope). */
const COMPARERS = new Set(["analyst", "planner", "education"]);

export function comparesRuns(me) {
  return COMPARERS.has(me?.role);
}

/** Two runs side by side; base, other and period may be empty for the API's defaults. */
export async function fetchComparison({ base, other, level, period }) {
  const query = new URLSearchParams({ level });
  if (base) query.set("base", base);
  if (other) query.set("other", other);
  if (period) query.set("period", period);
  const path = `/api/score-runs/compare?${query}`;
  const data = await requestJson(path, { cache: "no-store" });
  if (!Array.isArray(data?.units) || typeof data?.summary !== "object") throw new ApiError(path, "unexpected response");
  return data;
}
