// The districts on the map: below TILES_FROM_ZOOM (the whole country, a large region) from one simplified GeoJSON
// (districtshapes.js), from there on from the vector tiles (districttiles.js), whose detail grows with the zoom. Both
// draw SVG paths with class "district", data-kato and data-class, styled and handled alike. Plain ES module: no globals.

import { createDistrictShapes } from "./districtshapes.js";
import { createDistrictTiles } from "./districttiles.js";

/**
 * From this zoom on the tiles are drawn. A half zoom, because the tiles are fetched for the nearest whole zoom
 * (Leaflet's GridLayer rounds it): from 6.5 on that is 7, where a simplified outline would show its corners.
 */
export const TILES_FROM_ZOOM = 6.5;

/**
 * Adds the districts to the map; the options are those of createDistrictTiles, plus features, the districts as GeoJSON
 * features with simplified outlines. The map's container says data-tiles="ready" once the districts of its view are
 * drawn (tests and tools wait for it), "loading" while tiles are being fetched.
 */
export function createDistricts(map, { features, ...options }) {
  const shapes = createDistrictShapes(map, { features, ...options });
  const tiles = createDistrictTiles(map, { ...options, minZoom: TILES_FROM_ZOOM });
  const container = map.getContainer();
  const tilesShown = () => map.getZoom() >= TILES_FROM_ZOOM;

  // Zoomed in, the shapes stay until the tiles of the view are drawn, so that the districts do not blink out.
  tiles.layer.on("load", () => {
    if (tilesShown()) shapes.show(false);
  });
  const followZoom = () => {
    if (tilesShown()) {
      if (!tiles.layer.isLoading()) shapes.show(false);
      return;
    }
    shapes.show(true);
    container.dataset.tiles = "ready";
  };
  map.on("zoomend", followZoom);
  followZoom();

  return {
    /** Resolves once the districts of the first view have been drawn. */
    loaded: tilesShown() ? tiles.loaded : Promise.resolve(),

    /** Re-applies every drawn district's style, class and selection (after the score table or selection changed). */
    restyle() {
      shapes.restyle();
      tiles.restyle();
    },

    /** Re-applies the selection only. */
    reselect() {
      shapes.reselect();
      tiles.reselect();
    },

    /** Draws one district with extra style (hover), or, with null, as styleOf says. */
    emphasise(kato, extra) {
      shapes.emphasise(kato, extra);
      tiles.emphasise(kato, extra);
    },
  };
}
