// The action plan: every gap between a statement's level and good, safety-critical ones first.
import { h, put } from "../../ui/dom.mjs";
import { govTag, govTable, govButton, govWarning, tableCells } from "../../ui/govuk.mjs";
import { fieldId } from "../../domain/state.mjs";
import { formatDateShort } from "../../ui/format.mjs";
import { exportCsv } from "../../domain/files.mjs";
import { exportButtons } from "../../exports/report.mjs";
import { scrollTable } from "../../domain/results-data.mjs";
/** @import { ActionItem, AuditEvidence } from "../../types/api" */
import { ACTION_STATUS_TEXT } from "../../exports/model.mjs";

export function actionsBody(app, forPrint) {
  /** @type {ActionItem[]} */
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
        head: tableCells(["Statement", "Level now", "Action", "Owner", "Due", "Status", "Review"]),
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
              ? h("span", { class: "st-lines" }, x.action.text)
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
            x.action?.status ? (ACTION_STATUS_TEXT[x.action.status] ?? "") : "",
            x.action?.review ? formatDateShort(x.action.review) : "",
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

/**
 * Under a gap's level in the action plan, once there are audits: what the audits of its statement
 * show ("Audits: 9 of 20 cases good or better"), or that the rating rests on judgement alone.
 */
function auditedOrNot(app, statementId) {
  /** @type {AuditEvidence | undefined} */
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
