//! Cleaning: from scraped page text to the article body, its title and site name, a report of
//! every dropped piece, and a map from every body offset back to the input.
//!
//! ```
//! let page = "Example News\n\nTalks resume in the capital\n\n\
//!     The minister said on Monday that the talks would resume next week in the capital.\n\n\
//!     Leave a Reply";
//! let cleaned = copydesk::clean::clean(page);
//! assert_eq!(cleaned.title.as_deref(), Some("Talks resume in the capital"));
//! assert_eq!(cleaned.site_name.as_deref(), Some("Example News"));
//! assert!(cleaned.text.starts_with("The minister said"));
//! assert_eq!(cleaned.removed.last().unwrap().reason.as_str(), "comments");
//! ```

pub(crate) mod blocks;
pub(crate) mod features;
pub mod normalize;
mod select;
mod starts;
pub mod vocab;

use serde::Serialize;

use self::blocks::Block;
use self::features::Features;
use self::select::Compared;
pub(crate) use self::select::Decision;
pub(crate) use self::select::TITLE_SEPARATORS;
pub use self::vocab::Reason;
use crate::Span;
use crate::offsets::SourceMap;

/// A piece of the input left out of the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Removed {
    /// The input text of the piece, exactly `&input[start..end]`.
    pub text: String,
    /// Start byte offset in the input.
    pub start: usize,
    /// End byte offset in the input.
    pub end: usize,
    /// Why it was left out.
    pub reason: Reason,
}

/// The result of cleaning one input text.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[non_exhaustive]
pub struct Cleaned {
    /// The body: paragraphs separated by one blank line.
    pub text: String,
    /// The headline, when the page has one.
    pub title: Option<String>,
    /// The site or outlet name, when the page shows one.
    pub site_name: Option<String>,
    /// Byte spans of the paragraphs in `text`.
    pub paragraphs: Vec<Span>,
    /// The dropped pieces of the input, in input order.
    pub removed: Vec<Removed>,
    /// Maps `text` back to the input.
    pub map: SourceMap,
}

/// The separator between paragraphs of the body.
pub const PARAGRAPH_BREAK: &str = "\n\n";

/// How many times selection is re-run on its own output. Each pass sees exactly the blocks the
/// previous one kept — what cleaning the cleaned body would see — so stopping at a pass that
/// drops nothing makes cleaning idempotent. The rules are built to settle after one pass; the
/// bound only guards against a rule that does not.
const MAX_PASSES: usize = 4;

/// Cleans scraped page text.
pub fn clean(input: &str) -> Cleaned {
    clean_blocks(input, blocks::blocks_from(normalize::line_iter(input), normalize::has_blank_line(input)))
}

/// Cleans a page already cut into blocks (each with its map back to `input`).
pub(crate) fn clean_blocks(input: &str, blocks: Vec<Block>) -> Cleaned {
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    let (decisions, title, site_name) = decide(&texts);
    assemble(input, &blocks, &decisions, title, site_name)
}

/// Decides which blocks are the body: the decisions, the headline and the site name.
pub(crate) fn decide(texts: &[&str]) -> (Vec<Decision>, Option<String>, Option<String>) {
    // Measured once: the vocabulary regexes behind them are most of the cleaner's time.
    let (features, compared): (Vec<Features>, Vec<Compared>) = texts.iter().map(|t| Compared::with_features(t)).unzip();
    decide_compared(texts, &features, &compared)
}

/// [`decide`] with each block's [`Features`] already measured (`features[i]` for `texts[i]`).
pub(crate) fn decide_measured(
    texts: &[&str],
    features: &[Features],
) -> (Vec<Decision>, Option<String>, Option<String>) {
    let compared: Vec<Compared> = texts.iter().map(|t| Compared::of(t)).collect();
    decide_compared(texts, features, &compared)
}

/// [`decide`] with each block's [`Features`] and [`Compared`] already measured.
fn decide_compared(
    texts: &[&str],
    features: &[Features],
    compared: &[Compared],
) -> (Vec<Decision>, Option<String>, Option<String>) {
    let first = select::select_measured(texts, features, &compared.iter().collect::<Vec<_>>(), false);
    let mut decisions = first.decisions;
    for _ in 1..MAX_PASSES {
        let live: Vec<usize> = (0..texts.len()).filter(|&i| decisions[i] == Decision::Keep).collect();
        let live_texts: Vec<&str> = live.iter().map(|&i| texts[i]).collect();
        let live_features: Vec<Features> = live.iter().map(|&i| features[i]).collect();
        let live_compared: Vec<&Compared> = live.iter().map(|&i| &compared[i]).collect();
        // The live blocks are those the last pass kept.
        let again = select::select_measured(&live_texts, &live_features, &live_compared, true);
        if again.decisions.iter().all(|d| *d == Decision::Keep) {
            break;
        }
        for (&i, d) in live.iter().zip(again.decisions) {
            decisions[i] = d;
        }
    }
    (decisions, first.title.map(|(_, t)| t), first.site_name)
}

/// Builds the body from the kept blocks, and the removal report from the others.
pub(crate) fn assemble(
    input: &str,
    blocks: &[Block],
    decisions: &[Decision],
    title: Option<String>,
    site_name: Option<String>,
) -> Cleaned {
    let mut out = Cleaned { title, site_name, ..Cleaned::default() };
    let mut previous_end: Option<usize> = None;
    for (block, decision) in blocks.iter().zip(decisions) {
        match decision {
            Decision::Keep => {
                if let Some(prev) = previous_end {
                    out.map.push_replacement(prev, block.in_start, PARAGRAPH_BREAK.len());
                    out.text.push_str(PARAGRAPH_BREAK);
                }
                let start = out.text.len();
                out.text.push_str(&block.text);
                out.map.append(&block.map);
                out.paragraphs.push(Span { start, end: out.text.len() });
                previous_end = Some(block.in_end);
            }
            Decision::Drop(reason) => out.removed.push(Removed {
                text: input[block.in_start..block.in_end].to_string(),
                start: block.in_start,
                end: block.in_end,
                reason: *reason,
            }),
        }
    }
    debug_assert_eq!(out.map.out_len(), out.text.len());
    out
}

/// Takes the input as the body, unchanged: no title, nothing removed, an identity map.
/// Paragraphs are the runs of non-blank lines.
pub fn keep_as_is(input: &str) -> Cleaned {
    let mut paragraphs = Vec::new();
    let mut current: Option<Span> = None;
    for line in normalize::line_iter(input) {
        if line.is_blank() {
            paragraphs.extend(current.take());
        } else {
            let span = current.get_or_insert(Span { start: line.in_start, end: line.in_end });
            span.end = line.in_end;
        }
    }
    paragraphs.extend(current);
    Cleaned { text: input.to_string(), paragraphs, map: SourceMap::identity(input.len()), ..Cleaned::default() }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "Example-News\r\n\r\nTalks resume in the capital after a pause\r\n\r\n\
The minister said on Monday that the talks would resume next week in the capital.\r\n\r\n\
Officials from both sides have met three times this\u{a0}year without reaching an agreement.\r\n\r\n\
Related Articles\r\n\r\nLeave a Reply\r\n";

    #[test]
    fn finds_body_title_and_site() {
        let c = clean(PAGE);
        assert_eq!(c.title.as_deref(), Some("Talks resume in the capital after a pause"));
        assert_eq!(c.site_name.as_deref(), Some("Example-News"));
        assert_eq!(
            c.text,
            "The minister said on Monday that the talks would resume next week in the capital.\n\n\
Officials from both sides have met three times this year without reaching an agreement."
        );
        let reasons: Vec<&str> = c.removed.iter().map(|r| r.reason.as_str()).collect();
        assert_eq!(reasons, vec!["site_name", "title", "related", "comments"]);
        for r in &c.removed {
            assert_eq!(&PAGE[r.start..r.end], r.text);
        }
    }

    #[test]
    fn paragraphs_and_map_are_exact() {
        let c = clean(PAGE);
        assert_eq!(c.paragraphs.len(), 2);
        for p in &c.paragraphs {
            let (s, e) = c.map.source_span(p.start, p.end);
            let expect = c.text[p.start..p.end].to_string();
            assert_eq!(PAGE[s..e].replace('\u{a0}', " "), expect);
        }
        // The paragraph break maps to the dropped stretch between the paragraphs.
        let gap = c.paragraphs[0].end..c.paragraphs[1].start;
        let (s, e) = c.map.source_span(gap.start, gap.end);
        assert_eq!(&PAGE[s..e], "\r\n\r\n");
    }

    #[test]
    fn cleaning_is_idempotent() {
        let once = clean(PAGE);
        let twice = clean(&once.text);
        assert_eq!(twice.text, once.text);
        assert!(twice.removed.is_empty());
    }

    #[test]
    fn empty_and_blank_inputs() {
        assert_eq!(clean("").text, "");
        assert_eq!(clean(" \n\r\n\t").text, "");
        assert!(clean("").paragraphs.is_empty());
    }

    #[test]
    fn keep_as_is_is_the_identity() {
        let c = keep_as_is("  a\nb\n\n\nc  ");
        assert_eq!(c.text, "  a\nb\n\n\nc  ");
        assert_eq!(c.paragraphs, vec![Span { start: 2, end: 5 }, Span { start: 8, end: 9 }]);
        assert!(c.removed.is_empty());
    }
}
