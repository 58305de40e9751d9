// Generated from the core's Rust types by ts-rs (crate/types.rs): do not edit.
// Regenerate with `STOCKTAKE_BLESS=1 cargo test --lib types`.

/**
 * A planned action for a statement. `status` and `review` came later: a file without them opens
 * and scores as before, and they are written only when set.
 */
export type Action = { 
/**
 * What will be done.
 */
text: string, 
/**
 * Who owns it.
 */
owner: string, 
/**
 * When it is due (`YYYY-MM-DD`), if given.
 */
due: string | null, 
/**
 * Where it stands, if given.
 */
status?: ActionStatus, 
/**
 * When it is next reviewed (`YYYY-MM-DD`), if given.
 */
review?: string, };

/**
 * One line of the action plan.
 */
export type ActionItem = { 
/**
 * The statement.
 */
statementId: string, 
/**
 * Its area id.
 */
area: string, 
/**
 * The statement text.
 */
text: string, 
/**
 * Its level.
 */
level: Level, 
/**
 * Safety-critical.
 */
critical: boolean, 
/**
 * The planned action, if any.
 */
action: Action | null, 
/**
 * Whether an action with some text is planned.
 */
hasAction: boolean, 
/**
 * For a safety-critical statement not known: the finding about leaders it makes.
 */
finding?: string, };

/**
 * Where an action stands, as the action plan's status column says it.
 */
export type ActionStatus = "not_started" | "on_track" | "at_risk" | "done";

/**
 * Agreement between the two auditors on one criterion.
 */
export type Agreement = { 
/**
 * The criterion id.
 */
criterion: string, 
/**
 * Cases both auditors graded.
 */
pairs: number, 
/**
 * Cases with the same grade.
 */
same: number, };

/**
 * The answer to one statement.
 */
export type Answer = { 
/**
 * The level, or `None` while unanswered.
 */
level: Level | null, 
/**
 * Evidence source ids, without duplicates.
 */
evidence: Array<string>, 
/**
 * Free notes (at most 2000 characters).
 */
notes: string, 
/**
 * The planned action, if any.
 */
action: Action | null, };

/**
 * A self-evaluation area, as it feeds a judgement in one framework.
 */
export type Area = { 
/**
 * Stable id, such as `permanence`.
 */
id: string, 
/**
 * Name shown to people.
 */
name: string, 
/**
 * The judgement this area feeds in this framework.
 */
judgement: string, 
/**
 * One-sentence description.
 */
description: string, 
/**
 * The statements: 8 to 12 in the shared areas and the providers' own, up to
 * [`MAX_STATEMENTS`] once a version's overlay has added its own.
 */
statements: Array<Statement>, };

/**
 * A self-evaluation.
 */
export type Assessment = { 
/**
 * Always [`FORMAT`].
 */
format: string, 
/**
 * The file version ([`FORMAT_VERSION`] when written by this build).
 */
version: number, 
/**
 * The framework id.
 */
framework: string, 
/**
 * The authority's name.
 */
authority: string, 
/**
 * The date of the self-evaluation (`YYYY-MM-DD`).
 */
assessedOn: string | null, 
/**
 * Answers by statement id.
 */
answers: { [key in string]: Answer }, 
/**
 * Indicator values by indicator id.
 */
indicators: { [key in string]: number }, 
/**
 * Opaque history, owned by the pathway module; passed through untouched.
 */
history: JsonValue, 
/**
 * The workshop scenario this self-evaluation is for, if any.
 */
scenario?: string, 
/**
 * The workshop participant's name, if any.
 */
participant?: string, 
/**
 * The peer challenge exchanges kept with this self-evaluation (the page's peer.mjs): an
 * object passed through untouched, like `history`; absent from files without one.
 */
peer?: JsonValue, 
/**
 * Case-file audits (file version 2), oldest first as entered; left out when there are none.
 */
audits?: Array<Audit>, 
/**
 * The authority's codes, when chosen from the public record; absent from files without them.
 */
authorityCodes?: AuthorityCodes, 
/**
 * Each indicator's published comparators (its statistical neighbours' average and its
 * region's figure), when the page filled it from the published figures; left out when there
 * are none, so older files and figures typed by hand are unchanged.
 */
indicatorComparators?: { [key in string]: IndicatorComparators }, };

/**
 * An adjustable figure, with the value used.
 */
export type Assumption = { 
/**
 * Stable id, such as `report_lag_working_days`.
 */
id: string, 
/**
 * What it is, in words.
 */
label: string, 
/**
 * The value used (the default unless overridden).
 */
value: number, 
/**
 * The default.
 */
default: number, 
/**
 * Smallest allowed value.
 */
min: number, 
/**
 * Largest allowed value.
 */
max: number, 
/**
 * `months`, `working days`, …
 */
unit: string, 
/**
 * For a setting rather than a figure: what each whole value from `min` means, in words (the
 * page offers them as a choice). Absent for a figure.
 */
choices?: Array<string>, 
/**
 * Source URL.
 */
source: string, 
/**
 * `V`, `S` or `R`.
 */
tag: Tag, };

/**
 * One audited case.
 */
export type Audit = { 
/**
 * The case reference (never a name).
 */
caseRef: string, 
/**
 * The area id.
 */
area: string, 
/**
 * Who audited it.
 */
auditor: string, 
/**
 * When (`YYYY-MM-DD`).
 */
date: string, 
/**
 * The team whose case it is.
 */
team: string, 
/**
 * Grades by criterion id.
 */
grades: { [key in string]: Mark }, 
/**
 * The overall grade for the case.
 */
overall: Grade | null, 
/**
 * What was learned.
 */
learning: string, 
/**
 * A second auditor's grading, if moderated.
 */
moderation?: Moderation, };

/**
 * A rating above what the audits support (shown like the consistency challenges).
 */
export type AuditChallenge = { 
/**
 * Always `ch_audits_below_rating`.
 */
id: string, 
/**
 * Plain English with the counts.
 */
text: string, 
/**
 * The statement questioned.
 */
statements: Array<string>, 
/**
 * Where the rule comes from.
 */
source: string, 
/**
 * Its tag.
 */
tag: Tag, };

/**
 * Everything the audits say.
 */
export type AuditEvidence = { 
/**
 * The window: audits dated after `from` and up to `to` count.
 */
from: string | null, 
/**
 * The day of the self-evaluation (or the caller's today).
 */
to: string | null, 
/**
 * Audits in the file, and how many fall in the window.
 */
audits: number, 
/**
 * Audits dated in the window.
 */
inWindow: number, 
/**
 * Per statement with at least one audited case, in framework order.
 */
statements: Array<StatementAudits>, 
/**
 * Ratings above what the audits support.
 */
challenges: Array<AuditChallenge>, 
/**
 * Agreement per criterion, for moderated cases.
 */
agreement: Array<Agreement>, 
/**
 * Moderated cases whose gradings differ by two grades or more.
 */
disagreements: Array<Disagreement>, 
/**
 * The rule that says what audits support, with its source and tag.
 */
rule: string, 
/**
 * Its source.
 */
source: string, 
/**
 * Its tag.
 */
tag: Tag, };

/**
 * An authority's codes: how files, packs and the public record join (names are for people).
 */
export type AuthorityCodes = { 
/**
 * Ofsted's unique reference number for the local authority.
 */
urn: number, 
/**
 * The DfE's three-digit local authority code ("892"), when known.
 */
la: string | null, 
/**
 * The ONS code ("E06000018"), when known.
 */
ons: string | null, };

/**
 * Transition counts and interval spreads, with their provenance.
 */
export type BaseRates = { 
/**
 * The file the figures were derived from.
 */
source: string, 
/**
 * The attribution text to show with the figures.
 */
attribution: string, 
/**
 * Number of dated ILACS inspections used: graded, or under the April 2026 framework (no
 * overall effectiveness grade).
 */
inspections: number, 
/**
 * Number of consecutive pairs whose earlier inspection has an overall grade: all count in the
 * intervals.
 */
pairs: number, 
/**
 * How many of the pairs have a later inspection under the April 2026 framework, which gives no
 * overall effectiveness grade: in the intervals, left out of the transitions.
 */
ungradedNext: number, 
/**
 * Reports in the record with an overall grade (or the 2026 framework's marker) but no dates
 * on site, even after corrections: they cannot be placed in time, so are left out.
 */
undated: number, 
/**
 * Earliest start date among the pairs' inspections, `YYYY-MM-DD`.
 */
firstStart: string, 
/**
 * Latest start date among the pairs' inspections.
 */
lastStart: string, 
/**
 * The last on-site day of the latest inspection in the record, `YYYY-MM-DD`: cycles still
 * running then are missing from the intervals.
 */
recordTo: string, 
/**
 * Grade-to-grade counts (only pairs that happened, and only pairs whose later inspection has
 * an overall grade), best grade first.
 */
transitions: Array<Transition>, 
/**
 * Interval spreads by previous grade, best grade first.
 */
intervals: Array<IntervalSpread>, 
/**
 * The next inspection's kind (short or standard) by the earlier inspection's grade pattern
 * ([`kind_pattern`]), on the same pairs, best grade first.
 */
nextKind: Array<NextKind>, };

/**
 * One section of a briefing.
 */
export type BriefingSection = { 
/**
 * `context`, `case_audit`, `children_and_families`, `staff` or `indicators`.
 */
id: string, 
/**
 * The section heading.
 */
heading: string, 
/**
 * Short paragraphs.
 */
paragraphs: Array<string>, };

/**
 * A consistency challenge that applies to these answers.
 */
export type ChallengeResult = { 
/**
 * The challenge's id, such as `ch_leaders_know_practice`.
 */
id: string, 
/**
 * Plain English, naming what contradicts the rating.
 */
text: string, 
/**
 * The statements whose rating is questioned.
 */
statements: Array<string>, 
/**
 * Where it comes from (URL).
 */
source: string, 
/**
 * Its tag.
 */
tag: Tag, };

/**
 * What kind of problem a [`Problem`] is. Serialised as its `snake_case` name (`invalid_date`).
 */
export type Code = "unknown_status" | "after_assessment" | "invalid_codes" | "not_applicable" | "invalid_kind" | "ended_before_started" | "before_ilacs" | "encrypted" | "future_date" | "invalid" | "invalid_date" | "invalid_grade" | "invalid_number" | "invalid_version" | "looks_personal" | "missing" | "missing_grade" | "missing_migration" | "more_problems" | "newer_version" | "not_a_number" | "not_json" | "not_stocktake" | "notes_too_long" | "out_of_coverage" | "out_of_range" | "too_big" | "too_long" | "too_many" | "unknown_area" | "unknown_assumption" | "unknown_criterion" | "unknown_evidence" | "unknown_framework" | "unknown_indicator" | "unknown_judgement" | "unknown_level" | "unknown_scenario" | "unknown_statement" | "wrong_shape";

/**
 * What an indicator's figure is compared with (`compare_with` in the data): England, the average
 * of the authority's ten DfE statistical neighbours, or its region.
 */
export type Comparator = "england" | "neighbours" | "region";

/**
 * The whole comparison.
 */
export type Comparison = { 
/**
 * The scenario compared, if any.
 */
scenario: string | null, 
/**
 * The scenario's name, if any.
 */
scenarioName: string | null, 
/**
 * The framework id, `null` when there is neither a valid file nor a reference.
 */
framework: string | null, 
/**
 * The valid files, in the order given.
 */
participants: Array<Participant>, 
/**
 * The skipped files, in the order given.
 */
invalid: Array<InvalidFile>, 
/**
 * Every statement of the framework, in framework order.
 */
statements: Array<StatementComparison>, 
/**
 * Every judgement (overall effectiveness first where the framework has it).
 */
judgements: Array<JudgementComparison>, 
/**
 * Statement ids where participants disagree most.
 */
disagreements: Array<string>, 
/**
 * Problems with the request itself (an unknown reference scenario).
 */
problems: Array<Problem>, };

/**
 * When an indicator counts as worse (`[comparison]` in the indicators file): worse than every
 * comparator listed, each beyond the indicator's tolerance. Comparators the self-evaluation does
 * not hold are left out; England is always held.
 */
export type ComparisonRule = { 
/**
 * The comparators a figure must be worse than, all of them.
 */
compareWith: Array<Comparator>, 
/**
 * The rule in plain English.
 */
text: string, 
/**
 * Where the evidence for it is (URL).
 */
source: string, 
/**
 * Its tag.
 */
tag: Tag, };

/**
 * How much of a judgement is answered.
 */
export type Completeness = { 
/**
 * Statements with a level (including not known).
 */
answered: number, 
/**
 * Statements feeding the judgement.
 */
total: number, 
/**
 * Statements answered not known.
 */
notKnown: number, 
/**
 * Statements answered with a known level (answered and not "not known").
 */
known: number, 
/**
 * Whether enough is answered for a grade (the completeness rule).
 */
enoughAnswered: boolean, 
/**
 * Whether enough is known to project a grade (the known-share rule).
 */
enoughKnown: boolean, 
/**
 * Whether enough is answered, and known, for a grade.
 */
enough: boolean, 
/**
 * Statements without a level.
 */
missing: Array<string>, };

/**
 * "Judgement is at most this grade", a condition in an overall-effectiveness rule.
 */
export type Condition = { 
/**
 * The judgement id.
 */
judgement: string, 
/**
 * The grade it must be at most.
 */
atMost: Grade, };

/**
 * A set of criteria and the framework versions it applies to.
 */
export type CriteriaSet = { 
/**
 * Stable id.
 */
id: string, 
/**
 * The framework ids it applies to: filled by build.rs from the framework files that name the
 * set (`audit_criteria = [...]`).
 */
frameworks: Array<string>, 
/**
 * Its criteria.
 */
criterion: Array<Criterion>, };

/**
 * One audit criterion: what an auditor grades, and the statements it is evidence for.
 */
export type Criterion = { 
/**
 * Stable id, such as `au_hp_seen_alone`.
 */
id: string, 
/**
 * The area whose cases it is graded on.
 */
area: string, 
/**
 * What the auditor looks for.
 */
text: string, 
/**
 * The statements it is evidence for.
 */
statements: Array<string>, 
/**
 * Where it comes from (URL).
 */
source: string, 
/**
 * Its tag.
 */
tag: Tag, };

/**
 * Which way an indicator is better (`higher_is_better`, `lower_is_better` or `neither`).
 */
export type Direction = "higher_is_better" | "lower_is_better" | "neither";

/**
 * A moderated case whose two gradings differ by two grades or more.
 */
export type Disagreement = { 
/**
 * The audit's place in the list (from 0).
 */
audit: number, 
/**
 * Its case reference.
 */
caseRef: string, 
/**
 * The criterion, or `None` for the overall grade.
 */
criterion: string | null, 
/**
 * The first auditor's grade.
 */
first: Grade, 
/**
 * The moderator's grade.
 */
second: Grade, };

/**
 * One step in the expected sequence: either a `date` or a `window`.
 */
export type Event = { 
/**
 * Step id, such as `report_published` or `monitoring_visit_2`.
 */
id: string, 
/**
 * What kind of step it is.
 */
kind: EventKind, 
/**
 * Title shown to people.
 */
title: string, 
/**
 * What happens, in words.
 */
description: string, 
/**
 * The date, when the step has one date.
 */
date?: string | null, 
/**
 * The window, when the step's date is uncertain.
 */
window?: WindowOut | null, 
/**
 * Source URL.
 */
source: string, 
/**
 * `V`, `S` or `R`.
 */
tag: Tag, 
/**
 * The assumptions that set its timing.
 */
assumptionIds: Array<string>, 
/**
 * When the event happens only if something else does, such as "Only if the coming inspection
 * finds a judgement inadequate.": the page shows it as conditional.
 */
condition?: string | null, 
/**
 * For a local authority event likely from April 2027: it may fall under the children and
 * families services framework Ofsted plans (rule `later_framework_2027`, tag U, with source).
 */
laterFramework?: RuleRef | null, 
/**
 * For a report due in a pre-election period: whether it is held until after polling day and
 * why (the authority's poll in the calendar of polls, or its absence), with the source and
 * tag of what decided it.
 */
preElection?: RuleRef | null, };

/**
 * What kind of step an event is (the page draws each kind its own way).
 */
export type EventKind = "annual" | "visit" | "deadline" | "notice" | "inspection" | "publication" | "intervention";

/**
 * An evidence source as listed to the page.
 */
export type EvidenceView = { 
/**
 * Evidence id, such as `case_audit`.
 */
id: string, 
/**
 * Label shown to people.
 */
label: string, };

/**
 * Facilitator notes.
 */
export type Facilitator = { 
/**
 * What an inspector would likely conclude, in a paragraph.
 */
summary: string, 
/**
 * The traps participants fall into.
 */
traps: Array<string>, 
/**
 * The grades the notes claim, by judgement id (checked against the scoring by the tests).
 */
expected: { [key in string]: Grade }, 
/**
 * Why, judgement by judgement, in report order.
 */
judgements: Array<JudgementNote>, };

/**
 * A framework version as listed to the user.
 */
export type FrameworkSummary = { 
/**
 * Stable id, such as `ilacs-2026-04`.
 */
id: string, 
/**
 * Name shown to people.
 */
name: string, 
/**
 * The first date the framework applies to inspections (`YYYY-MM-DD`).
 */
effectiveFrom: string, 
/**
 * Whether this is the current framework (the default): exactly one in the catalogue.
 */
current: boolean, 
/**
 * The inspection family: `ilacs` (local authorities) or `sccif` (providers: children's homes,
 * fostering agencies). The page groups frameworks by it; the pathway dispatches on it.
 */
family: string, 
/**
 * Who is inspected, as shown to people, such as "Local authority children's services".
 */
provider: string, };

/**
 * The whole framework as the page sees it (`framework(id)` in the JavaScript API).
 */
export type FrameworkView = { 
/**
 * Framework id.
 */
id: string, 
/**
 * Name.
 */
name: string, 
/**
 * First date it applies.
 */
effectiveFrom: string, 
/**
 * Last date it applies (`null` while current).
 */
effectiveTo: string | null, 
/**
 * Whether it is the current framework.
 */
current: boolean, 
/**
 * `ilacs` or `sccif`.
 */
family: string, 
/**
 * Who is inspected, such as "Children's homes".
 */
provider: string, 
/**
 * Judgements, with `derived` true for overall effectiveness and `overall` true for the
 * judgement the overall rules grade.
 */
judgements: Array<Judgement>, 
/**
 * Areas with their statements.
 */
areas: Array<Area>, 
/**
 * Indicators.
 */
indicators: Array<Indicator>, 
/**
 * The headings the indicators are grouped under, in order (empty: no groups).
 */
indicatorGroups: Array<IndicatorGroup>, 
/**
 * When an indicator counts as worse (absent: worse than England).
 */
indicatorComparison?: ComparisonRule, 
/**
 * Notices to show wherever the framework is named.
 */
notices: Array<Notice>, 
/**
 * Judgement rules, then overall-effectiveness rules.
 */
rules: Array<Rule>, 
/**
 * Evidence sources.
 */
evidenceSources: Array<EvidenceView>, 
/**
 * The simulation's uncertainty model: its defaults, why, source and tag.
 */
simulation: SimulationModel, 
/**
 * Levels, best first, then not known.
 */
levels: Array<LevelView>, 
/**
 * The kinds of inspection a history may record for this framework's family, such as
 * `standard`, `short` (ILACS) or `full`, `interim`, `assurance` (children's homes).
 */
inspectionKinds: Array<InspectionKind>, };

/**
 * A grade on the four-point scale. Ordered from worst to best, so `Grade::Good > Grade::RequiresImprovement`.
 */
export type Grade = "inadequate" | "requires_improvement" | "good" | "outstanding";

/**
 * Participants at each projected grade of one judgement.
 */
export type GradeCounts = { 
/**
 * Outstanding.
 */
outstanding: number, 
/**
 * Good.
 */
good: number, 
/**
 * Requires improvement.
 */
requires_improvement: number, 
/**
 * Inadequate.
 */
inadequate: number, 
/**
 * Too little answered to grade.
 */
ungraded: number, };

/**
 * A sector indicator the user can enter.
 */
export type Indicator = { 
/**
 * Stable id, such as `sw_turnover`.
 */
id: string, 
/**
 * Name shown to people.
 */
name: string, 
/**
 * The National Framework outcome or enabler it is grouped under (an [`IndicatorGroup`] id;
 * empty in the 2023 set, which has no groups).
 */
group?: string, 
/**
 * The indicator's unit.
 */
unit: Unit, 
/**
 * Which way is better.
 */
direction: Direction, 
/**
 * The England figure.
 */
national: National, 
/**
 * Leaders are likely to be asked about it when it is worse than national.
 */
riskFactor: boolean, 
/**
 * Within this distance of national (in the unit) a value is "similar".
 */
similarWithin: number, 
/**
 * Below this a value is unusual in itself (for example near-zero repeat plans).
 */
unusuallyLow?: number, 
/**
 * Smallest valid value.
 */
min: number, 
/**
 * Largest valid value.
 */
max: number, };

/**
 * An indicator's published comparators, beside the England figure the framework holds.
 */
export type IndicatorComparators = { 
/**
 * The average of the authority's ten DfE statistical neighbours, when published.
 */
neighbours?: number, 
/**
 * The region's figure, when published.
 */
region?: number, 
/**
 * The period they are for, such as "Year to 30 September 2025".
 */
period?: string, };

/**
 * A heading the indicators are grouped under: a National Framework outcome or enabler.
 */
export type IndicatorGroup = { 
/**
 * Stable id, such as `o1_help`.
 */
id: string, 
/**
 * Heading shown to people.
 */
name: string, 
/**
 * Where it comes from (URL).
 */
source: string, 
/**
 * `V`, `D`, `S`, `U` or `R`.
 */
tag: Tag, };

/**
 * How an indicator compares with England.
 */
export type IndicatorResult = { 
/**
 * Indicator id.
 */
id: string, 
/**
 * The authority's value.
 */
value: number, 
/**
 * The national value.
 */
national: number, 
/**
 * Against England: `better`, `similar` or `worse`; `higher` or `lower` for an indicator where
 * neither is better.
 */
comparison: string, 
/**
 * The statistical neighbours' average, when the self-evaluation holds it.
 */
neighbours?: number, 
/**
 * The region's figure, when the self-evaluation holds it.
 */
region?: number, 
/**
 * The comparators held that the figure is worse than, each beyond the tolerance.
 */
worseThan: Array<Comparator>, 
/**
 * The comparators the framework's rule compared it with (those listed that are held).
 */
comparedWith: Array<Comparator>, 
/**
 * Worse than every one of `compared_with`: what the flags and challenges count.
 */
worse: boolean, 
/**
 * Leaders will be asked about this.
 */
flagged: boolean, 
/**
 * Plain English.
 */
message: string, };

/**
 * The kind of an inspection.
 */
export type InspectionKind = "short" | "standard" | "full" | "interim" | "assurance";

/**
 * The spread of months between an inspection with this grade and the next one.
 */
export type IntervalSpread = { 
/**
 * Overall grade at the earlier inspection.
 */
from: Grade, 
/**
 * Number of pairs.
 */
n: number, 
/**
 * Shortest interval, months.
 */
min: number, 
/**
 * Lower quartile, months.
 */
q1: number, 
/**
 * Median, months.
 */
median: number, 
/**
 * Upper quartile, months.
 */
q3: number, 
/**
 * Longest interval, months.
 */
max: number, };

/**
 * A file that was skipped.
 */
export type InvalidFile = { 
/**
 * The file name.
 */
name: string, 
/**
 * Why it was skipped, in plain English.
 */
reason: string, };

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;

/**
 * A judgement in a framework.
 */
export type Judgement = { 
/**
 * Stable id, such as `help_and_protection`.
 */
id: string, 
/**
 * Name shown to people.
 */
name: string, 
/**
 * True for overall effectiveness, which is derived from the other judgements.
 */
derived: boolean, 
/**
 * True for the judgement the overall rules grade (ILACS overall effectiveness, derived; SCCIF
 * overall experiences and progress, graded from its own statements and capped by others).
 */
overall: boolean, 
/**
 * The judgement of leadership, where not knowing practice elsewhere is a finding.
 */
leadership: boolean, };

/**
 * How the group's projections compare for one judgement.
 */
export type JudgementComparison = { 
/**
 * Judgement id.
 */
id: string, 
/**
 * Judgement name.
 */
name: string, 
/**
 * Participants at each projected grade.
 */
counts: GradeCounts, 
/**
 * The most common projected grade.
 */
mode: Grade | null, 
/**
 * Share of graded participants at the mode, 0–1, 2 decimal places.
 */
agreement: number | null, 
/**
 * The reference grade, when there is a reference.
 */
reference: Grade | null, 
/**
 * Each participant's projection.
 */
participants: Array<ParticipantGrade>, };

/**
 * The facilitator's note on one judgement.
 */
export type JudgementNote = { 
/**
 * The judgement id.
 */
id: string, 
/**
 * Why an inspector would likely reach the expected grade.
 */
why: string, };

/**
 * One judgement's grade probabilities, told as one story with its headline.
 *
 * The headline is the grade the answers most support: the score's best fit with its limits, the
 * same grade the results page shows. The probabilities say how far the evidence behind the answers
 * could move it. When the most likely simulated outcome is not the headline, `note` says so in one
 * sentence with the reason, so the page never shows a headline its own chart contradicts without
 * saying why (a property test holds this for random assessments).
 */
export type JudgementProbabilities = { 
/**
 * Judgement id.
 */
id: string, 
/**
 * The probabilities.
 */
probabilities: Probabilities, 
/**
 * The grade the answers most support (`None`: not enough answered or known to project one).
 */
headline: Grade | null, 
/**
 * The most likely simulated outcome (`None`: most likely no grade).
 */
mostLikely: Grade | null, 
/**
 * Why the most likely outcome differs from the headline; `None` when they agree.
 */
note: string | null, };

/**
 * A judgement's result.
 */
export type JudgementResult = { 
/**
 * Judgement id.
 */
id: string, 
/**
 * Judgement name.
 */
name: string, 
/**
 * The grade, `None` when too little is answered.
 */
grade: Grade | null, 
/**
 * The grade's label.
 */
label: string | null, 
/**
 * Why.
 */
reasons: Array<Reason>, 
/**
 * How much is answered.
 */
completeness: Completeness, 
/**
 * The smallest set of improvements that would raise the grade by one.
 */
lift: Array<LiftStep>, 
/**
 * Why `lift` is empty, when it is.
 */
liftNote: string | null, };

/**
 * How many authorities whose last inspection looked like this one had a short, or a standard,
 * inspection next, in the record since the 2020–21 pause.
 */
export type KindChances = { 
/**
 * Authorities whose next inspection was short.
 */
short: number, 
/**
 * Authorities whose next inspection was standard.
 */
standard: number, 
/**
 * All of them (`short + standard`).
 */
of: number, 
/**
 * The pattern in words, such as "good overall with every judgement good or better".
 */
label: string, 
/**
 * Always `D`: counted from the published grade history.
 */
tag: Tag, 
/**
 * The grade history.
 */
source: string, };

/**
 * A statement's level. Ordered worst to best (see the module docs for where `NotKnown` sits).
 */
export type Level = "inadequate" | "not_known" | "requires_improvement" | "good" | "outstanding";

/**
 * Participants at each level of one statement.
 */
export type LevelCounts = { 
/**
 * Outstanding.
 */
outstanding: number, 
/**
 * Good.
 */
good: number, 
/**
 * Requires improvement.
 */
requires_improvement: number, 
/**
 * Inadequate.
 */
inadequate: number, 
/**
 * Not known.
 */
not_known: number, 
/**
 * No level given.
 */
unanswered: number, };

/**
 * A level as listed to the page.
 */
export type LevelView = { 
/**
 * Level id, such as `not_known`.
 */
id: string, 
/**
 * Label, such as "Not known".
 */
label: string, };

/**
 * One step of "what would lift this judgement".
 */
export type LiftStep = { 
/**
 * The statement to improve.
 */
statementId: string, 
/**
 * Its level now.
 */
from: Level, 
/**
 * The level it needs to reach.
 */
to: Level, };

/**
 * A grade on the four-point scale, or not applicable to this case.
 */
export type Mark = "outstanding" | "good" | "requires_improvement" | "inadequate" | "not_applicable";

/**
 * A second auditor's grading of the same case, for moderation.
 */
export type Moderation = { 
/**
 * The moderating auditor.
 */
auditor: string, 
/**
 * When it was moderated (`YYYY-MM-DD`).
 */
date: string | null, 
/**
 * Grades by criterion id.
 */
grades: { [key in string]: Mark }, 
/**
 * The moderator's overall grade.
 */
overall: Grade | null, };

/**
 * The national (England) figure for an indicator.
 */
export type National = { 
/**
 * The figure, in the indicator's unit.
 */
value: number, 
/**
 * The period it covers.
 */
period: string, 
/**
 * Where it comes from (URL).
 */
source: string, 
/**
 * `V`, `S` or `R`.
 */
tag: Tag, };

/**
 * The next full inspection.
 */
export type Next = { 
/**
 * `short` or `standard`.
 */
kind: InspectionKind, 
/**
 * The route the last inspection led to (`short`, `standard`, `monitoring`), or null.
 */
route: Route | null, 
/**
 * The window for the first on-site day.
 */
window: WindowOut, 
/**
 * The rule that decided it.
 */
rule: RuleRef, 
/**
 * Further rules that moved the window (a pause, priority actions, overdue, the exit rule).
 */
notes: Array<RuleRef>, 
/**
 * The record's counts of the next inspection's kind for authorities whose last inspection
 * had the same grade pattern, when the last inspection was graded overall (before April 2026)
 * and the record has the pattern; null otherwise.
 */
kindChances?: KindChances | null, };

/**
 * How many authorities whose earlier inspection's grades followed a pattern had a short, or a
 * standard, inspection next.
 */
export type NextKind = { 
/**
 * The pattern's id, such as `good_all_good` ([`crate::pathway::base_rates::kind_pattern`]).
 */
pattern: string, 
/**
 * The pattern in words, such as "good overall with every judgement good or better".
 */
label: string, 
/**
 * Pairs whose next inspection was short.
 */
short: number, 
/**
 * Pairs whose next inspection was standard (or any other kind).
 */
standard: number, };

/**
 * A notice the page shows wherever a framework is named (a change Ofsted has announced).
 */
export type Notice = { 
/**
 * The notice in plain English.
 */
text: string, 
/**
 * Where it comes from (URL).
 */
source: string, 
/**
 * `V`, `D`, `S`, `U` or `R`.
 */
tag: Tag, };

/**
 * A saved file, opened.
 */
export type Opened = { 
/**
 * What could be read (the default, empty assessment when `fatal`).
 */
assessment: Assessment, 
/**
 * Everything wrong, each naming its field; at most [`MAX_PROBLEMS`] + 1.
 */
problems: Array<Problem>, 
/**
 * True when the file cannot be opened at all; otherwise `problems` are warnings about parts
 * that were left out.
 */
fatal: boolean, };

/**
 * Overall effectiveness probabilities.
 */
export type OverallProbabilities = { 
/**
 * The probabilities.
 */
probabilities: Probabilities, };

/**
 * Overall effectiveness.
 */
export type OverallResult = { 
/**
 * The grade, `None` while a judgement it needs is ungraded.
 */
grade: Grade | null, 
/**
 * The grade's label.
 */
label: string | null, 
/**
 * Why.
 */
reasons: Array<Reason>, };

/**
 * One valid participant file.
 */
export type Participant = { 
/**
 * The file name.
 */
name: string, 
/**
 * The participant's name in the file, if given.
 */
participant: string | null, 
/**
 * Projected grades by judgement id (`null` when too little is answered).
 */
judgements: { [key in string]: Grade | null }, };

/**
 * One participant's projected grade for a judgement.
 */
export type ParticipantGrade = { 
/**
 * The participant's display name (the name in the file, or the file name).
 */
name: string, 
/**
 * The projected grade.
 */
grade: Grade | null, 
/**
 * Whether it equals the reference grade (`null` without a reference).
 */
matchesReference: boolean | null, };

/**
 * The result of [`pathway`].
 */
export type PathwayResult = { 
/**
 * The next full inspection, or null when `today` is unusable.
 */
next: Next | null, 
/**
 * The expected sequence, by likely date.
 */
events: Array<Event>, 
/**
 * Every adjustable figure used.
 */
assumptions: Array<Assumption>, 
/**
 * Validation problems as data.
 */
problems: Array<Problem>, 
/**
 * Transition counts and interval spreads from real inspections, with attribution.
 */
baseRates: BaseRates, };

/**
 * Probability of each grade, and of no grade (too little answered).
 */
export type Probabilities = { 
/**
 * Outstanding.
 */
outstanding: number, 
/**
 * Good.
 */
good: number, 
/**
 * Requires improvement.
 */
requires_improvement: number, 
/**
 * Inadequate.
 */
inadequate: number, 
/**
 * No grade.
 */
none: number, };

/**
 * One thing wrong with the caller's input.
 */
export type Problem = { 
/**
 * The field the problem is about, as a dotted path into the input, such as
 * `assessedOn` or `answers.hp_front_door.level`. Empty for the input as a whole.
 */
field: string, 
/**
 * What kind of problem it is.
 */
code: Code, 
/**
 * The message a user reads in the error summary and beside the field, such as
 * "The date of this self-evaluation must be a real date".
 */
message: string, };

/**
 * One reason behind a grade.
 */
export type Reason = { 
/**
 * Plain English.
 */
text: string, 
/**
 * The rule that decided it, if any.
 */
ruleId: string | null, 
/**
 * The statements involved.
 */
statements: Array<string>, 
/**
 * The rule's tag (`V`, `S`, `R`), so the page can mark outcomes resting on assumptions.
 */
tag: Tag | null, };

/**
 * What [`review`] returns: the score, the pathway under the projected grades, and every problem
 * with the assessment that a user should see, each naming its field.
 */
export type ReviewResult = { 
/**
 * The answers scored, as `score(assessment)` gives it (its `problems` are the reader's).
 */
score: ScoreResult, 
/**
 * The inspection pathway from the history and the projected grades, as `pathway(…)` gives it.
 */
pathway: PathwayResult, 
/**
 * Every problem for the user: the reader's, the self-evaluation dated after today, and the
 * inspection history's (fields under `history.`), in that order, each once.
 */
problems: Array<Problem>, };

/**
 * The route after a full inspection.
 */
export type Route = "short" | "standard" | "monitoring";

/**
 * Probability of each route after a full inspection.
 */
export type RouteProbabilities = { 
/**
 * A short inspection next.
 */
short: number, 
/**
 * A standard inspection next.
 */
standard: number, 
/**
 * Monitoring as an inadequate authority.
 */
monitoring: number, 
/**
 * Not decidable (a judgement ungraded).
 */
unknown: number, };

/**
 * A scoring rule, as data: what it is for people (text, source, tag) and what it does (`kind`).
 */
export type Rule = { 
/**
 * Stable id, such as `jr_critical_inadequate`.
 */
id: string, 
/**
 * The rule in plain English.
 */
text: string, 
/**
 * Where it comes from (URL).
 */
source: string, 
/**
 * `V`, `S` or `R`.
 */
tag: Tag, } & ({ "kind": "completeness", 
/**
 * Share of statements (percent) that must be answered.
 */
minAnsweredPercent: number, } | { "kind": "known_share", 
/**
 * Share of statements (percent) that must be answered with a level other than not known.
 */
minKnownPercent: number, } | { "kind": "not_known_counts_as", 
/**
 * The grade it counts as.
 */
countsAs: Grade, } | { "kind": "best_fit", 
/**
 * Average for outstanding.
 */
outstandingAt: number, 
/**
 * Average for good.
 */
goodAt: number, 
/**
 * Average for requires improvement.
 */
requiresImprovementAt: number, } | { "kind": "critical_inadequate", 
/**
 * The limit.
 */
cap: Grade, } | { "kind": "leaders_critical_inadequate", 
/**
 * The limit.
 */
cap: Grade, 
/**
 * Where the record shows how often leaders were inadequate below the cap: in `inadequate_in`
 * of every `of` inspections with practice inadequate. The simulation leans to it (a run with
 * a safety-critical statement inadequate has leaders inadequate in that share of runs); the
 * score keeps the cap. Both or neither (checked when compiled).
 */
inadequateIn?: number, 
/**
 * Out of how many (see `inadequate_in`).
 */
of?: number, } | { "kind": "leaders_critical_not_known", 
/**
 * The limit.
 */
cap: Grade, } | { "kind": "widespread_weakness", 
/**
 * Share (percent) at RI or below that caps at RI.
 */
weakPercent: number, 
/**
 * Share (percent) inadequate that makes the judgement inadequate.
 */
inadequatePercent: number, } | { "kind": "outstanding_needs_all_good", 
/**
 * The limit when one is below good.
 */
cap: Grade, } | { "kind": "cap", 
/**
 * The limit.
 */
cap: Grade, 
/**
 * The limit under the strict option (overall effectiveness, leaders inadequate).
 */
strictCap?: Grade | null, 
/**
 * Conditions that must all hold.
 */
whenAll?: Array<Condition>, 
/**
 * Conditions of which one must hold (when given).
 */
whenAny?: Array<Condition>, } | { "kind": "weighted_best_fit", 
/**
 * Weight per judgement id.
 */
weights: Array<Weight>, } | { "kind": "own_statements" });

/**
 * A rule or step with its source, as shown to people.
 */
export type RuleRef = { 
/**
 * Stable id.
 */
id: string, 
/**
 * The rule in prose.
 */
text: string, 
/**
 * Source URL.
 */
source: string, 
/**
 * `V`, `S` or `R`.
 */
tag: Tag, };

/**
 * A scenario in the list.
 */
export type ScenarioSummary = { 
/**
 * Stable id.
 */
id: string, 
/**
 * The authority's name, ending "(fictional)".
 */
name: string, 
/**
 * Always true.
 */
fictional: boolean, 
/**
 * The route.
 */
route: Storyline, 
/**
 * The route in plain English.
 */
routeName: string, 
/**
 * The framework id.
 */
framework: string, 
/**
 * One sentence.
 */
summary: string, };

/**
 * A scenario in full, as the page receives it.
 */
export type ScenarioView = { 
/**
 * The one-page briefing.
 */
briefing: Array<BriefingSection>, 
/**
 * Facilitator notes.
 */
facilitator: Facilitator, 
/**
 * The reference answers.
 */
reference: Assessment, 
/**
 * Where a participant starts: the reference without answers, marked with the scenario id.
 */
participantStart: Assessment, 
/**
 * Stable id.
 */
id: string, 
/**
 * The authority's name, ending "(fictional)".
 */
name: string, 
/**
 * Always true.
 */
fictional: boolean, 
/**
 * The route.
 */
route: Storyline, 
/**
 * The route in plain English.
 */
routeName: string, 
/**
 * The framework id.
 */
framework: string, 
/**
 * One sentence.
 */
summary: string, };

/**
 * The full result of scoring.
 */
export type ScoreResult = { 
/**
 * The framework scored against.
 */
framework: string, 
/**
 * The judgements with statements, in report order.
 */
judgements: Array<JudgementResult>, 
/**
 * Overall effectiveness, `None` for frameworks without it.
 */
overall: OverallResult | null, 
/**
 * Statements below good or not known, critical first then worst first.
 */
actionPlan: Array<ActionItem>, 
/**
 * Indicators the user entered.
 */
indicators: Array<IndicatorResult>, 
/**
 * Ratings the answers themselves contradict (never a change of grade).
 */
challenges: Array<ChallengeResult>, 
/**
 * Problems found while reading the input.
 */
problems: Array<Problem>, 
/**
 * What the case-file audits say (on the self-evaluation's date), when there are any; left
 * out otherwise, so a file without audits scores exactly as before.
 */
audits?: AuditEvidence, };

/**
 * The simulation's uncertainty model (see [`crate::scoring::simulate`]).
 */
export type SimulationModel = { 
/**
 * Probability (basis points) that a level with no evidence is one step off.
 */
differMax: number, 
/**
 * Probability (basis points) that a fully evidenced level is one step off.
 */
differMin: number, 
/**
 * Share of that probability that goes one step down (the rest goes up).
 */
downSharePercent: number, 
/**
 * Distribution of the true level of a not-known answer: inadequate, RI, good, outstanding (basis points).
 */
notKnown: [number, number, number, number], 
/**
 * Why the model is as it is, in plain English (what the sources support, what is assumed).
 */
text: string, 
/**
 * `R`.
 */
tag: Tag, 
/**
 * Source (URL).
 */
source: string, };

/**
 * The simulation's result.
 */
export type SimulationResult = { 
/**
 * Runs made.
 */
runs: number, 
/**
 * The seed used.
 */
seed: number, 
/**
 * Per judgement with statements, in report order.
 */
judgements: Array<JudgementProbabilities>, 
/**
 * Overall effectiveness, `None` for frameworks without it.
 */
overall: OverallProbabilities | null, 
/**
 * Routes.
 */
routes: RouteProbabilities, 
/**
 * The uncertainty model used: the framework's, with the user's changes.
 */
model: SimulationModel, };

/**
 * One statement of what good practice looks like.
 */
export type Statement = { 
/**
 * Stable id prefixed by its area, such as `hp_front_door`.
 */
id: string, 
/**
 * The statement, in our own words.
 */
text: string, 
/**
 * What inspectors look at.
 */
hint: string, 
/**
 * Safety-critical: a serious failure here alone can make the judgement inadequate.
 */
critical: boolean, 
/**
 * Where the theme comes from (URL).
 */
source: string, 
/**
 * `V`, `D`, `S`, `U` or `R`.
 */
tag: Tag, 
/**
 * The framework version that added or reworded it ("April 2026"); empty for the shared
 * statements every ILACS version has (set from a framework file's `add` and `replace`).
 */
changedIn?: string, };

/**
 * What the audits say about one statement.
 */
export type StatementAudits = { 
/**
 * The statement id.
 */
statement: string, 
/**
 * Audited cases in the window with a graded criterion for this statement.
 */
cases: number, 
/**
 * The earliest and latest audit dates among them.
 */
first: string | null, 
/**
 * The latest audit date.
 */
last: string | null, 
/**
 * Cases by grade, worst first: inadequate, requires improvement, good, outstanding.
 */
byGrade: [number, number, number, number], 
/**
 * Cases graded good or better.
 */
goodOrBetter: number, 
/**
 * The 95% Wilson interval of the share good or better, in whole percent (low, high; rounded
 * down and up).
 */
interval: [number, number], 
/**
 * The worst grade seen.
 */
worst: Grade | null, 
/**
 * The highest rating the audits support; `None` with too few cases.
 */
supports: Level | null, 
/**
 * The self-rating, if answered.
 */
rating: Level | null, };

/**
 * How the group rated one statement.
 */
export type StatementComparison = { 
/**
 * Statement id.
 */
id: string, 
/**
 * Area id.
 */
area: string, 
/**
 * Statement text.
 */
text: string, 
/**
 * Participants at each level.
 */
counts: LevelCounts, 
/**
 * The most common level among those who answered.
 */
mode: Level | null, 
/**
 * Share of answering participants at the mode, 0–1, 2 decimal places.
 */
agreement: number | null, 
/**
 * Grade steps between the lowest and highest graded answer (not known excluded).
 */
spread: number | null, 
/**
 * The reference level, when there is a reference.
 */
reference: Level | null, };

/**
 * The story a scenario illustrates (its `route` in the data and the API): where the authority
 * stands and which way it is going.
 */
export type Storyline = "good_slipping" | "ri_improving" | "inadequate_monitoring" | "outstanding_one_weak_area";

/**
 * The tag of a fact or rule, written as its letter in the data and the API.
 *
 * The page shows the three tags that are not verified (`S`, `U`, `R`) in words wherever a fact
 * or rule with one of them decides an outcome.
 */
export type Tag = "V" | "D" | "S" | "U" | "R";

/**
 * How many times overall effectiveness went from one grade to another at the next inspection.
 */
export type Transition = { 
/**
 * Grade at the earlier inspection.
 */
from: Grade, 
/**
 * Grade at the next inspection.
 */
to: Grade, 
/**
 * Number of pairs.
 */
count: number, };

/**
 * An indicator's unit (`percent` or `number` in the data and the API).
 */
export type Unit = "percent" | "number";

/**
 * A judgement's weight in a weighted best fit.
 */
export type Weight = { 
/**
 * The judgement id.
 */
judgement: string, 
/**
 * Its weight.
 */
weight: number, };

/**
 * A window as JSON: `{ earliest, latest, likely }`, dates `YYYY-MM-DD`.
 */
export type WindowOut = { 
/**
 * Earliest date.
 */
earliest: string, 
/**
 * Latest date.
 */
latest: string, 
/**
 * Most likely date.
 */
likely: string, };
