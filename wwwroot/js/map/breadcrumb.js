// The breadcrumb above the map, "Kazakhstan › Region › District": every crumb but the last goes back up.
// Plain ES module: no globals.

import { element } from "../shared/dom.js";

/** Renders crumbs [{ text, onSelect }] into the nav root; the last one is the current view. */
export function renderBreadcrumb(root, crumbs) {
  const list = element("ol", { className: "breadcrumb-list" });
  crumbs.forEach((crumb, i) => {
    const item = element("li", { className: "breadcrumb-item" });
    if (i === crumbs.length - 1) {
      item.append(element("span", { className: "breadcrumb-current", text: crumb.text, attrs: { "aria-current": "location" } }));
    } else {
      const button = element("button", { className: "breadcrumb-link", text: crumb.text, attrs: { type: "button" } });
      button.addEventListener("click", crumb.onSelect);
      item.append(button);
    }
    list.append(item);
  });
  root.replaceChildren(list);
}
