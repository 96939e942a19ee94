// The map page's programme features, loaded only when used so that the map's first paint does not wait for the
// programme modules and their texts: a programme's targets (/?programme=12) and, for planners (the only role that adds
// targets; programmemap.js decides which units), the "Add to programme" action. Plain ES module: no globals.

import { reportBug } from "../shared/api.js";
import { PROGRAMME_PARAM } from "./deeplink.js";

/** Shows the programme the address names over the map, if it names one (showLinkedProgramme's arguments). */
export async function showLinkedProgramme(...args) {
  if (!new URLSearchParams(window.location.search).has(PROGRAMME_PARAM)) return;
  const overlay = await import("../programmes/programme-overlay.js");
  await overlay.showLinkedProgramme(...args);
}

/**
 * createProgrammeActions() of programmemap.js, loaded once a planner is signed in. Until then there is no button; the
 * profile open at that moment gets its button then, and onReady lets the caller redraw other buttons (hotspot rows).
 */
export function createProgrammeActions({ me, panel, slot, onReady }) {
  let actions = null;
  let shown = null;
  me.then(async (who) => {
    if (who?.role !== "planner") return;
    const { createProgrammeActions: create } = await import("../programmes/programmemap.js");
    // Given the caller itself, not the promise: the buttons drawn right below must already know who is signed in.
    actions = create({ who, panel, slot });
    if (shown) actions.showFor(shown);
    onReady();
  }).catch(reportBug);
  return {
    button: (unit) => actions?.button(unit) ?? null,
    showFor(unit) {
      shown = unit;
      if (actions) actions.showFor(unit);
    },
  };
}

