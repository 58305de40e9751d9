// The regional picture's parts that go beyond the packs (issue 27, item 5): every authority of the
// region with its last inspection, whether it sent a pack and its published figures beside its
// statistical neighbours, its region and England (with the core's flags), and the candidate
// priorities ranked. The rules are domain/regional.mjs and domain/region-figures.mjs; this module
// renders them. User text is text (h sets textContent).
import { h } from "../ui/dom.mjs";
import { govSelect, govTable, tableCells } from "../ui/govuk.mjs";
import { formatNumber } from "../ui/format.mjs";
import { RECORD_JUDGEMENTS, longDate } from "../domain/record.mjs";
import { TOP, WORKFORCE, joinedBy, packName, rankedPriorities } from "../domain/regional.mjs";
import {
  authorityFigures,
  comparisonText,
  figureText,
  latestOf,
  publishedAssessment,
  publishedIndicators,
  regionRows,
  regions,
  unitWords,
  worseThanEngland,
} from "../domain/region-figures.mjs";

/** A GOV.UK table in a focusable region named by its caption (it scrolls inside itself if it must). */
export function regionalTable(id, { caption, head, rows, numeric = [], size = "m" }) {
  const t = govTable({
    caption,
    captionClasses: size === "s" ? "govuk-table__caption--s" : "govuk-table__caption--m",
    firstCellIsHeader: true,
    classes: "govuk-!-font-size-16",
    head: tableCells(head, numeric),
    rows: rows.map((row) => tableCells(row, numeric)),
  });
  t.id = id;
  return h("div", { class: "st-table-scroll", tabindex: "0", role: "region", "aria-label": caption }, t);
}

/** The core's indicator results for an authority's latest published figures (its flags), or null. */
function coreResults(app, fwId, figures, indicators) {
  return (authority) => {
    const a = publishedAssessment(fwId, authority, figures, indicators);
    if (!a) return null;
    try {
      return app.core.score(a).indicators ?? null;
    } catch {
      return null;
    }
  };
}

/**
 * Everything the region part shows, as data: `{ region, rows, indicators, ranked }`. `region` null
 * (no region chosen, none joined) gives no rows; the ranking still uses each pack's own authority's
 * figures where it is joined.
 */
export function regionPicture(app, { record, figures, kept, region, fw }) {
  const indicators = publishedIndicators(figures, fw?.indicators, WORKFORCE);
  const results = coreResults(app, fw?.id, figures, indicators);
  const rows = record && region ? regionRows(record, figures, region, kept, indicators, results) : [];
  // Each kept pack's own authority's figures, for the ranking (also outside the region shown).
  const own = new Map();
  const worse = (e) => {
    const a = e.who?.authority;
    if (!a || !record) return null;
    if (!own.has(a.urn)) {
      own.set(a.urn, worseThanEngland({ figures: authorityFigures(figures, a, indicators, results) }));
    }
    return own.get(a.urn);
  };
  const names = (id) => indicators.find((i) => i.id === id)?.name ?? id;
  const ranked = rankedPriorities(kept, fw?.areas ?? [], worse, names);
  return { region, rows, indicators, ranked };
}

/** The ranked priorities: the top few, each with the reason for its place. */
export function rankedSection(p) {
  const top = p.ranked.slice(0, TOP);
  return [
    h("h2", { class: "govuk-heading-m", id: "regional-ranked-heading" }, "Candidate priorities, ranked"),
    h(
      "p",
      { class: "govuk-body" },
      `Statements two or more authorities rate requires improvement or inadequate, ranked: each inadequate rating counts 2, each requires improvement 1, and each of those authorities whose published figures bear the rating out (a related figure worse than England) adds 1. ${top.length < p.ranked.length ? `The top ${top.length} of ${p.ranked.length}; every one is listed by area below.` : ""}`,
    ),
    top.length
      ? regionalTable("regional-ranked", {
          caption: `The top ${top.length} candidate priorities`,
          head: RANKED_HEAD,
          numeric: [0, 3],
          rows: rankedRows({ ranked: top }).map((r) => r.map(String)),
        })
      : h(
          "p",
          { class: "govuk-body", id: "regional-ranked" },
          "No statement is rated requires improvement or worse by two or more authorities.",
        ),
  ];
}

/**
 * The last inspection in a few words: "Good overall, ended 21 March 2025"; with no overall grade
 * (the April 2026 framework has none), each judgement's grade.
 */
function lastText(app, last) {
  if (!last) return "No ILACS inspection in the record";
  const when = last.endedOn ? `ended ${longDate(last.endedOn)}` : `report published ${longDate(last.publishedOn)}`;
  const g = last.grades?.overall_effectiveness;
  if (g) return `${app.levelLabel(g)} overall, ${when}`;
  const each = RECORD_JUDGEMENTS.filter((j) => last.grades?.[j.id]).map(
    (j) => `${j.name}: ${app.levelLabel(last.grades[j.id]).toLowerCase()}`,
  );
  return each.length ? `${each.join("; ")}; ${when}` : `No grade in the record, ${when}`;
}

/** The overview's columns. */
export const REGION_HEAD = [
  "Authority",
  "Pack",
  "Last inspection",
  "Figures flagged (worse than England and the statistical neighbours, as the core flags them)",
];

/** The overview's rows: each authority, its pack or none, its last inspection, its flagged figures. */
export function regionOverviewRows(app, p) {
  const flagged = (r) => {
    if (!r.figures) return "No published figures held";
    const names = p.indicators.filter((i) => r.figures[i.id]?.england?.flagged).map((i) => i.name);
    return names.length ? names.join("; ") : "None";
  };
  return p.rows.map((r) => [
    r.authority.name,
    r.entry ? `Sent (${r.entry.file})` : "No pack",
    lastText(app, r.last),
    flagged(r),
  ]);
}

/** The ranked priorities' columns and rows (all of them; the page shows the top few). */
export const RANKED_HEAD = ["Rank", "Statement", "Area", "Points", "Why"];
export function rankedRows(p) {
  return p.ranked.map((x, i) => [i + 1, x.text, x.area, x.points, x.reason]);
}

/**
 * Every authority of the region: the region chooser, the overview (pack sent or not, last
 * inspection, flagged figures) and a table per published indicator with its comparators.
 */
export function regionSection(app, p, { record, figures, onRegion }) {
  if (!record)
    return h(
      "p",
      { class: "govuk-body", id: "regional-region" },
      "The public record did not load, so the region's authorities cannot be shown.",
    );
  const chooser = govSelect({
    id: "regional-region-choice",
    name: "regional-region-choice",
    label: { text: "Region", classes: "govuk-label--s" },
    hint: { text: "The region most of the packs come from, unless you choose another." },
    items: [{ value: "", text: "Choose a region" }, ...regions(record).map((r) => ({ value: r, text: r }))],
    value: p.region ?? "",
    onChange: (v) => onRegion(v || null),
  });
  const head = [
    h("h2", { class: "govuk-heading-m", id: "regional-region-heading" }, "Every authority in the region"),
    chooser,
  ];
  if (!p.region)
    return [
      ...head,
      h("p", { class: "govuk-body", id: "regional-region" }, "Choose a region to see every authority in it."),
    ];
  const n = p.rows.filter((r) => r.entry).length;
  const overview = regionalTable("regional-region", {
    caption: `${p.region}: ${p.rows.length} authorities, ${n} sent a pack`,
    head: REGION_HEAD,
    rows: regionOverviewRows(app, p),
  });
  // The figures' own name for the region ("Yorkshire and The Humber"), from an authority in it.
  const regionKey = p.rows.map((r) => figures.authorities?.[r.authority.code]?.region).find(Boolean);
  const indicatorTable = (ind) => {
    const i = figures.ids.indexOf(ind.id);
    const period = figures.indicators?.[ind.id]?.periods?.at(-1) ?? "";
    const place = figures.regions?.[regionKey];
    const fmt = (v) => figureText(v, ind.unit, null, formatNumber);
    return regionalTable(`regional-figures-${ind.id}`, {
      caption: `${ind.name} (${unitWords(ind)}), ${period}: ${p.region} ${fmt(latestOf(place, i).value)}, England ${fmt(latestOf(figures.england, i).value)}`,
      size: "s",
      head: [
        "Authority",
        "Pack",
        "Figure",
        "Statistical neighbours' average",
        "Compared (within the indicator's tolerance)",
      ],
      numeric: [2, 3],
      rows: p.rows.map((r) => {
        const v = r.figures?.[ind.id];
        return [
          r.authority.name,
          r.entry ? "Sent" : "No pack",
          v ? figureText(v.value, ind.unit, v.suppressed, formatNumber) : "Not held",
          v ? fmt(v.neighbours) : "Not held",
          comparisonText(v),
        ];
      }),
    });
  };
  if (!figures || !p.indicators.length)
    return [
      ...head,
      overview,
      h("p", { class: "govuk-body" }, "No published figures are held for this framework's indicators."),
    ];
  const workforce = p.indicators.filter((i) => WORKFORCE.includes(i.id));
  const others = p.indicators.filter((i) => !WORKFORCE.includes(i.id));
  return [
    ...head,
    overview,
    h("h3", { class: "govuk-heading-s", id: "regional-figures-heading" }, "Published workforce figures"),
    h(
      "p",
      { class: "govuk-body-s" },
      `Each authority's latest published figure beside its ten statistical neighbours' average, with the region and England in the caption. Compared with England as the core compares (its tolerance and flags); with the neighbours and the region by the same tolerance. Suppressed figures are shown as suppressed, never as zero. ${figures.attribution}.`,
    ),
    workforce.map(indicatorTable),
    others.length
      ? h(
          "details",
          { class: "govuk-details", id: "regional-figures-more" },
          h(
            "summary",
            { class: "govuk-details__summary" },
            h("span", { class: "govuk-details__summary-text" }, `The other ${others.length} published figures`),
          ),
          h("div", { class: "govuk-details__text" }, others.map(indicatorTable)),
        )
      : null,
  ];
}

/** The packs as loaded: who each is from and how it was joined, for the packs table. */
export function packsTable(kept, comments) {
  return regionalTable("regional-packs", {
    caption: "The packs counted",
    head: ["Authority (as the pack names it)", "Found in the record as", "Prepared for", "Comments"],
    rows: kept.map((e) => [
      packName(e.pack) || "No name",
      joinedBy(e),
      `${e.pack.preparedFor} (${longDate(e.pack.preparedOn)})`,
      comments(e).join(" ") || "None",
    ]),
  });
}
