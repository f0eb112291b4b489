//! Training: an averaged structured perceptron over the BIO chain (Collins 2002), with integer
//! weights during training (exact, order-deterministic arithmetic), a fixed-seed shuffle, and
//! conlleval-style entity scoring. Used by the `train_ner` binary and the tests.

use super::features::{DocRef, Extractor, Features};
use super::model::{self, Model, N_TAGS, Stage, TYPES};

/// A tagged document: words, sentences as word ranges, and one BIO tag per word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrainDoc {
    /// The words.
    pub words: Vec<String>,
    /// The sentences, as `start..end` word ranges.
    pub sentences: Vec<(usize, usize)>,
    /// The gold tags (see [`model::parse_tag`]).
    pub tags: Vec<u8>,
}

impl TrainDoc {
    /// The words as string slices.
    pub fn word_refs(&self) -> Vec<&str> {
        self.words.iter().map(String::as_str).collect()
    }
}

/// Reads a CoNLL-2003 style IOB2 file: `token<TAB>tag` lines, blank lines between sentences,
/// `-DOCSTART-` lines between documents.
pub fn read_iob2(text: &str) -> Result<Vec<TrainDoc>, String> {
    let mut docs = Vec::new();
    let mut doc = TrainDoc::default();
    let mut sent_start = 0;
    let close_sentence = |doc: &mut TrainDoc, sent_start: &mut usize| {
        if doc.words.len() > *sent_start {
            doc.sentences.push((*sent_start, doc.words.len()));
        }
        *sent_start = doc.words.len();
    };
    for (ln, line) in text.lines().enumerate() {
        if line.starts_with("-DOCSTART-") {
            close_sentence(&mut doc, &mut sent_start);
            if !doc.words.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            sent_start = 0;
        } else if line.trim().is_empty() {
            close_sentence(&mut doc, &mut sent_start);
        } else {
            let (word, tag) = line.split_once('\t').ok_or_else(|| format!("line {}: no tab", ln + 1))?;
            let tag = tag.rsplit('\t').next().unwrap_or(tag);
            let tag = model::parse_tag(tag).ok_or_else(|| format!("line {}: unknown tag {tag:?}", ln + 1))?;
            doc.words.push(word.to_string());
            doc.tags.push(tag);
        }
    }
    close_sentence(&mut doc, &mut sent_start);
    if !doc.words.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// A small deterministic PRNG (SplitMix64) for the shuffles.
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            xs.swap(i, j);
        }
    }
}

/// Documents with their features extracted once.
pub struct Prepared<'a> {
    docs: &'a [TrainDoc],
    feats: Vec<Features>,
}

impl<'a> Prepared<'a> {
    /// Extracts the features of `docs` (`stacked`: first-stage entity types per doc, if any).
    pub fn new(extractor: &Extractor, docs: &'a [TrainDoc], stacked: Option<&[Vec<u8>]>) -> Self {
        let feats = docs
            .iter()
            .enumerate()
            .map(|(d, doc)| {
                let words = doc.word_refs();
                let r = DocRef { words: &words, sentences: &doc.sentences };
                extractor.extract(r, stacked.map(|s| s[d].as_slice()))
            })
            .collect();
        Prepared { docs, feats }
    }

    /// Decodes every document with `stage`, returning the tags per document.
    pub fn decode(&self, stage: &Stage) -> Vec<Vec<u8>> {
        let trans: Vec<i64> = stage.trans.iter().map(|&t| i64::from(t)).collect();
        self.docs
            .iter()
            .zip(&self.feats)
            .map(|(doc, f)| {
                let mut tags = Vec::with_capacity(doc.words.len());
                for &(s, e) in &doc.sentences {
                    tags.extend(model::viterbi(&stage.emissions(f, s, e), &trans));
                }
                tags
            })
            .collect()
    }
}

/// An averaged perceptron being trained.
pub struct Perceptron {
    extractor: Extractor,
    w: Vec<i32>,
    u: Vec<i64>,
    tw: Vec<i32>,
    tu: Vec<i64>,
    c: i64,
}

impl Perceptron {
    /// A zero model.
    pub fn new(extractor: Extractor) -> Self {
        let n = (extractor.mask as usize + 1) * N_TAGS;
        let nt = (N_TAGS + 1) * N_TAGS;
        Perceptron { extractor, w: vec![0; n], u: vec![0; n], tw: vec![0; nt], tu: vec![0; nt], c: 1 }
    }

    fn emissions(&self, f: &Features, s: usize, e: usize) -> Vec<[i64; N_TAGS]> {
        (s..e)
            .map(|i| {
                let mut acc = [0i64; N_TAGS];
                for &b in f.of(i) {
                    let row = &self.w[b as usize * N_TAGS..(b as usize + 1) * N_TAGS];
                    for (a, &w) in acc.iter_mut().zip(row) {
                        *a += i64::from(w);
                    }
                }
                acc
            })
            .collect()
    }

    fn bump(&mut self, f: &[u32], tag: u8, d: i32) {
        let c = self.c;
        for &b in f {
            let k = b as usize * N_TAGS + tag as usize;
            self.w[k] += d;
            self.u[k] += c * i64::from(d);
        }
    }

    fn bump_trans(&mut self, prev: Option<u8>, tag: u8, d: i32) {
        let k = prev.map_or(N_TAGS, usize::from) * N_TAGS + tag as usize;
        self.tw[k] += d;
        self.tu[k] += self.c * i64::from(d);
    }

    /// One pass over the sentences of `data` in a shuffled order; returns the sentences with a
    /// wrong prediction.
    pub fn epoch(&mut self, data: &Prepared<'_>, rng: &mut SplitMix64) -> usize {
        let mut order: Vec<(usize, usize, usize)> = data
            .docs
            .iter()
            .enumerate()
            .flat_map(|(d, doc)| doc.sentences.iter().map(move |&(s, e)| (d, s, e)))
            .collect();
        rng.shuffle(&mut order);
        let mut errors = 0;
        for (d, s, e) in order {
            let f = &data.feats[d];
            let trans: Vec<i64> = self.tw.iter().map(|&t| i64::from(t)).collect();
            let pred = model::viterbi(&self.emissions(f, s, e), &trans);
            let gold = &data.docs[d].tags[s..e];
            if pred != gold {
                errors += 1;
                for i in 0..gold.len() {
                    let (pg, pp) = if i == 0 { (None, None) } else { (Some(gold[i - 1]), Some(pred[i - 1])) };
                    if gold[i] != pred[i] {
                        self.bump(f.of(s + i), gold[i], 1);
                        self.bump(f.of(s + i), pred[i], -1);
                    }
                    if (pg, gold[i]) != (pp, pred[i]) {
                        self.bump_trans(pg, gold[i], 1);
                        self.bump_trans(pp, pred[i], -1);
                    }
                }
            }
            self.c += 1;
        }
        errors
    }

    /// The averaged weights, quantised to `i16`.
    pub fn averaged(&self, temperature: f32) -> Stage {
        let c = self.c as f64;
        let avg = |w: &[i32], u: &[i64]| -> Vec<f64> {
            w.iter().zip(u).map(|(&w, &u)| f64::from(w) - u as f64 / c).collect()
        };
        let (aw, at) = (avg(&self.w, &self.u), avg(&self.tw, &self.tu));
        let max = aw.iter().chain(&at).fold(0.0f64, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let q = |xs: &[f64]| -> Vec<i16> { xs.iter().map(|&x| (x / scale).round() as i16).collect() };
        Stage { extractor: self.extractor, scale: scale as f32, temperature, trans: q(&at), weights: q(&aw) }
    }
}

/// Entity-level counts per type, as conlleval computes them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scores {
    /// Correct predicted entities per type.
    pub tp: [usize; 4],
    /// Predicted entities per type.
    pub pred: [usize; 4],
    /// Gold entities per type.
    pub gold: [usize; 4],
}

fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred > 0 { tp as f64 / pred as f64 } else { 0.0 };
    let r = if gold > 0 { tp as f64 / gold as f64 } else { 0.0 };
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

impl Scores {
    /// Adds one document (or sentence).
    pub fn add(&mut self, gold: &[u8], pred: &[u8]) {
        let g = model::spans(gold);
        let p = model::spans(pred);
        for s in &g {
            self.gold[s.2] += 1;
        }
        for s in &p {
            self.pred[s.2] += 1;
            if g.contains(s) {
                self.tp[s.2] += 1;
            }
        }
    }

    /// Micro-averaged precision, recall and F1.
    pub fn overall(&self) -> (f64, f64, f64) {
        prf(self.tp.iter().sum(), self.pred.iter().sum(), self.gold.iter().sum())
    }

    /// Precision, recall and F1 of one type.
    pub fn of(&self, k: usize) -> (f64, f64, f64) {
        prf(self.tp[k], self.pred[k], self.gold[k])
    }

    /// A one-line summary: overall then per type F1.
    pub fn summary(&self) -> String {
        let (p, r, f) = self.overall();
        let per: Vec<String> = (0..4).map(|k| format!("{} {:.4}", TYPES[k], self.of(k).2)).collect();
        format!("F1={f:.4} P={p:.4} R={r:.4} ({})", per.join(" "))
    }
}

/// Scores predicted tags against the gold tags of `docs`.
pub fn score(docs: &[TrainDoc], pred: &[Vec<u8>]) -> Scores {
    let mut sc = Scores::default();
    for (doc, p) in docs.iter().zip(pred) {
        for &(s, e) in &doc.sentences {
            sc.add(&doc.tags[s..e], &p[s..e]);
        }
    }
    sc
}

/// Decodes `docs` with the full model (feature extraction included).
pub fn predict(model: &Model, docs: &[TrainDoc]) -> Vec<Vec<u8>> {
    docs.iter()
        .map(|doc| {
            let words = doc.word_refs();
            model.decode(DocRef { words: &words, sentences: &doc.sentences }).tags
        })
        .collect()
}

/// Picks the confidence temperature (in real weight units) that minimises the Brier score of
/// entity confidences (the lowest token marginal in the span) against exact-match correctness.
pub fn calibrate(model: &Model, docs: &[TrainDoc]) -> f32 {
    let grid = [0.5f32, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0];
    let mut best = (f64::INFINITY, 1.0f32);
    for &t in &grid {
        let mut m = model.clone();
        if let Some(last) = m.stages.last_mut() {
            last.temperature = t;
        }
        let mut brier = 0.0;
        for doc in docs {
            let words = doc.word_refs();
            let dec = m.decode(DocRef { words: &words, sentences: &doc.sentences });
            let gold = model::spans(&doc.tags);
            for (s, e, k) in model::spans(&dec.tags) {
                let conf = dec.probs[s..e].iter().copied().fold(1.0f32, f32::min) as f64;
                let ok = if gold.contains(&(s, e, k)) { 1.0 } else { 0.0 };
                brier += (conf - ok) * (conf - ok);
            }
        }
        if brier < best.0 {
            best = (brier, t);
        }
    }
    best.1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::features::FEAT_DOC;

    const TOY: &str = "-DOCSTART-\n\nJohn\tB-PER\nSmith\tI-PER\nvisited\tO\nParis\tB-LOC\n.\tO\n\n\
        Acme\tB-ORG\nCorp\tI-ORG\nhired\tO\nMary\tB-PER\n.\tO\n\n-DOCSTART-\n\n\
        Mary\tB-PER\nlikes\tO\nFrench\tB-MISC\nwine\tO\nfrom\tO\nParis\tB-LOC\n.\tO\n";

    fn train_toy() -> Vec<u8> {
        let docs = read_iob2(TOY).unwrap();
        let ex = Extractor::new(12, FEAT_DOC);
        let data = Prepared::new(&ex, &docs, None);
        let mut p = Perceptron::new(ex);
        let mut rng = SplitMix64(42);
        for _ in 0..5 {
            p.epoch(&data, &mut rng);
        }
        Model { stages: vec![p.averaged(8.0)] }.to_bytes()
    }

    #[test]
    fn reads_iob2() {
        let docs = read_iob2(TOY).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences, vec![(0, 5), (5, 10)]);
        assert_eq!(docs[1].words[2], "French");
        assert_eq!(model::tag_name(docs[1].tags[2]), "B-MISC");
        assert!(read_iob2("word\tB-XYZ\n").is_err());
    }

    #[test]
    fn training_is_reproducible_and_learns() {
        let a = train_toy();
        let b = train_toy();
        assert_eq!(a, b, "same data and seed must give a byte-identical model");
        let m = Model::from_bytes(&a).unwrap();
        let docs = read_iob2(TOY).unwrap();
        let sc = score(&docs, &predict(&m, &docs));
        assert_eq!(sc.overall().2, 1.0, "{}", sc.summary());
    }

    #[test]
    fn shuffle_is_fixed() {
        let mut xs: Vec<u32> = (0..10).collect();
        SplitMix64(1).shuffle(&mut xs);
        let mut ys: Vec<u32> = (0..10).collect();
        SplitMix64(1).shuffle(&mut ys);
        assert_eq!(xs, ys);
        assert_ne!(xs, (0..10).collect::<Vec<_>>());
    }
}
