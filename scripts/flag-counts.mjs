// How many of the 153 authorities each indicator flag and the workforce challenge fire for on the
// published figures (data/dfe/published-figures.json), under the core's rule (`[comparison]` in
// crate/data/frameworks/shared/indicators.toml; `compare_with` and `min_indicators` of the challenge in
// challenges.toml) and, for comparison, with England alone (the rule before), using each indicator's
// own tolerance (`similar_within`). A flag that fires for most authorities is noise. Writes
// docs/public-picture.md (committed; e2e/figures-data.test.mjs checks that it is current).
//
//   node scripts/flag-counts.mjs [--check]
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DOC = join(root, "docs", "public-picture.md");
const CHALLENGE = "ch_workforce_against_figures";
const WORDS = { england: "England", neighbours: "its statistical neighbours", region: "its region" };

/** "a, b and c". */
const names = (list) => (list.length > 1 ? `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}` : list[0]);

/** A TOML list of strings on one line, `key = ["a", "b"]`, in `text`. */
function list(text, key) {
  const m = new RegExp(`^${key} = \\[([^\\]]*)\\]`, "m").exec(text);
  return m ? [...m[1].matchAll(/"([^"]*)"/g)].map((x) => x[1]) : null;
}

/**
 * The rules as data: the flags' comparators (`[comparison]` of indicators.toml) and the workforce
 * challenge's indicators, comparators and `min_indicators` (challenges.toml).
 * @param {string} indicatorsToml
 * @param {string} challengesToml
 */
export function readRules(indicatorsToml, challengesToml) {
  const section = /^\[comparison\]\n([\s\S]*?)(?=^\[)/m.exec(indicatorsToml)?.[1] ?? "";
  const block = challengesToml.split("[[challenge]]").find((b) => b.includes(`id = "${CHALLENGE}"`)) ?? "";
  return {
    compareWith: list(section, "compare_with") ?? ["england"],
    challenge: {
      indicators: list(block, "indicators") ?? [],
      compareWith: list(block, "compare_with") ?? ["england"],
      minIndicators: +(/^min_indicators = (\d+)/m.exec(block)?.[1] ?? 1),
    },
  };
}

/** The rules files, read from the repository. */
export async function rulesFromRepo() {
  const dir = join(root, "crate", "data", "frameworks", "shared");
  return readRules(
    await readFile(join(dir, "indicators.toml"), "utf8"),
    await readFile(join(dir, "challenges.toml"), "utf8"),
  );
}

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

/** Worse than every comparator of `set` (the way the core reads a rule), from `{ england, neighbours, region }`. */
const worseUnder = (set, worse) => set.every((c) => worse[c]);

/** The counts, per indicator and for the workforce challenge, under `rules` (see readRules). */
export function flagCounts(figures, indicators, rules) {
  const last = (series) => series?.[series.length - 1] ?? null;
  const rows = [];
  const workforceIds = rules.challenge.indicators;
  const worseOn = new Map(); // code → { england, neighbours, region, rule } counts of worse figures
  for (const ind of indicators) {
    const i = figures.ids.indexOf(ind.id);
    if (i < 0) continue;
    const england = last(figures.england.values[i]);
    const count = { n: 0, england: 0, neighbours: 0, region: 0, all: 0, flagBefore: 0, flagNow: 0, unusual: 0 };
    const outward = ind.direction === "neither";
    for (const [code, a] of Object.entries(figures.authorities)) {
      const v = last(a.values[i]);
      if (v == null) continue;
      count.n++;
      const sn = last(a.neighboursAverage[i]);
      const region = last(figures.regions[a.region]?.values[i]);
      const off = (base) => base != null && (outward ? ["higher", "lower"] : ["worse"]).includes(compare(ind, v, base));
      const worse = { england: off(england), neighbours: off(sn), region: off(region) };
      if (worse.england) count.england++;
      if (worse.neighbours) count.neighbours++;
      if (worse.region) count.region++;
      if (worse.england && worse.neighbours && worse.region) count.all++;
      if (ind.riskFactor && worse.england) count.flagBefore++;
      if (ind.riskFactor && worseUnder(rules.compareWith, worse)) count.flagNow++;
      if (ind.unusuallyLow != null && v < ind.unusuallyLow) count.unusual++;
      if (workforceIds.includes(ind.id)) {
        if (!worseOn.has(code)) worseOn.set(code, []);
        worseOn.get(code).push(worse);
      }
    }
    rows.push({ ind, england, count });
  }
  // The challenge under each set of comparators and each `min_indicators`, the rule's among them.
  const sets = [["england"], ["england", "neighbours"], ["england", "region"], ["england", "neighbours", "region"]];
  const grid = sets.map((set) => ({
    set,
    fires: workforceIds.map(
      (_, k) => [...worseOn.values()].filter((ws) => ws.filter((w) => worseUnder(set, w)).length > k).length,
    ),
  }));
  const fired = (set, min) =>
    [...worseOn.values()].filter((ws) => ws.filter((w) => worseUnder(set, w)).length >= min).length;
  const workforce = {
    n: worseOn.size,
    before: fired(["england"], 1),
    now: fired(rules.challenge.compareWith, rules.challenge.minIndicators),
    grid,
  };
  return { rows, workforce };
}

/** The note in docs/. */
export function flagDoc(figures, indicators, rules) {
  const { rows, workforce } = flagCounts(figures, indicators, rules);
  const pct = (k, n) => `${k} (${Math.round((k / n) * 100)} %)`;
  const ruleWords = names(rules.compareWith.map((c) => WORDS[c]));
  const ch = rules.challenge;
  const chWords = names(ch.compareWith.map((c) => WORDS[c]));
  const lines = [
    "# The public picture: how often each indicator flag fires (generated)",
    "",
    "Made by `node scripts/flag-counts.mjs` from `data/dfe/published-figures.json` (DfE official statistics,",
    "Open Government Licence v3.0), the tolerances and the comparison rule in",
    "`crate/data/frameworks/shared/indicators.toml` and the workforce challenge in `challenges.toml`;",
    "`e2e/figures-data.test.mjs` fails when it is not current. D: our arithmetic on the official figures.",
    "",
    "Each authority's latest published figure is compared, with the indicator's own tolerance",
    "(`similar_within`), with England, with the average of its ten DfE statistical neighbours (2025",
    'model) and with its region. For rates where neither way is better (`direction = "neither"`) the',
    "count is of authorities outside the tolerance either way (never flagged). A flag that fires for",
    "most authorities does not discriminate: it is noise.",
    "",
    `The rule (\`[comparison]\`, R): a risk factor is flagged when its figure is worse than ${ruleWords},`,
    "each beyond the tolerance; a self-evaluation holding no neighbours' figure (typed by hand) is compared",
    "with England alone, and the flag says so. Before, it was flagged when worse than England alone.",
    "",
    `| Indicator | Authorities with a figure | Worse than England | Worse than neighbours | Worse than region | Worse than all three | Flag before (risk factor, worse than England) | Flag now (risk factor, worse than ${ruleWords}) |`,
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const { ind, count: c } of rows) {
    const name = ind.direction === "neither" ? `${ind.name} (outside the tolerance either way)` : ind.name;
    lines.push(
      `| ${name} (±${ind.similarWithin}) | ${c.n} | ${pct(c.england, c.n)} | ${pct(c.neighbours, c.n)} | ${pct(c.region, c.n)} | ${pct(c.all, c.n)} | ${ind.riskFactor ? pct(c.flagBefore, c.n) : "—"} | ${ind.riskFactor ? pct(c.flagNow, c.n) : "—"} |`,
    );
  }
  const low = rows.filter((r) => r.ind.unusuallyLow != null);
  const n = workforce.n;
  lines.push(
    "",
    ...low.map(
      (r) =>
        `"Unusually low" (${r.ind.name}, under ${r.ind.unusuallyLow}): fires for ${pct(r.count.unusual, r.count.n)} of the authorities with a figure (unchanged: it compares with no one).`,
    ),
    "",
    "## The workforce challenge",
    "",
    `The challenge \`${CHALLENGE}\` (workforce rated good or better) now fires when at least ${ch.minIndicators} of`,
    `${ch.indicators.join(", ")} ${ch.minIndicators === 1 ? "is" : "are"} worse than ${chWords} (\`compare_with\`, \`min_indicators\`, R).`,
    `On the published figures (latest: September 2025), of ${n} authorities:`,
    "",
    `- before (any one worse than England): ${pct(workforce.before, n)};`,
    `- now (at least ${ch.minIndicators} worse than ${chWords}): ${pct(workforce.now, n)}.`,
    "",
    "How many authorities it would fire for under other rules (the evidence for the choice):",
    "",
    `| Each figure worse than | ${ch.indicators.map((_, k) => `At least ${k + 1}`).join(" | ")} |`,
    `|---|${ch.indicators.map(() => "---|").join("")}`,
    ...workforce.grid.map(
      (g) => `| ${names(g.set.map((c) => WORDS[c]))} | ${g.fires.map((k) => pct(k, n)).join(" | ")} |`,
    ),
    "",
    `With one tolerance per figure, "worse than England on any of four" fired for ${pct(workforce.before, n)} of`,
    `authorities and did not discriminate; the rule now in the data fires for ${pct(workforce.now, n)}. The rates`,
    "where neither way is better are never flagged: their tolerances are narrow against the spread",
    "between authorities.",
    "",
  );
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = JSON.parse(await readFile(join(root, "data", "dfe", "published-figures.json"), "utf8"));
  const toml = await readFile(join(root, "crate", "data", "frameworks", "shared", "indicators.toml"), "utf8");
  const doc = flagDoc(figures, readIndicators(toml), await rulesFromRepo());
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
