//! The base rates baked into the core (`crate/data/base_rates.toml`) are exactly what the tool in
//! `tools/base-rates/` derives from the committed history CSV (`data/ofsted-ilacs/`): if the data
//! or the method drift, this fails; `cargo run -p stocktake-base-rates` regenerates the file.
//! Also the tool's CSV reading and its rules for which rows count.
#![cfg(not(target_arch = "wasm32"))]
use stocktake::model::grade::Grade;
use stocktake::pathway::base_rates::base_rates;
use stocktake_base_rates::{
    compute, generate, graded_inspections, pairs, post_pause_pairs, repo_root, rows, to_toml, Row, Transition, CSV,
    CSV_NAME, OUTPUT,
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
    let text = std::fs::read_to_string(repo_root().join(CSV)).unwrap();
    let derived = compute(&rows(&text).unwrap(), CSV_NAME);
    assert_eq!(base_rates(), &derived);
    // And it is not empty: the figures the pathway page shows come from real pairs.
    assert!(derived.inspections >= 250, "{}", derived.inspections);
    assert!(derived.pairs >= 15, "{}", derived.pairs);
    assert_eq!(to_toml(&derived), generated);
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
    let toml = to_toml(&b);
    assert!(
        toml.contains("from = \"good\"\nto = \"outstanding\"\ncount = 1\n"),
        "{toml}"
    );
    assert!(toml.contains("pairs = 3\n"), "{toml}");
}
