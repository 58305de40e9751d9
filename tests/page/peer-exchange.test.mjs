// The peer challenge exchange on paper (issue 29.3): www/exports/exchange.mjs's exchangeModel and
// exchangeBlocks name every statement by its text, in the framework's order, and say
// each reply in words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { applyResponse, makePack, makeResponse, recordSent, reply, takeRating } from "../../www/domain/peer.mjs";
import { exchangeBlocks, exchangeModel } from "../../www/exports/exchange.mjs";

const fw = {
  areas: [
    {
      name: "Help and protection",
      statements: [
        { id: "s_a", text: "Children get help at the front door." },
        { id: "s_b", text: "Thresholds are understood." },
        { id: "s_c", text: "Early help is timely." },
      ],
    },
  ],
};
const LABELS = { good: "Good", requires_improvement: "Requires improvement", inadequate: "Inadequate" };
const label = (id) => LABELS[id] ?? id;

function exchange() {
  const a = { format: "stocktake-assessment", authority: "Anyshire", answers: { s_c: { level: "good" } } };
  const pack = makePack(a, { preparedFor: "Sam", includeNotes: false, today: "2026-05-01", id: "p" });
  recordSent(a, pack);
  const response = makeResponse(pack, {
    reviewer: "Sam",
    letter: "Dear Anyshire,\n\nThank you.",
    today: "2026-05-20",
    challenges: {
      s_c: { stance: "question", question: "Why good?", rating: "requires_improvement" },
      s_b: { stance: "question", question: "Which audit?", rating: "inadequate", note: "See the data." },
      s_a: { stance: "agree" },
      gone: { stance: "agree" },
    },
  });
  const { exchange: x } = applyResponse(a, response);
  reply(x, "s_b", "answered", "Our March audit.", "2026-05-25");
  reply(x, "s_c", "accepted", "", "2026-05-25");
  takeRating(x, "s_c", "good", "requires_improvement");
  return { a, x };
}

test("an exchange in words: statements by text in the framework's order, the replies, the counts", () => {
  const { x } = exchange();
  const m = exchangeModel(fw, label, x);
  assert.equal(m.heading, "Challenge from Sam, 20 May 2026");
  assert.equal(m.summary, "2 agreed, 2 questioned, 0 still to reply to.");
  assert.deepEqual(
    m.challenges.map((c) => c.statement),
    [
      "Children get help at the front door.",
      "Thresholds are understood.",
      "Early help is timely.",
      "A statement not in this framework",
    ],
  );
  assert.equal(m.challenges[1].reply, "Answered on 25 May 2026: Our March audit.");
  assert.equal(m.challenges[1].rating, "Inadequate");
  assert.equal(m.challenges[2].reply, "Accepted on 25 May 2026; rating changed from good to requires improvement");
  assert.equal(m.challenges[0].reply, "", "an agreement needs no reply");
  assert.ok(!JSON.stringify(m).includes("s_b"), "no statement id");
});

test("a question not yet replied to, and a pack still waiting", () => {
  const { a, x } = exchange();
  delete x.replies.s_b;
  assert.equal(exchangeModel(fw, label, x).challenges[1].reply, "No reply yet");
  assert.match(exchangeModel(fw, label, x).summary, /1 still to reply to/);
  const waiting = exchangeModel(fw, label, { ...a.peer.exchanges[0], respondedOn: undefined, challenges: {} });
  assert.equal(waiting.heading, "Pack prepared for Sam");
  assert.equal(exchangeBlocks(waiting).length, 2, "a heading and what it waits for");
});

test("the blocks: the letter by paragraph and a table with or without the replies", () => {
  const { x } = exchange();
  const blocks = exchangeBlocks(exchangeModel(fw, label, x));
  assert.deepEqual(
    blocks.filter((b) => b.type === "p").map((b) => b.text),
    ["2 agreed, 2 questioned, 0 still to reply to.", "Dear Anyshire,", "Thank you."],
  );
  const t = blocks.find((b) => b.type === "table");
  assert.deepEqual(t.head, ["Statement", "Reviewer's view", "Question and note", "Our reply"]);
  assert.deepEqual(t.rows[1], [
    "Thresholds are understood.",
    "Questions it; would rate it inadequate",
    "Question: Which audit? Note: See the data.",
    "Answered on 25 May 2026: Our March audit.",
  ]);
  const own = exchangeBlocks(exchangeModel(fw, label, x, false), false).find((b) => b.type === "table");
  assert.deepEqual(own.head, ["Statement", "Your view", "Question and note"]);
});
