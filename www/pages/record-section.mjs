// "Fill this in from the public inspection record", on the About your authority page: the closed
// GOV.UK details element, which is all a first visit needs. Opening it loads the tools chunk
// (app.tools(): record-panel.mjs and record.mjs, with the peer, regional and audit pages) and the
// record itself (app.loadRecord()), then record-panel.mjs renders inside it.
import { h, replace } from "../ui/dom.mjs";
import { govButton } from "../ui/govuk.mjs";

/** Storage key of the authority chosen in the record (record-panel.mjs, pages/peer.mjs). */
export const CHOICE_KEY = "record-authority";

/**
 * The section. `fill(lastInspection, authorityName, tools, codes)` writes the chosen inspection and
 * the authority's codes (`{ urn, la, ons }`) into the page's fields (pages/about.mjs); `tools` is
 * the loaded tools module (asLastInspection, longDate).
 */
export function recordSection(app, { fill }) {
  const body = h("div", { class: "govuk-details__text", id: "record-body" });
  const details = h(
    "details",
    { class: "govuk-details", id: "record-details" },
    h(
      "summary",
      { class: "govuk-details__summary", id: "record-summary" },
      h("span", { class: "govuk-details__summary-text" }, "Fill this in from the public inspection record"),
    ),
    body,
  );
  let started = false;
  const open = () => {
    if (started) return;
    started = true;
    replace(body, h("p", { class: "govuk-body", role: "status" }, "Loading the inspection record…"));
    app
      .tools()
      .then((tools) => tools.renderRecord(app, body, (inspection, name, codes) => fill(inspection, name, tools, codes)))
      .catch((err) => {
        started = false;
        replace(
          body,
          h("p", { class: "govuk-body", role: "alert" }, `The inspection record could not load: ${err.message}.`),
          govButton({ classes: "govuk-button--secondary", text: "Try again", id: "record-retry", onClick: open }),
        );
      });
  };
  details.addEventListener("toggle", () => details.open && open());
  // Reopened with an authority already chosen (here or in the file): show it at once.
  if (app.store.read(CHOICE_KEY) || app.a?.authorityCodes) {
    details.open = true;
    open();
  }
  return details;
}
