// Saving to and opening files, and exporting CSV. Saving is a Blob and an <a download>: the
// browser writes the file without any network request. Opening reads the file locally and hands
// the text to the core's parseAssessmentText; nothing changes unless the file is valid.
import { h } from "../ui/dom.mjs";
import { isEncrypted, decryptText, encryptText } from "./crypto.mjs";

/** Offers `text` as a download called `name`. */
export function downloadText(app, name, text, type) {
  downloadBlob(app, name, new Blob([text], { type }));
}

/** Offers `blob` (made on this device) as a download called `name`. */
export function downloadBlob(app, name, blob) {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name, class: "govuk-visually-hidden" }, name);
  app.mount.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function fileStem(app) {
  const who =
    [app.a?.authority || "self-evaluation", app.a?.participant]
      .filter(Boolean)
      .join(" ")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "self-evaluation";
  return `stocktake-${who}-${app.a?.assessedOn || app.today()}`;
}

/** Saves the assessment as JSON in the saved-file format. */
export function saveAssessmentFile(app) {
  if (!app.a) return;
  const name = `${fileStem(app)}.json`;
  downloadText(app, name, `${JSON.stringify(app.a, null, 2)}\n`, "application/json");
  app.savedToFile(name);
  app.showNotice(
    "Your self-evaluation has been saved to a file",
    `Your browser has saved it as ${name}, usually in your Downloads folder. ${
      app.fileFirst
        ? "This browser keeps nothing here: after the page reloads, choose \u201cOpen your last file\u201d on the start page and pick it."
        : "Open it from the start page to carry on."
    }`,
  );
}

/** "1.4 MB" for a size in bytes. */
function megabytesText(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads a saved file without changing anything. Returns one of
 * - { ok: true, assessment, warnings: [problem] } (warnings: parts that will be left out),
 * - { ok: false, code, messages } (the file cannot be opened; `code` is the core's problem code),
 * - { ok: false, code: "encrypted", needsPassphrase: true, text } (ask for the passphrase, then
 *   call again with it).
 * Files over the core's size limit are refused from File.size, before a byte is read.
 */
export async function openAssessmentFile(app, file, passphrase) {
  const limits = app.core.fileLimits();
  if (file.size > limits.maxFileBytes) {
    return {
      ok: false,
      code: "too_big",
      messages: [
        `The selected file is ${megabytesText(file.size)}: a Stocktake file can be at most ${megabytesText(limits.maxFileBytes)}, so this is not one`,
      ],
    };
  }
  let text;
  try {
    text = typeof file.text === "function" ? await file.text() : String(file);
  } catch {
    return { ok: false, code: "unreadable", messages: ["The selected file could not be read: try choosing it again"] };
  }
  return openAssessmentText(app, text, passphrase);
}

/** As openAssessmentFile, for text already read (an encrypted file's text, with its passphrase). */
export async function openAssessmentText(app, text, passphrase) {
  let outer = null;
  try {
    outer = JSON.parse(text);
  } catch {
    outer = null;
  }
  if (isEncrypted(outer)) {
    if (!passphrase)
      return {
        ok: false,
        code: "encrypted",
        needsPassphrase: true,
        text,
        messages: ["Enter the passphrase for this file"],
      };
    try {
      text = await decryptText(text, passphrase);
    } catch (err) {
      return {
        ok: false,
        code: err.code ?? "wrong_passphrase_or_changed",
        needsPassphrase: err.code === "wrong_passphrase_or_changed" || err.code === "no_passphrase",
        text,
        messages: [err.message],
      };
    }
  }
  let parsed;
  try {
    parsed = app.core.parseAssessmentText(text);
  } catch (err) {
    return {
      ok: false,
      code: "not_stocktake",
      messages: [`The selected file is not a Stocktake file: ${err.message}`],
    };
  }
  const problems = parsed?.problems ?? [];
  if (parsed?.fatal) {
    return {
      ok: false,
      code: problems[0]?.code ?? "not_stocktake",
      messages: problems.map((p) => p.message),
    };
  }
  return { ok: true, assessment: parsed.assessment, warnings: problems };
}

/** Saves the assessment protected by `passphrase` (AES-GCM, PBKDF2 key: crypto.mjs). */
export async function saveProtectedFile(app, passphrase) {
  if (!app.a) return;
  const text = await encryptText(`${JSON.stringify(app.a, null, 2)}\n`, passphrase);
  const name = `${fileStem(app)}-protected.json`;
  downloadText(app, name, `${text}\n`, "application/json");
  app.savedToFile(name);
}

/**
 * Exports the answers and action plan as CSV. The CSV writer travels with the Word and Excel
 * exporters (loaded when a file is first asked for), not in the first visit.
 */
export async function exportCsv(app) {
  const fw = app.fw();
  if (!app.a || !fw) return;
  const planned = new Set((app.scored?.actionPlan ?? []).map((x) => x.statementId));
  const evidenceLabel = new Map((fw.evidenceSources ?? []).map((e) => [e.id, e.label]));
  const rows = [
    [
      "Area",
      "Statement id",
      "Statement",
      "Critical",
      "Level",
      "How do you know",
      "Notes",
      "Planned action",
      "Owner",
      "Due",
      "In action plan",
    ],
  ];
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
  let exporters;
  try {
    exporters = await app.loadExporters();
  } catch (err) {
    app.loadFailed(err, () => exportCsv(app));
    return;
  }
  downloadText(app, `${fileStem(app)}.csv`, exporters.makeCsv(rows), "text/csv;charset=utf-8");
}
