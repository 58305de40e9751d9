// One page per self-evaluation area (a statement per section: level, how you know, planned
// action, owner, due date, notes) and the indicators page. Values save as the user types; the
// projected judgement beside the form re-scores on every change.
import { h, replace, put } from "../ui/dom.mjs";
import { trendChart } from "../ui/chart.mjs";
import {
  govRadios,
  govCheckboxes,
  govInput,
  govDateInput,
  govCharacterCount,
  govSelect,
  govTag,
  govWarning,
  tagColour,
  errorText,
} from "../ui/govuk.mjs";
import { fieldId, getPath } from "../domain/state.mjs";
import { dateParts, dateJoin, formatDateShort, formatNumber } from "../ui/format.mjs";
import { errorSummarySlot, pageErrors, saveAndContinue } from "./form.mjs";

/** An action's status, as the action plan and the report say it (the core's ActionStatus). */
const ACTION_STATUS = { not_started: "Not started", on_track: "On track", at_risk: "At risk", done: "Done" };

/** Shows or refreshes the projected judgement for one judgement id. */
function liveJudgement(app, judgementId) {
  const box = h("div", { class: "st-live govuk-inset-text", id: "live-judgement", "aria-live": "polite" });
  const render = (scored) => {
    const j = scored?.judgements?.find((x) => x.id === judgementId);
    if (!j) return replace(box, app.scoreError ? `Stocktake could not score these answers: ${app.scoreError}` : "");
    const c = j.completeness;
    replace(
      box,
      h("span", { class: "govuk-body-s st-live__label" }, "Likely judgement so far: "),
      h(
        "strong",
        { class: "st-live__grade", "data-grade": j.grade ?? "none" },
        j.grade ? j.label : "Not enough answered yet",
      ),
      h(
        "span",
        { class: "govuk-body-s st-live__count" },
        ` (${c.answered} of ${c.total} statements answered${c.notKnown ? `, ${c.notKnown} not known` : ""})`,
      ),
    );
  };
  render(app.scored);
  app.watch(render);
  // WCAG 2.2 2.4.11 (focus not obscured): the page's fields stop below this sticky bar when scrolled
  // to (stocktake.scss, scroll-margin-top), however tall the bar is at this width and zoom.
  if (typeof ResizeObserver === "function")
    new ResizeObserver(() => {
      box.parentElement?.style.setProperty("--st-live-height", `${Math.ceil(box.getBoundingClientRect().height)}px`);
    }).observe(box);
  return box;
}

/**
 * WCAG 2.2 2.4.11 (focus not obscured), for fields taller than a line: a browser scrolls a focused
 * field into view only when none of it shows, so a text box half under the sticky bar stays there.
 * Once per `main`: a field that takes focus while under the bar is scrolled to stop below it (its
 * scroll-margin-top, stocktake.scss), in whatever scroller the host page has.
 */
function keepFocusClear(main) {
  if (main.dataset.keepFocusClear) return;
  main.dataset.keepFocusClear = "true";
  main.addEventListener("focusin", (e) => {
    const bar = main.querySelector("#live-judgement");
    const field = e.target;
    if (!bar || !(field instanceof Element) || bar.contains(field)) return;
    const b = bar.getBoundingClientRect();
    const r = field.getBoundingClientRect();
    if (r.top < b.bottom && r.bottom > b.top) field.scrollIntoView({ block: "start" });
  });
}

/** The optional parts of a statement (evidence, action, notes), folded away until wanted. */
function statementDetails(id, open, statement, ...fields) {
  return h(
    "details",
    { class: "govuk-details st-statement__more", open },
    h(
      "summary",
      { class: "govuk-details__summary", id },
      h(
        "span",
        { class: "govuk-details__summary-text" },
        "How you know, planned action and notes",
        h("span", { class: "govuk-visually-hidden" }, ` for: ${statement}`),
      ),
    ),
    h("div", { class: "govuk-details__text" }, fields),
  );
}

/** Renders one area's statements. params: { id, showErrors }. */
export function areaPage(app, main, params) {
  const fw = app.fw();
  const area = fw?.areas?.find((a) => a.id === params.id);
  if (!area) {
    app.title("Page not found");
    put(
      main,
      h("h1", { class: "govuk-heading-l" }, "Page not found"),
      h("p", { class: "govuk-body" }, app.link("Go to your task list", "tasks")),
    );
    return;
  }
  const prefixes = area.statements.map((s) => `answers.${s.id}`);
  const errors = params.showErrors ? pageErrors(app, prefixes) : [];
  const errorFor = (path) => errors.find((e) => e.field === path)?.message;
  app.title(area.name, errors.length > 0);
  const index = fw.areas.indexOf(area);
  const levels = fw.levels ?? [];
  const evidence = fw.evidenceSources ?? [];
  const judgement = fw.judgements.find((j) => j.id === area.judgement);

  // What the case-file audits support, beside each rating (pages/audits/ records them).
  const auditSlots = new Map();
  const renderAudits = () => {
    if (!app.a?.audits?.length) return;
    const e = app.scored?.audits;
    if (e) for (const [id, slot] of auditSlots) replace(slot, auditLine(e, id));
  };
  const sections = area.statements.map((s, i) => {
    const base = `answers.${s.id}`;
    const auditSlot = h("div", {
      id: `${fieldId(s.id)}-audits`,
      class: "govuk-!-margin-bottom-4",
      "aria-live": "polite",
    });
    auditSlots.set(s.id, auditSlot);
    const ans = app.a?.answers?.[s.id] ?? {};
    const headingId = `${fieldId(s.id)}-heading`;
    return h(
      "section",
      // A field of this statement focused from elsewhere ("Add an action") brings the statement
      // itself into view, below the sticky bar (shell/app.mjs, go).
      { class: "st-statement", "aria-labelledby": headingId, "data-focus-context": "" },
      govRadios({
        name: fieldId(`${base}.level`),
        fieldset: {
          legend: {
            // The statement is a level-2 heading, as the macro's legend.html would give it.
            nodes: [
              h(
                "h2",
                { class: "govuk-fieldset__heading" },
                h("span", { class: "govuk-caption-m" }, `Statement ${i + 1} of ${area.statements.length}`),
                h("span", { id: headingId }, s.text),
              ),
              s.critical
                ? h("span", { class: "st-critical" }, govTag({ text: "Critical", classes: "govuk-tag--red" }))
                : null,
              s.changedIn
                ? h("span", { class: "st-changed" }, " ", govTag({ text: `New or reworded: ${s.changedIn}` }))
                : null,
            ],
            classes: "govuk-fieldset__legend--m",
          },
        },
        hint: {
          nodes: [
            h("span", { class: "st-hint-label" }, "What inspectors look at: "),
            s.hint,
            s.critical
              ? " This is safety-critical: a serious failure here alone can make the judgement inadequate."
              : "",
          ],
        },
        items: levels.map((l) => ({ value: l.id, text: l.label })),
        value: ans.level,
        errorMessage: errorText(errorFor(`${base}.level`)),
        onChange: (v) => app.set(`${base}.level`, v),
        classes: "govuk-radios--small",
      }),
      auditSlot,
      statementDetails(
        `${fieldId(s.id)}-more`,
        !!(
          ans.evidence?.length ||
          ans.action ||
          ans.notes ||
          errors.some((e) => e.field.startsWith(`${base}.`) && e.field !== `${base}.level`)
        ),
        s.text,
        govCheckboxes({
          name: fieldId(`${base}.evidence`),
          fieldset: { legend: { text: "How do you know?", classes: "govuk-fieldset__legend--s" } },
          hint: { text: "Select all that apply." },
          items: evidence.map((e) => ({ value: e.id, text: e.label })),
          values: ans.evidence ?? [],
          errorMessage: errorText(errorFor(`${base}.evidence`)),
          onChange: (vals) => app.set(`${base}.evidence`, vals),
          classes: "govuk-checkboxes--small",
        }),
        govCharacterCount({
          id: fieldId(`${base}.action.text`),
          name: fieldId(`${base}.action.text`),
          label: { text: "Planned action (optional)" },
          hint: { text: "What you will do to improve or sustain this. Use a line for each step." },
          value: ans.action?.text ?? "",
          maxlength: app.limits.maxText,
          errorMessage: errorText(errorFor(`${base}.action.text`)),
          onInput: (v) => app.set(`${base}.action.text`, v),
          rows: 3,
        }),
        govInput({
          id: fieldId(`${base}.action.owner`),
          name: fieldId(`${base}.action.owner`),
          label: { text: "Owner (optional)" },
          value: ans.action?.owner ?? "",
          errorMessage: errorText(errorFor(`${base}.action.owner`)),
          onInput: (v) => app.set(`${base}.action.owner`, v),
          classes: "govuk-input--width-20",
          autocomplete: "off",
        }),
        govDateInput({
          id: fieldId(`${base}.action.due`),
          namePrefix: fieldId(`${base}.action.due`),
          fieldset: { legend: { text: "Due date (optional)", classes: "govuk-fieldset__legend--s" } },
          hint: { text: "For example, 31 3 2027" },
          values: dateParts(ans.action?.due),
          errorMessage: errorText(errorFor(`${base}.action.due`)),
          onInput: (parts) => app.set(`${base}.action.due`, dateJoin(parts)),
        }),
        govSelect({
          id: fieldId(`${base}.action.status`),
          name: fieldId(`${base}.action.status`),
          label: { text: "Status (optional)" },
          items: [
            { value: "", text: "Not given" },
            ...Object.entries(ACTION_STATUS).map(([value, text]) => ({ value, text })),
          ],
          value: ans.action?.status ?? "",
          errorMessage: errorText(errorFor(`${base}.action.status`)),
          onChange: (v) => app.set(`${base}.action.status`, v || undefined),
        }),
        govDateInput({
          id: fieldId(`${base}.action.review`),
          namePrefix: fieldId(`${base}.action.review`),
          fieldset: { legend: { text: "Next review (optional)", classes: "govuk-fieldset__legend--s" } },
          hint: { text: "When you will next check how the action is going. For example, 30 9 2026" },
          values: dateParts(ans.action?.review),
          errorMessage: errorText(errorFor(`${base}.action.review`)),
          onInput: (parts) => app.set(`${base}.action.review`, dateJoin(parts)),
        }),
        govCharacterCount({
          id: fieldId(`${base}.notes`),
          name: fieldId(`${base}.notes`),
          label: { text: "Notes (optional)" },
          hint: { text: "For example, what your last audit found, or what you still need to check." },
          value: ans.notes ?? "",
          maxlength: app.limits.maxNotes,
          errorMessage: errorText(errorFor(`${base}.notes`)),
          onInput: (v) => app.set(`${base}.notes`, v),
          rows: 4,
        }),
      ),
    );
  });

  keepFocusClear(main);
  put(
    main,
    errorSummarySlot(app, errors),
    h("span", { class: "govuk-caption-l" }, `Section ${index + 1} of ${fw.areas.length + 1}`),
    h("h1", { class: "govuk-heading-l" }, area.name),
    h("p", { class: "govuk-body-l" }, area.description),
    judgement
      ? h("p", { class: "govuk-body" }, "This area feeds the judgement: ", h("strong", {}, judgement.name), ".")
      : null,
    liveJudgement(app, area.judgement),
    h(
      "p",
      { class: "govuk-body" },
      "Be candid: this is private to you. Choose “Not known” where you do not have evidence yet.",
    ),
    sections,
    saveAndContinue(app, prefixes, "area", { id: area.id, from: params.from }),
  );
  renderAudits();
  app.watch(renderAudits);
}

const AUDIT_LEVEL = {
  outstanding: "outstanding",
  good: "good",
  requires_improvement: "requires improvement to be good",
  inadequate: "inadequate",
};

/** One line: what the audits say about statement `id`, and a tag when the rating is above it. */
function auditLine(e, id) {
  const s = e.statements.find((x) => x.statement === id);
  if (!s)
    return h(
      "p",
      { class: "govuk-body-s" },
      "Audits: no audited cases for this statement; the rating rests on judgement alone.",
    );
  const challenge = e.challenges.find((c) => c.statements.includes(id));
  return [
    h(
      "p",
      { class: "govuk-body-s govuk-!-margin-bottom-1" },
      `Audits: ${s.cases === 1 ? "1 case" : `${s.cases} cases`} ${s.first === s.last ? `on ${formatDateShort(s.first)}` : `from ${formatDateShort(s.first)} to ${formatDateShort(s.last)}`}, ${s.goodOrBetter} good or better (95% interval ${s.interval[0]}% to ${s.interval[1]}%). `,
      s.supports ? `They support ${AUDIT_LEVEL[s.supports]} at most.` : "Too few cases to say what they support.",
    ),
    challenge
      ? h(
          "p",
          { class: "govuk-body-s" },
          govTag({ text: "Above what the audits support", classes: "govuk-tag--red" }),
          " ",
          challenge.text,
        )
      : null,
  ];
}

/** Number as typed → stored value: a number when it is one, otherwise the text (so the core reports it). */
function indicatorValue(text) {
  let t = String(text ?? "")
    .trim()
    .replace(/%$/, "");
  // Commas only as thousands separators ("1,234.5"); "22,5" is not a number here, so the core
  // says so rather than read it as 225.
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, "");
  if (!t) return "";
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

const COMPARISON_TAG = {
  better: ["Better than England", "green"],
  similar: ["Similar to England", "grey"],
  worse: ["Worse than England", "orange"],
  higher: ["Higher than England", "purple"],
  lower: ["Lower than England", "purple"],
};

/** The comparators of the core's `[comparison]` rule, in a sentence about a figure. */
const COMPARATOR_WORDS = { england: "England", neighbours: "its statistical neighbours", region: "its region" };

/** "England and its statistical neighbours": what a figure must be worse than to be flagged. */
function worseThanWords(fw) {
  const words = (fw?.indicatorComparison?.compareWith ?? ["england"]).map((c) => COMPARATOR_WORDS[c] ?? c);
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}` : words[0];
}

const DIRECTION_TEXT = {
  higher_is_better: "Higher is better.",
  lower_is_better: "Lower is better.",
  neither: "Neither higher nor lower is better in itself: be ready to explain a figure far from England's.",
};

/** The indicators page: number inputs with the England figure and the comparison from score(). */
export function indicatorsPage(app, main, params) {
  const fw = app.fw();
  const indicators = fw?.indicators ?? [];
  const prefixes = indicators.map((i) => `indicators.${i.id}`);
  const errors = params.showErrors ? pageErrors(app, prefixes) : [];
  const errorFor = (path) => errors.find((e) => e.field === path)?.message;
  app.title("Indicators", errors.length > 0);
  const comparisons = new Map();
  const renderComparison = (ind) => {
    const slot = comparisons.get(ind.id);
    const r = app.scored?.indicators?.find((x) => x.id === ind.id);
    if (!slot) return;
    if (!r) return replace(slot, null);
    const [text, colour] = COMPARISON_TAG[r.comparison] ?? [r.comparison, "grey"];
    replace(
      slot,
      govTag({ text: text, classes: tagColour(colour) }),
      r.flagged ? [" ", govTag({ text: "Inspectors likely to ask", classes: "govuk-tag--red" })] : null,
      h("p", { class: "govuk-body-s govuk-!-margin-top-1 govuk-!-margin-bottom-0" }, r.message),
    );
  };
  const row = (ind) => {
    const path = `indicators.${ind.id}`;
    const percent = ind.unit === "percent";
    const national = ind.national
      ? `England: ${formatNumber(ind.national.value)}${percent ? "%" : ""} (${ind.national.period})`
      : "";
    const better = DIRECTION_TEXT[ind.direction] ?? "";
    const slot = h("div", {
      class: "st-indicator__comparison",
      id: `${fieldId(path)}-comparison`,
      "aria-live": "polite",
    });
    comparisons.set(ind.id, slot);
    renderComparison(ind);
    const stored = getPath(app.a, ["indicators", ind.id]);
    // Filled from the published figures (record-panel.mjs keeps what it filled): marked as such
    // while it is unchanged, as the user's own figure once changed.
    const filled = app.store.read("published-figures-filled");
    const published = filled?.figures?.[ind.id];
    const origin =
      published && stored != null && stored !== ""
        ? h(
            "p",
            { class: "govuk-body-s govuk-!-margin-bottom-1", id: `${fieldId(path)}-origin` },
            stored === published.value
              ? `Published, ${published.period}. Change it to your local figure if you have a newer one.`
              : `Your local figure (published, ${published.period}: ${formatNumber(published.value)}${percent ? "%" : ""}).`,
          )
        : null;
    // The published trend, when the figures were filled from them: the authority's three years
    // beside its neighbours' average and England, drawn (ui/chart.mjs) with its words as the text
    // alternative.
    const trend = published?.own
      ? trendChart({
          series: [
            { key: "own", name: filled?.name || app.a?.authority || "Your authority", values: published.own },
            { key: "neighbours", name: "Statistical neighbours' average", values: published.neighbours ?? [] },
            { key: "england", name: "England", values: published.england ?? [] },
          ],
          periods: published.periods ?? [],
          format: (v) => `${formatNumber(v)}${percent ? "%" : ""}`,
          title: `${ind.name}, published figures`,
          id: `${fieldId(path)}-trend`,
        })
      : null;
    return h(
      "div",
      { class: "st-indicator" },
      origin,
      govInput({
        id: fieldId(path),
        name: fieldId(path),
        label: { text: ind.name, classes: "govuk-label--s" },
        hint: {
          text: `${national}. ${better}${ind.riskFactor ? ` Inspectors are likely to ask about this when it is worse than ${worseThanWords(fw)}.` : ""}`,
        },
        value: stored == null ? "" : String(stored),
        inputmode: "decimal",
        suffix: { text: percent ? "%" : null },
        spellcheck: false,
        errorMessage: errorText(errorFor(path)),
        onInput: (v) => app.set(path, indicatorValue(v)),
        classes: "govuk-input--width-5",
        autocomplete: "off",
      }),
      slot,
      trend,
    );
  };
  // Grouped under the National Framework outcomes and enablers when the framework has them (as
  // DfE's children's social care dashboard groups them); one list otherwise.
  const groups = fw?.indicatorGroups ?? [];
  const rows = groups.length
    ? groups.map((g) => {
        const inGroup = indicators.filter((i) => i.group === g.id);
        return inGroup.length
          ? h(
              "section",
              {
                class: "st-indicator-group",
                id: `indicator-group-${g.id}`,
                "aria-labelledby": `indicator-group-${g.id}-h`,
              },
              h("h2", { class: "govuk-heading-m", id: `indicator-group-${g.id}-h` }, g.name),
              inGroup.map(row),
            )
          : null;
      })
    : indicators.map(row);
  app.watch(() => indicators.forEach(renderComparison));
  put(
    main,
    errorSummarySlot(app, errors),
    h(
      "span",
      { class: "govuk-caption-l" },
      `Section ${(fw?.areas?.length ?? 0) + 1} of ${(fw?.areas?.length ?? 0) + 1}`,
    ),
    h("h1", { class: "govuk-heading-l" }, "Indicators"),
    h(
      "p",
      { class: "govuk-body" },
      "Enter your latest figures. Leave a figure blank if you do not have it. Stocktake compares each with the England figure.",
    ),
    groups.length
      ? h(
          "p",
          { class: "govuk-body", id: "indicator-groups-intro" },
          "The figures are grouped by the outcomes and enablers of the Children's Social Care National Framework, as in the Department for Education's children's social care dashboard. Each shows the year of the England figure.",
        )
      : null,
    indicators.length ? null : govWarning({ text: "This framework has no indicators." }),
    rows,
    saveAndContinue(app, prefixes, "indicators", { from: params.from }),
  );
}
