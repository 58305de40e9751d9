//! The JavaScript API: the one module with `#[wasm_bindgen]` items. Each function converts
//! plain JSON-compatible values at the boundary and calls the core; no logic lives here.
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Serialises to plain objects and `null` (not `Map` and `undefined`), so results can be saved
/// with `JSON.stringify` and compared with `deepEqual`.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The crate version, such as `0.1.0`.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// `frameworks()` → `[{ id, name, effectiveFrom, current }]`.
#[wasm_bindgen]
pub fn frameworks() -> Result<JsValue, JsError> {
    to_js(&crate::frameworks::catalogue())
}
