// Comparing with last year (pages/results.mjs, comparePage): which way each judgement, statement
// and indicator moved, said in words ("Better", "Worse"), never by colour alone; and whether last
// year's file was made against another version of the framework.
import { h } from "../ui/dom.mjs";
import { formatNumber } from "../ui/format.mjs";

/** Grades and levels from worst to best; anything else (not known, not answered, no grade) has no rank. */
const RANK = { inadequate: 0, requires_improvement: 1, good: 2, outstanding: 3 };

/**
 * The change from `then` to `now` (grade or level ids, or null) in words: "Better", "Worse",
 * "No change", or, when either has no rank (not known, not answered, no grade), "Cannot compare"
 * (or "No change" when both are the same).
 */
export function changeWord(then, now) {
  if (then === now) return "No change";
  const [a, b] = [RANK[then], RANK[now]];
  if (a === undefined || b === undefined) return "Cannot compare";
  return b > a ? "Better" : "Worse";
}

/** A table cell for a change: the word, with a data attribute for styling and tests. */
export function changeCell(word) {
  const kind = { Better: "better", Worse: "worse", "No change": "same" }[word] ?? "none";
  return h("span", { class: `st-change st-change--${kind}`, "data-change": kind }, word);
}

/** "3 better, 1 worse, 12 no change, 2 cannot compare" from a list of change words. */
export function changeSummary(words) {
  const count = (w) => words.filter((x) => x === w).length;
  return [
    [count("Better"), "better"],
    [count("Worse"), "worse"],
    [count("No change"), "no change"],
    [count("Cannot compare"), "cannot compare"],
  ]
    .filter(([n]) => n > 0)
    .map(([n, w]) => `${n} ${w}`)
    .join(", ");
}

/**
 * Rows for the indicators of framework `fw` that have a value in last year's assessment `then` or in
 * `now`: [name, then, now, change word] where the change word follows the indicator's direction
 * (a lower turnover is "Better"); for a rate where neither way is better in itself (direction
 * `neither`), it says only which way the figure moved: "Higher" or "Lower".
 */
export function indicatorRows(fw, then, now) {
  const rows = [];
  for (const ind of fw?.indicators ?? []) {
    const a = then?.indicators?.[ind.id];
    const b = now?.indicators?.[ind.id];
    const has = (v) => typeof v === "number" && Number.isFinite(v);
    if (!has(a) && !has(b)) continue;
    const show = (v) => (has(v) ? `${formatNumber(v)}${ind.unit === "percent" ? "%" : ""}` : "Not given");
    let word = "Cannot compare";
    if (has(a) && has(b)) {
      const up = b > a;
      if (a === b) word = "No change";
      else if (ind.direction === "neither") word = up ? "Higher" : "Lower";
      else word = up === (ind.direction === "higher_is_better") ? "Better" : "Worse";
    }
    rows.push([ind.name, show(a), show(b), word]);
  }
  return rows;
}

/**
 * A note when last year's file used another framework than this self-evaluation: both named, and
 * how many of last year's answers are to statements this framework does not have (not compared).
 * null when the frameworks are the same.
 */
export function frameworkNote(frameworks, fw, then, now) {
  if (!then?.framework || then.framework === now?.framework) return null;
  const name = (id) => frameworks.find((f) => f.id === id)?.name ?? "another framework";
  const known = new Set((fw?.areas ?? []).flatMap((a) => a.statements.map((s) => s.id)));
  const dropped = Object.keys(then.answers ?? {}).filter((id) => !known.has(id)).length;
  return h(
    "div",
    { class: "govuk-inset-text", id: "compare-framework-note" },
    h(
      "p",
      { class: "govuk-body" },
      `Last year's file used ${name(then.framework)}; this self-evaluation uses ${name(now.framework)}. `,
      "Statements and judgements are compared where both frameworks have them, and a grade may have moved because the framework changed, not only your practice.",
    ),
    dropped
      ? h(
          "p",
          { class: "govuk-body govuk-!-margin-bottom-0" },
          `${dropped} of last year's ${dropped === 1 ? "answers is" : "answers are"} to statements this framework does not have, so ${dropped === 1 ? "it is" : "they are"} not compared.`,
        )
      : null,
  );
}

/**
 * The other authority's name when last year's file `then` is for another authority than `now`
 * (by name, ignoring case, spaces and punctuation, until files carry the authority's code), or null.
 */
export function otherAuthority(now, then) {
  const norm = (x) =>
    String(x ?? "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  const a = norm(now?.authority);
  const b = norm(then?.authority);
  return a && b && a !== b ? String(then.authority) : null;
}
