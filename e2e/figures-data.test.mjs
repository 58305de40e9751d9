// The published figures (scripts/figures-data.mjs → data/dfe/published-figures.json) under Node,
// with no browser: the committed file is what the script makes from ../shared/data/dfe/, every
// authority of the record has its figures by DfE code, England's figures are those indicators.toml
// gives, suppressed cells stay suppressed (never zero), and the neighbours' average is the mean of
// the ten neighbours' published values.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { OUT, SHARED, SPECS, buildFigures, figuresText } from "../scripts/figures-data.mjs";
import { buildRecordData } from "../scripts/record-data.mjs";
import { readCsvObjects } from "../www/domain/csv.mjs";
import { currentAuthorities } from "../www/domain/record.mjs";
import { ROOT } from "./harness.mjs";

const committed = JSON.parse(await readFile(OUT, "utf8"));
const at = (f, id) => f.values[committed.ids.indexOf(id)];

test("the committed file is what the script makes from ../shared/data/dfe", {
  skip: !SHARED && "no ../shared",
}, async () => {
  const { figures, problems } = await buildFigures();
  assert.deepEqual(problems, []);
  assert.equal(await readFile(OUT, "utf8"), figuresText(figures));
});

test("every one of the record's 153 authorities has its figures, joined by DfE code", async () => {
  const { record } = await buildRecordData();
  const current = currentAuthorities(record);
  assert.equal(current.length, 153);
  for (const a of current) {
    const f = committed.authorities[a.code];
    assert.ok(f, `${a.name} (${a.code}) has figures`);
    assert.equal(f.values.length, committed.ids.length);
    assert.equal(f.neighbours.length, 10, a.name);
  }
  assert.equal(Object.keys(committed.authorities).length, 153);
  assert.match(committed.attribution, /Open Government Licence v3\.0 \(Department for Education/);
  assert.deepEqual(committed.notHeld, ["assessments_45_days"]);
});

test("England's latest figures are those indicators.toml holds", async () => {
  const toml = await readFile(join(ROOT, "crate", "data", "frameworks", "shared", "indicators.toml"), "utf8");
  const national = {};
  for (const block of toml.split("[[indicator]]").slice(1)) {
    const id = /^id = "(\w+)"/m.exec(block)[1];
    national[id] = +/national = \{ value = ([\d.]+)/.exec(block)[1];
  }
  for (const id of committed.ids) {
    const series = at(committed.england, id);
    const latest = series[series.length - 1];
    // Counts turned into rates here (children in need, plans) may differ by rounding only.
    assert.ok(Math.abs(latest - national[id]) <= 0.35, `${id}: ${latest} vs ${national[id]}`);
  }
  for (const id of [...committed.ids, ...committed.notHeld]) assert.ok(id in national, id);
});

test("suppressed cells stay suppressed: null with their symbol, never zero", () => {
  let count = 0;
  for (const [code, a] of Object.entries(committed.authorities)) {
    for (const [i, row] of (a.suppressed ?? []).entries())
      for (const [y, sym] of row.entries()) {
        if (!sym) continue;
        count++;
        assert.equal(a.values[i][y], null, `${code} ${committed.ids[i]}`);
        assert.match(sym, /^(c|x|z|k|u|low)$/);
      }
  }
  assert.ok(count > 50, `${count} suppressed cells`);
});

test("figures match the DfE rows read independently; the neighbours' average is the mean of the ten", {
  skip: !SHARED && "no ../shared",
}, async () => {
  const c1 = readCsvObjects(
    await readFile(join(SHARED, "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"), "utf8"),
  );
  const rereferral = (code, year) =>
    c1.find((r) => r.old_la_code === code && r.time_period === year)?.rereferral_percent;
  const nottingham = committed.authorities["892"];
  const i = committed.ids.indexOf("re_referrals");
  assert.deepEqual(committed.indicators.re_referrals.periods, [
    "year to 31 March 2023",
    "year to 31 March 2024",
    "year to 31 March 2025",
  ]);
  assert.deepEqual(
    nottingham.values[i],
    ["2023", "2024", "2025"].map((y) => +rereferral("892", y)),
  );
  const ns = nottingham.neighbours.map((c) => +rereferral(c, "2025"));
  const mean = Math.round((ns.reduce((a, b) => a + b, 0) / ns.length) * 10) / 10;
  assert.equal(nottingham.neighboursAverage[i][2], mean);
  assert.equal(nottingham.region, "East Midlands");
  assert.equal(committed.authorities["202"].region, "London");
  assert.equal(committed.authorities["202"].subregion, "Inner London");
  assert.ok(SPECS.every((s) => committed.ids.includes(s.id)));
});

test("docs/public-picture.md (how often each flag fires on the published figures) is current", async () => {
  const { DOC, flagCounts, flagDoc, readIndicators, rulesFromRepo } = await import("../scripts/flag-counts.mjs");
  const toml = await readFile(join(ROOT, "crate", "data", "frameworks", "shared", "indicators.toml"), "utf8");
  const indicators = readIndicators(toml);
  const rules = await rulesFromRepo();
  assert.equal(await readFile(DOC, "utf8"), flagDoc(committed, indicators, rules));
  const { rows, workforce } = flagCounts(committed, indicators, rules);
  assert.equal(rows.length, committed.ids.length);
  // The rules are read from the data, naming only comparators the core knows.
  const known = ["england", "neighbours", "region"];
  for (const list of [rules.compareWith, rules.challenge.compareWith]) {
    assert.ok(list.includes("england") && list.every((c) => known.includes(c)), String(list));
  }
  assert.deepEqual(rules.challenge.indicators, ["sw_turnover", "agency_rate", "vacancy_rate", "average_caseload"]);
  // England alone made the workforce challenge fire for most authorities (issue 27); the rule in the
  // data must not: a challenge that fires for most authorities is noise.
  assert.ok(workforce.before / workforce.n > 0.6);
  assert.ok(workforce.now / workforce.n < 0.5, `${workforce.now} of ${workforce.n}`);
  // Neither must any risk-factor flag.
  for (const { ind, count } of rows) if (ind.riskFactor) assert.ok(count.flagNow / count.n < 0.5, ind.id);
});
