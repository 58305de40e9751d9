//! Base rates from real ILACS outcomes: how overall effectiveness moved from one full
//! inspection to the next, and how long authorities waited between them, by previous grade.
//!
//! The figures are committed as `crate/data/base_rates.toml` and baked into the core by build.rs.
//! They are derived from the public record in `data/ofsted-ilacs/` by a tool outside the library,
//! `tools/base-rates/` (`cargo run -p stocktake-base-rates`), which documents the method; the
//! test `tests/base_rates.rs` fails if the committed figures and the CSV disagree. Only the
//! figures and the constants the method shares with the page live here.
use crate::pathway::shapes::Stored;
pub use crate::pathway::shapes::{IntervalSpread, Transition};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// The attribution to show wherever figures derived from the inspection data are shown.
pub const ATTRIBUTION: &str = "Contains public sector information licensed under the Open Government Licence v3.0 \
(Ofsted inspection reports); compiled by Data to Insight (MIT)";

/// The last day of the 2020–21 pause in graded inspections: base-rate pairs start after it.
pub const PAUSE_END: &str = "2021-06-28";

/// First day of the ILACS framework: earlier rows are SIF-era inspections.
pub const ILACS_FROM: &str = "2018-01-01";

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
        }
    })
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
    }
}
