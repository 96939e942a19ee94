// How a unit is drawn on the change map: by its score's (or an indicator's rate's) change between two quarters, on a
// diverging scale (blue falls, red rises, both stronger with the size of the change), a change within its uncertainty as
// "no clear change" (neutral, hatched) and a unit without a change as no data. Whether a change is clear is change.js's rule. Plain ES module: no globals.

import { changeDirection, changeOf, rateChange } from "./change.js";
import palette from "./palette.json" with { type: "json" };

/** Score points at which a clear change moves to the next, stronger colour: below 0.5, 0.5–1.5, 1.5 and more. */
export const CHANGE_STEPS = Object.freeze([0.5, 1.5]);
/** ColorBrewer RdBu: readable with the common colour-vision deficiencies; weakest first. */
export const RISE_COLORS = Object.freeze(["#f4a582", "#d6604d", "#b2182b"]);
export const FALL_COLORS = Object.freeze(["#92c5de", "#4393c3", "#2166ac"]);
/** No clear change: near white under a grey hatch (the SVG pattern #steady-hatch), apart from "no data" grey. */
export const STEADY_COLOR = "#f7f7f7";
export const NO_CHANGE_DATA_COLOR = palette.noData;

/**
 * What the change map shows for a unit: "rise" or "fall" (a clear change), "steady" (no clear change) or "none" (no
 * change to show: no score in one of the quarters, or the caller does not see the unit's detail).
 */
export function changeCategory(unit, kind) {
  return changeDirection(unit, kind) ?? "none";
}

/** The strength of a change, 1 (weakest) … 3, by its size in score points. */
export function changeStep(value) {
  return 1 + CHANGE_STEPS.filter((step) => Math.abs(value) >= step).length;
}

/** What a path's data-change says: "rise-1" … "rise-3", "fall-1" … "fall-3", "steady" or "none". */
export function changeKey(unit, kind) {
  const category = changeCategory(unit, kind);
  return category === "rise" || category === "fall" ? `${category}-${changeStep(changeOf(unit, kind))}` : category;
}

/** Shares of the earlier rate at which a clear change of a rate moves to the next, stronger colour: below 25 %, 25–50 %, 50 % and more. */
export const RATE_STEPS = Object.freeze([0.25, 0.5]);

/** The data-change key of a rate's change between two quarters' units: as changeKey, stronger with the change's share of the earlier rate (a rise from none the strongest). */
export function rateChangeKey(earlierUnit, laterUnit) {
  const rate = rateChange(earlierUnit, laterUnit);
  if (rate === null) return "none";
  if (rate.direction === "steady") return "steady";
  const share = rate.earlier > 0 ? Math.abs(rate.change) / rate.earlier : Infinity;
  return `${rate.direction}-${1 + RATE_STEPS.filter((step) => share >= step).length}`;
}

/** The fill colour of a data-change key. */
export function changeColor(key) {
  const [category, step] = key.split("-");
  if (category === "rise") return RISE_COLORS[Number(step) - 1];
  if (category === "fall") return FALL_COLORS[Number(step) - 1];
  return category === "steady" ? STEADY_COLOR : NO_CHANGE_DATA_COLOR;
}
