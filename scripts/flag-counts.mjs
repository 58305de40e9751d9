// How many of the 153 authorities each indicator flag fires for on the published figures
// (data/dfe/published-figures.json), compared with England only (as the core does today) and with
// the authority's statistical neighbours and region, using each indicator's own tolerance
// (`similar_within` in crate/data/frameworks/shared/indicators.toml). A flag that fires for most
// authorities is noise. Writes docs/public-picture.md (committed; e2e/figures-data.test.mjs checks
// that it is current).
//
//   node scripts/flag-counts.mjs [--check]
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DOC = join(root, "docs", "public-picture.md");
const WORKFORCE = ["sw_turnover", "agency_rate", "vacancy_rate", "average_caseload"];

/** The indicators of indicators.toml: id, name, direction, tolerance, risk factor, unusually low. */
export function readIndicators(toml) {
  return toml
    .split("[[indicator]]")
    .slice(1)
    .map((block) => {
      const str = (k) => new RegExp(`^${k} = "([^"]*)"`, "m").exec(block)?.[1];
      const num = (k) => {
        const m = new RegExp(`^${k} = ([\\d.]+)`, "m").exec(block);
        return m ? +m[1] : null;
      };
      return {
        id: str("id"),
        name: str("name"),
        direction: str("direction"),
        similarWithin: num("similar_within"),
        riskFactor: /^risk_factor = true/m.test(block),
        unusuallyLow: num("unusually_low"),
      };
    });
}

/** "worse", "better", "similar", "higher" or "lower": as the core's compare(), against `base`. */
export function compare(ind, value, base) {
  const diff = value - base;
  if (Math.abs(diff) <= ind.similarWithin + 1e-9) return "similar";
  if (ind.direction === "neither") return diff > 0 ? "higher" : "lower";
  const betterBy = ind.direction === "higher_is_better" ? diff : -diff;
  return betterBy > 0 ? "better" : "worse";
}

/** The counts, per indicator and for the workforce challenge. */
export function flagCounts(figures, indicators) {
  const last = (series) => series?.[series.length - 1] ?? null;
  const rows = [];
  const worseOn = new Map(); // code → { england: Set, neighbours: Set, region: Set }
  for (const ind of indicators) {
    const i = figures.ids.indexOf(ind.id);
    if (i < 0) continue;
    const england = last(figures.england.values[i]);
    const count = { n: 0, england: 0, neighbours: 0, region: 0, all: 0, flagEngland: 0, flagBoth: 0, unusual: 0 };
    const outward = ind.direction === "neither";
    for (const [code, a] of Object.entries(figures.authorities)) {
      const v = last(a.values[i]);
      if (v == null) continue;
      count.n++;
      const sn = last(a.neighboursAverage[i]);
      const region = last(figures.regions[a.region]?.values[i]);
      const off = (base) => base != null && (outward ? ["higher", "lower"] : ["worse"]).includes(compare(ind, v, base));
      const e = off(england);
      const n = off(sn);
      const r = off(region);
      if (e) count.england++;
      if (n) count.neighbours++;
      if (r) count.region++;
      if (e && n && r) count.all++;
      if (ind.riskFactor && e) count.flagEngland++;
      if (ind.riskFactor && e && n) count.flagBoth++;
      if (ind.unusuallyLow != null && v < ind.unusuallyLow) count.unusual++;
      if (WORKFORCE.includes(ind.id)) {
        if (!worseOn.has(code)) worseOn.set(code, { england: false, neighbours: false, both: false, all: false });
        const w = worseOn.get(code);
        w.england ||= e;
        w.neighbours ||= n;
        w.both ||= e && n;
        w.all ||= e && n && r;
      }
    }
    rows.push({ ind, england, count });
  }
  const workforce = { n: worseOn.size, england: 0, neighbours: 0, both: 0, all: 0 };
  for (const w of worseOn.values()) for (const k of ["england", "neighbours", "both", "all"]) if (w[k]) workforce[k]++;
  return { rows, workforce };
}

/** The note in docs/. */
export function flagDoc(figures, indicators) {
  const { rows, workforce } = flagCounts(figures, indicators);
  const pct = (k, n) => `${k} (${Math.round((k / n) * 100)} %)`;
  const lines = [
    "# The public picture: how often each indicator flag fires (generated)",
    "",
    "Made by `node scripts/flag-counts.mjs` from `data/dfe/published-figures.json` (DfE official statistics,",
    "Open Government Licence v3.0) and the tolerances in `crate/data/frameworks/shared/indicators.toml`;",
    "`e2e/figures-data.test.mjs` fails when it is not current. D: our arithmetic on the official figures.",
    "",
    "Each authority's latest published figure is compared, with the indicator's own tolerance",
    "(`similar_within`), with England (what the core does today), with the average of its ten DfE",
    "statistical neighbours (2025 model) and with its region. For rates where neither way is better",
    '(`direction = "neither"`) the count is of authorities outside the tolerance either way. A flag',
    "that fires for most authorities does not discriminate: it is noise.",
    "",
    "| Indicator | Authorities with a figure | Worse than England | Worse than neighbours | Worse than region | Worse than all three | Flag today (risk factor, worse than England) | Flag if also worse than neighbours |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const { ind, count: c } of rows) {
    const name = ind.direction === "neither" ? `${ind.name} (outside the tolerance either way)` : ind.name;
    lines.push(
      `| ${name} (±${ind.similarWithin}) | ${c.n} | ${pct(c.england, c.n)} | ${pct(c.neighbours, c.n)} | ${pct(c.region, c.n)} | ${pct(c.all, c.n)} | ${ind.riskFactor ? pct(c.flagEngland, c.n) : "—"} | ${ind.riskFactor ? pct(c.flagBoth, c.n) : "—"} |`,
    );
  }
  const low = rows.filter((r) => r.ind.unusuallyLow != null);
  lines.push(
    "",
    ...low.map(
      (r) =>
        `"Unusually low" (${r.ind.name}, under ${r.ind.unusuallyLow}): fires for ${pct(r.count.unusual, r.count.n)} of the authorities with a figure.`,
    ),
    "",
    "## The workforce challenge",
    "",
    `The challenge \`ch_workforce_against_figures\` fires when a figure of ${WORKFORCE.join(", ")} is worse than England.`,
    `On the published figures (latest: September 2025), of ${workforce.n} authorities:`,
    "",
    `- worse than England on at least one: ${pct(workforce.england, workforce.n)} (today's rule);`,
    `- worse than its statistical neighbours on at least one: ${pct(workforce.neighbours, workforce.n)};`,
    `- worse than both England and its neighbours on the same figure: ${pct(workforce.both, workforce.n)};`,
    `- worse than England, its neighbours and its region on the same figure: ${pct(workforce.all, workforce.n)}.`,
    "",
    `Whichever comparator is used, the challenge fires for more than half of the authorities (from ${pct(workforce.england, workforce.n)}`,
    `with England alone to ${pct(workforce.all, workforce.n)} when the same figure must be worse than all three): with one`,
    'tolerance per figure, "worse on any of four" does not discriminate. Single indicators compared with',
    "England fire for between a sixth and two fifths of authorities; the rates where neither way is better fire for",
    "most, since their tolerances are narrow against the spread between authorities. Which comparator and",
    "tolerance the flags use is a product decision (issue 27.4): these counts are the evidence for it.",
    "",
  );
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = JSON.parse(await readFile(join(root, "data", "dfe", "published-figures.json"), "utf8"));
  const toml = await readFile(join(root, "crate", "data", "frameworks", "shared", "indicators.toml"), "utf8");
  const doc = flagDoc(figures, readIndicators(toml));
  if (process.argv.includes("--check")) {
    if ((await readFile(DOC, "utf8").catch(() => "")) !== doc) {
      console.error(`${DOC} is not current: run node scripts/flag-counts.mjs`);
      process.exit(1);
    }
  } else {
    await writeFile(DOC, doc);
    console.log(`wrote ${DOC}`);
  }
}
