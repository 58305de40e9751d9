// File-first mode (issue 29): where the browser lets Stocktake keep nothing (framed on another site's
// page with third-party storage blocked, or a browser that refuses storage), the work lives in files.
// The start page says so at once in a notification banner, and offers "Open your last file", which
// opens the file chooser in one step. What Chromium keeps in a frame whose third-party storage is
// blocked was tested (e2e/filefirst.test.mjs): nothing at all. localStorage and sessionStorage throw,
// IndexedDB and the Cache API fail, cookies are dropped, and the frame's window.name and address are
// reset when the host page reloads. So the file's name is remembered only where sessionStorage
// still works (app.lastFile()), and the page says honestly whether it is. The File System Access
// API's file handles are not used: they survive a reload only in IndexedDB, which is refused here
// too, and Chromium shows no file picker from a frame on another site.
import { h } from "../ui/dom.mjs";
import { govBanner, govButton } from "../ui/govuk.mjs";

/** The banner at the top of the start page in file-first mode (null when work is kept). */
export function fileFirstBanner(app) {
  if (!app.fileFirst) return null;
  const { kept } = app.lastFile();
  const none = app.config.storage === "none";
  const where = none
    ? "This page is set up so that Stocktake keeps nothing in this browser"
    : app.config.framed
      ? "Stocktake is shown inside another site's page, and this browser does not let it keep anything there"
      : "This browser does not let Stocktake keep anything";
  // Where sessionStorage still works, the one thing kept is the last file's name (app.lastFile()).
  const what = kept
    ? `${where.replace(/ anything( there)?$/, " your answers$1")}. It keeps only the name of your last file, in this tab, never the file itself.`
    : `${where}: not your answers, and not even the name of your file.`;
  return govBanner({
    titleId: "file-first-title",
    classes: "st-no-print",
    attributes: { id: "file-first" },
    nodes: [
      h(
        "p",
        { class: "govuk-notification-banner__heading" },
        none
          ? "Stocktake keeps nothing here: save your work to a file"
          : "This browser keeps nothing here: save your work to a file",
      ),
      h(
        "p",
        { class: "govuk-body" },
        `${what} If the page reloads or you close it, your answers are gone unless you saved them.`,
      ),
      h(
        "p",
        { class: "govuk-body govuk-!-margin-bottom-0" },
        "Use \u201cSave to a file\u201d as you go: your browser downloads the file, usually to your Downloads folder. To carry on later, choose \u201cOpen your last file\u201d below and pick it.",
      ),
    ],
  });
}

/**
 * "Open your last file" for the start page in file-first mode: one button that opens the file
 * chooser (`choose`), and the last file's name where it is known. Null when work is kept.
 */
export function openLastFile(app, choose) {
  if (!app.fileFirst) return null;
  const { name, kept } = app.lastFile();
  return h(
    "div",
    { id: "open-last" },
    govButton({
      text: "Open your last file",
      id: "open-last-file",
      classes: "govuk-!-margin-bottom-2",
      attributes: { "aria-describedby": "open-last-hint" },
      onClick: choose,
    }),
    h(
      "p",
      { class: "govuk-body-s", id: "open-last-hint" },
      name
        ? [
            "Your last file was ",
            h("strong", { id: "open-last-name" }, name),
            kept ? "." : ". Stocktake forgets this name when the page reloads.",
          ]
        : "Stocktake cannot remember which file it was: pick the file you saved last. Its name starts \u201cstocktake-\u201d.",
    ),
  );
}
