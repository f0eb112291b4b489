//! Which blocks are the article: the decision procedure of the cleaner.
//!
//! 1. Each block is measured ([`Features`]) and matched against the furniture vocabulary.
//! 2. The main text is the contiguous run of blocks with the highest score, where prose scores its
//!    word count and everything else costs (furniture a lot, other short lines a little): a run of
//!    short lines — a menu, a list of related headlines — separates the article from prose
//!    elsewhere on the page, and a comment form or "Related articles" header costs more than most
//!    comments or teasers can win back. Dates and author lines cost enough that a list of teasers
//!    (headline, author, date, summary, …) or of comments (name, date, text, …) does not join the
//!    article, since the article text itself never has one between its paragraphs. The opening
//!    of a comment section is never crossed at all.
//! 3. Blocks that compile others (the whole article again as one metadata block) count as repeats.
//! 4. The headline anchors the main text: the article starts soon after the block that repeats
//!    the page title (the h1), so a run that crosses it starts after it, and a decent run right
//!    after it beats a better-scoring run elsewhere (a footer, a teaser list).
//! 5. Inside that run, prose and short sentences are kept, as is a heading directly followed by
//!    prose; furniture, repeated lines and stray short lines are dropped.
//! 6. The title and site name are looked for among the dropped blocks before the main text.

use super::features::Features;
use super::vocab::Reason;
use crate::fasthash::{FxHashMap, FxHashSet};

/// What happens to one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Part of the article body.
    Keep,
    /// Dropped, for this reason.
    Drop(Reason),
}

/// The decisions for a page's blocks, with the indices of the title and site-name blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// One decision per block.
    pub decisions: Vec<Decision>,
    /// The block holding the headline, and the headline's text (a block may hold it with the
    /// site name, as a page `<title>` does).
    pub title: Option<(usize, String)>,
    /// The site name's text.
    pub site_name: Option<String>,
}

/// What furniture that often sits inside an article (an ad marker, a photo credit, share
/// buttons) costs in the main-text score: little, so it does not split the article.
const INLINE_FURNITURE_COST: f32 = 3.0;
/// What a date, byline or author biography costs: about one teaser summary or comment, so a
/// list of teasers or comments (each with its own date or author line) wins nothing by joining
/// the article, while the date and byline above the article are cheap to skip.
const DATE_COST: f32 = 40.0;
/// What other furniture costs.
const FURNITURE_COST: f32 = 10.0;
/// What the opening of a comment section costs: more than any article can win back, so the main
/// text never runs across it.
const COMMENT_SECTION_COST: f32 = 1.0e6;
/// What a section break (comment form, related-articles header) costs.
const SECTION_BREAK_COST: f32 = 60.0;

fn weight(f: &Features, duplicate: bool) -> f32 {
    use Reason::*;
    match f.furniture {
        Some(r) if r.is_section_break() && f.words <= 6 => -SECTION_BREAK_COST,
        Some(Date | Byline | AuthorBio) => -DATE_COST,
        Some(Advertisement | Credit | Share | Follow) => -INLINE_FURNITURE_COST,
        Some(_) => -FURNITURE_COST,
        None if duplicate => -(1.0 + f.words as f32 / 2.0),
        None if f.is_prose() => f.words as f32,
        None if f.is_short_sentence() => 0.0,
        None => -(1.0 + f.words as f32 / 2.0),
    }
}

/// A contiguous run of blocks `start..end` and its summed weight.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Run {
    score: f64,
    start: usize,
    end: usize,
}

/// The highest-scoring contiguous run; among equal scores the longest, then the first.
/// `None` when no run scores above zero.
fn best_run(weights: &[f32]) -> Option<Run> {
    let mut best: Option<Run> = None;
    let mut run_start = 0;
    let mut sum = 0.0f64;
    for (i, &w) in weights.iter().enumerate() {
        if sum < 0.0 {
            run_start = i;
            sum = 0.0;
        }
        sum += f64::from(w);
        let better = match best {
            None => sum > 0.0,
            Some(b) => sum > b.score || (sum == b.score && i + 1 - run_start > b.end - b.start),
        };
        if better {
            best = Some(Run { score: sum, start: run_start, end: i + 1 });
        }
    }
    best
}

/// For every position `i`, the best end of a run starting at `i` or later: the index `e > i`
/// with the highest prefix sum (the latest among equals, so runs are as long as they can be).
/// `prefix[k]` is the sum of the first `k` weights.
fn best_ends(prefix: &[f64]) -> Vec<usize> {
    let n = prefix.len() - 1;
    let mut out = vec![n; n + 1];
    for i in (0..n).rev() {
        let after = out[i + 1];
        out[i] = if prefix[i + 1] > prefix[after] { i + 1 } else { after };
    }
    out
}

/// The best run that starts in `lo..hi` on a block that scores (the article starting there),
/// given the weights, their prefix sums and [`best_ends`].
fn best_run_starting_in(weights: &[f32], prefix: &[f64], ends: &[usize], lo: usize, hi: usize) -> Option<Run> {
    let mut best: Option<Run> = None;
    for start in (lo..hi.min(weights.len())).filter(|&i| weights[i] > 0.0) {
        let end = ends[start];
        let score = prefix[end] - prefix[start];
        if score > 0.0 && best.is_none_or(|b| score > b.score) {
            best = Some(Run { score, start, end });
        }
    }
    best
}

/// How many consecutive words make one shingle when looking for blocks made of other blocks.
const SHINGLE_WORDS: usize = 5;
/// The share of a block's shingles that must occur in shorter blocks for it to be a compilation
/// of them.
const AGGREGATE_SHARE: f32 = 0.6;

/// What selection compares between blocks, measured once per block: the cleaner's later passes
/// re-decide a subset of the blocks without measuring them again.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    /// The block lower-cased, without a trailing ellipsis or full stop ([`key`]): repeats and
    /// headline repeats are found by it.
    pub key: String,
    /// Hashes of its word shingles ([`shingles`]).
    pub shingles: Vec<u64>,
}

impl Compared {
    /// Measures `text`.
    pub fn of(text: &str) -> Self {
        Compared { key: key(text), shingles: shingles(text) }
    }

    /// Measures `text` and its [`Features`] together, lower-casing it once and walking its
    /// words once.
    pub fn with_features(text: &str) -> (Features, Compared) {
        // No more words than every other byte.
        let mut words = Vec::with_capacity(text.len().div_ceil(2));
        let (features, folded) = Features::measure(text, |w, ascii| words.push(word_hash(w, ascii)));
        // The key is the block lower-cased, as folding it is, unless folding straightened an
        // apostrophe.
        let key = if has_curly_apostrophe(text) { key(text) } else { trim_key(folded) };
        (features, Compared { key, shingles: shingles_of(&words) })
    }
}

/// Whether `text` holds ’ or ‘ (U+2019, U+2018).
fn has_curly_apostrophe(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE2, bytes).any(|i| matches!(bytes.get(i + 1..i + 3), Some([0x80, 0x98 | 0x99])))
}

/// Hashes of the block's lower-cased word shingles.
fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<u64> = super::features::alnum_runs(text).map(|(w, ascii)| word_hash(w, ascii)).collect();
    shingles_of(&words)
}

/// The shingles of a block, given the hashes of its words.
fn shingles_of(words: &[u64]) -> Vec<u64> {
    words.windows(SHINGLE_WORDS).map(|w| w.iter().fold(0u64, |acc, &x| acc.rotate_left(13) ^ x)).collect()
}

/// The hash of a word (a run of letters and digits; `ascii` when it is all ASCII), lower-cased.
fn word_hash(w: &str, ascii: bool) -> u64 {
    // FNV-1a over the lower-cased word: only compared within one page, so any stable hash will
    // do, and this one is far cheaper than hashing char by char with SipHash.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |b: u8| h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    if ascii {
        // The same bytes as below, without Unicode case tables.
        w.bytes().for_each(|b| add(b.to_ascii_lowercase()));
    } else {
        let mut buf = [0u8; 4];
        for c in w.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buf).bytes().for_each(&mut add);
        }
    }
    h
}

/// Which blocks are compilations of shorter blocks on the page: a page's metadata or print
/// version that repeats the whole article as one block, a summary stitched from its paragraphs.
/// A block is one when most of its shingles also occur in some shorter block. (A paragraph
/// repeated inside a longer block is not: it is the shorter one.)
fn aggregates(compared: &[&Compared]) -> Vec<bool> {
    let all: Vec<&[u64]> = compared.iter().map(|c| c.shingles.as_slice()).collect();
    // For every shingle, the shortest block holding it (the first among equals).
    let mut shortest: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(all.iter().map(|sh| sh.len()).sum(), Default::default());
    for (i, sh) in all.iter().enumerate() {
        for &h in *sh {
            let entry = shortest.entry(h).or_insert(i);
            if all[i].len() < all[*entry].len() {
                *entry = i;
            }
        }
    }
    all.iter()
        .enumerate()
        .map(|(i, sh)| {
            let covered =
                sh.iter().filter(|h| shortest.get(h).is_some_and(|&j| j != i && all[j].len() < sh.len())).count();
            !sh.is_empty() && covered as f32 >= AGGREGATE_SHARE * sh.len() as f32
        })
        .collect()
}

fn key(text: &str) -> String {
    trim_key(super::vocab::lowercase(text, false))
}

/// `lower` without a trailing ellipsis, full stop or space.
fn trim_key(mut lower: String) -> String {
    lower.truncate(lower.trim_end_matches(['…', '.', ' ']).len());
    lower
}

/// How many blocks after the headline the article may start and still count as anchored to it
/// (a byline, a date, share buttons and a caption may come between).
const ANCHOR_WINDOW: usize = 15;
/// The least score of a run anchored to the headline for it to be taken as the main text.
const MIN_ANCHORED_SCORE: f64 = 20.0;
/// The share of the best run's score that a run anchored to the headline must reach to be
/// preferred to it, when the best run lies elsewhere on the page (a footer, a teaser list).
const ANCHORED_SHARE: f64 = 0.3;

/// The keys a repeat of the headline may have: the page-title line (the first block) whole, the
/// part before each headline/site-name separator ("Headline | Section | Site" has two), and the
/// part after a short leading site name ("Site - Headline").
fn headline_keys(first: &str) -> FxHashSet<String> {
    let mut keys = FxHashSet::default();
    keys.insert(key(first));
    for sep in TITLE_SEPARATORS {
        let mut at_first = None;
        for at in occurrences(first, sep) {
            at_first.get_or_insert(at);
            keys.insert(key(&first[..at]));
        }
        if let Some(at) = at_first.filter(|&at| word_count(&first[..at]) <= MAX_LEADING_SITE_WORDS) {
            keys.insert(key(&first[at + sep.len()..]));
        }
    }
    keys
}

/// Where `sep` (not empty) occurs in `text`, left to right and not overlapping (as
/// `text.match_indices(sep)`): a vectorised scan for its first byte, compared there, instead of a
/// substring searcher built per call.
fn occurrences<'a>(text: &'a str, sep: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (h, n) = (text.as_bytes(), sep.as_bytes());
    // The separators start with a space, common in a title: their second byte is found instead.
    let probe = usize::from(n.len() > 1);
    let mut free_from = 0;
    memchr::memchr_iter(n[probe], h).filter_map(move |hit| {
        let at = hit.checked_sub(probe).filter(|&at| at >= free_from && h[at..].starts_with(n))?;
        free_from = at + n.len();
        Some(at)
    })
}

/// Where the last occurrence of `sep` (not empty) in `text` starts (as `text.rfind(sep)`).
fn last_occurrence(text: &str, sep: &str) -> Option<usize> {
    let (h, n) = (text.as_bytes(), sep.as_bytes());
    let probe = usize::from(n.len() > 1);
    memchr::memrchr_iter(n[probe], h).filter_map(|hit| hit.checked_sub(probe)).find(|&at| h[at..].starts_with(n))
}

/// The main text: the best-scoring run of blocks, unless the headline anchors another one.
///
/// The article starts soon after its headline (the page's h1, which repeats the `<title>` line
/// or its headline part). When the best run crosses such a repeat, what comes before it is a
/// menu or teaser list that happened to score well; when the best run lies elsewhere (a long
/// footer, a comment-like section), a decent run right after the headline is still the article.
fn main_run(
    texts: &[&str],
    features: &[Features],
    compared: &[&Compared],
    keys: &FxHashSet<String>,
    weights: &[f32],
) -> Option<Run> {
    let global = best_run(weights)?;
    if texts.is_empty() {
        return Some(global);
    }
    let anchors =
        (1..texts.len()).filter(|&i| features[i].words >= MIN_HEADLINE_WORDS && keys.contains(&compared[i].key));
    let mut prefix = Vec::with_capacity(weights.len() + 1);
    prefix.push(0.0f64);
    for &w in weights {
        prefix.push(prefix[prefix.len() - 1] + f64::from(w));
    }
    let ends = best_ends(&prefix);
    let mut chosen: Option<Run> = None;
    for a in anchors {
        let Some(run) = best_run_starting_in(weights, &prefix, &ends, a + 1, a + 1 + ANCHOR_WINDOW) else { continue };
        let crosses = global.start <= a && a + 1 < global.end;
        let enough = run.score >= MIN_ANCHORED_SCORE && (crosses || run.score >= ANCHORED_SHARE * global.score);
        if enough && chosen.is_none_or(|c| run.score > c.score) {
            chosen = Some(run);
        }
    }
    Some(chosen.unwrap_or(global))
}

/// Decides every block of a page.
#[cfg(test)]
pub fn select(texts: &[&str]) -> Selection {
    let features: Vec<Features> = texts.iter().map(|t| Features::of(t)).collect();
    let compared: Vec<Compared> = texts.iter().map(|t| Compared::of(t)).collect();
    select_measured(texts, &features, &compared.iter().collect::<Vec<_>>(), false)
}

/// [`select`] with each block's [`Features`] and [`Compared`] already measured (`features[i]`
/// and `compared[i]` for `texts[i]`): the cleaner's later passes re-decide a subset of the blocks
/// without measuring them again.
///
/// `after_kept` says the blocks are some of those a selection over more blocks kept. None of
/// them is then a compilation of the others ([`aggregates`]): a kept block was not one among
/// more blocks, and among fewer, fewer of its shingles occur in a shorter block.
pub fn select_measured(texts: &[&str], features: &[Features], compared: &[&Compared], after_kept: bool) -> Selection {
    let mut seen: FxHashSet<&str> = FxHashSet::with_capacity_and_hasher(texts.len(), Default::default());
    let aggregate = if after_kept { vec![false; compared.len()] } else { aggregates(compared) };
    debug_assert!(!after_kept || aggregates(compared).iter().all(|&a| !a), "a kept block compiles others");
    let duplicate: Vec<bool> =
        compared.iter().zip(&aggregate).map(|(c, &a)| !seen.insert(c.key.as_str()) || a).collect();
    let weights: Vec<f32> = (0..texts.len())
        .map(|i| if features[i].opens_comments { -COMMENT_SECTION_COST } else { weight(&features[i], duplicate[i]) })
        .collect();

    let mut decisions = vec![Decision::Drop(Reason::Boilerplate); texts.len()];
    let drop_reason = |i: usize| match features[i].furniture {
        Some(r) => r,
        None if duplicate[i] => Reason::Duplicate,
        None => Reason::Boilerplate,
    };
    // The keys a repeat of the headline may have, for finding both the main text and the title.
    let keys = texts.first().map(|first| headline_keys(first)).unwrap_or_default();
    let Some(Run { start, end, .. }) = main_run(texts, features, compared, &keys, &weights) else {
        // No prose anywhere: a short note, a list, a single sentence. Keep whatever is not
        // furniture or repeated; there is no page around it to find a title in.
        for (i, d) in decisions.iter_mut().enumerate() {
            *d = if features[i].furniture.is_none() && !duplicate[i] {
                Decision::Keep
            } else {
                Decision::Drop(drop_reason(i))
            };
        }
        return Selection { decisions, title: None, site_name: None };
    };

    for (i, d) in decisions.iter_mut().enumerate() {
        *d = Decision::Drop(drop_reason(i));
    }
    // Inside the main text: candidates are blocks that are neither furniture nor repeated.
    let candidates: Vec<usize> = (start..end).filter(|&i| features[i].furniture.is_none() && !duplicate[i]).collect();
    for (k, &i) in candidates.iter().enumerate() {
        let f = &features[i];
        let next_is_prose = candidates.get(k + 1).is_some_and(|&j| features[j].is_prose());
        if f.is_prose() || f.is_short_sentence() || next_is_prose {
            decisions[i] = Decision::Keep;
        }
    }

    let (title, site_name) = find_title(texts, features, compared, &keys, &decisions, start);
    if let Some((i, _)) = &title {
        decisions[*i] = Decision::Drop(Reason::Title);
    }
    // The page's <title> line, when the headline was found elsewhere.
    if let Some((ti, _)) = &title {
        if *ti != 0 && decisions[0] != Decision::Keep && site_name.is_some() && first_line_split(texts[0]).is_some() {
            decisions[0] = Decision::Drop(Reason::PageTitle);
        }
    }
    if let Some(site) = &site_name {
        for (i, t) in texts.iter().enumerate().take(start) {
            if decisions[i] != Decision::Keep && t == site {
                decisions[i] = Decision::Drop(Reason::SiteName);
            }
        }
    }
    Selection { decisions, title, site_name }
}

/// Separators between a headline and a site name in a page title, most specific first.
pub(crate) const TITLE_SEPARATORS: [&str; 9] = [" | ", " :: ", " — ", " – ", " - ", " · ", " • ", " » ", " // "];

/// The fewest words a repeat of the headline needs to count (one or two words may be a section
/// name that merely matches a short page title).
const MIN_HEADLINE_WORDS: usize = 3;
/// The most words a site name before the headline ("Site - Headline") may have.
const MAX_LEADING_SITE_WORDS: usize = 4;
/// The most words a site name after the headline ("Headline | Site") may have.
const MAX_TRAILING_SITE_WORDS: usize = 5;

/// Words as the features count them (scripts without spaces by characters), without measuring
/// the rest of the features (the vocabulary regexes are most of their cost).
fn word_count(text: &str) -> usize {
    super::features::word_count(text)
}

/// Splits a page-title line into (headline, site name), when it has that shape.
fn first_line_split(text: &str) -> Option<(&str, &str)> {
    for sep in TITLE_SEPARATORS {
        if let Some(at) = last_occurrence(text, sep) {
            let (left, right) = (&text[..at], &text[at + sep.len()..]);
            if right.split_whitespace().count() <= MAX_TRAILING_SITE_WORDS && word_count(left) >= 2 {
                return Some((left.trim(), right.trim()));
            }
        }
        if let Some(at) = occurrences(text, sep).next() {
            let (left, right) = (&text[..at], &text[at + sep.len()..]);
            if word_count(left) <= MAX_LEADING_SITE_WORDS && word_count(right) >= 4 {
                return Some((right.trim(), left.trim()));
            }
        }
    }
    None
}

/// Finds the headline and site name among the dropped blocks before the main text (`body_start`).
fn find_title(
    texts: &[&str],
    features: &[Features],
    compared: &[&Compared],
    keys: &FxHashSet<String>,
    decisions: &[Decision],
    body_start: usize,
) -> (Option<(usize, String)>, Option<String>) {
    let dropped_before = |i: usize| i < body_start && decisions[i] != Decision::Keep;
    if texts.is_empty() || !dropped_before(0) {
        return (None, None);
    }
    let first = texts[0];
    let split = first_line_split(first);
    // The headline repeated as its own block (the page's h1) is the best evidence; the one
    // nearest the text is the article's own.
    let repeat = (1..body_start)
        .rev()
        .find(|&i| dropped_before(i) && features[i].words >= MIN_HEADLINE_WORDS && keys.contains(&compared[i].key));
    if let Some(i) = repeat {
        return (Some((i, texts[i].to_string())), split.map(|(_, s)| s.to_string()));
    }
    if let Some((headline, site)) = split {
        return (Some((0, headline.to_string())), Some(site.to_string()));
    }
    // A short first line (a masthead) followed by a longer headline before the text.
    let masthead =
        features[0].words <= MAX_LEADING_SITE_WORDS && features[0].furniture.is_none() && !features[0].terminal;
    let headline = (1..body_start)
        .rev()
        .find(|&i| dropped_before(i) && features[i].is_heading_like() && features[i].words > features[0].words);
    if masthead && let Some(i) = headline {
        return (Some((i, texts[i].to_string())), Some(first.to_string()));
    }
    if features[0].is_heading_like() {
        return (Some((0, first.to_string())), None);
    }
    (headline.map(|i| (i, texts[i].to_string())), masthead.then(|| first.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE_A: &str = "The minister said on Monday that the talks would resume next week in the capital.";
    const PROSE_B: &str = "Officials from both sides have met three times this year without reaching an agreement.";

    #[test]
    fn best_run_prefers_the_longest_of_equal_runs() {
        let span = |w: &[f32]| best_run(w).map(|r| (r.start, r.end));
        assert_eq!(span(&[-1.0, 5.0, -2.0, 2.0, -9.0, 3.0]), Some((1, 4)));
        assert_eq!(span(&[5.0, 0.0]), Some((0, 2)));
        assert_eq!(best_run(&[-1.0, -2.0]), None);
        assert_eq!(best_run(&[]), None);
    }

    #[test]
    fn menus_and_furniture_around_prose_are_dropped() {
        let page = [
            "Home",
            "News",
            "Sports",
            PROSE_A,
            "Advertisement",
            PROSE_B,
            "Related Articles",
            "Other story one",
            "Leave a Reply",
        ];
        let s = select(&page);
        let kept: Vec<&str> =
            page.iter().zip(&s.decisions).filter(|(_, d)| **d == Decision::Keep).map(|(t, _)| *t).collect();
        assert_eq!(kept, vec![PROSE_A, PROSE_B]);
        assert_eq!(s.decisions[4], Decision::Drop(Reason::Advertisement));
        assert_eq!(s.decisions[6], Decision::Drop(Reason::Related));
        assert_eq!(s.decisions[8], Decision::Drop(Reason::Comments));
    }

    #[test]
    fn a_heading_before_prose_is_kept() {
        let page = [PROSE_A, "What happens next", PROSE_B];
        assert!(select(&page).decisions.iter().all(|d| *d == Decision::Keep));
    }

    #[test]
    fn title_and_site_from_the_page_title_line() {
        let page = [
            "Talks resume in the capital | The Daily Example",
            "Menu",
            "Talks resume in the capital",
            PROSE_A,
            PROSE_B,
        ];
        let s = select(&page);
        assert_eq!(s.title, Some((2, "Talks resume in the capital".to_string())));
        assert_eq!(s.site_name.as_deref(), Some("The Daily Example"));
        assert_eq!(s.decisions[0], Decision::Drop(Reason::PageTitle));
        assert_eq!(s.decisions[2], Decision::Drop(Reason::Title));
    }

    #[test]
    fn masthead_then_headline() {
        let page = ["Example-News", "Talks resume in the capital after a long pause", PROSE_A, PROSE_B];
        let s = select(&page);
        assert_eq!(s.title.as_ref().map(|t| t.0), Some(1));
        assert_eq!(s.site_name.as_deref(), Some("Example-News"));
        assert_eq!(s.decisions[0], Decision::Drop(Reason::SiteName));
    }

    #[test]
    fn a_three_word_masthead_is_the_site_not_the_headline() {
        let page = ["The Daily Example", "Talks resume in the capital after a long pause", PROSE_A, PROSE_B];
        let s = select(&page);
        assert_eq!(s.title, Some((1, "Talks resume in the capital after a long pause".to_string())));
        assert_eq!(s.site_name.as_deref(), Some("The Daily Example"));
        // A first line that is itself a headline stays the title.
        let page = ["Talks resume in the capital after a long pause", "Menu", PROSE_A, PROSE_B];
        assert_eq!(select(&page).title, Some((0, page[0].to_string())));
    }

    #[test]
    fn a_page_without_prose_keeps_its_non_furniture_lines() {
        let s = select(&["Ceasefire holds", "Share this"]);
        assert_eq!(s.decisions, vec![Decision::Keep, Decision::Drop(Reason::Share)]);
        assert_eq!(s.title, None);
    }

    const PROSE_C: &str =
        "The agreement would cut tariffs on farm goods and open markets to foreign banks, officials said.";
    const TEASER: &str =
        "A long summary of another story that the site wants readers to click on, with many words in it.";

    fn kept<'a>(page: &[&'a str], s: &Selection) -> Vec<&'a str> {
        page.iter().zip(&s.decisions).filter(|(_, d)| **d == Decision::Keep).map(|(t, _)| *t).collect()
    }

    #[test]
    fn the_best_run_starting_in_a_window() {
        let weights = [9.0f32, -5.0, 1.0, -1.0, 4.0, -20.0, 30.0];
        let mut prefix = vec![0.0f64];
        for w in weights {
            prefix.push(prefix[prefix.len() - 1] + f64::from(w));
        }
        let ends = best_ends(&prefix);
        let run = |lo, hi| best_run_starting_in(&weights, &prefix, &ends, lo, hi);
        assert_eq!(run(1, 3), Some(Run { score: 14.0, start: 2, end: 7 }));
        assert_eq!(run(1, 5), Some(Run { score: 14.0, start: 2, end: 7 }));
        // A run starts on a block that scores: a cheap block in the window does not pull in
        // the prose after it.
        assert_eq!(run(5, 6), None);
        assert_eq!(run(5, 9), Some(Run { score: 30.0, start: 6, end: 7 }));
    }

    #[test]
    fn a_comment_section_is_never_crossed() {
        let comment = "I have read this blog for years and I think the author is wrong about the talks.";
        let reply = "The other side has never kept its word and it will not keep it this time either.";
        let page = [PROSE_A, PROSE_B, PROSE_C, "3 thoughts on “Talks resume”", "reader_one says:", comment, reply];
        let s = select(&page);
        // Without the opening, the comments would join the article (short sentences cost nothing).
        assert_eq!(kept(&page, &s), vec![PROSE_A, PROSE_B, PROSE_C]);
        assert_eq!(s.decisions[3], Decision::Drop(Reason::Comments));
        assert_eq!(s.decisions[4], Decision::Drop(Reason::Comments));
    }

    #[test]
    fn dated_teasers_after_the_article_are_dropped() {
        let page = [
            PROSE_A,
            PROSE_B,
            PROSE_C,
            "Another story",
            "Nov 18, 2019",
            TEASER,
            "A third story",
            "Nov 17, 2019",
            TEASER,
        ];
        let s = select(&page);
        assert_eq!(kept(&page, &s), vec![PROSE_A, PROSE_B, PROSE_C]);
        assert_eq!(s.decisions[4], Decision::Drop(Reason::Date));
    }

    #[test]
    fn the_headline_anchors_the_article_when_the_best_run_crosses_it() {
        let page = [
            "Talks resume in the capital | Example News",
            TEASER,
            "Nov 1, 2019",
            TEASER,
            "Talks resume in the capital",
            PROSE_A,
            PROSE_B,
        ];
        // The teasers score more than the article and are joined to it by cheap lines.
        let s = select(&page);
        assert_eq!(kept(&page, &s), vec![PROSE_A, PROSE_B]);
        assert_eq!(s.title, Some((4, "Talks resume in the capital".to_string())));
        assert_eq!(s.decisions[0], Decision::Drop(Reason::PageTitle));
    }

    #[test]
    fn the_headline_anchors_a_short_article_against_a_longer_footer() {
        let footer = "Our customer service center can be contacted with any questions or requests by telephone \
            or by email, and our offices are open on weekdays from nine in the morning until five in the evening.";
        let page = [
            "Talks resume in the capital - Example News",
            "Talks resume in the capital",
            PROSE_A,
            PROSE_B,
            "Sign up for our newsletter",
            "Privacy Policy",
            "Terms of Use",
            "Contact Us",
            "Home",
            "World",
            "Business",
            "Sports",
            "Weather",
            "Travel",
            "Opinion",
            "Arts",
            "Science",
            "Health",
            "Podcasts",
            footer,
        ];
        let s = select(&page);
        assert_eq!(kept(&page, &s), vec![PROSE_A, PROSE_B]);
        assert_eq!(s.decisions[1], Decision::Drop(Reason::Title));
    }

    #[test]
    fn the_headline_key_ignores_section_parts_of_the_page_title() {
        let keys = headline_keys("Talks resume | Opinion | The Daily Example");
        assert!(keys.contains("talks resume"));
        assert!(keys.contains("talks resume | opinion"));
        assert!(!keys.contains("the daily example"));
        assert!(headline_keys("Example News - Talks resume in the capital").contains("talks resume in the capital"));
    }

    #[test]
    fn the_title_is_the_repeated_headline_even_with_a_section_in_the_page_title() {
        let page =
            ["Talks resume in the capital | Analysis | The Daily Example", "Talks resume in the capital", PROSE_A];
        let s = select(&page);
        assert_eq!(s.title, Some((1, "Talks resume in the capital".to_string())));
        assert_eq!(s.site_name.as_deref(), Some("The Daily Example"));
    }

    #[test]
    fn a_block_compiling_the_paragraphs_counts_as_a_repeat() {
        let compiled = format!("{PROSE_A} {PROSE_B} {PROSE_C}");
        let page = [PROSE_A, PROSE_B, PROSE_C, "Share", compiled.as_str()];
        let s = select(&page);
        assert_eq!(kept(&page, &s), vec![PROSE_A, PROSE_B, PROSE_C]);
        assert_eq!(s.decisions[4], Decision::Drop(Reason::Duplicate));
        let compared: Vec<Compared> = page.iter().map(|t| Compared::of(t)).collect();
        assert_eq!(aggregates(&compared.iter().collect::<Vec<_>>()), vec![false, false, false, false, true]);
    }
}
