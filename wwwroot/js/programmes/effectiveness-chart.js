// The effectiveness section of a programme: for each target its score change since the baseline quarter beside the
// mean change of comparable untargeted units, as a chart and a table, and its key indicators before and at the
// latest quarter. It says plainly that this is a comparison, not proof of cause. Plain ES module: no globals.

import { seriesChart } from "../shared/charts.js";
import { element } from "../shared/dom.js";
import { formatChange, formatDate, formatQuarter, formatScore, getLanguage, localizedName, t, tPlural } from "../shared/i18n.js";
import { nameOf } from "./programme-list.js";

/** The chart's scale reaches at least ±0.5 and is rounded up to a half point. */
const MIN_SCALE = 0.5;

function scoreText(value) {
  return typeof value === "number" ? formatScore(value) : "—";
}

function chart(target) {
  const points = (pick) => target.series.map((s) => ({ label: formatQuarter(s.period), value: s[pick], text: formatChange(s[pick], 2) }));
  const values = target.series.flatMap((s) => [s.targetChange, s.comparisonChange]).filter((v) => typeof v === "number");
  const bound = Math.max(MIN_SCALE, Math.ceil(Math.max(0, ...values.map(Math.abs)) * 2) / 2);
  const figure = element("figure", { className: "effectiveness-figure" });
  figure.append(
    seriesChart(
      [{ points: points("comparisonChange"), className: "series-comparison" }, { points: points("targetChange"), className: "series-target" }],
      { label: t("programmes.effect.chartLabel", { target: nameOf(target.name) }), min: -bound, max: bound },
    ),
  );
  const legend = element("figcaption", { className: "series-legend" });
  for (const key of ["target", "comparison"]) {
    const item = element("span", { className: "series-key" });
    item.append(element("span", { className: `series-swatch series-${key}`, attrs: { "aria-hidden": "true" } }), t(`programmes.effect.series.${key}`));
    legend.append(item);
  }
  figure.append(legend);
  return figure;
}

function table(caption, headings, rows) {
  const el = element("table", { className: "runs-table effectiveness-table" });
  el.append(element("caption", { className: "visually-hidden", text: caption }));
  const headRow = element("tr");
  headRow.append(...headings.map((text) => element("th", { text, attrs: { scope: "col" } })));
  const head = element("thead");
  head.append(headRow);
  const body = element("tbody");
  for (const [first, ...cells] of rows) {
    const tr = element("tr");
    tr.append(element("th", { text: first, attrs: { scope: "row" } }), ...cells.map((text) => element("td", { className: "num", text })));
    body.append(tr);
  }
  el.append(head, body);
  return el;
}

function seriesTable(target) {
  return table(
    t("programmes.effect.tableCaption", { target: nameOf(target.name) }),
    ["quarter", "targetScore", "targetChange", "comparisonScore", "comparisonChange", "difference"].map((key) => t(`programmes.effect.col.${key}`)),
    target.series.map((s) => [
      formatQuarter(s.period), scoreText(s.target?.score), formatChange(s.targetChange, 2),
      scoreText(s.comparison?.score), formatChange(s.comparisonChange, 2), formatChange(s.difference, 2),
    ]),
  );
}

function indicatorTable(target, indicatorName) {
  const first = target.series[0];
  const last = target.series.at(-1);
  const value = (entry, group, code) => scoreText(entry?.[group]?.indicators?.[code]);
  return table(
    t("programmes.effect.indicatorsCaption", { target: nameOf(target.name) }),
    [t("programmes.effect.col.indicator"),
      t("programmes.effect.col.targetAt", { period: formatQuarter(first.period) }), t("programmes.effect.col.targetAt", { period: formatQuarter(last.period) }),
      t("programmes.effect.col.comparisonAt", { period: formatQuarter(first.period) }), t("programmes.effect.col.comparisonAt", { period: formatQuarter(last.period) })],
    target.keyIndicators.map((code) => [indicatorName(code), value(first, "target", code), value(last, "target", code), value(first, "comparison", code), value(last, "comparison", code)]),
  );
}

function comparisonText(target) {
  const comparison = target.comparison;
  if (comparison.reasonText) return nameOf(comparison.reasonText);
  return tPlural(`programmes.effect.comparison.${target.level}`, comparison.units, {
    low: t(`class.${comparison.minClass}`), high: t(`class.${comparison.maxClass}`),
  });
}

function targetSection(target, indicatorName) {
  const section = element("section", { className: "effectiveness-target", attrs: { "data-target": String(target.targetId) } });
  section.append(element("h3", { className: "effectiveness-title", text: nameOf(target.name) }), element("p", { className: "field-hint", text: comparisonText(target) }));
  if (target.series.length === 0 || target.comparison.reason === "no-baseline" || target.comparison.reason === "no-scores") return section;
  section.append(chart(target), seriesTable(target));
  if (target.keyIndicators.length) {
    section.append(element("h4", { className: "effectiveness-subtitle", text: t("programmes.effect.keyIndicators") }), indicatorTable(target, indicatorName));
  }
  return section;
}

/**
 * The effectiveness section from GET /api/programmes/{id}/effectiveness; indicators are the indicator catalogue's
 * rows (for their names), or null when it could not be read.
 */
export function effectivenessSection(report, indicators) {
  const names = new Map((indicators ?? []).map((row) => [row.code, { name_kk: row.nameKk, name_ru: row.nameRu, name_en: row.nameEn }]));
  const indicatorName = (code) => (names.has(code) ? localizedName(names.get(code)) : code);
  const section = element("section", { className: "effectiveness", attrs: { id: "effectiveness", "aria-labelledby": "effectiveness-heading" } });
  section.append(
    element("h2", { className: "section-title", text: t("programmes.effect.heading"), attrs: { id: "effectiveness-heading" } }),
    element("p", { className: "effectiveness-note", text: report.note?.[getLanguage()] ?? report.note?.en ?? "", attrs: { role: "note", id: "effectiveness-note" } }),
  );
  if (!report.baselineQuarter) {
    section.append(element("p", { className: "empty-note", text: t("programmes.effect.noScores") }));
    return section;
  }
  section.append(element("p", { className: "field-hint", text: t("programmes.effect.baseline", { period: formatQuarter(report.baselineQuarter) }) }));
  if (report.awaiting) {
    // Nothing to compare yet: a chart and tables of the baseline alone would read as "no change".
    section.append(element("p", {
      className: "empty-note",
      text: t("programmes.effect.awaiting", { period: formatQuarter(report.awaiting.quarter), date: formatDate(report.awaiting.dataFrom) }),
      attrs: { id: "effectiveness-awaiting" },
    }));
    return section;
  }
  if (report.targets.length === 0) section.append(element("p", { className: "empty-note", text: t("programmes.effect.noTargets") }));
  for (const target of report.targets) section.append(targetSection(target, indicatorName));
  return section;
}
