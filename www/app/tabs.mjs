// One self-evaluation, one writer. Tabs of the same page on the same device share localStorage,
// so each tab has an id and talks to the others over a BroadcastChannel: a tab that opens while
// another already holds the self-evaluation is told, becomes read-only (it never writes), and may
// take over, which makes the other tab read-only in turn. Neither ever silently overwrites the
// other. A `storage` event from another tab's write refreshes a read-only tab's copy.
//
// This module owns that state (`OtherTabs`); the shell asks it only whether this tab may write
// (`readOnly`), and it uses the shell's narrow interface: `config`, `store`, `tabSlot` (where its
// banner goes), `route`, `flushSave()`, `cancelSave()`, `adopt(a)`, `load(a)`, `go()` and
// `renderStatus()`.
import { h, replace } from "./dom.mjs";
import { govButton } from "./govuk.mjs";

const CHANNEL = "stocktake:tabs";

/** This tab's standing among the tabs holding the same self-evaluation. */
export class OtherTabs {
  constructor(app) {
    this.app = app;
    /** True while another tab is the writer: this tab then never writes. */
    this.readOnly = false;
    /** Why: "other" (opened second) or "taken" (taken over elsewhere); null when writable. */
    this.why = null;
    this.tookOver = false;
    this.onReleased = null;
    this.channel = null;
    this.id = null;
  }

  /** Starts watching for other tabs; only for data-storage=local (session and none are per tab). */
  watch() {
    const { app } = this;
    if (app.config.storage !== "local" || typeof BroadcastChannel !== "function") return;
    const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    const channel = new BroadcastChannel(CHANNEL);
    this.id = id;
    this.channel = channel;
    channel.onmessage = (e) => {
      const msg = e.data ?? {};
      if (msg.id === id) return;
      if (msg.type === "hello" && !this.readOnly) this.say("here");
      else if (msg.type === "here" && !this.readOnly && !this.tookOver) this.setReadOnly("other");
      else if (msg.type === "takeover") {
        // Write anything pending first, then stop writing and tell the new writer it may read.
        app.flushSave();
        this.setReadOnly("taken");
        this.say("released");
      } else if (msg.type === "released") this.onReleased?.();
    };
    window.addEventListener("storage", (e) => {
      if (!this.readOnly || e.key !== "stocktake:assessment" || !e.newValue) return;
      try {
        app.adopt(JSON.parse(e.newValue));
      } catch {
        // ignore a value we cannot read
      }
    });
    this.say("hello");
  }

  say(type) {
    this.channel.postMessage({ type, id: this.id });
  }

  /** "Use this tab instead": asks the writer to stop, then writes from here on. */
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
    this.say("takeover");
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
