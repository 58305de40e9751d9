// Before a pack is open on "Review a peer challenge pack": the reviews in progress kept on this
// device (issue 29.1), and the pack's file field with its passphrase.
import { h, put } from "../../ui/dom.mjs";
import { govButton } from "../../ui/govuk.mjs";
import { formatClock } from "../../ui/format.mjs";
import { DRAFTS_KEY, openPeerText } from "../../domain/peer.mjs";
import { longDate } from "../../domain/record.mjs";
import { errorSummary, fileField, passphraseInput } from "./common.mjs";

/** The drafts kept on this device, by pack id. */
export function drafts(app) {
  const kept = app.store.read(DRAFTS_KEY);
  return kept && typeof kept === "object" && !Array.isArray(kept) ? kept : {};
}

/** When (time, and the date unless today) something happened: "15:32" or "15:32 on 6 December 2026". */
export function when(date, app) {
  const d = new Date(date);
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  return iso === app.today() ? formatClock(d) : `${formatClock(d)} on ${longDate(iso)}`;
}

/** Before a pack is open: the reviews in progress on this device, and the pack's file field. */
export function openPackPage(app, main, { errors, pending, show, useValue, onFile }) {
  let pass = "";
  const inProgress = Object.values(drafts(app)).filter((d) => d && typeof d.packId === "string");
  put(
    main,
    errorSummary(app, errors),
    h("h1", { class: "govuk-heading-l" }, "Review a peer challenge pack"),
    h(
      "p",
      { class: "govuk-body" },
      "An authority, children's home or fostering agency has sent you its self-evaluation for peer challenge. Open the pack here to read what it holds, challenge its ratings and save a response file to send back. Nothing is sent anywhere. The pack itself is not kept: your own review is kept on this device as you type, and comes back when you open the same pack here again.",
    ),
    inProgress.length
      ? h(
          "div",
          { id: "drafts-in-progress" },
          h("h2", { class: "govuk-heading-m" }, "Reviews in progress on this device"),
          h(
            "ul",
            { class: "govuk-list" },
            inProgress.map((d, i) =>
              h(
                "li",
                { id: `draft-${i + 1}` },
                `${d.preparedBy ? `${d.preparedBy}'s` : "A"} pack prepared for ${d.preparedFor} on ${longDate(d.preparedOn)}: last kept at ${when(d.keptAt, app)}${d.fileAt ? `, saved to a file at ${when(d.fileAt, app)}` : ", not saved to a file"}. `,
                h(
                  "a",
                  {
                    href: "#",
                    class: "govuk-link",
                    id: `draft-${i + 1}-delete`,
                    onclick: (e) => {
                      e.preventDefault();
                      const all = drafts(app);
                      delete all[d.packId];
                      app.store.write(DRAFTS_KEY, all);
                      show(
                        {},
                        { notice: [`Your review of ${d.preparedBy || "that"} pack has been deleted from this device`] },
                      );
                    },
                  },
                  "Delete this review",
                ),
              ),
            ),
          ),
          h("p", { class: "govuk-body" }, "To carry on, open the same pack below."),
        )
      : null,
    pending
      ? [
          h("p", { class: "govuk-body", id: "pack-pending" }, `${pending.name} is protected with a passphrase.`),
          passphraseInput(
            "pack-passphrase",
            "The pack's author will have sent it to you separately.",
            errors,
            (v) => (pass = v),
          ),
          govButton({
            text: "Open the pack",
            id: "pack-open",
            onClick: async () => {
              const opened = await openPeerText(pending.text, pass);
              if (opened.problem || opened.needsPassphrase)
                return show({
                  pending,
                  errors: [{ id: "pack-passphrase", message: opened.problem ?? "Enter the passphrase for this pack" }],
                });
              useValue(opened.value, pass);
            },
          }),
        ]
      : fileField({
          id: "pack-file",
          label: "Open the pack you were sent",
          hint: "A file ending in .json. To carry on from a response or draft you saved, open the pack first.",
          error: errors.find((e) => e.id === "pack-file")?.message,
          onFile,
        }),
  );
}
