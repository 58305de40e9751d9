// The trend chart (www/ui/chart.mjs): three published years drawn as lines, the numbers in its text
// alternative, a gap where a year is not published, nothing when there is no trend. jsdom.
import assert from "node:assert/strict";
import { test } from "node:test";
import { JSDOM } from "jsdom";

const { window } = new JSDOM("<!doctype html><html><body></body></html>");
globalThis.document = window.document;
globalThis.Node = window.Node;
const { trendChart } = await import("../../www/ui/chart.mjs");

const periods = ["year to 31 March 2023", "year to 31 March 2024", "year to 31 March 2025"];
const format = (v) => `${v}%`;

test("three years of an authority beside its neighbours and England, with the numbers in words", () => {
  const fig = trendChart({
    series: [
      { key: "own", name: "Nottingham", values: [20.1, 22.4, 18.9] },
      { key: "neighbours", name: "Statistical neighbours' average", values: [21, 21.5, 21.2] },
      { key: "england", name: "England", values: [21.5, 22.4, 22.1] },
    ],
    periods,
    format,
    title: "Re-referrals within 12 months: published figures",
    id: "trend",
  });
  assert.equal(fig.tagName, "FIGURE");
  const svg = fig.querySelector("svg[role=img]");
  assert.equal(
    svg.getAttribute("aria-label"),
    "Re-referrals within 12 months: published figures. Nottingham: 2023 20.1%, 2024 22.4%, 2025 18.9%; Statistical neighbours' average: 2023 21%, 2024 21.5%, 2025 21.2%; England: 2023 21.5%, 2024 22.4%, 2025 22.1%.",
  );
  const lines = [...svg.querySelectorAll("polyline")];
  assert.equal(lines.length, 3);
  // Higher values are drawn higher up (smaller y), in the order of the years.
  const own = lines[0]
    .getAttribute("points")
    .split(" ")
    .map((p) => p.split(",").map(Number));
  assert.equal(own.length, 3);
  assert.ok(own[0][0] < own[1][0] && own[1][0] < own[2][0], "years left to right");
  assert.ok(own[1][1] < own[0][1] && own[0][1] < own[2][1], "22.4 above 20.1 above 18.9");
  assert.equal(svg.querySelectorAll("circle").length, 3, "the authority's own years are marked");
  assert.deepEqual(
    [...svg.querySelectorAll("text")].map((t) => t.textContent),
    ["2023", "2024", "2025"],
  );
  assert.equal(fig.querySelectorAll(".st-trend__legend li").length, 3);
  assert.equal(svg.getAttribute("style"), null, "no style attributes (CSP)");
});

test("a year not published is a gap, said in words; no trend without two figures", () => {
  const fig = trendChart({
    series: [{ key: "own", name: "Camden", values: [3, null, 5] }],
    periods,
    format,
    title: "t",
  });
  assert.match(fig.querySelector("svg").getAttribute("aria-label"), /Camden: 2023 3%, 2024 not published, 2025 5%/);
  assert.equal(fig.querySelector("polyline").getAttribute("points").split(" ").length, 2);
  assert.equal(
    trendChart({ series: [{ key: "own", name: "x", values: [null, null, 4] }], periods, format, title: "t" }),
    null,
  );
});
