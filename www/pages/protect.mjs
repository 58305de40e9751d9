// "Save with a passphrase": a protected file (AES-GCM with a PBKDF2 key, crypto.mjs) that can be
// emailed to a peer reviewer safely. GOV.UK password input pattern: passphrase and confirmation,
// errors in an error summary linked to the fields.
import { h, put } from "../ui/dom.mjs";
import { govInput, govButton, govErrorSummary, govWarning, errorText } from "../ui/govuk.mjs";
import { saveProtectedFile } from "../domain/files.mjs";

export const MIN_PASSPHRASE = 8;

/** Renders the protected-save page. */
export function protectPage(app, main, params = {}) {
  if (!app.a) app.begin();
  const errors = params.errors ?? [];
  app.title("Save with a passphrase", errors.length > 0);
  let first = params.passphrase ?? "";
  let second = "";
  const errorFor = (id) => errors.find((e) => e.id === id)?.message;
  const submit = async () => {
    const found = [];
    if (first.length < MIN_PASSPHRASE)
      found.push({ id: "passphrase", message: `Enter a passphrase of at least ${MIN_PASSPHRASE} characters` });
    else if (first !== second)
      found.push({
        id: "passphrase-confirm",
        message: "The passphrases do not match: enter the same passphrase twice",
      });
    if (found.length) return app.go("protect", { errors: found }, { replace: true, focusId: "protect-errors" });
    await saveProtectedFile(app, first);
    app.go("protect", { saved: true }, { replace: true });
  };
  put(
    main,
    errors.length
      ? h(
          "div",
          { id: "protect-errors", tabindex: "-1" },
          govErrorSummary({
            titleText: "There is a problem",
            errorList: errors.map((e) => ({ text: e.message, href: `#${e.id}` })),
            root: app.root,
          }),
        )
      : null,
    params.saved
      ? h(
          "div",
          {
            class: "govuk-notification-banner govuk-notification-banner--success",
            role: "alert",
            "aria-labelledby": "protect-saved-title",
          },
          h(
            "div",
            { class: "govuk-notification-banner__header" },
            h("h2", { class: "govuk-notification-banner__title", id: "protect-saved-title" }, "Success"),
          ),
          h(
            "div",
            { class: "govuk-notification-banner__content" },
            h(
              "p",
              { class: "govuk-notification-banner__heading", id: "protect-saved" },
              "Your protected file has been saved. Send the passphrase separately, not in the same email.",
            ),
          ),
        )
      : null,
    h("h1", { class: "govuk-heading-l" }, "Save with a passphrase"),
    h(
      "p",
      { class: "govuk-body" },
      "The file is encrypted in this browser, so only someone with the passphrase can open it. Use this to send your self-evaluation to a peer reviewer.",
    ),
    govWarning({ text: "If you forget the passphrase, the file cannot be opened. Nobody can recover it." }),
    govInput({
      id: "passphrase",
      name: "passphrase",
      label: { text: "Passphrase", classes: "govuk-label--s" },
      type: "password",
      autocomplete: "new-password",
      spellcheck: false,
      hint: { text: `At least ${MIN_PASSPHRASE} characters. A few unrelated words is a good choice.` },
      errorMessage: errorText(errorFor("passphrase")),
      onInput: (v) => (first = v),
      classes: "govuk-input--width-20",
    }),
    govInput({
      id: "passphrase-confirm",
      name: "passphrase-confirm",
      label: { text: "Confirm passphrase", classes: "govuk-label--s" },
      type: "password",
      autocomplete: "new-password",
      spellcheck: false,
      errorMessage: errorText(errorFor("passphrase-confirm")),
      onInput: (v) => (second = v),
      classes: "govuk-input--width-20",
    }),
    h(
      "div",
      { class: "govuk-button-group" },
      govButton({ text: "Save protected file", id: "save-protected", onClick: submit }),
      app.link("Cancel", "tasks"),
    ),
  );
}
