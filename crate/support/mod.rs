//! Infrastructure with no domain types: reading the embedded data files, and the shape of a
//! problem reported as data. Imports nothing from the crate.
#[macro_use]
pub mod embedded;
pub mod problems;
pub mod text;
