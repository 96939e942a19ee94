import { test } from "node:test";
import assert from "node:assert/strict";
import { nextSort, sortUnits } from "./compare-sort.js";

const units = [
  { code: "b", classChange: 1, baseRank: 2 },
  { code: "a", classChange: null, baseRank: 1 },
  { code: "c", classChange: -2, baseRank: 3 },
  { code: "d", classChange: 1, baseRank: 4 },
];

test("sorts by a column either way, units without a value last and ties by code", () => {
  assert.deepEqual(sortUnits(units, "classChange", "descending").map((u) => u.code), ["b", "d", "c", "a"]);
  assert.deepEqual(sortUnits(units, "classChange", "ascending").map((u) => u.code), ["c", "b", "d", "a"]);
  assert.deepEqual(sortUnits(units, "baseRank", "ascending").map((u) => u.code), ["a", "b", "c", "d"]);
});

test("sorts by name in the UI language", () => {
  const names = { a: "Ясный", b: "Абай", c: "Жетысай", d: "Уральск" };
  assert.deepEqual(sortUnits(units, "name", "ascending", (u) => names[u.code]).map((u) => u.code), ["b", "c", "d", "a"]);
});

test("a second click on a column reverses it; a new column starts in its natural direction", () => {
  assert.deepEqual(nextSort({ column: "name", direction: "ascending" }, "name"), { column: "name", direction: "descending" });
  assert.deepEqual(nextSort({ column: "name", direction: "ascending" }, "classChange"), { column: "classChange", direction: "descending" });
  assert.deepEqual(nextSort({ column: "classChange", direction: "descending" }, "rankChange"), { column: "rankChange", direction: "ascending" });
});
