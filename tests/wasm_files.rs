//! Opening saved files through the JavaScript API, compiled to wasm in headless Chromium: the
//! result says whether the file is unopenable (`fatal`), and the limits are published.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::same;

fn json(v: &JsValue) -> Value {
    serde_json::from_str(&js_sys::JSON::stringify(v).unwrap().as_string().unwrap()).unwrap()
}

#[wasm_bindgen_test]
fn golden_and_bad_files_open_as_natively() {
    let good = include_str!("golden/v1/full-2026.json");
    let o = json(&stocktake::bindings::parse_assessment_text(good).unwrap());
    assert_eq!(o["fatal"], false);
    assert_eq!(o["problems"], serde_json::json!([]));
    assert!(o["assessment"]["answers"]["hp_front_door"]["level"].is_string());

    let newer = include_str!("bad_files/a file from a newer Stocktake is refused.json");
    let o = json(&stocktake::bindings::parse_assessment_text(newer).unwrap());
    assert_eq!(o["fatal"], true);
    assert_eq!(o["problems"][0]["code"], "newer_version");

    let warn = include_str!("bad_files/an unknown statement is left out.json");
    let o = json(&stocktake::bindings::parse_assessment_text(warn).unwrap());
    assert_eq!(o["fatal"], false);
    assert_eq!(o["problems"][0]["field"], "answers.hp_made_up_statement");
    assert_eq!(o["assessment"]["answers"]["hp_front_door"]["level"], "good");
}

#[wasm_bindgen_test]
fn file_limits_are_published() {
    let l = json(&stocktake::bindings::file_limits().unwrap());
    assert_eq!(l["maxFileBytes"], 16 * 1024 * 1024);
    assert_eq!(l["maxNotes"], 2000);
    assert_eq!(l["formatVersion"], 2);
    assert_eq!(l["encryptedFormat"], "stocktake-encrypted");
}

/// Values cross the boundary as JSON would carry them (serde-wasm-bindgen, JSON-compatible): a
/// score and a simulation through the JavaScript API equal the native core's on the same file, and
/// JavaScript's whole numbers are read as whole numbers.
#[wasm_bindgen_test]
fn values_cross_the_boundary_as_json() {
    let text = include_str!("golden/v1/full-2026.json");
    let value: Value = serde_json::from_str(text).unwrap();
    let js = js_sys::JSON::parse(text).unwrap();
    let native = serde_json::to_value(stocktake::scoring::score::score_value(&value)).unwrap();
    assert!(same(&json(&stocktake::bindings::score(js.clone()).unwrap()), &native));
    // `null`, never `undefined`, for an absent overall judgement, so JSON.stringify keeps the key.
    let r = stocktake::bindings::score(js.clone()).unwrap();
    let overall = js_sys::Reflect::get(&r, &JsValue::from_str("overall")).unwrap();
    assert!(overall.is_null());
    let options = js_sys::JSON::parse(r#"{ "runs": 50, "seed": 3 }"#).unwrap();
    let sim = json(&stocktake::bindings::simulate(js.clone(), options).unwrap());
    let native =
        stocktake::scoring::simulate::simulate_value(&value, &serde_json::json!({ "runs": 50, "seed": 3 })).unwrap();
    assert!(same(&sim, &serde_json::to_value(native).unwrap()));
    assert_eq!(sim["runs"], 50);
    let fractional = js_sys::JSON::parse(r#"{ "runs": 2.5 }"#).unwrap();
    assert!(stocktake::bindings::simulate(js, fractional).is_err());
}

/// The peer challenge exchanges (`peer`, issue 19) pass through the JavaScript API untouched, and
/// a file without them gains nothing.
#[wasm_bindgen_test]
fn the_peer_record_passes_through_the_api() {
    let peer = serde_json::json!({ "exchanges": [{ "packId": "p1", "reviewer": "Sam", "replies": { "hp_front_door": { "status": "accepted" } } }] });
    let file =
        serde_json::json!({ "format": "stocktake-assessment", "version": 1, "authority": "Dorset", "peer": peer });
    let o = json(&stocktake::bindings::parse_assessment_text(&file.to_string()).unwrap());
    assert_eq!(o["fatal"], false);
    assert_eq!(o["assessment"]["peer"], peer);
    let plain = include_str!("golden/v1/full-2026.json");
    let o = json(&stocktake::bindings::parse_assessment_text(plain).unwrap());
    assert!(o["assessment"].get("peer").is_none());
}
