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
  authorityOf,
  inspectionsOf,
  isRecord,
  longDate,
  neighboursOf,
  recordFromHistory,
  recordLabel,
  regionOf,
} from "../domain/record.mjs";
import { CHOICE_KEY } from "./record-section.mjs";

/** Storage keys: the authority chosen (kept in record-section.mjs), and a newer record the user loaded. */
export { CHOICE_KEY };
export const USER_RECORD_KEY = "record-user";

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

/** "27 September to 8 October 2021" for an inspection's dates. */
function datesText(i) {
  return `${longDate(i.startedOn)} to ${longDate(i.endedOn)}`;
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
        latest ? longDate(latest.endedOn) : "No ILACS inspection in the record",
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
  const chosen = authorityOf(record, app.store.read(CHOICE_KEY)?.urn);
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
              head: tableCells(["Inspection", "Kind", ...RECORD_JUDGEMENTS.map((j) => j.name)]),
              firstCellIsHeader: true,
              classes: "govuk-!-font-size-16",
              rows: inspections
                .map((i) => [datesText(i), i.kind === "short" ? "Short" : "Standard", ...gradeCells(app, i.grades)])
                .map((row) => tableCells(row)),
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
    replace(
      detail,
      own,
      latest
        ? govButton({
            classes: "govuk-button--secondary",
            text: "Fill in the last inspection from the record",
            id: "record-fill",
            onClick: () => fill(latest, authority.name),
          })
        : null,
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
        ...record.authorities.map((a) => ({ value: String(a.urn), text: a.name })),
      ],
      value: chosen ? String(chosen.urn) : "",
      onChange: (v) => {
        const a = authorityOf(record, v);
        if (a) app.saveExtra(CHOICE_KEY, { urn: a.urn });
        else if (!app.readOnly) app.store.remove(CHOICE_KEY);
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
