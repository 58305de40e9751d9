// "Review a peer challenge pack": the reviewer, who needs no self-evaluation of their own, reads
// the pack and challenges its ratings (issue 19, 29).
import { h, put } from "../../ui/dom.mjs";
import { govButton, govInput, govRadios, govSelect } from "../../ui/govuk.mjs";
import { downloadText } from "../../domain/files.mjs";
import { MAX_LETTER, MAX_NAME, MAX_TEXT, makeResponse, openPeerText, peerFileText, readPack } from "../../domain/peer.mjs";
import { longDate } from "../../domain/record.mjs";
import { errorSummary, fileField, fileText, govInset, passphraseInput, projectionTable, stem, textArea } from "./common.mjs";


/** The review in progress (memory only: a pack is confidential, so it is not kept in storage). */
let review = null;
let registered = false;

/** A file chosen (and perhaps a passphrase asked for), on the reviewer's or the authority's page. */
async function openChosen(pending, passphrase) {
  const opened = await openPeerText(pending.text, passphrase);
  return opened;
}

/** "Review a peer challenge pack". */
export function peerReviewPage(app, main, params = {}) {
  if (!registered) {
    registered = true;
    app.onClear(() => (review = null));
  }
  const errors = params.errors ?? [];
  const pending = params.pending ?? null;
  app.title(
    review ? `Peer challenge for ${review.pack.preparedBy}` : "Review a peer challenge pack",
    errors.length > 0,
  );
  const show = (p) =>
    app.go("peer-review", p, { replace: true, focusId: p.errors?.length ? "peer-errors" : undefined });
  const useValue = (value, passphrase) => {
    const { pack, problem } = readPack(value);
    if (problem) return show({ errors: [{ id: "pack-file", message: problem }] });
    review = { pack, passphrase, reviewer: pack.preparedFor, letter: "", challenges: {} };
    show({});
  };
  const onFile = async (file) => {
    const read = await fileText(file);
    if (read.problem) return show({ errors: [{ id: "pack-file", message: read.problem }] });
    const opened = await openChosen(read, null);
    if (opened.needsPassphrase) return show({ pending: { text: read.text, name: file.name } });
    if (opened.problem) return show({ errors: [{ id: "pack-file", message: opened.problem }] });
    useValue(opened.value, null);
  };
  if (!review) {
    let pass = "";
    put(
      main,
      errorSummary(app, errors),
      h("h1", { class: "govuk-heading-l" }, "Review a peer challenge pack"),
      h(
        "p",
        { class: "govuk-body" },
        "An authority has sent you its self-evaluation for peer challenge. Open the pack here to read it as a report, challenge its ratings and save a response file to send back. It stays in this browser: nothing is sent anywhere, and it is forgotten when you close the page.",
      ),
      pending
        ? [
            h("p", { class: "govuk-body", id: "pack-pending" }, `${pending.name} is protected with a passphrase.`),
            passphraseInput(
              "pack-passphrase",
              "The authority will have sent it to you separately.",
              errors,
              (v) => (pass = v),
            ),
            govButton({
              text: "Open the pack",
              id: "pack-open",
              onClick: async () => {
                const opened = await openChosen(pending, pass);
                if (opened.problem || opened.needsPassphrase)
                  return show({
                    pending,
                    errors: [
                      { id: "pack-passphrase", message: opened.problem ?? "Enter the passphrase for this pack" },
                    ],
                  });
                useValue(opened.value, pass);
              },
            }),
          ]
        : fileField({
            id: "pack-file",
            label: "Open the pack you were sent",
            hint: "A file ending in .json, from the authority.",
            error: errors.find((e) => e.id === "pack-file")?.message,
            onFile,
          }),
    );
    return;
  }
  const { pack } = review;
  const a = pack.assessment;
  const fw = app.fw(a.framework);
  const answers = a.answers ?? {};
  const levelItems = (fw?.levels ?? []).map((l) => ({ value: l.id, text: l.label }));
  const challengeFor = (sid) => (review.challenges[sid] ??= { stance: null, question: "", rating: "", note: "" });
  const save = async () => {
    const response = makeResponse(pack, {
      reviewer: review.reviewer.trim(),
      letter: review.letter,
      challenges: review.challenges,
      today: app.today(),
    });
    const name = `${stem("peer-response", pack.preparedBy, response.respondedOn)}.json`;
    downloadText(app, name, await peerFileText(response, review.passphrase), "application/json");
    app.showNotice(
      "Your response has been saved",
      `Your browser has saved it as ${name}${review.passphrase ? ", protected with the pack's passphrase" : ""}. Send it to ${pack.preparedBy} yourself.`,
    );
    app.root.getElementById("notice-slot")?.scrollIntoView();
  };
  put(
    main,
    h("span", { class: "govuk-caption-l" }, "Peer challenge"),
    h("h1", { class: "govuk-heading-l" }, `${pack.preparedBy || "An authority"}'s self-evaluation`),
    govInset(
      h("p", { class: "govuk-body govuk-!-font-weight-bold", id: "pack-notice" }, pack.notice),
      h(
        "p",
        { class: "govuk-body" },
        `Prepared on ${longDate(pack.preparedOn)}. Self-evaluation dated ${longDate(a.assessedOn) || "not given"}.`,
      ),
    ),
    projectionTable(app, a, "Their projected judgements"),
    govInput({
      id: "review-reviewer",
      label: "Your name and role",
      labelSize: "s",
      hint: "Shown to the authority with your response.",
      value: review.reviewer,
      width: "20",
      attrs: { maxlength: String(MAX_NAME) },
      onInput: (v) => (review.reviewer = v),
    }),
    h(
      "p",
      { class: "govuk-body" },
      "For each statement, agree with the rating or question it: say what you would ask and the rating you would give.",
    ),
    (fw?.areas ?? []).map((area) => [
      h("h2", { class: "govuk-heading-m" }, area.name),
      area.statements.map((s) => {
        const ans = answers[s.id] ?? {};
        const c = challengeFor(s.id);
        return h(
          "div",
          { class: "st-repeat", id: `review-${s.id}` },
          h("h3", { class: "govuk-heading-s" }, s.text),
          h(
            "p",
            { class: "govuk-body" },
            "Their rating: ",
            h("strong", { id: `review-${s.id}-level` }, ans.level ? app.levelLabel(ans.level) : "Not answered"),
          ),
          ans.notes ? h("p", { class: "govuk-body st-text" }, `Their notes: ${ans.notes}`) : null,
          govRadios({
            id: `challenge-${s.id}-stance`,
            legend: `Your challenge: ${s.text}`,
            legendSize: "s",
            small: true,
            items: [
              { value: "agree", text: "Agree with this rating" },
              {
                value: "question",
                text: "Question it",
                conditional: [
                  textArea({
                    id: `challenge-${s.id}-question`,
                    label: "Your question",
                    max: MAX_TEXT,
                    value: c.question,
                    onInput: (v) => (c.question = v),
                  }),
                  govSelect({
                    id: `challenge-${s.id}-rating`,
                    label: "The rating you would give",
                    items: [{ value: "", text: "Choose a rating" }, ...levelItems],
                    value: c.rating,
                    onChange: (v) => (c.rating = v),
                  }),
                ],
              },
            ],
            value: c.stance ?? undefined,
            onChange: (v) => (c.stance = v),
          }),
          textArea({
            id: `challenge-${s.id}-note`,
            label: "Note (optional)",
            max: MAX_TEXT,
            rows: "2",
            value: c.note,
            onInput: (v) => (c.note = v),
          }),
        );
      }),
    ]),
    h("h2", { class: "govuk-heading-m" }, "Your letter"),
    textArea({
      id: "review-letter",
      label: "Overall letter to the authority",
      hint: "What you found, what you would ask Ofsted's inspectors to look at, and what you would do first.",
      max: MAX_LETTER,
      rows: "8",
      value: review.letter,
      onInput: (v) => (review.letter = v),
    }),
    h(
      "div",
      { class: "govuk-button-group" },
      govButton({ text: "Save your response", id: "save-response", onClick: save }),
      govButton({
        text: "Close this pack",
        id: "close-pack",
        secondary: true,
        onClick: () => {
          review = null;
          show({});
        },
      }),
    ),
  );
}

