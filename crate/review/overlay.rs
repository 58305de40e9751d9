//! Compiled only when the core is built with `STOCKTAKE_DATA_OVERLAY=tests/fictional` (build.rs sets
//! `cfg(stocktake_overlay)`), as `scripts/test` does: the fictional framework version in
//! `tests/fictional/frameworks/ilacs-2031-01.toml` is known everywhere a real one is (the catalogue,
//! scoring, routes, audit criteria, the pathway and the review), from its data file alone.
use super::*;
use serde_json::json;

const ID: &str = "ilacs-2031-01";

#[test]
fn the_fictional_version_is_listed_first_and_the_current_one_stays_current() {
    let all = crate::framework::catalogue::catalogue();
    assert_eq!(all[0].id, ID, "the newest ILACS version is listed first");
    assert!(!all[0].current);
    assert_eq!(crate::framework::current().id, "ilacs-2026-04");
    let f = crate::framework::get(ID).expect("the fictional version compiles");
    let base = crate::framework::get("ilacs-2026-04").unwrap();
    assert_eq!(f.statement_count(), base.statement_count());
    assert_eq!(f.judgements.len(), base.judgements.len());
}

#[test]
fn it_has_its_routes_audit_criteria_and_pathway_row_from_its_own_file() {
    assert_eq!(
        crate::scoring::route::rules(ID).len(),
        crate::scoring::route::rules("ilacs-2026-04").len()
    );
    assert!(!crate::scoring::route::rules(ID).is_empty());
    assert!(crate::assessment::audit::criteria_for(ID).is_some());
    let row = crate::pathway::rules::framework(ID).expect("a pathway row made from the file");
    assert_eq!(row.from, "2031-01-01");
    assert_eq!(row.route_needs, "all four judgements");
    let on = chrono::NaiveDate::from_ymd_opt(2031, 3, 2).unwrap();
    assert_eq!(crate::pathway::rules::framework_id_on(on), Some(ID));
}

#[test]
fn a_self_evaluation_under_it_is_scored_and_planned() {
    let f = crate::framework::get(ID).unwrap();
    let answers: serde_json::Map<String, Value> = f
        .statements()
        .map(|(_, s)| (s.id.to_string(), json!({ "level": "good" })))
        .collect();
    let a = json!({
        "format": "stocktake-assessment", "version": 2, "framework": ID,
        "assessedOn": "2031-06-30", "answers": answers,
        "history": { "lastInspection": {
            "framework": ID, "kind": "standard", "startedOn": "2031-02-03", "endedOn": "2031-02-14",
            "grades": { "impact_of_leaders": "good", "help_and_protection": "good",
                        "children_in_care": "good", "care_leavers": "good" } } },
    });
    let r = review(&json!({ "assessment": a, "today": "2031-07-01" }));
    assert!(r.problems.is_empty(), "{:?}", r.problems);
    assert_eq!(r.score.framework, ID);
    assert!(r
        .score
        .judgements
        .iter()
        .all(|j| j.grade == Some(crate::model::grade::Grade::Good)));
    let next = r.pathway.next.expect("a next inspection is planned");
    assert_eq!(
        serde_json::to_value(next.kind).unwrap(),
        json!("short"),
        "all good: a short inspection"
    );
}
