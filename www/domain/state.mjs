// The assessment being edited: creating one, and changing it by path so that empty values are
// removed (an answer with nothing in it is not stored, so task statuses stay honest).

/**
 * A new, empty assessment in the saved-file format. `limits` is the core's `fileLimits()`: the
 * format's name and version are the core's, never written twice.
 */
export function newAssessment(limits, frameworkId, authority, today) {
  return {
    format: limits.format,
    version: limits.formatVersion,
    framework: frameworkId,
    authority: authority || "",
    assessedOn: today,
    answers: {},
    indicators: {},
    history: { lastInspection: null, focusedVisits: [], monitoring: null, interventions: [] },
  };
}

function isEmptyValue(v) {
  return (
    v === undefined ||
    v === null ||
    v === "" ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0)
  );
}

/**
 * Sets `path` ("answers.hp_1.action.due" or an array of keys) in `obj`. Empty values delete the key
 * and prune emptied objects below the first `keep` levels (top-level members such as `answers` stay).
 */
export function setPath(obj, path, value, keep = 2) {
  const keys = Array.isArray(path) ? path : path.split(".");
  const chain = [obj];
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    if (cur[k] == null || typeof cur[k] !== "object") {
      if (isEmptyValue(value)) return obj;
      cur[k] = {};
    }
    cur = cur[k];
    chain.push(cur);
  }
  const last = keys[keys.length - 1];
  if (isEmptyValue(value)) delete cur[last];
  else cur[last] = value;
  for (let i = keys.length - 1; i >= keep; i--) {
    if (isEmptyValue(chain[i])) delete chain[i - 1][keys[i - 1]];
    else break;
  }
  return obj;
}

/** Reads `path` from `obj` (undefined when any step is missing). */
export function getPath(obj, path) {
  const keys = Array.isArray(path) ? path : path.split(".");
  let cur = obj;
  for (const k of keys) {
    if (cur == null) return undefined;
    cur = cur[k];
  }
  return cur;
}

/** Field path → element id used in the page (dots are fine in ids, but not in CSS selectors). */
export function fieldId(path) {
  return String(path).replace(/[^A-Za-z0-9_-]/g, "-");
}

/** Deep copy of plain JSON data. */
export function cloneJson(value) {
  return value == null ? value : JSON.parse(JSON.stringify(value));
}
