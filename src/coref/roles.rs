//! Roles and affiliations: `Chilean Foreign Minister Lena Varga` → role `Foreign Minister`,
//! affiliation `Iran`.
//!
//! A role is a phrase of role words ending in a head noun from [`ROLE_HEADS`] (`minister`,
//! `spokesperson`, `ambassador`, ...), optionally led by modifiers from [`ROLE_MODIFIERS`]
//! (`Foreign`, `Deputy`, `former`, ...) or, in a capitalised title, by other capitalised words
//! (`Homeland Security Secretary`). Two layouts give a PERSON a role:
//!
//! - **pre-nominal**: the role right before the name (honorifics may sit between), with the
//!   affiliation right before the role: a possessive (`Norway's Foreign Minister Omar Haddad`), a
//!   nationality (`Chilean Foreign Minister`) or an organisation (`Union spokesperson`);
//! - **appositive**: the name, a comma, then an optional article, an optional affiliation (as
//!   above) and the role, optionally followed by `of`/`for`/`at` and an affiliation (`Jonas
//!   Berg, Norway's defense minister,`; `Jane Roe, a spokeswoman for the ministry of X`).
//!
//! An ORG gets an affiliation from a possessive or a nationality/place right before it (`Iran's
//! Foreign Ministry`). A nationality affiliation is given as its country (`Iranian` → `Iran`,
//! from `data/gazetteers/demonym_countries.txt`); anything else as the canonical name of the
//! affiliated entity. A MISC entity that stands as the organisation in front of a role
//! (`Union spokesperson`) is relabelled ORG: people speak for organisations.
//!
//! Each entity keeps the first role/affiliation found, unless a later mention gives both where
//! the first gave only one.

use crate::fasthash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use super::names::is_honorific;
use super::{Doc, is_possessive, lower_word};
use crate::ner::gazetteer;
use crate::segment::TokenKind;
use crate::{Entity, Label, Mention, Span};

/// Head nouns of roles (and their abbreviations: `Sen.`, `Gov.`, `Gen.`), lowercase, sorted.
pub const ROLE_HEADS: &[&str] = &[
    "adm",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "archbishop",
    "attorney",
    "ayatollah",
    "bishop",
    "brigadier",
    "capt",
    "captain",
    "cardinal",
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "cleric",
    "cmdr",
    "coach",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "consul",
    "coo",
    "correspondent",
    "councillor",
    "councilman",
    "councilor",
    "councilwoman",
    "counsel",
    "cto",
    "delegate",
    "deputy",
    "diplomat",
    "director",
    "economist",
    "editor",
    "emir",
    "emperor",
    "envoy",
    "executive",
    "founder",
    "gen",
    "general",
    "gov",
    "governor",
    "head",
    "imam",
    "inspector",
    "judge",
    "justice",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "legislator",
    "lieutenant",
    "lt",
    "maj",
    "manager",
    "marshal",
    "mayor",
    "minister",
    "mp",
    "mufti",
    "negotiator",
    "officer",
    "official",
    "owner",
    "pope",
    "premier",
    "pres",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "prosecutor",
    "queen",
    "rabbi",
    "regent",
    "rep",
    "representative",
    "researcher",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheikh",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
    "superintendent",
    "supt",
    "treasurer",
    "undersecretary",
];

/// Words that modify a role head (`Foreign Minister`, `Deputy Director`, `former President`),
/// lowercase, sorted.
pub const ROLE_MODIFIERS: &[&str] = &[
    "acting",
    "agriculture",
    "army",
    "assistant",
    "associate",
    "cabinet",
    "chief",
    "commerce",
    "communications",
    "culture",
    "defence",
    "defense",
    "deputy",
    "economy",
    "education",
    "energy",
    "environment",
    "executive",
    "federal",
    "finance",
    "first",
    "foreign",
    "former",
    "general",
    "government",
    "health",
    "high",
    "home",
    "information",
    "intelligence",
    "interim",
    "interior",
    "joint",
    "justice",
    "labor",
    "labour",
    "lead",
    "managing",
    "military",
    "national",
    "naval",
    "navy",
    "oil",
    "opposition",
    "party",
    "permanent",
    "police",
    "presidential",
    "prime",
    "principal",
    "provincial",
    "regional",
    "security",
    "senior",
    "special",
    "state",
    "supreme",
    "top",
    "trade",
    "transport",
    "treasury",
    "vice",
    "war",
];

/// Capitalised words that never belong to a title (`Meanwhile Foreign Minister X`), lowercase, sorted.
const NOT_IN_TITLE: &[&str] = &[
    "a",
    "according",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "but",
    "by",
    "during",
    "for",
    "from",
    "however",
    "if",
    "in",
    "meanwhile",
    "of",
    "on",
    "since",
    "so",
    "that",
    "the",
    "then",
    "this",
    "to",
    "when",
    "where",
    "while",
    "with",
    "yet",
];

/// Articles that may open an appositive (`X, the defense minister`).
const ARTICLES: &[&str] = &["a", "an", "the"];

/// Prepositions that introduce an affiliation after a role (`spokesman for the Union`).
const AFTER_ROLE: &[&str] = &["at", "for", "of"];

/// The tagger confidence below which a sentence-initial word the article also writes in lower
/// case is taken for a common word.
const COMMON_WORD_MAX_CONFIDENCE: f32 = 0.9;

/// Demonym (lowercase) → country name, from `data/gazetteers/demonym_countries.txt`.
static DEMONYM_COUNTRY: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("../../data/gazetteers/demonym_countries.txt").lines().filter_map(|l| l.split_once('\t')).collect()
});

fn in_sorted(list: &[&str], w: &str) -> bool {
    list.binary_search(&w).is_ok()
}

/// Whether `w` is a role head noun (`Minister`, `spokesperson`, `vice-president`, `CEO`).
pub fn is_role_head(w: &str) -> bool {
    let l = lower_word(w);
    in_sorted(ROLE_HEADS, &l) || l.rsplit_once('-').is_some_and(|(_, last)| in_sorted(ROLE_HEADS, last))
}

/// Whether `w` is a role word: a head or a modifier.
pub fn is_role_word(w: &str) -> bool {
    is_role_head(w) || in_sorted(ROLE_MODIFIERS, &lower_word(w))
}

/// The country of a nationality (`Iranian` → `Iran`, `Germans` → `Germany`), when the gazetteer
/// knows it.
pub fn country_of_demonym(w: &str) -> Option<&'static str> {
    let l = w.to_lowercase();
    let map = &*DEMONYM_COUNTRY;
    map.get(l.as_str()).or_else(|| l.strip_suffix('s').and_then(|s| map.get(s))).copied()
}

/// Role heads that speak or act for an organisation (`Union spokesperson`), lowercase, sorted.
const GROUP_VOICES: &[&str] = &["commander", "official", "spokesman", "spokesperson", "spokeswoman"];

/// Whether the head of `role` is one of [`GROUP_VOICES`].
fn speaks_for_a_group(role: &str) -> bool {
    role.rsplit(' ').next().is_some_and(|h| in_sorted(GROUP_VOICES, &h.to_lowercase()))
}

/// Whether a MISC mention reads as an adjective (`Bosnian`, `Scottish`, `Democratic`,
/// `Moscow-backed`) rather than the name of a group: several words, a hyphen, or an adjectival
/// ending.
fn looks_adjectival(name: &str) -> bool {
    const ENDINGS: &[&str] = &["ean", "ese", "ian", "ic", "ish", "i", "en", "ch", "ist"];
    let l = name.to_lowercase();
    l.contains([' ', '-']) || ENDINGS.iter().any(|e| l.ends_with(e)) || country_of_demonym(&l).is_some()
}

/// Words that open a sentence or a noun phrase in title case without naming anything (`The
/// spokesman`, `A senior official`).
const NOT_A_GROUP: &[&str] = &["a", "an", "another", "her", "his", "its", "our", "that", "the", "their", "this"];

/// Adds an ORG mention for an untagged capitalised name right before a role that speaks for a group
/// and a PERSON (`Hamas spokesman Lee Vang`, `Kremlin spokesman …`): in that position a
/// capitalised word names the group the person speaks for, and the tagger often misses it at
/// the start of a sentence. `mentions` must be sorted.
pub(crate) fn add_group_affiliates(doc: &Doc, mentions: &mut Vec<Mention>) {
    let mut added = Vec::new();
    for m in mentions.iter().filter(|m| m.label == Label::Person) {
        let (s, _) = doc.token_range(m.start, m.end);
        let Some(role) = s.checked_sub(1) else { continue };
        if role == 0 || doc.line_break_before(role) || !in_sorted(GROUP_VOICES, &lower_word(doc.word(role))) {
            continue;
        }
        let name = role - 1;
        let w = doc.word(name);
        let taken = mentions.iter().any(|o| o.end > doc.tokens[name].start && o.start < doc.tokens[name].end);
        if taken
            || doc.tokens[name].kind != TokenKind::Word
            || !is_capitalised(w)
            || in_sorted(NOT_A_GROUP, &lower_word(w))
            || is_role_word(w)
            || is_honorific(w)
            || country_of_demonym(w).is_some()
        {
            continue;
        }
        let span = Span { start: doc.tokens[name].start, end: doc.tokens[name].end };
        added.push(Mention::new(doc.text, span, Label::Org, 0.5));
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.start, m.end));
    }
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Cleans the tagger's mentions: cuts a trailing possessive off every mention and title words off
/// the front of a PERSON (`Chilean Foreign Minister Lena Varga` → `Lena Varga`; a
/// nationality only before a title word), and drops mentions made only of role words and
/// honorifics (`Foreign Minister`, `Lord`), but not a single role word (`King` may be a surname).
pub(crate) fn clean_mentions(doc: &Doc, mentions: Vec<Mention>) -> Vec<Mention> {
    // Words the article writes in lower case ("regional", "analysts").
    let lower: FxHashSet<&str> = (0..doc.tokens.len())
        .map(|i| doc.word(i))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        let (mut s, mut e) = doc.token_range(m.start, m.end);
        if e <= s || doc.tokens[s].start != m.start || doc.tokens[e - 1].end != m.end {
            out.push(m); // not on token boundaries: leave it as it is
            continue;
        }
        // "Regional observers said": one capitalised word at a sentence start that the article
        // also writes in lower case is a common word, not a name, unless the tagger is sure
        // ("Apple said" next to "an apple") or calls it a person.
        if e - s == 1
            && m.label != Label::Person
            && m.confidence < COMMON_WORD_MAX_CONFIDENCE
            && sentence_start(doc, s)
            && lower.contains(doc.word(s).to_lowercase().as_str())
        {
            continue;
        }
        // "Foreign Minister", "Lord": a title without a name. A single role word stays: it may be
        // a surname or an organisation ("King", "Treasury", "Labour").
        let title_only = (s..e).all(|i| is_role_word(doc.word(i)) || is_honorific(doc.word(i)));
        if title_only && (e - s >= 2 || is_honorific(doc.word(s))) {
            continue;
        }
        while e > s + 1 && is_possessive(doc.word(e - 1)) {
            e -= 1;
        }
        if m.label == Label::Person {
            loop {
                if e - s > 2 && is_possessive(doc.word(s + 1)) {
                    s += 2; // "Iran 's Foreign Minister X"
                } else if e - s > 1 && {
                    let w = doc.word(s);
                    let before_role = || is_role_word(doc.word(s + 1)) || is_honorific(doc.word(s + 1));
                    is_honorific(w) || is_role_word(w) || (country_of_demonym(w).is_some() && before_role())
                } {
                    s += 1;
                } else {
                    break;
                }
            }
        }
        let span = Span { start: doc.tokens[s].start, end: doc.tokens[e - 1].end };
        if span.start == m.start && span.end == m.end {
            out.push(m);
        } else {
            out.push(Mention::new(doc.text, span, m.label, m.confidence));
        }
    }
    out
}

/// A role or affiliation found for one mention.
#[derive(Debug, Default)]
struct Found {
    role: Option<String>,
    /// The mention giving the affiliation.
    affiliate: Option<usize>,
}

impl Found {
    fn score(&self) -> u8 {
        u8::from(self.role.is_some()) + u8::from(self.affiliate.is_some())
    }
}

/// Mention lookups by token.
struct Index {
    ranges: Vec<(usize, usize)>,
    /// Mention starting at a token.
    starting: FxHashMap<usize, usize>,
    /// Mention whose last token is this one.
    ending: FxHashMap<usize, usize>,
}

/// Whether token `i` starts a sentence (start of text or line, or after `.`, `!`, `?`, `:`).
fn sentence_start(doc: &Doc, i: usize) -> bool {
    doc.line_break_before(i) || matches!(doc.word(i - 1), "." | "!" | "?" | ":" | "…" | "\"" | "“" | "”")
}

/// The affiliation right before token `k`: a possessive (`Pakistan 's`) or a mention ending at
/// `k - 1` (`Iranian`, `Union`).
fn affiliate_before(doc: &Doc, idx: &Index, mentions: &[Mention], k: usize) -> Option<usize> {
    if k == 0 || doc.line_break_before(k) {
        return None;
    }
    if is_possessive(doc.word(k - 1)) && k >= 2 {
        return idx.ending.get(&(k - 2)).copied();
    }
    let &m = idx.ending.get(&(k - 1))?;
    matches!(mentions[m].label, Label::Norp | Label::Org | Label::Gpe | Label::Misc | Label::Loc).then_some(m)
}

/// The head of a capitalised `HEAD of X` title ending right before token `j` (`Secretary of
/// State`, `Minister of Foreign Affairs`, `Chief of Staff`): up to three capitalised words, `of`
/// or `for`, then the head.
fn head_of_title(doc: &Doc, idx: &Index, j: usize) -> Option<usize> {
    let mut q = j;
    while q > 0 && j - q < 3 {
        let w = doc.word(q - 1);
        let cap = doc.tokens[q - 1].kind == TokenKind::Word && is_capitalised(w) && !is_honorific(w);
        if !cap || doc.line_break_before(q) || idx.ending.contains_key(&(q - 1)) && q != j {
            break;
        }
        q -= 1;
    }
    if q == j || q < 2 || doc.line_break_before(q) || doc.line_break_before(q - 1) {
        return None;
    }
    let head = q - 2;
    (matches!(doc.word(q - 1), "of" | "for") && is_role_head(doc.word(head)) && is_capitalised(doc.word(head)))
        .then_some(head)
}

/// The pre-nominal title of the PERSON mention starting at token `s`.
fn pre_nominal(doc: &Doc, idx: &Index, mentions: &[Mention], s: usize) -> Found {
    let mut j = s;
    while j > 0 && !doc.line_break_before(j) && is_honorific(doc.word(j - 1)) {
        j -= 1;
    }
    if j == 0 || doc.line_break_before(j) || idx.ending.contains_key(&(j - 1)) {
        return Found::default();
    }
    // "Pakistan's defense minister, Jonas Berg": a comma between title and name, allowed when
    // an affiliation or `the` opens the title.
    if j >= 2 && doc.word(j - 1) == "," && is_role_head(doc.word(j - 2)) && !doc.line_break_before(j - 1) {
        let found = pre_nominal_at(doc, idx, mentions, j - 1, j - 2);
        let opened = |k: usize| k > 0 && doc.word(k - 1).eq_ignore_ascii_case("the");
        return match found {
            Some((f, k)) if f.affiliate.is_some() || opened(k) => f,
            _ => Found::default(),
        };
    }
    let head = if is_role_head(doc.word(j - 1)) {
        j - 1
    } else {
        match head_of_title(doc, idx, j) {
            Some(h) => h,
            None => return Found::default(),
        }
    };
    pre_nominal_at(doc, idx, mentions, j, head).map(|(f, _)| f).unwrap_or_default()
}

/// The title ending before token `end` with its head at `head`, extended left over modifiers,
/// with the affiliation before it; also returns the title's first token.
fn pre_nominal_at(doc: &Doc, idx: &Index, mentions: &[Mention], end: usize, head: usize) -> Option<(Found, usize)> {
    let title_case = is_capitalised(doc.word(head));
    let mut k = head;
    while k > 0 && head - k < 4 && !doc.line_break_before(k) && !idx.ending.contains_key(&(k - 1)) {
        let w = doc.word(k - 1);
        let t = doc.tokens[k - 1];
        if t.kind != TokenKind::Word {
            break;
        }
        let known = is_role_word(w);
        let other_cap = title_case
            && is_capitalised(w)
            && !in_sorted(NOT_IN_TITLE, &w.to_lowercase())
            && !is_honorific(w)
            && !sentence_start(doc, k - 1);
        if !(known || other_cap) {
            break;
        }
        k -= 1;
    }
    let role = doc.text[doc.tokens[k].start..doc.tokens[end - 1].end].to_string();
    Some((Found { role: Some(role), affiliate: affiliate_before(doc, idx, mentions, k) }, k))
}

/// The appositive title after the PERSON mention ending at token `e` (exclusive).
fn appositive(doc: &Doc, idx: &Index, mentions: &[Mention], e: usize) -> Found {
    let n = doc.tokens.len();
    if e >= n || doc.word(e) != "," {
        return Found::default();
    }
    let mut p = e + 1;
    if p < n && in_sorted(ARTICLES, &doc.word(p).to_lowercase()) {
        p += 1;
    }
    let mut affiliate = None;
    if let Some(&m) = idx.starting.get(&p) {
        let (_, me) = idx.ranges[m];
        if me < n && is_possessive(doc.word(me)) {
            affiliate = Some(m);
            p = me + 1;
        } else if mentions[m].label != Label::Person && me < n && is_role_word(doc.word(me)) {
            affiliate = Some(m);
            p = me;
        } else {
            return Found::default();
        }
    }
    let mut q = p;
    let mut head = None;
    while q < n && q - p < 5 && doc.tokens[q].kind == TokenKind::Word && !idx.starting.contains_key(&q) {
        let w = doc.word(q);
        if is_role_head(w) {
            head = Some(q);
        } else if !is_role_word(w) {
            break;
        }
        q += 1;
    }
    let Some(h) = head else { return Found::default() };
    if doc.line_break_before(h) {
        return Found::default();
    }
    let role = doc.text[doc.tokens[p].start..doc.tokens[h].end].to_string();
    if affiliate.is_none() && h + 1 < n && in_sorted(AFTER_ROLE, &doc.word(h + 1).to_lowercase()) {
        let mut r = h + 2;
        if r < n && in_sorted(ARTICLES, &doc.word(r).to_lowercase()) {
            r += 1;
        }
        affiliate = idx.starting.get(&r).copied().filter(|&m| mentions[m].label != Label::Person);
    }
    Found { role: Some(role), affiliate }
}

/// The affiliation of the ORG mention starting at token `s`: a possessive before it (`Iran's
/// Foreign Ministry`) or a nationality or place right before it (`Iranian Foreign Ministry`).
fn org_affiliation(doc: &Doc, idx: &Index, mentions: &[Mention], s: usize) -> Found {
    let affiliate = affiliate_before(doc, idx, mentions, s).filter(|&m| {
        let possessive = s > 0 && is_possessive(doc.word(s - 1));
        possessive || matches!(mentions[m].label, Label::Norp | Label::Gpe)
    });
    Found { role: None, affiliate }
}

/// Sets the roles and affiliations of `entities` from the layouts around their mentions (see the
/// module docs); relabels MISC organisations in front of a role as ORG.
pub(crate) fn assign(doc: &Doc, mentions: &mut [Mention], entities: &mut [Entity]) {
    let ranges: Vec<(usize, usize)> = mentions.iter().map(|m| doc.token_range(m.start, m.end)).collect();
    let mut starting = FxHashMap::with_capacity_and_hasher(mentions.len(), Default::default());
    let mut ending = FxHashMap::with_capacity_and_hasher(mentions.len(), Default::default());
    for (i, &(s, e)) in ranges.iter().enumerate() {
        if e > s {
            starting.entry(s).or_insert(i);
            ending.insert(e - 1, i);
        }
    }
    let idx = Index { ranges, starting, ending };
    let mut best: Vec<Found> = (0..entities.len()).map(|_| Found::default()).collect();
    let mut to_org: Vec<usize> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let (s, e) = idx.ranges[i];
        if e <= s {
            continue;
        }
        let found = match m.label {
            Label::Person => {
                let pre = pre_nominal(doc, &idx, mentions, s);
                if pre.role.is_some() { pre } else { appositive(doc, &idx, mentions, e) }
            }
            Label::Org => org_affiliation(doc, &idx, mentions, s),
            _ => continue,
        };
        if let (Label::Person, Some(a), Some(role)) = (m.label, found.affiliate, found.role.as_deref())
            && mentions[a].label == Label::Misc
            && speaks_for_a_group(role)
            && !looks_adjectival(&mentions[a].text)
        {
            to_org.push(mentions[a].entity_id);
        }
        let b = &mut best[m.entity_id];
        if found.score() > b.score() {
            *b = found;
        }
    }
    for &id in &to_org {
        entities[id].label = Label::Org;
    }
    for m in mentions.iter_mut() {
        m.label = entities[m.entity_id].label;
    }
    for (id, f) in best.into_iter().enumerate() {
        entities[id].role = f.role;
        entities[id].affiliation = f.affiliate.map(|a| {
            let e = &entities[mentions[a].entity_id];
            match e.label {
                Label::Norp => country_of_demonym(&e.name).map_or_else(|| e.name.clone(), str::to_string),
                _ => e.name.clone(),
            }
        });
    }
}

/// Whether a phrase (lowercase words joined by spaces) is a nationality in the gazetteer.
pub fn is_demonym(phrase: &str) -> bool {
    gazetteer::contains(gazetteer::DEMONYM, phrase)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{entity, run};
    use super::*;

    #[test]
    fn lexicons_are_sorted() {
        for list in [ROLE_HEADS, ROLE_MODIFIERS, NOT_IN_TITLE, ARTICLES, AFTER_ROLE, GROUP_VOICES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert!(is_role_head("Minister") && is_role_head("vice-president") && is_role_head("CEO"));
        assert!(is_role_word("Foreign") && !is_role_word("Bakare"));
        assert_eq!(country_of_demonym("Iranian"), Some("Iran"));
        assert_eq!(country_of_demonym("Germans"), Some("Germany"));
        assert!(is_demonym("iranian"));
        assert!(looks_adjectival("Bosnian") && looks_adjectival("Moscow-backed") && !looks_adjectival("Hamas"));
        assert!(speaks_for_a_group("chief spokesman") && !speaks_for_a_group("coach"));
    }

    #[test]
    fn pre_nominal_with_nationality() {
        let text = "Kenyan Foreign Minister Olu Bakare arrived.";
        let (_, es) = run(text, &[("Kenyan", Label::Norp), ("Olu Bakare", Label::Person)]);
        let e = entity(&es, "Olu Bakare");
        assert_eq!(e.role.as_deref(), Some("Foreign Minister"));
        assert_eq!(e.affiliation.as_deref(), Some("Kenya"));
    }

    #[test]
    fn pre_nominal_with_possessive() {
        for text in ["Ghana's Deputy Trade Minister Ama Owusu spoke.", "Ghana’s Deputy Trade Minister Ama Owusu spoke."]
        {
            let (_, es) = run(text, &[("Ghana", Label::Gpe), ("Ama Owusu", Label::Person)]);
            let e = entity(&es, "Ama Owusu");
            assert_eq!(e.role.as_deref(), Some("Deputy Trade Minister"));
            assert_eq!(e.affiliation.as_deref(), Some("Ghana"));
        }
    }

    #[test]
    fn pre_nominal_with_organisation() {
        let text = "The talks stalled. Hamas spokesman Lee Vang denied it. Vang left.";
        let (ms, es) = run(text, &[("Hamas", Label::Misc), ("Lee Vang", Label::Person), ("Vang", Label::Person)]);
        let e = entity(&es, "Lee Vang");
        assert_eq!(e.role.as_deref(), Some("spokesman"));
        assert_eq!(e.affiliation.as_deref(), Some("Hamas"));
        assert_eq!(e.mention_count, 2);
        // A MISC in front of a role is an organisation.
        assert_eq!(entity(&es, "Hamas").label, Label::Org);
        assert_eq!(ms[0].label, Label::Org);
    }

    #[test]
    fn capitalised_title_words_and_sentence_starts() {
        let text = "Homeland Security Secretary Ann Ruiz spoke, and Treasury Secretary Bo Li too.";
        let (_, es) = run(text, &[("Ann Ruiz", Label::Person), ("Bo Li", Label::Person)]);
        assert_eq!(entity(&es, "Ann Ruiz").role.as_deref(), Some("Security Secretary"));
        assert_eq!(entity(&es, "Bo Li").role.as_deref(), Some("Treasury Secretary"));
        let text = "Meanwhile President Ann Ruiz spoke.";
        let (_, es) = run(text, &[("Ann Ruiz", Label::Person)]);
        assert_eq!(entity(&es, "Ann Ruiz").role.as_deref(), Some("President"));
        assert_eq!(entity(&es, "Ann Ruiz").affiliation, None);
    }

    #[test]
    fn pre_nominal_with_a_comma() {
        let text = "Ghana's trade minister, Ama Owusu, spoke. The interior minister, Bo Li, agreed. \
                    He met a minister, Lee Vang, and Sen. Kofi Mensah.";
        let (_, es) = run(
            text,
            &[
                ("Ghana", Label::Gpe),
                ("Ama Owusu", Label::Person),
                ("Bo Li", Label::Person),
                ("Lee Vang", Label::Person),
                ("Kofi Mensah", Label::Person),
            ],
        );
        let e = entity(&es, "Ama Owusu");
        assert_eq!((e.role.as_deref(), e.affiliation.as_deref()), (Some("trade minister"), Some("Ghana")));
        assert_eq!(entity(&es, "Bo Li").role.as_deref(), Some("interior minister"));
        assert_eq!(entity(&es, "Lee Vang").role, None);
        assert_eq!(entity(&es, "Kofi Mensah").role.as_deref(), Some("Sen."));
    }

    #[test]
    fn pre_nominal_head_of_title() {
        let text = "Ghanaian Secretary of State Ama Owusu and Minister of Foreign Affairs Bo Li met.";
        let (_, es) = run(text, &[("Ghanaian", Label::Norp), ("Ama Owusu", Label::Person), ("Bo Li", Label::Person)]);
        let e = entity(&es, "Ama Owusu");
        assert_eq!(e.role.as_deref(), Some("Secretary of State"));
        assert_eq!(e.affiliation.as_deref(), Some("Ghana"));
        assert_eq!(entity(&es, "Bo Li").role.as_deref(), Some("Minister of Foreign Affairs"));
    }

    #[test]
    fn appositive_with_possessive() {
        let text = "Olu Bakare, Nigeria's defense minister, said so.";
        let (_, es) = run(text, &[("Olu Bakare", Label::Person), ("Nigeria", Label::Gpe)]);
        let e = entity(&es, "Olu Bakare");
        assert_eq!(e.role.as_deref(), Some("defense minister"));
        assert_eq!(e.affiliation.as_deref(), Some("Nigeria"));
    }

    #[test]
    fn appositive_with_article_nationality_and_of_phrase() {
        let text =
            "Olu Bakare, the Nigerian trade minister, spoke. Ama Owusu, a spokeswoman for the Red Cross, agreed.";
        let (_, es) = run(
            text,
            &[
                ("Olu Bakare", Label::Person),
                ("Nigerian", Label::Norp),
                ("Ama Owusu", Label::Person),
                ("Red Cross", Label::Org),
            ],
        );
        let e = entity(&es, "Olu Bakare");
        assert_eq!(e.role.as_deref(), Some("trade minister"));
        assert_eq!(e.affiliation.as_deref(), Some("Nigeria"));
        let e = entity(&es, "Ama Owusu");
        assert_eq!(e.role.as_deref(), Some("spokeswoman"));
        assert_eq!(e.affiliation.as_deref(), Some("Red Cross"));
    }

    #[test]
    fn no_role_from_a_list_or_plain_comma() {
        let text = "Olu Bakare, Ama Owusu and Bo Li met. Lee Vang, who spoke, left.";
        let (_, es) = run(
            text,
            &[
                ("Olu Bakare", Label::Person),
                ("Ama Owusu", Label::Person),
                ("Bo Li", Label::Person),
                ("Lee Vang", Label::Person),
            ],
        );
        assert!(es.iter().all(|e| e.role.is_none() && e.affiliation.is_none()), "{es:#?}");
    }

    #[test]
    fn org_affiliation_from_possessive() {
        let text = "A statement from Ghana's Foreign Ministry said so.";
        let (_, es) = run(text, &[("Ghana", Label::Gpe), ("Foreign Ministry", Label::Org)]);
        let e = entity(&es, "Foreign Ministry");
        assert_eq!(e.affiliation.as_deref(), Some("Ghana"));
        assert_eq!(e.role, None);
    }

    #[test]
    fn title_words_are_trimmed_from_person_spans() {
        let text = "Kenyan Foreign Minister Olu Bakare met Mr. Bo Li and Ghana's President Ama Owusu's aides.";
        let (ms, es) = run(
            text,
            &[
                ("Kenyan Foreign Minister Olu Bakare", Label::Person),
                ("Mr. Bo Li", Label::Person),
                ("Ghana's President Ama Owusu's", Label::Person),
            ],
        );
        let texts: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, vec!["Olu Bakare", "Bo Li", "Ama Owusu"]);
        assert_eq!(&text[ms[0].start..ms[0].end], "Olu Bakare");
        // The trimmed title still gives the role (no NORP mention, so no affiliation).
        assert_eq!(entity(&es, "Olu Bakare").role.as_deref(), Some("Foreign Minister"));
        assert_eq!(entity(&es, "Ama Owusu").role.as_deref(), Some("President"));
    }

    #[test]
    fn sentence_initial_common_words_are_dropped() {
        let text = "Analysts said so. Some analysts disagreed. Apple said no. An apple fell.";
        let mut ms = super::super::tests::mentions_of(text, &[("Analysts", Label::Org), ("Apple", Label::Org)]);
        ms[0].confidence = 0.6;
        ms[1].confidence = 0.95;
        let (ms, _) = super::super::group(text, ms);
        let texts: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, vec!["Apple"]);
    }

    #[test]
    fn role_only_mentions_are_dropped() {
        let text = "The Defense Minister and the Foreign Minister met Olu Bakare and King. Regional talks.";
        let (ms, es) = run(
            text,
            &[
                ("Defense Minister", Label::Org),
                ("Foreign Minister", Label::Person),
                ("Olu Bakare", Label::Person),
                ("King", Label::Person),
            ],
        );
        let texts: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, vec!["Olu Bakare", "King"]);
        assert_eq!(es.len(), 2);
    }

    #[test]
    fn a_capitalised_word_before_a_group_voice_names_the_group() {
        let found = |text: &str, person: &str| {
            let tokens = crate::segment::tokenize(text);
            let doc = Doc { text, tokens: &tokens };
            let at = text.find(person).unwrap();
            let mut ms = vec![Mention::new(text, Span { start: at, end: at + person.len() }, Label::Person, 0.9)];
            add_group_affiliates(&doc, &mut ms);
            ms.iter().filter(|m| m.label == Label::Org).map(|m| m.text.clone()).collect::<Vec<_>>()
        };
        assert_eq!(found("Qarvani spokesman Lee Vang denied it.", "Lee Vang"), vec!["Qarvani"]);
        assert_eq!(found("Talks stalled. Vorlak official Ama Owusu said so.", "Ama Owusu"), vec!["Vorlak"]);
        // Not a group: an article, a nationality, a role modifier, or no group-voice role.
        assert!(found("The spokesman Lee Vang denied it.", "Lee Vang").is_empty());
        assert!(found("Iranian spokesman Lee Vang denied it.", "Lee Vang").is_empty());
        assert!(found("Chief spokesman Lee Vang denied it.", "Lee Vang").is_empty());
        assert!(found("Qarvani coach Lee Vang denied it.", "Lee Vang").is_empty());
    }
}
