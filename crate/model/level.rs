//! The level a user gives a statement: one of the four grades, or **not known**.
//!
//! Levels have a total order used by the monotonicity guarantee ("raising an answer never lowers a
//! grade"): inadequate < not known < requires improvement < good < outstanding. Not known sits below
//! requires improvement because it counts as requires improvement for the best fit and, on a
//! safety-critical statement, also caps the judgement at requires improvement; it sits above inadequate
//! because it never makes a judgement inadequate on its own. See `DESIGN.md`, "Scoring".
use crate::model::grade::Grade;
use serde::{Deserialize, Serialize};

/// A statement's level. Ordered worst to best (see the module docs for where `NotKnown` sits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Inadequate.
    Inadequate,
    /// The authority does not know the quality of this practice.
    NotKnown,
    /// Requires improvement to be good.
    RequiresImprovement,
    /// Good.
    Good,
    /// Outstanding.
    Outstanding,
}

impl Level {
    /// Every level in the order shown to people: best first, then not known.
    pub const SHOWN: [Level; 5] = [
        Level::Outstanding,
        Level::Good,
        Level::RequiresImprovement,
        Level::Inadequate,
        Level::NotKnown,
    ];

    /// Every level, worst first (the monotonicity order).
    pub const ORDERED: [Level; 5] = [
        Level::Inadequate,
        Level::NotKnown,
        Level::RequiresImprovement,
        Level::Good,
        Level::Outstanding,
    ];

    /// The id used in files and the API, such as `not_known`.
    pub fn id(self) -> &'static str {
        match self.grade() {
            Some(g) => g.id(),
            None => "not_known",
        }
    }

    /// The label shown to people, such as "Not known".
    pub fn label(self) -> &'static str {
        match self.grade() {
            Some(g) => g.label(),
            None => "Not known",
        }
    }

    /// Parses an id such as `good` or `not_known`.
    pub fn from_id(id: &str) -> Option<Level> {
        Level::ORDERED.into_iter().find(|l| l.id() == id)
    }

    /// The grade this level states, or `None` for not known.
    pub fn grade(self) -> Option<Grade> {
        match self {
            Level::Inadequate => Some(Grade::Inadequate),
            Level::NotKnown => None,
            Level::RequiresImprovement => Some(Grade::RequiresImprovement),
            Level::Good => Some(Grade::Good),
            Level::Outstanding => Some(Grade::Outstanding),
        }
    }

    /// The level stating this grade.
    pub fn from_grade(grade: Grade) -> Level {
        match grade {
            Grade::Inadequate => Level::Inadequate,
            Grade::RequiresImprovement => Level::RequiresImprovement,
            Grade::Good => Level::Good,
            Grade::Outstanding => Level::Outstanding,
        }
    }

    /// Position in the monotonicity order, 0 (inadequate) to 4 (outstanding).
    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_not_known_sits_between_inadequate_and_ri() {
        for l in Level::ORDERED {
            assert_eq!(Level::from_id(l.id()), Some(l));
        }
        assert_eq!(Level::from_id("unknown"), None);
        assert!(Level::Inadequate < Level::NotKnown && Level::NotKnown < Level::RequiresImprovement);
        assert_eq!(serde_json::to_string(&Level::NotKnown).unwrap(), "\"not_known\"");
        assert_eq!(Level::SHOWN[4], Level::NotKnown);
        assert_eq!(Level::from_grade(Grade::Good).grade(), Some(Grade::Good));
    }
}
