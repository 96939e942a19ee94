// How a district is drawn for its risk class. The five classes use viridis (reversed: light = very low, dark = very
// high), which stays ordered for the common colour-vision deficiencies and in greyscale. Plain ES module: no globals.

import { t } from "../shared/i18n.js";
import "../shared/privacy-messages.js";
import "./outside-messages.js";
import palette from "./palette.json" with { type: "json" };

/** The colours and outlines, shared with the server's first frame of the map (FirstFrameSvg). */
const PALETTE = Object.freeze(palette);

/** Fill colours of classes 1 (very low) … 5 (very high). */
export const CLASS_COLORS = Object.freeze([...PALETTE.classes]);
export const NO_DATA_COLOR = PALETTE.noData;
/** A suppressed unit is white with a dotted outline: apart from the classes and from "no data" in hue and in lightness. */
export const SUPPRESSED_COLOR = PALETTE.suppressed;
/** A unit outside the caller's area under a domain or indicator measure: light, and apart from "no data" grey. */
export const OUTSIDE_COLOR = PALETTE.outside;
/** How the region outlines are drawn over the districts. */
export const REGION_OUTLINE = Object.freeze({ ...PALETTE.region });

const OUTLINE = Object.freeze({ ...PALETTE.outline });
const LOW_RELIABILITY_OUTLINE = Object.freeze({ ...PALETTE.lowReliabilityOutline });
const SUPPRESSED_OUTLINE = Object.freeze({ ...PALETTE.suppressedOutline });

/** The class (1–5) of a unit of the score table, or null for no data or a suppressed class. */
export function unitClass(unit) {
  return Number.isInteger(unit?.class) && unit.class >= 1 && unit.class <= 5 ? unit.class : null;
}

/** Scores run from 0 to 10. */
export const SCALE_MAX = 10;

/**
 * The scores a risk level covers, { from, to }, from the lower bounds of levels 2–5 of the shown table (fixed thresholds
 * or the quintiles of the period); null when the table gives no four bounds.
 */
export function levelRange(cls, thresholds) {
  if (!Array.isArray(thresholds) || thresholds.length !== 4) return null;
  return { from: cls === 1 ? 0 : thresholds[cls - 2], to: cls === 5 ? SCALE_MAX : thresholds[cls - 1] };
}

/** The fill colour of a class (1–5, or null for no data). */
export function classColor(cls) {
  return cls === null ? NO_DATA_COLOR : CLASS_COLORS[cls - 1];
}

/** Whether the unit's class is withheld from this caller: it has too few pupils to publish. */
export function isSuppressed(unit) {
  return unit?.suppressed === true;
}

/**
 * Whether the unit lies outside the caller's area and the measure is a domain or an indicator: such a class is detail
 * the caller sees only in their own area, so the unit has none here, yet it is not a unit without data.
 */
export function isOutside(unit, measure) {
  return measure !== "composite" && unit?.detailed === false && unitClass(unit) === null && !isSuppressed(unit);
}

/** What a district path's data-class says: "1" … "5", "suppressed", "outside" or "none". */
export function classKey(unit, measure) {
  if (isSuppressed(unit)) return "suppressed";
  return isOutside(unit, measure) ? "outside" : String(unitClass(unit) ?? "none");
}

/** A unit's class in words, with "low reliability" where it applies; for a suppressed unit, why it has none. */
export function classSummary(unit, measure) {
  if (isSuppressed(unit)) return t("privacy.suppressed");
  if (isOutside(unit, measure)) return t("outside.tooltip");
  const cls = unitClass(unit);
  const name = cls === null ? t("class.none") : t(`class.${cls}`);
  return unit?.lowReliability ? `${name} · ${t("class.lowReliability")}` : name;
}

/** Leaflet path style of a district with its unit of the score table (undefined: no score). */
export function districtStyle(unit, { overBasemap = false, measure } = {}) {
  const cls = unitClass(unit);
  const suppressed = isSuppressed(unit);
  const fillColor = suppressed ? SUPPRESSED_COLOR : isOutside(unit, measure) ? OUTSIDE_COLOR : classColor(cls);
  return {
    className: "district",
    opacity: 1,
    fill: true,
    ...(suppressed ? SUPPRESSED_OUTLINE : unit?.lowReliability ? LOW_RELIABILITY_OUTLINE : OUTLINE),
    fillColor,
    fillOpacity: overBasemap ? PALETTE.fillOpacityOverBasemap : PALETTE.fillOpacity,
  };
}
