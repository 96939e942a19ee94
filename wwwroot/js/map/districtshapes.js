// The districts at the country's zooms, drawn from one simplified GeoJSON (the district index the page loads anyway,
// with outlines) instead of a dozen vector tiles: one request that index.html preloads, and no tile decoding before the
// first paint. Zoomed in, the vector tiles take over (districts.js). Plain ES module: no globals.

const katoOf = (feature) => String(feature.properties.kato);

/**
 * A GeoJSON layer of the districts (features with geometry and properties.kato), not yet on the map. styleOf, classOf,
 * isSelected and the handlers are those of createDistrictTiles; each district is one SVG path with class "district",
 * data-kato and data-class.
 */
export function createDistrictShapes(map, { pane, features, styleOf, classOf, isSelected, onClick, onOver, onMove, onOut }) {
  const layer = L.geoJSON({ type: "FeatureCollection", features: features.filter((feature) => feature.geometry) }, {
    pane,
    style: (feature) => styleOf(katoOf(feature)),
  });
  layer.on("click", (e) => onClick(e.layer.feature.properties, e));
  layer.on("mouseover", (e) => onOver(e.layer.feature.properties, e));
  layer.on("mousemove", (e) => onMove(e.layer.feature.properties, e));
  layer.on("mouseout", (e) => onOut(e.layer.feature.properties, e));

  function decorate(path) {
    const element = path.getElement();
    if (!element) return;
    const kato = katoOf(path.feature);
    element.dataset.kato = kato;
    element.dataset.class = classOf(kato);
    element.classList.toggle("selected", isSelected(path.feature.properties));
  }

  function apply(path, style) {
    path.setStyle({ ...L.Path.prototype.options, ...style });
  }

  return {
    /** Draws the districts (true) or takes them off the map (false). */
    show(visible) {
      if (visible === map.hasLayer(layer)) return;
      if (!visible) {
        layer.remove();
        return;
      }
      layer.addTo(map);
      layer.eachLayer(decorate);
    },

    restyle() {
      layer.eachLayer((path) => {
        apply(path, styleOf(katoOf(path.feature)));
        decorate(path);
      });
    },

    reselect() {
      layer.eachLayer(decorate);
    },

    emphasise(kato, extra) {
      layer.eachLayer((path) => {
        if (katoOf(path.feature) === kato) apply(path, { ...styleOf(kato), ...(extra ?? {}) });
      });
    },
  };
}
