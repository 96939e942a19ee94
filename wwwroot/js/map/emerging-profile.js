// A district's or region's emerging hot spot category in its profile: the category, what a hot spot means, and its
// hot/cold strip by quarter (one box per quarter of the run, coloured by that quarter's confidence bin). Plain ES module.

import { binColor } from "./emerging-style.js";
import { categorySwatch } from "./emerging-swatch.js";
import { element } from "../shared/dom.js";
import { formatQuarter, t } from "../shared/i18n.js";
import "./emerging-messages.js";

/** The confidence (%) of a bin's magnitude: 3, 2, 1 are 99, 95, 90 %. */
const CONFIDENCE = Object.freeze({ 3: 99, 2: 95, 1: 90 });

/** A quarter's bin in words: "Q3 2025: hot spot at 95 % confidence". */
function binText(period, bin) {
  const quarter = formatQuarter(period);
  if (bin === null || bin === undefined) return t("emerging.bin.none", { quarter });
  if (bin === 0) return t("emerging.bin.neither", { quarter });
  return t(bin > 0 ? "emerging.bin.hot" : "emerging.bin.cold", { quarter, confidence: String(CONFIDENCE[Math.abs(bin)]) });
}

function strip(unit, periods) {
  const list = element("ol", { className: "hotspot-strip", attrs: { "aria-label": t("emerging.strip") } });
  list.append(...periods.map((period, i) => {
    const bin = unit.bins[i] ?? null;
    const box = element("li", { className: "hotspot-strip-quarter", attrs: { title: binText(period, bin), "data-bin": String(bin) } });
    box.style.backgroundColor = binColor(bin);
    box.append(element("span", { className: "visually-hidden", text: binText(period, bin) }));
    return box;
  }));
  return list;
}

/**
 * The profile's hot spot section for a unit of an emerging hot spot answer ({ category, categoryName, bins }) of the
 * run's periods; nothing for a unit the caller is not shown (null).
 */
export function hotSpotSection(unit, periods) {
  if (!unit) return [];
  const category = element("p", { className: "profile-hotspot", attrs: { "data-category": unit.category } });
  category.append(categorySwatch(unit.category), element("span", { text: unit.categoryName }));
  return [
    element("h3", { className: "profile-subtitle", text: t("emerging.measure") }),
    category,
    strip(unit, periods),
    element("p", { className: "profile-note profile-hotspot-note", text: t("emerging.explain") }),
  ];
}
