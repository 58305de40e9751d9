//! `parse_assessment` and `score_value` never panic, whatever JSON they are given, and every problem
//! names a field path and a known code.
#![cfg(not(target_arch = "wasm32"))]
use proptest::prelude::*;
use serde_json::{json, Value};

/// The core's own JSON value for a serde_json one.
fn core(v: &Value) -> serde_json::Value {
    v.clone()
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|x| serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)),
        // Strings that are sometimes meaningful to the parser.
        prop_oneof![
            Just("good".to_string()),
            Just("not_known".to_string()),
            Just("2026-02-29".to_string()),
            Just("stocktake-assessment".to_string()),
            Just("ilacs-2018-01".to_string()),
            Just("case_audit".to_string()),
            ".{0,30}",
        ]
        .prop_map(Value::String),
    ];
    let keys = prop_oneof![
        Just("format".to_string()),
        Just("version".to_string()),
        Just("framework".to_string()),
        Just("assessedOn".to_string()),
        Just("answers".to_string()),
        Just("indicators".to_string()),
        Just("history".to_string()),
        Just("hp_front_door".to_string()),
        Just("level".to_string()),
        Just("evidence".to_string()),
        Just("action".to_string()),
        Just("due".to_string()),
        Just("notes".to_string()),
        Just("sw_turnover".to_string()),
        "[a-z_]{1,12}",
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(keys.clone(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const CODES: &[&str] = &[
    "not_stocktake",
    "newer_version",
    "invalid_version",
    "unknown_framework",
    "too_long",
    "not_text",
    "invalid_date",
    "not_object",
    "unknown_statement",
    "unknown_level",
    "unknown_evidence",
    "not_array",
    "notes_too_long",
    "unknown_indicator",
    "out_of_range",
    "not_a_number",
    "wrong_shape",
    "too_big",
    "more_problems",
    "unknown_scenario",
    "missing_migration",
    "after_assessment",
    "unknown_status",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn parsing_and_scoring_never_panic(v in arb_json()) {
        let (a, problems) = stocktake::assessment::parse_assessment(&core(&v));
        for p in &problems {
            prop_assert!(CODES.contains(&p.code.as_str()), "unknown code {}", p.code);
            prop_assert!(!p.message.is_empty());
        }
        // What was kept is itself valid.
        let (_, again) = stocktake::assessment::parse_assessment(&stocktake::assessment::to_value(&a));
        prop_assert!(again.iter().all(|p| p.code == "newer_version"), "{:?}", again);
        let _ = stocktake::scoring::score::score_value(&core(&v));
        let _ = stocktake::scoring::simulate::simulate_value(&core(&v), &serde_json::json!({ "runs": 3 }));
    }

    #[test]
    fn answers_objects_never_panic(answers in proptest::collection::btree_map("[a-z_]{1,20}", arb_json(), 0..10)) {
        let v = json!({ "answers": answers, "indicators": { "sw_turnover": 1e300, "average_caseload": -0.0 } });
        let _ = stocktake::scoring::score::score_value(&core(&v));
    }

    #[test]
    fn file_text_never_panics(text in ".{0,200}") {
        let _ = stocktake::assessment::parse_assessment_text(&text);
    }
}
