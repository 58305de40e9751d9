// The Word and Excel exports, opened in a real office suite. A full self-evaluation is loaded, the
// page's own buttons are clicked and the downloads captured; LibreOffice (headless, its own
// profile) converts the Word file to PDF and text and the workbook to CSV (one file a sheet) and
// to flat ODS XML. Every judgement, grade, reason, action, owner and date the page showed must be
// in them; dates and numbers must be typed cells; text that a spreadsheet or a word processor
// could take for code (=HYPERLINK(...), <w:p>, </script>) must come out as the same text. The
// same for the offline file, and for the facilitator's workshop comparison. Page images of the
// PDFs go to e2e-artifacts/ for people to look at.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { unzipSync, strFromU8 } from "fflate";
import {
  ARTIFACTS,
  DIST,
  ROOT,
  STRICT_CSP,
  cspViolations,
  foreignRequests,
  openPage,
  screenshot,
  startServer,
  useSite,
  waitReady,
} from "./harness.mjs";
import { onPage } from "./steps.mjs";
import { odsTypesOf, readDocx, readDocxBlocks, readXlsx, removeWork } from "./office.mjs";

const site = useSite();
let work;
before(async () => {
  work = await mkdtemp(join(tmpdir(), "stocktake-exports-"));
});
after(async () => {
  if (work) await rm(work, { recursive: true, force: true });
  await removeWork();
});

const EVIL = ['=HYPERLINK("http://x","y")', "<w:p>", "</script>", "+44 1234 567890", "@risk"];

/** A whole 2026 self-evaluation (the golden full-2026 file) with history, and hostile text in notes and actions. */
async function assessmentText() {
  const a = JSON.parse(await readFile(join(ROOT, "tests", "golden", "v1", "full-2026.json"), "utf8"));
  a.authority = "Exportshire & Vale (fictional)";
  a.history = {
    lastInspection: {
      kind: "standard",
      startedOn: "2024-03-04",
      endedOn: "2024-03-15",
      grades: { help_and_protection: "good", children_in_care: "requires_improvement" },
    },
  };
  const ids = Object.keys(a.answers);
  a.answers[ids[0]].notes = EVIL[0];
  a.answers[ids[1]].notes = EVIL[1];
  // Hostile text in actions, on statements in the action plan (below good).
  const gaps = ids.filter((id) => ["requires_improvement", "inadequate", "not_known"].includes(a.answers[id].level));
  a.answers[gaps[0]].action = { text: EVIL[2], owner: EVIL[3], due: "2027-01-29" };
  a.answers[gaps[1]].action = { text: EVIL[0], owner: EVIL[4], due: "2027-02-26" };
  return JSON.stringify(a);
}

async function loadAssessment(page, text) {
  await page.evaluate((t) => {
    const app = document.querySelector("stocktake-app").app;
    app.load(app.core.parseAssessmentText(t).assessment);
    app.saveNow();
    app.go("results");
  }, text);
  await onPage(page, "results");
}

/** What the page shows: judgements and grades (results), reasons, actions with owners and dates (action plan), the pathway's dates. */
async function shown(page) {
  const read = (sel) =>
    page.evaluate(
      (s) =>
        [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(s)].map((e) =>
          e.textContent.replace(/\s+/g, " ").trim(),
        ),
      sel,
    );
  const out = {};
  out.judgements = await read(".st-judgement h2");
  // Each judgement with its grade and its chance of each grade (the chart's table), and the
  // summary's rows: judgement, the grade the answers fit, the most likely grade with its chance.
  out.triples = await page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(".st-judgement")].map((sec) => ({
      name: sec.querySelector(`#${sec.id}-title`).textContent.trim(),
      grade: sec.querySelector(".st-grade").textContent.trim(),
      chances: [...sec.querySelectorAll(".st-chart-wrap table tbody tr")].map((tr) =>
        [...tr.children].map((c) => c.textContent.trim()),
      ),
    })),
  );
  out.summary = await page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll("#results-summary table tbody tr")].map(
      (tr) => [...tr.children].map((c) => c.textContent.replace(/\s+/g, " ").trim()),
    ),
  );
  out.reasons = await page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(".st-reasons > li")].map((li) =>
      li.firstChild.textContent.trim(),
    ),
  );
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("actions"));
  await onPage(page, "actions");
  out.actions = await page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(".st-action-table tbody tr")].map((tr) =>
      [...tr.cells].map((c) => c.textContent.replace(/\s+/g, " ").trim()),
    ),
  );
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("timeline"));
  await onPage(page, "timeline");
  out.when = await read(".st-timeline__when");
  // Each event's title without its tag ("Assumption", "Unverified"), which the files write in words.
  out.events = await page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(".st-timeline__title")].map((e) => {
      const c = e.cloneNode(true);
      for (const t of c.querySelectorAll(".govuk-tag")) t.remove();
      return c.textContent.replace(/\s+/g, " ").trim();
    }),
  );
  out.eventTags = await read(".st-timeline__title .st-assumption, .st-timeline__title .st-unverified");
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("results"));
  await onPage(page, "results");
  return out;
}

/** Clicks the button `id` in the shadow root and saves the download into `dir`; returns its path. */
async function download(page, id, dir) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.locator(`#${id}`).click()]);
  await mkdir(dir, { recursive: true });
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return path;
}

const squash = (s) => s.replace(/\s+/g, "");
/** Whether `needle` is in `hay`, ignoring where lines and cells wrap. */
const contains = (hay, needle) => squash(hay).includes(squash(needle));

let hosted;

test("from the results page, one click each gives a Word document and a workbook, made on this device", async () => {
  const { page, requests, errors } = await openPage(site.browser, { acceptDownloads: true });
  await page.goto(site.url);
  await waitReady(page);
  assert.equal(
    requests.filter((u) => u.includes("stocktake-exports")).length,
    0,
    "the exporters are not part of the first visit",
  );
  await loadAssessment(page, await assessmentText());
  // Last year's file, opened on the compare page as a user would.
  const lastYear = JSON.parse(await assessmentText());
  lastYear.assessedOn = "2025-05-12";
  const first = Object.keys(lastYear.answers)[0];
  lastYear.answers[first].level = lastYear.answers[first].level === "good" ? "inadequate" : "good";
  await writeFile(join(work, "last-year.json"), JSON.stringify(lastYear));
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("compare"));
  await onPage(page, "compare");
  await page.locator("#last-year-file").setInputFiles(join(work, "last-year.json"));
  await page.locator(".st-compare-judgements").waitFor();
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("results"));
  await onPage(page, "results");
  const seen = await shown(page);
  const before = requests.length;
  const dir = join(work, "hosted");
  const docx = await download(page, "export-docx", dir);
  assert.match(docx, /stocktake-exportshire-vale-fictional-2026-05-14\.docx$/);
  assert.match(await page.locator("#notice-heading").textContent(), /Your Word document has been downloaded/);
  const xlsx = await download(page, "export-xlsx", dir);
  assert.match(xlsx, /\.xlsx$/);
  assert.match(await page.locator("#notice-heading").textContent(), /Your spreadsheet has been downloaded/);
  // The outcome is said once, by the banner: the status line only says "Making…" while it works.
  assert.equal(await page.locator("#export-status").textContent(), "");
  await screenshot(page, "exports-results-downloaded");
  const later = requests.slice(before).filter((u) => !u.startsWith("blob:") && !u.startsWith("data:"));
  assert.deepEqual(later, [`${site.url}stocktake-exports.mjs`], "only our own exporters file is fetched, once");
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  // Kept for people to open (e2e-artifacts/ is not committed).
  await mkdir(ARTIFACTS, { recursive: true });
  await copyFile(docx, join(ARTIFACTS, "exports-self-evaluation.docx"));
  await copyFile(xlsx, join(ARTIFACTS, "exports-self-evaluation.xlsx"));
  hosted = { seen, docx, xlsx };
});

test("the Word document opens in LibreOffice with every judgement, reason, action and date the page showed", async () => {
  assert.ok(hosted, "the export test ran");
  const { seen, docx } = hosted;
  const { pdfText, text, pages } = await readDocx(docx, "exports-docx");
  const all = `${pdfText}\n${text}`;
  assert.ok(pages >= 8, `a document of several pages (${pages})`);
  for (const s of ["Draft — private", "Self-evaluation", "Exportshire & Vale (fictional)", "14 May 2026"])
    assert.ok(pdfText.includes(s), `title page: ${s}`);
  assert.ok(contains(pdfText, "Framework: ILACS"), "the framework's name, not its id");
  assert.ok(!pdfText.includes("ilacs-2026-04"), "no framework id");
  for (const s of [
    "Summary",
    "The top risks",
    "The next inspection",
    "What we know",
    "How we know it",
    "Our plans",
    "Why",
    "What would lift this judgement",
    "How sure is this?",
    "Action plan",
    "Inspection pathway",
    "Indicators against England",
    "Compared with last year",
  ])
    assert.ok(pdfText.includes(s), `section ${s}`);
  assert.ok(seen.judgements.length >= 4);
  for (const j of seen.judgements) assert.ok(contains(pdfText, j), `judgement ${j}`);
  // Each judgement's grade and chances, in its own section: the next test.
  assert.ok(seen.reasons.length > 4);
  for (const r of seen.reasons) assert.ok(contains(all, r), `reason ${r}`);
  assert.ok(seen.actions.length > 4);
  for (const [, , action, owner, due] of seen.actions) {
    if (action !== "No action yet") assert.ok(contains(text, action), `action ${action}`);
    if (owner) assert.ok(contains(text, owner), `owner ${owner}`);
    if (due) assert.ok(contains(all, due), `due ${due}`);
  }
  assert.ok(seen.when.length > 2);
  for (const w of seen.when) {
    // Pathway dates as the page shows them, each date in it.
    for (const d of w.match(/\d{1,2} \w+ \d{4}/g) ?? []) assert.ok(contains(all, d), `pathway date ${d}`);
  }
  for (const e of seen.events) assert.ok(contains(all, e), `pathway event ${e}`);
  // A tag the page shows on an event ("Unverified", "Assumption") is in the document in words too.
  for (const t of new Set(seen.eventTags)) assert.ok(contains(all, `(${t.toLowerCase()})`), `tag ${t}`);
  for (const s of EVIL) assert.ok(text.includes(s), `user text comes out as typed: ${s}`);
  assert.ok(pdfText.includes("Prepared with Stocktake"), "a small prepared-with line");
});

/** The blocks under the Heading 1 `name` of a Word file's blocks, up to the next Heading 1. */
function section(blocks, name) {
  const i = blocks.findIndex((b) => b.type === "h" && b.level === 1 && b.text === name);
  assert.ok(i >= 0, `a section headed ${name}`);
  const end = blocks.findIndex((b, k) => k > i && b.type === "h" && b.level === 1);
  return blocks.slice(i + 1, end < 0 ? undefined : end);
}

/** A table's rows without its header row `head`. */
function body(table, head) {
  assert.ok(table, `a table headed ${head.join(", ")}`);
  assert.deepEqual(table.rows[0], head);
  return table.rows.slice(1);
}

/** The page's judgements: at least four, not all with the same grade or the same chances. */
function checkTriplesDiffer(seen) {
  assert.ok(seen.triples.length >= 4, "the results show the judgements");
  assert.ok(new Set(seen.triples.map((t) => t.grade)).size > 1, "the judgements' grades differ, so a swap shows");
  assert.ok(new Set(seen.triples.map((t) => JSON.stringify(t.chances))).size > 1, "so do their chances");
  for (const t of seen.triples) assert.ok(t.chances.length >= 4, `${t.name}: a chance for each grade`);
  assert.equal(seen.summary.length, seen.triples.length, "one summary row a judgement");
}

test("the Word document gives each judgement the grade, the most likely grade and the chances the page gave it", async () => {
  const { seen, docx } = hosted;
  checkTriplesDiffer(seen);
  const blocks = await readDocxBlocks(docx, "exports-docx");
  // The summary: judgement, the grade the answers fit, the most likely grade with its chance, row by row.
  const summary = section(blocks, "Summary").find((b) => b.type === "table");
  assert.deepEqual(
    body(summary, ["Judgement", "Our answers fit", "Allowing for our evidence"]),
    seen.summary,
    "the summary table says what the page's says",
  );
  for (const t of seen.triples) {
    const sec = section(blocks, t.name);
    const fit = sec.find((b) => b.type === "p" && b.text.startsWith("Our answers fit: "));
    assert.ok(fit?.text.startsWith(`Our answers fit: ${t.grade}.`), `${t.name}: ${fit?.text} (page: ${t.grade})`);
    const sure = sec.findIndex((b) => b.type === "h" && b.text === "How sure is this?");
    assert.ok(sure >= 0, `${t.name}: how sure is this?`);
    const chances = sec.slice(sure).find((b) => b.type === "table");
    assert.deepEqual(body(chances, ["Grade", "Chance"]), t.chances, `${t.name}: the chance of each grade`);
  }
});

test("the Word document has real headings, repeated table header rows and Arial", async () => {
  const files = unzipSync(new Uint8Array(await readFile(hosted.docx)));
  const body = strFromU8(files["word/document.xml"]);
  const styles = strFromU8(files["word/styles.xml"]);
  assert.match(body, /<w:pStyle w:val="Heading1"\/>/);
  assert.match(body, /<w:pStyle w:val="Heading2"\/>/);
  assert.match(body, /<w:tblHeader\/>|<w:tblHeader w:val="(true|1)"\/>/);
  assert.match(styles, /w:ascii="Arial"/);
  assert.ok(!/Stocktake/i.test(body.replace(/Prepared with Stocktake[^<]*/g, "")), "no branding beyond the line");
  for (const s of ["&lt;w:p&gt;", "&lt;/script&gt;"]) assert.ok(body.includes(s), `escaped ${s}`);
});

test("the workbook opens in LibreOffice: its sheets, typed dates and numbers, frozen filtered headers, no formulas", async () => {
  const { seen, xlsx } = hosted;
  const { sheets, fods } = await readXlsx(xlsx, "exports-xlsx");
  assert.deepEqual(Object.keys(sheets).sort(), [
    "Action plan",
    "Answers",
    "Indicators",
    "Judgements",
    "Last year",
    "Pathway",
    "Reasons",
    "Summary",
  ]);
  assert.ok(sheets["Last year"].length > 2, "judgements then and now, and the statement that moved");
  const cells = (name) => sheets[name].flat();
  // Each judgement's row: the grade the answers fit, the most likely grade and every chance, as the page said.
  checkTriplesDiffer(seen);
  const jHead = sheets.Judgements[0];
  const col = (name) => {
    const i = jHead.indexOf(name);
    assert.ok(i >= 0, `a column ${name}`);
    return i;
  };
  assert.equal(sheets.Judgements.length - 1, seen.triples.length, "one row a judgement");
  for (const [k, t] of seen.triples.entries()) {
    const row = sheets.Judgements.find((r) => r[0] === t.name);
    assert.ok(row, `judgement ${t.name}`);
    assert.equal(row[col("Your answers fit")], t.grade, `${t.name}: the grade`);
    // The summary's "Most likely as fitted (62%)" or "Most likely good (62%)".
    const [, likely, chance] = seen.summary[k][2].match(/^Most likely (.+) \((\d+%)\)$/) ?? [];
    assert.ok(likely, `${t.name}: the page gives a most likely grade`);
    const likelyLabel = likely === "as fitted" ? t.grade : likely;
    assert.equal(
      row[col("Most likely allowing for evidence")].toLowerCase(),
      likelyLabel.toLowerCase(),
      `${t.name}: most likely`,
    );
    for (const [grade, pct] of t.chances)
      assert.equal(row[col(`Chance ${grade.toLowerCase()}`)], pct, `${t.name}: chance ${grade}`);
    assert.ok(t.chances.some(([g, pct]) => g.toLowerCase() === likelyLabel.toLowerCase() && pct === chance));
  }
  for (const r of seen.reasons) assert.ok(cells("Reasons").includes(r), `reason ${r}`);
  const plan = sheets["Action plan"];
  const head = plan[0];
  const due = head.indexOf("Due");
  for (const [, , action, owner, dueText] of seen.actions) {
    if (action === "No action yet") continue;
    const row = plan.find((r) => r[head.indexOf("Action")] === action && r[head.indexOf("Owner")] === owner);
    assert.ok(row, `action ${action}`);
    // The page's "29 Jan 2027" is the cell's date, shown dd/mm/yyyy.
    const d = new Date(`${dueText} UTC`);
    const dd = `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
    assert.equal(row[due], dd, `due date of ${action}`);
  }
  for (const s of EVIL) assert.ok(cells("Answers").includes(s) || cells("Action plan").includes(s), `text ${s}`);
  // LibreOffice read the evil text as text, the dates as dates, the counts and chances as numbers.
  for (const s of EVIL) {
    const types = odsTypesOf(fods, s);
    assert.ok(types.length > 0, `found ${s}`);
    assert.ok(
      types.every((t) => t === "string"),
      `${s} is a text cell (${types})`,
    );
  }
  assert.ok(!/table:formula=/.test(fods), "no cell is a formula");
  assert.ok(odsTypesOf(fods, "29/01/2027").includes("date"), "a due date is a date cell");
  assert.match(fods, /office:value-type="float"/, "counts are numbers");
  assert.match(fods, /office:value-type="percentage"/, "chances are percentages");
  const files = unzipSync(new Uint8Array(await readFile(xlsx)));
  for (const [name, data] of Object.entries(files)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    assert.match(xml, /<pane [^>]*ySplit="1"[^>]*state="frozen"/, `${name}: header row frozen`);
    assert.match(xml, /<autoFilter ref="A1:[A-Z]+\d+"\/>/, `${name}: filtered`);
    assert.ok(!/<f>|<f /.test(xml), `${name}: no formula`);
  }
  // LibreOffice keeps the filter when it reads the file (its database range for the sheet).
  assert.match(fods, /table:display-filter-buttons="true"/);
});

test("the printed report follows the Word document's sections", async () => {
  const { page, errors } = await openPage(site.browser, { acceptDownloads: true });
  await page.goto(site.url);
  await waitReady(page);
  await loadAssessment(page, await assessmentText());
  // Last year's file too, so that both have the comparison.
  const lastYear = JSON.parse(await assessmentText());
  lastYear.assessedOn = "2025-05-12";
  await writeFile(join(work, "report-last-year.json"), JSON.stringify(lastYear));
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("compare"));
  await onPage(page, "compare");
  await page.locator("#last-year-file").setInputFiles(join(work, "report-last-year.json"));
  await page.locator(".st-compare-judgements").waitFor();
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("report"));
  await onPage(page, "report");
  const headings = await page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(".st-report-section > h2")].map(
      (e) => e.textContent,
    ),
  );
  // The report model's sections (www/exports/report.mjs): the Word document's headings.
  const judgements = await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    return app.scored.judgements.map((j) => j.name);
  });
  assert.equal(headings[0], "Summary");
  for (const j of judgements) assert.ok(headings.includes(j), j);
  // Last year's file was loaded, so its comparison closes the report.
  assert.deepEqual(headings.slice(-4), [
    "Action plan",
    "Inspection pathway",
    "Indicators against England",
    "Compared with last year",
  ]);
  assert.equal(await page.locator("#export-docx").count(), 1);
  assert.equal(await page.locator("#export-xlsx").count(), 1);
  // The Word file this page makes, opened in LibreOffice: its Heading 1s are the printed report's
  // sections, in the same order (both are rendered from the one report model).
  const docx = await download(page, "export-docx", join(work, "report"));
  const blocks = await readDocxBlocks(docx, "exports-report-docx");
  const word = blocks.filter((b) => b.type === "h" && b.level === 1).map((b) => b.text);
  assert.deepEqual(word, headings);
  assert.deepEqual(errors, []);
});

test("the offline file makes both files too, with no request and no CSP violation", async () => {
  const fileUrl = pathToFileURL(join(DIST, "stocktake-offline.html")).href;
  const { page, requests, errors } = await openPage(site.browser, { acceptDownloads: true });
  await page.goto(fileUrl);
  await waitReady(page);
  await loadAssessment(page, await assessmentText());
  const dir = join(work, "offline");
  const docx = await download(page, "export-docx", dir);
  const xlsx = await download(page, "export-xlsx", dir);
  assert.deepEqual(
    requests.filter((u) => u !== fileUrl && !u.startsWith("data:") && !u.startsWith("blob:")),
    [],
  );
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  const { text } = await readDocx(docx, "exports-offline-docx");
  assert.ok(text.includes("Exportshire & Vale (fictional)"));
  for (const s of EVIL) assert.ok(text.includes(s), `offline Word: ${s}`);
  const { sheets } = await readXlsx(xlsx, "exports-offline-xlsx");
  assert.ok(sheets.Judgements.length > 4);
  assert.ok(sheets.Answers.flat().includes(EVIL[0]));
});

test("the facilitator's workshop comparison exports as a Word document and a workbook", async () => {
  const { page, errors } = await openPage(site.browser, { acceptDownloads: true });
  await page.goto(site.url);
  await waitReady(page);
  // Two participants' files of the same scenario.
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("workshop-compare"));
  await onPage(page, "workshop-compare");
  const { files, notes, first, labels } = await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    const s = app.core.scenarios()[0];
    const full = app.workshopCore.scenario(s.id);
    const fw0 = app.fw(full.participantStart.framework);
    const make = (name, level) => {
      const a = JSON.parse(JSON.stringify(full.participantStart));
      a.participant = name;
      const fw = app.fw(a.framework);
      for (const area of fw.areas) for (const st of area.statements) a.answers[st.id] = { level, evidence: [] };
      return JSON.stringify(a);
    };
    return {
      files: [make('=HYPERLINK("http://x","y")', "good"), make("Ann <w:p>", "requires_improvement")],
      notes: full.facilitator,
      first: { area: fw0.areas[0].name, statement: fw0.areas[0].statements[0].text },
      labels: [app.levelLabel("good"), app.levelLabel("requires_improvement")],
    };
  });
  const dir = join(work, "workshop-in");
  await mkdir(dir, { recursive: true });
  const paths = [];
  for (const [i, f] of files.entries()) {
    const p = join(dir, `participant-${i + 1}.json`);
    await writeFile(p, f);
    paths.push(p);
  }
  await page.locator("#workshop-files").setInputFiles(paths);
  await page.locator("#export-docx").waitFor();
  const out = join(work, "workshop");
  const docx = await download(page, "export-docx", out);
  const xlsx = await download(page, "export-xlsx", out);
  assert.deepEqual(errors, []);
  await copyFile(docx, join(ARTIFACTS, "exports-workshop.docx"));
  await copyFile(xlsx, join(ARTIFACTS, "exports-workshop.xlsx"));
  const { text } = await readDocx(docx, "exports-workshop-docx");
  for (const s of ["Where participants disagree most", "Projected judgements", "Statement by statement", "Ann <w:p>"])
    assert.ok(text.includes(s), `workshop Word: ${s}`);
  assert.ok(text.includes('=HYPERLINK("http://x","y")'));
  // The facilitator notes: the summary, each judgement's likely grade and why, the traps.
  const blocks = await readDocxBlocks(docx, "exports-workshop-blocks");
  const at = (heading) => blocks.findIndex((b) => b.type === "h" && b.text === heading);
  assert.ok(at("Facilitator notes") >= 0, "a Facilitator notes section");
  assert.ok(at("Facilitator notes") < at("Where participants disagree most"), "before the figures");
  assert.ok(blocks.some((b) => b.type === "p" && b.text === notes.summary.replace(/\s+/g, " ").trim()));
  const likely = blocks.find((b) => b.type === "table" && b.rows[0].join("|") === "Judgement|Likely grade|Why");
  assert.ok(likely, "the likely grades table");
  assert.deepEqual(
    likely.rows.slice(1).map((r) => r[2]),
    notes.judgements.map((j) => j.why.replace(/\s+/g, " ").trim()),
  );
  for (const trap of notes.traps) assert.ok(text.includes(trap), `trap: ${trap}`);
  // Who answered what: participants by statements, each cell the level given, with agreement and spread.
  assert.ok(at("Who answered what") > at("Statement by statement"));
  const grid = blocks.filter(
    (b) =>
      b.type === "table" &&
      b.rows[0].join("|") === 'Statement|=HYPERLINK("http://x","y")|Ann <w:p>|Agreement|Spread|Reference',
  );
  assert.ok(grid.length >= 4, `a grid per area (${grid.length})`);
  assert.ok(text.includes(`Who answered what: ${first.area}`), "the first area's grid is captioned");
  const [statement, ...cells] = grid[0].rows[1];
  assert.equal(statement, first.statement);
  assert.deepEqual(cells.slice(0, 4), [...labels, "50%", "1"]);
  for (const t of grid) for (const row of t.rows.slice(1)) assert.deepEqual(row.slice(1, 5), [...labels, "50%", "1"]);
  const { sheets, fods } = await readXlsx(xlsx, "exports-workshop-xlsx");
  assert.deepEqual(Object.keys(sheets).sort(), ["Judgements", "Participants", "Statements", "Who answered what"]);
  const who = sheets["Who answered what"];
  assert.deepEqual(who[0].slice(3), [
    '=HYPERLINK("http://x","y")',
    "Ann <w:p>",
    "Agreement",
    "Spread (grades)",
    "Reference",
  ]);
  assert.equal(who[1][2], first.statement);
  assert.deepEqual(who[1].slice(3, 5), labels);
  assert.equal(who.length - 1, sheets.Statements.length - 1, "a row per statement");
  assert.ok(sheets.Participants.flat().includes('=HYPERLINK("http://x","y")'));
  assert.ok(odsTypesOf(fods, '=HYPERLINK("http://x","y")').every((t) => t === "string"));
  assert.ok(!/table:formula=/.test(fods));
  const head = sheets.Statements[0];
  assert.ok(head.includes("Agreement"));
  await screenshot(page, "exports-workshop");
});

test("every framework's self-evaluation exports both files from the results and action plan pages", async () => {
  const { page, errors } = await openPage(site.browser, { acceptDownloads: true });
  await page.goto(site.url);
  await waitReady(page);
  const ids = await page.evaluate(() => document.querySelector("stocktake-app").app.frameworks.map((f) => f.id));
  assert.ok(ids.length >= 5);
  for (const [n, id] of ids.entries()) {
    const where = n % 2 ? "actions" : "results";
    await page.evaluate(
      ([fw, n, where]) => {
        const app = document.querySelector("stocktake-app").app;
        app.begin(fw);
        app.set("authority", `Framework test ${n}`);
        const levels = ["good", "requires_improvement", "outstanding", "inadequate", "not_known"];
        let i = 0;
        for (const area of app.fw().areas)
          for (const s of area.statements) app.set(`answers.${s.id}.level`, levels[i++ % levels.length]);
        app.saveNow();
        app.go(where);
      },
      [id, n, where],
    );
    await onPage(page, where);
    const dir = join(work, `fw-${id}`);
    const docx = await download(page, "export-docx", dir);
    const xlsx = await download(page, "export-xlsx", dir);
    const { text } = await readDocx(docx, `exports-fw-${id}`, id.startsWith("sccif"));
    const name = await page.evaluate(() => document.querySelector("stocktake-app").app.fw().name);
    assert.ok(text.includes(name), `${id}: the framework's name`);
    const { sheets } = await readXlsx(xlsx, `exports-fw-${id}`);
    assert.ok(sheets.Answers.length > 10, `${id}: answers`);
  }
  assert.deepEqual(errors, []);
});

test("embedded in an intranet page under a strict CSP header, the exports load and work with no violation", async () => {
  const { server, url } = await startServer(DIST, { headers: { "Content-Security-Policy": STRICT_CSP } });
  try {
    const { page, requests, errors } = await openPage(site.browser, { acceptDownloads: true });
    await page.goto(new URL("embed-example.html", url).href);
    await waitReady(page);
    await loadAssessment(page, await assessmentText());
    const dir = join(work, "embed");
    const docx = await download(page, "export-docx", dir);
    const xlsx = await download(page, "export-xlsx", dir);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreignRequests(requests, url), []);
    assert.ok(requests.includes(`${url}stocktake-exports.mjs`));
    const { text } = await readDocx(docx, "exports-embed-docx", false);
    assert.ok(text.includes("Exportshire & Vale (fictional)"));
    const { sheets } = await readXlsx(xlsx, "exports-embed-xlsx");
    assert.ok(sheets.Answers.flat().includes(EVIL[0]));
  } finally {
    server.close();
  }
});

test("a self-evaluation with nothing answered yet still exports both files", async () => {
  const { page, errors } = await openPage(site.browser, { acceptDownloads: true });
  await page.goto(site.url);
  await waitReady(page);
  await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    app.begin();
    app.go("results");
  });
  await onPage(page, "results");
  const dir = join(work, "empty");
  const docx = await download(page, "export-docx", dir);
  assert.match(await page.locator("#notice-heading").textContent(), /Word document has been downloaded/);
  const xlsx = await download(page, "export-xlsx", dir);
  assert.deepEqual(errors, []);
  const { text } = await readDocx(docx, "exports-empty-docx", false);
  assert.match(text, /Not enough answered yet/);
  assert.match(text, /No action is planned for this judgement yet|No statement in this judgement is answered yet/);
  const { sheets } = await readXlsx(xlsx, "exports-empty-xlsx");
  assert.ok(sheets.Answers.length > 10, "every statement, unanswered");
});
