//! The inspection pathway of a provider inspected under the SCCIF (children's homes, independent
//! fostering agencies): one engine, and one data file per kind of provider under
//! `crate/data/pathway/` (`sccif-childrens-homes.toml`, `sccif-ifa.toml`) holding every figure as an
//! adjustable assumption, the window rules, the second visits, the notes and the event texts, each
//! with its source and tag. [`crate::pathway::pathway`] hands a framework of a non-ILACS family
//! (from the catalogue) to the provider pathway whose `framework` matches.
//!
//! ## Window rules (data; the first that matches decides)
//!
//! - `year_cycle`: by the end of a cycle of `years` inspection years starting on `year_start`
//!   (1 April): the first start after the last inspection (`starts = "next"`) or the one on or
//!   before today (`"current"`, when there is no history). Children's homes: a full inspection in
//!   every inspection year, 1 April to 31 March \[V\]. Fostering agencies: a rolling 3-year cycle
//!   beginning the 1 April after the last inspection \[V\].
//! - `months_after`: `earliest`, `likely`, `latest` months after the last on-site day. Fostering
//!   agencies: inadequate → within 6–12 months; requires improvement → within 12–18 months \[V\]
//!   (most likely the middle \[R\]).
//!
//! A rule matches on `no_history`, on `grades` (the standing grade of `judged_by`), or `otherwise`.
//!
//! ## Around the window
//!
//! The window never starts before the notice period from today (the next working day for homes,
//! which are always unannounced \[V\]; about 2 working days for agencies \[S, unconfirmed\]); a window
//! that has passed becomes "within `provider_overdue_months` from today" \[R\]. Second visits
//! (`[[visit]]`) follow a full inspection whose standing grade is listed: homes below good are
//! inspected at least twice a year: requires improvement, the full inspection and a one-day
//! assurance inspection (which replaced the interim inspection in April 2022 and gives a single
//! judgement on its findings, not improved / sustained / declined) \[V\]; after an inadequate
//! judgement Ofsted returns within 6 to 8 weeks (SCCIF section 15; the assumption is in weeks) \[V\];
//! good and outstanding homes may get a risk-assessed second visit \[V\]. With projected grades, the
//! inspection after the coming one (and its second visit) follow from the same rules.
use crate::model::date::add_months_f;
use crate::model::grade::Grade;
use crate::pathway::calendar::parse_date;
use crate::pathway::history::{parse_history_shaped, read_grades, HistoryShape, InspectionKind};
use crate::pathway::rules::{Assumptions, RuleRef};
pub use crate::pathway::shapes::{CycleStart, ProviderPathway, Visit, WindowKind, WindowRule};
use crate::pathway::timeline::{Next, PathwayResult, Timeline, Window};
use crate::support::embedded::Text;
use crate::support::problems::{Code, Problem};
use chrono::{Datelike, NaiveDate, TimeDelta};
use serde_json::Value;
use std::sync::OnceLock;

/// Every provider pathway this build knows, one per kind of provider.
pub fn all() -> &'static [ProviderPathway] {
    static DATA: OnceLock<Vec<ProviderPathway>> = OnceLock::new();
    DATA.get_or_init(|| vec![baked!("pathway/sccif-childrens-homes"), baked!("pathway/sccif-ifa")])
}

/// The provider pathway for a framework id, when the catalogue puts it outside the ILACS family.
pub fn for_framework(id: Option<&str>) -> Option<&'static ProviderPathway> {
    let id = id?;
    if crate::framework::catalogue::family(id)? == "ilacs" {
        return None;
    }
    all().iter().find(|p| p.framework == id)
}

fn rule_ref(id: &str, text: &str, source: &str, tag: crate::model::source::Tag) -> RuleRef {
    RuleRef {
        id: id.to_string().into(),
        text: text.to_string().into(),
        source: source.to_string().into(),
        tag,
    }
}

/// The start of the cycle year (`month-day`) on or before `d`.
fn year_start_on_or_before(d: NaiveDate, month_day: &str) -> Option<NaiveDate> {
    let (m, day) = month_day.split_once('-')?;
    let (m, day): (u32, u32) = (m.parse().ok()?, day.parse().ok()?);
    let this = NaiveDate::from_ymd_opt(d.year(), m, day)?;
    if this <= d {
        Some(this)
    } else {
        NaiveDate::from_ymd_opt(d.year() - 1, m, day)
    }
}

impl WindowRule {
    fn matches(&self, has_history: bool, standing: Option<Grade>) -> bool {
        if !has_history {
            return self.no_history;
        }
        self.otherwise || standing.is_some_and(|g| self.grades.contains(&g))
    }

    /// The window measured from `anchor` (the last on-site day, or today without history).
    fn window(&self, anchor: NaiveDate, a: &Assumptions) -> Option<Window> {
        match &self.kind {
            WindowKind::YearCycle {
                years,
                year_start,
                starts,
            } => {
                let current = year_start_on_or_before(anchor, year_start)?;
                let start = match starts {
                    CycleStart::Next => current.with_year(current.year() + 1)?,
                    CycleStart::Current => current,
                };
                let years = a.get(years).round().max(1.0) as i32;
                let end = start.with_year(start.year() + years)? - TimeDelta::days(1);
                Some(Window::between(start, end))
            }
            WindowKind::MonthsAfter {
                earliest,
                likely,
                latest,
            } => Some(Window {
                earliest: add_months_f(anchor, a.get(earliest)),
                latest: add_months_f(anchor, a.get(latest)),
                likely: add_months_f(anchor, a.get(likely)),
            }),
        }
    }

    fn assumption_ids(&self) -> Vec<String> {
        match &self.kind {
            WindowKind::YearCycle { years, .. } => vec![years.to_string()],
            WindowKind::MonthsAfter {
                earliest,
                likely,
                latest,
            } => vec![earliest.to_string(), likely.to_string(), latest.to_string()],
        }
    }

    fn as_ref(&self) -> RuleRef {
        rule_ref(&self.id, &self.text, &self.source, self.tag)
    }
}

struct Plan<'a> {
    p: &'a ProviderPathway,
    a: Assumptions,
    t: Timeline,
}

impl Plan<'_> {
    fn push(&mut self, id: &str, def: &str, w: Window, assumption_ids: Vec<String>, extra: Option<&str>) {
        let d = self
            .p
            .event
            .iter()
            .find(|e| e.id == def)
            .unwrap_or_else(|| panic!("provider pathway event {def} missing from {}", self.p.framework));
        self.t.push(d, id, w, assumption_ids, extra);
    }

    fn note(&self, id: &str) -> RuleRef {
        self.p
            .note
            .iter()
            .find(|n| n.id == id)
            .cloned()
            .unwrap_or_else(|| panic!("provider pathway note {id} missing from {}", self.p.framework))
    }

    /// Second visits after a full inspection ending `end` with standing grade `g`, from `soonest`.
    fn visits(&mut self, prefix: &str, kind: InspectionKind, end: NaiveDate, g: Option<Grade>, soonest: NaiveDate) {
        let p = self.p;
        for v in p.visit.iter().filter(|v| v.after_kinds.contains(&kind)) {
            if !g.is_some_and(|g| v.grades.contains(&g)) {
                continue;
            }
            let w = Window::between(self.a.after(end, &v.earliest), self.a.after(end, &v.latest));
            if w.latest < soonest {
                continue;
            }
            let ids = vec![v.earliest.to_string(), v.latest.to_string()];
            self.push(
                &format!("{prefix}{}", v.event),
                &v.event,
                w.not_before(soonest),
                ids,
                Some(&v.text),
            );
        }
    }
}

impl ProviderPathway {
    fn choose(&self, has_history: bool, standing: Option<Grade>) -> &WindowRule {
        self.rule
            .iter()
            .find(|r| r.matches(has_history, standing))
            .unwrap_or_else(|| panic!("{}: no window rule matches", self.framework))
    }

    /// The pathway for `{ framework, today, history, projected, assumptions }`, like
    /// [`crate::pathway::pathway`]. Never panics on bad input: problems are returned as data.
    pub fn pathway(&self, input: &Value) -> PathwayResult {
        let (a, problems) = Assumptions::from_list_with_overrides(
            self.assumption.to_vec(),
            input.get("assumptions").unwrap_or(&Value::Null),
            "assumptions",
        );
        let mut plan = Plan {
            p: self,
            a,
            t: Timeline::new(problems),
        };
        let next = self.plan(&mut plan, input);
        let assumptions = plan.a.used();
        plan.t.finish(next, assumptions)
    }

    fn plan(&self, plan: &mut Plan, input: &Value) -> Option<Next> {
        let today = match input.get("today").and_then(Value::as_str).map(parse_date) {
            Some(Ok(d)) => d,
            _ => {
                plan.t.problems.push(Problem::new(
                    "today",
                    Code::InvalidDate,
                    "Give today's date as a real date, like 22 11 2026",
                ));
                return None;
            }
        };
        if let Err(e) = crate::pathway::calendar::is_working_day(today) {
            plan.t.problems.push(Problem::new("today", e.code(), e.to_string()));
            return None;
        }
        let fw = crate::framework::get(&self.framework).expect("a provider pathway names a known framework");
        let judgements: Vec<Text> = fw.judgements.iter().map(|j| Text::Borrowed(j.id.as_str())).collect();
        let shape = HistoryShape {
            kinds: &self.kinds,
            framework: Some((&self.framework, &judgements)),
            local_authority: false,
        };
        let (history, hp) = parse_history_shaped(
            input.get("history").unwrap_or(&Value::Null),
            "history",
            Some(today),
            &shape,
        );
        plan.t.problems.extend(hp);
        let projected = read_grades(
            input.get("projected"),
            Some(&judgements),
            &self.framework,
            "projected",
            &mut plan.t.problems,
        );

        let notice = if self.notice_assumption.is_empty() {
            0
        } else {
            plan.a.get(&self.notice_assumption).round() as i64
        };
        let soonest = plan.t.wd(today, notice.max(1))?;
        let last = history.last_inspection.as_ref();
        let standing = last.and_then(|l| l.grades.get(&*self.judged_by).copied());
        let mut notes = Vec::new();
        if last.is_some() && standing.is_none() {
            notes.push(plan.note("provider_missing_grade"));
        }
        let rule = self.choose(last.is_some(), standing);
        let anchor = last.map_or(today, |l| l.ended_on);
        let mut window = rule.window(anchor, &plan.a)?;
        let mut window_ids = rule.assumption_ids();
        if window.latest < soonest {
            let later = add_months_f(today, plan.a.get("provider_overdue_months")).max(soonest);
            window = Window::between(soonest, later);
            window_ids.push("provider_overdue_months".into());
            notes.push(plan.note("provider_overdue"));
        } else {
            window = window.not_before(soonest);
        }
        // Dates a person can use: working days only.
        let window = window.on_working_days();
        notes.push(plan.note(if self.unannounced {
            "provider_unannounced"
        } else {
            "provider_notice"
        }));

        // Second visits since the last full inspection.
        if let Some(li) = last {
            if let Some(kind) = li.kind.or(self.full_kinds.first().copied()) {
                plan.visits("", kind, li.ended_on, standing, soonest);
            }
        }

        // The coming full inspection.
        if notice > 0 {
            let call = (
                plan.t.wd(window.earliest, -notice),
                plan.t.wd(window.latest, -notice),
                plan.t.wd(window.likely, -notice),
            );
            if let (Some(e), Some(l), Some(k)) = call {
                let w = Window {
                    earliest: e.max(today),
                    latest: l.max(today),
                    likely: k.max(today),
                };
                let mut ids = window_ids.clone();
                ids.push(self.notice_assumption.to_string());
                plan.push("notice_call", "notice_call", w, ids, None);
            }
        }
        plan.push("on_site", "on_site", window, window_ids.clone(), None);

        // With projected grades: what follows the coming inspection.
        if !projected.is_empty() {
            match projected.get(&*self.judged_by) {
                None => plan.t.problems.push(Problem::new(
                    format!("projected.{}", self.judged_by),
                    Code::MissingGrade,
                    format!("Enter the projected grade for {}", self.judged_by),
                )),
                Some(&g) => {
                    let after = window.likely;
                    let r = self.choose(true, Some(g));
                    if let Some(w) = r.window(after, &plan.a) {
                        let text = format!("Projected: {}", r.text);
                        plan.push(
                            "following_inspection",
                            "following_inspection",
                            w,
                            r.assumption_ids(),
                            Some(&text),
                        );
                    }
                    if let Some(&full) = self.full_kinds.first() {
                        plan.visits("following_", full, after, Some(g), after);
                    }
                }
            }
        }

        Some(Next {
            kind: InspectionKind::Full,
            route: None,
            window: window.to_out(),
            rule: rule.as_ref(),
            notes,
            kind_chances: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_provider_framework_has_a_pathway_whose_data_is_sound() {
        for f in crate::framework::catalogue::catalogue()
            .iter()
            .filter(|f| f.family != "ilacs")
        {
            let p = for_framework(Some(&f.id)).unwrap_or_else(|| panic!("{} has no pathway", f.id));
            let fw = crate::framework::get(&f.id).unwrap();
            assert!(fw.judgement_index(&p.judged_by).is_some(), "{}", f.id);
            assert!(!p.kinds.is_empty() && p.full_kinds.iter().all(|k| p.kinds.contains(k)));
            assert!(p.rule.iter().any(|r| r.no_history), "{} needs a no-history rule", f.id);
            assert!(p.rule.iter().any(|r| r.otherwise), "{} needs an otherwise rule", f.id);
            let ids: Vec<&str> = p.assumption.iter().map(|a| a.id.as_ref()).collect();
            for a in p.assumption.iter() {
                assert!(a.min <= a.default && a.default <= a.max, "{}", a.id);
                assert!(a.source.starts_with("https://"));
            }
            let known = |id: &str| id.is_empty() || ids.contains(&id);
            for r in p.rule.iter() {
                assert!(r.assumption_ids().iter().all(|id| known(id)), "{}", r.id);
                assert!(r.source.starts_with("https://"));
            }
            for v in p.visit.iter() {
                assert!(known(&v.earliest) && known(&v.latest) && p.event.iter().any(|e| e.id == v.event));
            }
            assert!(known(&p.notice_assumption) && ids.contains(&"provider_overdue_months"));
            assert_eq!(p.notice_assumption.is_empty(), p.unannounced, "{}", f.id);
            for n in ["provider_overdue", "provider_missing_grade"] {
                assert!(p.note.iter().any(|x| x.id == n), "{} note {n}", f.id);
            }
            for e in p.event.iter() {
                assert!(e.source.starts_with("https://"));
            }
        }
        assert!(for_framework(Some("ilacs-2026-04")).is_none());
        // What the page offers (the framework's data) is what the pathway accepts.
        for f in crate::framework::all() {
            let accepted: Vec<InspectionKind> = match for_framework(Some(&f.id)) {
                Some(p) => p.kinds.to_vec(),
                None => crate::pathway::history::ILACS_HISTORY
                    .kinds
                    .iter()
                    .rev()
                    .copied()
                    .collect(),
            };
            assert_eq!(f.inspection_kinds, accepted, "{}", f.id);
        }
        assert!(for_framework(Some("nope")).is_none());
        assert!(for_framework(None).is_none());
    }

    #[test]
    fn an_inadequate_childrens_home_sees_ofsted_again_within_6_to_8_weeks() {
        let homes = for_framework(Some("sccif-childrens-homes")).unwrap();
        let r = homes.pathway(&json!({ "framework": "sccif-childrens-homes", "today": "2026-06-15",
            "history": { "lastInspection": { "kind": "full", "startedOn": "2026-06-09", "endedOn": "2026-06-10",
              "grades": { "overall_experiences_progress": "inadequate" } } } }));
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        let e = r
            .events
            .iter()
            .find(|e| e.id == "return_after_inadequate")
            .expect("a return visit");
        let w = e.window.clone().unwrap();
        // 6 weeks after Wednesday 10 June is 22 July; 8 weeks, 5 August (both working days).
        assert_eq!((w.earliest.as_str(), w.latest.as_str()), ("2026-07-22", "2026-08-05"));
        assert_eq!(e.tag, crate::model::source::Tag::V);
        // Not the 3-to-9-month second visit of a home that requires improvement.
        assert!(!r.events.iter().any(|e| e.id == "second_visit"));
        let ri = homes.pathway(&json!({ "framework": "sccif-childrens-homes", "today": "2026-06-15",
            "history": { "lastInspection": { "kind": "full", "startedOn": "2026-06-09", "endedOn": "2026-06-10",
              "grades": { "overall_experiences_progress": "requires_improvement" } } } }));
        let second = ri
            .events
            .iter()
            .find(|e| e.id == "second_visit")
            .expect("a second visit");
        assert!(second.description.contains("single judgement"));
        assert!(!second
            .description
            .contains("improved, sustained or declined effectiveness"));
        assert!(!ri.events.iter().any(|e| e.id == "return_after_inadequate"));
    }

    #[test]
    fn the_inspection_year_starts_on_1_april() {
        let d = |s| parse_date(s).unwrap();
        assert_eq!(year_start_on_or_before(d("2026-03-31"), "04-01"), Some(d("2025-04-01")));
        assert_eq!(year_start_on_or_before(d("2026-04-01"), "04-01"), Some(d("2026-04-01")));
        assert_eq!(year_start_on_or_before(d("2026-04-01"), "nonsense"), None);
    }

    #[test]
    fn provider_histories_accept_provider_kinds_only() {
        let homes = for_framework(Some("sccif-childrens-homes")).unwrap();
        let r = homes.pathway(&json!({ "framework": "sccif-childrens-homes", "today": "2026-11-23",
            "history": { "lastInspection": { "kind": "short", "startedOn": "2026-06-09", "endedOn": "2026-06-10",
              "grades": { "overall_effectiveness": "good" } }, "focusedVisits": [{ "endedOn": "2026-01-01" }] } }));
        let got: Vec<(&str, &str)> = r.problems.iter().map(|p| (p.field.as_str(), p.code.as_str())).collect();
        assert_eq!(
            got,
            [
                ("history.lastInspection.kind", "invalid_kind"),
                (
                    "history.lastInspection.grades.overall_effectiveness",
                    "unknown_judgement"
                ),
                ("history.focusedVisits", "not_applicable"),
            ]
        );
        assert!(r.problems[0].message.contains("full, interim or assurance"));
        // The missing grade is a note, and the yearly rule still applies.
        let n = r.next.unwrap();
        assert_eq!(n.rule.id, "ch_full_every_year");
        assert!(n.notes.iter().any(|x| x.id == "provider_missing_grade"));
    }

    #[test]
    fn odd_input_gives_problems_not_panics() {
        for p in all() {
            for input in [
                json!(null),
                json!({ "today": "2026-02-30" }),
                json!({ "today": "2040-01-01" }),
                json!({ "today": "2026-11-23", "history": 4, "projected": [], "assumptions": { "ifa_cycle_years": 9 } }),
                json!({ "today": "2026-11-23", "history": { "lastInspection": { "startedOn": "2001-01-01", "endedOn": "2001-01-02",
                    "grades": { "overall_experiences_progress": "inadequate" } } } }),
                json!({ "today": "2035-12-20", "history": { "lastInspection": { "kind": "full", "startedOn": "2035-06-01",
                    "endedOn": "2035-06-02", "grades": { "overall_experiences_progress": "requires_improvement" } } },
                    "projected": { "overall_experiences_progress": "inadequate" } }),
            ] {
                let r = p.pathway(&input);
                assert!(r.next.is_some() || !r.problems.is_empty(), "{} {input}", p.framework);
            }
        }
    }

    fn rule_window(framework: &str, rule: &str, anchor: &str) -> (Window, Vec<String>) {
        let p = for_framework(Some(framework)).unwrap();
        let r = p.rule.iter().find(|r| &*r.id == rule).unwrap();
        let (a, problems) = Assumptions::from_list_with_overrides(p.assumption.to_vec(), &Value::Null, "assumptions");
        assert!(problems.is_empty());
        (r.window(parse_date(anchor).unwrap(), &a).unwrap(), r.assumption_ids())
    }

    /// Found by cargo-mutants (docs/mutants.md): the cycle windows run from a 1 April to the
    /// 31 March that ends the cycle: for a home, the inspection year after the last inspection (or
    /// the current one without history); for a fostering agency, the 3 years from the 1 April after
    /// the last inspection. Each window names the assumption that sets it.
    #[test]
    fn cycle_windows_run_from_1_april_to_the_31_march_ending_the_cycle() {
        let d = |s| parse_date(s).unwrap();
        let span = |w: Window| (w.earliest, w.latest);
        // A home inspected in June 2026: the inspection year 1 April 2027 to 31 March 2028.
        let (w, ids) = rule_window("sccif-childrens-homes", "ch_full_every_year", "2026-06-10");
        assert_eq!(span(w), (d("2027-04-01"), d("2028-03-31")));
        assert_eq!(ids, ["ch_cycle_years"]);
        // Inspected in March 2026 (the year that began 1 April 2025): the next year starts 1 April 2026.
        let (w, _) = rule_window("sccif-childrens-homes", "ch_full_every_year", "2026-03-15");
        assert_eq!(span(w), (d("2026-04-01"), d("2027-03-31")));
        // No history: the current inspection year.
        let (w, _) = rule_window("sccif-childrens-homes", "ch_no_history", "2026-11-23");
        assert_eq!(span(w), (d("2026-04-01"), d("2027-03-31")));
        // A good fostering agency inspected in June 2025: 1 April 2026 to 31 March 2029.
        let (w, ids) = rule_window("sccif-ifa", "ifa_three_year_cycle", "2025-06-10");
        assert_eq!(span(w), (d("2026-04-01"), d("2029-03-31")));
        assert_eq!(ids, ["ifa_cycle_years"]);
        // Requires improvement: 12 to 18 months after, most likely 15, each month figure named.
        let (w, ids) = rule_window("sccif-ifa", "ifa_reinspect_requires_improvement", "2025-06-10");
        assert_eq!(
            (w.earliest, w.likely, w.latest),
            (d("2026-06-10"), d("2026-09-10"), d("2026-12-10"))
        );
        assert_eq!(
            ids,
            ["ifa_ri_earliest_months", "ifa_ri_likely_months", "ifa_ri_latest_months"]
        );
    }

    /// Found by cargo-mutants: a second visit is shown until the last day of its window has passed;
    /// on the last possible day it is on that day, and after it is left out.
    #[test]
    fn a_second_visit_is_kept_until_its_last_day_has_passed() {
        let homes = for_framework(Some("sccif-childrens-homes")).unwrap();
        let run = |today: &str| {
            homes.pathway(&json!({ "framework": "sccif-childrens-homes", "today": today,
                "history": { "lastInspection": { "kind": "full", "startedOn": "2025-09-15", "endedOn": "2025-09-16",
                  "grades": { "overall_experiences_progress": "requires_improvement" } } } }))
        };
        // 3 to 9 months after 16 September 2025: the window closes on Tuesday 16 June 2026, the next
        // working day after Monday 15 June (the soonest a visit can be).
        let r = run("2026-06-15");
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        let second = r
            .events
            .iter()
            .find(|e| e.id == "second_visit")
            .expect("a second visit");
        assert_eq!((second.date.as_deref(), &second.window), (Some("2026-06-16"), &None));
        // From 16 June the soonest day is 17 June: the window has passed.
        assert!(!run("2026-06-16").events.iter().any(|e| e.id == "second_visit"));
    }

    /// Found by cargo-mutants: when the usual window has passed, the inspection is assumed within
    /// `provider_overdue_months` (6 for fostering agencies) from the soonest day, with the overdue
    /// note; a window still open is only moved to start no sooner than the notice allows.
    #[test]
    fn a_passed_window_becomes_within_the_overdue_months_from_today() {
        let ifa = for_framework(Some("sccif-ifa")).unwrap();
        let run = |ended: &str| {
            let r = ifa.pathway(&json!({ "framework": "sccif-ifa", "today": "2026-11-23",
                "history": { "lastInspection": { "kind": "full", "startedOn": ended, "endedOn": ended,
                  "grades": { "overall_experiences_progress": "requires_improvement" } } } }));
            assert!(r.problems.is_empty(), "{:?}", r.problems);
            r.next.unwrap()
        };
        let notes = |n: &Next| n.notes.iter().map(|x| x.id.to_string()).collect::<Vec<_>>();
        // Requires improvement in January 2024: 12 to 18 months after ended in July 2025. Soonest is
        // 2 working days after Monday 23 November 2026; 6 months after today is Sunday 23 May 2027,
        // so the latest working day is Friday 21 May.
        let n = run("2024-01-10");
        assert_eq!(
            (n.window.earliest.as_str(), n.window.latest.as_str()),
            ("2026-11-25", "2027-05-21")
        );
        assert_eq!(notes(&n), ["provider_overdue", "provider_notice"]);
        // Requires improvement in June 2025: the window (10 June to 10 December 2026) is still open.
        let n = run("2025-06-10");
        assert_eq!(
            (n.window.earliest.as_str(), n.window.latest.as_str()),
            ("2026-11-25", "2026-12-10")
        );
        assert_eq!(notes(&n), ["provider_notice"]);
        // Requires improvement on 25 May 2025: the window closes 18 months on, on 25 November 2026,
        // the soonest day itself. Not passed: the inspection is on that day.
        let n = run("2025-05-25");
        assert_eq!(
            (n.window.earliest.as_str(), n.window.latest.as_str()),
            ("2026-11-25", "2026-11-25")
        );
        assert_eq!(notes(&n), ["provider_notice"]);
    }

    /// Found by cargo-mutants: an agency told of its inspection (2 working days' notice) gets a
    /// notice event 2 working days before each date of the window; an unannounced home gets none.
    #[test]
    fn the_notice_call_comes_the_notice_period_before_the_window() {
        let ifa = for_framework(Some("sccif-ifa")).unwrap();
        let r = ifa.pathway(&json!({ "framework": "sccif-ifa", "today": "2026-11-23",
            "history": { "lastInspection": { "kind": "full", "startedOn": "2025-06-10", "endedOn": "2025-06-10",
              "grades": { "overall_experiences_progress": "requires_improvement" } } } }));
        let on_site = r
            .events
            .iter()
            .find(|e| e.id == "on_site")
            .unwrap()
            .window
            .clone()
            .unwrap();
        assert_eq!(
            (on_site.earliest.as_str(), on_site.latest.as_str()),
            ("2026-11-25", "2026-12-10")
        );
        let call = r.events.iter().find(|e| e.id == "notice_call").expect("a notice call");
        let w = call.window.clone().unwrap();
        // Wednesday 25 November less 2 working days is today; Thursday 10 December less 2 is Tuesday 8.
        assert_eq!((w.earliest.as_str(), w.latest.as_str()), ("2026-11-23", "2026-12-08"));
        // Likely half way through what is left of the window, Wednesday 2 December: told Monday 30 November.
        assert_eq!(
            (on_site.likely.as_str(), w.likely.as_str()),
            ("2026-12-02", "2026-11-30")
        );
        assert!(call.assumption_ids.iter().any(|id| id == "ifa_notice_working_days"));
        let homes = for_framework(Some("sccif-childrens-homes")).unwrap();
        let r = homes.pathway(&json!({ "framework": "sccif-childrens-homes", "today": "2026-11-23" }));
        assert!(r.events.iter().any(|e| e.id == "on_site"));
        assert!(!r.events.iter().any(|e| e.id == "notice_call"));
    }

    /// Found by cargo-mutants: the missing-grade note is for a last inspection without its grade,
    /// never for a provider with no recorded inspection.
    #[test]
    fn the_missing_grade_note_needs_a_last_inspection_without_its_grade() {
        let homes = for_framework(Some("sccif-childrens-homes")).unwrap();
        let notes = |history: Value| {
            let r = homes
                .pathway(&json!({ "framework": "sccif-childrens-homes", "today": "2026-11-23", "history": history }));
            assert!(r.problems.is_empty(), "{:?}", r.problems);
            r.next
                .unwrap()
                .notes
                .iter()
                .map(|x| x.id.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(notes(Value::Null), ["provider_unannounced"]);
        let last = |grades: Value| {
            json!({ "lastInspection": { "kind": "full", "startedOn": "2026-06-09",
            "endedOn": "2026-06-10", "grades": grades } })
        };
        assert_eq!(
            notes(last(json!({ "overall_experiences_progress": "good" }))),
            ["provider_unannounced"]
        );
        assert_eq!(
            notes(last(json!({}))),
            ["provider_missing_grade", "provider_unannounced"]
        );
    }
}
