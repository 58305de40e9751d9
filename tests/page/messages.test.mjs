// ui/messages.mjs: the core's problems in the words a user reads (GOV.UK's error message patterns):
// dates made plain, fields by name, ids by their names, nothing meant for developers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fieldLabel, plainDates, problemMessage } from "../../www/ui/messages.mjs";

/** The parts of the App the messages read: the frameworks and the current framework's view. */
const app = {
  frameworks: [
    { id: "ilacs-2023-01", name: "ILACS (January 2023)" },
    { id: "ilacs-2026-04", name: "ILACS (April 2026)" },
  ],
  fw: () => ({
    indicators: [{ id: "sw_turnover", name: "Social worker turnover" }],
    levels: [
      { id: "requires_improvement", label: "Requires improvement" },
      { id: "not_known", label: "Not known" },
    ],
  }),
};

test("plainDates writes ISO dates as people read them, and an example to type as its parts", () => {
  assert.equal(plainDates("after 2026-04-01"), "after 1 April 2026");
  assert.equal(plainDates("Enter a real date, like 2024-03-08"), "Enter a real date, like 8 3 2024");
  assert.equal(plainDates("from 2025-01-31 to 2025-12-25"), "from 31 January 2025 to 25 December 2025");
  assert.equal(plainDates("no dates here"), "no dates here");
  assert.equal(plainDates(12), "12");
});

test("fieldLabel names the fields a user types, null for any other", () => {
  assert.equal(fieldLabel(app, "assessedOn"), "The date of this self-evaluation");
  assert.equal(fieldLabel(app, "history.lastInspection.endedOn"), "The date the last inspection ended");
  assert.equal(fieldLabel(app, "history.focusedVisits.0.endedOn"), "The date focused visit 1 ended");
  assert.equal(fieldLabel(app, "history.focusedVisits.2.endedOn"), "The date focused visit 3 ended");
  assert.equal(fieldLabel(app, "answers.hp_front_door.action.due"), "The date the action is due");
  assert.equal(fieldLabel(app, "indicators.sw_turnover"), "Social worker turnover");
  assert.equal(fieldLabel(app, "indicators.unknown"), null);
  assert.equal(fieldLabel(app, "answers.hp_front_door.level"), null);
  assert.equal(fieldLabel(app, undefined), null);
});

test("a date in the future, not a number, or not a real date: GOV.UK's wording with the field's name", () => {
  assert.equal(
    problemMessage(app, { field: "assessedOn", code: "future_date", message: "2099-01-01 is in the future" }),
    "The date of this self-evaluation must be today or in the past",
  );
  assert.equal(
    problemMessage(app, { field: "indicators.sw_turnover", code: "not_a_number", message: "not a number" }),
    "Enter Social worker turnover as a number, like 22.5",
  );
  assert.equal(
    problemMessage(app, { field: "x", code: "not_a_number", message: "not a number" }),
    "Enter a number, like 22.5",
  );
  assert.equal(
    problemMessage(app, {
      field: "assessedOn",
      code: "invalid_date",
      message: "Enter a real date from 2000 to 2099, like 2026-03-31",
    }),
    "The date of this self-evaluation must be a real date from 2000 to 2099",
  );
  assert.equal(
    problemMessage(app, { field: "history.lastInspection.endedOn", code: "invalid_date", message: "bad" }),
    "The date the last inspection ended must be a real date",
  );
});

test("the history's date messages keep their own words, with the example date made plain", () => {
  assert.equal(
    problemMessage(app, {
      field: "history.focusedVisits.0.endedOn",
      code: "invalid_date",
      message: "Enter the date the visit ended as a real date, like 2025-09-10",
    }),
    "Enter the date the visit ended as a real date, like 10 9 2025",
  );
});

test("an unknown framework is said without its id, and the one used by its name", () => {
  // The core's message (crate/assessment/mod.rs, parse_assessment).
  const text = problemMessage(app, {
    field: "framework",
    code: "unknown_framework",
    message: '"ilacs-1999-01" is not a framework this version of Stocktake knows; scored against ilacs-2026-04',
  });
  assert.equal(
    text,
    "The file's framework is not a framework this version of Stocktake knows; scored against ILACS (April 2026)",
  );
  assert.doesNotMatch(text, /ilacs-/);
});

test("other messages: framework and level ids by their names, no JSON positions, dates made plain", () => {
  assert.equal(
    problemMessage(app, {
      field: "answers.hp_1.level",
      code: "wrong_shape",
      message: "requires_improvement is not allowed in ilacs-2026-04 after 2026-04-01",
    }),
    "requires improvement is not allowed in ILACS (April 2026) after 1 April 2026",
  );
  const parsed = problemMessage(app, {
    field: "",
    code: "not_json",
    message: "The file is not valid JSON: expected value at line 113, column 12",
  });
  assert.doesNotMatch(parsed, /line|column/);
  assert.match(parsed, /^The file is not valid JSON: expected value/);
});
