// The tools chunk (dist/stocktake-tools.mjs: the case-file audit, peer challenge and regional
// pages and the public record's panel) is not part of a first visit: the start, about and results
// pages never request it; the first page that needs it requests it once, from our own origin, and
// shows "Loading…" meanwhile; a failed load says so, with a button that tries again; a reload on
// one of its pages, the embed under a strict CSP and the offline file (inline, no request) all work.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  DIST,
  STRICT_CSP,
  axe,
  cspViolations,
  foreignRequests,
  openPage,
  screenshot,
  startServer,
  useSite,
  waitReady,
} from "./harness.mjs";
import { fillAllAreas, onPage, shadowText } from "./steps.mjs";

const site = useSite();

const TOOLS = "stocktake-tools.mjs";
/** Whether `url` (a string or URL) is the tools chunk's, with or without a query. */
const isTools = (url) => new URL(url).pathname.endsWith(`/${TOOLS}`);
const toolsRequests = (requests) => requests.filter(isTools);
const go = (page, name, params = {}) =>
  page.evaluate(([n, p]) => document.querySelector("stocktake-app").app.go(n, p), [name, params]);

test("a first visit to the start, about and results pages requests no tools chunk; the audits page requests it once, from our origin", async () => {
  const { page, requests, errors } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  assert.deepEqual(toolsRequests(requests), [], "not on the start page");
  await page.evaluate(() => document.querySelector("stocktake-app").app.begin());
  await go(page, "about");
  await onPage(page, "about");
  assert.equal(await page.locator("stocktake-app #record-details").count(), 1, "the record's section is there");
  await fillAllAreas(page);
  await go(page, "results");
  await onPage(page, "results");
  await page.locator("stocktake-app h1").waitFor();
  assert.deepEqual(toolsRequests(requests), [], "not on the about or results page");
  await go(page, "audits");
  await onPage(page, "audits");
  assert.match(await shadowText(page, "h1"), /audit/i);
  assert.deepEqual(toolsRequests(requests), [`${site.url}${TOOLS}`], "requested once, from our own folder");
  // Its other pages, and the record's panel, come from the same load.
  for (const name of ["peer", "regional", "audits-import"]) {
    await go(page, name);
    await onPage(page, name);
  }
  await go(page, "about");
  await onPage(page, "about");
  await page.locator("stocktake-app #record-summary").click();
  await page.locator("stocktake-app #record-authority").waitFor();
  assert.equal(toolsRequests(requests).length, 1, "still once");
  assert.deepEqual(foreignRequests(requests, site.url), []);
  assert.deepEqual(errors, []);
});

test("while the chunk loads the page says so; when it fails a button tries again, and then the page opens", async () => {
  const { page, context, requests, errors } = await openPage(site.browser);
  let release;
  const held = new Promise((ok) => (release = ok));
  let fail = true;
  await context.route(isTools, async (route) => {
    if (fail) return route.abort("connectionrefused");
    await held;
    return route.continue();
  });
  await page.goto(site.url);
  await waitReady(page);
  await go(page, "regional");
  const heading = page.locator("stocktake-app h1#load-failed");
  await heading.waitFor();
  assert.equal(await heading.textContent(), "This page could not load");
  assert.match(await page.title(), /^Error: This page could not load/);
  assert.match(await shadowText(page, ".st-page"), /Check your connection, then try again\. Your answers are kept/);
  assert.equal(
    await page.evaluate(() => document.querySelector("stocktake-app").shadowRoot.activeElement?.id),
    "load-failed",
  );
  assert.deepEqual(await axe(page), [], "axe on the failure");
  await screenshot(page, "chunks-failed-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "chunks-failed-390");
  // Retry: the chunk is fetched again; until it arrives, "Loading…".
  fail = false;
  errors.length = 0;
  await page.locator("stocktake-app #load-retry").click();
  const loading = page.locator("stocktake-app #page-loading");
  await loading.waitFor();
  assert.equal(await loading.textContent(), "Loading…");
  assert.equal(await loading.getAttribute("role"), "status");
  release();
  await onPage(page, "regional");
  assert.equal(await loading.count(), 0);
  assert.deepEqual(
    toolsRequests(requests),
    [`${site.url}${TOOLS}`, `${site.url}${TOOLS}?retry=1`],
    "the failed request, then the one that worked (with a query of its own: a browser may remember a failed import)",
  );
  assert.deepEqual(errors, []);
});

test("the record's section says when the chunk could not load, and tries again", async () => {
  const { page, context, requests, errors } = await openPage(site.browser);
  let fail = true;
  await context.route(isTools, (route) => (fail ? route.abort("connectionrefused") : route.continue()));
  await page.goto(site.url);
  await waitReady(page);
  await page.evaluate(() => document.querySelector("stocktake-app").app.begin());
  await go(page, "about");
  await onPage(page, "about");
  await page.locator("stocktake-app #record-summary").click();
  await page.locator("stocktake-app #record-retry").waitFor();
  assert.match(await shadowText(page, "#record-body [role=alert]"), /The inspection record could not load/);
  fail = false;
  errors.length = 0;
  await page.locator("stocktake-app #record-retry").click();
  await page.locator("stocktake-app #record-authority").waitFor();
  assert.equal(toolsRequests(requests).length, 2);
  assert.deepEqual(errors, []);
});

test("a reload on a tools page opens it again, loading the chunk", async () => {
  const { page, requests, errors } = await openPage(site.browser);
  await page.goto(`${site.url}#stocktake/peer-review`);
  await waitReady(page);
  await onPage(page, "peer-review");
  await page.reload();
  await waitReady(page);
  await onPage(page, "peer-review");
  assert.equal(toolsRequests(requests).length, 2, "once for each load of the page");
  assert.deepEqual(errors, []);
});

test("embedded under a strict CSP, the tools pages load their chunk with no violation", async () => {
  const { server, url } = await startServer(DIST, { headers: { "Content-Security-Policy": STRICT_CSP } });
  try {
    const { page, requests, errors } = await openPage(site.browser);
    await page.goto(new URL("embed-example.html", url).href);
    await waitReady(page);
    assert.deepEqual(toolsRequests(requests), []);
    await go(page, "regional");
    await onPage(page, "regional");
    assert.deepEqual(toolsRequests(requests), [`${url}${TOOLS}`]);
    assert.deepEqual(await cspViolations(page), []);
    assert.deepEqual(foreignRequests(requests, url), []);
    assert.deepEqual(errors, []);
  } finally {
    server.close();
  }
});

test("the offline file opens the tools pages from file:// with no request", async () => {
  const fileUrl = pathToFileURL(join(DIST, "stocktake-offline.html")).href;
  const { page, requests, errors } = await openPage(site.browser);
  await page.goto(fileUrl);
  await waitReady(page);
  await page.evaluate(() => document.querySelector("stocktake-app").app.begin());
  for (const name of ["audits", "peer", "regional"]) {
    await go(page, name);
    await onPage(page, name);
  }
  await go(page, "about");
  await onPage(page, "about");
  await page.locator("stocktake-app #record-summary").click();
  await page.locator("stocktake-app #record-authority").waitFor();
  assert.deepEqual(
    requests.filter((u) => u !== fileUrl && !u.startsWith("data:")),
    [],
  );
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
});
