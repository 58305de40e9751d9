// The exporters: a Word document (.docx, with `docx`), a workbook (.xlsx, with
// `write-excel-file`) and CSV text (`makeCsv`, the one CSV module's writer), made in the browser from a plain description that the page builds
// (www/exports/report.mjs). Nothing here knows about Stocktake's data: it renders headings,
// paragraphs, lists and tables, and typed spreadsheet columns. scripts/build-dist.mjs bundles this
// module on its own (dist/stocktake-exports.mjs, loaded only when the user asks for a file, and
// carried inside the offline file), so it must not import the page's modules, other than the CSV
// module, which holds no state (its copy here and the tools chunk's do not need to be one).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
// The synchronous generator: write-excel-file's default (asynchronous) one zips with fflate's
// Web Workers for large sheets, started from blob: URLs that the page's CSP (rightly) refuses.
import { generateXlsxFileSync } from "../../node_modules/write-excel-file/modules/export/writeXlsxFileUniversal.js";
import convertToBytes from "../../node_modules/write-excel-file/modules/export/convertFileContentToUint8ArrayUniversal.js";

export { csvText as makeCsv } from "../domain/csv.mjs";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const FONT = "Arial";
/** Half-points. */
const SIZE = { body: 22, small: 18, title: 56, subtitle: 32, h1: 36, h2: 28, h3: 24 };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "B1B4B6" };

/**
 * Text runs for a paragraph: a string, or a list of strings and { text, bold }. A line break in
 * the text (a planned action typed a step a line) is a line break in the document.
 */
function runs(content, extra = {}) {
  const parts = Array.isArray(content) ? content : [content];
  return parts
    .filter((p) => p != null && p !== "")
    .flatMap((p) => {
      const text = typeof p === "string" ? p : String(p.text ?? "");
      const bold = typeof p === "string" ? {} : { bold: Boolean(p.bold) };
      return text
        .split(/\r?\n/)
        .map((line, i) => new TextRun({ text: line, ...(i ? { break: 1 } : {}), ...bold, ...extra }));
    });
}

function cell(text, header, width, keepNext) {
  return new TableCell({
    children: [
      new Paragraph({ children: runs(text == null ? "" : String(text), header ? { bold: true } : {}), keepNext }),
    ],
    shading: header ? { type: ShadingType.CLEAR, fill: "F3F2F1", color: "auto" } : undefined,
    width: width ? { size: width, type: WidthType.PERCENTAGE } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
}

/** Tables of at most this many rows are kept on one page. */
const SHORT_TABLE = 8;

/** A table whose first row is a header row repeated on every page; a short one kept on one page. */
function table(block) {
  const widths = block.widths ?? [];
  const short = block.rows.length <= SHORT_TABLE;
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: block.head.map((t, i) => cell(t, true, widths[i], true)),
    }),
    ...block.rows.map(
      (r, n) =>
        new TableRow({
          cantSplit: true,
          children: r.map((t, i) => cell(t, false, widths[i], short && n < block.rows.length - 1)),
        }),
    ),
  ];
  return new Table({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
  });
}

const HEADING = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 };

/** One block of the description → docx paragraphs and tables. */
function blockToDocx(block, state) {
  switch (block.type) {
    case "h":
      return [new Paragraph({ heading: HEADING[block.level] ?? HeadingLevel.HEADING_3, children: runs(block.text) })];
    case "p":
      return [
        new Paragraph({
          children: runs(block.text, block.small ? { size: SIZE.small } : {}),
          spacing: { after: 120 },
        }),
      ];
    case "list": {
      const instance = state.lists++;
      return block.items.map(
        (item) =>
          new Paragraph({
            children: runs(item),
            ...(block.ordered
              ? { numbering: { reference: "ordered", level: 0, instance } }
              : { numbering: { reference: "bullets", level: 0 } }),
            spacing: { after: 60 },
          }),
      );
    }
    case "table":
      return [
        new Paragraph({
          children: runs(block.caption, { bold: true }),
          spacing: { before: 120, after: 60 },
          keepNext: true,
        }),
        table(block),
        new Paragraph({ children: [], spacing: { after: 120 } }),
      ];
    default:
      throw new Error(`unknown block type ${block.type}`);
  }
}

/**
 * The Word document for a description { title, subtitle, facts: [[label, value]], marking,
 * prepared, sections: [{ heading, blocks }] }: a title page, then each section under a Heading 1
 * on a new page. Resolves to a Blob.
 */
export function makeDocx(d) {
  const state = { lists: 0 };
  const titlePage = [
    new Paragraph({ children: runs(d.marking ?? "", { bold: true, size: SIZE.h3 }), spacing: { after: 2400 } }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(d.title) }),
    d.subtitle ? new Paragraph({ children: runs(d.subtitle, { size: SIZE.subtitle }), spacing: { after: 480 } }) : null,
    ...(d.facts ?? []).map(
      ([label, value]) =>
        new Paragraph({
          children: [...runs(`${label}: `, { bold: true }), ...runs(String(value ?? ""))],
          spacing: { after: 120 },
        }),
    ),
  ].filter(Boolean);
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.LEFT,
        children: [
          ...runs(`${d.marking ?? ""}${d.marking ? " · " : ""}${d.prepared ?? ""} · Page `, { size: SIZE.small }),
          new TextRun({ children: [PageNumber.CURRENT], size: SIZE.small }),
        ],
      }),
    ],
  });
  // A4, 2 cm margins; a section with wide tables (`landscape`) on landscape pages. Each section
  // starts a new page.
  const page = (landscape) => ({
    page: {
      size: {
        width: 11906,
        height: 16838,
        orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
    },
  });
  const body = (d.sections ?? []).map((s) => ({
    properties: page(Boolean(s.landscape)),
    footers: { default: footer },
    children: [
      new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(s.heading) }),
      ...s.blocks.flatMap((b) => blockToDocx(b, state)),
    ],
  }));
  const heading = (size) => ({
    run: { font: FONT, size, bold: true, color: "0B0C0C" },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
  });
  const doc = new Document({
    creator: d.subtitle ?? "",
    title: [d.title, d.subtitle].filter(Boolean).join(": "),
    description: d.marking ?? "",
    styles: {
      default: {
        document: { run: { font: FONT, size: SIZE.body, color: "0B0C0C" } },
        title: {
          run: { font: FONT, size: SIZE.title, bold: true, color: "0B0C0C" },
          paragraph: { spacing: { after: 240 } },
        },
        heading1: heading(SIZE.h1),
        heading2: heading(SIZE.h2),
        heading3: heading(SIZE.h3),
      },
    },
    numbering: {
      config: [
        {
          reference: "bullets",
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: "\u2022",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
        {
          reference: "ordered",
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: "%1.",
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [{ properties: page(false), footers: { default: footer }, children: titlePage }, ...body],
  });
  return Packer.toBlob(doc);
}

// ---- workbook ------------------------------------------------------------------------------------

/** "2026-05-01" → a Date at UTC midnight (the serial number of that day, no time zone drift). */
function isoDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value ?? ""));
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/**
 * One cell. Text is always a String cell, written as text (never a formula, whatever it starts
 * with); dates are Date cells with a date format; numbers Number cells; percentages numbers (0–1)
 * shown as percentages. An empty or unusable value is an empty cell.
 */
function xlsxCell(value, type, wrap) {
  if (value == null || value === "") return null;
  switch (type) {
    case "date": {
      const d = isoDate(value);
      return d
        ? { value: d, type: Date, format: "dd/mm/yyyy", alignVertical: "top" }
        : { value: String(value), type: String, alignVertical: "top" };
    }
    case "number":
    case "percent": {
      const n = typeof value === "number" ? value : Number.NaN;
      if (!Number.isFinite(n)) return { value: String(value), type: String, alignVertical: "top" };
      return type === "percent"
        ? { value: n, type: Number, format: "0%", alignVertical: "top" }
        : { value: n, type: Number, alignVertical: "top" };
    }
    default:
      return { value: String(value), type: String, wrap: Boolean(wrap), alignVertical: "top" };
  }
}

/** The XML-escaped, quoted sheet name in a reference: 'Action plan'. */
function sheetName(name) {
  return `'${name.replace(/'/g, "''").replace(/&/g, "&amp;").replace(/</g, "&lt;")}'`;
}

/** The XML-escaped sheet name in a reference: 'Action plan'!$A$1:$G$9. */
function sheetRef(name, cols, rows) {
  return `${sheetName(name)}!$A$1:$${columnName(cols)}$${rows}`;
}

/**
 * Rows tall enough for their wrapped text: an office suite sizes a row to its text only when it
 * recalculates, which LibreOffice does not on opening, so each row gets the height its longest
 * wrapped cell needs (lines of about the column's width in characters, 15 points a line).
 */
function rowHeights(xml, sheet) {
  const lines = (text, width) =>
    String(text ?? "")
      .split(/\r?\n/)
      .reduce((n, part) => n + Math.max(1, Math.ceil((part.length * 1.1) / Math.max(4, (width ?? 30) - 1))), 0);
  const heights = [sheet.columns, ...sheet.rows].map((r, i) => {
    let most = 1;
    sheet.columns.forEach((c, j) => {
      const value = i === 0 ? c.header : r[j];
      if ((c.wrap || i === 0) && value != null && value !== "") most = Math.max(most, lines(value, c.width));
    });
    return most;
  });
  return xml.replace(/<row r="(\d+)"/g, (m, n) => {
    const k = heights[Number(n) - 1] ?? 1;
    return k > 1 ? `${m} ht="${Math.min(409, k * 15)}" customHeight="1"` : m;
  });
}

/**
 * A sheet laid out to print: A4, fitted to the page's width (as many pages down as it takes),
 * landscape when the sheet is wide; its header row repeats on every page (Print_Titles, above).
 */
function printSetup(xml, landscape) {
  const fit = '<pageSetUpPr fitToPage="1"/>';
  let out = xml.includes("<sheetPr")
    ? xml
        .replace(/<sheetPr([^>]*?)\/>/, (_, a) => `<sheetPr${a}>${fit}</sheetPr>`)
        .replace(/<sheetPr([^>]*?)>(?!<pageSetUpPr)/, (m) => `${m}${fit}`)
    : xml.replace(/<worksheet[^>]*>/, (m) => `${m}<sheetPr>${fit}</sheetPr>`);
  const setup = `<pageSetup paperSize="9" orientation="${landscape ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"/>`;
  if (out.includes("<pageMargins")) out = out.replace(/<pageMargins[^>]*\/>/, (m) => `${m}${setup}`);
  else {
    const margins = '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>';
    out = out.replace(/<autoFilter[^>]*\/>/, (m) => `${m}${margins}${setup}`);
  }
  return out;
}

function columnName(n) {
  let s = "";
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/**
 * write-excel-file freezes the header row (stickyRowsCount) but has no filter: this feature adds
 * an autoFilter over each sheet's header and rows, and the hidden _xlnm._FilterDatabase name
 * Excel writes beside it.
 */
function autoFilter(sheets) {
  const size = (i) => ({ cols: sheets[i].columns.length, rows: sheets[i].rows.length + 1 });
  return {
    files: {
      transform: {
        "xl/worksheets/sheet{id}.xml": {
          transform(xml, _options, { sheetIndex }) {
            const { cols, rows } = size(sheetIndex);
            if (xml.includes("<autoFilter")) return xml;
            return printSetup(
              rowHeights(
                xml.replace("</sheetData>", () => `</sheetData><autoFilter ref="A1:${columnName(cols)}${rows}"/>`),
                sheets[sheetIndex],
              ),
              Boolean(sheets[sheetIndex].landscape),
            );
          },
        },
        "xl/workbook.xml": {
          transform(xml) {
            const names = sheets
              .map((s, i) => {
                const { cols, rows } = size(i);
                return `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${sheetRef(s.name, cols, rows)}</definedName><definedName name="_xlnm.Print_Titles" localSheetId="${i}">${sheetName(s.name)}!$1:$1</definedName>`;
              })
              .join("");
            if (/<definedNames\s*\/>/.test(xml))
              return xml.replace(/<definedNames\s*\/>/, () => `<definedNames>${names}</definedNames>`);
            if (xml.includes("</definedNames>")) return xml.replace("</definedNames>", () => `${names}</definedNames>`);
            const at = xml.includes("<calcPr") ? "<calcPr" : "</workbook>";
            return xml.replace(at, () => `<definedNames>${names}</definedNames>${at}`);
          },
        },
      },
    },
  };
}

/**
 * The workbook for { sheets: [{ name, columns: [{ header, type, width }], rows: [[value]] }] }:
 * a bold header row, frozen and filtered; typed cells (xlsxCell). Resolves to a Blob.
 */
export function makeXlsx({ sheets }) {
  const data = sheets.map((s) => ({
    sheet: s.name,
    data: [
      s.columns.map((c) => ({
        value: c.header,
        type: String,
        fontWeight: "bold",
        backgroundColor: "#F3F2F1",
        wrap: true,
        alignVertical: "top",
      })),
      ...s.rows.map((r) => s.columns.map((c, i) => xlsxCell(r[i], c.type, c.wrap))),
    ],
    columns: s.columns.map((c) => ({ width: c.width ?? (c.type === "date" ? 12 : c.type ? 10 : 30) })),
    stickyRowsCount: 1,
  }));
  return generateXlsxFileSync(
    data,
    { fontFamily: FONT, fontSize: 11, features: [autoFilter(sheets)] },
    undefined,
    convertToBytes,
  );
}
