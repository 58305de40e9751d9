// LibreOffice, headless, for the end-to-end tests of the files Stocktake exports: converts a Word
// file to PDF, text and page images, and a workbook to one CSV a sheet and flat ODS XML (each
// cell's value type). Each run has its own LibreOffice profile, so parallel runs do not clash.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { readCsvGrid } from "../www/domain/csv.mjs";
import { ARTIFACTS } from "./harness.mjs";

export const run = promisify(execFile);

let workDir;
/** A temporary folder for this test file's conversions; removed by `removeWork()`. */
export async function work() {
  workDir ??= await mkdtemp(join(tmpdir(), "stocktake-office-"));
  return workDir;
}
export async function removeWork() {
  if (workDir) await rm(workDir, { recursive: true, force: true });
  workDir = undefined;
}

/** soffice --headless --convert-to `to`, with a profile of its own so that runs do not clash. */
export async function soffice(file, to, outdir) {
  const profile = pathToFileURL(join(await work(), `lo-profile-${process.pid}`)).href;
  await run(
    "soffice",
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", to, "--outdir", outdir, file],
    {
      timeout: 120_000,
    },
  );
}

/** The Word file as PDF text, plain text and page images (in e2e-artifacts/, named `name`). */
export async function readDocx(file, name, images = true) {
  const out = join(await work(), `${name}-out`);
  await soffice(file, "pdf", out);
  await soffice(file, "txt:Text (encoded):UTF8", out);
  const stem = file
    .split("/")
    .pop()
    .replace(/\.docx$/, "");
  const pdf = join(out, `${stem}.pdf`);
  const { stdout: pdfText } = await run("pdftotext", ["-enc", "UTF-8", pdf, "-"], { maxBuffer: 1 << 26 });
  const { stdout: info } = await run("pdfinfo", [pdf]);
  await mkdir(ARTIFACTS, { recursive: true });
  for (const f of await readdir(ARTIFACTS))
    if (f.startsWith(`${name}-`) && f.endsWith(".png")) await rm(join(ARTIFACTS, f));
  if (images) await run("pdftoppm", ["-png", "-r", "50", pdf, join(ARTIFACTS, name)]);
  const text = await readFile(join(out, `${stem}.txt`), "utf8");
  return { pdfText, text, pages: Number(info.match(/Pages:\s+(\d+)/)[1]) };
}

/**
 * The workbook as LibreOffice reads it: each sheet's CSV (cells as shown, UTF-8; LibreOffice ≥ 7.2
 * writes every sheet with sheet index -1) and the flat ODS XML (each cell's value type).
 */
export async function readXlsx(file, name) {
  const out = join(await work(), `${name}-out`);
  await soffice(file, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", out);
  await soffice(file, "fods", out);
  const stem = file
    .split("/")
    .pop()
    .replace(/\.xlsx$/, "");
  const sheets = {};
  for (const f of await readdir(out))
    if (f.startsWith(`${stem}-`) && f.endsWith(".csv"))
      sheets[f.slice(stem.length + 1, -4)] = readCsvGrid(await readFile(join(out, f), "utf8")).grid;
  const fods = await readFile(join(out, `${stem}.fods`), "utf8");
  return { sheets, fods };
}

/** The ODS cells of `fods` whose text is `text`: their value types. */
export function odsTypesOf(fods, text) {
  const esc = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const types = [];
  for (const m of fods.matchAll(
    /<table:table-cell(\s[^>]*[^/>])?>(?:(?!<\/table:table-cell>)[\s\S])*?<\/table:table-cell>/g,
  )) {
    const body = m[0]
      .replace(/<[^>]+>/g, "")
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"');
    if (body === esc.replace(/&quot;/g, '"') || m[0].includes(`>${esc}<`))
      types.push((m[1] ?? "").match(/office:value-type="([^"]+)"/)?.[1] ?? "none");
  }
  return types;
}

/** Markup's text: tags dropped, entities decoded, white space collapsed. */
function htmlText(html) {
  return html
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;|&#160;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(Number.parseInt(n, 16)))
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The Word file as LibreOffice reads it, in order: its headings `{ type: "h", level, text }`, tables
 * `{ type: "table", rows: [[cell text]] }` and paragraphs `{ type: "p", text }` (LibreOffice
 * converts it to HTML, which keeps the structure that its text export flattens).
 */
export async function readDocxBlocks(file, name) {
  const out = join(await work(), `${name}-html`);
  await soffice(file, "html:HTML (StarWriter):UTF8", out);
  const stem = file
    .split("/")
    .pop()
    .replace(/\.docx$/, "");
  const html = (await readFile(join(out, `${stem}.html`), "utf8")).replace(/^[\s\S]*?<body\b[^>]*>/i, "");
  const blocks = [];
  for (const m of html.matchAll(/<table\b[\s\S]*?<\/table>|<(h[1-6]|p)\b[^>]*>([\s\S]*?)<\/\1>/gi)) {
    if (m[0].toLowerCase().startsWith("<table"))
      blocks.push({
        type: "table",
        rows: [...m[0].matchAll(/<tr\b[\s\S]*?<\/tr>/gi)].map((r) =>
          [...r[0].matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/gi)].map((c) => htmlText(c[1])),
        ),
      });
    else if (m[1].toLowerCase() === "p") blocks.push({ type: "p", text: htmlText(m[2]) });
    else blocks.push({ type: "h", level: Number(m[1][1]), text: htmlText(m[2]) });
  }
  return blocks;
}
