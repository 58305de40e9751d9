// Which of the page's modules load when: LATER (straight after start-up, not waited for), SHARED
// (the first visit's modules the tools chunk takes instead of carrying its own copies) and ON_DEMAND
// (the tools chunk, on first use).
/**
 * Modules the first page does not need. stocktake.mjs calls `loadLater()` as soon as this module
 * has run, before the page is ready, so (were they served as separate files) they would be
 * requested at start-up and nothing after the page has loaded, but the first page would not wait
 * for them. crypto.mjs is listed, though only files.mjs imports it, so that it would be requested
 * at once rather than after files.mjs had arrived. The served site has them in its one file,
 * dist/stocktake.mjs, with the rest, so there these imports resolve at once.
 */
const LATER = {
  results: () => import("../pages/results.mjs"),
  workshop: () => import("../pages/workshop.mjs"),
  protect: () => import("../pages/protect.mjs"),
  files: () => import("../domain/files.mjs"),
  crypto: () => import("../domain/crypto.mjs"),
};

/**
 * The modules of the first visit's bundle that the tools chunk (tools.mjs: the audit, peer and
 * regional pages and the public record's panel) imports, by file name. The tools chunk is a
 * separate file whose imports of these become look-ups in this object, so that it shares their
 * one copy (and their state) instead of carrying its own: scripts/build-dist.mjs (bundleTools)
 * fails the build unless this list is exactly what the chunk imports from the first visit's
 * modules.
 */
const SHARED = {
  "domain/crypto.mjs": () => import("../domain/crypto.mjs"),
  "ui/dom.mjs": () => import("../ui/dom.mjs"),
  "domain/family.mjs": () => import("../domain/family.mjs"),
  "domain/files.mjs": () => import("../domain/files.mjs"),
  "ui/format.mjs": () => import("../ui/format.mjs"),
  "ui/govuk.mjs": () => import("../ui/govuk.mjs"),
  "pages/protect.mjs": () => import("../pages/protect.mjs"),
  "pages/record-section.mjs": () => import("../pages/record-section.mjs"),
  "exports/report.mjs": () => import("../exports/report.mjs"),
  "domain/state.mjs": () => import("../domain/state.mjs"),
};

/** SHARED's modules, loaded, by file name. */
async function sharedModules() {
  const names = Object.keys(SHARED);
  const loaded = await Promise.all(names.map((name) => SHARED[name]()));
  return Object.fromEntries(names.map((name, i) => [name, loaded[i]]));
}

/**
 * Modules loaded only when first needed, never at start-up: `tools`, the tools chunk
 * (stocktake.mjs's loadTools: dist/stocktake-tools.mjs, or inline in the offline file). Unlike
 * LATER's, a failed load is forgotten, so the next attempt fetches it again.
 */
export const ON_DEMAND = {
  tools: (app) => sharedModules().then((shared) => app.loadTools(shared)),
};
export const later = new Map();

/** Resolves to the LATER or ON_DEMAND module `name`, starting its import on first use. */
export function laterModule(name, app) {
  let entry = later.get(name);
  if (!entry) {
    entry = { module: null, promise: null };
    const onDemand = ON_DEMAND[name];
    entry.promise = (onDemand ? onDemand(app) : LATER[name]()).then((m) => (entry.module = m));
    if (onDemand)
      entry.promise.catch(() => {
        if (later.get(name) === entry) later.delete(name);
      });
    later.set(name, entry);
  }
  return entry.promise;
}

/** Starts importing every LATER module (a failure shows when a page needs that module). */
export function loadLater() {
  for (const name of Object.keys(LATER)) laterModule(name).catch(() => {});
}
