//! Simulation: how sure is the self-evaluation? Re-scores the assessment many times with each stated
//! level perturbed according to how well it is evidenced, and reports the probability of each grade
//! per judgement, of each overall-effectiveness grade, and of each inspection route.
//!
//! Uncertainty model (data in `crate/data/frameworks/shared/evidence.toml`, all [R]):
//! * Each evidence source has a weight (basis points): case audits 3500, children and families 3000,
//!   external review 3000, performance data 2000, partner challenge 2000, staff feedback 1500. A
//!   statement's evidence strength is the sum, capped at 10000 — Ofsted wants case-level, qualitative
//!   evidence, not only KPIs
//!   (<https://socialcareinspection.blog.gov.uk/2018/11/12/learning-from-annual-engagement-meetings>).
//! * The true level differs from the stated one by one grade step with a probability falling linearly
//!   from 60% (no evidence) to 15% (strength 10000); 60% of that goes one step down (self-evaluations
//!   tend to be optimistic), 40% up; at the ends of the scale the blocked share stays put.
//! * A not-known answer is the widest: its true level is drawn from inadequate 25%, requires
//!   improvement 45%, good 25%, outstanding 5%.
//! * Unanswered statements stay unanswered.
//!
//! The generator is SplitMix64, seeded by the caller, and every draw and threshold is an integer, so a
//! seed gives the same result natively and in wasm. Probabilities are counts divided by runs.
use crate::assessment::{parse_assessment, Assessment};
use crate::framework::Framework;
use crate::model::grade::Grade;
use crate::model::level::Level;
use crate::scoring::route::Route;
use crate::scoring::score::{grade_all, levels_of, overall_core};
use crate::support::problems::Problem;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// Default number of runs.
pub const DEFAULT_RUNS: u32 = 10_000;
/// Most runs allowed in one call.
pub const MAX_RUNS: u32 = 200_000;
/// Largest seed (so it survives a JavaScript number: 2^53 − 1).
pub const MAX_SEED: u64 = (1 << 53) - 1;

/// SplitMix64 (Steele, Lea and Flood 2014): small, fast, and identical on every platform.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..10_000` (basis points), by multiply-shift (no modulo bias worth noting).
    pub fn basis_point(&mut self) -> u32 {
        (((self.next_u64() >> 32) * 10_000) >> 32) as u32
    }
}

/// Probability of each grade, and of no grade (too little answered).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Probabilities {
    /// Outstanding.
    pub outstanding: f64,
    /// Good.
    pub good: f64,
    /// Requires improvement.
    pub requires_improvement: f64,
    /// Inadequate.
    pub inadequate: f64,
    /// No grade.
    pub none: f64,
}

impl Probabilities {
    fn from_counts(c: &[u32; 5], runs: u32) -> Self {
        let p = |n: u32| n as f64 / runs as f64;
        Probabilities {
            inadequate: p(c[0]),
            requires_improvement: p(c[1]),
            good: p(c[2]),
            outstanding: p(c[3]),
            none: p(c[4]),
        }
    }
}

/// One judgement's grade probabilities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JudgementProbabilities {
    /// Judgement id.
    pub id: String,
    /// The probabilities.
    pub probabilities: Probabilities,
}

/// Overall effectiveness probabilities.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverallProbabilities {
    /// The probabilities.
    pub probabilities: Probabilities,
}

/// Probability of each route after a full inspection.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RouteProbabilities {
    /// A short inspection next.
    pub short: f64,
    /// A standard inspection next.
    pub standard: f64,
    /// Monitoring as an inadequate authority.
    pub monitoring: f64,
    /// Not decidable (a judgement ungraded).
    pub unknown: f64,
}

/// The simulation's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimulationResult {
    /// Runs made.
    pub runs: u32,
    /// The seed used.
    pub seed: u64,
    /// Per judgement with statements, in report order.
    pub judgements: Vec<JudgementProbabilities>,
    /// Overall effectiveness, `None` for frameworks without it.
    pub overall: Option<OverallProbabilities>,
    /// Routes.
    pub routes: RouteProbabilities,
}

/// How to draw a statement's true level: cumulative thresholds (basis points) over the outcomes.
#[derive(Clone, Copy)]
struct Draw {
    slot: usize,
    /// Cumulative thresholds for outcomes[0..3]; the last outcome takes the rest.
    cumulative: [u32; 3],
    outcomes: [Level; 4],
}

fn draws(fw: &Framework, a: &Assessment, levels: &[Option<Level>]) -> Vec<Draw> {
    let m = &fw.simulation;
    let mut out = Vec::new();
    for (id, ans) in a.answers.iter() {
        let Some(slot) = fw.statement_index(id) else { continue };
        let Some(level) = levels[slot] else { continue };
        let draw = match level.grade() {
            None => {
                let nk = m.not_known;
                Draw {
                    slot,
                    cumulative: [nk[0], nk[0] + nk[1], nk[0] + nk[1] + nk[2]],
                    outcomes: [
                        Level::Inadequate,
                        Level::RequiresImprovement,
                        Level::Good,
                        Level::Outstanding,
                    ],
                }
            }
            Some(g) => {
                let strength: u32 = ans
                    .evidence
                    .iter()
                    .filter_map(|e| fw.evidence_sources.iter().find(|s| &s.id == e))
                    .map(|s| s.weight)
                    .sum::<u32>()
                    .min(10_000);
                let differ = m.differ_max - (m.differ_max - m.differ_min) * strength / 10_000;
                let down_share = differ * m.down_share_percent / 100;
                let up_share = differ - down_share;
                let down = g.rank().checked_sub(1).map(Grade::from_rank);
                let up = g.up();
                let p_down = if down.is_some() { down_share } else { 0 };
                let p_up = if up.is_some() { up_share } else { 0 };
                let stay = Level::from_grade(g);
                Draw {
                    slot,
                    cumulative: [p_down, p_down + p_up, p_down + p_up],
                    outcomes: [
                        down.map_or(stay, Level::from_grade),
                        up.map_or(stay, Level::from_grade),
                        stay,
                        stay,
                    ],
                }
            }
        };
        out.push(draw);
    }
    out
}

fn grade_code(g: Option<Grade>) -> usize {
    g.map_or(4, |g| g.rank() as usize)
}

/// Simulates a parsed assessment.
pub fn simulate(a: &Assessment, runs: u32, seed: u64) -> SimulationResult {
    let fw = a.framework();
    let base = levels_of(fw, a);
    let draws = draws(fw, a, &base);
    let nj = fw.judgements.len();
    let mut counts = vec![[0u32; 5]; nj];
    let mut overall_counts = [0u32; 5];
    let mut route_counts = [0u32; 4];
    // Route per combination of judgement grades (5 states each, overall included), computed lazily.
    let mut route_memo: Vec<u8> = vec![u8::MAX; 5usize.pow(nj as u32)];
    let mut rng = SplitMix64::new(seed);
    let mut levels = base.clone();
    let mut grades = vec![None; nj];
    let overall_index = fw.overall_index();
    for _ in 0..runs {
        for d in draws.iter() {
            let u = rng.basis_point();
            let k = d.cumulative.iter().position(|&c| u < c).unwrap_or(3);
            levels[d.slot] = Some(d.outcomes[k]);
        }
        grade_all(fw, &levels, &mut grades);
        if let Some(oi) = overall_index {
            grades[oi] = overall_core(fw, &grades, false).map(|x| x.0);
            overall_counts[grade_code(grades[oi])] += 1;
        }
        let mut key = 0usize;
        for (j, g) in grades.iter().enumerate() {
            counts[j][grade_code(*g)] += 1;
            key = key * 5 + grade_code(*g);
        }
        if route_memo[key] == u8::MAX {
            route_memo[key] = route_code(fw, &grades);
        }
        route_counts[route_memo[key] as usize] += 1;
    }
    let runs_nz = runs.max(1);
    let p = |n: u32| n as f64 / runs_nz as f64;
    SimulationResult {
        runs,
        seed,
        judgements: (0..nj)
            .filter(|&j| !fw.judgements[j].derived)
            .map(|j| JudgementProbabilities {
                id: fw.judgements[j].id.clone(),
                probabilities: Probabilities::from_counts(&counts[j], runs_nz),
            })
            .collect(),
        overall: overall_index.map(|_| OverallProbabilities {
            probabilities: Probabilities::from_counts(&overall_counts, runs_nz),
        }),
        routes: RouteProbabilities {
            short: p(route_counts[0]),
            standard: p(route_counts[1]),
            monitoring: p(route_counts[2]),
            unknown: p(route_counts[3]),
        },
    }
}

fn route_code(fw: &Framework, grades: &[Option<Grade>]) -> u8 {
    if grades.iter().any(Option::is_none) {
        return 3;
    }
    let map: BTreeMap<String, Grade> = BTreeMap::from_iter(
        fw.judgements
            .iter()
            .zip(grades)
            .filter_map(|(j, g)| g.map(|g| (j.id.clone(), g))),
    );
    match crate::scoring::route::route(&fw.id, &map) {
        Some((Route::Short, _)) => 0,
        Some((Route::Standard, _)) => 1,
        Some((Route::Monitoring, _)) => 2,
        None => 3,
    }
}

/// Reads `{ runs, seed }` (both optional: 10,000 runs, seed 1). Problems name the field.
pub fn parse_options(value: &Value) -> Result<(u32, u64), Problem> {
    let get = |k: &str| value.get(k).filter(|v| !v.is_null());
    let runs = match get("runs") {
        None => DEFAULT_RUNS,
        Some(v) => match crate::assessment::whole(v) {
            Some(n) if (1..=MAX_RUNS as u64).contains(&n) => n as u32,
            _ => {
                return Err(Problem::new(
                    "runs",
                    "out_of_range",
                    format!("Runs must be a whole number from 1 to {MAX_RUNS}"),
                ))
            }
        },
    };
    let seed = match get("seed") {
        None => 1,
        Some(v) => match crate::assessment::whole(v) {
            Some(n) if n <= MAX_SEED => n,
            _ => {
                return Err(Problem::new(
                    "seed",
                    "out_of_range",
                    format!("The seed must be a whole number from 0 to {MAX_SEED}"),
                ))
            }
        },
    };
    Ok((runs, seed))
}

/// Parses (leniently) and simulates a JSON assessment with JSON options `{ runs, seed }`.
pub fn simulate_value(assessment: &Value, options: &Value) -> Result<SimulationResult, Problem> {
    let (runs, seed) = parse_options(options)?;
    let (a, _) = parse_assessment(assessment);
    Ok(simulate(&a, runs, seed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework;

    fn all_at(fw: &str, level: Level, evidence: &[&str]) -> Assessment {
        let mut a = Assessment {
            framework: fw.into(),
            ..Assessment::default()
        };
        for (_, s) in framework::get(fw).unwrap().statements() {
            a.set(&s.id, level);
            a.answers.get_mut(&*s.id).unwrap().evidence = evidence.iter().map(|e| e.to_string()).collect();
        }
        a
    }

    fn total(p: &Probabilities) -> f64 {
        p.outstanding + p.good + p.requires_improvement + p.inadequate + p.none
    }

    #[test]
    fn splitmix_matches_the_reference_sequence() {
        // Reference values for seed 1234567 from the published SplitMix64 algorithm.
        let mut r = SplitMix64::new(1234567);
        assert_eq!(r.next_u64(), 6457827717110365317);
        assert_eq!(r.next_u64(), 3203168211198807973);
        let mut b = SplitMix64::new(7);
        assert!((0..1000).all(|_| b.basis_point() < 10_000));
    }

    #[test]
    fn same_seed_same_result_and_probabilities_sum_to_one() {
        let a = all_at("ilacs-2023-01", Level::Good, &[]);
        let x = simulate(&a, 2000, 42);
        assert_eq!(x, simulate(&a, 2000, 42));
        assert_ne!(x, simulate(&a, 2000, 43));
        for j in x.judgements.iter() {
            assert!((total(&j.probabilities) - 1.0).abs() < 1e-9);
        }
        let o = x.overall.as_ref().unwrap();
        assert!((total(&o.probabilities) - 1.0).abs() < 1e-9);
        let r = &x.routes;
        assert!((r.short + r.standard + r.monitoring + r.unknown - 1.0).abs() < 1e-9);
        assert_eq!((x.runs, x.seed), (2000, 42));
    }

    #[test]
    fn evidence_makes_the_stated_grade_more_likely() {
        let weak = simulate(&all_at("ilacs-2026-04", Level::Good, &[]), 5000, 9);
        let strong = simulate(
            &all_at(
                "ilacs-2026-04",
                Level::Good,
                &[
                    "case_audit",
                    "children_and_families",
                    "external_review",
                    "performance_data",
                ],
            ),
            5000,
            9,
        );
        for (w, s) in weak.judgements.iter().zip(&strong.judgements) {
            assert!(s.probabilities.good > w.probabilities.good, "{}", w.id);
        }
        assert!(strong.routes.short > weak.routes.short);
        assert!(strong.overall.is_none());
    }

    #[test]
    fn not_known_is_widest_and_unanswered_gives_no_grade() {
        let nk = simulate(&all_at("ilacs-2026-04", Level::NotKnown, &[]), 3000, 5);
        let p = &nk.judgements[1].probabilities;
        assert!(p.inadequate > 0.0 && p.requires_improvement > 0.0 && p.good > 0.0);
        let empty = simulate(&Assessment::default(), 100, 5);
        assert!(empty.judgements.iter().all(|j| j.probabilities.none == 1.0));
        assert_eq!(empty.routes.unknown, 1.0);
    }

    #[test]
    fn options_are_checked() {
        assert_eq!(parse_options(&serde_json::json!({})).unwrap(), (DEFAULT_RUNS, 1));
        assert_eq!(
            parse_options(&serde_json::json!({"runs": 5, "seed": 9})).unwrap(),
            (5, 9)
        );
        assert_eq!(
            parse_options(&serde_json::json!({"runs": 0})).unwrap_err().field,
            "runs"
        );
        assert_eq!(
            parse_options(&serde_json::json!({"seed": -1})).unwrap_err().field,
            "seed"
        );
        assert_eq!(
            parse_options(&serde_json::json!({"seed": 1u64 << 60}))
                .unwrap_err()
                .code,
            "out_of_range"
        );
    }
}
