//! Line splitting and whitespace normalisation, with an exact map back to the input.
//!
//! Every line break form (LF, CRLF, CR, U+0085, U+2028, U+2029, VT, FF) ends a line. Inside a
//! line, each run of whitespace or control characters becomes one ASCII space, and invisible
//! characters that only get in the way of matching (soft hyphen, zero-width space, word joiner,
//! BOM, Mongolian vowel separator) are dropped. Zero-width joiners and bidi marks are kept: they
//! change how emoji and right-to-left scripts render.

use crate::offsets::SourceMap;

/// One line of the input after normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// The normalised text: no leading or trailing space, no runs of spaces. Empty for a blank line.
    pub text: String,
    /// Maps `text` back to the input.
    pub map: SourceMap,
    /// Input byte range of the line's visible content (empty for a blank line).
    pub in_start: usize,
    /// End of that range.
    pub in_end: usize,
}

impl Line {
    /// Whether the line holds nothing visible.
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0b}' | '\u{0c}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Characters dropped outright.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{180e}' | '\u{200b}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// Characters that count as (part of) a space.
pub fn is_space_like(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Splits `input` into normalised lines.
pub fn lines(input: &str) -> Vec<Line> {
    line_iter(input).collect()
}

/// The normalised lines of `input`, one at a time (as [`lines`], without holding them all: a
/// text of nothing but line breaks has as many lines as bytes).
pub fn line_iter(input: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = input.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        // Byte by byte: an ASCII byte is a whole char, so only non-ASCII ones need decoding.
        // On the way, note whether the line is visible chars and single ASCII spaces (most lines
        // are): normalising it then only trims it.
        let mut simple = true;
        let mut after_space = false;
        let mut i = start;
        while i < bytes.len() {
            let b = bytes[i];
            if b.is_ascii_graphic() {
                after_space = false;
                i += 1;
                continue;
            }
            if b == b' ' {
                simple &= !after_space;
                after_space = true;
                i += 1;
                continue;
            }
            let c = if b.is_ascii() { char::from(b) } else { input[i..].chars().next().expect("a char boundary") };
            if is_line_break(c) {
                let line = normalize_scanned(input, start, i, simple);
                start = i + c.len_utf8();
                if c == '\r' && bytes.get(start) == Some(&b'\n') {
                    start += 1;
                }
                return Some(line);
            }
            // A visible char is copied as it is; anything else needs normalising.
            simple &= !c.is_ascii() && !is_invisible(c) && !is_space_like(c);
            after_space = false;
            i += c.len_utf8();
        }
        done = true;
        Some(normalize_scanned(input, start, input.len(), simple))
    })
}

/// [`normalize_line`], given whether the line is `simple`: visible chars (neither invisible nor
/// space-like) and single ASCII spaces.
fn normalize_scanned(input: &str, start: usize, end: usize, simple: bool) -> Line {
    if !simple {
        return normalize_line(input, start, end);
    }
    // Nothing to collapse or drop: the line is its visible stretch, copied whole.
    let visible = input[start..end].trim_matches(' ');
    if visible.is_empty() {
        return Line { text: String::new(), map: SourceMap::default(), in_start: start, in_end: start };
    }
    let in_start = start + (input[start..end].len() - input[start..end].trim_start_matches(' ').len());
    let mut map = SourceMap::default();
    map.push_copy(in_start, visible.len());
    Line { text: visible.to_string(), map, in_start, in_end: in_start + visible.len() }
}

/// Whether any line of `input` is blank (`lines(input).iter().any(Line::is_blank)`, without
/// normalising).
pub fn has_blank_line(input: &str) -> bool {
    let bytes = input.as_bytes();
    let mut blank = true;
    let mut i = 0;
    while i < bytes.len() {
        // Printable ASCII (most of any text) is visible: no need to decode it.
        if bytes[i].is_ascii_graphic() {
            blank = false;
            i += 1;
            continue;
        }
        let c = if bytes[i].is_ascii() {
            char::from(bytes[i])
        } else {
            input[i..].chars().next().expect("a char boundary")
        };
        i += c.len_utf8();
        if is_line_break(c) {
            if blank {
                return true;
            }
            if c == '\r' && bytes.get(i) == Some(&b'\n') {
                i += 1;
            }
            blank = true;
        } else if !is_invisible(c) && !is_space_like(c) {
            blank = false;
        }
    }
    blank
}

/// Normalises `input[start..end]`, a line without line breaks.
pub fn normalize_line(input: &str, start: usize, end: usize) -> Line {
    // Never longer than the input line: one allocation instead of growing push by push.
    let mut text = String::with_capacity(end - start);
    let mut map = SourceMap::default();
    let mut first_visible = None;
    let mut last_visible_end = start;
    // A run of spaces seen since the last visible char: its input range.
    let mut space_run: Option<(usize, usize)> = None;
    // The current run of verbatim-copied chars: its input start.
    let mut copy_from: Option<usize> = None;

    let flush_copy = |text: &mut String, map: &mut SourceMap, copy_from: &mut Option<usize>, upto: usize| {
        if let Some(from) = copy_from.take() {
            text.push_str(&input[from..upto]);
            map.push_copy(from, upto - from);
        }
    };

    let bytes = input.as_bytes();
    let mut i = start;
    while let Some(c) = input[i..end].chars().next() {
        let mut next = i + c.len_utf8();
        if is_invisible(c) {
            flush_copy(&mut text, &mut map, &mut copy_from, i);
            i = next;
            continue;
        }
        if is_space_like(c) {
            flush_copy(&mut text, &mut map, &mut copy_from, i);
            space_run = Some(match space_run {
                Some((s, _)) => (s, next),
                None => (i, next),
            });
            i = next;
            continue;
        }
        // A visible char.
        if let Some((s, e)) = space_run.take() {
            if first_visible.is_some() {
                if &input[s..e] == " " {
                    map.push_copy(s, 1);
                } else {
                    map.push_replacement(s, e, 1);
                }
                text.push(' ');
            }
        }
        if first_visible.is_none() {
            first_visible = Some(i);
        }
        if copy_from.is_none() {
            copy_from = Some(i);
        }
        // Printable ASCII right after a visible char (most of any text) is visible too and only
        // moves where the visible text ends: skip it at once instead of char by char.
        while next < end && bytes[next].is_ascii_graphic() {
            next += 1;
        }
        last_visible_end = next;
        i = next;
    }
    flush_copy(&mut text, &mut map, &mut copy_from, last_visible_end.max(start));
    let in_start = first_visible.unwrap_or(start);
    Line { text, map, in_start, in_end: if first_visible.is_some() { last_visible_end } else { in_start } }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(input: &str) -> Vec<String> {
        lines(input).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn every_line_break_form_splits() {
        assert_eq!(texts("a\nb\r\nc\rd\u{2028}e\u{85}f"), vec!["a", "b", "c", "d", "e", "f"]);
        assert_eq!(texts("a\r\n\r\nb"), vec!["a", "", "b"]);
    }

    #[test]
    fn spaces_collapse_and_trim() {
        assert_eq!(texts("  a \t\u{a0} b\u{3000}  "), vec!["a b"]);
    }

    #[test]
    fn invisible_characters_are_dropped() {
        assert_eq!(texts("\u{feff}co\u{ad}op\u{200b}er"), vec!["cooper"]);
    }

    #[test]
    fn joiners_are_kept() {
        assert_eq!(texts("👩\u{200d}💻"), vec!["👩\u{200d}💻"]);
    }

    #[test]
    fn map_points_back_to_the_input() {
        let input = "x\n  Hello\u{a0}\u{a0}wor\u{ad}ld!  \nz";
        let ls = lines(input);
        let l = &ls[1];
        assert_eq!(l.text, "Hello world!");
        assert_eq!(&input[l.in_start..l.in_end], "Hello\u{a0}\u{a0}wor\u{ad}ld!");
        let (s, e) = l.map.source_span(0, 5);
        assert_eq!(&input[s..e], "Hello");
        let (s, e) = l.map.source_span(6, 12);
        assert_eq!(&input[s..e], "wor\u{ad}ld!");
        let (s, e) = l.map.source_span(5, 6);
        assert_eq!(&input[s..e], "\u{a0}\u{a0}");
    }

    #[test]
    fn blank_lines_have_empty_ranges() {
        let ls = lines("a\n \t \nb");
        assert!(ls[1].is_blank());
        assert_eq!(ls[1].in_start, ls[1].in_end);
    }

    #[test]
    fn has_blank_line_agrees_with_lines() {
        for input in [
            "",
            "a",
            "a\n",
            "a\nb",
            "a\r\nb",
            "a\r\n\r\nb",
            "a\n \u{ad}\u{200b}\t\nb",
            "a\rb\r",
            "\u{2028}x",
            "x\u{85}\u{85}y",
            "a\n\u{feff}",
            "\u{0}",
        ] {
            assert_eq!(has_blank_line(input), lines(input).iter().any(Line::is_blank), "{input:?}");
        }
    }

    #[test]
    fn normalising_is_idempotent() {
        for input in ["  a  b ", "x\u{a0}\u{200b}y", "\u{0}\u{1}z", "é  ü"] {
            let once = texts(input).join("\n");
            assert_eq!(texts(&once).join("\n"), once);
        }
    }
}
