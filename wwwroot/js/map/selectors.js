// The map's view selectors: period, what to colour by (the composite; for callers who see detail also each domain and
// indicator) and the classification. Their labels are static text in index.html. Plain ES module: no globals.

import { element } from "../shared/dom.js";
import { formatQuarter, localizedName, t } from "../shared/i18n.js";

const COMPOSITE = "composite";
const CLASSIFICATIONS = Object.freeze(["fixed", "quantile"]);

const els = {
  period: document.getElementById("period-select"),
  measure: document.getElementById("measure-select"),
  classes: document.getElementById("classes-select"),
};

/** Names of the measures other than the composite, by value ("domain:X", "indicator:Y"), as name_kk/ru/en. */
let measureNames = new Map();
let periods = [];

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
  els.measure.replaceChildren(option(COMPOSITE, t("measure.composite")), ...groups.filter((g) => g.children.length > 0));
  if (measure) els.measure.value = measure;
}

/**
 * Fills the selectors: the quarters of the published run, oldest first, and the indicator catalogue (null for a caller
 * who sees the composite only). Calls onChange() when the user changes any of them.
 */
export function initSelectors({ periods: quarters, indicators, onChange }) {
  periods = quarters;
  measureNames = indicators ? catalogueMeasures(indicators) : new Map();
  renderOptions();
  for (const select of Object.values(els)) {
    select.disabled = false;
    select.addEventListener("change", onChange);
  }
}

/** Relabels the options in the UI language. */
export const retranslateSelectors = renderOptions;

/** The selected period, measure and classification. */
export function selectedView() {
  return { period: els.period.value, measure: els.measure.value, classes: els.classes.value };
}

/**
 * The view the selectors will show for a view of the address, as far as it is known before the run and the indicator
 * catalogue are: the period as asked (none: the latest), the measure as asked (none: the composite) and valid classes.
 */
export function likelyView(view) {
  return { period: view.period, measure: view.measure ?? COMPOSITE, classes: CLASSIFICATIONS.includes(view.classes) ? view.classes : CLASSIFICATIONS[0] };
}

/** Selects what the view asks for where the selectors offer it: the latest period, the composite and fixed classes otherwise. */
export function selectView(view) {
  els.period.value = periods.includes(view.period) ? view.period : periods.at(-1);
  els.measure.value = view.measure === COMPOSITE || measureNames.has(view.measure) ? view.measure : COMPOSITE;
  els.classes.value = CLASSIFICATIONS.includes(view.classes) ? view.classes : CLASSIFICATIONS[0];
}
