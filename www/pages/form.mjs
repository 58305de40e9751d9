// The form pages' shared parts (the About page and each area's page): "Save and continue", the
// problems the core finds in the assessment, and the GOV.UK error summary that links each to its field.
import { h } from "../ui/dom.mjs";
import { govButton, govErrorSummary } from "../ui/govuk.mjs";
import { fieldId } from "../domain/state.mjs";

/** Problem codes that are advice, not errors: the page shows them but does not stop the user. */
export const ADVISORY_CODES = ["missing_grade"];

/**
 * "Save and continue" and "Back to task list" for a form page: saves, then goes to the task list
 * (or to "Check your answers" when `params.from` is "check"), or back to `page` (with `params`)
 * showing the error summary when the fields under `prefixes` have problems.
 */
export function saveAndContinue(app, prefixes, page, params = {}) {
  // Opened from a Change link on "Check your answers": saving returns there (GOV.UK's pattern).
  const fromCheck = params.from === "check";
  return h(
    "div",
    { class: "govuk-button-group" },
    govButton({
      text: "Save and continue",
      id: "save-continue",
      onClick: () => {
        app.saveNow();
        if (pageErrors(app, prefixes).length)
          app.go(page, { ...params, showErrors: true }, { replace: true, focusId: "error-summary" });
        else if (fromCheck) app.go("check");
        else app.go("tasks");
      },
    }),
    fromCheck ? app.link("Back to check your answers", "check") : app.link("Back to task list", "tasks"),
  );
}

/**
 * Every problem with the assessment, from the core's latest review (shell/app.mjs, rescore): the
 * reader's, a self-evaluation dated after today and the inspection history's, each
 * { field, code, message } with the message written for the user.
 */
function problems(app) {
  if (!app.a) return [];
  if (!app.reviewed) return app.scoreError ? [{ field: "", code: "invalid", message: app.scoreError }] : [];
  return app.reviewed.problems;
}

/** Problems (from the core) that belong to fields starting with one of `prefixes`, as { id, message }. */
export function pageErrors(app, prefixes) {
  return problems(app)
    .filter((p) => !ADVISORY_CODES.includes(p.code))
    .filter((p) => prefixes.some((pre) => p.field === pre || p.field.startsWith(`${pre}.`)))
    .map((p) => ({ id: fieldId(p.field), field: p.field, message: p.message }));
}

/** Error summary at the top of `main`, or nothing. */
export function errorSummarySlot(app, errors) {
  if (!errors.length) return null;
  const s = govErrorSummary({
    titleText: "There is a problem",
    errorList: errors.map((e) => ({ text: e.message, href: `#${e.id}` })),
    root: app.root,
  });
  s.id = "error-summary";
  // In the order of the fields on the page (GOV.UK's pattern), which the core's order is not:
  // sorted once the page that holds the summary has rendered its fields.
  queueMicrotask(() => {
    const list = s.querySelector(".govuk-error-summary__list");
    if (!list) return;
    const target = (li) => app.root.getElementById(li.querySelector("a")?.getAttribute("href")?.slice(1) ?? "");
    const items = [...list.children].map((li, i) => ({ li, i, el: target(li) }));
    items.sort((x, y) => {
      if (!x.el || !y.el) return x.i - y.i;
      return x.el.compareDocumentPosition(y.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    list.append(...items.map((x) => x.li));
  });
  return s;
}
