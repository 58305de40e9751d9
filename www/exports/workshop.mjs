// The facilitator's workshop comparison (compareParticipants from the workshop core) as a Word
// document and a workbook, described in plain data for the exporters (office.mjs).
import { formatDateLong } from "../ui/format.mjs";
import { list, p, h2, table } from "./blocks.mjs";

const WORKSHOP_COLUMNS = ["outstanding", "good", "requires_improvement", "inadequate", "not_known", "unanswered"];

/** The facilitator's comparison (compareParticipants from the workshop core) as a Word document. */
export function workshopDocument(app, result) {
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
    ],
  };
}

/** The facilitator's comparison as a workbook: judgements by participant, statements with their counts. */
export function workshopWorkbook(app, result) {
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
