// File-first mode (issue 29): where the browser keeps nothing, the work lives in files. Framed on an
// intranet page on another site by a Chromium that blocks third-party storage (as the default
// headless Chromium here does: localStorage and sessionStorage throw, IndexedDB and the Cache API
// fail), the start page says so at once; a self-evaluation saved to a file comes back after the
// host page reloads with one button and the file chooser. Where sessionStorage still works but
// localStorage does not, the last file's name is remembered in the tab and shown.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ARTIFACTS, axe, openPage, screenshot, startServer, useSite, waitReady } from "./harness.mjs";
import { buildDist } from "../scripts/build-dist.mjs";
import { shadowText } from "./steps.mjs";

const site = useSite();
const framedDist = join(ARTIFACTS, "filefirst-dist");
const hostDir = join(ARTIFACTS, "filefirst-host");
const downloads = join(ARTIFACTS, "filefirst-downloads");
let framed; // { server, url }: the iframe-mode build
let host; // { server, url }: the intranet page, at http://localhost:port/

before(async () => {
  await site.ready;
  await rm(hostDir, { recursive: true, force: true });
  await mkdir(hostDir, { recursive: true });
  await mkdir(downloads, { recursive: true });
  const hostServer = await startServer(hostDir);
  host = { server: hostServer.server, url: `http://localhost:${hostServer.server.address().port}/` };
  await buildDist({ out: framedDist, frameAncestors: new URL(host.url).origin });
  framed = await startServer(framedDist);
  await writeFile(
    join(hostDir, "framed.html"),
    `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Performance hub – Anytown SharePoint</title>
<link rel="icon" href="data:,"></head><body><main><h1>Performance hub</h1>
<iframe src="${new URL("frame.html", framed.url).href}" title="Stocktake: ILACS self-evaluation" width="100%" height="1400"></iframe>
</main></body></html>`,
  );
});

after(() => {
  framed?.server.close();
  host?.server.close();
});

async function readyFrame(page) {
  const frame = await (await page.waitForSelector("iframe")).contentFrame();
  await frame.waitForSelector('stocktake-app[data-ready="true"]', { timeout: 15000 });
  return frame;
}

/** Starts a self-evaluation for `authority` and completes its first area; returns the area's statements. */
async function completeFirstArea(target, authority) {
  await target.locator("#start-new").click();
  await target.waitForSelector('stocktake-app[data-page="about"]');
  await target.locator("#authority").fill(authority);
  await target.locator("#save-continue").click();
  await target.waitForSelector('stocktake-app[data-page="tasks"]');
  const area = await target.evaluate(() => {
    const fw = document.querySelector("stocktake-app").app.fw();
    return { id: fw.areas[0].id, statements: fw.areas[0].statements.map((s) => s.id) };
  });
  await target.locator(`#task-${area.id}`).click();
  await target.waitForSelector('stocktake-app[data-page="area"]');
  for (const id of area.statements) await target.locator(`#answers-${id}-level`).check();
  await target.locator("#save-continue").click();
  await target.waitForSelector('stocktake-app[data-page="tasks"]');
  return area;
}

/** Clicks the status line's "Save to a file" in `target`, keeping the download; returns { path, name }. */
async function saveToFile(page, target) {
  const [download] = await Promise.all([page.waitForEvent("download"), target.locator("#save-status button").click()]);
  const name = download.suggestedFilename();
  const path = join(downloads, name);
  await download.saveAs(path);
  return { path, name };
}

/** "Open your last file": one click opens the chooser, and the file picked opens the work. */
async function openLast(page, target, path) {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), target.locator("#open-last-file").click()]);
  await chooser.setFiles(path);
  await target.waitForSelector('stocktake-app[data-page="tasks"]');
}

const levels = (target, ids) =>
  target.evaluate((ids) => ids.map((id) => document.querySelector("stocktake-app").app.a.answers[id]?.level), ids);

test("framed where third-party storage is blocked: the start page says nothing is kept, and the saved file reopens in one step after the host page reloads", async () => {
  const { page, errors } = await openPage(site.browser, {
    viewport: { width: 1280, height: 1000 },
    acceptDownloads: true,
  });
  await page.goto(new URL("framed.html", host.url).href);
  let frame = await readyFrame(page);
  // What Chromium refuses this frame: every kind of storage (so the page keeps nothing, not even a name).
  const refused = await frame.evaluate(async () => {
    const out = {};
    for (const k of ["localStorage", "sessionStorage"]) {
      try {
        window[k].setItem("probe", "1");
        out[k] = "kept";
      } catch (e) {
        out[k] = e.name;
      }
    }
    out.indexedDB = await new Promise((done) => {
      const q = indexedDB.open("probe");
      q.onsuccess = () => done("kept");
      q.onerror = () => done("refused");
    });
    return out;
  });
  assert.deepEqual(refused, { localStorage: "SecurityError", sessionStorage: "SecurityError", indexedDB: "refused" });

  const banner = frame.locator("#file-first");
  assert.equal(await banner.getAttribute("role"), "region");
  assert.match(await banner.textContent(), /This browser keeps nothing here: save your work to a file/);
  assert.match(await banner.textContent(), /inside another site's page.*not even the name of your file/);
  assert.match(await frame.locator("#open-last-hint").textContent(), /cannot remember which file/);
  await screenshot(page, "filefirst-framed-start");
  await frame.locator("#open-last").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(ARTIFACTS, "filefirst-framed-open-last.png") });

  const area = await completeFirstArea(frame, "Fileshire");
  const saved = await saveToFile(page, frame);
  assert.match(saved.name, /^stocktake-fileshire-.*\.json$/);
  assert.match(await frame.locator("#notice-slot").textContent(), /choose .Open your last file. on the start page/);
  assert.equal(await frame.evaluate(() => document.querySelector("stocktake-app").app.unsavedWork()), false);

  // The host page reloads: the frame starts again with nothing, and the file brings the work back.
  await page.reload();
  frame = await readyFrame(page);
  assert.equal(await frame.locator("#continue").count(), 0, "nothing was kept");
  assert.ok(await frame.locator("#file-first").isVisible());
  await openLast(page, frame, saved.path);
  assert.match(await frame.locator("#notice-slot").textContent(), new RegExp(`From the file ${saved.name}`));
  assert.equal((await frame.locator(`#task-${area.id}-status`).textContent()).trim(), "Completed");
  assert.deepEqual(new Set(await levels(frame, area.statements)), new Set(["outstanding"]));
  assert.equal(await frame.evaluate(() => document.querySelector("stocktake-app").app.a.authority), "Fileshire");
  await screenshot(page, "filefirst-framed-reopened");
  assert.deepEqual(errors, []);
  assert.deepEqual(await axe(page), []);
});

test("where only sessionStorage works, the last file's name is remembered in the tab and shown beside Open your last file", async () => {
  const { page, errors } = await openPage(site.browser, {
    viewport: { width: 1280, height: 1000 },
    acceptDownloads: true,
  });
  await page.addInitScript(() =>
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    }),
  );
  await page.goto(site.url);
  await waitReady(page);
  assert.match(
    await shadowText(page, "#file-first"),
    /This browser does not let Stocktake keep your answers\. It keeps only the name of your last file, in this tab, never the file itself\./,
  );
  const area = await completeFirstArea(page, "Tabshire");
  const saved = await saveToFile(page, page);
  await page.reload();
  await waitReady(page);
  assert.equal(await shadowText(page, "#open-last-name"), saved.name);
  await screenshot(page, "filefirst-session-name");
  await openLast(page, page, saved.path);
  assert.deepEqual(new Set(await levels(page, area.statements)), new Set(["outstanding"]));
  assert.deepEqual(
    await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("stocktake:"))),
    ["stocktake:last-file"],
    "only the name is kept, never the work",
  );
  // "Clear everything from this device" forgets the name too.
  await page.evaluate(() => document.querySelector("stocktake-app").app.go("clear"));
  await page.locator("#confirm-clear").click();
  await page.locator("#open-last-hint").waitFor();
  assert.match(await shadowText(page, "#open-last-hint"), /cannot remember which file/);
  assert.deepEqual(
    await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("stocktake:"))),
    [],
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(await axe(page), []); // last: axe's own style shows as a CSP console error
});
