// The public record of ILACS inspections, built from the repository's own copy of the data
// (data/ofsted-ilacs/, see its README): the history file with the corrections file applied, the LA
// lookup with the aliases file, turned into the compact record the page loads
// (dist/data/ilacs-record.json, made by scripts/build-dist.mjs with this module) and a note in
// plain words of what was corrected and what could not be read (data/ofsted-ilacs/RECORD-NOTE.md,
// committed; e2e/record-data.test.mjs checks that it equals this script's output).
//
//   node scripts/record-data.mjs          writes the note and lists the rows that could not be read
//   node scripts/record-data.mjs --check  fails (exit 1) when the committed note is not current
//
// When next year's history file arrives: copy it into data/ofsted-ilacs/, point HISTORY_FILE at it,
// run this script, read the rows it lists, add corrections with their sources, and run it again.
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  currentAuthorities,
  inspectionsOf,
  longDate,
  makeRecord,
  parseAliases,
  parseCorrections,
  parseHistory,
  parseLookup,
} from "../www/domain/record.mjs";
import { monthYear } from "../www/ui/format.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const FOLDER = join(root, "data", "ofsted-ilacs");
/** The history file shipped: the whole public grade history to July 2026. */
export const HISTORY_FILE = "ofsted_csc_ilacs_history_to_2026-07.csv";
export const NOTE_FILE = "RECORD-NOTE.md";

const FIELD_WORDS = {
  inspection_framework: "kind of inspection",
  inspection_start_date: "first day on site",
  inspection_end_date: "last day on site",
  overall_effectiveness_grade: "overall effectiveness",
  impact_of_leaders_grade: "impact of leaders",
  help_and_protection_grade: "help and protection",
  in_care_grade: "children in care",
  care_leavers_grade: "care leavers",
};

/**
 * Reads the four files and builds the record. Returns `{ record, note, problems }`: `problems`
 * are faults in our own files (a correction that matches no row, an alias of no authority, an
 * inspection of an authority the lookup lacks), which must stop the build; rows of the history
 * file that cannot be read are not problems of ours: they are in `record.leftOut` and in the note.
 */
export async function buildRecordData(folder = FOLDER) {
  const read = (name) => readFile(join(folder, name), "utf8");
  const corrections = parseCorrections(await read("corrections.csv"));
  const aliases = parseAliases(await read("aliases.csv"));
  const historyText = await read(HISTORY_FILE);
  const history = parseHistory(historyText, { corrections: corrections.corrections, maxProblems: Infinity });
  const lookup = parseLookup(await read("la_lookup.csv"), aliases.aliases);
  const problems = [
    ...corrections.problems.map((p) => `corrections.csv: ${p.message}`),
    ...aliases.problems.map((p) => `aliases.csv: ${p.message}`),
    ...lookup.problems.map((p) => `la_lookup.csv: ${p.message}`),
  ];
  // Every correction must change a row of this history file (else it is stale or mistyped).
  const links = new Set(
    history.inspections.flatMap((i) => (i.corrections ?? []).map((c) => `${i.urn} ${c.field} ${c.value}`)),
  );
  for (const c of corrections.corrections)
    if (!links.has(`${c.urn} ${c.field} ${c.value}`))
      problems.push(
        `corrections.csv: the correction of ${c.field} for ${c.link} matches no readable row of ${HISTORY_FILE}`,
      );
  const known = new Set(lookup.authorities.map((a) => a.urn));
  for (const i of history.inspections)
    if (!known.has(i.urn)) problems.push(`${HISTORY_FILE}: URN ${i.urn} (${i.name}) is not in la_lookup.csv`);
  if (!history.inspections.length) problems.push(`${HISTORY_FILE}: no ILACS inspection could be read`);
  const record = makeRecord(
    lookup.authorities,
    history.inspections,
    { kind: "shipped", file: HISTORY_FILE },
    history.problems,
    corrections.corrections,
  );
  return { record, note: makeNote(record, history, historyText), problems };
}

/** The generated note: what the record holds, what was corrected and why, what could not be read. */
export function makeNote(record, history, historyText) {
  const rows = historyText.split(/\r?\n/).filter(Boolean).length - 1;
  const current = currentAuthorities(record);
  const never = current.filter((a) => !inspectionsOf(record, a.urn).length);
  const byUrn = new Map(record.authorities.map((a) => [a.urn, a]));
  const corrected = history.inspections.filter((i) => i.corrections);
  const lines = [
    "# The record as built (generated: do not edit)",
    "",
    `Made by \`node scripts/record-data.mjs\` from \`${HISTORY_FILE}\`, \`corrections.csv\`, \`la_lookup.csv\``,
    "and `aliases.csv` in this folder. `e2e/record-data.test.mjs` fails when this note is not current.",
    "",
    `- **Ofsted's published grades to ${monthYear(record.to)}**: ${history.inspections.length} ILACS inspections`,
    `  (short or standard) from ${rows} rows; ${history.skipped} rows of the older SIF framework hold no ILACS grades`,
    `  and are not used; the latest inspection ended ${longDate(record.to)}.`,
    `- ${current.length} authorities (${record.authorities.length - current.length} former ones kept so that old names still`,
    "  find their successors), each with its Ofsted URN, DfE three-digit code and ONS code.",
    `- ${never.length ? `${never.length} authorities have no ILACS inspection in the record: ${never.map((a) => a.name).join(", ")}.` : "Every authority has at least one ILACS inspection in the record."}`,
    "",
    `## Corrections applied (${corrected.length} reports)`,
    "",
    "Tags: V official text read, D our arithmetic on or reading of the record, S secondary source,",
    "U unverified (not in our sources: left for the user to enter from the report), R our assumption.",
    "",
  ];
  for (const i of corrected) {
    const a = byUrn.get(i.urn);
    lines.push(
      `### ${a?.name ?? i.urn}: report published ${longDate(i.publishedOn)}`,
      "",
      `Report: https://files.ofsted.gov.uk/v1/file/${i.report}`,
      "",
    );
    for (const c of i.corrections)
      lines.push(
        `- ${FIELD_WORDS[c.field] ?? c.field}: ${c.value === "" ? "unknown" : `"${c.value}"`} [${c.tag}] — ${c.note} Source: ${c.source}`,
      );
    lines.push("");
  }
  lines.push(`## Rows that could not be read (${history.problems.length})`, "");
  if (!history.problems.length)
    lines.push("None: every row with ILACS grades is in the record, corrected where listed above.", "");
  else {
    lines.push("Left out of the record; the page says how many. Correct them in corrections.csv with a source.", "");
    for (const p of history.problems) lines.push(`- ${p.message}`);
    lines.push("");
  }
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { note, problems, record } = await buildRecordData();
  if (problems.length) {
    console.error(`data/ofsted-ilacs does not build:\n${problems.join("\n")}`);
    process.exit(1);
  }
  for (const p of record.leftOut) console.log(`could not be read: ${p.message}`);
  const path = join(FOLDER, NOTE_FILE);
  if (process.argv.includes("--check")) {
    const committed = await readFile(path, "utf8").catch(() => "");
    if (committed !== note) {
      console.error(`${path} is not current: run node scripts/record-data.mjs`);
      process.exit(1);
    }
    console.log(`${NOTE_FILE} is current`);
  } else {
    await writeFile(path, note);
    console.log(
      `wrote ${path}: ${record.inspections.length} inspections to ${record.to}, ${record.leftOut.length} rows left out`,
    );
  }
}
