// RiskMap: status of the score recompute (published run, schedule, failures, recent runs) and a way to start one.
// Plain ES module: no globals.

import { fetchScoreRunStatus, fetchScoreRuns, reportBug, startScoreRun } from "../shared/api.js";
import { element } from "../shared/dom.js";
import { formatDateTime, formatDuration, formatNumber, formatTime, t, tPlural } from "../shared/i18n.js";
import "./jobs-messages.js";
import { initPage, loadDemoBanner } from "../shared/page.js";
import { addFact, cellWith, statusBadge, statusLabel, timeElement } from "../shared/status-view.js";
import { followRecompute } from "./recompute.js";

/** How often the page refreshes itself, and how often it follows a recompute it asked for. */
const REFRESH_MS = 15000;
const POLL_MS = 2000;
const RUN_LIMIT = 20;

const TRIGGERS = new Set(["schedule", "import", "manual"]);

/** The methods a run may be made with (ScoreRunService.MethodologyVersions). */
const METHODOLOGIES = ["riskmap-1.0", "riskmap-2.0"];

const els = {
  published: document.getElementById("published"),
  runningState: document.getElementById("running-state"),
  pending: document.getElementById("pending-recompute"),
  nextRun: document.getElementById("next-run"),
  schedule: document.getElementById("schedule"),
  scheduleImports: document.getElementById("schedule-imports"),
  recompute: document.getElementById("recompute"),
  recomputeStewardOnly: document.getElementById("recompute-steward-only"),
  recomputeButton: document.getElementById("recompute-button"),
  methodology: document.getElementById("methodology-select"),
  progress: document.getElementById("recompute-progress"),
  failures: document.getElementById("failures"),
  runsBody: document.getElementById("runs-body"),
  runsEmpty: document.getElementById("runs-empty"),
  status: document.getElementById("status"),
  errorBox: document.getElementById("error-box"),
  errorDetail: document.getElementById("error-detail"),
  retryButton: document.getElementById("retry-button"),
};

const state = {
  /** Last successful answers of /api/score-runs/current and /api/score-runs. */
  current: null,
  runs: [],
  updatedAt: null,
  /** "loading" | "ready" | "error" (error only before the first successful load). */
  phase: "loading",
  loading: false,
  timer: 0,
  /**
   * A recompute this page asked for: { since: newest run id before asking, requestedAt, phase, runId, forComparison },
   * phase "requesting" | "queued" | "running" | "done"; forComparison: made with another method than the configured one.
   */
  recompute: null,
  /** Message in the live region, kept as key + params so that it follows the language. */
  progress: null,
  /** The method the steward picked for the next recompute; null: the configured one. */
  methodology: null,
};

// ---------------------------------------------------------------------------
// Text helpers

function runId(id) {
  return t("jobs.runId", { id: formatNumber(id, { useGrouping: false }) });
}

function triggerLabel(trigger) {
  return TRIGGERS.has(trigger) ? t(`trigger.${trigger}`) : String(trigger ?? "—");
}

function periodsText(periods) {
  if (!Array.isArray(periods) || periods.length === 0) return "—";
  const sorted = [...periods].map(String).sort();
  const count = tPlural("jobs.quarters", sorted.length);
  if (sorted.length === 1) return `${sorted[0]} (${count})`;
  return t("jobs.periods.range", { first: sorted[0], last: sorted[sorted.length - 1], count });
}

function resultsText(run) {
  return run.status === "succeeded" || run.resultCount > 0 ? formatNumber(run.resultCount) : "—";
}

/**
 * A cron expression as Hangfire reads it, "min hour day-of-month month day-of-week" (or with seconds first), that fires
 * once a day, as { hour, minute }; null for anything else (shown as the raw expression).
 */
function dailyTime(cron) {
  if (typeof cron !== "string") return null;
  const fields = cron.trim().split(/\s+/);
  if (fields.length < 5 || fields.length > 6) return null;
  const [sec, min, hour, dom, month, dow] = fields.length === 6 ? fields : ["0", ...fields];
  const isNumber = (value, max) => /^\d{1,2}$/.test(value) && Number(value) <= max;
  const everyDay = dom === "*" && month === "*" && dow === "*";
  if (!everyDay || sec !== "0" || !isNumber(min, 59) || !isNumber(hour, 23)) return null;
  return { hour: Number(hour), minute: Number(min) };
}

function scheduleText(schedule) {
  const cron = schedule?.cron ?? "";
  const timeZone = schedule?.timeZone || "UTC";
  const daily = dailyTime(cron);
  if (!daily) return t("jobs.schedule.cron", { cron, timeZone });
  const time = `${String(daily.hour).padStart(2, "0")}:${String(daily.minute).padStart(2, "0")}`;
  return t(daily.hour < 6 ? "jobs.schedule.nightly" : "jobs.schedule.daily", { time, timeZone });
}

// ---------------------------------------------------------------------------
// Rendering

function render() {
  renderStatusLine();
  renderProgress();
  renderButton();
  if (!state.current) return;
  renderMethodologies();
  renderPublished();
  renderActivity();
  renderFailures();
  renderRuns();
}

function renderPublished() {
  const run = state.current.published;
  const root = els.published;
  root.replaceChildren();
  if (!run) {
    delete root.dataset.runId;
    root.append(element("p", { className: "empty-note", text: t("jobs.published.none") }));
    return;
  }
  root.dataset.runId = String(run.id);
  const list = element("dl", { className: "facts" });
  addFact(list, t("jobs.field.run"), runId(run.id));
  addFact(list, t("jobs.field.status"), statusBadge(run.status));
  addFact(list, t("jobs.field.finished"), timeElement(run.finishedAt));
  addFact(list, t("jobs.field.duration"), formatDuration(run.durationSeconds));
  addFact(list, t("jobs.field.periods"), periodsText(run.periods));
  addFact(list, t("jobs.field.results"), formatNumber(run.resultCount));
  addFact(list, t("jobs.field.trigger"), triggerLabel(run.trigger));
  addFact(list, t("jobs.field.methodology"), run.methodologyVersion ?? "—");
  root.append(list);
}

/** The configured method publishes (and is chosen until the steward picks another); the other makes a run for comparison. */
function renderMethodologies() {
  const configured = state.current.methodology;
  els.methodology.replaceChildren(...METHODOLOGIES.map((method) => element("option", {
    text: t(method === configured ? "jobs.methodology.publishes" : "jobs.methodology.compares", { method }),
    attrs: { value: method },
  })));
  els.methodology.value = state.methodology ?? configured;
}

/** A run kept for comparison: succeeded, not published, and made with another method than the configured one. */
function forComparison(run) {
  return !run.published && run.status === "succeeded" && Boolean(state.current?.methodology) && run.methodologyVersion !== state.current.methodology;
}

function runningRun() {
  const latest = state.current?.latest;
  if (latest?.status === "running") return latest;
  return state.runs.find((run) => run.status === "running") ?? null;
}

function renderActivity() {
  const current = state.current;
  const running = current.running ? runningRun() : null;
  els.runningState.classList.toggle("is-running", current.running === true);
  if (running) {
    els.runningState.textContent = t("jobs.running.yes", {
      id: runId(running.id),
      trigger: triggerLabel(running.trigger),
      started: formatDateTime(running.startedAt),
    });
  } else {
    els.runningState.textContent = t(current.running ? "jobs.running.unknown" : "jobs.running.no");
  }

  const schedule = current.schedule;
  const timeZone = schedule?.timeZone || "UTC";
  // The schedule's own zone (Asia/Almaty), named, whatever the zone of the browser.
  const inZone = (value) => t("jobs.timeInZone", { time: formatDateTime(value, { timeZone }), timeZone });
  els.nextRun.replaceChildren(current.nextScheduledRun ? element("time", { text: inZone(current.nextScheduledRun), attrs: { datetime: current.nextScheduledRun } }) : t("jobs.next.none"));
  const pending = current.pendingRecompute;
  els.pending.hidden = !pending;
  if (pending) {
    els.pending.textContent = pending.importRunning
      ? t("jobs.pending.importRunning")
      : t("jobs.pending.startsAt", { time: inZone(pending.startsAfter), duration: formatDuration(pending.checkSeconds) });
  }

  els.schedule.replaceChildren(scheduleText(schedule));
  if (schedule?.cron) {
    els.schedule.append(" ", element("code", { className: "cron", text: schedule.cron }));
  }
  const debounce = schedule?.importDebounceSeconds;
  els.scheduleImports.textContent =
    typeof debounce === "number" && debounce >= 0 ? t("jobs.schedule.imports", { duration: formatDuration(debounce) }) : "";
}

function renderFailures() {
  const failures = state.current.recentFailures;
  const root = els.failures;
  root.replaceChildren();
  if (failures.length === 0) {
    root.append(element("p", { className: "empty-note", text: t("jobs.failures.none") }));
    return;
  }
  const list = element("ul", { className: "failure-list" });
  for (const run of failures) {
    const item = element("li", { className: "failure", attrs: { "data-run-id": String(run.id) } });
    const heading = element("p", { className: "failure-title" });
    heading.append(
      t("jobs.failures.item", {
        id: runId(run.id),
        trigger: triggerLabel(run.trigger),
        started: formatDateTime(run.startedAt),
      }),
    );
    item.append(heading, element("pre", { className: "run-error", text: run.error || statusLabel(run.status) }));
    list.append(item);
  }
  root.append(list);
}

function renderRuns() {
  const body = els.runsBody;
  body.replaceChildren();
  els.runsEmpty.hidden = state.runs.length > 0;
  for (const run of state.runs) {
    const row = element("tr", { attrs: { "data-run-id": String(run.id) } });
    if (run.published) row.classList.add("is-published");

    row.append(element("th", { text: runId(run.id), attrs: { scope: "row" } }));
    row.append(element("td", { text: triggerLabel(run.trigger), attrs: { "data-trigger": String(run.trigger ?? "") } }));
    row.append(cellWith(statusBadge(run.status)), cellWith(timeElement(run.startedAt)));
    row.append(element("td", { className: "num", text: run.status === "running" ? "—" : formatDuration(run.durationSeconds) }));
    row.append(element("td", { className: "num", text: resultsText(run) }));
    const published = element("td");
    if (run.published) {
      published.append(element("span", { className: "badge badge-published", text: t("jobs.published.marker") }));
    } else if (forComparison(run)) {
      published.append(element("span", { text: `${t("jobs.published.comparison")} (${run.methodologyVersion})`, attrs: { "data-comparison": "true" } }));
    } else {
      published.append(
        element("span", { text: "—", attrs: { "aria-hidden": "true" } }),
        element("span", { className: "visually-hidden", text: t("jobs.published.not") }),
      );
    }
    row.append(published);
    body.append(row);
  }
}

function renderStatusLine() {
  let text;
  if (state.phase === "error") text = t("jobs.status.failed");
  else if (state.updatedAt) text = t("jobs.status.updated", { time: formatTime(state.updatedAt) });
  else text = t("jobs.status.loading");
  els.status.textContent = text;
}

function setProgress(key, params = {}, tone = "info") {
  state.progress = { key, params, tone };
  renderProgress();
}

function renderProgress() {
  const progress = state.progress;
  if (!progress) {
    els.progress.textContent = "";
    delete els.progress.dataset.tone;
    return;
  }
  // Parameters that are themselves translated (run numbers, counts) are rebuilt in the current language.
  const params = { ...progress.params };
  if (typeof params.id === "number") params.id = runId(params.id);
  if (typeof params.results === "number") params.results = formatNumber(params.results);
  els.progress.textContent = t(progress.key, params);
  els.progress.dataset.tone = progress.tone;
}

function following() {
  return state.recompute !== null && state.recompute.phase !== "done";
}

function renderButton() {
  // Until the first load, the page does not know which runs are older than a new request.
  const busy = following() || state.phase !== "ready";
  els.recomputeButton.setAttribute("aria-disabled", String(busy));
  els.recomputeButton.classList.toggle("is-busy", busy);
}

// ---------------------------------------------------------------------------
// Loading and refreshing

function showError(error) {
  reportBug(error);
  els.errorDetail.textContent = error?.name === "ApiError" ? `(${error.message})` : "";
  els.errorBox.hidden = false;
  if (state.phase !== "ready") {
    state.phase = "error";
    document.body.dataset.ready = "error";
  }
  renderStatusLine();
}

function hideError() {
  els.errorBox.hidden = true;
  els.errorDetail.textContent = "";
}

async function refresh() {
  if (state.loading) return;
  state.loading = true;
  window.clearTimeout(state.timer);
  try {
    const [current, runs] = await Promise.all([fetchScoreRunStatus(), fetchScoreRuns(RUN_LIMIT)]);
    state.current = current;
    state.runs = runs;
    state.updatedAt = new Date();
    state.phase = "ready";
    hideError();
    advanceRecompute();
    render();
    document.body.dataset.ready = "true";
  } catch (error) {
    showError(error);
  } finally {
    state.loading = false;
    scheduleRefresh();
  }
}

function scheduleRefresh() {
  window.clearTimeout(state.timer);
  state.timer = window.setTimeout(tick, following() ? POLL_MS : REFRESH_MS);
}

function tick() {
  // A hidden tab does not poll on the slow cycle; it refreshes as soon as it is shown again.
  if (document.hidden && !following()) {
    scheduleRefresh();
    return;
  }
  refresh();
}

function newestRunId() {
  const ids = state.runs.map((run) => run.id);
  if (state.current?.latest) ids.push(state.current.latest.id);
  return ids.length > 0 ? Math.max(...ids) : 0;
}

/** Advances the requested recompute from the newest data (recompute.js). */
function advanceRecompute() {
  const { request, progress } = followRecompute(state.recompute, {
    runs: state.runs, running: state.current?.running === true, now: Date.now(),
  });
  state.recompute = request;
  if (!progress) return;
  const { params, tone } = progress;
  // A run for comparison is not published, so its success says so.
  const key = progress.key === "jobs.progress.succeeded" && request?.forComparison ? "jobs.progress.kept" : progress.key;
  // A failed run without an error text is described by its status.
  setProgress(key, key === "jobs.progress.failed" ? { id: params.id, error: params.error ?? statusLabel(params.status) } : params, tone);
}

async function recompute() {
  if (following() || state.phase !== "ready") return;
  const methodology = state.methodology ?? state.current?.methodology;
  state.recompute = {
    since: newestRunId(), requestedAt: Date.now(), phase: "requesting", runId: null,
    forComparison: Boolean(methodology) && methodology !== state.current?.methodology,
  };
  setProgress("jobs.progress.requesting");
  renderButton();
  try {
    await startScoreRun(methodology);
  } catch (error) {
    reportBug(error);
    state.recompute = null;
    renderButton();
    setProgress("jobs.progress.requestFailed", { detail: error?.detail ?? "" }, "error");
    return;
  }
  state.recompute.phase = "queued";
  state.recompute.requestedAt = Date.now();
  setProgress("jobs.progress.queued");
  // Follow it now; refresh() then polls every POLL_MS until the run has finished.
  if (state.loading) scheduleRefresh();
  else refresh();
}

// ---------------------------------------------------------------------------
// Start

function start() {
  // Only a data steward may start a recompute.
  initPage({ titleKey: "jobs.doc.title", onTranslate: render }).then((me) => {
    els.recompute.hidden = !me.managesData;
    els.recomputeStewardOnly.hidden = me.managesData;
  });

  els.recomputeButton.addEventListener("click", () => recompute());
  els.methodology.addEventListener("change", () => {
    state.methodology = els.methodology.value;
  });
  els.retryButton.addEventListener("click", () => refresh());
  document.addEventListener("visibilitychange", () => {
    if (!document.hidden && state.phase !== "loading" && !following()) refresh();
  });

  loadDemoBanner();
  refresh();
}

start();
