// "Check your answers" as GOV.UK's pattern has it (issue 20): a Change link opens the field with
// focus on the answer chosen, "Save and continue" returns to the check page, and the page shows the
// last inspection's grades and the focused visits since.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, openPage, screenshot, waitReady, useSite } from "./harness.mjs";
import { focusedId, follow, onPage, shadowText } from "./steps.mjs";

const site = useSite();

async function withHistory(page) {
  await page.goto(site.url);
  await waitReady(page);
  await follow(page, "start-new", "about");
  await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    app.set("authority", "Checkshire");
    app.set("history.lastInspection", {
      kind: "standard",
      startedOn: "2024-03-04",
      endedOn: "2024-03-15",
      grades: { help_and_protection: "good", children_in_care: "requires_improvement" },
    });
    app.set("history.focusedVisits", [{ endedOn: "2025-06-10", priorityActions: true }]);
    app.set("answers.hp_child_seen.level", "requires_improvement");
    app.saveNow();
    app.go("check");
  });
  await onPage(page, "check");
}

for (const width of [390, 1280]) {
  test(`at ${width} px, the check page shows the last inspection's grades and the focused visits`, async () => {
    const { page, errors } = await openPage(site.browser, { viewport: { width, height: 900 } });
    await withHistory(page);
    const grades = await shadowText(page, "#check-last-grades");
    assert.match(grades, /children who need help and protection: Good/);
    assert.match(grades, /children in care: Requires improvement to be good/);
    const visits = await shadowText(page, "#check-visits");
    assert.match(visits, /Ended 10 June 2025|Ended 10 Jun 2025/);
    assert.match(visits, /set areas for priority action/);
    await screenshot(page, `check-${width}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(await axe(page), []); // last: axe's own style shows as a CSP console error
  });
}

test("Change focuses the answer chosen, and Save and continue returns to Check your answers", async () => {
  const { page, errors } = await openPage(site.browser);
  await withHistory(page);
  const change = page.locator("a", { hasText: "Change" }).filter({ hasText: "Children are seen regularly" });
  await change.click();
  await onPage(page, "area");
  const focused = await focusedId(page);
  assert.match(focused, /^answers-hp_child_seen-level-\d+$/, "not the first radio");
  assert.equal(
    await page.evaluate(() => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a.checked && a.value;
    }),
    "requires_improvement",
    "focus is on the radio chosen",
  );
  assert.match(await shadowText(page, "main"), /Back to check your answers/);
  await follow(page, "save-continue", "check");
  assert.equal(await focusedId(page), "H1");

  // The same from the about page.
  await page.locator("a", { hasText: "Change" }).filter({ hasText: "focused visits" }).click();
  await onPage(page, "about");
  await follow(page, "save-continue", "check");
  // From the task list, Save and continue still goes to the task list.
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("tasks"));
  await onPage(page, "tasks");
  await follow(page, "task-help_and_protection", "area");
  await follow(page, "save-continue", "tasks");
  assert.deepEqual(errors, []);
});
