// The printable report: the report model's sections (www/exports/model.mjs, report.mjs), the same
// words and order as the Word document and the workbook.
import { h, put } from "../../ui/dom.mjs";
import { govButton, govSummaryList } from "../../ui/govuk.mjs";
import { formatDateLong } from "../../ui/format.mjs";
import { familyTerms } from "../../domain/family.mjs";
import { blocksToHtml, exportButtons, reportMarking, reportModel, reportSections } from "../../exports/report.mjs";
import { frameworkNotices } from "../../ui/sources.mjs";

/** The whole report, as the Word document says it: the view to print or save as PDF. */
export function reportPage(app, main) {
  if (!app.a) app.begin();
  app.title("Self-evaluation report");
  const model = app.scored ? reportModel(app) : null;
  // A report carrying a peer challenge exchange is marked, on screen and in print, as the Word document is.
  const marking = model?.peer.length
    ? h("p", { class: "st-marking", id: "report-marking" }, reportMarking(app, model))
    : null;
  put(
    main,
    marking,
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
    model
      ? h(
          "p",
          { class: "govuk-body", id: "report-last-inspection" },
          "Last inspection: ",
          model.history.lastInspection ?? "not recorded.",
        )
      : h(
          "p",
          { class: "govuk-body" },
          app.scoreError
            ? `Stocktake could not score these answers: ${app.scoreError}`
            : "Answer some statements to see the report.",
        ),
    model
      ? reportSections(model).map((s, i) =>
          h(
            "section",
            { class: `st-report-section${i ? " st-page-break" : ""}`, "aria-labelledby": `report-section-${i}` },
            h("h2", { class: "govuk-heading-l", id: `report-section-${i}` }, s.heading),
            blocksToHtml(s.blocks, 2, s.heading),
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
