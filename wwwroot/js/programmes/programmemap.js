// The map page's "Add to programme" action for planners: on a district's or school's profile and on each hotspot row
// of their region. It asks which of their programmes (or a new one) gets the unit, adds it as a target and says so,
// with a link to the programme. Plain ES module: no globals.

import { element } from "../shared/dom.js";
import { field, openFormDialog } from "../shared/form-dialog.js";
import { t } from "../shared/i18n.js";
import "./programmes-messages.js";
import { programmeBody, programmeFields } from "./programme-fields.js";
import { pageHref, quarterSpan } from "./programme-list.js";
import { addTarget, createProgramme, fetchProgrammes } from "./programmes-api.js";

const NEW = "new";

/** The programme select and the fields of a new programme, shown only when "a new programme" is chosen. */
function choiceFields(programmes) {
  const options = programmes.map((p) => ({ value: String(p.id), text: `${p.title} (${quarterSpan(p)})` }));
  const choice = field({ label: t("programmes.add.programme"), name: "programme", tag: "select", options: [...options, { value: NEW, text: t("programmes.add.newOption") }] });
  const fresh = element("fieldset", { className: "new-programme-fields" });
  fresh.append(element("legend", { text: t("programmes.new") }), ...programmeFields());
  const select = choice.querySelector("select");
  const sync = () => {
    fresh.hidden = select.value !== NEW;
    fresh.disabled = fresh.hidden;
  };
  select.addEventListener("change", sync);
  sync();
  return [choice, fresh];
}

/**
 * Creates the action. who: the signed-in caller (/api/me); panel: the element the confirmation is put into; slot: the
 * element on the profile panel that holds the profile's button.
 */
export function createProgrammeActions({ who, panel, slot }) {
  const notice = element("p", { className: "programme-notice", attrs: { role: "status", tabindex: "-1" } });
  notice.hidden = true;
  panel.prepend(notice);

  function confirm(unitName, programme) {
    const link = element("a", { text: t("programmes.add.open"), attrs: { href: pageHref("/programmes.html", { id: programme.id }) } });
    notice.replaceChildren(t("programmes.add.done", { unit: unitName, programme: programme.title }), " ", link);
    notice.hidden = false;
    notice.focus();
  }

  async function open(unit) {
    const programmes = await fetchProgrammes(who.scopeRegion);
    // A programme created by an attempt whose target was refused is reused by the next attempt.
    let created = null;
    const result = await openFormDialog({
      title: t("programmes.add.title", { unit: unit.name }),
      fields: choiceFields(programmes),
      submitLabel: t("programmes.add.submit"),
      onSubmit: async (form) => {
        const chosen = form.elements.programme.value;
        let programme = programmes.find((p) => String(p.id) === chosen);
        if (chosen === NEW) programme = created ??= await createProgramme(programmeBody(form));
        await addTarget(programme.id, unit.level, unit.code);
        return programme;
      },
    });
    if (result) confirm(unit.name, result);
  }

  /** The button that adds the unit { level, code, name, region } to a programme, or null where the caller may not. */
  function button(unit) {
    if (who.role !== "planner" || who.scopeRegion !== unit.region) return null;
    const el = element("button", {
      className: "link-button add-to-programme",
      text: t("programmes.add.button"),
      attrs: { type: "button", "aria-label": t("programmes.add.buttonFor", { unit: unit.name }) },
    });
    el.addEventListener("click", (event) => {
      event.stopPropagation();
      open(unit).catch((error) => {
        notice.textContent = t("programmes.problem.failed", { detail: error?.detail ?? "" });
        notice.hidden = false;
        notice.focus();
      });
    });
    return el;
  }

  return {
    button,
    /** Puts the button of the unit whose profile is open on the profile panel. */
    showFor(unit) {
      const el = button(unit);
      slot.replaceChildren(...(el ? [el] : []));
    },
  };
}
