//! Cleaning: `clean` and `keep_as_is` against their invariants, and idempotence.
#![no_main]

use copydesk::clean::{clean, keep_as_is};
use copydesk_fuzz::{check_clean_body, check_cleaned, text_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = text_of(data);
    let c = clean(&input);
    check_cleaned(&input, &c);
    check_clean_body(&c);

    let k = keep_as_is(&input);
    check_cleaned(&input, &k);
    assert_eq!(k.text, *input, "keep_as_is changed the text");
    assert!(k.removed.is_empty() && k.title.is_none() && k.site_name.is_none());
    for p in &k.paragraphs {
        assert!(!k.text[p.start..p.end].trim().is_empty(), "keep_as_is: blank paragraph {p:?}");
    }
});
