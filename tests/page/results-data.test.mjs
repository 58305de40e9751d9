// domain/results-data.mjs: what the results pages, the report and the exports show from the core's
// results (shapes as in www/types/core.d.ts), with a stand-in for the parts of the App it reads.
// scrollTable builds an element and is left to the browser tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  gradeLabel,
  hasChances,
  headlineText,
  lastYearComparison,
  liftChange,
  overallSimulation,
  separateOverall,
  statementText,
  topLifts,
  whenText,
} from "../../www/domain/results-data.mjs";

const LABELS = {
  outstanding: "Outstanding",
  good: "Good",
  requires_improvement: "Requires improvement to be good",
  inadequate: "Inadequate",
  not_known: "Not known",
};

/** A framework view with a derived overall judgement (ILACS 2023) and two areas. */
const FW = {
  judgements: [
    { id: "overall_effectiveness", name: "Overall effectiveness", derived: true },
    { id: "help_and_protection", name: "The experiences of children who need help and protection" },
    { id: "children_in_care", name: "The experiences of children in care" },
  ],
  areas: [
    {
      id: "front_door",
      name: "The front door",
      statements: [
        { id: "hp_1", text: "Referrals are dealt with quickly" },
        { id: "hp_2", text: "Strategy meetings happen" },
      ],
    },
    { id: "care", name: "Children in care", statements: [{ id: "cic_1", text: "Children see their workers" }] },
  ],
  indicators: [{ id: "turnover", name: "Turnover", unit: "percent", direction: "lower_is_better" }],
};

/** The parts of the App that results-data reads. */
function fakeApp({ a, scored, lastYear = null, score = () => null } = {}) {
  const store = new Map(lastYear ? [["last-year", lastYear]] : []);
  return {
    a,
    scored,
    fw: () => FW,
    levelLabel: (id) => LABELS[id] ?? id,
    core: { score },
    store: { read: (k) => store.get(k) ?? null, remove: (k) => store.delete(k) },
    saveExtra: (k, v) => store.set(k, v),
    onClear: () => {},
    features: new Map(),
    /** As App's: one object per feature, made the first time it is asked for. */
    feature(name, init) {
      if (!this.features.has(name)) this.features.set(name, init());
      return this.features.get(name);
    },
  };
}

const judgement = (id, grade, extra = {}) => ({
  id,
  name: FW.judgements.find((j) => j.id === id)?.name ?? id,
  grade,
  label: grade ? LABELS[grade] : null,
  reasons: [],
  completeness: {
    answered: 2,
    total: 2,
    notKnown: 0,
    known: 2,
    enoughAnswered: true,
    enoughKnown: true,
    enough: true,
    missing: [],
  },
  lift: [],
  liftNote: null,
  ...extra,
});

test("the derived overall judgement is shown on its own; one with its own statements is not", () => {
  const scored = { overall: { grade: "good", label: "Good", reasons: [] } };
  assert.deepEqual(separateOverall(FW, scored), { id: "overall_effectiveness", name: "Overall effectiveness" });
  const sccif = { judgements: [{ id: "overall_experiences_progress", name: "Overall experiences", overall: true }] };
  assert.equal(separateOverall(sccif, scored), null);
  assert.equal(separateOverall(FW, { overall: null }), null);
  assert.equal(separateOverall(FW, null), null);
  // Without a framework view the overall judgement still has its name.
  assert.deepEqual(separateOverall(null, scored), { id: "overall_effectiveness", name: "Overall effectiveness" });
});

test("grades and statements by their names", () => {
  const app = fakeApp();
  assert.equal(gradeLabel(app, "none"), "Not enough answered");
  assert.equal(gradeLabel(app, "good"), "Good");
  assert.deepEqual(statementText(app, "hp_2"), { text: "Strategy meetings happen", area: FW.areas[0] });
  assert.deepEqual(statementText(app, "nope"), { text: "nope", area: null });
});

test("a lift step in words: from one level to another, or finding out", () => {
  const app = fakeApp();
  assert.equal(liftChange(app, { statementId: "hp_1", from: "good", to: "outstanding" }), "from good to outstanding");
  assert.equal(
    liftChange(app, { statementId: "hp_1", from: "not_known", to: "requires_improvement" }),
    "find out: not known now, it needs to be requires improvement to be good or better",
  );
  assert.equal(
    liftChange(app, { statementId: "hp_1", from: "not_known", to: "outstanding" }),
    "find out: not known now, it needs to be outstanding",
  );
});

test("the top lifts: the first step of each graded judgement, a statement named once, at most three", () => {
  const step = (statementId) => ({ statementId, from: "requires_improvement", to: "good" });
  const js = [
    judgement("a", "good", { lift: [step("hp_1"), step("hp_2")] }),
    judgement("b", null, { lift: [step("cic_1")] }), // ungraded: no lift shown
    judgement("c", "requires_improvement", { lift: [step("hp_1")] }), // hp_1 already named
    judgement("d", "good", { lift: [step("x_1")] }),
    judgement("e", "good", { lift: [] }),
    judgement("f", "inadequate", { lift: [step("x_2")] }),
    judgement("g", "good", { lift: [step("x_3")] }),
  ];
  assert.deepEqual(
    topLifts(js).map(({ j, step }) => [j.id, step.statementId]),
    [
      ["a", "hp_1"],
      ["d", "x_1"],
      ["f", "x_2"],
    ],
  );
  assert.deepEqual(topLifts(undefined), []);
});

test("the headline: the grade's label, or why there is none", () => {
  assert.equal(headlineText(judgement("a", "good")), "Good");
  const c = judgement("a", null).completeness;
  assert.equal(
    headlineText(judgement("a", null, { completeness: { ...c, enoughAnswered: false } })),
    "Not enough answered yet",
  );
  assert.equal(
    headlineText(judgement("a", null, { completeness: { ...c, enoughKnown: false } })),
    "Not enough known to project",
  );
  // The derived overall judgement has no completeness.
  assert.equal(
    headlineText({ id: "o", name: "Overall", grade: null, label: null, reasons: [] }),
    "Not enough answered yet",
  );
});

test("chances are shown unless every simulated inspection gave no grade", () => {
  const p = (none) => ({ outstanding: 0, good: 1 - none, requires_improvement: 0, inadequate: 0, none });
  assert.ok(hasChances({ id: "a", probabilities: p(0), headline: "good", mostLikely: "good", note: null }));
  assert.ok(hasChances({ id: "a", probabilities: p(0.5), headline: null, mostLikely: null, note: null }));
  assert.ok(!hasChances({ id: "a", probabilities: p(1), headline: null, mostLikely: null, note: null }));
  assert.ok(!hasChances(null));
  assert.ok(!hasChances(undefined));
});

test("the overall judgement's chances are the simulation's overall probabilities", () => {
  const probabilities = { outstanding: 0.1, good: 0.6, requires_improvement: 0.3, inadequate: 0, none: 0 };
  const sim = { runs: 2000, seed: 1, judgements: [], overall: { probabilities }, routes: {}, model: {} };
  const s = overallSimulation(/** @type {any} */ (sim), "overall_effectiveness", "good");
  assert.deepEqual(s.judgements, [
    { id: "overall_effectiveness", probabilities, headline: "good", mostLikely: null, note: null },
  ]);
  assert.equal(s.runs, 2000);
  assert.ok(hasChances(s.judgements[0]));
  assert.equal(overallSimulation(/** @type {any} */ ({ ...sim, overall: null }), "o", null), null);
  assert.equal(overallSimulation(null, "o", null), null);
});

test("when an event happens, in words", () => {
  assert.equal(whenText({ date: "2026-04-01" }), "Wednesday 1 April 2026");
  assert.equal(
    whenText({ window: { earliest: "2026-04-01", latest: "2026-06-30", likely: "2026-05-11" } }),
    "Most likely Monday 11 May 2026 (between 1 April 2026 and 30 June 2026)",
  );
  assert.equal(
    whenText({ window: { earliest: "2026-04-01", latest: "2026-04-01", likely: "2026-04-01" } }),
    "Wednesday 1 April 2026",
  );
  assert.equal(whenText({}), "");
});

test("the comparison with last year: each judgement, the overall judgement, moved statements and indicators", () => {
  const now = {
    judgements: [judgement("help_and_protection", "good"), judgement("children_in_care", "requires_improvement")],
    overall: { grade: "good", label: "Good", reasons: [] },
  };
  const then = {
    judgements: [judgement("help_and_protection", "requires_improvement"), judgement("children_in_care", "good")],
    overall: { grade: "good", label: "Good", reasons: [] },
  };
  const lastYear = {
    framework: "ilacs-2023-01",
    answers: { hp_1: { level: "requires_improvement" }, hp_2: { level: "good" }, cic_1: { level: "good" } },
    indicators: { turnover: 20 },
  };
  const a = {
    framework: "ilacs-2023-01",
    answers: { hp_1: { level: "good" }, hp_2: { level: "good" }, cic_1: { level: "not_known" } },
    indicators: { turnover: 25 },
  };
  const scoredFiles = [];
  const app = fakeApp({
    a,
    scored: now,
    lastYear,
    score: (file) => {
      scoredFiles.push(file);
      return then;
    },
  });
  const c = lastYearComparison(app);
  assert.deepEqual(scoredFiles, [lastYear], "last year's file is scored by the core");
  assert.equal(c.lastYear, lastYear);
  assert.deepEqual(c.judgementRows, [
    ["Overall effectiveness", "Good", "Good", "No change"],
    [FW.judgements[1].name, "Requires improvement to be good", "Good", "Better"],
    [FW.judgements[2].name, "Good", "Requires improvement to be good", "Worse"],
  ]);
  assert.deepEqual(c.moved, [
    ["Referrals are dealt with quickly", "Requires improvement to be good", "Good", "Better"],
    ["Children see their workers", "Good", "Not known", "Cannot compare"],
  ]);
  assert.equal(c.same, 1);
  assert.deepEqual(c.words, ["Better", "No change", "Cannot compare"]);
  assert.deepEqual(c.indicators, [["Turnover", "20%", "25%", "Worse"]]);
});

test("no comparison without last year's file; one the core cannot score still compares the answers", () => {
  assert.equal(lastYearComparison(fakeApp({ a: { answers: {} }, scored: null })), null);
  const app = fakeApp({
    a: { answers: { hp_1: { level: "good" } } },
    scored: { judgements: [judgement("help_and_protection", "good")], overall: null },
    lastYear: { answers: {} },
    score: () => {
      throw new Error("broken");
    },
  });
  const c = lastYearComparison(app);
  assert.deepEqual(c.judgementRows, [[FW.judgements[1].name, "No grade", "Good", "Cannot compare"]]);
  assert.deepEqual(c.moved, [["Referrals are dealt with quickly", "Not answered", "Good", "Cannot compare"]]);
});
