// The facilitator's workshop comparison (compareParticipants from the workshop core) as a Word
// document and a workbook, described in plain data for the exporters (office.mjs).
import { formatDateLong } from "../ui/format.mjs";
import { list, p, h2, table } from "./blocks.mjs";

const WORKSHOP_COLUMNS = ["outstanding", "good", "requires_improvement", "inadequate", "not_known", "unanswered"];

/**
 * The scenario's notes for the facilitator (what an inspector would likely conclude, and why; the
 * traps) as blocks: the comparison page (folded away), print and the Word document.
 */
export function facilitatorBlocks(app, scenario) {
  const f = scenario.facilitator;
  const name = (id) => app.fw(scenario.framework)?.judgements?.find((j) => j.id === id)?.name ?? id;
  return [
    p(f.summary),
    table(
      "What an inspector would likely conclude",
      ["Judgement", "Likely grade", "Why"],
      f.judgements.map((j) => [name(j.id), app.levelLabel(f.expected[j.id]), j.why]),
      [22, 18, 60],
    ),
    h2("The traps"),
    list(f.traps),
  ];
}

/**
 * Who answered what: for each area a table of statements by participants, each cell the level that
 * participant gave (from their own file: domain/answers-grid.mjs), with the core's agreement, spread
 * and reference level for the statement.
 * @param {{ label: string, levels: Record<string, string> | null }[]} answers
 */
export function answersGridBlocks(app, result, answers) {
  const fw = result.framework ? app.fw(result.framework) : null;
  const byId = new Map((result.statements ?? []).map((s) => [s.id, s]));
  const pct = (x) => (x == null ? "–" : `${Math.round(x * 100)}%`);
  const cell = (levels, id) => (levels ? app.levelLabel(levels[id] ?? null) : "–");
  const each = answers.length ? 41 / answers.length : 0;
  return (fw?.areas ?? []).flatMap((area) => {
    const rows = area.statements.map((s) => byId.get(s.id)).filter(Boolean);
    return rows.length
      ? [
          table(
            `Who answered what: ${area.name}`,
            ["Statement", ...answers.map((a) => a.label), "Agreement", "Spread", "Reference"],
            rows.map((s) => [
              s.text,
              ...answers.map((a) => cell(a.levels, s.id)),
              pct(s.agreement),
              s.spread == null ? "–" : String(s.spread),
              s.reference ? app.levelLabel(s.reference) : "–",
            ]),
            [26, ...answers.map(() => each), 11, 8, 14],
          ),
        ]
      : [];
  });
}

/** The words above the grid of who answered what, on the page and in the Word document. */
export const GRID_INTRO =
  "Each participant's answer to each statement, from their own file, with the group's agreement (the share at the most common level) and spread (grades between the lowest and highest answer, not counting not known).";

/**
 * The facilitator's comparison (compareParticipants from the workshop core) as a Word document.
 * `extra`: the scenario in full (for the facilitator notes) and who answered what (answersGridBlocks).
 */
export function workshopDocument(app, result, extra = {}) {
  const { scenario = null, answers = [] } = extra;
  const fw = result.framework ? app.fw(result.framework) : null;
  const byId = new Map((result.statements ?? []).map((s) => [s.id, s]));
  const label = (g) => (g ? app.levelLabel(g) : "Not enough answered");
  const pct = (x) => (x == null ? "–" : `${Math.round(x * 100)}%`);
  const levelShort = (l) => (l === "unanswered" ? "Not answered" : app.levelLabel(l));
  return {
    title: "Workshop comparison",
    subtitle: result.scenarioName ?? fw?.name ?? "",
    marking: "Workshop — private",
    prepared: `Prepared with Stocktake ${app.core.version()}`,
    facts: [
      ["Scenario", result.scenarioName ?? "None"],
      ["Framework", fw?.name ?? result.framework ?? ""],
      ["Participants", String(result.participants.length)],
      ["Date", formatDateLong(app.today())],
    ],
    sections: [
      {
        heading: "Participants",
        blocks: [list(result.participants.map((x) => (x.participant ? `${x.participant} (${x.name})` : x.name)))],
      },
      ...(scenario ? [{ heading: "Facilitator notes", blocks: facilitatorBlocks(app, scenario) }] : []),
      {
        heading: "Where participants disagree most",
        blocks: [
          result.disagreements.length
            ? list(
                result.disagreements.map((id) => {
                  const s = byId.get(id);
                  return `${s.text} — agreement ${pct(s.agreement)}, spread ${s.spread ?? "–"}${s.reference ? `, reference ${app.levelLabel(s.reference)}` : ""}`;
                }),
                true,
              )
            : p("Participants agree on every statement they answered."),
        ],
      },
      {
        heading: "Projected judgements",
        blocks: (result.judgements ?? []).flatMap((j) => [
          h2(j.name),
          p(`Agreement ${pct(j.agreement)}. Reference: ${j.reference ? label(j.reference) : "none"}.`),
          table(
            `Projected grades for ${j.name}`,
            ["Participant", "Projected grade", "Matches the reference"],
            j.participants.map((x) => [
              x.name,
              label(x.grade),
              x.matchesReference == null ? "No reference" : x.matchesReference ? "Yes" : "No",
            ]),
            [40, 30, 30],
          ),
        ]),
      },
      {
        heading: "Statement by statement",
        landscape: true,
        blocks: (fw?.areas ?? []).flatMap((area) => {
          const rows = area.statements.map((s) => byId.get(s.id)).filter(Boolean);
          return rows.length
            ? [
                table(
                  area.name,
                  ["Statement", ...WORKSHOP_COLUMNS.map(levelShort), "Agreement", "Spread", "Reference"],
                  rows.map((s) => [
                    s.text,
                    ...WORKSHOP_COLUMNS.map((l) => String(s.counts[l] ?? 0)),
                    pct(s.agreement),
                    s.spread == null ? "–" : String(s.spread),
                    s.reference ? app.levelLabel(s.reference) : "–",
                  ]),
                  [30, 7, 7, 9, 8, 7, 8, 8, 6, 10],
                ),
              ]
            : [];
        }),
      },
      ...(answers.length
        ? [
            {
              heading: "Who answered what",
              landscape: true,
              blocks: [p(GRID_INTRO), ...answersGridBlocks(app, result, answers)],
            },
          ]
        : []),
    ],
  };
}

/**
 * The facilitator's comparison as a workbook: judgements by participant, statements with their
 * counts, and who answered what (`extra.answers`, as for workshopDocument).
 */
export function workshopWorkbook(app, result, extra = {}) {
  const { answers = [] } = extra;
  const fw = result.framework ? app.fw(result.framework) : null;
  const areaOf = new Map();
  for (const area of fw?.areas ?? []) for (const s of area.statements) areaOf.set(s.id, area.name);
  const levelShort = (l) => (l === "unanswered" ? "Not answered" : app.levelLabel(l));
  return {
    sheets: [
      {
        name: "Judgements",
        columns: [
          { header: "Judgement", width: 40 },
          { header: "Participant", width: 24 },
          { header: "Projected grade", width: 22 },
          { header: "Reference", width: 22 },
          { header: "Matches the reference", width: 12 },
          { header: "Agreement", type: "percent", width: 12 },
        ],
        rows: (result.judgements ?? []).flatMap((j) =>
          j.participants.map((x) => [
            j.name,
            x.name,
            x.grade ? app.levelLabel(x.grade) : "Not enough answered",
            j.reference ? app.levelLabel(j.reference) : "",
            x.matchesReference == null ? "" : x.matchesReference ? "Yes" : "No",
            j.agreement ?? null,
          ]),
        ),
      },
      {
        name: "Statements",
        columns: [
          { header: "Area", width: 24 },
          { header: "Statement id", width: 14 },
          { header: "Statement", width: 60 },
          ...WORKSHOP_COLUMNS.map((l) => ({ header: levelShort(l), type: "number", width: 10 })),
          { header: "Agreement", type: "percent", width: 11 },
          { header: "Spread (grades)", type: "number", width: 10 },
          { header: "Reference", width: 20 },
          { header: "Among the most disagreed", width: 10 },
        ],
        rows: (result.statements ?? []).map((s) => [
          areaOf.get(s.id) ?? "",
          s.id,
          s.text,
          ...WORKSHOP_COLUMNS.map((l) => s.counts[l] ?? 0),
          s.agreement ?? null,
          s.spread ?? null,
          s.reference ? app.levelLabel(s.reference) : "",
          result.disagreements.includes(s.id) ? "Yes" : "No",
        ]),
      },
      ...(answers.length
        ? [
            {
              name: "Who answered what",
              columns: [
                { header: "Area", width: 24 },
                { header: "Statement id", width: 14 },
                { header: "Statement", width: 60 },
                ...answers.map((a) => ({ header: a.label, width: 18 })),
                { header: "Agreement", type: "percent", width: 11 },
                { header: "Spread (grades)", type: "number", width: 10 },
                { header: "Reference", width: 20 },
              ],
              rows: (result.statements ?? []).map((s) => [
                areaOf.get(s.id) ?? "",
                s.id,
                s.text,
                ...answers.map((a) => (a.levels ? app.levelLabel(a.levels[s.id] ?? null) : "")),
                s.agreement ?? null,
                s.spread ?? null,
                s.reference ? app.levelLabel(s.reference) : "",
              ]),
            },
          ]
        : []),
      {
        name: "Participants",
        columns: [
          { header: "File", width: 40 },
          { header: "Participant", width: 24 },
        ],
        rows: result.participants.map((x) => [x.name, x.participant ?? ""]),
      },
    ],
  };
}
