//! Embedded data: every `crate/data/**/*.toml` file is converted to JSON by `build.rs` and
//! included here, so data changes need no code change and the wasm carries no TOML parser.
//!
//! The data types are read from a [`serde_json::Value`] by [`FromJson`], a small hand-rolled
//! reader declared per type with [`from_json!`], not by `#[derive(Deserialize)]`: serde's derive
//! generates a visitor per type and monomorphises it per deserialiser, which cost about a quarter
//! of the wasm (docs/performance.md). The types keep their serde derives for native tools and
//! tests; a test checks that both readers agree on every embedded file. (The framework files have
//! their own hand-written readers in `framework.rs`.) The JavaScript arguments that are read as
//! typed values (`overallEffectiveness`' grades, `compareParticipants`' files) use the same
//! readers, so the wasm holds no serde `Deserialize` code at all (and no serde_json: `crate::json`
//! reads and writes the JSON).
use serde_json::Value;
type Map = serde_json::Map<String, Value>;
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
///
/// These structs are embedded data, which the invariant tests check, so a malformed *field* is a
/// build defect and panics with the field, the problem and the object ([`required`]); the reader
/// returns an error only when the value is not an object at all. Not returning each field's error
/// spares every struct reader the code that drops the fields already read when a later one fails
/// (3.2 KB of the gzipped wasm, docs/performance.md).
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
        $crate::data::required($o, stringify!($field))
    };
    (@get $o:ident, $field:ident, default) => {
        $crate::data::defaulted($o, stringify!($field))
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
pub(crate) fn object(v: &Value) -> Result<&Map, String> {
    v.as_object().ok_or_else(|| format!("expected an object, found {v}"))
}

// The readers below are generic, so their bodies are copied into every field of every struct:
// the key lookup and the error messages live in small non-generic functions instead, so each
// copy is a call, a branch and the type's own reader.

/// The value of a key (not inlined: one B-tree search shared by every field).
#[inline(never)]
fn lookup<'a>(o: &'a Map, key: &str) -> Option<&'a Value> {
    o.get(key)
}

/// `key: error`, for an error inside a field.
#[cold]
#[inline(never)]
fn in_key(key: &str, e: String) -> String {
    format!("{key}: {e}")
}

/// `[i]: error`, for an error inside an array item.
#[cold]
#[inline(never)]
fn in_item(i: usize, e: String) -> String {
    format!("[{i}]: {e}")
}

/// ``missing field `key` ``, as serde says it.
#[cold]
#[inline(never)]
fn missing(key: &str) -> String {
    format!("missing field `{key}`")
}

/// A required field (or an `Option`) of an embedded data struct: its value, or a panic naming the
/// problem and the object (see [`from_json!`]).
pub(crate) fn required<T: FromJson>(o: &Map, key: &str) -> T {
    match field(o, key) {
        Ok(v) => v,
        Err(e) => malformed_field(e, o),
    }
}

/// A field with a default of an embedded data struct (see [`required`]).
pub(crate) fn defaulted<T: FromJson + Default>(o: &Map, key: &str) -> T {
    match field_or_default(o, key) {
        Ok(v) => v,
        Err(e) => malformed_field(e, o),
    }
}

#[cold]
#[inline(never)]
fn malformed_field(e: String, o: &Map) -> ! {
    malformed("embedded data", &e, &Value::Object(o.clone()))
}

/// Panics: embedded data (`what`) is malformed, saying what is wrong and where (the value, cut
/// to 300 characters). Shared by every reader of embedded data.
#[cold]
#[inline(never)]
pub(crate) fn malformed(what: &str, problem: &str, v: &Value) -> ! {
    let shown: String = v.to_string().chars().take(300).collect();
    panic!("{what} is malformed: {problem} in {shown}")
}

/// A required field (or an `Option`).
pub(crate) fn field<T: FromJson>(o: &Map, key: &str) -> Result<T, String> {
    match lookup(o, key) {
        Some(v) => T::from_json(v).map_err(|e| in_key(key, e)),
        None => T::absent().ok_or_else(|| missing(key)),
    }
}

/// A field with a default.
pub(crate) fn field_or_default<T: FromJson + Default>(o: &Map, key: &str) -> Result<T, String> {
    match lookup(o, key) {
        Some(v) => T::from_json(v).map_err(|e| in_key(key, e)),
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
        let Some(items) = v.as_array() else {
            return invalid("an array", v);
        };
        // A plain loop: `collect` into a `Result` costs several iterator adapters per element type.
        let mut out = Vec::with_capacity(items.len());
        for (i, x) in items.iter().enumerate() {
            out.push(T::from_json(x).map_err(|e| in_item(i, e))?);
        }
        Ok(out)
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
        // Inserted one by one: collecting into a BTreeMap sorts, a copy of the sort per type.
        let mut map = BTreeMap::new();
        for (k, x) in object(v)? {
            map.insert(k.clone(), T::from_json(x).map_err(|e| in_key(k, e))?);
        }
        Ok(map)
    }
}

/// Any JSON, kept as it is (serde's `Value` field).
impl FromJson for Value {
    fn from_json(v: &Value) -> Result<Self, String> {
        Ok(v.clone())
    }
}

/// The id of a unit enum variant, read as serde's derive reads it from a `Value`: a string, or
/// the externally tagged form, an object with that one key and a null value (`{"good": null}`).
fn variant_id(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Object(o) if o.len() == 1 => o.iter().next().filter(|(_, x)| x.is_null()).map(|(k, _)| k.as_str()),
        _ => None,
    }
}

/// A unit enum variant by its id (`what` names the enum in the error).
fn variant<T>(v: &Value, what: &str, from_id: impl FnOnce(&str) -> Option<T>) -> Result<T, String> {
    variant_id(v).and_then(from_id).map_or_else(|| invalid(what, v), Ok)
}

impl FromJson for crate::grade::Grade {
    fn from_json(v: &Value) -> Result<Self, String> {
        variant(v, "a grade", Self::from_id)
    }
}

impl FromJson for crate::route::Route {
    fn from_json(v: &Value) -> Result<Self, String> {
        use crate::route::Route;
        variant(v, "a route", |id| match id {
            "short" => Some(Route::Short),
            "standard" => Some(Route::Standard),
            "monitoring" => Some(Route::Monitoring),
            _ => None,
        })
    }
}

impl FromJson for crate::history::InspectionKind {
    fn from_json(v: &Value) -> Result<Self, String> {
        variant(v, "an inspection kind", Self::from_id)
    }
}

impl FromJson for crate::scenarios::Route {
    fn from_json(v: &Value) -> Result<Self, String> {
        variant(v, "a scenario route", |id| Self::ALL.into_iter().find(|r| r.id() == id))
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
    serde_json::from_str::<serde_json::Value>(json).unwrap_or_else(|e| panic!("embedded data {name} is malformed: {e}"))
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
        for (name, json) in crate::scenarios::FILES {
            agrees::<crate::scenarios::Scenario>(name, json);
        }
        for (name, json) in crate::provider_pathway::FILES {
            agrees::<crate::provider_pathway::ProviderPathway>(name, json);
        }
    }

    /// Accepted and rejected as serde's derive does from a `Value`, with the same result.
    fn same_as_serde<T: FromJson + serde::de::DeserializeOwned + Debug>(v: &Value) {
        let ours = T::from_json(v);
        let serde = serde_json::from_value::<T>(v.clone());
        assert_eq!(ours.is_ok(), serde.is_ok(), "{v}: {ours:?} / {serde:?}");
        assert_eq!(format!("{:?}", ours.ok()), format!("{:?}", serde.ok()), "{v}");
    }

    #[test]
    fn enums_and_grade_maps_read_as_serde_reads_them() {
        use serde_json::json;
        let ids = [
            "good",
            "requires_improvement",
            "Good",
            "great",
            "",
            "short",
            "monitoring",
            "full",
            "assurance",
            "ri_improving",
            "outstanding_one_weak_area",
        ];
        let mut values: Vec<Value> = ids
            .iter()
            .flat_map(|id| {
                [
                    json!(id),
                    Value::Object(Map::from_iter([(id.to_string(), Value::Null)])),
                ]
            })
            .collect();
        values.extend([
            json!(null),
            json!(1),
            json!(1.5),
            json!(true),
            json!([]),
            json!(["good"]),
            json!({}),
            json!({ "good": 1 }),
            json!({ "good": "good" }),
            json!({ "good": null, "short": null }),
        ]);
        for v in &values {
            same_as_serde::<crate::grade::Grade>(v);
            same_as_serde::<crate::route::Route>(v);
            same_as_serde::<crate::history::InspectionKind>(v);
            same_as_serde::<crate::scenarios::Route>(v);
            // `overallEffectiveness`' grades argument.
            same_as_serde::<BTreeMap<String, crate::grade::Grade>>(&json!({ "impact_of_leaders": v }));
            same_as_serde::<BTreeMap<String, crate::grade::Grade>>(v);
        }
        same_as_serde::<BTreeMap<String, crate::grade::Grade>>(&json!({ "a": "good", "b": { "inadequate": null } }));
        let grades = |v| BTreeMap::<String, crate::grade::Grade>::from_json(&v).unwrap_err();
        assert_eq!(grades(json!([])), "expected an object, found []");
        assert_eq!(
            grades(json!({ "care_leavers": "great" })),
            r#"care_leavers: expected a grade, found "great""#
        );
    }

    /// What is wrong with `v` read as a `T`: the reader's error, or the message it panicked with
    /// (a malformed field of an embedded data struct panics: see `from_json!`).
    fn problem<T: FromJson + Debug>(v: &Value) -> String {
        match std::panic::catch_unwind(|| T::from_json(v)) {
            Ok(r) => r.expect_err("should be refused"),
            Err(p) => p.downcast_ref::<String>().cloned().unwrap_or_default(),
        }
    }

    #[test]
    fn scenarios_and_provider_pathways_report_what_is_wrong() {
        use serde_json::json;
        let mut s: Value = parse_value("eastmere", embedded_json!("scenarios/eastmere"));
        let notes = s["facilitator"].as_object_mut().unwrap().remove("judgement").unwrap();
        s["facilitator"]["judgements"] = notes;
        // The facilitator notes are read by hand (their key is `judgement`): an error, with its path.
        let err = problem::<crate::scenarios::Scenario>(&s);
        assert!(
            err.starts_with("embedded data is malformed: facilitator: missing field `judgement` in {\"briefing\":[{"),
            "{err}"
        );
        s["facilitator"]["judgement"] = json!([{ "id": "x" }]);
        let err = problem::<crate::scenarios::Scenario>(&s);
        assert!(
            err.starts_with("embedded data is malformed: missing field `why` in {\"id\":\"x\"}"),
            "{err}"
        );
        s["route"] = json!("good-slipping");
        let err = problem::<crate::scenarios::Scenario>(&s);
        assert!(
            err.starts_with(
                r#"embedded data is malformed: route: expected a scenario route, found "good-slipping" in {"#
            ),
            "{err}"
        );
        let mut p: Value = parse_value("ifa", embedded_json!("pathway/sccif-ifa"));
        p["visit"] = Value::Null;
        assert!(
            problem::<crate::provider_pathway::ProviderPathway>(&p).contains("visit: expected an array, found null")
        );
        p.as_object_mut().unwrap().remove("visit");
        let ok = crate::provider_pathway::ProviderPathway::from_json(&p).unwrap();
        assert!(ok.visit.is_empty());
        p["kinds"] = json!(["full", "short-ish"]);
        let err = problem::<crate::provider_pathway::ProviderPathway>(&p);
        assert!(
            err.contains(r#"kinds: [1]: expected an inspection kind, found "short-ish""#),
            "{err}"
        );
        assert_eq!(
            problem::<crate::provider_pathway::ProviderPathway>(&json!([])),
            "expected an object, found []"
        );
    }

    #[test]
    fn absent_required_fields_and_wrong_types_are_errors() {
        let v: Value = serde_json::from_str(r#"{"id": "x", "text": "t", "source": "s"}"#).unwrap();
        assert!(problem::<crate::pathway::RuleRef>(&v).contains("missing field `tag`"));
        let v: Value = serde_json::from_str(r#"{"from": "good", "to": "good", "count": 1.5}"#).unwrap();
        assert!(problem::<crate::base_rates::Transition>(&v).contains("count: expected a whole number"));
        let v: Value = serde_json::from_str(r#"{"from": "good", "to": "great", "count": 1}"#).unwrap();
        assert!(problem::<crate::base_rates::Transition>(&v).contains(r#"to: expected a grade, found "great""#));
        assert_eq!(Option::<u32>::from_json(&Value::Null), Ok(None));
        assert_eq!(<[u32; 2]>::from_json(&serde_json::json!([1, 2])), Ok([1, 2]));
        assert!(<[u32; 2]>::from_json(&serde_json::json!([1])).is_err());
        assert!(u32::from_json(&serde_json::json!(-1)).is_err());
        assert_eq!(i32::from_json(&serde_json::json!(-1)), Ok(-1));
    }
}
