// node --test: the risk level a district is drawn with, and the scores each level of the legend covers.
import assert from "node:assert/strict";
import { test } from "node:test";
import { classKey, levelRange, unitClass } from "./choropleth.js";

test("a unit's level is its class 1–5; anything else is no data", () => {
  assert.equal(unitClass({ class: 1 }), 1);
  assert.equal(unitClass({ class: 5 }), 5);
  for (const unit of [{ class: 0 }, { class: 6 }, { class: 2.5 }, { class: "3" }, {}, null, undefined]) {
    assert.equal(unitClass(unit), null, JSON.stringify(unit));
  }
});

test("a suppressed unit is drawn as suppressed whatever class it carries", () => {
  assert.equal(classKey({ class: 4 }), "4");
  assert.equal(classKey({ class: 4, suppressed: true }), "suppressed");
  assert.equal(classKey({ class: null }), "none");
});

test("fixed thresholds split 0–10 into five levels", () => {
  const fixed = [2, 4, 6, 8];
  assert.deepEqual([1, 2, 3, 4, 5].map((cls) => levelRange(cls, fixed)),
    [{ from: 0, to: 2 }, { from: 2, to: 4 }, { from: 4, to: 6 }, { from: 6, to: 8 }, { from: 8, to: 10 }]);
});

test("quintiles of a period give uneven levels that still start at 0 and end at 10", () => {
  const quintiles = [3.1, 3.9, 4.4, 5.2];
  assert.deepEqual(levelRange(1, quintiles), { from: 0, to: 3.1 });
  assert.deepEqual(levelRange(3, quintiles), { from: 3.9, to: 4.4 });
  assert.deepEqual(levelRange(5, quintiles), { from: 5.2, to: 10 });
});

test("a table without four bounds gives no ranges", () => {
  assert.equal(levelRange(2, null), null);
  assert.equal(levelRange(2, [1, 2, 3]), null);
});
