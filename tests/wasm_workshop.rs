#![cfg(target_arch = "wasm32")]
//! Workshops through the JavaScript API, compiled to wasm32 and run in headless Chromium: the
//! scenario list, a scenario in full, and `compareParticipants` giving the same figures as the core.
use serde_json::{json, Value};
use stocktake::assessment::to_value;
use stocktake::model::level::Level;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::same;

fn json(v: &JsValue) -> Value {
    serde_json::from_str(&js_sys::JSON::stringify(v).unwrap().as_string().unwrap()).unwrap()
}

fn participant(name: &str, levels: &[(&str, Level)]) -> String {
    let mut a = stocktake::workshop::scenarios::get("harrowby-vale")
        .unwrap()
        .participant_start();
    a.participant = Some(name.to_string());
    for (id, l) in levels {
        a.set(id, *l);
    }
    serde_json::to_string(&to_value(&a)).unwrap()
}

#[wasm_bindgen_test]
fn scenarios_are_listed_and_marked_fictional() {
    let list = json(&stocktake::bindings::scenarios().unwrap());
    let list = list.as_array().unwrap();
    assert!(list.len() >= 4);
    assert!(list.iter().all(|s| s["fictional"] == true));
    assert!(list.iter().any(|s| s["routeName"] == "A good authority slipping"));
    let s = json(&stocktake::bindings::scenario("eastmere").unwrap());
    assert_eq!(s["participantStart"]["scenario"], "eastmere");
    assert_eq!(s["participantStart"]["answers"], json!({}));
    assert_eq!(
        s["facilitator"]["expected"]["overall_effectiveness"],
        "requires_improvement"
    );
    assert!(stocktake::bindings::scenario("nowhere").unwrap().is_null());
}

#[wasm_bindgen_test]
fn compare_participants_gives_the_same_figures_as_the_core() {
    use Level::*;
    let files = vec![
        (
            "ann.json".to_string(),
            participant("Ann", &[("hp_front_door", Good), ("hp_lado", NotKnown)]),
        ),
        (
            "bo.json".to_string(),
            participant("Bo", &[("hp_front_door", RequiresImprovement)]),
        ),
        (
            "cy.json".to_string(),
            participant("Cy", &[("hp_front_door", Inadequate)]),
        ),
        ("junk.txt".to_string(), "not a file".to_string()),
    ];
    let input: Vec<Value> = files.iter().map(|(n, t)| json!({ "name": n, "text": t })).collect();
    let js = js_sys::JSON::parse(&serde_json::to_string(&input).unwrap()).unwrap();
    let got = json(&stocktake::bindings::compare_participants(js, Some("harrowby-vale".into())).unwrap());
    let want = serde_json::to_value(stocktake::workshop::compare::compare_participants(
        &files,
        Some("harrowby-vale"),
    ))
    .unwrap();
    assert!(same(&got, &want), "wasm and core differ:\n{got}\n{want}");
    assert_eq!(got["participants"].as_array().unwrap().len(), 3);
    assert_eq!(got["invalid"][0]["name"], "junk.txt");
    let fd = got["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "hp_front_door")
        .unwrap();
    assert_eq!(
        fd["counts"],
        json!({ "outstanding": 0, "good": 1, "requires_improvement": 1, "inadequate": 1, "not_known": 0, "unanswered": 0 })
    );
    assert_eq!(fd["agreement"], 0.33);
    assert_eq!(fd["spread"], 2);
    assert_eq!(fd["mode"], "inadequate");
    assert_eq!(fd["reference"], "requires_improvement");
    assert_eq!(got["disagreements"][0], "hp_front_door");
    let bad = stocktake::bindings::compare_participants(JsValue::from(3), None);
    assert!(bad.is_err());
    let no_text = js_sys::JSON::parse("[{\"name\":\"a\"}]").unwrap();
    assert!(stocktake::bindings::compare_participants(no_text, None).is_err());
}

/// The message of a thrown error.
fn thrown(r: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let e = js_sys::Error::from(JsValue::from(r.unwrap_err()));
    e.message().as_string().unwrap()
}

#[wasm_bindgen_test]
fn compare_participants_reads_its_files_argument_by_hand() {
    let compare = |text: &str| stocktake::bindings::compare_participants(js_sys::JSON::parse(text).unwrap(), None);
    // Accepted as before: a name may be left out, other keys are ignored, `[name, text]` works too.
    let got = json(&compare(r#"[{ "text": "x", "size": 1 }, ["b.json", "y"]]"#).unwrap());
    let names: Vec<&str> = got["invalid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["", "b.json"]);
    assert!(stocktake::bindings::compare_participants(JsValue::UNDEFINED, None).is_err());
    assert_eq!(
        thrown(compare(r#"[{ "name": "a.json", "text": "{}" }, { "name": "b.json" }]"#)),
        "compareParticipants files: missing field `text`"
    );
    assert_eq!(
        thrown(compare(r#"{ "name": "a.json", "text": "{}" }"#)),
        "compareParticipants files: invalid type: map, expected a sequence"
    );
    assert_eq!(
        thrown(compare(r#"[{ "name": 3, "text": "{}" }]"#)),
        "compareParticipants files: invalid type: integer `3`, expected a string"
    );
}
