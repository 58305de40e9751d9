// The timeline's sentence on what the record says of the next inspection's kind after a last
// inspection like this one (the core's `next.kindChances`, tag D): shown when the record is split
// or went the other way from the route, with the "From official data" tag and its source. Runs in
// Node with jsdom: no build, no browser.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";

const { window } = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.document = window.document;
globalThis.Node = window.Node;
const { kindChancesNote } = await import("../../www/pages/results/timeline.mjs");

const source = "https://github.com/JT-39/ofsted-ilacs-scrape-tool/blob/main/ofsted_csc_ilacs_history.csv";
const chances = (short, standard, label) => ({ short, standard, of: short + standard, label, tag: "D", source });

test("a split record gives the counts, from official data, with the grade history as source", () => {
  const el = kindChancesNote({
    kind: "short",
    kindChances: chances(23, 2, "good overall with every judgement good or better"),
  });
  assert.ok(el, "the sentence is shown");
  const text = el.textContent.replace(/\s+/g, " ");
  assert.match(
    text,
    /In the record since the 2020–21 pause, of 25 authorities whose last inspection was good overall with every judgement good or better, 23 had a short inspection next and 2 a standard one\./,
  );
  assert.match(text, /From official data/);
  assert.equal(el.querySelector("a.govuk-link")?.getAttribute("href"), source);
});

test("a record that went the other way from the route is shown too", () => {
  const el = kindChancesNote({
    kind: "standard",
    kindChances: chances(1, 0, "good overall with children in care below good"),
  });
  assert.ok(el);
  assert.match(
    el.textContent,
    /the one authority whose last inspection was good overall with children in care below good had a short inspection next\./,
  );
});

test("a record that agrees with the route, or no counts, shows nothing", () => {
  assert.equal(
    kindChancesNote({ kind: "standard", kindChances: chances(0, 19, "requires improvement overall") }),
    null,
  );
  assert.equal(kindChancesNote({ kind: "short", kindChances: chances(8, 0, "outstanding overall") }), null);
  assert.equal(kindChancesNote({ kind: "short", kindChances: null }), null);
  assert.equal(kindChancesNote({ kind: "short" }), null);
});
