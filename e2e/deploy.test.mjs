// Deploy without Rust (issue 29, item 6): the build writes dist/stocktake-site-<version>.zip, which
// a web team unzips and serves. It holds exactly the files dist/ serves (byte for byte), a
// SHA256SUMS that every file matches and a DEPLOY.txt that names what loads when; the same build
// gives the same zip. README's IIS, Apache and nginx blocks are copy-paste configuration for both
// pages: the .wasm MIME type, the page's own policy and frame.html's frame-ancestors. No browser.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, readdir, rm } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { unzipSync } from "fflate";
import {
  FIRST_VISIT,
  ON_DEMAND_FILES,
  OTHER_FILES,
  buildDist,
  coreVersion,
  pageCsp,
  wildcardWarning,
} from "../scripts/build-dist.mjs";
import { ARTIFACTS, DIST, ROOT } from "./harness.mjs";

const version = await coreVersion();
const folder = `stocktake-site-${version}`;
const zipName = `${folder}.zip`;

/** Every file under `dir`, as "/"-separated paths relative to it, sorted. */
async function tree(dir) {
  const out = [];
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile())
      out.push(
        relative(dir, join(e.parentPath ?? e.path, e.name))
          .split(sep)
          .join("/"),
      );
  return out.sort();
}

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
const text = (bytes) => new TextDecoder().decode(bytes);

/** The zip's entries by their path inside its one folder; fails if any entry is outside it. */
function unzipSite(bytes) {
  const entries = unzipSync(bytes);
  const out = {};
  for (const [name, data] of Object.entries(entries)) {
    assert.ok(name.startsWith(`${folder}/`), `${name} is outside ${folder}/`);
    if (!name.endsWith("/")) out[name.slice(folder.length + 1)] = data;
  }
  return out;
}

test("the version comes from Cargo.toml's [package]", async () => {
  const toml = await readFile(join(ROOT, "Cargo.toml"), "utf8");
  assert.match(version, /^\d+\.\d+\.\d+/);
  assert.ok(toml.startsWith(`[package]\nname = "stocktake"\nversion = "${version}"\n`));
});

test("the build's zip holds exactly the files dist/ serves, byte for byte, with DEPLOY.txt and SHA256SUMS", async () => {
  const zipPath = join(DIST, zipName);
  assert.ok(existsSync(zipPath), `dist/${zipName} exists after the build`);
  const served = (await tree(DIST)).filter((f) => f !== zipName);
  assert.ok(!served.some((f) => f.endsWith(".zip")), "no other zip in dist/");
  const site = unzipSite(await readFile(zipPath));
  assert.deepEqual(Object.keys(site).sort(), [...served, "DEPLOY.txt", "SHA256SUMS"].sort());
  for (const f of served)
    assert.ok(Buffer.from(site[f]).equals(await readFile(join(DIST, f))), `${f} in the zip is dist/${f}`);
  // The offline file, the pages and every file that loads later are among them.
  for (const f of ["stocktake-offline.html", "frame.html", ...FIRST_VISIT, ...ON_DEMAND_FILES.map(([f]) => f)])
    assert.ok(site[f]?.length > 0, `${f} is in the zip`);
  // No TypeScript declarations or sources.
  assert.ok(!served.some((f) => /\.d\.ts$|^types\/|\.scss$/.test(f)), served.join(", "));

  // SHA256SUMS: one line per other file, in sha256sum's format, each matching.
  const lines = text(site.SHA256SUMS).split("\n");
  assert.equal(lines.pop(), "", "SHA256SUMS ends with a newline");
  const listed = lines.map((line) => {
    const m = line.match(/^([0-9a-f]{64}) {2}(\S+)$/);
    assert.ok(m, `SHA256SUMS line: ${line}`);
    assert.equal(m[1], sha256(site[m[2]] ?? new Uint8Array()), `${m[2]}'s checksum`);
    return m[2];
  });
  assert.deepEqual(
    listed,
    Object.keys(site)
      .filter((f) => f !== "SHA256SUMS")
      .sort(),
  );

  // Where unzip(1) is installed, it reads the zip too (a web team's tool, not only fflate).
  let unzip = null;
  try {
    unzip = execFileSync("unzip", ["-tq", zipPath], { encoding: "utf8" });
  } catch (err) {
    if (err.code !== "ENOENT") throw err;
  }
  if (unzip !== null) assert.match(unzip, /No errors detected/);
});

test("DEPLOY.txt says what is inside, the MIME types, the headers and what loads when", async () => {
  const site = unzipSite(await readFile(join(DIST, zipName)));
  const note = text(site["DEPLOY.txt"]);
  const csp = pageCsp(await readFile(join(DIST, "index.html"), "utf8"));
  assert.ok(note.startsWith(`Stocktake ${version}:`));
  for (const f of [...FIRST_VISIT, ...OTHER_FILES.map(([f]) => f), "SHA256SUMS"])
    assert.ok(note.includes(f), `DEPLOY.txt names ${f}`);
  const loads = note.slice(note.indexOf("WHAT LOADS WHEN"));
  assert.ok(loads.length < note.length, "DEPLOY.txt has a WHAT LOADS WHEN section");
  for (const [f] of ON_DEMAND_FILES)
    assert.match(loads, new RegExp(`\\n {4}${f.replace(/\./g, "\\.")}\\n {6}when|\\n {4}${f}\\n {6}with`), f);
  assert.ok(
    loads.indexOf("pkg/stocktake_bg.wasm") < loads.indexOf("Then each only on first use"),
    "the core's wasm is a first visit's file",
  );
  assert.match(note, /\.wasm {2}application\/wasm/);
  assert.match(note, /\.mjs {3}text\/javascript/);
  assert.ok(note.includes(`Content-Security-Policy: ${csp}; frame-ancestors 'none'`));
  assert.ok(note.includes("X-Content-Type-Options: nosniff") && note.includes("Referrer-Policy: no-referrer"));
  assert.match(note, /https:\/\/\*\.sharepoint\.com lets ANY organisation's SharePoint/);
});

test("building twice gives a byte-identical zip; a wildcard in STOCKTAKE_FRAME_ANCESTORS is warned about", async () => {
  const outs = ["a", "b", "wild"].map((n) => join(ARTIFACTS, `deploy-dist-${n}`));
  const warnings = [];
  const warn = console.warn;
  try {
    console.warn = (...args) => warnings.push(args.join(" "));
    const a = await buildDist({ out: outs[0], frameAncestors: "https://anytown.sharepoint.com" });
    const b = await buildDist({ out: outs[1], frameAncestors: "https://anytown.sharepoint.com" });
    assert.deepEqual(warnings, [], "no warning for a named tenant");
    const zipA = await readFile(a.zip);
    const zipB = await readFile(b.zip);
    assert.equal(sha256(zipA), sha256(zipB), "the two builds' zips are the same bytes");
    // Fixed entry times: 1980-01-01 00:00 (DOS date 0x0021, time 0), walking the local headers.
    const site = unzipSync(zipA);
    let at = 0;
    let headers = 0;
    while (zipA.readUInt32LE(at) === 0x04034b50) {
      assert.equal(zipA.readUInt16LE(at + 10), 0, "entry time 00:00");
      assert.equal(zipA.readUInt16LE(at + 12), 0x21, "entry date 1980-01-01");
      at += 30 + zipA.readUInt16LE(at + 26) + zipA.readUInt16LE(at + 28) + zipA.readUInt32LE(at + 18);
      headers++;
    }
    assert.equal(zipA.readUInt32LE(at), 0x02014b50, "the central directory follows the last entry");
    assert.equal(headers, Object.keys(site).length);
    // The framed build's frame-ancestors is in _headers and in DEPLOY.txt.
    const note = text(site[`${folder}/DEPLOY.txt`]);
    assert.match(note, /frame-ancestors https:\/\/anytown\.sharepoint\.com/);
    assert.match(
      text(site[`${folder}/_headers`]),
      /\/frame\.html\n.*frame-ancestors https:\/\/anytown\.sharepoint\.com/,
    );

    const wild = await buildDist({ out: outs[2], frameAncestors: "https://*.sharepoint.com" });
    assert.equal(wild.frameAncestors, "https://*.sharepoint.com");
    assert.equal(warnings.length, 1, warnings.join("\n"));
    assert.equal(warnings[0], wildcardWarning("https://*.sharepoint.com"));
    assert.match(warnings[0], /any site matching it may show frame\.html/i);
    assert.match(warnings[0], /every organisation's SharePoint tenant/);
  } finally {
    console.warn = warn;
    for (const out of outs) await rm(out, { recursive: true, force: true });
  }
  assert.equal(wildcardWarning("'none'"), null);
  assert.equal(wildcardWarning("https://anytown.sharepoint.com 'self'"), null);
});

/** README's fenced blocks of `lang` in "Deploying to an intranet". */
async function readmeBlocks(lang) {
  const readme = await readFile(join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf("\n## Deploying to an intranet\n");
  const end = readme.indexOf("\n## ", start + 1);
  assert.ok(start >= 0 && end > start);
  const section = readme.slice(start, end);
  return [...section.matchAll(new RegExp(`^( *)\`\`\`${lang}\\n([\\s\\S]*?)^\\1\`\`\`$`, "gm"))].map((m) => m[2]);
}

test("README's IIS, Apache and nginx blocks set application/wasm, the page's policy and frame.html's frame-ancestors", async () => {
  const csp = pageCsp(await readFile(join(DIST, "index.html"), "utf8"));
  const servers = {
    xml: { name: "IIS web.config", frame: /<location path="frame\.html">/ },
    apache: { name: "Apache", frame: /<Files "frame\.html">/ },
    nginx: { name: "nginx", frame: /location = \/stocktake\/frame\.html \{/ },
  };
  for (const [lang, { name, frame }] of Object.entries(servers)) {
    const blocks = await readmeBlocks(lang);
    assert.equal(blocks.length, 1, `one ${name} block`);
    const [block] = blocks;
    assert.match(block, /application\/wasm/, `${name}: the .wasm MIME type`);
    assert.match(block, /text\/javascript/, `${name}: the .mjs MIME type`);
    assert.match(block, /application\/json/, `${name}: the record's MIME type`);
    assert.match(block, frame, `${name}: a block for frame.html`);
    // The folder's policy (index.html) refuses every frame; frame.html's names the tenant.
    assert.ok(block.includes(`${csp}; frame-ancestors 'none'`), `${name}: index.html's policy, as the build's`);
    assert.ok(
      block.includes(`${csp}; frame-ancestors https://anytown.sharepoint.com`),
      `${name}: frame.html's policy with frame-ancestors`,
    );
    assert.ok(!/\*\.sharepoint/.test(block), `${name}: no wildcard tenant`);
    assert.match(block, /X-Content-Type-Options/);
    assert.match(block, /Referrer-Policy/);
  }
  // nginx's frame.html location repeats all three headers (add_header is not inherited).
  const [nginx] = await readmeBlocks("nginx");
  const frameBlock = nginx.slice(nginx.indexOf("location = /stocktake/frame.html"));
  assert.equal(frameBlock.match(/add_header/g).length, 3);
  // IIS's frame.html block replaces the folder's policy rather than adding a second one.
  const [iis] = await readmeBlocks("xml");
  assert.match(
    iis,
    /<location path="frame\.html">[\s\S]*<remove name="Content-Security-Policy" \/>\s*<add name="Content-Security-Policy"/,
  );
});

test("README lists what loads when, warns about wildcard tenants and deploys SharePoint from the zip", async () => {
  const readme = await readFile(join(ROOT, "README.md"), "utf8");
  const start = readme.indexOf("### What loads when");
  assert.ok(start >= 0, "README has a What loads when section");
  const loads = readme.slice(start, readme.indexOf("\n### ", start + 1));
  for (const f of [...FIRST_VISIT, ...ON_DEMAND_FILES.map(([f]) => f), ...OTHER_FILES.map(([f]) => f)])
    assert.ok(loads.includes(`\`${f}\``), `README's What loads when names ${f}`);
  assert.ok(!/loads only its module, CSS and wasm|none afterwards/.test(readme), "no claim that nothing loads later");
  assert.match(readme, /\*\*A wildcard tenant lets anyone frame the page\.\*\* `https:\/\/\*\.sharepoint\.com`/);
  const sharepoint = readme.slice(readme.indexOf("### Putting Stocktake on SharePoint Online"));
  const steps = sharepoint.slice(sharepoint.indexOf("\n1. "));
  assert.match(steps, /^\n1\. Unzip `stocktake-site-<version>\.zip`/, "step 1 starts from the zip");
  assert.match(sharepoint.slice(0, sharepoint.indexOf("\n1. ")), /no Rust toolchain and no rebuild/);
  assert.ok(readme.includes(`stocktake-site-${version}.zip`), "README names this version's zip");
});
