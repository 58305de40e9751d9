// The shapes of the route data files (`crate/data/routes.toml`), and nothing else: `build.rs`
// compiles this file too, reads each file into these types and bakes the values into Rust code
// (databake), so the core carries the data as constructors, with no reader for it. Every field is
// named once. (No inner doc comments: `build.rs` includes this file with `include!`.)
use crate::model::grade::Grade;
use crate::model::source::Tag;
use crate::support::embedded::{List, Text};
use serde::{Deserialize, Serialize};

/// The route after a full inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::scoring::shapes)]
#[serde(rename_all = "snake_case")]
pub enum Route {
    /// Next full inspection is a short one (one week on site).
    Short,
    /// Next full inspection is a standard one (two weeks on site).
    Standard,
    /// Monitoring visits as an inadequate authority, then a standard re-inspection.
    Monitoring,
}

/// One route rule, as data.
#[derive(Debug, Clone, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::scoring::shapes)]
pub struct RouteRule {
    /// Stable id, such as `route_2026_short`.
    pub id: Text,
    /// The route this rule leads to.
    pub route: Route,
    /// Plain-English statement of the rule.
    pub text: Text,
    /// Where the rule comes from (URL).
    pub source: Text,
    /// `V` verified, `S` secondary, `R` assumption.
    pub tag: Tag,
    #[serde(default)]
    pub judgement: Option<Text>,
    #[serde(default)]
    pub at_least: Option<Grade>,
    #[serde(default)]
    pub at_most: Option<Grade>,
    #[serde(default)]
    pub any_inadequate: List<Text>,
    #[serde(default)]
    pub count_at_least: Option<usize>,
    #[serde(default)]
    pub of: List<Text>,
    #[serde(default)]
    pub grade: Option<Grade>,
    #[serde(default)]
    pub otherwise: bool,
    /// The rule holds only when `judgement` is given (a missing grade skips it instead of leaving
    /// the route undecided): for a refinement that older records may lack.
    #[serde(default)]
    pub if_known: bool,
}

#[derive(Clone, Debug, Deserialize, databake::Bake)]
#[databake(path = crate::scoring::shapes)]
pub struct Ruleset {
    /// Stable id, named by each framework file that uses these rules (`routes = "<id>"`).
    pub id: Text,
    /// The framework ids that name it: filled by build.rs from the framework files.
    #[serde(default)]
    pub frameworks: List<Text>,
    pub rule: List<RouteRule>,
}

#[derive(Clone, Debug, Deserialize, databake::Bake)]
#[databake(path = crate::scoring::shapes)]
pub struct Routes {
    pub ruleset: List<Ruleset>,
}
