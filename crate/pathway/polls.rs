//! The calendar of polls that hold an authority's reports (`crate/data/pathway/polls.toml`).
//!
//! Ofsted holds a local authority's reports during a pre-election period only where that
//! authority has a poll \[V\]: in April 2023, 2025 and 2026 authorities without one had reports
//! published inside the May window \[D\]. An authority votes in a May when its council's cycle has
//! that year (all-out every four years, by halves or by thirds, with the postponements and
//! cancellations of the `change` rows) or a wider poll covers it (the mayor of London, police and
//! crime commissioners, combined-authority mayors) \[S, some U\]. A general election holds every
//! authority and is not in this calendar (`everyone` rows of rules.toml).
use crate::model::source::Tag;
use crate::pathway::shapes::{PollAuthority, PollsFile};
use std::sync::OnceLock;

/// The embedded calendar of polls.
pub fn polls_data() -> &'static PollsFile {
    static DATA: OnceLock<PollsFile> = OnceLock::new();
    DATA.get_or_init(|| baked!("pathway/polls"))
}

/// One poll an authority has in May of a year, with the source and tag it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Poll {
    /// The poll in words, such as "county council elections".
    pub what: &'static str,
    /// Source URL.
    pub source: &'static str,
    /// The weakest tag of the facts it rests on (the cycle, the authority's place in it, changes).
    pub tag: Tag,
}

/// The authority with this ONS code in the calendar.
pub fn authority(ons: &str) -> Option<&'static PollAuthority> {
    polls_data().authority.iter().find(|a| a.ons == ons)
}

/// The polls in May of `year` for the authority with ONS code `ons`, council poll first; empty
/// when it has none (or did not exist that year). `None` when the calendar does not know the
/// authority or the year.
pub fn polls_in(ons: &str, year: i32) -> Option<Vec<Poll>> {
    let data = polls_data();
    if year < data.first_year || year > data.last_year {
        return None;
    }
    let a = authority(ons)?;
    let mut out = Vec::new();
    if (a.first != 0 && year < a.first) || (a.last != 0 && year > a.last) {
        return Some(out);
    }
    if let Some(c) = data.cycle.iter().find(|c| c.id == a.cycle) {
        let mut has = c.years.contains(&year);
        let mut tag = c.tag.max(a.tag);
        let mut source: &'static str = &c.source;
        for ch in data.change.iter().filter(|ch| ch.members.iter().any(|m| m == ons)) {
            if ch.skip.contains(&year) {
                has = false;
            }
            if ch.add.contains(&year) {
                has = true;
                tag = tag.max(ch.tag);
                source = &ch.source;
            }
        }
        if has {
            out.push(Poll {
                what: &c.poll,
                source,
                tag,
            });
        }
    }
    for p in data.area.iter().filter(|p| p.years.contains(&year)) {
        let covered = match &p.members {
            Some(m) => m.iter().any(|m| m == ons),
            None => !p.outside.iter().any(|m| m == ons),
        };
        if covered {
            out.push(Poll {
                what: &p.poll,
                source: &p.source,
                tag: p.tag,
            });
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn held(name: &str, year: i32) -> bool {
        let a = polls_data()
            .authority
            .iter()
            .find(|a| a.name == name)
            .unwrap_or_else(|| panic!("{name} not in polls.toml"));
        !polls_in(&a.ons, year).expect("in the calendar").is_empty()
    }

    /// The ONS codes of the record's lookup (`la_code_new`).
    fn lookup_codes() -> BTreeSet<String> {
        let csv = include_str!("../../data/ofsted-ilacs/la_lookup.csv");
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().expect("a header").split(',').collect();
        let col = header
            .iter()
            .position(|h| *h == "la_code_new")
            .expect("la_code_new column");
        // The lookup's quoted fields hold commas; the codes sit before the first quote.
        lines
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.split(',').nth(col).expect("a code").to_string())
            .collect()
    }

    #[test]
    fn every_authority_of_the_record_is_in_the_calendar_once_with_a_known_cycle() {
        let codes = lookup_codes();
        assert!(codes.len() >= 153, "{}", codes.len());
        let data = polls_data();
        let listed: BTreeSet<String> = data.authority.iter().map(|a| a.ons.to_string()).collect();
        assert_eq!(listed.len(), data.authority.len(), "an authority is listed twice");
        for c in &codes {
            assert!(listed.contains(c), "{c} from la_lookup.csv has no row in polls.toml");
        }
        for a in data.authority.iter() {
            assert!(
                data.cycle.iter().any(|c| c.id == a.cycle),
                "{}: cycle {}",
                a.name,
                a.cycle
            );
            assert!(
                codes.contains(a.ons.as_ref()),
                "{} ({}) is not in la_lookup.csv",
                a.name,
                a.ons
            );
        }
        for ons in data
            .area
            .iter()
            .flat_map(|p| p.members.iter().flat_map(|m| m.iter()).chain(p.outside.iter()))
            .chain(data.change.iter().flat_map(|c| c.members.iter()))
        {
            assert!(
                authority(ons).is_some(),
                "{ons} in an area or change is not an authority"
            );
        }
    }

    #[test]
    fn every_row_has_a_source_and_a_tag_and_years_within_2018_to_2030() {
        let data = polls_data();
        assert_eq!((data.first_year, data.last_year), (2018, 2030));
        let ok_year = |y: &i32| (2018..=2030).contains(y);
        let ok_source = |s: &str| s.starts_with("https://");
        for c in data.cycle.iter() {
            assert!(ok_source(&c.source) && c.years.iter().all(ok_year), "cycle {}", c.id);
            assert!(
                !c.years.contains(&2020),
                "cycle {}: no English poll was held in May 2020",
                c.id
            );
        }
        for a in data.authority.iter() {
            assert!(ok_source(&a.source), "{}", a.name);
            assert!(a.first == 0 || ok_year(&a.first), "{}", a.name);
            assert!(a.last == 0 || ok_year(&a.last), "{}", a.name);
        }
        for p in data.area.iter() {
            assert!(ok_source(&p.source) && p.years.iter().all(ok_year), "area {}", p.id);
            assert!(
                p.members.is_some() == p.outside.is_empty(),
                "area {}: members or outside",
                p.id
            );
        }
        for c in data.change.iter() {
            let years = c.skip.iter().chain(c.add.iter());
            assert!(ok_source(&c.source) && years.clone().all(ok_year), "change {}", c.id);
        }
        // Tags are checked by serde (only V, D, S, U, R read); unsure rows say so.
        assert!(data.authority.iter().any(|a| a.tag == Tag::U));
    }

    #[test]
    fn the_record_s_reports_inside_a_may_window_came_from_authorities_without_a_poll() {
        // Gov.uk "Ofsted reports during local elections" and the grade history (recheck
        // 2026-12-07, finding 3).
        for (name, year) in [
            ("North Lincolnshire", 2026),
            ("York", 2025),
            ("Camden", 2025),
            ("Blackburn with Darwen", 2025),
            ("Central Bedfordshire", 2025),
            ("Birmingham", 2023),
            ("Brent", 2023),
            ("Haringey", 2023),
        ] {
            assert!(
                !held(name, year),
                "{name} has a poll in {year} but its report came out in the window"
            );
        }
        // The same authorities vote in other years.
        for (name, year) in [
            ("North Lincolnshire", 2027),
            ("York", 2027),
            ("Camden", 2026),
            ("Blackburn with Darwen", 2026),
            ("Birmingham", 2026),
            ("Essex", 2026),
            // By thirds, fallow in 2025, but its elected mayor was chosen that May.
            ("North Tyneside", 2025),
        ] {
            assert!(held(name, year), "{name} in {year}");
        }
    }

    #[test]
    fn in_may_2024_every_authority_that_existed_had_a_poll() {
        for a in polls_data().authority.iter() {
            let gone = a.last != 0 && a.last < 2024;
            assert_eq!(
                polls_in(&a.ons, 2024).map(|p| p.is_empty()),
                Some(gone),
                "{} in 2024",
                a.name
            );
        }
    }

    #[test]
    fn a_postponed_poll_moves_and_a_county_votes_in_2029() {
        // Essex's 2025 election was postponed to 2026.
        assert!(!held("Essex", 2025));
        assert!(held("Essex", 2026));
        let kent = polls_in("E10000016", 2029).unwrap();
        assert_eq!(kent[0].what, "county council elections");
        assert!(polls_in("E10000016", 2031).is_none(), "outside the calendar");
        assert!(polls_in("E99999999", 2027).is_none(), "not an authority");
        // No poll anywhere in May 2020 (postponed to 2021).
        assert!(polls_data()
            .authority
            .iter()
            .all(|a| polls_in(&a.ons, 2020) == Some(vec![])));
    }
}
