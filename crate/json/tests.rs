//! The JSON module against `serde_json` (with `float_roundtrip`, so its numbers are exact) and the
//! standard library's float parser: same values from the same text, same errors, numbers bit for bit.
use super::*;
use proptest::prelude::*;

fn theirs(text: &str) -> Result<serde_json::Value, serde_json::Error> {
    serde_json::from_str(text)
}

/// Our parse agrees with serde_json's: both fail, or both give the same value (numbers compared
/// by their kind and bits).
fn agrees(text: &str) {
    match (parse(text), theirs(text)) {
        (Ok(ours), Ok(t)) => assert_eq!(ours, Value::from(t), "{text:?}"),
        (Err(e), Err(t)) => {
            let eof = t.classify() == serde_json::error::Category::Eof;
            assert_eq!(e.code == ErrorCode::Eof, eof, "{text:?}: ours {e}, theirs {t}");
            assert_eq!(e.line, t.line(), "{text:?}: ours {e}, theirs {t}");
        }
        (ours, t) => panic!("{text:?}: ours {ours:?}, theirs {t:?}"),
    }
}

fn float(text: &str) -> f64 {
    match parse(text) {
        Ok(Value::Number(n)) => n.as_f64().unwrap(),
        other => panic!("{text}: {other:?}"),
    }
}

#[test]
fn hard_floats_are_exact() {
    for text in [
        "0.1",
        "0.30000000000000004",
        "2.2250738585072011e-308",
        "2.2250738585072014e-308",
        "4.9e-324",
        "5e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "9007199254740993",
        "9007199254740993.0",
        "9007199254740995.0",
        "1e23",
        "8.98846567431158e307",
        "1.00000000000000011102230246251565404236316680908203125",
        "1.00000000000000011102230246251565404236316680908203124",
        "1.00000000000000011102230246251565404236316680908203126",
        "7.2057594037927933e16",
        "123456789012345678901234567890e-10",
        "0.000000000000000000000000000000000000001e-290",
        "1e-400",
        "18446744073709551616",
        "-9223372036854775809",
        "-0",
        "-0.0",
        "33.3",
    ] {
        let want: f64 = text.parse().unwrap();
        assert_eq!(float(text).to_bits(), want.to_bits(), "{text}");
        agrees(text);
    }
    // 800 significant digits, the last deciding a tie at 1 + 2^-53.
    let mut long = String::from("1.00000000000000011102230246251565404236316680908203125");
    long.push_str(&"0".repeat(800));
    let at_tie: f64 = long.parse().unwrap();
    assert_eq!(float(&long).to_bits(), at_tie.to_bits());
    long.push('1');
    let above: f64 = long.parse().unwrap();
    assert_eq!(float(&long).to_bits(), above.to_bits());
    assert_ne!(at_tie, above);
    assert_eq!(parse("1e400").unwrap_err().code, ErrorCode::NumberOutOfRange);
    assert_eq!(parse("-1.8e308").unwrap_err().code, ErrorCode::NumberOutOfRange);
}

#[test]
fn integers_keep_their_kind() {
    assert_eq!(parse("3").unwrap().as_u64(), Some(3));
    assert_eq!(parse("3.0").unwrap().as_u64(), None);
    assert_eq!(parse("-3").unwrap().as_i64(), Some(-3));
    assert_eq!(parse("18446744073709551615").unwrap().as_u64(), Some(u64::MAX));
    assert_eq!(parse("-9223372036854775808").unwrap().as_i64(), Some(i64::MIN));
    for text in ["0", "-0", "1e2", "-9223372036854775808", "18446744073709551616", "0.5"] {
        agrees(text);
    }
}

#[test]
fn syntax_errors_and_limits() {
    for text in [
        "",
        " ",
        "nul",
        "[1,]",
        "{\"a\":1,}",
        "[1 2]",
        "{\"a\" 1}",
        "{1:2}",
        "01",
        "1.",
        ".5",
        "1e",
        "-",
        "+1",
        "[",
        "{",
        "\"abc",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"a\u{1}b\"",
        "[1] x",
        "tru",
        "nulls",
        "\"\\ud800\\u0041\"",
        "[1,\n2,\n",
        "{\"a\":\n\n",
        "\u{feff}1",
        "NaN",
        "Infinity",
        "1e+",
        "--1",
    ] {
        agrees(text);
    }
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    agrees(&deep(127));
    agrees(&deep(128));
    assert!(parse(&deep(127)).is_ok());
    assert_eq!(parse(&deep(128)).unwrap_err().code, ErrorCode::RecursionLimit);
    let e = parse("{\n  \"a\": [1,\n  2,,").unwrap_err();
    assert_eq!((e.line, e.column), (3, 5));
    assert_eq!(e.to_string(), "expected value at line 3 column 5");
}

#[test]
fn objects_are_sorted_and_the_last_repeat_wins() {
    let v = parse(r#"{"b": 1, "a": 2, "b": 3}"#).unwrap();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["a", "b"]);
    assert_eq!(v.get("b").and_then(Value::as_u64), Some(3));
    agrees(r#"{"b": 1, "a": 2, "b": 3}"#);
}

#[test]
fn writes_what_serde_json_writes_except_for_floats() {
    let text = r#"{"a":[1,-2,true,null,"q\"\\\n\t\u0001é😀"],"b":{"c":{}}}"#;
    assert_eq!(
        parse(text).unwrap().to_string(),
        serde_json::to_string(&theirs(text).unwrap()).unwrap()
    );
    for (x, want) in [
        (0.1, "0.1"),
        (1.0, "1.0"),
        (-0.0, "-0.0"),
        (1e21, "1e21"),
        (1e20, "100000000000000000000.0"),
        (1.5e-7, "1.5e-7"),
        (0.000123, "0.000123"),
        (5e-324, "5e-324"),
        (f64::MAX, "1.7976931348623157e308"),
        (f64::NAN, "null"),
    ] {
        assert_eq!(to_string(&x), want);
    }
}

fn json_text() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| serde_json::to_string(&f).unwrap()),
        any::<i64>().prop_map(|i| i.to_string()),
        any::<u64>().prop_map(|i| i.to_string()),
        "-?(0|[1-9][0-9]{0,25})(\\.[0-9]{1,25})?([eE][+-]?[0-9]{1,3})?",
        any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
        "\"([a-z]|\\\\[nrtbf/\"\\\\]|\\\\u[0-9a-fA-F]{4})*\"",
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(|v| format!("[{}]", v.join(" , "))),
            prop::collection::vec(("[a-c]{1,2}", inner), 0..6).prop_map(|v| format!(
                "{{{}}}",
                v.into_iter()
                    .map(|(k, x)| format!("\"{k}\":{x}"))
                    .collect::<Vec<_>>()
                    .join(",")
            )),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_float_reads_and_writes_exactly(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        let ours = to_string(&x);
        let back: f64 = serde_json::from_str(&ours).unwrap();
        prop_assert_eq!(back.to_bits(), x.to_bits(), "{} wrote {}", x, ours);
        prop_assert_eq!(float(&serde_json::to_string(&x).unwrap()).to_bits(), x.to_bits());
        // At most two significant digits longer than the shortest form.
        let shortest = format!("{x:e}");
        let digits = |s: &str| {
            let d: String = s.split(['e', 'E']).next().unwrap().chars().filter(char::is_ascii_digit).collect();
            d.trim_start_matches('0').trim_end_matches('0').len()
        };
        prop_assert!(digits(&ours) <= digits(&shortest) + 2, "{} vs {}", ours, shortest);
    }

    #[test]
    fn any_decimal_reads_as_the_standard_library_does(text in "-?[0-9]{1,40}(\\.[0-9]{1,40})?([eE][+-]?[0-9]{1,3})?") {
        let want: f64 = text.parse().unwrap();
        match parse(&text) {
            Ok(v) => prop_assert_eq!(v.as_f64().unwrap().to_bits(), want.to_bits()),
            Err(e) => prop_assert!(e.code == ErrorCode::NumberOutOfRange && want.is_infinite() || text.trim_start_matches('-').starts_with("0") && text.len() > 1, "{}: {}", text, e),
        }
    }

    #[test]
    fn any_json_reads_as_serde_json_reads_it(text in json_text()) {
        agrees(&text);
        // What we write reads back (through serde_json) to the same value.
        if let Ok(v) = parse(&text) {
            let written = v.to_string();
            prop_assert_eq!(parse(&written).unwrap(), v.clone());
            prop_assert_eq!(Value::from(theirs(&written).unwrap()), v);
        }
    }

    #[test]
    fn any_text_reads_as_serde_json_reads_it(text in "[\\[\\]{}:,\" 0-9a-z.eE+\\-\\\\]{0,30}") {
        agrees(&text);
    }
}

#[test]
fn map_keys_are_written_as_strings() {
    let m: std::collections::BTreeMap<u32, bool> = [(2, true)].into();
    assert_eq!(to_string(&m), r#"{"2":true}"#);
    let g: std::collections::BTreeMap<crate::grade::Grade, u8> = [(crate::grade::Grade::Good, 1)].into();
    assert_eq!(to_string(&g), r#"{"good":1}"#);
}

#[test]
#[should_panic(expected = "a JSON object key must be")]
fn a_map_key_that_cannot_be_a_string_is_a_broken_contract() {
    let m: std::collections::BTreeMap<Vec<u8>, u8> = [(vec![1], 2)].into();
    to_string(&m);
}
