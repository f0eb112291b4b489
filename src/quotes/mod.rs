//! Quotes: direct quotes and reported speech, each with its speaker and cue.
//!
//! The stage runs in four steps, each in its own module:
//! 1. [`marks`] pairs the quotation marks of each paragraph into regions (nesting, unbalanced and
//!    multi-paragraph quotes, `''` marks; apostrophes are never marks).
//! 2. [`direct`] decides which top-level double-quoted regions are speech (scare quotes and
//!    titles are not) and attributes each through a cue from [`cues`] and a speaker from
//!    [`speakers`], trying the layouts `"…," X said` · `"…," said X` · `X said: "…"` · partial
//!    quotes · `"…" X said, adding "…"` · colon introductions · dash attributions · a quote
//!    continuing the previous speaker.
//! 3. [`reported`] finds reported speech without marks: `X said (that) …`, `according to X, …`,
//!    `…, X said.`: kind `indirect`, the reported clause as the span.
//! 4. Speakers resolve to a canonical name: an entity mention's name when the entity stage found
//!    one, a pronoun's antecedent (see [`resolve_pronoun`]), the fullest form of a name used in
//!    the article, or the phrase itself ("Brazilian media outlets").
//!
//! Every search is bounded to a sentence and a window of tokens, so the stage is linear in the
//! length of the article (plus sorting).

use std::borrow::Cow;

use serde::Serialize;

use crate::segment::{Token, TokenKind};
use crate::{Entity, Label, Mention, Span};

mod cues;
mod direct;
mod marks;
mod reported;
mod speakers;

use marks::Region;
use speakers::{NameBook, Speaker, SpeakerKind};

/// Whether a quote is quoted verbatim or reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum QuoteKind {
    /// Words inside quotation marks (whole or partial).
    #[serde(rename = "direct")]
    Direct,
    /// Reported speech without quotation marks.
    #[serde(rename = "indirect")]
    Indirect,
}

impl QuoteKind {
    /// The kind's name as reported to users.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// One quote or reported statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub text: String,
    /// Start byte offset of the quoted words.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// Direct or reported.
    pub kind: QuoteKind,
    /// The speaker's canonical name, or the speaker phrase, when one is found.
    pub speaker: Option<String>,
    /// The mention naming the speaker near the quote (may be a pronoun).
    pub speaker_span: Option<Span>,
    /// The entity the speaker resolves to.
    pub speaker_entity_id: Option<usize>,
    /// The reporting verb or phrase.
    pub cue_span: Option<Span>,
    /// How sure the attribution is, 0..1.
    pub confidence: f32,
    /// The rule that attributed it.
    pub rule: &'static str,
}

/// No region or mention.
pub(crate) const NONE: u32 = u32::MAX;

/// How a quote was attributed: token positions, before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Attrib {
    /// The speaker mention, if one was found.
    pub speaker: Option<Speaker>,
    /// The cue's tokens, `first..=last`.
    pub cue: Option<(usize, usize)>,
    /// The rule that found it.
    pub rule: &'static str,
    /// How sure it is, 0..1.
    pub confidence: f32,
}

/// The article as the quote stage sees it: tokens with their sentence, paragraph, mention and
/// quoted region.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// Sentences as token ranges `first..last`; a line break after a sentence end also splits.
    pub sents: Vec<(usize, usize)>,
    pub sent_of: Vec<u32>,
    /// Paragraphs as token ranges.
    pub paras: Vec<(usize, usize)>,
    pub para_of: Vec<u32>,
    /// The mention each token is in, or [`NONE`].
    pub mention_of: Vec<u32>,
    pub mentions: &'a [Mention],
    pub entities: &'a [Entity],
    /// The segmenter's sentences (byte spans), for the coreference stage.
    pub sentence_spans: &'a [Span],
    /// The top-level double-quoted region each token is inside (marks excluded), or [`NONE`].
    pub region_of: Vec<u32>,
    /// Each token's text with ASCII capitals lowered ([`speakers::lower`]): made once, as the
    /// rules ask for it many times per token.
    pub lower: Vec<Cow<'a, str>>,
}

impl<'a> Doc<'a> {
    fn new(
        text: &'a str,
        toks: &'a [Token],
        sentences: &'a [Span],
        paragraphs: &[Span],
        mentions: &'a [Mention],
        entities: &'a [Entity],
    ) -> Doc<'a> {
        let n = toks.len();
        let mut sents: Vec<(usize, usize)> = Vec::new();
        let mut paras: Vec<(usize, usize)> = Vec::new();
        let (mut sent_of, mut para_of) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let (mut p, mut s) = (0, 0);
        let (mut prev_p, mut prev_s) = (usize::MAX, usize::MAX);
        for (i, t) in toks.iter().enumerate() {
            while p < paragraphs.len() && paragraphs[p].end <= t.start {
                p += 1;
            }
            let pk = if p < paragraphs.len() && paragraphs[p].start <= t.start { p } else { usize::MAX - 1 };
            while s < sentences.len() && sentences[s].end <= t.start {
                s += 1;
            }
            let sk = if s < sentences.len() && sentences[s].start <= t.start { s } else { usize::MAX - 1 };
            let new_para = i == 0 || pk != prev_p || line_break(text, &toks[i - 1], t);
            if new_para {
                if let Some(last) = paras.last_mut() {
                    last.1 = i;
                }
                paras.push((i, n));
            }
            if new_para || sk != prev_s {
                if let Some(last) = sents.last_mut() {
                    last.1 = i;
                }
                sents.push((i, n));
            }
            (prev_p, prev_s) = (pk, sk);
            sent_of.push(u32::try_from(sents.len() - 1).unwrap_or(NONE));
            para_of.push(u32::try_from(paras.len() - 1).unwrap_or(NONE));
        }
        let mut mention_of = vec![NONE; n];
        for (k, m) in mentions.iter().enumerate() {
            let first = toks.partition_point(|t| t.end <= m.start);
            for slot in mention_of.iter_mut().skip(first).take(toks[first..].partition_point(|t| t.start < m.end)) {
                *slot = u32::try_from(k).unwrap_or(NONE);
            }
        }
        let lower = toks
            .iter()
            .map(|t| {
                let w = text.get(t.start..t.end).unwrap_or_default();
                if w.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(w.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(w)
                }
            })
            .collect();
        Doc {
            lower,
            text,
            toks,
            sents,
            sent_of,
            paras,
            para_of,
            mention_of,
            mentions,
            entities,
            sentence_spans: sentences,
            region_of: vec![NONE; n],
        }
    }

    /// The text of token `i`.
    pub(crate) fn word(&self, i: usize) -> &'a str {
        let t = self.toks[i];
        self.text.get(t.start..t.end).unwrap_or_default()
    }

    fn bytes(&self, first: usize, last: usize) -> Span {
        Span { start: self.toks[first].start, end: self.toks[last].end }
    }
}

/// A line break that ends a paragraph even without a blank line: after a sentence end, a colon
/// or a quote mark (hard-wrapped lines inside a sentence do not).
fn line_break(text: &str, prev: &Token, next: &Token) -> bool {
    let gap = text.get(prev.end..next.start).unwrap_or_default();
    if !gap.contains('\n') {
        return false;
    }
    let p = text.get(prev.start..prev.end).unwrap_or_default();
    gap.matches('\n').count() >= 2
        || prev.kind == TokenKind::Quote
        || matches!(p, "." | "!" | "?" | ":" | "…" | "..." | ")")
        || p.ends_with('.')
}

/// Finds the quotes in `text`: direct quotes (kind `Direct`, the words inside the marks) and
/// reported speech (kind `Indirect`, the reported clause), sorted by start.
pub fn find_quotes(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    paragraphs: &[Span],
    mentions: &[Mention],
    entities: &[Entity],
) -> Vec<Quote> {
    if tokens.is_empty() {
        return Vec::new();
    }
    let mut doc = Doc::new(text, tokens, sentences, paragraphs, mentions, entities);
    let regions = marks::pair(&doc);
    for (k, r) in regions.iter().enumerate() {
        if r.depth == 0 && !r.single {
            let id = u32::try_from(k).unwrap_or(NONE);
            doc.region_of[r.first..r.last].iter_mut().for_each(|slot| *slot = id);
        }
    }
    let mut order: Vec<usize> = (0..regions.len()).collect();
    order.sort_by_key(|&k| regions[k].open.unwrap_or(regions[k].first));
    // Reported clauses first: a short quote inside one ("according to an official, the files
    // were marked “Secret”") is part of that statement.
    let mut reported = reported::find(&doc);
    reported.sort_by_key(|r| (r.first, r.last));
    let mut done: Vec<Option<Attrib>> = vec![None; regions.len()];
    let mut last_spoken = None;
    // Partial quotes that belong to a reported clause: not returned on their own.
    let mut absorbed = vec![false; regions.len()];
    for &k in &order {
        let r = &regions[k];
        if r.depth > 0 || r.single {
            continue;
        }
        let mut found = direct::attribute(&doc, &regions, k, last_spoken, &done);
        if let Some(rep) = enclosing(&reported, r) {
            // A partial quote inside a reported clause is that statement's, unless a cue nearer
            // than the clause's own attributes it: a cue further left ("a clip Judge Lee called
            // “vile,” Ruiz voiced a wish to “…”") or nested inside the clause ("Ruiz said the
            // protests demand “more listening”", a description as subject) is not the quote's.
            let open = r.open.unwrap_or(r.first);
            let overridden = |a: &Attrib| match (a.cue, rep.attrib.cue) {
                (Some((c, _)), Some((rc, _))) => {
                    let nominal = a.speaker.is_some_and(|s| s.kind == SpeakerKind::Nominal);
                    c < open && c != rc && (c < rc || nominal && (rep.first..rep.last).contains(&c))
                }
                _ => false,
            };
            if found.is_none_or(|a| a.speaker.is_none() || overridden(&a)) {
                found = Some(Attrib { rule: "inside-reported-clause", confidence: 0.6, ..rep.attrib });
            }
            // Attributed through the clause's own cue, the quote is part of that one statement
            // (the clause, which holds it, is returned); a quote with a cue of its own stays.
            if found.is_some_and(|a| a.cue == rep.attrib.cue) {
                absorbed[k] = true;
            }
        }
        if !absorbed[k] {
            found = found.map(|a| direct::subject_for_cue(&doc, r, a));
        }
        if let Some(a) = found {
            if a.speaker.is_some() {
                last_spoken = Some(k);
            }
            done[k] = Some(a);
        }
    }
    // A quote running over several paragraphs is often attributed only in its last part.
    for &k in order.iter().rev() {
        if let Some(p) = regions[k].prev {
            let later = done[k].filter(|a| a.speaker.is_some());
            if let (Some(a), true) = (later, done[p].is_none_or(|d| d.speaker.is_none())) {
                done[p] = Some(Attrib { rule: "multi-paragraph", confidence: a.confidence.min(0.7), ..a });
            }
        }
    }
    let mut items: Vec<(usize, usize, QuoteKind, Attrib)> = Vec::new();
    for &k in &order {
        if let (Some(a), false) = (done[k], absorbed[k]) {
            items.push((regions[k].first, inner_end(&doc, regions[k].first, regions[k].last), QuoteKind::Direct, a));
        }
    }
    for rep in reported {
        items.push((rep.first, rep.last, QuoteKind::Indirect, rep.attrib));
    }
    items.sort_by_key(|it| (it.0, it.1, it.2 == QuoteKind::Indirect));
    items.dedup_by(|b, a| a.0 == b.0 && a.1 == b.1);

    let mut book = NameBook::new(&doc);
    for (_, _, _, a) in &items {
        if let Some(s) = a.speaker.filter(|s| s.kind == SpeakerKind::Name) {
            let person = match mention_at(&doc, s) {
                Some(m) => m.label == Label::Person,
                None => true,
            };
            if person {
                let name = book.canonical(&doc.text[doc.bytes(s.first, s.last).start..doc.bytes(s.first, s.last).end]);
                book.add_person(doc.toks[s.first].start, name);
            }
        }
    }
    book.sort();
    items
        .into_iter()
        .map(|(first, last, kind, a)| {
            let span = doc.bytes(first, last - 1);
            let (speaker, speaker_entity_id) = match a.speaker {
                Some(s) => resolve(&doc, &book, s),
                None => (None, None),
            };
            Quote {
                text: text[span.start..span.end].to_string(),
                start: span.start,
                end: span.end,
                kind,
                speaker,
                speaker_span: a.speaker.map(|s| doc.bytes(s.first, s.last)),
                speaker_entity_id,
                cue_span: a.cue.map(|(c0, c1)| doc.bytes(c0, c1)),
                confidence: a.confidence,
                rule: a.rule,
            }
        })
        .collect()
}

/// The end of a quote's words: a comma, semicolon or colon set inside the closing mark by
/// American style (`“We tried,” she said`) belongs to the sentence around the quote, not to the
/// quote. A final `.`, `?`, `!`, `…` or dash is the speaker's and stays.
fn inner_end(doc: &Doc, first: usize, mut last: usize) -> usize {
    while last > first + 1 && matches!(doc.word(last - 1), "," | ";" | ":") {
        last -= 1;
    }
    last
}

/// The reported clause (sorted by start) that holds the region, if any.
fn enclosing<'r>(reported: &'r [reported::Reported], r: &Region) -> Option<&'r reported::Reported> {
    let open = r.open.unwrap_or(r.first);
    let k = reported.partition_point(|rep| rep.first <= open);
    // Clauses of one sentence do not nest deeply; a few steps back suffice.
    reported[..k].iter().rev().take(4).find(|rep| rep.last >= r.last && rep.attrib.speaker.is_some())
}

/// The entity mention overlapping a speaker's tokens.
fn mention_at<'a>(doc: &Doc<'a>, s: Speaker) -> Option<&'a Mention> {
    (s.first..=s.last).map(|i| doc.mention_of[i]).find(|&m| m != NONE).map(|m| &doc.mentions[m as usize])
}

/// The canonical name of a speaker mention and its entity.
fn resolve(doc: &Doc, book: &NameBook, s: Speaker) -> (Option<String>, Option<usize>) {
    if let Some((first, last, kind)) = s.ante {
        // A relative pronoun: what it stands for.
        return resolve(doc, book, Speaker::new(first, last, kind));
    }
    if s.kind == SpeakerKind::Name {
        // A mention covering the name's last word names the entity.
        let m = if speakers::mention_tokens(doc, s.last).is_some() { doc.mention_of[s.last] } else { NONE };
        if let Some(e) = (m != NONE).then(|| doc.entities.get(doc.mentions[m as usize].entity_id)).flatten() {
            return (Some(book.canonical(&e.name)), Some(e.id));
        }
    }
    let span = doc.bytes(s.first, s.last);
    let phrase = &doc.text[span.start..span.end];
    match s.kind {
        SpeakerKind::Name => (Some(book.canonical(phrase)), None),
        SpeakerKind::Nominal => (Some(phrase.to_string()), None),
        SpeakerKind::Pronoun => resolve_pronoun(doc, book, s.first),
    }
}

/// How many paragraphs back a pronoun may find its antecedent.
const PRONOUN_PARAGRAPHS: usize = 3;

/// The entity a pronoun at token `tok` refers to: the coreference stage's answer
/// ([`crate::coref::resolve_pronoun`]: he/she → a PERSON, they → a group) when it has one;
/// otherwise, for "he"/"she", the nearest PERSON mention before it, or the nearest person name
/// before it (a name after a role, or a name that spoke), within a few paragraphs.
pub(crate) fn resolve_pronoun(doc: &Doc, book: &NameBook, tok: usize) -> (Option<String>, Option<usize>) {
    let t = doc.toks[tok];
    let span = Span { start: t.start, end: t.end };
    let linked =
        crate::coref::resolve_pronoun(doc.text, doc.toks, doc.sentence_spans, doc.mentions, doc.entities, span);
    if let Some(e) = linked.and_then(|id| doc.entities.get(id)) {
        return (Some(e.name.clone()), Some(e.id));
    }
    let w = speakers::lower(doc, tok);
    if !matches!(w, "he" | "she") {
        return (None, None);
    }
    let pos = doc.toks[tok].start;
    let para = doc.para_of[tok] as usize;
    let not_before = doc.toks[doc.paras[para.saturating_sub(PRONOUN_PARAGRAPHS)].0].start;
    let k = doc.mentions.partition_point(|m| m.start < pos);
    let person = doc.mentions[..k]
        .iter()
        .rev()
        .take_while(|m| m.start >= not_before)
        .find(|m| m.label == Label::Person && m.end <= pos && plausible_name(doc, m));
    if let Some(e) = person.and_then(|m| doc.entities.get(m.entity_id)) {
        return (Some(e.name.clone()), Some(e.id));
    }
    (book.person_before(pos, not_before).map(str::to_string), None)
}

/// Whether a mention's tokens look like a name (capitalised words).
fn plausible_name(doc: &Doc, m: &Mention) -> bool {
    let first = doc.toks.partition_point(|t| t.end <= m.start);
    first < doc.toks.len() && speakers::mention_tokens(doc, first).is_some()
}

#[cfg(test)]
mod tests;

#[cfg(test)]
impl Doc<'static> {
    /// A document for unit tests, segmented by the real tokenizer.
    pub(crate) fn for_test(text: &'static str) -> Doc<'static> {
        let toks: &'static [Token] = Box::leak(crate::segment::tokenize(text).into_boxed_slice());
        let paras = crate::clean::keep_as_is(text).paragraphs;
        let sents: &'static [Span] = Box::leak(crate::segment::sentences(text, toks, &paras).into_boxed_slice());
        Doc::new(text, toks, sents, &paras, &[], &[])
    }

    pub(crate) fn find(&self, word: &str) -> usize {
        (0..self.toks.len()).find(|&i| self.word(i) == word).expect("word in test text")
    }

    pub(crate) fn span_text(&self, s: Speaker) -> &'static str {
        let span = self.bytes(s.first, s.last);
        &self.text[span.start..span.end]
    }
}
