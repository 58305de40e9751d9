//! Embedded data: every `crate/data/**/*.toml` file is converted to JSON by `build.rs` and
//! included in the binary, so data changes need no code change and the wasm carries no TOML
//! parser. Each data type reads itself with serde's derive, every field named once.

/// The JSON text of an embedded data file, by its path under `crate/data/` without `.toml`,
/// for example `embedded_json!("frameworks/index")`.
macro_rules! embedded_json {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $path, ".json"))
    };
}

/// Reads an embedded data file as a `T`. Embedded data is checked by the invariant tests, so a
/// file that does not read is a build defect, not a user error: it panics with the file's name
/// and serde's message (which names the field, line and column). Callers cache the result in a
/// `OnceLock`, so each file is read once.
pub fn parse<T: serde::de::DeserializeOwned>(name: &str, json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("embedded data {name} is malformed: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Sample {
        id: String,
    }

    #[test]
    fn a_malformed_file_names_itself_and_the_field() {
        let p = std::panic::catch_unwind(|| parse::<Sample>("sample", r#"{"id": 3}"#)).unwrap_err();
        let msg = p.downcast_ref::<String>().unwrap();
        assert!(
            msg.starts_with("embedded data sample is malformed: invalid type: integer `3`"),
            "{msg}"
        );
        let p = std::panic::catch_unwind(|| parse::<Sample>("other", "{}")).unwrap_err();
        assert!(p.downcast_ref::<String>().unwrap().contains("missing field `id`"));
    }
}
