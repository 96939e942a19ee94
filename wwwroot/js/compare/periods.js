// RiskMap: two quarters of the published run compared (compare.html?compare=quarters): side by side on two maps whose
// pan and zoom follow each other, or one map coloured by the change in score (or in an indicator's rate per 1,000 pupils)
// between them. Leaflet is loaded when this
// view opens. The score tables are the caller's (the API cuts them to the caller's scope). Plain ES module: no globals.

import { fetchAbout, fetchDistrictScores, fetchDistricts, fetchIndicators, fetchRegionScores, fetchRegions, fetchScoreRunStatus, reportBug } from "../shared/api.js";
import { element } from "../shared/dom.js";
import { formatQuarter, formatScore, localizedName, t } from "../shared/i18n.js";
import { applyDemoBanner, initPage } from "../shared/page.js";
import { loadScript } from "../shared/scripts.js";
import { changeText, rateChangeText } from "../map/change.js";
import { changeColor, changeKey, rateChangeKey } from "../map/change-style.js";
import { classKey, classSummary, districtStyle, isOutside, REGION_OUTLINE } from "../map/choropleth.js";
import { renderLegend } from "../map/legend.js";
import { createMapExport } from "../map/mapexport.js";
import "../map/messages.js";
import { initSelectors, measureTitle, retranslateSelectors, selectView, selectedView } from "../map/selectors.js";
import firstView from "../map/first-view.json" with { type: "json" };
import { renderChangeLegend } from "./change-legend.js";
import { addressWithPeriodsView, CHANGE_SHOWS, earlierPeriod, periodsViewFromSearch } from "./periods-view.js";
import "./periods-messages.js";

const LEAFLET_SCRIPT = "/lib/leaflet/leaflet.js";
const MAX_BOUNDS = [[30, 30], [65, 105]];
const REGION_STYLE = Object.freeze({ className: "region", ...REGION_OUTLINE, fill: false, interactive: false });
const CHANGE_OUTLINE = Object.freeze({ className: "change-unit", color: "#5f6b7a", weight: 0.8, opacity: 1, fill: true, fillOpacity: 0.9 });

const els = {
  section: document.getElementById("quarters"),
  form: document.getElementById("periods-form"),
  against: document.getElementById("against-select"),
  level: document.getElementById("periods-level-select"),
  show: document.getElementById("show-select"),
  note: document.getElementById("periods-note"),
  maps: document.getElementById("periods-maps"),
  attribution: document.getElementById("periods-attribution"),
  status: document.getElementById("status"),
  errorBox: document.getElementById("error-box"),
  errorDetail: document.getElementById("error-detail"),
};

/** The three maps: the earlier and the selected quarter side by side, and the change between them. */
const slots = Object.fromEntries(["earlier", "later", "change"].map((name) => [name, {
  name,
  figure: document.getElementById(`${name}-figure`),
  label: document.getElementById(`${name}-label`),
  container: document.getElementById(`${name}-map`),
  legend: document.getElementById(`${name}-legend`),
  map: null,
  units: null,
  outlines: null,
  unitsByKato: new Map(),
  period: null,
  export: null,
}]));

const state = {
  me: null,
  about: null,
  run: null,
  boundaries: null,
  /** The comparison shown: the address's view with the quarters it compares, once loaded. */
  shown: null,
  extent: null,
  requests: 0,
  loading: true,
};

// ---------------------------------------------------------------------------
// The comparison asked for

function chosenView() {
  const { period, measure, classes } = selectedView();
  return { period, measure, classes, against: els.against.value, level: els.level.value, show: els.show.value, extent: state.extent };
}

function writeAddress() {
  const href = addressWithPeriodsView(window.location.href, chosenView());
  if (href !== window.location.href) window.history.replaceState(window.history.state, "", href);
}

function shownSlots() {
  return CHANGE_SHOWS.includes(state.shown?.show) ? [slots.change] : [slots.earlier, slots.later];
}

// ---------------------------------------------------------------------------
// Maps

function extentOf(map) {
  const { lat, lng } = map.getCenter();
  return { lat, lng, zoom: map.getZoom() };
}

/** While one map moves the others follow it; once it rests, the address and each map's data-extent keep where. */
let following = false;
function follow(source) {
  if (following) return;
  following = true;
  for (const slot of shownSlots()) {
    if (slot.map && slot.map !== source) slot.map.setView(source.getCenter(), source.getZoom(), { animate: false });
  }
  following = false;
}

function rested(map) {
  if (following) return;
  state.extent = extentOf(map);
  const text = `${state.extent.lat.toFixed(4)},${state.extent.lng.toFixed(4)},${state.extent.zoom}`;
  for (const slot of Object.values(slots)) if (slot.map) slot.container.dataset.extent = text;
  writeAddress();
}

function placeMap(map) {
  if (state.extent) map.setView([state.extent.lat, state.extent.lng], state.extent.zoom, { animate: false });
  else map.fitBounds(firstView.bounds, { animate: false, padding: [firstView.padding, firstView.padding] });
}

/** The slot's Leaflet map, made the first time the slot is shown (Leaflet needs its container's size). */
function mapOf(slot) {
  if (slot.map) {
    slot.map.invalidateSize({ pan: false });
    placeMap(slot.map);
    return slot.map;
  }
  const L = window.L;
  const map = L.map(slot.container, {
    zoomSnap: firstView.zoomSnap, zoomDelta: 0.5, minZoom: 3, maxZoom: 12, maxBounds: MAX_BOUNDS,
    // The maps follow each other exactly only without animations (and a busy machine draws less).
    zoomAnimation: false, fadeAnimation: false, markerZoomAnimation: false, attributionControl: false,
  });
  map.zoomControl.setPosition("topleft");
  const pane = map.createPane("regions");
  pane.style.zIndex = "420";
  pane.style.pointerEvents = "none";
  placeMap(map);
  map.on("move", () => follow(map));
  map.on("moveend", () => rested(map));
  slot.map = map;
  rested(map);
  return map;
}

function katoOf(feature) {
  return String(feature?.properties?.kato ?? feature?.id ?? "");
}

/** A tooltip's content: the unit's name and rows of [label, value]. */
function tooltip(name, rows) {
  const root = element("div");
  root.append(element("span", { className: "tt-title", text: name }));
  const list = element("dl");
  for (const [label, value] of rows) list.append(element("dt", { text: label }), element("dd", { text: value }));
  root.append(list);
  return root;
}

/** How a slot draws a unit: its style, its data-* key and its tooltip rows. The rate change map's units are { earlier, later } pairs. */
function drawing(slot) {
  const { measure, against, show } = state.shown;
  if (slot.name === "change" && show === "rate-change") {
    const key = (pair) => rateChangeKey(pair?.earlier, pair?.later);
    return {
      attribute: "change",
      key,
      style: (pair) => ({ ...CHANGE_OUTLINE, fillColor: changeColor(key(pair)) }),
      rows: (pair) => [[t("periods.rateChange.tooltip"), rateChangeText(pair?.earlier, pair?.later)]],
    };
  }
  if (slot.name === "change") {
    return {
      attribute: "change",
      key: (unit) => changeKey(unit, against),
      style: (unit) => ({ ...CHANGE_OUTLINE, fillColor: changeColor(changeKey(unit, against)) }),
      rows: (unit) => [[t(`change.${against}`), changeText(unit, against)]],
    };
  }
  return {
    attribute: "class",
    key: (unit) => classKey(unit, measure),
    style: (unit) => districtStyle(unit, { measure }),
    rows: (unit) => [[t("tooltip.class"), classSummary(unit, measure)],
      ...(typeof unit?.score === "number" ? [[t("tooltip.score"), formatScore(unit.score)]] : [])],
  };
}

/** Draws the slot's units (regions or districts) coloured from its table, with region outlines over districts. */
function drawUnits(slot) {
  const L = window.L;
  const map = mapOf(slot);
  const { level } = state.shown;
  const [regions, districts] = state.boundaries;
  const features = level === "region" ? regions : districts;
  const how = drawing(slot);
  if (slot.units?.level !== level) {
    slot.units?.remove();
    slot.outlines?.remove();
    slot.units = L.geoJSON(features, {
      filter: (feature) => feature.geometry != null,
      onEachFeature: (feature, layer) => {
        const kato = katoOf(feature);
        layer.bindTooltip(() => tooltip(localizedName(feature.properties), drawing(slot).rows(slot.unitsByKato.get(kato))), { sticky: true, className: "district-tooltip" });
      },
    }).addTo(map);
    slot.units.level = level;
    slot.outlines = level === "district" ? L.geoJSON(regions, { pane: "regions", interactive: false, style: () => REGION_STYLE }).addTo(map) : null;
  }
  slot.units.eachLayer((layer) => {
    const kato = katoOf(layer.feature);
    const unit = slot.unitsByKato.get(kato);
    layer.setStyle(how.style(unit));
    const path = layer.getElement();
    path.dataset.kato = kato;
    path.dataset[how.attribute] = how.key(unit);
  });
  slot.container.dataset.drawn = "true";
}

// ---------------------------------------------------------------------------
// Text

function renderSlotText(slot) {
  if (!state.shown || !slot.period) return;
  const { measure, classification, from, to, show } = state.shown;
  if (slot.name === "change") {
    const rate = show === "rate-change";
    slot.label.textContent = t(rate ? "periods.rateChange.label" : "periods.change.label", { from: formatQuarter(from), to: formatQuarter(to) });
    renderChangeLegend(slot.legend, { from, to, rate });
  } else {
    slot.label.textContent = t("periods.map.label", { period: formatQuarter(slot.period) });
    renderLegend(slot.legend, { ...slot.shown, title: measureTitle(measure), classification }, { titleId: `${slot.name}-legend-title` });
  }
  slot.export?.retranslate();
}

function describe(slot) {
  const { measure, classification, from, to, show } = state.shown;
  const keys = show === "rate-change" ? "periods.rateLegend" : "periods.legend";
  const title = slot.name === "change"
    ? [t(`${keys}.title`, { from: formatQuarter(from), to: formatQuarter(to) }), measureTitle(measure)]
    : [measureTitle(measure), `${formatQuarter(slot.period)} · ${t(`classes.${classification}`)}`];
  return {
    title: [...title, t("mapexport.kazakhstan")],
    legendTitle: slot.name === "change" ? t(`${keys}.unit`) : t("mapexport.legend"),
    demo: state.about?.demo === true,
    attribution: state.about?.attribution ?? "",
  };
}

function exportOf(slot) {
  slot.export ??= createMapExport(slot.figure, {
    container: slot.container,
    legend: slot.legend,
    describe: () => describe(slot),
    id: `${slot.name}-download`,
    label: () => (slot.name === "change" ? t("periods.downloadChange") : t("periods.download", { period: formatQuarter(slot.period ?? "") })),
    fileName: () => `riskmap-${slot.name === "change" ? `${state.shown.show}-${state.shown.from}-${state.shown.to}` : slot.period}${state.about?.demo ? "-demo" : ""}.png`,
  });
  return slot.export;
}

function renderStatus() {
  if (state.loading) els.status.textContent = t("periods.status.loading");
  else if (state.shown) els.status.textContent = t("periods.status.ready", { from: formatQuarter(state.shown.from), to: formatQuarter(state.shown.to) });
  else els.status.textContent = "";
}

function retranslate() {
  if (state.run) retranslateSelectors();
  for (const slot of Object.values(slots)) {
    renderSlotText(slot);
    if (slot.units) drawUnits(slot);
  }
  if (state.shown) els.note.textContent = noteText(state.shown);
  renderStatus();
}

// ---------------------------------------------------------------------------
// Loading

function showError(error) {
  reportBug(error);
  els.errorDetail.textContent = error?.problem?.detail ?? (error?.name === "ApiError" ? `(${error.message})` : "");
  els.errorBox.hidden = false;
}

/** Why no map is shown, or "": no earlier quarter, or a rate change map asked of a measure that is not an indicator. */
function noteText({ from, to, show, measure }) {
  if (!from) return t("periods.noEarlier", { period: formatQuarter(to) });
  return show === "rate-change" && !measure.startsWith("indicator:") ? t("periods.rateChange.needsIndicator") : "";
}

function byKato(table) {
  return new Map(table.units.map((unit) => [String(unit.code), unit]));
}

/** Loads the tables the chosen comparison needs and draws them, unless a newer choice came meanwhile. */
async function compareQuarters() {
  const request = ++state.requests;
  const view = chosenView();
  writeAddress();
  const from = earlierPeriod(state.run.periods, view.period, view.against);
  state.loading = true;
  renderStatus();
  const fetchTable = view.level === "region" ? fetchRegionScores : fetchDistrictScores;
  const table = (period) => fetchTable({ run: state.run.id, period, measure: view.measure, classes: view.classes });
  const note = noteText({ ...view, from, to: view.period });
  // The score's change map reads the selected quarter's changes, which the run computed against the earlier quarter;
  // the rate's compares the two quarters' rates.
  const maps = note ? [] : { split: [["earlier", [from]], ["later", [view.period]]], change: [["change", [view.period]]], "rate-change": [["change", [from, view.period]]] }[view.show];
  const tables = await Promise.all(maps.map(([, periods]) => Promise.all(periods.map(table))));
  if (request !== state.requests) return;
  state.shown = { ...view, from, to: view.period, classification: tables[0]?.[0]?.classification ?? view.classes };
  els.note.hidden = note === "";
  els.note.textContent = note;
  els.maps.dataset.show = note ? "none" : view.show;
  for (const slot of Object.values(slots)) slot.figure.hidden = !maps.some(([name]) => name === slot.name);
  maps.forEach(([name, periods], i) => {
    const slot = slots[name];
    const later = tables[i].at(-1);
    const earlier = tables[i].length === 2 ? byKato(tables[i][0]) : null;
    const period = periods.at(-1);
    slot.period = period;
    slot.unitsByKato = earlier
      ? new Map([...byKato(later)].map(([kato, unit]) => [kato, { earlier: earlier.get(kato), later: unit }]))
      : byKato(later);
    slot.shown = { period: later.period, thresholds: later.thresholds, outside: later.units.some((unit) => isOutside(unit, view.measure)) };
    slot.figure.dataset.period = period;
    drawUnits(slot);
    renderSlotText(slot);
    exportOf(slot).show();
  });
  state.loading = false;
  renderStatus();
  document.body.dataset.comparison = "ready";
}

function changed() {
  delete document.body.dataset.comparison;
  compareQuarters().catch(showError);
}

/** Opens the quarter comparison: the page's method comparison stays hidden. */
export async function startPeriods() {
  els.section.hidden = false;
  state.me = initPage({ titleKey: "periods.doc.title", onTranslate: retranslate });
  const address = periodsViewFromSearch(window.location.search);
  els.against.value = address.against;
  els.level.value = address.level;
  els.show.value = address.show;
  state.extent = address.extent;
  try {
    const [me, status, boundaries, about] = await Promise.all([
      state.me, fetchScoreRunStatus(), Promise.all([fetchRegions(firstView.regionSimplify), fetchDistricts(firstView.districtSimplify)]),
      fetchAbout(), loadScript(LEAFLET_SCRIPT),
    ]);
    state.about = about;
    applyDemoBanner(about);
    els.attribution.textContent = about.attribution ?? "";
    state.boundaries = boundaries;
    if (!status.published) {
      state.loading = false;
      els.note.textContent = t("periods.noRuns");
      els.note.hidden = false;
      renderStatus();
      return;
    }
    state.run = status.published;
    initSelectors({ periods: state.run.periods, indicators: me.seesSchools ? await fetchIndicators() : null, onChange: changed });
    selectView(address);
    for (const select of [els.against, els.level, els.show]) select.addEventListener("change", changed);
    await compareQuarters();
  } catch (error) {
    state.loading = false;
    renderStatus();
    showError(error);
  } finally {
    document.body.dataset.ready = "true";
  }
}
