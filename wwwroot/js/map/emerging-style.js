// How the emerging hot spot layer draws a category (docs/emerging-hotspots.md §5), after ArcGIS Pro's palette: reds for
// hot spots, blues for cold spots, grey for no pattern. Eight reds (or blues) cannot be told apart by colour alone, so
// each category is also drawn with an outline: solid for a lasting pattern (intensifying, persistent, diminishing,
// historical), dashed for a recent one (new, consecutive), dotted for an irregular one (sporadic, oscillating), all dark
// and thick; "no pattern" keeps the map's plain thin grey outline. Within
// one outline the colours of a family (hot, cold; and no pattern against both) differ clearly in lightness, which holds
// for every colour-vision deficiency and in greyscale; red against blue stays apart for the common (red-green)
// deficiencies. Plain ES module: no DOM, no globals.

/** The outline of a lasting, a recent and an irregular pattern, and of no pattern (Leaflet path options). */
const PATTERN_OUTLINE = Object.freeze({ color: "#1b1f24", weight: 1.6 });
export const OUTLINES = Object.freeze({
  solid: Object.freeze({ ...PATTERN_OUTLINE, dashArray: null }),
  dashed: Object.freeze({ ...PATTERN_OUTLINE, dashArray: "6 3" }),
  dotted: Object.freeze({ ...PATTERN_OUTLINE, dashArray: "1 3" }),
  plain: Object.freeze({ color: "#5f6b7a", weight: 0.8, dashArray: null }),
});
const [SOLID, DASHED, DOTTED, PLAIN] = ["solid", "dashed", "dotted", "plain"];

/** The categories in the legend's order (hot first, lasting first; then cold; then no pattern), with fill and outline (a key of OUTLINES). */
export const CATEGORY_STYLES = Object.freeze([
  ["intensifying-hot-spot", "#67001f", SOLID],
  ["persistent-hot-spot", "#b2182b", SOLID],
  ["diminishing-hot-spot", "#f4a582", SOLID],
  ["historical-hot-spot", "#fddbc7", SOLID],
  ["consecutive-hot-spot", "#8c1a1a", DASHED],
  ["new-hot-spot", "#e8705f", DASHED],
  ["oscillating-hot-spot", "#d73027", DOTTED],
  ["sporadic-hot-spot", "#fdbb84", DOTTED],
  ["intensifying-cold-spot", "#08306b", SOLID],
  ["persistent-cold-spot", "#2166ac", SOLID],
  ["diminishing-cold-spot", "#92c5de", SOLID],
  ["historical-cold-spot", "#d1e5f0", SOLID],
  ["consecutive-cold-spot", "#084594", DASHED],
  ["new-cold-spot", "#6baed6", DASHED],
  ["oscillating-cold-spot", "#2171b5", DOTTED],
  ["sporadic-cold-spot", "#a6cee3", DOTTED],
  ["no-pattern", "#c8c8c8", PLAIN],
].map(([category, fill, outline]) => Object.freeze({ category, fill, outline })));

const BY_CATEGORY = new Map(CATEGORY_STYLES.map((style) => [style.category, style]));

/** The style of a category code of the API ({ category, fill, outline }), or null for a code this page does not know. */
export function categoryStyle(category) {
  return BY_CATEGORY.get(category) ?? null;
}

/** Whether a category is a hot or cold spot of some kind (not "no pattern"). */
export function isPattern(category) {
  return BY_CATEGORY.has(category) && category !== "no-pattern";
}

/**
 * The colour of a quarter's confidence bin in a unit's history strip: −3…3 (cold or hot at 99, 95, 90 %), 0 neither,
 * null no score that quarter. Stronger evidence is darker.
 */
export function binColor(bin) {
  if (bin === null || bin === undefined) return "#ffffff";
  return { 3: "#b2182b", 2: "#d6604d", 1: "#f4a582", 0: "#e6e6e6", "-1": "#92c5de", "-2": "#4393c3", "-3": "#2166ac" }[bin] ?? "#e6e6e6";
}

/** The legend's order of the categories among codes (unknown codes last, in the order given). */
export function legendOrder(categories) {
  const rank = (code) => (BY_CATEGORY.has(code) ? CATEGORY_STYLES.indexOf(BY_CATEGORY.get(code)) : CATEGORY_STYLES.length);
  return [...new Set(categories)].sort((a, b) => rank(a) - rank(b));
}
