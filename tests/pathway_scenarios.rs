//! Runs every scenario in `tests/pathway_scenarios/*.json`. Each file is named by the sentence it
//! checks and holds `{ input, expect }`: `input` is the `pathway` argument as the page sends it;
//! `expect` may check `next` (`kind`, `route`, `rule`, `window` fields, `notes` ids), events that
//! must be present (`events`) or absent (`absentEvents`), single `eventDates`, `eventWindows`
//! fields (an event's `date` counts as all three), `eventDescriptions` (substring), assumption
//! values used (`assumptions`), and the exact list of problems (`field`, `code`).
use serde_json::Value;
use std::path::Path;

fn event<'a>(out: &'a Value, id: &str, name: &str) -> &'a Value {
    out["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("{name}: no event {id}"))
}

fn check(name: &str, scenario: &Value) -> usize {
    let out = serde_json::to_value(stocktake::pathway::pathway(&scenario["input"])).unwrap();
    let expect = &scenario["expect"];
    let mut checks = 0;
    let ids: Vec<&str> = out["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();

    if let Some(next) = expect.get("next") {
        for key in ["kind", "route"] {
            if let Some(v) = next.get(key) {
                assert_eq!(&out["next"][key], v, "{name}: next.{key}");
                checks += 1;
            }
        }
        if let Some(v) = next.get("rule") {
            assert_eq!(&out["next"]["rule"]["id"], v, "{name}: next.rule");
            checks += 1;
        }
        if let Some(w) = next.get("window").and_then(Value::as_object) {
            for (k, v) in w {
                assert_eq!(&out["next"]["window"][k], v, "{name}: next.window.{k}");
                checks += 1;
            }
        }
        if let Some(notes) = next.get("notes").and_then(Value::as_array) {
            let got: Vec<&Value> = out["next"]["notes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| &n["id"])
                .collect();
            for n in notes {
                assert!(got.contains(&n), "{name}: next.notes lacks {n}; has {got:?}");
                checks += 1;
            }
        }
    }
    for id in expect.get("events").and_then(Value::as_array).into_iter().flatten() {
        assert!(
            ids.contains(&id.as_str().unwrap()),
            "{name}: missing event {id}; has {ids:?}"
        );
        checks += 1;
    }
    for id in expect
        .get("absentEvents")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        assert!(!ids.contains(&id.as_str().unwrap()), "{name}: unexpected event {id}");
        checks += 1;
    }
    for (id, d) in expect
        .get("eventDates")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        assert_eq!(&event(&out, id, name)["date"], d, "{name}: date of {id}");
        checks += 1;
    }
    for (id, w) in expect
        .get("eventWindows")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let e = event(&out, id, name);
        for (k, v) in w.as_object().unwrap() {
            let got = if e["date"].is_string() {
                &e["date"]
            } else {
                &e["window"][k]
            };
            assert_eq!(got, v, "{name}: {id}.{k}");
            checks += 1;
        }
    }
    for (id, text) in expect
        .get("eventDescriptions")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let d = event(&out, id, name)["description"].as_str().unwrap();
        assert!(d.contains(text.as_str().unwrap()), "{name}: {id} description: {d}");
        checks += 1;
    }
    for (id, v) in expect
        .get("assumptions")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let a = out["assumptions"].as_array().unwrap().iter().find(|a| &a["id"] == id);
        let a = a.unwrap_or_else(|| panic!("{name}: assumption {id} not reported"));
        assert_eq!(a["value"].as_f64(), v.as_f64(), "{name}: assumption {id}");
        checks += 1;
    }
    if let Some(p) = expect.get("problems").and_then(Value::as_array) {
        let got: Vec<(Value, Value)> = out["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["field"].clone(), p["code"].clone()))
            .collect();
        let want: Vec<(Value, Value)> = p.iter().map(|p| (p["field"].clone(), p["code"].clone())).collect();
        assert_eq!(got, want, "{name}: problems {}", out["problems"]);
        checks += want.len().max(1);
    }
    // Every result carries the base rates with their attribution.
    assert_eq!(
        out["baseRates"]["attribution"].as_str(),
        Some(stocktake::base_rates::ATTRIBUTION),
        "{name}"
    );
    checks
}

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
