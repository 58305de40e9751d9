//! Any bytes, opened as a saved file (as raw bytes and as the browser's lossy text), then scored
//! when the file opens. Checks the result is coherent, not just that nothing panics.
#![no_main]
use libfuzzer_sys::fuzz_target;
use stocktake::assessment::{is_fatal, open_bytes, open_text, to_value, Assessment, MAX_PROBLEMS};

fuzz_target!(|data: &[u8]| {
    let lossy = String::from_utf8_lossy(data);
    for o in [open_bytes(data), open_text(&lossy)] {
        assert!(!o.problems.is_empty() || !o.fatal);
        assert!(o.problems.len() <= MAX_PROBLEMS + 1);
        if o.fatal {
            assert!(o.problems.iter().all(is_fatal));
            assert_eq!(o.assessment, Assessment::default());
        } else {
            let scored = stocktake::scoring::score::score(&o.assessment);
            // What opened, saved again, opens to the same thing and scores the same.
            let again = open_text(&to_value(&o.assessment).to_string());
            assert!(again.problems.is_empty(), "{:?}", again.problems);
            assert_eq!(again.assessment, o.assessment);
            assert_eq!(stocktake::scoring::score::score(&again.assessment), scored);
        }
    }
});
