//! Text for messages shown to people.

/// A number for messages, rounded to at most two decimal places (halves away from zero), with no
/// trailing zeros: `1.5`, `2`, `-0.25`.
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

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_read_as_people_write_them() {
        for (x, t) in [
            (1.5, "1.5"),
            (2.0, "2"),
            (-0.25, "-0.25"),
            (1.355, "1.36"),
            (0.004, "0"),
            (22.5, "22.5"),
        ] {
            assert_eq!(super::number_text(x), t);
        }
    }
}
