// A children's home self-evaluation under the SCCIF, in headless Chromium, with the keyboard
// where practical: choose the children's homes framework, say when the home was last inspected
// and how it was judged, rate help and protection with a safety-critical failure, and see the
// overall judgement limited to inadequate and the timeline's next inspection window. axe on every
// page shown; no request after load.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, foreignRequests, openPage, screenshot, waitReady, useSite } from "./harness.mjs";
import { focusedId, onPage, tabTo, shadowText, requestsAfter, typeDate, follow } from "./steps.mjs";

const site = useSite();

const type = (page, text) => page.keyboard.type(text);

/**
 * axe-core's own checks apply inline styles, which the page's CSP blocks and reports on the
 * console: console errors logged while axe runs are axe's, so they are set aside.
 */
async function axeOnly(page, errors) {
  const before = errors.length;
  const violations = await axe(page);
  const during = errors.splice(before);
  assert.ok(
    during.every((e) => /inline style/.test(e)),
    `errors while axe ran: ${during.join("; ")}`,
  );
  return violations;
}
const app = (page, fn, arg) => page.evaluate(fn, arg);

test("a children's home self-evaluation: help and protection inadequate limits overall, and the timeline shows the next window", async () => {
  const { page, requests, errors } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  const loaded = requests.length;
  assert.deepEqual(foreignRequests(requests, site.url), []);

  // Start: the provider frameworks are offered beside ILACS, in their own group.
  const groups = await app(page, () =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll("#framework optgroup")].map((g) => [
      g.label,
      [...g.querySelectorAll("option")].map((o) => o.value),
    ]),
  );
  assert.deepEqual(groups, [
    ["Local authority children's services (ILACS)", ["ilacs-2026-04", "ilacs-2023-01", "ilacs-2018-01"]],
    ["Children's homes and fostering agencies (SCCIF)", ["sccif-childrens-homes", "sccif-ifa"]],
  ]);
  await tabTo(page, "framework");
  await page.locator("#framework").selectOption("sccif-childrens-homes");
  await follow(page, "start-new", "about");
  assert.equal(await focusedId(page), "H1");
  assert.equal(await shadowText(page, "h1"), "About your service (children's homes)");
  assert.equal(await app(page, () => document.querySelector("stocktake-app").app.a.framework), "sccif-childrens-homes");
  // Provider terms: no focused visits or monitoring.
  assert.equal(
    await app(page, () => !!document.querySelector("stocktake-app").shadowRoot.getElementById("add-visit")),
    false,
  );
  assert.equal(
    await app(page, () => !!document.querySelector("stocktake-app").shadowRoot.getElementById("monitoring")),
    false,
  );

  await tabTo(page, "authority");
  await type(page, "Oak House");
  await tabTo(page, "history-lastInspection-kind");
  await page.keyboard.press("Space"); // Full inspection
  await typeDate(page, "history-lastInspection-startedOn", 9, 6, 2026);
  await typeDate(page, "history-lastInspection-endedOn", 10, 6, 2026);
  await tabTo(page, "history-lastInspection-grades-overall_experiences_progress");
  for (let k = 0; k < 3; k++) await page.keyboard.press("ArrowDown"); // Outstanding, Good, Requires improvement
  const li = await app(page, () => document.querySelector("stocktake-app").app.a.history.lastInspection);
  assert.equal(li.kind, "full");
  assert.equal(li.endedOn, "2026-06-10");
  assert.equal(li.grades.overall_experiences_progress, "requires_improvement");
  assert.deepEqual(await axeOnly(page, errors), [], "axe on the about page");
  await screenshot(page, "sccif-about");
  await follow(page, "save-continue", "tasks");

  // The task list: the home's three areas, no indicators.
  assert.equal(
    await app(page, () => !!document.querySelector("stocktake-app").shadowRoot.getElementById("task-indicators")),
    false,
  );
  assert.match(await shadowText(page, "#progress"), /of 4 sections/);

  // Help and protection with the keyboard: every statement good except going missing, inadequate.
  await follow(page, "task-ch_help_protection", "area");
  const statements = await app(page, () =>
    document
      .querySelector("stocktake-app")
      .app.fw()
      .areas.find((a) => a.id === "ch_help_protection")
      .statements.map((s) => s.id),
  );
  for (const id of statements) {
    await tabTo(page, `answers-${id}-level`);
    await page.keyboard.press("Space"); // Outstanding
    const steps = id === "ch_hp_missing" ? 3 : 1; // Good, or down to Inadequate
    for (let k = 0; k < steps; k++) await page.keyboard.press("ArrowDown");
  }
  const levels = await app(
    page,
    (ids) => ids.map((id) => document.querySelector("stocktake-app").app.a.answers[id]?.level),
    statements,
  );
  assert.deepEqual(
    levels,
    statements.map((id) => (id === "ch_hp_missing" ? "inadequate" : "good")),
  );
  assert.deepEqual(await axeOnly(page, errors), [], "axe on the area page");
  await follow(page, "save-continue", "tasks");
  assert.match(await shadowText(page, "#task-ch_help_protection-status"), /Completed/);

  // The other two areas, good throughout (filled directly: the keyboard is proven above).
  await app(page, () => {
    const a = document.querySelector("stocktake-app").app;
    for (const area of a.fw().areas.filter((x) => x.id !== "ch_help_protection"))
      for (const s of area.statements) a.set(`answers.${s.id}.level`, "good");
    a.saveNow();
    a.go("tasks");
  });
  await onPage(page, "tasks");
  assert.match(await shadowText(page, "#progress"), /You have completed 4 of 4 sections/);

  // Check answers, in provider terms.
  await follow(page, "link-check", "check");
  const check = await shadowText(page, "main");
  assert.match(check, /Home or agency/);
  assert.match(check, /Full inspection, ended/);
  assert.doesNotMatch(check, /Focused visits|Monitoring|Indicators/);
  await follow(page, "to-results", "results");

  // Results: overall limited to inadequate by help and protection, shown once, with the rule.
  const scored = await app(page, () => document.querySelector("stocktake-app").app.scored);
  const grade = (id) => scored.judgements.find((j) => j.id === id).grade;
  assert.equal(grade("help_and_protection"), "inadequate");
  // Leaders and managers are not good while safety-critical practice is inadequate.
  assert.equal(grade("leaders_and_managers"), "requires_improvement");
  assert.match(
    await shadowText(page, "#result-leaders_and_managers"),
    /Leaders and managers are not good while safety-critical practice is inadequate/,
  );
  assert.equal(grade("overall_experiences_progress"), "inadequate");
  const overall = await shadowText(page, "#result-overall_experiences_progress");
  assert.match(overall, /Your answers fit: Inadequate/);
  assert.match(overall, /How well children are helped and protected is a limiting judgement/);
  assert.match(overall, /Held down by another judgement/);
  const blocks = await app(
    page,
    () => document.querySelector("stocktake-app").shadowRoot.querySelectorAll("section[id^='result-overall']").length,
  );
  assert.equal(blocks, 1, "the overall judgement is shown once");
  const results = await shadowText(page, "main");
  assert.doesNotMatch(results, /Overall effectiveness|The route that would follow|Indicators inspectors/);
  assert.deepEqual(await axeOnly(page, errors), [], "axe on the results page");
  await screenshot(page, "sccif-results");

  // Timeline: the next full inspection falls in the next inspection year, with an assurance
  // visit first because the home was last judged requires improvement.
  await follow(page, "to-timeline", "timeline");
  const pw = await app(page, () => document.querySelector("stocktake-app").app.pathway.run());
  assert.equal(pw.next.rule.id, "ch_full_every_year");
  assert.deepEqual(pw.next.window, { earliest: "2027-04-01", latest: "2028-03-31", likely: "2027-09-30" });
  assert.deepEqual(pw.problems, []);
  const next = await shadowText(page, "#next-inspection");
  assert.match(next, /next full inspection is most likely around Thursday 30 September 2027/);
  assert.match(next, /1 April 2027 and 31 March 2028/);
  assert.match(next, /unannounced/);
  const timeline = await shadowText(page, "#timeline-events");
  assert.match(timeline, /Assurance inspection/);
  assert.match(timeline, /single judgement based on its findings/);
  assert.doesNotMatch(timeline, /judged on a three-point scale/);
  assert.doesNotMatch(await shadowText(page, "main"), /What happened to other authorities/);
  assert.deepEqual(await axeOnly(page, errors), [], "axe on the timeline page");
  await screenshot(page, "sccif-timeline");

  // The action plan lists the critical gap.
  await follow(page, "to-actions", "actions");
  assert.match(await shadowText(page, "main"), /When a child is missing/);

  assert.deepEqual(requestsAfter(requests, loaded), [], "no request at all after the page has loaded");
  assert.deepEqual(errors, []);
});
