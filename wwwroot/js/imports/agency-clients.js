// RiskMap: the agency clients on the import page. The data steward registers a client (the indicators and regions it
// may write) with its first API key, changes what a client may write and its description, issues another key or rotates
// one (the old key stays in force for a day), revokes keys, and sees each key's expiry and last use. A key is shown
// once, right after it is issued.
// Plain ES module: no globals.

import { loadSection, reportBug, requestJson } from "../shared/api.js";
import { element } from "../shared/dom.js";
import { formatDate, formatDateTime, t } from "../shared/i18n.js";
import "./agency-clients-messages.js";
import { codeList, keyStatus } from "./client-keys.js";

const URL = "/api/agency-clients";

const els = {
  form: document.getElementById("client-form"),
  body: document.getElementById("clients-body"),
  empty: document.getElementById("clients-empty"),
  error: document.getElementById("clients-error"),
  outcome: document.getElementById("client-outcome"),
};

const state = {
  clients: [],
  loaded: false,
  failed: false,
  /** The id of the client whose permissions are being edited, or null. */
  editing: null,
  /**
   * { kind: "issued", client, key } (the only time a key is shown), { kind: "revoked", client }, { kind: "changed", client }
   * or { kind: "refused", detail }.
   */
  outcome: null,
};

function button(text, label, onClick) {
  const node = element("button", { className: "secondary-button", text, attrs: { type: "button", "aria-label": label } });
  node.addEventListener("click", onClick);
  return node;
}

function keyItem(client, key) {
  const status = keyStatus(key);
  const item = element("li", { className: "client-key", attrs: { "data-key": String(key.id) } });
  item.append(element("code", { text: key.publicId }), " ",
    element("span", { className: `badge ${status === "active" ? "badge-succeeded" : "badge-other"}`, text: t(`clients.key.${status}`) }), " ",
    element("span", { text: t("clients.key.expires", { date: formatDate(key.expiresAt) }) }));
  if (status === "active") {
    item.append(" ",
      button(t("clients.rotate"), t("clients.rotate.label", { key: key.publicId }), () => issue(client, key.id)),
      button(t("clients.revoke"), t("clients.revoke.label", { key: key.publicId }), () => revoke(client, key.id)));
  }
  return item;
}

function editField(name, label, value, maxlength) {
  const field = element("label", { className: "import-field", text: label });
  field.append(element("input", { attrs: { name, type: "text", value, maxlength: String(maxlength), autocomplete: "off", spellcheck: "false" } }));
  return field;
}

/** The form that changes a client's description, indicators and regions, filled with what it has now. */
function editForm(client) {
  const form = element("form", { className: "client-edit", attrs: { novalidate: "" } });
  const save = element("button", { className: "action-button", text: t("clients.save"), attrs: { type: "submit" } });
  form.append(
    editField("description", t("clients.description"), client.description, 500),
    editField("indicators", t("clients.indicators"), client.indicators.join(", "), 2000),
    editField("regions", t("clients.regions"), client.regions.join(", "), 2000),
    save, " ",
    button(t("clients.cancel"), t("clients.cancel"), () => {
      state.editing = null;
      renderTable();
    }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    changePermissions(client, form.elements);
  });
  return form;
}

function permissionsCell(client) {
  const cell = element("td");
  if (state.editing === client.id) {
    cell.append(editForm(client));
    return cell;
  }
  cell.append(element("span", { text: t("clients.permissions", { indicators: client.indicators.join(", "), regions: client.regions.join(", ") }) }), " ",
    button(t("clients.edit"), t("clients.edit.label", { client: client.name }), () => {
      state.editing = client.id;
      renderTable();
      els.body.querySelector(".client-edit input")?.focus();
    }));
  return cell;
}

function renderTable() {
  els.body.replaceChildren();
  els.error.hidden = !state.failed;
  els.empty.hidden = !state.loaded || state.failed || state.clients.length > 0;
  for (const client of state.clients) {
    const row = element("tr", { attrs: { "data-client": client.name } });
    const name = element("th", { attrs: { scope: "row" } });
    name.append(element("strong", { text: client.name }));
    if (client.description) name.append(element("br"), element("span", { className: "field-hint", text: client.description }));
    row.append(name);
    row.append(permissionsCell(client));
    const keys = element("td");
    const list = element("ul", { className: "client-keys" });
    for (const key of client.keys) list.append(keyItem(client, key));
    keys.append(list, button(t("clients.newKey"), t("clients.newKey.label", { client: client.name }), () => issue(client, null)));
    row.append(keys);
    row.append(element("td", { text: client.lastUsedAt ? formatDateTime(client.lastUsedAt) : t("clients.neverUsed") }));
    els.body.append(row);
  }
}

function renderOutcome() {
  const outcome = state.outcome;
  els.outcome.replaceChildren();
  els.outcome.hidden = outcome === null;
  if (outcome === null) return;
  els.outcome.className = `banner client-outcome ${outcome.kind === "refused" ? "banner-error" : "banner-info"}`;
  if (outcome.kind === "issued") {
    const key = element("p");
    key.append(element("code", { className: "issued-key", text: outcome.key }));
    els.outcome.append(element("p", { text: t("clients.issued", { client: outcome.client }) }), key, element("p", { text: t("clients.issued.once") }));
  } else if (outcome.kind === "revoked") {
    els.outcome.append(element("p", { text: t("clients.revoked", { client: outcome.client }) }));
  } else if (outcome.kind === "changed") {
    els.outcome.append(element("p", { text: t("clients.changed", { client: outcome.client }) }));
  } else {
    els.outcome.append(element("p", { text: t("clients.refused", { detail: outcome.detail }) }));
  }
}

async function change(request, done) {
  try {
    state.outcome = done(await request());
  } catch (error) {
    reportBug(error);
    state.outcome = { kind: "refused", detail: error?.problem?.detail ?? error?.detail ?? "" };
  }
  await loadAgencyClients();
  renderOutcome();
  els.outcome.focus();
}

function issue(client, replaces) {
  return change(() => requestJson(`${URL}/${client.id}/keys`, { method: "POST", body: replaces === null ? {} : { replaces } }),
    (issued) => ({ kind: "issued", client: client.name, key: issued.key })).catch(reportBug);
}

function revoke(client, keyId) {
  return change(() => requestJson(`${URL}/${client.id}/keys/${keyId}`, { method: "DELETE" }),
    () => ({ kind: "revoked", client: client.name })).catch(reportBug);
}

function changePermissions(client, fields) {
  const body = {
    description: fields.description.value.trim(),
    indicators: codeList(fields.indicators.value),
    regions: codeList(fields.regions.value),
  };
  return change(() => requestJson(`${URL}/${client.id}`, { method: "PATCH", body }), () => {
    state.editing = null;
    return { kind: "changed", client: client.name };
  }).catch(reportBug);
}

function register(event) {
  event.preventDefault();
  const form = els.form.elements;
  const body = {
    name: form.name.value.trim(),
    description: form.description.value.trim(),
    indicators: codeList(form.indicators.value),
    regions: codeList(form.regions.value),
  };
  change(() => requestJson(URL, { method: "POST", body }), (issued) => {
    els.form.reset();
    return { kind: "issued", client: issued.client.name, key: issued.key };
  }).catch(reportBug);
}

/** Reads the clients; resolves once they are shown. */
export async function loadAgencyClients() {
  await loadSection(state, "clients", URL);
  renderTable();
}

/** Shows the clients and the last outcome again, in the current language. */
export function renderAgencyClients() {
  if (!state.loaded) return;
  renderTable();
  renderOutcome();
}

els.form?.addEventListener("submit", register);
