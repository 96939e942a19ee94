// "Download map": the server's PNG of the view shown (GET /api/maps/image.png: drawn from PostGIS with the caller's
// scope, titled, with legend, scale bar, north arrow, attribution and demo marker) at the map's size in device pixels.
// A map the server does not draw (the quarter comparison's) is drawn here from what is on screen instead: the basemap
// tiles of this origin, the district and region layers (SVG), a title, the legend as the page shows it, the demo marker
// and the attribution. Plain ES module: no globals.

import { element } from "../shared/dom.js";
import { saveFile } from "../shared/download.js";
import { t } from "../shared/i18n.js";
import "./mapexport-messages.js";

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const PAD = 10;
const LINE = 16;
const SWATCH = 12;

/** An image of an element of the map (a same-origin <img>, or an <svg> serialised), or null when it cannot be drawn. */
async function imageOf(node) {
  if (node instanceof HTMLImageElement) {
    // Tiles of another origin would taint the canvas, so that it could not be saved.
    if (!node.complete || new URL(node.src, window.location.href).origin !== window.location.origin) return null;
    return node;
  }
  const rect = node.getBoundingClientRect();
  const copy = node.cloneNode(true);
  copy.setAttribute("width", String(rect.width));
  copy.setAttribute("height", String(rect.height));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  try {
    await image.decode();
    return image;
  } catch {
    return null;
  }
}

/** A box of lines of text with a white background at (x, y); align "left" or "right" (x is then the right edge). */
function textBox(context, lines, { x, y, align = "left", bold = false, size = 13 }) {
  context.font = `${bold ? "600 " : ""}${size}px ${FONT}`;
  const width = Math.max(...lines.map((line) => context.measureText(line).width)) + 2 * PAD;
  const height = lines.length * (size + 4) + PAD;
  const left = align === "right" ? x - width : x;
  context.fillStyle = "rgba(255, 255, 255, 0.92)";
  context.fillRect(left, y, width, height);
  context.fillStyle = "#1b1f24";
  context.textBaseline = "top";
  lines.forEach((line, i) => context.fillText(line, left + PAD, y + PAD / 2 + i * (size + 4)));
  return height;
}

/** The legend as the page shows it: [{ color, text }] of its items. */
function legendItems(legend) {
  return [...legend.querySelectorAll(".legend-item")].map((item) => ({
    color: item.querySelector(".legend-swatch")?.style.backgroundColor || "transparent",
    text: item.textContent.trim(),
  }));
}

function drawLegend(context, { title, items }, { x, bottom }) {
  context.font = `12px ${FONT}`;
  const width = Math.max(context.measureText(title).width, ...items.map((i) => context.measureText(i.text).width + SWATCH + 6)) + 2 * PAD;
  const height = (items.length + 1) * LINE + PAD;
  const top = bottom - height;
  context.fillStyle = "rgba(255, 255, 255, 0.92)";
  context.fillRect(x, top, width, height);
  context.textBaseline = "top";
  context.fillStyle = "#1b1f24";
  context.font = `600 12px ${FONT}`;
  context.fillText(title, x + PAD, top + PAD / 2);
  context.font = `12px ${FONT}`;
  items.forEach((item, i) => {
    const y = top + PAD / 2 + (i + 1) * LINE;
    context.fillStyle = item.color;
    context.fillRect(x + PAD, y, SWATCH, SWATCH);
    context.strokeStyle = "#5f6b7a";
    context.strokeRect(x + PAD, y, SWATCH, SWATCH);
    context.fillStyle = "#1b1f24";
    context.fillText(item.text, x + PAD + SWATCH + 6, y);
  });
}

/**
 * Draws the map container's picture into a canvas of its size (in device pixels). describe() gives
 * { title: [lines], legendTitle, demo, attribution }.
 */
export async function renderMapImage(container, legend, describe) {
  const box = container.getBoundingClientRect();
  const scale = window.devicePixelRatio || 1;
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(box.width * scale);
  canvas.height = Math.round(box.height * scale);
  const context = canvas.getContext("2d");
  context.scale(scale, scale);
  context.fillStyle = window.getComputedStyle(container).backgroundColor || "#ffffff";
  context.fillRect(0, 0, box.width, box.height);

  const layers = container.querySelectorAll(".leaflet-tile-pane img.leaflet-tile-loaded, .leaflet-pane svg");
  for (const node of layers) {
    const rect = node.getBoundingClientRect();
    if (rect.width === 0 || rect.right < box.left || rect.left > box.right || rect.bottom < box.top || rect.top > box.bottom) continue;
    const image = await imageOf(node);
    if (image) context.drawImage(image, rect.left - box.left, rect.top - box.top, rect.width, rect.height);
  }

  const { title, legendTitle, demo, attribution } = describe();
  textBox(context, title, { x: PAD, y: PAD, bold: true, size: 14 });
  if (demo) textBox(context, [t("mapexport.demo")], { x: box.width - PAD, y: PAD, align: "right", bold: true });
  context.font = `11px ${FONT}`;
  const attributionHeight = textBox(context, [attribution], { x: box.width - PAD, y: box.height - 2 * PAD - 11, align: "right", size: 11 });
  drawLegend(context, { title: legendTitle, items: legendItems(legend) }, { x: PAD, bottom: box.height - 2 * PAD - attributionHeight });
  return canvas;
}

/** The container's size in device pixels, within the 200–4000 pixels the server draws. */
function imageSize(container) {
  const box = container.getBoundingClientRect();
  const scale = window.devicePixelRatio || 1;
  const side = (length) => String(Math.min(4000, Math.max(200, Math.round(length * scale))));
  return { width: side(box.width), height: side(box.height) };
}

async function serverImage(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`map image ${response.status}`);
  return response.blob();
}

async function browserImage(container, legend, describe) {
  const canvas = await renderMapImage(container, legend, describe);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("no image"))), "image/png"));
}

/**
 * Adds a "Download map (PNG)" button to panel. imageUrl({ width, height }) is the server image's address for the view
 * shown, or null when the view is one the server does not draw (or no imageUrl is given); then the image is drawn here
 * (describe() as for renderMapImage). fileName() is the file's name; id and label() (the button's text) where a page has
 * several maps. The button stays hidden until show() is called (once the map is coloured).
 */
export function createMapExport(panel, { container, legend, describe, fileName, imageUrl = () => null, id = "map-download", label = () => t("mapexport.download") }) {
  const button = element("button", { className: "map-download", attrs: { type: "button", id } });
  const status = element("span", { className: "map-download-status", attrs: { role: "status" } });
  const wrap = element("p", { className: "map-download-box" });
  wrap.append(button, status);
  wrap.hidden = true;
  panel.append(wrap);

  button.addEventListener("click", async () => {
    status.textContent = "";
    try {
      const url = imageUrl(imageSize(container));
      saveFile(url ? await serverImage(url) : await browserImage(container, legend, describe), fileName());
    } catch {
      status.textContent = t("mapexport.failed");
    }
  });

  function render() {
    button.textContent = label();
  }
  render();
  return {
    show() {
      wrap.hidden = false;
    },
    retranslate: render,
  };
}
