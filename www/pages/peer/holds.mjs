// What a peer challenge pack holds, as the reviewer reads it (issue 29.2): per statement the
// rating, evidence, notes, action and audits; per judgement the grade the answers fit and the
// chances allowing for the evidence, with their note; the indicators with England's figures; the
// inspection history; a contents list. Every grade, chance and comparison comes from the core.
import { h, inPage } from "../../ui/dom.mjs";
import { govSummaryList, govTable, govTableScroll, tableCells, textOrNodes } from "../../ui/govuk.mjs";
import { formatDateShort, formatPercent } from "../../ui/format.mjs";
import { inspectionKindText } from "../../domain/family.mjs";
import { longDate } from "../../domain/record.mjs";

/** The grades in the order the scale runs (as results-data.mjs's, which the first visit's bundle owns). */
const GRADE_ORDER = ["outstanding", "good", "requires_improvement", "inadequate", "none"];

/** Everything the core says about a pack's self-evaluation, each part null when it cannot. */
export function packFacts(app, pack) {
  const a = pack.assessment;
  const tryCall = (fn) => {
    try {
      return fn();
    } catch {
      return null;
    }
  };
  const fw = app.fw(a.framework);
  return {
    fw,
    a,
    scored: tryCall(() => app.core.score(a)),
    sim: tryCall(() => app.core.simulate(a, { runs: 2000, seed: 20260401, model: {} })),
    audits: (a.audits ?? []).length ? tryCall(() => app.core.auditEvidence(a, app.today())) : null,
    label(id) {
      if (id == null) return "Not answered";
      return (
        fw?.levels?.find((l) => l.id === id)?.label ??
        String(id)
          .replace(/_/g, " ")
          .replace(/^./, (c) => c.toUpperCase())
      );
    },
  };
}

/** "73% inadequate, 20% requires improvement, 7% good": the chances in words, most likely first. */
export function chancesText(facts, probabilities) {
  const parts = GRADE_ORDER.map((g) => [g, probabilities?.[g] ?? 0])
    .filter(([, p]) => p >= 0.005)
    .sort((x, y) => y[1] - x[1])
    .map(([g, p]) => `${formatPercent(p)} ${g === "none" ? "no grade" : facts.label(g).toLowerCase()}`);
  return parts.length ? parts.join(", ") : "No chances to show";
}

/** The contents list: a link to each section of the review page, which scrolls to it and moves focus there. */
export function contentsList(app, sections) {
  const go = (id) => () => {
    const target = app.root.getElementById(id);
    if (!target) return;
    target.setAttribute("tabindex", "-1");
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  };
  return h(
    "nav",
    { class: "st-contents", "aria-labelledby": "pack-contents-title", id: "pack-contents" },
    h("h2", { class: "govuk-heading-s", id: "pack-contents-title" }, "Contents"),
    h(
      "ol",
      { class: "govuk-list govuk-list--number" },
      sections.map(([id, text]) =>
        h("li", {}, h("a", { class: "govuk-link", href: `#${id}`, onclick: inPage(go(id)) }, text)),
      ),
    ),
  );
}

/** A "Back to contents" link at the foot of a section. */
export function backToContents(app) {
  return h(
    "p",
    { class: "govuk-body-s st-no-print" },
    h(
      "a",
      {
        class: "govuk-link",
        href: "#pack-contents",
        onclick: inPage(() => {
          const nav = app.root.getElementById("pack-contents-title");
          nav?.setAttribute("tabindex", "-1");
          nav?.scrollIntoView({ block: "start" });
          nav?.focus({ preventScroll: true });
        }),
      },
      "Back to contents",
    ),
  );
}

/** Their judgements: the grade the answers fit, the chances allowing for the evidence, and the note. */
export function judgementsSection(facts) {
  const { scored, sim } = facts;
  const rows = (scored?.judgements ?? []).map((j) => {
    const simJ = sim?.judgements?.find((x) => x.id === j.id);
    return [
      j.name,
      j.grade ? facts.label(j.grade) : "Not enough answers",
      simJ ? chancesText(facts, simJ.probabilities) : "Not simulated",
      simJ?.note ?? "",
    ];
  });
  if (scored?.overall)
    rows.unshift([
      "Overall effectiveness",
      scored.overall.grade ? facts.label(scored.overall.grade) : "Not enough answers",
      sim?.overall ? chancesText(facts, sim.overall) : "Not simulated",
      "",
    ]);
  const table = govTable({
    caption: "The grade their answers fit, and the chances allowing for their evidence (2,000 simulated inspections)",
    head: tableCells(["Judgement", "Their answers fit", "Chances allowing for their evidence", "Note"]),
    rows: rows.map((row) => tableCells(row)),
    firstCellIsHeader: true,
  });
  table.id = "pack-projection";
  return h(
    "section",
    { id: "pack-judgements", "aria-labelledby": "pack-judgements-title" },
    h("h2", { class: "govuk-heading-m", id: "pack-judgements-title" }, "Their judgements"),
    govTableScroll(table),
  );
}

/** The indicators: their figure, England's, and what the core says of the difference. */
export function indicatorsSection(facts) {
  const inds = facts.fw?.indicators ?? [];
  const values = facts.a.indicators ?? {};
  const rows = inds
    .filter((ind) => values[ind.id] != null && values[ind.id] !== "")
    .map((ind) => {
      const r = facts.scored?.indicators?.find((x) => x.id === ind.id);
      return [ind.name ?? ind.label ?? ind.id, String(values[ind.id]), r?.message ?? ""];
    });
  return h(
    "section",
    { id: "pack-indicators", "aria-labelledby": "pack-indicators-title" },
    h("h2", { class: "govuk-heading-m", id: "pack-indicators-title" }, "Their indicators"),
    rows.length
      ? govTableScroll(
          govTable({
            caption: "Their figures, with England's for comparison",
            head: tableCells(["Indicator", "Their figure", "Compared with England"]),
            rows: rows.map((row) => tableCells(row)),
            firstCellIsHeader: true,
          }),
        )
      : h("p", { class: "govuk-body" }, "The pack gives no indicators."),
  );
}

/** The inspection history: the last inspection with its grades, focused visits, monitoring. */
export function historySection(facts) {
  const hist = facts.a.history ?? {};
  const li = hist.lastInspection;
  const judgementName = (id) => facts.scored?.judgements?.find((j) => j.id === id)?.name ?? id.replace(/_/g, " ");
  const rows = [];
  if (li) {
    rows.push({
      key: "Last inspection",
      value: `${inspectionKindText(li.kind)}${li.endedOn ? `, ended ${longDate(li.endedOn)}` : li.startedOn ? `, started ${longDate(li.startedOn)}` : ""}`,
    });
    for (const [id, g] of Object.entries(li.grades ?? {}))
      if (g) rows.push({ key: judgementName(id), value: facts.label(g) });
  }
  for (const v of hist.focusedVisits ?? [])
    rows.push({
      key: "Focused visit",
      value: `${v.endedOn ? formatDateShort(v.endedOn) : "Date not given"}${v.priorityActions ? ", with priority actions" : ""}`,
    });
  if (hist.monitoring) rows.push({ key: "Monitoring", value: "Under monitoring visits" });
  for (const i of hist.interventions ?? [])
    rows.push({ key: "Intervention", value: typeof i === "string" ? i : (i?.kind ?? i?.text ?? "Recorded") });
  return h(
    "section",
    { id: "pack-history", "aria-labelledby": "pack-history-title" },
    h("h2", { class: "govuk-heading-m", id: "pack-history-title" }, "Their inspection history"),
    rows.length
      ? govSummaryList({ rows: rows.map((r) => ({ key: { text: r.key }, value: textOrNodes(r.value) })) })
      : h("p", { class: "govuk-body" }, "The pack gives no inspection history."),
  );
}

/** What the pack says about one statement: rating, evidence, notes, action, audits. */
export function statementHolds(facts, s) {
  const ans = facts.a.answers?.[s.id] ?? {};
  const evidence = new Map((facts.fw?.evidenceSources ?? []).map((e) => [e.id, e.label]));
  const audit = facts.audits?.statements?.find((x) => x.statement === s.id);
  const action = ans.action;
  const rows = [
    { key: "Their rating", value: h("strong", { id: `review-${s.id}-level` }, facts.label(ans.level)) },
    {
      key: "How they know",
      value: ans.evidence?.length ? ans.evidence.map((e) => evidence.get(e) ?? e).join("; ") : "Not given",
    },
    ans.notes ? { key: "Their notes", value: h("span", { class: "st-text" }, ans.notes) } : null,
    action?.text || action?.owner || action?.due
      ? {
          key: "Planned action",
          value: [
            action.text || "Not described",
            action.owner ? ` (owner: ${action.owner})` : "",
            action.due ? `, due ${formatDateShort(action.due)}` : "",
          ].join(""),
        }
      : null,
    audit
      ? {
          key: "Case-file audits",
          value: `${audit.cases === 1 ? "1 case" : `${audit.cases} cases`}, ${audit.goodOrBetter} good or better${audit.supports ? `: they support ${facts.label(audit.supports).toLowerCase()} at most` : ""}`,
        }
      : (facts.a.audits ?? []).length
        ? { key: "Case-file audits", value: "No audited cases for this statement" }
        : null,
  ].filter(Boolean);
  const list = govSummaryList({
    rows: rows.map((r) => ({ key: { text: r.key }, value: textOrNodes(r.value) })),
    classes: "govuk-summary-list--no-border st-holds",
  });
  list.id = `review-${s.id}-holds`;
  return list;
}
