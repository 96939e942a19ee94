// How a district is drawn for its risk class. The five classes use viridis (reversed: light = very low, dark = very
// high), which stays ordered for the common colour-vision deficiencies and in greyscale. Plain ES module: no globals.

/** Fill colours of classes 1 (very low) … 5 (very high). */
export const CLASS_COLORS = Object.freeze(["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"]);
export const NO_DATA_COLOR = "#bdbdbd";
/** Dash pattern of the outline of a unit whose score has low reliability. */
const LOW_RELIABILITY_DASH = "4 3";

const OUTLINE = Object.freeze({ color: "#5f6b7a", weight: 0.8, dashArray: null });
const LOW_RELIABILITY_OUTLINE = Object.freeze({ color: "#1b1f24", weight: 1.6, dashArray: LOW_RELIABILITY_DASH });

/** The class (1–5) of a unit of the score table, or null for no data. */
export function unitClass(unit) {
  return Number.isInteger(unit?.class) && unit.class >= 1 && unit.class <= 5 ? unit.class : null;
}

/** The fill colour of a class (1–5, or null for no data). */
export function classColor(cls) {
  return cls === null ? NO_DATA_COLOR : CLASS_COLORS[cls - 1];
}

/** Leaflet path style of a district with its unit of the score table (undefined: no score). */
export function districtStyle(unit, { overBasemap = false } = {}) {
  const cls = unitClass(unit);
  return {
    className: "district",
    opacity: 1,
    fill: true,
    ...(unit?.lowReliability ? LOW_RELIABILITY_OUTLINE : OUTLINE),
    fillColor: classColor(cls),
    fillOpacity: overBasemap ? 0.7 : 0.9,
  };
}
