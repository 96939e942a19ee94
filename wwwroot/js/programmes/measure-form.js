// The forms that assign a catalogue measure to a target and change an assigned one: responsible executors, form of
// completion (empty: the catalogue's default), deadline, funding amount and source, status. Plain ES module: no globals.

import { field, openFormDialog } from "../shared/form-dialog.js";
import { t } from "../shared/i18n.js";
import { STATUSES, statusLabel } from "./plan-table.js";
import { nameOf } from "./programme-list.js";
import { addMeasure, updateMeasure } from "./programmes-api.js";

/** The fields both forms share, filled from a measure when one is changed. */
function measureFields(measure) {
  return [
    field({ label: t("programmes.field.responsible"), name: "responsible", tag: "textarea", attrs: { maxlength: "500", rows: "2", required: "" }, value: measure?.responsible }),
    field({ label: t("programmes.field.formOfCompletion"), name: "formOfCompletion", attrs: { type: "text", maxlength: "300", autocomplete: "off" },
      hint: t("programmes.field.formOfCompletionHint"), value: measure?.formOfCompletion }),
    field({ label: t("programmes.field.deadline"), name: "deadline", attrs: { type: "date", required: "" }, value: measure?.deadline }),
    field({ label: t("programmes.field.fundingAmount"), name: "fundingAmount", attrs: { type: "number", min: "0", step: "0.01", inputmode: "decimal", required: "" },
      hint: t("programmes.field.fundingAmountHint"), value: measure?.fundingAmount }),
    field({ label: t("programmes.field.fundingSource"), name: "fundingSource", attrs: { type: "text", maxlength: "200", required: "", autocomplete: "off" }, value: measure?.fundingSource }),
    field({ label: t("programmes.field.status"), name: "status", tag: "select",
      options: STATUSES.map((status) => ({ value: status, text: statusLabel(status) })), value: measure?.recordedStatus ?? "planned" }),
  ];
}

/** The shared fields of a submitted form as the API takes them; an empty amount or date is left for the server to refuse. */
function measureBody(form) {
  const { responsible, formOfCompletion, deadline, fundingAmount, fundingSource, status } = form.elements;
  return {
    responsible: responsible.value.trim(),
    formOfCompletion: formOfCompletion.value.trim(),
    deadline: deadline.value || null,
    fundingAmount: fundingAmount.value === "" ? null : Number(fundingAmount.value),
    fundingSource: fundingSource.value.trim(),
    status: status.value,
  };
}

/** Opens the form that assigns a measure of the catalogue to a target; resolves with the new measure or null. */
export function openAddMeasure(programme, target, catalogue, { onError } = {}) {
  const options = catalogue.map((measure) => ({ value: measure.code, text: nameOf(measure.name) }));
  return openFormDialog({
    title: t("programmes.measure.addTitle", { target: nameOf(target.name) }),
    fields: [field({ label: t("programmes.field.measure"), name: "measureCode", tag: "select", options }), ...measureFields(null)],
    submitLabel: t("programmes.measure.addSubmit"),
    onError,
    onSubmit: (form) => {
      const body = measureBody(form);
      // An empty form of completion keeps the catalogue's default.
      return addMeasure(programme.id, target.id, { measureCode: form.elements.measureCode.value, ...body, formOfCompletion: body.formOfCompletion || null });
    },
  });
}

/** Opens the form that changes an assigned measure (sent with its version); resolves with the measure or null. */
export function openEditMeasure(programme, measure, { onError } = {}) {
  return openFormDialog({
    title: t("programmes.measure.editTitle", { measure: nameOf(measure.measure.name) }),
    fields: measureFields(measure),
    submitLabel: t("programmes.save"),
    onError,
    onSubmit: (form) => updateMeasure(programme.id, measure, measureBody(form)),
  });
}
