//! Quote-mark pairing that never gives up.
//!
//! Works paragraph by paragraph on the tokenizer's Quote tokens (an apostrophe inside or at the
//! end of a word is never one). Curly marks pair by direction, straight marks (`"`, `''`, `'`) by
//! the spaces around them and otherwise toggle; a `“` used as a closer or a `”` used as an opener
//! is recognised by the same spacing test. Marks nest on a stack, so `“He said ‘no’ twice”` gives
//! an outer and an inner region. A double quote still open at the end of a paragraph runs to the
//! paragraph end (`continues`); a closing mark with no opener in its paragraph starts a region at
//! the paragraph start (`continued`). When a paragraph ending inside a quote is followed by one
//! opening with a quote mark, the second region is linked to the first (`prev`).

use super::Doc;
use crate::segment::TokenKind;

/// A quoted region.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Region {
    /// The opening mark's token, if any.
    pub open: Option<usize>,
    /// The closing mark's token, if any.
    pub close: Option<usize>,
    /// The inner tokens, `first..last` (exclusive).
    pub first: usize,
    pub last: usize,
    /// Double (`“…”`) or single (`‘…’`) marks.
    pub single: bool,
    /// How many other regions contain it.
    pub depth: u32,
    /// The paragraph it is in.
    pub para: usize,
    /// No closing mark before the paragraph end.
    pub continues: bool,
    /// The region of the previous paragraph this one continues.
    pub prev: Option<usize>,
}

impl Region {
    /// Number of inner word and number tokens.
    pub(crate) fn words(&self, doc: &Doc) -> usize {
        (self.first..self.last).filter(|&i| matches!(doc.toks[i].kind, TokenKind::Word | TokenKind::Number)).count()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

/// Whether a Quote token is a double or single mark, and the direction its shape says.
fn shape(mark: &str) -> Option<(bool, Dir)> {
    Some(match mark {
        "“" | "„" | "«" | "‟" | "``" | "「" | "『" | "〝" => (false, Dir::Open),
        "”" | "»" | "」" | "』" | "〞" | "〟" => (false, Dir::Close),
        "\"" | "″" | "＂" | "''" => (false, Dir::Either),
        "‘" | "‚" | "‛" | "`" | "‹" => (true, Dir::Open),
        "’" | "›" => (true, Dir::Close),
        "'" => (true, Dir::Either),
        _ => return None,
    })
}

/// Finds the quoted regions of every paragraph, paragraph by paragraph, each paragraph's in the
/// order their closing marks come (an inner quote before the one around it).
pub(crate) fn pair(doc: &Doc) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    // The index in `out` of the region left open at the end of the previous paragraph.
    let mut open_at_end: Option<usize> = None;
    for (p, &(a, b)) in doc.paras.iter().enumerate() {
        let before = out.len();
        pair_paragraph(doc, p, a, b, &mut out);
        if let Some(prev) = open_at_end {
            // The next paragraph opens with a quote mark: the quote goes on.
            if let Some(r) = out[before..].iter_mut().find(|r| !r.single && r.open == Some(a)) {
                r.prev = Some(prev);
            }
        }
        open_at_end = (before..out.len()).find(|&k| out[k].continues && !out[k].single);
    }
    set_depths(&mut out);
    out
}

struct Open {
    tok: usize,
    single: bool,
}

fn pair_paragraph(doc: &Doc, p: usize, a: usize, b: usize, out: &mut Vec<Region>) {
    let mut stack: Vec<Open> = Vec::new();
    let mut seen_double = false;
    for i in a..b {
        let t = doc.toks[i];
        if t.kind != TokenKind::Quote {
            continue;
        }
        let Some((single, dir)) = shape(doc.word(i)) else { continue };
        let space_before = i == a || doc.toks[i - 1].end < t.start || opens_group(doc.word(i - 1));
        let space_after = i + 1 == b || doc.toks[i + 1].start > t.end || closes_group(doc, i + 1);
        let has_open = stack.iter().any(|o| o.single == single);
        let dir = match dir {
            Dir::Either => {
                // Spaced like an opener, or neither/both and nothing open yet: an opener.
                let opens = (space_before && !space_after) || (space_before == space_after && !has_open);
                if opens { Dir::Open } else { Dir::Close }
            }
            // A “ closing a quote, or a ” opening one (common typos).
            Dir::Open if has_open && !space_before && space_after => Dir::Close,
            Dir::Close if !has_open && space_before && !space_after => Dir::Open,
            d => d,
        };
        match dir {
            Dir::Open => stack.push(Open { tok: i, single }),
            _ => {
                let found = if single {
                    // A single closer only pairs with a single opener above every double one.
                    stack.iter().rposition(|o| o.single).filter(|&k| stack[k..].iter().all(|o| o.single))
                } else {
                    stack.iter().rposition(|o| !o.single)
                };
                match found {
                    Some(k) => {
                        let o = stack[k].tok;
                        stack.truncate(k);
                        push(out, doc, p, Some(o), Some(i), o + 1, i, single, false);
                    }
                    None if !single && !seen_double => {
                        // A closer with no opener in this paragraph: the quote started earlier.
                        push(out, doc, p, None, Some(i), a, i, false, false);
                    }
                    None => {}
                }
            }
        }
        if !single {
            seen_double = true;
        }
    }
    // The outermost double quote still open runs to the paragraph end.
    if let Some(o) = stack.iter().find(|o| !o.single) {
        push(out, doc, p, Some(o.tok), None, o.tok + 1, b, false, true);
    }
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Region>,
    doc: &Doc,
    para: usize,
    open: Option<usize>,
    close: Option<usize>,
    first: usize,
    last: usize,
    single: bool,
    continues: bool,
) {
    // Regions with no words inside ("" or “ ”) are not quotes.
    let has_words = (first..last).any(|k| matches!(doc.toks[k].kind, TokenKind::Word | TokenKind::Number));
    if first < last && has_words {
        out.push(Region { open, close, first, last, single, depth: 0, para, continues, prev: None });
    }
}

fn opens_group(s: &str) -> bool {
    matches!(s, "(" | "[" | "{" | "—" | "–" | "-" | "--" | "/" | ":")
}

fn closes_group(doc: &Doc, i: usize) -> bool {
    let s = doc.word(i);
    matches!(doc.toks[i].kind, TokenKind::Punct | TokenKind::Dash)
        && !matches!(s, "(" | "[" | "{" | "‘" | "“")
        && !s.starts_with(['\'', '’'])
}

/// Sorts the regions by start (outer first) and counts the regions around each.
fn set_depths(regions: &mut [Region]) {
    let key = |r: &Region| (r.open.unwrap_or(r.first), usize::MAX - r.close.unwrap_or(r.last));
    // Regions of one paragraph are nearly sorted; a stable sort keeps it cheap.
    let mut order: Vec<usize> = (0..regions.len()).collect();
    order.sort_by_key(|&k| key(&regions[k]));
    let mut stack: Vec<usize> = Vec::new(); // ends of the enclosing regions
    let mut depths = vec![0u32; regions.len()];
    for &k in &order {
        let (s, e) = (regions[k].open.unwrap_or(regions[k].first), regions[k].close.unwrap_or(regions[k].last));
        while stack.last().is_some_and(|&end| end <= s) {
            stack.pop();
        }
        depths[k] = u32::try_from(stack.len()).unwrap_or(u32::MAX);
        stack.push(e.max(s + 1));
    }
    for (r, d) in regions.iter_mut().zip(depths) {
        r.depth = d;
    }
}
