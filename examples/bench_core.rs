//! Times the core natively: `score` on a fully answered assessment (median of 1000 calls) and
//! 10,000 simulation runs (median of 5), printed as JSON. Run with
//! `cargo run --release --example bench_core`.
use std::time::Instant;
use stocktake::assessment::Assessment;
use stocktake::model::level::Level;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let fw = stocktake::framework::get("ilacs-2023-01").expect("framework");
    let mut a = Assessment {
        framework: fw.id.clone(),
        ..Assessment::default()
    };
    // A realistic mix: mostly good, some RI, one critical inadequate, some not known, varied evidence.
    let cycle = [
        Level::Good,
        Level::Good,
        Level::RequiresImprovement,
        Level::Outstanding,
        Level::NotKnown,
        Level::Good,
    ];
    let evidence = [
        "case_audit",
        "performance_data",
        "children_and_families",
        "staff_feedback",
    ];
    for (i, (_, s)) in fw.statements().enumerate() {
        a.set(&s.id, cycle[i % cycle.len()]);
        a.answers.get_mut(&*s.id).unwrap().evidence = evidence[..i % 4].iter().map(|e| e.to_string()).collect();
    }
    a.set("hp_lado", Level::Inadequate);
    let mut score_us = Vec::new();
    let mut checksum = 0usize;
    for _ in 0..1000 {
        let t = Instant::now();
        let r = stocktake::scoring::score::score(&a);
        score_us.push(t.elapsed().as_secs_f64() * 1e6);
        checksum += r.action_plan.len();
    }
    // The call as the page makes it: JSON text in (what JSON.stringify gives the binding), the
    // assessment read and checked, scored, and the result written as JSON text (what
    // JSON.parse takes back). This is what the wasm figure times, so the two compare.
    let text = serde_json::to_string(&stocktake::assessment::to_value(&a)).unwrap();
    let mut call_us = Vec::new();
    for _ in 0..1000 {
        let t = Instant::now();
        let v = serde_json::from_str::<serde_json::Value>(&text).expect("json");
        let out = serde_json::to_string(&stocktake::scoring::score::score_value(&v)).unwrap();
        call_us.push(t.elapsed().as_secs_f64() * 1e6);
        checksum += out.len();
    }
    let mut sim_ms = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let r = stocktake::scoring::simulate::simulate(&a, 10_000, 42);
        sim_ms.push(t.elapsed().as_secs_f64() * 1e3);
        checksum += r.runs as usize;
    }
    println!(
        "{{\"statements\": {}, \"score_median_us\": {:.1}, \"score_call_median_us\": {:.1}, \"simulate_10000_runs_median_ms\": {:.2}, \"checksum\": {}}}",
        fw.statement_count(),
        median(score_us),
        median(call_us),
        median(sim_ms),
        checksum
    );
}
