//! Embedded data. `build.rs` reads every `crate/data/**/*.toml` file into its type (the
//! `shapes.rs` of its layer) and bakes it into Rust: [`baked!`] includes the value. The workshop
//! scenarios alone stay JSON text ([`embedded_json!`]), read by serde's derive with [`parse`]
//! when the trainers' build first needs them.

/// An embedded data file as its value, baked into Rust by `build.rs`: the expression that builds
/// it, by its path under `crate/data/` without `.toml`, for example `baked!("routes")`.
macro_rules! baked {
    ($path:literal) => {
        include!(concat!(env!("OUT_DIR"), "/baked/", $path, ".rs"))
    };
}

/// The JSON text of an embedded data file, by its path under `crate/data/` without `.toml`,
/// for example `embedded_json!("frameworks/index")`.
macro_rules! embedded_json {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $path, ".json"))
    };
}

/// Text in embedded data: borrowed from the binary when baked, owned when read at run time.
pub type Text = std::borrow::Cow<'static, str>;

/// A list in embedded data: a static slice when baked, a vector when read at run time.
pub type List<T> = std::borrow::Cow<'static, [T]>;

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
