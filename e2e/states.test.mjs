// Every state the page can show passes axe-core (WCAG 2.0–2.2 A/AA and best practice), and a
// screenshot of each is written to e2e-artifacts/ for people to look at.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { axe, openPage, screenshot, waitReady, useSite } from "./harness.mjs";
import { fillAllAreas, onPage, shadowText } from "./steps.mjs";

const site = useSite();
let page;
before(async () => {
  await site.ready;
  ({ page } = await openPage(site.browser));
  await page.goto(site.url);
  await waitReady(page);
});

const go = (name, params = {}) =>
  page.evaluate(([n, p]) => document.querySelector("stocktake-app").app.go(n, p), [name, params]);

/** Each page's <h1>: an unknown page name falls back to the start page, so the heading says which opened. */
const HEADINGS = {
  start: "Stocktake: your inspection self-evaluation",
  about: "About your authority",
  tasks: "Your self-evaluation",
  indicators: "Indicators",
  check: "Check your answers",
  results: "Your likely judgements",
  timeline: "Your inspection pathway",
  actions: "Action plan",
  compare: "Compare with last year",
  clear: "Clear everything from this device",
  report: "Self-evaluation report",
};

/**
 * Checks that page `pageName` opened (the host's data-page and the page's one <h1>, `heading` or
 * the page's own from HEADINGS), then runs axe and writes the screenshot `state-<shot>`.
 */
async function checkState(shot, pageName, heading = HEADINGS[pageName]) {
  await onPage(page, pageName);
  const h1s = await page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll("h1")].map((e) =>
      e.textContent.replace(/\s+/g, " ").trim(),
    ),
  );
  assert.deepEqual(h1s, [heading], `${shot}: the ${pageName} page opened`);
  await screenshot(page, `state-${shot}`);
  assert.deepEqual(await axe(page), [], `axe violations on ${shot}`);
}

test("start page", async () => {
  await checkState("start", "start");
});

test("about page, empty and with an inspection and a focused visit", async () => {
  await page.click("#start-new");
  await onPage(page, "about");
  await checkState("about-empty", "about");
  await page.check("#history-lastInspection-kind");
  await page.fill("#history-lastInspection-startedOn", "4");
  await page.fill("#history-lastInspection-startedOn-month", "3");
  await page.fill("#history-lastInspection-startedOn-year", "2024");
  await page.click("#add-visit");
  await page.check("#monitoring-2");
  await checkState("about-filled", "about");
});

test("about page error state: invalid dates are listed in the error summary and on the fields", async () => {
  await page.fill("#history-focusedVisits-0-endedOn", "31");
  await page.fill("#history-focusedVisits-0-endedOn-month", "2");
  await page.fill("#history-focusedVisits-0-endedOn-year", "2025");
  await page.click("#save-continue");
  await onPage(page, "about");
  const summary = await shadowText(page, ".govuk-error-summary");
  assert.match(summary, /There is a problem/);
  assert.match(summary, /visit ended/);
  const focused = await page.evaluate(() => document.querySelector("stocktake-app").shadowRoot.activeElement?.id);
  assert.equal(focused, "error-summary", "focus moves to the error summary");
  assert.match(await page.title(), /^Error: /);
  await checkState("about-error", "about");
  // The summary's link moves focus to the field.
  assert.match(
    await shadowText(page, "#history-lastInspection-endedOn-error"),
    /Error: Enter the date the inspection ended/,
  );
  const links = page.locator(".govuk-error-summary__list a");
  for (let i = 0; i < (await links.count()); i++) {
    const target = (await links.nth(i).getAttribute("href")).slice(1);
    await links.nth(i).click();
    assert.equal(
      await page.evaluate(() => document.querySelector("stocktake-app").shadowRoot.activeElement?.id),
      target,
      "each link moves focus to its field",
    );
  }
});

test("each area page, and the task list", async () => {
  await go("tasks");
  await checkState("tasks-empty", "tasks");
  const areas = await page.evaluate(() =>
    document
      .querySelector("stocktake-app")
      .app.fw()
      .areas.map((a) => ({ id: a.id, name: a.name })),
  );
  assert.equal(areas.length, 5);
  for (const { id, name } of areas) {
    await go("area", { id });
    await checkState(`area-${id}`, "area", name);
  }
});

test("an area page error state: invalid due date and notes too long", async () => {
  await go("area", { id: "help_and_protection" });
  await page.check("#answers-hp_front_door-level-3");
  await page.click("#hp_front_door-more");
  await page.fill("#answers-hp_front_door-action-due", "31");
  await page.fill("#answers-hp_front_door-action-due-month", "2");
  await page.fill("#answers-hp_front_door-action-due-year", "2027");
  await page.fill("#answers-hp_front_door-notes", "x".repeat(2005));
  assert.match(
    await shadowText(page, "#answers-hp_front_door-notes-info + .govuk-character-count__status"),
    /You have 5 characters too many/,
  );
  await page.click("#save-continue");
  await onPage(page, "area");
  const summary = await shadowText(page, ".govuk-error-summary");
  assert.match(summary, /real date/);
  assert.match(summary, /the most it can have is 2000|2000 characters or fewer/);
  assert.match(await shadowText(page, "#answers-hp_front_door-action-due-error"), /Error:/);
  const hp = await page.evaluate(
    () =>
      document
        .querySelector("stocktake-app")
        .app.fw()
        .areas.find((a) => a.id === "help_and_protection").name,
  );
  await checkState("area-error", "area", hp);
  await page.fill("#answers-hp_front_door-notes", "Short note");
  await page.fill("#answers-hp_front_door-action-due", "28");
  await page.click("#save-continue");
  await onPage(page, "tasks");
});

test("indicators, check answers, results, timeline, action plan, compare, clear", async () => {
  await fillAllAreas(page);
  await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    app.a.history.lastInspection = {
      kind: "standard",
      startedOn: "2024-03-04",
      endedOn: "2024-03-15",
      grades: {
        overall_effectiveness: "requires_improvement",
        impact_of_leaders: "requires_improvement",
        help_and_protection: "requires_improvement",
        children_in_care: "good",
        care_leavers: "good",
      },
    };
    app.a.history.focusedVisits = [];
    app.a.history.monitoring = null;
    app.changed(true);
  });
  for (const name of ["tasks", "indicators", "check", "results", "timeline", "actions", "compare", "clear", "start"]) {
    await go(name);
    await checkState(name, name);
  }
});

test("the report view in print media", async () => {
  await go("report");
  await checkState("report", "report");
  await page.emulateMedia({ media: "print" });
  assert.equal(
    await page.evaluate(
      () => getComputedStyle(document.querySelector("stocktake-app").shadowRoot.querySelector(".st-header")).display,
    ),
    "none",
    "the header is not printed",
  );
  assert.equal(
    await page.evaluate(
      () => getComputedStyle(document.querySelector("stocktake-app").shadowRoot.querySelector("#print")).display,
    ),
    "none",
    "buttons are not printed",
  );
  await checkState("report-print", "report");
  await page.pdf?.({ path: "e2e-artifacts/report.pdf" }).catch(() => {});
  await page.emulateMedia({ media: "screen" });
});
