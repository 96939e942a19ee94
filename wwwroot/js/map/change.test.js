// node --test: when a change of a score reads as a rise or a fall.
import assert from "node:assert/strict";
import { test } from "node:test";

// setLanguage() marks the page's language on <html>; these functions need nothing else of a page.
globalThis.document = { documentElement: {} };
const { setLanguage } = await import("../shared/i18n.js");
const { changeDirection, changeText } = await import("./change.js");

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
