// A peer reviewer's response is matched to the authority's own file by what identifies the pack:
// its id when this file sent it, then the authority's Ofsted URN the pack carried, and only then
// the authority's name as typed (issue 27: an authority is its codes, never just its name).
import { test } from "node:test";
import assert from "node:assert/strict";
import { applyResponse, makePack, makeResponse, readResponse, recordSent } from "../../www/domain/peer.mjs";

const file = (authority, urn) => ({
  format: "stocktake-assessment",
  authority,
  ...(urn ? { authorityCodes: { urn, la: "800", ons: "E06000022" } } : {}),
  answers: { s_a: { level: "good" } },
});
/** A response to a pack made from `from`, read back as a file would be (JSON text, then readResponse). */
function responseTo(from, { send = true } = {}) {
  const pack = makePack(from, {
    preparedFor: "Sam",
    includeNotes: false,
    today: "2026-11-02",
    urn: from.authorityCodes?.urn ?? null,
  });
  if (send) recordSent(from, pack);
  const r = makeResponse(pack, {
    reviewer: "Sam",
    letter: "Dear colleagues",
    today: "2026-11-20",
    challenges: { s_a: { stance: "question", question: "How do you know?" } },
  });
  return readResponse(JSON.parse(JSON.stringify(r))).response;
}

test("the response carries the URN of the authority whose pack it answers", () => {
  assert.equal(responseTo(file("Bath and North East Somerset", 80431)).urn, 80431);
  assert.equal(responseTo(file("Anyshire")).urn, null, "a pack without codes gives a response without");
});

test("a response to a pack this file sent is joined though the authority's name was typed again since", () => {
  const a = file("Bath and NE Somerset", 80431);
  const response = responseTo(a);
  a.authority = "Bath & North East Somerset Council";
  const { exchange, problem } = applyResponse(a, response);
  assert.equal(problem, undefined);
  assert.equal(exchange.letter, "Dear colleagues");
  assert.equal(a.peer.exchanges.length, 1, "joined to the exchange the pack began");
});

test("a file without the sent pack recognises its own response by the URN, whatever the name", () => {
  const response = responseTo(file("Bath and NE Somerset", 80431), { send: false });
  const copy = file("Bath & North East Somerset Council", 80431);
  const { exchange, problem } = applyResponse(copy, response);
  assert.equal(problem, undefined);
  assert.equal(exchange.reviewer, "Sam");
});

test("a response to another authority's pack is refused by its URN even when the names match", () => {
  const response = responseTo(file("Newtown", 80431), { send: false });
  const other = file("Newtown", 80999);
  const { problem } = applyResponse(other, response);
  assert.match(problem, /Ofsted URN 80431/);
  assert.match(problem, /URN 80999/);
  assert.equal(other.peer, undefined, "nothing is added");
});

test("without codes on both sides the names decide, as before", () => {
  const response = responseTo(file("Dorset"), { send: false });
  assert.equal(applyResponse(file("dorset "), response).problem, undefined);
  assert.match(
    applyResponse(file("Poole"), response).problem,
    /is to Dorset's pack, not to this self-evaluation \(Poole\)/,
  );
});
