//! One conversation per change: everything the page needs for the self-evaluation being edited,
//! from one call. The page used to score the answers, then validate the same object again, then
//! run the pathway only to learn about the history's problems, rebuilding the projected grades in
//! JavaScript and keeping a date rule of its own; now [`review`] does all of it once, and every
//! problem the user can meet comes back here, written for the user.
//!
//! ```
//! use serde_json::json;
//! let r = stocktake::review::review(&json!({
//!     "assessment": { "format": "stocktake-assessment", "version": 2,
//!                     "framework": "ilacs-2026-04", "assessedOn": "2027-01-10" },
//!     "today": "2026-12-07",
//! }));
//! assert_eq!(r.problems[0].field, "assessedOn");
//! assert_eq!(r.problems[0].code, "future_date");
//! ```
use serde::Serialize;
use serde_json::{Map, Value};

use crate::pathway::timeline::PathwayResult;
use crate::scoring::score::{score_value, ScoreResult};
use crate::support::problems::{Code, Problem};

/// What [`review`] returns: the score, the pathway under the projected grades, and every problem
/// with the assessment that a user should see, each naming its field.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReviewResult {
    /// The answers scored, as `score(assessment)` gives it (its `problems` are the reader's).
    pub score: ScoreResult,
    /// The inspection pathway from the history and the projected grades, as `pathway(…)` gives it.
    pub pathway: PathwayResult,
    /// Every problem for the user: the reader's, the self-evaluation dated after today, and the
    /// inspection history's (fields under `history.`), in that order, each once.
    pub problems: Vec<Problem>,
}

/// The grades the score projects, by judgement id, with a derived overall judgement's grade under
/// its own id: what the pathway plans from.
pub fn projected_grades(score: &ScoreResult) -> Map<String, Value> {
    let mut out = Map::new();
    for j in &score.judgements {
        if let Some(g) = j.grade {
            out.insert(j.id.clone(), serde_json::to_value(g).expect("a grade serialises"));
        }
    }
    let derived = crate::framework::get(&score.framework).and_then(|f| f.judgements.iter().find(|j| j.derived));
    if let (Some(d), Some(g)) = (derived, score.overall.as_ref().and_then(|o| o.grade)) {
        out.insert(d.id.to_string(), serde_json::to_value(g).expect("a grade serialises"));
    }
    out
}

/// Reviews `{ assessment, today, assumptions }`: scores the assessment, plans its pathway with the
/// grades it projects and the assumptions (by id; missing means the defaults), and gathers every
/// problem. `today` is the caller's date (`YYYY-MM-DD`; the core has no clock).
pub fn review(input: &Value) -> ReviewResult {
    let assessment = input.get("assessment").unwrap_or(&Value::Null);
    let today = input.get("today").cloned().unwrap_or(Value::Null);
    let score = score_value(assessment);
    let pathway = crate::pathway::pathway(&serde_json::json!({
        "framework": assessment.get("framework").cloned().unwrap_or(Value::Null),
        "today": today,
        "history": assessment.get("history").cloned().unwrap_or(Value::Null),
        "projected": Value::Object(projected_grades(&score)),
        "assumptions": input.get("assumptions").cloned().unwrap_or(Value::Null),
        // The authority's ONS code decides which May polls hold its reports.
        "authority": assessment.pointer("/authorityCodes/ons").cloned().unwrap_or(Value::Null),
    }));
    let mut problems = score.problems.clone();
    let on = assessment
        .get("assessedOn")
        .and_then(Value::as_str)
        .and_then(crate::model::date::parse);
    let now = today.as_str().and_then(crate::model::date::parse);
    if let (Some(on), Some(now)) = (on, now) {
        if on > now && !problems.iter().any(|p| p.field == "assessedOn") {
            problems.push(Problem::new(
                "assessedOn",
                Code::FutureDate,
                "The date of this self-evaluation must be today or in the past",
            ));
        }
    }
    for p in &pathway.problems {
        if p.field.starts_with("history") && !problems.contains(p) {
            problems.push(p.clone());
        }
    }
    ReviewResult {
        score,
        pathway,
        problems,
    }
}

#[cfg(all(test, stocktake_overlay))]
mod overlay;

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn file(extra: Value) -> Value {
        let mut a = json!({
            "format": "stocktake-assessment",
            "version": 2,
            "framework": "ilacs-2026-04",
            "assessedOn": "2026-11-30",
        });
        a.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
        a
    }

    #[test]
    fn the_score_and_pathway_are_what_the_separate_calls_give() {
        let a: Value = serde_json::from_str(include_str!("../../tests/golden/v1/with-history.json")).unwrap();
        let today = "2026-12-07";
        let r = review(&json!({ "assessment": a, "today": today, "assumptions": { } }));
        assert_eq!(r.score, score_value(&a));
        let projected = projected_grades(&r.score);
        assert!(projected.len() >= 4, "{projected:?}");
        let separate = crate::pathway::pathway(&json!({
            "framework": a["framework"], "today": today, "history": a["history"],
            "projected": projected, "assumptions": {},
        }));
        assert_eq!(r.pathway, separate);
        assert!(r.pathway.next.is_some());
        assert_eq!(r.problems, r.score.problems, "no problem but the reader's");
    }

    #[test]
    fn a_derived_overall_judgement_is_projected_under_its_own_id() {
        let a: Value = serde_json::from_str(include_str!("../../tests/golden/v1/full-2023-with-overall.json")).unwrap();
        let score = score_value(&a);
        let overall = score
            .overall
            .as_ref()
            .and_then(|o| o.grade)
            .expect("the 2023 file has an overall grade");
        assert_eq!(projected_grades(&score)["overall_effectiveness"], json!(overall));
    }

    #[test]
    fn a_self_evaluation_after_today_is_a_problem_once() {
        let r = review(&json!({ "assessment": file(json!({ "assessedOn": "2026-12-08" })), "today": "2026-12-07" }));
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
        assert_eq!(
            (r.problems[0].field.as_str(), r.problems[0].code),
            ("assessedOn", Code::FutureDate)
        );
        // Today itself is fine; an impossible date is the reader's problem, not also a future one.
        let r = review(&json!({ "assessment": file(json!({ "assessedOn": "2026-12-07" })), "today": "2026-12-07" }));
        assert!(r.problems.is_empty());
        let r = review(&json!({ "assessment": file(json!({ "assessedOn": "2026-02-30" })), "today": "2026-12-07" }));
        assert_eq!(r.problems.iter().filter(|p| p.field == "assessedOn").count(), 1);
        assert_eq!(r.problems[0].code, Code::InvalidDate);
    }

    #[test]
    fn the_history_problems_come_with_the_readers() {
        let a = file(json!({
            "indicators": { "agency_rate": "lots" },
            "history": { "lastInspection": { "kind": "standard", "startedOn": "2024-06-14", "endedOn": "2024-06-03" } },
        }));
        let r = review(&json!({ "assessment": a, "today": "2026-12-07" }));
        let fields: Vec<_> = r.problems.iter().map(|p| p.field.as_str()).collect();
        assert!(fields.contains(&"indicators.agency_rate"), "{fields:?}");
        assert!(
            fields.iter().any(|f| f.starts_with("history.lastInspection")),
            "{fields:?}"
        );
        // Only history problems come from the pathway: its own (such as a missing projected grade) do not.
        assert!(r.problems.iter().all(|p| !p.field.starts_with("projected")));
    }

    #[test]
    fn the_authority_s_ons_code_decides_whether_its_report_waits_for_may_polls() {
        // A short inspection likely in February 2027 reports in April 2027: Kent has no poll that
        // May, York has.
        let history = json!({ "lastInspection": { "kind": "short", "startedOn": "2023-09-11", "endedOn": "2023-09-15",
            "grades": { "overall_effectiveness": "good" } } });
        let desc = |ons: &str| {
            let a = file(json!({ "history": history, "authorityCodes": { "urn": 1, "la": "886", "ons": ons } }));
            let r = review(&json!({ "assessment": a, "today": "2026-11-23" }));
            let e = r
                .pathway
                .events
                .iter()
                .find(|e| e.id == "report_published")
                .expect("a report");
            e.pre_election.as_ref().map(|n| n.text.to_string()).unwrap_or_default()
        };
        assert!(desc("E10000016").contains("Not held"), "{}", desc("E10000016"));
        assert!(desc("E06000014").contains("Held for the pre-election period"));
    }
}
