// Where work is kept follows data-storage (local | session | none), and a browser whose storage
// is full or blocked says so and offers "Save to a file". The variants are the real index.html
// with a different attribute, served through Playwright's router (no other server).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DIST, axe, openPage, screenshot, waitReady, useSite } from "./harness.mjs";
import { shadowText } from "./steps.mjs";

const site = useSite();

/** Opens the page with data-storage set to `mode`. */
async function openWithStorage(mode, initScript) {
  const opened = await openPage(site.browser);
  const html = (await readFile(join(DIST, "index.html"), "utf8")).replace(
    'data-storage="local"',
    `data-storage="${mode}"`,
  );
  await opened.page.route(`${site.url}variant.html`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
  );
  if (initScript) await opened.page.addInitScript(initScript);
  await opened.page.goto(`${site.url}variant.html`);
  await waitReady(opened.page);
  return opened;
}

const ourKeys = (page, area) =>
  page.evaluate((a) => Object.keys(window[a]).filter((k) => k.startsWith("stocktake:")), area);

test("data-storage=session keeps work in this tab only", async () => {
  const { page } = await openWithStorage("session");
  assert.match(await shadowText(page, "#storage-statement"), /this browser tab only/);
  await page.click("#start-new");
  await page.fill("#authority", "Sessionshire");
  await page.waitForTimeout(400);
  assert.match(await shadowText(page, "#save-status"), /Saved in this tab at/);
  assert.deepEqual(await ourKeys(page, "localStorage"), []);
  assert.ok((await ourKeys(page, "sessionStorage")).length > 0);
});

test("data-storage=none keeps nothing and offers Save to a file", async () => {
  const { page } = await openWithStorage("none");
  assert.match(await shadowText(page, "#storage-statement"), /not kept anywhere/);
  await page.click("#start-new");
  await page.fill("#authority", "Noneshire");
  await page.waitForTimeout(400);
  assert.match(await shadowText(page, "#save-status"), /not kept in this browser/);
  assert.equal(await page.locator("#save-status button").count(), 1);
  assert.deepEqual(await ourKeys(page, "localStorage"), []);
  assert.deepEqual(await ourKeys(page, "sessionStorage"), []);
  assert.deepEqual(await axe(page), []);
});

test("full storage is reported, with Save to a file offered", async () => {
  const { page } = await openWithStorage("local", () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === "stocktake:assessment") throw new DOMException("full", "QuotaExceededError");
      return original.call(this, key, value);
    };
  });
  await page.click("#start-new");
  await page.fill("#authority", "Fullshire");
  await page.waitForTimeout(400);
  assert.match(await shadowText(page, "#save-status"), /storage is full/);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save-status button")]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await screenshot(page, "state-storage-full");
  assert.deepEqual(await axe(page), []);
});
