//! When the next inspection is likely and what happens around it: working days and bank holidays
//! ([`calendar`]), the pathway's rules and adjustable assumptions as data ([`rules`]), an
//! authority's inspection history ([`history`]), what a pathway produces ([`timeline`]), the calendar of polls that
//! hold an authority's reports ([`polls`]), the local authority (ILACS, [`ilacs`]) and provider (SCCIF, [`provider`]) pathways, and the base
//! rates from the public record of inspections ([`base_rates`]). Imports from `support`, `model`,
//! `framework`, `assessment` and `scoring`.
use serde_json::Value;

pub mod base_rates;
pub mod calendar;
pub mod history;
pub mod ilacs;
pub mod polls;
pub mod provider;
pub mod rules;
/// The shapes of the pathway, bank-holiday and base-rate data files (baked into Rust by `build.rs`).
/// (Fields the data file describes beside its values may go undocumented here.)
#[allow(missing_docs)]
pub mod shapes;
pub mod timeline;

/// Computes the pathway from the JSON input `{ framework, today, history, projected,
/// assumptions }`: a provider framework (family `sccif` in the catalogue) from its own pathway
/// data ([`provider`]), any other as a local authority ([`ilacs`]). Never panics on bad input:
/// problems are returned as data.
pub fn pathway(input: &Value) -> timeline::PathwayResult {
    match provider::for_framework(input.get("framework").and_then(Value::as_str)) {
        Some(p) => p.pathway(input),
        None => ilacs::pathway(input),
    }
}
