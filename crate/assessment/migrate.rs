//! Saved-file versions and the migrations between them.
//!
//! Every saved file carries `version`. This build reads every version from 1 to
//! [`FORMAT_VERSION`]: an older file is brought up to date by a
//! chain of migrations, one per step (`MIGRATIONS[0]` turns version 1 into version 2, and so on),
//! before the lenient parser reads it. A newer file is refused with `newer_version`, never
//! half-read.
//!
//! **Changing the file format** (DESIGN.md, "Files"): bump `FORMAT_VERSION`, append a migration
//! from the previous version to [`MIGRATIONS`], and add golden files under `tests/golden/v<N>/`.
//! The tests fail until all three are done: `MIGRATIONS` must have exactly `FORMAT_VERSION - 1`
//! entries, the current version must have golden files, and every older golden file must still
//! open and score identically.
use crate::support::problems::{Code, Problem};
use serde_json::Value;

/// The newest file version this build reads and writes.
pub const FORMAT_VERSION: u64 = 2;

/// A non-negative whole number, whether JSON wrote it as `1` or `1.0` (JavaScript numbers are floats).
pub fn whole(v: &Value) -> Option<u64> {
    v.as_u64().or_else(|| {
        v.as_f64()
            .filter(|x| x.fract() == 0.0 && *x >= 0.0 && *x <= 9_007_199_254_740_991.0)
            .map(|x| x as u64)
    })
}

/// One step: turns a file of version `n` into version `n + 1` (the `version` field is set by
/// [`migrate_with`], not by the step). A step may refuse a file it cannot convert.
pub type Migration = fn(Value) -> Result<Value, Problem>;

/// The migrations of this build, oldest first: `MIGRATIONS[i]` migrates version `i + 1` to
/// `i + 2`.
pub const MIGRATIONS: &[Migration] = &[v1_to_v2];

/// Version 2 added the optional `audits` list. A version 1 file has none; one that holds an
/// `audits` member anyway (written by hand, or by nothing of ours) loses it, since version 1 never
/// defined it, so a version 1 file scores exactly as before.
fn v1_to_v2(mut value: Value) -> Result<Value, Problem> {
    if let Some(obj) = value.as_object_mut() {
        obj.remove("audits");
    }
    Ok(value)
}

/// The file's version: a missing or `null` `version` means 1 (the first format).
///
/// # Errors
/// `invalid_version` when it is not a whole number from 1.
pub fn version_of(value: &Value) -> Result<u64, Problem> {
    match value.get("version") {
        None | Some(Value::Null) => Ok(1),
        Some(v) => match whole(v) {
            Some(n) if n >= 1 => Ok(n),
            _ => Err(Problem::new(
                "version",
                Code::InvalidVersion,
                "The file's version is not a whole number from 1, so it was not saved by Stocktake or has been changed",
            )),
        },
    }
}

/// Brings a saved file (already known to be a Stocktake object) up to the current version.
///
/// # Errors
/// `newer_version` for a file from a newer Stocktake, `invalid_version` for a nonsense version,
/// and whatever a migration step refuses.
pub fn migrate(value: Value) -> Result<Value, Problem> {
    migrate_with(value, FORMAT_VERSION, MIGRATIONS)
}

/// [`migrate`] for a given current version and chain (so the mechanism can be tested before a
/// second version exists).
///
/// # Errors
/// As [`migrate`], plus `missing_migration` when the chain has no step for a version.
pub fn migrate_with(mut value: Value, current: u64, migrations: &[Migration]) -> Result<Value, Problem> {
    let mut version = version_of(&value)?;
    if version > current {
        return Err(Problem::new(
            "version",
            Code::NewerVersion,
            format!(
                "This file was saved by a newer version of Stocktake (file version {version}; this page reads versions up to {current}). Open it with the newer Stocktake, or ask whoever sent it to save it again"
            ),
        ));
    }
    while version < current {
        let Some(step) = usize::try_from(version - 1).ok().and_then(|i| migrations.get(i)) else {
            return Err(Problem::new(
                "version",
                Code::MissingMigration,
                format!("This page cannot convert file version {version} to version {current}"),
            ));
        };
        value = step(value)?;
        version += 1;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("version".into(), Value::from(version));
        }
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_version_but_the_first_has_exactly_one_migration() {
        assert_eq!(
            MIGRATIONS.len() as u64,
            FORMAT_VERSION - 1,
            "bumping FORMAT_VERSION needs a migration from the previous version in MIGRATIONS"
        );
    }

    #[test]
    fn the_current_version_passes_through_unchanged() {
        let v = json!({ "format": "stocktake-assessment", "version": 2, "answers": {} });
        assert_eq!(migrate(v.clone()).unwrap(), v);
    }

    #[test]
    fn a_version_1_file_becomes_version_2_without_audits() {
        let no_version = json!({ "format": "stocktake-assessment" });
        assert_eq!(
            migrate(no_version).unwrap(),
            json!({ "format": "stocktake-assessment", "version": 2 })
        );
        let stray = json!({ "format": "stocktake-assessment", "version": 1, "audits": [{ "caseRef": "A" }] });
        assert_eq!(
            migrate(stray).unwrap(),
            json!({ "format": "stocktake-assessment", "version": 2 })
        );
    }

    #[test]
    fn newer_and_nonsense_versions_are_refused() {
        for (v, code) in [
            (json!(FORMAT_VERSION + 1), "newer_version"),
            (json!(1e300), "invalid_version"),
            (json!(0), "invalid_version"),
            (json!(1.5), "invalid_version"),
            (json!("1"), "invalid_version"),
            (json!(-1), "invalid_version"),
        ] {
            let e = migrate(json!({ "version": v })).unwrap_err();
            assert_eq!((e.field.as_str(), e.code.as_str()), ("version", code), "{v}");
        }
    }

    #[test]
    fn a_future_version_2_needs_a_migration_entry() {
        let v1 = json!({ "format": "stocktake-assessment", "version": 1, "notes": "old name" });
        // Version 2 without a migration: version 1 files cannot be opened.
        let e = migrate_with(v1.clone(), 2, &[]).unwrap_err();
        assert_eq!(e.code, "missing_migration");
        // With one: the step runs and the version is set.
        fn rename(mut v: Value) -> Result<Value, Problem> {
            let notes = v.as_object_mut().and_then(|o| o.remove("notes")).unwrap_or(Value::Null);
            v["summary"] = notes;
            Ok(v)
        }
        let v2 = migrate_with(v1, 2, &[rename]).unwrap();
        assert_eq!(
            v2,
            json!({ "format": "stocktake-assessment", "version": 2, "summary": "old name" })
        );
        // A step may refuse.
        fn refuse(_: Value) -> Result<Value, Problem> {
            Err(Problem::new("answers", Code::WrongShape, "no"))
        }
        assert_eq!(migrate_with(json!({}), 2, &[refuse]).unwrap_err().code, "wrong_shape");
        // Files of the newest version skip the chain; a 3-version chain runs both steps in order.
        assert_eq!(
            migrate_with(json!({ "version": 2 }), 2, &[refuse]).unwrap(),
            json!({ "version": 2 })
        );
        fn mark(mut v: Value) -> Result<Value, Problem> {
            let n = v["steps"].as_u64().unwrap_or(0);
            v["steps"] = json!(n + 1);
            Ok(v)
        }
        assert_eq!(
            migrate_with(json!({ "version": 1 }), 3, &[mark, mark]).unwrap(),
            json!({ "version": 3, "steps": 2 })
        );
    }
}
