// The model card "How reliable are forecasts": what is forecast, for whom, from which data, the backtest stored with the
// published run against the baselines (GET /api/forecasts/skill, open to everyone: it holds no unit's data), the known
// limits, and that forecasts are about areas, never children. Plain ES module: no globals.

import { requestJson } from "../shared/api.js";
import { element } from "../shared/dom.js";
import { formatNumber, getLanguage, t } from "../shared/i18n.js";
import { initPage, loadDemoBanner, loadTable } from "../shared/page.js";
import "./forecasts-messages.js";

const els = {
  body: document.getElementById("skill-body"),
  none: document.getElementById("skill-none"),
  error: document.getElementById("skill-error"),
};

/** The last answer, re-rendered on a change of language (its method names are asked for in the new one). */
let rows = null;

const percent = (value) => (typeof value === "number" ? formatNumber(value, { style: "percent", maximumFractionDigits: 1 }) : "—");
const signedPercent = (value) => (typeof value === "number"
  ? formatNumber(value, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }) : "—");
const decimal = (value) => (typeof value === "number" ? formatNumber(value, { maximumFractionDigits: 3 }) : "—");

function row(entry) {
  const method = element("td", { text: entry.methodName });
  if (entry.published) method.append(" ", element("strong", { className: "skill-published", text: `(${t("card.skill.published")})` }));
  if (entry.publishedProbability) {
    method.append(" ", element("strong", { className: "skill-published-probability", text: `(${t("card.skill.publishedProbability")})` }));
  }
  const tr = element("tr", { className: entry.published ? "is-published" : "", attrs: { "data-level": entry.level, "data-method": entry.method } });
  tr.append(
    element("td", { text: t(`card.level.${entry.level}`) }),
    element("td", { className: "num", text: formatNumber(entry.horizon) }),
    method,
    element("td", { className: "num", text: decimal(entry.crps) }),
    element("td", { className: "num", text: percent(entry.coverage) }),
    element("td", { className: "num", text: decimal(entry.averagePrecision) }),
    element("td", { className: "num", text: signedPercent(entry.crpsSkill) }),
  );
  return tr;
}

function render() {
  if (!rows) return;
  els.body.replaceChildren(...rows.map(row));
  els.none.hidden = rows.length > 0;
}

function load() {
  return loadTable(els.error, async () => {
    const answer = await requestJson(`/api/forecasts/skill?${new URLSearchParams({ lang: getLanguage() })}`, { cache: "no-store" });
    rows = answer.rows;
    render();
  });
}

initPage({ titleKey: "card.title", onTranslate: () => { if (rows) load(); } });
loadDemoBanner();
load();
