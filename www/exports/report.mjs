// The self-evaluation's report as sections of blocks (blocks.mjs), rendered from the one report
// model (model.mjs): the Word document (office.mjs's makeDocx), the report page and print
// (pages/results/report.mjs, with blocksToHtml below) say the same thing in the same order; the
// workbook (workbook.mjs) lays the same model out in sheets. Nothing is sent anywhere.
import { h } from "../ui/dom.mjs";
import { govButton } from "../ui/govuk.mjs";
import { formatDateShort, formatPercent } from "../ui/format.mjs";
import { downloadBlob, fileStem } from "../domain/files.mjs";
import { scrollTable } from "../domain/results-data.mjs";
import { list, p, h2, table } from "./blocks.mjs";
import { MARKING, STRONG, reasonLine, reportModel } from "./model.mjs";
import { exchangeBlocks, exchangeModel } from "./exchange.mjs";
import { selfEvaluationWorkbook } from "./workbook.mjs";
import { workshopDocument, workshopWorkbook } from "./workshop.mjs";

export {
  MARKING,
  exchangeBlocks,
  exchangeModel,
  reportModel,
  selfEvaluationWorkbook,
  workshopDocument,
  workshopWorkbook,
};

function summarySection(m) {
  const s = m.summary;
  const blocks = [
    p("These are estimates from our own answers, to help us plan. They are not what Ofsted will decide."),
    table(
      "Each judgement: the grade our answers fit, and the most likely outcome allowing for our evidence",
      ["Judgement", "Our answers fit", "Allowing for our evidence"],
      s.rows,
      [34, 28, 38],
    ),
    h2("The top risks"),
    s.risks.length
      ? list(s.risks)
      : p(
          "No safety-critical statement is rated inadequate or not known, none of our ratings is questioned by our own answers or audits, and none of our indicators is flagged.",
        ),
  ];
  if (s.changes.length) blocks.push(h2("What would most change the judgements"), list(s.changes, true));
  blocks.push(h2("The last inspection"), ...historyBlocks(m));
  blocks.push(h2("The next inspection"), p(s.next));
  if (m.auditRule)
    blocks.push(
      h2("Case-file audits"),
      p(
        `${m.auditRule.inWindow} of ${m.auditRule.count} audits fall in the 12 months before the self-evaluation. ${m.auditRule.text}`,
      ),
    );
  if (m.comparison?.warning) blocks.push(h2("Last year's file"), p(m.comparison.warning));
  return { heading: "Summary", blocks };
}

function historyBlocks(m) {
  const out = [p(m.history.lastInspection ?? "Our last inspection is not recorded in this self-evaluation.")];
  if (m.history.visits.length) out.push(list(m.history.visits));
  return out;
}

/** One judgement: the three questions (what we know, how we know it, our plans), why, and what would lift it. */
function judgementSection(m, j) {
  const blocks = [
    p(["Our answers fit: ", { text: j.headline, bold: true }, j.completenessText ? `. ${j.completenessText}` : "."]),
  ];
  if (j.note) blocks.push(p(j.note));
  const rows = j.statements;
  if (rows.length) {
    const named = (s) => `${s.text}${s.critical ? " (critical)" : ""}`;
    const rated = (pred) => rows.filter((s) => s.levelId && pred(s.levelId)).map((s) => [named(s), s.level, s.notes]);
    const strengths = rated((l) => STRONG.has(l));
    const weaknesses = rated((l) => !STRONG.has(l));
    const unanswered = rows.filter((s) => !s.levelId).length;
    blocks.push(h2("What we know"));
    blocks.push(
      strengths.length
        ? table(
            "Strengths: statements we rate good or better",
            ["Statement", "Our rating", "Our notes"],
            strengths,
            [48, 20, 32],
          )
        : p("We rate no statement in this judgement good or better."),
    );
    blocks.push(
      weaknesses.length
        ? table(
            "Weaknesses and gaps: statements we rate below good or not known",
            ["Statement", "Our rating", "Our notes"],
            weaknesses,
            [48, 20, 32],
          )
        : p("We rate no statement in this judgement below good or not known."),
    );
    if (unanswered)
      blocks.push(p(`${unanswered} ${unanswered === 1 ? "statement is" : "statements are"} not answered yet.`));
    blocks.push(h2("How we know it"));
    const evidenced = rows
      .filter((s) => s.levelId)
      .map((s) => [
        s.text,
        s.evidence.join("; ") || (s.audit ? "Case-file audits only" : "No evidence recorded"),
        s.audit ?? "No audited cases",
      ]);
    blocks.push(
      evidenced.length
        ? table(
            "The evidence behind each rating",
            ["Statement", "Evidence", "Case-file audits"],
            evidenced,
            [40, 28, 32],
          )
        : p("No statement in this judgement is answered yet."),
    );
    blocks.push(h2("Our plans"));
    const actions = rows
      .filter((s) => s.action)
      .map((s) => [s.text, s.action.text, s.action.owner, s.action.dueText, s.action.status, s.action.reviewText]);
    blocks.push(
      actions.length
        ? table(
            "Actions we have planned",
            ["Statement", "Action", "Owner", "Due", "Status", "Review"],
            actions,
            [28, 30, 12, 10, 10, 10],
          )
        : p("No action is planned for this judgement yet."),
    );
  }
  blocks.push(h2("Why"));
  blocks.push(j.reasons.length ? list(j.reasons.map(reasonLine)) : p("No reasons: not enough is answered yet."));
  if (j.lift) {
    blocks.push(h2("What would lift this judgement"));
    blocks.push(j.lift.length ? list(j.lift, true) : p(j.liftNote));
  }
  if (j.chances) {
    blocks.push(h2("How sure is this?"));
    blocks.push(
      table(
        `Chance of each grade out of ${m.runs.toLocaleString("en-GB")} simulated inspections allowing for how firm our evidence is`,
        ["Grade", "Chance"],
        j.chances.map((c) => [c.grade, formatPercent(c.chance)]),
        [60, 40],
      ),
    );
  }
  return { heading: j.name, blocks };
}

function actionPlanSection(m) {
  const plan = m.actionPlan;
  if (!plan.length)
    return { heading: "Action plan", blocks: [p("No gaps: every statement we answered is good or better.")] };
  const missing = plan.filter((x) => !x.action).length;
  return {
    heading: "Action plan",
    landscape: true,
    blocks: [
      p(
        `Statements we rated below good or not known, with the actions we planned. Critical gaps first.${missing ? ` ${missing} ${missing === 1 ? "gap has" : "gaps have"} no action yet.` : " Every gap has an action."}`,
      ),
      table(
        "Gaps and planned actions",
        ["Area", "Statement", "Level now", "Action", "Owner", "Due", "Status", "Review"],
        plan.map((x) => [
          x.area,
          `${x.statement}${x.critical ? " (critical)" : ""}${x.finding ? `. ${x.finding}` : ""}${x.audit ? ` Audits: ${x.audit}` : ""}`,
          x.level,
          x.action ? x.action.text : "No action yet",
          x.action?.owner ?? "",
          x.action?.dueText ?? "",
          x.action?.status ?? "",
          x.action?.reviewText ?? "",
        ]),
        [10, 25, 9, 20, 10, 9, 8, 9],
      ),
    ],
  };
}

/** An event as the timeline's row says it: its kind, title and tag, and its condition. */
export function eventWhat(ev) {
  return `${ev.kind}: ${ev.title}${ev.tagText ? ` ${ev.tagText}` : ""}`;
}

function pathwaySection(m) {
  const t = m.timeline;
  if (t.error)
    return { heading: "Inspection pathway", blocks: [p(`Stocktake could not work out the pathway: ${t.error}`)] };
  const blocks = [];
  if (t.next) blocks.push(p(t.next.text), p(t.next.rule, true));
  blocks.push(h2("The last inspection"), ...historyBlocks(m));
  blocks.push(
    table(
      "Step by step",
      ["When", "What happens", "Only if", "Details"],
      t.events.map((ev) => [
        ev.when,
        eventWhat(ev),
        ev.condition ?? "Expected whatever the coming inspection finds",
        ev.details,
      ]),
      [20, 24, 22, 34],
    ),
  );
  return { heading: "Inspection pathway", landscape: true, blocks };
}

function indicatorsSection(m) {
  if (!m.indicators.length) return null;
  return {
    heading: "Indicators against England",
    blocks: [
      table(
        "Our latest figures and England's",
        ["Indicator", "Ours", "England", "Better when", "Comparison"],
        m.indicators.map((i) => [
          i.name,
          i.ownText,
          i.englandText,
          i.better,
          i.comparison ? `${i.comparison}${i.flagged ? "; inspectors likely to ask" : ""}` : "",
        ]),
        [34, 12, 18, 14, 22],
      ),
    ],
  };
}

function comparisonSection(m) {
  const c = m.comparison;
  if (!c) return null;
  const { lastYear, judgementRows, moved, same } = c;
  return {
    heading: "Compared with last year",
    blocks: [
      c.warning ? p([{ text: "Check the file: ", bold: true }, c.warning]) : null,
      p(
        `Compared with ${lastYear.authority ? `${lastYear.authority}, ` : ""}${lastYear.assessedOn ? formatDateShort(lastYear.assessedOn) : "last year's file"}.`,
      ),
      table("Judgements, then and now", ["Judgement", "Then", "Now", "Change"], judgementRows, [40, 22, 22, 16]),
      moved.length
        ? table(
            `Statements that moved (${moved.length})`,
            ["Statement", "Then", "Now", "Change"],
            moved,
            [52, 17, 17, 14],
          )
        : p("No statement moved."),
      p(`${same} ${same === 1 ? "statement is" : "statements are"} unchanged.`),
      c.indicators?.length
        ? table(
            "Indicators, then and now",
            ["Indicator", "Then", "Now", "Change"],
            c.indicators.map((r) => r.map(String)),
            [46, 18, 18, 18],
          )
        : null,
    ].filter(Boolean),
  };
}

function peerSection(m) {
  if (!m.peer?.length) return null;
  return {
    heading: "Peer challenge",
    landscape: true,
    blocks: [
      p(
        "Each peer challenge kept with this self-evaluation: the reviewer's letter, each challenge with the statement it is about, and our reply.",
      ),
      ...m.peer.flatMap((x) => exchangeBlocks(x, true)),
    ],
  };
}

/** The report's sections, in order, from the model (the Word document and the report page). */
export function reportSections(m) {
  return [
    summarySection(m),
    ...m.judgements.map((j) => judgementSection(m, j)),
    actionPlanSection(m),
    pathwaySection(m),
    indicatorsSection(m),
    comparisonSection(m),
    peerSection(m),
  ].filter(Boolean);
}

/**
 * The report's marking: "Draft — private", after the host page's protective marking (default
 * OFFICIAL-SENSITIVE) when the report carries a peer challenge exchange (issue 29).
 */
export function reportMarking(app, m) {
  const protective = app.config?.marking;
  return m.peer?.length && protective ? `${protective}. ${MARKING}` : MARKING;
}

/** The Word document's description (www/exports/office.mjs, makeDocx). */
export function selfEvaluationDocument(app, model = reportModel(app)) {
  const m = model;
  return {
    title: "Self-evaluation",
    subtitle: m.authority,
    marking: reportMarking(app, m),
    prepared: `Prepared with Stocktake ${m.version}`,
    facts: [
      [m.orgKey, m.authority],
      ["Date of self-evaluation", m.assessedOn],
      ["Framework", m.framework],
      ["Last inspection", m.history.lastInspection ?? "Not recorded"],
      ["Status", "Draft, private: estimates from our own answers, not an Ofsted judgement"],
    ],
    sections: reportSections(m),
  };
}

// ---- the buttons ---------------------------------------------------------------------------------

const KINDS = {
  docx: { ext: "docx", make: "makeDocx", type: "DOCX_TYPE", what: "Word document" },
  xlsx: { ext: "xlsx", make: "makeXlsx", type: "XLSX_TYPE", what: "spreadsheet" },
};

/**
 * Makes the file `kind` ("docx" or "xlsx") from `describe()` and offers it as a download named
 * `${stem}.${ext}`; the exporters load on first use. Shows a confirmation like the one after
 * saving, or says what went wrong in `status`.
 */
export async function exportFile(app, kind, describe, stem, status) {
  const k = KINDS[kind];
  status.textContent = `Making the ${k.what}…`;
  try {
    const exporters = await app.loadExporters();
    const blob = await exporters[k.make](describe());
    const name = `${stem}.${k.ext}`;
    downloadBlob(app, name, new Blob([blob], { type: exporters[k.type] }));
    // The success banner (role="alert") says it; the status line said "Making…" and goes quiet,
    // so a screen reader hears the outcome once.
    status.textContent = "";
    app.showNotice(
      `Your ${k.what} has been downloaded`,
      `Your browser has saved it as ${name}, usually in your Downloads folder. It was made on this device: nothing was sent anywhere.`,
    );
    return name;
  } catch (err) {
    status.textContent = `The ${k.what} could not be made: ${err.message}`;
    return null;
  }
}

/**
 * The two download buttons and their status line: the self-evaluation's (results and report
 * pages), or with `workshop` ({ result, stem }: the facilitator's comparison) the workshop's, or
 * with `custom` ({ stem, doc(), book() }: another page's document and workbook) that page's.
 */
export function exportButtons(app, workshop = null, custom = null) {
  const status = h("p", { class: "govuk-body-s st-export-status", role: "status", id: "export-status" });
  const stem = () => custom?.stem ?? (workshop ? workshop.stem : fileStem(app));
  const doc = () =>
    custom ? custom.doc() : workshop ? workshopDocument(app, workshop.result, workshop) : selfEvaluationDocument(app);
  const book = () =>
    custom ? custom.book() : workshop ? workshopWorkbook(app, workshop.result, workshop) : selfEvaluationWorkbook(app);
  return h(
    "div",
    { class: "st-no-print st-exports" },
    h(
      "div",
      { class: "govuk-button-group" },
      govButton({
        classes: "govuk-button--secondary",
        text: "Download as Word document",
        id: "export-docx",
        onClick: () => exportFile(app, "docx", doc, stem(), status),
      }),
      govButton({
        classes: "govuk-button--secondary",
        text: "Download as spreadsheet",
        id: "export-xlsx",
        onClick: () => exportFile(app, "xlsx", book, stem(), status),
      }),
    ),
    status,
  );
}

/**
 * The description's blocks as HTML, for the printed report's sections that come from it. `section`
 * (the section's heading) names each table's scrolling region with its caption, so that every
 * region's name is unique on the page (axe: landmark-unique) even where two sections' tables share
 * a caption; a caption that comes twice within a section is numbered.
 */
export function blocksToHtml(blocks, level, section = "") {
  const seen = new Map();
  const regionName = (caption) => {
    const n = (seen.get(caption) ?? 0) + 1;
    seen.set(caption, n);
    const name = section ? `${section}: ${caption}` : caption;
    return n > 1 ? `${name} (${n})` : name;
  };
  return blocks.map((b) => {
    if (b.type === "h") return h(`h${Math.min(6, level + b.level - 1)}`, { class: "govuk-heading-s" }, b.text);
    const inline = (t) => (Array.isArray(t) ? t.map((x) => (typeof x === "string" ? x : h("strong", {}, x.text))) : t);
    if (b.type === "p") return h("p", { class: b.small ? "govuk-body-s" : "govuk-body" }, inline(b.text));
    if (b.type === "list")
      return h(
        b.ordered ? "ol" : "ul",
        { class: `govuk-list ${b.ordered ? "govuk-list--number" : "govuk-list--bullet"}` },
        b.items.map((i) => h("li", {}, inline(i))),
      );
    const region = scrollTable(
      h(
        "table",
        { class: "govuk-table" },
        h("caption", { class: "govuk-table__caption govuk-table__caption--s" }, b.caption),
        h(
          "thead",
          { class: "govuk-table__head" },
          h(
            "tr",
            { class: "govuk-table__row" },
            b.head.map((c) => h("th", { scope: "col", class: "govuk-table__header" }, c)),
          ),
        ),
        h(
          "tbody",
          { class: "govuk-table__body" },
          b.rows.map((r) =>
            h(
              "tr",
              { class: "govuk-table__row" },
              r.map((c) => h("td", { class: "govuk-table__cell" }, c)),
            ),
          ),
        ),
      ),
    );
    region.setAttribute("aria-label", regionName(b.caption ?? "Table"));
    return region;
  });
}
