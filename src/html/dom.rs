//! The parsed page as a flat arena: html5ever builds the tree (with every HTML5 error-recovery
//! rule) into [`ArenaSink`], and its nodes are then numbered in document order. Only what
//! extraction reads is kept: element names, a few attributes, text.

use std::cell::RefCell;

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use html5ever::tree_builder::{TreeBuilder, TreeSink};
use html5ever::{LocalName, ParseOpts, QualName, local_name};
use typed_arena::Arena;

use super::sink::{ArenaSink, BuildNode, Kind};

/// How deep elements may nest. The HTML5 tree builder scans the stack of open elements for
/// most tags, so a page of 100,000 unclosed `<div>`s would take minutes; deeper start tags (and
/// their end tags) are dropped, their text kept in the element around them. Browsers cap depth
/// the same way; real pages stay far below this.
const MAX_DEPTH: usize = 1024;

/// Sits between the tokenizer and the tree builder and drops start tags nested deeper than
/// [`MAX_DEPTH`].
struct DepthLimit<S> {
    inner: S,
    /// The elements counted as open, innermost last (at most [`MAX_DEPTH`]).
    open: RefCell<Vec<LocalName>>,
    /// Start tags dropped past the cap, innermost last.
    dropped: RefCell<Vec<LocalName>>,
}

/// Elements that never hold a deeper tree: void elements, and those a sibling closes.
fn adds_no_depth(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("param")
            | local_name!("p")
            | local_name!("li")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("option")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
            | local_name!("html")
            | local_name!("head")
            | local_name!("body")
    )
}

impl<S: TokenSink> TokenSink for DepthLimit<S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        if let Token::TagToken(tag) = &token {
            // In SVG and MathML every element may nest and `/>` closes it; in HTML `/>` means
            // nothing on a non-void element, and some elements are closed by their siblings.
            let foreign = self.inner.adjusted_current_node_present_but_not_in_html_namespace();
            let nests = if foreign { !tag.self_closing } else { !adds_no_depth(&tag.name) };
            match tag.kind {
                TagKind::StartTag if nests => {
                    let mut open = self.open.borrow_mut();
                    if open.len() >= MAX_DEPTH {
                        self.dropped.borrow_mut().push(tag.name.clone());
                        return TokenSinkResult::Continue;
                    }
                    open.push(tag.name.clone());
                }
                TagKind::StartTag => {}
                TagKind::EndTag => {
                    let mut dropped = self.dropped.borrow_mut();
                    if dropped.last() == Some(&tag.name) {
                        dropped.pop();
                        return TokenSinkResult::Continue;
                    }
                    // An end tag closes its element and whatever is still open inside it; one
                    // that matches nothing open closes nothing.
                    let mut open = self.open.borrow_mut();
                    if let Some(i) = open.iter().rposition(|n| *n == tag.name) {
                        open.truncate(i);
                    }
                }
            }
        }
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner.adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// Parses a page into the arena, with nesting capped at [`MAX_DEPTH`].
fn parse_arena<'n>(html: &str, names: &'n Arena<QualName>) -> Vec<BuildNode<'n>> {
    let opts = ParseOpts::default();
    let builder = TreeBuilder::new(ArenaSink::new(names), opts.tree_builder);
    let tokenizer = Tokenizer::new(
        DepthLimit { inner: builder, open: RefCell::new(Vec::new()), dropped: RefCell::new(Vec::new()) },
        opts.tokenizer,
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    // The tokenizer pauses at scripts and encoding declarations for the caller to act on; the
    // text is already decoded and no script runs, so it is simply resumed until done.
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    let DepthLimit { inner, .. } = tokenizer.sink;
    inner.sink.finish().into_nodes()
}

/// One node of the page.
#[derive(Debug)]
pub enum Node {
    /// The document root.
    Document,
    /// An element: its lower-case local name and the attributes extraction reads.
    Element { name: LocalName, attrs: Vec<(LocalName, String)> },
    /// A text node, entities already decoded.
    Text(StrTendril),
}

/// The page: nodes in document order (a node's index is larger than its parent's).
#[derive(Debug)]
pub struct Dom {
    /// The nodes, the document first.
    pub nodes: Vec<Node>,
    /// Each node's parent (the document is its own parent).
    pub parent: Vec<usize>,
    /// Each node's children, in order.
    pub children: Vec<Vec<usize>>,
}

impl Dom {
    /// Parses a page. Never fails: HTML5 parsing recovers from any input.
    pub fn parse(html: &str) -> Dom {
        let names = Arena::new();
        let mut built = parse_arena(html, &names);
        let mut dom = Dom { nodes: Vec::new(), parent: Vec::new(), children: Vec::new() };
        // Depth-first with an explicit stack: pages can nest deeper than the thread's stack allows.
        // Nodes outside the document (template contents, removed nodes) are never reached.
        let mut stack: Vec<(usize, usize)> = vec![(0, 0)];
        while let Some((b, parent)) = stack.pop() {
            let node = match std::mem::replace(&mut built[b].kind, Kind::Other) {
                Kind::Document => Node::Document,
                Kind::Text(text) => Node::Text(text),
                Kind::Element { name, attrs, .. } => Node::Element { name: name.local.clone(), attrs },
                Kind::Other => continue,
            };
            let index = dom.nodes.len();
            dom.nodes.push(node);
            dom.parent.push(parent);
            dom.children.push(Vec::new());
            if index != parent {
                dom.children[parent].push(index);
            }
            stack.extend(built[b].children.iter().rev().map(|&child| (child, index)));
        }
        dom
    }

    /// The element name of node `i`, if it is an element.
    pub fn name(&self, i: usize) -> Option<&LocalName> {
        match &self.nodes[i] {
            Node::Element { name, .. } => Some(name),
            _ => None,
        }
    }

    /// The value of attribute `attr` of node `i`.
    pub fn attr(&self, i: usize, attr: &LocalName) -> Option<&str> {
        match &self.nodes[i] {
            Node::Element { attrs, .. } => attrs.iter().find(|(n, _)| n == attr).map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// The text of node `i` and its descendants, in document order.
    pub fn text_of(&self, i: usize) -> String {
        let mut out = String::new();
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            if let Node::Text(t) = &self.nodes[n] {
                out.push_str(t);
            }
            stack.extend(self.children[n].iter().rev());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_recovery_and_keeps_order() {
        let dom = Dom::parse("<p class=x>One <b>two<p>three");
        let texts: Vec<&str> =
            dom.nodes.iter().filter_map(|n| if let Node::Text(t) = n { Some(&**t) } else { None }).collect();
        assert_eq!(texts, vec!["One ", "two", "three"]);
        let p = dom.nodes.iter().position(|n| matches!(n, Node::Element { name, .. } if *name == local_name!("p")));
        assert_eq!(dom.attr(p.unwrap(), &local_name!("class")), Some("x"));
        for (i, &parent) in dom.parent.iter().enumerate().skip(1) {
            assert!(parent < i);
        }
    }

    fn texts_in_order(dom: &Dom) -> Vec<&str> {
        dom.nodes.iter().filter_map(|n| if let Node::Text(t) = n { Some(&**t) } else { None }).collect()
    }

    #[test]
    fn the_tree_builders_moves_land_in_the_arena() {
        // Foster parenting: text misplaced in a table goes before the table.
        let dom = Dom::parse("<table><tr><td>cell</td></tr>stray</table>");
        assert_eq!(texts_in_order(&dom), vec!["stray", "cell"]);
        // The adoption agency: misnested formatting is split, the text stays in order and whole.
        let dom = Dom::parse("<p><b>one<i>two</b>three</i>four</p>");
        assert_eq!(texts_in_order(&dom), vec!["one", "two", "three", "four"]);
        assert_eq!(dom.text_of(0), "onetwothreefour");
        // A template's contents are not part of the page; comments are dropped.
        let dom = Dom::parse("<p>a<!-- note --><template><p>hidden</p></template>b</p>");
        assert_eq!(texts_in_order(&dom), vec!["a", "b"]);
        // Adjacent text is one node, also when the parser inserts it before a sibling.
        let dom = Dom::parse("<table>x<tr><td>c</td></tr>y</table>");
        assert_eq!(texts_in_order(&dom), vec!["xy", "c"]);
        // Document order: every node comes after its parent, and children are listed in order.
        for (i, &parent) in dom.parent.iter().enumerate().skip(1) {
            assert!(parent < i && dom.children[parent].contains(&i));
        }
    }

    #[test]
    fn deep_nesting_is_capped_and_keeps_its_text() {
        let html = "<div>".repeat(200_000) + "deep";
        check_depth(&html, "deep");
        // Ways around a simple counter: `/>` on HTML elements, stray end tags, nesting in SVG.
        check_depth(&("<div/>".repeat(100_000) + "deep"), "deep");
        check_depth(&("<div>".repeat(1024) + &"</i>".repeat(1024)).repeat(50), "");
        check_depth(&("<svg>".to_string() + &"<g><td>".repeat(50_000) + "deep"), "deep");
    }

    fn check_depth(html: &str, ends_with: &str) {
        let dom = Dom::parse(html);
        assert!(dom.text_of(0).ends_with(ends_with));
        let depth = |mut i: usize| {
            let mut d = 0;
            while i != 0 {
                i = dom.parent[i];
                d += 1;
            }
            d
        };
        assert!((0..dom.nodes.len()).map(depth).max().unwrap() <= MAX_DEPTH + 3);
    }
}
