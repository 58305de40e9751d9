// Iframe mode (issue 20): SharePoint Online's Embed web part, or any intranet page that cannot run
// our script, shows dist/frame.html in an iframe. frame-ancestors, which only a response header can
// carry, comes from STOCKTAKE_FRAME_ANCESTORS at build time (dist/_headers, which the static server
// sends). The intranet page here is on another site (localhost, while Stocktake is on 127.0.0.1)
// under a strict CSP of its own; a user completes a section inside the frame, reloads, and nothing is
// lost. The default build refuses every frame.
import { before, after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ARTIFACTS, axe, cspViolations, launch, openPage, screenshot, startServer, useSite } from "./harness.mjs";
import { buildDist, frameAncestorsSource } from "../scripts/build-dist.mjs";

// The default build, dist/; Chromium with third-party storage partitioned, as browsers ship it.
const site = useSite(undefined, undefined, { enableFeatures: ["ThirdPartyStoragePartitioning"] });
const framedDist = join(ARTIFACTS, "frame-dist");
const hostDir = join(ARTIFACTS, "frame-host");
let framed; // { server, url }: the iframe-mode build
let host; // { server, url }: the intranet page, at http://localhost:port/

/** The intranet page's own policy: nothing inline, only its stylesheet and the one framed origin. */
const hostCsp = (frameOrigin) =>
  `default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'none'; frame-src ${frameOrigin}; ` +
  "form-action 'none'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";

/** The embed code a web team pastes into SharePoint's Embed web part (README). */
const iframe = (src) =>
  `<iframe src="${src}" title="Stocktake: ILACS self-evaluation" width="100%" height="900" loading="lazy"></iframe>`;

before(async () => {
  await site.ready;
  await rm(hostDir, { recursive: true, force: true });
  await mkdir(hostDir, { recursive: true });
  await writeFile(join(hostDir, "host.css"), "body{margin:0;font-family:sans-serif}main{padding:8px}iframe{border:0}");
  // The intranet page's policy names Stocktake's origins, known once its servers have started.
  const hostHeaders = {};
  const hostServer = await startServer(hostDir, { headers: hostHeaders });
  host = { server: hostServer.server, url: `http://localhost:${hostServer.server.address().port}/` };
  await buildDist({ out: framedDist, frameAncestors: new URL(host.url).origin });
  framed = await startServer(framedDist);
  const page = (name, src) =>
    writeFile(
      join(hostDir, name),
      `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Children's Services – Anytown SharePoint</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="host.css"></head>
<body><header><p>Anytown Borough Council · SharePoint</p></header>
<main><h1>Performance hub</h1>${iframe(src)}<p id="after-frame">Questions? Contact the performance team.</p></main></body></html>`,
    );
  await page("framed.html", new URL("frame.html", framed.url).href);
  await page("default.html", new URL("frame.html", site.url).href);
  hostHeaders["Content-Security-Policy"] = hostCsp(`${new URL(framed.url).origin} ${new URL(site.url).origin}`);
});

after(() => {
  framed?.server.close();
  host?.server.close();
});

/** Opens the intranet page `name` and returns the session and Stocktake's frame (once it is ready). */
async function openHost(name, { width = 1280 } = {}) {
  const session = await openPage(site.browser, { viewport: { width, height: 1000 } });
  await session.page.goto(new URL(name, host.url).href);
  return session;
}

async function readyFrame(page) {
  const handle = await page.waitForSelector("iframe");
  const frame = await handle.contentFrame();
  await frame.waitForSelector('stocktake-app[data-ready="true"]', { timeout: 15000 });
  return frame;
}

test("STOCKTAKE_FRAME_ANCESTORS takes origins only; unset, frame.html may be framed by no page", () => {
  assert.equal(frameAncestorsSource(undefined), "'none'");
  assert.equal(frameAncestorsSource("  "), "'none'");
  assert.equal(
    frameAncestorsSource("https://council.sharepoint.com  https://*.anytown.gov.uk:8443"),
    "https://council.sharepoint.com https://*.anytown.gov.uk:8443",
  );
  for (const bad of [
    "council.sharepoint.com",
    "http://council.sharepoint.com",
    "https://council.sharepoint.com/sites/cs",
    "https://a.example; script-src *",
    "*",
    "https:",
  ])
    assert.throws(() => frameAncestorsSource(bad), /STOCKTAKE_FRAME_ANCESTORS/, bad);
});

test("the default build sends frame-ancestors 'none' for every page, and a page on another site cannot frame it", async () => {
  for (const path of ["", "index.html", "frame.html"]) {
    const res = await fetch(new URL(path, site.url));
    assert.match(res.headers.get("content-security-policy"), /; frame-ancestors 'none'$/, path || "/");
  }
  const { page } = await openHost("default.html");
  const refused = [];
  page.on("console", (m) => /frame-ancestors/.test(m.text()) && refused.push(m.text()));
  const frame = await (await page.waitForSelector("iframe")).contentFrame();
  await page.waitForTimeout(1500);
  assert.equal(await frame.$("stocktake-app"), null, "nothing of Stocktake runs in the frame");
  assert.ok(
    refused.length > 0 || frame.url().startsWith("chrome-error:"),
    `the browser refused the frame (frame at ${frame.url()})`,
  );
});

test("iframe mode: the intranet page frames Stocktake under its strict CSP; a section completed inside the frame survives a reload", async () => {
  const res = await fetch(new URL("frame.html", framed.url));
  assert.match(res.headers.get("content-security-policy"), new RegExp(`frame-ancestors ${host.url.slice(0, -1)}$`));
  const index = await fetch(framed.url);
  assert.match(index.headers.get("content-security-policy"), /frame-ancestors 'none'$/, "index.html is never framed");

  const { context, page, requests, errors } = await openHost("framed.html");
  let frame = await readyFrame(page);
  assert.equal(await page.title(), "Children's Services – Anytown SharePoint", "the intranet page keeps its title");
  assert.match(await frame.locator("#storage-statement").textContent(), /for Stocktake shown inside this page only/);
  await frame.locator("#start-new").click();
  await frame.waitForSelector('stocktake-app[data-page="about"]');
  await frame.locator("#save-continue").click();
  await frame.waitForSelector('stocktake-app[data-page="tasks"]');
  const area = await frame.evaluate(() => {
    const fw = document.querySelector("stocktake-app").app.fw();
    return { id: fw.areas[0].id, statements: fw.areas[0].statements.map((s) => s.id) };
  });
  await frame.locator(`#task-${area.id}`).click();
  await frame.waitForSelector('stocktake-app[data-page="area"]');
  for (const id of area.statements) await frame.locator(`#answers-${id}-level`).check();
  await frame.locator("#save-continue").click();
  await frame.waitForSelector('stocktake-app[data-page="tasks"]');
  const status = () => frame.locator(`#task-${area.id}-status`).textContent();
  assert.equal((await status()).trim(), "Completed");
  await screenshot(page, "frame-sharepoint-1280");

  // The intranet page's reload opens the frame's own address again (frame.html, its start page).
  await page.reload();
  frame = await readyFrame(page);
  await frame.locator("#continue").click();
  await frame.waitForSelector('stocktake-app[data-page="tasks"]');
  assert.equal((await status()).trim(), "Completed", "nothing was lost");
  const levels = await frame.evaluate(
    (ids) => ids.map((id) => document.querySelector("stocktake-app").app.a.answers[id]?.level),
    area.statements,
  );
  assert.deepEqual(new Set(levels), new Set(["outstanding"]));

  // Storage partitioning: the same origin opened on its own (top level) has its own, empty storage.
  const alone = await context.newPage();
  await alone.goto(framed.url);
  await alone.waitForSelector('stocktake-app[data-ready="true"]');
  assert.equal(
    await alone.locator("stocktake-app #continue").count(),
    0,
    "opened on its own, Stocktake has no saved work",
  );
  await alone.close();

  const local = (u) => [framed.url, host.url, "data:", "blob:"].some((o) => u.startsWith(o));
  assert.deepEqual(
    requests.filter((u) => !local(u)),
    [],
    "no request but to the intranet page and Stocktake's own folder",
  );
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(await frame.evaluate(() => window.__cspViolations ?? []), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(await axe(page), []); // last: axe's own style shows as a CSP console error
});

for (const width of [390, 1920]) {
  test(`iframe mode at ${width} px: the frame fits and axe finds nothing`, async () => {
    const { page, errors } = await openHost("framed.html", { width });
    const frame = await readyFrame(page);
    const { inner, scroll } = await frame.evaluate(() => ({
      inner: window.innerWidth,
      scroll: document.documentElement.scrollWidth,
    }));
    assert.ok(scroll <= inner, `no sideways scrolling inside the frame (${scroll} > ${inner})`);
    await screenshot(page, `frame-sharepoint-${width}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(await axe(page), []);
  });
}

test("iframe mode where the browser blocks third-party storage: the frame says so and asks before leaving loses work", async () => {
  // Chromium without storage partitioning refuses a frame on another site any storage at all, as a
  // browser set to block third-party cookies and site data does.
  const blocking = await launch();
  after(() => blocking.close());
  const { page, errors } = await openPage(blocking, { viewport: { width: 1280, height: 1000 } });
  await page.goto(new URL("framed.html", host.url).href);
  const frame = await readyFrame(page);
  assert.match(await frame.locator("#storage-statement").textContent(), /does not let Stocktake keep your answers/);
  await frame.locator("#start-new").click();
  await frame.waitForSelector('stocktake-app[data-page="about"]');
  await frame.locator("#authority").fill("Privateshire");
  await page.waitForTimeout(400);
  assert.equal(await frame.evaluate(() => document.querySelector("stocktake-app").app.unsavedWork()), true);
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.type());
    d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, ["beforeunload"]);
  assert.equal(page.isClosed(), false, "dismissing the warning keeps the page open");
  assert.deepEqual(errors, []);
});
