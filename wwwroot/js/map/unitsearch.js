// "Find a region or district": a text field with the names of every region and district as suggestions, the
// keyboard's way to any unit of the map (the map's shapes themselves take a pointer). Plain ES module: no globals.

import { addMessages, t } from "../shared/i18n.js";
import { SEARCH_MESSAGES } from "./unitsearch-messages.js";

addMessages(SEARCH_MESSAGES);

/**
 * Wires the field (input[list] with its datalist) and a status element for "no match". units() gives the current
 * choices [{ kato, label }] in the UI language; onSelect(kato) opens the chosen one.
 */
export function initUnitSearch({ input, list, status, units, onSelect }) {
  let choices = [];

  function render() {
    choices = units();
    list.replaceChildren(...choices.map(({ label }) => {
      const option = document.createElement("option");
      option.value = label;
      return option;
    }));
  }

  /** The unit whose name is the text, or the only one whose name contains it; null for none or several. */
  function match(text) {
    const wanted = text.trim().toLocaleLowerCase();
    if (wanted === "") return null;
    const exact = choices.find(({ label }) => label.toLocaleLowerCase() === wanted);
    if (exact) return exact;
    const partial = choices.filter(({ label }) => label.toLocaleLowerCase().includes(wanted));
    return partial.length === 1 ? partial[0] : null;
  }

  function choose() {
    const text = input.value;
    const unit = match(text);
    input.setAttribute("aria-invalid", String(unit === null && text.trim() !== ""));
    status.textContent = unit === null && text.trim() !== "" ? t("search.noMatch", { text: text.trim() }) : "";
    if (unit) {
      input.value = unit.label;
      onSelect(unit.kato);
    }
  }

  input.addEventListener("change", choose);
  // Enter in the field would submit the selectors' form (and reload the page); it chooses instead.
  input.form.addEventListener("submit", (event) => {
    event.preventDefault();
    choose();
  });

  return {
    /** Refreshes the suggestions (after the units are known, or in another language). */
    render,
  };
}
