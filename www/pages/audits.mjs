// Case-file audits ("how do you know it"): the list of audited cases with what they support for
// each self-rating, and a form to add, change or moderate one audit. Audits live in the
// assessment (`audits`, file version 2), so autosave, files and the passphrase-protected file keep
// them with everything else. The core checks every audit (`validateAssessment`) and summarises
// them (`auditEvidence`); this module only shows and edits.
import { h, put, replace } from "../ui/dom.mjs";
import {
  govButton,
  govCharacterCount,
  govErrorSummary,
  govInput,
  govSelect,
  govTable,
  govTag,
  govWarning,
  errorText,
  tableCells,
} from "../ui/govuk.mjs";
import { cloneJson, fieldId } from "../domain/state.mjs";
import { csvText, downloadText } from "../domain/files.mjs";
import { datesInText, formatCount, formatDateShort } from "../ui/format.mjs";

const GRADES = [
  ["outstanding", "Outstanding"],
  ["good", "Good"],
  ["requires_improvement", "Requires improvement to be good"],
  ["inadequate", "Inadequate"],
];
const GRADE_TEXT = Object.fromEntries(GRADES);
const LEVEL_TEXT = { ...GRADE_TEXT, not_known: "Not known" };
/** The most audits a self-evaluation holds (the core's MAX_AUDITS). */
const MAX_AUDITS = 2000;
const FULL = `A self-evaluation holds at most ${formatCount(MAX_AUDITS)} audits`;

/** Whether a CSV row has anything in it. */
const filled = (row) => row.some((x) => x.trim() !== "");

/** What makes two audits the same audit: the case (its reference, in any case), the area and the date. */
const auditKey = (a) =>
  `${String(a.caseRef ?? "")
    .trim()
    .toLowerCase()}|${a.area ?? ""}|${a.date ?? ""}`;

/** A table inside a focusable region that scrolls on a narrow screen. */
function scrolling(caption, table) {
  return h("div", { class: "st-table-scroll", tabindex: "0", role: "region", "aria-label": caption }, table);
}

function criteriaOf(app) {
  return app.core.auditCriteria(app.a.framework)?.criterion ?? [];
}

function areasOf(app, criteria) {
  const ids = new Set(criteria.map((c) => c.area));
  return (app.fw()?.areas ?? []).filter((a) => ids.has(a.id));
}

function statementName(app, id) {
  for (const a of app.fw()?.areas ?? []) {
    const s = a.statements.find((x) => x.id === id);
    if (s) return s.text;
  }
  return id;
}

/** The audits as CSV rows (header first): one column per criterion, moderation after. */
export function auditRows(app) {
  const criteria = criteriaOf(app);
  const head = ["caseRef", "area", "auditor", "date", "team", ...criteria.map((c) => c.id), "overall", "learning"];
  head.push("moderator", "moderationDate", ...criteria.map((c) => `moderated_${c.id}`), "moderatedOverall");
  const rows = (app.a.audits ?? []).map((a) => {
    const m = a.moderation ?? {};
    return [
      a.caseRef,
      a.area,
      a.auditor ?? "",
      a.date,
      a.team ?? "",
      ...criteria.map((c) => a.grades?.[c.id] ?? ""),
      a.overall ?? "",
      a.learning ?? "",
      m.auditor ?? "",
      m.date ?? "",
      ...criteria.map((c) => m.grades?.[c.id] ?? ""),
      m.overall ?? "",
    ];
  });
  return [head, ...rows];
}

/** `#stocktake/audits`: the audited cases and what they support. */
export function auditsPage(app, main, params = {}) {
  const audits = app.a.audits ?? [];
  // 50 cases a page: a year of audits is up to 2,000.
  const pages = Math.max(1, Math.ceil(audits.length / PER_PAGE));
  const pageNo = Math.min(pages, Math.max(1, Number.parseInt(params.page ?? "1", 10) || 1));
  const first = (pageNo - 1) * PER_PAGE;
  const shown = audits.slice(first, first + PER_PAGE);
  app.title(pages > 1 ? `Case-file audits (page ${pageNo} of ${pages})` : "Case-file audits");
  const criteria = criteriaOf(app);
  const areaName = Object.fromEntries((app.fw()?.areas ?? []).map((a) => [a.id, a.name]));
  // The score carries the audits' evidence (on the self-evaluation's date); with no audits, empty.
  const e = app.scored?.audits ?? app.core.auditEvidence(app.a);
  put(
    main,
    h("h1", { class: "govuk-heading-l" }, "Case-file audits"),
    h(
      "p",
      { class: "govuk-body" },
      "Inspectors ask what you know about practice and how you know it. Record the cases your managers audit: each grade is evidence for the statements its criterion names, and each rating shows what the audits support.",
    ),
    h(
      "p",
      { class: "govuk-body" },
      "Never enter a child's name, date of birth or NHS number: use the case reference from your case-management system. Audits stay on this device, like the rest of your self-evaluation.",
    ),
    criteria.length === 0 ? govWarning({ text: "This framework has no audit criteria." }) : null,
    audits.length >= MAX_AUDITS
      ? h(
          "div",
          { class: "govuk-inset-text", id: "audits-full" },
          `${FULL}, and this one has ${formatCount(audits.length)}. Delete audits older than 12 months (they no longer count) to add new ones.`,
        )
      : null,
    h(
      "div",
      { class: "govuk-button-group" },
      criteria.length && audits.length < MAX_AUDITS
        ? govButton({ text: "Add an audit", id: "add-audit", onClick: () => app.go("audit", {}) })
        : null,
      criteria.length && audits.length < MAX_AUDITS
        ? govButton({
            classes: "govuk-button--secondary",
            text: "Import audits from CSV",
            id: "import-audits",
            onClick: () => app.go("audits-import", {}),
          })
        : null,
      audits.length
        ? govButton({
            classes: "govuk-button--secondary",
            text: "Export audits as CSV",
            id: "export-audits",
            onClick: () => downloadText(app, "stocktake-audits.csv", csvText(auditRows(app)), "text/csv"),
          })
        : null,
    ),
    h("h2", { class: "govuk-heading-m" }, `Audited cases (${audits.length})`),
    audits.length === 0
      ? h("p", { class: "govuk-body" }, "No audits yet.")
      : scrolling(
          "Audited cases",
          govTable({
            caption: "Audited cases",
            captionClasses: "govuk-table__caption--s",
            head: tableCells([
              "Case reference",
              "Area",
              "Date",
              "Auditor",
              "Overall",
              "Moderated",
              h("span", { class: "govuk-visually-hidden" }, "Change"),
            ]),
            firstCellIsHeader: true,
            rows: shown
              .map((a, k) => [
                a.caseRef,
                areaName[a.area] ?? a.area,
                formatDateShort(a.date),
                a.auditor ?? "",
                GRADE_TEXT[a.overall] ?? "Not graded",
                a.moderation ? "Yes" : "No",
                app.link(
                  ["Change", h("span", { class: "govuk-visually-hidden" }, ` audit of ${a.caseRef}`)],
                  "audit",
                  { n: String(first + k) },
                  { id: `audit-change-${first + k}` },
                ),
              ])
              .map((row) => tableCells(row)),
          }),
        ),
    pages > 1 ? pagination(app, pageNo, pages, first, shown.length, audits.length) : null,
    h("h2", { class: "govuk-heading-m" }, "What the audits support"),
    h(
      "p",
      { class: "govuk-body" },
      `Audits dated ${e.from ? `after ${formatDateShort(e.from)} and up to ${formatDateShort(e.to)}` : "at any time"} count: ${e.inWindow} of ${e.audits}. ${datesInText(e.rule)}`,
    ),
    futureAudits(audits, e),
    h("p", { class: "govuk-body-s" }, "This rule is an assumption (ours, not Ofsted's)."),
    e.statements.length === 0
      ? h("p", { class: "govuk-body" }, "No statement has audited cases yet: every rating rests on judgement alone.")
      : scrolling(
          "Audit evidence by statement",
          govTable({
            caption: "Audit evidence by statement",
            captionClasses: "govuk-table__caption--s",
            head: tableCells(
              ["Statement", "Cases", "Good or better (95% interval)", "Worst grade", "Your rating", "Audits support"],
              [1],
            ),
            firstCellIsHeader: true,
            rows: e.statements
              .map((s) => [
                statementName(app, s.statement),
                String(s.cases),
                `${s.goodOrBetter} of ${s.cases} (${s.interval[0]}% to ${s.interval[1]}%)`,
                GRADE_TEXT[s.worst] ?? "",
                LEVEL_TEXT[s.rating] ?? "Not answered",
                s.supports
                  ? [
                      LEVEL_TEXT[s.supports],
                      " ",
                      challenged(e, s) ? govTag({ text: "Rating above it", classes: "govuk-tag--red" }) : null,
                    ]
                  : "Too few cases to say",
              ])
              .map((row) => tableCells(row, [1])),
          }),
        ),
    e.challenges.length
      ? [
          h("h2", { class: "govuk-heading-m" }, "Ratings the audits do not support"),
          h(
            "ul",
            { class: "govuk-list govuk-list--bullet", id: "audit-challenges" },
            e.challenges.map((c) => h("li", {}, datesInText(c.text))),
          ),
        ]
      : null,
    h("h2", { class: "govuk-heading-m" }, "Moderation"),
    e.agreement.length === 0
      ? h(
          "p",
          { class: "govuk-body" },
          "No case has been moderated yet. Choose Change on an audit to add a second auditor's grades.",
        )
      : [
          scrolling(
            "Agreement between auditors",
            govTable({
              caption: "Agreement between auditors",
              captionClasses: "govuk-table__caption--s",
              head: tableCells(["Criterion", "Cases graded by both", "Same grade"], [1, 2]),
              firstCellIsHeader: true,
              rows: e.agreement
                .map((g) => [
                  criteria.find((c) => c.id === g.criterion)?.text ?? g.criterion,
                  String(g.pairs),
                  `${g.same} (${Math.round((100 * g.same) / g.pairs)}%)`,
                ])
                .map((row) => tableCells(row, [1, 2])),
            }),
          ),
          e.disagreements.length
            ? govWarning({
                text: `Grades two or more apart: ${e.disagreements
                  .map(
                    (d) =>
                      `${d.caseRef} (${d.criterion ? (criteria.find((c) => c.id === d.criterion)?.text ?? d.criterion) : "overall"}: ${GRADE_TEXT[d.first]} and ${GRADE_TEXT[d.second]})`,
                  )
                  .join("; ")}`,
              })
            : null,
        ],
  );
}

const PER_PAGE = 50;

/** GOV.UK pagination for the list of audits. */
function pagination(app, pageNo, pages, first, count, total) {
  const to = (p, text, rel, cls) =>
    h(
      "div",
      { class: cls },
      app.link(
        [h("span", { class: "govuk-pagination__link-title" }, text)],
        "audits",
        { page: String(p) },
        {
          class: "govuk-link govuk-pagination__link",
          rel,
          id: `audits-${rel}`,
        },
      ),
    );
  return h(
    "nav",
    { class: "govuk-pagination", "aria-label": "Pages of audited cases" },
    h("p", { class: "govuk-body govuk-!-margin-bottom-0" }, `Cases ${first + 1} to ${first + count} of ${total}. `),
    pageNo > 1 ? to(pageNo - 1, "Previous page", "prev", "govuk-pagination__prev") : null,
    pageNo < pages ? to(pageNo + 1, "Next page", "next", "govuk-pagination__next") : null,
  );
}

function challenged(e, s) {
  return e.challenges.some((c) => c.statements.includes(s.statement));
}

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

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF, a leading BOM) into rows,
 * blank rows kept so that a row's place is its row number in a spreadsheet.
 */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** A spreadsheet's grade ("Good", "RI", "N/A", "requires_improvement") as a grade id, or the text unchanged. */
function gradeId(text) {
  const t = String(text ?? "")
    .trim()
    .toLowerCase()
    .replace(/^'/, "");
  const words = {
    "": "",
    outstanding: "outstanding",
    good: "good",
    ri: "requires_improvement",
    "requires improvement": "requires_improvement",
    "requires improvement to be good": "requires_improvement",
    requires_improvement: "requires_improvement",
    inadequate: "inadequate",
    "n/a": "not_applicable",
    na: "not_applicable",
    "not applicable": "not_applicable",
    not_applicable: "not_applicable",
  };
  return Object.hasOwn(words, t) ? words[t] : String(text).trim();
}

/** A date as YYYY-MM-DD: ISO is kept, dd/mm/yyyy (as UK spreadsheets write it) is turned round. */
function isoDate(text) {
  const t = String(text ?? "").trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : t;
}

/** The fields a CSV column can fill, in the template's order. */
function importFields(criteria) {
  return [
    { key: "caseRef", label: "Case reference" },
    { key: "area", label: "Area (id or name)" },
    { key: "auditor", label: "Auditor" },
    { key: "date", label: "Date" },
    { key: "team", label: "Team" },
    ...criteria.map((c) => ({ key: c.id, label: c.text, criterion: true })),
    { key: "overall", label: "Overall grade" },
    { key: "learning", label: "What was learned" },
    // Moderation: a second auditor's grades, as the export writes them.
    { key: "moderator", label: "Moderator", moderation: true },
    { key: "moderationDate", label: "Moderation date", moderation: true },
    ...criteria.map((c) => ({ key: `moderated_${c.id}`, label: `Moderated: ${c.text}`, moderation: true })),
    { key: "moderatedOverall", label: "Moderated overall grade", moderation: true },
  ];
}

/** A warning naming the audits dated after the self-evaluation: they do not count, and why. */
function futureAudits(audits, e) {
  if (!e.to) return null;
  const later = audits.filter((a) => a.date && a.date > e.to);
  if (!later.length) return null;
  return govWarning({
    text: `${later.length === 1 ? "1 audit is" : `${later.length} audits are`} dated after the date of this self-evaluation (${formatDateShort(e.to)}) and ${later.length === 1 ? "does" : "do"} not count: ${later.map((a) => `${a.caseRef}, ${formatDateShort(a.date)}`).join("; ")}. Correct ${later.length === 1 ? "its date" : "their dates"} or the date of the self-evaluation.`,
  });
}

const COLUMNS_KEY = "audit-csv-columns";

/** Keeps the matches `{ field: columnIndex }` as `{ field: column name }` for the next file. */
function rememberColumns(app, head, mapping) {
  const names = {};
  for (const [key, i] of Object.entries(mapping))
    if (i !== "" && i != null && head[Number(i)] != null) names[key] = String(head[Number(i)]).trim();
  app.saveExtra(COLUMNS_KEY, names);
}

/** The CSV field a problem's path inside an audit names ("date", "grades.au_x", "moderation.overall"). */
function fieldOfPath(path) {
  const p = String(path ?? "");
  let m = /^grades\.(.+)$/.exec(p);
  if (m) return m[1];
  m = /^moderation\.grades\.(.+)$/.exec(p);
  if (m) return `moderated_${m[1]}`;
  const moderation = {
    "moderation.auditor": "moderator",
    "moderation.date": "moderationDate",
    "moderation.overall": "moderatedOverall",
  };
  if (p in moderation) return moderation[p];
  return p.split(".")[0];
}

/** "column “Audit date”, value “31/02/2026”: " for a problem in a CSV row, or "" when no column holds it. */
function csvCellText(head, row, mapping, path) {
  const key = fieldOfPath(path);
  const i = mapping[key];
  if (i == null || i === "") return "";
  const column = String(head[Number(i)] ?? "").trim() || `Column ${Number(i) + 1}`;
  const value = String(row?.[Number(i)] ?? "").trim();
  return `column “${column}”, ${value ? `value “${value}”` : "empty"}: `;
}

/** Rows of a CSV as audits, by a column mapping `{ field: columnIndex }`. */
export function auditsFromCsv(rows, mapping, criteria, areas) {
  const byName = Object.fromEntries(areas.map((a) => [a.name.toLowerCase(), a.id]));
  // A leading apostrophe before = + - @ is the export's guard against formulas: taken off again.
  const cell = (r, key) =>
    mapping[key] == null || mapping[key] === "" ? "" : (r[Number(mapping[key])] ?? "").replace(/^'(?=[=+\-@])/, "");
  return rows.map((r) => {
    const area = cell(r, "area").trim();
    const grades = {};
    for (const c of criteria) {
      const g = gradeId(cell(r, c.id));
      if (g) grades[c.id] = g;
    }
    const audit = {
      caseRef: cell(r, "caseRef").trim(),
      area: byName[area.toLowerCase()] ?? area,
      auditor: cell(r, "auditor").trim(),
      date: isoDate(cell(r, "date")),
      team: cell(r, "team").trim(),
      grades,
      overall: gradeId(cell(r, "overall")) || null,
      learning: cell(r, "learning"),
    };
    const moderated = {};
    for (const c of criteria) {
      const g = gradeId(cell(r, `moderated_${c.id}`));
      if (g) moderated[c.id] = g;
    }
    const moderation = {
      auditor: cell(r, "moderator").trim(),
      date: isoDate(cell(r, "moderationDate")),
      grades: moderated,
      overall: gradeId(cell(r, "moderatedOverall")) || null,
    };
    // A row moderates its case when any moderation cell has something in it (as the form keeps it).
    if (moderation.auditor || moderation.date || moderation.overall || Object.keys(moderated).length) {
      if (!moderation.date) delete moderation.date;
      audit.moderation = moderation;
    }
    if (!audit.area) delete audit.area;
    if (!audit.caseRef) delete audit.caseRef;
    return audit;
  });
}

/** `#stocktake/audits-import`: choose a CSV, map its columns, check every row, then import. */
export function auditsImportPage(app, main, params) {
  const criteria = criteriaOf(app);
  const areas = areasOf(app, criteria);
  const fields = importFields(criteria);
  app.title("Import audits from a CSV file", (params.errors ?? []).length > 0);
  const csv = params.csv ?? null;
  const summarySlot = h("div");
  const body = h("div");
  const showErrors = (errors) => {
    if (!errors.length) return summarySlot.replaceChildren();
    const s = govErrorSummary({
      titleText: "There is a problem",
      errorList: errors.map((e) => ({ text: e.message, href: `#${e.id}` })),
      root: app.root,
    });
    s.id = "error-summary";
    summarySlot.replaceChildren(s);
    app.title("Import audits from a CSV file", true);
    s.focus();
  };
  if (!csv) {
    const input = h("input", {
      class: "govuk-file-upload",
      id: "import-file",
      name: "import-file",
      type: "file",
      accept: ".csv,text/csv",
    });
    put(
      body,
      h(
        "div",
        { class: "govuk-form-group" },
        h("label", { class: "govuk-label govuk-label--s", for: "import-file" }, "Choose a CSV file of audits"),
        h(
          "div",
          { class: "govuk-hint", id: "import-file-hint" },
          "One row per audited case, with a heading row. Export your audits here to see the template; your own column names can be matched in the next step.",
        ),
        input,
      ),
      govButton({
        text: "Continue",
        id: "import-continue",
        onClick: async () => {
          const file = input.files?.[0];
          if (!file) return showErrors([{ id: "import-file", message: "Choose a CSV file" }]);
          const rows = parseCsv(await file.text());
          if (rows.filter(filled).length < 2)
            return showErrors([{ id: "import-file", message: "The file has no rows of audits under its heading row" }]);
          app.go("audits-import", { csv: rows }, { replace: true });
        },
      }),
    );
  } else {
    // The heading is the first row with something in it; blank rows are skipped but counted, so
    // each audit keeps its spreadsheet row number (`lines`, the heading's row being 1 or later).
    const headAt = csv.findIndex(filled);
    const head = csv[headAt];
    const lines = [];
    const rows = [];
    for (const [i, r] of csv.entries())
      if (i > headAt && filled(r)) {
        lines.push(i + 1);
        rows.push(r);
      }
    const norm = (s) =>
      String(s)
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "");
    const mapping = params.mapping ?? {};
    // The matches made for an earlier file with the same column names come back.
    const remembered = app.store.read(COLUMNS_KEY) ?? {};
    for (const f of fields) {
      if (mapping[f.key] != null) continue;
      const name = remembered[f.key];
      const at = name == null ? -1 : head.findIndex((x) => String(x).trim() === name);
      if (at >= 0) {
        mapping[f.key] = String(at);
        continue;
      }
      const i = head.findIndex((x) => norm(x) === norm(f.key) || norm(x) === norm(f.label));
      mapping[f.key] = i >= 0 ? String(i) : "";
    }
    const items = [
      { value: "", text: "(not in this file)" },
      ...head.map((x, i) => ({ value: String(i), text: x || `Column ${i + 1}` })),
    ];
    const mapSelect = (f) =>
      govSelect({
        id: `map-${fieldId(f.key)}`,
        name: `map-${fieldId(f.key)}`,
        label: { text: f.label },
        items,
        value: mapping[f.key],
        onChange: (v) => {
          mapping[f.key] = v;
        },
      });
    put(
      body,
      h("p", { class: "govuk-body" }, `${rows.length} rows. Match each field to a column of your file.`),
      fields.filter((f) => !f.moderation).map((f) => mapSelect(f)),
      // The second auditor's columns, open when the file has any of them.
      h(
        "details",
        {
          class: "govuk-details",
          id: "map-moderation",
          open: fields.some((f) => f.moderation && mapping[f.key] !== "") ? true : null,
        },
        h(
          "summary",
          { class: "govuk-details__summary" },
          h("span", { class: "govuk-details__summary-text" }, "Moderation: a second auditor's grades"),
        ),
        h(
          "div",
          { class: "govuk-details__text" },
          fields.filter((f) => f.moderation).map((f) => mapSelect(f)),
        ),
      ),
      h(
        "div",
        { class: "govuk-button-group" },
        govButton({
          text: "Check and import",
          id: "import-check",
          onClick: () => {
            const audits = auditsFromCsv(rows, mapping, criteria, areas);
            // The matches are kept (by the file's column names), so a fixed file needs none again.
            rememberColumns(app, head, mapping);
            const probe = {
              format: app.limits.format,
              version: app.limits.formatVersion,
              framework: app.a.framework,
              assessedOn: app.a.assessedOn ?? null,
              audits,
            };
            const byRow = new Map();
            for (const p of app.core.validateAssessment(probe)) {
              const m = /^audits\.(\d+)(?:\.(.*))?$/.exec(p.field);
              if (m && !byRow.has(Number(m[1])))
                byRow.set(Number(m[1]), `${csvCellText(head, rows[Number(m[1])], mapping, m[2])}${p.message}`);
            }
            const existing = app.a.audits ?? [];
            if (existing.length + audits.length > MAX_AUDITS) {
              return showErrors([
                {
                  id: "import-check",
                  message: `${FULL}: it has ${formatCount(existing.length)}, and the file ${formatCount(audits.length)}`,
                },
              ]);
            }
            // The same audit twice (case, area and date) would count the case twice: refused, by row.
            const held = new Set(existing.map(auditKey));
            const seen = new Map();
            const areaName = Object.fromEntries(areas.map((a) => [a.id, a.name]));
            for (const [i, a] of audits.entries()) {
              if (byRow.has(i) || !a.caseRef || !a.area || !a.date) continue;
              const key = auditKey(a);
              const what = `case ${a.caseRef} for ${areaName[a.area] ?? a.area} on ${formatDateShort(a.date)}`;
              if (held.has(key))
                byRow.set(i, `The audit of ${what} is already in your audits: an audit is imported once`);
              else if (seen.has(key))
                byRow.set(i, `The audit of ${what} is in row ${lines[seen.get(key)]} too: an audit is imported once`);
              else seen.set(key, i);
            }
            if (byRow.size) {
              // Row numbers as a spreadsheet shows them: the heading is row 1.
              const errors = [...byRow.entries()]
                .sort((a, b) => a[0] - b[0])
                .map(([i, message]) => ({ id: "import-check", message: `Row ${lines[i]}: ${message}` }));
              return showErrors(errors);
            }
            app.set("audits", [...existing, ...audits]);
            app.go("audits", {}, { notice: ["Audits imported", `${audits.length} audits were imported.`] });
          },
        }),
        app.link("Cancel", "audits"),
      ),
    );
  }
  put(
    main,
    summarySlot,
    h("span", { class: "govuk-caption-l" }, "Case-file audits"),
    h("h1", { class: "govuk-heading-l" }, "Import audits from a CSV file"),
    h(
      "p",
      { class: "govuk-body" },
      "Nothing is imported until every row is right: each problem is listed with its row number, so you can correct the file and choose it again.",
    ),
    body,
  );
}
