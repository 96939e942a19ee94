// RiskMap: the national map of Kazakhstan, districts coloured by risk class under region outlines, on Leaflet.
// Leaflet is run as a classic script (global L) by start(), after the page's first frame. This module exposes no globals.

import { fetchDistrictScores, fetchIndicators, fetchProfile, fetchRegionScores, mapImageUrl, reportBug } from "../shared/api.js";
import { renderBreadcrumb } from "./breadcrumb.js";
import { classKey, classSummary, districtStyle, isOutside, REGION_OUTLINE } from "./choropleth.js";
import { PROGRAMME_PARAM, readView, writeView } from "./deeplink.js";
import { createDistrictLabels } from "./districtlabels.js";
import { createDistricts } from "./districts.js";
import { emergingHotSpots } from "./emerging-data.js";
import { unitForecast } from "./forecast-data.js";
import { createHotspotTable } from "./hotspots.js";
import { formatArea, formatChange, formatNumber, formatQuarter, formatScore, getLanguage, localizedName, t } from "../shared/i18n.js";
import { renderLegend } from "./legend.js";
import { createMapExport } from "./mapexport.js";
import { briefButton, mapBriefRegion } from "./brief.js";
import "./messages.js";
import { applyDemoBanner, initPage } from "../shared/page.js";
import { hideProfile, initProfile, retranslateProfile, showProfile } from "./profile.js";
import { createProgrammeActions, showLinkedProgramme } from "./programme-loader.js";
import { createRanking } from "./ranking.js";
import { createSchoolLayer, seesSchoolsIn } from "./schools.js";
import { initSheet } from "./sheet.js";
import { landingUnit } from "./landing.js";
import { firstMapData, firstMe, requestMapData } from "./mapdata.js";
import { initUnitSearch } from "./unitsearch.js";
import { addressView, hotSpotsSelected, initSelectors, measureTitle, retranslateSelectors, selectView, selectedView } from "./selectors.js";
import { afterFirstFrame, markFirstFramePainted, removeFirstFrame, runLeaflet } from "./firstframe.js";
import firstView from "./first-view.json" with { type: "json" };

/** Kazakhstan with a small margin, [[south, west], [north, east]], as the first view fits it (so does the server's first frame). */
const KZ_BOUNDS = firstView.bounds;
/** Panning is kept near Kazakhstan and its neighbours. */
const MAX_BOUNDS = [[30, 30], [65, 105]];

/** A linked district is shown no closer than this, so that the map still shows what lies around it. */
const UNIT_MAX_ZOOM = 12;

const DISTRICT_HOVER_STYLE = Object.freeze({ color: "#1f4e79", weight: 2.5, dashArray: null });
const DISTRICT_TOOLTIP = Object.freeze({ direction: "top", offset: [0, -10], className: "district-tooltip", opacity: 1 });
const REGION_STYLE = Object.freeze({ className: "region", ...REGION_OUTLINE, fill: false });

const els = {
  map: document.getElementById("map"),
  status: document.getElementById("status"),
  publicNotice: document.getElementById("public-notice"),
  errorBox: document.getElementById("error-box"),
  errorDetail: document.getElementById("error-detail"),
  retryButton: document.getElementById("retry-button"),
  legend: document.getElementById("legend"),
  hotspots: document.getElementById("hotspots"),
  breadcrumb: document.getElementById("breadcrumb"),
};

const state = {
  /** "loading" | "ready" | "error" */
  phase: "loading",
  regionCount: 0,
  districtCount: 0,
  about: null,
  basemap: false,
  regionsByKato: new Map(),
  /** Each district's properties, bounds and simplified outline by KATO (from /api/districts). */
  districtsByKato: new Map(),
  /** The districts drawn on the map (districts.js), once created. */
  districts: null,
  /** The district tooltip that follows the pointer, and the KATO it describes. */
  tooltip: null,
  tooltipKato: null,
  /** The region name labels: their elements and regions. */
  regionLabels: [],
  userMovedMap: false,
  loading: false,
  /** Who is signed in (the /api/auth/me answer). */
  me: null,
  /** The published score run, or null when none is. */
  run: null,
  /** What the legend explains: undefined while loading, null without published scores, else the shown table. */
  shown: undefined,
  /** Units of the shown score table by KATO. */
  unitsByKato: new Map(),
  /** The KATO of the selected region or district, or null. */
  selected: null,
  /** The KATO of the region shown (zoomed to), or null for the national view. */
  region: null,
  /** The schools layer (schools.js) once scores are published, and the school opened in it ({ code, props }) or null. */
  schools: null,
  school: null,
  /** The KATO of the region whose profile is open, or null. */
  regionProfile: null,
  /** What the open profile is of ({ level, code, name }), or null. */
  profileOf: null,
  /** Counts profile requests so that only the answer to the latest one is shown. */
  profileRequests: 0,
  /** Counts score requests so that only the answer to the latest one is drawn. */
  scoreRequests: 0,
  /** Whether the caller may see emerging hot spots (the API's rule: who sees detail). */
  seesHotSpots: false,
  /** The emerging hot spot layer (emerging-layer.js) while the map is coloured by it, else null. */
  layer: null,
  /** The districts' emerging hot spot answer (emerging-data.js) once loaded for the list, or null. */
  districtHotSpots: null,
  /** Counts layer requests so that only the latest choice is drawn. */
  layerRequests: 0,
};

let map = null;
let zoomControl = null;
let hotspots = null;
let unitSearch = null;
let programmeActions = null;
let ranking = null;
let mapExport = null;
/** "Brief (PDF)" of the region shown, the caller's own or the country (mapBriefRegion); null for callers who get none. */
let mapBrief = null;
let districtLabels = null;

// ---------------------------------------------------------------------------
// Text

function escapeHtml(text) {
  return String(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Attribution HTML for Leaflet's control: escaped text; OpenStreetMap credit links to its copyright page. */
function attributionHtml(text) {
  const escaped = escapeHtml(text);
  const osm = "OpenStreetMap contributors";
  if (!escaped.includes(osm)) return escaped;
  return escaped.replace(
    osm,
    `<a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener noreferrer">${osm}</a>`,
  );
}

/** Re-renders this page's own text after page.js has translated the static text. */
function applyTranslations() {
  renderStatus();
  // Category names come from the API in the UI language.
  if (state.seesHotSpots) refreshHotSpots().catch(reportBug);
  retranslateSelectors();
  if (state.shown !== undefined) renderShownLegend();
  renderCrumbs();
  retranslateProfile();
  hotspots?.retranslate();
  ranking?.retranslate();
  mapExport?.retranslate();
  mapBrief?.retranslate();
  unitSearch.render();
  if (map) {
    addZoomControl();
    refreshOpenTooltips();
    retranslateRegionLabels();
    districtLabels?.retranslate();
  }
}

function renderStatus() {
  let text;
  switch (state.phase) {
    case "ready":
      text = t("status.drawn", {
        regions: formatNumber(state.regionCount),
        districts: formatNumber(state.districtCount),
      });
      break;
    case "error":
      text = t("status.failed");
      break;
    default:
      text = t("status.loading");
  }
  els.status.textContent = text;
}

// ---------------------------------------------------------------------------
// Map

function createMap() {
  map = L.map(els.map, {
    zoomControl: false,
    zoomSnap: firstView.zoomSnap,
    zoomDelta: 0.5,
    minZoom: 3,
    maxZoom: 18,
    maxBounds: MAX_BOUNDS,
    maxBoundsViscosity: 0.8,
    worldCopyJump: false,
  });
  addZoomControl();
  fitKazakhstan();

  // Districts below, region outlines above them, tooltips above both.
  map.createPane("districts").style.zIndex = "410";
  for (const [name, zIndex] of [["regions", "420"], ["labels", "430"]]) {
    const pane = map.createPane(name);
    pane.style.zIndex = zIndex;
    pane.style.pointerEvents = "none";
  }

  // Remember when the user moves the map so that later re-fitting does not undo it.
  const markMoved = () => {
    state.userMovedMap = true;
  };
  for (const type of ["pointerdown", "wheel", "keydown", "touchstart"]) {
    els.map.addEventListener(type, markMoved, { passive: true });
  }

  // The map area changes size when a banner appears or the header wraps.
  if ("ResizeObserver" in window) {
    let pending = false;
    new ResizeObserver(() => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        followMapSize();
      });
    }).observe(els.map);
  }
}

/**
 * Tells Leaflet the map's size and fits Kazakhstan again if it changed and the user has not moved the map. Only on a
 * change: each fit or move redraws every drawn path (the observer also reports the size it starts with).
 */
function followMapSize() {
  const before = map.getSize();
  map.invalidateSize({ pan: false });
  if (!state.userMovedMap && !map.getSize().equals(before)) fitKazakhstan();
}

function fitKazakhstan() {
  map.fitBounds(KZ_BOUNDS, { animate: false, padding: [firstView.padding, firstView.padding] });
}

/** (Re)creates the zoom control so that its button titles follow the UI language. */
function addZoomControl() {
  if (zoomControl) zoomControl.remove();
  zoomControl = L.control
    .zoom({ position: "topleft", zoomInTitle: t("map.zoomIn"), zoomOutTitle: t("map.zoomOut") })
    .addTo(map);
}

function refreshOpenTooltips() {
  if (state.tooltip?.isOpen()) state.tooltip.setContent(districtTooltip(state.tooltipKato));
}

function applyAbout(about) {
  if (state.about) return; // already applied (e.g. on retry)
  state.about = about;

  applyDemoBanner(about);

  if (typeof about.attribution === "string" && about.attribution.trim() !== "") {
    map.attributionControl.addAttribution(attributionHtml(about.attribution));
  }

  const basemap = about.basemap;
  if (basemap && typeof basemap.url === "string" && basemap.url.trim() !== "") {
    const options = { maxZoom: 19, minZoom: 3, crossOrigin: false };
    if (typeof basemap.attribution === "string" && basemap.attribution.trim() !== "") {
      options.attribution = attributionHtml(basemap.attribution);
    }
    // Raster tiles look sharp (and without hairline seams) only at whole zoom levels.
    map.options.zoomSnap = 1;
    map.options.zoomDelta = 1;
    L.tileLayer(basemap.url, options).addTo(map);
    state.basemap = true;
    if (!state.userMovedMap) fitKazakhstan();
  }
}

function districtTooltip(kato) {
  const props = state.districtsByKato.get(kato)?.properties ?? {};
  const region = state.regionsByKato.get(String(props.region_kato ?? ""))?.properties;

  const root = document.createElement("div");
  const title = document.createElement("span");
  title.className = "tt-title";
  title.textContent = localizedName(props);
  root.append(title);

  const list = document.createElement("dl");
  const row = (label, value) => {
    const dt = document.createElement("dt");
    dt.textContent = label;
    const dd = document.createElement("dd");
    dd.textContent = value;
    list.append(dt, dd);
  };
  const unit = state.unitsByKato.get(kato);
  if (state.layer) row(t("emerging.measure"), state.layer.summary(kato));
  if (state.shown) row(t("tooltip.class"), classSummary(unit, state.shown.measure));
  // Only callers with detail on the unit get its score and change in the table.
  if (state.shown && typeof unit?.score === "number") {
    row(t("tooltip.score"), formatScore(unit.score));
    row(t("tooltip.change"), formatChange(unit.changeQuarter));
  }
  row(t("tooltip.region"), region ? localizedName(region) : "—");
  row(t("tooltip.kato"), kato);
  row(t("tooltip.area"), formatArea(typeof props.area_km2 === "string" ? Number(props.area_km2) : props.area_km2));
  root.append(list);
  return root;
}

function katoOf(feature) {
  return String(feature?.properties?.kato ?? feature?.id ?? "");
}

function styleOf(kato) {
  if (state.layer) return state.layer.styleOf(kato, { overBasemap: state.basemap });
  return districtStyle(state.unitsByKato.get(kato), { overBasemap: state.basemap, measure: state.shown?.measure });
}

function classOf(kato) {
  if (state.layer) return state.layer.classOf(kato);
  return classKey(state.unitsByKato.get(kato), state.shown?.measure);
}

/** A district (or, given a region's KATO, each of its districts) is selected. */
function isSelected(properties) {
  const kato = state.selected;
  return kato !== null && (String(properties.kato) === kato || String(properties.region_kato ?? "") === kato);
}

/** Marks the district (or a region's districts) with this KATO as selected, keeps it in the address; null clears. */
function selectUnit(kato) {
  state.selected = kato;
  state.districts.reselect();
  writeView(currentView());
  renderHotspots();
}

/** The view in the address: the selectors, the selected unit, an open region profile and an open school. */
function currentView() {
  return { ...addressView(), unit: state.selected, profile: state.regionProfile, school: state.school?.code ?? null };
}

/** What the downloaded map image says beside the map: the shown view and area, the demo marker, the attribution. */
function describeMap() {
  const { measure, period, classification } = state.shown;
  const area = state.region ? regionName(state.region) : t("mapexport.kazakhstan");
  return {
    title: [...(state.layer ? state.layer.title() : [measureTitle(measure), `${formatQuarter(period)} · ${t(`classes.${classification}`)}`]), area],
    legendTitle: t("mapexport.legend"),
    demo: state.about?.demo === true,
    attribution: map.attributionControl.getContainer().textContent.trim(),
  };
}

/**
 * The server's image of the shown score view at a size, with the overlays shown: the linked programme's targets (its
 * panel's "Hide" takes it out of the address) and, while the map is coloured by them, the emerging hot spots (drawn by
 * the server as symbols over the composite classes).
 */
function mapImageAddress(size) {
  if (!state.shown) return null;
  const { measure, period, classification } = state.shown;
  return mapImageUrl({ measure, period, classes: classification }, {
    region: state.region, lang: getLanguage(), ...size,
    targets: new URLSearchParams(window.location.search).get(PROGRAMME_PARAM), hotspots: state.layer ? "emerging" : null,
  });
}

function mapFileName() {
  return `riskmap-map-${state.region ?? "kz"}-${state.shown.period}${state.about?.demo ? "-demo" : ""}.png`;
}

/** The hotspots of the shown score table, nationally or in the region shown. */
function renderHotspots() {
  if (!hotspots) return;
  els.hotspots.hidden = !state.shown;
  if (!state.shown) return;
  const { period, measure, classification } = state.shown;
  hotspots.show({ units: [...state.unitsByKato.values()], period, measure, classification, region: state.region, selected: state.selected, school: state.school?.code ?? null });
}

/** A match of the search as it is listed: "Region", "District (Region)", "School (District)". */
function searchLabel(match) {
  if (match.level === "region") return regionName(match.code);
  if (match.level === "district") return t("search.district", { district: districtName(match.code), region: regionName(match.regionKato) });
  const school = localizedName({ name_kk: match.nameKk, name_ru: match.nameRu });
  return match.districtKato ? t("search.school", { school, district: districtName(match.districtKato) }) : school;
}

/** Opens a match of the search: a region or district as a link would, a school in its opened district. */
function openSearchMatch(match) {
  if (match.level !== "school") {
    openLinkedUnit(match.code);
    return;
  }
  if (match.districtKato) openLinkedUnit(match.districtKato);
  openSchool({ code: match.code, props: { name_kk: match.nameKk, name_ru: match.nameRu } });
}

function districtName(kato) {
  return localizedName(state.districtsByKato.get(kato)?.properties ?? {});
}

function regionName(kato) {
  return localizedName(state.regionsByKato.get(kato)?.properties ?? {});
}

function regionKatoOf(kato) {
  return String(state.districtsByKato.get(kato)?.properties.region_kato ?? "");
}

/** Leaflet bounds of a GeoJSON feature's bbox [west, south, east, north]. */
function boundsOf(feature) {
  const [west, south, east, north] = feature.bbox;
  return L.latLngBounds([south, west], [north, east]);
}

function fitBounds(bounds, options = {}) {
  map.fitBounds(bounds, { animate: false, padding: [24, 24], ...options });
  state.userMovedMap = true;
}

/** The national view: all of Kazakhstan, nothing selected. */
function openNational() {
  state.region = null;
  closeSchools();
  closeProfile();
  selectUnit(null);
  fitKazakhstan();
  state.userMovedMap = false;
  renderCrumbs();
}

/** Selects a region and, with zoom, fits the map to its districts. */
function openRegion(region, { zoom }) {
  state.region = region;
  closeSchools();
  closeProfile();
  selectUnit(region);
  if (zoom) fitBounds(boundsOf(state.regionsByKato.get(region)));
  renderCrumbs();
}

/** Selects a region, fits the map to it and opens its profile (e.g. from the ranking). */
function openRegionProfile(region) {
  openRegion(region, { zoom: true });
  state.regionProfile = region;
  writeView(currentView());
  loadProfile({ level: "region", code: region, name: regionName(region) }).catch(reportBug);
}

function closeProfile() {
  state.regionProfile = null;
  state.profileOf = null;
  hideProfile();
}

/** Selects a district, shows its schools (where the caller may see them) and opens its profile. */
function openDistrict(kato) {
  state.region = regionKatoOf(kato);
  state.school = null;
  state.regionProfile = null;
  if (state.selected !== kato) state.schools?.show({ run: state.run.id, district: { kato, region: state.region }, view: selectedView() });
  selectUnit(kato);
  renderCrumbs();
  loadProfile({ level: "district", code: kato, name: districtName(kato) }).catch(reportBug);
}

/** Opens the profile of a school of the opened district ({ code, props } of its marker). */
function openSchool(school) {
  state.school = school;
  writeView(currentView());
  renderCrumbs();
  renderHotspots();
  loadProfile({ level: "school", code: school.code, name: localizedName(school.props) }).catch(reportBug);
}

/** Opens a school chosen from the hotspot list ({ code, district, props }): its district's schools, the school among them, its profile. */
function openListedSchool({ code, district, props }) {
  state.region = regionKatoOf(district);
  if (state.selected !== district) state.schools?.show({ run: state.run.id, district: { kato: district, region: state.region }, view: selectedView() });
  selectUnit(district);
  openSchool({ code, props });
  state.schools?.reveal(code);
}

function closeSchools() {
  state.school = null;
  state.schools?.clear();
}

/** A click on a district outside the shown region shows its region; within it, the district's profile. */
function clickDistrict(kato) {
  const region = regionKatoOf(kato);
  if (region === state.region) openDistrict(kato);
  else openRegion(region, { zoom: true });
}

/**
 * Opens what a link asks for: a region (zoomed to, with its profile if asked) or a district (shown, with its profile,
 * or with the profile of a school of it the caller may see).
 */
function openLinkedUnit(kato, { profile = null, school = null } = {}) {
  if (state.regionsByKato.has(kato) && profile === kato) {
    openRegionProfile(kato);
    return;
  }
  if (state.regionsByKato.has(kato)) {
    openRegion(kato, { zoom: true });
    return;
  }
  const district = state.districtsByKato.get(kato);
  if (!district) return;
  fitBounds(boundsOf(district), { maxZoom: UNIT_MAX_ZOOM });
  openDistrict(kato);
  if (school) openLinkedSchool(kato, school).catch(reportBug);
}

/** Opens a linked school of a district, named once its profile comes; for a caller who may not see it, nothing (not even a request). */
async function openLinkedSchool(district, code) {
  const me = await state.me;
  if (!seesSchoolsIn(me, { region: regionKatoOf(district), district }) || state.selected !== district) return;
  openListedSchool({ code, district, props: {} });
}

/** Fetches and shows the profile of a district or school of the published run while it stays the one opened. */
async function loadProfile({ level, code, name }) {
  if (!state.run) return;
  state.profileOf = { level, code, name };
  programmeActions.showFor({ level, code, name, region: state.region });
  const request = ++state.profileRequests;
  const stillOpen = () => request === state.profileRequests && (state.school?.code ?? state.selected) === code;
  performance.mark("riskmap:profile-requested");
  showProfile({ name, profile: null });
  let profile;
  let hotSpot;
  let forecast;
  try {
    [profile, hotSpot] = await Promise.all([fetchProfile({ run: state.run.id, level, code, view: selectedView() }), hotSpotOfUnit(level, code)]);
    // Only a unit the caller sees in full has a forecast for them: asking for another's would be a 404 in the console.
    forecast = profile.latest?.detailed ? await forecastOfUnit(level, code) : null;
  } catch (error) {
    reportBug(error);
    if (stillOpen()) showProfile({ name, failed: true });
    return;
  }
  if (!stillOpen()) return;
  if (level === "school") {
    // A school opened from a link is named by its profile.
    const { nameKk, nameRu, nameEn } = profile.latest;
    state.school.props = { ...state.school.props, name_kk: nameKk, name_ru: nameRu, name_en: nameEn };
    renderCrumbs();
  }
  showProfile({ name, profile, hotSpot, forecast });
  markPainted("riskmap:profile-shown");
}

/**
 * A district's or region's emerging hot spot for its profile, { unit, periods }, or null: for a caller not shown it (the
 * API's answer does not list it), for a school, or when the answer fails (the profile is shown without it).
 */
async function hotSpotOfUnit(level, code) {
  if (!state.seesHotSpots || (level !== "district" && level !== "region")) return null;
  try {
    const answer = await emergingHotSpots({ run: state.run.id, level });
    const unit = answer.byCode.get(code);
    return unit ? { unit, periods: answer.periods } : null;
  } catch (error) {
    reportBug(error);
    return null;
  }
}

/** A unit's forecast for its profile, or null: for a caller not shown it, or when the request fails (the profile is shown without it). */
async function forecastOfUnit(level, code) {
  if (!state.seesHotSpots) return null;
  try {
    return await unitForecast({ level, code });
  } catch (error) {
    reportBug(error);
    return null;
  }
}

/**
 * Colours the map by emerging hot spots while the selector asks for them, loading the layer's module and the answer
 * the first time; otherwise by the score table again.
 */
async function showLayer() {
  const request = ++state.layerRequests;
  if (!hotSpotsSelected()) {
    if (!state.layer) return;
    state.layer = null;
  } else {
    document.body.dataset.layer = "loading";
    const [{ createEmergingLayer }, answer] = await Promise.all([import("./emerging-layer.js"), emergingHotSpots({ run: state.run.id, level: "district" })]);
    if (request !== state.layerRequests) return;
    state.layer = createEmergingLayer(answer, [...state.districtsByKato.keys()]);
  }
  state.districts?.restyle();
  refreshOpenTooltips();
  renderShownLegend();
  document.body.dataset.layer = state.layer ? "hotspots" : "scores";
}

/** After the language changed: the hot spot answers in it, for the layer, the hotspot list and an open profile. */
async function refreshHotSpots() {
  if (!state.run) return;
  if (state.layer) await showLayer();
  if (state.districtHotSpots) await loadDistrictHotSpots();
  if (state.profileOf && state.profileOf.level !== "school") await loadProfile(state.profileOf);
}

/** The districts' categories for the hotspot list. */
async function loadDistrictHotSpots() {
  state.districtHotSpots = await emergingHotSpots({ run: state.run.id, level: "district" });
  renderHotspots();
}

/** Kazakhstan › Region › District › School, each crumb but the last going back up. */
function renderCrumbs() {
  const crumbs = [{ text: t("breadcrumb.kazakhstan"), onSelect: openNational }];
  if (state.regionsByKato.has(state.region)) crumbs.push({ text: regionName(state.region), onSelect: () => openRegion(state.region, { zoom: true }) });
  if (state.districtsByKato.has(state.selected)) {
    const district = state.selected;
    crumbs.push({ text: districtName(district), onSelect: () => openDistrict(district) });
  }
  if (state.school) crumbs.push({ text: localizedName(state.school.props) });
  renderBreadcrumb(els.breadcrumb, crumbs);
}

function showTooltip(properties, event) {
  state.tooltipKato = String(properties.kato);
  state.tooltip.setLatLng(event.latlng).setContent(districtTooltip(state.tooltipKato));
  if (!state.tooltip.isOpen()) state.tooltip.openOn(map);
}

function hideTooltip() {
  state.tooltip.close();
  state.tooltipKato = null;
}

/** Region outlines and names from GeoJSON, and the districts' names and boxes. */
function drawBoundaries(regions, districts) {
  const byKato = (collection) => new Map(collection.features.map((feature) => [katoOf(feature), feature]));
  state.regionsByKato = byKato(regions);
  state.districtsByKato = byKato(districts);

  L.geoJSON(regions, {
    pane: "regions",
    interactive: false,
    filter: (feature) => feature.geometry != null,
    style: () => REGION_STYLE,
  }).addTo(map);
  for (const region of regions.features) drawRegionLabel(region);
  districtLabels = createDistrictLabels(map, {
    pane: "labels",
    districts: districts.features,
    nameOf: (feature) => localizedName(feature.properties),
    avoid: () => state.regionLabels.map(({ element }) => element),
  });
  state.districtCount = districts.features.length;
  state.regionCount = regions.features.length;
}

/**
 * Draws the districts (from their simplified outlines at the country's zooms, from the vector tiles zoomed in). They
 * stay hidden until the first score table colours them, so that the map does not flash grey.
 */
function drawDistricts(districts) {
  map.getPane("districts").style.visibility = "hidden";
  state.tooltip = L.tooltip(DISTRICT_TOOLTIP);
  state.districts = createDistricts(map, {
    pane: "districts",
    features: districts.features,
    bounds: KZ_BOUNDS,
    styleOf,
    classOf,
    isSelected,
    onClick: (properties) => {
      hideTooltip();
      clickDistrict(String(properties.kato));
    },
    onOver: (properties, event) => {
      state.districts.emphasise(String(properties.kato), DISTRICT_HOVER_STYLE);
      showTooltip(properties, event);
    },
    onMove: showTooltip,
    onOut: (properties) => {
      state.districts.emphasise(String(properties.kato), null);
      hideTooltip();
    },
  });
}

/** The region's name at a point inside it, in the UI language. */
function drawRegionLabel(region) {
  const [lon, lat] = region.properties.label;
  const label = L.marker([lat, lon], {
    pane: "labels",
    interactive: false,
    keyboard: false,
    icon: L.divIcon({ className: "region-label", html: "", iconSize: null }),
  }).addTo(map);
  const element = label.getElement();
  element.dataset.kato = katoOf(region);
  element.textContent = localizedName(region.properties);
  state.regionLabels.push({ element, region });
}

function retranslateRegionLabels() {
  for (const { element, region } of state.regionLabels) element.textContent = localizedName(region.properties);
}

// ---------------------------------------------------------------------------
// Loading

/** Resolves once the next frame has been painted: the task queued from its animation frame runs after it. */
function nextFramePainted() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

/** A Performance API mark just after the frame that draws a change, for the map benchmark (`./riskmap bench map`). */
function markPainted(name) {
  nextFramePainted().then(() => performance.mark(name));
}

function showError(error) {
  reportBug(error);
  state.phase = "error";
  els.errorDetail.textContent = error?.name === "ApiError" ? `(${error.message})` : "";
  els.errorBox.hidden = false;
  document.body.dataset.ready = "error";
  renderStatus();
}

function renderShownLegend() {
  if (state.layer) {
    state.layer.renderLegend(els.legend);
    return;
  }
  const shown = state.shown;
  renderLegend(els.legend, shown && { ...shown, title: measureTitle(shown.measure) });
}

/** Starts fetching the score table of the selected view; the answer says which request it answers. */
function fetchSelectedScores() {
  const view = selectedView();
  const request = ++state.scoreRequests;
  document.body.dataset.scores = "loading";
  return fetchDistrictScores({ run: state.run.id, ...view }).then((table) => ({ view, request, table }));
}

/** The early table (mapdata.js) when it is the selected view's of the published run, else a new request. */
function selectedScores(early) {
  const view = selectedView();
  const same = early?.run === state.run.id && early.period === view.period && early.measure === view.measure && early.classification === view.classes;
  if (!same) return fetchSelectedScores();
  document.body.dataset.scores = "loading";
  return Promise.resolve({ view, request: ++state.scoreRequests, table: early });
}

/** Draws the score table of the selected view (fetching it unless given) unless a newer selection came meanwhile. */
async function showScores(pending = fetchSelectedScores()) {
  const { view, request, table } = await pending;
  if (request !== state.scoreRequests) return;
  state.unitsByKato = new Map(table.units.map((unit) => [String(unit.code), unit]));
  const outside = table.units.some((unit) => isOutside(unit, view.measure));
  state.shown = { measure: view.measure, period: table.period, classification: table.classification, thresholds: table.thresholds, outside };
  state.districts.restyle();
  refreshOpenTooltips();
  renderShownLegend();
  renderHotspots();
  mapExport?.show();
  document.body.dataset.scores = "ready";
}

/**
 * Reads the published run and, once, fills the selectors from it and the view in the address; returns the unit the
 * address asks for then, { kato, profile, school }, or null.
 */
async function prepareScores(statusRequest) {
  if (state.run) return null;
  const [me, status] = await Promise.all([state.me, statusRequest]);
  if (!status.published) {
    state.shown = null;
    renderShownLegend();
    return null;
  }
  const indicators = me.seesSchools ? await fetchIndicators() : null;
  state.run = status.published;
  state.seesHotSpots = me.seesSchools;
  state.schools = createSchoolLayer(map, { me, onSelect: openSchool });
  initSelectors({
    periods: state.run.periods,
    indicators,
    hotSpots: state.seesHotSpots,
    onChange: () => {
      writeView(currentView());
      showLayer().catch(showError);
      if (state.profileOf) loadProfile(state.profileOf).catch(reportBug);
      ranking?.refresh();
      showScores().catch(showError);
      state.schools.restyle({ run: state.run.id, view: selectedView() });
    },
  });
  const view = readView();
  selectView(view);
  return view.unit && { kato: view.unit, profile: view.profile, school: view.school };
}

/** Draws the map's data; data are the requests of requestMapData() when they were started before. */
async function load(data) {
  if (state.loading) return;
  data ??= requestMapData({ about: !state.about, boundaries: !state.districts, status: !state.run });
  state.loading = true;
  state.phase = "loading";
  els.errorBox.hidden = true;
  els.errorDetail.textContent = "";
  delete document.body.dataset.ready;
  renderStatus();

  try {
    // The boundaries and the score table are fetched at the same time; the demo banner, attribution and basemap
    // are applied whenever /api/about answers (it counts the observations, so it may come after the paint).
    data.about?.then(applyAbout).catch(showError);
    const [boundaries, scores] = await Promise.all([
      data.boundaries,
      prepareScores(data.status).then(async (unit) => ({ unit, pending: state.run ? selectedScores(await data.early) : null })),
    ]);
    if (boundaries) {
      const [regions, districts] = boundaries;
      // Fitted to the map's size of now (the caller's notice shown) before anything is drawn, so that nothing is drawn twice.
      followMapSize();
      drawBoundaries(regions, districts);
      drawDistricts(districts);
    }
    if (scores.pending) await showScores(scores.pending);
    // A link to the hot spot layer is coloured by it before the districts are revealed.
    if (state.run && hotSpotsSelected()) await showLayer().catch(reportBug);
    await state.districts.loaded;
    map.getPane("districts").style.visibility = "";
    if (state.run) markPainted("riskmap:choropleth-painted");
    await nextFramePainted();
    removeFirstFrame();
    initPanel();
    const landing = scores.unit ? null : landingUnit(await state.me);
    const unit = scores.unit || (landing && { kato: landing, profile: null });
    if (unit) openLinkedUnit(unit.kato, unit);
    showLinkedProgramme(map, els.hotspots.parentElement, { fit: !unit }).catch(reportBug);
    state.phase = "ready";
    renderStatus();
    document.body.dataset.districts = String(state.districtCount);
    document.body.dataset.ready = "true";
  } catch (error) {
    showError(error);
    removeFirstFrame();
    initPanel();
  } finally {
    state.loading = false;
  }
}

// ---------------------------------------------------------------------------
// Start

/**
 * The panel's hotspot table, ranking and map download, made once the first choropleth is on screen (or the load
 * failed): none of them is part of the first view, so the first paint does not wait for their elements to be made.
 */
function initPanel() {
  if (hotspots) return;
  hotspots = createHotspotTable(els.hotspots, {
    nameOf: districtName,
    regionNameOf: regionName,
    onSelect: openLinkedUnit,
    onSelectSchool: openListedSchool,
    rowAction: (unit) => programmeActions.button(unit),
    hotSpotOf: (kato) => state.districtHotSpots?.byCode.get(kato) ?? null,
  });
  ranking = createRanking(els.hotspots.parentElement, {
    fetchTable: (level) => (level === "region" ? fetchRegionScores : fetchDistrictScores)({ run: state.run.id, ...selectedView() }),
    view: selectedView,
    measureTitle,
    nameOf: (level, kato) => (level === "region" ? regionName(kato) : districtName(kato)),
    regionOf: (kato) => regionName(regionKatoOf(kato)),
    onSelect: (level, kato) => (level === "region" ? openRegionProfile(kato) : openLinkedUnit(kato)),
  });
  mapExport = createMapExport(els.hotspots.parentElement, { container: els.map, legend: els.legend, describe: describeMap, fileName: mapFileName, imageUrl: mapImageAddress });
  for (const part of [hotspots, ranking, mapExport]) part.retranslate();
  state.me.then((me) => {
    hotspots.setCaller(me);
    ranking.allow(me.seesSchools);
    if (mapBriefRegion(me, state.region) === undefined) return;
    mapBrief = briefButton({ id: "map-brief", which: () => ({ region: mapBriefRegion(me, state.region), period: state.shown?.period }) });
    els.hotspots.parentElement.append(mapBrief.element);
  });
  renderHotspots();
  if (state.shown) mapExport.show();
  if (state.seesHotSpots) loadDistrictHotSpots().catch(reportBug);
}

async function start() {
  await afterFirstFrame();
  const leaflet = runLeaflet().then(() => true, () => false);
  unitSearch = initUnitSearch({
    input: document.getElementById("unit-search"),
    results: document.getElementById("unit-search-results"),
    status: document.getElementById("unit-search-status"),
    labelOf: searchLabel,
    onSelect: openSearchMatch,
  });
  state.me = initPage({ titleKey: "doc.title", onTranslate: applyTranslations, askedMe: firstMe });
  markFirstFramePainted();
  programmeActions = createProgrammeActions({
    me: state.me, panel: els.hotspots.parentElement, slot: document.getElementById("profile-programme"),
    // Hotspot rows drawn before a planner's action loaded are drawn again with their buttons.
    onReady: () => hotspots?.retranslate(),
  });
  state.me.then((me) => {
    els.publicNotice.hidden = me.authenticated;
  });
  els.retryButton.addEventListener("click", () => load());
  initSheet(els.hotspots.parentElement, document.getElementById("panel-handle"));
  initProfile({ onClose: () => (state.school ? openDistrict(state.selected) : openRegion(state.region, { zoom: false })) });
  renderCrumbs();

  if (!(await leaflet)) {
    showError(null);
    return;
  }
  createMap();
  load(firstMapData);
  // The page's first formatted number loads the UI locale's number data (40–150 ms of the main thread on a busy
  // machine): done now, while the first data are on their way, not in the task that draws them.
  setTimeout(() => formatNumber(0));
}

start();
