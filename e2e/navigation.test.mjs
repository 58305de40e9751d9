// Navigation as people expect it from any web page (issue 20): every page has its own history
// entry and address (a fragment, so it works from file:// and inside an intranet page), the
// browser's Back and Forward move between pages, and a reload reopens the page the user was on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ARTIFACTS, DIST, axe, openPage, screenshot, waitReady, useSite } from "./harness.mjs";
import { fillAllAreas, focusedId, follow, onPage } from "./steps.mjs";

const site = useSite();

const pageName = (page) => page.evaluate(() => document.querySelector("stocktake-app").dataset.page);

/** Goes back (or forward) in the browser's history and waits for page `name`. */
async function historyTo(page, direction, name) {
  await (direction === "back" ? page.goBack() : page.goForward());
  await onPage(page, name);
}

/** Starts a new self-evaluation with some answers, from the start page, by keyboard. */
async function startWithAnswers(page) {
  await follow(page, "start-new", "about");
  await fillAllAreas(page);
  await follow(page, "save-continue", "tasks");
}

test("Back and Forward move between the main pages, each with its own address", async () => {
  const { page, errors } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  await startWithAnswers(page);
  assert.match(page.url(), /#stocktake\/tasks$/);
  await follow(page, "task-help_and_protection", "area");
  assert.match(page.url(), /#stocktake\/area\?id=help_and_protection$/);
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("tasks"));
  await onPage(page, "tasks");
  await follow(page, "link-check", "check");
  await follow(page, "to-results", "results");
  await follow(page, "to-timeline", "timeline");
  await follow(page, "to-actions", "actions");
  assert.match(page.url(), /#stocktake\/actions$/);

  // Back, page by page, to where the user started; the page's heading takes focus each time.
  for (const name of ["timeline", "results", "check", "tasks", "area", "tasks", "about", "start"]) {
    await historyTo(page, "back", name);
    assert.equal(await focusedId(page), "H1", `focus on ${name}'s heading`);
  }
  assert.equal(page.url(), site.url, "the start page keeps the site's own address");
  // Back from the start page leaves the app, as it does any other site: not before.
  for (const name of ["about", "tasks", "area", "tasks", "check", "results"]) await historyTo(page, "forward", name);
  assert.deepEqual(errors, []);
  // (axe adds a style of its own, which the page's CSP reports as a console error: so checked last)
  assert.deepEqual(await axe(page), []);
});

test("a reload reopens the page the user was on, on every main page", async () => {
  const { page, errors } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  await startWithAnswers(page);
  const pages = [
    ["tasks", {}],
    ["about", {}],
    ["area", { id: "leaders" }],
    ["indicators", {}],
    ["check", {}],
    ["results", {}],
    ["timeline", {}],
    ["actions", {}],
    ["report", {}],
    ["compare", {}],
  ];
  for (const [name, params] of pages) {
    await page.evaluate(([n, p]) => document.querySelector("stocktake-app").app.go(n, p), [name, params]);
    await onPage(page, name);
    await page.reload();
    await waitReady(page);
    await onPage(page, name);
    assert.equal(await pageName(page), name);
    if (params.id)
      assert.equal(
        await page.evaluate(() => document.querySelector("stocktake-app").app.route.params.id),
        params.id,
        "the area reopened is the one the user was on",
      );
  }
  // Back after a reload still goes to the page before.
  await historyTo(page, "back", "report");
  await screenshot(page, "navigation-after-reload");
  assert.deepEqual(errors, []);
});

test("an address of a page that needs a self-evaluation opens the start page when there is none", async () => {
  const { page, errors } = await openPage(site.browser);
  await page.goto(`${site.url}#stocktake/results`);
  await waitReady(page);
  await onPage(page, "start");
  assert.match(page.url(), /#stocktake\/start$/);
  // An address that is not ours (a host page's own fragment) is left alone.
  await page.goto(`${site.url}#somewhere-else`);
  await page.waitForTimeout(100);
  assert.equal(await pageName(page), "start");
  assert.deepEqual(errors, []);
});

test("Back, Forward and reload work in the offline file opened from file://", async () => {
  const { page, errors } = await openPage(site.browser);
  const fileUrl = pathToFileURL(join(DIST, "stocktake-offline.html")).href;
  await page.goto(fileUrl);
  await waitReady(page);
  await startWithAnswers(page);
  await follow(page, "link-results", "results");
  assert.equal(page.url(), `${fileUrl}#stocktake/results`);
  await historyTo(page, "back", "tasks");
  await historyTo(page, "forward", "results");
  await page.reload();
  await waitReady(page);
  await onPage(page, "results");
  await historyTo(page, "back", "tasks");
  assert.deepEqual(errors, []);
});

test("inside an intranet page, the host's own address is kept and Back moves between Stocktake's pages", async () => {
  const { page, errors } = await openPage(site.browser);
  const host = new URL("embed-example.html?section=people", site.url).href;
  await page.goto(host);
  await waitReady(page);
  await startWithAnswers(page);
  assert.equal(page.url(), `${host}#stocktake/tasks`);
  await historyTo(page, "back", "about");
  await historyTo(page, "back", "start");
  assert.equal(page.url(), host);
  assert.deepEqual(errors, []);
});

/** The service navigation's links: [text, aria-current] in order. */
const serviceLinks = (page) =>
  page.evaluate(() =>
    [
      ...document
        .querySelector("stocktake-app")
        .shadowRoot.querySelectorAll("#service-navigation a.govuk-service-navigation__link"),
    ].map((a) => [a.textContent.trim(), a.getAttribute("aria-current")]),
  );

for (const width of [390, 1280, 1920]) {
  test(`at ${width} px, the service navigation links Results, Timeline, Action plan and Report, marks the current one, and works with Back`, async () => {
    const { page, errors } = await openPage(site.browser, { viewport: { width, height: 900 } });
    await page.goto(site.url);
    await waitReady(page);
    await startWithAnswers(page);
    const nav = () => page.locator("stocktake-app #service-navigation").count();
    assert.equal(await nav(), 0, "not on the task list");
    await follow(page, "link-results", "results");
    const names = ["Results", "Timeline", "Action plan", "Report"];
    const pages = ["results", "timeline", "actions", "report"];
    assert.deepEqual(
      await serviceLinks(page),
      names.map((n, i) => [n, i === 0 ? "page" : null]),
    );
    for (const [i, name] of pages.entries()) {
      if (i > 0) await follow(page, `service-nav-${name}`, name);
      assert.match(page.url(), new RegExp(`#stocktake/${name}$`));
      assert.deepEqual(
        (await serviceLinks(page)).map(([, current]) => current),
        pages.map((p) => (p === name ? "page" : null)),
        `only ${name} is current`,
      );
      assert.equal(await focusedId(page), "H1", "focus moves to the new page's heading");
    }
    // Each link's address opens its page; the list fits the screen.
    const fit = await page.evaluate(() => {
      const list = document.querySelector("stocktake-app").shadowRoot.querySelector(".govuk-service-navigation__list");
      return {
        right: list.getBoundingClientRect().right,
        width: innerWidth,
        scroll: document.documentElement.scrollWidth,
      };
    });
    assert.ok(fit.right <= fit.width, `the links fit the screen (${fit.right} > ${fit.width})`);
    const current = await page.evaluate(() => {
      const a = document.querySelector("stocktake-app").shadowRoot.querySelector('[aria-current="page"]');
      return { strong: a.querySelector("strong")?.textContent, href: a.getAttribute("href") };
    });
    assert.deepEqual(current, { strong: "Report", href: "#stocktake/report" });
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, `service-navigation-${width}.png`) });
    for (const name of ["actions", "timeline", "results"]) await historyTo(page, "back", name);
    assert.deepEqual((await serviceLinks(page))[0], ["Results", "page"]);
    await historyTo(page, "back", "tasks");
    assert.equal(await nav(), 0);
    assert.deepEqual(errors, []);
    await follow(page, "link-timeline", "timeline");
    assert.deepEqual(await axe(page), []);
  });
}
