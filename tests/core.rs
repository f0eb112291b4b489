//! Integration tests against the public Rust API only.

use copydesk::{Options, analyze, analyze_with, batch};
use proptest::prelude::*;

const PAGE: &str = "Example News\n\nTalks resume in the capital after a pause\n\n\
The minister said on Monday that the talks would resume next week in the capital.\n\n\
Officials from both sides have met three times this year without reaching an agreement.\n\n\
Related Articles\n\nLeave a Reply\n\nBack to top button";

#[test]
fn pipeline_cleans_and_segments() {
    let a = analyze(PAGE);
    assert_eq!(a.title.as_deref(), Some("Talks resume in the capital after a pause"));
    assert_eq!(a.site_name.as_deref(), Some("Example News"));
    assert_eq!(a.paragraphs.len(), 2);
    assert_eq!(a.sentences.len(), 2);
    let reasons: Vec<&str> = a.removed.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(reasons, ["site_name", "title", "related", "comments", "back_to_top"]);
}

#[test]
fn source_span_of_every_paragraph_points_at_the_same_words() {
    let a = analyze(PAGE);
    for p in &a.paragraphs {
        let (s, e) = a.source_span(p.start, p.end).unwrap();
        assert_eq!(&PAGE[s..e], &a.text[p.start..p.end]);
    }
}

#[test]
fn batch_keeps_order_and_equals_single_calls() {
    let texts: Vec<String> = (0..50).map(|i| format!("{PAGE}\n\nNote {i}.")).collect();
    let single: Vec<_> = texts.iter().map(|t| analyze(t)).collect();
    assert_eq!(batch::analyze_batch(&texts, &Options::default()), single);
}

/// Text built from the pieces scraped pages are made of.
fn page_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<String>(),
        Just("\n".to_string()),
        Just("\r\n\r\n".to_string()),
        Just("\u{a0}\u{200b}\u{ad}\u{feff}".to_string()),
        Just("The minister said on Monday that the talks would resume next week. ".to_string()),
        Just("Related Articles\n".to_string()),
        Just("“Quoted,” he said. ".to_string()),
        Just("Home\nNews\nSports\n".to_string()),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_are_well_formed_on_any_input(text in page_like(), clean in any::<bool>()) {
        let a = analyze_with(&text, &Options::with_clean(clean));
        for s in a.paragraphs.iter().chain(&a.sentences) {
            prop_assert!(s.start <= s.end && s.end <= a.text.len());
            prop_assert!(a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end));
        }
        for t in &a.tokens {
            prop_assert!(a.text.get(t.start..t.end).is_some_and(|s| !s.is_empty()));
        }
        for r in &a.removed {
            prop_assert_eq!(&text[r.start..r.end], r.text.as_str());
        }
        let (s, e) = a.source_span(0, a.text.len()).unwrap();
        prop_assert!(s <= e && e <= text.len());
    }

    #[test]
    fn cleaning_is_idempotent(text in page_like()) {
        let once = analyze(&text);
        let twice = analyze(&once.text);
        prop_assert_eq!(&twice.text, &once.text);
        prop_assert!(twice.removed.is_empty());
    }
}
