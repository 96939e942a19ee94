// RiskMap: pure helpers of the agency clients' section (no DOM), so node --test can check them.

/** A key's state now: revoked, expired or active. */
export function keyStatus(key, now = new Date()) {
  if (key.revokedAt) return "revoked";
  return new Date(key.expiresAt) <= now ? "expired" : "active";
}

/** "a, b; c" as the steward types codes: a list of them. */
export function codeList(text) {
  return String(text ?? "").split(/[\s,;]+/).filter((code) => code.length > 0);
}
