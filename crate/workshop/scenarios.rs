//! Workshop scenarios: FICTIONAL local authorities for inspection-readiness training.
//!
//! Each scenario is a data file `crate/data/scenarios/<id>.toml` (TOML so the prose stays readable),
//! embedded at compile time like every other data file. A scenario has:
//!
//! * `id`, `name` (always ending "(fictional)"), `fictional = true`, a `route` (one of [`Storyline`]),
//!   the `framework` it is scored against and a one-sentence `summary`;
//! * a one-page `briefing`: sections (`context`, `case_audit`, `children_and_families`, `staff`,
//!   `indicators`), each a heading and short paragraphs;
//! * `facilitator` notes: a summary, the traps, the likely conclusion and why for each judgement, and
//!   `expected` — the grades the notes claim, which the invariant tests check against the scoring;
//! * the `reference` answers: a whole self-evaluation in the saved-file format (every statement, a few
//!   actions, indicators and the inspection history the route needs).
//!
//! A participant starts from [`Scenario::participant_start`]: the scenario's authority, date, history
//! and indicators with no answers, marked with `scenario: <id>` so files can be compared later
//! ([`crate::workshop::compare`]). The authorities, people and figures are invented; no real authority is named.
use crate::assessment::{parse_assessment, Assessment};
use crate::framework::scenario_index::{ScenarioSummary, Storyline};
use crate::model::grade::Grade;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One section of a briefing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BriefingSection {
    /// `context`, `case_audit`, `children_and_families`, `staff` or `indicators`.
    pub id: String,
    /// The section heading.
    pub heading: String,
    /// Short paragraphs.
    pub paragraphs: Vec<String>,
}

/// The facilitator's note on one judgement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct JudgementNote {
    /// The judgement id.
    pub id: String,
    /// Why an inspector would likely reach the expected grade.
    pub why: String,
}

/// Facilitator notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Facilitator {
    /// What an inspector would likely conclude, in a paragraph.
    pub summary: String,
    /// The traps participants fall into.
    pub traps: Vec<String>,
    /// The grades the notes claim, by judgement id (checked against the scoring by the tests).
    pub expected: BTreeMap<String, Grade>,
    /// Why, judgement by judgement, in report order.
    #[serde(rename(deserialize = "judgement", serialize = "judgements"))]
    #[cfg_attr(test, ts(rename = "judgements"))]
    pub judgements: Vec<JudgementNote>,
}

/// A workshop scenario as stored.
#[derive(Debug, Clone, Deserialize)]
pub struct Scenario {
    /// Stable id, such as `eastmere`.
    pub id: String,
    /// The authority's name, ending "(fictional)".
    pub name: String,
    /// Always true.
    pub fictional: bool,
    /// The route it illustrates.
    pub route: Storyline,
    /// The framework id it is scored against.
    pub framework: String,
    /// One sentence.
    pub summary: String,
    /// The one-page briefing.
    pub briefing: Vec<BriefingSection>,
    /// Facilitator notes.
    pub facilitator: Facilitator,
    /// The reference answers, in the saved-file format.
    pub reference: Value,
}

/// A scenario in full, as the page receives it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ScenarioView {
    /// What the list shows (id, name, route, framework, summary), as top-level fields.
    #[serde(flatten)]
    pub listed: ScenarioSummary,
    /// The one-page briefing.
    pub briefing: Vec<BriefingSection>,
    /// Facilitator notes.
    pub facilitator: Facilitator,
    /// The reference answers.
    pub reference: Assessment,
    /// Where a participant starts: the reference without answers, marked with the scenario id.
    pub participant_start: Assessment,
}

/// The embedded scenario files. A test checks every file in `crate/data/scenarios/` is listed.
pub(crate) const FILES: [(&str, &str); 4] = [
    ("scenarios/harrowby-vale", embedded_json!("scenarios/harrowby-vale")),
    ("scenarios/eastmere", embedded_json!("scenarios/eastmere")),
    ("scenarios/calderbrook", embedded_json!("scenarios/calderbrook")),
    ("scenarios/fenmarsh", embedded_json!("scenarios/fenmarsh")),
];

/// Every scenario, in route order.
pub fn all() -> &'static [Scenario] {
    static ALL: OnceLock<Vec<Scenario>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut list: Vec<Scenario> = FILES
            .iter()
            .map(|(name, json)| crate::support::embedded::parse(name, json))
            .collect();
        list.sort_by_key(|s| s.route);
        list
    })
}

/// The scenario with this id.
pub fn get(id: &str) -> Option<&'static Scenario> {
    all().iter().find(|s| s.id == id)
}

impl Scenario {
    /// The scenario as listed.
    pub fn summary_view(&self) -> ScenarioSummary {
        ScenarioSummary {
            id: self.id.clone(),
            name: self.name.clone(),
            fictional: self.fictional,
            route: self.route,
            route_name: self.route.label(),
            framework: self.framework.clone(),
            summary: self.summary.clone(),
        }
    }

    /// The reference answers, parsed (the tests check they parse without problems).
    pub fn reference(&self) -> Assessment {
        parse_assessment(&self.reference).0
    }

    /// Where a participant starts: the scenario's framework, authority, date, history and indicators,
    /// no answers, and `scenario` set to the scenario's id.
    pub fn participant_start(&self) -> Assessment {
        let mut a = self.reference();
        a.answers.clear();
        a.scenario = Some(self.id.clone());
        a.participant = None;
        a
    }

    /// The scenario in full.
    pub fn view(&self) -> ScenarioView {
        ScenarioView {
            listed: self.summary_view(),
            briefing: self.briefing.clone(),
            facilitator: self.facilitator.clone(),
            reference: self.reference(),
            participant_start: self.participant_start(),
        }
    }
}

/// The scenario with this id in full, or `None`.
pub fn scenario(id: &str) -> Option<ScenarioView> {
    get(id).map(Scenario::view)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scoring::score::score;

    /// Projected grades by judgement id (overall effectiveness included where the framework has it).
    fn projected(a: &Assessment) -> BTreeMap<String, Option<Grade>> {
        let r = score(a);
        let mut out: BTreeMap<String, Option<Grade>> = r.judgements.iter().map(|j| (j.id.clone(), j.grade)).collect();
        if let Some(o) = r.overall {
            out.insert("overall_effectiveness".into(), o.grade);
        }
        out
    }

    #[test]
    fn there_are_at_least_four_fictional_scenarios_covering_every_route() {
        let list = all();
        assert!(list.len() >= 4);
        for route in Storyline::ALL {
            assert!(list.iter().any(|s| s.route == route), "no scenario for {route:?}");
        }
        let mut ids: Vec<&str> = list.iter().map(|s| s.id.as_str()).collect();
        ids.dedup();
        assert_eq!(ids.len(), list.len(), "duplicate ids");
        for s in list {
            assert!(s.fictional, "{}", s.id);
            assert!(s.name.ends_with("(fictional)"), "{}", s.name);
            assert!(crate::framework::get(&s.framework).is_some(), "{}", s.framework);
            assert!(!s.summary.is_empty());
        }
    }

    #[test]
    fn every_file_in_the_scenarios_folder_is_embedded() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/crate/data/scenarios");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|n| n.strip_suffix(".toml").map(|s| format!("scenarios/{s}")))
            .collect();
        on_disk.sort();
        let mut listed: Vec<String> = FILES.iter().map(|(n, _)| n.to_string()).collect();
        listed.sort();
        assert_eq!(on_disk, listed);
        for s in all() {
            assert!(
                FILES.iter().any(|(n, _)| *n == format!("scenarios/{}", s.id)),
                "{}",
                s.id
            );
        }
    }

    #[test]
    fn the_index_lists_exactly_the_scenarios_in_full() {
        use crate::framework::scenario_index::{is_scenario, scenarios};
        let full: Vec<ScenarioSummary> = all().iter().map(Scenario::summary_view).collect();
        assert_eq!(scenarios(), full);
        assert!(all().iter().all(|s| is_scenario(&s.id)));
        assert!(!is_scenario("harrowby") && !is_scenario(""));
    }

    #[test]
    fn every_briefing_has_the_five_sections() {
        for s in all() {
            let ids: Vec<&str> = s.briefing.iter().map(|b| b.id.as_str()).collect();
            assert_eq!(
                ids,
                ["context", "case_audit", "children_and_families", "staff", "indicators"],
                "{}",
                s.id
            );
            for b in s.briefing.iter() {
                assert!(!b.heading.is_empty() && !b.paragraphs.is_empty(), "{} {}", s.id, b.id);
                assert!(b.paragraphs.iter().all(|p| !p.trim().is_empty()));
            }
            assert!(s.facilitator.traps.len() >= 2, "{}", s.id);
        }
    }

    #[test]
    fn every_reference_parses_cleanly_and_answers_every_statement() {
        for s in all() {
            let (a, problems) = parse_assessment(&s.reference);
            assert!(problems.is_empty(), "{}: {problems:?}", s.id);
            assert_eq!(a.framework, s.framework, "{}", s.id);
            assert_eq!(a.scenario.as_deref(), Some(s.id.as_str()));
            assert_eq!(a.authority, s.name);
            let fw = a.framework();
            for (_, st) in fw.statements() {
                assert!(
                    a.answers.get(&*st.id).is_some_and(|x| x.level.is_some()),
                    "{}: {} unanswered",
                    s.id,
                    st.id
                );
            }
            assert!(a.answers.values().any(|x| x.action.is_some()), "{}: no actions", s.id);
            assert!(!a.indicators.is_empty(), "{}", s.id);
            let today = a
                .assessed_on
                .as_deref()
                .and_then(|d| crate::pathway::calendar::parse_date(d).ok());
            assert!(today.is_some(), "{}", s.id);
            let (h, hp) = crate::pathway::history::parse_history_as_of(&a.history, "history", today);
            assert!(hp.is_empty(), "{}: {hp:?}", s.id);
            assert!(h.last_inspection.is_some(), "{}", s.id);
        }
    }

    #[test]
    fn the_scoring_agrees_with_the_facilitator_notes() {
        for s in all() {
            let got = projected(&s.reference());
            assert!(got.values().all(Option::is_some), "{}: ungraded {got:?}", s.id);
            let got: BTreeMap<String, Grade> = got.into_iter().map(|(k, v)| (k, v.unwrap())).collect();
            assert_eq!(got, s.facilitator.expected, "{}", s.id);
            let noted: Vec<&str> = s.facilitator.judgements.iter().map(|j| j.id.as_str()).collect();
            let mut sorted = noted.clone();
            sorted.sort();
            let expected: Vec<&str> = s.facilitator.expected.keys().map(String::as_str).collect();
            assert_eq!(sorted, expected, "{}: a note for every judgement", s.id);
        }
    }

    #[test]
    fn routes_show_in_the_history_and_grades() {
        for s in all() {
            let a = s.reference();
            let g = &s.facilitator.expected;
            let h = &a.history;
            match s.route {
                Storyline::GoodSlipping => {
                    assert_eq!(h["lastInspection"]["grades"]["overall_effectiveness"], "good");
                    assert!(g.values().any(|x| *x < Grade::Good));
                }
                Storyline::RiImproving => {
                    assert_eq!(
                        h["lastInspection"]["grades"]["overall_effectiveness"],
                        "requires_improvement"
                    );
                    assert!(g.values().any(|x| *x >= Grade::Good));
                }
                Storyline::InadequateMonitoring => {
                    assert_eq!(h["lastInspection"]["grades"]["overall_effectiveness"], "inadequate");
                    assert!(h["monitoring"].is_object());
                    assert!(g.values().any(|x| *x == Grade::Inadequate));
                }
                Storyline::OutstandingOneWeakArea => {
                    assert_eq!(h["lastInspection"]["grades"]["overall_effectiveness"], "outstanding");
                    assert_eq!(g.values().filter(|x| **x < Grade::Outstanding).count(), 1);
                }
            }
        }
        assert!(all()
            .iter()
            .any(|s| crate::framework::get(&s.framework).unwrap().has_overall()));
    }

    #[test]
    fn a_participant_starts_with_the_context_and_no_answers() {
        for s in all() {
            let start = s.participant_start();
            let reference = s.reference();
            assert!(start.answers.is_empty());
            assert_eq!(start.scenario.as_deref(), Some(s.id.as_str()));
            assert_eq!(start.history, reference.history);
            assert_eq!(start.indicators, reference.indicators);
            assert_eq!(start.assessed_on, reference.assessed_on);
            let (again, p) = parse_assessment(&crate::assessment::to_value(&start));
            assert!(p.is_empty(), "{p:?}");
            assert_eq!(again, start);
            let view = scenario(&s.id).unwrap();
            let json = serde_json::to_value(&view).unwrap();
            assert_eq!(json["participantStart"]["scenario"], s.id.as_str());
            assert!(json["facilitator"]["judgements"].is_array());
        }
        assert!(scenario("nowhere").is_none());
    }
}
