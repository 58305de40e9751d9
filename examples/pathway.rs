//! Prints the pathway for a JSON input read from standard input, as the page would receive it:
//! `cargo run --example pathway < tests/pathway_scenarios/<file>.json` (a scenario file's `input`
//! is used when present).
use std::io::Read;

fn main() {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("read standard input");
    let value = serde_json::from_str::<serde_json::Value>(&text).expect("standard input is JSON");
    let input = value.get("input").unwrap_or(&value);
    let out = stocktake::pathway::pathway(input);
    println!("{}", serde_json::to_string_pretty(&out).expect("serialise"));
}
