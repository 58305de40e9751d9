//! The core's JSON reader against serde_json's (with exact floats) on any text: both refuse it, or
//! both read the same value, numbers bit for bit; and what the core writes reads back the same.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stocktake::json::{parse, Value};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (parse(text), theirs) {
        (Ok(ours), Ok(t)) => {
            assert_eq!(ours, Value::from(t));
            assert_eq!(parse(&ours.to_string()).as_ref(), Ok(&ours));
        }
        (Err(_), Err(_)) => {}
        (ours, t) => panic!("{text:?}: ours {ours:?}, serde_json {t:?}"),
    }
});
