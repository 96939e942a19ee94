// node --test: how the emerging hot spot layer draws each category: hot in reds, cold in blues, no pattern grey, and no
// two categories that share an outline too close in lightness to be told apart without hue.
import assert from "node:assert/strict";
import { test } from "node:test";
import { CATEGORY_STYLES, binColor, categoryStyle, isPattern, legendOrder } from "./emerging-style.js";

/** Relative luminance (WCAG 2) of "#rrggbb". */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const KINDS = ["new", "consecutive", "intensifying", "persistent", "diminishing", "sporadic", "oscillating", "historical"];

test("every category the API serves has a style: hot ones reddish, cold ones bluish, no pattern grey", () => {
  for (const kind of KINDS) {
    const hot = categoryStyle(`${kind}-hot-spot`);
    const cold = categoryStyle(`${kind}-cold-spot`);
    const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const [hr, , hb] = rgb(hot.fill);
    const [cr, , cb] = rgb(cold.fill);
    assert.ok(hr > hb, `${kind} hot spot ${hot.fill} is not red`);
    assert.ok(cb > cr, `${kind} cold spot ${cold.fill} is not blue`);
    // A cold category is drawn with the outline of its hot mirror: the outline says the kind, the hue hot or cold.
    assert.equal(cold.outline, hot.outline, kind);
  }
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(categoryStyle("no-pattern").fill.slice(i, i + 2), 16));
  assert.ok(r === g && g === b, "no pattern is grey");
  assert.equal(categoryStyle("something-else"), null);
  assert.equal(CATEGORY_STYLES.length, 17);
});

/** hot, cold or none: red against blue is told apart by hue, within a family only lightness and outline remain. */
const family = (category) => category.match(/(hot|cold)-spot$/)?.[1] ?? "none";

test("categories of a family that share an outline differ in lightness, so they are told apart without hue", () => {
  for (const a of CATEGORY_STYLES) {
    for (const b of CATEGORY_STYLES) {
      if (a === b || a.outline !== b.outline) continue;
      if (family(a.category) !== family(b.category) && family(a.category) !== "none" && family(b.category) !== "none") continue;
      assert.ok(contrast(a.fill, b.fill) >= 1.2, `${a.category} ${a.fill} and ${b.category} ${b.fill}: contrast ${contrast(a.fill, b.fill).toFixed(2)}`);
    }
  }
});

test("a pattern is any hot or cold category, not no pattern or an unknown code", () => {
  assert.ok(isPattern("persistent-hot-spot"));
  assert.ok(isPattern("new-cold-spot"));
  assert.ok(!isPattern("no-pattern"));
  assert.ok(!isPattern("bogus"));
});

test("the legend lists hot spots first, then cold spots, then no pattern, each once", () => {
  assert.deepEqual(legendOrder(["no-pattern", "new-cold-spot", "sporadic-hot-spot", "persistent-hot-spot", "no-pattern"]),
    ["persistent-hot-spot", "sporadic-hot-spot", "new-cold-spot", "no-pattern"]);
});

test("a quarter's bin is darker the stronger the evidence, red for hot, blue for cold, white without a score", () => {
  assert.ok(luminance(binColor(3)) < luminance(binColor(2)) && luminance(binColor(2)) < luminance(binColor(1)));
  assert.ok(luminance(binColor(-3)) < luminance(binColor(-2)) && luminance(binColor(-2)) < luminance(binColor(-1)));
  assert.equal(binColor(null), "#ffffff");
  assert.notEqual(binColor(0), binColor(null));
});
