// The offline file: dist/stocktake-offline.html opened straight from disk (file://) with no
// server. It must run fully and make no request at all besides loading itself.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, axe, cspViolations, launch, openPage, screenshot, waitReady } from "./harness.mjs";

const FILE = join(DIST, "stocktake-offline.html");
const fileUrl = pathToFileURL(FILE).href;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

test("the offline file is one self-contained file", async () => {
  assert.ok((await stat(FILE)).size > 50_000, "it inlines the wasm and the styles");
});

test("opened from file:// it starts with no request but itself, no CSP violation and no error", async () => {
  const { page, requests, errors } = await openPage(browser);
  await page.goto(fileUrl);
  await waitReady(page);
  assert.deepEqual(requests.filter((u) => u !== fileUrl && !u.startsWith("data:")), []);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  assert.match(await page.locator("#framework-ids").textContent(), /ilacs-2026-04/);
  const font = await page.locator("stocktake-app h1").evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(font, /^arial/i, "the inlined styles apply");
  await screenshot(page, "offline-start");
});

test("the offline file has no axe-core violation", async () => {
  const { page } = await openPage(browser);
  await page.goto(fileUrl);
  await waitReady(page);
  assert.deepEqual(await axe(page), []);
});

test("the multi-file site cannot run from file:// (why the offline file exists)", async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(pathToFileURL(join(DIST, "index.html")).href);
  await page.waitForTimeout(500);
  assert.equal(await page.locator('stocktake-app[data-ready="true"]').count(), 0);
  assert.ok(errors.length > 0, "the module import is blocked on file://");
});
