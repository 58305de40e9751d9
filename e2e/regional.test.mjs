// The regional picture joins packs by code and shows the whole region (issues 27 item 5 and 30),
// end to end in headless Chromium with axe on every state: packs with and without codes, formal
// names, a pack whose codes name another authority than its name, a pack prepared for someone
// else; every authority of the region with its last inspection and published figures (units,
// comparators, the core's flags); the candidate priorities ranked with the reason for each place.
// No table makes the page scroll sideways at 1280 px. Screenshots at 1280 and 390 px.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, axe, cspViolations, openPage, screenshot, useSite, waitReady } from "./harness.mjs";
import { onPage, shadowText } from "./steps.mjs";
import { makePack } from "../www/domain/peer.mjs";
import { formatNumber } from "../www/ui/format.mjs";

const site = useSite();
const figures = JSON.parse(await readFile(join(ROOT, "data/dfe/published-figures.json"), "utf8"));
const DORSET_CODES = { urn: 2532283, la: "838", ons: "E06000059" };

/** The body rows of the table `id` in the shadow root, each as its cells' text. */
const tableRows = (page, id) =>
  page.evaluate(
    (i) =>
      [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(`#${i} tbody tr`)].map((tr) =>
        [...tr.children].map((c) => c.textContent.replace(/\s+/g, " ").trim()),
      ),
    id,
  );

/** Runs axe and checks there was no console error or CSP violation before it. */
async function axeClean(page, errors, where) {
  assert.deepEqual(errors, [], `errors before axe on ${where}`);
  assert.deepEqual(await cspViolations(page), [], `CSP violations before axe on ${where}`);
  assert.deepEqual(await axe(page), [], where);
  errors.length = 0;
  await page.evaluate(() => {
    window.__cspViolations = [];
  });
}

/** Tables (and their scrolling boxes) wider than they may be: none should be at 1280 px. */
const overflowing = (page) =>
  page.evaluate(() => {
    const root = document.querySelector("stocktake-app").shadowRoot;
    const wide = [...root.querySelectorAll(".st-table-scroll")]
      .filter((b) => b.offsetParent && b.scrollWidth > b.clientWidth + 1)
      .map((b) => b.getAttribute("aria-label"));
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth) wide.push("the page");
    return wide;
  });

/** The packs: `levels` by statement index of help and protection. */
async function setUp(page) {
  const { fw, statements } = await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    return {
      fw: app.defaultFrameworkId(),
      statements: app
        .fw()
        .areas.find((a) => a.id === "help_and_protection")
        .statements.map((s) => ({ id: s.id, text: s.text })),
    };
  });
  const RI = "requires_improvement";
  const BAD = "inadequate";
  // Statements 0..6: C ranks first (3 authorities, Dorset's figures agree), A second (two
  // inadequate), B third (Dorset's figures agree), D, F and G last (two at requires improvement),
  // E is one authority's only.
  const ratings = {
    dorset: { 2: RI, 1: RI },
    bristol: { 0: BAD, 1: RI, 2: RI, 3: RI, 5: RI, 6: RI },
    durham: { 0: BAD, 2: RI, 3: RI, 4: BAD, 5: RI, 6: RI },
  };
  const a = (authority, levels, codes) => ({
    format: "stocktake-assessment",
    version: 1,
    framework: fw,
    authority,
    assessedOn: "2026-11-30",
    answers: Object.fromEntries(
      Object.entries(levels).map(([i, level]) => [statements[+i].id, { level, evidence: [] }]),
    ),
    indicators: {},
    history: null,
    ...(codes ? { authorityCodes: codes } : {}),
  });
  const file = (name, assessment, today, preparedFor = "Regional lead") => ({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(
      JSON.stringify(makePack(assessment, { preparedFor, includeNotes: false, today, id: `${name}` })),
    ),
  });
  return {
    statements,
    files: [
      file("dorset-codes.json", a("Dorset", { 0: "good" }, DORSET_CODES), "2026-11-01"),
      file("dorset-council.json", a("Dorset Council", ratings.dorset), "2026-12-01"),
      file("bristol.json", a("Bristol City Council", ratings.bristol), "2026-12-01"),
      file("durham.json", a("County Durham", ratings.durham), "2026-12-01", "Sam Peer, DCS Wiltshire"),
      file("odd.json", a("Barnet", {}, { urn: 80560 }), "2026-12-01"),
    ],
  };
}

test("packs are joined by code, else by name through the aliases; a pack whose codes disagree, or addressed to someone else, is said", async () => {
  const { page, errors } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url);
  await waitReady(page);
  const { files } = await setUp(page);
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("regional"));
  await onPage(page, "regional");
  await page.locator("#regional-reader").fill("Regional lead");
  await page.locator("#regional-files").setInputFiles(files);
  await page.locator("#regional-count").waitFor();
  // One Dorset (with codes, then a later pack named "Dorset Council" without), never two.
  assert.equal(
    await shadowText(page, "#regional-count"),
    "4 authorities: Dorset Council, Bristol City Council, County Durham, Barnet.",
  );
  assert.match(
    await shadowText(page, "#regional-duplicates"),
    /dorset-codes\.json is another pack from Dorset Council, so only the later one, dorset-council\.json, is counted\./,
  );
  const packs = await tableRows(page, "regional-packs");
  assert.deepEqual(
    packs.map((r) => r.slice(0, 2)),
    [
      ["Dorset Council", "Dorset, by its name (no codes)"],
      ["Bristol City Council", "Bristol, City of, by its name (no codes)"],
      ["County Durham", "Durham, by its name (no codes)"],
      ["Barnet", "Not joined: codes and name disagree"],
    ],
  );
  const comments = await page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll("#regional-comments li")].map(
      (li) => li.textContent,
    ),
  );
  assert.deepEqual(comments, [
    "durham.json (County Durham): It was prepared for Sam Peer, DCS Wiltshire, not for you (Regional lead): it is counted, but check it was meant to reach you.",
    "odd.json (Barnet): Its codes are those of St. Helens (URN 80560) but it is named Barnet: it is shown as named and joined to neither authority. Ask the authority which it is.",
  ]);
  // Names found through the record: each has its last inspection; the pack joined to neither has none.
  const judgements = await shadowText(page, "#regional-judgements");
  assert.match(judgements, /Dorset CouncilLast inspection \(ended 21 March 2025\)OutstandingOutstanding/);
  assert.match(judgements, /Bristol City CouncilLast inspection \(ended 27 January 2023\)/);
  assert.match(judgements, /County DurhamLast inspection \(ended/);
  assert.match(judgements, /BarnetNot joined to the record \(see the packs counted\)/);
  assert.doesNotMatch(judgements, /St\. Helens/, "never re-labelled by its codes");
  await axeClean(page, errors, "regional, joined by code and name");
  // Giving a name the packs do not use: every pack is said to be for someone else.
  await page.locator("#regional-reader").fill("Pat Lead");
  await page.locator("#regional-reader").blur();
  await page.waitForFunction(() =>
    /Pat Lead/.test(
      document.querySelector("stocktake-app").shadowRoot.querySelector("#regional-comments")?.textContent,
    ),
  );
  assert.equal(
    await page.locator("#regional-comments li").count(),
    4,
    "each of the four counted packs was prepared for someone else",
  );
  assert.deepEqual(errors, []);
});

test("every authority of the region: its pack, last inspection, published figures with units, comparators and flags", async () => {
  const { page, errors } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url);
  await waitReady(page);
  const { files } = await setUp(page);
  const record = await page.evaluate(() => document.querySelector("stocktake-app").app.loadRecord());
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("regional"));
  await onPage(page, "regional");
  await page.locator("#regional-files").setInputFiles(files);
  await page.locator("#regional-region").waitFor();
  // Dorset and Bristol are in the South West, Durham in the North East: the packs' region.
  assert.equal(await page.locator("#regional-region-choice").inputValue(), "South West");
  const sw = record.authorities.filter((a) => a.region === "South West" && !a.replacedBy);
  const rows = await tableRows(page, "regional-region");
  assert.equal(rows.length, sw.length, "every authority of the region, pack or not");
  assert.deepEqual(rows.map((r) => r[0]).sort(), sw.map((a) => a.name).sort());
  assert.match(
    await shadowText(page, "#regional-region caption"),
    new RegExp(`South West: ${sw.length} authorities, 2 sent a pack`),
  );
  const row = (name) => rows.find((r) => r[0] === name);
  assert.deepEqual(row("Dorset").slice(1, 3), [
    "Sent (dorset-council.json)",
    "Outstanding overall, ended 21 March 2025",
  ]);
  assert.equal(row("Bristol, City of")[1], "Sent (bristol.json)");
  assert.equal(rows.filter((r) => r[1] === "No pack").length, sw.length - 2);
  assert.ok(
    rows.every((r) => r[2]),
    "each has its last inspection or says it has none",
  );
  // Published figures: Dorset's turnover with its unit, its neighbours' average, region and England.
  const i = figures.ids.indexOf("sw_turnover");
  const d = figures.authorities["838"];
  const pct = (v) => `${formatNumber(v)}%`;
  const caption = await shadowText(page, "#regional-figures-sw_turnover caption");
  assert.match(caption, /^Social worker turnover \(FTE\) \(%\), /);
  assert.ok(caption.includes(`South West ${pct(figures.regions["South West"].values[i].at(-1))}`), caption);
  assert.ok(caption.includes(`England ${pct(figures.england.values[i].at(-1))}`), caption);
  const turnover = await tableRows(page, "regional-figures-sw_turnover");
  const dorset = turnover.find((r) => r[0] === "Dorset");
  assert.deepEqual(dorset.slice(1, 4), ["Sent", pct(d.values[i].at(-1)), pct(d.neighboursAverage[i].at(-1))]);
  assert.match(dorset[4], /^(Worse|Better|Similar to) .*England.*; neighbours: \w+; region: \w+/);
  // The core's flag: Durham's caseload is worse than England, not than its neighbours (in the North East).
  // Figures per 10,000 children say so in their caption, inside "the other published figures".
  assert.match(await shadowText(page, "#regional-figures-cla_rate caption"), /per 10,000 children/);
  await page.locator("#regional-figures-more summary").click();
  await axeClean(page, errors, "regional, the region's authorities");
  assert.deepEqual(await overflowing(page), [], "no table scrolls sideways at 1280 px");
  await screenshot(page, "regional-region-1280");
  // Another region: the North East, where Durham sent a pack; Durham's caseload not flagged.
  await page.locator("#regional-region-choice").selectOption("North East");
  await page.waitForFunction(() =>
    /North East/.test(
      document.querySelector("stocktake-app").shadowRoot.querySelector("#regional-region caption")?.textContent,
    ),
  );
  const ne = await tableRows(page, "regional-region");
  const durham = ne.find((r) => r[0] === "Durham");
  assert.equal(durham[1], "Sent (durham.json)");
  // Durham's caseload (16.6) is worse than England (15.2) but similar to its neighbours' average (16):
  // not flagged under the rule of indicators.toml ([comparison]: England and the neighbours).
  assert.equal(durham[3], "None");
  // Under the April 2026 framework there is no overall grade: each judgement's is given.
  assert.equal(
    ne.find((r) => r[0] === "Middlesbrough")[2],
    "Impact of leaders: requires improvement to be good; Help and protection: requires improvement to be good; Children in care: requires improvement to be good; Care leavers: requires improvement to be good; ended 19 June 2026",
  );
  const caseload = (await tableRows(page, "regional-figures-average_caseload")).find((r) => r[0] === "Durham");
  assert.match(caseload[4], /^Worse than England; neighbours: similar; region: similar/);
  assert.equal(await page.locator("#regional-region-choice").inputValue(), "North East");
  await axeClean(page, errors, "regional, another region");
  await page.setViewportSize({ width: 390, height: 900 });
  await screenshot(page, "regional-region-390");
  await axeClean(page, errors, "regional, the region at 390 px");
  assert.deepEqual(errors, []);
});

test("candidate priorities are ranked by authorities, severity and the published figures, with the reason for each place", async () => {
  const { page, errors } = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(site.url);
  await waitReady(page);
  const { files, statements: s } = await setUp(page);
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("regional"));
  await onPage(page, "regional");
  await page.locator("#regional-files").setInputFiles(files);
  await page.locator("#regional-ranked").waitFor();
  const ranked = await tableRows(page, "regional-ranked");
  assert.deepEqual(
    ranked.map((r) => [r[0], r[1], r[3]]),
    [
      ["1", s[2].text, "4"],
      ["2", s[0].text, "4"],
      ["3", s[1].text, "3"],
      ["4", s[3].text, "2"],
      ["5", s[5].text, "2"],
    ],
    "three authorities before two at the same points; inadequate counts twice; the top five of six",
  );
  assert.equal(
    ranked[0][4],
    "3 authorities: 3 requires improvement (Dorset Council, Bristol City Council, County Durham); the published figures bear it out for Dorset Council (Child protection plans that were a second or later plan worse than England).",
  );
  assert.equal(
    ranked[1][4],
    "2 authorities: 2 inadequate (Bristol City Council, County Durham); the published figures do not bear it out for any of the 2 authorities with figures.",
  );
  assert.match(await shadowText(page, "main"), /The top 5 of 6; every one is listed by area below\./);
  assert.ok(!ranked.some((r) => r[1] === s[4].text), "one authority's inadequate rating alone is no regional priority");
  assert.match(await shadowText(page, "#regional-ranked caption"), /The top 5 candidate priorities/);
  await axeClean(page, errors, "regional, ranked priorities");
  assert.deepEqual(errors, []);
});
