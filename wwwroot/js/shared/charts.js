// Small charts of a unit's profile in plain DOM and SVG: horizontal bars and a line of values over time.
// Plain ES module: no globals.

import { element } from "./dom.js";
import { formatNumber } from "./i18n.js";

const SVG = "http://www.w3.org/2000/svg";
const TREND = Object.freeze({ width: 300, height: 110, left: 28, right: 12, top: 10, bottom: 22 });
/** How far (in chart units) a marked label must be from an end label to be shown beside it. */
const MARK_LABEL_GAP = 90;

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/**
 * A list of horizontal bars, one per item { label, value, text }, in the given order; a bar's length is its value's
 * share of the largest absolute value.
 */
export function barChart(items, { label }) {
  const max = Math.max(...items.map((item) => Math.abs(item.value)), Number.MIN_VALUE);
  const list = element("ol", { className: "bar-chart", attrs: { "aria-label": label } });
  for (const item of items) {
    const bar = element("span", { className: `bar${item.value < 0 ? " bar-negative" : ""}`, attrs: { "aria-hidden": "true" } });
    bar.style.width = `${(Math.abs(item.value) / max) * 100}%`;
    const track = element("span", { className: "bar-track" });
    track.append(bar);
    const row = element("li", { className: "bar-row" });
    row.append(element("span", { className: "bar-label", text: item.label }), track, element("span", { className: "bar-value", text: item.text }));
    list.append(row);
  }
  return list;
}

/**
 * An SVG line chart of points { label, value, text } on a scale from 0 to max: one dot per point (its title tells the
 * label and value), the first and last labels under the axis. The point at index marked (if any) is ringed, with a
 * vertical line and its label under the axis.
 */
export function lineChart(points, { label, max, marked = -1 }) {
  return seriesChart([{ points }], { label, min: 0, max, marked });
}

/**
 * An SVG chart of lines over the same labels, each series { points, className } drawn as lineChart draws one, on a
 * scale from min to max (a negative min adds the zero line); the labels are those of the first series.
 */
export function seriesChart(series, { label, min, max, marked = -1 }) {
  const { width, height, left, right, top, bottom } = TREND;
  const points = series[0].points;
  const chart = svg("svg", { class: "line-chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label });
  const x = (i) => left + (points.length < 2 ? 0 : (i * (width - left - right)) / (points.length - 1));
  const y = (value) => top + (1 - (value - min) / (max - min)) * (height - top - bottom);
  chart.append(
    svg("line", { class: "line-chart-axis", x1: left, y1: y(Math.max(min, 0)), x2: width - right, y2: y(Math.max(min, 0)) }),
    svg("line", { class: "line-chart-axis", x1: left, y1: y(min), x2: left, y2: y(max) }),
  );
  for (const value of new Set([min, 0, max])) {
    const tick = svg("text", { class: "line-chart-tick", x: left - 4, y: y(value) + 4, "text-anchor": "end" });
    tick.textContent = formatNumber(value);
    chart.append(tick);
  }
  for (const { points: line, className = "" } of series) {
    const drawn = line.map((p, i) => ({ ...p, i })).filter((p) => typeof p.value === "number");
    chart.append(svg("polyline", { class: `line-chart-line ${className}`.trim(), points: drawn.map((p) => `${x(p.i)},${y(p.value)}`).join(" ") }));
    for (const point of drawn) {
      const dot = svg("circle", { class: `line-chart-point ${className}`.trim(), cx: x(point.i), cy: y(point.value), r: 3 });
      const title = svg("title", {});
      title.textContent = `${point.label}: ${point.text}`;
      dot.append(title);
      chart.append(dot);
    }
  }
  const ends = points.length < 2 ? [0] : [0, points.length - 1];
  const hasMark = marked >= 0 && marked < points.length;
  for (const i of ends) {
    // The marked point's label takes the place of an end label it would overlap.
    if (hasMark && i !== marked && Math.abs(x(i) - x(marked)) < MARK_LABEL_GAP) continue;
    const text = svg("text", { class: "line-chart-tick", x: x(i), y: height - 6, "text-anchor": i === 0 ? "start" : "end" });
    text.textContent = points[i].label;
    chart.append(text);
  }
  if (hasMark) {
    const point = points[marked];
    chart.dataset.marked = point.label;
    chart.append(svg("line", { class: "line-chart-mark", x1: x(marked), y1: y(max), x2: x(marked), y2: y(min) }));
    if (typeof point.value === "number") chart.append(svg("circle", { class: "line-chart-mark-point", cx: x(marked), cy: y(point.value), r: 5.5 }));
    if (!ends.includes(marked)) {
      const text = svg("text", { class: "line-chart-tick line-chart-mark-label", x: x(marked), y: height - 6, "text-anchor": "middle" });
      text.textContent = point.label;
      chart.append(text);
    }
  }
  return chart;
}
