// "Peer challenge": the authority opens a reviewer's response over its own self-evaluation and
// accepts or answers each challenge; the exchange is kept in its file (issue 19).
import { h, put, replace } from "../../ui/dom.mjs";
import { govButton, govRadios, govSummaryList, textOrNodes } from "../../ui/govuk.mjs";
import {
  MAX_TEXT,
  applyResponse,
  openPeerText,
  openQuestions,
  readResponse,
  reply,
  takeRating,
  undoRating,
} from "../../domain/peer.mjs";
import { formatClock } from "../../ui/format.mjs";
import { longDate } from "../../domain/record.mjs";
import { errorSummary, fileField, fileText, govInset, markingBanner, passphraseInput, textArea } from "./common.mjs";

/** What a response that will not open says: a wrong passphrase in its own words. */
function responsePassphraseProblem(opened) {
  if (opened.code === "wrong_passphrase_or_changed")
    return "The passphrase is wrong for this response: enter the passphrase you gave the pack when you prepared it (or the response has been changed since the reviewer saved it)";
  return opened.problem ?? "Enter the passphrase you gave the pack";
}

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
    if (response.draft)
      return show({
        errors: [
          {
            id: "response-file",
            message: `This is ${response.reviewer}'s draft, not their response: ask them for the response they saved to send`,
          },
        ],
      });
    const applied = applyResponse(app.a, response);
    if (applied.problem) return show({ errors: [{ id: "response-file", message: applied.problem }] });
    app.changed(true);
    app.go(
      "peer",
      {},
      {
        replace: true,
        notice: [
          `${response.reviewer}'s response has been opened at ${formatClock(new Date())}`,
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
    markingBanner(app.config.marking ?? "OFFICIAL-SENSITIVE", "peer-marking"),
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
                  errors: [{ id: "response-passphrase", message: responsePassphraseProblem(opened) }],
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
          h("h2", { class: "govuk-heading-m" }, `Pack prepared for ${x.reviewer}`),
          h(
            "p",
            { class: "govuk-body" },
            `Saved to a file on ${longDate(x.sentOn)}${x.includesNotes ? ", with your notes" : ", without your notes"}, for you to send. Waiting for the response.`,
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
                  classes: "govuk-radios--small",
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
                })
              : null,
          );
        }),
      );
    }),
    exchanges.length ? markingBanner(app.config.marking ?? "OFFICIAL-SENSITIVE", "peer-marking-foot") : null,
  );
}
