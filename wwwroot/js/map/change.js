// A score's change against the previous quarter or the same quarter a year before, as the profile and the rankings
// show it, and an indicator's rate's change between two quarters, as the quarter comparison maps it: the one place that
// decides whether a change counts as a rise or a fall. Plain ES module: no globals.

import { formatChange, t } from "../shared/i18n.js";
import "./change-messages.js";
// The rule's sizes, shared with the server's documents (RiskMap.Core/Scoring/ChangeRule.cs reads this file).
import rule from "./change-rule.json" with { type: "json" };

/** The changes the API gives per unit, by what they compare with. */
export const CHANGE_KINDS = Object.freeze(["quarter", "year"]);

/**
 * Runs of methodology 1.0 carry no judgement of their changes: below this many score points a change is taken as
 * within what the method's uncertainty moves a score (scores are relative within a quarter): it is shown, but not as
 * a rise or a fall.
 */
const CHANGE_WITHIN_UNCERTAINTY = rule.withinUncertainty;
/** Changes of scores are shown with one decimal, of rates with two. */
const ROUNDS_TO_ZERO = rule.roundsToZero;
const RATE_ROUNDS_TO_ZERO = 0.005;
/** A rate's change is clear beyond this many standard errors (two-sided 95 %). */
const CLEAR_Z = 1.96;
/** The rate the map shows for a count indicator (IndicatorValues on the server). */
export const RATE_UNIT = "per1000Pupils";

/** The unit's change of the kind ("quarter" or "year"), or null where it has none or the caller sees none. */
export function changeOf(unit, kind) {
  const value = kind === "year" ? unit?.changeYear : unit?.changeQuarter;
  return typeof value === "number" ? value : null;
}

/** Whether the run judged the change clear (methodology 2.0: beyond its uncertainty); null where it did not judge it (1.0). */
function clearChange(unit, kind) {
  const clear = kind === "year" ? unit?.clearChangeYear : unit?.clearChangeQuarter;
  return typeof clear === "boolean" ? clear : null;
}

/**
 * "rise", "fall" or "steady" (no clear change); null without a change. Under methodology 2.0 the run says whether a
 * change is clear; under 1.0 a change is steady below a fixed size or when the score has low reliability.
 */
export function changeDirection(unit, kind) {
  const value = changeOf(unit, kind);
  if (value === null) return null;
  const clear = clearChange(unit, kind) ?? !(unit.lowReliability || Math.abs(value) < CHANGE_WITHIN_UNCERTAINTY);
  return directionOf(value, clear, ROUNDS_TO_ZERO);
}

function directionOf(value, clear, roundsToZero) {
  if (!clear || Math.abs(value) < roundsToZero) return "steady";
  return value > 0 ? "rise" : "fall";
}

/** A unit's count rate of an indicator view ({ rate, count } per 1,000 pupils), or null: a share, a withheld count, no data. */
export function countRate(unit) {
  const value = unit?.value;
  return value?.unit === RATE_UNIT && typeof value.rate === "number" && typeof value.count === "number" ? value : null;
}

/**
 * The change of a unit's count rate from an earlier quarter's unit to a later one's: { change, earlier, direction }, or
 * null without a count rate in both. A count is taken as Poisson, so a rate's variance is rate² / count (none at no
 * events), and a change within 1.96 standard errors of the difference is "steady" (no clear change), as a score's
 * change within its uncertainty is.
 */
export function rateChange(earlierUnit, laterUnit) {
  const [earlier, later] = [countRate(earlierUnit), countRate(laterUnit)];
  if (!earlier || !later) return null;
  const change = later.rate - earlier.rate;
  const variance = ({ rate, count }) => (count > 0 ? rate ** 2 / count : 0);
  const clear = Math.abs(change) > CLEAR_Z * Math.sqrt(variance(earlier) + variance(later));
  return { change, earlier: earlier.rate, direction: directionOf(change, clear, RATE_ROUNDS_TO_ZERO) };
}

/** "+0.12 ▲ rise", "−0.01 (no clear change)", "—": a rate's change per 1,000 pupils with what it means. */
export function rateChangeText(earlierUnit, laterUnit) {
  const rate = rateChange(earlierUnit, laterUnit);
  if (rate === null) return "—";
  return t(`change.${rate.direction}`, { change: formatChange(Math.abs(rate.change) < RATE_ROUNDS_TO_ZERO ? 0 : rate.change, 2) });
}

/** "+0.8 ▲ rise", "−0.1 steady", "—": the change with what it means, in the UI language. */
export function changeText(unit, kind) {
  const direction = changeDirection(unit, kind);
  if (direction === null) return "—";
  const value = changeOf(unit, kind);
  // A change that rounds to nothing is shown as 0.0, never as −0.0.
  return t(`change.${direction}`, { change: formatChange(Math.abs(value) < ROUNDS_TO_ZERO ? 0 : value) });
}
