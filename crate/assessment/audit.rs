//! Case-file audits: a practice manager's grading of one child's record against the audit
//! criteria (`crate/data/audits/criteria.toml`), saved in the self-evaluation file under `audits`.
//!
//! `{ caseRef, area, auditor, date, team, grades: { <criterionId>: grade | "not_applicable" },
//!    overall, learning, moderation?: { auditor, date, grades, overall } }`
//!
//! [`parse_audits`] is lenient like the rest of the file: an audit without a case reference, an
//! area with criteria or a date is left out with a problem; a bad grade is left out alone. Every
//! problem names its field as `audits.<n>.<field>` (n from 0) so the page can link it. A case
//! reference that looks like a name, a date of birth or an NHS number is kept, with a
//! `looks_personal` warning: audits must not identify a child.
use super::shapes::{CriteriaFile, CriteriaSet, Criterion};
use super::{clip, date, text, MAX_NOTES};
use crate::model::date as day;
use crate::model::grade::Grade;
use crate::support::embedded::Text;
use crate::support::problems::{Code, Problem};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The most audits one file may hold: a year of audits in a large authority.
pub const MAX_AUDITS: usize = 2000;
/// Longest case reference, in characters.
pub const MAX_CASE_REF: usize = 40;
/// Longest auditor or team name, in characters.
pub const MAX_NAME: usize = 100;

/// The audit criteria, baked.
pub fn criteria_file() -> &'static CriteriaFile {
    static DATA: OnceLock<CriteriaFile> = OnceLock::new();
    DATA.get_or_init(|| baked!("audits/criteria"))
}

/// The criteria for a framework, if it has any: every set that lists the framework, merged in file
/// order (a set for one version adds criteria for the statements only that version has). The merged
/// set is named by its sets' ids joined with "+", and lists the one framework.
pub fn criteria_for(framework: &str) -> Option<&'static CriteriaSet> {
    static MERGED: OnceLock<BTreeMap<String, CriteriaSet>> = OnceLock::new();
    MERGED
        .get_or_init(|| {
            let mut out: BTreeMap<String, CriteriaSet> = BTreeMap::new();
            for set in criteria_file().set.iter() {
                for f in set.frameworks.iter() {
                    let merged = out.entry(f.to_string()).or_insert_with(|| CriteriaSet {
                        id: Text::Owned(String::new()),
                        frameworks: vec![f.clone()].into(),
                        criterion: Vec::new().into(),
                    });
                    if !merged.id.is_empty() {
                        merged.id.to_mut().push('+');
                    }
                    merged.id.to_mut().push_str(&set.id);
                    merged.criterion.to_mut().extend(set.criterion.iter().cloned());
                }
            }
            out
        })
        .get(framework)
}

/// A criterion of a framework's set by id.
pub fn criterion(framework: &str, id: &str) -> Option<&'static Criterion> {
    criteria_for(framework)?.criterion.iter().find(|c| c.id == id)
}

/// A grade on the four-point scale, or not applicable to this case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Outstanding.
    Outstanding,
    /// Good.
    Good,
    /// Requires improvement to be good.
    RequiresImprovement,
    /// Inadequate.
    Inadequate,
    /// The criterion does not apply to this case.
    NotApplicable,
}

impl Mark {
    /// The grade, or `None` when not applicable.
    pub fn grade(self) -> Option<Grade> {
        match self {
            Mark::Outstanding => Some(Grade::Outstanding),
            Mark::Good => Some(Grade::Good),
            Mark::RequiresImprovement => Some(Grade::RequiresImprovement),
            Mark::Inadequate => Some(Grade::Inadequate),
            Mark::NotApplicable => None,
        }
    }

    fn from_id(s: &str) -> Option<Mark> {
        Some(match s {
            "outstanding" => Mark::Outstanding,
            "good" => Mark::Good,
            "requires_improvement" => Mark::RequiresImprovement,
            "inadequate" => Mark::Inadequate,
            "not_applicable" => Mark::NotApplicable,
            _ => return None,
        })
    }
}

/// A second auditor's grading of the same case, for moderation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Moderation {
    /// The moderating auditor.
    pub auditor: String,
    /// When it was moderated (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// Grades by criterion id.
    pub grades: BTreeMap<String, Mark>,
    /// The moderator's overall grade.
    pub overall: Option<Grade>,
}

/// One audited case.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Audit {
    /// The case reference (never a name).
    pub case_ref: String,
    /// The area id.
    pub area: String,
    /// Who audited it.
    pub auditor: String,
    /// When (`YYYY-MM-DD`).
    pub date: String,
    /// The team whose case it is.
    pub team: String,
    /// Grades by criterion id.
    pub grades: BTreeMap<String, Mark>,
    /// The overall grade for the case.
    pub overall: Option<Grade>,
    /// What was learned.
    pub learning: String,
    /// A second auditor's grading, if moderated.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub moderation: Option<Moderation>,
}

/// Why a case reference looks like it identifies a child, if it does.
pub fn looks_personal(s: &str) -> Option<&'static str> {
    let t = s.trim();
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let only_digits_and_gaps = t.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '-');
    if only_digits_and_gaps && digits.len() == 10 && nhs_check_digit_ok(&digits) {
        return Some("looks like an NHS number");
    }
    if looks_like_date(t) {
        return Some("looks like a date of birth");
    }
    if looks_like_name(t) {
        return Some("looks like a name");
    }
    None
}

/// The NHS number Modulus 11 check: weights 10 down to 2 on the first nine digits; 11 minus the
/// remainder is the check digit (11 means 0, 10 means invalid).
pub fn nhs_check_digit_ok(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 10 {
        return false;
    }
    let sum: u32 = d[..9].iter().zip((2..=10).rev()).map(|(x, w)| x * w).sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == d[9]
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Day, month and year in numbers (`12/03/2015`, `2015-03-12`, `12.3.15`) or with a month name
/// (`12 March 2015`).
fn looks_like_date(t: &str) -> bool {
    let groups: Vec<&str> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let separators_only = t.chars().all(|c| c.is_ascii_digit() || "/-. ".contains(c));
    if separators_only && groups.len() == 3 {
        let n: Vec<u32> = groups.iter().filter_map(|g| g.parse().ok()).collect();
        let lens: Vec<usize> = groups.iter().map(|g| g.len()).collect();
        let dmy = lens[0] <= 2
            && lens[1] <= 2
            && (lens[2] == 2 || lens[2] == 4)
            && (1..=31).contains(&n[0])
            && (1..=12).contains(&n[1]);
        let ymd = lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2 && (1..=12).contains(&n[1]) && (1..=31).contains(&n[2]);
        return dmy || ymd;
    }
    // ASCII only: Unicode case tables would add kilobytes to the wasm for English month names.
    let lower = t.to_ascii_lowercase();
    let has_month = lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m) && m.len() <= w.len()));
    has_month && groups.len() >= 2 && groups.iter().any(|g| g.len() == 4 || g.len() == 2)
}

/// Two to four words, each a capital letter followed by lower-case letters (apostrophes and
/// hyphens allowed), and no digits: "Jane Smith", "Amir O'Neill", "Zoë Brontë". Letters beyond
/// ASCII count as lower-case letters (no Unicode tables in the wasm for this).
fn looks_like_name(t: &str) -> bool {
    let words: Vec<&str> = t.split_ascii_whitespace().collect();
    let letter = |c: char| c.is_ascii_alphabetic() || !c.is_ascii();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(|c| c.is_ascii_uppercase())
                && w.chars()
                    .nth(1)
                    .is_some_and(|c| c.is_ascii_lowercase() || !c.is_ascii() || c == '\'')
                && cs.all(|c| letter(c) || c == '\'' || c == '-')
        })
}

fn grade_of(v: &Value) -> Option<Grade> {
    match v.as_str().and_then(Mark::from_id) {
        Some(m) => m.grade(),
        None => None,
    }
}

fn parse_grades(
    v: Option<&Value>,
    field: &str,
    framework: &str,
    problems: &mut Vec<Problem>,
) -> BTreeMap<String, Mark> {
    let mut out = BTreeMap::new();
    match v {
        None | Some(Value::Null) => {}
        Some(Value::Object(map)) => {
            for (id, g) in map {
                let f = format!("{field}.{}", clip(id));
                if criterion(framework, id).is_none() {
                    problems.push(Problem::new(
                        f,
                        Code::UnknownCriterion,
                        format!(
                            "{} is not an audit criterion for this framework, so its grade was left out",
                            clip(id)
                        ),
                    ));
                    continue;
                }
                match g.as_str().and_then(Mark::from_id) {
                    Some(m) => {
                        out.insert(id.clone(), m);
                    }
                    None if g.is_null() || g.as_str() == Some("") => {}
                    None => problems.push(Problem::new(
                        f,
                        Code::InvalidGrade,
                        "Choose outstanding, good, requires improvement, inadequate or not applicable",
                    )),
                }
            }
        }
        Some(_) => problems.push(Problem::new(
            field,
            Code::WrongShape,
            "The grades must be a list of criteria and grades",
        )),
    }
    out
}

fn parse_overall(v: Option<&Value>, field: String, problems: &mut Vec<Problem>) -> Option<Grade> {
    match v {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(g) => grade_of(g).or_else(|| {
            problems.push(Problem::new(
                field,
                Code::InvalidGrade,
                "Choose outstanding, good, requires improvement or inadequate for the overall grade",
            ));
            None
        }),
    }
}

/// One audit; `n` is its place in the list. `None` (with problems) when it lacks a case
/// reference, a known area or a date.
pub fn parse_audit(v: &Value, n: usize, framework: &str, problems: &mut Vec<Problem>) -> Option<Audit> {
    let at = |f: &str| format!("audits.{n}.{f}");
    let Some(o) = v.as_object() else {
        problems.push(Problem::new(
            format!("audits.{n}"),
            Code::WrongShape,
            "An audit must be an object",
        ));
        return None;
    };
    let get = |k: &str| o.get(k).unwrap_or(&Value::Null);
    let case_ref = text(get("caseRef"), &|| at("caseRef"), MAX_CASE_REF, problems)
        .trim()
        .to_string();
    let mut keep = true;
    if case_ref.is_empty() {
        problems.push(Problem::new(at("caseRef"), Code::Missing, "Enter the case reference"));
        keep = false;
    } else if let Some(why) = looks_personal(&case_ref) {
        problems.push(Problem::new(
            at("caseRef"),
            Code::LooksPersonal,
            format!("The case reference {why}: use your case-management system's reference, never a child's name, date of birth or NHS number"),
        ));
    }
    let area = match get("area") {
        Value::String(a) if criteria_for(framework).is_some_and(|s| s.criterion.iter().any(|c| c.area == *a)) => {
            a.clone()
        }
        Value::Null => {
            problems.push(Problem::new(
                at("area"),
                Code::Missing,
                "Choose the area the case was audited for",
            ));
            keep = false;
            String::new()
        }
        other => {
            problems.push(Problem::new(
                at("area"),
                Code::UnknownArea,
                format!(
                    "{} is not an area with audit criteria in this framework",
                    super::shown(other)
                ),
            ));
            keep = false;
            String::new()
        }
    };
    let date = date(get("date"), &|| at("date"), problems);
    if date.is_none() && !problems.iter().any(|p| p.field == at("date")) {
        problems.push(Problem::new(
            at("date"),
            Code::Missing,
            "Enter the date of the audit, like 31 3 2026",
        ));
    }
    let auditor = text(get("auditor"), &|| at("auditor"), MAX_NAME, problems);
    let team = text(get("team"), &|| at("team"), MAX_NAME, problems);
    let learning = text(get("learning"), &|| at("learning"), MAX_NOTES, problems);
    let grades = parse_grades(o.get("grades"), &at("grades"), framework, problems);
    let overall = parse_overall(o.get("overall"), at("overall"), problems);
    let moderation = match o.get("moderation") {
        None | Some(Value::Null) => None,
        Some(Value::Object(m)) => {
            let mat = |f: &str| format!("audits.{n}.moderation.{f}");
            Some(Moderation {
                auditor: text(
                    m.get("auditor").unwrap_or(&Value::Null),
                    &|| mat("auditor"),
                    MAX_NAME,
                    problems,
                ),
                date: super::date(m.get("date").unwrap_or(&Value::Null), &|| mat("date"), problems),
                grades: parse_grades(m.get("grades"), &mat("grades"), framework, problems),
                overall: parse_overall(m.get("overall"), mat("overall"), problems),
            })
        }
        Some(_) => {
            problems.push(Problem::new(
                at("moderation"),
                Code::WrongShape,
                "The moderation must be an object",
            ));
            None
        }
    };
    let date = date?;
    keep.then_some(Audit {
        case_ref,
        area,
        auditor,
        date,
        team,
        grades,
        overall,
        learning,
        moderation,
    })
}

/// The `audits` member of a saved file. An audit dated after `assessed_on` (the self-evaluation's
/// date, when given) is kept, so nothing typed is lost, with a problem on its date: it cannot count
/// as evidence for a self-evaluation made before it, and the form and the import refuse it.
pub fn parse_audits(
    v: Option<&Value>,
    framework: &str,
    assessed_on: Option<&str>,
    problems: &mut Vec<Problem>,
) -> Vec<Audit> {
    let long = |s: &str| day::parse(s).map_or_else(|| s.to_string(), day::long);
    match v {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => {
            if items.len() > MAX_AUDITS {
                problems.push(Problem::new(
                    "audits",
                    Code::TooMany,
                    format!("A file holds at most {MAX_AUDITS} audits; only the first {MAX_AUDITS} were read"),
                ));
            }
            items
                .iter()
                .take(MAX_AUDITS)
                .enumerate()
                .filter_map(|(n, v)| {
                    let audit = parse_audit(v, n, framework, problems)?;
                    if let Some(on) = assessed_on.filter(|on| audit.date.as_str() > *on) {
                        problems.push(Problem::new(
                            format!("audits.{n}.date"),
                            Code::AfterAssessment,
                            format!(
                                "The audit is dated {}, after the date of the self-evaluation ({}): enter the date the case was audited, on or before {}",
                                long(&audit.date),
                                long(on),
                                long(on)
                            ),
                        ));
                    }
                    Some(audit)
                })
                .collect()
        }
        Some(_) => {
            problems.push(Problem::new("audits.0", Code::WrongShape, "The audits must be a list"));
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const FW: &str = "ilacs-2026-04";

    fn one(v: Value) -> (Option<Audit>, Vec<(String, String)>) {
        let mut p = Vec::new();
        let a = parse_audit(&v, 0, FW, &mut p);
        (a, p.into_iter().map(|p| (p.field, p.code.to_string())).collect())
    }

    #[test]
    fn a_full_audit_reads() {
        let (a, p) = one(json!({
            "caseRef": "LCS-104233", "area": "help_and_protection", "auditor": "PM Ward", "date": "2026-05-01",
            "team": "Assessment North", "grades": { "au_hp_seen_alone": "good", "au_hp_strategy": "not_applicable" },
            "overall": "requires_improvement", "learning": "Plan lacked timescales",
            "moderation": { "auditor": "HoS", "date": "2026-05-09", "grades": { "au_hp_seen_alone": "inadequate" }, "overall": "inadequate" }
        }));
        assert!(p.is_empty(), "{p:?}");
        let a = a.unwrap();
        assert_eq!(a.grades["au_hp_strategy"], Mark::NotApplicable);
        assert_eq!(a.overall, Some(Grade::RequiresImprovement));
        assert_eq!(a.moderation.unwrap().grades["au_hp_seen_alone"], Mark::Inadequate);
    }

    #[test]
    fn problems_name_their_fields_and_bad_parts_are_left_out() {
        let (a, p) = one(json!({
            "caseRef": "X1", "area": "help_and_protection", "date": "2026-05-01",
            "grades": { "au_hp_seen_alone": "great", "au_nope": "good", "au_hp_plan": "good" }, "overall": "meh"
        }));
        let a = a.unwrap();
        assert_eq!(a.grades.len(), 1);
        assert_eq!(
            p,
            vec![
                ("audits.0.grades.au_hp_seen_alone".into(), "invalid_grade".into()),
                ("audits.0.grades.au_nope".into(), "unknown_criterion".into()),
                ("audits.0.overall".into(), "invalid_grade".into()),
            ]
        );
        let (a, p) = one(json!({ "area": "nowhere", "date": "31/02/2026" }));
        assert!(a.is_none());
        let fields: Vec<&str> = p.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(fields, ["audits.0.caseRef", "audits.0.area", "audits.0.date"]);
    }

    #[test]
    fn case_references_that_identify_a_child_are_warned_about() {
        // 943 476 5919 is the NHS's own example of a valid number.
        for s in ["943 476 5919", "9434765919", "943-476-5919"] {
            assert_eq!(looks_personal(s), Some("looks like an NHS number"), "{s}");
        }
        assert_eq!(looks_personal("9434765918"), None, "wrong check digit");
        for s in ["12/03/2015", "2015-03-12", "1.3.15", "12 March 2015", "3 Sept 15"] {
            assert_eq!(looks_personal(s), Some("looks like a date of birth"), "{s}");
        }
        for s in ["Jane Smith", "Amir O'Neill", "Mary-Jane Lee Ross", "Zoë Brontë"] {
            assert_eq!(looks_personal(s), Some("looks like a name"), "{s}");
        }
        for s in ["LCS-104233", "A12345", "CIN 2026 0441", "Case 17", "MASH ref"] {
            assert_eq!(looks_personal(s), None, "{s}");
        }
        let (a, p) = one(json!({ "caseRef": "Jane Smith", "area": "care_leavers", "date": "2026-05-01" }));
        assert!(a.is_some(), "kept, with a warning");
        assert_eq!(p, vec![("audits.0.caseRef".into(), "looks_personal".into())]);
    }

    #[test]
    fn every_criterion_names_statements_of_each_framework_it_applies_to() {
        let mut ids = std::collections::BTreeSet::new();
        for set in criteria_file().set.iter() {
            for f in set.frameworks.iter() {
                let fw = crate::framework::get(f).unwrap_or_else(|| panic!("{f}"));
                for c in set.criterion.iter() {
                    assert!(!c.statements.is_empty(), "{}", c.id);
                    for s in c.statements.iter() {
                        assert!(fw.statement_index(s).is_some(), "{} names {s}, not in {f}", c.id);
                    }
                    assert!(fw.areas.iter().any(|a| a.id == c.area), "{}: area {}", c.id, c.area);
                    assert!(c.source.starts_with("https://"), "{}", c.id);
                }
            }
            for c in set.criterion.iter() {
                assert!(ids.insert((set.id.to_string(), c.id.to_string())), "duplicate {}", c.id);
            }
        }
        // Merged per framework, a criterion id appears once.
        for fw in crate::framework::all() {
            if let Some(set) = criteria_for(&fw.id) {
                let mut seen = std::collections::BTreeSet::new();
                for c in set.criterion.iter() {
                    assert!(seen.insert(c.id.to_string()), "{}: {} twice", fw.id, c.id);
                }
                assert_eq!(&*set.frameworks, [fw.id.as_str()]);
            }
        }
        // The 2026 framework's own statements have criteria; the older versions do not get them.
        let v2026 = criteria_for("ilacs-2026-04").unwrap();
        let v2023 = criteria_for("ilacs-2023-01").unwrap();
        assert!(v2026.criterion.len() > v2023.criterion.len());
        assert!(v2026
            .criterion
            .iter()
            .any(|c| c.statements.iter().any(|s| s == "hp_family_networks")));
        let s = &criteria_file().support;
        assert!(s.min_cases >= 1 && (50..=100).contains(&s.share_percent) && s.window_months >= 1);
    }

    #[test]
    fn every_practice_area_of_every_framework_has_at_least_four_criteria() {
        for fw in crate::framework::all() {
            let set = criteria_for(&fw.id).unwrap_or_else(|| panic!("{} has no audit criteria", fw.id));
            // Leadership is judged from the practice seen, not audited case by case.
            for area in fw.areas.iter().filter(|a| !a.id.starts_with("lead")) {
                let n = set.criterion.iter().filter(|c| c.area == area.id).count();
                assert!(n >= 4, "{}: {} has {n} criteria", fw.id, area.id);
            }
        }
    }

    #[test]
    fn an_audit_dated_after_the_self_evaluation_is_kept_with_a_problem() {
        let list = json!([
            { "caseRef": "A1", "area": "care_leavers", "date": "2026-05-01" },
            { "caseRef": "A2", "area": "care_leavers", "date": "2027-02-01" }
        ]);
        let mut p = Vec::new();
        let audits = parse_audits(Some(&list), FW, Some("2026-05-14"), &mut p);
        assert_eq!(audits.len(), 2, "nothing typed is lost");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].field, "audits.1.date");
        assert!(p[0].message.contains("1 February 2027"), "{}", p[0].message);
        assert!(p[0].message.contains("14 May 2026"), "{}", p[0].message);
    }

    #[test]
    fn too_many_audits_are_cut_with_a_problem() {
        let a = json!({ "caseRef": "A1", "area": "care_leavers", "date": "2026-05-01" });
        let list = Value::Array(vec![a; MAX_AUDITS + 1]);
        let mut p = Vec::new();
        assert_eq!(parse_audits(Some(&list), FW, None, &mut p).len(), MAX_AUDITS);
        assert_eq!(p[0].code, "too_many");
    }
}
