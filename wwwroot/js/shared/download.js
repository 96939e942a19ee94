// Saving a file the page fetched (a map image, a brief) under a name. Plain ES module: no globals.

import { element } from "./dom.js";

/** The previous file's address, released at the next save (the browser may still be saving it now). */
let lastUrl = null;

/** Saves the blob as a file named fileName, as a link with a download attribute would. */
export function saveFile(blob, fileName) {
  if (lastUrl) URL.revokeObjectURL(lastUrl);
  lastUrl = URL.createObjectURL(blob);
  const link = element("a", { attrs: { href: lastUrl, download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
}
