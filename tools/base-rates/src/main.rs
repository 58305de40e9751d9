//! `cargo run -p stocktake-base-rates`: rewrites crate/data/base_rates.toml from the committed
//! history CSV (the record to July 2026, with corrections.csv applied). With `--check`, only
//! compares and exits 1 if the committed file differs.
use std::process::ExitCode;
use stocktake_base_rates::{generate, repo_root, CORRECTIONS, CSV, OUTPUT};

fn main() -> ExitCode {
    let check = std::env::args().skip(1).any(|a| a == "--check");
    let generated = match generate() {
        Ok(text) => text,
        Err(e) => {
            eprintln!("base-rates: {e}");
            return ExitCode::FAILURE;
        }
    };
    let path = repo_root().join(OUTPUT);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == generated {
        println!("{OUTPUT} matches {CSV} with {CORRECTIONS}");
        return ExitCode::SUCCESS;
    }
    if check {
        eprintln!("{OUTPUT} differs from what {CSV} derives: run `cargo run -p stocktake-base-rates`");
        return ExitCode::FAILURE;
    }
    if let Err(e) = std::fs::write(&path, generated) {
        eprintln!("base-rates: {}: {e}", path.display());
        return ExitCode::FAILURE;
    }
    println!("wrote {OUTPUT} from {CSV} with {CORRECTIONS}");
    ExitCode::SUCCESS
}
