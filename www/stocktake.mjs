// Stocktake's entry point: defines <stocktake-app>, which renders the whole service inside its
// own shadow root so that it neither breaks nor is broken by the page that hosts it.
// Configuration comes from data-* attributes (see README, "Embedding in an intranet page").
//
// Start-up order, for speed: this module imports only wasm-bindgen's small glue, so the wasm is
// compiled (streaming, as it arrives) from the moment the element connects; the page's own modules
// (shell/app.mjs and what it imports) come through a dynamic import instead of holding this module
// back until all of them have arrived. The served site joins this module and everything it
// imports into one file, dist/stocktake.mjs (scripts/build-dist.mjs says why); there the
// dynamic import resolves at once.
// wasm-bindgen's glue is build output (pkg/, beside www/ as scripts/build-dist.mjs resolves it), so
// the type-checker cannot see it: its API is typed by types/api.d.ts's Core where it is returned.
// @ts-expect-error TS2307: build output, not in the source tree
import init, * as core from "./pkg/stocktake.js";

const base = new URL(".", import.meta.url);
// The offline single file (dist/stocktake-offline.html) carries its styles and wasm inline.
const inline = globalThis.__stocktakeInline ?? null;
let coreReady;
let wasmExports = null;

function decodeBase64(text) {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * Loads the wasm core once; resolves to its API (the functions documented in the README).
 * @returns {Promise<import("./types/api").Core>}
 */
export function loadCore() {
  coreReady ??= init({
    module_or_path: inline ? decodeBase64(inline.wasm) : new URL("pkg/stocktake_bg.wasm", base),
  }).then((exports) => {
    wasmExports = exports;
    return core;
  });
  return coreReady;
}

let workshopReady;

/**
 * Loads the workshop build of the core once: the same core plus `scenario(id)` and
 * `compareParticipants`, which only the trainers' pages use (Cargo.toml, feature `workshop`), so the
 * core every page loads first stays small. Resolves to its API. Called when a workshop page is
 * first opened; it fetches only this folder's own files.
 * @returns {Promise<import("./types/api").WorkshopCore>}
 */
export function loadWorkshop() {
  // @ts-expect-error TS2307: build output, typed by types/api.d.ts's WorkshopCore (see the first import)
  workshopReady ??= import("./pkg/stocktake_workshop.js").then((workshop) =>
    workshop
      .default({
        module_or_path: inline ? decodeBase64(inline.workshopWasm) : new URL("pkg/stocktake_workshop_bg.wasm", base),
      })
      .then(() => workshop),
  );
  return workshopReady;
}

let exportersReady;

/**
 * Loads the exporters once (www/exports/office.mjs: makeDocx and makeXlsx, with the `docx` and
 * `write-excel-file` libraries), the first time the user asks for a Word or Excel file: the served
 * site has them in their own file, dist/stocktake-exports.mjs, which the first visit never loads;
 * the offline file carries them inline, evaluated only now. Resolves to the module.
 */
export function loadExporters() {
  exportersReady ??= (
    inline?.exporters
      ? Promise.resolve().then(() => inline.exporters())
      : import(new URL("stocktake-exports.mjs", base).href)
  ).catch((err) => {
    exportersReady = null;
    throw err;
  });
  return exportersReady;
}

let toolsReady;
let toolsAttempts = 0;

/**
 * Loads the tools chunk once (www/pages/tools.mjs: the case-file audit, peer challenge and regional
 * pages and the public record's panel), the first time one of them is needed: the served site has
 * it in its own file, dist/stocktake-tools.mjs, which the first visit never loads; the offline file
 * carries it inline, evaluated only now. The chunk is a function of `shared`, the modules it shares
 * with the page (app.mjs, SHARED), so it has no copies of its own. Resolves to its exports; a
 * failure is forgotten, so the next call fetches it again.
 */
export function loadTools(shared) {
  if (!toolsReady) {
    // A browser may remember a failed import of a URL: a retry asks with a query of its own.
    const retry = toolsAttempts++;
    toolsReady = (
      inline?.tools
        ? Promise.resolve().then(() => inline.tools(shared))
        : import(new URL(`stocktake-tools.mjs${retry ? `?retry=${retry}` : ""}`, base).href).then((m) =>
            m.default(shared),
          )
    ).catch((err) => {
      toolsReady = null;
      throw err;
    });
  }
  return toolsReady;
}

let recordReady;

/**
 * Loads the public record of ILACS inspections once (data/ilacs-record.json, made at build time
 * from data/ofsted-ilacs/): our own static file, fetched only when the user opens the feature, so
 * neither the wasm nor the first visit carries it. The offline file has it inline.
 */
export function loadRecord() {
  recordReady ??= (
    inline
      ? Promise.resolve(inline.record)
      : fetch(new URL("data/ilacs-record.json", base)).then((r) => {
          if (!r.ok) throw new Error(`the inspection record did not load (${r.status})`);
          return r.json();
        })
  ).catch((err) => {
    recordReady = null;
    throw err;
  });
  return recordReady;
}

/** Bytes of linear memory the wasm core holds (for the benchmark); 0 before it loads. */
export function wasmMemoryBytes() {
  return wasmExports ? wasmExports.memory.buffer.byteLength : 0;
}

/**
 * The start page's one-off work that needs only the core and the browser, begun while the page's
 * own modules may still be loading: the core's first calls to frameworks() and scenarios() (the
 * wasm compiles those functions on first use and reads its embedded data), and opening the
 * configured web storage (the first access is a synchronous round trip to the browser). The app
 * makes the same calls again moments later, then at no cost.
 */
function warmUp(core, storage) {
  try {
    if (storage === "local") void localStorage.length;
    else if (storage === "session") void sessionStorage.length;
  } catch {
    // storage.mjs finds out again and says so
  }
  core.then(
    (api) => {
      try {
        api.frameworks();
        api.scenarios();
      } catch {
        // the app calls them again and handles any error
      }
    },
    () => {},
  );
}

/** Adds the stylesheet to the shadow root; resolves once it applies. */
function addStyles(root) {
  if (inline) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(inline.css);
    root.adoptedStyleSheets = [sheet];
    return Promise.resolve();
  }
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = new URL("assets/stocktake.css", base).href;
  root.append(link);
  return new Promise((ok, fail) => {
    link.addEventListener("load", ok, { once: true });
    link.addEventListener("error", () => fail(new Error("its stylesheet did not load")), { once: true });
  });
}

/** The header's background when data-colour is absent or refused (govuk-frontend 6's black). */
export const DEFAULT_COLOUR = "#0b0c0c";

/**
 * The contrast ratio (WCAG 2.2) of the header's white text on `colour`, or null when `colour` is
 * not a CSS colour or is not opaque (then the contrast would depend on what is behind it). The
 * colour is painted on a 1×1 canvas, which turns any CSS colour syntax into sRGB bytes.
 */
export function contrastWithWhite(colour) {
  if (!colour || typeof CSS === "undefined" || !CSS.supports("color", colour)) return null;
  const canvas = document.createElement("canvas");
  canvas.width = 1;
  canvas.height = 1;
  const ctx = canvas.getContext("2d", { willReadFrequently: true });
  if (!ctx) return null;
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  if (a !== 255) return null;
  const lin = (v) => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return 1.05 / (luminance + 0.05);
}

/**
 * data-colour if the header's white text on it has a contrast of at least 4.5:1 (WCAG 2.2 AA),
 * otherwise "" (the default black) with a console warning saying why.
 */
function headerColour(colour) {
  if (!colour) return "";
  const ratio = contrastWithWhite(colour);
  if (ratio !== null && ratio >= 4.5) return colour;
  console.warn(
    ratio === null
      ? `Stocktake: data-colour "${colour}" is not an opaque CSS colour, so the header uses its default colour (${DEFAULT_COLOUR}).`
      : `Stocktake: data-colour "${colour}" gives the header's white text a contrast of ${ratio.toFixed(2)}:1, below the 4.5:1 that WCAG 2.2 AA needs, so the header uses its default colour (${DEFAULT_COLOUR}).`,
  );
  return "";
}

function inFrame() {
  try {
    return window.self !== window.top;
  } catch {
    return true;
  }
}

/** Reads the element's data-* configuration. */
function configOf(el) {
  const d = el.dataset;
  return {
    // Whether Stocktake may set document.title: only when the page asks (index.html does); an
    // intranet page hosting it keeps its own title.
    title: d.title !== undefined && d.title !== "false",
    // A host page with its own <main> gets no second one from us.
    landmark: !document.querySelector("main, [role=main]"),
    framework: d.framework || null,
    storage: ["local", "session", "none"].includes(d.storage) ? d.storage : "local",
    authority: d.authority || "",
    // The protective marking on peer challenge packs, responses and their printouts (issue 29):
    // OFFICIAL-SENSITIVE unless the host page says otherwise; data-marking="" for none.
    marking: d.marking !== undefined ? d.marking.trim().slice(0, 60) : "OFFICIAL-SENSITIVE",
    colour: headerColour(d.colour || ""),
    logo: d.logo || "",
    // Opened from disk: storage is shared by every local file in this browser profile.
    offline: location.protocol === "file:",
    // Shown in another page's iframe (frame.html on an intranet or SharePoint page): browsers
    // keep such a frame's storage apart for each site that frames it (README, storage partitioning).
    framed: inFrame(),
  };
}

export class StocktakeApp extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: "open" });
    const mount = document.createElement("div");
    mount.className = "st-root govuk-frontend-supported govuk-template__body";
    mount.hidden = true;
    const config = configOf(this);
    const core = loadCore();
    const styled = addStyles(root);
    const app = import("./shell/app.mjs").then((m) => {
      m.loadLater();
      return m;
    });
    warmUp(core, config.storage);
    root.append(mount);
    if (config.colour) this.style.setProperty("--st-brand", config.colour);
    Promise.all([core, styled, app])
      .then(([api, , { App }]) => {
        mount.hidden = false;
        this.app = new App(mount, api, config, loadWorkshop, loadExporters, loadRecord, loadTools);
        this.app.start();
        this.dataset.ready = "true";
        this.dispatchEvent(new CustomEvent("stocktake:ready", { bubbles: true }));
      })
      .catch((err) => {
        mount.hidden = false;
        mount.textContent = `Stocktake could not start in this browser: ${err.message}`;
      });
  }
}

if (!customElements.get("stocktake-app")) customElements.define("stocktake-app", StocktakeApp);
