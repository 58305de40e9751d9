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

/// `bankHolidays(2026)` → `["2026-01-01", "2026-04-03", …]`: the bank holidays of a year in
/// England and Wales, sorted. Throws for a year outside the covered years.
#[wasm_bindgen(js_name = bankHolidays)]
pub fn bank_holidays(year: i32) -> Result<JsValue, JsError> {
    let days = crate::calendar::bank_holidays(year)?;
    to_js(&days.into_iter().map(crate::calendar::format_date).collect::<Vec<_>>())
}

fn whole_number(n: f64) -> Result<i64, JsError> {
    if n.fract() == 0.0 && n.abs() < 1e7 {
        Ok(n as i64)
    } else {
        Err(JsError::new(&format!("{n} is not a whole number of working days")))
    }
}

/// `addWorkingDays("2026-04-02", 1)` → `"2026-04-07"`: the n-th working day after the date
/// (n = 0 returns the date unchanged; negative n counts backwards). Throws for a date that is not
/// `YYYY-MM-DD`, a fractional n, or a year outside the covered years.
#[wasm_bindgen(js_name = addWorkingDays)]
pub fn add_working_days(date: &str, n: f64) -> Result<String, JsError> {
    let d = crate::calendar::parse_date(date)?;
    let r = crate::calendar::add_working_days(d, whole_number(n)?)?;
    Ok(crate::calendar::format_date(r))
}

/// `workingDaysBetween("2026-04-02", "2026-04-07")` → `1`: working days after the first date up
/// to and including the second; negative when the second is earlier. Throws like `addWorkingDays`.
#[wasm_bindgen(js_name = workingDaysBetween)]
pub fn working_days_between(a: &str, b: &str) -> Result<f64, JsError> {
    let a = crate::calendar::parse_date(a)?;
    let b = crate::calendar::parse_date(b)?;
    Ok(crate::calendar::working_days_between(a, b)? as f64)
}

/// `pathway({ framework, today, history, projected, assumptions })` →
/// `{ next, events, assumptions, problems, baseRates }`. Bad input never throws: it is reported in
/// `problems`, each naming its field. Throws only when the argument cannot be read as JSON.
#[wasm_bindgen]
pub fn pathway(input: JsValue) -> Result<JsValue, JsError> {
    let value: serde_json::Value =
        serde_wasm_bindgen::from_value(input).map_err(|e| JsError::new(&format!("pathway input: {e}")))?;
    to_js(&crate::pathway::pathway(&value))
}

/// `baseRates()` → `{ source, attribution, inspections, pairs, firstStart, lastStart,
/// transitions: [{ from, to, count }], intervals: [{ from, n, min, q1, median, q3, max }] }`.
#[wasm_bindgen(js_name = baseRates)]
pub fn base_rates() -> Result<JsValue, JsError> {
    to_js(crate::base_rates::base_rates())
}
