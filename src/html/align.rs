//! Where each character of the parsed text came from in the page source.
//!
//! html5ever reports no source positions, so the text nodes are found again in the source: they
//! come in document order, separated only by markup (tags, comments, doctypes), and differ from
//! their source only by character references (`&amp;`, `&#8217;`), CR LF line ends and NULs.
//! The aligner walks the source once, left to right, skipping markup and matching each text node
//! character by character. A node it cannot find (the parser moved it, as it does with text
//! misplaced in a table) maps to an empty span at the cursor instead: offsets stay ordered, and
//! only that node's map is vague. The scanning past failed starts has a budget proportional to the
//! page, so even a page of such nodes is aligned in linear time.

use html5ever::data::{C1_REPLACEMENTS, NAMED_ENTITIES};

/// How many bytes of text past the cursor the aligner tries as the start of a text node before
/// giving the node up (markup in between is skipped a construct at a time and not counted).
const MAX_SCAN: usize = 1 << 16;

/// Where a text node was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Located {
    /// A verbatim copy of the node starts at this source offset.
    Verbatim(usize),
    /// Found with references, line ends or NULs differing: the offsets are in `starts`.
    Mapped,
    /// Not found: every offset in `starts` is the cursor.
    Missing,
}

/// Walks a page source, locating its text nodes in order.
pub struct Aligner<'a> {
    src: &'a str,
    pos: usize,
    /// Bytes that searches may still scan past a failed start: once spent, a node is only looked
    /// for at the cursor, so a page full of nodes that cannot be found stays linear.
    budget: usize,
}

impl<'a> Aligner<'a> {
    /// An aligner at the start of `src`.
    pub fn new(src: &'a str) -> Self {
        Aligner { src, pos: 0, budget: 4 * src.len() + MAX_SCAN }
    }

    /// Locates `text`, the next text node, in the source. Unless it is found verbatim, fills
    /// `starts` with the source offset of each character of `text` followed by the source offset
    /// where the last one ends (`text.chars().count() + 1` entries).
    pub fn locate(&mut self, text: &str, starts: &mut Vec<usize>) -> Located {
        starts.clear();
        if let Some(end) = self.find_from(self.pos, text, Some(starts)) {
            self.pos = end;
            // Only a verbatim match leaves the offsets to the caller.
            return if starts.is_empty() { Located::Verbatim(end - text.len()) } else { Located::Mapped };
        }
        starts.clear();
        starts.resize(text.chars().count() + 1, self.pos);
        Located::Missing
    }

    /// Moves past `text`, the next text node, without recording where its characters are (for
    /// text that is not shown: scripts, styles).
    pub fn skip(&mut self, text: &str) {
        if self.src[self.pos..].starts_with(text) {
            self.pos += text.len();
            return;
        }
        if let Some(end) = self.find_from(self.pos, text, None) {
            self.pos = end;
        }
    }

    /// Finds `text` from `from` on; fills `starts` (see [`Aligner::locate`]) when given.
    fn find_from(&mut self, from: usize, text: &str, mut starts: Option<&mut Vec<usize>>) -> Option<usize> {
        let bytes = self.src.as_bytes();
        let mut p = from;
        // Only text tried counts against MAX_SCAN: a node may follow a long stretch of markup
        // (an inline SVG sprite of 100 KB), which is skipped a tag at a time. The budget bounds
        // everything scanned, markup included.
        let mut text_tried = 0;
        while p < bytes.len() && text_tried <= MAX_SCAN && p - from <= self.budget {
            if let Some(end) = self.match_at(p, text, starts.as_deref_mut()) {
                self.budget = self.budget.saturating_sub(p - from);
                return Some(end);
            }
            if bytes[p] == b'<' {
                p = skip_markup(self.src, p);
            } else {
                let next = next_char(self.src, p);
                text_tried += next - p;
                p = next;
            }
        }
        self.budget = self.budget.saturating_sub(p - from);
        None
    }

    /// Matches `text` at source offset `p`, filling `starts` when given unless the match is
    /// verbatim (then `starts` is left empty); returns where the match ends.
    fn match_at(&self, p: usize, text: &str, mut starts: Option<&mut Vec<usize>>) -> Option<usize> {
        let src = self.src;
        if src[p..].starts_with(text) {
            // The common case: a verbatim copy, whose offsets are the text's own plus `p`.
            if let Some(starts) = starts {
                starts.clear();
            }
            return Some(p + text.len());
        }
        if let Some(starts) = starts.as_deref_mut() {
            starts.clear();
        }
        let mut record = |at: usize| {
            if let Some(starts) = starts.as_deref_mut() {
                starts.push(at);
            }
        };
        let mut at = p;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            // The parser drops NULs from text.
            while c != '\0' && src.as_bytes().get(at) == Some(&0) {
                at += 1;
            }
            record(at);
            let rest = &src[at..];
            let first = rest.chars().next()?;
            let reference = if first == '&' { decode_reference(rest) } else { None };
            if let Some((_, second, len)) = reference.filter(|r| r.0 == c) {
                if let Some(second) = second {
                    // A reference that stands for two characters: the second maps to its end.
                    if chars.next() != Some(second) {
                        return None;
                    }
                    record(at + len);
                }
                at += len;
            } else if first == c && c != '\r' {
                at += c.len_utf8();
            } else if c == '\n' && rest.starts_with("\r\n") {
                at += 2;
            } else if c == '\n' && first == '\r' {
                at += 1;
            } else {
                return None;
            }
        }
        record(at);
        Some(at)
    }
}

fn next_char(src: &str, p: usize) -> usize {
    p + src[p..].chars().next().map_or(1, char::len_utf8)
}

/// Skips the markup construct starting with `<` at `p` (a tag, end tag, comment, doctype or
/// processing instruction); a `<` that starts none is one character of text.
fn skip_markup(src: &str, p: usize) -> usize {
    let bytes = src.as_bytes();
    let rest = &src[p..];
    let after = |needle: &str, from: usize| src[from..].find(needle).map_or(src.len(), |i| from + i + needle.len());
    if rest.starts_with("<!--") {
        return after("-->", p + 4);
    }
    match bytes.get(p + 1) {
        Some(b'!' | b'?') => after(">", p + 2),
        Some(b'/') if bytes.get(p + 2).is_some_and(u8::is_ascii_alphabetic) => after(">", p + 2),
        Some(b) if b.is_ascii_alphabetic() => skip_tag(bytes, p + 1),
        _ => p + 1,
    }
}

/// Skips a start tag from just after its `<`: attribute values in quotes may hold a `>`.
fn skip_tag(bytes: &[u8], mut i: usize) -> usize {
    let mut after_equals = false;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return i + 1,
            b'=' => after_equals = true,
            q @ (b'"' | b'\'') if after_equals => {
                i += 1;
                while i < bytes.len() && bytes[i] != q {
                    i += 1;
                }
                after_equals = false;
            }
            b if b.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        i += 1;
    }
    bytes.len()
}

/// `s` with its character references decoded (`&#8216;`, `&amp;`, `&nbsp;`): for text that
/// arrives still encoded, as JSON-LD strings and twice-encoded meta tags often do.
pub fn decode_references(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match decode_reference(rest) {
            Some((first, second, len)) => {
                out.push(first);
                out.extend(second);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decodes the character reference at the start of `s` (which starts with `&`), as the HTML5
/// tokenizer does in text: the character it stands for, a second one for the few named references
/// that stand for two, and its length in bytes. None when it is not a reference.
fn decode_reference(s: &str) -> Option<(char, Option<char>, usize)> {
    let bytes = s.as_bytes();
    if bytes.get(1) == Some(&b'#') {
        let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
        let digits_start = if hex { 3 } else { 2 };
        let radix = if hex { 16 } else { 10 };
        let digits = bytes[digits_start..].iter().take_while(|b| (**b as char).is_digit(radix)).count();
        if digits == 0 {
            return None;
        }
        let mut end = digits_start + digits;
        let value = u32::from_str_radix(&s[digits_start..end], radix).unwrap_or(u32::MAX);
        if bytes.get(end) == Some(&b';') {
            end += 1;
        }
        return Some((numeric_char(value), None, end));
    }
    // Named: the longest name in the table (with or without its `;`, as the table allows).
    let mut best = None;
    for (i, b) in bytes.iter().enumerate().skip(1).take(40) {
        if !(b.is_ascii_alphanumeric() || *b == b';') {
            break;
        }
        match NAMED_ENTITIES.get(&s[1..=i]) {
            Some(&(0, _)) => {}
            Some(&(first, second)) => best = Some((first, second, i + 1)),
            None => break,
        }
        if *b == b';' {
            break;
        }
    }
    let (first, second, len) = best?;
    Some((char::from_u32(first)?, char::from_u32(second).filter(|_| second != 0), len))
}

/// The character a numeric reference stands for, with the HTML5 repairs: the windows-1252
/// meaning of 0x80–0x9F, U+FFFD for NUL, surrogates and values past Unicode.
fn numeric_char(value: u32) -> char {
    if (0x80..=0x9F).contains(&value) {
        if let Some(c) = C1_REPLACEMENTS[(value - 0x80) as usize] {
            return c;
        }
    }
    if value == 0 {
        return '\u{FFFD}';
    }
    char::from_u32(value).unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn located(src: &str, nodes: &[&str]) -> Vec<Vec<usize>> {
        let mut aligner = Aligner::new(src);
        nodes
            .iter()
            .map(|t| {
                let mut starts = Vec::new();
                if let Located::Verbatim(p) = aligner.locate(t, &mut starts) {
                    starts.extend(t.char_indices().map(|(i, _)| p + i));
                    starts.push(p + t.len());
                }
                starts
            })
            .collect()
    }

    #[test]
    fn verbatim_text_between_tags() {
        let src = "<p class=\"a>b\">Hi <b>there</b></p>";
        let got = located(src, &["Hi ", "there"]);
        assert_eq!(&src[got[0][0]..got[0][3]], "Hi ");
        assert_eq!(&src[got[1][0]..got[1][5]], "there");
    }

    #[test]
    fn references_map_to_their_source() {
        let src = "<p>Tom &amp; Jerry&#8217;s &eacute;t&eacute &#x201C;ok&#x201d;</p>";
        let text = "Tom & Jerry’s été “ok”";
        let got = located(src, &[text]);
        let starts = &got[0];
        assert_eq!(starts.len(), text.chars().count() + 1);
        let amp = text.chars().position(|c| c == '&').unwrap();
        assert_eq!(&src[starts[amp]..starts[amp + 1]], "&amp;");
        let apostrophe = text.chars().position(|c| c == '’').unwrap();
        assert_eq!(&src[starts[apostrophe]..starts[apostrophe + 1]], "&#8217;");
        assert_eq!(&src[starts[text.chars().count()]..], "</p>");
    }

    #[test]
    fn comments_and_crlf() {
        let src = "<!-- <p>not text</p> --><p>a\r\nb</p>";
        let got = located(src, &["a\nb"]);
        assert_eq!(&src[got[0][0]..got[0][3]], "a\r\nb");
    }

    #[test]
    fn a_missing_node_maps_to_the_cursor_and_the_next_is_still_found() {
        let src = "<p>one</p><p>two</p>";
        let mut aligner = Aligner::new(src);
        let mut starts = Vec::new();
        assert_eq!(aligner.locate("one", &mut starts), Located::Verbatim(3));
        assert_eq!(aligner.locate("zzz", &mut starts), Located::Missing);
        assert!(starts.iter().all(|&s| s == 6));
        assert_eq!(aligner.locate("two", &mut starts), Located::Verbatim(13));
    }

    #[test]
    fn a_node_after_a_long_stretch_of_markup_is_found() {
        // An inline SVG sprite longer than MAX_SCAN with no text in it, then the next node.
        let sprite = format!("<svg>{}</svg>", "<path d=\"M0,0 L1,1\"/>".repeat(2 * MAX_SCAN / 20));
        let src = format!("<body>{sprite}<p>after</p></body>");
        assert!(sprite.len() > MAX_SCAN);
        let got = located(&src, &["after"]);
        assert_eq!(&src[got[0][0]..got[0][5]], "after");
    }

    #[test]
    fn decoding_a_string() {
        assert_eq!(decode_references("&#8216;Hi&#8217; &amp; &nbsp;x & y &bogus;"), "‘Hi’ & \u{a0}x & y &bogus;");
    }

    #[test]
    fn nuls_are_skipped_and_lost_nodes_stay_cheap() {
        let got = located("<p>a\0b</p>", &["ab"]);
        assert_eq!(got[0], vec![3, 5, 6]);
        // Many nodes that are nowhere in the source: the budget keeps this linear.
        let src = "<p>x</p>".repeat(20_000);
        let mut aligner = Aligner::new(&src);
        let mut starts = Vec::new();
        for _ in 0..20_000 {
            assert_eq!(aligner.locate("not there", &mut starts), Located::Missing);
        }
        assert!(aligner.budget < 4 * src.len() + MAX_SCAN);
    }

    #[test]
    fn c1_and_invalid_numeric_references() {
        assert_eq!(decode_reference("&#150;"), Some(('–', None, 6)));
        assert_eq!(decode_reference("&#0;"), Some(('\u{FFFD}', None, 4)));
        assert_eq!(decode_reference("&#x110000;"), Some(('\u{FFFD}', None, 10)));
        assert_eq!(decode_reference("&nosuch;"), None);
        assert_eq!(decode_reference("&copy2"), Some(('©', None, 5)));
    }
}
