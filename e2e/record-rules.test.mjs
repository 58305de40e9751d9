// The public record's reader (www/domain/record.mjs) under Node, on the shipped files and on made-up
// ones: CSV quoting, dd/mm/yyyy dates, the sentinels, row numbers in messages, the neighbour
// look-up and what fills the history fields.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";
import {
  asLastInspection,
  inspectionsOf,
  latestInspection,
  makeRecord,
  neighboursOf,
  parseAliases,
  parseCorrections,
  parseHistory,
  parseLookup,
  recordFromHistory,
  recordLabel,
  regionOf,
  ukDate,
} from "../www/domain/record.mjs";

const DATA = join(ROOT, "data", "ofsted-ilacs");
const HEADER =
  "urn,local_authority,inspection_link,pdf_filename,publication_date,inspection_framework,inspector_name,inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade,parser_version";

async function shipped() {
  const { corrections } = parseCorrections(await readFile(join(DATA, "corrections.csv"), "utf8"));
  const { aliases } = parseAliases(await readFile(join(DATA, "aliases.csv"), "utf8"));
  const history = parseHistory(await readFile(join(DATA, "ofsted_csc_ilacs_history_to_2026-07.csv"), "utf8"), {
    corrections,
  });
  const lookup = parseLookup(await readFile(join(DATA, "la_lookup.csv"), "utf8"), aliases);
  return {
    history,
    lookup,
    record: makeRecord(lookup.authorities, history.inspections, { kind: "shipped" }, [], corrections),
  };
}

test("dates are real dd/mm/yyyy dates", () => {
  assert.equal(ukDate("17/03/2025"), "2025-03-17");
  assert.equal(ukDate("1/3/2025"), "2025-03-01");
  assert.equal(ukDate("29/02/2024"), "2024-02-29");
  for (const bad of ["29/02/2025", "31/04/2025", "2025-03-17", "17/03/25", "", "00/01/2025"])
    assert.equal(ukDate(bad), null, bad);
});

test("the shipped history reads with its corrections: 322 ILACS inspections, no row left out", async () => {
  const { history, lookup } = await shipped();
  assert.equal(history.inspections.length, 322);
  assert.equal(history.corrected, 6);
  assert.deepEqual(history.problems, []);
  assert.equal(lookup.problems.length, 0);
  assert.equal(lookup.authorities.length, 156);
  const known = new Set(lookup.authorities.map((a) => a.urn));
  assert.ok(history.inspections.every((i) => known.has(i.urn)));
});

test("sentinels give no grade; care leavers before 2023 is not a separate judgement", async () => {
  const { record } = await shipped();
  const dorset = inspectionsOf(record, 2532283);
  assert.equal(dorset[0].endedOn, "2025-03-21", "latest first");
  assert.equal(dorset[1].grades.care_leavers, undefined, "inspection_pre_dates_judgement");
  assert.equal(dorset[1].grades.overall_effectiveness, "good");
  // Filling under the 2018 framework keeps only its four judgements.
  assert.deepEqual(
    asLastInspection(dorset[0], [
      "overall_effectiveness",
      "impact_of_leaders",
      "help_and_protection",
      "children_in_care",
    ]).grades,
    {
      overall_effectiveness: "outstanding",
      impact_of_leaders: "outstanding",
      help_and_protection: "outstanding",
      children_in_care: "outstanding",
    },
  );
});

test("neighbours are the lookup's ten, by old LA code; the region excludes the authority itself", async () => {
  const { record } = await shipped();
  const barnet = record.authorities.find((a) => a.name === "Barnet");
  const n = neighboursOf(record, barnet.urn);
  assert.equal(n.length, 10);
  // "320, 870, 310, …": 320 is Waltham Forest, 870 Reading.
  assert.equal(n[0].authority.name, "Waltham Forest");
  assert.equal(n[1].authority.name, "Reading");
  for (const x of n) assert.deepEqual(x.latest, latestInspection(record, x.authority.urn));
  const region = regionOf(record, barnet.urn);
  assert.ok(
    region.length > 20 && region.every((r) => r.authority.region === "London" && r.authority.urn !== barnet.urn),
  );
  assert.equal(recordLabel(record), "Ofsted's published grades to July 2026 (Data to Insight compilation)");
});

test("a newer file's problems carry their row numbers; rows with problems are left out", async () => {
  const { record } = await shipped();
  const text = [
    HEADER,
    "2532283,dorset,x,y,01/12/25,short,A,17/11/2025,21/11/2025,good,good,requires improvement,good,inadequate,1",
    "80486,barking,x,y,01/12/25,standard,A,31/02/2025,07/03/2025,good,good,good,good,good,1",
    "80488,bexley,x,y,01/12/25,standard,A,10/03/2025,21/03/2025,grood,good,good,good,good,1",
    "80488,bexley,x,y,01/12/25,,A,,,data_unreadable,data_unreadable,data_unreadable,data_unreadable,data_unreadable,1",
    "80488,bexley,x,y",
  ].join("\n");
  const { record: newer, problems } = recordFromHistory(record, text, "2026-12-04");
  assert.deepEqual(
    problems.map((p) => p.row),
    [3, 4, 6],
  );
  assert.match(problems[0].message, /^Row 3: the inspection start date "31\/02\/2025"/);
  assert.match(problems[2].message, /^Row 6: has 4 values where the column names have 15/);
  assert.equal(newer.inspections.length, 1);
  assert.deepEqual(newer.inspections[0].grades, {
    overall_effectiveness: "good",
    impact_of_leaders: "good",
    help_and_protection: "requires_improvement",
    children_in_care: "good",
    care_leavers: "inadequate",
  });
  assert.equal(recordLabel(newer), "Your copy of the inspection record, to November 2025, loaded 4 December 2026");
  assert.equal(newer.leftOut.length, 3);
});

test("a file with the wrong columns, or no ILACS inspection, is refused", async () => {
  const { record } = await shipped();
  const wrong = recordFromHistory(record, "a,b\n1,2\n", "2026-12-04");
  assert.equal(wrong.record, null);
  assert.match(wrong.problems[0].message, /^Row 1 \(the column names\) has no urn/);
  assert.equal(recordFromHistory(record, "", "2026-12-04").problems[0].message, "The file is empty");
  const none = recordFromHistory(record, `${HEADER}\n`, "2026-12-04");
  assert.equal(none.record, null);
  assert.match(none.problems[0].message, /no inspections/);
});
