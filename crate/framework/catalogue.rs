//! The catalogue of frameworks this build knows, from `crate/data/frameworks/index.toml`.
use serde::{Deserialize, Serialize};

/// A framework version as listed to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FrameworkSummary {
    /// Stable id, such as `ilacs-2026-04`.
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// The first date the framework applies to inspections (`YYYY-MM-DD`).
    #[serde(alias = "effective_from")]
    pub effective_from: String,
    /// Whether this is the current framework (the default): exactly one in the catalogue.
    pub current: bool,
    /// The inspection family: `ilacs` (local authorities) or `sccif` (providers: children's homes,
    /// fostering agencies). The page groups frameworks by it; the pathway dispatches on it.
    #[serde(default = "ilacs")]
    pub family: String,
    /// Who is inspected, as shown to people, such as "Local authority children's services".
    #[serde(default)]
    pub provider: String,
}

fn ilacs() -> String {
    "ilacs".into()
}

/// The inspection families, each with the label the page groups its frameworks under.
pub const FAMILIES: [(&str, &str); 2] = [
    ("ilacs", "Local authority children's services (ILACS)"),
    ("sccif", "Children's homes and fostering agencies (SCCIF)"),
];

/// The family of a framework id (`None` for an unknown id).
pub fn family(id: &str) -> Option<String> {
    catalogue().into_iter().find(|f| f.id == id).map(|f| f.family)
}

#[derive(Debug, Deserialize)]
pub(crate) struct Index {
    framework: Vec<FrameworkSummary>,
}

/// Every framework this build knows, newest first (the index is read once).
pub fn catalogue() -> Vec<FrameworkSummary> {
    static INDEX: std::sync::OnceLock<Vec<FrameworkSummary>> = std::sync::OnceLock::new();
    INDEX
        .get_or_init(|| {
            let index: Index = crate::support::embedded::parse("frameworks/index", embedded_json!("frameworks/index"));
            index.framework
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_one_current_framework_and_ids_unique() {
        let all = catalogue();
        assert_eq!(all.iter().filter(|f| f.current).count(), 1);
        let mut ids: Vec<_> = all.iter().map(|f| &f.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
        assert!(all.iter().find(|f| f.current).is_some_and(|f| f.family == "ilacs"));
        for f in &all {
            assert!(FAMILIES.iter().any(|(id, _)| *id == f.family), "{} family", f.id);
            assert!(!f.provider.is_empty(), "{} provider", f.id);
        }
    }

    #[test]
    fn an_entry_without_a_family_is_ilacs_as_serde_reads_it() {
        let v = serde_json::json!({ "id": "x", "name": "X", "effective_from": "2020-01-01", "current": false });
        let ours = serde_json::from_value::<FrameworkSummary>(v.clone()).unwrap();
        assert_eq!(ours.family, "ilacs");
        let v = serde_json::json!({ "id": "x", "name": "X", "effective_from": "2020-01-01", "current": false, "family": null });
        assert!(serde_json::from_value::<FrameworkSummary>(v.clone()).is_err());
    }
}
