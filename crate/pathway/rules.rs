//! The pathway's rules and assumptions as data: the frameworks' start dates and judgements, the
//! pauses in inspection, every step's text with its source and tag
//! (`crate/data/pathway/rules.toml`), and the adjustable figures
//! (`crate/data/pathway/assumptions.toml`).
use crate::pathway::shapes::AssumptionFile;
pub use crate::pathway::shapes::{
    Assumption, Election, EventDef, EventKind, FrameworkRules, Pause, RuleRef, RulesData,
};
use crate::support::problems::{Code, Problem};
use crate::support::text::number_text;
use chrono::NaiveDate;
use serde_json::Value;
use std::cell::RefCell;
use std::sync::OnceLock;

/// The embedded pathway rules.
pub fn rules_data() -> &'static RulesData {
    static DATA: OnceLock<RulesData> = OnceLock::new();
    DATA.get_or_init(|| baked!("pathway/rules"))
}

pub(crate) fn rule(id: &str) -> RuleRef {
    rules_data()
        .rule
        .iter()
        .find(|r| r.id == id)
        .cloned()
        .unwrap_or_else(|| panic!("pathway rule {id} missing from crate/data/pathway/rules.toml"))
}

pub(crate) fn event_def(id: &str) -> &'static EventDef {
    rules_data()
        .event
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("pathway event {id} missing from crate/data/pathway/rules.toml"))
}

fn assumption_file() -> &'static AssumptionFile {
    static FILE: OnceLock<AssumptionFile> = OnceLock::new();
    FILE.get_or_init(|| baked!("pathway/assumptions"))
}

/// Assumption ids no longer used (an override of one is ignored).
pub fn retired_assumptions() -> &'static [crate::support::embedded::Text] {
    &assumption_file().retired
}

/// Every assumption with its default value.
pub fn default_assumptions() -> Vec<Assumption> {
    static DATA: OnceLock<Vec<Assumption>> = OnceLock::new();
    DATA.get_or_init(|| {
        let f = assumption_file();
        f.assumption
            .iter()
            .cloned()
            .map(|mut a| {
                a.value = a.default;
                a
            })
            .collect()
    })
    .clone()
}

/// The assumption values in force, recording which ones a computation reads.
pub struct Assumptions {
    all: Vec<Assumption>,
    /// Which of `all` were read (by position).
    used: RefCell<Vec<bool>>,
}

impl Assumptions {
    /// The defaults.
    pub fn defaults() -> Assumptions {
        let all = default_assumptions();
        Assumptions {
            used: RefCell::new(vec![false; all.len()]),
            all,
        }
    }

    /// The defaults with overrides `{ id: value }` applied; unknown ids, non-numbers and values
    /// out of range are problems (under `field_prefix`) and leave the default in place.
    pub fn with_overrides(overrides: &Value, field_prefix: &str) -> (Assumptions, Vec<Problem>) {
        // An override of a retired assumption (kept in a browser before a recalibration) is dropped.
        let mut overrides = overrides.clone();
        if let Some(obj) = overrides.as_object_mut() {
            for id in retired_assumptions() {
                obj.remove(id.as_ref());
            }
        }
        Assumptions::from_list_with_overrides(default_assumptions(), &overrides, field_prefix)
    }

    /// Like [`Assumptions::with_overrides`], over another list of assumptions (each value set to
    /// its default first), such as a provider pathway's own.
    pub fn from_list_with_overrides(
        list: Vec<Assumption>,
        overrides: &Value,
        field_prefix: &str,
    ) -> (Assumptions, Vec<Problem>) {
        let used = RefCell::new(vec![false; list.len()]);
        let mut a = Assumptions {
            all: list
                .into_iter()
                .map(|mut x| {
                    x.value = x.default;
                    x
                })
                .collect(),
            used,
        };
        let mut problems = Vec::new();
        if overrides.is_null() {
            return (a, problems);
        }
        let Some(obj) = overrides.as_object() else {
            problems.push(Problem::new(
                field_prefix,
                Code::Invalid,
                "Assumptions must be an object of ids to numbers",
            ));
            return (a, problems);
        };
        for (id, v) in obj {
            let field = format!("{field_prefix}.{id}");
            let Some(slot) = a.all.iter_mut().find(|x| &x.id == id) else {
                problems.push(Problem::new(
                    field,
                    Code::UnknownAssumption,
                    format!("{id} is not an assumption"),
                ));
                continue;
            };
            match v.as_f64() {
                Some(x) if x >= slot.min && x <= slot.max => slot.value = x,
                Some(_) => problems.push(Problem::new(
                    field,
                    Code::OutOfRange,
                    format!(
                        "{} must be between {} and {} {}; the default {} was used",
                        slot.label,
                        number_text(slot.min),
                        number_text(slot.max),
                        slot.unit,
                        number_text(slot.default)
                    ),
                )),
                None => problems.push(Problem::new(
                    field,
                    Code::InvalidNumber,
                    format!("{} must be a number", slot.label),
                )),
            }
        }
        (a, problems)
    }

    /// The value of an assumption (recorded as used).
    ///
    /// # Panics
    /// When `id` is not in the data file: a defect caught by the tests.
    pub fn get(&self, id: &str) -> f64 {
        let i = self
            .all
            .iter()
            .position(|a| a.id == id)
            .unwrap_or_else(|| panic!("assumption {id} missing from crate/data/pathway/assumptions.toml"));
        self.used.borrow_mut()[i] = true;
        self.all[i].value
    }

    /// The date `id` after `from`: whole weeks when the assumption's unit is weeks (as for the
    /// children's homes' 6 to 8 weeks), otherwise months.
    pub(crate) fn after(&self, from: NaiveDate, id: &str) -> NaiveDate {
        let v = self.get(id);
        let weeks = self.all.iter().any(|a| a.id == id && &*a.unit == "weeks");
        if weeks {
            from + chrono::TimeDelta::days((v * 7.0).round() as i64)
        } else {
            crate::model::date::add_months_f(from, v)
        }
    }

    pub(crate) fn wd(&self, id: &str) -> i64 {
        self.get(id).round() as i64
    }

    /// The assumptions read so far, in data-file order.
    pub fn used(&self) -> Vec<Assumption> {
        let used = self.used.borrow();
        self.all
            .iter()
            .zip(used.iter())
            .filter(|(_, &u)| u)
            .map(|(a, _)| a.clone())
            .collect()
    }
}

/// The framework rules for an id.
pub fn framework(id: &str) -> Option<&'static FrameworkRules> {
    rules_data().framework.iter().find(|f| f.id == id)
}

/// The framework in force on a date (by its start), as an id.
pub fn framework_id_on(d: NaiveDate) -> Option<&'static str> {
    framework_on(d).map(|f| f.id.as_ref())
}

/// The framework id in force for an inspection that started on `date` (`None` before ILACS).
pub fn framework_on(date: NaiveDate) -> Option<&'static FrameworkRules> {
    rules_data()
        .framework
        .iter()
        .filter(|f| crate::model::date::embedded(&f.from) <= date)
        .max_by_key(|f| crate::model::date::embedded(&f.from))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Found by cargo-mutants (docs/mutants.md): `after` counts weeks only for the assumption asked
    /// for when its own unit is weeks, never because another assumption in the list is in weeks.
    #[test]
    fn after_counts_weeks_only_for_an_assumption_in_weeks() {
        let a = |id: &str, unit: &str| -> Assumption {
            serde_json::from_value(json!({
                "id": id, "label": id, "default": 6.0, "min": 0.0, "max": 100.0, "unit": unit,
                "source": "https://www.gov.uk/", "tag": "R",
            }))
            .unwrap()
        };
        let (list, problems) = Assumptions::from_list_with_overrides(
            vec![a("gap_weeks", "weeks"), a("gap_months", "months")],
            &Value::Null,
            "t",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        assert_eq!(
            list.after(from, "gap_weeks"),
            NaiveDate::from_ymd_opt(2026, 2, 12).unwrap()
        );
        assert_eq!(
            list.after(from, "gap_months"),
            NaiveDate::from_ymd_opt(2026, 7, 1).unwrap()
        );
    }
}
