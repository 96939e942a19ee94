// The map page's side panel as a bottom sheet on a phone: a handle opens and closes it by tap, and it opens by itself
// when focus moves into it (Tab, a skip link) or a profile opens. On wider screens the handle is hidden and the panel
// is always open (app.css). Plain ES module: no globals.

/** Wires the handle of the panel; returns open(), used when the panel gets something to show. */
export function initSheet(panel, handle) {
  const setOpen = (open) => {
    panel.dataset.sheet = open ? "open" : "closed";
    handle.setAttribute("aria-expanded", String(open));
  };
  setOpen(false);
  handle.addEventListener("click", () => setOpen(panel.dataset.sheet !== "open"));
  panel.addEventListener("focusin", (event) => {
    if (event.target !== handle) setOpen(true);
  });
  return { open: () => setOpen(true) };
}
