//! Any JSON value (from the bytes, when they parse) scored directly, as the page's `score()` call
//! does with whatever it holds, plus a simulation of it. Nothing may panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return;
    };
    let scored = stocktake::scoring::score::score_value(&value);
    let (a, problems) = stocktake::assessment::parse_assessment(&value);
    assert_eq!(scored.problems, problems);
    assert_eq!(stocktake::scoring::score::score(&a).judgements, scored.judgements);
    let _ = stocktake::scoring::simulate::simulate_value(&value, &serde_json::json!({ "runs": 50, "seed": 1 }));
});
