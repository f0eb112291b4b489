//! Page metadata: title, site name, authors and publication date, from JSON-LD first, then Open
//! Graph and other meta tags, then the page itself (`<title>`, `<h1>`, `<time>`).

use html5ever::local_name;
use serde_json::Value;

use super::align::decode_references;
use super::dom::Dom;
use crate::clean::TITLE_SEPARATORS;

/// What the page says about the article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The site or outlet name.
    pub site_name: Option<String>,
    /// The authors' names, in page order, without repeats.
    pub authors: Vec<String>,
    /// The publication date as the page states it (usually ISO 8601).
    pub published: Option<String>,
    /// The JSON-LD `articleBody`, when the page has one (not used by extraction: often truncated
    /// or without paragraph breaks).
    pub article_body: Option<String>,
}

/// JSON-LD types that describe the article itself.
const ARTICLE_TYPES: [&str; 9] = [
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "TechArticle",
    "ScholarlyArticle",
];

/// Reads the page's metadata.
pub fn metadata(dom: &Dom) -> Metadata {
    let mut meta = Metadata::default();
    let mut tags = MetaTags::default();
    let mut page_title = None;
    let mut first_h1 = None;
    for i in 0..dom.nodes.len() {
        let Some(name) = dom.name(i) else { continue };
        match *name {
            local_name!("script") if dom.attr(i, &local_name!("type")).is_some_and(is_json_ld) => {
                if let Ok(value) = serde_json::from_str::<Value>(dom.text_of(i).trim()) {
                    read_json_ld(&value, &mut meta, 0);
                }
            }
            local_name!("meta") => tags.read(dom, i),
            local_name!("title") if page_title.is_none() => page_title = non_empty(&dom.text_of(i)),
            local_name!("h1") if first_h1.is_none() => first_h1 = non_empty(&dom.text_of(i)),
            local_name!("time") if tags.time.is_none() => {
                tags.time = dom.attr(i, &local_name!("datetime")).and_then(non_empty);
            }
            _ => {}
        }
        if dom.attr(i, &local_name!("itemprop")) == Some("datePublished") && tags.published.is_none() {
            tags.published =
                dom.attr(i, &local_name!("content")).or(dom.attr(i, &local_name!("datetime"))).and_then(non_empty);
        }
    }
    meta.site_name = meta.site_name.or(tags.site_name);
    let title = meta.title.take().or(tags.title).or(first_h1.clone()).or(page_title);
    meta.title = title.map(|t| headline(t, meta.site_name.as_deref(), first_h1.as_deref()));
    if meta.authors.is_empty() {
        for a in tags.authors {
            push_author(&mut meta.authors, &a);
        }
    }
    meta.published = meta.published.or(tags.published).or(tags.time);
    meta
}

/// The headline of a page title: without the site name it carries ("Storm hits coast | Daily
/// Example"), when the site name or the page's `<h1>` shows which part that is.
fn headline(title: String, site: Option<&str>, h1: Option<&str>) -> String {
    let same = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    for sep in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if site.is_some_and(|s| same(s, tail)) || h1.is_some_and(|h| same(h, head)) {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = title.split_once(sep) {
            if site.is_some_and(|s| same(s, head)) || h1.is_some_and(|h| same(h, tail)) {
                return tail.trim().to_string();
            }
        }
    }
    title
}

fn is_json_ld(t: &str) -> bool {
    t.trim().eq_ignore_ascii_case("application/ld+json")
}

/// Decodes character references left in the text and collapses whitespace; None when nothing
/// is left.
fn non_empty(s: &str) -> Option<String> {
    let s = if s.contains('&') { decode_references(s) } else { s.to_string() };
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

/// The meta tags that matter, first value of each.
#[derive(Default)]
struct MetaTags {
    title: Option<String>,
    site_name: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    time: Option<String>,
}

impl MetaTags {
    fn read(&mut self, dom: &Dom, i: usize) {
        let key = dom.attr(i, &local_name!("property")).or(dom.attr(i, &local_name!("name")));
        let (Some(key), Some(content)) = (key, dom.attr(i, &local_name!("content")).and_then(non_empty)) else {
            return;
        };
        let slot = match key.to_ascii_lowercase().as_str() {
            "og:title" | "twitter:title" => &mut self.title,
            "og:site_name" | "application-name" => &mut self.site_name,
            "article:published_time"
            | "og:published_time"
            | "datepublished"
            | "pubdate"
            | "publishdate"
            | "date"
            | "dc.date"
            | "dc.date.issued"
            | "sailthru.date"
            | "parsely-pub-date" => &mut self.published,
            "author" | "article:author" | "dc.creator" | "sailthru.author" | "parsely-author" | "byl" => {
                // article:author is often a profile URL, not a name.
                if !content.starts_with("http") {
                    self.authors.push(content);
                }
                return;
            }
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(content);
        }
    }
}

/// Reads an article description out of JSON-LD (an object, an array, or a `@graph`).
fn read_json_ld(value: &Value, meta: &mut Metadata, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| read_json_ld(v, meta, depth + 1)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                read_json_ld(graph, meta, depth + 1);
            }
            let is_article = match map.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if !is_article {
                return;
            }
            let text = |k: &str| map.get(k).and_then(Value::as_str).and_then(non_empty);
            meta.title = meta.title.take().or_else(|| text("headline"));
            meta.published = meta.published.take().or_else(|| text("datePublished"));
            if meta.article_body.is_none() {
                meta.article_body = map.get("articleBody").and_then(Value::as_str).map(str::to_string);
            }
            if meta.site_name.is_none() {
                meta.site_name = map.get("publisher").and_then(name_of);
            }
            if meta.authors.is_empty() {
                match map.get("author") {
                    Some(Value::Array(list)) => {
                        list.iter().filter_map(name_of).for_each(|a| push_author(&mut meta.authors, &a))
                    }
                    Some(one) => name_of(one).iter().for_each(|a| push_author(&mut meta.authors, a)),
                    None => {}
                }
            }
        }
        _ => {}
    }
}

/// A name given as a string or as an object with a `name`.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => non_empty(s),
        Value::Object(m) => m.get("name").and_then(Value::as_str).and_then(non_empty),
        _ => None,
    }
}

/// The most authors kept (a page listing thousands in one tag is not stating its byline).
const MAX_AUTHORS: usize = 50;

/// Adds an author unless already there; a "By A and B" string gives two.
fn push_author(authors: &mut Vec<String>, name: &str) {
    if authors.len() >= MAX_AUTHORS {
        return;
    }
    let name = name.trim();
    let name = name.strip_prefix("By ").or_else(|| name.strip_prefix("by ")).unwrap_or(name);
    for part in name.split(" and ").flat_map(|p| p.split(", ")) {
        let part = part.trim();
        if authors.len() < MAX_AUTHORS
            && !part.is_empty()
            && !part.starts_with("http")
            && !authors.iter().any(|a| a == part)
        {
            authors.push(part.to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> Metadata {
        metadata(&Dom::parse(html))
    }

    #[test]
    fn json_ld_comes_first() {
        let m = meta(
            r#"<html><head><title>Page | Site</title><meta property="og:title" content="OG title">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
            {"@type":"NewsArticle","headline":"The headline","datePublished":"2024-03-01T10:00:00Z",
             "author":[{"@type":"Person","name":"Ana Ruiz"},{"@type":"Person","name":"Bo Lind"}],
             "publisher":{"@type":"Organization","name":"Daily Example &amp; Co"},"articleBody":"Body text."}]}</script>
            </head><body><h1>H1 title</h1></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("The headline"));
        assert_eq!(m.site_name.as_deref(), Some("Daily Example & Co"));
        assert_eq!(m.authors, vec!["Ana Ruiz", "Bo Lind"]);
        assert_eq!(m.published.as_deref(), Some("2024-03-01T10:00:00Z"));
        assert_eq!(m.article_body.as_deref(), Some("Body text."));
    }

    #[test]
    fn meta_tags_then_the_page() {
        let m = meta(
            r#"<head><meta property="og:site_name" content="Example Post"><meta name="author" content="By Jo Park and Li Wei">
            <meta property="article:author" content="https://example.com/jo"><meta property="article:published_time" content="2023-05-06">
            </head><body><h1> Storm  hits coast </h1></body>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(m.site_name.as_deref(), Some("Example Post"));
        assert_eq!(m.authors, vec!["Jo Park", "Li Wei"]);
        assert_eq!(m.published.as_deref(), Some("2023-05-06"));

        let m = meta(
            r#"<meta property="og:title" content="Storm hits coast | Example Post"><meta property="og:site_name" content="Example Post">"#,
        );
        assert_eq!(m.title.as_deref(), Some("Storm hits coast"));
        let m = meta(r#"<title>News - Storm hits coast</title><h1>Storm hits coast</h1>"#);
        assert_eq!(m.title.as_deref(), Some("Storm hits coast"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = meta(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", </script><title>T</title><time datetime="2020-01-02">Jan 2</time>"#,
        );
        assert_eq!(m.title.as_deref(), Some("T"));
        assert_eq!(m.published.as_deref(), Some("2020-01-02"));
    }
}
