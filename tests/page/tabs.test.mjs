// One writer across tabs (www/shell/tabs.mjs), with the Web Locks API and with its fallback, under
// Node: two or three "tabs" share a fake lock manager and a fake BroadcastChannel that behave as the
// browser's do (a lock request with ifAvailable, steal and signal; messages to every other channel of
// the same name, delivered later).
import { test } from "node:test";
import assert from "node:assert/strict";
import { OtherTabs } from "../../www/shell/tabs.mjs";

/** A lock manager with the parts of `navigator.locks` tabs.mjs uses: one exclusive lock per name. */
class Locks {
  constructor() {
    this.held = new Map(); // name → { release, reject, owner }
    this.queue = new Map(); // name → [{ grant, signal }]
  }
  request(name, options, callback) {
    return new Promise((resolve, reject) => {
      const grant = () => {
        let release;
        const done = new Promise((r) => (release = r));
        this.held.set(name, { release, reject, owner: callback });
        Promise.resolve(callback({ name })).then(resolve, reject);
        done.then(() => this.next(name));
      };
      if (options.steal) {
        const was = this.held.get(name);
        this.held.delete(name);
        if (was) was.reject(new DOMException("stolen", "AbortError"));
        return grant();
      }
      if (!this.held.has(name)) return grant();
      if (options.ifAvailable) return Promise.resolve(callback(null)).then(resolve, reject);
      const entry = { grant, signal: options.signal };
      options.signal?.addEventListener("abort", () => {
        const q = this.queue.get(name) ?? [];
        this.queue.set(
          name,
          q.filter((x) => x !== entry),
        );
        reject(new DOMException("aborted", "AbortError"));
      });
      this.queue.set(name, [...(this.queue.get(name) ?? []), entry]);
    });
  }
  /** The holder's tab closed: the browser releases its lock and grants the next in the queue. */
  close(name) {
    this.held.get(name)?.release();
    this.held.delete(name);
    this.next(name);
  }
  next(name) {
    if (this.held.has(name)) return;
    const q = this.queue.get(name) ?? [];
    const first = q.shift();
    if (first) first.grant();
  }
}

/** A BroadcastChannel bus: each message reaches every other channel of the same name, later. */
function channels() {
  const open = new Set();
  return class {
    constructor(name) {
      this.name = name;
      this.onmessage = null;
      open.add(this);
    }
    postMessage(data) {
      for (const c of open)
        if (c !== this && c.name === this.name) setTimeout(() => c.onmessage?.({ data: structuredClone(data) }), 0);
    }
    close() {
      open.delete(this);
    }
  };
}

/** A tab: the shell's narrow interface, recording what it was asked to do. */
function tab(win, store) {
  const app = {
    config: { storage: "local" },
    store: { read: (k) => store.get(k) ?? null },
    tabSlot: null,
    route: { name: "tasks", params: {} },
    loaded: [],
    flushed: 0,
    flushSave() {
      this.flushed++;
    },
    cancelSave() {},
    adopt() {},
    load(a) {
      this.loaded.push(a);
    },
    go() {},
    renderStatus() {},
  };
  const tabs = new OtherTabs(app, win);
  app.tabs = tabs;
  return app;
}

const settle = () => new Promise((r) => setTimeout(r, 20));

function windows({ locks }) {
  const BroadcastChannel = channels();
  const lockManager = locks ? new Locks() : null;
  const make = () => ({ navigator: lockManager ? { locks: lockManager } : {}, BroadcastChannel });
  return { make, lockManager };
}

test("with Web Locks: the second tab is read-only, and becomes the writer when the first tab closes", async () => {
  const { make, lockManager } = windows({ locks: true });
  const store = new Map([["assessment", { authority: "Lockshire" }]]);
  const first = tab(make(), store);
  const second = tab(make(), store);
  first.tabs.watch();
  await settle();
  second.tabs.watch();
  await settle();
  assert.equal(first.tabs.readOnly, false);
  assert.equal(second.tabs.readOnly, true);
  assert.equal(second.tabs.why, "other");
  // The first tab closes (or crashes): the browser releases its lock, and the queued tab writes.
  lockManager.close("stocktake:writer");
  await settle();
  assert.equal(second.tabs.readOnly, false);
  assert.deepEqual(second.loaded, [{ authority: "Lockshire" }], "it writes from the latest stored copy");
});

test("with Web Locks: taking over makes the other tab write what it had and stop", async () => {
  const { make } = windows({ locks: true });
  const store = new Map([["assessment", { authority: "Stealshire" }]]);
  const first = tab(make(), store);
  const second = tab(make(), store);
  first.tabs.watch();
  await settle();
  second.tabs.watch();
  await settle();
  second.tabs.takeOver();
  await settle();
  assert.equal(second.tabs.readOnly, false);
  assert.equal(first.tabs.readOnly, true);
  assert.equal(first.tabs.why, "taken");
  assert.equal(first.flushed, 1, "the old writer wrote what it had pending first");
  assert.deepEqual(second.loaded, [{ authority: "Stealshire" }]);
  // And it waits in the queue: when the new writer closes, the first tab writes again.
  const third = tab(make(), store);
  third.tabs.watch();
  await settle();
  assert.equal(third.tabs.readOnly, true, "a third tab is read-only too");
});

test("without Web Locks: the BroadcastChannel fallback gives the same one writer and take-over", async () => {
  const { make } = windows({ locks: false });
  const store = new Map([["assessment", { authority: "Channelshire" }]]);
  const first = tab(make(), store);
  const second = tab(make(), store);
  assert.equal(first.tabs.hasLocks, false);
  first.tabs.watch();
  await settle();
  second.tabs.watch();
  await settle();
  assert.equal(first.tabs.readOnly, false);
  assert.equal(second.tabs.readOnly, true);
  second.tabs.takeOver();
  await settle();
  assert.equal(second.tabs.readOnly, false);
  assert.equal(first.tabs.readOnly, true);
  assert.equal(first.tabs.why, "taken");
  assert.equal(first.flushed, 1);
});

test("only data-storage=local has tabs to coordinate", async () => {
  const { make } = windows({ locks: true });
  const app = tab(make(), new Map());
  app.config.storage = "session";
  app.tabs.watch();
  await settle();
  assert.equal(app.tabs.channel, null);
  assert.equal(app.tabs.readOnly, false);
});
