// The in-page router's addresses: which pages exist, and the fragment each has.
import { startPage, clearPage, startAgainPage } from "../pages/start.mjs";
import { aboutPage } from "../pages/about.mjs";
import { tasksPage, checkPage } from "../pages/tasks.mjs";
import { areaPage, indicatorsPage } from "../pages/area.mjs";

export const PAGES = {
  start: startPage,
  clear: clearPage,
  "start-again": startAgainPage,
  about: aboutPage,
  tasks: tasksPage,
  area: areaPage,
  indicators: indicatorsPage,
  check: checkPage,
  // [LATER module, its page function]
  results: ["results", "resultsPage"],
  timeline: ["results", "timelinePage"],
  actions: ["results", "actionsPage"],
  report: ["results", "reportPage"],
  compare: ["results", "comparePage"],
  // [LATER module, its page function, "workshop": the page also needs the workshop core]
  briefing: ["workshop", "briefingPage", "workshop"],
  "workshop-compare": ["workshop", "workshopComparePage", "workshop"],
  protect: ["protect", "protectPage"],
  // [ON_DEMAND module, its page function]: peer challenge and the regional picture (issue 19),
  // case-file audits, in the tools chunk that a first visit does not load.
  peer: ["tools", "peerPage"],
  "peer-pack": ["tools", "peerPackPage"],
  "peer-review": ["tools", "peerReviewPage"],
  regional: ["tools", "regionalPage"],
  audits: ["tools", "auditsPage"],
  audit: ["tools", "auditPage"],
  "audits-import": ["tools", "auditsImportPage"],
};

/**
 * Addresses. Every page has its own history entry and address in the fragment, so that Back,
 * Forward and a reload work as people expect, from file:// as well as over HTTP, and inside an
 * intranet page that hosts the element (the host keeps its path and query; only a fragment that
 * starts with this prefix is ours, and any other is left to the host). Only string parameters
 * (an area's id, a framework, a scenario) are part of an address; the rest of a page's
 * parameters (showing errors, a message after saving) belong to the moment and are not kept.
 */
export const HASH_PREFIX = "#stocktake/";

/** Pages that show without an assessment; any other page reopened from an address needs one. */
export const NO_ASSESSMENT_NEEDED = new Set([
  "start",
  "clear",
  "about",
  "briefing",
  "workshop-compare",
  "peer-review",
  "regional",
]);

/** The parameters of a page that belong in its address. */
export function addressParams(params) {
  const kept = {};
  for (const [k, v] of Object.entries(params ?? {})) if (typeof v === "string") kept[k] = v;
  return kept;
}

/** The address of page `name` with `params`: "#stocktake/area?id=help_and_protection". */
export function routeHash(name, params = {}) {
  const query = new URLSearchParams(addressParams(params)).toString();
  return `${HASH_PREFIX}${encodeURIComponent(name)}${query ? `?${query}` : ""}`;
}

/** The page and parameters of an address of ours, or null for any other fragment. */
export function parseHash(hash) {
  if (typeof hash !== "string" || !hash.startsWith(HASH_PREFIX)) return null;
  const rest = hash.slice(HASH_PREFIX.length);
  const q = rest.indexOf("?");
  let name;
  try {
    name = decodeURIComponent(q < 0 ? rest : rest.slice(0, q));
  } catch {
    return null;
  }
  if (!Object.hasOwn(PAGES, name)) return null;
  return { name, params: q < 0 ? {} : Object.fromEntries(new URLSearchParams(rest.slice(q + 1))) };
}

/** Whether two address parameter objects are the same. */
export function sameParams(a, b) {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b ?? {}).length && ka.every((k) => a[k] === b?.[k]);
}
