//! From case-file audits to evidence for each self-rating: how many audited cases, when, the share
//! graded good or better with a 95% Wilson interval, the worst grades, what the audits support,
//! a challenge where a rating is above it, and moderation (agreement between two auditors).
//!
//! A case's grade for a statement is the lowest grade among the criteria mapped to that statement
//! (a moderated grade replaces the first auditor's: moderation is the quality check) [R]. Only
//! audits dated within the window before the day of the self-evaluation count. A rating is
//! supported when the lower end of the 95% Wilson interval for the share of cases at that grade or
//! better is at or above the threshold (`crate/data/audits/criteria.toml`, `[support]`, all [R]):
//! with a threshold of one half, a rating is never supported on half or fewer of the cases.
use crate::assessment::audit::{criteria_file, criteria_for, Audit, Mark};
use crate::assessment::Assessment;
use crate::model::date;
use crate::model::grade::Grade;
use crate::model::level::Level;
use crate::model::source::Tag;
use serde::Serialize;
use std::collections::BTreeMap;

/// The 95% Wilson score interval for `k` successes in `n` trials, as fractions in [0, 1].
/// `n = 0` gives the whole range.
pub fn wilson(k: u32, n: u32) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let z = 1.959_963_984_540_054_f64;
    let n = f64::from(n);
    let p = f64::from(k.min(n as u32)) / n;
    let z2 = z * z;
    let centre = p + z2 / (2.0 * n);
    let spread = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    let d = 1.0 + z2 / n;
    let low = ((centre - spread) / d).clamp(0.0, 1.0);
    let high = ((centre + spread) / d).clamp(0.0, 1.0);
    // Exact at the ends (the formula gives 0 and 1 up to rounding).
    (
        if k == 0 { 0.0 } else { low.min(p) },
        if k as f64 >= n { 1.0 } else { high.max(p) },
    )
}

/// What the audits say about one statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StatementAudits {
    /// The statement id.
    pub statement: String,
    /// Audited cases in the window with a graded criterion for this statement.
    pub cases: u32,
    /// The earliest and latest audit dates among them.
    pub first: Option<String>,
    /// The latest audit date.
    pub last: Option<String>,
    /// Cases by grade, worst first: inadequate, requires improvement, good, outstanding.
    pub by_grade: [u32; 4],
    /// Cases graded good or better.
    pub good_or_better: u32,
    /// The 95% Wilson interval of the share good or better, in whole percent (low, high; rounded
    /// down and up).
    pub interval: [u32; 2],
    /// The worst grade seen.
    pub worst: Option<Grade>,
    /// The highest rating the audits support; `None` with too few cases.
    pub supports: Option<Level>,
    /// The self-rating, if answered.
    pub rating: Option<Level>,
}

/// A rating above what the audits support (shown like the consistency challenges).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AuditChallenge {
    /// Always `ch_audits_below_rating`.
    pub id: String,
    /// Plain English with the counts.
    pub text: String,
    /// The statement questioned.
    pub statements: Vec<String>,
    /// Where the rule comes from.
    pub source: String,
    /// Its tag.
    pub tag: Tag,
}

/// Agreement between the two auditors on one criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Agreement {
    /// The criterion id.
    pub criterion: String,
    /// Cases both auditors graded.
    pub pairs: u32,
    /// Cases with the same grade.
    pub same: u32,
}

/// A moderated case whose two gradings differ by two grades or more.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Disagreement {
    /// The audit's place in the list (from 0).
    pub audit: usize,
    /// Its case reference.
    pub case_ref: String,
    /// The criterion, or `None` for the overall grade.
    pub criterion: Option<String>,
    /// The first auditor's grade.
    pub first: Grade,
    /// The moderator's grade.
    pub second: Grade,
}

/// Everything the audits say.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct AuditEvidence {
    /// The window: audits dated after `from` and up to `to` count.
    pub from: Option<String>,
    /// The day of the self-evaluation (or the caller's today).
    pub to: Option<String>,
    /// Audits in the file, and how many fall in the window.
    pub audits: usize,
    /// Audits dated in the window.
    pub in_window: usize,
    /// Per statement with at least one audited case, in framework order.
    pub statements: Vec<StatementAudits>,
    /// Ratings above what the audits support.
    pub challenges: Vec<AuditChallenge>,
    /// Agreement per criterion, for moderated cases.
    pub agreement: Vec<Agreement>,
    /// Moderated cases whose gradings differ by two grades or more.
    pub disagreements: Vec<Disagreement>,
    /// The rule that says what audits support, with its source and tag.
    pub rule: String,
    /// Its source.
    pub source: String,
    /// Its tag.
    pub tag: Tag,
}

fn grade_after_moderation(a: &Audit, criterion: &str) -> Option<Grade> {
    let moderated = a.moderation.as_ref().and_then(|m| m.grades.get(criterion)).copied();
    moderated
        .or_else(|| a.grades.get(criterion).copied())
        .and_then(Mark::grade)
}

/// The highest level supported by `counts` (worst first) under the threshold.
fn supported(counts: [u32; 4], n: u32, share_percent: u32) -> Level {
    for g in [Grade::Outstanding, Grade::Good, Grade::RequiresImprovement] {
        let at_least: u32 = counts[g.rank() as usize..].iter().sum();
        let (low, _) = wilson(at_least, n);
        if low * 100.0 >= f64::from(share_percent) {
            return Level::from_grade(g);
        }
    }
    Level::Inadequate
}

/// The evidence from `a`'s audits on the day `today` (`YYYY-MM-DD`; the self-evaluation's date
/// when `None`, and every audit counts when neither is given).
pub fn audit_evidence(a: &Assessment, today: Option<&str>) -> AuditEvidence {
    let rules = criteria_file();
    let support = &rules.support;
    let fw = a.framework();
    let to = today
        .and_then(date::parse)
        .or_else(|| a.assessed_on.as_deref().and_then(date::parse));
    let from = to.map(|t| date::add_months(t, -(support.window_months as i32)));
    let in_window: Vec<&Audit> = a
        .audits
        .iter()
        .filter(|x| match (from, to, date::parse(&x.date)) {
            (Some(f), Some(t), Some(d)) => d > f && d <= t,
            (None, _, _) => true,
            _ => false,
        })
        .collect();
    // Per statement: each case's lowest grade over the criteria mapped to it.
    // Per statement slot: cases by grade, first and last date.
    type Tally = ([u32; 4], Option<String>, Option<String>);
    let mut per: BTreeMap<usize, Tally> = BTreeMap::new();
    if let Some(set) = criteria_for(&fw.id) {
        for audit in &in_window {
            let mut case: BTreeMap<usize, Grade> = BTreeMap::new();
            for c in set.criterion.iter() {
                let Some(g) = grade_after_moderation(audit, &c.id) else {
                    continue;
                };
                for s in c.statements.iter() {
                    let Some(slot) = fw.statement_index(s) else { continue };
                    let e = case.entry(slot).or_insert(g);
                    *e = (*e).min(g);
                }
            }
            for (slot, g) in case {
                let e = per.entry(slot).or_insert(([0; 4], None, None));
                e.0[g.rank() as usize] += 1;
                if e.1.as_deref().is_none_or(|f| audit.date.as_str() < f) {
                    e.1 = Some(audit.date.clone());
                }
                if e.2.as_deref().is_none_or(|l| audit.date.as_str() > l) {
                    e.2 = Some(audit.date.clone());
                }
            }
        }
    }
    let mut ids: Vec<&str> = vec![""; fw.statements().count()];
    let mut names: Vec<&str> = vec![""; fw.statements().count()];
    for (_, s) in fw.statements() {
        if let Some(i) = fw.statement_index(&s.id) {
            ids[i] = &s.id;
            names[i] = &s.text;
        }
    }
    let mut statements = Vec::new();
    let mut challenges = Vec::new();
    for (slot, (counts, first, last)) in per {
        let n: u32 = counts.iter().sum();
        let good = counts[2] + counts[3];
        let (low, high) = wilson(good, n);
        let id = ids[slot].to_string();
        let rating = a.answers.get(&id).and_then(|x| x.level);
        let supports = (n >= support.min_cases).then(|| supported(counts, n, support.share_percent));
        if let (Some(r), Some(s)) = (rating, supports) {
            if let (Some(rg), Some(sg)) = (r.grade(), s.grade()) {
                if rg > sg {
                    let below = Grade::from_rank(rg.rank() - 1);
                    let k: u32 = counts[..=below.rank() as usize].iter().sum();
                    let months = support.window_months;
                    let worse = if below == Grade::Inadequate { "" } else { " or worse" };
                    challenges.push(AuditChallenge {
                        id: "ch_audits_below_rating".into(),
                        text: format!(
                            "You rated “{}” {}; {k} of {n} audited cases in the last {months} months were {}{worse}, so the audits support {} at most.",
                            names[slot].trim_end_matches('.'),
                            rg.label_in_sentence(),
                            below.label_in_sentence(),
                            s.grade().map_or("inadequate", Grade::label_in_sentence)
                        ),
                        statements: vec![id.clone()],
                        source: support.source.to_string(),
                        tag: support.tag,
                    });
                }
            }
        }
        statements.push(StatementAudits {
            statement: id,
            cases: n,
            first,
            last,
            by_grade: counts,
            good_or_better: good,
            interval: [(low * 100.0).floor() as u32, (high * 100.0).ceil() as u32],
            worst: Grade::ALL.iter().rev().copied().find(|g| counts[g.rank() as usize] > 0),
            supports,
            rating,
        });
    }
    let (agreement, disagreements) = moderation(a);
    AuditEvidence {
        from: from.map(date::format),
        to: to.map(date::format),
        audits: a.audits.len(),
        in_window: in_window.len(),
        statements,
        challenges,
        agreement,
        disagreements,
        rule: support.text.to_string(),
        source: support.source.to_string(),
        tag: support.tag,
    }
}

/// [`audit_evidence`] for a saved file's JSON (read leniently; its problems are the parser's).
pub fn audit_evidence_value(assessment: &serde_json::Value, today: Option<&str>) -> AuditEvidence {
    let (a, _) = crate::assessment::parse_assessment(assessment);
    audit_evidence(&a, today)
}

/// Agreement per criterion over every moderated case, and the cases that differ by two grades.
fn moderation(a: &Assessment) -> (Vec<Agreement>, Vec<Disagreement>) {
    let mut per: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    let mut flagged = Vec::new();
    for (i, audit) in a.audits.iter().enumerate() {
        let Some(m) = &audit.moderation else { continue };
        for (c, second) in &m.grades {
            let (Some(s), Some(f)) = (second.grade(), audit.grades.get(c).and_then(|x| x.grade())) else {
                continue;
            };
            let e = per.entry(c.as_str()).or_default();
            e.0 += 1;
            e.1 += u32::from(s == f);
            if s.rank().abs_diff(f.rank()) >= 2 {
                flagged.push(Disagreement {
                    audit: i,
                    case_ref: audit.case_ref.clone(),
                    criterion: Some(c.clone()),
                    first: f,
                    second: s,
                });
            }
        }
        if let (Some(f), Some(s)) = (audit.overall, m.overall) {
            if s.rank().abs_diff(f.rank()) >= 2 {
                flagged.push(Disagreement {
                    audit: i,
                    case_ref: audit.case_ref.clone(),
                    criterion: None,
                    first: f,
                    second: s,
                });
            }
        }
    }
    let agreement = per
        .into_iter()
        .map(|(c, (pairs, same))| Agreement {
            criterion: c.to_string(),
            pairs,
            same,
        })
        .collect();
    (agreement, flagged)
}

/// A statement's evidence strength from its audits (basis points), for the simulation: `None` below
/// the minimum number of cases, otherwise 10,000 × n ÷ (n + 10) [R]: ten cases give half the
/// strength of full evidence, forty give 80%, so the chances reflect the sample size.
pub fn strengths(e: &AuditEvidence) -> BTreeMap<String, u32> {
    let min = criteria_file().support.min_cases;
    e.statements
        .iter()
        .filter(|s| s.cases >= min)
        .map(|s| (s.statement.clone(), 10_000 * s.cases / (s.cases + 10)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::audit::Moderation;
    use proptest::prelude::*;

    fn audit(case: &str, date: &str, seen: Mark) -> Audit {
        Audit {
            case_ref: case.into(),
            area: "help_and_protection".into(),
            auditor: "PM".into(),
            date: date.into(),
            team: "North".into(),
            grades: [("au_hp_seen_alone".to_string(), seen)].into_iter().collect(),
            overall: seen.grade(),
            learning: String::new(),
            moderation: None,
        }
    }

    fn with(audits: Vec<Audit>, rating: Level) -> Assessment {
        let mut a = Assessment {
            assessed_on: Some("2026-11-30".into()),
            audits,
            ..Assessment::default()
        };
        a.set("hp_child_seen", rating);
        a
    }

    /// 20 cases: 11 good, 6 requires improvement, 3 inadequate.
    fn twenty() -> Vec<Audit> {
        (0..20)
            .map(|i| {
                let m = match i {
                    0..=10 => Mark::Good,
                    11..=16 => Mark::RequiresImprovement,
                    _ => Mark::Inadequate,
                };
                audit(&format!("C{i}"), "2026-06-01", m)
            })
            .collect()
    }

    #[test]
    fn wilson_matches_known_values() {
        let (l, h) = wilson(11, 20);
        assert!((l - 0.3421).abs() < 1e-3 && (h - 0.7418).abs() < 1e-3, "{l} {h}");
        assert_eq!(wilson(0, 0), (0.0, 1.0));
        assert_eq!(wilson(5, 5).1, 1.0);
        assert_eq!(wilson(0, 5).0, 0.0);
    }

    /// Found by cargo-mutants (docs/mutants.md): the interval is the Wilson score interval with
    /// z = 1.96 (z² = 3.8415), to the sixth decimal. The reference values are the textbook formula's
    /// (1 of 10: 1.8% to 40.4%; 50 of 100: 40.4% to 59.6%).
    #[test]
    fn wilson_matches_the_textbook_interval_closely() {
        for (k, n, low, high) in [
            (11, 20, 0.342_085, 0.741_802),
            (1, 10, 0.017_876, 0.404_150),
            (9, 10, 0.595_850, 0.982_124),
            (50, 100, 0.403_832, 0.596_168),
            (16, 20, 0.583_983, 0.919_342),
        ] {
            let (l, h) = wilson(k, n);
            assert!((l - low).abs() < 1e-6 && (h - high).abs() < 1e-6, "{k} of {n}: {l} {h}");
        }
    }

    #[test]
    fn a_good_rating_with_9_of_20_cases_below_good_is_challenged() {
        let e = audit_evidence(&with(twenty(), Level::Good), None);
        let s = &e.statements[0];
        assert_eq!(
            (s.statement.as_str(), s.cases, s.good_or_better),
            ("hp_child_seen", 20, 11)
        );
        assert_eq!(s.interval, [34, 75]);
        assert_eq!(s.worst, Some(Grade::Inadequate));
        assert_eq!(s.supports, Some(Level::RequiresImprovement));
        assert_eq!(e.challenges.len(), 1);
        let a = with(twenty(), Level::Good);
        let name = a
            .framework()
            .statements()
            .find(|(_, s)| &*s.id == "hp_child_seen")
            .map(|(_, s)| s.text.trim_end_matches('.').to_string())
            .unwrap();
        assert_eq!(
            e.challenges[0].text,
            format!("You rated “{name}” good; 9 of 20 audited cases in the last 12 months were requires improvement to be good or worse, so the audits support requires improvement to be good at most.")
        );
        // The same answers rated requires improvement raise nothing.
        assert!(audit_evidence(&with(twenty(), Level::RequiresImprovement), None)
            .challenges
            .is_empty());
        // And the score carries the challenge beside the consistency ones.
        let r = crate::scoring::score::score(&with(twenty(), Level::Good));
        assert!(r.challenges.iter().any(|c| c.id == "ch_audits_below_rating"));
    }

    #[test]
    fn half_or_fewer_cases_good_never_support_good() {
        // k of n good, the rest requires improvement: what the audits support.
        let cases = |k: usize, n: usize| -> Vec<Audit> {
            (0..n)
                .map(|i| {
                    let m = if i < k { Mark::Good } else { Mark::RequiresImprovement };
                    audit(&format!("C{i}"), "2026-06-01", m)
                })
                .collect()
        };
        for (k, n) in [(2, 5), (4, 8), (3, 6), (6, 12), (9, 12), (10, 20)] {
            let e = audit_evidence(&with(cases(k, n), Level::Good), None);
            assert_eq!(e.statements[0].supports, Some(Level::RequiresImprovement), "{k} of {n}");
            assert_eq!(e.challenges.len(), 1, "{k} of {n} good is challenged");
        }
        for (k, n) in [(5, 5), (11, 12), (16, 20)] {
            let e = audit_evidence(&with(cases(k, n), Level::Good), None);
            assert_eq!(e.statements[0].supports, Some(Level::Good), "{k} of {n}");
        }
        // The rule, whatever the counts: supported good or better means more than half good or better.
        for n in 5..=60u32 {
            for k in 0..=n {
                let (low, _) = wilson(k, n);
                let threshold = f64::from(criteria_file().support.share_percent) / 100.0;
                if low >= threshold {
                    assert!(2 * k > n, "{k} of {n}");
                }
            }
        }
    }

    #[test]
    fn few_cases_support_nothing_and_old_audits_do_not_count() {
        let few: Vec<Audit> = (0..4)
            .map(|i| audit(&format!("C{i}"), "2026-06-01", Mark::Inadequate))
            .collect();
        let e = audit_evidence(&with(few, Level::Outstanding), None);
        assert_eq!(e.statements[0].supports, None);
        assert!(e.challenges.is_empty());
        let old: Vec<Audit> = (0..9)
            .map(|i| audit(&format!("C{i}"), "2025-11-30", Mark::Inadequate))
            .collect();
        let e = audit_evidence(&with(old, Level::Good), None);
        assert_eq!((e.in_window, e.statements.len()), (0, 0));
        assert_eq!(e.from.as_deref(), Some("2025-11-30"));
    }

    /// Found by cargo-mutants (docs/mutants.md): a statement's cases run from the earliest audit
    /// date to the latest, whatever the order of the list.
    #[test]
    fn a_statement_s_cases_run_from_the_earliest_audit_to_the_latest() {
        let list = ["2026-03-01", "2026-06-01", "2026-01-15", "2026-04-20"]
            .iter()
            .enumerate()
            .map(|(i, date)| audit(&format!("C{i}"), date, Mark::Good))
            .collect();
        let e = audit_evidence(&with(list, Level::Good), None);
        let s = &e.statements[0];
        assert_eq!(s.cases, 4);
        assert_eq!(
            (s.first.as_deref(), s.last.as_deref()),
            (Some("2026-01-15"), Some("2026-06-01"))
        );
    }

    /// Found by cargo-mutants: the worst grade is the worst one seen, not inadequate by default.
    #[test]
    fn the_worst_grade_is_the_worst_seen() {
        let list = (0..6)
            .map(|i| {
                audit(
                    &format!("C{i}"),
                    "2026-06-01",
                    if i < 2 { Mark::RequiresImprovement } else { Mark::Good },
                )
            })
            .collect();
        assert_eq!(
            audit_evidence(&with(list, Level::Good), None).statements[0].worst,
            Some(Grade::RequiresImprovement)
        );
        let list = (0..6)
            .map(|i| audit(&format!("C{i}"), "2026-06-01", Mark::Good))
            .collect();
        assert_eq!(
            audit_evidence(&with(list, Level::Good), None).statements[0].worst,
            Some(Grade::Good)
        );
    }

    /// Found by cargo-mutants: agreement counts the moderated pairs and those with the same grade.
    #[test]
    fn agreement_counts_pairs_and_the_same_grades() {
        let moderated = |case: &str, first: Mark, second: Mark| {
            let mut a = audit(case, "2026-06-01", first);
            a.moderation = Some(Moderation {
                auditor: "HoS".into(),
                date: None,
                grades: [("au_hp_seen_alone".to_string(), second)].into_iter().collect(),
                overall: None,
            });
            a
        };
        let list = vec![
            moderated("A", Mark::Good, Mark::Good),
            moderated("B", Mark::Good, Mark::RequiresImprovement),
            moderated("C", Mark::Inadequate, Mark::Inadequate),
        ];
        let e = audit_evidence(&with(list, Level::Good), None);
        assert_eq!(
            e.agreement,
            vec![Agreement {
                criterion: "au_hp_seen_alone".into(),
                pairs: 3,
                same: 2
            }]
        );
    }

    /// Found by cargo-mutants: with no self-evaluation date and no today, there is no window and
    /// every audit counts.
    #[test]
    fn without_a_date_every_audit_counts() {
        let mut a = with(twenty(), Level::Good);
        a.assessed_on = None;
        a.audits[0].date = "2019-02-01".into();
        let e = audit_evidence(&a, None);
        assert_eq!((e.from.as_deref(), e.to.as_deref()), (None, None));
        assert_eq!((e.audits, e.in_window, e.statements[0].cases), (20, 20, 20));
    }

    #[test]
    fn not_applicable_is_not_a_case_and_moderation_replaces_the_first_grade() {
        let mut list = vec![audit("A", "2026-06-01", Mark::NotApplicable)];
        let mut b = audit("B", "2026-06-02", Mark::Outstanding);
        b.moderation = Some(Moderation {
            auditor: "HoS".into(),
            date: None,
            grades: [("au_hp_seen_alone".to_string(), Mark::RequiresImprovement)]
                .into_iter()
                .collect(),
            overall: Some(Grade::Good),
        });
        list.push(b);
        let e = audit_evidence(&with(list, Level::Good), None);
        assert_eq!(e.statements[0].cases, 1);
        assert_eq!(e.statements[0].by_grade, [0, 1, 0, 0]);
        assert_eq!(
            e.agreement,
            vec![Agreement {
                criterion: "au_hp_seen_alone".into(),
                pairs: 1,
                same: 0
            }]
        );
        assert_eq!(
            e.disagreements.len(),
            1,
            "outstanding against RI differs by two; overall by one"
        );
        assert_eq!(e.disagreements[0].case_ref, "B");
    }

    #[test]
    fn audits_set_the_simulation_evidence_by_sample_size() {
        use crate::scoring::simulate::simulate;
        let good: Vec<Audit> = (0..40)
            .map(|i| audit(&format!("C{i}"), "2026-06-01", Mark::Good))
            .collect();
        assert_eq!(
            strengths(&audit_evidence(&with(good.clone(), Level::Good), None))["hp_child_seen"],
            8000
        );
        let mut a = with(good, Level::Good);
        for (_, s) in a.framework().statements() {
            a.set(&s.id, Level::Good);
        }
        let hp_good = |a: &Assessment| {
            let r = simulate(a, 4000, 7);
            r.judgements
                .iter()
                .find(|j| j.id == "help_and_protection")
                .unwrap()
                .probabilities
                .good
        };
        let audited = hp_good(&a);
        a.audits.truncate(4); // below the minimum: back to the ticked boxes (none)
        let ticked = hp_good(&a);
        assert!(
            audited > ticked,
            "40 good cases make good likelier: {audited} against {ticked}"
        );
    }

    proptest! {
        #[test]
        fn wilson_bounds_hold(n in 1u32..3000, k in 0u32..3000) {
            let k = k % (n + 1);
            let (l, h) = wilson(k, n);
            let p = f64::from(k) / f64::from(n);
            prop_assert!((0.0..=1.0).contains(&l) && (0.0..=1.0).contains(&h));
            prop_assert!(l <= p && p <= h);
            if k < n {
                let (l2, h2) = wilson(k + 1, n);
                prop_assert!(l2 >= l && h2 >= h, "monotone in k");
            }
        }

        #[test]
        fn aggregation_does_not_depend_on_order(marks in proptest::collection::vec(0usize..5, 0..40), rot in 0usize..40) {
            let all = [Mark::Inadequate, Mark::RequiresImprovement, Mark::Good, Mark::Outstanding, Mark::NotApplicable];
            let list: Vec<Audit> = marks.iter().enumerate()
                .map(|(i, &m)| audit(&format!("C{i}"), &format!("2026-0{}-1{}", 1 + i % 9, i % 10), all[m]))
                .collect();
            let mut turned = list.clone();
            if !turned.is_empty() {
                let r = rot % turned.len();
                turned.rotate_left(r);
                turned.reverse();
            }
            let a = audit_evidence(&with(list, Level::Good), None);
            let b = audit_evidence(&with(turned, Level::Good), None);
            prop_assert_eq!(a.statements, b.statements);
            prop_assert_eq!(a.challenges, b.challenges);
        }
    }
}
