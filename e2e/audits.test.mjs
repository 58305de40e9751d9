// Case-file audits by keyboard: audit five cases, moderate one, see the challenge on the audits
// page and in the results; a case reference that looks like an NHS number is refused with a linked
// error; audits survive a reload; axe is clean on every new page at 1280 and 390 px; nothing is
// requested from anywhere else.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ARTIFACTS, axe, foreignRequests, openPage, screenshot, useSite, waitReady } from "./harness.mjs";
import { focusedId, follow, onPage, shadowText, tabTo } from "./steps.mjs";

const site = useSite();
let page;
let requests;
before(async () => {
  await site.ready;
  ({ page, requests } = await openPage(site.browser));
  await page.goto(site.url);
  await waitReady(page);
});

/** Runs `fn(arg)` in the page; `fn` reaches the app with `document.querySelector("stocktake-app").app`. */
const inPage = (fn, arg) => page.evaluate(fn, arg);

/** Fills the audit form by keyboard: Tab to each field and type; selects by typing an option's start. */
async function auditByKeyboard(caseRef, seen, overall) {
  await follow(page, "add-audit", "audit");
  await tabTo(page, "audit-caseRef");
  await page.keyboard.type(caseRef);
  await tabTo(page, "audit-date");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("2026-06-01");
  await tabTo(page, "audit-auditor");
  await page.keyboard.type("Practice manager");
  await tabTo(page, "audit-grades-au_hp_seen_alone");
  await page.keyboard.type(seen);
  await tabTo(page, "audit-overall");
  await page.keyboard.type(overall);
  await tabTo(page, "save-audit");
  await page.keyboard.press("Enter");
}

test("five cases audited by keyboard raise a challenge on the rating, shown on the audits page and in the results", async () => {
  await page.click("#start-new");
  await onPage(page, "about");
  await inPage(() => {
    const app = document.querySelector("stocktake-app").app;
    app.set("assessedOn", "2026-11-30");
    for (const a of app.fw().areas) for (const s of a.statements) app.set(`answers.${s.id}.level`, "good");
    app.saveNow();
    app.go("tasks");
  });
  await onPage(page, "tasks");
  await follow(page, "link-audits", "audits");
  assert.deepEqual(await axe(page), [], "axe on the empty audits page");
  // A case reference that looks like an NHS number is refused, the summary links to the field.
  await auditByKeyboard("943 476 5919", "Good", "Good");
  await onPage(page, "audit");
  assert.match(await shadowText(page, ".govuk-error-summary"), /looks like an NHS number/);
  assert.equal(await focusedId(page), "error-summary");
  assert.match(await page.title(), /^Error: /);
  assert.deepEqual(await axe(page), [], "axe on the audit form with an error");
  await screenshot(page, "audits-error-1280");
  await tabTo(page, "audit-caseRef");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("LCS-1");
  await tabTo(page, "save-audit");
  await page.keyboard.press("Enter");
  await onPage(page, "audits");
  for (const [ref, seen] of [
    ["LCS-2", "Inadequate"],
    ["LCS-3", "Inadequate"],
    ["LCS-4", "Inadequate"],
    ["LCS-5", "Inadequate"],
  ]) {
    await auditByKeyboard(ref, seen, seen);
    await onPage(page, "audits");
  }
  assert.equal(await inPage(() => document.querySelector("stocktake-app").app.a.audits.length), 5);
  // Dates as people read them: the list's Date column and the window the audits count in (the
  // self-evaluation's date and twelve months before it), never the stored 2026-06-01.
  const dates = await page.evaluate(() =>
    [
      ...document
        .querySelector("stocktake-app")
        .shadowRoot.querySelector(".govuk-table")
        .querySelectorAll("tbody tr td:nth-child(3)"),
    ].map((td) => td.textContent),
  );
  assert.deepEqual(dates.slice(0, 5), Array(5).fill("1 June 2026"));
  const main = await shadowText(page, "main");
  assert.match(main, /Audits dated after 30 November 2025 and up to 30 November 2026 count: 5 of 5\./);
  assert.doesNotMatch(main, /\d{4}-\d{2}-\d{2}/, "no date in the stored form on the audits page");
  const challenge = await shadowText(page, "#audit-challenges");
  assert.match(
    challenge,
    /You rated “[^”]+” good; 4 of 5 audited cases in the last 12 months were requires improvement to be good or worse/,
  );
  // Moderate the first case: a second auditor grades the child seen alone inadequate against the
  // first auditor's good, two grades apart, so the case is flagged (and the moderated grade counts).
  await follow(page, "audit-change-0", "audit");
  await tabTo(page, "moderation-summary");
  await page.keyboard.press("Enter");
  await tabTo(page, "audit-moderation-auditor");
  await page.keyboard.type("Head of service");
  await tabTo(page, "audit-moderation-grades-au_hp_seen_alone");
  await page.keyboard.type("Inadequate");
  await tabTo(page, "save-audit");
  await page.keyboard.press("Enter");
  await onPage(page, "audits");
  const moderation = await shadowText(page, "main");
  assert.match(moderation, /Grades two or more apart: LCS-1/);
  assert.equal(
    await inPage(() => document.querySelector("stocktake-app").app.a.audits[0].moderation.auditor),
    "Head of service",
  );
  assert.deepEqual(await axe(page), [], "axe on the audits page with audits");
  await screenshot(page, "audits-list-1280");
  // The challenge is in the results too.
  await inPage(() => document.querySelector("stocktake-app").app.go("results"));
  await onPage(page, "results");
  await page.waitForFunction(() =>
    document.querySelector("stocktake-app").shadowRoot.textContent.includes("audited cases in the last 12 months"),
  );
  // The action plan says which gaps rest on audits and which on judgement alone.
  const audited = await inPage(() => {
    const app = document.querySelector("stocktake-app").app;
    const id = app.scored.audits.statements.find((x) => x.cases > 0).statement;
    const other = app
      .fw()
      .areas.flatMap((a) => a.statements)
      .find((x) => x.id !== id).id;
    app.set(`answers.${id}.level`, "requires_improvement");
    app.set(`answers.${other}.level`, "requires_improvement");
    app.go("actions");
    return id;
  });
  assert.ok(audited);
  await onPage(page, "actions");
  const basis = await page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(".st-audit-basis")].map((e) =>
      e.textContent.trim(),
    ),
  );
  assert.equal(basis.length, 2, basis.join(" | "));
  assert.ok(
    basis.some((t) => /^Audits: \d+ of \d+ cases? good or better\.$/.test(t)),
    basis.join(" | "),
  );
  assert.ok(basis.includes("Judgement alone: no audited cases."), basis.join(" | "));
  assert.deepEqual(await axe(page), [], "axe on the action plan with audits");
});

/** A CSV of `n` audits in the spreadsheet's own column names; `bad` maps a row index to a broken row. */
function csvOf(n, bad = {}) {
  const lines = ["Case ID,Service area,Audit date,Auditor name,Seen alone,Overall"];
  for (let i = 0; i < n; i++) {
    lines.push(bad[i] ?? `C-${1000 + i},Help and protection,${1 + (i % 28)}/05/2026,PM ${i % 7},Good,Good`);
  }
  return Buffer.from(`${lines.join("\r\n")}\r\n`);
}

test("a 500-row CSV with three bad rows reports each by row number and imports nothing until fixed", async () => {
  const count = () => page.evaluate(() => document.querySelector("stocktake-app").app.a.audits.length);
  const before = await count();
  await inPage(() => document.querySelector("stocktake-app").app.go("audits"));
  await onPage(page, "audits");
  await follow(page, "import-audits", "audits-import");
  assert.deepEqual(await axe(page), [], "axe on the import page");
  const bad = {
    10: "C-1010,Help and protection,31/02/2026,PM,Good,Good",
    200: "Jane Smith,Help and protection,01/05/2026,PM,Good,Good",
    499: "C-1499,Help and protection,01/05/2026,PM,Brilliant,Good",
  };
  await page
    .locator("#import-file")
    .setInputFiles({ name: "audits.csv", mimeType: "text/csv", buffer: csvOf(500, bad) });
  await follow(page, "import-continue", "audits-import");
  // The mapping step: the spreadsheet's own names are matched by keyboard.
  await tabTo(page, "map-caseRef");
  await page.keyboard.type("Case ID");
  await tabTo(page, "map-area");
  await page.keyboard.type("Service");
  await tabTo(page, "map-date");
  await page.keyboard.type("Audit date");
  await tabTo(page, "map-auditor");
  await page.keyboard.type("Auditor");
  await tabTo(page, "map-au_hp_seen_alone");
  await page.keyboard.type("Seen");
  assert.deepEqual(await axe(page), [], "axe on the mapping step");
  await screenshot(page, "audits-import-mapping-1280");
  await tabTo(page, "import-check");
  await page.keyboard.press("Enter");
  const summary = await shadowText(page, ".govuk-error-summary");
  assert.match(summary, /Row 12: /);
  assert.match(summary, /Row 202: .*looks like a name/);
  assert.match(summary, /Row 501: /);
  assert.equal(
    await page.evaluate(
      () =>
        document.querySelectorAll("stocktake-app")[0].shadowRoot.querySelectorAll(".govuk-error-summary__list li")
          .length,
    ),
    3,
    "one message per bad row",
  );
  assert.equal(await count(), before, "nothing imported");
  assert.deepEqual(await axe(page), [], "axe with the row errors");
  await screenshot(page, "audits-import-errors-1280");
  // Fixed: choose the corrected file and import.
  await inPage(() => document.querySelector("stocktake-app").app.go("audits-import", {}));
  await onPage(page, "audits-import");
  await page.locator("#import-file").setInputFiles({ name: "audits.csv", mimeType: "text/csv", buffer: csvOf(500) });
  await follow(page, "import-continue", "audits-import");
  await page.locator("#map-caseRef").selectOption({ label: "Case ID" });
  await page.locator("#map-area").selectOption({ label: "Service area" });
  await page.locator("#map-date").selectOption({ label: "Audit date" });
  await page.locator("#map-au_hp_seen_alone").selectOption({ label: "Seen alone" });
  await follow(page, "import-check", "audits");
  assert.equal(await count(), before + 500);
});

test("audits survive a reload and the saved file reopens identical", async () => {
  const before = await inPage(() => {
    const app = document.querySelector("stocktake-app").app;
    app.flushSave();
    return JSON.stringify(app.a);
  });
  await page.reload();
  await waitReady(page);
  const after = await inPage(() => JSON.stringify(document.querySelector("stocktake-app").app.a));
  assert.deepEqual(JSON.parse(after), JSON.parse(before));
  const reopened = await inPage(() => {
    const app = document.querySelector("stocktake-app").app;
    return app.core.parseAssessmentText(JSON.stringify(app.a));
  });
  assert.equal(reopened.fatal, false);
  assert.deepEqual(reopened.problems, []);
  assert.equal(reopened.assessment.audits.length, 505);
});

test("the audits pages fit a 390 px screen and pass axe", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await inPage(() => document.querySelector("stocktake-app").app.go("audits"));
  await onPage(page, "audits");
  assert.deepEqual(await axe(page), [], "axe at 390 px");
  // The list holds 505 cases by now, 50 to a page.
  assert.match(await shadowText(page, ".govuk-pagination"), /Cases 1 to 50 of 505/);
  await screenshot(page, "audits-list-390");
  await follow(page, "audits-next", "audits");
  assert.match(await shadowText(page, ".govuk-pagination"), /Cases 51 to 100 of 505/);
  assert.deepEqual(await axe(page), [], "axe on the second page at 390 px");
  await page.evaluate(() =>
    document.querySelector("stocktake-app").shadowRoot.querySelector("h2:nth-of-type(2)")?.scrollIntoView(),
  );
  await page.screenshot({ path: join(ARTIFACTS, "audits-evidence-390.png") });
  await inPage(() => document.querySelector("stocktake-app").app.go("audit", { n: "1" }));
  await onPage(page, "audit");
  assert.deepEqual(await axe(page), [], "axe on the form at 390 px");
  await screenshot(page, "audits-form-390");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `page is ${width} px wide`);
});

test("deleting an audit asks first, keeps it on No, and says so when it is gone", async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const count = () => inPage(() => document.querySelector("stocktake-app").app.a.audits.length);
  const before = await count();
  const caseRef = await inPage(() => document.querySelector("stocktake-app").app.a.audits[1].caseRef);
  await inPage(() => document.querySelector("stocktake-app").app.go("audit", { n: "1" }));
  await onPage(page, "audit");
  await page.click("#delete-audit");
  // Nothing is deleted by the first click: a question, focused, with a way back, in place of the buttons.
  assert.equal(await count(), before);
  assert.equal(await page.locator("#delete-audit").count(), 0, "the question replaces the buttons");
  assert.equal(await page.locator("#save-audit").count(), 0);
  assert.match(await shadowText(page, "#delete-audit-question"), new RegExp(`delete the audit of case ${caseRef}\\?`));
  assert.equal(
    await inPage(() => document.querySelector("stocktake-app").shadowRoot.activeElement?.id),
    "delete-audit-question",
  );
  assert.deepEqual(await axe(page), [], "axe on the question");
  await screenshot(page, "audits-delete-question");
  await page.click("#keep-audit");
  assert.equal(await count(), before);
  assert.equal(
    await inPage(() => document.querySelector("stocktake-app").shadowRoot.activeElement?.id),
    "delete-audit",
  );
  await page.click("#delete-audit");
  await page.click("#confirm-delete-audit");
  await onPage(page, "audits");
  assert.equal(await count(), before - 1);
  assert.match(await shadowText(page, "#notice-body"), new RegExp(`The audit of case ${caseRef} has been deleted`));
});

test("the audits' CSV export imports back as the same audits, moderation included", async () => {
  const normalised = () =>
    inPage(() => {
      const app = document.querySelector("stocktake-app").app;
      return app.core.parseAssessmentText(JSON.stringify(app.a)).assessment.audits;
    });
  const before = await normalised();
  assert.ok(
    before.some((a) => a.moderation?.auditor),
    "a moderated case is among them",
  );
  await inPage(() => document.querySelector("stocktake-app").app.go("audits"));
  await onPage(page, "audits");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-audits")]);
  const csv = await readFile(await download.path());
  await inPage(() => document.querySelector("stocktake-app").app.set("audits", []));
  await inPage(() => document.querySelector("stocktake-app").app.go("audits-import", {}));
  await onPage(page, "audits-import");
  await page.locator("#import-file").setInputFiles({ name: "stocktake-audits.csv", mimeType: "text/csv", buffer: csv });
  await follow(page, "import-continue", "audits-import");
  // The export's own column names are matched without help, the moderation ones too.
  assert.notEqual(await page.locator("#map-moderator").inputValue(), "");
  assert.deepEqual(await axe(page), [], "axe on the mapping step with moderation");
  await follow(page, "import-check", "audits");
  assert.deepEqual(await normalised(), before);
});

/** Chooses a CSV of `lines` on the import page; returns once the mapping step or an error shows. */
async function chooseCsv(lines, name = "audits.csv") {
  await inPage(() => document.querySelector("stocktake-app").app.go("audits-import", {}));
  await onPage(page, "audits-import");
  await page.locator("#import-file").setInputFiles({
    name,
    mimeType: "text/csv",
    buffer: Buffer.from(`${lines.join("\r\n")}\r\n`),
  });
  await page.locator("#import-continue").click();
  await page.locator("#import-check, .govuk-error-summary").first().waitFor();
}

/** The error summary's messages, in order. */
const summaryItems = () =>
  page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(".govuk-error-summary__list li")].map(
      (li) => li.textContent.trim(),
    ),
  );

const auditCount = () => page.evaluate(() => document.querySelector("stocktake-app").app.a.audits?.length ?? 0);
const setAudits = (list) => inPage((l) => document.querySelector("stocktake-app").app.set("audits", l), list);
/** The template's own column names, which the mapping step matches without help. */
const HEAD = "caseRef,area,date,auditor,au_hp_seen_alone,overall";

test("a CSV with only its heading row, or nothing in it, is refused and nothing is imported", async () => {
  await setAudits([]);
  for (const lines of [[HEAD], [HEAD, ",,,,,", ""], [""]]) {
    await chooseCsv(lines);
    assert.deepEqual(await summaryItems(), ["The file has no rows of audits under its heading row"], lines.join("|"));
    assert.equal(await page.locator("#import-check").count(), 0, "no mapping step");
    assert.equal(await auditCount(), 0);
  }
  assert.deepEqual(await axe(page), [], "axe with the error");
});

test("a quotation mark never closed is refused naming its row, not read as one long cell", async () => {
  await setAudits([]);
  // Row 3's note opens a quote and never closes it: read loosely, rows 3 to 5 would become one
  // audit whose auditor holds the rest of the file.
  await chooseCsv([
    HEAD,
    "C-4001,help_and_protection,01/05/2026,PM,Good,Good",
    'C-4002,help_and_protection,02/05/2026,"PM,Good,Good',
    "C-4003,help_and_protection,03/05/2026,PM,Good,Good",
    "C-4004,help_and_protection,04/05/2026,PM,Good,Good",
  ]);
  const items = await summaryItems();
  assert.equal(items.length, 1, items.join("|"));
  assert.match(items[0], /^The file cannot be read\. Row 3: a quotation mark \("\) opens a cell that is never closed/);
  assert.equal(await page.locator("#import-check").count(), 0, "no mapping step");
  assert.equal(await auditCount(), 0);
});

test("ragged rows: a short row's missing cells are empty, a long row's extra cells are ignored, and row numbers count blank rows", async () => {
  await setAudits([]);
  const rows = [
    HEAD,
    "C-2001,help_and_protection,01/05/2026,PM,Good,Good", // row 2
    ",,,,,", // row 3: a blank row, as a spreadsheet writes one
    "C-2002,help_and_protection", // row 4: no date
    "C-2003,help_and_protection,02/05/2026,PM,Inadequate,RI,surplus,cells", // row 5
    "C-2004,help_and_protection,03/05/2026", // row 6: short, but all it needs
  ];
  await chooseCsv(rows);
  await page.locator("#import-check").click();
  assert.deepEqual(await summaryItems(), ["Row 4: column “date”, empty: Enter the date of the audit, like 31 3 2026"]);
  assert.equal(await auditCount(), 0, "nothing imported");
  rows[3] = "C-2002,help_and_protection,04/05/2026";
  await chooseCsv(rows);
  await follow(page, "import-check", "audits");
  const audits = await inPage(() =>
    document
      .querySelector("stocktake-app")
      .app.a.audits.map((a) => [a.caseRef, a.date, a.auditor ?? "", JSON.stringify(a.grades ?? {}), a.overall ?? null]),
  );
  assert.deepEqual(audits, [
    ["C-2001", "2026-05-01", "PM", '{"au_hp_seen_alone":"good"}', "good"],
    ["C-2002", "2026-05-04", "", "{}", null],
    ["C-2003", "2026-05-02", "PM", '{"au_hp_seen_alone":"inadequate"}', "requires_improvement"],
    ["C-2004", "2026-05-03", "", "{}", null],
  ]);
});

test("a case audited twice for the same area on the same day is refused by row, in the file or already held", async () => {
  await setAudits([]);
  const rows = [
    HEAD,
    "C-3001,help_and_protection,01/05/2026,PM,Good,Good",
    "C-3002,help_and_protection,01/05/2026,PM,Good,Good",
    "c-3001 ,help_and_protection,2026-05-01,Other,Inadequate,Inadequate", // row 4: row 2 again
    "C-3001,help_and_protection,02/05/2026,PM,Good,Good", // another day: a second audit of the case
  ];
  await chooseCsv(rows);
  await page.locator("#import-check").click();
  const items = await summaryItems();
  assert.equal(items.length, 1, items.join(" | "));
  assert.match(items[0], /^Row 4: .*c-3001.* row 2 too/i);
  assert.equal(await auditCount(), 0, "nothing imported");
  // Without the repeat the file imports; choosing it again would count every case twice.
  rows.splice(3, 1);
  await chooseCsv(rows);
  await follow(page, "import-check", "audits");
  assert.equal(await auditCount(), 3);
  await chooseCsv(rows);
  await page.locator("#import-check").click();
  const again = await summaryItems();
  assert.equal(again.length, 3, again.join(" | "));
  for (const [k, item] of again.entries()) assert.match(item, new RegExp(`^Row ${k + 2}: .*already`));
  assert.equal(await auditCount(), 3, "nothing imported twice");
  assert.deepEqual(await axe(page), [], "axe with the repeated rows");
});

test("a self-evaluation holds at most 2,000 audits: an import or a new audit past it is refused", async () => {
  const many = Array.from({ length: 1995 }, (_, i) => ({
    caseRef: `M-${i}`,
    area: "help_and_protection",
    date: "2026-05-01",
    grades: { au_hp_seen_alone: "good" },
  }));
  await setAudits(many);
  const rows = [HEAD, ...Array.from({ length: 10 }, (_, i) => `N-${i},help_and_protection,01/05/2026,PM,Good,Good`)];
  await chooseCsv(rows);
  await page.locator("#import-check").click();
  assert.deepEqual(await summaryItems(), [
    "A self-evaluation holds at most 2,000 audits: it has 1,995, and the file 10",
  ]);
  assert.equal(await auditCount(), 1995);
  // Five fit.
  await chooseCsv(rows.slice(0, 6));
  await follow(page, "import-check", "audits");
  assert.equal(await auditCount(), 2000);
  // Full: the audits page says so and offers no new audit; the form refuses one too.
  assert.match(await shadowText(page, "main"), /holds at most 2,000 audits/);
  assert.equal(await page.locator("#add-audit").count(), 0, "no Add an audit button");
  await inPage(() => document.querySelector("stocktake-app").app.go("audit", {}));
  await onPage(page, "audit");
  await page.locator("#audit-caseRef").fill("X-1");
  await page.locator("#audit-date").fill("2026-05-02");
  await page.locator("#save-audit").click();
  await page.locator(".govuk-error-summary").waitFor();
  assert.match((await summaryItems()).join(" "), /at most 2,000 audits/);
  assert.equal(await auditCount(), 2000, "the 2,001st was not added");
  await setAudits([]);
});

test("nothing was requested from anywhere else", () => {
  assert.deepEqual(foreignRequests(requests, new URL(site.url).origin), []);
});
