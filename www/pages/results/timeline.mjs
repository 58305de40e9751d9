// The inspection timeline: when the next inspection is likely, step by step, with the base rates
// and the assumptions it rests on (adjustable).
import { h, replace, put } from "../../ui/dom.mjs";
import {
  govTag,
  govTable,
  govButton,
  govWarning,
  govInput,
  govRadios,
  errorText,
  tableCells,
  tagColour,
} from "../../ui/govuk.mjs";
import { fieldId } from "../../domain/state.mjs";
import { datesInText, formatDateLong, formatDateShort, monthYear } from "../../ui/format.mjs";
import { familyOf, familyTerms } from "../../domain/family.mjs";
import { GRADE_ORDER, KIND_TEXT, scrollTable, whenText } from "../../domain/results-data.mjs";
import { assumptionTag, officialDataTag, sourceLink, trustNote } from "../../ui/sources.mjs";
import { hx } from "./judgements.mjs";
/** @import { PathwayRun } from "../../domain/pathway.mjs" */

/**
 * The pathway: the next inspection and the expected sequence, or why there is none.
 * @param {PathwayRun} pw
 */
export function timelineBody(pw, level) {
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
          kindChancesNote(next),
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
          preElectionNote(ev),
          laterFrameworkNote(ev),
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

/**
 * What the record says of the next inspection's kind after a last inspection like this one (the
 * core's `kindChances`, tag D): shown when the record is split (some short, some standard) or when
 * it went the other way from the route's kind; null otherwise.
 * @param {{ kind: string, kindChances?: { short: number, standard: number, of: number, label: string, source: string } | null }} next
 */
export function kindChancesNote(next) {
  const k = next.kindChances;
  if (!k?.of) return null;
  const split = k.short > 0 && k.standard > 0;
  const disagrees = (next.kind === "short" && k.short === 0) || (next.kind === "standard" && k.standard === 0);
  if (!split && !disagrees) return null;
  const count = (n) => (n === 0 ? "none" : String(n));
  const sentence =
    k.of === 1
      ? `In the record since the 2020–21 pause, the one authority whose last inspection was ${k.label} had a ${k.short ? "short" : "standard"} inspection next.`
      : `In the record since the 2020–21 pause, of ${k.of} authorities whose last inspection was ${k.label}, ${count(k.short)} had a short inspection next and ${count(k.standard)} a standard one.`;
  return h(
    "p",
    { class: "govuk-body-s st-kind-chances", id: "kind-chances" },
    sentence,
    officialDataTag(),
    " ",
    sourceLink(k.source),
  );
}

/**
 * A note the core puts on a step (a rule with its text, source and tag): an inset with `lead`
 * first, the tag and how far it can be trusted, and the source as a link.
 * @param {{ text: string, source: string, tag: string }} n
 */
function stepNote(n, className, lead = []) {
  return h(
    "div",
    { class: `govuk-inset-text ${className}` },
    h("p", { class: "govuk-body-s" }, ...lead, datesInText(n.text), assumptionTag(n.tag), " ", trustNote(n.tag)),
    sourceLink(n.source),
  );
}

/**
 * On a report due in a pre-election period (the core sets `preElection`): whether it is held until
 * after polling day and why, with the source of the authority's calendar of polls as a link.
 * @param {{ preElection?: { text: string, source: string, tag: string } | null }} ev
 */
export function preElectionNote(ev) {
  return ev.preElection ? stepNote(ev.preElection, "st-timeline__pre-election") : null;
}

/**
 * On an event likely after the April 2026 framework's expected end (the core sets `laterFramework`):
 * it may fall under the children and families services framework Ofsted plans. Shown, not dropped.
 * @param {{ laterFramework?: { text: string, source: string, tag: string } | null }} ev
 */
export function laterFrameworkNote(ev) {
  const lead = [govTag({ text: "May change", classes: `${tagColour("grey")} st-later-framework` }), " "];
  return ev.laterFramework ? stepNote(ev.laterFramework, "st-timeline__later-framework", lead) : null;
}

/**
 * @param {PathwayRun} pw
 */
export function baseRatesAside(app, pw, level) {
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
      // The April 2026 framework gives no overall grade: those pairs have months but no next grade.
      b.ungradedNext
        ? ` In ${b.ungradedNext} of them the later inspection was under the April 2026 framework, which gives no overall grade: they count in the months, not in the next grades.`
        : null,
    ),
    h(
      "p",
      { class: "govuk-body-s" },
      `Many cycles that began after the pause had not ended by ${monthYear(b.recordTo) || "the end of the record"}, so these months read short: the windows on the left allow for the later ones.`,
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

/**
 * Number inputs for the pathway's assumptions; `onChange` re-runs the pathway.
 * @param {PathwayRun} pw
 */
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
      x.choices
        ? settingRadios(app, x, problems, onChange)
        : govInput({
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
              app.pathway.setAssumption(
                x.id,
                n === undefined || n === x.default ? undefined : Number.isFinite(n) ? n : v,
              );
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

/**
 * A setting (an assumption with `choices`, such as which pre-election periods hold reports) as
 * radios: one per whole value from `min`.
 * @param {import("../../types/api").Assumption} x
 */
function settingRadios(app, x, problems, onChange) {
  const id = fieldId(`assumptions.${x.id}`);
  const current = Number(app.pathway.assumptions[x.id] ?? x.value);
  return govRadios({
    name: id,
    idPrefix: id,
    fieldset: { legend: { text: x.label, classes: "govuk-fieldset__legend--s" } },
    hint: {
      nodes: [
        `Default: ${x.choices?.[x.default - x.min] ?? x.default}. `,
        trustNote(x.tag),
        sourceLink(x.source, "From: "),
      ],
    },
    items: (x.choices ?? []).map((text, i) => ({ value: String(x.min + i), text })),
    value: String(current),
    errorMessage: errorText(problems.find((p) => p.field === `assumptions.${x.id}`)?.message),
    onChange: (v) => {
      const n = Number(v);
      app.pathway.setAssumption(x.id, n === x.default ? undefined : n);
      // Focus comes back to the radio chosen (govRadios' item ids: the prefix, then -2, -3, …).
      const i = n - x.min;
      onChange(i > 0 ? `${id}-${i + 1}` : id);
    },
  });
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
