// "Find a region or district": the keyboard's way to any unit of the map (its shapes take a pointer). The text is
// searched on the server (GET /api/search): every name in kk/ru/en, official and former names, and the schools the
// caller may see. One fitting unit opens at once; several are listed to choose from. Plain ES module: no globals.

import { reportBug, requestJson } from "../shared/api.js";
import { element } from "../shared/dom.js";
import { addMessages, t, tPlural } from "../shared/i18n.js";
import { SEARCH_MESSAGES } from "./unitsearch-messages.js";

addMessages(SEARCH_MESSAGES);

const MIN_LENGTH = 2;

/** The one match the text means: the only match, or the only one named exactly so; null when the user must choose. */
export function chosenMatch(matches) {
  if (matches.length === 1) return matches[0];
  const exact = matches.filter((match) => match.exact);
  return exact.length === 1 ? exact[0] : null;
}

/**
 * Wires the field, the list of matches and a status element. labelOf(match) names a match in the UI language
 * ("District (Region)"); onSelect(match) opens it ({ level, code, regionKato, districtKato, nameKk, nameRu, nameEn }).
 */
export function initUnitSearch({ input, results, status, labelOf, onSelect }) {
  // What the last search found for its text; chosen once a match was opened (its label is then the text).
  let shown = { text: null, matches: [], more: false, chosen: false };
  let pending = null;

  function select(match) {
    input.value = labelOf(match);
    shown = { text: input.value, matches: [], more: false, chosen: true };
    renderResults();
    input.setAttribute("aria-invalid", "false");
    status.textContent = "";
    onSelect(match);
  }

  function renderResults() {
    const { matches, more } = shown;
    results.hidden = matches.length === 0;
    input.setAttribute("aria-expanded", String(matches.length > 0));
    const items = matches.map((match) => {
      const button = element("button", { className: "search-result", attrs: { type: "button", "data-code": match.code, "data-level": match.level } });
      button.append(
        element("span", { className: "search-result-name", text: labelOf(match) }),
        element("span", { className: "search-result-level", text: t(`search.level.${match.level}`) }),
      );
      button.addEventListener("click", () => {
        select(match);
        input.focus();
      });
      const item = element("li");
      item.append(button);
      return item;
    });
    results.replaceChildren(...items);
    if (more) results.append(element("li", { className: "search-more", text: t("search.more") }));
  }

  function renderStatus() {
    const { text, matches, chosen } = shown;
    const none = !chosen && text !== null && matches.length === 0;
    input.setAttribute("aria-invalid", String(none));
    status.textContent = none ? t("search.noMatch", { text })
      : matches.length > 1 ? tPlural("search.choose", matches.length, { text })
      : "";
  }

  async function search() {
    const text = input.value.trim();
    // Enter fires both change and submit: one search per text.
    if (text === "" || text === shown.text || text === pending) return;
    pending = text;
    let answer = { matches: [], more: false };
    if (text.length >= MIN_LENGTH) {
      try {
        answer = await requestJson(`/api/search?q=${encodeURIComponent(text)}`);
      } catch (error) {
        reportBug(error);
      }
    }
    if (pending !== text) return; // a newer search has started
    pending = null;
    const match = chosenMatch(answer.matches);
    if (match) {
      select(match);
      return;
    }
    shown = { text, matches: answer.matches, more: answer.more, chosen: false };
    renderResults();
    renderStatus();
  }

  input.setAttribute("aria-controls", results.id);
  input.addEventListener("change", () => search().catch(reportBug));
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && !results.hidden) {
      event.preventDefault();
      results.querySelector("button")?.focus();
    }
  });
  results.addEventListener("keydown", (event) => {
    const buttons = [...results.querySelectorAll("button")];
    const at = buttons.indexOf(document.activeElement);
    if (at < 0 || !["ArrowDown", "ArrowUp", "Escape"].includes(event.key)) return;
    event.preventDefault();
    if (event.key === "Escape") input.focus();
    else buttons[Math.min(buttons.length - 1, Math.max(0, at + (event.key === "ArrowDown" ? 1 : -1)))].focus();
  });
  // Enter in the field would submit the selectors' form (and reload the page); it searches instead.
  input.form.addEventListener("submit", (event) => {
    event.preventDefault();
    search().catch(reportBug);
  });

  return {
    /** Re-renders the listed matches and the status in another language. */
    render() {
      renderResults();
      renderStatus();
    },
  };
}
