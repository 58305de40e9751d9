// Every authority of a region in the regional picture (issue 27, item 5): from the public record
// (its last ILACS inspection) and the published figures (data/dfe/published-figures.json, carried in
// the record's file as `figures`, by DfE code), whether or not it sent a pack. Plain functions with
// no DOM (tests/page/regional.test.mjs). Comparisons with England are the core's (its flags and
// tolerances, through `score`, which flags a figure worse than England and the neighbours); the comparisons with the statistical neighbours' average and the
// region use the same indicator's tolerance (`similarWithin`) and direction, as scripts/flag-counts.mjs.

import { currentAuthorities, latestInspection } from "./record.mjs";

/** The unit an indicator's figures are in, as the tables' captions say it. */
export function unitWords(ind) {
  if (ind.unit === "percent") return "%";
  return /per 10,000/.test(ind.name) ? "per 10,000 children" : "number";
}

/**
 * A figure as text with its unit: "14.2%", "330.3", or why there is none (never zero).
 * @param {number | null} value
 * @param {string} unit
 * @param {string | null} [suppressed]
 * @param {(n: number) => string} [format]
 */
export function figureText(value, unit, suppressed = null, format = (n) => String(n)) {
  if (value == null) return suppressed ? `Suppressed (${suppressed})` : "Not published";
  return `${format(value)}${unit === "percent" ? "%" : ""}`;
}

/** The latest value of indicator `i` of a place in the figures: `{ value, suppressed }`. */
export function latestOf(place, i, key = "values") {
  const series = place?.[key]?.[i] ?? [];
  const y = series.length - 1;
  return { value: series[y] ?? null, suppressed: key === "values" ? (place?.suppressed?.[i]?.[y] ?? null) : null };
}

/**
 * An authority's published comparators for one indicator, as the saved file carries them
 * (`indicatorComparators`): `{ neighbours, region, period }`, its ten statistical neighbours'
 * average and its region's latest figure (each left out when not published or outside the
 * indicator's range `[min, max]`), or null when neither is held. The core's flags compare with them
 * as well as England (the `[comparison]` rule of indicators.toml).
 * @param {any} figures
 * @param {string} code the authority's DfE code
 * @param {{ id: string, min?: number, max?: number }} ind
 */
export function publishedComparators(figures, code, ind) {
  const f = figures?.authorities?.[code];
  const i = figures?.ids?.indexOf(ind.id) ?? -1;
  if (!f || i < 0) return null;
  const ok = (v) => v != null && (ind.min == null || v >= ind.min) && (ind.max == null || v <= ind.max);
  const neighbours = latestOf(f, i, "neighboursAverage").value;
  const region = latestOf(figures.regions?.[f.region], i).value;
  const periods = figures.indicators?.[ind.id]?.periods ?? [];
  const out = {};
  if (ok(neighbours)) out.neighbours = neighbours;
  if (ok(region)) out.region = region;
  if (!("neighbours" in out) && !("region" in out)) return null;
  if (periods.length) out.period = periods[periods.length - 1];
  return out;
}

/** The current authorities of `region`, by name. */
export function regionAuthorities(record, region) {
  return currentAuthorities(record)
    .filter((a) => a.region === region)
    .sort((x, y) => x.name.localeCompare(y.name, "en-GB"));
}

/** The regions of the record's current authorities, in order. */
export function regions(record) {
  return [
    ...new Set(
      currentAuthorities(record)
        .map((a) => a.region)
        .filter(Boolean),
    ),
  ].sort();
}

/** The framework's indicators that the published figures hold, workforce first as listed in `first`. */
export function publishedIndicators(figures, indicators, first = []) {
  const held = (indicators ?? []).filter((ind) => figures?.ids?.includes(ind.id));
  return [
    ...first.map((id) => held.find((i) => i.id === id)).filter(Boolean),
    ...held.filter((i) => !first.includes(i.id)),
  ];
}

/**
 * A self-evaluation holding only an authority's latest published figures and their comparators, for
 * the core to compare with England and the neighbours (its flags): null when the figures hold none for it.
 */
export function publishedAssessment(frameworkId, authority, figures, indicators) {
  const f = figures?.authorities?.[authority.code];
  if (!f) return null;
  const values = {};
  const comparators = {};
  for (const ind of indicators) {
    const { value } = latestOf(f, figures.ids.indexOf(ind.id));
    if (value != null && value >= ind.min && value <= ind.max) {
      values[ind.id] = value;
      const c = publishedComparators(figures, authority.code, ind);
      if (c) comparators[ind.id] = c;
    }
  }
  return {
    format: "stocktake-assessment",
    version: 1,
    framework: frameworkId,
    authority: authority.name,
    answers: {},
    indicators: values,
    indicatorComparators: comparators,
  };
}

/** "worse", "better", "similar", "higher" or "lower": as the core compares with England, against `base`. */
export function compareWith(ind, value, base) {
  if (value == null || base == null) return null;
  const diff = value - base;
  if (Math.abs(diff) <= ind.similarWithin + 1e-9) return "similar";
  if (ind.direction === "neither") return diff > 0 ? "higher" : "lower";
  const betterBy = ind.direction === "higher_is_better" ? diff : -diff;
  return betterBy > 0 ? "better" : "worse";
}

/**
 * The region's rows: each authority with `{ authority, entry, last, figures }`: `entry` the kept pack
 * joined to it (or null), `last` its latest ILACS inspection (or null), and for each indicator id
 * `{ value, suppressed, neighbours, england: {comparison, flagged}|null, vsNeighbours, vsRegion }`
 * (null when the figures hold nothing for the authority). `coreResults(authority)` gives the core's
 * indicator results (score(...).indicators) for that authority's published figures, or null.
 * @param {any} record
 * @param {any} figures
 * @param {string} region
 * @param {any[]} kept
 * @param {any[]} indicators
 * @param {(authority: any) => any[] | null} [coreResults]
 */
export function regionRows(record, figures, region, kept, indicators, coreResults = () => null) {
  return regionAuthorities(record, region).map((authority) => ({
    authority,
    entry: kept.find((e) => e.who?.authority?.urn === authority.urn) ?? null,
    last: latestInspection(record, authority.urn),
    figures: authorityFigures(figures, authority, indicators, coreResults),
  }));
}

/**
 * One authority's latest published figures, by indicator id, each with its comparators (see
 * regionRows), or null when the figures hold nothing for it.
 * @param {any} figures
 * @param {any} authority
 * @param {any[]} indicators
 * @param {(authority: any) => any[] | null} [coreResults]
 */
export function authorityFigures(figures, authority, indicators, coreResults = () => null) {
  const f = figures?.authorities?.[authority.code] ?? null;
  if (!f) return null;
  const core = coreResults(authority) ?? [];
  const regionPlace = figures.regions?.[f.region] ?? null;
  const byId = {};
  for (const ind of indicators) {
    const i = figures.ids.indexOf(ind.id);
    const own = latestOf(f, i);
    const neighbours = latestOf(f, i, "neighboursAverage").value;
    const inRegion = latestOf(regionPlace, i).value;
    const c = core.find((r) => r.id === ind.id);
    byId[ind.id] = {
      ...own,
      neighbours,
      england: c ? { comparison: c.comparison, flagged: c.flagged } : null,
      vsNeighbours: compareWith(ind, own.value, neighbours),
      vsRegion: compareWith(ind, own.value, inRegion),
    };
  }
  return byId;
}

/** The ids of the indicators on which a row's published figure is worse than England (the core's comparison). */
export function worseThanEngland(row) {
  if (!row?.figures) return null;
  return Object.entries(row.figures)
    .filter(([, v]) => v.england?.comparison === "worse")
    .map(([id]) => id);
}

/** How one figure compares, in words: "Worse than England (flagged); neighbours: similar; region: worse". */
export function comparisonText(v) {
  if (!v || v.value == null) return "Not compared";
  const england = v.england
    ? `${v.england.comparison[0].toUpperCase()}${v.england.comparison.slice(1)} than England${v.england.flagged ? " (flagged: leaders will be asked)" : ""}`
    : "Not compared with England";
  const word = (c) => (c === "similar" ? "similar" : c ? `${c}` : "none held");
  return `${england.replace("Similar than", "Similar to")}; neighbours: ${word(v.vsNeighbours)}; region: ${word(v.vsRegion)}`;
}
