//! The file parser and the scorer never panic, whatever they are given, and valid assessments
//! survive a save and re-open unchanged. Native only (proptest does not build for wasm32).
#![cfg(not(target_arch = "wasm32"))]
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use serde_json::{json, Map, Value};
use stocktake::assessment::{
    is_fatal, open_bytes, open_text, parse_assessment, to_value, Action, Answer, Assessment, MAX_FILE_BYTES, MAX_NOTES,
    MAX_PROBLEMS, MAX_TEXT,
};
use stocktake::model::level::Level;

/// Whatever happened, the result is coherent: a fatal result has an empty assessment and only
/// fatal problems (at least one), there is at most one more problem than the limit, and scoring works.
fn check_opened(o: &stocktake::assessment::Opened) {
    assert!(o.problems.len() <= MAX_PROBLEMS + 1);
    if o.fatal {
        assert_eq!(o.assessment, Assessment::default());
        assert!(
            !o.problems.is_empty() && o.problems.iter().all(is_fatal),
            "{:?}",
            o.problems
        );
    } else {
        assert!(!o.problems.iter().any(is_fatal), "{:?}", o.problems);
        let _ = stocktake::scoring::score::score(&o.assessment);
    }
    for p in &o.problems {
        assert!(!p.message.is_empty() && !p.code.as_str().is_empty());
        assert!(p.message.chars().count() < 400, "message too long: {}", p.message);
    }
}

/// Arbitrary JSON, with strings and keys biased towards the ones a saved file uses.
fn any_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("format".to_string()),
        Just("version".to_string()),
        Just("framework".to_string()),
        Just("authority".to_string()),
        Just("assessedOn".to_string()),
        Just("answers".to_string()),
        Just("indicators".to_string()),
        Just("history".to_string()),
        Just("level".to_string()),
        Just("evidence".to_string()),
        Just("notes".to_string()),
        Just("action".to_string()),
        Just("text".to_string()),
        Just("owner".to_string()),
        Just("due".to_string()),
        Just("hp_front_door".to_string()),
        Just("lead_self_awareness".to_string()),
        Just("sw_turnover".to_string()),
        ".{0,12}",
    ];
    let string = prop_oneof![
        Just("stocktake-assessment".to_string()),
        Just("stocktake-encrypted".to_string()),
        Just("ilacs-2023-01".to_string()),
        Just("ilacs-2018-01".to_string()),
        Just("good".to_string()),
        Just("not_known".to_string()),
        Just("case_audit".to_string()),
        Just("2026-02-29".to_string()),
        Just("1999-12-31".to_string()),
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        ".{0,20}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from), // NaN and infinities become null
        (-10.0f64..200.0).prop_map(Value::from),
        string.prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 96, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// A stocktake file whose members are arbitrary JSON.
fn stocktake_like() -> impl Strategy<Value = Value> {
    (any_json(), any_json(), any_json(), any_json(), any_json()).prop_map(|(answers, indicators, a, d, h)| {
        json!({ "format": "stocktake-assessment", "version": 1, "framework": "ilacs-2026-04",
                "authority": a, "assessedOn": d, "answers": answers, "indicators": indicators, "history": h })
    })
}

fn level() -> impl Strategy<Value = Option<Level>> {
    prop_oneof![
        Just(None),
        Just(Some(Level::Outstanding)),
        Just(Some(Level::Good)),
        Just(Some(Level::RequiresImprovement)),
        Just(Some(Level::Inadequate)),
        Just(Some(Level::NotKnown)),
    ]
}

fn date() -> impl Strategy<Value = String> {
    (2000i32..=2100, 1u32..=12, 1u32..=28).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
}

fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..40).prop_map(move |cs| cs.into_iter().take(max).collect())
}

/// A valid assessment: known framework, statements, evidence, indicators in range, real dates,
/// text within limits (possibly at the limit).
fn valid_assessment() -> impl Strategy<Value = Assessment> {
    let frameworks: Vec<&'static stocktake::framework::Framework> = stocktake::framework::all().iter().collect();
    (0..frameworks.len()).prop_flat_map(move |fi| {
        let fw = frameworks[fi];
        let ids: Vec<String> = fw.statements().map(|(_, s)| s.id.to_string()).collect();
        let evidence: Vec<String> = fw.evidence_sources.iter().map(|e| e.id.to_string()).collect();
        let indicators: Vec<(String, f64, f64)> =
            fw.indicators.iter().map(|i| (i.id.to_string(), i.min, i.max)).collect();
        let answer = (
            level(),
            prop::sample::subsequence(evidence, 0..=3),
            prop_oneof![text(MAX_NOTES), Just("n".repeat(MAX_NOTES))],
            prop::option::of((text(MAX_TEXT), text(MAX_TEXT), prop::option::of(date()))),
        )
            .prop_map(|(level, evidence, notes, action)| Answer {
                level,
                evidence,
                notes,
                action: action
                    .map(|(text, owner, due)| Action {
                        text,
                        owner,
                        due,
                        ..Action::default()
                    })
                    .filter(|a| *a != Action::default()),
            });
        let n = ids.len();
        (
            prop::collection::btree_map(prop::sample::select(ids), answer, 0..n),
            // Provider (SCCIF) frameworks have no indicators: then none are generated.
            prop::collection::btree_map(
                0..indicators.len().max(1),
                0.0f64..=1.0,
                0..if indicators.is_empty() { 1 } else { 4 },
            ),
            text(MAX_TEXT),
            prop::option::of(date()),
        )
            .prop_map(move |(answers, inds, authority, assessed_on)| Assessment {
                framework: fw.id.clone(),
                authority,
                assessed_on,
                answers,
                indicators: inds
                    .into_iter()
                    .map(|(i, t)| {
                        let (id, min, max) = &indicators[i];
                        (id.clone(), min + t * (max - min))
                    })
                    .collect(),
                ..Assessment::default()
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 512,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct("proptest-regressions/parser_props.txt"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        check_opened(&open_bytes(&bytes));
        check_opened(&open_text(&String::from_utf8_lossy(&bytes)));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        check_opened(&open_text(&text));
        let _ = stocktake::scoring::score::score_value(&serde_json::json!(text));
    }

    #[test]
    fn arbitrary_json_never_panics(v in any_json()) {
        let core: serde_json::Value = v.clone();
        let (a, _) = parse_assessment(&core);
        let _ = stocktake::scoring::score::score(&a);
        let _ = stocktake::scoring::score::score_value(&core);
        check_opened(&open_text(&v.to_string()));
    }

    #[test]
    fn arbitrary_members_of_a_stocktake_file_never_panic(v in stocktake_like()) {
        let _ = stocktake::scoring::score::score_value(&v);
        check_opened(&open_text(&v.to_string()));
    }

    #[test]
    fn valid_assessments_round_trip(a in valid_assessment()) {
        let text = serde_json::to_string_pretty(&to_value(&a)).unwrap();
        let o = open_text(&text);
        prop_assert!(o.problems.is_empty(), "{:?}", o.problems);
        prop_assert!(!o.fatal);
        prop_assert_eq!(&o.assessment, &a);
        prop_assert_eq!(stocktake::scoring::score::score(&o.assessment), stocktake::scoring::score::score(&a));
    }
}

/// Found by `valid_assessments_round_trip`: serde_json's default float parser can be one unit in the
/// last place off, so a saved indicator re-opened as a different number. Fixed by serde_json's
/// `float_roundtrip` feature.
#[test]
fn regression_indicator_values_reopen_bit_for_bit() {
    for x in [46.692575760682956f64, 0.1 + 0.2, 99.99999999999999, 5e-324, 1.0 / 3.0] {
        let text = json!({ "format": "stocktake-assessment", "indicators": { "sw_turnover": x } }).to_string();
        assert_eq!(
            open_text(&text).assessment.indicators["sw_turnover"].to_bits(),
            x.to_bits(),
            "{x}"
        );
    }
}

/// Found by `valid_assessments_round_trip`: notes holding several U+FFFD (or a C1 control such as
/// U+0085, or DEL, which JSON writes raw) were mistaken for a binary file.
#[test]
fn regression_replacement_characters_in_notes_are_not_binary() {
    let mut a = Assessment::default();
    a.set("hp_front_door", Level::Good)
        .answers
        .get_mut("hp_front_door")
        .unwrap()
        .notes = "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{85}\u{9f}\u{7f}".into();
    let o = open_text(&to_value(&a).to_string());
    assert!(o.problems.is_empty(), "{:?}", o.problems);
    assert_eq!(o.assessment, a);
    // A PNG's first bytes are still recognised as binary, read as bytes or as lossy text.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_eq!(open_bytes(png).problems[0].code, "not_stocktake");
    assert_eq!(
        open_text(&String::from_utf8_lossy(png)).problems[0].code,
        "not_stocktake"
    );
}

#[test]
fn the_limits_hold_at_their_edges() {
    // A file of exactly the limit is read; one byte more is refused unread.
    let pad = |n: usize| {
        let head = "{\"format\":\"stocktake-assessment\",\"version\":1,\"authority\":\"\"}";
        format!("{head}{}", " ".repeat(n - head.len()))
    };
    assert!(!open_text(&pad(MAX_FILE_BYTES)).fatal);
    assert_eq!(open_text(&pad(MAX_FILE_BYTES + 1)).problems[0].code, "too_big");
    assert_eq!(open_bytes(&vec![b' '; MAX_FILE_BYTES + 1]).problems[0].code, "too_big");
    // Deep nesting: refused as the wrong shape, both beyond serde's limit and within it.
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    for n in [25, 127, 5000] {
        let o = open_text(&deep(n));
        assert!(o.fatal);
        assert!(
            ["wrong_shape", "not_stocktake"].contains(&o.problems[0].code.as_str()),
            "{n}: {:?}",
            o.problems
        );
    }
    let nested_history = format!(
        "{{\"format\":\"stocktake-assessment\",\"version\":1,\"history\":{}1{}}}",
        "[".repeat(30),
        "]".repeat(30)
    );
    assert_eq!(open_text(&nested_history).problems[0].code, "wrong_shape");
    // Many problems are capped, with a count of the rest.
    let many: Map<String, Value> = (0..500).map(|i| (format!("zz_{i}"), json!({}))).collect();
    let o = open_text(&json!({ "format": "stocktake-assessment", "answers": many }).to_string());
    assert!(!o.fatal);
    assert_eq!(o.problems.len(), MAX_PROBLEMS + 1);
    assert_eq!(o.problems[MAX_PROBLEMS].code, "more_problems");
    assert!(o.problems[MAX_PROBLEMS].message.contains("450 more"));
    // A huge statement id is clipped in the field and message.
    let long_id = "x".repeat(100_000);
    let o = open_text(&json!({ "format": "stocktake-assessment", "answers": { long_id: {} } }).to_string());
    assert!(o.problems[0].field.chars().count() < 80 && o.problems[0].message.chars().count() < 300);
}
