// Building DOM safely: every string becomes a text node, never HTML. No innerHTML anywhere, so
// text a user typed (or a file they opened) can never become markup or script.

/**
 * Creates an element. `attrs` values: strings set attributes; `on*` functions add listeners;
 * `false`/`null`/`undefined` are skipped; `true` sets a boolean attribute. Children may be
 * nodes, strings (text), numbers, arrays or null.
 * @template {string} K
 * @param {K} tag
 * @param {Record<string, any>} [attrs]
 * @param {...any} children
 * @returns {K extends keyof HTMLElementTagNameMap ? HTMLElementTagNameMap[K] : HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === false || value == null) continue;
    if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2), value);
    else if (name === "class") el.className = value;
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  append(el, children);
  return /** @type {any} */ (el);
}

/** Appends children (nodes, text, arrays, nulls skipped) to `el`. */
export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Appends any mix of children (as `append`, but variadic): `put(main, heading, [rows], null)`. */
export function put(el, ...children) {
  return append(el, children);
}

/**
 * A click handler for a link that acts inside the page (`href="#"`): stops the browser following
 * the link, then calls `fn()`.
 */
export function inPage(fn) {
  return (e) => {
    e.preventDefault();
    fn();
  };
}
