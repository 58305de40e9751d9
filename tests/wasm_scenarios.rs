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
    // The first local-authority scenario (the fingerprint was taken from it).
    let (_, text) = common::list::SCENARIOS
        .iter()
        .find(|(name, _)| name.starts_with("an LA"))
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    let options = serde_json::json!({ "runs": 1000, "seed": 7 });
    let r = stocktake::scoring::simulate::simulate_value(&common::filled(&v), &options).unwrap();
    assert_eq!(common::fingerprint(&r), common::SIMULATION_FINGERPRINT);
}
