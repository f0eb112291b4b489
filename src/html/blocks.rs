//! From the parsed page to blocks: the visible text, one block per paragraph-like element, each
//! with its map back to the HTML source and what the page structure says about it.

use html5ever::{LocalName, local_name};

use super::align::{Aligner, Located};
use super::dom::{Dom, Node};
use crate::clean::normalize::{is_invisible, is_space_like};
use crate::offsets::SourceMap;

/// One paragraph-like piece of the visible text.
#[derive(Debug, Clone)]
pub struct HtmlBlock {
    /// Normalised text: one line, single spaces, never empty.
    pub text: String,
    /// Maps `text` back to the HTML source.
    pub map: SourceMap,
    /// Source byte range of the block's visible content.
    pub in_start: usize,
    /// End of that range.
    pub in_end: usize,
    /// The element the block belongs to: the innermost block-level element around its text.
    pub element: usize,
    /// Characters of `text` inside links.
    pub link_chars: usize,
    /// Characters of `text`.
    pub chars: usize,
    /// The heading level (1–6) when the block is a heading.
    pub heading: u8,
    /// Whether the block is inside a figure or its caption.
    pub in_figure: bool,
}

impl HtmlBlock {
    /// The share of the block's characters that are link text.
    pub fn link_density(&self) -> f32 {
        self.link_chars as f32 / self.chars.max(1) as f32
    }
}

/// Elements whose content is never visible text. (The head holds only these, and the page
/// `<title>`, which is kept: it is the first line of the page, as in scraped text.)
fn is_invisible_element(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("noscript")
            | local_name!("template")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("embed")
            | local_name!("canvas")
            | local_name!("video")
            | local_name!("audio")
            | local_name!("select")
            | local_name!("button")
            | local_name!("textarea")
            | local_name!("datalist")
            | local_name!("dialog")
    )
}

/// Elements that start and end a line of text.
fn is_block_element(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("body")
            | local_name!("caption")
            | local_name!("center")
            | local_name!("dd")
            | local_name!("details")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("form")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("hr")
            | local_name!("legend")
            | local_name!("li")
            | local_name!("main")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("pre")
            | local_name!("section")
            | local_name!("summary")
            | local_name!("table")
            | local_name!("tbody")
            | local_name!("td")
            | local_name!("tfoot")
            | local_name!("th")
            | local_name!("thead")
            | local_name!("tr")
            | local_name!("ul")
            | local_name!("br")
    )
}

/// Whether an element is hidden by its attributes (`hidden`, `aria-hidden`, `display: none`).
pub fn is_hidden(dom: &Dom, i: usize) -> bool {
    if dom.attr(i, &local_name!("hidden")).is_some() || dom.attr(i, &local_name!("aria-hidden")) == Some("true") {
        return true;
    }
    dom.attr(i, &local_name!("style")).is_some_and(|style| {
        let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    })
}

fn heading_level(name: &LocalName) -> u8 {
    match *name {
        local_name!("h1") => 1,
        local_name!("h2") => 2,
        local_name!("h3") => 3,
        local_name!("h4") => 4,
        local_name!("h5") => 5,
        local_name!("h6") => 6,
        _ => 0,
    }
}

/// The block being built, and the context of the element it is in.
struct Builder<'a> {
    src: &'a str,
    aligner: Aligner<'a>,
    starts: Vec<usize>,
    blocks: Vec<HtmlBlock>,
    current: Option<HtmlBlock>,
    /// Whether the last character pushed was a (collapsed) space.
    pending_space: Option<(usize, usize)>,
}

#[derive(Clone, Copy)]
struct Context {
    element: usize,
    in_link: bool,
    heading: u8,
    in_figure: bool,
    in_pre: bool,
}

impl Builder<'_> {
    fn flush(&mut self) {
        if let Some(block) = self.current.take() {
            if !block.text.is_empty() {
                self.blocks.push(block);
            }
        }
        self.pending_space = None;
    }

    /// Aligns a text node that is not shown, to keep the aligner's place.
    fn skip_text(&mut self, text: &str) {
        self.aligner.skip(text);
    }

    fn push_text(&mut self, text: &str, ctx: Context) {
        let mut starts = std::mem::take(&mut self.starts);
        match self.aligner.locate(text, &mut starts) {
            Located::Verbatim(p) => {
                let bytes = text.as_bytes();
                let mut i = 0;
                while i < text.len() {
                    if bytes[i].is_ascii_whitespace() && !ctx.in_pre {
                        // A run of ASCII spaces (the page's indentation, mostly) at once.
                        let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_whitespace()).count();
                        self.space(p + i, p + end);
                        i = end;
                        continue;
                    }
                    let c = text[i..].chars().next().unwrap_or(' ');
                    self.push_char(c, p + i, p + i + c.len_utf8(), true, ctx);
                    i += c.len_utf8();
                }
            }
            Located::Mapped | Located::Missing => {
                for (k, c) in text.chars().enumerate() {
                    let (s, e) = (starts[k], starts[k + 1]);
                    let copy = e - s == c.len_utf8() && self.src[s..e].starts_with(c);
                    self.push_char(c, s, e, copy, ctx);
                }
            }
        }
        self.starts = starts;
    }

    /// Notes space from source `s..e`: a run of spaces becomes one, written only when text
    /// follows it in the block.
    fn space(&mut self, s: usize, e: usize) {
        self.pending_space = Some(match self.pending_space {
            Some((ps, _)) => (ps, e),
            None => (s, e),
        });
    }

    /// Adds one character of visible text that came from source `s..e` (`copy`: written there
    /// as is).
    fn push_char(&mut self, c: char, s: usize, e: usize, copy: bool, ctx: Context) {
        if ctx.in_pre && c == '\n' {
            self.flush();
            return;
        }
        if is_invisible(c) {
            return;
        }
        if is_space_like(c) {
            self.space(s, e);
            return;
        }
        let block = self.current.get_or_insert_with(|| HtmlBlock {
            text: String::new(),
            map: SourceMap::default(),
            in_start: s,
            in_end: e,
            element: ctx.element,
            link_chars: 0,
            chars: 0,
            heading: ctx.heading,
            in_figure: ctx.in_figure,
        });
        if let Some((ps, pe)) = self.pending_space.take() {
            if !block.text.is_empty() {
                block.text.push(' ');
                if pe - ps == 1 && self.src.as_bytes()[ps] == b' ' {
                    block.map.push_copy(ps, 1);
                } else {
                    block.map.push_replacement(ps, pe, 1);
                }
                block.chars += 1;
            }
        }
        block.text.push(c);
        if copy {
            block.map.push_copy(s, c.len_utf8());
        } else {
            block.map.push_replacement(s, e, c.len_utf8());
        }
        block.chars += 1;
        if ctx.in_link {
            block.link_chars += 1;
        }
        block.in_end = e;
        block.heading = block.heading.max(ctx.heading);
    }
}

/// The page's visible text as blocks, in document order.
pub fn blocks(dom: &Dom, src: &str) -> Vec<HtmlBlock> {
    let mut b = Builder {
        src,
        aligner: Aligner::new(src),
        starts: Vec::new(),
        blocks: Vec::new(),
        current: None,
        pending_space: None,
    };
    let root = Context { element: 0, in_link: false, heading: 0, in_figure: false, in_pre: false };
    // Depth-first; `None` marks the end of a block element, where its line ends.
    enum Step {
        Enter(usize, Context, bool),
        Leave,
    }
    let mut stack = vec![Step::Enter(0, root, true)];
    while let Some(step) = stack.pop() {
        let (i, ctx, visible) = match step {
            Step::Leave => {
                b.flush();
                continue;
            }
            Step::Enter(i, ctx, visible) => (i, ctx, visible),
        };
        let mut ctx = ctx;
        let mut visible = visible;
        match &dom.nodes[i] {
            Node::Text(t) => {
                if visible {
                    b.push_text(t, ctx);
                } else {
                    b.skip_text(t);
                }
                continue;
            }
            Node::Document => {}
            Node::Element { name, .. } => {
                if is_invisible_element(name) || is_hidden(dom, i) {
                    visible = false;
                }
                if is_block_element(name) {
                    b.flush();
                    ctx.element = i;
                    stack.push(Step::Leave);
                }
                match *name {
                    local_name!("a") => ctx.in_link = true,
                    local_name!("figure") | local_name!("figcaption") => ctx.in_figure = true,
                    local_name!("pre") => ctx.in_pre = true,
                    _ => {}
                }
                ctx.heading = ctx.heading.max(heading_level(name));
            }
        }
        for &child in dom.children[i].iter().rev() {
            stack.push(Step::Enter(child, ctx, visible));
        }
    }
    b.flush();
    b.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<String> {
        let dom = Dom::parse(html);
        blocks(&dom, html).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn block_elements_make_lines_and_inline_ones_do_not() {
        assert_eq!(
            texts("<div>Top <b>news</b><p>First  para\n graph.</p>tail<br>after</div><ul><li>a</li><li>b</li></ul>"),
            vec!["Top news", "First para graph.", "tail", "after", "a", "b"]
        );
    }

    #[test]
    fn scripts_styles_and_hidden_elements_are_not_text() {
        let html = "<head><title>T</title><style>p{}</style></head><body><script>var x = '<p>no</p>';</script>\
                    <p>yes</p><div hidden>no</div><div style='display: none'>no</div><p aria-hidden=true>no</p></body>";
        // The page <title> stays: it is the first line of the page, where the text rules look for it.
        assert_eq!(texts(html), vec!["T", "yes"]);
    }

    #[test]
    fn the_map_leads_back_to_the_source() {
        let html = "<p>Caf&eacute; &amp;\n  bar&nbsp;<a href='/x'>link</a></p>";
        let dom = Dom::parse(html);
        let bs = blocks(&dom, html);
        assert_eq!(bs.len(), 1);
        let b = &bs[0];
        assert_eq!(b.text, "Café & bar link");
        assert_eq!(b.map.out_len(), b.text.len());
        let (s, e) = b.map.source_span(0, b.text.len());
        assert_eq!(&html[s..e], "Caf&eacute; &amp;\n  bar&nbsp;<a href='/x'>link");
        let link = b.text.find("link").unwrap();
        assert_eq!(b.map.source_span(link, link + 4), (html.find("link<").unwrap(), html.find("link<").unwrap() + 4));
        assert_eq!(b.link_chars, 4);
    }

    #[test]
    fn headings_and_figures_are_marked() {
        let html = "<h2>Head</h2><figure><img><figcaption>Cap</figcaption></figure><ul><li>Item</li></ul>";
        let dom = Dom::parse(html);
        let bs = blocks(&dom, html);
        assert_eq!((bs[0].heading, bs[1].in_figure, bs[2].heading, bs[2].in_figure), (2, true, 0, false));
    }
}
