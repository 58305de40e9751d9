//! The workshop scenarios the core knows, as listed: id, name, storyline, framework and summary,
//! from the small index `build.rs` writes (`scenarios/index.json`). Listing them, and checking a
//! saved file's `scenario` id, needs no scenario in full; those are in [`crate::workshop`].
use crate::framework::shapes::Listed;
pub use crate::framework::shapes::Storyline;
use serde::Serialize;
use std::sync::OnceLock;

impl Storyline {
    /// Every route, in the order scenarios are listed.
    pub const ALL: [Storyline; 4] = [
        Storyline::GoodSlipping,
        Storyline::RiImproving,
        Storyline::InadequateMonitoring,
        Storyline::OutstandingOneWeakArea,
    ];

    /// The id used in the data files and the API, such as `good_slipping`.
    pub fn id(self) -> &'static str {
        match self {
            Storyline::GoodSlipping => "good_slipping",
            Storyline::RiImproving => "ri_improving",
            Storyline::InadequateMonitoring => "inadequate_monitoring",
            Storyline::OutstandingOneWeakArea => "outstanding_one_weak_area",
        }
    }

    /// The route in plain English, such as "A good authority slipping".
    pub fn label(self) -> &'static str {
        match self {
            Storyline::GoodSlipping => "A good authority slipping",
            Storyline::RiImproving => "Requires improvement and improving",
            Storyline::InadequateMonitoring => "Inadequate and under monitoring",
            Storyline::OutstandingOneWeakArea => "Outstanding with one weak area",
        }
    }
}

/// A scenario in the list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ScenarioSummary {
    /// Stable id.
    pub id: String,
    /// The authority's name, ending "(fictional)".
    pub name: String,
    /// Always true.
    pub fictional: bool,
    /// The route.
    pub route: Storyline,
    /// The route in plain English.
    pub route_name: &'static str,
    /// The framework id.
    pub framework: String,
    /// One sentence.
    pub summary: String,
}

/// The scenarios as listed, in route order: from the small index, so that listing them (and
/// checking a file's `scenario` id) does not need the scenarios in full.
fn listed() -> &'static [ScenarioSummary] {
    static LISTED: OnceLock<Vec<ScenarioSummary>> = OnceLock::new();
    LISTED.get_or_init(|| {
        let index: Vec<Listed> = baked!("scenarios/index");
        let mut list: Vec<ScenarioSummary> = index
            .into_iter()
            .map(|l| ScenarioSummary {
                id: l.id.to_string(),
                name: l.name.to_string(),
                fictional: l.fictional,
                route: l.route,
                route_name: l.route.label(),
                framework: l.framework.to_string(),
                summary: l.summary.to_string(),
            })
            .collect();
        list.sort_by_key(|s| s.route);
        list
    })
}

/// True when `id` is a workshop scenario's id.
pub fn is_scenario(id: &str) -> bool {
    listed().iter().any(|s| s.id == id)
}

/// The list shown on the start page.
///
/// ```
/// let list = stocktake::framework::scenario_index::scenarios();
/// assert!(list.len() >= 4 && list.iter().all(|s| s.fictional && s.name.ends_with("(fictional)")));
/// ```
pub fn scenarios() -> Vec<ScenarioSummary> {
    listed().to_vec()
}
