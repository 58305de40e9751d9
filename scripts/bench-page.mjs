// Benchmarks the page in headless Chromium against the local server (dist/ must be built):
//   load:    navigation → usable page (the stocktake:ready event / data-ready), median of 7 loads,
//            and again with the CPU throttled 4× (DevTools' CPU throttling, as for a slow laptop)
//   rescore: an answer changes → the projected judgement on the area page is updated (score() in
//            wasm plus re-rendering), median and p95 over 200 changes
//   results: an answer changes while the results page is open → the page re-rendered, including
//            a 2000-run simulation, median and p95 over 30 changes
//   audits:  2,000 audited cases (every criterion graded) → score() in wasm, which aggregates them
//            (its challenges and `audits`), median and p95 over 20 runs; auditEvidence() alone too
//            (`node scripts/bench-page.mjs audits` runs this alone)
// Prints JSON. Usage: node scripts/bench-page.mjs
import { launch, openPage, startServer } from "../e2e/harness.mjs";

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const p95 = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};
const round = (n) => Math.round(n * 100) / 100;

/**
 * Navigation → usable page (ms from the navigation's start to the stocktake:ready event), for
 * `runs` loads of `url`, each in a fresh context. `cpuThrottle` > 1 slows the page's CPU that many
 * times (CDP Emulation.setCPUThrottlingRate, set before navigating). Returns the list of times and
 * the requests of the last load.
 */
export async function measureLoads(browser, url, { runs = 9, cpuThrottle = 1 } = {}) {
  const times = [];
  let requests = [];
  for (let i = 0; i < runs; i++) {
    const opened = await openPage(browser);
    const { context, page } = opened;
    try {
      if (cpuThrottle > 1) {
        const cdp = await context.newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpuThrottle });
      }
      await page.addInitScript(() => {
        addEventListener("stocktake:ready", () => (window.__stReadyAt = performance.now()), { once: true });
      });
      await page.goto(url);
      await page.waitForSelector('stocktake-app[data-ready="true"]', { timeout: 30000 });
      times.push(await page.evaluate(() => window.__stReadyAt));
      requests = opened.requests;
    } finally {
      await context.close();
    }
  }
  return { times, requests };
}

/**
 * Re-scoring after an answer changes, through the real page: median and p95 (ms) over 200 changes
 * on the help and protection area page (a click → score() in wasm → the live judgement re-rendered).
 * Used by scripts/bench (bench.mjs) as `measureRescore(browser, url)`.
 */
export async function measureRescore(browser, url) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(url);
    await page.waitForSelector('stocktake-app[data-ready="true"]');
    // Straight after load: the wasm is still being optimised by V8 in the background.
    const cold = await rescoreTimes(page);
    // The same clicks once that is done, as for a person answering at reading pace.
    await page.waitForTimeout(1500);
    const warm = await rescoreTimes(page, { started: true });
    return {
      median_ms: round(median(cold)),
      p95_ms: round(p95(cold)),
      changes: cold.length,
      after_warm_up: { median_ms: round(median(warm)), p95_ms: round(p95(warm)), changes: warm.length },
    };
  } finally {
    await context.close();
  }
}

async function rescoreTimes(page, { started = false } = {}) {
  if (!started) await page.click("#start-new");
  return page.evaluate(() => {
    const app = document.querySelector("stocktake-app").app;
    const area = app.fw().areas.find((a) => a.id === "help_and_protection");
    for (const s of area.statements) app.set(`answers.${s.id}.level`, "good");
    app.go("area", { id: area.id });
    const root = app.root;
    const live = root.getElementById("live-judgement");
    const times = [];
    for (let i = 0; i < 200; i++) {
      const s = area.statements[i % area.statements.length];
      const radios = root.querySelectorAll(`input[name="answers-${s.id}-level"]`);
      const now = [...radios].findIndex((r) => r.checked);
      const target = radios[(now + 1) % 4]; // always a different level, so a change event fires
      let updated = false;
      const seen = () => (updated = true);
      const unwatch = app.watch(seen);
      const t0 = performance.now();
      target.click(); // change event → app.set → score() → live panel re-rendered
      const t1 = performance.now();
      unwatch();
      if (!updated || !live.textContent) throw new Error("results did not update");
      times.push(t1 - t0);
    }
    return times;
  });
}

/** 2,000 audited cases aggregated and re-scored in the browser: median and p95 (ms) over 20 runs. */
export async function measureAudits(browser, url) {
  const { context, page } = await openPage(browser);
  try {
    await page.goto(url);
    await page.waitForSelector('stocktake-app[data-ready="true"]');
    await page.click("#start-new");
    const times = await page.evaluate(() => {
      const app = document.querySelector("stocktake-app").app;
      for (const a of app.fw().areas) for (const s of a.statements) app.set(`answers.${s.id}.level`, "good");
      const criteria = app.core.auditCriteria(app.a.framework).criterion;
      const marks = ["outstanding", "good", "good", "requires_improvement", "inadequate", "not_applicable"];
      const audits = [];
      for (let i = 0; i < 2000; i++) {
        const c0 = criteria[i % criteria.length];
        const own = criteria.filter((c) => c.area === c0.area);
        const grades = Object.fromEntries(own.map((c, k) => [c.id, marks[(i + k) % marks.length]]));
        const month = String(1 + (i % 11)).padStart(2, "0");
        audits.push({
          caseRef: `C-${i}`,
          area: c0.area,
          auditor: "PM",
          date: `2026-${month}-15`,
          team: "T",
          grades,
          overall: "good",
          learning: "",
        });
      }
      app.a.assessedOn = "2026-11-30";
      app.a.audits = audits;
      const evidence = [];
      const scoreOnly = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.now();
        app.core.auditEvidence(app.a);
        const t1 = performance.now();
        const scored = app.core.score(app.a); // the page's re-score: aggregation included
        const t2 = performance.now();
        if (scored.audits?.inWindow !== 2000) throw new Error("the audits were not aggregated");
        evidence.push(t1 - t0);
        scoreOnly.push(t2 - t1);
      }
      return { evidence, scoreOnly };
    });
    return {
      median_ms: round(median(times.scoreOnly)),
      p95_ms: round(p95(times.scoreOnly)),
      auditEvidenceAlone_median_ms: round(median(times.evidence)),
      runs: times.scoreOnly.length,
      cases: 2000,
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const { server, url } = await startServer();
  const browser = await launch();
  try {
    const { times: loads } = await measureLoads(browser, url, { runs: 7 });
    const { times: throttled } = await measureLoads(browser, url, { runs: 7, cpuThrottle: 4 });

    const { context, page } = await openPage(browser);
    await page.goto(url);
    await page.waitForSelector('stocktake-app[data-ready="true"]');
    const rescore = await rescoreTimes(page);
    const results = await page.evaluate(() => {
      const app = document.querySelector("stocktake-app").app;
      app.go("results");
      const times = [];
      const ids = app
        .fw()
        .areas.find((a) => a.id === "help_and_protection")
        .statements.map((s) => s.id);
      const levels = ["good", "requires_improvement", "inadequate", "outstanding"];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        app.set(`answers.${ids[i % ids.length]}.level`, levels[i % 4]); // re-score; the results page re-renders with simulate()
        times.push(performance.now() - t0);
      }
      return times;
    });
    await context.close();
    console.log(
      JSON.stringify(
        {
          loadToUsableMs: { median: round(median(loads)), runs: loads.map(round) },
          loadToUsableCpuThrottled4xMs: { median: round(median(throttled)), runs: throttled.map(round) },
          rescoreAfterChangeMs: { median: round(median(rescore)), p95: round(p95(rescore)), changes: rescore.length },
          resultsPageRefreshMs: {
            median: round(median(results)),
            p95: round(p95(results)),
            changes: results.length,
            simulationRuns: 2000,
          },
          auditsAggregateAndRescoreMs: await measureAudits(browser, url),
          browser: browser.version(),
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    server.close();
  }
}

async function auditsOnly() {
  const { server, url } = await startServer();
  const browser = await launch();
  try {
    console.log(JSON.stringify({ auditsAggregateAndRescoreMs: await measureAudits(browser, url) }, null, 2));
  } finally {
    await browser.close();
    server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await (process.argv[2] === "audits" ? auditsOnly() : main());
