// The peer challenge exchange on paper (issue 29.3): one exchange (www/domain/peer.mjs: the pack
// sent, the reviewer's response, the authority's replies) as words, and as blocks for the report's
// "Peer challenge" section (report.mjs) and the reviewer's own copy (pages/peer/copy.mjs). Every
// statement is named by its text, never its id.
import { formatDateShort } from "../ui/format.mjs";
import { h2, p, table } from "./blocks.mjs";

/** A reply to a challenge in words: accepted (with any rating taken), answered with its text, or none yet. */
function replyText(levelLabel, r) {
  if (!r) return "No reply yet";
  const on = r.on ? ` on ${formatDateShort(r.on)}` : "";
  if (r.status === "accepted")
    return `Accepted${on}${
      "ratingTo" in r && r.ratingTo
        ? `; rating changed from ${r.ratingFrom ? levelLabel(r.ratingFrom).toLowerCase() : "not answered"} to ${levelLabel(r.ratingTo).toLowerCase()}`
        : ""
    }`;
  return `Answered${on}${r.answer?.trim() ? `: ${r.answer.trim()}` : " (no answer written)"}`;
}

/**
 * One peer challenge exchange (peer.mjs: the pack sent, the reviewer's response and the replies) as
 * words, every statement named by its text in the framework's order. `fw` is the framework the
 * statements belong to; `levelLabel(id)` names a rating; `replies` false for the reviewer's own copy.
 */
export function exchangeModel(fw, levelLabel, x, replies = true) {
  const order = [];
  for (const area of fw?.areas ?? [])
    for (const s of area.statements) order.push({ id: s.id, text: s.text, area: area.name });
  const known = new Map(order.map((s, i) => [s.id, { ...s, i }]));
  const entries = Object.entries(x.challenges ?? {}).sort(
    ([a], [b]) => (known.get(a)?.i ?? Number.MAX_SAFE_INTEGER) - (known.get(b)?.i ?? Number.MAX_SAFE_INTEGER),
  );
  const challenges = entries.map(([id, c]) => {
    const s = known.get(id);
    return {
      statement: s?.text ?? "A statement not in this framework",
      area: s?.area ?? "",
      stance: c.stance,
      view: c.stance === "agree" ? "Agrees with the rating" : "Questions it",
      rating: c.stance === "question" && c.rating ? levelLabel(c.rating) : "",
      question: c.stance === "question" ? (c.question ?? "") : "",
      note: c.note ?? "",
      reply: !replies || c.stance !== "question" ? "" : replyText(levelLabel, x.replies?.[id]),
    };
  });
  const agreed = challenges.filter((c) => c.stance === "agree").length;
  const open = replies ? challenges.filter((c) => c.reply === "No reply yet").length : 0;
  return {
    reviewer: x.reviewer ?? "",
    sentOn: x.sentOn ?? "",
    sentOnText: x.sentOn ? formatDateShort(x.sentOn) : "",
    respondedOn: x.respondedOn ?? "",
    respondedOnText: x.respondedOn ? formatDateShort(x.respondedOn) : "",
    waiting: !x.respondedOn,
    heading: !replies
      ? `Your response to ${x.authority || "the pack's author"}, ${formatDateShort(x.respondedOn)}`
      : x.respondedOn
        ? `Challenge from ${x.reviewer}, ${formatDateShort(x.respondedOn)}`
        : `Pack prepared for ${x.reviewer}`,
    summary: x.respondedOn
      ? `${agreed} agreed, ${challenges.length - agreed} questioned${replies ? `, ${open} still to reply to` : ""}.`
      : `Pack saved to a file on ${x.sentOn ? formatDateShort(x.sentOn) : "a date not recorded"}${x.includesNotes ? ", with our notes" : ", without our notes"}. Waiting for the response.`,
    letter: x.letter ?? "",
    challenges,
  };
}

/** A letter's paragraphs, as written (blank lines and line breaks start a new paragraph). */
function letterBlocks(letter) {
  const paras = String(letter ?? "")
    .split(/\n+/)
    .map((t) => t.trim())
    .filter(Boolean);
  return paras.length ? paras.map((t) => p(t)) : [p("No letter.")];
}

/**
 * One exchange as blocks: its heading and summary, the reviewer's letter, then each challenge with
 * the statement it is about, the reviewer's view, question and note, and (with `replies`) the reply.
 */
export function exchangeBlocks(x, replies = true) {
  const blocks = [h2(x.heading), p(x.summary)];
  if (x.waiting) return blocks;
  blocks.push(h2(replies ? `${x.reviewer}'s letter` : "Your letter"), ...letterBlocks(x.letter));
  const questionText = (c) =>
    [c.question && `Question: ${c.question}`, c.note && `Note: ${c.note}`].filter(Boolean).join(" ") || "";
  const view = (c) => `${c.view}${c.rating ? `; would rate it ${c.rating.toLowerCase()}` : ""}`;
  blocks.push(
    x.challenges.length
      ? replies
        ? table(
            `The challenges and our replies (${x.challenges.length})`,
            ["Statement", "Reviewer's view", "Question and note", "Our reply"],
            x.challenges.map((c) => [c.statement, view(c), questionText(c), c.reply]),
            [32, 18, 28, 22],
          )
        : table(
            `Your challenges (${x.challenges.length})`,
            ["Statement", "Your view", "Question and note"],
            x.challenges.map((c) => [c.statement, view(c), questionText(c)]),
            [40, 22, 38],
          )
      : p("No statement was challenged."),
  );
  return blocks;
}
