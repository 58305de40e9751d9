// Peer challenge pages (issue 19): "Prepare a peer challenge pack" (the authority), "Review a peer
// challenge pack" (the reviewer, who needs no self-evaluation of their own) and "Peer challenge"
// (the authority opens a reviewer's response over its own self-evaluation and accepts or answers
// each challenge; the exchange is kept in its file). Every file is made and read in this browser.
import { h, put, replace } from "../ui/dom.mjs";
import {
  govButton,
  govErrorSummary,
  govInput,
  govRadios,
  govSelect,
  govSummaryList,
  govTable,
  errorText,
  textOrNodes,
  tableCells,
} from "../ui/govuk.mjs";

const govInset = (...children) => h("div", { class: "govuk-inset-text" }, children);
import { downloadText } from "../domain/files.mjs";
import { MIN_PASSPHRASE } from "./protect.mjs";
import { CHOICE_KEY } from "./record-panel.mjs";
import {
  MAX_LETTER,
  MAX_NAME,
  MAX_TEXT,
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
} from "../domain/peer.mjs";
import { longDate } from "../domain/record.mjs";

/** The largest peer file read (a pack with every note at its longest is about 150 KB). */
const MAX_PEER_BYTES = 5 * 1024 * 1024;

/** A file name's stem from free text: "stocktake-peer-pack-dorset-2026-12-04". */
function stem(kind, who, date) {
  const slug = String(who || "authority")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `stocktake-${kind}-${slug || "authority"}-${date}`;
}

/** A GOV.UK textarea with its label (and hint): `opts` { id, label, hint, value, max, onInput }. */
function textArea(opts) {
  const hintId = opts.hint ? `${opts.id}-hint` : null;
  return h(
    "div",
    { class: "govuk-form-group" },
    h("label", { class: "govuk-label govuk-label--s", for: opts.id }, opts.label),
    opts.hint ? h("div", { class: "govuk-hint", id: hintId }, opts.hint) : null,
    h(
      "textarea",
      {
        class: "govuk-textarea",
        id: opts.id,
        name: opts.id,
        rows: opts.rows ?? "3",
        maxlength: String(opts.max),
        "aria-describedby": hintId,
        oninput: (e) => opts.onInput(e.target.value),
      },
      opts.value ?? "",
    ),
  );
}

/** A file input with its label, hint and error (GOV.UK file upload). */
function fileField({ id, label, hint, error, onFile }) {
  const input = h("input", {
    class: `govuk-file-upload${error ? " govuk-file-upload--error" : ""}`,
    id,
    name: id,
    type: "file",
    accept: ".json,application/json",
    "aria-describedby": error ? `${id}-hint ${id}-error` : `${id}-hint`,
  });
  input.addEventListener("change", () => input.files?.[0] && onFile(input.files[0]));
  return h(
    "div",
    { class: `govuk-form-group${error ? " govuk-form-group--error" : ""}` },
    h("label", { class: "govuk-label govuk-label--s", for: id }, label),
    h("div", { class: "govuk-hint", id: `${id}-hint` }, hint),
    error
      ? h(
          "p",
          { class: "govuk-error-message", id: `${id}-error` },
          h("span", { class: "govuk-visually-hidden" }, "Error: "),
          error,
        )
      : null,
    input,
  );
}

/** Reads a chosen file's text, refusing one far too big to be a peer file. */
async function fileText(file) {
  if (file.size > MAX_PEER_BYTES) return { problem: "The selected file is larger than 5 MB, so it is not a peer file" };
  try {
    return { text: await file.text() };
  } catch {
    return { problem: "The selected file could not be read: try choosing it again" };
  }
}

/** Errors for the page: an error summary (taking focus) linked to each field. */
function errorSummary(app, errors) {
  return errors.length
    ? h(
        "div",
        { id: "peer-errors", tabindex: "-1" },
        govErrorSummary({
          titleText: "There is a problem",
          errorList: errors.map((e) => ({ text: e.message, href: `#${e.id}` })),
          root: app.root,
        }),
      )
    : null;
}

/** The projected judgements of a self-evaluation, as a table. */
function projectionTable(app, assessment, caption) {
  let scored = null;
  try {
    scored = app.core.score(assessment);
  } catch {
    scored = null;
  }
  const rows = (scored?.judgements ?? []).map((j) => [
    j.name,
    j.grade ? app.levelLabel(j.grade) : "Not enough answers",
  ]);
  if (scored?.overall?.grade) rows.unshift(["Overall effectiveness", app.levelLabel(scored.overall.grade)]);
  const table = govTable({
    caption,
    captionClasses: "govuk-table__caption--m",
    head: tableCells(["Judgement", "Their projection"]),
    rows: rows.map((row) => tableCells(row)),
    firstCellIsHeader: true,
  });
  table.id = "pack-projection";
  return table;
}

// ---- the authority: prepare a pack ---------------------------------------------------------------

/** "Prepare a peer challenge pack". */
/** The passphrase field of a protected pack or response: `id`, its hint, its error from `errors`. */
function passphraseInput(id, hint, errors, onInput) {
  return govInput({
    id,
    name: id,
    label: { text: "Passphrase", classes: "govuk-label--s" },
    type: "password",
    autocomplete: "off",
    spellcheck: false,
    hint: hint ? { text: hint } : undefined,
    errorMessage: errorText(errors.find((e) => e.id === id)?.message),
    onInput,
    classes: "govuk-input--width-20",
  });
}

export function peerPackPage(app, main, params = {}) {
  if (!app.a) app.begin();
  const errors = params.errors ?? [];
  app.title("Prepare a peer challenge pack", errors.length > 0);
  const form = { reviewer: params.reviewer ?? "", notes: params.notes ?? "no", pass: "", confirm: "" };
  const errorFor = (id) => errors.find((e) => e.id === id)?.message;
  const submit = async () => {
    const found = [];
    if (!form.reviewer.trim()) found.push({ id: "peer-reviewer", message: "Enter the name of the peer reviewer" });
    else if (form.reviewer.length > MAX_NAME)
      found.push({ id: "peer-reviewer", message: `The reviewer's name must be ${MAX_NAME} characters or fewer` });
    if (form.pass && form.pass.length < MIN_PASSPHRASE)
      found.push({
        id: "peer-passphrase",
        message: `Enter a passphrase of at least ${MIN_PASSPHRASE} characters, or none`,
      });
    else if (form.pass !== form.confirm)
      found.push({
        id: "peer-passphrase-confirm",
        message: "The passphrases do not match: enter the same passphrase twice",
      });
    if (found.length)
      return app.go(
        "peer-pack",
        { errors: found, reviewer: form.reviewer, notes: form.notes },
        { replace: true, focusId: "peer-errors" },
      );
    // The file's own codes first: this browser's last choice may be another authority's.
    const urn = app.a.authorityCodes?.urn ?? app.store.read(CHOICE_KEY)?.urn ?? null;
    const pack = makePack(app.a, {
      preparedFor: form.reviewer.trim(),
      includeNotes: form.notes === "yes",
      today: app.today(),
      urn,
    });
    const name = `${stem("peer-pack", app.a.authority, pack.preparedOn)}${form.pass ? "-protected" : ""}.json`;
    downloadText(app, name, await peerFileText(pack, form.pass || null), "application/json");
    recordSent(app.a, pack);
    app.changed(true);
    app.go(
      "peer",
      {},
      {
        replace: true,
        notice: [
          `Your pack for ${pack.preparedFor} has been saved`,
          `Your browser has saved it as ${name}. Send it to ${pack.preparedFor} yourself${form.pass ? ", and the passphrase separately, not in the same email" : ""}. When they send back their response, open it on this page.`,
        ],
      },
    );
  };
  put(
    main,
    errorSummary(app, errors),
    h("h1", { class: "govuk-heading-l" }, "Prepare a peer challenge pack"),
    h(
      "p",
      { class: "govuk-body" },
      "The pack is a file holding this self-evaluation for one named peer reviewer. They open it in Stocktake, challenge your ratings and send you back a response file. Nothing is sent by Stocktake: you send the file yourself.",
    ),
    govInput({
      id: "peer-reviewer",
      name: "peer-reviewer",
      label: { text: "Who is the pack for?", classes: "govuk-label--s" },
      hint: {
        text: "The peer reviewer's name and role. The pack says on its first page that it was prepared for them only.",
      },
      value: form.reviewer,
      errorMessage: errorText(errorFor("peer-reviewer")),
      attributes: { maxlength: String(MAX_NAME) },
      onInput: (v) => (form.reviewer = v),
      classes: "govuk-input--width-20",
      autocomplete: "off",
    }),
    govRadios({
      name: "peer-notes",
      fieldset: { legend: { text: "Include your notes?", classes: "govuk-fieldset__legend--s" } },
      hint: {
        text: "Your ratings, evidence and actions are always in the pack. Your notes may say more than you want to share.",
      },
      items: [
        { value: "no", text: "No, leave my notes out" },
        { value: "yes", text: "Yes, include my notes" },
      ],
      value: form.notes,
      onChange: (v) => (form.notes = v),
    }),
    h("h2", { class: "govuk-heading-m" }, "Protect the pack (optional)"),
    h(
      "p",
      { class: "govuk-body" },
      "With a passphrase, the pack is encrypted in this browser and only someone with the passphrase can open it. The reviewer's response is protected with the same passphrase.",
    ),
    govInput({
      id: "peer-passphrase",
      name: "peer-passphrase",
      label: { text: "Passphrase", classes: "govuk-label--s" },
      type: "password",
      autocomplete: "new-password",
      spellcheck: false,
      hint: { text: `Leave empty for no passphrase, or at least ${MIN_PASSPHRASE} characters.` },
      errorMessage: errorText(errorFor("peer-passphrase")),
      onInput: (v) => (form.pass = v),
      classes: "govuk-input--width-20",
    }),
    govInput({
      id: "peer-passphrase-confirm",
      name: "peer-passphrase-confirm",
      label: { text: "Confirm passphrase", classes: "govuk-label--s" },
      type: "password",
      autocomplete: "new-password",
      spellcheck: false,
      errorMessage: errorText(errorFor("peer-passphrase-confirm")),
      onInput: (v) => (form.confirm = v),
      classes: "govuk-input--width-20",
    }),
    h(
      "div",
      { class: "govuk-button-group" },
      govButton({ text: "Save the pack", id: "save-pack", onClick: submit }),
      app.link("Cancel", "peer"),
    ),
  );
}

// ---- the reviewer: read the pack and challenge it --------------------------------------------------

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
      name: "review-reviewer",
      label: { text: "Your name and role", classes: "govuk-label--s" },
      hint: { text: "Shown to the authority with your response." },
      value: review.reviewer,
      attributes: { maxlength: String(MAX_NAME) },
      onInput: (v) => (review.reviewer = v),
      classes: "govuk-input--width-20",
      autocomplete: "off",
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
            name: `challenge-${s.id}-stance`,
            fieldset: { legend: { text: `Your challenge: ${s.text}`, classes: "govuk-fieldset__legend--s" } },
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
                      max: MAX_TEXT,
                      value: c.question,
                      onInput: (v) => (c.question = v),
                    }),
                    govSelect({
                      id: `challenge-${s.id}-rating`,
                      name: `challenge-${s.id}-rating`,
                      label: { text: "The rating you would give" },
                      items: [{ value: "", text: "Choose a rating" }, ...levelItems],
                      value: c.rating,
                      onChange: (v) => (c.rating = v),
                    }),
                  ],
                },
              },
            ],
            value: c.stance ?? undefined,
            onChange: (v) => (c.stance = v),
            classes: "govuk-radios--small",
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
        classes: "govuk-button--secondary",
        text: "Close this pack",
        id: "close-pack",
        onClick: () => {
          review = null;
          show({});
        },
      }),
    ),
  );
}

// ---- the authority: responses and the exchange -----------------------------------------------------

/** "Peer challenge": prepare a pack, open a response, accept or answer each challenge. */
export function peerPage(app, main, params = {}) {
  if (!app.a) app.begin();
  const errors = params.errors ?? [];
  const pending = params.pending ?? null;
  app.title("Peer challenge", errors.length > 0);
  const show = (p) => app.go("peer", p, { replace: true, focusId: p.errors?.length ? "peer-errors" : p.focusId });
  const useValue = (value) => {
    const { response, problem } = readResponse(value);
    if (problem) return show({ errors: [{ id: "response-file", message: problem }] });
    const applied = applyResponse(app.a, response);
    if (applied.problem) return show({ errors: [{ id: "response-file", message: applied.problem }] });
    app.changed(true);
    app.go(
      "peer",
      {},
      {
        replace: true,
        notice: [
          `${response.reviewer}'s response has been opened`,
          "Accept or answer each challenge below. Your replies are kept with your self-evaluation.",
        ],
      },
    );
  };
  const onFile = async (file) => {
    const read = await fileText(file);
    if (read.problem) return show({ errors: [{ id: "response-file", message: read.problem }] });
    const opened = await openPeerText(read.text, null);
    if (opened.needsPassphrase) return show({ pending: { text: read.text, name: file.name } });
    if (opened.problem) return show({ errors: [{ id: "response-file", message: opened.problem }] });
    useValue(opened.value);
  };
  let pass = "";
  const exchanges = [...(app.a.peer?.exchanges ?? [])].reverse();
  const fw = app.fw();
  const statement = new Map((fw?.areas ?? []).flatMap((area) => area.statements.map((s) => [s.id, s])));
  put(
    main,
    errorSummary(app, errors),
    h("h1", { class: "govuk-heading-l" }, "Peer challenge"),
    h(
      "p",
      { class: "govuk-body" },
      "Send your self-evaluation to a peer reviewer as a file, then open their response here to see each challenge beside your rating. The exchange is kept with your self-evaluation.",
    ),
    h("p", { class: "govuk-body" }, app.link("Prepare a peer challenge pack", "peer-pack", {}, { id: "peer-prepare" })),
    h("h2", { class: "govuk-heading-m" }, "Open a reviewer's response"),
    pending
      ? [
          h("p", { class: "govuk-body" }, `${pending.name} is protected with a passphrase.`),
          passphraseInput("response-passphrase", "The passphrase you gave the pack.", errors, (v) => (pass = v)),
          govButton({
            text: "Open the response",
            id: "response-open",
            onClick: async () => {
              const opened = await openPeerText(pending.text, pass);
              if (opened.problem || opened.needsPassphrase)
                return show({
                  pending,
                  errors: [{ id: "response-passphrase", message: opened.problem ?? "Enter the passphrase" }],
                });
              useValue(opened.value);
            },
          }),
        ]
      : fileField({
          id: "response-file",
          label: "Open a response file",
          hint: "The file the peer reviewer sent back, ending in .json.",
          error: errors.find((e) => e.id === "response-file")?.message,
          onFile,
        }),
    exchanges.length ? null : h("p", { class: "govuk-body", id: "no-exchanges" }, "No peer challenge yet."),
    exchanges.map((x, xi) => {
      const n = exchanges.length - xi;
      if (!x.respondedOn)
        return h(
          "div",
          { class: "st-repeat", id: `exchange-${n}` },
          h("h2", { class: "govuk-heading-m" }, `Pack sent to ${x.reviewer}`),
          h(
            "p",
            { class: "govuk-body" },
            `Prepared on ${longDate(x.sentOn)}${x.includesNotes ? ", with your notes" : ", without your notes"}. Waiting for the response.`,
          ),
        );
      const entries = Object.entries(x.challenges ?? {});
      const agreed = entries.filter(([, c]) => c.stance === "agree").length;
      const summaryText = () =>
        `${agreed} agreed, ${entries.length - agreed} questioned, ${openQuestions(x)} still to reply to.`;
      const summary = h("p", { class: "govuk-body", id: `exchange-${n}-summary` }, summaryText());
      const replied = () => {
        app.changed(false);
        summary.textContent = summaryText();
      };
      return h(
        "div",
        { id: `exchange-${n}` },
        h("h2", { class: "govuk-heading-m" }, `Challenge from ${x.reviewer}, ${longDate(x.respondedOn)}`),
        summary,
        x.letter ? govInset(h("p", { class: "govuk-body st-text", id: `exchange-${n}-letter` }, x.letter)) : null,
        entries.map(([sid, c]) => {
          const s = statement.get(sid);
          const own = () => app.a.answers?.[sid]?.level;
          const r = x.replies?.[sid];
          let answerText = r?.answer ?? "";
          // Accepting can take the reviewer's rating, in one click, undone in one more; the reply
          // records it (peer.mjs takeRating).
          const ownRow = h("span", {}, "");
          const showOwn = () => {
            const rr = x.replies?.[sid];
            const level = own();
            ownRow.textContent = `${level ? app.levelLabel(level) : "Not answered"}${
              rr && "ratingTo" in rr
                ? ` (changed from ${rr.ratingFrom ? app.levelLabel(rr.ratingFrom).toLowerCase() : "not answered"} on accepting this challenge)`
                : ""
            }`;
          };
          const setLevel = (level) => {
            const answers = app.a.answers ?? {};
            app.set(`answers.${sid}`, { ...(answers[sid] ?? {}), level: level ?? undefined });
          };
          const ratingBlock = h("div", { id: `challenge-${n}-${sid}-rating` });
          const showRating = () => {
            showOwn();
            const rr = x.replies?.[sid];
            if (!c.rating || !app.fw()?.levels?.some((l) => l.id === c.rating)) {
              replace(ratingBlock);
              return;
            }
            if (rr && "ratingTo" in rr) {
              replace(
                ratingBlock,
                h("p", { class: "govuk-body" }, `Your rating is now ${app.levelLabel(rr.ratingTo).toLowerCase()}.`),
                govButton({
                  classes: "govuk-button--secondary",
                  text: "Change it back",
                  id: `challenge-${n}-${sid}-undo`,
                  onClick: () => {
                    setLevel(undoRating(x, sid));
                    replied();
                    showRating();
                  },
                }),
              );
            } else if (c.rating !== own()) {
              replace(
                ratingBlock,
                h(
                  "p",
                  { class: "govuk-body" },
                  `${x.reviewer} would rate it ${app.levelLabel(c.rating).toLowerCase()}. Accepting leaves your rating as it is until you change it.`,
                ),
                govButton({
                  classes: "govuk-button--secondary",
                  text: `Change my rating to ${app.levelLabel(c.rating).toLowerCase()}`,
                  id: `challenge-${n}-${sid}-take`,
                  onClick: () => {
                    setLevel(takeRating(x, sid, own() ?? null, c.rating));
                    replied();
                    showRating();
                  },
                }),
              );
            } else replace(ratingBlock);
          };
          showRating();
          return h(
            "div",
            { class: "st-repeat", id: `challenge-${n}-${sid}` },
            h("h3", { class: "govuk-heading-s" }, s?.text ?? sid),
            govSummaryList({
              rows: [
                { key: { text: "Your rating" }, value: textOrNodes(ownRow) },
                {
                  key: { text: `${x.reviewer}'s view` },
                  value: { text: c.stance === "agree" ? "Agrees" : "Questions it" },
                },
                c.stance === "question"
                  ? {
                      key: { text: "Rating they would give" },
                      value: { text: c.rating ? app.levelLabel(c.rating) : "Not given" },
                    }
                  : null,
              ],
            }),
            c.question ? h("p", { class: "govuk-body st-text" }, `Question: ${c.question}`) : null,
            c.note ? h("p", { class: "govuk-body st-text" }, `Note: ${c.note}`) : null,
            c.stance === "question"
              ? govRadios({
                  name: `reply-${n}-${sid}`,
                  fieldset: {
                    legend: {
                      text: `Your reply to the challenge on: ${s?.text ?? sid}`,
                      classes: "govuk-fieldset__legend--s",
                    },
                  },
                  items: [
                    { value: "accepted", text: "Accept the challenge", conditional: { nodes: [ratingBlock] } },
                    {
                      value: "answered",
                      text: "Answer it",
                      conditional: {
                        nodes: [
                          textArea({
                            id: `reply-${n}-${sid}-answer`,
                            label: "Your answer",
                            max: MAX_TEXT,
                            value: answerText,
                            onInput: (v) => {
                              answerText = v;
                              reply(x, sid, "answered", v, app.today());
                              replied();
                            },
                          }),
                        ],
                      },
                    },
                  ],
                  value: r?.status,
                  onChange: (v) => {
                    // Answering instead of accepting puts back a rating taken on accepting.
                    if (v !== "accepted" && x.replies?.[sid] && "ratingTo" in x.replies[sid])
                      setLevel(undoRating(x, sid));
                    reply(x, sid, v, answerText, app.today());
                    replied();
                    showRating();
                  },
                  classes: "govuk-radios--small",
                })
              : null,
          );
        }),
      );
    }),
  );
}
