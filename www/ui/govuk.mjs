// GOV.UK Design System components built with h(). Each takes the options its govuk-frontend
// Nunjucks macro takes (`fieldset.legend.text`, `items`, `hint.text`, `errorMessage.text`,
// `classes`, `attributes`, `idPrefix`, `name`, `value`, …) and renders the markup that macro
// renders, so the compiled govuk-frontend CSS styles it and anyone who knows the Design System
// knows the API. e2e/govuk-fixtures.test.mjs checks every component against the fixtures.json that
// govuk-frontend ships (docs/govuk-fixtures.md has the counts and the exceptions).
//
// Not the macros':
// - No `html` options (`html`, `titleHtml`, `descriptionHtml`, `conditional.html`, …): user text
//   is always text. Where a macro takes `html`, these take `nodes` instead: elements built with
//   h() (a node, or an array of them), never a string parsed as HTML. An option a component does
//   not know, an `html` one included, throws a GovukOptionError that names it.
// - Behaviour that govuk-frontend's JS would add (error summary links, conditional reveals, the
//   character count) is implemented here, because that JS cannot reach inside our shadow root:
//   the `onChange`, `onInput`, `onClick` and `root` options, and the markup that JS leaves once it
//   has started.
import { h, inPage, replace } from "./dom.mjs";
import { formatCount } from "./format.mjs";

/** An option a component does not support: the message names it. */
export class GovukOptionError extends Error {
  constructor(message) {
    super(message);
    this.name = "GovukOptionError";
  }
}

const plain = (v) => v != null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;
// Options taken whole, whatever their value, wherever their object is known: attribute maps, values.
const WHOLE = new Set(["attributes", "values"]);

/**
 * Throws unless every option in `opts` is one `allowed` names: dotted paths, with `[]` for each
 * entry of a list ("items[].hint.text"). An `html` option gets its own message.
 */
function checkOptions(component, opts, allowed) {
  const known = [...allowed];
  const walk = (value, path) => {
    if (path && !known.some((a) => a.startsWith(`${path}.`)))
      throw new GovukOptionError(`${component}: option "${path}" is not supported`);
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (k === "html" || k.endsWith("Html"))
        throw new GovukOptionError(
          `${component}: "${p}" is not supported: Stocktake renders text as text, never as HTML (use the text option, or "nodes" for elements built with h())`,
        );
      if (!WHOLE.has(k)) checkValue(v, p);
    }
  };
  const checkValue = (v, p) => {
    if (v === undefined) return;
    if (plain(v)) walk(v, p);
    else if (Array.isArray(v) && allowed.has(`${p}[]`)) for (const item of v) checkValue(item, `${p}[]`);
    else if (!allowed.has(p)) throw new GovukOptionError(`${component}: option "${p}" is not supported`);
  };
  walk(opts ?? {}, "");
}

/** The allowed paths: `prefix.key` for each key. */
const under = (prefix, keys) => keys.map((k) => `${prefix}.${k}`);
const TEXT = ["text", "nodes", "classes"];
const HINT = ["text", "nodes", "classes", "id"];
const LABEL = ["text", "nodes", "classes", "isPageHeading", "for"];
const ERROR = ["text", "nodes", "classes", "id", "visuallyHiddenText"];
const LEGEND = ["text", "nodes", "classes", "isPageHeading"];

/** Adds the macro's `attributes` option to `el` as govuk-frontend's govukAttributes writes them. */
function setAttributes(el, attributes) {
  if (attributes == null) return el;
  if (!plain(attributes))
    throw new GovukOptionError(`"attributes" must be an object of name: value, not ${typeof attributes}`);
  for (const [name, item] of Object.entries(attributes)) {
    const { value, optional } = plain(item) ? item : { value: item, optional: false };
    if (el.hasAttribute(name)) continue; // as the HTML parser keeps the first of two
    if (optional === true && value === true) el.setAttribute(name, "");
    else if (optional === true && (value == null || value === false)) continue;
    else el.setAttribute(name, value == null ? "" : String(value));
  }
  return el;
}

/** The children for a `{ text, nodes }` option. */
function content(o) {
  if (o == null) return null;
  if (o.nodes != null) return o.nodes;
  return o.text == null ? null : String(o.text);
}

/** Whether a `{ text, nodes }` option has anything to show (the macros' `if params.html or params.text`). */
const has = (o) => !!(o && (o.nodes != null || o.text));

/** The macros' `==` for a chosen value: 1 and "1" are the same value. */
const same = (a, b) => a != null && String(a) === String(b);

/** " classes", or "" for none. */
const more = (classes) => (classes ? ` ${classes}` : "");

/** A space-separated list of the truthy `ids`, or "" for none. */
const ids = (...list) => list.filter(Boolean).join(" ");

/** The options a form field's group takes (formGroup.*). */
const FORM_GROUP = ["formGroup.classes"];

/** govukHint. */
function hint(o, id, extraClass) {
  return setAttributes(
    h("div", { id, class: `govuk-hint${more(extraClass)}${more(o.classes)}` }, content(o)),
    o.attributes,
  );
}

/** govukErrorMessage's markup: `id` is the field's error id (a field's macro ignores errorMessage.id). */
function errorMessage(o, id) {
  const hidden = o.visuallyHiddenText === undefined ? "Error" : o.visuallyHiddenText;
  return setAttributes(
    h(
      "p",
      { id: id ?? o.id, class: `govuk-error-message${more(o.classes)}` },
      hidden ? [h("span", { class: "govuk-visually-hidden" }, `${hidden}:`), " "] : null,
      content(o),
    ),
    o.attributes,
  );
}

/** govukLabel; null when it has no text (as the macro renders nothing). */
function label(o, forId, extraClass) {
  if (!has(o)) return null;
  const el = setAttributes(
    h("label", { class: `govuk-label${more(extraClass)}${more(o.classes)}`, for: forId ?? o.for }, content(o)),
    o.attributes,
  );
  return o.isPageHeading ? h("h1", { class: "govuk-label-wrapper" }, el) : el;
}

/** govukFieldset around `children`. */
function fieldset(o, describedBy, role, children) {
  const legend = o.legend;
  return setAttributes(
    h(
      "fieldset",
      { class: `govuk-fieldset${more(o.classes)}`, role, "aria-describedby": describedBy || null },
      has(legend)
        ? h(
            "legend",
            { class: `govuk-fieldset__legend${more(legend.classes)}` },
            legend.isPageHeading ? h("h1", { class: "govuk-fieldset__heading" }, content(legend)) : content(legend),
          )
        : null,
      children,
    ),
    o.attributes,
  );
}

/** A field's form group: the error modifier when there is an error message. */
function formGroup(o, extraClass, children) {
  return setAttributes(
    h(
      "div",
      {
        class: `govuk-form-group${o.errorMessage ? " govuk-form-group--error" : ""}${more(extraClass)}${more(o.formGroup?.classes)}`,
      },
      children,
    ),
    o.formGroup?.attributes,
  );
}

/** The hint and error message above a field, adding their ids to `described` (a list). */
function hintAndError(o, idPrefix, described) {
  const out = [];
  if (o.hint) {
    described.push(`${idPrefix}-hint`);
    out.push(hint(o.hint, `${idPrefix}-hint`));
  }
  if (o.errorMessage) {
    described.push(`${idPrefix}-error`);
    out.push(errorMessage(o.errorMessage, `${idPrefix}-error`));
  }
  return out;
}

/**
 * A `{ text }` option for a string or number, or a `{ nodes }` one for elements built with h() (a
 * node or an array): for a table cell or a summary list value that may be either.
 */
export function textOrNodes(x) {
  return x != null && typeof x === "object" ? { nodes: x } : { text: x == null ? "" : String(x) };
}

/**
 * govTable's cells for a list of text or nodes (`head`, or one of `rows`): `textOrNodes` each,
 * and `format: "numeric"` for the columns whose indexes `numeric` lists.
 */
export function tableCells(list, numeric = []) {
  return list.map((x, i) => ({ ...textOrNodes(x), ...(numeric.includes(i) ? { format: "numeric" } : {}) }));
}

/** The macros' `errorMessage` option for `message`: `{ text: message }`, or undefined for none. */
export function errorText(message) {
  return message ? { text: message } : undefined;
}

/** govukErrorMessage. */
export function govErrorMessage(o) {
  checkOptions("govErrorMessage", o, new Set(ERROR));
  return errorMessage(o, undefined);
}

const CHOICE_KEYS = [
  "name",
  "idPrefix",
  "classes",
  "onChange",
  ...FORM_GROUP,
  "formGroup.beforeInputs.text",
  "formGroup.afterInputs.text",
  "fieldset.describedBy",
  "fieldset.classes",
  ...under("fieldset.legend", LEGEND),
  ...under("hint", HINT),
  ...under("errorMessage", ERROR),
  "items[]",
  ...under("items[]", ["value", "text", "nodes", "id", "checked", "disabled", "divider", "behaviour", "name"]),
  ...under("items[].label", ["classes"]),
  ...under("items[].hint", TEXT),
];

/**
 * govukRadios, and `onChange(value, event)` when an item is chosen. An item's `conditional.nodes`
 * is revealed while it is checked (govuk-frontend's JS, done here). The input gets aria-controls,
 * as that JS gives it, but not aria-expanded, which that JS also sets and axe rejects on a radio
 * (aria-allowed-attr).
 */
export function govRadios(o) {
  checkOptions("govRadios", o, new Set([...CHOICE_KEYS, "value", "items[].conditional.nodes"]));
  return choices(o, "radios");
}

/**
 * govukCheckboxes, and `onChange(values, event)` with the values of every checked box when one
 * changes; an item with `behaviour: "exclusive"` unticks the others, as govuk-frontend's JS does.
 * Conditional reveals are not supported.
 */
export function govCheckboxes(o) {
  checkOptions("govCheckboxes", o, new Set([...CHOICE_KEYS, "describedBy"]));
  return choices(o, "checkboxes");
}

// The classes of the two, written out whole (scripts/build-dist.mjs checks every govuk-* class the
// page names is styled, and can only see a class written in full).
const CHOICES = {
  radios: {
    root: "govuk-radios",
    item: "govuk-radios__item",
    input: "govuk-radios__input",
    label: "govuk-radios__label",
    hint: "govuk-radios__hint",
    divider: "govuk-radios__divider",
    conditional: "govuk-radios__conditional",
    hidden: "govuk-radios__conditional--hidden",
  },
  checkboxes: {
    root: "govuk-checkboxes",
    item: "govuk-checkboxes__item",
    input: "govuk-checkboxes__input",
    label: "govuk-checkboxes__label",
    hint: "govuk-checkboxes__hint",
    divider: "govuk-checkboxes__divider",
  },
};

function choices(o, kind) {
  const c = CHOICES[kind];
  const radios = kind === "radios";
  const idPrefix = o.idPrefix || o.name;
  const hasFieldset = !!o.fieldset;
  const described = [];
  if (radios) described.push(o.fieldset?.describedBy);
  else described.push(o.fieldset?.describedBy || o.describedBy);
  const above = hintAndError(o, idPrefix, described);
  const inputs = [];
  const reveals = [];
  const sync = () => {
    for (const { input, panel } of reveals) {
      panel.classList.toggle(c.hidden, !input.checked);
    }
  };
  const items = (o.items ?? []).map((item, i) => {
    if (!item) return null;
    const itemId = item.id || (i > 0 ? `${idPrefix}-${i + 1}` : idPrefix);
    if (item.divider) return h("div", { class: c.divider }, String(item.divider));
    const checked = radios
      ? item.checked || (o.value ? same(item.value, o.value) && item.checked !== false : false)
      : item.checked || (o.values ? o.values.includes(item.value) && item.checked !== false : false);
    const hasHint = has(item.hint);
    const itemHintId = `${itemId}-item-hint`;
    const conditional = radios && item.conditional?.nodes != null ? item.conditional.nodes : null;
    const panelId = `conditional-${itemId}`;
    const describedBy = radios
      ? hasHint
        ? itemHintId
        : ""
      : ids(hasFieldset ? "" : ids(...described), hasHint ? itemHintId : "");
    const input = setAttributes(
      h("input", {
        class: c.input,
        id: itemId,
        name: radios ? o.name : item.name || o.name,
        type: radios ? "radio" : "checkbox",
        value: item.value ?? "",
        checked: !!checked,
        disabled: !!item.disabled,
        "aria-controls": conditional ? panelId : null,
        "data-behaviour": item.behaviour,
        "aria-describedby": describedBy || null,
        onchange: (e) => {
          sync();
          if (radios) {
            if (e.target.checked) o.onChange?.(item.value, e);
            return;
          }
          // As govuk-frontend's JS: ticking an "exclusive" box ("None") unticks the others, and
          // ticking any other unticks it.
          const exclusive = item.behaviour === "exclusive";
          if (e.target.checked)
            for (const b of inputs)
              if (b !== e.target && (exclusive || b.dataset.behaviour === "exclusive")) b.checked = false;
          o.onChange?.(
            inputs.filter((b) => b.checked).map((b) => b.value),
            e,
          );
        },
      }),
      item.attributes,
    );
    inputs.push(input);
    const panel = conditional
      ? h("div", { class: `${c.conditional}${checked ? "" : ` ${c.hidden}`}`, id: panelId }, conditional)
      : null;
    if (panel) reveals.push({ input, panel });
    return [
      h(
        "div",
        { class: c.item },
        input,
        label(
          {
            text: item.text,
            nodes: item.nodes,
            classes: `${c.label}${more(item.label?.classes)}`,
            attributes: item.label?.attributes,
          },
          itemId,
        ),
        hasHint ? hint({ ...item.hint, classes: `${c.hint}${more(item.hint.classes)}` }, itemHintId) : null,
      ),
      panel,
    ];
  });
  const inner = [
    ...above,
    setAttributes(
      h(
        "div",
        { class: `${c.root}${more(o.classes)}` },
        content(o.formGroup?.beforeInputs),
        items,
        content(o.formGroup?.afterInputs),
      ),
      { ...o.attributes, "data-module": c.root },
    ),
  ];
  return formGroup(o, null, hasFieldset ? fieldset(o.fieldset, ids(...described), null, inner) : inner);
}

// Width classes by number, written out whole (see CHOICES).
const WIDTHS = { 2: "govuk-input--width-2", 4: "govuk-input--width-4" };

const INPUT_KEYS = [
  "id",
  "name",
  "type",
  "value",
  "disabled",
  "describedBy",
  "classes",
  "autocomplete",
  "autocapitalize",
  "pattern",
  "inputmode",
  "spellcheck",
  "onInput",
  "onChange",
  ...FORM_GROUP,
  ...under("label", LABEL),
  ...under("hint", HINT),
  ...under("errorMessage", ERROR),
  ...under("prefix", TEXT),
  ...under("suffix", TEXT),
  "inputWrapper.classes",
  "formGroup.beforeInput.text",
  "formGroup.afterInput.text",
];

/**
 * govukInput, and `onInput(value, event)` / `onChange(value, event)`. Its `value` is the input's
 * value attribute, as the macro renders it.
 */
export function govInput(o) {
  checkOptions("govInput", o, new Set(INPUT_KEYS));
  const id = o.id || o.name;
  const described = [o.describedBy];
  const above = hintAndError(o, id, described);
  const input = inputElement(
    o,
    id,
    `${more(o.classes)}${o.errorMessage ? " govuk-input--error" : ""}`,
    ids(...described),
  );
  const before = content(o.formGroup?.beforeInput);
  const after = content(o.formGroup?.afterInput);
  const affix = (a, cls) =>
    setAttributes(h("div", { class: `${cls}${more(a.classes)}`, "aria-hidden": "true" }, content(a)), a.attributes);
  const field =
    has(o.prefix) || has(o.suffix) || before || after
      ? setAttributes(
          h(
            "div",
            { class: `govuk-input__wrapper${more(o.inputWrapper?.classes)}` },
            before,
            has(o.prefix) ? affix(o.prefix, "govuk-input__prefix") : null,
            input,
            has(o.suffix) ? affix(o.suffix, "govuk-input__suffix") : null,
            after,
          ),
          o.inputWrapper?.attributes,
        )
      : input;
  return formGroup(o, null, [label(o.label ?? {}, id), ...above, field]);
}

/** The <input> of govukInput. */
function inputElement(o, id, classes, describedBy) {
  const optional = (v) => (v == null || v === false ? null : v === true ? true : String(v));
  return setAttributes(
    h("input", {
      class: `govuk-input${classes}`,
      id,
      name: o.name ?? "",
      type: o.type || "text",
      spellcheck: o.spellcheck === true || o.spellcheck === false ? String(o.spellcheck) : null,
      value: optional(o.value),
      disabled: optional(o.disabled),
      "aria-describedby": describedBy || null,
      autocomplete: optional(o.autocomplete),
      autocapitalize: optional(o.autocapitalize),
      pattern: optional(o.pattern),
      inputmode: optional(o.inputmode),
      oninput: o.onInput ? (e) => o.onInput(e.target.value, e) : null,
      onchange: o.onChange ? (e) => o.onChange(e.target.value, e) : null,
    }),
    o.attributes,
  );
}

const SELECT_ITEM = ["value", "text", "selected", "disabled"];

/**
 * govukSelect, and `onChange(value, event)`. Not the macro's: `groups: [{ label, items }]` in place
 * of `items` puts the options in <optgroup>s.
 */
export function govSelect(o) {
  checkOptions(
    "govSelect",
    o,
    new Set([
      "id",
      "name",
      "value",
      "disabled",
      "describedBy",
      "classes",
      "onChange",
      ...FORM_GROUP,
      ...under("label", LABEL),
      ...under("hint", HINT),
      ...under("errorMessage", ERROR),
      "formGroup.beforeInput.text",
      "formGroup.afterInput.text",
      "items[]",
      ...under("items[]", SELECT_ITEM),
      "groups[]",
      "groups[].label",
      "groups[].items[]",
      ...under("groups[].items[]", SELECT_ITEM),
    ]),
  );
  const id = o.id || o.name;
  const described = [o.describedBy];
  const above = hintAndError(o, id, described);
  const option = (item) => {
    if (!item) return null;
    const effective = item.value === undefined ? item.text : item.value;
    const selected = item.selected || (o.value ? same(effective, o.value) && item.selected !== false : false);
    return setAttributes(
      h(
        "option",
        {
          value: item.value === undefined ? null : String(item.value),
          selected: !!selected,
          disabled: !!item.disabled,
        },
        item.text == null ? null : String(item.text),
      ),
      item.attributes,
    );
  };
  const select = setAttributes(
    h(
      "select",
      {
        class: `govuk-select${more(o.classes)}${o.errorMessage ? " govuk-select--error" : ""}`,
        id,
        name: o.name ?? "",
        disabled: !!o.disabled,
        "aria-describedby": ids(...described) || null,
        onchange: o.onChange ? (e) => o.onChange(e.target.value, e) : null,
      },
      o.groups
        ? o.groups.map((g) => h("optgroup", { label: g.label }, g.items.map(option)))
        : (o.items ?? []).map(option),
    ),
    o.attributes,
  );
  return formGroup(o, null, [
    label(o.label ?? {}, id),
    ...above,
    content(o.formGroup?.beforeInput),
    select,
    content(o.formGroup?.afterInput),
  ]);
}

const DATE_ITEM = ["id", "name", "label", "value", "classes", "error", "inputmode", "autocomplete", "pattern"];

/**
 * govukDateInput, and `onInput({ day, month, year, … })` with every field's value (by item name)
 * when one changes.
 *
 * Not the macro's (an exception the fixtures test writes down): the first field takes the
 * component's `id` and the `.govuk-date-input` wrapper takes `<id>-group`, so that an error
 * summary link to the field's id (the ids Stocktake's checks give) lands on a field that can take
 * focus.
 */
export function govDateInput(o) {
  checkOptions(
    "govDateInput",
    o,
    new Set([
      "id",
      "namePrefix",
      "classes",
      "onInput",
      ...FORM_GROUP,
      "formGroup.beforeInputs.text",
      "formGroup.afterInputs.text",
      "fieldset.describedBy",
      "fieldset.classes",
      ...under("fieldset.legend", LEGEND),
      ...under("hint", HINT),
      ...under("errorMessage", ERROR),
      "items[]",
      ...under("items[]", DATE_ITEM),
      ...["day", "month", "year"].flatMap((k) => [k, ...under(k, DATE_ITEM)]),
    ]),
  );
  const values = o.values ?? {};
  const day = o.day ?? { name: "day", value: values.day, classes: "govuk-input--width-2" };
  const month = o.month ?? { name: "month", value: values.month, classes: "govuk-input--width-2" };
  const year = o.year ?? { name: "year", value: values.year, classes: "govuk-input--width-4" };
  const list = o.items?.length ? o.items : [day, month, year];
  const anyItemHasError = list.some((item) => item && (item.error || item.classes?.includes("govuk-input--error")));
  const namePrefix = o.namePrefix ? `${o.namePrefix}-` : "";
  const parts = {};
  const described = [o.fieldset?.describedBy];
  const above = hintAndError(o, o.id, described);
  let first = true;
  const fields = list.map((item) => {
    if (!item) return null;
    let name = item.name;
    let value = item.value;
    let width = 2;
    const is = (dflt, key) => item === dflt || (item.name && [key, dflt.name].includes(item.name));
    if (is(day, "day")) {
      name = item.name ?? "day";
      value = item.value ?? day.value;
    } else if (is(month, "month")) {
      name = item.name ?? "month";
      value = item.value ?? month.value;
    } else if (is(year, "year")) {
      name = item.name ?? "year";
      value = item.value ?? year.value;
      width = 4;
    }
    const own = item.classes ?? "";
    const itemHasError = !!(item.error || own.includes("govuk-input--error"));
    let classes = "";
    if (
      !own.includes("govuk-input--error") &&
      (itemHasError || (item.error !== false && o.errorMessage && !anyItemHasError))
    )
      classes = "govuk-input--error";
    if (!own.includes("govuk-input--width-")) classes = ids(classes, WIDTHS[width]);
    classes = ids(classes, own);
    const inputId = item.id || (first ? o.id : `${o.id}-${name}`);
    first = false;
    const fullName = `${namePrefix}${name}`;
    if (value === undefined) value = values[fullName];
    parts[name] = value == null ? "" : String(value);
    const input = inputElement(
      {
        name: fullName,
        value,
        type: "text",
        inputmode: item.inputmode || "numeric",
        autocomplete: item.autocomplete,
        pattern: item.pattern,
        attributes: item.attributes,
        onInput: (v) => {
          parts[name] = v;
          o.onInput?.({ ...parts });
        },
      },
      inputId,
      ` govuk-date-input__input${more(classes)}`,
      "",
    );
    const text = item.label || (name ? `${name.charAt(0).toUpperCase()}${name.slice(1).toLowerCase()}` : "");
    return h(
      "div",
      { class: "govuk-date-input__item" },
      h("div", { class: "govuk-form-group" }, label({ text, classes: "govuk-date-input__label" }, inputId), input),
    );
  });
  const inner = [
    ...above,
    setAttributes(
      h(
        "div",
        { class: `govuk-date-input${more(o.classes)}`, id: o.id ? `${o.id}-group` : null },
        content(o.formGroup?.beforeInputs),
        fields,
        content(o.formGroup?.afterInputs),
      ),
      o.attributes,
    ),
  ];
  return formGroup(o, null, o.fieldset ? fieldset(o.fieldset, ids(...described), "group", inner) : inner);
}

/**
 * govukCharacterCount (counting characters: `maxlength`), and `onInput(value)`. The count under
 * the field is the one govuk-frontend's JS would add, kept up to date here: its visible status,
 * its spoken status (announced a second after typing stops), the error style when over the limit,
 * and the field's description visually hidden (the fixtures test writes these down as expected
 * exceptions).
 */
export function govCharacterCount(o) {
  checkOptions(
    "govCharacterCount",
    o,
    new Set([
      "id",
      "name",
      "value",
      "rows",
      "maxlength",
      "spellcheck",
      "classes",
      "onInput",
      ...FORM_GROUP,
      ...under("label", LABEL),
      ...under("hint", HINT),
      ...under("errorMessage", ERROR),
      "countMessage.classes",
    ]),
  );
  const max = o.maxlength;
  if (!max) throw new GovukOptionError("govCharacterCount: maxlength is required (Stocktake counts characters)");
  const id = o.id || o.name;
  const infoId = `${id}-info`;
  const described = [infoId];
  const above = hintAndError(o, id, described);
  const visible = h("div", { class: "govuk-hint govuk-character-count__status", "aria-hidden": "true" });
  const spoken = h("div", { class: "govuk-character-count__sr-status govuk-visually-hidden", "aria-live": "polite" });
  const area = setAttributes(
    h(
      "textarea",
      {
        class: `govuk-textarea${o.errorMessage ? " govuk-textarea--error" : ""} govuk-js-character-count${more(o.classes)}`,
        id,
        name: o.name ?? "",
        rows: String(o.rows || 5),
        spellcheck: o.spellcheck === true || o.spellcheck === false ? String(o.spellcheck) : null,
        "aria-describedby": ids(...described),
      },
      o.value == null ? null : String(o.value),
    ),
    o.attributes,
  );
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
    area.classList.toggle("govuk-textarea--error", over || !!o.errorMessage);
    if (announce) {
      clearTimeout(timer);
      timer = setTimeout(() => replace(spoken, message()), 1000);
    }
  };
  area.addEventListener("input", () => {
    update(true);
    o.onInput?.(area.value);
  });
  update(false);
  const group = formGroup(o, "govuk-character-count", [
    label(o.label ?? {}, id),
    ...above,
    area,
    h(
      "div",
      {
        id: infoId,
        class: `govuk-hint govuk-character-count__message${more(o.countMessage?.classes)} govuk-visually-hidden`,
      },
      `You can enter up to ${formatCount(max)} characters`,
    ),
    visible,
    spoken,
  ]);
  group.setAttribute("data-module", "govuk-character-count");
  group.setAttribute("data-maxlength", String(max));
  return group;
}

/**
 * govukErrorSummary. Each `errorList` item with an `href` to `#id` is a link that, when followed,
 * finds the field in `root` (the shadow root, which the browser's own fragment navigation cannot
 * see into), opens any <details> around it, scrolls its legend into view and moves focus to it, as
 * govuk-frontend's JS does. Not the macro's (an expected exception in the fixtures test):
 * tabindex="-1", so that the caller can move focus to the summary when it is shown.
 */
export function govErrorSummary(o) {
  checkOptions(
    "govErrorSummary",
    o,
    new Set([
      "titleText",
      "descriptionText",
      "classes",
      "disableAutoFocus",
      "root",
      "errorList[]",
      "errorList[].text",
      "errorList[].href",
    ]),
  );
  const follow = (href) => (ev) => {
    if (!href.startsWith("#") || !o.root) return;
    ev.preventDefault();
    const field = o.root.getElementById(href.slice(1));
    if (!field) return;
    for (let d = field.closest("details"); d; d = d.parentElement?.closest("details")) d.open = true;
    const legend = field.closest("fieldset")?.querySelector("legend");
    (legend ?? field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  };
  const list = o.errorList ?? [];
  return setAttributes(
    h(
      "div",
      {
        class: `govuk-error-summary${more(o.classes)}`,
        "data-disable-auto-focus": o.disableAutoFocus === undefined ? null : String(o.disableAutoFocus),
        tabindex: "-1",
      },
      h(
        "div",
        { role: "alert" },
        h("h2", { class: "govuk-error-summary__title" }, o.titleText == null ? null : String(o.titleText)),
        h(
          "div",
          { class: "govuk-error-summary__body" },
          o.descriptionText ? h("p", {}, String(o.descriptionText)) : null,
          list.length
            ? h(
                "ul",
                { class: "govuk-list govuk-error-summary__list" },
                list.map((item) =>
                  h(
                    "li",
                    {},
                    item.href
                      ? setAttributes(
                          h("a", { href: item.href, onclick: follow(item.href) }, String(item.text ?? "")),
                          item.attributes,
                        )
                      : String(item.text ?? ""),
                  ),
                ),
              )
            : null,
        ),
      ),
    ),
    { ...o.attributes, "data-module": "govuk-error-summary" },
  );
}

/**
 * The tag colours govuk-frontend 6 styles, as classes for govTag's `classes` (a tag without one is
 * blue; there is no govuk-tag--blue or govuk-tag--light-blue in v6). Written out whole (see CHOICES).
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

/** The tag class for a colour named at run time (null or "" for blue): an unknown name throws. */
export function tagColour(colour) {
  if (colour == null || colour === "") return "";
  const cls = TAG_COLOURS[colour];
  if (!cls) throw new GovukOptionError(`govTag: no govuk-frontend class for the colour "${colour}"`);
  return cls;
}

/** govukTag. */
export function govTag(o) {
  checkOptions("govTag", o, new Set(TEXT));
  return setAttributes(h("strong", { class: `govuk-tag${more(o.classes)}` }, content(o)), o.attributes);
}

/**
 * govukButton, and `onClick(event)`. As the macro, a <button> is type="submit" unless `type` says
 * otherwise (Stocktake's page has no <form>), and `href` makes a link that looks like a button.
 */
export function govButton(o) {
  checkOptions(
    "govButton",
    o,
    new Set([
      "text",
      "type",
      "name",
      "value",
      "disabled",
      "href",
      "classes",
      "preventDoubleClick",
      "isStartButton",
      "id",
      "onClick",
    ]),
  );
  const classes = `govuk-button${more(o.classes)}${o.isStartButton ? " govuk-button--start" : ""}`;
  const icon = () => {
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    for (const [k, v] of Object.entries({
      class: "govuk-button__start-icon",
      xmlns: ns,
      width: "17.5",
      height: "19",
      viewBox: "0 0 33 40",
      "aria-hidden": "true",
      focusable: "false",
    }))
      svg.setAttribute(k, v);
    const path = document.createElementNS(ns, "path");
    path.setAttribute("fill", "currentColor");
    path.setAttribute("d", "M0 0h13l20 20-20 20H0l20-20z");
    svg.append(path);
    return svg;
  };
  const text = o.text == null ? null : String(o.text);
  const common = { class: classes, "data-module": "govuk-button" };
  const el = o.href
    ? h("a", { href: o.href, role: "button", draggable: "false", ...common, onclick: o.onClick })
    : h("button", {
        type: o.type || "submit",
        value: o.value || null,
        name: o.name || null,
        disabled: !!o.disabled,
        "aria-disabled": o.disabled ? "true" : null,
        "data-prevent-double-click": o.preventDoubleClick === undefined ? null : String(o.preventDoubleClick),
        ...common,
        onclick: o.onClick,
      });
  setAttributes(el, o.attributes);
  if (o.id && !el.hasAttribute("id")) el.id = o.id;
  el.append(...[text, o.isStartButton ? icon() : null].filter((c) => c != null));
  return el;
}

/** govukWarningText. */
export function govWarning(o) {
  checkOptions("govWarning", o, new Set(["text", "nodes", "classes", "iconFallbackText"]));
  return setAttributes(
    h(
      "div",
      { class: `govuk-warning-text${more(o.classes)}` },
      h("span", { class: "govuk-warning-text__icon", "aria-hidden": "true" }, "!"),
      h(
        "strong",
        { class: "govuk-warning-text__text" },
        h("span", { class: "govuk-visually-hidden" }, o.iconFallbackText || "Warning"),
        content(o),
      ),
    ),
    o.attributes,
  );
}

/**
 * govukSummaryList, as a summary card when `card` is given, and an action's `onClick()` (its
 * `href` is then "#" unless given). A row's `value.nodes` may hold elements built with h().
 */
export function govSummaryList(o) {
  checkOptions(
    "govSummaryList",
    o,
    new Set([
      "classes",
      "rows[]",
      "rows[].classes",
      ...under("rows[].key", TEXT),
      ...under("rows[].value", TEXT),
      "rows[].actions.classes",
      "rows[].actions.items[]",
      ...under("rows[].actions.items[]", ACTION),
      "card.classes",
      ...under("card.title", ["text", "nodes", "classes", "headingLevel"]),
      "card.actions.classes",
      "card.actions.items[]",
      ...under("card.actions.items[]", ACTION),
    ]),
  );
  const cardTitle = o.card?.title;
  const rows = o.rows ?? [];
  const anyRowHasActions = rows.some((r) => r?.actions?.items?.length);
  const link = (a) =>
    setAttributes(
      h(
        "a",
        {
          class: `govuk-link${more(a.classes)}`,
          href: a.href ?? (a.onClick ? "#" : ""),
          onclick: a.onClick ? inPage(a.onClick) : null,
        },
        content(a),
        a.visuallyHiddenText || cardTitle
          ? h(
              "span",
              { class: "govuk-visually-hidden" },
              a.visuallyHiddenText ? ` ${a.visuallyHiddenText}` : null,
              cardTitle ? [" (", content(cardTitle), ")"] : null,
            )
          : null,
      ),
      a.attributes,
    );
  const list = setAttributes(
    h(
      "dl",
      { class: `govuk-summary-list${more(o.classes)}` },
      rows.map((r) => {
        if (!r) return null;
        const actions = r.actions?.items ?? [];
        return h(
          "div",
          {
            class: `govuk-summary-list__row${anyRowHasActions && !r.actions?.items ? " govuk-summary-list__row--no-actions" : ""}${more(r.classes)}`,
          },
          h("dt", { class: `govuk-summary-list__key${more(r.key?.classes)}` }, content(r.key)),
          h("dd", { class: `govuk-summary-list__value${more(r.value?.classes)}` }, content(r.value)),
          actions.length
            ? h(
                "dd",
                { class: `govuk-summary-list__actions${more(r.actions.classes)}` },
                actions.length === 1
                  ? link(actions[0])
                  : h(
                      "ul",
                      { class: "govuk-summary-list__actions-list" },
                      actions.map((a) => h("li", { class: "govuk-summary-list__actions-list-item" }, link(a))),
                    ),
              )
            : null,
        );
      }),
    ),
    o.attributes,
  );
  if (!o.card) return list;
  const card = o.card;
  const cardActions = card.actions?.items ?? [];
  const heading = ["h1", "h2", "h3", "h4", "h5", "h6"][(card.title?.headingLevel || 2) - 1];
  if (!heading)
    throw new GovukOptionError(
      `govSummaryList: card.title.headingLevel ${card.title.headingLevel} is not a heading level`,
    );
  return setAttributes(
    h(
      "div",
      { class: `govuk-summary-card${more(card.classes)}` },
      h(
        "div",
        { class: "govuk-summary-card__title-wrapper" },
        card.title
          ? h(heading, { class: `govuk-summary-card__title${more(card.title.classes)}` }, content(card.title))
          : null,
        cardActions.length === 1
          ? h("div", { class: `govuk-summary-card__actions${more(card.actions.classes)}` }, link(cardActions[0]))
          : cardActions.length
            ? h(
                "ul",
                { class: `govuk-summary-card__actions${more(card.actions.classes)}` },
                cardActions.map((a) => h("li", { class: "govuk-summary-card__action" }, link(a))),
              )
            : null,
      ),
      h("div", { class: "govuk-summary-card__content" }, list),
    ),
    card.attributes,
  );
}

// Cell formats by name, written out whole (see CHOICES).
const FORMATS = {
  th: { numeric: "govuk-table__header--numeric" },
  td: { numeric: "govuk-table__cell--numeric" },
};

/** A cell's format class, or "" for none. */
function format(tag, name) {
  if (!name) return "";
  const cls = FORMATS[tag][name];
  if (!cls) throw new GovukOptionError(`govTable: no govuk-frontend class for the format "${name}"`);
  return ` ${cls}`;
}

const ACTION = ["href", "text", "nodes", "visuallyHiddenText", "classes", "onClick"];

const CELL = ["text", "nodes", "format", "classes", "colspan", "rowspan"];

/** govukTable. A cell's `nodes` may hold elements built with h(). */
export function govTable(o) {
  checkOptions(
    "govTable",
    o,
    new Set([
      "caption",
      "captionClasses",
      "firstCellIsHeader",
      "classes",
      "head[]",
      ...under("head[]", CELL),
      "rows[]",
      "rows[][]",
      ...under("rows[][]", CELL),
    ]),
  );
  const span = (cell) => ({ colspan: cell.colspan || null, rowspan: cell.rowspan || null });
  return setAttributes(
    h(
      "table",
      { class: `govuk-table${more(o.classes)}` },
      o.caption ? h("caption", { class: `govuk-table__caption${more(o.captionClasses)}` }, String(o.caption)) : null,
      o.head
        ? h(
            "thead",
            { class: "govuk-table__head" },
            h(
              "tr",
              { class: "govuk-table__row" },
              o.head.map((cell) =>
                setAttributes(
                  h(
                    "th",
                    {
                      scope: "col",
                      class: `govuk-table__header${format("th", cell.format)}${more(cell.classes)}`,
                      ...span(cell),
                    },
                    content(cell),
                  ),
                  cell.attributes,
                ),
              ),
            ),
          )
        : null,
      h(
        "tbody",
        { class: "govuk-table__body" },
        (o.rows ?? []).map((row) =>
          row
            ? h(
                "tr",
                { class: "govuk-table__row" },
                row.map((cell, i) =>
                  setAttributes(
                    i === 0 && o.firstCellIsHeader
                      ? h(
                          "th",
                          { scope: "row", class: `govuk-table__header${more(cell.classes)}`, ...span(cell) },
                          content(cell),
                        )
                      : h(
                          "td",
                          {
                            class: `govuk-table__cell${format("td", cell.format)}${more(cell.classes)}`,
                            ...span(cell),
                          },
                          content(cell),
                        ),
                    cell.attributes,
                  ),
                ),
              )
            : null,
        ),
      ),
    ),
    o.attributes,
  );
}

/** govukNotificationBanner. Its content is `text` (a heading paragraph) or `nodes`. */
export function govBanner(o) {
  checkOptions(
    "govBanner",
    o,
    new Set([
      "type",
      "role",
      "titleText",
      "titleId",
      "titleHeadingLevel",
      "text",
      "nodes",
      "classes",
      "disableAutoFocus",
    ]),
  );
  const success = o.type === "success";
  const titleId = o.titleId || "govuk-notification-banner-title";
  const level = o.titleHeadingLevel || 2;
  const heading = ["h1", "h2", "h3", "h4", "h5", "h6"][level - 1];
  if (!heading) throw new GovukOptionError(`govBanner: titleHeadingLevel ${level} is not a heading level`);
  return setAttributes(
    h(
      "div",
      {
        class: `govuk-notification-banner${success ? " govuk-notification-banner--success" : ""}${more(o.classes)}`,
        role: o.role || (success ? "alert" : "region"),
        "aria-labelledby": titleId,
        "data-module": "govuk-notification-banner",
        "data-disable-auto-focus": o.disableAutoFocus === undefined ? null : String(o.disableAutoFocus),
      },
      h(
        "div",
        { class: "govuk-notification-banner__header" },
        h(
          heading,
          { class: "govuk-notification-banner__title", id: titleId },
          o.titleText || (success ? "Success" : "Important"),
        ),
      ),
      h(
        "div",
        { class: "govuk-notification-banner__content" },
        o.nodes != null
          ? o.nodes
          : o.text
            ? h("p", { class: "govuk-notification-banner__heading" }, String(o.text).trim())
            : null,
      ),
    ),
    o.attributes,
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
