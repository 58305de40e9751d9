// The self-evaluation as a workbook a performance team can filter and print, laid out from the one
// report model (model.mjs): one idea per sheet, long text wrapped, wide sheets landscape and fitted
// to the page's width (office.mjs's makeXlsx).
import { basis, reportModel } from "./model.mjs";

const text = (header, width) => ({ header, width });
/** A column of long text, wrapped in its cell. */
const long = (header, width) => ({ header, width, wrap: true });
const date = (header) => ({ header, type: "date", width: 12 });

/** The workbook's description (makeXlsx): summary, judgements, reasons, answers, audits, action plan, pathway, indicators, last year, peer challenge. */
export function selfEvaluationWorkbook(app, model = reportModel(app)) {
  const m = model;
  const sheets = [];
  const summary = [
    ...m.summary.rows.map(([name, fit, likely]) => ["Judgement", `${name}: ${fit}. ${likely}.`]),
    ...m.summary.risks.map((r) => ["Top risk", r]),
    ...m.summary.changes.map((c) => ["What would most change them", c]),
    ["Last inspection", m.history.lastInspection ?? "Not recorded in this self-evaluation"],
    ...m.history.visits.map((v) => ["Since then", v]),
    ["Next inspection", m.summary.next],
    ...(m.auditRule ? [["Case-file audits", m.auditRule.text]] : []),
    ...(m.comparison?.warning ? [["Last year's file", m.comparison.warning]] : []),
  ];
  sheets.push({
    name: "Summary",
    columns: [text("What", 26), long("Says", 110)],
    rows: [[m.orgKey, m.authority], ["Date of self-evaluation", m.assessedOn], ["Framework", m.framework], ...summary],
    landscape: true,
  });
  sheets.push({
    name: "Judgements",
    columns: [
      long("Judgement", 30),
      long("Your answers fit", 20),
      long("Most likely allowing for evidence", 20),
      { header: "Statements answered", type: "number", width: 11 },
      { header: "Statements", type: "number", width: 11 },
      { header: "Not known", type: "number", width: 11 },
      ...["outstanding", "good", "requires_improvement", "inadequate"].map((g) => ({
        header: `Chance ${(m.gradeLabels?.[g] ?? g).toLowerCase()}`,
        type: "percent",
        width: 12,
      })),
      { header: "Chance no grade", type: "percent", width: 12 },
      long("Why the chances differ", 50),
    ],
    rows: m.judgements.map((j) => {
      const chance = (id) => (j.chances ? (j.chances.find((c) => c.id === id)?.chance ?? 0) : null);
      return [
        j.name,
        j.headline,
        j.likelyGrade,
        j.completeness?.answered ?? null,
        j.completeness?.total ?? null,
        j.completeness?.notKnown ?? null,
        chance("outstanding"),
        chance("good"),
        chance("requires_improvement"),
        chance("inadequate"),
        chance("none"),
        j.note ?? "",
      ];
    }),
    landscape: true,
  });
  sheets.push({
    name: "Reasons",
    columns: [long("Judgement", 26), long("Reason", 70), text("Basis", 16), long("Statements", 60)],
    rows: m.judgements.flatMap((j) => j.reasons.map((r) => [j.name, r.text, basis(r.tag), r.statements.join("; ")])),
    landscape: true,
  });
  sheets.push({
    name: "Answers",
    columns: [
      long("Area", 18),
      text("Statement id", 18),
      long("Statement", 44),
      text("Critical", 9),
      text("Level", 16),
      long("Evidence", 26),
      long("Case-file audits", 36),
      long("Notes", 34),
      long("Planned action", 34),
      long("Owner", 16),
      date("Due"),
      text("Status", 12),
      date("Review"),
    ],
    rows: m.statements.map((s) => [
      s.area,
      s.id,
      s.text,
      s.critical ? "Yes" : "No",
      s.level,
      s.evidence.join("; "),
      s.audit ?? "",
      s.notes,
      s.action?.text ?? "",
      s.action?.owner ?? "",
      s.action?.due ?? "",
      s.action?.status ?? "",
      s.action?.review ?? "",
    ]),
    landscape: true,
  });
  const audited = m.statements.filter((s) => s.audit);
  if (audited.length)
    sheets.push({
      name: "Audits",
      columns: [long("Area", 18), long("Statement", 50), text("Our rating", 18), long("What the audits say", 80)],
      rows: audited.map((s) => [s.area, s.text, s.level, s.audit]),
      landscape: true,
    });
  sheets.push({
    name: "Action plan",
    columns: [
      long("Area", 18),
      text("Statement id", 18),
      long("Statement", 44),
      text("Critical", 9),
      text("Level now", 16),
      long("Action", 40),
      long("Owner", 16),
      date("Due"),
      text("Status", 12),
      date("Review"),
      long("Finding about leaders", 36),
      long("Case-file audits", 36),
    ],
    rows: m.actionPlan.map((x) => [
      x.area,
      x.statementId,
      x.statement,
      x.critical ? "Yes" : "No",
      x.level,
      x.action?.text ?? "",
      x.action?.owner ?? "",
      x.action?.due ?? "",
      x.action?.status ?? "",
      x.action?.review ?? "",
      x.finding,
      x.audit ?? "",
    ]),
    landscape: true,
  });
  sheets.push({
    name: "Pathway",
    columns: [
      date("Date"),
      date("Earliest"),
      date("Latest"),
      long("Kind", 18),
      long("What happens", 34),
      long("Only if", 34),
      long("Details", 60),
      text("Basis", 16),
    ],
    rows: m.timeline.events.map((ev) => [
      ev.date,
      ev.earliest,
      ev.latest,
      ev.kind,
      ev.title,
      ev.condition ?? "",
      ev.details,
      ev.basis,
    ]),
    landscape: true,
  });
  if (m.indicators.length)
    sheets.push({
      name: "Indicators",
      columns: [
        long("Indicator", 44),
        text("Unit", 10),
        { header: "Ours", type: "number", width: 10 },
        { header: "England", type: "number", width: 10 },
        text("England period", 14),
        long("Better when", 14),
        long("Comparison", 20),
        text("Inspectors likely to ask", 12),
      ],
      rows: m.indicators.map((i) => [
        i.name,
        i.unit,
        i.own,
        i.england,
        i.period,
        i.better,
        i.comparison,
        i.flagged == null ? "" : i.flagged ? "Yes" : "No",
      ]),
      landscape: true,
    });
  if (m.comparison)
    sheets.push({
      name: "Last year",
      columns: [
        text("Kind", 12),
        long("Judgement, statement or indicator", 60),
        long("Then", 20),
        long("Now", 20),
        text("Change", 14),
      ],
      rows: [
        ...(m.comparison.warning ? [["Warning", m.comparison.warning, "", "", ""]] : []),
        ...m.comparison.judgementRows.map((r) => ["Judgement", ...r]),
        ...m.comparison.moved.map((r) => ["Statement", ...r]),
        ...(m.comparison.indicators ?? []).map((r) => ["Indicator", ...r.map(String)]),
      ],
      landscape: true,
    });
  if (m.peer?.length)
    sheets.push({
      name: "Peer challenge",
      columns: [
        long("Reviewer", 22),
        date("Responded on"),
        text("What", 12),
        long("Statement", 44),
        long("Area", 18),
        long("Reviewer's view", 18),
        text("Rating they would give", 16),
        long("Question or letter", 50),
        long("Note", 30),
        long("Our reply", 40),
      ],
      rows: m.peer.flatMap((x) =>
        x.waiting
          ? [[x.reviewer, "", "Pack sent", "", "", "", "", x.summary, "", ""]]
          : [
              [x.reviewer, x.respondedOn, "Letter", "", "", "", "", x.letter, "", ""],
              ...x.challenges.map((c) => [
                x.reviewer,
                x.respondedOn,
                "Challenge",
                c.statement,
                c.area,
                c.view,
                c.rating,
                c.question,
                c.note,
                c.reply,
              ]),
            ],
      ),
      landscape: true,
    });
  return { sheets };
}
