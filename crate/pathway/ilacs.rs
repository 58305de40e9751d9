//! The inspection pathway: when the next full inspection is likely, of which kind, and the whole
//! sequence of events around it, with every figure an adjustable assumption
//! (`crate/data/pathway/assumptions.toml`) and every step a rule with a source and tag
//! (`crate/data/pathway/rules.toml`).
//!
//! ## The window for the next full inspection
//!
//! - **Route.** The kind follows the route of the last inspection's grades under the framework in
//!   force when it started ([`crate::scoring::route`]): before April 2026 overall effectiveness decides (good
//!   or better → short, unless children in care is below good \[D\]; requires improvement → standard;
//!   inadequate → monitoring) \[S\]; from April 2026 leaders good or better plus two of three practice
//!   judgements good or better → short \[U\], any inadequate → monitoring \[R\], otherwise standard
//!   \[R\]. An authority under monitoring is always re-inspected by a standard inspection \[S\].
//! - **Cycle.** Calibrated on the cycles after the 2020–21 pause (grade history to March 2025) \[D\]:
//!   short 33–48 months after the last on-site day, most likely 41; standard 32–43, most likely 39
//!   ([`window_ids`]). Recent cycles run later than the third anniversary the council guides give.
//! - **Monitoring.** Re-inspection of an inadequate authority 34–50 months after, most likely 42 \[D\].
//! - **Pauses.** No graded inspection started between 17 March 2020 and 28 June 2021 (COVID-19) \[D\].
//!   A cycle that contains part of a pause moves later by that part for the short and standard
//!   routes (scheduled inspections were rescheduled in order) and its latest date moves later by
//!   `pause_catch_up_months` for every route (the backlog took time to clear) \[R\]. Re-inspections
//!   of inadequate authorities are not shifted: they follow the progress seen at monitoring.
//! - **Mondays.** Every date of the window is a working Monday (an inspection's first day).
//! - **Priority actions.** A focused visit since the last inspection that set areas for priority
//!   action can bring the full inspection forward: the earliest date becomes
//!   `priority_action_early_months` after the visit (Wakefield 2018) \[S\].
//! - **Today.** The window never starts before the notice period from today; a window that has
//!   passed becomes "within `overdue_months` from today" \[R\]. With no history the window runs from
//!   the notice period to the longest usual cycle, and we assume a standard inspection \[R\].
//!
//! ## The events around it
//!
//! Annual self-evaluation and engagement meeting (near the inspection anniversary \[R\]); focused
//! visits between full inspections (12–24 months after the last one \[R\]; RI authorities may get a
//! second or a JTAI \[S\]); the follow-up of areas for priority action (draft plan 20, final plan 70
//! working days after the letter \[S\]); the notice call (5 working days before the first on-site
//! Monday \[S\]); one (short) or two (standard) weeks on site \[S\]; publication 27 working days after
//! the last on-site day (2024–26 median, adjustable 20–35) \[D\], held to 7 working days after
//! polling day when it falls in a pre-election period and the authority has a poll that May
//! ([`publication_day`], [`crate::pathway::polls`]); the action plan 70
//! working days after publication \[S\]. With projected grades, the route after the coming inspection: on an
//! inadequate outcome the action-planning visit, the DfE adviser and improvement notice, a possible
//! statutory direction under s.497A Education Act 1996 \[V; unverified without an overall
//! judgement, from April 2026\], monitoring visits about every 4 months from month 12 \[S/R\] (one
//! step, not a date each) and the standard re-inspection; below good, a standard inspection next
//! time with perhaps two focused visits or a JTAI \[S\]. Each of these carries its condition ("Only
//! if …"). The self-evaluation and engagement meeting come only before the inspection's likely
//! start. Every date is a working day ([`crate::pathway::calendar`]).
use crate::model::date::{self, add_months, add_months_f};
use crate::model::grade::Grade;
use crate::model::source::Tag;
use crate::pathway::calendar::{add_working_days, parse_date};
use crate::pathway::history::{parse_history_as_of, read_grades, History, InspectionKind, LastInspection};
use crate::pathway::polls::polls_in;
use crate::pathway::rules::{
    event_def, framework, framework_id_on, rule, rules_data, Assumptions, Election, FrameworkRules, Pause, RuleRef,
};
use crate::pathway::timeline::{KindChances, Next, PathwayResult, Timeline, Window};
use crate::scoring::route::{Route, RouteRule};
use crate::support::problems::{Code, Problem};
use chrono::{Datelike, NaiveDate, TimeDelta};
use serde_json::Value;
use std::collections::BTreeMap;

/// The assumptions (earliest, most likely, latest months after the last inspection) that set the
/// window of the next full inspection on a route.
pub fn window_ids(route: Route) -> [&'static str; 3] {
    match route {
        Route::Short => ["short_earliest_months", "short_likely_months", "short_latest_months"],
        Route::Standard => [
            "standard_earliest_months",
            "standard_likely_months",
            "standard_latest_months",
        ],
        Route::Monitoring => [
            "reinspection_earliest_months",
            "reinspection_likely_months",
            "reinspection_latest_months",
        ],
    }
}

/// Why a report due in a pre-election period is held, or is not.
#[derive(Debug, Clone)]
pub struct Hold {
    /// The pre-election period (`election` row of rules.toml) the report was due in.
    pub election: &'static Election,
    /// Whether the report waits for polling day.
    pub held: bool,
    /// The poll (or its absence) in words.
    pub text: String,
    /// The source of what decided it (`None`: the period's own row decides).
    pub source: Option<String>,
    /// The weakest tag of what decided it (`None`: the period's own row decides).
    pub tag: Option<Tag>,
}

impl Hold {
    /// The event's note (`Event::pre_election`): what was decided and why, with the source and
    /// tag of what decided it (the period's own row when nothing more was needed).
    pub fn note(&self) -> RuleRef {
        let text = match self.held {
            true => format!("Held for the pre-election period: {}", self.text),
            false => self.text.clone(),
        };
        RuleRef {
            id: self.election.id.clone(),
            text: text.into(),
            source: self
                .source
                .clone()
                .unwrap_or_else(|| self.election.source.to_string())
                .into(),
            tag: self.tag.unwrap_or(self.election.tag),
        }
    }
}

/// The day a report due on `due` is published. A report that falls in a pre-election period
/// (`election` rows in rules.toml) is held until `election_resume_working_days` after polling
/// day: a general election holds every authority; a May's local polls hold only an authority
/// with a poll that year in the calendar of polls ([`crate::pathway::polls`], by its ONS code
/// `authority`; an unknown authority is taken to have one). `election_pause` chooses: 0 never
/// held, 1 follow the calendar (the default), 2 every authority every May. Returns what decided
/// it when `due` falls in a period.
pub fn publication_day(due: NaiveDate, a: &Assumptions, authority: Option<&str>) -> (NaiveDate, Option<Hold>) {
    let setting = a.get("election_pause");
    if setting < 0.5 {
        return (due, None);
    }
    for e in rules_data().election.iter() {
        let (from, to) = (date::embedded(&e.from), date::embedded(&e.to));
        if !(from <= due && due <= to) {
            continue;
        }
        let day = date::long(to);
        let known = authority.and_then(|ons| polls_in(ons, to.year()).map(|p| (ons, p)));
        let (held, text, source, tag) = if e.everyone {
            (true, e.text.to_string(), None, None)
        } else if setting >= 1.5 {
            (
                true,
                format!("local elections on {day} (every authority is taken to have a poll every May, as the assumptions say)."),
                None,
                Some(Tag::R),
            )
        } else {
            match known {
                None => (
                    true,
                    format!(
                        "local elections on {day}. The authority is not known, so a poll is assumed: choose it from the public record to follow its calendar of polls."
                    ),
                    None,
                    Some(Tag::R),
                ),
                Some((_, polls)) if !polls.is_empty() => {
                    let what: Vec<&str> = polls.iter().map(|p| p.what).collect();
                    let tag = polls.iter().map(|p| p.tag).max();
                    (
                        true,
                        format!("{} on {day}.", and_list(&what)),
                        Some(polls[0].source.to_string()),
                        tag,
                    )
                }
                Some((ons, _)) => {
                    let calendar = crate::pathway::polls::authority(ons);
                    (
                        false,
                        format!("Not held for a pre-election period: the authority has no poll on {day} in the calendar of polls."),
                        calendar.map(|x| x.source.to_string()),
                        calendar.map(|x| x.tag),
                    )
                }
            }
        };
        let hold = |held| Hold {
            election: e,
            held,
            text,
            source,
            tag,
        };
        if !held {
            return (due, Some(hold(false)));
        }
        if let Ok(d) = add_working_days(to, a.wd("election_resume_working_days")) {
            return (d, Some(hold(true)));
        }
    }
    (due, None)
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The window for the next full inspection on a route, measured from the last on-site day of the
/// previous inspection, before any adjustment for today: the cycle rule (short, standard) or the
/// re-inspection rule (monitoring), then the pause rule. Returns the pauses applied.
pub fn cycle_window(route: Route, last_end: NaiveDate, a: &Assumptions) -> (Window, Vec<&'static Pause>) {
    let [e, k, l] = window_ids(route);
    let (mut earliest, mut latest, likely) = (
        add_months_f(last_end, a.get(e)),
        add_months_f(last_end, a.get(l)),
        Some(add_months_f(last_end, a.get(k))),
    );
    let mut likely = likely.unwrap_or(earliest).max(earliest).min(latest);
    let mut applied = Vec::new();
    for p in rules_data().pause.iter() {
        let (from, to) = (date::embedded(&p.from), date::embedded(&p.to));
        let start = from.max(last_end);
        let stop = to.min(latest);
        if stop <= start {
            continue;
        }
        applied.push(p);
        if p.shifts.contains(&route) {
            let shift = stop - start;
            earliest += shift;
            latest += shift;
            likely += shift;
        }
        let before = latest;
        latest = add_months_f(latest, a.get("pause_catch_up_months"));
        likely += TimeDelta::days((latest - before).num_days() / 2);
    }
    (
        Window {
            earliest,
            latest,
            likely,
        },
        applied,
    )
}

struct Ctx<'a> {
    a: &'a Assumptions,
    /// The authority's ONS code, when known: which May polls hold its reports.
    authority: Option<String>,
    t: Timeline,
}

impl Ctx<'_> {
    fn push(&mut self, id: &str, def: &str, when: Window, assumption_ids: &[&str], extra: Option<String>) {
        let ids = assumption_ids.iter().map(|s| s.to_string()).collect();
        self.t.push(event_def(def), id, when, ids, extra.as_deref());
    }

    fn push_date(&mut self, id: &str, def: &str, d: NaiveDate, assumption_ids: &[&str], extra: Option<String>) {
        let w = Window {
            earliest: d,
            latest: d,
            likely: d,
        };
        self.push(id, def, w, assumption_ids, extra);
    }

    /// The notice call, on-site weeks, publication and action plan for a full inspection whose
    /// first on-site day falls in `window`. Returns the window of the last on-site day.
    fn full_inspection(
        &mut self,
        prefix: &str,
        kind: InspectionKind,
        window: Window,
        window_ids: &[&str],
    ) -> Option<Window> {
        let start = window.on_mondays();
        let notice = self.a.wd("notice_working_days");
        let call = start.map(|d| self.t.wd(d, -notice))?;
        let weeks = match kind {
            InspectionKind::Short => 1,
            _ => 2,
        };
        let end = start.map(|d| Some(d + TimeDelta::days(7 * weeks - 3)))?;
        let lag = self.a.wd("report_lag_working_days");
        let due = end.map(|d| self.t.wd(d, lag))?;
        let auth = self.authority.as_deref();
        let hold = publication_day(due.likely, self.a, auth).1;
        let mut report = due.map(|d| Some(publication_day(d, self.a, auth).0))?;
        // A held earliest date can pass a likely date just after polling day: keep the order.
        report.likely = report.likely.max(report.earliest);
        report.latest = report.latest.max(report.likely);
        let plan_wd = self.a.wd("action_plan_working_days");
        let plan = report.map(|d| self.t.wd(d, plan_wd))?;
        let id = |s: &str| format!("{prefix}{s}");
        let with =
            |extra: &[&'static str]| -> Vec<&str> { window_ids.iter().copied().chain(extra.iter().copied()).collect() };
        self.push(
            &id("notice_call"),
            "notice_call",
            call,
            &with(&["notice_working_days"]),
            None,
        );
        let what = match kind {
            InspectionKind::Short => "A short inspection: one week on site, Monday to Friday.",
            _ => "A standard inspection: two weeks on site, Monday to the second Friday.",
        };
        self.push(
            &id("on_site"),
            "on_site",
            start,
            &["notice_working_days"],
            Some(what.to_string()),
        );
        let held = hold.as_ref().filter(|h| h.held);
        let mut report_ids = vec!["report_lag_working_days"];
        if held.is_some() {
            report_ids.extend(["election_pause", "election_resume_working_days"]);
        } else if hold.is_some() {
            report_ids.push("election_pause");
        }
        self.push(&id("report_published"), "report_published", report, &report_ids, None);
        if let Some(h) = &hold {
            self.t.pre_election_last(h.note());
            if let Some(t) = h.tag {
                self.t.weaken_last(t);
            }
        }
        report_ids.push("action_plan_working_days");
        self.push(
            &id("action_plan_due"),
            "action_plan_due",
            plan,
            &report_ids,
            held.map(|_| "Later than usual: the report was held for the pre-election period.".to_string()),
        );
        Some(end)
    }
}

fn route_kind(route: Option<Route>) -> InspectionKind {
    match route {
        Some(Route::Short) => InspectionKind::Short,
        _ => InspectionKind::Standard,
    }
}

/// Computes the pathway from the JSON input `{ framework, today, history, projected,
/// assumptions, authority }` (`authority`: the ONS code, which decides the May polls that hold
/// its reports; without it a poll is assumed every May). Never panics on bad input: problems are returned as data. A provider framework
/// (family `sccif` in the catalogue) is planned from its own pathway data by
/// [`crate::pathway::provider`].
pub fn pathway(input: &Value) -> PathwayResult {
    if let Some(p) = crate::pathway::provider::for_framework(input.get("framework").and_then(Value::as_str)) {
        return p.pathway(input);
    }
    let mut problems = Vec::new();
    let (a, ap) = Assumptions::with_overrides(input.get("assumptions").unwrap_or(&Value::Null), "assumptions");
    problems.extend(ap);
    let empty = |problems: Vec<Problem>, a: &Assumptions| PathwayResult {
        next: None,
        events: Vec::new(),
        assumptions: a.used(),
        problems,
        base_rates: crate::pathway::base_rates::base_rates().clone(),
    };

    let today = match input.get("today").and_then(Value::as_str).map(parse_date) {
        Some(Ok(d)) => d,
        _ => {
            problems.push(Problem::new(
                "today",
                Code::InvalidDate,
                "Give today's date as a real date, like 22 11 2026",
            ));
            return empty(problems, &a);
        }
    };
    if let Err(e) = crate::pathway::calendar::is_working_day(today) {
        problems.push(Problem::new("today", e.code(), e.to_string()));
        return empty(problems, &a);
    }

    let fw_input = input.get("framework").and_then(Value::as_str);
    let fw = match fw_input.and_then(framework) {
        Some(f) => f,
        None => {
            if fw_input.is_some() || input.get("framework").is_some_and(|v| !v.is_null()) {
                problems.push(Problem::new(
                    "framework",
                    Code::UnknownFramework,
                    format!(
                        "Unknown framework; the one in force today ({}) was used",
                        framework_id_on(today).unwrap_or(&rules_data().framework[0].id)
                    ),
                ));
            }
            crate::pathway::rules::framework_on(today).unwrap_or(&rules_data().framework[0])
        }
    };

    let (history, hp) = parse_history_as_of(input.get("history").unwrap_or(&Value::Null), "history", Some(today));
    problems.extend(hp);
    let projected = read_grades(
        input.get("projected"),
        Some(&fw.judgements),
        &fw.id,
        "projected",
        &mut problems,
    );

    let authority = match input.get("authority") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            problems.push(Problem::new(
                "authority",
                Code::InvalidCodes,
                "The authority must be its ONS code, like E06000014; a poll is assumed every May",
            ));
            None
        }
    };
    let mut ctx = Ctx {
        a: &a,
        authority,
        t: Timeline::new(problems),
    };
    ctx.t.mondays = true;
    let next = plan(&mut ctx, fw, today, &history, &projected);
    ctx.t.finish(next, a.used())
}

/// The pathway in its phases, in order: where the cycle starts and the route it follows, the window
/// for the next full inspection, then the events before it (engagement meetings, priority-action
/// plans, focused visits, monitoring) and the inspection itself with what follows it.
fn plan(
    ctx: &mut Ctx,
    fw: &FrameworkRules,
    today: NaiveDate,
    history: &History,
    projected: &BTreeMap<String, Grade>,
) -> Option<Next> {
    let soonest = ctx.t.wd(today, ctx.a.wd("notice_working_days"))?;
    let last = history.last_inspection.as_ref();
    let (route, route_rule, base) = route_and_base(ctx, history);
    let (window, rule_used, notes) = next_window(ctx.a, fw, today, soonest, history, (route, route_rule, base));
    let kind = route_kind(route);
    engagement_meetings(ctx, today, base.unwrap_or(today), window)?;
    priority_action_plans(ctx, history);
    focused_visits(ctx, history, (route, base), soonest, window);
    under_monitoring(ctx, fw, today, history, (route, base), window);

    // The coming full inspection and what follows it.
    let prefix = if route == Some(Route::Monitoring) {
        "reinspection_"
    } else {
        ""
    };
    let ids_of_route = window_ids(route.unwrap_or(Route::Standard));
    let window_ids: &[&str] = match route {
        _ if base.is_none() => &["notice_working_days", "standard_latest_months"],
        _ => &ids_of_route,
    };
    // Dates beyond the calendar's coverage are reported as a problem; the window still stands.
    if let Some(end) = ctx.full_inspection(prefix, kind, window, window_ids) {
        if !projected.is_empty() {
            outcome(ctx, fw, projected, end);
        }
    }

    Some(Next {
        kind,
        route,
        window: window.to_out(),
        rule: rule_used,
        notes,
        kind_chances: last.and_then(kind_chances),
    })
}

/// The route the last inspection led to (its rule, when a route rule decided it), and the day
/// the cycle counts from: the last inspection's end, or the start of monitoring without one.
fn route_and_base(ctx: &mut Ctx, history: &History) -> (Option<Route>, Option<RouteRule>, Option<NaiveDate>) {
    let last = history.last_inspection.as_ref();
    let mut route_rule = None;
    let mut route = None;
    if let Some(li) = last {
        if let Some(fid) = &li.framework {
            match crate::scoring::route::route(fid, &li.grades) {
                Some((r, rr)) => {
                    route = Some(r);
                    route_rule = Some(rr);
                }
                None => ctx.t.problems.push(Problem::new(
                    "history.lastInspection.grades",
                    Code::MissingGrade,
                    format!(
                        "The grades given do not decide a route under {}: enter {}",
                        crate::framework::catalogue::name(fid),
                        framework(fid).map_or("the judgements", |f| f.route_needs.as_ref())
                    ),
                )),
            }
        }
    }
    let monitoring_since = history.monitoring.map(|s| s.or(last.map(|l| l.ended_on)));
    if monitoring_since.is_some() {
        route = Some(Route::Monitoring);
    }
    let base = match (route, monitoring_since.flatten(), last) {
        (Some(Route::Monitoring), _, Some(li)) => Some(li.ended_on),
        (Some(Route::Monitoring), Some(since), None) => Some(since),
        (_, _, Some(li)) => Some(li.ended_on),
        _ => None,
    };

    (route, route_rule, base)
}

/// The window for the next full inspection, the rule that set it and the notes on it: the route's
/// cycle from `base` (moved by pauses), brought forward by a focused visit's priority actions, never
/// before the notice period from today, on a Monday.
fn next_window(
    a: &Assumptions,
    fw: &FrameworkRules,
    today: NaiveDate,
    soonest: NaiveDate,
    history: &History,
    (route, route_rule, base): (Option<Route>, Option<RouteRule>, Option<NaiveDate>),
) -> (Window, RuleRef, Vec<RuleRef>) {
    let last = history.last_inspection.as_ref();
    let mut notes = Vec::new();
    let (mut window, rule_used) = match base {
        Some(b) => {
            let r = route.unwrap_or(Route::Standard);
            let (w, pauses) = cycle_window(r, b, a);
            for p in pauses {
                notes.push(RuleRef {
                    id: p.id.clone(),
                    text: p.text.clone(),
                    source: p.source.clone(),
                    tag: p.tag,
                });
            }
            let id = match route {
                Some(Route::Short) => "next_cycle_short",
                Some(Route::Standard) => "next_cycle_standard",
                Some(Route::Monitoring) => "next_monitoring_reinspection",
                None => "next_unknown_route",
            };
            (w, rule(id))
        }
        None => {
            let latest = add_months_f(today, a.get("standard_latest_months"));
            (
                Window::between(soonest, latest),
                rule(if last.is_some() {
                    "next_unknown_route"
                } else {
                    "next_no_history"
                }),
            )
        }
    };
    if let Some(rr) = &route_rule {
        notes.insert(
            0,
            RuleRef {
                id: rr.id.clone(),
                text: rr.text.clone(),
                source: rr.source.clone(),
                tag: rr.tag,
            },
        );
    }
    if route == Some(Route::Monitoring) {
        notes.push(RuleRef {
            id: format!("exit_{}", fw.id).into(),
            text: fw.exit_text.clone(),
            source: fw.exit_source.clone(),
            tag: fw.exit_tag,
        });
    }
    // A focused visit with priority actions since the last inspection can bring it forward.
    let since_last = |d: NaiveDate| base.is_none_or(|b| d > b);
    if route != Some(Route::Monitoring) {
        if let Some(fv) = history
            .focused_visits
            .iter()
            .rev()
            .find(|v| v.priority_actions && since_last(v.ended_on))
        {
            let early = add_months_f(fv.ended_on, a.get("priority_action_early_months"));
            if early < window.earliest {
                window.earliest = early;
                notes.push(rule("next_early_after_priority_actions"));
            }
        }
    }
    // Never before the notice period from today; a passed window becomes "soon".
    if window.latest < soonest {
        window = Window::between(soonest, add_months_f(today, a.get("overdue_months")).max(soonest));
        notes.push(rule("next_overdue"));
    } else {
        window.earliest = window.earliest.max(soonest);
        window.likely = window.likely.max(window.earliest);
    }
    // An inspection starts on a Monday that is a working day.
    (window.on_mondays(), rule_used, notes)
}

/// The annual self-evaluation and engagement meeting, near each anniversary of `anchor`, while
/// the next inspection is still to come.
fn engagement_meetings(ctx: &mut Ctx, today: NaiveDate, anchor: NaiveDate, window: Window) -> Option<()> {
    let a = ctx.a;
    let aem_hw = a.get("aem_half_width_months");
    let mut years = 1;
    while add_months(anchor, 12 * years) < today {
        years += 1;
    }
    // One meeting a year while the next inspection is still to come: a meeting (and the
    // self-evaluation before it) prepares for the inspection, so none falls on or after the date
    // it is most likely to start (the window is cut a week before it).
    let before_inspection = window.likely - TimeDelta::days(7);
    for n in 1.. {
        let aem_likely = add_months(anchor, 12 * years);
        if aem_likely >= before_inspection {
            break;
        }
        years += 1;
        let aem = Window {
            earliest: add_months_f(aem_likely, -aem_hw).max(today),
            latest: add_months_f(aem_likely, aem_hw).min(before_inspection),
            likely: aem_likely,
        };
        if aem.earliest > aem.latest {
            break;
        }
        let sef = aem.map(|d| Some(add_months(d, -1).max(today)))?;
        let suffix = if n == 1 { String::new() } else { format!("_{n}") };
        ctx.push(
            &format!("self_evaluation{suffix}"),
            "self_evaluation",
            sef,
            &["aem_half_width_months"],
            None,
        );
        ctx.push(
            &format!("annual_engagement_meeting{suffix}"),
            "annual_engagement_meeting",
            aem,
            &["aem_half_width_months"],
            None,
        );
    }

    Some(())
}

/// The draft and final plans after each focused visit that found areas for priority action.
fn priority_action_plans(ctx: &mut Ctx, history: &History) {
    let a = ctx.a;
    let letter_lag = a.wd("visit_letter_lag_working_days");
    for (i, fv) in history
        .focused_visits
        .iter()
        .enumerate()
        .filter(|(_, v)| v.priority_actions)
    {
        let Some(due) = ctx.t.wd(fv.ended_on, letter_lag) else {
            continue;
        };
        // Visit letters are held in pre-election periods like reports.
        let letter = publication_day(due, a, ctx.authority.as_deref()).0;
        let (Some(draft), Some(fin)) = (
            ctx.t.wd(letter, a.wd("priority_draft_plan_working_days")),
            ctx.t.wd(letter, a.wd("priority_final_plan_working_days")),
        ) else {
            continue;
        };
        let when = format!("After the focused visit ending {}.", date::long(fv.ended_on));
        ctx.push_date(
            &format!("priority_action_draft_plan_{}", i + 1),
            "priority_action_draft_plan",
            draft,
            &["visit_letter_lag_working_days", "priority_draft_plan_working_days"],
            Some(when.clone()),
        );
        ctx.push_date(
            &format!("priority_action_final_plan_{}", i + 1),
            "priority_action_final_plan",
            fin,
            &["visit_letter_lag_working_days", "priority_final_plan_working_days"],
            Some(when),
        );
    }
}

/// Between full inspections (not for a monitored authority): a focused visit, and after a standard
/// inspection a second focused visit or a JTAI, unless the history already has them.
fn focused_visits(
    ctx: &mut Ctx,
    history: &History,
    (route, base): (Option<Route>, Option<NaiveDate>),
    soonest: NaiveDate,
    window: Window,
) {
    let a = ctx.a;
    if let (Some(b), Some(r)) = (base, route.filter(|r| *r != Route::Monitoring)) {
        let had = history.focused_visits.iter().filter(|v| v.ended_on > b).count();
        let fv = Window::between(
            add_months_f(b, a.get("focused_visit_earliest_months")),
            add_months_f(b, a.get("focused_visit_latest_months")),
        );
        let fv_ids = [
            "focused_visit_earliest_months",
            "focused_visit_latest_months",
            "focused_visit_notice_working_days",
        ];
        if had == 0 && fv.latest >= soonest && fv.earliest < window.latest {
            let w = Window {
                earliest: fv.earliest.max(soonest),
                latest: fv.latest.min(window.latest),
                likely: fv.likely.max(fv.earliest.max(soonest)),
            };
            let note = format!(
                "Notice about {} working days before.",
                a.wd("focused_visit_notice_working_days")
            );
            ctx.push("focused_visit", "focused_visit", w, &fv_ids, Some(note));
        }
        if r == Route::Standard && had < 2 {
            let second = Window::between(
                fv.latest,
                add_months_f(b, a.get("standard_earliest_months")).max(fv.latest),
            );
            if second.latest >= soonest {
                let w = Window {
                    earliest: second.earliest.max(soonest),
                    latest: second.latest.max(soonest),
                    likely: second.likely.max(soonest),
                };
                let note = format!(
                    "A JTAI gives {} working days' notice.",
                    a.wd("jtai_notice_working_days")
                );
                ctx.push(
                    "second_focused_visit_or_jtai",
                    "second_focused_visit_or_jtai",
                    w,
                    &[
                        "focused_visit_latest_months",
                        "standard_earliest_months",
                        "jtai_notice_working_days",
                    ],
                    Some(note),
                );
            }
        }
    }
}

/// Under monitoring now: monitoring visits before the re-inspection, and the Department for
/// Education's intervention (its notice and direction, unless the history records them).
fn under_monitoring(
    ctx: &mut Ctx,
    fw: &FrameworkRules,
    today: NaiveDate,
    history: &History,
    (route, base): (Option<Route>, Option<NaiveDate>),
    window: Window,
) {
    let a = ctx.a;
    let last = history.last_inspection.as_ref();
    if route == Some(Route::Monitoring) {
        if let Some(b) = base {
            monitoring_visits(ctx, b, today, window.likely, "");
            let fid = last.and_then(|l| l.framework.as_deref()).unwrap_or(&fw.id);
            ctx.t.weaker = without_overall(fid).then_some(UNVERIFIED_INTERVENTION);
            let recorded = |k: &str| history.interventions.iter().any(|x| x.kind == k);
            if !recorded("improvement_notice") {
                let d = add_months_f(b, a.get("improvement_notice_months")).max(today);
                ctx.push_date(
                    "improvement_notice",
                    "improvement_notice",
                    d,
                    &["improvement_notice_months"],
                    None,
                );
            }
            if !recorded("statutory_direction") {
                ctx.push(
                    "statutory_direction",
                    "statutory_direction",
                    Window::between(today, window.latest),
                    &[],
                    None,
                );
            }
            ctx.t.weaker = None;
        }
    }
}

/// The record's counts of the next inspection's kind after a last inspection like this one: only
/// for a last inspection under a framework with an overall grade (before April 2026) that has one,
/// and only when the record has its grade pattern. Good or outstanding overall needs every other
/// judgement of that framework graded (the pattern is which of them were below good).
fn kind_chances(li: &LastInspection) -> Option<KindChances> {
    let fid = li.framework.as_deref()?;
    if without_overall(fid) {
        return None;
    }
    let overall = *li.grades.get("overall_effectiveness")?;
    if overall >= Grade::Good
        && !framework(fid)?
            .judgements
            .iter()
            .all(|j| li.grades.contains_key(j.as_ref()))
    {
        return None;
    }
    let k = crate::pathway::base_rates::next_kind_for(overall, &li.grades)?;
    Some(KindChances {
        short: k.short,
        standard: k.standard,
        of: k.short + k.standard,
        label: k.label.to_string(),
        tag: crate::model::source::Tag::D,
        source: crate::pathway::base_rates::HISTORY_SOURCE.to_string(),
    })
}

/// What the page says of a DfE intervention under a framework without an overall judgement.
const UNVERIFIED_INTERVENTION: (crate::model::source::Tag, &str) = (
    crate::model::source::Tag::U,
    "Unverified under the April 2026 framework: the Department for Education has published no intervention trigger without an overall judgement; we assume an inadequate judgement still leads to it.",
);

/// True for a framework without an overall effectiveness judgement (ILACS from April 2026).
fn without_overall(framework_id: &str) -> bool {
    framework(framework_id).is_some_and(|f| !f.judgements.iter().any(|j| j == "overall_effectiveness"))
}

fn monitoring_visits(ctx: &mut Ctx, inadequate_end: NaiveDate, from: NaiveDate, until: NaiveDate, prefix: &str) {
    let a = ctx.a;
    let first = a.get("monitoring_first_visit_months");
    let every = a.get("monitoring_interval_months");
    let mut k = 0;
    loop {
        let d = add_months_f(inadequate_end, first + every * k as f64);
        if d >= until {
            break;
        }
        k += 1;
        if d >= from {
            ctx.push_date(
                &format!("{prefix}monitoring_visit_{k}"),
                "monitoring_visit",
                d,
                &["monitoring_first_visit_months", "monitoring_interval_months"],
                Some(format!("Visit {k} since the inadequate inspection.")),
            );
        }
    }
}

/// What follows the coming inspection, from the projected grades under the framework in force.
/// Every event here happens only if the projection comes true, so each carries that condition;
/// on an inadequate outcome the monitoring visits are one event (a window up to the re-inspection),
/// not a date every few months.
fn outcome(ctx: &mut Ctx, fw: &FrameworkRules, projected: &BTreeMap<String, Grade>, end: Window) {
    let a = ctx.a;
    let Some((route, rr)) = crate::scoring::route::route(&fw.id, projected) else {
        ctx.t.problems.push(Problem::new(
            "projected",
            Code::MissingGrade,
            format!(
                "The projected grades do not decide a route under {}: enter {}",
                crate::framework::catalogue::name(&fw.id),
                fw.route_needs
            ),
        ));
        return;
    };
    // The route rules' own texts say when they are unverified or our assumption.
    let why = format!("Projected route: {}", rr.text);
    let Some(report) = end.map(|d| add_working_days(d, a.wd("report_lag_working_days")).ok()) else {
        return;
    };
    let auth = ctx.authority.clone();
    let mut report = report
        .map(|d| Some(publication_day(d, a, auth.as_deref()).0))
        .unwrap_or(report);
    report.likely = report.likely.max(report.earliest);
    report.latest = report.latest.max(report.likely);
    match route {
        Route::Monitoring => {
            ctx.t.condition = Some("Only if the coming inspection finds a judgement inadequate.".to_string());
            let Some(apv) = report.map(|d| add_working_days(d, a.wd("action_planning_visit_working_days")).ok()) else {
                ctx.t.condition = None;
                return;
            };
            ctx.push(
                "action_planning_visit",
                "action_planning_visit",
                apv,
                &["report_lag_working_days", "action_planning_visit_working_days"],
                Some(why.clone()),
            );
            ctx.t.weaker = without_overall(&fw.id).then_some(UNVERIFIED_INTERVENTION);
            ctx.push("dfe_adviser", "dfe_adviser", report, &["report_lag_working_days"], None);
            let notice = report.map(|d| Some(add_months_f(d, a.get("improvement_notice_months"))));
            let reinsp = cycle_window(Route::Monitoring, end.likely, a).0;
            if let Some(n) = notice {
                ctx.push(
                    "improvement_notice",
                    "improvement_notice",
                    n,
                    &["report_lag_working_days", "improvement_notice_months"],
                    None,
                );
                ctx.push(
                    "statutory_direction",
                    "statutory_direction",
                    Window::between(n.likely, reinsp.latest),
                    &["improvement_notice_months"],
                    None,
                );
            }
            ctx.t.weaker = None;
            let first = add_months_f(end.likely, a.get("monitoring_first_visit_months"));
            if first < reinsp.likely {
                let every = a.get("monitoring_interval_months");
                ctx.push(
                    "after_monitoring_visits",
                    "monitoring_visit",
                    Window {
                        earliest: first,
                        likely: first,
                        latest: reinsp.likely,
                    },
                    &["monitoring_first_visit_months", "monitoring_interval_months"],
                    Some(format!(
                        "From the first, about {} months after the inspection, one about every {} months until the re-inspection.",
                        crate::support::text::number_text(a.get("monitoring_first_visit_months")),
                        crate::support::text::number_text(every)
                    )),
                );
            }
            ctx.push(
                "reinspection",
                "reinspection",
                reinsp,
                &window_ids(Route::Monitoring),
                Some(fw.exit_text.to_string()),
            );
        }
        Route::Short | Route::Standard => {
            ctx.t.condition = Some("If the coming inspection's grades are as projected.".to_string());
            let (next_w, _) = cycle_window(route, end.likely, a);
            let kind = if route == Route::Short { "short" } else { "standard" };
            ctx.push(
                "following_inspection",
                "following_inspection",
                next_w,
                &window_ids(route),
                Some(format!("{why} The next one would be a {kind} inspection.")),
            );
            let fv = Window::between(
                add_months_f(end.likely, a.get("focused_visit_earliest_months")),
                add_months_f(end.likely, a.get("focused_visit_latest_months")),
            );
            let extra = if route == Route::Standard {
                "Below good: expect a standard inspection next time and perhaps two focused visits or a JTAI."
            } else {
                "Expect at least one focused visit."
            };
            ctx.push(
                "following_focused_visits",
                "following_focused_visits",
                fv,
                &["focused_visit_earliest_months", "focused_visit_latest_months"],
                Some(extra.to_string()),
            );
        }
    }
    ctx.t.condition = None;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::format as format_date;
    use serde_json::json;
    use std::collections::BTreeSet;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn run(v: Value) -> PathwayResult {
        pathway(&v)
    }

    fn ev<'a>(r: &'a PathwayResult, id: &str) -> &'a crate::pathway::timeline::Event {
        r.events
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("no event {id}: {:?}", ids(r)))
    }

    fn ids(r: &PathwayResult) -> Vec<String> {
        r.events.iter().map(|e| e.id.clone()).collect()
    }

    fn good_2024() -> Value {
        json!({ "lastInspection": { "kind": "short", "startedOn": "2024-03-04", "endedOn": "2024-03-08",
            "grades": { "overall_effectiveness": "good" } } })
    }

    #[test]
    fn every_assumption_default_is_in_range_and_sourced() {
        for a in crate::pathway::rules::default_assumptions() {
            assert!(a.min <= a.default && a.default <= a.max, "{}", a.id);
            assert!(a.source.starts_with("http"), "{}", a.id);
            // A setting names each whole value from min to max, and its default is one of them.
            if let Some(c) = &a.choices {
                assert_eq!(c.len() as f64, a.max - a.min + 1.0, "{}", a.id);
                assert_eq!(a.default.fract(), 0.0, "{}", a.id);
            }
        }
        assert!(crate::pathway::rules::default_assumptions()
            .iter()
            .any(|a| a.id == "election_pause" && a.choices.is_some()));
        for r in rules_data().rule.iter() {
            assert!(r.source.starts_with("http"), "{}", r.id);
        }
        for e in rules_data().event.iter() {
            assert!(e.source.starts_with("http"), "{}", e.id);
        }
    }

    #[test]
    fn every_pathway_framework_has_route_rules_over_its_judgements() {
        for f in rules_data().framework.iter() {
            let all = |g: Grade| {
                f.judgements
                    .iter()
                    .map(|j| (j.to_string(), g))
                    .collect::<BTreeMap<_, _>>()
            };
            let route_of = |g| crate::scoring::route::route(&f.id, &all(g)).map(|(r, _)| r);
            assert_eq!(route_of(Grade::Good), Some(Route::Short), "{}", f.id);
            assert_eq!(route_of(Grade::RequiresImprovement), Some(Route::Standard), "{}", f.id);
            assert_eq!(route_of(Grade::Inadequate), Some(Route::Monitoring), "{}", f.id);
            assert!(f.exit_source.starts_with("http"));
        }
        for p in rules_data().pause.iter() {
            assert!(p.from < p.to && p.source.starts_with("http"), "{}", p.id);
        }
    }

    #[test]
    fn no_inspection_is_projected_out_of_season() {
        use crate::pathway::calendar::{in_season_start, out_of_season};
        // The closed periods as the record has them: August, 23 December to 11 January.
        assert!(out_of_season(d("2027-08-02")) && out_of_season(d("2027-12-23")) && out_of_season(d("2028-01-11")));
        assert!(!out_of_season(d("2027-07-30")) && !out_of_season(d("2027-12-22")) && !out_of_season(d("2028-01-12")));
        // Every last inspection ending on a day of 2024-2027, every grade: the next window and every
        // projected inspection start on a Monday whose two weeks on site miss every closed period.
        let mut ended = d("2024-01-05");
        let mut checked = 0;
        while ended <= d("2027-12-31") {
            for grade in 0u8..4 {
                let g = Grade::from_rank(grade).id();
                let started = ended - TimeDelta::days(11);
                let grades = if started >= d("2026-04-01") {
                    json!({ "impact_of_leaders": g, "help_and_protection": g, "children_in_care": g, "care_leavers": g })
                } else {
                    json!({ "overall_effectiveness": g })
                };
                let today = ended + TimeDelta::days(30);
                let projected = json!({ "impact_of_leaders": g, "help_and_protection": g, "children_in_care": g, "care_leavers": g });
                let r = run(json!({ "today": format_date(today), "history": { "lastInspection": {
                    "startedOn": format_date(started), "endedOn": format_date(ended), "grades": grades } },
                    "projected": projected }));
                let n = r.next.clone().unwrap();
                let mut dates = vec![
                    n.window.earliest.clone(),
                    n.window.likely.clone(),
                    n.window.latest.clone(),
                ];
                for e in r
                    .events
                    .iter()
                    .filter(|e| e.kind == crate::pathway::rules::EventKind::Inspection)
                {
                    dates.extend(e.date.clone());
                    dates.extend(
                        e.window
                            .iter()
                            .flat_map(|w| [w.earliest.clone(), w.likely.clone(), w.latest.clone()]),
                    );
                }
                for x in &dates {
                    assert!(in_season_start(d(x)), "ended {ended}, grade {g}: {x} out of season");
                    checked += 1;
                }
            }
            ended += TimeDelta::days(3);
        }
        assert!(checked > 5000, "{checked}");
    }

    #[test]
    fn next_carries_the_record_s_counts_of_the_next_kind() {
        let all = |overall: &str, hp: &str| {
            json!({ "lastInspection": { "kind": "short", "startedOn": "2024-03-04", "endedOn": "2024-03-08",
                "grades": { "overall_effectiveness": overall, "impact_of_leaders": "good", "help_and_protection": hp,
                    "children_in_care": "good", "care_leavers": "outstanding" } } })
        };
        let chances = |h: Value| {
            run(json!({ "framework": "ilacs-2026-04", "today": "2026-11-23", "history": h }))
                .next
                .unwrap()
                .kind_chances
        };
        // Good with every judgement good: the record's counts, tagged D, from the grade history.
        let k = chances(all("good", "good")).expect("counts for good with every judgement good");
        let stored = crate::pathway::base_rates::base_rates()
            .next_kind
            .iter()
            .find(|k| k.pattern == "good_all_good")
            .unwrap();
        assert_eq!(
            (k.short, k.standard, k.of),
            (stored.short, stored.standard, stored.short + stored.standard)
        );
        assert_eq!((k.short, k.of), (23, 25));
        assert_eq!(k.label, "good overall with every judgement good or better");
        assert_eq!(k.tag, Tag::D);
        assert!(k.source.starts_with("https://"));
        let k = chances(all("good", "requires_improvement")).unwrap();
        assert_eq!((k.short, k.standard), (1, 2));
        assert_eq!(chances(all("requires_improvement", "good")).unwrap().standard, 19);
        // Good with a judgement not given: which were below good is unknown, so none.
        assert_eq!(chances(good_2024()), None);
        // A last inspection under the April 2026 framework has no overall grade: none.
        let h = json!({ "lastInspection": { "kind": "standard", "startedOn": "2026-05-11", "endedOn": "2026-05-22",
            "grades": { "impact_of_leaders": "good", "help_and_protection": "good", "children_in_care": "good",
                "care_leavers": "good" } } });
        let r = run(json!({ "framework": "ilacs-2026-04", "today": "2026-11-23", "history": h }));
        assert_eq!(r.next.unwrap().kind_chances, None);
    }

    #[test]
    fn short_route_after_good() {
        let r = run(json!({ "framework": "ilacs-2026-04", "today": "2026-11-23", "history": good_2024() }));
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        let n = r.next.clone().unwrap();
        assert_eq!(n.kind, InspectionKind::Short);
        assert_eq!(n.route, Some(Route::Short));
        assert_eq!(n.rule.id, "next_cycle_short");
        // 33 to 48 months after March 2024, most likely 41, on Mondays in season: 14 December
        // 2026 (two weeks on site would reach 25 December) moves to 18 January 2027 (11 January
        // is closed), 9 August 2027 to 6 September.
        assert_eq!(n.window.earliest, "2027-01-18");
        assert_eq!(n.window.likely, "2027-09-06");
        assert_eq!(n.window.latest, "2028-03-06");
        // From April 2027 every event carries the note on the framework Ofsted plans (tag U).
        let os = ev(&r, "on_site")
            .later_framework
            .clone()
            .expect("flagged after April 2027");
        assert_eq!(
            (&*os.id, os.tag),
            ("later_framework_2027", crate::model::source::Tag::U)
        );
        assert!(os.source.starts_with("https://"));
        for e in &r.events {
            let likely = e.date.clone().or(e.window.as_ref().map(|w| w.likely.clone())).unwrap();
            assert_eq!(e.later_framework.is_some(), likely.as_str() >= "2027-04-01", "{}", e.id);
        }
        assert!(r.events.iter().any(|e| e.later_framework.is_none()));
        // One week on site: notice call 5 working days before (30 August is a bank holiday).
        let call = ev(&r, "notice_call").window.clone().unwrap();
        assert_eq!(call.likely, "2027-08-27");
        assert_eq!(ev(&r, "on_site").window.clone().unwrap().likely, "2027-09-06");
        // Publication 27 WD after Friday 10 September 2027; action plan 70 WD later.
        let pubd = d(&ev(&r, "report_published").window.clone().unwrap().likely);
        assert_eq!(
            crate::pathway::calendar::working_days_between(d("2027-09-10"), pubd).unwrap(),
            27
        );
        let plan = d(&ev(&r, "action_plan_due").window.clone().unwrap().likely);
        assert_eq!(crate::pathway::calendar::working_days_between(pubd, plan).unwrap(), 70);
        // The focused-visit window (12 to 24 months after March 2024) has passed by November 2026.
        assert!(!ids(&r).contains(&"focused_visit".to_string()));
        assert!(!ids(&r).contains(&"second_focused_visit_or_jtai".to_string()));
        let earlier = run(json!({ "today": "2025-01-06", "history": good_2024() }));
        let fv = ev(&earlier, "focused_visit").window.clone().unwrap();
        // On working days: Saturday 8 March 2025 → Monday 10, Sunday 8 March 2026 → Friday 6.
        assert_eq!((fv.earliest.as_str(), fv.latest.as_str()), ("2025-03-10", "2026-03-06"));
    }

    #[test]
    fn standard_route_after_requires_improvement() {
        let r = run(json!({ "framework": "ilacs-2026-04", "today": "2025-01-06", "history":
            { "lastInspection": { "kind": "standard", "startedOn": "2024-06-03", "endedOn": "2024-06-14",
              "grades": { "overall_effectiveness": "requires improvement" } } } }));
        let n = r.next.clone().unwrap();
        assert_eq!((n.kind, n.route), (InspectionKind::Standard, Some(Route::Standard)));
        assert_eq!(n.rule.id, "next_cycle_standard");
        // 39 months after 14 June 2024: Tuesday 14 September 2027, so Monday 20 September.
        assert_eq!(n.window.likely, "2027-09-20");
        assert!(ids(&r).contains(&"second_focused_visit_or_jtai".to_string()));
        // Two weeks on site: on site Monday 20 September 2027 to Friday 1 October.
        let pubd = d(&ev(&r, "report_published").window.clone().unwrap().likely);
        assert_eq!(
            crate::pathway::calendar::working_days_between(d("2027-10-01"), pubd).unwrap(),
            27
        );
    }

    #[test]
    fn monitoring_route_after_inadequate() {
        let r = run(json!({ "framework": "ilacs-2026-04", "today": "2026-11-23", "history":
            { "lastInspection": { "kind": "standard", "startedOn": "2025-06-02", "endedOn": "2025-06-13",
              "grades": { "overall_effectiveness": "inadequate" } }, "monitoring": { "since": "2025-07-20" } } }));
        let n = r.next.clone().unwrap();
        assert_eq!((n.kind, n.route), (InspectionKind::Standard, Some(Route::Monitoring)));
        assert_eq!(n.rule.id, "next_monitoring_reinspection");
        // 34 to 50 months after June 2025 (17 April 2028 is Easter Monday), most likely 42; the
        // latest, 13 August 2029, out of season, moves back to 16 July (two weeks before August).
        assert_eq!(
            (n.window.earliest.as_str(), n.window.latest.as_str()),
            ("2028-04-24", "2029-07-16")
        );
        // Likely 18 December 2028 would reach 29 December on site: the next open Monday.
        assert_eq!(n.window.likely, "2029-01-15");
        assert!(n
            .notes
            .iter()
            .any(|x| x.id == "exit_ilacs-2026-04" && x.tag == crate::model::source::Tag::R));
        let visits: Vec<_> = r
            .events
            .iter()
            .filter(|e| e.id.starts_with("monitoring_visit_"))
            .collect();
        // From month 12 (June 2026) every 4 months: Oct 2026 is past, so Feb, Jun, Oct 2027, Feb 2028 …
        assert_eq!(visits[0].id, "monitoring_visit_3");
        // Saturday 13 February 2027 moves to Monday 15 February.
        assert_eq!(visits[0].date.as_deref(), Some("2027-02-15"));
        assert!(ids(&r).contains(&"reinspection_on_site".to_string()));
        assert!(ids(&r).contains(&"statutory_direction".to_string()));
        assert!(!ids(&r).contains(&"focused_visit".to_string()));
    }

    #[test]
    fn no_history_gives_the_earliest_plausible_window() {
        let r = run(json!({ "today": "2026-11-23" }));
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        let n = r.next.clone().unwrap();
        assert_eq!(n.rule.id, "next_no_history");
        assert_eq!(n.kind, InspectionKind::Standard);
        assert_eq!(n.window.earliest, "2026-11-30");
        assert_eq!(n.window.latest, "2030-06-17");
    }

    #[test]
    fn focused_visit_with_priority_actions_sets_plan_deadlines_and_may_bring_inspection_forward() {
        let mut h = good_2024();
        h["focusedVisits"] = json!([{ "endedOn": "2025-09-10", "priorityActions": true }]);
        let r = run(json!({ "framework": "ilacs-2026-04", "today": "2025-10-01", "history": h }));
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        let letter = add_working_days(d("2025-09-10"), 21).unwrap();
        assert_eq!(
            ev(&r, "priority_action_draft_plan_1").date,
            Some(format_date(add_working_days(letter, 20).unwrap()))
        );
        assert_eq!(
            ev(&r, "priority_action_final_plan_1").date,
            Some(format_date(add_working_days(letter, 70).unwrap()))
        );
        let n = r.next.clone().unwrap();
        assert!(n.notes.iter().any(|x| x.id == "next_early_after_priority_actions"));
        assert_eq!(n.window.earliest, "2026-01-12");
        // The visit already happened, so no further focused visit is expected this cycle.
        assert!(!ids(&r).contains(&"focused_visit".to_string()));
    }

    const YORK: &str = "E06000014";
    const KENT: &str = "E10000016";

    #[test]
    fn in_may_2027_a_report_of_an_authority_without_a_poll_is_not_held_and_a_county_s_is_in_2029() {
        let a = Assumptions::defaults();
        // York votes in 2027 (all-out), Kent does not (county elections 2025, 2029).
        let (p, h) = publication_day(d("2027-04-20"), &a, Some(KENT));
        assert_eq!(p, d("2027-04-20"));
        let h = h.expect("due in the window");
        assert!(!h.held && h.text.contains("no poll on 6 May 2027"), "{}", h.text);
        let (p, h) = publication_day(d("2027-04-20"), &a, Some(YORK));
        assert_eq!(p, add_working_days(d("2027-05-06"), 7).unwrap());
        let h = h.unwrap();
        assert_eq!(h.text, "council elections on 6 May 2027.");
        assert!(
            h.source.as_deref().is_some_and(|s| s.starts_with("https://")),
            "{:?}",
            h.source
        );
        // The event's note: the decision in words, and the calendar's source as a link, not in the words.
        let note = h.note();
        assert_eq!(
            note.text,
            "Held for the pre-election period: council elections on 6 May 2027."
        );
        assert_eq!(Some(note.source.to_string()), h.source);
        // Kent in May 2029: county council elections (and the tag they rest on).
        let (p, h) = publication_day(d("2029-04-16"), &a, Some(KENT));
        assert_eq!(p, add_working_days(d("2029-05-03"), 7).unwrap());
        let h = h.unwrap();
        assert!(
            h.held && h.text.starts_with("county council elections on 3 May 2029"),
            "{}",
            h.text
        );
        assert_eq!(h.tag, Some(Tag::S));
        // An authority the calendar does not know is taken to have a poll, and says so.
        let (_, h) = publication_day(d("2027-04-20"), &a, Some("E06999999"));
        assert!(h.unwrap().held);
    }

    #[test]
    fn the_election_pause_setting_holds_always_follows_the_calendar_or_never_holds() {
        let with = |v: f64| Assumptions::with_overrides(&json!({ "election_pause": v }), "assumptions").0;
        let due = d("2027-04-20");
        let held = add_working_days(d("2027-05-06"), 7).unwrap();
        // 2: every authority every May (the old behaviour), marked as our assumption.
        let (p, h) = publication_day(due, &with(2.0), Some(KENT));
        assert_eq!((p, h.as_ref().map(|h| h.tag)), (held, Some(Some(Tag::R))));
        // 1: the calendar (the default).
        assert_eq!(publication_day(due, &with(1.0), Some(KENT)).0, due);
        assert_eq!(publication_day(due, &with(1.0), Some(YORK)).0, held);
        // 0: never, not even for a general election.
        let (p, h) = publication_day(due, &with(0.0), Some(YORK));
        assert!(p == due && h.is_none());
        assert_eq!(publication_day(d("2024-06-10"), &with(0.0), None).0, d("2024-06-10"));
        // Out of range is a problem and leaves the default.
        let (_, p) = Assumptions::with_overrides(&json!({ "election_pause": 3 }), "assumptions");
        assert_eq!(p.len(), 1);
    }

    #[test]
    fn the_pathway_holds_the_report_only_where_the_authority_has_a_poll() {
        // A short inspection likely in February 2027 reports in April 2027.
        let h = json!({ "lastInspection": { "kind": "short", "startedOn": "2023-09-11", "endedOn": "2023-09-15",
            "grades": { "overall_effectiveness": "good" } } });
        let for_ons = |ons: Value| {
            run(json!({ "framework": "ilacs-2026-04", "today": "2026-11-23", "history": h, "authority": ons }))
        };
        let kent = for_ons(json!(KENT));
        let york = for_ons(json!(YORK));
        let unknown = for_ons(Value::Null);
        let likely = |r: &PathwayResult| d(&ev(r, "report_published").window.clone().unwrap().likely);
        assert!(likely(&kent) <= d("2027-05-06"), "{}", likely(&kent));
        assert_eq!(likely(&york), add_working_days(d("2027-05-06"), 7).unwrap());
        assert_eq!(likely(&unknown), likely(&york));
        let desc = |r: &PathwayResult| {
            let e = ev(r, "report_published");
            assert!(
                !e.description.contains("http"),
                "no web address in the words: {}",
                e.description
            );
            e.pre_election.as_ref().map(|n| n.text.to_string()).unwrap_or_default()
        };
        assert!(
            desc(&kent).contains("Not held for a pre-election period"),
            "{}",
            desc(&kent)
        );
        assert!(desc(&york).contains("Held for the pre-election period: council elections on 6 May 2027"));
        assert!(desc(&unknown).contains("The authority is not known, so a poll is assumed"));
        assert_eq!(ev(&unknown, "report_published").tag, Tag::R);
        assert!(!ev(&kent, "action_plan_due").description.contains("Later than usual"));
        // A code that is not text is a problem, and a poll is assumed.
        let bad = for_ons(json!(42));
        assert!(bad.problems.iter().any(|p| p.field == "authority"));
        assert_eq!(likely(&bad), likely(&york));
    }

    #[test]
    fn reports_due_in_a_pre_election_period_are_held_and_the_action_plan_follows() {
        let a = Assumptions::defaults();
        let d2 = |s: &str| d(s);
        // May 2026: a report due in April is published Monday 18 May, 7 working days after polling
        // day (7 May), as five reports were in 2026.
        // An authority not known is taken to have a poll.
        let (p, e) = publication_day(d2("2026-04-20"), &a, None);
        assert_eq!(
            (p, e.map(|e| e.election.id.as_ref())),
            (d2("2026-05-18"), Some("local_2026"))
        );
        // Outside a period, and with the pause switched off, nothing moves.
        assert_eq!(publication_day(d2("2026-06-01"), &a, None).0, d2("2026-06-01"));
        let (off, _) = Assumptions::with_overrides(&json!({ "election_pause": 0 }), "assumptions");
        assert_eq!(publication_day(d2("2026-04-20"), &off, None).0, d2("2026-04-20"));
        // The 2024 general election held reports from 25 May to 4 July, for every authority.
        for ons in [None, Some(YORK)] {
            assert_eq!(
                publication_day(d2("2024-06-10"), &a, ons)
                    .1
                    .map(|e| e.election.id.as_ref()),
                Some("general_2024")
            );
        }
        // In the pathway: a short inspection likely in February 2027 reports in April, so the
        // report waits for the May 2027 elections and the action plan moves with it.
        let h = json!({ "lastInspection": { "kind": "short", "startedOn": "2023-09-11", "endedOn": "2023-09-15",
            "grades": { "overall_effectiveness": "good" } } });
        let on = run(json!({ "framework": "ilacs-2026-04", "today": "2026-11-23", "history": h }));
        let off = run(
            json!({ "framework": "ilacs-2026-04", "today": "2026-11-23", "history": h,
            "assumptions": { "election_pause": 0 } }),
        );
        let pub_on = d(&ev(&on, "report_published").window.clone().unwrap().likely);
        let pub_off = d(&ev(&off, "report_published").window.clone().unwrap().likely);
        assert!(pub_off >= d("2027-03-31") && pub_off <= d("2027-05-06"), "{pub_off}");
        assert_eq!(pub_on, add_working_days(d("2027-05-06"), 7).unwrap());
        assert!(ev(&on, "report_published").description.contains("pre-election"));
        let plan_on = d(&ev(&on, "action_plan_due").window.clone().unwrap().likely);
        assert_eq!(
            crate::pathway::calendar::working_days_between(pub_on, plan_on).unwrap(),
            70
        );
        // A focused-visit letter due in April 2026 waits for 18 May too, and so do the plans.
        let mut hv = good_2024();
        hv["focusedVisits"] = json!([{ "endedOn": "2026-03-20", "priorityActions": true }]);
        let fv = run(json!({ "framework": "ilacs-2026-04", "today": "2026-03-23", "history": hv }));
        assert_eq!(
            ev(&fv, "priority_action_draft_plan_1").date,
            Some(format_date(add_working_days(d("2026-05-18"), 20).unwrap()))
        );
    }

    #[test]
    fn an_override_of_a_retired_assumption_is_ignored() {
        let r = run(json!({ "today": "2026-11-23", "history": good_2024(), "assumptions": { "cycle_months": 40 } }));
        assert!(r.problems.is_empty(), "{:?}", r.problems);
    }

    #[test]
    fn an_override_changes_the_timing_and_is_reported() {
        let r = run(
            json!({ "today": "2026-11-23", "history": good_2024(), "assumptions": { "report_lag_working_days": 35 } }),
        );
        assert!(r.problems.is_empty());
        let pubd = d(&ev(&r, "report_published").window.clone().unwrap().likely);
        assert_eq!(
            crate::pathway::calendar::working_days_between(d("2027-09-10"), pubd).unwrap(),
            35
        );
        let a = r
            .assumptions
            .iter()
            .find(|a| a.id == "report_lag_working_days")
            .unwrap();
        assert_eq!((a.value, a.default), (35.0, 27.0));
    }

    #[test]
    fn an_out_of_range_override_is_a_problem_and_the_default_is_used() {
        let r = run(json!({ "today": "2026-11-23", "history": good_2024(),
            "assumptions": { "report_lag_working_days": 80, "nonsense": 1, "short_likely_months": "soon",
                "cycle_months": 40 } }));
        let fields: Vec<_> = r.problems.iter().map(|p| (p.field.as_str(), p.code.as_str())).collect();
        assert_eq!(
            fields,
            vec![
                ("assumptions.nonsense", "unknown_assumption"),
                ("assumptions.report_lag_working_days", "out_of_range"),
                ("assumptions.short_likely_months", "invalid_number"),
            ]
        );
        let a = r
            .assumptions
            .iter()
            .find(|a| a.id == "report_lag_working_days")
            .unwrap();
        assert_eq!(a.value, 27.0);
        let pubd = d(&ev(&r, "report_published").window.clone().unwrap().likely);
        assert_eq!(
            crate::pathway::calendar::working_days_between(d("2027-09-10"), pubd).unwrap(),
            27
        );
    }

    #[test]
    fn pre_2026_and_2026_frameworks_route_projected_grades_differently() {
        let h = good_2024();
        // Under 2023 rules overall good with children in care good → short next time.
        let r23 = run(
            json!({ "framework": "ilacs-2023-01", "today": "2025-11-24", "history": h,
            "projected": { "overall_effectiveness": "good", "impact_of_leaders": "good",
                "help_and_protection": "requires_improvement", "children_in_care": "good", "care_leavers": "requires_improvement" } }),
        );
        assert!(r23.problems.is_empty(), "{:?}", r23.problems);
        let f = ev(&r23, "following_inspection");
        assert!(f.description.contains("short inspection"));
        assert!(f.condition.as_deref().is_some_and(|c| c.contains("as projected")));
        // Overall good but children in care below good → standard (the grade history's rule).
        let cic = run(
            json!({ "framework": "ilacs-2023-01", "today": "2025-11-24", "history": h,
            "projected": { "overall_effectiveness": "good", "impact_of_leaders": "good",
                "help_and_protection": "good", "children_in_care": "requires_improvement", "care_leavers": "good" } }),
        );
        assert!(ev(&cic, "following_inspection")
            .description
            .contains("standard inspection"));
        // The same practice grades under 2026 rules (only one of three good) → standard.
        let r26 = run(
            json!({ "framework": "ilacs-2026-04", "today": "2026-11-23", "history": h,
            "projected": { "impact_of_leaders": "good",
                "help_and_protection": "requires_improvement", "children_in_care": "requires_improvement", "care_leavers": "good" } }),
        );
        assert!(r26.problems.is_empty(), "{:?}", r26.problems);
        assert!(ev(&r26, "following_inspection")
            .description
            .contains("standard inspection"));
        // Overall effectiveness is not a 2026 judgement.
        let bad = run(
            json!({ "framework": "ilacs-2026-04", "today": "2026-11-23", "projected": { "overall_effectiveness": "good" } }),
        );
        assert_eq!(bad.problems[0].field, "projected.overall_effectiveness");
        // One inadequate judgement under 2026 → monitoring, with the 2026 exit rule.
        let inad = run(
            json!({ "framework": "ilacs-2026-04", "today": "2026-11-23", "history": h,
            "projected": { "impact_of_leaders": "good", "help_and_protection": "good", "children_in_care": "good", "care_leavers": "inadequate" } }),
        );
        let re = ev(&inad, "reinspection");
        assert!(re.description.contains("no inadequate judgement"));
        assert!(ids(&inad).contains(&"action_planning_visit".to_string()));
        // Conditional events are shown once: one window of monitoring visits, not a date each.
        let mv = ev(&inad, "after_monitoring_visits");
        assert!(mv.condition.as_deref().is_some_and(|c| c.contains("inadequate")));
        assert!(!ids(&inad).iter().any(|i| i.starts_with("after_monitoring_visit_")));
        // Under the 2026 framework DfE intervention rests on no published trigger: unverified.
        let adviser = ev(&inad, "dfe_adviser");
        assert_eq!(adviser.tag, crate::model::source::Tag::U);
        assert!(adviser.description.contains("Unverified"));
        assert!(ev(&inad, "action_planning_visit").description.contains("Unverified"));
        let inad23 = run(
            json!({ "framework": "ilacs-2023-01", "today": "2025-11-24", "history": h,
            "projected": { "overall_effectiveness": "inadequate" } }),
        );
        assert!(ev(&inad23, "reinspection")
            .description
            .contains("overall effectiveness requires improvement or better"));
    }

    #[test]
    fn last_inspection_framework_is_chosen_by_its_start_date() {
        // A 2026 inspection needs all four judgements; overall effectiveness is not one of them.
        let r = run(
            json!({ "today": "2026-11-23", "history": { "lastInspection": { "startedOn": "2026-05-04",
            "endedOn": "2026-05-08", "grades": { "impact_of_leaders": "good", "help_and_protection": "good",
            "children_in_care": "good", "care_leavers": "requires_improvement" } } } }),
        );
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        assert_eq!(r.next.unwrap().route, Some(Route::Short));
        // A 2025 inspection without overall effectiveness: a problem, and the cautious standard route.
        let r = run(
            json!({ "today": "2026-11-23", "history": { "lastInspection": { "startedOn": "2025-05-05",
            "endedOn": "2025-05-09", "grades": { "impact_of_leaders": "good" } } } }),
        );
        assert_eq!(r.problems[0].code, "missing_grade");
        let n = r.next.clone().unwrap();
        assert_eq!(
            (n.kind, n.rule.id.as_ref()),
            (InspectionKind::Standard, "next_unknown_route")
        );
    }

    #[test]
    fn the_covid_pause_moves_a_spanning_cycle() {
        let a = Assumptions::defaults();
        let (w, p) = cycle_window(Route::Short, d("2018-10-19"), &a);
        assert_eq!(p[0].id, "covid_2020");
        // 33 to 48 months from October 2018, moved 468 days (17 March 2020 to 28 June 2021),
        // latest a further 12 months.
        assert_eq!(w.earliest, d("2021-07-19") + TimeDelta::days(468));
        assert_eq!(w.latest, d("2025-01-30"));
        let (m, _) = cycle_window(Route::Monitoring, d("2019-03-08"), &a);
        assert_eq!((m.earliest, m.latest), (d("2022-01-08"), d("2024-05-08")));
        let (post, p) = cycle_window(Route::Short, d("2022-10-19"), &a);
        assert!(p.is_empty());
        assert_eq!((post.earliest, post.latest), (d("2025-07-19"), d("2026-10-19")));
    }

    #[test]
    fn overdue_windows_and_bad_today() {
        let r = run(json!({ "today": "2028-06-01", "history": good_2024() }));
        let n = r.next.clone().unwrap();
        assert!(n.notes.iter().any(|x| x.id == "next_overdue"));
        assert_eq!(n.window.earliest, "2028-06-12");
        assert_eq!(n.window.latest, "2028-11-27");
        let r = run(json!({ "today": "yesterday" }));
        assert!(r.next.is_none() && r.problems[0].field == "today");
        let r = run(json!({ "today": "2040-01-01" }));
        assert_eq!(r.problems[0].code, "out_of_coverage");
        let r = run(json!({ "today": "2026-11-23", "framework": "ilacs-1999" }));
        assert_eq!(r.problems[0].code, "unknown_framework");
        assert!(r.next.is_some());
    }

    #[test]
    fn odd_input_gives_problems_not_panics() {
        let odd = [
            json!(null),
            json!([]),
            json!({ "today": 5 }),
            json!({ "today": "2026-11-23", "history": [], "projected": "good", "assumptions": [], "framework": 7 }),
            json!({ "today": "2026-11-23", "history": { "lastInspection": { "startedOn": "0001-01-01", "endedOn": "0001-01-05",
                "grades": { "overall_effectiveness": "good" } }, "monitoring": {} } }),
            json!({ "today": "2026-11-23", "history": { "lastInspection": 3, "focusedVisits": {}, "interventions": [{}] } }),
            json!({ "today": "2026-11-23", "projected": { "impact_of_leaders": null, "care_leavers": 2 } }),
            json!({ "today": "2026-11-23", "assumptions": { "cycle_months": 1e300 } }),
        ];
        for input in odd {
            let r = pathway(&input);
            assert!(!r.problems.is_empty() || r.next.is_some(), "{input}");
        }
        // Near the end of the calendar's coverage the window is still given, with a problem for the rest.
        let r = run(
            json!({ "today": "2035-06-01", "history": { "lastInspection": { "startedOn": "2033-01-10",
            "endedOn": "2033-01-14", "grades": { "impact_of_leaders": "good", "help_and_protection": "good",
            "children_in_care": "good", "care_leavers": "good" } } } }),
        );
        assert!(r.next.is_some());
        assert!(r.problems.iter().any(|p| p.code == "out_of_coverage"));
    }

    #[test]
    fn events_are_in_date_order_and_name_known_assumptions() {
        let r = run(json!({ "today": "2026-11-23", "history": good_2024(),
            "projected": { "impact_of_leaders": "inadequate", "help_and_protection": "good", "children_in_care": "good", "care_leavers": "good" } }));
        let ids: BTreeSet<_> = r.assumptions.iter().map(|a| a.id.clone()).collect();
        let mut last = String::new();
        for e in r.events.iter() {
            let key = e.date.clone().or(e.window.as_ref().map(|w| w.likely.clone())).unwrap();
            assert!(key >= last, "{} out of order", e.id);
            last = key;
            for id in e.assumption_ids.iter() {
                assert!(
                    ids.iter().any(|x| x == id),
                    "{} names {id}, which is not reported",
                    e.id
                );
            }
        }
    }

    /// Property tests (native only: proptest does not build for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use chrono::Datelike;
        use proptest::prelude::*;

        fn day(k: i64) -> NaiveDate {
            d("2018-01-01") + TimeDelta::days(k)
        }

        proptest! {
            #[test]
            fn windows_are_ordered_and_never_start_before_the_notice_period(
                start in 0i64..3200,
                length in 0i64..14,
                after in 1i64..2000,
                grade in 0u8..4,
                monitored in any::<bool>(),
                fv_after in proptest::option::of(1i64..900),
            ) {
                let started = day(start);
                let ended = started + TimeDelta::days(length);
                let today = ended + TimeDelta::days(after);
                prop_assume!(today.year() <= 2032);
                let g = Grade::from_rank(grade).id();
                let grades = if framework_id_on(started) == Some("ilacs-2026-04") {
                    json!({ "impact_of_leaders": g, "help_and_protection": g, "children_in_care": g, "care_leavers": g })
                } else {
                    json!({ "overall_effectiveness": g })
                };
                let mut history = json!({ "lastInspection": { "startedOn": format_date(started),
                    "endedOn": format_date(ended), "grades": grades } });
                if monitored {
                    history["monitoring"] = json!({});
                }
                if let Some(k) = fv_after.filter(|k| *k < after) {
                    history["focusedVisits"] = json!([{ "endedOn": format_date(ended + TimeDelta::days(k)), "priorityActions": true }]);
                }
                let fw_now = framework(framework_id_on(today).unwrap_or("ilacs-2026-04")).unwrap();
                let projected: serde_json::Map<String, Value> =
                    fw_now.judgements.iter().map(|j| (j.to_string(), json!(g))).collect();
                let r = pathway(&json!({ "today": format_date(today), "history": history, "projected": projected }));
                prop_assert!(r.problems.is_empty(), "{:?}", r.problems);
                let n = r.next.unwrap();
                let (e, l, k) = (d(&n.window.earliest), d(&n.window.latest), d(&n.window.likely));
                prop_assert!(e <= k && k <= l, "{:?}", n.window);
                prop_assert!(e >= add_working_days(today, 5).unwrap());
                prop_assert_eq!(n.kind == InspectionKind::Short, n.route == Some(Route::Short));
                // Dates a person can use: inspections start on a working Monday, nothing falls on
                // a weekend or bank holiday, and the preparation comes before the inspection.
                use crate::pathway::calendar::is_working_day;
                for s in [&n.window.earliest, &n.window.likely, &n.window.latest] {
                    let x = d(s);
                    prop_assert!(x.weekday() == chrono::Weekday::Mon && is_working_day(x).unwrap(), "{s}");
                }
                let on_site = r.events.iter().find(|e| e.id.ends_with("on_site")).and_then(|e| e.window.clone());
                for ev in r.events.iter() {
                    // Dates inside texts are written as people read them ("10 June 2025"), never
                    // as the fields' YYYY-MM-DD.
                    let iso = |t: &str| {
                        t.as_bytes().windows(10).any(|w| {
                            w.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
                        })
                    };
                    prop_assert!(!iso(&ev.title) && !iso(&ev.description), "{}: {:?}", ev.id, ev.description);
                    let dates: Vec<String> = match (&ev.date, &ev.window) {
                        (Some(x), _) => vec![x.clone()],
                        (_, Some(w)) => vec![w.earliest.clone(), w.likely.clone(), w.latest.clone()],
                        _ => vec![],
                    };
                    for s in dates.iter() {
                        let x = d(s);
                        if x.year() <= 2030 {
                            prop_assert!(is_working_day(x).unwrap(), "{} on {s}", ev.id);
                        }
                        if ev.kind == crate::pathway::rules::EventKind::Inspection {
                            prop_assert_eq!(x.weekday(), chrono::Weekday::Mon, "{} on {}", ev.id, s);
                            prop_assert!(crate::pathway::calendar::in_season_start(x), "{} on {} out of season", ev.id, s);
                        }
                    }
                    if let (Some(os), true) = (&on_site, ev.kind == crate::pathway::rules::EventKind::Annual) {
                        let last = dates.last().unwrap();
                        prop_assert!(last < &os.likely, "{} {:?} after the inspection {:?}", ev.id, dates, os);
                    }
                }
                // Conditional events appear once each.
                let mut seen = std::collections::BTreeSet::new();
                for ev in r.events.iter().filter(|e| e.condition.is_some()) {
                    prop_assert!(seen.insert(ev.id.clone()), "{} twice", ev.id);
                }
                for ev in r.events.iter() {
                    if let Some(w) = &ev.window {
                        prop_assert!(w.earliest <= w.likely && w.likely <= w.latest, "{} {:?}", ev.id, w);
                    }
                }
            }
        }
    }
}
