//! Comparing workshop participants: how a group rated the same scenario, statement by statement and
//! judgement by judgement, against the facilitator's reference answers.
//!
//! [`compare_participants`] takes the raw text of saved files (with their file names) and never panics.
//!
//! **Which files count.** Each file is read with the lenient saved-file parser. A file is *invalid*
//! (listed with its reason, and skipped) when:
//! * it is not a Stocktake self-evaluation, or it has any problem (a participant's file written by
//!   the page has none; a damaged or hand-edited one is not silently half-counted);
//! * it is for a different scenario or framework than the comparison: the reference scenario when one
//!   is given, otherwise the first valid file;
//! * its participant name (the file's `participant`, or the file name when that is empty) is the same,
//!   ignoring case and surrounding spaces, as an earlier valid file's: the first file wins;
//! * it is larger than [`MAX_FILE_CHARS`] bytes, or beyond the first [`MAX_FILES`] files.
//!
//! **Reference.** The reference scenario is the one asked for or, when none is, the scenario of the
//! first valid file (if it has one). Its reference answers give each statement's reference level and,
//! scored, each judgement's reference grade.
//!
//! **Figures.** For each statement: `counts` of participants at each level (`unanswered` for no
//! level); `mode`, the most common level among those who answered (not known included), ties going to
//! the lower level in the order inadequate < not known < requires improvement < good < outstanding;
//! `agreement`, the share of answering participants at the mode, rounded to 2 decimal places (`null`
//! when nobody answered); `spread`, the grade steps between the lowest and the highest graded answer
//! (not known excluded; `null` when there is no graded answer). Judgements are the same over the
//! participants' projected grades (ties to the lower grade; `ungraded` counts projections too
//! incomplete to grade). `disagreements` lists up to [`TOP_DISAGREEMENTS`] statements with agreement
//! below 1, lowest agreement first, then largest spread, then framework order.
use crate::assessment::{parse_assessment_text, Assessment};
use crate::framework::Framework;
use crate::model::grade::Grade;
use crate::model::level::Level;
use crate::scoring::score::score;
use crate::support::problems::{Code, Problem};
use serde::Serialize;
use std::collections::BTreeMap;

/// Most files read in one comparison; later files are listed as invalid.
pub const MAX_FILES: usize = 200;
/// Largest file read, in bytes of UTF-8 text (a full self-evaluation is well under 200,000).
pub const MAX_FILE_CHARS: usize = 2_000_000;
/// How many statements `disagreements` lists at most.
pub const TOP_DISAGREEMENTS: usize = 10;

/// Participants at each level of one statement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LevelCounts {
    /// Outstanding.
    pub outstanding: u32,
    /// Good.
    pub good: u32,
    /// Requires improvement.
    pub requires_improvement: u32,
    /// Inadequate.
    pub inadequate: u32,
    /// Not known.
    pub not_known: u32,
    /// No level given.
    pub unanswered: u32,
}

impl LevelCounts {
    fn add(&mut self, level: Option<Level>) {
        match level {
            Some(Level::Outstanding) => self.outstanding += 1,
            Some(Level::Good) => self.good += 1,
            Some(Level::RequiresImprovement) => self.requires_improvement += 1,
            Some(Level::Inadequate) => self.inadequate += 1,
            Some(Level::NotKnown) => self.not_known += 1,
            None => self.unanswered += 1,
        }
    }

    /// The count at a level.
    pub fn at(&self, level: Level) -> u32 {
        match level {
            Level::Outstanding => self.outstanding,
            Level::Good => self.good,
            Level::RequiresImprovement => self.requires_improvement,
            Level::Inadequate => self.inadequate,
            Level::NotKnown => self.not_known,
        }
    }

    /// Every count, unanswered included.
    pub fn total(&self) -> u32 {
        self.answered() + self.unanswered
    }

    /// Participants who gave a level (not known included).
    pub fn answered(&self) -> u32 {
        Level::ORDERED.iter().map(|&l| self.at(l)).sum()
    }
}

/// Participants at each projected grade of one judgement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct GradeCounts {
    /// Outstanding.
    pub outstanding: u32,
    /// Good.
    pub good: u32,
    /// Requires improvement.
    pub requires_improvement: u32,
    /// Inadequate.
    pub inadequate: u32,
    /// Too little answered to grade.
    pub ungraded: u32,
}

impl GradeCounts {
    fn add(&mut self, grade: Option<Grade>) {
        match grade {
            Some(Grade::Outstanding) => self.outstanding += 1,
            Some(Grade::Good) => self.good += 1,
            Some(Grade::RequiresImprovement) => self.requires_improvement += 1,
            Some(Grade::Inadequate) => self.inadequate += 1,
            None => self.ungraded += 1,
        }
    }

    /// The count at a grade.
    pub fn at(&self, grade: Grade) -> u32 {
        match grade {
            Grade::Outstanding => self.outstanding,
            Grade::Good => self.good,
            Grade::RequiresImprovement => self.requires_improvement,
            Grade::Inadequate => self.inadequate,
        }
    }
}

/// One valid participant file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    /// The file name.
    pub name: String,
    /// The participant's name in the file, if given.
    pub participant: Option<String>,
    /// Projected grades by judgement id (`null` when too little is answered).
    pub judgements: BTreeMap<String, Option<Grade>>,
}

/// A file that was skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct InvalidFile {
    /// The file name.
    pub name: String,
    /// Why it was skipped, in plain English.
    pub reason: String,
}

/// How the group rated one statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StatementComparison {
    /// Statement id.
    pub id: String,
    /// Area id.
    pub area: String,
    /// Statement text.
    pub text: String,
    /// Participants at each level.
    pub counts: LevelCounts,
    /// The most common level among those who answered.
    pub mode: Option<Level>,
    /// Share of answering participants at the mode, 0–1, 2 decimal places.
    pub agreement: Option<f64>,
    /// Grade steps between the lowest and highest graded answer (not known excluded).
    pub spread: Option<u8>,
    /// The reference level, when there is a reference.
    pub reference: Option<Level>,
}

/// One participant's projected grade for a judgement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ParticipantGrade {
    /// The participant's display name (the name in the file, or the file name).
    pub name: String,
    /// The projected grade.
    pub grade: Option<Grade>,
    /// Whether it equals the reference grade (`null` without a reference).
    pub matches_reference: Option<bool>,
}

/// How the group's projections compare for one judgement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct JudgementComparison {
    /// Judgement id.
    pub id: String,
    /// Judgement name.
    pub name: String,
    /// Participants at each projected grade.
    pub counts: GradeCounts,
    /// The most common projected grade.
    pub mode: Option<Grade>,
    /// Share of graded participants at the mode, 0–1, 2 decimal places.
    pub agreement: Option<f64>,
    /// The reference grade, when there is a reference.
    pub reference: Option<Grade>,
    /// Each participant's projection.
    pub participants: Vec<ParticipantGrade>,
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Comparison {
    /// The scenario compared, if any.
    pub scenario: Option<String>,
    /// The scenario's name, if any.
    pub scenario_name: Option<String>,
    /// The framework id, `null` when there is neither a valid file nor a reference.
    pub framework: Option<String>,
    /// The valid files, in the order given.
    pub participants: Vec<Participant>,
    /// The skipped files, in the order given.
    pub invalid: Vec<InvalidFile>,
    /// Every statement of the framework, in framework order.
    pub statements: Vec<StatementComparison>,
    /// Every judgement (overall effectiveness first where the framework has it).
    pub judgements: Vec<JudgementComparison>,
    /// Statement ids where participants disagree most.
    pub disagreements: Vec<String>,
    /// Problems with the request itself (an unknown reference scenario).
    pub problems: Vec<Problem>,
}

/// A share rounded to 2 decimal places.
fn share(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| (f64::from(part) / f64::from(whole) * 100.0).round() / 100.0)
}

/// Projected grades by judgement id, in framework order.
fn projected(fw: &Framework, a: &Assessment) -> Vec<(String, Option<Grade>)> {
    let r = score(a);
    fw.judgements
        .iter()
        .map(|j| {
            let grade = if j.derived {
                r.overall.as_ref().and_then(|o| o.grade)
            } else {
                r.judgements.iter().find(|x| x.id == j.id).and_then(|x| x.grade)
            };
            (j.id.clone(), grade)
        })
        .collect()
}

fn describe(scenario: &Option<String>) -> String {
    match scenario.as_deref().and_then(crate::workshop::scenarios::get) {
        Some(s) => format!("the scenario {}", s.name),
        None => "no scenario".to_string(),
    }
}

fn first_problem(problems: &[Problem]) -> String {
    let p = &problems[0];
    let mut reason = p.message.clone();
    if !p.field.is_empty() && !matches!(p.code, Code::NotJson | Code::NotStocktake) {
        reason = format!("{reason} (at {})", p.field);
    }
    match problems.len() {
        1 => reason,
        2 => format!("{reason}, and 1 more problem"),
        n => format!("{reason}, and {} more problems", n - 1),
    }
}

/// One `{ name, text }` of `compareParticipants`' first argument (`name` may be left out; as
/// serde reads any struct, `[name, text]` is taken too).
#[derive(serde::Deserialize)]
struct NamedFile {
    #[serde(default)]
    name: String,
    text: String,
}

/// Reads the first argument of `compareParticipants`: a list of `{ name, text }` (strings; `name` may
/// be left out and defaults to empty; other keys are ignored), as `(file name, text)` pairs for
/// [`compare_participants`]. `Err` says what is wrong and where: the item's index and key.
///
/// ```
/// let files = stocktake::workshop::compare::named_files(&serde_json::json!([{ "name": "a.json", "text": "{}" }]));
/// assert_eq!(files, Ok(vec![("a.json".to_string(), "{}".to_string())]));
/// assert!(stocktake::workshop::compare::named_files(&serde_json::json!([{ "name": "a.json" }])).is_err());
/// ```
pub fn named_files(value: &serde_json::Value) -> Result<Vec<(String, String)>, String> {
    let files = <Vec<NamedFile> as serde::Deserialize>::deserialize(value).map_err(|e| e.to_string())?;
    Ok(files.into_iter().map(|f| (f.name, f.text)).collect())
}

/// Compares participants' saved files (`(file name, text)`), optionally against a scenario's reference
/// answers. See the module docs for which files count and how the figures are worked out.
///
/// ```
/// let start = stocktake::workshop::scenarios::get("fenmarsh").unwrap().participant_start();
/// let mut a = start.clone();
/// a.participant = Some("Ali".into());
/// a.set("hp_front_door", stocktake::model::level::Level::Good);
/// let text = serde_json::to_string(&stocktake::assessment::to_value(&a)).unwrap();
/// let c = stocktake::workshop::compare::compare_participants(&[("ali.json".into(), text), ("x.txt".into(), "hi".into())], None);
/// assert_eq!(c.scenario.as_deref(), Some("fenmarsh"));
/// assert_eq!(c.participants.len(), 1);
/// assert_eq!(c.invalid[0].name, "x.txt");
/// ```
pub fn compare_participants(files: &[(String, String)], reference: Option<&str>) -> Comparison {
    let mut problems = Vec::new();
    let mut invalid = Vec::new();
    let given = match reference {
        Some(id) => match crate::workshop::scenarios::get(id) {
            Some(s) => Some(s),
            None => {
                problems.push(Problem::new(
                    "reference",
                    Code::UnknownScenario,
                    format!("{id} is not a workshop scenario"),
                ));
                None
            }
        },
        None => None,
    };
    // The scenario and framework every file must share.
    let mut key: Option<(Option<String>, String)> = given.map(|s| (Some(s.id.clone()), s.framework.clone()));
    let mut valid: Vec<(String, Assessment, String)> = Vec::new();
    for (i, (name, text)) in files.iter().enumerate() {
        let skip = |reason: String| InvalidFile {
            name: name.clone(),
            reason,
        };
        if i >= MAX_FILES {
            invalid.push(skip(format!("Only the first {MAX_FILES} files are compared")));
            continue;
        }
        if text.len() > MAX_FILE_CHARS {
            invalid.push(skip("The file is too large to be a saved self-evaluation".into()));
            continue;
        }
        let (a, file_problems) = parse_assessment_text(text);
        if !file_problems.is_empty() {
            invalid.push(skip(first_problem(&file_problems)));
            continue;
        }
        match &key {
            None => key = Some((a.scenario.clone(), a.framework.clone())),
            Some((scenario, framework)) => {
                if a.scenario != *scenario {
                    invalid.push(skip(format!(
                        "This file is for {}, but the comparison is for {}",
                        describe(&a.scenario),
                        describe(scenario)
                    )));
                    continue;
                }
                if a.framework != *framework {
                    invalid.push(skip(format!(
                        "This file uses the framework {}, but the comparison uses {}",
                        a.framework, framework
                    )));
                    continue;
                }
            }
        }
        let display = a
            .participant
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .unwrap_or(name.trim())
            .to_string();
        let folded = fold_case(&display);
        if let Some((other, _, _)) = valid.iter().find(|(_, _, d)| fold_case(d) == folded) {
            invalid.push(skip(format!(
                "Another file ({other}) already has the participant name \"{display}\""
            )));
            continue;
        }
        valid.push((name.clone(), a, display));
    }

    let scenario = key.as_ref().and_then(|k| k.0.clone());
    let reference_scenario = given.or_else(|| scenario.as_deref().and_then(crate::workshop::scenarios::get));
    let fw = key.as_ref().and_then(|k| crate::framework::get(&k.1));
    let Some(fw) = fw else {
        return Comparison {
            scenario,
            scenario_name: None,
            framework: None,
            participants: Vec::new(),
            invalid,
            statements: Vec::new(),
            judgements: Vec::new(),
            disagreements: Vec::new(),
            problems,
        };
    };
    let reference = reference_scenario.map(|s| s.reference());
    let reference_grades: Option<Vec<(String, Option<Grade>)>> = reference.as_ref().map(|r| projected(fw, r));
    let grades: Vec<Vec<(String, Option<Grade>)>> = valid.iter().map(|(_, a, _)| projected(fw, a)).collect();

    let participants = valid
        .iter()
        .zip(&grades)
        .map(|((name, a, _), g)| Participant {
            name: name.clone(),
            participant: a.participant.clone(),
            judgements: BTreeMap::from_iter(g.iter().cloned()),
        })
        .collect();

    let statements: Vec<StatementComparison> =
        fw.statements()
            .map(|(area, s)| {
                let mut counts = LevelCounts::default();
                for (_, a, _) in valid.iter() {
                    counts.add(a.answers.get(&*s.id).and_then(|x| x.level));
                }
                let mode = Level::ORDERED.iter().copied().filter(|&l| counts.at(l) > 0).fold(
                    None,
                    |best: Option<Level>, l| match best {
                        Some(b) if counts.at(b) >= counts.at(l) => Some(b),
                        _ => Some(l),
                    },
                );
                let ranks: Vec<u8> = Level::ORDERED
                    .iter()
                    .filter(|l| counts.at(**l) > 0)
                    .filter_map(|l| l.grade())
                    .map(Grade::rank)
                    .collect();
                let spread = match (ranks.iter().min(), ranks.iter().max()) {
                    (Some(lo), Some(hi)) => Some(hi - lo),
                    _ => None,
                };
                StatementComparison {
                    id: s.id.to_string(),
                    area: area.id.clone(),
                    text: s.text.to_string(),
                    counts,
                    mode,
                    agreement: mode.and_then(|m| share(counts.at(m), counts.answered())),
                    spread,
                    reference: reference
                        .as_ref()
                        .and_then(|r| r.answers.get(&*s.id))
                        .and_then(|x| x.level),
                }
            })
            .collect();

    let judgements =
        fw.judgements
            .iter()
            .enumerate()
            .map(|(j, judgement)| {
                let mut counts = GradeCounts::default();
                for g in grades.iter() {
                    counts.add(g[j].1);
                }
                let graded: u32 = Grade::ALL.iter().map(|&g| counts.at(g)).sum();
                let mode = Grade::ALL.iter().rev().copied().filter(|&g| counts.at(g) > 0).fold(
                    None,
                    |best: Option<Grade>, g| match best {
                        Some(b) if counts.at(b) >= counts.at(g) => Some(b),
                        _ => Some(g),
                    },
                );
                let reference = reference_grades.as_ref().and_then(|r| r[j].1);
                JudgementComparison {
                    id: judgement.id.clone(),
                    name: judgement.name.clone(),
                    counts,
                    mode,
                    agreement: mode.and_then(|m| share(counts.at(m), graded)),
                    reference,
                    participants: valid
                        .iter()
                        .zip(&grades)
                        .map(|((_, _, display), g)| ParticipantGrade {
                            name: display.clone(),
                            grade: g[j].1,
                            matches_reference: reference_grades
                                .as_ref()
                                .map(|_| reference.is_some() && g[j].1 == reference),
                        })
                        .collect(),
                }
            })
            .collect();

    let mut ranked: Vec<(usize, f64, u8)> = statements
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.agreement.filter(|a| *a < 1.0).map(|a| (i, a, s.spread.unwrap_or(0))))
        .collect();
    ranked.sort_by(|x, y| x.1.total_cmp(&y.1).then(y.2.cmp(&x.2)).then(x.0.cmp(&y.0)));
    let disagreements = ranked
        .iter()
        .take(TOP_DISAGREEMENTS)
        .map(|(i, _, _)| statements[*i].id.clone())
        .collect();

    Comparison {
        scenario,
        scenario_name: reference_scenario.map(|s| s.name.clone()),
        framework: Some(fw.id.clone()),
        participants,
        invalid,
        statements,
        judgements,
        disagreements,
        problems,
    }
}

/// A participant name in lower case, for noticing two files with the same name: ASCII and the
/// Latin-1 letters (À–Þ, as in Siân, Seán, Zoë, Ðorđe's first letter), which covers the names a
/// workshop in England is likely to see. Not `str::to_lowercase`, whose Unicode tables cost
/// about 8 KB of the gzipped wasm (docs/performance.md); other letters are compared as written.
fn fold_case(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'A'..='Z' | '\u{C0}'..='\u{DE}' if c != '\u{D7}' => char::from_u32(c as u32 + 32).unwrap_or(c),
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_case_is_unicode_lower_case_for_ascii_and_latin_1() {
        for c in (0u32..=0xFF).filter_map(char::from_u32) {
            assert_eq!(fold_case(&c.to_string()), c.to_lowercase().to_string(), "{c:?}");
        }
        assert_eq!(fold_case("SIÂN Ó SÚILLEABHÁIN"), "siân ó súilleabháin");
    }
    use crate::assessment::to_value;

    fn file(scenario: &str, participant: &str, levels: &[(&str, Level)]) -> String {
        let mut a = crate::workshop::scenarios::get(scenario).unwrap().participant_start();
        a.participant = Some(participant.to_string());
        for (id, l) in levels {
            a.set(id, *l);
        }
        serde_json::to_string(&to_value(&a)).unwrap()
    }

    fn named(list: Vec<(&str, String)>) -> Vec<(String, String)> {
        list.into_iter().map(|(n, t)| (n.to_string(), t)).collect()
    }

    fn statement<'a>(c: &'a Comparison, id: &str) -> &'a StatementComparison {
        c.statements.iter().find(|s| s.id == id).unwrap()
    }

    #[test]
    fn agreement_spread_and_mode_on_hand_built_files() {
        use Level::*;
        let files = named(vec![
            (
                "a.json",
                file("fenmarsh", "Ann", &[("hp_front_door", Good), ("hp_lado", NotKnown)]),
            ),
            (
                "b.json",
                file("fenmarsh", "Bo", &[("hp_front_door", Good), ("hp_lado", Inadequate)]),
            ),
            (
                "c.json",
                file(
                    "fenmarsh",
                    "Cy",
                    &[("hp_front_door", Outstanding), ("hp_lado", Outstanding)],
                ),
            ),
            (
                "d.json",
                file("fenmarsh", "Di", &[("hp_front_door", RequiresImprovement)]),
            ),
        ]);
        let c = compare_participants(&files, Some("fenmarsh"));
        assert!(c.invalid.is_empty(), "{:?}", c.invalid);
        let fd = statement(&c, "hp_front_door");
        assert_eq!(
            fd.counts,
            LevelCounts {
                outstanding: 1,
                good: 2,
                requires_improvement: 1,
                ..Default::default()
            }
        );
        assert_eq!(fd.mode, Some(Good));
        assert_eq!(fd.agreement, Some(0.5));
        assert_eq!(fd.spread, Some(2));
        assert_eq!(fd.reference, Some(Outstanding));
        // Three answers, one each: a tie goes to the lowest level; not known is not part of the spread.
        let lado = statement(&c, "hp_lado");
        assert_eq!(lado.counts.unanswered, 1);
        assert_eq!(lado.mode, Some(Inadequate));
        assert_eq!(lado.agreement, Some(0.33));
        assert_eq!(lado.spread, Some(3));
        let none = statement(&c, "cl_health");
        assert_eq!((none.mode, none.agreement, none.spread), (None, None, None));
        assert_eq!(none.counts.unanswered, 4);
        // hp_lado (0.33, spread 3) before hp_front_door (0.5).
        assert_eq!(c.disagreements, ["hp_lado", "hp_front_door"]);
        // Nobody answered enough to be graded: every projection is ungraded and misses the reference.
        for j in c.judgements.iter() {
            assert_eq!(j.counts.ungraded, 4, "{}", j.id);
            assert!(j.reference.is_some());
            assert!(j.participants.iter().all(|p| p.matches_reference == Some(false)));
            assert_eq!((j.mode, j.agreement), (None, None));
        }
    }

    #[test]
    fn judgements_compare_projections_with_the_reference() {
        let s = crate::workshop::scenarios::get("eastmere").unwrap();
        let reference = s.reference();
        let mut exact = reference.clone();
        exact.scenario = Some("eastmere".into());
        exact.participant = Some("Exact".into());
        let mut harsh = reference.clone();
        harsh.participant = Some("Harsh".into());
        harsh.set("hp_strategy_s47", Level::Inadequate);
        let text = |a: &Assessment| serde_json::to_string(&to_value(a)).unwrap();
        let c = compare_participants(
            &named(vec![("exact.json", text(&exact)), ("harsh.json", text(&harsh))]),
            None,
        );
        assert_eq!(c.scenario.as_deref(), Some("eastmere"));
        assert_eq!(c.judgements[0].id, "overall_effectiveness");
        let hp = c.judgements.iter().find(|j| j.id == "help_and_protection").unwrap();
        assert_eq!(hp.reference, Some(Grade::RequiresImprovement));
        assert_eq!(hp.counts.requires_improvement, 1);
        assert_eq!(hp.counts.inadequate, 1);
        assert_eq!(hp.agreement, Some(0.5));
        assert_eq!(hp.mode, Some(Grade::Inadequate));
        let matches: Vec<_> = hp
            .participants
            .iter()
            .map(|p| (p.name.as_str(), p.matches_reference))
            .collect();
        assert_eq!(matches, [("Exact", Some(true)), ("Harsh", Some(false))]);
        // A safety-critical statement at inadequate also keeps the harsh participant's leaders
        // below good (jr_leaders_critical_inadequate).
        let leaders = c.judgements.iter().find(|j| j.id == "impact_of_leaders").unwrap();
        assert_eq!(leaders.reference, Some(Grade::Good));
        assert_eq!(leaders.agreement, Some(0.5));
        assert_eq!(
            c.participants[1].judgements["overall_effectiveness"],
            Some(Grade::Inadequate)
        );
        assert_eq!(c.disagreements, ["hp_strategy_s47"]);
    }

    #[test]
    fn invalid_files_are_listed_with_reasons_and_skipped() {
        let files = named(vec![
            ("ann.json", file("calderbrook", "Ann", &[])),
            ("notes.txt", "hello".into()),
            ("other.json", "{\"format\":\"something-else\"}".into()),
            ("eastmere.json", file("eastmere", "Bo", &[])),
            ("ann-again.json", file("calderbrook", " ann ", &[])),
            (
                "broken.json",
                "{\"format\":\"stocktake-assessment\",\"answers\":{\"hp_lado\":{\"level\":\"great\"}}}".into(),
            ),
            (
                "plain.json",
                serde_json::to_string(&to_value(&Assessment::default())).unwrap(),
            ),
            ("cy.json", file("calderbrook", "Cy", &[])),
        ]);
        let c = compare_participants(&files, None);
        let names: Vec<&str> = c.participants.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["ann.json", "cy.json"]);
        let reasons: BTreeMap<&str, &str> = c.invalid.iter().map(|f| (f.name.as_str(), f.reason.as_str())).collect();
        assert_eq!(reasons.len(), 6);
        assert!(
            reasons["notes.txt"].contains("not in the JSON format"),
            "{}",
            reasons["notes.txt"]
        );
        assert!(reasons["other.json"].contains("not a Stocktake"));
        assert!(
            reasons["eastmere.json"].contains("Eastmere"),
            "{}",
            reasons["eastmere.json"]
        );
        assert!(reasons["ann-again.json"].contains("ann.json"));
        assert!(reasons["broken.json"].contains("answers.hp_lado.level"));
        assert!(reasons["plain.json"].contains("no scenario"));
        for s in c.statements.iter() {
            assert_eq!(s.counts.total(), 2);
        }
    }

    #[test]
    fn the_reference_decides_the_scenario_and_an_unknown_one_is_a_problem() {
        let files = named(vec![("ann.json", file("calderbrook", "Ann", &[]))]);
        let c = compare_participants(&files, Some("fenmarsh"));
        assert_eq!(c.scenario.as_deref(), Some("fenmarsh"));
        assert!(c.participants.is_empty());
        assert_eq!(c.invalid.len(), 1);
        assert_eq!(
            c.statements.len(),
            crate::framework::get("ilacs-2026-04").unwrap().statement_count()
        );
        let c = compare_participants(&files, Some("atlantis"));
        assert_eq!(c.problems[0].code, "unknown_scenario");
        assert_eq!(c.participants.len(), 1);
        let empty = compare_participants(&[], None);
        assert!(empty.framework.is_none() && empty.statements.is_empty());
        // Without any scenario, files for the same framework still compare, with no reference.
        let plain = |p: &str| {
            let a = Assessment {
                participant: Some(p.into()),
                ..Assessment::default()
            };
            serde_json::to_string(&to_value(&a)).unwrap()
        };
        let c = compare_participants(&named(vec![("a", plain("A")), ("b", plain("B"))]), None);
        assert_eq!(c.participants.len(), 2);
        assert!(c.judgements.iter().all(|j| j.reference.is_none()));
        assert!(c.judgements[0]
            .participants
            .iter()
            .all(|p| p.matches_reference.is_none()));
    }

    /// `compareParticipants`' first argument was read with serde's derive; [`named_files`] accepts and
    /// rejects exactly the same values, and says where the problem is.
    #[test]
    fn named_files_takes_a_list_of_name_and_text() {
        use serde_json::json;
        let ok = |v| named_files(&v).unwrap();
        assert_eq!(ok(json!([])), vec![]);
        assert_eq!(ok(json!([{ "text": "t" }])), vec![(String::new(), "t".to_string())]);
        assert_eq!(
            ok(json!([{ "name": "a", "text": "1", "other": 1 }, ["b", "2"]])),
            vec![("a".to_string(), "1".to_string()), ("b".to_string(), "2".to_string())]
        );
        let err = |v| named_files(&v).unwrap_err();
        for v in [
            json!(null),
            json!(3),
            json!({ "name": "a", "text": "b" }),
            json!([{}]),
            json!([{ "name": null, "text": "t" }]),
            json!([{ "name": "n", "text": 3 }]),
            json!([["n"]]),
            json!([null]),
        ] {
            assert!(named_files(&v).is_err(), "{v}");
        }
        assert_eq!(err(json!([{ "text": "t" }, { "name": "b" }])), "missing field `text`");
        assert_eq!(err(json!(3)), "invalid type: integer `3`, expected a sequence");
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn level() -> impl Strategy<Value = Option<Level>> {
            prop_oneof![
                Just(None),
                proptest::sample::select(Level::ORDERED.to_vec()).prop_map(Some)
            ]
        }

        proptest! {
            #[test]
            fn arbitrary_text_never_panics(files in proptest::collection::vec((".{0,12}", ".{0,80}"), 0..6)) {
                let c = compare_participants(&files, None);
                prop_assert_eq!(c.participants.len() + c.invalid.len(), files.len());
            }

            #[test]
            fn counts_sum_to_the_valid_participants(
                answers in proptest::collection::vec(proptest::collection::vec(level(), 10), 0..6),
                junk in proptest::collection::vec(".{0,20}", 0..3),
            ) {
                let fw = crate::framework::get("ilacs-2026-04").unwrap();
                let ids: Vec<String> = fw.statements().map(|(_, s)| s.id.to_string()).take(10).collect();
                let mut files: Vec<(String, String)> = answers
                    .iter()
                    .enumerate()
                    .map(|(i, levels)| {
                        let mut a = crate::workshop::scenarios::get("harrowby-vale").unwrap().participant_start();
                        a.participant = Some(format!("P{i}"));
                        for (id, l) in ids.iter().zip(levels) {
                            if let Some(l) = l {
                                a.set(id, *l);
                            }
                        }
                        (format!("p{i}.json"), serde_json::to_string(&to_value(&a)).unwrap())
                    })
                    .collect();
                files.extend(junk.into_iter().enumerate().map(|(i, t)| (format!("junk{i}"), t)));
                let c = compare_participants(&files, Some("harrowby-vale"));
                let n = answers.len() as u32;
                prop_assert_eq!(c.participants.len() as u32, n);
                for s in c.statements.iter() {
                    prop_assert_eq!(s.counts.total(), n);
                    if let Some(a) = s.agreement {
                        prop_assert!((0.0..=1.0).contains(&a));
                    }
                    prop_assert!(s.spread.unwrap_or(0) <= 3);
                }
                for j in c.judgements.iter() {
                    let sum: u32 = Grade::ALL.iter().map(|&g| j.counts.at(g)).sum::<u32>() + j.counts.ungraded;
                    prop_assert_eq!(sum, n);
                    prop_assert_eq!(j.participants.len() as u32, n);
                }
                prop_assert!(c.disagreements.len() <= TOP_DISAGREEMENTS);
            }
        }
    }
}
