// Case-file audits ("how do you know it"): `#stocktake/audits`, the list of audited cases with
// what they support for each self-rating, 50 a page, and the audits' CSV export. Audits live in the
// assessment (`audits`, file version 2), so autosave, files and the passphrase-protected file keep
// them with everything else. The core checks every audit and summarises them (`auditEvidence`);
// these pages only show and edit.
import { h, put } from "../../ui/dom.mjs";
import { govButton, govTable, govTag, govWarning, tableCells } from "../../ui/govuk.mjs";
import { csvText } from "../../domain/csv.mjs";
import { downloadText } from "../../domain/files.mjs";
import { datesInText, formatCount, formatDateShort } from "../../ui/format.mjs";
import { FULL, GRADE_TEXT, LEVEL_TEXT, MAX_AUDITS, challenged, criteriaOf, futureAudits } from "./common.mjs";

/** A table inside a focusable region that scrolls on a narrow screen. */
function scrolling(caption, table) {
  return h("div", { class: "st-table-scroll", tabindex: "0", role: "region", "aria-label": caption }, table);
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
