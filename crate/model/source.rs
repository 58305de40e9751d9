//! How far a fact or rule can be trusted: the tag every piece of data carries beside its source.
use serde::{Deserialize, Serialize};

/// The tag of a fact or rule, written `V`, `S` or `R` in the data and the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, databake::Bake)]
#[databake(path = crate::model::source)]
pub enum Tag {
    /// Verified against an official source (Ofsted, the DfE, legislation).
    V,
    /// From a secondary source: a council report, the sector press, our reading of the data.
    S,
    /// Our assumption: reasoned, adjustable where it is a figure, and shown as such to the user.
    R,
}

impl Tag {
    /// True for an assumption (`R`), which the page marks wherever it decides an outcome.
    pub fn is_assumption(self) -> bool {
        self == Tag::R
    }
}

#[cfg(test)]
mod tests {
    use super::Tag;

    #[test]
    fn tags_are_read_and_written_as_their_letters() {
        assert_eq!(
            serde_json::to_string(&[Tag::V, Tag::S, Tag::R]).unwrap(),
            r#"["V","S","R"]"#
        );
        assert_eq!(serde_json::from_str::<Tag>(r#""S""#).unwrap(), Tag::S);
        // A data file with any other tag does not read, so it cannot be baked into the build.
        assert!(serde_json::from_str::<Tag>(r#""X""#).is_err());
        assert!(Tag::R.is_assumption() && !Tag::V.is_assumption());
    }
}
