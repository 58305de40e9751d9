//! How far a fact or rule can be trusted: the tag every piece of data carries beside its source.
use serde::{Deserialize, Serialize};

/// The tag of a fact or rule, written as its letter in the data and the API.
///
/// The page shows the three tags that are not verified (`S`, `U`, `R`) in words wherever a fact
/// or rule with one of them decides an outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::model::source)]
pub enum Tag {
    /// Verified: read on an official page or document (Ofsted, the DfE, legislation).
    V,
    /// From official data: our arithmetic on an official data file or on the published grade
    /// history (the source names the file).
    D,
    /// From a secondary source: a council report, the sector press, a scraper's notes.
    S,
    /// Unverified: reported, but no official text was found for it (for example a rule a
    /// secondary source attributes to an Ofsted page that could not be read).
    U,
    /// Our assumption: reasoned, adjustable where it is a figure, and shown as such to the user.
    R,
}

impl Tag {
    /// True for an assumption (`R`), which the page marks wherever it decides an outcome.
    pub fn is_assumption(self) -> bool {
        self == Tag::R
    }

    /// True where an official page, document or data file stands behind the fact (`V`, `D`).
    pub fn is_verified(self) -> bool {
        matches!(self, Tag::V | Tag::D)
    }
}

#[cfg(test)]
mod tests {
    use super::Tag;

    #[test]
    fn tags_are_read_and_written_as_their_letters() {
        assert_eq!(
            serde_json::to_string(&[Tag::V, Tag::D, Tag::S, Tag::U, Tag::R]).unwrap(),
            r#"["V","D","S","U","R"]"#
        );
        assert_eq!(serde_json::from_str::<Tag>(r#""S""#).unwrap(), Tag::S);
        // A data file with any other tag does not read, so it cannot be baked into the build.
        assert!(serde_json::from_str::<Tag>(r#""X""#).is_err());
        assert!(Tag::R.is_assumption() && !Tag::V.is_assumption());
        assert!(Tag::V.is_verified() && Tag::D.is_verified());
        assert!(!Tag::S.is_verified() && !Tag::U.is_verified() && !Tag::R.is_verified());
    }
}
