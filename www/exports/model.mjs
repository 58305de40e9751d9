// The one report model: everything the self-evaluation's report says, worked out once from the
// core's results (app.scored, the simulation, the pathway, the audits) as plain words and values.
// The report page, print, the Word document (report.mjs) and the workbook (workbook.mjs) render
// this and re-derive nothing: a condition, a tag, a statement's name or an audit count is written
// here once and every format shows it.
import { TRUST, datesInText, formatDateLong, formatDateShort, formatNumber, formatPercent } from "../ui/format.mjs";
import { familyTerms, inspectionKindText } from "../domain/family.mjs";
import { otherAuthority } from "../domain/compare.mjs";
import { exchangeModel } from "./exchange.mjs";
import {
  GRADE_ORDER,
  KIND_TEXT,
  gradeLabel,
  hasChances,
  headlineText,
  lastYearComparison,
  liftChange,
  runSimulation,
  separateOverall,
  statementText,
  topLifts,
  whenText,
} from "../domain/results-data.mjs";

export const MARKING = "Draft — private";

export const STRONG = new Set(["outstanding", "good"]);

export const COMPARISON_TEXT = {
  better: "Better than England",
  similar: "Similar to England",
  worse: "Worse than England",
};

/** What the indicators page says about an indicator's direction, in a word for a column. */
export const BETTER_WHEN = {
  higher_is_better: "Higher",
  lower_is_better: "Lower",
  neither: "Neither higher nor lower",
};

/** A pathway event's kind in words (the core's EventKind). */
export const EVENT_KIND_TEXT = {
  annual: "Annual engagement meeting",
  visit: "Visit",
  deadline: "Deadline",
  notice: "Notice of inspection",
  inspection: "Inspection",
  publication: "Report published",
  intervention: "Intervention by the Department for Education",
};

/** An action's status (the action plan's; saved with the action). */
export const ACTION_STATUS_TEXT = {
  not_started: "Not started",
  on_track: "On track",
  at_risk: "At risk",
  done: "Done",
};

/** "(assumption)", "(unverified)" or "(secondary source)" after anything resting on a rule tagged R, U or S. */
export const assumed = (tag) =>
  tag in TRUST && !["V", "D"].includes(tag) ? ` (${TRUST[tag].short.toLowerCase()})` : "";
/** A rule's basis for a spreadsheet column: "Verified", "From official data", …, "Assumption". */
export const basis = (tag) => TRUST[tag]?.short ?? "";

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
/** A statement's text without its closing full stop, to sit inside a sentence. */
const bare = (text) => String(text).replace(/\.$/, "");

/** "A, B and C" for a list of names. */
export function namesText(list) {
  const names = list.map(bare);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join("; ")} and ${names.at(-1)}`;
}

function mostLikelyOf(probabilities) {
  let best = null;
  for (const g of GRADE_ORDER) if (best == null || (probabilities?.[g] ?? 0) > (probabilities?.[best] ?? 0)) best = g;
  return best;
}

function likelyText(app, simJ, grade) {
  const likely = simJ?.mostLikely;
  if (!hasChances(simJ) || !likely) return "No chances to show";
  const chance = formatPercent(simJ.probabilities[likely]);
  return `${likely === grade ? "Most likely as fitted" : `Most likely ${app.levelLabel(likely).toLowerCase()}`} (${chance})`;
}

/** What a statement's case-file audits say, in a sentence, or null with none. */
export function auditText(app, a) {
  if (!a?.cases) return null;
  const when =
    a.first && a.last
      ? a.first === a.last
        ? ` on ${formatDateShort(a.first)}`
        : ` between ${formatDateShort(a.first)} and ${formatDateShort(a.last)}`
      : "";
  const share = `${a.goodOrBetter} of ${plural(a.cases, "audited case", "audited cases")}${when} good or better (95% interval ${a.interval[0]}–${a.interval[1]}%)`;
  const supports = a.supports
    ? `audits support ${app.levelLabel(a.supports).toLowerCase()} at most`
    : "too few audited cases to say what they support";
  return `${share}; ${supports}.`;
}

/** A challenge's text, naming its statement when the core's text does not. */
function challengeText(app, c) {
  const names = (c.statements ?? []).map((id) => statementText(app, id).text);
  const text = `${c.text}${assumed(c.tag)}`;
  if (!names.length || names.every((n) => c.text.includes(n.replace(/\.$/, "")))) return text;
  return `${namesText(names)}: ${text}`;
}

/** A reason with the statements it rests on, named (the page lists the first three). */
function reasonModel(app, r) {
  const names = (r.statements ?? []).map((id) => statementText(app, id).text);
  return { text: r.text, tag: r.tag, statements: names };
}

/** A reason in one line: "text (assumption). Statements: A; B and 2 more." */
export function reasonLine(r) {
  const shown = r.statements.slice(0, 3);
  const more = r.statements.length - shown.length;
  return `${r.text}${assumed(r.tag)}${shown.length ? ` Statements: ${shown.join("; ")}${more ? ` and ${more} more` : ""}.` : ""}`;
}

/**
 * What would most change the judgements: for the first lift step of each graded judgement, the whole
 * lift applied to a copy of the answers and re-scored by the core, so the sentence names the
 * judgements that actually change and from what to what.
 */
export function liftChanges(app, scored) {
  return topLifts(scored?.judgements).map(({ j, step }) => {
    const statement = bare(statementText(app, step.statementId).text);
    let moved = [];
    try {
      const copy = JSON.parse(JSON.stringify(app.a));
      for (const s of j.lift) copy.answers[s.statementId] = { ...(copy.answers[s.statementId] ?? {}), level: s.to };
      const after = app.core.score(copy);
      const pairs = [
        ...(scored.judgements ?? []).map((x) => [x, after.judgements?.find((y) => y.id === x.id)]),
        // A separate overall judgement (ILACS overall effectiveness) by its own name; a framework whose
        // overall judgement is one of its judgements (SCCIF) has it above already.
        ...(scored.overall && after.overall && separateOverall(app.fw(), scored)
          ? [[{ ...scored.overall, name: separateOverall(app.fw(), scored).name }, after.overall]]
          : []),
      ];
      moved = pairs
        .filter(([x, y]) => y && x.grade !== y.grade)
        .map(
          ([x, y]) =>
            `${x.name.replace(/^The /, "the ")} from ${(x.label ?? "no grade").toLowerCase()} to ${(y.label ?? "no grade").toLowerCase()}`,
        );
    } catch {
      moved = [];
    }
    const others = j.lift.length - 1;
    const with_ = others
      ? `, with ${plural(others, "other change", "other changes")} (${namesText(j.lift.slice(1, 4).map((s) => statementText(app, s.statementId).text))}${others > 3 ? ` and ${others - 3} more` : ""})`
      : "";
    const effect = moved.length ? namesText(moved) : `${j.name.replace(/^The /, "the ")} one grade up`;
    return `${statement}: ${liftChange(app, step)}${with_}, would move ${effect}.`;
  });
}

/** The last inspection, focused visits, monitoring and interventions, each a sentence (empty when none). */
function historyModel(app) {
  const hist = app.a?.history ?? {};
  const fw = app.fw();
  const out = { lastInspection: null, visits: [] };
  const li = hist.lastInspection;
  if (li?.kind && li.kind !== "none") {
    // The grades in the framework's order (overall first), each by its judgement's name.
    const given = li.grades ?? {};
    const order = [
      ...(fw?.judgements ?? []).filter((j) => j.overall || j.derived),
      ...(fw?.judgements ?? []).filter((j) => !(j.overall || j.derived)),
    ];
    if (!order.some((j) => j.id === "overall_effectiveness"))
      order.unshift({ id: "overall_effectiveness", name: "Overall effectiveness" });
    const grades = order
      .filter((j) => given[j.id])
      .map((j) => `${j.name}: ${app.levelLabel(given[j.id]).toLowerCase()}`);
    const when =
      li.startedOn && li.endedOn
        ? `${formatDateShort(li.startedOn)} to ${formatDateShort(li.endedOn)}`
        : li.endedOn
          ? `ended ${formatDateShort(li.endedOn)}`
          : "dates not given";
    out.lastInspection = `${inspectionKindText(li.kind)}, ${when}${grades.length ? `. ${grades.join("; ")}` : ""}.`;
  }
  for (const v of hist.focusedVisits ?? [])
    if (v?.endedOn)
      out.visits.push(
        `Focused visit ended ${formatDateShort(v.endedOn)}${v.priorityActions ? ", with priority actions" : ", no priority actions"}.`,
      );
  if (hist.monitoring)
    out.visits.push(`Monitoring${hist.monitoring.since ? ` since ${formatDateShort(hist.monitoring.since)}` : ""}.`);
  for (const x of hist.interventions ?? [])
    if (x?.on) out.visits.push(`${String(x.kind ?? "Intervention").replace(/_/g, " ")} on ${formatDateShort(x.on)}.`);
  return out;
}

function timelineModel(pw) {
  if (!pw || pw.error) return { error: pw?.error ?? "unknown", next: null, events: [] };
  const next = pw.next?.window
    ? {
        text: `${pw.next.kind === "full" ? "Our next full inspection is" : `Our next full inspection is likely to be a ${KIND_TEXT[pw.next.kind] ?? pw.next.kind}:`} most likely around ${formatDateLong(pw.next.window.likely)}, between ${formatDateShort(pw.next.window.earliest)} and ${formatDateShort(pw.next.window.latest)}.`,
        rule: `${pw.next.rule.text}${assumed(pw.next.rule.tag)}`,
        likely: pw.next.window.likely,
        earliest: pw.next.window.earliest,
        latest: pw.next.window.latest,
      }
    : null;
  const events = (pw.events ?? []).map((ev) => ({
    when: whenText(ev),
    date: ev.date ?? ev.window?.likely ?? "",
    earliest: ev.date ?? ev.window?.earliest ?? "",
    latest: ev.date ?? ev.window?.latest ?? "",
    kind: EVENT_KIND_TEXT[ev.kind] ?? ev.kind ?? "",
    title: ev.title ?? "",
    condition: ev.condition ?? null,
    tag: ev.tag ?? "",
    tagText: assumed(ev.tag).trim(),
    basis: basis(ev.tag),
    description: datesInText(ev.description ?? ""),
    // A report due in a pre-election period: held or not, and why (the poll in the calendar).
    preElection: ev.preElection ? `${ev.preElection.text}${assumed(ev.preElection.tag)}` : null,
    // An event likely after the April 2026 framework's expected end: the planned new framework's note.
    laterFramework: ev.laterFramework ? `${ev.laterFramework.text}${assumed(ev.laterFramework.tag)}` : null,
  }));
  // What the files' "Details" column says: the description, then the notes the page shows under it.
  for (const ev of events) ev.details = [ev.description, ev.preElection, ev.laterFramework].filter(Boolean).join(" ");
  return { error: null, next, events };
}

function indicatorModel(app, fw, scored) {
  const unit = (ind, n) => (n == null ? "" : `${formatNumber(n)}${ind.unit === "percent" ? "%" : ""}`);
  return (fw?.indicators ?? []).map((ind) => {
    const r = scored?.indicators?.find((x) => x.id === ind.id) ?? null;
    const own = app.a?.indicators?.[ind.id];
    const ours = typeof own === "number" && Number.isFinite(own) ? own : null;
    return {
      name: ind.name,
      unit: ind.unit ?? "",
      own: ours,
      ownText: ours == null ? "Not given" : unit(ind, ours),
      england: ind.national?.value ?? null,
      englandText: ind.national ? `${unit(ind, ind.national.value)} (${ind.national.period})` : "",
      period: ind.national?.period ?? "",
      better: BETTER_WHEN[ind.direction] ?? "",
      comparison: r ? (COMPARISON_TEXT[r.comparison] ?? r.comparison) : "",
      flagged: r ? r.flagged : null,
      message: r?.flagged ? r.message : null,
    };
  });
}

/** The comparison with last year, with a warning when last year's file is another authority's. */
function comparisonModel(app) {
  const c = lastYearComparison(app);
  if (!c) return null;
  const other = otherAuthority(app.a, c.lastYear);
  return {
    ...c,
    warning: other
      ? `Last year's file is for ${other}, not ${app.a.authority}: check it is the right file before relying on this comparison.`
      : null,
  };
}

/** The report model of the self-evaluation open in `app`. */
export function reportModel(app) {
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
  const audits = new Map((scored?.audits?.statements ?? []).map((x) => [x.statement, x]));
  const plan = new Map((scored?.actionPlan ?? []).map((x) => [x.statementId, x]));
  const statementModel = (s, area) => {
    const ans = app.a?.answers?.[s.id] ?? {};
    return {
      id: s.id,
      text: s.text,
      area: area.name,
      critical: Boolean(s.critical),
      levelId: ans.level ?? null,
      level: ans.level ? app.levelLabel(ans.level) : "",
      evidence: (ans.evidence ?? []).map((e) => evidenceLabel.get(e) ?? e),
      audit: auditText(app, audits.get(s.id)),
      notes: ans.notes ?? "",
      action: ans.action?.text ? actionModel(ans.action) : null,
      finding: plan.get(s.id)?.finding ?? "",
    };
  };
  const statements = [];
  for (const area of fw?.areas ?? []) for (const s of area.statements) statements.push(statementModel(s, area));
  const byId = new Map(statements.map((s) => [s.id, s]));

  const judgements = [];
  const overallJ = scored ? separateOverall(fw, scored) : null;
  const judgementModel = (j, simJ, areas) => {
    const c = j.completeness;
    const own = areas.flatMap((id) =>
      (fw?.areas?.find((a) => a.id === id)?.statements ?? []).map((s) => byId.get(s.id)),
    );
    const notKnown = own.filter((s) => s.levelId === "not_known").map((s) => s.text);
    return {
      id: j.id,
      name: j.name,
      grade: j.grade ?? null,
      headline: headlineText(j),
      likely: likelyText(app, simJ, j.grade),
      likelyGrade: hasChances(simJ) && simJ.mostLikely ? gradeLabel(app, simJ.mostLikely) : "",
      completeness: c ?? null,
      completenessText: c
        ? `${c.answered} of ${c.total} statements answered${c.notKnown ? `, ${c.notKnown} not known${notKnown.length ? ` (${namesText(notKnown)})` : ""}` : ""}.`
        : "",
      note: simJ?.note ?? null,
      reasons: (j.reasons ?? []).map((r) => reasonModel(app, r)),
      lift: j.lift
        ? j.lift.map((step) => `${statementText(app, step.statementId).text} — ${liftChange(app, step)}`)
        : null,
      liftNote: j.liftNote ?? "Nothing to lift.",
      chances: hasChances(simJ)
        ? GRADE_ORDER.filter((g) => g !== "none" || (simJ.probabilities?.none ?? 0) > 0).map((g) => ({
            grade: gradeLabel(app, g),
            id: g,
            chance: simJ.probabilities?.[g] ?? 0,
          }))
        : null,
      statements: own,
    };
  };
  if (overallJ)
    judgements.push(
      judgementModel(
        {
          id: overallJ.id,
          name: overallJ.name,
          grade: scored.overall.grade,
          label: scored.overall.label,
          reasons: scored.overall.reasons,
        },
        sim ? { probabilities: sim.overall, mostLikely: mostLikelyOf(sim.overall) } : null,
        [],
      ),
    );
  for (const j of scored?.judgements ?? [])
    judgements.push(
      judgementModel(
        j,
        sim?.judgements?.find((x) => x.id === j.id) ?? null,
        (fw?.areas ?? []).filter((a) => a.judgement === j.id).map((a) => a.id),
      ),
    );

  // Top risks: every safety-critical statement rated inadequate or not known, then the ratings our
  // own answers or our audits question (each naming its statement), then the flagged indicators.
  const criticalGaps = statements
    .filter((s) => s.critical && (s.levelId === "inadequate" || s.levelId === "not_known"))
    .map(
      (s) =>
        `${bare(s.text)} (${s.area}): safety-critical, rated ${s.levelId === "not_known" ? "not known" : "inadequate"}${s.action ? `; action: ${s.action.text}` : "; no action yet"}.`,
    );
  const risks = [
    ...criticalGaps,
    ...(scored?.challenges ?? []).map((c) => challengeText(app, c)),
    ...(scored?.indicators ?? []).filter((i) => i.flagged).map((i) => i.message),
  ];

  const actionPlan = [...(scored?.actionPlan ?? [])]
    .sort((x, y) => Number(y.critical) - Number(x.critical))
    .map((x) => {
      const s = byId.get(x.statementId);
      return {
        statementId: x.statementId,
        area: areaName.get(x.area) ?? x.area,
        statement: x.text,
        critical: Boolean(x.critical),
        level: app.levelLabel(x.level),
        action: x.hasAction ? actionModel(x.action) : null,
        finding: x.finding ?? "",
        audit: s?.audit ?? null,
      };
    });

  const auditRule = scored?.audits
    ? {
        text: `${scored.audits.rule}${assumed(scored.audits.tag)}`,
        inWindow: scored.audits.inWindow,
        count: scored.audits.audits,
      }
    : null;

  const next = timelineModel(pw);
  return {
    authority: app.a?.authority || familyTerms(fw).org,
    orgKey: familyTerms(fw).orgKey,
    framework: fw?.name ?? app.a?.framework ?? "",
    assessedOn: app.a?.assessedOn ? formatDateLong(app.a.assessedOn) : "Not given",
    version: app.core.version(),
    scored: Boolean(scored),
    runs: sim?.runs ?? 0,
    /** Each grade as this framework names it on the page ("Requires improvement to be good"). */
    gradeLabels: Object.fromEntries(GRADE_ORDER.map((g) => [g, gradeLabel(app, g)])),
    summary: {
      rows: judgements.map((j) => [j.name, j.headline, j.likely]),
      risks,
      changes: scored ? liftChanges(app, scored) : [],
      next: next.next ? next.next.text : "Not enough is known about our inspection history to say.",
    },
    judgements,
    statements,
    history: historyModel(app),
    timeline: next,
    actionPlan,
    auditRule,
    indicators: indicatorModel(app, fw, scored),
    comparison: comparisonModel(app),
    peer: peerModel(app, fw),
  };
}

/** The peer challenge exchanges kept with the self-evaluation, oldest first (empty when none). */
function peerModel(app, fw) {
  return (app.a?.peer?.exchanges ?? []).map((x) => exchangeModel(fw, (id) => app.levelLabel(id), x));
}

function actionModel(a) {
  return {
    text: a.text ?? "",
    owner: a.owner ?? "",
    due: a.due ?? "",
    dueText: a.due ? formatDateShort(a.due) : "",
    status: ACTION_STATUS_TEXT[a.status] ?? "",
    review: a.review ?? "",
    reviewText: a.review ? formatDateShort(a.review) : "",
  };
}
