// The timeline's note on events projected after 2027 (the core's `laterFramework`, rule
// later_framework_2027): shown with its tag, its trust note and its source, never dropped. Runs in Node
// with jsdom: no build, no browser.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";

const { window } = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.document = window.document;
globalThis.Node = window.Node;
const { laterFrameworkNote, preElectionNote } = await import("../../www/pages/results/timeline.mjs");

const later = {
  id: "later_framework_2027",
  text: "From 2027 this may fall under the children and families services framework Ofsted plans to introduce (announced 27 November 2025; its content and start date are not yet published), so the steps and judgements may differ.",
  source:
    "https://www.localgovernmentlawyer.co.uk/child-protection/392-children-protection-news/99155-ofsted-confirms-removal-of-headline-judgement-for-inspections-of-local-authorities-children-s-services-from-april-2026",
  tag: "U",
};

test("an event projected after 2027 says it may fall under the planned framework, unverified, with its source", () => {
  const el = laterFrameworkNote({ laterFramework: later });
  assert.ok(el, "the note is shown");
  assert.ok(el.classList.contains("govuk-inset-text"));
  const text = el.textContent.replace(/\s+/g, " ");
  assert.match(text, /May change/);
  assert.match(text, /children and families services framework/);
  assert.match(text, /Unverified/i);
  const link = el.querySelector("a.govuk-link");
  assert.equal(link?.getAttribute("href"), later.source);
  assert.equal(el.querySelector(".st-later-framework")?.classList.contains("govuk-tag--grey"), true);
});

test("an event before then carries no note", () => {
  assert.equal(laterFrameworkNote({ laterFramework: null }), null);
  assert.equal(laterFrameworkNote({}), null);
});

test("a report held for a pre-election period says why, with the calendar's source as a link, never in the words", () => {
  const poll = {
    id: "local_2027",
    text: "Held for the pre-election period: council elections on 6 May 2027.",
    source: "https://en.wikipedia.org/wiki/2023_United_Kingdom_local_elections",
    tag: "S",
  };
  const el = preElectionNote({ preElection: poll });
  assert.ok(el?.classList.contains("govuk-inset-text"), "the note is shown");
  const text = el.textContent.replace(/\s+/g, " ");
  assert.match(text, /Held for the pre-election period: council elections on 6 May 2027\./);
  assert.match(text, /Secondary source/);
  assert.doesNotMatch(text, /https:/, "the address is the link's, not the reader's");
  assert.equal(el.querySelector("a.govuk-link")?.getAttribute("href"), poll.source);
  assert.equal(preElectionNote({}), null);
});
