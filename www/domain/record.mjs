// The public record of ILACS inspections (Ofsted's reports, compiled by Data to Insight): reading
// the upstream CSV files row by row, the compact form the page loads, and the look-ups the "About
// your authority" page needs (an authority's inspections, its statistical neighbours, its region).
// Plain functions with no DOM: scripts/build-dist.mjs runs them at build time on the copy in
// data/ofsted-ilacs/, and the page runs them on a newer history file the user loads from disk.

import { MONTHS } from "../ui/format.mjs";
export const RECORD_FORMAT = "stocktake-ilacs-record";
export const RECORD_VERSION = 1;

/** The attribution the data's licence asks for, shown wherever figures from it are. */
export const ATTRIBUTION =
  "Contains public sector information licensed under the Open Government Licence v3.0 (Ofsted inspection reports); compiled by Data to Insight (MIT)";

/** The record's judgements, in its column order, with the framework judgement id each fills. */
export const RECORD_JUDGEMENTS = [
  { column: "overall_effectiveness_grade", id: "overall_effectiveness", name: "Overall effectiveness" },
  { column: "impact_of_leaders_grade", id: "impact_of_leaders", name: "Impact of leaders" },
  { column: "help_and_protection_grade", id: "help_and_protection", name: "Help and protection" },
  { column: "in_care_grade", id: "children_in_care", name: "Children in care" },
  { column: "care_leavers_grade", id: "care_leavers", name: "Care leavers" },
];

/** The history file's columns this page reads; the others may be there or not. */
export const HISTORY_COLUMNS = [
  "urn",
  "local_authority",
  "inspection_framework",
  "inspection_start_date",
  "inspection_end_date",
  ...RECORD_JUDGEMENTS.map((j) => j.column),
];

const GRADES = {
  outstanding: "outstanding",
  good: "good",
  "requires improvement": "requires_improvement",
  inadequate: "inadequate",
};
/** Values the record uses where there is no grade (its README says what each means). */
const SENTINELS = new Set(["data_unreadable", "inspection_pre_dates_judgement", "not_reported_post_reform"]);
const KINDS = new Set(["short", "standard"]);

/** The largest history file accepted (the 2025 file is 99 KB). */
export const MAX_HISTORY_BYTES = 5 * 1024 * 1024;

/**
 * CSV text → rows of cells (RFC 4180: quoted cells may hold commas, quotes doubled and line
 * breaks). A leading UTF-8 byte order mark is dropped; lines end in LF or CRLF. Each row carries
 * `line`, the file line it starts on (1 is the header).
 */
export function parseCsv(text) {
  const s = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows = [];
  /** @type {string[] & { line?: number }} */
  let row = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    row.push(cell);
    cell = "";
    if (!(row.length === 1 && row[0] === "")) {
      row.line = rowLine;
      rows.push(row);
    }
    row = [];
  };
  while (i < s.length) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell === "") quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += c;
    i++;
  }
  if (cell !== "" || row.length) endRow();
  return rows;
}

/** "dd/mm/yyyy" → "yyyy-mm-dd" when it is a real calendar date, else null. */
export function ukDate(text) {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [+m[1], +m[2], +m[3]];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1990 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "2025-03-21" → "March 2025". */
export function monthYear(iso) {
  const m = /^(\d{4})-(\d{2})/.exec(iso ?? "");
  return m ? `${MONTHS[+m[2] - 1]} ${m[1]}` : "";
}

/** "2025-03-21" → "21 March 2025". */
export function longDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
  return m ? `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}` : "";
}

/** Lists at most `max` problems, then how many more there are. */
function capped(problems, max) {
  return problems.length <= max
    ? problems
    : [...problems.slice(0, max), { row: null, message: `and ${problems.length - max} more rows with problems` }];
}

/**
 * Reads the public history file (one row per published inspection report). Returns
 * `{ inspections, problems, skipped }`: `inspections` are the ILACS inspections (framework short or
 * standard), each `{ urn, name, kind, startedOn, endedOn, grades }` with grades as framework level
 * ids (a sentinel or blank cell gives no grade); `skipped` counts rows of older frameworks (SIF),
 * which hold no ILACS grades. `problems` are `{ row, message }` with the file's line number: a
 * missing column, a URN that is not a number, a date that is not a real dd/mm/yyyy date, an end
 * before the start, a framework or grade the record does not use. Never throws.
 */
export function parseHistory(text, { maxProblems = 50 } = {}) {
  const problems = [];
  const out = { inspections: [], problems, skipped: 0 };
  if (typeof text !== "string" || !text.trim()) {
    problems.push({ row: null, message: "The file is empty" });
    return out;
  }
  const rows = parseCsv(text);
  const header = rows[0].map((c) => c.trim().toLowerCase());
  const col = Object.fromEntries(HISTORY_COLUMNS.map((c) => [c, header.indexOf(c)]));
  const missing = HISTORY_COLUMNS.filter((c) => col[c] < 0);
  if (missing.length) {
    problems.push({
      row: 1,
      message: `Row 1 (the column names) has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}: choose the inspection history file from Data to Insight's ILACS scrape tool (ofsted_csc_ilacs_history.csv)`,
    });
    return out;
  }
  if (rows.length < 2) {
    problems.push({ row: null, message: "The file has column names but no inspections" });
    return out;
  }
  for (const row of rows.slice(1)) {
    const n = row.line;
    const get = (c) => (row[col[c]] ?? "").trim();
    const bad = (message) => problems.push({ row: n, message: `Row ${n}: ${message}` });
    const before = problems.length;
    if (row.length < header.length) {
      bad(`has ${row.length} values where the column names have ${header.length}`);
      continue;
    }
    const urn = get("urn");
    if (!/^\d{1,9}$/.test(urn)) bad(`the urn "${urn}" is not an Ofsted URN (a number)`);
    const kindText = get("inspection_framework").toLowerCase();
    const started = get("inspection_start_date");
    const ended = get("inspection_end_date");
    const startedOn = ukDate(started);
    const endedOn = ukDate(ended);
    // Rows of older frameworks (SIF, framework blank) often have no dates: only ILACS rows need them.
    const ilacs = KINDS.has(kindText);
    if (!startedOn && (ilacs || started))
      bad(`the inspection start date "${started}" is not a date written dd/mm/yyyy`);
    if (!endedOn && (ilacs || ended)) bad(`the inspection end date "${ended}" is not a date written dd/mm/yyyy`);
    if (startedOn && endedOn && endedOn < startedOn)
      bad(`the inspection ends (${ended}) before it starts (${started})`);
    const grades = {};
    for (const j of RECORD_JUDGEMENTS) {
      const v = get(j.column).toLowerCase();
      if (v === "" || SENTINELS.has(v)) continue;
      if (GRADES[v]) grades[j.id] = GRADES[v];
      else
        bad(
          `${j.column} "${get(j.column)}" is not a grade (outstanding, good, requires improvement, inadequate) or one of the record's markers (data_unreadable, inspection_pre_dates_judgement, not_reported_post_reform)`,
        );
    }
    if (problems.length > before) continue;
    // Not an ILACS inspection (blank: the older SIF framework; a few rows hold stray text there).
    if (!ilacs) {
      out.skipped++;
      continue;
    }
    out.inspections.push({ urn: +urn, name: get("local_authority"), kind: kindText, startedOn, endedOn, grades });
  }
  out.problems = capped(problems, maxProblems);
  return out;
}

/**
 * Reads the LA lookup file: `{ authorities, problems }`, each authority
 * `{ urn, code, name, region, neighbours }` with its ten statistical neighbours as URNs (the file
 * lists them by old three-digit DfE code; a code with no authority is left out).
 */
export function parseLookup(text) {
  const problems = [];
  const rows = parseCsv(text);
  const header = rows[0]?.map((c) => c.trim()) ?? [];
  const need = ["urn", "la_code", "stat_neighbours", "local_authority_ons_name", "region_name"];
  const col = Object.fromEntries(need.map((c) => [c, header.indexOf(c)]));
  const missing = need.filter((c) => col[c] < 0);
  if (missing.length) return { authorities: [], problems: [{ row: 1, message: `Row 1 has no ${missing.join(", ")}` }] };
  const raw = [];
  for (const row of rows.slice(1)) {
    const get = (c) => (row[col[c]] ?? "").trim();
    if (!/^\d+$/.test(get("urn")) || !/^\d{3}$/.test(get("la_code"))) {
      problems.push({ row: row.line, message: `Row ${row.line}: no URN or three-digit LA code` });
      continue;
    }
    raw.push({
      urn: +get("urn"),
      code: get("la_code"),
      name: get("local_authority_ons_name"),
      region: get("region_name"),
      neighbourCodes: get("stat_neighbours")
        .split(",")
        .map((c) => c.trim())
        .filter(Boolean),
    });
  }
  const byCode = new Map(raw.map((a) => [a.code, a.urn]));
  const authorities = raw.map(({ neighbourCodes, ...a }) => ({
    ...a,
    neighbours: neighbourCodes.map((c) => byCode.get(c)).filter((u) => u != null),
  }));
  authorities.sort((x, y) => x.name.localeCompare(y.name, "en-GB"));
  return { authorities, problems };
}

/** The latest end date among `inspections` ("" when none). */
export function latestEnd(inspections) {
  // ISO dates compare as strings (Math.max would turn them into NaN).
  let latest = "";
  for (const i of inspections) if (i.endedOn > latest) latest = i.endedOn;
  return latest;
}

/**
 * The compact record the page loads: the authorities and their ILACS inspections (URN, name and
 * grades only), with what the record is and how far it runs. `source` names where it came from;
 * `leftOut` lists the rows that could not be read (`parseHistory`'s problems).
 */
export function makeRecord(authorities, inspections, source, leftOut = []) {
  const to = latestEnd(inspections);
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    source,
    to,
    attribution: ATTRIBUTION,
    authorities,
    inspections: inspections.map(({ name, ...i }) => i),
    leftOut,
  };
}

/** Whether `value` is a compact record this page reads (from our file, or kept on the device). */
export function isRecord(value) {
  return (
    value?.format === RECORD_FORMAT &&
    value.version === RECORD_VERSION &&
    Array.isArray(value.authorities) &&
    Array.isArray(value.inspections)
  );
}

/**
 * A newer history file read with `parseHistory`, joined to the shipped record's authorities.
 * Returns `{ record, problems, unknown }`. A file whose column names are wrong, or that has no
 * readable ILACS inspection, gives `record: null`. Otherwise rows with a problem are left out and
 * listed in `problems` (the record itself keeps them as `leftOut`, so the page can say so), since
 * the upstream file is scraped from PDFs and a few rows are known to be faulty. `unknown` counts
 * inspections of URNs that are not in the authority list (kept, but no authority can be chosen for
 * them).
 */
export function recordFromHistory(shipped, text, loadedOn) {
  const parsed = parseHistory(text);
  if (!parsed.inspections.length) {
    const problems = parsed.problems.length
      ? parsed.problems
      : [{ row: null, message: "The file holds no ILACS inspections (framework short or standard)" }];
    return { record: null, problems, unknown: 0 };
  }
  const known = new Set(shipped.authorities.map((a) => a.urn));
  const unknown = parsed.inspections.filter((i) => !known.has(i.urn)).length;
  const record = makeRecord(shipped.authorities, parsed.inspections, { kind: "user", loadedOn }, parsed.problems);
  return { record, problems: parsed.problems, unknown };
}

/** How the page names the record in use: "Inspection record to March 2025 (Data to Insight compilation)". */
export function recordLabel(record) {
  const to = monthYear(record.to);
  if (record.source?.kind === "user")
    return `Your copy of the inspection record, to ${to}, loaded ${longDate(record.source.loadedOn)}`;
  return `Inspection record to ${to} (Data to Insight compilation)`;
}

/** The authority with `urn`, or null. */
export function authorityOf(record, urn) {
  return record.authorities.find((a) => a.urn === +urn) ?? null;
}

/** The authority's ILACS inspections in the record, latest first. */
export function inspectionsOf(record, urn) {
  return record.inspections
    .filter((i) => i.urn === +urn)
    .sort((x, y) => (x.endedOn < y.endedOn ? 1 : x.endedOn > y.endedOn ? -1 : 0));
}

/** The authority's latest ILACS inspection, or null. */
export function latestInspection(record, urn) {
  return inspectionsOf(record, urn)[0] ?? null;
}

/** Each of the authority's statistical neighbours with its latest inspection (null if none). */
export function neighboursOf(record, urn) {
  const a = authorityOf(record, urn);
  return (a?.neighbours ?? [])
    .map((u) => authorityOf(record, u))
    .filter(Boolean)
    .map((n) => ({ authority: n, latest: latestInspection(record, n.urn) }));
}

/** The other authorities of its region, by name, each with its latest inspection (null if none). */
export function regionOf(record, urn) {
  const a = authorityOf(record, urn);
  if (!a) return [];
  return record.authorities
    .filter((o) => o.region === a.region && o.urn !== a.urn)
    .map((o) => ({ authority: o, latest: latestInspection(record, o.urn) }));
}

/**
 * An inspection from the record as the assessment's `history.lastInspection`: its kind and dates,
 * and the grades of the judgements `judgementIds` (the framework in force when it started).
 */
export function asLastInspection(inspection, judgementIds) {
  const grades = {};
  for (const id of judgementIds) if (inspection.grades[id]) grades[id] = inspection.grades[id];
  return { kind: inspection.kind, startedOn: inspection.startedOn, endedOn: inspection.endedOn, grades };
}
