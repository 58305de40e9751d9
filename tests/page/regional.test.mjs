// The regional picture's join and ranking (www/domain/regional.mjs, www/domain/region-figures.mjs)
// on the record as shipped (data/ofsted-ilacs/, built as scripts/record-data.mjs builds it) and the
// published figures (data/dfe/published-figures.json): a pack is its authority by its codes, else by
// its name through the record's aliases; two different authorities are never merged; a pack whose
// codes and name disagree is shown as named and joined to neither.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildRecordData } from "../../scripts/record-data.mjs";
import {
  addressedToReader,
  joinedBy,
  onePerAuthority,
  packComments,
  packsRegion,
  rankedPriorities,
  resolvePack,
} from "../../www/domain/regional.mjs";
import {
  compareWith,
  figureText,
  publishedAssessment,
  publishedComparators,
  regionRows,
  unitWords,
  worseThanEngland,
} from "../../www/domain/region-figures.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const { record } = await buildRecordData();
const figures = JSON.parse(await readFile(join(root, "data/dfe/published-figures.json"), "utf8"));

const DORSET = 2532283;
const ST_HELENS = 80560;

/** A pack as readPack gives it: `codes` go into the self-evaluation's authorityCodes. */
function pack(
  name,
  { urn = null, codes, preparedOn = "2026-12-01", preparedFor = "Regional lead", answers = {} } = {},
) {
  return {
    format: "stocktake-peer-pack",
    version: 1,
    id: `${name}-${preparedOn}`,
    preparedBy: name,
    preparedFor,
    preparedOn,
    urn,
    assessment: {
      format: "stocktake-assessment",
      version: 1,
      framework: "ilacs-2026-04",
      authority: name,
      answers: Object.fromEntries(Object.entries(answers).map(([id, level]) => [id, { level, evidence: [] }])),
      indicators: {},
      ...(codes ? { authorityCodes: codes } : {}),
    },
  };
}

const entry = (file, p) => ({ file, pack: p });

test("a pack with codes and one without, from the same authority, are one authority; names find the record", () => {
  const { kept, duplicates } = onePerAuthority(
    [
      entry("dorset-urn.json", pack("Dorset", { urn: DORSET, preparedOn: "2026-11-01" })),
      entry("dorset-name.json", pack("Dorset")),
      entry("st-helens.json", pack("St Helens")),
    ],
    record,
  );
  assert.deepEqual(
    kept.map((e) => [e.file, e.who.authority?.urn, e.who.by]),
    [
      ["dorset-name.json", DORSET, "name"],
      ["st-helens.json", ST_HELENS, "name"],
    ],
  );
  assert.deepEqual(duplicates, [{ file: "dorset-urn.json", authority: "Dorset", keptFile: "dorset-name.json" }]);
  // Without the record (it did not load) the two Dorset packs cannot be joined: nothing is guessed.
  assert.equal(
    onePerAuthority([entry("a", pack("Dorset", { urn: DORSET })), entry("b", pack("Dorset"))]).kept.length,
    2,
  );
});

test("formal names and aliases find the authority, and Derby is never Derbyshire", () => {
  const urnOf = (name) => resolvePack(record, pack(name)).authority?.name ?? null;
  assert.equal(urnOf("Derby City Council"), "Derby");
  assert.equal(urnOf("Derbyshire County Council"), "Derbyshire");
  assert.equal(urnOf("City of Bristol"), "Bristol, City of");
  assert.equal(urnOf("Bristol City Council"), "Bristol, City of");
  assert.equal(urnOf("County Durham"), "Durham");
  assert.equal(urnOf("Durham County Council"), "Durham");
  assert.equal(urnOf("St. Helens Borough Council"), "St. Helens");
  assert.equal(urnOf("Newcastle"), "Newcastle upon Tyne");
  assert.equal(urnOf("Poole"), "Bournemouth, Christchurch and Poole");
  assert.equal(urnOf("Sunny Hill Children's Services"), null);
  // Derby and Derbyshire are two authorities: never merged.
  const { kept } = onePerAuthority(
    [entry("a", pack("Derby City Council")), entry("b", pack("Derbyshire")), entry("c", pack("Derby"))],
    record,
  );
  assert.deepEqual(
    kept.map((e) => e.who.authority.name),
    ["Derby", "Derbyshire"],
  );
});

test("any one code is enough, and codes win over a name the record does not know", () => {
  for (const codes of [
    { urn: DORSET },
    { la: "838" },
    { ons: "E06000059" },
    { urn: DORSET, la: "838", ons: "E06000059" },
  ]) {
    const who = resolvePack(record, pack("Dorset Council Children's Services", { codes }));
    assert.equal(who.authority?.urn, DORSET, JSON.stringify(codes));
    assert.equal(who.by, "codes");
  }
  // A code the record does not hold is said, and the name still finds the authority.
  const who = resolvePack(record, pack("Dorset", { codes: { urn: 999999999 } }));
  assert.equal(who.authority?.urn, DORSET);
  assert.deepEqual(who.unknownCodes, ["URN 999999999"]);
  assert.match(packComments({ pack: pack("Dorset"), who }, "").join(" "), /no authority with its URN 999999999/);
});

test("a pack whose codes and name disagree is shown as named and joined to neither authority", () => {
  const odd = pack("Barnet", { codes: { urn: DORSET, la: "838" } });
  const who = resolvePack(record, odd);
  assert.equal(who.authority, null);
  assert.equal(who.conflict.codes[0].name, "Dorset");
  assert.equal(who.conflict.named.name, "Barnet");
  const { kept } = onePerAuthority(
    [
      entry("dorset.json", pack("Dorset", { urn: DORSET })),
      entry("odd.json", odd),
      entry("barnet.json", pack("Barnet")),
    ],
    record,
  );
  assert.deepEqual(
    kept.map((e) => [e.file, e.pack.preparedBy, joinedBy(e)]),
    [
      ["dorset.json", "Dorset", "Dorset, by its codes"],
      ["odd.json", "Barnet", "Not joined: codes and name disagree"],
      ["barnet.json", "Barnet", "Barnet, by its name (no codes)"],
    ],
  );
  assert.match(
    packComments(kept[1], "").join(" "),
    /^Its codes are those of Dorset \(URN 2532283\) but it is named Barnet: it is shown as named and joined to neither authority/,
  );
  assert.match(
    packComments(
      {
        pack: pack("Newcastle"),
        who: resolvePack(record, { ...pack("Newcastle"), urn: DORSET }),
      },
      "",
    ).join(" "),
    /but it is named Newcastle \(Newcastle upon Tyne in the record\)/,
  );
  // Codes that name two authorities between them.
  const two = resolvePack(record, pack("Somewhere", { codes: { urn: DORSET, la: "342" } }));
  assert.deepEqual(
    two.conflict.codes.map((a) => a.name),
    ["Dorset", "St. Helens"],
  );
});

test("a pack prepared for someone other than the reader is said, not counted silently", () => {
  assert.equal(addressedToReader("Sam Peer, DCS Wiltshire", "sam peer"), true);
  assert.equal(addressedToReader("Regional lead", "Regional Lead"), true);
  assert.equal(addressedToReader("Regional lead", "Pat Lead"), false);
  assert.equal(addressedToReader("Regional lead", "  "), null);
  const e = {
    pack: pack("Dorset", { preparedFor: "Sam Peer, DCS Wiltshire" }),
    who: resolvePack(record, pack("Dorset")),
  };
  assert.deepEqual(packComments(e, ""), []);
  assert.deepEqual(packComments(e, "Pat Lead"), [
    "It was prepared for Sam Peer, DCS Wiltshire, not for you (Pat Lead): it is counted, but check it was meant to reach you.",
  ]);
  assert.deepEqual(packComments(e, "Sam Peer"), []);
});

test("the region is the one most joined packs come from", () => {
  const { kept } = onePerAuthority(
    [entry("a", pack("Barnet")), entry("b", pack("Dorset")), entry("c", pack("Bristol")), entry("d", pack("Nowhere"))],
    record,
  );
  assert.equal(packsRegion(kept), "South West");
  assert.equal(packsRegion(kept.slice(0, 2)), "London", "on a tie, the first loaded's");
  assert.equal(packsRegion(kept.slice(3)), null);
});

test("every authority of the region, with its pack, last inspection and published figures", () => {
  const { kept } = onePerAuthority([entry("dorset.json", pack("Dorset", { urn: DORSET }))], record);
  const inds = [
    {
      id: "sw_turnover",
      name: "Social worker turnover (FTE)",
      unit: "percent",
      direction: "lower_is_better",
      similarWithin: 1,
      min: 0,
      max: 100,
    },
    {
      id: "cla_rate",
      name: "Children looked after per 10,000 children",
      unit: "number",
      direction: "neither",
      similarWithin: 5,
      min: 0,
      max: 2000,
    },
  ];
  const asked = [];
  const core = (a) => {
    asked.push(a.name);
    return [{ id: "sw_turnover", comparison: "worse", flagged: true }];
  };
  const rows = regionRows(record, figures, "South West", kept, inds, core);
  const sw = record.authorities.filter((a) => a.region === "South West" && !a.replacedBy);
  assert.equal(rows.length, sw.length);
  assert.ok(rows.length >= 14);
  const dorset = rows.find((r) => r.authority.urn === DORSET);
  assert.equal(dorset.entry.file, "dorset.json");
  assert.equal(rows.filter((r) => r.entry).length, 1, "only Dorset sent a pack");
  assert.equal(dorset.last.endedOn, "2025-03-21");
  const f = figures.authorities["838"];
  const i = figures.ids.indexOf("sw_turnover");
  assert.equal(dorset.figures.sw_turnover.value, f.values[i].at(-1));
  assert.equal(dorset.figures.sw_turnover.neighbours, f.neighboursAverage[i].at(-1));
  assert.deepEqual(dorset.figures.sw_turnover.england, { comparison: "worse", flagged: true });
  assert.deepEqual(worseThanEngland(dorset), ["sw_turnover"]);
  assert.ok(asked.includes("Dorset"));
  assert.equal(unitWords(inds[0]), "%");
  assert.equal(unitWords(inds[1]), "per 10,000 children");
  assert.equal(unitWords({ unit: "number", name: "Average social worker caseload" }), "number");
  assert.equal(figureText(null, "percent", "c"), "Suppressed (c)");
  assert.equal(figureText(null, "percent"), "Not published");
  assert.equal(figureText(12.5, "percent"), "12.5%");
  // The tolerance: within it similar; beyond it worse or better by the indicator's direction.
  assert.equal(compareWith(inds[0], 14, 13), "similar");
  assert.equal(compareWith(inds[0], 14.5, 13), "worse");
  assert.equal(compareWith(inds[0], 11, 13), "better");
  assert.equal(compareWith(inds[1], 90, 70), "higher");
  assert.equal(compareWith(inds[0], null, 13), null);
  // The self-evaluation the core flags: only the published figures, none invented for suppressed ones.
  const a = publishedAssessment(
    "ilacs-2026-04",
    record.authorities.find((x) => x.urn === DORSET),
    figures,
    inds,
  );
  assert.deepEqual(Object.keys(a.answers), []);
  assert.equal(a.indicators.sw_turnover, f.values[i].at(-1));
  // With each figure its comparators, as the indicators page fills them, for the core's flags.
  assert.deepEqual(a.indicatorComparators.sw_turnover, {
    neighbours: f.neighboursAverage[i].at(-1),
    region: figures.regions[f.region].values[i].at(-1),
    period: figures.indicators.sw_turnover.periods.at(-1),
  });
  assert.deepEqual(a.indicatorComparators.sw_turnover, publishedComparators(figures, "838", inds[0]));
  assert.equal(publishedComparators(figures, "000", inds[0]), null, "no authority: none");
  assert.equal(
    publishedComparators(figures, "838", { ...inds[0], max: 1 }),
    null,
    "comparators outside the indicator's range are left out",
  );
  assert.equal(publishedAssessment("ilacs-2026-04", { code: "000", name: "x" }, figures, inds), null);
});

test("candidate priorities are ranked: more authorities, inadequate over requires improvement, and figures that agree", () => {
  const areas = [
    {
      id: "help_and_protection",
      name: "Help and protection",
      statements: [
        { id: "s1", text: "One" },
        { id: "s2", text: "Two" },
        { id: "s3", text: "Three" },
      ],
    },
    { id: "leadership", name: "Leadership", statements: [{ id: "s4", text: "Four" }] },
  ];
  const { kept } = onePerAuthority(
    [
      entry(
        "a",
        pack("Dorset", {
          answers: {
            s1: "requires_improvement",
            s2: "inadequate",
            s3: "requires_improvement",
            s4: "requires_improvement",
          },
        }),
      ),
      entry(
        "b",
        pack("Barnet", {
          answers: { s1: "requires_improvement", s2: "inadequate", s3: "good", s4: "requires_improvement" },
        }),
      ),
      entry(
        "c",
        pack("Nowhere", {
          answers: { s1: "requires_improvement", s2: "good", s3: "requires_improvement", s4: "good" },
        }),
      ),
    ],
    record,
  );
  // Dorset's published figures are worse than England on turnover; Barnet's on nothing; Nowhere has none.
  const worse = (e) => ({ Dorset: ["sw_turnover"], Barnet: [] })[e.pack.preparedBy] ?? null;
  const names = (id) => ({ sw_turnover: "Social worker turnover (FTE)" })[id] ?? id;
  const ranked = rankedPriorities(kept, areas, worse, names);
  assert.deepEqual(
    ranked.map((r) => [r.id, r.points]),
    [
      ["s2", 4],
      ["s1", 3],
      ["s4", 3],
      ["s3", 2],
    ],
  );
  // Three authorities at requires improvement (3) tie with two where the figures agree for one
  // (2 + 1): on a tie in points, more authorities first.
  assert.equal(
    ranked[2].reason,
    "2 authorities: 2 requires improvement (Dorset, Barnet); the published figures bear it out for Dorset (Social worker turnover (FTE) worse than England).",
  );
  assert.equal(
    ranked[0].reason,
    "2 authorities: 2 inadequate (Dorset, Barnet); the published figures do not bear it out for any of the 2 authorities with figures.",
  );
  assert.equal(
    ranked[3].reason,
    "2 authorities: 2 requires improvement (Dorset, Nowhere); the published figures do not bear it out for the one authority with figures.",
  );
  assert.deepEqual(ranked[3].noFigures, ["Nowhere"]);
  // A statement only one authority finds hard is not a regional priority at all.
  assert.ok(!ranked.some((r) => r.id === "s5"));
});
