//! Speaker candidates around a cue, and their resolution to a canonical name.
//!
//! A speaker is a name (a run of capitalised tokens, roles such as "Foreign Minister" stripped),
//! an entity mention when the entity stage found one there, a pronoun, or a nominal phrase
//! ("the minister", "Brazilian media outlets", "analysts in Lisbon"). All searches stay inside one
//! sentence and a few tokens, so the cost per cue is bounded.

use std::sync::OnceLock;

use crate::fasthash::{FxHashMap, FxHashSet};

use super::{Doc, NONE};
use crate::Label;
use crate::segment::TokenKind;

/// What kind of phrase names the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpeakerKind {
    /// A proper name ("Lena Varga") or an entity mention.
    Name,
    /// He, she, they, …
    Pronoun,
    /// A description: "the minister", "Brazilian media outlets".
    Nominal,
}

/// A speaker mention: tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Speaker {
    pub first: usize,
    pub last: usize,
    pub kind: SpeakerKind,
    /// For a relative pronoun ("X, who said"): the speaker it stands for.
    pub ante: Option<(usize, usize, SpeakerKind)>,
}

impl Speaker {
    pub(crate) fn new(first: usize, last: usize, kind: SpeakerKind) -> Speaker {
        Speaker { first, last, kind, ante: None }
    }
}

/// Token `i`'s text with ASCII capitals lowered.
pub(crate) fn lower<'d>(doc: &'d Doc<'_>, i: usize) -> &'d str {
    &doc.lower[i]
}

fn is_in(list: &WordSet, w: &str) -> bool {
    list.contains(w)
}

/// A fixed list of words, looked up through a hash set made on first use: the lists run to
/// hundreds of words and are consulted for most tokens, so scanning them was ~5% of `analyze`.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordSet {
    const fn new(words: &'static [&'static str]) -> Self {
        WordSet { words, set: OnceLock::new() }
    }

    fn contains(&self, w: &str) -> bool {
        self.set.get_or_init(|| self.words.iter().copied().collect()).contains(w)
    }
}

static PRONOUNS: WordSet = WordSet::new(&["he", "she", "they", "i", "we", "it", "you"]);

static DETERMINERS: WordSet = WordSet::new(&[
    "the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my", "your", "some", "many",
    "several", "most", "other", "another", "both", "each", "every", "all", "few", "two", "three", "four", "five",
    "one", "no", "any", "such", "more",
]);

/// Words that never belong to a subject phrase.
static STOP: WordSet = WordSet::new(&[
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "when",
    "where",
    "why",
    "how",
    "if",
    "because",
    "while",
    "although",
    "though",
    "as",
    "than",
    "after",
    "before",
    "since",
    "until",
    "unless",
    "whether",
    "to",
    "by",
    "on",
    "about",
    "into",
    "onto",
    "over",
    "under",
    "through",
    "against",
    "without",
    "during",
    "between",
    "among",
    "per",
    "via",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "having",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "shall",
    "may",
    "might",
    "must",
    "not",
    "n't",
    "n’t",
    "also",
    "then",
    "there",
    "here",
    "now",
    "just",
    "even",
    "still",
    "only",
    "again",
    "too",
    "very",
    "later",
    "earlier",
    "once",
    "however",
    "meanwhile",
    "instead",
    "said",
    "says",
    "say",
    "told",
    "according",
    "in",
    "at",
    "for",
    "from",
    "with",
    "of",
    "like",
    "up",
    "out",
    "off",
    "down",
    "back",
    "him",
    "them",
    "us",
    "me",
    "himself",
    "herself",
    "themselves",
    "itself",
    "ago",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
]);

/// Words skipped between a subject and its verb: auxiliaries and adverbs ("has also said").
static BETWEEN: WordSet = WordSet::new(&[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "did",
    "does",
    "do",
    "also",
    "then",
    "now",
    "later",
    "previously",
    "recently",
    "repeatedly",
    "once",
    "again",
    "often",
    "already",
    "just",
    "still",
    "never",
    "n't",
    "n’t",
    "not",
    "reportedly",
    "publicly",
    "privately",
    "simply",
    "flatly",
    "first",
    "initially",
    "ultimately",
    "finally",
    "further",
    "too",
    "even",
    "long",
    "since",
    "'s",
    "’s",
    "'re",
    "’re",
    "'ve",
    "’ve",
    "'d",
    "’d",
    "'ll",
    "’ll",
]);

/// Nouns and adjectives in -ly that are not adverbs.
static LY_NOUNS: WordSet = WordSet::new(&["daily", "weekly", "monthly", "quarterly", "family", "assembly", "rally"]);

/// A noun naming people or an organisation that acts ("a group", "donors", "super PACs").
fn is_group(doc: &Doc, i: usize) -> bool {
    let l = lower(doc, i);
    is_people_plural(doc, i)
        || is_in(&SPEAKER_NOUNS, l)
        || matches!(l, "group" | "pac" | "pacs" | "committee" | "organization" | "organizations" | "donors")
}

/// Common irregular past tenses: after a noun they start the predicate ("His office put out …").
static IRREGULAR_PAST: WordSet = WordSet::new(&[
    "put", "sent", "ran", "made", "took", "gave", "got", "went", "came", "held", "led", "left", "won", "lost",
    "brought", "kept", "paid", "met", "began", "spoke", "knew", "thought", "saw", "became", "struck", "built",
    "bought", "sold", "chose", "drew", "fell", "felt", "stood", "threw", "wore", "broke", "spent", "shot",
]);

/// Messages that a participle after them describes on behalf of their sender ("issued a statement
/// saying …", "ran ads attacking …").
static MESSAGE_NOUNS: WordSet = WordSet::new(&[
    "statement",
    "statements",
    "email",
    "emails",
    "e-mail",
    "letter",
    "ad",
    "ads",
    "release",
    "video",
    "message",
    "post",
    "tweet",
    "tweets",
    "article",
    "memo",
    "spot",
    "spots",
    "op-ed",
    "column",
    "editorial",
]);

/// Nouns in -ing that name a source ("the filing said", "the same polling suggests").
static ING_NOUNS: WordSet =
    WordSet::new(&["filing", "polling", "ruling", "finding", "briefing", "hearing", "recording", "posting", "listing"]);

/// Nouns that head a speaker phrase, so "analysts in Lisbon" is one phrase.
static SPEAKER_NOUNS: WordSet = WordSet::new(&[
    "analysts",
    "officials",
    "experts",
    "critics",
    "supporters",
    "sources",
    "residents",
    "leaders",
    "members",
    "observers",
    "aides",
    "advisers",
    "advisors",
    "voters",
    "people",
    "lawmakers",
    "diplomats",
    "economists",
    "scholars",
    "researchers",
    "activists",
    "witnesses",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "analyst",
    "expert",
    "source",
    "aide",
    "adviser",
    "advisor",
    "minister",
    "president",
    "secretary",
    "leader",
    "director",
    "chief",
    "chairman",
    "chairwoman",
    "head",
    "representatives",
    "representative",
    "spokesmen",
    "authorities",
    "commanders",
    "protesters",
    "groups",
    "media",
    "outlets",
    "reports",
    "report",
    "statement",
    "polls",
    "poll",
    "survey",
    "study",
    "candidates",
    "staff",
    "campaign",
    "professor",
    "strategist",
    "strategists",
    "executives",
    "executive",
    "employees",
    "workers",
    "students",
    "fans",
    "opponents",
    "delegates",
    "senators",
    "judges",
    "prosecutors",
    "investigators",
    "police",
    "doctors",
    "scientists",
    "journalists",
    "reporters",
]);

/// Role and title words stripped from the front of a name run ("Foreign Minister Lena Varga").
static ROLES: WordSet = WordSet::new(&[
    "president",
    "minister",
    "secretary",
    "senator",
    "sen",
    "rep",
    "reps",
    "gov",
    "governor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chairman",
    "chairwoman",
    "chair",
    "leader",
    "director",
    "chief",
    "ceo",
    "candidate",
    "nominee",
    "mayor",
    "ambassador",
    "general",
    "gen",
    "adviser",
    "advisor",
    "aide",
    "official",
    "congressman",
    "congresswoman",
    "judge",
    "justice",
    "attorney",
    "prosecutor",
    "commissioner",
    "deputy",
    "vice",
    "foreign",
    "defense",
    "defence",
    "interior",
    "prime",
    "speaker",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "professor",
    "sir",
    "lord",
    "lady",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "rev",
    "lt",
    "col",
    "capt",
    "sgt",
    "maj",
    "adm",
    "cmdr",
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "democratic",
    "presidential",
    "former",
    "acting",
    "host",
    "anchor",
    "founder",
    "strategist",
    "manager",
    "pollster",
    "economist",
    "executive",
    "head",
    "commander",
    "sheriff",
    "representative",
    "pastor",
    "bishop",
    "cardinal",
    "rabbi",
    "imam",
    "ayatollah",
    "sheikh",
    "gop",
    "state",
    "house",
    "senate",
    "majority",
    "minority",
    "whip",
    "campaign",
    "chairs",
    "frontrunner",
    "front-runner",
    "businessman",
    "billionaire",
    "mogul",
    "hopeful",
    "rival",
    "challenger",
    "incumbent",
    "lawmaker",
    "analyst",
    "expert",
    "envoy",
    "diplomat",
    "ex",
    "u.s.",
    "us",
    "assemblyman",
    "assemblywoman",
    "councilman",
    "councilwoman",
    "chancellor",
    "emir",
    "president-elect",
    "vice-president",
    "then-candidate",
    "then-president",
    "rep.",
    "atty",
    "superintendent",
    "detective",
    "officer",
    "colonel",
    "captain",
    "sergeant",
    "lieutenant",
    "admiral",
    "dean",
]);

/// Capitalised words that are not names even when they start a sentence.
static NOT_NAMES: WordSet = WordSet::new(&[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "for",
    "of",
    "to",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "so",
    "yet",
    "then",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "with",
    "without",
    "by",
    "from",
    "during",
    "since",
    "meanwhile",
    "however",
    "also",
    "still",
    "now",
    "according",
    "some",
    "many",
    "one",
    "no",
    "not",
    "yes",
    "asked",
    "said",
    "says",
    "told",
    "both",
    "all",
    "each",
    "every",
    "other",
    "another",
    "last",
    "next",
    "earlier",
    "later",
    "instead",
    "though",
    "although",
    "because",
    "indeed",
    "just",
    "like",
    "even",
    "until",
    "unless",
    "whether",
    "once",
    "today",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]);

/// Sentence adverbs and connectives, capitalised only at a sentence start: never a name nor a
/// speaker ("Moreover, Lena Ruiz said …").
static CONNECTIVES: WordSet = WordSet::new(&[
    "moreover",
    "furthermore",
    "besides",
    "additionally",
    "nevertheless",
    "nonetheless",
    "specifically",
    "separately",
    "similarly",
    "ultimately",
    "finally",
    "likewise",
    "otherwise",
    "thus",
    "hence",
    "therefore",
    "consequently",
    "accordingly",
    "notably",
    "importantly",
    "interestingly",
    "regardless",
    "overall",
]);

/// Connectors inside names ("Ursula von der Leyen", "Osama bin Laden").
static NAME_JOINERS: WordSet =
    WordSet::new(&["de", "da", "di", "del", "der", "van", "von", "bin", "al", "el", "la", "le", "du", "ibn"]);

pub(crate) fn strip_period(w: &str) -> &str {
    w.strip_suffix('.').filter(|s| !s.is_empty()).unwrap_or(w)
}

fn is_role(doc: &Doc, i: usize) -> bool {
    let l = lower(doc, i);
    let w = strip_period(l);
    is_in(&ROLES, w) || is_in(&ROLES, l) || w.starts_with("ex-") || w.starts_with("then-")
}

/// A capitalised word that may be part of a name.
pub(crate) fn is_name_word(doc: &Doc, i: usize) -> bool {
    let t = doc.toks[i];
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = doc.word(i);
    if !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let l = lower(doc, i);
    !is_in(&NOT_NAMES, l) && !is_in(&CONNECTIVES, l)
}

fn is_joiner(doc: &Doc, i: usize) -> bool {
    is_in(&NAME_JOINERS, doc.word(i))
}

/// A plural noun naming people who speak or hold views ("voters", "senators", "Republicans").
pub(crate) fn is_people_plural(doc: &Doc, i: usize) -> bool {
    let l = lower(doc, i);
    l.len() > 3
        && l.ends_with('s')
        && !l.ends_with("ss")
        && (is_in(&SPEAKER_NOUNS, l) || doc.word(i).starts_with(|c: char| c.is_uppercase()) && is_name_word(doc, i))
}

/// A function word that never heads or ends a phrase ("and", "was", "to", …).
pub(crate) fn is_stop(w: &str) -> bool {
    is_in(&STOP, w)
}

pub(crate) fn is_pronoun(doc: &Doc, i: usize) -> bool {
    doc.toks[i].kind == TokenKind::Word && is_in(&PRONOUNS, lower(doc, i))
}

/// The start of the run of name words ending at `t` (not before `floor`).
fn name_run_left(doc: &Doc, t: usize, floor: usize) -> usize {
    let mut k = t;
    while k > floor {
        let j = k - 1;
        if is_name_word(doc, j) || (is_joiner(doc, j) && j > floor && is_name_word(doc, j - 1)) {
            k = j;
        } else {
            break;
        }
    }
    k
}

/// The end (inclusive) of the run of name words starting at `i` (not after `ceil`, exclusive).
fn name_run_right(doc: &Doc, i: usize, ceil: usize) -> usize {
    let mut k = i;
    while k + 1 < ceil {
        let j = k + 1;
        if is_name_word(doc, j) || (is_joiner(doc, j) && j + 1 < ceil && is_name_word(doc, j + 1)) {
            k = j;
        } else {
            break;
        }
    }
    k
}

/// The name in the run `first..=last` once leading roles are dropped ("Foreign Minister Abbas
/// Varga" → "Lena Varga"); the whole run when it is all roles.
fn strip_roles(doc: &Doc, first: usize, last: usize) -> (usize, usize) {
    let mut start = first;
    for k in first..=last {
        if is_role(doc, k) && k < last {
            start = k + 1;
        }
    }
    (start, last)
}

/// Widens a token to the entity mention around it, when there is one and it looks like a name
/// (capitalised words only: a tagger's stray spans are ignored).
pub(crate) fn mention_tokens(doc: &Doc, i: usize) -> Option<(usize, usize)> {
    let m = *doc.mention_of.get(i)?;
    if m == NONE {
        return None;
    }
    let m = &doc.mentions[m as usize];
    if !matches!(m.label, Label::Person | Label::Org | Label::Norp | Label::Gpe) {
        return None;
    }
    let mut first = doc.toks.partition_point(|t| t.end <= m.start);
    let mut last = doc.toks.partition_point(|t| t.start < m.end).saturating_sub(1);
    while first < last && doc.toks[first].kind != TokenKind::Word {
        first += 1;
    }
    while last > first && doc.toks[last].kind != TokenKind::Word {
        last -= 1;
    }
    let looks_like_a_name = (first..=last).all(|k| is_name_word(doc, k) || is_joiner(doc, k) || is_role(doc, k));
    (first <= i && i <= last && looks_like_a_name).then_some((first, last))
}

/// A subject phrase ending at token `t` (inclusive), starting no earlier than `floor`.
pub(crate) fn np_left(doc: &Doc, t: usize, floor: usize) -> Option<Speaker> {
    np_left_phrase(doc, t, floor).map(|(s, _)| s)
}

/// [`np_left`], plus the first token of the whole phrase (roles and determiners included).
fn np_left_phrase(doc: &Doc, t: usize, floor: usize) -> Option<(Speaker, usize)> {
    let after_preposition = |first: usize| {
        first > floor && matches!(lower(doc, first - 1), "in" | "at" | "from" | "for" | "with" | "of" | "on")
    };
    if let Some((first, last)) = mention_tokens(doc, t) {
        if first >= floor && !after_preposition(first) {
            let k = if first > floor && is_role(doc, first - 1) { name_run_left(doc, first - 1, floor) } else { first };
            return Some((Speaker::new(first, last, SpeakerKind::Name), k));
        }
    }
    // "the two wrote": a number after "the" standing for people named before.
    if t > floor && lower(doc, t - 1) == "the" && matches!(lower(doc, t), "two" | "three" | "four" | "five") {
        return Some((Speaker::new(t - 1, t, SpeakerKind::Nominal), t - 1));
    }
    let tok = doc.toks[t];
    if tok.kind != TokenKind::Word {
        return None;
    }
    let lt = lower(doc, t);
    if is_pronoun(doc, t) {
        return Some((Speaker::new(t, t, SpeakerKind::Pronoun), t));
    }
    let capital = is_name_word(doc, t);
    if is_in(&STANDALONE, lt) && (t == floor || !matches!(doc.toks[t - 1].kind, TokenKind::Word | TokenKind::Number)) {
        // "Another said", "Some argued": a quantifier standing for people.
        return Some((Speaker::new(t, t, SpeakerKind::Nominal), t));
    }
    if !capital && (is_in(&STOP, lt) || is_in(&DETERMINERS, lt) || looks_verbal(lt) && !is_in(&ING_NOUNS, lt)) {
        return None;
    }
    if is_in(&CONNECTIVES, lt) {
        return None; // "Moreover, …"
    }
    let mut k = t;
    let mut has_prep = false;
    let mut n = 1;
    while k > floor && n < 10 {
        let j = k - 1;
        let w = doc.word(j);
        let tok = doc.toks[j];
        if tok.kind == TokenKind::Word && (w.starts_with('\'') || w.starts_with('’')) {
            k = j; // a possessive: "Peru's Foreign Minister"
        } else if tok.kind == TokenKind::Word {
            let lw = lower(doc, j);
            if is_in(&DETERMINERS, lw) {
                k = j;
                // "analysts in the capital": the phrase goes on before the preposition.
                let grouped = j >= floor + 2
                    && matches!(lower(doc, j - 1), "in" | "at" | "from" | "for" | "with")
                    && is_in(&SPEAKER_NOUNS, lower(doc, j - 2));
                if !grouped {
                    break;
                }
                has_prep = true;
                k = j - 2;
                n += 2;
                continue;
            }
            if lw == "of" && j > floor && doc.toks[j - 1].kind == TokenKind::Word {
                k = j;
            } else if matches!(lw, "in" | "at" | "from" | "for" | "with")
                && j > floor
                && is_in(&SPEAKER_NOUNS, lower(doc, j - 1))
            {
                has_prep = true;
                k = j - 1;
                n += 1;
            } else if is_in(&STOP, lw) || is_pronoun(doc, j) || looks_verbal(lw) || super::cues::verb(w).is_some() {
                break;
            } else if !is_name_word(doc, j) && w.chars().next().is_some_and(char::is_uppercase) {
                break; // a capitalised function word: "In", "But"
            } else {
                k = j;
            }
        } else if j > floor && matches!(w, "'" | "’") && doc.word(j - 1).ends_with(['s', 'S']) {
            k = j; // a possessive after a plural or name in -s: "Jones' team"
        } else if tok.kind == TokenKind::Symbol && w == "&" {
            k = j;
        } else {
            break;
        }
        n += 1;
    }
    while k < t && matches!(lower(doc, k), "of" | "in" | "at" | "from" | "for" | "with") {
        k += 1;
    }
    if capital && !has_prep {
        let run = name_run_left(doc, t, k);
        let (first, last) = strip_roles(doc, run, t);
        return Some((Speaker::new(first, last, SpeakerKind::Name), k));
    }
    Some((Speaker::new(k, t, SpeakerKind::Nominal), k))
}

/// `retired judge Ann Lee`, `9/11 widow Ann Lee`: a participle adjective or a number, then a
/// lowercase word (the role) and a name; the name is the speaker.
fn modified_name(doc: &Doc, i: usize, ceil: usize) -> Option<Speaker> {
    let lw = lower(doc, i);
    let modifier = doc.toks[i].kind == TokenKind::Number
        || doc.toks[i].kind == TokenKind::Word && lw.ends_with("ed") && looks_verbal(lw);
    if !modifier || i + 2 >= ceil || is_name_word(doc, i + 1) || doc.toks[i + 1].kind != TokenKind::Word {
        return None;
    }
    let (first, last) = mention_tokens(doc, i + 2)
        .or_else(|| is_name_word(doc, i + 2).then(|| (i + 2, name_run_right(doc, i + 2, ceil))))?;
    (first == i + 2 && last < ceil).then(|| Speaker::new(first, last, SpeakerKind::Name))
}

/// A speaker phrase starting at token `i`, ending before `ceil`: "said Smith", "said the
/// minister", "according to officials in Quito".
pub(crate) fn np_right(doc: &Doc, i: usize, ceil: usize) -> Option<Speaker> {
    if i >= ceil {
        return None;
    }
    if let Some((first, last)) = mention_tokens(doc, i) {
        if last < ceil {
            return Some(Speaker::new(first, last, SpeakerKind::Name));
        }
    }
    if let Some(s) = modified_name(doc, i, ceil) {
        return Some(s);
    }
    if doc.toks[i].kind != TokenKind::Word {
        return None;
    }
    if is_pronoun(doc, i) {
        return Some(Speaker::new(i, i, SpeakerKind::Pronoun));
    }
    if is_name_word(doc, i) {
        let end = name_run_right(doc, i, ceil);
        let (first, last) = strip_roles(doc, i, end);
        return Some(Speaker::new(first, last, SpeakerKind::Name));
    }
    // A description: determiner, modifiers, head; a name inside it wins ("the party's nominee,
    // Donald Trump" stops at the comma, so the nominal is kept).
    let mut k = i;
    let mut last_word = None;
    while k < ceil && k < i + 8 {
        let w = doc.word(k);
        let tok = doc.toks[k];
        if tok.kind != TokenKind::Word {
            break;
        }
        let lw = lower(doc, k);
        if k > i && is_in(&PRONOUNS, lw) {
            break; // "told investigators in July she was …"
        }
        if k > i && (is_in(&DETERMINERS, lw) || is_in(&STOP, lw) && lw != "of") {
            if matches!(lw, "in" | "at" | "from" | "for")
                && last_word.is_some_and(|l| is_in(&SPEAKER_NOUNS, lower(doc, l)))
            {
                k += 1;
                continue;
            }
            break;
        }
        if k == i && (is_in(&STOP, lw) || looks_verbal(lw)) {
            return None;
        }
        if super::cues::verb(w).is_some() && k > i {
            break;
        }
        // "the man ended up …": a past tense after the head ("the newly elected mayor" goes on).
        let after_head = last_word.is_some_and(|l| {
            let ll = lower(doc, l);
            let adverb = ll.len() > 4 && ll.ends_with("ly");
            !(is_in(&DETERMINERS, ll) || adverb)
        });
        if k > i && after_head && (lw.ends_with("ed") && looks_verbal(lw) || is_in(&IRREGULAR_PAST, lw)) {
            break;
        }
        last_word = Some(k);
        k += 1;
    }
    let last = last_word?;
    let last = if lower(doc, last) == "of" { last.checked_sub(1)? } else { last };
    (last >= i).then_some(Speaker::new(i, last, SpeakerKind::Nominal))
}

/// Lowercase words that are probably verbs or adverbs, not the head of a subject.
pub(crate) fn looks_verbal(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed"))
        || (w.len() > 4 && w.ends_with("ly") && !is_in(&LY_NOUNS, w))
        || (w.len() > 5 && w.ends_with("ing"))
}

/// How the subject of a cue was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// Right before the verb: "X said".
    Plain,
    /// Across an appositive: "X, the minister, said".
    Appositive,
    /// Through a relative pronoun: "X, who said".
    Relative,
    /// Shared with an earlier verb: "X voiced concern and urged".
    Coordinated,
}

/// The subject of the cue at token `cue`, searching back to `floor` (the sentence start).
pub(crate) fn subject_left(doc: &Doc, cue: usize, floor: usize) -> Option<(Speaker, Found)> {
    let mut j = cue;
    while j > floor {
        let l = lower(doc, j - 1);
        // A capitalised word is a name, not an adverb or auxiliary ("Reilly said", "Will wrote"),
        // and "daily" is the paper ("the daily wrote").
        let lowercase = doc.word(j - 1).starts_with(|c: char| !c.is_uppercase());
        let adverb =
            l.len() > 4 && l.ends_with("ly") && doc.toks[j - 1].kind == TokenKind::Word && !is_in(&LY_NOUNS, l);
        if lowercase && (is_in(&BETWEEN, l) || adverb || is_in(&CONNECTIVES, l)) {
            j -= 1;
        } else if j >= floor + 2 && is_weekday(l) && lower(doc, j - 2) == "on" {
            j -= 2;
        } else if j >= floor + 2
            && matches!(l, "week" | "month" | "year" | "night" | "weekend" | "spring" | "summer" | "fall" | "winter")
            && matches!(lower(doc, j - 2), "last" | "this" | "next" | "earlier")
        {
            j -= 2; // "Rep. Brad Sherman last month joked"
        } else {
            break;
        }
    }
    if j > floor + 2 && doc.word(j - 1) == ")" {
        // "Sen. Rand Paul (R-Ky.) said": skip a short parenthesis.
        if let Some(open) = (j.saturating_sub(8).max(floor)..j - 1).rev().find(|&k| doc.word(k) == "(") {
            j = open;
        }
    }
    if j == floor {
        return None;
    }
    let t = j - 1;
    let w = doc.word(t);
    let lw = lower(doc, t);
    if lw == "who" || lw == "which" {
        // "X, who said": the pronoun is the mention, X what it stands for.
        let k = if t > floor && doc.word(t - 1) == "," { t - 1 } else { t };
        let ante = k.checked_sub(1).filter(|&x| x >= floor).and_then(|x| np_left(doc, x, floor));
        let mut s = Speaker::new(t, t, SpeakerKind::Pronoun);
        s.ante = ante.map(|a| (a.first, a.last, a.kind));
        return Some((s, Found::Relative));
    }
    if matches!(lw, "and" | "but") && t > floor {
        // "Ruiz noted that he had taught law, and added": after a comma, the verb is coordinated
        // with the main clause's speech verb, not with the clause inside it.
        if doc.word(t - 1) == "," {
            if let Some(s) = main_subject_of_speech(doc, floor, t - 1) {
                return Some((s, Found::Coordinated));
            }
        }
        return clause_subject(doc, floor, t).map(|s| (s, Found::Coordinated));
    }
    if w == "," && t > floor {
        return appositive_subject(doc, floor, t).map(|s| (s, Found::Appositive));
    }
    if matches!(w, "-" | "—" | "–" | "--") && t > floor + 1 {
        // "Mr. Bush - in a line aimed at his rival - declared": the phrase before the first dash.
        let open = (floor.max(t.saturating_sub(40))..t).rev().find(|&k| doc.word(k) == w)?;
        return np_left(doc, open.checked_sub(1)?, floor).map(|s| (s, Found::Appositive));
    }
    let s = np_left(doc, t, floor)?;
    Some((relative_head(doc, s, floor).unwrap_or(s), Found::Plain))
}

/// The subject of the nearest speech verb before `end` in the sentence, when that verb has a
/// plain subject ("Ruiz noted that …, and added").
fn main_subject_of_speech(doc: &Doc, floor: usize, end: usize) -> Option<Speaker> {
    // The window is also the floor of the subject search: the search may come back here for an
    // earlier ", and", so every level stays inside these 40 tokens.
    let lo = floor.max(end.saturating_sub(40));
    let k = (lo + 1..end)
        .rev()
        // ("the council's claims" is a noun.)
        .filter(|&k| doc.region_of[k] == NONE && !matches!(lower(doc, k - 1), "'s" | "’s"))
        .find(|&k| super::direct::cue_at(doc, k).is_some_and(|c| c.has(super::cues::SPEECH)))?;
    let (s, how) = subject_left(doc, k, lo)?;
    (how == Found::Plain).then_some(s)
}

/// The head of a subject that carries a restrictive relative clause: in "Officials who spoke to
/// reporters said", the phrase before the verb ("reporters") sits inside the clause opened by
/// "who", and the subject is the phrase before "who".
fn relative_head(doc: &Doc, s: Speaker, floor: usize) -> Option<Speaker> {
    let lo = floor.max(s.first.saturating_sub(20));
    let mut k = s.first;
    while k > lo {
        k -= 1;
        let w = doc.word(k);
        let clause = lower(doc, k) != "who" && is_in(&SUBORDINATORS, lower(doc, k));
        if doc.region_of[k] != NONE
            || matches!(w, "," | ";" | ":" | "(" | ")")
            || doc.toks[k].kind == TokenKind::Dash
            || clause
        {
            return None; // "… who gained attention when he yelled": "he" opens a clause of its own
        }
        if super::cues::verb(w).is_some_and(|c| c.has(super::cues::SPEECH)) {
            return None; // "who said the mayor …": the verb before is the speech, not this one
        }
        if lower(doc, k) == "who" && k > floor {
            // A verb must follow "who" before the phrase ("who spoke to reporters").
            let head = np_left(doc, k - 1, floor)?;
            return (k + 1 < s.first).then_some(head);
        }
    }
    None
}

/// Quantifiers that stand for people as a subject ("Another said", "Many argued").
static STANDALONE: WordSet =
    WordSet::new(&["another", "some", "many", "several", "most", "both", "few", "others", "one", "all"]);

/// The subject before an appositive or a comma: "X, the minister, said", "X, 53, who lives in
/// Ohio, said", "Brazilian media outlets, reported": the first comma-ended phrase of the sentence
/// (or of the clause after an introductory phrase) that is a noun phrase.
fn appositive_subject(doc: &Doc, floor: usize, comma: usize) -> Option<Speaker> {
    let from = floor.max(comma.saturating_sub(50));
    let mut seg_start = from;
    for c in from..=comma {
        if doc.word(c) != "," {
            continue;
        }
        if c > seg_start {
            let start = skip_conjunction(doc, seg_start, c);
            // "Sen. Lee Bright (R), a supporter, said": the name before a short parenthesis.
            let mut end = c - 1;
            if doc.word(end) == ")" {
                if let Some(open) = (start..end).rev().take(8).find(|&k| doc.word(k) == "(") {
                    end = open.saturating_sub(1).max(start);
                }
            }
            // "The dispute began after Ms. Ruiz, asked about it, had said": a phrase filling the
            // clause after the segment's last subordinator.
            let sub = (start + 1..end).rev().find(|&x| {
                matches!(
                    lower(doc, x),
                    "when"
                        | "while"
                        | "after"
                        | "before"
                        | "because"
                        | "since"
                        | "although"
                        | "though"
                        | "if"
                        | "that"
                        | "where"
                        | "as"
                )
            });
            if let Some(s) = sub.and_then(|x| np_left_phrase(doc, end, x + 1).filter(|&(_, k)| k == x + 1)) {
                return Some(s.0);
            }
            if let Some((s, k)) = np_left_phrase(doc, end, start) {
                // The phrase fills the segment, maybe after a title ("Florida delegate John Lee").
                let title = (start..k).all(|x| {
                    let l = lower(doc, x);
                    doc.toks[x].kind == TokenKind::Word
                        && !is_in(&STOP, l)
                        && !looks_verbal(l)
                        && super::cues::verb(doc.word(x)).is_none()
                });
                if k == start || (k < start + 4 && title) {
                    return Some(s);
                }
                // "Mr. Cole and Mr. Dunn, the two senators, said": both names.
                if k > start + 1 && lower(doc, k - 1) == "and" {
                    // (The span keeps the first name's title: "Mr. Cole and Ms. Dunn".)
                    let first = np_left_phrase(doc, k - 2, start).filter(|(_, ka)| *ka == start).map(|(a, _)| a);
                    if let Some(a) = first.filter(|a| a.kind == SpeakerKind::Name || s.kind == SpeakerKind::Name) {
                        let kind = if a.kind == s.kind { s.kind } else { SpeakerKind::Nominal };
                        return Some(Speaker::new(start, s.last, kind));
                    }
                }
            }
        }
        seg_start = c + 1;
    }
    None
}

fn skip_conjunction(doc: &Doc, start: usize, end: usize) -> usize {
    if start + 1 < end
        && matches!(
            lower(doc, start),
            "but"
                | "and"
                | "yet"
                | "so"
                | "still"
                | "meanwhile"
                | "even"
                | "also"
                | "now"
                | "then"
                | "instead"
                | "indeed"
        )
    {
        start + 1
    } else {
        start
    }
}

/// The subject of the clause that ends at `end` (exclusive): "He pledged … and said", "The
/// campaign doubled down …, saying", "In 2016, Smith endorsed Jones, saying". The clause starts
/// after the nearest comma or subordinating word before it; failing that, at `floor` after an
/// introductory phrase.
pub(crate) fn clause_subject(doc: &Doc, floor: usize, end: usize) -> Option<Speaker> {
    let mut e = end;
    while e > floor && (matches!(doc.word(e - 1), "," | "—" | "–") || doc.toks[e - 1].kind == TokenKind::Quote) {
        e -= 1;
    }
    let lo = floor.max(e.saturating_sub(40));
    let mut start = lo;
    let mut k = e;
    while k > lo {
        k -= 1;
        if doc.region_of[k] != NONE {
            continue;
        }
        // "Sen. Ada Ruiz (D-Ore.) Wednesday, saying …": a parenthesis is passed over.
        if doc.word(k) == ")" {
            if let Some(open) = (k.saturating_sub(8).max(lo)..k).rev().find(|&x| doc.word(x) == "(") {
                k = open;
                continue;
            }
        }
        // A dash closes an inserted remark: "Wyoming -- which votes Saturday -- Ruiz claimed …".
        if matches!(doc.word(k), "," | ";" | ":" | "(")
            || doc.toks[k].kind == TokenKind::Dash
            || is_in(&SUBORDINATORS, lower(doc, k))
        {
            start = k + 1;
            break;
        }
    }
    subject_at(doc, start, e).or_else(|| if start > floor { subject_at(doc, floor, e) } else { None })
}

static SUBORDINATORS: WordSet = WordSet::new(&[
    "when", "while", "as", "after", "before", "because", "since", "although", "though", "if", "that", "which", "who",
    "where", "whereas", "until", "once",
]);

/// The subject phrase opening the clause `start..end`.
pub(crate) fn subject_at(doc: &Doc, start: usize, end: usize) -> Option<Speaker> {
    let mut start = skip_conjunction(doc, dateline_end(doc, start, end), end);
    if start >= end {
        return None;
    }
    let first = lower(doc, start);
    // A participial opener may run long: "Speaking to a business channel on Monday, Ruiz …".
    let participial = is_in(&INTRO, first) || (first.len() > 5 && first.ends_with("ing"));
    let intro = (start..end.min(start + if participial { 20 } else { 8 })).find(|&k| doc.word(k) == ",");
    if let Some(c) = intro {
        // "Sunday morning, Ruiz …", "Yesterday, …": a time before the subject.
        let time = is_weekday(first) || matches!(first, "yesterday" | "today" | "tonight");
        if is_in(&STOP, first) || participial || time || doc.toks[start].kind == TokenKind::Number {
            start = c + 1;
        }
    }
    if start >= end {
        return None;
    }
    if is_pronoun(doc, start) {
        return Some(Speaker::new(start, start, SpeakerKind::Pronoun));
    }
    if let Some((first, last)) = mention_tokens(doc, start) {
        if last + 1 < end {
            return Some(Speaker::new(first, last, SpeakerKind::Name));
        }
    }
    if is_name_word(doc, start) {
        let run_end = name_run_right(doc, start, end);
        if run_end + 1 < end && !is_role(doc, run_end) {
            let (first, last) = strip_roles(doc, start, run_end);
            return Some(Speaker::new(first, last, SpeakerKind::Name));
        }
    }
    np_right(doc, start, end).filter(|s| s.kind == SpeakerKind::Nominal && s.last + 1 < end)
}

/// After a dateline opening the paragraph at `start` ("WASHINGTON (AP) — …", "MIAMI, Fla. - …"):
/// a word in capitals, then within a few tokens a dash; else `start`. Only a paragraph's first
/// token can open a dateline: mid-paragraph, "NATO — …" is a subject and a remark.
fn dateline_end(doc: &Doc, start: usize, end: usize) -> usize {
    let opens_paragraph = start == 0 || doc.para_of.get(start) != doc.para_of.get(start - 1);
    if start >= end || !opens_paragraph {
        return start;
    }
    let w = doc.word(start);
    let capitals = w.len() > 1 && w.chars().all(|c| !c.is_lowercase()) && w.chars().any(char::is_uppercase);
    if !capitals {
        return start;
    }
    let dash = (start + 1..end.min(start + 10)).find(|&k| doc.toks[k].kind == TokenKind::Dash || doc.word(k) == "-");
    dash.map_or(start, |k| k + 1)
}

/// The subject of the cue verb at `cue`: [`subject_left`], except that a participle after a
/// comma ("…, saying") or after a noun ("issued a statement saying") takes the clause's subject.
pub(crate) fn cue_subject(doc: &Doc, cue: usize, floor: usize) -> Option<(Speaker, Found)> {
    let w = doc.word(cue);
    if !(w.len() > 4 && w.ends_with("ing")) || cue == floor {
        return subject_left(doc, cue, floor);
    }
    // "…, apparently suggesting", "…, while also saying": adverbs between the comma and the verb.
    let mut prev = cue - 1;
    while prev > floor && {
        let l = lower(doc, prev);
        (l.len() > 4 && l.ends_with("ly") && doc.toks[prev].kind == TokenKind::Word)
            || matches!(l, "also" | "while" | "again" | "then" | "even" | "thereby" | "all" | "both")
    } {
        prev -= 1;
    }
    if matches!(doc.word(prev), "," | "—" | "–") || doc.toks[prev].kind == TokenKind::Quote {
        // "X, who described it as “…,” adding that": the subject of the verb before, else the
        // clause's subject.
        return main_subject(doc, floor, prev, cue).map(|s| (s, Found::Coordinated));
    }
    if is_in(&PARTICIPLE_LEADS, lower(doc, prev)) {
        if prev == floor || prev == floor + 1 && matches!(lower(doc, floor), "and" | "but") {
            // "After saying …, Ruiz left": the subject of the clause after the fronted phrase.
            return fronted_subject(doc, cue).map(|s| (s, Found::Coordinated));
        }
        // "Ruiz replied, before adding …": as after a comma; "Ruiz ended her speech by saying …":
        // the clause's subject.
        if doc.word(prev - 1) == "," {
            return main_subject(doc, floor, prev, prev).map(|s| (s, Found::Coordinated));
        }
        return clause_subject(doc, floor, prev).map(|s| (s, Found::Coordinated));
    }
    let plain = subject_left(doc, cue, floor);
    match plain {
        // "with many marchers chanting …": the phrase after "with" is the subject; so is a group
        // after a preposition ("gave $3 million to a group backing …").
        Some((s, _)) if s.first > floor && lower(doc, s.first - 1) == "with" => plain,
        Some((s, _))
            if s.first > floor
                && matches!(lower(doc, s.first - 1), "to" | "into" | "of" | "from" | "among")
                && is_group(doc, s.last) =>
        {
            plain
        }
        Some((s, _)) if s.kind == SpeakerKind::Nominal => {
            // "The campaign issued a statement saying …": a message's sender, even a nominal one.
            let message = is_in(&MESSAGE_NOUNS, lower(doc, s.last));
            match clause_subject(doc, floor, s.first).filter(|c| c.kind != SpeakerKind::Nominal || message) {
                Some(c) => Some((c, Found::Coordinated)),
                None => plain,
            }
        }
        _ => plain,
    }
}

/// Prepositions and subordinators that lead a participle phrase ("by saying", "after adding").
static PARTICIPLE_LEADS: WordSet =
    WordSet::new(&["by", "after", "before", "without", "while", "when", "besides", "despite", "since", "upon"]);

/// The subject for a participle whose phrase starts at `lead` (a comma or a preposition before
/// it): that of the nearest speech verb before it (`X replied, before adding`), else the clause's.
fn main_subject(doc: &Doc, floor: usize, lead: usize, end: usize) -> Option<Speaker> {
    let earlier = (floor.max(lead.saturating_sub(40))..lead)
        .rev()
        .filter(|&k| doc.region_of[k] == NONE && doc.word(k).starts_with(|c: char| c.is_ascii_lowercase()))
        .find(|&k| super::cues::verb(doc.word(k)).is_some_and(|c| c.has(super::cues::SPEECH)));
    if let Some(k) = earlier {
        if let Some((s, _)) = subject_left(doc, k, floor) {
            return Some(s);
        }
        // "“…,” said Lena Ruiz, adding that …": the speaker after an inverted verb.
        let inverted = k > floor && (doc.word(k - 1) == "," || doc.toks[k - 1].kind == TokenKind::Quote);
        if let Some(s) = inverted.then(|| np_right(doc, k + 1, lead)).flatten() {
            return Some(s);
        }
    }
    // "Nate Cole, writing in the Herald, noted …": the phrase before the comma opens the sentence.
    if doc.word(lead) == "," && lead > floor {
        let start = skip_conjunction(doc, floor, lead);
        if let Some((s, k)) = (start < lead).then(|| np_left_phrase(doc, lead - 1, start)).flatten() {
            if k == start && s.kind != SpeakerKind::Pronoun {
                return Some(s);
            }
        }
    }
    clause_subject(doc, floor, end)
}

/// The subject after a fronted participle phrase ("After saying …, the man left"): the clause
/// that follows the comma closing the phrase.
fn fronted_subject(doc: &Doc, cue: usize) -> Option<Speaker> {
    let end = doc.sents.get(doc.sent_of[cue] as usize).map_or(doc.toks.len(), |s| s.1);
    // Within a few dozen tokens, so that the search per cue stays bounded in a run-on sentence.
    let comma = (cue + 1..end.min(cue + 40)).find(|&k| doc.region_of[k] == NONE && doc.word(k) == ",")?;
    subject_at(doc, comma + 1, end)
}

/// Sentence-initial words that start an introductory phrase, not a subject.
static INTRO: WordSet =
    WordSet::new(&["back", "despite", "amid", "following", "asked", "speaking", "earlier", "later", "last"]);

fn is_weekday(w: &str) -> bool {
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

/// What is known about names in the document, for resolving speakers to canonical names.
pub(crate) struct NameBook {
    /// Last word of a name → the fullest name ending in it, and where that name first occurs.
    by_last: FxHashMap<String, String>,
    /// Byte positions and names of people (names after a role, or names that spoke), sorted.
    people: Vec<(usize, String)>,
}

impl NameBook {
    /// Collects the names of the document: every role-stripped run of two or more name words.
    pub(crate) fn new(doc: &Doc) -> NameBook {
        let mut by_last: FxHashMap<String, String> = FxHashMap::default();
        let mut people = Vec::new();
        let mut i = 0;
        let n = doc.toks.len();
        while i < n {
            if !is_name_word(doc, i) {
                i += 1;
                continue;
            }
            let end = name_run_right(doc, i, n.min(i + 12));
            let sent_end = doc.sents.get(doc.sent_of[i] as usize).map_or(n, |s| s.1);
            let end = end.min(sent_end.saturating_sub(1)).max(i);
            let (first, last) = strip_roles(doc, i, end);
            let words = last + 1 - first;
            let after_role = first > i || (i > 0 && is_role(doc, i - 1));
            if words >= 2 && !is_role(doc, last) {
                let name = doc.text[doc.toks[first].start..doc.toks[last].end].to_string();
                let key = doc.word(last).to_string();
                let e = by_last.entry(key).or_default();
                if name.len() > e.len() {
                    *e = name.clone();
                }
                if after_role {
                    people.push((doc.toks[first].start, name));
                }
            }
            i = end + 1;
        }
        NameBook { by_last, people }
    }

    /// Records that a name spoke at byte `pos` (so a later "he" can refer to it).
    pub(crate) fn add_person(&mut self, pos: usize, name: String) {
        self.people.push((pos, name));
    }

    pub(crate) fn sort(&mut self) {
        self.people.sort();
    }

    /// The fullest known form of a name ("Varga" → "Lena Varga").
    pub(crate) fn canonical(&self, name: &str) -> String {
        let last = name.rsplit(' ').next().unwrap_or(name);
        match self.by_last.get(last) {
            Some(full) if full.len() > name.len() && full.ends_with(name) => full.clone(),
            _ => name.to_string(),
        }
    }

    /// The nearest person named before byte `pos` and after byte `not_before`.
    pub(crate) fn person_before(&self, pos: usize, not_before: usize) -> Option<&str> {
        let k = self.people.partition_point(|(p, _)| *p < pos);
        let (p, name) = self.people[..k].last()?;
        (*p >= not_before).then_some(name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_roles_and_finds_subjects() {
        let text = "Peru's Foreign Minister Lena Varga said the talks failed.";
        let doc = Doc::for_test(text);
        let said = doc.find("said");
        let (s, how) = subject_left(&doc, said, 0).unwrap();
        assert_eq!((doc.span_text(s), s.kind, how), ("Lena Varga", SpeakerKind::Name, Found::Plain));
        let book = NameBook::new(&doc);
        assert_eq!(book.canonical("Varga"), "Lena Varga");
    }

    #[test]
    fn a_dateline_is_not_the_subject() {
        let doc = Doc::for_test("PORTLAND (AP) — Sen. Omar Cole toured the harbor.");
        let s = subject_at(&doc, 0, doc.toks.len()).unwrap();
        assert_eq!((doc.span_text(s), s.kind), ("Omar Cole", SpeakerKind::Name));
    }

    #[test]
    fn nominal_groups_with_a_place() {
        let doc = Doc::for_test("Analysts in Lisbon have also warned that trade could suffer.");
        let (s, _) = subject_left(&doc, doc.find("warned"), 0).unwrap();
        assert_eq!((doc.span_text(s), s.kind), ("Analysts in Lisbon", SpeakerKind::Nominal));
    }
}
