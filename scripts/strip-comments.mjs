// Removes comments from the JavaScript the site serves (the page's modules and wasm-bindgen's
// glue): about a sixth of their gzipped size. Nothing else changes: names, strings, line structure
// and every import/export line stay as written (the offline inliner reads them line by line). The
// comments are found by a real parser (acorn), and the result is parsed again and must give the
// same syntax tree as the original, or the build fails.
import { parse } from "acorn";

const OPTIONS = { ecmaVersion: "latest", sourceType: "module" };

/** The syntax tree without positions, as JSON text, for comparing two parses. */
function shape(text) {
  return JSON.stringify(parse(text, OPTIONS), (key, value) => (key === "start" || key === "end" ? undefined : value));
}

/** `text` (an ES module) without its comments; `name` is for error messages. */
export function stripComments(text, name) {
  const comments = [];
  parse(text, { ...OPTIONS, onComment: (_block, _text, start, end) => comments.push([start, end]) });
  const newline = /[\n\r\u2028\u2029]/;
  let out = "";
  let at = 0;
  for (const [start, end] of comments) {
    const lineStart = text.lastIndexOf("\n", start - 1) + 1;
    const eol = text.indexOf("\n", end);
    const lineEnd = eol === -1 ? text.length : eol;
    const alone = lineStart >= at && !text.slice(lineStart, start).trim() && !text.slice(end, lineEnd).trim();
    if (alone) {
      // A comment on lines of its own: those lines go.
      out += text.slice(at, lineStart);
      at = eol === -1 ? text.length : eol + 1;
    } else if (!text.slice(end, lineEnd).trim()) {
      // At the end of a line of code: the comment and the spaces before it go.
      out += text.slice(at, start).trimEnd();
      at = end;
    } else {
      // Inside a line: it still separates the tokens around it, and one spanning lines still ends
      // a line (which matters for automatic semicolons).
      out += text.slice(at, start) + (newline.test(text.slice(start, end)) ? "\n" : " ");
      at = end;
    }
  }
  out += text.slice(at);
  if (shape(out) !== shape(text)) throw new Error(`${name}: removing comments changed the code`);
  return out;
}
