// Comparing with last year: open an earlier file and see which statements and judgements moved.
import { h, replace, put } from "../../ui/dom.mjs";
import { govTable, govButton, govErrorSummary, govErrorMessage, govWarning, tableCells } from "../../ui/govuk.mjs";
import { formatDateShort } from "../../ui/format.mjs";
import { openAssessmentFile } from "../../domain/files.mjs";
import { changeCell, changeSummary, frameworkNote, otherAuthority } from "../../domain/compare.mjs";
import { lastYearComparison, scrollTable, setLastYear } from "../../domain/results-data.mjs";

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
      /** @type {HTMLElement} */ (errorSlot.firstChild).focus();
      return;
    }
    group.classList.remove("govuk-form-group--error");
    replace(errorSlot);
    // Another authority's file is not compared (nor put in the report) until the user says so.
    const other = otherAuthority(app.a, result.assessment);
    if (other) return askAboutOther(result.assessment, other, file.name);
    use(result.assessment);
  });
  const use = (assessment) => {
    setLastYear(app, assessment);
    render();
    body.querySelector("h2")?.focus();
  };
  const askAboutOther = (assessment, other, name) => {
    replace(
      body,
      h("h2", { class: "govuk-heading-m", tabindex: "-1", id: "compare-other-title" }, "Is this the right file?"),
      govWarning({
        text: `${name} is a self-evaluation for ${other}, not ${app.a.authority}. Comparing with it would show another authority's answers as your last year, in this page and in your report.`,
      }),
      h(
        "div",
        { class: "govuk-button-group" },
        govButton({
          text: "Choose another file",
          id: "compare-choose-again",
          onClick: () => {
            render();
            input.focus();
          },
        }),
        govButton({
          text: `Compare with ${other} anyway`,
          id: "compare-other-anyway",
          classes: "govuk-button--secondary",
          onClick: () => use(assessment),
        }),
      ),
    );
    body.querySelector("h2")?.focus();
  };
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
      otherAuthority(app.a, lastYear)
        ? govWarning({
            text: `Last year's file is for ${otherAuthority(app.a, lastYear)}, not ${app.a.authority}. Your report says so beside the comparison.`,
          })
        : null,
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
