// The change map's legend: a diverging scale of clear rises and falls in points of the time-comparable score, "no
// clear change" and "no data". Plain ES module: no globals.

import { element } from "../shared/dom.js";
import { formatQuarter, formatScore, t } from "../shared/i18n.js";
import { CHANGE_STEPS, changeColor } from "../map/change-style.js";
import { methodologyLink, swatch } from "../map/legend.js";
import "./periods-messages.js";

/** "under 0.5 points", "0.5–1.5 points", "1.5 points or more" for steps 1–3. */
function stepRange(step) {
  const [from, to] = [CHANGE_STEPS[step - 2], CHANGE_STEPS[step - 1]];
  if (from === undefined) return t("periods.legend.below", { to: formatScore(to) });
  if (to === undefined) return t("periods.legend.above", { from: formatScore(from) });
  return t("periods.legend.between", { from: formatScore(from), to: formatScore(to) });
}

function item(key, text) {
  const li = element("li", { className: "legend-item", attrs: { "data-change": key } });
  li.append(swatch(changeColor(key), key === "steady" ? "legend-swatch-steady" : ""), element("span", { text }));
  return li;
}

/** Renders the legend of the change from quarter `from` to `to` into root. */
export function renderChangeLegend(root, { from, to }) {
  const steps = CHANGE_STEPS.map((_, i) => i + 1).concat(CHANGE_STEPS.length + 1);
  const items = element("ul", { className: "legend-items" });
  items.append(
    ...steps.toReversed().map((step) => item(`rise-${step}`, t("periods.legend.rise", { range: stepRange(step) }))),
    item("steady", t("periods.legend.steady")),
    ...steps.map((step) => item(`fall-${step}`, t("periods.legend.fall", { range: stepRange(step) }))),
    item("none", t("periods.legend.none")),
  );
  const note = element("p", { className: "legend-meta legend-index", text: `${t("periods.legend.unit")} ` });
  note.append(methodologyLink());
  root.replaceChildren(
    element("h2", { className: "legend-title", text: t("periods.legend.title", { from: formatQuarter(from), to: formatQuarter(to) }), attrs: { id: "change-legend-title" } }),
    note,
    items,
  );
}
