//! The TypeScript declarations of the values the JavaScript API gives and takes
//! (`www/types/core.d.ts`), generated from the Rust types by `ts-rs`. The serde types derive
//! `ts_rs::TS` in test builds only (`#[cfg_attr(test, derive(ts_rs::TS))]`), so the wasm build is
//! untouched. `cargo test --lib types` fails when the committed file differs from what the types
//! generate; `STOCKTAKE_BLESS=1 cargo test --lib types` writes it.
use std::any::TypeId;
use std::collections::{BTreeMap, BTreeSet};
use ts_rs::{Config, TypeVisitor, TS};

/// Every type a value of the API is made of, by TypeScript name: its declaration.
struct Collect<'a> {
    cfg: &'a Config,
    seen: BTreeSet<TypeId>,
    decls: BTreeMap<String, (TypeId, String)>,
}

impl TypeVisitor for Collect<'_> {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Only named types are declared; primitives, lists and options are written inline.
        if T::output_path().is_none() || !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        let name = T::ident(self.cfg);
        let mut decl = T::docs().unwrap_or_default();
        decl.push_str("export ");
        decl.push_str(&T::decl(self.cfg));
        if let Some((other, same)) = self.decls.get(&name) {
            // serde_json's value types share one declaration.
            assert!(
                *other == TypeId::of::<T>() || *same == decl,
                "two types are named {name}: add #[ts(rename)]"
            );
        }
        self.decls.insert(name, (TypeId::of::<T>(), decl));
        T::visit_dependencies(self);
    }
}

/// The API's result types (crate/bindings.rs), each with every type it is made of.
fn declarations() -> String {
    use crate::{assessment, framework, model, pathway, review, scoring, support, workshop};
    let cfg = Config::new().with_large_int("number");
    let mut c = Collect {
        cfg: &cfg,
        seen: BTreeSet::new(),
        decls: BTreeMap::new(),
    };
    c.visit::<framework::shapes::FrameworkSummary>(); // frameworks()
    c.visit::<framework::FrameworkView<'static>>(); // framework(id)
    c.visit::<scoring::score::ScoreResult>(); // score(assessment)
    c.visit::<review::ReviewResult>(); // review({ assessment, today, assumptions })
    c.visit::<model::grade::Grade>(); // overallEffectiveness(…)
    c.visit::<support::problems::Problem>(); // validateAssessment(value)
    c.visit::<assessment::Assessment>(); // the argument of score, simulate, auditEvidence
    c.visit::<assessment::Opened>(); // parseAssessmentText(text)
    c.visit::<scoring::audits::AuditEvidence>(); // auditEvidence(assessment, today)
    c.visit::<assessment::shapes::CriteriaSet>(); // auditCriteria(frameworkId)
    c.visit::<scoring::simulate::SimulationResult>(); // simulate(assessment, options)
    c.visit::<pathway::timeline::PathwayResult>(); // pathway(input)
    c.visit::<pathway::base_rates::BaseRates>(); // baseRates()
    c.visit::<framework::scenario_index::ScenarioSummary>(); // scenarios()
    c.visit::<workshop::scenarios::ScenarioView>(); // scenario(id)
    c.visit::<workshop::compare::Comparison>(); // compareParticipants(files, scenarioId)
    let mut out = String::from(
        "// Generated from the core's Rust types by ts-rs (crate/types.rs): do not edit.\n\
         // Regenerate with `STOCKTAKE_BLESS=1 cargo test --lib types`.\n",
    );
    for (_, decl) in c.decls.values() {
        out.push('\n');
        out.push_str(decl);
        out.push('\n');
    }
    out
}

#[test]
fn the_committed_declarations_are_the_generated_ones() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www/types/core.d.ts");
    let generated = declarations();
    if std::env::var_os("STOCKTAKE_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "www/types/core.d.ts differs from the Rust types: run `STOCKTAKE_BLESS=1 cargo test --lib types`"
    );
}
