//! `parse_assessment` and `score_value` never panic, whatever JSON they are given, and every problem
//! names a field path and a known code. The inputs are drawn so that they reach the parser's depth:
//! answers keyed by real statement ids with real levels among the junk, and file text that is a
//! saved file's JSON, sometimes damaged; each property counts how many cases kept a scored answer
//! and fails if too few did (a generator that never reaches the code is a test that cannot fail).
#![cfg(not(target_arch = "wasm32"))]
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Map, Value};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use stocktake::assessment::{open_text, parse_assessment};

/// The core's own JSON value for a serde_json one.
fn core(v: &Value) -> serde_json::Value {
    v.clone()
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|x| serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)),
        // Strings that are sometimes meaningful to the parser.
        prop_oneof![
            Just("good".to_string()),
            Just("not_known".to_string()),
            Just("2026-02-29".to_string()),
            Just("stocktake-assessment".to_string()),
            Just("ilacs-2018-01".to_string()),
            Just("case_audit".to_string()),
            ".{0,30}",
        ]
        .prop_map(Value::String),
    ];
    let keys = prop_oneof![
        Just("format".to_string()),
        Just("version".to_string()),
        Just("framework".to_string()),
        Just("assessedOn".to_string()),
        Just("answers".to_string()),
        Just("indicators".to_string()),
        Just("history".to_string()),
        Just("hp_front_door".to_string()),
        Just("level".to_string()),
        Just("evidence".to_string()),
        Just("action".to_string()),
        Just("due".to_string()),
        Just("notes".to_string()),
        Just("sw_turnover".to_string()),
        "[a-z_]{1,12}",
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(keys.clone(), inner, 0..8)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

const CODES: &[&str] = &[
    "not_stocktake",
    "newer_version",
    "invalid_version",
    "unknown_framework",
    "too_long",
    "not_text",
    "invalid_date",
    "not_object",
    "unknown_statement",
    "unknown_level",
    "unknown_evidence",
    "not_array",
    "notes_too_long",
    "unknown_indicator",
    "out_of_range",
    "not_a_number",
    "wrong_shape",
    "too_big",
    "more_problems",
    "unknown_scenario",
    "missing_migration",
    "after_assessment",
    "unknown_status",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn parsing_and_scoring_never_panic(v in arb_json()) {
        let (a, problems) = stocktake::assessment::parse_assessment(&core(&v));
        for p in &problems {
            prop_assert!(CODES.contains(&p.code.as_str()), "unknown code {}", p.code);
            prop_assert!(!p.message.is_empty());
        }
        // What was kept is itself valid.
        let (_, again) = stocktake::assessment::parse_assessment(&stocktake::assessment::to_value(&a));
        prop_assert!(again.iter().all(|p| p.code == "newer_version"), "{:?}", again);
        let _ = stocktake::scoring::score::score_value(&core(&v));
        let _ = stocktake::scoring::simulate::simulate_value(&core(&v), &serde_json::json!({ "runs": 3 }));
    }
}

/// The levels a saved file may hold.
const LEVELS: [&str; 5] = ["outstanding", "good", "requires_improvement", "inadequate", "not_known"];

fn framework_ids() -> Vec<String> {
    stocktake::framework::all().iter().map(|f| f.id.to_string()).collect()
}

/// Every statement id of every framework (a key from another framework is a realistic mistake).
fn statement_ids() -> Vec<String> {
    let mut ids: Vec<String> = stocktake::framework::all()
        .iter()
        .flat_map(|f| f.statements().map(|(_, s)| s.id.to_string()).collect::<Vec<_>>())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

fn evidence_ids() -> Vec<String> {
    let mut ids: Vec<String> = stocktake::framework::all()
        .iter()
        .flat_map(|f| f.evidence_sources.iter().map(|e| e.id.to_string()).collect::<Vec<_>>())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// A statement id: mostly one of `framework`'s, sometimes another framework's, now and then junk.
fn key(framework: &str) -> impl Strategy<Value = String> {
    let own: Vec<String> = stocktake::framework::get(framework)
        .unwrap()
        .statements()
        .map(|(_, s)| s.id.to_string())
        .collect();
    prop_oneof![
        7 => proptest::sample::select(own),
        2 => proptest::sample::select(statement_ids()),
        1 => "[a-z_]{1,20}",
    ]
}

/// A level: mostly a real one, sometimes junk of any shape.
fn level() -> impl Strategy<Value = Value> {
    prop_oneof![
        8 => proptest::sample::select(LEVELS.to_vec()).prop_map(|l| json!(l)),
        1 => Just(json!("Good")),
        1 => arb_json(),
    ]
}

/// One answer as the page saves it, with each member sometimes missing or junk; now and then
/// not an object at all.
fn answer() -> impl Strategy<Value = Value> {
    let evidence = prop_oneof![
        4 => proptest::collection::vec(
            prop_oneof![4 => proptest::sample::select(evidence_ids()).prop_map(Value::String), 1 => arb_json()],
            0..4,
        )
        .prop_map(Value::Array),
        1 => arb_json(),
    ];
    let date = prop_oneof![
        (2000i32..2101, 1u32..13, 1u32..32).prop_map(|(y, m, d)| json!(format!("{y:04}-{m:02}-{d:02}"))),
        arb_json(),
    ];
    let action = prop_oneof![
        3 => (".{0,40}", ".{0,20}", date).prop_map(|(t, o, d)| json!({ "text": t, "owner": o, "due": d })),
        1 => arb_json(),
    ];
    let notes = prop_oneof![4 => ".{0,60}".prop_map(Value::String), 1 => arb_json()];
    let object = (
        proptest::option::weighted(0.9, level()),
        proptest::option::of(evidence),
        proptest::option::of(notes),
        proptest::option::of(action),
    )
        .prop_map(|(l, e, n, a)| {
            let mut o = Map::new();
            for (k, v) in [("level", l), ("evidence", e), ("notes", n), ("action", a)] {
                if let Some(v) = v {
                    o.insert(k.to_string(), v);
                }
            }
            Value::Object(o)
        });
    prop_oneof![9 => object, 1 => arb_json()]
}

/// A saved file's JSON: the members the page writes, answers keyed mostly by the framework's own
/// statement ids.
fn saved_file() -> impl Strategy<Value = Value> {
    proptest::sample::select(framework_ids()).prop_flat_map(|framework| {
        (
            Just(framework.clone()),
            prop_oneof![4 => Just(json!(2)), 1 => Just(json!(1)), 1 => arb_json()],
            proptest::collection::btree_map(key(&framework), answer(), 0..12),
            proptest::option::of(arb_json()),
        )
            .prop_map(|(framework, version, answers, extra)| {
                let mut v = json!({
                    "format": "stocktake-assessment",
                    "version": version,
                    "framework": framework,
                    "assessedOn": "2026-03-01",
                    "answers": answers,
                    "indicators": { "sw_turnover": 1e300, "average_caseload": -0.0 },
                });
                if let Some(extra) = extra {
                    v["history"] = extra;
                }
                v
            })
    })
}

/// Damages text the way a file is damaged: cut short, a character dropped, changed or added.
fn mutate(text: &str, how: u8, at: usize, c: char) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = if chars.is_empty() { 0 } else { at % chars.len() };
    match how % 5 {
        0 => return text.to_string(),
        1 => chars.truncate(at),
        2 if !chars.is_empty() => {
            chars.remove(at);
        }
        3 if !chars.is_empty() => chars[at] = c,
        _ => chars.insert(at, c),
    }
    chars.into_iter().collect()
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Answers keyed by real statement ids, with real levels among junk: the answer parser runs on
/// every case; an answer with a real id and level is kept with that level and scored, any other
/// key is reported, and nothing panics.
#[test]
fn answers_objects_never_panic() {
    let (cases, kept) = (AtomicUsize::new(0), AtomicUsize::new(0));
    runner(400)
        .run(&saved_file(), |v| {
            let framework = stocktake::framework::get(v["framework"].as_str().unwrap()).unwrap();
            let (a, problems) = parse_assessment(&v);
            for p in &problems {
                prop_assert!(CODES.contains(&p.code.as_str()), "unknown code {}", p.code);
            }
            let mut expect = 0;
            for (id, answer) in v["answers"].as_object().unwrap() {
                let known = framework.statements().any(|(_, s)| s.id.as_ref() == id.as_str());
                let level = answer
                    .get("level")
                    .and_then(Value::as_str)
                    .filter(|l| LEVELS.contains(l));
                match (known, level) {
                    (false, _) => {
                        prop_assert!(!a.answers.contains_key(id));
                        let field = format!("answers.{id}");
                        prop_assert!(problems
                            .iter()
                            .any(|p| p.code == "unknown_statement" && p.field == field));
                    }
                    (true, Some(l)) => {
                        expect += 1;
                        let got = a.answers.get(id).and_then(|x| x.level).map(|l| l.id());
                        prop_assert_eq!(got, Some(l), "{} in {}", id, v);
                    }
                    (true, None) => {}
                }
            }
            let r = stocktake::scoring::score::score_value(&v);
            prop_assert_eq!(&r.framework, &framework.id.to_string());
            let answered: usize = r.judgements.iter().map(|j| j.completeness.answered).sum();
            prop_assert!(answered >= expect.min(1), "{} answers kept, none scored", expect);
            let _ = stocktake::scoring::simulate::simulate_value(&v, &json!({ "runs": 2 }));
            cases.fetch_add(1, Relaxed);
            if answered > 0 {
                kept.fetch_add(1, Relaxed);
            }
            Ok(())
        })
        .unwrap();
    let (cases, kept) = (cases.into_inner(), kept.into_inner());
    eprintln!("{kept} of {cases} cases scored an answer");
    assert!(
        kept * 10 >= cases * 6,
        "only {kept} of {cases} cases scored an answer: the generator no longer reaches the parser"
    );
}

/// Text that is a saved file, sometimes damaged: `open_text` never panics, an undamaged file opens
/// with its answers, and enough cases get past the JSON reader into the assessment parser.
#[test]
fn file_text_never_panics() {
    let (cases, opened, scored) = (AtomicUsize::new(0), AtomicUsize::new(0), AtomicUsize::new(0));
    let damaged = (saved_file(), any::<u8>(), any::<usize>(), any::<char>(), any::<bool>());
    runner(400)
        .run(&damaged, |(v, how, at, c, pretty)| {
            let text = if pretty {
                serde_json::to_string_pretty(&v).unwrap()
            } else {
                v.to_string()
            };
            let text = mutate(&text, how, at, c);
            let o = open_text(&text);
            for p in &o.problems {
                prop_assert!(
                    CODES.contains(&p.code.as_str()) || ["not_json", "encrypted"].contains(&p.code.as_str()),
                    "unknown code {}",
                    p.code
                );
            }
            let untouched = how % 5 == 0;
            if untouched && v["version"] == json!(2) {
                prop_assert!(!o.fatal, "{:?}", o.problems);
                let (a, _) = parse_assessment(&v);
                prop_assert_eq!(&o.assessment.answers, &a.answers);
            }
            cases.fetch_add(1, Relaxed);
            if !o.fatal {
                opened.fetch_add(1, Relaxed);
            }
            if o.assessment.answers.values().any(|a| a.level.is_some()) {
                scored.fetch_add(1, Relaxed);
            }
            Ok(())
        })
        .unwrap();
    let (cases, opened, scored) = (cases.into_inner(), opened.into_inner(), scored.into_inner());
    eprintln!("of {cases} texts {opened} opened and {scored} kept an answer");
    assert!(
        opened * 4 >= cases && scored * 5 >= cases,
        "of {cases} texts {opened} opened and {scored} kept an answer: the generator no longer reaches the parser"
    );
    assert!(
        opened < cases,
        "no damaged text was refused: the damage never reaches the JSON reader"
    );
}
