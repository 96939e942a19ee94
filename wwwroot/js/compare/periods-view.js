// The quarter comparison's view in the address (compare.html?compare=quarters): the selected quarter and what it is
// compared with (the previous quarter or the same quarter a year before: the changes whose clearness a run publishes),
// the units, measure and classes, split maps or a change map (of the score or of an indicator's rate), and the extent both maps show, so that a link opens
// the same comparison. Pure (no DOM), so it has unit tests beside it. Plain ES module: no globals.

import { addressWithView, viewFromSearch } from "../map/deeplink.js";

const KEYS = Object.freeze(["compare", "period", "against", "level", "measure", "classes", "show", "extent"]);
export const QUARTERS = "quarters";
export const AGAINST = Object.freeze(["quarter", "year"]);
export const LEVELS = Object.freeze(["district", "region"]);
/** Two maps side by side, the change of the score, or the change of an indicator's rate per 1,000 pupils. */
export const SHOWS = Object.freeze(["split", "change", "rate-change"]);
/** Which of SHOWS is a change map. */
export const CHANGE_SHOWS = Object.freeze(["change", "rate-change"]);
/** How far back each comparison reaches among the run's quarters (as the run's changes are computed). */
const QUARTERS_BACK = Object.freeze({ quarter: 1, year: 4 });
/** Map centres keep 4 decimals (about 10 m), zooms 2. */
const EXTENT = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?),(\d{1,2}(?:\.\d+)?)$/;

/** Whether the compare page's address asks for the quarter comparison rather than the method comparison. */
export function comparesQuarters(search) {
  return new URLSearchParams(search).get("compare") === QUARTERS;
}

/** "51.1605,71.4704,6.5" as { lat, lng, zoom }, or null for anything else. */
export function parseExtent(text) {
  const match = EXTENT.exec(text ?? "");
  if (!match) return null;
  const [lat, lng, zoom] = match.slice(1).map(Number);
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng, zoom } : null;
}

function formatExtent({ lat, lng, zoom }) {
  const round = (value, digits) => String(Number(value.toFixed(digits)));
  return `${round(lat, 4)},${round(lng, 4)},${round(zoom, 2)}`;
}

/** The comparison a query string asks for; an unknown choice takes its default, a missing quarter or measure is null. */
export function periodsViewFromSearch(search) {
  const raw = viewFromSearch(search, KEYS);
  const pick = (value, allowed) => (allowed.includes(value) ? value : allowed[0]);
  return {
    period: raw.period,
    against: pick(raw.against, AGAINST),
    level: pick(raw.level, LEVELS),
    measure: raw.measure,
    classes: raw.classes,
    show: pick(raw.show, SHOWS),
    extent: parseExtent(raw.extent),
  };
}

/** The address with the comparison in its query; other parameters (lang) kept. */
export function addressWithPeriodsView(href, view) {
  return addressWithView(href, { ...view, compare: QUARTERS, extent: view.extent ? formatExtent(view.extent) : null }, KEYS);
}

/** The quarter the selected one is compared with among the run's quarters (oldest first), or null when the run has none. */
export function earlierPeriod(periods, period, against) {
  const index = periods.indexOf(period);
  return index < 0 ? null : periods[index - QUARTERS_BACK[against]] ?? null;
}
