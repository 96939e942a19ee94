// The districts, drawn from the service's Mapbox Vector Tiles (/tiles/districts) with leaflet.vectorgrid's SVG
// renderer, and coloured in the browser from the score table of the selected view, so that changing the period,
// measure or classes restyles the drawn tiles instead of fetching new ones. Plain ES module: no globals.
//
// Leaflet.VectorGrid 1.3.0 (pinned by the lockfile) has no public way to reach a drawn feature; it keeps each tile's
// renderer in _vectorTiles and the features of a tile, by getFeatureId, in the renderer's _features. That is used here
// and only here.

const LAYER = "districts";

/**
 * Adds the districts layer to the map, drawn from minZoom on. styleOf(kato) gives a district's Leaflet path style, classOf(kato) its class
 * ("1" … "5", "suppressed" or "none") and isSelected(properties) whether it is selected; the handlers receive the tile feature's
 * properties and the event. A district's SVG paths (one per tile it crosses) carry class "district", data-kato and
 * data-class, for tests and assistive tools.
 */
export function createDistrictTiles(map, { pane, bounds, minZoom, styleOf, classOf, isSelected, onClick, onOver, onMove, onOut }) {
  const layer = L.vectorGrid.protobuf("/tiles/districts/{z}/{x}/{y}.mvt", {
    pane,
    bounds,
    minZoom,
    maxNativeZoom: 14,
    interactive: true,
    rendererFactory: L.svg.tile,
    fetchOptions: { credentials: "same-origin" },
    getFeatureId: (feature) => String(feature.properties.kato),
    vectorTileLayerStyles: { [LAYER]: (properties) => ({ ...styleOf(String(properties.kato)), className: "district" }) },
  });

  function* drawn() {
    for (const renderer of Object.values(layer._vectorTiles)) {
      for (const [kato, { feature }] of Object.entries(renderer._features)) {
        if (feature._path) yield { kato, feature, renderer };
      }
    }
  }

  function decorate({ kato, feature }) {
    const path = feature._path;
    path.dataset.kato = kato;
    path.dataset.class = classOf(kato);
    path.classList.toggle("selected", isSelected(feature.properties));
  }

  function apply(item, style) {
    item.feature.updateStyle(item.renderer, { ...L.Path.prototype.options, ...style });
  }

  // Tests and tools wait for data-tiles="ready" before they touch a district.
  const container = map.getContainer();
  layer.on("loading", () => {
    container.dataset.tiles = "loading";
  });
  layer.on("load", () => {
    container.dataset.tiles = "ready";
  });
  layer.on("tileload", () => {
    for (const item of drawn()) decorate(item);
  });
  layer.on("click", (e) => onClick(e.layer.properties, e));
  layer.on("mouseover", (e) => onOver(e.layer.properties, e));
  layer.on("mousemove", (e) => onMove(e.layer.properties, e));
  layer.on("mouseout", (e) => onOut(e.layer.properties, e));

  const loaded = new Promise((resolve) => layer.once("load", resolve));
  layer.addTo(map);

  return {
    layer,

    /** Resolves once the tiles of the first view have been drawn. */
    loaded,

    /** Re-applies every drawn district's style, class and selection (after the score table or selection changed). */
    restyle() {
      for (const item of drawn()) {
        apply(item, styleOf(item.kato));
        decorate(item);
      }
    },

    /** Re-applies the selection only. */
    reselect() {
      for (const item of drawn()) decorate(item);
    },

    /** Draws one district with extra style (hover), or, with null, as styleOf says. */
    emphasise(kato, extra) {
      for (const item of drawn()) {
        if (item.kato === kato) apply(item, { ...styleOf(kato), ...(extra ?? {}) });
      }
    },
  };
}
