// "Regional picture": a regional lead loads the peer challenge packs several authorities have
// shared (file input with multiple, or dropped on the drop zone) and sees their projected
// judgements beside their last real inspection (the public record), candidate regional
// priorities, and workforce indicators side by side; CSV export. Files are read in this browser
// only and kept in memory while the page is open.
import { h, put, replace } from "../ui/dom.mjs";
import { govButton, govInput } from "../ui/govuk.mjs";
import { csvText } from "../domain/csv.mjs";
import { downloadText } from "../domain/files.mjs";
import { openPeerText, readPack } from "../domain/peer.mjs";
import { RECORD_JUDGEMENTS, latestInspection, longDate } from "../domain/record.mjs";
import { recordInUse } from "./record-panel.mjs";
import {
  WORKFORCE,
  onePerAuthority,
  packComments,
  packName,
  packsRegion,
  priorities,
  workforce,
} from "../domain/regional.mjs";
import { csvRows, gradeText, regionalDocument, regionalWorkbook } from "./regional-files.mjs";
import { packsTable, rankedSection, regionPicture, regionSection, regionalTable } from "./regional-region.mjs";
import { exportButtons } from "../exports/report.mjs";
import { familyOf } from "../domain/family.mjs";

const MAX_PACK_BYTES = 5 * 1024 * 1024;

/**
 * What the page keeps in memory for this app (`app.feature`): the packs loaded, `{ file, pack }`;
 * the files left out, `{ file, text }` (one sentence each); the region the reader chose (null: the
 * packs' own, `packsRegion`); the reader's name. Never kept on the device: packs are other
 * authorities' candid views.
 */
const stateOf = (app) =>
  app.feature("regional", () => ({ loaded: [], unreadable: [], chosenRegion: null, reader: "" }));

const NEW_COPY = "Ask the authority that sent it for a new copy.";
const CHOOSE_PACK = "Choose the peer challenge pack the authority saved for you.";
/**
 * Why a file could not be read, by the code peer.mjs and crypto.mjs give, as the rest of one
 * sentence that starts "<file> could not be read: ": what is wrong, then what to do.
 */
const REASONS = {
  too_big: `it is larger than 5 MB, so it is not a peer challenge pack. ${CHOOSE_PACK}`,
  unreadable: "this browser could not open it. Load it again.",
  needs_passphrase: "it is protected with a passphrase. Enter the passphrase above and load it again.",
  wrong_passphrase_or_changed:
    "the passphrase is wrong, or the file has been changed since it was protected. Check the passphrase above and load the file again.",
  no_passphrase: "it is protected with a passphrase. Enter the passphrase above and load it again.",
  protected: "it is protected with a passphrase. Enter the passphrase above and load it again.",
  not_stocktake: `it is not a Stocktake file. ${CHOOSE_PACK}`,
  other_format: `it is not a Stocktake file. ${CHOOSE_PACK}`,
  not_encrypted: `it is damaged. ${NEW_COPY}`,
  damaged: `it is damaged. ${NEW_COPY}`,
  incomplete: `it is damaged: parts of the pack are missing. ${NEW_COPY}`,
  no_version: `it is damaged: it does not say which version of Stocktake made it. ${NEW_COPY}`,
  newer_version: "it was made by a newer version of Stocktake. Open it in the newer version.",
  is_assessment: `it is a self-evaluation, not a peer challenge pack. ${CHOOSE_PACK}`,
  is_response: `it is a peer reviewer's response, not a peer challenge pack. ${CHOOSE_PACK}`,
  unknown_framework:
    "its self-evaluation follows a framework this version of Stocktake does not know. Open it in the newest version of Stocktake.",
};

/** Notes that `file` could not be read, for the reason coded `code` (a key of REASONS). */
function cannotRead(st, file, code) {
  st.unreadable.push({ file: file.name, text: `${file.name} could not be read: ${REASONS[code] ?? REASONS.damaged}` });
}

/**
 * Reads `files` into the lists above; `passphrase` opens protected packs. `frameworks` are the
 * core's framework summaries: the picture compares local authorities, so a pack whose
 * self-evaluation follows a provider framework (SCCIF) is left out, saying so.
 */
async function addFiles(st, files, passphrase, frameworks) {
  for (const file of files) {
    // A file loaded again (with the passphrase, say) is reported by this load alone.
    st.unreadable = st.unreadable.filter((u) => u.file !== file.name);
    if (file.size > MAX_PACK_BYTES) {
      cannotRead(st, file, "too_big");
      continue;
    }
    let text;
    try {
      text = await file.text();
    } catch {
      cannotRead(st, file, "unreadable");
      continue;
    }
    const opened = await openPeerText(text, passphrase || null);
    if (opened.needsPassphrase && !passphrase) {
      cannotRead(st, file, "needs_passphrase");
      continue;
    }
    if (opened.problem) {
      cannotRead(st, file, opened.code);
      continue;
    }
    const { pack, code } = readPack(opened.value);
    if (!pack) {
      cannotRead(st, file, code);
      continue;
    }
    const fw = frameworks.find((f) => f.id === pack.assessment.framework);
    if (!fw) cannotRead(st, file, "unknown_framework");
    else if (familyOf(fw) !== "ilacs")
      st.unreadable.push({
        file: file.name,
        text: `${file.name} was not counted: it is a self-evaluation against ${fw.name}. The regional picture compares local authorities' ILACS self-evaluations.`,
      });
    else st.loaded.push({ file: file.name, pack });
  }
}

/** Everything the page shows, as data (also what the files hold). */
function picture(app, record, figures) {
  const st = stateOf(app);
  const { kept, duplicates } = onePerAuthority(st.loaded, record);
  const fw = app.fw(kept[0]?.pack.assessment.framework);
  const rows = kept.map((e) => {
    let scored = null;
    try {
      scored = app.core.score(e.pack.assessment);
    } catch {
      scored = null;
    }
    const projected = {};
    for (const j of scored?.judgements ?? []) if (j.grade) projected[j.id] = j.grade;
    if (scored?.overall?.grade) projected.overall_effectiveness = scored.overall.grade;
    const authority = e.who?.authority;
    const last = authority ? latestInspection(record, authority.urn) : null;
    return { e, projected, last };
  });
  const region = st.chosenRegion ?? packsRegion(kept);
  return {
    kept,
    duplicates,
    rows,
    priorities: priorities(kept, fw?.areas ?? []),
    workforce: workforce(kept),
    indicators: WORKFORCE.map((id) => fw?.indicators?.find((i) => i.id === id) ?? { id, name: id }),
    region: regionPicture(app, { record, figures, kept, region, fw }),
  };
}

/** "Regional picture". */
export function regionalPage(app, main) {
  const st = stateOf(app);
  app.title("Regional picture");
  let passphrase = "";
  const results = h("div", { id: "regional-results", "aria-live": "polite" });
  const input = h("input", {
    class: "govuk-file-upload",
    id: "regional-files",
    name: "regional-files",
    type: "file",
    multiple: true,
    accept: ".json,application/json",
    "aria-describedby": "regional-files-hint",
  });
  const load = async (files) => {
    replace(results, h("p", { class: "govuk-body", role: "status" }, "Reading the packs…"));
    await addFiles(st, [...files], passphrase, app.frameworks);
    input.value = "";
    await render();
  };
  input.addEventListener("change", () => input.files?.length && load(input.files));
  const drop = h(
    "div",
    { class: "st-drop-zone", id: "regional-drop" },
    h("p", { class: "govuk-body govuk-!-margin-bottom-2" }, "Or drop the pack files here."),
  );
  drop.addEventListener("dragover", (e) => {
    e.preventDefault();
    drop.classList.add("st-drop-zone--over");
  });
  drop.addEventListener("dragleave", () => drop.classList.remove("st-drop-zone--over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("st-drop-zone--over");
    if (e.dataTransfer?.files?.length) load(e.dataTransfer.files);
  });

  const render = async () => {
    let record = null;
    try {
      record = (await recordInUse(app)).record;
    } catch {
      record = null;
    }
    let figures = null;
    try {
      figures = (await app.loadRecord())?.figures ?? null;
    } catch {
      figures = null;
    }
    const p = picture(app, record, figures);
    const table = regionalTable;
    const comments = (e) => packComments(e, st.reader, !!record);
    const commented = p.kept.filter((e) => comments(e).length);
    replace(
      results,
      st.unreadable.length
        ? h(
            "div",
            { class: "govuk-warning-text", id: "regional-unreadable" },
            h("span", { class: "govuk-warning-text__icon", "aria-hidden": "true" }, "!"),
            h(
              "div",
              { class: "govuk-warning-text__text" },
              h("span", { class: "govuk-visually-hidden" }, "Warning"),
              st.unreadable.length === 1 ? "1 file was not loaded:" : `${st.unreadable.length} files were not loaded:`,
              h(
                "ul",
                { class: "govuk-list govuk-list--bullet" },
                st.unreadable.map((u) => h("li", {}, u.text)),
              ),
            ),
          )
        : null,
      p.duplicates.length
        ? h(
            "div",
            { class: "govuk-inset-text", id: "regional-duplicates" },
            h("p", { class: "govuk-body" }, "Counted once:"),
            h(
              "ul",
              { class: "govuk-list govuk-list--bullet" },
              p.duplicates.map((d) =>
                h(
                  "li",
                  {},
                  `${d.file} is another pack from ${d.authority}, so only the later one, ${d.keptFile}, is counted.`,
                ),
              ),
            ),
          )
        : null,
      p.kept.length
        ? [
            h(
              "p",
              { class: "govuk-body", id: "regional-count" },
              `${p.kept.length} ${p.kept.length === 1 ? "authority" : "authorities"}: ${p.kept.map((e) => packName(e.pack)).join(", ")}.`,
            ),
            commented.length
              ? h(
                  "div",
                  { class: "govuk-inset-text", id: "regional-comments" },
                  h("p", { class: "govuk-body" }, "Check these packs:"),
                  h(
                    "ul",
                    { class: "govuk-list govuk-list--bullet" },
                    commented.map((e) =>
                      h("li", {}, `${e.file} (${packName(e.pack) || "no name"}): ${comments(e).join(" ")}`),
                    ),
                  ),
                )
              : null,
            packsTable(p.kept, comments),
            table("regional-judgements", {
              caption: "Projected judgements beside the last inspection",
              head: ["Authority", "Source", ...RECORD_JUDGEMENTS.map((j) => j.name)],
              rows: p.rows.flatMap((r) => [
                [
                  r.e.pack.preparedBy,
                  `Projection (self-evaluation of ${longDate(r.e.pack.assessment.assessedOn) || "no date"})`,
                  ...RECORD_JUDGEMENTS.map((j) => gradeText(app, r.projected, j.id, "Not projected")),
                ],
                [
                  r.e.pack.preparedBy,
                  r.last
                    ? r.last.endedOn
                      ? `Last inspection (ended ${longDate(r.last.endedOn)})`
                      : `Last inspection (report published ${longDate(r.last.publishedOn)})`
                    : r.e.who?.authority
                      ? "No ILACS inspection in the record"
                      : "Not joined to the record (see the packs counted)",
                  ...RECORD_JUDGEMENTS.map((j) => (r.last ? gradeText(app, r.last.grades, j.id) : "—")),
                ],
              ]),
            }),
            record ? h("p", { class: "govuk-body-s" }, `Last inspections: ${record.attribution}.`) : null,
            rankedSection(p.region),
            h("h2", { class: "govuk-heading-m", id: "regional-priorities-heading" }, "Candidate regional priorities"),
            h(
              "p",
              { class: "govuk-body" },
              "Statements that two or more authorities rate requires improvement or inadequate, by area, most authorities first.",
            ),
            p.priorities.length
              ? h(
                  "div",
                  { id: "regional-priorities" },
                  p.priorities.map((a) =>
                    table(`regional-priorities-${a.areaId}`, {
                      caption: a.area,
                      head: ["Statement", "Authorities", "Which"],
                      numeric: [1],
                      rows: a.statements.map((s) => [s.text, String(s.count), s.authorities.join(", ")]),
                    }),
                  ),
                )
              : h(
                  "p",
                  { class: "govuk-body", id: "regional-priorities" },
                  "No statement is rated requires improvement or worse by two or more authorities.",
                ),
            table("regional-workforce", {
              caption: "Workforce indicators",
              head: ["Authority", ...p.indicators.map((i) => i.name)],
              numeric: WORKFORCE.map((_, i) => i + 1),
              rows: p.workforce.map((w) => [
                w.authority,
                ...WORKFORCE.map((id) => (w.values[id] == null ? "Not given" : String(w.values[id]))),
              ]),
            }),
            regionSection(app, p.region, {
              record,
              figures,
              onRegion: async (r) => {
                st.chosenRegion = r;
                await render();
                /** @type {HTMLElement | null} */ (results.querySelector("#regional-region-choice"))?.focus();
              },
            }),
            h(
              "div",
              { class: "govuk-button-group" },
              govButton({
                classes: "govuk-button--secondary",
                text: "Export as CSV",
                id: "regional-csv",
                onClick: () =>
                  downloadText(
                    app,
                    `stocktake-regional-picture-${app.today()}.csv`,
                    csvText(csvRows(app, p)),
                    "text/csv;charset=utf-8",
                  ),
              }),
              govButton({
                classes: "govuk-button--secondary",
                text: "Clear the packs",
                id: "regional-clear",
                onClick: async () => {
                  st.loaded = [];
                  st.unreadable = [];
                  await render();
                },
              }),
            ),
            exportButtons(app, null, {
              stem: `stocktake-regional-picture-${app.today()}`,
              doc: () => regionalDocument(app, p, record),
              book: () => regionalWorkbook(app, p),
            }),
          ]
        : h("p", { class: "govuk-body", id: "regional-empty" }, "No packs loaded yet."),
    );
  };
  put(
    main,
    h("h1", { class: "govuk-heading-l" }, "Regional picture"),
    h(
      "p",
      { class: "govuk-body" },
      "Load the peer challenge packs the authorities of your region have shared with you, to see their projected judgements side by side and the statements several of them find hard. The packs are read in this browser and forgotten when you close it. You see only what each authority chose to share: it may have left its notes out.",
    ),
    govInput({
      id: "regional-passphrase",
      name: "regional-passphrase",
      label: { text: "Passphrase for protected packs (optional)", classes: "govuk-label--s" },
      type: "password",
      autocomplete: "off",
      spellcheck: false,
      hint: { text: "If some packs are protected with a passphrase, enter it before loading them." },
      onInput: (v) => (passphrase = v),
      classes: "govuk-input--width-20",
    }),
    govInput({
      id: "regional-reader",
      name: "regional-reader",
      label: { text: "Your name, as the packs address you (optional)", classes: "govuk-label--s" },
      autocomplete: "name",
      spellcheck: false,
      value: st.reader,
      hint: {
        text: "Each pack names who it was prepared for. Give your name to see any pack that was prepared for someone else.",
      },
      onInput: (v) => (st.reader = v),
      onChange: () => render(),
      classes: "govuk-input--width-20",
    }),
    h(
      "div",
      { class: "govuk-form-group" },
      h("label", { class: "govuk-label govuk-label--s", for: "regional-files" }, "Load packs"),
      h("div", { class: "govuk-hint", id: "regional-files-hint" }, "Choose one or more pack files ending in .json."),
      input,
    ),
    drop,
    results,
  );
  void render();
}
