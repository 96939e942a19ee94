// node --test: which quarters of a profile's history make one note of history carried across a boundary change.
import assert from "node:assert/strict";
import { test } from "node:test";

globalThis.document = { documentElement: {} };
const { carriedRuns } = await import("./carried.js");

const history = ["2022Q3", "2022Q4", "2023Q1", "2023Q2", "2023Q3"].map((period) => ({ period }));

test("consecutive quarters carried from one vintage the same way make one run; a change of weighting or a gap starts another", () => {
  assert.deepEqual(carriedRuns(history, [
    { period: "2022Q3", vintage: 2018, by: "pupils" },
    { period: "2022Q4", vintage: 2018, by: "pupils" },
    { period: "2023Q1", vintage: 2018, by: "area" },
    { period: "2023Q3", vintage: 2018, by: "area" },
  ]), [
    { from: "2022Q3", to: "2022Q4", vintage: 2018, by: "pupils" },
    { from: "2023Q1", to: "2023Q1", vintage: 2018, by: "area" },
    { from: "2023Q3", to: "2023Q3", vintage: 2018, by: "area" },
  ]);
});

test("a history with nothing carried, or a profile without the field, has no runs", () => {
  assert.deepEqual(carriedRuns(history, []), []);
  assert.deepEqual(carriedRuns(history, undefined), []);
});
