//! Working days in England and Wales: weekdays that are not bank holidays.
//!
//! Bank holidays are computed **by rule** from `crate/data/calendar/bank-holidays.toml`, a
//! versioned table with a source and tag for each rule and each one-off change:
//!
//! - New Year's Day, 1 January (royal proclamation since 1974) \[V\];
//! - Good Friday and Easter Monday, two days before and one day after Easter Sunday, from the
//!   Gregorian computus (Good Friday is a common-law holiday \[S\]; Easter Monday is in the Banking
//!   and Financial Dealings Act 1971, Schedule 1 \[V\]);
//! - the early May bank holiday, the first Monday in May (proclamation since 1978) \[V\];
//! - the spring bank holiday, the last Monday in May, and the summer bank holiday, the last
//!   Monday in August (1971 Act, Schedule 1) \[V\];
//! - Christmas Day and Boxing Day \[V\].
//!
//! **Substitutes** \[V\] (<https://www.gov.uk/bank-holidays>): New Year's Day, Christmas Day and
//! Boxing Day falling on a Saturday or Sunday are taken on the next weekday that is not already a
//! holiday, in date order: Christmas on a Saturday gives Monday 27 and Tuesday 28 December;
//! Christmas on a Sunday gives Boxing Day on Monday 26 and Christmas on Tuesday 27.
//!
//! **One-off changes** are data: 2011 royal wedding (Fri 29 April) \[R\]; 2012 spring holiday moved
//! to Mon 4 June plus Tue 5 June \[R\]; 2020 early May moved to Fri 8 May \[V\]; 2022 spring moved to
//! Thu 2 June plus Fri 3 June and Mon 19 September \[V\]; 2023 Mon 8 May \[V\].
//!
//! Only the years in the table's coverage (2010–2035) are answered; any other date is an error,
//! not a guess, because a future proclamation may add a day.
//!
//! ```
//! use stocktake::pathway::calendar::{add_working_days, bank_holidays, working_days_between};
//! let d = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
//! assert_eq!(bank_holidays(2026).unwrap()[7], d("2026-12-28"));
//! // Thursday 2 April 2026, then Good Friday and Easter Monday are skipped.
//! assert_eq!(add_working_days(d("2026-04-02"), 1).unwrap(), d("2026-04-07"));
//! assert_eq!(working_days_between(d("2026-04-02"), d("2026-04-07")).unwrap(), 1);
//! ```
#[cfg(test)]
use crate::model::date::{add_months, months_between};
pub use crate::pathway::shapes::{ChangeKind, HolidayChange, HolidayKind, HolidayRule, HolidayTable};
use chrono::{Datelike, Days, NaiveDate, Weekday};

use std::fmt;
use std::sync::OnceLock;

/// Why a calendar question could not be answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// The text is not a real `YYYY-MM-DD` date.
    InvalidDate(String),
    /// The date (or the answer) falls in a year the bank-holiday table does not cover.
    OutOfCoverage {
        /// The year asked about.
        year: i32,
        /// First covered year.
        from: i32,
        /// Last covered year.
        to: i32,
    },
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarError::InvalidDate(s) => write!(f, "\"{s}\" is not a real date: use YYYY-MM-DD, like 2026-03-31"),
            CalendarError::OutOfCoverage { year, from, to } => write!(
                f,
                "bank holidays are known for {from} to {to} only, so working days in {year} cannot be counted"
            ),
        }
    }
}

impl std::error::Error for CalendarError {}

impl CalendarError {
    /// A stable code for a [`crate::support::problems::Problem`]: `invalid_date` or `out_of_coverage`.
    pub fn code(&self) -> crate::support::problems::Code {
        use crate::support::problems::Code;
        match self {
            CalendarError::InvalidDate(_) => Code::InvalidDate,
            CalendarError::OutOfCoverage { .. } => Code::OutOfCoverage,
        }
    }
}

/// Parses a date written `YYYY-MM-DD` ([`crate::model::date::parse`]), as a calendar error.
///
/// # Errors
/// [`CalendarError::InvalidDate`] when the text is not a real date in that shape.
pub fn parse_date(text: &str) -> Result<NaiveDate, CalendarError> {
    crate::model::date::parse(text).ok_or_else(|| CalendarError::InvalidDate(text.to_string()))
}

/// The embedded bank-holiday table.
pub fn table() -> &'static HolidayTable {
    static TABLE: OnceLock<HolidayTable> = OnceLock::new();
    TABLE.get_or_init(|| baked!("calendar/bank-holidays"))
}

/// Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32).expect("computus gives a real date")
}

fn is_weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

fn next_day(d: NaiveDate) -> NaiveDate {
    d.checked_add_days(Days::new(1)).expect("date in range")
}

fn prev_day(d: NaiveDate) -> NaiveDate {
    d.checked_sub_days(Days::new(1)).expect("date in range")
}

fn rule_date(rule: &HolidayRule, year: i32) -> NaiveDate {
    match rule.kind {
        HolidayKind::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day).expect("fixed holiday date"),
        HolidayKind::Easter { offset_days } => easter_sunday(year)
            .checked_add_signed(chrono::TimeDelta::days(offset_days))
            .expect("easter offset"),
        HolidayKind::NthWeekday { month, nth } => {
            NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, nth).expect("nth Monday exists")
        }
        HolidayKind::LastWeekday { month } => {
            let mut d = NaiveDate::from_ymd_opt(year + i32::from(month == 12), month % 12 + 1, 1).expect("month start");
            d = prev_day(d);
            while d.weekday() != Weekday::Mon {
                d = prev_day(d);
            }
            d
        }
    }
}

fn compute_year(t: &HolidayTable, year: i32) -> Vec<NaiveDate> {
    // Observed dates of rules that are not substituted, plus one-off moves and extras.
    // A plain list (a dozen dates a year), sorted at the end: cheaper in the wasm than a BTreeSet.
    let mut taken: Vec<NaiveDate> = Vec::new();
    let mut to_substitute: Vec<NaiveDate> = Vec::new();
    for rule in t.rule.iter() {
        let moved = t.change.iter().find(|c| {
            matches!(&c.kind, ChangeKind::Move { rule: r } if *r == rule.id)
                && crate::model::date::embedded(&c.date).year() == year
        });
        if let Some(c) = moved {
            taken.push(crate::model::date::embedded(&c.date));
            continue;
        }
        let d = rule_date(rule, year);
        if rule.substitute && is_weekend(d) {
            to_substitute.push(d);
        } else {
            taken.push(d);
        }
    }
    for c in t.change.iter().filter(|c| c.kind == ChangeKind::Extra) {
        let d = crate::model::date::embedded(&c.date);
        if d.year() == year {
            taken.push(d);
        }
    }
    to_substitute.sort();
    for d in to_substitute {
        let mut s = next_day(d);
        while is_weekend(s) || taken.contains(&s) {
            s = next_day(s);
        }
        taken.push(s);
    }
    taken.sort();
    taken.dedup();
    taken
}

/// The observed bank holidays of every covered year, first covered year first.
fn all_years() -> &'static [Vec<NaiveDate>] {
    static YEARS: OnceLock<Vec<Vec<NaiveDate>>> = OnceLock::new();
    YEARS.get_or_init(|| {
        let t = table();
        (t.coverage_from..=t.coverage_to).map(|y| compute_year(t, y)).collect()
    })
}

fn covered(year: i32) -> Result<&'static [NaiveDate], CalendarError> {
    let t = table();
    usize::try_from(year - t.coverage_from)
        .ok()
        .and_then(|i| all_years().get(i))
        .map(|v| v.as_slice())
        .ok_or(CalendarError::OutOfCoverage {
            year,
            from: t.coverage_from,
            to: t.coverage_to,
        })
}

/// The bank holidays of `year` in England and Wales, sorted, as observed (substitutes applied).
///
/// # Errors
/// [`CalendarError::OutOfCoverage`] for a year outside the table.
pub fn bank_holidays(year: i32) -> Result<Vec<NaiveDate>, CalendarError> {
    covered(year).map(<[NaiveDate]>::to_vec)
}

/// Whether `date` is a working day (a weekday that is not a bank holiday).
///
/// # Errors
/// [`CalendarError::OutOfCoverage`] for a date outside the table.
pub fn is_working_day(date: NaiveDate) -> Result<bool, CalendarError> {
    let hols = covered(date.year())?;
    Ok(!is_weekend(date) && hols.binary_search(&date).is_err())
}

/// The `n`-th working day after `date`. `n = 0` returns `date` itself, unchanged, even when it is
/// not a working day (no days are added). A negative `n` counts backwards: the `|n|`-th working
/// day before `date`.
///
/// # Errors
/// [`CalendarError::OutOfCoverage`] when `date` or any day counted falls outside the table.
pub fn add_working_days(date: NaiveDate, n: i64) -> Result<NaiveDate, CalendarError> {
    covered(date.year())?;
    let mut d = date;
    let mut left = n.unsigned_abs();
    while left > 0 {
        d = if n > 0 { next_day(d) } else { prev_day(d) };
        if is_working_day(d)? {
            left -= 1;
        }
    }
    Ok(d)
}

/// The number of working days after `a` up to and including `b`; negative when `b` is before `a`
/// (minus the number of working days after `b` up to and including `a`); 0 when they are equal.
/// So `working_days_between(a, add_working_days(a, n)) == n` for every `n ≥ 0`.
///
/// # Errors
/// [`CalendarError::OutOfCoverage`] when either date falls outside the table.
pub fn working_days_between(a: NaiveDate, b: NaiveDate) -> Result<i64, CalendarError> {
    covered(a.year())?;
    covered(b.year())?;
    let (lo, hi, sign) = if a <= b { (a, b, 1) } else { (b, a, -1) };
    let mut count = 0;
    let mut d = lo;
    while d < hi {
        d = next_day(d);
        if is_working_day(d)? {
            count += 1;
        }
    }
    Ok(sign * count)
}

/// The next Monday on or after `date`.
pub fn monday_on_or_after(date: NaiveDate) -> NaiveDate {
    let mut d = date;
    while d.weekday() != Weekday::Mon {
        d = next_day(d);
    }
    d
}

/// The first working day on or after `date` (itself when it is one). Outside the calendar's
/// coverage only weekends are skipped.
pub fn working_day_on_or_after(date: NaiveDate) -> NaiveDate {
    let mut d = date;
    while !is_working_day(d).unwrap_or(!is_weekend(d)) {
        d = next_day(d);
    }
    d
}

/// The last working day on or before `date` (itself when it is one).
pub fn working_day_on_or_before(date: NaiveDate) -> NaiveDate {
    let mut d = date;
    while !is_working_day(d).unwrap_or(!is_weekend(d)) {
        d = prev_day(d);
    }
    d
}

/// The first Monday on or after `date` that is a working day (an inspection's first on-site day:
/// after an Easter or bank-holiday Monday, the Monday after).
pub fn working_monday_on_or_after(date: NaiveDate) -> NaiveDate {
    let mut d = monday_on_or_after(date);
    while !is_working_day(d).unwrap_or(true) {
        d = monday_on_or_after(next_day(d));
    }
    d
}

/// The last Monday on or before `date` that is a working day.
pub fn working_monday_on_or_before(date: NaiveDate) -> NaiveDate {
    let mut d = date;
    while d.weekday() != Weekday::Mon || !is_working_day(d).unwrap_or(true) {
        d = prev_day(d);
    }
    d
}

/// Days from an inspection's first on-site day to its last at most (two weeks: Monday to the
/// second Friday), for inspection season.
pub const ON_SITE_SPAN_DAYS: i64 = 11;

/// A day of the year as (month, day).
type MonthDay = (u32, u32);

/// The closed periods of inspection season (`closed` rows of `crate/data/pathway/rules.toml`), as
/// (first, last) pairs, inclusive.
fn closed_periods() -> &'static [(MonthDay, MonthDay)] {
    static P: OnceLock<Vec<(MonthDay, MonthDay)>> = OnceLock::new();
    P.get_or_init(|| {
        let md = |s: &str| -> MonthDay {
            let (m, d) = s.split_once('-').expect("closed period as MM-DD");
            (m.parse().expect("month"), d.parse().expect("day"))
        };
        crate::pathway::rules::rules_data()
            .closed
            .iter()
            .map(|c| (md(&c.from), md(&c.to)))
            .collect()
    })
}

/// Whether `date` falls in a closed period of inspection season (no fieldwork).
pub fn out_of_season(date: NaiveDate) -> bool {
    let x = (date.month(), date.day());
    closed_periods().iter().any(|&(from, to)| {
        if from <= to {
            from <= x && x <= to
        } else {
            x >= from || x <= to
        }
    })
}

/// Whether an inspection starting on `start` has all its on-site days (up to two weeks) in season.
pub fn in_season_start(start: NaiveDate) -> bool {
    (0..=ON_SITE_SPAN_DAYS).all(|k| !out_of_season(start + chrono::TimeDelta::days(k)))
}

/// The first working Monday on or after `date` whose on-site weeks miss every closed period.
pub fn season_monday_on_or_after(date: NaiveDate) -> NaiveDate {
    let mut d = working_monday_on_or_after(date);
    while !in_season_start(d) {
        d = working_monday_on_or_after(next_day(d));
    }
    d
}

/// The last working Monday on or before `date` whose on-site weeks miss every closed period.
pub fn season_monday_on_or_before(date: NaiveDate) -> NaiveDate {
    let mut d = working_monday_on_or_before(date);
    while !in_season_start(d) {
        d = working_monday_on_or_before(prev_day(d));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    fn year_list(year: i32) -> Vec<String> {
        bank_holidays(year)
            .unwrap()
            .into_iter()
            .map(crate::model::date::format)
            .collect()
    }

    /// Published lists (gov.uk/bank-holidays and the fact sheet §8), written out in full.
    #[test]
    fn bank_holidays_2018_to_2030_match_the_published_lists() {
        let expected: [(i32, [&str; 8], &[&str]); 13] = [
            (
                2018,
                ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
                &[],
            ),
            (
                2019,
                ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
                &[],
            ),
            (
                2020,
                ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
                &[],
            ),
            (
                2021,
                ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
                &[],
            ),
            (
                2022,
                ["01-03", "04-15", "04-18", "05-02", "06-02", "08-29", "12-26", "12-27"],
                &["06-03", "09-19"],
            ),
            (
                2023,
                ["01-02", "04-07", "04-10", "05-01", "05-29", "08-28", "12-25", "12-26"],
                &["05-08"],
            ),
            (
                2024,
                ["01-01", "03-29", "04-01", "05-06", "05-27", "08-26", "12-25", "12-26"],
                &[],
            ),
            (
                2025,
                ["01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"],
                &[],
            ),
            (
                2026,
                ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
                &[],
            ),
            (
                2027,
                ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
                &[],
            ),
            (
                2028,
                ["01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
                &[],
            ),
            (
                2029,
                ["01-01", "03-30", "04-02", "05-07", "05-28", "08-27", "12-25", "12-26"],
                &[],
            ),
            (
                2030,
                ["01-01", "04-19", "04-22", "05-06", "05-27", "08-26", "12-25", "12-26"],
                &[],
            ),
        ];
        for (year, usual, extra) in expected {
            let mut want: Vec<String> = usual
                .iter()
                .chain(extra.iter())
                .map(|md| format!("{year}-{md}"))
                .collect();
            want.sort();
            assert_eq!(year_list(year), want, "bank holidays in {year}");
        }
    }

    #[test]
    fn older_one_offs_and_substitutes() {
        assert!(year_list(2011).contains(&"2011-04-29".to_string()));
        let y2012 = year_list(2012);
        assert!(y2012.contains(&"2012-06-04".to_string()) && y2012.contains(&"2012-06-05".to_string()));
        assert!(!y2012.contains(&"2012-05-28".to_string()), "2012 spring moved");
        // Christmas on a Sunday (2016, 2033): Boxing Monday 26 and Christmas Tuesday 27.
        assert!(year_list(2016).ends_with(&["2016-12-26".into(), "2016-12-27".into()]));
        assert!(year_list(2033).ends_with(&["2033-12-26".into(), "2033-12-27".into()]));
        // New Year on a Sunday (2017): Monday 2 January.
        assert_eq!(year_list(2017)[0], "2017-01-02");
        for y in 2010..=2035 {
            assert!(year_list(y).len() >= 8, "{y} has at least 8 bank holidays");
        }
    }

    #[test]
    fn the_table_is_well_formed() {
        let t = table();
        assert!(t.coverage_from <= 2018 && t.coverage_to >= 2030);
        for r in t.rule.iter() {
            assert!(r.source.starts_with("http"), "{}", r.id);
        }
        for c in t.change.iter() {
            assert!(c.source.starts_with("http"), "{}", c.id);
            let d = crate::model::date::embedded(&c.date);
            assert!((t.coverage_from..=t.coverage_to).contains(&d.year()), "{}", c.id);
            assert!(!is_weekend(d), "{} falls on a weekend", c.id);
            if let ChangeKind::Move { rule } = &c.kind {
                assert!(t.rule.iter().any(|r| r.id == *rule), "{} moves an unknown rule", c.id);
            }
            assert!(bank_holidays(d.year()).unwrap().contains(&d), "{} is observed", c.id);
        }
    }

    #[test]
    fn easter_computus_known_dates() {
        assert_eq!(easter_sunday(2024), d("2024-03-31"));
        assert_eq!(easter_sunday(2025), d("2025-04-20"));
        assert_eq!(easter_sunday(2038), d("2038-04-25"));
        assert_eq!(easter_sunday(2008), d("2008-03-23"));
    }

    #[test]
    fn out_of_coverage_is_an_error_not_a_guess() {
        assert_eq!(
            bank_holidays(2036),
            Err(CalendarError::OutOfCoverage {
                year: 2036,
                from: 2010,
                to: 2035
            })
        );
        assert!(add_working_days(d("2009-12-31"), 1).is_err());
        assert!(
            add_working_days(d("2035-12-28"), 10).is_err(),
            "the answer would be in 2036"
        );
        assert!(working_days_between(d("2026-01-01"), d("2040-01-01")).is_err());
        assert_eq!(
            parse_date("2026-02-30"),
            Err(CalendarError::InvalidDate("2026-02-30".into()))
        );
        assert!(parse_date("26-02-01").is_err() && parse_date("2026-2-1").is_err());
        assert_eq!(
            CalendarError::OutOfCoverage {
                year: 2036,
                from: 2010,
                to: 2035
            }
            .to_string(),
            "bank holidays are known for 2010 to 2035 only, so working days in 2036 cannot be counted"
        );
    }

    #[test]
    fn working_day_sums_across_easter_and_christmas() {
        // Easter 2026: Thu 2 Apr; Good Friday 3 Apr and Easter Monday 6 Apr skipped.
        assert_eq!(add_working_days(d("2026-04-02"), 1).unwrap(), d("2026-04-07"));
        assert_eq!(add_working_days(d("2026-04-02"), 5).unwrap(), d("2026-04-13"));
        assert_eq!(working_days_between(d("2026-03-31"), d("2026-04-10")).unwrap(), 6);
        // Christmas 2026: Thu 24 Dec; Fri 25 and Mon 28 (Boxing substitute) skipped; Fri 1 Jan too.
        assert_eq!(add_working_days(d("2026-12-24"), 1).unwrap(), d("2026-12-29"));
        assert_eq!(add_working_days(d("2026-12-24"), 3).unwrap(), d("2026-12-31"));
        assert_eq!(add_working_days(d("2026-12-24"), 4).unwrap(), d("2027-01-04"));
        // Christmas 2027: Fri 24 Dec; Mon 27 and Tue 28 substitutes skipped.
        assert_eq!(add_working_days(d("2027-12-24"), 1).unwrap(), d("2027-12-29"));
        // 70 working days from publication on 9 May 2023 (Stockton) → 16 August 2023 (criteria §7).
        assert_eq!(add_working_days(d("2023-05-09"), 70).unwrap(), d("2023-08-16"));
        // Backwards and zero.
        assert_eq!(add_working_days(d("2026-04-07"), -1).unwrap(), d("2026-04-02"));
        assert_eq!(add_working_days(d("2026-04-04"), 0).unwrap(), d("2026-04-04"));
        assert_eq!(working_days_between(d("2026-04-13"), d("2026-04-02")).unwrap(), -5);
        assert_eq!(working_days_between(d("2026-04-13"), d("2026-04-13")).unwrap(), 0);
        // A whole year: 2026 has 261 weekdays, 8 of them bank holidays.
        assert_eq!(working_days_between(d("2025-12-31"), d("2026-12-31")).unwrap(), 253);
    }

    #[test]
    fn month_arithmetic_clamps() {
        assert_eq!(add_months(d("2024-01-31"), 1), d("2024-02-29"));
        assert_eq!(add_months(d("2024-03-15"), 36), d("2027-03-15"));
        assert_eq!(add_months(d("2024-03-15"), -3), d("2023-12-15"));
        assert_eq!(monday_on_or_after(d("2026-11-22")), d("2026-11-23"));
        assert!((months_between(d("2024-01-01"), d("2025-01-01")) - 12.0).abs() < 0.05);
    }

    /// Property tests (native only: proptest does not build for wasm32).
    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        fn any_date() -> impl Strategy<Value = NaiveDate> {
            (0i64..(365 * 22)).prop_map(|k| d("2012-01-01") + chrono::TimeDelta::days(k))
        }

        proptest! {
            #[test]
            fn added_working_days_land_on_working_days(a in any_date(), n in 1i64..400) {
                let r = add_working_days(a, n).unwrap();
                prop_assert!(is_working_day(r).unwrap());
                prop_assert!(r > a);
                let back = add_working_days(a, -n).unwrap();
                prop_assert!(is_working_day(back).unwrap());
                prop_assert!(back < a);
            }

            #[test]
            fn between_inverts_add(a in any_date(), n in 0i64..400) {
                let r = add_working_days(a, n).unwrap();
                prop_assert_eq!(working_days_between(a, r).unwrap(), n);
                prop_assert_eq!(working_days_between(r, a).unwrap(), -n);
            }
        }
    }
}
