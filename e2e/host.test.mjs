// Embedded as an element in a host page (issue 20): the host keeps its title unless data-title
// asks, gets no second <main>, a data-colour too pale for the header's white text is refused for
// the default, and closing the tab asks first when storage is "session" or "none" and work has not
// been saved to a file. The host pages are served from the site's own origin by the test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ARTIFACTS, axe, openPage, screenshot, waitReady, useSite } from "./harness.mjs";
import { join } from "node:path";
import { follow } from "./steps.mjs";

const site = useSite();

/** Opens a host page at the site's origin with `attrs` on <stocktake-app>, inside the host's <main>. */
async function openHost(attrs, { width = 1280, column = null } = {}) {
  const session = await openPage(site.browser, { viewport: { width, height: 900 } });
  const warnings = [];
  session.page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  const url = new URL("host-page.html", site.url).href;
  await session.page.route(url, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host intranet page</title><link rel="icon" href="data:,">
<script type="module" src="stocktake.mjs"></script></head>
<body><header><p>Anytown intranet</p></header><main><h1>Performance hub</h1>
${column ? `<style>.column{width:${column}px;border:1px solid #b1b4b6}</style><div class="column">` : ""}<stocktake-app ${attrs}></stocktake-app>${column ? "</div>" : ""}</main></body></html>`,
    }),
  );
  await session.page.goto(url);
  await waitReady(session.page);
  return { ...session, warnings };
}

const mains = (page) =>
  page.evaluate(() => ({
    host: document.querySelectorAll("main").length,
    ours: document.querySelector("stocktake-app").shadowRoot.querySelectorAll("main, [role=main]").length,
  }));

test("the host page keeps its title and its one <main>; axe finds nothing on the whole page", async () => {
  const { page, errors } = await openHost('data-storage="local" data-authority="Anytown"');
  await follow(page, "start-new", "about");
  assert.equal(await page.title(), "Host intranet page");
  assert.match(
    await page.evaluate(() => document.querySelector("stocktake-app").dataset.pageTitle),
    /About your authority – Stocktake/,
    "the title Stocktake would use is on the element",
  );
  assert.deepEqual(await mains(page), { host: 1, ours: 0 });
  await screenshot(page, "host-page-1280");
  assert.deepEqual(errors, []);
  assert.deepEqual(await axe(page), []);
});

test("data-title lets Stocktake set the title; served alone it has its own <main>", async () => {
  const asked = await openHost('data-storage="local" data-title');
  await follow(asked.page, "start-new", "about");
  assert.match(await asked.page.title(), /About your authority – Stocktake/);
  const alone = await openPage(site.browser);
  await alone.page.goto(site.url);
  await waitReady(alone.page);
  assert.deepEqual(await mains(alone.page), { host: 0, ours: 1 });
});

test("a data-colour too pale for white text falls back to the default, with a console warning", async () => {
  const pale = await openHost('data-storage="local" data-colour="#ffdd00" data-authority="Paleshire"', { width: 390 });
  const bg = (page) =>
    page.locator("stocktake-app header.st-header").evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(await bg(pale.page), "rgb(11, 12, 12)");
  assert.equal(pale.warnings.length, 1);
  assert.match(pale.warnings[0], /data-colour "#ffdd00".*contrast of 1\.\d+:1, below the 4\.5:1/);
  await screenshot(pale.page, "host-pale-colour-390");
  const ok = await openHost('data-storage="local" data-colour="#1d4f91"');
  assert.equal(await bg(ok.page), "rgb(29, 79, 145)");
  assert.deepEqual(ok.warnings, []);
  const bad = await openHost('data-storage="local" data-colour="rgba(29, 79, 145, 0.5)"');
  assert.equal(await bg(bad.page), "rgb(11, 12, 12)", "a see-through colour is refused");
});

for (const storage of ["none", "session"]) {
  test(`with storage "${storage}", closing the tab with work not saved to a file asks first`, async () => {
    const { page } = await openHost(`data-storage="${storage}"`);
    const dialogs = [];
    page.on("dialog", (d) => {
      dialogs.push(d.type());
      d.dismiss();
    });
    await follow(page, "start-new", "about");
    // Nothing typed yet: nothing to lose.
    assert.equal(await page.evaluate(() => document.querySelector("stocktake-app").app.unsavedWork()), false);
    await page.fill("#authority", "Closeshire");
    await page.waitForTimeout(400);
    await page.close({ runBeforeUnload: true });
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, ["beforeunload"]);
    assert.equal(page.isClosed(), false, "dismissing the warning keeps the tab open");
    // Saved to a file: no warning.
    await follow(page, "save-continue", "tasks");
    await Promise.all([page.waitForEvent("download"), page.click("#save-file")]);
    assert.equal(await page.evaluate(() => document.querySelector("stocktake-app").app.unsavedWork()), false);
    await page.close({ runBeforeUnload: true });
    for (let i = 0; i < 20 && !page.isClosed(); i++) await new Promise((ok) => setTimeout(ok, 100));
    assert.equal(page.isClosed(), true, "the tab closes without asking");
    assert.deepEqual(dialogs, ["beforeunload"]);
  });
}

test('with storage "local", closing the tab does not ask', async () => {
  const { page } = await openHost('data-storage="local"');
  const dialogs = [];
  page.on("dialog", (d) => {
    dialogs.push(d.type());
    d.dismiss();
  });
  await follow(page, "start-new", "about");
  await page.fill("#authority", "Keepshire");
  await page.waitForTimeout(400); // the autosave pause
  assert.equal(await page.evaluate(() => document.querySelector("stocktake-app").app.unsavedWork()), false);
  // The work is kept on this device, so closing the tab (running its beforeunload handlers, as a
  // person closing it would) must neither ask nor be held open.
  await page.close({ runBeforeUnload: true });
  for (let i = 0; i < 20 && !page.isClosed(); i++) await new Promise((ok) => setTimeout(ok, 100));
  assert.deepEqual(dialogs, [], "no beforeunload dialog");
  assert.equal(page.isClosed(), true, "the tab closed");
});

/** Widths that show which layout govuk-frontend chose: the start button's, the element's, the page's. */
const layout = (page) =>
  page.evaluate(() => {
    const el = document.querySelector("stocktake-app");
    const button = el.shadowRoot.getElementById("start-new");
    const container = el.shadowRoot.querySelector(".govuk-width-container:not(header *)");
    return {
      element: el.getBoundingClientRect().width,
      button: button.getBoundingClientRect().width,
      margin: parseFloat(getComputedStyle(container).marginLeft),
      overflow: el.shadowRoot.querySelector(".st-root").scrollWidth - el.getBoundingClientRect().width,
    };
  });

test("in a 480 px column of a 1280 px page it lays out for the column (container queries), not for the window", async () => {
  const narrow = await openHost('data-storage="local"', { width: 1280, column: 480 });
  const inColumn = await layout(narrow.page);
  assert.ok(Math.abs(inColumn.element - 480) <= 2, `the element is the column's width (${inColumn.element})`);
  // govuk-frontend below 641 px: full-width buttons and 15 px margins.
  assert.ok(inColumn.button >= 480 - 2 * 15 - 4, `the button spans the column, as on a phone (${inColumn.button})`);
  assert.equal(inColumn.margin, 15, "phone margins");
  assert.ok(inColumn.overflow <= 0, `nothing runs out of the column (${inColumn.overflow} px)`);
  await narrow.page.screenshot({ path: join(ARTIFACTS, "host-column-480-in-1280.png") });
  assert.deepEqual(narrow.errors, []);
  assert.deepEqual(await axe(narrow.page), []);

  // The same page without the column: the wide layout, as before.
  const wide = await openHost('data-storage="local"', { width: 1280 });
  const full = await layout(wide.page);
  assert.ok(full.button < 400, `a button as wide as its text (${full.button})`);
  assert.ok(full.margin >= 30, `wide margins (${full.margin})`);
});

test("the host page's data-marking is the protective marking a peer challenge pack carries and shows", async () => {
  const { page, errors } = await openHost('data-marking="OFFICIAL"');
  await follow(page, "start-new", "about");
  await page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    app.set("authority", "Anytown");
    app.go("peer-pack");
  });
  await page.locator("#peer-reviewer").waitFor();
  // The page says which marking the pack will carry: the host's, not the default.
  const banner = await page.evaluate(
    () => document.querySelector("stocktake-app").shadowRoot.getElementById("pack-page-marking")?.textContent ?? "",
  );
  assert.match(banner, /\bOFFICIAL\b/);
  assert.doesNotMatch(banner, /OFFICIAL-SENSITIVE/);
  await page.locator("#peer-reviewer").fill("Sam Peer, DCS Wiltshire");
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#save-pack").click()]);
  const { readFile } = await import("node:fs/promises");
  const pack = JSON.parse(await readFile(await download.path(), "utf8"));
  assert.equal(pack.marking, "OFFICIAL", "the unprotected pack carries the host's marking");
  assert.deepEqual(errors, []);
});
