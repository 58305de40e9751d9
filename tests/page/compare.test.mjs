// domain/compare.mjs: the comparison with last year in words (Better, Worse, No change, Cannot
// compare), never by colour alone. The parts that build elements (changeCell, frameworkNote) need a
// DOM and are left to the browser tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { changeSummary, changeWord, indicatorRows } from "../../www/domain/compare.mjs";

const SCALE = ["inadequate", "requires_improvement", "good", "outstanding"];

test("a grade or level that rose is Better, one that fell is Worse, one that stayed is No change", () => {
  assert.equal(changeWord("requires_improvement", "good"), "Better");
  assert.equal(changeWord("inadequate", "outstanding"), "Better");
  assert.equal(changeWord("good", "requires_improvement"), "Worse");
  assert.equal(changeWord("outstanding", "inadequate"), "Worse");
  for (const g of SCALE) assert.equal(changeWord(g, g), "No change", g);
  // Every pair on the four-point scale, against its order.
  for (const [i, a] of SCALE.entries())
    for (const [j, b] of SCALE.entries())
      assert.equal(changeWord(a, b), i === j ? "No change" : j > i ? "Better" : "Worse", `${a} → ${b}`);
});

test("not known, not answered or no grade on either side cannot be compared, unless both are the same", () => {
  assert.equal(changeWord("not_known", "good"), "Cannot compare");
  assert.equal(changeWord("good", "not_known"), "Cannot compare");
  assert.equal(changeWord(null, "good"), "Cannot compare");
  assert.equal(changeWord("good", null), "Cannot compare");
  assert.equal(changeWord("not_known", "not_known"), "No change");
  assert.equal(changeWord(null, null), "No change");
});

test("changeSummary counts the words, leaving out those with none", () => {
  assert.equal(
    changeSummary(["Better", "Better", "Worse", "No change", "Cannot compare", "Better"]),
    "3 better, 1 worse, 1 no change, 1 cannot compare",
  );
  assert.equal(changeSummary(["No change", "No change"]), "2 no change");
  assert.equal(changeSummary([]), "");
});

test("an indicator's change follows its direction: a lower turnover is Better, a rate with no better way only moves", () => {
  const fw = {
    indicators: [
      { id: "turnover", name: "Social worker turnover", unit: "percent", direction: "lower_is_better" },
      { id: "visits", name: "Visits on time", unit: "percent", direction: "higher_is_better" },
      { id: "caseload", name: "Average caseload", unit: "number", direction: "neither" },
      { id: "agency", name: "Agency workers", unit: "percent", direction: "lower_is_better" },
      { id: "unused", name: "Not given either year", unit: "number", direction: "higher_is_better" },
    ],
  };
  const then = { indicators: { turnover: 22.5, visits: 80, caseload: 18, agency: 10 } };
  const now = { indicators: { turnover: 18, visits: 75, caseload: 17, agency: 10 } };
  assert.deepEqual(indicatorRows(fw, then, now), [
    ["Social worker turnover", "22.5%", "18%", "Better"],
    ["Visits on time", "80%", "75%", "Worse"],
    // Neither way is better in itself (a rate of children on plans): only which way it moved.
    ["Average caseload", "18", "17", "Lower"],
    ["Agency workers", "10%", "10%", "No change"],
  ]);
});

test("an indicator given in one year only cannot be compared", () => {
  const fw = { indicators: [{ id: "turnover", name: "Turnover", unit: "percent", direction: "lower_is_better" }] };
  assert.deepEqual(indicatorRows(fw, { indicators: {} }, { indicators: { turnover: 1234 } }), [
    ["Turnover", "Not given", "1,234%", "Cannot compare"],
  ]);
  assert.deepEqual(indicatorRows(fw, { indicators: { turnover: Number.NaN } }, { indicators: { turnover: 5 } }), [
    ["Turnover", "Not given", "5%", "Cannot compare"],
  ]);
  assert.deepEqual(indicatorRows(fw, null, { indicators: {} }), []);
  assert.deepEqual(indicatorRows(null, {}, {}), []);
});
