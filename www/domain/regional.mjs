// The regional picture (issue 19, part 3): what a regional lead sees from the peer challenge packs
// several authorities have shared. The rules are here as plain functions (tested under Node in
// e2e/peer-rules.test.mjs): one pack per authority (the later kept), candidate regional priorities
// (statements several authorities rate requires improvement or worse, grouped by area), and the
// workforce indicators side by side.

/** Ratings that make a statement a candidate regional priority. */
export const WEAK = new Set(["requires_improvement", "inadequate"]);
/** "Several": at least this many authorities. */
export const MIN_AUTHORITIES = 2;
/** The workforce indicators, in the framework's order. */
export const WORKFORCE = ["sw_turnover", "agency_rate", "vacancy_rate", "average_caseload"];

/** The key that says two packs are from the same authority: its URN, else its name. */
export function authorityKey(pack) {
  if (Number.isInteger(pack.urn)) return `urn:${pack.urn}`;
  return `name:${String(pack.preparedBy ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()}`;
}

/** Whether pack `x` is later than pack `y`: prepared later, then self-evaluation dated later. */
function later(x, y) {
  if (x.preparedOn !== y.preparedOn) return x.preparedOn > y.preparedOn;
  return (x.assessment?.assessedOn ?? "") > (y.assessment?.assessedOn ?? "");
}

/**
 * One pack per authority: `entries` are `{ file, pack }` in the order loaded. Returns
 * `{ kept, duplicates }`: `kept` in loading order of the authorities, each authority's later pack
 * (on a tie, the one loaded last); `duplicates` are `{ file, authority, keptFile }`.
 */
export function onePerAuthority(entries) {
  const byKey = new Map();
  const duplicates = [];
  for (const e of entries) {
    const key = authorityKey(e.pack);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, e);
      continue;
    }
    const newer = later(seen.pack, e.pack) ? seen : e;
    const older = newer === e ? seen : e;
    byKey.set(key, newer);
    duplicates.push({ file: older.file, authority: newer.pack.preparedBy, keptFile: newer.file });
  }
  return { kept: [...byKey.values()], duplicates };
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
        .map((e) => e.pack.preparedBy);
      if (authorities.length >= min)
        statements.push({ id: s.id, text: s.text, count: authorities.length, authorities });
    }
    statements.sort((x, y) => y.count - x.count);
    if (statements.length) out.push({ area: area.name, areaId: area.id, statements });
  }
  return out;
}

/** The workforce indicators of each kept pack: `[{ authority, values: { id: number|null } }]`. */
export function workforce(kept, ids = WORKFORCE) {
  return kept.map((e) => ({
    authority: e.pack.preparedBy,
    values: Object.fromEntries(
      ids.map((id) => {
        const v = e.pack.assessment?.indicators?.[id];
        return [id, typeof v === "number" && Number.isFinite(v) ? v : null];
      }),
    ),
  }));
}
