//! The pathway's rules and assumptions as data: the frameworks' start dates and judgements, the
//! pauses in inspection, every step's text with its source and tag
//! (`crate/data/pathway/rules.toml`), and the adjustable figures
//! (`crate/data/pathway/assumptions.toml`).
use crate::scoring::route::Route;
use crate::support::problems::Problem;
use crate::support::text::number_text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cell::RefCell;
use std::sync::OnceLock;

/// A framework as the pathway needs it: id, start date and judgement ids.
#[derive(Debug, Clone, Deserialize)]
pub struct FrameworkRules {
    /// Framework id, such as `ilacs-2026-04`.
    pub id: String,
    /// First day it applies to inspections (by start date).
    pub from: NaiveDate,
    /// The judgement ids it grades.
    pub judgements: Vec<String>,
    /// What a person must enter for the route to be decided, such as "overall effectiveness".
    pub route_needs: String,
    /// How an inadequate authority leaves monitoring under this framework.
    pub exit_text: String,
    /// Source of `exit_text`.
    pub exit_source: String,
    /// Tag of `exit_text`.
    pub exit_tag: String,
}

/// A known pause in inspection.
#[derive(Debug, Clone, Deserialize)]
pub struct Pause {
    /// Stable id, such as `covid_2020`.
    pub id: String,
    /// First day of the pause.
    pub from: NaiveDate,
    /// Day inspections resumed.
    pub to: NaiveDate,
    /// Routes whose whole window moves later by the part of the pause inside the cycle.
    pub shifts: Vec<Route>,
    /// The pause in prose.
    pub text: String,
    /// Source URL.
    pub source: String,
    /// `V`, `S` or `R`.
    pub tag: String,
}

/// A rule or step with its source, as shown to people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleRef {
    /// Stable id.
    pub id: String,
    /// The rule in prose.
    pub text: String,
    /// Source URL.
    pub source: String,
    /// `V`, `S` or `R`.
    pub tag: String,
}

/// What kind of step an event is (the page draws each kind its own way).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The annual self-evaluation and engagement meeting.
    Annual,
    /// A visit: focused, monitoring, assurance or action planning.
    Visit,
    /// Something due: a plan or a letter.
    Deadline,
    /// The notice call before an inspection.
    Notice,
    /// An inspection on site.
    Inspection,
    /// A report published.
    Publication,
    /// Intervention by the Department for Education.
    Intervention,
}

#[derive(Debug, Clone, Deserialize)]
/// An event's text and source, as data (the local authority pathway's and the providers').
pub(crate) struct EventDef {
    pub(crate) id: String,
    pub(crate) kind: EventKind,
    pub(crate) title: String,
    pub(crate) description: String,
    pub(crate) source: String,
    pub(crate) tag: String,
}

/// The pathway rules data file.
#[derive(Debug, Clone, Deserialize)]
pub struct RulesData {
    /// Version of the file.
    pub version: String,
    /// Accepted intervention kinds.
    pub intervention_kinds: Vec<String>,
    /// Frameworks, newest first.
    pub framework: Vec<FrameworkRules>,
    /// Known pauses.
    pub pause: Vec<Pause>,
    /// Window rules.
    pub rule: Vec<RuleRef>,
    pub(crate) event: Vec<EventDef>,
}

/// The embedded pathway rules.
pub fn rules_data() -> &'static RulesData {
    static DATA: OnceLock<RulesData> = OnceLock::new();
    DATA.get_or_init(|| crate::support::embedded::parse("pathway/rules", embedded_json!("pathway/rules")))
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

/// An adjustable figure, with the value used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Assumption {
    /// Stable id, such as `report_lag_working_days`.
    pub id: String,
    /// What it is, in words.
    pub label: String,
    /// The value used (the default unless overridden).
    #[serde(default)]
    pub value: f64,
    /// The default.
    pub default: f64,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// `months`, `working days`, …
    pub unit: String,
    /// Source URL.
    pub source: String,
    /// `V`, `S` or `R`.
    pub tag: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct AssumptionFile {
    assumption: Vec<Assumption>,
}

/// Every assumption with its default value.
pub fn default_assumptions() -> Vec<Assumption> {
    static DATA: OnceLock<Vec<Assumption>> = OnceLock::new();
    DATA.get_or_init(|| {
        let f: AssumptionFile =
            crate::support::embedded::parse("pathway/assumptions", embedded_json!("pathway/assumptions"));
        f.assumption
            .into_iter()
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
        Assumptions::from_list_with_overrides(default_assumptions(), overrides, field_prefix)
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
                "invalid",
                "Assumptions must be an object of ids to numbers",
            ));
            return (a, problems);
        };
        for (id, v) in obj {
            let field = format!("{field_prefix}.{id}");
            let Some(slot) = a.all.iter_mut().find(|x| &x.id == id) else {
                problems.push(Problem::new(
                    field,
                    "unknown_assumption",
                    format!("{id} is not an assumption"),
                ));
                continue;
            };
            match v.as_f64() {
                Some(x) if x >= slot.min && x <= slot.max => slot.value = x,
                Some(_) => problems.push(Problem::new(
                    field,
                    "out_of_range",
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
                    "invalid_number",
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
    framework_on(d).map(|f| f.id.as_str())
}

/// The framework id in force for an inspection that started on `date` (`None` before ILACS).
pub fn framework_on(date: NaiveDate) -> Option<&'static FrameworkRules> {
    rules_data()
        .framework
        .iter()
        .filter(|f| f.from <= date)
        .max_by_key(|f| f.from)
}
