// The recompute a user asked for on the score-runs page, followed from the page's refreshes:
// requesting → queued → running → done (succeeded, failed, did not start, or followed too long).
// DOM-free, so that node --test checks it. Plain ES module: no globals.

/** A requested run that has not appeared by then, with nothing else running, did not start. */
export const START_GRACE_MS = 30000;
/** After this long the page stops following a run closely and goes back to the normal refresh. */
export const FOLLOW_LIMIT_MS = 15 * 60 * 1000;

/**
 * The next state of a request { since, requestedAt, phase, runId } given the newest runs ({ id, trigger, status,
 * resultCount, error }), whether the service says a run is going on, and the time now (ms). Returns the request as it
 * now is and the progress message to show ({ key, params, tone }), or progress null when the message stays.
 */
export function followRecompute(request, { runs, running, now }) {
  if (!request || request.phase === "requesting" || request.phase === "done") return { request, progress: null };

  // The first manual run after the request is the one it started (Quartz runs recomputes one at a time).
  const candidates = runs.filter((run) => run.id > request.since && run.trigger === "manual");
  const run = candidates.length > 0 ? candidates.reduce((a, b) => (a.id < b.id ? a : b)) : null;
  const waited = now - request.requestedAt;
  const done = (progress) => ({ request: { ...request, phase: "done", runId: run?.id ?? request.runId }, progress });

  if (!run) {
    if (waited > START_GRACE_MS && !running) return done({ key: "jobs.progress.notStarted", params: {}, tone: "error" });
    if (waited > FOLLOW_LIMIT_MS) return done({ key: "jobs.progress.timeout", params: {}, tone: "info" });
    return { request, progress: null };
  }
  if (run.status === "running") {
    if (waited > FOLLOW_LIMIT_MS) return done({ key: "jobs.progress.timeout", params: {}, tone: "info" });
    if (request.phase === "running") return { request: { ...request, runId: run.id }, progress: null };
    return { request: { ...request, phase: "running", runId: run.id }, progress: { key: "jobs.progress.running", params: { id: run.id }, tone: "info" } };
  }
  if (run.status === "succeeded") {
    return done({ key: "jobs.progress.succeeded", params: { id: run.id, results: run.resultCount }, tone: "success" });
  }
  return done({ key: "jobs.progress.failed", params: { id: run.id, status: run.status, error: run.error || null }, tone: "error" });
}
