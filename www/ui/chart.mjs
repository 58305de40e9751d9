// A small trend chart (SVG): a few years of one figure for an authority, with comparators as
// dashed lines, to look at rather than read. The numbers are also in its text alternative and in
// the published figures' table, so nothing is only in the picture. Presentation attributes, never
// style attributes: the page's CSP allows no inline styles.

const SVG = "http://www.w3.org/2000/svg";

/** GOV.UK colours: the authority in blue, its neighbours in grey, England in black. */
export const TREND_STYLES = {
  own: { stroke: "#1d70b8", width: 3, dash: null },
  neighbours: { stroke: "#505a5f", width: 2, dash: "6 4" },
  england: { stroke: "#0b0c0c", width: 2, dash: "2 3" },
};

function el(name, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) if (v != null) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

/**
 * A trend chart: `series` are `{ key, name, values }` (key one of TREND_STYLES; values by period,
 * null where not published), `periods` their labels, `format` a value as text ("14.2%"). Returns a
 * `figure` holding the SVG (role img, named by its text alternative) and a legend; null when no
 * series has two figures to draw a trend from.
 * @param {{ series: { key: string, name: string, values: (number | null)[] }[], periods: string[],
 *   format: (n: number) => string, title: string, id?: string }} options
 */
export function trendChart({ series, periods, format, title, id }) {
  const drawn = series.filter((s) => s.values.filter((v) => v != null).length >= 1);
  if (!drawn.some((s) => s.values.filter((v) => v != null).length >= 2)) return null;
  const all = drawn.flatMap((s) => s.values.filter((v) => v != null));
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const pad = (hi - lo) * 0.15;
  lo -= pad;
  hi += pad;
  const [w, h, left, right, top, bottom] = [240, 90, 8, 8, 8, 20];
  const x = (i) =>
    left + (periods.length > 1 ? (i * (w - left - right)) / (periods.length - 1) : (w - left - right) / 2);
  const y = (v) => top + ((hi - v) * (h - top - bottom)) / (hi - lo);
  const lines = drawn.map((s) => {
    const st = TREND_STYLES[s.key] ?? TREND_STYLES.own;
    const pts = s.values.map((v, i) => (v == null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean);
    return el(
      "g",
      { "data-series": s.key },
      el("polyline", {
        points: pts.join(" "),
        fill: "none",
        stroke: st.stroke,
        "stroke-width": st.width,
        "stroke-dasharray": st.dash,
      }),
      ...(s.key === "own"
        ? s.values
            .map((v, i) => (v == null ? null : el("circle", { cx: x(i), cy: y(v), r: 3.5, fill: st.stroke })))
            .filter(Boolean)
        : []),
    );
  });
  const yearOf = (p) => /(\d{4})\s*$/.exec(p)?.[1] ?? p;
  const labels = periods.map((p, i) =>
    el(
      "text",
      {
        x: x(i),
        y: h - 4,
        "font-size": 11,
        "font-family": "Arial, sans-serif",
        fill: "#505a5f",
        "text-anchor": i === 0 ? "start" : i === periods.length - 1 ? "end" : "middle",
      },
      yearOf(p),
    ),
  );
  const words = drawn
    .map(
      (s) =>
        `${s.name}: ${s.values.map((v, i) => `${yearOf(periods[i])} ${v == null ? "not published" : format(v)}`).join(", ")}`,
    )
    .join("; ");
  const alt = `${title}. ${words}.`;
  const svg = el(
    "svg",
    { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: "img", "aria-label": alt, focusable: "false" },
    ...lines,
    ...labels,
  );
  const legend = document.createElement("ul");
  legend.className = "st-trend__legend govuk-list govuk-body-s";
  legend.setAttribute("aria-hidden", "true");
  for (const s of drawn) {
    const st = TREND_STYLES[s.key] ?? TREND_STYLES.own;
    const li = document.createElement("li");
    const key = el(
      "svg",
      { width: 24, height: 10, "aria-hidden": "true", focusable: "false" },
      el("line", {
        x1: 0,
        y1: 5,
        x2: 24,
        y2: 5,
        stroke: st.stroke,
        "stroke-width": st.width,
        "stroke-dasharray": st.dash,
      }),
    );
    li.append(key, ` ${s.name}`);
    legend.append(li);
  }
  const figure = document.createElement("figure");
  figure.className = "st-trend";
  if (id) figure.id = id;
  figure.append(svg, legend);
  return figure;
}
