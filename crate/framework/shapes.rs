// The shapes of the framework and scenario-index data files (`crate/data/frameworks/**, scenarios/*`), and nothing else: `build.rs`
// compiles this file too, reads each file into these types and bakes the values into Rust code
// (databake), so the core carries the data as constructors, with no reader for it. Every field is
// named once. (No inner doc comments: `build.rs` includes this file with `include!`.)
use crate::model::grade::Grade;
use crate::model::inspection::InspectionKind;
use crate::model::source::Tag;
use crate::support::embedded::{List, Text};
use serde::{Deserialize, Serialize};

fn one() -> u32 {
    1
}

fn yes() -> bool {
    true
}

fn ilacs() -> Text {
    Text::Borrowed("ilacs")
}

/// One statement of what good practice looks like.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
#[serde(rename_all(serialize = "camelCase"))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub struct Statement {
    /// Stable id prefixed by its area, such as `hp_front_door`.
    pub id: Text,
    /// The statement, in our own words.
    pub text: Text,
    /// What inspectors look at.
    pub hint: Text,
    /// Safety-critical: a serious failure here alone can make the judgement inadequate.
    #[serde(default)]
    pub critical: bool,
    /// Where the theme comes from (URL).
    pub source: Text,
    /// `V`, `D`, `S`, `U` or `R`.
    pub tag: Tag,
    /// The framework version that added or reworded it ("April 2026"); empty for the shared
    /// statements every ILACS version has (set from a framework file's `add` and `replace`).
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub changed_in: Text,
}

/// A statement a framework version adds to one of the shared areas (`[[add]]` in its file).
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::framework::shapes)]
pub struct AddedStatement {
    /// The shared area it joins (at the end).
    pub area: Text,
    /// The statement itself.
    #[serde(flatten)]
    pub statement: Statement,
}

/// A framework version's changes to the shared areas, by statement id: statements it leaves out,
/// rewords (same id, so answers carry over) and adds. Applied in that order; checked when compiled.
#[derive(Debug, Clone, Default, Deserialize, databake::Bake)]
#[databake(path = crate::framework::shapes)]
pub struct Overlay {
    /// The label shown beside what it adds or rewords, such as "April 2026".
    #[serde(default)]
    pub label: Text,
    /// Statement ids left out.
    #[serde(default)]
    pub drop: List<Text>,
    /// Statements reworded: each id must already be in the shared areas.
    #[serde(default)]
    pub replace: List<Statement>,
    /// Statements added: each id must be new.
    #[serde(default)]
    pub add: List<AddedStatement>,
}

/// A notice the page shows wherever a framework is named (a change Ofsted has announced).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
pub struct Notice {
    /// The notice in plain English.
    pub text: Text,
    /// Where it comes from (URL).
    pub source: Text,
    /// `V`, `D`, `S`, `U` or `R`.
    pub tag: Tag,
}

/// A heading the indicators are grouped under: a National Framework outcome or enabler.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
pub struct IndicatorGroup {
    /// Stable id, such as `o1_help`.
    pub id: Text,
    /// Heading shown to people.
    pub name: Text,
    /// Where it comes from (URL).
    pub source: Text,
    /// `V`, `D`, `S`, `U` or `R`.
    pub tag: Tag,
}

/// The national (England) figure for an indicator.
#[derive(Debug, Clone, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
pub struct National {
    /// The figure, in the indicator's unit.
    pub value: f64,
    /// The period it covers.
    pub period: Text,
    /// Where it comes from (URL).
    pub source: Text,
    /// `V`, `S` or `R`.
    pub tag: Tag,
}

/// An indicator's unit (`percent` or `number` in the data and the API).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A percentage, 0–100.
    Percent,
    /// A plain number, such as a caseload.
    Number,
}

/// Which way an indicator is better (`higher_is_better`, `lower_is_better` or `neither`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Higher values are better.
    HigherIsBetter,
    /// Lower values are better.
    LowerIsBetter,
    /// Neither is better in itself (a rate of children in need, in care or on plans): a value far
    /// from England is "higher" or "lower", for leaders to explain.
    Neither,
}

/// What an indicator's figure is compared with (`compare_with` in the data): England, the average
/// of the authority's ten DfE statistical neighbours, or its region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// The England figure (`national`), always held.
    England,
    /// The statistical neighbours' average, held when the figures were filled from the published ones.
    Neighbours,
    /// The region's figure, held the same way.
    Region,
}

/// When an indicator counts as worse (`[comparison]` in the indicators file): worse than every
/// comparator listed, each beyond the indicator's tolerance. Comparators the self-evaluation does
/// not hold are left out; England is always held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
#[serde(rename_all(serialize = "camelCase"))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub struct ComparisonRule {
    /// The comparators a figure must be worse than, all of them.
    pub compare_with: List<Comparator>,
    /// The rule in plain English.
    pub text: Text,
    /// Where the evidence for it is (URL).
    pub source: Text,
    /// Its tag.
    pub tag: Tag,
}

/// A sector indicator the user can enter.
#[derive(Debug, Clone, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
#[serde(rename_all(serialize = "camelCase"))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub struct Indicator {
    /// Stable id, such as `sw_turnover`.
    pub id: Text,
    /// Name shown to people.
    pub name: Text,
    /// The National Framework outcome or enabler it is grouped under (an [`IndicatorGroup`] id;
    /// empty in the 2023 set, which has no groups).
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub group: Text,
    /// The indicator's unit.
    pub unit: Unit,
    /// Which way is better.
    pub direction: Direction,
    /// The England figure.
    pub national: National,
    /// Leaders are likely to be asked about it when it is worse than national.
    #[serde(default)]
    pub risk_factor: bool,
    /// Within this distance of national (in the unit) a value is "similar".
    pub similar_within: f64,
    /// Below this a value is unusual in itself (for example near-zero repeat plans).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub unusually_low: Option<f64>,
    /// Smallest valid value.
    pub min: f64,
    /// Largest valid value.
    pub max: f64,
}

/// Where evidence for an answer comes from.
#[derive(Debug, Clone, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
pub struct EvidenceSource {
    /// Stable id, such as `case_audit`.
    pub id: Text,
    /// Label shown to people.
    pub label: Text,
    /// How much this source firms up a stated level in the simulation (basis points) [R].
    pub weight: u32,
    /// `V`, `S` or `R`.
    pub tag: Tag,
    /// Source (URL).
    pub source: Text,
}

/// The simulation's uncertainty model (see [`crate::scoring::simulate`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
#[serde(rename_all(serialize = "camelCase"))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub struct SimulationModel {
    /// Probability (basis points) that a level with no evidence is one step off.
    pub differ_max: u32,
    /// Probability (basis points) that a fully evidenced level is one step off.
    pub differ_min: u32,
    /// Share of that probability that goes one step down (the rest goes up).
    pub down_share_percent: u32,
    /// Distribution of the true level of a not-known answer: inadequate, RI, good, outstanding (basis points).
    pub not_known: [u32; 4],
    /// Why the model is as it is, in plain English (what the sources support, what is assumed).
    pub text: Text,
    /// `R`.
    pub tag: Tag,
    /// Source (URL).
    pub source: Text,
}

/// A consistency challenge: a rating the self-evaluation's own answers contradict (it never changes
/// a grade).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
pub struct Challenge {
    /// Stable id, such as `ch_leaders_know_practice`.
    pub id: Text,
    /// What contradicts the rating.
    #[serde(flatten)]
    pub kind: ChallengeKind,
    /// The statements whose rating is questioned.
    pub statements: List<Text>,
    /// The rating from which it is questioned.
    pub at_least: Grade,
    /// The challenge in plain English; `{judgements}` and `{indicators}` name what applies.
    pub text: Text,
    /// Where it comes from (URL).
    pub source: Text,
    /// `V`, `S` or `R`.
    pub tag: Tag,
}

/// What contradicts a challenged rating (`kind` in the data).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChallengeKind {
    /// A practice judgement graded this low on the same answers.
    PracticeBelow {
        /// The judgements looked at.
        judgements: List<Text>,
        /// The grade at or below which one contradicts the rating.
        judgement_at_most: Grade,
    },
    /// Indicators worse than every comparator listed (see [`ComparisonRule`]).
    IndicatorsWorse {
        /// The indicators looked at.
        indicators: List<Text>,
        /// The comparators each must be worse than (England alone where the others are not held).
        compare_with: List<Comparator>,
        /// How many of them must be worse for the challenge to apply.
        #[serde(default = "one")]
        min_indicators: u32,
    },
}

/// The consistency challenges file.
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::framework::shapes)]
pub struct ChallengesFile {
    pub challenge: List<Challenge>,
}

/// "Judgement is at most this grade", a condition in an overall-effectiveness rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
#[serde(rename_all(serialize = "camelCase"))]
#[cfg_attr(test, ts(rename_all = "camelCase"))]
pub struct Condition {
    /// The judgement id.
    pub judgement: Text,
    /// The grade it must be at most.
    pub at_most: Grade,
}

/// A judgement's weight in a weighted best fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
pub struct Weight {
    /// The judgement id.
    pub judgement: Text,
    /// Its weight.
    pub weight: u32,
}

/// A scoring rule, as data: what it is for people (text, source, tag) and what it does (`kind`).
#[derive(Debug, Clone, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
pub struct Rule {
    /// Stable id, such as `jr_critical_inadequate`.
    pub id: Text,
    /// What the rule does, with its parameters (written beside `id` in the data and the API:
    /// `kind = "best_fit"`, `good_at = 175`, …).
    #[serde(flatten)]
    pub kind: RuleKind,
    /// The rule in plain English.
    pub text: Text,
    /// Where it comes from (URL).
    pub source: Text,
    /// `V`, `S` or `R`.
    pub tag: Tag,
}

/// What a rule does. The judgement rules come first (each kind at most once per framework), then
/// the rules for the overall judgement: caps, and one base (`weighted_best_fit` or
/// `own_statements`). Read from the data with snake_case keys; shown to the page in camelCase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields(serialize = "camelCase"))]
#[cfg_attr(test, ts(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase"))]
pub enum RuleKind {
    /// A judgement is graded only when this share of its statements is answered.
    Completeness {
        /// Share of statements (percent) that must be answered.
        min_answered_percent: u32,
    },
    /// A judgement is projected only when this share of its statements has a known level.
    KnownShare {
        /// Share of statements (percent) that must be answered with a level other than not known.
        min_known_percent: u32,
    },
    /// What a not-known answer counts as (at most requires improvement: checked when compiled).
    NotKnownCountsAs {
        /// The grade it counts as.
        counts_as: Grade,
    },
    /// The best fit: average points (hundredths) needed for each grade.
    BestFit {
        /// Average for outstanding.
        outstanding_at: u32,
        /// Average for good.
        good_at: u32,
        /// Average for requires improvement.
        requires_improvement_at: u32,
    },
    /// A safety-critical statement at inadequate limits the judgement.
    CriticalInadequate {
        /// The limit.
        cap: Grade,
    },
    /// A safety-critical statement at inadequate, in any judgement, limits the leadership judgement.
    LeadersCriticalInadequate {
        /// The limit.
        cap: Grade,
        /// Where the record shows how often leaders were inadequate below the cap: in `inadequate_in`
        /// of every `of` inspections with practice inadequate. The simulation leans to it (a run with
        /// a safety-critical statement inadequate has leaders inadequate in that share of runs); the
        /// score keeps the cap. Both or neither (checked when compiled).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(test, ts(optional))]
        inadequate_in: Option<u32>,
        /// Out of how many (see `inadequate_in`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(test, ts(optional))]
        of: Option<u32>,
    },
    /// A safety-critical statement not known, in any judgement, limits the leadership judgement (and
    /// no other: not knowing is a finding about leaders, not a grade for the practice). Never below
    /// the `leaders_critical_inadequate` limit, which it needs (checked when compiled).
    LeadersCriticalNotKnown {
        /// The limit.
        cap: Grade,
    },
    /// Widespread weakness: a share at RI or below caps at RI; a share inadequate makes it inadequate.
    WidespreadWeakness {
        /// Share (percent) at RI or below that caps at RI.
        weak_percent: u32,
        /// Share (percent) inadequate that makes the judgement inadequate.
        inadequate_percent: u32,
    },
    /// Outstanding needs every statement good or better.
    OutstandingNeedsAllGood {
        /// The limit when one is below good.
        cap: Grade,
    },
    /// The overall judgement is limited when other judgements are at most some grade.
    Cap {
        /// The limit.
        cap: Grade,
        /// The limit under the strict option (overall effectiveness, leaders inadequate).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        strict_cap: Option<Grade>,
        /// Conditions that must all hold.
        #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
        when_all: List<Condition>,
        /// Conditions of which one must hold (when given).
        #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
        when_any: List<Condition>,
    },
    /// The overall judgement is the weighted best fit of the others.
    WeightedBestFit {
        /// Weight per judgement id.
        weights: List<Weight>,
    },
    /// The overall judgement is graded from its own statements like any judgement.
    OwnStatements,
}

#[derive(Clone, Deserialize, databake::Bake)]
#[databake(path = crate::framework::shapes)]
pub struct AreaData {
    pub id: Text,
    pub name: Text,
    pub judgement: Text,
    pub description: Text,
    #[serde(default)]
    pub statement: List<Statement>,
}

#[derive(Clone, Deserialize, databake::Bake)]
#[databake(path = crate::framework::shapes)]
pub struct AreasFile {
    pub area: List<AreaData>,
}

#[derive(Clone, Deserialize, databake::Bake)]
#[databake(path = crate::framework::shapes)]
pub struct IndicatorsFile {
    #[serde(default)]
    pub group: List<IndicatorGroup>,
    /// None in the frozen 2023 set: England only, as scored then.
    #[serde(default)]
    pub comparison: Option<ComparisonRule>,
    pub indicator: List<Indicator>,
}

#[derive(Clone, Deserialize, databake::Bake)]
#[databake(path = crate::framework::shapes)]
pub struct EvidenceFile {
    pub source: List<EvidenceSource>,
    pub simulation: SimulationModel,
}

#[derive(Clone, Deserialize, databake::Bake)]
#[databake(path = crate::framework::shapes)]
pub struct RulesFile {
    #[serde(default)]
    pub judgement_rule: List<Rule>,
    #[serde(default)]
    pub overall_rule: List<Rule>,
}

#[derive(Clone, Deserialize, databake::Bake)]
#[databake(path = crate::framework::shapes)]
pub struct JudgementData {
    pub id: Text,
    pub name: Text,
    #[serde(default)]
    pub derived: bool,
    /// Graded from its own areas' statements, then limited by the overall rules.
    #[serde(default)]
    pub overall: bool,
    /// The judgement of leadership (ILACS impact of leaders, SCCIF leaders and managers).
    #[serde(default)]
    pub leadership: bool,
    #[serde(default)]
    pub areas: List<Text>,
}

#[derive(Clone, Deserialize, databake::Bake)]
#[databake(path = crate::framework::shapes)]
pub struct FrameworkFile {
    /// Stable id, which is also the file's name (`crate/data/frameworks/<id>.toml`).
    pub id: Text,
    /// How the version is listed to people (build.rs gathers every file's into the catalogue, so a
    /// new version is one new file).
    pub name: Text,
    /// The first date the framework applies to inspections (`YYYY-MM-DD`).
    pub effective_from: Text,
    /// Whether this is the current framework (the default): exactly one.
    #[serde(default)]
    pub current: bool,
    /// `ilacs` (local authorities) or `sccif` (providers).
    #[serde(default = "ilacs")]
    pub family: Text,
    /// Who is inspected, as shown to people.
    #[serde(default)]
    pub provider: Text,
    /// The id of its route rules in `routes.toml` (ILACS versions; build.rs checks it exists).
    #[serde(default)]
    pub routes: Text,
    /// The ids of its audit criteria sets in `audits/criteria.toml`.
    #[serde(default)]
    pub audit_criteria: List<Text>,
    /// What the local-authority pathway needs of it (ILACS versions; build.rs makes the pathway's
    /// framework rows from these, with `effective_from` and the judgements).
    #[serde(default)]
    pub pathway: Option<FrameworkPathway>,
    pub effective_to: Text,
    pub source: Text,
    pub tag: Tag,
    #[serde(default)]
    pub judgement_rules: List<Text>,
    #[serde(default)]
    pub overall_rules: List<Text>,
    pub judgement: List<JudgementData>,
    /// The framework's own areas and statements; when empty, the shared ILACS ones.
    #[serde(default)]
    pub area: List<AreaData>,
    /// Whether the shared (local authority) indicators apply.
    #[serde(default = "yes")]
    pub shared_indicators: bool,
    /// Which shared indicator set: empty for the current one (`shared/indicators.toml`), `2023`
    /// for the set older versions were scored with (`shared/indicators-2023.toml`).
    #[serde(default)]
    pub indicator_set: Text,
    /// Changes to the shared areas for this version (empty: the shared areas as they are).
    #[serde(default)]
    pub overlay: Overlay,
    /// Notices the page shows wherever this framework is named.
    #[serde(default)]
    pub notice: List<Notice>,
    pub inspection_kinds: List<InspectionKind>,
}

/// What the local-authority pathway needs of a framework version beyond its dates and judgements.
#[derive(Clone, Deserialize, databake::Bake)]
#[databake(path = crate::framework::shapes)]
pub struct FrameworkPathway {
    /// What a person must enter for the route to be decided, such as "overall effectiveness".
    pub route_needs: Text,
    /// How an inadequate authority leaves monitoring under this framework.
    pub exit_text: Text,
    /// Source of `exit_text`.
    pub exit_source: Text,
    /// Tag of `exit_text`.
    pub exit_tag: Tag,
}

/// A framework version as listed to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
#[serde(rename_all = "camelCase")]
pub struct FrameworkSummary {
    /// Stable id, such as `ilacs-2026-04`.
    pub id: Text,
    /// Name shown to people.
    pub name: Text,
    /// The first date the framework applies to inspections (`YYYY-MM-DD`).
    #[serde(alias = "effective_from")]
    pub effective_from: Text,
    /// Whether this is the current framework (the default): exactly one in the catalogue.
    pub current: bool,
    /// The inspection family: `ilacs` (local authorities) or `sccif` (providers: children's homes,
    /// fostering agencies). The page groups frameworks by it; the pathway dispatches on it.
    #[serde(default = "ilacs")]
    pub family: Text,
    /// Who is inspected, as shown to people, such as "Local authority children's services".
    #[serde(default)]
    pub provider: Text,
}

#[derive(Clone, Debug, Deserialize, databake::Bake)]
#[databake(path = crate::framework::shapes)]
pub struct Index {
    pub framework: List<FrameworkSummary>,
}

/// The story a scenario illustrates (its `route` in the data and the API): where the authority
/// stands and which way it is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::framework::shapes)]
#[serde(rename_all = "snake_case")]
pub enum Storyline {
    /// A good authority slipping.
    GoodSlipping,
    /// An authority that requires improvement and is improving.
    RiImproving,
    /// An inadequate authority under monitoring.
    InadequateMonitoring,
    /// An outstanding authority with a single weak area.
    OutstandingOneWeakArea,
}

/// A scenario as `scenarios/index.json` lists it (build.rs writes it from the scenario files).
#[derive(Clone, Deserialize, databake::Bake)]
#[databake(path = crate::framework::shapes)]
pub struct Listed {
    pub id: Text,
    pub name: Text,
    pub fictional: bool,
    pub route: Storyline,
    pub framework: Text,
    pub summary: Text,
}
