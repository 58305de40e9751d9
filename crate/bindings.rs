//! The JavaScript API: the one module with `#[wasm_bindgen]` items. Each function converts
//! plain JSON-compatible values at the boundary and calls the core; no logic lives here.
//! Documented with examples in `docs/api-scoring.md`.
//!
//! Errors: invalid *user input* comes back as data (`problems`); a `JsError` is thrown only for a
//! broken contract between the page and the core (such as simulation options out of range, or an
//! `overallEffectiveness` call for an unknown framework or without a judgement it needs).
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

// Values cross the boundary through serde-wasm-bindgen with its JSON-compatible serializer:
// results are plain objects with `null` (never `Map` or `undefined`), so they can be saved with
// `JSON.stringify` and compared with `deepEqual`; arguments are read as JSON values.

/// Serialises a result to a plain JavaScript value.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

/// Any JavaScript value as JSON (`undefined` becomes `null`), by way of `JSON.stringify`: the
/// value as the page would save it (a property that is `undefined` is left out, `NaN` is `null`).
/// Not serde-wasm-bindgen's reader, whose error paths bring serde's float formatting into the
/// wasm (13 KB gzip with the grades' reader below; docs/performance.md); it still writes results.
fn from_js(value: JsValue) -> Result<Value, JsError> {
    if value.is_undefined() {
        return Ok(Value::Null);
    }
    let not_json = |why: &str| JsError::new(&format!("the argument cannot be read as JSON: {why}"));
    if value.is_instance_of::<js_sys::Map>() {
        return Err(not_json("it is a Map; pass a plain object"));
    }
    let text = js_sys::JSON::stringify(&value)
        .map_err(|_| not_json("JSON.stringify threw (a BigInt, or an object that contains itself)"))?
        .as_string()
        .ok_or_else(|| not_json("it is a function or a symbol"))?;
    serde_json::from_str(&text).map_err(|e| not_json(&e.to_string()))
}

/// A JavaScript value read as a typed argument. A value the reader rejects is a broken contract:
/// a `JsError` naming the argument and what is wrong.
fn from_js_as<T>(value: JsValue, what: &str, read: impl FnOnce(&Value) -> Result<T, String>) -> Result<T, JsError> {
    read(&from_js(value)?).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// The crate version, such as `0.1.0`.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// `frameworks()` → `[{ id, name, effectiveFrom, current }]`.
#[wasm_bindgen]
pub fn frameworks() -> Result<JsValue, JsError> {
    to_js(&crate::framework::catalogue::catalogue())
}

/// `framework(id)` → the whole framework (areas, statements, indicators, rules, evidence sources,
/// levels), or `null` for an unknown id.
#[wasm_bindgen]
pub fn framework(id: &str) -> Result<JsValue, JsError> {
    match crate::framework::get(id) {
        Some(f) => to_js(&f.view()),
        None => Ok(JsValue::NULL),
    }
}

/// `score(assessment)` → `{ framework, judgements, overall, actionPlan, indicators, problems }`.
#[wasm_bindgen]
pub fn score(assessment: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::scoring::score::score_value(&from_js(assessment)?))
}

/// `review({ assessment, today, assumptions })` → `{ score, pathway, problems }`: the one call the
/// page makes per change. `score` is `score(assessment)`; `pathway` is `pathway(…)` under the grades
/// the score projects; `problems` is every problem for the user (the reader's, a self-evaluation
/// dated after today, the inspection history's), each naming its field, in words the page shows as
/// given. Throws only when the argument cannot be read as JSON.
#[wasm_bindgen]
pub fn review(input: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::review::review(&from_js(input)?))
}

/// `overallEffectiveness(frameworkId, { impact_of_leaders, help_and_protection, children_in_care,
/// care_leavers })` → a grade id, or `null` for a framework without overall effectiveness. Pass
/// `{ strict: true }` as a third argument to make leaders inadequate force overall inadequate.
#[wasm_bindgen(js_name = overallEffectiveness)]
pub fn overall_effectiveness(framework_id: &str, grades: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let grades = from_js_as(grades, "grades", crate::scoring::score::grades_from_value)?;
    let strict = from_js(options)?
        .get("strict")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let grade =
        crate::scoring::score::overall_effectiveness(framework_id, &grades, strict).map_err(|e| JsError::new(&e))?;
    to_js(&grade)
}

/// `validateAssessment(value)` → `[{ field, code, message }]`.
#[wasm_bindgen(js_name = validateAssessment)]
pub fn validate_assessment(value: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::assessment::parse_assessment(&from_js(value)?).1)
}

/// `parseAssessmentText(text)` → `{ assessment, problems, fatal }`, for opening a saved file.
/// When `fatal` is true the file cannot be opened (the first problem says why) and `assessment` is
/// an empty default; otherwise `problems` are warnings about parts that were left out. Never throws.
#[wasm_bindgen(js_name = parseAssessmentText)]
pub fn parse_assessment_text(text: &str) -> Result<JsValue, JsError> {
    to_js(&crate::assessment::open_text(text))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Limits {
    max_file_bytes: usize,
    max_notes: usize,
    max_text: usize,
    format: &'static str,
    encrypted_format: &'static str,
    format_version: u64,
}

/// `fileLimits()` → `{ maxFileBytes, maxNotes, maxText, format, encryptedFormat, formatVersion }`:
/// the limits the file parser enforces, so the page can check a file's size before reading it and
/// set `maxlength` on text fields.
#[wasm_bindgen(js_name = fileLimits)]
pub fn file_limits() -> Result<JsValue, JsError> {
    use crate::assessment as a;
    to_js(&Limits {
        max_file_bytes: a::MAX_FILE_BYTES,
        max_notes: a::MAX_NOTES,
        max_text: a::MAX_TEXT,
        format: a::FORMAT,
        encrypted_format: a::ENCRYPTED_FORMAT,
        format_version: a::FORMAT_VERSION,
    })
}

/// `auditEvidence(assessment, today?)` → `{ from, to, audits, inWindow, statements, challenges,
/// agreement, disagreements, rule, source, tag }`: what the case-file audits say about each
/// self-rating (see `crate::scoring::audits`). `today` is `YYYY-MM-DD`; the self-evaluation's date
/// when absent.
#[wasm_bindgen(js_name = auditEvidence)]
pub fn audit_evidence(assessment: JsValue, today: Option<String>) -> Result<JsValue, JsError> {
    to_js(&crate::scoring::audits::audit_evidence_value(
        &from_js(assessment)?,
        today.as_deref(),
    ))
}

/// `auditCriteria(frameworkId)` → `{ id, frameworks, criterion: [{ id, area, text, statements,
/// source, tag }] }`, or `null` for a framework without audit criteria.
#[wasm_bindgen(js_name = auditCriteria)]
pub fn audit_criteria(framework_id: &str) -> Result<JsValue, JsError> {
    to_js(&crate::assessment::audit::criteria_for(framework_id))
}

/// `simulate(assessment, { runs, seed })` → `{ runs, seed, judgements, overall, routes }`.
#[wasm_bindgen]
pub fn simulate(assessment: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let result = crate::scoring::simulate::simulate_value(&from_js(assessment)?, &from_js(options)?)
        .map_err(|p| JsError::new(&format!("{}: {}", p.field, p.message)))?;
    to_js(&result)
}

/// `bankHolidays(2026)` → `["2026-01-01", "2026-04-03", …]`: the bank holidays of a year in
/// England and Wales, sorted. Throws for a year outside the covered years.
#[wasm_bindgen(js_name = bankHolidays)]
pub fn bank_holidays(year: i32) -> Result<JsValue, JsError> {
    let days = crate::pathway::calendar::bank_holidays(year)?;
    to_js(&days.into_iter().map(crate::model::date::format).collect::<Vec<_>>())
}

fn whole_number(n: f64) -> Result<i64, JsError> {
    if n.fract() == 0.0 && n.abs() < 1e7 {
        Ok(n as i64)
    } else {
        // The number as JavaScript writes it (no float formatting in the wasm).
        let shown = js_sys::Number::from(n)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default();
        Err(JsError::new(&format!("{shown} is not a whole number of working days")))
    }
}

/// `addWorkingDays("2026-04-02", 1)` → `"2026-04-07"`: the n-th working day after the date
/// (n = 0 returns the date unchanged; negative n counts backwards). Throws for a date that is not
/// `YYYY-MM-DD`, a fractional n, or a year outside the covered years.
#[wasm_bindgen(js_name = addWorkingDays)]
pub fn add_working_days(date: &str, n: f64) -> Result<String, JsError> {
    let d = crate::pathway::calendar::parse_date(date)?;
    let r = crate::pathway::calendar::add_working_days(d, whole_number(n)?)?;
    Ok(crate::model::date::format(r))
}

/// `workingDaysBetween("2026-04-02", "2026-04-07")` → `1`: working days after the first date up
/// to and including the second; negative when the second is earlier. Throws like `addWorkingDays`.
#[wasm_bindgen(js_name = workingDaysBetween)]
pub fn working_days_between(a: &str, b: &str) -> Result<f64, JsError> {
    let a = crate::pathway::calendar::parse_date(a)?;
    let b = crate::pathway::calendar::parse_date(b)?;
    Ok(crate::pathway::calendar::working_days_between(a, b)? as f64)
}

/// `pathway({ framework, today, history, projected, assumptions })` →
/// `{ next, events, assumptions, problems, baseRates }`. Bad input never throws: it is reported in
/// `problems`, each naming its field. Throws only when the argument cannot be read as JSON.
#[wasm_bindgen]
pub fn pathway(input: JsValue) -> Result<JsValue, JsError> {
    let value = from_js(input)?;
    to_js(&crate::pathway::pathway(&value))
}

/// `baseRates()` → `{ source, attribution, inspections, pairs, ungradedNext, undated, firstStart,
/// lastStart, recordTo, transitions: [{ from, to, count }], intervals: [{ from, n, min, q1, median, q3, max }] }`.
#[wasm_bindgen(js_name = baseRates)]
pub fn base_rates() -> Result<JsValue, JsError> {
    to_js(crate::pathway::base_rates::base_rates())
}

/// `scenarios()` → `[{ id, name, fictional, route, routeName, framework, summary }]`: the workshop
/// scenarios (fictional authorities), in route order. In both builds: the start page lists them.
#[wasm_bindgen]
pub fn scenarios() -> Result<JsValue, JsError> {
    to_js(&crate::framework::scenario_index::scenarios())
}

/// `scenario(id)` → `{ id, name, fictional, route, routeName, framework, summary, briefing,
/// facilitator, reference, participantStart }`, or `null` for an unknown id. Workshop build only.
#[cfg(feature = "workshop")]
#[wasm_bindgen]
pub fn scenario(id: &str) -> Result<JsValue, JsError> {
    match crate::workshop::scenarios::scenario(id) {
        Some(s) => to_js(&s),
        None => Ok(JsValue::NULL),
    }
}

/// `compareParticipants([{ name, text }], scenarioId | null)` → `{ scenario, scenarioName, framework,
/// participants, invalid, statements, judgements, disagreements, problems }` (see `crate::workshop::compare`).
/// Bad files are listed in `invalid`, never thrown; throws only when the first argument is not a list
/// of `{ name, text }`. Workshop build only.
#[cfg(feature = "workshop")]
#[wasm_bindgen(js_name = compareParticipants)]
pub fn compare_participants(files: JsValue, scenario_id: Option<String>) -> Result<JsValue, JsError> {
    let files = from_js_as(
        files,
        "compareParticipants files",
        crate::workshop::compare::named_files,
    )?;
    to_js(&crate::workshop::compare::compare_participants(
        &files,
        scenario_id.as_deref(),
    ))
}

/// The wasm's memory allocator: talc (crates.io, maintained, made for WebAssembly) instead of the
/// standard library's dlmalloc, which was 7 KB of the code; talc is about 2.5 KB gzip smaller and
/// faster (docs/performance.md). The wasm32 target here has no threads (no `atomics` feature).
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
