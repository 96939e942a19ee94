// The form that records a measure's quarterly progress: quarter, what was done, percent complete and, optionally, the
// measure's new status. Plain ES module: no globals.

import { field, openFormDialog } from "../shared/form-dialog.js";
import { t } from "../shared/i18n.js";
import { STATUSES, statusLabel } from "./plan-table.js";
import { currentQuarter, quarterOptions } from "./programme-fields.js";
import { nameOf } from "./programme-list.js";
import { recordProgress } from "./programmes-api.js";

/** Resolves with the measure and its new report, or null when the user cancels. */
export function openProgressForm(programme, measure, { onError } = {}) {
  const now = currentQuarter();
  const quarters = quarterOptions().filter((q) => q.value >= programme.startQuarter && q.value <= now);
  const latest = quarters.at(-1)?.value;
  return openFormDialog({
    title: t("programmes.progress.title", { measure: nameOf(measure.measure.name) }),
    fields: [
      field({ label: t("programmes.field.quarter"), name: "quarter", tag: "select", options: quarters, value: latest }),
      field({ label: t("programmes.field.note"), name: "note", tag: "textarea", attrs: { maxlength: "2000", rows: "3", required: "" } }),
      field({ label: t("programmes.field.percent"), name: "percent", attrs: { type: "number", min: "0", max: "100", step: "1", inputmode: "numeric" } }),
      field({ label: t("programmes.field.newStatus"), name: "status", tag: "select",
        options: [{ value: "", text: t("programmes.progress.keepStatus") }, ...STATUSES.map((status) => ({ value: status, text: statusLabel(status) }))] }),
    ],
    submitLabel: t("programmes.progress.submit"),
    onError,
    onSubmit: (form) => {
      const { quarter, note, percent, status } = form.elements;
      return recordProgress(programme.id, measure.id, {
        quarter: quarter.value,
        note: note.value.trim(),
        percent: percent.value === "" ? null : Number(percent.value),
        status: status.value || null,
      });
    },
  });
}
