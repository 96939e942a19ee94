// node --test: what the score-runs page says about a recompute the user asked for, as the runs come in.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FOLLOW_LIMIT_MS, START_GRACE_MS, followRecompute } from "./recompute.js";

const asked = { since: 7, requestedAt: 1000, phase: "queued", runId: null };
const run = (id, status, more = {}) => ({ id, trigger: "manual", status, resultCount: 0, error: null, ...more });
const after = (ms) => 1000 + ms;

test("nothing changes while the request is still being sent, or after it is done", () => {
  for (const phase of ["requesting", "done"]) {
    const request = { ...asked, phase };
    assert.deepEqual(followRecompute(request, { runs: [run(8, "succeeded")], running: false, now: after(10) }), { request, progress: null });
  }
  assert.deepEqual(followRecompute(null, { runs: [], running: false, now: 0 }), { request: null, progress: null });
});

test("queued → running → succeeded, with the run's number and results", () => {
  const running = followRecompute(asked, { runs: [run(8, "running")], running: true, now: after(500) });
  assert.equal(running.request.phase, "running");
  assert.equal(running.request.runId, 8);
  assert.deepEqual(running.progress, { key: "jobs.progress.running", params: { id: 8 }, tone: "info" });

  const still = followRecompute(running.request, { runs: [run(8, "running")], running: true, now: after(900) });
  assert.equal(still.progress, null, "the same message is not announced twice");

  const done = followRecompute(running.request, { runs: [run(8, "succeeded", { resultCount: 244 })], running: false, now: after(2000) });
  assert.equal(done.request.phase, "done");
  assert.deepEqual(done.progress, { key: "jobs.progress.succeeded", params: { id: 8, results: 244 }, tone: "success" });
});

test("the run followed is the first manual run after the request, not an older or scheduled one", () => {
  const runs = [run(7, "failed"), run(9, "running", { trigger: "schedule" }), run(11, "failed", { error: "boom" }), run(10, "running")];
  const next = followRecompute(asked, { runs, running: true, now: after(100) });
  assert.equal(next.request.runId, 10);
  assert.equal(next.progress.key, "jobs.progress.running");
});

test("a failed run reports its error, or its status when it has none", () => {
  assert.deepEqual(followRecompute(asked, { runs: [run(8, "failed", { error: "no indicators" })], running: false, now: after(10) }).progress,
    { key: "jobs.progress.failed", params: { id: 8, status: "failed", error: "no indicators" }, tone: "error" });
  assert.equal(followRecompute(asked, { runs: [run(8, "failed")], running: false, now: after(10) }).progress.params.error, null);
});

test("a run that never appears, with nothing running, did not start; while another runs the page waits", () => {
  assert.equal(followRecompute(asked, { runs: [], running: false, now: after(START_GRACE_MS) }).progress, null);
  assert.equal(followRecompute(asked, { runs: [], running: true, now: after(START_GRACE_MS + 1) }).progress, null);
  const gaveUp = followRecompute(asked, { runs: [], running: false, now: after(START_GRACE_MS + 1) });
  assert.equal(gaveUp.request.phase, "done");
  assert.deepEqual(gaveUp.progress, { key: "jobs.progress.notStarted", params: {}, tone: "error" });
});

test("a run followed longer than the limit is left to the normal refresh", () => {
  const timedOut = followRecompute({ ...asked, phase: "running", runId: 8 }, { runs: [run(8, "running")], running: true, now: after(FOLLOW_LIMIT_MS + 1) });
  assert.equal(timedOut.request.phase, "done");
  assert.equal(timedOut.progress.key, "jobs.progress.timeout");
});
