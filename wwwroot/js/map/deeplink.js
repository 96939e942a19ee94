// The map's view in the address: ?period=2025Q4&measure=domain:violence&classes=quantile&unit=751110000, so that a
// link opens the same view. Other parameters (e.g. lang) are kept. Plain ES module: no globals.

const KEYS = Object.freeze(["period", "measure", "classes", "unit"]);

/** The view the address asks for; a missing part is null (the page then chooses its default). */
export function readView() {
  const params = new URLSearchParams(window.location.search);
  return Object.fromEntries(KEYS.map((key) => [key, params.get(key) || null]));
}

/** Puts the view in the address without adding a history entry; empty parts are left out. */
export function writeView(view) {
  const url = new URL(window.location.href);
  for (const key of KEYS) {
    if (view[key]) url.searchParams.set(key, view[key]);
    else url.searchParams.delete(key);
  }
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
}
