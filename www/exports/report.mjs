// The self-evaluation and the workshop comparison as files: a Word document a DCS can edit and
// take to scrutiny, and a workbook a performance team can filter. This module describes them in
// plain data, from what the pages already show (every grade, chance, reason, date and comparison
// comes from the wasm core through app.scored, the simulation and the pathway); the exporters
// (www/exports/office.mjs, loaded only when a file is asked for) turn the description into the
// file, in the browser. Nothing is sent anywhere. The printed report follows the same sections.
import { h } from "../ui/dom.mjs";
import { govButton } from "../ui/govuk.mjs";
import { TRUST, datesInText, formatDateLong, formatDateShort, formatNumber, formatPercent } from "../ui/format.mjs";
import { downloadBlob, fileStem } from "../domain/files.mjs";
import { familyTerms } from "../domain/family.mjs";
import {
  GRADE_ORDER,
  KIND_TEXT,
  gradeLabel,
  hasChances,
  headlineText,
  lastYearComparison,
  runSimulation,
  scrollTable,
  separateOverall,
  liftChange,
  statementText,
  topLifts,
  whenText,
} from "../domain/results-data.mjs";

export const MARKING = "Draft — private";

const STRONG = new Set(["outstanding", "good"]);

const COMPARISON_TEXT = { better: "Better than England", similar: "Similar to England", worse: "Worse than England" };

/**
 * A block of a section: a paragraph, a heading, a list or a table.
 * @typedef {{ type: string, text?: any, small?: boolean, level?: number, items?: any[], ordered?: boolean,
 *   caption?: string, head?: string[], rows?: any[][], widths?: number[] }} Block
 */
/** @returns {Block} */
const p = (text, small = false) => ({ type: "p", text, small: Boolean(small) });
/** @returns {Block} */
const h2 = (text) => ({ type: "h", level: 2, text });
/** @returns {Block} */
const list = (items, ordered = false) => ({ type: "list", items, ordered: Boolean(ordered) });
/** @returns {Block} */
const table = (caption, head, rows, widths) => ({ type: "table", caption, head, rows, widths });

/** "(assumption)", "(unverified)" or "(secondary source)" after anything resting on a rule tagged
 * R, U or S, as the page's tags say it. */
const assumed = (tag) => (tag in TRUST && !["V", "D"].includes(tag) ? ` (${TRUST[tag].short.toLowerCase()})` : "");
/** A rule's basis for a spreadsheet column: "Verified", "From official data", …, "Assumption". */
const basis = (tag) => TRUST[tag]?.short ?? "";

/** Everything the files and the printed report say, worked out once from the app's state. */
function facts(app) {
  const fw = app.fw();
  const scored = app.scored;
  const sim = scored ? runSimulation(app) : null;
  let pw = null;
  try {
    pw = app.pathway.run();
  } catch {
    pw = null;
  }
  const evidenceLabel = new Map((fw?.evidenceSources ?? []).map((e) => [e.id, e.label]));
  const areaName = new Map((fw?.areas ?? []).map((a) => [a.id, a.name]));
  const overallJ = scored ? separateOverall(fw, scored) : null;
  // Judgements in the page's order, the separate overall one first, each with its chances.
  const judgements = [];
  if (overallJ)
    judgements.push({
      id: overallJ.id,
      name: overallJ.name,
      grade: scored.overall.grade,
      label: scored.overall.label,
      reasons: scored.overall.reasons,
      simJ: sim?.overall
        ? { probabilities: sim.overall.probabilities, mostLikely: mostLikelyOf(sim.overall.probabilities) }
        : null,
      areas: [],
    });
  for (const j of scored?.judgements ?? [])
    judgements.push({
      ...j,
      simJ: sim?.judgements?.find((x) => x.id === j.id) ?? null,
      areas: (fw?.areas ?? []).filter((a) => a.judgement === j.id).map((a) => a.id),
    });
  return { fw, scored, sim, pw, evidenceLabel, areaName, judgements, comparison: lastYearComparison(app) };
}

function mostLikelyOf(probabilities) {
  let best = null;
  for (const g of GRADE_ORDER) if (best == null || (probabilities?.[g] ?? 0) > (probabilities?.[best] ?? 0)) best = g;
  return best;
}

/** "Most likely good (62%)" or "No chances to show", as the summary table says. */
function likelyText(app, j) {
  const likely = j.simJ?.mostLikely;
  if (!hasChances(j.simJ) || !likely) return "No chances to show";
  const chance = formatPercent(j.simJ.probabilities[likely]);
  return `${likely === j.grade ? "Most likely as fitted" : `Most likely ${app.levelLabel(likely).toLowerCase()}`} (${chance})`;
}

function authorityName(app) {
  return app.a?.authority || familyTerms(app.fw()).org;
}

/** The statements of a judgement's areas, with the answers given. */
function judgementStatements(app, f, j) {
  const out = [];
  for (const areaId of j.areas) {
    const area = f.fw?.areas?.find((a) => a.id === areaId);
    for (const s of area?.statements ?? []) out.push({ s, area, ans: app.a?.answers?.[s.id] ?? {} });
  }
  return out;
}

function summarySection(app, f) {
  const blocks = [
    p("These are estimates from our own answers, to help us plan. They are not what Ofsted will decide."),
    table(
      "Each judgement: the grade our answers fit, and the most likely outcome allowing for our evidence",
      ["Judgement", "Our answers fit", "Allowing for our evidence"],
      f.judgements.map((j) => [j.name, headlineText(j), likelyText(app, j)]),
      [34, 28, 38],
    ),
  ];
  const lifts = topLifts(f.scored?.judgements);
  const risks = [
    ...(f.scored?.challenges ?? []).map((c) => `${c.text}${assumed(c.tag)}`),
    ...(f.scored?.indicators ?? []).filter((i) => i.flagged).map((i) => i.message),
  ];
  blocks.push(h2("The top risks"));
  blocks.push(
    risks.length
      ? list(risks)
      : p("None of our ratings is questioned by our own answers, and none of our indicators is flagged."),
  );
  if (lifts.length) {
    blocks.push(h2("What would most change the judgements"));
    blocks.push(
      list(
        lifts.map(
          ({ j, step }) =>
            `${statementText(app, step.statementId).text} — ${j.name.replace(/^The /, "the ")}: ${liftChange(app, step)}`,
        ),
        true,
      ),
    );
  }
  const next = f.pw?.next;
  blocks.push(h2("The next inspection"));
  blocks.push(
    next?.window
      ? p(
          `Our next full inspection is most likely around ${formatDateLong(next.window.likely)}, between ${formatDateShort(next.window.earliest)} and ${formatDateShort(next.window.latest)}.`,
        )
      : p("Not enough is known about our inspection history to say."),
  );
  return { heading: "Summary", blocks };
}

/** One judgement: the three questions (what we know, how we know it, our plans), why, and what would lift it. */
function judgementSection(app, f, j) {
  const c = j.completeness;
  const blocks = [
    p([
      "Our answers fit: ",
      { text: headlineText(j), bold: true },
      c ? `. ${c.answered} of ${c.total} statements answered${c.notKnown ? `, ${c.notKnown} not known` : ""}.` : ".",
    ]),
  ];
  if (j.simJ?.note) blocks.push(p(j.simJ.note));
  const rows = judgementStatements(app, f, j);
  if (rows.length) {
    const rated = (pred) =>
      rows
        .filter(({ ans }) => ans.level && pred(ans.level))
        .map(({ s, ans }) => [
          `${s.text}${s.critical ? " (critical)" : ""}`,
          app.levelLabel(ans.level),
          ans.notes ?? "",
        ]);
    const strengths = rated((l) => STRONG.has(l));
    const weaknesses = rated((l) => !STRONG.has(l));
    const unanswered = rows.filter(({ ans }) => !ans.level).length;
    blocks.push(h2("What we know"));
    blocks.push(
      strengths.length
        ? table(
            "Strengths: statements we rate good or better",
            ["Statement", "Our rating", "Our notes"],
            strengths,
            [48, 20, 32],
          )
        : p("We rate no statement in this judgement good or better."),
    );
    blocks.push(
      weaknesses.length
        ? table(
            "Weaknesses and gaps: statements we rate below good or not known",
            ["Statement", "Our rating", "Our notes"],
            weaknesses,
            [48, 20, 32],
          )
        : p("We rate no statement in this judgement below good or not known."),
    );
    if (unanswered)
      blocks.push(p(`${unanswered} ${unanswered === 1 ? "statement is" : "statements are"} not answered yet.`));
    blocks.push(h2("How we know it"));
    const evidenced = rows
      .filter(({ ans }) => ans.level)
      .map(({ s, ans }) => [
        s.text,
        (ans.evidence ?? []).map((e) => f.evidenceLabel.get(e) ?? e).join("; ") || "No evidence recorded",
      ]);
    blocks.push(
      evidenced.length
        ? table("The evidence behind each rating", ["Statement", "Evidence"], evidenced, [60, 40])
        : p("No statement in this judgement is answered yet."),
    );
    blocks.push(h2("Our plans"));
    const actions = rows
      .filter(({ ans }) => ans.action?.text)
      .map(({ s, ans }) => [s.text, ans.action.text, ans.action.owner ?? "", dateText(ans.action.due)]);
    blocks.push(
      actions.length
        ? table("Actions we have planned", ["Statement", "Action", "Owner", "Due"], actions, [34, 32, 16, 18])
        : p("No action is planned for this judgement yet."),
    );
  }
  blocks.push(h2("Why"));
  blocks.push(
    (j.reasons ?? []).length
      ? list(j.reasons.map((r) => `${r.text}${assumed(r.tag)}`))
      : p("No reasons: not enough is answered yet."),
  );
  if (j.lift) {
    blocks.push(h2("What would lift this judgement"));
    blocks.push(
      j.lift.length
        ? list(
            j.lift.map((step) => `${statementText(app, step.statementId).text} — ${liftChange(app, step)}`),
            true,
          )
        : p(j.liftNote ?? "Nothing to lift."),
    );
  }
  if (hasChances(j.simJ)) {
    const grades = GRADE_ORDER.filter((g) => g !== "none" || (j.simJ.probabilities?.none ?? 0) > 0);
    blocks.push(h2("How sure is this?"));
    blocks.push(
      table(
        `Chance of each grade out of ${f.sim.runs.toLocaleString("en-GB")} simulated inspections allowing for how firm our evidence is`,
        ["Grade", "Chance"],
        grades.map((g) => [gradeLabel(app, g), formatPercent(j.simJ.probabilities?.[g] ?? 0)]),
        [60, 40],
      ),
    );
  }
  return { heading: j.name, blocks };
}

function dateText(iso) {
  return iso ? formatDateShort(iso) : "";
}

function actionPlanSection(app, f) {
  const plan = [...(f.scored?.actionPlan ?? [])].sort((x, y) => Number(y.critical) - Number(x.critical));
  if (!plan.length)
    return {
      heading: "Action plan",
      blocks: [p("No gaps: every statement we answered is good or better.")],
    };
  const missing = plan.filter((x) => !x.hasAction).length;
  return {
    heading: "Action plan",
    landscape: true,
    blocks: [
      p(
        `Statements we rated below good or not known, with the actions we planned. Critical gaps first.${missing ? ` ${missing} ${missing === 1 ? "gap has" : "gaps have"} no action yet.` : " Every gap has an action."}`,
      ),
      table(
        "Gaps and planned actions",
        ["Area", "Statement", "Level now", "Action", "Owner", "Due"],
        plan.map((x) => [
          f.areaName.get(x.area) ?? x.area,
          `${x.text}${x.critical ? " (critical)" : ""}${x.finding ? `. ${x.finding}` : ""}`,
          app.levelLabel(x.level),
          x.hasAction ? x.action.text : "No action yet",
          x.action?.owner ?? "",
          dateText(x.action?.due),
        ]),
        [13, 31, 13, 23, 10, 10],
      ),
    ],
  };
}

function pathwaySection(f) {
  const pw = f.pw;
  if (!pw || pw.error)
    return {
      heading: "Inspection pathway",
      blocks: [p(`Stocktake could not work out the pathway${pw?.error ? `: ${pw.error}` : "."}`)],
    };
  const blocks = [];
  const next = pw.next;
  if (next?.window)
    blocks.push(
      p(
        `${next.kind === "full" ? "Our next full inspection is" : `Our next full inspection is likely to be a ${KIND_TEXT[next.kind] ?? next.kind}:`} most likely around ${formatDateLong(next.window.likely)}, between ${formatDateShort(next.window.earliest)} and ${formatDateShort(next.window.latest)}.`,
      ),
      p(`${next.rule.text}${assumed(next.rule.tag)}`, true),
    );
  blocks.push(
    table(
      "Step by step",
      ["When", "What happens", "Details"],
      (pw.events ?? []).map((ev) => [whenText(ev), `${ev.title}${assumed(ev.tag)}`, datesInText(ev.description ?? "")]),
      [26, 26, 48],
    ),
  );
  return { heading: "Inspection pathway", landscape: true, blocks };
}

/** The indicators with a figure, against England. */
function indicatorRows(app, f) {
  return (f.fw?.indicators ?? []).map((ind) => {
    const r = f.scored?.indicators?.find((x) => x.id === ind.id) ?? null;
    const own = app.a?.indicators?.[ind.id];
    return { ind, r, own: typeof own === "number" ? own : null };
  });
}

function indicatorsSection(app, f) {
  const rows = indicatorRows(app, f);
  if (!rows.length) return null;
  const unit = (ind, n) => (n == null ? "" : `${formatNumber(n)}${ind.unit === "percent" ? "%" : ""}`);
  return {
    heading: "Indicators against England",
    blocks: [
      table(
        "Our latest figures and England's",
        ["Indicator", "Ours", "England", "Comparison"],
        rows.map(({ ind, r, own }) => [
          ind.name,
          own == null ? "Not given" : unit(ind, own),
          ind.national ? `${unit(ind, ind.national.value)} (${ind.national.period})` : "",
          r ? `${COMPARISON_TEXT[r.comparison] ?? r.comparison}${r.flagged ? "; inspectors likely to ask" : ""}` : "",
        ]),
        [40, 14, 22, 24],
      ),
    ],
  };
}

function comparisonSection(f) {
  const c = f.comparison;
  if (!c) return null;
  const { lastYear, judgementRows, moved, same } = c;
  return {
    heading: "Compared with last year",
    blocks: [
      p(
        `Compared with ${lastYear.authority ? `${lastYear.authority}, ` : ""}${lastYear.assessedOn ? formatDateShort(lastYear.assessedOn) : "last year's file"}.`,
      ),
      table("Judgements, then and now", ["Judgement", "Then", "Now", "Change"], judgementRows, [40, 22, 22, 16]),
      moved.length
        ? table(
            `Statements that moved (${moved.length})`,
            ["Statement", "Then", "Now", "Change"],
            moved,
            [52, 17, 17, 14],
          )
        : p("No statement moved."),
      p(`${same} ${same === 1 ? "statement is" : "statements are"} unchanged.`),
      c.indicators?.length
        ? table(
            "Indicators, then and now",
            ["Indicator", "Then", "Now", "Change"],
            c.indicators.map((r) => r.map(String)),
            [46, 18, 18, 18],
          )
        : null,
    ].filter(Boolean),
  };
}

/** The Word document's description (www/exports/office.mjs, makeDocx). */
export function selfEvaluationDocument(app) {
  const f = facts(app);
  return {
    title: "Self-evaluation",
    subtitle: authorityName(app),
    marking: MARKING,
    prepared: `Prepared with Stocktake ${app.core.version()}`,
    facts: [
      [familyTerms(f.fw).orgKey, authorityName(app)],
      ["Date of self-evaluation", app.a?.assessedOn ? formatDateLong(app.a.assessedOn) : "Not given"],
      ["Framework", f.fw?.name ?? app.a?.framework ?? ""],
      ["Status", "Draft, private: estimates from our own answers, not an Ofsted judgement"],
    ],
    sections: [
      summarySection(app, f),
      ...f.judgements.map((j) => judgementSection(app, f, j)),
      actionPlanSection(app, f),
      pathwaySection(f),
      indicatorsSection(app, f),
      comparisonSection(f),
    ].filter(Boolean),
  };
}

/** The sections the printed report adds after the page's own (indicators, last year), as the Word document has them. */
export function reportExtraSections(app) {
  const f = facts(app);
  return [indicatorsSection(app, f), comparisonSection(f)].filter(Boolean);
}

/** The workbook's description (makeXlsx): answers, judgements and chances, reasons, action plan, pathway, indicators. */
export function selfEvaluationWorkbook(app) {
  const f = facts(app);
  const text = (header, width) => ({ header, width });
  const sheets = [];
  const answers = [];
  for (const area of f.fw?.areas ?? [])
    for (const s of area.statements) {
      const ans = app.a?.answers?.[s.id] ?? {};
      answers.push([
        area.name,
        s.id,
        s.text,
        s.critical ? "Yes" : "No",
        ans.level ? app.levelLabel(ans.level) : "",
        (ans.evidence ?? []).map((e) => f.evidenceLabel.get(e) ?? e).join("; "),
        ans.notes ?? "",
        ans.action?.text ?? "",
        ans.action?.owner ?? "",
        ans.action?.due ?? "",
      ]);
    }
  sheets.push({
    name: "Answers",
    columns: [
      text("Area", 24),
      text("Statement id", 20),
      text("Statement", 60),
      text("Critical", 9),
      text("Level", 20),
      text("Evidence", 30),
      text("Notes", 40),
      text("Planned action", 40),
      text("Owner", 18),
      { header: "Due", type: "date", width: 12 },
    ],
    rows: answers,
  });
  const grades = GRADE_ORDER.filter((g) => g !== "none");
  sheets.push({
    name: "Judgements",
    columns: [
      text("Judgement", 40),
      text("Your answers fit", 22),
      text("Most likely allowing for evidence", 22),
      { header: "Statements answered", type: "number", width: 11 },
      { header: "Statements", type: "number", width: 11 },
      { header: "Not known", type: "number", width: 11 },
      ...grades.map((g) => ({ header: `Chance ${app.levelLabel(g).toLowerCase()}`, type: "percent", width: 12 })),
      { header: "Chance no grade", type: "percent", width: 12 },
    ],
    rows: f.judgements.map((j) => [
      j.name,
      headlineText(j),
      hasChances(j.simJ) && j.simJ.mostLikely ? gradeLabel(app, j.simJ.mostLikely) : "",
      j.completeness?.answered ?? null,
      j.completeness?.total ?? null,
      j.completeness?.notKnown ?? null,
      ...grades.map((g) => (hasChances(j.simJ) ? (j.simJ.probabilities?.[g] ?? 0) : null)),
      hasChances(j.simJ) ? (j.simJ.probabilities?.none ?? 0) : null,
    ]),
  });
  sheets.push({
    name: "Reasons",
    columns: [text("Judgement", 36), text("Reason", 80), text("Basis", 18), text("Statements", 50)],
    rows: f.judgements.flatMap((j) =>
      (j.reasons ?? []).map((r) => [
        j.name,
        r.text,
        basis(r.tag),
        (r.statements ?? []).map((id) => statementText(app, id).text).join("; "),
      ]),
    ),
  });
  sheets.push({
    name: "Action plan",
    columns: [
      text("Area", 24),
      text("Statement id", 20),
      text("Statement", 60),
      text("Critical", 9),
      text("Level now", 20),
      text("Action", 40),
      text("Owner", 18),
      { header: "Due", type: "date", width: 12 },
      text("Finding about leaders", 50),
    ],
    rows: [...(f.scored?.actionPlan ?? [])]
      .sort((x, y) => Number(y.critical) - Number(x.critical))
      .map((x) => [
        f.areaName.get(x.area) ?? x.area,
        x.statementId,
        x.text,
        x.critical ? "Yes" : "No",
        app.levelLabel(x.level),
        x.hasAction ? x.action.text : "",
        x.action?.owner ?? "",
        x.action?.due ?? "",
        x.finding ?? "",
      ]),
  });
  sheets.push({
    name: "Pathway",
    columns: [
      { header: "Date", type: "date", width: 12 },
      { header: "Earliest", type: "date", width: 12 },
      { header: "Latest", type: "date", width: 12 },
      text("Kind", 14),
      text("What happens", 40),
      text("Details", 80),
      text("Basis", 18),
    ],
    rows: (f.pw?.events ?? []).map((ev) => [
      ev.date ?? ev.window?.likely ?? "",
      ev.date ?? ev.window?.earliest ?? "",
      ev.date ?? ev.window?.latest ?? "",
      ev.kind ?? "",
      ev.title ?? "",
      datesInText(ev.description ?? ""),
      basis(ev.tag),
    ]),
  });
  const inds = indicatorRows(app, f);
  if (inds.length)
    sheets.push({
      name: "Indicators",
      columns: [
        text("Indicator", 50),
        text("Unit", 10),
        { header: "Ours", type: "number", width: 10 },
        { header: "England", type: "number", width: 10 },
        text("England period", 14),
        text("Better when", 10),
        text("Comparison", 20),
        text("Inspectors likely to ask", 10),
      ],
      rows: inds.map(({ ind, r, own }) => [
        ind.name,
        ind.unit ?? "",
        own,
        ind.national?.value ?? null,
        ind.national?.period ?? "",
        ind.direction === "higher_is_better" ? "Higher" : "Lower",
        r ? (COMPARISON_TEXT[r.comparison] ?? r.comparison) : "",
        r ? (r.flagged ? "Yes" : "No") : "",
      ]),
    });
  if (f.comparison)
    sheets.push({
      name: "Last year",
      columns: [
        text("Kind", 12),
        text("Judgement, statement or indicator", 60),
        text("Then", 20),
        text("Now", 20),
        text("Change", 14),
      ],
      rows: [
        ...f.comparison.judgementRows.map((r) => ["Judgement", ...r]),
        ...f.comparison.moved.map((r) => ["Statement", ...r]),
        ...(f.comparison.indicators ?? []).map((r) => ["Indicator", ...r.map(String)]),
      ],
    });
  return { sheets };
}

// ---- workshop ------------------------------------------------------------------------------------

const WORKSHOP_COLUMNS = ["outstanding", "good", "requires_improvement", "inadequate", "not_known", "unanswered"];

/** The facilitator's comparison (compareParticipants from the workshop core) as a Word document. */
export function workshopDocument(app, result) {
  const fw = result.framework ? app.fw(result.framework) : null;
  const byId = new Map((result.statements ?? []).map((s) => [s.id, s]));
  const label = (g) => (g ? app.levelLabel(g) : "Not enough answered");
  const pct = (x) => (x == null ? "–" : `${Math.round(x * 100)}%`);
  const levelShort = (l) => (l === "unanswered" ? "Not answered" : app.levelLabel(l));
  return {
    title: "Workshop comparison",
    subtitle: result.scenarioName ?? fw?.name ?? "",
    marking: "Workshop — private",
    prepared: `Prepared with Stocktake ${app.core.version()}`,
    facts: [
      ["Scenario", result.scenarioName ?? "None"],
      ["Framework", fw?.name ?? result.framework ?? ""],
      ["Participants", String(result.participants.length)],
      ["Date", formatDateLong(app.today())],
    ],
    sections: [
      {
        heading: "Participants",
        blocks: [list(result.participants.map((x) => (x.participant ? `${x.participant} (${x.name})` : x.name)))],
      },
      {
        heading: "Where participants disagree most",
        blocks: [
          result.disagreements.length
            ? list(
                result.disagreements.map((id) => {
                  const s = byId.get(id);
                  return `${s.text} — agreement ${pct(s.agreement)}, spread ${s.spread ?? "–"}${s.reference ? `, reference ${app.levelLabel(s.reference)}` : ""}`;
                }),
                true,
              )
            : p("Participants agree on every statement they answered."),
        ],
      },
      {
        heading: "Projected judgements",
        blocks: (result.judgements ?? []).flatMap((j) => [
          h2(j.name),
          p(`Agreement ${pct(j.agreement)}. Reference: ${j.reference ? label(j.reference) : "none"}.`),
          table(
            `Projected grades for ${j.name}`,
            ["Participant", "Projected grade", "Matches the reference"],
            j.participants.map((x) => [
              x.name,
              label(x.grade),
              x.matchesReference == null ? "No reference" : x.matchesReference ? "Yes" : "No",
            ]),
            [40, 30, 30],
          ),
        ]),
      },
      {
        heading: "Statement by statement",
        landscape: true,
        blocks: (fw?.areas ?? []).flatMap((area) => {
          const rows = area.statements.map((s) => byId.get(s.id)).filter(Boolean);
          return rows.length
            ? [
                table(
                  area.name,
                  ["Statement", ...WORKSHOP_COLUMNS.map(levelShort), "Agreement", "Spread", "Reference"],
                  rows.map((s) => [
                    s.text,
                    ...WORKSHOP_COLUMNS.map((l) => String(s.counts[l] ?? 0)),
                    pct(s.agreement),
                    s.spread == null ? "–" : String(s.spread),
                    s.reference ? app.levelLabel(s.reference) : "–",
                  ]),
                  [30, 7, 7, 9, 8, 7, 8, 8, 6, 10],
                ),
              ]
            : [];
        }),
      },
    ],
  };
}

/** The facilitator's comparison as a workbook: judgements by participant, statements with their counts. */
export function workshopWorkbook(app, result) {
  const fw = result.framework ? app.fw(result.framework) : null;
  const areaOf = new Map();
  for (const area of fw?.areas ?? []) for (const s of area.statements) areaOf.set(s.id, area.name);
  const levelShort = (l) => (l === "unanswered" ? "Not answered" : app.levelLabel(l));
  return {
    sheets: [
      {
        name: "Judgements",
        columns: [
          { header: "Judgement", width: 40 },
          { header: "Participant", width: 24 },
          { header: "Projected grade", width: 22 },
          { header: "Reference", width: 22 },
          { header: "Matches the reference", width: 12 },
          { header: "Agreement", type: "percent", width: 12 },
        ],
        rows: (result.judgements ?? []).flatMap((j) =>
          j.participants.map((x) => [
            j.name,
            x.name,
            x.grade ? app.levelLabel(x.grade) : "Not enough answered",
            j.reference ? app.levelLabel(j.reference) : "",
            x.matchesReference == null ? "" : x.matchesReference ? "Yes" : "No",
            j.agreement ?? null,
          ]),
        ),
      },
      {
        name: "Statements",
        columns: [
          { header: "Area", width: 24 },
          { header: "Statement id", width: 14 },
          { header: "Statement", width: 60 },
          ...WORKSHOP_COLUMNS.map((l) => ({ header: levelShort(l), type: "number", width: 10 })),
          { header: "Agreement", type: "percent", width: 11 },
          { header: "Spread (grades)", type: "number", width: 10 },
          { header: "Reference", width: 20 },
          { header: "Among the most disagreed", width: 10 },
        ],
        rows: (result.statements ?? []).map((s) => [
          areaOf.get(s.id) ?? "",
          s.id,
          s.text,
          ...WORKSHOP_COLUMNS.map((l) => s.counts[l] ?? 0),
          s.agreement ?? null,
          s.spread ?? null,
          s.reference ? app.levelLabel(s.reference) : "",
          result.disagreements.includes(s.id) ? "Yes" : "No",
        ]),
      },
      {
        name: "Participants",
        columns: [
          { header: "File", width: 40 },
          { header: "Participant", width: 24 },
        ],
        rows: result.participants.map((x) => [x.name, x.participant ?? ""]),
      },
    ],
  };
}

// ---- the buttons ---------------------------------------------------------------------------------

const KINDS = {
  docx: { ext: "docx", make: "makeDocx", type: "DOCX_TYPE", what: "Word document" },
  xlsx: { ext: "xlsx", make: "makeXlsx", type: "XLSX_TYPE", what: "spreadsheet" },
};

/**
 * Makes the file `kind` ("docx" or "xlsx") from `describe()` and offers it as a download named
 * `${stem}.${ext}`; the exporters load on first use. Shows a confirmation like the one after
 * saving, or says what went wrong in `status`.
 */
export async function exportFile(app, kind, describe, stem, status) {
  const k = KINDS[kind];
  status.textContent = `Making the ${k.what}…`;
  try {
    const exporters = await app.loadExporters();
    const blob = await exporters[k.make](describe());
    const name = `${stem}.${k.ext}`;
    downloadBlob(app, name, new Blob([blob], { type: exporters[k.type] }));
    // The success banner (role="alert") says it; the status line said "Making…" and goes quiet,
    // so a screen reader hears the outcome once.
    status.textContent = "";
    app.showNotice(
      `Your ${k.what} has been downloaded`,
      `Your browser has saved it as ${name}, usually in your Downloads folder. It was made on this device: nothing was sent anywhere.`,
    );
    return name;
  } catch (err) {
    status.textContent = `The ${k.what} could not be made: ${err.message}`;
    return null;
  }
}

/**
 * The two download buttons and their status line: the self-evaluation's (results and report
 * pages), or with `workshop` ({ result, stem }: the facilitator's comparison) the workshop's, or
 * with `custom` ({ stem, doc(), book() }: another page's document and workbook) that page's.
 */
export function exportButtons(app, workshop = null, custom = null) {
  const status = h("p", { class: "govuk-body-s st-export-status", role: "status", id: "export-status" });
  const stem = () => custom?.stem ?? (workshop ? workshop.stem : fileStem(app));
  const doc = () =>
    custom ? custom.doc() : workshop ? workshopDocument(app, workshop.result) : selfEvaluationDocument(app);
  const book = () =>
    custom ? custom.book() : workshop ? workshopWorkbook(app, workshop.result) : selfEvaluationWorkbook(app);
  return h(
    "div",
    { class: "st-no-print st-exports" },
    h(
      "div",
      { class: "govuk-button-group" },
      govButton({
        classes: "govuk-button--secondary",
        text: "Download as Word document",
        id: "export-docx",
        onClick: () => exportFile(app, "docx", doc, stem(), status),
      }),
      govButton({
        classes: "govuk-button--secondary",
        text: "Download as spreadsheet",
        id: "export-xlsx",
        onClick: () => exportFile(app, "xlsx", book, stem(), status),
      }),
    ),
    status,
  );
}

/** The description's blocks as HTML, for the printed report's sections that come from it. */
export function blocksToHtml(blocks, level) {
  return blocks.map((b) => {
    if (b.type === "h") return h(`h${Math.min(6, level + b.level - 1)}`, { class: "govuk-heading-s" }, b.text);
    const inline = (t) => (Array.isArray(t) ? t.map((x) => (typeof x === "string" ? x : h("strong", {}, x.text))) : t);
    if (b.type === "p") return h("p", { class: b.small ? "govuk-body-s" : "govuk-body" }, inline(b.text));
    if (b.type === "list")
      return h(
        b.ordered ? "ol" : "ul",
        { class: `govuk-list ${b.ordered ? "govuk-list--number" : "govuk-list--bullet"}` },
        b.items.map((i) => h("li", {}, inline(i))),
      );
    return scrollTable(
      h(
        "table",
        { class: "govuk-table" },
        h("caption", { class: "govuk-table__caption govuk-table__caption--s" }, b.caption),
        h(
          "thead",
          { class: "govuk-table__head" },
          h(
            "tr",
            { class: "govuk-table__row" },
            b.head.map((c) => h("th", { scope: "col", class: "govuk-table__header" }, c)),
          ),
        ),
        h(
          "tbody",
          { class: "govuk-table__body" },
          b.rows.map((r) =>
            h(
              "tr",
              { class: "govuk-table__row" },
              r.map((c) => h("td", { class: "govuk-table__cell" }, c)),
            ),
          ),
        ),
      ),
    );
  });
}
