//! Segmentation: `tokenize` + `sentences`, over the raw input (paragraphs as `keep_as_is` finds
//! them, and the whole text as one paragraph) and over the cleaned body.
#![no_main]

use copydesk::Span;
use copydesk::clean::{clean, keep_as_is};
use copydesk::segment::{sentences, tokenize};
use copydesk_fuzz::{check_sentences, check_sorted_spans, check_tokens, text_of};
use libfuzzer_sys::fuzz_target;

fn check(text: &str, paragraphs: &[Span]) {
    check_sorted_spans(text, paragraphs, "paragraph");
    let tokens = tokenize(text);
    check_tokens(text, &tokens);
    let sents = sentences(text, &tokens, paragraphs);
    check_sentences(text, &tokens, &sents, paragraphs);
    assert_eq!(tokenize(text), tokens, "tokenize is not deterministic");
}

fuzz_target!(|data: &[u8]| {
    let input = text_of(data);
    check(&input, &keep_as_is(&input).paragraphs);
    if !input.is_empty() {
        check(&input, &[Span { start: 0, end: input.len() }]);
    }
    let c = clean(&input);
    check(&c.text, &c.paragraphs);
});
