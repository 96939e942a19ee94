// The map coloured by emerging hot spots (docs/emerging-hotspots.md): each district by its category in the caller's
// answer of /api/hotspots/emerging, a district the answer does not list (outside what the caller sees in full) in the
// neutral "not shown" style, and the legend: every category shown with how many districts, the run's quarters, the
// confidence and a link to the method. Loaded on demand (app.js), so that the first paint does not pay for it. Plain ES module.

import { OUTSIDE_COLOR } from "./choropleth.js";
import { categorySwatch } from "./emerging-swatch.js";
import { element } from "../shared/dom.js";
import { OUTLINES, categoryStyle, legendOrder } from "./emerging-style.js";
import { formatQuarter, getLanguage, t, tPlural } from "../shared/i18n.js";
import { swatch } from "./legend.js";
import "./emerging-messages.js";

/** What a district path's data-class says when the caller is not shown its category. */
const NOT_SHOWN = "not-shown";
const NO_PATTERN = "no-pattern";

/** The link to the method, in the UI language (methodology.html). */
export function methodLink() {
  return element("a", { className: "methodology-link", text: t("emerging.method"), attrs: { href: `/methodology.html#hotspots-${getLanguage()}` } });
}

/**
 * The layer for an answer of emergingHotSpots (emerging-data.js) at district level; districts are the KATOs of every
 * district drawn. Its styleOf and classOf stand in for the score table's while it is shown.
 */
export function createEmergingLayer(answer, districts) {
  const unitOf = (kato) => answer.byCode.get(kato) ?? null;

  function styleOf(kato, { overBasemap = false } = {}) {
    const unit = unitOf(kato);
    const style = unit ? categoryStyle(unit.category) ?? categoryStyle(NO_PATTERN) : null;
    return {
      className: "district",
      opacity: 1,
      fill: true,
      ...(style ? OUTLINES[style.outline] : OUTLINES.plain),
      fillColor: style ? style.fill : OUTSIDE_COLOR,
      fillOpacity: overBasemap ? 0.7 : 0.9,
    };
  }

  function renderLegend(root) {
    const counts = new Map();
    for (const kato of districts) {
      const category = unitOf(kato)?.category ?? NOT_SHOWN;
      counts.set(category, (counts.get(category) ?? 0) + 1);
    }
    const nameOf = new Map(answer.units.map((unit) => [unit.category, unit.categoryName]));
    const items = element("ul", { className: "legend-items" });
    for (const category of legendOrder([...counts.keys()].filter((c) => c !== NOT_SHOWN))) {
      items.append(item(categorySwatch(category), `${nameOf.get(category)} — ${tPlural("emerging.units.district", counts.get(category))}`, category));
    }
    if (counts.has(NOT_SHOWN)) items.append(item(swatch(OUTSIDE_COLOR), t("emerging.notShown"), NOT_SHOWN));
    const note = element("p", { className: "legend-meta legend-index" });
    note.append(methodLink());
    root.replaceChildren(
      element("h2", { className: "legend-title", text: t("emerging.measure"), attrs: { id: "legend-title" } }),
      element("p", { className: "legend-meta legend-period", text: meta() }),
      items,
      note,
    );
  }

  /** "Q1 2025 – Q4 2026, 95 % confidence". */
  function meta() {
    const { periods, confidence } = answer;
    return t("emerging.legendMeta", { from: formatQuarter(periods[0]), to: formatQuarter(periods.at(-1)), confidence: String(confidence) });
  }

  return {
    styleOf,
    /** What a district path's data-class says: its category code, or "not-shown". */
    classOf: (kato) => unitOf(kato)?.category ?? NOT_SHOWN,
    /** The district's category in words for its tooltip. */
    summary: (kato) => unitOf(kato)?.categoryName ?? t("emerging.notShown"),
    renderLegend,
    /** The title lines of a downloaded map image. */
    title: () => [t("emerging.measure"), meta()],
  };
}

function item(box, text, category) {
  const li = element("li", { className: "legend-item", attrs: { "data-category": category } });
  li.append(box, element("span", { text }));
  return li;
}
