//! Coreference: the mentions of one entity grouped under one canonical name, with roles and
//! affiliations, and pronoun resolution for the quote stage.
//!
//! [`group_with_tokens`] runs four steps over the tagger's mentions, all within one article:
//!
//! 1. **Clean the spans** ([`roles`]): a trailing possessive (`Varga 's`) is cut off every
//!    mention; title words (`Mr.`, `Foreign Minister`, and a nationality before them: `Iranian
//!    Foreign Minister`) are cut off the front of a PERSON span; a mention made only of title words
//!    (`Foreign Minister`, `Lord`) is dropped: it names no entity (a single role word such as `King`
//!    or `Treasury` stays: it may be a name); so is a one-word mention at a sentence start that the
//!    article also writes in lower case (`Regional observers said ...` next to `regional peace`).
//!    A name spelled out before a bracketed acronym (`the Islamic State (IS)`) is widened to the
//!    whole name when the tagger caught only part of it.
//! 2. **Group names** (`names.rs`): exact repeats (same words, same label; honorifics and
//!    possessives ignored), a multi-word PERSON name whose words are an ordered subset of another
//!    with the same surname (`George Bush` ↔ `George W. Bush`, but never `John Smith` ↔ `Jane
//!    Smith`), a one-word PERSON mention (`Varga`, `Mr. Varga`) to the full name with that
//!    surname mentioned most recently before it (or, failing that, first after it; or, when no
//!    full name ends with it, the only full name that starts with it: `Wang Yi` … `Wang`), an
//!    acronym to its expansion when the article states it in brackets (`the Islamic State (IS)`)
//!    or when it is the initials of exactly one earlier name with the same label. A one-word
//!    mention the tagger labelled ORG or MISC that is the surname of a PERSON named in full in the
//!    article becomes PERSON. Different labels never merge otherwise. The canonical name is the
//!    fullest form (most words, then longest, then first seen); the other surface forms are
//!    aliases.
//! 3. **Roles and affiliations** ([`roles`]): pre-nominal titles (`Chilean Foreign Minister
//!    Lena Varga`, `Norway's Foreign Minister Omar Haddad`, `Union spokesperson Zabihullah
//!    Menon`) and appositives (`Jonas Berg, Pakistan's defense minister,`) give a PERSON its
//!    `role` and `affiliation`; an ORG gets an affiliation from a possessive or a nationality
//!    before it (`Iran's Foreign Ministry`). A nationality becomes its country (`Iranian` → `Iran`).
//! 4. **Pronouns** are not grouped here: [`resolve_pronoun`] resolves one on demand.
//!
//! Everything is linear in the number of tokens and mentions, up to small per-name candidate lists.

mod names;
mod pronouns;
pub mod roles;

use crate::segment::{self, Token};
use crate::{Entity, Mention};

pub use pronouns::{Pronoun, pronoun_kind, resolve_pronoun};

/// Groups `mentions` into entities, setting each mention's `entity_id` (tokenizes `text` itself;
/// the pipeline uses [`group_with_tokens`]).
pub fn group(text: &str, mentions: Vec<Mention>) -> (Vec<Mention>, Vec<Entity>) {
    let tokens = segment::tokenize(text);
    group_with_tokens(text, &tokens, mentions)
}

/// Groups `mentions` (in text order, as the tagger gives them) into entities, given the tokens of
/// `text`. Returns the cleaned mentions, each with its `entity_id`, and the entities with their
/// canonical names, aliases, mention counts, roles and affiliations. See the module docs.
pub fn group_with_tokens(text: &str, tokens: &[Token], mentions: Vec<Mention>) -> (Vec<Mention>, Vec<Entity>) {
    let doc = Doc { text, tokens };
    let mut mentions = roles::clean_mentions(&doc, mentions);
    mentions.sort_by_key(|m| (m.start, m.end));
    roles::add_group_affiliates(&doc, &mut mentions);
    names::widen_to_acronyms(&doc, &mut mentions);
    let mut entities = names::cluster(&doc, &mut mentions);
    roles::assign(&doc, &mut mentions, &mut entities);
    (mentions, entities)
}

/// A text and its tokens, with the small lookups the coreference rules share.
pub(crate) struct Doc<'a> {
    pub(crate) text: &'a str,
    pub(crate) tokens: &'a [Token],
}

impl<'a> Doc<'a> {
    /// The text of token `i`.
    pub(crate) fn word(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The tokens covered by the byte span `start..end`, as a token range.
    pub(crate) fn token_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.tokens.partition_point(|t| t.end <= start);
        let e = self.tokens.partition_point(|t| t.start < end);
        (s, e.max(s))
    }

    /// Whether a line break separates token `i - 1` from token `i`.
    pub(crate) fn line_break_before(&self, i: usize) -> bool {
        i == 0 || i >= self.tokens.len() || self.text[self.tokens[i - 1].end..self.tokens[i].start].contains('\n')
    }
}

/// Whether `w` is a possessive clitic or a bare possessive apostrophe (`'s`, `’s`, `'`, `’`).
pub(crate) fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

/// `w` lowercased, without a final period (`Mr.` → `mr`).
pub(crate) fn lower_word(w: &str) -> String {
    w.strip_suffix('.').unwrap_or(w).to_lowercase()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::{Label, Span};

    /// Mentions at the first occurrence (after byte `from`) of each phrase.
    pub(crate) fn mentions_of(text: &str, spec: &[(&str, Label)]) -> Vec<Mention> {
        let mut from = 0;
        let mut out = Vec::new();
        for &(phrase, label) in spec {
            let start = from + text[from..].find(phrase).unwrap_or_else(|| panic!("{phrase} not after {from}"));
            let end = start + phrase.len();
            out.push(Mention::new(text, Span { start, end }, label, 0.9));
            from = end;
        }
        out
    }

    pub(crate) fn run(text: &str, spec: &[(&str, Label)]) -> (Vec<Mention>, Vec<Entity>) {
        group(text, mentions_of(text, spec))
    }

    pub(crate) fn entity<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
        es.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("no entity {name}: {es:#?}"))
    }

    #[test]
    fn identical_mentions_share_an_entity() {
        let text = "Iran and Iran and Turkey";
        let (ms, es) = run(text, &[("Iran", Label::Gpe), ("Iran", Label::Gpe), ("Turkey", Label::Gpe)]);
        assert_eq!(es.len(), 2);
        assert_eq!(es[0].mention_count, 2);
        assert_eq!(ms.iter().map(|m| m.entity_id).collect::<Vec<_>>(), vec![0, 0, 1]);
    }

    #[test]
    fn doc_token_ranges() {
        let text = "Mr. Olu Bakare's dog.";
        let tokens = segment::tokenize(text);
        let doc = Doc { text, tokens: &tokens };
        assert_eq!(doc.token_range(4, 14), (1, 3));
        assert_eq!(doc.word(3), "'s");
        assert!(is_possessive(doc.word(3)));
        assert_eq!(lower_word("Mr."), "mr");
    }
}
