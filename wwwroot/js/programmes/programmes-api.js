// The crisis-management programmes API (docs/programmes-api.md): programmes, their targets, measures and quarterly
// progress. Writes ask for validation messages in the UI language; changes of a programme or measure send its version
// as If-Match, so a stale one is refused (ApiError with problem.code "version-mismatch"). Plain ES module: no globals.

import { ApiError, assertFeatureCollection, requestJson } from "../shared/api.js";
import { getLanguage } from "../shared/i18n.js";

const BASE = "/api/programmes";

/** The roles that read programmes (analysts every region's, planners and education their region's). */
const READERS = new Set(["analyst", "planner", "education"]);

export function readsProgrammes(me) {
  return READERS.has(me?.role);
}

function write(path, method, body, version) {
  const headers = { "Accept-Language": getLanguage() };
  if (version !== undefined) headers["If-Match"] = `"${version}"`;
  return requestJson(path, { method, cache: "no-store", body, headers });
}

function read(path) {
  return requestJson(path, { cache: "no-store" });
}

function assertProgramme(path, data) {
  if (!data || typeof data.id !== "number" || !Array.isArray(data.targets)) throw new ApiError(path, "unexpected response");
  return data;
}

/** The measure catalogue: { code, name: {kk, ru, en}, defaultForm: {kk, ru, en} }. */
export async function fetchMeasureCatalogue() {
  const path = "/api/measures";
  const data = await requestJson(path);
  if (!Array.isArray(data)) throw new ApiError(path, "unexpected response");
  return data;
}

/** The programmes the caller may read, newest first; region (KATO) narrows them to one region. */
export async function fetchProgrammes(region) {
  const path = region ? `${BASE}?${new URLSearchParams({ region })}` : BASE;
  const data = await read(path);
  if (!Array.isArray(data)) throw new ApiError(path, "unexpected response");
  return data;
}

/** One programme with its targets, their measures and each measure's progress. */
export async function fetchProgramme(id) {
  const path = `${BASE}/${encodeURIComponent(id)}`;
  return assertProgramme(path, await read(path));
}

/** { title, startQuarter, endQuarter, description }; the region is the planner's. */
export async function createProgramme(fields) {
  return write(BASE, "POST", fields);
}

export async function updateProgramme(programme, fields) {
  return write(`${BASE}/${programme.id}`, "PATCH", fields, programme.version);
}

export async function deleteProgramme(programme) {
  return write(`${BASE}/${programme.id}`, "DELETE", undefined, programme.version);
}

/** Adds a district (9-digit KATO) or school (school code) to the programme; level is "district" or "school". */
export async function addTarget(programmeId, level, code) {
  return write(`${BASE}/${programmeId}/targets`, "POST", { level, code });
}

export async function removeTarget(programmeId, targetId) {
  return write(`${BASE}/${programmeId}/targets/${targetId}`, "DELETE");
}

export async function addMeasure(programmeId, targetId, fields) {
  return write(`${BASE}/${programmeId}/targets/${targetId}/measures`, "POST", fields);
}

export async function updateMeasure(programmeId, measure, fields) {
  return write(`${BASE}/${programmeId}/measures/${measure.id}`, "PATCH", fields, measure.version);
}

export async function deleteMeasure(programmeId, measure) {
  return write(`${BASE}/${programmeId}/measures/${measure.id}`, "DELETE", undefined, measure.version);
}

/** { quarter, note, percent?, status? }; answers with the measure. */
export async function recordProgress(programmeId, measureId, fields) {
  return write(`${BASE}/${programmeId}/measures/${measureId}/progress`, "POST", fields);
}

/** District polygons and school points of the targets, with their measure and overdue counts. */
export async function fetchProgrammeTargets(id) {
  const path = `${BASE}/${encodeURIComponent(id)}/targets.geojson`;
  return assertFeatureCollection(path, await read(path));
}

/** Each target's score change since the baseline against comparable untargeted units. */
export async function fetchEffectiveness(id) {
  const path = `${BASE}/${encodeURIComponent(id)}/effectiveness`;
  const data = await read(path);
  if (!data || !Array.isArray(data.targets)) throw new ApiError(path, "unexpected response");
  return data;
}

/** The addresses of the Excel export and the printable page in a language. */
export function exportLinks(id, lang) {
  const query = new URLSearchParams({ lang });
  return { xlsx: `${BASE}/${id}.xlsx?${query}`, print: `${BASE}/${id}/print?${query}` };
}
