// domain/state.mjs: the assessment's paths (getPath, setPath and its pruning, fieldId), the new
// assessment and the deep copy. Plain Node, no browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cloneJson, fieldId, getPath, newAssessment, setPath } from "../../www/domain/state.mjs";

test("getPath reads a dotted path or a list of keys, undefined where a step is missing", () => {
  const a = { answers: { hp_1: { level: "good", action: { due: "2026-05-01" } } } };
  assert.equal(getPath(a, "answers.hp_1.level"), "good");
  assert.equal(getPath(a, ["answers", "hp_1", "action", "due"]), "2026-05-01");
  assert.equal(getPath(a, "answers.hp_2.level"), undefined);
  assert.equal(getPath(a, "answers.hp_1.level.deeper"), undefined);
  assert.equal(getPath(null, "answers"), undefined);
  // A key with a dot in it needs the list form.
  assert.equal(getPath({ "a.b": 1 }, ["a.b"]), 1);
});

test("setPath creates the objects on the way and returns the object it changed", () => {
  const a = { answers: {} };
  assert.equal(setPath(a, "answers.hp_1.action.text", "Audit the front door"), a);
  assert.deepEqual(a, { answers: { hp_1: { action: { text: "Audit the front door" } } } });
  setPath(a, ["answers", "hp_1", "level"], "good");
  assert.equal(getPath(a, "answers.hp_1.level"), "good");
  // A value that is not an object on the way is replaced by one.
  const b = { answers: { hp_1: "oops" } };
  setPath(b, "answers.hp_1.level", "good");
  assert.deepEqual(b, { answers: { hp_1: { level: "good" } } });
});

test("setPath with an empty value deletes the key and prunes the objects it emptied, keeping the top levels", () => {
  const a = { answers: { hp_1: { action: { text: "x" } }, hp_2: { level: "good" } }, indicators: {} };
  setPath(a, "answers.hp_1.action.text", "");
  // hp_1's action and then hp_1 itself are empty and go; `answers` (a top-level member) stays.
  assert.deepEqual(a, { answers: { hp_2: { level: "good" } }, indicators: {} });
  setPath(a, "answers.hp_2.level", null);
  assert.deepEqual(a, { answers: {}, indicators: {} });
  for (const empty of [undefined, null, "", [], {}]) {
    const c = { answers: { hp_1: { level: "good", evidence: ["case_audit"] } } };
    setPath(c, "answers.hp_1.evidence", empty);
    assert.deepEqual(c, { answers: { hp_1: { level: "good" } } }, JSON.stringify(empty));
  }
});

test("setPath with an empty value where nothing is stored changes nothing", () => {
  const a = { answers: {} };
  setPath(a, "answers.hp_1.action.text", "");
  assert.deepEqual(a, { answers: {} });
});

test("setPath keeps `keep` levels: with keep 1 an emptied top-level member goes too", () => {
  const a = { history: { monitoring: { since: "2025-07-20" } }, answers: {} };
  setPath(a, "history.monitoring.since", "", 1);
  assert.deepEqual(a, { answers: {} });
  const b = { history: { monitoring: { since: "2025-07-20" } } };
  setPath(b, "history.monitoring.since", "");
  assert.deepEqual(b, { history: {} });
});

test("setPath keeps zero and false: they are values, not empty", () => {
  const a = { indicators: {} };
  setPath(a, "indicators.turnover", 0);
  setPath(a, "history.focusedVisits", [{ priorityActions: false }]);
  assert.deepEqual(a, { indicators: { turnover: 0 }, history: { focusedVisits: [{ priorityActions: false }] } });
});

test("fieldId makes a path safe as an element id in a CSS selector", () => {
  assert.equal(fieldId("answers.hp_front_door.action.due"), "answers-hp_front_door-action-due");
  assert.equal(fieldId("history.focusedVisits.0.endedOn"), "history-focusedVisits-0-endedOn");
  assert.equal(fieldId("a b/c#d"), "a-b-c-d");
  assert.equal(fieldId(3), "3");
  assert.match(fieldId("x.y:z[0]"), /^[A-Za-z0-9_-]+$/);
});

test("newAssessment is an empty self-evaluation in the saved-file format the core names", () => {
  const limits = { format: "stocktake-assessment", formatVersion: 2 };
  const a = newAssessment(limits, "ilacs-2026-04", "", "2026-04-01");
  assert.equal(a.format, "stocktake-assessment");
  assert.equal(a.version, 2);
  assert.equal(newAssessment({ ...limits, formatVersion: 3 }, "x", "", "2026-01-01").version, 3, "the core's version");
  assert.equal(a.framework, "ilacs-2026-04");
  assert.equal(a.authority, "");
  assert.equal(a.assessedOn, "2026-04-01");
  assert.deepEqual(a.answers, {});
  assert.deepEqual(a.history.focusedVisits, []);
  assert.equal(newAssessment(limits, "x", "Fenmarsh", "2026-01-01").authority, "Fenmarsh");
});

test("cloneJson copies deeply and passes null and undefined through", () => {
  const a = { answers: { hp_1: { evidence: ["x"] } } };
  const b = cloneJson(a);
  assert.deepEqual(b, a);
  b.answers.hp_1.evidence.push("y");
  assert.deepEqual(a.answers.hp_1.evidence, ["x"]);
  assert.equal(cloneJson(null), null);
  assert.equal(cloneJson(undefined), undefined);
});
