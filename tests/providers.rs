//! The provider (SCCIF) frameworks through the public API: the overall judgement is graded from its
//! own statements, limited by the other judgements, and says which rule limited it.
use serde_json::{json, Value};

fn assessment(framework: &str, level: &str, answers: Value) -> Value {
    let fw = stocktake::framework::get(framework).unwrap();
    let mut all = serde_json::Map::new();
    for (_, s) in fw.statements() {
        all.insert(s.id.to_string(), json!({ "level": level }));
    }
    for (k, v) in answers.as_object().unwrap() {
        all.insert(k.clone(), json!({ "level": v }));
    }
    json!({ "format": "stocktake-assessment", "version": 1, "framework": framework, "answers": all })
}

fn judgement<'a>(r: &'a Value, id: &str) -> &'a Value {
    r["judgements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["id"] == id)
        .unwrap()
}

#[test]
fn the_catalogue_groups_providers_apart_from_ilacs() {
    let c = stocktake::framework::catalogue::catalogue();
    let sccif: Vec<&str> = c
        .iter()
        .filter(|f| f.family == "sccif")
        .map(|f| f.id.as_ref())
        .collect();
    assert_eq!(sccif, ["sccif-childrens-homes", "sccif-ifa"]);
    assert!(c.iter().find(|f| f.current).is_some_and(|f| f.family == "ilacs"));
    assert_eq!(
        stocktake::framework::catalogue::family("sccif-ifa").as_deref(),
        Some("sccif")
    );
    let v = serde_json::to_value(stocktake::framework::get("sccif-childrens-homes").unwrap().view()).unwrap();
    assert_eq!(v["family"], "sccif");
    assert_eq!(v["provider"], "Children's homes");
    assert_eq!(v["indicators"], json!([]));
    assert_eq!(v["inspectionKinds"], json!(["full", "interim", "assurance"]));
    let ifa = serde_json::to_value(stocktake::framework::get("sccif-ifa").unwrap().view()).unwrap();
    assert_eq!(ifa["inspectionKinds"], json!(["full"]));
    let la = serde_json::to_value(stocktake::framework::current().view()).unwrap();
    assert_eq!(la["inspectionKinds"], json!(["standard", "short"]));
    assert_eq!(v["judgements"][0]["overall"], true);
    assert_eq!(v["judgements"][0]["derived"], false);
    assert!(v["areas"][1]["statements"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["critical"] == true));
}

#[test]
fn help_and_protection_inadequate_limits_overall_and_names_the_rule() {
    let a = assessment(
        "sccif-childrens-homes",
        "good",
        json!({ "ch_hp_missing": "inadequate" }),
    );
    let r = serde_json::to_value(stocktake::scoring::score::score_value(&a)).unwrap();
    assert_eq!(r["problems"], json!([]));
    let ep = judgement(&r, "overall_experiences_progress");
    assert_eq!(ep["grade"], "inadequate");
    let rules: Vec<&str> = ep["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["ruleId"].as_str())
        .collect();
    assert!(rules.contains(&"sc_best_fit"), "{rules:?}");
    assert!(rules.contains(&"sc_help_protection_inadequate"), "{rules:?}");
    assert_eq!(ep["lift"], json!([]));
    assert!(ep["liftNote"].as_str().unwrap().starts_with("Held down"));
    // The overall result says the same, starting from its own statements.
    assert_eq!(r["overall"]["grade"], "inadequate");
    let o: Vec<&str> = r["overall"]["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["ruleId"].as_str())
        .collect();
    assert_eq!(o, ["sc_overall_own_statements", "sc_help_protection_inadequate"]);
    assert!(r["overall"]["reasons"][0]["text"]
        .as_str()
        .unwrap()
        .contains("From its own statements: good"));
}

#[test]
fn leaders_inadequate_holds_overall_at_requires_improvement_and_lift_points_elsewhere() {
    let a = assessment("sccif-ifa", "outstanding", json!({ "ifa_lm_assessment": "inadequate" }));
    let r = serde_json::to_value(stocktake::scoring::score::score_value(&a)).unwrap();
    let ep = judgement(&r, "overall_experiences_progress");
    assert_eq!(ep["grade"], "requires_improvement");
    assert!(ep["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["ruleId"] == "sc_leaders_managers_inadequate" && x["tag"] == "V"));
    assert_eq!(ep["lift"], json!([]));
    // Once leaders are no longer inadequate, the overall judgement follows its own statements.
    let b = assessment(
        "sccif-ifa",
        "outstanding",
        json!({ "ifa_lm_assessment": "requires_improvement" }),
    );
    let r = serde_json::to_value(stocktake::scoring::score::score_value(&b)).unwrap();
    assert_eq!(judgement(&r, "overall_experiences_progress")["grade"], "outstanding");
    assert_eq!(
        stocktake::scoring::score::overall_effectiveness(
            "sccif-ifa",
            &[
                (
                    "overall_experiences_progress".to_string(),
                    stocktake::model::grade::Grade::Good
                ),
                ("help_and_protection".to_string(), stocktake::model::grade::Grade::Good),
                (
                    "leaders_and_managers".to_string(),
                    stocktake::model::grade::Grade::Inadequate
                ),
            ]
            .into_iter()
            .collect(),
            false
        ),
        Ok(Some(stocktake::model::grade::Grade::RequiresImprovement))
    );
}

#[test]
fn overall_waits_for_the_other_judgements() {
    let fw = stocktake::framework::get("sccif-childrens-homes").unwrap();
    let mut answers = serde_json::Map::new();
    for (area, s) in fw.statements() {
        if area.id != "ch_leaders_managers" {
            answers.insert(s.id.to_string(), json!({ "level": "good" }));
        }
    }
    let a = json!({ "format": "stocktake-assessment", "version": 1, "framework": fw.id, "answers": answers });
    let r = serde_json::to_value(stocktake::scoring::score::score_value(&a)).unwrap();
    let ep = judgement(&r, "overall_experiences_progress");
    assert_eq!(ep["grade"], Value::Null);
    assert_eq!(ep["completeness"]["enough"], true);
    assert!(ep["liftNote"].as_str().unwrap().contains("other judgements"));
    assert!(r["overall"]["reasons"][0]["text"]
        .as_str()
        .unwrap()
        .contains("The effectiveness of leaders and managers"));
}

#[test]
fn simulation_reports_the_limited_overall_for_providers() {
    let a = assessment(
        "sccif-childrens-homes",
        "good",
        json!({ "ch_hp_missing": "inadequate" }),
    );
    let simulate = |a: &Value| {
        let r = stocktake::scoring::simulate::simulate_value(a, &json!({ "runs": 400, "seed": 3 })).unwrap();
        serde_json::to_value(r).unwrap()
    };
    let p = |r: &Value, grade: &str| r["overall"]["probabilities"][grade].as_f64().unwrap();
    let r = simulate(&a);
    let hp = judgement(&r, "help_and_protection")["probabilities"]["inadequate"]
        .as_f64()
        .unwrap();
    // Help and protection is inadequate in most runs, and in every such run the overall is held
    // down to inadequate with it: the overall reported is the limited one, not the best fit of
    // its own (good) statements.
    assert!(hp > 0.5, "help and protection inadequate in {hp}");
    assert!(
        p(&r, "inadequate") >= hp,
        "{} < {hp}: {}",
        p(&r, "inadequate"),
        r["overall"]
    );
    assert_eq!(
        r["overall"]["probabilities"],
        judgement(&r, "overall_experiences_progress")["probabilities"]
    );
    assert_eq!(
        judgement(&r, "overall_experiences_progress")["mostLikely"],
        "inadequate"
    );
    // Without the inadequate answer the same seed gives no inadequate overall at all.
    let unlimited = simulate(&assessment("sccif-childrens-homes", "good", json!({})));
    assert_eq!(p(&unlimited, "inadequate"), 0.0, "{}", unlimited["overall"]);
    assert!(p(&unlimited, "good") > 0.5, "{}", unlimited["overall"]);
}

#[test]
fn workshop_comparison_works_for_provider_files() {
    let file = |level: &str, who: &str| {
        let mut a = assessment("sccif-childrens-homes", level, json!({ "ch_hp_missing": "inadequate" }));
        a["participant"] = json!(who);
        (format!("{who}.json"), a.to_string())
    };
    let c = stocktake::workshop::compare::compare_participants(&[file("good", "ali"), file("outstanding", "bo")], None);
    let c = serde_json::to_value(c).unwrap();
    assert_eq!(c["participants"].as_array().unwrap().len(), 2, "{}", c["invalid"]);
    let overall = c["judgements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["id"] == "overall_experiences_progress")
        .unwrap();
    // Both are limited to inadequate by help and protection, so they agree.
    assert_eq!(overall["mode"], "inadequate");
    assert_eq!(overall["agreement"], 1.0);
}
