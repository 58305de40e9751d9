//! Runs every scenario in `tests/pathway_scenarios/*.json`. Each file is named by the sentence it
//! checks and holds `{ input, expect }`: `input` is the `pathway` argument as the page sends it;
//! `expect` may check `next` (`kind`, `route`, `rule`, `window` fields, `notes` ids), events that
//! must be present (`events`) or absent (`absentEvents`), single `eventDates`, `eventWindows`
//! fields (an event's `date` counts as all three), `eventDescriptions` (substring), assumption
//! values used (`assumptions`), and the exact list of problems (`field`, `code`).
use serde_json::Value;
use std::path::Path;

mod pathway_common;
use pathway_common::check;

#[test]
fn every_scenario_holds() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pathway_scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 8, "expected the scenario files in {}", dir.display());
    for f in files {
        let name = f.file_stem().unwrap().to_string_lossy().to_string();
        let scenario: Value = serde_json::from_str(&std::fs::read_to_string(&f).unwrap())
            .unwrap_or_else(|e| panic!("{name}: not JSON: {e}"));
        let checks = check(&name, &scenario);
        assert!(checks >= 3, "{name}: a scenario must check something ({checks} checks)");
        println!("ok ({checks} checks): {name}");
    }
}

#[test]
fn the_embedded_list_has_every_pathway_scenario_file() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pathway_scenarios");
    let on_disk = std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "json"))
        .count();
    assert_eq!(
        on_disk,
        pathway_common::list::SCENARIOS.len(),
        "rebuild to refresh the list"
    );
}
