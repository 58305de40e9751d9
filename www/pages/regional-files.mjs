// The regional picture as files: CSV, Word and Excel, from the same picture the page shows
// (pages/regional.mjs builds it). Names come out as typed: CSV cells are escaped by csvText, and
// the workbook writes text as text.
import { RECORD_JUDGEMENTS, longDate, recordLabel } from "../domain/record.mjs";
import { WORKFORCE } from "../domain/regional.mjs";
import { RANKED_HEAD, REGION_HEAD, rankedRows, regionOverviewRows } from "./regional-region.mjs";

/** Grade text for a judgement id from a map of grades. */
export function gradeText(app, grades, id, none = "Not given") {
  return grades?.[id] ? app.levelLabel(grades[id]) : none;
}

/** The CSV: the tables one after another, each under a heading row. */
export function csvRows(app, p) {
  const out = [["Projected judgements beside the last inspection"]];
  out.push(["Authority", "Source", "Date", ...RECORD_JUDGEMENTS.map((j) => j.name)]);
  for (const r of p.rows) {
    const name = r.e.pack.preparedBy;
    out.push([
      name,
      "Projection",
      r.e.pack.assessment.assessedOn ?? "",
      ...RECORD_JUDGEMENTS.map((j) => gradeText(app, r.projected, j.id, "Not projected")),
    ]);
    out.push([
      name,
      "Last inspection",
      r.last?.endedOn ?? "",
      ...RECORD_JUDGEMENTS.map((j) => (r.last ? gradeText(app, r.last.grades, j.id) : "No inspection in the record")),
    ]);
  }
  out.push([], ["Candidate regional priorities"], ["Area", "Statement", "Authorities", "Which"]);
  for (const a of p.priorities)
    for (const s of a.statements) out.push([a.area, s.text, String(s.count), s.authorities.join("; ")]);
  out.push([], ["Workforce indicators"], ["Authority", ...p.indicators.map((i) => i.name)]);
  for (const w of p.workforce)
    out.push([w.authority, ...WORKFORCE.map((id) => (w.values[id] == null ? "" : String(w.values[id])))]);
  out.push([], ["Candidate priorities, ranked"], RANKED_HEAD);
  for (const r of rankedRows(p.region)) out.push(r.map(String));
  if (p.region.region) {
    out.push([], [`Every authority in ${p.region.region}`], REGION_HEAD);
    out.push(...regionOverviewRows(app, p.region));
  }
  return out;
}

/** The tables of the picture, as header row and rows, for the Word and Excel files. */
function pictureTables(app, p) {
  const judgements = {
    caption: "Projected judgements beside the last inspection",
    head: ["Authority", "Source", "Date", ...RECORD_JUDGEMENTS.map((j) => j.name)],
    rows: p.rows.flatMap((r) => [
      [
        r.e.pack.preparedBy,
        "Projection",
        r.e.pack.assessment.assessedOn ?? "",
        ...RECORD_JUDGEMENTS.map((j) => gradeText(app, r.projected, j.id, "Not projected")),
      ],
      [
        r.e.pack.preparedBy,
        "Last inspection",
        r.last?.endedOn ?? "",
        ...RECORD_JUDGEMENTS.map((j) => (r.last ? gradeText(app, r.last.grades, j.id) : "No inspection in the record")),
      ],
    ]),
  };
  const prioritiesTable = {
    caption: "Candidate regional priorities",
    head: ["Area", "Statement", "Authorities", "Which"],
    rows: p.priorities.flatMap((a) => a.statements.map((x) => [a.area, x.text, x.count, x.authorities.join("; ")])),
  };
  const workforceTable = {
    caption: "Workforce indicators",
    head: ["Authority", ...p.indicators.map((i) => i.name)],
    rows: p.workforce.map((w) => [w.authority, ...WORKFORCE.map((id) => w.values[id] ?? null)]),
  };
  const rankedTable = { caption: "Candidate priorities, ranked", head: RANKED_HEAD, rows: rankedRows(p.region) };
  const regionTable = {
    caption: p.region.region ? `Every authority in ${p.region.region}` : "Every authority in the region",
    head: REGION_HEAD,
    rows: p.region.region ? regionOverviewRows(app, p.region) : [],
  };
  return [judgements, prioritiesTable, workforceTable, rankedTable, regionTable];
}

/** The regional picture as a Word document (www/exports/office.mjs, makeDocx). */
export function regionalDocument(app, p, record) {
  const tables = pictureTables(app, p);
  const text = (v) => (v == null ? "Not given" : String(v));
  return {
    title: "Regional picture",
    subtitle: `${p.rows.length} authorities' peer challenge packs`,
    marking: "Confidential — shared for peer challenge",
    prepared: `Prepared with Stocktake ${app.core.version()}`,
    facts: [
      ["Authorities", p.rows.map((r) => r.e.pack.preparedBy).join(", ")],
      ["Date", longDate(app.today())],
      ["Inspection record", record ? recordLabel(record) : "Not loaded"],
    ],
    sections: tables.map((t, i) => ({
      heading: t.caption,
      landscape: i === 0 || i === 3,
      blocks: [
        t.rows.length
          ? { type: "table", caption: t.caption, head: t.head, rows: t.rows.map((r) => r.map(text)) }
          : { type: "p", text: "None.", small: false },
      ],
    })),
  };
}

/** The regional picture as a workbook: one sheet a table, dates as dates and figures as numbers. */
export function regionalWorkbook(app, p) {
  const [judgements, prioritiesTable, workforceTable, rankedTable, regionTable] = pictureTables(app, p);
  const textCols = (head, width = 22) => head.map((x) => ({ header: x, width }));
  return {
    sheets: [
      {
        name: "Judgements",
        columns: [
          { header: "Authority", width: 28 },
          { header: "Source", width: 16 },
          { header: "Date", type: "date", width: 12 },
          ...textCols(judgements.head.slice(3)),
        ],
        rows: judgements.rows,
      },
      {
        name: "Priorities",
        columns: [
          { header: "Area", width: 24 },
          { header: "Statement", width: 60 },
          { header: "Authorities", type: "number", width: 12 },
          { header: "Which", width: 40 },
        ],
        rows: prioritiesTable.rows,
      },
      {
        name: "Workforce",
        columns: [
          { header: "Authority", width: 28 },
          ...workforceTable.head.slice(1).map((x) => ({ header: x, type: "number", width: 16 })),
        ],
        rows: workforceTable.rows,
      },
      {
        name: "Ranked",
        columns: [
          { header: "Rank", type: "number", width: 8 },
          { header: "Statement", width: 60 },
          { header: "Area", width: 24 },
          { header: "Points", type: "number", width: 10 },
          { header: "Why", width: 80 },
        ],
        rows: rankedTable.rows,
      },
      {
        name: "Region",
        columns: [
          { header: "Authority", width: 28 },
          { header: "Pack", width: 24 },
          { header: "Last inspection", width: 36 },
          { header: "Figures flagged", width: 60 },
        ],
        rows: regionTable.rows,
      },
    ],
  };
}
