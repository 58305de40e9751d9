//! Validation problems as data. A problem names the field it is about (a JSON-pointer-like
//! path such as `answers.hp_front_door.level`), so the page can show it in a GOV.UK error
//! summary linked to that field. Problems are returned, never thrown: exceptions are only for
//! broken contracts between the page and the core.
use serde::Serialize;

/// One thing wrong with the caller's input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Problem {
    /// The field the problem is about, as a dotted path into the input, such as
    /// `assessedOn` or `answers.hp_front_door.level`. Empty for the input as a whole.
    pub field: String,
    /// A stable machine-readable code, such as `invalid_date` or `unknown_statement`.
    pub code: String,
    /// A plain-English message for the error summary, such as "Enter a real date, like 2026-03-31".
    pub message: String,
}

impl Problem {
    /// A problem about `field` with a `code` and a `message`.
    pub fn new(field: impl Into<String>, code: &str, message: impl Into<String>) -> Problem {
        Problem {
            field: field.into(),
            code: code.to_string(),
            message: message.into(),
        }
    }
}
