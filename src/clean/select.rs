//! Which blocks are the article: the decision procedure of the cleaner.
//!
//! 1. Each block is measured ([`Features`]) and matched against the furniture vocabulary.
//! 2. The main text is the contiguous run of blocks with the highest score, where prose scores its
//!    word count and everything else costs (furniture a lot, other short lines a little): a run of
//!    short lines — a menu, a list of related headlines — separates the article from prose
//!    elsewhere on the page, and a comment form or "Related articles" header costs more than most
//!    comments or teasers can win back.
//! 3. Inside that run, prose and short sentences are kept, as is a heading directly followed by
//!    prose; furniture, repeated lines and stray short lines are dropped.
//! 4. The title and site name are looked for among the dropped blocks before the main text.

use std::collections::HashSet;

use super::features::Features;
use super::vocab::{self, Reason};

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
/// What a date or byline line costs.
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
        Some(Date | Byline) => -DATE_COST,
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

/// The best run that starts in `lo..hi`, given the prefix sums and [`best_ends`].
fn best_run_starting_in(prefix: &[f64], ends: &[usize], lo: usize, hi: usize) -> Option<Run> {
    let mut best: Option<Run> = None;
    for start in lo..hi.min(prefix.len() - 1) {
        let end = ends[start];
        let score = prefix[end] - prefix[start];
        if score > 0.0 && best.is_none_or(|b| score > b.score) {
            best = Some(Run { score, start, end });
        }
    }
    best
}

fn key(text: &str) -> String {
    text.to_lowercase().trim_end_matches(['…', '.', ' ']).to_string()
}

/// How many blocks after the headline the article may start and still count as anchored to it.
const ANCHOR_WINDOW: usize = 15;
/// The least score of a run anchored to the headline for it to be taken as the main text.
const MIN_ANCHORED_SCORE: f64 = 20.0;
/// The share of the best run's score that a run anchored to the headline must reach to be
/// preferred to it, when the best run lies elsewhere on the page (a footer, a teaser list).
const ANCHORED_SHARE: f64 = 0.3;

/// The keys a repeat of the headline may have: the page-title line (the first block) whole, and
/// its parts on either side of each headline/site-name separator.
fn headline_keys(first: &str) -> HashSet<String> {
    let mut keys = HashSet::new();
    keys.insert(key(first));
    for sep in TITLE_SEPARATORS {
        for (at, _) in first.match_indices(sep) {
            keys.insert(key(&first[..at]));
            keys.insert(key(&first[at + sep.len()..]));
        }
    }
    keys
}

/// The main text: the best-scoring run of blocks, unless the headline anchors another one.
///
/// The article starts soon after its headline (the page's h1, which repeats the `<title>` line
/// or its headline part). When the best run crosses such a repeat, what comes before it is a
/// menu or teaser list that happened to score well; when the best run lies elsewhere (a long
/// footer, a comment-like section), a decent run right after the headline is still the article.
fn main_run(texts: &[&str], features: &[Features], weights: &[f32]) -> Option<Run> {
    let global = best_run(weights)?;
    let Some(first) = texts.first() else { return Some(global) };
    let keys = headline_keys(first);
    let anchors = (1..texts.len()).filter(|&i| features[i].words >= 3 && keys.contains(&key(texts[i])));
    let mut prefix = Vec::with_capacity(weights.len() + 1);
    prefix.push(0.0f64);
    for &w in weights {
        prefix.push(prefix[prefix.len() - 1] + f64::from(w));
    }
    let ends = best_ends(&prefix);
    let mut chosen: Option<Run> = None;
    for a in anchors {
        let Some(run) = best_run_starting_in(&prefix, &ends, a + 1, a + 1 + ANCHOR_WINDOW) else { continue };
        let crosses = global.start <= a && a + 1 < global.end;
        let enough = run.score >= MIN_ANCHORED_SCORE && (crosses || run.score >= ANCHORED_SHARE * global.score);
        if enough && chosen.is_none_or(|c| run.score > c.score) {
            chosen = Some(run);
        }
    }
    Some(chosen.unwrap_or(global))
}

/// Decides every block of a page.
pub fn select(texts: &[&str]) -> Selection {
    let features: Vec<Features> = texts.iter().map(|t| Features::of(t)).collect();
    let mut seen = HashSet::new();
    let duplicate: Vec<bool> = texts.iter().map(|t| !seen.insert(key(t))).collect();
    let weights: Vec<f32> = (0..texts.len())
        .map(|i| if vocab::opens_comment_section(texts[i]) { -COMMENT_SECTION_COST } else { weight(&features[i], duplicate[i]) })
        .collect();

    let mut decisions = vec![Decision::Drop(Reason::Boilerplate); texts.len()];
    let drop_reason = |i: usize| match features[i].furniture {
        Some(r) => r,
        None if duplicate[i] => Reason::Duplicate,
        None => Reason::Boilerplate,
    };
    let Some(Run { start, end, .. }) = main_run(texts, &features, &weights) else {
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

    for i in 0..texts.len() {
        decisions[i] = Decision::Drop(drop_reason(i));
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

    let (title, site_name) = find_title(texts, &features, &decisions, start);
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
const TITLE_SEPARATORS: [&str; 9] = [" | ", " :: ", " — ", " – ", " - ", " · ", " • ", " » ", " // "];

/// Splits a page-title line into (headline, site name), when it has that shape.
fn first_line_split(text: &str) -> Option<(&str, &str)> {
    let words = |s: &str| s.split_whitespace().count();
    for sep in TITLE_SEPARATORS {
        if let Some(at) = text.rfind(sep) {
            let (left, right) = (&text[..at], &text[at + sep.len()..]);
            if words(right) <= 5 && words(left) >= 2 {
                return Some((left.trim(), right.trim()));
            }
        }
        if let Some(at) = text.find(sep) {
            let (left, right) = (&text[..at], &text[at + sep.len()..]);
            if words(left) <= 4 && words(right) >= 4 {
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
    decisions: &[Decision],
    body_start: usize,
) -> (Option<(usize, String)>, Option<String>) {
    let dropped_before = |i: usize| i < body_start && decisions[i] != Decision::Keep;
    if texts.is_empty() || !dropped_before(0) {
        return (None, None);
    }
    let first = texts[0];
    let split = first_line_split(first);
    let wanted = [split.map(|(t, _)| key(t)), Some(key(first))];
    // The headline repeated as its own block (the page's h1) is the best evidence.
    for want in wanted.iter().flatten() {
        if let Some(i) = (1..body_start).rev().find(|&i| dropped_before(i) && key(texts[i]) == *want) {
            return (Some((i, texts[i].to_string())), split.map(|(_, s)| s.to_string()));
        }
    }
    if let Some((headline, site)) = split {
        return (Some((0, headline.to_string())), Some(site.to_string()));
    }
    if features[0].is_heading_like() {
        return (Some((0, first.to_string())), None);
    }
    // A short first line (a masthead) followed by a headline before the text.
    let site =
        (features[0].words <= 4 && features[0].furniture.is_none() && !features[0].terminal).then(|| first.to_string());
    let headline = (1..body_start).rev().find(|&i| dropped_before(i) && features[i].is_heading_like());
    (headline.map(|i| (i, texts[i].to_string())), site)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROSE_A: &str = "The minister said on Monday that the talks would resume next week in the capital.";
    const PROSE_B: &str = "Officials from both sides have met three times this year without reaching an agreement.";

    #[test]
    fn best_run_prefers_the_longest_of_equal_runs() {
        assert_eq!(best_run(&[-1.0, 5.0, -2.0, 2.0, -9.0, 3.0]), Some((1, 4)));
        assert_eq!(best_run(&[5.0, 0.0]), Some((0, 2)));
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
    fn a_page_without_prose_keeps_its_non_furniture_lines() {
        let s = select(&["Ceasefire holds", "Share this"]);
        assert_eq!(s.decisions, vec![Decision::Keep, Decision::Drop(Reason::Share)]);
        assert_eq!(s.title, None);
    }
}
