// Building elements. Plain ES module: no globals.

/** A new element with a class, text and attributes (e.g. data-i18n for text that page.js translates). */
export function element(tag, { className, text, attrs } = {}) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  for (const [name, value] of Object.entries(attrs ?? {})) el.setAttribute(name, value);
  return el;
}
