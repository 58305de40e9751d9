//! Shared by the native and wasm scenario tests: fill a scenario's unanswered statements with its
//! `defaultLevel`, score it, and compare with `expect`; and compare values as JavaScript does.
#![allow(dead_code)]
use serde_json::{json, Map, Value};

/// Every scenario file, embedded at build time: (file name, contents).
pub mod list {
    include!(concat!(env!("OUT_DIR"), "/scenarios.rs"));
}

/// The scenario's assessment with every statement not answered (and not in an area or statement
/// listed in `leaveUnanswered`) set to `defaultLevel`.
pub fn filled(scenario: &Value) -> serde_json::Value {
    let mut assessment = scenario["assessment"].clone();
    let fw_id = assessment["framework"].as_str().unwrap_or("ilacs-2026-04").to_string();
    let fw = stocktake::framework::get(&fw_id).expect("scenario framework exists");
    let leave: Vec<&str> = scenario["leaveUnanswered"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let answers = assessment["answers"].as_object().cloned().unwrap_or_default();
    let mut out = Map::new();
    for (area, s) in fw.statements() {
        if let Some(a) = answers.get(&*s.id) {
            out.insert(s.id.to_string(), a.clone());
        } else if let Some(level) = scenario["defaultLevel"].as_str() {
            if !leave.contains(&area.id.as_str()) && !leave.contains(&s.id.as_ref()) {
                out.insert(s.id.to_string(), json!({ "level": level }));
            }
        }
    }
    assessment["answers"] = Value::Object(out);
    assessment
}

/// Runs one scenario; `Err` says what differed.
pub fn check(name: &str, text: &str) -> Result<(), String> {
    let scenario: Value = serde_json::from_str(text).map_err(|e| format!("{name}: not JSON: {e}"))?;
    let result = stocktake::scoring::score::score_value(&filled(&scenario));
    if !result.problems.is_empty() {
        return Err(format!("{name}: problems {:?}", result.problems));
    }
    let result = serde_json::to_value(&result).unwrap();
    let expect = &scenario["expect"];
    let want = expect["judgements"]
        .as_object()
        .ok_or(format!("{name}: expect.judgements missing"))?;
    let got = result["judgements"].as_array().unwrap();
    if want.len() != got.len() {
        return Err(format!(
            "{name}: expects {} judgements, framework has {}",
            want.len(),
            got.len()
        ));
    }
    for j in got {
        let id = j["id"].as_str().unwrap();
        let w = want.get(id).ok_or(format!("{name}: no expectation for {id}"))?;
        if &j["grade"] != w {
            return Err(format!(
                "{name}: {id} is {} but expected {w}; reasons {}",
                j["grade"], j["reasons"]
            ));
        }
    }
    let w = expect
        .get("overall")
        .ok_or(format!("{name}: expect.overall missing (use null)"))?;
    let got = result["overall"].get("grade").unwrap_or(&Value::Null);
    if got != w {
        return Err(format!(
            "{name}: overall is {got} but expected {w}; {}",
            result["overall"]
        ));
    }
    Ok(())
}

/// A compact, exact summary of a simulation: per judgement the counts of outstanding, good, RI,
/// inadequate and none, then the route counts.
pub fn fingerprint(r: &stocktake::scoring::simulate::SimulationResult) -> String {
    let n = |p: f64| ((p * r.runs as f64).round() as u64).to_string();
    let mut parts: Vec<String> = r
        .judgements
        .iter()
        .map(|j| {
            let p = &j.probabilities;
            [p.outstanding, p.good, p.requires_improvement, p.inadequate, p.none]
                .map(n)
                .join("/")
        })
        .collect();
    let rt = &r.routes;
    parts.push([rt.short, rt.standard, rt.monitoring, rt.unknown].map(n).join("/"));
    parts.join(" ")
}

/// The simulation of the first scenario (runs 1000, seed 7) gives exactly these counts natively; the
/// wasm test asserts the same, so native and wasm must agree draw for draw. (Retaken in December 2026:
/// the April 2026 framework gained its own statements, which the scenario fills with its default level;
/// and again when a safety-critical statement not known became a limit on the leaders, not on the
/// practice: leaders stay at requires improvement in every run, since what they know is today's; and
/// again when the leaders' chances leant to inadequate where safety-critical practice is inadequate,
/// 24 of 33 as in the record: the not-known out-of-hours statement is drawn inadequate in about a
/// quarter of runs, and leaders are then inadequate in about three in four of those, 185 of 1000.)
pub const SIMULATION_FINGERPRINT: &str = "0/0/815/185/0 281/468/0/251/0 899/101/0/0/0 821/179/0/0/0 0/749/251/0";

/// Equal as JSON, numbers compared as numbers (JavaScript writes 1.0 as 1).
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}
