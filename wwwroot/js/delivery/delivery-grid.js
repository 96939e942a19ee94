// What one cell of the delivery grid says: the statuses of its deliveries, worst first, so a grid of a region's
// quarters reads "2 missing, 12 late". Pure: the page renders it, the unit test checks it. Plain ES module: no globals.

/** The statuses from worst to best: a cell takes the class of its worst. */
export const STATUSES = Object.freeze(["missing", "late", "due", "received"]);

/** Counts of the cells' statuses in STATUSES order, only those present: [{ status, count }]. */
export function statusCounts(cells) {
  return STATUSES.map((status) => ({ status, count: cells.filter((c) => c.status === status).length })).filter((s) => s.count > 0);
}

/** The worst status of the cells, or null for none. */
export function worstStatus(cells) {
  return statusCounts(cells)[0]?.status ?? null;
}

/** The cells grouped by a key of each (e.g. region and period): a Map of key → cells. */
export function groupCells(cells, key) {
  const groups = new Map();
  for (const cell of cells) {
    const k = key(cell);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(cell);
  }
  return groups;
}

/** The quarters from–to as "2025Q4" strings, in order. */
export function quartersBetween(from, to) {
  const parse = (q) => Number(q.slice(0, 4)) * 4 + Number(q.slice(5)) - 1;
  const quarters = [];
  for (let i = parse(from); i <= parse(to); i++) quarters.push(`${Math.floor(i / 4)}Q${(i % 4) + 1}`);
  return quarters;
}
