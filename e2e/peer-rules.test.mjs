// Peer challenge files (www/domain/peer.mjs) and the regional rules (www/domain/regional.mjs) under
// Node: pack and response formats (versions, bad files, passphrase), the exchange kept in the
// authority's file, one pack per authority, candidate priorities and the workforce table.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PACK_FORMAT,
  RESPONSE_FORMAT,
  applyResponse,
  makePack,
  makeResponse,
  openPeerText,
  openQuestions,
  peerFileText,
  readPack,
  readResponse,
  recordSent,
  reply,
  takeRating,
  undoRating,
} from "../www/domain/peer.mjs";
import { authorityKey, onePerAuthority, priorities, workforce } from "../www/domain/regional.mjs";
import { encryptText } from "../www/domain/crypto.mjs";

const assessment = (authority, levels = {}, indicators = {}) => ({
  format: "stocktake-assessment",
  version: 1,
  framework: "ilacs-2026-04",
  authority,
  assessedOn: "2026-11-30",
  answers: Object.fromEntries(
    Object.entries(levels).map(([id, level]) => [id, { level, evidence: [], notes: `Candid note on ${id}` }]),
  ),
  indicators,
  history: null,
  participant: "Workshop name",
  peer: { exchanges: [{ packId: "old", reviewer: "Someone" }] },
});

test("a pack names who it is for and says it is confidential; notes are left out unless chosen", () => {
  const a = assessment("Dorset", { hp_front_door: "good" });
  const pack = makePack(a, {
    preparedFor: "Sam Peer, DCS Wiltshire",
    includeNotes: false,
    today: "2026-12-04",
    id: "p1",
  });
  assert.equal(pack.format, PACK_FORMAT);
  assert.match(pack.notice, /^Confidential\. Prepared by Dorset for Sam Peer, DCS Wiltshire only/);
  assert.match(pack.notice, /its notes are left out/);
  assert.equal(pack.assessment.answers.hp_front_door.notes, undefined);
  assert.equal(pack.assessment.peer, undefined, "the exchange history stays at home");
  assert.equal(pack.assessment.participant, undefined);
  assert.equal(a.answers.hp_front_door.notes, "Candid note on hp_front_door", "the original is untouched");
  const withNotes = makePack(a, { preparedFor: "Sam", includeNotes: true, today: "2026-12-04", id: "p2" });
  assert.equal(withNotes.assessment.answers.hp_front_door.notes, "Candid note on hp_front_door");
  assert.deepEqual(readPack(JSON.parse(JSON.stringify(pack))).pack.assessment, pack.assessment);
});

test("bad packs and responses are refused with a reason", () => {
  const pack = makePack(assessment("Dorset"), {
    preparedFor: "Sam",
    includeNotes: false,
    today: "2026-12-04",
    id: "p",
  });
  assert.match(readPack(null).problem, /not a Stocktake file/);
  assert.match(readPack({ ...pack, version: 2 }).problem, /newer version of Stocktake \(version 2\)/);
  assert.match(readPack({ ...pack, version: "1" }).problem, /no valid version/);
  assert.match(readPack({ ...pack, preparedFor: "" }).problem, /who it was prepared for/);
  assert.match(readPack({ ...pack, assessment: {} }).problem, /holds no self-evaluation/);
  assert.match(readPack({ format: RESPONSE_FORMAT, version: 1 }).problem, /it is a peer reviewer's response/);
  assert.match(readResponse(pack).problem, /it is a peer challenge pack/);
  // The codes the regional picture words its own sentences from.
  assert.deepEqual(
    [
      readPack(null),
      readPack({ ...pack, version: 2 }),
      readPack({ ...pack, version: "1" }),
      readPack({ ...pack, preparedFor: "" }),
      readPack({ format: RESPONSE_FORMAT, version: 1 }),
      readPack({ ...pack, format: "stocktake-assessment" }),
      readPack({ ...pack, format: "something-else" }),
      readPack({ format: "stocktake-encrypted" }),
    ].map((x) => x.code),
    [
      "not_stocktake",
      "newer_version",
      "no_version",
      "incomplete",
      "is_response",
      "is_assessment",
      "other_format",
      "protected",
    ],
  );
  const response = makeResponse(pack, { reviewer: "Sam", letter: "x", challenges: {}, today: "2026-12-05" });
  assert.ok(readResponse(response).response);
  assert.match(
    readResponse({ ...response, challenges: { a: { stance: "maybe" } } }).problem,
    /neither agree nor a question/,
  );
  assert.match(
    readResponse({ ...response, challenges: { a: { stance: "question", rating: "great" } } }).problem,
    /not on the scale/,
  );
  assert.match(
    readResponse({ ...response, challenges: { a: { stance: "agree", note: "x".repeat(2001) } } }).problem,
    /longer than 2000/,
  );
  assert.match(readResponse({ ...response, packId: 3 }).problem, /which pack/);
});

test("a protected pack opens only with its passphrase", async () => {
  const pack = makePack(assessment("Dorset"), {
    preparedFor: "Sam",
    includeNotes: false,
    today: "2026-12-04",
    id: "p",
  });
  const text = await encryptText(`${JSON.stringify(pack)}\n`, "correct horse battery", 100000);
  assert.deepEqual(await openPeerText(text, null), { needsPassphrase: true });
  const wrong = await openPeerText(text, "wrong horse battery");
  assert.equal(wrong.needsPassphrase, true);
  assert.match(wrong.problem, /passphrase is wrong/);
  assert.equal(wrong.code, "wrong_passphrase_or_changed");
  assert.deepEqual((await openPeerText(text, "correct horse battery")).value, pack);
  assert.deepEqual(await openPeerText("{not json", null), {
    code: "not_stocktake",
    problem: "The selected file is not a Stocktake file",
  });
  const plain = await peerFileText(pack, null);
  assert.deepEqual(JSON.parse(plain), pack);
});

test("the exchange: sent, answered by the reviewer, accepted or answered by the authority", () => {
  const a = assessment("Dorset", { hp_front_door: "good", hp_child_seen: "outstanding" });
  delete a.peer;
  const pack = makePack(a, { preparedFor: "Sam", includeNotes: false, today: "2026-12-04", id: "p1" });
  recordSent(a, pack);
  assert.deepEqual(a.peer.exchanges, [{ packId: "p1", reviewer: "Sam", sentOn: "2026-12-04", includesNotes: false }]);
  const response = readResponse(
    JSON.parse(
      JSON.stringify(
        makeResponse(pack, {
          reviewer: "Sam Peer",
          letter: "Dear Dorset",
          today: "2026-12-05",
          challenges: {
            hp_front_door: { stance: "agree", question: "ignored", rating: "good", note: "" },
            hp_child_seen: { stance: "question", question: "Where is the audit?", rating: "good", note: "n" },
            hp_other: { stance: null },
          },
        }),
      ),
    ),
  ).response;
  assert.deepEqual(Object.keys(response.challenges), ["hp_front_door", "hp_child_seen"]);
  assert.deepEqual(response.challenges.hp_front_door, { stance: "agree" });
  const { exchange } = applyResponse(a, response);
  assert.equal(a.peer.exchanges.length, 1, "the response joins its pack's exchange");
  assert.equal(exchange.letter, "Dear Dorset");
  assert.equal(openQuestions(exchange), 1);
  // Accepting can take the reviewer's rating; the reply records from what, and undo gives it back.
  assert.equal(takeRating(exchange, "hp_child_seen", "outstanding", "good"), null, "only an accepted reply");
  reply(exchange, "hp_child_seen", "accepted", "", "2026-12-06");
  assert.equal(takeRating(exchange, "hp_child_seen", "outstanding", "good"), "good");
  reply(exchange, "hp_child_seen", "accepted", "", "2026-12-07");
  assert.equal(exchange.replies.hp_child_seen.ratingFrom, "outstanding", "kept while still accepted");
  assert.equal(undoRating(exchange, "hp_child_seen"), "outstanding");
  assert.equal(undoRating(exchange, "hp_child_seen"), undefined, "nothing left to undo");
  assert.equal("ratingTo" in exchange.replies.hp_child_seen, false);
  reply(exchange, "hp_child_seen", "answered", "Audit of 40 cases, October", "2026-12-06");
  assert.equal(openQuestions(exchange), 0);
  // Opening the response again keeps the replies.
  applyResponse(a, response);
  assert.equal(a.peer.exchanges[0].replies.hp_child_seen.answer, "Audit of 40 cases, October");
  assert.match(
    applyResponse(assessment("Poole"), response).problem,
    /is to Dorset's pack, not to this self-evaluation \(Poole\)/,
  );
});

const packOf = (authority, preparedOn, levels, extra = {}) => ({
  ...makePack(assessment(authority, levels), {
    preparedFor: "Lead",
    includeNotes: false,
    today: preparedOn,
    id: `${authority}-${preparedOn}`,
  }),
  ...extra,
});

test("two packs from the same authority count once: the later is kept", () => {
  const entries = [
    { file: "a1.json", pack: packOf("Dorset", "2026-11-01", {}) },
    { file: "b.json", pack: packOf("Poole", "2026-11-01", {}) },
    { file: "a2.json", pack: packOf(" DORSET ", "2026-12-01", {}) },
    { file: "a0.json", pack: packOf("Dorset", "2026-10-01", {}) },
  ];
  const { kept, duplicates } = onePerAuthority(entries);
  assert.deepEqual(
    kept.map((e) => e.file),
    ["a2.json", "b.json"],
  );
  assert.deepEqual(
    duplicates.map((d) => [d.file, d.keptFile]),
    [
      ["a1.json", "a2.json"],
      ["a0.json", "a2.json"],
    ],
  );
  assert.equal(authorityKey({ urn: 80486, preparedBy: "x" }), "urn:80486");
});

test("candidate priorities: statements two or more authorities rate requires improvement or worse, by area", () => {
  const areas = [
    {
      id: "hp",
      name: "Help and protection",
      statements: [
        { id: "s1", text: "One" },
        { id: "s2", text: "Two" },
      ],
    },
    { id: "ic", name: "In care", statements: [{ id: "s3", text: "Three" }] },
  ];
  const kept = [
    { file: "a", pack: packOf("A", "2026-12-01", { s1: "requires_improvement", s2: "inadequate", s3: "good" }) },
    { file: "b", pack: packOf("B", "2026-12-01", { s1: "inadequate", s2: "inadequate", s3: "requires_improvement" }) },
    { file: "c", pack: packOf("C", "2026-12-01", { s1: "good", s2: "requires_improvement", s3: "not_known" }) },
  ];
  assert.deepEqual(priorities(kept, areas), [
    {
      area: "Help and protection",
      areaId: "hp",
      statements: [
        { id: "s2", text: "Two", count: 3, authorities: ["A", "B", "C"] },
        { id: "s1", text: "One", count: 2, authorities: ["A", "B"] },
      ],
    },
  ]);
  kept[0].pack.assessment.indicators = { sw_turnover: 14.5, agency_rate: "x" };
  assert.deepEqual(workforce(kept.slice(0, 1)), [
    { authority: "A", values: { sw_turnover: 14.5, agency_rate: null, vacancy_rate: null, average_caseload: null } },
  ]);
});

// The time is printed, not asserted: speed is the benchmark's to judge (scripts/bench-page.mjs).
test("30 packs from 27 authorities aggregate to one per authority", () => {
  const areas = [
    { id: "hp", name: "HP", statements: Array.from({ length: 53 }, (_, i) => ({ id: `s${i}`, text: `S${i}` })) },
  ];
  const levels = Object.fromEntries(areas[0].statements.map((s, i) => [s.id, i % 3 ? "good" : "requires_improvement"]));
  const entries = Array.from({ length: 30 }, (_, i) => ({
    file: `${i}`,
    pack: packOf(`LA ${i % 27}`, "2026-12-01", levels),
  }));
  const t0 = performance.now();
  const { kept } = onePerAuthority(entries);
  priorities(kept, areas);
  workforce(kept);
  const ms = performance.now() - t0;
  assert.equal(kept.length, 27);
  assert.equal(priorities(kept, areas).length > 0, true);
  console.log(`30 packs aggregated in ${ms.toFixed(1)} ms`);
});
