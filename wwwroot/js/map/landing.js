// Where the map opens for a caller when the address names no unit: planners and education departments work on their
// own region (or district), so they land there on every visit; the analyst, the steward and the public keep the
// country. A link to a unit or to a programme says otherwise. Plain ES module: no globals.

const SCOPED_ROLES = new Set(["planner", "education"]);

/** The KATO to open for the signed-in caller (/api/auth/me), or null for the national view. */
export function landingUnit(me, search = window.location.search) {
  const params = new URLSearchParams(search);
  if (params.has("unit") || params.has("programme") || !SCOPED_ROLES.has(me?.role)) return null;
  return me.scopeDistrict ?? me.scopeRegion ?? null;
}
