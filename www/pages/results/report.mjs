// The printable report: results, the action plan and the pathway together, in the Word document's order.
import { h, put } from "../../ui/dom.mjs";
import { govButton, govSummaryList } from "../../ui/govuk.mjs";
import { formatDateLong } from "../../ui/format.mjs";
import { familyTerms } from "../../domain/family.mjs";
import { blocksToHtml, exportButtons, reportExtraSections } from "../../exports/report.mjs";
import { frameworkNotices } from "../../ui/sources.mjs";
import { resultsBody } from "./judgements.mjs";
import { actionsBody } from "./actions.mjs";
import { baseRatesAside, timelineBody } from "./timeline.mjs";

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
