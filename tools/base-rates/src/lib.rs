//! Base rates from real ILACS outcomes: how overall effectiveness moved from one full
//! inspection to the next, and how long authorities waited between them, by previous grade.
//!
//! The figures are derived from [`CSV`] (one row per published full inspection report, the
//! record to July 2026 that the page ships; Data to Insight's scrape of Ofsted reports) with
//! [`CORRECTIONS`] applied as the page applies them, from the pairs whose earlier inspection ended
//! after the 2020–21 pause ([`PAUSE_END`]), and committed as [`OUTPUT`], which build.rs bakes into
//! the core. `cargo run -p stocktake-base-rates` rewrites it; the test `tests/base_rates.rs` fails
//! if the committed file and the CSV disagree.
//!
//! Method: apply the corrections (the row is found by `urn` and `inspection_link`; the value
//! replaces the cell, and an empty value, tagged U, leaves it empty). Keep rows whose overall grade
//! is one of the four grades or the April 2026 framework's marker [`NO_OVERALL_GRADE`] (other
//! sentinels such as `data_unreadable` are dropped), with readable dates, started on or after 1
//! January 2018 (the ILACS framework, [`ILACS_FROM`]); sort each authority's (`urn`) inspections by
//! start date and pair each with the next. The interval is measured in months (days / 30.4375)
//! from the last on-site day of the earlier inspection to the first on-site day of the later one.
//! Quartiles interpolate linearly between order statistics.
//!
//! The April 2026 framework gives no overall effectiveness grade. A pair whose later inspection is
//! under it counts in the months between inspections but not in the transitions (there is no next
//! grade to count, and none is inferred from the other judgements); the generated file counts them
//! (`ungraded_next`). A pair whose earlier inspection has no overall grade has no "after" grade
//! and is left out, counted in a comment (none in the record to July 2026). Reports with a grade
//! but no dates, even after corrections, are counted (`undated`) and named in a comment.
//!
//! Pairs that span the 2020–21 pause are left out: their intervals (a median 49.5 months after
//! requires improvement) describe the pause, not today's cycle. The post-pause pairs are
//! right-censored (cycles still running when the record ends, `record_to`, are missing, so these
//! intervals read short); `crate/data/pathway/assumptions.toml` explains the windows drawn from
//! them.
//!
//! The CSV is read with the `csv` crate ([`rows`]); the calibration tests read it through here too.
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use stocktake::model::grade::Grade;
pub use stocktake::pathway::base_rates::{
    kind_pattern, BaseRates, IntervalSpread, NextKind, Transition, ATTRIBUTION, ILACS_FROM, PAUSE_END,
};

/// The history CSV the base rates are derived from, relative to the repository root: the record
/// the page ships (scripts/record-data.mjs `HISTORY_FILE`).
pub const CSV: &str = "data/ofsted-ilacs/ofsted_csc_ilacs_history_to_2026-07.csv";

/// The file name recorded as the base rates' source.
pub const CSV_NAME: &str = "ofsted_csc_ilacs_history_to_2026-07.csv";

/// The corrections the page applies to the history (`www/domain/record.mjs` `parseCorrections`).
pub const CORRECTIONS: &str = "data/ofsted-ilacs/corrections.csv";

/// The record's marker for an inspection under the April 2026 framework, which gives no overall
/// effectiveness grade.
pub const NO_OVERALL_GRADE: &str = "not_reported_post_reform";

/// The generated file, relative to the repository root.
pub const OUTPUT: &str = "crate/data/base_rates.toml";

/// The repository root (this crate lives in `tools/base-rates/`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// One row of the history CSV: the columns Stocktake reads, found by header name (others are
/// ignored). Grade columns may be absent (an empty string then).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Row {
    /// Ofsted's unique reference number for the authority.
    pub urn: String,
    /// The authority's name.
    #[serde(default)]
    pub local_authority: String,
    /// The report's address: with `urn`, what a correction names its row by.
    #[serde(default)]
    pub inspection_link: String,
    /// The day the report was published, `dd/mm/yy` (blank in older files).
    #[serde(default)]
    pub publication_date: String,
    /// `short`, `standard`, or blank for the older SIF framework.
    pub inspection_framework: String,
    /// First on-site day, `dd/mm/yyyy`.
    pub inspection_start_date: String,
    /// Last on-site day, `dd/mm/yyyy`.
    pub inspection_end_date: String,
    /// Overall effectiveness: a grade in words, or a sentinel such as `data_unreadable`.
    pub overall_effectiveness_grade: String,
    /// The impact of leaders.
    #[serde(default)]
    pub impact_of_leaders_grade: String,
    /// Help and protection.
    #[serde(default)]
    pub help_and_protection_grade: String,
    /// Children in care (children in care and care leavers before 2023).
    #[serde(default)]
    pub in_care_grade: String,
    /// Care leavers, or `inspection_pre_dates_judgement` before 2023.
    #[serde(default)]
    pub care_leavers_grade: String,
}

/// Reads the history CSV: a header row, then one row per report. Quoted fields may hold commas,
/// quotes and line breaks; a leading byte-order mark is ignored; fields are trimmed. A row that
/// cannot be read is an error, never skipped.
pub fn rows(csv_text: &str) -> Result<Vec<Row>, csv::Error> {
    csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(csv_text.as_bytes())
        .deserialize()
        .collect()
}

/// One row of `corrections.csv`: the cell `field` of the row (`urn`, `inspection_link`) is to be
/// `value`, with its tag (V, D, S, U, R), source and note.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Correction {
    /// The authority's URN.
    pub urn: String,
    /// The report's address.
    pub inspection_link: String,
    /// The column corrected.
    pub field: String,
    /// The value it takes; empty (tagged U) when the right value is not in our sources.
    #[serde(default)]
    pub value: String,
    /// How sure: V, D, S, U or R.
    #[serde(default)]
    pub tag: String,
    /// Where the value comes from.
    #[serde(default)]
    pub source: String,
    /// Why.
    #[serde(default)]
    pub note: String,
}

/// Reads `corrections.csv` (the same reader as [`rows`]).
pub fn corrections(csv_text: &str) -> Result<Vec<Correction>, csv::Error> {
    csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(csv_text.as_bytes())
        .deserialize()
        .collect()
}

/// Applies the corrections to the rows, as the page does: the row is the one whose `urn` (as a
/// number) and `inspection_link` match, and the value replaces the cell (an empty value empties
/// it). A correction that matches no row, or names a column Stocktake does not read, is an
/// error: it is stale or mistyped. Returns the number of cells corrected.
pub fn apply_corrections(rows: &mut [Row], corrections: &[Correction]) -> Result<usize, String> {
    let number = |u: &str| u.trim().parse::<u64>().ok();
    for c in corrections {
        let mut found = false;
        for r in rows.iter_mut().filter(|r| {
            number(&r.urn).is_some() && number(&r.urn) == number(&c.urn) && r.inspection_link == c.inspection_link
        }) {
            let cell = match c.field.as_str() {
                "inspection_framework" => &mut r.inspection_framework,
                "inspection_start_date" => &mut r.inspection_start_date,
                "inspection_end_date" => &mut r.inspection_end_date,
                "overall_effectiveness_grade" => &mut r.overall_effectiveness_grade,
                "impact_of_leaders_grade" => &mut r.impact_of_leaders_grade,
                "help_and_protection_grade" => &mut r.help_and_protection_grade,
                "in_care_grade" => &mut r.in_care_grade,
                "care_leavers_grade" => &mut r.care_leavers_grade,
                other => {
                    return Err(format!(
                        "a correction of {other} for {}: not a column Stocktake reads",
                        c.inspection_link
                    ))
                }
            };
            *cell = c.value.clone();
            found = true;
        }
        if !found {
            return Err(format!(
                "the correction of {} for {} (URN {}) matches no row",
                c.field, c.inspection_link, c.urn
            ));
        }
    }
    Ok(corrections.len())
}

/// A grade in the CSV's words (`requires improvement`), or `None` for a sentinel or blank.
pub fn grade(text: &str) -> Option<Grade> {
    Grade::from_id(&text.trim().to_lowercase().replace(' ', "_"))
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%d/%m/%Y").ok()
}

fn constant(text: &str) -> NaiveDate {
    stocktake::pathway::calendar::parse_date(text).expect("constant date")
}

/// One graded ILACS inspection read from the CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct GradedInspection {
    /// Ofsted's unique reference number for the authority.
    pub urn: String,
    /// `short`, `standard` or another value from the file.
    pub kind: String,
    /// First on-site day.
    pub start: NaiveDate,
    /// Last on-site day.
    pub end: NaiveDate,
    /// Overall effectiveness.
    pub overall: Grade,
    /// Children in care (children in care and care leavers before 2023), when readable.
    pub children_in_care: Option<Grade>,
}

/// One dated ILACS inspection read from the CSV: graded, or under the April 2026 framework (no
/// overall grade, [`NO_OVERALL_GRADE`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Inspection {
    /// Ofsted's unique reference number for the authority.
    pub urn: String,
    /// First on-site day.
    pub start: NaiveDate,
    /// Last on-site day.
    pub end: NaiveDate,
    /// Overall effectiveness; `None` under the April 2026 framework.
    pub overall: Option<Grade>,
    /// `short`, `standard` or another value from the file.
    pub kind: String,
    /// The other judgements' grades, by judgement id (`impact_of_leaders`, `help_and_protection`,
    /// `children_in_care`, `care_leavers`), where readable.
    pub grades: BTreeMap<String, Grade>,
}

impl Inspection {
    /// True when the inspection was a short one (the file's `inspection_framework` is `short`);
    /// otherwise standard.
    pub fn is_short(&self) -> bool {
        self.kind.trim().eq_ignore_ascii_case("short")
    }
}

/// The judgements other than overall effectiveness, by judgement id, from a row's grades.
pub fn judgement_grades(r: &Row) -> BTreeMap<String, Grade> {
    [
        ("impact_of_leaders", &r.impact_of_leaders_grade),
        ("help_and_protection", &r.help_and_protection_grade),
        ("children_in_care", &r.in_care_grade),
        ("care_leavers", &r.care_leavers_grade),
    ]
    .into_iter()
    .filter_map(|(id, g)| Some((id.to_string(), grade(g)?)))
    .collect()
}

/// Two consecutive graded inspections of one authority.
#[derive(Debug, Clone, PartialEq)]
pub struct InspectionPair {
    /// The earlier inspection.
    pub previous: GradedInspection,
    /// The next one.
    pub next: GradedInspection,
}

impl InspectionPair {
    /// Months from the last on-site day of the earlier inspection to the first of the next.
    pub fn months(&self) -> f64 {
        stocktake::model::date::months_between(self.previous.end, self.next.start)
    }
}

/// The graded ILACS inspections among the rows: a real overall grade, readable dates (the last
/// on-site day not before the first) and a start on or after [`ILACS_FROM`].
pub fn graded_inspections(rows: &[Row]) -> Vec<GradedInspection> {
    let from = constant(ILACS_FROM);
    rows.iter()
        .filter_map(|r| {
            Some(GradedInspection {
                urn: r.urn.clone(),
                kind: r.inspection_framework.clone(),
                start: date(&r.inspection_start_date)?,
                end: date(&r.inspection_end_date)?,
                overall: grade(&r.overall_effectiveness_grade)?,
                children_in_care: grade(&r.in_care_grade),
            })
            .filter(|i| i.start >= from && i.end >= i.start)
        })
        .collect()
}

/// The dated ILACS inspections among the rows: a real overall grade or [`NO_OVERALL_GRADE`],
/// readable dates (the last on-site day not before the first) and a start on or after
/// [`ILACS_FROM`]. What the base rates pair.
pub fn inspections(rows: &[Row]) -> Vec<Inspection> {
    let from = constant(ILACS_FROM);
    rows.iter()
        .filter_map(|r| {
            let overall = grade(&r.overall_effectiveness_grade);
            if overall.is_none() && r.overall_effectiveness_grade.trim() != NO_OVERALL_GRADE {
                return None;
            }
            Some(Inspection {
                urn: r.urn.clone(),
                start: date(&r.inspection_start_date)?,
                end: date(&r.inspection_end_date)?,
                overall,
                kind: r.inspection_framework.clone(),
                grades: judgement_grades(r),
            })
            .filter(|i| i.start >= from && i.end >= i.start)
        })
        .collect()
}

/// The rows with an overall grade or [`NO_OVERALL_GRADE`] whose dates cannot be read (blank, or
/// emptied by a correction tagged U): they cannot be placed in time, so no pair has them. Each as
/// "authority (URN), report published …: link".
pub fn undated(rows: &[Row]) -> Vec<String> {
    rows.iter()
        .filter(|r| {
            grade(&r.overall_effectiveness_grade).is_some() || r.overall_effectiveness_grade.trim() == NO_OVERALL_GRADE
        })
        .filter(|r| date(&r.inspection_start_date).is_none() || date(&r.inspection_end_date).is_none())
        .map(|r| {
            format!(
                "{} (URN {}), report published {}: {}",
                r.local_authority, r.urn, r.publication_date, r.inspection_link
            )
        })
        .collect()
}

/// Consecutive items per authority, in authority then start order.
fn consecutive<T: Clone>(items: &[T], urn: impl Fn(&T) -> &str, start: impl Fn(&T) -> NaiveDate) -> Vec<(T, T)> {
    let mut by_urn: BTreeMap<&str, Vec<&T>> = BTreeMap::new();
    for i in items {
        by_urn.entry(urn(i)).or_default().push(i);
    }
    let mut out = Vec::new();
    for list in by_urn.values_mut() {
        list.sort_by_key(|i| start(i));
        for w in list.windows(2) {
            out.push((w[0].clone(), w[1].clone()));
        }
    }
    out
}

/// Consecutive pairs of graded inspections per authority, in authority then date order.
pub fn pairs(inspections: &[GradedInspection]) -> Vec<InspectionPair> {
    consecutive(inspections, |i| i.urn.as_str(), |i| i.start)
        .into_iter()
        .map(|(previous, next)| InspectionPair { previous, next })
        .collect()
}

/// The pairs whose earlier inspection ended after the 2020–21 pause ([`PAUSE_END`]).
pub fn post_pause_pairs(inspections: &[GradedInspection]) -> Vec<InspectionPair> {
    let end = constant(PAUSE_END);
    pairs(inspections)
        .into_iter()
        .filter(|p| p.previous.end > end)
        .collect()
}

fn quantile(sorted: &[f64], p: f64) -> f64 {
    let pos = p * (sorted.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The post-pause pairs of [`inspections`] (earlier inspection ended after [`PAUSE_END`]), with
/// the earlier inspection's grade (`None`: under the April 2026 framework).
pub fn base_rate_pairs(inspections: &[Inspection]) -> Vec<(Inspection, Inspection)> {
    let end = constant(PAUSE_END);
    consecutive(inspections, |i| i.urn.as_str(), |i| i.start)
        .into_iter()
        .filter(|(p, _)| p.end > end)
        .collect()
}

/// Post-pause pairs whose earlier inspection has no overall grade (April 2026 framework): there
/// is no "after" grade to file them under, so they are left out of the base rates.
pub fn ungraded_previous(rows: &[Row]) -> usize {
    base_rate_pairs(&inspections(rows))
        .iter()
        .filter(|(p, _)| p.overall.is_none())
        .count()
}

/// Derives the base rates from the rows (post-pause pairs; apply the corrections first);
/// `source` names the file.
pub fn compute(rows: &[Row], source: &str) -> BaseRates {
    let inspections = inspections(rows);
    // Pairs whose earlier inspection has no overall grade have no row to go in (see
    // [`ungraded_previous`]); the rest keep the earlier grade.
    let pairs: Vec<(Grade, Inspection, Inspection)> = base_rate_pairs(&inspections)
        .into_iter()
        .filter_map(|(p, n)| Some((p.overall?, p, n)))
        .collect();
    let months = |p: &Inspection, n: &Inspection| stocktake::model::date::months_between(p.end, n.start);
    let mut transitions = Vec::new();
    let mut intervals = Vec::new();
    for from in Grade::ALL {
        for to in Grade::ALL {
            let count = pairs
                .iter()
                .filter(|(g, _, n)| *g == from && n.overall == Some(to))
                .count() as u32;
            if count > 0 {
                transitions.push(Transition { from, to, count });
            }
        }
        let mut months: Vec<f64> = pairs
            .iter()
            .filter(|(g, _, _)| *g == from)
            .map(|(_, p, n)| months(p, n))
            .collect();
        months.sort_by(f64::total_cmp);
        if !months.is_empty() {
            intervals.push(IntervalSpread {
                from,
                n: months.len() as u32,
                min: round1(months[0]),
                q1: round1(quantile(&months, 0.25)),
                median: round1(quantile(&months, 0.5)),
                q3: round1(quantile(&months, 0.75)),
                max: round1(months[months.len() - 1]),
            });
        }
    }
    let starts = pairs.iter().flat_map(|(_, p, n)| [p.start, n.start]);
    let next_kind = next_kinds(&pairs);
    let format = stocktake::model::date::format;
    BaseRates {
        source: source.to_string(),
        attribution: ATTRIBUTION.to_string(),
        inspections: inspections.len() as u32,
        pairs: pairs.len() as u32,
        ungraded_next: pairs.iter().filter(|(_, _, n)| n.overall.is_none()).count() as u32,
        undated: undated(rows).len() as u32,
        first_start: starts.clone().min().map(format).unwrap_or_default(),
        last_start: starts.max().map(format).unwrap_or_default(),
        record_to: inspections.iter().map(|i| i.end).max().map(format).unwrap_or_default(),
        transitions,
        intervals,
        next_kind,
    }
}

/// The next inspection's kind by the earlier inspection's grade pattern ([`kind_pattern`]): for
/// each pattern the pairs have, how many next inspections were short and how many standard (any
/// other kind in the file counts as standard). Best overall grade first, then by pattern id.
fn next_kinds(pairs: &[(Grade, Inspection, Inspection)]) -> Vec<NextKind> {
    let mut by: BTreeMap<(usize, String), NextKind> = BTreeMap::new();
    for (g, p, n) in pairs {
        let (pattern, label) = kind_pattern(*g, &p.grades);
        let rank = Grade::ALL.iter().position(|x| x == g).unwrap_or(0);
        let k = by.entry((rank, pattern.clone())).or_insert_with(|| NextKind {
            pattern: pattern.into(),
            label: label.into(),
            short: 0,
            standard: 0,
        });
        if n.is_short() {
            k.short += 1;
        } else {
            k.standard += 1;
        }
    }
    by.into_values().collect()
}

/// What the generated file says was corrected or left out, beside the figures.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LeftOut {
    /// Cells corrected from `corrections.csv`.
    pub corrections: usize,
    /// The reports with a grade but no dates ([`undated`]).
    pub undated: Vec<String>,
    /// Post-pause pairs whose earlier inspection has no overall grade ([`ungraded_previous`]).
    pub ungraded_previous: usize,
}

impl LeftOut {
    /// What the rows (corrected, with `corrections` cells) leave out.
    pub fn of(rows: &[Row], corrections: usize) -> Self {
        LeftOut {
            corrections,
            undated: undated(rows),
            ungraded_previous: ungraded_previous(rows),
        }
    }
}

/// Writes base rates as the TOML committed in [`OUTPUT`], with what was corrected and left out
/// as comments.
pub fn to_toml(b: &BaseRates, left: &LeftOut) -> String {
    let q = |s: &str| serde_json::to_string(s).expect("string");
    let mut out = String::from(
        "# GENERATED from the Ofsted ILACS history CSV by tools/base-rates. Do not edit by hand:\n\
         # regenerate with `cargo run -p stocktake-base-rates` (tests/base_rates.rs checks it).\n",
    );
    out += &format!(
        "#\n# {} cells of the CSV corrected from corrections.csv, as the page corrects them.\n\
         # pairs: consecutive inspections of an authority, the earlier ended after the 2020-21 pause\n\
         # and has an overall grade. ungraded_next: those whose later inspection is under the April\n\
         # 2026 framework (no overall effectiveness grade): counted in the intervals, left out of the\n\
         # transitions. Pairs whose earlier inspection has no overall grade, left out: {}.\n\
         # next_kind: the same pairs' next inspection, short or standard (any other kind counts as\n\
         # standard), by the earlier inspection's grades (overall, and which judgements were below good).\n\
         # undated: reports with a grade but no dates on site (corrections tag them U), left out:\n",
        left.corrections, left.ungraded_previous
    );
    for u in left.undated.iter() {
        out += &format!("#   {u}\n");
    }
    out += "\n";
    out += &format!("source = {}\nattribution = {}\n", q(&b.source), q(&b.attribution));
    out += &format!(
        "inspections = {}\npairs = {}\nungraded_next = {}\nundated = {}\n",
        b.inspections, b.pairs, b.ungraded_next, b.undated
    );
    out += &format!(
        "first_start = {}\nlast_start = {}\nrecord_to = {}\n",
        q(&b.first_start),
        q(&b.last_start),
        q(&b.record_to)
    );
    for t in b.transitions.iter() {
        out += &format!(
            "\n[[transitions]]\nfrom = {}\nto = {}\ncount = {}\n",
            q(t.from.id()),
            q(t.to.id()),
            t.count
        );
    }
    for i in b.intervals.iter() {
        out += &format!(
            "\n[[intervals]]\nfrom = {}\nn = {}\nmin = {:.1}\nq1 = {:.1}\nmedian = {:.1}\nq3 = {:.1}\nmax = {:.1}\n",
            q(i.from.id()),
            i.n,
            i.min,
            i.q1,
            i.median,
            i.q3,
            i.max
        );
    }
    for k in b.next_kind.iter() {
        out += &format!(
            "\n[[next_kind]]\npattern = {}\nlabel = {}\nshort = {}\nstandard = {}\n",
            q(&k.pattern),
            q(&k.label),
            k.short,
            k.standard
        );
    }
    out
}

/// Reads [`CSV`] and [`CORRECTIONS`] from the repository and returns the TOML they derive.
pub fn generate() -> Result<String, String> {
    let (rows, corrected) = corrected_rows()?;
    Ok(to_toml(&compute(&rows, CSV_NAME), &LeftOut::of(&rows, corrected)))
}

/// Reads [`CSV`] and applies [`CORRECTIONS`]: the rows and the number of cells corrected.
pub fn corrected_rows() -> Result<(Vec<Row>, usize), String> {
    let read = |name: &str| {
        let path = repo_root().join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let mut rows = rows(&read(CSV)?).map_err(|e| format!("{CSV}: {e}"))?;
    let fixes = corrections(&read(CORRECTIONS)?).map_err(|e| format!("{CORRECTIONS}: {e}"))?;
    let n = apply_corrections(&mut rows, &fixes).map_err(|e| format!("{CORRECTIONS}: {e}"))?;
    Ok((rows, n))
}
