//! Every way a saved file can be wrong gets its own problem code and message, from the shared
//! sample files in `tests/bad_files/` (also opened in the browser by `e2e/files.test.mjs`).
#![cfg(not(target_arch = "wasm32"))]
use serde_json::Value;
use std::path::Path;
use stocktake::assessment::{open_bytes, open_text, MAX_FILE_BYTES};
use stocktake::model::level::Level;

#[test]
fn each_bad_file_gets_its_own_code_and_a_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files");
    let index: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
    let cases = index["cases"].as_array().unwrap();
    let mut codes = std::collections::BTreeSet::new();
    for case in cases {
        let file = case["file"].as_str().unwrap();
        let want = case["code"].as_str().unwrap();
        let fatal = case["fatal"].as_bool().unwrap();
        let bytes = std::fs::read(dir.join(file)).unwrap();
        // As the browser reads it (File.text() decodes as UTF-8, replacing bad bytes) and as bytes.
        for o in [open_text(&String::from_utf8_lossy(&bytes)), open_bytes(&bytes)] {
            assert_eq!(o.fatal, fatal, "{file}: {:?}", o.problems);
            assert_eq!(o.problems[0].code, want, "{file}: {:?}", o.problems);
            assert!(o.problems[0].message.len() > 20, "{file}");
            if !fatal {
                // The rest of the file is kept.
                assert_eq!(o.assessment.answers["hp_front_door"].level, Some(Level::Good), "{file}");
            }
        }
        codes.insert(want);
    }
    assert!(codes.len() >= 11, "{codes:?}"); // and too_big, below
}

#[test]
fn a_file_over_the_limit_is_too_big_and_says_the_limit() {
    let text = format!(
        "{{\"format\":\"stocktake-assessment\",\"authority\":\"{}\"}}",
        "x".repeat(MAX_FILE_BYTES)
    );
    let o = open_text(&text);
    assert!(o.fatal);
    assert_eq!(o.problems[0].code, "too_big");
    assert!(o.problems[0].message.contains("16.0 MB"), "{}", o.problems[0].message);
}

#[test]
fn warnings_name_their_fields() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_files");
    let read = |f: &str| open_text(&std::fs::read_to_string(dir.join(f)).unwrap());
    let fields = |f: &str| {
        read(f)
            .problems
            .into_iter()
            .map(|p| (p.field, p.code.to_string()))
            .collect::<Vec<_>>()
    };
    let s = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        fields("an impossible date is left out.json"),
        [
            s("assessedOn", "invalid_date"),
            s("answers.hp_front_door.action.due", "invalid_date")
        ]
    );
    assert_eq!(
        fields("a number out of range is left out.json"),
        [
            s("indicators.agency_rate", "out_of_range"),
            s("indicators.sw_turnover", "out_of_range")
        ]
    );
    assert_eq!(
        fields("text far too long is cut to the limit.json"),
        [
            s("authority", "too_long"),
            s("answers.hp_front_door.notes", "notes_too_long")
        ]
    );
    assert_eq!(
        read("text far too long is cut to the limit.json")
            .assessment
            .authority
            .len(),
        500
    );
}
