//! Feature extraction: every token of a document becomes a list of hashed feature buckets.
//!
//! Features are strings in spirit ("lower[-1]=the", "shape=Xxxx") but are never built as strings.
//! For speed, a word's form, lowercase, shapes, prefixes and suffixes are hashed to `u64`s once
//! per distinct word of the document ([`Word`], kept by [`Analysis`]), with no allocation for ASCII
//! words. A feature is then a few multiply–xorshift steps over a template id and those precomputed hashes
//! (a window feature combines the hashes of the neighbours instead of rehashing their text), folded
//! into `2^rows_log2` buckets. The hashing is fixed (no random seed, little-endian), so the same document
//! always gives the same buckets, in the same order, on every machine.
//!
//! The templates: the word itself (form, normalised lowercase, shapes, prefixes and suffixes of 1–4
//! characters, character classes), a ±2 window of forms and shapes with bigrams, the case of the
//! sentence (sentence-initial, all-caps or title-case lines such as headlines and datelines),
//! gazetteer membership of the word and its neighbours, and document-level statistics: how the
//! same word is written elsewhere in the document in positions where case is informative.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::gazetteer::{self, GazMatch};
use super::memo::Memo;
use crate::fasthash::{FxHashMap, load_le_partial};

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

/// A 64-bit FNV-1a hash with a final avalanche mix: the model file's checksum.
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

    pub(crate) fn finish(self) -> u64 {
        fmix64(self.0)
    }
}

/// The final avalanche of MurmurHash3: every input bit affects every output bit.
#[inline]
const fn fmix64(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// Folds `x` into the running hash `h`: one multiply and one xor-shift. For a fixed `h` it is a
/// bijection of `x`, so two parts that differ after the same prefix never collide in 64 bits.
#[inline]
pub(crate) const fn step(h: u64, x: u64) -> u64 {
    let y = (h ^ x).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    y ^ (y >> 29)
}

/// The hash of a byte string, eight little-endian bytes per step (its length seeds it, so the zero
/// padding of the last chunk is unambiguous).
#[inline]
pub(crate) fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = step(0x243f_6a88_85a3_08d3, b.len() as u64);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        h = step(h, u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = step(h, load_le_partial(rest));
    }
    h
}

/// [`hash_bytes`] as a `const fn`, for fixed strings (slower: byte by byte).
const fn hash_bytes_const(b: &[u8]) -> u64 {
    let mut h = step(0x243f_6a88_85a3_08d3, b.len() as u64);
    let mut i = 0;
    while i + 8 <= b.len() {
        let c = [b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6], b[i + 7]];
        h = step(h, u64::from_le_bytes(c));
        i += 8;
    }
    if i < b.len() {
        let mut c = [0u8; 8];
        let mut k = 0;
        while i + k < b.len() {
            c[k] = b[i + k];
            k += 1;
        }
        h = step(h, u64::from_le_bytes(c));
    }
    h
}

/// A feature being hashed: a template id, then small integers and precomputed string hashes.
#[derive(Clone, Copy)]
pub(crate) struct Feat(u64);

impl Feat {
    pub(crate) const fn new(template: u8) -> Self {
        Feat(step(0x1319_8a2e_0370_7344, template as u64))
    }

    /// Adds a small integer (an offset, a list id, a count).
    pub(crate) const fn int(self, x: u8) -> Self {
        Feat(step(self.0, x as u64))
    }

    /// Adds a string through its [`hash_bytes`].
    pub(crate) const fn part(self, h: u64) -> Self {
        Feat(step(self.0, h))
    }

    /// The bucket among `mask + 1`.
    pub(crate) const fn bucket(self, mask: u32) -> u32 {
        fmix64(self.0) as u32 & mask
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

/// What the window features see before the first and after the last word of a sentence.
const BOS: u64 = hash_bytes_const(b"<s>");
const EOS: u64 = hash_bytes_const(b"</s>");

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

// Word flags (`Word::flags`), in the order of their feature ids.
const F_DIGIT: u8 = 1;
const F_HYPHEN: u8 = 1 << 1;
const F_PERIOD: u8 = 1 << 2;
const F_APOSTROPHE: u8 = 1 << 3;
const F_AMPERSAND: u8 = 1 << 4;
const F_ALL_DIGITS: u8 = 1 << 5;
const F_ONE_CHAR: u8 = 1 << 6;
const F_ACRONYM: u8 = 1 << 7;

/// What a word looks like, computed once per distinct word (and kept across documents by a
/// [`WordMemo`]): hashes of its strings (see [`hash_bytes`]),
/// never the strings themselves. A word's own and window features ([`word_features`],
/// [`window_features`]) are made of its `Word` alone, so equal `Word`s have equal such features.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Word {
    /// The text with typographic quotes and dashes mapped to ASCII.
    form: u64,
    /// Lowercase with every digit mapped to `0`.
    lower: u64,
    /// Character classes, runs cut at 4 (`Xxxx`, `dd-dd`, `X.X.`).
    shape: u64,
    /// Character classes, runs collapsed (`Xx`, `d-d`).
    short: u64,
    /// The first `k + 1` characters of `lower`, for `k < affixes`.
    prefix: [u64; 4],
    /// The last `k + 1` characters of `lower`, for `k < affixes`.
    suffix: [u64; 4],
    /// How many of `prefix` and `suffix` are set: `lower`'s length in characters, at most 4.
    affixes: u8,
    /// `lower` is longer than 3 characters.
    long: bool,
    /// The plain lowercase of the form (digits kept), as the gazetteers are keyed.
    gaz: u64,
    /// The form's length in characters.
    nchars: u32,
    /// The form is longer than one byte.
    multibyte: bool,
    /// `F_*` bits.
    flags: u8,
    /// Starts with an uppercase letter.
    cap: bool,
    /// Has a letter and no lowercase letter.
    upper: bool,
    /// Has a lowercase letter and no uppercase one.
    lowercase: bool,
    /// Has a letter.
    alpha: bool,
}

/// What the document-wide steps (sentence case, document and stacked statistics) need of a word:
/// kept for every token, while whole [`Word`]s are kept once per distinct word (in a bounded
/// [`WordMemo`]), so that memory does not grow by a [`Word`] per token of the document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Marks {
    /// [`Word::alpha`].
    alpha: bool,
    /// [`Word::cap`].
    cap: bool,
    /// [`Word::upper`].
    upper: bool,
    /// [`Word::lowercase`].
    lowercase: bool,
    /// [`Word::upper`] and longer than one character.
    long_upper: bool,
    /// [`Word::multibyte`].
    multibyte: bool,
}

impl Word {
    /// A 64-bit hash of the word for hash tables: that of its form, which the rest of the `Word`
    /// is computed from.
    pub(super) fn key(&self) -> u64 {
        self.form
    }

    fn marks(&self) -> Marks {
        Marks {
            alpha: self.alpha,
            cap: self.cap,
            upper: self.upper,
            lowercase: self.lowercase,
            long_upper: self.upper && self.nchars > 1,
            multibyte: self.multibyte,
        }
    }
}

/// Maps typographic punctuation to the ASCII the training data uses.
fn normalize_form(w: &str) -> String {
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

/// Buffers reused from word to word, so that analysing a word allocates nothing (ASCII words) or
/// only its normalised form (others).
#[derive(Default)]
struct Scratch {
    lower: String,
    shape: String,
    short: String,
}

impl Word {
    fn new(raw: &str, s: &mut Scratch) -> Word {
        // `normalize_form` is the identity on ASCII, which is nearly every word: skip its copy.
        let normalized;
        let form = if raw.is_ascii() {
            raw
        } else {
            normalized = normalize_form(raw);
            normalized.as_str()
        };
        s.lower.clear();
        s.shape.clear();
        s.short.clear();
        let (mut has_up, mut has_low, mut alpha) = (false, false, false);
        let (mut last, mut run) = ('\0', 0usize);
        let (mut flags, mut all_digits, mut nchars) = (0u8, true, 0u32);
        for c in form.chars() {
            nchars += 1;
            if c.is_numeric() {
                s.lower.push('0');
            } else if c.is_ascii() {
                s.lower.push(c.to_ascii_lowercase());
            } else {
                s.lower.extend(c.to_lowercase());
            }
            has_up |= c.is_uppercase();
            has_low |= c.is_lowercase();
            alpha |= c.is_alphabetic();
            all_digits &= c.is_ascii_digit();
            flags |= match c {
                '0'..='9' => F_DIGIT,
                '-' => F_HYPHEN,
                '.' => F_PERIOD,
                '\'' => F_APOSTROPHE,
                '&' => F_AMPERSAND,
                _ => 0,
            };
            let k = char_class(c);
            if k == last {
                run += 1;
            } else {
                run = 1;
                s.short.push(k);
            }
            if run <= 4 {
                s.shape.push(k);
            }
            last = k;
        }
        let upper = alpha && !has_low;
        if all_digits {
            flags |= F_ALL_DIGITS;
        }
        if nchars == 1 {
            flags |= F_ONE_CHAR;
        }
        if upper && nchars <= 4 {
            flags |= F_ACRONYM;
        }

        let lower = s.lower.as_str();
        let (mut prefix, mut suffix) = ([0u64; 4], [0u64; 4]);
        let lower_chars = if lower.is_ascii() { lower.len() } else { lower.chars().count() };
        let affixes = lower_chars.min(4);
        for k in 1..=affixes {
            let (end, start) = if lower.is_ascii() {
                (k, lower.len() - k)
            } else {
                let at = |c: usize| lower.char_indices().nth(c).map_or(lower.len(), |p| p.0);
                (at(k), at(lower_chars - k))
            };
            prefix[k - 1] = hash_bytes(&lower.as_bytes()[..end]);
            suffix[k - 1] = hash_bytes(&lower.as_bytes()[start..]);
        }
        let lower_h = hash_bytes(lower.as_bytes());
        // The gazetteers are keyed by the plain lowercase: the same as `lower` unless there are
        // digits (mapped to 0 in `lower`) or non-ASCII letters (`str::to_lowercase` has context rules).
        let gaz =
            if form.is_ascii() && flags & F_DIGIT == 0 { lower_h } else { gazetteer::word_hash(&form.to_lowercase()) };
        Word {
            form: hash_bytes(form.as_bytes()),
            lower: lower_h,
            shape: hash_bytes(s.shape.as_bytes()),
            short: hash_bytes(s.short.as_bytes()),
            prefix,
            suffix,
            affixes: affixes as u8,
            long: lower_chars > 3,
            gaz,
            nchars,
            multibyte: form.len() > 1,
            flags,
            cap: form.chars().next().is_some_and(char::is_uppercase),
            upper,
            lowercase: has_low && !has_up,
            alpha,
        }
    }
}

/// A word's text as a key of [`WordMemo`]: up to [`Text::MAX`] bytes, kept inline so that
/// keeping it allocates nothing.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Text {
    len: u8,
    bytes: [u8; Text::MAX],
}

impl Text {
    const MAX: usize = 31;

    /// `None` for a longer text.
    fn new(text: &str) -> Option<Text> {
        let mut bytes = [0; Text::MAX];
        bytes.get_mut(..text.len())?.copy_from_slice(text.as_bytes());
        Some(Text { len: text.len() as u8, bytes })
    }
}

/// [`Word`]s by their text, kept from document to document ([`Memo`]): analysing a word
/// ([`Word::new`]) is most of the cost of [`Analysis::new`], depends on its text alone, and most
/// distinct words of a news article were in an earlier one. A thread that tags many documents
/// keeps one (`model::Model::decode_cached`). About 1.5 MB at [`WordMemo::MAX_WORDS`]; a word
/// longer than [`Text::MAX`] bytes is analysed every time.
pub(crate) struct WordMemo(Memo<Text, Word>);

impl Default for WordMemo {
    fn default() -> Self {
        WordMemo::with_max_words(WordMemo::MAX_WORDS)
    }
}

impl WordMemo {
    /// A 32-byte key and a 120-byte [`Word`] per word.
    const MAX_WORDS: usize = 1 << 13;

    /// A memo for at most `max_words` words.
    pub(crate) fn with_max_words(max_words: usize) -> Self {
        WordMemo(Memo::new(max_words))
    }

    /// The [`Word`] of `text`: kept, or made now (and kept).
    fn word(&mut self, text: &str, scratch: &mut Scratch) -> Word {
        let Some(key) = Text::new(text) else { return Word::new(text, scratch) };
        let hash = hash_bytes(text.as_bytes());
        if let Some(slot) = self.0.find(hash, &key) {
            return *self.0.value(slot);
        }
        if self.0.is_full() {
            self.0.make_room();
        }
        let word = Word::new(text, scratch);
        self.0.insert(hash, key, word);
        word
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

/// A `Hasher` for keys that already are good 64-bit hashes: passes them through (SipHash would
/// only cost time).
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = step(self.0, u64::from(b));
        }
    }

    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

/// A `HashMap` keyed by precomputed 64-bit hashes.
pub(crate) type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// Everything about a document that features are made of, computed once per document and shared
/// by both stages of a model.
pub struct Analysis<'a> {
    doc: DocRef<'a>,
    /// The feature groups computed (`FEAT_GAZETTEER`, `FEAT_DOC`; the others need nothing here).
    groups: u32,
    /// Per word.
    marks: Vec<Marks>,
    /// Per distinct word form (token text) of the document, in order of first occurrence.
    forms: Vec<Word>,
    /// Per word: its form, an index into `forms`.
    form_of: Vec<u32>,
    /// Per sentence.
    cases: Vec<SentCase>,
    /// Per word, when `FEAT_GAZETTEER`.
    gaz: Vec<GazMatch>,
    /// Per word: a dense id of its `lower` form in this document, below `n_types`.
    types: Vec<u32>,
    n_types: usize,
    /// Per type, when `FEAT_DOC`.
    stats: Vec<DocStats>,
}

impl<'a> Analysis<'a> {
    /// Analyses `doc` for the feature groups `groups`.
    ///
    /// A [`Word`] is made once per distinct token text, not per token: about half the tokens of a
    /// news article repeat an earlier one (`the`, `,`, names), and a map probe costs far less than
    /// analysing the word again. It also keeps memory per distinct word rather than per token.
    pub fn new(doc: DocRef<'a>, groups: u32) -> Self {
        Self::analyse(doc, groups, None)
    }

    /// [`Analysis::new`], taking the [`Word`]s of words that earlier documents had from `memo`
    /// (and keeping this one's there): the same analysis, made faster.
    pub(crate) fn with_memo(doc: DocRef<'a>, groups: u32, memo: &mut WordMemo) -> Self {
        memo.0.reserve(doc.words.len());
        Self::analyse(doc, groups, Some(memo))
    }

    fn analyse(doc: DocRef<'a>, groups: u32, mut memo: Option<&mut WordMemo>) -> Self {
        let n = doc.words.len();
        let mut scratch = Scratch::default();
        let mut marks = Vec::with_capacity(n);
        let mut gaz_keys = Vec::with_capacity(n);
        // Sized for the usual share of distinct words (under half), to spare most rehashing.
        let guess = n / 2;
        let mut by_text: FxHashMap<&str, u32> = FxHashMap::with_capacity_and_hasher(guess, Default::default());
        let mut forms = Vec::with_capacity(guess);
        // Per form: its `lower` type.
        let mut form_types = Vec::with_capacity(guess);
        let mut form_of = Vec::with_capacity(n);
        // Word types by hash: one map probe per form, then the per-type tables are plain vectors.
        let mut ids: HashedMap<u32> = HashedMap::with_capacity_and_hasher(guess, Default::default());
        let mut types = Vec::with_capacity(n);
        for &text in doc.words {
            let f = *by_text.entry(text).or_insert_with(|| {
                let w = match memo.as_deref_mut() {
                    Some(memo) => memo.word(text, &mut scratch),
                    None => Word::new(text, &mut scratch),
                };
                let next = ids.len() as u32;
                form_types.push(*ids.entry(w.lower).or_insert(next));
                forms.push(w);
                forms.len() as u32 - 1
            });
            let w = &forms[f as usize];
            marks.push(w.marks());
            gaz_keys.push(w.gaz);
            form_of.push(f);
            types.push(form_types[f as usize]);
        }
        let cases: Vec<SentCase> = doc.sentences.iter().map(|&(s, e)| sentence_case(&marks[s..e])).collect();
        let mut gaz = Vec::new();
        if groups & FEAT_GAZETTEER != 0 {
            gaz = vec![GazMatch::default(); n];
            gazetteer::annotate_doc(doc.sentences, |i| gaz_keys[i], |i| marks[i].cap, &mut gaz);
        }
        let n_types = ids.len();
        let mut a = Analysis { doc, groups, marks, forms, form_of, cases, gaz, types, n_types, stats: Vec::new() };
        if groups & FEAT_DOC != 0 {
            a.stats = a.doc_stats();
        }
        a
    }

    /// The number of distinct words (token texts) of the document.
    pub fn n_forms(&self) -> usize {
        self.forms.len()
    }

    /// Which distinct word token `i` is, below [`Analysis::n_forms`].
    pub fn form_of(&self, i: usize) -> usize {
        self.form_of[i] as usize
    }

    /// Distinct word `form`: all that [`Extractor::push_word`] and [`Extractor::push_window`]
    /// read of it.
    pub(super) fn word(&self, form: usize) -> &Word {
        &self.forms[form]
    }

    fn doc_stats(&self) -> Vec<DocStats> {
        let mut stats = vec![DocStats::default(); self.n_types];
        for (&(s, e), &case) in self.doc.sentences.iter().zip(&self.cases) {
            for i in s..e {
                let w = &self.marks[i];
                if !w.alpha {
                    continue;
                }
                let st = &mut stats[self.types[i] as usize];
                st.total = st.total.saturating_add(1);
                if i == s || case != SentCase::Normal {
                    continue;
                }
                if w.long_upper {
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

    /// The first-stage predictions `tags` prepared for a stacked stage's features.
    pub fn stacked<'t>(&self, tags: &'t [u8]) -> StackedInput<'t> {
        StackedInput { tags, stats: self.stacked_stats(tags) }
    }

    /// For each word type: how often the first stage tagged it with each type (index 0 = none),
    /// counting capitalised words only.
    fn stacked_stats(&self, tags: &[u8]) -> Vec<[u16; 5]> {
        let mut m = vec![[0u16; 5]; self.n_types];
        for ((w, &ty), &t) in self.marks.iter().zip(&self.types).zip(tags) {
            if w.alpha && (w.cap || w.upper) {
                let c = &mut m[ty as usize];
                c[t as usize] = c[t as usize].saturating_add(1);
            }
        }
        m
    }
}

/// First-stage predictions (per token, the entity type: see [`Stacked`]) with their counts per
/// word type: what a stacked stage's features are made of.
pub struct StackedInput<'t> {
    tags: &'t [u8],
    stats: Vec<[u16; 5]>,
}

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
        self.extract_from(&Analysis::new(doc, self.groups), stacked)
    }

    /// Extracts the features of every token of an analysed document. `a` must have been made
    /// with (at least) this extractor's gazetteer and document groups.
    pub fn extract_from(&self, a: &Analysis<'_>, stacked: Stacked<'_>) -> Features {
        let stacked = stacked.filter(|_| self.groups & FEAT_STACKED != 0).map(|tags| a.stacked(tags));
        let mut out = Features { buckets: Vec::with_capacity(a.marks.len() * 80), starts: Vec::new() };
        out.starts.reserve(a.marks.len() + 1);
        out.starts.push(0);
        for k in 0..a.doc.sentences.len() {
            self.push_sentence(a, stacked.as_ref(), k, false, &mut out);
        }
        out
    }

    /// The context features of the tokens of sentence `k` of an analysed document, into `out`
    /// (cleared first): token `s + j` of the sentence `s..e` gets in `out.of(j)` the features
    /// [`Extractor::extract_from`] gives it, less those of its own word
    /// ([`Extractor::push_word`]) and of its window neighbours ([`Extractor::push_window`]). A
    /// decoder sums the weights of those once per distinct word instead. Decoding sentence by
    /// sentence this way needs memory for one sentence's features, not the whole document's.
    /// `stacked`: the first stage's predictions, used when this extractor has stacked features.
    pub fn extract_sentence_context(
        &self,
        a: &Analysis<'_>,
        stacked: Option<&StackedInput<'_>>,
        k: usize,
        out: &mut Features,
    ) {
        out.buckets.clear();
        out.starts.clear();
        out.starts.push(0);
        self.push_sentence(a, stacked.filter(|_| self.groups & FEAT_STACKED != 0), k, true, out);
    }

    /// Appends the features of the tokens of sentence `k` to `out` (only their context features
    /// if `context_only`).
    fn push_sentence(
        &self,
        a: &Analysis<'_>,
        stacked: Option<&StackedInput<'_>>,
        k: usize,
        context_only: bool,
        out: &mut Features,
    ) {
        assert_eq!(self.groups & a.groups & (FEAT_GAZETTEER | FEAT_DOC), self.groups & (FEAT_GAZETTEER | FEAT_DOC));
        let (s, e) = a.doc.sentences[k];
        let case = a.cases[k];
        // The sentence's words, indexed from 0 (word `s + j` is `words[j]`).
        let words: Vec<&Word> = a.form_of[s..e].iter().map(|&f| &a.forms[f as usize]).collect();
        let n = e - s;
        for (j, i) in (s..e).enumerate() {
            let mut f = Emit { out: &mut out.buckets, mask: self.mask };
            if context_only {
                context_features(&mut f, &words, 0, n, j, case);
            } else {
                token_features(&mut f, &words, 0, n, j, case);
            }
            if self.groups & FEAT_GAZETTEER != 0 {
                gaz_features(&mut f, &words, &a.gaz[s..e], 0, n, j);
            }
            if self.groups & FEAT_DOC != 0 {
                doc_features(&mut f, words[j], &a.stats[a.types[i] as usize], i == s, case);
            }
            if let Some(st) = stacked {
                stack_features(&mut f, &a.marks[i], st.stats[a.types[i] as usize], st.tags[i]);
            }
            out.starts.push(out.buckets.len() as u32);
        }
    }

    /// Appends to `out` the features a token has because of its own word, distinct word `form`
    /// of the analysed document ([`Analysis::form_of`]): the same for every token of that word.
    pub fn push_word(&self, a: &Analysis<'_>, form: usize, out: &mut Vec<u32>) {
        word_features(&mut Emit { out, mask: self.mask }, &a.forms[form]);
    }

    /// Appends to `out` the features a token has because of its neighbour at offset `o` (one of
    /// [`WINDOW`]): distinct word `form` of the analysed document, or `None` beyond the sentence.
    pub fn push_window(&self, a: &Analysis<'_>, form: Option<usize>, o: isize, out: &mut Vec<u32>) {
        window_features(&mut Emit { out, mask: self.mask }, form.map(|f| &a.forms[f]), o);
    }

    /// Appends to `out` only the stacked features of token `i`: with an extractor that
    /// [`Extractor::extends`] `base`, token `i`'s features are `base`'s followed by these.
    pub fn push_stacked(&self, a: &Analysis<'_>, stacked: &StackedInput<'_>, i: usize, out: &mut Vec<u32>) {
        let mut f = Emit { out, mask: self.mask };
        stack_features(&mut f, &a.marks[i], stacked.stats[a.types[i] as usize], stacked.tags[i]);
    }

    /// Whether this extractor is `base` plus the stacked features, so that
    /// [`Extractor::extend_stacked`] applies.
    pub fn extends(&self, base: &Extractor) -> bool {
        self.mask == base.mask && self.groups & FEAT_STACKED != 0 && self.groups & !FEAT_STACKED == base.groups
    }

    /// The same as [`Extractor::extract_from`], given the features `base` of the same document by
    /// an extractor this one [`Extractor::extends`]: stacked features come last for each token, so
    /// they are appended to a copy of each token's base features instead of recomputing those.
    pub fn extend_stacked(&self, a: &Analysis<'_>, base: &Features, stacked: &[u8]) -> Features {
        let st = a.stacked(stacked);
        let mut out = Features {
            buckets: Vec::with_capacity(base.buckets.len() * 9 / 8),
            starts: Vec::with_capacity(base.starts.len()),
        };
        out.starts.push(0);
        for i in 0..base.len() {
            out.buckets.extend_from_slice(base.of(i));
            self.push_stacked(a, &st, i, &mut out.buckets);
            out.starts.push(out.buckets.len() as u32);
        }
        out
    }
}

/// Pushes hashed buckets.
struct Emit<'a> {
    out: &'a mut Vec<u32>,
    mask: u32,
}

impl Emit<'_> {
    #[inline]
    fn push(&mut self, f: Feat) {
        self.out.push(f.bucket(self.mask));
    }
}

/// The offsets of a token's window neighbours, in the order of their features.
pub const WINDOW: [isize; 4] = [-2, -1, 1, 2];

/// The features that depend on the sentence only: the token's own word's ([`word_features`]),
/// its neighbours' ([`window_features`]) and those of the word in its context.
fn token_features(f: &mut Emit<'_>, words: &[&Word], s: usize, e: usize, i: usize, case: SentCase) {
    word_features(f, words[i]);
    for o in WINDOW {
        let j = i as isize + o;
        window_features(f, (s as isize..e as isize).contains(&j).then(|| words[j as usize]), o);
    }
    context_features(f, words, s, e, i, case);
}

/// The features a token has because of its word alone (the same wherever the word occurs).
fn word_features(f: &mut Emit<'_>, w: &Word) {
    f.push(Feat::new(T_BIAS));
    f.push(Feat::new(T_FORM).part(w.form));
    f.push(Feat::new(T_LOWER).part(w.lower));
    f.push(Feat::new(T_SHAPE).part(w.shape));
    f.push(Feat::new(T_SHORT).part(w.short));
    for k in 0..w.affixes as usize {
        f.push(Feat::new(T_PREFIX).int(k as u8 + 1).part(w.prefix[k]));
        f.push(Feat::new(T_SUFFIX).int(k as u8 + 1).part(w.suffix[k]));
    }
    for k in 0..8u8 {
        if w.flags & (1 << k) != 0 {
            f.push(Feat::new(T_FLAGS).int(k));
        }
    }
    f.push(Feat::new(T_FLAGS).int(100).int(w.nchars.min(12) as u8));
}

/// The features a token has because of its neighbour `x` at offset `o` (one of [`WINDOW`]), or
/// with `None`, because the sentence ends there.
fn window_features(f: &mut Emit<'_>, x: Option<&Word>, o: isize) {
    let pad = if o < 0 { BOS } else { EOS };
    f.push(Feat::new(T_WIN_LOWER).int(o as u8).part(x.map_or(pad, |x| x.lower)));
    f.push(Feat::new(T_WIN_SHAPE).int(o as u8).part(x.map_or(pad, |x| x.short)));
    if let Some(x) = x
        && o.abs() == 1
        && x.long
    {
        f.push(Feat::new(T_WIN_SUFFIX).int(o as u8).part(x.suffix[2]));
    }
}

/// The features of the token's word in its context: bigrams, shape n-grams, position and the
/// case of the sentence.
fn context_features(f: &mut Emit<'_>, words: &[&Word], s: usize, e: usize, i: usize, case: SentCase) {
    let w = words[i];
    let get = |o: isize| -> Option<&Word> {
        let j = i as isize + o;
        if j < s as isize || j >= e as isize { None } else { Some(words[j as usize]) }
    };
    let pad = |o: isize| if o < 0 { BOS } else { EOS };
    let lower_at = |o: isize| get(o).map_or(pad(o), |w| w.lower);
    let shape_at = |o: isize| get(o).map_or(pad(o), |w| w.short);

    let (l2, l1, r1, r2) = (lower_at(-2), lower_at(-1), lower_at(1), lower_at(2));
    let (s2, s1, t1, t2) = (shape_at(-2), shape_at(-1), shape_at(1), shape_at(2));
    f.push(Feat::new(T_BI_LEFT).part(l1).part(w.lower));
    f.push(Feat::new(T_BI_RIGHT).part(w.lower).part(r1));
    f.push(Feat::new(T_BI_LEFT).int(1).part(l2).part(l1));
    f.push(Feat::new(T_BI_RIGHT).int(1).part(r1).part(r2));
    f.push(Feat::new(T_SHAPE3).part(s1).part(w.short).part(t1));
    f.push(Feat::new(T_SHAPE2).int(0).part(s1).part(w.short));
    f.push(Feat::new(T_SHAPE2).int(1).part(w.short).part(t1));
    f.push(Feat::new(T_SHAPE2).int(2).part(s2).part(s1).part(w.short));
    f.push(Feat::new(T_SHAPE2).int(3).part(w.short).part(t1).part(t2));
    f.push(Feat::new(T_PREV_SHAPE).part(l1).part(w.short));
    f.push(Feat::new(T_NEXT_SHAPE).part(w.short).part(r1));

    let pos = if i == s {
        0
    } else if i + 1 == e {
        2
    } else {
        1
    };
    f.push(Feat::new(T_POS).int(pos).int((e - s).min(4) as u8).part(w.short));
    if i == s {
        f.push(Feat::new(T_INITIAL).part(w.lower));
    }
    let case_byte = match case {
        SentCase::Normal => 0u8,
        SentCase::Upper => 1,
        SentCase::Title => 2,
    };
    f.push(Feat::new(T_CASE_SENT).int(case_byte).part(w.short));
    if case != SentCase::Normal {
        f.push(Feat::new(T_CASE_LOWER).int(case_byte).part(w.lower));
    }
}

fn sentence_case(words: &[Marks]) -> SentCase {
    let (mut alpha, mut upper, mut cap, mut long) = (0, 0, 0, 0);
    for w in words.iter().filter(|w| w.alpha) {
        alpha += 1;
        if w.long_upper {
            upper += 1;
        }
        if w.cap {
            cap += 1;
        }
        if w.multibyte {
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

fn doc_features(f: &mut Emit<'_>, w: &Word, st: &DocStats, initial: bool, case: SentCase) {
    if !w.alpha {
        return;
    }
    // Where this occurrence's own case is informative it is counted in `st`; take it out.
    let informative = !initial && case == SentCase::Normal;
    let (mut cap, mut low, mut upper) = (st.cap, st.low, st.upper);
    if informative {
        if w.upper && w.nchars > 1 {
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
    f.push(Feat::new(T_DOC).int(ctx).int(own).int(pattern));
    f.push(Feat::new(T_DOC).int(10).int(ctx).int(pattern).part(w.short));
    let seen = st.total.min(4) as u8;
    f.push(Feat::new(T_DOC).int(11).int(ctx).int(own).int(seen));
}

fn gaz_features(f: &mut Emit<'_>, words: &[&Word], gaz: &[GazMatch], s: usize, e: usize, i: usize) {
    let w = words[i];
    for (list, pos) in gaz[i].iter() {
        f.push(Feat::new(T_GAZ).int(list).int(pos));
        f.push(Feat::new(T_GAZ).int(list).int(pos).part(w.short));
    }
    for o in [-1isize, 1] {
        let j = i as isize + o;
        if j < s as isize || j >= e as isize {
            continue;
        }
        for (list, pos) in gaz[j as usize].iter() {
            f.push(Feat::new(T_WIN_GAZ).int(o as u8).int(list).int(pos));
        }
    }
}

/// `c`: the first-stage type counts of the word's type over the document; `tag`: this token's.
fn stack_features(f: &mut Emit<'_>, w: &Marks, mut c: [u16; 5], tag: u8) {
    if !(w.alpha && (w.cap || w.upper)) {
        return;
    }
    c[tag as usize] -= 1; // the others, not this one
    let total: u16 = c.iter().sum();
    if total == 0 {
        f.push(Feat::new(T_STACK).int(99));
        return;
    }
    let best = (0..5).max_by_key(|&k| (c[k], std::cmp::Reverse(k))).unwrap_or(0);
    let majority = (c[best] as u32 * 2 > total as u32) as u8;
    f.push(Feat::new(T_STACK).int(best as u8).int(majority));
    for (k, &n) in c.iter().enumerate().skip(1) {
        if n > 0 {
            f.push(Feat::new(T_STACK).int(20 + k as u8));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str) -> Word {
        Word::new(w, &mut Scratch::default())
    }

    #[test]
    fn shapes_and_lower() {
        let h = |s: &str| hash_bytes(s.as_bytes());
        let w = word("U.S.");
        assert_eq!((w.shape, w.short), (h("X.X."), h("X.X.")));
        assert_eq!(w.flags, F_PERIOD | F_ACRONYM);
        let w = word("Blackburn");
        assert_eq!((w.form, w.lower, w.shape, w.short), (h("Blackburn"), h("blackburn"), h("Xxxxx"), h("Xx")));
        assert_eq!((w.prefix[3], w.suffix[0], w.suffix[2]), (h("blac"), h("n"), h("urn")));
        assert!(w.cap && !w.upper && w.alpha && w.long && w.affixes == 4 && w.nchars == 9);
        assert_eq!(w.gaz, h("blackburn"));
        let w = word("1996-08-22");
        assert_eq!((w.lower, w.shape, w.short), (h("0000-00-00"), h("dddd-dd-dd"), h("d-d-d")));
        assert_eq!(w.gaz, h("1996-08-22"));
        assert_eq!(w.flags, F_DIGIT | F_HYPHEN);
        // Typographic punctuation reads as its ASCII twin.
        assert_eq!(word("\u{201c}"), word("\""));
        assert_eq!(word("\u{201c}").flags, F_ONE_CHAR);
        // Non-ASCII affixes are whole characters.
        let w = word("Zürich");
        assert_eq!((w.lower, w.prefix[1], w.suffix[3]), (h("zürich"), h("zü"), h("rich")));
        assert_eq!(word("Ab").affixes, 2);
        assert!(!word("Abc").long);
    }

    #[test]
    fn hashes_are_fixed_and_distinct() {
        // Pinned: a change here silently breaks every trained model.
        assert_eq!(hash_bytes(b"Smith"), 0x9909_6343_df23_e6b0);
        assert_eq!(Feat::new(T_FORM).part(hash_bytes(b"Smith")).bucket(u32::MAX), 0x9fba_a825);
        // Equal inputs, equal hashes; a different template, length or part, a different hash.
        let f = |t: u8, s: &str| Feat::new(t).part(hash_bytes(s.as_bytes())).bucket(u32::MAX);
        assert_eq!(f(T_FORM, "Smith"), f(T_FORM, "Smith"));
        assert_ne!(f(T_FORM, "Smith"), f(T_LOWER, "Smith"));
        assert_ne!(f(T_FORM, "Smith"), f(T_FORM, "Smith\0"));
        assert_ne!(hash_bytes(b"abcdefgh"), hash_bytes(b"abcdefgh\0"));
        for s in ["", "<s>", "</s>", "abcdefgh", "abcdefghijklmnopq", "zürich"] {
            assert_eq!(hash_bytes(s.as_bytes()), hash_bytes_const(s.as_bytes()), "{s}");
        }
        let bytes: Vec<u8> = (1..=24u8).map(|k| k.wrapping_mul(37)).collect();
        for n in 0..bytes.len() {
            assert_eq!(hash_bytes(&bytes[..n]), hash_bytes_const(&bytes[..n]), "{n} bytes");
        }
        assert_ne!(Feat::new(T_BI_LEFT).int(1).bucket(u32::MAX), Feat::new(T_BI_LEFT).int(2).bucket(u32::MAX));
        let ab = Feat::new(T_BI_LEFT).part(hash_bytes(b"a")).part(hash_bytes(b"b"));
        let ba = Feat::new(T_BI_LEFT).part(hash_bytes(b"b")).part(hash_bytes(b"a"));
        assert_ne!(ab.bucket(u32::MAX), ba.bucket(u32::MAX));
        // The model checksum's FNV-1a (unchanged since format version 1).
        let fnv = b"Smith\xff".iter().fold(Fnv::new(2), |h, &b| h.byte(b));
        assert_eq!(fnv.finish(), 0x658f_bf6f_46e3_2841);
    }

    #[test]
    fn each_distinct_word_is_analysed_once() {
        let words = ["Bank", "of", "England", "said", ".", "England", "won", "the", "CUP", ".", "Mr", "England", "."];
        let sents = [(0, 5), (5, 10), (10, 13)];
        let a = Analysis::new(DocRef { words: &words, sentences: &sents }, FEAT_GAZETTEER | FEAT_DOC);
        assert_eq!(a.forms.len(), 9);
        for (i, w) in words.iter().enumerate() {
            assert_eq!(a.forms[a.form_of[i] as usize], word(w), "{w}");
            assert_eq!(a.marks[i], word(w).marks(), "{w}");
        }
        assert_eq!(a.form_of[2], a.form_of[5]);
        assert_eq!(a.types[2], a.types[11]);
    }

    #[test]
    fn words_kept_across_documents_analyse_as_fresh_ones() {
        // Two long words alike in their first 31 bytes (the longest kept), non-ASCII words and
        // typographic punctuation, in varied case.
        let long = "a-very-long-hyphenated-compound-word-of-many-bytes";
        let docs = [
            "Bank of England said . England won the CUP .".to_string(),
            "\u{201c} England \u{201d} said Zürich ZÜRICH , \u{201c} the bank \u{2019}s 1996-08-22 \u{201d} .".into(),
            format!("{long} said the Bank , {long}"),
            format!("England said the bank won . Zürich {} \"", &long[..35]),
        ];
        for max in [WordMemo::MAX_WORDS, 4] {
            // The small memo is full, then made room in, several times.
            let mut memo = WordMemo::with_max_words(max);
            for _ in 0..2 {
                for d in &docs {
                    let words: Vec<&str> = d.split(' ').collect();
                    let doc = DocRef { words: &words, sentences: &[(0, words.len())] };
                    let (fresh, kept) = (
                        Analysis::new(doc, FEAT_GAZETTEER | FEAT_DOC),
                        Analysis::with_memo(doc, FEAT_GAZETTEER | FEAT_DOC, &mut memo),
                    );
                    assert_eq!(fresh.forms, kept.forms, "{d}");
                    assert_eq!((fresh.marks, fresh.form_of), (kept.marks, kept.form_of));
                }
            }
            assert!(memo.0.len() <= max);
        }
    }

    #[test]
    fn sentence_cases() {
        let ws = |s: &str| s.split(' ').map(|w| word(w).marks()).collect::<Vec<_>>();
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
        let b = |f: Feat| f.bucket(ex.mask);
        let h = |s: &str| hash_bytes(s.as_bytes());
        let (mr, smith, left, xx, x) = (h("mr"), h("smith"), h("left"), h("Xx"), h("x"));
        let expect = vec![
            b(Feat::new(T_BIAS)),
            b(Feat::new(T_FORM).part(h("Smith"))),
            b(Feat::new(T_LOWER).part(smith)),
            b(Feat::new(T_SHAPE).part(h("Xxxxx"))),
            b(Feat::new(T_SHORT).part(xx)),
            b(Feat::new(T_PREFIX).int(1).part(h("s"))),
            b(Feat::new(T_SUFFIX).int(1).part(h("h"))),
            b(Feat::new(T_PREFIX).int(2).part(h("sm"))),
            b(Feat::new(T_SUFFIX).int(2).part(h("th"))),
            b(Feat::new(T_PREFIX).int(3).part(h("smi"))),
            b(Feat::new(T_SUFFIX).int(3).part(h("ith"))),
            b(Feat::new(T_PREFIX).int(4).part(h("smit"))),
            b(Feat::new(T_SUFFIX).int(4).part(h("mith"))),
            b(Feat::new(T_FLAGS).int(100).int(5)),
            b(Feat::new(T_WIN_LOWER).int(-2isize as u8).part(BOS)),
            b(Feat::new(T_WIN_SHAPE).int(-2isize as u8).part(BOS)),
            b(Feat::new(T_WIN_LOWER).int(-1isize as u8).part(mr)),
            b(Feat::new(T_WIN_SHAPE).int(-1isize as u8).part(xx)),
            b(Feat::new(T_WIN_LOWER).int(1).part(left)),
            b(Feat::new(T_WIN_SHAPE).int(1).part(x)),
            b(Feat::new(T_WIN_SUFFIX).int(1).part(h("eft"))),
            b(Feat::new(T_WIN_LOWER).int(2).part(EOS)),
            b(Feat::new(T_WIN_SHAPE).int(2).part(EOS)),
            b(Feat::new(T_BI_LEFT).part(mr).part(smith)),
            b(Feat::new(T_BI_RIGHT).part(smith).part(left)),
            b(Feat::new(T_BI_LEFT).int(1).part(BOS).part(mr)),
            b(Feat::new(T_BI_RIGHT).int(1).part(left).part(EOS)),
            b(Feat::new(T_SHAPE3).part(xx).part(xx).part(x)),
            b(Feat::new(T_SHAPE2).int(0).part(xx).part(xx)),
            b(Feat::new(T_SHAPE2).int(1).part(xx).part(x)),
            b(Feat::new(T_SHAPE2).int(2).part(BOS).part(xx).part(xx)),
            b(Feat::new(T_SHAPE2).int(3).part(xx).part(x).part(EOS)),
            b(Feat::new(T_PREV_SHAPE).part(mr).part(xx)),
            b(Feat::new(T_NEXT_SHAPE).part(xx).part(left)),
            b(Feat::new(T_POS).int(1).int(3).part(xx)),
            b(Feat::new(T_CASE_SENT).int(0).part(xx)),
        ];
        assert_eq!(feats.of(1), &expect[..]);
        // Determinism, and independence from the rest of the document for sentence-level features.
        let again =
            ex.extract(DocRef { words: &["x", ".", "Mr", "Smith", "left"], sentences: &[(0, 2), (2, 5)] }, None);
        assert_eq!(again.of(3), feats.of(1));
    }

    #[test]
    fn word_window_and_context_features_make_up_a_tokens_features() {
        let words = ["Bank", "of", "England", "said", ".", "England", "won", "the", "CUP", ".", "Mr", "England"];
        let sents = [(0, 5), (5, 10), (10, 12)];
        let doc = DocRef { words: &words, sentences: &sents };
        let tags = [3, 0, 3, 0, 0, 2, 0, 0, 4, 0, 0, 1];
        let ex = Extractor::new(20, FEAT_GAZETTEER | FEAT_DOC | FEAT_STACKED);
        let a = Analysis::new(doc, ex.groups);
        let st = a.stacked(&tags);
        let whole = ex.extract_from(&a, Some(&tags));
        let mut context = Features::default();
        for (k, &(s, e)) in sents.iter().enumerate() {
            ex.extract_sentence_context(&a, Some(&st), k, &mut context);
            for i in s..e {
                let mut parts = context.of(i - s).to_vec();
                ex.push_word(&a, a.form_of(i), &mut parts);
                for o in WINDOW {
                    let j = i as isize + o;
                    let form = (s as isize..e as isize).contains(&j).then(|| a.form_of(j as usize));
                    ex.push_window(&a, form, o, &mut parts);
                }
                let mut all = whole.of(i).to_vec();
                assert!(parts.len() > context.of(i - s).len());
                parts.sort_unstable();
                all.sort_unstable();
                assert_eq!(parts, all, "token {i}");
            }
        }
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
        let b = |f: Feat| f.bucket(ex.mask);
        assert!(with.of(0).contains(&b(Feat::new(T_DOC).int(1).int(1).int(1))));
        // The mid-sentence one sees no other informative occurrence: pattern 0.
        assert!(with.of(5).contains(&b(Feat::new(T_DOC).int(0).int(1).int(0))));
    }

    #[test]
    fn stacked_features_extend_the_base_ones() {
        let words = ["Bank", "of", "England", "said", ".", "England", "won", "."];
        let sents = [(0, 5), (5, 8)];
        let doc = DocRef { words: &words, sentences: &sents };
        let tags = [3, 3, 3, 0, 0, 2, 0, 0];
        let base = Extractor::new(18, FEAT_DOC | FEAT_GAZETTEER);
        let full = Extractor::new(18, FEAT_DOC | FEAT_GAZETTEER | FEAT_STACKED);
        assert!(full.extends(&base) && !base.extends(&full));
        let a = Analysis::new(doc, full.groups);
        let direct = full.extract(doc, Some(&tags));
        assert_eq!(direct, full.extract_from(&a, Some(&tags)));
        assert_eq!(direct, full.extend_stacked(&a, &base.extract_from(&a, None), &tags));
        // "England" (tagged ORG here, LOC elsewhere) gets stacked features; "of" does not.
        assert!(direct.of(2).len() > base.extract(doc, None).of(2).len());
        assert_eq!(direct.of(1), base.extract(doc, None).of(1));
    }
}
