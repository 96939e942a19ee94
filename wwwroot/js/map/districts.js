// The districts on the map: below TILES_FROM_ZOOM (the whole country, a large region) from one simplified GeoJSON
// (districtshapes.js), from there on from the vector tiles (districttiles.js), whose detail grows with the zoom. Both
// draw SVG paths with class "district", data-kato and data-class, styled and handled alike. Leaflet.VectorGrid, which
// draws the tiles, is loaded the first time the map is zoomed in, so that the first paint does not wait for it.
// Plain ES module: no globals.

import { reportBug } from "../shared/api.js";
import { loadScript } from "../shared/scripts.js";
import { createDistrictShapes } from "./districtshapes.js";
import { createDistrictTiles } from "./districttiles.js";

/**
 * From this zoom on the tiles are drawn. A half zoom, because the tiles are fetched for the nearest whole zoom
 * (Leaflet's GridLayer rounds it): from 6.5 on that is 7, where a simplified outline would show its corners.
 */
export const TILES_FROM_ZOOM = 6.5;
const VECTORGRID_SCRIPT = "/lib/leaflet.vectorgrid/Leaflet.VectorGrid.bundled.min.js";

/**
 * Adds the districts to the map; the options are those of createDistrictTiles, plus features, the districts as GeoJSON
 * features with simplified outlines. The map's container says data-tiles="ready" once the districts of its view are
 * drawn (tests and tools wait for it), "loading" while tiles are being fetched.
 */
export function createDistricts(map, { features, ...options }) {
  const shapes = createDistrictShapes(map, { features, ...options });
  const container = map.getContainer();
  const tilesShown = () => map.getZoom() >= TILES_FROM_ZOOM;
  let tiles = null;
  let tilesMade = null;

  /** The tile layer, made (after loading Leaflet.VectorGrid) the first time it is needed. */
  function makeTiles() {
    tilesMade ??= loadScript(VECTORGRID_SCRIPT).then(() => {
      tiles = createDistrictTiles(map, { ...options, minZoom: TILES_FROM_ZOOM });
      // Zoomed in, the shapes stay until the tiles of the view are drawn, so that the districts do not blink out.
      tiles.layer.on("load", () => {
        if (tilesShown()) shapes.show(false);
      });
      return tiles;
    }, (error) => {
      tilesMade = null;
      throw error;
    });
    return tilesMade;
  }

  const followZoom = () => {
    if (!tilesShown()) {
      shapes.show(true);
      container.dataset.tiles = "ready";
    } else if (!tiles) {
      container.dataset.tiles = "loading";
      makeTiles().catch(reportBug);
    } else if (!tiles.layer.isLoading()) {
      shapes.show(false);
    }
  };
  map.on("zoomend", followZoom);
  followZoom();

  return {
    /** Resolves once the districts of the first view have been drawn. */
    loaded: tilesShown() ? makeTiles().then((made) => made.loaded) : Promise.resolve(),

    /** Re-applies every drawn district's style, class and selection (after the score table or selection changed). */
    restyle() {
      shapes.restyle();
      tiles?.restyle();
    },

    /** Re-applies the selection only. */
    reselect() {
      shapes.reselect();
      tiles?.reselect();
    },

    /** Draws one district with extra style (hover), or, with null, as styleOf says. */
    emphasise(kato, extra) {
      shapes.emphasise(kato, extra);
      tiles?.emphasise(kato, extra);
    },
  };
}
