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

/// The message of a thrown error.
fn thrown(r: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let e = js_sys::Error::from(JsValue::from(r.unwrap_err()));
    e.message().as_string().unwrap()
}

#[wasm_bindgen_test]
fn overall_effectiveness_reads_grades_and_throws_for_a_broken_contract() {
    use stocktake::bindings::overall_effectiveness;
    let grades = |text: &str| js_sys::JSON::parse(text).unwrap();
    let ri = r#"{ "impact_of_leaders": "inadequate", "help_and_protection": "requires_improvement",
        "children_in_care": "requires_improvement", "care_leavers": "requires_improvement" }"#;
    let lenient = overall_effectiveness("ilacs-2023-01", grades(ri), JsValue::UNDEFINED).unwrap();
    assert_eq!(json(&lenient), r#""requires_improvement""#);
    let strict = overall_effectiveness("ilacs-2023-01", grades(ri), grades(r#"{ "strict": true }"#)).unwrap();
    assert_eq!(json(&strict), r#""inadequate""#);
    assert!(overall_effectiveness("ilacs-2026-04", grades("{}"), JsValue::UNDEFINED)
        .unwrap()
        .is_null());
    assert_eq!(
        thrown(overall_effectiveness(
            "ilacs-2023-01",
            grades(r#"{ "care_leavers": "great" }"#),
            JsValue::UNDEFINED
        )),
        r#"grades: care_leavers is "great", not a grade: use inadequate, requires_improvement, good or outstanding"#
    );
    assert_eq!(
        thrown(overall_effectiveness("ilacs-2023-01", grades("[]"), JsValue::UNDEFINED)),
        r#"grades: expected an object of judgement ids and grade ids, such as { "care_leavers": "good" }"#
    );
    assert_eq!(
        thrown(overall_effectiveness(
            "ilacs-2023-01",
            JsValue::UNDEFINED,
            JsValue::UNDEFINED
        )),
        r#"grades: expected an object of judgement ids and grade ids, such as { "care_leavers": "good" }"#
    );
    assert_eq!(
        thrown(overall_effectiveness("ilacs-2023-01", grades("{}"), JsValue::UNDEFINED)),
        "missing grade for impact_of_leaders"
    );
}

#[wasm_bindgen_test]
fn add_working_days_throws_for_a_count_that_is_not_whole_and_shows_it_as_javascript_does() {
    let message = |n: f64| {
        let e = stocktake::bindings::add_working_days("2026-01-05", n).unwrap_err();
        js_sys::Error::from(JsValue::from(e)).message().as_string().unwrap()
    };
    assert_eq!(message(1.5), "1.5 is not a whole number of working days");
    assert_eq!(message(f64::NAN), "NaN is not a whole number of working days");
    assert_eq!(message(1e21), "1e+21 is not a whole number of working days");
    assert_eq!(
        stocktake::bindings::add_working_days("2026-01-05", 1.0).unwrap(),
        "2026-01-06"
    );
}

#[wasm_bindgen_test]
fn audit_evidence_through_the_api_challenges_a_rating_the_audits_do_not_support() {
    let mut audits = Vec::new();
    for i in 0..20 {
        let g = if i < 11 { "good" } else { "inadequate" };
        audits.push(format!(
            r#"{{ "caseRef": "C{i}", "area": "help_and_protection", "date": "2026-06-01", "grades": {{ "au_hp_seen_alone": "{g}" }} }}"#
        ));
    }
    let file = format!(
        r#"{{ "format": "stocktake-assessment", "version": 2, "framework": "ilacs-2026-04", "assessedOn": "2026-11-30",
            "answers": {{ "hp_child_seen": {{ "level": "good" }} }}, "audits": [{}] }}"#,
        audits.join(",")
    );
    let value = js_sys::JSON::parse(&file).unwrap();
    let e = json(&stocktake::bindings::audit_evidence(value.clone(), None).unwrap());
    assert!(e.contains("\"cases\":20"), "{e}");
    assert!(e.contains("\"interval\":[34,75]"), "{e}");
    assert!(e.contains("9 of 20 audited cases in the last 12 months"), "{e}");
    let native = stocktake::scoring::audits::audit_evidence_value(&serde_json::from_str(&file).unwrap(), None);
    assert_eq!(
        e,
        serde_json::to_string(&native).unwrap(),
        "the same as the native core"
    );
    let s = json(&stocktake::bindings::score(value).unwrap());
    assert!(s.contains("ch_audits_below_rating"), "{s}");
    let c = json(&stocktake::bindings::audit_criteria("ilacs-2026-04").unwrap());
    assert!(c.contains("au_hp_seen_alone"), "{c}");
}

#[wasm_bindgen_test]
fn arguments_are_read_as_json_stringify_writes_them_and_what_it_cannot_write_throws() {
    use stocktake::bindings::validate_assessment;
    // A property that is `undefined` is left out, as a saved file would leave it out.
    let with_undefined = js_sys::JSON::parse(r#"{ "framework": "ilacs-2026-04", "answers": {} }"#).unwrap();
    js_sys::Reflect::set(&with_undefined, &"notes".into(), &JsValue::UNDEFINED).unwrap();
    assert!(js_sys::Array::is_array(&validate_assessment(with_undefined).unwrap()));
    assert_eq!(
        thrown(validate_assessment(js_sys::Function::new_no_args("").into())),
        "the argument cannot be read as JSON: it is a function or a symbol"
    );
    assert_eq!(
        thrown(validate_assessment(js_sys::Map::new().into())),
        "the argument cannot be read as JSON: it is a Map; pass a plain object"
    );
    assert_eq!(
        thrown(validate_assessment(js_sys::BigInt::from(1u64).into())),
        "the argument cannot be read as JSON: JSON.stringify threw (a BigInt, or an object that contains itself)"
    );
}
