// A unit's forecasts of the published run (GET /api/forecasts?unit=), for its profile. The API answers only for units the
// caller sees in full, so the scope rule has one home, there: a 401, 403 or 404 means this caller is shown no forecast.
// Plain ES module.

import { ApiError, requestJson } from "../shared/api.js";
import { getLanguage } from "../shared/i18n.js";

const NOT_SHOWN = new Set(["HTTP 401", "HTTP 403", "HTTP 404"]);

/** { method, methodName, probabilityMethod, probabilityMethodName, forecasts } of the unit in the UI language, or null where the caller is shown none. */
export async function unitForecast({ level, code }) {
  try {
    const answer = await requestJson(`/api/forecasts?${new URLSearchParams({ level, unit: code, lang: getLanguage() })}`);
    const unit = answer.units[0];
    const { method, methodName, probabilityMethod, probabilityMethodName } = answer;
    return unit ? { method, methodName, probabilityMethod, probabilityMethodName, forecasts: unit.forecasts } : null;
  } catch (error) {
    if (error instanceof ApiError && NOT_SHOWN.has(error.detail)) return null;
    throw error;
  }
}
