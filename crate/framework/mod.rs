//! A framework version in full: its judgements, the five self-evaluation areas and their statements,
//! the indicators, the evidence sources and the scoring rules — all data under
//! `crate/data/frameworks/` (one file per version, plus `shared/` files used by every version).
//!
//! Frameworks are parsed once and cached in a [`OnceLock`]; each is "compiled" into flat indices
//! (statement → judgement, rule parameters) so scoring does no lookups by name and allocates little.
//!
//! Versions (ilacs-reference.md §1, §5):
//! * `ilacs-2026-04` (current, from 2026-04-01): four judgements, no overall effectiveness [V].
//! * `ilacs-2023-01` (2023-01-01 to 2026-03-31): the four plus overall effectiveness [V].
//! * `ilacs-2018-01` (2018-01-01 to 2022-12-31): overall effectiveness, leaders, help and protection,
//!   and a combined children in care and care leavers judgement [V].
pub mod catalogue;
pub mod scenario_index;
/// The shapes of the framework data files (baked into Rust by `build.rs`).
/// (Fields the data file describes beside its values may go undocumented here.)
#[allow(missing_docs)]
pub mod shapes;

use shapes::{
    AreaData, AreasFile, EvidenceFile, FrameworkFile, IndicatorsFile, JudgementData, Overlay, RulesFile, Weight,
};
pub use shapes::{
    Challenge, ChallengeKind, ChallengesFile, Comparator, ComparisonRule, Condition, Direction, EvidenceSource,
    Indicator, IndicatorGroup, National, Notice, Rule, RuleKind, SimulationModel, Statement, Unit,
};

use crate::framework::catalogue::{catalogue, FrameworkSummary};
use crate::model::grade::Grade;
use crate::model::inspection::InspectionKind;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// A judgement in a framework.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Judgement {
    /// Stable id, such as `help_and_protection`.
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// True for overall effectiveness, which is derived from the other judgements.
    pub derived: bool,
    /// True for the judgement the overall rules grade (ILACS overall effectiveness, derived; SCCIF
    /// overall experiences and progress, graded from its own statements and capped by others).
    pub overall: bool,
    /// The judgement of leadership, where not knowing practice elsewhere is a finding.
    pub leadership: bool,
}

/// A self-evaluation area, as it feeds a judgement in one framework.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Area {
    /// Stable id, such as `permanence`.
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// The judgement this area feeds in this framework.
    pub judgement: String,
    /// One-sentence description.
    pub description: String,
    /// The statements: 8 to 12 in the shared areas and the providers' own, up to
    /// [`MAX_STATEMENTS`] once a version's overlay has added its own.
    pub statements: Vec<Statement>,
}

impl Indicator {
    /// True when higher values are better.
    pub fn higher_is_better(&self) -> bool {
        self.direction == Direction::HigherIsBetter
    }
}

/// A framework version in full.
#[derive(Debug, Clone)]
pub struct Framework {
    /// Stable id, such as `ilacs-2026-04`.
    pub id: String,
    /// Name shown to people.
    pub name: String,
    /// First date it applies (`YYYY-MM-DD`).
    pub effective_from: String,
    /// Last date it applies, `None` while current.
    pub effective_to: Option<String>,
    /// Whether it is the current (default) framework.
    pub current: bool,
    /// `ilacs` or `sccif` (see [`crate::framework::catalogue::FAMILIES`]).
    pub family: String,
    /// Who is inspected, such as "Children's homes".
    pub provider: String,
    /// Source for the version's judgement structure (URL).
    pub source: String,
    /// `V`, `S` or `R`.
    pub tag: crate::model::source::Tag,
    /// Judgements in report order.
    pub judgements: Vec<Judgement>,
    /// The self-evaluation areas.
    pub areas: Vec<Area>,
    /// Indicators.
    pub indicators: Vec<Indicator>,
    /// The headings the indicators are grouped under (National Framework outcomes and enablers),
    /// in order; empty for a set without groups.
    pub indicator_groups: Vec<IndicatorGroup>,
    /// When an indicator counts as worse; `None` (the 2023 set): worse than England, as scored then.
    pub indicator_comparison: Option<ComparisonRule>,
    /// Notices to show wherever the framework is named (changes Ofsted has announced).
    pub notices: Vec<Notice>,
    /// Rules for the area judgements, in the order they apply.
    pub rules: Vec<Rule>,
    /// Rules for the overall judgement (empty when there is none).
    pub overall_rules: Vec<Rule>,
    /// Where evidence can come from.
    pub evidence_sources: Vec<EvidenceSource>,
    /// The simulation's uncertainty model.
    pub simulation: SimulationModel,
    /// The consistency challenges that apply (every statement they name is in this framework).
    pub challenges: Vec<Challenge>,
    /// The kinds of inspection a history may record under this framework, such as `standard`,
    /// `short` (ILACS) or `full`, `interim`, `assurance` (children's homes).
    pub inspection_kinds: Vec<InspectionKind>,
    pub(crate) compiled: Compiled,
}

/// One statement, flattened for fast scoring.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot {
    pub area: usize,
    pub judgement: usize,
    pub critical: bool,
}

/// A judgement rule's limit, with the rule's index in `Framework::rules` (for reasons).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limit {
    pub rule: usize,
    pub cap: Grade,
}

/// The record's lean below the leaders' cap, compiled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Lean {
    /// Basis points of runs in which leaders are inadequate.
    pub basis_points: u32,
    /// The counts it comes from.
    pub inadequate_in: u32,
    pub of: u32,
}

/// The completeness rule, compiled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Completeness {
    pub rule: usize,
    pub min_answered_percent: u32,
}

/// The known-share rule, compiled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct KnownShare {
    pub rule: usize,
    pub min_known_percent: u32,
}

/// The not-known rule, compiled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct NotKnown {
    pub rule: usize,
    pub counts_as: Grade,
}

/// The best-fit rule, compiled: thresholds (hundredths) for outstanding, good and RI.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BestFit {
    pub rule: usize,
    pub thresholds: [u32; 3],
}

/// The widespread-weakness rule, compiled.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Widespread {
    pub rule: usize,
    pub weak_percent: u32,
    pub inadequate_percent: u32,
}

/// Parameters of the judgement rules, looked up once; `None` when the framework does not use
/// that rule.
#[derive(Debug, Clone, Default)]
pub(crate) struct Params {
    pub completeness: Option<Completeness>,
    pub known_share: Option<KnownShare>,
    pub not_known: Option<NotKnown>,
    pub best_fit: Option<BestFit>,
    pub critical_inadequate: Option<Limit>,
    /// Limits on the leadership judgement from safety-critical statements anywhere.
    pub leaders_inadequate: Option<Limit>,
    /// How often (basis points) leaders are inadequate, in a simulated run, where a safety-critical
    /// statement is inadequate: the record's lean below the cap.
    pub leaders_lean: Option<Lean>,
    pub leaders_not_known: Option<Limit>,
    pub widespread: Option<Widespread>,
    pub all_good: Option<Limit>,
}

/// An overall-effectiveness cap rule with judgement ids resolved to indices.
#[derive(Debug, Clone)]
pub(crate) struct CapRule {
    pub rule: usize,
    pub cap: Grade,
    pub strict_cap: Option<Grade>,
    pub all: Vec<(usize, Grade)>,
    pub any: Vec<(usize, Grade)>,
}

/// How the overall judgement gets its grade before the caps.
#[derive(Debug, Clone)]
pub(crate) enum OverallBase {
    /// `weighted_best_fit`: (rule index, weight per judgement index) — ILACS overall effectiveness.
    Weighted(usize, Vec<(usize, u32)>),
    /// `own_statements`: (rule index) — graded from its own statements by the judgement rules,
    /// like any other judgement (SCCIF overall experiences and progress).
    Own(usize),
}

#[derive(Debug, Clone)]
pub(crate) struct OverallParams {
    /// The index of the overall judgement.
    pub target: usize,
    pub caps: Vec<CapRule>,
    pub base: OverallBase,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Compiled {
    /// Every statement in area order.
    pub slots: Vec<Slot>,
    /// Statement id → slot index.
    pub index: BTreeMap<String, usize>,
    /// For each judgement, its statements' slot indices (empty for derived ones).
    pub by_judgement: Vec<Vec<usize>>,
    /// The leadership judgement's index, when the framework has one.
    pub leadership: Option<usize>,
    /// Every safety-critical statement's slot, in area order (the leadership limits read them).
    pub critical: Vec<usize>,
    pub params: Params,
    pub overall: Option<OverallParams>,
}

impl Framework {
    /// The statement with this id, with its area.
    pub fn statement(&self, id: &str) -> Option<(&Area, &Statement)> {
        let &slot = self.compiled.index.get(id)?;
        let area = &self.areas[self.compiled.slots[slot].area];
        area.statements.iter().find(|s| s.id == id).map(|s| (area, s))
    }

    /// Every statement in area order.
    pub fn statements(&self) -> impl Iterator<Item = (&Area, &Statement)> {
        self.areas.iter().flat_map(|a| a.statements.iter().map(move |s| (a, s)))
    }

    /// Number of statements.
    pub fn statement_count(&self) -> usize {
        self.compiled.slots.len()
    }

    /// The slot index of a statement id.
    pub fn statement_index(&self, id: &str) -> Option<usize> {
        self.compiled.index.get(id).copied()
    }

    /// The indicator with this id.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// Whether the framework has an overall judgement (graded by the overall rules).
    pub fn has_overall(&self) -> bool {
        self.compiled.overall.is_some()
    }

    /// The index of the overall judgement, if any.
    pub fn overall_index(&self) -> Option<usize> {
        self.compiled.overall.as_ref().map(|o| o.target)
    }

    /// The index of a judgement id.
    pub fn judgement_index(&self, id: &str) -> Option<usize> {
        self.judgements.iter().position(|j| j.id == id)
    }
}

/// A level as listed to the page.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LevelView {
    /// Level id, such as `not_known`.
    pub id: &'static str,
    /// Label, such as "Not known".
    pub label: &'static str,
}

/// An evidence source as listed to the page.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct EvidenceView<'a> {
    /// Evidence id, such as `case_audit`.
    pub id: &'a str,
    /// Label shown to people.
    pub label: &'a str,
}

/// The whole framework as the page sees it (`framework(id)` in the JavaScript API).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FrameworkView<'a> {
    /// Framework id.
    pub id: &'a str,
    /// Name.
    pub name: &'a str,
    /// First date it applies.
    pub effective_from: &'a str,
    /// Last date it applies (`null` while current).
    pub effective_to: Option<&'a str>,
    /// Whether it is the current framework.
    pub current: bool,
    /// `ilacs` or `sccif`.
    pub family: &'a str,
    /// Who is inspected, such as "Children's homes".
    pub provider: &'a str,
    /// Judgements, with `derived` true for overall effectiveness and `overall` true for the
    /// judgement the overall rules grade.
    pub judgements: &'a [Judgement],
    /// Areas with their statements.
    pub areas: &'a [Area],
    /// Indicators.
    pub indicators: &'a [Indicator],
    /// The headings the indicators are grouped under, in order (empty: no groups).
    pub indicator_groups: &'a [IndicatorGroup],
    /// When an indicator counts as worse (absent: worse than England).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, ts(optional))]
    pub indicator_comparison: Option<&'a ComparisonRule>,
    /// Notices to show wherever the framework is named.
    pub notices: &'a [Notice],
    /// Judgement rules, then overall-effectiveness rules.
    pub rules: Vec<&'a Rule>,
    /// Evidence sources.
    pub evidence_sources: Vec<EvidenceView<'a>>,
    /// The simulation's uncertainty model: its defaults, why, source and tag.
    pub simulation: &'a SimulationModel,
    /// Levels, best first, then not known.
    pub levels: Vec<LevelView>,
    /// The kinds of inspection a history may record for this framework's family, such as
    /// `standard`, `short` (ILACS) or `full`, `interim`, `assurance` (children's homes).
    pub inspection_kinds: &'a [InspectionKind],
}

impl Framework {
    /// The framework as the page sees it.
    pub fn view(&self) -> FrameworkView<'_> {
        FrameworkView {
            id: &self.id,
            name: &self.name,
            effective_from: &self.effective_from,
            effective_to: self.effective_to.as_deref(),
            current: self.current,
            family: &self.family,
            provider: &self.provider,
            judgements: &self.judgements,
            areas: &self.areas,
            indicators: &self.indicators,
            indicator_groups: &self.indicator_groups,
            indicator_comparison: self.indicator_comparison.as_ref(),
            notices: &self.notices,
            rules: self.rules.iter().chain(&self.overall_rules).collect(),
            simulation: &self.simulation,
            evidence_sources: self
                .evidence_sources
                .iter()
                .map(|e| EvidenceView {
                    id: &e.id,
                    label: &e.label,
                })
                .collect(),
            levels: crate::model::level::Level::SHOWN
                .iter()
                .map(|l| LevelView {
                    id: l.id(),
                    label: l.label(),
                })
                .collect(),
            inspection_kinds: &self.inspection_kinds,
        }
    }
}

// ---- loading ----

// Each file's types read themselves with serde's derive; `compile` checks what serde cannot
// (references between files) and builds the flat indices.

/// A framework version's data file by id: every file in `crate/data/frameworks/` (build.rs writes
/// the look-up), so a new version needs no code here.
fn framework_file(id: &str) -> Option<FrameworkFile> {
    include!(concat!(env!("OUT_DIR"), "/frameworks.rs"))
}

/// The raw shared data, exposed to the invariant tests.
pub(crate) struct Shared {
    areas: Vec<AreaData>,
    indicators: IndicatorsFile,
    /// The indicator set older versions keep (`indicator_set = "2023"`), so their files score as before.
    indicators_2023: IndicatorsFile,
    evidence: EvidenceFile,
    rules: RulesFile,
}

fn shared() -> Shared {
    let areas: AreasFile = baked!("frameworks/shared/areas");
    let mut rules: RulesFile = baked!("frameworks/shared/rules");
    // The provider (SCCIF) rules join the same library; frameworks pick rules by id.
    let provider: RulesFile = baked!("frameworks/shared/provider-rules");
    rules
        .judgement_rule
        .to_mut()
        .extend(provider.judgement_rule.iter().cloned());
    rules
        .overall_rule
        .to_mut()
        .extend(provider.overall_rule.iter().cloned());
    Shared {
        areas: areas.area.to_vec(),
        indicators: baked!("frameworks/shared/indicators"),
        indicators_2023: baked!("frameworks/shared/indicators-2023"),
        evidence: baked!("frameworks/shared/evidence"),
        rules,
    }
}

/// Panics: the embedded framework data is inconsistent (a build defect the invariant tests catch;
/// panicking rather than returning errors keeps the wasm smaller, as for the readers above).
#[cold]
#[inline(never)]
fn inconsistent(id: &str, what: String) -> ! {
    panic!("embedded framework data is inconsistent: {id}: {what}")
}

fn compile(summary: &FrameworkSummary, shared: &Shared) -> Framework {
    let id = summary.id.as_ref();
    let file = framework_file(id).unwrap_or_else(|| inconsistent(id, "no data file".into()));
    if file.id != summary.id {
        inconsistent(id, format!("its file has id {}", file.id));
    }
    let judgements: Vec<Judgement> = file
        .judgement
        .iter()
        .map(|j| Judgement {
            id: j.id.to_string(),
            name: j.name.to_string(),
            derived: j.derived,
            leadership: j.leadership,
            overall: j.derived || j.overall,
        })
        .collect();
    // The framework's own areas, or the shared ones with this version's overlay.
    let overlaid;
    let area_data: &[AreaData] = if file.area.is_empty() {
        overlaid = apply_overlay(&shared.areas, &file.overlay).unwrap_or_else(|e| inconsistent(id, e));
        &overlaid
    } else {
        if !is_empty_overlay(&file.overlay) {
            inconsistent(id, "an overlay applies to the shared areas only".into());
        }
        &file.area
    };
    // Each area feeds exactly one judgement of this framework.
    let mut areas = Vec::new();
    for a in area_data {
        if !KNOWN_JUDGEMENTS.contains(&a.judgement.as_ref()) {
            inconsistent(id, format!("area {} names unknown judgement {}", a.id, a.judgement));
        }
        let feeds: Vec<&JudgementData> = file.judgement.iter().filter(|j| j.areas.contains(&a.id)).collect();
        if feeds.len() != 1 {
            inconsistent(id, format!("area {} feeds {} judgements", a.id, feeds.len()));
        }
        areas.push(Area {
            id: a.id.to_string(),
            name: a.name.to_string(),
            judgement: feeds[0].id.to_string(),
            description: a.description.to_string(),
            statements: a.statement.to_vec(),
        });
    }
    for j in file.judgement.iter() {
        for a in j.areas.iter() {
            if !area_data.iter().any(|x| &x.id == a) {
                inconsistent(id, format!("judgement {} names unknown area {a}", j.id));
            }
        }
        if j.derived != j.areas.is_empty() {
            inconsistent(id, format!("judgement {} must be derived or have areas", j.id));
        }
    }
    let find_rule = |list: &[Rule], rule: &str| {
        list.iter()
            .find(|r| r.id == rule)
            .cloned()
            .unwrap_or_else(|| inconsistent(id, format!("unknown rule {rule}")))
    };
    let rules: Vec<Rule> = file
        .judgement_rules
        .iter()
        .map(|r| find_rule(&shared.rules.judgement_rule, r))
        .collect();
    let overall_rules: Vec<Rule> = file
        .overall_rules
        .iter()
        .map(|r| find_rule(&shared.rules.overall_rule, r))
        .collect();

    let mut compiled = Compiled {
        by_judgement: vec![Vec::new(); judgements.len()],
        ..Compiled::default()
    };
    for (ai, a) in areas.iter().enumerate() {
        let ji = judgements
            .iter()
            .position(|j| j.id == a.judgement)
            .expect("checked above");
        for s in a.statements.iter() {
            let slot = compiled.slots.len();
            compiled.slots.push(Slot {
                area: ai,
                judgement: ji,
                critical: s.critical,
            });
            compiled.by_judgement[ji].push(slot);
            if s.critical {
                compiled.critical.push(slot);
            }
            if compiled.index.insert(s.id.to_string(), slot).is_some() {
                inconsistent(id, format!("duplicate statement id {}", s.id));
            }
        }
    }
    compiled.params = params(&rules).unwrap_or_else(|e| inconsistent(id, e));
    compiled.leadership = judgements.iter().position(|j| j.leadership);
    let p = &compiled.params;
    if compiled.leadership.is_none() && (p.leaders_inadequate.is_some() || p.leaders_not_known.is_some()) {
        inconsistent(id, "the leadership limits need a judgement marked leadership".into());
    }
    let overall: Vec<usize> = (0..judgements.len()).filter(|&i| judgements[i].overall).collect();
    compiled.overall = match overall.as_slice() {
        [] if overall_rules.is_empty() => None,
        [t] if !overall_rules.is_empty() => {
            Some(overall_params(&judgements, *t, &overall_rules).unwrap_or_else(|e| inconsistent(id, e)))
        }
        _ => inconsistent(id, "overall judgement and overall rules disagree".into()),
    };
    let challenges = {
        let file: ChallengesFile = baked!("frameworks/shared/challenges");
        let has = |id: &str| areas.iter().any(|a: &Area| a.statements.iter().any(|s| s.id == id));
        file.challenge
            .iter()
            .filter(|c| c.statements.iter().all(|s| has(s)))
            .cloned()
            .collect()
    };
    Framework {
        id: summary.id.to_string(),
        name: summary.name.to_string(),
        effective_from: summary.effective_from.to_string(),
        effective_to: (!file.effective_to.is_empty()).then(|| file.effective_to.to_string()),
        current: summary.current,
        family: summary.family.to_string(),
        provider: summary.provider.to_string(),
        source: file.source.to_string(),
        tag: file.tag,
        judgements,
        areas,
        indicators: match (file.shared_indicators, file.indicator_set.as_ref()) {
            (false, _) => Vec::new(),
            (true, "") => shared.indicators.indicator.to_vec(),
            (true, "2023") => shared.indicators_2023.indicator.to_vec(),
            (true, other) => inconsistent(id, format!("unknown indicator set {other}")),
        },
        indicator_groups: match (file.shared_indicators, file.indicator_set.as_ref()) {
            (true, "") => shared.indicators.group.to_vec(),
            _ => Vec::new(),
        },
        indicator_comparison: match (file.shared_indicators, file.indicator_set.as_ref()) {
            (true, "") => shared.indicators.comparison.clone(),
            _ => None,
        },
        notices: file.notice.to_vec(),
        rules,
        overall_rules,
        evidence_sources: shared.evidence.source.to_vec(),
        simulation: shared.evidence.simulation.clone(),
        challenges,
        inspection_kinds: file.inspection_kinds.to_vec(),
        compiled,
    }
}

/// The most statements an area may have once a version's overlay has added its own (April 2026's
/// help and protection has 22: the 12 shared and the 10 the 2026 reports and the 2026 Act added).
pub const MAX_STATEMENTS: usize = 24;

fn is_empty_overlay(o: &Overlay) -> bool {
    o.drop.is_empty() && o.replace.is_empty() && o.add.is_empty()
}

/// The shared areas with a version's overlay applied: statements dropped, reworded in place (same
/// id, so saved answers carry over) and added at the end of their area, in that order. Every
/// dropped or reworded id must exist, every added id must be new, each id is touched once, and
/// what the overlay adds or rewords is marked with its label.
pub(crate) fn apply_overlay(shared: &[AreaData], o: &Overlay) -> Result<Vec<AreaData>, String> {
    let mut areas = shared.to_vec();
    if is_empty_overlay(o) {
        return Ok(areas);
    }
    if o.label.is_empty() {
        return Err("an overlay needs a label".into());
    }
    let has = |areas: &[AreaData], id: &str| areas.iter().any(|a| a.statement.iter().any(|s| s.id == id));
    let mut touched = std::collections::BTreeSet::new();
    let ids = o
        .drop
        .iter()
        .map(|d| d.as_ref())
        .chain(o.replace.iter().map(|r| r.id.as_ref()))
        .chain(o.add.iter().map(|a| a.statement.id.as_ref()));
    for id in ids {
        if !touched.insert(id) {
            return Err(format!("overlay touches {id} twice"));
        }
    }
    for d in o.drop.iter() {
        if !has(&areas, d) {
            return Err(format!("overlay drops unknown statement {d}"));
        }
        for a in areas.iter_mut() {
            a.statement.to_mut().retain(|s| s.id != *d);
        }
    }
    for r in o.replace.iter() {
        let slot = areas
            .iter_mut()
            .flat_map(|a| a.statement.to_mut().iter_mut())
            .find(|s| s.id == r.id)
            .ok_or_else(|| format!("overlay rewords unknown statement {}", r.id))?;
        *slot = Statement {
            changed_in: o.label.clone(),
            ..r.clone()
        };
    }
    for add in o.add.iter() {
        let s = &add.statement;
        if has(&areas, &s.id) || has(shared, &s.id) {
            return Err(format!("overlay adds {} which already exists", s.id));
        }
        let area = areas
            .iter_mut()
            .find(|a| a.id == add.area)
            .ok_or_else(|| format!("overlay adds {} to unknown area {}", s.id, add.area))?;
        area.statement.to_mut().push(Statement {
            changed_in: o.label.clone(),
            ..s.clone()
        });
    }
    for a in areas.iter() {
        if a.statement.is_empty() || a.statement.len() > MAX_STATEMENTS {
            return Err(format!("area {} has {} statements", a.id, a.statement.len()));
        }
    }
    Ok(areas)
}

fn params(rules: &[Rule]) -> Result<Params, String> {
    let mut p = Params::default();
    for (rule, r) in rules.iter().enumerate() {
        let taken = match r.kind {
            RuleKind::Completeness { min_answered_percent } => p
                .completeness
                .replace(Completeness {
                    rule,
                    min_answered_percent,
                })
                .is_some(),
            RuleKind::KnownShare { min_known_percent } => p
                .known_share
                .replace(KnownShare {
                    rule,
                    min_known_percent,
                })
                .is_some(),
            RuleKind::NotKnownCountsAs { counts_as } => {
                // Not known sits below requires improvement in the level order: counting it as better
                // would let "raising" not known to requires improvement lower a grade.
                if counts_as > Grade::RequiresImprovement {
                    return Err(format!("rule {}: not known cannot count as better than RI", r.id));
                }
                p.not_known.replace(NotKnown { rule, counts_as }).is_some()
            }
            RuleKind::BestFit {
                outstanding_at,
                good_at,
                requires_improvement_at,
            } => {
                let thresholds = [outstanding_at, good_at, requires_improvement_at];
                if !(outstanding_at >= good_at && good_at >= requires_improvement_at && outstanding_at <= 300) {
                    return Err(format!("rule {}: thresholds must be descending and at most 300", r.id));
                }
                p.best_fit.replace(BestFit { rule, thresholds }).is_some()
            }
            RuleKind::CriticalInadequate { cap } => p.critical_inadequate.replace(Limit { rule, cap }).is_some(),
            RuleKind::LeadersCriticalInadequate { cap, inadequate_in, of } => {
                p.leaders_lean = match (inadequate_in, of) {
                    (None, None) => None,
                    (Some(k), Some(n)) if n > 0 && k <= n => Some(Lean {
                        basis_points: k * 10_000 / n,
                        inadequate_in: k,
                        of: n,
                    }),
                    _ => {
                        return Err(format!(
                            "rule {}: inadequate_in and of go together, with 0 < of and inadequate_in <= of",
                            r.id
                        ))
                    }
                };
                p.leaders_inadequate.replace(Limit { rule, cap }).is_some()
            }
            RuleKind::LeadersCriticalNotKnown { cap } => p.leaders_not_known.replace(Limit { rule, cap }).is_some(),
            RuleKind::WidespreadWeakness {
                weak_percent,
                inadequate_percent,
            } => p
                .widespread
                .replace(Widespread {
                    rule,
                    weak_percent,
                    inadequate_percent,
                })
                .is_some(),
            RuleKind::OutstandingNeedsAllGood { cap } => p.all_good.replace(Limit { rule, cap }).is_some(),
            _ => return Err(format!("rule {}: not a judgement rule", r.id)),
        };
        if taken {
            return Err(format!("two rules of the kind of {}", r.id));
        }
    }
    if p.best_fit.is_none() {
        return Err("a best_fit rule is required".into());
    }
    // Raising a safety-critical statement from inadequate to not known must never lower the
    // leaders' grade: the not-known limit needs the inadequate one, at or below it.
    if let Some(nk) = p.leaders_not_known {
        match p.leaders_inadequate {
            Some(inad) if inad.cap <= nk.cap => {}
            _ => {
                return Err(format!(
                    "rule {} needs a leaders_critical_inadequate rule with a limit at or below its own",
                    rules[nk.rule].id
                ))
            }
        }
    }
    Ok(p)
}

fn overall_params(judgements: &[Judgement], target: usize, rules: &[Rule]) -> Result<OverallParams, String> {
    let resolve = |c: &[Condition]| -> Result<Vec<(usize, Grade)>, String> {
        let mut out = Vec::new();
        for x in c {
            if !KNOWN_JUDGEMENTS.contains(&x.judgement.as_ref()) {
                return Err(format!("unknown judgement {} in a condition", x.judgement));
            }
            // A judgement this framework lacks never satisfies a condition.
            if let Some(i) = judgements.iter().position(|j| j.id == x.judgement && !j.overall) {
                out.push((i, x.at_most));
            }
        }
        Ok(out)
    };
    let mut caps = Vec::new();
    let mut base = None;
    for (i, r) in rules.iter().enumerate() {
        match &r.kind {
            RuleKind::Cap {
                cap,
                strict_cap,
                when_all,
                when_any,
            } => {
                let all = resolve(when_all)?;
                let any = resolve(when_any)?;
                if when_all.is_empty() && when_any.is_empty() {
                    return Err(format!("rule {} has no condition", r.id));
                }
                // A rule whose `when_all` names a missing judgement can never apply.
                if all.len() == when_all.len() && (when_any.is_empty() || !any.is_empty()) {
                    caps.push(CapRule {
                        rule: i,
                        cap: *cap,
                        strict_cap: *strict_cap,
                        all,
                        any,
                    });
                }
            }
            RuleKind::WeightedBestFit { weights: w } => {
                let mut weights = Vec::new();
                for Weight {
                    judgement: j,
                    weight: wt,
                } in w.iter()
                {
                    if !KNOWN_JUDGEMENTS.contains(&j.as_ref()) {
                        return Err(format!("unknown judgement {j} in weights"));
                    }
                    if let Some(ji) = judgements.iter().position(|x| x.id == *j && !x.overall) {
                        weights.push((ji, *wt));
                    }
                }
                if weights.iter().map(|x| x.1).sum::<u32>() == 0 {
                    return Err(format!("rule {}: weights sum to zero", r.id));
                }
                if !judgements[target].derived {
                    return Err(format!(
                        "rule {}: a judgement with statements is not a weighted best fit",
                        r.id
                    ));
                }
                if base.replace(OverallBase::Weighted(i, weights)).is_some() {
                    return Err("two overall base rules".into());
                }
            }
            RuleKind::OwnStatements => {
                if judgements[target].derived {
                    return Err(format!("rule {}: a derived judgement has no statements", r.id));
                }
                if base.replace(OverallBase::Own(i)).is_some() {
                    return Err("two overall base rules".into());
                }
            }
            _ => return Err(format!("rule {}: not an overall rule", r.id)),
        }
    }
    Ok(OverallParams {
        target,
        caps,
        base: base.ok_or("overall rules need a weighted_best_fit or own_statements rule")?,
    })
}

/// Every judgement id any framework may use (ILACS, then the SCCIF ones not shared with ILACS).
pub const KNOWN_JUDGEMENTS: [&str; 7] = [
    "overall_effectiveness",
    "impact_of_leaders",
    "help_and_protection",
    "children_in_care",
    "care_leavers",
    "overall_experiences_progress",
    "leaders_and_managers",
];

static ALL: OnceLock<Vec<Framework>> = OnceLock::new();

/// Every framework this build knows, newest first, parsed once.
pub fn all() -> &'static [Framework] {
    ALL.get_or_init(|| {
        let shared = shared();
        catalogue().iter().map(|s| compile(s, &shared)).collect()
    })
}

/// The framework with this id, or `None`.
pub fn get(id: &str) -> Option<&'static Framework> {
    all().iter().find(|f| f.id == id)
}

/// The current (default) framework.
pub fn current() -> &'static Framework {
    all().iter().find(|f| f.current).expect("exactly one current framework")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn is_url(s: &str) -> bool {
        (s.starts_with("https://") || s.starts_with("http://")) && s.len() > 12 && !s.contains(' ')
    }

    #[test]
    fn every_framework_compiles() {
        let shared = shared();
        for s in catalogue() {
            compile(&s, &shared);
        }
        assert_eq!(all().len(), catalogue().len());
        for shipped in [
            "ilacs-2026-04",
            "ilacs-2023-01",
            "ilacs-2018-01",
            "sccif-childrens-homes",
            "sccif-ifa",
        ] {
            assert!(get(shipped).is_some(), "{shipped}");
        }
        assert_eq!(current().id, "ilacs-2026-04");
        assert_eq!(current().family, "ilacs");
    }

    #[test]
    fn ids_are_unique_across_everything() {
        let sh = shared();
        let mut seen = BTreeSet::new();
        let mut ids: Vec<&str> = Vec::new();
        ids.extend(sh.areas.iter().map(|a| a.id.as_ref()));
        ids.extend(sh.areas.iter().flat_map(|a| a.statement.iter().map(|s| s.id.as_ref())));
        ids.extend(sh.indicators.indicator.iter().map(|i| i.id.as_ref()));
        ids.extend(sh.indicators.group.iter().map(|i| i.id.as_ref()));
        // What a version's overlay adds is new everywhere, except that a later version may add the
        // same statement again (same id, same words), so that answers carry over.
        let files: Vec<FrameworkFile> = catalogue().iter().filter_map(|f| framework_file(&f.id)).collect();
        let mut added: std::collections::BTreeMap<&str, &str> = std::collections::BTreeMap::new();
        for a in files.iter().flat_map(|f| f.overlay.add.iter()) {
            match added.insert(a.statement.id.as_ref(), a.statement.text.as_ref()) {
                None => ids.push(a.statement.id.as_ref()),
                Some(text) => assert_eq!(
                    text,
                    a.statement.text.as_ref(),
                    "{} is added twice, differently",
                    a.statement.id
                ),
            }
        }
        ids.extend(sh.evidence.source.iter().map(|i| i.id.as_ref()));
        ids.extend(sh.rules.judgement_rule.iter().map(|r| r.id.as_ref()));
        ids.extend(sh.rules.overall_rule.iter().map(|r| r.id.as_ref()));
        let fws: Vec<String> = catalogue().into_iter().map(|f| f.id.into_owned()).collect();
        ids.extend(fws.iter().map(|s| s.as_str()));
        for id in ids {
            // Area ids deliberately equal judgement ids where they feed them; judgement ids are not in this list.
            assert!(seen.insert(id), "duplicate id {id}");
        }
    }

    #[test]
    fn every_reference_resolves_and_statements_are_well_formed() {
        let sh = shared();
        for a in sh.areas.iter() {
            assert!(
                KNOWN_JUDGEMENTS.contains(&a.judgement.as_ref()),
                "area {} → {}",
                a.id,
                a.judgement
            );
            assert!(
                (8..=12).contains(&a.statement.len()),
                "area {} has {} statements",
                a.id,
                a.statement.len()
            );
            let prefix = match a.id.as_ref() {
                "help_and_protection" => "hp_",
                "children_in_care" => "cic_",
                "permanence" => "perm_",
                "care_leavers" => "cl_",
                "leadership" => "lead_",
                other => panic!("unexpected area {other}"),
            };
            for s in a.statement.iter() {
                assert!(s.id.starts_with(prefix), "{} not prefixed {prefix}", s.id);
                assert!(is_url(&s.source), "{} source", s.id);
                assert!(!s.text.is_empty() && !s.hint.is_empty(), "{}", s.id);
            }
        }
        for f in all() {
            for a in f.areas.iter() {
                assert!(f.judgement_index(&a.judgement).is_some());
            }
            // the usual mapping holds except care leavers in 2018
            for a in f.areas.iter().filter(|a| sh.areas.iter().any(|x| x.id == a.id)) {
                let usual = &sh.areas.iter().find(|x| x.id == a.id).unwrap().judgement;
                if !(f.id == "ilacs-2018-01" && a.id == "care_leavers") {
                    assert_eq!(&a.judgement, usual, "{} {}", f.id, a.id);
                }
            }
            for r in f.rules.iter().chain(&f.overall_rules) {
                assert!(is_url(&r.source), "{} source", r.id);
                if let RuleKind::Cap { when_all, when_any, .. } = &r.kind {
                    for c in when_all.iter().chain(when_any.iter()) {
                        assert!(KNOWN_JUDGEMENTS.contains(&c.judgement.as_ref()));
                    }
                }
            }
            assert!(is_url(&f.source));
        }
        // Old ids keep working: the 2023 set's ids are all in the current set.
        for i in sh.indicators_2023.indicator.iter() {
            assert!(sh.indicators.indicator.iter().any(|x| x.id == i.id), "{} dropped", i.id);
        }
        let groups: Vec<&str> = sh.indicators.group.iter().map(|g| g.id.as_ref()).collect();
        for g in sh.indicators.group.iter() {
            assert!(is_url(&g.source) && !g.name.is_empty(), "{}", g.id);
            assert!(
                sh.indicators.indicator.iter().any(|i| i.group == g.id),
                "group {} is empty",
                g.id
            );
        }
        for i in sh.indicators.indicator.iter() {
            assert!(groups.contains(&i.group.as_ref()), "{} group {:?}", i.id, i.group);
            assert!(!i.national.period.is_empty(), "{} period", i.id);
        }
        for i in sh
            .indicators
            .indicator
            .iter()
            .chain(sh.indicators_2023.indicator.iter())
        {
            assert!(is_url(&i.national.source), "{}", i.id);
            assert!(i.min <= i.national.value && i.national.value <= i.max, "{}", i.id);
            assert!(i.similar_within >= 0.0);
            if i.unit == Unit::Percent {
                assert_eq!((i.min, i.max), (0.0, 100.0), "{}", i.id);
            }
        }
        for e in sh.evidence.source.iter() {
            assert!(is_url(&e.source));
        }
        let sim = &sh.evidence.simulation;
        assert!(sim.differ_min <= sim.differ_max && sim.differ_max <= 10_000);
        assert!(sim.down_share_percent <= 100);
        assert_eq!(sim.not_known.iter().sum::<u32>(), 10_000);
        assert!(is_url(&sim.source));
    }

    /// Frameworks with their own areas (the providers'): the same invariants as the shared areas,
    /// with every statement id prefixed by its area's prefix (`ch_`, `ifa_`), ids unique across all
    /// frameworks' own areas and the shared data, and the area's declared judgement the one it feeds.
    #[test]
    fn frameworks_with_their_own_areas_are_well_formed() {
        let sh = shared();
        let mut seen: BTreeSet<String> = sh
            .areas
            .iter()
            .flat_map(|a| std::iter::once(a.id.to_string()).chain(a.statement.iter().map(|s| s.id.to_string())))
            .collect();
        let mut own = 0;
        for s in catalogue() {
            let file = framework_file(&s.id).unwrap();
            if file.area.is_empty() {
                assert!(file.shared_indicators, "{}", s.id);
                continue;
            }
            own += 1;
            let f = get(&s.id).unwrap();
            assert_eq!(f.areas.len(), file.area.len());
            for a in file.area.iter() {
                assert!(seen.insert(a.id.to_string()), "duplicate id {}", a.id);
                let prefix = format!("{}_", a.id.split('_').next().unwrap());
                assert!(KNOWN_JUDGEMENTS.contains(&a.judgement.as_ref()), "{}", a.id);
                let fed = &f.areas.iter().find(|x| x.id == a.id).unwrap().judgement;
                assert_eq!(fed, &a.judgement, "{} {}", s.id, a.id);
                // A framework's own areas may grow as an overlay may (SCCIF children's homes added
                // three of the §5.1 evaluation criteria in December 2026).
                assert!(
                    (8..=MAX_STATEMENTS).contains(&a.statement.len()),
                    "{} has {}",
                    a.id,
                    a.statement.len()
                );
                assert!(a.statement.iter().any(|x| x.critical) || a.judgement != "help_and_protection");
                for st in a.statement.iter() {
                    assert!(seen.insert(st.id.to_string()), "duplicate id {}", st.id);
                    assert!(st.id.starts_with(&prefix), "{} not prefixed {prefix}", st.id);
                    assert!(is_url(&st.source), "{}", st.id);
                    assert!(!st.text.is_empty() && !st.hint.is_empty(), "{}", st.id);
                }
            }
        }
        assert_eq!(own, 2, "children's homes and fostering agencies");
    }

    /// The April 2026 version has its own statements through its overlay; the older versions keep the
    /// shared areas exactly as they are (so their saved files score as before).
    /// The sourced check of 7 December 2026 (`recheck-2026-12-07.md`), item by item, as data.
    #[test]
    fn the_record_check_of_december_2026_is_in_the_data() {
        use crate::model::source::Tag;
        let f = get("ilacs-2026-04").unwrap();
        // Finding 8: staying close is for every former relevant child under 25, after an assessment,
        // and not yet in force (the Act, section 7, read).
        let (_, s) = f.statement("cl_staying_close").unwrap();
        assert!(!s.text.contains("residential"), "{}", s.text);
        assert!(s.text.contains("25") && s.text.contains("assessed") && s.text.contains("not yet in force"));
        assert_eq!(
            (s.source.as_ref(), s.tag),
            ("https://www.legislation.gov.uk/ukpga/2026/21/section/7", Tag::V)
        );
        // Finding 10: a statement that paraphrases an Ofsted report is S or R, never V.
        for (_, s) in f.statements().filter(|(_, s)| !s.changed_in.is_empty()) {
            if s.source.contains("files.ofsted.gov.uk") || s.source.contains("explore-education-statistics") {
                assert!(
                    matches!(s.tag, Tag::S | Tag::R),
                    "{} is our reading of a report: {:?}",
                    s.id,
                    s.tag
                );
            }
        }
        // Content missing: child sexual abuse within the family and online harm (help and protection,
        // secondary), exploitation with trafficking, modern slavery and the National Referral Mechanism
        // (still safety-critical; the older versions keep their wording).
        for id in ["hp_csa_in_family", "hp_online_harm"] {
            let (area, s) = f.statement(id).unwrap();
            assert_eq!(
                (area.id.as_ref(), s.tag, s.critical),
                ("help_and_protection", Tag::S, false),
                "{id}"
            );
        }
        let (_, s) = f.statement("hp_exploitation_missing").unwrap();
        assert!(s.critical && s.text.contains("National Referral Mechanism") && s.text.contains("trafficking"));
        assert_eq!(s.changed_in, "April 2026");
        let (_, old) = get("ilacs-2023-01")
            .unwrap()
            .statement("hp_exploitation_missing")
            .unwrap();
        assert!(!old.text.contains("National Referral Mechanism"));
        // SCCIF children's homes §5.1: far from home, non-verbal communication, location risk.
        let ch = get("sccif-childrens-homes").unwrap();
        for (id, area) in [
            ("ch_ep_far_from_home", "ch_experiences_progress"),
            ("ch_ep_non_verbal", "ch_experiences_progress"),
            ("ch_hp_location_risk", "ch_help_protection"),
        ] {
            let (a, s) = ch.statement(id).unwrap_or_else(|| panic!("{id}"));
            assert_eq!(a.id, area);
            assert!(s.source.ends_with("/5-evaluation-criteria") && s.tag == Tag::R, "{id}");
        }
        // The Children's Wellbeing and Schools Act 2026: what is not in force is said, and what we
        // could not check is unverified, never presented as in force.
        let act: Vec<&Notice> = f
            .notices
            .iter()
            .filter(|n| n.source.contains("ukpga/2026/21"))
            .collect();
        assert_eq!(act.len(), 2);
        assert!(act[0].tag == Tag::V && act[0].text.contains("not yet in force") && act[0].text.contains("under 25"));
        for part in [
            "kinship carers",
            "agency social workers",
            "children not in school",
            "safeguarding partner",
            "unique identifier",
        ] {
            assert!(act[1].text.contains(part), "{part}");
        }
        assert!(act[1].tag == Tag::U && act[1].text.contains("check"));
        // Finding 9: the pre-2026 indicator set's re-referrals are 22.4% (139,080 of 621,880).
        let r = get("ilacs-2023-01").unwrap();
        let rr = r.indicators.iter().find(|i| i.id == "re_referrals").unwrap();
        assert_eq!((rr.national.value, rr.national.tag), (22.4, Tag::D));
        assert!(rr.national.period.contains("139,080") && rr.national.period.contains("621,880"));
    }

    #[test]
    fn the_2026_overlay_is_well_formed_and_older_versions_are_unchanged() {
        let sh = shared();
        let file = framework_file("ilacs-2026-04").unwrap();
        let o = &file.overlay;
        assert_eq!(o.label, "April 2026");
        assert!(
            o.add.len() >= 10 && o.replace.len() >= 2,
            "the 2026 version has its own content"
        );
        let shared_ids: BTreeSet<&str> = sh
            .areas
            .iter()
            .flat_map(|a| a.statement.iter().map(|s| s.id.as_ref()))
            .collect();
        for r in o.replace.iter() {
            assert!(shared_ids.contains(r.id.as_ref()), "rewords unknown {}", r.id);
        }
        for d in o.drop.iter() {
            assert!(shared_ids.contains(d.as_ref()), "drops unknown {d}");
        }
        let f = get("ilacs-2026-04").unwrap();
        for add in o.add.iter() {
            let st = &add.statement;
            assert!(!shared_ids.contains(st.id.as_ref()), "{} collides", st.id);
            assert!(
                is_url(&st.source) && !st.text.is_empty() && !st.hint.is_empty(),
                "{}",
                st.id
            );
            let (area, got) = f.statement(&st.id).expect("added statement compiled");
            assert_eq!(area.id, add.area);
            assert_eq!(got.changed_in, "April 2026");
            let prefix = sh.areas.iter().find(|a| a.id == add.area).unwrap().statement[0]
                .id
                .split('_')
                .next()
                .unwrap()
                .to_string();
            assert!(st.id.starts_with(&format!("{prefix}_")), "{} in {}", st.id, add.area);
        }
        // Unique ids, the topics the review lists, and the softened statements.
        let ids: Vec<&str> = f.statements().map(|(_, s)| s.id.as_ref()).collect();
        assert_eq!(ids.iter().collect::<BTreeSet<_>>().len(), ids.len());
        for id in [
            "hp_multi_agency_cp_teams",
            "hp_family_networks",
            "hp_education_attendance",
            "hp_young_carers",
            "hp_private_fostering",
            "hp_parental_need",
            "hp_disabled_children",
            "hp_management_oversight",
            "cic_placed_at_distance",
            "lead_foster_carers",
            "cl_staying_close",
        ] {
            assert!(f.statement(id).is_some(), "{id}");
        }
        for id in ["hp_homeless_16_17", "cic_suitable_homes"] {
            let (_, s) = f.statement(id).unwrap();
            assert!(s.critical, "{id} stays safety-critical");
            assert!(
                !s.text.contains("never") && !s.text.contains("none is"),
                "{id}: {}",
                s.text
            );
            assert!(s.text.contains("rare"), "{id} says what inspectors weigh");
        }
        for a in f.areas.iter() {
            assert!((8..=MAX_STATEMENTS).contains(&a.statements.len()), "{}", a.id);
        }
        // Older versions: the shared areas, statement for statement, with no label.
        for old in ["ilacs-2023-01", "ilacs-2018-01"] {
            let f = get(old).unwrap();
            assert!(is_empty_overlay(&framework_file(old).unwrap().overlay));
            let got: Vec<&Statement> = f.statements().map(|(_, s)| s).collect();
            let want: Vec<&Statement> = sh.areas.iter().flat_map(|a| a.statement.iter()).collect();
            assert_eq!(got, want, "{old}");
            assert!(got.iter().all(|s| s.changed_in.is_empty()));
            assert!(f.notices.is_empty(), "{old}");
        }
        // The view the page gets carries the new statements, their label and the 2027 notice.
        let v = serde_json::to_value(f.view()).unwrap();
        let hp = &v["areas"][0]["statements"];
        assert!(hp
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["id"] == "hp_young_carers" && s["changedIn"] == "April 2026"));
        assert!(hp[0].get("changedIn").is_none(), "unchanged statements carry no label");
        assert!(v["notices"][0]["text"].as_str().unwrap().contains("2027"));
        assert_eq!(v["notices"][0]["tag"], "U");
        assert_eq!(v["indicatorGroups"][0]["id"], "o1_help");
        for id in ["sccif-childrens-homes", "sccif-ifa"] {
            let n = &get(id).unwrap().notices;
            assert!(
                n.len() == 1 && n[0].text.contains("single-word grades") && n[0].tag == crate::model::source::Tag::U
            );
        }
    }

    #[test]
    fn a_bad_overlay_is_rejected() {
        let sh = shared();
        let st = |id: &str| Statement {
            id: id.to_string().into(),
            text: "t".into(),
            hint: "h".into(),
            critical: false,
            source: "https://a.b/c".into(),
            tag: crate::model::source::Tag::R,
            changed_in: "".into(),
        };
        let add = |area: &str, id: &str| shapes::AddedStatement {
            area: area.to_string().into(),
            statement: st(id),
        };
        let good = Overlay {
            label: "X".into(),
            drop: vec!["hp_lado".into()].into(),
            replace: vec![st("hp_front_door")].into(),
            add: vec![add("care_leavers", "cl_new")].into(),
        };
        let areas = apply_overlay(&sh.areas, &good).unwrap();
        let all: Vec<&Statement> = areas.iter().flat_map(|a| a.statement.iter()).collect();
        assert!(!all.iter().any(|s| s.id == "hp_lado"));
        assert_eq!(all.iter().find(|s| s.id == "hp_front_door").unwrap().changed_in, "X");
        assert_eq!(areas[0].statement[0].id, "hp_front_door", "reworded in place");
        assert_eq!(
            areas
                .iter()
                .find(|a| a.id == "care_leavers")
                .unwrap()
                .statement
                .last()
                .unwrap()
                .id,
            "cl_new"
        );
        let bad = |o: Overlay, why: &str| {
            let e = apply_overlay(&sh.areas, &o).err().expect("rejected");
            assert!(e.contains(why), "{e}");
        };
        bad(
            Overlay {
                label: "".into(),
                ..good.clone()
            },
            "label",
        );
        bad(
            Overlay {
                drop: vec!["hp_nope".into()].into(),
                ..good.clone()
            },
            "drops unknown",
        );
        bad(
            Overlay {
                replace: vec![st("hp_nope")].into(),
                ..good.clone()
            },
            "rewords unknown",
        );
        bad(
            Overlay {
                add: vec![add("care_leavers", "cl_health")].into(),
                ..good.clone()
            },
            "already exists",
        );
        bad(
            Overlay {
                add: vec![add("nowhere", "x_new")].into(),
                ..good.clone()
            },
            "unknown area",
        );
        bad(
            Overlay {
                replace: vec![st("hp_lado")].into(),
                ..good.clone()
            },
            "twice",
        );
        let many: Vec<_> = (0..MAX_STATEMENTS)
            .map(|i| add("care_leavers", &format!("cl_n{i}")))
            .collect();
        bad(
            Overlay {
                add: many.into(),
                ..good.clone()
            },
            "statements",
        );
        // An overlay on a framework with its own areas is a defect too (checked in `compile`).
        assert!(apply_overlay(&sh.areas, &Overlay::default()).is_ok());
    }

    #[test]
    fn provider_frameworks_grade_three_judgements_with_a_limited_overall() {
        for id in ["sccif-childrens-homes", "sccif-ifa"] {
            let f = get(id).unwrap();
            assert_eq!(f.family, "sccif");
            let ids: Vec<&str> = f.judgements.iter().map(|j| j.id.as_str()).collect();
            assert_eq!(
                ids,
                [
                    "overall_experiences_progress",
                    "help_and_protection",
                    "leaders_and_managers"
                ]
            );
            assert_eq!(f.overall_index(), Some(0));
            assert!(!f.judgements[0].derived && f.judgements[0].overall);
            assert!(f.indicators.is_empty(), "no national figures for providers are sourced");
            let o = f.compiled.overall.as_ref().unwrap();
            assert!(matches!(o.base, OverallBase::Own(_)));
            let caps: Vec<(&str, Grade)> = o
                .caps
                .iter()
                .map(|c| (f.overall_rules[c.rule].id.as_ref(), c.cap))
                .collect();
            assert_eq!(
                caps,
                [
                    ("sc_help_protection_inadequate", Grade::Inadequate),
                    ("sc_leaders_managers_inadequate", Grade::RequiresImprovement)
                ]
            );
        }
        // An own-statements base needs a judgement with statements; a weighted one a derived judgement.
        let sh = shared();
        let js = get("sccif-ifa").unwrap().judgements.clone();
        let own = sh
            .rules
            .overall_rule
            .iter()
            .find(|r| r.kind == RuleKind::OwnStatements)
            .unwrap()
            .clone();
        let weighted = sh
            .rules
            .overall_rule
            .iter()
            .find(|r| matches!(r.kind, RuleKind::WeightedBestFit { .. }))
            .unwrap()
            .clone();
        assert!(overall_params(&js, 0, std::slice::from_ref(&own)).is_ok());
        assert!(overall_params(&js, 0, &[own.clone(), own]).is_err());
        assert!(overall_params(&js, 0, &[weighted]).is_err());
    }

    #[test]
    fn the_required_indicators_exist_with_risk_factors() {
        let f = current();
        for id in [
            "sw_turnover",
            "agency_rate",
            "vacancy_rate",
            "average_caseload",
            "re_referrals",
            "assessments_45_days",
            "repeat_cp_plans",
            "placement_stability",
            "care_leavers_eet",
            "care_leavers_accommodation",
        ] {
            assert!(f.indicator(id).is_some(), "{id}");
        }
        let risk: Vec<&str> = f
            .indicators
            .iter()
            .filter(|i| i.risk_factor)
            .map(|i| i.id.as_ref())
            .collect();
        assert_eq!(risk, ["sw_turnover", "agency_rate", "average_caseload"]);
        // The corrected 2025 figures (reference §10).
        assert_eq!(f.indicator("care_leavers_eet").unwrap().national.value, 54.0);
        assert_eq!(f.indicator("care_leavers_accommodation").unwrap().national.value, 89.0);
        assert_eq!(f.indicator("repeat_cp_plans").unwrap().national.value, 24.5);
    }

    #[test]
    fn judgements_per_framework() {
        let ids = |id: &str| -> Vec<String> { get(id).unwrap().judgements.iter().map(|j| j.id.clone()).collect() };
        assert_eq!(
            ids("ilacs-2026-04"),
            [
                "impact_of_leaders",
                "help_and_protection",
                "children_in_care",
                "care_leavers"
            ]
        );
        assert_eq!(
            ids("ilacs-2023-01"),
            [
                "overall_effectiveness",
                "impact_of_leaders",
                "help_and_protection",
                "children_in_care",
                "care_leavers"
            ]
        );
        assert_eq!(
            ids("ilacs-2018-01"),
            [
                "overall_effectiveness",
                "impact_of_leaders",
                "help_and_protection",
                "children_in_care"
            ]
        );
        assert!(!get("ilacs-2026-04").unwrap().has_overall());
        assert!(get("ilacs-2018-01").unwrap().has_overall());
        let f18 = get("ilacs-2018-01").unwrap();
        assert_eq!(
            f18.areas.iter().find(|a| a.id == "care_leavers").unwrap().judgement,
            "children_in_care"
        );
        assert!(get("nope").is_none());
    }

    #[test]
    fn effective_dates_are_ordered_and_do_not_overlap() {
        // ILACS versions form one chain; each provider framework stands alone and is in force.
        for f in all().iter().filter(|f| f.family != "ilacs") {
            assert!(f.effective_to.is_none() && !f.current, "{}", f.id);
        }
        let fws: Vec<&Framework> = all().iter().filter(|f| f.family == "ilacs").collect();
        assert_eq!(fws.iter().filter(|f| f.current).count(), 1);
        // Newest first; a version announced before it is in force may come before the current one.
        let at = fws.iter().position(|f| f.current).unwrap();
        assert!(
            fws[at..].iter().skip(1).all(|f| f.effective_to.is_some()),
            "every version older than the current one has ended"
        );
        assert!(fws[0].effective_to.is_none(), "the newest has no end");
        let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        for w in fws.windows(2) {
            let (newer, older) = (&w[0], &w[1]);
            let older_to = date(older.effective_to.as_deref().expect("older versions end"));
            assert!(date(&older.effective_from) < older_to);
            assert_eq!(
                older_to.succ_opt().unwrap(),
                date(&newer.effective_from),
                "{} → {}",
                older.id,
                newer.id
            );
        }
    }

    #[test]
    fn grade_order_is_canonical() {
        assert_eq!(
            Grade::ALL.map(|g| g.id()),
            ["outstanding", "good", "requires_improvement", "inadequate"]
        );
        assert!(Grade::ALL.windows(2).all(|w| w[0] > w[1]));
    }

    #[test]
    fn the_page_view_has_every_part_with_camel_case_names() {
        let v = serde_json::to_value(get("ilacs-2023-01").unwrap().view()).unwrap();
        for k in [
            "id",
            "name",
            "effectiveFrom",
            "effectiveTo",
            "current",
            "judgements",
            "areas",
            "indicators",
            "rules",
            "evidenceSources",
            "levels",
        ] {
            assert!(v.get(k).is_some(), "{k}");
        }
        assert_eq!(v["effectiveTo"], "2026-03-31");
        assert_eq!(v["levels"][4]["id"], "not_known");
        assert_eq!(v["levels"][0]["label"], "Outstanding");
        assert_eq!(v["areas"][0]["statements"][0]["id"], "hp_front_door");
        assert_eq!(v["areas"][0]["statements"][0]["critical"], true);
        assert_eq!(v["indicators"][0]["riskFactor"], true);
        assert_eq!(v["indicators"][0]["national"]["tag"], "V");
        assert!(v["rules"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["id"] == "oe_leaders_inadequate" && r["strictCap"] == "inadequate"));
        assert_eq!(v["judgements"][0]["derived"], true);
        assert_eq!(v["judgements"][0]["overall"], true);
        assert_eq!(v["family"], "ilacs");
        assert_eq!(v["provider"], "Local authority children's services");
        // The current version has no end until a newer one is announced (build.rs ends it the day
        // before the newer one starts).
        let newer = all()
            .iter()
            .find(|f| f.family == "ilacs" && f.effective_from > current().effective_from);
        assert_eq!(
            serde_json::to_value(current().view()).unwrap()["effectiveTo"],
            newer.map_or(serde_json::Value::Null, |n| {
                let from = chrono::NaiveDate::parse_from_str(&n.effective_from, "%Y-%m-%d").unwrap();
                serde_json::json!(from.pred_opt().unwrap().to_string())
            })
        );
    }

    #[test]
    fn malformed_data_is_rejected_by_the_readers() {
        let ok = serde_json::json!({ "id": "x", "kind": "cap", "text": "t", "source": "https://a.b/c", "tag": "R", "cap": "good" });
        let rule = |v: &serde_json::Value| serde_json::from_value::<Rule>(v.clone());
        assert_eq!(
            rule(&ok).unwrap().kind,
            RuleKind::Cap {
                cap: Grade::Good,
                strict_cap: None,
                when_all: vec![].into(),
                when_any: vec![].into()
            }
        );
        let mut bad = ok.clone();
        bad["cap"] = "adequate".into();
        assert!(rule(&bad)
            .unwrap_err()
            .to_string()
            .contains("unknown variant `adequate`"));
        let mut no_id = ok.clone();
        no_id.as_object_mut().unwrap().remove("id");
        assert!(rule(&no_id).unwrap_err().to_string().contains("missing field `id`"));
        let sim = serde_json::json!({ "differ_max": 1, "differ_min": 1, "down_share_percent": 1, "not_known": [1, 2], "tag": "R", "source": "s" });
        assert!(serde_json::from_value::<SimulationModel>(sim).is_err());
    }

    #[test]
    fn a_bad_rule_set_is_rejected() {
        let base = get("ilacs-2023-01").unwrap().rules.clone();
        let mut rules = base.clone();
        assert!(params(&rules).is_ok());
        rules.push(rules[2].clone());
        assert!(params(&rules).unwrap_err().contains("two rules"));
        let mut nk = base.clone();
        nk[1].kind = RuleKind::NotKnownCountsAs { counts_as: Grade::Good };
        assert!(params(&nk).is_err());
        assert!(params(&base[..2]).is_err(), "best fit required");
        // The leaders' not-known limit needs the inadequate one, at or below it: otherwise raising a
        // safety-critical statement from inadequate to not known could lower the leaders.
        let is_inad = |r: &Rule| matches!(r.kind, RuleKind::LeadersCriticalInadequate { .. });
        let without: Vec<Rule> = base.iter().filter(|r| !is_inad(r)).cloned().collect();
        assert!(params(&without)
            .unwrap_err()
            .contains("needs a leaders_critical_inadequate rule"));
        let mut above = base.clone();
        let i = above.iter().position(is_inad).unwrap();
        above[i].kind = RuleKind::LeadersCriticalInadequate {
            cap: Grade::Good,
            inadequate_in: None,
            of: None,
        };
        assert!(params(&above).is_err());
        let mut below = base.clone();
        below[i].kind = RuleKind::LeadersCriticalInadequate {
            cap: Grade::Inadequate,
            inadequate_in: None,
            of: None,
        };
        assert!(params(&below).is_ok());
        // The record's lean below the cap: both counts or neither, a share no more than the whole.
        for (k, n, ok) in [
            (Some(24), Some(33), true),
            (Some(24), None, false),
            (None, Some(33), false),
            (Some(34), Some(33), false),
            (Some(0), Some(0), false),
        ] {
            let mut lean = base.clone();
            lean[i].kind = RuleKind::LeadersCriticalInadequate {
                cap: Grade::RequiresImprovement,
                inadequate_in: k,
                of: n,
            };
            assert_eq!(params(&lean).is_ok(), ok, "{k:?} of {n:?}");
        }
        let p = params(&base).unwrap();
        let lean = p.leaders_lean.expect("the ILACS rule carries the record's counts");
        assert_eq!((lean.inadequate_in, lean.of, lean.basis_points), (24, 33, 7272));
    }
}
