//! Pronoun resolution for the quote stage: `he`/`she` → a PERSON, `they` → a group.
//!
//! The rule, [`resolve_pronoun`], is deliberately simple:
//!
//! 1. Look at the pronoun's own sentence (only the part before the pronoun), then at up to
//!    [`SENTENCES_BACK`] sentences before it, nearest first; stop at the first one that has a
//!    compatible mention. `he`/`him`/`his`/`himself` and `she`/`her`/`hers`/`herself` need a
//!    PERSON whose honorific (`Mr.` vs `Ms.`/`Mrs.`) does not contradict the pronoun;
//!    `they`/`them`/`their`/`theirs`/`themselves` need an ORG or NORP (a group: a person is never
//!    assumed to be a singular they).
//! 2. In the pronoun's own sentence, a compatible mention in the same clause (no comma, semicolon,
//!    colon, dash or quotation mark between them) wins, the nearest one: `Wang said he ...`.
//! 3. Otherwise take that sentence's **subject**: the first compatible mention, skipping a leading
//!    adverbial phrase that ends in a comma (`In a call with X, Y said ...` → `Y`); when only that
//!    phrase has one, take it.
//!
//! So `Varga voiced concern. He emphasized ...` gives `Varga`, and `Haddad briefed Varga on
//! the talks. He said ...` gives `Dar` (the subject, not the most recent name).

use super::names::honorific_gender;
use crate::segment::{Token, TokenKind};
use crate::{Entity, Label, Mention, Span};

/// How many sentences before the pronoun's own are searched.
pub const SENTENCES_BACK: usize = 2;

/// The most mentions of one sentence a pronoun looks back over (news sentences hold far fewer).
const MENTIONS_BACK: usize = 64;

/// The most tokens [`clause_start`] looks back over for the clause's opening punctuation.
const CLAUSE_BACK: usize = 200;

/// What a pronoun can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// `he`, `him`, `his`, `himself`.
    Male,
    /// `she`, `her`, `hers`, `herself`.
    Female,
    /// `they`, `them`, `their`, `theirs`, `themselves`.
    Plural,
}

/// The kind of a third-person personal pronoun (any case), or `None` for any other word.
pub fn pronoun_kind(word: &str) -> Option<Pronoun> {
    match word.to_lowercase().as_str() {
        "he" | "him" | "his" | "himself" => Some(Pronoun::Male),
        "she" | "her" | "hers" | "herself" => Some(Pronoun::Female),
        "they" | "them" | "their" | "theirs" | "themselves" => Some(Pronoun::Plural),
        _ => None,
    }
}

/// Words that open a leading adverbial phrase (`In a phone call with X, Y said`), lowercase, sorted.
const LEADING: &[&str] = &[
    "according",
    "after",
    "although",
    "amid",
    "as",
    "asked",
    "at",
    "before",
    "by",
    "despite",
    "during",
    "following",
    "for",
    "from",
    "if",
    "in",
    "on",
    "since",
    "speaking",
    "though",
    "under",
    "unlike",
    "when",
    "while",
    "with",
];

/// Resolves the pronoun at `pronoun` (a byte span of `text`, e.g. `He`) to the id of the entity it
/// most likely refers to, or `None` when the evidence is too thin. `tokens`, `sentences`,
/// `mentions` and `entities` are the article's (mentions in text order, as
/// [`crate::Article::mentions`]). See the module docs for the rule.
pub fn resolve_pronoun(
    text: &str,
    tokens: &[Token],
    sentences: &[Span],
    mentions: &[Mention],
    entities: &[Entity],
    pronoun: Span,
) -> Option<usize> {
    let kind = pronoun_kind(text.get(pronoun.start..pronoun.end)?)?;
    let compatible = |m: &Mention| -> bool {
        let Some(e) = entities.get(m.entity_id) else { return false };
        match kind {
            Pronoun::Plural => matches!(e.label, Label::Org | Label::Norp),
            Pronoun::Male | Pronoun::Female => {
                e.label == Label::Person
                    && gender_before(text, tokens, m.start).is_none_or(|g| g == (kind == Pronoun::Male))
            }
        }
    };
    // The sentence holding the pronoun (or a pseudo-sentence from the text start).
    let si = sentences.partition_point(|s| s.end <= pronoun.start);
    let mut hi = mentions.partition_point(|m| m.start < pronoun.start);
    for back in 0..=SENTENCES_BACK {
        let Some(k) = si.checked_sub(back) else { break };
        let sent_start = match sentences.get(k) {
            Some(s) if back > 0 || s.start <= pronoun.start => s.start,
            // The pronoun is outside every sentence: from the end of the one before.
            _ => k.checked_sub(1).map_or(0, |p| sentences[p].end),
        };
        // At most MENTIONS_BACK mentions per sentence: a run-on "sentence" of thousands (a list,
        // text without full stops) would make every pronoun in it scan all of them.
        let lo = mentions[..hi].partition_point(|m| m.start < sent_start).max(hi.saturating_sub(MENTIONS_BACK));
        let cands: Vec<&Mention> =
            mentions[lo..hi].iter().filter(|m| m.end <= pronoun.start && compatible(m)).collect();
        if let Some(first) = cands.first() {
            // In the pronoun's own clause, the name right before it (`Wang said he ...`).
            if back == 0 {
                let clause = clause_start(text, tokens, sent_start, pronoun.start);
                if let Some(m) = cands.iter().rev().find(|m| m.start >= clause) {
                    return Some(m.entity_id);
                }
            }
            let floor = subject_floor(text, tokens, sent_start, pronoun.start);
            let pick = cands.iter().find(|m| m.start >= floor).unwrap_or(first);
            return Some(pick.entity_id);
        }
        hi = lo;
        if sent_start == 0 {
            break;
        }
    }
    None
}

/// Where the subject of the sentence starting at `start` can begin: after the first comma when
/// the sentence opens with an adverbial word from [`LEADING`], else the sentence start.
fn subject_floor(text: &str, tokens: &[Token], start: usize, limit: usize) -> usize {
    let i = tokens.partition_point(|t| t.start < start);
    let word = |t: &Token| &text[t.start..t.end];
    let Some(first) = tokens.get(i) else { return start };
    if LEADING.binary_search(&word(first).to_lowercase().as_str()).is_err() {
        return start;
    }
    tokens[i..].iter().take_while(|t| t.start < limit).find(|t| word(t) == ",").map_or(start, |t| t.end)
}

/// Where the clause holding byte `pos` starts: after the last comma, semicolon, colon, dash or
/// quotation mark between `start` and `pos`, else at `start`.
fn clause_start(text: &str, tokens: &[Token], start: usize, pos: usize) -> usize {
    let hi = tokens.partition_point(|t| t.start < pos);
    let lo = tokens.partition_point(|t| t.start < start).max(hi.saturating_sub(CLAUSE_BACK));
    tokens[lo..hi]
        .iter()
        .rev()
        .find(|t| {
            matches!(t.kind, TokenKind::Dash | TokenKind::Quote) || matches!(&text[t.start..t.end], "," | ";" | ":")
        })
        .map_or(start, |t| t.end)
}

/// The gender an honorific right before byte `pos` implies (`Mr. X` → male).
fn gender_before(text: &str, tokens: &[Token], pos: usize) -> Option<bool> {
    let i = tokens.partition_point(|t| t.start < pos);
    let t = tokens.get(i.checked_sub(1)?)?;
    honorific_gender(&text[t.start..t.end])
}

#[cfg(test)]
mod tests {
    use super::super::tests::mentions_of;
    use super::*;
    use crate::segment;

    /// Analyses `text` with the given mentions and resolves the `nth` (0-based) occurrence of `pro`.
    fn resolve(text: &str, spec: &[(&str, Label)], pro: &str, nth: usize) -> Option<String> {
        let tokens = segment::tokenize(text);
        let sentences = segment::sentences(text, &tokens, &[Span { start: 0, end: text.len() }]);
        let (ms, es) = super::super::group_with_tokens(text, &tokens, mentions_of(text, spec));
        let start = tokens
            .iter()
            .filter(|t| &text[t.start..t.end] == pro)
            .nth(nth)
            .unwrap_or_else(|| panic!("no {pro} #{nth}"))
            .start;
        resolve_pronoun(text, &tokens, &sentences, &ms, &es, Span { start, end: start + pro.len() })
            .map(|id| es[id].name.clone())
    }

    #[test]
    fn he_is_the_previous_sentence_subject() {
        let text = "Olu Bakare briefed Ama Owusu on the talks. He said they failed.";
        let spec = [("Olu Bakare", Label::Person), ("Ama Owusu", Label::Person)];
        assert_eq!(resolve(text, &spec, "He", 0).as_deref(), Some("Olu Bakare"));
    }

    #[test]
    fn same_clause_name_wins_in_the_pronoun_sentence() {
        let text = "Olu Bakare spoke first, while Bo Li said he hoped for more. Olu Bakare met Bo Li, and he left.";
        let spec = [
            ("Olu Bakare", Label::Person),
            ("Bo Li", Label::Person),
            ("Olu Bakare", Label::Person),
            ("Bo Li", Label::Person),
        ];
        assert_eq!(resolve(text, &spec, "he", 0).as_deref(), Some("Bo Li"));
        // Across a comma, the subject.
        assert_eq!(resolve(text, &spec, "he", 1).as_deref(), Some("Olu Bakare"));
    }

    #[test]
    fn leading_phrase_is_skipped() {
        let text = "In a call with Ama Owusu, Bakare said he was ready. Olu Bakare left. He returned.";
        let spec = [("Ama Owusu", Label::Person), ("Bakare", Label::Person), ("Olu Bakare", Label::Person)];
        assert_eq!(resolve(text, &spec, "he", 0).as_deref(), Some("Olu Bakare"));
        assert_eq!(resolve(text, &spec, "He", 0).as_deref(), Some("Olu Bakare"));
    }

    #[test]
    fn nearest_sentence_with_a_person_wins_and_window_is_bounded() {
        let text = "Olu Bakare spoke. The rain fell. Ama Owusu spoke. It rained. He left.";
        let spec = [("Olu Bakare", Label::Person), ("Ama Owusu", Label::Person)];
        assert_eq!(resolve(text, &spec, "He", 0).as_deref(), Some("Ama Owusu"));
        let text = "Olu Bakare spoke. It rained. It poured. It stopped. He left.";
        assert_eq!(resolve(text, &spec[..1], "He", 0), None);
    }

    #[test]
    fn a_run_on_sentence_keeps_the_nearest_names() {
        // More mentions in one sentence than a pronoun looks back over: the name of its own
        // clause is still found.
        let names: Vec<String> = (0..100).map(|i| format!("Tomo Abe{i}")).collect();
        let text = format!("{}, and Ama Owusu said she would go.", names.join(", "));
        let mut spec: Vec<(&str, Label)> = names.iter().map(|n| (n.as_str(), Label::Person)).collect();
        spec.push(("Ama Owusu", Label::Person));
        assert_eq!(resolve(&text, &spec, "she", 0).as_deref(), Some("Ama Owusu"));
    }

    #[test]
    fn honorifics_filter_by_gender() {
        let text = "Ms. Owusu met Mr. Bakare. She said no.";
        let spec = [("Owusu", Label::Person), ("Bakare", Label::Person)];
        assert_eq!(resolve(text, &spec, "She", 0).as_deref(), Some("Owusu"));
        let text = "Ms. Owusu met Mr. Bakare. He said no.";
        assert_eq!(resolve(text, &spec, "He", 0).as_deref(), Some("Bakare"));
    }

    #[test]
    fn they_resolves_to_a_group_only() {
        let text = "The Red Cross met Olu Bakare. They said aid would come.";
        let spec = [("Red Cross", Label::Org), ("Olu Bakare", Label::Person)];
        assert_eq!(resolve(text, &spec, "They", 0).as_deref(), Some("Red Cross"));
        let text = "Olu Bakare arrived. They said aid would come.";
        assert_eq!(resolve(text, &spec[1..], "They", 0), None);
    }

    #[test]
    fn non_pronouns_and_no_antecedent() {
        let text = "It rained. He left.";
        let tokens = segment::tokenize(text);
        assert_eq!(resolve_pronoun(text, &tokens, &[], &[], &[], Span { start: 11, end: 13 }), None);
        assert_eq!(resolve_pronoun(text, &tokens, &[], &[], &[], Span { start: 0, end: 2 }), None);
        assert_eq!(pronoun_kind("His"), Some(Pronoun::Male));
        assert!(LEADING.windows(2).all(|w| w[0] < w[1]));
    }
}
