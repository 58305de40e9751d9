//! An authority's inspection history, read leniently from the JSON the page and the assessment
//! file carry under `history`:
//!
//! ```json
//! { "lastInspection": { "kind": "short", "startedOn": "2024-03-04", "endedOn": "2024-03-08",
//!                       "grades": { "overall_effectiveness": "good", "help_and_protection": "good" } },
//!   "focusedVisits": [ { "endedOn": "2025-05-14", "priorityActions": false } ],
//!   "monitoring": null,
//!   "interventions": [ { "kind": "improvement_notice", "on": "2023-02-01" } ] }
//! ```
//!
//! Every part may be missing. Anything wrong is reported as a [`Problem`] naming the field (such
//! as `history.lastInspection.endedOn`) and the faulty part is left out, so the rest still counts:
//! dates must be real `YYYY-MM-DD` dates, not after "today"; `endedOn` must not be before
//! `startedOn`; kinds must be known; grades must be on the four-point scale and belong to the
//! framework in force when the inspection started (chosen by its start date: 2018 and 2023
//! frameworks have overall effectiveness, the April 2026 one does not).
//!
//! Which kinds of inspection and which parts apply depend on the framework family, as data
//! ([`HistoryShape`]): local authorities (ILACS) have short and standard inspections, focused visits,
//! monitoring and interventions; providers (SCCIF) have `full` inspections and the one-day second
//! visits (`assurance` inspections since April 2022; `interim` for visits recorded before), graded by the provider's
//! framework, and nothing else:
//!
//! ```json
//! { "lastInspection": { "kind": "full", "startedOn": "2026-06-09", "endedOn": "2026-06-10",
//!     "grades": { "overall_experiences_progress": "requires improvement" } } }
//! ```
//!
//! For an interim or assurance visit, `grades` are the judgements standing from the last full
//! inspection (an interim visit said only whether effectiveness improved, was sustained or declined;
//! an assurance inspection gives a single judgement on its findings, which does not replace them).
use crate::model::grade::Grade;
pub use crate::model::inspection::InspectionKind;
use crate::pathway::calendar::parse_date;
use crate::support::embedded::Text;
use crate::support::problems::{Code, Problem};
use chrono::NaiveDate;
use serde_json::Value;
use std::collections::BTreeMap;

/// What a history may hold for a framework family.
#[derive(Debug, Clone, Copy)]
pub struct HistoryShape<'a> {
    /// The accepted `lastInspection.kind` values.
    pub kinds: &'a [InspectionKind],
    /// The framework that graded the last inspection, with its judgement ids; `None` means the ILACS
    /// version in force when the inspection started.
    pub framework: Option<(&'a str, &'a [Text])>,
    /// Whether focused visits, monitoring and interventions apply (local authorities only).
    pub local_authority: bool,
}

/// The history of a local authority (ILACS).
pub const ILACS_HISTORY: HistoryShape<'static> = HistoryShape {
    kinds: &[InspectionKind::Short, InspectionKind::Standard],
    framework: None,
    local_authority: true,
};

/// The last full inspection.
#[derive(Debug, Clone, PartialEq)]
pub struct LastInspection {
    /// Short or standard, when given.
    pub kind: Option<InspectionKind>,
    /// First on-site day.
    pub started_on: NaiveDate,
    /// Last on-site day.
    pub ended_on: NaiveDate,
    /// The framework in force on `started_on`, when ILACS applied.
    pub framework: Option<String>,
    /// Grades by judgement id (only valid ones).
    pub grades: BTreeMap<String, Grade>,
}

/// A focused visit since (or before) the last inspection.
#[derive(Debug, Clone, PartialEq)]
pub struct FocusedVisit {
    /// Last on-site day.
    pub ended_on: NaiveDate,
    /// Whether the visit set areas for priority action.
    pub priority_actions: bool,
}

/// An intervention by the Department for Education.
#[derive(Debug, Clone, PartialEq)]
pub struct Intervention {
    /// `adviser`, `improvement_notice`, `statutory_direction`, `notice_lifted` or `direction_revoked`.
    pub kind: String,
    /// When it happened.
    pub on: NaiveDate,
}

/// The history as far as it could be read.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    /// The last full inspection.
    pub last_inspection: Option<LastInspection>,
    /// Focused visits, in date order.
    pub focused_visits: Vec<FocusedVisit>,
    /// `Some` when the authority is being monitored as inadequate; the date monitoring began, if given.
    pub monitoring: Option<Option<NaiveDate>>,
    /// DfE interventions, in date order.
    pub interventions: Vec<Intervention>,
}

struct Reader<'a> {
    prefix: &'a str,
    today: Option<NaiveDate>,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn field(&self, path: &str) -> String {
        if self.prefix.is_empty() {
            path.to_string()
        } else {
            format!("{}.{path}", self.prefix)
        }
    }

    fn problem(&mut self, path: &str, code: Code, message: impl Into<String>) {
        let f = self.field(path);
        self.problems.push(Problem::new(f, code, message));
    }

    /// A required date at `path`; `None` (with a problem) when missing, invalid or in the future.
    fn date(&mut self, v: Option<&Value>, path: &str, what: &str) -> Option<NaiveDate> {
        let Some(v) = v.filter(|v| !v.is_null()) else {
            self.problem(path, Code::Missing, format!("Enter the date {what}, like 8 3 2024"));
            return None;
        };
        let Some(d) = v.as_str().and_then(|s| parse_date(s).ok()) else {
            self.problem(
                path,
                Code::InvalidDate,
                format!("Enter the date {what} as a real date, like 8 3 2024"),
            );
            return None;
        };
        if self.today.is_some_and(|t| d > t) {
            self.problem(
                path,
                Code::FutureDate,
                format!("The date {what} must be today or in the past"),
            );
            return None;
        }
        Some(d)
    }
}

/// Reads a grade id leniently: `requires_improvement` or `requires improvement`, any case.
pub fn grade_from_text(s: &str) -> Option<Grade> {
    Grade::from_id(&s.trim().to_ascii_lowercase().replace(' ', "_"))
}

/// Reads grades `{ judgementId: grade }` at `path`, keeping those valid for `judgements` (all
/// judgement ids are accepted when `judgements` is `None`).
pub(crate) fn read_grades(
    v: Option<&Value>,
    judgements: Option<&[Text]>,
    framework: &str,
    path: &str,
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, Grade> {
    let mut out = BTreeMap::new();
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return out;
    };
    let Some(obj) = v.as_object() else {
        problems.push(Problem::new(
            path,
            Code::Invalid,
            "Grades must be an object of judgement ids to grades",
        ));
        return out;
    };
    for (id, g) in obj {
        let field = format!("{path}.{id}");
        if judgements.is_some_and(|js| !js.iter().any(|j| j == id)) {
            problems.push(Problem::new(
                field,
                Code::UnknownJudgement,
                format!("{id} is not a judgement in the {framework} framework"),
            ));
            continue;
        }
        if g.is_null() {
            continue;
        }
        match g.as_str().and_then(grade_from_text) {
            Some(grade) => {
                out.insert(id.clone(), grade);
            }
            None => problems.push(Problem::new(
                field,
                Code::InvalidGrade,
                "Choose outstanding, good, requires improvement or inadequate",
            )),
        }
    }
    out
}

/// Reads the history object leniently, without checking dates against today. See
/// [`parse_history_as_of`].
pub fn parse_history(value: &Value, field_prefix: &str) -> (History, Vec<Problem>) {
    parse_history_as_of(value, field_prefix, None)
}

/// Reads the history object leniently: problems name fields under `field_prefix` (such as
/// `history`), and dates after `today` (when given) are problems.
pub fn parse_history_as_of(value: &Value, field_prefix: &str, today: Option<NaiveDate>) -> (History, Vec<Problem>) {
    parse_history_shaped(value, field_prefix, today, &ILACS_HISTORY)
}

/// Reads a history of the given shape (see [`HistoryShape`]): kinds outside `shape.kinds` are
/// problems, and for providers focused visits, monitoring and interventions are problems
/// (`not_applicable`) and left out.
pub fn parse_history_shaped(
    value: &Value,
    field_prefix: &str,
    today: Option<NaiveDate>,
    shape: &HistoryShape,
) -> (History, Vec<Problem>) {
    let mut r = Reader {
        prefix: field_prefix,
        today,
        problems: Vec::new(),
    };
    let mut h = History::default();
    if value.is_null() {
        return (h, r.problems);
    }
    let Some(obj) = value.as_object() else {
        r.problem("", Code::Invalid, "The history must be an object");
        if r.prefix.is_empty() {
            r.problems[0].field.clear();
        } else {
            r.problems[0].field = r.prefix.to_string();
        }
        return (h, r.problems);
    };

    if let Some(li) = obj.get("lastInspection").filter(|v| !v.is_null()) {
        h.last_inspection = read_last_inspection(&mut r, li, shape);
    }
    if !shape.local_authority {
        for part in ["focusedVisits", "monitoring", "interventions"] {
            if obj
                .get(part)
                .is_some_and(|v| !v.is_null() && v != &Value::Array(Vec::new()))
            {
                r.problem(
                    part,
                    Code::NotApplicable,
                    "Providers have no focused visits, monitoring or interventions: leave this out",
                );
            }
        }
        return (h, r.problems);
    }

    if let Some(fv) = obj.get("focusedVisits").filter(|v| !v.is_null()) {
        match fv.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    let ended = r.date(
                        item.get("endedOn"),
                        &format!("focusedVisits.{i}.endedOn"),
                        "the visit ended",
                    );
                    let pa = item.get("priorityActions");
                    let priority_actions = match pa {
                        None | Some(Value::Null) => false,
                        Some(Value::Bool(b)) => *b,
                        Some(_) => {
                            r.problem(
                                &format!("focusedVisits.{i}.priorityActions"),
                                Code::Invalid,
                                "Say whether the visit set areas for priority action (true or false)",
                            );
                            false
                        }
                    };
                    if let Some(ended_on) = ended {
                        h.focused_visits.push(FocusedVisit {
                            ended_on,
                            priority_actions,
                        });
                    }
                }
                h.focused_visits.sort_by_key(|v| v.ended_on);
            }
            None => r.problem("focusedVisits", Code::Invalid, "Focused visits must be a list"),
        }
    }

    if let Some(m) = obj.get("monitoring").filter(|v| !v.is_null()) {
        match m.as_object() {
            Some(mo) => {
                let since = match mo.get("since").filter(|v| !v.is_null()) {
                    None => None,
                    s => r.date(s, "monitoring.since", "monitoring began"),
                };
                h.monitoring = Some(since);
            }
            None => r.problem(
                "monitoring",
                Code::Invalid,
                "Monitoring must be null or an object like { \"since\": \"2023-02-01\" }",
            ),
        }
    }

    if let Some(iv) = obj.get("interventions").filter(|v| !v.is_null()) {
        let kinds = &crate::pathway::rules::rules_data().intervention_kinds;
        match iv.as_array() {
            Some(items) => {
                for (i, item) in items.iter().enumerate() {
                    let kind = item.get("kind").and_then(Value::as_str).unwrap_or("");
                    let on = r.date(item.get("on"), &format!("interventions.{i}.on"), "of the intervention");
                    if !kinds.iter().any(|k| k == kind) {
                        r.problem(
                            &format!("interventions.{i}.kind"),
                            Code::InvalidKind,
                            format!("Choose one of: {}", kinds.join(", ")),
                        );
                        continue;
                    }
                    if let Some(on) = on {
                        h.interventions.push(Intervention {
                            kind: kind.to_string(),
                            on,
                        });
                    }
                }
                h.interventions.sort_by_key(|x| x.on);
            }
            None => r.problem("interventions", Code::Invalid, "Interventions must be a list"),
        }
    }
    (h, r.problems)
}

fn read_last_inspection(r: &mut Reader, li: &Value, shape: &HistoryShape) -> Option<LastInspection> {
    if !li.is_object() {
        r.problem("lastInspection", Code::Invalid, "The last inspection must be an object");
        return None;
    }
    let kind = match li.get("kind").filter(|v| !v.is_null()) {
        None => None,
        Some(v) => match v.as_str().and_then(InspectionKind::from_id) {
            Some(k) if shape.kinds.contains(&k) => Some(k),
            _ => {
                let names: Vec<&str> = shape.kinds.iter().map(|k| k.id()).collect();
                let list = match names.split_last() {
                    Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
                    _ => names.join(""),
                };
                r.problem("lastInspection.kind", Code::InvalidKind, format!("Choose {list}"));
                None
            }
        },
    };
    let started = r.date(
        li.get("startedOn"),
        "lastInspection.startedOn",
        "the inspection started",
    );
    let ended = r.date(li.get("endedOn"), "lastInspection.endedOn", "the inspection ended");
    let (started_on, ended_on) = (started?, ended?);
    if ended_on < started_on {
        r.problem(
            "lastInspection.endedOn",
            Code::EndedBeforeStarted,
            "The date the inspection ended must be on or after the date it started",
        );
        return None;
    }
    let fw: Option<(&str, &[Text])> = match shape.framework {
        Some(f) => Some(f),
        None => {
            let fw = crate::pathway::rules::framework_on(started_on);
            if fw.is_none() {
                r.problem(
                    "lastInspection.startedOn",
                    Code::BeforeIlacs,
                    "ILACS began in January 2018: enter the last ILACS inspection",
                );
            }
            fw.map(|f| (f.id.as_ref(), f.judgements.as_ref()))
        }
    };
    let grades_field = r.field("lastInspection.grades");
    let grades = read_grades(
        li.get("grades"),
        fw.map(|f| f.1),
        fw.map(|f| f.0).unwrap_or("ILACS"),
        &grades_field,
        &mut r.problems,
    );
    Some(LastInspection {
        kind,
        started_on,
        ended_on,
        framework: fw.map(|f| f.0.to_string()),
        grades,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn codes(p: &[Problem]) -> Vec<(String, String)> {
        p.iter().map(|p| (p.field.clone(), p.code.to_string())).collect()
    }

    #[test]
    fn a_full_history_reads_cleanly() {
        let (h, p) = parse_history(
            &json!({
                "lastInspection": { "kind": "short", "startedOn": "2024-03-04", "endedOn": "2024-03-08",
                    "grades": { "overall_effectiveness": "good", "help_and_protection": "requires improvement" } },
                "focusedVisits": [ { "endedOn": "2025-05-14", "priorityActions": true } ],
                "monitoring": null,
                "interventions": [ { "kind": "adviser", "on": "2023-01-10" } ]
            }),
            "history",
        );
        assert!(p.is_empty(), "{p:?}");
        let li = h.last_inspection.unwrap();
        assert_eq!(li.framework.as_deref(), Some("ilacs-2023-01"));
        assert_eq!(li.grades["help_and_protection"], Grade::RequiresImprovement);
        assert!(h.focused_visits[0].priority_actions);
        assert_eq!(h.monitoring, None);
        assert_eq!(h.interventions.len(), 1);
    }

    #[test]
    fn framework_is_chosen_by_start_date() {
        let d = |s| parse_date(s).unwrap();
        assert_eq!(
            crate::pathway::rules::framework_on(d("2026-03-31")).unwrap().id,
            "ilacs-2023-01"
        );
        assert_eq!(
            crate::pathway::rules::framework_on(d("2026-04-01")).unwrap().id,
            "ilacs-2026-04"
        );
        assert_eq!(
            crate::pathway::rules::framework_on(d("2019-06-01")).unwrap().id,
            "ilacs-2018-01"
        );
        assert!(crate::pathway::rules::framework_on(d("2017-12-31")).is_none());
    }

    #[test]
    fn problems_name_their_fields() {
        let (h, p) = parse_history_as_of(
            &json!({
                "lastInspection": { "kind": "long", "startedOn": "2026-05-04", "endedOn": "2026-05-15",
                    "grades": { "overall_effectiveness": "good", "care_leavers": "brilliant" } },
                "focusedVisits": [ { "endedOn": "2026-13-01" }, { "endedOn": "2027-01-01" } ],
                "interventions": [ { "kind": "telling_off", "on": "2026-01-01" } ],
                "monitoring": 3
            }),
            "history",
            Some(parse_date("2026-11-22").unwrap()),
        );
        assert_eq!(
            codes(&p),
            vec![
                ("history.lastInspection.kind".into(), "invalid_kind".into()),
                (
                    "history.lastInspection.grades.care_leavers".into(),
                    "invalid_grade".into()
                ),
                (
                    "history.lastInspection.grades.overall_effectiveness".into(),
                    "unknown_judgement".into()
                ),
                ("history.focusedVisits.0.endedOn".into(), "invalid_date".into()),
                ("history.focusedVisits.1.endedOn".into(), "future_date".into()),
                ("history.monitoring".into(), "invalid".into()),
                ("history.interventions.0.kind".into(), "invalid_kind".into()),
            ]
        );
        // The inspection itself is kept (its dates are fine), without the bad grades.
        let li = h.last_inspection.unwrap();
        assert!(li.grades.is_empty());
        assert!(h.focused_visits.is_empty());
    }

    #[test]
    fn ended_before_started_drops_the_inspection() {
        let (h, p) = parse_history(
            &json!({ "lastInspection": { "startedOn": "2024-03-08", "endedOn": "2024-03-04" } }),
            "history",
        );
        assert!(h.last_inspection.is_none());
        assert_eq!(
            codes(&p),
            vec![("history.lastInspection.endedOn".into(), "ended_before_started".into())]
        );
        let (_, p) = parse_history(&json!({ "lastInspection": { "endedOn": "2024-03-04" } }), "");
        assert_eq!(codes(&p), vec![("lastInspection.startedOn".into(), "missing".into())]);
        let (h, p) = parse_history(&json!(null), "history");
        assert!(p.is_empty() && h == History::default());
        let (_, p) = parse_history(&json!("nonsense"), "history");
        assert_eq!(codes(&p), vec![("history".into(), "invalid".into())]);
    }

    /// Found by cargo-mutants (docs/mutants.md): a date may be today ("today or in the past"); only
    /// a later date is refused.
    #[test]
    fn a_date_of_today_is_accepted_and_tomorrow_is_in_the_future() {
        let history = |ended: &str| {
            json!({ "lastInspection": { "kind": "standard", "startedOn": "2026-11-16", "endedOn": ended },
                "focusedVisits": [ { "endedOn": ended } ] })
        };
        let today = Some(parse_date("2026-11-27").unwrap());
        let (h, p) = parse_history_as_of(&history("2026-11-27"), "history", today);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(h.last_inspection.unwrap().ended_on, parse_date("2026-11-27").unwrap());
        assert_eq!(h.focused_visits.len(), 1);
        let (h, p) = parse_history_as_of(&history("2026-11-28"), "history", today);
        assert_eq!(
            codes(&p),
            vec![
                ("history.lastInspection.endedOn".into(), "future_date".into()),
                ("history.focusedVisits.0.endedOn".into(), "future_date".into()),
            ]
        );
        assert!(h.last_inspection.is_none() && h.focused_visits.is_empty());
    }

    /// Found by cargo-mutants: a provider's history may carry the local authority parts empty
    /// (null or an empty list, as a form sends them); only parts with something in them are
    /// `not_applicable`.
    #[test]
    fn empty_local_authority_parts_in_a_provider_history_are_no_problem() {
        let judgements = [Text::Borrowed("overall_experiences_progress")];
        let shape = HistoryShape {
            kinds: &[InspectionKind::Full],
            framework: Some(("sccif-ifa", &judgements)),
            local_authority: false,
        };
        let last = json!({ "kind": "full", "startedOn": "2026-06-09", "endedOn": "2026-06-10",
            "grades": { "overall_experiences_progress": "good" } });
        let (h, p) = parse_history_shaped(
            &json!({ "lastInspection": last, "focusedVisits": [], "monitoring": null, "interventions": [] }),
            "history",
            None,
            &shape,
        );
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(
            h.last_inspection.unwrap().grades["overall_experiences_progress"],
            Grade::Good
        );
        let (_, p) = parse_history_shaped(
            &json!({ "lastInspection": last, "focusedVisits": [ { "endedOn": "2026-01-01" } ],
                "monitoring": { "since": "2026-01-01" }, "interventions": [] }),
            "history",
            None,
            &shape,
        );
        assert_eq!(
            codes(&p),
            vec![
                ("history.focusedVisits".into(), "not_applicable".into()),
                ("history.monitoring".into(), "not_applicable".into()),
            ]
        );
    }

    /// Found by cargo-mutants: monitoring keeps the date it began when given; without one (null or
    /// left out) the authority is still monitored, with no problem.
    #[test]
    fn monitoring_keeps_its_start_date_and_may_leave_it_out() {
        let monitoring = |m: Value| parse_history(&json!({ "monitoring": m }), "history");
        let (h, p) = monitoring(json!({ "since": "2023-02-01" }));
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(h.monitoring, Some(Some(parse_date("2023-02-01").unwrap())));
        for m in [json!({ "since": null }), json!({})] {
            let (h, p) = monitoring(m);
            assert!(p.is_empty(), "{p:?}");
            assert_eq!(h.monitoring, Some(None));
        }
    }

    /// Found by cargo-mutants: the list of kinds in the message reads as English for one kind (a
    /// fostering agency has only full inspections), two, or three.
    #[test]
    fn a_wrong_kind_names_the_kinds_allowed() {
        let message = |kinds: &[InspectionKind]| {
            let shape = HistoryShape {
                kinds,
                framework: Some(("sccif-ifa", &[])),
                local_authority: false,
            };
            let (_, p) = parse_history_shaped(
                &json!({ "lastInspection": { "kind": "focused", "startedOn": "2026-06-09", "endedOn": "2026-06-10" } }),
                "history",
                None,
                &shape,
            );
            assert_eq!(
                codes(&p),
                vec![("history.lastInspection.kind".into(), "invalid_kind".into())]
            );
            p[0].message.clone()
        };
        assert_eq!(message(&[InspectionKind::Full]), "Choose full");
        assert_eq!(
            message(&[InspectionKind::Short, InspectionKind::Standard]),
            "Choose short or standard"
        );
        assert_eq!(
            message(&[InspectionKind::Full, InspectionKind::Interim, InspectionKind::Assurance]),
            "Choose full, interim or assurance"
        );
    }
}
