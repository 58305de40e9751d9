//! Validation problems as data. A problem names the field it is about (a JSON-pointer-like
//! path such as `answers.hp_front_door.level`), so the page can show it in a GOV.UK error
//! summary linked to that field. Problems are returned, never thrown: exceptions are only for
//! broken contracts between the page and the core.
//!
//! Each problem has a [`Code`] (an enum, serialised as its `snake_case` name, the stable contract
//! with the page) and a message written for the person at the screen, in the words of GOV.UK's
//! error message patterns: the page shows it as given.
use serde::Serialize;
use std::fmt;

/// What kind of problem a [`Problem`] is. Serialised as its `snake_case` name (`invalid_date`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Code {
    /// An action's status that is not one of not started, on track, at risk or done.
    UnknownStatus,
    /// An audit dated after the self-evaluation it supports.
    AfterAssessment,
    /// An authority's codes (Ofsted URN, DfE and ONS codes) that are not in the shape they are published in.
    InvalidCodes,
    /// A part of the history that does not apply to this framework.
    NotApplicable,
    /// Not one of the kinds the field accepts (an inspection's or an intervention's).
    InvalidKind,
    /// An end date before its start date.
    EndedBeforeStarted,
    /// An inspection dated before the ILACS framework began (January 2018).
    BeforeIlacs,
    /// The file is passphrase-protected and must be opened on the page, which decrypts it.
    Encrypted,
    /// A date that must be today or in the past is after today.
    FutureDate,
    /// A value of the wrong kind where the pathway's input expects another.
    Invalid,
    /// Not a real date, or outside the years a field accepts.
    InvalidDate,
    /// Not one of the grades the field accepts.
    InvalidGrade,
    /// An assumption that is not a number.
    InvalidNumber,
    /// The file's version is not a whole number from 1.
    InvalidVersion,
    /// A case reference that looks like a name, a date of birth or an NHS number.
    LooksPersonal,
    /// A field that must be given is empty.
    Missing,
    /// A grade the pathway needs is missing (advice: the page does not stop the user).
    MissingGrade,
    /// The file's version has no migration to the current version.
    MissingMigration,
    /// More problems than are listed: the list was cut short.
    MoreProblems,
    /// The file was saved by a newer Stocktake.
    NewerVersion,
    /// An indicator's value that is not a number.
    NotANumber,
    /// The file is not JSON.
    NotJson,
    /// The file is JSON but not a Stocktake self-evaluation.
    NotStocktake,
    /// A statement's notes are longer than the limit.
    NotesTooLong,
    /// A date outside the years whose bank holidays are known.
    OutOfCoverage,
    /// A number outside the range the field accepts.
    OutOfRange,
    /// The file is larger than the page reads.
    TooBig,
    /// A text is longer than the limit.
    TooLong,
    /// More items than a file holds (audits).
    TooMany,
    /// An area id the framework does not have.
    UnknownArea,
    /// An assumption id the pathway does not have.
    UnknownAssumption,
    /// An audit criterion id the framework does not have.
    UnknownCriterion,
    /// An evidence source id the framework does not have.
    UnknownEvidence,
    /// A framework id this version does not know.
    UnknownFramework,
    /// An indicator id the framework does not have.
    UnknownIndicator,
    /// A judgement id the framework does not have.
    UnknownJudgement,
    /// A level id the framework does not have.
    UnknownLevel,
    /// A workshop scenario id that is not known.
    UnknownScenario,
    /// A statement id the framework does not have.
    UnknownStatement,
    /// A value of the wrong shape (an object, list or text expected).
    WrongShape,
}

impl Code {
    /// Every code, for tests and documentation.
    pub const ALL: &[Code] = &[
        Code::UnknownStatus,
        Code::AfterAssessment,
        Code::InvalidCodes,
        Code::NotApplicable,
        Code::InvalidKind,
        Code::EndedBeforeStarted,
        Code::BeforeIlacs,
        Code::Encrypted,
        Code::FutureDate,
        Code::Invalid,
        Code::InvalidDate,
        Code::InvalidGrade,
        Code::InvalidNumber,
        Code::InvalidVersion,
        Code::LooksPersonal,
        Code::Missing,
        Code::MissingGrade,
        Code::MissingMigration,
        Code::MoreProblems,
        Code::NewerVersion,
        Code::NotANumber,
        Code::NotJson,
        Code::NotStocktake,
        Code::NotesTooLong,
        Code::OutOfCoverage,
        Code::OutOfRange,
        Code::TooBig,
        Code::TooLong,
        Code::TooMany,
        Code::UnknownArea,
        Code::UnknownAssumption,
        Code::UnknownCriterion,
        Code::UnknownEvidence,
        Code::UnknownFramework,
        Code::UnknownIndicator,
        Code::UnknownJudgement,
        Code::UnknownLevel,
        Code::UnknownScenario,
        Code::UnknownStatement,
        Code::WrongShape,
    ];

    /// The code's name as the page sees it, such as `invalid_date`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnknownStatus => "unknown_status",
            Code::AfterAssessment => "after_assessment",
            Code::InvalidCodes => "invalid_codes",
            Code::NotApplicable => "not_applicable",
            Code::InvalidKind => "invalid_kind",
            Code::EndedBeforeStarted => "ended_before_started",
            Code::BeforeIlacs => "before_ilacs",
            Code::Encrypted => "encrypted",
            Code::FutureDate => "future_date",
            Code::Invalid => "invalid",
            Code::InvalidDate => "invalid_date",
            Code::InvalidGrade => "invalid_grade",
            Code::InvalidNumber => "invalid_number",
            Code::InvalidVersion => "invalid_version",
            Code::LooksPersonal => "looks_personal",
            Code::Missing => "missing",
            Code::MissingGrade => "missing_grade",
            Code::MissingMigration => "missing_migration",
            Code::MoreProblems => "more_problems",
            Code::NewerVersion => "newer_version",
            Code::NotANumber => "not_a_number",
            Code::NotJson => "not_json",
            Code::NotStocktake => "not_stocktake",
            Code::NotesTooLong => "notes_too_long",
            Code::OutOfCoverage => "out_of_coverage",
            Code::OutOfRange => "out_of_range",
            Code::TooBig => "too_big",
            Code::TooLong => "too_long",
            Code::TooMany => "too_many",
            Code::UnknownArea => "unknown_area",
            Code::UnknownAssumption => "unknown_assumption",
            Code::UnknownCriterion => "unknown_criterion",
            Code::UnknownEvidence => "unknown_evidence",
            Code::UnknownFramework => "unknown_framework",
            Code::UnknownIndicator => "unknown_indicator",
            Code::UnknownJudgement => "unknown_judgement",
            Code::UnknownLevel => "unknown_level",
            Code::UnknownScenario => "unknown_scenario",
            Code::UnknownStatement => "unknown_statement",
            Code::WrongShape => "wrong_shape",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

/// One thing wrong with the caller's input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Problem {
    /// The field the problem is about, as a dotted path into the input, such as
    /// `assessedOn` or `answers.hp_front_door.level`. Empty for the input as a whole.
    pub field: String,
    /// What kind of problem it is.
    pub code: Code,
    /// The message a user reads in the error summary and beside the field, such as
    /// "The date of this self-evaluation must be a real date".
    pub message: String,
}

impl Problem {
    /// A problem about `field` with a `code` and a `message`.
    pub fn new(field: impl Into<String>, code: Code, message: impl Into<String>) -> Problem {
        Problem {
            field: field.into(),
            code,
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_serialises_as_its_name_and_names_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for c in Code::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), serde_json::json!(c.as_str()));
            assert!(seen.insert(c.as_str()), "{c} twice");
            assert!(c.as_str().chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'));
        }
    }
}
