// How the comparison table sorts its units: by a column, ascending or descending, units without a value last,
// ties by code. Pure (no DOM), so it has unit tests beside it. Plain ES module: no globals.

/** The sortable columns and the value each reads from a unit (name: the unit's name in the UI language, given). */
export const SORT_COLUMNS = Object.freeze({
  name: (unit, name) => name(unit),
  baseClass: (unit) => unit.baseClass,
  otherClass: (unit) => unit.otherClass,
  classChange: (unit) => unit.classChange,
  baseRank: (unit) => unit.baseRank,
  otherRank: (unit) => unit.otherRank,
  rankChange: (unit) => unit.rankChange,
});

/** A new array of the units sorted by the column; direction "ascending" or "descending". */
export function sortUnits(units, column, direction, name = (unit) => unit.code) {
  const read = SORT_COLUMNS[column] ?? SORT_COLUMNS.name;
  const sign = direction === "descending" ? -1 : 1;
  return [...units].sort((a, b) => {
    const [x, y] = [read(a, name), read(b, name)];
    const missing = (x == null) - (y == null);
    if (missing !== 0) return missing;
    if (x != null && x !== y) {
      const order = typeof x === "string" ? x.localeCompare(y) : x - y;
      if (order !== 0) return sign * order;
    }
    return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
  });
}

/** The direction after a click on a column: the other one on the sorted column, else the column's natural one. */
export function nextSort(current, column) {
  if (current.column === column) return { column, direction: current.direction === "ascending" ? "descending" : "ascending" };
  // Changes read best largest first; names and ranks from the top.
  const descending = column === "classChange" || column === "baseClass" || column === "otherClass";
  return { column, direction: descending ? "descending" : "ascending" };
}
