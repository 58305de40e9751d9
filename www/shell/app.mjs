// The Stocktake application shell, rendered inside <stocktake-app>'s shadow root: header, save
// status, an in-memory router, the assessment being edited, autosave and re-scoring. Every
// judgement, date and rule comes from the wasm core (`core`); this module only renders.
//
// The shell holds only what every page shares: the assessment and its latest score, where work is
// kept, and where the user is. Each page module keeps its own state (the comparison with last
// year, the workshop's files, projector mode) and the pathway's assumptions and the tabs' writer
// are small objects of their own (domain/pathway.mjs, tabs.mjs); which modules load when is
// modules.mjs, the addresses router.mjs, the header and service navigation navigation.mjs; they reach the shell only through the
// methods below (set, load, begin, watch, go, link, title, saveExtra, onClear, onLeave …).
import { h, inPage, replace } from "../ui/dom.mjs";
import { openNameStore, openStore } from "./storage.mjs";
import { cloneJson, newAssessment, setPath } from "../domain/state.mjs";
import { formatClock, todayLondon, warmFormats } from "../ui/format.mjs";
import { govBanner, govButton } from "../ui/govuk.mjs";
import { startPage } from "../pages/start.mjs";
import { OtherTabs } from "./tabs.mjs";
import { Pathway } from "../domain/pathway.mjs";
import { ON_DEMAND, later, laterModule } from "./modules.mjs";
import { header, serviceNavigation, SERVICE_PAGES } from "./navigation.mjs";
import { NO_ASSESSMENT_NEEDED, PAGES, addressParams, parseHash, routeHash, sameParams } from "./router.mjs";
/** @import { Assessment, Core, FrameworkSummary, FrameworkView, ReviewResult, ScoreResult, WorkshopCore } from "../types/api" */

export { loadLater } from "./modules.mjs";

/** Runs `fn` when the browser is idle (soon after start-up), or after a short pause without requestIdleCallback. */
function whenIdle(fn) {
  if (typeof requestIdleCallback === "function") requestIdleCallback(() => fn(), { timeout: 2000 });
  else setTimeout(fn, 200);
}

/** The application: owns the shadow root's content. */
export class App {
  /**
   * `core` is the wasm core's API; `loadWorkshop()` resolves to the workshop build's API (the core
   * plus `scenario` and `compareParticipants`), loaded the first time a workshop page opens;
   * `loadExporters()` resolves to the Word and Excel exporters (www/exports/office.mjs), loaded
   * the first time a file is asked for. `loadRecord()` resolves to the public inspection record
   * (record.mjs), loaded on first use. `loadTools(shared)` resolves to the tools chunk (tools.mjs)
   * given the modules it shares (SHARED), loaded the first time one of its pages opens (tools()).
   * @param {HTMLElement} mountPoint an element in the app's shadow root
   * @param {Core} core
   * @param {Record<string, any>} config
   * @param {() => Promise<WorkshopCore>} loadWorkshop
   */
  constructor(mountPoint, core, config, loadWorkshop, loadExporters, loadRecord, loadTools) {
    this.mount = mountPoint;
    this.core = core;
    this.loadWorkshop = loadWorkshop;
    this.loadExporters = loadExporters;
    this.loadTools = loadTools;
    /** Resolves to the public inspection record (stocktake.mjs), fetched on first use. */
    this.loadRecord = loadRecord;
    this.config = config;
    this.store = openStore(config.storage);
    // File-first mode (the store refused): the last file's name, in memory and where it can be kept.
    this.nameStore = openNameStore(config.storage, this.store);
    this.lastFileName = null;
    /** @type {FrameworkSummary[]} */
    this.frameworks = core.frameworks();
    /** The core's file limits and format: { maxFileBytes, maxNotes, maxText, format, encryptedFormat, formatVersion }. */
    this.limits = core.fileLimits();
    /** @type {Map<string, FrameworkView | null>} */
    this.fwCache = new Map();
    // The assessment being edited, its latest review (the core's one answer per change: score,
    // pathway, problems) and, for short, that review's score.
    /** @type {Assessment | null} */
    this.a = null;
    /** @type {ReviewResult | null} */
    this.reviewed = null;
    /** @type {ScoreResult | null} */
    this.scored = null;
    this.scoreError = null;
    this.watchers = new Set();
    // Keeping work: the pending autosave and what the status line says.
    this.saveTimer = null;
    this.saveSoonQueued = false;
    this.savedAt = null;
    this.saveProblem = null;
    this.clearHooks = new Set();
    /** What each feature keeps in memory, by name (`feature`). */
    this.features = new Map();
    /** Whether the work has changed since it was last saved to a file or opened (unsavedWork()). */
    this.changedSinceFile = false;
    // Navigation.
    this.trail = [];
    this.route = null;
    this.navSeq = 0;
    this.leaveHooks = [];
    /**
     * The workshop build of the core once a workshop page has loaded it (go()), else null.
     * @type {WorkshopCore | null}
     */
    this.workshopCore = null;
    this.workshopLoading = null;
    /** The pathway and its adjustable assumptions (pathway.mjs). */
    this.pathway = new Pathway(this);
    /** Whether this tab may write (tabs.mjs). */
    this.tabs = new OtherTabs(this);
  }

  /** True while another tab is editing the same self-evaluation: this tab then never writes. */
  get readOnly() {
    return this.tabs.readOnly;
  }

  /** The host element (<stocktake-app>), for events other code can listen to. */
  get host() {
    return this.root.host;
  }

  /** Today in Europe/London as YYYY-MM-DD (the core never reads the clock). */
  today() {
    return todayLondon();
  }

  /** The current framework's id from configuration, or the one marked current. */
  defaultFrameworkId() {
    const wanted = this.frameworks.find((f) => f.id === this.config.framework);
    return (wanted ?? this.frameworks.find((f) => f.current) ?? this.frameworks[0])?.id;
  }

  /**
   * framework(id) from the core, cached; null when unknown.
   * @returns {FrameworkView | null}
   */
  fw(id = this.a?.framework ?? this.defaultFrameworkId()) {
    if (!this.fwCache.has(id)) {
      let detail = null;
      try {
        detail = this.core.framework(id);
      } catch {
        detail = null;
      }
      this.fwCache.set(id, detail);
    }
    return this.fwCache.get(id);
  }

  /** The label for a level or grade id, from the framework's own list. */
  levelLabel(id) {
    if (id == null) return "Not answered";
    const fw = this.fw();
    const found = fw?.levels?.find((l) => l.id === id);
    return found
      ? found.label
      : String(id)
          .replace(/_/g, " ")
          .replace(/^./, (c) => c.toUpperCase());
  }

  start() {
    // Inside a host page that has its own <main>, ours is a plain <div>: one main landmark a page.
    this.main = h(this.config.landmark === false ? "div" : "main", {
      // In an intranet page's frame, the page around has its own main landmark: name ours.
      "aria-label": this.config.framed && this.config.landmark !== false ? "Stocktake" : null,
      class: "govuk-main-wrapper",
      id: "main-content",
      tabindex: "-1",
    });
    this.backSlot = h("div", { class: "st-no-print" });
    this.statusText = h("span", { class: "st-save-status__text" });
    this.statusBar = h(
      "div",
      { class: "st-save-status st-no-print govuk-body-s", "aria-live": "polite", id: "save-status" },
      this.statusText,
    );
    this.statusAction = h("span", { class: "st-save-status__action" });
    // The service navigation on the pages of results (serviceNavigation), between header and main.
    this.navSlot = h("div");
    this.statusBar.append(this.statusAction);
    replace(
      this.mount,
      header(
        this.config,
        h(
          "a",
          { href: "#main-content", class: "govuk-skip-link", onclick: inPage(() => this.main.focus()) },
          "Skip to main content",
        ),
        () => this.go("start"),
      ),
      this.navSlot,
      h("div", { class: "govuk-width-container" }, this.main),
    );
    this.page = h("div", { class: "st-page" });
    this.tabSlot = h("div", { id: "other-tab-slot" });
    // A success banner saying what has just happened (a file saved or opened): showNotice().
    this.noticeSlot = h("div", { id: "notice-slot", class: "st-no-print" });
    this.main.append(this.tabSlot, this.statusBar, this.backSlot, this.noticeSlot, this.page);
    // Save as soon as a field is left or a choice is made, as well as while typing: just after the
    // page has shown the new result, so that writing to storage never delays it.
    this.main.addEventListener("change", () => this.saveSoon());
    this.main.addEventListener("focusout", () => this.saveSoon());
    // A tab being closed, hidden or navigated away from writes what is pending at once, so a
    // crash or close mid-typing loses at most the autosave pause.
    window.addEventListener("pagehide", () => this.flushSave());
    // Where work is kept only in this tab (storage "session") or nowhere ("none"), closing the tab
    // loses what has not been saved to a file: the browser asks first.
    window.addEventListener("beforeunload", (e) => {
      if (!this.unsavedWork()) return;
      e.preventDefault();
      e.returnValue = "";
    });
    document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && this.flushSave());
    const saved = this.store.read("assessment");
    if (saved && saved.format === this.limits.format) this.a = saved;
    if (this.a) this.rescore();
    this.tabs.watch();
    this.renderStatus();
    // Back and Forward (and an address typed or followed) move between pages; a reload reopens
    // the page the user was on.
    window.addEventListener("popstate", () => this.restore(false));
    this.restore(true);
    // What the first page does not need waits until the browser is idle, rather than for the first
    // click or answer: Intl's data (for the time saved and today's date), the default framework,
    // and a first score() (the wasm compiles the scoring functions on their first call, 5–8 ms).
    // Separate idle tasks, so that none holds up a click for long.
    whenIdle(() => warmFormats());
    whenIdle(() => this.fw());
    whenIdle(() => {
      try {
        if (!this.a) this.core.score(newAssessment(this.limits, this.defaultFrameworkId(), "", this.today()));
      } catch {
        // scoring reports its own errors when it is used
      }
    });
  }

  // ---- the assessment ------------------------------------------------------------------------

  /** Starts a new assessment (replacing any in memory). */
  begin(frameworkId) {
    this.a = newAssessment(this.limits, frameworkId ?? this.defaultFrameworkId(), this.config.authority, this.today());
    this.pathway.resetAssumptions();
    this.changed(true);
    this.changedSinceFile = false; // nothing typed yet
  }

  /** Replaces the assessment with one from a file or scenario (already parsed by the core). */
  load(assessment) {
    this.a = cloneJson(assessment);
    this.changed(true);
    this.changedSinceFile = false;
  }

  /** Notes that the work has just been saved to a file called `name` (files.mjs). */
  savedToFile(name) {
    this.changedSinceFile = false;
    if (name) this.rememberFile(name);
  }

  /** True when this browser keeps nothing of the work: it lives in files (pages/file-first.mjs). */
  get fileFirst() {
    return !this.store.available;
  }

  /** Remembers the name of the file last saved or opened, for "Open your last file". */
  rememberFile(name) {
    this.lastFileName = name;
    this.nameStore?.write("last-file", name);
  }

  /** The file last saved or opened: { name (null when not known), kept: whether the name outlives a reload }. */
  lastFile() {
    const kept = this.nameStore?.read("last-file");
    return { name: this.lastFileName ?? (typeof kept === "string" ? kept : null), kept: !!this.nameStore };
  }

  /**
   * True when closing the tab would lose work: storage is "session" or "none", or the browser
   * keeps nothing (as in a private window's frame on another site's page), and something has
   * changed since the work was last saved to a file (or opened from one).
   */
  unsavedWork() {
    const kept = this.config.storage === "local" && this.store.available;
    return !kept && !!this.a && this.changedSinceFile;
  }

  /** Shows another tab's saved copy in this read-only tab: re-scored, not saved (tabs.mjs). */
  adopt(assessment) {
    this.a = assessment;
    this.rescore();
  }

  /** Sets a field by path and re-scores; saving follows after a short pause. */
  set(path, value) {
    if (!this.a) this.begin();
    setPath(this.a, path, value);
    this.changed(false);
  }

  changed(saveNow) {
    this.changedSinceFile = true;
    this.rescore();
    if (saveNow) this.saveNow();
    else this.scheduleSave();
  }

  /** score(assessment) from the core; notifies anything showing live results. */
  rescore() {
    if (!this.a) return;
    try {
      // One call per change (the core's review): the score, the pathway under the grades it
      // projects, and every problem the user should see.
      this.reviewed = this.core.review({
        assessment: this.a,
        today: this.today(),
        assumptions: this.pathway?.assumptions ?? {},
      });
      this.scored = this.reviewed.score;
      this.scoreError = null;
    } catch (err) {
      this.reviewed = null;
      this.scored = null;
      this.scoreError = err.message;
    }
    for (const w of this.watchers) w(this.scored);
    this.host?.dispatchEvent(new CustomEvent("stocktake:scored", { bubbles: true }));
  }

  /**
   * Calls `fn(scored)` after every re-score until the next navigation (or until the function it
   * returns is called).
   */
  watch(fn) {
    this.watchers.add(fn);
    return () => this.watchers.delete(fn);
  }

  // ---- keeping work ----------------------------------------------------------------------------

  scheduleSave() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), 300);
  }

  flushSave() {
    if (this.saveTimer) this.saveNow();
  }

  /** Drops the pending autosave (this tab has become read-only). */
  cancelSave() {
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
  }

  /**
   * Writes a pending save once the browser has painted the current change (a task queued from
   * the next animation frame runs after that frame), instead of inside the event that made it. Until
   * then the pending save stays scheduled, and pagehide, hiding the tab or navigating still write it
   * at once; a hidden tab paints no frames, so there it is a plain task.
   */
  saveSoon() {
    if (!this.saveTimer || this.saveSoonQueued) return;
    this.saveSoonQueued = true;
    const save = () => {
      this.saveSoonQueued = false;
      this.flushSave();
    };
    if (document.visibilityState === "visible" && typeof requestAnimationFrame === "function")
      requestAnimationFrame(() => setTimeout(save, 0));
    else setTimeout(save, 0);
  }

  saveNow() {
    clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (!this.a) return;
    if (this.readOnly) {
      this.saveProblem = "other-tab";
      this.renderStatus();
      return;
    }
    const result = this.store.write("assessment", this.a);
    this.saveProblem = result.ok ? null : result.reason;
    if (result.ok) this.savedAt = new Date();
    this.renderStatus();
  }

  /** Keeps a page module's own value under `key` in the store (not from a read-only tab). */
  saveExtra(key, value) {
    if (this.readOnly) return;
    this.store.write(key, value);
  }

  renderStatus() {
    const where = this.config.storage === "session" ? "Saved in this tab" : "Saved on this device";
    let text;
    let offerFile = false;
    if (this.readOnly) {
      text =
        "Not saved: this self-evaluation is being edited in another tab. Save to a file to keep changes made here.";
      offerFile = !!this.a;
    } else if (this.saveProblem === "off" || this.config.storage === "none") {
      text = "Your answers are not kept in this browser. Save to a file to keep your work.";
      offerFile = !!this.a;
    } else if (this.saveProblem === "full") {
      text = "This browser's storage is full, so your latest answers are not saved. Save to a file to keep your work.";
      offerFile = true;
    } else if (this.saveProblem === "unavailable" || !this.store.available) {
      text = "This browser cannot keep your answers. Save to a file to keep your work.";
      offerFile = !!this.a;
    } else if (this.savedAt) {
      text = `${where} at ${formatClock(this.savedAt)}`;
    } else {
      text = this.a ? `${where}` : "";
    }
    replace(this.statusText, text);
    replace(
      this.statusAction,
      offerFile
        ? govButton({
            classes: "govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2",
            text: "Save to a file",
            onClick: () => this.withModule("files", (f) => f.saveAssessmentFile(this)),
          })
        : null,
    );
    this.statusBar.hidden = !text;
  }

  /**
   * What the feature `name` keeps in memory for this app, the page's one idiom for it: the object
   * `init()` makes the first time it is asked for, the same object after, until everything is
   * cleared from this device (then its `dispose()`, if it has one, runs, and the next call makes a
   * fresh one). Nothing here is kept on the device: that is `store` and `saveExtra`.
   * @template T
   * @param {string} name
   * @param {() => T} init
   * @returns {T}
   */
  feature(name, init) {
    if (!this.features.has(name)) this.features.set(name, init());
    return this.features.get(name);
  }

  /**
   * Calls `fn()` when everything is cleared from this device, so that a page module forgets what
   * it keeps in memory too (`clearEverything`).
   */
  onClear(fn) {
    this.clearHooks.add(fn);
  }

  /** Removes every key Stocktake stored and forgets the work in memory. */
  clearEverything() {
    this.cancelSave();
    this.store.clearAll();
    this.lastFileName = null;
    this.a = null;
    this.scored = null;
    this.reviewed = null;
    this.pathway.forget();
    for (const fn of this.clearHooks) fn();
    for (const f of this.features.values()) f?.dispose?.();
    this.features.clear();
    this.savedAt = null;
    this.saveProblem = null;
    this.renderStatus();
  }

  // ---- navigation ------------------------------------------------------------------------------

  /**
   * Shows page `name`. Moves focus to its h1 (or to `opts.focusId`), sets document.title and
   * remembers where the user came from for the Back link (`opts.resetTrail`: forget the way here,
   * as after starting again; `opts.back`, `opts.replace`: this page is not added to it).
   */
  go(name, params = {}, opts = {}) {
    const page = PAGES[name] ?? startPage;
    const seq = ++this.navSeq;
    const needsWorkshop = Array.isArray(page) && page[2] === "workshop" && !this.workshopCore;
    if (Array.isArray(page) && (!later.get(page[0])?.module || needsWorkshop)) {
      // The page's module is still loading (only possible in the moment after start-up), or is
      // loaded on demand and this is the first of its pages opened (the tools chunk), or the
      // workshop core has not been loaded yet (the first workshop page opened): show the page once
      // they have, unless the user has gone somewhere else meanwhile.
      const onDemand = Object.hasOwn(ON_DEMAND, page[0]);
      const waits = [laterModule(page[0], this)];
      if (onDemand) replace(this.page, h("p", { class: "govuk-body", role: "status", id: "page-loading" }, "Loading…"));
      if (needsWorkshop) {
        this.workshopLoading ??= this.loadWorkshop().then((api) => {
          this.workshopCore = api;
        });
        waits.push(this.workshopLoading);
        this.workshopLoading.catch(() => (this.workshopLoading = null));
        replace(this.page, h("p", { class: "govuk-body", role: "status" }, "Loading the workshop tools…"));
      }
      return Promise.all(waits).then(
        () => {
          if (seq === this.navSeq) this.go(name, params, opts);
        },
        (err) => {
          if (seq === this.navSeq) this.loadFailed(err, onDemand ? () => this.go(name, params, opts) : null);
        },
      );
    }
    this.flushSave();
    if (opts.resetTrail) this.trail = [];
    if (this.route && !opts.back && !opts.replace) this.trail.push(this.route);
    if (this.trail.length > 50) this.trail.shift();
    this.route = { name, params };
    this.watchers.clear();
    const leaving = this.leaveHooks;
    this.leaveHooks = [];
    for (const fn of leaving) fn(name);
    const render = Array.isArray(page) ? later.get(page[0]).module[page[1]] : page;
    replace(this.backSlot, this.trail.length && name !== "start" ? this.backLink() : null);
    replace(
      this.navSlot,
      SERVICE_PAGES.some(([n]) => n === name) ? serviceNavigation(name, (to) => this.go(to)) : null,
    );
    replace(this.page);
    replace(this.noticeSlot);
    if (opts.notice) this.showNotice(...opts.notice);
    render(this, this.page, params);
    this.host?.setAttribute("data-page", name);
    if (!opts.fromHistory) this.remember(name, params, opts.initial || opts.replace);
    if (opts.initial) return;
    /** @type {HTMLElement & { type?: string, checked?: boolean, name?: string }} */
    let target = (opts.focusId && this.root.getElementById(opts.focusId)) || this.page.querySelector("h1");
    // A radio group is named by its first radio's id: focus goes to the one chosen, if any.
    if (target?.type === "radio" && !target.checked)
      target =
        [.../** @type {NodeListOf<HTMLInputElement>} */ (this.page.querySelectorAll("input[type=radio]"))].find(
          (r) => r.name === target.name && r.checked,
        ) ?? target;
    if (target) {
      for (let d = target.closest("details"); d; d = d.parentElement?.closest("details")) d.open = true;
      if (target.tagName === "H1") target.setAttribute("tabindex", "-1");
      if (!opts.focusId) target.focus();
      else {
        // The field, and where it sits in a larger whole (a statement: data-focus-context), in
        // view: the whole from its top (below a sticky bar, by its scroll-margin), and the field
        // still on screen.
        target.focus({ preventScroll: true });
        const context = target.closest("[data-focus-context]");
        if (!context) target.scrollIntoView({ block: "center" });
        else {
          context.scrollIntoView({ block: "start" });
          const box = target.getBoundingClientRect();
          if (box.bottom > window.innerHeight || box.top < 0) target.scrollIntoView({ block: "end" });
        }
      }
    }
  }

  /**
   * Shows the page the browser's history entry or address names: at start-up (`initial`) and on
   * popstate. A history entry that is not ours (the host page's own fragment links) is left alone
   * after start-up. A page that needs an assessment opens the start page when there is none.
   */
  restore(initial) {
    let route = parseHash(location.hash) ?? history.state?.stocktake ?? null;
    if (route && !Object.hasOwn(PAGES, route.name)) route = null;
    if (!route) {
      if (!initial) return;
      route = { name: "start", params: {} };
    }
    if (!this.a && !NO_ASSESSMENT_NEEDED.has(route.name)) route = { name: "start", params: {} };
    const params = addressParams(route.params);
    if (initial) return this.go(route.name, params, { initial: true });
    // The trail behind the page's own Back link follows the browser's history where it can.
    const last = this.trail.at(-1);
    const backwards = last && last.name === route.name && sameParams(last.params, params);
    if (backwards) this.trail.pop();
    return this.go(route.name, params, { fromHistory: true, back: backwards });
  }

  /** Records page `name` in the browser's history: a new entry, or this one (`replace`). */
  remember(name, params, replace) {
    const route = { name, params: addressParams(params) };
    // The start page keeps whatever address the host page had, until the user has been elsewhere.
    const url = name === "start" && !parseHash(location.hash) ? undefined : routeHash(name, params);
    try {
      if (replace) history.replaceState({ ...(history.state ?? {}), stocktake: route }, "", url);
      else history.pushState({ stocktake: route }, "", url);
    } catch {
      // a browser that refuses (a sandboxed frame): the page still works, without its own address
    }
  }

  /**
   * Shows GOV.UK's success notification banner above the page, saying what has just happened
   * (`heading`, with an optional sentence `body`), until the next page is shown. A navigation can
   * show one on the page it opens with `go(name, params, { notice: [heading, body] })`.
   */
  showNotice(heading, body) {
    replace(
      this.noticeSlot,
      govBanner({
        type: "success",
        nodes: [
          h("p", { class: "govuk-notification-banner__heading", id: "notice-heading" }, heading),
          body ? h("p", { class: "govuk-body", id: "notice-body" }, body) : null,
        ],
      }),
    );
  }

  /** Calls `fn(next)` when the page shown now is left for page `next` (navigation only). */
  onLeave(fn) {
    this.leaveHooks.push(fn);
  }

  /**
   * Shown instead of a page whose module could not load (the server went away at start-up, or
   * when the tools chunk was first needed). With `retry`, a button tries again (the chunk is
   * fetched again); otherwise the user is asked to reload.
   */
  loadFailed(err, retry = null) {
    this.title("This page could not load", true);
    replace(
      this.page,
      h("h1", { class: "govuk-heading-l", tabindex: "-1", id: "load-failed" }, "This page could not load"),
      h(
        "p",
        { class: "govuk-body" },
        `${retry ? "Check your connection, then try again." : "Reload the page to try again."} Your answers are kept as before. (${err?.message ?? err})`,
      ),
      retry ? govButton({ text: "Try again", id: "load-retry", onClick: retry }) : null,
    );
    if (retry) this.page.querySelector("h1").focus();
  }

  /**
   * Resolves to the tools chunk (tools.mjs: the audit, peer and regional pages, the public
   * record's panel), loading it the first time; a failed load is tried again on the next call.
   */
  tools() {
    return laterModule("tools", this);
  }

  /**
   * Calls `fn(module)` with the LATER module `name`: at once when it has loaded (as it has moments
   * after start-up), otherwise once it has. Returns what `fn` returns (or a promise of it).
   */
  withModule(name, fn) {
    const loaded = later.get(name)?.module;
    return loaded ? fn(loaded) : laterModule(name, this).then(fn);
  }

  back() {
    const prev = this.trail.pop();
    if (prev) this.go(prev.name, prev.params, { back: true });
    else this.go(this.a ? "tasks" : "start", {}, { back: true });
  }

  backLink() {
    return h("a", { href: "#", class: "govuk-back-link", onclick: inPage(() => this.back()) }, "Back");
  }

  /**
   * Sets document.title ("Area name – Stocktake"; `error` prefixes "Error: ") when the page asked
   * for that with data-title (index.html does); a host page keeps its own title. The element's
   * data-page-title attribute always has it.
   */
  title(text, error) {
    const title = `${error ? "Error: " : ""}${text} – Stocktake`;
    this.host?.setAttribute("data-page-title", title);
    if (this.config.title) document.title = title;
  }

  /** A link that navigates inside Stocktake (its address opens the same page in a new tab). */
  link(text, name, params = {}, attrs = {}) {
    const { focusId, ...rest } = attrs;
    return h(
      "a",
      {
        href: routeHash(name, params),
        class: "govuk-link",
        ...rest,
        onclick: inPage(() => this.go(name, params, focusId ? { focusId } : {})),
      },
      text,
    );
  }

  /** The shadow root, for looking up elements by id. */
  get root() {
    return /** @type {ShadowRoot} */ (this.mount.getRootNode());
  }
}
