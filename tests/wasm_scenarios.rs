#![cfg(target_arch = "wasm32")]
//! The scenario files again, compiled to wasm and run in a browser (`wasm-pack test --headless
//! --firefox`): the core must give the same grades there as natively.
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;

#[wasm_bindgen_test]
fn every_scenario_gets_the_expected_grades_in_wasm() {
    assert!(!common::list::SCENARIOS.is_empty());
    for (name, text) in common::list::SCENARIOS {
        common::check(name, text).unwrap();
    }
}

#[wasm_bindgen_test]
fn simulation_is_the_same_in_wasm_as_natively() {
    // Same seed, same counts: this figure is asserted natively in tests/scenarios.rs too.
    let (_, text) = common::list::SCENARIOS[0];
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    let r = stocktake::simulate::simulate_value(&common::filled(&v), &serde_json::json!({ "runs": 1000, "seed": 7 }))
        .unwrap();
    assert_eq!(r.runs, 1000);
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        serde_json::to_string(
            &stocktake::simulate::simulate_value(&common::filled(&v), &serde_json::json!({ "runs": 1000, "seed": 7 }))
                .unwrap()
        )
        .unwrap()
    );
}
