// "Prepare a peer challenge pack": the authority saves its self-evaluation as a file for one named
// peer reviewer (issue 19).
import { h, put } from "../../ui/dom.mjs";
import { formatClock } from "../../ui/format.mjs";
import { govButton, govInput, govRadios, errorText } from "../../ui/govuk.mjs";
import { downloadText } from "../../domain/files.mjs";
import { MAX_NAME, makePack, peerFileText, recordSent } from "../../domain/peer.mjs";
import { MIN_PASSPHRASE } from "../protect.mjs";
import { CHOICE_KEY } from "../record-panel.mjs";
import { familyOf } from "../../domain/family.mjs";
import { errorSummary, markingBanner, stem } from "./common.mjs";

const clock = () => formatClock(new Date());

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
      marking: app.config.marking ?? "OFFICIAL-SENSITIVE",
      provider: familyOf(app.fw()) === "sccif",
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
          `Your pack for ${pack.preparedFor} has been saved to a file at ${clock()}`,
          `Your browser has saved it as ${name}. Send it to ${pack.preparedFor} yourself${form.pass ? ", and the passphrase separately, not in the same email" : ""}. When they send back their response, open it on this page.`,
        ],
      },
    );
  };
  put(
    main,
    errorSummary(app, errors),
    markingBanner(app.config.marking ?? "OFFICIAL-SENSITIVE", "pack-page-marking"),
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
