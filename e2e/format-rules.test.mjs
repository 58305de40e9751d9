// Formatting rules of the page that need no browser: dates inside the core's texts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { datesInText } from "../www/ui/format.mjs";

test("dates inside a text from the core are written as people read them; anything not a date stays", () => {
  assert.equal(
    datesInText("After the focused visit ending 2025-06-10."),
    "After the focused visit ending 10 June 2025.",
  );
  assert.equal(datesInText("From 2024-02-29 to 2027-01-04"), "From 29 February 2024 to 4 January 2027");
  for (const kept of ["2026-13-45", "2023-02-29", "12026-01-01x", "ref 2025-06-1", ""])
    assert.equal(datesInText(kept), kept);
  assert.equal(datesInText(null), null);
});
