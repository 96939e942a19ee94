// RiskMap: the quarantine on the import page. The data steward sees the indicator values imports held back from the
// scores, each with its unit's history and the reasons, and accepts or rejects them one by one or a batch at once.
// Plain ES module: no globals.

import { loadSection, reportBug, requestJson } from "../shared/api.js";
import { element } from "../shared/dom.js";
import { formatNumber, formatQuarter, localizedName, t, tPlural } from "../shared/i18n.js";
import { confirmAction, field, openFormDialog } from "../shared/form-dialog.js";
// The dialogs' Cancel button is labelled from the programme texts.
import "../programmes/programmes-messages.js";
import "./quarantine-messages.js";

const els = {
  section: document.getElementById("quarantine"),
  body: document.getElementById("held-body"),
  batches: document.getElementById("held-batches"),
  empty: document.getElementById("held-empty"),
  outcome: document.getElementById("held-outcome"),
  error: document.getElementById("held-error"),
};

const state = {
  held: [],
  loaded: false,
  failed: false,
  /** Names an indicator code in the page's language (the import page's catalogue). */
  indicatorName: (code) => code,
  /** The last decision, kept as data so that it follows the language: { decision, values } or { failed: detail }. */
  outcome: null,
};

function value(number) {
  return typeof number === "number" ? formatNumber(number, { maximumFractionDigits: 2 }) : "—";
}

function unitName(held) {
  const name = localizedName({ name_kk: held.nameKk, name_ru: held.nameRu, name_en: held.nameEn });
  return name ? `${name} (${held.code})` : held.code;
}

function button(text, label, onClick, className = "secondary-button") {
  const control = element("button", { className, text, attrs: { type: "button", "aria-label": label } });
  control.addEventListener("click", onClick);
  return control;
}

// ---------------------------------------------------------------------------
// The list

function heldRow(held) {
  const row = element("tr", { attrs: { "data-held": String(held.id) } });
  const unit = unitName(held);
  row.append(
    element("td", { text: formatNumber(held.batchId, { useGrouping: false }) }),
    element("th", { text: unit, attrs: { scope: "row" } }),
    element("td", { text: state.indicatorName(held.indicator) }),
    element("td", { text: formatQuarter(held.period) }),
    element("td", { className: "num", text: value(held.value) }),
    element("td", { className: "num", text: value(held.historyMedian) }),
    element("td", { className: "num", text: value(held.lastValue) }),
    element("td", { text: held.reasons.map((reason) => t(`quarantine.reason.${reason}`)).join("; ") }),
  );
  const actions = element("td", { className: "held-actions" });
  actions.append(
    button(t("quarantine.accept"), t("quarantine.accept.label", { unit }), () => decide(`/api/quarantine/${held.id}/accept`, false)),
    button(t("quarantine.reject"), t("quarantine.reject.label", { unit }), () => decide(`/api/quarantine/${held.id}/reject`, true)));
  row.append(actions);
  return row;
}

/** Accept all and reject all, for each batch that still has values held. */
function renderBatches() {
  els.batches.replaceChildren();
  const counts = new Map();
  for (const held of state.held) counts.set(held.batchId, (counts.get(held.batchId) ?? 0) + 1);
  for (const [batchId, count] of counts) {
    const batch = formatNumber(batchId, { useGrouping: false });
    const line = element("p", { className: "held-batch", attrs: { "data-held-batch": String(batchId) } });
    line.append(
      element("span", { text: tPlural("quarantine.batch", count, { batch }) }), " ",
      button(t("quarantine.acceptAll"), t("quarantine.acceptAll.label", { batch }), () => decide(`/api/quarantine/batches/${batchId}/accept`, false)), " ",
      button(t("quarantine.rejectAll"), t("quarantine.rejectAll.label", { batch }), () => decide(`/api/quarantine/batches/${batchId}/reject`, true)));
    els.batches.append(line);
  }
}

function renderList() {
  els.error.hidden = !state.failed;
  els.empty.hidden = !state.loaded || state.failed || state.held.length > 0;
  els.body.replaceChildren(...state.held.map(heldRow));
  renderBatches();
}

function renderOutcome() {
  const outcome = state.outcome;
  els.outcome.hidden = outcome === null;
  if (outcome === null) return;
  els.outcome.className = outcome.failed === undefined ? "banner banner-info" : "banner banner-error";
  els.outcome.textContent = outcome.failed === undefined
    ? tPlural(`quarantine.${outcome.decision}ed`, outcome.values)
    : t("quarantine.failed", { detail: outcome.failed });
}

// ---------------------------------------------------------------------------
// Decisions

async function send(path, note) {
  try {
    const result = await requestJson(path, { method: "POST", body: { note } });
    state.outcome = { decision: result.decision, values: result.values };
  } catch (error) {
    reportBug(error);
    state.outcome = { failed: error?.problem?.detail ?? error?.detail ?? "" };
  }
  await loadHeld();
  renderOutcome();
  els.outcome.focus();
}

/** Accepting asks only to confirm; rejecting asks why, which is kept with the rejected values. */
function decide(path, reject) {
  if (!reject) {
    return confirmAction({
      title: t("quarantine.confirmAccept.title"),
      text: t("quarantine.confirmAccept.text"),
      confirmLabel: t("quarantine.accept"),
      onConfirm: () => send(path, null),
    }).catch(reportBug);
  }
  return openFormDialog({
    title: t("quarantine.confirmReject.title"),
    intro: t("quarantine.confirmReject.text"),
    fields: [field({ label: t("quarantine.note"), name: "note", tag: "textarea", attrs: { required: "", maxlength: "1000", rows: "3" } })],
    submitLabel: t("quarantine.reject"),
    onSubmit: (form) => send(path, form.elements.note.value),
  }).catch(reportBug);
}

// ---------------------------------------------------------------------------
// Loading

/** Reads the values still held; resolves once they are shown. indicatorName names codes in the page's language. */
export async function loadHeld(indicatorName) {
  if (indicatorName) state.indicatorName = indicatorName;
  await loadSection(state, "held", "/api/quarantine?status=held");
  els.section.hidden = false;
  renderList();
}

/** Shows the held values and the last decision again, in the current language. */
export function renderHeld() {
  if (!state.loaded) return;
  renderList();
  renderOutcome();
}
