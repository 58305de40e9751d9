// The task list as govuk-frontend 6 designs it (issue 20): "In progress" and "Not started" look
// different (v6 has no govuk-tag--blue or --light-blue, which the page once assembled at run time),
// and "You have completed N of M sections" agrees with the rows shown as Completed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, openPage, screenshot, waitReady, useSite } from "./harness.mjs";
import { follow, onPage } from "./steps.mjs";

const site = useSite();

/** Each row's status text, and the computed colours of its tag (null for plain text). */
function rows(page) {
  return page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(".govuk-task-list__item")].map((li) => {
      const status = li.querySelector(".govuk-task-list__status");
      const tag = status.querySelector(".govuk-tag");
      const style = tag && getComputedStyle(tag);
      return {
        text: status.textContent.trim(),
        tag: tag ? { color: style.color, background: style.backgroundColor } : null,
      };
    }),
  );
}

const progress = async (page) =>
  (await page.evaluate(() => document.querySelector("stocktake-app").shadowRoot.getElementById("progress").textContent))
    .match(/You have completed (\d+) of (\d+) sections/)
    .slice(1)
    .map(Number);

for (const width of [390, 1280]) {
  test(`at ${width} px, In progress and Not started tags differ in colour, and the count agrees with the Completed rows`, async () => {
    const { page, errors } = await openPage(site.browser, { viewport: { width, height: 900 } });
    await page.goto(site.url);
    await waitReady(page);
    await follow(page, "start-new", "about");
    await page.evaluate(() => {
      const app = document.querySelector("stocktake-app").app;
      app.a.history.lastInspection = {
        kind: "standard",
        startedOn: "2024-03-04",
        endedOn: "2024-03-15",
        grades: {},
      };
      const [first, second] = app.fw().areas;
      for (const s of first.statements) app.set(`answers.${s.id}.level`, "good"); // completed
      app.set(`answers.${second.statements[0].id}.level`, "good"); // in progress
      app.saveNow();
      app.go("tasks");
    });
    await onPage(page, "tasks");
    const found = await rows(page);
    const inProgress = found.filter((r) => r.text === "In progress");
    const notStarted = found.filter((r) => r.text === "Not started");
    const completed = found.filter((r) => r.text === "Completed");
    assert.equal(inProgress.length, 1);
    assert.ok(notStarted.length >= 1);
    assert.equal(completed.length, 2, "About your authority and the first area");
    assert.ok(
      completed.every((r) => r.tag === null),
      "Completed is plain text, as in v6's task list",
    );
    const [ip, ns] = [inProgress[0].tag, notStarted[0].tag];
    assert.notEqual(ip.background, ns.background, "the tags' backgrounds differ");
    assert.notEqual(ip.color, ns.color, "the tags' text colours differ");
    for (const tag of [ip, ns]) assert.notEqual(tag.background, "rgba(0, 0, 0, 0)", "each tag is styled");
    assert.deepEqual(await progress(page), [completed.length, found.length]);
    await screenshot(page, `tasklist-${width}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(await axe(page), []); // last: axe's own style shows as a CSP console error
  });
}

test("the count follows the rows as sections are completed", async () => {
  const { page, errors } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  await follow(page, "start-new", "about");
  await follow(page, "save-continue", "tasks");
  assert.deepEqual(await progress(page), [0, (await rows(page)).length]);
  assert.ok((await rows(page)).every((r) => r.text === "Not started"));
  await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    for (const area of app.fw().areas) for (const s of area.statements) app.set(`answers.${s.id}.level`, "good");
    app.saveNow();
    app.go("tasks");
  });
  await onPage(page, "tasks");
  const found = await rows(page);
  assert.deepEqual(await progress(page), [found.filter((r) => r.text === "Completed").length, found.length]);
  assert.deepEqual(errors, []);
});
