// The public record of ILACS inspections (Ofsted's reports, compiled by Data to Insight): reading
// the upstream CSV files row by row, the compact form the page loads, and the look-ups the "About
// your authority" page needs (an authority's inspections, its statistical neighbours, its region).
// Plain functions with no DOM: scripts/build-dist.mjs runs them at build time on the copy in
// data/ofsted-ilacs/, and the page runs them on a newer history file the user loads from disk.

import { MONTHS, monthYear } from "../ui/format.mjs";
import { readCsv } from "./csv.mjs";
export const RECORD_FORMAT = "stocktake-ilacs-record";
/** Version 2 added the authorities' codes and aliases, report links, publication dates and corrections. */
export const RECORD_VERSION = 2;
/** Versions of a kept record this page still reads (a user's copy loaded before version 2). */
const READABLE_VERSIONS = new Set([1, 2]);

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

/** Columns read when the file has them (the upstream file does): the report and its date. */
export const OPTIONAL_COLUMNS = ["inspection_link", "publication_date"];

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
/**
 * A framework value only a correction gives: an ILACS inspection whose kind (short or standard) is
 * not known. The inspection is kept with `kind: null`.
 */
const ILACS_UNKNOWN_KIND = "ilacs";
/** Ofsted's report files: the record keeps the number, the page links to the report. */
const REPORT_URL = "https://files.ofsted.gov.uk/v1/file/";

/** The largest history file accepted (the 2025 file is 99 KB). */
export const MAX_HISTORY_BYTES = 5 * 1024 * 1024;

/** "dd/mm/yyyy" → "yyyy-mm-dd" when it is a real calendar date, else null. */
export function ukDate(text) {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [d, mo, y] = [+m[1], +m[2], +m[3]];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1990 || dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The history file's publication date, "dd/mm/yy" (20yy) or "dd/mm/yyyy" → "yyyy-mm-dd", else null. */
export function publishedDate(text) {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/.exec((text ?? "").trim());
  return m ? ukDate(`${m[1]}/${m[2]}/20${m[3]}`) : ukDate(text ?? "");
}

/** The report's address for an inspection's `report` number, or null. */
export function reportUrl(inspection) {
  return inspection?.report ? `${REPORT_URL}${inspection.report}` : null;
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

/** The corrections file's columns (data/ofsted-ilacs/corrections.csv, see its README). */
export const CORRECTION_COLUMNS = ["urn", "inspection_link", "field", "value", "tag", "source", "note"];
/** The tags a correction may carry (as in the product: V, D, S, U, R). */
const TAGS = new Set(["V", "D", "S", "U", "R"]);

/**
 * Reads the corrections file: `{ corrections, problems }`, each correction
 * `{ urn, link, field, value, tag, source, note }` naming one cell of one report's row (by URN and
 * report link) and the value it should have, with the tag and source that say why. A correction
 * with an empty value and tag U says the true value is not in our sources: the cell stays empty.
 * Every correction needs a source that is a web address; fields must be history file columns.
 */
export function parseCorrections(text) {
  const { rows, problems: unpaired } = readCsv(text ?? "");
  if (unpaired.length) return { corrections: [], problems: unpaired };
  const problems = [];
  const header = rows[0]?.map((c) => c.trim()) ?? [];
  const col = Object.fromEntries(CORRECTION_COLUMNS.map((c) => [c, header.indexOf(c)]));
  const missing = CORRECTION_COLUMNS.filter((c) => col[c] < 0);
  if (missing.length) return { corrections: [], problems: [{ row: 1, message: `Row 1 has no ${missing.join(", ")}` }] };
  const fields = new Set([...HISTORY_COLUMNS, ...OPTIONAL_COLUMNS]);
  const corrections = [];
  for (const row of rows.slice(1)) {
    const get = (c) => (row[col[c]] ?? "").trim();
    const bad = (m) => problems.push({ row: row.number, message: `Row ${row.number}: ${m}` });
    const c = {
      urn: +get("urn"),
      link: get("inspection_link"),
      field: get("field"),
      value: get("value"),
      tag: get("tag"),
      source: get("source"),
      note: get("note"),
    };
    if (!/^\d{1,9}$/.test(get("urn"))) bad(`the urn "${get("urn")}" is not an Ofsted URN`);
    else if (!c.link.startsWith(REPORT_URL))
      bad(`the inspection_link "${c.link}" is not a report on files.ofsted.gov.uk`);
    else if (!fields.has(c.field) || c.field === "urn")
      bad(`the field "${c.field}" is not a history column it may correct`);
    else if (!TAGS.has(c.tag)) bad(`the tag "${c.tag}" is not V, D, S, U or R`);
    else if (!/^https:\/\/\S+$/.test(c.source)) bad(`the source "${c.source}" is not a web address`);
    else if (c.value === "" && c.tag !== "U") bad("an empty value says the true one is unknown, so its tag must be U");
    else corrections.push(c);
  }
  return { corrections, problems };
}

/**
 * Reads the public history file (one row per published inspection report). Returns
 * `{ inspections, problems, skipped, corrected }`: `inspections` are the ILACS inspections
 * (framework short or standard), each `{ urn, name, kind, startedOn, endedOn, publishedOn, report,
 * grades }` with grades as framework level ids (a sentinel or blank cell gives no grade) and
 * `report` the number of the report's file on files.ofsted.gov.uk; `skipped` counts rows of older
 * frameworks (SIF), which hold no ILACS grades. `problems` are `{ row, message }` with the file's
 * line number: a missing column, a URN that is not a number, a date that is not a real dd/mm/yyyy
 * date, an end before the start, a framework or grade the record does not use, and a row with
 * ILACS grades but no framework (a report the compilation could not fully read, which must not
 * vanish as if it were an older framework's). Never throws.
 *
 * `corrections` (from `parseCorrections`) are applied to the matching rows first, and each
 * corrected inspection lists its own as `corrections: [{ field, value, tag, source, note }]`. A
 * corrected row whose framework is `ilacs` is an ILACS inspection of unknown kind (`kind: null`);
 * a corrected row whose dates are still empty (tag U) is kept with `startedOn` and `endedOn` null.
 * `corrected` counts the rows corrections changed.
 */
export function parseHistory(text, { maxProblems = 50, corrections = [] } = {}) {
  const problems = [];
  const out = { inspections: [], problems, skipped: 0, corrected: 0 };
  if (typeof text !== "string" || !text.trim()) {
    problems.push({ row: null, message: "The file is empty" });
    return out;
  }
  const { rows, problems: unpaired } = readCsv(text);
  if (unpaired.length) {
    problems.push(...unpaired);
    return out;
  }
  const header = rows[0].map((c) => c.trim().toLowerCase());
  const col = Object.fromEntries([...HISTORY_COLUMNS, ...OPTIONAL_COLUMNS].map((c) => [c, header.indexOf(c)]));
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
  const byRow = new Map();
  for (const c of corrections) {
    const key = `${c.urn} ${c.link}`;
    if (!byRow.has(key)) byRow.set(key, []);
    byRow.get(key).push(c);
  }
  for (const row of rows.slice(1)) {
    const n = row.number;
    const raw = (c) => (col[c] >= 0 ? (row[col[c]] ?? "").trim() : "");
    const own = byRow.get(`${+raw("urn")} ${raw("inspection_link")}`) ?? [];
    const fixed = Object.fromEntries(own.map((c) => [c.field, c.value]));
    const get = (c) => (c in fixed ? fixed[c] : raw(c));
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
    const publishedOn = publishedDate(get("publication_date"));
    // Rows of older frameworks (SIF, framework blank) often have no dates: only ILACS rows need them.
    const ilacs = KINDS.has(kindText) || (own.length > 0 && kindText === ILACS_UNKNOWN_KIND);
    // Dates a correction says are not in our sources (tag U): kept as unknown, not as a fault.
    const unknownDates =
      own.some((c) => c.tag === "U" && /^inspection_(start|end)_date$/.test(c.field)) && !started && !ended;
    if (!unknownDates) {
      if (!startedOn && (ilacs || started))
        bad(`the inspection start date "${started}" is not a date written dd/mm/yyyy`);
      if (!endedOn && (ilacs || ended)) bad(`the inspection end date "${ended}" is not a date written dd/mm/yyyy`);
    } else if (!publishedOn) bad("the inspection has no dates and no publication date, so it cannot be placed in time");
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
    if (!ilacs && Object.keys(grades).length)
      bad(
        `has ILACS grades but the framework "${get("inspection_framework")}" is not short or standard${started || ended ? "" : " and no dates"}, so the inspection cannot be placed (a fault in the compilation; the report: ${raw("inspection_link") || "no link"})`,
      );
    if (problems.length > before) continue;
    // Not an ILACS inspection (blank: the older SIF framework; a few rows hold stray text there).
    if (!ilacs) {
      out.skipped++;
      continue;
    }
    const report = /\/file\/(\d+)$/.exec(raw("inspection_link"))?.[1];
    /** @type {Record<string, any>} */
    const inspection = {
      urn: +urn,
      name: get("local_authority"),
      kind: KINDS.has(kindText) ? kindText : null,
      startedOn: startedOn ?? null,
      endedOn: endedOn ?? null,
      publishedOn,
      ...(report ? { report: +report } : {}),
      grades,
    };
    if (own.length) {
      out.corrected++;
      inspection.corrections = own.map(({ field, value, tag, source, note }) => ({ field, value, tag, source, note }));
    }
    out.inspections.push(inspection);
  }
  out.problems = capped(problems, maxProblems);
  return out;
}

/**
 * Reads the LA lookup file: `{ authorities, problems }`, each authority
 * `{ urn, code, ons, name, region, type, neighbours, aliases }`: its Ofsted URN, old three-digit DfE
 * code and ONS code, and its ten statistical neighbours as URNs (the file lists them by old
 * three-digit DfE code; a code with no authority is left out). `aliases` are the lookup's other
 * names ("also_known_as"). `extra` (from `parseAliases`) adds names users type and marks former
 * authorities: `replacedBy` lists the URNs of the authorities that followed one.
 */
export function parseLookup(text, extra = []) {
  const { rows, problems: unpaired } = readCsv(text);
  if (unpaired.length) return { authorities: [], problems: unpaired };
  const problems = [];
  const header = rows[0]?.map((c) => c.trim()) ?? [];
  const need = ["urn", "la_code", "stat_neighbours", "local_authority_ons_name", "region_name"];
  const optional = ["la_code_new", "also_known_as", "ons_la_type"];
  const col = Object.fromEntries([...need, ...optional].map((c) => [c, header.indexOf(c)]));
  const missing = need.filter((c) => col[c] < 0);
  if (missing.length) return { authorities: [], problems: [{ row: 1, message: `Row 1 has no ${missing.join(", ")}` }] };
  const raw = [];
  for (const row of rows.slice(1)) {
    const get = (c) => (col[c] >= 0 ? (row[col[c]] ?? "").trim() : "");
    if (!/^\d+$/.test(get("urn")) || !/^\d{3}$/.test(get("la_code"))) {
      problems.push({ row: row.number, message: `Row ${row.number}: no URN or three-digit LA code` });
      continue;
    }
    const ons = get("la_code_new");
    if (ons && !/^E\d{8}$/.test(ons))
      problems.push({ row: row.number, message: `Row ${row.number}: the ONS code "${ons}" is not E and eight digits` });
    raw.push({
      urn: +get("urn"),
      code: get("la_code"),
      ons: ons || null,
      name: get("local_authority_ons_name"),
      region: get("region_name"),
      type: get("ons_la_type") || null,
      aliases: get("also_known_as")
        .replace(/^\[|\]$/g, "")
        .split(",")
        .map((a) => a.trim())
        .filter(Boolean),
      neighbourCodes: get("stat_neighbours")
        .split(",")
        .map((c) => c.trim())
        .filter(Boolean),
    });
  }
  for (const [key, label] of [
    ["urn", "URN"],
    ["code", "LA code"],
    ["ons", "ONS code"],
  ]) {
    const seen = new Set();
    for (const a of raw) {
      if (a[key] == null) continue;
      if (seen.has(a[key])) problems.push({ row: null, message: `The ${label} ${a[key]} is given to two authorities` });
      seen.add(a[key]);
    }
  }
  const byCode = new Map(raw.map((a) => [a.code, a.urn]));
  const byUrn = new Map(raw.map((a) => [a.urn, a]));
  for (const x of extra) {
    const a = byUrn.get(x.urn);
    if (!a) {
      problems.push({ row: x.row, message: `Row ${x.row} of the aliases: no authority has the URN ${x.urn}` });
      continue;
    }
    if (x.kind === "alias") a.aliases.push(x.value);
    else {
      const urns = x.value.split(/\s+/).map(Number);
      const unknown = urns.filter((u) => !byUrn.has(u));
      if (unknown.length)
        problems.push({
          row: x.row,
          message: `Row ${x.row} of the aliases: no authority has the URN ${unknown.join(", ")}`,
        });
      else a.replacedBy = urns;
    }
  }
  const authorities = raw.map(({ neighbourCodes, ...a }) => ({
    ...a,
    neighbours: neighbourCodes.map((c) => byCode.get(c)).filter((u) => u != null),
  }));
  authorities.sort((x, y) => x.name.localeCompare(y.name, "en-GB"));
  return { authorities, problems };
}

/**
 * Reads the aliases file (data/ofsted-ilacs/aliases.csv): `{ aliases, problems }`, each
 * `{ row, urn, kind, value }`: kind `alias` (another name for the authority) or `replaced_by` (a
 * former authority, followed by the URNs in `value`, separated by spaces).
 */
export function parseAliases(text) {
  const { rows, problems: unpaired } = readCsv(text ?? "");
  if (unpaired.length) return { aliases: [], problems: unpaired };
  const header = rows[0]?.map((c) => c.trim()) ?? [];
  const need = ["urn", "kind", "value", "tag", "source"];
  const missing = need.filter((c) => !header.includes(c));
  if (missing.length) return { aliases: [], problems: [{ row: 1, message: `Row 1 has no ${missing.join(", ")}` }] };
  const problems = [];
  const aliases = [];
  for (const row of rows.slice(1)) {
    const get = (c) => (row[header.indexOf(c)] ?? "").trim();
    const bad = (m) => problems.push({ row: row.number, message: `Row ${row.number}: ${m}` });
    if (!/^\d+$/.test(get("urn"))) bad(`the urn "${get("urn")}" is not a number`);
    else if (!["alias", "replaced_by"].includes(get("kind")))
      bad(`the kind "${get("kind")}" is not alias or replaced_by`);
    else if (!get("value")) bad("no value");
    else if (get("kind") === "replaced_by" && !/^\d+( \d+)*$/.test(get("value")))
      bad("replaced_by needs URNs separated by spaces");
    else aliases.push({ row: row.number, urn: +get("urn"), kind: get("kind"), value: get("value") });
  }
  return { aliases, problems };
}

const NAME_PREFIXES = [
  "the ",
  "council of the ",
  "london borough of ",
  "royal borough of ",
  "metropolitan borough of ",
  "borough of ",
  "city and county of ",
  "city of ",
  "county of ",
  "county ",
];
const NAME_SUFFIXES = [
  " city of",
  " county of",
  " metropolitan borough council",
  " metropolitan district council",
  " london borough council",
  " borough council",
  " city council",
  " county council",
  " district council",
  " unitary authority",
  " council",
  " borough",
  " city",
  " county",
];

/**
 * The key a name is found by: lower case, "&" as "and", no punctuation or accents, and without the
 * words of a council's formal name ("Derby City Council", "London Borough of Hackney", "Royal Borough
 * of Greenwich", "Bristol, City of", "County Durham" → "derby", "hackney", "greenwich", "bristol",
 * "durham").
 */
export function nameKey(text) {
  let s = String(text ?? "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  for (let again = true; again; ) {
    again = false;
    for (const p of NAME_PREFIXES)
      if (s.startsWith(p) && s.length > p.length) {
        s = s.slice(p.length);
        again = true;
      }
    for (const x of NAME_SUFFIXES)
      if (s.endsWith(x) && s.length > x.length) {
        s = s.slice(0, -x.length);
        again = true;
      }
  }
  return s;
}

/**
 * The authority a user's text names, or null: by code first (Ofsted URN, three-digit DfE code or
 * ONS code), then by name or alias, formal words aside (`nameKey`). Current authorities come before
 * former ones, and a former authority with one successor finds the successor ("Poole" finds
 * Bournemouth, Christchurch and Poole); one with two ("Cumbria") is found itself.
 */
export function findAuthority(record, text) {
  const t = String(text ?? "").trim();
  if (!t) return null;
  const all = record.authorities;
  const byCode =
    all.find((a) => /^\d{3}$/.test(t) && a.code === t) ??
    all.find((a) => /^e\d{8}$/i.test(t) && a.ons === t.toUpperCase()) ??
    all.find((a) => /^\d{4,9}$/.test(t) && a.urn === +t);
  if (byCode) return byCode;
  const key = nameKey(t);
  if (!key) return null;
  const matches = all.filter((a) => [a.name, ...(a.aliases ?? [])].some((n) => nameKey(n) === key));
  const found = matches.find((a) => !a.replacedBy) ?? matches[0] ?? null;
  // A former authority with one successor is found as its successor ("Poole": BCP).
  return found?.replacedBy?.length === 1 ? (all.find((a) => a.urn === found.replacedBy[0]) ?? found) : found;
}

/** The authorities that exist now (not replaced by others), as the page offers them. */
export function currentAuthorities(record) {
  return record.authorities.filter((a) => !a.replacedBy);
}

/** The codes the assessment keeps for an authority: `{ urn, la, ons }` (`la`: the three-digit DfE code). */
export function authorityCodes(a) {
  return a ? { urn: a.urn, la: a.code ?? null, ons: a.ons ?? null } : null;
}

/** When an inspection happened, for ordering: its last day on site, else its report's publication. */
export function inspectionDate(i) {
  return i?.endedOn ?? i?.publishedOn ?? "";
}

/** The latest end date among `inspections` ("" when none). */
export function latestEnd(inspections) {
  // ISO dates compare as strings (Math.max would turn them into NaN).
  let latest = "";
  for (const i of inspections) if (i.endedOn && i.endedOn > latest) latest = i.endedOn;
  return latest;
}

/**
 * The compact record the page loads: the authorities (with their codes and aliases) and their
 * ILACS inspections (URN, kind, dates, report and grades; no names), with what the record is and how
 * far it runs. `source` names where it came from; `leftOut` lists the rows that could not be read
 * (`parseHistory`'s problems); `corrections` are the corrections applied (kept so that a newer copy
 * the user loads gets them too).
 */
export function makeRecord(authorities, inspections, source, leftOut = [], corrections = []) {
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
    corrections,
  };
}

/** Whether `value` is a compact record this page reads (from our file, or kept on the device). */
export function isRecord(value) {
  return (
    value?.format === RECORD_FORMAT &&
    READABLE_VERSIONS.has(value.version) &&
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
  const corrections = shipped.corrections ?? [];
  const parsed = parseHistory(text, { corrections });
  if (!parsed.inspections.length) {
    const problems = parsed.problems.length
      ? parsed.problems
      : [{ row: null, message: "The file holds no ILACS inspections (framework short or standard)" }];
    return { record: null, problems, unknown: 0 };
  }
  const known = new Set(shipped.authorities.map((a) => a.urn));
  const unknown = parsed.inspections.filter((i) => !known.has(i.urn)).length;
  const record = makeRecord(
    shipped.authorities,
    parsed.inspections,
    { kind: "user", loadedOn },
    parsed.problems,
    corrections,
  );
  return { record, problems: parsed.problems, unknown };
}

/** How the page names the record in use: "Ofsted's published grades to July 2026 (Data to Insight compilation)". */
export function recordLabel(record) {
  const to = monthYear(record.to);
  if (record.source?.kind === "user")
    return `Your copy of the inspection record, to ${to}, loaded ${longDate(record.source.loadedOn)}`;
  return `Ofsted's published grades to ${to} (Data to Insight compilation)`;
}

/** The authority with `urn`, or null. */
export function authorityOf(record, urn) {
  return record.authorities.find((a) => a.urn === +urn) ?? null;
}

/** The authority's ILACS inspections in the record, latest first. */
export function inspectionsOf(record, urn) {
  return record.inspections
    .filter((i) => i.urn === +urn)
    .sort((x, y) => {
      const [a, b] = [inspectionDate(x), inspectionDate(y)];
      return a < b ? 1 : a > b ? -1 : 0;
    });
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
  return currentAuthorities(record)
    .filter((o) => o.region === a.region && o.urn !== a.urn)
    .map((o) => ({ authority: o, latest: latestInspection(record, o.urn) }));
}

/**
 * An inspection from the record as the assessment's `history.lastInspection`: its kind and dates,
 * and the grades of the judgements `judgementIds` (the framework in force when it started). Where
 * the record does not know the kind or the dates (a corrected row, tag U) they are null, for the
 * user to enter from the report.
 */
export function asLastInspection(inspection, judgementIds) {
  const grades = {};
  for (const id of judgementIds) if (inspection.grades[id]) grades[id] = inspection.grades[id];
  return { kind: inspection.kind, startedOn: inspection.startedOn, endedOn: inspection.endedOn, grades };
}
