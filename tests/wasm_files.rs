//! Opening saved files through the JavaScript API, compiled to wasm in headless Chromium: the
//! result says whether the file is unopenable (`fatal`), and the limits are published.
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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
    assert_eq!(l["maxFileBytes"], 2 * 1024 * 1024);
    assert_eq!(l["maxNotes"], 2000);
    assert_eq!(l["formatVersion"], 1);
    assert_eq!(l["encryptedFormat"], "stocktake-encrypted");
}
