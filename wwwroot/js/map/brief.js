// "Brief (PDF)": the server's brief of a region, or of the whole country for the analyst (GET /api/briefs/region.pdf and
// national.pdf: drawn from the API's figures as the caller may see them, in the UI language), fetched and saved as a file.
// Plain ES module: no globals.

import { element } from "../shared/dom.js";
import { saveFile } from "../shared/download.js";
import { getLanguage, t } from "../shared/i18n.js";
import "./brief-messages.js";

/**
 * Which brief the caller may have from the map: the region shown or, with none shown, the country's for an analyst (who
 * sees every region, so has no scope region); a planner's or education department's own region's. undefined for none
 * (the public, a data steward); null means the national brief.
 */
export function mapBriefRegion(me, shownRegion) {
  if (!me?.seesSchools) return undefined;
  if (me.scopeRegion) return me.scopeRegion;
  return shownRegion ?? null;
}

/** The brief's address: a region's, or the country's for a null region; the quarter shown and the UI language. */
export function briefUrl({ region, period }) {
  const params = new URLSearchParams();
  if (region) params.set("region", region);
  if (period) params.set("period", period);
  params.set("lang", getLanguage());
  return `/api/briefs/${region ? "region" : "national"}.pdf?${params}`;
}

async function fetchBrief(url) {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`brief ${response.status}`);
  return response.blob();
}

/**
 * A "Brief (PDF)" button in a box of its own: a click fetches the brief of which() ({ region, period }, region null for
 * the country's) and saves it. Returns { element, retranslate }.
 */
export function briefButton({ id, which }) {
  const button = element("button", { attrs: { type: "button", id } });
  const status = element("span", { className: "map-download-status", attrs: { role: "status" } });
  const box = element("p", { className: "map-download-box" });
  box.append(button, status);
  button.addEventListener("click", async () => {
    status.textContent = "";
    const { region, period } = which();
    try {
      saveFile(await fetchBrief(briefUrl({ region, period })), `riskmap-brief-${region ?? "kz"}-${period ?? "latest"}-${getLanguage()}.pdf`);
    } catch {
      status.textContent = t("brief.failed");
    }
  });
  const retranslate = () => {
    button.textContent = t("brief.download");
  };
  retranslate();
  return { element: box, retranslate };
}
