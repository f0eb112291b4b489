//! Offsets: byte ↔ code-point conversion, and the map from cleaned text back to the input.
//!
//! The core works in UTF-8 byte offsets (what `regex` and `str` slicing use); Python indexes `str`
//! by code point. [`bytes_to_chars`] converts many offsets of one text in a single pass, which the
//! bindings call once per document.

use serde::Serialize;

/// Converts byte offsets into `text` to code-point offsets, in place.
///
/// Every offset must lie on a char boundary (or at `text.len()`); offsets that do not are rounded
/// down to the start of the char they fall in. Runs in O(n + k log k) for k offsets, and in O(k)
/// for ASCII text, where bytes and code points coincide.
pub fn bytes_to_chars(text: &str, offsets: &mut [usize]) {
    if text.is_ascii() || offsets.is_empty() {
        return;
    }
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut chars_before = 0usize;
    let mut byte_pos = 0usize;
    let mut iter = text.char_indices().peekable();
    for i in order {
        let target = offsets[i].min(text.len());
        // Advance while the next char starts at or before the target... but only count chars
        // that *end* at or before it, so an offset inside a char maps to that char's start.
        while let Some(&(b, c)) = iter.peek() {
            if b + c.len_utf8() > target {
                break;
            }
            byte_pos = b + c.len_utf8();
            chars_before += 1;
            iter.next();
        }
        debug_assert!(byte_pos <= target);
        offsets[i] = chars_before;
    }
}

/// Converts one code-point offset into `text` to a byte offset (clamped to the text's end).
pub fn char_to_byte(text: &str, char_offset: usize) -> usize {
    if text.is_ascii() {
        return char_offset.min(text.len());
    }
    text.char_indices().nth(char_offset).map_or(text.len(), |(b, _)| b)
}

/// One piece of a [`SourceMap`]: output bytes `out_start..out_end` came from input bytes
/// `in_start..in_end`. A piece is a *copy* when both ranges hold the same bytes (offsets inside
/// it map one to one); otherwise it is a *replacement* (a collapsed space run, a removed invisible
/// character, a paragraph break standing for dropped lines), and only its ends map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// Start in the output text.
    pub out_start: usize,
    /// End in the output text.
    pub out_end: usize,
    /// Start in the input text.
    pub in_start: usize,
    /// End in the input text.
    pub in_end: usize,
    /// Whether the output bytes are a verbatim copy of the input bytes.
    pub copy: bool,
}

/// Maps every offset of a cleaned text back to the input it came from.
///
/// The pieces are sorted, contiguous on the output side (the first starts at 0, each starts where
/// the one before ends) and non-decreasing on the input side.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SourceMap {
    pieces: Vec<Piece>,
}

impl SourceMap {
    /// The identity map over a text of `len` bytes.
    pub fn identity(len: usize) -> Self {
        let mut map = SourceMap::default();
        if len > 0 {
            map.pieces.push(Piece { out_start: 0, out_end: len, in_start: 0, in_end: len, copy: true });
        }
        map
    }

    /// The pieces, in output order.
    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// Length of the output text the map covers.
    pub fn out_len(&self) -> usize {
        self.pieces.last().map_or(0, |p| p.out_end)
    }

    /// Appends output bytes `0..len` (relative to the current end) copied from input `in_start..`.
    pub fn push_copy(&mut self, in_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        let out_start = self.out_len();
        if let Some(last) = self.pieces.last_mut() {
            if last.copy && last.in_end == in_start {
                last.out_end += len;
                last.in_end += len;
                return;
            }
        }
        self.pieces.push(Piece { out_start, out_end: out_start + len, in_start, in_end: in_start + len, copy: true });
    }

    /// Appends `out_len` output bytes that stand for input `in_start..in_end` (either may be empty).
    pub fn push_replacement(&mut self, in_start: usize, in_end: usize, out_len: usize) {
        let out_start = self.out_len();
        if out_len == 0 {
            // A pure deletion has no output bytes to map; it is implied by the gap between the
            // neighbouring pieces.
            return;
        }
        self.pieces.push(Piece { out_start, out_end: out_start + out_len, in_start, in_end, copy: false });
    }

    /// Appends `other`, a map over a following stretch of output, shifting its output offsets.
    pub fn append(&mut self, other: &SourceMap) {
        for p in &other.pieces {
            let len = p.out_end - p.out_start;
            if p.copy {
                self.push_copy(p.in_start, len);
            } else {
                self.push_replacement(p.in_start, p.in_end, len);
            }
        }
    }

    /// Maps the output span `start..end` to the input span it came from.
    ///
    /// Offsets inside a copied piece map exactly; a span edge inside a replacement widens to the
    /// whole replaced input. An empty span maps to an empty input span. Offsets past the end are
    /// clamped.
    pub fn source_span(&self, start: usize, end: usize) -> (usize, usize) {
        let out_len = self.out_len();
        let (start, end) = (start.min(out_len), end.min(out_len).max(start.min(out_len)));
        if self.pieces.is_empty() {
            return (0, 0);
        }
        let s = self.map_start(start);
        if end == start {
            return (s, s);
        }
        (s, self.map_end(end).max(s))
    }

    fn piece_at(&self, offset: usize) -> &Piece {
        // The last piece whose start is <= offset.
        let i = self.pieces.partition_point(|p| p.out_start <= offset).saturating_sub(1);
        &self.pieces[i]
    }

    fn map_start(&self, offset: usize) -> usize {
        if offset == self.out_len() {
            return self.pieces.last().map_or(0, |p| p.in_end);
        }
        let p = self.piece_at(offset);
        if p.copy { p.in_start + (offset - p.out_start) } else { p.in_start }
    }

    fn map_end(&self, offset: usize) -> usize {
        // The piece holding the last byte of the span.
        let p = self.piece_at(offset - 1);
        if p.copy { p.in_start + (offset - p.out_start) } else { p.in_end }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars_of(text: &str, offsets: &[usize]) -> Vec<usize> {
        let mut v = offsets.to_vec();
        bytes_to_chars(text, &mut v);
        v
    }

    #[test]
    fn ascii_offsets_are_unchanged() {
        assert_eq!(chars_of("hello world", &[0, 5, 11, 3]), vec![0, 5, 11, 3]);
    }

    #[test]
    fn multibyte_offsets_count_code_points() {
        let t = "Été 北京 😀x";
        // É(2) t(1) é(2) ' '(1) 北(3) 京(3) ' '(1) 😀(4) x(1)
        let bytes = [0, 2, 3, 5, 6, 9, 12, 13, 17, 18];
        assert_eq!(chars_of(t, &bytes), vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }

    #[test]
    fn unsorted_and_repeated_offsets_convert() {
        let t = "añob";
        assert_eq!(chars_of(t, &[5, 0, 3, 3, 1]), vec![4, 0, 2, 2, 1]);
    }

    #[test]
    fn combining_marks_are_separate_code_points() {
        let t = "e\u{301}x"; // e + combining acute
        assert_eq!(chars_of(t, &[0, 1, 3, 4]), vec![0, 1, 2, 3]);
    }

    #[test]
    fn offsets_past_the_end_clamp() {
        assert_eq!(chars_of("é", &[2, 10]), vec![1, 1]);
    }

    #[test]
    fn char_to_byte_round_trips() {
        let t = "a北😀b";
        assert_eq!(char_to_byte(t, 0), 0);
        assert_eq!(char_to_byte(t, 2), 4);
        assert_eq!(char_to_byte(t, 3), 8);
        assert_eq!(char_to_byte(t, 4), 9);
        assert_eq!(char_to_byte(t, 99), 9);
    }

    #[test]
    fn identity_map_maps_spans_to_themselves() {
        let m = SourceMap::identity(10);
        assert_eq!(m.source_span(2, 7), (2, 7));
        assert_eq!(m.source_span(10, 10), (10, 10));
        assert_eq!(SourceMap::identity(0).source_span(0, 0), (0, 0));
    }

    #[test]
    fn copies_merge_and_replacements_widen() {
        // input:  "ab  cd\n\nef"  -> output "ab cd\n\nef"
        let mut m = SourceMap::default();
        m.push_copy(0, 2); // "ab"
        m.push_replacement(2, 4, 1); // "  " -> " "
        m.push_copy(4, 2); // "cd"
        m.push_replacement(6, 8, 2); // "\n\n"
        m.push_copy(8, 2); // "ef"
        assert_eq!(m.out_len(), 9);
        assert_eq!(m.source_span(0, 2), (0, 2));
        assert_eq!(m.source_span(3, 5), (4, 6));
        assert_eq!(m.source_span(1, 4), (1, 5));
        assert_eq!(m.source_span(2, 3), (2, 4));
        assert_eq!(m.source_span(7, 9), (8, 10));
        assert_eq!(m.source_span(0, 9), (0, 10));
    }

    #[test]
    fn adjacent_copies_merge_into_one_piece() {
        let mut m = SourceMap::default();
        m.push_copy(0, 3);
        m.push_copy(3, 4);
        m.push_copy(9, 1);
        assert_eq!(m.pieces().len(), 2);
        assert_eq!(m.source_span(6, 8), (6, 10));
    }
}
