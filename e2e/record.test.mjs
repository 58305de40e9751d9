// The public inspection record on "About your authority" (issue 19, part 1): the record loads only
// when the user opens the section (our own static file), choosing the authority fills its last
// inspection into the fields and shows its neighbours' and region's latest judgements beside its
// projection, with figures that match the CSV files in data/ofsted-ilacs/; a newer history file
// with bad rows is reported row by row; a good one is kept on the device and named on the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  DIST,
  ROOT,
  STRICT_CSP,
  axe,
  cspViolations,
  foreignRequests,
  launch,
  openPage,
  screenshot,
  startServer,
  useSite,
  waitReady,
} from "./harness.mjs";
import { focusedId, follow, onPage, shadowText, tabTo } from "./steps.mjs";
import { readCsvObjects } from "../www/domain/csv.mjs";

const site = useSite();
const DATA = join(ROOT, "data", "ofsted-ilacs");

/** The history CSV's rows as objects, read by the CSV library alone, independently of the page's history reader. */
async function historyRows() {
  return readCsvObjects(await readFile(join(DATA, "ofsted_csc_ilacs_history_to_2026-07.csv"), "utf8"));
}
async function lookupRows() {
  return readCsvObjects(await readFile(join(DATA, "la_lookup.csv"), "utf8"));
}
const iso = (d) => d.split("/").reverse().join("-");
/** Cumbria, Northamptonshire and Poole: followed by other authorities (data/ofsted-ilacs/aliases.csv). */
const FORMER = new Set(["135513", "121939", "137316"]);

/** Opens About your authority for a new self-evaluation and opens the record section by keyboard. */
async function openRecord(page, url) {
  await page.goto(url);
  await waitReady(page);
  await follow(page, "start-new", "about");
  await tabTo(page, "record-summary");
  await page.keyboard.press("Enter");
  await page.locator("#record-authority").waitFor();
}

for (const width of [390, 1280]) {
  test(`at ${width} px, choosing Dorset fills its last inspection and shows its neighbours beside its projection`, async () => {
    const { page, requests, errors } = await openPage(site.browser, { viewport: { width, height: 900 } });
    await page.goto(site.url);
    await waitReady(page);
    await follow(page, "start-new", "about");
    assert.ok(!requests.some((u) => u.includes("ilacs-record")), "the record is not loaded before it is asked for");
    await tabTo(page, "record-summary");
    await page.keyboard.press("Enter");
    await page.locator("#record-authority").waitFor();
    assert.ok(
      requests.some((u) => u === `${site.url}data/ilacs-record.json`),
      "loaded from our own static file",
    );
    assert.match(
      await shadowText(page, "#record-age"),
      /^Ofsted's published grades to July 2026 \(Data to Insight compilation\)\.$/,
    );
    assert.match(
      await shadowText(page, "#record-attribution"),
      /Open Government Licence v3\.0.*Data to Insight \(MIT\)/,
    );

    // Choose the authority by keyboard in the select.
    await tabTo(page, "record-authority");
    await page.locator("#record-authority").selectOption({ label: "Dorset" });
    await page.locator("#record-inspections").waitFor();
    const history = (await historyRows()).filter(
      (r) => r.urn === "2532283" && /short|standard/.test(r.inspection_framework),
    );
    const shown = await shadowText(page, "#record-inspections");
    assert.equal(await page.locator("#record-inspections tbody tr").count(), history.length);
    assert.match(shown, /17 March 2025 to 21 March 2025ShortOutstanding/);

    await tabTo(page, "record-fill");
    await page.keyboard.press("Enter");
    await page.locator("#notice-heading").waitFor();
    assert.match(await shadowText(page, "#notice-body"), /Dorset: short inspection, 17 March 2025 to 21 March 2025/);
    assert.match(await focusedId(page), /^history-lastInspection-kind/);
    const a = await page.evaluate(() => document.querySelector("stocktake-app").app.a);
    assert.equal(a.authority, "Dorset");
    assert.deepEqual(a.history.lastInspection, {
      kind: "short",
      startedOn: "2025-03-17",
      endedOn: "2025-03-21",
      grades: {
        overall_effectiveness: "outstanding",
        impact_of_leaders: "outstanding",
        help_and_protection: "outstanding",
        children_in_care: "outstanding",
        care_leavers: "good",
      },
    });
    // The fields show it and can be corrected.
    assert.equal(await page.locator("#history-lastInspection-startedOn").inputValue(), "17");
    await page.locator("#history-lastInspection-grades-care_leavers").selectOption("requires_improvement");
    assert.equal(
      await page.evaluate(
        () => document.querySelector("stocktake-app").app.a.history.lastInspection.grades.care_leavers,
      ),
      "requires_improvement",
    );

    // The neighbours: ten rows plus the projection, each latest ILACS inspection as in the CSV.
    const lookup = await lookupRows();
    const dorset = lookup.find((r) => r.urn === "2532283");
    const codes = dorset.stat_neighbours.split(",").map((c) => c.trim());
    const all = await historyRows();
    const table = page.locator("#record-neighbours");
    assert.equal(await table.locator("tbody tr").count(), 11);
    assert.match(await table.locator("tbody tr").first().textContent(), /Dorset: your projectionThis self-evaluation/);
    for (const code of codes) {
      const la = lookup.find((r) => r.la_code === code);
      const latest = all
        .filter((r) => r.urn === la.urn && /^(short|standard)$/.test(r.inspection_framework))
        .sort((x, y) => (iso(x.inspection_end_date) < iso(y.inspection_end_date) ? 1 : -1))[0];
      const row = await table.locator("tbody tr", { hasText: la.local_authority_ons_name }).first().textContent();
      if (latest) {
        const d = iso(latest.inspection_end_date);
        const [y, , day] = d.split("-");
        assert.match(row, new RegExp(`${+day} \\w+ ${y}`), `${la.local_authority_ons_name} ${d}`);
        const hp = latest.help_and_protection_grade;
        if (hp === "good") assert.match(row, /Good/);
      } else assert.match(row, /No ILACS inspection in the record/);
    }
    const region = await page.locator("#record-region caption").textContent();
    assert.equal(region, `Other authorities in ${dorset.region_name}: latest judgements`);
    assert.equal(
      await page.locator("#record-region tbody tr").count(),
      // Former authorities (Poole, followed by Bournemouth, Christchurch and Poole) are not listed.
      1 +
        lookup.filter((r) => r.region_name === dorset.region_name && r.urn !== dorset.urn && !FORMER.has(r.urn)).length,
    );
    await screenshot(page, `record-${width}`);
    assert.deepEqual(foreignRequests(requests, site.url), []);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
    assert.deepEqual(await axe(page), []);
  });
}

const HEADER =
  "urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version";

test("a newer history file is checked row by row; a good one is kept on the device and named on the page", async () => {
  const { page, requests, errors } = await openPage(site.browser);
  await openRecord(page, site.url);
  // Column names wrong: nothing is used.
  await page.locator("#record-file").setInputFiles({
    name: "wrong.csv",
    mimeType: "text/csv",
    buffer: Buffer.from("a,b,c\n1,2,3\n"),
  });
  await page.locator(".govuk-error-summary").waitFor();
  assert.match(
    await shadowText(page, ".govuk-error-summary"),
    /Row 1 \(the column names\) has no urn, local_authority/,
  );
  assert.equal(await focusedId(page), "DIV", "the error summary takes focus");
  assert.deepEqual(errors, []);
  assert.deepEqual(await axe(page), []);
  errors.length = 0; // axe's own inline style shows as a CSP console error

  // Bad rows are listed with their row numbers, and the good ones used.
  const bad = [
    HEADER,
    "2532283,dorset,x,y,01/12/25,short,A,17/11/2025,21/11/2025,good,good,good,good,good,1",
    "80486,barking,x,y,01/12/25,standard,A,31/02/2025,07/03/2025,good,good,good,good,good,1",
    '80487,barnet,x,"a, b",01/12/25,standard,A,10/03/2025,01/03/2025,good,good,good,good,good,1',
    "80488,bexley,x,y,01/12/25,standard,A,10/03/2025,21/03/2025,grood,good,good,good,good,1",
  ].join("\r\n");
  await page
    .locator("#record-file")
    .setInputFiles({ name: "newer.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
  await page.locator("#record-file-note").waitFor();
  const note = await shadowText(page, "#record-file-note");
  assert.match(note, /Now using newer\.csv: 1 ILACS inspections, to 21 November 2025\. 3 rows could not be read/);
  assert.match(note, /Row 3: the inspection start date "31\/02\/2025" is not a date/);
  assert.match(note, /Row 4: the inspection ends \(01\/03\/2025\) before it starts \(10\/03\/2025\)/);
  assert.match(note, /Row 5: overall_effectiveness_grade "grood" is not a grade/);
  assert.match(await shadowText(page, "#record-age"), /Your copy of the inspection record, to November 2025, loaded/);

  // Only ILACS rows but all bad: refused with every row's message, nothing changes.
  const allBad = [HEADER, "x,dorset,x,y,01/12/25,short,A,17/11/2025,21/11/2025,good,good,good,good,good,1"].join("\n");
  await page
    .locator("#record-file")
    .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(allBad) });
  await page.locator(".govuk-error-summary").waitFor();
  assert.match(await shadowText(page, ".govuk-error-summary"), /Row 2: the urn "x" is not an Ofsted URN/);
  assert.match(await shadowText(page, "#record-age"), /to November 2025/, "the good copy is still in use");

  // Kept on the device: after a reload, choosing Dorset shows the newer inspection.
  await page.reload();
  await waitReady(page);
  await follow(page, "start-new", "about").catch(() => {});
  await onPage(page, "about");
  await page.locator("#record-summary").click();
  await page.locator("#record-age").waitFor();
  assert.match(await shadowText(page, "#record-age"), /to November 2025/);
  await page.locator("#record-authority").selectOption({ label: "Dorset" });
  assert.match(await shadowText(page, "#record-inspections"), /17 November 2025 to 21 November 2025/);
  await page.locator("#record-reset").click();
  await page.locator("#record-file-note").waitFor();
  assert.match(await shadowText(page, "#record-age"), /^Ofsted's published grades to July 2026/);
  await screenshot(page, "record-file");
  assert.deepEqual(foreignRequests(requests, site.url), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(await axe(page), []);
});

test("an authority named formally is found, and choosing it fills its newest inspection (after March 2025) and keeps its codes", async () => {
  const { page, requests, errors } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  await follow(page, "start-new", "about");
  await page.locator("#authority").fill("Derby City Council");
  await tabTo(page, "record-summary");
  await page.keyboard.press("Enter");
  await page.locator("#record-inspections").waitFor();
  assert.equal(await page.locator("#record-authority").inputValue(), "80459", "Derby, not Derbyshire");
  assert.match(await shadowText(page, "#record-codes"), /Derby: Ofsted URN 80459, DfE code 831, ONS code E06000015\./);
  assert.match(await shadowText(page, "#record-inspections"), /19 May 2025 to 23 May 2025ShortOutstanding/);
  await page.locator("#record-fill").click();
  await page.locator("#notice-heading").waitFor();
  assert.match(await shadowText(page, "#notice-body"), /Derby: short inspection, 19 May 2025 to 23 May 2025/);
  const a = await page.evaluate(() => document.querySelector("stocktake-app").app.a);
  assert.equal(a.authority, "Derby City Council", "the user's own name is kept");
  assert.deepEqual(a.authorityCodes, { urn: 80459, la: "831", ons: "E06000015" });
  assert.equal(a.history.lastInspection.endedOn, "2025-05-23");
  assert.equal(a.history.lastInspection.grades.overall_effectiveness, "outstanding");
  // Choosing another authority in the list while the file says Derby is shown, never re-labelled.
  await page.locator("#record-authority").selectOption({ label: "Derbyshire" });
  await page.locator("#record-mismatch").waitFor();
  assert.match(
    await shadowText(page, "#record-mismatch"),
    /This self-evaluation's file names the authority with URN 80459, not Derbyshire\. Check which authority it is/,
  );
  assert.deepEqual(foreignRequests(requests, site.url), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(await axe(page), []);
});

test("Nottingham's 2022 inadequate inspection appears with its sourced corrections and fills under the 2018 framework", async () => {
  const { page, errors } = await openPage(site.browser);
  await openRecord(page, site.url);
  await page.locator("#record-authority").selectOption({ label: "Nottingham" });
  await page.locator("#record-inspections").waitFor();
  const first = await page.locator("#record-inspections tbody tr").first().textContent();
  assert.match(
    first,
    /^4 July 2022 to 22 July 2022StandardInadequateRequires improvement to be goodInadequateRequires improvement to be goodNot givenReport/,
  );
  assert.match(await shadowText(page, "#record-corrections"), /ITV News.*\[S\]/);
  assert.equal(
    await page.locator("#record-inspections tbody tr").first().locator("a").getAttribute("href"),
    "https://files.ofsted.gov.uk/v1/file/50192198",
  );
  await page.locator("#record-fill").click();
  await page.locator("#notice-heading").waitFor();
  const a = await page.evaluate(() => document.querySelector("stocktake-app").app.a);
  assert.deepEqual(a.history.lastInspection, {
    kind: "standard",
    startedOn: "2022-07-04",
    endedOn: "2022-07-22",
    grades: {
      overall_effectiveness: "inadequate",
      impact_of_leaders: "requires_improvement",
      help_and_protection: "inadequate",
      children_in_care: "requires_improvement",
    },
  });
  assert.deepEqual(a.authorityCodes, { urn: 80533, la: "892", ons: "E06000018" });

  // Brighton and Hove's 2024 report: the grades fill, the dates (not in our sources) are left to the user.
  await page.locator("#record-authority").selectOption({ label: "Brighton and Hove" });
  await page.locator("#record-inspections").waitFor();
  assert.match(
    await page.locator("#record-inspections tbody tr").first().textContent(),
    /^Dates not in the record \(report published 16 May 2024\)Not knownOutstanding/,
  );
  await page.locator("#record-fill").click();
  await page.locator("#notice-heading").waitFor();
  assert.match(
    await shadowText(page, "#notice-body"),
    /does not give its dates or kind: enter them below from the report/,
  );
  const b = await page.evaluate(() => document.querySelector("stocktake-app").app.a.history.lastInspection);
  assert.equal(b.startedOn, null);
  assert.equal(b.grades.overall_effectiveness, "outstanding");
  assert.equal(b.grades.care_leavers, "outstanding", "graded under the 2023 framework, by its report's date");
  assert.deepEqual(errors, []);
  assert.deepEqual(await axe(page), []);
});

test("choosing an authority shows its published figures beside neighbours, region and England, and fills the indicators as published and editable", async () => {
  const figures = JSON.parse(await readFile(join(ROOT, "data", "dfe", "published-figures.json"), "utf8"));
  const { page, errors } = await openPage(site.browser);
  await openRecord(page, site.url);
  await page.locator("#record-authority").selectOption({ label: "Nottingham" });
  await page.locator("#record-figures").waitFor();
  const i = figures.ids.indexOf("re_referrals");
  const n = figures.authorities["892"];
  const row = await page.locator("#record-figures tbody tr", { hasText: "Re-referrals" }).textContent();
  const pc = (v) => `${v}%`;
  assert.equal(
    row,
    [
      "Re-referrals within 12 months",
      "year to 31 March 2025",
      pc(n.values[i][2]),
      `${pc(n.values[i][0])}, then ${pc(n.values[i][1])}`,
      pc(n.neighboursAverage[i][2]),
      pc(figures.regions["East Midlands"].values[i][2]),
      pc(figures.england.values[i][2]),
    ].join(""),
  );
  // A suppressed figure reads as suppressed, never zero (Camden's 2025 placements at distance).
  await page.locator("#record-authority").selectOption({ label: "Camden" });
  await page.locator("#record-figures").waitFor();
  assert.match(
    await page.locator("#record-figures tbody tr", { hasText: "more than 20 miles" }).textContent(),
    /year to 31 March 2025Suppressed \(c\)/,
  );
  await page.locator("#record-authority").selectOption({ label: "Nottingham" });
  // A figure the user typed first is kept, and compared with the published comparators too.
  await page.evaluate(() => document.querySelector("stocktake-app").app.set("indicators.agency_rate", 30));
  await page.locator("#record-figures-fill").click();
  await page.locator("#record-figures-note").waitFor();
  assert.match(
    await shadowText(page, "#record-figures-note"),
    /indicators filled with Nottingham's latest published figures.* 1 already had a figure of yours and was left as it was, compared now with the neighbours' and region's published figures too\./,
  );
  const a = await page.evaluate(() => document.querySelector("stocktake-app").app.a);
  assert.equal(a.indicators.re_referrals, n.values[i][2]);
  assert.equal(a.indicators.agency_rate, 30);
  assert.equal(
    a.indicatorComparators.agency_rate.neighbours,
    n.neighboursAverage[figures.ids.indexOf("agency_rate")][2],
  );
  // The neighbours' average and the region's figure travel in the file beside each figure filled,
  // and the core's comparison (its flag text) uses them.
  const t = figures.ids.indexOf("sw_turnover");
  assert.deepEqual(a.indicatorComparators.re_referrals, {
    neighbours: n.neighboursAverage[i][2],
    region: figures.regions["East Midlands"].values[i][2],
    period: "year to 31 March 2025",
  });
  assert.deepEqual(a.indicatorComparators.sw_turnover, {
    neighbours: n.neighboursAverage[t][2],
    region: figures.regions["East Midlands"].values[t][2],
    period: "year to 30 September 2025",
  });
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("indicators"));
  await page.locator("#indicators-re_referrals").waitFor();
  assert.equal(await page.locator("#indicators-re_referrals").inputValue(), String(n.values[i][2]));
  assert.match(await shadowText(page, "#indicators-re_referrals-origin"), /^Published, year to 31 March 2025\./);
  // Its trend: the three published years beside the neighbours' average and England, drawn, with the
  // same numbers as its text alternative.
  const trend = await page.evaluate(() => {
    const f = document.querySelector("stocktake-app").shadowRoot.querySelector("#indicators-re_referrals-trend");
    return (
      f && {
        label: f.querySelector("svg[role=img]").getAttribute("aria-label"),
        lines: f.querySelectorAll("polyline").length,
      }
    );
  });
  assert.ok(trend, "a trend chart for re-referrals");
  assert.equal(trend.lines, 3);
  const pcs = (vs) => vs.map((v, y) => `${2023 + y} ${v}%`).join(", ");
  assert.ok(trend.label.includes(`Nottingham: ${pcs(n.values[i])}`), trend.label);
  assert.ok(trend.label.includes(`England: ${pcs(figures.england.values[i])}`), trend.label);
  assert.match(
    await shadowText(page, "#indicators-re_referrals-comparison"),
    new RegExp(
      `Beside its statistical neighbours' average ${n.neighboursAverage[i][2]}% and its region ${figures.regions["East Midlands"].values[i][2]}% \\(year to 31 March 2025\\)`,
    ),
  );
  // A turnover of 14% is worse than England and than Nottingham's neighbours: flagged, saying both.
  await page.locator("#indicators-sw_turnover").fill("14");
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("indicators"));
  await page.locator("#indicators-sw_turnover-comparison").waitFor();
  assert.match(
    await shadowText(page, "#indicators-sw_turnover-comparison"),
    /Inspectors likely to ask.*Worse than England and its statistical neighbours\. This is a known risk factor/,
  );
  // Editable: the user's own figure replaces it and is named as theirs.
  await page.locator("#indicators-re_referrals").fill("25");
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("indicators"));
  await page.locator("#indicators-re_referrals-origin").waitFor();
  assert.match(
    await shadowText(page, "#indicators-re_referrals-origin"),
    /^Your local figure \(published, year to 31 March 2025: /,
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(await axe(page), []);
});

test("the offline file carries the record inline and makes no request", async () => {
  const browser = await launch();
  try {
    const { page, requests, errors } = await openPage(browser);
    const url = pathToFileURL(join(DIST, "stocktake-offline.html")).href;
    await openRecord(page, url);
    await page.locator("#record-authority").selectOption({ label: "Barnet" });
    await page.locator("#record-neighbours").waitFor();
    assert.deepEqual(
      requests.filter((u) => u !== url && !u.startsWith("data:") && !u.startsWith("blob:")),
      [],
    );
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test("inside an intranet page under a strict CSP, the record loads from Stocktake's own folder", async () => {
  const { server, url } = await startServer(undefined, { headers: { "Content-Security-Policy": STRICT_CSP } });
  try {
    const { page, requests, errors } = await openPage(site.browser);
    await openRecord(page, new URL("embed-example.html", url).href);
    assert.ok(requests.includes(`${url}data/ilacs-record.json`));
    await page.locator("#record-authority").selectOption({ label: "Dorset" });
    await page.locator("#record-neighbours").waitFor();
    assert.deepEqual(foreignRequests(requests, url), []);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    server.close();
  }
});
