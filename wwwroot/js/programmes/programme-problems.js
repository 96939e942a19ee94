// What a failed programme request means to the user, by the problem code the server sent, in the UI language.
// Plain ES module: no globals.

import { t } from "../shared/i18n.js";

const CODES = new Set([
  "sign-in-required", "forbidden", "not-found", "duplicate-target", "version-mismatch", "if-match-required", "rate-limited",
]);

/** A sentence for the error of a programme request (an ApiError). */
export function problemText(error) {
  const code = error?.problem?.code;
  if (CODES.has(code)) return t(`programmes.problem.${code}`);
  if (code === "validation-failed") return error.problem.detail ?? t("programmes.problem.failed", { detail: "" });
  return t("programmes.problem.failed", { detail: error?.detail ?? "" });
}

/** Whether the error is a refusal because someone else changed the object first. */
export function isStale(error) {
  return error?.problem?.code === "version-mismatch";
}
