// Embedding in an intranet page: dist/embed-example.html is a hostile fake intranet page (global
// CSS with !important, clashing class names, globals with our names, a MutationObserver) served
// under a strict Content Security Policy header. Stocktake must look and work right inside it,
// and leave the host page exactly as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { STRICT_CSP, cspViolations, foreignRequests, openPage, screenshot, waitReady, useSite } from "./harness.mjs";

const site = useSite(undefined, { headers: { "Content-Security-Policy": STRICT_CSP } });

async function openEmbed() {
  const session = await openPage(site.browser);
  await session.page.goto(new URL("embed-example.html", site.url).href);
  await waitReady(session.page);
  await session.page.waitForFunction(() => window.__hostScriptRan === true);
  return session;
}

test("the embed runs under a strict CSP with no violation, no error and no foreign request", async () => {
  const { page, requests, errors } = await openEmbed();
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(foreignRequests(requests, site.url), []);
  assert.ok(requests.some((u) => u.endsWith("/pkg/stocktake_bg.wasm")));
  await screenshot(page, "embed-example");
});

test("data-* attributes configure the embed: authority, colour and logo in the header", async () => {
  const { page } = await openEmbed();
  const header = page.locator("stocktake-app header.st-header");
  assert.match(await header.textContent(), /Anytown Borough Council/);
  assert.equal(await header.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(29, 79, 145)");
  const logo = header.locator("img");
  assert.equal(await logo.count(), 1);
  assert.ok(await logo.evaluate((img) => img.complete && img.naturalWidth > 0), "the LA's logo loaded");
  assert.equal(await logo.getAttribute("alt"), "");
});

test("the host page's aggressive CSS does not reach into Stocktake", async () => {
  const { page } = await openEmbed();
  const app = page.locator("stocktake-app");
  const h1 = app.locator("h1");
  const style = await h1.evaluate((el) => {
    const s = getComputedStyle(el);
    return { font: s.fontFamily, transform: s.textTransform, color: s.color, size: s.fontSize };
  });
  assert.match(style.font, /^arial/i);
  assert.equal(style.transform, "none");
  assert.equal(style.color, "rgb(11, 12, 12)");
  assert.ok(parseFloat(style.size) >= 32, `heading is ${style.size}: the host's 62.5% root size must not shrink it`);
  const body = await app.locator("p.govuk-body-l").evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(body, /^arial/i);
  const header = await app.locator("header.st-header").evaluate((el) => getComputedStyle(el).display);
  assert.notEqual(header, "none");
  const button = app.locator(".govuk-button").first();
  assert.notEqual(await button.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(255, 0, 0)");
});

test("Stocktake's CSS does not leak out into the host page", async () => {
  const { page } = await openEmbed();
  const host = await page.evaluate(() => {
    const s = (sel) => getComputedStyle(document.querySelector(sel));
    return {
      h1: { transform: s("#host-heading").textTransform, color: s("#host-heading").color },
      bodyFont: s("body").fontFamily,
      buttonBg: s("#host-button").backgroundColor,
      lineHeight: s("body").lineHeight,
    };
  });
  assert.equal(host.h1.transform, "uppercase");
  assert.equal(host.h1.color, "rgb(0, 102, 0)");
  assert.match(host.bodyFont, /Comic Sans/);
  // The host styles its own .govuk-button red; our green govuk-frontend button style must not reach it.
  assert.equal(host.buttonBg, "rgb(255, 0, 0)");
  assert.equal(host.lineHeight, "30px");
});

test("Stocktake inside the embed has no axe-core violation", async () => {
  const { page } = await openEmbed();
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const result = await new AxeBuilder({ page })
    .include("stocktake-app")
    .withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"])
    .analyze();
  assert.deepEqual(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join("; ")}`),
    [],
  );
});

test("the embedded service keeps working with the host's scripts running: nothing requested after load", async () => {
  const { page, requests, errors } = await openEmbed();
  requests.length = 0;
  const app = page.locator("stocktake-app");
  const clicks = () => page.evaluate(() => window.__hostClicks);
  const clicksBefore = await clicks();
  // The start page's own heading is there before the host's scripts run: what follows is
  // rendered by Stocktake after them, in answer to a click and to typing.
  await app.getByRole("button", { name: /start/i }).first().click();
  await page.waitForSelector('stocktake-app[data-page="about"]');
  assert.equal(await app.locator("h1").textContent(), "About your authority");
  await app.locator("#authority").fill("Hostshire");
  await app.locator("#save-continue").click();
  await page.waitForSelector('stocktake-app[data-page="tasks"]');
  assert.match(await app.locator(".govuk-caption-l").first().textContent(), /Hostshire/);
  await app.locator("#task-help_and_protection").click();
  await page.waitForSelector('stocktake-app[data-page="area"]');
  const first = await page.evaluate(
    () =>
      document
        .querySelector("stocktake-app")
        .app.fw()
        .areas.find((a) => a.id === "help_and_protection").statements[0].id,
  );
  await app.locator(`#answers-${first}-level-2`).check();
  assert.equal(
    await page.evaluate((id) => document.querySelector("stocktake-app").app.a.answers[id]?.level, first),
    "good",
    "the answer reached the app",
  );
  await page.keyboard.press("Tab");
  assert.ok((await clicks()) >= clicksBefore + 4, "the host's own listeners still run");
  // The host's globals are its own, and ours did not need them.
  assert.deepEqual(await page.evaluate(() => [window.score, window.App, typeof window.h]), [
    42,
    "intranet app",
    "function",
  ]);
  assert.deepEqual(requests, [], "no request after the page loaded");
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(errors, []);
});
