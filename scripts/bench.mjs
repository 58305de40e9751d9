// Measures the built site in headless Chromium and combines it with the native figures passed as
// argv[2] (JSON from examples/bench_core.rs). Prints one JSON object. See scripts/bench.
import { gzipSync } from "node:zlib";
import { readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { launch, openPage, startServer, waitReady } from "../e2e/harness.mjs";
import { measureLoads, measureRescore } from "./bench-page.mjs";

const root = join(fileURLToPath(new URL(".", import.meta.url)), "..");
const dist = join(root, "dist");
const native = JSON.parse(process.argv[2] ?? "{}");
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

const wasm = await readFile(join(dist, "pkg", "stocktake_bg.wasm"));
// The workshop build (the core plus scenario and compareParticipants), loaded only by the trainers'
// pages when first opened: reported, but not part of what the page loads.
const workshopWasm = await readFile(join(dist, "pkg", "stocktake_workshop_bg.wasm"));
const offline = await readFile(join(dist, "stocktake-offline.html"));
// The Word and Excel exporters: loaded only when a file is first asked for, never on a first visit.
const exporters = await readFile(join(dist, "stocktake-exports.mjs"));
// The audit, peer and regional pages and the record's panel: loaded only when one is first opened.
const tools = await readFile(join(dist, "stocktake-tools.mjs"));

// Cross-origin isolation (same-origin files only, so nothing else changes) gives performance.now()
// 5 µs resolution instead of 100 µs, so sub-millisecond timings are not rounded up to 0.1 ms.
const { server, url } = await startServer(dist, {
  headers: { "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp" },
});
// Headless Chromium starts its omnibox pop-up (browser UI, a WebUI page in a renderer of its own)
// for every new browser context: on this 2-core host that took about 320 ms of CPU during a 555 ms
// load, more than the page's own renderer, and moved the usable-page figure by about 100 ms
// (docs/performance.md). It is the test browser's own UI, which a person's browser has loaded long
// before they open Stocktake, so the benchmark turns it off, as Puppeteer does by default.
const browser = await launch({ disableFeatures: ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup"] });
try {
  // 1. Everything the hosted page loads (a director's first visit: nothing is requested after the
  // page is usable), and the time to a usable page (median of 9 loads), also with the CPU throttled
  // 4× (DevTools' CPU throttling: a slow or busy laptop).
  const { times: loads, requests: loaded } = await measureLoads(browser, url, { runs: 9 });
  const { times: throttledLoads } = await measureLoads(browser, url, { runs: 9, cpuThrottle: 4 });
  const files = loaded
    .map((u) => decodeURIComponent(new URL(u).pathname))
    .map((p) => join(dist, p.endsWith("/") ? `${p}index.html` : p));
  let hostedRaw = 0;
  let hostedGz = 0;
  let nonWasmGz = 0;
  for (const f of files) {
    const buf = await readFile(f);
    hostedRaw += buf.length;
    hostedGz += gz(buf);
    if (!f.endsWith(".wasm")) nonWasmGz += gz(buf);
  }
  // What the first page waits for: index.html and every file it names (the stylesheet, the entry
  // script and its preloads); the other modules are requested before the page is usable, but it
  // does not wait for them (app.mjs's LATER).
  const indexHtml = await readFile(join(dist, "index.html"), "utf8");
  const firstPage = [
    "index.html",
    ...[...indexHtml.matchAll(/<(?:link|script)\b[^>]*\b(?:href|src)="(?!data:)([^"]+)"/g)].map((m) => m[1]),
  ];
  let firstPageGz = 0;
  for (const f of firstPage) firstPageGz += gz(await readFile(join(dist, f)));

  // 2. The same core work as examples/bench_core.rs, in wasm in the browser.
  const { page } = await openPage(browser);
  await page.goto(url);
  await waitReady(page);
  const inWasm = await page.evaluate(async () => {
    const mod = await import(new URL("stocktake.mjs", document.baseURI).href);
    const api = await mod.loadCore();
    const fw = api.framework("ilacs-2023-01");
    const cycle = ["good", "good", "requires_improvement", "outstanding", "not_known", "good"];
    const evidence = ["case_audit", "performance_data", "children_and_families", "staff_feedback"];
    const answers = {};
    let i = 0;
    for (const area of fw.areas)
      for (const s of area.statements) {
        answers[s.id] = { level: cycle[i % cycle.length], evidence: evidence.slice(0, i % 4) };
        i++;
      }
    answers.hp_lado = { ...answers.hp_lado, level: "inadequate" };
    const a = {
      format: "stocktake-assessment",
      version: 1,
      framework: fw.id,
      assessedOn: "2026-11-22",
      answers,
      indicators: {},
    };
    const scoreUs = [];
    for (let k = 0; k < 1000; k++) {
      const t = performance.now();
      api.score(a);
      scoreUs.push((performance.now() - t) * 1000);
    }
    const simMs = [];
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      api.simulate(a, { runs: 10000, seed: 42 });
      simMs.push(performance.now() - t);
    }
    const sort = (v) => [...v].sort((x, y) => x - y);
    return {
      statements: i,
      score_median_us: sort(scoreUs)[500],
      simulate_10000_runs_median_ms: sort(simMs)[2],
      memory_bytes: mod.wasmMemoryBytes(),
    };
  });

  // 3. Re-scoring after an answer changes, through the real page (scripts/bench-page.mjs).
  let page_ = null;
  try {
    page_ = await measureRescore(browser, url);
  } catch (e) {
    page_ = { error: `not measured: ${e.message}` };
  }

  const result = {
    sizes: {
      wasm_bytes: wasm.length,
      wasm_gzip_bytes: gz(wasm),
      workshop_wasm_bytes: workshopWasm.length,
      workshop_wasm_gzip_bytes: gz(workshopWasm),
      hosted_page_files: files.map((f) => relative(dist, f)),
      hosted_page_bytes: hostedRaw,
      hosted_page_gzip_bytes: hostedGz,
      hosted_page_non_wasm_gzip_bytes: nonWasmGz,
      first_page_files: firstPage,
      first_page_gzip_bytes: firstPageGz,
      offline_file_bytes: offline.length,
      offline_file_gzip_bytes: gz(offline),
      exporters_on_demand_bytes: exporters.length,
      exporters_on_demand_gzip_bytes: gz(exporters),
      tools_on_demand_bytes: tools.length,
      tools_on_demand_gzip_bytes: gz(tools),
    },
    browser: {
      usable_page_ms_median_of_9: round(median(loads), 1),
      usable_page_ms_all: loads.map((x) => round(x, 1)),
      usable_page_cpu_throttled_4x_ms_median_of_9: round(median(throttledLoads), 1),
      usable_page_cpu_throttled_4x_ms_all: throttledLoads.map((x) => round(x, 1)),
      wasm_memory_bytes: inWasm.memory_bytes,
      rescore_after_answer_change: page_,
    },
    core: {
      statements: inWasm.statements,
      // The same call both sides: assessment as JSON in, checked, scored, result as JSON out.
      score_call_us: { native: native.score_call_median_us, wasm: round(inWasm.score_median_us, 1) },
      score_wasm_to_native_ratio: native.score_call_median_us
        ? round(inWasm.score_median_us / native.score_call_median_us)
        : null,
      // The scoring alone (already-read assessment in, result struct out), natively.
      score_core_only_native_us: native.score_median_us,
      simulate_10000_runs_ms: {
        native: native.simulate_10000_runs_median_ms,
        wasm: round(inWasm.simulate_10000_runs_median_ms),
      },
      simulate_wasm_to_native_ratio: native.simulate_10000_runs_median_ms
        ? round(inWasm.simulate_10000_runs_median_ms / native.simulate_10000_runs_median_ms)
        : null,
    },
  };
  const ratio = result.core.simulate_wasm_to_native_ratio;
  const p95ms = page_?.p95_ms;
  const usable = result.browser.usable_page_ms_median_of_9;
  const usableThrottled = result.browser.usable_page_cpu_throttled_4x_ms_median_of_9;
  result.budgets = {
    // What a director's first visit downloads: every file the hosted page loads, gzipped.
    first_visit_gzip_le_300KB: { value: hostedGz, budget: 300_000, ok: hostedGz <= 300_000 },
    wasm_gzip_le_200KB: { value: gz(wasm), budget: 200_000, ok: gz(wasm) <= 200_000 },
    usable_page_lt_300ms: { value: usable, budget: 300, ok: usable < 300 },
    usable_page_cpu_throttled_4x_lt_1000ms: { value: usableThrottled, budget: 1000, ok: usableThrottled < 1000 },
    rescore_p95_lt_2ms: { value: p95ms ?? null, budget: 2, ok: p95ms != null && p95ms < 2 },
    // The same budget once V8 has optimised the wasm (1.5 s after the burst above); reported, not
    // a substitute for the line above.
    rescore_p95_after_warm_up_lt_2ms: {
      value: page_?.after_warm_up?.p95_ms ?? null,
      budget: 2,
      ok: page_?.after_warm_up?.p95_ms != null && page_.after_warm_up.p95_ms < 2,
    },
    simulation_wasm_within_2x_native: { value: ratio, budget: 2, ok: ratio != null && ratio <= 2 },
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  server.close();
}
