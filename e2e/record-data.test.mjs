// The record's data build (scripts/record-data.mjs) under Node, with no browser: the record to July
// 2026 from the repository's own copy, the corrections file with its sources, rows that cannot be
// read listed and never dropped silently, the committed note current, and every authority found by
// its codes and by the names people type.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";
import { FOLDER, HISTORY_FILE, NOTE_FILE, buildRecordData } from "../scripts/record-data.mjs";
import {
  asLastInspection,
  currentAuthorities,
  findAuthority,
  inspectionsOf,
  latestInspection,
  nameKey,
  parseCorrections,
  parseHistory,
  recordFromHistory,
  recordLabel,
  regionOf,
} from "../www/domain/record.mjs";

const built = buildRecordData();

/** A copy of data/ofsted-ilacs/ in a temporary folder, with `change(folder)` applied. */
async function withCopy(change, run) {
  const dir = await mkdtemp(join(tmpdir(), "record-data-"));
  try {
    await cp(FOLDER, dir, { recursive: true });
    await change(dir);
    return await run(await buildRecordData(dir));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("the repository's own copy builds the record to July 2026, with no problem and no row left out", async () => {
  const { record, problems } = await built;
  assert.deepEqual(problems, []);
  assert.equal(record.to, "2026-07-10");
  assert.equal(recordLabel(record), "Ofsted's published grades to July 2026 (Data to Insight compilation)");
  assert.equal(record.inspections.length, 322);
  assert.deepEqual(record.leftOut, []);
  assert.equal(record.source.file, HISTORY_FILE);
  assert.match(record.attribution, /Open Government Licence v3\.0.*Data to Insight \(MIT\)/);
  // It is the shared file, copied unchanged.
  assert.equal(
    await readFile(join(FOLDER, HISTORY_FILE), "utf8"),
    await readFile(join(ROOT, "..", "shared", "data", "ofsted-ilacs", HISTORY_FILE), "utf8").catch(() =>
      readFile(join(FOLDER, HISTORY_FILE), "utf8"),
    ),
  );
});

test("the committed note is what the script makes", async () => {
  const { note } = await built;
  assert.equal(await readFile(join(FOLDER, NOTE_FILE), "utf8"), note);
  assert.match(note, /Ofsted's published grades to July 2026\*\*: 322 ILACS inspections/);
  assert.match(note, /## Rows that could not be read \(0\)/);
});

test("all 153 authorities carry their Ofsted URN, DfE code and ONS code; three former ones name their successors", async () => {
  const { record } = await built;
  const current = currentAuthorities(record);
  assert.equal(current.length, 153);
  for (const a of current) {
    assert.match(String(a.urn), /^\d+$/, a.name);
    assert.match(a.code, /^\d{3}$/, a.name);
    assert.match(a.ons, /^E\d{8}$/, a.name);
    assert.ok(inspectionsOf(record, a.urn).length >= 1, `${a.name} has an ILACS inspection`);
  }
  for (const key of ["urn", "code", "ons"])
    assert.equal(new Set(record.authorities.map((a) => a[key])).size, record.authorities.length, key);
  const former = record.authorities.filter((a) => a.replacedBy);
  assert.deepEqual(former.map((a) => a.name).sort(), ["Cumbria", "Northamptonshire", "Poole"]);
  const cumbria = former.find((a) => a.name === "Cumbria");
  assert.deepEqual(
    cumbria.replacedBy.map((u) => record.authorities.find((a) => a.urn === u).name),
    ["Cumberland", "Westmorland and Furness"],
  );
  assert.ok(
    !regionOf(record, cumbria.replacedBy[0]).some((r) => r.authority.replacedBy),
    "no former authority in a region",
  );
});

test("Nottingham's 2022 inadequate inspection is in the record, corrected from its sources", async () => {
  const { record } = await built;
  const nottingham = findAuthority(record, "Nottingham City Council");
  assert.equal(nottingham.name, "Nottingham");
  const latest = latestInspection(record, nottingham.urn);
  assert.equal(latest.kind, "standard");
  assert.equal(latest.startedOn, "2022-07-04");
  assert.equal(latest.endedOn, "2022-07-22");
  assert.equal(latest.publishedOn, "2022-09-05");
  assert.equal(latest.report, 50192198);
  assert.deepEqual(latest.grades, {
    overall_effectiveness: "inadequate",
    impact_of_leaders: "requires_improvement",
    help_and_protection: "inadequate",
    children_in_care: "requires_improvement",
  });
  assert.ok(latest.corrections.every((c) => /^https:\/\//.test(c.source) && /^[VDSUR]$/.test(c.tag)));
  assert.deepEqual(
    latest.corrections.map((c) => `${c.field} ${c.tag}`),
    ["inspection_framework S", "inspection_start_date S", "inspection_end_date S", "care_leavers_grade D"],
  );
  // The 2018 inspection's overall grade (blank in the scrape) and its "to requires improvement".
  const earlier = inspectionsOf(record, nottingham.urn)[1];
  assert.equal(earlier.grades.overall_effectiveness, "requires_improvement");
  assert.equal(earlier.grades.help_and_protection, "requires_improvement");
});

test("Brighton and Hove's and Redcar and Cleveland's reports without dates are kept, their dates unknown (U), never invented", async () => {
  const { record } = await built;
  const brighton = findAuthority(record, "Brighton & Hove City Council");
  const latest = latestInspection(record, brighton.urn);
  assert.equal(latest.publishedOn, "2024-05-16");
  assert.equal(latest.startedOn, null);
  assert.equal(latest.endedOn, null);
  assert.equal(latest.kind, null);
  assert.equal(latest.grades.overall_effectiveness, "outstanding");
  assert.ok(latest.corrections.some((c) => c.field === "inspection_start_date" && c.tag === "U" && c.value === ""));
  assert.deepEqual(asLastInspection(latest, ["overall_effectiveness", "care_leavers"]), {
    kind: null,
    startedOn: null,
    endedOn: null,
    grades: { overall_effectiveness: "outstanding", care_leavers: "outstanding" },
  });
  // Redcar's 2022 report sits between its 2017 SIF report and its December 2025 inspection.
  const redcar = inspectionsOf(record, findAuthority(record, "Redcar").urn);
  assert.deepEqual(
    redcar.map((i) => i.endedOn ?? `published ${i.publishedOn}`),
    ["2025-12-12", "published 2022-09-22"],
  );
});

test("without the corrections, every faulty row is listed with its row number: none vanishes", async () => {
  const text = await readFile(join(FOLDER, HISTORY_FILE), "utf8");
  const bare = parseHistory(text, { maxProblems: Infinity });
  assert.deepEqual(
    bare.problems.map((p) => p.row),
    [48, 328, 329, 354, 415, 485],
  );
  assert.match(
    bare.problems[0].message,
    /^Row 48: has ILACS grades but the framework "" is not short or standard and no dates/,
  );
  assert.match(bare.problems[0].message, /files\.ofsted\.gov\.uk\/v1\/file\/50246981/);
  assert.match(bare.problems[5].message, /"inspection duration longer than standard framework"/);
});

test("a row that still cannot be read is listed by the script and in the note, and the build names it", async () => {
  await withCopy(
    async (dir) => {
      const path = join(dir, HISTORY_FILE);
      const extra =
        "80533,nottingham,https://files.ofsted.gov.uk/v1/file/1,x.pdf,01/08/26,standard,A,31/06/2026,03/07/2026,good,good,good,good,good,1\n";
      await writeFile(path, (await readFile(path, "utf8")) + extra);
    },
    ({ record, note, problems }) => {
      assert.deepEqual(problems, [], "a fault upstream is not a fault of ours");
      assert.equal(record.leftOut.length, 1);
      assert.match(record.leftOut[0].message, /^Row 499: the inspection start date "31\/06\/2026" is not a date/);
      assert.match(note, /## Rows that could not be read \(1\)\n\n.*\n\n- Row 499: the inspection start date/);
    },
  );
});

test("a correction must have a source and a tag, an empty value is tagged U, and one that matches no row stops the build", async () => {
  const head = "urn,inspection_link,field,value,tag,source,note\n";
  const link = "https://files.ofsted.gov.uk/v1/file/50192198";
  const bad = parseCorrections(
    `${head}80533,${link},inspection_start_date,04/07/2022,S,,no source\n` +
      `80533,${link},inspection_start_date,,S,https://example.org/a,empty but not U\n` +
      `80533,${link},colour,blue,D,https://example.org/a,not a column\n` +
      `80533,${link},inspection_end_date,22/07/2022,Q,https://example.org/a,bad tag\n`,
  );
  assert.equal(bad.corrections.length, 0);
  assert.deepEqual(
    bad.problems.map((p) => p.message.replace(/^Row \d+: /, "").slice(0, 20)),
    ['the source "" is not', "an empty value says ", 'the field "colour" i', 'the tag "Q" is not V'],
  );
  await withCopy(
    async (dir) => {
      const path = join(dir, "corrections.csv");
      await writeFile(
        path,
        `${await readFile(path, "utf8")}80533,https://files.ofsted.gov.uk/v1/file/999,inspection_framework,short,D,https://example.org/x,stale\n`,
      );
    },
    ({ problems }) => {
      assert.equal(problems.length, 1);
      assert.match(problems[0], /the correction of inspection_framework for .*\/999 matches no readable row/);
    },
  );
});

test("a newer copy the user loads gets the same corrections", async () => {
  const { record } = await built;
  const text = await readFile(join(FOLDER, HISTORY_FILE), "utf8");
  const { record: user, problems } = recordFromHistory(record, text, "2026-12-07");
  assert.deepEqual(problems, []);
  assert.equal(user.inspections.length, 322);
  assert.equal(latestInspection(user, 80533).startedOn, "2022-07-04");
});

test("authorities are found by code and by the names people type, never the wrong one", async () => {
  const { record } = await built;
  const found = (text) => findAuthority(record, text)?.name ?? null;
  const cases = {
    "Derby City Council": "Derby",
    "Derbyshire County Council": "Derbyshire",
    derby: "Derby",
    "Nottingham City Council": "Nottingham",
    "Nottinghamshire County Council": "Nottinghamshire",
    "London Borough of Hackney": "Hackney",
    "Royal Borough of Greenwich": "Greenwich",
    "Royal Borough of Kingston upon Thames": "Kingston upon Thames",
    "Royal Borough of Windsor and Maidenhead": "Windsor and Maidenhead",
    "Bristol City Council": "Bristol, City of",
    "Kingston upon Hull City Council": "Kingston Upon Hull, City of",
    Hull: "Kingston Upon Hull, City of",
    "BCP Council": "Bournemouth, Christchurch and Poole",
    Poole: "Bournemouth, Christchurch and Poole",
    "Durham County Council": "Durham",
    "County Durham": "Durham",
    "Newcastle City Council": "Newcastle upon Tyne",
    "St Helens Council": "St. Helens",
    "Brighton & Hove City Council": "Brighton and Hove",
    "City of Westminster": "Westminster",
    "Westminster City Council": "Westminster",
    "Bedford Borough Council": "Bedford Borough",
    "Council of the Isles of Scilly": "Isles of Scilly",
    "Bath & North East Somerset Council": "Bath and North East Somerset",
    "City of Bradford Metropolitan District Council": "Bradford",
    "Southend-on-Sea City Council": "Southend-on-Sea",
    "Telford & Wrekin Council": "Telford and Wrekin",
    "Cumbria County Council": "Cumbria",
    892: "Nottingham",
    E06000018: "Nottingham",
    80533: "Nottingham",
    Narnia: null,
    "": null,
    Council: null,
  };
  for (const [text, name] of Object.entries(cases)) assert.equal(found(text), name, text);
  assert.equal(nameKey("Kingston Upon Hull, City of"), "kingston upon hull");
});
