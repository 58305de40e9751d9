// How a workshop group's answers divide, in words (www/domain/splits.mjs, issue 29.5).
import { test } from "node:test";
import assert from "node:assert/strict";
import { splitText } from "../../www/domain/splits.mjs";

const label = (l) => l.replace(/_/g, " ");
const order = ["outstanding", "good", "requires_improvement", "inadequate"];

test("ties and splits read in words", () => {
  assert.equal(
    splitText(
      { good: 1, requires_improvement: 1, inadequate: 1 },
      ["requires_improvement", "inadequate", "good"],
      label,
    ),
    "split three ways: requires improvement, inadequate, good",
  );
  assert.equal(splitText({ good: 4 }, order, label), "all 4 graded good");
  assert.equal(splitText({ good: 1 }, order, label), "1 graded good");
  assert.equal(splitText({ good: 3, inadequate: 1 }, order, label), "3 of 4 graded good, 1 inadequate");
  assert.equal(splitText({ good: 2, inadequate: 2 }, order, label), "split evenly: 2 good, 2 inadequate");
  assert.equal(
    splitText({ good: 2, inadequate: 2, outstanding: 1 }, order, label),
    "tied between good and inadequate (2 each), then 1 outstanding",
  );
  assert.equal(
    splitText({ good: 2, not_known: 3 }, order, label, { verb: "chose", skip: ["not_known"] }),
    "all 2 chose good",
  );
  assert.equal(splitText({}, order, label), "");
});
