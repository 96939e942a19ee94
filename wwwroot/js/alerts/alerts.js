// RiskMap: the alerts page. The alerts the caller sees in full, filtered by status, rule and (for a caller with more
// than one region) region, paged; each links to the unit's profile on the map and, for a planner, adds it to a
// programme, and a new one is acknowledged with a note. The filter lives in the address, so the way back from the map
// shows the same list. Every text is rendered from the data, so a language change re-renders the page.
// Plain ES module: no globals.

import { ApiError, fetchRegions, reportBug } from "../shared/api.js";
import { element } from "../shared/dom.js";
import { field, openFormDialog } from "../shared/form-dialog.js";
import { getLanguage, localizedName, t, tPlural } from "../shared/i18n.js";
import { initPage, loadDemoBanner } from "../shared/page.js";
import "../programmes/programmes-messages.js";
import { refreshAlertBadge } from "./alert-badge.js";
import { alertTable, unitName } from "./alert-list.js";
import { acknowledgeAlert, exportHref, fetchAlerts, readsAlerts } from "./alerts-api.js";
import "./alerts-messages.js";

const PAGE_SIZE = 50;
const RULES = Object.freeze(["clear-rise", "emerging-hot-spot", "programme-target-rise", "forecast-high-risk"]);
const STATUSES = Object.freeze(["new", "acknowledged"]);
const FILTER_KEYS = Object.freeze(["status", "rule", "region"]);

const els = {
  view: document.getElementById("alerts-view"),
  access: document.getElementById("access-note"),
  notice: document.getElementById("notice"),
  status: document.getElementById("status"),
  errorBox: document.getElementById("error-box"),
  errorText: document.getElementById("error-text"),
  errorDetail: document.getElementById("error-detail"),
  retry: document.getElementById("retry-button"),
};

const params = new URLSearchParams(window.location.search);
const state = {
  me: null,
  /** "loading" | "ready" | "error" | "no-access" */
  phase: "loading",
  error: null,
  filter: Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) || ""])),
  page: Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1),
  list: null,
  /** The regions to filter by ({ kato, name }), for a caller who sees more than one; empty otherwise. */
  regions: [],
  programmeActions: null,
  /** What the last acknowledgement did, as { key, params } so that it follows the language. */
  notice: null,
};

function render() {
  renderStatus();
  els.notice.hidden = state.notice === null;
  els.notice.textContent = state.notice === null ? "" : t(state.notice.key, state.notice.params);
  els.access.hidden = state.phase !== "no-access";
  els.access.textContent = state.phase === "no-access" ? t(state.me?.authenticated ? "alerts.access.role" : "alerts.access.signIn") : "";
  els.errorBox.hidden = state.phase !== "error";
  if (state.phase === "error") {
    els.errorText.textContent = t("alerts.page.failed");
    els.errorDetail.textContent = state.error?.message ? `(${state.error.message})` : "";
  }
  if (state.phase !== "ready") {
    els.view.replaceChildren();
    return;
  }
  const parts = [
    element("h1", { className: "page-title", text: t("alerts.heading") }),
    element("p", { className: "page-intro", text: t("alerts.intro") }),
    filterForm(),
    element("p", { className: "alerts-total", text: tPlural("alerts.total", state.list.total), attrs: { id: "alerts-total" } }),
    exportLinks(),
  ];
  if (state.list.alerts.length === 0) parts.push(element("p", { className: "empty-note", text: t("alerts.empty") }));
  else {
    parts.push(alertTable(state.list.alerts, {
      programmeButton: (unit) => state.programmeActions?.button(unit) ?? null,
      onAcknowledge: openAcknowledgement,
    }), pager());
  }
  els.view.replaceChildren(...parts);
}

function renderStatus() {
  const key = { loading: "alerts.loading", error: "alerts.page.failed", ready: "alerts.page.ready", "no-access": "alerts.page.noAccess" }[state.phase];
  els.status.textContent = t(key);
  document.body.dataset.ready = state.phase === "loading" ? "false" : "true";
}

function select(name, label, options) {
  const wrap = field({
    label, name, tag: "select", value: state.filter[name],
    options: [{ value: "", text: t("alerts.filter.all") }, ...options],
  });
  wrap.querySelector("select").addEventListener("change", (event) => {
    state.filter[name] = event.target.value;
    state.page = 1;
    // The view is drawn anew: the focus goes back to the filter the user changed.
    load().then(() => els.view.querySelector(`select[name="${name}"]`)?.focus());
  });
  return wrap;
}

function filterForm() {
  const form = element("fieldset", { className: "alerts-filter" });
  form.append(
    element("legend", { className: "visually-hidden", text: t("alerts.filter.legend") }),
    select("status", t("alerts.filter.status"), STATUSES.map((s) => ({ value: s, text: t(`alerts.status.${s}`) }))),
    select("rule", t("alerts.filter.rule"), RULES.map((r) => ({ value: r, text: t(`alerts.rule.${r}`) }))),
  );
  if (state.regions.length > 1) {
    form.append(select("region", t("alerts.filter.region"), state.regions.map((r) => ({ value: r.kato, text: localizedName(r.properties) }))));
  }
  return form;
}

function exportLinks() {
  const links = element("p", { className: "alerts-export", attrs: { id: "alerts-export" } });
  links.append(t("alerts.export.label"));
  for (const format of ["csv", "xlsx"]) {
    links.append(" ", element("a", { text: t(`alerts.export.${format}`), attrs: { href: exportHref(state.filter, format, getLanguage()), download: "" } }));
  }
  return links;
}

function pager() {
  const pages = Math.max(1, Math.ceil(state.list.total / PAGE_SIZE));
  const nav = element("nav", { className: "alerts-pager", attrs: { "aria-label": t("alerts.pages", { page: state.page, pages }) } });
  if (pages === 1) return nav;
  const turn = (key, page) => {
    const button = element("button", { className: "secondary-button", text: t(key), attrs: { type: "button" } });
    button.disabled = page < 1 || page > pages;
    button.addEventListener("click", () => {
      state.page = page;
      load();
    });
    return button;
  };
  nav.append(turn("alerts.previous", state.page - 1), element("span", { text: t("alerts.pages", { page: state.page, pages }) }),
    turn("alerts.next", state.page + 1));
  return nav;
}

/** Keeps the filter and page in the address (no new history entry), so coming back from the map shows the same list. */
function writeAddress() {
  const url = new URL(window.location.href);
  for (const key of FILTER_KEYS) {
    if (state.filter[key]) url.searchParams.set(key, state.filter[key]);
    else url.searchParams.delete(key);
  }
  if (state.page > 1) url.searchParams.set("page", String(state.page));
  else url.searchParams.delete("page");
  window.history.replaceState(window.history.state, "", url);
}

async function openAcknowledgement(alert) {
  const name = unitName(alert);
  const acknowledged = await openFormDialog({
    title: t("alerts.ack.title", { unit: name }),
    fields: [field({ label: t("alerts.ack.note"), name: "note", tag: "textarea", hint: t("alerts.ack.hint"), attrs: { maxlength: "1000", rows: "3" } })],
    submitLabel: t("alerts.ack.submit"),
    onSubmit: (form) => {
      const note = form.elements.note.value.trim();
      if (!note) {
        throw new ApiError("note", "note required", { problem: { code: "validation-failed", errors: { note: [t("alerts.ack.noteRequired")] } } });
      }
      return acknowledgeAlert(alert.id, note);
    },
  });
  if (!acknowledged) return;
  state.notice = { key: "alerts.done.acknowledged", params: { unit: name } };
  await Promise.all([load(), refreshAlertBadge().catch(reportBug)]);
  els.notice.tabIndex = -1;
  els.notice.focus();
}

/** The regions to filter by, for a caller who sees more than one (an analyst). */
async function loadRegions() {
  if (state.me.scopeRegion || state.regions.length) return;
  const regions = await fetchRegions();
  state.regions = regions.features.map((f) => ({ kato: String(f.properties.kato), properties: f.properties }))
    .sort((a, b) => localizedName(a.properties).localeCompare(localizedName(b.properties)));
}

/** The "Add to programme" action of the map (programmes/programmemap.js), for a planner. */
async function loadProgrammeActions() {
  if (state.me.role !== "planner" || state.programmeActions) return;
  const { createProgrammeActions } = await import("../programmes/programmemap.js");
  state.programmeActions = createProgrammeActions({ who: state.me, panel: els.notice.parentElement, slot: element("div") });
}

async function load() {
  writeAddress();
  const me = await state.me;
  state.me = me;
  if (!readsAlerts(me)) {
    state.phase = "no-access";
    render();
    return;
  }
  try {
    const [list] = await Promise.all([fetchAlerts(state.filter, state.page, PAGE_SIZE), loadRegions(), loadProgrammeActions()]);
    state.list = list;
    state.phase = "ready";
  } catch (error) {
    reportBug(error);
    state.error = error;
    state.phase = "error";
  }
  render();
}

function start() {
  state.me = initPage({ titleKey: "alerts.doc.title", onTranslate: () => render() });
  loadDemoBanner();
  els.retry.addEventListener("click", () => load());
  render();
  load();
}

start();
