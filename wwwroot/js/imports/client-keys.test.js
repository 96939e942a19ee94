import assert from "node:assert/strict";
import { test } from "node:test";
import { codeList, keyStatus } from "./client-keys.js";

test("a key is revoked before it is expired, and active until its expiry", () => {
  const now = new Date("2026-12-07T21:00:00Z");
  assert.equal(keyStatus({ revokedAt: "2026-12-07T20:00:00Z", expiresAt: "2027-01-01T00:00:00Z" }, now), "revoked");
  assert.equal(keyStatus({ revokedAt: null, expiresAt: "2026-12-07T21:00:00Z" }, now), "expired");
  assert.equal(keyStatus({ revokedAt: null, expiresAt: "2026-12-07T21:00:01Z" }, now), "active");
});

test("codes are read from commas, semicolons and spaces", () => {
  assert.deepEqual(codeList(" offences_by_minors, suicides;750000000  710000000,"), ["offences_by_minors", "suicides", "750000000", "710000000"]);
  assert.deepEqual(codeList(""), []);
  assert.deepEqual(codeList(undefined), []);
});
