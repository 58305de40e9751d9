// Validation in the words of GOV.UK's error message patterns (issue 20): a self-evaluation dated
// after today is refused; the error summary follows the page's order; date messages name the field
// and show dates as people write them; "22,5" is told to be a number; no developer text (ids,
// field paths, JSON positions) reaches the user.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { axe, openPage, screenshot, waitReady, useSite, ROOT } from "./harness.mjs";
import { follow, onPage, shadowText } from "./steps.mjs";

const site = useSite();

const DEVELOPER_TEXT =
  /ilacs-\d{4}-\d{2}|answers\.\w+|indicators\.\w+|history\.\w+|requires_improvement|line \d+, column \d+|Frameworks known|\d{4}-\d{2}-\d{2}/;

const summaryLinks = (page) =>
  page.evaluate(() =>
    [...document.querySelector("stocktake-app").shadowRoot.querySelectorAll(".govuk-error-summary__list a")].map(
      (a) => ({ href: a.getAttribute("href"), text: a.textContent }),
    ),
  );

async function newSelfEvaluation(page) {
  await page.goto(site.url);
  await waitReady(page);
  await follow(page, "start-new", "about");
}

for (const width of [390, 1280]) {
  test(`at ${width} px, a self-evaluation dated 2099 is refused with a message naming the field`, async () => {
    const { page, errors } = await openPage(site.browser, { viewport: { width, height: 900 } });
    await newSelfEvaluation(page);
    await page.fill("#assessedOn", "1");
    await page.fill("#assessedOn-month", "4");
    await page.fill("#assessedOn-year", "2099");
    await page.click("#save-continue");
    await page.waitForSelector("#error-summary");
    await onPage(page, "about");
    const links = await summaryLinks(page);
    assert.deepEqual(links, [
      { href: "#assessedOn", text: "The date of this self-evaluation must be today or in the past" },
    ]);
    assert.match(
      await shadowText(page, "#assessedOn-error"),
      /The date of this self-evaluation must be today or in the past/,
    );
    assert.match(await page.title(), /^Error: /);
    await screenshot(page, `validation-future-${width}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(await axe(page), []);
  });
}

test("the error summary lists problems in the order of the fields on the page, with dates as people write them", async () => {
  const { page, errors } = await openPage(site.browser);
  await newSelfEvaluation(page);
  await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    app.set("assessedOn", "2099-04-01");
    app.set("history.lastInspection", { kind: "standard", startedOn: "2099-03-01", endedOn: "2099-03-10", grades: {} });
    app.set("history.focusedVisits", [{ endedOn: "2099-01-01", priorityActions: false }]);
    app.go("about", { showErrors: true }, { focusId: "error-summary" });
  });
  await page.waitForSelector("#error-summary");
  const links = await summaryLinks(page);
  const order = links.map((l) => l.href);
  // The page's own order: the date of the self-evaluation, the last inspection, then the visits.
  const onPageOrder = await page.evaluate((ids) => {
    const root = document.querySelector("stocktake-app").shadowRoot;
    const els = ids.map((id) => root.getElementById(id.slice(1)));
    return [...els]
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
      .map((e) => `#${e.id}`);
  }, order);
  assert.deepEqual(order, onPageOrder);
  assert.equal(order[0], "#assessedOn");
  assert.ok(order.indexOf("#history-lastInspection-startedOn") < order.indexOf("#history-lastInspection-endedOn"));
  assert.ok(order.indexOf("#history-lastInspection-endedOn") < order.indexOf("#history-focusedVisits-0-endedOn"));
  for (const l of links) {
    assert.doesNotMatch(l.text, DEVELOPER_TEXT, l.text);
    assert.match(l.text, /^The date /, `names the field: ${l.text}`);
  }
  assert.deepEqual(errors, []);
});

test('"22,5" is asked for as a number, and leaves the indicators section in progress', async () => {
  const { page, errors } = await openPage(site.browser);
  await newSelfEvaluation(page);
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("indicators"));
  await onPage(page, "indicators");
  const first = await page.evaluate(() => document.querySelector("stocktake-app").app.fw().indicators[0]);
  await page.fill(`#indicators-${first.id}`, "22,5");
  await page.click("#save-continue");
  await page.waitForSelector("#error-summary");
  const [link] = await summaryLinks(page);
  assert.match(link.text, /as a number, like 22\.5$/);
  assert.doesNotMatch(link.text, /between/);
  assert.ok(link.text.includes(first.name), "names the indicator");
  // A thousands separator is still read as one.
  await page.fill(`#indicators-${first.id}`, "1,234");
  assert.equal(
    await page.evaluate((id) => document.querySelector("stocktake-app").app.a.indicators[id], first.id),
    1234,
  );
  await page.fill(`#indicators-${first.id}`, "22,5");
  await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    for (const ind of app.fw().indicators.slice(1)) app.set(`indicators.${ind.id}`, ind.national.value);
    app.go("tasks");
  });
  await onPage(page, "tasks");
  assert.equal(await shadowText(page, "#task-indicators-status"), "In progress");
  assert.deepEqual(errors, []);
});

test("messages about a file opened carry no ids, field paths or JSON positions", async () => {
  const { page, errors } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  const index = JSON.parse(
    await (await import("node:fs/promises")).readFile(join(ROOT, "tests/bad_files/index.json"), "utf8"),
  );
  for (const c of index.cases) {
    await page.evaluate(() => document.querySelector("stocktake-app").app.go("start"));
    await onPage(page, "start");
    await page.setInputFiles("#open-file", join(ROOT, "tests/bad_files", c.file));
    if (c.code === "encrypted") continue;
    await page.waitForSelector(".govuk-error-summary");
    const summary = await shadowText(page, ".govuk-error-summary");
    assert.doesNotMatch(summary, /line \d+, column \d+|Frameworks known|\(in [a-z]+\./, `${c.file}: ${summary}`);
    assert.doesNotMatch(summary, /ilacs-\d{4}-\d{2}|requires_improvement|answers\.\w+\.\w+/, `${c.file}: ${summary}`);
  }
  assert.doesNotMatch(await shadowText(page, "main"), /Frameworks known/);
  assert.deepEqual(errors, []);
});
