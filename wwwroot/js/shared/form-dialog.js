// A modal dialog holding one form of the programme pages: labelled fields, each with its own error message, and an
// alert for what concerns the whole form. A refused request marks the fields the server named and moves the focus
// to the first of them; success closes the dialog. Plain ES module: no globals.

import { reportBug } from "./api.js";
import { element } from "./dom.js";
import { t } from "./i18n.js";
import { problemText } from "../programmes/programme-problems.js";

let fieldCount = 0;

/**
 * A labelled form field: tag is "input", "select" or "textarea"; name is the API's field name; options a list of
 * { value, text } for a select; hint a short help text.
 */
export function field({ label, name, tag = "input", attrs = {}, options = [], hint, value }) {
  const id = `field-${++fieldCount}`;
  const wrap = element("div", { className: "form-field" });
  const control = element(tag, { attrs: { id, name, ...attrs } });
  for (const option of options) control.append(element("option", { text: option.text, attrs: { value: option.value } }));
  if (value !== undefined && value !== null) control.value = String(value);
  const error = element("p", { className: "field-error", attrs: { id: `${id}-error` } });
  error.hidden = true;
  const described = [`${id}-error`];
  wrap.append(element("label", { text: label, attrs: { for: id } }), control);
  if (hint) {
    wrap.append(element("p", { className: "field-hint", text: hint, attrs: { id: `${id}-hint` } }));
    described.unshift(`${id}-hint`);
  }
  wrap.append(error);
  control.setAttribute("aria-describedby", described.join(" "));
  return wrap;
}

/** Clears the marks of an earlier refusal. */
function clearErrors(form, alert) {
  for (const error of form.querySelectorAll(".field-error")) {
    error.hidden = true;
    error.textContent = "";
  }
  for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
  alert.hidden = true;
  alert.textContent = "";
}

/** Marks the fields a validation problem names; returns the first marked control, or null when none matched. */
function markFields(form, problem) {
  let first = null;
  const unmatched = [];
  for (const [name, messages] of Object.entries(problem?.errors ?? {})) {
    const control = form.elements.namedItem(name);
    if (!(control instanceof Element)) {
      unmatched.push(...messages);
      continue;
    }
    control.setAttribute("aria-invalid", "true");
    const error = form.querySelector(`#${control.id}-error`);
    error.textContent = messages.join(" ");
    error.hidden = false;
    first ??= control;
  }
  return { first, unmatched };
}

/**
 * Opens a modal form: title, the field elements, submitLabel; onSubmit(form) makes the request and returns its
 * result; onError(error) learns of a refusal (e.g. to reload what someone else changed). Resolves with the result,
 * or null when the user cancels.
 */
export function openFormDialog({ title, fields, submitLabel, onSubmit, onError = () => {}, intro }) {
  const id = `dialog-${++fieldCount}`;
  const dialog = element("dialog", { className: "form-dialog", attrs: { "aria-labelledby": `${id}-title` } });
  const form = element("form", { className: "dialog-form", attrs: { novalidate: "" } });
  const alert = element("p", { className: "form-alert", attrs: { role: "alert" } });
  alert.hidden = true;
  const submit = element("button", { className: "action-button", text: submitLabel, attrs: { type: "submit" } });
  const cancel = element("button", { className: "secondary-button", text: t("programmes.cancel"), attrs: { type: "button" } });
  const actions = element("div", { className: "dialog-actions" });
  actions.append(submit, cancel);
  form.append(element("h2", { className: "dialog-title", text: title, attrs: { id: `${id}-title` } }));
  if (intro) form.append(element("p", { className: "field-hint", text: intro }));
  form.append(...fields, alert, actions);
  dialog.append(form);
  document.body.append(dialog);

  return new Promise((resolve) => {
    let result = null;
    cancel.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(result);
    });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (submit.disabled) return;
      submit.disabled = true;
      clearErrors(form, alert);
      try {
        result = await onSubmit(form);
        dialog.close();
      } catch (error) {
        reportBug(error);
        onError(error);
        const { first, unmatched } = error?.problem?.code === "validation-failed" ? markFields(form, error.problem) : { first: null, unmatched: [] };
        if (!first || unmatched.length) {
          alert.textContent = unmatched.length ? unmatched.join(" ") : problemText(error);
          alert.hidden = false;
        }
        (first ?? submit).focus();
      } finally {
        submit.disabled = false;
      }
    });
    dialog.showModal();
  });
}

/** Asks the user to confirm an action; resolves true when they do. */
export function confirmAction({ title, text, confirmLabel, onConfirm, onError }) {
  return openFormDialog({
    title,
    intro: text,
    onError,
    fields: [],
    submitLabel: confirmLabel,
    onSubmit: async () => {
      await onConfirm();
      return true;
    },
  }).then((done) => done === true);
}
