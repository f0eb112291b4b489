//! Statistical named-entity tagger: PER, LOC, ORG and MISC spans (the CoNLL-2003 classes).
//!
//! A linear sequence model over BIO tags: an averaged structured perceptron trained on CoNLL-2003
//! (`src/bin/train_ner.rs`), decoded with constrained Viterbi, over hashed features of the word,
//! its ±2 window, the case of its sentence, gazetteers and how the same word is written elsewhere
//! in the document ([`features`]). The trained weights ship inside the library
//! (`models/ner.bin`, see [`model`] for the format) and are parsed once per process on first use.
//!
//! Everything is deterministic: fixed hashing, integer scores, ties broken by tag order.
//!
//! ```
//! use copydesk::ner;
//! let text = "Angela Merkel met executives of Siemens in Berlin on Tuesday.";
//! let tokens = copydesk::segment::tokenize(text);
//! let sentences = [copydesk::Span { start: 0, end: text.len() }];
//! for (span, label, confidence) in ner::tag(text, &tokens, &sentences) {
//!     assert!(confidence > 0.0 && confidence <= 1.0);
//!     println!("{} {:?}", &text[span.start..span.end], label);
//! }
//! ```

pub mod features;
pub mod gazetteer;
mod memo;
pub mod model;
pub mod train;

use std::sync::LazyLock;

use crate::Span;
use crate::entities::Label;
use crate::segment::Token;
use features::DocRef;
use model::Model;

/// The CoNLL-2003 entity classes the tagger predicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CoarseLabel {
    /// People.
    Per,
    /// Places.
    Loc,
    /// Organisations.
    Org,
    /// Everything else: nationalities, events, works, products.
    Misc,
}

impl CoarseLabel {
    /// The label of entity type `k` of [`model::TYPES`].
    pub fn from_index(k: usize) -> Option<CoarseLabel> {
        [CoarseLabel::Per, CoarseLabel::Loc, CoarseLabel::Org, CoarseLabel::Misc].get(k).copied()
    }

    /// The CoNLL name (`PER`, `LOC`, `ORG`, `MISC`).
    pub fn as_str(self) -> &'static str {
        match self {
            CoarseLabel::Per => "PER",
            CoarseLabel::Loc => "LOC",
            CoarseLabel::Org => "ORG",
            CoarseLabel::Misc => "MISC",
        }
    }
}

static MODEL_BYTES: &[u8] = include_bytes!("../../models/ner.bin");

static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| Model::from_bytes(MODEL_BYTES).ok());

/// The model compiled into the library, or `None` if it is missing or unreadable.
pub fn model() -> Option<&'static Model> {
    MODEL.as_ref()
}

/// Tags a document given as words and sentences (word ranges `start..end`, in order, covering
/// every word): returns entities as `(first word, end word, label, confidence)`.
///
/// What the tagger computes per distinct word (its analysis, and the summed weights of its
/// features) is kept by the thread from one call to the next, about 6 MB at most
/// (`Model::decode_cached`): the result is the same, tagging a stream of documents is faster.
pub fn tag_words(words: &[&str], sentences: &[(usize, usize)]) -> Vec<(usize, usize, CoarseLabel, f32)> {
    let Some(m) = model() else { return Vec::new() };
    entities(&m.decode_cached(DocRef { words, sentences }))
}

/// [`tag_words`] with a given model.
pub fn tag_words_with(
    m: &Model,
    words: &[&str],
    sentences: &[(usize, usize)],
) -> Vec<(usize, usize, CoarseLabel, f32)> {
    entities(&m.decode(DocRef { words, sentences }))
}

/// The entities of a decoded document, as [`tag_words`] returns them.
fn entities(dec: &model::Decoded) -> Vec<(usize, usize, CoarseLabel, f32)> {
    model::spans(&dec.tags)
        .into_iter()
        .filter_map(|(s, e, k)| {
            let conf = dec.probs[s..e].iter().copied().fold(1.0f32, f32::min).clamp(0.0, 1.0);
            Some((s, e, CoarseLabel::from_index(k)?, conf))
        })
        .collect()
}

/// The label of an entity with words `words` and CoNLL class `coarse`: a LOC that is a country,
/// city or state (or a country code such as `U.S.`) is GPE, other places stay LOC; a MISC that is
/// a nationality or its plural (`German`, `Germans`) is NORP.
pub fn fine_label(words: &[&str], coarse: CoarseLabel) -> Label {
    let phrase = || words.iter().map(|w| w.to_lowercase()).collect::<Vec<_>>().join(" ");
    match coarse {
        CoarseLabel::Per => Label::Person,
        CoarseLabel::Org => Label::Org,
        CoarseLabel::Loc => {
            let p = phrase();
            let gpe =
                [gazetteer::COUNTRY, gazetteer::CITY, gazetteer::STATE].iter().any(|&l| gazetteer::contains(l, &p))
                    || (words.len() == 1 && gazetteer::is_country_code(words[0]));
            if gpe { Label::Gpe } else { Label::Loc }
        }
        CoarseLabel::Misc => {
            let p = phrase();
            let stem = p.strip_suffix('s').unwrap_or(&p);
            if gazetteer::contains(gazetteer::DEMONYM, &p) || gazetteer::contains(gazetteer::DEMONYM, stem) {
                Label::Norp
            } else {
                Label::Misc
            }
        }
    }
}

/// [`sentence_ranges`], also split wherever a line break separates two tokens: a line is never
/// part of a longer sentence for the tagger (headlines, datelines, bylines, list items).
fn line_sentence_ranges(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (s, e) in sentence_ranges(tokens, sentences) {
        let mut start = s;
        for i in s + 1..e {
            if text[tokens[i - 1].end..tokens[i].start].contains('\n') {
                out.push((start, i));
                start = i;
            }
        }
        out.push((start, e));
    }
    out
}

/// Groups tokens into sentences: the tokens inside each sentence span, and runs of tokens outside
/// every sentence as sentences of their own.
fn sentence_ranges(tokens: &[Token], sentences: &[Span]) -> Vec<(usize, usize)> {
    let n = tokens.len();
    let mut out = Vec::with_capacity(sentences.len() + 1);
    let (mut i, mut k) = (0, 0);
    while i < n {
        while k < sentences.len() && sentences[k].end <= tokens[i].start {
            k += 1;
        }
        let s = i;
        if k < sentences.len() && sentences[k].start <= tokens[i].start {
            while i < n && tokens[i].end <= sentences[k].end {
                i += 1;
            }
            if i == s {
                i += 1; // a token straddling the sentence end
            }
            k += 1;
        } else {
            let next = sentences.get(k).map_or(usize::MAX, |x| x.start);
            while i < n && tokens[i].start < next {
                i += 1;
            }
        }
        out.push((s, i));
    }
    out
}

/// Finds the PER, LOC, ORG and MISC entities of `text`, given its tokens and sentences (from
/// [`crate::segment`]). Returns each entity's byte span, label and a confidence in 0..1, in text
/// order. The whole text is one document: the tagger uses how words are written elsewhere in it.
/// A line break always ends a sentence for the tagger.
pub fn tag(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<(Span, CoarseLabel, f32)> {
    let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
    let ranges = line_sentence_ranges(text, tokens, sentences);
    tag_words(&words, &ranges)
        .into_iter()
        .map(|(s, e, label, conf)| (Span { start: tokens[s].start, end: tokens[e - 1].end }, label, conf))
        .collect()
}

/// [`tag`] with the project's labels (PERSON, ORG, GPE, LOC, NORP, MISC; see [`fine_label`]).
pub fn tag_fine(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<(Span, Label, f32)> {
    let words: Vec<&str> = tokens.iter().map(|t| &text[t.start..t.end]).collect();
    let ranges = line_sentence_ranges(text, tokens, sentences);
    tag_words(&words, &ranges)
        .into_iter()
        .map(|(s, e, label, conf)| {
            (Span { start: tokens[s].start, end: tokens[e - 1].end }, fine_label(&words[s..e], label), conf)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::TokenKind;

    #[test]
    fn fine_labels() {
        assert_eq!(fine_label(&["Germany"], CoarseLabel::Loc), Label::Gpe);
        assert_eq!(fine_label(&["New", "York"], CoarseLabel::Loc), Label::Gpe);
        assert_eq!(fine_label(&["U.S."], CoarseLabel::Loc), Label::Gpe);
        assert_eq!(fine_label(&["Europe"], CoarseLabel::Loc), Label::Loc);
        assert_eq!(fine_label(&["Germans"], CoarseLabel::Misc), Label::Norp);
        assert_eq!(fine_label(&["Iranian"], CoarseLabel::Misc), Label::Norp);
        assert_eq!(fine_label(&["World", "Cup"], CoarseLabel::Misc), Label::Misc);
        assert_eq!(fine_label(&["Reuters"], CoarseLabel::Org), Label::Org);
        assert_eq!(fine_label(&["Smith"], CoarseLabel::Per), Label::Person);
    }

    fn toks(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    out.push(Token { start: s, end: i, kind: TokenKind::Word });
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn sentence_ranges_cover_all_tokens() {
        let text = "a b . c d . e";
        let t = toks(text);
        let sents = [Span { start: 0, end: 5 }, Span { start: 6, end: 11 }];
        assert_eq!(sentence_ranges(&t, &sents), vec![(0, 3), (3, 6), (6, 7)]);
        assert_eq!(sentence_ranges(&t, &[]), vec![(0, 7)]);
        assert_eq!(sentence_ranges(&t, &[Span { start: 6, end: 11 }]), vec![(0, 3), (3, 6), (6, 7)]);
        assert_eq!(sentence_ranges(&[], &sents), vec![]);
        let text = "a b\nc d . e";
        let t = toks(text);
        assert_eq!(line_sentence_ranges(text, &t, &[Span { start: 0, end: text.len() }]), vec![(0, 2), (2, 6)]);
    }

    #[test]
    fn shipped_model_loads_and_tags_deterministically() {
        let text = "Peter Blackburn said the European Commission would meet in Brussels on Monday .\n\
                    German officials disagreed .";
        let t = toks(text);
        let sents = [Span { start: 0, end: 80 }, Span { start: 81, end: text.len() }];
        let a = tag(text, &t, &sents);
        let b = tag(text, &t, &sents);
        assert_eq!(a, b);
        if model().is_some() {
            let got: Vec<(&str, &str)> = a.iter().map(|(s, l, _)| (&text[s.start..s.end], l.as_str())).collect();
            assert!(got.contains(&("Peter Blackburn", "PER")), "{got:?}");
            assert!(got.contains(&("Brussels", "LOC")), "{got:?}");
            for (_, _, c) in &a {
                assert!((0.0..=1.0).contains(c));
            }
        }
    }
}
