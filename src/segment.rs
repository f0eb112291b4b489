//! Segmentation: tokens and sentences with UTF-8 byte offsets.
//!
//! [`tokenize`] is one left-to-right pass over the text that follows Penn Treebank / CoNLL
//! conventions, because the NER tagger and the quote extractor downstream expect them.
//!
//! **Words and numbers.** A token starting with a letter or digit is a run of letters, digits and
//! combining marks, joined across these connectors (the character after the connector must be a
//! letter or digit):
//! - hyphens: `cross-border`, `Afghanistan-Pakistan`, `10-year-old`, and scores or ranges `4-1`;
//! - an apostrophe between letters: `O'Brien`, `rock'n'roll`;
//! - `.` `,` `:` `/` between digits: `3.5`, `1,000`, `9:24`, `24/7`;
//! - `.` before a lowercase ASCII letter: `Amazon.com`, `Node.js`;
//! - `&` between capitals (`AT&T`), and `@` and `_` (e-mail addresses, handles).
//!
//! A token without letters is a [`TokenKind::Number`], otherwise a [`TokenKind::Word`]. Signs stay
//! separate: `$250,000` is `$` (Symbol) + `250,000`, `45%` is `45` + `%` (Symbol), `-5` is `-`
//! (Punct) + `5`. URLs starting with `http://`, `https://` or `www.` are one Word, without the
//! trailing punctuation.
//!
//! **Periods in words.** Dotted acronyms of one letter (or a capital and a small letter) per
//! group are one token with their final period: `U.S.`, `a.m.`, `e.g.`, `Ph.D.`, `W.Va.`, also after
//! a hyphen (`D-N.Y.`) or before one (`U.S.-based`). A single capital letter takes its period
//! (`John F. Kennedy`), and so does a word in the built-in abbreviation lists below (`Mr.`,
//! `Calif.`, `Sept.`, `etc.`), also as the last part of a hyphenated word (`D-Calif.`).
//!
//! **Clitics** split off as Words: `Bitar's` → `Bitar` `'s`, `don't` → `do` `n't`, `can't` → `ca`
//! `n't`, `they'll` → `they` `'ll` (`'s 'm 'd 're 've 'll n't`), with `'` or `’`, and `Inc.’s` →
//! `Inc.` `’s`.
//!
//! **Apostrophes and single quotes** (`'` and `’`) outside a word are decided by context:
//! - between digits it is a prime (`5'11`): Punct;
//! - right after a word ending in `s`/`S` and not before a letter or digit it is a possessive
//!   (`Sanders’ campaign`): Punct, unless a single quotation opened earlier on the same line is
//!   still open (`‘Jones’`), which makes it a closing Quote;
//! - right after any other word or after punctuation it closes a quotation: Quote;
//! - before a letter or digit and not after one it opens a quotation (`'deal'`): Quote, except an
//!   elided year `’90s` / `'08`, which is one Word / Number token;
//! - `‘` `‛` `‚` and a backtick always open a quotation; `''` and ` `` ` are one Quote token each.
//!
//! So an apostrophe that belongs to a word is never a Quote token.
//!
//! **Other marks.** Double quotation marks (`" “ ” „ « » ‹ ›`, CJK corner brackets) are Quote.
//! En/em dashes and runs of them, `--`, and a hyphen with whitespace on both sides are Dash; any
//! other lone hyphen is Punct. A run of periods (`...`), of `…`, or of `!`/`?` is one Punct token.
//! Other punctuation (ASCII, General Punctuation, CJK and Unicode `P*`) is Punct; everything else
//! (currency, `% & @ # + = < > * ^ | ~`, emoji) is Symbol. An emoji keeps its skin tone, variation
//! selector and zero-width-joined parts (`👨‍👩‍👧`), and a flag's two regional indicators stay
//! together. Combining marks stay with the character before them.
//!
//! **Separators.** Whitespace, control characters, zero-width spaces, the BOM and bidi controls
//! separate tokens and are never inside one. Every other character is in exactly one token.
//!
//! [`sentences`] splits each paragraph after `.`, `!`, `?`, `…` (plus the closing quotes and
//! brackets attached to them, and a `”` even after a space) when the next token starts a
//! sentence: a word that is not lowercase (or is camel-cased, as in `iPhone`), a number, a quote
//! other than `”`, an opening bracket or a symbol. A list number (`2. Talks resume`) does not end
//! a sentence. CJK and Indic full stops always split. A word ending in a period (abbreviation, acronym, initial) ends a
//! sentence only when the next token (after an opening quote) is a capitalised function word from
//! a short list (`...in the U.S. The talks...`); a title (`Mr.`, `Gen.`, `Sen.`) never does.
//! Sentences split inside quotations too: `He said: “We will win. And big.”` is two sentences,
//! the first ending after `win.`. That keeps the splitter local and robust to unbalanced quote
//! marks; the quote extractor joins quotes across sentences anyway.

use std::cmp::Ordering;
use std::sync::OnceLock;

use regex::Regex;
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

// ---------------------------------------------------------------------------------------------
// Word lists. Abbreviation lists are sorted by ASCII-lowercase spelling and looked up with a
// case-insensitive binary search, so lookups never allocate.
// ---------------------------------------------------------------------------------------------

/// Titles before a name: they take a period and never end a sentence ("Gen. Asif").
const TITLES: &[&str] = &[
    "adm", "atty", "brig", "capt", "cdr", "cmdr", "col", "cpl", "det", "dr", "fr", "gen", "gov", "hon", "insp", "lt",
    "maj", "messrs", "mlle", "mme", "mmes", "mr", "mrs", "ms", "msgr", "pfc", "pres", "prof", "pvt", "rep", "reps",
    "rev", "rt", "sen", "sens", "sgt", "supt",
];

/// Capitalised abbreviations that may end a sentence: company and name suffixes, places, months
/// and AP-style US states.
const CAPITALIZED: &[&str] = &[
    "ala", "apr", "ariz", "ark", "assn", "aug", "ave", "blvd", "bros", "calif", "co", "colo", "conn", "corp", "cos",
    "dec", "del", "dept", "esq", "feb", "fig", "fla", "ft", "ga", "hwy", "ill", "inc", "ind", "jan", "jr", "jul",
    "jun", "kan", "kans", "ky", "la", "ltd", "mar", "mass", "md", "mich", "minn", "miss", "mo", "mont", "mt", "neb",
    "nev", "no", "nos", "nov", "oct", "okla", "ore", "pa", "rd", "sep", "sept", "sr", "st", "tenn", "tex", "univ",
    "va", "vol", "vols", "vt", "wash", "wis", "wyo",
];

/// Abbreviations in any case ("etc.", "vs.", "Roe v. Wade").
const ANY_CASE: &[&str] = &["al", "approx", "cf", "etc", "incl", "pp", "v", "viz", "vs"];

/// The longest entry of the abbreviation lists, to skip the lookup for longer words.
const MAX_ABBREVIATION_LEN: usize = 6;

/// Capitalised words that commonly start a sentence. After an abbreviation that may end a
/// sentence ("U.S.", "Inc.", "etc."), one of these means the sentence did end. Sorted.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "A", "After", "Also", "An", "And", "As", "At", "But", "By", "During", "For", "From", "He",
    "Her", "His", "However", "I", "If", "In", "It", "Its", "Many", "Meanwhile", "Most", "My", "No",
    "Now", "On", "One", "Our", "She", "Since", "So", "Some", "Still", "That", "The", "Their",
    "Then", "There", "These", "They", "This", "Those", "Though", "Thus", "To", "Under", "We",
    "What", "When", "Where", "While", "Who", "With", "Yet", "You",
];

// ---------------------------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------------------------

/// Splits `text` into tokens (see the module docs for the rules).
///
/// Tokens are sorted, non-empty, non-overlapping, on char boundaries and never contain
/// whitespace. Runs in time linear in the length of `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    // English news averages a token per five to six bytes.
    let mut lexer = Lexer { text, out: Vec::with_capacity(text.len() / 5 + 1), open_single: false };
    let mut i = 0;
    while let Some(c) = char_at(text, i) {
        i = lexer.token_at(i, c);
    }
    // Text that is mostly separators (nothing but newlines) leaves most of the guess unused.
    if lexer.out.len() < lexer.out.capacity() / 2 {
        lexer.out.shrink_to_fit();
    }
    lexer.out
}

struct Lexer<'a> {
    text: &'a str,
    out: Vec<Token>,
    /// Whether a single quotation mark opened on the current line and has not closed: then
    /// `Jones’` closes the quotation instead of being a possessive.
    open_single: bool,
}

impl Lexer<'_> {
    /// Pushes a token and returns its end.
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) -> usize {
        debug_assert!(start < end, "empty token at {start}");
        self.out.push(Token { start, end, kind });
        end
    }

    /// Lexes the token starting with `c` at `i` (or skips a separator); returns where to go on.
    fn token_at(&mut self, i: usize, c: char) -> usize {
        let end = i + c.len_utf8();
        if is_separator(c) {
            if is_line_break(c) {
                self.open_single = false;
            }
            return end;
        }
        if is_alnum(c) {
            return self.word(i);
        }
        match c {
            '\'' | '’' | '‘' | '‛' | '‚' | '`' => self.apostrophe(i, c),
            '.' | '…' => self.run(i, |d| d == c, TokenKind::Punct),
            '!' | '?' => self.run(i, |d| matches!(d, '!' | '?'), TokenKind::Punct),
            '-' => self.hyphen(i),
            c if is_dash(c) => self.run(i, is_dash, TokenKind::Dash),
            c if is_double_quote(c) => self.push(i, end, TokenKind::Quote),
            c if is_mark(c) => self.mark(i, end),
            c => self.other(i, c),
        }
    }

    /// A run of characters matching `pred` (the first one does) as one token.
    fn run(&mut self, i: usize, pred: impl Fn(char) -> bool, kind: TokenKind) -> usize {
        let rest = &self.text[i..];
        let len = rest.find(|d: char| !pred(d)).unwrap_or(rest.len());
        self.push(i, i + len, kind)
    }

    /// A word, number, abbreviation or URL starting with the letter or digit at `start`.
    fn word(&mut self, start: usize) -> usize {
        let text = self.text;
        if let Some(end) = url_end(text, start) {
            return self.push(start, end, TokenKind::Word);
        }
        let end = scan_word(text, start);
        let word = &text[start..end];
        if word.ends_with('.') {
            // A dotted acronym, period included.
            return self.push(start, end, TokenKind::Word);
        }
        let rest = &text[end..];
        if rest.starts_with('.') && !rest[1..].starts_with('.') && takes_period(word) {
            return self.push(start, end + 1, TokenKind::Word);
        }
        match clitic_start(word) {
            Some(k) => {
                self.push(start, start + k, kind_of(&word[..k]));
                self.push(start + k, end, TokenKind::Word)
            }
            None => self.push(start, end, kind_of(word)),
        }
    }

    /// `'` `’` `‘` `‛` `‚` or a backtick outside a word (see the module docs).
    fn apostrophe(&mut self, i: usize, c: char) -> usize {
        let text = self.text;
        let end = i + c.len_utf8();
        let next = char_at(text, end);
        let prev = char_before(text, i);
        // After a word or punctuation, not after a space: a mark there closes.
        let closing = !prev.is_none_or(is_separator);
        if c == '\'' && closing && next == Some(c) && char_at(text, end + 1) == Some(c) {
            // "''…, 'Go home,'''": three marks closing are a single one, then a double one (the
            // inner quotation ends first).
            self.open_single = false;
            return self.push(i, end, TokenKind::Quote);
        }
        if matches!(c, '\'' | '`') && next == Some(c) {
            // '' and `` are one quotation mark, as in PTB-style text.
            return self.push(i, end + 1, TokenKind::Quote);
        }
        if !matches!(c, '\'' | '’') {
            self.open_single = true;
            return self.push(i, end, TokenKind::Quote);
        }
        let before_alnum = next.is_some_and(is_alnum);
        if prev.is_some_and(is_word_char) {
            if prev.is_some_and(char::is_numeric) && next.is_some_and(char::is_numeric) {
                return self.push(i, end, TokenKind::Punct); // a prime: 5'11
            }
            if matches!(prev, Some('s' | 'S')) && !before_alnum && !self.open_single {
                return self.push(i, end, TokenKind::Punct); // a possessive: Sanders’
            }
            self.open_single = false;
            return self.push(i, end, TokenKind::Quote);
        }
        if prev == Some('.') && self.word_ends_at(i) {
            if let Some(clitic_end) = possessive_s(text, end) {
                return self.push(i, clitic_end, TokenKind::Word); // Inc.’s, U.S.'s
            }
        }
        if before_alnum {
            if let Some(year_end) = elided_year(text, end) {
                return self.push(i, year_end, kind_of(&text[i..year_end])); // ’90s
            }
            self.open_single = true;
            return self.push(i, end, TokenKind::Quote);
        }
        if closing {
            self.open_single = false; // after punctuation it closes: ‘no.’
        }
        self.push(i, end, TokenKind::Quote)
    }

    /// Whether the last token is a word ending at `i`.
    fn word_ends_at(&self, i: usize) -> bool {
        self.out.last().is_some_and(|t| t.end == i && t.kind == TokenKind::Word)
    }

    /// A hyphen-minus that no word claimed: a dash when doubled or spaced, else punctuation.
    fn hyphen(&mut self, i: usize) -> usize {
        let text = self.text;
        let end = i + text[i..].bytes().take_while(|&b| b == b'-').count();
        let spaced = char_before(text, i).is_none_or(is_separator) && char_at(text, end).is_none_or(is_separator);
        let kind = if end - i > 1 || spaced { TokenKind::Dash } else { TokenKind::Punct };
        self.push(i, end, kind)
    }

    /// A combining mark that no word claimed joins the token right before it, if any.
    fn mark(&mut self, i: usize, end: usize) -> usize {
        match self.out.last_mut() {
            Some(last) if last.end == i => {
                last.end = end;
                end
            }
            _ => self.push(i, end, TokenKind::Symbol),
        }
    }

    /// Punctuation or a symbol (with what belongs to a symbol: see [`symbol_end`]).
    fn other(&mut self, i: usize, c: char) -> usize {
        let kind = punct_or_symbol(c);
        let end = match kind {
            TokenKind::Symbol => symbol_end(self.text, i, c),
            _ => i + c.len_utf8(),
        };
        self.push(i, end, kind)
    }
}

/// The character at byte `i`, if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The character ending at byte `i`, if any.
fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The text of a token, or "" for a token that does not fit `text`.
fn token_text<'a>(text: &'a str, t: &Token) -> &'a str {
    text.get(t.start..t.end).unwrap_or("")
}

/// Whether the word piece `s` is a Word (it has a letter) or a Number.
fn kind_of(s: &str) -> TokenKind {
    if s.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) || s.chars().any(is_letter) {
        TokenKind::Word
    } else {
        TokenKind::Number
    }
}

/// Characters between tokens: whitespace, controls, and the invisible zero-width space, word
/// joiner, BOM and bidi controls.
fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_whitespace() || c.is_ascii_control();
    }
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'
                | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Figure, en, em and two/three-em dashes and the horizontal bar.
fn is_dash(c: char) -> bool {
    matches!(c, '\u{2012}'..='\u{2015}' | '\u{2E3A}' | '\u{2E3B}' | '\u{FE58}')
}

fn is_double_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '〝'
            | '〞'
            | '〟'
            | '「'
            | '」'
            | '『'
            | '』'
            | '＂'
            | '＇'
    )
}

fn is_word_char(c: char) -> bool {
    is_alnum(c) || is_mark(c)
}

/// `char::is_alphabetic` with a fast path: std's table search is slow for every non-ASCII
/// character, and Latin, Greek, Cyrillic, CJK and Hangul letters are common in news.
#[inline]
fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match c {
        '×' | '÷' => false,
        'À'..='\u{24F}' | '\u{391}'..='\u{3A1}' | '\u{3A3}'..='\u{3CE}' => true,
        '\u{400}'..='\u{481}' | '\u{48A}'..='\u{52F}' | '\u{3041}'..='\u{3096}' => true,
        '\u{30A1}'..='\u{30FA}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}' => true,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_alphanumeric` with the fast path of [`is_letter`].
#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_letter(c) || c.is_numeric()
}

/// Combining marks (Unicode category M) and the other characters that modify the one before:
/// soft hyphen, zero-width (non-)joiner, variation selectors, emoji skin tones and tag characters.
///
/// Common blocks are decided by range; only rare characters reach the Unicode table.
fn is_mark(c: char) -> bool {
    match c {
        '\u{AD}' | '\u{200C}' | '\u{200D}' | '\u{20D0}'..='\u{20FF}' => true,
        '\u{FE00}'..='\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' => true,
        '\u{E0020}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}' => true,
        '\0'..='\u{2FF}' | '\u{2000}'..='\u{2BFF}' | '\u{3000}'..='\u{303F}' => false,
        '\u{FF00}'..='\u{FFEF}' | '\u{1F000}'..='\u{1FAFF}' => false,
        _ => in_class(c, &MARK_CLASS, r"^\p{M}$"),
    }
}

/// Punct or Symbol, for a character that is no letter, digit, quote, dash or mark.
fn punct_or_symbol(c: char) -> TokenKind {
    // Fullwidth ASCII (U+FF01..U+FF5E) behaves like the ASCII character it mirrors.
    let ascii = if c.is_ascii() {
        Some(c)
    } else if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
        char::from_u32(c as u32 - 0xFEE0)
    } else {
        None
    };
    match ascii {
        Some('#' | '$' | '%' | '&' | '*' | '+' | '<' | '=' | '>' | '@' | '^' | '|' | '~') => TokenKind::Symbol,
        Some(_) => TokenKind::Punct,
        None => match c {
            '\u{2010}'..='\u{205E}' | '\u{3000}'..='\u{303F}' | '\u{FF5F}'..='\u{FF65}' => TokenKind::Punct,
            '\u{20A0}'..='\u{20CF}' | '\u{2100}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}' => TokenKind::Symbol,
            _ if in_class(c, &PUNCT_CLASS, r"^\p{P}$") => TokenKind::Punct,
            _ => TokenKind::Symbol,
        },
    }
}

static MARK_CLASS: OnceLock<Regex> = OnceLock::new();
static PUNCT_CLASS: OnceLock<Regex> = OnceLock::new();

/// Whether `c` is in a Unicode class that std does not expose (compiled once, used rarely).
fn in_class(c: char, class: &OnceLock<Regex>, pattern: &str) -> bool {
    let re = class.get_or_init(|| Regex::new(pattern).expect("a valid Unicode class"));
    re.is_match(c.encode_utf8(&mut [0; 4]))
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// The end of the symbol `c` at `i` with what belongs to it: a second regional indicator (a
/// flag), marks (skin tones, variation selectors, keycaps) and further pictographs joined by a
/// zero-width joiner ("👨‍👩‍👧").
fn symbol_end(text: &str, i: usize, c: char) -> usize {
    let mut end = i + c.len_utf8();
    if is_regional_indicator(c) {
        if let Some(d) = char_at(text, end).filter(|&d| is_regional_indicator(d)) {
            end += d.len_utf8();
        }
    }
    while let Some(d) = char_at(text, end) {
        if d == '\u{200D}' {
            end += d.len_utf8();
            let joined =
                char_at(text, end).filter(|&e| matches!(e, '\u{2190}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}'));
            if let Some(e) = joined {
                end += e.len_utf8();
            }
        } else if is_mark(d) {
            end += d.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// The end of the word starting with the letter or digit at `start`: segments (runs of word
/// characters, or dotted acronyms) joined by connectors.
fn scan_word(text: &str, start: usize) -> usize {
    let mut i = start;
    loop {
        let run_end = skip_word_chars(text, i);
        // Only a short run before a period can start a dotted acronym.
        let maybe_acronym = run_end - i <= 8 && text[run_end..].starts_with('.');
        i = if maybe_acronym { dotted_acronym(text, i).unwrap_or(run_end) } else { run_end };
        match connector_end(text, i) {
            Some(next) => i = next,
            None => return i,
        }
    }
}

fn skip_word_chars(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // Most word characters are ASCII: skip those a byte at a time.
        while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            i += 1;
        }
        match char_at(text, i) {
            Some(c) if !c.is_ascii() && is_word_char(c) => i += c.len_utf8(),
            _ => return i,
        }
    }
}

/// A dotted acronym at `i`: two or more groups of one letter, or of a capital and a small letter,
/// each followed by a period ("U.S.", "a.m.", "Ph.D.", "W.Va."). Returns its end.
///
/// The capital-then-small rule keeps run-together sentences such as "to.He." out.
fn dotted_acronym(text: &str, mut i: usize) -> Option<usize> {
    let mut groups = 0;
    loop {
        let mut chars = text[i..].chars();
        let Some(a) = chars.next().filter(|&a| is_letter(a)) else { break };
        let len = match chars.next() {
            Some('.') => a.len_utf8(),
            Some(b) if a.is_uppercase() && b.is_lowercase() && chars.next() == Some('.') => a.len_utf8() + b.len_utf8(),
            _ => break,
        };
        groups += 1;
        i += len + 1;
    }
    (groups >= 2).then_some(i)
}

/// If a connector at `i` continues the word, the position after it (see the module docs).
fn connector_end(text: &str, i: usize) -> Option<usize> {
    let mut chars = text[i..].chars();
    let c = chars.next()?;
    let next = chars.next().filter(|&n| is_alnum(n))?;
    let prev = char_before(text, i)?;
    let joins = match c {
        c if is_hyphen(c) => true,
        '\'' | '’' => is_word_char(prev) && is_letter(next),
        '.' => (prev.is_numeric() && next.is_numeric()) || (is_alnum(prev) && next.is_ascii_lowercase()),
        ',' | ':' | '/' => prev.is_numeric() && next.is_numeric(),
        '&' => prev.is_uppercase() && next.is_uppercase(),
        '@' | '_' => is_word_char(prev),
        _ => false,
    };
    joins.then_some(i + c.len_utf8())
}

/// Whether `word`, directly followed by a period, takes that period: a single capital (an
/// initial) or a known abbreviation, as the whole word or its last hyphenated part ("D-Calif.").
fn takes_period(word: &str) -> bool {
    let last = word.rsplit(is_hyphen).next().unwrap_or(word);
    is_initial(last) || abbreviation(last).is_some()
}

fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// What kind of abbreviation a word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbreviation {
    /// A title before a name; never ends a sentence.
    Title,
    /// Anything else; may end a sentence.
    Other,
}

/// Looks `word` (without its period) up in the abbreviation lists.
fn abbreviation(word: &str) -> Option<Abbreviation> {
    if word.len() > MAX_ABBREVIATION_LEN {
        return None;
    }
    let capitalized = word.starts_with(|c: char| c.is_ascii_uppercase());
    if capitalized && contains_ignore_case(TITLES, word) {
        Some(Abbreviation::Title)
    } else if (capitalized && contains_ignore_case(CAPITALIZED, word)) || contains_ignore_case(ANY_CASE, word) {
        Some(Abbreviation::Other)
    } else {
        None
    }
}

fn contains_ignore_case(sorted: &[&str], word: &str) -> bool {
    sorted.binary_search_by(|probe| cmp_ignore_ascii_case(probe, word)).is_ok()
}

fn cmp_ignore_ascii_case(a: &str, b: &str) -> Ordering {
    a.bytes().map(|x| x.to_ascii_lowercase()).cmp(b.bytes().map(|x| x.to_ascii_lowercase()))
}

/// Where a PTB clitic starts at the end of `word`: "n't" ("do|n't", "ca|n't") or an apostrophe
/// before s, m, d, re, ve or ll ("Bitar|'s", "they|'ll").
fn clitic_start(word: &str) -> Option<usize> {
    // Quick rejection: no ' and no last byte of ’ (E2 80 99) among the last six bytes.
    let tail = &word.as_bytes()[word.len().saturating_sub(6)..];
    if !tail.iter().any(|&b| b == b'\'' || b == 0x99) {
        return None;
    }
    if let Some(k) = ["n't", "n’t"].iter().find_map(|neg| suffix_start_ignore_case(word, neg)) {
        return (k > 0).then_some(k);
    }
    // The apostrophe of a clitic is among the last three characters.
    let (apostrophe, _) = word.char_indices().rev().take(3).find(|&(_, c)| matches!(c, '\'' | '’'))?;
    let clitic = word[apostrophe..].trim_start_matches(['\'', '’']);
    let known = ["s", "m", "d", "re", "ve", "ll"].iter().any(|c| clitic.eq_ignore_ascii_case(c));
    (apostrophe > 0 && known).then_some(apostrophe)
}

fn suffix_start_ignore_case(word: &str, suffix: &str) -> Option<usize> {
    let k = word.len().checked_sub(suffix.len())?;
    (word.is_char_boundary(k) && word[k..].eq_ignore_ascii_case(suffix)).then_some(k)
}

/// An `s` at `i` that ends the word: the end of a possessive "’s" after an abbreviation.
fn possessive_s(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let ends = rest.starts_with(['s', 'S']) && !char_at(rest, 1).is_some_and(is_word_char);
    ends.then_some(i + 1)
}

/// Two digits at `i`, maybe plus "s", ending a word: the rest of an elided year ("’90s", "'08").
fn elided_year(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if !bytes.get(i..i + 2)?.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut end = i + 2;
    if bytes.get(end) == Some(&b's') {
        end += 1;
    }
    (!char_at(text, end).is_some_and(is_word_char)).then_some(end)
}

/// If a URL starts at `start`, its end, without trailing punctuation and closing marks.
fn url_end(text: &str, start: usize) -> Option<usize> {
    let rest = &text[start..];
    if !matches!(rest.as_bytes().first(), Some(b'h' | b'H' | b'w' | b'W')) {
        return None;
    }
    let prefix = ["https://", "http://", "www."]
        .into_iter()
        .find(|p| rest.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p)))?;
    let mut url = &rest[..rest.find(is_separator).unwrap_or(rest.len())];
    while let Some(c) = url.chars().next_back() {
        let trailing = match c {
            ')' => !url.contains('('),
            ']' => !url.contains('['),
            '.' | ',' | ';' | ':' | '!' | '?' | '…' | '\'' | '’' | '‘' => true,
            c => is_double_quote(c),
        };
        if !trailing {
            break;
        }
        url = &url[..url.len() - c.len_utf8()];
    }
    (url.len() > prefix.len()).then_some(start + url.len())
}

// ---------------------------------------------------------------------------------------------
// Sentence splitter
// ---------------------------------------------------------------------------------------------

/// Splits each paragraph into sentences (see the module docs for the rules).
///
/// `tokens` must be sorted (as [`tokenize`] returns them). Only tokens lying wholly inside a
/// paragraph count; a paragraph with at least one gives one sentence or more, and each sentence
/// starts at the start of its first token and ends at the end of its last. Runs in time linear
/// in the number of tokens (plus a binary search per paragraph).
pub fn sentences(text: &str, tokens: &[Token], paragraphs: &[Span]) -> Vec<Span> {
    let mut out = Vec::with_capacity(paragraphs.len() + tokens.len() / 20);
    for p in paragraphs {
        let rest = &tokens[tokens.partition_point(|t| t.start < p.start)..];
        let inside = &rest[..rest.partition_point(|t| t.end <= p.end)];
        split_paragraph(text, inside, &mut out);
    }
    out
}

/// Appends the sentences of one paragraph's tokens to `out`.
fn split_paragraph(text: &str, tokens: &[Token], out: &mut Vec<Span>) {
    let mut first = 0;
    let mut k = 0;
    while k < tokens.len() {
        match sentence_end(text, tokens, first, k) {
            Some(last) => {
                out.push(Span { start: tokens[first].start, end: tokens[last].end });
                first = last + 1;
                k = last + 1;
            }
            None => k += 1,
        }
    }
    if let (Some(head), Some(tail)) = (tokens.get(first), tokens.last()) {
        out.push(Span { start: head.start, end: tail.end });
    }
}

/// How a token may end a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// A CJK or Indic full stop: always ends one.
    Hard,
    /// `.` `!` `?` `…`: ends one if the next token starts one.
    Stop,
    /// "Mr.": never ends one.
    Title,
    /// "U.S.", "etc.", "J.": ends one before a capitalised function word.
    Abbreviation,
}

fn ending(text: &str, t: &Token) -> Option<Ending> {
    let s = token_text(text, t);
    match t.kind {
        TokenKind::Punct => match s.chars().next()? {
            '.' | '!' | '?' | '…' | '．' => Some(Ending::Stop),
            '。' | '｡' | '！' | '？' | '।' | '॥' | '؟' | '۔' => Some(Ending::Hard),
            _ => None,
        },
        TokenKind::Word => {
            let word = s.strip_suffix('.').filter(|w| !w.is_empty())?;
            let last = word.rsplit(is_hyphen).next().unwrap_or(word);
            match abbreviation(last) {
                Some(Abbreviation::Title) => Some(Ending::Title),
                _ => Some(Ending::Abbreviation),
            }
        }
        _ => None,
    }
}

/// If the sentence that started with token `first` ends with token `k`, the index of its last
/// token: `k` plus the closing quotes and brackets after it.
fn sentence_end(text: &str, tokens: &[Token], first: usize, k: usize) -> Option<usize> {
    let ending = ending(text, &tokens[k])?;
    if k == first + 1 && tokens[first].kind == TokenKind::Number && token_text(text, &tokens[k]) == "." {
        return None; // a list number: "2. Talks resume"
    }
    let last = closers_end(text, tokens, k);
    let Some(next) = tokens.get(last + 1) else { return Some(last) };
    let splits = match ending {
        Ending::Hard => true,
        Ending::Stop => starts_sentence(text, next),
        Ending::Title => false,
        Ending::Abbreviation => starts_with_function_word(text, &tokens[last + 1..]),
    };
    splits.then_some(last)
}

/// The index of the last closing quote or bracket after token `k`: attached to it (no space
/// between), or a right double quotation mark `”`, which only ever closes (scraped text often has
/// `lung. ” But`).
fn closers_end(text: &str, tokens: &[Token], k: usize) -> usize {
    let mut last = k;
    while let Some(next) = tokens.get(last + 1) {
        let attached = next.start == tokens[last].end
            && (next.kind == TokenKind::Quote || matches!(token_text(text, next), ")" | "]" | "}"));
        if !attached && token_text(text, next) != "”" {
            break;
        }
        last += 1;
    }
    last
}

/// Whether `t` can start a sentence after a full stop.
fn starts_sentence(text: &str, t: &Token) -> bool {
    match t.kind {
        TokenKind::Word => {
            let mut chars = token_text(text, t).chars();
            match chars.next() {
                // Lowercase continues the sentence, except camel case: "iPhone", "eBay".
                Some(c) if c.is_lowercase() => chars.next().is_some_and(char::is_uppercase),
                Some(_) => true,
                None => false,
            }
        }
        TokenKind::Quote => token_text(text, t) != "”",
        TokenKind::Number | TokenKind::Symbol => true,
        TokenKind::Punct => matches!(token_text(text, t), "(" | "[" | "{" | "¿" | "¡"),
        TokenKind::Dash => false,
    }
}

/// Whether `rest` starts (maybe after an opening quote) with a capitalised function word.
fn starts_with_function_word(text: &str, rest: &[Token]) -> bool {
    let skip = usize::from(rest.first().is_some_and(|t| t.kind == TokenKind::Quote));
    rest.get(skip)
        .is_some_and(|t| t.kind == TokenKind::Word && FUNCTION_WORDS.binary_search(&token_text(text, t)).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The tokens of `text` as "text/K" joined by spaces, K being the kind's initial (W N Q D P S).
    fn show(text: &str) -> String {
        let shown: Vec<String> = tokenize(text)
            .iter()
            .map(|t| {
                let kind = match t.kind {
                    TokenKind::Word => 'W',
                    TokenKind::Number => 'N',
                    TokenKind::Quote => 'Q',
                    TokenKind::Dash => 'D',
                    TokenKind::Punct => 'P',
                    TokenKind::Symbol => 'S',
                };
                format!("{}/{kind}", &text[t.start..t.end])
            })
            .collect();
        shown.join(" ")
    }

    /// The token texts of `text`.
    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.start..t.end]).collect()
    }

    /// Asserts that `text` tokenizes into the whitespace-separated words of `text` themselves,
    /// all of kind `kind`.
    fn assert_whole(text: &str, kind: char) {
        let expected: Vec<String> = text.split_whitespace().map(|w| format!("{w}/{kind}")).collect();
        assert_eq!(show(text), expected.join(" "));
    }

    /// Paragraphs as the cleaner gives them: non-blank lines, trimmed.
    fn paras(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let trimmed = line.trim();
            if !trimmed.is_empty() {
                let start = offset + (line.len() - line.trim_start().len());
                out.push(Span { start, end: start + trimmed.len() });
            }
            offset += line.len();
        }
        out
    }

    /// The sentence texts of `text`, one paragraph per non-blank line.
    fn sents(text: &str) -> Vec<&str> {
        let found = sentences(text, &tokenize(text), &paras(text));
        found.iter().map(|s| &text[s.start..s.end]).collect()
    }

    // ---- tokens ---------------------------------------------------------------------------

    #[test]
    fn empty_and_blank_input_have_no_tokens() {
        assert!(tokenize("").is_empty());
        assert!(tokenize(" \n\t\u{a0}\u{200b}\u{feff}\r\n").is_empty());
    }

    #[test]
    fn plain_sentence() {
        assert_eq!(
            show("Talks resumed on Monday, officials said."),
            "Talks/W resumed/W on/W Monday/W ,/P officials/W said/W ./P"
        );
    }

    #[test]
    fn offsets_are_bytes() {
        let tokens = tokenize("Zoë’s café");
        let spans: Vec<_> = tokens.iter().map(|t| (t.start, t.end)).collect();
        assert_eq!(spans, [(0, 4), (4, 8), (9, 14)]);
    }

    #[test]
    fn contractions_split_ptb_style() {
        assert_eq!(
            show("I don't think it's ready; they'll say we'd won, I'm sure they're right."),
            "I/W do/W n't/W think/W it/W 's/W ready/W ;/P they/W 'll/W say/W we/W 'd/W won/W ,/P \
             I/W 'm/W sure/W they/W 're/W right/W ./P"
        );
        assert_eq!(show("can't won't CAN'T we've"), "ca/W n't/W wo/W n't/W CA/W N'T/W we/W 've/W");
    }

    #[test]
    fn curly_apostrophes_split_the_same_way() {
        assert_eq!(show("Karimi’s team won’t stop."), "Karimi/W ’s/W team/W wo/W n’t/W stop/W ./P");
    }

    #[test]
    fn possessive_s_of_names_and_numbers() {
        assert_eq!(
            show("Bitar's O'Neill’s mother-in-law's 1990's"),
            "Bitar/W 's/W O'Neill/W ’s/W mother-in-law/W 's/W 1990/N 's/W"
        );
    }

    #[test]
    fn trailing_possessive_apostrophe_is_punct() {
        assert_eq!(
            show("the Sanders’ campaign and the Jones' house, the players’."),
            "the/W Sanders/W ’/P campaign/W and/W the/W Jones/W '/P house/W ,/P the/W players/W \
             ’/P ./P"
        );
    }

    #[test]
    fn inner_apostrophes_stay_in_the_word() {
        assert_whole("O'Brien rock'n'roll Thiong’o ma'am", 'W');
        let text = "O'Brien rock'n'roll don’t Sanders’ ’90s, Inc.’s";
        assert!(tokenize(text).iter().all(|t| t.kind != TokenKind::Quote), "{}", show(text));
    }

    #[test]
    fn single_quotation_marks_are_quotes() {
        assert_eq!(
            show("a ‘deal’ and a 'bargain', ‘quite.’"),
            "a/W ‘/Q deal/W ’/Q and/W a/W '/Q bargain/W '/Q ,/P ‘/Q quite/W ./P ’/Q"
        );
    }

    #[test]
    fn s_before_a_closing_single_quote_after_an_opening_one() {
        assert_eq!(show("the ‘Jones’ case"), "the/W ‘/Q Jones/W ’/Q case/W");
        assert_eq!(show("the 'tennis' bid"), "the/W '/Q tennis/W '/Q bid/W");
        // An open quotation ends with its line, and once closed a possessive is a possessive.
        assert_eq!(show("‘open\nSanders’ bid"), "‘/Q open/W Sanders/W ’/P bid/W");
        assert_eq!(show("‘a’ Sanders’ bid"), "‘/Q a/W ’/Q Sanders/W ’/P bid/W");
    }

    #[test]
    fn doubled_apostrophes_and_backticks_are_one_quote() {
        assert_eq!(show("``Yes,'' he said, `maybe'"), "``/Q Yes/W ,/P ''/Q he/W said/W ,/P `/Q maybe/W '/Q");
    }

    #[test]
    fn double_quotation_marks_are_quotes() {
        assert_eq!(
            show("“a” \"b\" „c“ «d» ‹e› 「f」"),
            "“/Q a/W ”/Q \"/Q b/W \"/Q „/Q c/W “/Q «/Q d/W »/Q ‹/Q e/W ›/Q 「/Q f/W 」/Q"
        );
    }

    #[test]
    fn elided_years_and_primes() {
        assert_eq!(show("the ’90s, in '08"), "the/W ’90s/W ,/P in/W '08/N");
        assert_eq!(show("5'11 tall"), "5/N '/P 11/N tall/W");
    }

    #[test]
    fn hyphenated_words_stay_whole() {
        assert_whole("cross-border well-known Afghanistan-Pakistan 10-year-old COVID-19", 'W');
        assert_whole("4-1 2019-20 555-0134", 'N');
    }

    #[test]
    fn dashes() {
        assert_eq!(
            show("war – peace—talks - again -- and--more ——"),
            "war/W –/D peace/W —/D talks/W -/D again/W --/D and/W --/D more/W ——/D"
        );
    }

    #[test]
    fn lone_hyphens_that_are_not_dashes() {
        assert_eq!(show("pre- and post-war"), "pre/W -/P and/W post-war/W");
        assert_eq!(show("at -5 degrees"), "at/W -/P 5/N degrees/W");
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_whole(
            "Mr. Mrs. Ms. Dr. Gen. Sen. Rep. Gov. Lt. Col. Sgt. Capt. Prof. St. Jr. Sr. Inc. Ltd. \
             Corp. Co. No. vs. etc. Jan. Feb. Aug. Sept. Calif. Mass. Ariz. v.",
            'W',
        );
    }

    #[test]
    fn abbreviations_are_case_aware() {
        // Capitalised ones need a capital: "no." and "ill." are ordinary words at a full stop.
        assert_eq!(show("said no. He was ill."), "said/W no/W ./P He/W was/W ill/W ./P");
        assert_whole("INC. Etc. VS.", 'W');
        // An ellipsis after an abbreviation stays an ellipsis.
        assert_eq!(show("apples, etc..."), "apples/W ,/P etc/W .../P");
    }

    #[test]
    fn dotted_acronyms() {
        assert_whole("U.S. U.K. e.g. i.e. a.m. p.m. Ph.D. J.R.R. W.Va.", 'W');
        assert_eq!(show("U.S.-based U.S.Army"), "U.S.-based/W U.S./W Army/W");
        assert_eq!(show("(e.g., this)"), "(/P e.g./W ,/P this/W )/P");
        // Run-together sentences are no acronym.
        assert_eq!(show("to.He"), "to/W ./P He/W");
    }

    #[test]
    fn party_and_state_labels() {
        assert_eq!(
            words("Sen. Ruiz, D-Calif., and Rep. Lee, R-N.Y., said"),
            ["Sen.", "Ruiz", ",", "D-Calif.", ",", "and", "Rep.", "Lee", ",", "R-N.Y.", ",", "said"]
        );
    }

    #[test]
    fn initials() {
        assert_eq!(
            words("John F. Kennedy and J.K. Rowling met H. G. Wells"),
            ["John", "F.", "Kennedy", "and", "J.K.", "Rowling", "met", "H.", "G.", "Wells"]
        );
        // A lowercase letter is no initial.
        assert_eq!(show("plan b."), "plan/W b/W ./P");
    }

    #[test]
    fn abbreviation_possessive() {
        assert_eq!(show("Apple Inc.’s profit and the U.S.'s"), "Apple/W Inc./W ’s/W profit/W and/W the/W U.S./W 's/W");
    }

    #[test]
    fn numbers() {
        assert_eq!(
            show("3.5 1,000 $250,000 9:24 2019 45% 24/7 €1.5bn 0.25."),
            "3.5/N 1,000/N $/S 250,000/N 9:24/N 2019/N 45/N %/S 24/7/N €/S 1.5bn/W 0.25/N ./P"
        );
        // Separators join digits only.
        assert_eq!(show("in 2019, 20 of them: 5/ x"), "in/W 2019/N ,/P 20/N of/W them/W :/P 5/N //P x/W");
    }

    #[test]
    fn ellipses_and_runs() {
        assert_eq!(show("wait… then... more . . . end"), "wait/W …/P then/W .../P more/W ./P ./P ./P end/W");
        assert_eq!(show("What?! No!!"), "What/W ?!/P No/W !!/P");
    }

    #[test]
    fn emoji_and_symbols() {
        assert_eq!(
            show("great👍🏽 job 👨‍👩‍👧 🇺🇸🇬🇧 ❤️ © #1 @copydesk a+b"),
            "great/W 👍🏽/S job/W 👨‍👩‍👧/S 🇺🇸/S 🇬🇧/S ❤️/S ©/S #/S 1/N @/S copydesk/W a/W +/S b/W"
        );
    }

    #[test]
    fn cjk_and_other_scripts() {
        assert_eq!(show("東京は晴れ。明日も！"), "東京は晴れ/W 。/P 明日も/W ！/P");
        assert_eq!(show("«Привет», — сказал он."), "«/Q Привет/W »/Q ,/P —/D сказал/W он/W ./P");
        assert_eq!(show("नमस्ते दुनिया।"), "नमस्ते/W दुनिया/W ।/P");
        assert_eq!(show("¿Qué? ١٢٣"), "¿/P Qué/W ?/P ١٢٣/N");
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        assert_eq!(words("cafe\u{301} au lait"), ["cafe\u{301}", "au", "lait"]);
        assert_eq!(words("co\u{ad}operate"), ["co\u{ad}operate"]);
        assert_eq!(show("!\u{301} \u{301}"), "!\u{301}/P \u{301}/S");
    }

    #[test]
    fn invisible_separators_split_but_never_appear_in_tokens() {
        assert_eq!(words("a\u{200b}b\u{feff}c\u{200e}d\u{0}e"), ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn urls_emails_and_domains() {
        assert_eq!(
            words("See https://example.org/a_(b)?x=1. Or www.example.com, (http://x.io/p)"),
            ["See", "https://example.org/a_(b)?x=1", ".", "Or", "www.example.com", ",", "(", "http://x.io/p", ")"]
        );
        assert_eq!(
            words("Write to desk.news@example.co.uk or visit Amazon.com."),
            ["Write", "to", "desk.news@example.co.uk", "or", "visit", "Amazon.com", "."]
        );
        assert_eq!(show("“https://x.io”"), "“/Q https://x.io/W ”/Q");
        assert_eq!(show("www. example"), "www/W ./P example/W");
    }

    #[test]
    fn ampersand_between_capitals() {
        assert_eq!(show("AT&T and S&P, Q&A; salt&pepper"), "AT&T/W and/W S&P/W ,/P Q&A/W ;/P salt/W &/S pepper/W");
    }

    #[test]
    fn brackets_and_other_punct() {
        assert_eq!(show("(a) [b] {c}; d/e"), "(/P a/W )/P [/P b/W ]/P {/P c/W }/P ;/P d/W //P e/W");
    }

    // ---- sentences ------------------------------------------------------------------------

    #[test]
    fn simple_sentences() {
        assert_eq!(
            sents("The vote passed. Critics objected! Will it last? Nobody knows"),
            ["The vote passed.", "Critics objected!", "Will it last?", "Nobody knows"]
        );
    }

    #[test]
    fn no_sentences_without_tokens() {
        assert!(sents("").is_empty());
        assert!(sentences("   ", &tokenize("   "), &[Span { start: 0, end: 3 }]).is_empty());
        assert!(sentences("Text.", &tokenize("Text."), &[]).is_empty());
    }

    #[test]
    fn titles_never_end_a_sentence() {
        let text = "Mr. Smith met Gen. Asif and Dr. He at Sen. Ward's office.";
        assert_eq!(sents(text), [text]);
    }

    #[test]
    fn abbreviations_before_names_and_numbers_do_not_split() {
        let text = "U.S. officials met on Jan. 5 at No. 10 with Acme Corp. Chief Lee.";
        assert_eq!(sents(text), [text]);
        let text = "The talks, in St. Louis, ended at 9 p.m. Friday.";
        assert_eq!(sents(text), [text]);
    }

    #[test]
    fn abbreviation_before_a_function_word_ends_the_sentence() {
        assert_eq!(
            sents("The envoy arrived in the U.S. The talks begin today."),
            ["The envoy arrived in the U.S.", "The talks begin today."]
        );
        assert_eq!(
            sents("They sell pens, paper, etc. But sales fell."),
            ["They sell pens, paper, etc.", "But sales fell."]
        );
        assert_eq!(
            sents("He joined Acme Inc. “The pay is good,” he said."),
            ["He joined Acme Inc.", "“The pay is good,” he said."]
        );
        // Known limit: a capitalised content word after a final abbreviation does not split.
        assert_eq!(sents("He joined Acme Inc. Shares rose."), ["He joined Acme Inc. Shares rose."]);
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(
            sents("John F. Kennedy spoke. J. K. Rowling wrote."),
            ["John F. Kennedy spoke.", "J. K. Rowling wrote."]
        );
        assert_eq!(sents("He got an A. Then he left."), ["He got an A.", "Then he left."]);
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            sents("Prices rose 3.5 percent. Wages rose 2.1 percent."),
            ["Prices rose 3.5 percent.", "Wages rose 2.1 percent."]
        );
    }

    #[test]
    fn lowercase_continues_but_camel_case_and_digits_start() {
        assert_eq!(sents("It rose to 5. and then fell."), ["It rose to 5. and then fell."]);
        assert_eq!(
            sents("Apple sold it. iPhone sales rose. 2019 was worse."),
            ["Apple sold it.", "iPhone sales rose.", "2019 was worse."]
        );
    }

    #[test]
    fn quotes_around_sentences() {
        assert_eq!(sents("“We will win,” he said. She agreed."), ["“We will win,” he said.", "She agreed."]);
        assert_eq!(
            sents("“Why?” he asked. “Because.” Then silence."),
            ["“Why?” he asked.", "“Because.”", "Then silence."]
        );
        assert_eq!(sents("She said \"no.\" Then she left."), ["She said \"no.\"", "Then she left."]);
        assert_eq!(sents("He called it ‘done.’ It was not."), ["He called it ‘done.’", "It was not."]);
        assert_eq!(sents("He asked “why?”. Nobody answered."), ["He asked “why?”.", "Nobody answered."]);
    }

    #[test]
    fn a_spaced_right_quote_still_closes() {
        assert_eq!(
            sents("They called it “ bird lung. ” But it spread. “ Why? ” she asked."),
            ["They called it “ bird lung. ”", "But it spread.", "“ Why? ” she asked."]
        );
    }

    #[test]
    fn list_numbers_do_not_end_a_sentence() {
        assert_eq!(
            sents("2. Talks resume\n3. The vote. It passed.\nIt ended 3. Then"),
            ["2. Talks resume", "3. The vote.", "It passed.", "It ended 3.", "Then"]
        );
    }

    #[test]
    fn sentences_split_inside_a_quotation() {
        assert_eq!(sents("He said: “We will win. And big.”"), ["He said: “We will win.", "And big.”"]);
    }

    #[test]
    fn closing_brackets_stay_with_their_sentence() {
        assert_eq!(sents("He left (for good.) Then we ate."), ["He left (for good.)", "Then we ate."]);
        assert_eq!(sents("A note. (Another one.) End"), ["A note.", "(Another one.)", "End"]);
    }

    #[test]
    fn ellipses_split_only_before_a_sentence_start() {
        assert_eq!(
            sents("He paused… Then he spoke. Wait... and see."),
            ["He paused…", "Then he spoke.", "Wait... and see."]
        );
        assert_eq!(sents("It went on . . . The end."), ["It went on . . .", "The end."]);
    }

    #[test]
    fn cjk_full_stops_always_split() {
        assert_eq!(sents("東京は晴れ。明日も晴れ。"), ["東京は晴れ。", "明日も晴れ。"]);
    }

    #[test]
    fn sentences_stay_in_their_paragraph() {
        let text = "First paragraph without a stop\nSecond one. Two sentences.\n\n  Third  \n";
        assert_eq!(sents(text), ["First paragraph without a stop", "Second one.", "Two sentences.", "Third"]);
        // A paragraph ending with an abbreviation still ends there.
        assert_eq!(sents("Made in the U.S.\nThen shipped."), ["Made in the U.S.", "Then shipped."]);
    }

    #[test]
    fn paragraphs_in_any_order_and_partial_tokens() {
        let text = "One. Two.\nThree.";
        let tokens = tokenize(text);
        let paragraphs = [Span { start: 10, end: 16 }, Span { start: 0, end: 9 }];
        let found = sentences(text, &tokens, &paragraphs);
        let found: Vec<_> = found.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(found, ["Three.", "One.", "Two."]);
        // A token cut by the paragraph's end is not in it.
        assert_eq!(sentences(text, &tokens, &[Span { start: 0, end: 7 }]), [Span { start: 0, end: 4 }]);
        // Spans beyond the text are harmless.
        assert!(sentences(text, &tokens, &[Span { start: 50, end: 90 }]).is_empty());
    }

    // ---- word lists and classes -----------------------------------------------------------

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [TITLES, CAPITALIZED, ANY_CASE] {
            let sorted = list.windows(2).all(|w| cmp_ignore_ascii_case(w[0], w[1]).is_lt());
            assert!(sorted, "{list:?}");
            for word in list {
                assert!(word.len() <= MAX_ABBREVIATION_LEN);
                assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word}");
            }
        }
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(TITLES.iter().all(|t| !CAPITALIZED.contains(t) && !ANY_CASE.contains(t)));
    }

    #[test]
    fn fast_paths_agree_with_std() {
        for c in (0..0x10000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn unicode_classes() {
        for c in ['\u{301}', '\u{94d}', '\u{200d}', '\u{fe0f}', '\u{1f3fd}', '\u{20e3}'] {
            assert!(is_mark(c), "{c:?}");
        }
        for c in ['a', '’', '😀', '\u{200b}', '.', '€'] {
            assert!(!is_mark(c), "{c:?}");
        }
        for c in ['¿', '،', '，', '。', '§'] {
            assert_eq!(punct_or_symbol(c), TokenKind::Punct, "{c:?}");
        }
        for c in ['°', '£', '％', '™', '😀'] {
            assert_eq!(punct_or_symbol(c), TokenKind::Symbol, "{c:?}");
        }
    }

    // ---- properties -----------------------------------------------------------------------

    /// Text made of the pieces the rules care about, so that properties meet the edge cases.
    fn newsy() -> impl Strategy<Value = String> {
        const PIECES: &[&str] = &[
            " ",
            " ",
            "\n",
            "\r\n",
            "\u{a0}",
            "\u{200b}",
            "\u{feff}",
            "\u{0}",
            "The",
            "the",
            "s",
            "Mr",
            "U",
            "S",
            "e",
            "g",
            "A",
            "iPhone",
            "don",
            "Sanders",
            "90",
            "3",
            "1,000",
            ".",
            ".",
            ",",
            "!",
            "?",
            "…",
            "'",
            "’",
            "‘",
            "“",
            "”",
            "\"",
            "`",
            "-",
            "—",
            "–",
            "(",
            ")",
            ":",
            "/",
            "&",
            "@",
            "$",
            "%",
            "\u{301}",
            "\u{ad}",
            "\u{200d}",
            "\u{fe0f}",
            "👍",
            "🏽",
            "🇺",
            "東京",
            "。",
            "www",
            "http://",
            "https://a",
            "é",
            "n't",
            "'s",
        ];
        let piece = prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<String>(),
        ];
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    fn check_tokens(text: &str, tokens: &[Token]) -> Result<(), TestCaseError> {
        let mut prev_end = 0;
        for t in tokens {
            prop_assert!(prev_end <= t.start && t.start < t.end && t.end <= text.len());
            prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prop_assert!(!text[t.start..t.end].contains(char::is_whitespace), "{:?}", t);
            prev_end = t.end;
        }
        // Tokens cover exactly the characters that are not separators.
        let mut rest = tokens.iter().peekable();
        for (i, c) in text.char_indices() {
            while rest.next_if(|t| t.end <= i).is_some() {}
            let covered = rest.peek().is_some_and(|t| t.start <= i);
            prop_assert_eq!(covered, !is_separator(c), "{:?} at {}", c, i);
        }
        Ok(())
    }

    /// Each paragraph's sentences, in order, partition the tokens lying inside it.
    fn check_sentences(text: &str, tokens: &[Token], paragraphs: &[Span]) -> Result<(), TestCaseError> {
        let found = sentences(text, tokens, paragraphs);
        let mut found = found.iter().peekable();
        for p in paragraphs {
            let mut inside = tokens.iter().filter(|t| p.start <= t.start && t.end <= p.end).peekable();
            let has_tokens = inside.peek().is_some();
            let mut count = 0;
            while let Some(s) = found.next_if(|s| p.start <= s.start && s.end <= p.end) {
                let first = inside.next();
                prop_assert_eq!(first.map(|t| t.start), Some(s.start));
                let mut end = first.map(|t| t.end);
                while let Some(t) = inside.next_if(|t| t.end <= s.end) {
                    end = Some(t.end);
                }
                prop_assert_eq!(end, Some(s.end));
                count += 1;
            }
            prop_assert!(inside.next().is_none());
            prop_assert_eq!(has_tokens, count > 0);
        }
        prop_assert!(found.next().is_none());
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn tokens_are_well_formed_on_any_string(text in any::<String>()) {
            check_tokens(&text, &tokenize(&text))?;
        }

        #[test]
        fn tokens_are_well_formed_on_newsy_text(text in newsy()) {
            check_tokens(&text, &tokenize(&text))?;
        }

        #[test]
        fn sentences_partition_paragraph_tokens(text in newsy()) {
            check_sentences(&text, &tokenize(&text), &paras(&text))?;
        }

        #[test]
        fn sentences_stay_inside_arbitrary_spans(
            text in newsy(),
            spans in prop::collection::vec((0usize..200, 0usize..200), 0..6),
        ) {
            let tokens = tokenize(&text);
            let paragraphs: Vec<Span> = spans.iter().map(|&(start, end)| Span { start, end }).collect();
            for s in sentences(&text, &tokens, &paragraphs) {
                prop_assert!(paragraphs.iter().any(|p| p.start <= s.start && s.end <= p.end));
                prop_assert!(s.start < s.end && s.end <= text.len());
            }
        }
    }
}
