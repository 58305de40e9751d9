// Saving to and opening files, and exporting CSV. Saving is a Blob and an <a download>: the
// browser writes the file without any network request. Opening reads the file locally and hands
// the text to the core's parseAssessmentText; nothing changes unless the file is valid.
import { h } from "./dom.mjs";

/** Offers `text` as a download called `name`. */
export function downloadText(app, name, text, type) {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, class: "govuk-visually-hidden" }, name);
  app.mount.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileStem(app) {
  const who = (app.a?.authority || "self-evaluation").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "self-evaluation";
  return `stocktake-${who}-${app.a?.assessedOn || app.today()}`;
}

/** Saves the assessment as JSON in the saved-file format. */
export function saveAssessmentFile(app) {
  if (!app.a) return;
  downloadText(app, `${fileStem(app)}.json`, JSON.stringify(app.a, null, 2) + "\n", "application/json");
}

/**
 * Reads a saved file. Returns { ok: true, assessment } or { ok: false, messages } (nothing changed).
 */
export async function openAssessmentFile(app, file) {
  if (file.size > 5 * 1024 * 1024) return { ok: false, messages: ["The selected file is too big to be a Stocktake file: choose a file smaller than 5 MB"] };
  let text;
  try {
    text = await file.text();
  } catch {
    return { ok: false, messages: ["The selected file could not be read: try choosing it again"] };
  }
  let parsed;
  try {
    parsed = app.core.parseAssessmentText(text);
  } catch (err) {
    return { ok: false, messages: [`The selected file is not a Stocktake file: ${err.message}`] };
  }
  const problems = parsed?.problems ?? [];
  if (problems.length) {
    const shown = problems.slice(0, 5).map((p) => `The selected file cannot be opened: ${p.message}${p.field ? ` (in ${p.field})` : ""}`);
    if (problems.length > 5) shown.push(`The selected file has ${problems.length - 5} more problems`);
    return { ok: false, messages: shown };
  }
  return { ok: true, assessment: parsed.assessment };
}

/** One CSV cell: always quoted; cells that a spreadsheet would run as a formula get a leading apostrophe. */
export function csvCell(value) {
  let s = value == null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return `"${s.replace(/"/g, '""')}"`;
}

/** Rows → CSV text: UTF-8 BOM, CRLF line ends, every cell quoted. */
export function csvText(rows) {
  return "\uFEFF" + rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Exports the answers and action plan as CSV. */
export function exportCsv(app) {
  const fw = app.fw();
  if (!app.a || !fw) return;
  const planned = new Set((app.scored?.actionPlan ?? []).map((x) => x.statementId));
  const evidenceLabel = new Map((fw.evidenceSources ?? []).map((e) => [e.id, e.label]));
  const rows = [["Area", "Statement id", "Statement", "Critical", "Level", "How do you know", "Notes", "Planned action", "Owner", "Due", "In action plan"]];
  for (const area of fw.areas) {
    for (const s of area.statements) {
      const ans = app.a.answers?.[s.id] ?? {};
      rows.push([
        area.name,
        s.id,
        s.text,
        s.critical ? "Yes" : "No",
        ans.level ? app.levelLabel(ans.level) : "",
        (ans.evidence ?? []).map((e) => evidenceLabel.get(e) ?? e).join("; "),
        ans.notes ?? "",
        ans.action?.text ?? "",
        ans.action?.owner ?? "",
        ans.action?.due ?? "",
        planned.has(s.id) ? "Yes" : "No",
      ]);
    }
  }
  downloadText(app, `${fileStem(app)}.csv`, csvText(rows), "text/csv;charset=utf-8");
}
