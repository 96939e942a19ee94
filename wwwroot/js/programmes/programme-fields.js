// The fields of a programme (title, quarters, description) as the new-programme and edit forms share them, and
// the quarters a programme may span. Plain ES module: no globals.

import { field } from "../shared/form-dialog.js";
import { formatQuarter, t } from "../shared/i18n.js";

/** The Complex Plan starts in 2023; programmes are planned up to two years ahead. */
const FIRST_YEAR = 2023;
const YEARS_AHEAD = 2;

/** Quarters from 2023Q1 to the last quarter two years from now, as { value, text } options. */
export function quarterOptions() {
  const last = new Date().getFullYear() + YEARS_AHEAD;
  const options = [];
  for (let year = FIRST_YEAR; year <= last; year++) {
    for (let q = 1; q <= 4; q++) options.push({ value: `${year}Q${q}`, text: formatQuarter(`${year}Q${q}`) });
  }
  return options;
}

/** The current quarter, e.g. "2026Q4". */
export function currentQuarter() {
  const now = new Date();
  return `${now.getFullYear()}Q${Math.floor(now.getMonth() / 3) + 1}`;
}

/** The form fields of a programme, filled from an existing one (or this year's quarters for a new one). */
export function programmeFields(programme = null) {
  const year = new Date().getFullYear();
  const quarters = quarterOptions();
  return [
    field({ label: t("programmes.field.title"), name: "title", attrs: { type: "text", maxlength: "200", required: "", autocomplete: "off" }, value: programme?.title }),
    field({ label: t("programmes.field.startQuarter"), name: "startQuarter", tag: "select", options: quarters, value: programme?.startQuarter ?? `${year}Q1` }),
    field({ label: t("programmes.field.endQuarter"), name: "endQuarter", tag: "select", options: quarters, value: programme?.endQuarter ?? `${year}Q4` }),
    field({ label: t("programmes.field.description"), name: "description", tag: "textarea", attrs: { maxlength: "2000", rows: "3" }, value: programme?.description }),
  ];
}

/** The programme fields of a submitted form, as the API takes them. */
export function programmeBody(form) {
  const { title, startQuarter, endQuarter, description } = form.elements;
  return { title: title.value.trim(), startQuarter: startQuarter.value, endQuarter: endQuarter.value, description: description.value.trim() };
}
