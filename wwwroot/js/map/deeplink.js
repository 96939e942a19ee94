// The map's view in the address: ?period=2025Q4&measure=domain:violence&classes=quantile&unit=751110000, and
// &profile=750000000 when a region's profile is open (a district's opens with the district), &school=CODE when a school
// of the unit's district is open, so that a link opens the same view for whoever follows it, as far as they may see it. Other parameters (e.g. lang) are kept. Plain ES module.

const KEYS = Object.freeze(["period", "measure", "classes", "unit", "profile", "school"]);

/** ?programme=12 shows a programme's targets over the map (programmes/programme-overlay.js). */
export const PROGRAMME_PARAM = "programme";

/**
 * The view a query string asks for; a missing or empty part is null (the page then chooses its default). keys are the
 * parameters of the view: the map's unless another page's view (the quarter comparison) names its own.
 */
export function viewFromSearch(search, keys = KEYS) {
  const params = new URLSearchParams(search);
  return Object.fromEntries(keys.map((key) => [key, params.get(key) || null]));
}

/** The address with the view in its query; empty parts are left out, other parameters kept. keys as for viewFromSearch. */
export function addressWithView(href, view, keys = KEYS) {
  const url = new URL(href);
  for (const key of keys) {
    if (view[key]) url.searchParams.set(key, view[key]);
    else url.searchParams.delete(key);
  }
  return url.href;
}

/** The view the page's address asks for. */
export function readView() {
  return viewFromSearch(window.location.search);
}

/** Puts the view in the address without adding a history entry. */
export function writeView(view) {
  const href = addressWithView(window.location.href, view);
  if (href !== window.location.href) window.history.replaceState(window.history.state, "", href);
}
