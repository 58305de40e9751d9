//! Calibration of the next-inspection window rules against real ILACS inspections: for every pair
//! of consecutive graded inspections of an authority in the history CSV, does the next one start
//! inside the window the rules predict from the earlier one, and how wide are the windows?
//!
//! The CSV is read from `../shared/data/ofsted-ilacs/`; the test is skipped (with a message) when
//! it is absent. Floors sit slightly below the figures achieved with the default assumptions.
use serde_json::json;
use std::collections::BTreeMap;
use std::path::Path;
use stocktake::model::date::months_between;
use stocktake::pathway::base_rates::{graded_inspections, pairs, CSV_PATH};
use stocktake::pathway::ilacs::cycle_window;
use stocktake::pathway::rules::{framework_id_on, Assumptions};
use stocktake::scoring::route::{route, Route};

struct Score {
    n: usize,
    inside: usize,
    width: f64,
    /// Sum of |next start − likely date|, months.
    error: f64,
}

fn score(csv: &str, overrides: serde_json::Value) -> BTreeMap<String, Score> {
    let (a, problems) = Assumptions::with_overrides(&overrides, "assumptions");
    assert!(problems.is_empty(), "{problems:?}");
    let mut by: BTreeMap<String, Score> = BTreeMap::new();
    for p in pairs(&graded_inspections(csv)) {
        let fw = framework_id_on(p.previous.start).expect("ILACS inspection");
        let grades = BTreeMap::from([("overall_effectiveness".to_string(), p.previous.overall)]);
        let (r, _) = route(fw, &grades).expect("overall grade decides the route");
        let (w, _) = cycle_window(r, p.previous.end, &a);
        for key in [format!("{r:?}"), "all".to_string()] {
            let s = by.entry(key).or_insert(Score {
                n: 0,
                inside: 0,
                width: 0.0,
                error: 0.0,
            });
            s.n += 1;
            s.inside += usize::from(w.contains(p.next.start));
            s.width += months_between(w.earliest, w.latest);
            s.error += months_between(w.likely, p.next.start).abs();
        }
    }
    by
}

fn report(label: &str, by: &BTreeMap<String, Score>) {
    for (k, s) in by {
        println!(
            "{label:<28} {k:<11} n={:>3} inside={:>3} coverage={:>5.1}% mean width={:>5.1} months, \
             mean |actual - likely|={:>4.1} months",
            s.n,
            s.inside,
            100.0 * s.inside as f64 / s.n as f64,
            s.width / s.n as f64,
            s.error / s.n as f64
        );
    }
}

#[test]
fn window_rules_cover_real_next_inspections() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(CSV_PATH);
    let Ok(csv) = std::fs::read_to_string(&path) else {
        println!(
            "SKIPPED: {} is absent, so the window rules were not calibrated",
            path.display()
        );
        return;
    };
    let defaults = score(&csv, json!(null));
    report("default assumptions", &defaults);
    // Sensitivity (reported, not asserted): the pause handling matters for every pair in this file.
    report("no pause catch-up", &score(&csv, json!({ "pause_catch_up_months": 0 })));
    report("catch-up 6 months", &score(&csv, json!({ "pause_catch_up_months": 6 })));

    let all = &defaults["all"];
    let coverage = all.inside as f64 / all.n as f64;
    let width = all.width / all.n as f64;
    assert!(all.n >= 50, "expected at least 50 pairs, got {}", all.n);
    assert!(coverage >= 0.85, "coverage fell to {:.1}%", 100.0 * coverage);
    assert!(width <= 24.0, "mean window width rose to {width:.1} months");
    // Every route is covered reasonably, not just on average.
    for r in [Route::Short, Route::Standard, Route::Monitoring] {
        let s = &defaults[&format!("{r:?}")];
        assert!(s.inside as f64 / s.n as f64 >= 0.75, "{r:?} coverage too low");
    }
}
