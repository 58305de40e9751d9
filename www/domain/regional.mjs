// The regional picture (issues 19, 27 and 30): what a regional lead sees from the peer challenge
// packs several authorities have shared. The rules are here as plain functions (tested under Node
// in tests/page/regional.test.mjs and e2e/peer-rules.test.mjs): which authority each pack is from
// (by its codes, else by its name through the record's aliases, never merging two authorities), one
// pack per authority (the later kept), whether a pack was addressed to the reader, candidate
// regional priorities (statements several authorities rate requires improvement or worse, by area,
// and ranked), and the workforce indicators side by side.

import { authorityOf, findAuthority, nameKey } from "./record.mjs";

/** Ratings that make a statement a candidate regional priority. */
export const WEAK = new Set(["requires_improvement", "inadequate"]);
/** "Several": at least this many authorities. */
export const MIN_AUTHORITIES = 2;
/** The workforce indicators, in the framework's order. */
export const WORKFORCE = ["sw_turnover", "agency_rate", "vacancy_rate", "average_caseload"];
/** How much a rating weighs in a priority's rank: inadequate counts twice requires improvement. */
export const WEIGHT = { inadequate: 2, requires_improvement: 1 };
/** How much a published figure that bears a rating out adds to a priority's rank (per authority). */
export const FIGURES_WEIGHT = 1;
/** How many ranked priorities the page shows. */
export const TOP = 5;

/**
 * The published indicators that bear on each self-evaluation area [R: our assumption, from what
 * each indicator measures]: a weak rating "agrees" with the figures when the authority's latest
 * published figure for one of these is worse than England, as the core compares it.
 */
export const AREA_INDICATORS = {
  help_and_protection: ["re_referrals", "repeat_cp_plans", "assessments_45_days"],
  children_in_care: ["three_plus_placements", "placements_at_distance", "cla_three_plus_social_workers"],
  permanence: ["placement_stability"],
  care_leavers: ["care_leavers_eet", "care_leavers_accommodation"],
  leadership: [...WORKFORCE, "sickness_absence"],
};

/** The name a pack gives its authority, as typed: the pack's, else its self-evaluation's. */
export function packName(pack) {
  return String(pack.preparedBy || pack.assessment?.authority || "");
}

/**
 * Which authority of the record a pack is from. Its codes decide (the pack's URN and its
 * self-evaluation's `authorityCodes`: URN, DfE code, ONS code); a pack without codes is found by its
 * name, formal words aside and through the record's aliases (`findAuthority`: "Derby City Council"
 * is Derby, "City of Bristol" Bristol). Returns `{ authority, by, conflict, unknownCodes }`:
 * `by` is "codes", "name" or null (not found); `conflict` is set, and `authority` null, when the
 * codes name two authorities, or name one while the name names another (`{ codes: [authority],
 * named: authority|null }`): such a pack is shown as it names itself, never re-labelled.
 * `unknownCodes` lists codes the record does not hold.
 */
export function resolvePack(record, pack) {
  const out = { authority: null, by: null, conflict: null, unknownCodes: [] };
  if (!record) return out;
  const codes = pack.assessment?.authorityCodes ?? {};
  const found = [];
  const add = (label, value, a) => {
    if (value == null || value === "") return;
    if (!a) out.unknownCodes.push(`${label} ${value}`);
    else if (!found.some((x) => x.urn === a.urn)) found.push(a);
  };
  const all = record.authorities;
  add("URN", pack.urn, Number.isInteger(pack.urn) ? authorityOf(record, pack.urn) : null);
  add("URN", codes.urn, authorityOf(record, codes.urn));
  add("DfE code", codes.la, all.find((a) => a.code === String(codes.la)) ?? null);
  add("ONS code", codes.ons, all.find((a) => a.ons === String(codes.ons).toUpperCase()) ?? null);
  const named = findAuthority(record, packName(pack));
  if (found.length > 1) out.conflict = { codes: found, named };
  else if (found.length === 1) {
    if (named && named.urn !== found[0].urn) out.conflict = { codes: found, named };
    else {
      out.authority = found[0];
      out.by = "codes";
    }
  } else if (named) {
    out.authority = named;
    out.by = "name";
  }
  return out;
}

/**
 * The key that says two packs are from the same authority. With `who` (resolvePack's answer): the
 * authority's URN; a pack whose codes and name disagree is a key of its own (its codes and name), so
 * it is never merged with either authority; a pack not in the record is keyed by its name, formal
 * words aside. Without the record: the pack's URN, else its name.
 */
export function authorityKey(pack, who = null) {
  if (who?.authority) return `urn:${who.authority.urn}`;
  if (who?.conflict) return `conflict:${who.conflict.codes.map((a) => a.urn).join(" ")}:${nameKey(packName(pack))}`;
  if (!who && Number.isInteger(pack.urn)) return `urn:${pack.urn}`;
  if (!who && Number.isInteger(pack.assessment?.authorityCodes?.urn))
    return `urn:${pack.assessment.authorityCodes.urn}`;
  return `name:${nameKey(packName(pack))}`;
}

/** Whether pack `x` is later than pack `y`: prepared later, then self-evaluation dated later. */
function later(x, y) {
  if (x.preparedOn !== y.preparedOn) return x.preparedOn > y.preparedOn;
  return (x.assessment?.assessedOn ?? "") > (y.assessment?.assessedOn ?? "");
}

/**
 * One pack per authority: `entries` are `{ file, pack }` in the order loaded; `record` (optional)
 * the public record, so that packs are joined by authority (resolvePack). Returns `{ kept,
 * duplicates }`: `kept` in loading order of the authorities, each authority's later pack (on a tie,
 * the one loaded last), each with `who` (resolvePack's answer, or null without the record);
 * `duplicates` are `{ file, authority, keptFile }`.
 */
export function onePerAuthority(entries, record = null) {
  const byKey = new Map();
  const duplicates = [];
  for (const entry of entries) {
    const who = record ? resolvePack(record, entry.pack) : null;
    const e = { ...entry, who };
    const key = authorityKey(e.pack, who);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, e);
      continue;
    }
    const newer = later(seen.pack, e.pack) ? seen : e;
    const older = newer === e ? seen : e;
    byKey.set(key, newer);
    duplicates.push({ file: older.file, authority: packName(newer.pack), keptFile: newer.file });
  }
  return { kept: [...byKey.values()], duplicates };
}

/** Text compared as names: lower case, letters and digits only, single spaces. */
const plain = (s) =>
  String(s ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/**
 * Whether a pack prepared for `preparedFor` was addressed to the reader `reader` (the name they
 * give): the same words, or one holding the other ("Sam Peer" reads a pack for "Sam Peer, DCS
 * Wiltshire"). With no reader given, nothing can be said: null.
 */
export function addressedToReader(preparedFor, reader) {
  const r = plain(reader);
  if (!r) return null;
  const p = plain(preparedFor);
  return ` ${p} `.includes(` ${r} `) || ` ${r} `.includes(` ${p} `);
}

/**
 * What the page says about how a kept pack was joined, as sentences (none when there is nothing to
 * say): codes and name that disagree, codes the record does not hold, a name not in the record, a
 * pack addressed to someone other than `reader`.
 */
export function packComments(e, reader, hasRecord = true) {
  const out = [];
  const name = packName(e.pack) || "no name";
  const who = e.who;
  if (who?.conflict) {
    const [a, b] = who.conflict.codes;
    const named = who.conflict.named;
    out.push(
      b
        ? `Its codes name two authorities, ${a.name} and ${b.name}, so it is shown as it names itself, ${name}, and joined to neither: ask the authority which it is.`
        : `Its codes are those of ${a.name} (URN ${a.urn}) but it is named ${name}${named && nameKey(named.name) !== nameKey(name) ? ` (${named.name} in the record)` : ""}: it is shown as named and joined to neither authority. Ask the authority which it is.`,
    );
  } else if (hasRecord && !who?.authority)
    out.push(
      `No authority in the record has the name ${name} and the pack carries no codes, so it has no last inspection or published figures here.`,
    );
  if (who?.unknownCodes?.length) out.push(`The record holds no authority with its ${who.unknownCodes.join(" or ")}.`);
  if (addressedToReader(e.pack.preparedFor, reader) === false)
    out.push(
      `It was prepared for ${e.pack.preparedFor}, not for you (${String(reader).trim()}): it is counted, but check it was meant to reach you.`,
    );
  return out;
}

/** How a pack was joined to the record, in a few words (the packs table's column). */
export function joinedBy(e) {
  if (!e.who) return "Record not loaded";
  if (e.who.conflict) return "Not joined: codes and name disagree";
  if (!e.who.authority) return "Not in the record";
  return e.who.by === "codes"
    ? `${e.who.authority.name}, by its codes`
    : `${e.who.authority.name}, by its name (no codes)`;
}

/**
 * The region the packs come from: the region most of the joined packs' authorities are in (on a
 * tie, the first loaded's), or null when none is joined.
 */
export function packsRegion(kept) {
  const counts = new Map();
  for (const e of kept) {
    const r = e.who?.authority?.region;
    if (r) counts.set(r, (counts.get(r) ?? 0) + 1);
  }
  let best = null;
  for (const [r, n] of counts) if (best === null || n > counts.get(best)) best = r;
  return best;
}

/**
 * Candidate regional priorities: for each area of `areas` (`[{ id, name, statements: [{ id, text }] }]`),
 * the statements that at least `min` of the kept packs rate requires improvement or inadequate,
 * most authorities first, each with `count` and `authorities` (names). Areas with none are left out.
 */
export function priorities(kept, areas, min = MIN_AUTHORITIES) {
  const out = [];
  for (const area of areas) {
    const statements = [];
    for (const s of area.statements) {
      const authorities = kept
        .filter((e) => WEAK.has(e.pack.assessment?.answers?.[s.id]?.level))
        .map((e) => packName(e.pack));
      if (authorities.length >= min)
        statements.push({ id: s.id, text: s.text, count: authorities.length, authorities });
    }
    statements.sort((x, y) => y.count - x.count);
    if (statements.length) out.push({ area: area.name, areaId: area.id, statements });
  }
  return out;
}

/** "1 authority", "2 authorities". */
const authorities = (n) => `${n} ${n === 1 ? "authority" : "authorities"}`;

/**
 * The candidate priorities ranked: each statement at least `min` authorities rate requires
 * improvement or worse scores WEIGHT for each rating (inadequate 2, requires improvement 1) and
 * FIGURES_WEIGHT for each of those authorities whose published figures bear it out: `worse(e)` is
 * the ids of the indicators on which that kept pack's authority's latest published figure is worse
 * than England (an empty list when none, null when no figures are held), and an indicator bears a
 * statement out when AREA_INDICATORS lists it for the statement's area. Highest score first, then
 * more authorities, then the framework's order. Each: `{ id, text, area, areaId, points,
 * inadequate: [names], requiresImprovement: [names], agree: [{ name, indicators: [ids] }],
 * noFigures: [names], reason }`; `names(id)` gives an indicator's name for the reason.
 * @param {any[]} kept
 * @param {any[]} areas
 * @param {(entry: any) => string[] | null} [worse]
 * @param {(id: string) => string} [names]
 * @param {number} [min]
 */
export function rankedPriorities(kept, areas, worse = () => null, names = (id) => id, min = MIN_AUTHORITIES) {
  const out = [];
  let order = 0;
  for (const area of areas) {
    const related = new Set(AREA_INDICATORS[area.id] ?? []);
    for (const s of area.statements) {
      order++;
      const weak = kept.filter((e) => WEAK.has(e.pack.assessment?.answers?.[s.id]?.level));
      if (weak.length < min) continue;
      const inadequate = [];
      const requiresImprovement = [];
      const agree = [];
      const noFigures = [];
      let points = 0;
      for (const e of weak) {
        const level = e.pack.assessment.answers[s.id].level;
        (level === "inadequate" ? inadequate : requiresImprovement).push(packName(e.pack));
        points += WEIGHT[level];
        const w = worse(e);
        if (w == null) {
          noFigures.push(packName(e.pack));
          continue;
        }
        const bearing = w.filter((id) => related.has(id));
        if (bearing.length) {
          agree.push({ name: packName(e.pack), indicators: bearing });
          points += FIGURES_WEIGHT;
        }
      }
      const parts = [];
      if (inadequate.length) parts.push(`${inadequate.length} inadequate (${inadequate.join(", ")})`);
      if (requiresImprovement.length)
        parts.push(`${requiresImprovement.length} requires improvement (${requiresImprovement.join(", ")})`);
      const withFigures = weak.length - noFigures.length;
      const figures = agree.length
        ? `the published figures bear it out for ${agree.map((a) => `${a.name} (${a.indicators.map(names).join(", ")} worse than England)`).join("; ")}`
        : withFigures
          ? `the published figures do not bear it out for ${withFigures === 1 ? "the one authority" : `any of the ${withFigures} authorities`} with figures`
          : "no published figures are held for these authorities";
      out.push({
        id: s.id,
        text: s.text,
        area: area.name,
        areaId: area.id,
        points,
        order,
        inadequate,
        requiresImprovement,
        agree,
        noFigures,
        reason: `${authorities(weak.length)}: ${parts.join(", ")}; ${figures}.`,
      });
    }
  }
  out.sort(
    (x, y) =>
      y.points - x.points ||
      y.inadequate.length + y.requiresImprovement.length - (x.inadequate.length + x.requiresImprovement.length) ||
      x.order - y.order,
  );
  return out;
}

/** The workforce indicators of each kept pack: `[{ authority, values: { id: number|null } }]`. */
export function workforce(kept, ids = WORKFORCE) {
  return kept.map((e) => ({
    authority: packName(e.pack),
    values: Object.fromEntries(
      ids.map((id) => {
        const v = e.pack.assessment?.indicators?.[id];
        return [id, typeof v === "number" && Number.isFinite(v) ? v : null];
      }),
    ),
  }));
}
