// District names over the map where they fit: none at the country's zoom, and from MIN_ZOOM on only those that overlap
// no region name and no larger district's name already placed. Plain ES module: no globals.

/** At the country's zoom (about 5) 224 names would cover the map; from here a region's districts are readable. */
const MIN_ZOOM = 7;
/** Pixels kept clear around each name. */
const GAP = 4;

function overlaps(a, b) {
  return a.left - GAP < b.right && b.left - GAP < a.right && a.top - GAP < b.bottom && b.top - GAP < a.bottom;
}

/**
 * Adds a label for each district (GeoJSON features with properties.label [lon, lat] and area_km2) to the pane once the
 * map is first zoomed in to MIN_ZOOM (the country's first view needs none); nameOf(feature) gives the name in the UI
 * language, avoid() the elements to keep clear of (the region names).
 */
export function createDistrictLabels(map, { pane, districts, nameOf, avoid }) {
  let labels = [];

  function addLabels() {
    labels = districts
      .filter((feature) => Array.isArray(feature.properties?.label))
      .sort((a, b) => Number(b.properties.area_km2 ?? 0) - Number(a.properties.area_km2 ?? 0))
      .map((feature) => {
        const [lon, lat] = feature.properties.label;
        const marker = L.marker([lat, lon], {
          pane,
          interactive: false,
          keyboard: false,
          icon: L.divIcon({ className: "district-label", html: "", iconSize: null }),
        }).addTo(map);
        const element = marker.getElement();
        element.dataset.kato = String(feature.properties.kato ?? feature.id ?? "");
        element.textContent = nameOf(feature);
        return { feature, marker, element };
      });
  }

  // All boxes are read after all writes and before the next ones, so that the browser lays the page out once per
  // placement instead of once per label; at the country's zoom nothing is measured at all.
  function place() {
    if (map.getZoom() < MIN_ZOOM) {
      for (const { element } of labels) element.hidden = true;
      return;
    }
    if (labels.length === 0) addLabels();
    for (const { element } of labels) {
      element.hidden = false;
      element.style.visibility = "hidden";
    }
    const view = map.getContainer().getBoundingClientRect();
    const placed = avoid().map((element) => element.getBoundingClientRect());
    const boxes = labels.map(({ element }) => element.getBoundingClientRect());
    labels.forEach(({ element }, i) => {
      const box = boxes[i];
      const fits = overlaps(box, view) && !placed.some((other) => overlaps(box, other));
      element.hidden = !fits;
      element.style.visibility = "";
      if (fits) placed.push(box);
    });
  }

  function retranslate() {
    for (const { feature, element } of labels) element.textContent = nameOf(feature);
    place();
  }

  map.on("zoomend moveend resize", place);
  place();
  return { retranslate };
}
