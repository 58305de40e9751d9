// What the results, the report and the exports share about a scored self-evaluation: the grades'
// names and order, the headline's words, the simulation as the page runs it, the pathway's dates
// in words, and the comparison with last year. No page is built here, so the pages and the
// exports (report.mjs) both import it and neither imports the other.
import { h } from "../ui/dom.mjs";
import { formatDateLong, formatDateShort } from "../ui/format.mjs";
import { changeWord, indicatorRows } from "./compare.mjs";
/** @import { Event, FrameworkView, Grade, JudgementProbabilities, JudgementResult, LiftStep, ScoreResult, SimulationResult } from "../types/api" */

/**
 * A judgement as the results show it: one of the score's, or the derived overall judgement (no
 * completeness or lift).
 * @typedef {Pick<JudgementResult, "id" | "name" | "grade" | "label" | "reasons"> & Partial<JudgementResult>} JudgementShown
 */

/**
 * The overall judgement shown on its own, when it is derived from the others (ILACS overall
 * effectiveness). An overall judgement with its own statements (SCCIF) is already among
 * `judgements`, with its limits in its reasons. Returns { id, name } or null.
 * @param {FrameworkView | null} fw
 * @param {ScoreResult | null} scored
 * @returns {{ id: string, name: string } | null}
 */
export function separateOverall(fw, scored) {
  if (!scored?.overall) return null;
  const j = fw?.judgements?.find((x) => x.overall) ?? fw?.judgements?.find((x) => x.derived);
  if (j && !j.derived) return null;
  return { id: j?.id ?? "overall_effectiveness", name: j?.name ?? "Overall effectiveness" };
}

export const GRADE_ORDER = ["outstanding", "good", "requires_improvement", "inadequate", "none"];

/**
 * A table that may be wider than a phone's screen scrolls inside its own box, not the page: a
 * focusable region named by its caption, so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function scrollTable(table) {
  const caption = table.querySelector("caption")?.textContent?.trim();
  return h("div", { class: "st-table-scroll", tabindex: "0", role: "region", "aria-label": caption || "Table" }, table);
}

export function gradeLabel(app, id) {
  return id === "none" ? "Not enough answered" : app.levelLabel(id);
}

export function statementText(app, id) {
  for (const area of app.fw()?.areas ?? []) {
    const s = area.statements.find((x) => x.id === id);
    if (s) return { text: s.text, area };
  }
  return { text: id, area: null };
}

/**
 * What one lift step asks, in words: "from good to outstanding", or for a statement not known,
 * finding out ("find out: not known now, it needs to be requires improvement to be good or better").
 * @param {LiftStep} step
 */
export function liftChange(app, step) {
  if (step.from === "not_known")
    return `find out: not known now, it needs to be ${app.levelLabel(step.to).toLowerCase()}${step.to === "outstanding" ? "" : " or better"}`;
  return `from ${app.levelLabel(step.from).toLowerCase()} to ${app.levelLabel(step.to).toLowerCase()}`;
}

/**
 * The three things that would most change the judgements: the first step of each graded judgement's
 * lift, a statement named once (the first judgement it lifts).
 * @param {JudgementResult[] | null | undefined} judgements
 * @returns {{ j: JudgementResult, step: LiftStep }[]}
 */
export function topLifts(judgements) {
  const seen = new Set();
  const out = [];
  for (const j of judgements ?? []) {
    const step = j.grade && j.lift?.[0];
    if (!step || seen.has(step.statementId)) continue;
    seen.add(step.statementId);
    out.push({ j, step });
  }
  return out.slice(0, 3);
}

/**
 * The headline's words: the grade the answers fit, or why there is none.
 * @param {JudgementShown} j
 */
export function headlineText(j) {
  if (j.grade) return j.label;
  const c = j.completeness;
  return c?.enoughAnswered && c.enoughKnown === false ? "Not enough known to project" : "Not enough answered yet";
}

/**
 * Whether a simulated judgement has anything to chart (not just "no grade" every time).
 * @param {JudgementProbabilities | null | undefined} simJ
 */
export function hasChances(simJ) {
  return simJ && (simJ.probabilities?.none ?? 0) < 1;
}

/**
 * The simulation's adjustable figures, as the user changed them (kept in the store under
 * "simulation"; the framework's defaults otherwise). Owned by this page.
 */
export const simulationModel = {
  read(app) {
    return app.store.read("simulation") ?? {};
  },
  set(app, changes) {
    app.saveExtra("simulation", changes);
  },
};

/**
 * simulate(...) from the core: 2000 runs with a fixed seed, so results are repeatable.
 * @returns {SimulationResult | null}
 */
export function runSimulation(app) {
  try {
    return app.core.simulate(app.a, { runs: 2000, seed: 20260401, model: simulationModel.read(app) });
  } catch {
    return null;
  }
}

/**
 * The simulation with the derived overall judgement's chances as its one judgement (the results
 * page shows that judgement like the others), or null without them.
 * @param {SimulationResult | null} sim
 * @param {string} id
 * @param {Grade | null} headline
 * @returns {SimulationResult | null}
 */
export function overallSimulation(sim, id, headline) {
  if (!sim?.overall) return null;
  const overall = { id, probabilities: sim.overall.probabilities, headline, mostLikely: null, note: null };
  return { ...sim, judgements: [overall] };
}

export const KIND_TEXT = {
  short: "short inspection",
  standard: "standard inspection",
  monitoring: "monitoring visit",
  full: "full inspection",
};

/**
 * When an event happens, in words: its date, or its window's likely date and range.
 * @param {Event} ev
 */
export function whenText(ev) {
  if (ev.date) return formatDateLong(ev.date);
  const w = ev.window;
  if (!w) return "";
  if (w.earliest === w.latest) return formatDateLong(w.likely ?? w.earliest);
  return `Most likely ${formatDateLong(w.likely)} (between ${formatDateShort(w.earliest)} and ${formatDateShort(w.latest)})`;
}

/**
 * Last year's self-evaluation (`app.feature`): read from the store the first time the compare page
 * needs it, kept there (under "last-year") when a file is opened, and forgotten when everything is
 * cleared from this device.
 */
const lastYearState = (app) => app.feature("last-year", () => ({ assessment: app.store.read("last-year") }));

export function lastYearOf(app) {
  return lastYearState(app).assessment;
}

export function setLastYear(app, assessment) {
  lastYearState(app).assessment = assessment;
  if (assessment) app.saveExtra("last-year", assessment);
  else app.store.remove("last-year");
}

/**
 * The comparison with last year's file, when one is loaded: { lastYear, judgementRows: [[name,
 * then, now]], moved: [[statement, then, now]], same } (the compare page, the report and the
 * exports), or null.
 */
export function lastYearComparison(app) {
  const lastYear = lastYearOf(app);
  if (!lastYear) return null;
  /** @type {ScoreResult | null} */
  let then = null;
  try {
    then = app.core.score(lastYear);
  } catch {
    then = null;
  }
  /** @type {ScoreResult | null} */
  const now = app.scored;
  const ids = [...new Set([...(then?.judgements ?? []).map((j) => j.id), ...(now?.judgements ?? []).map((j) => j.id)])];
  const byId = (r, id) => r?.judgements?.find((j) => j.id === id);
  const judgementRows = ids.map((id) => [
    byId(now, id)?.name ?? byId(then, id)?.name ?? id,
    byId(then, id)?.label ?? "No grade",
    byId(now, id)?.label ?? "No grade",
    changeWord(byId(then, id)?.grade ?? null, byId(now, id)?.grade ?? null),
  ]);
  const overallJ = separateOverall(app.fw(), now?.overall ? now : then);
  if (overallJ)
    judgementRows.unshift([
      overallJ.name,
      then?.overall?.label ?? "No grade",
      now?.overall?.label ?? "No grade",
      changeWord(then?.overall?.grade ?? null, now?.overall?.grade ?? null),
    ]);
  const moved = [];
  const words = [];
  let same = 0;
  for (const area of app.fw()?.areas ?? []) {
    for (const s of area.statements) {
      const a = lastYear.answers?.[s.id]?.level ?? null;
      const b = app.a.answers?.[s.id]?.level ?? null;
      words.push(changeWord(a, b));
      if (a === b) same++;
      else
        moved.push([
          s.text,
          a ? app.levelLabel(a) : "Not answered",
          b ? app.levelLabel(b) : "Not answered",
          words.at(-1),
        ]);
    }
  }
  // Indicators then and now, each with its change word (the indicator's direction decides better).
  const indicators = indicatorRows(app.fw(), lastYear, app.a);
  return { lastYear, judgementRows, moved, same, words, indicators };
}
