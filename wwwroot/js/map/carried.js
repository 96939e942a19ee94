// Where a region's or district's history was carried across a boundary change (the profile API's "carried"): the
// consecutive quarters carried from one vintage the same way make one note under the profile's trend. Plain ES module.

import { element } from "../shared/dom.js";
import { formatQuarter, t } from "../shared/i18n.js";
import "./carried-messages.js";

/** The profile API's "by" as a message key. */
const BY_KEYS = { pupils: "pupils", area: "area", "pupils and area": "mixed" };

/**
 * The runs of consecutive history quarters carried from the same vintage the same way, oldest first:
 * [{ from, to, vintage, by }] with from/to quarters such as "2023Q4".
 */
export function carriedRuns(history, carried) {
  const byPeriod = new Map((carried ?? []).map((c) => [c.period, c]));
  const runs = [];
  let run = null;
  for (const { period } of history) {
    const c = byPeriod.get(period);
    if (c && run && run.vintage === c.vintage && run.by === c.by) run.to = period;
    else run = c ? { from: period, to: period, vintage: c.vintage, by: c.by } : null;
    if (run && run.from === period) runs.push(run);
  }
  return runs;
}

/** The notes for a profile of a level ("region" or "district"), one paragraph per run; none when nothing was carried. */
export function carriedNotes(level, history, carried) {
  return carriedRuns(history, carried).map((run) => element("p", {
    className: "profile-note profile-carried",
    text: t(`carried.${level}`, {
      quarters: run.from === run.to ? formatQuarter(run.from) : `${formatQuarter(run.from)} – ${formatQuarter(run.to)}`,
      vintage: run.vintage,
      by: t(`carried.by.${BY_KEYS[run.by]}`),
    }),
  }));
}
