//! The linear sequence model: hashed emission weights and BIO transition weights, quantised to
//! `i16`, decoded with constrained Viterbi in integer arithmetic (so decoding is exact and
//! deterministic everywhere), and its compact binary file format.
//!
//! File format (all integers little-endian):
//! ```text
//! magic    8 bytes  b"CDSKNER\0"
//! version  u32      FORMAT_VERSION
//! stages   u32      1, or 2 for a stacked model (stage 2 sees stage 1's predictions)
//! per stage:
//!   n_tags u32, rows_log2 u32, groups u32, scale f32, temperature f32,
//!   n_values u32, values_len u32, values: (n_tags + 1) * n_tags transition weights then
//!   2^rows_log2 * n_tags emission weights, all i16, run-length coded: a zero byte then a varint
//!   count is a run of zeros; any other varint is a zigzag-coded non-zero value
//! checksum u64      FNV-1a of everything before it
//! ```

use std::cell::RefCell;

use super::features::{Analysis, DocRef, Extractor, Features, Fnv, WINDOW, Word, WordMemo};
use super::memo::Memo;

/// The entity types, in tag order.
pub const TYPES: [&str; 4] = ["PER", "LOC", "ORG", "MISC"];
/// BIO tags: 0 is `O`, `1 + 2k` is `B-TYPES[k]`, `2 + 2k` is `I-TYPES[k]`.
pub const N_TAGS: usize = 1 + 2 * TYPES.len();
/// The file's magic bytes.
pub const MAGIC: &[u8; 8] = b"CDSKNER\0";
/// The file format version.
pub const FORMAT_VERSION: u32 = 1;

/// The tag's entity type (`None` for `O`).
pub fn tag_type(t: u8) -> Option<usize> {
    (t != 0).then(|| (t as usize - 1) / 2)
}

/// Whether `t` is an `I-` tag.
pub fn is_inside(t: u8) -> bool {
    t != 0 && t % 2 == 0
}

/// The tag's name (`O`, `B-PER`, ...).
pub fn tag_name(t: u8) -> String {
    match tag_type(t) {
        None => "O".into(),
        Some(k) => format!("{}-{}", if is_inside(t) { "I" } else { "B" }, TYPES[k]),
    }
}

/// Parses a tag name; `None` for an unknown one.
pub fn parse_tag(s: &str) -> Option<u8> {
    if s == "O" {
        return Some(0);
    }
    let (bi, ty) = s.split_once('-')?;
    let k = TYPES.iter().position(|&t| t == ty)? as u8;
    match bi {
        "B" => Some(1 + 2 * k),
        "I" => Some(2 + 2 * k),
        _ => None,
    }
}

/// Whether tag `cur` may follow `prev` (`None`: sentence start): `I-X` only after `B-X` or `I-X`.
pub fn allowed(prev: Option<u8>, cur: u8) -> bool {
    if !is_inside(cur) {
        return true;
    }
    prev.is_some_and(|p| p != 0 && tag_type(p) == tag_type(cur))
}

/// One stage of a tagger: weights over hashed features.
#[derive(Debug, Clone, PartialEq)]
pub struct Stage {
    /// The feature extractor settings (buckets and feature groups).
    pub extractor: Extractor,
    /// A weight unit: the real weight is `i16 * scale`.
    pub scale: f32,
    /// The softmax temperature for confidences, in real weight units.
    pub temperature: f32,
    /// Transition weights, `(N_TAGS + 1) * N_TAGS`; row `N_TAGS` is the sentence start.
    pub trans: Vec<i16>,
    /// Emission weights, `2^rows_log2 * N_TAGS`.
    pub weights: Vec<i16>,
}

/// A trained tagger: one stage, or two when the second uses the first one's predictions.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The stages, run in order.
    pub stages: Vec<Stage>,
}

/// A decoded document: per token, the BIO tag and the probability of that tag.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The tags.
    pub tags: Vec<u8>,
    /// Per-token marginal probability of its tag; 1.0 for every token of a sentence without an
    /// entity tag (not computed: only entity confidences read them).
    pub probs: Vec<f32>,
}

/// The sum of the weight rows of `buckets`: tags 0..8, and tag 8.
///
/// Written for the vectoriser: eight lanes plus one, in a function of its own, so that the first
/// eight weights of a row are one 16-byte load widened into two 4 x i32 adds (with `[i32; 9]`, or
/// inlined into the caller, the compiler splits the row into 2-lane pieces, twice the work).
#[inline(never)]
fn row_sums(weights: &[i16], buckets: &[u32]) -> RowSums {
    let (mut acc, mut last) = ([0i32; 8], 0i32);
    for &b in buckets {
        let at = b as usize * N_TAGS;
        // A fixed-size row: one bounds check for the whole row.
        let row: &[i16; N_TAGS] = weights[at..at + N_TAGS].try_into().expect("bucket within the table");
        for k in 0..8 {
            acc[k] += i32::from(row[k]);
        }
        last += i32::from(row[8]);
    }
    RowSums(acc, last)
}

/// [`row_sums`] over two tables of the same size at once: one pass over the buckets, with the
/// row offsets and bounds checks shared (about a third fewer instructions than two calls).
fn row_sums2(a: &[i16], b: &[i16], buckets: &[u32]) -> [RowSums; 2] {
    let ([acc_a, acc_b], [last_a, last_b]) = row_sums2_lanes(a, b, buckets);
    [RowSums(acc_a, last_a), RowSums(acc_b, last_b)]
}

/// [`row_sums2`], its sums laid out for the vectoriser as in [`row_sums`]: each table's tags
/// 0..8 as two 4-lane adds, and both tags 8 together (returned as two [`RowSums`], the second
/// table's lanes would start one `i32` off and be shuffled at every step).
#[inline(never)]
fn row_sums2_lanes(a: &[i16], b: &[i16], buckets: &[u32]) -> ([[i32; 8]; 2], [i32; 2]) {
    // Equal lengths: the bounds check of a row of `a` is one of `b` as well.
    let b = &b[..a.len()];
    let (mut acc, mut last) = ([[0i32; 8]; 2], [0i32; 2]);
    for &bucket in buckets {
        let at = bucket as usize * N_TAGS;
        let row_a: &[i16; N_TAGS] = a[at..at + N_TAGS].try_into().expect("bucket within the table");
        let row_b: &[i16; N_TAGS] = b[at..at + N_TAGS].try_into().expect("bucket within the table");
        for k in 0..8 {
            acc[0][k] += i32::from(row_a[k]);
            acc[1][k] += i32::from(row_b[k]);
        }
        last[0] += i32::from(row_a[8]);
        last[1] += i32::from(row_b[8]);
    }
    (acc, last)
}

/// Summed weight rows ([`row_sums`]): tags 0..8, and tag 8.
#[derive(Clone, Copy)]
struct RowSums([i32; 8], i32);

impl RowSums {
    /// The sums over no buckets.
    const ZERO: RowSums = RowSums([0; 8], 0);

    /// The sums over two lists of buckets, given the sums over each.
    fn add(self, other: RowSums) -> RowSums {
        RowSums(std::array::from_fn(|k| self.0[k] + other.0[k]), self.1 + other.1)
    }

    /// As emission scores.
    fn emissions(self) -> [i64; N_TAGS] {
        std::array::from_fn(|k| i64::from(if k < 8 { self.0[k] } else { self.1 }))
    }
}

/// The summed weights of the features a token has because of its own word and of its window
/// neighbours ([`Extractor::push_word`], [`Extractor::push_window`]), for one or two weight
/// tables (a stage's, and the next stage's when that one [`Extractor::extends`] it). These depend
/// on the word alone (its [`Word`]), so they are summed once per distinct word and reused for
/// every token of it, instead of being hashed and summed again for each token: about two thirds
/// of a token's features. They are kept in a [`WordCache`], which may outlive the document (see
/// [`Model::decode_cached`]); this holds, per distinct word of the document, where its sums are
/// in the cache. Integer sums in any grouping are exact, so the scores are those of the whole
/// feature lists.
struct WordSums<'m, 'c> {
    extractor: &'m Extractor,
    tables: [&'m [i16]; 2],
    /// How many of `tables` are used (1 or 2).
    n_tables: usize,
    /// Where the sums are kept, claimed for `extractor` and `tables`.
    cache: &'c mut WordCache,
    /// Per distinct word of the document: its slot in `cache`, or `NONE`.
    entry: Vec<u32>,
    /// The distinct words with an entry, to forget those when the cache moves or forgets its
    /// words ([`Memo::make_room`]).
    resolved: Vec<u32>,
    /// Per [`WINDOW`] offset, per table: the sums over the features of a sentence edge there.
    edge: Vec<RowSums>,
    buckets: Vec<u32>,
}

impl<'m, 'c> WordSums<'m, 'c> {
    const NONE: u32 = u32::MAX;
    const PARTS: usize = 1 + WINDOW.len();

    fn new(extractor: &'m Extractor, tables: &[&'m [i16]], a: &Analysis<'_>, cache: &'c mut WordCache) -> Self {
        cache.claim(Owner::new(extractor, tables), a.n_forms());
        let mut ws = WordSums {
            extractor,
            tables: [tables[0], tables[tables.len() - 1]],
            n_tables: tables.len(),
            cache,
            entry: vec![Self::NONE; a.n_forms()],
            resolved: Vec::new(),
            edge: Vec::new(),
            buckets: Vec::new(),
        };
        for o in WINDOW {
            ws.buckets.clear();
            extractor.push_window(a, None, o, &mut ws.buckets);
            for t in 0..ws.n_tables {
                ws.edge.push(row_sums(ws.tables[t], &ws.buckets));
            }
        }
        ws
    }

    /// The slot of distinct word `form` in the cache: found there, or summed now.
    #[inline]
    fn entry(&mut self, a: &Analysis<'_>, form: usize) -> usize {
        // Inlined for the usual case, a word seen earlier in the document (nine lookups in ten).
        match self.entry[form] {
            Self::NONE => self.resolve(a, form),
            e => e as usize,
        }
    }

    /// [`WordSums::entry`] for a word without an entry yet.
    #[inline(never)]
    fn resolve(&mut self, a: &Analysis<'_>, form: usize) -> usize {
        let word = a.word(form);
        let slot = match self.cache.memo.find(word.key(), word) {
            Some(slot) => slot,
            None => {
                if self.cache.memo.is_full() {
                    self.cache.memo.make_room();
                    for &f in &self.resolved {
                        self.entry[f as usize] = Self::NONE;
                    }
                    self.resolved.clear();
                }
                self.sum(a, form)
            }
        };
        self.entry[form] = slot as u32;
        self.resolved.push(form as u32);
        slot
    }

    /// Sums the features of distinct word `form` into a new slot of the cache.
    fn sum(&mut self, a: &Analysis<'_>, form: usize) -> usize {
        let mut sums: Sums = [RowSums::ZERO; Self::PARTS * 2];
        for p in 0..Self::PARTS {
            self.buckets.clear();
            if p == 0 {
                self.extractor.push_word(a, form, &mut self.buckets);
            } else {
                self.extractor.push_window(a, Some(form), WINDOW[p - 1], &mut self.buckets);
            }
            if self.n_tables == 2 {
                [sums[2 * p], sums[2 * p + 1]] = row_sums2(self.tables[0], self.tables[1], &self.buckets);
            } else {
                sums[p] = row_sums(self.tables[0], &self.buckets);
            }
        }
        let word = a.word(form);
        self.cache.memo.insert(word.key(), *word, sums)
    }

    /// Token `i`'s sums over its word and window features, per table, in sentence `s..e`.
    fn token(&mut self, a: &Analysis<'_>, s: usize, e: usize, i: usize) -> [RowSums; 2] {
        let nt = self.n_tables;
        let mut out = [RowSums::ZERO; 2];
        // Each entry is read as soon as it is found: finding the next one may forget it.
        let own = self.entry(a, a.form_of(i));
        out[..nt].copy_from_slice(&self.cache.memo.value(own)[..nt]);
        for (k, o) in WINDOW.into_iter().enumerate() {
            let j = i as isize + o;
            let at = if (s as isize..e as isize).contains(&j) {
                let n = self.entry(a, a.form_of(j as usize));
                &self.cache.memo.value(n)[(1 + k) * nt..][..nt]
            } else {
                &self.edge[k * nt..][..nt]
            };
            for t in 0..nt {
                out[t] = out[t].add(at[t]);
            }
        }
        out
    }
}

/// What the sums of a [`WordCache`] are for: an extractor and one or two weight tables, by
/// address and length.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Owner {
    extractor: Extractor,
    tables: [(usize, usize); 2],
}

impl Owner {
    fn new(extractor: &Extractor, tables: &[&[i16]]) -> Owner {
        let id = |t: &[i16]| (t.as_ptr() as usize, t.len());
        Owner { extractor: *extractor, tables: [id(tables[0]), tables.get(1).map_or((0, 0), |&t| id(t))] }
    }
}

/// A word's sums ([`WordSums`]): over its own features, then over its features as each
/// [`WINDOW`] neighbour, [`WordSums::PARTS`] parts, each with one sum per table (the second
/// unused with one table).
type Sums = [RowSums; 2 * WordSums::PARTS];

/// The word sums of [`WordSums`] for one extractor and table set, by [`Word`] (which they are
/// made of alone), kept from document to document ([`Memo`]): most distinct words of a news
/// article were summed for an earlier one. A thread that tags many documents with the
/// compiled-in model keeps one of these per stage ([`Model::decode_cached`]) and sums only the
/// words it has not seen lately. About 4 MB at [`WordCache::MAX_WORDS`].
struct WordCache {
    /// The extractor and tables of the sums; claiming the cache for others empties it.
    owner: Option<Owner>,
    memo: Memo<Word, Sums>,
}

impl Default for WordCache {
    fn default() -> Self {
        WordCache::with_max_words(WordCache::MAX_WORDS)
    }
}

impl WordCache {
    /// 360 bytes of sums and a 120-byte [`Word`] per word.
    const MAX_WORDS: usize = 1 << 13;

    fn with_max_words(max_words: usize) -> Self {
        WordCache { owner: None, memo: Memo::new(max_words) }
    }

    /// Makes the cache one for `owner`'s sums (emptied if it held others), about to be used for
    /// a document of `n_forms` distinct words.
    fn claim(&mut self, owner: Owner, n_forms: usize) {
        if self.owner != Some(owner) {
            self.memo.clear();
            self.owner = Some(owner);
        }
        self.memo.reserve(n_forms);
    }
}

/// What decoding keeps from one document to the next: the words' analyses (about 1.5 MB), and
/// per stage of the model, its [`WordCache`] (used by the stages that sum word features: one
/// stage of the compiled-in model, about 4 MB).
#[derive(Default)]
struct DecodeCache {
    words: WordMemo,
    stages: Vec<WordCache>,
}

impl DecodeCache {
    fn stage(&mut self, k: usize) -> &mut WordCache {
        if self.stages.len() <= k {
            self.stages.resize_with(k + 1, WordCache::default);
        }
        &mut self.stages[k]
    }
}

thread_local! {
    /// The compiled-in model's word analyses and word sums on this thread, kept from document
    /// to document ([`Model::decode_cached`]).
    static CACHE: RefCell<DecodeCache> = RefCell::default();
}

/// Buffers reused from sentence to sentence while decoding a document.
#[derive(Default)]
struct Scratch {
    em: Vec<[i64; N_TAGS]>,
    back: Vec<[u8; N_TAGS]>,
    marg: Vec<[f64; N_TAGS]>,
    fb: MarginalScratch,
}

impl Stage {
    /// The emission scores of tokens `s..e`.
    pub fn emissions(&self, feats: &Features, s: usize, e: usize) -> Vec<[i64; N_TAGS]> {
        let mut out = Vec::with_capacity(e - s);
        self.emissions_into(feats, s, e, &mut out);
        out
    }

    /// [`Stage::emissions`] into a reused buffer. The weights of a bucket are contiguous (one or
    /// two cache lines), so a feature costs one random memory access; sums are exact in `i32`.
    fn emissions_into(&self, feats: &Features, s: usize, e: usize, out: &mut Vec<[i64; N_TAGS]>) {
        out.clear();
        for i in s..e {
            out.push(row_sums(&self.weights, feats.of(i)).emissions());
        }
    }

    /// What scores are multiplied by for confidences: the weight unit over the temperature.
    fn factor(&self) -> f64 {
        f64::from(self.scale) / f64::from(self.temperature.max(1e-6))
    }

    /// Tags a document from its features, returning tags and (if `probs`) their marginal
    /// probabilities.
    fn decode_features(&self, doc: DocRef<'_>, feats: &Features, probs: bool, sc: &mut Scratch) -> Decoded {
        let chain = Chain::new(&self.trans);
        let pot = probs.then(|| chain.potentials(self.factor()));
        let mut out = Decoded { tags: Vec::with_capacity(doc.words.len()), probs: Vec::new() };
        if probs {
            out.probs.reserve(doc.words.len());
        }
        for &(s, e) in doc.sentences {
            self.emissions_into(feats, s, e, &mut sc.em);
            let from = out.tags.len();
            chain.viterbi(&sc.em, &mut sc.back, &mut out.tags);
            if let Some(pot) = &pot {
                chain.tag_probs(&sc.em, pot, &out.tags[from..], &mut sc.fb, &mut sc.marg, &mut out.probs);
            }
        }
        out
    }

    /// Tags a document, returning tags and (if `probs`) their marginal probabilities.
    pub fn decode(&self, doc: DocRef<'_>, stacked: Option<&[u8]>, probs: bool) -> Decoded {
        let feats = self.extractor.extract(doc, stacked);
        self.decode_features(doc, &feats, probs, &mut Scratch::default())
    }
}

impl Model {
    /// Tags a document: per token, the BIO tag and its probability.
    ///
    /// The document is analysed once for all stages ([`Analysis`]), then each stage runs sentence
    /// by sentence: a sentence's features are extracted, summed into emission scores and dropped,
    /// so memory grows with the document only by a few numbers per token, not by its ~80 feature
    /// buckets. A stage that only adds stacked features to the previous one's
    /// ([`Extractor::extends`]) gets the sums of those shared features from the previous stage's
    /// pass (integer sums, so the scores are exactly those of the whole feature lists).
    pub fn decode(&self, doc: DocRef<'_>) -> Decoded {
        self.decode_with(doc, &mut DecodeCache::default())
    }

    /// [`Model::decode`], reusing the word analyses ([`WordMemo`]) and word sums ([`WordCache`])
    /// of the documents this thread decoded before: the same result, faster on a stream of
    /// documents. The thread keeps about 6 MB for them.
    ///
    /// For the compiled-in model only ([`crate::ner::model()`]): the thread's cache knows a model
    /// by the addresses of its weight tables, so it must be one whose weights never change and
    /// are never freed (another model could reuse the addresses).
    pub(crate) fn decode_cached(&'static self, doc: DocRef<'_>) -> Decoded {
        // Taken out for the call rather than borrowed: a nested call would find an empty cache
        // rather than panic.
        let mut cache = CACHE.take();
        let out = self.decode_with(doc, &mut cache);
        CACHE.set(cache);
        out
    }

    /// [`Model::decode`] with word analyses and sums kept in `cache`, which holds only sums of
    /// this model.
    fn decode_with(&self, doc: DocRef<'_>, cache: &mut DecodeCache) -> Decoded {
        let groups = self.stages.iter().fold(0, |g, s| g | s.extractor.groups);
        let analysis = Analysis::with_memo(doc, groups, &mut cache.words);
        let mut sc = Scratch::default();
        let mut feats = Features::default();
        let mut prev: Option<Decoded> = None;
        // Per token, this stage's emission sums over the features it shares with the previous
        // stage, when it extends that one.
        let mut shared: Option<Vec<RowSums>> = None;
        for (k, stage) in self.stages.iter().enumerate() {
            let types = prev.as_ref().map(|p| coarse_types(&p.tags));
            let stacked = types.as_deref().map(|t| analysis.stacked(t));
            let next = self.stages.get(k + 1).filter(|n| shared.is_none() && n.extractor.extends(&stage.extractor));
            let mut next_shared: Option<Vec<RowSums>> = next.map(|_| Vec::with_capacity(doc.words.len()));
            let probs = k + 1 == self.stages.len();
            let chain = Chain::new(&stage.trans);
            let pot = probs.then(|| chain.potentials(stage.factor()));
            let mut out = Decoded { tags: Vec::with_capacity(doc.words.len()), probs: Vec::new() };
            if probs {
                out.probs.reserve(doc.words.len());
            }
            // This stage's word sums, unless it has those of the previous stage (`shared`).
            let mut word_sums = match (&shared, &stacked) {
                (Some(_), Some(_)) => None,
                _ => {
                    let tables: Vec<&[i16]> = [Some(&stage.weights), next.map(|n| &n.weights)]
                        .into_iter()
                        .flatten()
                        .map(Vec::as_slice)
                        .collect();
                    Some(WordSums::new(&stage.extractor, &tables, &analysis, cache.stage(k)))
                }
            };
            for (si, &(s, e)) in doc.sentences.iter().enumerate() {
                sc.em.clear();
                if let Some(ws) = &mut word_sums {
                    stage.extractor.extract_sentence_context(&analysis, stacked.as_ref(), si, &mut feats);
                    for j in 0..e - s {
                        let [own, own_next] = ws.token(&analysis, s, e, s + j);
                        if let (Some(n), Some(ns)) = (next, &mut next_shared) {
                            let [this, then] = row_sums2(&stage.weights, &n.weights, feats.of(j));
                            sc.em.push(own.add(this).emissions());
                            ns.push(own_next.add(then));
                        } else {
                            sc.em.push(own.add(row_sums(&stage.weights, feats.of(j))).emissions());
                        }
                    }
                } else if let (Some(base), Some(st)) = (&shared, &stacked) {
                    for (i, b) in base.iter().enumerate().take(e).skip(s) {
                        feats.buckets.clear();
                        stage.extractor.push_stacked(&analysis, st, i, &mut feats.buckets);
                        sc.em.push(b.add(row_sums(&stage.weights, &feats.buckets)).emissions());
                    }
                }
                let from = out.tags.len();
                chain.viterbi(&sc.em, &mut sc.back, &mut out.tags);
                if let Some(pot) = &pot {
                    chain.tag_probs(&sc.em, pot, &out.tags[from..], &mut sc.fb, &mut sc.marg, &mut out.probs);
                }
            }
            shared = next_shared;
            prev = Some(out);
        }
        prev.unwrap_or(Decoded { tags: vec![0; doc.words.len()], probs: vec![1.0; doc.words.len()] })
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(self.stages.len() as u32).to_le_bytes());
        for st in &self.stages {
            let rows_log2 = (st.extractor.mask + 1).trailing_zeros();
            for v in [N_TAGS as u32, rows_log2, st.extractor.groups, st.scale.to_bits(), st.temperature.to_bits()] {
                out.extend_from_slice(&v.to_le_bytes());
            }
            let values = encode_values(st.trans.iter().chain(&st.weights).copied());
            out.extend_from_slice(&((st.trans.len() + st.weights.len()) as u32).to_le_bytes());
            out.extend_from_slice(&(values.len() as u32).to_le_bytes());
            out.extend_from_slice(&values);
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Parses a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        if bytes.len() < 24 || &bytes[..8] != MAGIC {
            return Err("not a copydesk NER model (bad magic)".into());
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        if checksum(body) != u64::from_le_bytes(sum.try_into().map_err(|_| "truncated")?) {
            return Err("model checksum mismatch".into());
        }
        let mut r = Reader { b: body, pos: 8 };
        let version = r.u32()?;
        if version != FORMAT_VERSION {
            return Err(format!("model format version {version}, this build reads {FORMAT_VERSION}"));
        }
        let n_stages = r.u32()?;
        if !(1..=4).contains(&n_stages) {
            return Err(format!("bad stage count {n_stages}"));
        }
        let mut stages = Vec::new();
        for _ in 0..n_stages {
            let n_tags = r.u32()? as usize;
            let rows_log2 = r.u32()?;
            let groups = r.u32()?;
            let scale = f32::from_bits(r.u32()?);
            let temperature = f32::from_bits(r.u32()?);
            if n_tags != N_TAGS || !(1..=26).contains(&rows_log2) {
                return Err(format!("unsupported model shape: {n_tags} tags, 2^{rows_log2} rows"));
            }
            let n_values = r.u32()? as usize;
            let n_trans = (N_TAGS + 1) * N_TAGS;
            if n_values != n_trans + (N_TAGS << rows_log2) {
                return Err("weight count does not match the model shape".into());
            }
            let len = r.u32()? as usize;
            let mut values = decode_values(r.take(len)?, n_values)?;
            let weights = values.split_off(n_trans);
            stages.push(Stage {
                extractor: Extractor::new(rows_log2, groups),
                scale,
                temperature,
                trans: values,
                weights,
            });
        }
        if r.pos != body.len() {
            return Err("trailing bytes in model".into());
        }
        Ok(Model { stages })
    }
}

/// Per token, the entity type of its tag as used by stacked features (0 none, 1..=4 a type).
pub fn coarse_types(tags: &[u8]) -> Vec<u8> {
    tags.iter().map(|&t| tag_type(t).map_or(0, |k| k as u8 + 1)).collect()
}

/// The BIO chain's transition scores in the form decoding wants them: forbidden transitions
/// folded in (as a very low score, and as probability 0), so the inner loops have no branches.
struct Chain {
    /// `score[p][t]`: from tag `p` to tag `t`; row `N_TAGS` is the sentence start.
    score: [[i64; N_TAGS]; N_TAGS + 1],
    /// The raw transition weights, for the exact fallback of [`Chain::marginals`].
    raw: Vec<i64>,
}

/// A score below any reachable one (sums of two stay far from overflow).
const NEG: i64 = i64::MIN / 4;

impl Chain {
    /// `trans` is `(N_TAGS + 1) * N_TAGS`, row `N_TAGS` holding the start scores.
    fn new<T: Copy + Into<i64>>(trans: &[T]) -> Chain {
        let mut score = [[NEG; N_TAGS]; N_TAGS + 1];
        for (p, row) in score.iter_mut().enumerate() {
            let prev = (p < N_TAGS).then_some(p as u8);
            for (t, x) in row.iter_mut().enumerate() {
                if allowed(prev, t as u8) {
                    *x = trans[p * N_TAGS + t].into();
                }
            }
        }
        Chain { score, raw: trans.iter().map(|&t| t.into()).collect() }
    }

    /// Appends the best tag sequence for emissions `em` to `path`; `back` is scratch space.
    fn viterbi(&self, em: &[[i64; N_TAGS]], back: &mut Vec<[u8; N_TAGS]>, path: &mut Vec<u8>) {
        let n = em.len();
        if n == 0 {
            return;
        }
        back.clear();
        back.resize(n, [0; N_TAGS]);
        let mut score: [i64; N_TAGS] = std::array::from_fn(|t| self.score[N_TAGS][t].saturating_add(em[0][t]));
        for i in 1..n {
            let mut next = [NEG; N_TAGS];
            for t in 0..N_TAGS {
                let (best, arg) = if is_inside(t as u8) {
                    // Only `B-X` (t - 1) and `I-X` (t) may precede `I-X` (see `allowed`): skip the
                    // other seven, which `score` forbids anyway. Ties go to the lower tag.
                    let (b, i) = (score[t - 1] + self.score[t - 1][t], score[t] + self.score[t][t]);
                    if i > b { (i, t as u8) } else { (b, t as u8 - 1) }
                } else {
                    // Strictly greater: ties go to the lowest previous tag.
                    let (mut best, mut arg) = (score[0] + self.score[0][t], 0u8);
                    #[allow(clippy::needless_range_loop)] // indexing compiles to tighter code than zips here
                    for p in 1..N_TAGS {
                        let s = score[p] + self.score[p][t];
                        if s > best {
                            best = s;
                            arg = p as u8;
                        }
                    }
                    (best, arg)
                };
                // Unreachable (forbidden from every live tag): stays NEG rather than drifting.
                next[t] = if best > NEG / 2 { best + em[i][t] } else { NEG };
                back[i][t] = arg;
            }
            score = next;
        }
        let from = path.len();
        path.resize(from + n, 0);
        let mut t = (0..N_TAGS).fold(0, |b, t| if score[t] > score[b] { t } else { b }) as u8;
        for i in (0..n).rev() {
            path[from + i] = t;
            t = back[i][t as usize];
        }
    }

    /// The transition potentials `exp(score * factor)`, 0 where forbidden, for [`Chain::marginals`]
    /// (computed once per document rather than per sentence: they are 90 `exp`s).
    fn potentials(&self, factor: f64) -> Potentials {
        Potentials {
            factor,
            tr: self.score.map(|row| row.map(|x| if x == NEG { 0.0 } else { (x as f64 * factor).exp() })),
        }
    }

    /// Appends to `probs` the marginal probability of each of a sentence's `tags` (its best
    /// path), given its emissions `em`. Only entity confidences read these, so a sentence without
    /// an entity tag gets 1.0 for every token instead: forward-backward is skipped for it.
    fn tag_probs(
        &self,
        em: &[[i64; N_TAGS]],
        pot: &Potentials,
        tags: &[u8],
        sc: &mut MarginalScratch,
        marg: &mut Vec<[f64; N_TAGS]>,
        probs: &mut Vec<f32>,
    ) {
        if tags.iter().all(|&t| t == 0) {
            probs.extend(std::iter::repeat_n(1.0, tags.len()));
            return;
        }
        self.marginals(em, pot, sc, marg);
        probs.extend(tags.iter().zip(marg.iter()).map(|(&t, m)| m[t as usize] as f32));
    }

    /// Per-token tag marginals of the chain with scores multiplied by `pot.factor`, into `out`;
    /// `alpha` and `psis` are scratch space.
    ///
    /// For speed this runs forward-backward on probabilities rather than logs: transitions are
    /// exponentiated once per document ([`Chain::potentials`]), each token's emissions once (at
    /// most 9 `exp`s per token instead of ~170 in log space), and each step is rescaled to sum to 1.
    /// If that underflows or overflows (only for extreme scores), it falls back to the log-space
    /// computation.
    fn marginals(
        &self,
        em: &[[i64; N_TAGS]],
        pot: &Potentials,
        sc: &mut MarginalScratch,
        out: &mut Vec<[f64; N_TAGS]>,
    ) {
        let n = em.len();
        out.clear();
        if n == 0 {
            return;
        }
        let (tr, factor) = (&pot.tr, pot.factor);
        let ok = |x: f64| x.is_finite() && x > 0.0;
        let mut sane = true;
        // Token i's emission potentials relative to its best tag, so each is in (0, 1]. A tag more
        // than e^-40 below the best contributes nothing visible in f64 next to it: skip its exp.
        sc.psi.clear();
        sc.psi.extend(em.iter().map(|e| {
            let m = e.iter().copied().max().unwrap_or(0);
            e.map(|x| {
                // `f32::exp` is several times cheaper than `f64::exp` and precise enough here.
                let d = ((x - m) as f64 * factor) as f32;
                if d < -40.0 { 0.0 } else { f64::from(d.exp()) }
            })
        }));
        let psi = &sc.psi;
        // Forward, normalised: alpha[i] is P(tag i | words 0..=i).
        sc.alpha.clear();
        let mut a: [f64; N_TAGS] = std::array::from_fn(|t| tr[N_TAGS][t] * psi[0][t]);
        sane &= normalise(&mut a).is_some_and(ok);
        sc.alpha.push(a);
        for pi in &psi[1..] {
            let mut a = [0.0; N_TAGS];
            let prev = sc.alpha[sc.alpha.len() - 1];
            for (p, &ap) in prev.iter().enumerate() {
                for t in 0..N_TAGS {
                    a[t] += ap * tr[p][t];
                }
            }
            for t in 0..N_TAGS {
                a[t] *= pi[t];
            }
            sane &= normalise(&mut a).is_some_and(ok);
            sc.alpha.push(a);
        }
        // Backward, each step rescaled (the scale cancels in the per-token normalisation).
        out.resize(n, [0.0; N_TAGS]);
        let mut beta = [1.0; N_TAGS];
        for i in (0..n).rev() {
            let mut m: [f64; N_TAGS] = std::array::from_fn(|t| sc.alpha[i][t] * beta[t]);
            sane &= normalise(&mut m).is_some_and(ok);
            out[i] = m;
            if i > 0 {
                let next: [f64; N_TAGS] = std::array::from_fn(|t| psi[i][t] * beta[t]);
                let mut b = [0.0; N_TAGS];
                for (p, bp) in b.iter_mut().enumerate() {
                    *bp = (0..N_TAGS).map(|t| tr[p][t] * next[t]).sum();
                }
                sane &= normalise(&mut b).is_some_and(ok);
                beta = b;
            }
        }
        if !sane {
            *out = marginals(em, &self.raw, factor);
        }
    }
}

/// [`Chain::potentials`].
struct Potentials {
    factor: f64,
    tr: [[f64; N_TAGS]; N_TAGS + 1],
}

/// Buffers for [`Chain::marginals`].
#[derive(Default)]
struct MarginalScratch {
    alpha: Vec<[f64; N_TAGS]>,
    psi: Vec<[f64; N_TAGS]>,
}

/// Divides `xs` by its sum; returns the sum.
fn normalise(xs: &mut [f64; N_TAGS]) -> Option<f64> {
    let z: f64 = xs.iter().sum();
    if !(z.is_finite() && z > 0.0) {
        return None;
    }
    for x in xs.iter_mut() {
        *x /= z;
    }
    Some(z)
}

/// The best tag sequence under the BIO constraints. `trans` is `(N_TAGS + 1) * N_TAGS`, row
/// `N_TAGS` holding the start scores. Ties go to the lowest tag id, so the result is deterministic.
pub fn viterbi(em: &[[i64; N_TAGS]], trans: &[i64]) -> Vec<u8> {
    let mut path = Vec::with_capacity(em.len());
    Chain::new(trans).viterbi(em, &mut Vec::new(), &mut path);
    path
}

/// Per-token tag marginals of the constrained chain with scores multiplied by `factor`, computed
/// in log space (exact but slow; decoding uses the scaled version in [`Chain::marginals`]).
pub fn marginals(em: &[[i64; N_TAGS]], trans: &[i64], factor: f64) -> Vec<[f64; N_TAGS]> {
    let n = em.len();
    if n == 0 {
        return Vec::new();
    }
    let neg = f64::NEG_INFINITY;
    // Transition scores, -inf where forbidden; row N_TAGS is the start.
    let tr: Vec<f64> = (0..(N_TAGS + 1) * N_TAGS)
        .map(|k| {
            let (p, t) = (k / N_TAGS, (k % N_TAGS) as u8);
            let prev = (p < N_TAGS).then_some(p as u8);
            if allowed(prev, t) { trans[k] as f64 * factor } else { neg }
        })
        .collect();
    let lse = |xs: &[f64; N_TAGS]| {
        let m = xs.iter().copied().fold(neg, f64::max);
        if m == neg { neg } else { m + xs.iter().map(|x| (x - m).exp()).sum::<f64>().ln() }
    };
    let mut alpha = vec![[neg; N_TAGS]; n];
    let mut beta = vec![[0.0f64; N_TAGS]; n];
    for t in 0..N_TAGS {
        alpha[0][t] = tr[N_TAGS * N_TAGS + t] + em[0][t] as f64 * factor;
    }
    for i in 1..n {
        for t in 0..N_TAGS {
            let xs: [f64; N_TAGS] = std::array::from_fn(|p| alpha[i - 1][p] + tr[p * N_TAGS + t]);
            alpha[i][t] = lse(&xs) + em[i][t] as f64 * factor;
        }
    }
    for i in (0..n - 1).rev() {
        let next: [f64; N_TAGS] = std::array::from_fn(|t| em[i + 1][t] as f64 * factor + beta[i + 1][t]);
        for p in 0..N_TAGS {
            let xs: [f64; N_TAGS] = std::array::from_fn(|t| tr[p * N_TAGS + t] + next[t]);
            beta[i][p] = lse(&xs);
        }
    }
    let z = lse(&alpha[n - 1]);
    (0..n).map(|i| std::array::from_fn(|t| (alpha[i][t] + beta[i][t] - z).exp())).collect()
}

/// The entity spans of a tag sequence, conlleval style: `(start, end, type)` in token indices. An
/// `I-` tag that does not continue an entity of its type starts a new one.
pub fn spans(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let ty = tag_type(t);
        if let Some((s, k)) = cur
            && (ty != Some(k) || !is_inside(t))
        {
            out.push((s, i, k));
            cur = None;
        }
        if let (Some(k), None) = (ty, cur) {
            cur = Some((i, k));
        }
    }
    if let Some((s, k)) = cur {
        out.push((s, tags.len(), k));
    }
    out
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut h = Fnv::new(0);
    for &b in bytes {
        h = h.byte(b);
    }
    h.finish()
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn encode_values(values: impl Iterator<Item = i16>) -> Vec<u8> {
    let mut out = Vec::new();
    let mut zeros = 0u64;
    for v in values {
        if v == 0 {
            zeros += 1;
            continue;
        }
        if zeros > 0 {
            out.push(0);
            put_varint(&mut out, zeros);
            zeros = 0;
        }
        let z = ((i32::from(v) << 1) ^ (i32::from(v) >> 31)) as u64;
        put_varint(&mut out, z);
    }
    if zeros > 0 {
        out.push(0);
        put_varint(&mut out, zeros);
    }
    out
}

fn decode_values(bytes: &[u8], n: usize) -> Result<Vec<i16>, String> {
    let mut out = Vec::with_capacity(n);
    let mut r = Reader { b: bytes, pos: 0 };
    while r.pos < bytes.len() {
        let v = r.varint()?;
        if v == 0 {
            let run = r.varint()? as usize;
            if out.len() + run > n {
                return Err("weights overflow the model shape".into());
            }
            out.resize(out.len() + run, 0);
        } else {
            let v = ((v >> 1) as i64) ^ -((v & 1) as i64);
            out.push(i16::try_from(v).map_err(|_| "weight out of range")?);
        }
    }
    if out.len() != n {
        return Err("weight count mismatch".into());
    }
    Ok(out)
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.b.len()).ok_or("truncated model")?;
        let s = &self.b[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().map_err(|_| "truncated model")?))
    }

    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(v);
            }
        }
        Err("bad varint".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny(seed: u64) -> Model {
        let rows_log2 = 4;
        let mut x = seed;
        let mut next = || {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((x >> 33) % 7) as i16 - 3
        };
        let trans = (0..(N_TAGS + 1) * N_TAGS).map(|_| next()).collect();
        let weights = (0..N_TAGS << rows_log2).map(|_| if next() > 0 { next() * 1000 } else { 0 }).collect();
        Model {
            stages: vec![Stage {
                extractor: Extractor::new(rows_log2, 0),
                scale: 0.01,
                temperature: 1.0,
                trans,
                weights,
            }],
        }
    }

    #[test]
    fn round_trip() {
        let m = tiny(7);
        let bytes = m.to_bytes();
        assert_eq!(&bytes[..8], MAGIC);
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back, m);
        assert_eq!(back.to_bytes(), bytes);
        let mut bad = bytes.clone();
        bad[30] ^= 1;
        assert!(Model::from_bytes(&bad).is_err());
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Model::from_bytes(b"").is_err());
    }

    #[test]
    fn tags_parse_and_name() {
        for t in 0..N_TAGS as u8 {
            assert_eq!(parse_tag(&tag_name(t)), Some(t));
        }
        assert_eq!(parse_tag("B-GPE"), None);
    }

    #[test]
    fn viterbi_output_is_valid_bio() {
        // Emissions that favour I- tags everywhere must still decode to a valid sequence.
        let mut x = 12345u64;
        for _ in 0..200 {
            let n = 1 + (x % 9) as usize;
            let em: Vec<[i64; N_TAGS]> = (0..n)
                .map(|_| {
                    std::array::from_fn(|t| {
                        x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
                        ((x >> 40) % 100) as i64 + if is_inside(t as u8) { 80 } else { 0 }
                    })
                })
                .collect();
            let trans = vec![0i64; (N_TAGS + 1) * N_TAGS];
            let path = viterbi(&em, &trans);
            assert_eq!(path.len(), n);
            for i in 0..n {
                assert!(allowed(if i == 0 { None } else { Some(path[i - 1]) }, path[i]), "{path:?}");
            }
            let marg = marginals(&em, &trans, 0.05);
            let (mut fast, chain) = (Vec::new(), Chain::new(&trans));
            chain.marginals(&em, &chain.potentials(0.05), &mut MarginalScratch::default(), &mut fast);
            for (a, b) in marg.iter().zip(&fast) {
                for t in 0..N_TAGS {
                    assert!((a[t] - b[t]).abs() < 1e-6, "{a:?} {b:?}");
                }
            }
            for m in &marg {
                assert!((m.iter().sum::<f64>() - 1.0).abs() < 1e-6);
                for t in 0..N_TAGS {
                    if is_inside(t as u8) && std::ptr::eq(m, &marg[0]) {
                        assert!(m[t] < 1e-12);
                    }
                }
            }
        }
    }

    /// The textbook constrained Viterbi, for checking the fast one.
    fn viterbi_reference(em: &[[i64; N_TAGS]], trans: &[i64]) -> Vec<u8> {
        let n = em.len();
        let mut back = vec![[0u8; N_TAGS]; n];
        let mut score = [NEG; N_TAGS];
        for t in 0..N_TAGS {
            if allowed(None, t as u8) {
                score[t] = trans[N_TAGS * N_TAGS + t] + em[0][t];
            }
        }
        for i in 1..n {
            let mut next = [NEG; N_TAGS];
            for t in 0..N_TAGS {
                let (mut best, mut arg) = (NEG, 0u8);
                for p in 0..N_TAGS {
                    if score[p] <= NEG || !allowed(Some(p as u8), t as u8) {
                        continue;
                    }
                    if score[p] + trans[p * N_TAGS + t] > best {
                        best = score[p] + trans[p * N_TAGS + t];
                        arg = p as u8;
                    }
                }
                if best > NEG {
                    next[t] = best + em[i][t];
                    back[i][t] = arg;
                }
            }
            score = next;
        }
        let mut t = (0..N_TAGS).fold(0, |b, t| if score[t] > score[b] { t } else { b }) as u8;
        let mut path = vec![0u8; n];
        for i in (0..n).rev() {
            path[i] = t;
            t = back[i][t as usize];
        }
        path
    }

    #[test]
    fn fast_decoding_matches_the_reference() {
        let mut x = 99u64;
        let mut next = |m: u64| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (x >> 33) % m
        };
        for round in 0..300 {
            let n = 1 + next(12) as usize;
            // Small ranges give many ties, which must break the same way.
            let range = if round % 2 == 0 { 5 } else { 2000 };
            let em: Vec<[i64; N_TAGS]> =
                (0..n).map(|_| std::array::from_fn(|_| next(range) as i64 - range as i64 / 2)).collect();
            let trans: Vec<i64> = (0..(N_TAGS + 1) * N_TAGS).map(|_| next(range) as i64 - range as i64 / 2).collect();
            assert_eq!(viterbi(&em, &trans), viterbi_reference(&em, &trans));
            let factor = if round % 3 == 0 { 0.01 } else { 1.0 };
            let slow = marginals(&em, &trans, factor);
            let (mut fast, chain) = (Vec::new(), Chain::new(&trans));
            chain.marginals(&em, &chain.potentials(factor), &mut MarginalScratch::default(), &mut fast);
            for (a, b) in slow.iter().zip(&fast) {
                for t in 0..N_TAGS {
                    assert!((a[t] - b[t]).abs() < 1e-5, "{a:?} {b:?}");
                }
            }
        }
    }

    #[test]
    fn two_tables_sum_as_one_at_a_time() {
        let (a, b) = (tiny(1).stages.remove(0).weights, tiny(2).stages.remove(0).weights);
        let rows = (a.len() / N_TAGS) as u32;
        for n in [0, 1, 7, 40] {
            let buckets: Vec<u32> = (0..n).map(|k| (k * 7 + n) % rows).collect();
            let [x, y] = row_sums2(&a, &b, &buckets);
            assert_eq!(
                [x.emissions(), y.emissions()],
                [row_sums(&a, &buckets).emissions(), row_sums(&b, &buckets).emissions()]
            );
        }
    }

    #[test]
    fn conll_spans() {
        let t = |s: &str| s.split(' ').map(|x| parse_tag(x).unwrap()).collect::<Vec<_>>();
        assert_eq!(spans(&t("B-PER I-PER O B-LOC")), vec![(0, 2, 0), (3, 4, 1)]);
        assert_eq!(spans(&t("I-ORG B-ORG I-ORG I-MISC")), vec![(0, 1, 2), (1, 3, 2), (3, 4, 3)]);
    }

    /// Decoding with each stage's features of the whole document materialised at once.
    fn decode_materialised(m: &Model, doc: DocRef<'_>) -> Decoded {
        let mut prev: Option<Decoded> = None;
        for (k, st) in m.stages.iter().enumerate() {
            let types = prev.as_ref().map(|p| coarse_types(&p.tags));
            prev = Some(st.decode(doc, types.as_deref(), k + 1 == m.stages.len()));
        }
        prev.expect("a stage")
    }

    #[test]
    fn sentence_by_sentence_decoding_matches_the_whole_document() {
        let Some(m) = crate::ner::model() else { return };
        assert!(m.stages.len() > 1, "the shipped model is stacked");
        let text = "Peter Blackburn said the European Commission would meet in Brussels on Monday . \
                    German officials disagreed with Blackburn . BRUSSELS TALKS COLLAPSE \
                    Talks In Brussels Resume . The Commission said it would resume talks with Germany .";
        let words: Vec<&str> = text.split_whitespace().collect();
        let mut sents = Vec::new();
        let mut start = 0;
        for (i, w) in words.iter().enumerate() {
            if *w == "." || *w == "COLLAPSE" {
                sents.push((start, i + 1));
                start = i + 1;
            }
        }
        sents.push((start, words.len()));
        let doc = DocRef { words: &words, sentences: &sents };
        assert_eq!(m.decode(doc), decode_materialised(m, doc));
        let tiny = tiny(5);
        assert_eq!(tiny.decode(doc), decode_materialised(&tiny, doc));
    }

    #[test]
    fn word_sums_are_the_sums_over_word_and_window_features() {
        let Some(m) = crate::ner::model() else { return };
        let (ex, tables) = (&m.stages[0].extractor, [m.stages[0].weights.as_slice(), m.stages[1].weights.as_slice()]);
        let words: Vec<&str> = "Bank of England said . England won the CUP . Mr England".split(' ').collect();
        let sents = [(0, 5), (5, 10), (10, 12)];
        let a = Analysis::new(DocRef { words: &words, sentences: &sents }, ex.groups);
        // A cache warmed by another document, where the same words are other distinct words (form
        // indices) and the neighbours differ, must give the same sums as a cold one.
        let mut warm = WordCache::default();
        let other: Vec<&str> = "the CUP went to England , said Mr Bank".split(' ').collect();
        let one_sentence = [(0, other.len())];
        let b = Analysis::new(DocRef { words: &other, sentences: &one_sentence }, ex.groups);
        let mut ws = WordSums::new(ex, &tables, &b, &mut warm);
        for i in 0..other.len() {
            ws.token(&b, 0, other.len(), i);
        }
        let (mut big, mut one) = (WordCache::with_max_words(1000), WordCache::with_max_words(1));
        let mut kept = WordSums::new(ex, &tables, &a, &mut big);
        // Keeping one word at a time forgets and sums again nearly every time: the same sums.
        let mut forgetful = WordSums::new(ex, &tables, &a, &mut one);
        let mut warmed = WordSums::new(ex, &tables, &a, &mut warm);
        for &(s, e) in &sents {
            for i in s..e {
                let mut buckets = Vec::new();
                ex.push_word(&a, a.form_of(i), &mut buckets);
                for o in WINDOW {
                    let j = i as isize + o;
                    ex.push_window(
                        &a,
                        (s as isize..e as isize).contains(&j).then(|| a.form_of(j as usize)),
                        o,
                        &mut buckets,
                    );
                }
                let want = tables.map(|t| row_sums(t, &buckets).emissions());
                assert_eq!(kept.token(&a, s, e, i).map(RowSums::emissions), want, "token {i}");
                assert_eq!(forgetful.token(&a, s, e, i).map(RowSums::emissions), want, "token {i}");
                assert_eq!(warmed.token(&a, s, e, i).map(RowSums::emissions), want, "token {i}");
            }
        }
        assert!(kept.cache.memo.len() == a.n_forms() && forgetful.cache.memo.len() == 1);
        // Six words of the document were kept for the other one: only the others were added.
        assert_eq!(warmed.cache.memo.len(), b.n_forms() + a.n_forms() - 6);
    }

    /// A document: its words and sentences.
    type Doc = (Vec<&'static str>, Vec<(usize, usize)>);

    /// Documents with many words in common, each decoded with the same `cache`.
    fn decode_stream(m: &Model, docs: &[Doc], cache: &mut DecodeCache) -> Vec<Decoded> {
        docs.iter().map(|(w, s)| m.decode_with(DocRef { words: w, sentences: s }, cache)).collect()
    }

    /// Short documents drawn from one vocabulary, in varied case, so that they share words.
    fn overlapping_docs() -> Vec<Doc> {
        let vocab = "Peter Blackburn said the European Commission would meet in Brussels on Monday . \
                     German officials disagreed with BRUSSELS TALKS Talks Resume Germany , Reuters \
                     Mr Smith told U.S. President of Siemens Berlin \u{201c} quote \u{201d} 1996-08-22"
            .split_whitespace()
            .collect::<Vec<_>>();
        let mut x = 17u64;
        (0..40)
            .map(|_| {
                let mut words = Vec::new();
                let mut sents = Vec::new();
                for _ in 0..1 + x % 4 {
                    let start = words.len();
                    for _ in 0..1 + (x >> 8) % 12 {
                        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                        words.push(vocab[(x >> 33) as usize % vocab.len()]);
                    }
                    sents.push((start, words.len()));
                }
                (words, sents)
            })
            .collect()
    }

    #[test]
    fn sums_kept_across_documents_decode_as_fresh_ones() {
        let docs = overlapping_docs();
        let fresh =
            |m: &Model| docs.iter().map(|(w, s)| m.decode(DocRef { words: w, sentences: s })).collect::<Vec<_>>();
        let small = || DecodeCache {
            words: WordMemo::with_max_words(8),
            stages: vec![WordCache::with_max_words(8), WordCache::with_max_words(8)],
        };
        let (a, b) = (tiny(3), tiny(5));
        let (want_a, want_b) = (fresh(&a), fresh(&b));
        for mut cache in [DecodeCache::default(), small()] {
            assert_eq!(decode_stream(&a, &docs, &mut cache), want_a);
            // Another model with the same shape but other weights: a cache holding the first
            // one's sums must not give them to it.
            assert_eq!(decode_stream(&b, &docs, &mut cache), want_b);
            assert_eq!(decode_stream(&a, &docs, &mut cache), want_a);
        }
        let Some(m) = crate::ner::model() else { return };
        let want = fresh(m);
        assert!(want.iter().any(|d| d.tags.iter().any(|&t| t != 0)), "some entities");
        for mut cache in [DecodeCache::default(), small()] {
            assert_eq!(decode_stream(m, &docs, &mut cache), want);
            assert_eq!(decode_stream(&a, &docs, &mut cache), want_a);
            assert_eq!(decode_stream(m, &docs, &mut cache), want);
        }
        // The thread's own cache, twice over the stream (the second time it knows every word).
        for _ in 0..2 {
            let got: Vec<Decoded> =
                docs.iter().map(|(w, s)| m.decode_cached(DocRef { words: w, sentences: s })).collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn a_full_word_cache_keeps_the_words_found_again() {
        let Some(m) = crate::ner::model() else { return };
        let (ex, tables) = (&m.stages[0].extractor, [m.stages[0].weights.as_slice(), m.stages[1].weights.as_slice()]);
        let mut cache = WordCache::with_max_words(6);
        let mut sum_all = |text: &str| {
            let words: Vec<&str> = text.split(' ').collect();
            let one_sentence = [(0, words.len())];
            let a = Analysis::new(DocRef { words: &words, sentences: &one_sentence }, ex.groups);
            let mut ws = WordSums::new(ex, &tables, &a, &mut cache);
            for i in 0..words.len() {
                ws.token(&a, 0, words.len(), i);
            }
        };
        sum_all("the man said");
        sum_all("the woman said");
        // Full at the seventh word, "barked": "the" and "said" were found again and stay, the
        // others go; then "barked" is added, and its neighbours "a" and "dog" again.
        sum_all("a dog barked");
        assert_eq!(cache.memo.len(), 5);
        let a = Analysis::new(DocRef { words: &["the", "said"], sentences: &[(0, 2)] }, ex.groups);
        let (the, said) = (a.word(0), a.word(1));
        assert_eq!((cache.memo.find(the.key(), the), cache.memo.find(said.key(), said)), (Some(0), Some(1)));
    }

    #[test]
    fn decoding_is_deterministic() {
        let m = tiny(3);
        let words = ["Alpha", "beta", "Gamma", "Delta", "."];
        let sents = [(0, 5)];
        let doc = DocRef { words: &words, sentences: &sents };
        let a = m.decode(doc);
        let b = m.decode(doc);
        assert_eq!(a, b);
        assert_eq!(a.tags.len(), 5);
    }
}
