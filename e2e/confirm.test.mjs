// Confirmation (issue 20): GOV.UK's success notification banner says a file was saved or opened,
// and goes when the user moves on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, writeFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ARTIFACTS, axe, openPage, screenshot, waitReady, useSite } from "./harness.mjs";
import { follow, onPage, shadowText } from "./steps.mjs";

const site = useSite();

const banner = (page) =>
  page.evaluate(() => {
    const b = document.querySelector("stocktake-app").shadowRoot.querySelector(".govuk-notification-banner");
    return b && { success: b.classList.contains("govuk-notification-banner--success"), role: b.getAttribute("role") };
  });

test("saving to a file and opening it each show a success banner", async () => {
  const { page, errors } = await openPage(site.browser, { viewport: { width: 390, height: 900 } });
  await page.goto(site.url);
  await waitReady(page);
  await follow(page, "start-new", "about");
  await page.fill("#authority", "Bannershire");
  await follow(page, "save-continue", "tasks");
  assert.equal(await banner(page), null, "no banner before anything happened");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save-file")]);
  assert.deepEqual(await banner(page), { success: true, role: "alert" });
  assert.match(await shadowText(page, "#notice-heading"), /Your self-evaluation has been saved to a file/);
  assert.match(await shadowText(page, "#notice-body"), new RegExp(download.suggestedFilename().replace(/\./g, "\\.")));
  await screenshot(page, "confirm-saved-390");
  assert.deepEqual(errors, []);
  assert.deepEqual(await axe(page), []); // (axe's own style then shows as a CSP console error)
  // Moving on removes it.
  await follow(page, "link-check", "check");
  assert.equal(await banner(page), null);

  await mkdir(ARTIFACTS, { recursive: true });
  const saved = join(ARTIFACTS, "confirm-saved.json");
  await writeFile(saved, await readFile(await download.path(), "utf8"));
  const fresh = await openPage(site.browser, { viewport: { width: 1280, height: 900 } });
  await fresh.page.goto(site.url);
  await waitReady(fresh.page);
  await fresh.page.setInputFiles("#open-file", saved);
  await onPage(fresh.page, "tasks");
  assert.deepEqual(await banner(fresh.page), { success: true, role: "alert" });
  assert.match(await shadowText(fresh.page, "#notice-heading"), /Your self-evaluation has been opened/);
  assert.match(await shadowText(fresh.page, "#notice-body"), /confirm-saved\.json/);
  assert.match(await shadowText(fresh.page, ".govuk-caption-l"), /Bannershire/);
  await screenshot(fresh.page, "confirm-opened-1280");
  assert.deepEqual(fresh.errors, []);
  assert.deepEqual(await axe(fresh.page), []);
});
