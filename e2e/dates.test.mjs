// Dates as people read them: with a full self-evaluation (history, actions with due dates, audits
// with moderation), no page shows a date in its stored form (2026-06-01). Dates are stored and
// exported as YYYY-MM-DD (files, CSV, workbook cells); on a page they read "1 June 2026". Only a
// hint that shows what to type (the audit form's "For example, 2026-03-31") may show the typed form.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { openPage, useSite, waitReady } from "./harness.mjs";
import { onPage, shadowText } from "./steps.mjs";

const site = useSite();
let page;
before(async () => {
  await site.ready;
  ({ page } = await openPage(site.browser));
  await page.goto(site.url);
  await waitReady(page);
});

/** The text the page shows in its main area, leaving out the hints that say how to type a date. */
const shownText = () =>
  page.evaluate(() => {
    const main = document.querySelector("stocktake-app").shadowRoot.querySelector("main").cloneNode(true);
    for (const hint of main.querySelectorAll(".govuk-hint")) hint.remove();
    return main.textContent;
  });

test("no page shows a date in the form it is stored in", async () => {
  const file = JSON.parse(await readFile(new URL("../tests/golden/v2/full-2026-with-audits.json", import.meta.url)));
  file.history = {
    lastInspection: {
      kind: "standard",
      startedOn: "2023-03-06",
      endedOn: "2023-03-17",
      grades: { overall_effectiveness: "requires_improvement", help_and_protection: "good" },
    },
    focusedVisits: [{ endedOn: "2025-05-14", priorityActions: false }],
    monitoring: null,
    interventions: [],
  };
  const areaId = await page.evaluate((a) => {
    const app = document.querySelector("stocktake-app").app;
    app.load(a);
    return app.fw().areas[0].id;
  }, file);
  const pages = [
    ["tasks"],
    ["about"],
    ["area", { id: areaId }],
    ["indicators"],
    ["check"],
    ["results"],
    ["timeline"],
    ["actions"],
    ["compare"],
    ["report"],
    ["audits"],
    ["audit", { n: "0" }],
    ["peer"],
    ["peer-pack"],
    ["regional"],
    ["protect"],
  ];
  const found = [];
  let areaText = "";
  let auditsText = "";
  for (const [name, params = {}] of pages) {
    await page.evaluate(([n, p]) => document.querySelector("stocktake-app").app.go(n, p), [name, params]);
    await onPage(page, name);
    // The pages that load a module or the record render a moment later: wait for the main heading.
    await page.waitForFunction(() => document.querySelector("stocktake-app").shadowRoot.querySelector("main h1"));
    const text = await shownText();
    for (const m of text.matchAll(/.{0,40}\b\d{4}-\d{2}-\d{2}\b.{0,20}/g)) found.push(`${name}: ${m[0]}`);
    if (name === "area") areaText = text;
    if (name === "audits") auditsText = text;
  }
  assert.deepEqual(found, []);
  // And the written form is there: each statement's audits, and the audits' window.
  assert.match(areaText, /Audits: 15 cases from 13 January 2026 to 27 March 2026, /);
  assert.match(auditsText, /Audits dated after 14 May 2025 and up to 14 May 2026 count/);
  assert.match(auditsText, /LCS-100200Help and protection10 January 2026/);
});

test("a report due in a May pre-election period is held only where the authority has a poll", async () => {
  const file = JSON.parse(await readFile(new URL("../tests/golden/v2/full-2026-with-audits.json", import.meta.url)));
  // A short inspection likely in February 2027 reports in April 2027, inside the window before the
  // 6 May 2027 elections. Kent (county elections 2025, 2029) has no poll that May; York (all-out
  // 2019, 2023, 2027) has.
  file.history = {
    lastInspection: {
      kind: "short",
      startedOn: "2023-09-11",
      endedOn: "2023-09-15",
      grades: { overall_effectiveness: "good" },
    },
  };
  const report = async (codes) => {
    await page.evaluate(
      ([a, c]) => {
        const app = document.querySelector("stocktake-app").app;
        app.today = () => "2026-11-23";
        app.load({ ...a, authorityCodes: c });
        app.go("timeline");
      },
      [file, codes],
    );
    await onPage(page, "timeline");
    await page.waitForFunction(() =>
      document.querySelector("stocktake-app").shadowRoot.querySelector("#timeline-events"),
    );
    return shadowText(page, "#timeline-events");
  };
  try {
    const kent = await report({ urn: 80476, la: "886", ons: "E10000016" });
    assert.match(kent, /Not held for a pre-election period: the authority has no poll on 6 May 2027/);
    assert.doesNotMatch(kent, /Held for the pre-election period/);
    const york = await report({ urn: 80453, la: "816", ons: "E06000014" });
    assert.match(york, /Held for the pre-election period: council elections on 6 May 2027/);
    // The setting on the assumptions panel: "Every authority every May" holds Kent's report too.
    await report({ urn: 80476, la: "886", ons: "E10000016" });
    await page.evaluate(() => {
      const root = document.querySelector("stocktake-app").shadowRoot;
      const radios = [...root.querySelectorAll(".st-assumptions input[type=radio]")];
      radios.find((r) => r.value === "2" && r.name.includes("election_pause")).click();
    });
    await page.waitForFunction(() =>
      /every authority is taken to have a poll/.test(
        document.querySelector("stocktake-app").shadowRoot.querySelector("#timeline-events")?.textContent ?? "",
      ),
    );
  } finally {
    await page.evaluate(() => {
      const app = document.querySelector("stocktake-app").app;
      delete app.today;
      app.pathway.resetAssumptions();
    });
  }
});
