//! Which blocks of a page are the article.
//!
//! 1. Each block's prose weight: its word count when it reads as running text with few links.
//! 2. Elements that are page furniture by their tag (nav, aside, footer, header) or class and id
//!    ("comments", "related", "share", "sidebar"…) hold no weight for the elements around them.
//!    Blocks inside them, and blocks that are mostly link text, are dropped.
//! 3. The text cleaner's rules decide the rest (headline, byline, dates, furniture lines, the run
//!    of prose that is the article).
//! 4. The elements holding the article's paragraphs (scored as readability does) bound it: kept
//!    blocks outside them are dropped, and the article's lists, tables and short lines inside
//!    them, which the text rules alone would drop, are kept.

use std::sync::LazyLock;

use html5ever::local_name;
use regex::Regex;

use super::blocks::HtmlBlock;
use super::dom::Dom;
use crate::clean::blocks::Block;
use crate::clean::features::Features;
use crate::clean::{self, Cleaned, Decision, Reason};

/// An element holding at least this share of the page's prose is never furniture.
const MAX_FURNITURE_SHARE: f64 = 0.5;
/// How far above the best content element the article's other chunks may branch off.
const MAX_CHUNK_LEVELS: usize = 4;
/// An element around the best content element scoring at least this share of it is the content.
const ENCLOSING_SHARE: f64 = 0.75;
/// A sibling of the best content element scoring at least this share of it is content too.
const SIBLING_SHARE: f64 = 0.2;
/// Blocks with more link text than this are navigation.
const MAX_LINK_DENSITY: f32 = 0.5;
/// Blocks shorter than this are never prose (prose has at least 8 words).
const MIN_PROSE_CHARS: usize = 15;
/// Blocks with more link text than this are never prose.
const MAX_PROSE_LINK_DENSITY: f32 = 0.3;

/// Class and id words of furniture that is always furniture.
static STRONG_FURNITURE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"comment|disqus|respond|discussion|outbrain|taboola|cookie|newsletter").unwrap());
/// Class and id words of furniture, unless the same attribute also says content.
static FURNITURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"sidebar|widget|related|recommend|share|sharing|social|promo|subscri|signup|footer|masthead|navbar|",
        r"(^|[-_ ])nav|menu|breadcrumb|advert|(^|[-_ ])ads?($|[-_ ])|sponsor|banner|popup|modal|teaser|trending|",
        r"popular|most-?read|more-?stories|read-?more|(^|[-_ ])tags?($|[-_ ])|author-?bio|newsletter"
    ))
    .unwrap()
});
/// Class and id words of content.
static CONTENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"article|content|entry|post|story|body|text|main|blog").unwrap());

/// Elements that are furniture whatever they hold: a page footer full of disclaimers may hold
/// more prose than an article made of lists, and is still not the article.
fn is_always_furniture(dom: &Dom, i: usize) -> Option<Reason> {
    match *dom.name(i)? {
        local_name!("nav") => Some(Reason::Navigation),
        local_name!("footer") => Some(Reason::Boilerplate),
        _ if dom.attr(i, &local_name!("role")).is_some_and(|r| r == "navigation" || r == "contentinfo") => {
            Some(Reason::Navigation)
        }
        _ => None,
    }
}

/// Why an element is furniture, when it is (unless it holds most of the page's prose).
fn furniture_reason(dom: &Dom, i: usize) -> Option<Reason> {
    let name = dom.name(i)?;
    match *name {
        local_name!("nav") => return Some(Reason::Navigation),
        local_name!("aside") => return Some(Reason::Related),
        local_name!("header") => return Some(Reason::Boilerplate),
        _ => {}
    }
    if dom.attr(i, &local_name!("role")).is_some_and(|r| r == "complementary") {
        return Some(Reason::Navigation);
    }
    let mut hints = String::new();
    for attr in [local_name!("class"), local_name!("id")] {
        if let Some(v) = dom.attr(i, &attr) {
            hints.push(' ');
            hints.push_str(&v.to_ascii_lowercase());
        }
    }
    if hints.is_empty() {
        return None;
    }
    if STRONG_FURNITURE.is_match(&hints) {
        return Some(if hints.contains("cookie") { Reason::Cookies } else { Reason::Comments });
    }
    if FURNITURE.is_match(&hints) && !CONTENT.is_match(&hints) {
        return Some(Reason::Boilerplate);
    }
    None
}

/// Decides the page's blocks and assembles the body.
pub fn select(html: &str, dom: &Dom, blocks: Vec<HtmlBlock>) -> Cleaned {
    let n = dom.nodes.len();
    // Measuring a block runs the furniture vocabulary, so blocks are measured only when needed:
    // those that may be prose (for the weights), and those the text rules will decide.
    let mut measured: Vec<Option<Features>> = vec![None; blocks.len()];
    let may_be_prose =
        |b: &HtmlBlock| b.chars >= MIN_PROSE_CHARS && b.link_density() <= MAX_PROSE_LINK_DENSITY && !b.in_figure;
    for (k, b) in blocks.iter().enumerate() {
        if may_be_prose(b) {
            measured[k] = Some(Features::of(&b.text));
        }
    }
    let is_prose =
        |measured: &[Option<Features>], k: usize| may_be_prose(&blocks[k]) && measured[k].is_some_and(|f| f.is_prose());
    let mut own = vec![0.0f64; n];
    for k in 0..blocks.len() {
        if is_prose(&measured, k) {
            own[blocks[k].element] += measured[k].map_or(0, |f| f.words) as f64;
        }
    }
    // An element that holds most of the page's prose is not furniture whatever its class says
    // (an "ad-slot" class on the element around an article), unless it is a nav or footer.
    let raw = sum_up(dom, &own, |_| true);
    let furniture: Vec<Option<Reason>> = (0..n)
        .map(|i| {
            is_always_furniture(dom, i)
                .or_else(|| furniture_reason(dom, i).filter(|_| raw[i] < MAX_FURNITURE_SHARE * raw[0] || raw[0] == 0.0))
        })
        .collect();
    let in_furniture: Vec<Option<Reason>> =
        blocks.iter().map(|b| furniture_around(dom, &furniture, b.element)).collect();

    // 1. Furniture by structure: inside furniture elements, or mostly links.
    let mut decisions: Vec<Option<Decision>> = (0..blocks.len())
        .map(|k| match in_furniture[k] {
            Some(r) => Some(Decision::Drop(r)),
            None if blocks[k].link_density() > MAX_LINK_DENSITY => Some(Decision::Drop(Reason::Navigation)),
            None => None,
        })
        .collect();
    for k in 0..blocks.len() {
        if decisions[k].is_none() && measured[k].is_none() {
            measured[k] = Some(Features::of(&blocks[k].text));
        }
    }
    // Every block the rules below read has been measured; the fallback is only for safety.
    let features = |k: usize| measured[k].unwrap_or_else(|| Features::of(&blocks[k].text));
    // 2. The text rules on the rest; the page <title> (first block, in the head) joins them: it
    //    finds the headline.
    let title_block = blocks.first().filter(|b| in_head(dom, b.element)).map(|_| 0);
    let mut live: Vec<usize> = (0..blocks.len()).filter(|&k| decisions[k].is_none()).collect();
    if let Some(t) = title_block {
        if !live.contains(&t) {
            live.insert(0, t);
        }
    }
    let texts: Vec<&str> = live.iter().map(|&k| blocks[k].text.as_str()).collect();
    let live_features: Vec<Features> = live.iter().map(|&k| features(k)).collect();
    let (live_decisions, title, site_name) = clean::decide_measured(&texts, &live_features);
    for (&k, d) in live.iter().zip(live_decisions) {
        decisions[k] = Some(d);
    }
    let mut decisions: Vec<Decision> =
        decisions.into_iter().map(|d| d.unwrap_or(Decision::Drop(Reason::Boilerplate))).collect();

    // 3. The elements holding the kept prose: kept blocks outside them are strays (teasers, a
    //    footer blurb), and what the text rules dropped inside them after the article starts is
    //    the article's own lists, tables and short lines.
    let kept_prose: Vec<usize> =
        (0..blocks.len()).filter(|&k| decisions[k] == Decision::Keep && is_prose(&measured, k)).collect();
    if !kept_prose.is_empty() {
        let roots = content_elements(dom, &blocks, &kept_prose);
        // Marked once, so that a page of many small content elements stays linear.
        let mut is_root = vec![false; n];
        for &r in &roots {
            is_root[r] = true;
        }
        let inside: Vec<bool> = blocks.iter().map(|b| under_any(dom, &is_root, b.element)).collect();
        // Kept prose held directly by the element just around the content (opening paragraphs
        // beside a "read all" block) is no stray: a paragraph, or a paragraph in a wrapper.
        let around: Vec<usize> = roots.iter().map(|&r| dom.parent[r]).filter(|&p| p != 0).collect();
        let beside = |k: usize| {
            let e = blocks[k].element;
            is_prose(&measured, k) && around.iter().any(|&a| dom.parent[e] == a || dom.parent[dom.parent[e]] == a)
        };
        for k in 0..blocks.len() {
            if decisions[k] == Decision::Keep && !inside[k] && !beside(k) {
                decisions[k] = Decision::Drop(Reason::Boilerplate);
            }
        }
        let first = decisions.iter().position(|d| *d == Decision::Keep).unwrap_or(blocks.len());
        for k in first..blocks.len() {
            let recoverable = decisions[k] == Decision::Drop(Reason::Boilerplate)
                && inside[k]
                && in_furniture[k].is_none()
                && features(k).furniture.is_none()
                && blocks[k].link_density() <= MAX_LINK_DENSITY
                && !blocks[k].in_figure
                && blocks[k].heading != 1;
            if recoverable {
                decisions[k] = Decision::Keep;
            }
        }
    }
    let plain: Vec<Block> = blocks
        .into_iter()
        .map(|b| Block { text: b.text, map: b.map, in_start: b.in_start, in_end: b.in_end })
        .collect();
    clean::assemble(html, &plain, &decisions, title, site_name)
}

/// The elements holding the article's paragraphs, found as readability does: each paragraph
/// scores its parent fully, its grandparent half and the level above a sixth; the best-scoring
/// element wins, with those of its siblings that score at least a fifth as much (an article
/// split around an ad).
fn content_elements(dom: &Dom, blocks: &[HtmlBlock], prose: &[usize]) -> Vec<usize> {
    let mut score: std::collections::HashMap<usize, f64> = std::collections::HashMap::new();
    for &k in prose {
        let b = &blocks[k];
        let w = 1.0 + b.text.matches(',').count() as f64 + (b.chars as f64 / 100.0).min(3.0);
        let mut e = b.element;
        if dom.name(e).is_some_and(is_paragraph_element) {
            e = dom.parent[e];
        }
        for share in [1.0, 0.5, 1.0 / 6.0] {
            *score.entry(e).or_default() += w * share;
            if e == 0 {
                break;
            }
            e = dom.parent[e];
        }
    }
    let Some((&best_element, &best)) = score.iter().max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0))) else {
        return vec![0];
    };
    // An element around the best one that scores nearly as well holds paragraphs of its own
    // beside it (the opening paragraphs, then a "paywall" or "more" block with the rest).
    let mut top = best_element;
    let mut up = best_element;
    for _ in 0..MAX_CHUNK_LEVELS {
        if up == 0 {
            break;
        }
        up = dom.parent[up];
        if score.get(&up).is_some_and(|&s| s >= ENCLOSING_SHARE * best) {
            top = up;
        }
    }
    if top == 0 {
        return vec![0];
    }
    // The article's other chunks: well-scoring elements near the best one, not around it.
    let mut near = top;
    for _ in 0..MAX_CHUNK_LEVELS {
        near = dom.parent[near];
    }
    let mut out: Vec<usize> = score
        .iter()
        .filter(|&(&c, &s)| {
            c != top && s >= SIBLING_SHARE * best && !is_ancestor(dom, c, top) && is_ancestor(dom, near, c)
        })
        .map(|(&c, _)| c)
        .collect();
    out.push(top);
    out
}

/// Elements that hold a paragraph's own text.
fn is_paragraph_element(name: &html5ever::LocalName) -> bool {
    matches!(
        *name,
        local_name!("p")
            | local_name!("li")
            | local_name!("blockquote")
            | local_name!("pre")
            | local_name!("td")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("dd")
    )
}

/// The reason of the innermost furniture element around `i`, if any.
fn furniture_around(dom: &Dom, furniture: &[Option<Reason>], mut i: usize) -> Option<Reason> {
    while i != 0 {
        if let Some(r) = furniture[i] {
            return Some(r);
        }
        i = dom.parent[i];
    }
    None
}

/// Each element's weight plus its descendants', where `passes(i)` says whether `i` passes its
/// weight on to its parent.
fn sum_up(dom: &Dom, own: &[f64], passes: impl Fn(usize) -> bool) -> Vec<f64> {
    let mut sum = own.to_vec();
    // Children come after their parents in the arena.
    for i in (1..sum.len()).rev() {
        if passes(i) {
            let m = sum[i];
            sum[dom.parent[i]] += m;
        }
    }
    sum
}

/// Whether `i` or one of its ancestors is marked.
fn under_any(dom: &Dom, marked: &[bool], mut i: usize) -> bool {
    loop {
        if marked[i] {
            return true;
        }
        if i == 0 {
            return false;
        }
        i = dom.parent[i];
    }
}

fn is_ancestor(dom: &Dom, a: usize, mut i: usize) -> bool {
    while i != 0 {
        if i == a {
            return true;
        }
        i = dom.parent[i];
    }
    a == 0
}

fn in_head(dom: &Dom, mut i: usize) -> bool {
    while i != 0 {
        if dom.name(i) == Some(&local_name!("head")) {
            return true;
        }
        i = dom.parent[i];
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::html::extract;

    const DISCLAIMER: &str = "The information on this website is provided for general interest only and is not \
        intended as advice of any kind, and readers should consult a qualified professional before acting on it.";

    #[test]
    fn a_footer_is_never_the_article_even_with_more_prose() {
        let html = format!(
            "<html><body><article><h1>Weekly plan</h1><p>Here is the plan for this week, day by day, for the whole \
             family to follow.</p><ul><li>Monday: rice and beans</li><li>Tuesday: lentil soup</li>\
             <li>Wednesday: baked fish</li></ul></article><footer><p>{DISCLAIMER}</p><p>{DISCLAIMER}</p></footer></body></html>"
        );
        let text = extract(&html).cleaned.text;
        assert!(text.starts_with("Here is the plan"), "{text}");
        assert!(text.contains("Tuesday: lentil soup"), "{text}");
        assert!(!text.contains("information on this website"), "{text}");
    }

    #[test]
    fn a_misleading_class_does_not_hide_the_article() {
        let para = "The council met on Tuesday and agreed, after a long debate, to keep the ferry running all year.";
        let html = format!(
            "<html><body><div class='story-ad-slot'><p>{para}</p><p>{para} Again.</p><p>{para} Once more.</p></div>\
             <div class='sidebar'><p>Subscribe to our newsletter for more news like this every single morning.</p></div></body></html>"
        );
        let text = extract(&html).cleaned.text;
        assert!(text.starts_with("The council met"), "{text}");
        assert!(!text.contains("Subscribe"), "{text}");
    }

    #[test]
    fn opening_paragraphs_around_a_long_read_all_block_are_no_strays() {
        let p = |i: usize| {
            format!("<p>Paragraph {i} of the story says that the harbour council voted on Tuesday, as expected.</p>")
        };
        let inner: String = (3..=11).map(p).collect();
        let html = format!(
            "<html><body><div class='story'>{}{}<div class='read-all'>{inner}</div></div>\
             <div class='more'><div><p>A different story says the mayor opened a new library in the north on Friday.</p></div></div></body></html>",
            p(1),
            p(2)
        );
        let text = extract(&html).cleaned.text;
        assert!(text.starts_with("Paragraph 1 of the story"), "{text}");
        assert_eq!(text.matches("Paragraph").count(), 11, "{text}");
        assert!(!text.contains("library"), "{text}");
    }

    #[test]
    fn the_opening_paragraphs_beside_a_paywall_block_are_kept() {
        let p = |i: usize| {
            format!("<p>Paragraph {i} of the story says that the harbour council voted on Tuesday, as expected.</p>")
        };
        let html = format!(
            "<html><body><div class='story'>{}{}<div class='paywall'>{}{}{}{}{}</div></div></body></html>",
            p(1),
            p(2),
            p(3),
            p(4),
            p(5),
            p(6),
            p(7)
        );
        let text = extract(&html).cleaned.text;
        assert!(text.starts_with("Paragraph 1 of the story"), "{text}");
        assert!(text.ends_with("as expected."), "{text}");
        assert_eq!(text.matches("Paragraph").count(), 7, "{text}");
    }
}
