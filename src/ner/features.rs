//! Feature extraction: every token of a document becomes a list of hashed feature buckets.
//!
//! Features are strings in spirit ("lower[-1]=the", "shape=Xxxx") but are never built as strings:
//! each is an FNV-1a hash of a template id and its parts, folded into `2^rows_log2` buckets. The
//! hash is fixed (no random seed), so the same document always gives the same buckets, in the same
//! order, on every machine.
//!
//! The templates: the word itself (form, normalised lowercase, shapes, prefixes and suffixes of 1–4
//! characters, character classes), a ±2 window of forms and shapes with bigrams, the case of the
//! sentence (sentence-initial, all-caps or title-case lines such as headlines and datelines),
//! gazetteer membership of the word and its neighbours, and document-level statistics: how the
//! same word is written elsewhere in the document in positions where case is informative.

use std::collections::HashMap;

use super::gazetteer::{self, GazMatch};

/// A document as the tagger sees it: its words and its sentences as word ranges.
#[derive(Debug, Clone, Copy)]
pub struct DocRef<'a> {
    /// The words (token texts) of the whole document.
    pub words: &'a [&'a str],
    /// Each sentence as `start..end` word indices, in order, covering `words`.
    pub sentences: &'a [(usize, usize)],
}

/// The features of every token of a document: token `i` has `buckets[starts[i]..starts[i + 1]]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Features {
    /// The hashed feature buckets of all tokens, concatenated.
    pub buckets: Vec<u32>,
    /// Where each token's features start in `buckets` (one more entry than tokens).
    pub starts: Vec<u32>,
}

impl Features {
    /// The feature buckets of token `i`.
    pub fn of(&self, i: usize) -> &[u32] {
        &self.buckets[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    /// The number of tokens.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Which optional feature groups a model uses (stored in the model header).
pub const FEAT_GAZETTEER: u32 = 1;
/// Document-level case statistics.
pub const FEAT_DOC: u32 = 2;
/// Second-stage features from first-stage predictions elsewhere in the document.
pub const FEAT_STACKED: u32 = 4;

/// A 64-bit FNV-1a hash with a final avalanche mix; the features' only hash.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Fnv {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    pub(crate) fn new(template: u8) -> Self {
        Fnv(Self::OFFSET).byte(template)
    }

    pub(crate) fn byte(self, b: u8) -> Self {
        Fnv((self.0 ^ u64::from(b)).wrapping_mul(Self::PRIME))
    }

    pub(crate) fn str(self, s: &str) -> Self {
        let mut h = self;
        for b in s.bytes() {
            h = h.byte(b);
        }
        h.byte(0xff)
    }

    pub(crate) fn finish(self) -> u64 {
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        x ^ (x >> 33)
    }
}

// Template ids. Changing any of them (or what they hash) invalidates trained models.
const T_BIAS: u8 = 1;
const T_FORM: u8 = 2;
const T_LOWER: u8 = 3;
const T_SHAPE: u8 = 4;
const T_SHORT: u8 = 5;
const T_PREFIX: u8 = 6;
const T_SUFFIX: u8 = 7;
const T_WIN_LOWER: u8 = 8;
const T_WIN_SHAPE: u8 = 9;
const T_BI_LEFT: u8 = 10;
const T_BI_RIGHT: u8 = 11;
const T_SHAPE3: u8 = 12;
const T_SHAPE2: u8 = 13;
const T_INITIAL: u8 = 14;
const T_CASE_SENT: u8 = 15;
const T_FLAGS: u8 = 16;
const T_DOC: u8 = 17;
const T_GAZ: u8 = 18;
const T_PREV_SHAPE: u8 = 19;
const T_NEXT_SHAPE: u8 = 20;
const T_WIN_SUFFIX: u8 = 21;
const T_POS: u8 = 22;
const T_STACK: u8 = 23;
const T_CASE_LOWER: u8 = 24;
const T_WIN_GAZ: u8 = 25;

/// The case context of a sentence: whether capitalisation says anything about its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SentCase {
    /// Ordinary mixed-case text.
    Normal,
    /// Most words in capitals (headlines, datelines).
    Upper,
    /// Most words capitalised, including short function words (title-case headlines).
    Title,
}

/// What a word looks like, computed once per token.
struct Word {
    /// The text with typographic quotes and dashes mapped to ASCII.
    form: String,
    /// Lowercase with every digit mapped to `0`.
    lower: String,
    /// Character classes, runs cut at 4 (`Xxxx`, `dd-dd`, `X.X.`).
    shape: String,
    /// Character classes, runs collapsed (`Xx`, `d-d`).
    short: String,
    /// Starts with an uppercase letter.
    cap: bool,
    /// Has a letter and no lowercase letter.
    upper: bool,
    /// Has a lowercase letter and no uppercase one.
    lowercase: bool,
    /// Has a letter.
    alpha: bool,
}

/// Maps typographic punctuation to the ASCII the training data uses.
fn normalize_form(w: &str) -> String {
    if w.is_ascii() {
        return w.to_string();
    }
    let mut out = String::with_capacity(w.len());
    for c in w.chars() {
        match c {
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => out.push('"'),
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' => out.push('\''),
            '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => out.push('-'),
            '\u{2026}' => out.push_str("..."),
            '\u{a0}' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn char_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'a'
    } else {
        c
    }
}

impl Word {
    fn new(raw: &str) -> Word {
        let form = normalize_form(raw);
        let mut lower = String::with_capacity(form.len());
        let mut shape = String::with_capacity(form.len());
        let mut short = String::with_capacity(8);
        let (mut has_up, mut has_low, mut alpha) = (false, false, false);
        let (mut last, mut run) = ('\0', 0usize);
        for c in form.chars() {
            if c.is_numeric() {
                lower.push('0');
            } else {
                lower.extend(c.to_lowercase());
            }
            has_up |= c.is_uppercase();
            has_low |= c.is_lowercase();
            alpha |= c.is_alphabetic();
            let k = char_class(c);
            if k == last {
                run += 1;
            } else {
                run = 1;
                short.push(k);
            }
            if run <= 4 {
                shape.push(k);
            }
            last = k;
        }
        let cap = form.chars().next().is_some_and(char::is_uppercase);
        Word { form, lower, shape, short, cap, upper: alpha && !has_low, lowercase: has_low && !has_up, alpha }
    }
}

/// How a lowercase word form is written across a document, counted only where case is
/// informative (not sentence-initial, not in an all-caps or title-case line).
#[derive(Debug, Clone, Copy, Default)]
struct DocStats {
    /// Capitalised, not all caps.
    cap: u16,
    /// All lowercase.
    low: u16,
    /// All caps (longer than one letter).
    upper: u16,
    /// Anywhere, in any case.
    total: u16,
}

/// First-stage predictions, used by a second-stage model: per token, the predicted entity type
/// (0 = none, 1..=4 = PER, LOC, ORG, MISC).
pub type Stacked<'a> = Option<&'a [u8]>;

/// The feature extractor's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extractor {
    /// Buckets are `hash & mask`.
    pub mask: u32,
    /// The feature groups on (`FEAT_*`).
    pub groups: u32,
}

impl Extractor {
    /// An extractor with `2^rows_log2` buckets and the given feature groups.
    pub fn new(rows_log2: u32, groups: u32) -> Self {
        Extractor { mask: (1u32 << rows_log2) - 1, groups }
    }

    /// Extracts the features of every token of `doc`.
    pub fn extract(&self, doc: DocRef<'_>, stacked: Stacked<'_>) -> Features {
        let n = doc.words.len();
        let words: Vec<Word> = doc.words.iter().map(|w| Word::new(w)).collect();
        let mut sent_of = vec![0usize; n];
        let mut cases = Vec::with_capacity(doc.sentences.len());
        for (si, &(s, e)) in doc.sentences.iter().enumerate() {
            sent_of[s..e].iter_mut().for_each(|x| *x = si);
            cases.push(sentence_case(&words[s..e]));
        }
        let gaz = if self.groups & FEAT_GAZETTEER != 0 {
            let mut g = vec![GazMatch::default(); n];
            for &(s, e) in doc.sentences {
                gazetteer::annotate(&words[s..e].iter().map(|w| w.form.as_str()).collect::<Vec<_>>(), &mut g[s..e]);
            }
            g
        } else {
            Vec::new()
        };
        let stats = if self.groups & FEAT_DOC != 0 { doc_stats(&words, doc.sentences, &cases) } else { HashMap::new() };
        let stack_stats = match stacked {
            Some(tags) if self.groups & FEAT_STACKED != 0 => Some(stacked_stats(&words, tags)),
            _ => None,
        };

        let mut out = Features { buckets: Vec::with_capacity(n * 72), starts: Vec::with_capacity(n + 1) };
        out.starts.push(0);
        for &(s, e) in doc.sentences {
            let case = cases[sent_of.get(s).copied().unwrap_or(0)];
            for i in s..e {
                let mut f = Emit { out: &mut out.buckets, mask: self.mask };
                self.token(&mut f, &words, s, e, i, case);
                if !gaz.is_empty() {
                    gaz_features(&mut f, &words, &gaz, s, e, i);
                }
                if self.groups & FEAT_DOC != 0 {
                    doc_features(&mut f, &words[i], &stats, i == s, case);
                }
                if let (Some(st), Some(tags)) = (&stack_stats, stacked) {
                    stack_features(&mut f, &words, st, tags, i);
                }
                out.starts.push(out.buckets.len() as u32);
            }
        }
        out
    }

    /// The features that depend on the sentence only.
    fn token(&self, f: &mut Emit<'_>, words: &[Word], s: usize, e: usize, i: usize, case: SentCase) {
        let w = &words[i];
        let get = |o: isize| -> Option<&Word> {
            let j = i as isize + o;
            if j < s as isize || j >= e as isize { None } else { Some(&words[j as usize]) }
        };
        let lower_at = |o: isize| get(o).map_or(if o < 0 { "<s>" } else { "</s>" }, |w| w.lower.as_str());
        let shape_at = |o: isize| get(o).map_or(if o < 0 { "<s>" } else { "</s>" }, |w| w.short.as_str());

        f.push(Fnv::new(T_BIAS));
        f.push(Fnv::new(T_FORM).str(&w.form));
        f.push(Fnv::new(T_LOWER).str(&w.lower));
        f.push(Fnv::new(T_SHAPE).str(&w.shape));
        f.push(Fnv::new(T_SHORT).str(&w.short));
        let chars: Vec<(usize, char)> = w.lower.char_indices().collect();
        let nc = chars.len();
        for k in 1..=4.min(nc) {
            let end = if k < nc { chars[k].0 } else { w.lower.len() };
            f.push(Fnv::new(T_PREFIX).byte(k as u8).str(&w.lower[..end]));
            let start = chars[nc - k].0;
            f.push(Fnv::new(T_SUFFIX).byte(k as u8).str(&w.lower[start..]));
        }
        for o in [-2isize, -1, 1, 2] {
            f.push(Fnv::new(T_WIN_LOWER).byte(o as u8).str(lower_at(o)));
            f.push(Fnv::new(T_WIN_SHAPE).byte(o as u8).str(shape_at(o)));
        }
        for o in [-1isize, 1] {
            if let Some(x) = get(o) {
                let nc = x.lower.chars().count();
                if nc > 3 {
                    let start = x.lower.char_indices().nth(nc - 3).map_or(0, |p| p.0);
                    f.push(Fnv::new(T_WIN_SUFFIX).byte(o as u8).str(&x.lower[start..]));
                }
            }
        }
        f.push(Fnv::new(T_BI_LEFT).str(lower_at(-1)).str(&w.lower));
        f.push(Fnv::new(T_BI_RIGHT).str(&w.lower).str(lower_at(1)));
        f.push(Fnv::new(T_BI_LEFT).byte(1).str(lower_at(-2)).str(lower_at(-1)));
        f.push(Fnv::new(T_BI_RIGHT).byte(1).str(lower_at(1)).str(lower_at(2)));
        f.push(Fnv::new(T_SHAPE3).str(shape_at(-1)).str(&w.short).str(shape_at(1)));
        f.push(Fnv::new(T_SHAPE2).byte(0).str(shape_at(-1)).str(&w.short));
        f.push(Fnv::new(T_SHAPE2).byte(1).str(&w.short).str(shape_at(1)));
        f.push(Fnv::new(T_SHAPE2).byte(2).str(shape_at(-2)).str(shape_at(-1)).str(&w.short));
        f.push(Fnv::new(T_SHAPE2).byte(3).str(&w.short).str(shape_at(1)).str(shape_at(2)));
        f.push(Fnv::new(T_PREV_SHAPE).str(lower_at(-1)).str(&w.short));
        f.push(Fnv::new(T_NEXT_SHAPE).str(&w.short).str(lower_at(1)));

        let pos = if i == s {
            0
        } else if i + 1 == e {
            2
        } else {
            1
        };
        f.push(Fnv::new(T_POS).byte(pos).byte((e - s).min(4) as u8).str(&w.short));
        if i == s {
            f.push(Fnv::new(T_INITIAL).str(&w.lower));
        }
        let case_byte = match case {
            SentCase::Normal => 0u8,
            SentCase::Upper => 1,
            SentCase::Title => 2,
        };
        f.push(Fnv::new(T_CASE_SENT).byte(case_byte).str(&w.short));
        if case != SentCase::Normal {
            f.push(Fnv::new(T_CASE_LOWER).byte(case_byte).str(&w.lower));
        }
        let flags = [
            w.form.bytes().any(|b| b.is_ascii_digit()),
            w.form.contains('-'),
            w.form.contains('.'),
            w.form.contains('\''),
            w.form.contains('&'),
            w.form.chars().all(|c| c.is_ascii_digit()),
            w.form.chars().count() == 1,
            w.alpha && w.upper && w.form.chars().count() <= 4,
        ];
        for (k, &on) in flags.iter().enumerate() {
            if on {
                f.push(Fnv::new(T_FLAGS).byte(k as u8));
            }
        }
        f.push(Fnv::new(T_FLAGS).byte(100).byte(w.form.chars().count().min(12) as u8));
    }
}

/// Pushes hashed buckets.
struct Emit<'a> {
    out: &'a mut Vec<u32>,
    mask: u32,
}

impl Emit<'_> {
    fn push(&mut self, h: Fnv) {
        self.out.push(h.finish() as u32 & self.mask);
    }
}

fn sentence_case(words: &[Word]) -> SentCase {
    let (mut alpha, mut upper, mut cap, mut long) = (0, 0, 0, 0);
    for w in words.iter().filter(|w| w.alpha) {
        alpha += 1;
        if w.upper && w.form.chars().count() > 1 {
            upper += 1;
        }
        if w.cap {
            cap += 1;
        }
        if w.form.len() > 1 {
            long += 1;
        }
    }
    if long > 0 && upper * 4 >= long * 3 {
        SentCase::Upper
    } else if alpha >= 3 && cap * 5 >= alpha * 4 {
        SentCase::Title
    } else {
        SentCase::Normal
    }
}

fn doc_stats(words: &[Word], sentences: &[(usize, usize)], cases: &[SentCase]) -> HashMap<String, DocStats> {
    let mut stats: HashMap<String, DocStats> = HashMap::new();
    for (&(s, e), &case) in sentences.iter().zip(cases) {
        for (i, w) in words.iter().enumerate().take(e).skip(s) {
            if !w.alpha {
                continue;
            }
            let st = stats.entry(w.lower.clone()).or_default();
            st.total = st.total.saturating_add(1);
            if i == s || case != SentCase::Normal {
                continue;
            }
            if w.upper && w.form.chars().count() > 1 {
                st.upper = st.upper.saturating_add(1);
            } else if w.cap {
                st.cap = st.cap.saturating_add(1);
            } else if w.lowercase {
                st.low = st.low.saturating_add(1);
            }
        }
    }
    stats
}

fn doc_features(f: &mut Emit<'_>, w: &Word, stats: &HashMap<String, DocStats>, initial: bool, case: SentCase) {
    if !w.alpha {
        return;
    }
    let Some(st) = stats.get(&w.lower) else { return };
    // Where this occurrence's own case is informative it is counted in `st`; take it out.
    let informative = !initial && case == SentCase::Normal;
    let (mut cap, mut low, mut upper) = (st.cap, st.low, st.upper);
    if informative {
        if w.upper && w.form.chars().count() > 1 {
            upper -= 1;
        } else if w.cap {
            cap -= 1;
        } else if w.lowercase {
            low -= 1;
        }
    }
    let ctx = match (informative, case) {
        (true, _) => 0u8,
        (false, SentCase::Normal) => 1,
        (false, SentCase::Upper) => 2,
        (false, SentCase::Title) => 3,
    };
    let own = if w.upper {
        0u8
    } else if w.cap {
        1
    } else {
        2
    };
    let pattern = (cap > 0) as u8 | ((low > 0) as u8) << 1 | ((upper > 0) as u8) << 2;
    f.push(Fnv::new(T_DOC).byte(ctx).byte(own).byte(pattern));
    f.push(Fnv::new(T_DOC).byte(10).byte(ctx).byte(pattern).str(&w.short));
    let seen = st.total.min(4) as u8;
    f.push(Fnv::new(T_DOC).byte(11).byte(ctx).byte(own).byte(seen));
}

fn gaz_features(f: &mut Emit<'_>, words: &[Word], gaz: &[GazMatch], s: usize, e: usize, i: usize) {
    let w = &words[i];
    let g = gaz[i];
    for (list, pos) in g.iter() {
        f.push(Fnv::new(T_GAZ).byte(list).byte(pos));
        f.push(Fnv::new(T_GAZ).byte(list).byte(pos).str(&w.short));
    }
    for o in [-1isize, 1] {
        let j = i as isize + o;
        if j < s as isize || j >= e as isize {
            continue;
        }
        for (list, pos) in gaz[j as usize].iter() {
            f.push(Fnv::new(T_WIN_GAZ).byte(o as u8).byte(list).byte(pos));
        }
    }
}

/// For each lowercase form: how often the first stage tagged it with each type (index 0 = none).
fn stacked_stats<'w>(words: &'w [Word], tags: &[u8]) -> HashMap<&'w str, [u16; 5]> {
    let mut m: HashMap<&str, [u16; 5]> = HashMap::new();
    for (w, &t) in words.iter().zip(tags) {
        if w.alpha && (w.cap || w.upper) {
            let c = m.entry(w.lower.as_str()).or_default();
            c[t as usize] = c[t as usize].saturating_add(1);
        }
    }
    m
}

fn stack_features(f: &mut Emit<'_>, words: &[Word], st: &HashMap<&str, [u16; 5]>, tags: &[u8], i: usize) {
    let w = &words[i];
    if !(w.alpha && (w.cap || w.upper)) {
        return;
    }
    let Some(c) = st.get(w.lower.as_str()) else { return };
    let mut c = *c;
    c[tags[i] as usize] -= 1; // the others, not this one
    let total: u16 = c.iter().sum();
    if total == 0 {
        f.push(Fnv::new(T_STACK).byte(99));
        return;
    }
    let best = (0..5).max_by_key(|&k| (c[k], std::cmp::Reverse(k))).unwrap_or(0);
    let majority = (c[best] as u32 * 2 > total as u32) as u8;
    f.push(Fnv::new(T_STACK).byte(best as u8).byte(majority));
    for (k, &n) in c.iter().enumerate().skip(1) {
        if n > 0 {
            f.push(Fnv::new(T_STACK).byte(20 + k as u8));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_lower() {
        let w = Word::new("U.S.");
        assert_eq!(w.shape, "X.X.");
        assert_eq!(w.short, "X.X.");
        let w = Word::new("Blackburn");
        assert_eq!(w.shape, "Xxxxx");
        assert_eq!(w.short, "Xx");
        assert!(w.cap && !w.upper && w.alpha);
        let w = Word::new("1996-08-22");
        assert_eq!(w.lower, "0000-00-00");
        assert_eq!(w.shape, "dddd-dd-dd");
        assert_eq!(w.short, "d-d-d");
        let w = Word::new("\u{201c}");
        assert_eq!(w.form, "\"");
    }

    #[test]
    fn sentence_cases() {
        let ws = |s: &str| s.split(' ').map(Word::new).collect::<Vec<_>>();
        assert_eq!(sentence_case(&ws("SOCCER - JAPAN GET LUCKY WIN")), SentCase::Upper);
        assert_eq!(sentence_case(&ws("Talks Resume In The Capital")), SentCase::Title);
        assert_eq!(sentence_case(&ws("The talks resume in the capital .")), SentCase::Normal);
    }

    #[test]
    fn exact_features_for_a_token() {
        let words = ["Mr", "Smith", "left"];
        let sents = [(0, 3)];
        let ex = Extractor::new(20, 0);
        let feats = ex.extract(DocRef { words: &words, sentences: &sents }, None);
        assert_eq!(feats.len(), 3);
        let b = |h: Fnv| h.finish() as u32 & ex.mask;
        let expect = vec![
            b(Fnv::new(T_BIAS)),
            b(Fnv::new(T_FORM).str("Smith")),
            b(Fnv::new(T_LOWER).str("smith")),
            b(Fnv::new(T_SHAPE).str("Xxxxx")),
            b(Fnv::new(T_SHORT).str("Xx")),
            b(Fnv::new(T_PREFIX).byte(1).str("s")),
            b(Fnv::new(T_SUFFIX).byte(1).str("h")),
            b(Fnv::new(T_PREFIX).byte(2).str("sm")),
            b(Fnv::new(T_SUFFIX).byte(2).str("th")),
            b(Fnv::new(T_PREFIX).byte(3).str("smi")),
            b(Fnv::new(T_SUFFIX).byte(3).str("ith")),
            b(Fnv::new(T_PREFIX).byte(4).str("smit")),
            b(Fnv::new(T_SUFFIX).byte(4).str("mith")),
            b(Fnv::new(T_WIN_LOWER).byte(-2isize as u8).str("<s>")),
            b(Fnv::new(T_WIN_SHAPE).byte(-2isize as u8).str("<s>")),
            b(Fnv::new(T_WIN_LOWER).byte(-1isize as u8).str("mr")),
            b(Fnv::new(T_WIN_SHAPE).byte(-1isize as u8).str("Xx")),
            b(Fnv::new(T_WIN_LOWER).byte(1).str("left")),
            b(Fnv::new(T_WIN_SHAPE).byte(1).str("x")),
            b(Fnv::new(T_WIN_LOWER).byte(2).str("</s>")),
            b(Fnv::new(T_WIN_SHAPE).byte(2).str("</s>")),
            b(Fnv::new(T_WIN_SUFFIX).byte(1).str("eft")),
            b(Fnv::new(T_BI_LEFT).str("mr").str("smith")),
            b(Fnv::new(T_BI_RIGHT).str("smith").str("left")),
            b(Fnv::new(T_BI_LEFT).byte(1).str("<s>").str("mr")),
            b(Fnv::new(T_BI_RIGHT).byte(1).str("left").str("</s>")),
            b(Fnv::new(T_SHAPE3).str("Xx").str("Xx").str("x")),
            b(Fnv::new(T_SHAPE2).byte(0).str("Xx").str("Xx")),
            b(Fnv::new(T_SHAPE2).byte(1).str("Xx").str("x")),
            b(Fnv::new(T_SHAPE2).byte(2).str("<s>").str("Xx").str("Xx")),
            b(Fnv::new(T_SHAPE2).byte(3).str("Xx").str("x").str("</s>")),
            b(Fnv::new(T_PREV_SHAPE).str("mr").str("Xx")),
            b(Fnv::new(T_NEXT_SHAPE).str("Xx").str("left")),
            b(Fnv::new(T_POS).byte(1).byte(3).str("Xx")),
            b(Fnv::new(T_CASE_SENT).byte(0).str("Xx")),
            b(Fnv::new(T_FLAGS).byte(100).byte(5)),
        ];
        assert_eq!(feats.of(1), &expect[..]);
    }

    #[test]
    fn hash_is_fixed() {
        // Pinned: a change here silently breaks every trained model.
        assert_eq!(Fnv::new(T_FORM).str("Smith").finish(), 0x658f_bf6f_46e3_2841);
    }

    #[test]
    fn doc_features_see_other_occurrences() {
        let words = ["Bank", "shares", "fell", ".", "The", "Bank", "said", "."];
        let sents = [(0, 4), (4, 8)];
        let ex = Extractor::new(20, FEAT_DOC);
        let with = ex.extract(DocRef { words: &words, sentences: &sents }, None);
        let without = Extractor::new(20, 0).extract(DocRef { words: &words, sentences: &sents }, None);
        assert!(with.of(0).len() > without.of(0).len());
        // The sentence-initial "Bank" sees the capitalised mid-sentence one: pattern 1 (cap only).
        let b = |h: Fnv| h.finish() as u32 & ex.mask;
        assert!(with.of(0).contains(&b(Fnv::new(T_DOC).byte(1).byte(1).byte(1))));
        // The mid-sentence one sees no other informative occurrence: pattern 0.
        assert!(with.of(5).contains(&b(Fnv::new(T_DOC).byte(0).byte(1).byte(0))));
    }
}
