// One report model (issue 28): what the report page says is what the Word document and the
// workbook say. A self-evaluation with case-file audits, a last inspection and a safety-critical
// statement rated inadequate (so the pathway has events that follow only if the coming inspection
// finds a judgement inadequate) is opened; the report page's words are read; the page's own
// buttons make both files, and LibreOffice (headless) reads them back as text. Every paragraph,
// list item and table cell of the report page is in the Word document; the conditions ("Only if
// …"), the last inspection, the audits per statement, the top risks and what would most change
// the judgements are in both. Page images of both files go to e2e-artifacts/ for people to look at.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { ARTIFACTS, ROOT, openPage, useSite, waitReady } from "./harness.mjs";
import { onPage } from "./steps.mjs";
import { readDocx, readXlsx, removeWork, run, soffice, work } from "./office.mjs";

const site = useSite();
after(removeWork);

const squash = (s) => String(s).replace(/\s+/g, "");
const contains = (hay, needle) => squash(hay).includes(squash(needle));

/** The golden self-evaluation with audits, a last inspection and a visit, and one audit dated after it. */
async function assessment() {
  const a = JSON.parse(await readFile(join(ROOT, "tests", "golden", "v2", "full-2026-with-audits.json"), "utf8"));
  a.authority = "Reportshire (fictional)";
  a.history = {
    lastInspection: {
      kind: "standard",
      startedOn: "2024-07-08",
      endedOn: "2024-07-19",
      grades: {
        overall_effectiveness: "good",
        help_and_protection: "good",
        children_in_care: "good",
        care_leavers: "good",
      },
    },
    focusedVisits: [{ endedOn: "2025-06-12", priorityActions: false }],
    monitoring: null,
    interventions: [],
  };
  // An audit dated after the self-evaluation: kept in the file, never counted.
  a.audits.push({ ...a.audits[0], caseRef: "LCS-LATE", date: "2027-02-01", moderation: undefined });
  // A multi-line action with a status and a review date.
  const gap = Object.keys(a.answers).find((id) => ["inadequate", "requires_improvement"].includes(a.answers[id].level));
  a.answers[gap].action = {
    text: "Audit every strategy discussion\nReport to the board monthly",
    owner: "Head of service",
    due: "2026-09-30",
    status: "at_risk",
    review: "2026-07-01",
  };
  return a;
}

let seen;
let files;

test("the report page renders the report model, and its buttons make both files", async () => {
  const { page, errors } = await openPage(site.browser, { acceptDownloads: true });
  await page.goto(site.url);
  await waitReady(page);
  const a = await assessment();
  await page.evaluate((text) => {
    const app = document.querySelector("stocktake-app").app;
    const parsed = app.core.parseAssessmentText(text).assessment;
    // Every safety-critical statement of help and protection inadequate: the coming inspection is
    // projected to find that judgement inadequate, so the pathway's later events are conditional.
    const fw = app.fw(parsed.framework);
    const area = fw.areas.find((x) => x.id === "help_and_protection");
    for (const s of area.statements.filter((x) => x.critical).slice(0, 2))
      parsed.answers[s.id] = { ...(parsed.answers[s.id] ?? {}), level: "inadequate", evidence: [] };
    app.load(parsed);
    app.saveNow();
    app.go("report");
  }, JSON.stringify(a));
  await onPage(page, "report");
  seen = await page.evaluate(() => {
    const root = document.querySelector("stocktake-app").shadowRoot;
    const text = (e) => e.textContent.replace(/\s+/g, " ").trim();
    const sections = [...root.querySelectorAll(".st-report-section")].map((s) => ({
      heading: text(s.querySelector("h2")),
      says: [...s.querySelectorAll("p, li, td, th, caption, h3")].map(text).filter(Boolean),
    }));
    const app = root.host.app;
    const fw = app.fw();
    return {
      sections,
      critical: fw.areas
        .flatMap((x) => x.statements)
        .filter((s) => s.critical && ["inadequate", "not_known"].includes(app.a.answers[s.id]?.level))
        .map((s) => s.text),
      neither: (fw.indicators ?? []).filter((i) => i.direction === "neither").map((i) => i.name),
      lastInspection: text(root.querySelector("#report-last-inspection")),
    };
  });
  const headings = seen.sections.map((s) => s.heading);
  assert.equal(headings[0], "Summary");
  for (const h of ["Action plan", "Inspection pathway", "Indicators against England"])
    assert.ok(headings.includes(h), h);
  const all = seen.sections.flatMap((s) => s.says).join("\n");
  assert.match(all, /Only if the coming inspection finds a judgement inadequate/, "a conditional event on the page");
  assert.match(seen.lastInspection, /Standard inspection, 8 July 2024 to 19 July 2024/);
  assert.match(all, /audited cases/, "audits per statement on the page");
  for (const name of seen.critical) assert.ok(all.includes(name.replace(/\.$/, "")), `a top risk names ${name}`);
  const dir = join(await work(), "report-model");
  await mkdir(dir, { recursive: true });
  const save = async (id) => {
    const [dl] = await Promise.all([page.waitForEvent("download"), page.locator(`#${id}`).click()]);
    const path = join(dir, dl.suggestedFilename());
    await dl.saveAs(path);
    return path;
  };
  files = { docx: await save("export-docx"), xlsx: await save("export-xlsx") };
  assert.deepEqual(errors, []);
});

test("the Word document says everything the report page says, conditions and the last inspection included", async () => {
  assert.ok(files, "the files were made");
  const { text, pdfText } = await readDocx(files.docx, "report-model-docx");
  const doc = `${text}\n${pdfText}`;
  const missing = [];
  for (const s of seen.sections) {
    assert.ok(contains(doc, s.heading), `section ${s.heading}`);
    for (const said of s.says) if (!contains(doc, said)) missing.push(`${s.heading}: ${said}`);
  }
  assert.deepEqual(missing.slice(0, 10), [], `${missing.length} things the page says are not in the Word document`);
  // Each conditional event's row: what happens, then its condition.
  const pathway = seen.sections.find((s) => s.heading === "Inspection pathway").says;
  const conditions = pathway.filter((x) => x.startsWith("Only if "));
  assert.ok(conditions.length > 0);
  assert.ok(contains(doc, "Last inspection: Standard inspection, 8 July 2024 to 19 July 2024"), "on the title page");
  assert.ok(contains(doc, "Focused visit ended 12 June 2025"));
  assert.ok(contains(doc, "Audit every strategy discussion"), "a multi-line action");
  assert.ok(contains(doc, "At risk"), "its status");
  assert.ok(!/\b(annual|intervention|publication):/.test(doc), "event kinds in words");
});

test("the workbook says the same: conditions on every conditional event, the last inspection, audits per statement", async () => {
  const { sheets } = await readXlsx(files.xlsx, "report-model-xlsx");
  for (const name of ["Summary", "Judgements", "Reasons", "Answers", "Audits", "Action plan", "Pathway", "Indicators"])
    assert.ok(sheets[name], `sheet ${name}`);
  const cells = (name) => sheets[name].flat();
  const summary = cells("Summary").join("\n");
  assert.ok(contains(summary, "Standard inspection, 8 July 2024 to 19 July 2024"), "the last inspection");
  assert.ok(contains(summary, "Focused visit ended 12 June 2025"));
  const said = (heading, h3) => {
    const s = seen.sections.find((x) => x.heading === heading).says;
    const i = s.indexOf(h3);
    return s.slice(i + 1).filter((x) => !/^(What would|The last|The next|Case-file)/.test(x));
  };
  const risks = said("Summary", "The top risks");
  for (const name of seen.critical) assert.ok(contains(summary, name.replace(/\.$/, "")), `top risk ${name}`);
  assert.ok(risks.length > 0);
  // The pathway: every event the report lists with a condition has it in the "Only if" column.
  const head = sheets.Pathway[0];
  const only = head.indexOf("Only if");
  const kind = head.indexOf("Kind");
  assert.ok(only > 0 && kind >= 0);
  const docRows = seen.sections.find((s) => s.heading === "Inspection pathway").says;
  const conditional = sheets.Pathway.slice(1).filter((r) => r[only]);
  assert.ok(conditional.length > 0, "conditional events in the workbook");
  for (const r of conditional) assert.match(r[only], /^(Only if|If )/);
  assert.equal(
    conditional.length,
    docRows.filter((x) => x !== "Only if" && /^(Only if|If the coming)/.test(x)).length,
    "as many conditional events as the report page",
  );
  for (const r of sheets.Pathway.slice(1))
    assert.ok(
      !["annual", "visit", "deadline", "notice", "inspection", "publication", "intervention"].includes(r[kind]),
      `kind in words: ${r[kind]}`,
    );
  // Audits per statement: the report page's audit sentences are in the Answers and Audits sheets.
  const auditSays = seen.sections
    .flatMap((s) => s.says)
    .filter((x) => /^\d+ of \d+ audited cases? .* good or better/.test(x));
  assert.ok(auditSays.length > 0);
  for (const x of auditSays) {
    assert.ok(
      cells("Answers").some((c) => squash(c) === squash(x)),
      `Answers: ${x}`,
    );
    assert.ok(
      cells("Audits").some((c) => squash(c) === squash(x)),
      `Audits: ${x}`,
    );
  }
  // Better when, as the indicators page says it.
  const ind = sheets.Indicators;
  const better = ind[0].indexOf("Better when");
  for (const name of seen.neither) {
    const row = ind.find((r) => r[0] === name);
    assert.equal(row?.[better], "Neither higher nor lower", name);
  }
  // Status and review date per action.
  const plan = sheets["Action plan"];
  const row = plan.find((r) => r.some((c) => c.includes("Audit every strategy discussion")));
  assert.ok(row, "the multi-line action");
  assert.equal(row[plan[0].indexOf("Status")], "At risk");
  assert.equal(row[plan[0].indexOf("Review")], "01/07/2026");
});

test("the workbook is laid out to print: wrapped text, landscape where wide, header rows repeated", async () => {
  const zip = unzipSync(new Uint8Array(await readFile(files.xlsx)));
  const styles = strFromU8(zip["xl/styles.xml"]);
  assert.match(styles, /wrapText="1"/);
  const workbook = strFromU8(zip["xl/workbook.xml"]);
  assert.match(workbook, /_xlnm\.Print_Titles/);
  for (const [name, data] of Object.entries(zip)) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    assert.match(xml, /<pageSetUpPr fitToPage="1"\/>/, `${name}: fitted to the page`);
    assert.match(xml, /<pageSetup [^>]*fitToWidth="1"[^>]*fitToHeight="0"/, `${name}: one page wide`);
  }
  assert.match(strFromU8(zip["xl/worksheets/sheet7.xml"]), /orientation="landscape"/);
  // Page images of the workbook as printed, for people to look at.
  const out = join(await work(), "report-model-xlsx-pdf");
  await soffice(files.xlsx, "pdf", out);
  const pdf = join(
    out,
    (await readdir(out)).find((f) => f.endsWith(".pdf")),
  );
  const { stdout } = await run("pdfinfo", [pdf]);
  const pages = Number(stdout.match(/Pages:\s+(\d+)/)[1]);
  assert.ok(pages < 33, `the workbook prints on ${pages} pages, not 33 of split columns`);
  await mkdir(ARTIFACTS, { recursive: true });
  for (const f of await readdir(ARTIFACTS))
    if (f.startsWith("report-model-xlsx-") && f.endsWith(".png")) await rm(join(ARTIFACTS, f));
  await run("pdftoppm", ["-png", "-r", "50", pdf, join(ARTIFACTS, "report-model-xlsx")]);
  await writeFile(join(ARTIFACTS, "report-model-xlsx-pages.txt"), `${pages}\n`);
});
