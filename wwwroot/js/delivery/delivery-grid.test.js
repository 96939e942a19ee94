import { test } from "node:test";
import assert from "node:assert/strict";
import { quartersBetween, statusCounts, worstStatus } from "./delivery-grid.js";

test("a cell counts its statuses worst first and takes the worst", () => {
  const cells = [{ status: "received" }, { status: "late" }, { status: "late" }, { status: "missing" }];
  assert.deepEqual(statusCounts(cells), [{ status: "missing", count: 1 }, { status: "late", count: 2 }, { status: "received", count: 1 }]);
  assert.equal(worstStatus(cells), "missing");
  assert.equal(worstStatus([]), null);
});

test("quarters run across years", () => {
  assert.deepEqual(quartersBetween("2025Q3", "2026Q2"), ["2025Q3", "2025Q4", "2026Q1", "2026Q2"]);
});
