//! For trainers: the fictional workshop scenarios in full ([`scenarios`]) and the comparison of
//! participants' answers ([`compare`]). Imports from every layer below.
pub mod compare;
pub mod scenarios;
