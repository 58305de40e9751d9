//! Calendar dates, written `YYYY-MM-DD` everywhere: one type (chrono's [`NaiveDate`]), one
//! parser, one formatter, and month arithmetic.
use chrono::{Months, NaiveDate};

/// Reads a date written `YYYY-MM-DD`: four-digit year, two-digit month and day, nothing else.
///
/// chrono reads it; the shape is checked first because chrono's `%Y` also takes a sign, leading
/// spaces and other widths (`" 026-01-01"`, `"+2026-1-1"`), which are not dates a person types here.
///
/// ```
/// use stocktake::model::date::parse;
/// assert!(parse("2024-02-29").is_some());
/// assert!(parse("2023-02-29").is_none() && parse(" 026-01-01").is_none());
/// ```
pub fn parse(text: &str) -> Option<NaiveDate> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    // The digits are checked above, so each part reads; chrono says whether the day exists.
    // (Not `parse_from_str`: its format-string reader is ~7 KB of the wasm for one fixed shape.)
    let part = |r: std::ops::Range<usize>| text[r].parse::<u32>().ok();
    shaped
        .then(|| NaiveDate::from_ymd_opt(part(0..4)? as i32, part(5..7)?, part(8..10)?))
        .flatten()
}

/// A date in the embedded data (`YYYY-MM-DD`, checked by the data's invariant tests): a date that
/// does not read is a build defect, so this panics naming it.
pub fn embedded(text: &str) -> NaiveDate {
    parse(text).unwrap_or_else(|| panic!("embedded data has a bad date: {text:?}"))
}

/// Writes a date as `YYYY-MM-DD` (chrono's `Display` for a date, the same as `%Y-%m-%d` for years
/// 0–9999).
pub fn format(date: NaiveDate) -> String {
    date.to_string()
}

/// Writes a date as people read it in a sentence: "10 June 2025" (GOV.UK style: no leading zero,
/// the month in full). Texts the core writes use this; fields keep [`format`].
pub fn long(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    use chrono::Datelike;
    format!("{} {} {}", date.day(), MONTHS[date.month0() as usize], date.year())
}

/// Adds calendar months, clamping the day to the month's end (31 January + 1 month = 28 or 29
/// February), as chrono's `checked_add_months` does. Negative `months` go back.
pub fn add_months(date: NaiveDate, months: i32) -> NaiveDate {
    let n = Months::new(months.unsigned_abs());
    if months >= 0 {
        date.checked_add_months(n)
    } else {
        date.checked_sub_months(n)
    }
    .expect("date in range")
}

/// Adds a (possibly fractional) number of months: whole months by [`add_months`], the fraction as
/// days of an average month (30.4375 days).
pub fn add_months_f(date: NaiveDate, months: f64) -> NaiveDate {
    let whole = months.floor();
    let days = ((months - whole) * 30.4375).round() as i64;
    add_months(date, whole as i32)
        .checked_add_signed(chrono::TimeDelta::days(days))
        .expect("date in range")
}

/// Months between two dates as a decimal (days / 30.4375), negative when `b` is before `a`.
pub fn months_between(a: NaiveDate, b: NaiveDate) -> f64 {
    (b - a).num_days() as f64 / 30.4375
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_sentences_read_as_people_write_them() {
        let d = |s| parse(s).unwrap();
        assert_eq!(long(d("2025-06-10")), "10 June 2025");
        assert_eq!(long(d("2026-01-01")), "1 January 2026");
        assert_eq!(long(d("2024-12-31")), "31 December 2024");
    }

    #[test]
    fn dates_are_read_strictly() {
        assert_eq!(parse("2024-02-29"), NaiveDate::from_ymd_opt(2024, 2, 29));
        for bad in [
            " 026-01-01",
            "+026-01-01",
            "2026-1-01",
            "2026-01-1 ",
            "2023-02-29",
            "2026-13-01",
            "2026-01-00",
            "20260-1-01",
            "2026/01/01",
            "",
            "2026-01-0a",
            "２０２６-01-01",
        ] {
            assert!(parse(bad).is_none(), "{bad:?}");
        }
        assert_eq!(format(NaiveDate::from_ymd_opt(7, 3, 9).unwrap()), "0007-03-09");
    }

    #[test]
    fn month_arithmetic_clamps() {
        let d = |s| parse(s).unwrap();
        assert_eq!(add_months(d("2024-01-31"), 1), d("2024-02-29"));
        assert_eq!(add_months(d("2024-03-31"), -1), d("2024-02-29"));
        assert_eq!(add_months(d("2023-11-30"), 3), d("2024-02-29"));
        assert_eq!(add_months_f(d("2024-01-01"), 1.5), d("2024-02-16"));
    }
}
