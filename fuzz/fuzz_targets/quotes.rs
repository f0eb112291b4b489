//! Quote-mark pairing and attribution: the whole `quotes::find_quotes` stage, reached through
//! `analyze_with(text, clean=false)` while the quotes module API is in flux.
#![no_main]

use copydesk::{Options, analyze_with};
use copydesk_fuzz::{check_mentions, check_quotes, check_sentences, check_tokens, text_of};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = text_of(data);
    let a = analyze_with(&input, &Options::with_clean(false));
    assert_eq!(a.text, *input);
    check_tokens(&a.text, &a.tokens);
    check_sentences(&a.text, &a.tokens, &a.sentences, &a.paragraphs);
    check_mentions(&a);
    check_quotes(&a);
});
