// The page's layers (DESIGN.md, "Code map"): every module under www/ sits in one layer folder and
// imports, statically or dynamically, only from its own layer or the layers below it; no two modules
// import each other through any chain; no module is over 500 lines unless DESIGN.md's "Long modules"
// list names it with a reason. The same rule as tests/layers.rs holds for the core.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const www = join(root, "www");

/** The layers from the bottom up. The entry module (www/stocktake.mjs) stands above them all. */
export const LAYERS = ["ui", "domain", "exports", "pages", "shell"];
const ENTRY = "stocktake.mjs";
/** Generated or vendored, never written by hand: not checked. */
const SKIP = new Set(["pkg", "vendor"]);

function modules(dir = www) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP.has(name)) out.push(...modules(path));
    } else if (/\.m?js$/.test(name)) out.push(relative(www, path));
  }
  return out.sort();
}

/** Relative imports of a module: `import … from "./x.mjs"`, `export … from`, and `import("./x.mjs")`. */
export function importsOf(file, text) {
  const found = [];
  const re = /(?:^|[^\w.])(?:import|export)\s*(?:[^"'`;]*?\sfrom\s*)?\(?\s*["'](\.\.?\/[^"']+)["']/gm;
  for (const m of text.matchAll(re)) {
    const dynamic = /import\s*\(\s*["']$/.test(text.slice(m.index, m.index + m[0].length - m[1].length - 1));
    found.push({ to: relative(www, resolve(www, dirname(file), m[1])), dynamic });
  }
  return found;
}

/** The layer's rank (0 = lowest), ENTRY above all; undefined for a module outside any layer. */
export function rank(file) {
  if (file === ENTRY) return LAYERS.length;
  const i = LAYERS.indexOf(file.split("/")[0]);
  return i < 0 || !file.includes("/") ? undefined : i;
}

/** Problems with one graph { file: [{ to, dynamic }] }: upward imports, stray modules and circles. */
export function layerProblems(graph) {
  const problems = [];
  for (const [file, imports] of Object.entries(graph)) {
    const r = rank(file);
    if (r === undefined) {
      problems.push(`${file} is outside the layer folders (${LAYERS.join(", ")})`);
      continue;
    }
    for (const { to } of imports) {
      if (to.startsWith("pkg/")) continue; // the core's generated glue: only the entry loads it
      const t = rank(to);
      if (t === undefined && !(to in graph)) continue;
      if (t === undefined || t > r) problems.push(`${file} imports ${to}, a higher layer`);
    }
  }
  // Circles over static imports (a dynamic import runs later, when the importer has finished).
  const state = new Map();
  const stack = [];
  const visit = (file) => {
    state.set(file, "open");
    stack.push(file);
    for (const { to, dynamic } of graph[file] ?? []) {
      if (dynamic || !(to in graph)) continue;
      if (state.get(to) === "open") problems.push(`circle: ${[...stack.slice(stack.indexOf(to)), to].join(" → ")}`);
      else if (!state.has(to)) visit(to);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of Object.keys(graph)) if (!state.has(file)) visit(file);
  return problems;
}

function readGraph() {
  const graph = {};
  for (const file of modules()) graph[file] = importsOf(file, readFileSync(join(www, file), "utf8"));
  return graph;
}

test("every page module imports only from its own layer or the layers below, with no circle", () => {
  const graph = readGraph();
  assert.ok(Object.keys(graph).length > 30, "the page's modules were found");
  assert.deepEqual(layerProblems(graph), []);
});

test("the check finds an upward import, a stray module and a circle", () => {
  assert.deepEqual(
    layerProblems({
      "ui/a.mjs": [{ to: "pages/b.mjs", dynamic: false }],
      "pages/b.mjs": [{ to: "pages/c.mjs", dynamic: false }],
      "pages/c.mjs": [{ to: "pages/b.mjs", dynamic: false }],
      "loose.mjs": [],
    }),
    [
      "ui/a.mjs imports pages/b.mjs, a higher layer",
      "loose.mjs is outside the layer folders (ui, domain, exports, pages, shell)",
      "circle: pages/b.mjs → pages/c.mjs → pages/b.mjs",
    ],
  );
  // A dynamic import downwards is fine, upwards is not; a dynamic import closes no circle.
  assert.deepEqual(
    layerProblems({
      "shell/app.mjs": [{ to: "pages/x.mjs", dynamic: true }],
      "pages/x.mjs": [{ to: "shell/app.mjs", dynamic: true }],
    }),
    ["pages/x.mjs imports shell/app.mjs, a higher layer"],
  );
});

test("imports are read in every form the page uses", () => {
  const text = [
    'import { h } from "../ui/dom.mjs";',
    "import {\n  a,\n  b,\n} from '../domain/state.mjs';",
    'export { x } from "./other.mjs";',
    'const m = () => import("../pages/results.mjs");',
    'import init, * as core from "./pkg/stocktake.js";',
  ].join("\n");
  assert.deepEqual(importsOf("pages/start.mjs", text), [
    { to: "ui/dom.mjs", dynamic: false },
    { to: "domain/state.mjs", dynamic: false },
    { to: "pages/other.mjs", dynamic: false },
    { to: "pages/results.mjs", dynamic: true },
    { to: "pages/pkg/stocktake.js", dynamic: false },
  ]);
});

/** DESIGN.md's "Long modules": lines "- `www/<path>` …: <reason>". */
function longModulesAllowed() {
  const design = readFileSync(join(root, "DESIGN.md"), "utf8");
  const section = design.split(/^### Long modules$/m)[1]?.split(/^#/m)[0] ?? "";
  return new Map([...section.matchAll(/^- `www\/([^`]+)`[^:]*: (.+)$/gm)].map((m) => [m[1], m[2]]));
}

test("no page module is over 500 lines unless DESIGN.md gives the reason", () => {
  const allowed = longModulesAllowed();
  const long = modules()
    .map((file) => [file, readFileSync(join(www, file), "utf8").split("\n").length])
    .filter(([file, n]) => n > 500 && !allowed.has(file));
  assert.deepEqual(long, []);
});

/**
 * Module-level state other than `app.feature` (DESIGN.md, "Feature state"): a top-level `let` or
 * `var`, or a `WeakMap` keyed by app. Each allowed one is state that is not a feature's, with its
 * reason.
 */
const MODULE_STATE_ALLOWED = new Map([
  // The window's listeners (asking before leaving, keeping on pagehide) are registered once per
  // window, for whichever app last showed a review.
  ["pages/peer/review.mjs", ["registered", "current"]],
  // The loaders' promises: each chunk and the wasm are fetched once per page, for every app on it.
  [
    "stocktake.mjs",
    ["coreReady", "wasmExports", "workshopReady", "exportersReady", "toolsReady", "toolsAttempts", "recordReady"],
  ],
]);

/** A module's top-level `let`/`var` names, and whether it makes a WeakMap. */
export function moduleState(text) {
  const names = [...text.matchAll(/^(?:let|var)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  return { names, weakMap: /new WeakMap\s*\(/.test(text) };
}

test("what a feature keeps in memory is kept with app.feature: no other module-level state", () => {
  const found = [];
  for (const file of modules()) {
    const { names, weakMap } = moduleState(readFileSync(join(www, file), "utf8"));
    const allowed = MODULE_STATE_ALLOWED.get(file) ?? [];
    for (const n of names) if (!allowed.includes(n)) found.push(`${file}: let ${n}`);
    if (weakMap) found.push(`${file}: a WeakMap`);
  }
  assert.deepEqual(found, []);
  assert.deepEqual(moduleState("let a = 1;\n  let inner = 2;\nvar b;\nconst m = new WeakMap();\n"), {
    names: ["a", "b"],
    weakMap: true,
  });
});
