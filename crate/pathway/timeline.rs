//! What a pathway produces, for local authorities and providers alike: date windows, the next
//! full inspection, the events around it, and the [`Timeline`] that collects them as a pathway is
//! planned.
use crate::model::date::format as format_date;
use crate::pathway::base_rates::BaseRates;
use crate::pathway::calendar::{add_working_days, CalendarError};
use crate::pathway::history::InspectionKind;
use crate::pathway::rules::{Assumption, EventDef, EventKind, RuleRef};
use crate::scoring::route::Route;
use crate::support::problems::Problem;
use chrono::{NaiveDate, TimeDelta};
use serde::{Deserialize, Serialize};

/// Earliest, latest and most likely dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Earliest.
    pub earliest: NaiveDate,
    /// Latest.
    pub latest: NaiveDate,
    /// Most likely.
    pub likely: NaiveDate,
}

impl Window {
    pub(crate) fn map(self, mut f: impl FnMut(NaiveDate) -> Option<NaiveDate>) -> Option<Window> {
        Some(Window {
            earliest: f(self.earliest)?,
            latest: f(self.latest)?,
            likely: f(self.likely)?,
        })
    }

    pub(crate) fn to_out(self) -> WindowOut {
        WindowOut {
            earliest: format_date(self.earliest),
            latest: format_date(self.latest),
            likely: format_date(self.likely),
        }
    }

    /// From `earliest` to `latest`, most likely half way.
    pub(crate) fn between(earliest: NaiveDate, latest: NaiveDate) -> Window {
        Window {
            earliest,
            latest,
            likely: earliest + TimeDelta::days((latest - earliest).num_days() / 2),
        }
    }

    /// Never before `soonest`; a likely date that has passed moves to the middle of what is left.
    pub(crate) fn not_before(self, soonest: NaiveDate) -> Window {
        let earliest = self.earliest.max(soonest);
        let latest = self.latest.max(earliest);
        if self.likely < earliest {
            return Window::between(earliest, latest);
        }
        Window {
            earliest,
            latest,
            likely: self.likely.min(latest),
        }
    }

    /// The window on working days: earliest and likely on the next working day, latest on the
    /// working day before (never before earliest). A person can put every date in a diary.
    pub fn on_working_days(self) -> Window {
        use crate::pathway::calendar::{working_day_on_or_after, working_day_on_or_before};
        let earliest = working_day_on_or_after(self.earliest);
        let latest = working_day_on_or_before(self.latest).max(earliest);
        let likely = working_day_on_or_after(self.likely).clamp(earliest, latest);
        Window {
            earliest,
            latest,
            likely,
        }
    }

    /// The window of an inspection's first on-site day: Mondays that are working days and whose
    /// on-site weeks miss inspection season's closed periods (August, 23 December to 11 January);
    /// earliest and likely the next such Monday, latest the one on or before it, never before
    /// earliest.
    pub fn on_mondays(self) -> Window {
        use crate::pathway::calendar::{season_monday_on_or_after, season_monday_on_or_before};
        let earliest = season_monday_on_or_after(self.earliest);
        let latest = season_monday_on_or_before(self.latest).max(earliest);
        let likely = season_monday_on_or_after(self.likely).clamp(earliest, latest);
        Window {
            earliest,
            latest,
            likely,
        }
    }

    /// Whether `d` falls inside the window (inclusive).
    pub fn contains(&self, d: NaiveDate) -> bool {
        self.earliest <= d && d <= self.latest
    }
}

/// A window as JSON: `{ earliest, latest, likely }`, dates `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WindowOut {
    /// Earliest date.
    pub earliest: String,
    /// Latest date.
    pub latest: String,
    /// Most likely date.
    pub likely: String,
}

/// The next full inspection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Next {
    /// `short` or `standard`.
    pub kind: InspectionKind,
    /// The route the last inspection led to (`short`, `standard`, `monitoring`), or null.
    pub route: Option<Route>,
    /// The window for the first on-site day.
    pub window: WindowOut,
    /// The rule that decided it.
    pub rule: RuleRef,
    /// Further rules that moved the window (a pause, priority actions, overdue, the exit rule).
    pub notes: Vec<RuleRef>,
    /// The record's counts of the next inspection's kind for authorities whose last inspection
    /// had the same grade pattern, when the last inspection was graded overall (before April 2026)
    /// and the record has the pattern; null otherwise.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub kind_chances: Option<KindChances>,
}

/// How many authorities whose last inspection looked like this one had a short, or a standard,
/// inspection next, in the record since the 2020–21 pause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct KindChances {
    /// Authorities whose next inspection was short.
    pub short: u32,
    /// Authorities whose next inspection was standard.
    pub standard: u32,
    /// All of them (`short + standard`).
    pub of: u32,
    /// The pattern in words, such as "good overall with every judgement good or better".
    pub label: String,
    /// Always `D`: counted from the published grade history.
    pub tag: crate::model::source::Tag,
    /// The grade history.
    pub source: String,
}

/// One step in the expected sequence: either a `date` or a `window`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// Step id, such as `report_published` or `monitoring_visit_2`.
    pub id: String,
    /// What kind of step it is.
    pub kind: EventKind,
    /// Title shown to people.
    pub title: String,
    /// What happens, in words.
    pub description: String,
    /// The date, when the step has one date.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub date: Option<String>,
    /// The window, when the step's date is uncertain.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub window: Option<WindowOut>,
    /// Source URL.
    pub source: String,
    /// `V`, `S` or `R`.
    pub tag: crate::model::source::Tag,
    /// The assumptions that set its timing.
    pub assumption_ids: Vec<String>,
    /// When the event happens only if something else does, such as "Only if the coming inspection
    /// finds a judgement inadequate.": the page shows it as conditional.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub condition: Option<String>,
    /// For a local authority event likely from April 2027: it may fall under the children and
    /// families services framework Ofsted plans (rule `later_framework_2027`, tag U, with source).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub later_framework: Option<crate::pathway::shapes::RuleRef>,
    /// For a report due in a pre-election period: whether it is held until after polling day and
    /// why (the authority's poll in the calendar of polls, or its absence), with the source and
    /// tag of what decided it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub pre_election: Option<crate::pathway::shapes::RuleRef>,
}

/// The result of [`pathway`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PathwayResult {
    /// The next full inspection, or null when `today` is unusable.
    pub next: Option<Next>,
    /// The expected sequence, by likely date.
    pub events: Vec<Event>,
    /// Every adjustable figure used.
    pub assumptions: Vec<Assumption>,
    /// Validation problems as data.
    pub problems: Vec<Problem>,
    /// Transition counts and interval spreads from real inspections, with attribution.
    pub base_rates: BaseRates,
}

/// What a pathway collects as it is planned, for local authorities and providers alike: the events
/// (with the date they sort by) and the problems.
pub(crate) struct Timeline {
    pub(crate) problems: Vec<Problem>,
    /// Inspections start on a Monday (local authorities); providers' visits are unannounced.
    pub(crate) mondays: bool,
    /// The condition of the events pushed now (see [`Event::condition`]).
    pub(crate) condition: Option<String>,
    /// A weaker tag for the events pushed now (an intervention rule that rests on no official text
    /// under the framework in force), with the sentence saying so.
    pub(crate) weaker: Option<(crate::model::source::Tag, &'static str)>,
    events: Vec<(NaiveDate, Event)>,
}

impl Timeline {
    pub(crate) fn new(problems: Vec<Problem>) -> Timeline {
        Timeline {
            problems,
            mondays: false,
            condition: None,
            weaker: None,
            events: Vec::new(),
        }
    }

    /// `n` working days after `d`, or `None` (and one problem per kind) outside the calendar.
    pub(crate) fn wd(&mut self, d: NaiveDate, n: i64) -> Option<NaiveDate> {
        match add_working_days(d, n) {
            Ok(x) => Some(x),
            Err(e) => {
                self.coverage(&e);
                None
            }
        }
    }

    pub(crate) fn coverage(&mut self, e: &CalendarError) {
        if !self.problems.iter().any(|p| p.code == e.code()) {
            self.problems.push(Problem::new(
                "",
                e.code(),
                format!("Some dates could not be worked out: {e}"),
            ));
        }
    }

    /// The note for a local authority event likely on or after the planned framework's date.
    fn later_framework(&self, likely: NaiveDate) -> Option<crate::pathway::shapes::RuleRef> {
        let data = crate::pathway::rules::rules_data();
        let from = crate::pathway::calendar::parse_date(&data.later_framework_from).ok()?;
        (self.mondays && likely >= from).then(|| crate::pathway::rules::rule("later_framework_2027"))
    }

    /// An event `id` from its definition, on a date or across a window, its description followed by
    /// `extra`.
    /// Gives the last event pushed the weaker of its tag and `tag` (a fact it now rests on).
    pub(crate) fn weaken_last(&mut self, tag: crate::model::source::Tag) {
        if let Some((_, e)) = self.events.last_mut() {
            e.tag = e.tag.max(tag);
        }
    }

    /// Gives the last event pushed its pre-election note.
    pub(crate) fn pre_election_last(&mut self, note: crate::pathway::shapes::RuleRef) {
        if let Some((_, e)) = self.events.last_mut() {
            e.pre_election = Some(note);
        }
    }

    pub(crate) fn push(
        &mut self,
        d: &EventDef,
        id: &str,
        when: Window,
        assumption_ids: Vec<String>,
        extra: Option<&str>,
    ) {
        let when = if d.kind == EventKind::Inspection && self.mondays {
            when.on_mondays()
        } else {
            when.on_working_days()
        };
        let single = when.earliest == when.latest;
        let mut description = match extra {
            Some(x) => format!("{} {x}", d.description),
            None => d.description.to_string(),
        };
        let mut tag = d.tag;
        if let Some((t, why)) = self.weaker.filter(|_| d.kind == EventKind::Intervention) {
            tag = t;
            description = format!("{description} {why}");
        }
        self.events.push((
            when.likely,
            Event {
                id: id.to_string(),
                kind: d.kind,
                title: d.title.to_string(),
                description,
                date: single.then(|| format_date(when.likely)),
                window: (!single).then(|| when.to_out()),
                source: d.source.to_string(),
                tag,
                assumption_ids,
                condition: self.condition.clone(),
                later_framework: self.later_framework(when.likely),
                pre_election: None,
            },
        ));
    }

    /// The result: the events in date order, with the assumptions used.
    pub(crate) fn finish(self, next: Option<Next>, assumptions: Vec<Assumption>) -> PathwayResult {
        let mut events = self.events;
        events.sort_by_key(|x| x.0);
        PathwayResult {
            next,
            events: events.into_iter().map(|(_, e)| e).collect(),
            assumptions,
            problems: self.problems,
            base_rates: crate::pathway::base_rates::base_rates().clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pathway::calendar::parse_date;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn window(earliest: &str, likely: &str, latest: &str) -> Window {
        Window {
            earliest: d(earliest),
            latest: d(latest),
            likely: d(likely),
        }
    }

    /// Found by cargo-mutants (docs/mutants.md): the likely date of a window between two dates is
    /// half way, rounded down to a whole day.
    #[test]
    fn between_puts_the_likely_date_half_way() {
        assert_eq!(
            Window::between(d("2026-03-02"), d("2026-03-12")),
            window("2026-03-02", "2026-03-07", "2026-03-12")
        );
        // 11 days apart: 5 days after the earliest.
        assert_eq!(
            Window::between(d("2026-03-02"), d("2026-03-13")).likely,
            d("2026-03-07")
        );
        let day = Window::between(d("2026-03-02"), d("2026-03-02"));
        assert_eq!(day, window("2026-03-02", "2026-03-02", "2026-03-02"));
    }

    /// Found by cargo-mutants: a window never starts before `soonest`; a likely date that has passed
    /// moves to the middle of what is left, and a likely date on `soonest` itself stays.
    #[test]
    fn not_before_moves_a_passed_likely_date_to_the_middle_of_what_is_left() {
        let w = window("2026-03-02", "2026-03-16", "2026-03-31");
        // Soonest before the window: nothing moves.
        assert_eq!(w.not_before(d("2026-02-20")), w);
        // The likely date has passed: half way from 20 March to 31 March (11 days, so 5 on).
        assert_eq!(
            w.not_before(d("2026-03-20")),
            window("2026-03-20", "2026-03-25", "2026-03-31")
        );
        // The likely date is the soonest day: it has not passed, so it stays.
        assert_eq!(
            w.not_before(d("2026-03-16")),
            window("2026-03-16", "2026-03-16", "2026-03-31")
        );
        // The whole window has passed: a single day.
        assert_eq!(
            w.not_before(d("2026-04-10")),
            window("2026-04-10", "2026-04-10", "2026-04-10")
        );
    }

    /// Found by cargo-mutants: `contains` includes both ends and nothing outside them.
    #[test]
    fn a_window_contains_its_ends_and_nothing_outside() {
        let w = window("2026-03-02", "2026-03-16", "2026-03-31");
        assert!(w.contains(d("2026-03-02")) && w.contains(d("2026-03-20")) && w.contains(d("2026-03-31")));
        assert!(!w.contains(d("2026-03-01")) && !w.contains(d("2026-04-01")));
    }

    /// Found by cargo-mutants: a date outside the bank-holiday table is one problem however often it
    /// comes up, and it is reported even when the input already has other problems.
    #[test]
    fn a_calendar_gap_is_one_problem_beside_the_others() {
        use crate::support::problems::Code;
        let mut t = Timeline::new(vec![Problem::new("today", Code::InvalidDate, "not a date")]);
        // The table covers 2010 to 2035.
        assert_eq!(t.wd(d("2036-06-02"), 1), None);
        assert_eq!(t.wd(d("2036-06-09"), 5), None);
        let codes: Vec<Code> = t.problems.iter().map(|p| p.code).collect();
        assert_eq!(codes, [Code::InvalidDate, Code::OutOfCoverage]);
        assert_eq!(t.wd(d("2026-06-01"), 1), Some(d("2026-06-02")));
    }
}
