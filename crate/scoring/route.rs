//! Which route a set of judgements leads to: a **short** inspection next time, a **standard**
//! one, or **monitoring** as an inadequate authority.
//!
//! Before April 2026 the route followed overall effectiveness: good or outstanding → short,
//! requires improvement → standard, inadequate → monitoring [S] (Leeds one-minute guide). From
//! April 2026 there is no overall grade; we assume any inadequate judgement means monitoring [R]
//! and take the lighter route to need leaders good or better plus two of the three practice
//! judgements good or better, as a public scraper's README reports [S, unverified]. The rules are
//! data (`crate/data/routes.toml`), each with its source and tag.
use crate::model::grade::Grade;
use crate::scoring::shapes::Routes;
pub use crate::scoring::shapes::{Route, RouteRule};
use std::collections::BTreeMap;

/// The route rules for a framework, in the order they are tried; empty for an unknown id. The
/// rules file is read once (a simulation and every pathway ask for routes).
pub fn rules(framework: &str) -> &'static [RouteRule] {
    static ALL: std::sync::OnceLock<Routes> = std::sync::OnceLock::new();
    ALL.get_or_init(|| baked!("routes"))
        .ruleset
        .iter()
        .find(|r| r.frameworks.iter().any(|f| f == framework))
        .map_or(&[], |r| &r.rule)
}

impl RouteRule {
    fn holds(&self, grades: &BTreeMap<String, Grade>) -> Option<bool> {
        if self.otherwise {
            return Some(true);
        }
        let mut ok = true;
        if !self.any_inadequate.is_empty() {
            ok &= self
                .any_inadequate
                .iter()
                .any(|j| grades.get(&**j) == Some(&Grade::Inadequate));
        }
        if let Some(j) = &self.judgement {
            let g = match grades.get(&**j) {
                Some(g) => *g,
                None if self.if_known => return Some(false),
                None => return None,
            };
            if let Some(min) = self.at_least {
                ok &= g >= min;
            }
            if let Some(max) = self.at_most {
                ok &= g <= max;
            }
        }
        if let (Some(n), Some(min)) = (self.count_at_least, self.grade) {
            ok &= self
                .of
                .iter()
                .filter(|j| grades.get(j.as_ref()).is_some_and(|g| *g >= min))
                .count()
                >= n;
        }
        Some(ok)
    }
}

/// The route the grades lead to under a framework, with the rule that decided it. `None` when
/// the framework is unknown or a grade the rules need is missing (for example overall
/// effectiveness under a pre-2026 framework: derive it first).
pub fn route(framework: &str, grades: &BTreeMap<String, Grade>) -> Option<(Route, RouteRule)> {
    for rule in rules(framework) {
        if rule.holds(grades)? {
            return Some((rule.route, rule.clone()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(pairs: &[(&str, Grade)]) -> BTreeMap<String, Grade> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn every_framework_in_the_catalogue_has_rules_ending_in_otherwise() {
        // Routes (short, standard, monitoring) belong to the ILACS family; providers have none.
        for f in crate::framework::catalogue::catalogue()
            .into_iter()
            .filter(|f| f.family == "ilacs")
        {
            let r = rules(&f.id);
            assert!(
                r.last().is_some_and(|x| x.otherwise),
                "{} needs a final otherwise rule",
                f.id
            );
            for x in r {
                assert!(x.source.starts_with("http"), "{} has no source", x.id);
            }
        }
    }

    #[test]
    fn pre_2026_routes_follow_overall_effectiveness() {
        use Grade::*;
        let r = |o| route("ilacs-2023-01", &g(&[("overall_effectiveness", o)])).unwrap().0;
        assert_eq!(r(Outstanding), Route::Short);
        assert_eq!(r(Good), Route::Short);
        assert_eq!(r(RequiresImprovement), Route::Standard);
        assert_eq!(r(Inadequate), Route::Monitoring);
        assert!(route("ilacs-2023-01", &BTreeMap::new()).is_none());
    }

    #[test]
    fn from_april_2026_leaders_and_two_of_three_practice_judgements_decide() {
        use Grade::*;
        let all = |l, h, c, cl| {
            route(
                "ilacs-2026-04",
                &g(&[
                    ("impact_of_leaders", l),
                    ("help_and_protection", h),
                    ("children_in_care", c),
                    ("care_leavers", cl),
                ]),
            )
            .unwrap()
            .0
        };
        assert_eq!(all(Good, Good, Good, RequiresImprovement), Route::Short);
        assert_eq!(
            all(Good, Good, RequiresImprovement, RequiresImprovement),
            Route::Standard
        );
        assert_eq!(
            all(RequiresImprovement, Outstanding, Outstanding, Outstanding),
            Route::Standard
        );
        assert_eq!(
            all(Outstanding, Outstanding, Outstanding, Inadequate),
            Route::Monitoring
        );
    }
}
