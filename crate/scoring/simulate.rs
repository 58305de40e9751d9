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
//! * Where a run has a safety-critical statement inadequate, the leaders' cap at requires
//!   improvement is a ceiling that understates: the record leans to inadequate (of 33 inspections
//!   2018–March 2025 with a practice judgement inadequate, leaders were inadequate in 24 [D]), so in
//!   that share of such runs a graded leadership judgement is inadequate (`inadequate_in` and `of`
//!   on `jr_leaders_critical_inadequate`). The headline, the score's grade, keeps the cap.
//!
//! The generator is SplitMix64, seeded by the caller, and every draw and threshold is an integer, so a
//! seed gives the same result natively and in wasm. Probabilities are counts divided by runs.
use crate::assessment::{parse_assessment, Assessment};
use crate::framework::{Framework, Lean, SimulationModel};
use crate::model::grade::Grade;
use crate::model::level::Level;
use crate::scoring::route::Route;
use crate::scoring::score::{grade_all, grade_all_knowing, levels_of, overall_core};
use crate::support::problems::{Code, Problem};
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
#[cfg_attr(test, derive(ts_rs::TS))]
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

/// One judgement's grade probabilities, told as one story with its headline.
///
/// The headline is the grade the answers most support: the score's best fit with its limits, the
/// same grade the results page shows. The probabilities say how far the evidence behind the answers
/// could move it. When the most likely simulated outcome is not the headline, `note` says so in one
/// sentence with the reason, so the page never shows a headline its own chart contradicts without
/// saying why (a property test holds this for random assessments).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct JudgementProbabilities {
    /// Judgement id.
    pub id: String,
    /// The probabilities.
    pub probabilities: Probabilities,
    /// The grade the answers most support (`None`: not enough answered or known to project one).
    pub headline: Option<Grade>,
    /// The most likely simulated outcome (`None`: most likely no grade).
    pub most_likely: Option<Grade>,
    /// Why the most likely outcome differs from the headline; `None` when they agree.
    pub note: Option<String>,
}

/// What moves a judgement's chances away from its headline: how its answers are evidenced.
#[derive(Debug, Clone, Default)]
struct Evidence {
    /// Answered with a level (not "not known") and no evidence source.
    unevidenced: u32,
    /// Of those, safety-critical statements.
    critical_unevidenced: u32,
    /// Answered "not known".
    not_known: u32,
    /// The safety-critical statements with no evidence, by name, so the note names them.
    critical_names: Vec<String>,
    /// The statements not known, by name.
    not_known_names: Vec<String>,
    /// For the leadership judgement: safety-critical statements answered inadequate, anywhere, and
    /// the record's lean below the leaders' cap.
    lean: Option<(u32, Lean)>,
}

/// " (A; B; C and 2 more)" naming the statements a count is about; empty with no names.
fn named(names: &[String]) -> String {
    if names.is_empty() {
        return String::new();
    }
    let shown = names.iter().take(3).cloned().collect::<Vec<_>>().join("; ");
    let more = names.len().saturating_sub(3);
    if more > 0 {
        format!(" ({shown} and {more} more)")
    } else {
        format!(" ({shown})")
    }
}

/// The most likely outcome in `counts` (inadequate, RI, good, outstanding, none): on a tie the
/// headline if it is among the most likely, else the lowest grade.
fn most_likely(counts: &[u32; 5], headline: Option<Grade>) -> Option<Grade> {
    let top = *counts.iter().max().unwrap_or(&0);
    let code = |g: Option<Grade>| g.map_or(4, |g| g.rank() as usize);
    if counts[code(headline)] == top {
        return headline;
    }
    let i = counts.iter().position(|&c| c == top).unwrap_or(4);
    (i < 4).then(|| Grade::from_rank(i as u8))
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The sentence that reconciles a headline with a different most likely outcome.
fn note(headline: Option<Grade>, likely: Option<Grade>, share: f64, ev: &Evidence) -> Option<String> {
    if headline == likely {
        return None;
    }
    let percent = (share * 100.0).round() as u32;
    let chance = if share > 0.5 {
        format!("more likely than not ({percent}%)")
    } else {
        format!("the single most likely outcome ({percent}%)")
    };
    let likely_text = likely.map_or("no grade".to_string(), |g| g.label_in_sentence().to_string());
    let mut why = Vec::new();
    if let Some((n, lean)) = ev.lean {
        why.push(format!(
            "{} inadequate, and in {} of the {} inspections that judged practice inadequate leaders were judged inadequate too",
            plural(n, "safety-critical statement is", "safety-critical statements are"),
            lean.inadequate_in,
            lean.of
        ));
    }
    if ev.critical_unevidenced > 0 {
        why.push(format!(
            "{}{}",
            plural(
                ev.critical_unevidenced,
                "safety-critical statement rests on no evidence",
                "safety-critical statements rest on no evidence",
            ),
            named(&ev.critical_names)
        ));
    }
    if ev.not_known > 0 {
        why.push(format!(
            "{} not known{}",
            plural(ev.not_known, "statement is", "statements are"),
            named(&ev.not_known_names)
        ));
    }
    let others = ev.unevidenced - ev.critical_unevidenced;
    if others > 0 && why.len() < 2 {
        why.push(plural(
            others,
            "other rating rests on no evidence",
            "other ratings rest on no evidence",
        ));
    }
    let why = if why.is_empty() {
        "even well-evidenced ratings can be a step out".to_string()
    } else {
        why.join(" and ")
    };
    Some(match (headline, likely) {
        (None, _) => format!(
            "Not enough is answered or known to project a grade from your answers; if inspectors found what is likely where you do not know, {likely_text} would be {chance}."
        ),
        (Some(h), Some(l)) if l > h => format!(
            "Your answers fit {}, but {why}, so the evidence could as well support a better grade: {likely_text} is {chance}.",
            h.label_in_sentence()
        ),
        (Some(h), _) => format!("Your answers fit {}, but {why}, so {likely_text} is {chance}.", h.label_in_sentence()),
    })
}

/// How each judgement's answers are evidenced.
fn evidence_by_judgement(
    fw: &Framework,
    a: &Assessment,
    levels: &[Option<Level>],
    audited: &BTreeMap<String, u32>,
) -> Vec<Evidence> {
    let mut out = vec![Evidence::default(); fw.judgements.len()];
    // In the framework's order, so the notes name statements as the pages list them.
    for (_, st) in fw.statements() {
        let id = &*st.id;
        let Some(ans) = a.answers.get(id) else { continue };
        let Some(slot) = fw.statement_index(id) else { continue };
        let Some(level) = levels[slot] else { continue };
        let s = fw.compiled.slots[slot];
        let e = &mut out[s.judgement];
        let name = || st.text.trim_end_matches('.').to_string();
        if level == Level::NotKnown {
            e.not_known += 1;
            e.not_known_names.push(name());
        } else if audited.get(id).copied().unwrap_or_else(|| strength(fw, &ans.evidence)) == 0 {
            e.unevidenced += 1;
            e.critical_unevidenced += s.critical as u32;
            if s.critical {
                e.critical_names.push(name());
            }
        }
    }
    if let (Some(j), Some(lean)) = (fw.compiled.leadership, fw.compiled.params.leaders_lean) {
        let n = fw
            .compiled
            .critical
            .iter()
            .filter(|&&s| levels[s] == Some(Level::Inadequate))
            .count() as u32;
        if n > 0 {
            out[j].lean = Some((n, lean));
        }
    }
    out
}

/// A statement's evidence strength: the sum of its sources' weights (basis points), at most 10,000.
fn strength(fw: &Framework, evidence: &[String]) -> u32 {
    evidence
        .iter()
        .filter_map(|e| fw.evidence_sources.iter().find(|s| s.id == *e))
        .map(|s| s.weight)
        .sum::<u32>()
        .min(10_000)
}

/// Overall effectiveness probabilities.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct OverallProbabilities {
    /// The probabilities.
    pub probabilities: Probabilities,
}

/// Probability of each route after a full inspection.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
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
#[cfg_attr(test, derive(ts_rs::TS))]
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
    /// The uncertainty model used: the framework's, with the user's changes.
    pub model: SimulationModel,
}

/// How to draw a statement's true level: cumulative thresholds (basis points) over the outcomes.
#[derive(Clone, Copy)]
struct Draw {
    slot: usize,
    /// Cumulative thresholds for outcomes[0..3]; the last outcome takes the rest.
    cumulative: [u32; 3],
    outcomes: [Level; 4],
}

fn draws(
    fw: &Framework,
    m: &SimulationModel,
    a: &Assessment,
    levels: &[Option<Level>],
    audited: &BTreeMap<String, u32>,
) -> Vec<Draw> {
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
                // Audit evidence, where a statement has enough audited cases, replaces the
                // ticked boxes (crate::scoring::audits::strengths).
                let strength = audited.get(id).copied().unwrap_or_else(|| strength(fw, &ans.evidence));
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

/// Simulates a parsed assessment with its framework's uncertainty model.
pub fn simulate(a: &Assessment, runs: u32, seed: u64) -> SimulationResult {
    simulate_with(a, runs, seed, &a.framework().simulation)
}

/// Simulates a parsed assessment with the given uncertainty model (the framework's, with any of
/// its assumptions changed by the user).
pub fn simulate_with(a: &Assessment, runs: u32, seed: u64, model: &SimulationModel) -> SimulationResult {
    let fw = a.framework();
    let base = levels_of(fw, a);
    let audited = if a.audits.is_empty() {
        BTreeMap::new()
    } else {
        crate::scoring::audits::strengths(&crate::scoring::audits::audit_evidence(a, None))
    };
    let draws = draws(fw, model, a, &base, &audited);
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
    let lean = fw
        .compiled
        .params
        .leaders_lean
        .filter(|_| fw.compiled.leadership.is_some());
    for _ in 0..runs {
        for d in draws.iter() {
            let u = rng.basis_point();
            let k = d.cumulative.iter().position(|&c| u < c).unwrap_or(3);
            levels[d.slot] = Some(d.outcomes[k]);
        }
        // Below the leaders' cap the record leans to inadequate: drawn only in runs where a
        // safety-critical statement is inadequate, so other runs draw exactly as before.
        let leaders_inadequate = match lean {
            Some(l)
                if fw
                    .compiled
                    .critical
                    .iter()
                    .any(|&s| levels[s] == Some(Level::Inadequate)) =>
            {
                rng.basis_point() < l.basis_points
            }
            _ => false,
        };
        // What leaders know is today's answers, whatever the practice turns out to be.
        grade_all_knowing(fw, &levels, &base, leaders_inadequate, &mut grades);
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
    // The headline: the answers as given, graded as the score grades them.
    let mut headline = vec![None; nj];
    grade_all(fw, &base, &mut headline);
    if let Some(oi) = overall_index {
        headline[oi] = overall_core(fw, &headline, false).map(|x| x.0);
    }
    let evidence = evidence_by_judgement(fw, a, &base, &audited);
    SimulationResult {
        runs,
        seed,
        judgements: (0..nj)
            .filter(|&j| !fw.judgements[j].derived)
            .map(|j| {
                let likely = most_likely(&counts[j], headline[j]);
                let share = p(counts[j][grade_code(likely)]);
                JudgementProbabilities {
                    id: fw.judgements[j].id.clone(),
                    probabilities: Probabilities::from_counts(&counts[j], runs_nz),
                    headline: headline[j],
                    most_likely: likely,
                    note: note(headline[j], likely, share, &evidence[j]),
                }
            })
            .collect(),
        overall: overall_index.map(|_| OverallProbabilities {
            probabilities: Probabilities::from_counts(&overall_counts, runs_nz),
        }),
        model: model.clone(),
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

/// What a simulation call asks for: `{ runs, seed, model }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Runs (default 10,000).
    pub runs: u32,
    /// Seed (default 1).
    pub seed: u64,
    /// The uncertainty model's figures the user changed (the framework's defaults otherwise).
    pub model: ModelChanges,
}

/// Changes to the uncertainty model's adjustable figures (`None`: the default).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ModelChanges {
    /// Chance (basis points) that a rating with no evidence is one step off.
    pub differ_max: Option<u32>,
    /// Chance (basis points) that a fully evidenced rating is one step off.
    pub differ_min: Option<u32>,
    /// Share (percent) of a step off that goes down.
    pub down_share_percent: Option<u32>,
}

impl ModelChanges {
    /// The model with these changes applied to `base`.
    pub fn apply(&self, base: &SimulationModel) -> SimulationModel {
        let mut m = base.clone();
        m.differ_max = self.differ_max.unwrap_or(m.differ_max);
        m.differ_min = self.differ_min.unwrap_or(m.differ_min);
        m.down_share_percent = self.down_share_percent.unwrap_or(m.down_share_percent);
        m.differ_min = m.differ_min.min(m.differ_max);
        m
    }
}

fn whole_in(v: &Value, field: &str, max: u64, what: &str) -> Result<u64, Problem> {
    match crate::assessment::whole(v) {
        Some(n) if n <= max => Ok(n),
        _ => Err(Problem::new(
            field,
            Code::OutOfRange,
            format!("{what} must be a whole number from 0 to {max}"),
        )),
    }
}

/// Reads `{ runs, seed, model: { differMax, differMin, downSharePercent } }` (all optional: 10,000
/// runs, seed 1, the framework's model). Problems name the field.
pub fn parse_options(value: &Value) -> Result<Options, Problem> {
    let get = |k: &str| value.get(k).filter(|v| !v.is_null());
    let runs = match get("runs") {
        None => DEFAULT_RUNS,
        Some(v) => match crate::assessment::whole(v) {
            Some(n) if (1..=MAX_RUNS as u64).contains(&n) => n as u32,
            _ => {
                return Err(Problem::new(
                    "runs",
                    Code::OutOfRange,
                    format!("Runs must be a whole number from 1 to {MAX_RUNS}"),
                ))
            }
        },
    };
    let seed = match get("seed") {
        None => 1,
        Some(v) => whole_in(v, "seed", MAX_SEED, "The seed")?,
    };
    let mut model = ModelChanges::default();
    if let Some(m) = get("model") {
        // (key, the field it sets, largest value, what it is called in a message)
        let figures: [(&str, &mut Option<u32>, u64, &str); 3] = [
            (
                "differMax",
                &mut model.differ_max,
                10_000,
                "The chance a rating with no evidence is off",
            ),
            (
                "differMin",
                &mut model.differ_min,
                10_000,
                "The chance a well-evidenced rating is off",
            ),
            (
                "downSharePercent",
                &mut model.down_share_percent,
                100,
                "The share of a step off that goes down",
            ),
        ];
        for (key, slot, max, what) in figures {
            if let Some(v) = m.get(key).filter(|v| !v.is_null()) {
                *slot = Some(whole_in(v, &format!("model.{key}"), max, what)? as u32);
            }
        }
    }
    Ok(Options { runs, seed, model })
}

/// Parses (leniently) and simulates a JSON assessment with JSON options `{ runs, seed, model }`.
pub fn simulate_value(assessment: &Value, options: &Value) -> Result<SimulationResult, Problem> {
    let o = parse_options(options)?;
    let (a, _) = parse_assessment(assessment);
    let model = o.model.apply(&a.framework().simulation);
    Ok(simulate_with(&a, o.runs, o.seed, &model))
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

    /// The four strongest evidence sources: together, full evidence strength.
    const STRONG: &[&str] = &[
        "case_audit",
        "children_and_families",
        "external_review",
        "performance_data",
    ];

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
        let strong = simulate(&all_at("ilacs-2026-04", Level::Good, STRONG), 5000, 9);
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
        let o = parse_options(&serde_json::json!({})).unwrap();
        assert_eq!((o.runs, o.seed, o.model), (DEFAULT_RUNS, 1, ModelChanges::default()));
        let o = parse_options(&serde_json::json!({"runs": 5, "seed": 9})).unwrap();
        assert_eq!((o.runs, o.seed), (5, 9));
        let o = parse_options(&serde_json::json!({"model": {"downSharePercent": 50, "differMax": 4000}})).unwrap();
        assert_eq!(
            o.model,
            ModelChanges {
                differ_max: Some(4000),
                differ_min: None,
                down_share_percent: Some(50)
            }
        );
        let bad = parse_options(&serde_json::json!({"model": {"downSharePercent": 101}})).unwrap_err();
        assert_eq!(
            (bad.field.as_str(), bad.code.as_str()),
            ("model.downSharePercent", "out_of_range")
        );
        assert_eq!(
            parse_options(&serde_json::json!({"model": {"differMin": 1.5}}))
                .unwrap_err()
                .field,
            "model.differMin"
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

    #[test]
    fn unevidenced_critical_ratings_make_a_lower_grade_likely_and_the_note_says_why() {
        let a = all_at("ilacs-2026-04", Level::RequiresImprovement, &[]);
        let r = simulate(&a, 2000, 7);
        let hp = r.judgements.iter().find(|j| j.id == "help_and_protection").unwrap();
        assert_eq!(hp.headline, Some(Grade::RequiresImprovement));
        assert_eq!(hp.most_likely, Some(Grade::Inadequate));
        let note = hp.note.as_deref().unwrap();
        assert!(
            note.starts_with("Your answers fit requires improvement to be good, but 7 safety-critical statements rest on no evidence")
                && note.contains("so inadequate is more likely than not ("),
            "{note}"
        );
    }

    #[test]
    fn inadequate_safety_critical_practice_leans_the_leaders_to_inadequate_as_in_the_record() {
        // Everything good and well evidenced but one safety-critical statement inadequate: the score
        // caps the leaders at requires improvement; the chances lean to inadequate, 24 of 33.
        let mut a = all_at("ilacs-2026-04", Level::Good, STRONG);
        a.set("hp_strategy_s47", Level::Inadequate);
        a.answers.get_mut("hp_strategy_s47").unwrap().evidence = STRONG.iter().map(|e| e.to_string()).collect();
        let r = simulate(&a, 20_000, 3);
        let lead = r.judgements.iter().find(|j| j.id == "impact_of_leaders").unwrap();
        assert_eq!(lead.headline, Some(Grade::RequiresImprovement));
        assert_eq!(lead.most_likely, Some(Grade::Inadequate));
        // Inadequate where the statement stays inadequate (about 91% with full evidence), in 24 of 33.
        let expected = 0.91 * 24.0 / 33.0;
        assert!(
            (lead.probabilities.inadequate - expected).abs() < 0.03,
            "{:?}",
            lead.probabilities
        );
        let note = lead.note.as_deref().unwrap();
        assert!(
            note.starts_with("Your answers fit requires improvement to be good, but 1 safety-critical statement is inadequate, and in 24 of the 33 inspections that judged practice inadequate leaders were judged inadequate too, so inadequate is more likely than not ("),
            "{note}"
        );
        // The SCCIF copy of the rule has no figures from the record, so no lean.
        let mut p = all_at("sccif-childrens-homes", Level::Good, STRONG);
        p.set("ch_hp_missing", Level::Inadequate);
        p.answers.get_mut("ch_hp_missing").unwrap().evidence = STRONG.iter().map(|e| e.to_string()).collect();
        let r = simulate(&p, 5_000, 3);
        let lead = r.judgements.iter().find(|j| j.id == "leaders_and_managers").unwrap();
        assert_eq!(lead.probabilities.inadequate, 0.0, "{:?}", lead.probabilities);
    }

    #[test]
    fn one_unevidenced_critical_statement_is_said_in_the_singular() {
        let ev = Evidence {
            unevidenced: 3,
            critical_unevidenced: 1,
            not_known: 0,
            critical_names: vec!["Strategy discussions are timely".into()],
            not_known_names: Vec::new(),
            lean: None,
        };
        let n = note(Some(Grade::Good), Some(Grade::RequiresImprovement), 0.6, &ev).unwrap();
        assert_eq!(
            n,
            "Your answers fit good, but 1 safety-critical statement rests on no evidence (Strategy discussions are timely) and 2 other ratings rest on no evidence, so requires improvement to be good is more likely than not (60%)."
        );
    }

    #[test]
    fn well_evidenced_answers_agree_with_their_chances_and_need_no_note() {
        let a = all_at("ilacs-2026-04", Level::Good, STRONG);
        let r = simulate(&a, 2000, 7);
        for j in r.judgements.iter() {
            assert_eq!(
                (j.headline, j.most_likely, j.note.as_deref()),
                (Some(Grade::Good), Some(Grade::Good), None),
                "{}",
                j.id
            );
        }
    }

    #[test]
    fn all_not_known_has_no_headline_and_the_note_says_what_the_chart_shows() {
        let r = simulate(&all_at("ilacs-2026-04", Level::NotKnown, &[]), 500, 3);
        for j in r.judgements.iter() {
            assert_eq!(j.headline, None, "{}", j.id);
            assert!(j
                .note
                .as_deref()
                .unwrap()
                .starts_with("Not enough is answered or known to project a grade"));
        }
        let empty = simulate(&Assessment::default(), 100, 3);
        for j in empty.judgements.iter() {
            assert_eq!(
                (j.headline, j.most_likely, j.note.as_deref()),
                (None, None, None),
                "nothing answered: nothing to reconcile"
            );
        }
    }

    /// Headline and chart never silently disagree, for random assessments on every framework: the
    /// headline is the score's grade, the most likely outcome is the chart's largest bar, and there
    /// is a note exactly when the two differ.
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        fn level() -> impl Strategy<Value = Option<Level>> {
            prop_oneof![Just(None), (0usize..5).prop_map(|i| Some(Level::ORDERED[i]))]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(48))]
            #[test]
            fn headline_and_chances_never_silently_disagree(
                fw_i in 0usize..5,
                levels in proptest::collection::vec(level(), 100),
                evidence in proptest::collection::vec(0usize..4, 100),
                seed in 0u64..1000,
            ) {
                let fw = &framework::all()[fw_i];
                let sources = ["case_audit", "performance_data", "staff_feedback"];
                let mut a = Assessment { framework: fw.id.clone(), ..Assessment::default() };
                for (k, (_, s)) in fw.statements().enumerate() {
                    if let Some(l) = levels[k] {
                        a.set(&s.id, l);
                        a.answers.get_mut(&*s.id).unwrap().evidence =
                            sources[..evidence[k].min(3)].iter().map(|e| e.to_string()).collect();
                    }
                }
                let scored = crate::scoring::score::score(&a);
                let r = simulate(&a, 300, seed);
                for j in r.judgements.iter() {
                    let graded = scored.judgements.iter().find(|x| x.id == j.id).unwrap().grade;
                    prop_assert_eq!(j.headline, graded, "headline is the score's grade");
                    let p = &j.probabilities;
                    let bars = [p.inadequate, p.requires_improvement, p.good, p.outstanding, p.none];
                    let top = bars.iter().cloned().fold(0.0, f64::max);
                    let shown = bars[j.most_likely.map_or(4, |g| g.rank() as usize)];
                    prop_assert!(shown == top, "most likely is the largest bar");
                    prop_assert_eq!(j.note.is_some(), j.headline != j.most_likely);
                    if let Some(n) = &j.note {
                        let named = j.most_likely.map_or("no grade", |g| g.label_in_sentence());
                        prop_assert!(n.contains(named), "the note names the likely outcome: {}", n);
                    }
                }
            }
        }
    }

    #[test]
    fn the_lean_is_an_assumption_the_user_can_change_and_the_result_says_which_was_used() {
        let a = all_at("ilacs-2026-04", Level::RequiresImprovement, &[]);
        let fw = framework::get("ilacs-2026-04").unwrap();
        let leaning = simulate(&a, 3000, 11);
        assert_eq!(leaning.model, fw.simulation);
        let even = ModelChanges {
            down_share_percent: Some(50),
            ..ModelChanges::default()
        }
        .apply(&fw.simulation);
        let balanced = simulate_with(&a, 3000, 11, &even);
        assert_eq!(balanced.model.down_share_percent, 50);
        let inadequate = |r: &SimulationResult| r.judgements[1].probabilities.inadequate;
        assert!(
            inadequate(&balanced) < inadequate(&leaning),
            "less downward lean, less chance of inadequate"
        );
        let none = ModelChanges {
            differ_max: Some(0),
            differ_min: Some(0),
            ..ModelChanges::default()
        }
        .apply(&fw.simulation);
        let certain = simulate_with(&a, 500, 11, &none);
        assert!(certain
            .judgements
            .iter()
            .all(|j| j.note.is_none() && j.probabilities.requires_improvement == 1.0));
    }
}
