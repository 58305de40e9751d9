//! From a self-evaluation to judgements: the best fit and limiting rules ([`score`]), the
//! inspection route a set of grades leads to ([`route`]), and how far the evidence could move
//! them ([`simulate`]). Imports from `support`, `model`, `framework` and `assessment`.
pub mod audits;
pub mod route;
pub mod score;
/// The shapes of the route data file (baked into Rust by `build.rs`).
/// (Fields the data file describes beside its values may go undocumented here.)
#[allow(missing_docs)]
pub mod shapes;
pub mod simulate;
