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
//! brackets attached to them) when the next token starts a sentence: a word that is not lowercase
//! (or is camel-cased, as in `iPhone`), a number, a quote, an opening bracket or a symbol. CJK and
//! Indic full stops always split. A word ending in a period (abbreviation, acronym, initial) ends a
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
    "adm", "atty", "brig", "capt", "cdr", "cmdr", "col", "cpl", "det", "dr", "fr", "gen", "gov",
    "hon", "insp", "lt", "maj", "messrs", "mlle", "mme", "mmes", "mr", "mrs", "ms", "msgr", "pfc",
    "pres", "prof", "pvt", "rep", "reps", "rev", "rt", "sen", "sens", "sgt", "supt",
];

/// Capitalised abbreviations that may end a sentence: company and name suffixes, places, months
/// and AP-style US states.
const CAPITALIZED: &[&str] = &[
    "ala", "apr", "ariz", "ark", "assn", "aug", "ave", "blvd", "bros", "calif", "co", "colo",
    "conn", "corp", "cos", "dec", "del", "dept", "esq", "feb", "fig", "fla", "ft", "ga", "hwy",
    "ill", "inc", "ind", "jan", "jr", "jul", "jun", "kan", "kans", "ky", "la", "ltd", "mar", "mass",
    "md", "mich", "minn", "miss", "mo", "mont", "mt", "neb", "nev", "no", "nos", "nov", "oct",
    "okla", "ore", "pa", "rd", "sep", "sept", "sr", "st", "tenn", "tex", "univ", "va", "vol",
    "vols", "vt", "wash", "wis", "wyo",
];

/// Abbreviations in any case ("etc.", "vs.", "Roe v. Wade").
const ANY_CASE: &[&str] = &["al", "approx", "cf", "etc", "incl", "pp", "v", "viz", "vs"];

/// The longest entry of the abbreviation lists, to skip the lookup for longer words.
const MAX_ABBREVIATION_LEN: usize = 6;

/// Capitalised words that commonly start a sentence. After an abbreviation that may end a
/// sentence ("U.S.", "Inc.", "etc."), one of these means the sentence did end. Sorted.
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
        if c.is_alphanumeric() {
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
        if matches!(c, '\'' | '`') && next == Some(c) {
            // '' and `` are one quotation mark, as in PTB-style text.
            return self.push(i, end + 1, TokenKind::Quote);
        }
        if !matches!(c, '\'' | '’') {
            self.open_single = true;
            return self.push(i, end, TokenKind::Quote);
        }
        let prev = char_before(text, i);
        let before_alnum = next.is_some_and(char::is_alphanumeric);
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
        if !prev.is_none_or(is_separator) {
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
        let spaced = char_before(text, i).is_none_or(is_separator)
            && char_at(text, end).is_none_or(is_separator);
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
fn token_text(text: &str, t: &Token) -> &str {
    text.get(t.start..t.end).unwrap_or("")
}

/// Whether the word pieces `s` makes a Word (it has a letter) or a Number.
fn kind_of(s: &str) -> TokenKind {
    if s.chars().any(char::is_alphabetic) { TokenKind::Word } else { TokenKind::Number }
}

/// Characters between tokens: whitespace, controls, and the invisible zero-width space, word
/// joiner, BOM and bidi controls.
fn is_separator(c: char) -> bool {
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
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '‹' | '›' | '〝' | '〞' | '〟' | '「' | '」' | '『'
            | '』' | '＂' | '＇'
    )
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
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
        Some('#' | '$' | '%' | '&' | '*' | '+' | '<' | '=' | '>' | '@' | '^' | '|' | '~') => {
            TokenKind::Symbol
        }
        Some(_) => TokenKind::Punct,
        None => match c {
            '\u{2010}'..='\u{205E}' | '\u{3000}'..='\u{303F}' | '\u{FF5F}'..='\u{FF65}' => {
                TokenKind::Punct
            }
            '\u{20A0}'..='\u{20CF}' | '\u{2100}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}' => {
                TokenKind::Symbol
            }
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
            let joined = char_at(text, end)
                .filter(|&e| matches!(e, '\u{2190}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}'));
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
        i = dotted_acronym(text, i).unwrap_or_else(|| skip_word_chars(text, i));
        match connector_end(text, i) {
            Some(next) => i = next,
            None => return i,
        }
    }
}

fn skip_word_chars(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    i + rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len())
}

/// A dotted acronym at `i`: two or more groups of one letter, or of a capital and a small letter,
/// each followed by a period ("U.S.", "a.m.", "Ph.D.", "W.Va."). Returns its end.
///
/// The capital-then-small rule keeps run-together sentences such as "to.He." out.
fn dotted_acronym(text: &str, mut i: usize) -> Option<usize> {
    let mut groups = 0;
    loop {
        let mut chars = text[i..].chars();
        let Some(a) = chars.next().filter(|a| a.is_alphabetic()) else { break };
        let len = match chars.next() {
            Some('.') => a.len_utf8(),
            Some(b) if a.is_uppercase() && b.is_lowercase() && chars.next() == Some('.') => {
                a.len_utf8() + b.len_utf8()
            }
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
    let next = chars.next().filter(|n| n.is_alphanumeric())?;
    let prev = char_before(text, i)?;
    let joins = match c {
        c if is_hyphen(c) => true,
        '\'' | '’' => is_word_char(prev) && next.is_alphabetic(),
        '.' => {
            (prev.is_numeric() && next.is_numeric())
                || (prev.is_alphanumeric() && next.is_ascii_lowercase())
        }
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
    } else if (capitalized && contains_ignore_case(CAPITALIZED, word))
        || contains_ignore_case(ANY_CASE, word)
    {
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
    if let Some(k) = ["n't", "n’t"].iter().find_map(|neg| suffix_start_ignore_case(word, neg)) {
        return (k > 0).then_some(k);
    }
    let apostrophe = word.rfind(['\'', '’'])?;
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
        match sentence_end(text, tokens, k) {
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

/// If a sentence ends with token `k`, the index of its last token: `k` plus the closing quotes
/// and brackets attached to it.
fn sentence_end(text: &str, tokens: &[Token], k: usize) -> Option<usize> {
    let ending = ending(text, &tokens[k])?;
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

/// The index of the last closing quote or bracket attached (without a space) after token `k`.
fn closers_end(text: &str, tokens: &[Token], k: usize) -> usize {
    let mut last = k;
    while let Some(next) = tokens.get(last + 1) {
        let closes = next.kind == TokenKind::Quote
            || matches!(token_text(text, next), ")" | "]" | "}");
        if next.start != tokens[last].end || !closes {
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
        TokenKind::Number | TokenKind::Quote | TokenKind::Symbol => true,
        TokenKind::Punct => matches!(token_text(text, t), "(" | "[" | "{" | "¿" | "¡"),
        TokenKind::Dash => false,
    }
}

/// Whether `rest` starts (maybe after an opening quote) with a capitalised function word.
fn starts_with_function_word(text: &str, rest: &[Token]) -> bool {
    let skip = usize::from(rest.first().is_some_and(|t| t.kind == TokenKind::Quote));
    rest.get(skip).is_some_and(|t| {
        t.kind == TokenKind::Word && FUNCTION_WORDS.binary_search(&token_text(text, t)).is_ok()
    })
}
