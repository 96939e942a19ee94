// One programme: its facts, links (map, Excel, print), the Plan table of targets and measures and the effectiveness
// section. A planner of its region also gets the forms that change it; everyone else reads it. Plain ES module.

import { element } from "../shared/dom.js";
import { effectivenessSection } from "./effectiveness-chart.js";
import { confirmAction, openFormDialog } from "../shared/form-dialog.js";
import { getLanguage, t } from "../shared/i18n.js";
import { openAddMeasure, openEditMeasure } from "./measure-form.js";
import { planTable } from "./plan-table.js";
import { programmeBody, programmeFields } from "./programme-fields.js";
import { nameOf, pageHref, quarterSpan } from "./programme-list.js";
import { deleteMeasure, deleteProgramme, exportLinks, removeTarget, updateProgramme } from "./programmes-api.js";
import { openProgressForm } from "./progress-form.js";
import { isStale } from "./programme-problems.js";
import { addFact, timeElement } from "../shared/status-view.js";

/** Whether the caller may change the programme: a planner of its region. */
function canEdit(me, programme) {
  return me.role === "planner" && me.scopeRegion === programme.regionKato;
}

function link(text, href, attrs = {}) {
  return element("a", { className: "secondary-button link-as-button", text, attrs: { href, ...attrs } });
}

function button(text, onClick, attrs = {}) {
  const el = element("button", { className: "secondary-button", text, attrs: { type: "button", ...attrs } });
  el.addEventListener("click", onClick);
  return el;
}

/**
 * The planner's handlers. changed(noticeKey, params) reloads the programme and announces what was done; stale()
 * reloads it after someone else's change; deleted() leaves for the list.
 */
function plannerActions(programme, catalogue, { changed, stale, deleted }) {
  const onError = (error) => {
    if (isStale(error)) stale();
  };
  const after = (key, params) => (result) => {
    if (result) changed(key, params);
  };
  return {
    onAddMeasure: (target) => openAddMeasure(programme, target, catalogue, { onError }).then(after("programmes.done.measureAdded", { target: nameOf(target.name) })),
    onEditMeasure: (measure) => openEditMeasure(programme, measure, { onError }).then(after("programmes.done.measureSaved", { measure: nameOf(measure.measure.name) })),
    onProgress: (measure) => openProgressForm(programme, measure, { onError }).then(after("programmes.done.progressRecorded", { measure: nameOf(measure.measure.name) })),
    onDeleteMeasure: (measure) => confirmAction({
      title: t("programmes.measure.deleteTitle", { measure: nameOf(measure.measure.name) }),
      text: t("programmes.measure.deleteText"),
      confirmLabel: t("programmes.measure.delete"),
      onConfirm: () => deleteMeasure(programme.id, measure),
      onError,
    }).then(after("programmes.done.measureDeleted", { measure: nameOf(measure.measure.name) })),
    onRemoveTarget: (target) => confirmAction({
      title: t("programmes.target.removeTitle", { target: nameOf(target.name) }),
      text: t("programmes.target.removeText"),
      confirmLabel: t("programmes.target.remove"),
      onConfirm: () => removeTarget(programme.id, target.id),
    }).then(after("programmes.done.targetRemoved", { target: nameOf(target.name) })),
    onEdit: () => openFormDialog({
      title: t("programmes.editTitle"),
      fields: programmeFields(programme),
      submitLabel: t("programmes.save"),
      onSubmit: (form) => updateProgramme(programme, programmeBody(form)),
      onError,
    }).then(after("programmes.done.programmeSaved", {})),
    onDelete: () => confirmAction({
      title: t("programmes.deleteTitle", { title: programme.title }),
      text: t("programmes.deleteText"),
      confirmLabel: t("programmes.delete"),
      onConfirm: () => deleteProgramme(programme),
      onError,
    }).then((done) => done && deleted()),
  };
}

function facts(programme) {
  const list = element("dl", { className: "facts programme-facts" });
  addFact(list, t("programmes.col.region"), nameOf(programme.regionName));
  addFact(list, t("programmes.col.quarters"), quarterSpan(programme));
  addFact(list, t("programmes.createdBy"), programme.createdBy);
  addFact(list, t("programmes.col.updated"), timeElement(programme.updatedAt));
  if (programme.description) addFact(list, t("programmes.field.description"), programme.description);
  return list;
}

function toolbar(programme, actions) {
  const lang = getLanguage();
  const links = exportLinks(programme.id, lang);
  const bar = element("div", { className: "programme-actions" });
  bar.append(
    link(t("programmes.showOnMap"), pageHref("/", { programme: programme.id, unit: programme.regionKato }), { id: "show-on-map" }),
    link(t("programmes.exportXlsx"), links.xlsx, { id: "export-xlsx", download: "" }),
    link(t("programmes.print"), links.print, { id: "print-link", target: "_blank", rel: "noopener" }),
  );
  if (actions) {
    bar.append(button(t("programmes.edit"), actions.onEdit, { id: "edit-programme" }), button(t("programmes.delete"), actions.onDelete, { id: "delete-programme" }));
  }
  return bar;
}

/**
 * Renders the programme into root. effectiveness is the report (undefined while loading, null when it failed);
 * handlers: see plannerActions (used only when me may change the programme).
 */
export function renderProgrammeDetail(root, { programme, me, catalogue, effectiveness, indicators, handlers }) {
  const actions = canEdit(me, programme) ? plannerActions(programme, catalogue, handlers) : null;
  const back = element("a", { className: "back-link", text: t("programmes.backToList"), attrs: { href: pageHref("/programmes.html") } });
  const heading = element("h1", { className: "page-title", text: programme.title, attrs: { id: "programme-title", tabindex: "-1" } });
  const parts = [back, heading, facts(programme), toolbar(programme, actions)];

  if (actions) parts.push(element("p", { className: "field-hint", text: t("programmes.addTargetsHint") }));
  if (programme.targets.length === 0) {
    parts.push(element("p", { className: "empty-note", text: t("programmes.noTargets") }));
  } else {
    const wrap = element("div", { className: "table-wrap", attrs: { role: "region", tabindex: "0", "aria-label": t("programmes.plan.caption") } });
    wrap.append(planTable(programme, effectiveness, actions));
    parts.push(wrap);
  }

  if (effectiveness === undefined) parts.push(element("p", { className: "empty-note", text: t("programmes.loading") }));
  else if (effectiveness === null) parts.push(element("p", { className: "empty-note", text: t("programmes.effect.failed") }));
  else parts.push(effectivenessSection(effectiveness, indicators));
  root.replaceChildren(...parts);
}
