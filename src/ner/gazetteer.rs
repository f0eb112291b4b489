//! Gazetteers: word lists (first names, surnames, countries, cities, states, continents, demonyms,
//! company suffixes) compiled into the library from `data/gazetteers/*.txt`. See
//! `data/gazetteers/README.md` for where each list comes from; `scripts/build_gazetteers.py`
//! regenerates them. They are features for the tagger, never decisions.

use std::sync::LazyLock;

use super::features::{HashedMap, hash_bytes, step};

/// The lists, in the order of their ids (the id is part of the model's features: append only).
const LISTS: [&str; 8] = [
    include_str!("../../data/gazetteers/first_names.txt"),
    include_str!("../../data/gazetteers/last_names.txt"),
    include_str!("../../data/gazetteers/countries.txt"),
    include_str!("../../data/gazetteers/cities.txt"),
    include_str!("../../data/gazetteers/states.txt"),
    include_str!("../../data/gazetteers/continents.txt"),
    include_str!("../../data/gazetteers/demonyms.txt"),
    include_str!("../../data/gazetteers/company_suffixes.txt"),
];

/// Country codes (`us`, `uk`, `deu`): not a feature, only for telling GPE from LOC.
const COUNTRY_CODES: &str = include_str!("../../data/gazetteers/country_codes.txt");

/// List ids.
pub const FIRST_NAME: u8 = 0;
/// Surnames.
pub const LAST_NAME: u8 = 1;
/// Countries.
pub const COUNTRY: u8 = 2;
/// Cities.
pub const CITY: u8 = 3;
/// States and provinces.
pub const STATE: u8 = 4;
/// Continents.
pub const CONTINENT: u8 = 5;
/// Nationalities.
pub const DEMONYM: u8 = 6;
/// Company legal suffixes.
pub const COMPANY_SUFFIX: u8 = 7;

/// The longest entry considered, in words.
const MAX_WORDS: usize = 5;

/// Marks a phrase that is the start of a longer entry (in `Gazetteer::phrases`, above the list bits).
const PREFIX: u16 = 1 << 15;

struct Gazetteer {
    /// [`phrase_hash`] of a lowercase phrase → bit set of the lists it is in, plus [`PREFIX`]. Keyed
    /// by hash so that tagging looks phrases up from per-word hashes, without building strings.
    phrases: HashedMap<u16>,
}

/// The hash of one lowercase word, as [`annotate_doc`] takes them.
pub(crate) fn word_hash(lower: &str) -> u64 {
    hash_bytes(lower.as_bytes())
}

/// The hash of a phrase whose first words hash to `prefix` (0 for none) followed by a word hashing
/// to `word`.
fn phrase_hash(prefix: u64, word: u64) -> u64 {
    step(prefix, word)
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    let mut phrases = HashedMap::default();
    for (id, list) in LISTS.iter().enumerate() {
        for line in list.lines().filter(|l| !l.is_empty() && l.split(' ').count() <= MAX_WORDS) {
            let n = line.split(' ').count();
            let mut h = 0;
            for (k, w) in line.split(' ').enumerate() {
                h = phrase_hash(h, word_hash(w));
                *phrases.entry(h).or_default() |= if k + 1 < n { PREFIX } else { 1 << id };
            }
        }
    }
    Gazetteer { phrases }
});

/// Whether `phrase` (lowercase words joined by single spaces) is in list `id`.
pub fn contains(id: u8, phrase: &str) -> bool {
    let h = phrase.split(' ').fold(0, |h, w| phrase_hash(h, word_hash(w)));
    GAZETTEER.phrases.get(&h).is_some_and(|m| m & (1 << id) != 0)
}

/// Whether `word` is a country code such as `US`, `U.S.` or `UK` (any case, periods ignored).
pub fn is_country_code(word: &str) -> bool {
    static CODES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut v: Vec<&str> = COUNTRY_CODES.lines().filter(|l| !l.is_empty()).collect();
        v.sort_unstable();
        v
    });
    let key: String = word.chars().filter(|&c| c != '.').flat_map(char::to_lowercase).collect();
    !key.is_empty() && key.len() <= 3 && CODES.binary_search(&key.as_str()).is_ok()
}

/// Where a token is in the gazetteer matches covering it: per list, 3 bits (0 none, 1 single-word
/// match, 2 first word, 3 inside, 4 last word).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GazMatch(u32);

impl GazMatch {
    fn set(&mut self, list: usize, pos: u32) {
        self.0 = (self.0 & !(7 << (3 * list))) | (pos << (3 * list));
    }

    /// The `(list, position)` pairs of the matches covering the token.
    pub fn iter(self) -> impl Iterator<Item = (u8, u8)> {
        // Most words match nothing: then there is nothing to scan.
        let lists = if self.0 == 0 { 0 } else { LISTS.len() };
        (0..lists).filter_map(move |l| {
            let p = (self.0 >> (3 * l)) & 7;
            (p != 0).then_some((l as u8, p as u8))
        })
    }
}

/// Marks the gazetteer matches in one sentence of words. Per list, matches are found greedily from
/// the left, longest first; a match must start with a capitalised word.
pub fn annotate(words: &[&str], out: &mut [GazMatch]) {
    let lower: Vec<u64> = words.iter().map(|w| word_hash(&w.to_lowercase())).collect();
    let cap = |i: usize| words[i].chars().next().is_some_and(char::is_uppercase);
    annotate_doc(&[(0, words.len())], |i| lower[i], cap, out);
}

/// [`annotate`] for every sentence (`start..end` word ranges) of a document, given per word the
/// [`word_hash`] of its lowercase form and whether it is capitalised.
pub(crate) fn annotate_doc(
    sentences: &[(usize, usize)],
    lower: impl Fn(usize) -> u64,
    cap: impl Fn(usize) -> bool,
    out: &mut [GazMatch],
) {
    let g = &*GAZETTEER;
    // lens[i][l] = lists containing words[i..i + l + 1], for the words of one sentence.
    let mut lens: Vec<[u16; MAX_WORDS]> = Vec::new();
    for &(s, e) in sentences {
        lens.clear();
        lens.resize(e - s, [0; MAX_WORDS]);
        let mut any = false;
        for i in s..e {
            if !cap(i) {
                continue;
            }
            let mut h = 0;
            for (l, slot) in lens[i - s].iter_mut().enumerate().take(e - i) {
                h = phrase_hash(h, lower(i + l));
                let Some(&m) = g.phrases.get(&h) else { break };
                *slot = m & !PREFIX;
                any |= m & !PREFIX != 0;
                if m & PREFIX == 0 {
                    break; // no longer entry starts with these words
                }
            }
        }
        if !any {
            continue;
        }
        let out = &mut out[s..e];
        for list in 0..LISTS.len() {
            let bit = 1u16 << list;
            let mut i = 0;
            while i < out.len() {
                match (0..MAX_WORDS).rev().find(|&l| lens[i][l] & bit != 0) {
                    Some(0) => {
                        out[i].set(list, 1);
                        i += 1;
                    }
                    Some(l) => {
                        out[i].set(list, 2);
                        for o in &mut out[i + 1..i + l] {
                            o.set(list, 3);
                        }
                        out[i + l].set(list, 4);
                        i += l + 1;
                    }
                    None => i += 1,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_match() {
        assert!(contains(COUNTRY, "germany"));
        assert!(contains(DEMONYM, "german"));
        assert!(contains(FIRST_NAME, "john"));
        let words = ["John", "flew", "to", "New", "York", "and", "Germany"];
        let mut m = vec![GazMatch::default(); words.len()];
        annotate(&words, &mut m);
        assert!(m[0].iter().any(|p| p == (FIRST_NAME, 1)));
        assert!(m[3].iter().any(|p| p == (CITY, 2)) || m[3].iter().any(|p| p == (STATE, 2)));
        assert!(m[4].iter().any(|p| p == (CITY, 4)) || m[4].iter().any(|p| p == (STATE, 4)));
        assert!(m[6].iter().any(|p| p == (COUNTRY, 1)));
        assert_eq!(m[1], GazMatch::default());
        assert!(is_country_code("U.S.") && is_country_code("UK") && !is_country_code("Smith"));
        // Multi-word entries need every word; a prefix of one alone is no match.
        assert!(contains(CITY, "new york") || contains(STATE, "new york"));
        assert!(!contains(CITY, "new") && !contains(COUNTRY, "bosnia and"));
        let words = ["Bosnia", "and", "Herzegovina", "played", "Bosnia"];
        let mut m = vec![GazMatch::default(); words.len()];
        annotate(&words, &mut m);
        if contains(COUNTRY, "bosnia and herzegovina") {
            assert!(m[0].iter().any(|p| p == (COUNTRY, 2)) && m[2].iter().any(|p| p == (COUNTRY, 4)));
        }
        assert_eq!(m[3], GazMatch::default());
    }
}
