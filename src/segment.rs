//! Segmentation: tokens and sentences with byte offsets.
//!
//! (First version; abbreviations, initials, decimals, quotes and dashes are refined next.)

use serde::Serialize;

use crate::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("don't", "U.S.").
    Word,
    /// Digits, possibly with inner separators ("3.5", "1,000").
    Number,
    /// A quotation mark.
    Quote,
    /// A dash (hyphen used as a dash, en dash, em dash).
    Dash,
    /// Other punctuation.
    Punct,
    /// Anything else (symbols, emoji).
    Symbol,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// What it is.
    pub kind: TokenKind,
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word: Option<(usize, bool)> = None; // start, all digits
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            match &mut word {
                Some((_, digits)) => *digits &= c.is_numeric(),
                None => word = Some((i, c.is_numeric())),
            }
            continue;
        }
        if let Some((s, digits)) = word.take() {
            out.push(Token { start: s, end: i, kind: if digits { TokenKind::Number } else { TokenKind::Word } });
        }
        if c.is_whitespace() {
            continue;
        }
        let kind = match c {
            '"' | '“' | '”' | '„' | '«' | '»' | '\'' | '‘' | '’' => TokenKind::Quote,
            '-' | '–' | '—' => TokenKind::Dash,
            c if c.is_ascii_punctuation() || c.is_alphanumeric() => TokenKind::Punct,
            _ => TokenKind::Symbol,
        };
        out.push(Token { start: i, end: i + c.len_utf8(), kind });
    }
    if let Some((s, digits)) = word {
        out.push(Token { start: s, end: text.len(), kind: if digits { TokenKind::Number } else { TokenKind::Word } });
    }
    out
}

/// Splits each paragraph into sentences.
pub fn sentences(text: &str, tokens: &[Token], paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    for p in paragraphs {
        let in_para: Vec<&Token> = tokens.iter().filter(|t| t.start >= p.start && t.end <= p.end).collect();
        let mut start: Option<usize> = None;
        for (k, t) in in_para.iter().enumerate() {
            let s = *start.get_or_insert(t.start);
            let ends = matches!(&text[t.start..t.end], "." | "!" | "?");
            if ends && in_para.get(k + 1).is_none_or(|n| text[n.start..].starts_with(char::is_uppercase)) {
                out.push(Span { start: s, end: t.end });
                start = None;
            }
        }
        if let Some(s) = start {
            out.push(Span { start: s, end: in_para.last().map_or(s, |t| t.end) });
        }
    }
    out
}
