//! Blocks: the units the cleaner keeps or drops.
//!
//! Scraped text puts one visual block per line, or separates paragraphs with blank lines. Either
//! way a block is one line — except in hard-wrapped text (paragraphs separated by blank lines and
//! broken mid-sentence into lines), where a line that clearly continues the sentence of the line
//! before is joined to it with a space.

use super::normalize::Line;
use crate::offsets::SourceMap;

/// A candidate paragraph: normalised text on one line, with its map back to the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Normalised text, never empty, never containing a line break.
    pub text: String,
    /// Maps `text` back to the input.
    pub map: SourceMap,
    /// Input byte range of the block's visible content.
    pub in_start: usize,
    /// End of that range.
    pub in_end: usize,
}

impl From<Line> for Block {
    fn from(line: Line) -> Self {
        Block { text: line.text, map: line.map, in_start: line.in_start, in_end: line.in_end }
    }
}

/// Groups normalised lines into blocks, dropping blank lines.
#[cfg(test)]
pub fn blocks(lines: Vec<Line>) -> Vec<Block> {
    let uses_blank_lines = lines.iter().any(Line::is_blank);
    blocks_from(lines, uses_blank_lines)
}

/// Groups normalised lines into blocks, dropping blank lines, given whether any line is blank
/// (then the text separates paragraphs with blank lines, and hard-wrapped lines are joined).
/// Takes the lines one at a time, so blank lines cost nothing.
pub fn blocks_from(lines: impl IntoIterator<Item = Line>, uses_blank_lines: bool) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut previous_was_blank = true;
    for line in lines {
        if line.is_blank() {
            previous_was_blank = true;
            continue;
        }
        match out.last_mut() {
            Some(prev) if uses_blank_lines && !previous_was_blank && continues(&prev.text, &line.text) => {
                // The line break between the two lines becomes one space.
                prev.map.push_replacement(prev.in_end, line.in_start, 1);
                prev.text.push(' ');
                prev.map.append(&line.map);
                prev.text.push_str(&line.text);
                prev.in_end = line.in_end;
            }
            _ => out.push(line.into()),
        }
        previous_was_blank = false;
    }
    out
}

/// Whether `next` continues a sentence that `prev` broke off: `prev` is a long line that does not
/// end a sentence and `next` starts in lower case.
fn continues(prev: &str, next: &str) -> bool {
    let prev_words = prev.split(' ').count();
    let ends_sentence = prev.chars().last().is_some_and(|c| ".!?:;\"”’)]…".contains(c));
    let next_lower = next.chars().next().is_some_and(char::is_lowercase);
    prev_words >= 6 && !ends_sentence && next_lower
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::normalize::lines;

    fn texts(input: &str) -> Vec<String> {
        blocks(lines(input)).into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn one_block_per_line_without_blank_lines() {
        assert_eq!(
            texts("Home\nNews\nThe minister said that the talks\nwould go on."),
            vec!["Home", "News", "The minister said that the talks", "would go on."]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let input = "Title\n\nThe minister said on Monday that the talks\nwould go on next week.\n\nSecond one.";
        assert_eq!(
            texts(input),
            vec!["Title", "The minister said on Monday that the talks would go on next week.", "Second one."]
        );
    }

    #[test]
    fn joined_block_maps_back_across_the_break() {
        let input = "The minister said on Monday that the talks\r\nwould go on.\n\nx";
        let b = &blocks(lines(input))[0];
        let at = b.text.find("would").unwrap();
        let (s, e) = b.map.source_span(at, b.text.len());
        assert_eq!(&input[s..e], "would go on.");
        let (s, e) = b.map.source_span(at - 1, at);
        assert_eq!(&input[s..e], "\r\n");
    }

    #[test]
    fn sentence_ends_are_not_joined() {
        assert_eq!(texts("One two three four five six.\nseven\n\nx").len(), 3);
    }
}
