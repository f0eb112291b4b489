//! Invariant checks shared by the fuzz targets. Every check panics (so libFuzzer records a crash)
//! with a message naming the broken invariant.

use copydesk::clean::Cleaned;
use copydesk::segment::Token;
use copydesk::{Article, Span};

/// The fuzz input as text: arbitrary bytes, invalid UTF-8 replaced by U+FFFD.
pub fn text_of(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// `start..end` is a non-inverted span of `text`, both ends on char boundaries.
#[track_caller]
pub fn check_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(start <= end, "{what}: inverted span {start}..{end}");
    assert!(end <= text.len(), "{what}: span {start}..{end} past the end ({})", text.len());
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} not on char boundaries"
    );
}

/// Spans are in bounds, non-empty, sorted and non-overlapping.
#[track_caller]
pub fn check_sorted_spans(text: &str, spans: &[Span], what: &str) {
    let mut prev_end = 0;
    for (i, s) in spans.iter().enumerate() {
        check_span(text, s.start, s.end, what);
        assert!(s.start < s.end, "{what}[{i}]: empty span {}..{}", s.start, s.end);
        assert!(s.start >= prev_end, "{what}[{i}]: {}..{} overlaps or precedes the one before (ends {prev_end})", s.start, s.end);
        prev_end = s.end;
    }
}

/// What the tokenizer treats as a separator (segment.rs, `is_separator`): never inside a token,
/// and the only thing between tokens.
pub fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// Tokens: sorted, non-empty, non-overlapping, on char boundaries, without separators inside,
/// and only separators between them (every other character is in exactly one token).
#[track_caller]
pub fn check_tokens(text: &str, tokens: &[Token]) {
    let spans: Vec<Span> = tokens.iter().map(|t| Span { start: t.start, end: t.end }).collect();
    check_sorted_spans(text, &spans, "token");
    let mut prev_end = 0;
    for t in tokens {
        let gap = &text[prev_end..t.start];
        assert!(gap.chars().all(is_separator), "non-separator between tokens at {prev_end}..{}: {gap:?}", t.start);
        let word = &text[t.start..t.end];
        assert!(!word.chars().any(is_separator), "separator inside token {}..{}: {word:?}", t.start, t.end);
        prev_end = t.end;
    }
    let tail = &text[prev_end..];
    assert!(tail.chars().all(is_separator), "non-separator after the last token: {tail:?}");
}

/// Sentences: sorted, non-overlapping, each inside one paragraph, starting at a token start and
/// ending at a token end; every token that lies wholly inside a paragraph is in exactly one
/// sentence, and no other token is in any.
#[track_caller]
pub fn check_sentences(text: &str, tokens: &[Token], sentences: &[Span], paragraphs: &[Span]) {
    check_sorted_spans(text, sentences, "sentence");
    let starts: Vec<usize> = tokens.iter().map(|t| t.start).collect();
    for (i, s) in sentences.iter().enumerate() {
        let p = paragraphs.partition_point(|p| p.end < s.end);
        assert!(
            paragraphs.get(p).is_some_and(|p| p.start <= s.start && s.end <= p.end),
            "sentence[{i}] {}..{} not inside one paragraph",
            s.start,
            s.end
        );
        let k = starts.binary_search(&s.start).unwrap_or_else(|_| panic!("sentence[{i}] does not start at a token"));
        let last = tokens.partition_point(|t| t.end <= s.end);
        assert!(last > k && tokens[last - 1].end == s.end, "sentence[{i}] {}..{} does not end at a token", s.start, s.end);
    }
    // Coverage: tokens inside paragraphs == tokens inside sentences.
    let inside = |spans: &[Span], t: &Token| {
        let j = spans.partition_point(|s| s.end < t.end);
        spans.get(j).is_some_and(|s| s.start <= t.start && t.end <= s.end)
    };
    for t in tokens {
        assert_eq!(
            inside(paragraphs, t),
            inside(sentences, t),
            "token {}..{} {:?}: in a paragraph xor in a sentence",
            t.start,
            t.end,
            &text[t.start..t.end]
        );
    }
}

/// A cleaning result against its input.
#[track_caller]
pub fn check_cleaned(input: &str, c: &Cleaned) {
    let text = c.text.as_str();
    check_sorted_spans(text, &c.paragraphs, "paragraph");
    assert_eq!(c.map.out_len(), text.len(), "source map covers {} bytes of a {}-byte text", c.map.out_len(), text.len());
    // The map: contiguous on the output side, non-decreasing and in bounds on the input side,
    // copies verbatim.
    let mut out_at = 0;
    let mut in_at = 0;
    for p in c.map.pieces() {
        assert_eq!(p.out_start, out_at, "map piece out of order: {p:?}");
        assert!(p.out_start < p.out_end, "empty map piece {p:?}");
        assert!(p.in_start >= in_at && p.in_start <= p.in_end && p.in_end <= input.len(), "map piece {p:?} out of order/bounds");
        check_span(text, p.out_start, p.out_end, "map piece (output)");
        check_span(input, p.in_start, p.in_end, "map piece (input)");
        if p.copy {
            assert_eq!(&text[p.out_start..p.out_end], &input[p.in_start..p.in_end], "copy piece {p:?} differs");
        }
        out_at = p.out_end;
        in_at = p.in_end;
    }
    // Removed pieces: exact slices of the input, sorted and non-overlapping.
    let mut prev_end = 0;
    for (i, r) in c.removed.iter().enumerate() {
        check_span(input, r.start, r.end, "removed");
        assert_eq!(&input[r.start..r.end], r.text, "removed[{i}] is not &input[start..end]");
        assert!(r.start >= prev_end, "removed[{i}] {}..{} overlaps the one before", r.start, r.end);
        prev_end = r.end;
    }
    // Every paragraph maps into the input, in order, and never onto a removed piece.
    let mut prev_end = 0;
    for (i, p) in c.paragraphs.iter().enumerate() {
        let (s, e) = c.map.source_span(p.start, p.end);
        check_span(input, s, e, "paragraph source span");
        assert!(s >= prev_end, "paragraph[{i}] source span {s}..{e} before the previous one's end {prev_end}");
        prev_end = e;
        // Removed pieces are sorted and disjoint: only the first ending after `s` can overlap.
        let j = c.removed.partition_point(|r| r.end <= s);
        if let Some(r) = c.removed.get(j) {
            assert!(r.start >= e || r.start == r.end, "paragraph[{i}] source span {s}..{e} overlaps removed {}..{}", r.start, r.end);
        }
    }
}

/// The body of a real cleaning (not `keep_as_is`): paragraphs joined by one blank line, no
/// leading/trailing/double spaces, and cleaning it again changes nothing.
#[track_caller]
pub fn check_clean_body(c: &Cleaned) {
    let text = c.text.as_str();
    let mut at = 0;
    for (i, p) in c.paragraphs.iter().enumerate() {
        let sep = if i == 0 { "" } else { copydesk::clean::PARAGRAPH_BREAK };
        assert_eq!(&text[at..p.start], sep, "paragraph[{i}] not separated by exactly one blank line");
        at = p.end;
    }
    assert_eq!(at, text.len(), "text goes on after the last paragraph");
    for line in text.split('\n') {
        assert!(!line.starts_with(' ') && !line.ends_with(' ') && !line.contains("  "), "unnormalised line {line:?}");
    }
    let again = copydesk::clean::clean(text);
    assert_eq!(again.text, c.text, "cleaning is not idempotent");
    assert!(again.removed.is_empty(), "cleaning the cleaned text removed {:?}", again.removed);
    assert_eq!(again.paragraphs, c.paragraphs, "cleaning again changed the paragraphs");
}

/// Everything in an article, given the input it came from.
#[track_caller]
pub fn check_article(input: &str, a: &Article, cleaned: bool) {
    let text = a.text.as_str();
    if !cleaned {
        assert_eq!(text, input, "clean=false changed the text");
        assert!(a.removed.is_empty() && a.title.is_none() && a.site_name.is_none());
    }
    check_sorted_spans(text, &a.paragraphs, "paragraph");
    check_tokens(text, &a.tokens);
    check_sentences(text, &a.tokens, &a.sentences, &a.paragraphs);
    for r in &a.removed {
        check_span(input, r.start, r.end, "removed");
        assert_eq!(&input[r.start..r.end], r.text, "removed piece is not &input[start..end]");
    }
    for (i, p) in a.paragraphs.iter().enumerate() {
        let (s, e) = a.source_span(p.start, p.end).unwrap_or_else(|e| panic!("paragraph[{i}]: {e}"));
        check_span(input, s, e, "paragraph source span");
        if !cleaned {
            assert_eq!((s, e), (p.start, p.end), "clean=false: source span is not the identity");
        }
    }
    for s in &a.sentences {
        let (b, e) = a.source_span(s.start, s.end).expect("sentence source span");
        check_span(input, b, e, "sentence source span");
    }
    assert!(a.source_span(0, text.len() + 1).is_err(), "source_span accepted a span past the end");
    check_mentions(a);
    check_quotes(a);
}

/// Mentions and entities agree with each other and with the text.
#[track_caller]
pub fn check_mentions(a: &Article) {
    let text = a.text.as_str();
    let mut counts = vec![0usize; a.entities.len()];
    for (i, m) in a.mentions.iter().enumerate() {
        check_span(text, m.start, m.end, "mention");
        assert!(m.start < m.end, "mention[{i}] is empty");
        assert_eq!(&text[m.start..m.end], m.text, "mention[{i}].text is not &text[start..end]");
        assert!(m.entity_id < a.entities.len(), "mention[{i}] entity_id {} of {}", m.entity_id, a.entities.len());
        assert!((0.0..=1.0).contains(&m.confidence), "mention[{i}] confidence {}", m.confidence);
        counts[m.entity_id] += 1;
    }
    for (i, e) in a.entities.iter().enumerate() {
        assert_eq!(e.id, i, "entity[{i}] has id {}", e.id);
        assert_eq!(e.mention_count, counts[i], "entity[{i}] {:?}: mention_count vs mentions", e.name);
        assert!(counts[i] > 0, "entity[{i}] {:?} has no mention", e.name);
    }
}

/// Quotes: spans in bounds, `text` is the slice, sorted by start, references valid.
#[track_caller]
pub fn check_quotes(a: &Article) {
    let text = a.text.as_str();
    let mut prev_start = 0;
    for (i, q) in a.quotes.iter().enumerate() {
        check_span(text, q.start, q.end, "quote");
        assert_eq!(&text[q.start..q.end], q.text, "quote[{i}].text is not &text[start..end]");
        assert!(q.start >= prev_start, "quotes not sorted by start at [{i}]");
        prev_start = q.start;
        if let Some(s) = q.speaker_span {
            check_span(text, s.start, s.end, "quote speaker_span");
        }
        if let Some(s) = q.cue_span {
            check_span(text, s.start, s.end, "quote cue_span");
        }
        if let Some(id) = q.speaker_entity_id {
            assert!(id < a.entities.len(), "quote[{i}] speaker_entity_id {id} of {}", a.entities.len());
        }
        assert!(q.confidence.is_finite() && (0.0..=1.0).contains(&q.confidence), "quote[{i}] confidence {}", q.confidence);
    }
}
