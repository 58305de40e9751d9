// About your authority: name, date of this self-evaluation, the last full inspection (with a
// grade per judgement of the framework in force then), focused visits since, and monitoring.
import { h, replace, put } from "../ui/dom.mjs";
import { govInput, govDateInput, govRadios, govSelect, govButton, govWarning, errorText } from "../ui/govuk.mjs";
import { fieldId } from "../domain/state.mjs";
import { dateParts, dateJoin } from "../ui/format.mjs";
import { familyOf, familyTerms, inspectionKindText } from "../domain/family.mjs";
import { pageErrors, errorSummarySlot, saveAndContinue, ADVISORY_CODES } from "./form.mjs";
import { recordSection } from "./record-section.mjs";

/**
 * The framework whose judgements a past inspection was graded against: the newest one that had
 * started by `date` (ISO strings compare in date order). Falls back to the current framework.
 */
export function aboutFrameworkAt(app, date) {
  // Providers have one framework each; local authorities' versions follow each other in time.
  const own = app.frameworks.find((f) => f.id === app.a?.framework);
  if (own && familyOf(own) !== "ilacs") return own.id;
  const complete = /^\d{4}-\d{2}-\d{2}$/.test(date ?? "");
  const started = complete ? app.frameworks.filter((f) => familyOf(f) === "ilacs" && f.effectiveFrom <= date) : [];
  started.sort((x, y) => (x.effectiveFrom < y.effectiveFrom ? 1 : -1));
  return (started[0] ?? app.frameworks.find((f) => f.current) ?? app.frameworks[0])?.id;
}

export function aboutPage(app, main, params) {
  if (!app.a) app.begin();
  const a = app.a;
  a.history ??= { lastInspection: null, focusedVisits: [], monitoring: null, interventions: [] };
  const errors = params.showErrors ? pageErrors(app, ["authority", "assessedOn", "history", "participant"]) : [];
  const errorFor = (path) => errors.find((e) => e.field === path)?.message;
  const fwNow = app.fw();
  const terms = familyTerms(fwNow);
  const kinds = fwNow?.inspectionKinds ?? ["standard", "short"];
  app.title(terms.about, errors.length > 0);
  const mutate = (fn) => {
    fn(app.a);
    app.changed(false);
  };
  const li = () => app.a.history.lastInspection;
  const ensureLi = () =>
    (app.a.history.lastInspection ??= { kind: kinds[0], startedOn: null, endedOn: null, grades: {} });

  // Grades per judgement of the framework in force when the inspection started.
  const gradesSlot = h("div", { id: "last-grades" });
  // Advice from the core about the history (for example, a grade the route needs is missing).
  const adviceSlot = h("div", { id: "history-advice", "aria-live": "polite" });
  const renderAdvice = () => {
    const advice = (app.pathway.run().problems ?? []).filter((p) => ADVISORY_CODES.includes(p.code));
    replace(
      adviceSlot,
      advice.map((p) => govWarning({ text: `${p.message}.` })),
    );
  };
  app.watch(renderAdvice);
  let gradesFw = null;
  const renderGrades = () => {
    const fwId = aboutFrameworkAt(app, li()?.startedOn);
    if (fwId === gradesFw && gradesSlot.firstChild) return;
    gradesFw = fwId;
    const fw = app.fw(fwId);
    const gradeLevels = (fw?.levels ?? []).filter((l) => l.id !== "not_known");
    replace(
      gradesSlot,
      h(
        "fieldset",
        { class: "govuk-fieldset" },
        h("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--s" }, "Grades given"),
        h("p", { class: "govuk-hint" }, `Judgements under ${fw?.name ?? "the framework in force then"}.`),
        (fw?.judgements ?? []).map((j) =>
          govSelect({
            id: fieldId(`history.lastInspection.grades.${j.id}`),
            name: fieldId(`history.lastInspection.grades.${j.id}`),
            label: { text: j.name },
            items: [{ value: "", text: "Not known" }, ...gradeLevels.map((l) => ({ value: l.id, text: l.label }))],
            value: li()?.grades?.[j.id] ?? "",
            errorMessage: errorText(errorFor(`history.lastInspection.grades.${j.id}`)),
            onChange: (v) =>
              mutate(() => {
                const x = ensureLi();
                x.grades ??= {};
                if (v) x.grades[j.id] = v;
                else delete x.grades[j.id];
              }),
          }),
        ),
      ),
    );
  };
  renderGrades();

  const inspectionDetails = h(
    "div",
    {},
    govDateInput({
      id: fieldId("history.lastInspection.startedOn"),
      namePrefix: fieldId("history.lastInspection.startedOn"),
      fieldset: { legend: { text: "When did the inspection start?", classes: "govuk-fieldset__legend--s" } },
      values: dateParts(li()?.startedOn),
      errorMessage: errorText(errorFor("history.lastInspection.startedOn")),
      onInput: (parts) =>
        mutate(() => {
          ensureLi().startedOn = dateJoin(parts) || null;
          renderGrades();
        }),
      hint: { text: "For example, 27 3 2026" },
    }),
    govDateInput({
      id: fieldId("history.lastInspection.endedOn"),
      namePrefix: fieldId("history.lastInspection.endedOn"),
      fieldset: { legend: { text: "When did it end?", classes: "govuk-fieldset__legend--s" } },
      hint: { text: "The last day inspectors were on site. For example, 14 11 2025" },
      values: dateParts(li()?.endedOn),
      errorMessage: errorText(errorFor("history.lastInspection.endedOn")),
      onInput: (parts) => mutate(() => (ensureLi().endedOn = dateJoin(parts) || null)),
    }),
    gradesSlot,
    adviceSlot,
  );
  renderAdvice();
  const detailsWrap = h("div", { class: "st-reveal" }, inspectionDetails);
  const showDetails = () => (detailsWrap.hidden = !li());
  showDetails();

  // Focused visits since: rows the user can add and remove.
  const visitsSlot = h("div", { id: "focused-visits-list" });
  const renderVisits = (focusIndex) => {
    const visits = app.a.history.focusedVisits ?? [];
    replace(
      visitsSlot,
      visits.length ? null : h("p", { class: "govuk-body", id: "no-visits" }, "No focused visits added."),
      visits.map((v, i) =>
        h(
          "div",
          { class: "st-repeat" },
          h("h3", { class: "govuk-heading-s", id: `visit-${i}-heading`, tabindex: "-1" }, `Focused visit ${i + 1}`),
          govDateInput({
            id: fieldId(`history.focusedVisits.${i}.endedOn`),
            namePrefix: fieldId(`history.focusedVisits.${i}.endedOn`),
            fieldset: { legend: { text: "When did the visit end?", classes: "govuk-fieldset__legend--s" } },
            values: dateParts(v.endedOn),
            errorMessage: errorText(errorFor(`history.focusedVisits.${i}.endedOn`)),
            onInput: (parts) => mutate((x) => (x.history.focusedVisits[i].endedOn = dateJoin(parts) || null)),
            hint: { text: "For example, 27 3 2026" },
          }),
          govRadios({
            name: fieldId(`history.focusedVisits.${i}.priorityActions`),
            fieldset: {
              legend: { text: "Did it set areas for priority action?", classes: "govuk-fieldset__legend--s" },
            },
            items: [
              { value: "yes", text: "Yes" },
              { value: "no", text: "No" },
            ],
            value: v.priorityActions === true ? "yes" : v.priorityActions === false ? "no" : undefined,
            errorMessage: errorText(errorFor(`history.focusedVisits.${i}.priorityActions`)),
            onChange: (val) => mutate((x) => (x.history.focusedVisits[i].priorityActions = val === "yes")),
            classes: "govuk-radios--inline govuk-radios--small",
          }),
          govButton({
            classes: "govuk-button--secondary govuk-!-margin-bottom-4",
            text: "Remove",
            attributes: { "aria-label": `Remove focused visit ${i + 1}` },
            onClick: () => {
              mutate((x) => x.history.focusedVisits.splice(i, 1));
              renderVisits(Math.max(0, i - 1));
            },
          }),
        ),
      ),
    );
    if (focusIndex != null) {
      /** @type {HTMLElement} */
      const target = visitsSlot.querySelector(`#visit-${focusIndex}-heading`) ?? visitsSlot.querySelector("#no-visits");
      if (target) {
        target.setAttribute("tabindex", "-1");
        target.focus();
      }
    }
  };
  renderVisits();

  const mon = a.history.monitoring;
  put(
    main,
    errorSummarySlot(app, errors),
    h("h1", { class: "govuk-heading-l" }, terms.about),
    h(
      "p",
      { class: "govuk-body" },
      "Stocktake uses your inspection history to work out your likely inspection pathway. Everything on this page is optional.",
    ),
    a.scenario
      ? govInput({
          id: "participant",
          name: "participant",
          label: { text: "Your name (workshop participant)", classes: "govuk-label--s" },
          hint: { text: "Shown to the facilitator when they compare files. 100 characters or fewer." },
          value: a.participant ?? "",
          autocomplete: "name",
          attributes: { maxlength: "100" },
          errorMessage: errorText(errorFor("participant")),
          onInput: (v) => app.set("participant", v.trim() ? v : ""),
          classes: "govuk-input--width-20",
        })
      : null,
    govInput({
      id: "authority",
      name: "authority",
      label: { text: terms.orgLabel, classes: "govuk-label--s" },
      hint: { text: "Shown on your report and file name." },
      value: a.authority ?? "",
      autocomplete: "organization",
      errorMessage: errorText(errorFor("authority")),
      onInput: (v) => app.set("authority", v),
      classes: "govuk-input--width-20",
    }),
    govDateInput({
      id: "assessedOn",
      namePrefix: "assessedOn",
      fieldset: { legend: { text: "Date of this self-evaluation", classes: "govuk-fieldset__legend--s" } },
      hint: { text: "Today unless you are recording an earlier one. For example, 27 3 2026" },
      values: dateParts(a.assessedOn),
      errorMessage: errorText(errorFor("assessedOn")),
      onInput: (parts) => app.set("assessedOn", dateJoin(parts)),
    }),
    h("h2", { class: "govuk-heading-m" }, terms.lastHeading),
    // Local authorities only: the public record of ILACS inspections (record-panel.mjs).
    terms.provider
      ? null
      : recordSection(app, {
          // Called from the tools chunk (record-panel.mjs), which gives record.mjs's helpers.
          fill: (inspection, name, { asLastInspection, longDate }, codes) => {
            // A corrected row whose dates are not in our sources: the framework of its report's date.
            const fw = app.fw(aboutFrameworkAt(app, inspection.startedOn ?? inspection.publishedOn));
            mutate((x) => {
              x.history.lastInspection = asLastInspection(
                inspection,
                (fw?.judgements ?? []).map((j) => j.id),
              );
              if (!x.authority?.trim()) x.authority = name;
              if (codes) x.authorityCodes = codes;
            });
            app.saveNow();
            app.go("about", params, {
              replace: true,
              focusId: fieldId("history.lastInspection.kind"),
              notice: [
                "Filled in from the public inspection record",
                inspection.startedOn
                  ? `${name}: ${inspection.kind ? `${inspectionKindText(inspection.kind).toLowerCase()}, ` : ""}${longDate(inspection.startedOn)} to ${longDate(inspection.endedOn)}. Check the dates and grades below and correct anything that is wrong.`
                  : `${name}: the inspection reported on ${longDate(inspection.publishedOn)}. The record does not give its dates${inspection.kind ? "" : " or kind"}: enter them below from the report, and check the grades.`,
              ],
            });
          },
        }),
    govRadios({
      name: fieldId("history.lastInspection.kind"),
      fieldset: { legend: { text: "What kind of inspection was it?", classes: "govuk-fieldset__legend--s" } },
      hint: terms.kindHint ? { text: terms.kindHint } : undefined,
      items: [...kinds.map((k) => ({ value: k, text: inspectionKindText(k) })), { value: "none", text: terms.none }],
      value: li() ? li().kind : undefined,
      errorMessage: errorText(errorFor("history.lastInspection.kind")),
      onChange: (v) => {
        mutate((x) => {
          if (v === "none") x.history.lastInspection = null;
          else ensureLi().kind = v;
        });
        showDetails();
      },
    }),
    detailsWrap,
    // Focused visits and monitoring apply to local authorities only.
    terms.provider
      ? null
      : [
          h("h2", { class: "govuk-heading-m", id: "focused-visits", tabindex: "-1" }, "Focused visits since then"),
          visitsSlot,
          govButton({
            classes: "govuk-button--secondary",
            text: "Add a focused visit",
            id: "add-visit",
            onClick: () => {
              mutate((x) => {
                x.history.focusedVisits ??= [];
                x.history.focusedVisits.push({ endedOn: null, priorityActions: null });
              });
              renderVisits(app.a.history.focusedVisits.length - 1);
            },
          }),
          h("h2", { class: "govuk-heading-m" }, "Monitoring"),
          govRadios({
            name: "monitoring",
            fieldset: {
              legend: { text: "Is your authority being monitored by Ofsted?", classes: "govuk-fieldset__legend--s" },
            },
            hint: { text: "Authorities judged inadequate receive monitoring visits." },
            items: [
              { value: "no", text: "Not monitored" },
              {
                value: "yes",
                text: "Monitored",
                conditional: {
                  nodes: govDateInput({
                    id: fieldId("history.monitoring.since"),
                    namePrefix: fieldId("history.monitoring.since"),
                    fieldset: { legend: { text: "Monitored since", classes: "govuk-fieldset__legend--s" } },
                    values: dateParts(mon?.since),
                    errorMessage: errorText(errorFor("history.monitoring.since")),
                    onInput: (parts) => mutate((x) => (x.history.monitoring = { since: dateJoin(parts) || null })),
                    hint: { text: "For example, 27 3 2026" },
                  }),
                },
              },
            ],
            value: mon ? "yes" : "no",
            onChange: (v) =>
              mutate(
                (x) => (x.history.monitoring = v === "yes" ? { since: x.history.monitoring?.since ?? null } : null),
              ),
          }),
        ],
    saveAndContinue(app, ["authority", "assessedOn", "history"], "about", { from: params.from }),
  );
}
