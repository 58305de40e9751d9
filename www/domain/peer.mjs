// Peer challenge files (issue 19): the pack an authority prepares for a named peer reviewer, the
// response the reviewer saves, and the exchange kept in the authority's own file
// (`assessment.peer.exchanges`, passed through by the core). Nothing travels except the files
// users move themselves. Plain functions with no DOM, tested under Node (e2e/peer-rules.test.mjs).
//
// Pack:     { format: "stocktake-peer-pack", version: 1, id, notice, preparedBy, preparedFor,
//             preparedOn, includesNotes, urn, assessment }
// Response: { format: "stocktake-peer-response", version: 1, packId, authority, urn, reviewer,
//             respondedOn, letter, challenges: { <statementId>: { stance, question, rating, note } } }
//             (`authority` and `urn`: the pack's author, by name and Ofsted URN; urn null when the
//             pack had none, and absent from responses made before it was added)

import { decryptText, encryptText, isEncrypted } from "./crypto.mjs";

export const PACK_FORMAT = "stocktake-peer-pack";
export const RESPONSE_FORMAT = "stocktake-peer-response";
export const PEER_VERSION = 1;
export const MAX_NAME = 100;
export const MAX_TEXT = 2000;
export const MAX_LETTER = 10000;
/** The protective marking on packs, responses and their printouts unless the host page sets one (data-marking). */
export const DEFAULT_MARKING = "OFFICIAL-SENSITIVE";
/** The store key of the reviewer's drafts, by pack id (issue 29: a review survives a reload). */
export const DRAFTS_KEY = "peer-drafts";
const LEVELS = new Set(["outstanding", "good", "requires_improvement", "inadequate", "not_known"]);
const STANCES = new Set(["agree", "question"]);
const STATUSES = new Set(["accepted", "answered"]);

/** What every pack says first: who it was prepared for, and that it is confidential. */
export function packNotice(preparedBy, preparedFor, includesNotes, provider = false) {
  const who = provider ? "the home or agency" : "the authority";
  return `Confidential. Prepared by ${preparedBy || (provider ? "a home or agency" : "an authority")} for ${preparedFor} only, for peer challenge. It holds ${who}'s candid view of its own ${provider ? "care" : "services"}${includesNotes ? ", with its notes" : " (its notes are left out)"}: do not pass it on, and delete it when the challenge is over.`;
}

/** The marking a file carries: its own when it has one (up to 60 characters), else `fallback`. */
export function markingOf(value, fallback = DEFAULT_MARKING) {
  return typeof value?.marking === "string" && value.marking.trim() && value.marking.length <= 60
    ? value.marking.trim()
    : fallback;
}

/** A new random id for a pack. */
export function newPackId() {
  return globalThis.crypto?.randomUUID?.() ?? `pack-${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/**
 * The pack for `preparedFor`: the self-evaluation without its exchange history and workshop
 * fields, and without its notes unless `includeNotes`.
 */
export function makePack(
  assessment,
  { preparedFor, includeNotes, today, id = newPackId(), urn = null, marking = DEFAULT_MARKING, provider = false },
) {
  const a = JSON.parse(JSON.stringify(assessment));
  delete a.peer;
  delete a.participant;
  delete a.scenario;
  if (!includeNotes) for (const ans of Object.values(a.answers ?? {})) delete ans.notes;
  return {
    format: PACK_FORMAT,
    version: PEER_VERSION,
    id,
    marking,
    notice: packNotice(a.authority, preparedFor, !!includeNotes, provider),
    preparedBy: a.authority ?? "",
    preparedFor,
    preparedOn: today,
    includesNotes: !!includeNotes,
    urn: Number.isInteger(urn) ? urn : null,
    assessment: a,
  };
}

const isText = (v, max) => typeof v === "string" && v.length <= max;
const isDate = (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v);

/**
 * Checks the format and version shared by packs and responses: `{ problem, code }` or null. The
 * code says what is wrong for pages that word it themselves (the regional picture): `not_stocktake`,
 * `protected`, `is_pack`, `is_response`, `is_assessment`, `other_format`, `no_version`,
 * `newer_version`.
 */
function formatProblem(value, format, what) {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { code: "not_stocktake", problem: `The selected file is not a ${what}: it is not a Stocktake file` };
  if (value.format === "stocktake-encrypted")
    return { code: "protected", problem: "This file is protected: enter its passphrase" };
  if (value.format !== format) {
    const [code, other] =
      value.format === PACK_FORMAT
        ? ["is_pack", "a peer challenge pack"]
        : value.format === RESPONSE_FORMAT
          ? ["is_response", "a peer reviewer's response"]
          : value.format === "stocktake-assessment"
            ? ["is_assessment", "a self-evaluation"]
            : ["other_format", null];
    return { code, problem: `The selected file is not a ${what}${other ? `: it is ${other}` : ""}` };
  }
  if (!Number.isInteger(value.version) || value.version < 1)
    return { code: "no_version", problem: `The ${what} has no valid version` };
  if (value.version > PEER_VERSION)
    return {
      code: "newer_version",
      problem: `The ${what} was made by a newer version of Stocktake (version ${value.version}): open it in the newer version`,
    };
  return null;
}

/**
 * Reads a pack (parsed JSON): `{ pack }` or `{ problem, code }` (a sentence for the error summary,
 * and what is wrong as a code: those of `formatProblem`, or `incomplete` when a part is missing).
 * `provider(frameworkId)` says whether the framework is for homes and agencies (the notice's words).
 * @param {any} value
 * @param {(frameworkId: string) => boolean} [provider]
 */
export function readPack(value, provider = () => false) {
  const format = formatProblem(value, PACK_FORMAT, "peer challenge pack");
  if (format) return format;
  const incomplete = (problem) => ({ code: "incomplete", problem });
  if (!isText(value.preparedFor, MAX_NAME) || !value.preparedFor.trim())
    return incomplete("The pack does not say who it was prepared for, so it cannot be opened");
  if (!isText(value.preparedBy ?? "", MAX_NAME)) return incomplete("The pack's authority name is too long");
  if (!isText(value.id, 100)) return incomplete("The pack has no id");
  if (!isDate(value.preparedOn)) return incomplete("The pack has no date it was prepared on");
  if (value.assessment?.format !== "stocktake-assessment") return incomplete("The pack holds no self-evaluation");
  return {
    pack: {
      ...value,
      preparedBy: value.preparedBy ?? "",
      includesNotes: value.includesNotes === true,
      urn: Number.isInteger(value.urn) ? value.urn : null,
      marking: markingOf(value),
      notice: packNotice(
        value.preparedBy,
        value.preparedFor,
        value.includesNotes === true,
        provider(value.assessment.framework),
      ),
    },
  };
}

/** Only the challenges that say something: agree, or a question with what goes with it. */
function cleanChallenges(challenges) {
  const out = {};
  for (const [id, c] of Object.entries(challenges ?? {})) {
    if (!c || !STANCES.has(c.stance)) continue;
    if (c.stance === "agree") out[id] = { stance: "agree", ...(c.note?.trim() ? { note: c.note } : {}) };
    else
      out[id] = {
        stance: "question",
        question: c.question ?? "",
        rating: LEVELS.has(c.rating) ? c.rating : null,
        ...(c.note?.trim() ? { note: c.note } : {}),
      };
  }
  return out;
}

/** The reviewer's response to `pack` (`draft`: work in progress, saved to carry on later). */
export function makeResponse(pack, { reviewer, letter, challenges, today, draft = false }) {
  const marking = markingOf(pack);
  return {
    format: RESPONSE_FORMAT,
    version: PEER_VERSION,
    marking,
    notice: `${marking}. ${draft ? "A draft of the" : "The"} peer challenge response of ${reviewer || pack.preparedFor} to ${pack.preparedBy || "the pack's author"}'s self-evaluation, for them only: do not pass it on.`,
    ...(draft ? { draft: true } : {}),
    packId: pack.id,
    authority: pack.preparedBy,
    urn: Number.isInteger(pack.urn) ? pack.urn : null,
    reviewer: reviewer || pack.preparedFor,
    respondedOn: today,
    letter: letter ?? "",
    challenges: cleanChallenges(challenges),
  };
}

/**
 * Reads a response (parsed JSON): `{ response }` or `{ problem }`. Each challenge must be
 * agree or question, with a rating from the scale and texts of at most 2,000 characters.
 */
export function readResponse(value) {
  const format = formatProblem(value, RESPONSE_FORMAT, "peer reviewer's response");
  if (format) return { problem: format.problem };
  if (!isText(value.packId, 100)) return { problem: "The response does not say which pack it answers" };
  if (!isText(value.reviewer, MAX_NAME)) return { problem: "The response does not name its reviewer" };
  if (!isDate(value.respondedOn)) return { problem: "The response has no date" };
  if (!isText(value.letter ?? "", MAX_LETTER)) return { problem: "The response's letter is too long" };
  const challenges = value.challenges;
  if (challenges === null || typeof challenges !== "object" || Array.isArray(challenges))
    return { problem: "The response holds no challenges" };
  for (const [id, c] of Object.entries(challenges)) {
    if (!STANCES.has(c?.stance)) return { problem: `The challenge to ${id} is neither agree nor a question` };
    if (c.rating != null && !LEVELS.has(c.rating))
      return { problem: `The challenge to ${id} gives a rating that is not on the scale` };
    for (const k of ["question", "note"])
      if (c[k] != null && !isText(c[k], MAX_TEXT))
        return { problem: `The challenge to ${id} has a ${k} longer than ${MAX_TEXT} characters` };
  }
  return {
    response: {
      ...value,
      draft: value.draft === true,
      urn: Number.isInteger(value.urn) ? value.urn : null,
      marking: markingOf(value),
      letter: value.letter ?? "",
      challenges: cleanChallenges(challenges),
    },
  };
}

/**
 * What stops a response being sent (a draft may have them): questions left empty and an empty
 * letter, as `[{ statementId | "letter" }]` in the order of `statementIds`.
 */
export function responseGaps(statementIds, { letter, challenges }) {
  const gaps = [];
  for (const id of statementIds) {
    const c = challenges?.[id];
    if (c?.stance === "question" && !String(c.question ?? "").trim()) gaps.push({ statementId: id });
  }
  if (!String(letter ?? "").trim()) gaps.push({ statementId: "letter" });
  return gaps;
}

/**
 * The reviewer's own response or draft reopened over `pack`: `{ draft }` with the reviewer, letter
 * and challenges (every text kept as written), or `{ problem }` when it answers another pack.
 */
export function draftFromResponse(pack, response) {
  if (response.packId !== pack.id)
    return {
      problem: `This response is to another pack (${response.authority || "another author"}'s of ${response.respondedOn}), not to the pack open now`,
    };
  const challenges = {};
  for (const [id, c] of Object.entries(response.challenges))
    challenges[id] = { stance: c.stance, question: c.question ?? "", rating: c.rating ?? "", note: c.note ?? "" };
  return { draft: { reviewer: response.reviewer, letter: response.letter, challenges } };
}

/** Notes in the authority's own file that a pack was sent to `preparedFor`. */
export function recordSent(assessment, pack) {
  assessment.peer ??= {};
  assessment.peer.exchanges ??= [];
  assessment.peer.exchanges.push({
    packId: pack.id,
    reviewer: pack.preparedFor,
    sentOn: pack.preparedOn,
    includesNotes: pack.includesNotes,
  });
}

/**
 * Adds `response` to the authority's file: to the exchange of the pack it answers (a response
 * opened again replaces the challenges but keeps the replies given). Returns `{ exchange }`, or
 * `{ problem }` when the response is for another authority: a pack this file sent is its own
 * whatever the name says now; otherwise the Ofsted URNs decide when both are known, and only
 * then the names as typed.
 */
export function applyResponse(assessment, response) {
  const mismatch = notOurs(assessment, response);
  if (mismatch) return { problem: mismatch };
  assessment.peer ??= {};
  assessment.peer.exchanges ??= [];
  let exchange = assessment.peer.exchanges.find((x) => x.packId === response.packId);
  if (!exchange) {
    exchange = { packId: response.packId, reviewer: response.reviewer, sentOn: null };
    assessment.peer.exchanges.push(exchange);
  }
  Object.assign(exchange, {
    reviewer: response.reviewer,
    respondedOn: response.respondedOn,
    letter: response.letter,
    challenges: response.challenges,
  });
  exchange.replies ??= {};
  return { exchange };
}

/** Why `response` is not to a pack of `assessment`'s authority, or null when it is. */
function notOurs(assessment, response) {
  if (assessment.peer?.exchanges?.some((x) => x.packId === response.packId)) return null;
  const ownUrn = assessment.authorityCodes?.urn;
  if (Number.isInteger(response.urn) && Number.isInteger(ownUrn))
    return response.urn === ownUrn
      ? null
      : `This response is to the pack of ${response.authority || "another authority"} (Ofsted URN ${response.urn}), not to this self-evaluation (${assessment.authority || "this authority"}, URN ${ownUrn})`;
  const own = (assessment.authority ?? "").trim().toLowerCase();
  return own && response.authority.trim().toLowerCase() !== own
    ? `This response is to ${response.authority || "another authority"}'s pack, not to this self-evaluation (${assessment.authority})`
    : null;
}

/** Records the authority's reply to one challenge: accepted, or answered with `answer`. */
export function reply(exchange, statementId, status, answer, today) {
  if (!STATUSES.has(status)) return;
  exchange.replies ??= {};
  const kept = exchange.replies[statementId];
  exchange.replies[statementId] = { status, answer: status === "answered" ? (answer ?? "") : "", on: today };
  // A rating taken on accepting stays recorded while the reply stays accepted.
  if (status === "accepted" && kept && "ratingTo" in kept)
    Object.assign(exchange.replies[statementId], { ratingFrom: kept.ratingFrom, ratingTo: kept.ratingTo });
}

/**
 * Accepting a challenge can take the reviewer's rating: records the change on the reply (`ratingFrom`,
 * `ratingTo`) so the exchange shows what accepting did, and returns the level to set. `undo` puts the
 * rating the authority had back and returns it. Both need an accepted reply.
 */
export function takeRating(exchange, statementId, from, to) {
  const r = exchange.replies?.[statementId];
  if (r?.status !== "accepted") return null;
  r.ratingFrom = from ?? null;
  r.ratingTo = to;
  return to;
}

export function undoRating(exchange, statementId) {
  const r = exchange.replies?.[statementId];
  if (!r || !("ratingTo" in r)) return undefined;
  const back = r.ratingFrom ?? null;
  delete r.ratingFrom;
  delete r.ratingTo;
  return back;
}

/** How many of an exchange's questions are still without a reply. */
export function openQuestions(exchange) {
  return Object.entries(exchange.challenges ?? {}).filter(
    ([id, c]) => c.stance === "question" && !exchange.replies?.[id],
  ).length;
}

/**
 * Parses a peer file's text, decrypting it first when it is passphrase-protected (crypto.mjs).
 * Returns `{ value }`, `{ needsPassphrase: true }` (ask, then call again), or
 * `{ problem, code, needsPassphrase? }`: `code` is `not_stocktake` (not JSON) or crypto.mjs's code.
 */
export async function openPeerText(text, passphrase) {
  let value;
  try {
    value = JSON.parse(String(text).replace(/^\uFEFF/, ""));
  } catch {
    // A Stocktake file cut short (an email attachment or a copy that stopped) still starts like one.
    if (/^\s*\{[\s\S]*"format"\s*:\s*"stocktake-/.test(String(text).slice(0, 400)))
      return {
        code: "truncated",
        problem:
          "The selected file is a Stocktake file, but it is damaged or incomplete: it ends early or has been changed. Ask for it to be sent again",
      };
    return { code: "not_stocktake", problem: "The selected file is not a Stocktake file" };
  }
  if (isEncrypted(value)) {
    if (!passphrase) return { needsPassphrase: true };
    try {
      value = JSON.parse(await decryptText(text, passphrase));
    } catch (err) {
      return {
        code: err.code ?? "damaged",
        problem: err.code ? err.message : "The protected file is damaged: it does not hold a Stocktake file",
        needsPassphrase: err.code === "wrong_passphrase_or_changed",
      };
    }
  }
  return { value };
}

/** The file's text, or its own passphrase-protected form when `passphrase` is given. */
export async function peerFileText(value, passphrase) {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  return passphrase ? `${await encryptText(text, passphrase)}\n` : text;
}
