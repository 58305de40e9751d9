// The core's problems in the words of GOV.UK's error message patterns. The core reports each
// problem as { field, code, message }; some messages are written for developers (ISO dates, ids
// such as "ilacs-2023-01" or "requires_improvement", field paths). This module turns them into
// plain English for the page: dates like "1 April 2026", fields by name, ids by their labels.
import { formatDateShort } from "./format.mjs";

const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/** "1 April 2026" for every YYYY-MM-DD in `text`; "like 8 3 2024" where a date is an example to type. */
export function plainDates(text) {
  return String(text)
    .replace(/\blike (\d{4})-(\d{2})-(\d{2})\b/g, (_, y, m, d) => `like ${+d} ${+m} ${y}`)
    .replace(ISO_DATE, (iso) => formatDateShort(iso));
}

/** The name of the field at `path` as a sentence would start with it, or null when unknown. */
export function fieldLabel(app, path) {
  const p = String(path ?? "");
  if (p === "assessedOn") return "The date of this self-evaluation";
  if (p === "authority") return "The authority's name";
  if (p === "history.lastInspection.startedOn") return "The date the last inspection started";
  if (p === "history.lastInspection.endedOn") return "The date the last inspection ended";
  if (p === "history.monitoring.since") return "The date monitoring started";
  let m = p.match(/^history\.focusedVisits\.(\d+)\.endedOn$/);
  if (m) return `The date focused visit ${+m[1] + 1} ended`;
  m = p.match(/^answers\.([^.]+)\.action\.due$/);
  if (m) return "The date the action is due";
  m = p.match(/^answers\.([^.]+)\.action\.review$/);
  if (m) return "The date the action is next reviewed";
  m = p.match(/^indicators\.([^.]+)$/);
  if (m) return app.fw()?.indicators?.find((i) => i.id === m[1])?.name ?? null;
  return null;
}

/** Replaces ids (frameworks, levels) that may appear in a core message by their names. */
function plainIds(app, text) {
  let out = String(text);
  for (const f of app.frameworks ?? []) out = out.split(f.id).join(f.name);
  for (const l of app.fw()?.levels ?? []) out = out.replace(new RegExp(`\\b${l.id}\\b`, "g"), l.label.toLowerCase());
  // "Frameworks known: …" and similar lists of ids are for developers.
  out = out.replace(/\s*[.;(]?\s*Frameworks known:[^.)]*[.)]?/g, "");
  // JSON parse positions ("at line 113, column 12") mean nothing to a user.
  out = out.replace(/\s*\(line \d+, column \d+\)/g, "").replace(/\s*(?:at )?line \d+,? column \d+/g, "");
  return out;
}

/**
 * The message to show for problem `p` ({ field, code, message }) from the core: GOV.UK's wording
 * for the codes a user meets while typing, and otherwise the core's message with ids and dates
 * made plain.
 */
export function problemMessage(app, p) {
  const label = fieldLabel(app, p.field);
  switch (p.code) {
    case "future_date":
      if (label) return `${label} must be today or in the past`;
      break;
    case "not_a_number":
      if (label) return `Enter ${label} as a number, like 22.5`;
      return "Enter a number, like 22.5";
    case "invalid_date": {
      // The history's messages already name their field ("Enter the date the visit ended as a real
      // date, like …"): only their example date needs to be made plain.
      if (/^Enter the date /.test(String(p.message))) return plainDates(p.message);
      const years = String(p.message).match(/from (\d{4}) to (\d{4})/);
      if (label && years) return `${label} must be a real date from ${years[1]} to ${years[2]}`;
      if (label) return `${label} must be a real date`;
      break;
    }
    case "unknown_framework":
      // The file names a framework id we do not know: say so without the id.
      return plainIds(
        app,
        plainDates(String(p.message).replace(/^("[^"]*"|\S+) is not/, "The file's framework is not")),
      );
    default:
      break;
  }
  return plainIds(app, plainDates(p.message));
}
