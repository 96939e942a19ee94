// The change map's legend: a diverging scale of clear rises and falls in points of the time-comparable score (or in
// shares of an indicator's earlier rate), "no clear change" and "no data". Plain ES module: no globals.

import { element } from "../shared/dom.js";
import { formatNumber, formatQuarter, formatScore, t } from "../shared/i18n.js";
import { CHANGE_STEPS, changeColor, RATE_STEPS } from "../map/change-style.js";
import { methodologyLink, swatch } from "../map/legend.js";
import "./periods-messages.js";

/** The texts and steps of the score's change map and of the rate's. */
const SCALES = Object.freeze({
  score: { steps: CHANGE_STEPS, format: formatScore, keys: "periods.legend" },
  rate: { steps: RATE_STEPS, format: (share) => formatNumber(share, { style: "percent" }), keys: "periods.rateLegend" },
});

/** "under 0.5 points", "0.5–1.5 points", "1.5 points or more" (or shares of the earlier rate) for steps 1–3. */
function stepRange(step, { steps, format, keys }) {
  const [from, to] = [steps[step - 2], steps[step - 1]];
  if (from === undefined) return t(`${keys}.below`, { to: format(to) });
  if (to === undefined) return t(`${keys}.above`, { from: format(from) });
  return t(`${keys}.between`, { from: format(from), to: format(to) });
}

function item(key, text) {
  const li = element("li", { className: "legend-item", attrs: { "data-change": key } });
  li.append(swatch(changeColor(key), key === "steady" ? "legend-swatch-steady" : ""), element("span", { text }));
  return li;
}

/** Renders the legend of the change (of the score, or with `rate` of an indicator's rate) from quarter `from` to `to` into root. */
export function renderChangeLegend(root, { from, to, rate = false }) {
  const scale = rate ? SCALES.rate : SCALES.score;
  const steps = scale.steps.map((_, i) => i + 1).concat(scale.steps.length + 1);
  const items = element("ul", { className: "legend-items" });
  items.append(
    ...steps.toReversed().map((step) => item(`rise-${step}`, t("periods.legend.rise", { range: stepRange(step, scale) }))),
    item("steady", t("periods.legend.steady")),
    ...steps.map((step) => item(`fall-${step}`, t("periods.legend.fall", { range: stepRange(step, scale) }))),
    item("none", t(`${scale.keys}.none`)),
  );
  const note = element("p", { className: "legend-meta legend-index", text: `${t(`${scale.keys}.unit`)} ` });
  note.append(methodologyLink());
  root.replaceChildren(
    element("h2", { className: "legend-title", text: t(`${scale.keys}.title`, { from: formatQuarter(from), to: formatQuarter(to) }), attrs: { id: "change-legend-title" } }),
    note,
    items,
  );
}
