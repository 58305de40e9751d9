#![cfg(target_arch = "wasm32")]
//! The calendar and one pathway scenario, compiled to wasm32 and run in a browser
//! (`wasm-pack test --headless --firefox`), to catch differences between native and wasm builds.
use stocktake::model::date::format as format_date;
use stocktake::pathway::calendar::{add_working_days, bank_holidays, parse_date, working_days_between};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod pathway_common;

#[wasm_bindgen_test]
fn calendar_sums_match_native() {
    let d = |s| parse_date(s).unwrap();
    let h: Vec<String> = bank_holidays(2027).unwrap().into_iter().map(format_date).collect();
    assert_eq!(
        h,
        [
            "2027-01-01",
            "2027-03-26",
            "2027-03-29",
            "2027-05-03",
            "2027-05-31",
            "2027-08-30",
            "2027-12-27",
            "2027-12-28"
        ]
    );
    assert_eq!(add_working_days(d("2026-12-24"), 4).unwrap(), d("2027-01-04"));
    assert_eq!(add_working_days(d("2023-05-09"), 70).unwrap(), d("2023-08-16"));
    assert_eq!(working_days_between(d("2026-04-13"), d("2026-04-02")).unwrap(), -5);
    assert!(bank_holidays(2036).is_err());
}

#[wasm_bindgen_test]
fn a_good_authority_gets_a_short_inspection_window() {
    let scenario: serde_json::Value = serde_json::from_str(include_str!(
        "pathway_scenarios/an LA judged good in March 2024 expects a short inspection between January 2027 and March 2028, most likely in September 2027.json"
    ))
    .unwrap();
    let out = serde_json::to_value(stocktake::pathway::pathway(&scenario["input"])).unwrap();
    assert_eq!(out["next"]["kind"], "short");
    assert_eq!(
        out["next"]["window"],
        serde_json::json!({ "earliest": "2027-01-18", "likely": "2027-09-06", "latest": "2028-03-06" })
    );
    assert_eq!(out["problems"], serde_json::json!([]));
    assert!(out["baseRates"]["pairs"].as_u64().unwrap() > 0);
}

#[wasm_bindgen_test]
fn every_pathway_scenario_holds_in_wasm() {
    // ILACS and provider (SCCIF) pathways alike: the same files and checks as natively.
    assert!(pathway_common::list::SCENARIOS.len() >= 16);
    for (name, text) in pathway_common::list::SCENARIOS {
        let scenario: serde_json::Value = serde_json::from_str(text).unwrap();
        assert!(pathway_common::check(name, &scenario) >= 3, "{name}");
    }
}
