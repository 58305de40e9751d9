//! The kinds of inspection, for local authorities (ILACS) and providers (SCCIF).
use serde::{Deserialize, Serialize};

/// The kind of an inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::model::inspection)]
#[serde(rename_all = "snake_case")]
pub enum InspectionKind {
    /// ILACS: one week on site.
    Short,
    /// ILACS: two weeks on site.
    Standard,
    /// SCCIF: a graded full inspection.
    Full,
    /// SCCIF: a one-day second visit judged improved, sustained or declined.
    Interim,
    /// SCCIF: the interim inspection's name since April 2022.
    Assurance,
}

impl InspectionKind {
    /// The id used in JSON, such as `short` or `assurance`.
    pub fn id(self) -> &'static str {
        match self {
            InspectionKind::Short => "short",
            InspectionKind::Standard => "standard",
            InspectionKind::Full => "full",
            InspectionKind::Interim => "interim",
            InspectionKind::Assurance => "assurance",
        }
    }

    /// The kind with this id.
    pub fn from_id(id: &str) -> Option<InspectionKind> {
        [
            InspectionKind::Short,
            InspectionKind::Standard,
            InspectionKind::Full,
            InspectionKind::Interim,
            InspectionKind::Assurance,
        ]
        .into_iter()
        .find(|k| k.id() == id)
    }
}
