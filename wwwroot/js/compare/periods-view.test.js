// node --test: a link to a quarter comparison opens that comparison.
import assert from "node:assert/strict";
import { test } from "node:test";
import { addressWithPeriodsView, comparesQuarters, earlierPeriod, periodsViewFromSearch } from "./periods-view.js";

const view = { period: "2025Q4", against: "year", level: "region", measure: "domain:violence", classes: "quantile", show: "change", extent: { lat: 43.2389, lng: 76.8897, zoom: 9.5 } };

test("a comparison written into the address reads back the same, other parameters kept", () => {
  const href = addressWithPeriodsView("https://riskmap.example/compare.html?lang=ru", view);
  const url = new URL(href);
  assert.equal(url.searchParams.get("lang"), "ru");
  assert.equal(comparesQuarters(url.search), true);
  assert.deepEqual(periodsViewFromSearch(url.search), view);
});

test("the extent is rounded to what a map can show, and an unreadable one is no extent", () => {
  const href = addressWithPeriodsView("https://riskmap.example/compare.html", { ...view, extent: { lat: 51.123456789, lng: 71.98765, zoom: 6.123 } });
  assert.equal(new URL(href).searchParams.get("extent"), "51.1235,71.9877,6.12");
  for (const extent of ["", "51,71", "x,71,5", "95,71,5", "51,71,5;drop"]) {
    assert.equal(periodsViewFromSearch(`?extent=${encodeURIComponent(extent)}`).extent, null, extent);
  }
});

test("a link to the rate change map opens it", () => {
  const rate = { ...view, measure: "indicator:bullying_reports", show: "rate-change" };
  assert.deepEqual(periodsViewFromSearch(new URL(addressWithPeriodsView("https://riskmap.example/compare.html", rate)).search), rate);
});

test("a missing or unknown choice takes its default", () => {
  assert.deepEqual(periodsViewFromSearch("?compare=quarters&against=decade&show=3d"),
    { period: null, against: "quarter", level: "district", measure: null, classes: null, show: "split", extent: null });
  assert.equal(comparesQuarters("?base=3&other=4"), false);
});

test("the earlier quarter is the run's previous quarter or the one four before it", () => {
  const periods = ["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2"];
  assert.equal(earlierPeriod(periods, "2025Q2", "quarter"), "2025Q1");
  assert.equal(earlierPeriod(periods, "2025Q2", "year"), "2024Q2");
  assert.equal(earlierPeriod(periods, "2024Q3", "year"), null);
  assert.equal(earlierPeriod(periods, "2030Q1", "quarter"), null);
});
