// The map legend: what is shown, for which period, by which classification, and what each colour and outline means.
// Plain ES module: no globals.

import { CLASS_COLORS, NO_DATA_COLOR, OUTSIDE_COLOR, SUPPRESSED_COLOR, levelRange } from "./choropleth.js";
import { element } from "../shared/dom.js";
import { formatQuarter, formatScore, getLanguage, t } from "../shared/i18n.js";
import "./legend-messages.js";

/** A colour box as the legend shows it, e.g. for a class. */
export function swatch(color, extraClass = "") {
  const box = element("span", { className: `legend-swatch ${extraClass}`.trim(), attrs: { "aria-hidden": "true" } });
  box.style.backgroundColor = color;
  return box;
}

/** The swatch of a suppressed unit: hatched, as the map draws it. */
export function suppressedSwatch() {
  return swatch(SUPPRESSED_COLOR, "legend-swatch-suppressed");
}

/** A link to the methodology page's section in the UI language ("How to read the scores"). */
export function methodologyLink() {
  return element("a", { className: "methodology-link", text: t("legend.methodology"), attrs: { href: `/methodology.html#${getLanguage()}` } });
}

function item(box, text) {
  const li = element("li", { className: "legend-item" });
  li.append(box, element("span", { text }));
  return li;
}

/** "Very low (0.0–2.5)" where the lower bounds of classes 2–5 are known, else "Very low". */
function classLabel(cls, thresholds) {
  const name = t(`class.${cls}`);
  const range = levelRange(cls, thresholds);
  return range ? `${name} (${formatScore(range.from)}–${formatScore(range.to)})` : name;
}

/**
 * Renders the legend into root. shown is null while nothing is coloured (no published scores), else
 * { title, period, classification, thresholds, outside }: title is the measure's name in the UI language, outside whether
 * some units are outside the caller's area under this measure. titleId names the title where a page shows two legends.
 */
export function renderLegend(root, shown, { titleId = "legend-title" } = {}) {
  const title = element("h2", { className: "legend-title", attrs: { id: titleId } });
  if (!shown) {
    title.textContent = t("legend.label");
    root.replaceChildren(title, element("p", { className: "legend-meta", text: t("legend.noScores") }));
    return;
  }
  title.textContent = shown.title;
  const items = element("ul", { className: "legend-items" });
  for (let cls = 5; cls >= 1; cls--) items.append(item(swatch(CLASS_COLORS[cls - 1]), classLabel(cls, shown.thresholds)));
  items.append(
    item(swatch(NO_DATA_COLOR), t("class.none")),
    ...(shown.outside ? [item(swatch(OUTSIDE_COLOR), t("outside.legend"))] : []),
    item(suppressedSwatch(), t("privacy.legend")),
    item(swatch("transparent", "legend-swatch-dashed"), t("class.lowReliability")),
  );
  root.replaceChildren(
    title,
    element("p", { className: "legend-meta legend-period", text: t("legend.period", { period: formatQuarter(shown.period) }) }),
    element("p", { className: "legend-meta legend-classes", text: t("legend.classes", { classes: t(`classes.${shown.classification}`) }) }),
    items,
    methodologyNote(),
  );
}

/** Every view colours a 0–10 score: a relative index, not a rate, with a link to what it means. */
function methodologyNote() {
  const note = element("p", { className: "legend-meta legend-index", text: `${t("legend.index")} ` });
  note.append(methodologyLink());
  return note;
}
