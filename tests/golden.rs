//! Old files keep opening: every golden file under `tests/golden/v<N>/` (one folder per saved-file
//! version) must open with no problems and score exactly as its `<name>.expected.json` says
//! (compared as JSON values).
//!
//! Regenerate the expected files after a deliberate change to scoring with
//! `STOCKTAKE_BLESS=1 cargo test --test golden`, then review the diff before committing: a change
//! to an expected file means an old self-evaluation now scores differently.
#![cfg(not(target_arch = "wasm32"))]
use serde_json::Value;
use std::path::{Path, PathBuf};
use stocktake::assessment::{open_text, parse_assessment, to_value, FORMAT_VERSION};

fn golden_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Every golden input file, by version: `(version, path)`.
fn golden_files() -> Vec<(u64, PathBuf)> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(golden_root()).expect("tests/golden exists") {
        let dir = dir.unwrap().path();
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let version: u64 = name
            .strip_prefix('v')
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("tests/golden/{name}: folders are named v<version>"));
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            let file = f.file_name().unwrap().to_string_lossy().to_string();
            if file.ends_with(".json") && !file.ends_with(".expected.json") {
                out.push((version, f));
            }
        }
    }
    out.sort();
    out
}

fn expected_path(input: &Path) -> PathBuf {
    input.with_extension("expected.json")
}

#[test]
fn every_golden_file_opens_without_problems_and_scores_identically() {
    let bless = std::env::var_os("STOCKTAKE_BLESS").is_some();
    let files = golden_files();
    assert!(files.len() >= 6, "golden files missing: {files:?}");
    let mut failures = Vec::new();
    for (version, path) in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let raw: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            raw["version"].as_u64(),
            Some(*version),
            "{path:?} is in the wrong folder"
        );
        let opened = open_text(&text);
        assert!(
            !opened.fatal && opened.problems.is_empty(),
            "{path:?} no longer opens cleanly: {:?}",
            opened.problems
        );
        let score = serde_json::to_value(stocktake::scoring::score::score(&opened.assessment)).unwrap();
        let expected_file = expected_path(path);
        if bless {
            std::fs::write(&expected_file, serde_json::to_string_pretty(&score).unwrap() + "\n").unwrap();
            continue;
        }
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&expected_file)
                .unwrap_or_else(|_| panic!("{expected_file:?} missing: run with STOCKTAKE_BLESS=1")),
        )
        .unwrap();
        if score != expected {
            failures.push(format!("{}", path.display()));
        }
    }
    assert!(
        failures.is_empty(),
        "these golden files now score differently (if deliberate, STOCKTAKE_BLESS=1 and review the diff): {failures:?}"
    );
}

#[test]
fn the_current_version_has_golden_files() {
    assert!(
        golden_files().iter().any(|(v, _)| *v == FORMAT_VERSION),
        "add golden files under tests/golden/v{FORMAT_VERSION}/ for the new format version"
    );
}

/// The writer must write exactly what the `full-*` files of the current version hold: a change to
/// the saved format (a field added, renamed or removed) fails here until the version is bumped,
/// a migration added and new golden files written.
#[test]
fn the_writer_writes_the_current_format_exactly() {
    let current: Vec<_> = golden_files()
        .into_iter()
        .filter(|(v, p)| *v == FORMAT_VERSION && p.file_name().unwrap().to_string_lossy().starts_with("full-"))
        .collect();
    assert!(!current.is_empty());
    for (_, path) in current {
        let raw: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let (a, problems) = parse_assessment(&raw.clone());
        assert!(problems.is_empty());
        assert_eq!(
            to_value(&a),
            raw,
            "{path:?}: the saved-file format changed; bump FORMAT_VERSION, add a migration (crate/migrate.rs) and golden files"
        );
    }
}

#[test]
fn golden_files_round_trip_through_the_writer() {
    for (_, path) in golden_files() {
        let a = open_text(&std::fs::read_to_string(&path).unwrap()).assessment;
        let again = open_text(&serde_json::to_string(&to_value(&a)).unwrap());
        assert!(again.problems.is_empty(), "{path:?}: {:?}", again.problems);
        assert_eq!(again.assessment, a, "{path:?}");
    }
}

#[test]
fn an_authoritys_codes_survive_opening_and_saving() {
    let path = golden_root().join("v2/with-authority-codes.json");
    let a = open_text(&std::fs::read_to_string(path).unwrap()).assessment;
    let codes = a.authority_codes.as_ref().expect("codes kept");
    assert_eq!(
        (codes.urn, codes.la.as_deref(), codes.ons.as_deref()),
        (80533, Some("892"), Some("E06000018"))
    );
    assert_eq!(
        to_value(&a)["authorityCodes"],
        serde_json::json!({ "urn": 80533, "la": "892", "ons": "E06000018" })
    );
}
