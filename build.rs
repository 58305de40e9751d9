//! Bakes the embedded data into Rust. Each TOML file under `crate/data/` is read into its own
//! type — the crate's `model` layer and the `shapes.rs` files, which this script compiles too —
//! and written to `OUT_DIR/baked/<path>.rs` as the Rust expression that builds the value
//! (databake), which the crate includes with `baked!("<path>")`. The core therefore ships no
//! reader for its own data, and a file that does not read fails the build, naming the file and
//! the field. The workshop scenarios, which the trainers' build alone carries, stay JSON
//! (`OUT_DIR/scenarios/<id>.json`), read by serde when first opened.
//!
//! It also lists the scenario test files (`tests/scenarios/*.json`, `tests/pathway_scenarios/*.json`)
//! in `OUT_DIR/scenarios.rs` and `OUT_DIR/pathway_scenarios.rs`, each embedded with `include_str!`,
//! so the native and wasm scenario tests share one list.
#![allow(dead_code, unused_imports)]

use std::{env, fs, path::Path};

// The types the data is read into, at the same paths as in the crate (`crate::model::…`,
// `crate::framework::shapes::…`), so the baked code names them as the crate does.
#[path = "crate/model/mod.rs"]
mod model;
mod support {
    pub mod embedded {
        pub type Text = std::borrow::Cow<'static, str>;
        pub type List<T> = std::borrow::Cow<'static, [T]>;
    }
}
mod framework {
    pub mod shapes {
        include!("crate/framework/shapes.rs");
    }
}
mod scoring {
    pub mod shapes {
        include!("crate/scoring/shapes.rs");
    }
}
mod pathway {
    pub mod shapes {
        include!("crate/pathway/shapes.rs");
    }
}
mod assessment {
    pub mod shapes {
        include!("crate/assessment/shapes.rs");
    }
}

use framework::shapes as fw;
use pathway::shapes as pw;

fn read_toml<T: serde::de::DeserializeOwned>(rel: &str) -> T {
    let path = Path::new("crate/data").join(rel);
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{} does not read: {e}", path.display()))
}

/// Writes `value` as Rust code to `OUT_DIR/baked/<name>.rs`.
fn bake<T: databake::Bake>(out: &Path, name: &str, value: &T) {
    let code = value.bake(&databake::CrateEnv::default()).to_string();
    let target = out.join("baked").join(format!("{name}.rs"));
    fs::create_dir_all(target.parent().unwrap()).unwrap();
    fs::write(target, code).unwrap();
}

/// Reads `crate/data/<name>.toml` as a `T` and bakes it under `name`.
fn bake_file<T: serde::de::DeserializeOwned + databake::Bake>(out: &Path, name: &str) {
    bake(out, name, &read_toml::<T>(&format!("{name}.toml")));
}

fn toml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// The workshop scenarios: each as JSON for the trainers' build, and their index (what the start
/// page lists: id, name, storyline, framework, summary) baked for every build.
fn scenarios(out: &Path) {
    let mut index = Vec::new();
    for f in toml_files(Path::new("crate/data/scenarios")) {
        let text = fs::read_to_string(&f).unwrap();
        let value: toml::Value =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{} is not valid TOML: {e}", f.display()));
        let target = out
            .join("scenarios")
            .join(f.file_name().unwrap())
            .with_extension("json");
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::write(&target, serde_json::to_string(&value).unwrap()).unwrap();
        let listed: fw::Listed = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        index.push(listed);
    }
    bake(out, "scenarios/index", &index);
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
    let out = Path::new(&out);
    for watched in [
        "crate/data",
        "crate/model",
        "crate/framework/shapes.rs",
        "crate/scoring/shapes.rs",
    ] {
        println!("cargo:rerun-if-changed={watched}");
    }
    for watched in [
        "crate/pathway/shapes.rs",
        "crate/assessment/shapes.rs",
        "tests/scenarios",
        "tests/pathway_scenarios",
    ] {
        println!("cargo:rerun-if-changed={watched}");
    }
    bake_file::<fw::Index>(out, "frameworks/index");
    // Every framework file found is baked, and `frameworks.rs` is the look-up by id the crate
    // includes (`framework::framework_file`): a new version is a new data file, with no code arm.
    let mut lookup = String::from("match id {\n");
    for f in toml_files(Path::new("crate/data/frameworks")) {
        let id = f.file_stem().unwrap().to_string_lossy();
        if id != "index" {
            let file: fw::FrameworkFile = read_toml(&format!("frameworks/{id}.toml"));
            assert_eq!(file.id, id, "{}: its id must be its file name", f.display());
            bake(out, &format!("frameworks/{id}"), &file);
            lookup.push_str(&format!(
                "    {id:?} => Some(include!(concat!(env!(\"OUT_DIR\"), \"/baked/frameworks/{id}.rs\"))),\n"
            ));
        }
    }
    lookup.push_str("    _ => None,\n}\n");
    fs::write(out.join("frameworks.rs"), lookup).unwrap();
    bake_file::<fw::AreasFile>(out, "frameworks/shared/areas");
    bake_file::<fw::IndicatorsFile>(out, "frameworks/shared/indicators");
    bake_file::<fw::IndicatorsFile>(out, "frameworks/shared/indicators-2023");
    bake_file::<fw::EvidenceFile>(out, "frameworks/shared/evidence");
    bake_file::<fw::RulesFile>(out, "frameworks/shared/rules");
    bake_file::<fw::RulesFile>(out, "frameworks/shared/provider-rules");
    bake_file::<fw::ChallengesFile>(out, "frameworks/shared/challenges");
    bake_file::<scoring::shapes::Routes>(out, "routes");
    bake_file::<pw::RulesData>(out, "pathway/rules");
    bake_file::<pw::AssumptionFile>(out, "pathway/assumptions");
    bake_file::<pw::PollsFile>(out, "pathway/polls");
    bake_file::<pw::ProviderPathway>(out, "pathway/sccif-childrens-homes");
    bake_file::<pw::ProviderPathway>(out, "pathway/sccif-ifa");
    bake_file::<pw::HolidayTable>(out, "calendar/bank-holidays");
    bake_file::<pw::Stored>(out, "base_rates");
    bake_file::<assessment::shapes::CriteriaFile>(out, "audits/criteria");
    scenarios(out);
    list_scenarios(out, "tests/scenarios", "scenarios.rs");
    list_scenarios(out, "tests/pathway_scenarios", "pathway_scenarios.rs");
}
