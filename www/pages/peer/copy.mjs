// After saving a response, the reviewer keeps a readable copy of what they sent (issue 29.3): their
// letter and each challenge with the statement it is about, under the pack's protective marking, as
// a Word document (office.mjs's makeDocx) or printed with the review page.
import { h } from "../../ui/dom.mjs";
import { govButton } from "../../ui/govuk.mjs";
import { longDate } from "../../domain/record.mjs";
import { exchangeBlocks, exchangeModel, exportFile } from "../../exports/report.mjs";
import { stem } from "./common.mjs";

/**
 * The reviewer's own readable copy of the response they saved (issue 29.3): their letter and each
 * challenge with the statement it is about, under the pack's protective marking (makeDocx).
 */
function reviewDocument(app, pack, fw, response) {
  const x = exchangeModel(fw, (id) => app.levelLabel(id), response, false);
  return {
    title: "Peer challenge response",
    subtitle: `${response.reviewer}'s review of ${pack.preparedBy || "their"} self-evaluation`,
    marking: pack.marking,
    prepared: `Prepared with Stocktake ${app.core.version()}`,
    facts: [
      ["Reviewer", response.reviewer],
      ["Self-evaluation of", pack.preparedBy || "Not named"],
      ["Pack prepared on", longDate(pack.preparedOn)],
      ["Response saved on", longDate(response.respondedOn)],
      ["Notice", response.notice],
    ],
    sections: [{ heading: "Your review", landscape: true, blocks: exchangeBlocks(x, false) }],
  };
}

/** After saving a response: the reviewer's readable copy of what they sent, as a Word document or printed. */
export function keepCopy(app, pack, fw, response) {
  const status = h("p", { class: "govuk-body-s st-export-status", role: "status", id: "review-export-status" });
  return h(
    "div",
    { class: "st-no-print", id: "review-copy" },
    h("h2", { class: "govuk-heading-m" }, "Keep a copy of your review"),
    h(
      "p",
      { class: "govuk-body" },
      `Your response of ${longDate(response.respondedOn)} as a document you can read: your letter and each challenge with the statement it is about, marked ${pack.marking}.`,
    ),
    h(
      "div",
      { class: "govuk-button-group" },
      govButton({
        classes: "govuk-button--secondary",
        text: "Download your review as a Word document",
        id: "review-docx",
        onClick: () =>
          exportFile(
            app,
            "docx",
            () => reviewDocument(app, pack, fw, response),
            stem("peer-review", pack.preparedBy, response.respondedOn),
            status,
          ),
      }),
      govButton({
        classes: "govuk-button--secondary",
        text: "Print your review",
        id: "review-print",
        onClick: () => window.print(),
      }),
    ),
    status,
  );
}
