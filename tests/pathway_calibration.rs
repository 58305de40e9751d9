//! Calibration of the pathway against real ILACS inspections. For every pair of consecutive
//! graded inspections of an authority whose first ended after the 2020–21 pause (the history CSV
//! to March 2025), the planner is run as the authority would have run it a month after the first
//! inspection, and the test prints three figures: the share of next inspections whose kind (short
//! or standard) is right, the share whose real first on-site day falls inside the window, and the
//! mean window width in months. It also measures candidate rules for the next inspection's kind
//! on every pair (the kind does not depend on the pause).
//!
//! The CSV is the repository's own (`data/ofsted-ilacs/`, read with tools/base-rates); a missing
//! or unreadable file fails the test. Floors sit slightly below the figures achieved with the default assumptions, so a
//! regression fails. Real outcomes after March 2025 were kept back to check the model: the windows
//! are drawn from the survival of the cycles still running (assumptions.toml), not fitted to
//! these pairs alone.
#![cfg(not(target_arch = "wasm32"))]
use serde_json::json;
use std::collections::BTreeMap;
use stocktake::model::date::{format, months_between};
use stocktake::model::grade::Grade;
use stocktake::pathway::calendar::add_working_days;
use stocktake::pathway::history::InspectionKind;
use stocktake_base_rates::{graded_inspections, pairs, post_pause_pairs, repo_root, rows, InspectionPair, CSV};

struct Figures {
    n: usize,
    kind_right: usize,
    inside: usize,
    width: f64,
}

fn grades(p: &InspectionPair) -> serde_json::Value {
    let mut g = json!({ "overall_effectiveness": p.previous.overall.id() });
    if let Some(c) = p.previous.children_in_care {
        g["children_in_care"] = json!(c.id());
    }
    g
}

/// Runs the planner for each pair a month after the earlier inspection.
fn plan(pairs: &[InspectionPair], overrides: serde_json::Value) -> Figures {
    let mut f = Figures {
        n: 0,
        kind_right: 0,
        inside: 0,
        width: 0.0,
    };
    for p in pairs {
        let today = add_working_days(p.previous.end, 21).unwrap();
        let r = stocktake::pathway::pathway(&json!({
            "framework": "ilacs-2023-01",
            "today": format(today),
            "history": { "lastInspection": { "kind": p.previous.kind, "startedOn": format(p.previous.start),
                "endedOn": format(p.previous.end), "grades": grades(p) } },
            "assumptions": overrides,
        }));
        assert!(r.problems.is_empty(), "{:?}", r.problems);
        let n = r.next.expect("a window");
        let d = |s: &str| stocktake::pathway::calendar::parse_date(s).unwrap();
        let (e, l) = (d(&n.window.earliest), d(&n.window.latest));
        let real = match p.next.kind.as_str() {
            "short" => InspectionKind::Short,
            _ => InspectionKind::Standard,
        };
        f.n += 1;
        f.kind_right += usize::from(n.kind == real);
        f.inside += usize::from(e <= p.next.start && p.next.start <= l);
        f.width += months_between(e, l);
    }
    f
}

fn print(label: &str, f: &Figures) {
    println!(
        "{label:<32} pairs={:>3}  kind right={:>5.1}%  start inside window={:>5.1}%  mean width={:>4.1} months",
        f.n,
        100.0 * f.kind_right as f64 / f.n as f64,
        100.0 * f.inside as f64 / f.n as f64,
        f.width / f.n as f64
    );
}

/// Candidate rules for the next inspection's kind, from the earlier inspection's grades: true =
/// a short inspection next.
type KindRule = fn(&InspectionPair) -> bool;

fn candidates() -> Vec<(&'static str, KindRule)> {
    fn good(g: Option<Grade>) -> bool {
        g.is_none_or(|g| g >= Grade::Good)
    }
    vec![
        ("overall good or better", |p| p.previous.overall >= Grade::Good),
        ("... and children in care good", |p| {
            p.previous.overall >= Grade::Good && good(p.previous.children_in_care)
        }),
    ]
}

#[test]
fn the_planner_fits_cycles_after_the_pause() {
    let csv = std::fs::read_to_string(repo_root().join(CSV)).expect("the committed history CSV");
    let inspections = graded_inspections(&rows(&csv).expect("a readable CSV"));
    let recent = post_pause_pairs(&inspections);
    let all = pairs(&inspections);

    for (name, rule) in candidates() {
        let right = |ps: &[InspectionPair]| ps.iter().filter(|p| rule(p) == (p.next.kind == "short")).count();
        println!(
            "kind rule {name:<32} all pairs {}/{}  post-pause {}/{}",
            right(&all),
            all.len(),
            right(&recent),
            recent.len()
        );
    }

    let f = plan(&recent, json!({}));
    print("post-pause pairs, defaults", &f);
    // Before (the 36 +/- 6 month cycle, 36-45 re-inspection), for the record.
    let before = plan(
        &recent,
        json!({ "short_earliest_months": 30, "short_likely_months": 36, "short_latest_months": 42,
                "standard_earliest_months": 30, "standard_likely_months": 36, "standard_latest_months": 42,
                "reinspection_earliest_months": 36, "reinspection_likely_months": 42, "reinspection_latest_months": 45 }),
    );
    print("post-pause pairs, old windows", &before);

    let kind = f.kind_right as f64 / f.n as f64;
    let coverage = f.inside as f64 / f.n as f64;
    let width = f.width / f.n as f64;
    assert!(f.n >= 15, "expected at least 15 post-pause pairs, got {}", f.n);
    assert!(kind >= 0.97, "kind right fell to {:.1}%", 100.0 * kind);
    assert!(coverage >= 0.93, "coverage fell to {:.1}%", 100.0 * coverage);
    assert!(width <= 14.5, "mean window width rose to {width:.1} months");
    // The kind rule in routes.toml is the better candidate on every pair.
    let all_kind = all
        .iter()
        .filter(|p| {
            let short =
                p.previous.overall >= Grade::Good && p.previous.children_in_care.is_none_or(|g| g >= Grade::Good);
            short == (p.next.kind == "short")
        })
        .count() as f64
        / all.len() as f64;
    assert!(
        all_kind >= 0.95,
        "kind rule on all pairs fell to {:.1}%",
        100.0 * all_kind
    );
    let by_route: BTreeMap<bool, usize> = recent.iter().fold(BTreeMap::new(), |mut m, p| {
        *m.entry(p.next.kind == "short").or_default() += 1;
        m
    });
    println!(
        "post-pause next inspections: short {:?}, standard {:?}",
        by_route.get(&true),
        by_route.get(&false)
    );
}
