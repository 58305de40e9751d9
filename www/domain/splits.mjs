// How a group's answers divide, in words for a workshop's wall (issue 29.5): "all 4 graded good",
// "3 of 4 graded good, 1 inadequate", "split evenly: 2 good, 2 requires improvement", "split three
// ways: requires improvement, inadequate, good". Plain functions, no DOM.

const WAYS = ["", "", "two", "three", "four", "five", "six"];

/**
 * The words for `counts` ({ level: count }), naming each level with `label(level)` (lower case is
 * the caller's choice). `order` lists the levels in the order ties are named (the order participants
 * first gave them, or the scale's). Levels with no count, and those in `skip`, are left out.
 * `verb` is what each count did ("graded", "chose"). Returns "" when nobody answered.
 */
export function splitText(counts, order, label, { verb = "graded", skip = [] } = {}) {
  const known = [...new Set([...order, ...Object.keys(counts ?? {})])];
  const groups = known
    .filter((l) => !skip.includes(l) && (counts?.[l] ?? 0) > 0)
    .map((l, i) => ({ level: l, n: counts[l], i }))
    .sort((a, b) => b.n - a.n || a.i - b.i);
  const total = groups.reduce((n, g) => n + g.n, 0);
  if (!total) return "";
  if (groups.length === 1)
    return total === 1 ? `1 ${verb} ${label(groups[0].level)}` : `all ${total} ${verb} ${label(groups[0].level)}`;
  const top = groups[0].n;
  const tied = groups.filter((g) => g.n === top);
  if (tied.length === groups.length) {
    if (top === 1)
      return `split ${WAYS[groups.length] ?? groups.length} ways: ${groups.map((g) => label(g.level)).join(", ")}`;
    return `split evenly: ${groups.map((g) => `${g.n} ${label(g.level)}`).join(", ")}`;
  }
  if (tied.length > 1)
    return `tied between ${tied.map((g) => label(g.level)).join(" and ")} (${top} each), then ${groups
      .slice(tied.length)
      .map((g) => `${g.n} ${label(g.level)}`)
      .join(", ")}`;
  return `${top} of ${total} ${verb} ${label(groups[0].level)}, ${groups
    .slice(1)
    .map((g) => `${g.n} ${label(g.level)}`)
    .join(", ")}`;
}
