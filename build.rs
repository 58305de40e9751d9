//! Converts every TOML data file under `crate/data/` to JSON in `OUT_DIR` at compile time,
//! so the rules, statements and calendars are embedded as data without shipping a TOML
//! parser in the wasm. A file that is not valid TOML fails the build with its path.
//!
//! It also lists the scenario test files (`tests/scenarios/*.json`, `tests/pathway_scenarios/*.json`)
//! in `OUT_DIR/scenarios.rs` and `OUT_DIR/pathway_scenarios.rs`, each embedded with `include_str!`,
//! so the native and wasm scenario tests share one list.
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

/// `scenarios/index.json`: what the start page lists of each workshop scenario (id, name, fictional,
/// route, framework, summary), so the core the page loads first can list the scenarios without
/// carrying their briefings, notes and reference answers (those are in the workshop build only:
/// crate/bindings.rs, the `workshop` feature).
fn scenario_index(out: &Path) {
    let dir = out.join("scenarios");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("converted scenarios")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json") && !p.ends_with("index.json"))
        .collect();
    files.sort();
    let index: Vec<serde_json::Value> = files
        .iter()
        .map(|f| {
            let v: serde_json::Value = serde_json::from_str(&fs::read_to_string(f).unwrap()).unwrap();
            let keep = ["id", "name", "fictional", "route", "framework", "summary"];
            serde_json::Value::Object(keep.iter().map(|k| (k.to_string(), v[*k].clone())).collect())
        })
        .collect();
    fs::write(dir.join("index.json"), serde_json::to_string(&index).unwrap()).unwrap();
}

fn scenarios(out: &Path) {
    list_scenarios(out, "tests/scenarios", "scenarios.rs");
}

fn list_scenarios(out: &Path, folder: &str, target: &str) {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join(folder);
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
    fs::write(out.join(target), code).unwrap();
}

fn main() {
    let out = env::var("OUT_DIR").unwrap();
    println!("cargo:rerun-if-changed=crate/data");
    println!("cargo:rerun-if-changed=tests/scenarios");
    println!("cargo:rerun-if-changed=tests/pathway_scenarios");
    convert(Path::new("crate/data"), Path::new(""), Path::new(&out));
    scenario_index(Path::new(&out));
    scenarios(Path::new(&out));
    list_scenarios(Path::new(&out), "tests/pathway_scenarios", "pathway_scenarios.rs");
}
