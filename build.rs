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

/// The framework files: every `crate/data/frameworks/*.toml` (and, for the test that a new version
/// is data alone, every `*.toml` in `$STOCKTAKE_DATA_OVERLAY/frameworks/`). Each file names its own
/// listing, route rules, audit criteria and pathway row; this joins them, so no other file or code
/// lists framework ids:
/// - `frameworks/<id>` (each file), `frameworks.rs` (the look-up by id) and `frameworks/index`
///   (the catalogue: ILACS versions newest first, then the providers' by id);
/// - `routes` with each ruleset's `frameworks` filled from the files that name it;
/// - `audits/criteria` with each set's `frameworks` filled likewise;
/// - `pathway/rules` with its `framework` rows made from the ILACS files' dates, judgements and
///   `[pathway]` tables.
///
/// A file that names a ruleset, criteria set or pathway row that does not exist fails the build.
fn frameworks(out: &Path) {
    let mut files: Vec<std::path::PathBuf> = toml_files(Path::new("crate/data/frameworks"));
    if let Some(overlay) = env::var_os("STOCKTAKE_DATA_OVERLAY") {
        let dir = Path::new(&overlay).join("frameworks");
        println!("cargo:rerun-if-changed={}", dir.display());
        println!("cargo:rustc-cfg=stocktake_overlay");
        files.extend(toml_files(&dir));
    }
    let mut all: Vec<fw::FrameworkFile> = Vec::new();
    for f in &files {
        let id = f.file_stem().unwrap().to_string_lossy().to_string();
        let text = fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let file: fw::FrameworkFile =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{} does not read: {e}", f.display()));
        assert_eq!(file.id, id, "{}: its id must be its file name", f.display());
        assert!(
            all.iter().all(|x| x.id != file.id),
            "{}: a second framework {id}",
            f.display()
        );
        all.push(file);
    }
    // The catalogue's order: ILACS newest first, then the rest by id.
    all.sort_by(|a, b| {
        let key = |x: &fw::FrameworkFile| x.family != "ilacs";
        key(a).cmp(&key(b)).then_with(|| {
            if key(a) {
                a.id.cmp(&b.id)
            } else {
                b.effective_from.cmp(&a.effective_from)
            }
        })
    });
    // An ILACS version ends the day before the next one starts: a new version's file is all it takes,
    // with no edit to the one it replaces (an end written in a file is kept, and the tests check it).
    let starts: Vec<(String, String)> = all
        .iter()
        .filter(|f| f.family == "ilacs")
        .map(|f| (f.id.to_string(), f.effective_from.to_string()))
        .collect();
    for file in all
        .iter_mut()
        .filter(|f| f.family == "ilacs" && f.effective_to.is_empty())
    {
        let newer = starts
            .iter()
            .filter(|(_, from)| from.as_str() > file.effective_from.as_ref())
            .map(|(_, from)| from)
            .min();
        if let Some(from) = newer {
            let day = chrono::NaiveDate::parse_from_str(from, "%Y-%m-%d")
                .unwrap_or_else(|e| panic!("framework {}: effective_from {from}: {e}", file.id));
            file.effective_to = day.pred_opt().unwrap().format("%Y-%m-%d").to_string().into();
        }
    }
    let mut lookup = String::from("match id {\n");
    for file in &all {
        let id = &file.id;
        bake(out, &format!("frameworks/{id}"), file);
        lookup.push_str(&format!(
            "    {id:?} => Some(include!(concat!(env!(\"OUT_DIR\"), \"/baked/frameworks/{id}.rs\"))),\n"
        ));
    }
    lookup.push_str("    _ => None,\n}\n");
    fs::write(out.join("frameworks.rs"), lookup).unwrap();
    let index = fw::Index {
        framework: all
            .iter()
            .map(|f| fw::FrameworkSummary {
                id: f.id.clone(),
                name: f.name.clone(),
                effective_from: f.effective_from.clone(),
                current: f.current,
                family: f.family.clone(),
                provider: f.provider.clone(),
            })
            .collect(),
    };
    bake(out, "frameworks/index", &index);

    let ids = |pick: &dyn Fn(&fw::FrameworkFile) -> bool| -> support::embedded::List<support::embedded::Text> {
        all.iter().filter(|f| pick(f)).map(|f| f.id.clone()).collect()
    };
    let mut routes: scoring::shapes::Routes = read_toml("routes.toml");
    for r in routes.ruleset.to_mut() {
        r.frameworks = ids(&|f| f.routes == r.id);
    }
    for f in all.iter().filter(|f| !f.routes.is_empty()) {
        assert!(
            routes.ruleset.iter().any(|r| r.id == f.routes),
            "framework {}: routes = {:?} is not a ruleset in routes.toml",
            f.id,
            f.routes
        );
    }
    bake(out, "routes", &routes);

    let mut criteria: assessment::shapes::CriteriaFile = read_toml("audits/criteria.toml");
    for set in criteria.set.to_mut() {
        set.frameworks = ids(&|f| f.audit_criteria.contains(&set.id));
    }
    for f in &all {
        for c in f.audit_criteria.iter() {
            assert!(
                criteria.set.iter().any(|s| s.id == *c),
                "framework {}: audit criteria set {c:?} is not in audits/criteria.toml",
                f.id
            );
        }
    }
    bake(out, "audits/criteria", &criteria);

    let mut rules: pw::RulesData = read_toml("pathway/rules.toml");
    assert!(
        rules.framework.is_empty(),
        "pathway/rules.toml: framework rows come from the framework files"
    );
    rules.framework = all
        .iter()
        .filter_map(|f| {
            let p = f.pathway.as_ref()?;
            Some(pw::FrameworkRules {
                id: f.id.clone(),
                from: f.effective_from.clone(),
                judgements: f.judgement.iter().map(|j| j.id.clone()).collect(),
                route_needs: p.route_needs.clone(),
                exit_text: p.exit_text.clone(),
                exit_source: p.exit_source.clone(),
                exit_tag: p.exit_tag,
            })
        })
        .collect();
    bake(out, "pathway/rules", &rules);
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
    println!("cargo:rerun-if-env-changed=STOCKTAKE_DATA_OVERLAY");
    println!("cargo::rustc-check-cfg=cfg(stocktake_overlay)");
    for watched in [
        "crate/pathway/shapes.rs",
        "crate/assessment/shapes.rs",
        "tests/scenarios",
        "tests/pathway_scenarios",
    ] {
        println!("cargo:rerun-if-changed={watched}");
    }
    frameworks(out);
    bake_file::<fw::AreasFile>(out, "frameworks/shared/areas");
    bake_file::<fw::IndicatorsFile>(out, "frameworks/shared/indicators");
    bake_file::<fw::IndicatorsFile>(out, "frameworks/shared/indicators-2023");
    bake_file::<fw::EvidenceFile>(out, "frameworks/shared/evidence");
    bake_file::<fw::RulesFile>(out, "frameworks/shared/rules");
    bake_file::<fw::RulesFile>(out, "frameworks/shared/provider-rules");
    bake_file::<fw::ChallengesFile>(out, "frameworks/shared/challenges");

    bake_file::<pw::AssumptionFile>(out, "pathway/assumptions");
    bake_file::<pw::PollsFile>(out, "pathway/polls");
    bake_file::<pw::ProviderPathway>(out, "pathway/sccif-childrens-homes");
    bake_file::<pw::ProviderPathway>(out, "pathway/sccif-ifa");
    bake_file::<pw::HolidayTable>(out, "calendar/bank-holidays");
    bake_file::<pw::Stored>(out, "base_rates");
    scenarios(out);
    list_scenarios(out, "tests/scenarios", "scenarios.rs");
    list_scenarios(out, "tests/pathway_scenarios", "pathway_scenarios.rs");
}
