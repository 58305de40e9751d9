// One self-evaluation, one writer. Tabs of the same page on the same device share localStorage,
// so each tab has an id and talks to the others over a BroadcastChannel: a tab that opens while
// another already holds the self-evaluation is told, becomes read-only (it never writes), and may
// take over, which makes the other tab read-only in turn. Neither ever silently overwrites the
// other. A `storage` event from another tab's write refreshes a read-only tab's copy.
import { h, replace } from "./dom.mjs";
import { govButton } from "./govuk.mjs";

const CHANNEL = "stocktake:tabs";

/** Starts watching for other tabs; only for data-storage=local (session and none are per tab). */
export function watchOtherTabs(app) {
  if (app.config.storage !== "local" || typeof BroadcastChannel !== "function") return;
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const channel = new BroadcastChannel(CHANNEL);
  app.tabId = id;
  app.tabChannel = channel;
  const say = (type) => channel.postMessage({ type, id });
  channel.onmessage = (e) => {
    const msg = e.data ?? {};
    if (msg.id === id) return;
    if (msg.type === "hello" && !app.readOnly) say("here");
    else if (msg.type === "here" && !app.readOnly && !app.tookOver) setReadOnly(app, "other");
    else if (msg.type === "takeover") {
      // Write anything pending first, then stop writing and tell the new writer it may read.
      app.flushSave();
      setReadOnly(app, "taken");
      say("released");
    } else if (msg.type === "released") app.onReleased?.();
  };
  window.addEventListener("storage", (e) => {
    if (!app.readOnly || e.key !== "stocktake:assessment" || !e.newValue) return;
    try {
      app.a = JSON.parse(e.newValue);
      app.rescore();
    } catch {
      // ignore a value we cannot read
    }
  });
  app.takeOver = () => {
    app.tookOver = true;
    let done = false;
    const proceed = () => {
      if (done) return;
      done = true;
      app.onReleased = null;
      setReadOnly(app, null);
      const stored = app.store.read("assessment");
      if (stored) app.load(stored);
      app.go(app.route?.name ?? "tasks", app.route?.params ?? {}, { replace: true });
    };
    app.onReleased = proceed;
    say("takeover");
    setTimeout(proceed, 500); // the other tab may have been closed meanwhile
  };
  say("hello");
}

/** Makes this tab read-only (`why`: "other" = opened second, "taken" = taken over elsewhere) or writable (null). */
export function setReadOnly(app, why) {
  app.readOnly = !!why;
  app.readOnlyWhy = why;
  if (why) {
    clearTimeout(app.saveTimer);
    app.saveTimer = null;
  }
  renderTabBanner(app);
  app.renderStatus();
}

function renderTabBanner(app) {
  if (!app.tabSlot) return;
  if (!app.readOnly) return replace(app.tabSlot);
  const text =
    app.readOnlyWhy === "taken"
      ? "This self-evaluation is now being edited in another tab. Changes you make in this tab will not be saved."
      : "This self-evaluation is open in another tab. To avoid one tab overwriting the other, changes you make in this tab will not be saved.";
  replace(
    app.tabSlot,
    h(
      "div",
      { class: "govuk-notification-banner st-no-print", role: "region", "aria-labelledby": "other-tab-title", id: "other-tab" },
      h("div", { class: "govuk-notification-banner__header" }, h("h2", { class: "govuk-notification-banner__title", id: "other-tab-title" }, "Important")),
      h(
        "div",
        { class: "govuk-notification-banner__content" },
        h("p", { class: "govuk-notification-banner__heading", id: "other-tab-text" }, text),
        h("p", { class: "govuk-body" }, "Close this tab, or use this tab instead: the other tab will stop saving."),
        govButton({ text: "Use this tab instead", id: "take-over", extraClass: "govuk-!-margin-bottom-0", onClick: () => app.takeOver() }),
      ),
    ),
  );
}
