// Shared end-to-end test harness: serves dist/ on 127.0.0.1, drives Debian's Chromium through
// playwright-core, records every request, console error and page error, runs axe-core and
// writes screenshots to the git-ignored e2e-artifacts/ folder.
import { after, before } from "node:test";
import { chromium } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../scripts/static-server.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = join(ROOT, "dist");
export const ARTIFACTS = join(ROOT, "e2e-artifacts");

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Launches Debian's Chromium headless. `disableFeatures` adds Chromium features to turn off;
 * `enableFeatures` takes features off Playwright's list of those it turns off (as
 * ThirdPartyStoragePartitioning, on in every Chromium-based browser since 2023, without which a
 * frame on another site's page gets no storage at all).
 * Chromium honours only the last `--disable-features` switch and Playwright passes its own list
 * first, so the added features are merged with Playwright's list, read from the running browser's
 * own command line (chrome://version) rather than copied here, and passed last.
 */
export async function launch({ disableFeatures = [], enableFeatures = [] } = {}) {
  const options = { executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", headless: true, args: ARGS };
  if (!disableFeatures.length && !enableFeatures.length) return chromium.launch(options);
  const disabledNow = async (browser) => {
    const page = await browser.newPage();
    await page.goto("chrome://version");
    const line = await page.locator("#command_line").textContent();
    await page.close();
    const last = [...line.matchAll(/--disable-features=(\S+)/g)].pop();
    return last ? last[1].split(",") : [];
  };
  const plain = await chromium.launch(options);
  const defaults = await disabledNow(plain);
  await plain.close();
  const wanted = [...new Set([...defaults, ...disableFeatures])].filter((f) => !enableFeatures.includes(f));
  const browser = await chromium.launch({ ...options, args: [...ARGS, `--disable-features=${wanted.join(",")}`] });
  const applied = await disabledNow(browser);
  if (wanted.some((f) => !applied.includes(f)) || enableFeatures.some((f) => applied.includes(f))) {
    await browser.close();
    throw new Error(`Chromium did not take the merged --disable-features list: ${applied.join(",")}`);
  }
  return browser;
}

/**
 * The site and browser a test file shares: registers node:test `before` and `after` hooks that serve
 * `folder` (default dist/, with `options` as for `startServer`) and launch Chromium (with
 * `launchOptions` as for `launch`), then close both.
 * Returns an object whose `url` and `browser` are set once `before` has run; a file's own `before`
 * hook that needs them awaits `site.ready` (node:test may start top-level hooks together).
 */
export function useSite(folder, options, launchOptions) {
  let started;
  const site = { url: null, browser: null, server: null, ready: new Promise((ok) => (started = ok)) };
  before(async () => {
    ({ server: site.server, url: site.url } = await startServer(folder, options));
    site.browser = await launch(launchOptions);
    started();
  });
  after(async () => {
    await site.browser?.close();
    site.server?.close();
  });
  return site;
}

/** Serves `folder` (default dist/) on a free loopback port; returns { server, url }. */
export async function startServer(folder = DIST, options) {
  const server = await serve(folder, 0, options);
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/**
 * Opens a page in a fresh context (axe needs one) and records what it does:
 * `requests` (every URL requested), `errors` (page errors and console errors).
 */
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ timezoneId: "Europe/London", locale: "en-GB", ...contextOptions });
  // Records every Content Security Policy violation (they bubble out of shadow roots).
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`),
    );
  });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  return { context, page, requests, errors };
}

/** Waits until <stocktake-app> has loaded its core and rendered. */
export async function waitReady(page, selector = "stocktake-app") {
  await page.waitForSelector(`${selector}[data-ready="true"]`, { timeout: 15000 });
}

/** Requests that went anywhere but `origin` (data: and blob: URLs are local). */
export function foreignRequests(requests, origin) {
  return requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:"));
}

/** Runs axe-core (WCAG 2.0–2.2 A and AA rules) and returns readable violations. */
export async function axe(page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`,
  );
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The CSP violations the page has reported so far. */
export function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? []);
}

/** The policy the embed test serves the host page under: no unsafe-inline, no unsafe-eval. */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "font-src 'self'; connect-src 'self'; form-action 'none'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'";
