// The foundation: the built site loads from the local server, shows what the wasm core computes,
// requests nothing from another origin, passes axe-core, and looks like a generic GOV.UK service.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { ROOT, axe, foreignRequests, openPage, screenshot, startServer, waitReady, useSite } from "./harness.mjs";

const site = useSite();

const crateVersion = async () => (await readFile(join(ROOT, "Cargo.toml"), "utf8")).match(/^version = "(.+)"/m)[1];

test("the start page shows the version and frameworks computed by the wasm core", async () => {
  const { page, requests, errors } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  assert.equal(await page.locator("#core-version").textContent(), await crateVersion());
  assert.match(await page.locator("#framework-ids").getAttribute("data-ids"), /ilacs-2026-04/);
  await assert.doesNotReject(page.getByRole("heading", { level: 1 }).waitFor());
  assert.match(await page.locator("#privacy").textContent(), /Nothing you enter leaves this browser/);
  assert.deepEqual(foreignRequests(requests, site.url), [], "every request stays on our own origin");
  assert.ok(
    requests.some((u) => u.endsWith("/pkg/stocktake_bg.wasm")),
    "the wasm was loaded from our folder",
  );
  assert.deepEqual(errors, []);
  await screenshot(page, "foundation-start");
});

test("the start page has no axe-core accessibility violations", async () => {
  const { page } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  assert.deepEqual(await axe(page), []);
});

test("the header is generic: service name, no crown, Arial not GDS Transport", async () => {
  const { page } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  const header = page.locator("header.st-header");
  assert.equal((await header.locator(".govuk-generic-header__container").textContent()).trim(), "Stocktake");
  assert.equal(await header.locator("svg, img").count(), 0, "no crown or logotype");
  const font = await page.locator("h1").evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(font, /^arial/i);
  assert.doesNotMatch(font, /GDS Transport/);
});

test("the served stocktake.mjs exports what www/stocktake.mjs exports, from the instance the page runs", async () => {
  // dist/stocktake.mjs is www/stocktake.mjs's whole module graph bundled into one file. The names
  // www/stocktake.mjs exports, as esbuild reads them from that file alone.
  const { metafile } = await esbuild.build({
    entryPoints: [join(ROOT, "www", "stocktake.mjs")],
    bundle: false,
    write: false,
    metafile: true,
    format: "esm",
    outdir: join(ROOT, "e2e-artifacts"),
  });
  const names = Object.values(metafile.outputs)[0].exports;
  assert.ok(names.includes("loadCore"), names.join(", "));
  const { page } = await openPage(site.browser);
  await page.goto(site.url);
  await waitReady(page);
  const served = await page.evaluate(async () => {
    const mod = await import(new URL("stocktake.mjs", document.baseURI).href);
    const api = await mod.loadCore();
    return {
      names: Object.keys(mod),
      sameElement: mod.StocktakeApp === customElements.get("stocktake-app"),
      version: api.version(),
    };
  });
  assert.deepEqual(served.names.sort(), names.sort());
  assert.ok(served.sameElement, "importing it again gives the module the page runs, not a second copy");
  assert.equal(served.version, await crateVersion());
});

test("the server sends .wasm as application/wasm", async () => {
  const res = await fetch(new URL("pkg/stocktake_bg.wasm", site.url));
  assert.equal(res.headers.get("content-type"), "application/wasm");
});

test("the site works from a sub-folder (relative paths only)", async () => {
  const subRoot = join(ROOT, "e2e-artifacts", "subfolder-root");
  await rm(subRoot, { recursive: true, force: true });
  await cp(join(ROOT, "dist"), join(subRoot, "intranet", "tools", "stocktake"), { recursive: true });
  const { server: sub, url: subUrl } = await startServer(subRoot);
  try {
    const { page, requests, errors } = await openPage(site.browser);
    await page.goto(new URL("intranet/tools/stocktake/", subUrl).href);
    await waitReady(page);
    assert.ok(
      requests.every((u) => u.startsWith(new URL("intranet/tools/stocktake/", subUrl).href)),
      requests.join("\n"),
    );
    assert.deepEqual(errors, []);
  } finally {
    sub.close();
  }
});

test("dates are written exactly as Intl's en-GB writes them, for every day from 1583 to 2200", async () => {
  const { page } = await openPage(site.browser);
  // dist/ serves the modules bundled into stocktake.mjs, so format.mjs is served to this test on its
  // own, minified by esbuild as the build minifies it, from the page's origin.
  const { code: source } = await esbuild.transform(await readFile(join(ROOT, "www", "ui", "format.mjs"), "utf8"), {
    format: "esm",
    minify: true,
    charset: "utf8",
    sourcefile: "www/ui/format.mjs",
  });
  await page.route(new URL("format-under-test.mjs", site.url).href, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: source }),
  );
  await page.goto(site.url);
  await waitReady(page);
  const mismatches = await page.evaluate(async () => {
    const { formatDateLong, formatDateShort } = await import(new URL("format-under-test.mjs", document.baseURI).href);
    const long = new Intl.DateTimeFormat("en-GB", {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    const short = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    const parts = (fmt, d) => Object.fromEntries(fmt.formatToParts(d).map((x) => [x.type, x.value]));
    const out = [];
    for (let t = Date.UTC(1583, 0, 1); t <= Date.UTC(2200, 11, 31) && out.length < 5; t += 86400000) {
      const d = new Date(t);
      const iso = d.toISOString().slice(0, 10);
      const l = parts(long, d);
      const s = parts(short, d);
      if (formatDateLong(iso) !== `${l.weekday} ${l.day} ${l.month} ${l.year}`)
        out.push(`${iso}: ${formatDateLong(iso)}`);
      if (formatDateShort(iso) !== `${s.day} ${s.month} ${s.year}`) out.push(`${iso}: ${formatDateShort(iso)}`);
    }
    return out;
  });
  assert.deepEqual(mismatches, []);
});
