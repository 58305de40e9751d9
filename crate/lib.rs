//! # Stocktake
//!
//! A private self-evaluation against Ofsted's ILACS framework (Inspection of Local Authority
//! Children's Services) for a Director of Children's Services: score candid answers, see the
//! judgements Ofsted would likely reach and the inspection pathway that follows.
//!
//! The core is plain Rust: no wasm dependency and no clock (the caller passes "today").
//! Frameworks, statements, rules and bank holidays are data files under `crate/data/`, embedded
//! at compile time and guarded by invariant tests. Every `#[wasm_bindgen]` item lives in the one
//! binding module, compiled only for `wasm32`.
//!
//! ```
//! let catalogue = stocktake::framework::catalogue::catalogue();
//! assert!(catalogue.iter().any(|f| f.id == "ilacs-2026-04" && f.current));
//! ```
//!
//! Scoring a self-evaluation (see [`score`] for the rules and `DESIGN.md` for why):
//!
//! ```
//! use stocktake::{assessment::Assessment, model::grade::Grade, model::level::Level};
//! let mut a = Assessment::default(); // the current framework
//! for (_, s) in stocktake::framework::current().statements() {
//!     a.set(&s.id, Level::Good);
//! }
//! a.set("hp_front_door", Level::Inadequate); // safety-critical
//! let r = stocktake::scoring::score::score(&a);
//! let hp = r.judgements.iter().find(|j| j.id == "help_and_protection").unwrap();
//! assert_eq!(hp.grade, Some(Grade::Inadequate));
//! assert_eq!(hp.reasons.last().unwrap().rule_id.as_deref(), Some("jr_critical_inadequate"));
//! assert!(r.overall.is_none()); // no overall effectiveness from April 2026
//! ```
#![deny(missing_docs)]

// The layers, lowest first: each imports only from the layers above it in this list
// (DESIGN.md, "Code map"; `tests/layers.rs` holds the rule).
// The baked data (build.rs) builds its vectors with `alloc::vec!`.
extern crate alloc;

#[macro_use]
pub mod support;
pub mod assessment;
pub mod framework;
pub mod model;
pub mod pathway;
pub mod review;
pub mod scoring;
pub mod workshop;

#[cfg(target_arch = "wasm32")]
pub mod bindings;

/// The version of this crate, as shown on the page.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

// The TypeScript declarations of the API's values, generated in test builds (www/types/core.d.ts).
#[cfg(test)]
mod types;
