// The task list (sections with honest statuses and a progress count) and "Check your answers".
import { h, inPage, put } from "../ui/dom.mjs";
import { govTag, govSummaryList, govButton, tagColour, textOrNodes } from "../ui/govuk.mjs";
import { fieldId } from "../domain/state.mjs";
import { formatDateShort, formatNumber } from "../ui/format.mjs";
import { familyTerms, inspectionKindText } from "../domain/family.mjs";
import { aboutFrameworkAt } from "./about.mjs";

/** "completed" | "in_progress" | "not_started" for an area: completed when every statement has a level. */
export function areaStatus(app, area) {
  const answers = app.a?.answers ?? {};
  const withLevel = area.statements.filter((s) => answers[s.id]?.level).length;
  const touched = area.statements.some((s) => answers[s.id]);
  if (withLevel === area.statements.length) return "completed";
  return touched ? "in_progress" : "not_started";
}

/** Same for indicators: completed when every indicator has a value. */
export function indicatorsStatus(app) {
  const inds = app.fw()?.indicators ?? [];
  const values = app.a?.indicators ?? {};
  const given = inds.filter((i) => values[i.id] !== undefined && values[i.id] !== "");
  // A value that is not a number (the core reports it) leaves the section in progress.
  const valid = given.filter((i) => typeof values[i.id] === "number");
  if (inds.length && valid.length === inds.length) return "completed";
  return given.length ? "in_progress" : "not_started";
}

/**
 * A row's status as govuk-frontend 6's task list shows it: "Completed" as plain text, "In progress"
 * in the default (blue) tag and "Not started" in a teal one, as in its own examples.
 */
function statusCell(id, status) {
  if (status === "completed") return h("div", { class: "govuk-task-list__status", id }, "Completed");
  const [text, colour] = status === "in_progress" ? ["In progress", null] : ["Not started", "teal"];
  return h("div", { class: "govuk-task-list__status", id }, govTag({ text: text, classes: tagColour(colour) }));
}

function taskItem(key, name, hint, status, onOpen) {
  const statusId = `task-${key}-status`;
  const hintId = hint ? `task-${key}-hint` : null;
  return h(
    "li",
    { class: "govuk-task-list__item govuk-task-list__item--with-link" },
    h(
      "div",
      { class: "govuk-task-list__name-and-hint" },
      h(
        "a",
        {
          class: "govuk-link govuk-task-list__link",
          href: "#",
          id: `task-${key}`,
          "aria-describedby": [hintId, statusId].filter(Boolean).join(" "),
          onclick: inPage(onOpen),
        },
        name,
      ),
      hint ? h("div", { class: "govuk-task-list__hint", id: hintId }, hint) : null,
    ),
    statusCell(statusId, status),
  );
}

/** Renders the task list. */
export function tasksPage(app, main) {
  if (!app.a) app.begin();
  const fw = app.fw();
  app.title("Your self-evaluation");
  const areas = fw?.areas ?? [];
  const statuses = areas.map((a) => areaStatus(app, a));
  const indStatus = indicatorsStatus(app);
  // Frameworks without indicators (the providers') have no indicators section.
  const hasIndicators = (fw?.indicators ?? []).length > 0;
  const terms = familyTerms(fw);
  const aboutStatus = app.a.history?.lastInspection ? "completed" : "not_started";
  // The count is of every row below, so it always agrees with the rows shown as Completed.
  const rows = [aboutStatus, ...statuses, ...(hasIndicators ? [indStatus] : [])];
  const done = rows.filter((s) => s === "completed").length;
  const total = rows.length;
  const answered = (id) => areas.find((a) => a.id === id).statements.filter((s) => app.a.answers?.[s.id]?.level).length;
  put(
    main,
    h("span", { class: "govuk-caption-l" }, app.a.authority || terms.org),
    h("h1", { class: "govuk-heading-xl" }, "Your self-evaluation"),
    app.a.scenario
      ? h(
          "p",
          { class: "govuk-body", id: "scenario-note" },
          "A fictional workshop scenario. ",
          app.link("Read the briefing again", "briefing", { id: app.a.scenario }, { id: "link-briefing" }),
        )
      : null,
    h("p", { class: "govuk-body", id: "progress" }, `You have completed ${done} of ${total} sections.`),
    h("h2", { class: "govuk-heading-m" }, terms.about),
    h(
      "ul",
      { class: "govuk-task-list" },
      taskItem("about", terms.about, terms.aboutHint, aboutStatus, () => app.go("about")),
    ),
    h("h2", { class: "govuk-heading-m" }, "Rate your practice"),
    h(
      "ul",
      { class: "govuk-task-list", id: "sections" },
      areas.map((a, i) =>
        taskItem(a.id, a.name, `${answered(a.id)} of ${a.statements.length} statements answered`, statuses[i], () =>
          app.go("area", { id: a.id }),
        ),
      ),
      hasIndicators
        ? taskItem("indicators", "Indicators", "Your latest figures compared with England", indStatus, () =>
            app.go("indicators"),
          )
        : null,
    ),
    h("h2", { class: "govuk-heading-m" }, "See what it means"),
    h(
      "ul",
      { class: "govuk-list st-next-links" },
      h("li", {}, app.link("Check your answers", "check", {}, { id: "link-check" })),
      h("li", {}, app.link("Case-file audits: how you know it", "audits", {}, { id: "link-audits" })),
      h("li", {}, app.link("Results: likely judgements", "results", {}, { id: "link-results" })),
      h("li", {}, app.link("Timeline: your inspection pathway", "timeline", {}, { id: "link-timeline" })),
      h("li", {}, app.link("Action plan", "actions", {}, { id: "link-actions" })),
      h("li", {}, app.link("Full report (to print or save as PDF)", "report", {}, { id: "link-report" })),
      h("li", {}, app.link("Compare with last year", "compare", {}, { id: "link-compare" })),
      h("li", {}, app.link("Peer challenge: send a pack, read the response", "peer", {}, { id: "link-peer" })),
    ),
    h("h2", { class: "govuk-heading-m" }, "Keep your work"),
    h(
      "div",
      { class: "govuk-button-group" },
      govButton({
        classes: "govuk-button--secondary",
        text: "Save to a file",
        id: "save-file",
        onClick: () => app.withModule("files", (f) => f.saveAssessmentFile(app)),
      }),
      govButton({
        classes: "govuk-button--secondary",
        text: "Save with a passphrase",
        id: "save-with-passphrase",
        onClick: () => app.go("protect"),
      }),
      govButton({
        classes: "govuk-button--secondary",
        text: "Export answers as CSV",
        id: "export-csv",
        onClick: () => app.withModule("files", (f) => f.exportCsv(app)),
      }),
    ),
    h("p", { class: "govuk-body" }, app.link("Clear everything from this device", "clear", {}, { id: "link-clear" })),
  );
}

/** A level label, or "Not answered". */
function levelText(app, level) {
  return level ? app.levelLabel(level) : h("span", { class: "st-muted" }, "Not answered");
}

/** Check your answers: a summary list per area with Change links to the exact field. */
export function checkPage(app, main) {
  if (!app.a) app.begin();
  const fw = app.fw();
  app.title("Check your answers");
  const a = app.a;
  const evidenceLabel = new Map((fw?.evidenceSources ?? []).map((e) => [e.id, e.label]));
  const change = (name, params, focusId, hidden) => ({
    text: "Change",
    hidden,
    // The page opened remembers it came from here, so that saving returns here.
    onClick: () => app.go(name, { ...params, from: "check" }, { focusId }),
  });
  // govSummaryList's rows for { key, value (text or nodes), action: change(…) }.
  const rowsOf = (rows) =>
    rows.map((r) => ({
      key: { text: r.key },
      value: textOrNodes(r.value),
      actions: {
        items: [{ href: "#", text: r.action.text, visuallyHiddenText: r.action.hidden, onClick: r.action.onClick }],
      },
    }));
  const li = a.history?.lastInspection;
  const terms = familyTerms(fw);
  const aboutRows = [
    {
      key: terms.orgKey,
      value: a.authority || "Not given",
      action: change("about", {}, "authority", `${terms.orgKey.toLowerCase()} name`),
    },
    {
      key: "Date of this self-evaluation",
      value: a.assessedOn ? formatDateShort(a.assessedOn) : "Not given",
      action: change("about", {}, "assessedOn", "date of this self-evaluation"),
    },
    {
      key: terms.lastHeading.replace(/^Your l/, "L"),
      value: li
        ? `${inspectionKindText(li.kind ?? (fw?.inspectionKinds ?? ["standard"])[0])}${li.endedOn ? `, ended ${formatDateShort(li.endedOn)}` : ""}`
        : "Not given",
      action: change("about", {}, "history-lastInspection-kind", terms.lastHeading.replace(/^Your l/, "l")),
    },
  ];
  if (li) {
    // The grades given, under the framework in force when that inspection started.
    const liFw = app.fw(aboutFrameworkAt(app, li.startedOn));
    const grades = (liFw?.judgements ?? []).filter((j) => li.grades?.[j.id]);
    const gradeLabel = (id) => liFw?.levels?.find((l) => l.id === id)?.label ?? app.levelLabel(id);
    aboutRows.push({
      key: "Grades given",
      value: grades.length
        ? h(
            "ul",
            { class: "govuk-list", id: "check-last-grades" },
            grades.map((j) => h("li", {}, `${j.name}: ${gradeLabel(li.grades[j.id])}`)),
          )
        : "Not given",
      action: change(
        "about",
        {},
        fieldId(`history.lastInspection.grades.${(liFw?.judgements ?? [])[0]?.id ?? ""}`),
        "grades given at the last inspection",
      ),
    });
  }
  if (!terms.provider) {
    const visits = a.history?.focusedVisits ?? [];
    const priority = (v) =>
      v.priorityActions === true
        ? ", set areas for priority action"
        : v.priorityActions === false
          ? ", no areas for priority action"
          : "";
    aboutRows.push(
      {
        key: "Focused visits since",
        value: visits.length
          ? h(
              "ul",
              { class: "govuk-list", id: "check-visits" },
              visits.map((v) =>
                h("li", {}, `${v.endedOn ? `Ended ${formatDateShort(v.endedOn)}` : "Date not given"}${priority(v)}`),
              ),
            )
          : "None",
        action: change("about", {}, "focused-visits", "focused visits"),
      },
      {
        key: "Monitoring",
        value: a.history?.monitoring
          ? `Monitored since ${formatDateShort(a.history.monitoring.since)}`
          : "Not monitored",
        action: change("about", {}, "monitoring", "monitoring status"),
      },
    );
  }
  const areaLists = (fw?.areas ?? []).map((area) =>
    h(
      "div",
      { class: "govuk-summary-card" },
      h(
        "div",
        { class: "govuk-summary-card__title-wrapper" },
        h("h2", { class: "govuk-summary-card__title" }, area.name),
      ),
      h(
        "div",
        { class: "govuk-summary-card__content" },
        govSummaryList({
          classes: "st-check-list",
          rows: rowsOf(
            area.statements.map((s) => {
              const ans = a.answers?.[s.id] ?? {};
              const details = [];
              if (ans.evidence?.length)
                details.push(
                  h(
                    "p",
                    { class: "govuk-body-s govuk-!-margin-bottom-1" },
                    "How you know: ",
                    ans.evidence.map((e) => evidenceLabel.get(e) ?? e).join(", "),
                  ),
                );
              if (ans.action?.text)
                details.push(
                  h(
                    "p",
                    { class: "govuk-body-s govuk-!-margin-bottom-1" },
                    "Action: ",
                    ans.action.text,
                    ans.action.owner ? ` (${ans.action.owner})` : "",
                    ans.action.due ? `, due ${formatDateShort(ans.action.due)}` : "",
                  ),
                );
              if (ans.notes)
                details.push(h("p", { class: "govuk-body-s govuk-!-margin-bottom-1 st-notes" }, "Notes: ", ans.notes));
              return {
                key: s.text,
                value: [h("p", { class: "govuk-body govuk-!-margin-bottom-1" }, levelText(app, ans.level)), details],
                action: change("area", { id: area.id }, fieldId(`answers.${s.id}.level`), s.text),
              };
            }),
          ),
        }),
      ),
    ),
  );
  const inds = fw?.indicators ?? [];
  put(
    main,
    h("h1", { class: "govuk-heading-l" }, "Check your answers"),
    h("h2", { class: "govuk-heading-m" }, terms.about),
    govSummaryList({ rows: rowsOf(aboutRows) }),
    areaLists,
    inds.length === 0
      ? null
      : h(
          "div",
          { class: "govuk-summary-card" },
          h(
            "div",
            { class: "govuk-summary-card__title-wrapper" },
            h("h2", { class: "govuk-summary-card__title" }, "Indicators"),
          ),
          h(
            "div",
            { class: "govuk-summary-card__content" },
            govSummaryList({
              rows: rowsOf(
                inds.map((ind) => {
                  const v = a.indicators?.[ind.id];
                  return {
                    key: ind.name,
                    value:
                      v == null
                        ? "Not given"
                        : `${typeof v === "number" ? formatNumber(v) : v}${ind.unit === "percent" && typeof v === "number" ? "%" : ""}`,
                    action: change("indicators", {}, fieldId(`indicators.${ind.id}`), ind.name),
                  };
                }),
              ),
            }),
          ),
        ),
    h(
      "div",
      { class: "govuk-button-group" },
      govButton({ text: "See your results", id: "to-results", onClick: () => app.go("results") }),
    ),
  );
}
