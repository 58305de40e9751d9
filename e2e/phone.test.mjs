// On a 390 px phone the results, action plan and report fit the screen: a wide table scrolls inside
// its own focusable box, never the page.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { axe, openPage, screenshot, useSite, waitReady } from "./harness.mjs";
import { fillAllAreas, onPage } from "./steps.mjs";

const site = useSite();
let page;
before(async () => {
  await site.ready;
  ({ page } = await openPage(site.browser, { viewport: { width: 390, height: 844 } }));
  await page.goto(site.url);
  await waitReady(page);
  await page.click("#start-new");
  await onPage(page, "about");
  await fillAllAreas(page);
});

const go = (name) => page.evaluate((n) => document.querySelector("stocktake-app").app.go(n), name);
const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);

for (const name of ["results", "actions", "report"]) {
  test(`the ${name} page fits a 390 px screen`, async () => {
    await go(name);
    await onPage(page, name);
    assert.ok((await pageWidth()) <= 390, `page is ${await pageWidth()} px wide`);
    await screenshot(page, `phone-${name}`);
    assert.deepEqual(await axe(page), [], `axe on ${name} at 390 px`);
  });
}

test("the timeline fits a 390 px screen, with a report held for a pre-election period and its source", async () => {
  // York has a poll on 6 May 2027 (e2e/dates): the report's step names the poll and its source,
  // a long web address that must wrap rather than widen the page.
  await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    app.today = () => "2026-11-23";
    app.load({
      ...app.a,
      authorityCodes: { urn: 80453, la: "816", ons: "E06000014" },
      history: {
        lastInspection: {
          kind: "short",
          startedOn: "2023-09-11",
          endedOn: "2023-09-15",
          grades: { overall_effectiveness: "good" },
        },
      },
    });
    app.go("timeline");
  });
  await onPage(page, "timeline");
  await page.waitForFunction(() =>
    /Held for the pre-election period/.test(
      document.querySelector("stocktake-app").shadowRoot.querySelector("#timeline-events")?.textContent ?? "",
    ),
  );
  assert.ok((await pageWidth()) <= 390, `page is ${await pageWidth()} px wide`);
  await screenshot(page, "phone-timeline");
  assert.deepEqual(await axe(page), [], "axe on the timeline at 390 px");
});
