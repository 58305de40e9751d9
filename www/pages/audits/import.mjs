// `#stocktake/audits-import`: case-file audits from a CSV file (the one CSV module reads it), the
// file's own column names matched to the fields, every bad row named by its spreadsheet row number,
// and nothing imported until the whole file is right.
import { h, put } from "../../ui/dom.mjs";
import { govButton, govErrorSummary, govSelect } from "../../ui/govuk.mjs";
import { fieldId } from "../../domain/state.mjs";
import { readCsvGrid } from "../../domain/csv.mjs";
import { formatCount, formatDateShort } from "../../ui/format.mjs";
import { FULL, MAX_AUDITS, areasOf, criteriaOf } from "./common.mjs";

/** Whether a CSV row has anything in it. */
const filled = (row) => row.some((x) => x.trim() !== "");

/** What makes two audits the same audit: the case (its reference, in any case), the area and the date. */
const auditKey = (a) =>
  `${String(a.caseRef ?? "")
    .trim()
    .toLowerCase()}|${a.area ?? ""}|${a.date ?? ""}`;

/** A spreadsheet's grade ("Good", "RI", "N/A", "requires_improvement") as a grade id, or the text unchanged. */
function gradeId(text) {
  const t = String(text ?? "")
    .trim()
    .toLowerCase()
    .replace(/^'/, "");
  const words = {
    "": "",
    outstanding: "outstanding",
    good: "good",
    ri: "requires_improvement",
    "requires improvement": "requires_improvement",
    "requires improvement to be good": "requires_improvement",
    requires_improvement: "requires_improvement",
    inadequate: "inadequate",
    "n/a": "not_applicable",
    na: "not_applicable",
    "not applicable": "not_applicable",
    not_applicable: "not_applicable",
  };
  return Object.hasOwn(words, t) ? words[t] : String(text).trim();
}

/** A date as YYYY-MM-DD: ISO is kept, dd/mm/yyyy (as UK spreadsheets write it) is turned round. */
function isoDate(text) {
  const t = String(text ?? "").trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  return m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : t;
}

/** The fields a CSV column can fill, in the template's order. */
function importFields(criteria) {
  return [
    { key: "caseRef", label: "Case reference" },
    { key: "area", label: "Area (id or name)" },
    { key: "auditor", label: "Auditor" },
    { key: "date", label: "Date" },
    { key: "team", label: "Team" },
    ...criteria.map((c) => ({ key: c.id, label: c.text, criterion: true })),
    { key: "overall", label: "Overall grade" },
    { key: "learning", label: "What was learned" },
    // Moderation: a second auditor's grades, as the export writes them.
    { key: "moderator", label: "Moderator", moderation: true },
    { key: "moderationDate", label: "Moderation date", moderation: true },
    ...criteria.map((c) => ({ key: `moderated_${c.id}`, label: `Moderated: ${c.text}`, moderation: true })),
    { key: "moderatedOverall", label: "Moderated overall grade", moderation: true },
  ];
}

const COLUMNS_KEY = "audit-csv-columns";

/** Keeps the matches `{ field: columnIndex }` as `{ field: column name }` for the next file. */
function rememberColumns(app, head, mapping) {
  const names = {};
  for (const [key, i] of Object.entries(mapping))
    if (i !== "" && i != null && head[Number(i)] != null) names[key] = String(head[Number(i)]).trim();
  app.saveExtra(COLUMNS_KEY, names);
}

/** The CSV field a problem's path inside an audit names ("date", "grades.au_x", "moderation.overall"). */
function fieldOfPath(path) {
  const p = String(path ?? "");
  let m = /^grades\.(.+)$/.exec(p);
  if (m) return m[1];
  m = /^moderation\.grades\.(.+)$/.exec(p);
  if (m) return `moderated_${m[1]}`;
  const moderation = {
    "moderation.auditor": "moderator",
    "moderation.date": "moderationDate",
    "moderation.overall": "moderatedOverall",
  };
  if (p in moderation) return moderation[p];
  return p.split(".")[0];
}

/** "column “Audit date”, value “31/02/2026”: " for a problem in a CSV row, or "" when no column holds it. */
function csvCellText(head, row, mapping, path) {
  const key = fieldOfPath(path);
  const i = mapping[key];
  if (i == null || i === "") return "";
  const column = String(head[Number(i)] ?? "").trim() || `Column ${Number(i) + 1}`;
  const value = String(row?.[Number(i)] ?? "").trim();
  return `column “${column}”, ${value ? `value “${value}”` : "empty"}: `;
}

/** Rows of a CSV as audits, by a column mapping `{ field: columnIndex }`. */
export function auditsFromCsv(rows, mapping, criteria, areas) {
  const byName = Object.fromEntries(areas.map((a) => [a.name.toLowerCase(), a.id]));
  // A leading apostrophe before = + - @ is the export's guard against formulas: taken off again.
  const cell = (r, key) =>
    mapping[key] == null || mapping[key] === "" ? "" : (r[Number(mapping[key])] ?? "").replace(/^'(?=[=+\-@])/, "");
  return rows.map((r) => {
    const area = cell(r, "area").trim();
    const grades = {};
    for (const c of criteria) {
      const g = gradeId(cell(r, c.id));
      if (g) grades[c.id] = g;
    }
    const audit = {
      caseRef: cell(r, "caseRef").trim(),
      area: byName[area.toLowerCase()] ?? area,
      auditor: cell(r, "auditor").trim(),
      date: isoDate(cell(r, "date")),
      team: cell(r, "team").trim(),
      grades,
      overall: gradeId(cell(r, "overall")) || null,
      learning: cell(r, "learning"),
    };
    const moderated = {};
    for (const c of criteria) {
      const g = gradeId(cell(r, `moderated_${c.id}`));
      if (g) moderated[c.id] = g;
    }
    const moderation = {
      auditor: cell(r, "moderator").trim(),
      date: isoDate(cell(r, "moderationDate")),
      grades: moderated,
      overall: gradeId(cell(r, "moderatedOverall")) || null,
    };
    // A row moderates its case when any moderation cell has something in it (as the form keeps it).
    if (moderation.auditor || moderation.date || moderation.overall || Object.keys(moderated).length) {
      if (!moderation.date) delete moderation.date;
      audit.moderation = moderation;
    }
    if (!audit.area) delete audit.area;
    if (!audit.caseRef) delete audit.caseRef;
    return audit;
  });
}

/** `#stocktake/audits-import`: choose a CSV, map its columns, check every row, then import. */
export function auditsImportPage(app, main, params) {
  const criteria = criteriaOf(app);
  const areas = areasOf(app, criteria);
  const fields = importFields(criteria);
  app.title("Import audits from a CSV file", (params.errors ?? []).length > 0);
  const csv = params.csv ?? null;
  const summarySlot = h("div");
  const body = h("div");
  const showErrors = (errors) => {
    if (!errors.length) return summarySlot.replaceChildren();
    const s = govErrorSummary({
      titleText: "There is a problem",
      errorList: errors.map((e) => ({ text: e.message, href: `#${e.id}` })),
      root: app.root,
    });
    s.id = "error-summary";
    summarySlot.replaceChildren(s);
    app.title("Import audits from a CSV file", true);
    s.focus();
  };
  if (!csv) {
    const input = h("input", {
      class: "govuk-file-upload",
      id: "import-file",
      name: "import-file",
      type: "file",
      accept: ".csv,text/csv",
    });
    put(
      body,
      h(
        "div",
        { class: "govuk-form-group" },
        h("label", { class: "govuk-label govuk-label--s", for: "import-file" }, "Choose a CSV file of audits"),
        h(
          "div",
          { class: "govuk-hint", id: "import-file-hint" },
          "One row per audited case, with a heading row. Export your audits here to see the template; your own column names can be matched in the next step.",
        ),
        input,
      ),
      govButton({
        text: "Continue",
        id: "import-continue",
        onClick: async () => {
          const file = input.files?.[0];
          if (!file) return showErrors([{ id: "import-file", message: "Choose a CSV file" }]);
          // Rows by spreadsheet row number, blank rows kept, so each audit keeps its number.
          const { grid: rows, problems } = readCsvGrid(await file.text());
          if (problems.length)
            return showErrors([{ id: "import-file", message: `The file cannot be read. ${problems[0].message}` }]);
          if (rows.filter(filled).length < 2)
            return showErrors([{ id: "import-file", message: "The file has no rows of audits under its heading row" }]);
          app.go("audits-import", { csv: rows }, { replace: true });
        },
      }),
    );
  } else {
    // The heading is the first row with something in it; blank rows are skipped but counted, so
    // each audit keeps its spreadsheet row number (`lines`, the heading's row being 1 or later).
    const headAt = csv.findIndex(filled);
    const head = csv[headAt];
    const lines = [];
    const rows = [];
    for (const [i, r] of csv.entries())
      if (i > headAt && filled(r)) {
        lines.push(i + 1);
        rows.push(r);
      }
    const norm = (s) =>
      String(s)
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "");
    const mapping = params.mapping ?? {};
    // The matches made for an earlier file with the same column names come back.
    const remembered = app.store.read(COLUMNS_KEY) ?? {};
    for (const f of fields) {
      if (mapping[f.key] != null) continue;
      const name = remembered[f.key];
      const at = name == null ? -1 : head.findIndex((x) => String(x).trim() === name);
      if (at >= 0) {
        mapping[f.key] = String(at);
        continue;
      }
      const i = head.findIndex((x) => norm(x) === norm(f.key) || norm(x) === norm(f.label));
      mapping[f.key] = i >= 0 ? String(i) : "";
    }
    const items = [
      { value: "", text: "(not in this file)" },
      ...head.map((x, i) => ({ value: String(i), text: x || `Column ${i + 1}` })),
    ];
    const mapSelect = (f) =>
      govSelect({
        id: `map-${fieldId(f.key)}`,
        name: `map-${fieldId(f.key)}`,
        label: { text: f.label },
        items,
        value: mapping[f.key],
        onChange: (v) => {
          mapping[f.key] = v;
        },
      });
    put(
      body,
      h("p", { class: "govuk-body" }, `${rows.length} rows. Match each field to a column of your file.`),
      fields.filter((f) => !f.moderation).map((f) => mapSelect(f)),
      // The second auditor's columns, open when the file has any of them.
      h(
        "details",
        {
          class: "govuk-details",
          id: "map-moderation",
          open: fields.some((f) => f.moderation && mapping[f.key] !== "") ? true : null,
        },
        h(
          "summary",
          { class: "govuk-details__summary" },
          h("span", { class: "govuk-details__summary-text" }, "Moderation: a second auditor's grades"),
        ),
        h(
          "div",
          { class: "govuk-details__text" },
          fields.filter((f) => f.moderation).map((f) => mapSelect(f)),
        ),
      ),
      h(
        "div",
        { class: "govuk-button-group" },
        govButton({
          text: "Check and import",
          id: "import-check",
          onClick: () => {
            const audits = auditsFromCsv(rows, mapping, criteria, areas);
            // The matches are kept (by the file's column names), so a fixed file needs none again.
            rememberColumns(app, head, mapping);
            const probe = {
              format: app.limits.format,
              version: app.limits.formatVersion,
              framework: app.a.framework,
              assessedOn: app.a.assessedOn ?? null,
              audits,
            };
            const byRow = new Map();
            for (const p of app.core.validateAssessment(probe)) {
              const m = /^audits\.(\d+)(?:\.(.*))?$/.exec(p.field);
              if (m && !byRow.has(Number(m[1])))
                byRow.set(Number(m[1]), `${csvCellText(head, rows[Number(m[1])], mapping, m[2])}${p.message}`);
            }
            const existing = app.a.audits ?? [];
            if (existing.length + audits.length > MAX_AUDITS) {
              return showErrors([
                {
                  id: "import-check",
                  message: `${FULL}: it has ${formatCount(existing.length)}, and the file ${formatCount(audits.length)}`,
                },
              ]);
            }
            // The same audit twice (case, area and date) would count the case twice: refused, by row.
            const held = new Set(existing.map(auditKey));
            const seen = new Map();
            const areaName = Object.fromEntries(areas.map((a) => [a.id, a.name]));
            for (const [i, a] of audits.entries()) {
              if (byRow.has(i) || !a.caseRef || !a.area || !a.date) continue;
              const key = auditKey(a);
              const what = `case ${a.caseRef} for ${areaName[a.area] ?? a.area} on ${formatDateShort(a.date)}`;
              if (held.has(key))
                byRow.set(i, `The audit of ${what} is already in your audits: an audit is imported once`);
              else if (seen.has(key))
                byRow.set(i, `The audit of ${what} is in row ${lines[seen.get(key)]} too: an audit is imported once`);
              else seen.set(key, i);
            }
            if (byRow.size) {
              // Row numbers as a spreadsheet shows them: the heading is row 1.
              const errors = [...byRow.entries()]
                .sort((a, b) => a[0] - b[0])
                .map(([i, message]) => ({ id: "import-check", message: `Row ${lines[i]}: ${message}` }));
              return showErrors(errors);
            }
            app.set("audits", [...existing, ...audits]);
            app.go("audits", {}, { notice: ["Audits imported", `${audits.length} audits were imported.`] });
          },
        }),
        app.link("Cancel", "audits"),
      ),
    );
  }
  put(
    main,
    summarySlot,
    h("span", { class: "govuk-caption-l" }, "Case-file audits"),
    h("h1", { class: "govuk-heading-l" }, "Import audits from a CSV file"),
    h(
      "p",
      { class: "govuk-body" },
      "Nothing is imported until every row is right: each problem is listed with its row number, so you can correct the file and choose it again.",
    ),
    body,
  );
}
