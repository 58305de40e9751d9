// Keeping work: autosave survives a reload; a saved file reopens to identical results; a bad
// file changes nothing; CSV export is safe for spreadsheets; "Clear everything" removes every
// key Stocktake stored; and text a user typed is always shown as text, never as markup.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { ARTIFACTS, axe, openPage, screenshot, waitReady, useSite } from "./harness.mjs";
import { fillAllAreas, onPage, shadowText, requestsAfter } from "./steps.mjs";

const site = useSite();

const HOSTILE = `<img src=x onerror=alert(1)> <b>bold</b>`;
const go = (page, name, params = {}) =>
  page.evaluate(([n, p]) => document.querySelector("stocktake-app").app.go(n, p), [name, params]);
const scoredOf = (page) => page.evaluate(() => document.querySelector("stocktake-app").app.scored);

test("reloading mid-way loses nothing", async () => {
  const { page, errors } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  await page.click("#start-new");
  await onPage(page, "about");
  await page.fill("#authority", "Reloadshire");
  await go(page, "area", { id: "children_in_care" });
  await page.check("#answers-cic_entry_to_care-level-4");
  await page.click("#cic_entry_to_care-more");
  await page.check("#answers-cic_entry_to_care-evidence-2");
  await page.fill("#answers-cic_entry_to_care-action-text", "Review every section 20 case");
  await page.fill("#answers-cic_entry_to_care-action-due", "1");
  await page.fill("#answers-cic_entry_to_care-action-due-month", "4");
  await page.fill("#answers-cic_entry_to_care-action-due-year", "2027");
  await page.fill("#answers-cic_entry_to_care-notes", "Typed just before the reload");
  await page.waitForTimeout(400); // the autosave pause
  assert.match(await shadowText(page, "#save-status"), /Saved on this device at \d\d:\d\d/);
  await page.reload();
  await waitReady(page);
  // A reload reopens the page the user was on (issue 20), with everything typed on it.
  await onPage(page, "area");
  assert.equal(await page.isChecked("#answers-cic_entry_to_care-level-4"), true);
  assert.equal(await page.isChecked("#answers-cic_entry_to_care-evidence-2"), true);
  assert.equal(await page.inputValue("#answers-cic_entry_to_care-action-text"), "Review every section 20 case");
  assert.equal(await page.inputValue("#answers-cic_entry_to_care-action-due"), "01");
  assert.equal(await page.inputValue("#answers-cic_entry_to_care-action-due-month"), "04");
  assert.equal(await page.inputValue("#answers-cic_entry_to_care-action-due-year"), "2027");
  assert.equal(await page.inputValue("#answers-cic_entry_to_care-notes"), "Typed just before the reload");
  await go(page, "tasks");
  await onPage(page, "tasks");
  assert.match(await shadowText(page, ".govuk-caption-l"), /Reloadshire/);
  assert.deepEqual(errors, []);
});

test("a file saved then opened gives identical results; a bad file changes nothing", async () => {
  const { page, requests } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  const loaded = requests.length;
  await page.click("#start-new");
  await fillAllAreas(page);
  await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    app.set("authority", "Fileshire");
    app.set("answers.hp_front_door.action", { text: "Daily huddles", owner: "Team manager", due: "2027-01-31" });
  });
  await go(page, "results");
  const before = await shadowText(page, "#results-body");
  const scoredBefore = await scoredOf(page);
  await go(page, "tasks");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save-file")]);
  assert.match(download.suggestedFilename(), /^stocktake-fileshire-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(await download.path(), "utf8");
  const saved = JSON.parse(text);
  assert.equal(saved.format, "stocktake-assessment");
  assert.equal(saved.answers.hp_front_door.action.text, "Daily huddles");
  assert.deepEqual(requestsAfter(requests, loaded), [], "saving a file makes no request");

  // A fresh browser (nothing stored) opens the file.
  const fresh = await openPage(site.browser);
  await fresh.page.goto(site.url);
  await waitReady(fresh.page);
  await mkdir(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, "saved.json");
  await writeFile(file, text);
  await fresh.page.setInputFiles("#open-file", file);
  await onPage(fresh.page, "tasks");
  assert.deepEqual(await scoredOf(fresh.page), scoredBefore);
  await go(fresh.page, "results");
  assert.equal(await shadowText(fresh.page, "#results-body"), before, "identical results text");

  // A bad file: an error summary, and the work in memory is unchanged.
  const bad = join(ARTIFACTS, "bad.json");
  await writeFile(bad, "{ this is not json");
  await go(fresh.page, "start");
  const assessmentBefore = await fresh.page.evaluate(() =>
    JSON.stringify(document.querySelector("stocktake-app").app.a),
  );
  await fresh.page.setInputFiles("#open-file", bad);
  await fresh.page.waitForSelector(".govuk-error-summary");
  assert.match(await shadowText(fresh.page, ".govuk-error-summary"), /cannot be read: it may be damaged or cut short/);
  assert.equal(
    await fresh.page.evaluate(() => document.querySelector("stocktake-app").shadowRoot.activeElement?.className),
    "govuk-error-summary",
  );
  assert.equal(
    await fresh.page.evaluate(() => JSON.stringify(document.querySelector("stocktake-app").app.a)),
    assessmentBefore,
    "nothing changed",
  );
  await screenshot(fresh.page, "state-open-bad-file");
});

test("CSV export: BOM, CRLF, every cell quoted, formulas neutralised", async () => {
  const { page } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  await page.click("#start-new");
  await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    app.set("answers.hp_front_door.level", "inadequate");
    app.set("answers.hp_front_door.notes", '=HYPERLINK("http://x","y") and "quotes"');
    app.set("answers.hp_front_door.action", { text: "+1 more audits", owner: "@lead", due: "2027-01-31" });
    app.set("answers.hp_thresholds.notes", "-2 cases\nsecond line");
  });
  await go(page, "tasks");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-csv")]);
  const buf = await readFile(await download.path());
  assert.deepEqual([...buf.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
  const text = buf.toString("utf8").slice(1);
  const lines = text.split("\r\n");
  assert.ok(lines[0].startsWith('"Area","Statement id","Statement"'));
  const row = lines.find((l) => l.includes('"hp_front_door"'));
  assert.ok(row.includes(`"'=HYPERLINK(""http://x"",""y"") and ""quotes"""`), row);
  assert.ok(row.includes(`"'+1 more audits"`) && row.includes(`"'@lead"`), row);
  assert.ok(text.includes(`"'-2 cases\nsecond line"`));
  const record = /^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/;
  assert.equal(lines.pop(), "", "the file ends with CRLF");
  for (const line of lines) assert.match(line, record, "every cell is quoted");
});

test("text a user typed is shown as text everywhere, never as markup", async () => {
  const { page } = await openPage(site.browser);
  let dialog = false;
  page.on("dialog", (d) => {
    dialog = true;
    d.dismiss();
  });
  await page.goto(site.url);
  await waitReady(page);
  await page.click("#start-new");
  await page.fill("#authority", HOSTILE);
  await page.evaluate((t) => {
    const app = document.querySelector("stocktake-app").app;
    app.set("answers.hp_front_door.level", "inadequate");
    app.set("answers.hp_front_door.notes", t);
    app.set("answers.hp_front_door.action", { text: t, owner: t, due: "2027-01-31" });
  }, HOSTILE);
  const countMarkup = () =>
    page.evaluate(() => document.querySelector("stocktake-app").shadowRoot.querySelectorAll("main img, main b").length);
  for (const name of ["tasks", "check", "actions", "report", "start"]) {
    await go(page, name);
    const text = await shadowText(page, "main");
    assert.ok(text.includes(HOSTILE), `${name} shows the text literally`);
    assert.equal(await countMarkup(), 0, `${name} made no element from it`);
    await screenshot(page, `html-as-text-${name}`);
  }
  await go(page, "area", { id: "help_and_protection" });
  assert.equal(await page.inputValue("#answers-hp_front_door-notes"), HOSTILE);
  assert.equal(await countMarkup(), 0);
  assert.equal(dialog, false, "no script ran");
});

test("Clear everything removes every key Stocktake stored, after confirmation", async () => {
  const { page } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  await page.click("#start-new");
  await page.fill("#authority", "Clearshire");
  await page.evaluate(() => localStorage.setItem("not-ours", "keep"));
  await page.waitForTimeout(400);
  assert.ok(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("stocktake:"))));
  await go(page, "tasks");
  await page.click("#link-clear");
  await onPage(page, "clear");
  assert.ok(
    await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("stocktake:"))),
    "nothing removed before confirming",
  );
  await page.click("#confirm-clear");
  await onPage(page, "start");
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("stocktake:"))), []);
  assert.equal(await page.evaluate(() => localStorage.getItem("not-ours")), "keep", "other keys are left alone");
  assert.match(await shadowText(page, "main"), /Everything Stocktake kept in this browser has been removed/);
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator("#continue").count(), 0, "no work in progress after clearing");
});

test("compare with last year: statements and judgements that moved, from score() of both files", async () => {
  const { page } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  await page.click("#start-new");
  await fillAllAreas(page);
  await page.evaluate(() => document.querySelector("stocktake-app").app.set("assessedOn", "2025-11-20"));
  await go(page, "tasks");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save-file")]);
  const lastYear = join(ARTIFACTS, "last-year.json");
  await writeFile(lastYear, await readFile(await download.path()));
  await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    for (const s of app.fw().areas.find((a) => a.id === "help_and_protection").statements)
      app.set(`answers.${s.id}.level`, "outstanding");
    app.set("assessedOn", "2026-11-20");
  });
  await go(page, "compare");
  await page.setInputFiles("#last-year-file", lastYear);
  await page.waitForSelector(".st-compare-statements");
  const moved = await shadowText(page, ".st-compare-statements");
  assert.match(moved, /Statements that moved \(\d+\)/);
  assert.match(moved, /Every contact is screened.*Good.*Outstanding/s);
  const judgements = await shadowText(page, ".st-compare-judgements");
  const now = await page.evaluate(
    () =>
      document.querySelector("stocktake-app").app.scored.judgements.find((j) => j.id === "help_and_protection").label,
  );
  assert.match(judgements, new RegExp(`children who need help and protection.*${now}`, "s"));
  assert.match(await shadowText(page, "#compare-body h2"), /20 November 2025/);
  await screenshot(page, "state-compare");
});

test("a bad last-year file on the compare page shows an error and changes nothing", async () => {
  const { page } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  await page.click("#start-new");
  await go(page, "compare");
  const bad = join(ARTIFACTS, "bad-last-year.json");
  await writeFile(bad, JSON.stringify({ format: "something-else" }));
  await page.setInputFiles("#last-year-file", bad);
  await page.waitForSelector(".govuk-error-summary");
  assert.match(
    await shadowText(page, "#last-year-file-error"),
    /^Error: The selected file holds data, but not a Stocktake self-evaluation/,
  );
  // Nothing was kept as last year's file: nothing compared, nothing stored.
  assert.equal(await page.locator("#compare-body").evaluate((el) => el.childElementCount), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem("stocktake:last-year")), null);
  assert.deepEqual(await axe(page), []);
  await screenshot(page, "state-compare-bad-file");
});

/** The compare page's rows of table `cls`: [first cell, …, the change word]. */
const compareRows = (page, cls) =>
  page.evaluate(
    (c) =>
      [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(`.${c} tbody tr`)].map((tr) =>
        [...tr.children].map((td) => td.textContent.trim()),
      ),
    cls,
  );

/** Grades from worst to best, to work out the change word here rather than take the page's. */
const RANK = { inadequate: 0, requires_improvement: 1, good: 2, outstanding: 3 };

/**
 * Checks each row of the compare page's judgements against the core's score of last year's file
 * (`lastYear`, its text) and of this year's: its grades then and now, and the change word worked out
 * from them here. Returns the words by judgement id.
 */
async function checkJudgementWords(page, lastYear) {
  const rows = await compareRows(page, "st-compare-judgements");
  const want = await page.evaluate((text) => {
    const app = document.querySelector("stocktake-app").app;
    const then = app.core.score(JSON.parse(text));
    const now = app.scored;
    return now.judgements.map((j) => {
      const t = then.judgements.find((x) => x.id === j.id);
      return { id: j.id, name: j.name, was: t?.grade ?? null, is: j.grade ?? null, labels: [t?.label, j.label] };
    });
  }, lastYear);
  assert.ok(want.length >= 4);
  const words = {};
  for (const j of want) {
    const row = rows.find((r) => r[0] === j.name);
    assert.ok(row, `a row for ${j.name}`);
    const word =
      j.was === j.is
        ? "No change"
        : !(j.was in RANK) || !(j.is in RANK)
          ? "Cannot compare"
          : RANK[j.is] > RANK[j.was]
            ? "Better"
            : "Worse";
    assert.deepEqual(row, [j.name, ...j.labels, word], `${j.name}: ${j.was} then, ${j.is} now`);
    words[j.id] = word;
  }
  return words;
}

test("compare with last year: each judgement, statement and indicator says Better, Worse or No change in words; a change of framework is noted", async () => {
  const { page, errors } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url);
  await waitReady(page);
  await page.click("#start-new");
  await fillAllAreas(page);
  const plan = await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    const fw = app.fw();
    const hp = fw.areas.find((a) => a.id === "help_and_protection").statements;
    const [higher, lower] = [
      fw.indicators.find((i) => i.direction === "higher_is_better"),
      fw.indicators.find((i) => i.direction === "lower_is_better"),
    ];
    const lastYear = JSON.parse(JSON.stringify(app.a));
    lastYear.assessedOn = "2025-11-20";
    for (const s of hp) lastYear.answers[s.id] = { ...lastYear.answers[s.id], level: "requires_improvement" };
    lastYear.indicators[higher.id] = app.a.indicators[higher.id] - 5;
    lastYear.indicators[lower.id] = app.a.indicators[lower.id] - 5;
    // Now: the first statement outstanding (better), the second inadequate (worse), the rest good.
    for (const [i, s] of hp.entries())
      app.set(`answers.${s.id}.level`, i === 0 ? "outstanding" : i === 1 ? "inadequate" : "good");
    app.saveNow();
    return {
      lastYear: JSON.stringify(lastYear),
      first: hp[0].text,
      second: hp[1].text,
      higher: higher.name,
      lower: lower.name,
      otherFramework: app.frameworks.find((f) => f.family === "ilacs" && f.id !== app.a.framework).id,
    };
  });
  const file = join(ARTIFACTS, "last-year-changes.json");
  await writeFile(file, plan.lastYear);
  await go(page, "compare");
  await page.setInputFiles("#last-year-file", file);
  await page.waitForSelector(".st-compare-statements");
  const statements = await compareRows(page, "st-compare-statements");
  assert.deepEqual(
    statements.find((r) => r[0] === plan.first),
    [plan.first, "Requires improvement to be good", "Outstanding", "Better"],
  );
  assert.deepEqual(statements.find((r) => r[0] === plan.second)?.at(-1), "Worse");
  assert.ok(
    statements.every((r) => ["Better", "Worse", "Cannot compare"].includes(r.at(-1))),
    "every moved statement says which way in words",
  );
  assert.match(await shadowText(page, "#compare-statement-summary"), /^Statements: \d+ better, 1 worse/);
  await checkJudgementWords(page, plan.lastYear);
  const indicators = await compareRows(page, "st-compare-indicators");
  assert.equal(indicators.find((r) => r[0] === plan.higher)?.at(-1), "Better", "higher is better, and it went up");
  assert.equal(indicators.find((r) => r[0] === plan.lower)?.at(-1), "Worse", "lower is better, and it went up");
  assert.equal(await page.locator("stocktake-app #compare-framework-note").count(), 0, "same framework: no note");
  await screenshot(page, "compare-changes-1280");
  assert.deepEqual(await axe(page), []);

  // A known change of judgement: last year every statement good but help and protection's, all
  // inadequate; now every statement good but children in care's, all inadequate.
  const known = await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    const lastYear = JSON.parse(JSON.stringify(app.a));
    lastYear.assessedOn = "2025-11-20";
    for (const area of app.fw().areas)
      for (const s of area.statements) {
        lastYear.answers[s.id] = {
          ...lastYear.answers[s.id],
          level: area.id === "help_and_protection" ? "inadequate" : "good",
        };
        app.set(`answers.${s.id}.level`, area.id === "children_in_care" ? "inadequate" : "good");
      }
    app.saveNow();
    return JSON.stringify(lastYear);
  });
  await writeFile(file, known);
  await page.setInputFiles("#last-year-file", file);
  await page.waitForFunction(() =>
    /Statements: \d+ better, \d+ worse/.test(
      document.querySelector("stocktake-app").shadowRoot.querySelector("#compare-statement-summary")?.textContent,
    ),
  );
  const words = await checkJudgementWords(page, known);
  assert.equal(words.help_and_protection, "Better", "help and protection: inadequate answers then, good now");
  assert.equal(words.children_in_care, "Worse", "children in care: good answers then, inadequate now");
  assert.equal(words.care_leavers, "No change", "care leavers: the same answers");

  // Last year's file on an earlier version of the framework: said, with how many answers are left out.
  const older = JSON.parse(plan.lastYear);
  older.framework = plan.otherFramework;
  older.answers = { ...older.answers, a_statement_only_the_old_framework_had: { level: "good" } };
  await writeFile(file, JSON.stringify(older));
  await page.setInputFiles("#last-year-file", file);
  const note = page.locator("stocktake-app #compare-framework-note");
  await note.waitFor();
  assert.match(await note.textContent(), /Last year's file used ILACS .*; this self-evaluation uses ILACS /);
  assert.deepEqual(
    errors.filter((e) => !/Content Security Policy/.test(e)),
    [],
  );
});
