// Turns an ES module graph into the text of one module: for the offline file (an inline module
// script) and for the hosted site's dist/stocktake.mjs (one file instead of 19; see
// scripts/build-dist.mjs). Each module runs in its own function scope (so top-level names never
// collide) and its exports become an object; imports become destructuring from those objects, in
// dependency order. A dynamic `import("./relative/path.mjs")` (a string literal, nothing else)
// becomes a promise of that module's exports; the module is in the bundle and runs before the
// module importing it. `import.meta.url` becomes the URL the module would have had on its own
// (only when the caller says what the modules' paths are relative to). Only the import/export forms
// our code uses are accepted; anything else fails the build loudly, so a joined file can never
// silently differ from the modules it was made from.
import { readFile } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";

const IMPORT = /^import\s+(.+?)\s+from\s+["'](\.{1,2}\/[^"']+)["'];?\s*$/;
const EXPORT_DECL = /^export\s+((?:async\s+)?function\*?|class|const|let)\s+([A-Za-z_$][\w$]*)/;
const EXPORT_LIST = /^export\s*\{([^}]*)\}\s*;?\s*$/;
const DYNAMIC_IMPORT = /\bimport\(\s*(["'])(\.{1,2}\/[^"'`$\\]+)\1\s*\)/g;

function bindingsOf(clause, modVar) {
  // `a, { b, c as d }`, `* as ns`, `def, * as ns`, `{ x }`
  const out = [];
  let rest = clause.trim();
  const def = rest.match(/^([A-Za-z_$][\w$]*)\s*(?:,\s*|$)/);
  if (def && !rest.startsWith("{") && !rest.startsWith("*")) {
    out.push(`const ${def[1]} = ${modVar}.default;`);
    rest = rest.slice(def[0].length).trim();
  }
  if (rest.startsWith("*")) {
    const ns = rest.match(/^\*\s+as\s+([A-Za-z_$][\w$]*)$/);
    if (!ns) throw new Error(`unsupported import clause: ${clause}`);
    out.push(`const ${ns[1]} = ${modVar};`);
  } else if (rest.startsWith("{")) {
    const names = rest.replace(/^\{|\}$/g, "").split(",").map((s) => s.trim()).filter(Boolean);
    const parts = names.map((n) => {
      const m = n.match(/^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/);
      if (!m) throw new Error(`unsupported import name: ${n}`);
      return m[2] ? `${m[1]}: ${m[2]}` : m[1];
    });
    out.push(`const { ${parts.join(", ")} } = ${modVar};`);
  } else if (rest) {
    throw new Error(`unsupported import clause: ${clause}`);
  }
  return out;
}

/**
 * Inlines the module graph rooted at `entry` (a file path). Returns JavaScript text for one
 * module (a `<script type="module">` or a .mjs file). Options:
 * - `base`: a JavaScript expression for the URL the modules' paths are relative to (the entry's
 *   folder): `import.meta.url` for a file served in the entry's place, `document.baseURI` for a
 *   script inlined into a page in that folder. In a module at `app/x.mjs`, `import.meta.url` then
 *   becomes `new URL("app/x.mjs", base).href`. Without it, any `import.meta` fails the build.
 * - `exports`: the result exports what `entry` exports (for a file served in the entry's place).
 */
export async function inlineModules(entry, { base = null, exports: reexport = false } = {}) {
  const order = [];
  const seen = new Map();
  const dynamic = new Set();
  const root = dirname(resolve(entry));
  async function visit(file, stack) {
    if (stack.includes(file)) throw new Error(`import cycle: ${[...stack, file].map((f) => relative(root, f)).join(" → ")}`);
    if (seen.has(file)) return;
    const text = await readFile(file, "utf8");
    const lines = text.split("\n");
    const body = [];
    const exports = [];
    const deps = [];
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i];
      if (/^import\b(?!\s*[(.])/.test(line)) {
        // Join a multi-line import.
        while (!/from\s+["'][^"']+["'];?\s*$/.test(line) && i + 1 < lines.length) line += " " + lines[++i].trim();
        const m = line.match(IMPORT);
        if (!m) throw new Error(`${relative(root, file)}: unsupported import: ${line}`);
        const dep = resolve(dirname(file), m[2]);
        deps.push(dep);
        body.push(...bindingsOf(m[1], `__m[${JSON.stringify(relative(root, dep))}]`));
        continue;
      }
      if (/^export\b/.test(line)) {
        const decl = line.match(EXPORT_DECL);
        const list = line.match(EXPORT_LIST);
        if (decl) {
          exports.push(`${decl[2]}: ${decl[2]}`);
          line = line.replace(/^export\s+/, "");
        } else if (list) {
          for (const n of list[1].split(",").map((s) => s.trim()).filter(Boolean)) {
            const m = n.match(/^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/);
            if (!m) throw new Error(`${relative(root, file)}: unsupported export: ${n}`);
            exports.push(`${m[2] ?? m[1]}: ${m[1]}`);
          }
          continue;
        } else {
          throw new Error(`${relative(root, file)}: unsupported export: ${line}`);
        }
      }
      line = line.replace(DYNAMIC_IMPORT, (_, _q, spec) => {
        const dep = resolve(dirname(file), spec);
        deps.push(dep);
        dynamic.add(dep);
        return `Promise.resolve(__m[${JSON.stringify(relative(root, dep))}])`;
      });
      const IMPORT_META_URL = /\bimport\.meta\.url\b/g;
      if (/\bimport\s*\(/.test(line) || /\bimport\.meta\b/.test(base ? line.replace(IMPORT_META_URL, "") : line)) {
        throw new Error(`${relative(root, file)}: only import("./relative/path") with a string literal${base ? " and import.meta.url" : ""} can be inlined, not: ${line.trim()}`);
      }
      if (base) line = line.replace(IMPORT_META_URL, () => `new URL(${JSON.stringify(relative(root, file).split(sep).join("/"))}, ${base}).href`);
      body.push(line);
    }
    seen.set(file, { body, exports });
    for (const d of deps) await visit(d, [...stack, file]);
    order.push(file);
  }
  await visit(resolve(entry), []);
  for (const file of dynamic) {
    // import() resolves to the module namespace; Promise.resolve would treat an exported `then`
    // as a thenable instead, so such a module cannot be inlined faithfully.
    if (seen.get(file).exports.some((e) => e.startsWith("then:"))) throw new Error(`${relative(root, file)}: a dynamically imported module cannot export "then"`);
  }
  const out = ["const __m = Object.create(null);"];
  for (const file of order) {
    const { body, exports } = seen.get(file);
    out.push(
      `__m[${JSON.stringify(relative(root, file))}] = (() => {`,
      ...body,
      `return Object.freeze({ ${exports.join(", ")} });`,
      "})();",
    );
  }
  if (reexport) {
    const names = seen.get(resolve(entry)).exports.map((e) => e.split(":")[0]);
    const key = JSON.stringify(relative(root, resolve(entry)));
    const named = names.filter((n) => n !== "default");
    if (named.length) out.push(`export const { ${named.join(", ")} } = __m[${key}];`);
    if (names.includes("default")) out.push(`export default __m[${key}].default;`);
  }
  return out.join("\n");
}
