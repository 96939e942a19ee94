// node --test: the formatting a user reads on every page.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";

// setLanguage() marks the page's language on <html>; these functions need nothing else of a page.
globalThis.document = { documentElement: {} };
const { addMessages, formatChange, setLanguage, tPlural } = await import("./i18n.js");

addMessages({
  ru: { "test.schools.one": "{n} школа", "test.schools.few": "{n} школы", "test.schools.many": "{n} школ" },
  en: { "test.schools.one": "{n} school", "test.schools.other": "{n} schools" },
});

beforeEach(() => setLanguage("en"));

test("a change shows its sign", () => {
  assert.equal(formatChange(0.44), "+0.4");
  assert.equal(formatChange(-1.25, 2), "−1.25");
  assert.equal(formatChange(undefined), "—");
});

test("a change that rounds to zero never reads −0.0 or +0.0", () => {
  assert.equal(formatChange(-0.04), "0.0");
  assert.equal(formatChange(0.04), "0.0");
  assert.equal(formatChange(-0.004, 2), "0.00");
  setLanguage("ru");
  assert.equal(formatChange(-0.04), "0,0");
  assert.equal(formatChange(-0.06), "−0,1");
});

test("Russian counts take the plural form of their number", () => {
  setLanguage("ru");
  assert.equal(tPlural("test.schools", 1), "1 школа");
  assert.equal(tPlural("test.schools", 3), "3 школы");
  assert.equal(tPlural("test.schools", 332), "332 школы");
  assert.equal(tPlural("test.schools", 5), "5 школ");
  assert.equal(tPlural("test.schools", 11), "11 школ");
  setLanguage("en");
  assert.equal(tPlural("test.schools", 1), "1 school");
  assert.equal(tPlural("test.schools", 3), "3 schools");
});
