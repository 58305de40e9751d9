// The results page: the likely judgements with their chances, reasons and what would lift them,
// the route that would follow and the indicators inspectors are likely to ask about.
import { h, replace, put } from "../../ui/dom.mjs";
import { govTag, govTable, govButton, govWarning, govInput, tableCells } from "../../ui/govuk.mjs";
import { formatDateLong, formatDateShort, formatPercent } from "../../ui/format.mjs";
import { familyOf } from "../../domain/family.mjs";
import { exportButtons } from "../../exports/report.mjs";
import { liftChanges } from "../../exports/model.mjs";
import {
  GRADE_ORDER,
  gradeLabel,
  hasChances,
  headlineText,
  runSimulation,
  scrollTable,
  separateOverall,
  simulationModel,
  liftChange,
  overallSimulation,
  statementText,
  topLifts,
} from "../../domain/results-data.mjs";
import { assumptionTag, frameworkNotices, sourceLink } from "../../ui/sources.mjs";
/** @import { AuditEvidence, Probabilities, Reason, ScoreResult, SimulationResult } from "../../types/api" */
/** @import { JudgementShown } from "../../domain/results-data.mjs" */

/** A heading of level `n` (2–6). */
export function hx(n, cls, ...children) {
  return h(`h${Math.min(6, n)}`, { class: cls }, ...children);
}

/** A horizontal bar chart of grade chances (hidden from screen readers) and a table that says the same. */
export function gradeChart(app, name, /** @type {Probabilities | null | undefined} */ probabilities) {
  const rows = GRADE_ORDER.filter((g) => g !== "none" || (probabilities?.none ?? 0) > 0);
  const chart = h(
    "div",
    { class: "st-chart", "aria-hidden": "true" },
    rows.map((g) => {
      const p = probabilities?.[g] ?? 0;
      const bar = h("span", { class: `st-chart__bar st-chart__bar--${g}` });
      bar.style.width = `${Math.max(0, Math.min(100, p * 100))}%`;
      return h(
        "div",
        { class: "st-chart__row" },
        h("span", { class: "st-chart__label" }, gradeLabel(app, g)),
        h("span", { class: "st-chart__track" }, bar),
        h("span", { class: "st-chart__value" }, formatPercent(p)),
      );
    }),
  );
  const table = scrollTable(
    govTable({
      caption: `Chance of each grade: ${name}`,
      head: tableCells(["Grade", "Chance"], [1]),
      rows: rows
        .map((g) => [gradeLabel(app, g), formatPercent(probabilities?.[g] ?? 0)])
        .map((row) => tableCells(row, [1])),
      firstCellIsHeader: true,
    }),
  );
  return h("div", { class: "st-chart-wrap" }, chart, h("div", { class: "govuk-visually-hidden" }, table));
}

/** A judgement's reasons, each with the statements (the criteria) it rests on, in plain English. */
function reasonsList(app, /** @type {Reason[]} */ reasons) {
  const shown = 3;
  return h(
    "ul",
    { class: "govuk-list govuk-list--bullet st-reasons" },
    (reasons ?? []).map((r) => {
      const ids = r.statements ?? [];
      return h(
        "li",
        {},
        r.text,
        assumptionTag(r.tag),
        ids.length
          ? h(
              "ul",
              { class: "govuk-list govuk-body-s st-reason-criteria" },
              ids.slice(0, shown).map((id) => h("li", {}, statementText(app, id).text)),
              ids.length > shown ? h("li", {}, `and ${ids.length - shown} more`) : null,
            )
          : null,
      );
    }),
  );
}

/** One judgement's result block (a judgement, or the derived overall judgement: no completeness or lift). */
function judgementBlock(app, /** @type {JudgementShown} */ j, /** @type {SimulationResult | null} */ sim, level) {
  const c = j.completeness;
  const simJ = sim?.judgements?.find((x) => x.id === j.id);
  return h(
    "section",
    { class: "st-judgement", id: `result-${j.id}`, "aria-labelledby": `result-${j.id}-title` },
    hx(level, "govuk-heading-m", h("span", { id: `result-${j.id}-title` }, j.name)),
    h(
      "p",
      { class: "govuk-body st-judgement__grade" },
      "Your answers fit: ",
      h("strong", { class: "st-grade", "data-grade": j.grade ?? "none" }, headlineText(j)),
    ),
    c
      ? h(
          "p",
          { class: "govuk-body-s" },
          `${c.answered} of ${c.total} statements answered${c.notKnown ? `, ${c.notKnown} not known` : ""}.`,
        )
      : null,
    simJ?.note ? h("div", { class: "govuk-inset-text st-story", id: `story-${j.id}` }, simJ.note) : null,
    hasChances(simJ)
      ? [
          hx(level + 1, "govuk-heading-s", "How sure is this?"),
          h(
            "p",
            { class: "govuk-body-s" },
            `Out of ${sim.runs.toLocaleString("en-GB")} simulated inspections that allow for how firm your evidence is:`,
          ),
          gradeChart(app, j.name ?? "Overall effectiveness", simJ.probabilities),
        ]
      : null,
    hx(level + 1, "govuk-heading-s", "Why"),
    reasonsList(app, j.reasons),
    j.lift
      ? [
          hx(level + 1, "govuk-heading-s", "What would lift this judgement"),
          j.lift.length
            ? h(
                "ol",
                { class: "govuk-list govuk-list--number st-lift" },
                j.lift.map((step) => {
                  const s = statementText(app, step.statementId);
                  return h(
                    "li",
                    {},
                    s.text,
                    h("span", { class: "govuk-body-s st-lift__levels" }, ` — ${liftChange(app, step)}`),
                  );
                }),
              )
            : h("p", { class: "govuk-body" }, j.liftNote ?? "Nothing to lift."),
        ]
      : null,
  );
}

/** The figures behind the chances, shown and adjustable like the pathway's assumptions. */
function simulationAssumptions(app, /** @type {SimulationResult | null} */ sim, level, onChange) {
  const model = sim?.model;
  if (!model) return null;
  const changes = simulationModel.read(app);
  const fields = [
    {
      key: "differMax",
      label: "Chance that a rating with no evidence behind it is a grade out",
      value: model.differMax / 100,
      scale: 100,
      max: 100,
    },
    {
      key: "differMin",
      label: "Chance that a rating with the strongest evidence is a grade out",
      value: model.differMin / 100,
      scale: 100,
      max: 100,
    },
    {
      key: "downSharePercent",
      label: "Of a rating that is out, the share that is too high (optimistic)",
      value: model.downSharePercent,
      scale: 1,
      max: 100,
    },
  ];
  return h(
    "details",
    { class: "govuk-details st-no-print", id: "simulation-assumptions" },
    h(
      "summary",
      { class: "govuk-details__summary" },
      h("span", { class: "govuk-details__summary-text" }, "The assumptions behind the chances"),
    ),
    h(
      "div",
      { class: "govuk-details__text" },
      h("p", { class: "govuk-body" }, model.text, assumptionTag(model.tag)),
      h("p", { class: "govuk-body" }, sourceLink(model.source, "From: ")),
      hx(level, "govuk-heading-s", "Change them"),
      fields.map((f) =>
        govInput({
          id: `simulation-${f.key}`,
          name: `simulation-${f.key}`,
          label: { text: f.label },
          hint: { text: "Between 0 and 100%. This is our assumption." },
          value: String(f.value),
          type: "number",
          inputmode: "decimal",
          suffix: { text: "%" },
          attributes: { min: "0", max: String(f.max), step: "1" },
          onChange: (v) => {
            const n = Number(v);
            const next = { ...simulationModel.read(app) };
            if (v.trim() === "" || !Number.isFinite(n) || n < 0 || n > f.max) delete next[f.key];
            else next[f.key] = Math.round(n * f.scale);
            simulationModel.set(app, next);
            onChange(`simulation-${f.key}`);
          },
          classes: "govuk-input--width-4",
          autocomplete: "off",
        }),
      ),
      Object.keys(changes).length
        ? govButton({
            classes: "govuk-button--secondary",
            text: "Reset to defaults",
            id: "reset-simulation",
            onClick: () => {
              simulationModel.set(app, {});
              onChange("reset-simulation");
            },
          })
        : null,
    ),
  );
}

/** The summary at the top: each judgement's headline and chances in a line, what would most change them, the next inspection. */
function summary(app, /** @type {ScoreResult} */ scored, /** @type {SimulationResult | null} */ sim, level) {
  const rows = scored.judgements.map((j) => {
    const simJ = sim?.judgements?.find((x) => x.id === j.id);
    const likely = simJ?.mostLikely;
    const p = likely ? simJ.probabilities[likely] : null;
    return [
      j.name,
      headlineText(j),
      hasChances(simJ) && likely
        ? `${likely === j.grade ? "Most likely as fitted" : `Most likely ${app.levelLabel(likely).toLowerCase()}`} (${formatPercent(p)})`
        : "No chances to show",
    ];
  });
  const lifts = topLifts(scored.judgements);
  let next = null;
  try {
    next = app.pathway?.run()?.next ?? null;
  } catch {
    next = null;
  }
  return h(
    "section",
    { class: "st-summary", id: "results-summary", "aria-labelledby": "results-summary-title" },
    hx(level, "govuk-heading-m", h("span", { id: "results-summary-title" }, "Summary")),
    scrollTable(
      govTable({
        caption: "Each judgement: the grade your answers fit, and the most likely outcome allowing for your evidence",
        captionClasses: "govuk-table__caption--s",
        head: tableCells(["Judgement", "Your answers fit", "Allowing for your evidence"]),
        rows: rows.map((row) => tableCells(row)),
        firstCellIsHeader: true,
      }),
    ),
    lifts.length
      ? [
          hx(level + 1, "govuk-heading-s", "What would most change them"),
          h(
            "ol",
            { class: "govuk-list govuk-list--number", id: "summary-lifts" },
            // Each re-scored by the core, so it names the judgements that would actually move.
            liftChanges(app, scored).map((text) => h("li", {}, text)),
          ),
        ]
      : null,
    next?.window
      ? h(
          "p",
          { class: "govuk-body", id: "summary-next" },
          "Your next full inspection is most likely around ",
          h("strong", {}, formatDateLong(next.window.likely)),
          `, between ${formatDateShort(next.window.earliest)} and ${formatDateShort(next.window.latest)}.`,
        )
      : null,
  );
}

/** The results content (used by the results page and the report); `rerender` (the page's) shows the assumptions form. */
export function resultsBody(app, level, rerender) {
  const scored = /** @type {ScoreResult | null} */ (app.scored);
  if (!scored)
    return govWarning({
      text: app.scoreError
        ? `Stocktake could not score these answers: ${app.scoreError}`
        : "Answer some statements to see results.",
    });
  const sim = runSimulation(app);
  const reasonTags = new Set(
    [...scored.judgements, scored.overall ?? { reasons: [] }].flatMap((j) => (j.reasons ?? []).map((r) => r.tag)),
  );
  const flagged = (scored.indicators ?? []).filter((i) => i.flagged);
  const fw = app.fw();
  // Routes (short, standard, monitoring) are local authorities' only.
  const routes = familyOf(fw) === "ilacs" ? sim?.routes : null;
  const overallJ = separateOverall(fw, scored);
  return [
    h(
      "p",
      { class: "govuk-body" },
      "These are estimates from your own answers, to help you plan. They are not what Ofsted will decide.",
    ),
    summary(app, scored, sim, level),
    auditBasis(app),
    (scored.challenges ?? []).length
      ? h(
          "section",
          { class: "st-challenges", id: "results-challenges", "aria-labelledby": "results-challenges-title" },
          hx(
            level,
            "govuk-heading-m",
            h("span", { id: "results-challenges-title" }, "Ratings your own answers question"),
          ),
          h(
            "p",
            { class: "govuk-body" },
            "A peer reviewer or an inspector would ask about these. They do not change a grade.",
          ),
          h(
            "ul",
            { class: "govuk-list govuk-list--bullet" },
            scored.challenges.map((c, i, all) =>
              h(
                "li",
                // A rule can question several ratings (the audits' one does): ids stay unique.
                { id: all.findIndex((x) => x.id === c.id) === i ? `challenge-${c.id}` : `challenge-${c.id}-${i}` },
                c.text,
                assumptionTag(c.tag),
                " ",
                sourceLink(c.source, "From: "),
              ),
            ),
          ),
        )
      : null,
    ["R", "U", "S"].some((t) => reasonTags.has(t))
      ? h(
          "div",
          { class: "govuk-body st-assumption-note" },
          reasonTags.has("R")
            ? h(
                "p",
                { class: "govuk-body" },
                govTag({ text: "Assumption", classes: "govuk-tag--yellow" }),
                " marks a reason that rests on our reading of how inspectors judge, not on a rule Ofsted has published. Treat it with care.",
              )
            : null,
          reasonTags.has("U")
            ? h(
                "p",
                { class: "govuk-body" },
                govTag({ text: "Unverified", classes: "govuk-tag--orange" }),
                " marks a rule that others report but for which we found no official text.",
              )
            : null,
          reasonTags.has("S")
            ? h(
                "p",
                { class: "govuk-body" },
                govTag({ text: "Secondary source", classes: "govuk-tag--grey" }),
                " marks a rule read in a council report, the sector press or a scraper's notes, not in Ofsted's own words.",
              )
            : null,
        )
      : null,
    overallJ
      ? judgementBlock(
          app,
          {
            id: overallJ.id,
            name: overallJ.name,
            grade: scored.overall.grade,
            label: scored.overall.label,
            reasons: scored.overall.reasons,
          },
          overallSimulation(sim, overallJ.id, scored.overall.grade),
          level,
        )
      : null,
    scored.judgements.map((j) => judgementBlock(app, j, sim, level)),
    rerender ? simulationAssumptions(app, sim, level, rerender) : null,
    routes
      ? h(
          "section",
          { class: "st-routes" },
          hx(level, "govuk-heading-m", "The route that would follow"),
          scrollTable(
            govTable({
              caption: "If you were inspected now, the chance of each route afterwards",
              captionClasses: "govuk-table__caption--s",
              head: tableCells(["Route", "Chance"], [1]),
              rows: [
                ["Short inspection next time", formatPercent(routes.short)],
                ["Standard inspection next time", formatPercent(routes.standard)],
                ["Monitoring (judged inadequate)", formatPercent(routes.monitoring)],
                ["Not enough answered to say", formatPercent(routes.unknown)],
              ].map((row) => tableCells(row, [1])),
              firstCellIsHeader: true,
            }),
          ),
          fw?.judgements?.some((j) => j.derived)
            ? null
            : h(
                "p",
                { class: "govuk-body-s", id: "routes-unverified" },
                govTag({ text: "Unverified", classes: "govuk-tag--orange st-unverified" }),
                " Ofsted has published no route rules for the April 2026 framework. These chances assume that any inadequate judgement leads to monitoring (our assumption) and that leaders good with two of the three practice judgements good leads to a short inspection (unverified: reported only in a public scraper's notes).",
              ),
        )
      : null,
    (fw?.indicators ?? []).length === 0
      ? null
      : h(
          "section",
          { class: "st-flagged" },
          hx(level, "govuk-heading-m", "Indicators inspectors are likely to ask about"),
          flagged.length
            ? h(
                "ul",
                { class: "govuk-list govuk-list--bullet", id: "flagged-indicators" },
                flagged.map((i) => h("li", {}, i.message)),
              )
            : h("p", { class: "govuk-body", id: "flagged-indicators" }, "None of the figures you entered is flagged."),
        ),
  ];
}

/** The results page; re-renders whenever the answers are re-scored. */
export function resultsPage(app, main) {
  if (!app.a) app.begin();
  app.title("Your likely judgements");
  const body = h("div", { id: "results-body" });
  const render = (focusId) => {
    replace(body, resultsBody(app, 2, render));
    if (typeof focusId === "string") {
      const details = app.root.getElementById("simulation-assumptions");
      if (details) details.open = true;
      app.root.getElementById(focusId)?.focus();
    }
  };
  render();
  app.watch(() => render());
  const fw = app.fw();
  put(
    main,
    h("h1", { class: "govuk-heading-l" }, "Your likely judgements"),
    fw ? h("p", { class: "govuk-body", id: "results-framework" }, "Framework: ", h("strong", {}, fw.name), ".") : null,
    frameworkNotices(fw),
    body,
    app.scored ? exportButtons(app) : null,
    h(
      "p",
      { class: "govuk-body st-no-print" },
      app.link("See your inspection timeline", "timeline", {}, { id: "to-timeline" }),
      " or ",
      app.link("print the full report", "report"),
      ".",
    ),
  );
}

/** Which ratings rest on case-file audits and which on judgement alone (pages/audits/). */
function auditBasis(app) {
  const e = /** @type {AuditEvidence | undefined} */ (app.scored?.audits);
  if (!e) return null;
  const answered = Object.values(app.a.answers ?? {}).filter((x) => x.level && x.level !== "not_known").length;
  const resting = e.statements.filter((x) => x.supports && x.rating && x.rating !== "not_known").length;
  return h(
    "p",
    { class: "govuk-body", id: "results-audit-basis" },
    `Case-file audits: ${resting} of your ${answered} ratings rest on audited cases (at least 5 in the last 12 months), and the rest on judgement alone. Where audits exist, the chances below use their sample sizes instead of the boxes ticked under "How do you know?".`,
  );
}
