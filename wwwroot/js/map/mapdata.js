// What the map's first view needs from the API, requested when app.js's modules are first run, at the very addresses
// (and cache mode) index.html and the host preload them, so that the answers are those the browser asked for while it
// parsed the page. Plain ES module: no globals.

import { fetchAbout, fetchDistrictScores, fetchDistricts, fetchMe, fetchRegions, fetchScoreRunStatus } from "../shared/api.js";
import { readView } from "./deeplink.js";
import { likelyView } from "./selectors.js";
import firstView from "./first-view.json" with { type: "json" };

export const REGION_SIMPLIFY = firstView.regionSimplify;
/** The districts' outlines at the country's zooms (districts.js): under a pixel there, and a third lighter than 0.01. */
export const DISTRICT_SIMPLIFY = firstView.districtSimplify;

/**
 * The published run's district table of the view the address likely asks for (likelyView), requested as soon as the
 * run is known, before the caller and the selectors are: one round trip less before the first paint. Null when the view
 * cannot be told yet or nothing is published.
 */
function fetchLikelyScores(run) {
  const view = run && likelyView(readView(), run.periods);
  return view ? fetchDistrictScores({ run: run.id, ...view }) : null;
}

/**
 * The published run { id, periods } the host named in the page (MapPage, with a preload of the default view's table),
 * or null when it named none: then the run status tells.
 */
function runNamedByPage() {
  const named = document.getElementById("current-run");
  try {
    const run = named && JSON.parse(named.textContent);
    return typeof run?.id === "number" && Array.isArray(run.periods) ? run : null;
  } catch {
    return null;
  }
}

/** A failure is dealt with by whoever awaits the request later, not reported now as an unhandled rejection. */
function handledLater(promise) {
  promise?.catch(() => {});
  return promise;
}

/**
 * Requests what is still missing, all at once: /api/about (which the first paint does not wait for), the boundaries
 * (the districts' outlines simplified for the country's zooms), the score run status and the likely score table.
 * index.html preloads the boundaries, the run status and /api/about at these very addresses, and the host the table.
 */
export function requestMapData({ about = true, boundaries = true, status = true } = {}) {
  const statusRequest = status ? fetchScoreRunStatus({ cache: "default" }) : null;
  return {
    about: handledLater(about ? fetchAbout() : null),
    boundaries: handledLater(boundaries ? Promise.all([fetchRegions(REGION_SIMPLIFY), fetchDistricts(DISTRICT_SIMPLIFY)]) : null),
    status: handledLater(statusRequest),
    early: status ? earlyScores(statusRequest) : null,
  };
}

/** The likely table of the run the page names, else of the run the status names once it answers; null on failure. */
function earlyScores(statusRequest) {
  const named = runNamedByPage();
  const table = named ? Promise.resolve(fetchLikelyScores(named)) : statusRequest.then((status) => fetchLikelyScores(status.published));
  return table.catch(() => null);
}

/** The first load's requests, made when this module first runs. */
export const firstMapData = requestMapData();

/**
 * Who is signed in (/api/auth/me, preloaded by index.html), for the page (initPage): the first paint waits for it (the
 * caller's notice, selectors and school layer).
 */
export const firstMe = handledLater(fetchMe({ cache: "default" }));
