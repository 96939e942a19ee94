// node --test: a link to a view of the map opens that view.
import assert from "node:assert/strict";
import { test } from "node:test";
import { addressWithView, viewFromSearch } from "./deeplink.js";

const view = { period: "2025Q4", measure: "domain:violence", classes: "quantile", unit: "751110000", profile: "750000000", school: "7511100001" };

test("a view written into the address reads back the same", () => {
  const href = addressWithView("https://riskmap.example/?lang=ru", view);
  assert.deepEqual(viewFromSearch(new URL(href).search), view);
});

test("the address keeps its other parameters and drops the parts of the view that are empty", () => {
  const href = addressWithView("https://riskmap.example/?lang=kk&unit=75&classes=fixed", { ...view, unit: null, classes: "" });
  const params = new URL(href).searchParams;
  assert.equal(params.get("lang"), "kk");
  assert.equal(params.has("unit"), false);
  assert.equal(params.has("classes"), false);
  assert.equal(params.get("measure"), "domain:violence");
});

test("a part missing from the address, or empty, is null so the page picks its default", () => {
  assert.deepEqual(viewFromSearch("?period=&measure=composite"), { period: null, measure: "composite", classes: null, unit: null, profile: null, school: null });
  assert.deepEqual(viewFromSearch(""), { period: null, measure: null, classes: null, unit: null, profile: null, school: null });
});
