// What the peer challenge pages share (issue 19, 29): file names, the textarea and file fields,
// reading a chosen file, the error summary, the passphrase field and the projection table.
import { h } from "../../ui/dom.mjs";
import { govErrorSummary, govInput, errorText } from "../../ui/govuk.mjs";

export const govInset = (...children) => h("div", { class: "govuk-inset-text" }, children);

/** The largest peer file read (a pack with every note at its longest is about 150 KB). */
export const MAX_PEER_BYTES = 5 * 1024 * 1024;

/** A file name's stem from free text: "stocktake-peer-pack-dorset-2026-12-04". */
export function stem(kind, who, date) {
  const slug = String(who || "authority")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `stocktake-${kind}-${slug || "authority"}-${date}`;
}

/** A GOV.UK textarea with its label (and hint, error): `opts` { id, label, hint, error, value, max, onInput }. */
export function textArea(opts) {
  const hintId = opts.hint ? `${opts.id}-hint` : null;
  const errorId = opts.error ? `${opts.id}-error` : null;
  return h(
    "div",
    { class: `govuk-form-group${opts.error ? " govuk-form-group--error" : ""}` },
    h("label", { class: "govuk-label govuk-label--s", for: opts.id }, opts.label),
    opts.hint ? h("div", { class: "govuk-hint", id: hintId }, opts.hint) : null,
    opts.error
      ? h(
          "p",
          { class: "govuk-error-message", id: errorId },
          h("span", { class: "govuk-visually-hidden" }, "Error: "),
          opts.error,
        )
      : null,
    h(
      "textarea",
      {
        class: `govuk-textarea${opts.error ? " govuk-textarea--error" : ""}`,
        id: opts.id,
        name: opts.id,
        rows: opts.rows ?? "3",
        maxlength: String(opts.max),
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || null,
        oninput: (e) => opts.onInput(e.target.value),
      },
      opts.value ?? "",
    ),
  );
}

/** A file input with its label, hint and error (GOV.UK file upload). */
export function fileField({ id, label, hint, error, onFile }) {
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
export async function fileText(file) {
  if (file.size > MAX_PEER_BYTES) return { problem: "The selected file is larger than 5 MB, so it is not a peer file" };
  try {
    return { text: await file.text() };
  } catch {
    return { problem: "The selected file could not be read: try choosing it again" };
  }
}

/** Errors for the page: an error summary (taking focus) linked to each field. */
export function errorSummary(app, errors) {
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

/** The passphrase field of a protected pack or response: `id`, its hint, its error from `errors`. */
export function passphraseInput(id, hint, errors, onInput) {
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

/** The protective marking, shown at the top and foot of a page that shows a pack or response, and printed. */
export function markingBanner(marking, id) {
  return marking ? h("p", { class: "st-marking", id }, marking) : null;
}
