// node --test: how the change map classifies and colours a unit's change between two quarters.
import assert from "node:assert/strict";
import { test } from "node:test";
import { changeCategory, changeColor, changeKey, FALL_COLORS, NO_CHANGE_DATA_COLOR, rateChangeKey, RISE_COLORS, STEADY_COLOR } from "./change-style.js";

test("a clear change is a rise or a fall, stronger with its size", () => {
  assert.equal(changeCategory({ changeQuarter: 0.3, clearChangeQuarter: true }, "quarter"), "rise");
  assert.equal(changeKey({ changeQuarter: 0.3, clearChangeQuarter: true }, "quarter"), "rise-1");
  assert.equal(changeKey({ changeQuarter: 0.9, clearChangeQuarter: true }, "quarter"), "rise-2");
  assert.equal(changeKey({ changeYear: -2.4, clearChangeYear: true }, "year"), "fall-3");
  assert.equal(changeColor("rise-3"), RISE_COLORS[2]);
  assert.equal(changeColor("fall-1"), FALL_COLORS[0]);
});

test("a change within its uncertainty is no clear change, however large", () => {
  const unit = { changeQuarter: 2.1, clearChangeQuarter: false, changeYear: -1.2, clearChangeYear: true };
  assert.equal(changeKey(unit, "quarter"), "steady");
  assert.equal(changeColor("steady"), STEADY_COLOR);
  assert.equal(changeKey(unit, "year"), "fall-2", "the comparison asked for decides which change is read");
});

test("a unit without a change, or whose detail the caller does not see, has no data", () => {
  assert.equal(changeKey({ class: 3, detailed: false, changeQuarter: null }, "quarter"), "none");
  assert.equal(changeKey(undefined, "year"), "none");
  assert.equal(changeColor("none"), NO_CHANGE_DATA_COLOR);
});

test("without the run's judgement (methodology 1.0, a domain or an indicator) a small change is no clear change", () => {
  assert.equal(changeCategory({ changeQuarter: 0.2 }, "quarter"), "steady");
  assert.equal(changeCategory({ changeQuarter: -0.8 }, "quarter"), "fall");
});

test("a rate's clear change is stronger with its share of the earlier rate; within its uncertainty it is no clear change", () => {
  const unit = (rate, count) => ({ value: { rate, count, unit: "per1000Pupils" } });
  assert.equal(rateChangeKey(unit(1, 100), unit(1.2, 120)), "steady");
  assert.equal(rateChangeKey(unit(1, 400), unit(1.2, 480)), "rise-1");
  assert.equal(rateChangeKey(unit(1, 400), unit(0.6, 240)), "fall-2");
  assert.equal(rateChangeKey(unit(0, 0), unit(0.4, 8)), "rise-3");
  assert.equal(rateChangeKey(unit(1, 100), undefined), "none");
});
