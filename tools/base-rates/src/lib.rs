//! Base rates from real ILACS outcomes: how overall effectiveness moved from one full
//! inspection to the next, and how long authorities waited between them, by previous grade.
//!
//! The figures are derived from [`CSV`] (one row per published full inspection report,
//! inspections ending before April 2025; Data to Insight's scrape of Ofsted reports), from the
//! pairs whose earlier inspection ended after the 2020–21 pause ([`PAUSE_END`]), and committed as
//! [`OUTPUT`], which build.rs bakes into the core. `cargo run -p stocktake-base-rates` rewrites
//! it; the test `tests/base_rates.rs` fails if the committed file and the CSV disagree.
//!
//! Method: keep rows whose overall grade is one of the four grades (sentinels such as
//! `data_unreadable` are dropped) and whose inspection started on or after 1 January 2018 (the
//! ILACS framework, [`ILACS_FROM`]); sort each authority's (`urn`) inspections by start date and
//! pair each with the next. The interval is measured in months (days / 30.4375) from the last
//! on-site day of the earlier inspection to the first on-site day of the later one. Quartiles
//! interpolate linearly between order statistics.
//!
//! Pairs that span the 2020–21 pause are left out: their intervals (a median 49.5 months after
//! requires improvement) describe the pause, not today's cycle. The post-pause pairs are few and
//! right-censored (cycles still running in March 2025 are missing, so these intervals read short);
//! `crate/data/pathway/assumptions.toml` explains the windows drawn from them.
//!
//! The CSV is read with the `csv` crate ([`rows`]); the calibration tests read it through here too.
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;
use stocktake::model::grade::Grade;
pub use stocktake::pathway::base_rates::{BaseRates, IntervalSpread, Transition, ATTRIBUTION, ILACS_FROM, PAUSE_END};

/// The history CSV the base rates are derived from, relative to the repository root.
pub const CSV: &str = "data/ofsted-ilacs/ofsted_csc_ilacs_history_to_2025-03.csv";

/// The file name recorded as the base rates' source.
pub const CSV_NAME: &str = "ofsted_csc_ilacs_history_to_2025-03.csv";

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

/// Consecutive pairs of graded inspections per authority, in authority then date order.
pub fn pairs(inspections: &[GradedInspection]) -> Vec<InspectionPair> {
    let mut by_urn: BTreeMap<&str, Vec<&GradedInspection>> = BTreeMap::new();
    for i in inspections {
        by_urn.entry(i.urn.as_str()).or_default().push(i);
    }
    let mut out = Vec::new();
    for list in by_urn.values_mut() {
        list.sort_by_key(|i| i.start);
        for w in list.windows(2) {
            out.push(InspectionPair {
                previous: w[0].clone(),
                next: w[1].clone(),
            });
        }
    }
    out
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

/// Derives the base rates from the rows (post-pause pairs); `source` names the file.
pub fn compute(rows: &[Row], source: &str) -> BaseRates {
    let inspections = graded_inspections(rows);
    let pairs = post_pause_pairs(&inspections);
    let mut transitions = Vec::new();
    let mut intervals = Vec::new();
    for from in Grade::ALL {
        for to in Grade::ALL {
            let count = pairs
                .iter()
                .filter(|p| p.previous.overall == from && p.next.overall == to)
                .count() as u32;
            if count > 0 {
                transitions.push(Transition { from, to, count });
            }
        }
        let mut months: Vec<f64> = pairs
            .iter()
            .filter(|p| p.previous.overall == from)
            .map(InspectionPair::months)
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
    let starts = pairs.iter().flat_map(|p| [p.previous.start, p.next.start]);
    let format = stocktake::model::date::format;
    BaseRates {
        source: source.to_string(),
        attribution: ATTRIBUTION.to_string(),
        inspections: inspections.len() as u32,
        pairs: pairs.len() as u32,
        first_start: starts.clone().min().map(format).unwrap_or_default(),
        last_start: starts.max().map(format).unwrap_or_default(),
        transitions,
        intervals,
    }
}

/// Writes base rates as the TOML committed in [`OUTPUT`].
pub fn to_toml(b: &BaseRates) -> String {
    let q = |s: &str| serde_json::to_string(s).expect("string");
    let mut out = String::from(
        "# GENERATED from the Ofsted ILACS history CSV by tools/base-rates. Do not edit by hand:\n\
         # regenerate with `cargo run -p stocktake-base-rates` (tests/base_rates.rs checks it).\n\n",
    );
    out += &format!("source = {}\nattribution = {}\n", q(&b.source), q(&b.attribution));
    out += &format!("inspections = {}\npairs = {}\n", b.inspections, b.pairs);
    out += &format!(
        "first_start = {}\nlast_start = {}\n",
        q(&b.first_start),
        q(&b.last_start)
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
    out
}

/// Reads [`CSV`] from the repository and returns the TOML it derives.
pub fn generate() -> Result<String, String> {
    let path = repo_root().join(CSV);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let rows = rows(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(to_toml(&compute(&rows, CSV_NAME)))
}
