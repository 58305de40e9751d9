// Who answered what in a workshop comparison (www/domain/answers-grid.mjs, issue 29): each compared
// participant's levels come from the file the core took for them, never from a skipped file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { participantAnswers } from "../../www/domain/answers-grid.mjs";

/** A stand-in for the core's parser: a file's JSON, with a problem when it says `broken`. */
const core = {
  parseAssessmentText(text) {
    const a = JSON.parse(text);
    return { assessment: a, problems: a.broken ? [{ code: "unknown_statement" }] : [], fatal: false };
  },
};
const file = (name, a) => ({
  name,
  text: JSON.stringify({ framework: "fw", scenario: "harrowby", answers: {}, ...a }),
});
const result = (participants) => ({ scenario: "harrowby", framework: "fw", participants });

test("each participant's levels come from their own file, in the comparison's order", () => {
  const files = [
    file("a.json", { participant: "Asha", answers: { s1: { level: "good" }, s2: { level: "not_known" } } }),
    file("b.json", { answers: { s1: { level: "inadequate" } } }),
  ];
  const got = participantAnswers(
    core,
    files,
    result([
      { name: "a.json", participant: "Asha" },
      { name: "b.json", participant: null },
    ]),
  );
  assert.deepEqual(got, [
    { label: "Asha", levels: { s1: "good", s2: "not_known" } },
    { label: "b.json", levels: { s1: "inadequate" } },
  ]);
});

test("a skipped file with the same file name and participant (a problem, another scenario, another framework) is passed over", () => {
  const files = [
    file("same.json", { participant: "Sam", broken: true, answers: { s1: { level: "inadequate" } } }),
    file("same.json", { participant: "Sam", scenario: "eastmere", answers: { s1: { level: "inadequate" } } }),
    file("same.json", { participant: "Sam", framework: "other", answers: { s1: { level: "inadequate" } } }),
    file("same.json", { participant: "Sam", answers: { s1: { level: "outstanding" } } }),
  ];
  const [sam] = participantAnswers(core, files, result([{ name: "same.json", participant: "Sam" }]));
  assert.deepEqual(sam.levels, { s1: "outstanding" });
});

test("two participants whose files share a name each get their own file", () => {
  const files = [
    file("x.json", { participant: "Ann", answers: { s1: { level: "good" } } }),
    file("x.json", { participant: "Bo", answers: { s1: { level: "inadequate" } } }),
  ];
  const got = participantAnswers(
    core,
    files,
    result([
      { name: "x.json", participant: "Ann" },
      { name: "x.json", participant: "Bo" },
    ]),
  );
  assert.deepEqual(
    got.map((g) => g.levels.s1),
    ["good", "inadequate"],
  );
});

test("a participant whose file cannot be found has no levels, not someone else's", () => {
  const [gone] = participantAnswers(
    core,
    [file("a.json", { participant: "Asha" })],
    result([{ name: "b.json", participant: "Bea" }]),
  );
  assert.deepEqual(gone, { label: "Bea", levels: null });
});
