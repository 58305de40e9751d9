//! Embedded data: every `crate/data/**/*.toml` file is converted to JSON by `build.rs` and
//! included here, so data changes need no code change and the wasm carries no TOML parser.
//!
//! The data types are read from a [`serde_json::Value`] by [`FromJson`], a small hand-rolled
//! reader declared per type with [`from_json!`], not by `#[derive(Deserialize)]`: serde's derive
//! generates a visitor per type and monomorphises it per deserialiser, which cost about a quarter
//! of the wasm (docs/performance.md). The types keep their serde derives for native tools and
//! tests; a test checks that both readers agree on every embedded file. (The framework files have
//! their own hand-written readers in `framework.rs`.)
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The JSON text of an embedded data file, by its path under `crate/data/` without `.toml`,
/// for example `embedded_json!("frameworks/index")`.
macro_rules! embedded_json {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $path, ".json"))
    };
}

/// Declares how a data struct is read from JSON: `from_json!(Type { field, other [default] })`.
/// Each field is read from the key of the same name; `[default]` fields take `Default::default()`
/// when absent (serde's `#[serde(default)]`), `Option` fields are `None` when absent or null, and
/// any other absent field is an error. Unknown keys are ignored, as serde does.
macro_rules! from_json {
    ($ty:ident { $($field:ident $([$default:ident])?),* $(,)? }) => {
        impl $crate::data::FromJson for $ty {
            fn from_json(v: &serde_json::Value) -> Result<Self, String> {
                let o = $crate::data::object(v)?;
                Ok($ty { $($field: from_json!(@get o, $field $(, $default)?)),* })
            }
        }
    };
    (@get $o:ident, $field:ident) => {
        $crate::data::field($o, stringify!($field))?
    };
    (@get $o:ident, $field:ident, default) => {
        $crate::data::field_or_default($o, stringify!($field))?
    };
}

/// A type read from embedded JSON data (see [`from_json!`]).
pub(crate) trait FromJson: Sized {
    /// Reads the value, or says what is wrong with it.
    fn from_json(v: &Value) -> Result<Self, String>;
    /// The value of an absent key: `None` (an error) except for `Option`.
    fn absent() -> Option<Self> {
        None
    }
}

/// The object a struct is read from.
pub(crate) fn object(v: &Value) -> Result<&Map<String, Value>, String> {
    v.as_object().ok_or_else(|| format!("expected an object, found {v}"))
}

/// A required field (or an `Option`).
pub(crate) fn field<T: FromJson>(o: &Map<String, Value>, key: &str) -> Result<T, String> {
    match o.get(key) {
        Some(v) => T::from_json(v).map_err(|e| format!("{key}: {e}")),
        None => T::absent().ok_or_else(|| format!("missing field `{key}`")),
    }
}

/// A field with a default.
pub(crate) fn field_or_default<T: FromJson + Default>(o: &Map<String, Value>, key: &str) -> Result<T, String> {
    match o.get(key) {
        Some(v) => T::from_json(v).map_err(|e| format!("{key}: {e}")),
        None => Ok(T::default()),
    }
}

fn invalid<T>(what: &str, v: &Value) -> Result<T, String> {
    Err(format!("expected {what}, found {v}"))
}

impl FromJson for String {
    fn from_json(v: &Value) -> Result<Self, String> {
        v.as_str()
            .map(str::to_string)
            .map_or_else(|| invalid("a string", v), Ok)
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Result<Self, String> {
        v.as_bool().map_or_else(|| invalid("a boolean", v), Ok)
    }
}

impl FromJson for f64 {
    fn from_json(v: &Value) -> Result<Self, String> {
        v.as_f64().map_or_else(|| invalid("a number", v), Ok)
    }
}

/// Whole numbers: as serde reads them from a `Value` (an integer in range; not a float).
macro_rules! from_json_int {
    ($($t:ty),*) => {$(
        impl FromJson for $t {
            fn from_json(v: &Value) -> Result<Self, String> {
                let n = match (v.as_u64(), v.as_i64()) {
                    (Some(n), _) => <$t>::try_from(n).ok(),
                    (None, Some(n)) => <$t>::try_from(n).ok(),
                    _ => None,
                };
                n.map_or_else(|| invalid(concat!("a whole number (", stringify!($t), ")"), v), Ok)
            }
        }
    )*};
}
from_json_int!(u32, i32, i64, usize);

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Result<Self, String> {
        if v.is_null() {
            Ok(None)
        } else {
            T::from_json(v).map(Some)
        }
    }
    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Result<Self, String> {
        match v.as_array() {
            Some(items) => items
                .iter()
                .enumerate()
                .map(|(i, x)| T::from_json(x).map_err(|e| format!("[{i}]: {e}")))
                .collect(),
            None => invalid("an array", v),
        }
    }
}

impl<const N: usize> FromJson for [u32; N] {
    fn from_json(v: &Value) -> Result<Self, String> {
        let items: Vec<u32> = FromJson::from_json(v)?;
        items.try_into().or_else(|_| invalid(&format!("{N} numbers"), v))
    }
}

impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(v: &Value) -> Result<Self, String> {
        object(v)?
            .iter()
            .map(|(k, x)| T::from_json(x).map(|x| (k.clone(), x)).map_err(|e| format!("{k}: {e}")))
            .collect()
    }
}

impl FromJson for crate::grade::Grade {
    fn from_json(v: &Value) -> Result<Self, String> {
        v.as_str()
            .and_then(Self::from_id)
            .map_or_else(|| invalid("a grade", v), Ok)
    }
}

impl FromJson for crate::route::Route {
    fn from_json(v: &Value) -> Result<Self, String> {
        use crate::route::Route;
        match v.as_str() {
            Some("short") => Ok(Route::Short),
            Some("standard") => Ok(Route::Standard),
            Some("monitoring") => Ok(Route::Monitoring),
            _ => invalid("a route", v),
        }
    }
}

/// Parses an embedded data file. Embedded data is checked by the invariant tests, so a parse
/// failure is a build defect, not a user error: it panics with the file's name. Parsing happens
/// once per file (the callers cache in `OnceLock`s).
pub(crate) fn parse<T: FromJson>(name: &str, json: &str) -> T {
    T::from_json(&parse_value(name, json)).unwrap_or_else(|e| panic!("embedded data {name} is malformed: {e}"))
}

/// Parses an embedded data file to a [`Value`], panicking like [`parse`].
pub(crate) fn parse_value(name: &str, json: &str) -> Value {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("embedded data {name} is malformed: {e}"))
}

/// Parses an embedded data file with serde's derived `Deserialize`: for the workshop scenarios
/// and provider pathways, whose nested prose-heavy types have no hand-written reader yet. Costs
/// some wasm size per type (see [`FromJson`]); embedded data is checked by invariant tests, so a
/// failure panics with the file's name.
pub(crate) fn parse_serde<T: serde::de::DeserializeOwned>(name: &str, json: &str) -> T {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("embedded data {name} is malformed: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Debug;

    /// The hand-rolled reader gives exactly what serde's derive gives.
    fn agrees<T: FromJson + serde::de::DeserializeOwned + Debug>(name: &str, json: &str) {
        let ours: T = parse(name, json);
        let serde: T = serde_json::from_str(json).unwrap();
        assert_eq!(format!("{ours:?}"), format!("{serde:?}"), "{name}");
    }

    #[test]
    fn every_embedded_file_reads_as_serde_reads_it() {
        agrees::<crate::base_rates::Stored>("base_rates", embedded_json!("base_rates"));
        agrees::<crate::calendar::HolidayTable>("bank-holidays", embedded_json!("calendar/bank-holidays"));
        agrees::<crate::frameworks::Index>("index", embedded_json!("frameworks/index"));
        agrees::<crate::pathway::RulesData>("pathway rules", embedded_json!("pathway/rules"));
        agrees::<crate::pathway::AssumptionFile>("assumptions", embedded_json!("pathway/assumptions"));
        agrees::<crate::route::Routes>("routes", embedded_json!("routes"));
    }

    #[test]
    fn absent_required_fields_and_wrong_types_are_errors() {
        let v: Value = serde_json::from_str(r#"{"id": "x", "text": "t", "source": "s"}"#).unwrap();
        assert!(crate::pathway::RuleRef::from_json(&v).unwrap_err().contains("tag"));
        let v: Value = serde_json::from_str(r#"{"from": "good", "to": "good", "count": 1.5}"#).unwrap();
        assert!(crate::base_rates::Transition::from_json(&v).is_err());
        let v: Value = serde_json::from_str(r#"{"from": "good", "to": "great", "count": 1}"#).unwrap();
        assert!(crate::base_rates::Transition::from_json(&v).is_err());
        assert_eq!(Option::<u32>::from_json(&Value::Null), Ok(None));
        assert_eq!(<[u32; 2]>::from_json(&serde_json::json!([1, 2])), Ok([1, 2]));
        assert!(<[u32; 2]>::from_json(&serde_json::json!([1])).is_err());
        assert!(u32::from_json(&serde_json::json!(-1)).is_err());
        assert_eq!(i32::from_json(&serde_json::json!(-1)), Ok(-1));
    }
}
