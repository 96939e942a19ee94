// The legend box of an emerging hot spot category: its fill with its outline, as the map draws it (emerging-style.js).
// Shared by the layer's legend, the profile and the hotspot list. Plain ES module.

import { OUTLINES, categoryStyle } from "./emerging-style.js";
import { swatch } from "./legend.js";

export function categorySwatch(category) {
  const style = categoryStyle(category) ?? categoryStyle("no-pattern");
  const box = swatch(style.fill);
  box.style.border = `2px ${style.outline === "plain" ? "solid" : style.outline} ${OUTLINES[style.outline].color}`;
  return box;
}
