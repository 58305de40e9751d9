// The shapes of the pathway, bank-holiday and base-rate data files (`crate/data/pathway/*, calendar/*, base_rates.toml`), and nothing else: `build.rs`
// compiles this file too, reads each file into these types and bakes the values into Rust code
// (databake), so the core carries the data as constructors, with no reader for it. Every field is
// named once. (No inner doc comments: `build.rs` includes this file with `include!`.)
use crate::model::grade::Grade;
use crate::model::inspection::InspectionKind;
use crate::model::source::Tag;
use crate::scoring::shapes::Route;
use crate::support::embedded::{List, Text};
use serde::{Deserialize, Serialize};

/// A framework as the pathway needs it: id, start date and judgement ids.
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct FrameworkRules {
    /// Framework id, such as `ilacs-2026-04`.
    pub id: Text,
    /// First day it applies to inspections (by start date).
    pub from: Text,
    /// The judgement ids it grades.
    pub judgements: List<Text>,
    /// What a person must enter for the route to be decided, such as "overall effectiveness".
    pub route_needs: Text,
    /// How an inadequate authority leaves monitoring under this framework.
    pub exit_text: Text,
    /// Source of `exit_text`.
    pub exit_source: Text,
    /// Tag of `exit_text`.
    pub exit_tag: Tag,
}

/// A known pause in inspection.
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct Pause {
    /// Stable id, such as `covid_2020`.
    pub id: Text,
    /// First day of the pause.
    pub from: Text,
    /// Day inspections resumed.
    pub to: Text,
    /// Routes whose whole window moves later by the part of the pause inside the cycle.
    pub shifts: List<Route>,
    /// The pause in prose.
    pub text: Text,
    /// Source URL.
    pub source: Text,
    /// `V`, `S` or `R`.
    pub tag: Tag,
}

/// A pre-election period, in which Ofsted holds local authority reports until after polling day.
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct Election {
    /// Stable id, such as `local_2026`.
    pub id: Text,
    /// First day reports are held (the notice of election; for a general election, the start of
    /// the pre-election period).
    pub from: Text,
    /// Polling day.
    pub to: Text,
    /// Holds every authority (a general election); otherwise only the authorities with a poll
    /// that May in the calendar of polls (`polls.toml`), as the `election_pause` setting says.
    #[serde(default)]
    pub everyone: bool,
    /// The period in prose.
    pub text: Text,
    /// Source URL.
    pub source: Text,
    /// `V`, `D`, `S`, `U` or `R`.
    pub tag: Tag,
}

/// A council's cycle of elections: the years whose May has a poll (`cycle` rows of `polls.toml`).
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct PollCycle {
    /// Stable id, such as `county`.
    pub id: Text,
    /// The poll in words, such as "county council elections".
    pub poll: Text,
    /// The years with a poll in May, within the calendar's span.
    pub years: List<i32>,
    /// The cycle in prose.
    pub text: Text,
    /// Source URL.
    pub source: Text,
    /// `V`, `D`, `S`, `U` or `R`.
    pub tag: Tag,
}

/// An authority in the calendar of polls, by ONS code, with its council's cycle.
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct PollAuthority {
    /// ONS code, such as `E06000014` (`la_code_new` in the record's lookup).
    pub ons: Text,
    /// Name, for people reading the file.
    pub name: Text,
    /// The id of its council's cycle.
    pub cycle: Text,
    /// First year it existed as a children's services authority (0 = before the calendar).
    #[serde(default)]
    pub first: i32,
    /// Last year it existed (0 = still does).
    #[serde(default)]
    pub last: i32,
    /// Anything particular, in prose.
    #[serde(default)]
    pub note: Text,
    /// Source URL.
    pub source: Text,
    /// How sure we are that it follows the cycle: `V`, `D`, `S`, `U` or `R`.
    pub tag: Tag,
}

/// A poll over an area wider than one council (mayor of London, police and crime commissioners,
/// combined-authority mayors).
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct AreaPoll {
    /// Stable id, such as `pcc_2024`.
    pub id: Text,
    /// The poll in words.
    pub poll: Text,
    /// The years with the poll in May.
    pub years: List<i32>,
    /// The authorities it covers (by ONS code), when listed.
    #[serde(default)]
    pub members: Option<List<Text>>,
    /// The authorities it does not cover, when `members` is not given: it covers every other.
    #[serde(default)]
    pub outside: List<Text>,
    /// The poll in prose.
    pub text: Text,
    /// Source URL.
    pub source: Text,
    /// `V`, `D`, `S`, `U` or `R`.
    pub tag: Tag,
}

/// A change to some authorities' cycles (a postponement, a cancelled poll).
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct PollChange {
    /// Stable id, such as `deferred_2025`.
    pub id: Text,
    /// The authorities changed (by ONS code).
    pub members: List<Text>,
    /// Years their cycle no longer has.
    pub skip: List<i32>,
    /// Years added to their cycle.
    pub add: List<i32>,
    /// The change in prose.
    pub text: Text,
    /// Source URL.
    pub source: Text,
    /// `V`, `D`, `S`, `U` or `R`.
    pub tag: Tag,
}

/// The calendar of polls that hold an authority's reports (`crate/data/pathway/polls.toml`).
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct PollsFile {
    /// Version of the file, a date.
    pub version: Text,
    /// First year covered.
    pub first_year: i32,
    /// Last year covered.
    pub last_year: i32,
    /// Council cycles.
    pub cycle: List<PollCycle>,
    /// Every authority of the record's lookup.
    pub authority: List<PollAuthority>,
    /// Polls over wider areas.
    pub area: List<AreaPoll>,
    /// Changes to cycles.
    pub change: List<PollChange>,
}

/// A period of the year with no inspection fieldwork (inspection season, from the record).
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct Closed {
    /// Stable id, such as `august`.
    pub id: Text,
    /// First closed day, as `MM-DD`.
    pub from: Text,
    /// Last closed day, as `MM-DD` (earlier than `from` when the period crosses the new year).
    pub to: Text,
    /// The period in prose.
    pub text: Text,
    /// Source URL.
    pub source: Text,
    /// `V`, `D`, `S`, `U` or `R`.
    pub tag: Tag,
}

/// A rule or step with its source, as shown to people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::pathway::shapes)]
pub struct RuleRef {
    /// Stable id.
    pub id: Text,
    /// The rule in prose.
    pub text: Text,
    /// Source URL.
    pub source: Text,
    /// `V`, `S` or `R`.
    pub tag: Tag,
}

/// What kind of step an event is (the page draws each kind its own way).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::pathway::shapes)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The annual self-evaluation and engagement meeting.
    Annual,
    /// A visit: focused, monitoring, assurance or action planning.
    Visit,
    /// Something due: a plan or a letter.
    Deadline,
    /// The notice call before an inspection.
    Notice,
    /// An inspection on site.
    Inspection,
    /// A report published.
    Publication,
    /// Intervention by the Department for Education.
    Intervention,
}

#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
/// An event's text and source, as data (the local authority pathway's and the providers').
pub struct EventDef {
    pub id: Text,
    pub kind: EventKind,
    pub title: Text,
    pub description: Text,
    pub source: Text,
    pub tag: Tag,
}

/// The pathway rules data file.
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct RulesData {
    /// Version of the file.
    pub version: Text,
    /// Local authority events likely on or after this day carry the `later_framework_2027` note.
    pub later_framework_from: Text,
    /// Accepted intervention kinds.
    pub intervention_kinds: List<Text>,
    /// Frameworks, newest first: made by build.rs from the framework files (their dates,
    /// judgements and `[pathway]` table), never written in rules.toml.
    #[serde(default)]
    pub framework: List<FrameworkRules>,
    /// Known pauses.
    pub pause: List<Pause>,
    /// Pre-election periods that hold publication.
    pub election: List<Election>,
    /// Periods of the year with no fieldwork: an inspection's on-site days never fall in one.
    pub closed: List<Closed>,
    /// Window rules.
    pub rule: List<RuleRef>,
    pub event: List<EventDef>,
}

/// An adjustable figure, with the value used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::pathway::shapes)]
#[serde(rename_all = "camelCase")]
pub struct Assumption {
    /// Stable id, such as `report_lag_working_days`.
    pub id: Text,
    /// What it is, in words.
    pub label: Text,
    /// The value used (the default unless overridden).
    #[serde(default)]
    pub value: f64,
    /// The default.
    pub default: f64,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// `months`, `working days`, …
    pub unit: Text,
    /// For a setting rather than a figure: what each whole value from `min` means, in words (the
    /// page offers them as a choice). Absent for a figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub choices: Option<List<Text>>,
    /// Source URL.
    pub source: Text,
    /// `V`, `S` or `R`.
    pub tag: Tag,
}

#[derive(Clone, Debug, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct AssumptionFile {
    /// Ids no longer used: a stored override of one is ignored.
    #[serde(default)]
    pub retired: List<Text>,
    pub assumption: List<Assumption>,
}

/// One holiday rule, as data.
#[derive(Debug, Clone, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::pathway::shapes)]
pub struct HolidayRule {
    /// Stable id, such as `early_may`.
    pub id: Text,
    /// Name shown to people.
    pub title: Text,
    /// How the day is found.
    #[serde(flatten)]
    pub kind: HolidayKind,
    /// Whether a weekend date is substituted by the next free weekday.
    #[serde(default)]
    pub substitute: bool,
    /// The rule in prose.
    pub text: Text,
    /// Where the rule comes from (URL).
    pub source: Text,
    /// `V`, `S` or `R`.
    pub tag: Tag,
}

/// How a bank holiday's day is found each year (`kind` in the data).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::pathway::shapes)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HolidayKind {
    /// The same day every year.
    Fixed {
        /// Month, 1–12.
        month: u32,
        /// Day of the month.
        day: u32,
    },
    /// Days from Easter Sunday (Gregorian computus).
    Easter {
        /// Days from Easter Sunday (negative before it).
        offset_days: i64,
    },
    /// The n-th Monday of a month.
    NthWeekday {
        /// Month, 1–12.
        month: u32,
        /// Which Monday (1 = the first).
        nth: u8,
    },
    /// The last Monday of a month.
    LastWeekday {
        /// Month, 1–12.
        month: u32,
    },
}

/// A one-off change to the rules.
#[derive(Debug, Clone, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::pathway::shapes)]
pub struct HolidayChange {
    /// Stable id, such as `2023_coronation`.
    pub id: Text,
    /// What changes.
    #[serde(flatten)]
    pub kind: ChangeKind,
    /// The date of the holiday.
    pub date: Text,
    /// Name shown to people.
    pub title: Text,
    /// Where the change is announced (URL).
    pub source: Text,
    /// `V`, `S` or `R`.
    pub tag: Tag,
}

/// What a one-off change does (`kind` in the data).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::pathway::shapes)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeKind {
    /// The rule's day in that year becomes `date`.
    Move {
        /// The id of the rule moved.
        rule: Text,
    },
    /// An added holiday.
    Extra,
}

/// The versioned bank-holiday table.
#[derive(Debug, Clone, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::pathway::shapes)]
pub struct HolidayTable {
    /// Version of the table, a date.
    pub version: Text,
    /// First covered year.
    pub coverage_from: i32,
    /// Last covered year.
    pub coverage_to: i32,
    /// The overall source.
    pub source: Text,
    /// The rules.
    pub rule: List<HolidayRule>,
    /// The one-off changes.
    pub change: List<HolidayChange>,
}

/// How a window rule finds the window (`kind` in the data); the figures are assumption ids.
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WindowKind {
    /// By the end of an inspection cycle of `years` inspection years starting on `year_start`.
    YearCycle {
        /// The assumption id for the cycle's length in years.
        years: Text,
        /// The month-day a cycle starts, such as `04-01`.
        year_start: Text,
        /// Which cycle.
        starts: CycleStart,
    },
    /// `earliest`, `likely` and `latest` months after the last inspection.
    MonthsAfter {
        /// Assumption id of the earliest month.
        earliest: Text,
        /// Assumption id of the likely month.
        likely: Text,
        /// Assumption id of the latest month.
        latest: Text,
    },
}

/// Which inspection cycle a `year_cycle` window is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
#[serde(rename_all = "snake_case")]
pub enum CycleStart {
    /// The first cycle starting after the last inspection.
    Next,
    /// The cycle on or before today.
    Current,
}

/// A rule for the window of the next full inspection.
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct WindowRule {
    /// Stable id, such as `ifa_reinspect_inadequate`.
    pub id: Text,
    /// How the window is found.
    #[serde(flatten)]
    pub kind: WindowKind,
    /// Applies when nothing is recorded.
    #[serde(default)]
    pub no_history: bool,
    /// Applies when the standing grade is one of these.
    #[serde(default)]
    pub grades: List<Grade>,
    /// Applies to anything else (including a missing grade).
    #[serde(default)]
    pub otherwise: bool,
    /// The rule in prose.
    pub text: Text,
    /// Source URL.
    pub source: Text,
    /// `V`, `S` or `R`.
    pub tag: Tag,
}

/// A second visit between full inspections.
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct Visit {
    /// Stable id.
    pub id: Text,
    /// The event it shows as.
    pub event: Text,
    /// The standing grades it follows.
    pub grades: List<Grade>,
    /// The kinds of last inspection it follows.
    pub after_kinds: List<InspectionKind>,
    pub earliest: Text,
    pub latest: Text,
    /// The rule in prose.
    pub text: Text,
    /// Source URL.
    pub source: Text,
    /// `V`, `S` or `R`.
    pub tag: Tag,
}

/// One provider's pathway, as data.
#[derive(Debug, Clone, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct ProviderPathway {
    /// The framework id it plans for, such as `sccif-childrens-homes`.
    pub framework: Text,
    /// Accepted kinds of last inspection.
    pub kinds: List<InspectionKind>,
    /// The kinds that are graded full inspections.
    pub full_kinds: List<InspectionKind>,
    /// The judgement whose grade picks the rules.
    pub judged_by: Text,
    /// The assumption id of the notice period (empty when unannounced).
    pub notice_assumption: Text,
    /// Always unannounced.
    pub unannounced: bool,
    /// Every figure, adjustable.
    pub assumption: List<Assumption>,
    /// Window rules, in order.
    pub rule: List<WindowRule>,
    /// Second visits.
    #[serde(default)]
    pub visit: List<Visit>,
    /// Notes that may be attached to the window.
    pub note: List<RuleRef>,
    pub event: List<EventDef>,
}

/// How many times overall effectiveness went from one grade to another at the next inspection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::pathway::shapes)]
#[serde(rename_all = "camelCase")]
pub struct Transition {
    /// Grade at the earlier inspection.
    pub from: Grade,
    /// Grade at the next inspection.
    pub to: Grade,
    /// Number of pairs.
    pub count: u32,
}

/// The spread of months between an inspection with this grade and the next one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::pathway::shapes)]
#[serde(rename_all = "camelCase")]
pub struct IntervalSpread {
    /// Overall grade at the earlier inspection.
    pub from: Grade,
    /// Number of pairs.
    pub n: u32,
    /// Shortest interval, months.
    pub min: f64,
    /// Lower quartile, months.
    pub q1: f64,
    /// Median, months.
    pub median: f64,
    /// Upper quartile, months.
    pub q3: f64,
    /// Longest interval, months.
    pub max: f64,
}

/// How many authorities whose earlier inspection's grades followed a pattern had a short, or a
/// standard, inspection next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::pathway::shapes)]
#[serde(rename_all = "camelCase")]
pub struct NextKind {
    /// The pattern's id, such as `good_all_good` ([`crate::pathway::base_rates::kind_pattern`]).
    pub pattern: Text,
    /// The pattern in words, such as "good overall with every judgement good or better".
    pub label: Text,
    /// Pairs whose next inspection was short.
    pub short: u32,
    /// Pairs whose next inspection was standard (or any other kind).
    pub standard: u32,
}

#[derive(Clone, Debug, Deserialize, databake::Bake)]
#[databake(path = crate::pathway::shapes)]
pub struct Stored {
    pub source: Text,
    pub attribution: Text,
    pub inspections: u32,
    pub pairs: u32,
    pub ungraded_next: u32,
    pub undated: u32,
    pub first_start: Text,
    pub last_start: Text,
    pub record_to: Text,
    pub transitions: List<Transition>,
    pub intervals: List<IntervalSpread>,
    #[serde(default)]
    pub next_kind: List<NextKind>,
}
