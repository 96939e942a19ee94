// The page "Rating of akimats": the league table of the regions (an analyst) or of the planner's region's districts,
// with each component on 0–100, the rank band, the caveat that a rating is a conversation starter, not proof, and a link
// to the method (docs/rating.md, served at /rating.md). Plain ES module: no globals.

import { element } from "../shared/dom.js";
import { formatNumber, formatQuarter, getLanguage, localizedName, t, tPlural } from "../shared/i18n.js";
import { initPage, loadDemoBanner, loadTable } from "../shared/page.js";
import { fetchRating, ratingQuery } from "./rating-api.js";
import "./rating-messages.js";

const COMPONENTS = Object.freeze(["risk-level", "risk-change", "execution", "effect", "data-delivery"]);

const els = {
  body: document.getElementById("rating-body"),
  caption: document.getElementById("rating-caption"),
  unitHeading: document.getElementById("rating-unit-heading"),
  meta: document.getElementById("rating-meta"),
  error: document.getElementById("rating-error"),
  xlsx: document.getElementById("rating-export-xlsx"),
  csv: document.getElementById("rating-export-csv"),
};

let table = null;
let region = null;

const figure = (value) => (typeof value === "number" ? formatNumber(value, { maximumFractionDigits: 1 }) : "—");

function row(unit) {
  const name = localizedName({ name_kk: unit.nameKk, name_ru: unit.nameRu, name_en: unit.nameEn });
  const tr = element("tr", { attrs: { "data-code": unit.code } });
  const band = unit.rank ? `${formatNumber(unit.rankBest)}–${formatNumber(unit.rankWorst)}` : "—";
  tr.append(
    element("td", { className: "num", text: unit.rank ? formatNumber(unit.rank) : "—" }),
    element("td", { className: "num rating-band", text: band }),
    element("th", { text: name, attrs: { scope: "row" } }),
    element("td", { className: "num", text: figure(unit.rating) }),
  );
  for (const component of COMPONENTS) {
    const missing = unit.missing?.includes(component);
    tr.append(element("td", {
      className: "num",
      text: missing ? t("rating.missing") : figure(unit.components?.[component]),
      attrs: missing ? { title: t("rating.missingTitle") } : {},
    }));
  }
  return tr;
}

function render() {
  if (!table) return;
  const districts = table.level === "district";
  els.unitHeading.textContent = t(districts ? "rating.district" : "rating.region");
  els.caption.textContent = t(districts ? "rating.captionDistricts" : "rating.captionRegions", { quarter: formatQuarter(table.period) });
  els.meta.textContent = tPlural("rating.rated", table.rankAmong);
  els.body.replaceChildren(...table.units.map(row));
  const query = (format) => ratingQuery(region, { format, lang: getLanguage(), period: table.period });
  els.xlsx.href = `/api/exports/rating?${query("xlsx")}`;
  els.csv.href = `/api/exports/rating?${query("csv")}`;
}

async function load(me) {
  region = me?.role === "planner" ? me.scopeRegion : new URLSearchParams(location.search).get("region");
  await loadTable(els.error, async () => {
    table = await fetchRating(region);
    render();
  });
}

initPage({ titleKey: "rating.title", onTranslate: render }).then(load);
loadDemoBanner();
