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
