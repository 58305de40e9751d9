//! The base rates baked into the core (`crate/data/base_rates.toml`) are exactly what the tool in
//! `tools/base-rates/` derives from the committed history CSV (`data/ofsted-ilacs/`): if the data
//! or the method drift, this fails; `cargo run -p stocktake-base-rates` regenerates the file.
//! Also the tool's CSV reading, its corrections, and its rules for which rows count (the April
//! 2026 framework's inspections, with no overall grade, count in the months, not the grades).
#![cfg(not(target_arch = "wasm32"))]
use stocktake::model::grade::Grade;
use stocktake::pathway::base_rates::base_rates;
use stocktake_base_rates::{
    apply_corrections, compute, corrected_rows, corrections, generate, graded_inspections, pairs, post_pause_pairs,
    repo_root, rows, to_toml, LeftOut, Row, Transition, CSV, CSV_NAME, OUTPUT,
};

#[test]
fn committed_base_rates_match_the_csv() {
    let generated = generate().expect("the committed CSV is readable");
    let committed = std::fs::read_to_string(repo_root().join(OUTPUT)).unwrap();
    assert!(
        committed == generated,
        "{OUTPUT} differs from what {CSV} derives: run `cargo run -p stocktake-base-rates` and review the diff"
    );
    // The embedded copy is the committed file.
    let (rows, corrected) = corrected_rows().unwrap();
    let derived = compute(&rows, CSV_NAME);
    assert_eq!(base_rates(), &derived);
    // And it is not empty: the figures the pathway page shows come from real pairs, on the record
    // the page ships (to July 2026).
    assert_eq!(CSV_NAME, "ofsted_csc_ilacs_history_to_2026-07.csv");
    assert!(derived.inspections >= 300, "{}", derived.inspections);
    assert!(derived.pairs >= 60, "{}", derived.pairs);
    assert!(derived.record_to.as_str() >= "2026-07-01", "{}", derived.record_to);
    // Every pair is in the months; those whose later inspection has no overall grade (the April
    // 2026 framework) are not in the grades, and are counted.
    let graded: u32 = derived.transitions.iter().map(|t| t.count).sum();
    assert!(derived.ungraded_next > 0);
    assert_eq!(graded + derived.ungraded_next, derived.pairs);
    assert_eq!(derived.intervals.iter().map(|i| i.n).sum::<u32>(), derived.pairs);
    // Nothing is dropped silently: the reports with grades but no dates are counted and named.
    let left = LeftOut::of(&rows, corrected);
    assert_eq!(left.undated.len() as u32, derived.undated);
    assert!(derived.undated > 0);
    for u in left.undated.iter() {
        assert!(generated.contains(u.as_str()), "{u} is not named in {OUTPUT}");
    }
    assert_eq!(to_toml(&derived, &left), generated);
}

#[test]
fn corrections_replace_cells_as_the_page_does() {
    let history = "urn,local_authority,inspection_link,publication_date,inspection_framework,inspection_start_date,inspection_end_date,overall_effectiveness_grade\n\
                   1,a,https://x/file/10,01/09/22,,,,inadequate\n\
                   1,a,https://x/file/11,01/09/25,short,01/07/2025,04/07/2025,good\n\
                   2,b,https://x/file/20,16/05/24,,,,good\n\
                   2,b,https://x/file/21,01/08/21,standard,05/07/2021,16/07/2021,requires improvement\n";
    let fixes = "urn,inspection_link,field,value,tag,source,note\n\
                 1,https://x/file/10,inspection_framework,standard,S,s,n\n\
                 1,https://x/file/10,inspection_start_date,04/07/2022,S,s,n\n\
                 1,https://x/file/10,inspection_end_date,22/07/2022,S,s,n\n\
                 2,https://x/file/20,inspection_framework,ilacs,D,s,n\n\
                 2,https://x/file/20,inspection_start_date,,U,s,\"not in our sources\"\n";
    let mut r = rows(history).unwrap();
    let c = corrections(fixes).unwrap();
    assert_eq!(c.len(), 5);
    assert_eq!(c[4].value, "");
    assert_eq!(apply_corrections(&mut r, &c), Ok(5));
    assert_eq!(r[0].inspection_start_date, "04/07/2022");
    assert_eq!(r[2].inspection_start_date, "");
    let b = compute(&r, "test");
    // Authority 1's corrected pair counts; authority 2's 2024 report has no dates: counted, not paired.
    assert_eq!(b.pairs, 1);
    assert_eq!(b.undated, 1);
    assert_eq!(
        b.transitions,
        vec![Transition {
            from: Grade::Inadequate,
            to: Grade::Good,
            count: 1
        }]
    );
    let left = LeftOut::of(&r, 5);
    assert_eq!(
        left.undated,
        vec!["b (URN 2), report published 16/05/24: https://x/file/20".to_string()]
    );
    assert!(to_toml(&b, &left).contains("#   b (URN 2), report published 16/05/24: https://x/file/20\n"));
    // A correction that matches no row, or names a column not read, is an error, never ignored.
    let stale = corrections(
        "urn,inspection_link,field,value,tag,source,note\n3,https://x/file/30,inspection_end_date,01/01/2020,S,s,n\n",
    )
    .unwrap();
    assert!(apply_corrections(&mut r, &stale).is_err());
    let odd =
        corrections("urn,inspection_link,field,value,tag,source,note\n1,https://x/file/11,colour,red,S,s,n\n").unwrap();
    assert!(apply_corrections(&mut r, &odd).is_err());
}

#[test]
fn a_next_inspection_with_no_overall_grade_counts_in_the_months_not_the_grades() {
    // Authority 1: good, then an April 2026 framework inspection (no overall grade). Authority 2:
    // requires improvement then good. Authority 3: a 2026 framework inspection first (pairs after
    // it have no "after" grade: left out and counted).
    let csv = "urn,inspection_framework,inspection_start_date,inspection_end_date,overall_effectiveness_grade\n\
               1,short,05/07/2022,09/07/2022,good\n\
               1,standard,11/05/2026,22/05/2026,not_reported_post_reform\n\
               2,standard,01/11/2021,12/11/2021,requires improvement\n\
               2,short,01/11/2024,04/11/2024,good\n\
               3,standard,08/06/2026,19/06/2026,not_reported_post_reform\n\
               3,short,06/07/2026,10/07/2026,good\n";
    let r = rows(csv).unwrap();
    let b = compute(&r, "test");
    assert_eq!(b.inspections, 6);
    assert_eq!(b.pairs, 2);
    assert_eq!(b.ungraded_next, 1);
    assert_eq!(
        b.transitions,
        vec![Transition {
            from: Grade::RequiresImprovement,
            to: Grade::Good,
            count: 1
        }]
    );
    // Good has an interval (9 July 2022 to 11 May 2026) though no next grade.
    assert_eq!(b.intervals[0].from, Grade::Good);
    assert_eq!(b.intervals[0].n, 1);
    assert_eq!(b.intervals[0].median, 46.1);
    assert_eq!(b.last_start, "2026-05-11");
    assert_eq!(b.record_to, "2026-07-10");
    let left = LeftOut::of(&r, 0);
    assert_eq!(left.ungraded_previous, 1);
    let toml = to_toml(&b, &left);
    assert!(toml.contains("ungraded_next = 1\n"), "{toml}");
    assert!(toml.contains("has no overall grade, left out: 1."), "{toml}");
    // The graded-only list the calibration reads is unchanged: no 2026 framework rows.
    assert_eq!(graded_inspections(&r).len(), 4);
}

#[test]
fn the_reader_handles_quotes_commas_line_breaks_and_a_bom() {
    let text = "\u{feff}urn,local_authority,inspection_framework,inspection_start_date,inspection_end_date,overall_effectiveness_grade\r\n\
                1,\"Bath, and \"\"North\"\" East\",standard,01/02/2022,09/02/2022,good\n\
                \n\
                2,\"Line\nbreak\", short ,03/03/2025,07/03/2025,requires improvement\n";
    let r = rows(text).unwrap();
    assert_eq!(r.len(), 2);
    assert_eq!(r[0].urn, "1");
    assert_eq!(r[0].local_authority, "Bath, and \"North\" East");
    assert_eq!(r[1].local_authority, "Line\nbreak");
    assert_eq!(r[1].inspection_framework, "short");
    assert_eq!(r[1].overall_effectiveness_grade, "requires improvement");
    // Columns it does not read may be absent; the ones it needs may not.
    assert_eq!(r[0].in_care_grade, "");
    assert!(rows("urn,local_authority\n1,x\n").is_err());
}

#[test]
fn rows_with_sentinels_or_before_ilacs_are_dropped() {
    let csv = "urn,inspection_framework,inspection_start_date,inspection_end_date,overall_effectiveness_grade\n\
               1,standard,01/02/2022,09/02/2022,requires improvement\n\
               1,short,03/03/2025,07/03/2025,good\n\
               1,standard,01/03/2017,09/03/2017,good\n\
               2,standard,01/02/2019,09/02/2019,data_unreadable\n\
               2,standard,,,inadequate\n\
               3,standard,09/02/2022,01/02/2022,good\n";
    let rows: Vec<Row> = rows(csv).unwrap();
    let g = graded_inspections(&rows);
    assert_eq!(g.len(), 2);
    let p = pairs(&g);
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].previous.overall, Grade::RequiresImprovement);
    assert_eq!(p[0].next.overall, Grade::Good);
    let b = compute(&rows, "test");
    assert_eq!(
        b.transitions,
        vec![Transition {
            from: Grade::RequiresImprovement,
            to: Grade::Good,
            count: 1
        }]
    );
    assert_eq!(b.intervals[0].n, 1);
    assert_eq!(b.intervals[0].median, b.intervals[0].max);
    assert_eq!(
        (b.first_start.as_str(), b.last_start.as_str()),
        ("2022-02-01", "2025-03-03")
    );
}

#[test]
fn only_pairs_after_the_pause_count_and_quartiles_interpolate() {
    // Authority 1: a pair across the pause (left out) and one after it. Authority 2: two after.
    let csv = "urn,inspection_framework,inspection_start_date,inspection_end_date,overall_effectiveness_grade\n\
               1,standard,06/01/2020,17/01/2020,good\n\
               1,short,05/07/2021,09/07/2021,good\n\
               1,short,03/07/2023,07/07/2023,outstanding\n\
               2,standard,01/11/2021,12/11/2021,good\n\
               2,short,01/11/2022,04/11/2022,good\n\
               2,short,01/11/2024,04/11/2024,good\n";
    let rows = rows(csv).unwrap();
    let g = graded_inspections(&rows);
    assert_eq!(pairs(&g).len(), 4);
    assert_eq!(post_pause_pairs(&g).len(), 3);
    let b = compute(&rows, "test");
    assert_eq!(b.pairs, 3);
    assert_eq!(b.inspections, 6);
    let good = &b.intervals[0];
    assert_eq!(good.from, Grade::Good);
    assert_eq!(good.n, 3);
    assert!(good.min < good.q1 && good.q1 < good.median && good.median < good.q3 && good.q3 <= good.max);
    // The median of three is the middle one (09/07/2021 to 03/07/2023, 23.8); q1 halfway to the first.
    assert_eq!((good.q1, good.median), (17.7, 23.8));
    // Months from 12/11/2021 to 01/11/2022 is 11.6; from 04/11/2022 to 01/11/2024, 23.9.
    assert_eq!(good.min, 11.6);
    assert_eq!(good.max, 23.9);
    let toml = to_toml(&b, &LeftOut::default());
    assert!(
        toml.contains("from = \"good\"\nto = \"outstanding\"\ncount = 1\n"),
        "{toml}"
    );
    assert!(toml.contains("pairs = 3\n"), "{toml}");
}

#[test]
fn the_next_kind_is_counted_by_the_earlier_inspection_s_grade_pattern() {
    // Authority 1: good with every judgement good, then short. Authority 2: good with help and
    // protection below good, then standard. Authority 3: good with every judgement good, then a
    // standard inspection under the April 2026 framework (no grade: counted in the kinds).
    // Authority 4: requires improvement, then standard.
    let csv = "urn,inspection_framework,inspection_start_date,inspection_end_date,overall_effectiveness_grade,impact_of_leaders_grade,help_and_protection_grade,in_care_grade,care_leavers_grade\n\
               1,standard,05/07/2022,15/07/2022,good,good,good,good,good\n\
               1,short,03/07/2025,07/07/2025,outstanding,outstanding,good,good,good\n\
               2,standard,05/09/2022,15/09/2022,good,good,requires improvement,good,good\n\
               2,standard,03/09/2025,14/09/2025,good,good,good,good,good\n\
               3,short,05/07/2022,09/07/2022,good,outstanding,good,good,outstanding\n\
               3,standard,11/05/2026,22/05/2026,not_reported_post_reform,good,good,good,good\n\
               4,standard,01/11/2021,12/11/2021,requires improvement,requires improvement,good,requires improvement,good\n\
               4,standard,01/11/2024,12/11/2024,good,good,good,good,good\n";
    let b = compute(&rows(csv).unwrap(), "test");
    let k: Vec<_> = b
        .next_kind
        .iter()
        .map(|k| (k.pattern.as_ref(), k.label.as_ref(), k.short, k.standard))
        .collect();
    assert_eq!(
        k,
        vec![
            (
                "good_all_good",
                "good overall with every judgement good or better",
                1,
                1
            ),
            (
                "good_below_help_and_protection",
                "good overall with help and protection below good",
                0,
                1
            ),
            ("requires_improvement", "requires improvement overall", 0, 1),
        ]
    );
    let toml = to_toml(&b, &LeftOut::default());
    assert!(
        toml.contains("[[next_kind]]\npattern = \"good_all_good\"\nlabel = \"good overall with every judgement good or better\"\nshort = 1\nstandard = 1\n"),
        "{toml}"
    );
    // The committed file has the counts the docs table gives (docs/calibration.md).
    let good = base_rates()
        .next_kind
        .iter()
        .find(|k| k.pattern == "good_all_good")
        .unwrap();
    assert_eq!((good.short, good.standard), (23, 2));
}
