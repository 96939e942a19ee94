// The first frame of the map, drawn by the server (FirstFrameSvg) and put in the page by the host (MapPage): the
// country's districts in their public risk levels, shown before Leaflet and this bundle have run. Plain ES module: no globals.

const FRAME_SELECTOR = "#map > .first-frame";

/**
 * Marks `riskmap:first-frame-painted` at the time the browser put the frame on screen (Element Timing of its image,
 * which the browser records even before this module runs), for the map benchmark. No mark when the page has no frame.
 */
export function markFirstFramePainted() {
  if (!document.querySelector(FRAME_SELECTOR) || !PerformanceObserver.supportedEntryTypes?.includes("element")) return;
  const observer = new PerformanceObserver((list) => {
    const entry = list.getEntries().find((e) => e.identifier === "first-frame");
    if (!entry) return;
    observer.disconnect();
    performance.mark("riskmap:first-frame-painted", { startTime: entry.renderTime || entry.loadTime });
  });
  observer.observe({ type: "element", buffered: true });
}

/** Takes the frame away once Leaflet's own choropleth has been painted in its place (or the first load failed). */
export function removeFirstFrame() {
  document.querySelector(FRAME_SELECTOR)?.remove();
}

/**
 * Resolves once the page's first frame (with the server's first frame of the map, when it has one) has been made, so
 * that the map's scripts run after it: when they ran first (Leaflet's script deferred, this bundle), Chromium put nothing
 * on screen until they had. The timeout runs after the frame's paint task, whose raster goes on beside the scripts.
 */
export function afterFirstFrame() {
  // A page opened in a background tab makes no frame until it is shown: its map is made at once.
  if (document.visibilityState === "hidden") return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

/** Runs Leaflet's script, which index.html preloads (#leaflet-script), as a classic script; resolves when it has run. */
export function runLeaflet() {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.onload = resolve;
    script.onerror = reject;
    script.src = document.getElementById("leaflet-script").href;
    document.head.append(script);
  });
}
