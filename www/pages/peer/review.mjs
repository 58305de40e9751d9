// "Review a peer challenge pack": the reviewer, who needs no self-evaluation of their own, reads
// what the pack holds and challenges its ratings (issue 19). A review takes hours (issue 29.1), so
// the reviewer's own words (never the pack) are kept on this device as they type, under the pack's
// id in the store's "peer-drafts", and come back when the same pack is opened again; a draft can be
// saved to a file and reopened, as can the response itself; leaving or closing with review work not
// saved to a file asks first.
import { h, inPage, put, replace } from "../../ui/dom.mjs";
import { govButton, govInput, govRadios, govSelect } from "../../ui/govuk.mjs";
import { formatClock } from "../../ui/format.mjs";
import { downloadText } from "../../domain/files.mjs";
import { familyOf } from "../../domain/family.mjs";
import {
  DRAFTS_KEY,
  MAX_LETTER,
  MAX_NAME,
  MAX_TEXT,
  draftFromResponse,
  makeResponse,
  openPeerText,
  peerFileText,
  readPack,
  readResponse,
  responseGaps,
} from "../../domain/peer.mjs";
import { longDate } from "../../domain/record.mjs";
import { keepCopy } from "./copy.mjs";
import { errorSummary, fileField, fileText, govInset, markingBanner, stem, textArea } from "./common.mjs";
import { drafts, openPackPage, when } from "./open.mjs";
import {
  backToContents,
  contentsList,
  historySection,
  indicatorsSection,
  judgementsSection,
  packFacts,
  statementHolds,
} from "./holds.mjs";

/**
 * This app's review (`app.feature`, the page's one idiom for what a feature keeps in memory):
 * `{ review, keepTimer }`, `review` the review in progress: `{ pack, passphrase, facts, reviewer, letter, challenges, dirty, keptAt,
 * fileAt, fileName }`. `dirty`: changed since it was last saved to (or opened from) a file.
 */
const stateOf = (app) =>
  app.feature("peer-review", () => ({
    review: null,
    keepTimer: null,
    dispose() {
      clearTimeout(this.keepTimer);
    },
  }));
/** Whether the window's listeners are registered (once per window, for every app on the page). */
let registered = false;
/** The app the review page last rendered in (for the window's listeners). */
let current = null;

/** Writes the review's draft to the store now; returns whether it was kept. */
function keepNow(app) {
  const st = stateOf(app);
  clearTimeout(st.keepTimer);
  st.keepTimer = null;
  if (!st.review) return false;
  const all = drafts(app);
  const keptAt = new Date();
  all[st.review.pack.id] = {
    packId: st.review.pack.id,
    preparedBy: st.review.pack.preparedBy,
    preparedFor: st.review.pack.preparedFor,
    preparedOn: st.review.pack.preparedOn,
    reviewer: st.review.reviewer,
    letter: st.review.letter,
    challenges: st.review.challenges,
    keptAt: keptAt.toISOString(),
    fileAt: st.review.fileAt ?? null,
    fileName: st.review.fileName ?? null,
  };
  const { ok } = app.store.write(DRAFTS_KEY, all);
  if (ok) st.review.keptAt = keptAt;
  st.review.keepFailed = !ok;
  renderReviewStatus(app);
  return ok;
}

/** Notes a change the reviewer made: kept on the device after a short pause, and not yet in a file. */
function changed(app) {
  const st = stateOf(app);
  if (!st.review) return;
  st.review.dirty = true;
  clearTimeout(st.keepTimer);
  st.keepTimer = setTimeout(() => keepNow(app), 400);
}

/** The review page's own status line: where the review is kept, and when it was last saved to a file. */
function renderReviewStatus(app) {
  const st = stateOf(app);
  const slot = app.root.getElementById("review-status");
  if (!slot || !st.review) return;
  const kept = !app.store.available
    ? "This browser does not keep your review: save a draft to a file to carry on later."
    : st.review.keepFailed
      ? "Your latest changes could not be kept on this device: save a draft to a file."
      : st.review.keptAt
        ? `Your review is kept on this device: last kept at ${when(st.review.keptAt, app)}.`
        : "Your review will be kept on this device as you type.";
  const file = st.review.fileAt
    ? ` Saved to a file at ${when(st.review.fileAt, app)} (${st.review.fileName})${st.review.dirty ? ", changed since" : ""}.`
    : " Not yet saved to a file.";
  replace(slot, kept + file);
}

/** Registers, once, what the review needs from the window: asking before leaving, keeping on pagehide. */
function register(app) {
  current = app;
  if (registered) return;
  registered = true;
  window.addEventListener("pagehide", () => current && stateOf(current).keepTimer && keepNow(current));
  window.addEventListener("beforeunload", (e) => {
    if (!current) return;
    const st = stateOf(current);
    if (st.keepTimer) keepNow(current);
    if (!st.review?.dirty) return;
    e.preventDefault();
    e.returnValue = "";
  });
}

/** The words for who made the pack: "the authority" or "the home or agency". */
function whoMade(app, pack) {
  return familyOf(app.fw(pack.assessment.framework)) === "sccif" ? "the home or agency" : "the authority";
}

/** A statement's text cut to a length an error message can carry. */
function short(text) {
  return text.length > 70 ? `${text.slice(0, 67).trimEnd()}…` : text;
}

/** "Review a peer challenge pack". */
export function peerReviewPage(app, main, params = {}) {
  const st = stateOf(app);
  register(app);
  const errors = params.errors ?? [];
  const pending = params.pending ?? null;
  app.title(
    st.review ? `Peer challenge for ${st.review.pack.preparedBy}` : "Review a peer challenge pack",
    errors.length > 0,
  );
  const show = (p, opts = {}) =>
    app.go("peer-review", p, {
      replace: true,
      focusId: p.errors?.length ? "peer-errors" : p.focusId,
      ...opts,
    });
  const provider = (id) => familyOf(app.fw(id)) === "sccif";
  const useValue = (value, passphrase) => {
    const { pack, problem } = readPack(value, provider);
    if (problem) return show({ errors: [{ id: "pack-file", message: problem }] });
    const kept = drafts(app)[pack.id];
    st.review = {
      pack,
      passphrase,
      facts: packFacts(app, pack),
      reviewer: kept?.reviewer ?? pack.preparedFor,
      letter: kept?.letter ?? "",
      challenges: kept?.challenges ?? {},
      dirty: kept ? !kept.fileAt || new Date(kept.keptAt) > new Date(kept.fileAt) : false,
      keptAt: kept ? new Date(kept.keptAt) : null,
      fileAt: kept?.fileAt ? new Date(kept.fileAt) : null,
      fileName: kept?.fileName ?? null,
    };
    show(
      {},
      kept
        ? {
            notice: [
              "Your review in progress has been reopened",
              `It was kept on this device at ${when(kept.keptAt, app)}. Carry on where you left off.`,
            ],
          }
        : {},
    );
  };
  const onFile = async (file) => {
    const read = await fileText(file);
    if (read.problem) return show({ errors: [{ id: "pack-file", message: read.problem }] });
    const opened = await openPeerText(read.text, null);
    if (opened.needsPassphrase) return show({ pending: { text: read.text, name: file.name } });
    if (opened.problem) return show({ errors: [{ id: "pack-file", message: opened.problem }] });
    useValue(opened.value, null);
  };
  if (!st.review) return openPackPage(app, main, { errors, pending, show, useValue, onFile });

  const { pack, facts } = st.review;
  const fw = facts.fw;
  const who = whoMade(app, pack);
  const levelItems = (fw?.levels ?? []).map((l) => ({ value: l.id, text: l.label }));
  const statements = (fw?.areas ?? []).flatMap((area) => area.statements);
  const challengeFor = (sid) => (st.review.challenges[sid] ??= { stance: null, question: "", rating: "", note: "" });
  const errorFor = (id) => errors.find((e) => e.id === id)?.message;
  const saveFile = async (draft) => {
    keepNow(app);
    if (!draft) {
      const gaps = responseGaps(
        statements.map((s) => s.id),
        st.review,
      ).map((g) =>
        g.statementId === "letter"
          ? { id: "review-letter", message: `Enter your letter to ${who}` }
          : {
              id: `challenge-${g.statementId}-question`,
              message: `Enter your question on “${short(statements.find((s) => s.id === g.statementId)?.text ?? g.statementId)}”, or agree with the rating`,
            },
      );
      if (gaps.length) return show({ errors: gaps });
    }
    const response = makeResponse(pack, {
      reviewer: st.review.reviewer.trim(),
      letter: st.review.letter,
      challenges: st.review.challenges,
      today: app.today(),
      draft,
    });
    const name = `${stem(draft ? "peer-draft" : "peer-response", pack.preparedBy, response.respondedOn)}.json`;
    downloadText(app, name, await peerFileText(response, st.review.passphrase), "application/json");
    st.review.dirty = false;
    st.review.fileAt = new Date();
    st.review.fileName = name;
    if (!draft) st.review.sent = response;
    keepNow(app);
    const protectedText = st.review.passphrase ? ", protected with the pack's passphrase" : "";
    show(
      {},
      {
        notice: draft
          ? [
              `Your draft has been saved to a file at ${formatClock(st.review.fileAt)}`,
              `Your browser has saved it as ${name}${protectedText}. To carry on from it, open the pack here, then the draft. It is not a response: ${pack.preparedBy || who} cannot open it.`,
            ]
          : [
              `Your response has been saved to a file at ${formatClock(st.review.fileAt)}`,
              `Your browser has saved it as ${name}${protectedText}. Nothing has been sent: send it to ${pack.preparedBy || who} yourself.`,
            ],
      },
    );
    app.root.getElementById("notice-slot")?.scrollIntoView();
  };
  const onOwnFile = async (file) => {
    const fail = (message) => show({ errors: [{ id: "own-response-file", message }] });
    const read = await fileText(file);
    if (read.problem) return fail(read.problem);
    const opened = await openPeerText(read.text, st.review.passphrase);
    if (opened.needsPassphrase || opened.code === "wrong_passphrase_or_changed")
      return fail(
        "The passphrase is wrong for this response: it was not saved with this pack's passphrase (or it has been changed since it was saved)",
      );
    if (opened.problem) return fail(opened.problem);
    const { response, problem } = readResponse(opened.value);
    if (problem) return fail(problem);
    const taken = draftFromResponse(pack, response);
    if (taken.problem) return fail(taken.problem);
    Object.assign(st.review, taken.draft, { dirty: false, fileAt: new Date(), fileName: file.name });
    st.review.sent = response.draft ? null : response;
    keepNow(app);
    show(
      {},
      {
        notice: [
          `Your ${response.draft ? "draft" : "response"} has been reopened`,
          `From ${file.name}, saved on ${longDate(response.respondedOn)}. Carry on where you left off.`,
        ],
      },
    );
  };
  const closeNow = () => {
    keepNow(app);
    st.review = null;
    show({});
  };
  const buttons = params.confirmClose
    ? h(
        "div",
        { class: "govuk-inset-text st-confirm", id: "close-confirm", tabindex: "-1" },
        h("h2", { class: "govuk-heading-m" }, "Your review is not saved to a file"),
        h(
          "p",
          { class: "govuk-body" },
          app.store.available
            ? "It is kept on this device and comes back when you open this pack here again, but it is in no file you can send or keep elsewhere."
            : "This browser does not keep it: if you close the pack now, your review is lost.",
        ),
        h(
          "div",
          { class: "govuk-button-group" },
          govButton({ text: "Save a draft to a file", id: "close-save-draft", onClick: () => saveFile(true) }),
          govButton({
            text: "Close without saving to a file",
            id: "close-anyway",
            classes: "govuk-button--secondary",
            onClick: closeNow,
          }),
          h(
            "a",
            { href: "#", class: "govuk-link", id: "close-cancel", onclick: inPage(() => show({})) },
            "Keep reviewing",
          ),
        ),
      )
    : h(
        "div",
        { class: "govuk-button-group" },
        govButton({ text: "Save your response", id: "save-response", onClick: () => saveFile(false) }),
        govButton({
          text: "Save a draft to a file",
          id: "save-draft",
          classes: "govuk-button--secondary",
          onClick: () => saveFile(true),
        }),
        govButton({
          text: "Close this pack",
          id: "close-pack",
          classes: "govuk-button--secondary",
          onClick: () => (st.review.dirty ? show({ confirmClose: true }, { focusId: "close-confirm" }) : closeNow()),
        }),
      );
  const areas = fw?.areas ?? [];
  put(
    main,
    errorSummary(app, errors),
    markingBanner(pack.marking, "pack-marking"),
    h("span", { class: "govuk-caption-l" }, "Peer challenge"),
    h(
      "h1",
      { class: "govuk-heading-l" },
      pack.preparedBy ? `${pack.preparedBy}'s self-evaluation` : "Their self-evaluation",
    ),
    govInset(
      h("p", { class: "govuk-body govuk-!-font-weight-bold", id: "pack-notice" }, pack.notice),
      h(
        "p",
        { class: "govuk-body" },
        `Prepared on ${longDate(pack.preparedOn)}. Self-evaluation dated ${longDate(facts.a.assessedOn) || "not given"}.`,
      ),
    ),
    h("p", { class: "govuk-body-s st-review-status st-no-print", id: "review-status", "aria-live": "polite" }),
    contentsList(app, [
      ["pack-judgements", "Their judgements"],
      ...areas.map((area) => [`review-area-${area.id}`, area.name]),
      ["pack-indicators", "Their indicators"],
      ["pack-history", "Their inspection history"],
      ["review-letter-section", "Your letter and saving your response"],
    ]),
    judgementsSection(facts),
    backToContents(app),
    govInput({
      id: "review-reviewer",
      name: "review-reviewer",
      label: { text: "Your name and role", classes: "govuk-label--s" },
      hint: { text: `Shown to ${who} with your response.` },
      value: st.review.reviewer,
      classes: "govuk-input--width-20",
      autocomplete: "off",
      attributes: { maxlength: String(MAX_NAME) },
      onInput: (v) => {
        st.review.reviewer = v;
        changed(app);
      },
    }),
    h(
      "p",
      { class: "govuk-body" },
      "For each statement, agree with the rating or question it: say what you would ask and the rating you would give.",
    ),
    areas.map((area) =>
      h(
        "section",
        { id: `review-area-${area.id}`, "aria-labelledby": `review-area-${area.id}-title` },
        h("h2", { class: "govuk-heading-m", id: `review-area-${area.id}-title` }, area.name),
        area.statements.map((s) => statementBlock(app, s, challengeFor(s.id), levelItems, errorFor)),
        backToContents(app),
      ),
    ),
    indicatorsSection(facts),
    historySection(facts),
    backToContents(app),
    h(
      "section",
      { id: "review-letter-section", "aria-labelledby": "review-letter-title" },
      h("h2", { class: "govuk-heading-m", id: "review-letter-title" }, "Your letter"),
      textArea({
        id: "review-letter",
        label: `Overall letter to ${who}`,
        hint: "What you found, what you would ask Ofsted's inspectors to look at, and what you would do first.",
        error: errorFor("review-letter"),
        max: MAX_LETTER,
        rows: "8",
        value: st.review.letter,
        onInput: (v) => {
          st.review.letter = v;
          changed(app);
        },
      }),
      buttons,
      st.review.sent ? keepCopy(app, pack, fw, st.review.sent) : null,
      h("h2", { class: "govuk-heading-m" }, "Carry on from a file"),
      fileField({
        id: "own-response-file",
        label: "Open a response or draft you saved",
        hint: "Your own file for this pack, ending in .json. It replaces the review on this page.",
        error: errorFor("own-response-file"),
        onFile: onOwnFile,
      }),
    ),
    markingBanner(pack.marking, "pack-marking-foot"),
  );
  renderReviewStatus(app);
}

/** One statement: what the pack says of it, then the reviewer's challenge. Each statement once. */
function statementBlock(app, s, c, levelItems, errorFor) {
  const st = stateOf(app);
  const edit = (fn) => (v) => {
    fn(v);
    changed(app);
  };
  return h(
    "div",
    { class: "st-repeat", id: `review-${s.id}` },
    h("h3", { class: "govuk-heading-s", id: `review-${s.id}-title` }, s.text),
    statementHolds(st.review.facts, s),
    govRadios({
      name: `challenge-${s.id}-stance`,
      fieldset: { legend: { text: "Your challenge", classes: "govuk-fieldset__legend--s" } },
      classes: "govuk-radios--small",
      items: [
        { value: "agree", text: "Agree with this rating" },
        {
          value: "question",
          text: "Question it",
          conditional: {
            nodes: [
              textArea({
                id: `challenge-${s.id}-question`,
                label: "Your question",
                error: errorFor(`challenge-${s.id}-question`),
                max: MAX_TEXT,
                value: c.question,
                onInput: edit((v) => (c.question = v)),
              }),
              govSelect({
                id: `challenge-${s.id}-rating`,
                name: `challenge-${s.id}-rating`,
                label: { text: "The rating you would give" },
                items: [{ value: "", text: "Choose a rating" }, ...levelItems],
                value: c.rating,
                onChange: edit((v) => (c.rating = v)),
              }),
            ],
          },
        },
      ],
      value: c.stance ?? undefined,
      onChange: edit((v) => (c.stance = v)),
    }),
    textArea({
      id: `challenge-${s.id}-note`,
      label: "Note (optional)",
      max: MAX_TEXT,
      rows: "2",
      value: c.note,
      onInput: edit((v) => (c.note = v)),
    }),
  );
}
