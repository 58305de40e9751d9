//! Property checks through the JavaScript API, compiled to wasm and run in headless Chromium:
//! random self-evaluations for every framework, scored and simulated as the page calls them.
//! proptest does not build for wasm32, so a small seeded generator draws the cases; the native
//! proptests (crate/scoring) hold the same properties over many more.
//! - The headline is the score's grade; `mostLikely` is the largest bar; a note is there exactly
//!   when the two differ (issue 21: a headline never silently disagrees with its chart).
//! - Raising one answer never lowers a grade, overall included.
#![cfg(target_arch = "wasm32")]

use serde_json::{json, Value};
use stocktake::model::level::Level;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// SplitMix64: reproducible draws, the same every run.
struct Draws(u64);

impl Draws {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A plain object, as the page passes (serde-wasm-bindgen's default would make JavaScript `Map`s,
/// which the API refuses: it reads arguments as `JSON.stringify` writes them).
fn to_js(v: &Value) -> JsValue {
    serde::Serialize::serialize(v, &serde_wasm_bindgen::Serializer::json_compatible()).unwrap()
}

fn from_js(v: JsValue) -> Value {
    serde_json::from_str(&js_sys::JSON::stringify(&v).unwrap().as_string().unwrap()).unwrap()
}

/// The statement ids of a framework, through the API.
fn statements(fw: &str) -> Vec<String> {
    let f = from_js(stocktake::bindings::framework(fw).unwrap());
    f["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["statements"].as_array().unwrap().iter())
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

/// A self-evaluation with one level (or none) per statement, as the page holds it.
fn assessment(fw: &str, levels: &[(String, Option<Level>)]) -> Value {
    let answers: serde_json::Map<String, Value> = levels
        .iter()
        .filter_map(|(id, l)| l.map(|l| (id.clone(), json!({ "level": l.id() }))))
        .collect();
    json!({ "format": "stocktake-assessment", "version": 2, "framework": fw, "answers": answers })
}

fn grades(score: &Value) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = score["judgements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| (j["id"].as_str().unwrap().to_string(), j["grade"].clone()))
        .collect();
    out.push(("overall".into(), score["overall"]["grade"].clone()));
    out
}

fn rank(g: &Value) -> Option<u8> {
    match g.as_str()? {
        "inadequate" => Some(0),
        "requires_improvement" => Some(1),
        "good" => Some(2),
        "outstanding" => Some(3),
        _ => None,
    }
}

#[wasm_bindgen_test]
fn headlines_agree_with_their_charts_or_say_why_and_raising_an_answer_never_lowers_a_grade() {
    let mut draws = Draws(21);
    let ids: Vec<String> = from_js(stocktake::bindings::frameworks().unwrap())
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 5);
    let mut notes = 0;
    for fw in &ids {
        let statements = statements(fw);
        for case in 0..12 {
            // One in five unanswered, the rest spread over the five levels.
            let levels: Vec<(String, Option<Level>)> = statements
                .iter()
                .map(|id| {
                    let k = draws.below(25);
                    (id.clone(), (k >= 5).then(|| Level::ORDERED[k % 5]))
                })
                .collect();
            let a = assessment(fw, &levels);
            let score = from_js(stocktake::bindings::score(to_js(&a)).unwrap());
            let sim = from_js(
                stocktake::bindings::simulate(to_js(&a), to_js(&json!({ "runs": 200, "seed": case }))).unwrap(),
            );
            for j in sim["judgements"].as_array().unwrap() {
                let id = j["id"].as_str().unwrap();
                let scored = score["judgements"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|x| x["id"] == id)
                    .unwrap();
                assert_eq!(
                    j["headline"], scored["grade"],
                    "{fw} {id}: the headline is the score's grade"
                );
                let p = &j["probabilities"];
                let bar = |g: &Value| p[g.as_str().unwrap_or("none")].as_f64().unwrap();
                let top = ["outstanding", "good", "requires_improvement", "inadequate", "none"]
                    .iter()
                    .map(|k| p[*k].as_f64().unwrap())
                    .fold(0.0, f64::max);
                assert_eq!(bar(&j["mostLikely"]), top, "{fw} {id}: mostLikely is the largest bar");
                let differ = j["headline"] != j["mostLikely"];
                assert_eq!(
                    j["note"].is_string(),
                    differ,
                    "{fw} {id}: a note exactly when they differ"
                );
                notes += differ as u32;
            }
            // Raise one answered statement by one to three steps.
            let answered: Vec<usize> = (0..levels.len()).filter(|&i| levels[i].1.is_some()).collect();
            if answered.is_empty() {
                continue;
            }
            let s = answered[draws.below(answered.len())];
            let mut raised = levels.clone();
            let from = levels[s].1.unwrap();
            let i = Level::ORDERED.iter().position(|&l| l == from).unwrap();
            raised[s].1 = Some(Level::ORDERED[(i + 1 + draws.below(3)).min(4)]);
            let after = from_js(stocktake::bindings::score(to_js(&assessment(fw, &raised))).unwrap());
            for ((id, b), (_, a)) in grades(&score).iter().zip(grades(&after)) {
                if let (Some(b), Some(a)) = (rank(b), rank(&a)) {
                    assert!(
                        a >= b,
                        "{fw} {id}: raising {} from {from:?} lowered {b} to {a}",
                        levels[s].0
                    );
                }
            }
        }
    }
    assert!(notes > 0, "the cases include headlines their charts move");
}
