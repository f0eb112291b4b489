//! HTML input: `analyze` with format Html on arbitrary bytes, every invariant of `Article`, and the
//! map back into the HTML (every copied piece of the body is a verbatim slice of the page).
#![no_main]

use copydesk::{Format, Options, analyze_with};
use copydesk_fuzz::{check_article, text_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = text_of(data);
    let a = analyze_with(&input, &Options::with_clean(true).format(Format::Html));
    check_article(&input, &a, true);
    for p in a.source_map.pieces() {
        assert!(p.in_start <= p.in_end && p.in_end <= input.len(), "piece {p:?} outside the page");
        if p.copy {
            assert_eq!(&a.text[p.out_start..p.out_end], &input[p.in_start..p.in_end], "copied piece differs");
        }
    }
});
