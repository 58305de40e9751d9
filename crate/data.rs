//! Embedded data: every `crate/data/**/*.toml` file is converted to JSON by `build.rs` and
//! included here, so data changes need no code change and the wasm carries no TOML parser.

/// The JSON text of an embedded data file, by its path under `crate/data/` without `.toml`,
/// for example `embedded_json!("frameworks/index")`.
macro_rules! embedded_json {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $path, ".json"))
    };
}

/// Parses an embedded data file. Embedded data is checked by the invariant tests, so a parse
/// failure is a build defect, not a user error: it panics with the file's name.
///
/// The text is read into a [`serde_json::Value`] first, then each type is deserialised from that
/// `Value`: the JSON parser is then compiled once, not once per data struct, which keeps the wasm
/// small (see docs/performance.md). Parsing happens once per file (the callers cache in `OnceLock`s).
pub(crate) fn parse<T: serde::de::DeserializeOwned>(name: &str, json: &str) -> T {
    let value: serde_json::Value =
        serde_json::from_str(json).unwrap_or_else(|e| panic!("embedded data {name} is malformed: {e}"));
    T::deserialize(value).unwrap_or_else(|e| panic!("embedded data {name} is malformed: {e}"))
}
