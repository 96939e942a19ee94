import { test } from "node:test";
import assert from "node:assert/strict";
import { mapHref } from "./alert-list.js";

const alert = (level, code, districtKato = null) => ({ level, code, districtKato, period: "2025Q4" });

test("a district's alert opens the district's profile on the map in the alert's quarter", () => {
  assert.equal(mapHref(alert("district", "751110000"), ""), "/?period=2025Q4&unit=751110000");
});

test("a region's alert opens the region's own profile, not just the region", () => {
  assert.equal(mapHref(alert("region", "750000000"), ""), "/?period=2025Q4&unit=750000000&profile=750000000");
});

test("a school's alert opens the school in its district and keeps the page's language", () => {
  assert.equal(mapHref(alert("school", "75111001", "751110000"), "?lang=ru&status=new"), "/?lang=ru&period=2025Q4&unit=751110000&school=75111001");
});
