// The blocks a report description is made of (headings, paragraphs, lists, tables), for the Word
// writer (office.mjs) and the report page (report.mjs's blocksToHtml).

export const p = (text, small) => ({ type: "p", text, small: Boolean(small) });
export const h2 = (text) => ({ type: "h", level: 2, text });
export const list = (items, ordered) => ({ type: "list", items, ordered: Boolean(ordered) });
export const table = (caption, head, rows, widths) => ({ type: "table", caption, head, rows, widths });
