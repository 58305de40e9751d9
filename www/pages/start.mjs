// The start page (what Stocktake is, privacy, framework choice, three ways in and the workshop
// scenarios), and the confirmation pages for clearing this device and starting again.
import { h, inPage, put, replace } from "../ui/dom.mjs";
import {
  govSelect,
  govButton,
  govWarning,
  govErrorSummary,
  govErrorMessage,
  govInput,
  govTag,
  errorText,
} from "../ui/govuk.mjs";
import { formatDateShort } from "../ui/format.mjs";
import { FAMILY_GROUPS, familyOf } from "../domain/family.mjs";
import { frameworkNotices } from "../ui/sources.mjs";
import { fileFirstBanner, openLastFile } from "./file-first.mjs";

/** Opening files (files.mjs) is not needed to show the start page, so it loads after it. */
const files = (app) => app.withModule("files", (f) => f);

/** Where answers are kept, in words, for data-storage = local | session | none. */
export function storageSentence(app) {
  if (!app.store.available && app.config.storage !== "none" && app.config.framed)
    return "This browser does not let Stocktake keep your answers while it is shown inside another site's page (as in a private window, or where third-party storage is blocked), so save your work to a file before you close the page.";
  if (!app.store.available && app.config.storage !== "none")
    return "This browser cannot keep your answers, so save your work to a file before you close the page.";
  if (app.config.storage === "session")
    return "Your answers are kept in this browser tab only, and are removed when you close it. Save to a file to keep them.";
  if (app.config.storage === "none")
    return "Your answers are not kept anywhere: save your work to a file before you close the page.";
  if (app.config.offline)
    return "You opened Stocktake from a file on this computer, with no network. Your answers are kept in this browser's storage for files opened from this computer, which any other local file opened in this browser could read: on a shared computer, save your work to a file and use \u201cClear everything from this device\u201d before you leave.";
  if (app.config.framed)
    return "Your answers are kept in this browser's local storage on this device until you clear them, for Stocktake shown inside this page only: opened on its own, or inside a page on another site, Stocktake will not see them. Save to a file to move them.";
  return "Your answers are kept in this browser's local storage on this device until you clear them. Save to a file to move them to another computer.";
}

/** Renders the start page into `main`. */
export function startPage(app, main) {
  app.title("Your inspection self-evaluation");
  const frameworks = app.frameworks;
  const current = frameworks.find((f) => f.current);
  let chosen = app.a?.framework ?? app.defaultFrameworkId();
  const errorSlot = h("div");
  const fileInput = h("input", {
    class: "govuk-file-upload",
    id: "open-file",
    name: "open-file",
    type: "file",
    accept: ".json,application/json",
  });
  const showFileErrors = (messages) => {
    replace(
      errorSlot,
      messages.length
        ? govErrorSummary({
            titleText: "There is a problem",
            errorList: messages.map((m) => ({ text: m, href: "#open-file" })),
            root: app.root,
          })
        : null,
    );
    fileGroup.classList.toggle("govuk-form-group--error", messages.length > 0);
    app.root.getElementById("open-file-error")?.remove();
    if (messages.length) fileInput.before(govErrorMessage({ id: "open-file-error", text: messages[0] }));
    fileInput.classList.toggle("govuk-file-upload--error", messages.length > 0);
    fileInput.setAttribute("aria-describedby", messages.length ? "open-file-hint open-file-error" : "open-file-hint");
    if (messages.length) {
      app.title("Your inspection self-evaluation", true);
      /** @type {HTMLElement} */ (errorSlot.firstChild).focus();
    }
  };
  // Opening a file never changes the work on this page until it has opened cleanly, or the user
  // has read its warnings and chosen to open it anyway.
  const decisionSlot = h("div", { id: "open-decision" });
  let openedName = "";
  const open = (assessment) => {
    app.load(assessment);
    app.rememberFile(openedName);
    app.go("tasks", {}, { notice: ["Your self-evaluation has been opened", `From the file ${openedName}.`] });
  };
  // Work changed since it was last saved to a file is not replaced without asking (save it first?).
  const finish = (assessment, f) => {
    if (!app.a || !app.changedSinceFile) return open(assessment);
    const who = app.a.authority ? ` for ${app.a.authority}` : "";
    put(
      decisionSlot,
      govWarning({
        text: `Opening ${openedName} replaces the self-evaluation${who} you are working on, which has changed since it was last saved to a file.`,
      }),
      h(
        "div",
        { class: "govuk-button-group" },
        govButton({
          text: "Save my work to a file first",
          id: "open-save-first",
          classes: "govuk-button--secondary",
          onClick: () => {
            f.saveAssessmentFile(app);
            app.root.getElementById("open-replace")?.focus();
          },
        }),
        govButton({
          text: "Open the file, replacing my work",
          id: "open-replace",
          onClick: () => {
            replace(decisionSlot);
            open(assessment);
          },
        }),
        h(
          "a",
          {
            href: "#",
            class: "govuk-link",
            id: "open-keep",
            onclick: inPage(() => {
              replace(decisionSlot);
              fileInput.focus();
            }),
          },
          "Cancel and keep my work",
        ),
      ),
    );
    app.root.getElementById("open-save-first")?.focus();
  };
  // `f` is files.mjs, which has loaded by the time a file is opened.
  const handle = (result, f) => {
    replace(decisionSlot);
    if (result.ok && !result.warnings.length) return finish(result.assessment, f);
    if (result.ok) {
      showFileErrors(result.warnings.map((p) => p.message));
      put(
        decisionSlot,
        govWarning({
          text: "This file has the problems listed above. If you open it, those parts are left out. Your current work is unchanged until you choose.",
        }),
        h(
          "div",
          { class: "govuk-button-group" },
          govButton({
            text: "Open it anyway, leaving those parts out",
            id: "open-anyway",
            onClick: () => {
              replace(decisionSlot);
              finish(result.assessment, f);
            },
          }),
          h(
            "a",
            {
              href: "#",
              class: "govuk-link",
              id: "open-cancel",
              onclick: inPage(() => {
                replace(decisionSlot);
                showFileErrors([]);
              }),
            },
            "Cancel",
          ),
        ),
      );
      return;
    }
    if (result.needsPassphrase) {
      const wrong = result.code !== "encrypted" && result.code !== "no_passphrase";
      let passphrase = "";
      const submit = async () => handle(await f.openAssessmentText(app, result.text, passphrase), f);
      put(
        decisionSlot,
        h(
          "p",
          { class: "govuk-body", id: "open-protected-note" },
          "This file is protected with a passphrase. Enter it to open the file.",
        ),
        govInput({
          id: "open-passphrase",
          name: "open-passphrase",
          label: { text: "Passphrase", classes: "govuk-label--s" },
          type: "password",
          autocomplete: "current-password",
          spellcheck: false,
          errorMessage: errorText(wrong ? result.messages[0] : null),
          onInput: (v) => (passphrase = v),
          classes: "govuk-input--width-20",
        }),
        govButton({ text: "Open protected file", id: "open-protected", onClick: submit }),
      );
      if (wrong) {
        replace(
          errorSlot,
          govErrorSummary({
            titleText: "There is a problem",
            errorList: [{ text: result.messages[0], href: "#open-passphrase" }],
            root: app.root,
          }),
        );
        app.title("Your inspection self-evaluation", true);
        /** @type {HTMLElement} */ (errorSlot.firstChild).focus();
      } else {
        showFileErrors([]);
        app.root.getElementById("open-passphrase")?.focus();
      }
      return;
    }
    showFileErrors(result.messages);
  };
  fileInput.addEventListener("change", async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    const f = await files(app);
    openedName = file.name;
    const result = await f.openAssessmentFile(app, file);
    fileInput.value = "";
    handle(result, f);
  });
  const fileGroup = h(
    "div",
    { class: "govuk-form-group" },
    h("label", { class: "govuk-label govuk-label--s", for: "open-file" }, "Open a saved file"),
    h(
      "div",
      { class: "govuk-hint", id: "open-file-hint" },
      "A file you saved from Stocktake earlier (it ends in .json). Opening it replaces what is on this page only if the file is valid.",
    ),
    fileInput,
    decisionSlot,
  );
  fileInput.setAttribute("aria-describedby", "open-file-hint");

  // What Ofsted has announced about the chosen framework (for example a new framework in 2027).
  const noticeSlot = h("div", { id: "framework-notices-slot", "aria-live": "polite" });
  const renderNotices = () => replace(noticeSlot, frameworkNotices(app.fw(chosen)));
  renderNotices();

  const inProgress = !!app.a;
  put(
    main,
    errorSlot,
    fileFirstBanner(app),
    h("h1", { class: "govuk-heading-xl" }, "Stocktake: your inspection self-evaluation"),
    h(
      "p",
      { class: "govuk-body-l" },
      "Score your children's services candidly against Ofsted's inspection framework and see the judgements and inspection pathway it would likely lead to.",
    ),
    h(
      "p",
      { class: "govuk-body" },
      "Stocktake is for directors of children's services, their performance and quality assurance teams, and people who run self-evaluation workshops in English local authorities. It also covers the children's homes and fostering agencies that authorities run, under Ofsted's social care common inspection framework (SCCIF).",
    ),
    h(
      "p",
      { class: "govuk-body" },
      "You rate each area of practice, say how you know, and plan actions. Stocktake then shows:",
    ),
    h(
      "ul",
      { class: "govuk-list govuk-list--bullet" },
      h("li", {}, "the judgements your answers would most likely lead to, and why"),
      h("li", {}, "what would lift each judgement"),
      h("li", {}, "when your next inspection or visit is likely, step by step"),
      h("li", {}, "an action plan you can print or export"),
    ),
    h(
      "div",
      { class: "govuk-inset-text", id: "privacy" },
      h(
        "p",
        { class: "govuk-body" },
        "Nothing you enter leaves this browser. There is no server, no analytics and no tracking: your answers stay on this device unless you save them to a file.",
      ),
      h("p", { class: "govuk-body govuk-!-margin-bottom-0", id: "storage-statement" }, storageSentence(app)),
    ),
    h("h2", { class: "govuk-heading-m" }, "Framework"),
    h(
      "p",
      { class: "govuk-body" },
      "Current framework: ",
      h("strong", { id: "framework-current" }, current ? current.name : "none"),
      current ? ` (from ${formatDateShort(current.effectiveFrom)})` : "",
    ),
    noticeSlot,
    govSelect({
      id: "framework",
      name: "framework",
      label: { text: "Framework to assess against" },
      hint: {
        text: "Use the current ILACS framework for your children's services, or the SCCIF framework for a children's home or fostering agency.",
      },
      groups: FAMILY_GROUPS.map((g) => ({
        label: g.label,
        items: frameworks
          .filter((f) => familyOf(f) === g.family)
          .map((f) => ({ value: f.id, text: `${f.name}${f.current ? " (current)" : ""}` })),
      })).filter((g) => g.items.length),
      value: chosen,
      onChange: (v) => {
        chosen = v;
        renderNotices();
        // Another version of the same framework keeps the answers; another family starts afresh.
        const family = (id) => familyOf(frameworks.find((f) => f.id === id));
        if (app.a && family(v) === family(app.a.framework)) app.set("framework", v);
      },
    }),
    h("h2", { class: "govuk-heading-m" }, inProgress ? "Your self-evaluation" : "Start"),
    inProgress
      ? [
          h(
            "p",
            { class: "govuk-body" },
            "You have a self-evaluation in progress",
            app.a.authority ? [" for ", h("strong", {}, app.a.authority)] : null,
            ".",
          ),
          h(
            "div",
            { class: "govuk-button-group" },
            govButton({
              text: "Continue your self-evaluation",
              id: "continue",
              onClick: () => app.go("tasks"),
            }),
            govButton({
              classes: "govuk-button--secondary",
              text: "Start a new self-evaluation",
              id: "start-new",
              onClick: () => app.go("start-again", { framework: chosen }),
            }),
          ),
        ]
      : [
          // Where nothing is kept, the last file is the way back to the work: first, in one step.
          openLastFile(app, () => fileInput.click()),
          h(
            "button",
            {
              type: "button",
              class: app.fileFirst ? "govuk-button govuk-button--secondary" : "govuk-button govuk-button--start",
              "data-module": "govuk-button",
              id: "start-new",
              onclick: () => {
                app.begin(chosen);
                app.go("about");
              },
            },
            "Start a new self-evaluation",
          ),
        ],
    fileGroup,
    workshopStartSection(app),
    peerStartSection(app),
    app.a || app.store.available || app.nameStore?.read("last-file")
      ? h("p", { class: "govuk-body" }, app.link("Clear everything from this device", "clear"))
      : null,
    h(
      "p",
      { class: "govuk-body-s st-meta" },
      "Stocktake version ",
      h("span", { id: "core-version" }, app.core.version()),
      ". Frameworks: ",
      // Names for people; the ids (for support and tests) in an attribute.
      h(
        "span",
        { id: "framework-ids", "data-ids": frameworks.map((f) => f.id).join(", ") },
        frameworks.map((f) => f.name).join("; "),
      ),
      ".",
    ),
  );
}

/** The scenarios from the core, or an empty list if the core cannot list them. */
function workshopScenarios(app) {
  try {
    return app.core.scenarios() ?? [];
  } catch {
    return [];
  }
}

/** The start page's "Peer challenge and regions" section: for a reviewer or a regional lead, with no self-evaluation of their own. */
function peerStartSection(app) {
  return h(
    "div",
    { id: "peer-start" },
    h("h2", { class: "govuk-heading-m" }, "Peer challenge and regions"),
    h(
      "ul",
      { class: "govuk-list" },
      h("li", {}, app.link("Review a peer challenge pack", "peer-review", {}, { id: "link-peer-review" })),
      h("li", {}, app.link("See the regional picture from several packs", "regional", {}, { id: "link-regional" })),
    ),
  );
}

/** The start page's "Try a workshop scenario" section (null when there are no scenarios). */
function workshopStartSection(app) {
  const list = workshopScenarios(app);
  if (!list.length) return null;
  return h(
    "div",
    { id: "scenarios" },
    h("h2", { class: "govuk-heading-m" }, "Try a workshop scenario"),
    h(
      "p",
      { class: "govuk-body" },
      "Made-up local authorities for inspection-readiness workshops. Read the briefing, rate the authority as an inspector would, and save your file for the facilitator. Every name and figure is invented.",
    ),
    h(
      "ul",
      { class: "govuk-list st-scenario-list" },
      list.map((s) =>
        h(
          "li",
          { class: "st-scenario-list__item", "data-scenario": s.id },
          h(
            "a",
            {
              href: "#",
              class: "govuk-link govuk-!-font-weight-bold",
              id: `scenario-${s.id}`,
              onclick: inPage(() => app.go("briefing", { id: s.id })),
            },
            s.name,
          ),
          " ",
          govTag({ text: "Fictional", classes: "govuk-tag--yellow" }),
          h(
            "p",
            { class: "govuk-body-s govuk-!-margin-bottom-1" },
            h("span", { class: "govuk-visually-hidden" }, "Route: "),
            s.routeName,
          ),
          h("p", { class: "govuk-body-s" }, s.summary),
        ),
      ),
    ),
    h(
      "p",
      { class: "govuk-body" },
      "Running a workshop? ",
      app.link("Compare participants' files", "workshop-compare", {}, { id: "link-workshop-compare" }),
      ".",
    ),
  );
}

/** Confirm before clearing every Stocktake key from this browser. */
export function clearPage(app, main) {
  app.title("Clear everything from this device");
  put(
    main,
    h("h1", { class: "govuk-heading-l" }, "Clear everything from this device"),
    govWarning({
      text: "This removes your answers, actions, assumptions and any comparison file from this browser. It cannot be undone.",
    }),
    h("p", { class: "govuk-body" }, "If you want to keep your work, save it to a file first."),
    h(
      "div",
      { class: "govuk-button-group" },
      govButton({
        classes: "govuk-button--warning",
        text: "Yes, clear everything",
        id: "confirm-clear",
        onClick: () => {
          app.clearEverything();
          app.go("start", {}, { resetTrail: true });
          const note = h(
            "div",
            {
              class: "govuk-notification-banner govuk-notification-banner--success",
              role: "alert",
              "aria-labelledby": "cleared-title",
            },
            h(
              "div",
              { class: "govuk-notification-banner__header" },
              h("h2", { class: "govuk-notification-banner__title", id: "cleared-title" }, "Success"),
            ),
            h(
              "div",
              { class: "govuk-notification-banner__content" },
              h(
                "p",
                { class: "govuk-notification-banner__heading" },
                "Everything Stocktake kept in this browser has been removed.",
              ),
            ),
          );
          app.page.prepend(note);
        },
      }),
      h("a", { href: "#", class: "govuk-link", onclick: inPage(() => app.back()) }, "Cancel"),
    ),
  );
}

/** Confirm before replacing work in progress with a new, empty assessment. */
export function startAgainPage(app, main, params) {
  app.title("Start a new self-evaluation");
  put(
    main,
    h("h1", { class: "govuk-heading-l" }, "Start a new self-evaluation"),
    govWarning({ text: "Starting again replaces the self-evaluation kept in this browser." }),
    h("p", { class: "govuk-body" }, "Save your current work to a file first if you want to keep it."),
    h(
      "div",
      { class: "govuk-button-group" },
      govButton({
        classes: "govuk-button--warning",
        text: "Yes, start again",
        id: "confirm-start-again",
        onClick: () => {
          app.begin(params.framework);
          app.go("about", {}, { resetTrail: true });
        },
      }),
      h("a", { href: "#", class: "govuk-link", onclick: inPage(() => app.back()) }, "Cancel"),
    ),
  );
}
