// Same-origin JSON API client.

/** Error for a failed API call; `detail` is a short, language-neutral description for the error box. */
export class ApiError extends Error {
  constructor(path, detail, options) {
    super(`${path}: ${detail}`, options);
    this.name = "ApiError";
    this.path = path;
    this.detail = detail;
  }
}

const TIMEOUT_MS = 30000;

async function getJson(path) {
  let response;
  try {
    response = await fetch(path, {
      headers: { Accept: "application/json, application/geo+json" },
      credentials: "same-origin",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (cause) {
    const reason = cause?.name === "TimeoutError" ? "timeout" : "network error";
    throw new ApiError(path, reason, { cause });
  }
  if (!response.ok) {
    throw new ApiError(path, `HTTP ${response.status}`);
  }
  try {
    return await response.json();
  } catch (cause) {
    throw new ApiError(path, "invalid JSON", { cause });
  }
}

function assertFeatureCollection(path, data) {
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

export async function fetchDistricts(simplify = 0.005) {
  const path = `/api/districts?simplify=${encodeURIComponent(simplify)}`;
  return assertFeatureCollection(path, await getJson(path));
}
