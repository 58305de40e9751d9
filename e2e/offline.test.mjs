// The offline file: dist/stocktake-offline.html opened straight from disk (file://) with no
// server. It must run fully and make no request at all besides loading itself.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { ARTIFACTS, DIST, axe, cspViolations, launch, openPage, screenshot, waitReady } from "./harness.mjs";
import { fillAllAreas, onPage, rateAreaByKeyboard, shadowText, follow } from "./steps.mjs";

const FILE = join(DIST, "stocktake-offline.html");
const fileUrl = pathToFileURL(FILE).href;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => browser?.close());

test("the offline file is one self-contained file", async () => {
  const html = await readFile(FILE, "utf8");
  // Both wasm builds are inside it, byte for byte (base64).
  for (const wasm of ["stocktake_bg.wasm", "stocktake_workshop_bg.wasm"]) {
    const b64 = (await readFile(join(DIST, "pkg", wasm))).toString("base64");
    assert.ok(b64.length > 10_000 && html.includes(b64), `${wasm} is inlined`);
  }
  // No element of the file's own markup points at another file: every src and href, outside the
  // inline script and style, is a data: URL or a fragment.
  const markup = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "<script></script>")
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, "<style></style>");
  const refs = [...markup.matchAll(/\s(src|href|srcset|data|poster|action)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)].map(
    (m) => m[2].replace(/^["']|["']$/g, ""),
  );
  const external = refs.filter((u) => !u.startsWith("data:") && !u.startsWith("#"));
  assert.deepEqual(external, [], "no src or href to another file");
  assert.ok(!/<script\b[^>]*\bsrc\s*=/i.test(html), "no script is loaded from a file");
  assert.ok(
    !/@import|url\((?!["']?(?:data:|#))/i.test(html.match(/<style\b[^>]*>([\s\S]*?)<\/style>/i)?.[1] ?? ""),
    "the styles load nothing",
  );

  // Opened from file:// with every request but the file itself refused: it starts, and a whole
  // round (start, answer, results from the wasm core, the tools chunk) works with no request.
  const { context, page, requests, errors } = await openPage(browser);
  const refused = [];
  await context.route(
    (url) => url.href !== fileUrl && url.protocol !== "data:" && url.protocol !== "blob:",
    (route) => {
      refused.push(route.request().url());
      return route.abort();
    },
  );
  await page.goto(fileUrl);
  await waitReady(page);
  await page.click("#start-new");
  await onPage(page, "about");
  await fillAllAreas(page);
  await go(page, "results");
  await onPage(page, "results");
  const scored = await scoredOf(page);
  assert.ok(scored.judgements.length >= 4 && scored.judgements.every((j) => j.grade), "graded by the inline core");
  for (const j of scored.judgements)
    assert.match(await shadowText(page, `#result-${j.id}`), new RegExp(`Your answers fit: ${j.label}`));
  await go(page, "regional");
  await onPage(page, "regional");
  assert.match(await shadowText(page, "h1"), /Regional picture/, "the tools chunk is inline too");
  // Every element in the document and the app's shadow root that loads something loads it from data: or blob:.
  const loads = await page.evaluate(() => {
    const out = [];
    for (const root of [document, document.querySelector("stocktake-app").shadowRoot])
      for (const el of root.querySelectorAll("[src], link[href], object[data]"))
        out.push(el.getAttribute("src") ?? el.getAttribute("href") ?? el.getAttribute("data"));
    return out.filter((u) => !u.startsWith("data:") && !u.startsWith("blob:"));
  });
  assert.deepEqual(loads, []);
  assert.deepEqual(
    requests.filter((u) => u !== fileUrl && !u.startsWith("data:") && !u.startsWith("blob:")),
    [],
    "no request but the file itself",
  );
  assert.deepEqual(refused, []);
  assert.deepEqual(errors, []);
});

test("opened from file:// it starts with no request but itself, no CSP violation and no error", async () => {
  const { page, requests, errors } = await openPage(browser);
  await page.goto(fileUrl);
  await waitReady(page);
  assert.deepEqual(
    requests.filter((u) => u !== fileUrl && !u.startsWith("data:")),
    [],
  );
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  assert.match(await page.locator("#framework-ids").getAttribute("data-ids"), /ilacs-2026-04/);
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

const go = (page, name, params = {}) =>
  page.evaluate(([n, p]) => document.querySelector("stocktake-app").app.go(n, p), [name, params]);
const scoredOf = (page) => page.evaluate(() => document.querySelector("stocktake-app").app.scored);

test("a whole self-evaluation can be completed, saved, reopened and reloaded in the offline file, with no request", async () => {
  const { page, requests, errors } = await openPage(browser);
  const others = () => requests.filter((u) => u !== fileUrl && !u.startsWith("data:") && !u.startsWith("blob:"));
  await page.goto(fileUrl);
  await waitReady(page);
  assert.match(
    await shadowText(page, "main"),
    /You opened Stocktake from a file on this computer/,
    "the start page says what differs offline",
  );

  // Start, and answer one area through the page with the keyboard.
  await page.click("#start-new");
  await onPage(page, "about");
  await follow(page, "save-continue", "tasks");
  await follow(page, "task-help_and_protection", "area");
  await rateAreaByKeyboard(page, "help_and_protection", (i) => 1 + (i % 2)); // good or requires improvement
  await follow(page, "save-continue", "tasks");
  assert.match(await shadowText(page, "#task-help_and_protection-status"), /Completed/);

  // The rest of the areas, then results, timeline and action plan from the wasm core.
  await fillAllAreas(page);
  await go(page, "results");
  const scored = await scoredOf(page);
  for (const j of scored.judgements) {
    assert.ok(j.grade, `${j.id} has a grade`);
    assert.match(await shadowText(page, `#result-${j.id}`), new RegExp(`Your answers fit: ${j.label}`));
  }
  const resultsText = await shadowText(page, "#results-body");
  await screenshot(page, "offline-results");
  await go(page, "timeline");
  assert.match(await shadowText(page, "#next-inspection"), /next full inspection is likely/);
  await go(page, "actions");
  assert.ok((await shadowText(page, "main")).length > 100);

  // Save to a file, and open it in a fresh offline session: identical results.
  await go(page, "tasks");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save-file")]);
  const text = await readFile(await download.path(), "utf8");
  await mkdir(ARTIFACTS, { recursive: true });
  const saved = join(ARTIFACTS, "offline-saved.json");
  await writeFile(saved, text);
  const fresh = await openPage(browser);
  await fresh.page.goto(fileUrl);
  await waitReady(fresh.page);
  await fresh.page.setInputFiles("#open-file", saved);
  await onPage(fresh.page, "tasks");
  assert.deepEqual(await scoredOf(fresh.page), scored);
  await go(fresh.page, "results");
  assert.equal(await shadowText(fresh.page, "#results-body"), resultsText);

  // Reloading the offline file keeps the work (this browser's storage for local files).
  // It reopens the page the user was on (issue 20): the task list.
  await page.reload();
  await waitReady(page);
  await onPage(page, "tasks");
  assert.deepEqual(
    (await scoredOf(page)).judgements.map((j) => j.grade),
    scored.judgements.map((j) => j.grade),
  );

  assert.deepEqual(others(), [], "the offline file requests nothing but itself");
  assert.deepEqual(
    fresh.requests.filter((u) => u !== fileUrl && !u.startsWith("data:") && !u.startsWith("blob:")),
    [],
  );
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
});
