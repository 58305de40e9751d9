// CSV, read and written in one place, by papaparse: the record's files (history, lookup,
// corrections, aliases), the audits import and export, the answers' and the regional exports, the
// build's scripts and the tests that read what LibreOffice writes.

import Papa from "papaparse";

/**
 * A row's cells, with `number`: its row number as a spreadsheet shows it (1 is the header; blank
 * rows count, a quoted cell's line breaks do not).
 * @typedef {string[] & { number: number }} CsvRow
 */

/** @typedef {{ row: number, message: string }} CsvProblem */

/**
 * CSV text → `{ rows, problems }` (RFC 4180: quoted cells may hold commas, doubled quotes and line
 * breaks). A leading byte order mark is dropped; lines may end in LF, CRLF or CR, mixed. Blank rows
 * are left out of `rows`, but the rows after them keep their spreadsheet numbers. `problems` name
 * each row whose quotation marks do not pair up (everything after an unclosed quote runs into one
 * cell, so a reader should refuse the file rather than guess).
 * @param {string} text
 * @returns {{ rows: CsvRow[], problems: CsvProblem[] }}
 */
export function readCsv(text) {
  const s = String(text ?? "")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");
  /** @type {Papa.ParseResult<string[]>} */
  const parsed = Papa.parse(s, { delimiter: ",", newline: "\n", quoteChar: '"', skipEmptyLines: false });
  /** @type {CsvRow[]} */
  const rows = [];
  parsed.data.forEach((cells, i) => {
    if (!(cells.length === 1 && cells[0] === "")) rows.push(Object.assign(cells, { number: i + 1 }));
  });
  const seen = new Set();
  /** @type {CsvProblem[]} */
  const problems = [];
  for (const e of parsed.errors) {
    if (e.type !== "Quotes") continue;
    const row = (e.row ?? 0) + 1;
    if (seen.has(row)) continue;
    seen.add(row);
    problems.push({
      row,
      message:
        e.code === "MissingQuotes"
          ? `Row ${row}: a quotation mark (") opens a cell that is never closed, so the rest of the file would run into that cell`
          : `Row ${row}: a quoted cell has more text after its closing quotation mark (") before the next comma`,
    });
  }
  return { rows, problems };
}

/**
 * CSV text → `{ grid, problems }`: the rows as a spreadsheet shows them, blank rows kept (as `[""]`),
 * so `grid[n - 1]` is row n.
 * @param {string} text
 * @returns {{ grid: string[][], problems: CsvProblem[] }}
 */
export function readCsvGrid(text) {
  const { rows, problems } = readCsv(text);
  /** @type {string[][]} */
  const grid = Array.from({ length: rows.at(-1)?.number ?? 0 }, () => [""]);
  for (const r of rows) grid[r.number - 1] = [...r];
  return { grid, problems };
}

/**
 * CSV text → rows of cells by column name, from a first row of column names (trimmed). For files
 * the repository ships, where a problem is a build failure: throws on any.
 * @param {string} text
 * @returns {Record<string, string>[]}
 */
export function readCsvObjects(text) {
  const { rows, problems } = readCsv(text);
  if (problems.length) throw new Error(problems.map((p) => p.message).join("; "));
  const [head = [], ...body] = rows;
  const names = head.map((c) => c.trim());
  return body.map((r) => Object.fromEntries(names.map((n, i) => [n, r[i] ?? ""])));
}

/** A cell a spreadsheet would run as a formula: it starts =, +, -, @, tab or carriage return. */
const FORMULA = /^[=+\-@\t\r]/;

/**
 * Rows → CSV text as spreadsheets open it well: a UTF-8 byte order mark (so Excel reads UTF-8), CRLF
 * line ends, every cell quoted, and a leading apostrophe on a cell a spreadsheet would otherwise run
 * as a formula (one starting =, +, -, @, tab or carriage return).
 * @param {unknown[][]} rows
 * @returns {string}
 */
export function csvText(rows) {
  const cells = rows.map((r) => r.map((v) => (v == null ? "" : String(v))));
  // Our own pattern: papaparse's `escapeFormulae: true` tests /^[=+\-@\t\r].*$/, which misses a cell
  // whose first line starts a formula and that has a second line ("-2 cases\nsecond line").
  return `\uFEFF${Papa.unparse(cells, { quotes: true, newline: "\r\n", escapeFormulae: FORMULA })}\r\n`;
}
