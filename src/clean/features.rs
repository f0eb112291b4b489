//! What the cleaner measures about one block: length in words, sentence-final punctuation,
//! stop-word share and capitalisation. These are language-light on purpose: stop words cover the
//! commonest Latin-script news languages, and scripts without spaces are counted by characters.

use std::sync::LazyLock;

use super::vocab::{self, Reason};
use crate::fasthash::FxHashSet;

/// Function words of English, Spanish, Portuguese, French, Italian, German and Russian: a block of prose
/// is full of them, a menu or a headline much less so.
static STOP_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    concat!(
        // English
        "a about above after again against all also am an and any are as at be because been before being ",
        "below between both but by can could did do does doing down during each few for from further had has ",
        "have having he her here hers herself him himself his how i if in into is it its itself just me more ",
        "most my no nor not now of off on once only or other our ours out over own same she should so some ",
        "such than that the their theirs them then there these they this those through to too under until up ",
        "very was we were what when where which while who whom why will with would you your ",
        // Spanish / Portuguese
        "el la los las un una unos unas y o pero de del al en con por para sin sobre es son fue era ser está ",
        "que se lo le les su sus como más muy ya no sí este esta esto ese esa eso cuando donde porque ",
        "o os as um uma uns umas e mas do da dos das no na nos nas em com por para sem é são foi era ser está ",
        "que se ele ela eles elas seu sua seus suas como mais muito já não sim este esta isso esse essa quando onde ",
        // French
        "le la les un une des et ou mais de du au aux en dans par pour sur avec sans est sont été être a ont ",
        "que qui ce cette ces il elle ils elles son sa ses leur leurs comme plus très ne pas ",
        // Italian
        "il lo la gli le un uno una e o ma di del della dei delle da in con per su è sono era essere che chi ",
        "questo questa quello quella suo sua suoi come più molto non ",
        // German
        "der die das den dem des ein eine einer eines einem und oder aber von zu im mit für auf ist sind war ",
        "sein dass wie auch nicht es sie er wir ich ",
        // Russian
        "и в во не на я что он она они мы вы ты с со как а то все всё так его ее её но да к ко у же за бы по ",
        "только мне было вот от меня еще ещё нет о об из ему когда даже ли если уже или ни быть был была были ",
        "до вас там потом себя ей может тут где есть надо для чем без чтобы это этот эта эти того при после над ",
        "через про под который которая которые также",
    )
    .split(' ')
    .filter(|w| !w.is_empty())
    .collect()
});

/// Measurements of one block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Features {
    /// Words: runs of letters or digits; in scripts written without spaces, two characters count
    /// as one word.
    pub words: usize,
    /// Ends like a sentence (`.`, `!`, `?`, `…`, or their CJK forms, before any closing quote or
    /// bracket), or with a colon after a long block.
    pub terminal: bool,
    /// Share of words that are stop words.
    pub stop_share: f32,
    /// Share of alphabetic words that start with a capital letter.
    pub caps_share: f32,
    /// Whether most of the block's letters are in a script written without spaces.
    pub unspaced_script: bool,
    /// Whether most of the block's letters are in a script the stop-word list does not cover
    /// (Hangul, Greek, Arabic, …): its stop-word share says nothing then.
    pub uncovered_script: bool,
    /// The furniture reason its wording gives, if any.
    pub furniture: Option<Reason>,
    /// Whether the block opens a comment section ([`vocab::opens_comment_section`]).
    pub opens_comments: bool,
}

/// Whether the stop-word list covers the script of `c` (Latin or Cyrillic).
fn is_covered_script(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF | 0x400..=0x4FF) || c.is_numeric()
}

fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF // Hiragana, Katakana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF // CJK ideographs
        | 0x0E00..=0x0EFF // Thai, Lao
    )
}

/// The runs of alphanumeric characters in `text` (`text.split(|c: char| !c.is_alphanumeric())`
/// without the empty pieces), each with whether it is all ASCII. Walks bytes so that ASCII, most
/// of any text, needs no char decoding or Unicode tables.
pub(crate) fn alnum_runs(text: &str) -> AlnumRuns<'_> {
    AlnumRuns { text, at: 0 }
}

/// The iterator of [`alnum_runs`].
pub(crate) struct AlnumRuns<'a> {
    text: &'a str,
    /// Where the search for the next run starts (always a char boundary).
    at: usize,
}

/// Which bytes are ASCII letters or digits: a table lookup is cheaper than the range tests.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

impl<'a> Iterator for AlnumRuns<'a> {
    type Item = (&'a str, bool);

    #[inline]
    fn next(&mut self) -> Option<(&'a str, bool)> {
        let bytes = self.text.as_bytes();
        let mut i = self.at;
        // Skip the separators.
        while i < bytes.len() {
            let b = bytes[i];
            if ASCII_ALNUM[usize::from(b)] {
                break;
            }
            if b.is_ascii() {
                i += 1;
                continue;
            }
            let c = char_at(self.text, i);
            if c.is_alphanumeric() {
                break;
            }
            i += c.len_utf8();
        }
        if i >= bytes.len() {
            self.at = i;
            return None;
        }
        // Take the run.
        let start = i;
        let mut ascii = true;
        while i < bytes.len() {
            let b = bytes[i];
            if ASCII_ALNUM[usize::from(b)] {
                i += 1;
                continue;
            }
            if b.is_ascii() {
                break;
            }
            let c = char_at(self.text, i);
            if !c.is_alphanumeric() {
                break;
            }
            ascii = false;
            i += c.len_utf8();
        }
        self.at = i;
        Some((&self.text[start..i], ascii))
    }
}

/// The char starting at byte `at` of `text` (a char boundary before its end).
#[inline(never)]
fn char_at(text: &str, at: usize) -> char {
    text[at..].chars().next().unwrap_or(' ')
}

/// For each first byte, one bit per length in bytes of the stop words that start with it: most
/// words have a first byte and length no stop word has, and need no lower-casing or lookup.
static STOP_WORD_SHAPES: LazyLock<[u64; 256]> = LazyLock::new(|| {
    let mut shapes = [0u64; 256];
    for w in STOP_WORDS.iter() {
        shapes[usize::from(w.as_bytes()[0])] |= 1u64.checked_shl(w.len() as u32).unwrap_or(0);
    }
    shapes
});

/// Whether a stop word may start with the byte `first` and be `len` bytes long (`false` only
/// when none does; a word too long for the table is looked up).
fn may_be_stop_word(first: u8, len: usize) -> bool {
    len >= 64 || STOP_WORD_SHAPES[usize::from(first)] >> len & 1 == 1
}

/// Word counts of a block, as [`Features`] counts them.
#[derive(Default)]
struct Counts {
    /// Words outside scripts written without spaces.
    spaced_words: usize,
    unspaced_chars: usize,
    letters: usize,
    covered: usize,
    stop: usize,
    alpha_words: usize,
    capitalised: usize,
}

impl Counts {
    /// Counts the words of `text`; stop words only when `with_stop_words`. Hands every run of
    /// letters and digits to `on_run` (with whether it is ASCII) on the way.
    fn of(text: &str, with_stop_words: bool, mut on_run: impl FnMut(&str, bool)) -> Self {
        let mut n = Counts::default();
        // Long enough for any stop word: no regrowing.
        let mut lower_word = String::with_capacity(32);
        for (token, ascii) in alnum_runs(text) {
            on_run(token, ascii);
            // An ASCII token (most of them) is all letters and digits of a covered script.
            let unspaced = if ascii { 0 } else { token.chars().filter(|&c| is_unspaced_script(c)).count() };
            n.letters += if ascii { token.len() } else { token.chars().count() };
            n.covered += if ascii { token.len() } else { token.chars().filter(|&c| is_covered_script(c)).count() };
            if unspaced > 0 {
                n.unspaced_chars += unspaced;
                continue;
            }
            n.spaced_words += 1;
            if !with_stop_words {
                continue;
            }
            let first = token.chars().next().unwrap_or(' ');
            if first.is_alphabetic() {
                n.alpha_words += 1;
                if first.is_uppercase() {
                    n.capitalised += 1;
                }
            }
            lower_word.clear();
            if ascii {
                // Lower-casing keeps an ASCII word's length and lower-cases its first byte alone.
                if !token.as_bytes().first().is_some_and(|b| may_be_stop_word(b.to_ascii_lowercase(), token.len())) {
                    continue;
                }
                lower_word.push_str(token);
                lower_word.make_ascii_lowercase();
            } else {
                lower_word.extend(token.chars().flat_map(char::to_lowercase));
            }
            if STOP_WORDS.contains(lower_word.as_str()) {
                n.stop += 1;
            }
        }
        n
    }

    /// Words: in scripts written without spaces, two characters count as one word.
    fn words(&self) -> usize {
        self.spaced_words + self.unspaced_chars.div_ceil(2)
    }
}

/// The number of words in `text`, as [`Features::of`] counts them, without the rest of its work.
pub fn word_count(text: &str) -> usize {
    Counts::of(text, false, |_, _| {}).words()
}

impl Features {
    /// Measures `text`.
    pub fn of(text: &str) -> Self {
        Features::measure(text, |_, _| {}).0
    }

    /// Measures `text`, handing every run of letters and digits to `on_run` (with whether it is
    /// ASCII) on the way; returns the block [`vocab::fold`]ed as well.
    pub(crate) fn measure(text: &str, on_run: impl FnMut(&str, bool)) -> (Self, String) {
        let n = Counts::of(text, true, on_run);
        let words = n.words();
        let unspaced_script = n.unspaced_chars * 2 > n.letters;
        let uncovered_script = !unspaced_script && n.covered * 2 < n.letters;
        let last = text.trim_end_matches(|c: char| "\"'”’»)]*".contains(c) || c.is_whitespace()).chars().last();
        // Lower-cased once for both vocabulary checks.
        let folded = vocab::fold(text);
        let terminal =
            matches!(last, Some('.' | '!' | '?' | '…' | '。' | '！' | '？')) || (last == Some(':') && words >= 8);
        let features = Features {
            words,
            terminal,
            stop_share: if words == 0 { 0.0 } else { n.stop as f32 / words as f32 },
            caps_share: if n.alpha_words == 0 { 0.0 } else { n.capitalised as f32 / n.alpha_words as f32 },
            unspaced_script,
            uncovered_script,
            furniture: vocab::furniture_folded(text, &folded, words),
            opens_comments: vocab::opens_comment_section_folded(text, &folded),
        };
        (features, folded)
    }

    /// Whether the block reads as running text: a sentence of some length.
    pub fn is_prose(&self) -> bool {
        if self.furniture.is_some() {
            return false;
        }
        if self.unspaced_script {
            return self.terminal && self.words >= 15;
        }
        // Without stop words to go by, length and the full stop must do.
        let stop_share = if self.uncovered_script { 1.0 } else { self.stop_share };
        (self.terminal && self.words >= 8 && stop_share >= 0.1) || (self.words >= 25 && stop_share >= 0.2)
    }

    /// Whether the block is a short sentence (ends like one and has a function word).
    pub fn is_short_sentence(&self) -> bool {
        self.furniture.is_none()
            && self.terminal
            && self.words >= 2
            && (self.stop_share > 0.0 || self.unspaced_script || self.uncovered_script)
    }

    /// Whether the block could be a headline: a few words, not a finished sentence.
    pub fn is_heading_like(&self) -> bool {
        self.furniture.is_none() && (3..=30).contains(&self.words) && !self.terminal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_and_stop_words() {
        let f = Features::of("The talks in Istanbul collapsed on Monday.");
        assert_eq!(f.words, 7);
        assert!(f.terminal);
        assert!((f.stop_share - 3.0 / 7.0).abs() < 1e-6);
    }

    #[test]
    fn prose_versus_menus_and_headlines() {
        assert!(
            Features::of(
                "Iran’s Foreign Minister expressed readiness to mediate between the two after their talks collapsed."
            )
            .is_prose()
        );
        assert!(!Features::of("Home").is_prose());
        assert!(!Features::of("Zach Parise heating up, scores twice as Wild beat Sabres 4-1").is_prose());
        assert!(Features::of("Zach Parise heating up, scores twice as Wild beat Sabres 4-1").is_heading_like());
    }

    #[test]
    fn closing_quotes_do_not_hide_the_full_stop() {
        assert!(Features::of("“That’s perfect,” Boudreau said. “It’s the mark of a true competitor.”").terminal);
    }

    #[test]
    fn unspaced_scripts_count_by_characters() {
        let f = Features::of("東京都は月曜日に新しい計画を発表した。");
        assert!(f.unspaced_script);
        assert!(f.terminal);
        assert!(f.words >= 8);
    }

    #[test]
    fn russian_prose_has_stop_words() {
        let f =
            Features::of("Министр сказал в понедельник, что переговоры возобновятся на следующей неделе в столице.");
        assert!(f.stop_share > 0.1);
        assert!(f.is_prose());
        assert!(!Features::of("Новости спорта").is_prose());
    }

    #[test]
    fn scripts_without_a_stop_word_list_go_by_length_and_the_full_stop() {
        // Invented Korean sentence: "The minister said on Monday that the talks would resume in the capital next week."
        let f = Features::of(
            "장관은 월요일에 다음 주 수도에서 회담이 다시 열릴 것이라고 말했다 그리고 양측은 합의를 기대한다.",
        );
        assert!(f.uncovered_script);
        assert!(f.is_prose());
        let menu = Features::of("전체 뉴스");
        assert!(!menu.is_prose());
        assert!(!menu.is_short_sentence());
        assert!(!Features::of("The talks resumed in the capital on Monday.").uncovered_script);
    }
}
