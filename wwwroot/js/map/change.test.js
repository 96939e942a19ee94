// node --test: when a change of a score reads as a rise or a fall.
import assert from "node:assert/strict";
import { test } from "node:test";

// setLanguage() marks the page's language on <html>; these functions need nothing else of a page.
globalThis.document = { documentElement: {} };
const { setLanguage } = await import("../shared/i18n.js");
const { changeDirection, changeText, rateChange, rateChangeText } = await import("./change.js");

test("a 2.0 run's change is a rise or fall only when the run says it is clear", () => {
  assert.equal(changeDirection({ changeQuarter: 1.4, clearChangeQuarter: false }, "quarter"), "steady");
  assert.equal(changeDirection({ changeQuarter: 0.1, clearChangeQuarter: true }, "quarter"), "rise");
  assert.equal(changeDirection({ changeYear: -0.3, clearChangeYear: true, clearChangeQuarter: false }, "year"), "fall");
});

test("a 1.0 run's change keeps the fixed rule", () => {
  assert.equal(changeDirection({ changeQuarter: 0.2 }, "quarter"), "steady");
  assert.equal(changeDirection({ changeQuarter: 0.8 }, "quarter"), "rise");
  assert.equal(changeDirection({ changeQuarter: 0.8, lowReliability: true }, "quarter"), "steady");
  assert.equal(changeDirection({}, "quarter"), null);
});

test("no clear change reads so in every language", () => {
  setLanguage("ru");
  assert.match(changeText({ changeQuarter: 1.4, clearChangeQuarter: false }, "quarter"), /без явного изменения/);
  setLanguage("kk");
  assert.match(changeText({ changeQuarter: 1.4, clearChangeQuarter: false }, "quarter"), /айқын өзгеріс жоқ/);
  setLanguage("en");
  assert.match(changeText({ changeQuarter: 1.4, clearChangeQuarter: false }, "quarter"), /no clear change/);
});

test("a rate's change is clear only beyond 1.96 standard errors of two Poisson counts", () => {
  const unit = (rate, count) => ({ value: { rate, count, unit: "per1000Pupils" } });
  // 10 → 30 events among the same pupils: a change of 1.0 against a standard error of 0.32.
  assert.equal(rateChange(unit(0.5, 10), unit(1.5, 30)).direction, "rise");
  // 10 → 14 events: within the counts' noise.
  assert.equal(rateChange(unit(0.5, 10), unit(0.7, 14)).direction, "steady");
  assert.equal(rateChange(unit(1.5, 30), unit(0.5, 10)).direction, "fall");
  // From no events: a few new ones are not yet clear, many are.
  assert.equal(rateChange(unit(0, 0), unit(0.05, 1)).direction, "steady");
  assert.equal(rateChange(unit(0, 0), unit(0.4, 8)).direction, "rise");
});

test("a share, a withheld count or a missing quarter has no rate change", () => {
  const rate = { value: { rate: 0.5, count: 10, unit: "per1000Pupils" } };
  assert.equal(rateChange({ value: { rate: 12, count: null, unit: "percent" } }, rate), null);
  assert.equal(rateChange({ value: { rate: null, count: null, unit: "per1000Pupils", countWithheld: true } }, rate), null);
  assert.equal(rateChange(undefined, rate), null);
  setLanguage("en");
  assert.equal(rateChangeText(undefined, rate), "—");
  assert.match(rateChangeText({ value: { rate: 0.5, count: 10, unit: "per1000Pupils" } }, { value: { rate: 1.5, count: 30, unit: "per1000Pupils" } }), /\+1\.00 ▲/);
});
