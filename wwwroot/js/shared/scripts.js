// Classic scripts (Leaflet plugins, which extend the global L) loaded when first needed rather than with the page.
// Plain ES module: no globals.

const loading = new Map();

/** Settles once the script at src has run; after a failure the next call tries again. */
export function loadScript(src) {
  if (!loading.has(src)) {
    loading.set(src, new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.addEventListener("load", resolve);
      script.addEventListener("error", () => {
        loading.delete(src);
        script.remove();
        reject(new Error(`${src} did not load`));
      });
      document.head.append(script);
    }));
  }
  return loading.get(src);
}
