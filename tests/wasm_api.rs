//! The JavaScript API compiled to wasm and run in headless Chromium: values cross the boundary
//! as plain JSON-compatible objects.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn json(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(stocktake::bindings::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn frameworks_are_plain_objects_with_camel_case_fields() {
    let list = stocktake::bindings::frameworks().unwrap();
    assert!(js_sys::Array::is_array(&list));
    let text = json(&list);
    assert!(text.contains("\"id\":\"ilacs-2026-04\""), "{text}");
    assert!(text.contains("\"effectiveFrom\":\"2026-04-01\""), "{text}");
    assert!(text.contains("\"current\":true"), "{text}");
}
