// Workshops end to end: for each fictional scenario, three participants read the briefing, rate
// every statement through the page, see their projected judgements and save their files; the
// facilitator then opens the three files (and one that is not valid) together and the figures shown
// are checked against figures worked out here from the three files' JSON. axe-core checks the
// comparison in normal and projector mode, and a comparison is repeated in the offline file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  ARTIFACTS as ROOT_ARTIFACTS,
  DIST,
  axe,
  cspViolations,
  foreignRequests,
  openPage,
  screenshot,
  waitReady,
  useSite,
} from "./harness.mjs";

const LEVELS = ["outstanding", "good", "requires_improvement", "inadequate", "not_known"];
const RANK = { inadequate: 0, requires_improvement: 1, good: 2, outstanding: 3 };
const UP = {
  inadequate: "requires_improvement",
  not_known: "requires_improvement",
  requires_improvement: "good",
  good: "outstanding",
  outstanding: "outstanding",
};
const DOWN = {
  outstanding: "good",
  good: "requires_improvement",
  requires_improvement: "inadequate",
  inadequate: "inadequate",
  not_known: "inadequate",
};
const NAMES = ["Asha", "Ben", "Carys"];

const site = useSite();
const saved = new Map(); // scenario id -> [{ name, text }]

/**
 * Calls the page's own core (the same wasm the page uses) for reference data: `scenario` and
 * `compareParticipants` from the workshop build the workshop pages load, the rest from the core.
 */
const core = (page, fn, ...args) =>
  page.evaluate(
    async ([f, a]) => {
      const app = document.querySelector("stocktake-app").app;
      const api = ["scenario", "compareParticipants"].includes(f) ? await app.loadWorkshop() : app.core;
      return api[f](...a);
    },
    [fn, args],
  );

const workshopFiles = (requests) =>
  requests.filter((u) => /stocktake_workshop/.test(u)).map((u) => new URL(u).pathname.replace(/^.*\/pkg\//, ""));

/** Participant p's level for statement number i: 0 copies the reference, 1 and 2 vary it. */
function levelFor(p, i, reference) {
  if (p === 1 && i % 3 === 0) return UP[reference];
  if (p === 2 && i === 5) return "not_known";
  if (p === 2 && i % 4 === 1) return DOWN[reference];
  return reference;
}

async function scenarioIds() {
  const { page, context } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  const list = await core(page, "scenarios");
  await context.close();
  return list;
}

/** One participant: briefing, name, every statement through the page, results, saved file. */
async function participate(scenarioId, p) {
  const { page, context, errors, requests } = await openPage(site.browser, { acceptDownloads: true });
  await page.goto(site.url);
  await waitReady(page);
  const item = page.locator(`#scenarios li[data-scenario="${scenarioId}"]`);
  assert.match(await item.textContent(), /Fictional/);
  // The workshop build of the core is fetched when a workshop page first opens, not before.
  assert.deepEqual(workshopFiles(requests), [], "the start page does not load the workshop build");
  assert.equal(
    await page.evaluate(() => typeof document.querySelector("stocktake-app").app.core.scenario),
    "undefined",
  );
  await page.locator(`#scenario-${scenarioId}`).click();
  await page.locator("#briefing").waitFor();
  assert.ok(workshopFiles(requests).includes("stocktake_workshop_bg.wasm"), "the briefing loads the workshop build");
  const s = await core(page, "scenario", scenarioId);
  assert.match(await page.locator("h1").textContent(), /\(fictional\)/);
  assert.equal(await page.locator("#briefing section").count(), 5, "the briefing has its five sections");
  await page.locator("#participant").fill(NAMES[p]);
  await page.locator("#start-scenario").click();
  await page.locator("#sections").waitFor();
  const fw = await core(page, "framework", s.framework);
  let i = 0;
  for (const area of fw.areas) {
    await page.locator(`#task-${area.id}`).click();
    for (const st of area.statements) {
      const level = levelFor(p, i++, s.reference.answers[st.id].level);
      await page.locator(`input[name="answers-${st.id}-level"][value="${level}"]`).check();
    }
    assert.doesNotMatch(await page.locator("#live-judgement").textContent(), /Not enough answered/);
    await page.locator(".govuk-back-link").click();
    await page.locator("#sections").waitFor();
  }
  await page.locator("#link-results").click();
  await page.locator("#results-body").waitFor();
  const judgementIds = fw.judgements.map((j) => j.id);
  for (const id of judgementIds) {
    const grade = await page.locator(`#result-${id} .st-grade`).first().getAttribute("data-grade");
    assert.ok(LEVELS.includes(grade), `${scenarioId} ${NAMES[p]}: ${id} is projected (${grade})`);
    if (p === 0) assert.equal(grade, s.facilitator.expected[id], `the reference answers give the facilitator's ${id}`);
  }
  await page.locator(".govuk-back-link").click();
  await page.locator("#save-file").waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#save-file").click()]);
  const text = await readFile(await download.path(), "utf8");
  const json = JSON.parse(text);
  assert.equal(json.scenario, scenarioId);
  assert.equal(json.participant, NAMES[p]);
  assert.equal(Object.keys(json.answers).length, i, "every statement is answered in the saved file");
  assert.deepEqual(foreignRequests(requests, site.url), []);
  assert.deepEqual(errors, []);
  await context.close();
  return { name: download.suggestedFilename().replace(/\.json$/, `-${p}.json`), text };
}

/** Figures worked out here from the files' JSON, as the comparison should show them. */
function expectedFigures(fw, files) {
  const answers = files.map((f) => JSON.parse(f.text).answers);
  const statements = [];
  for (const area of fw.areas) {
    for (const st of area.statements) {
      const counts = { outstanding: 0, good: 0, requires_improvement: 0, inadequate: 0, not_known: 0, unanswered: 0 };
      for (const a of answers) counts[a[st.id]?.level ?? "unanswered"]++;
      const answered = LEVELS.reduce((n, l) => n + counts[l], 0);
      const top = Math.max(...LEVELS.map((l) => counts[l]));
      const agreement = answered ? Math.round((top / answered) * 100) / 100 : null;
      const ranks = answers.map((a) => RANK[a[st.id]?.level]).filter((r) => r !== undefined);
      const spread = ranks.length ? Math.max(...ranks) - Math.min(...ranks) : null;
      statements.push({ id: st.id, counts, agreement, spread, index: statements.length });
    }
  }
  const disagreements = statements
    .filter((s) => s.agreement !== null && s.agreement < 1)
    .sort((x, y) => x.agreement - y.agreement || y.spread - x.spread || x.index - y.index)
    .slice(0, 10)
    .map((s) => s.id);
  return { statements, disagreements };
}

/** Opens the files in the comparison and checks every figure against the files. */
async function checkComparison(page, scenarioId, files) {
  const s = await core(page, "scenario", scenarioId);
  const fw = await core(page, "framework", s.framework);
  await page.locator("#link-workshop-compare").click();
  await page.locator("#workshop-files").waitFor();
  const invalid = {
    name: "not-a-stocktake-file.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello":"world"}'),
  };
  await page
    .locator("#workshop-files")
    .setInputFiles([
      ...files.map((f) => ({ name: f.name, mimeType: "application/json", buffer: Buffer.from(f.text) })),
      invalid,
    ]);
  await page.locator("#compare-summary").waitFor();
  assert.match(await page.locator("#compare-summary").textContent(), /3 participants/);
  const skipped = page.locator(`#invalid-files li[data-file="${invalid.name}"]`);
  assert.match(await skipped.textContent(), /not a Stocktake/);

  const want = expectedFigures(fw, files);
  const shown = await page.locator("tr[data-statement]").evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.dataset.statement,
      counts: Object.fromEntries(
        [...r.querySelectorAll("td[data-level]")].map((td) => [td.dataset.level, Number(td.dataset.count)]),
      ),
      agreement: r.querySelector("td[data-agreement]").textContent,
      spread: r.querySelector("td[data-spread]").dataset.spread,
      reference: r.querySelector("td[data-reference]").dataset.reference,
    })),
  );
  assert.equal(shown.length, want.statements.length);
  for (const [k, st] of want.statements.entries()) {
    const row = shown[k];
    assert.equal(row.id, st.id);
    assert.deepEqual(row.counts, st.counts, `${scenarioId} ${st.id} counts`);
    assert.equal(
      row.agreement,
      st.agreement === null ? "–" : `${Math.round(st.agreement * 100)}%`,
      `${scenarioId} ${st.id} agreement`,
    );
    assert.equal(row.spread, st.spread === null ? "" : String(st.spread), `${scenarioId} ${st.id} spread`);
    assert.equal(row.reference, s.reference.answers[st.id].level, `${scenarioId} ${st.id} reference`);
  }
  const listed = await page
    .locator("#disagreements li")
    .evaluateAll((items) => items.map((li) => li.dataset.statement));
  assert.deepEqual(listed, want.disagreements, "where participants disagree most");

  // Each participant's projected grades (scored here by the core from the file) against the reference.
  for (const j of fw.judgements) {
    const section = page.locator(`section[data-judgement="${j.id}"]`);
    for (const [p, f] of files.entries()) {
      const scored = await core(page, "score", JSON.parse(f.text));
      const grade = j.derived ? scored.overall.grade : scored.judgements.find((x) => x.id === j.id).grade;
      const row = section.locator(`tr[data-participant="${NAMES[p]}"]`);
      assert.equal(
        await row.locator("td[data-grade]").getAttribute("data-grade"),
        grade,
        `${scenarioId} ${NAMES[p]} ${j.id}`,
      );
      assert.equal(
        await row.locator("td[data-matches]").getAttribute("data-matches"),
        String(grade === s.facilitator.expected[j.id]),
        `${scenarioId} ${NAMES[p]} ${j.id} match`,
      );
    }
    assert.match(await section.locator(".st-reference").textContent(), /\w/);
  }
}

/** axe-core on the comparison in normal and projector mode (axe itself trips the CSP, so run it last). */
async function axeComparison(page, name) {
  assert.deepEqual(await axe(page), [], "no axe violation in the comparison");
  await page.locator("#projector-toggle").click();
  assert.equal(await page.locator("#projector-toggle").getAttribute("aria-pressed"), "true");
  const size = await page
    .locator("tr[data-statement] th")
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 24, `projector type is at least 24px (${size})`);
  assert.deepEqual(await axe(page), [], "no axe violation in projector mode");
  await screenshot(page, `workshop-compare-${name}-projector`);
  await page.locator("#projector-toggle").click();
}

test("each scenario: three participants complete it and the comparison shows the figures of their files", async (t) => {
  const list = await scenarioIds();
  assert.ok(list.length >= 4);
  assert.deepEqual(new Set(list.map((s) => s.route)).size, 4, "the four routes are covered");
  for (const s of list) {
    await t.test(s.name, async () => {
      const files = await Promise.all([0, 1, 2].map((p) => participate(s.id, p)));
      assert.notEqual(files[0].text, files[1].text);
      saved.set(s.id, files);
      const { page, context, errors, requests } = await openPage(site.browser);
      await page.goto(site.url);
      await waitReady(page);
      await checkComparison(page, s.id, files);
      await screenshot(page, `workshop-compare-${s.id}`);
      assert.deepEqual(foreignRequests(requests, site.url), []);
      assert.deepEqual(await cspViolations(page), []);
      assert.deepEqual(errors, []);
      await axeComparison(page, s.id);
      await context.close();
    });
  }
});

test("the comparison works in the offline file opened from file://", async () => {
  const [id, files] = [...saved.entries()][0] ?? [];
  assert.ok(files, "participants' files from the first test");
  const fileUrl = pathToFileURL(join(DIST, "stocktake-offline.html")).href;
  const { page, context, errors, requests } = await openPage(site.browser);
  await page.goto(fileUrl);
  await waitReady(page);
  await checkComparison(page, id, files);
  assert.deepEqual(
    requests.filter((u) => u !== fileUrl && !u.startsWith("data:") && !u.startsWith("blob:")),
    [],
  );
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  await axeComparison(page, `${id}-offline`);
  await context.close();
});

test("a scenario's briefing has no axe violation and the drop zone accepts dropped files", async () => {
  const { page, context, errors } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  await page.locator("#link-workshop-compare").click();
  const files = [...saved.values()][0];
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: "application/json" }));
    dt.items.add(new File(["not json"], "notes.txt", { type: "text/plain" }));
    return dt;
  }, files);
  await page.locator("#drop-zone").dispatchEvent("drop", { dataTransfer });
  await page.locator("#compare-summary").waitFor();
  assert.match(await page.locator("#compare-summary").textContent(), /3 participants/);
  assert.match(await page.locator('#invalid-files li[data-file="notes.txt"]').textContent(), /not in the JSON format/);
  assert.deepEqual(errors, []);
  assert.deepEqual(await cspViolations(page), []);
  await page.goto(site.url);
  await waitReady(page);
  await page.locator("#scenarios a.govuk-link").first().click();
  await page.locator("#briefing").waitFor();
  assert.deepEqual(await axe(page), [], "the briefing");
  await context.close();
});

/** Three participants' files for scenario `id`, made here from its reference answers (levelFor). */
async function madeFiles(page, id) {
  const s = await core(page, "scenario", id);
  const fw = await core(page, "framework", s.framework);
  const ids = fw.areas.flatMap((a) => a.statements.map((st) => st.id));
  return NAMES.map((name, p) => {
    const answers = Object.fromEntries(
      ids.map((sid, i) => [
        sid,
        { ...s.reference.answers[sid], level: levelFor(p, i, s.reference.answers[sid].level) },
      ]),
    );
    const text = JSON.stringify({ ...s.reference, answers, scenario: id, participant: name });
    return { name: `${name}.json`, text };
  });
}

/** Each comparison table: inside a focusable region that fits the screen, and its right edge. */
const tableBoxes = (page) =>
  page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(".st-compare-table")].map((t) => {
      const box = t.parentElement;
      const r = box.getBoundingClientRect();
      const last = t.querySelector("thead th:last-child").getBoundingClientRect();
      return {
        region: box.getAttribute("role") === "region" && box.tabIndex === 0 && !!box.getAttribute("aria-label"),
        boxRight: r.right,
        clipped: box.scrollWidth > box.clientWidth + 1,
        lastRight: last.right,
        heads: [...t.querySelectorAll("thead th")].map((th) => th.textContent.trim()),
      };
    }),
  );

test("the comparison's tables stay on screen at 1280 px and in projector mode at 1920 px, scroll by keyboard, and print every column", async () => {
  const { page, errors } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url);
  await waitReady(page);
  const [first] = await scenarioIds();
  const files = await madeFiles(page, first.id);
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("workshop-compare"));
  await page.locator("#workshop-files").waitFor();
  await page
    .locator("#workshop-files")
    .setInputFiles(files.map((f) => ({ name: f.name, mimeType: "application/json", buffer: Buffer.from(f.text) })));
  await page.locator("#compare-summary").waitFor();
  assert.match(await page.locator("#compare-summary").textContent(), /3 participants/);

  const scrolledSomewhere = [];
  for (const [mode, width, height] of [
    ["normal", 1280, 720],
    ["projector", 1920, 1080],
    ["projector", 1280, 720],
  ]) {
    await page.setViewportSize({ width, height });
    const on = (await page.locator("#projector-toggle").getAttribute("aria-pressed")) === "true";
    if (on !== (mode === "projector")) await page.locator("#projector-toggle").click();
    const boxes = await tableBoxes(page);
    assert.ok(boxes.length > 5);
    for (const b of boxes) {
      assert.ok(b.region, "each table is in a focusable, named region");
      assert.ok(b.boxRight <= width, `${mode} at ${width}: a table's box ends at ${b.boxRight}, off screen`);
      // Issue 29.5: nothing behind a sideways scroll at 1280 px, in projector mode too.
      assert.ok(!b.clipped, `${mode} at ${width}: a table (${b.heads.join(", ")}) scrolls sideways`);
      assert.ok(b.lastRight <= b.boxRight + 1, `${mode} at ${width}: the last column ends at ${b.lastRight}`);
    }
    if (mode === "projector") {
      // Projector mode looks on, and the chooser, Back, Print, the downloads and Remove are off the
      // wall: only the toggle that turns it off stays.
      await page.locator("body").click({ position: { x: 5, y: 5 } });
      const look = await page.locator("#projector-toggle").evaluate((b) => ({
        bg: getComputedStyle(b).backgroundColor,
        text: b.textContent,
      }));
      assert.equal(look.bg, "rgb(0, 0, 0)", "the button is filled when on");
      assert.match(look.text, /Projector mode: on/);
      for (const id of [
        "#drop-zone",
        "#workshop-files",
        "#clear-files",
        "#print-comparison",
        "#export-docx",
        "#export-xlsx",
      ])
        assert.ok(!(await page.locator(id).isVisible()), `${id} is off the wall`);
      assert.equal(
        await page
          .locator(".govuk-back-link")
          .isVisible()
          .catch(() => false),
        false,
        "Back is off the wall",
      );
      await page.evaluate(() => scrollTo(0, 0));
      await page.screenshot({ path: join(ROOT_ARTIFACTS, `workshop-projector-top-${width}.png`) });
    } else {
      for (const id of ["#drop-zone", "#clear-files", "#print-comparison", "#export-docx", "#export-xlsx"])
        assert.ok(await page.locator(id).isVisible(), `${id} is shown off the wall`);
    }
    // Ties and splits in words, not "1 of 3 graded at".
    const agreements = await page.locator("section[data-judgement] p[data-agreement]").allTextContents();
    for (const t of agreements) {
      assert.doesNotMatch(t, /graded at/);
      assert.match(t, /\((all \d+ graded|\d+ graded|\d+ of \d+ graded|split|tied|no participant)/, t);
    }
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(pageWidth <= width, `${mode} at ${width}: the page is ${pageWidth} px wide`);
    // A table wider than its box scrolls by keyboard.
    const wide = boxes.findIndex((b) => b.clipped);
    if (wide >= 0) {
      const region = page.locator("stocktake-app .st-table-scroll").nth(wide);
      await region.focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      // Keyboard scrolling is animated: wait (up to 2 s) for it to move before reading it.
      await region.evaluate(
        (el) =>
          new Promise((done) => {
            const t0 = performance.now();
            const tick = () =>
              el.scrollLeft > 0 || performance.now() - t0 > 2000 ? done() : requestAnimationFrame(tick);
            tick();
          }),
      );
      const scrolled = await region.evaluate((el) => ({
        left: el.scrollLeft,
        focused: el.getRootNode().activeElement === el,
        over: el.scrollWidth - el.clientWidth,
      }));
      assert.ok(scrolled.left > 0, `${mode} at ${width}: the region scrolls (${JSON.stringify(scrolled)})`);
    }
    if (wide >= 0) scrolledSomewhere.push(`${mode} ${width}`);
    await page.evaluate(() =>
      scrollTo(
        0,
        document.querySelector("stocktake-app").shadowRoot.querySelector(".st-statement-table").getBoundingClientRect()
          .top +
          scrollY -
          20,
      ),
    );
    await page.screenshot({ path: join(ROOT_ARTIFACTS, `workshop-tables-${mode}-${width}.png`) });
  }

  assert.deepEqual(scrolledSomewhere, [], "no table scrolls sideways (issue 29.5)");

  // Who answered what, folded until the facilitator opens it: participants by statements, each cell
  // the level in that participant's file, as the Word document has it.
  if ((await page.locator("#projector-toggle").getAttribute("aria-pressed")) === "true")
    await page.locator("#projector-toggle").click();
  const grid = page.locator("#answers-grid");
  assert.equal(await grid.getAttribute("open"), null, "folded at first");
  await grid.locator("summary").click();
  await page.locator("#facilitator-notes summary").click();
  const firstGrid = await grid
    .locator("table")
    .first()
    .evaluate((t) => ({
      caption: t.caption.textContent,
      head: [...t.tHead.rows[0].cells].map((c) => c.textContent),
      rows: [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent)),
    }));
  const parsed = files.map((f) => JSON.parse(f.text));
  const area = await page.evaluate(
    (framework) => document.querySelector("stocktake-app").app.fw(framework).areas[0],
    parsed[0].framework,
  );
  assert.equal(firstGrid.caption, `Who answered what: ${area.name}`);
  assert.deepEqual(firstGrid.head, ["Statement", "Asha", "Ben", "Carys", "Agreement", "Spread", "Reference"]);
  assert.equal(firstGrid.rows.length, area.statements.length);
  const label = (id) => page.evaluate((id) => document.querySelector("stocktake-app").app.levelLabel(id), id);
  for (const [i, st] of area.statements.entries()) {
    assert.equal(firstGrid.rows[i][0], st.text);
    for (const [p, file] of parsed.entries())
      assert.equal(firstGrid.rows[i][1 + p], await label(file.answers[st.id]?.level ?? null), `${st.id}, ${p}`);
  }
  const notes = await page.locator("#facilitator-notes").textContent();
  assert.match(notes, /The traps/);
  assert.match(notes, /Likely grade/);
  await page.locator("#answers-grid").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ROOT_ARTIFACTS, "workshop-answers-grid.png") });
  // Print opens what is folded, and folds it again afterwards.
  await grid.locator("summary").click();
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  assert.equal(await grid.getAttribute("open"), "", "print opens the grid");
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  assert.equal(await grid.getAttribute("open"), null, "and folds it again");
  await grid.locator("summary").click(); // open for axe, below

  // Print (A4 portrait, 794 px at 96 dpi), from projector mode as a facilitator would: every column is
  // inside its box and nothing is clipped.
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 794, height: 1123 });
  for (const b of await tableBoxes(page)) {
    assert.ok(!b.clipped, "no table is clipped in print");
    assert.ok(b.lastRight <= b.boxRight + 1, `the last column (${b.heads.at(-1)}) prints inside the page`);
    if (b.heads.includes("Statement")) {
      assert.deepEqual(b.heads.slice(-3), ["Agreement", "Spread", "Reference"]);
      assert.ok(b.boxRight <= 794, `the table fits the printed page (${b.boxRight})`);
    }
  }
  await page.screenshot({ path: join(ROOT_ARTIFACTS, "workshop-tables-print.png") });
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(errors, []);
  assert.deepEqual(await axe(page), []);
});
