// The emerging hot spots of the published run (GET /api/hotspots/emerging), fetched once per run, level and language and
// shared by the map layer, the profile and the hotspot list. The API lists only the units the caller sees in full, so
// the scope rule has one home, there: a unit missing from the answer is one this caller is not shown. Plain ES module.

import { requestJson } from "../shared/api.js";
import { getLanguage } from "../shared/i18n.js";

const answers = new Map();

/**
 * The answer for a level ("district" or "region") in the UI language, with its units by code in byCode; the same
 * promise for the same run, level and language. A failed request is asked again next time.
 */
export function emergingHotSpots({ run, level }) {
  const lang = getLanguage();
  const key = `${run}/${level}/${lang}`;
  if (!answers.has(key)) {
    const answer = requestJson(`/api/hotspots/emerging?${new URLSearchParams({ level, lang })}`)
      .then((body) => ({ ...body, byCode: new Map(body.units.map((unit) => [String(unit.code), unit])) }));
    answer.catch(() => answers.delete(key));
    answers.set(key, answer);
  }
  return answers.get(key);
}
