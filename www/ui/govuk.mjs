// GOV.UK Design System components built with h(): the markup and classes follow
// govuk-frontend 6 exactly, so the compiled govuk-frontend CSS styles them. Behaviour that
// govuk-frontend's JS would add (error summary focus, character count) is implemented here,
// because that JS cannot reach inside our shadow root.
import { h, inPage, replace } from "./dom.mjs";
import { formatCount } from "./format.mjs";

// Modifier classes by name, written out whole: the build checks that every govuk-* class named in
// the page's code is styled by govuk-frontend, and it can only see a class written in full, never
// one assembled at run time (scripts/build-dist.mjs fails on `govuk-…${…}`). An unknown name is a
// mistake in our code, so it throws rather than render an unstyled element.
const SIZES = {
  legend: {
    s: "govuk-fieldset__legend--s",
    m: "govuk-fieldset__legend--m",
    l: "govuk-fieldset__legend--l",
    xl: "govuk-fieldset__legend--xl",
  },
  label: { s: "govuk-label--s", m: "govuk-label--m", l: "govuk-label--l", xl: "govuk-label--xl" },
  caption: {
    s: "govuk-table__caption--s",
    m: "govuk-table__caption--m",
    l: "govuk-table__caption--l",
    xl: "govuk-table__caption--xl",
  },
  input: {
    2: "govuk-input--width-2",
    3: "govuk-input--width-3",
    4: "govuk-input--width-4",
    5: "govuk-input--width-5",
    10: "govuk-input--width-10",
    20: "govuk-input--width-20",
    30: "govuk-input--width-30",
  },
};

/**
 * The tag colours govuk-frontend 6 styles (a tag without one is blue; there is no
 * govuk-tag--blue or govuk-tag--light-blue in v6).
 */
const TAG_COLOURS = {
  grey: "govuk-tag--grey",
  green: "govuk-tag--green",
  turquoise: "govuk-tag--turquoise",
  teal: "govuk-tag--teal",
  purple: "govuk-tag--purple",
  magenta: "govuk-tag--magenta",
  pink: "govuk-tag--pink",
  red: "govuk-tag--red",
  orange: "govuk-tag--orange",
  yellow: "govuk-tag--yellow",
};

/** The whole modifier class for `value` in `table` (SIZES or TAG_COLOURS); "" for none. */
function modifier(table, value, what) {
  if (value == null || value === "") return "";
  const cls = table[value];
  if (!cls) throw new Error(`no govuk-frontend class for ${what} "${value}"`);
  return ` ${cls}`;
}

/** "Error: message" paragraph for a field. */
export function govErrorMessage(id, message) {
  return message
    ? h(
        "p",
        { class: "govuk-error-message", id: `${id}-error` },
        h("span", { class: "govuk-visually-hidden" }, "Error: "),
        message,
      )
    : null;
}

function describedBy(...ids) {
  const list = ids.filter(Boolean).join(" ");
  return list || null;
}

/** A form group wrapper, with the error modifier when there is an error. */
function govGroup(error, extraClass, ...children) {
  return h(
    "div",
    { class: `govuk-form-group${extraClass ? ` ${extraClass}` : ""}${error ? " govuk-form-group--error" : ""}` },
    ...children,
  );
}

/** A fieldset legend; `size` is s, m, l or xl; `heading` wraps the text in a heading element. */
function govLegend(text, size, heading, extra) {
  const cls = `govuk-fieldset__legend${modifier(SIZES.legend, size, "a legend size")}`;
  if (heading)
    return h("legend", { class: cls }, h(heading, { class: "govuk-fieldset__heading" }, text), extra ?? null);
  return h("legend", { class: cls }, text, extra ?? null);
}

/**
 * Radios. opts: { id, name, legend, legendSize, legendHeading, legendExtra, hint, items: [{ value, text, hint, conditional }],
 * value, error, small, inline, onChange }. The first input gets `id` (error summary links to it).
 */
export function govRadios(opts) {
  const hintId = opts.hint ? `${opts.id}-hint` : null;
  const errId = opts.error ? `${opts.id}-error` : null;
  const conditionals = [];
  const items = opts.items.map((item, i) => {
    const inputId = i === 0 ? opts.id : `${opts.id}-${i + 1}`;
    const itemHintId = item.hint ? `${inputId}-item-hint` : null;
    const condId = item.conditional ? `${inputId}-conditional` : null;
    const input = h("input", {
      class: "govuk-radios__input",
      id: inputId,
      name: opts.name ?? opts.id,
      type: "radio",
      value: item.value,
      checked: opts.value === item.value,
      "aria-describedby": itemHintId,
      "aria-controls": condId,
      onchange: (e) => {
        for (const c of conditionals) {
          c.panel.classList.toggle("govuk-radios__conditional--hidden", !c.input.checked);
        }
        if (e.target.checked) opts.onChange?.(item.value, e);
      },
    });
    const panel = condId
      ? h(
          "div",
          {
            class: `govuk-radios__conditional${opts.value === item.value ? "" : " govuk-radios__conditional--hidden"}`,
            id: condId,
          },
          item.conditional,
        )
      : null;
    if (panel) conditionals.push({ input, panel });
    return [
      h(
        "div",
        { class: "govuk-radios__item" },
        input,
        h("label", { class: "govuk-label govuk-radios__label", for: inputId }, item.text),
        item.hint ? h("div", { id: itemHintId, class: "govuk-hint govuk-radios__hint" }, item.hint) : null,
      ),
      panel,
    ];
  });
  return govGroup(
    opts.error,
    opts.groupClass,
    h(
      "fieldset",
      { class: "govuk-fieldset", "aria-describedby": describedBy(hintId, errId) },
      govLegend(opts.legend, opts.legendSize ?? "s", opts.legendHeading, opts.legendExtra),
      opts.hint ? h("div", { class: "govuk-hint", id: hintId }, opts.hint) : null,
      govErrorMessage(opts.id, opts.error),
      h(
        "div",
        {
          class: `govuk-radios${opts.small ? " govuk-radios--small" : ""}${opts.inline ? " govuk-radios--inline" : ""}`,
          "data-module": "govuk-radios",
        },
        items,
      ),
    ),
  );
}

/** Checkboxes. opts: { id, name, legend, hint, items: [{ value, text }], values: [], error, small, onChange(values) }. */
export function govCheckboxes(opts) {
  const hintId = opts.hint ? `${opts.id}-hint` : null;
  const errId = opts.error ? `${opts.id}-error` : null;
  const selected = new Set(opts.values ?? []);
  const boxes = [];
  const items = opts.items.map((item, i) => {
    const inputId = i === 0 ? opts.id : `${opts.id}-${i + 1}`;
    const box = h("input", {
      class: "govuk-checkboxes__input",
      id: inputId,
      name: opts.name ?? opts.id,
      type: "checkbox",
      value: item.value,
      checked: selected.has(item.value),
      onchange: () => opts.onChange?.(boxes.filter((b) => b.checked).map((b) => b.value)),
    });
    boxes.push(box);
    return h(
      "div",
      { class: "govuk-checkboxes__item" },
      box,
      h("label", { class: "govuk-label govuk-checkboxes__label", for: inputId }, item.text),
    );
  });
  return govGroup(
    opts.error,
    null,
    h(
      "fieldset",
      { class: "govuk-fieldset", "aria-describedby": describedBy(hintId, errId) },
      govLegend(opts.legend, opts.legendSize ?? "s"),
      opts.hint ? h("div", { class: "govuk-hint", id: hintId }, opts.hint) : null,
      govErrorMessage(opts.id, opts.error),
      h(
        "div",
        { class: `govuk-checkboxes${opts.small ? " govuk-checkboxes--small" : ""}`, "data-module": "govuk-checkboxes" },
        items,
      ),
    ),
  );
}

/** A text input. opts: { id, label, labelSize, hint, value, error, width, type, inputmode, suffix, prefix, autocomplete, spellcheck, onInput, onChange, attrs }. */
export function govInput(opts) {
  const hintId = opts.hint ? `${opts.id}-hint` : null;
  const errId = opts.error ? `${opts.id}-error` : null;
  const input = h("input", {
    class: `govuk-input${modifier(SIZES.input, opts.width, "an input width")}${opts.error ? " govuk-input--error" : ""}`,
    id: opts.id,
    name: opts.name ?? opts.id,
    type: opts.type ?? "text",
    inputmode: opts.inputmode,
    autocomplete: opts.autocomplete ?? "off",
    spellcheck: opts.spellcheck === undefined ? null : String(opts.spellcheck),
    "aria-describedby": describedBy(hintId, errId),
    ...(opts.attrs ?? {}),
    oninput: opts.onInput ? (e) => opts.onInput(e.target.value, e) : null,
    onchange: opts.onChange ? (e) => opts.onChange(e.target.value, e) : null,
  });
  input.value = opts.value ?? "";
  const field =
    opts.suffix || opts.prefix
      ? h(
          "div",
          { class: "govuk-input__wrapper" },
          opts.prefix ? h("div", { class: "govuk-input__prefix", "aria-hidden": "true" }, opts.prefix) : null,
          input,
          opts.suffix ? h("div", { class: "govuk-input__suffix", "aria-hidden": "true" }, opts.suffix) : null,
        )
      : input;
  return labelled(opts, hintId, field);
}

/** A select. opts: { id, label, hint, items: [{ value, text }], value, error, onChange }. */
export function govSelect(opts) {
  const hintId = opts.hint ? `${opts.id}-hint` : null;
  const errId = opts.error ? `${opts.id}-error` : null;
  const select = h(
    "select",
    {
      class: `govuk-select${opts.error ? " govuk-select--error" : ""}`,
      id: opts.id,
      name: opts.name ?? opts.id,
      "aria-describedby": describedBy(hintId, errId),
      onchange: (e) => opts.onChange?.(e.target.value, e),
    },
    (opts.groups ?? [{ items: opts.items }]).map((g) => {
      const options = g.items.map((it) =>
        h("option", { value: it.value, selected: it.value === (opts.value ?? "") }, it.text),
      );
      return g.label ? h("optgroup", { label: g.label }, options) : options;
    }),
  );
  return labelled(opts, hintId, select);
}

/** A form group with a label, hint and error message above `control` (an input or a select). */
function labelled(opts, hintId, control) {
  return govGroup(
    opts.error,
    opts.groupClass,
    h(
      "label",
      { class: `govuk-label${modifier(SIZES.label, opts.labelSize, "a label size")}`, for: opts.id },
      opts.label,
    ),
    opts.hint ? h("div", { class: "govuk-hint", id: hintId }, opts.hint) : null,
    govErrorMessage(opts.id, opts.error),
    control,
  );
}

/**
 * A date input (day, month, year). opts: { id, legend, legendSize, hint, value: { day, month, year }, error, onInput(parts) }.
 * The day field gets `id` so the error summary can link to it.
 */
export function govDateInput(opts) {
  const hintId = `${opts.id}-hint`;
  const errId = opts.error ? `${opts.id}-error` : null;
  const parts = { day: "", month: "", year: "", ...(opts.value ?? {}) };
  const fields = [
    ["day", "Day", 2],
    ["month", "Month", 2],
    ["year", "Year", 4],
  ].map(([key, label, width]) => {
    const inputId = key === "day" ? opts.id : `${opts.id}-${key}`;
    const input = h("input", {
      class: `govuk-input govuk-date-input__input${modifier(SIZES.input, width, "an input width")}${opts.error ? " govuk-input--error" : ""}`,
      id: inputId,
      name: inputId,
      type: "text",
      inputmode: "numeric",
      autocomplete: "off",
      oninput: (e) => {
        parts[key] = e.target.value;
        opts.onInput?.({ ...parts });
      },
    });
    input.value = parts[key];
    return h(
      "div",
      { class: "govuk-date-input__item" },
      h(
        "div",
        { class: "govuk-form-group" },
        h("label", { class: "govuk-label govuk-date-input__label", for: inputId }, label),
        input,
      ),
    );
  });
  return govGroup(
    opts.error,
    opts.groupClass,
    h(
      "fieldset",
      { class: "govuk-fieldset", role: "group", "aria-describedby": describedBy(hintId, errId) },
      govLegend(opts.legend, opts.legendSize ?? "s", opts.legendHeading),
      h("div", { class: "govuk-hint", id: hintId }, opts.hint ?? "For example, 27 3 2026"),
      govErrorMessage(opts.id, opts.error),
      h("div", { class: "govuk-date-input", id: `${opts.id}-group` }, fields),
    ),
  );
}

/**
 * A textarea with the GOV.UK character count. opts: { id, label, hint, value, maxlength, error, onInput }.
 */
export function govCharacterCount(opts) {
  const max = opts.maxlength;
  const hintId = opts.hint ? `${opts.id}-hint` : null;
  const infoId = `${opts.id}-info`;
  const errId = opts.error ? `${opts.id}-error` : null;
  const visible = h("div", { class: "govuk-hint govuk-character-count__status", "aria-hidden": "true" });
  const spoken = h("div", { class: "govuk-character-count__sr-status govuk-visually-hidden", "aria-live": "polite" });
  const area = h("textarea", {
    class: `govuk-textarea govuk-js-character-count${opts.error ? " govuk-textarea--error" : ""}`,
    id: opts.id,
    name: opts.id,
    rows: "4",
    "aria-describedby": describedBy(hintId, infoId, errId),
  });
  area.value = opts.value ?? "";
  const message = () => {
    const left = max - area.value.length;
    const n = Math.abs(left);
    const noun = n === 1 ? "character" : "characters";
    return left >= 0 ? `You have ${formatCount(n)} ${noun} remaining` : `You have ${formatCount(n)} ${noun} too many`;
  };
  let timer = null;
  const update = (announce) => {
    const over = area.value.length > max;
    replace(visible, message());
    visible.className = `govuk-character-count__status ${over ? "govuk-error-message" : "govuk-hint"}`;
    area.classList.toggle("govuk-textarea--error", over || !!opts.error);
    if (announce) {
      clearTimeout(timer);
      timer = setTimeout(() => replace(spoken, message()), 1000);
    }
  };
  area.addEventListener("input", () => {
    update(true);
    opts.onInput?.(area.value);
  });
  update(false);
  return h(
    "div",
    {
      class: `govuk-form-group govuk-character-count${opts.error ? " govuk-form-group--error" : ""}`,
      "data-module": "govuk-character-count",
      "data-maxlength": String(max),
    },
    h("label", { class: "govuk-label", for: opts.id }, opts.label),
    opts.hint ? h("div", { class: "govuk-hint", id: hintId }, opts.hint) : null,
    govErrorMessage(opts.id, opts.error),
    area,
    h(
      "div",
      { id: infoId, class: "govuk-hint govuk-character-count__message govuk-visually-hidden" },
      `You can enter up to ${formatCount(max)} characters`,
    ),
    visible,
    spoken,
  );
}

/**
 * The error summary: role=alert, takes focus when shown; each message is a link that moves focus
 * to its field. `errors`: [{ id, message }]. `root`: where to look up field ids (the shadow root).
 */
export function govErrorSummary(errors, root) {
  const summary = h(
    "div",
    { class: "govuk-error-summary", "data-module": "govuk-error-summary", tabindex: "-1" },
    h(
      "div",
      { role: "alert" },
      h("h2", { class: "govuk-error-summary__title" }, "There is a problem"),
      h(
        "div",
        { class: "govuk-error-summary__body" },
        h(
          "ul",
          { class: "govuk-list govuk-error-summary__list" },
          errors.map((e) =>
            h(
              "li",
              {},
              h(
                "a",
                {
                  href: `#${e.id}`,
                  onclick: (ev) => {
                    ev.preventDefault();
                    const field = root.getElementById(e.id);
                    if (!field) return;
                    for (let d = field.closest("details"); d; d = d.parentElement?.closest("details")) d.open = true;
                    const legend = field.closest("fieldset")?.querySelector("legend");
                    (legend ?? field).scrollIntoView({ block: "start" });
                    field.focus({ preventScroll: true });
                  },
                },
                e.message,
              ),
            ),
          ),
        ),
      ),
    ),
  );
  return summary;
}

/** A tag. colour: none (blue), or grey, green, turquoise, teal, purple, magenta, pink, red, orange, yellow. */
export function govTag(text, colour, extraClass) {
  return h(
    "strong",
    { class: `govuk-tag${modifier(TAG_COLOURS, colour, "a tag colour")}${extraClass ? ` ${extraClass}` : ""}` },
    text,
  );
}

/** A button. opts: { text, secondary, warning, start, onClick, id, attrs }. */
export function govButton(opts) {
  const cls = `govuk-button${opts.secondary ? " govuk-button--secondary" : ""}${opts.warning ? " govuk-button--warning" : ""}${opts.start ? " govuk-button--start" : ""}${opts.extraClass ? ` ${opts.extraClass}` : ""}`;
  return h(
    "button",
    {
      type: "button",
      class: cls,
      "data-module": "govuk-button",
      id: opts.id,
      ...(opts.attrs ?? {}),
      onclick: opts.onClick,
    },
    opts.text,
  );
}

/** Warning text. */
export function govWarning(text) {
  return h(
    "div",
    { class: "govuk-warning-text" },
    h("span", { class: "govuk-warning-text__icon", "aria-hidden": "true" }, "!"),
    h("strong", { class: "govuk-warning-text__text" }, h("span", { class: "govuk-visually-hidden" }, "Warning"), text),
  );
}

/** Summary list. rows: [{ key, value (node or text), action: { text, hidden, onClick } }]. */
export function govSummaryList(rows, extraClass) {
  return h(
    "dl",
    { class: `govuk-summary-list${extraClass ? ` ${extraClass}` : ""}` },
    rows.map((r) =>
      h(
        "div",
        { class: `govuk-summary-list__row${r.action ? "" : " govuk-summary-list__row--no-actions"}` },
        h("dt", { class: "govuk-summary-list__key" }, r.key),
        h("dd", { class: "govuk-summary-list__value" }, r.value),
        r.action
          ? h(
              "dd",
              { class: "govuk-summary-list__actions" },
              h(
                "a",
                { class: "govuk-link", href: "#", onclick: inPage(() => r.action.onClick()) },
                r.action.text,
                h("span", { class: "govuk-visually-hidden" }, ` ${r.action.hidden}`),
              ),
            )
          : null,
      ),
    ),
  );
}

/** A table. opts: { caption, captionSize, head: [text], rows: [[cell]], numeric: [colIndex], firstCellIsHeader, extraClass }. */
export function govTable(opts) {
  const numeric = new Set(opts.numeric ?? []);
  return h(
    "table",
    { class: `govuk-table${opts.extraClass ? ` ${opts.extraClass}` : ""}` },
    opts.caption
      ? h(
          "caption",
          { class: `govuk-table__caption${modifier(SIZES.caption, opts.captionSize, "a caption size")}` },
          opts.caption,
        )
      : null,
    h(
      "thead",
      { class: "govuk-table__head" },
      h(
        "tr",
        { class: "govuk-table__row" },
        opts.head.map((t, i) =>
          h(
            "th",
            { scope: "col", class: `govuk-table__header${numeric.has(i) ? " govuk-table__header--numeric" : ""}` },
            t,
          ),
        ),
      ),
    ),
    h(
      "tbody",
      { class: "govuk-table__body" },
      opts.rows.map((row) =>
        h(
          "tr",
          { class: "govuk-table__row" },
          row.map((cell, i) =>
            i === 0 && opts.firstCellIsHeader
              ? h("th", { scope: "row", class: "govuk-table__header" }, cell)
              : h("td", { class: `govuk-table__cell${numeric.has(i) ? " govuk-table__cell--numeric" : ""}` }, cell),
          ),
        ),
      ),
    ),
  );
}

/** Notification banner (success or important). */
export function govBanner(title, content, success) {
  return h(
    "div",
    {
      class: `govuk-notification-banner${success ? " govuk-notification-banner--success" : ""}`,
      role: success ? "alert" : "region",
      "aria-labelledby": "banner-title",
      "data-module": "govuk-notification-banner",
    },
    h(
      "div",
      { class: "govuk-notification-banner__header" },
      h("h2", { class: "govuk-notification-banner__title", id: "banner-title" }, title),
    ),
    h("div", { class: "govuk-notification-banner__content" }, content),
  );
}

/**
 * A table that may be wider than the screen (a phone, or large projector type) scrolls inside its
 * own box, not the page: a focusable region named by its caption, so keyboard users can scroll it
 * too (WCAG 2.1.1). In print the box does not clip (stocktake.scss). As pages/results.mjs's
 * scrollTable.
 */
export function govTableScroll(table) {
  const caption = table.querySelector("caption")?.textContent?.trim();
  return h("div", { class: "st-table-scroll", tabindex: "0", role: "region", "aria-label": caption || "Table" }, table);
}
