//! The self-evaluation a user records, and its lenient parser.
//!
//! Saved-file format (`schema/assessment.schema.json`):
//! `{ format: "stocktake-assessment", version: 1, framework, authority, assessedOn,
//!    answers: { <statementId>: { level, evidence, notes, action: { text, owner, due } } },
//!    indicators: { <indicatorId>: number }, history }`.
//!
//! [`parse_assessment`] never fails and never panics: it keeps every valid part and returns a
//! [`Problem`] naming the field path (such as `answers.hp_front_door.level`) for each invalid one.
//! `history` belongs to the pathway module and is passed through untouched.
use crate::framework::{self, Framework};
use crate::level::Level;
use crate::problems::Problem;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The `format` value of a saved assessment.
pub const FORMAT: &str = "stocktake-assessment";
/// The newest file version this build reads and writes.
pub const FORMAT_VERSION: u64 = 1;
/// Longest notes, in characters.
pub const MAX_NOTES: usize = 2000;
/// Longest authority name, action text or owner, in characters.
pub const MAX_TEXT: usize = 500;

/// A planned action for a statement.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Action {
    /// What will be done.
    pub text: String,
    /// Who owns it.
    pub owner: String,
    /// When it is due (`YYYY-MM-DD`), if given.
    pub due: Option<String>,
}

/// The answer to one statement.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
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

/// True when `s` is a real calendar date written `YYYY-MM-DD`.
pub fn is_date(s: &str) -> bool {
    // Parsed by hand: chrono's format-string parser would add kilobytes to the wasm.
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter()
            .try_fold(0u32, |n, &c| c.is_ascii_digit().then(|| n * 10 + (c - b'0') as u32))
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    match (digits(0..4), digits(5..7), digits(8..10)) {
        (Some(y), Some(m), Some(d)) => chrono::NaiveDate::from_ymd_opt(y as i32, m, d).is_some(),
        _ => false,
    }
}

/// A number for messages, to at most two decimal places, without pulling float formatting into the wasm.
pub fn number_text(x: f64) -> String {
    let hundredths = (x * 100.0).round() as i64;
    let (sign, h) = if hundredths < 0 {
        ("-", -hundredths)
    } else {
        ("", hundredths)
    };
    match h % 100 {
        0 => format!("{sign}{}", h / 100),
        r if r % 10 == 0 => format!("{sign}{}.{}", h / 100, r / 10),
        r => format!("{sign}{}.{r:02}", h / 100),
    }
}

fn text(value: &Value, field: &str, max: usize, problems: &mut Vec<Problem>) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) if s.chars().count() <= max => s.clone(),
        Value::String(s) => {
            problems.push(Problem::new(
                field,
                "too_long",
                format!(
                    "Use {max} characters or fewer (this has {}); the rest was cut off",
                    s.chars().count()
                ),
            ));
            s.chars().take(max).collect()
        }
        _ => {
            problems.push(Problem::new(field, "not_text", "Enter text"));
            String::new()
        }
    }
}

fn date(value: &Value, field: &str, problems: &mut Vec<Problem>) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) if is_date(s) => Some(s.clone()),
        _ => {
            problems.push(Problem::new(
                field,
                "invalid_date",
                "Enter a real date, like 2026-03-31",
            ));
            None
        }
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

/// A non-negative whole number, whether JSON wrote it as `1` or `1.0` (JavaScript numbers are floats).
pub fn whole(v: &Value) -> Option<u64> {
    v.as_u64().or_else(|| {
        v.as_f64()
            .filter(|x| x.fract() == 0.0 && *x >= 0.0 && *x <= 9_007_199_254_740_991.0)
            .map(|x| x as u64)
    })
}

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
            "not_stocktake",
            "This is not a Stocktake self-evaluation",
        ));
        return (a, problems);
    };
    if let Some(f) = obj.get("format") {
        if f.as_str() != Some(FORMAT) {
            problems.push(Problem::new(
                "format",
                "not_stocktake",
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
                    "newer_version",
                    format!("This file was saved by a newer Stocktake (file version {n}); update the page to read all of it"),
                ));
            }
            Some(n) if n >= 1 => a.version = n,
            _ => problems.push(Problem::new(
                "version",
                "invalid_version",
                "The file version must be a whole number from 1",
            )),
        },
    }
    match obj.get("framework") {
        None | Some(Value::Null) => {}
        Some(Value::String(id)) if framework::get(id).is_some() => a.framework = id.clone(),
        Some(other) => problems.push(Problem::new(
            "framework",
            "unknown_framework",
            format!(
                "Unknown framework {}; scored against {}",
                shown(other),
                framework::current().id
            ),
        )),
    }
    let fw = a.framework();
    a.authority = text(
        obj.get("authority").unwrap_or(&Value::Null),
        "authority",
        MAX_TEXT,
        &mut problems,
    );
    a.assessed_on = date(
        obj.get("assessedOn").unwrap_or(&Value::Null),
        "assessedOn",
        &mut problems,
    );
    match obj.get("answers") {
        None | Some(Value::Null) => {}
        Some(Value::Object(answers)) => {
            for (id, v) in answers {
                let field = format!("answers.{id}");
                if fw.statement_index(id).is_none() {
                    problems.push(Problem::new(
                        field,
                        "unknown_statement",
                        format!("{id} is not a statement in {}", fw.name),
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
            "not_object",
            "Answers must be an object keyed by statement id",
        )),
    }
    match obj.get("indicators") {
        None | Some(Value::Null) => {}
        Some(Value::Object(values)) => {
            for (id, v) in values {
                let field = format!("indicators.{id}");
                let Some(ind) = fw.indicator(id) else {
                    problems.push(Problem::new(
                        field,
                        "unknown_indicator",
                        format!("{id} is not an indicator"),
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
                            "out_of_range",
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
                        "not_a_number",
                        format!("{} must be a number", ind.name),
                    )),
                }
            }
        }
        Some(_) => problems.push(Problem::new(
            "indicators",
            "not_object",
            "Indicators must be an object keyed by indicator id",
        )),
    }
    if let Some(h) = obj.get("history") {
        a.history = h.clone();
    }
    (a, problems)
}

fn parse_answer(v: &Value, field: &str, fw: &Framework, problems: &mut Vec<Problem>) -> Option<Answer> {
    let Some(o) = v.as_object() else {
        problems.push(Problem::new(field, "not_object", "An answer must be an object"));
        return None;
    };
    let mut ans = Answer::default();
    match o.get("level") {
        None | Some(Value::Null) => {}
        Some(Value::String(s)) if Level::from_id(s).is_some() => ans.level = Level::from_id(s),
        Some(other) => problems.push(Problem::new(
            format!("{field}.level"),
            "unknown_level",
            format!(
                "{} is not a level: use outstanding, good, requires_improvement, inadequate or not_known",
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
                        format!("{field}.evidence.{i}"),
                        "unknown_evidence",
                        format!("{} is not an evidence source", shown(e)),
                    )),
                }
            }
        }
        Some(_) => problems.push(Problem::new(
            format!("{field}.evidence"),
            "not_array",
            "Evidence must be a list",
        )),
    }
    let notes_field = format!("{field}.notes");
    ans.notes = text(
        o.get("notes").unwrap_or(&Value::Null),
        &notes_field,
        MAX_NOTES,
        problems,
    );
    if let Some(p) = problems.last_mut() {
        if p.field == notes_field && p.code == "too_long" {
            p.code = "notes_too_long".into();
        }
    }
    match o.get("action") {
        None | Some(Value::Null) => {}
        Some(Value::Object(act)) => {
            let get = |k: &str| act.get(k).unwrap_or(&Value::Null);
            let action = Action {
                text: text(get("text"), &format!("{field}.action.text"), MAX_TEXT, problems),
                owner: text(get("owner"), &format!("{field}.action.owner"), MAX_TEXT, problems),
                due: date(get("due"), &format!("{field}.action.due"), problems),
            };
            if action != Action::default() {
                ans.action = Some(action);
            }
        }
        Some(_) => problems.push(Problem::new(
            format!("{field}.action"),
            "not_object",
            "An action must be an object",
        )),
    }
    Some(ans)
}

/// Parses the raw text of a saved file: not JSON gives `not_json`; not an object or without
/// `format: "stocktake-assessment"` gives `not_stocktake`; then as [`parse_assessment`].
pub fn parse_assessment_text(text: &str) -> (Assessment, Vec<Problem>) {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return (
                Assessment::default(),
                vec![Problem::new(
                    "",
                    "not_json",
                    format!("The file is not a saved self-evaluation (not JSON: {e})"),
                )],
            )
        }
    };
    let is_ours = value.get("format").and_then(Value::as_str) == Some(FORMAT);
    if !is_ours {
        return (
            Assessment::default(),
            vec![Problem::new(
                "format",
                "not_stocktake",
                "This file is not a Stocktake self-evaluation",
            )],
        );
    }
    parse_assessment(&value)
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
        parse_assessment(&v).1.into_iter().map(|p| (p.field, p.code)).collect()
    }

    #[test]
    fn a_good_file_parses_without_problems_and_round_trips() {
        let v = json!({
            "format": FORMAT, "version": 1, "framework": "ilacs-2023-01", "authority": "Anyshire",
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
