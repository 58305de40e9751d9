//! The vocabulary every layer above shares: the four-point grade, the level of a self-rating,
//! the kinds of inspection, the tag of a source, and calendar dates written `YYYY-MM-DD`. Imports only from `support`.
pub mod date;
pub mod grade;
pub mod inspection;
pub mod level;
pub mod source;
