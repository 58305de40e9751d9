//! Scenario tests: each file in `tests/scenarios/` is named by a sentence and holds an assessment
//! (unanswered statements filled with `defaultLevel`) and the grades it should get.
mod common;

#[test]
fn every_scenario_gets_the_expected_grades() {
    let mut failures = Vec::new();
    for (name, text) in common::list::SCENARIOS {
        if let Err(e) = common::check(name, text) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    println!("{} scenarios passed", common::list::SCENARIOS.len());
}

#[test]
fn the_embedded_list_has_every_scenario_file_and_covers_every_framework_and_rule() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let on_disk = std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "json"))
        .count();
    assert_eq!(on_disk, common::list::SCENARIOS.len(), "rebuild to refresh the list");
    let mut frameworks = std::collections::BTreeSet::new();
    let mut rules = std::collections::BTreeSet::new();
    for (_, text) in common::list::SCENARIOS {
        let v: serde_json::Value = serde_json::from_str(text).unwrap();
        let r = serde_json::to_value(stocktake::scoring::score::score_value(&common::filled(&v))).unwrap();
        frameworks.insert(r["framework"].as_str().unwrap().to_string());
        let mut reasons: Vec<&serde_json::Value> = r["judgements"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|j| j["reasons"].as_array().unwrap())
            .collect();
        if let Some(o) = r["overall"]["reasons"].as_array() {
            reasons.extend(o);
        }
        rules.extend(reasons.iter().filter_map(|x| x["ruleId"].as_str()).map(String::from));
    }
    assert_eq!(frameworks.len(), stocktake::framework::all().len(), "{frameworks:?}");
    for f in stocktake::framework::all() {
        for rule in f.rules.iter().chain(&f.overall_rules) {
            assert!(rules.contains(&*rule.id), "no scenario exercises {}", rule.id);
        }
    }
}

#[test]
fn the_seeded_simulation_is_reproducible() {
    // The first local-authority scenario (the fingerprint was taken from it).
    let (_, text) = common::list::SCENARIOS
        .iter()
        .find(|(name, _)| name.starts_with("an LA"))
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    let r = stocktake::scoring::simulate::simulate_value(
        &common::filled(&v),
        &serde_json::json!({ "runs": 1000, "seed": 7 }),
    )
    .unwrap();
    println!("{}", common::fingerprint(&r));
    assert_eq!(common::fingerprint(&r), common::SIMULATION_FINGERPRINT);
}
