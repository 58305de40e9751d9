//! Base rates from real ILACS outcomes: how overall effectiveness moved from one full
//! inspection to the next, and how long authorities waited between them, by previous grade.
//!
//! The figures are committed as `crate/data/base_rates.toml` and baked into the core by build.rs.
//! They are derived from the public record in `data/ofsted-ilacs/` by a tool outside the library,
//! `tools/base-rates/` (`cargo run -p stocktake-base-rates`), which documents the method; the
//! test `tests/base_rates.rs` fails if the committed figures and the CSV disagree. Only the
//! figures and the constants the method shares with the page live here.
use crate::model::grade::Grade;
use crate::pathway::shapes::Stored;
pub use crate::pathway::shapes::{IntervalSpread, NextKind, Transition};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The attribution to show wherever figures derived from the inspection data are shown.
pub const ATTRIBUTION: &str = "Contains public sector information licensed under the Open Government Licence v3.0 \
(Ofsted inspection reports); compiled by Data to Insight (MIT)";

/// The last day of the 2020–21 pause in graded inspections: base-rate pairs start after it.
pub const PAUSE_END: &str = "2021-06-28";

/// First day of the ILACS framework: earlier rows are SIF-era inspections.
pub const ILACS_FROM: &str = "2018-01-01";

/// Where the grade history the base rates count comes from (Data to Insight's scrape of Ofsted's
/// reports), for figures tagged D.
pub const HISTORY_SOURCE: &str =
    "https://github.com/JT-39/ofsted-ilacs-scrape-tool/blob/main/ofsted_csc_ilacs_history.csv";

/// The judgements below overall effectiveness, in the order a pattern names them, with their words.
pub const PATTERN_JUDGEMENTS: [(&str, &str); 4] = [
    ("impact_of_leaders", "leaders"),
    ("help_and_protection", "help and protection"),
    ("children_in_care", "children in care"),
    ("care_leavers", "care leavers"),
];

/// The pattern of an inspection's grades that the next inspection's kind is counted by, as (id,
/// words): requires improvement and inadequate overall by the overall grade alone; good and
/// outstanding overall by which other judgements (ids of [`PATTERN_JUDGEMENTS`]) were below good,
/// such as `good_all_good` ("good overall with every judgement good or better") or
/// `good_below_help_and_protection` ("good overall with help and protection below good").
pub fn kind_pattern(overall: Grade, grades: &BTreeMap<String, Grade>) -> (String, String) {
    let words = overall.id().replace('_', " ");
    if overall < Grade::Good {
        return (overall.id().to_string(), format!("{words} overall"));
    }
    let below: Vec<(&str, &str)> = PATTERN_JUDGEMENTS
        .iter()
        .copied()
        .filter(|(id, _)| grades.get(*id).is_some_and(|g| *g < Grade::Good))
        .collect();
    if below.is_empty() {
        return (
            format!("{}_all_good", overall.id()),
            format!("{words} overall with every judgement good or better"),
        );
    }
    let ids: Vec<&str> = below.iter().map(|(id, _)| *id).collect();
    let names: Vec<&str> = below.iter().map(|(_, w)| *w).collect();
    (
        format!("{}_below_{}", overall.id(), ids.join("_and_")),
        format!("{words} overall with {} below good", names.join(" and ")),
    )
}

/// Transition counts and interval spreads, with their provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BaseRates {
    /// The file the figures were derived from.
    pub source: String,
    /// The attribution text to show with the figures.
    pub attribution: String,
    /// Number of dated ILACS inspections used: graded, or under the April 2026 framework (no
    /// overall effectiveness grade).
    pub inspections: u32,
    /// Number of consecutive pairs whose earlier inspection has an overall grade: all count in the
    /// intervals.
    pub pairs: u32,
    /// How many of the pairs have a later inspection under the April 2026 framework, which gives no
    /// overall effectiveness grade: in the intervals, left out of the transitions.
    pub ungraded_next: u32,
    /// Reports in the record with an overall grade (or the 2026 framework's marker) but no dates
    /// on site, even after corrections: they cannot be placed in time, so are left out.
    pub undated: u32,
    /// Earliest start date among the pairs' inspections, `YYYY-MM-DD`.
    pub first_start: String,
    /// Latest start date among the pairs' inspections.
    pub last_start: String,
    /// The last on-site day of the latest inspection in the record, `YYYY-MM-DD`: cycles still
    /// running then are missing from the intervals.
    pub record_to: String,
    /// Grade-to-grade counts (only pairs that happened, and only pairs whose later inspection has
    /// an overall grade), best grade first.
    pub transitions: Vec<Transition>,
    /// Interval spreads by previous grade, best grade first.
    pub intervals: Vec<IntervalSpread>,
    /// The next inspection's kind (short or standard) by the earlier inspection's grade pattern
    /// ([`kind_pattern`]), on the same pairs, best grade first.
    pub next_kind: Vec<NextKind>,
}

/// The committed base rates (`crate/data/base_rates.toml`).
pub fn base_rates() -> &'static BaseRates {
    static RATES: OnceLock<BaseRates> = OnceLock::new();
    RATES.get_or_init(|| {
        let s: Stored = baked!("base_rates");
        BaseRates {
            source: s.source.to_string(),
            attribution: s.attribution.to_string(),
            inspections: s.inspections,
            pairs: s.pairs,
            ungraded_next: s.ungraded_next,
            undated: s.undated,
            first_start: s.first_start.to_string(),
            last_start: s.last_start.to_string(),
            record_to: s.record_to.to_string(),
            transitions: s.transitions.to_vec(),
            intervals: s.intervals.to_vec(),
            next_kind: s.next_kind.to_vec(),
        }
    })
}

/// The record's counts of the next inspection's kind after an inspection with these grades (its
/// overall grade and the rest by judgement id), when the record has the pattern.
pub fn next_kind_for(overall: Grade, grades: &BTreeMap<String, Grade>) -> Option<&'static NextKind> {
    let (pattern, _) = kind_pattern(overall, grades);
    base_rates().next_kind.iter().find(|k| k.pattern == pattern)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_base_rates_are_consistent() {
        let b = base_rates();
        // Pairs whose later inspection has no overall grade count in the months, not the grades.
        let total: u32 = b.transitions.iter().map(|t| t.count).sum();
        assert_eq!(total + b.ungraded_next, b.pairs);
        assert_eq!(b.intervals.iter().map(|i| i.n).sum::<u32>(), b.pairs);
        for i in b.intervals.iter() {
            assert!(i.min <= i.q1 && i.q1 <= i.median && i.median <= i.q3 && i.q3 <= i.max);
        }
        assert_eq!(b.attribution, ATTRIBUTION);
        // The next kinds count the same pairs.
        assert_eq!(b.next_kind.iter().map(|k| k.short + k.standard).sum::<u32>(), b.pairs);
    }

    #[test]
    fn patterns_name_the_judgements_below_good() {
        let g = |pairs: &[(&str, Grade)]| pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        let all_good = g(&[
            ("help_and_protection", Grade::Good),
            ("children_in_care", Grade::Outstanding),
        ]);
        assert_eq!(
            kind_pattern(Grade::Good, &all_good),
            (
                "good_all_good".into(),
                "good overall with every judgement good or better".into()
            )
        );
        let hp = g(&[
            ("help_and_protection", Grade::RequiresImprovement),
            ("care_leavers", Grade::Inadequate),
        ]);
        assert_eq!(
            kind_pattern(Grade::Good, &hp),
            (
                "good_below_help_and_protection_and_care_leavers".into(),
                "good overall with help and protection and care leavers below good".into()
            )
        );
        assert_eq!(
            kind_pattern(Grade::RequiresImprovement, &hp),
            ("requires_improvement".into(), "requires improvement overall".into())
        );
    }
}
