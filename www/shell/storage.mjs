// Keeping work on this device: localStorage, sessionStorage or nowhere (data-storage), always
// under keys that start with "stocktake:" so that "Clear everything" can remove exactly ours.

export const STORAGE_PREFIX = "stocktake:";

/**
 * Opens the store chosen by `kind` ("local" | "session" | "none").
 * Returns { kind, available, read(key), write(key, value) → { ok, reason }, remove(key), clearAll() }.
 */
export function openStore(kind) {
  let area = null;
  if (kind !== "none") {
    try {
      area = kind === "session" ? window.sessionStorage : window.localStorage;
      const probe = `${STORAGE_PREFIX}probe`;
      area.setItem(probe, "1");
      area.removeItem(probe);
    } catch {
      area = null;
    }
  }
  return {
    kind,
    available: !!area,
    read(key) {
      if (!area) return null;
      try {
        const text = area.getItem(STORAGE_PREFIX + key);
        return text == null ? null : JSON.parse(text);
      } catch {
        return null;
      }
    },
    write(key, value) {
      if (!area) return { ok: false, reason: kind === "none" ? "off" : "unavailable" };
      try {
        area.setItem(STORAGE_PREFIX + key, JSON.stringify(value));
        return { ok: true };
      } catch (err) {
        return { ok: false, reason: err && err.name === "QuotaExceededError" ? "full" : "unavailable" };
      }
    },
    remove(key) {
      try {
        area?.removeItem(STORAGE_PREFIX + key);
      } catch {
        // nothing to remove
      }
    },
    /** Removes every key Stocktake stored in this area (and the other web storage area too). */
    clearAll() {
      for (const a of [safeArea("local"), safeArea("session")]) {
        if (!a) continue;
        const ours = [];
        for (let i = 0; i < a.length; i++) if (a.key(i)?.startsWith(STORAGE_PREFIX)) ours.push(a.key(i));
        for (const k of ours) a.removeItem(k);
      }
    },
  };
}

/**
 * Where the name of the last file saved or opened is kept when the work itself cannot be (file-first
 * mode): this tab's sessionStorage, which a browser may allow where it refuses localStorage. Null
 * when that is refused too (Chromium blocking third-party storage refuses both, and IndexedDB, the
 * Cache API and cookies), when the work is kept anyway, or when the host page asks that nothing be
 * kept (data-storage="none"). Only the name is kept, never the file.
 */
export function openNameStore(kind, store) {
  if (kind === "none" || store.available) return null;
  const session = openStore("session");
  return session.available ? session : null;
}

function safeArea(kind) {
  try {
    return kind === "session" ? window.sessionStorage : window.localStorage;
  } catch {
    return null;
  }
}
