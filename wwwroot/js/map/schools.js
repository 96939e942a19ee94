// The schools of the opened district on the map, for callers whose scope holds them: one marker per school coloured by
// its risk class with the districts' palette, clustered where they crowd (a cluster takes the colour of the highest
// class inside). Leaflet is a classic script loaded before the modules (global L); leaflet.markercluster, which extends
// it, is loaded with its style sheet the first time schools are shown, so that the map's first paint does not wait for it.
// Plain ES module: no globals.

import { fetchSchoolScores, fetchSchools, reportBug } from "../shared/api.js";
import { classColor, unitClass } from "./choropleth.js";
import { element } from "../shared/dom.js";
import { formatNumber, localizedName, onLanguageChange, t, tPlural } from "../shared/i18n.js";
import { loadScript, loadStyleSheet } from "../shared/scripts.js";
import "./schools-messages.js";

const MARKER_SIZE = 14;
const CLUSTER_SIZE = 30;
/** Markers closer than this many pixels join a cluster; small enough that a city district's schools split up soon. */
const CLUSTER_RADIUS = 40;
const CLUSTER_SCRIPT = "/lib/leaflet.markercluster/leaflet.markercluster.js";
/** The clusters' animations, loaded with their script rather than with the page. */
const CLUSTER_STYLE = "/lib/leaflet.markercluster/MarkerCluster.css";

/**
 * Whether the caller (the /api/auth/me answer) may see the schools of an area { region, district }: a region, or with
 * district (a KATO) one district of it.
 */
export function seesSchoolsIn(me, { region, district = null }) {
  if (!me.seesSchools) return false;
  if (!me.scopeRegion) return true;
  return me.scopeRegion === region && (!me.scopeDistrict || me.scopeDistrict === district);
}

function className(cls) {
  return cls === null ? t("class.none") : t(`class.${cls}`);
}

/** A cluster zooms in on Enter as it does on a click. */
function zoomOnEnter(event) {
  if (event.originalEvent.key === "Enter") this.zoomToBounds();
}

/**
 * Creates the (empty) schools layer of the map for the caller me. onSelect({ code, props }) is called with the school's
 * code and GeoJSON properties (names) when its marker is clicked or chosen with Enter. The map container's data-schools
 * tells how many schools are shown ("failed" when they could not be loaded).
 */
export function createSchoolLayer(map, { me, onSelect }) {
  const L = window.L;
  /** A DivIcon whose element carries attributes and a background colour (set through the CSSOM, which the CSP allows). */
  const ColouredIcon = L.DivIcon.extend({
    createIcon(oldIcon) {
      const div = L.DivIcon.prototype.createIcon.call(this, oldIcon);
      for (const [name, value] of Object.entries(this.options.attrs)) div.setAttribute(name, value);
      div.style.backgroundColor = classColor(this.options.cls);
      return div;
    },
  });

  const container = map.getContainer();
  /** The shown district { kato, region }, whether its schools are drawn, their markers and score units by school code. */
  let shown = null;
  let loaded = false;
  let markers = [];
  let units = new Map();
  /** Counts requests so that only the answer to the latest one is used. */
  let requests = 0;

  const classOf = (marker) => unitClass(units.get(marker.options.code));

  const clusterIcon = (cluster) => {
    cluster.on("keypress", zoomOnEnter);
    const count = cluster.getChildCount();
    const classes = cluster.getAllChildMarkers().map(classOf).filter((cls) => cls !== null);
    const cls = classes.length > 0 ? Math.max(...classes) : null;
    return new ColouredIcon({
      className: "school-cluster",
      iconSize: [CLUSTER_SIZE, CLUSTER_SIZE],
      html: element("span", { text: formatNumber(count) }),
      cls,
      attrs: { "data-count": String(count), "data-class": String(cls ?? "none"), "aria-label": tPlural("schools.cluster", count, { class: className(cls) }) },
    });
  };

  /** The cluster layer, made once leaflet.markercluster has loaded (by the first show of schools). */
  let group = null;
  const clusterGroup = () => {
    if (!group) {
      group = L.markerClusterGroup({ iconCreateFunction: clusterIcon, maxClusterRadius: CLUSTER_RADIUS, showCoverageOnHover: false });
      map.addLayer(group);
    }
    return group;
  };

  const nameOf = (marker) => localizedName(marker.options.props);

  const schoolIcon = (marker) => {
    const { code } = marker.options;
    const unit = units.get(code);
    const cls = unitClass(unit);
    return new ColouredIcon({
      className: unit?.lowReliability ? "school-marker school-low" : "school-marker",
      iconSize: [MARKER_SIZE, MARKER_SIZE],
      html: false,
      cls,
      attrs: {
        "data-school": code,
        "data-class": String(cls ?? "none"),
        "aria-label": t(unit?.lowReliability ? "schools.markerLow" : "schools.marker", { name: nameOf(marker), class: className(cls) }),
      },
    });
  };

  /** Sets every marker's icon (and title) for the score units and the UI language, then the clusters' icons. */
  const drawIcons = () => {
    for (const marker of markers) {
      marker.options.title = nameOf(marker);
      marker.setIcon(schoolIcon(marker));
    }
    group?.refreshClusters();
  };

  const schoolMarker = (feature) => {
    const props = feature.properties ?? {};
    const [lon, lat] = feature.geometry.coordinates;
    const marker = L.marker([lat, lon], { code: String(props.code), props });
    const select = () => onSelect({ code: marker.options.code, props });
    marker.on("click", select);
    marker.on("keypress", (event) => {
      if (event.originalEvent.key === "Enter") select();
    });
    return marker;
  };

  const useScores = (table) => {
    units = new Map(table.units.map((unit) => [String(unit.code), unit]));
  };

  const clear = () => {
    requests++;
    shown = null;
    loaded = false;
    markers = [];
    units = new Map();
    group?.clearLayers();
    delete container.dataset.schools;
    delete container.dataset.revealed;
  };

  /** Settles once the latest request for a district's schools has been answered. */
  let drawn = Promise.resolve();

  /** Shows the schools of a district { kato, region } coloured by the view (period, measure, classes) of the run. */
  const show = async ({ run, district, view }) => {
    clear();
    if (!seesSchoolsIn(me, { region: district.region, district: district.kato })) return;
    const request = requests;
    shown = district;
    let done;
    drawn = new Promise((resolve) => {
      done = resolve;
    });
    try {
      const [schools, table] = await Promise.all([
        fetchSchools(district.kato), fetchSchoolScores({ run, district: district.kato, ...view }),
        loadScript(CLUSTER_SCRIPT), loadStyleSheet(CLUSTER_STYLE),
      ]);
      if (request !== requests) return;
      useScores(table);
      markers = schools.features.filter((feature) => feature.geometry?.type === "Point").map(schoolMarker);
      const layer = clusterGroup();
      drawIcons();
      layer.addLayers(markers);
      loaded = true;
      container.dataset.schools = String(markers.length);
    } catch (error) {
      reportBug(error);
      if (request === requests) container.dataset.schools = "failed";
    } finally {
      done();
    }
  };

  /** Once the district's schools are drawn, zooms the map to one school (a code) and marks its marker as the one open. */
  const reveal = async (code) => {
    await drawn;
    const marker = markers.find((m) => m.options.code === code);
    if (!marker) return;
    for (const m of markers) m.getElement()?.classList.remove("school-current");
    group.zoomToShowLayer(marker, () => {
      marker.getElement()?.classList.add("school-current");
      container.dataset.revealed = code;
    });
  };

  /** Recolours the shown schools for another view of the run. */
  const restyle = async ({ run, view }) => {
    if (shown === null) return;
    // While the schools are still loading, load them again for this view.
    if (!loaded) {
      await show({ run, district: shown, view });
      return;
    }
    const request = ++requests;
    try {
      const table = await fetchSchoolScores({ run, district: shown.kato, ...view });
      if (request !== requests) return;
      useScores(table);
      drawIcons();
    } catch (error) {
      reportBug(error);
    }
  };

  onLanguageChange(drawIcons);

  return { show, restyle, clear, reveal };
}
