//! Converts every TOML data file under `crate/data/` to JSON in `OUT_DIR` at compile time,
//! so the rules, statements and calendars are embedded as data without shipping a TOML
//! parser in the wasm. A file that is not valid TOML fails the build with its path.
//!
//! It also lists the scenario test files (`tests/scenarios/*.json`) in `OUT_DIR/scenarios.rs`, each
//! embedded with `include_str!`, so the native and wasm scenario tests share one list.
use std::{env, fs, path::Path};

fn convert(dir: &Path, rel: &Path, out: &Path) {
    for entry in fs::read_dir(dir).expect("read crate/data") {
        let entry = entry.expect("dir entry");
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() {
            convert(&path, &rel.join(&name), out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let text = fs::read_to_string(&path).expect("read data file");
            let value: toml::Value =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", path.display()));
            let target = out.join(rel).join(&name).with_extension("json");
            fs::create_dir_all(target.parent().unwrap()).unwrap();
            fs::write(&target, serde_json::to_string(&value).unwrap()).unwrap();
        }
    }
}

fn scenarios(out: &Path) {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("tests/scenarios");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    let mut code =
        String::from("/// Every scenario file: (file name, contents).\npub const SCENARIOS: &[(&str, &str)] = &[\n");
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy();
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    code.push_str("];\n");
    fs::write(out.join("scenarios.rs"), code).unwrap();
}

fn main() {
    let out = env::var("OUT_DIR").unwrap();
    println!("cargo:rerun-if-changed=crate/data");
    println!("cargo:rerun-if-changed=tests/scenarios");
    convert(Path::new("crate/data"), Path::new(""), Path::new(&out));
    scenarios(Path::new(&out));
}
