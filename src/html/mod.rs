//! HTML input: from a web page to the article body, its title, site name, authors and date.
//!
//! 1. [`dom`]: html5ever parses the page (every HTML5 recovery rule) into a flat tree.
//! 2. [`blocks`]: the visible text, one block per paragraph-like element, each mapped back to the
//!    HTML source ([`align`] finds the text nodes again in the source).
//! 3. [`content`]: which blocks are the article, from the page structure (furniture elements by
//!    tag, class and id, link density, the elements holding the body's paragraphs) and the same
//!    rules as text cleaning.
//! 4. [`meta`]: title, site name, authors and publication date from JSON-LD, Open Graph and meta
//!    tags first, then the page.

mod align;
mod blocks;
mod content;
mod dom;
mod meta;
mod sink;

pub use self::meta::Metadata;
use crate::clean::Cleaned;

/// Whether `text` looks like an HTML document rather than text: it starts (after blanks and a
/// BOM) with a doctype, a comment or one of the tags that open a page.
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let prefix: String = head.chars().take(16).collect::<String>().to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<!--", "<?xml", "<meta", "<article", "<div", "<p>", "<p "]
        .iter()
        .any(|p| prefix.starts_with(p))
}

/// A cleaned HTML page and its metadata.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Extracted {
    /// The body, title and site name, removals and the map back to the HTML.
    pub cleaned: Cleaned,
    /// Authors and publication date.
    pub metadata: Metadata,
}

/// Extracts the article from an HTML page.
pub fn extract(html: &str) -> Extracted {
    let dom = dom::Dom::parse(html);
    let blocks = blocks::blocks(&dom, html);
    let metadata = meta::metadata(&dom);
    let mut cleaned = content::select(html, &dom, blocks);
    if metadata.title.is_some() {
        cleaned.title = metadata.title.clone();
    }
    if metadata.site_name.is_some() {
        cleaned.site_name = metadata.site_name.clone();
    }
    Extracted { cleaned, metadata }
}
