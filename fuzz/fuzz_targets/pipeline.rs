//! The whole pipeline: `analyze` with cleaning on and off, every invariant of `Article`.
#![no_main]

use copydesk::{Options, analyze_with};
use copydesk_fuzz::{check_article, text_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = text_of(data);
    for clean in [true, false] {
        let a = analyze_with(&input, &Options::with_clean(clean));
        check_article(&input, &a, clean);
    }
});
