// `#stocktake/audit`: the form to add, change or moderate one case-file audit.
import { h, put, replace } from "../../ui/dom.mjs";
import {
  govButton,
  govCharacterCount,
  govErrorSummary,
  govInput,
  govSelect,
  govWarning,
  errorText,
} from "../../ui/govuk.mjs";
import { cloneJson, fieldId } from "../../domain/state.mjs";
import { FULL, GRADES, MAX_AUDITS, areasOf, criteriaOf } from "./common.mjs";

/** The id of the form field a problem's path (`audits.0.<field>`) is about. */
function formId(field) {
  const rest = field.replace(/^audits\.0\.?/, "");
  return `audit-${fieldId(rest || "caseRef")}`;
}

/** `#stocktake/audit?n=<index>`: add (no n) or change and moderate one audit. */
export function auditPage(app, main, params) {
  const audits = app.a.audits ?? [];
  const n = params.n != null && /^\d+$/.test(params.n) && Number(params.n) < audits.length ? Number(params.n) : null;
  const criteria = criteriaOf(app);
  const areas = areasOf(app, criteria);
  const draft =
    params.draft ?? (n == null ? { area: areas[0]?.id ?? "", date: app.today(), grades: {} } : cloneJson(audits[n]));
  const errors = params.errors ?? [];
  app.title(n == null ? "Add an audit" : `Audit of ${draft.caseRef}`, errors.length > 0);
  const errorFor = (id) => errors.find((x) => x.id === id)?.message;
  const gradeItems = (withNa) => [
    { value: "", text: "Not graded" },
    ...GRADES.map(([value, text]) => ({ value, text })),
    ...(withNa ? [{ value: "not_applicable", text: "Not applicable" }] : []),
  ];
  const setDraft = (k, v) => {
    draft[k] = v;
  };
  const form = h("div", {});
  const criteriaBlock = h("div", {});
  const moderationBlock = h("div", {});
  const renderCriteria = () => {
    const own = criteria.filter((c) => c.area === draft.area);
    criteriaBlock.replaceChildren(
      h(
        "fieldset",
        { class: "govuk-fieldset" },
        h("legend", { class: "govuk-fieldset__legend govuk-fieldset__legend--m" }, "Grades for each criterion"),
        own.map((c) =>
          govSelect({
            id: `audit-grades-${fieldId(c.id)}`,
            name: `audit-grades-${fieldId(c.id)}`,
            label: { text: c.text },
            items: gradeItems(true),
            value: draft.grades?.[c.id] ?? "",
            errorMessage: errorText(errorFor(`audit-grades-${fieldId(c.id)}`)),
            onChange: (v) => {
              draft.grades = { ...(draft.grades ?? {}) };
              if (v) draft.grades[c.id] = v;
              else delete draft.grades[c.id];
            },
          }),
        ),
      ),
    );
    const m = draft.moderation ?? {};
    moderationBlock.replaceChildren(
      h(
        "details",
        { class: "govuk-details", open: draft.moderation ? true : null },
        h(
          "summary",
          { class: "govuk-details__summary", id: "moderation-summary" },
          h("span", { class: "govuk-details__summary-text" }, "Moderation: a second auditor's grades"),
        ),
        h(
          "div",
          { class: "govuk-details__text" },
          govInput({
            id: "audit-moderation-auditor",
            name: "audit-moderation-auditor",
            label: { text: "Moderating auditor" },
            value: m.auditor ?? "",
            onInput: (v) => {
              draft.moderation = { ...(draft.moderation ?? {}), auditor: v };
            },
            classes: "govuk-input--width-20",
            autocomplete: "off",
          }),
          own.map((c) =>
            govSelect({
              id: `audit-moderation-grades-${fieldId(c.id)}`,
              name: `audit-moderation-grades-${fieldId(c.id)}`,
              label: { text: `Second grade: ${c.text}` },
              items: gradeItems(true),
              value: m.grades?.[c.id] ?? "",
              onChange: (v) => {
                const mm = { ...(draft.moderation ?? {}) };
                mm.grades = { ...(mm.grades ?? {}) };
                if (v) mm.grades[c.id] = v;
                else delete mm.grades[c.id];
                draft.moderation = mm;
              },
            }),
          ),
          govSelect({
            id: "audit-moderation-overall",
            name: "audit-moderation-overall",
            label: { text: "Second overall grade" },
            items: gradeItems(false),
            value: m.overall ?? "",
            onChange: (v) => {
              draft.moderation = { ...(draft.moderation ?? {}), overall: v || null };
            },
          }),
        ),
      ),
    );
  };
  renderCriteria();
  const save = () => {
    if (n == null && audits.length >= MAX_AUDITS) {
      app.go(
        "audit",
        { draft, errors: [{ id: "save-audit", message: `${FULL}: delete one to add another` }] },
        { replace: true, focusId: "error-summary" },
      );
      return;
    }
    const clean = cloneJson(draft);
    const mod = clean.moderation;
    if (mod && !mod.auditor && !mod.overall && Object.keys(mod.grades ?? {}).length === 0) delete clean.moderation;
    // With the self-evaluation's date, so that an audit dated after it is refused here.
    const probe = {
      format: app.limits.format,
      version: app.limits.formatVersion,
      framework: app.a.framework,
      assessedOn: app.a.assessedOn ?? null,
      audits: [clean],
    };
    const found = app.core
      .validateAssessment(probe)
      .filter((p) => p.field.startsWith("audits.0"))
      .map((p) => ({ id: formId(p.field), message: p.message }));
    if (found.length) {
      app.go(
        "audit",
        { ...(n == null ? {} : { n: String(n) }), draft, errors: found },
        { replace: true, focusId: "error-summary" },
      );
      return;
    }
    const list = [...audits];
    if (n == null) list.push(clean);
    else list[n] = clean;
    app.set("audits", list);
    app.go("audits");
  };
  // Deleting asks first, in place of the buttons (the GOV.UK pattern for a destructive action):
  // nothing the user typed goes without a second, deliberate click.
  const buttons = h("div", {});
  const remove = () => {
    const name = audits[n].caseRef;
    app.set(
      "audits",
      audits.filter((_, i) => i !== n),
    );
    app.go("audits", {}, { notice: ["Audit deleted", `The audit of case ${name} has been deleted.`] });
  };
  function actions() {
    return h(
      "div",
      { class: "govuk-button-group" },
      govButton({ text: "Save audit", id: "save-audit", onClick: save }),
      n == null
        ? null
        : govButton({ classes: "govuk-button--warning", text: "Delete audit", id: "delete-audit", onClick: askFirst }),
      app.link("Cancel", "audits"),
    );
  }
  const askFirst = () => {
    const question = h(
      "p",
      { class: "govuk-body", id: "delete-audit-question", tabindex: "-1" },
      `Are you sure you want to delete the audit of case ${audits[n].caseRef}? Its grades, moderation and learning go with it. Save your self-evaluation to a file first if you may want them back.`,
    );
    replace(
      buttons,
      h(
        "div",
        { class: "st-delete-confirm" },
        govWarning({ text: "Deleting an audit cannot be undone." }),
        question,
        h(
          "div",
          { class: "govuk-button-group" },
          govButton({
            classes: "govuk-button--warning",
            text: "Yes, delete this audit",
            id: "confirm-delete-audit",
            onClick: remove,
          }),
          govButton({
            classes: "govuk-button--secondary",
            text: "No, keep it",
            id: "keep-audit",
            onClick: () => {
              replace(buttons, actions());
              /** @type {HTMLElement} */ (buttons.querySelector("#delete-audit"))?.focus();
            },
          }),
        ),
      ),
    );
    question.focus();
  };
  put(
    form,
    govInput({
      id: "audit-caseRef",
      name: "audit-caseRef",
      label: { text: "Case reference" },
      hint: { text: "From your case-management system. Never a name, date of birth or NHS number." },
      value: draft.caseRef ?? "",
      spellcheck: false,
      errorMessage: errorText(errorFor("audit-caseRef")),
      onInput: (v) => setDraft("caseRef", v),
      classes: "govuk-input--width-20",
      autocomplete: "off",
    }),
    govSelect({
      id: "audit-area",
      name: "audit-area",
      label: { text: "Area" },
      items: areas.map((a) => ({ value: a.id, text: a.name })),
      value: draft.area ?? "",
      errorMessage: errorText(errorFor("audit-area")),
      onChange: (v) => {
        setDraft("area", v);
        renderCriteria();
      },
    }),
    govInput({
      id: "audit-date",
      name: "audit-date",
      label: { text: "Date of the audit" },
      hint: { text: "For example, 2026-03-31" },
      value: draft.date ?? "",
      spellcheck: false,
      errorMessage: errorText(errorFor("audit-date")),
      onInput: (v) => setDraft("date", v),
      classes: "govuk-input--width-10",
      autocomplete: "off",
    }),
    govInput({
      id: "audit-auditor",
      name: "audit-auditor",
      label: { text: "Auditor" },
      value: draft.auditor ?? "",
      errorMessage: errorText(errorFor("audit-auditor")),
      onInput: (v) => setDraft("auditor", v),
      classes: "govuk-input--width-20",
      autocomplete: "off",
    }),
    govInput({
      id: "audit-team",
      name: "audit-team",
      label: { text: "Team" },
      value: draft.team ?? "",
      errorMessage: errorText(errorFor("audit-team")),
      onInput: (v) => setDraft("team", v),
      classes: "govuk-input--width-20",
      autocomplete: "off",
    }),
    criteriaBlock,
    govSelect({
      id: "audit-overall",
      name: "audit-overall",
      label: { text: "Overall grade for the case" },
      items: gradeItems(false),
      value: draft.overall ?? "",
      errorMessage: errorText(errorFor("audit-overall")),
      onChange: (v) => setDraft("overall", v || null),
    }),
    govCharacterCount({
      id: "audit-learning",
      name: "audit-learning",
      label: { text: "What was learned" },
      maxlength: 2000,
      value: draft.learning ?? "",
      errorMessage: errorText(errorFor("audit-learning")),
      onInput: (v) => setDraft("learning", v),
      rows: 4,
    }),
    moderationBlock,
    buttons,
  );
  put(buttons, actions());
  let summary = null;
  if (errors.length) {
    summary = govErrorSummary({
      titleText: "There is a problem",
      errorList: errors.map((e) => ({ text: e.message, href: `#${e.id}` })),
      root: app.root,
    });
    summary.id = "error-summary";
  }
  put(
    main,
    summary,
    h("span", { class: "govuk-caption-l" }, "Case-file audits"),
    h("h1", { class: "govuk-heading-l" }, n == null ? "Add an audit" : `Audit of ${draft.caseRef}`),
    form,
  );
}
