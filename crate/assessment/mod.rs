//! The self-evaluation a user records, and its lenient parser.
//!
//! Saved-file format (`schema/assessment.schema.json`):
//! `{ format: "stocktake-assessment", version: 2, framework, authority, assessedOn,
//!    answers: { <statementId>: { level, evidence, notes, action: { text, owner, due, status?, review? } } },
//!    indicators: { <indicatorId>: number }, history, scenario?, participant?, peer?, audits? }`.
//!
//! Version 2 added `audits` (case-file audits, [`audit`]), left out when there are none.
//!
//! `authorityCodes` (`{ urn, la, ons }`: the authority's Ofsted URN, three-digit DfE code and ONS
//! code, which the page fills when the user chooses the authority in the public record) is optional
//! in the same way: left out when absent, so older files and files without it are unchanged; a
//! value of the wrong shape is left out with a warning (`invalid_codes`).
//!
//! `indicatorComparators` (`{ <indicatorId>: { neighbours?, region?, period? } }`: the statistical
//! neighbours' average and the region's figure the page filled beside each published figure, which
//! the indicator flags compare with as well as England) is optional in the same way: left out when
//! there are none; an unknown indicator or a value out of range is left out with a problem.
//!
//! `scenario` (a workshop scenario id, see [`crate::framework::scenario_index`]) and `participant` (the name of a
//! workshop participant, at most [`MAX_PARTICIPANT`] characters) are optional and left out when absent,
//! so files without them are unchanged (still version 1). `peer` (the peer challenge exchanges, an
//! object owned by the page) is optional in the same way and passed through untouched.
//!
//! [`parse_assessment`] never fails and never panics: it keeps every valid part and returns a
//! [`Problem`] naming the field path (such as `answers.hp_front_door.level`) for each invalid one.
//! `history` belongs to the pathway module and is passed through untouched.
pub mod audit;
pub mod migrate;
/// The shapes of the audit criteria data file (baked into Rust by `build.rs`).
pub mod shapes;

use crate::framework::{self, Framework};
use crate::model::level::Level;
use crate::support::problems::{Code, Problem};
use crate::support::text::number_text;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The `format` value of a saved assessment.
pub const FORMAT: &str = "stocktake-assessment";
pub use migrate::FORMAT_VERSION;
/// Longest notes, in characters.
pub const MAX_NOTES: usize = 2000;
/// Longest authority name, action text or owner, in characters.
pub const MAX_TEXT: usize = 500;
/// Longest workshop participant name, in characters.
pub const MAX_PARTICIPANT: usize = 100;
/// The biggest file this build opens, in bytes (16 MB). A full self-evaluation with every note at
/// its longest is about 400 KB; a year of audits ([`audit::MAX_AUDITS`], 2,000 cases) with every
/// criterion graded and the learning at its longest is about 4.5 MB written by the page (UTF-8
/// text up to three bytes a character makes it up to about 13 MB).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// The deepest nesting of objects and arrays a saved file may have (a real one has 6 at most).
pub const MAX_DEPTH: usize = 20;
/// The earliest and latest years a date in a saved file may have.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
/// At most this many problems are listed for one file; the rest are counted in a last one.
pub const MAX_PROBLEMS: usize = 50;
/// The `format` of a passphrase-protected file (see `www/domain/crypto.mjs`).
pub const ENCRYPTED_FORMAT: &str = "stocktake-encrypted";

/// Where an action stands, as the action plan's status column says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Not started yet.
    NotStarted,
    /// Under way and on track.
    OnTrack,
    /// Under way, at risk of missing its date or its aim.
    AtRisk,
    /// Done.
    Done,
}

impl ActionStatus {
    /// Every status, in the order the page offers them.
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::NotStarted,
        ActionStatus::OnTrack,
        ActionStatus::AtRisk,
        ActionStatus::Done,
    ];

    /// The id saved in the file.
    pub fn id(self) -> &'static str {
        match self {
            ActionStatus::NotStarted => "not_started",
            ActionStatus::OnTrack => "on_track",
            ActionStatus::AtRisk => "at_risk",
            ActionStatus::Done => "done",
        }
    }
}

/// A planned action for a statement. `status` and `review` came later: a file without them opens
/// and scores as before, and they are written only when set.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Action {
    /// What will be done.
    pub text: String,
    /// Who owns it.
    pub owner: String,
    /// When it is due (`YYYY-MM-DD`), if given.
    pub due: Option<String>,
    /// Where it stands, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub status: Option<ActionStatus>,
    /// When it is next reviewed (`YYYY-MM-DD`), if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub review: Option<String>,
}

/// The answer to one statement.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Answer {
    /// The level, or `None` while unanswered.
    pub level: Option<Level>,
    /// Evidence source ids, without duplicates.
    pub evidence: Vec<String>,
    /// Free notes (at most 2000 characters).
    pub notes: String,
    /// The planned action, if any.
    pub action: Option<Action>,
}

/// A self-evaluation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    /// Always [`FORMAT`].
    pub format: String,
    /// The file version ([`FORMAT_VERSION`] when written by this build).
    pub version: u64,
    /// The framework id.
    pub framework: String,
    /// The authority's name.
    pub authority: String,
    /// The date of the self-evaluation (`YYYY-MM-DD`).
    pub assessed_on: Option<String>,
    /// Answers by statement id.
    pub answers: BTreeMap<String, Answer>,
    /// Indicator values by indicator id.
    pub indicators: BTreeMap<String, f64>,
    /// Opaque history, owned by the pathway module; passed through untouched.
    pub history: Value,
    /// The workshop scenario this self-evaluation is for, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub scenario: Option<String>,
    /// The workshop participant's name, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub participant: Option<String>,
    /// The peer challenge exchanges kept with this self-evaluation (the page's peer.mjs): an
    /// object passed through untouched, like `history`; absent from files without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub peer: Option<Value>,
    /// Case-file audits (file version 2), oldest first as entered; left out when there are none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(test, ts(optional = nullable))]
    pub audits: Vec<audit::Audit>,
    /// The authority's codes, when chosen from the public record; absent from files without them.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub authority_codes: Option<AuthorityCodes>,
    /// Each indicator's published comparators (its statistical neighbours' average and its
    /// region's figure), when the page filled it from the published figures; left out when there
    /// are none, so older files and figures typed by hand are unchanged.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(test, ts(optional = nullable))]
    pub indicator_comparators: BTreeMap<String, IndicatorComparators>,
}

/// An indicator's published comparators, beside the England figure the framework holds.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct IndicatorComparators {
    /// The average of the authority's ten DfE statistical neighbours, when published.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub neighbours: Option<f64>,
    /// The region's figure, when published.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub region: Option<f64>,
    /// The period they are for, such as "Year to 30 September 2025".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub period: Option<String>,
}

/// Reads `indicatorComparators`: an object keyed by indicator id, each `{ neighbours?, region?,
/// period? }` with numbers within the indicator's range. An unknown id, a value out of range or of
/// the wrong kind is left out with a problem; the rest is kept.
fn parse_comparators(v: &Value, fw: &Framework, problems: &mut Vec<Problem>) -> BTreeMap<String, IndicatorComparators> {
    let mut out = BTreeMap::new();
    let Some(map) = v.as_object() else {
        problems.push(Problem::new(
            "indicatorComparators",
            Code::WrongShape,
            "The indicators' comparators must be an object keyed by indicator id, so they are left out",
        ));
        return out;
    };
    for (id, c) in map {
        let field = format!("indicatorComparators.{}", clip(id));
        let Some(ind) = fw.indicator(id) else {
            problems.push(Problem::new(
                field,
                Code::UnknownIndicator,
                format!(
                    "{} is not an indicator in {}, so its comparators were left out",
                    clip(id),
                    fw.name
                ),
            ));
            continue;
        };
        let Some(o) = c.as_object() else {
            problems.push(Problem::new(
                field,
                Code::WrongShape,
                format!(
                    "The comparators of {} must be an object with neighbours, region and period",
                    ind.name
                ),
            ));
            continue;
        };
        let mut got = IndicatorComparators::default();
        for (key, slot, what) in [
            ("neighbours", &mut got.neighbours, "statistical neighbours' average"),
            ("region", &mut got.region, "region's figure"),
        ] {
            match o.get(key) {
                None | Some(Value::Null) => {}
                Some(Value::Number(n)) => match n.as_f64() {
                    Some(x) if x.is_finite() && x >= ind.min && x <= ind.max => *slot = Some(x),
                    _ => problems.push(Problem::new(
                        format!("{field}.{key}"),
                        Code::OutOfRange,
                        format!(
                            "The {what} for {} must be between {} and {}, so it is left out",
                            ind.name,
                            number_text(ind.min),
                            number_text(ind.max)
                        ),
                    )),
                },
                Some(_) => problems.push(Problem::new(
                    format!("{field}.{key}"),
                    Code::NotANumber,
                    format!("The {what} for {} must be a number, so it is left out", ind.name),
                )),
            }
        }
        let period = text(
            o.get("period").unwrap_or(&Value::Null),
            &|| format!("{field}.period"),
            MAX_TEXT,
            problems,
        );
        got.period = (!period.trim().is_empty()).then_some(period);
        if got.neighbours.is_some() || got.region.is_some() {
            out.insert(id.clone(), got);
        }
    }
    out
}

/// An authority's codes: how files, packs and the public record join (names are for people).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AuthorityCodes {
    /// Ofsted's unique reference number for the local authority.
    pub urn: u64,
    /// The DfE's three-digit local authority code ("892"), when known.
    pub la: Option<String>,
    /// The ONS code ("E06000018"), when known.
    pub ons: Option<String>,
}

/// Reads `authorityCodes`: `urn` a whole number from 1, `la` three digits, `ons` "E" and eight
/// digits (each of the last two may be missing or null). Anything else is `None` with a warning.
fn parse_codes(v: &Value, problems: &mut Vec<Problem>) -> Option<AuthorityCodes> {
    let text = |k: &str, ok: &dyn Fn(&str) -> bool| -> Result<Option<String>, ()> {
        match v.get(k) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if ok(s) => Ok(Some(s.clone())),
            _ => Err(()),
        }
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let urn = v.get("urn").and_then(whole).filter(|&n| n >= 1);
    let la = text("la", &|s| s.len() == 3 && digits(s));
    let ons = text("ons", &|s| s.len() == 9 && s.starts_with('E') && digits(&s[1..]));
    match (v.is_object(), urn, la, ons) {
        (true, Some(urn), Ok(la), Ok(ons)) => Some(AuthorityCodes { urn, la, ons }),
        _ => {
            problems.push(Problem::new(
                "authorityCodes",
                Code::InvalidCodes,
                "The authority's codes are not an Ofsted URN, a three-digit DfE code and an ONS code, so they are left out: choose the authority again from the public record",
            ));
            None
        }
    }
}

impl Default for Assessment {
    fn default() -> Self {
        Assessment {
            format: FORMAT.to_string(),
            version: FORMAT_VERSION,
            framework: framework::current().id.clone(),
            authority: String::new(),
            assessed_on: None,
            answers: BTreeMap::new(),
            indicators: BTreeMap::new(),
            history: Value::Null,
            scenario: None,
            participant: None,
            peer: None,
            audits: Vec::new(),
            authority_codes: None,
            indicator_comparators: BTreeMap::new(),
        }
    }
}

impl Assessment {
    /// The framework this assessment is scored against (the current one if the id is unknown).
    pub fn framework(&self) -> &'static Framework {
        framework::get(&self.framework).unwrap_or_else(framework::current)
    }

    /// Sets a statement's level (a convenience for tests and examples).
    pub fn set(&mut self, statement: &str, level: Level) -> &mut Self {
        self.answers.entry(statement.to_string()).or_default().level = Some(level);
        self
    }
}

/// True when `s` is a real calendar date written `YYYY-MM-DD` (the calendar's one parser).
pub fn is_date(s: &str) -> bool {
    crate::model::date::parse(s).is_some()
}

/// The plain-English name of a text field, from the last part of its path, for messages shown in
/// the error summary (the path itself is in `Problem::field`, which links the message to the field).
/// The name of the date field at `field` as a sentence starts with it, for its problems' messages.
fn field_label(field: &str) -> Option<&'static str> {
    match field {
        "assessedOn" => Some("The date of this self-evaluation"),
        f if f.starts_with("answers.") && f.ends_with(".action.due") => Some("The date the action is due"),
        f if f.starts_with("answers.") && f.ends_with(".action.review") => Some("The date the action is next reviewed"),
        _ => None,
    }
}

fn text_label(field: &str) -> &'static str {
    match field.rsplit('.').next().unwrap_or(field) {
        "notes" => "Notes",
        "text" => "The planned action",
        "owner" => "The owner",
        "authority" => "The authority's name",
        "participant" => "The participant's name",
        _ => "This text",
    }
}

/// A text field. `field` gives the field's path, made only for a problem (perf: the path is not
/// formatted for every answer of every re-score).
fn text(value: &Value, field: &dyn Fn() -> String, max: usize, problems: &mut Vec<Problem>) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) if s.chars().count() <= max => s.clone(),
        Value::String(s) => {
            let field = field();
            problems.push(Problem::new(
                &field,
                Code::TooLong,
                format!(
                    "{} must be {max} characters or fewer (it has {}); only the first {max} are kept",
                    text_label(&field),
                    s.chars().count()
                ),
            ));
            s.chars().take(max).collect()
        }
        _ => {
            let field = field();
            problems.push(Problem::new(
                &field,
                Code::WrongShape,
                format!("{} must be text", text_label(&field)),
            ));
            String::new()
        }
    }
}

/// A date field (`field` as for [`text`]).
fn date(value: &Value, field: &dyn Fn() -> String, problems: &mut Vec<Problem>) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) if is_date(s) && is_plausible_date(s) => Some(s.clone()),
        Value::String(s) if is_date(s) => {
            let field = field();
            let message = match field_label(&field) {
                Some(label) => format!("{label} must be a real date from {} to {}", YEARS.start(), YEARS.end()),
                None => format!("Enter a date from {} to {}", YEARS.start(), YEARS.end()),
            };
            problems.push(Problem::new(field, Code::InvalidDate, message));
            None
        }
        _ => {
            let field = field();
            let message = match field_label(&field) {
                Some(label) => format!("{label} must be a real date"),
                None => "Enter a real date, like 31 3 2026".to_string(),
            };
            problems.push(Problem::new(field, Code::InvalidDate, message));
            None
        }
    }
}

/// True when the date `YYYY-MM-DD` falls in [`YEARS`].
pub fn is_plausible_date(s: &str) -> bool {
    s.get(..4)
        .and_then(|y| y.parse::<i32>().ok())
        .is_some_and(|y| YEARS.contains(&y))
}

/// At most 60 characters of user-supplied text, for a message.
fn clip(s: &str) -> String {
    if s.chars().count() <= 60 {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(60).collect::<String>())
    }
}

/// A value for a message, without pulling the JSON serialiser into the wasm.
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{}\"", s.chars().take(60).collect::<String>()),
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(_) => "A number".into(),
        Value::Array(_) => "A list".into(),
        Value::Object(_) => "An object".into(),
    }
}

pub use migrate::whole;

/// Parses an assessment leniently: keeps every valid part, reports the rest as problems.
///
/// A missing `framework` means the current one; an unknown one is reported (`unknown_framework`) and
/// the current one is used. A `format` other than [`FORMAT`] gives `not_stocktake`; a `version` newer
/// than this build gives `newer_version` (the known parts are still read).
///
/// # Example
/// ```
/// let v = serde_json::json!({ "answers": { "hp_front_door": { "level": "great" } } });
/// let (a, problems) = stocktake::assessment::parse_assessment(&v);
/// assert_eq!(problems[0].field, "answers.hp_front_door.level");
/// assert_eq!(a.answers["hp_front_door"].level, None);
/// ```
pub fn parse_assessment(value: &Value) -> (Assessment, Vec<Problem>) {
    let mut a = Assessment::default();
    let mut problems = Vec::new();
    let Some(obj) = value.as_object() else {
        problems.push(Problem::new(
            "",
            Code::NotStocktake,
            "This is not a Stocktake self-evaluation",
        ));
        return (a, problems);
    };
    if let Some(f) = obj.get("format") {
        if f.as_str() != Some(FORMAT) {
            problems.push(Problem::new(
                "format",
                Code::NotStocktake,
                "This is not a Stocktake self-evaluation",
            ));
        }
    }
    match obj.get("version") {
        None | Some(Value::Null) => {}
        Some(v) => match whole(v) {
            Some(n) if n > FORMAT_VERSION => {
                a.version = n;
                problems.push(Problem::new(
                    "version",
                    Code::NewerVersion,
                    format!("This file was saved by a newer Stocktake (file version {n}); update the page to read all of it"),
                ));
            }
            Some(n) if n >= 1 => a.version = n,
            _ => problems.push(Problem::new(
                "version",
                Code::InvalidVersion,
                "The file version must be a whole number from 1",
            )),
        },
    }
    match obj.get("framework") {
        None | Some(Value::Null) => {}
        Some(Value::String(id)) if framework::get(id).is_some() => a.framework = id.clone(),
        Some(_) => problems.push(Problem::new(
            "framework",
            Code::UnknownFramework,
            format!(
                "The file's framework is not one this version of Stocktake knows; scored against {}",
                framework::current().name
            ),
        )),
    }
    let fw = a.framework();
    a.authority = text(
        obj.get("authority").unwrap_or(&Value::Null),
        &|| "authority".into(),
        MAX_TEXT,
        &mut problems,
    );
    a.assessed_on = date(
        obj.get("assessedOn").unwrap_or(&Value::Null),
        &|| "assessedOn".into(),
        &mut problems,
    );
    match obj.get("answers") {
        None | Some(Value::Null) => {}
        Some(Value::Object(answers)) => {
            for (id, v) in answers {
                let field = || format!("answers.{}", clip(id));
                if fw.statement_index(id).is_none() {
                    problems.push(Problem::new(
                        field(),
                        Code::UnknownStatement,
                        format!(
                            "{} is not a statement in {}, so its answer was left out",
                            clip(id),
                            fw.name
                        ),
                    ));
                    continue;
                }
                if let Some(ans) = parse_answer(v, &field, fw, &mut problems) {
                    a.answers.insert(id.clone(), ans);
                }
            }
        }
        Some(_) => problems.push(Problem::new(
            "answers",
            Code::WrongShape,
            "Answers must be an object keyed by statement id",
        )),
    }
    match obj.get("indicators") {
        None | Some(Value::Null) => {}
        Some(Value::Object(values)) => {
            for (id, v) in values {
                let field = format!("indicators.{}", clip(id));
                let Some(ind) = fw.indicator(id) else {
                    problems.push(Problem::new(
                        field,
                        Code::UnknownIndicator,
                        format!(
                            "{} is not an indicator in {}, so its value was left out",
                            clip(id),
                            fw.name
                        ),
                    ));
                    continue;
                };
                match v {
                    Value::Null => {}
                    Value::Number(n) => match n.as_f64() {
                        Some(x) if x.is_finite() && x >= ind.min && x <= ind.max => {
                            a.indicators.insert(id.clone(), x);
                        }
                        _ => problems.push(Problem::new(
                            field,
                            Code::OutOfRange,
                            format!(
                                "{} must be between {} and {}",
                                ind.name,
                                number_text(ind.min),
                                number_text(ind.max)
                            ),
                        )),
                    },
                    _ => problems.push(Problem::new(
                        field,
                        Code::NotANumber,
                        format!("Enter {} as a number, like 22.5", ind.name),
                    )),
                }
            }
        }
        Some(_) => problems.push(Problem::new(
            "indicators",
            Code::WrongShape,
            "Indicators must be an object keyed by indicator id",
        )),
    }
    if let Some(h) = obj.get("history") {
        a.history = h.clone();
    }
    match obj.get("peer") {
        None | Some(Value::Null) => {}
        Some(p @ Value::Object(_)) => a.peer = Some(p.clone()),
        Some(_) => problems.push(Problem::new(
            "peer.exchanges",
            Code::WrongShape,
            "The peer challenge record must be an object, so it is left out",
        )),
    }
    match obj.get("scenario") {
        None | Some(Value::Null) => {}
        Some(Value::String(id)) if crate::framework::scenario_index::is_scenario(id) => a.scenario = Some(id.clone()),
        Some(other) => problems.push(Problem::new(
            "scenario",
            Code::UnknownScenario,
            format!("{other} is not a workshop scenario"),
        )),
    }
    let participant = text(
        obj.get("participant").unwrap_or(&Value::Null),
        &|| "participant".into(),
        MAX_PARTICIPANT,
        &mut problems,
    );
    if !participant.trim().is_empty() {
        a.participant = Some(participant);
    }
    a.audits = audit::parse_audits(obj.get("audits"), &a.framework, a.assessed_on.as_deref(), &mut problems);
    match obj.get("authorityCodes") {
        None | Some(Value::Null) => {}
        Some(v) => a.authority_codes = parse_codes(v, &mut problems),
    }
    match obj.get("indicatorComparators") {
        None | Some(Value::Null) => {}
        Some(v) => a.indicator_comparators = parse_comparators(v, fw, &mut problems),
    }
    (a, problems)
}

/// One answer; `field` gives its path (`answers.<id>`), made only for a problem.
fn parse_answer(v: &Value, field: &dyn Fn() -> String, fw: &Framework, problems: &mut Vec<Problem>) -> Option<Answer> {
    let Some(o) = v.as_object() else {
        let field = field();
        problems.push(Problem::new(
            &field,
            Code::WrongShape,
            format!("{field} must be an object with level, evidence, notes and action"),
        ));
        return None;
    };
    let mut ans = Answer::default();
    match o.get("level") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if Level::from_id(s).is_some() => ans.level = Level::from_id(s),
        Some(other) => problems.push(Problem::new(
            format!("{}.level", field()),
            Code::UnknownLevel,
            format!(
                "{} is not a level: use outstanding, good, requires improvement, inadequate or not known",
                shown(other)
            ),
        )),
    }
    match o.get("evidence") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (i, e) in items.iter().enumerate() {
                match e.as_str() {
                    Some(id) if fw.evidence_sources.iter().any(|s| s.id == id) => {
                        if !ans.evidence.iter().any(|x| x == id) {
                            ans.evidence.push(id.to_string());
                        }
                    }
                    _ => problems.push(Problem::new(
                        format!("{}.evidence.{i}", field()),
                        Code::UnknownEvidence,
                        format!("{} is not an evidence source", shown(e)),
                    )),
                }
            }
        }
        Some(_) => problems.push(Problem::new(
            format!("{}.evidence", field()),
            Code::WrongShape,
            "Evidence must be a list",
        )),
    }
    let before = problems.len();
    ans.notes = text(
        o.get("notes").unwrap_or(&Value::Null),
        &|| format!("{}.notes", field()),
        MAX_NOTES,
        problems,
    );
    if let Some(p) = problems.get_mut(before) {
        if p.code == Code::TooLong {
            p.code = Code::NotesTooLong;
        }
    }
    match o.get("action") {
        None | Some(Value::Null) => {}
        Some(Value::Object(act)) => {
            let get = |k: &str| act.get(k).unwrap_or(&Value::Null);
            let action = Action {
                text: text(get("text"), &|| format!("{}.action.text", field()), MAX_TEXT, problems),
                owner: text(
                    get("owner"),
                    &|| format!("{}.action.owner", field()),
                    MAX_TEXT,
                    problems,
                ),
                due: date(get("due"), &|| format!("{}.action.due", field()), problems),
                status: match get("status") {
                    Value::Null => None,
                    v => {
                        let found = v
                            .as_str()
                            .and_then(|t| ActionStatus::ALL.into_iter().find(|x| x.id() == t));
                        if found.is_none() {
                            problems.push(Problem::new(
                                format!("{}.action.status", field()),
                                Code::UnknownStatus,
                                "The action's status must be not started, on track, at risk or done",
                            ));
                        }
                        found
                    }
                },
                review: date(get("review"), &|| format!("{}.action.review", field()), problems),
            };
            if action != Action::default() {
                ans.action = Some(action);
            }
        }
        Some(_) => problems.push(Problem::new(
            format!("{}.action", field()),
            Code::WrongShape,
            "An action must be an object with text, owner, due, status and review",
        )),
    }
    Some(ans)
}

/// The codes that make a saved file unopenable; every other problem is a warning (the file opens
/// with the faulty parts left out). `wrong_shape` is fatal only for the file as a whole or one of
/// its top-level members (a field without a dot). See DESIGN.md, "Files".
pub const FATAL_CODES: &[Code] = &[
    Code::TooBig,
    Code::NotStocktake,
    Code::NotJson,
    Code::Encrypted,
    Code::NewerVersion,
    Code::InvalidVersion,
    Code::MissingMigration,
    Code::UnknownFramework,
];

/// Whether a problem from [`open_text`] makes the file unopenable.
pub fn is_fatal(p: &Problem) -> bool {
    FATAL_CODES.contains(&p.code) || (p.code == Code::WrongShape && !p.field.contains('.'))
}

/// A saved file, opened.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Opened {
    /// What could be read (the default, empty assessment when `fatal`).
    pub assessment: Assessment,
    /// Everything wrong, each naming its field; at most [`MAX_PROBLEMS`] + 1.
    pub problems: Vec<Problem>,
    /// True when the file cannot be opened at all; otherwise `problems` are warnings about parts
    /// that were left out.
    pub fatal: bool,
}

fn refuse(field: &str, code: Code, message: impl Into<String>) -> Opened {
    Opened {
        assessment: Assessment::default(),
        problems: vec![Problem::new(field, code, message)],
        fatal: true,
    }
}

fn megabytes(bytes: usize) -> String {
    // Tenths of a megabyte, rounded half up, in whole numbers (no float formatting in the wasm).
    let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// The nesting depth of a JSON value (a scalar is 0), without recursion.
fn depth(v: &Value) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(v, 0usize)];
    while let Some((v, d)) = stack.pop() {
        deepest = deepest.max(d);
        match v {
            Value::Array(items) => stack.extend(items.iter().map(|x| (x, d + 1))),
            Value::Object(map) => stack.extend(map.values().map(|x| (x, d + 1))),
            _ => {}
        }
    }
    deepest
}

/// Whether text looks like a binary file (an image, a Word document, a zip) rather than text: it
/// has a raw control character other than tab, line feed and carriage return in its first 1024
/// characters. JSON never holds one (even inside strings they must be escaped), so no saved file
/// is mistaken for binary.
fn looks_binary(text: &str) -> bool {
    text.chars()
        .take(1024)
        .any(|c| c < ' ' && !matches!(c, '\t' | '\n' | '\r'))
}

/// Opens the raw bytes of a saved file (as [`open_text`]; bytes that are not UTF-8 are not a
/// Stocktake file).
pub fn open_bytes(bytes: &[u8]) -> Opened {
    if bytes.len() > MAX_FILE_BYTES {
        return too_big(bytes.len());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => open_text(text),
        Err(_) => refuse(
            "",
            Code::NotStocktake,
            "The selected file is not a Stocktake file: it is not text (it may be an image, a Word document or a spreadsheet). Choose a file saved from Stocktake, ending in .json",
        ),
    }
}

fn too_big(bytes: usize) -> Opened {
    refuse(
        "",
        Code::TooBig,
        format!(
            "The selected file is {}: a Stocktake file can be at most {}, so this is not one",
            megabytes(bytes),
            megabytes(MAX_FILE_BYTES)
        ),
    )
}

/// Opens the text of a saved file, checking in this order (the first failure is the only problem):
///
/// 1. at most [`MAX_FILE_BYTES`] (`too_big`);
/// 2. text, not binary (`not_stocktake`);
/// 3. JSON (`not_json`), nested at most [`MAX_DEPTH`] deep (`wrong_shape`);
/// 4. an object with `format: "stocktake-assessment"` (`not_stocktake`; a passphrase-protected
///    file gives `encrypted`: decrypt it first);
/// 5. a version this build reads, migrated to the current one (`newer_version`,
///    `invalid_version`, `missing_migration`, see [`crate::assessment::migrate`]);
/// 6. then leniently as [`parse_assessment`]: an unknown framework or a top-level member of the
///    wrong shape is fatal; anything else is a warning and that part is left out.
///
/// Never panics, whatever the input.
///
/// # Example
/// ```
/// let o = stocktake::assessment::open_text("{\"format\":\"stocktake-assessment\",\"version\":1}");
/// assert!(!o.fatal && o.problems.is_empty());
/// assert_eq!(stocktake::assessment::open_text("hello").problems[0].code, "not_json");
/// ```
pub fn open_text(text: &str) -> Opened {
    if text.len() > MAX_FILE_BYTES {
        return too_big(text.len());
    }
    if looks_binary(text) {
        return refuse(
            "",
            Code::NotStocktake,
            "The selected file is not a Stocktake file: it is not text (it may be an image, a Word document or a spreadsheet). Choose a file saved from Stocktake, ending in .json",
        );
    }
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let value: Value = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => v,
        // serde_json's own depth limit (128), which it reports only in words.
        Err(e) if e.to_string().starts_with("recursion limit exceeded") => {
            return refuse(
                "",
                Code::WrongShape,
                "The selected file is not a Stocktake file: its data is nested far too deeply",
            )
        }
        Err(_) => {
            let first = text.trim_start().chars().next();
            let hint = if matches!(first, Some('{') | Some('[')) {
                "it may be damaged or cut short"
            } else {
                "it is not in the JSON format Stocktake saves"
            };
            return refuse(
                "",
                Code::NotJson,
                format!("The selected file cannot be read: {hint}. Choose a file saved from Stocktake"),
            );
        }
    };
    if depth(&value) > MAX_DEPTH {
        return refuse(
            "",
            Code::WrongShape,
            "The selected file is not a Stocktake file: its data is nested far too deeply",
        );
    }
    let Some(obj) = value.as_object() else {
        return refuse(
            "",
            Code::NotStocktake,
            "The selected file holds data, but not a Stocktake self-evaluation. Choose a file saved from Stocktake",
        );
    };
    match obj.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        Some(ENCRYPTED_FORMAT) => {
            return refuse(
                "format",
                Code::Encrypted,
                "The selected file is protected with a passphrase: enter the passphrase to open it",
            )
        }
        _ => {
            return refuse(
                "format",
                Code::NotStocktake,
                "The selected file holds data, but not a Stocktake self-evaluation. Choose a file saved from Stocktake",
            )
        }
    }
    let value = match crate::assessment::migrate::migrate(value) {
        Ok(v) => v,
        Err(p) => {
            return Opened {
                assessment: Assessment::default(),
                problems: vec![p],
                fatal: true,
            }
        }
    };
    let (assessment, mut problems) = parse_assessment(&value);
    let fatal = problems.iter().any(is_fatal);
    if fatal {
        problems.retain(is_fatal);
    }
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(Problem::new(
            "",
            Code::MoreProblems,
            format!("and {more} more problems like these"),
        ));
    }
    Opened {
        assessment: if fatal { Assessment::default() } else { assessment },
        problems,
        fatal,
    }
}

/// [`open_text`] without the `fatal` flag ([`is_fatal`] tells which problems are fatal).
pub fn parse_assessment_text(text: &str) -> (Assessment, Vec<Problem>) {
    let o = open_text(text);
    (o.assessment, o.problems)
}

/// The assessment as a JSON value in the saved-file format.
pub fn to_value(a: &Assessment) -> Value {
    serde_json::to_value(a).unwrap_or(Value::Object(Map::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn codes(v: Value) -> Vec<(String, String)> {
        parse_assessment(&v)
            .1
            .into_iter()
            .map(|p| (p.field, p.code.to_string()))
            .collect()
    }

    #[test]
    fn an_action_keeps_its_status_and_review_date_and_old_actions_open_as_before() {
        let v = json!({
            "format": FORMAT, "version": 2, "framework": "ilacs-2023-01", "assessedOn": "2026-03-31",
            "answers": {
                "hp_front_door": { "level": "inadequate", "action": { "text": "a\nb", "owner": "HoS", "due": "2026-06-30", "status": "at_risk", "review": "2026-04-30" } },
                "hp_assessments": { "level": "inadequate", "action": { "text": "old", "owner": "", "due": null } },
                "hp_plans": { "level": "inadequate", "action": { "text": "x", "status": "late", "review": "31/04/2026" } }
            }
        });
        let (a, p) = parse_assessment(&v);
        let act = a.answers["hp_front_door"].action.as_ref().unwrap();
        assert_eq!(
            (act.status, act.review.as_deref()),
            (Some(ActionStatus::AtRisk), Some("2026-04-30"))
        );
        assert_eq!(act.text, "a\nb", "a planned action keeps its lines");
        let old = to_value(&a)["answers"]["hp_assessments"]["action"].clone();
        assert_eq!(
            old,
            json!({ "text": "old", "owner": "", "due": null }),
            "written as before"
        );
        let fields: Vec<_> = p.iter().map(|x| (x.field.as_str(), x.code.as_str())).collect();
        assert_eq!(
            fields,
            [
                ("answers.hp_plans.action.status", "unknown_status"),
                ("answers.hp_plans.action.review", "invalid_date")
            ]
        );
        let (b, p2) = parse_assessment(&to_value(&a));
        assert!(p2.is_empty(), "{p2:?}");
        assert_eq!(a, b);
    }

    #[test]
    fn a_good_file_parses_without_problems_and_round_trips() {
        let v = json!({
            "format": FORMAT, "version": 2, "framework": "ilacs-2023-01", "authority": "Anyshire",
            "assessedOn": "2026-03-31",
            "answers": { "hp_front_door": { "level": "good", "evidence": ["case_audit", "case_audit"], "notes": "n",
                "action": { "text": "audit", "owner": "HoS", "due": "2026-06-30" } } },
            "indicators": { "sw_turnover": 14.2 },
            "history": { "anything": [1, 2] }
        });
        let (a, p) = parse_assessment(&v);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(a.answers["hp_front_door"].evidence, ["case_audit"]);
        assert_eq!(a.history, json!({ "anything": [1, 2] }));
        let (b, p2) = parse_assessment(&to_value(&a));
        assert!(p2.is_empty());
        assert_eq!(a, b);
        let (c, p3) = parse_assessment_text(&serde_json::to_string(&to_value(&a)).unwrap());
        assert!(p3.is_empty());
        assert_eq!(a, c);
    }

    #[test]
    fn each_bad_part_is_a_problem_naming_its_field() {
        let v = json!({
            "framework": "ilacs-1999", "assessedOn": "2026-02-30",
            "answers": {
                "hp_front_door": { "level": "great", "evidence": ["gossip"], "notes": "x".repeat(2001),
                    "action": { "due": "31/03/2026" } },
                "zz_nothing": { "level": "good" }
            },
            "indicators": { "sw_turnover": 140, "average_caseload": -1, "agency_rate": "high", "nope": 1 }
        });
        let got = codes(v);
        for want in [
            ("framework", "unknown_framework"),
            ("assessedOn", "invalid_date"),
            ("answers.hp_front_door.level", "unknown_level"),
            ("answers.hp_front_door.evidence.0", "unknown_evidence"),
            ("answers.hp_front_door.notes", "notes_too_long"),
            ("answers.hp_front_door.action.due", "invalid_date"),
            ("answers.zz_nothing", "unknown_statement"),
            ("indicators.sw_turnover", "out_of_range"),
            ("indicators.average_caseload", "out_of_range"),
            ("indicators.agency_rate", "not_a_number"),
            ("indicators.nope", "unknown_indicator"),
        ] {
            assert!(
                got.contains(&(want.0.to_string(), want.1.to_string())),
                "missing {want:?} in {got:?}"
            );
        }
        assert_eq!(got.len(), 11);
    }

    #[test]
    fn indicator_comparators_are_optional_checked_and_kept() {
        let kept =
            json!({ "sw_turnover": { "neighbours": 16.1, "region": 15.2, "period": "Year to 30 September 2025" } });
        let (a, p) = parse_assessment(&json!({ "format": FORMAT, "version": 2, "indicatorComparators": kept }));
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(a.indicator_comparators["sw_turnover"].neighbours, Some(16.1));
        assert_eq!(to_value(&a)["indicatorComparators"], kept);
        let (b, p) = parse_assessment(&to_value(&a));
        assert!(p.is_empty() && a == b, "it re-opens as saved");
        let (plain, _) = parse_assessment(&json!({ "format": FORMAT, "version": 2 }));
        assert!(
            to_value(&plain).get("indicatorComparators").is_none(),
            "absent when none"
        );
        let got = codes(json!({ "indicatorComparators": {
            "sw_turnover": { "neighbours": 140, "region": "high", "period": 3 },
            "agency_rate": [1],
            "nope": { "neighbours": 1 }
        } }));
        assert_eq!(
            got,
            [
                (
                    "indicatorComparators.agency_rate".to_string(),
                    "wrong_shape".to_string()
                ),
                ("indicatorComparators.nope".into(), "unknown_indicator".into()),
                (
                    "indicatorComparators.sw_turnover.neighbours".into(),
                    "out_of_range".into()
                ),
                ("indicatorComparators.sw_turnover.region".into(), "not_a_number".into()),
                ("indicatorComparators.sw_turnover.period".into(), "wrong_shape".into()),
            ]
        );
        let got = codes(json!({ "indicatorComparators": [] }));
        assert_eq!(got, [("indicatorComparators".to_string(), "wrong_shape".to_string())]);
    }

    #[test]
    fn authority_codes_are_optional_checked_and_kept() {
        let codes = json!({ "urn": 80533, "la": "892", "ons": "E06000018" });
        let (a, p) = parse_assessment(&json!({ "format": FORMAT, "version": 2, "authorityCodes": codes }));
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(to_value(&a)["authorityCodes"], codes);
        let (plain, _) = parse_assessment(&json!({ "format": FORMAT, "version": 2 }));
        assert!(
            to_value(&plain).get("authorityCodes").is_none(),
            "files without them are unchanged"
        );
        let (only_urn, p) = parse_assessment(&json!({ "authorityCodes": { "urn": 80533 } }));
        assert!(p.is_empty());
        assert_eq!(
            to_value(&only_urn)["authorityCodes"],
            json!({ "urn": 80533, "la": null, "ons": null })
        );
        for bad in [
            json!(80533),
            json!({ "urn": "80533" }),
            json!({ "urn": 1, "la": "89" }),
            json!({ "urn": 1, "ons": "W06000018" }),
        ] {
            let (x, p) = parse_assessment(&json!({ "authorityCodes": bad }));
            assert!(x.authority_codes.is_none(), "{bad}");
            assert_eq!(p.len(), 1);
            assert_eq!(p[0].code, "invalid_codes");
            assert!(!is_fatal(&p[0]), "wrong codes do not stop the file opening");
        }
    }

    #[test]
    fn the_peer_record_is_optional_and_passed_through() {
        let peer =
            json!({ "exchanges": [{ "reviewer": "Sam", "challenges": { "hp_front_door": { "stance": "agree" } } }] });
        let (a, p) = parse_assessment(&json!({ "format": FORMAT, "version": 1, "peer": peer }));
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(a.peer.as_ref(), Some(&peer));
        assert_eq!(to_value(&a)["peer"], peer);
        let (plain, _) = parse_assessment(&json!({ "format": FORMAT, "version": 1 }));
        assert!(to_value(&plain).get("peer").is_none(), "files without it are unchanged");
        let (bad, p) = parse_assessment(&json!({ "peer": [1] }));
        assert!(bad.peer.is_none());
        assert_eq!(p[0].code, "wrong_shape");
        assert!(!is_fatal(&p[0]), "a damaged peer record does not stop the file opening");
    }

    #[test]
    fn scenario_and_participant_are_optional_and_round_trip() {
        let v = json!({ "format": FORMAT, "version": 1, "scenario": "eastmere", "participant": "Sam" });
        let (a, p) = parse_assessment(&v);
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(a.scenario.as_deref(), Some("eastmere"));
        assert_eq!(a.participant.as_deref(), Some("Sam"));
        let saved = to_value(&a);
        assert_eq!(saved["scenario"], "eastmere");
        assert_eq!(parse_assessment(&saved).0, a);
        let plain = to_value(&Assessment::default());
        assert!(plain.get("scenario").is_none() && plain.get("participant").is_none());
        let got = codes(json!({ "scenario": "atlantis", "participant": "x".repeat(101) }));
        assert_eq!(
            got,
            vec![
                ("scenario".to_string(), "unknown_scenario".to_string()),
                ("participant".to_string(), "too_long".to_string())
            ]
        );
        assert_eq!(codes(json!({ "scenario": 3, "participant": 4 })).len(), 2);
        let (a, _) = parse_assessment(&json!({ "participant": "y".repeat(101) }));
        assert_eq!(a.participant.unwrap().chars().count(), MAX_PARTICIPANT);
    }

    #[test]
    fn file_text_checks() {
        assert_eq!(parse_assessment_text("not json").1[0].code, "not_json");
        assert_eq!(parse_assessment_text("[1]").1[0].code, "not_stocktake");
        assert_eq!(
            parse_assessment_text("{\"format\":\"other\"}").1[0].code,
            "not_stocktake"
        );
        let newer = parse_assessment_text("{\"format\":\"stocktake-assessment\",\"version\":9}");
        assert_eq!(newer.1[0].code, "newer_version");
        assert_eq!(codes(json!(3))[0].1, "not_stocktake");
        assert!(is_date("2024-02-29") && !is_date("2023-02-29") && !is_date("2026-4-01"));
        assert!(!is_date("2026-13-01") && !is_date("2026-01-0a") && !is_date("20260-1-01") && !is_date("2026-01-00"));
        assert_eq!(number_text(15.9), "15.9");
        assert_eq!(number_text(100.0), "100");
        assert_eq!(number_text(1.833), "1.83");
        assert_eq!(number_text(-0.5), "-0.5");
        assert_eq!(number_text(2.05), "2.05");
    }
}
