// The whole journey with the keyboard only, in headless Chromium: start → about → one area in
// full → indicators → check answers → results → timeline → action plan. After the page has
// loaded it must make no request at all.
import { test } from "node:test";
import assert from "node:assert/strict";
import { foreignRequests, openPage, screenshot, waitReady, useSite } from "./harness.mjs";
import { focusedId, onPage, tabTo, shadowText, requestsAfter, typeDate, rateAreaByKeyboard, follow } from "./steps.mjs";

const site = useSite();

const type = (page, text) => page.keyboard.type(text);

test("the whole journey can be completed with the keyboard only, and makes no request after load", async () => {
  const { page, requests, errors } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  const loaded = requests.length;
  assert.deepEqual(foreignRequests(requests, site.url), []);

  // Start
  await follow(page, "start-new", "about");
  assert.equal(await focusedId(page), "H1", "focus moves to the new page's heading");

  // About your authority
  await tabTo(page, "authority");
  await type(page, "Testshire");
  await tabTo(page, "history-lastInspection-kind");
  await page.keyboard.press("Space"); // standard inspection
  await typeDate(page, "history-lastInspection-startedOn", 4, 3, 2024);
  await typeDate(page, "history-lastInspection-endedOn", 15, 3, 2024);
  await tabTo(page, "history-lastInspection-grades-help_and_protection");
  await page.keyboard.press("ArrowDown"); // Outstanding
  await page.keyboard.press("ArrowDown"); // Good
  await tabTo(page, "add-visit");
  await page.keyboard.press("Enter");
  await typeDate(page, "history-focusedVisits-0-endedOn", 10, 6, 2025);
  await tabTo(page, "history-focusedVisits-0-priorityActions");
  await page.keyboard.press("ArrowRight"); // No (arrow keys move and select within a radio group)
  await page.keyboard.press("ArrowLeft"); // Yes
  await screenshot(page, "journey-about");
  await follow(page, "save-continue", "tasks");

  // One area in full
  await follow(page, "task-help_and_protection", "area");
  // Good, requires improvement or inadequate in turn.
  const statements = await rateAreaByKeyboard(page, "help_and_protection", (i) => 1 + (i % 3));
  const first = statements[1]; // rated requires improvement, so it appears in the action plan
  await tabTo(page, `${first}-more`, { back: true });
  await page.keyboard.press("Enter"); // open "How you know, planned action and notes" (already open? toggles)
  const open = await page.evaluate(
    (id) => document.querySelector("stocktake-app").shadowRoot.getElementById(`${id}-more`).parentElement.open,
    first,
  );
  if (!open) await page.keyboard.press("Enter");
  await tabTo(page, `answers-${first}-evidence`);
  await page.keyboard.press("Space");
  await tabTo(page, `answers-${first}-action-text`);
  await type(page, "Audit the front door every month");
  await page.keyboard.press("Tab");
  await type(page, "Head of service");
  await page.keyboard.press("Tab");
  await typeDate(page, `answers-${first}-action-due`, 31, 3, 2027);
  await tabTo(page, `answers-${first}-notes`);
  await type(page, "Contact-to-decision times improved since June.");
  await screenshot(page, "journey-area");
  await follow(page, "save-continue", "tasks");
  assert.match(await shadowText(page, "#task-help_and_protection-status"), /Completed/);

  // Indicators
  await follow(page, "task-indicators", "indicators");
  const indicators = await page.evaluate(() =>
    document
      .querySelector("stocktake-app")
      .app.fw()
      .indicators.map((i) => i.id),
  );
  for (const id of indicators.slice(0, 3)) {
    await tabTo(page, `indicators-${id}`);
    await type(page, "12.5");
  }
  await follow(page, "save-continue", "tasks");
  assert.match(await shadowText(page, "#progress"), /You have completed 2 of 7 sections/);

  // Check answers → results → timeline → action plan
  await follow(page, "link-check", "check");
  await follow(page, "to-results", "results");
  const scored = await page.evaluate(() => document.querySelector("stocktake-app").app.scored);
  const hp = scored.judgements.find((j) => j.id === "help_and_protection");
  assert.ok(hp.grade, "help and protection has a grade from the core");
  assert.match(await shadowText(page, "#result-help_and_protection"), new RegExp(`Your answers fit: ${hp.label}`));
  // The April 2026 route rules rest on no official text: said in words beside the route chances.
  assert.match(await shadowText(page, "#routes-unverified"), /Unverified Ofsted has published no route rules/);
  await screenshot(page, "journey-results");
  await follow(page, "to-timeline", "timeline");
  const next = await shadowText(page, "#next-inspection");
  assert.match(next, /next full inspection is likely/);
  // Dates a person can use: an inspection starts on a Monday.
  assert.match(next, /most likely around Monday /);
  // Help and protection is projected inadequate: what follows is conditional, shown once, and the
  // 2026 rules that decide it are said to be unverified in words.
  const steps = await shadowText(page, "#timeline-events");
  assert.equal(steps.match(/Only if the coming inspection finds a judgement inadequate\./g)?.length > 0, true);
  assert.equal(steps.match(/Monitoring visit/g)?.length, 1, "monitoring visits after the projection are one step");
  assert.match(steps, /Unverified/);
  assert.doesNotMatch(steps, /(Saturday|Sunday) \d/);
  // Steps likely from April 2027 may fall under Ofsted's planned framework: each says so, none dropped.
  const later = await page.evaluate(
    () =>
      document
        .querySelector("stocktake-app")
        .app.pathway.run()
        .events.filter((e) => e.laterFramework).length,
  );
  const shown = await page.evaluate(
    () =>
      document
        .querySelector("stocktake-app")
        .shadowRoot.querySelectorAll("#timeline-events .st-timeline__later-framework").length,
  );
  assert.ok(later > 0, "the journey projects steps after April 2027");
  assert.equal(shown, later);
  assert.match(steps, /May change From 2027 this may fall under the children and families services framework/);
  await screenshot(page, "journey-timeline");
  await follow(page, "to-actions", "actions");
  assert.match(await shadowText(page, "main"), /Audit the front door every month/);
  await screenshot(page, "journey-actions");

  assert.deepEqual(requestsAfter(requests, loaded), [], "no request at all after the page has loaded");
  assert.deepEqual(errors, []);
});

test("Change links on check your answers go to the right page and field; Back returns", async () => {
  const { page } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  await page.click("#start-new");
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("check"));
  await onPage(page, "check");
  const change = page.locator("a", { hasText: "Change" }).filter({ hasText: "Children are seen regularly" });
  assert.equal(await change.count(), 1, "the Change link names its statement for screen readers");
  await change.click();
  await onPage(page, "area");
  assert.equal(await focusedId(page), "answers-hp_child_seen-level");
  assert.match(await page.title(), /^Help and protection – Stocktake$/);
  await page.click(".govuk-back-link");
  await onPage(page, "check");
  await page.locator("a", { hasText: "Change" }).filter({ hasText: "focused visits" }).click();
  await onPage(page, "about");
  assert.equal(await focusedId(page), "focused-visits");
});
