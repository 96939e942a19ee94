// Same-origin JSON API client.

/**
 * Error for a failed API call; `detail` is a short, language-neutral description for the error box. An HTTP error
 * carries the problem JSON the server sent, if any (`problem.code` says what went wrong).
 */
export class ApiError extends Error {
  constructor(path, detail, { problem = null, ...options } = {}) {
    super(`${path}: ${detail}`, options);
    this.name = "ApiError";
    this.path = path;
    this.detail = detail;
    this.problem = problem;
  }
}

/** Logs an error that is not a failed request, i.e. a bug; the caller shows a failed request to the user. */
export function reportBug(error) {
  if (error && error.name !== "ApiError") console.error(error);
}

const TIMEOUT_MS = 30000;
/** The largest page of /api/schools: a district's schools come in one request. */
const SCHOOL_PAGE_SIZE = 10000;

/** Sent as X-CSRF-TOKEN with every change (non-GET request) while signed in with the session cookie. */
let antiforgeryToken = null;

async function getJson(path, options = {}) {
  return requestJson(path, { method: "GET", ...options });
}

/**
 * options.cache: a fetch cache mode; status that changes by the second is read with "no-store".
 * options.body: sent as JSON, or as multipart/form-data when it is FormData.
 * options.headers: further request headers (e.g. If-Match).
 * options.timeoutMs: how long to wait for the whole answer.
 */
export async function requestJson(path, { method = "GET", cache = "default", body, headers: extraHeaders = {}, timeoutMs = TIMEOUT_MS } = {}) {
  const headers = { Accept: "application/json, application/geo+json", ...extraHeaders };
  if (method !== "GET" && antiforgeryToken) headers["X-CSRF-TOKEN"] = antiforgeryToken;
  const isForm = body instanceof FormData;
  // The browser sets the multipart Content-Type itself, with its boundary.
  if (body !== undefined && !isForm) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined || isForm ? body : JSON.stringify(body),
      credentials: "same-origin",
      cache,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (cause) {
    const reason = cause?.name === "TimeoutError" ? "timeout" : "network error";
    throw new ApiError(path, reason, { cause });
  }
  if (!response.ok) {
    throw new ApiError(path, `HTTP ${response.status}`, { problem: await readProblem(response) });
  }
  try {
    if (method === "GET") return await response.json();
    // A command's answer (e.g. 202 Accepted) may have no body.
    const text = await response.text();
    return text.trim() === "" ? null : JSON.parse(text);
  } catch (cause) {
    throw new ApiError(path, "invalid JSON", { cause });
  }
}

/**
 * Reads what a section of a page lists into state[key], fresh from the server: state.failed says it could not be read
 * (the error is reported, not thrown), state.loaded that the section may be drawn either way.
 */
export async function loadSection(state, key, path) {
  try {
    state[key] = await requestJson(path, { cache: "no-store" });
    state.failed = false;
  } catch (error) {
    reportBug(error);
    state.failed = true;
  }
  state.loaded = true;
}

/** The problem JSON of an error response, or null. */
async function readProblem(response) {
  if (!(response.headers.get("Content-Type") ?? "").includes("json")) return null;
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export function assertFeatureCollection(path, data) {
  if (!data || data.type !== "FeatureCollection" || !Array.isArray(data.features)) {
    throw new ApiError(path, "not a GeoJSON FeatureCollection");
  }
  return data;
}

export async function fetchAbout() {
  const path = "/api/about";
  const data = await getJson(path);
  if (!data || typeof data !== "object") throw new ApiError(path, "unexpected response");
  return data;
}

export async function fetchRegions(simplify = 0.01) {
  const path = `/api/regions?simplify=${encodeURIComponent(simplify)}`;
  return assertFeatureCollection(path, await getJson(path));
}

/** The districts' names, bounding boxes, label points and outlines simplified by the tolerance in degrees. */
export async function fetchDistricts(simplify) {
  const path = `/api/districts?simplify=${encodeURIComponent(simplify)}`;
  return assertFeatureCollection(path, await getJson(path));
}

/** Keeps the anti-forgery token of the caller that the server describes (none for the public). */
function acceptMe(path, me) {
  if (!me || typeof me !== "object" || typeof me.authenticated !== "boolean" || typeof me.role !== "string") {
    throw new ApiError(path, "unexpected response");
  }
  antiforgeryToken = me.antiforgeryToken ?? null;
  return me;
}

/**
 * Who is signed in (role "public" for nobody), with a fresh anti-forgery token. cache as for fetchScoreRunStatus: the
 * map's first load takes the answer its page preloaded.
 */
export async function fetchMe({ cache = "no-store" } = {}) {
  const path = "/api/auth/me";
  return acceptMe(path, await getJson(path, { cache }));
}

/** Signs in with the session cookie; a refusal is an ApiError whose problem.code says why. */
export async function signIn(username, password) {
  const path = "/api/auth/login";
  return acceptMe(path, await requestJson(path, { method: "POST", cache: "no-store", body: { username, password } }));
}

export async function signOut() {
  await requestJson("/api/auth/logout", { method: "POST", cache: "no-store" });
  antiforgeryToken = null;
}

function assertRun(path, run) {
  if (!run || typeof run !== "object" || typeof run.id !== "number" || typeof run.status !== "string") {
    throw new ApiError(path, "unexpected score run");
  }
  return run;
}

/**
 * The published run, the latest run, whether one is running, the next scheduled run, the schedule and recent failures.
 * cache: "no-store" for a page that polls it; the map's first load may take the answer its page preloaded ("default":
 * the answer has no validators or lifetime, so the HTTP cache never serves it again).
 */
export async function fetchScoreRunStatus({ cache = "no-store" } = {}) {
  const path = "/api/score-runs/current";
  const data = await getJson(path, { cache });
  if (!data || typeof data !== "object" || !Array.isArray(data.recentFailures)) throw new ApiError(path, "unexpected response");
  if (data.published != null) assertRun(path, data.published);
  if (data.latest != null) assertRun(path, data.latest);
  data.recentFailures.forEach((run) => assertRun(path, run));
  return data;
}

/** Recent score runs, newest first. */
export async function fetchScoreRuns(limit = 20) {
  const path = `/api/score-runs?limit=${encodeURIComponent(limit)}`;
  const data = await getJson(path, { cache: "no-store" });
  if (!Array.isArray(data)) throw new ApiError(path, "unexpected response");
  data.forEach((run) => assertRun(path, run));
  return data;
}

/** Queues a recompute (202 Accepted), with a methodology version or the configured one; follow it with fetchScoreRunStatus(). */
export async function startScoreRun(methodology) {
  const path = methodology ? `/api/score-runs?methodology=${encodeURIComponent(methodology)}` : "/api/score-runs";
  return requestJson(path, { method: "POST", cache: "no-store" });
}

/** The import log, newest first. */
export async function fetchImports(limit = 20) {
  const path = `/api/imports?limit=${encodeURIComponent(limit)}`;
  const data = await getJson(path, { cache: "no-store" });
  if (!Array.isArray(data) || data.some((batch) => typeof batch?.id !== "number")) throw new ApiError(path, "unexpected response");
  return data;
}

/** An import checks and stores the whole file before it answers, which can take minutes for a large one. */
const IMPORT_TIMEOUT_MS = 15 * 60 * 1000;

/**
 * Uploads a file to import: kind is "boundaries", "schools" or "indicators", options the query parameters (srid,
 * level, source…), lang the language of the findings. A rejected file is an ApiError whose problem lists the issues.
 */
export async function uploadImport(kind, file, options, lang) {
  const params = new URLSearchParams({ ...options, lang });
  const body = new FormData();
  body.append("file", file);
  return requestJson(`/api/imports/${encodeURIComponent(kind)}?${params}`, {
    method: "POST", cache: "no-store", body, timeoutMs: IMPORT_TIMEOUT_MS,
  });
}

/** The indicator catalogue: each indicator's code, domain and kk/ru/en names of both. */
export async function fetchIndicators() {
  const path = "/api/indicators";
  const data = await getJson(path);
  if (!Array.isArray(data)) throw new ApiError(path, "unexpected response");
  return data;
}

/** The query parameters of a view { period, measure, classes } as the score table and profiles read them, after others. */
function viewParams({ period, measure, classes }, others) {
  const params = new URLSearchParams({ ...others, period, classes });
  const [kind, code] = measure.split(":");
  if (kind === "domain" || kind === "indicator") params.set(kind, code);
  return params;
}

/**
 * A score table of a run and quarter: measure is "composite", "domain:X" or "indicator:Y"; classes is "fixed" or
 * "quantile"; filters are further query parameters (level, district).
 */
async function fetchScores({ run, ...view }, filters) {
  const params = viewParams(view, { ...filters, run: String(run) });
  const path = `/api/scores?${params}`;
  const data = await getJson(path);
  if (!data || typeof data !== "object" || !Array.isArray(data.units)) throw new ApiError(path, "unexpected response");
  return data;
}

/**
 * The address of the server's PNG of the district map of a view (measure, period, classes as for fetchScores), fitted to
 * a region when one is given, in a language and size (GET /api/maps/image.png), with the overlays given: targets (a
 * programme's id) and hotspots ("emerging").
 */
export function mapImageUrl(view, { region, lang, width, height, targets = null, hotspots = null }) {
  const params = viewParams(view, { level: "district", lang, width, height });
  if (region) params.set("region", region);
  if (targets) params.set("targets", targets);
  if (hotspots) params.set("hotspots", hotspots);
  return `/api/maps/image.png?${params}`;
}

/** The region score table (see fetchScores). Units outside the caller's scope carry their class only. */
export async function fetchRegionScores(view) {
  return fetchScores(view, { level: "region" });
}

/** The district score table (see fetchScores). Units outside the caller's scope carry their class only. */
export async function fetchDistrictScores(view) {
  return fetchScores(view, { level: "district" });
}

/** The score table of a district's schools (see fetchScores); only schools in the caller's scope are listed. */
export async function fetchSchoolScores({ district, ...view }) {
  return fetchScores(view, { level: "school", district });
}

/** The schools of a district in the caller's scope as GeoJSON points, all pages of the listing. */
export async function fetchSchools(district) {
  let path = `/api/schools?${new URLSearchParams({ district, limit: String(SCHOOL_PAGE_SIZE) })}`;
  const features = [];
  while (path) {
    const page = assertFeatureCollection(path, await getJson(path));
    features.push(...page.features);
    path = page.links?.find((link) => link.rel === "next")?.href ?? null;
  }
  return { type: "FeatureCollection", features };
}

/**
 * One region's, district's or school's score of a run in a view { period, measure, classes }, with its contributions and history; a region or district
 * outside the caller's scope has its class only.
 */
export async function fetchProfile({ run, level, code, view }) {
  const path = `/api/scores/${encodeURIComponent(level)}/${encodeURIComponent(code)}?${viewParams(view, { run: String(run) })}`;
  const data = await getJson(path);
  if (!data || typeof data !== "object" || !data.latest || !Array.isArray(data.history) || !Array.isArray(data.contributions)) {
    throw new ApiError(path, "unexpected response");
  }
  return data;
}
