//! The catalogue of frameworks this build knows: build.rs gathers each framework file's listing
//! (`crate/data/frameworks/<id>.toml`) into it, ILACS versions newest first, then the providers'.
pub use crate::framework::shapes::FrameworkSummary;
use crate::framework::shapes::Index;

/// The inspection families, each with the label the page groups its frameworks under.
pub const FAMILIES: [(&str, &str); 2] = [
    ("ilacs", "Local authority children's services (ILACS)"),
    ("sccif", "Children's homes and fostering agencies (SCCIF)"),
];

/// The family of a framework id (`None` for an unknown id).
pub fn family(id: &str) -> Option<String> {
    catalogue()
        .into_iter()
        .find(|f| f.id == id)
        .map(|f| f.family.into_owned())
}

/// The name people read for a framework id ("ILACS from April 2026 …"), or the id itself when
/// it is unknown: messages name frameworks as the page does, never by id.
pub fn name(id: &str) -> String {
    catalogue()
        .into_iter()
        .find(|f| f.id == id)
        .map_or_else(|| id.to_string(), |f| f.name.into_owned())
}

/// Every framework this build knows, newest first (the index is read once).
pub fn catalogue() -> Vec<FrameworkSummary> {
    static INDEX: std::sync::OnceLock<Vec<FrameworkSummary>> = std::sync::OnceLock::new();
    INDEX
        .get_or_init(|| {
            let index: Index = baked!("frameworks/index");
            index.framework.to_vec()
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frameworks_are_named_as_people_read_them() {
        assert!(name("ilacs-2023-01").starts_with("ILACS"), "{}", name("ilacs-2023-01"));
        assert!(!name("ilacs-2023-01").contains("ilacs-2023-01"));
        assert_eq!(name("no-such-framework"), "no-such-framework");
    }

    #[test]
    fn exactly_one_current_framework_and_ids_unique() {
        let all = catalogue();
        assert_eq!(all.iter().filter(|f| f.current).count(), 1);
        let mut ids: Vec<_> = all.iter().map(|f| &f.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
        assert!(all.iter().find(|f| f.current).is_some_and(|f| f.family == "ilacs"));
        for f in all.iter() {
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
