// Published figures for every authority: DfE official statistics by local authority
// (../shared/data/dfe/, see its README; Open Government Licence v3.0) turned into one compact file,
// data/dfe/published-figures.json (committed; e2e/figures-data.test.mjs checks that it equals
// this script's output when ../shared is beside the repository). For each National Framework
// indicator and workforce figure the page knows (crate/data/frameworks/shared/indicators.toml ids),
// by DfE three-digit code: the authority's latest three published values, its ten statistical
// neighbours' average (DfE's 2025 model), its region's and England's. A suppressed cell (c, x, z,
// k, low…) is kept as suppressed: null with its symbol in `suppressed`, never zero.
//
//   node scripts/figures-data.mjs [--check] [DFE_FOLDER]
//
// When next year's release arrives: copy it into ../shared/data/dfe/ (same file names and
// columns), run this script, and commit the new JSON.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readCsvObjects as objects } from "../www/domain/csv.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
/**
 * The shared data folder: $STOCKTAKE_SHARED, else ../shared beside the repository (as CI has it),
 * else two levels up (a git worktree under a folder beside shared). Null when none exists.
 */
export function sharedFolder() {
  const tries = [process.env.STOCKTAKE_SHARED, join(root, "..", "shared"), join(root, "..", "..", "shared")];
  return tries.find((d) => d && existsSync(join(d, "data"))) ?? null;
}
export const SHARED = sharedFolder() ? join(sharedFolder(), "data", "dfe") : null;
export const OUT = join(root, "data", "dfe", "published-figures.json");
export const FORMAT = "stocktake-published-figures";
export const ATTRIBUTION =
  "Contains public sector information licensed under the Open Government Licence v3.0 (Department for Education, Office for National Statistics)";
const YEARS = 3;

const march = (y) => `31 March ${y}`;
const yearToMarch = (y) => `year to 31 March ${y}`;
const september = (y) => `30 September ${y}`;
const yearToSeptember = (y) => `year to 30 September ${y}`;
const CIN = "https://explore-education-statistics.service.gov.uk/find-statistics/characteristics-of-children-in-need";
const CLA =
  "https://explore-education-statistics.service.gov.uk/find-statistics/children-looked-after-in-england-including-adoptions";
const CSWW = "https://explore-education-statistics.service.gov.uk/find-statistics/childrens-social-work-workforce";

/**
 * Each indicator: the file, the rows that hold it (`where`), the value column, or a rate per
 * 10,000 children from a count and ONS's mid-year estimate of the year before (`per10k`), how a
 * period reads, and the release. Ids are those of indicators.toml.
 */
export const SPECS = [
  {
    id: "children_in_need_rate",
    file: "b1_children_in_need_2013_to_2025.csv",
    per10k: "At31_episodes",
    period: march,
    source: CIN,
  },
  {
    id: "re_referrals",
    file: "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
    column: "rereferral_percent",
    period: yearToMarch,
    source: CIN,
  },
  {
    id: "cp_plans_rate",
    file: "d5_cpps_at31march_by_duration_2013_to_2025.csv",
    per10k: "CPP_At31",
    period: march,
    source: CIN,
  },
  {
    id: "repeat_cp_plans",
    file: "d3_cpps_subsequent_plan_2013_to_2025.csv",
    column: "CPP_subsequent_percent",
    period: yearToMarch,
    source: CIN,
  },
  {
    id: "cla_rate",
    file: "cla_number_and_rate_per_10k_children.csv",
    where: { population_type: "Children looked after on 31 March each year" },
    column: "rate_per_10000",
    period: march,
    source: CLA,
  },
  {
    id: "placement_stability",
    file: "la_cla_placement_stability.csv",
    where: {
      cla_group: "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
      placement_stability: "Living with the same carer for at least 2 years",
    },
    column: "children_percent",
    period: march,
    source: CLA,
  },
  {
    id: "three_plus_placements",
    file: "la_cla_placement_stability.csv",
    where: { cla_group: "CLA on 31 March", placement_stability: "With 3 or more placements during the year" },
    column: "children_percent",
    period: yearToMarch,
    source: CLA,
  },
  {
    id: "placements_at_distance",
    file: "la_cla_during_year_new_placements.csv",
    where: {
      characteristic: "Location of new placements during the year",
      breakdown: "Placed outside LA boundary more than 20 miles from home",
    },
    column: "children_percent",
    period: yearToMarch,
    source: CLA,
  },
  {
    id: "care_leavers_eet",
    file: "la_care_leavers_activity.csv",
    where: { care_leaver_age: "19 to 21 years", breakdown: "Total in education, employment or training" },
    column: "care_leaver_percent",
    period: yearToMarch,
    source: CLA,
  },
  {
    id: "care_leavers_accommodation",
    file: "la_care_leavers_accommodation_suitability.csv",
    where: { care_leaver_age: "19 to 21 years", breakdown: "Accommodation considered suitable" },
    column: "care_leaver_percent",
    period: yearToMarch,
    source: CLA,
  },
  {
    id: "sw_turnover",
    file: "csww_indicators_2017_to_2025.csv",
    column: "turnover_rate_fte",
    period: yearToSeptember,
    source: CSWW,
  },
  {
    id: "agency_rate",
    file: "csww_indicators_2017_to_2025.csv",
    column: "agency_rate_fte",
    period: september,
    source: CSWW,
  },
  {
    id: "vacancy_rate",
    file: "csww_indicators_2017_to_2025.csv",
    column: "vacancy_rate_fte",
    period: september,
    source: CSWW,
  },
  {
    id: "average_caseload",
    file: "csww_indicators_2017_to_2025.csv",
    column: "caseload_fte",
    period: september,
    source: CSWW,
  },
  {
    id: "sickness_absence",
    file: "csww_indicators_2017_to_2025.csv",
    column: "absence_rate_fte",
    period: yearToSeptember,
    source: CSWW,
  },
  {
    id: "cla_three_plus_social_workers",
    file: "la_cla_swcount.csv",
    where: { cla_group: "CLA on 31 March", sw_stability: "3 or more social workers during the year" },
    column: "percentage",
    period: yearToMarch,
    source: CLA,
  },
];
/** Indicators of indicators.toml that no file here holds (said so, not guessed). */
export const NOT_HELD = ["assessments_45_days"];
const POPULATION = "ons_mid-year_population_estimates_2012_to_2024.csv";
const NEIGHBOURS = "sn_model_2025_wide.csv";

/** A cell: a number, or a suppression symbol (kept), or empty. */
function cell(text) {
  const t = (text ?? "").trim();
  if (t === "") return { value: null, suppressed: null };
  const n = Number(t.replace(/,/g, ""));
  if (Number.isFinite(n)) return { value: n, suppressed: null };
  return { value: null, suppressed: t };
}

const round = (x, places = 1) => Math.round(x * 10 ** places) / 10 ** places;
/** The geography a row is for: "E" (England), "R:<region name>" or "L:<old LA code>". */
function place(r) {
  if (r.geographic_level === "National") return "E";
  if (r.geographic_level === "Regional") return `R:${r.region_name}`;
  if (r.geographic_level === "Local authority") return `L:${r.old_la_code}`;
  return null;
}

/**
 * Reads the folder and builds the compact figures. Returns `{ figures, problems }`; problems are
 * files or columns missing, or an indicator with no England figure.
 */
export async function buildFigures(folder = SHARED) {
  const problems = [];
  const cache = new Map();
  const read = async (name) => {
    if (!cache.has(name)) cache.set(name, objects(await readFile(join(folder, name), "utf8")));
    return cache.get(name);
  };
  // Children aged 0 to 17 by place and year (a rate for 31 March Y uses mid-year Y-1).
  const population = new Map();
  for (const r of await read(POPULATION)) {
    const p = place(r);
    const { value } = cell(r.population_estimate);
    if (p && value) population.set(`${p} ${r.time_period}`, value);
  }
  const regionOf = new Map();
  const names = new Map();
  const indicators = {};
  const values = new Map(); // place → id → [3 values]
  const suppressed = new Map(); // place → id → [3 symbols]
  for (const spec of SPECS) {
    const rows = await read(spec.file);
    const column = spec.column ?? spec.per10k;
    if (rows.length && !(column in rows[0])) {
      problems.push(`${spec.file}: no ${column} column`);
      continue;
    }
    const chosen = rows.filter((r) => Object.entries(spec.where ?? {}).every(([k, v]) => r[k] === v));
    const years = [...new Set(chosen.filter((r) => r.geographic_level === "National").map((r) => r.time_period))]
      .sort()
      .slice(-YEARS);
    if (!years.length) {
      problems.push(`${spec.id}: no England figure in ${spec.file}`);
      continue;
    }
    indicators[spec.id] = {
      periods: years.map((y) => spec.period(+y)),
      source: `${spec.source} (${spec.file})`,
    };
    for (const r of chosen) {
      const i = years.indexOf(r.time_period);
      const p = place(r);
      if (i < 0 || !p) continue;
      if (r.geographic_level === "Local authority") {
        regionOf.set(r.old_la_code, r.region_name);
        names.set(r.old_la_code, r.la_name);
      }
      let { value, suppressed: sup } = cell(r[column]);
      if (spec.per10k && value != null) {
        const pop = population.get(`${p} ${+r.time_period - 1}`);
        value = pop ? round((value / pop) * 10000) : null;
      }
      if (!values.has(p)) values.set(p, {});
      const v = values.get(p);
      v[spec.id] ??= Array(years.length).fill(null);
      v[spec.id][i] = value;
      if (sup) {
        if (!suppressed.has(p)) suppressed.set(p, {});
        const s = suppressed.get(p);
        s[spec.id] ??= Array(years.length).fill(null);
        s[spec.id][i] = sup;
      }
    }
  }
  // DfE's 2025 statistical neighbours, by old LA code.
  const neighbours = new Map();
  for (const r of await read(NEIGHBOURS)) {
    const code = r.old_la_code.trim();
    const ns = Array.from({ length: 10 }, (_, i) => (r[`SN_${i + 1}`] ?? "").trim()).filter((c) => /^\d{3}$/.test(c));
    if (/^\d{3}$/.test(code)) neighbours.set(code, ns);
  }
  // Compact: one array per indicator, in the order of `ids`; suppression symbols only where any.
  const ids = Object.keys(indicators);
  const byId = (obj, empty) => ids.map((id) => obj?.[id] ?? Array(indicators[id].periods.length).fill(empty));
  const of = (p) => ({
    values: byId(values.get(p), null),
    ...(suppressed.has(p) ? { suppressed: byId(suppressed.get(p), null) } : {}),
  });
  const authorities = {};
  const codes = [...neighbours.keys()].sort();
  for (const code of codes) {
    const ns = neighbours.get(code);
    const sn = {};
    const snCount = {};
    for (const id of Object.keys(indicators)) {
      const n = indicators[id].periods.length;
      sn[id] = Array(n).fill(null);
      snCount[id] = Array(n).fill(0);
      for (let i = 0; i < n; i++) {
        const got = ns.map((c) => values.get(`L:${c}`)?.[id]?.[i]).filter((x) => x != null);
        snCount[id][i] = got.length;
        if (got.length) sn[id][i] = round(got.reduce((a, b) => a + b, 0) / got.length);
      }
    }
    const short = ids.some((id) => snCount[id].some((n) => n < ns.length));
    // London's boroughs are in Inner or Outer London in DfE's rows: their region is London (as in
    // the record), with the sub-region kept beside it.
    const region = regionOf.get(code) ?? null;
    const london = /^(Inner|Outer) London$/.test(region ?? "");
    authorities[code] = {
      name: names.get(code) ?? null,
      region: london ? "London" : region,
      ...(london ? { subregion: region } : {}),
      neighbours: ns,
      ...of(`L:${code}`),
      neighboursAverage: byId(sn, null),
      // How many neighbours had a figure, only where fewer than all did.
      ...(short ? { neighboursCounted: byId(snCount, 0) } : {}),
    };
    if (!names.has(code)) problems.push(`${code}: in the neighbours model but in no release`);
  }
  const regions = {};
  for (const name of [...new Set([...regionOf.values(), "London"])].sort()) regions[name] = of(`R:${name}`);
  return {
    figures: {
      format: FORMAT,
      version: 1,
      attribution: ATTRIBUTION,
      notHeld: NOT_HELD,
      ids,
      indicators,
      england: of("E"),
      regions,
      authorities,
    },
    problems,
  };
}

/** The figures as the committed file's text (stable: keys in the order built, one authority a line). */
export function figuresText(figures) {
  const { authorities, ...rest } = figures;
  const head = JSON.stringify(rest);
  const lines = Object.entries(authorities).map(([code, a]) => `${JSON.stringify(code)}:${JSON.stringify(a)}`);
  return `${head.slice(0, -1)},"authorities":{\n${lines.join(",\n")}\n}}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const folder = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? SHARED;
  if (!folder) {
    console.error("no ../shared/data/dfe beside the repository: give the folder as an argument");
    process.exit(1);
  }
  const { figures, problems } = await buildFigures(folder);
  if (problems.length) {
    console.error(`the DfE figures do not build:\n${problems.join("\n")}`);
    process.exit(1);
  }
  const text = figuresText(figures);
  if (process.argv.includes("--check")) {
    if ((await readFile(OUT, "utf8").catch(() => "")) !== text) {
      console.error(`${OUT} is not current: run node scripts/figures-data.mjs`);
      process.exit(1);
    }
    console.log("published-figures.json is current");
  } else {
    await writeFile(OUT, text);
    console.log(`wrote ${OUT}: ${Object.keys(figures.authorities).length} authorities, ${text.length} bytes`);
  }
}
