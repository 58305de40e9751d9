// Workshops: a scenario's one-page briefing (where a participant gives their name and starts), and
// the facilitator's "Compare participants" view with a projector mode. The "Try a workshop
// scenario" list is on the start page (pages/start.mjs), so that this module can load after it.
// Scenarios, comparisons and every figure come from the wasm core (scenarios) and its workshop
// build (app.workshopCore: scenario, compareParticipants, loaded by app.go before these pages
// render); this module only renders them.
import { h, replace, put } from "../ui/dom.mjs";
import { govButton, govInput, govTableScroll, govTag, govWarning } from "../ui/govuk.mjs";
import { blocksToHtml, exportButtons } from "../exports/report.mjs";
import { GRID_INTRO, answersGridBlocks, facilitatorBlocks } from "../exports/workshop.mjs";
import { splitText } from "../domain/splits.mjs";
import { participantAnswers } from "../domain/answers-grid.mjs";

/** Largest file the comparison reads, in bytes (a saved self-evaluation is far smaller). */
const WORKSHOP_MAX_BYTES = 5 * 1024 * 1024;

/** Level and grade columns, in the order shown. */
// `abbr`: the column's heading on screen, so the table fits 1280 px (and a projector) without
// scrolling sideways; the full words are read by screen readers, printed, and listed in the key.
const WORKSHOP_LEVELS = [
  { id: "outstanding", short: "Outstanding", abbr: "Out." },
  { id: "good", short: "Good", abbr: "Good" },
  { id: "requires_improvement", short: "Requires improvement", abbr: "RI" },
  { id: "inadequate", short: "Inadequate", abbr: "Inad." },
  { id: "not_known", short: "Not known", abbr: "NK" },
  { id: "unanswered", short: "Not answered", abbr: "None" },
];

/** A heading shown short on screen and in full to screen readers and on paper. */
function shortHeading(abbr, full) {
  if (abbr === full) return full;
  return [h("span", { class: "st-short", "aria-hidden": "true" }, abbr), h("span", { class: "st-long" }, full)];
}

/** The key to the short headings, above each statement table on screen. */
function levelKey() {
  return h(
    "p",
    { class: "govuk-body-s st-level-key st-no-print" },
    "Key: ",
    WORKSHOP_LEVELS.filter((l) => l.abbr !== l.short)
      .map((l) => `${l.abbr} ${l.short.toLowerCase()}`)
      .join(", "),
    ".",
  );
}

/** The scenario in full from the core, or null. */
function workshopScenario(app, id) {
  try {
    return id ? app.workshopCore.scenario(id) : null;
  } catch {
    return null;
  }
}

/** A share 0–1 as a whole percentage, such as "67%"; a dash when there is none. */
export function workshopPercent(share) {
  return share == null ? "–" : `${Math.round(share * 100)}%`;
}

/** A scenario's one-page briefing, with the participant's name and the way to start. params: { id }. */
export function briefingPage(app, main, params) {
  const s = workshopScenario(app, params.id);
  if (!s) {
    app.title("Scenario not found");
    put(
      main,
      h("h1", { class: "govuk-heading-l" }, "Scenario not found"),
      h("p", { class: "govuk-body" }, app.link("Go to the start page", "start")),
    );
    return;
  }
  app.title(`Briefing: ${s.name}`);
  let participant = app.a?.scenario === s.id ? (app.a.participant ?? "") : "";
  const replacing = app.a && !(app.a.scenario === s.id && Object.keys(app.a.answers ?? {}).length === 0);
  const start = () => {
    const a = JSON.parse(JSON.stringify(s.participantStart));
    const name = participant.trim().slice(0, 100);
    if (name) a.participant = name;
    app.load(a);
    app.go("tasks", {}, { resetTrail: true });
  };
  put(
    main,
    h("span", { class: "govuk-caption-l" }, "Workshop scenario briefing"),
    h(
      "h1",
      { class: "govuk-heading-xl st-briefing__title" },
      s.name,
      " ",
      govTag({ text: "Fictional", classes: "govuk-tag--yellow" }),
    ),
    h("p", { class: "govuk-body-l" }, s.summary),
    h(
      "div",
      { class: "govuk-inset-text", id: "fictional-note" },
      "This authority is fictional: its people, places and figures are invented for training. ",
      h("strong", {}, s.routeName),
      ".",
    ),
    h(
      "div",
      { class: "st-briefing", id: "briefing" },
      s.briefing.map((section) =>
        h(
          "section",
          { class: "st-briefing__section", "aria-labelledby": `briefing-${section.id}`, "data-section": section.id },
          h("h2", { class: "govuk-heading-m", id: `briefing-${section.id}` }, section.heading),
          section.paragraphs.map((p) => h("p", { class: "govuk-body" }, p)),
        ),
      ),
    ),
    h(
      "div",
      { class: "st-no-print" },
      h("h2", { class: "govuk-heading-m" }, "Rate this authority"),
      h(
        "p",
        { class: "govuk-body" },
        "Rate every statement as an inspector would, from what the briefing tells you. The authority, its inspection history and its indicators are filled in for you. When you finish, save your file and give it to the facilitator.",
      ),
      govInput({
        id: "participant",
        name: "participant",
        label: { text: "Your name", classes: "govuk-label--s" },
        hint: {
          text: "So the facilitator can tell the files apart. Use a first name or initials (100 characters or fewer).",
        },
        value: participant,
        autocomplete: "name",
        attributes: { maxlength: "100", spellcheck: "false" },
        onInput: (v) => (participant = v),
        classes: "govuk-input--width-20",
      }),
      replacing
        ? govWarning({
            text: "Starting replaces the self-evaluation kept in this browser. Save it to a file first if you want to keep it.",
          })
        : null,
      h(
        "div",
        { class: "govuk-button-group" },
        govButton({ text: "Start rating this scenario", id: "start-scenario", onClick: start }),
        govButton({
          classes: "govuk-button--secondary",
          text: "Print this briefing",
          id: "print-briefing",
          onClick: () => window.print(),
        }),
      ),
    ),
  );
}

/** Reads chosen or dropped files as text: [{ name, text }] plus [{ name, reason }] for unreadable ones. */
async function workshopReadFiles(list) {
  const read = [];
  const unreadable = [];
  for (const file of Array.from(list ?? [])) {
    if (file.size > WORKSHOP_MAX_BYTES) {
      unreadable.push({
        name: file.name,
        reason: "The file is too big to be a saved self-evaluation (more than 5 MB)",
      });
      continue;
    }
    try {
      read.push({ name: file.name, text: await file.text() });
    } catch {
      unreadable.push({ name: file.name, reason: "The file could not be read: try choosing it again" });
    }
  }
  return { read, unreadable };
}

/** A bar whose width shows `count` out of `total` (decorative: the number beside it is the figure). */
function workshopBar(count, total) {
  const bar = h("span", { class: "st-bar__fill" });
  bar.style.width = `${total ? Math.round((count / total) * 100) : 0}%`;
  return h("span", { class: "st-bar", "aria-hidden": "true" }, bar);
}

/** A count cell with its bar. */
function workshopCountCell(level, count, total, isReference) {
  return h(
    "td",
    {
      class: `govuk-table__cell govuk-table__cell--numeric st-count${isReference ? " st-count--reference" : ""}`,
      "data-level": level,
      "data-count": String(count),
    },
    h("span", { class: "st-count__number" }, String(count)),
    workshopBar(count, total),
    isReference ? h("span", { class: "govuk-visually-hidden" }, " (reference)") : null,
  );
}

function workshopSpread(spread) {
  if (spread == null) return "–";
  return spread === 1 ? "1 grade" : `${spread} grades`;
}

/** The per-judgement table: each participant's projected grade against the reference. */
function workshopJudgementTable(app, j) {
  const label = (g) => (g ? app.levelLabel(g) : "Not enough answered");
  return h(
    "section",
    { class: "st-judgement-compare", "data-judgement": j.id, "aria-labelledby": `jc-${j.id}` },
    h("h3", { class: "govuk-heading-m", id: `jc-${j.id}` }, j.name),
    h(
      "p",
      { class: "govuk-body", "data-agreement": j.agreement ?? "" },
      "Agreement: ",
      h("strong", { class: "st-agreement" }, workshopPercent(j.agreement)),
      j.mode
        ? ` (${splitText(j.counts, j.participants.map((p) => p.grade).filter(Boolean), (g) => label(g).toLowerCase())})`
        : " (no participant answered enough to be graded)",
      ". Reference: ",
      h("strong", { class: "st-reference" }, j.reference ? label(j.reference) : "none"),
      ".",
    ),
    govTableScroll(
      h(
        "table",
        { class: "govuk-table st-compare-table" },
        h("caption", { class: "govuk-table__caption govuk-visually-hidden" }, `Projected grades for ${j.name}`),
        h(
          "thead",
          { class: "govuk-table__head" },
          h(
            "tr",
            { class: "govuk-table__row" },
            h("th", { scope: "col", class: "govuk-table__header" }, "Participant"),
            h("th", { scope: "col", class: "govuk-table__header" }, "Projected grade"),
            h("th", { scope: "col", class: "govuk-table__header" }, "Matches the reference"),
          ),
        ),
        h(
          "tbody",
          { class: "govuk-table__body" },
          j.participants.map((p) =>
            h(
              "tr",
              { class: "govuk-table__row", "data-participant": p.name },
              h("th", { scope: "row", class: "govuk-table__header" }, p.name),
              h("td", { class: "govuk-table__cell", "data-grade": p.grade ?? "" }, label(p.grade)),
              h(
                "td",
                {
                  class: "govuk-table__cell",
                  "data-matches": p.matchesReference == null ? "" : String(p.matchesReference),
                },
                p.matchesReference == null
                  ? "No reference"
                  : p.matchesReference
                    ? govTag({ text: "Yes", classes: "govuk-tag--green" })
                    : govTag({ text: "No", classes: "govuk-tag--red" }),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** How the participants' levels for a statement divide, in words ("split three ways: good, …"). */
function statementSplit(app, s) {
  return splitText(
    s.counts,
    WORKSHOP_LEVELS.map((l) => l.id),
    (l) => app.levelLabel(l).toLowerCase(),
    { verb: "chose", skip: ["unanswered", "not_known"] },
  );
}

const capital = (t) => t.replace(/^./, (c) => c.toUpperCase());

/** The per-statement distribution table for one area. */
function workshopStatementTable(app, area, rows) {
  return h(
    "table",
    { class: "govuk-table st-compare-table st-statement-table", "data-area": area.id },
    h("caption", { class: "govuk-table__caption govuk-table__caption--m" }, area.name),
    h(
      "thead",
      { class: "govuk-table__head" },
      h(
        "tr",
        { class: "govuk-table__row" },
        h("th", { scope: "col", class: "govuk-table__header" }, "Statement"),
        WORKSHOP_LEVELS.map((l) =>
          h(
            "th",
            { scope: "col", class: "govuk-table__header govuk-table__header--numeric", "data-level": l.id },
            shortHeading(l.abbr, l.short),
          ),
        ),
        h("th", { scope: "col", class: "govuk-table__header govuk-table__header--numeric" }, "Agreement"),
        h("th", { scope: "col", class: "govuk-table__header govuk-table__header--numeric" }, "Spread"),
        h("th", { scope: "col", class: "govuk-table__header" }, "Reference"),
      ),
    ),
    h(
      "tbody",
      { class: "govuk-table__body" },
      rows.map((s) => {
        const total = WORKSHOP_LEVELS.reduce((n, l) => n + s.counts[l.id], 0);
        return h(
          "tr",
          { class: "govuk-table__row", "data-statement": s.id },
          h("th", { scope: "row", class: "govuk-table__header st-statement-text" }, s.text),
          WORKSHOP_LEVELS.map((l) => workshopCountCell(l.id, s.counts[l.id], total, s.reference === l.id)),
          h(
            "td",
            { class: "govuk-table__cell govuk-table__cell--numeric", "data-agreement": s.agreement ?? "" },
            workshopPercent(s.agreement),
          ),
          h(
            "td",
            { class: "govuk-table__cell govuk-table__cell--numeric", "data-spread": s.spread ?? "" },
            workshopSpread(s.spread),
          ),
          h(
            "td",
            { class: "govuk-table__cell", "data-reference": s.reference ?? "" },
            s.reference ? app.levelLabel(s.reference) : "–",
          ),
        );
      }),
    ),
  );
}

/**
 * The facilitator's notes for the scenario, folded away so they can be revealed when wanted: the same
 * blocks as the Word document's "Facilitator notes" (exports/workshop.mjs). Print opens them.
 */
function workshopFacilitatorNotes(app, scenario) {
  if (!scenario) return null;
  return h(
    "details",
    { class: "govuk-details st-print-open", id: "facilitator-notes" },
    h(
      "summary",
      { class: "govuk-details__summary" },
      h("span", { class: "govuk-details__summary-text" }, "Facilitator notes: what an inspector would likely conclude"),
    ),
    h("div", { class: "govuk-details__text" }, blocksToHtml(facilitatorBlocks(app, scenario), 1, "Facilitator notes")),
  );
}

/**
 * Who answered what, folded away (it names each participant's answers, so the facilitator chooses
 * whether the wall shows it): the same blocks as the Word document's section. Print opens it.
 */
function workshopAnswersGrid(app, result, answers) {
  if (!answers.length) return null;
  return h(
    "details",
    { class: "govuk-details st-print-open", id: "answers-grid" },
    h(
      "summary",
      { class: "govuk-details__summary" },
      h(
        "span",
        { class: "govuk-details__summary-text" },
        "Who answered what: each participant's answer to each statement",
      ),
    ),
    h(
      "div",
      { class: "govuk-details__text" },
      h("p", { class: "govuk-body" }, GRID_INTRO),
      blocksToHtml(answersGridBlocks(app, result, answers), 1, "Who answered what"),
    ),
  );
}

/** Renders a comparison result from the core, with the scenario in full and who answered what. */
function workshopComparison(app, result, unreadable, scenario, answers) {
  const invalid = [...unreadable, ...(result.invalid ?? [])];
  const fw = result.framework ? app.fw(result.framework) : null;
  const byId = new Map((result.statements ?? []).map((s) => [s.id, s]));
  const count = result.participants.length;
  return [
    invalid.length
      ? h(
          "div",
          { class: "govuk-warning-text st-invalid", id: "invalid-files" },
          h("span", { class: "govuk-warning-text__icon", "aria-hidden": "true" }, "!"),
          h(
            "div",
            { class: "govuk-warning-text__text" },
            h("span", { class: "govuk-visually-hidden" }, "Warning"),
            h(
              "h2",
              { class: "govuk-heading-s" },
              invalid.length === 1 ? "1 file was not compared" : `${invalid.length} files were not compared`,
            ),
            h(
              "ul",
              { class: "govuk-list govuk-list--bullet" },
              invalid.map((f) =>
                h("li", { "data-file": f.name }, h("strong", {}, f.name || "A file without a name"), ": ", f.reason),
              ),
            ),
          ),
        )
      : null,
    h(
      "p",
      { class: "govuk-body-l", id: "compare-summary" },
      count === 1 ? "1 participant" : `${count} participants`,
      result.scenarioName ? [" rated ", h("strong", {}, result.scenarioName)] : null,
      fw ? ` against ${fw.name}` : null,
      ".",
    ),
    count
      ? h(
          "ul",
          { class: "govuk-list govuk-list--bullet", id: "participant-list" },
          result.participants.map((p) => h("li", {}, p.participant ? `${p.participant} (${p.name})` : p.name)),
        )
      : null,
    workshopFacilitatorNotes(app, scenario),
    count
      ? [
          h("h2", { class: "govuk-heading-l", id: "disagree-heading" }, "Where participants disagree most"),
          result.disagreements.length
            ? h(
                "ol",
                { class: "govuk-list govuk-list--number st-disagreements", id: "disagreements" },
                result.disagreements.map((id) => {
                  const s = byId.get(id);
                  return h(
                    "li",
                    { "data-statement": id },
                    h("span", { class: "st-disagreements__text" }, s.text),
                    h("br"),
                    h(
                      "span",
                      { class: "govuk-body-s" },
                      `${capital(statementSplit(app, s))}: agreement ${workshopPercent(s.agreement)}, spread ${workshopSpread(s.spread)}`,
                      s.reference ? `, reference ${app.levelLabel(s.reference)}` : "",
                      ".",
                    ),
                  );
                }),
              )
            : h(
                "p",
                { class: "govuk-body", id: "disagreements" },
                "Participants agree on every statement they answered.",
              ),
          h("h2", { class: "govuk-heading-l" }, "Projected judgements"),
          (result.judgements ?? []).map((j) => workshopJudgementTable(app, j)),
          h("h2", { class: "govuk-heading-l" }, "Statement by statement"),
          h(
            "p",
            { class: "govuk-body" },
            "How many participants chose each level, the share at the most common level (agreement), and how many grades separate the lowest and highest answer (spread, not counting not known). The reference level is marked.",
          ),
          levelKey(),
          (fw?.areas ?? []).map((area) =>
            govTableScroll(
              workshopStatementTable(app, area, area.statements.map((s) => byId.get(s.id)).filter(Boolean)),
            ),
          ),
          workshopAnswersGrid(app, result, answers),
        ]
      : null,
  ];
}

/** The facilitator's view: open several participants' files and compare them. */
export function workshopComparePage(app, main) {
  app.title("Compare participants");
  // The facilitator's files (`app.feature`): kept while the page is left and opened again, until
  // the page is reloaded or everything is cleared (not in the store: they are other people's answers).
  const state = app.feature("workshop-compare", () => ({ files: [], unreadable: [] }));
  // Projector mode belongs to this view only: leaving it for another page turns it off.
  app.onLeave((next) => next !== "workshop-compare" && app.mount.classList.remove("st-projector"));
  // Print says what the Word document says: the folded notes and grid print open, then fold again.
  let folded = [];
  const openForPrint = () => {
    folded = [...main.querySelectorAll("details.st-print-open:not([open])")];
    for (const d of folded) d.open = true;
  };
  const foldAfterPrint = () => {
    for (const d of folded) d.open = false;
    folded = [];
  };
  window.addEventListener("beforeprint", openForPrint);
  window.addEventListener("afterprint", foldAfterPrint);
  app.onLeave(() => {
    window.removeEventListener("beforeprint", openForPrint);
    window.removeEventListener("afterprint", foldAfterPrint);
  });
  const body = h("div", { id: "compare-participants" });
  const status = h("p", { class: "govuk-visually-hidden", role: "status", id: "compare-status" });
  const render = () => {
    if (!state.files.length && !state.unreadable.length) {
      replace(status);
      return replace(body, h("p", { class: "govuk-body", id: "no-files" }, "No files chosen yet."));
    }
    let result;
    try {
      result = app.workshopCore.compareParticipants(state.files, null);
    } catch (err) {
      replace(status, "The files could not be compared.");
      return replace(
        body,
        h("p", { class: "govuk-body", id: "compare-error" }, `Stocktake could not compare these files: ${err.message}`),
      );
    }
    const skipped = state.unreadable.length + result.invalid.length;
    replace(
      status,
      `Compared ${result.participants.length} participants' files${skipped ? `; ${skipped} not compared` : ""}.`,
    );
    const stem = `stocktake-workshop-${(result.scenario ?? "comparison").replace(/[^a-z0-9]+/gi, "-").toLowerCase()}-${app.today()}`;
    const scenario = result.scenario ? workshopScenario(app, result.scenario) : null;
    const answers = participantAnswers(app.core, state.files, result);
    replace(
      body,
      // The downloads are the facilitator's, not the room's: off the wall in projector mode.
      result.participants.length
        ? h("div", { class: "st-off-wall" }, exportButtons(app, { result, stem, scenario, answers }))
        : null,
      workshopComparison(app, result, state.unreadable, scenario, answers),
    );
  };
  const add = async (list) => {
    const { read, unreadable } = await workshopReadFiles(list);
    state.files.push(...read);
    state.unreadable.push(...unreadable);
    render();
  };
  const input = h("input", {
    class: "govuk-file-upload",
    id: "workshop-files",
    name: "workshop-files",
    type: "file",
    multiple: true,
    accept: ".json,application/json",
    "aria-describedby": "workshop-files-hint",
  });
  input.addEventListener("change", async () => {
    await add(input.files);
    input.value = "";
  });
  const zone = h(
    "div",
    { class: "govuk-form-group st-dropzone st-no-print st-off-wall", id: "drop-zone" },
    h("label", { class: "govuk-label govuk-label--s", for: "workshop-files" }, "Choose participants' files"),
    h(
      "div",
      { class: "govuk-hint", id: "workshop-files-hint" },
      "Choose several saved files at once, or drag and drop them here. They are read on this device only; files that are not valid are listed and skipped.",
    ),
    input,
  );
  zone.addEventListener("dragover", (e) => {
    e.preventDefault();
    zone.classList.add("st-dropzone--over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("st-dropzone--over"));
  zone.addEventListener("drop", (e) => {
    e.preventDefault();
    zone.classList.remove("st-dropzone--over");
    add(e.dataTransfer?.files);
  });
  const projectorOn = () => app.mount.classList.contains("st-projector");
  // The button says whether the mode is on by its look as well as aria-pressed (a tick and "on"), so
  // it reads as on once focus has left it; on the wall the chooser, Back, Print, the downloads and
  // Remove are hidden, and only this button stays to turn the mode off.
  const toggle = govButton({
    text: "Projector mode",
    id: "projector-toggle",
    classes: "govuk-button--secondary st-toggle",
    attributes: { "aria-pressed": String(projectorOn()) },
    onClick: () => {
      app.mount.classList.toggle("st-projector");
      toggle.setAttribute("aria-pressed", String(projectorOn()));
      showState();
    },
  });
  const stateTag = h("span", { class: "st-toggle__state", "aria-hidden": "true" });
  toggle.append(stateTag);
  const showState = () => replace(stateTag, projectorOn() ? ": on \u2713" : ": off");
  showState();
  put(
    main,
    h("span", { class: "govuk-caption-l" }, "Workshops"),
    h("h1", { class: "govuk-heading-xl" }, "Compare participants"),
    h(
      "p",
      { class: "govuk-body st-no-print" },
      "See how a group rated the same scenario: statement by statement and judgement by judgement, with the facilitator's reference answers.",
    ),
    zone,
    status,
    h(
      "div",
      { class: "govuk-button-group st-no-print" },
      toggle,
      govButton({
        classes: "govuk-button--secondary st-off-wall",
        text: "Print",
        id: "print-comparison",
        onClick: () => window.print(),
      }),
      govButton({
        text: "Remove all files",
        id: "clear-files",
        classes: "govuk-button--secondary st-off-wall",
        onClick: () => {
          state.files = [];
          state.unreadable = [];
          render();
        },
      }),
    ),
    body,
  );
  render();
}
