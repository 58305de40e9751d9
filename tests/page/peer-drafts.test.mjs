// The reviewer's drafts and the checks before a response is sent (www/domain/peer.mjs, issue 29).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  draftFromResponse,
  makePack,
  makeResponse,
  markingOf,
  openPeerText,
  packNotice,
  peerFileText,
  readPack,
  readResponse,
  responseGaps,
} from "../../www/domain/peer.mjs";

const assessment = { format: "stocktake-assessment", version: 1, framework: "f", authority: "Dorset", answers: {} };
const pack = makePack(assessment, { preparedFor: "Sam", includeNotes: false, today: "2026-12-01", id: "p1" });

test("a pack and a response carry the protective marking, OFFICIAL-SENSITIVE unless set", () => {
  assert.equal(pack.marking, "OFFICIAL-SENSITIVE");
  assert.equal(
    makePack(assessment, { preparedFor: "Sam", today: "2026-12-01", marking: "OFFICIAL" }).marking,
    "OFFICIAL",
  );
  const r = makeResponse(pack, { reviewer: "Sam", letter: "x", challenges: {}, today: "2026-12-02" });
  assert.equal(r.marking, "OFFICIAL-SENSITIVE");
  assert.match(r.notice, /^OFFICIAL-SENSITIVE\. The peer challenge response of Sam to Dorset's self-evaluation/);
  assert.equal(markingOf({}), "OFFICIAL-SENSITIVE");
  assert.equal(markingOf({ marking: "x".repeat(61) }), "OFFICIAL-SENSITIVE");
});

test("a provider's pack speaks of the home or agency", () => {
  assert.match(packNotice("Oak House", "Sam", false, true), /the home or agency's candid view of its own care/);
  const read = readPack(JSON.parse(JSON.stringify(pack)), () => true);
  assert.match(read.pack.notice, /the home or agency's/);
});

test("empty questions and an empty letter stop a response; a draft keeps every word and its pack", () => {
  const challenges = {
    a: { stance: "question", question: " " },
    b: { stance: "agree" },
    c: { stance: "question", question: "Why?" },
  };
  assert.deepEqual(responseGaps(["a", "b", "c"], { letter: "", challenges }), [
    { statementId: "a" },
    { statementId: "letter" },
  ]);
  assert.deepEqual(responseGaps(["c"], { letter: "Dear", challenges }), []);
  const draft = makeResponse(pack, { reviewer: "Sam", letter: "", challenges, today: "2026-12-02", draft: true });
  assert.equal(draft.draft, true);
  const { response } = readResponse(JSON.parse(JSON.stringify(draft)));
  assert.equal(response.draft, true);
  assert.deepEqual(draftFromResponse(pack, response).draft.challenges.c, {
    stance: "question",
    question: "Why?",
    rating: "",
    note: "",
  });
  assert.match(draftFromResponse({ ...pack, id: "other" }, response).problem, /another pack/);
});

test("a truncated file says so; a wrong passphrase has its code", async () => {
  const text = await peerFileText(pack, null);
  const cut = await openPeerText(text.slice(0, text.length / 2), null);
  assert.equal(cut.code, "truncated");
  assert.match(cut.problem, /damaged or incomplete/);
  assert.equal((await openPeerText("hello", null)).code, "not_stocktake");
  const locked = await peerFileText(pack, "correct horse battery");
  const wrong = await openPeerText(locked, "wrong horse battery");
  assert.equal(wrong.code, "wrong_passphrase_or_changed");
});
