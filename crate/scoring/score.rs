//! Scoring: from a self-evaluation to the judgements Ofsted would likely reach, with reasons.
//!
//! Each rule family is data in `crate/data/frameworks/shared/rules.toml` with its source and tag;
//! every framework version lists the rules it uses. In prose:
//!
//! * **Completeness** (`completeness`, [R]): a judgement is graded only when at least half of its
//!   statements have a level (not known counts as answered); otherwise its grade is `null` and the
//!   missing statements are listed. Unanswered statements are otherwise left out of the best fit.
//! * **Not known** (`not_known_counts_as`, [R]): counts as requires improvement — leaders who do not know
//!   the quality of practice are not yet good (Ofsted's SEF asks "what do you know and how do you
//!   know it", <https://socialcareinspection.blog.gov.uk/2018/11/12/learning-from-annual-engagement-meetings>).
//! * **Best fit** (`best_fit`, [R]): the average of outstanding 3, good 2, requires improvement 1,
//!   inadequate 0 over the answered statements; 2.5+ outstanding, 1.75+ good, 0.75+ RI.
//! * **Limiting rules** lower the best fit, never raise it; the lowest limit wins:
//!   `critical_inadequate` (a safety-critical statement at inadequate ⇒ inadequate; Trafford 2026,
//!   <https://files.ofsted.gov.uk/v1/file/50308602>), `widespread_weakness` (half or more RI-or-below ⇒
//!   at most RI; 30% or more inadequate ⇒ inadequate), `outstanding_needs_all_good` (any statement
//!   below good ⇒ at most good).
//! * **Leaders' limits from safety-critical practice anywhere** (leadership judgement only; not
//!   knowing is a finding about leaders, not a grade for the practice, where not known counts as RI
//!   in the best fit): `leaders_critical_not_known` (a safety-critical statement not known ⇒ leaders
//!   at most RI [R]) and `leaders_critical_inadequate` (one inadequate ⇒ leaders at most RI [D]: 33 of
//!   33 ILACS inspections 2018–March 2025 with a practice judgement inadequate had leaders RI or
//!   inadequate). The not-known limit never sits below the inadequate one (checked when compiled), so
//!   raising inadequate to not known never lowers the leaders. In a simulation the not-known limit
//!   reads today's answers, not the drawn levels: what leaders know is a fact now.
//! * **Overall effectiveness** (2018 and 2023 frameworks, ilacs-criteria.md §5): the weighted best fit
//!   of the other judgements (leaders and help and protection count double), lowered by cap rules —
//!   any practice judgement inadequate ⇒ inadequate [V]; leaders inadequate ⇒ at most RI (lenient, the
//!   default) or inadequate (strict) [V]; outstanding needs leaders outstanding and nothing below good
//!   [V]; good needs leaders good [V]; help and protection RI ⇒ at most good, and RI when leaders or
//!   children in care are also RI.
//! * **An overall judgement with its own statements** (`own_statements`; SCCIF's overall experiences
//!   and progress of children, ilacs-reference.md §6 [V]): graded from its statements like any
//!   judgement, then lowered by the same `cap` rule kind — help and protection inadequate ⇒ inadequate;
//!   leaders and managers inadequate ⇒ at most RI (Ofsted: "likely inadequate", never above RI). Its
//!   entry in `judgements` carries the final grade, the limiting rule among its reasons, and no lift
//!   while a limit from another judgement holds it down (the note names the rule).
//!
//! Every rule is monotone in the answers, so raising an answer (in the order inadequate < not known <
//! requires improvement < good < outstanding) never lowers a grade; property tests check this.
//! Indicators are compared with the national figure and flagged; they never change a grade.
use crate::assessment::IndicatorComparators;
use crate::assessment::{parse_assessment, Action, Assessment};
use crate::framework::{Comparator, ComparisonRule, Framework, Limit, NotKnown, OverallBase, Params};
use crate::model::grade::Grade;
use crate::model::level::Level;
use crate::support::problems::Problem;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// One reason behind a grade.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    /// Plain English.
    pub text: String,
    /// The rule that decided it, if any.
    pub rule_id: Option<String>,
    /// The statements involved.
    pub statements: Vec<String>,
    /// The rule's tag (`V`, `S`, `R`), so the page can mark outcomes resting on assumptions.
    pub tag: Option<crate::model::source::Tag>,
}

/// How much of a judgement is answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Completeness {
    /// Statements with a level (including not known).
    pub answered: usize,
    /// Statements feeding the judgement.
    pub total: usize,
    /// Statements answered not known.
    pub not_known: usize,
    /// Statements answered with a known level (answered and not "not known").
    pub known: usize,
    /// Whether enough is answered for a grade (the completeness rule).
    pub enough_answered: bool,
    /// Whether enough is known to project a grade (the known-share rule).
    pub enough_known: bool,
    /// Whether enough is answered, and known, for a grade.
    pub enough: bool,
    /// Statements without a level.
    pub missing: Vec<String>,
}

/// One step of "what would lift this judgement".
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LiftStep {
    /// The statement to improve.
    pub statement_id: String,
    /// Its level now.
    pub from: Level,
    /// The level it needs to reach.
    pub to: Level,
}

/// A judgement's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct JudgementResult {
    /// Judgement id.
    pub id: String,
    /// Judgement name.
    pub name: String,
    /// The grade, `None` when too little is answered.
    pub grade: Option<Grade>,
    /// The grade's label.
    pub label: Option<&'static str>,
    /// Why.
    pub reasons: Vec<Reason>,
    /// How much is answered.
    pub completeness: Completeness,
    /// The smallest set of improvements that would raise the grade by one.
    pub lift: Vec<LiftStep>,
    /// Why `lift` is empty, when it is.
    pub lift_note: Option<String>,
}

/// Overall effectiveness.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OverallResult {
    /// The grade, `None` while a judgement it needs is ungraded.
    pub grade: Option<Grade>,
    /// The grade's label.
    pub label: Option<&'static str>,
    /// Why.
    pub reasons: Vec<Reason>,
}

/// One line of the action plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ActionItem {
    /// The statement.
    pub statement_id: String,
    /// Its area id.
    pub area: String,
    /// The statement text.
    pub text: String,
    /// Its level.
    pub level: Level,
    /// Safety-critical.
    pub critical: bool,
    /// The planned action, if any.
    pub action: Option<Action>,
    /// Whether an action with some text is planned.
    pub has_action: bool,
    /// For a safety-critical statement not known: the finding about leaders it makes.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub finding: Option<String>,
}

/// How an indicator compares with England.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct IndicatorResult {
    /// Indicator id.
    pub id: String,
    /// The authority's value.
    pub value: f64,
    /// The national value.
    pub national: f64,
    /// Against England: `better`, `similar` or `worse`; `higher` or `lower` for an indicator where
    /// neither is better.
    pub comparison: &'static str,
    /// The statistical neighbours' average, when the self-evaluation holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub neighbours: Option<f64>,
    /// The region's figure, when the self-evaluation holds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub region: Option<f64>,
    /// The comparators held that the figure is worse than, each beyond the tolerance.
    pub worse_than: Vec<Comparator>,
    /// The comparators the framework's rule compared it with (those listed that are held).
    pub compared_with: Vec<Comparator>,
    /// Worse than every one of `compared_with`: what the flags and challenges count.
    pub worse: bool,
    /// Leaders will be asked about this.
    pub flagged: bool,
    /// Plain English.
    pub message: String,
}

/// The full result of scoring.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ScoreResult {
    /// The framework scored against.
    pub framework: String,
    /// The judgements with statements, in report order.
    pub judgements: Vec<JudgementResult>,
    /// Overall effectiveness, `None` for frameworks without it.
    pub overall: Option<OverallResult>,
    /// Statements below good or not known, critical first then worst first.
    pub action_plan: Vec<ActionItem>,
    /// Indicators the user entered.
    pub indicators: Vec<IndicatorResult>,
    /// Ratings the answers themselves contradict (never a change of grade).
    pub challenges: Vec<ChallengeResult>,
    /// Problems found while reading the input.
    pub problems: Vec<Problem>,
    /// What the case-file audits say (on the self-evaluation's date), when there are any; left
    /// out otherwise, so a file without audits scores exactly as before.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub audits: Option<crate::scoring::audits::AuditEvidence>,
}

/// A consistency challenge that applies to these answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ChallengeResult {
    /// The challenge's id, such as `ch_leaders_know_practice`.
    pub id: String,
    /// Plain English, naming what contradicts the rating.
    pub text: String,
    /// The statements whose rating is questioned.
    pub statements: Vec<String>,
    /// Where it comes from (URL).
    pub source: String,
    /// Its tag.
    pub tag: crate::model::source::Tag,
}

/// The safety-critical statements, in any judgement, at `level`.
fn critical_at(fw: &Framework, levels: &[Option<Level>], level: Level) -> Vec<String> {
    fw.compiled
        .critical
        .iter()
        .filter(|&&slot| levels[slot] == Some(level))
        .map(|&slot| slot_id(fw, slot).to_string())
        .collect()
}

/// The leaders' finding when safety-critical practice is not known, followed by the rule.
fn leaders_do_not_know(n: usize, rule: &str) -> String {
    format!(
        "Leaders do not yet know the quality of practice in {}. {rule}",
        plural(n as u32, "safety-critical statement")
    )
}

/// Names joined as people write them: "a", "a and b", "a, b and c".
fn names(list: &[String]) -> String {
    match list {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The consistency challenges these answers raise.
fn challenges(
    fw: &Framework,
    a: &Assessment,
    grades: &[Option<Grade>],
    indicators: &[IndicatorResult],
) -> Vec<ChallengeResult> {
    use crate::framework::ChallengeKind;
    let mut out = Vec::new();
    for c in fw.challenges.iter() {
        let floor = Level::from_grade(c.at_least);
        let rated: Vec<String> = c
            .statements
            .iter()
            .filter(|id| a.answers.get(&***id).and_then(|x| x.level).is_some_and(|l| l >= floor))
            .map(|id| id.to_string())
            .collect();
        if rated.is_empty() {
            continue;
        }
        let mut compared = String::from("England");
        let found: Vec<String> = match &c.kind {
            ChallengeKind::PracticeBelow {
                judgements,
                judgement_at_most,
            } => judgements
                .iter()
                .filter_map(|id| fw.judgement_index(id))
                .filter(|&j| grades[j].is_some_and(|g| g <= *judgement_at_most))
                .map(|j| lower_first(&fw.judgements[j].name))
                .collect(),
            ChallengeKind::IndicatorsWorse {
                indicators: ids,
                compare_with,
                min_indicators,
            } => {
                let worse: Vec<&IndicatorResult> = ids
                    .iter()
                    .filter_map(|id| indicators.iter().find(|r| r.id == **id))
                    .filter(|r| worse_under(r, compare_with))
                    .collect();
                if worse.len() < (*min_indicators).max(1) as usize {
                    continue;
                }
                compared = compared_text(&worse, compare_with);
                worse
                    .iter()
                    .filter_map(|r| fw.indicator(&r.id).map(|i| lower_first(&i.name)))
                    .collect()
            }
        };
        if found.is_empty() {
            continue;
        }
        let text = c
            .text
            .replace("{judgements}", &names(&found))
            .replace("{indicators}", &names(&found))
            .replace("{compared}", &compared);
        out.push(ChallengeResult {
            id: c.id.to_string(),
            text,
            statements: rated,
            source: c.source.to_string(),
            tag: c.tag,
        });
    }
    out
}

/// A name inside a sentence: its first letter lower-cased unless it is an abbreviation ("SCCIF").
/// ASCII only: every judgement and indicator name starts with an ASCII letter (a test holds it), and
/// Unicode case mapping would add 9 KB of tables to the wasm (docs/performance.md, sixth session).
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(f), Some(s)) if !s.is_ascii_uppercase() => f.to_ascii_lowercase().to_string() + &name[f.len_utf8()..],
        _ => name.to_string(),
    }
}

// ---- the fast core (no allocation) ----

/// Counts of a judgement's statements by level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub total: u32,
    pub answered: u32,
    pub counts: [u32; 5],
    pub critical_inadequate: u32,
    /// For the leadership judgement only: safety-critical statements anywhere at inadequate, and not
    /// known (zero for every other judgement).
    pub lead_inadequate: u32,
    pub lead_not_known: u32,
}

/// The levels of an assessment by statement slot.
pub(crate) fn levels_of(fw: &Framework, a: &Assessment) -> Vec<Option<Level>> {
    let mut levels = vec![None; fw.statement_count()];
    for (id, ans) in a.answers.iter() {
        if let Some(i) = fw.statement_index(id) {
            levels[i] = ans.level;
        }
    }
    levels
}

pub(crate) fn tally(fw: &Framework, judgement: usize, levels: &[Option<Level>]) -> Tally {
    tally_knowing(fw, judgement, levels, levels)
}

/// [`tally`], with what leaders know read from `known` (the answers as given) rather than from
/// `levels` (which a simulation draws): not knowing is a finding about leaders today, whatever the
/// practice turns out to be.
pub(crate) fn tally_knowing(
    fw: &Framework,
    judgement: usize,
    levels: &[Option<Level>],
    known: &[Option<Level>],
) -> Tally {
    let mut t = Tally::default();
    for &s in &fw.compiled.by_judgement[judgement] {
        t.total += 1;
        if let Some(l) = levels[s] {
            t.answered += 1;
            t.counts[l.index()] += 1;
            if fw.compiled.slots[s].critical {
                t.critical_inadequate += (l == Level::Inadequate) as u32;
            }
        }
    }
    if fw.compiled.leadership == Some(judgement) {
        for &s in &fw.compiled.critical {
            t.lead_inadequate += (levels[s] == Some(Level::Inadequate)) as u32;
            t.lead_not_known += (known[s] == Some(Level::NotKnown)) as u32;
        }
    }
    t
}

/// What the judgement rules make of a tally.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Evaluation {
    /// Enough statements answered (the completeness rule).
    pub answered_enough: bool,
    /// Enough statements with a known level (the known-share rule).
    pub known_enough: bool,
    pub complete: bool,
    pub points: u32,
    pub best_fit: Grade,
    /// Limits that apply: (rule index, cap). Order: critical inadequate, leaders (critical not
    /// known anywhere), widespread weakness, outstanding needs all good, leaders (critical
    /// inadequate anywhere).
    pub caps: [Option<Limit>; 5],
    pub grade: Option<Grade>,
}

pub(crate) fn evaluate(p: &Params, t: &Tally) -> Evaluation {
    let min_pct = p.completeness.map_or(1, |c| c.min_answered_percent);
    let answered_enough = t.answered > 0 && t.answered * 100 >= min_pct * t.total;
    let known = t.answered - t.counts[1];
    let known_enough = p
        .known_share
        .is_none_or(|k| known * 100 >= k.min_known_percent * t.total);
    let complete = answered_enough && known_enough;
    let nk_points = p.not_known.map_or(0, |n| n.counts_as.rank() as u32);
    let c = &t.counts;
    let (inad, nk, ri, good, out) = (c[0], c[1], c[2], c[3], c[4]);
    let points = out * 3 + good * 2 + ri + nk * nk_points;
    let n = t.answered.max(1);
    let [t_out, t_good, t_ri] = p.best_fit.map_or([250, 175, 75], |b| b.thresholds);
    let best_fit = if points * 100 >= t_out * n {
        Grade::Outstanding
    } else if points * 100 >= t_good * n {
        Grade::Good
    } else if points * 100 >= t_ri * n {
        Grade::RequiresImprovement
    } else {
        Grade::Inadequate
    };
    let weak = inad + nk + ri;
    let mut caps = [None; 5];
    if let Some(limit) = p.critical_inadequate {
        if t.critical_inadequate > 0 {
            caps[0] = Some(limit);
        }
    }
    if let Some(limit) = p.leaders_not_known {
        if t.lead_not_known > 0 {
            caps[1] = Some(limit);
        }
    }
    if let Some(limit) = p.leaders_inadequate {
        if t.lead_inadequate > 0 {
            caps[4] = Some(limit);
        }
    }
    if let Some(w) = p.widespread {
        let rule = w.rule;
        if inad > 0 && inad * 100 >= w.inadequate_percent * n {
            caps[2] = Some(Limit {
                rule,
                cap: Grade::Inadequate,
            });
        } else if weak > 0 && weak * 100 >= w.weak_percent * n {
            caps[2] = Some(Limit {
                rule,
                cap: Grade::RequiresImprovement,
            });
        }
    }
    if let Some(limit) = p.all_good {
        if weak > 0 {
            caps[3] = Some(limit);
        }
    }
    let grade = complete.then(|| caps.iter().flatten().fold(best_fit, |g, c| g.min(c.cap)));
    Evaluation {
        answered_enough,
        known_enough,
        complete,
        points,
        best_fit,
        caps,
        grade,
    }
}

/// The grade of every judgement from its own statements alone (by judgement index; `None` for
/// derived ones and incomplete ones), written into `out`.
pub(crate) fn grade_statements(fw: &Framework, levels: &[Option<Level>], out: &mut [Option<Grade>]) {
    grade_statements_knowing(fw, levels, levels, out)
}

fn grade_statements_knowing(
    fw: &Framework,
    levels: &[Option<Level>],
    known: &[Option<Level>],
    out: &mut [Option<Grade>],
) {
    for (j, slot) in out.iter_mut().enumerate().take(fw.judgements.len()) {
        *slot = if fw.judgements[j].derived {
            None
        } else {
            evaluate(&fw.compiled.params, &tally_knowing(fw, j, levels, known)).grade
        };
    }
}

/// The grade of every judgement (by judgement index; `None` for derived ones and incomplete ones),
/// written into `out`: [`grade_statements`], then an overall judgement with its own statements
/// limited by the overall rules.
pub(crate) fn grade_all(fw: &Framework, levels: &[Option<Level>], out: &mut [Option<Grade>]) {
    grade_all_knowing(fw, levels, levels, false, out)
}

/// [`grade_all`] of levels a simulation drew, with what leaders know read from the answers as
/// given ([`tally_knowing`]). With `leaders_inadequate`, a graded leadership judgement is
/// inadequate (the simulation's draw from the record's lean below the leaders' cap).
pub(crate) fn grade_all_knowing(
    fw: &Framework,
    levels: &[Option<Level>],
    known: &[Option<Level>],
    leaders_inadequate: bool,
    out: &mut [Option<Grade>],
) {
    grade_statements_knowing(fw, levels, known, out);
    if leaders_inadequate {
        if let Some(g) = fw.compiled.leadership.and_then(|j| out[j].as_mut()) {
            *g = Grade::Inadequate;
        }
    }
    if let Some(o) = fw
        .compiled
        .overall
        .as_ref()
        .filter(|o| matches!(o.base, OverallBase::Own(_)))
    {
        out[o.target] = overall_core(fw, out, false).map(|x| x.0);
    }
}

/// The overall judgement from judgement grades by index: the grade, the grade before the caps (the
/// weighted best fit, or the overall judgement's own grade in `grades`) and a bitmask of the cap
/// rules that applied. `None` when the framework has none or a judgement is ungraded. Idempotent:
/// passing back its own result as the overall judgement's grade gives the same grade.
pub(crate) fn overall_core(fw: &Framework, grades: &[Option<Grade>], strict: bool) -> Option<(Grade, Grade, u64)> {
    let o = fw.compiled.overall.as_ref()?;
    for (j, g) in grades.iter().enumerate() {
        if !fw.judgements[j].derived && g.is_none() {
            return None;
        }
    }
    let best_fit = match &o.base {
        OverallBase::Weighted(_, weights) => {
            let (mut sum, mut weight) = (0u32, 0u32);
            for &(j, w) in weights {
                sum += w * grades[j]?.rank() as u32;
                weight += w;
            }
            // Nearest grade, halves rounding up.
            Grade::from_rank(((2 * sum + weight) / (2 * weight)) as u8)
        }
        OverallBase::Own(_) => grades[o.target]?,
    };
    let holds = |&(j, at_most): &(usize, Grade)| grades[j].is_some_and(|g| g <= at_most);
    let mut grade = best_fit;
    let mut applied = 0u64;
    for (k, c) in o.caps.iter().enumerate() {
        if c.all.iter().all(holds) && (c.any.is_empty() || c.any.iter().any(holds)) {
            let cap = if strict { c.strict_cap.unwrap_or(c.cap) } else { c.cap };
            grade = grade.min(cap);
            applied |= 1 << k;
        }
    }
    Some((grade, best_fit, applied))
}

// ---- the public API ----

fn reason(fw_rule: &crate::framework::Rule, text: String, statements: Vec<String>) -> Reason {
    Reason {
        text,
        rule_id: Some(fw_rule.id.to_string()),
        statements,
        tag: Some(fw_rule.tag),
    }
}

fn ids_where(
    fw: &Framework,
    j: usize,
    levels: &[Option<Level>],
    f: impl Fn(usize, Option<Level>) -> bool,
) -> Vec<String> {
    let mut out = Vec::new();
    let mut slot = 0;
    for a in fw.areas.iter() {
        for s in a.statements.iter() {
            if fw.compiled.slots[slot].judgement == j && f(slot, levels[slot]) {
                out.push(s.id.to_string());
            }
            slot += 1;
        }
    }
    out
}

/// How a limiting rule's reason opens: "Inadequate:" when it makes the judgement inadequate, "No
/// better than good:" when it caps it higher.
fn limited_to(cap: Grade) -> String {
    match cap {
        Grade::Inadequate => "Inadequate:".to_string(),
        g => format!("No better than {}:", g.label_in_sentence()),
    }
}

fn plural(n: u32, one: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {one}s")
    }
}

fn judgement_result(fw: &Framework, j: usize, levels: &[Option<Level>]) -> JudgementResult {
    let t = tally(fw, j, levels);
    let e = evaluate(&fw.compiled.params, &t);
    let missing = ids_where(fw, j, levels, |_, l| l.is_none());
    let mut reasons = Vec::new();
    let known = t.answered - t.counts[1];
    let not_known_enough = e.answered_enough && !e.known_enough;
    if let (true, Some(k)) = (not_known_enough, fw.compiled.params.known_share) {
        // Enough is answered, but too much of it is not known: a finding about leadership.
        let needed_known = (k.min_known_percent * t.total).div_ceil(100).max(1);
        let not_known = ids_where(fw, j, levels, |_, l| l == Some(Level::NotKnown));
        let text = format!(
            "Not enough known to project: leaders know the quality of practice for {known} of {} statements, and at least {needed_known} are needed. Find out about the {} marked not known: how do you know what practice is like there?",
            t.total,
            plural(t.counts[1], "statement")
        );
        reasons.push(reason(&fw.rules[k.rule], text, not_known));
    } else if !e.complete {
        let min_pct = fw.compiled.params.completeness.map_or(1, |c| c.min_answered_percent);
        let needed = (min_pct * t.total).div_ceil(100).max(1);
        let text = format!(
            "Only {} of {} statements answered: answer at least {} (not known counts) to see a grade.",
            t.answered, t.total, needed
        );
        match fw.compiled.params.completeness {
            Some(c) => reasons.push(reason(&fw.rules[c.rule], text, missing.clone())),
            None => reasons.push(Reason {
                text,
                rule_id: None,
                statements: missing.clone(),
                tag: None,
            }),
        }
    } else {
        let c = t.counts;
        let best = fw.compiled.params.best_fit.expect("best fit is required").rule;
        reasons.push(reason(
            &fw.rules[best],
            format!(
                "Best fit over {} answered: {} outstanding, {} good, {} requires improvement, {} inadequate, {} not known — an average of {} points (outstanding 3, good 2, requires improvement 1, inadequate 0), which fits {}.",
                plural(t.answered, "statement"),
                c[4], c[3], c[2], c[0], c[1],
                crate::support::text::number_text(e.points as f64 / t.answered as f64),
                e.best_fit.label_in_sentence()
            ),
            Vec::new(),
        ));
        if c[1] > 0 {
            if let Some(NotKnown { rule: i, counts_as: g }) = fw.compiled.params.not_known {
                reasons.push(reason(
                    &fw.rules[i],
                    format!(
                        "{} not known, counted as {}.",
                        if c[1] == 1 {
                            "1 statement is".to_string()
                        } else {
                            format!("{} statements are", c[1])
                        },
                        g.label_in_sentence()
                    ),
                    ids_where(fw, j, levels, |_, l| l == Some(Level::NotKnown)),
                ));
            }
        }
        let crit = |s: usize| fw.compiled.slots[s].critical;
        for (k, cap) in e.caps.iter().enumerate() {
            let Some(Limit { rule: i, cap: g }) = *cap else {
                continue;
            };
            // Name the limits that lowered the best fit or that set the final grade; the leaders'
            // not-known limit is a finding, named even where it changes nothing.
            let binding = g < e.best_fit || Some(g) == e.grade;
            if !binding && k != 1 {
                continue;
            }
            let statements = match k {
                0 => ids_where(fw, j, levels, |s, l| crit(s) && l == Some(Level::Inadequate)),
                1 => critical_at(fw, levels, Level::NotKnown),
                4 => critical_at(fw, levels, Level::Inadequate),
                2 if g == Grade::Inadequate => ids_where(fw, j, levels, |_, l| l == Some(Level::Inadequate)),
                _ => ids_where(fw, j, levels, |_, l| l.is_some_and(|l| l < Level::Good)),
            };
            let text = match (k, binding) {
                (1, true) => format!(
                    "{} {}",
                    limited_to(g),
                    leaders_do_not_know(statements.len(), &fw.rules[i].text)
                ),
                (1, false) => leaders_do_not_know(statements.len(), &fw.rules[i].text),
                _ => format!("{} {}", limited_to(g), fw.rules[i].text),
            };
            reasons.push(reason(&fw.rules[i], text, statements));
        }
    }
    if !e.complete && t.lead_not_known > 0 {
        if let Some(Limit { rule: i, .. }) = fw.compiled.params.leaders_not_known {
            let statements = critical_at(fw, levels, Level::NotKnown);
            reasons.push(reason(
                &fw.rules[i],
                leaders_do_not_know(statements.len(), &fw.rules[i].text),
                statements,
            ));
        }
    }
    let (lift, mut lift_note) = lift(fw, j, levels, e.grade);
    if not_known_enough {
        lift_note = Some("Find out about the statements marked not known first: there is no grade to lift yet.".into());
    }
    JudgementResult {
        id: fw.judgements[j].id.clone(),
        name: fw.judgements[j].name.clone(),
        grade: e.grade,
        label: e.grade.map(Grade::label),
        reasons,
        completeness: Completeness {
            answered: t.answered as usize,
            total: t.total as usize,
            not_known: t.counts[1] as usize,
            known: known as usize,
            enough_answered: e.answered_enough,
            enough_known: e.known_enough,
            enough: e.complete,
            missing,
        },
        lift,
        lift_note,
    }
}

/// Largest number of count vectors (how many of each kind of statement to raise) the exact lift
/// search judges before falling back to greedy; real frameworks need far fewer.
const LIFT_SEARCH_CAP: usize = 5_000;

/// The smallest set of statement improvements that raises judgement `j` one grade: an exact search
/// in increasing size over how many of each kind of statement to raise (capped), then a greedy
/// fallback with pruning. Of the smallest sets, the first in candidate order (critical first, then
/// worst first).
fn lift(fw: &Framework, j: usize, levels: &[Option<Level>], grade: Option<Grade>) -> (Vec<LiftStep>, Option<String>) {
    lift_capped(fw, j, levels, grade, LIFT_SEARCH_CAP)
}

fn lift_capped(
    fw: &Framework,
    j: usize,
    levels: &[Option<Level>],
    grade: Option<Grade>,
    search_cap: usize,
) -> (Vec<LiftStep>, Option<String>) {
    let l = match LiftSearch::new(fw, j, levels, grade) {
        Ok(l) => l,
        Err(note) => return (Vec::new(), Some(note.into())),
    };
    // Candidates with the same level and criticality are interchangeable: the judgement depends
    // only on how many of each kind are raised. `rest` is sorted by (criticality, level), so each
    // kind is a run: (first index in `rest`, length). The search is over how many of each run to
    // raise, not over sets (a handful of count vectors instead of up to C(n, k) sets; perf).
    let kind = |s: usize| (levels[s], fw.compiled.slots[s].critical);
    let mut runs: Vec<(usize, u32)> = Vec::new();
    for (i, &s) in l.rest.iter().enumerate() {
        match runs.last_mut() {
            Some((first, len)) if kind(l.rest[*first]) == kind(s) => *len += 1,
            _ => runs.push((i, 1)),
        }
    }
    let fits = |counts: &[u32]| l.reaches_raising(runs.iter().zip(counts).map(|(&(first, _), &c)| (l.rest[first], c)));
    let mut search = CountSearch {
        lens: runs.iter().map(|r| r.1).collect(),
        counts: vec![0; runs.len()],
        tried: 0,
        cap: search_cap,
    };
    for k in l.fewest..=l.rest.len() {
        if search.first_fit(0, k as u32, &fits) {
            // The smallest set of this size in candidate order: the first of each run.
            let mut set = l.mandatory.clone();
            for (&(first, _), &c) in runs.iter().zip(&search.counts) {
                set.extend(l.rest[first..first + c as usize].iter().copied());
            }
            return (l.steps(&set), None);
        }
        if search.tried > search.cap {
            break;
        }
    }
    l.greedy()
}

/// What the lift searches share: the candidates (answered statements of judgement `j` below the
/// target level, critical first, then worst first: the first set found of each size is the most
/// useful), split into those every solution must raise and the rest, the judgement's tally with
/// the mandatory raises applied, and a lower bound on how many of the rest must be raised.
pub(crate) struct LiftSearch<'a> {
    fw: &'a Framework,
    j: usize,
    levels: &'a [Option<Level>],
    target: Grade,
    to: Level,
    pub(crate) candidates: Vec<usize>,
    pub(crate) mandatory: Vec<usize>,
    pub(crate) rest: Vec<usize>,
    tally: Tally,
    pub(crate) fewest: usize,
}

impl<'a> LiftSearch<'a> {
    /// The search for a judgement with `grade`, or why there is nothing to lift.
    pub(crate) fn new(
        fw: &'a Framework,
        j: usize,
        levels: &'a [Option<Level>],
        grade: Option<Grade>,
    ) -> Result<Self, &'static str> {
        let grade = grade.ok_or("Answer more statements first: there is no grade to lift yet.")?;
        let target = grade.up().ok_or("Already outstanding: keep it there.")?;
        let to = Level::from_grade(target);
        let mut candidates: Vec<usize> = fw.compiled.by_judgement[j]
            .iter()
            .copied()
            .filter(|&s| levels[s].is_some_and(|l| l < to))
            .collect();
        candidates.sort_by_key(|&s| (!fw.compiled.slots[s].critical, levels[s]));
        // Statements that must be raised in any solution: critical ones whose cap sits below the
        // target. For the leadership judgement, that includes safety-critical statements in other
        // judgements held at inadequate or not known (raised to requires improvement: knowing them,
        // and their not being inadequate, is what lifts the leaders' limit).
        let p = &fw.compiled.params;
        let lead = fw.compiled.leadership == Some(j);
        let below = |limit: Option<Limit>| lead && limit.is_some_and(|c| c.cap < target);
        let must = |s: usize| {
            let l = levels[s];
            fw.compiled.slots[s].critical
                && ((l == Some(Level::Inadequate)
                    && (p.critical_inadequate.is_some_and(|c| c.cap < target) || below(p.leaders_inadequate)))
                    || (l == Some(Level::NotKnown) && below(p.leaders_not_known)))
        };
        let outside: Vec<usize> = fw
            .compiled
            .critical
            .iter()
            .copied()
            .filter(|&s| lead && fw.compiled.slots[s].judgement != j && must(s))
            .collect();
        let mut mandatory: Vec<usize> = outside.clone();
        mandatory.extend(candidates.iter().copied().filter(|&s| must(s)));
        let rest: Vec<usize> = candidates.iter().copied().filter(|&s| !must(s)).collect();
        candidates.splice(0..0, outside);
        let mut work = levels.to_vec();
        for &s in mandatory.iter() {
            work[s] = Some(raise_to(fw, j, to, s));
        }
        // Lower bound on how many more raises the best fit needs: take the biggest gains first.
        let nk_points = p.not_known.map_or(0, |n| n.counts_as.rank() as u32);
        let points = |l: Level| l.grade().map_or(nk_points, |g| g.rank() as u32);
        let tally = tally(fw, j, &work);
        let base = evaluate(p, &tally).points;
        let threshold =
            p.best_fit.map_or([250, 175, 75], |b| b.thresholds)[(Grade::Outstanding.rank() - target.rank()) as usize];
        let need = (threshold * tally.answered).div_ceil(100).saturating_sub(base);
        let mut gains: Vec<u32> = rest
            .iter()
            .map(|&s| points(to) - points(levels[s].expect("answered")))
            .collect();
        gains.sort_by(|a, b| b.cmp(a));
        let mut fewest = 0;
        let mut sum = 0;
        while sum < need && fewest < gains.len() {
            sum += gains[fewest];
            fewest += 1;
        }
        Ok(LiftSearch {
            fw,
            j,
            levels,
            target,
            to,
            candidates,
            mandatory,
            rest,
            tally,
            fewest,
        })
    }

    /// Whether raising, besides the mandatory statements, `count` statements like each `slot`
    /// (same level and criticality) reaches the target: judged from the tally adjusted for those
    /// raises, O(raises) rather than re-tallying the judgement (perf).
    pub(crate) fn reaches_raising(&self, raises: impl Iterator<Item = (usize, u32)>) -> bool {
        let mut u = self.tally;
        for (s, c) in raises {
            let from = self.levels[s].expect("answered");
            u.counts[from.index()] -= c;
            u.counts[self.to.index()] += c;
            if self.fw.compiled.slots[s].critical {
                u.critical_inadequate -= c * (from == Level::Inadequate) as u32;
                if self.fw.compiled.leadership == Some(self.j) {
                    u.lead_inadequate -= c * (from == Level::Inadequate) as u32;
                    u.lead_not_known -= c * (from == Level::NotKnown) as u32;
                }
            }
        }
        evaluate(&self.fw.compiled.params, &u)
            .grade
            .is_some_and(|g| g >= self.target)
    }

    /// The steps that raise `set` to the target level.
    pub(crate) fn steps(&self, set: &[usize]) -> Vec<LiftStep> {
        set.iter()
            .map(|&s| LiftStep {
                statement_id: slot_id(self.fw, s).to_string(),
                from: self.levels[s].expect("candidates are answered"),
                to: raise_to(self.fw, self.j, self.to, s),
            })
            .collect()
    }

    /// The fallback when the exact search gives up: raise worst-first until the target is
    /// reached, then drop any step not needed.
    pub(crate) fn greedy(&self) -> (Vec<LiftStep>, Option<String>) {
        let (fw, j, levels) = (self.fw, self.j, self.levels);
        let reaches = |work: &[Option<Level>]| {
            evaluate(&fw.compiled.params, &tally(fw, j, work))
                .grade
                .is_some_and(|g| g >= self.target)
        };
        let mut work = levels.to_vec();
        let mut chosen = Vec::new();
        let mut order = self.candidates.clone();
        order.sort_by_key(|&s| (levels[s], !fw.compiled.slots[s].critical));
        for &s in order.iter() {
            work[s] = Some(raise_to(fw, j, self.to, s));
            chosen.push(s);
            if reaches(&work) {
                break;
            }
        }
        let mut i = 0;
        while i < chosen.len() {
            let s = chosen[i];
            work[s] = levels[s];
            if reaches(&work) {
                chosen.remove(i);
            } else {
                work[s] = Some(raise_to(fw, j, self.to, s));
                i += 1;
            }
        }
        (
            self.steps(&chosen),
            Some("Found by a quick search, so a smaller set may exist.".into()),
        )
    }
}

/// The level a lift raises statement `s` to: the target level for the judgement's own statements;
/// requires improvement for another judgement's safety-critical statement that holds the leaders
/// down (knowing it, and its not being inadequate, is enough).
fn raise_to(fw: &Framework, j: usize, to: Level, s: usize) -> Level {
    if fw.compiled.slots[s].judgement == j {
        to
    } else {
        Level::RequiresImprovement
    }
}

/// The search over how many of each run of interchangeable candidates to raise (see `lift_capped`).
struct CountSearch {
    /// The length of each run.
    lens: Vec<u32>,
    /// The counts being tried; after a successful [`CountSearch::first_fit`], the answer.
    counts: Vec<u32>,
    /// Count vectors judged so far, and the most to judge before giving up.
    tried: usize,
    cap: usize,
}

impl CountSearch {
    /// Fills `counts[r..]` with `left` raises in all, most from the earliest run first (which is
    /// the order of the sets' first members, so the first fit is the lexicographically first
    /// set), stopping at the first vector `fits` accepts. False when none does or the cap is hit.
    fn first_fit(&mut self, r: usize, left: u32, fits: &dyn Fn(&[u32]) -> bool) -> bool {
        if r == self.lens.len() {
            if left > 0 {
                return false;
            }
            self.tried += 1;
            return self.tried <= self.cap && fits(&self.counts);
        }
        let later: u32 = self.lens[r + 1..].iter().sum();
        let most = left.min(self.lens[r]);
        let least = left.saturating_sub(later);
        for c in (least..=most).rev() {
            self.counts[r] = c;
            if self.first_fit(r + 1, left - c, fits) {
                return true;
            }
            if self.tried > self.cap {
                break;
            }
        }
        self.counts[r] = 0;
        false
    }
}

fn slot_id(fw: &Framework, slot: usize) -> &str {
    let a = &fw.areas[fw.compiled.slots[slot].area];
    let first = fw.compiled.index[&*a.statements[0].id];
    &a.statements[slot - first].id
}

/// The overall judgement's result from the judgements' own grades ([`grade_statements`]).
fn overall_result(fw: &Framework, grades: &[Option<Grade>]) -> Option<OverallResult> {
    let o = fw.compiled.overall.as_ref()?;
    let target = &fw.judgements[o.target];
    let Some((grade, best_fit, applied)) = overall_core(fw, grades, false) else {
        let missing: Vec<&str> = fw
            .judgements
            .iter()
            .zip(grades)
            .filter(|(j, g)| !j.derived && g.is_none())
            .map(|(j, _)| j.name.as_str())
            .collect();
        let every = if target.derived {
            "every other judgement graded"
        } else {
            "its own statements and every other judgement graded"
        };
        return Some(OverallResult {
            grade: None,
            label: None,
            reasons: vec![Reason {
                text: format!("{} needs {every}; not yet: {}.", target.name, missing.join("; ")),
                rule_id: None,
                statements: Vec::new(),
                tag: None,
            }],
        });
    };
    let mut reasons = vec![match &o.base {
        OverallBase::Weighted(i, _) => {
            let bf = &fw.overall_rules[*i];
            reason(
                bf,
                format!(
                    "Weighted best fit of the judgements: {}. {}",
                    best_fit.label_in_sentence(),
                    bf.text
                ),
                Vec::new(),
            )
        }
        OverallBase::Own(i) => {
            let r = &fw.overall_rules[*i];
            reason(
                r,
                format!("From its own statements: {}. {}", best_fit.label_in_sentence(), r.text),
                Vec::new(),
            )
        }
    }];
    for (k, c) in o.caps.iter().enumerate() {
        if applied & (1 << k) != 0 && (c.cap < best_fit || c.cap == grade) {
            let r = &fw.overall_rules[c.rule];
            reasons.push(reason(r, format!("{} {}", limited_to(c.cap), r.text), Vec::new()));
        }
    }
    Some(OverallResult {
        grade: Some(grade),
        label: Some(grade.label()),
        reasons,
    })
}

/// The comparators of a list that a result holds (England always; the others when the
/// self-evaluation carries them); England alone when it holds none of the others listed.
fn held(r: &IndicatorResult, list: &[Comparator]) -> Vec<Comparator> {
    let mut out: Vec<Comparator> = list
        .iter()
        .copied()
        .filter(|c| match c {
            Comparator::England => true,
            Comparator::Neighbours => r.neighbours.is_some(),
            Comparator::Region => r.region.is_some(),
        })
        .collect();
    if out.is_empty() {
        out.insert(0, Comparator::England);
    }
    out
}

/// Worse than every comparator of `list` the result holds (England alone where it holds none of
/// the others).
fn worse_under(r: &IndicatorResult, list: &[Comparator]) -> bool {
    held(r, list).iter().all(|c| r.worse_than.contains(c))
}

/// A comparator in a sentence about an authority ("its") or to the user ("your").
fn comparator_text(c: Comparator, whose: &str) -> String {
    match c {
        Comparator::England => "England".into(),
        Comparator::Neighbours => format!("{whose} statistical neighbours"),
        Comparator::Region => format!("{whose} region"),
    }
}

/// "England and its statistical neighbours".
fn comparators_text(list: &[Comparator], whose: &str) -> String {
    names(&list.iter().map(|&c| comparator_text(c, whose)).collect::<Vec<_>>())
}

/// What the worse indicators of a challenge were compared with, saying so when some were compared
/// with England alone because their other comparators are not held.
fn compared_text(worse: &[&IndicatorResult], list: &[Comparator]) -> String {
    let full = comparators_text(list, "your");
    let used: Vec<usize> = worse.iter().map(|r| held(r, list).len()).collect();
    if used.iter().all(|&n| n == list.len()) {
        full
    } else if used.iter().all(|&n| n == 1) {
        "England (compared with England alone: this self-evaluation holds no statistical neighbours' or region's figures for them, as when figures are typed by hand; fill the indicators from the published figures to compare with those too)".to_string()
    } else {
        format!("{full} (England alone where this self-evaluation holds no other figure to compare with)")
    }
}

/// How a figure compares with one base: `similar` within the tolerance, otherwise `better` or
/// `worse` by the indicator's direction, or `higher` or `lower` where neither is better.
fn against(ind: &crate::framework::Indicator, value: f64, base: f64) -> &'static str {
    let diff = value - base;
    let better_by = if ind.higher_is_better() { diff } else { -diff };
    if diff.abs() <= ind.similar_within {
        "similar"
    } else if ind.direction == crate::framework::Direction::Neither {
        if diff > 0.0 {
            "higher"
        } else {
            "lower"
        }
    } else if better_by > 0.0 {
        "better"
    } else {
        "worse"
    }
}

/// An indicator's figure against England and, where held, its statistical neighbours and region;
/// `rule` (the framework's `[comparison]`, `None`: England only) decides when it counts as worse.
pub(crate) fn compare(
    ind: &crate::framework::Indicator,
    value: f64,
    comparators: Option<&IndicatorComparators>,
    rule: Option<&ComparisonRule>,
) -> IndicatorResult {
    use crate::support::text::number_text;
    let comparison = against(ind, value, ind.national.value);
    let neighbours = comparators.and_then(|c| c.neighbours);
    let region = comparators.and_then(|c| c.region);
    let mut worse_than = Vec::new();
    for (c, base) in [
        (Comparator::England, Some(ind.national.value)),
        (Comparator::Neighbours, neighbours),
        (Comparator::Region, region),
    ] {
        if base.is_some_and(|b| against(ind, value, b) == "worse") {
            worse_than.push(c);
        }
    }
    let list: &[Comparator] = rule.map_or(&[Comparator::England], |r| &r.compare_with);
    let mut r = IndicatorResult {
        id: ind.id.to_string(),
        value,
        national: ind.national.value,
        comparison,
        neighbours,
        region,
        worse_than,
        compared_with: Vec::new(),
        worse: false,
        flagged: false,
        message: String::new(),
    };
    r.compared_with = held(&r, list);
    r.worse = worse_under(&r, list);
    let fallback = r.compared_with.len() < list.len();
    let unit = if ind.unit == crate::framework::Unit::Percent {
        "%"
    } else {
        ""
    };
    let unusual = ind.unusually_low.is_some_and(|low| value < low);
    r.flagged = (r.worse && ind.risk_factor) || unusual;
    let mut message = format!(
        "{}: {}{unit} against {}{unit} for England ({}) — {comparison}.",
        ind.name,
        number_text(value),
        number_text(ind.national.value),
        ind.national.period
    );
    let beside: Vec<String> = [
        ("its statistical neighbours' average", neighbours),
        ("its region", region),
    ]
    .into_iter()
    .filter_map(|(what, v)| v.map(|v| format!("{what} {}{unit}", number_text(v))))
    .collect();
    if !beside.is_empty() {
        let period = comparators.and_then(|c| c.period.as_deref());
        message.push_str(&format!(
            " Beside {}{}.",
            names(&beside),
            period.map(|p| format!(" ({p})")).unwrap_or_default()
        ));
    }
    if r.worse && ind.risk_factor && r.compared_with.len() > 1 {
        message.push_str(&format!(" Worse than {}.", comparators_text(&r.compared_with, "its")));
    }
    if fallback && comparison == "worse" {
        let missing: Vec<&str> = list
            .iter()
            .filter(|c| !r.compared_with.contains(c))
            .map(|c| match c {
                Comparator::England => "England figure",
                Comparator::Neighbours => "statistical neighbours' average",
                Comparator::Region => "region's figure",
            })
            .collect();
        message.push_str(&format!(
            " Compared with {} only: this self-evaluation holds no {} for it (typed by hand; fill the indicators from the published figures to compare with {} too).",
            comparators_text(&r.compared_with, "its"),
            names(&missing.iter().map(|m| m.to_string()).collect::<Vec<_>>()).replace(" and ", " or "),
            if missing.len() == 1 { "it" } else { "them" }
        ));
    }
    if r.worse && ind.risk_factor {
        message.push_str(" This is a known risk factor: leaders will be asked about this.");
    } else if comparison == "worse" && ind.risk_factor {
        let not: Vec<Comparator> = r
            .compared_with
            .iter()
            .copied()
            .filter(|c| !r.worse_than.contains(c))
            .collect();
        message.push_str(&format!(
            " Not worse than {}, so not flagged.",
            comparators_text(&not, "its")
        ));
    }
    if unusual {
        message.push_str(
            " This is unusually low: inspectors may ask whether plans end too late or repeat concerns are missed.",
        );
    }
    r.message = message;
    r
}

/// An overall judgement with its own statements: its entry in `judgements` takes the overall grade,
/// with the overall reasons that changed it, and offers no lift while another judgement holds it down.
fn limit_own_overall(fw: &Framework, own: &[Option<Grade>], res: &OverallResult, jr: &mut JudgementResult) {
    let o = fw.compiled.overall.as_ref().expect("called with an overall judgement");
    let base_rule = match o.base {
        OverallBase::Own(i) => &fw.overall_rules[i].id,
        OverallBase::Weighted(..) => return,
    };
    // Limits that hold now and stop the next grade up.
    let blocking: Vec<&crate::framework::Rule> = match (overall_core(fw, own, false), res.grade) {
        (Some((_, _, applied)), Some(g)) => o
            .caps
            .iter()
            .enumerate()
            .filter(|(k, c)| applied & (1 << k) != 0 && g.up().is_some_and(|up| c.cap < up))
            .map(|(_, c)| &fw.overall_rules[c.rule])
            .collect(),
        _ => Vec::new(),
    };
    if res.grade != jr.grade {
        jr.grade = res.grade;
        jr.label = res.grade.map(Grade::label);
        jr.reasons.extend(
            res.reasons
                .iter()
                .filter(|r| r.rule_id.as_deref() != Some(&**base_rule))
                .cloned(),
        );
    }
    if res.grade.is_none() {
        jr.lift.clear();
        jr.lift_note = Some("Grade the other judgements first: this judgement takes them into account.".into());
    } else if !blocking.is_empty() {
        jr.lift.clear();
        let names: Vec<&str> = blocking.iter().map(|r| r.text.as_ref()).collect();
        jr.lift_note = Some(format!(
            "Held down by another judgement — lift that first: {}",
            names.join(" ")
        ));
    }
}

/// Scores a parsed assessment (problems empty; see [`score_value`] to parse and score).
pub fn score(a: &Assessment) -> ScoreResult {
    let fw = a.framework();
    let levels = levels_of(fw, a);
    let mut grades = vec![None; fw.judgements.len()];
    grade_statements(fw, &levels, &mut grades);
    let overall = overall_result(fw, &grades);
    let mut judgements: Vec<JudgementResult> = (0..fw.judgements.len())
        .filter(|&j| !fw.judgements[j].derived)
        .map(|j| judgement_result(fw, j, &levels))
        .collect();
    if let (Some(o), Some(res)) = (fw.compiled.overall.as_ref(), overall.as_ref()) {
        if let Some(jr) = judgements.iter_mut().find(|j| j.id == fw.judgements[o.target].id) {
            limit_own_overall(fw, &grades, res, jr);
        }
    }
    let finding = match (fw.compiled.leadership, fw.compiled.params.leaders_not_known) {
        (Some(lead), Some(limit)) => Some(format!(
            "Leaders do not yet know the quality of this safety-critical practice: a finding about {}, which stays at {} or below until it is known.",
            lower_first(&fw.judgements[lead].name),
            limit.cap.label_in_sentence()
        )),
        _ => None,
    };
    let mut action_plan: Vec<ActionItem> = fw
        .statements()
        .filter_map(|(area, s)| {
            let ans = a.answers.get(&*s.id)?;
            let level = ans.level.filter(|l| *l < Level::Good)?;
            Some(ActionItem {
                finding: finding.clone().filter(|_| s.critical && level == Level::NotKnown),
                statement_id: s.id.to_string(),
                area: area.id.clone(),
                text: s.text.to_string(),
                level,
                critical: s.critical,
                has_action: ans.action.as_ref().is_some_and(|x| !x.text.trim().is_empty()),
                action: ans.action.clone(),
            })
        })
        .collect();
    action_plan.sort_by_key(|x| (!x.critical, x.level));
    let indicators: Vec<IndicatorResult> = fw
        .indicators
        .iter()
        .filter_map(|ind| {
            a.indicators.get(&*ind.id).map(|&v| {
                compare(
                    ind,
                    v,
                    a.indicator_comparators.get(&*ind.id),
                    fw.indicator_comparison.as_ref(),
                )
            })
        })
        .collect();
    let mut challenges = challenges(fw, a, &grades, &indicators);
    // Ratings above what the case-file audits support (crate::scoring::audits), beside the
    // consistency challenges; the evidence itself travels with the score so that the page reads
    // the audits once per re-score.
    let audits = (!a.audits.is_empty()).then(|| crate::scoring::audits::audit_evidence(a, None));
    if let Some(audited) = &audits {
        challenges.extend(audited.challenges.iter().map(|c| ChallengeResult {
            id: c.id.clone(),
            text: c.text.clone(),
            statements: c.statements.clone(),
            source: c.source.clone(),
            tag: c.tag,
        }));
    }
    ScoreResult {
        framework: fw.id.clone(),
        judgements,
        overall,
        action_plan,
        indicators,
        challenges,
        problems: Vec::new(),
        audits,
    }
}

/// Parses (leniently) and scores a JSON assessment; the input's problems are in the result.
pub fn score_value(value: &Value) -> ScoreResult {
    let (a, problems) = parse_assessment(value);
    let mut r = score(&a);
    r.problems = problems;
    r
}

/// `{ judgement id: grade id }`, as `overallEffectiveness` takes it: each grade by its id
/// (`Grade::from_id`), not by serde's derived reader, whose error messages bring the float
/// formatter into the wasm (11.6 KB gzip; docs/performance.md). `Err` says what is wrong.
pub fn grades_from_value(v: &Value) -> Result<BTreeMap<String, Grade>, String> {
    let object = v
        .as_object()
        .ok_or(r#"expected an object of judgement ids and grade ids, such as { "care_leavers": "good" }"#)?;
    let mut grades = BTreeMap::new();
    for (judgement, grade) in object {
        let grade = grade.as_str().and_then(Grade::from_id).ok_or_else(|| {
            format!("{judgement} is {grade}, not a grade: use inadequate, requires_improvement, good or outstanding")
        })?;
        grades.insert(judgement.clone(), grade);
    }
    Ok(grades)
}

/// The overall judgement from the judgements' grades, by id. `Ok(None)` for a framework without
/// an overall judgement; `Err` for an unknown framework or a missing judgement it needs (for an
/// overall judgement with its own statements, such as SCCIF's, its grade from those statements is
/// needed too). `strict` makes leaders inadequate force overall inadequate (the default, lenient,
/// caps it at RI).
pub fn overall_effectiveness(
    framework: &str,
    grades: &BTreeMap<String, Grade>,
    strict: bool,
) -> Result<Option<Grade>, String> {
    let fw = crate::framework::get(framework).ok_or_else(|| format!("unknown framework {framework}"))?;
    if !fw.has_overall() {
        return Ok(None);
    }
    let mut by_index = vec![None; fw.judgements.len()];
    for (i, j) in fw.judgements.iter().enumerate() {
        if !j.derived {
            by_index[i] = Some(*grades.get(&j.id).ok_or_else(|| format!("missing grade for {}", j.id))?);
        }
    }
    Ok(overall_core(fw, &by_index, strict).map(|x| x.0))
}

#[cfg(test)]
mod tests;
