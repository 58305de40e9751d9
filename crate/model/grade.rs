//! The ILACS grade scale (also used by SCCIF): outstanding, good, requires improvement to be
//! good, inadequate. "Requires improvement" replaced "adequate" in 2013; good is the minimum
//! children should receive. Source: <https://www.gov.uk/government/news/new-single-framework-for-inspecting-local-authority-services> [V]
use serde::{Deserialize, Serialize};

/// A grade on the four-point scale. Ordered from worst to best, so `Grade::Good > Grade::RequiresImprovement`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, databake::Bake)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[databake(path = crate::model::grade)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Widespread or serious failures leave children harmed or at risk.
    Inadequate,
    /// Requires improvement to be good.
    RequiresImprovement,
    /// Good: the minimum children should receive.
    Good,
    /// Outstanding.
    Outstanding,
}

impl Grade {
    /// All grades, best first (the canonical order shown to people).
    pub const ALL: [Grade; 4] = [
        Grade::Outstanding,
        Grade::Good,
        Grade::RequiresImprovement,
        Grade::Inadequate,
    ];

    /// The id used in files and the API, such as `requires_improvement`.
    pub fn id(self) -> &'static str {
        match self {
            Grade::Outstanding => "outstanding",
            Grade::Good => "good",
            Grade::RequiresImprovement => "requires_improvement",
            Grade::Inadequate => "inadequate",
        }
    }

    /// The label shown to people, such as "Requires improvement to be good".
    pub fn label(self) -> &'static str {
        match self {
            Grade::Outstanding => "Outstanding",
            Grade::Good => "Good",
            Grade::RequiresImprovement => "Requires improvement to be good",
            Grade::Inadequate => "Inadequate",
        }
    }

    /// The label inside a sentence, such as "fits requires improvement to be good".
    pub fn label_in_sentence(self) -> &'static str {
        match self {
            Grade::Outstanding => "outstanding",
            Grade::Good => "good",
            Grade::RequiresImprovement => "requires improvement to be good",
            Grade::Inadequate => "inadequate",
        }
    }

    /// Parses an id such as `good`; `None` for anything else.
    pub fn from_id(id: &str) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.id() == id)
    }

    /// 0 for inadequate up to 3 for outstanding.
    pub fn rank(self) -> u8 {
        self as u8
    }

    /// The grade with this rank (clamped to the scale).
    pub fn from_rank(rank: u8) -> Grade {
        match rank {
            0 => Grade::Inadequate,
            1 => Grade::RequiresImprovement,
            2 => Grade::Good,
            _ => Grade::Outstanding,
        }
    }

    /// One grade better, or `None` at outstanding.
    pub fn up(self) -> Option<Grade> {
        (self != Grade::Outstanding).then(|| Grade::from_rank(self.rank() + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_order_is_worst_to_best() {
        for g in Grade::ALL {
            assert_eq!(Grade::from_id(g.id()), Some(g));
            assert_eq!(Grade::from_rank(g.rank()), g);
        }
        assert!(Grade::Inadequate < Grade::RequiresImprovement);
        assert!(Grade::Good < Grade::Outstanding);
        assert_eq!(Grade::from_id("adequate"), None);
        assert_eq!(Grade::Good.up(), Some(Grade::Outstanding));
        assert_eq!(Grade::Outstanding.up(), None);
        assert_eq!(
            serde_json::to_string(&Grade::RequiresImprovement).unwrap(),
            "\"requires_improvement\""
        );
    }
}
