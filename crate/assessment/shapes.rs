// The shapes of the audit criteria data file (`crate/data/audits/criteria.toml`), and nothing
// else: `build.rs` compiles this file too and bakes the values into Rust (databake). Every field
// is named once. (No inner doc comments: `build.rs` includes this file with `include!`.)
use crate::model::source::Tag;
use crate::support::embedded::{List, Text};
use serde::{Deserialize, Serialize};

/// How audits are summarised for a self-rating: thresholds, all assumptions with a source and tag.
#[derive(Debug, Clone, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::assessment::shapes)]
pub struct AuditSupport {
    /// Audits dated within this many months before the day of the self-evaluation count.
    pub window_months: u32,
    /// Fewer graded cases than this: too few to say.
    pub min_cases: u32,
    /// The share (percent) the lower end of the 95% Wilson interval must reach or pass.
    pub share_percent: u32,
    /// The rule in plain English.
    pub text: Text,
    /// Where it comes from (URL).
    pub source: Text,
    /// Its tag.
    pub tag: Tag,
}

/// One audit criterion: what an auditor grades, and the statements it is evidence for.
#[derive(Debug, Clone, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::assessment::shapes)]
pub struct Criterion {
    /// Stable id, such as `au_hp_seen_alone`.
    pub id: Text,
    /// The area whose cases it is graded on.
    pub area: Text,
    /// What the auditor looks for.
    pub text: Text,
    /// The statements it is evidence for.
    pub statements: List<Text>,
    /// Where it comes from (URL).
    pub source: Text,
    /// Its tag.
    pub tag: Tag,
}

/// A set of criteria and the framework versions it applies to.
#[derive(Debug, Clone, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::assessment::shapes)]
pub struct CriteriaSet {
    /// Stable id.
    pub id: Text,
    /// The framework ids it applies to: filled by build.rs from the framework files that name the
    /// set (`audit_criteria = [...]`).
    #[serde(default)]
    pub frameworks: List<Text>,
    /// Its criteria.
    pub criterion: List<Criterion>,
}

/// The whole file.
#[derive(Debug, Clone, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::assessment::shapes)]
pub struct CriteriaFile {
    /// The summary thresholds.
    pub support: AuditSupport,
    /// The criterion sets.
    pub set: List<CriteriaSet>,
}
