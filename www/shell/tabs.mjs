// One self-evaluation, one writer. Tabs of the same page on the same device share localStorage, so
// only one of them may write. The writer is whoever holds the Web Locks API's lock "stocktake:writer":
// a tab that opens while another holds it is told, becomes read-only (it never writes) and waits in
// the lock's queue, so that it becomes the writer by itself when the other tab closes or crashes (the
// browser releases a closed tab's lock); "Use this tab instead" steals the lock, which makes the other
// tab read-only in turn. Neither ever silently overwrites the other. A BroadcastChannel carries one
// message, "released": the tab that lost the lock has written what it had pending, so the new writer
// may read it. A `storage` event from another tab's write refreshes a read-only tab's copy.
//
// Where the Web Locks API is missing, the same behaviour comes from BroadcastChannel messages alone
// (hello, here, takeover, released), without the release of a crashed tab's claim.
//
// This module owns that state (`OtherTabs`); the shell asks it only whether this tab may write
// (`readOnly`), and it uses the shell's narrow interface: `config`, `store`, `tabSlot` (where its
// banner goes), `route`, `flushSave()`, `cancelSave()`, `adopt(a)`, `load(a)`, `go()` and
// `renderStatus()`.
import { h, replace } from "../ui/dom.mjs";
import { govButton } from "../ui/govuk.mjs";

const CHANNEL = "stocktake:tabs";
export const LOCK = "stocktake:writer";

/** This tab's standing among the tabs holding the same self-evaluation. */
export class OtherTabs {
  /** `win` is the window whose `navigator.locks`, BroadcastChannel and events are used (for tests). */
  constructor(app, win = globalThis) {
    this.app = app;
    this.win = win;
    /** True while another tab is the writer: this tab then never writes. */
    this.readOnly = false;
    /** Why: "other" (opened second) or "taken" (taken over elsewhere); null when writable. */
    this.why = null;
    this.tookOver = false;
    this.onReleased = null;
    this.channel = null;
    this.id = null;
    /** With Web Locks: aborts this tab's place in the lock's queue (before it steals the lock). */
    this.queued = null;
  }

  /** Whether the Web Locks API is there to use. */
  get hasLocks() {
    return typeof this.win.navigator?.locks?.request === "function";
  }

  /** Starts watching for other tabs; only for data-storage=local (session and none are per tab). */
  watch() {
    const { app, win } = this;
    if (app.config.storage !== "local" || typeof win.BroadcastChannel !== "function") return;
    this.id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    this.channel = new win.BroadcastChannel(CHANNEL);
    this.channel.onmessage = (e) => this.heard(e.data ?? {});
    win.addEventListener?.("storage", (e) => {
      if (!this.readOnly || e.key !== "stocktake:assessment" || !e.newValue) return;
      try {
        app.adopt(JSON.parse(e.newValue));
      } catch {
        // ignore a value we cannot read
      }
    });
    if (this.hasLocks) this.hold({ ifAvailable: true });
    else this.say("hello");
  }

  /** A message from another tab. With Web Locks only "released" is sent. */
  heard(msg) {
    if (msg.id === this.id) return;
    if (msg.type === "released") this.onReleased?.();
    else if (this.hasLocks) return;
    else if (msg.type === "hello" && !this.readOnly) this.say("here");
    else if (msg.type === "here" && !this.readOnly && !this.tookOver) this.setReadOnly("other");
    else if (msg.type === "takeover") this.lost();
  }

  /**
   * Asks for the writer's lock (`options` as for `navigator.locks.request`): held until the tab
   * closes or another tab steals it. Without it (`ifAvailable`), the tab is read-only and queues.
   */
  hold(options) {
    const queued = new AbortController();
    if (!options.ifAvailable && !options.steal) this.queued = queued;
    const signal = options.ifAvailable || options.steal ? undefined : queued.signal;
    return this.win.navigator.locks
      .request(LOCK, { ...options, signal }, (lock) => {
        if (!lock) {
          this.setReadOnly("other");
          this.hold({});
          return undefined;
        }
        if (this.queued === queued) this.queued = null;
        if (this.readOnly && !options.steal) this.becameWriter();
        return new Promise(() => {}); // held for the tab's life, unless stolen
      })
      .catch((err) => {
        // Stolen by "Use this tab instead" elsewhere (AbortError), or our queued place given up.
        if (err?.name !== "AbortError" || queued.signal.aborted) return;
        this.lost();
        this.hold({});
      });
  }

  /** The other tab closed (its lock was released): this tab writes from the latest stored copy. */
  becameWriter() {
    const stored = this.app.store.read("assessment");
    if (stored) this.app.load(stored);
    this.setReadOnly(null);
  }

  /** Another tab took over: write anything pending first, then stop writing and tell it so. */
  lost() {
    this.app.flushSave();
    this.setReadOnly("taken");
    this.say("released");
  }

  say(type) {
    this.channel?.postMessage({ type, id: this.id });
  }

  /** "Use this tab instead": takes the writer's place, then writes from here on. */
  takeOver() {
    const { app } = this;
    this.tookOver = true;
    let done = false;
    const proceed = () => {
      if (done) return;
      done = true;
      this.onReleased = null;
      this.setReadOnly(null);
      const stored = app.store.read("assessment");
      if (stored) app.load(stored);
      app.go(app.route?.name ?? "tasks", app.route?.params ?? {}, { replace: true });
    };
    this.onReleased = proceed;
    if (this.hasLocks) {
      this.queued?.abort();
      this.queued = null;
      this.hold({ steal: true });
    } else this.say("takeover");
    setTimeout(proceed, 500); // the other tab may have been closed meanwhile
  }

  /** Makes this tab read-only (`why`: "other" = opened second, "taken" = taken over elsewhere) or writable (null). */
  setReadOnly(why) {
    this.readOnly = !!why;
    this.why = why;
    if (why) this.app.cancelSave();
    this.renderBanner();
    this.app.renderStatus();
  }

  renderBanner() {
    const slot = this.app.tabSlot;
    if (!slot) return;
    if (!this.readOnly) return replace(slot);
    const text =
      this.why === "taken"
        ? "This self-evaluation is now being edited in another tab. Changes you make in this tab will not be saved."
        : "This self-evaluation is open in another tab. To avoid one tab overwriting the other, changes you make in this tab will not be saved.";
    replace(
      slot,
      h(
        "div",
        {
          class: "govuk-notification-banner st-no-print",
          role: "region",
          "aria-labelledby": "other-tab-title",
          id: "other-tab",
        },
        h(
          "div",
          { class: "govuk-notification-banner__header" },
          h("h2", { class: "govuk-notification-banner__title", id: "other-tab-title" }, "Important"),
        ),
        h(
          "div",
          { class: "govuk-notification-banner__content" },
          h("p", { class: "govuk-notification-banner__heading", id: "other-tab-text" }, text),
          h("p", { class: "govuk-body" }, "Close this tab, or use this tab instead: the other tab will stop saving."),
          govButton({
            classes: "govuk-!-margin-bottom-0",
            text: "Use this tab instead",
            id: "take-over",
            onClick: () => this.takeOver(),
          }),
        ),
      ),
    );
  }
}
