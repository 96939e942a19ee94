// A score's change against the previous quarter or the same quarter a year before, as the profile and the rankings
// show it: the one place that decides whether a change counts as a rise or a fall. Plain ES module: no globals.

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
/** Changes are shown with one decimal. */
const ROUNDS_TO_ZERO = rule.roundsToZero;

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
  if (!clear || Math.abs(value) < ROUNDS_TO_ZERO) return "steady";
  return value > 0 ? "rise" : "fall";
}

/** "+0.8 ▲ rise", "−0.1 steady", "—": the change with what it means, in the UI language. */
export function changeText(unit, kind) {
  const direction = changeDirection(unit, kind);
  if (direction === null) return "—";
  const value = changeOf(unit, kind);
  // A change that rounds to nothing is shown as 0.0, never as −0.0.
  return t(`change.${direction}`, { change: formatChange(Math.abs(value) < ROUNDS_TO_ZERO ? 0 : value) });
}
