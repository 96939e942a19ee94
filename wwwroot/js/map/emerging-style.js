// How the emerging hot spot layer draws a category (docs/emerging-hotspots.md §5), after ArcGIS Pro's palette: reds for
// hot spots, blues for cold spots, grey for no pattern. Eight reds (or blues) cannot be told apart by colour alone, so
// each category is also drawn with an outline: solid for a lasting pattern (intensifying, persistent, diminishing,
// historical), dashed for a recent one (new, consecutive), dotted for an irregular one (sporadic, oscillating), all dark
// and thick; "no pattern" keeps the map's plain thin grey outline. Within
// one outline the colours of a family (hot, cold; and no pattern against both) differ clearly in lightness, which holds
// for every colour-vision deficiency and in greyscale; red against blue stays apart for the common (red-green)
// deficiencies. Plain ES module: no DOM, no globals.

import palette from "./palette.json" with { type: "json" };

/** The outline of a lasting, a recent and an irregular pattern, and of no pattern (Leaflet path options). */
export const OUTLINES = Object.freeze(Object.fromEntries(
  Object.entries(palette.emerging.outlines).map(([kind, outline]) => [kind, Object.freeze({ ...outline })]),
));

/**
 * The categories in the legend's order (hot first, lasting first; then cold; then no pattern), with fill and outline (a
 * key of OUTLINES), from palette.json, which the server's map images read too.
 */
export const CATEGORY_STYLES = Object.freeze(palette.emerging.categories.map(([category, fill, outline]) => Object.freeze({ category, fill, outline })));

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
