// shell/router.mjs: the addresses of the in-page router. Every page's address reads back as the
// same page and parameters; anything that is not one of ours is null, and left to the host page.
// (Importing the router imports the first pages' modules, which touch no DOM until they render.)
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  HASH_PREFIX,
  NO_ASSESSMENT_NEEDED,
  PAGES,
  addressParams,
  parseHash,
  routeHash,
  sameParams,
} from "../../www/shell/router.mjs";

test("every page's address reads back as the page, with its string parameters", () => {
  for (const name of Object.keys(PAGES)) {
    assert.deepEqual(parseHash(routeHash(name)), { name, params: {} }, name);
    const params = { id: "help_and_protection", framework: "ilacs-2026-04" };
    assert.deepEqual(parseHash(routeHash(name, params)), { name, params }, name);
  }
});

test("an address looks like #stocktake/page?query", () => {
  assert.equal(routeHash("start"), "#stocktake/start");
  assert.equal(routeHash("area", { id: "help_and_protection" }), "#stocktake/area?id=help_and_protection");
  assert.ok(routeHash("tasks").startsWith(HASH_PREFIX));
});

test("parameters that need escaping survive the round trip", () => {
  const params = { id: "a b&c=d?e#f/g", scenario: "fenmarsh (fictional)", note: "café ✓" };
  const hash = routeHash("area", params);
  assert.ok(!hash.slice(1).includes("#"), hash);
  assert.deepEqual(parseHash(hash), { name: "area", params });
});

test("only string parameters are part of an address", () => {
  const params = { id: "x", showErrors: true, count: 3, saved: null, message: { text: "Saved" } };
  assert.deepEqual(addressParams(params), { id: "x" });
  assert.deepEqual(parseHash(routeHash("area", params)), { name: "area", params: { id: "x" } });
  assert.deepEqual(addressParams(undefined), {});
});

test("an unknown page is null", () => {
  assert.equal(parseHash("#stocktake/no-such-page"), null);
  assert.equal(parseHash("#stocktake/"), null);
  assert.equal(parseHash(routeHash("no-such-page", { id: "x" })), null);
  // Names inherited from Object.prototype are not pages.
  assert.equal(parseHash("#stocktake/constructor"), null);
  assert.equal(parseHash("#stocktake/__proto__"), null);
  assert.equal(parseHash("#stocktake/toString"), null);
});

test("a fragment that is not ours is null (the host page keeps it)", () => {
  for (const hash of [
    "",
    "#",
    "#main-content",
    "#stocktake",
    "#Stocktake/start",
    "stocktake/start",
    "#/stocktake/start",
  ])
    assert.equal(parseHash(hash), null, hash);
  for (const value of [null, undefined, 42, {}]) assert.equal(parseHash(value), null);
  // A malformed escape is not an address either.
  assert.equal(parseHash("#stocktake/%E0%A4%A"), null);
});

test("pages that need no assessment are pages", () => {
  for (const name of NO_ASSESSMENT_NEEDED) assert.ok(Object.hasOwn(PAGES, name), name);
});

test("sameParams compares parameter objects by their keys and values", () => {
  assert.ok(sameParams({}, {}));
  assert.ok(sameParams(undefined, {}));
  assert.ok(sameParams({ id: "a", x: "b" }, { x: "b", id: "a" }));
  assert.ok(!sameParams({ id: "a" }, { id: "b" }));
  assert.ok(!sameParams({ id: "a" }, { id: "a", x: "b" }));
  assert.ok(!sameParams({ id: "a" }, undefined));
});
