// A programme's targets on the map (/?programme=12): district outlines and school markers above the choropleth,
// those with overdue measures dashed, and a panel that lists them in words with a link back to the programme.
// Plain ES module: no globals.

import { reportBug } from "../shared/api.js";
import { element } from "../shared/dom.js";
import { formatNumber, localizedName, onLanguageChange, t } from "../shared/i18n.js";
import "./programmes-messages.js";
import { pageHref } from "./programme-list.js";
import { fetchProgramme, fetchProgrammeTargets } from "./programmes-api.js";
import { PROGRAMME_PARAM as PARAM } from "../map/deeplink.js";
import palette from "../map/palette.json" with { type: "json" };

const L = window.L;
const PANE = "programme-targets";
/** Outlines apart from the class colours; overdue ones are also dashed, so colour is not the only sign. */
const TARGET_COLOR = palette.target.color;
const OVERDUE_COLOR = "#a01818";

function targetName(props) {
  return localizedName({ name_kk: props.nameKk, name_ru: props.nameRu, name_en: props.nameEn });
}

function describe(props) {
  const measures = t("programmes.overlay.measures", { n: formatNumber(props.measures) });
  return props.overdueMeasures > 0 ? `${measures} · ${t("programmes.overlay.overdue", { n: formatNumber(props.overdueMeasures) })}` : measures;
}

function layerOf(collection) {
  return L.geoJSON(collection, {
    pane: PANE,
    interactive: false,
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 8 }),
    onEachFeature: (feature, layer) => {
      // Leaflet sets a path's class when it is first drawn, so before the layer is added to the map.
      const overdue = feature.properties.overdueMeasures > 0;
      layer.options.className = `programme-target${overdue ? " is-overdue" : ""}`;
      layer.options.pane = PANE;
    },
    style: (feature) => {
      const overdue = feature.properties.overdueMeasures > 0;
      const color = overdue ? OVERDUE_COLOR : TARGET_COLOR;
      return { color, fillColor: color, fillOpacity: 0.5, weight: palette.target.weight, fill: feature.geometry.type === "Point", dashArray: overdue ? "6 4" : null };
    },
  });
}

/**
 * Draws the programme the address names, if any, and lists its targets in a panel put first in panelParent;
 * fit: whether to zoom to the targets (not when the address also opens a unit).
 */
export async function showLinkedProgramme(map, panelParent, { fit }) {
  const id = new URLSearchParams(window.location.search).get(PARAM);
  if (!id) return;
  const panel = element("section", { className: "programme-overlay", attrs: { id: "programme-overlay", "aria-labelledby": "programme-overlay-title" } });
  panelParent.prepend(panel);
  let data;
  try {
    data = await Promise.all([fetchProgramme(id), fetchProgrammeTargets(id)]);
  } catch (error) {
    reportBug(error);
    panel.replaceChildren(element("p", { className: "profile-note", text: t("programmes.overlay.failed") }));
    return;
  }
  const [programme, targets] = data;
  if (!map.getPane(PANE)) map.createPane(PANE).style.zIndex = "415";
  const layer = layerOf(targets).addTo(map);
  if (fit && targets.features.length) map.fitBounds(layer.getBounds(), { animate: false, padding: [24, 24], maxZoom: 12 });

  const render = () => {
    const list = element("ul", { className: "programme-overlay-list" });
    for (const feature of targets.features) {
      const item = element("li", { attrs: { "data-code": String(feature.properties.code) } });
      if (feature.properties.overdueMeasures > 0) item.classList.add("is-overdue");
      item.append(element("span", { className: "target-name", text: targetName(feature.properties) }), " — ", describe(feature.properties));
      list.append(item);
    }
    const hide = element("button", { className: "secondary-button", text: t("programmes.overlay.hide"), attrs: { type: "button" } });
    hide.addEventListener("click", () => {
      stopTranslating();
      layer.remove();
      panel.remove();
      const url = new URL(window.location.href);
      url.searchParams.delete(PARAM);
      window.history.replaceState(window.history.state, "", url);
    });
    panel.replaceChildren(
      element("h2", { className: "legend-title", text: t("programmes.overlay.title", { title: programme.title }), attrs: { id: "programme-overlay-title" } }),
      targets.features.length ? list : element("p", { className: "profile-note", text: t("programmes.noTargets") }),
      element("a", { text: t("programmes.overlay.open"), attrs: { href: pageHref("/programmes.html", { id: programme.id }) } }),
      hide,
    );
  };
  render();
  const stopTranslating = onLanguageChange(render);
}
