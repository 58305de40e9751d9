// Assembles dist/, the deployable static site, from www/ (the page), pkg/ (wasm-pack's output)
// and govuk-frontend (compiled from npm with Arial and no GDS Transport font). Every path in
// dist/ is relative, so the folder works when copied into any sub-folder of an intranet server.
// The JavaScript is bundled and minified by esbuild (pinned in package.json).
import { cp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createHash } from "node:crypto";
import * as esbuild from "esbuild";
import { zipSync } from "fflate";
import * as sass from "sass";
import { NOTE_FILE, buildRecordData } from "./record-data.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const www = join(root, "www");
const dist = join(root, "dist");

/** Sass source → compressed CSS, with the post-processing every build of ours gets. */
function sassToCss(source) {
  let { css } = sass.compileString(source, {
    url: pathToFileURL(join(www, "styles", "stocktake.scss")),
    style: "compressed",
    loadPaths: [join(root, "node_modules")],
    quietDeps: true,
    silenceDeprecations: ["import"],
  });
  // rem would follow the host page's root font size (intranets often set html{font-size:62.5%}),
  // so inside our shadow root sizes are fixed in px: browser zoom still scales them.
  // The crown crest belongs to GOV.UK only: drop the footer rules that draw it.
  css = css.replace(/[^{}]*\{[^{}]*govuk-crest[^{}]*\}/g, "");
  css = css.replace(/(-?\d*\.?\d+)rem\b/g, (_, n) => `${+(parseFloat(n) * 16).toFixed(3)}px`);
  return toContainerQueries(css);
}

/**
 * Embedded in an intranet page's column, Stocktake must lay out by the width it is given, not the
 * window's: every media query on width alone (govuk-frontend's breakpoints and ours) becomes a
 * container query on .st-root (container-type: inline-size in stocktake.scss), in px, since em in a
 * container query would follow the container's font size. Queries that also name a media type
 * (print, screen) or another feature stay media queries.
 */
export function toContainerQueries(css) {
  return css.replace(/@media\s*((?:\((?:min|max)-width:\s*[\d.]+(?:em|px)\)\s*(?:and\s*)?)+)\{/g, (_, query) => {
    const px = query
      .replace(/([\d.]+)em\b/g, (_, n) => `${+(parseFloat(n) * 16).toFixed(3)}px`)
      .replace(/\)\s*and\s*\(/g, ") and (")
      .trim();
    return `@container ${px}{`;
  });
}

/** Top-level rules of compressed CSS (an @media block is one rule). */
function cssRules(css) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < css.length; i++) {
    if (css[i] === "{") depth++;
    else if (css[i] === "}" && --depth === 0) {
      out.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  return out;
}

/**
 * Compiles the page's Sass (the govuk-frontend components we use + ours) to one CSS string.
 * stocktake.scss names the components it uses between "// govuk:begin" and "// govuk:end". To be
 * sure that leaving the others out changes nothing else, this also compiles the full
 * govuk-frontend with the same settings and fails the build unless (1) our CSS is exactly the full
 * CSS with some rules left out, in the same order, and (2) every govuk-* class named in the page's
 * code (www/**\/*.mjs) that the full CSS styles is still styled.
 */
export async function compileCss() {
  const source = await readFile(join(www, "styles", "stocktake.scss"), "utf8");
  const block = source.match(/\/\/ govuk:begin\n([\s\S]*?)\/\/ govuk:end\n/);
  const settings = block?.[1].match(/@use "govuk-frontend\/dist\/govuk\/base" with (\([\s\S]*?\n\));\n/);
  if (!settings)
    throw new Error(
      "stocktake.scss: no govuk:begin … govuk:end block starting with govuk-frontend's base and its settings",
    );
  const css = sassToCss(source);
  const full = sassToCss(source.replace(block[0], () => `@use "govuk-frontend/dist/govuk" with ${settings[1]};\n`));
  const fullRules = cssRules(full);
  let at = 0;
  for (const rule of cssRules(css)) {
    while (at < fullRules.length && fullRules[at] !== rule) at++;
    if (at === fullRules.length)
      throw new Error(
        `compiled CSS differs from govuk-frontend's full build, not only by leaving components out: ${rule.slice(0, 120)}`,
      );
    at++;
  }
  const code = (
    await Promise.all((await files(www)).filter((f) => f.endsWith(".mjs")).map((f) => readFile(f, "utf8")))
  ).join("\n");
  // A class assembled at run time (`govuk-tag--${colour}`) could name anything, so the check below
  // could not see it: the code must write every govuk-* class out whole (govuk.mjs keeps maps of
  // modifier classes by name).
  const assembled = code.match(/govuk-[\w!-]*[-_](?:\$\{|["'`]\s*\+)/g);
  if (assembled)
    throw new Error(
      `the page assembles govuk-* class names at run time (${[...new Set(assembled)].join(", ")}): write each class out whole so that this check can see it`,
    );
  const styled = (text, cls) => text.includes(`.${cls.replace(/!/g, "\\!")}`);
  for (const cls of new Set(code.match(/govuk-[\w!-]+/g) ?? [])) {
    if (styled(full, cls) && !styled(css, cls))
      throw new Error(`the page uses .${cls}, but its govuk-frontend component is not in www/styles/stocktake.scss`);
  }
  return css;
}

async function files(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await files(p)));
    else out.push(p);
  }
  return out;
}

/**
 * Builds the site into `out` (dist/). `frameAncestors` (STOCKTAKE_FRAME_ANCESTORS) names the
 * intranet pages that may show frame.html in an iframe: see frameAncestorsSource and headersFile.
 */
export async function buildDist({ out = dist, frameAncestors = process.env.STOCKTAKE_FRAME_ANCESTORS } = {}) {
  const ancestors = frameAncestorsSource(frameAncestors);
  await rm(out, { recursive: true, force: true });
  await mkdir(join(out, "assets"), { recursive: true });
  const css = await compileCss();
  if (/url\((?!["']?data:)/.test(css))
    throw new Error(`compiled CSS refers to an external file: ${css.match(/url\([^)]*\)/)[0]}`);
  await writeFile(join(out, "assets", "stocktake.css"), css);
  // www/'s other files (index.html, page.css) as they are; its modules only inside the bundle, and
  // its TypeScript declarations (www/types/, for npm run typecheck) not at all.
  for (const f of await files(www)) {
    const rel = relative(www, f);
    if (/^(?:styles|pkg|types)(?:\/|\\)/.test(rel) || /\.m?js$|\.d\.ts$/.test(f)) continue;
    await mkdir(dirname(join(out, rel)), { recursive: true });
    await cp(f, join(out, rel));
  }
  // The core, and the workshop build the trainers' pages load on first use (scripts/lib.sh): both
  // glues are bundled into the one module; the workshop wasm is fetched only when needed.
  await mkdir(join(out, "pkg"), { recursive: true });
  for (const name of ["stocktake", "stocktake_workshop"])
    await cp(join(root, "pkg", `${name}_bg.wasm`), join(out, "pkg", `${name}_bg.wasm`));
  const main = await bundle(join(www, "stocktake.mjs"), { inputs: true });
  await writeFile(join(out, "stocktake.mjs"), main.text);
  // The Word and Excel exporters, on their own: loaded only when a file is asked for.
  await writeFile(join(out, "stocktake-exports.mjs"), await bundleExporters("esm"));
  // The audit, peer and regional pages and the record's panel: loaded when one is first opened.
  const tools = await bundleTools(main.inputs);
  await writeFile(join(out, "stocktake-tools.mjs"), toolsModule(tools));
  const record = await buildRecord();
  await mkdir(join(out, "data"), { recursive: true });
  await writeFile(join(out, "data", "ilacs-record.json"), record);
  await addPreloads(out);
  await writeFramePage(out);
  await writeFile(join(out, "_headers"), headersFile(await readFile(join(out, "index.html"), "utf8"), ancestors));
  // The embedding example: a hostile fake intranet page hosting <stocktake-app>.
  await cp(join(root, "embed"), out, { recursive: true });
  // The offline file runs the same module graph from an inline script, which exports nothing.
  await buildOffline(
    out,
    css,
    record,
    await bundle({ contents: 'import "./stocktake.mjs";', resolveDir: www, sourcefile: "offline-entry.mjs" }),
    await bundleExporters("iife"),
    tools,
  );
  // Guard: nothing in the site may load from another origin or an absolute path.
  for (const f of await files(out)) {
    if (!/\.(html|m?js|css)$/.test(f)) continue;
    const text = await readFile(f, "utf8");
    const bad = text.match(/(?:src|href)\s*=\s*["'](?:https?:)?\/\/[^"']*|url\(\s*["']?(?:https?:)?\/\/[^)]*/);
    if (bad) throw new Error(`${relative(out, f)} refers to another origin: ${bad[0]}`);
  }
  const warning = wildcardWarning(ancestors);
  if (warning) console.warn(warning);
  const zip = await writeSiteZip(out, ancestors);
  return { css, frameAncestors: ancestors, zip };
}

/**
 * What a browser fetches from the site, and when: DEPLOY.txt (in the zip) and README ("What loads
 * when") list the same for web teams' allow-lists. The first visit's files (frame.html instead of
 * index.html in an iframe), then each file loaded only on first use, with what first uses it
 * (www/stocktake.mjs: loadWorkshop, loadExporters, loadTools, loadRecord). checkLoadList fails the
 * build when dist/ holds a file that is in neither list nor in OTHER_FILES.
 */
export const FIRST_VISIT = ["index.html", "page.css", "stocktake.mjs", "assets/stocktake.css", "pkg/stocktake_bg.wasm"];
export const ON_DEMAND_FILES = [
  [
    "pkg/stocktake_workshop_bg.wasm",
    "when a trainers' workshop page first opens (a scenario briefing, Compare participants)",
  ],
  ["stocktake-exports.mjs", "when a Word document or spreadsheet is first asked for"],
  [
    "stocktake-tools.mjs",
    "when the case-file audit, peer challenge or regional picture pages, or the public inspection\n      record's section on About your authority, first open (a retry after a failed load asks for\n      stocktake-tools.mjs?retry=1, ?retry=2 ...)",
  ],
  [
    "data/ilacs-record.json",
    "with stocktake-tools.mjs, when the public inspection record is first shown (About your\n      authority)",
  ],
];
/** The site's other files: never fetched by the service itself. */
export const OTHER_FILES = [
  [
    "frame.html",
    "the same page for an intranet's iframe (SharePoint's Embed web part), loading the same files as index.html",
  ],
  ["stocktake-offline.html", "the whole service in one file, to open from disk (file://); fetches nothing"],
  ["_headers", "each page's response headers (Netlify and Cloudflare Pages format)"],
  [
    "embed-example.html",
    "a test page showing the <stocktake-app> snippet on a hostile intranet page; need not be served",
  ],
  ["embed-example/", "its styles, script and logo"],
];

/** The site's files as zip paths ("/"-separated), sorted. */
async function siteFiles(out) {
  return (await files(out))
    .map((f) => relative(out, f).split(sep).join("/"))
    .filter((f) => !/^stocktake-site-.*\.zip$/.test(f))
    .sort();
}

function checkLoadList(names) {
  const listed = [...FIRST_VISIT, ...ON_DEMAND_FILES.map(([f]) => f), ...OTHER_FILES.map(([f]) => f)];
  for (const f of listed)
    if (!names.some((n) => n === f || (f.endsWith("/") && n.startsWith(f))))
      throw new Error(`build-dist.mjs lists ${f} as a file of the site, but dist/ has none`);
  for (const n of names)
    if (!listed.some((f) => n === f || (f.endsWith("/") && n.startsWith(f))))
      throw new Error(
        `dist/${n} is in no list of what loads when (FIRST_VISIT, ON_DEMAND_FILES, OTHER_FILES in build-dist.mjs): add it there and to README`,
      );
}

/**
 * The warning the build prints (and README gives) when STOCKTAKE_FRAME_ANCESTORS holds a wildcard
 * such as https://*.sharepoint.com: every SharePoint tenant, any organisation's, matches it.
 */
export function wildcardWarning(ancestors) {
  const wild = ancestors.split(/\s+/).filter((s) => s.includes("*"));
  if (!wild.length) return null;
  return `WARNING: STOCKTAKE_FRAME_ANCESTORS holds a wildcard (${wild.join(" ")}). Any site matching it may show frame.html inside its own page: https://*.sharepoint.com lets every organisation's SharePoint tenant frame Stocktake, not only yours. Name your own tenant instead (https://anytown.sharepoint.com).`;
}

/** The core's version, from Cargo.toml's [package] (the zip's name). */
export async function coreVersion() {
  const toml = await readFile(join(root, "Cargo.toml"), "utf8");
  const m = toml.match(/^\[package\]\n(?:(?!\[)[^\n]*\n)*?version\s*=\s*"([^"]+)"/m);
  if (!m) throw new Error("Cargo.toml has no [package] version");
  return m[1];
}

/** A fixed time for every zip entry, so that the same build gives the same bytes (local time, as zip stores it). */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * dist/stocktake-site-<version>.zip, for web teams who deploy without building: the folder
 * stocktake-site-<version>/ with every file of dist/ (the site, frame.html, the offline file,
 * _headers, the embedding example), DEPLOY.txt (deployNote) and SHA256SUMS (`sha256sum -c`
 * format, every other file in the zip). Entries sorted, fixed times, fflate's deflate at level 9:
 * the same dist/ gives a byte-identical zip. Returns its path.
 */
export async function writeSiteZip(out, ancestors) {
  const names = await siteFiles(out);
  checkLoadList(names);
  const version = await coreVersion();
  const entries = new Map();
  for (const n of names) entries.set(n, new Uint8Array(await readFile(join(out, n))));
  const csp = pageCsp(await readFile(join(out, "index.html"), "utf8"));
  entries.set("DEPLOY.txt", new TextEncoder().encode(deployNote({ version, csp, ancestors, names })));
  const sums = [...entries.keys()]
    .sort()
    .map((n) => `${createHash("sha256").update(entries.get(n)).digest("hex")}  ${n}\n`)
    .join("");
  entries.set("SHA256SUMS", new TextEncoder().encode(sums));
  const folder = `stocktake-site-${version}`;
  const zip = {};
  for (const n of [...entries.keys()].sort()) zip[`${folder}/${n}`] = [entries.get(n), { mtime: ZIP_TIME, level: 9 }];
  const path = join(out, `${folder}.zip`);
  await writeFile(path, zipSync(zip));
  return path;
}

/** DEPLOY.txt: what is in the zip, MIME types, headers, and what loads when. */
export function deployNote({ version, csp, ancestors, names }) {
  const col = (rows) => {
    const w = Math.max(...rows.map(([f]) => f.length));
    return rows.map(([f, what]) => `  ${f.padEnd(w)}  ${what}`).join("\n");
  };
  return `Stocktake ${version}: the built site, ready to serve. No Rust, Node or build step is needed.
README.md, "Deploying to an intranet", has copy-paste configuration for IIS, Apache and nginx.

WHAT IS INSIDE (folder stocktake-site-${version}/, ${names.length} site files)
${col([
  ...FIRST_VISIT.map((f) => [
    f,
    f === "index.html" ? "the page (the folder's address)" : "loaded by every first visit",
  ]),
  ...ON_DEMAND_FILES.map(([f]) => [f, "loaded on first use (below)"]),
  ...OTHER_FILES,
  ["DEPLOY.txt", "this note (need not be served)"],
  ["SHA256SUMS", "sha256 of every other file here: sha256sum -c SHA256SUMS (need not be served)"],
])}

Copy the folder's contents into one folder of a web server, served over HTTPS. Every path is
relative, so any folder works. The site needs no database, server code or outbound connection.

MIME TYPES
  .wasm  application/wasm (required: browsers refuse to compile wasm served as anything else)
  .mjs   text/javascript
  .html  text/html; .css text/css; .json application/json; .svg image/svg+xml

HEADERS (IIS, Apache and nginx do not read _headers: set them in the server's configuration)
  Every file:
    Content-Security-Policy: ${csp}; frame-ancestors 'none'
    X-Content-Type-Options: nosniff
    Referrer-Policy: no-referrer
  frame.html only (the same three, but the policy ends):
    ... frame-ancestors ${ancestors}
  This build's frame.html value is ${ancestors}${ancestors === "'none'" ? " (no page may frame it)" : ""}. To let your intranet frame it, set
  frame-ancestors to your own origins in the server configuration; no rebuild is needed. A wildcard
  tenant such as https://*.sharepoint.com lets ANY organisation's SharePoint frame the page: name
  your own tenant (https://anytown.sharepoint.com).

WHAT LOADS WHEN (all from this folder; nothing from any other origin)
  First visit (frame.html instead of index.html in an iframe):
${FIRST_VISIT.map((f) => `    ${f}`).join("\n")}
  Then each only on first use:
${ON_DEMAND_FILES.map(([f, when]) => `    ${f}\n      ${when}`).join("\n")}
  stocktake-offline.html, opened from disk, loads nothing at all.
`;
}

/**
 * wasm-bindgen's glue is imported as www/pkg/…, as if pkg/ were inside www/; wasm-pack writes it
 * to the top-level pkg/.
 */
const pkgBesideWww = {
  name: "pkg-beside-www",
  setup(build) {
    build.onResolve({ filter: /^\.\/pkg\// }, (args) =>
      args.importer === join(www, "stocktake.mjs") ? { path: join(root, args.path) } : undefined,
    );
  },
};

/**
 * Performance: the hosted page's JavaScript is one file, dist/stocktake.mjs, made by esbuild from
 * www/stocktake.mjs's whole module graph: the page's modules, wasm-bindgen's glue and the modules
 * the first page does not wait for, which app.mjs imports dynamically (without `splitting`,
 * esbuild puts a dynamically imported module in the same file and runs it when import() is
 * called). Measured: each request costs the browser work of its own and a browser opens only
 * about six connections to one server, so the 18 files the first page waited for (23 in all)
 * arrived 230–410 ms after navigation; one joined file made the page usable ~110 ms sooner
 * (docs/performance.md). All of the graph must be in the one file: a module loaded on its own
 * would get its own second copy of the modules it shares with the rest (dom.mjs, storage.mjs …).
 * Minified, so no comments are served (licence comments go to the end, as esbuild does). www/
 * stays plain ES modules. `entry` is a file path or esbuild's `stdin` options.
 */
export async function bundle(entry, { inputs = false } = {}) {
  const result = await esbuild.build({
    absWorkingDir: root,
    ...(typeof entry === "string" ? { entryPoints: [entry] } : { stdin: entry }),
    bundle: true,
    format: "esm",
    platform: "browser",
    minify: true,
    charset: "utf8",
    write: false,
    outfile: join(dist, "stocktake.mjs"),
    metafile: true,
    logLevel: "silent",
    plugins: [pkgBesideWww],
  });
  for (const w of result.warnings)
    console.warn(`esbuild: ${w.text}${w.location ? ` (${w.location.file}:${w.location.line})` : ""}`);
  const [output] = Object.values(result.metafile.outputs);
  const outside = output.imports.filter((i) => i.external);
  if (outside.length) throw new Error(`the bundle would load other files: ${outside.map((i) => i.path).join(", ")}`);
  const text = result.outputFiles[0].text;
  // With `inputs`, also the absolute paths of the modules in it (bundleTools shares them).
  return inputs ? { text, inputs: new Set(Object.keys(output.inputs).map((f) => join(root, f))) } : text;
}

/** The modules only the tools chunk has: never in the first visit's bundle (checked below). */
const TOOLS_ONLY = [
  "pages/audits/common.mjs",
  "pages/audits/list.mjs",
  "pages/audits/form.mjs",
  "pages/audits/import.mjs",
  "pages/peer/common.mjs",
  "pages/peer/pack.mjs",
  "pages/peer/review.mjs",
  "pages/peer/exchange.mjs",
  "pages/peer/holds.mjs",
  "pages/peer/open.mjs",
  "pages/regional.mjs",
  "pages/regional-files.mjs",
  "pages/regional-region.mjs",
  "domain/peer.mjs",
  "pages/record-panel.mjs",
  "domain/record.mjs",
  "domain/regional.mjs",
  "domain/region-figures.mjs",
];

/**
 * Performance: www/pages/tools.mjs (the case-file audit, peer challenge and regional pages, and the
 * public record's panel on the About page, with peer.mjs, regional.mjs and record.mjs) is most of
 * the page's JavaScript that a director's first visit never runs, so it is a file of its own,
 * dist/stocktake-tools.mjs, loaded the first time one of those is opened (App.tools()). It imports
 * modules the first visit's bundle has (dom.mjs, govuk.mjs, files.mjs …: `mainInputs`, that
 * bundle's modules): bundling them again would give the chunk second copies with state of their own,
 * so each such import becomes a look-up in `__stocktakeShared`, the object of those modules that the
 * page passes in (shell/modules.mjs, SHARED), and the chunk is the body of a function of it: toolsModule for
 * the served site, inline in the offline file (buildOffline). Fails the build unless SHARED lists
 * exactly the modules the chunk takes from the first visit's bundle, and when the first visit's
 * bundle contains a module of the chunk's (TOOLS_ONLY). Returns the function's body (an iife
 * setting the local `__stocktakeTools`).
 */
export async function bundleTools(mainInputs) {
  for (const name of TOOLS_ONLY)
    if (mainInputs.has(join(www, name)))
      throw new Error(`www/${name} is in the first visit's bundle; it belongs to the tools chunk only`);
  const shared = new Set();
  const shareMain = {
    name: "share-main",
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const path = join(args.resolveDir, args.path);
        if (!mainInputs.has(path)) return undefined;
        const name = relative(www, path);
        if (name.startsWith("..")) throw new Error(`the tools chunk imports ${relative(root, path)}, outside www/`);
        shared.add(name);
        // A CommonJS module (.cjs), so that the chunk reads each import from it when used.
        return { path: `${name}.cjs`, namespace: "stocktake-shared" };
      });
      build.onLoad({ filter: /.*/, namespace: "stocktake-shared" }, (args) => {
        const name = JSON.stringify(args.path.slice(0, -".cjs".length));
        return {
          contents: `const m = __stocktakeShared[${name}];\nif (!m) throw new Error("the page did not share " + ${name} + " with its tools");\nmodule.exports = m;\n`,
          loader: "js",
        };
      });
    },
  };
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [join(www, "pages", "tools.mjs")],
    bundle: true,
    format: "iife",
    globalName: "__stocktakeTools",
    platform: "browser",
    minify: true,
    charset: "utf8",
    write: false,
    outfile: join(dist, "stocktake-tools.mjs"),
    metafile: true,
    logLevel: "silent",
    plugins: [shareMain],
  });
  for (const w of result.warnings)
    console.warn(`esbuild: ${w.text}${w.location ? ` (${w.location.file}:${w.location.line})` : ""}`);
  const [output] = Object.values(result.metafile.outputs);
  if (output.imports.length)
    throw new Error(`the tools chunk would load other files: ${output.imports.map((i) => i.path).join(", ")}`);
  const source = await readFile(join(www, "shell", "modules.mjs"), "utf8");
  const listed = new Set(
    [...source.matchAll(/^ {2}"([\w-]+\/[\w-]+\.mjs)": \(\) => import\("\.\.\/\1"\),$/gm)].map((m) => m[1]),
  );
  const missing = [...shared].filter((n) => !listed.has(n));
  const extra = [...listed].filter((n) => !shared.has(n));
  if (missing.length || extra.length)
    throw new Error(
      `shell/modules.mjs's SHARED must list exactly the modules the tools chunk takes from the first visit's bundle: ${[
        missing.length ? `add ${missing.join(", ")}` : "",
        extra.length ? `remove ${extra.join(", ")}` : "",
      ]
        .filter(Boolean)
        .join("; ")}`,
    );
  const text = result.outputFiles[0].text;
  const bad = text.match(/\beval\(|new Function\(|new Worker\(/);
  if (bad) throw new Error(`the tools chunk contains ${bad[0]}, which the page's CSP refuses`);
  return text;
}

/** The served site's dist/stocktake-tools.mjs: its default export is bundleTools' function. */
export function toolsModule(tools) {
  return `export default function(__stocktakeShared){\n${tools}\nreturn __stocktakeTools;\n}\n`;
}

/**
 * www/exports/office.mjs (makeDocx, makeXlsx with the `docx` and `write-excel-file` libraries)
 * as a file of its own, so that the first visit never downloads it: the page imports
 * dist/stocktake-exports.mjs when the user first asks for a Word or Excel file. It shares no module
 * with the page (it takes plain descriptions, www/exports/report.mjs), so nothing is loaded twice.
 * `format` "esm" for the served site; "iife" for the offline file, which carries the code inline
 * as the body of a function called on first use (setting the local `__stocktakeExporters`).
 */
export async function bundleExporters(format) {
  const result = await esbuild.build({
    entryPoints: [join(www, "exports", "office.mjs")],
    bundle: true,
    format,
    ...(format === "iife" ? { globalName: "__stocktakeExporters" } : {}),
    platform: "browser",
    minify: true,
    charset: "utf8",
    write: false,
    outfile: join(dist, "stocktake-exports.mjs"),
    metafile: true,
    logLevel: "silent",
  });
  for (const w of result.warnings)
    console.warn(`esbuild: ${w.text}${w.location ? ` (${w.location.file}:${w.location.line})` : ""}`);
  const [output] = Object.values(result.metafile.outputs);
  if (output.imports.length)
    throw new Error(`the exporters would load other files: ${output.imports.map((i) => i.path).join(", ")}`);
  const text = result.outputFiles[0].text;
  // The page's CSP has no 'unsafe-eval' and no blob: workers: the exporters must need neither.
  const bad = text.match(/\beval\(|new Function\(|new Worker\(/);
  if (bad) throw new Error(`the exporters' bundle contains ${bad[0]}, which the page's CSP refuses`);
  return text;
}

/**
 * Performance: without hints the browser finds the wasm only once dist/stocktake.mjs has arrived
 * and run (wasm-bindgen's init fetches it), and the shadow root's stylesheet only once the element
 * has connected. dist/index.html therefore names both up front, so they load in parallel with the
 * script: the wasm as `preload` as fetch with crossorigin, as wasm-bindgen's init fetches it, so
 * the preloaded response is reused and compiled with instantiateStreaming; then the stylesheet.
 * All same-origin, so the CSP allows them. The offline file drops these links (it inlines
 * everything).
 */
async function addPreloads(dist) {
  const index = join(dist, "index.html");
  const links = [
    `<link rel="preload" href="pkg/stocktake_bg.wasm" as="fetch" type="application/wasm" crossorigin>`,
    `<link rel="preload" href="assets/stocktake.css" as="style">`,
  ];
  const html = await readFile(index, "utf8");
  const tag = '<script type="module" src="stocktake.mjs"></script>';
  if (!html.includes(tag)) throw new Error("index.html has no stocktake.mjs script tag");
  await writeFile(
    index,
    html.replace(tag, () => `${tag}\n  ${links.join("\n  ")}`),
  );
}

/**
 * The CSP source list of frame-ancestors for frame.html, from STOCKTAKE_FRAME_ANCESTORS: origins
 * separated by spaces ("https://council.sharepoint.com https://intranet.anytown.gov.uk"), each
 * https (http only for localhost and 127.0.0.1, for testing), a host with an optional "*." and
 * port, no path; or 'self'. Unset or empty: 'none', so the default build refuses every frame.
 * Anything else stops the build: the value goes into a header, so it must not smuggle directives.
 */
export function frameAncestorsSource(value) {
  const sources = (value ?? "").trim().split(/\s+/).filter(Boolean);
  if (!sources.length) return "'none'";
  for (const s of sources)
    if (
      !/^(?:'self'|https:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?|http:\/\/(?:localhost|127\.0\.0\.1)(?::\d{1,5})?)$/i.test(
        s,
      )
    )
      throw new Error(
        `STOCKTAKE_FRAME_ANCESTORS: "${s}" is not an origin such as https://council.sharepoint.com (https, a host name, an optional port, no path), nor 'self'`,
      );
  return sources.join(" ");
}

/**
 * dist/frame.html: the page an intranet shows in an iframe (SharePoint's Embed web part, or any
 * page that cannot run our script). The same as index.html; only its headers differ (headersFile).
 * Its data-* attributes are the embed snippet's: the web team edits them in the copied file.
 */
async function writeFramePage(dist) {
  const html = await readFile(join(dist, "index.html"), "utf8");
  const tag = '<stocktake-app data-storage="local" data-title></stocktake-app>';
  if (!html.includes(tag)) throw new Error("index.html has no <stocktake-app> element as frame.html expects");
  await writeFile(
    join(dist, "frame.html"),
    html.replace(
      tag,
      () =>
        `<!-- Shown inside an intranet page's iframe: README, "Putting Stocktake on SharePoint Online". Set data-authority, data-colour, data-logo and data-framework here as for the embed snippet. -->\n  ${tag}`,
    ),
  );
}

/** index.html's own Content-Security-Policy (its <meta> element), without frame-ancestors. */
export function pageCsp(indexHtml) {
  const meta = indexHtml.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  if (!meta) throw new Error("index.html has no Content-Security-Policy <meta> element");
  return meta[1];
}

/**
 * dist/_headers: each page's response headers, in the _headers format of Netlify and Cloudflare
 * Pages, which scripts/static-server.mjs also reads. frame-ancestors is the one directive a page
 * cannot set for itself (browsers ignore it in a <meta> element), so the server must send it:
 * 'none' for index.html (no page may frame it), `ancestors` for frame.html. The rest of the
 * policy is index.html's own <meta> policy, repeated. README, "Deploying to an intranet", gives
 * the same headers for IIS, Apache and nginx.
 */
export function headersFile(indexHtml, ancestors) {
  const policy = pageCsp(indexHtml);
  const csp = (frame) => `  Content-Security-Policy: ${policy}; frame-ancestors ${frame}`;
  const block = (path, frame) =>
    [path, csp(frame), "  X-Content-Type-Options: nosniff", "  Referrer-Policy: no-referrer"].join("\n");
  return `${[
    "# Response headers for Stocktake's pages (Netlify/Cloudflare Pages _headers format; scripts/static-server.mjs reads it).",
    `# frame.html may be shown in an iframe by: ${ancestors} (STOCKTAKE_FRAME_ANCESTORS when built).`,
    block("/", "'none'"),
    block("/index.html", "'none'"),
    block("/frame.html", ancestors),
  ].join("\n")}\n`;
}

/**
 * The public record of ILACS inspections (data/ofsted-ilacs/, see its README) as the compact JSON
 * the page loads only when the user opens the feature: dist/data/ilacs-record.json, inlined in the
 * offline file. Built by scripts/record-data.mjs (the history with the corrections applied, the
 * lookup with the aliases), with the published figures (data/dfe/published-figures.json, made by
 * scripts/figures-data.mjs) beside it as `figures`. Fails the build when our own data files do not read, or when the
 * committed RECORD-NOTE.md is not what the script makes (a new copy with new faults must be looked
 * at first: run `node scripts/record-data.mjs`).
 */
export async function buildRecord() {
  const { record, note, problems } = await buildRecordData();
  const committed = await readFile(join(root, "data", "ofsted-ilacs", NOTE_FILE), "utf8").catch(() => "");
  if (committed !== note)
    problems.push(`data/ofsted-ilacs/${NOTE_FILE} is not current: run node scripts/record-data.mjs`);
  if (problems.length) throw new Error(`data/ofsted-ilacs does not build: ${problems.join("; ")}`);
  // The published figures (data/dfe/, scripts/figures-data.mjs) travel with the record: loaded
  // together on first use, by DfE code.
  const figures = JSON.parse(await readFile(join(root, "data", "dfe", "published-figures.json"), "utf8"));
  return JSON.stringify({ ...record, figures });
}

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/**
 * dist/stocktake-offline.html: one self-contained file (styles, scripts, both wasm builds, the
 * exporters and the tools chunk inlined; the exporters' code runs only when a file is first asked
 * for, the tools' when one of their pages is first opened) that runs
 * from disk (file://) with no network. Its CSP allows only its own inline script and style, by
 * hash, and no connections at all.
 */
async function buildOffline(dist, css, record, bundle, exporters, tools) {
  const html = await readFile(join(dist, "index.html"), "utf8");
  const pageCss = await readFile(join(dist, "page.css"), "utf8");
  const wasm = (await readFile(join(dist, "pkg", "stocktake_bg.wasm"))).toString("base64");
  const workshopWasm = (await readFile(join(dist, "pkg", "stocktake_workshop_bg.wasm"))).toString("base64");
  const script = `\nglobalThis.__stocktakeInline = { css: ${JSON.stringify(css)}, wasm: "${wasm}", workshopWasm: "${workshopWasm}", exporters() {\n${exporters}\nreturn __stocktakeExporters;\n}, tools(__stocktakeShared) {\n${tools}\nreturn __stocktakeTools;\n}, record: ${record} };\n${bundle}\n`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(pageCss)}`,
    "img-src data:",
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
  const out = html
    .replace(
      /<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
      () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    )
    .replace(/\s*<link rel="(?:modulepreload|preload)"[^>]*>/g, "")
    .replace(/<link rel="stylesheet" href="page.css">/, () => `<style>${pageCss}</style>`)
    .replace(
      /<script type="module" src="stocktake.mjs"><\/script>/,
      () => `<script type="module">${script.replaceAll("</script", "<\\/script")}</script>`,
    );
  if (out.includes('src="') && /<script[^>]+src=/.test(out)) throw new Error("offline file still loads a script");
  if (/<link rel="stylesheet"/.test(out)) throw new Error("offline file still loads a stylesheet");
  if (/<link rel="(?:modulepreload|preload)"/.test(out)) throw new Error("offline file still preloads a file");
  if (!out.includes("__stocktakeInline")) throw new Error("offline file has no inline bundle");
  await writeFile(join(dist, "stocktake-offline.html"), out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { frameAncestors, zip } = await buildDist();
  console.log(`dist/ assembled: ${(await files(dist)).map((f) => relative(dist, f)).join(", ")}`);
  console.log(`frame.html may be framed by: ${frameAncestors}`);
  console.log(`site zip: ${relative(root, zip)} (${(await readFile(zip)).length} bytes)`);
  const warning = wildcardWarning(frameAncestors);
  if (warning) console.warn(warning);
}
