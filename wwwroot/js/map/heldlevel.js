// Methodology 2.0 keeps a unit's risk level from the previous quarter while its score has not left the level's band by
// more than the level's margin (docs/methodology.md, step 9); the API marks such a unit with levelHeldWithin.

import { element } from "../shared/dom.js";
import { formatNumber, t } from "../shared/i18n.js";
import "./heldlevel-messages.js";

const TWO_DECIMALS = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

/**
 * Why the unit's risk level is not the one its score falls in: "Level kept: the score 3.41 is no more than 0.12 beyond
 * the level's bounds", as a list of at most one element to append beside the level. Two decimals, so that a score just
 * across a threshold does not read as inside it.
 */
export function heldLevelNote(unit) {
  if (typeof unit.levelHeldWithin !== "number" || typeof unit.score !== "number") return [];
  const text = t("heldLevel.note", { score: formatNumber(unit.score, TWO_DECIMALS), margin: formatNumber(unit.levelHeldWithin, TWO_DECIMALS) });
  return [element("span", { className: "profile-held", text, attrs: { "data-held-level": "" } })];
}
