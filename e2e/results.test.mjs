// The results page tells one story per judgement: the headline is the grade the answers fit, the
// chart how far the evidence could move it, and a sentence says why whenever the two differ.
// "Not known" is a finding, not a grade; nothing answered shows no charts; the simulation's lean is
// shown and can be changed. Each state is screenshotted and checked with axe.
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { axe, foreignRequests, openPage, screenshot, useSite, waitReady } from "./harness.mjs";
import { onPage, shadowText } from "./steps.mjs";

const site = useSite();
let page;
let requests;
before(async () => {
  await site.ready;
  ({ page, requests } = await openPage(site.browser));
  await page.goto(site.url);
  await waitReady(page);
});

/** Loads a 2026 self-evaluation with every statement at `level` (none when null) and opens the results. */
async function loadEvery(level, evidence = [], except = {}) {
  await page.evaluate(
    ([level, evidence, except]) => {
      const app = document.querySelector("stocktake-app").app;
      const fw = app.core.framework("ilacs-2026-04");
      const answers = {};
      if (level) for (const a of fw.areas) for (const s of a.statements) answers[s.id] = { level, evidence };
      for (const [id, l] of Object.entries(except)) answers[id] = { level: l, evidence };
      const text = JSON.stringify({
        format: "stocktake-assessment",
        version: 1,
        framework: "ilacs-2026-04",
        authority: "Testshire (fictional)",
        assessedOn: "2026-11-02",
        answers,
      });
      app.load(app.core.parseAssessmentText(text).assessment);
      app.go("results");
    },
    [level, evidence, except],
  );
  await onPage(page, "results");
}

async function check(name) {
  await screenshot(page, `results-${name}`);
  assert.deepEqual(await axe(page), [], `axe violations on results ${name}`);
}

const headline = (id) => shadowText(page, `#result-${id} .st-judgement__grade`);

test("a headline its chart contradicts says why in one sentence", async () => {
  await loadEvery("requires_improvement");
  assert.match(await headline("help_and_protection"), /Your answers fit: Requires improvement to be good/);
  const story = await shadowText(page, "#story-help_and_protection");
  assert.match(
    story,
    /^Your answers fit requires improvement to be good, but 7 safety-critical statements rest on no evidence.*so inadequate is more likely than not \(\d+%\)\.$/,
  );
  // The summary says the same in a line.
  const summary = await shadowText(page, "#results-summary");
  assert.match(summary, /help and protection/i);
  assert.match(summary, /Most likely inadequate \(\d+%\)/);
  await check("story");
});

test("well-evidenced answers agree with their chances, and no sentence is needed", async () => {
  await loadEvery("good", ["case_audit", "children_and_families", "external_review", "performance_data"]);
  for (const id of ["impact_of_leaders", "help_and_protection", "children_in_care", "care_leavers"]) {
    assert.match(await headline(id), /Your answers fit: Good/);
    assert.equal(await shadowText(page, `#story-${id}`), null, `${id} needs no note`);
  }
  assert.match(await shadowText(page, "#results-summary"), /Most likely as fitted/);
});

test("every statement not known gives no grade but a finding about what leaders know", async () => {
  await loadEvery("not_known");
  for (const id of ["impact_of_leaders", "help_and_protection", "children_in_care", "care_leavers"]) {
    assert.match(await headline(id), /Your answers fit: Not enough known to project/);
    const text = await shadowText(page, `#result-${id}`);
    assert.match(text, /Not enough known to project: leaders know the quality of practice for 0 of \d+ statements/);
    assert.match(await shadowText(page, `#story-${id}`), /^Not enough is answered or known to project a grade/);
  }
  await check("not-known");
});

test("nothing answered shows no charts of 'not enough answered'", async () => {
  await loadEvery(null);
  assert.match(await headline("help_and_protection"), /Not enough answered yet/);
  const charts = await page.evaluate(
    () => document.querySelector("stocktake-app").shadowRoot.querySelectorAll(".st-judgement table").length,
  );
  assert.equal(charts, 0, "no chance tables when every run gives no grade");
  assert.match(await shadowText(page, "#results-summary"), /No chances to show/);
  await check("empty");
});

test("the simulation's lean is shown with its evidence and can be changed and reset", async () => {
  await loadEvery("requires_improvement");
  const chance = () => shadowText(page, "#result-help_and_protection table");
  const before = await chance();
  await page.click("#simulation-assumptions summary");
  assert.match(await shadowText(page, "#simulation-assumptions"), /Cheshire East/);
  await page.fill("#simulation-downSharePercent", "0");
  await page.locator("#simulation-downSharePercent").dispatchEvent("change");
  await page.waitForFunction(
    (b) =>
      document.querySelector("stocktake-app").shadowRoot.querySelector("#result-help_and_protection table")
        ?.textContent !== b,
    before,
  );
  assert.notEqual(await chance(), before, "no downward lean changes the chances");
  assert.match(await headline("help_and_protection"), /Requires improvement to be good/, "the headline stays");
  await check("lean-changed");
  await page.click("#reset-simulation");
  await page.waitForFunction(
    (b) =>
      document.querySelector("stocktake-app").shadowRoot.querySelector("#result-help_and_protection table")
        ?.textContent === b,
    before,
  );
  assert.deepEqual(foreignRequests(requests, site.url.replace(/\/$/, "")), []);
});

test("a rating the answers contradict is questioned, without changing a grade", async () => {
  await loadEvery("good", ["case_audit"], { hp_front_door: "inadequate" });
  assert.match(await headline("help_and_protection"), /Inadequate/);
  // Leaders are not good while safety-critical practice is inadequate (33 of 33 inspections, D).
  assert.match(await headline("impact_of_leaders"), /Requires improvement to be good/);
  assert.match(
    await shadowText(page, "#result-impact_of_leaders"),
    /Leaders are not good while safety-critical practice is inadequate/,
  );
  const text = await shadowText(page, "#challenge-ch_leaders_know_practice");
  assert.match(
    text,
    /your own answers make the experiences and progress of children who need help and protection inadequate/,
  );
  await check("challenge");
});

test("safety-critical practice not known is a finding about leaders, not a grade for the practice", async () => {
  const all = ["case_audit", "children_and_families", "external_review", "performance_data"];
  await loadEvery("good", all, { hp_front_door: "not_known" });
  // The practice is graded on what is known; the leaders carry the finding, and their chart agrees.
  assert.match(await headline("help_and_protection"), /Your answers fit: Good/);
  assert.match(await headline("impact_of_leaders"), /Your answers fit: Requires improvement to be good/);
  assert.equal(await shadowText(page, "#story-impact_of_leaders"), null, "headline and chart agree");
  const leaders = await shadowText(page, "#result-impact_of_leaders");
  assert.match(leaders, /Leaders do not yet know the quality of practice in 1 safety-critical statement/);
  assert.match(leaders, /find out: not known now, it needs to be requires improvement to be good or better/);
  assert.match(await shadowText(page, "#results-summary"), /find out: not known now/);
  await check("leaders-do-not-know");
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("actions"));
  await onPage(page, "actions");
  const finding = await shadowText(page, ".st-finding");
  assert.match(
    finding,
    /^Leaders do not yet know the quality of this safety-critical practice: a finding about the impact of leaders/,
  );
  await screenshot(page, "actions-leaders-do-not-know");
  assert.deepEqual(await axe(page), [], "axe violations on the action plan");
});
