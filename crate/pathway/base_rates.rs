//! Base rates from real ILACS outcomes: how overall effectiveness moved from one full
//! inspection to the next, and how long authorities waited between them, by previous grade.
//!
//! The figures are derived from `ofsted_csc_ilacs_history_to_2025-03.csv` (one row per published
//! full inspection report, inspections ending before April 2025; Data to Insight's scrape of Ofsted
//! reports), from the pairs whose earlier inspection ended after the 2020–21 pause ([`PAUSE_END`]) and committed as `crate/data/base_rates.toml`, which a test regenerates from the CSV
//! and compares (it fails on any difference; set `STOCKTAKE_WRITE_BASE_RATES=1` to rewrite it).
//!
//! Method: keep rows whose overall grade is one of the four grades (sentinels such as
//! `data_unreadable` are dropped) and whose inspection started on or after 1 January 2018 (the
//! ILACS framework); sort each authority's (`urn`) inspections by start date and pair each with
//! the next. The interval is measured in months (days / 30.4375) from the last on-site day of
//! the earlier inspection to the first on-site day of the later one. Quartiles interpolate
//! linearly between order statistics.
//!
//! Pairs that span the 2020–21 pause are left out: their intervals (a median 49.5 months after
//! requires improvement) describe the pause, not today's cycle. The post-pause pairs are few and
//! right-censored (cycles still running in March 2025 are missing, so these intervals read short);
//! `crate/data/pathway/assumptions.toml` explains the windows drawn from them.
use crate::model::grade::Grade;
use crate::pathway::shapes::Stored;
pub use crate::pathway::shapes::{IntervalSpread, Transition};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The attribution to show wherever figures derived from the inspection data are shown.
pub const ATTRIBUTION: &str = "Contains public sector information licensed under the Open Government Licence v3.0 \
(Ofsted inspection reports); compiled by Data to Insight (MIT)";

/// The last day of the 2020–21 pause in graded inspections: base-rate pairs start after it.
pub const PAUSE_END: &str = "2021-06-28";

/// First day of the ILACS framework: earlier rows are SIF-era inspections.
pub const ILACS_FROM: &str = "2018-01-01";

/// Transition counts and interval spreads, with their provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct BaseRates {
    /// The file the figures were derived from.
    pub source: String,
    /// The attribution text to show with the figures.
    pub attribution: String,
    /// Number of graded ILACS inspections used.
    pub inspections: u32,
    /// Number of consecutive pairs.
    pub pairs: u32,
    /// Earliest and latest start date among the inspections used, `YYYY-MM-DD`.
    pub first_start: String,
    /// Latest start date among the inspections used.
    pub last_start: String,
    /// Grade-to-grade counts (only pairs that happened), best grade first.
    pub transitions: Vec<Transition>,
    /// Interval spreads by previous grade, best grade first.
    pub intervals: Vec<IntervalSpread>,
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
        crate::model::date::months_between(self.previous.end, self.next.start)
    }
}

/// Splits CSV text into records of fields: commas separate fields, double quotes enclose fields
/// that contain commas, quotes or line breaks, and `""` inside quotes is one quote. A leading
/// UTF-8 byte-order mark is ignored, as are blank lines; `\r\n` and `\n` both end a record.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                if !(record.len() == 1 && record[0].is_empty()) {
                    records.push(std::mem::take(&mut record));
                }
                record.clear();
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

fn csv_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%d/%m/%Y").ok()
}

fn csv_grade(s: &str) -> Option<Grade> {
    Grade::from_id(&s.trim().to_lowercase().replace(' ', "_"))
}

/// The graded ILACS inspections in the history CSV: rows with a real overall grade, readable
/// dates and a start on or after [`ILACS_FROM`]. Columns are found by header name.
pub fn graded_inspections(csv_text: &str) -> Vec<GradedInspection> {
    let records = parse_csv(csv_text);
    let Some((header, rows)) = records.split_first() else {
        return Vec::new();
    };
    let col = |name: &str| header.iter().position(|h| h.trim() == name);
    let cic = col("in_care_grade");
    let (Some(urn), Some(kind), Some(start), Some(end), Some(overall)) = (
        col("urn"),
        col("inspection_framework"),
        col("inspection_start_date"),
        col("inspection_end_date"),
        col("overall_effectiveness_grade"),
    ) else {
        return Vec::new();
    };
    let from = crate::pathway::calendar::parse_date(ILACS_FROM).expect("constant date");
    rows.iter()
        .filter_map(|r| {
            let get = |i: usize| r.get(i).map(String::as_str).unwrap_or("");
            let start = csv_date(get(start))?;
            Some(GradedInspection {
                urn: get(urn).trim().to_string(),
                kind: get(kind).trim().to_string(),
                start,
                end: csv_date(get(end))?,
                overall: csv_grade(get(overall))?,
                children_in_care: cic.and_then(|i| csv_grade(get(i))),
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

fn quantile(sorted: &[f64], p: f64) -> f64 {
    let pos = p * (sorted.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo as f64)
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The pairs whose earlier inspection ended after the 2020–21 pause ([`PAUSE_END`]).
pub fn post_pause_pairs(inspections: &[GradedInspection]) -> Vec<InspectionPair> {
    let end = crate::pathway::calendar::parse_date(PAUSE_END).expect("constant date");
    pairs(inspections)
        .into_iter()
        .filter(|p| p.previous.end > end)
        .collect()
}

/// Derives the base rates from the history CSV text (post-pause pairs).
pub fn compute(csv_text: &str, source: &str) -> BaseRates {
    let inspections = graded_inspections(csv_text);
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
    BaseRates {
        source: source.to_string(),
        attribution: ATTRIBUTION.to_string(),
        inspections: inspections.len() as u32,
        pairs: pairs.len() as u32,
        first_start: starts.clone().min().map(crate::model::date::format).unwrap_or_default(),
        last_start: starts.max().map(crate::model::date::format).unwrap_or_default(),
        transitions,
        intervals,
    }
}

/// Writes base rates as the TOML committed in `crate/data/base_rates.toml`.
pub fn to_toml(b: &BaseRates) -> String {
    let q = |s: &str| serde_json::to_string(s).expect("string");
    let mut out = String::from(
        "# GENERATED from the Ofsted ILACS history CSV by `cargo test base_rates` (see crate/base_rates.rs).\n\
         # Do not edit by hand: set STOCKTAKE_WRITE_BASE_RATES=1 and run the test to regenerate.\n\n",
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

/// The committed base rates (`crate/data/base_rates.toml`).
pub fn base_rates() -> &'static BaseRates {
    static RATES: OnceLock<BaseRates> = OnceLock::new();
    RATES.get_or_init(|| {
        let s: Stored = baked!("base_rates");
        BaseRates {
            source: s.source.to_string(),
            attribution: s.attribution.to_string(),
            inspections: s.inspections,
            pairs: s.pairs,
            first_start: s.first_start.to_string(),
            last_start: s.last_start.to_string(),
            transitions: s.transitions.to_vec(),
            intervals: s.intervals.to_vec(),
        }
    })
}

/// The relative path of the CSV from the crate root, as recorded in the generated file.
pub const CSV_PATH: &str = "../shared/data/ofsted-ilacs/ofsted_csc_ilacs_history_to_2025-03.csv";

/// The file name recorded as the base rates' source.
pub const CSV_NAME: &str = "ofsted_csc_ilacs_history_to_2025-03.csv";

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn csv_parser_handles_quotes_commas_and_line_breaks() {
        let text = "\u{feff}a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\n2,\"line\nbreak\",\n";
        assert_eq!(
            parse_csv(text),
            vec![
                vec!["a", "b", "c"],
                vec!["1", "x, y", "say \"hi\""],
                vec!["2", "line\nbreak", ""],
            ]
        );
        assert_eq!(parse_csv("x,y"), vec![vec!["x", "y"]]);
    }

    #[test]
    fn rows_with_sentinels_or_before_ilacs_are_dropped() {
        let csv = "urn,inspection_framework,inspection_start_date,inspection_end_date,overall_effectiveness_grade\n\
                   1,standard,01/02/2022,09/02/2022,requires improvement\n\
                   1,short,03/03/2025,07/03/2025,good\n\
                   1,standard,01/03/2017,09/03/2017,good\n\
                   2,standard,01/02/2019,09/02/2019,data_unreadable\n\
                   2,standard,,,inadequate\n";
        let g = graded_inspections(csv);
        assert_eq!(g.len(), 2);
        let p = pairs(&g);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].previous.overall, Grade::RequiresImprovement);
        assert_eq!(p[0].next.overall, Grade::Good);
        let b = compute(csv, "test");
        assert_eq!(
            b.transitions,
            vec![Transition {
                from: Grade::RequiresImprovement,
                to: Grade::Good,
                count: 1
            }]
        );
        assert_eq!(b.intervals[0].n, 1);
        assert_eq!(b.intervals[0].median, b.intervals[0].max);
    }

    #[test]
    fn committed_base_rates_match_the_csv() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(CSV_PATH);
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!(
                "SKIPPED: {} is absent, so crate/data/base_rates.toml was not regenerated",
                path.display()
            );
            return;
        };
        let generated = to_toml(&compute(&text, CSV_NAME));
        let committed_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("crate/data/base_rates.toml");
        if std::env::var("STOCKTAKE_WRITE_BASE_RATES").is_ok() {
            std::fs::write(&committed_path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&committed_path).unwrap_or_default();
        assert!(
            committed == generated,
            "crate/data/base_rates.toml differs from the CSV; rerun with STOCKTAKE_WRITE_BASE_RATES=1"
        );
        // The embedded copy is the committed file.
        assert_eq!(base_rates(), &compute(&text, CSV_NAME));
    }

    #[test]
    fn embedded_base_rates_are_consistent() {
        let b = base_rates();
        let total: u32 = b.transitions.iter().map(|t| t.count).sum();
        assert_eq!(total, b.pairs);
        assert_eq!(b.intervals.iter().map(|i| i.n).sum::<u32>(), b.pairs);
        for i in b.intervals.iter() {
            assert!(i.min <= i.q1 && i.q1 <= i.median && i.median <= i.q3 && i.q3 <= i.max);
        }
        assert_eq!(b.attribution, ATTRIBUTION);
    }
}
