// The blocks a report description is made of (headings, paragraphs, lists, tables), for the Word
// writer (office.mjs) and the report page (report.mjs's blocksToHtml).

/**
 * A block of a section: a paragraph, a heading, a list or a table.
 * @typedef {{ type: string, text?: any, small?: boolean, level?: number, items?: any[], ordered?: boolean,
 *   caption?: string, head?: string[], rows?: any[][], widths?: number[] }} Block
 */

/** @returns {Block} */
export const p = (text, small = false) => ({ type: "p", text, small: Boolean(small) });
/** @returns {Block} */
export const h2 = (text) => ({ type: "h", level: 2, text });
/** @returns {Block} */
export const list = (items, ordered = false) => ({ type: "list", items, ordered: Boolean(ordered) });
/** @returns {Block} */
export const table = (caption, head, rows, widths = undefined) => ({ type: "table", caption, head, rows, widths });
