// RiskMap: the boundary vintages on the import page. The data steward sees every vintage with the days it was in force
// and its units, sets or clears those days, downloads a non-current vintage's crosswalk to the current boundaries, makes
// another current or deletes one that is not, and reads a refusal with what stands in the way.
// Plain ES module: no globals.

import { loadSection, reportBug, requestJson } from "../shared/api.js";
import { element } from "../shared/dom.js";
import { formatDate, formatNumber, formatQuarter, getLanguage, t, tPlural } from "../shared/i18n.js";
import { confirmAction } from "../shared/form-dialog.js";
// The confirmation dialog's Cancel button is labelled from the programme texts.
import "../programmes/programmes-messages.js";
import "./vintages-messages.js";

const els = {
  body: document.getElementById("vintages-body"),
  outcome: document.getElementById("vintage-outcome"),
  error: document.getElementById("vintages-error"),
};

const state = {
  vintages: [],
  loaded: false,
  failed: false,
  /**
   * The last action's outcome, kept as data so that it follows the language: { kind: "switched", vintage },
   * { kind: "deleted", vintage }, { kind: "dated", vintage, result } (the API's answer: validFrom, validTo),
   * { kind: "refused", vintage, problem } or { kind: "failed", detail }.
   */
  outcome: null,
};

function year(vintage) {
  return formatNumber(vintage, { useGrouping: false });
}

// ---------------------------------------------------------------------------
// The table

function actionButton(text, label, onClick) {
  const button = element("button", { className: "secondary-button", text, attrs: { type: "button", "aria-label": label } });
  button.addEventListener("click", onClick);
  return button;
}

/** A day of the API (yyyy-mm-dd) in the user's locale; an open end as an ellipsis. */
function day(value) {
  return value ? formatDate(value) : "…";
}

function dateField(labelKey, name, value, vintage) {
  const id = `vintage-${vintage}-${name}`;
  const field = element("div", { className: "vintage-date-field" });
  const input = element("input", { attrs: { id, name, type: "date" } });
  input.value = value ?? "";
  field.append(element("label", { text: t(labelKey), attrs: { for: id } }), input);
  return field;
}

/** From and to of a vintage, saved together; Clear sends both empty. */
function datesForm(vintage) {
  const name = year(vintage.vintage);
  const form = element("form", { className: "vintage-dates", attrs: { "aria-label": t("vintages.dates.legend", { vintage: name }) } });
  const save = element("button", { className: "secondary-button", text: t("vintages.dates.save"),
    attrs: { type: "submit", "aria-label": t("vintages.dates.save.label", { vintage: name }) } });
  const clear = actionButton(t("vintages.dates.clear"), t("vintages.dates.clear.label", { vintage: name }),
    () => setDates(vintage.vintage, null, null));
  form.append(dateField("vintages.dates.from", "from", vintage.validFrom, vintage.vintage),
    dateField("vintages.dates.to", "to", vintage.validTo, vintage.vintage), save, clear);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setDates(vintage.vintage, form.elements.from.value || null, form.elements.to.value || null);
  });
  return form;
}

/** The crosswalk of a non-current vintage's districts and regions to the current boundaries, as CSV. */
function crosswalkLinks(vintage, current) {
  const name = year(vintage.vintage);
  const links = element("p", { className: "vintage-crosswalk" });
  for (const level of ["district", "region"]) {
    links.append(element("a", {
      className: "secondary-button",
      text: t(`vintages.crosswalk.${level}`),
      attrs: {
        href: `/api/vintages/${vintage.vintage}/crosswalk/${current}?level=${level}&format=csv`,
        download: `crosswalk-${level}-${vintage.vintage}-${current}.csv`,
        "aria-label": t(`vintages.crosswalk.${level}.label`, { vintage: name }),
      },
    }));
  }
  return links;
}

function detailRow(vintage, current, columns) {
  const row = element("tr", { className: "vintage-detail", attrs: { "data-vintage-detail": String(vintage.vintage) } });
  const cell = element("td", { attrs: { colspan: String(columns) } });
  cell.append(datesForm(vintage));
  if (!vintage.isCurrent && current !== undefined) cell.append(crosswalkLinks(vintage, current));
  row.append(cell);
  return row;
}

function renderTable() {
  els.body.replaceChildren();
  els.error.hidden = !state.failed;
  const current = state.vintages.find((v) => v.isCurrent)?.vintage;
  for (const vintage of state.vintages) {
    const row = element("tr", { attrs: { "data-vintage": String(vintage.vintage) } });
    if (vintage.isCurrent) row.classList.add("is-published");
    row.append(element("th", { text: year(vintage.vintage), attrs: { scope: "row" } }));
    const status = element("td");
    if (vintage.isCurrent) status.append(element("span", { className: "badge badge-published", text: t("vintages.current") }));
    row.append(status);
    row.append(element("td", { text: vintage.validFrom ? formatDate(vintage.validFrom) : "—" }));
    row.append(element("td", { text: vintage.validTo ? formatDate(vintage.validTo) : "—" }));
    row.append(element("td", { className: "num", text: formatNumber(vintage.regions) }));
    row.append(element("td", { className: "num", text: formatNumber(vintage.districts) }));
    const actions = element("td");
    if (!vintage.isCurrent) {
      const name = year(vintage.vintage);
      const buttons = element("div", { className: "vintage-actions" });
      buttons.append(
        actionButton(t("vintages.makeCurrent"), t("vintages.makeCurrent.label", { vintage: name }), () => makeCurrent(vintage.vintage)),
        actionButton(t("vintages.delete"), t("vintages.delete.label", { vintage: name }), () => remove(vintage.vintage)));
      actions.append(buttons);
    }
    row.append(actions);
    els.body.append(row, detailRow(vintage, current, row.childElementCount));
  }
}

// ---------------------------------------------------------------------------
// The last action's outcome

/** A user's scope, a programme or a programme's target that refers to a unit the vintage lacks. */
function dependentText(dependent) {
  const owner = dependent.kind === "user"
    ? t("vintages.dependent.user", { name: dependent.reference })
    : t("vintages.dependent.programme", { id: dependent.reference });
  return t(`vintages.dependent.${dependent.level === "region" ? "region" : "district"}`, { owner, kato: dependent.kato });
}

/** A score run or a quarter's observations that refer to the vintage. */
function referenceText(reference) {
  if (reference.kind === "score run") return t("vintages.reference.run", { id: reference.reference });
  return tPlural("vintages.reference.observations", reference.count, { quarter: formatQuarter(reference.reference) });
}

function refusalParts(outcome) {
  const { problem, vintage } = outcome;
  const name = year(vintage);
  if (problem?.code === "vintage-in-use" && Array.isArray(problem.dependents)) {
    return { text: tPlural("vintages.refused.dependents", problem.dependents.length, { vintage: name }), items: problem.dependents.map(dependentText) };
  }
  if (problem?.code === "vintage-in-use" && Array.isArray(problem.references)) {
    return { text: t("vintages.refused.references", { vintage: name }), items: problem.references.map(referenceText) };
  }
  if (problem?.code === "vintage-current") return { text: t("vintages.refused.current", { vintage: name }), items: [] };
  if (problem?.code === "vintage-dates-overlap") {
    return { text: t("vintages.refused.overlap", { other: year(problem.other), from: day(problem.otherFrom), to: day(problem.otherTo) }), items: [] };
  }
  if (problem?.code === "invalid-parameter") return { text: t("vintages.refused.dates"), items: [] };
  return { text: t("vintages.refused.unknown", { vintage: name }), items: [] };
}

function renderOutcome() {
  const outcome = state.outcome;
  els.outcome.replaceChildren();
  els.outcome.hidden = outcome === null;
  if (outcome === null) return;
  els.outcome.className = outcome.kind === "refused" || outcome.kind === "failed" ? "banner banner-error vintage-outcome" : "banner banner-info vintage-outcome";
  if (outcome.kind === "switched") {
    els.outcome.append(element("p", { text: t("vintages.switched", { vintage: year(outcome.vintage) }) }));
  } else if (outcome.kind === "deleted") {
    els.outcome.append(element("p", { text: t("vintages.deleted", { vintage: year(outcome.vintage) }) }));
  } else if (outcome.kind === "dated") {
    renderDated(outcome);
  } else if (outcome.kind === "refused") {
    const { text, items } = refusalParts(outcome);
    els.outcome.append(element("p", { text }));
    if (items.length > 0) {
      const list = element("ul", { className: "vintage-refusal-list" });
      for (const item of items) list.append(element("li", { text: item }));
      els.outcome.append(list);
    }
    els.outcome.append(element("p", { text: t("vintages.nothingChanged") }));
  } else {
    els.outcome.append(element("p", { text: t("vintages.failed", { detail: outcome.detail }) }));
  }
}

/** New days; those of a vintage that is not current change the scores' inputs, so a recompute is pending. */
function renderDated(outcome) {
  const { validFrom, validTo } = outcome.result ?? {};
  const name = year(outcome.vintage);
  els.outcome.append(element("p", {
    text: validFrom || validTo
      ? t("vintages.dated", { vintage: name, from: day(validFrom), to: day(validTo) })
      : t("vintages.datesCleared", { vintage: name }),
  }));
  if (state.vintages.some((v) => v.vintage === outcome.vintage && !v.isCurrent)) {
    const recompute = element("p", { text: `${t("vintages.dated.recompute")} ` });
    recompute.append(element("a", { text: t("vintages.dated.jobs"), attrs: { href: `/jobs.html?lang=${getLanguage()}` } }));
    els.outcome.append(recompute);
  }
}

// ---------------------------------------------------------------------------
// Actions

/** Runs a change; a refusal the server explains (400, 404, 409) becomes the outcome shown, anything else a failure. */
async function change(vintage, request, done) {
  try {
    const result = await request();
    state.outcome = { kind: done, vintage, result };
  } catch (error) {
    reportBug(error);
    const status = error?.problem?.status;
    state.outcome = status === 400 || status === 404 || status === 409
      ? { kind: "refused", vintage, problem: error.problem }
      : { kind: "failed", detail: error?.problem?.detail ?? error?.detail ?? "" };
  }
  await loadVintages();
  renderOutcome();
  els.outcome.focus();
}

function makeCurrent(vintage) {
  const name = year(vintage);
  return confirmAction({
    title: t("vintages.confirmCurrent.title", { vintage: name }),
    text: t("vintages.confirmCurrent.text", { vintage: name }),
    confirmLabel: t("vintages.makeCurrent"),
    onConfirm: () => change(vintage, () => requestJson(`/api/vintages/${vintage}/current`, { method: "POST", timeoutMs: 600000 }), "switched"),
  }).catch(reportBug);
}

function setDates(vintage, from, to) {
  return change(vintage, () => requestJson(`/api/vintages/${vintage}/dates`, { method: "PUT", body: { from, to } }), "dated").catch(reportBug);
}

function remove(vintage) {
  const name = year(vintage);
  return confirmAction({
    title: t("vintages.confirmDelete.title", { vintage: name }),
    text: t("vintages.confirmDelete.text", { vintage: name }),
    confirmLabel: t("vintages.delete"),
    onConfirm: () => change(vintage, () => requestJson(`/api/vintages/${vintage}`, { method: "DELETE", timeoutMs: 600000 }), "deleted"),
  }).catch(reportBug);
}

// ---------------------------------------------------------------------------
// Loading

/** Reads the vintages; resolves once they are shown. */
export async function loadVintages() {
  await loadSection(state, "vintages", "/api/vintages");
  renderTable();
}

/** Shows the vintages and the last outcome again, in the current language. */
export function renderVintages() {
  if (!state.loaded) return;
  renderTable();
  renderOutcome();
}
