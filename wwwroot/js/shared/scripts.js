// Classic scripts (Leaflet plugins, which extend the global L) and their style sheets loaded when first needed rather
// than with the page. Plain ES module: no globals.

const loading = new Map();

/** Settles once the element made for address has loaded; after a failure the next call tries again. */
function load(address, make) {
  if (!loading.has(address)) {
    loading.set(address, new Promise((resolve, reject) => {
      const element = make();
      element.addEventListener("load", resolve);
      element.addEventListener("error", () => {
        loading.delete(address);
        element.remove();
        reject(new Error(`${address} did not load`));
      });
      document.head.append(element);
    }));
  }
  return loading.get(address);
}

/** Settles once the script at src has run. */
export function loadScript(src) {
  return load(src, () => Object.assign(document.createElement("script"), { src }));
}

/** Settles once the style sheet at href applies. */
export function loadStyleSheet(href) {
  return load(href, () => Object.assign(document.createElement("link"), { rel: "stylesheet", href }));
}
