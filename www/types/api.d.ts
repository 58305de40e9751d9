// The JavaScript API the page receives from the core (crate/bindings.rs; docs/api-scoring.md,
// docs/api-pathway.md), typed with the values generated from the Rust types (core.d.ts). Written
// by hand: keep each line beside its function in crate/bindings.rs. The arguments are read
// leniently by the core (anything wrong comes back as `problems`), so they are typed as what the
// page means to pass.
import type {
  Assessment,
  AuditEvidence,
  Comparison,
  CriteriaSet,
  FrameworkSummary,
  FrameworkView,
  Grade,
  Opened,
  PathwayResult,
  Problem,
  ReviewResult,
  ScenarioSummary,
  ScenarioView,
  ScoreResult,
  SimulationResult,
  BaseRates,
} from "./core";

export type * from "./core";

/** An assessment as the page passes it: a saved file's object, possibly incomplete. */
export type AssessmentInput = Partial<Assessment> | Record<string, unknown>;

/** `fileLimits()`: the limits the file parser enforces (a struct in crate/bindings.rs). */
export type FileLimits = {
  maxFileBytes: number;
  maxNotes: number;
  maxText: number;
  format: string;
  encryptedFormat: string;
  formatVersion: number;
};

/** `simulate`'s options, all optional: 10,000 runs, seed 1, the framework's model. */
export type SimulateOptions = {
  runs?: number;
  seed?: number;
  model?: { differMax?: number | null; differMin?: number | null; downSharePercent?: number | null };
};

/** An authority's or provider's past inspections (docs/api-pathway.md); any part may be missing. */
export type History = {
  lastInspection?: {
    kind?: string;
    startedOn?: string | null;
    endedOn?: string | null;
    grades?: Record<string, Grade | null>;
  } | null;
  focusedVisits?: { endedOn?: string | null; priorityActions?: boolean | null }[] | null;
  monitoring?: { since?: string | null } | null;
  interventions?: { kind?: string; on?: string | null }[] | null;
  [other: string]: unknown;
};

/** `pathway`'s input (docs/api-pathway.md). */
export type PathwayInput = {
  framework?: string | null;
  today: string;
  history?: History | Record<string, unknown> | null;
  projected?: Record<string, Grade | null> | null;
  assumptions?: Record<string, number> | null;
  /** The authority's ONS code ("E06000014"): which May polls hold its reports (polls.toml). */
  authority?: string | null;
};

/** The core's functions (`loadCore()` in stocktake.mjs). */
export interface Core {
  version(): string;
  frameworks(): FrameworkSummary[];
  framework(id: string): FrameworkView | null;
  score(assessment: AssessmentInput): ScoreResult;
  /** The one call per change: the score, the pathway under its projected grades, every problem. */
  review(input: {
    assessment: AssessmentInput;
    today: string;
    assumptions?: Record<string, number>;
  }): ReviewResult;
  overallEffectiveness(
    frameworkId: string,
    grades: Record<string, Grade | null>,
    options?: { strict?: boolean },
  ): Grade | null;
  validateAssessment(value: unknown): Problem[];
  parseAssessmentText(text: string): Opened;
  fileLimits(): FileLimits;
  auditEvidence(assessment: AssessmentInput, today?: string | null): AuditEvidence;
  auditCriteria(frameworkId: string): CriteriaSet | null;
  simulate(assessment: AssessmentInput, options?: SimulateOptions): SimulationResult;
  bankHolidays(year: number): string[];
  addWorkingDays(date: string, n: number): string;
  workingDaysBetween(a: string, b: string): number;
  pathway(input: PathwayInput): PathwayResult;
  baseRates(): BaseRates;
  scenarios(): ScenarioSummary[];
}

/** The workshop build of the core (`loadWorkshopCore()`): the same functions and the trainers' two. */
export interface WorkshopCore extends Core {
  scenario(id: string): ScenarioView | null;
  compareParticipants(files: { name: string; text: string }[], scenarioId?: string | null): Comparison;
}
