//! Shared by the native and wasm pathway scenario tests: run one scenario (`{ input, expect }`,
//! see `tests/pathway_scenarios.rs`) and count its checks; a failed check panics with the file's name.
#![allow(dead_code)]
use serde_json::Value;

/// Every pathway scenario file, embedded at build time: (file name, contents).
pub mod list {
    include!(concat!(env!("OUT_DIR"), "/pathway_scenarios.rs"));
}

fn event<'a>(out: &'a Value, id: &str, name: &str) -> &'a Value {
    out["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("{name}: no event {id}"))
}

/// Runs one scenario and returns how many checks it made.
pub fn check(name: &str, scenario: &Value) -> usize {
    let out = serde_json::to_value(stocktake::pathway::pathway(&scenario["input"].clone())).unwrap();
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
        // What the step says: its description and its pre-election note, as the page shows them.
        let e = event(&out, id, name);
        let d = format!(
            "{} {}",
            e["description"].as_str().unwrap(),
            e["preElection"]["text"].as_str().unwrap_or("")
        );
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
        Some(stocktake::pathway::base_rates::ATTRIBUTION),
        "{name}"
    );
    checks
}
