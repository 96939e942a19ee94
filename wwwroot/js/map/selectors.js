// The map's view selectors: period, what to colour by (the composite; for callers who see detail also the emerging hot
// spots, each domain and indicator) and the classification. Their labels are static text in index.html. Plain ES module: no globals.

import { element } from "../shared/dom.js";
import { formatQuarter, localizedName, t } from "../shared/i18n.js";

const COMPOSITE = "composite";
/** "Colour by" the emerging hot spots of the run: not a score measure; the scores behind the map stay the composite's. */
export const HOT_SPOTS = "hotspots";
const CLASSIFICATIONS = Object.freeze(["fixed", "quantile"]);

const els = {
  period: document.getElementById("period-select"),
  measure: document.getElementById("measure-select"),
  classes: document.getElementById("classes-select"),
};

/** Names of the measures other than the composite, by value ("domain:X", "indicator:Y"), as name_kk/ru/en. */
let measureNames = new Map();
let periods = [];
/** Whether the caller may colour the map by emerging hot spots. */
let hotSpots = false;

function names(kk, ru, en) {
  return { name_kk: kk, name_ru: ru, name_en: en };
}

/** The measures of the indicator catalogue (rows of /api/indicators), domains first, in catalogue order. */
function catalogueMeasures(indicators) {
  const domains = new Map();
  const measures = new Map();
  for (const row of indicators) {
    domains.set(`domain:${row.domain}`, names(row.domainNameKk, row.domainNameRu, row.domainNameEn));
    measures.set(`indicator:${row.code}`, names(row.nameKk, row.nameRu, row.nameEn));
  }
  return new Map([...domains, ...measures]);
}

/** The name of a domain or indicator ("domain:X", "indicator:Y") in the UI language, or null if the catalogue lacks it. */
export function measureName(measure) {
  const name = measureNames.get(measure);
  return name ? localizedName(name) : null;
}

/** The measure's name in the UI language, e.g. "Composite risk score" or "Domain: Violence". */
export function measureTitle(measure) {
  const [kind] = measure.split(":");
  const name = measureName(measure);
  return name ? t(`measure.${kind}`, { name }) : t("measure.composite");
}

function option(value, text) {
  return element("option", { text, attrs: { value } });
}

function renderOptions() {
  const period = els.period.value;
  els.period.replaceChildren(...periods.map((p) => option(p, formatQuarter(p))));
  if (period) els.period.value = period;

  const measure = els.measure.value;
  const groups = ["domain", "indicator"].map((kind) => {
    const group = element("optgroup", { attrs: { label: t(`measure.${kind}s`) } });
    for (const [value, name] of measureNames) {
      if (value.startsWith(`${kind}:`)) group.append(option(value, localizedName(name)));
    }
    return group;
  });
  const layers = hotSpots ? [option(HOT_SPOTS, t("emerging.measure"))] : [];
  els.measure.replaceChildren(option(COMPOSITE, t("measure.composite")), ...layers, ...groups.filter((g) => g.children.length > 0));
  if (measure) els.measure.value = measure;
}

/**
 * Fills the selectors: the quarters of the published run, oldest first, the indicator catalogue (null for a caller
 * who sees the composite only) and whether the caller may see emerging hot spots. Calls onChange() when the user changes any of them.
 */
export function initSelectors({ periods: quarters, indicators, hotSpots: allowed = false, onChange }) {
  periods = quarters;
  hotSpots = allowed;
  measureNames = indicators ? catalogueMeasures(indicators) : new Map();
  renderOptions();
  for (const select of Object.values(els)) {
    select.disabled = false;
    select.addEventListener("change", onChange);
  }
}

/** Relabels the options in the UI language. */
export const retranslateSelectors = renderOptions;

/** The selected period, score measure and classification: under the hot spot layer the scores are the composite's. */
export function selectedView() {
  return { ...addressView(), measure: hotSpotsSelected() ? COMPOSITE : els.measure.value };
}

/** Whether the map is coloured by emerging hot spots. */
export function hotSpotsSelected() {
  return els.measure.value === HOT_SPOTS;
}

/** The view as the address keeps it: the selected period, what the map is coloured by, and the classification. */
export function addressView() {
  return { period: els.period.value, measure: els.measure.value, classes: els.classes.value };
}

/** What the selectors show for a view: what it asks for where they offer it, the latest period, the composite and fixed classes otherwise. */
function chosenView(view, quarters, measures, allowsHotSpots = false) {
  return {
    period: quarters.includes(view.period) ? view.period : quarters.at(-1),
    measure: view.measure === COMPOSITE || measures.has(view.measure) || (allowsHotSpots && view.measure === HOT_SPOTS) ? view.measure : COMPOSITE,
    classes: CLASSIFICATIONS.includes(view.classes) ? view.classes : CLASSIFICATIONS[0],
  };
}

/**
 * The view the selectors will show for a view of the address in a run of these quarters, as far as it can be told
 * before the caller and the indicator catalogue are known: for the composite (which every caller may colour by), else null.
 */
export function likelyView(view, quarters) {
  // Under the hot spot layer too the scores behind the map are the composite's.
  return !view.measure || view.measure === COMPOSITE || view.measure === HOT_SPOTS ? chosenView(view, quarters, new Map()) : null;
}

/** Selects what the view asks for where the selectors offer it: the latest period, the composite and fixed classes otherwise. */
export function selectView(view) {
  const chosen = chosenView(view, periods, measureNames, hotSpots);
  els.period.value = chosen.period;
  els.measure.value = chosen.measure;
  els.classes.value = chosen.classes;
}
