// "Find your authority in the public inspection record", on the About your authority page: the
// record (record.mjs) is loaded only when the user opens this section (record-section.mjs, the
// closed section the first visit has; this module is in the tools chunk). Choosing the authority
// shows its ILACS inspections and fills the last one into the page's history fields, which the
// user can then correct; tables show its statistical neighbours' and its region's latest
// judgements beside this self-evaluation's projection. A newer copy of the public history file can
// be loaded from disk: read on the device, checked row by row, and kept in this browser's storage.
import { h, replace } from "../ui/dom.mjs";
import { govButton, govErrorSummary, govSelect, govTable, tableCells } from "../ui/govuk.mjs";
import {
  ATTRIBUTION,
  MAX_HISTORY_BYTES,
  RECORD_JUDGEMENTS,
  authorityCodes,
  authorityOf,
  currentAuthorities,
  findAuthority,
  inspectionsOf,
  isRecord,
  longDate,
  neighboursOf,
  recordFromHistory,
  recordLabel,
  regionOf,
  reportUrl,
} from "../domain/record.mjs";
import { CHOICE_KEY } from "./record-section.mjs";
import { formatNumber } from "../ui/format.mjs";
import { publishedComparators } from "../domain/region-figures.mjs";

/** Storage keys: the authority chosen (kept in record-section.mjs), and a newer record the user loaded. */
export { CHOICE_KEY };
export const USER_RECORD_KEY = "record-user";
/**
 * Storage key of the published figures filled into the indicators: `{ urn, name, figures: { <id>:
 * { value, period, periods, own, neighbours, england } } }` (the last four the three published
 * years, for the trend chart). The indicators page marks a figure "published" while it still equals the
 * one filled, and "your local figure" once the user changes it.
 */
export const FIGURES_KEY = "published-figures-filled";

/** A published value as text: the number with its unit, or why there is none (never zero). */
function figureText(value, symbol, unit) {
  if (value == null) return symbol ? `Suppressed (${symbol})` : "Not published";
  return `${formatNumber(value)}${unit === "percent" ? "%" : ""}`;
}

/**
 * The authority's published figures (figures from data/dfe/, by DfE code) for the indicators of
 * the framework in use: latest and the two before, beside its ten statistical neighbours' average,
 * its region and England, with a button that fills the blank indicators with the latest figures.
 */
function figuresSection(app, figures, authority) {
  const f = figures?.authorities?.[authority.code];
  const heading = h("h3", { class: "govuk-heading-s" }, "Published figures");
  if (!f)
    return [
      heading,
      h(
        "p",
        { class: "govuk-body", id: "record-figures" },
        `Stocktake holds no published figures for ${authority.name}.`,
      ),
    ];
  const inds = (app.fw()?.indicators ?? []).filter((ind) => figures.ids.includes(ind.id));
  const region = figures.regions?.[f.region];
  const latest = (place, i) => {
    const series = place?.values?.[i] ?? [];
    const y = series.length - 1;
    return [series[y] ?? null, place?.suppressed?.[i]?.[y] ?? null];
  };
  const rows = inds.map((ind) => {
    const i = figures.ids.indexOf(ind.id);
    const meta = figures.indicators[ind.id];
    const own = f.values[i].map((v, y) => figureText(v, f.suppressed?.[i]?.[y], ind.unit));
    return [
      ind.name,
      meta.periods[meta.periods.length - 1],
      own[own.length - 1],
      own.length > 1 ? own.slice(0, -1).join(", then ") : "None held",
      figureText(f.neighboursAverage[i][f.neighboursAverage[i].length - 1], null, ind.unit),
      figureText(...latest(region, i), ind.unit),
      figureText(...latest(figures.england, i), ind.unit),
    ];
  });
  const caption = `${authority.name}'s published figures beside its neighbours, ${f.region ?? "its region"} and England`;
  const table = govTable({
    caption,
    captionClasses: "govuk-table__caption--s",
    head: tableCells([
      "Indicator",
      "Latest period",
      authority.name,
      "The two before (oldest first)",
      "Statistical neighbours' average",
      f.region ?? "Region",
      "England",
    ]),
    firstCellIsHeader: true,
    classes: "govuk-!-font-size-16",
    rows: rows.map((row) => tableCells(row)),
  });
  table.id = "record-figures";
  const fill = () => {
    const filled = {};
    const skipped = [];
    for (const ind of inds) {
      const i = figures.ids.indexOf(ind.id);
      const series = f.values[i];
      const value = series[series.length - 1];
      const meta = figures.indicators[ind.id];
      const current = app.a?.indicators?.[ind.id];
      // The neighbours' average and the region's figure travel in the file, also beside a figure
      // of the user's own: the core's flags compare with them as well as England.
      const comparators = publishedComparators(figures, authority.code, ind);
      if (comparators) app.set(`indicatorComparators.${ind.id}`, comparators);
      if (value == null) continue;
      if (current != null && current !== "") {
        skipped.push(ind.name);
        continue;
      }
      app.set(`indicators.${ind.id}`, value);
      // With the three years published, for the indicators page's trend chart.
      filled[ind.id] = {
        value,
        period: meta.periods[meta.periods.length - 1],
        periods: meta.periods,
        own: f.values[i],
        neighbours: f.neighboursAverage?.[i] ?? [],
        england: figures.england?.values?.[i] ?? [],
      };
    }
    const kept = app.store.read(FIGURES_KEY);
    app.saveExtra(FIGURES_KEY, {
      urn: authority.urn,
      name: authority.name,
      figures: { ...(kept?.urn === authority.urn ? kept.figures : {}), ...filled },
    });
    app.saveNow();
    const n = Object.keys(filled).length;
    replace(
      note,
      `${n} indicator${n === 1 ? "" : "s"} filled with ${authority.name}'s latest published figures, each marked "published" on the indicators page, where you can change it to your local figure.` +
        (skipped.length
          ? ` ${skipped.length} already had a figure of yours and ${skipped.length === 1 ? "was" : "were"} left as ${skipped.length === 1 ? "it was" : "they were"}, compared now with the neighbours' and region's published figures too.`
          : ""),
    );
    note.focus();
  };
  const note = h("p", { class: "govuk-body", id: "record-figures-note", role: "status", tabindex: "-1" });
  return [
    heading,
    h(
      "p",
      { class: "govuk-body-s" },
      `From the Department for Education's official statistics. Suppressed figures are shown as suppressed, never as zero. ${figures.attribution}.`,
    ),
    scrollTable(caption, table),
    govButton({
      text: "Fill in the indicators from the published figures",
      id: "record-figures-fill",
      classes: "govuk-button--secondary",
      onClick: fill,
    }),
    note,
  ];
}

/** The record in use: the user's newer copy kept on the device, else the one shipped. */
export async function recordInUse(app) {
  const kept = app.store.read(USER_RECORD_KEY);
  if (isRecord(kept)) return { record: kept, shipped: null };
  const shipped = await app.loadRecord();
  return { record: shipped, shipped };
}

/** A wide table scrolls inside its own focusable region on a phone, named by its caption. */
function scrollTable(caption, table) {
  return h("div", { class: "st-table-scroll", tabindex: "0", role: "region", "aria-label": caption }, table);
}

/** "27 September 2021 to 8 October 2021" for an inspection's dates, or what the record lacks. */
function datesText(i) {
  if (!i.startedOn) return `Dates not in the record (report published ${longDate(i.publishedOn)})`;
  return `${longDate(i.startedOn)} to ${longDate(i.endedOn)}`;
}

const KIND_TEXT = { short: "Short", standard: "Standard" };

/** The report's link, when the record has it. */
function reportCell(i) {
  const url = reportUrl(i);
  return url
    ? h(
        "a",
        { class: "govuk-link", href: url, rel: "noreferrer noopener", target: "_blank" },
        `Report (opens in new tab)`,
      )
    : "Not in the record";
}

/** The corrections the record made to an authority's rows, each with its tag and source. */
function correctionsList(inspections) {
  const items = inspections.flatMap((i) =>
    (i.corrections ?? []).map((c) =>
      h(
        "li",
        {},
        `${i.startedOn ? `Inspection ending ${longDate(i.endedOn)}` : `Report published ${longDate(i.publishedOn)}`}: ${c.note} [${c.tag}] `,
        h(
          "a",
          { class: "govuk-link", href: c.source, rel: "noreferrer noopener", target: "_blank" },
          "Source (opens in new tab)",
        ),
      ),
    ),
  );
  if (!items.length) return null;
  return h(
    "div",
    { id: "record-corrections" },
    h("p", { class: "govuk-body-s" }, "The compilation had faults in these rows; Stocktake corrected them as follows:"),
    h("ul", { class: "govuk-list govuk-list--bullet govuk-body-s" }, ...items),
  );
}

/** Grade cells for the record's five judgements: words, never colour alone. */
function gradeCells(app, grades, none = "Not given") {
  return RECORD_JUDGEMENTS.map((j) => (grades?.[j.id] ? app.levelLabel(grades[j.id]) : none));
}

/** This self-evaluation's projected grades, keyed as the record's judgements. */
function projection(app) {
  const out = {};
  for (const j of app.scored?.judgements ?? []) if (j.grade) out[j.id] = j.grade;
  if (app.scored?.overall?.grade) out.overall_effectiveness = app.scored.overall.grade;
  return out;
}

/** A table of authorities' latest judgements, this self-evaluation's projection first. */
function latestTable(app, id, caption, own, rows) {
  const table = govTable({
    caption,
    captionClasses: "govuk-table__caption--s",
    head: tableCells(["Authority", "Latest inspection ended", ...RECORD_JUDGEMENTS.map((j) => j.name)]),
    firstCellIsHeader: true,
    classes: "govuk-!-font-size-16",
    rows: [
      [
        `${own.name}: your projection`,
        "This self-evaluation",
        ...gradeCells(app, projection(app), "Not projected yet"),
      ],
      ...rows.map(({ authority, latest }) => [
        authority.name,
        latest
          ? latest.endedOn
            ? longDate(latest.endedOn)
            : `Report published ${longDate(latest.publishedOn)}`
          : "No ILACS inspection in the record",
        ...gradeCells(app, latest?.grades),
      ]),
    ].map((row) => tableCells(row)),
  });
  table.id = id;
  return scrollTable(caption, table);
}

/**
 * The section's content, inside the details element that record-section.mjs shows on the About
 * your authority page (opening it loads this module). `fill(lastInspection, authorityName)` writes
 * the chosen inspection into the page's fields (pages/about.mjs).
 */
export function renderRecord(app, body, fill) {
  return render(app, body, fill);
}

async function render(app, body, fill, fileProblems = [], fileNote = null) {
  const { record } = await recordInUse(app);
  // The published figures come with the shipped record (a user's own copy of the record has none).
  const shipped = await app.loadRecord();
  // The file's own codes first (a self-evaluation knows its authority), then this browser's last
  // choice, then the authority its name finds ("Derby City Council" finds Derby).
  const fileCodes = app.a?.authorityCodes;
  const named = findAuthority(record, app.a?.authority);
  const chosen = authorityOf(record, fileCodes?.urn) ?? authorityOf(record, app.store.read(CHOICE_KEY)?.urn) ?? named;
  const detail = h("div", { id: "record-authority-detail" });
  const showDetail = (authority) => {
    if (!authority) return replace(detail);
    const inspections = inspectionsOf(record, authority.urn);
    const own = inspections.length
      ? scrollTable(
          `${authority.name}'s ILACS inspections in the record`,
          Object.assign(
            govTable({
              caption: `${authority.name}'s ILACS inspections in the record`,
              captionClasses: "govuk-table__caption--s",
              head: tableCells(["Inspection", "Kind", ...RECORD_JUDGEMENTS.map((j) => j.name), "Report"]),
              firstCellIsHeader: true,
              classes: "govuk-!-font-size-16",
              rows: inspections.map((i) =>
                tableCells([
                  datesText(i),
                  KIND_TEXT[i.kind] ?? "Not known",
                  ...gradeCells(app, i.grades),
                  reportCell(i),
                ]),
              ),
            }),
            { id: "record-inspections" },
          ),
        )
      : h(
          "p",
          { class: "govuk-body", id: "record-inspections" },
          `The record holds no ILACS inspection of ${authority.name}.`,
        );
    const latest = inspections[0];
    // The self-evaluation's name and codes must agree with the authority shown: never re-labelled.
    const otherName = named && named.urn !== authority.urn && app.a?.authority?.trim();
    const otherCodes = fileCodes?.urn != null && +fileCodes.urn !== authority.urn;
    replace(
      detail,
      h(
        "p",
        { class: "govuk-body-s", id: "record-codes" },
        `${authority.name}: Ofsted URN ${authority.urn}, DfE code ${authority.code}${authority.ons ? `, ONS code ${authority.ons}` : ""}.`,
      ),
      otherName || otherCodes
        ? h(
            "div",
            { class: "govuk-warning-text", id: "record-mismatch" },
            h("span", { class: "govuk-warning-text__icon", "aria-hidden": "true" }, "!"),
            h(
              "strong",
              { class: "govuk-warning-text__text" },
              h("span", { class: "govuk-visually-hidden" }, "Warning"),
              otherCodes
                ? `This self-evaluation's file names the authority with URN ${fileCodes.urn}, not ${authority.name}. Check which authority it is before you fill anything in.`
                : `This self-evaluation is named "${app.a.authority}", which is ${named.name}, not ${authority.name}. Check which authority it is before you fill anything in.`,
            ),
          )
        : null,
      own,
      correctionsList(inspections),
      latest
        ? govButton({
            text: "Fill in the last inspection from the record",
            id: "record-fill",
            classes: "govuk-button--secondary",
            onClick: () => {
              app.saveExtra(CHOICE_KEY, { urn: authority.urn });
              fill(latest, authority.name, authorityCodes(authority));
            },
          })
        : null,
      figuresSection(app, shipped?.figures, authority),
      h("h3", { class: "govuk-heading-s" }, "Beside your neighbours and your region"),
      h(
        "p",
        { class: "govuk-body" },
        "Your projection comes from the answers in this self-evaluation; the others are the grades of each authority's latest ILACS inspection in the record.",
      ),
      latestTable(
        app,
        "record-neighbours",
        `${authority.name}'s ten statistical neighbours: latest judgements`,
        authority,
        neighboursOf(record, authority.urn),
      ),
      latestTable(
        app,
        "record-region",
        `Other authorities in ${authority.region}: latest judgements`,
        authority,
        regionOf(record, authority.urn),
      ),
    );
  };
  const leftOut = record.leftOut?.length ?? 0;
  const fileInput = h("input", {
    class: `govuk-file-upload${fileProblems.length ? " govuk-file-upload--error" : ""}`,
    id: "record-file",
    name: "record-file",
    type: "file",
    accept: ".csv,text/csv",
    "aria-describedby": "record-file-hint",
  });
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    const shipped = await app.loadRecord();
    let problems;
    let note = null;
    if (file.size > MAX_HISTORY_BYTES) {
      problems = [{ row: null, message: "The selected file is larger than 5 MB, so it is not the inspection history" }];
    } else {
      const result = recordFromHistory(shipped, await file.text(), app.today());
      problems = result.record ? [] : result.problems;
      if (result.record) {
        app.saveExtra(USER_RECORD_KEY, result.record);
        note =
          `Now using ${file.name}: ${result.record.inspections.length} ILACS inspections, to ${longDate(result.record.to)}.` +
          (result.problems.length
            ? ` ${result.problems.filter((p) => p.row != null).length} rows could not be read and are left out: ${result.problems.map((p) => p.message).join("; ")}.`
            : "") +
          (result.unknown ? ` ${result.unknown} inspections are of authorities not in Stocktake's list.` : "");
      }
    }
    await render(app, body, fill, problems, note);
    body.querySelector(problems.length ? ".govuk-error-summary" : "#record-file-note")?.focus();
  });
  const userCopy = record.source?.kind === "user";
  replace(
    body,
    fileProblems.length
      ? govErrorSummary({
          titleText: "There is a problem",
          errorList: fileProblems.map((p) => ({ text: p.message, href: "#record-file" })),
          root: app.root,
        })
      : null,
    h("p", { class: "govuk-body", id: "record-age" }, `${recordLabel(record)}.`),
    leftOut
      ? h(
          "p",
          { class: "govuk-body-s" },
          `${leftOut} ${leftOut === 1 ? "row" : "rows"} of the record could not be read (a fault in the compilation) and ${leftOut === 1 ? "is" : "are"} left out. The record does not include focused or monitoring visits: add those below yourself.`,
        )
      : h(
          "p",
          { class: "govuk-body-s" },
          "The record does not include focused or monitoring visits: add those below yourself.",
        ),
    h("p", { class: "govuk-body-s", id: "record-attribution" }, `${ATTRIBUTION}.`),
    govSelect({
      id: "record-authority",
      name: "record-authority",
      label: { text: "Your authority", classes: "govuk-label--s" },
      items: [
        { value: "", text: "Choose your authority" },
        ...currentAuthorities(record).map((a) => ({ value: String(a.urn), text: a.name })),
      ],
      value: chosen ? String(chosen.urn) : "",
      onChange: (v) => {
        const a = authorityOf(record, v);
        if (a) app.saveExtra(CHOICE_KEY, { urn: a.urn });
        else if (!app.readOnly) app.store.remove(CHOICE_KEY);
        // The chosen authority's codes go into the self-evaluation (and its file).
        if (app.a) app.set("authorityCodes", a ? authorityCodes(a) : undefined);
        showDetail(a);
      },
    }),
    detail,
    h("h3", { class: "govuk-heading-s" }, "Use a newer copy of the record"),
    fileNote ? h("p", { class: "govuk-body", id: "record-file-note", role: "status", tabindex: "-1" }, fileNote) : null,
    h(
      "div",
      { class: `govuk-form-group${fileProblems.length ? " govuk-form-group--error" : ""}` },
      h("label", { class: "govuk-label", for: "record-file" }, "Load the inspection history file"),
      h(
        "div",
        { class: "govuk-hint", id: "record-file-hint" },
        "A newer ofsted_csc_ilacs_history.csv from Data to Insight's ILACS scrape tool, with the same columns. It is read on this computer and kept in this browser; nothing is sent anywhere.",
      ),
      fileProblems.length
        ? h(
            "p",
            { class: "govuk-error-message", id: "record-file-error" },
            h("span", { class: "govuk-visually-hidden" }, "Error: "),
            "The file could not be used: see the problems above",
          )
        : null,
      fileInput,
    ),
    userCopy
      ? govButton({
          classes: "govuk-button--secondary",
          text: "Go back to the record that came with Stocktake",
          id: "record-reset",
          onClick: async () => {
            if (!app.readOnly) app.store.remove(USER_RECORD_KEY);
            await render(app, body, fill, [], "Now using the record that came with Stocktake.");
            body.querySelector("#record-file-note")?.focus();
          },
        })
      : null,
  );
  if (fileProblems.length) fileInput.setAttribute("aria-describedby", "record-file-hint record-file-error");
  showDetail(chosen);
}
