// Results (likely judgements with their chances, reasons and what would lift them), the
// inspection timeline, the action plan, the printable report and the comparison with last
// year. Every grade, chance, date and rule shown here comes from the wasm core.
import { h, replace, put } from "./dom.mjs";
import {
  govTag,
  govTable,
  govButton,
  govWarning,
  govInput,
  govErrorSummary,
  govErrorMessage,
  govSummaryList,
  tagColour,
  errorText,
  tableCells,
} from "./govuk.mjs";
import { fieldId } from "./state.mjs";
import { TRUST, datesInText, formatDateLong, formatDateShort, formatPercent } from "./format.mjs";
import { exportCsv, openAssessmentFile } from "./files.mjs";
import { familyOf, familyTerms } from "./family.mjs";
import { blocksToHtml, exportButtons, reportExtraSections } from "./report.mjs";
import { changeCell, changeSummary, frameworkNote } from "./compare.mjs";
import {
  GRADE_ORDER,
  KIND_TEXT,
  gradeLabel,
  hasChances,
  headlineText,
  lastYearComparison,
  runSimulation,
  scrollTable,
  separateOverall,
  setLastYear,
  simulationModel,
  liftChange,
  statementText,
  topLifts,
  whenText,
} from "./results-data.mjs";

/** A heading of level `n` (2–6). */
function hx(n, cls, ...children) {
  return h(`h${Math.min(6, n)}`, { class: cls }, ...children);
}

/**
 * What a rule's tag says to a user, in words, for the tags that are not verified: S (a secondary
 * source), U (reported, but no official text found) and R (our assumption). V and D say nothing.
 */
const TAG_COLOURS = { S: "grey", U: "orange", R: "yellow" };

/** The tag shown on anything resting on a rule tagged S, U or R. */
export function assumptionTag(tag) {
  const colour = TAG_COLOURS[tag];
  return colour
    ? [
        " ",
        govTag({
          text: TRUST[tag].short,
          classes: `${tagColour(colour)} ${tag === "R" ? "st-assumption" : "st-unverified"}`,
        }),
      ]
    : null;
}

/** One sentence on how far a figure or rule tagged `tag` can be trusted, or "" when verified. */
export function trustNote(tag) {
  return TRUST[tag]?.note ?? "";
}

/**
 * The notices a framework carries (changes Ofsted has announced, such as the 2027 children and
 * families services framework), each with how far it can be trusted and its source; null when none.
 */
export function frameworkNotices(fw, id = "framework-notices") {
  const notices = fw?.notices ?? [];
  if (!notices.length) return null;
  return h(
    "div",
    { class: "govuk-inset-text st-framework-notices", id },
    notices.map((n) =>
      h("p", { class: "govuk-body" }, n.text, assumptionTag(n.tag), " ", sourceLink(n.source, "From: ")),
    ),
  );
}

/** An external source link: plain <a> the user may choose to follow, opening in a new tab. */
export function sourceLink(url, prefix = "Source: ") {
  if (!url) return null;
  let name = url;
  try {
    name = new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return h("span", { class: "govuk-body-s" }, prefix, url);
  }
  return h(
    "span",
    { class: "govuk-body-s st-source" },
    prefix,
    h(
      "a",
      { class: "govuk-link", href: url, rel: "noreferrer noopener", target: "_blank" },
      `${name} (opens in new tab)`,
    ),
  );
}

/** A horizontal bar chart of grade chances (hidden from screen readers) and a table that says the same. */
export function gradeChart(app, name, probabilities) {
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
function reasonsList(app, reasons) {
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

/** One judgement's result block. */
function judgementBlock(app, j, sim, level) {
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
function simulationAssumptions(app, sim, level, onChange) {
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
function summary(app, scored, sim, level) {
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
            lifts.map(({ j, step }) =>
              h(
                "li",
                {},
                statementText(app, step.statementId).text,
                h("span", { class: "govuk-body-s" }, ` — ${j.name.replace(/^The /, "the ")}: ${liftChange(app, step)}`),
              ),
            ),
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
function resultsBody(app, level, rerender) {
  const scored = app.scored;
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
          sim ? { ...sim, judgements: [{ id: overallJ.id, probabilities: sim.overall }] } : null,
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

// ---- timeline --------------------------------------------------------------------------------

function timelineBody(pw, level) {
  if (pw.error) return govWarning({ text: `Stocktake could not work out your pathway: ${pw.error}` });
  const next = pw.next;
  const assumptionLabel = new Map((pw.assumptions ?? []).map((x) => [x.id, x.label]));
  return [
    next
      ? h(
          "div",
          { class: "govuk-inset-text st-next", id: "next-inspection" },
          h(
            "p",
            { class: "govuk-body" },
            next.kind === "full"
              ? "Your next full inspection is "
              : [
                  "Your next full inspection is likely to be a ",
                  h("strong", {}, KIND_TEXT[next.kind] ?? next.kind),
                  ": ",
                ],
            "most likely around ",
            h("strong", {}, formatDateLong(next.window.likely)),
            `, between ${formatDateShort(next.window.earliest)} and ${formatDateShort(next.window.latest)}.`,
          ),
          h("p", { class: "govuk-body-s" }, next.rule.text, assumptionTag(next.rule.tag)),
          (next.notes ?? []).map((n) =>
            typeof n === "string"
              ? h("p", { class: "govuk-body-s" }, n)
              : h("p", { class: "govuk-body-s" }, n.text, assumptionTag(n.tag), " ", trustNote(n.tag)),
          ),
          sourceLink(next.rule.source),
        )
      : null,
    hx(level, "govuk-heading-m", "Step by step"),
    h(
      "ol",
      { class: "st-timeline", id: "timeline-events" },
      (pw.events ?? []).map((ev) =>
        h(
          "li",
          { class: `st-timeline__item st-timeline__item--${ev.kind}` },
          h("p", { class: "govuk-body-s st-timeline__when" }, whenText(ev)),
          hx(
            level + 1,
            "govuk-heading-s st-timeline__title",
            ev.title,
            ev.condition ? [" ", govTag({ text: "Only if", classes: "st-conditional" })] : null,
            assumptionTag(ev.tag),
          ),
          ev.condition ? h("p", { class: "govuk-body-s st-timeline__condition" }, h("strong", {}, ev.condition)) : null,
          h("p", { class: "govuk-body st-timeline__description" }, datesInText(ev.description)),
          ev.assumptionIds?.length
            ? h(
                "p",
                { class: "govuk-body-s st-muted" },
                "Depends on: ",
                ev.assumptionIds.map((id) => assumptionLabel.get(id) ?? id).join("; "),
                ".",
              )
            : null,
          sourceLink(ev.source),
        ),
      ),
    ),
  ];
}

function baseRatesAside(app, pw, level) {
  const b = pw.baseRates;
  // The base rates are local authorities' inspections: not shown for providers.
  if (!b || familyOf(app.fw()) !== "ilacs") return null;
  const transitions = b.transitions ?? [];
  const fromGrades = GRADE_ORDER.filter((g) => transitions.some((t) => t.from === g));
  return h(
    "aside",
    { class: "st-base-rates", "aria-labelledby": "base-rates-title" },
    hx(level, "govuk-heading-m", h("span", { id: "base-rates-title" }, "What happened to other authorities")),
    h(
      "p",
      { class: "govuk-body-s" },
      `From ${b.pairs ?? "the"} pairs of consecutive inspections${b.firstStart ? ` between ${formatDateShort(b.firstStart)} and ${formatDateShort(b.lastStart)}` : ""}, the first ending after the 2020–21 pause.`,
    ),
    h(
      "p",
      { class: "govuk-body-s" },
      "Many cycles that began after the pause had not ended by March 2025, so these months read short: the windows on the left allow for the later ones.",
    ),
    fromGrades.map((from) => {
      const rows = transitions.filter((t) => t.from === from);
      const total = rows.reduce((n, t) => n + t.count, 0);
      return scrollTable(
        govTable({
          caption: `After ${app.levelLabel(from).toLowerCase()}, the next grade was`,
          captionClasses: "govuk-table__caption--s",
          head: tableCells(["Next grade", "Authorities"], [1]),
          rows: rows.map((t) => [app.levelLabel(t.to), `${t.count} of ${total}`]).map((row) => tableCells(row, [1])),
          firstCellIsHeader: true,
          classes: "st-table-small",
        }),
      );
    }),
    b.intervals?.length
      ? scrollTable(
          govTable({
            caption: "Months between full inspections",
            captionClasses: "govuk-table__caption--s",
            head: tableCells(["After", "Median", "Range"], [1, 2]),
            rows: b.intervals
              .map((i) => [app.levelLabel(i.from), String(i.median), `${i.min} to ${i.max}`])
              .map((row) => tableCells(row, [1, 2])),
            firstCellIsHeader: true,
            classes: "st-table-small",
          }),
        )
      : null,
    h("p", { class: "govuk-body-s st-attribution", id: "attribution" }, b.attribution),
  );
}

/** Number inputs for the pathway's assumptions; `onChange` re-runs the pathway. */
function assumptionsForm(app, pw, onChange) {
  const problems = (pw.problems ?? []).filter((p) => p.field.startsWith("assumptions."));
  return h(
    "div",
    { class: "st-assumptions st-no-print" },
    h("h2", { class: "govuk-heading-m" }, "Change the assumptions"),
    h(
      "p",
      { class: "govuk-body" },
      "Each step above rests on figures from published sources or our own assumptions. Change them to see how the dates move.",
    ),
    (pw.assumptions ?? []).map((x) =>
      govInput({
        id: fieldId(`assumptions.${x.id}`),
        name: fieldId(`assumptions.${x.id}`),
        label: { text: x.label },
        hint: {
          nodes: [
            `Between ${x.min} and ${x.max} ${x.unit}. Default ${x.default}. `,
            trustNote(x.tag),
            sourceLink(x.source, "From: "),
          ],
        },
        value: String(app.pathway.assumptions[x.id] ?? x.value),
        type: "number",
        inputmode: "decimal",
        suffix: { text: x.unit },
        errorMessage: errorText(problems.find((p) => p.field === `assumptions.${x.id}`)?.message),
        attributes: { min: String(x.min), max: String(x.max), step: "any" },
        onChange: (v) => {
          const n = v.trim() === "" ? undefined : Number(v);
          app.pathway.setAssumption(x.id, n === undefined || n === x.default ? undefined : Number.isFinite(n) ? n : v);
          onChange(fieldId(`assumptions.${x.id}`));
        },
        classes: "govuk-input--width-4",
        autocomplete: "off",
      }),
    ),
    govButton({
      classes: "govuk-button--secondary",
      text: "Reset to defaults",
      id: "reset-assumptions",
      onClick: () => {
        app.pathway.resetAssumptions();
        onChange("reset-assumptions");
      },
    }),
  );
}

/** The timeline page. */
export function timelinePage(app, main) {
  if (!app.a) app.begin();
  app.title("Your inspection pathway");
  const body = h("div", { class: "govuk-grid-row", id: "timeline-body" });
  const render = (focusId) => {
    const pw = app.pathway.run();
    const historyProblems = (pw.problems ?? []).filter((p) => p.field.startsWith("history"));
    replace(
      body,
      h(
        "div",
        { class: "govuk-grid-column-two-thirds" },
        historyProblems.length
          ? govWarning({
              text: `Some of your inspection history could not be used: ${historyProblems.map((p) => p.message).join("; ")}. Check “${familyTerms(app.fw()).about}”.`,
            })
          : null,
        app.a.history?.lastInspection
          ? null
          : h(
              "p",
              { class: "govuk-body" },
              "You have not told us about your last inspection, so the dates are wide. ",
              app.link("Add your inspection history", "about"),
              ".",
            ),
        timelineBody(pw, 2),
        assumptionsForm(app, pw, render),
      ),
      h("div", { class: "govuk-grid-column-one-third" }, baseRatesAside(app, pw, 2)),
    );
    if (typeof focusId === "string") app.root.getElementById(focusId)?.focus();
  };
  render();
  app.watch(() => render());
  put(
    main,
    h("h1", { class: "govuk-heading-l" }, "Your inspection pathway"),
    body,
    h(
      "p",
      { class: "govuk-body st-no-print" },
      app.link("See your action plan", "actions", {}, { id: "to-actions" }),
      " or ",
      app.link("print the full report", "report"),
      ".",
    ),
  );
}

// ---- action plan -----------------------------------------------------------------------------

function actionsBody(app, forPrint) {
  const plan = [...(app.scored?.actionPlan ?? [])].sort((x, y) => Number(y.critical) - Number(x.critical));
  const missing = plan.filter((x) => !x.hasAction).length;
  const areaName = new Map((app.fw()?.areas ?? []).map((a) => [a.id, a.name]));
  if (!plan.length)
    return h(
      "p",
      { class: "govuk-body", id: "action-plan-empty" },
      "No gaps yet: every statement you answered is good or better. Gaps appear here when you rate a statement below good or not known.",
    );
  return [
    missing
      ? govWarning({ text: `${missing} ${missing === 1 ? "gap has" : "gaps have"} no action yet.` })
      : h("p", { class: "govuk-body" }, "Every gap has an action."),
    h("p", { class: "govuk-body-s" }, "Critical gaps are listed first."),
    scrollTable(
      govTable({
        caption: "Gaps and planned actions",
        captionClasses: "govuk-table__caption--s",
        head: tableCells(["Statement", "Level now", "Action", "Owner", "Due"]),
        classes: "st-action-table",
        rows: plan
          .map((x) => [
            [
              h("span", { class: "govuk-body-s st-muted st-area-name" }, areaName.get(x.area) ?? x.area),
              x.text,
              x.critical ? [" ", govTag({ text: "Critical", classes: "govuk-tag--red" })] : null,
              x.finding
                ? h("span", { class: "st-block govuk-body-s govuk-!-margin-top-1 st-finding" }, x.finding)
                : null,
            ],
            [app.levelLabel(x.level), auditedOrNot(app, x.statementId)],
            x.hasAction
              ? x.action.text
              : [
                  govTag({ text: "No action yet", classes: "govuk-tag--orange" }),
                  forPrint
                    ? null
                    : h(
                        "span",
                        { class: "st-block govuk-!-margin-top-1" },
                        app.link(
                          ["Add an action", h("span", { class: "govuk-visually-hidden" }, ` for: ${x.text}`)],
                          "area",
                          { id: x.area },
                          { focusId: fieldId(`answers.${x.statementId}.action.text`) },
                        ),
                      ),
                ],
            x.action?.owner ?? "",
            x.action?.due ? formatDateShort(x.action.due) : "",
          ])
          .map((row) => tableCells(row)),
      }),
    ),
  ];
}

/** The action plan page. */
export function actionsPage(app, main) {
  if (!app.a) app.begin();
  app.title("Action plan");
  put(
    main,
    h("h1", { class: "govuk-heading-l" }, "Action plan"),
    h("p", { class: "govuk-body" }, "Statements you rated below good or not known, with the actions you planned."),
    actionsBody(app, false),
    h(
      "div",
      { class: "govuk-button-group st-no-print" },
      govButton({
        classes: "govuk-button--secondary",
        text: "Export answers as CSV",
        id: "export-csv",
        onClick: () => exportCsv(app),
      }),
      app.link("Print the full report", "report"),
    ),
    app.scored ? exportButtons(app) : null,
  );
}

// ---- report ------------------------------------------------------------------------------------

/** Results, timeline and action plan together: the view to print or save as PDF. */
export function reportPage(app, main) {
  if (!app.a) app.begin();
  app.title("Self-evaluation report");
  const pw = app.pathway.run();
  put(
    main,
    h("span", { class: "govuk-caption-l" }, app.a.authority || familyTerms(app.fw()).org),
    h("h1", { class: "govuk-heading-l" }, "Self-evaluation report"),
    govSummaryList({
      rows: [
        { key: { text: "Framework" }, value: { text: app.fw()?.name ?? app.a.framework } },
        {
          key: { text: "Date of self-evaluation" },
          value: { text: app.a.assessedOn ? formatDateLong(app.a.assessedOn) : "Not given" },
        },
      ],
    }),
    frameworkNotices(app.fw()),
    h(
      "div",
      { class: "govuk-button-group st-no-print" },
      govButton({ text: "Print or save as PDF", id: "print", onClick: () => window.print() }),
    ),
    app.scored ? exportButtons(app) : null,
    // The same order as the Word document (report.mjs): summary and judgements, the action plan,
    // the pathway, indicators against England, the comparison with last year.
    h(
      "section",
      { class: "st-report-section" },
      h("h2", { class: "govuk-heading-l" }, "Likely judgements"),
      resultsBody(app, 3),
    ),
    h(
      "section",
      { class: "st-report-section st-page-break" },
      h("h2", { class: "govuk-heading-l" }, "Action plan"),
      actionsBody(app, true),
    ),
    h(
      "section",
      { class: "st-report-section st-page-break" },
      h("h2", { class: "govuk-heading-l" }, "Inspection pathway"),
      timelineBody(pw, 3),
      baseRatesAside(app, pw, 3),
    ),
    app.scored
      ? reportExtraSections(app).map((s) =>
          h(
            "section",
            { class: "st-report-section st-page-break" },
            h("h2", { class: "govuk-heading-l" }, s.heading),
            blocksToHtml(s.blocks, 3),
          ),
        )
      : null,
    h(
      "p",
      { class: "govuk-body-s st-meta" },
      `Made with Stocktake ${app.core.version()}. Estimates from your own answers; not an Ofsted judgement.`,
    ),
  );
}

// ---- compare with last year ---------------------------------------------------------------------

/** Open last year's file and see what moved: statement levels and judgement grades, then and now. */
export function comparePage(app, main) {
  if (!app.a) app.begin();
  app.title("Compare with last year");
  const errorSlot = h("div");
  const body = h("div", { id: "compare-body" });
  const input = h("input", {
    class: "govuk-file-upload",
    id: "last-year-file",
    name: "last-year-file",
    type: "file",
    accept: ".json,application/json",
    "aria-describedby": "last-year-file-hint",
  });
  const group = h(
    "div",
    { class: "govuk-form-group" },
    h("label", { class: "govuk-label govuk-label--s", for: "last-year-file" }, "Open last year's file"),
    h(
      "div",
      { class: "govuk-hint", id: "last-year-file-hint" },
      "A file you saved from Stocktake for an earlier self-evaluation. It is read on this device only.",
    ),
    input,
  );
  input.addEventListener("change", async () => {
    const file = input.files?.[0];
    if (!file) return;
    const result = await openAssessmentFile(app, file);
    input.value = "";
    app.root.getElementById("last-year-file-error")?.remove();
    input.setAttribute(
      "aria-describedby",
      result.ok ? "last-year-file-hint" : "last-year-file-hint last-year-file-error",
    );
    if (!result.ok) {
      group.classList.add("govuk-form-group--error");
      input.before(govErrorMessage({ id: "last-year-file-error", text: result.messages[0] }));
      replace(
        errorSlot,
        govErrorSummary({
          titleText: "There is a problem",
          errorList: result.messages.map((m) => ({ text: m, href: "#last-year-file" })),
          root: app.root,
        }),
      );
      app.title("Compare with last year", true);
      errorSlot.firstChild.focus();
      return;
    }
    group.classList.remove("govuk-form-group--error");
    replace(errorSlot);
    setLastYear(app, result.assessment);
    render();
    body.querySelector("h2")?.focus();
  });
  const render = () => {
    const c = lastYearComparison(app);
    if (!c) return replace(body);
    const { lastYear, words, indicators } = c;
    // The last cell of each row is a change word: shown with its marker here, plain text in files.
    const marked = (rows) => rows.map((r) => [...r.slice(0, -1), changeCell(r.at(-1))]);
    const judgementRows = marked(c.judgementRows);
    const moved = marked(c.moved);
    replace(
      body,
      h(
        "h2",
        { class: "govuk-heading-m", tabindex: "-1" },
        `Compared with ${lastYear.authority ? `${lastYear.authority}, ` : ""}${lastYear.assessedOn ? formatDateShort(lastYear.assessedOn) : "last year's file"}`,
      ),
      frameworkNote(app.frameworks, app.fw(), lastYear, app.a),
      scrollTable(
        govTable({
          caption: "Judgements, then and now",
          captionClasses: "govuk-table__caption--s",
          head: tableCells(["Judgement", "Then", "Now", "Change"]),
          rows: judgementRows.map((row) => tableCells(row)),
          firstCellIsHeader: true,
          classes: "st-compare-judgements",
        }),
      ),
      moved.length
        ? scrollTable(
            govTable({
              caption: `Statements that moved (${moved.length})`,
              captionClasses: "govuk-table__caption--s",
              head: tableCells(["Statement", "Then", "Now", "Change"]),
              rows: moved.map((row) => tableCells(row)),
              firstCellIsHeader: true,
              classes: "st-compare-statements",
            }),
          )
        : h("p", { class: "govuk-body" }, "No statement moved."),
      h("p", { class: "govuk-body", id: "compare-statement-summary" }, `Statements: ${changeSummary(words)}.`),
      indicators.length
        ? scrollTable(
            govTable({
              caption: "Indicators, then and now",
              captionClasses: "govuk-table__caption--s",
              head: tableCells(["Indicator", "Then", "Now", "Change"]),
              rows: indicators.map(([name, a, b, w]) => [name, a, b, changeCell(w)]).map((row) => tableCells(row)),
              firstCellIsHeader: true,
              classes: "st-compare-indicators",
            }),
          )
        : null,
      govButton({
        classes: "govuk-button--secondary",
        text: "Remove last year's file",
        onClick: () => {
          setLastYear(app, null);
          render();
          input.focus();
        },
      }),
    );
  };
  render();
  app.watch(render);
  put(
    main,
    errorSlot,
    h("h1", { class: "govuk-heading-l" }, "Compare with last year"),
    h("p", { class: "govuk-body" }, "See which statements and judgements moved since an earlier self-evaluation."),
    group,
    body,
  );
}

/**
 * Under a gap's level in the action plan, once there are audits: what the audits of its statement
 * show ("Audits: 9 of 20 cases good or better"), or that the rating rests on judgement alone.
 */
function auditedOrNot(app, statementId) {
  const e = app.scored?.audits;
  if (!e) return null;
  const a = e.statements.find((x) => x.statement === statementId && x.cases > 0);
  return h(
    "span",
    { class: "govuk-body-s st-muted st-audit-basis" },
    a
      ? ` Audits: ${a.goodOrBetter} of ${a.cases} ${a.cases === 1 ? "case" : "cases"} good or better.`
      : " Judgement alone: no audited cases.",
  );
}

/** Which ratings rest on case-file audits and which on judgement alone (pages-audits.mjs). */
function auditBasis(app) {
  const e = app.scored?.audits;
  if (!e) return null;
  const answered = Object.values(app.a.answers ?? {}).filter((x) => x.level && x.level !== "not_known").length;
  const resting = e.statements.filter((x) => x.supports && x.rating && x.rating !== "not_known").length;
  return h(
    "p",
    { class: "govuk-body", id: "results-audit-basis" },
    `Case-file audits: ${resting} of your ${answered} ratings rest on audited cases (at least 5 in the last 12 months), and the rest on judgement alone. Where audits exist, the chances below use their sample sizes instead of the boxes ticked under "How do you know?".`,
  );
}
