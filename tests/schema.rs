//! The JSON Schema for saved assessments (`schema/assessment.schema.json`) agrees with the code.
use serde_json::Value;
use std::collections::BTreeSet;
use stocktake::model::level::Level;

fn schema() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/assessment.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("schema file")).expect("schema is valid JSON")
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn schema_is_draft_2020_12_and_its_enums_match_the_code() {
    let s = schema();
    assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(s["properties"]["format"]["const"], stocktake::assessment::FORMAT);
    let levels = strings(&s["$defs"]["level"]["enum"]);
    let code: BTreeSet<String> = Level::SHOWN.iter().map(|l| l.id().to_string()).collect();
    assert_eq!(levels, code);
    let fws = strings(&s["properties"]["framework"]["enum"]);
    let known: BTreeSet<String> = stocktake::framework::all().iter().map(|f| f.id.to_string()).collect();
    assert_eq!(fws, known);
    let fw = stocktake::framework::current();
    let stmts = strings(&s["properties"]["answers"]["propertyNames"]["enum"]);
    // Every framework's statements (the providers' frameworks have their own).
    let code: BTreeSet<String> = stocktake::framework::all()
        .iter()
        .flat_map(|f| f.statements().map(|(_, s)| s.id.to_string()))
        .collect();
    assert_eq!(stmts, code);
    let inds = strings(&s["properties"]["indicators"]["propertyNames"]["enum"]);
    let code: BTreeSet<String> = fw.indicators.iter().map(|i| i.id.to_string()).collect();
    assert_eq!(inds, code);
    let ev = strings(&s["$defs"]["answer"]["properties"]["evidence"]["items"]["enum"]);
    let code: BTreeSet<String> = fw.evidence_sources.iter().map(|e| e.id.to_string()).collect();
    assert_eq!(ev, code);
    assert_eq!(
        s["$defs"]["answer"]["properties"]["notes"]["maxLength"],
        stocktake::assessment::MAX_NOTES as u64
    );
}

#[test]
fn the_schema_describes_every_field_the_parser_writes_and_the_workshop_fields() {
    let schema = schema();
    let props = schema["properties"].as_object().unwrap();
    let mut full = stocktake::workshop::scenarios::all()[0].reference();
    full.participant = Some("Sam".into());
    for key in stocktake::assessment::to_value(&full).as_object().unwrap().keys() {
        assert!(props.contains_key(key), "schema lacks {key}");
    }
    for optional in ["scenario", "participant"] {
        assert!(!schema["required"].as_array().unwrap().iter().any(|r| r == optional));
    }
    assert_eq!(
        props["participant"]["maxLength"],
        stocktake::assessment::MAX_PARTICIPANT
    );
    let mut ids: Vec<&str> = props["scenario"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    ids.sort();
    let mut known: Vec<&str> = stocktake::workshop::scenarios::all()
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    known.sort();
    assert_eq!(ids, known);
}
