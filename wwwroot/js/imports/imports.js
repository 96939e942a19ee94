// RiskMap: the data steward's import page. Upload a file of boundaries, schools or indicator values, then see what it
// stored or every problem that stopped it, and the import log. Plain ES module: no globals.

import { fetchImports, fetchIndicators, reportBug, uploadImport } from "../shared/api.js";
import { element } from "../shared/dom.js";
import { formatNumber, formatQuarter, formatTime, getLanguage, localizedName, t, tPlural } from "../shared/i18n.js";
import "./imports-messages.js";
import { loadVintages, renderVintages } from "./vintages.js";
import { loadAgencyClients, renderAgencyClients } from "./agency-clients.js";
import { loadHeld, renderHeld } from "./quarantine.js";
import { initPage, loadDemoBanner } from "../shared/page.js";
import { addFact, cellWith, statusBadge, timeElement } from "../shared/status-view.js";

const BATCH_LIMIT = 20;
/** While a file is imported, the log (which shows its batch running, with the rows read so far) is read this often. */
const UPLOAD_POLL_MS = 2000;
const KINDS = new Set(["boundaries", "schools", "indicators"]);
/** What the file picker offers for each kind; the server reads the format from the extension. */
const ACCEPT = Object.freeze({ boundaries: ".geojson,.json,.zip", schools: ".csv,.geojson", indicators: ".csv" });
/** The source the demo loader stores its synthetic schools and indicator values under. */
const DEMO_SOURCE = "demo";
/** A file each kind accepts as it is: the header and one example row. */
const TEMPLATES = Object.freeze({
  indicators: { name: "indicators-template.csv", type: "text/csv", text: "entity_level,entity_code,indicator,period,value,denominator\nregion,750000000,offences_against_minors,2025Q4,12,\n" },
  schools: { name: "schools-template.csv", type: "text/csv", text: "code,name_ru,name_kk,type,language,settlement,pupils,lat,lon\nS-0001,Школа № 1,№ 1 мектеп,general,kk,urban,500,43.2567,76.9286\n" },
  boundaries: {
    name: "boundaries-template.geojson",
    type: "application/geo+json",
    text: `${JSON.stringify({
      type: "FeatureCollection",
      features: [{
        type: "Feature",
        properties: { KATO: "751110000", NAME_KK: "Алмалы ауданы", NAME_RU: "Алмалинский район", NAME_EN: "Almaly district", Year: 2024 },
        geometry: { type: "Polygon", coordinates: [[[76.90, 43.24], [76.95, 43.24], [76.95, 43.27], [76.90, 43.27], [76.90, 43.24]]] },
      }],
    }, null, 2)}\n`,
  },
});

const els = {
  accessSignIn: document.getElementById("access-sign-in"),
  accessStewardOnly: document.getElementById("access-steward-only"),
  tools: document.getElementById("steward-tools"),
  form: document.getElementById("import-form"),
  kind: document.getElementById("kind-select"),
  formats: document.getElementById("kind-formats"),
  file: document.getElementById("file-input"),
  fileError: document.getElementById("file-error"),
  button: document.getElementById("import-button"),
  progress: document.getElementById("import-progress"),
  result: document.getElementById("result"),
  resultHeading: document.getElementById("result-heading"),
  resultBody: document.getElementById("result-body"),
  batchesBody: document.getElementById("batches-body"),
  batchesEmpty: document.getElementById("batches-empty"),
  status: document.getElementById("status"),
  errorBox: document.getElementById("error-box"),
  errorDetail: document.getElementById("error-detail"),
  retryButton: document.getElementById("retry-button"),
  dryRunButton: document.getElementById("dry-run-button"),
  template: document.getElementById("template-link"),
  codes: document.getElementById("indicator-codes"),
  codesBody: document.getElementById("codes-body"),
};

const state = {
  /** "loading" | "ready" | "error" (before the log was first read) | "no-access" (not a data steward). */
  phase: "loading",
  /**
   * Reads of the log run one after another, so that one asked for during another (after an upload) still sees the
   * newest; at most one waits, as it serves every request made meanwhile.
   */
  reads: Promise.resolve(),
  readWaiting: false,
  batches: [],
  updatedAt: null,
  /** The name of the file being uploaded, or null. */
  uploading: null,
  /**
   * The last upload's outcome, kept as data so that it follows the language: { outcome: "succeeded", view, fileName },
   * { outcome: "rejected", problem } or { outcome: "failed", detail }.
   */
  result: null,
  /** The indicator catalogue, for the list of codes. */
  indicators: [],
};

// ---------------------------------------------------------------------------
// Text helpers

function batchId(id) {
  return t("imports.batchId", { id: formatNumber(id, { useGrouping: false }) });
}

function kindLabel(kind) {
  return KINDS.has(kind) ? t(`imports.kind.${kind}`) : String(kind ?? "—");
}

/** A count, or a dash for none known. */
function countText(value) {
  return typeof value === "number" ? formatNumber(value) : "—";
}

// ---------------------------------------------------------------------------
// The form

/** Shows the options and formats of the chosen kind only. */
function renderForm() {
  const kind = els.kind.value;
  els.formats.textContent = t(`imports.formats.${kind}`);
  els.file.accept = ACCEPT[kind];
  renderTemplate(kind);
  els.codes.hidden = kind !== "indicators";
  for (const group of els.form.querySelectorAll("[data-kinds]")) {
    group.hidden = !appliesTo(group, kind);
  }
}

function appliesTo(group, kind) {
  return group.dataset.kinds.split(" ").includes(kind);
}

/** The query options of the filled-in controls that apply to the kind, by their names (the API's option names). */
function chosenOptions(kind) {
  const options = {};
  for (const control of els.form.elements) {
    if (!control.name || control.name === "kind" || control.type === "file") continue;
    const group = control.closest("[data-kinds]");
    if (group && !appliesTo(group, kind)) continue;
    const value = control.value.trim();
    if (control.type === "checkbox" ? control.checked : value !== "") options[control.name] = value;
  }
  return options;
}

function renderUpload() {
  const busy = state.uploading !== null;
  els.button.setAttribute("aria-disabled", String(busy));
  els.button.classList.toggle("is-busy", busy);
  els.progress.textContent = busy ? t("imports.progress.uploading", { file: state.uploading }) : "";
}

/** The template of a kind as a download link (a Blob, so that the CSP needs no data: URLs). */
function renderTemplate(kind) {
  const template = TEMPLATES[kind];
  if (els.template.href.startsWith("blob:")) URL.revokeObjectURL(els.template.href);
  els.template.href = URL.createObjectURL(new Blob([template.text], { type: `${template.type};charset=utf-8` }));
  els.template.download = template.name;
  els.template.textContent = t("imports.template", { file: template.name });
}

/** An indicator's name in the UI language, or its code while the catalogue is not loaded. */
function indicatorName(code) {
  const indicator = state.indicators.find((candidate) => candidate.code === code);
  return indicator ? localizedName({ name_kk: indicator.nameKk, name_ru: indicator.nameRu, name_en: indicator.nameEn }) : code;
}

function renderCodes() {
  els.codesBody.replaceChildren();
  for (const indicator of state.indicators) {
    const row = element("tr");
    row.append(
      element("th", { text: indicator.code, attrs: { scope: "row" } }),
      element("td", { text: indicatorName(indicator.code) }),
      element("td", { text: t(`imports.unit.${indicator.unit}`) }),
    );
    els.codesBody.append(row);
  }
}

async function upload(event) {
  event.preventDefault();
  await send(event.submitter === els.dryRunButton);
}

/** Uploads the chosen file: as a dry run (nothing stored) or for real. */
async function send(dryRun) {
  if (state.uploading !== null) return;
  const file = els.file.files[0];
  els.fileError.hidden = file !== undefined;
  els.file.setAttribute("aria-invalid", String(file === undefined));
  if (file === undefined) {
    els.file.focus();
    return;
  }
  const kind = els.kind.value;
  state.uploading = file.name;
  state.result = null;
  renderUpload();
  renderResult();
  const poll = window.setInterval(refresh, UPLOAD_POLL_MS);
  try {
    const options = chosenOptions(kind);
    const view = await uploadImport(kind, file, dryRun ? { ...options, dryRun: "true" } : options, getLanguage());
    state.result = { outcome: dryRun ? "preview" : "succeeded", view, fileName: file.name };
  } catch (error) {
    reportBug(error);
    state.result =
      error?.problem?.code === "import-rejected" && Array.isArray(error.problem.issues)
        ? { outcome: "rejected", problem: error.problem }
        : { outcome: "failed", detail: error?.problem?.detail ?? error?.detail ?? "" };
  } finally {
    window.clearInterval(poll);
  }
  state.uploading = null;
  renderUpload();
  renderResult();
  els.resultHeading.focus();
  refresh(); // the log now holds this batch
  if (state.result.outcome === "succeeded" && state.result.view.held > 0) loadHeld().catch(reportBug);
}

// ---------------------------------------------------------------------------
// The result of an upload

function renderResult() {
  const result = state.result;
  els.result.hidden = result === null;
  if (result === null) return;
  els.result.dataset.outcome = result.outcome;
  const body = els.resultBody;
  body.replaceChildren();
  if (result.outcome === "preview") {
    renderPreview(result, body);
    return;
  }
  if (result.outcome === "succeeded") {
    const view = result.view;
    els.resultHeading.textContent = t("imports.result.succeeded", { batch: batchId(view.batchId) });
    body.append(element("p", { text: t("imports.result.succeededText", { file: result.fileName, kind: kindLabel(view.kind) }) }));
    body.append(countFacts(view));
    if (view.warnings.length > 0) body.append(issueTable(view.warnings, t("imports.warnings.caption", { count: formatNumber(view.warnings.length) })));
    return;
  }
  const nothingChanged = element("p", { className: "nothing-changed", text: t("imports.result.nothingChanged") });
  if (result.outcome === "rejected") {
    const problem = result.problem;
    els.resultHeading.textContent = t("imports.result.rejected");
    nothingChanged.append(" ", t("imports.result.fixAndRetry"));
    const errors = problem.issues.filter((issue) => !issue.warning).length;
    body.append(nothingChanged, issueTable(problem.issues, t("imports.issues.caption", { count: formatNumber(problem.errorCount ?? errors) })));
  } else {
    els.resultHeading.textContent = t("imports.result.failed");
    body.append(nothingChanged);
    if (result.detail) body.append(element("pre", { className: "run-error", text: result.detail }));
  }
}

function countFacts(view) {
  const facts = element("dl", { className: "facts" });
  addFact(facts, t("imports.result.rowsRead"), countText(view.rowsRead));
  addFact(facts, t("imports.result.inserted"), countText(view.inserted));
  addFact(facts, t("imports.result.updated"), countText(view.updated));
  addFact(facts, t("imports.result.unchanged"), countText(view.unchanged));
  if (view.held > 0) addFact(facts, t("imports.result.held"), countText(view.held));
  return facts;
}

/** A dry run: what the import would do, the first changed values, and the button that imports the same file. */
function renderPreview(result, body) {
  const view = result.view;
  els.resultHeading.textContent = t("imports.preview.heading", { file: result.fileName });
  body.append(element("p", { className: "nothing-changed", text: t("imports.preview.nothingStored") }), countFacts(view));
  if (view.changes.length > 0) {
    const table = element("table", { className: "runs-table changes-table" });
    table.append(element("caption", { text: tPlural("imports.preview.changes", view.changes.length), attrs: { id: "changes-caption" } }));
    const headRow = element("tr");
    for (const key of ["unit", "indicator", "period", "old", "new"]) headRow.append(element("th", { text: t(`imports.preview.col.${key}`), attrs: { scope: "col" } }));
    const head = element("thead");
    head.append(headRow);
    const rows = element("tbody");
    for (const change of view.changes) {
      const row = element("tr");
      const old = change.oldWithheld ? t("imports.preview.withheld") : change.old === null ? t("imports.preview.new") : formatNumber(change.old);
      row.append(element("th", { text: change.code, attrs: { scope: "row" } }), element("td", { text: indicatorName(change.indicator) }),
        element("td", { text: formatQuarter(change.period) }), element("td", { className: "num", text: old }),
        element("td", { className: "num", text: formatNumber(change.new) }));
      rows.append(row);
    }
    table.append(head, rows);
    body.append(table);
  }
  if (view.warnings.length > 0) body.append(issueTable(view.warnings, t("imports.warnings.caption", { count: formatNumber(view.warnings.length) })));
  const commit = element("button", { className: "action-button", text: t("imports.preview.commit"), attrs: { type: "button", id: "commit-button" } });
  commit.addEventListener("click", () => send(false));
  body.append(commit);
}

/** The findings of an import (ImportIssueView) as a table: where each is, what was there and what is wrong. */
function issueTable(issues, caption) {
  const table = element("table", { className: "runs-table issues-table" });
  table.append(element("caption", { text: caption, attrs: { id: "issues-caption" } }));
  const headRow = element("tr");
  for (const key of ["row", "key", "field", "value", "problem", "detail"]) {
    headRow.append(element("th", { text: t(`imports.col.${key}`), attrs: { scope: "col" } }));
  }
  const head = element("thead");
  head.append(headRow);
  table.append(head);
  const body = element("tbody");
  for (const issue of issues) {
    const row = element("tr", { attrs: { "data-problem": String(issue.problem ?? "") } });
    row.append(element("th", { text: issue.row == null ? "—" : formatNumber(issue.row, { useGrouping: false }), attrs: { scope: "row" } }));
    row.append(element("td", { text: issue.key ?? "" }));
    row.append(element("td", { text: issue.field ?? "", attrs: { "data-field": issue.field ?? "" } }));
    row.append(element("td", { text: issue.value ?? "" }));
    const problem = element("td");
    if (issue.warning) problem.append(element("span", { className: "badge badge-other", text: t("imports.issue.warning") }), " ");
    problem.append(issue.message ?? String(issue.problem ?? ""));
    row.append(problem);
    row.append(element("td", { text: issue.detail ?? "" }));
    body.append(row);
  }
  table.append(body);
  const wrap = element("div", { className: "table-wrap", attrs: { role: "region", tabindex: "0", "aria-labelledby": "issues-caption" } });
  wrap.append(table);
  return wrap;
}

// ---------------------------------------------------------------------------
// The import log

function renderBatches() {
  const body = els.batchesBody;
  body.replaceChildren();
  els.batchesEmpty.hidden = state.phase !== "ready" || state.batches.length > 0;
  for (const batch of state.batches) {
    const row = element("tr", { attrs: { "data-batch-id": String(batch.id) } });
    row.append(element("th", { text: batchId(batch.id), attrs: { scope: "row" } }));
    row.append(element("td", { text: kindLabel(batch.kind), attrs: { "data-kind": String(batch.kind ?? "") } }));
    row.append(element("td", { text: batch.fileName ?? "" }));
    const source = element("td", { text: batch.source ?? "" });
    if (batch.source === DEMO_SOURCE) source.append(" ", element("span", { className: "badge badge-demo", text: t("imports.demo") }));
    row.append(source);
    row.append(cellWith(batchStatusBadge(batch.status)), cellWith(timeElement(batch.startedAt)));
    row.append(element("td", { text: batch.importedBy ?? "" }));
    row.append(element("td", { className: "num", text: countText(batch.rowsRead) }));
    row.append(element("td", { className: "num", text: countText(batch.rowsInserted) }));
    row.append(element("td", { className: "num", text: countText(batch.rowsUpdated) }));
    row.append(element("td", { className: "num", text: countText(batch.issues?.length) }));
    body.append(row);
  }
}

/** A batch whose importing process died (its lease lapsed) is shown as interrupted: nothing of it was stored. */
function batchStatusBadge(status) {
  if (status !== "interrupted") return statusBadge(status);
  return element("span", {
    className: "badge badge-failed",
    text: t("imports.batch.interrupted"),
    attrs: { "data-status": status, title: t("imports.batch.interruptedHint") },
  });
}

function renderStatusLine() {
  const keys = { loading: "imports.status.loading", error: "imports.status.failed", "no-access": "imports.status.noAccess" };
  els.status.textContent =
    state.phase === "ready" ? t("imports.status.updated", { time: formatTime(state.updatedAt) }) : t(keys[state.phase]);
}

function render() {
  renderForm();
  renderCodes();
  renderUpload();
  renderResult();
  renderBatches();
  renderVintages();
  renderAgencyClients();
  renderHeld();
  renderStatusLine();
}

function refresh() {
  if (state.readWaiting) return;
  state.readWaiting = true;
  state.reads = state.reads
    .then(() => {
      state.readWaiting = false;
      return readBatches();
    })
    .catch(reportBug);
}

async function readBatches() {
  try {
    state.batches = await fetchImports(BATCH_LIMIT);
    state.updatedAt = new Date();
    state.phase = "ready";
    els.errorBox.hidden = true;
    els.errorDetail.textContent = "";
  } catch (error) {
    reportBug(error);
    els.errorDetail.textContent = error?.name === "ApiError" ? `(${error.message})` : "";
    els.errorBox.hidden = false;
    if (state.phase !== "ready") state.phase = "error";
  }
  renderBatches();
  renderStatusLine();
  document.body.dataset.ready = state.phase === "error" ? "error" : "true";
}

// ---------------------------------------------------------------------------
// Start

function showAccess(me) {
  els.accessSignIn.hidden = me.authenticated;
  els.accessStewardOnly.hidden = !me.authenticated || me.managesData;
  els.tools.hidden = !me.managesData;
  if (me.managesData) {
    fetchIndicators().then((indicators) => {
      state.indicators = indicators;
      renderCodes();
      renderHeld();
    }, reportBug);
    loadVintages().catch(reportBug);
    loadAgencyClients().catch(reportBug);
    loadHeld(indicatorName).catch(reportBug);
    refresh();
    return;
  }
  state.phase = "no-access";
  renderStatusLine();
  document.body.dataset.ready = "true";
}

function start() {
  initPage({ titleKey: "imports.doc.title", onTranslate: render }).then(showAccess);
  els.kind.addEventListener("change", renderForm);
  els.form.addEventListener("submit", upload);
  els.retryButton.addEventListener("click", refresh);
  loadDemoBanner();
}

start();
