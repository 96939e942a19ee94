// RiskMap: the crisis-management programmes page. Without ?id= the list of the caller's programmes (and, for a
// planner, the new-programme form); with ?id=12 that programme. Every text is rendered from the data, so a language
// change re-renders the page. Plain ES module: no globals.

import { fetchIndicators, reportBug } from "../shared/api.js";
import { openFormDialog } from "../shared/form-dialog.js";
import { t } from "../shared/i18n.js";
import "./programmes-messages.js";
import { initPage, loadDemoBanner } from "../shared/page.js";
import { renderProgrammeDetail } from "./programme-detail.js";
import { programmeBody, programmeFields } from "./programme-fields.js";
import { pageHref, renderProgrammeList } from "./programme-list.js";
import { problemText } from "./programme-problems.js";
import { createProgramme, fetchEffectiveness, fetchMeasureCatalogue, fetchProgramme, fetchProgrammes, readsProgrammes } from "./programmes-api.js";

const els = {
  view: document.getElementById("programmes-view"),
  access: document.getElementById("access-note"),
  notice: document.getElementById("notice"),
  status: document.getElementById("status"),
  errorBox: document.getElementById("error-box"),
  errorText: document.getElementById("error-text"),
  errorDetail: document.getElementById("error-detail"),
  retry: document.getElementById("retry-button"),
};

const state = {
  me: null,
  /** The programme asked for by ?id=, or null for the list. */
  id: new URLSearchParams(window.location.search).get("id"),
  /** "loading" | "ready" | "error" | "no-access" */
  phase: "loading",
  error: null,
  programmes: [],
  programme: null,
  catalogue: [],
  /** The effectiveness report: undefined while loading, null when it could not be read. */
  effectiveness: undefined,
  indicators: null,
  /** What the last change did, as { key, params } so that it follows the language. */
  notice: null,
};

function render() {
  renderStatus();
  renderNotice();
  els.access.hidden = state.phase !== "no-access";
  els.access.textContent = state.phase === "no-access" ? t(state.me?.authenticated ? "programmes.access.role" : "programmes.access.signIn") : "";
  els.errorBox.hidden = state.phase !== "error";
  if (state.phase === "error") {
    els.errorText.textContent = problemText(state.error);
    els.errorDetail.textContent = state.error?.message ? `(${state.error.message})` : "";
  }
  if (state.phase !== "ready") {
    els.view.replaceChildren();
    return;
  }
  if (state.programme) {
    renderProgrammeDetail(els.view, {
      programme: state.programme, me: state.me, catalogue: state.catalogue, effectiveness: state.effectiveness, indicators: state.indicators,
      handlers: { changed: announceChange, stale: announceStale, deleted: leaveDeleted },
    });
  } else {
    renderProgrammeList(els.view, { programmes: state.programmes, onNew: state.me.role === "planner" ? openNewProgramme : null });
  }
}

function renderStatus() {
  const key = { loading: "programmes.loading", error: "programmes.page.failed", ready: "programmes.page.ready", "no-access": "programmes.page.noAccess" }[state.phase];
  els.status.textContent = t(key);
  document.body.dataset.ready = state.phase === "loading" ? "false" : "true";
}

function renderNotice() {
  els.notice.hidden = state.notice === null;
  els.notice.textContent = state.notice === null ? "" : t(state.notice.key, state.notice.params);
}

/** Shows what was done and moves the focus to it, so that a keyboard or screen reader user learns of it. */
function announce(key, params = {}) {
  state.notice = { key, params };
  renderNotice();
  els.notice.tabIndex = -1;
  els.notice.focus();
}

async function loadList() {
  state.programmes = await fetchProgrammes();
}

async function loadProgramme() {
  const [programme, catalogue] = await Promise.all([fetchProgramme(state.id), state.catalogue.length ? state.catalogue : fetchMeasureCatalogue()]);
  state.programme = programme;
  state.catalogue = catalogue;
}

/** The effectiveness report and the indicator names it shows, after the programme (they take longer). */
async function loadEffectiveness() {
  try {
    const [report, indicators] = await Promise.all([fetchEffectiveness(state.id), state.indicators ?? fetchIndicators().catch(() => null)]);
    state.effectiveness = report;
    state.indicators = indicators;
  } catch (error) {
    reportBug(error);
    state.effectiveness = null;
  }
  render();
}

async function load() {
  state.phase = "loading";
  render();
  const me = await state.me;
  state.me = me;
  if (!readsProgrammes(me)) {
    state.phase = "no-access";
    render();
    return;
  }
  try {
    if (state.id) await loadProgramme();
    else await loadList();
    state.phase = "ready";
  } catch (error) {
    reportBug(error);
    state.error = error;
    state.phase = "error";
  }
  render();
  if (state.phase === "ready" && state.id) await loadEffectiveness();
}

/** After a change: the programme as it is now, and what was done. */
async function announceChange(key, params) {
  try {
    await loadProgramme();
    render();
    announce(key, params);
  } catch (error) {
    reportBug(error);
    announce("programmes.problem.reloadFailed");
  }
  state.effectiveness = undefined;
  await loadEffectiveness();
}

/** Someone else changed what the user was changing: show the current version (the form says so itself). */
function announceStale() {
  loadProgramme().then(render, reportBug);
}

function leaveDeleted() {
  window.location.assign(pageHref("/programmes.html", { deleted: state.programme.title }));
}

function openNewProgramme() {
  openFormDialog({
    title: t("programmes.new"),
    fields: programmeFields(),
    submitLabel: t("programmes.create"),
    onSubmit: (form) => createProgramme(programmeBody(form)),
  }).then((created) => {
    if (created) window.location.assign(pageHref("/programmes.html", { id: created.id, created: "1" }));
  });
}

/** A notice carried over from the page that made the change (a new or deleted programme). */
function noticeFromAddress() {
  const params = new URLSearchParams(window.location.search);
  if (params.has("created")) state.notice = { key: "programmes.done.created", params: {} };
  else if (params.has("deleted")) state.notice = { key: "programmes.done.deleted", params: { title: params.get("deleted") } };
  else return;
  // Told once: a reload does not repeat it.
  const url = new URL(window.location.href);
  url.searchParams.delete("created");
  url.searchParams.delete("deleted");
  window.history.replaceState(window.history.state, "", url);
}

function start() {
  noticeFromAddress();
  state.me = initPage({ titleKey: "programmes.doc.title", onTranslate: () => render() });
  loadDemoBanner();
  els.retry.addEventListener("click", () => load());
  load().then(() => {
    if (state.notice) announce(state.notice.key, state.notice.params);
  });
}

start();
