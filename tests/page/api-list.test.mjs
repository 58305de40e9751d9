// www/types/api.d.ts declares the core's API by hand (Core, WorkshopCore); crate/bindings.rs is what
// the wasm exports. Their lists of functions must be the same, or the page is type-checked against
// functions that do not exist, or misses ones that do (the hand-written stand-ins this replaced had
// drifted: they lacked `review`). Reads both files as text: no build needed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";

const root = new URL("../../", import.meta.url);
const text = (path) => readFile(new URL(path, root), "utf8");

/** `{ core, workshop }`: the JavaScript names of the `#[wasm_bindgen]` functions, split by feature. */
export function exported(rust) {
  const core = [];
  const workshop = [];
  const re = /((?:#\[[^\]]*\]\s*)+)pub fn (\w+)/g;
  for (const [, attrs, name] of rust.matchAll(re)) {
    if (!attrs.includes("wasm_bindgen")) continue;
    const js = attrs.match(/js_name\s*=\s*(\w+)/)?.[1] ?? name;
    (attrs.includes('feature = "workshop"') ? workshop : core).push(js);
  }
  return { core: core.sort(), workshop: workshop.sort() };
}

/** The member names of `interface name` in a declaration file. */
export function members(dts, name) {
  const start = dts.indexOf(`export interface ${name} `);
  assert.ok(start >= 0, `interface ${name} is declared`);
  const body = dts.slice(dts.indexOf("{", start) + 1);
  const out = [];
  let depth = 0;
  for (const line of body.split("\n")) {
    if (depth === 0 && line.trim() === "}") break;
    const m = depth === 0 && line.match(/^ {2}(\w+)\(/);
    if (m) out.push(m[1]);
    depth += (line.match(/[({]/g) ?? []).length - (line.match(/[)}]/g) ?? []).length;
  }
  return out.sort();
}

test("api.d.ts's Core and WorkshopCore list exactly the functions crate/bindings.rs exports", async () => {
  const { core, workshop } = exported(await text("crate/bindings.rs"));
  const dts = await text("www/types/api.d.ts");
  assert.ok(core.includes("review") && core.length > 10, `the reading found the exports: ${core}`);
  assert.deepEqual(members(dts, "Core"), core);
  assert.deepEqual(members(dts, "WorkshopCore"), workshop);
});

test("the readers see a missing or extra function", () => {
  const rust = `#[wasm_bindgen]\npub fn score(a: JsValue) {}\n#[wasm_bindgen(js_name = addWorkingDays)]\npub fn add_working_days() {}\n#[cfg(feature = "workshop")]\n#[wasm_bindgen]\npub fn scenario() {}\nfn helper() {}\n#[derive(Serialize)]\npub fn not_exported() {}`;
  assert.deepEqual(exported(rust), { core: ["addWorkingDays", "score"], workshop: ["scenario"] });
  const dts = `export interface Core {\n  score(a: {\n    x: number;\n  }): void;\n  /** note */\n  addWorkingDays(d: string): string;\n}\n`;
  assert.deepEqual(members(dts, "Core"), ["addWorkingDays", "score"]);
});
