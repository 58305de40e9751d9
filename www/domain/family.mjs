// Wording that depends on who is inspected: local authorities (ILACS) or providers such as
// children's homes and fostering agencies (SCCIF). The families and every kind of inspection
// come from the core (`frameworks()`, `framework(id).inspectionKinds`); this module only words them.

/** The groups the framework list is shown in, by the catalogue's `family`. */
export const FAMILY_GROUPS = [
  { family: "ilacs", label: "Local authority children's services (ILACS)" },
  { family: "sccif", label: "Children's homes and fostering agencies (SCCIF)" },
];

const INSPECTION_KIND_TEXT = {
  standard: "Standard inspection",
  short: "Short inspection",
  full: "Full inspection",
  interim: "Interim inspection",
  assurance: "Assurance inspection",
};

/** "Standard inspection", "Full inspection", … for a kind id. */
export function inspectionKindText(kind) {
  return INSPECTION_KIND_TEXT[kind] ?? String(kind ?? "");
}

/** The family of a framework summary or detail ("ilacs" when not given). */
export function familyOf(fw) {
  return fw?.family ?? "ilacs";
}

/** The words the journey uses for the inspected organisation, by the framework's family. */
export function familyTerms(fw) {
  if (familyOf(fw) === "ilacs") {
    return {
      provider: false,
      about: "About your authority",
      org: "Your authority",
      orgLabel: "Authority name (optional)",
      orgKey: "Authority",
      aboutHint: "Name, date of this self-evaluation and inspection history",
      lastHeading: "Your last full inspection",
      kindHint:
        "Short inspections follow a good or outstanding judgement; standard inspections follow requires improvement or inadequate.",
      none: "No full inspection under ILACS yet",
    };
  }
  return {
    provider: true,
    about: `About your service (${(fw?.provider ?? "provider").toLowerCase()})`,
    org: fw?.provider ? `Your service (${fw.provider.toLowerCase()})` : "Your service",
    orgLabel: "Name of the home or agency (optional)",
    orgKey: "Home or agency",
    aboutHint: "Name, date of this self-evaluation and last inspection",
    lastHeading: "Your last inspection",
    kindHint:
      "A full inspection is graded. Since April 2022 the one-day visit between full inspections is an assurance inspection, with a single judgement on its findings. Choose interim only for a visit before April 2022.",
    none: "No inspection yet",
  };
}
