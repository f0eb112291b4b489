//! Reported speech without quote marks: the reported clause becomes an `indirect` quote.
//!
//! Layouts (one sentence each):
//! - `X said (that) CLAUSE`, `X told reporters (that) CLAUSE`, `X warned on Monday that CLAUSE`
//!   (`name-said-clause`);
//! - `according to X, CLAUSE` and `CLAUSE, according to X` (`according-to-clause`);
//! - `CLAUSE, X said.` and `CLAUSE, said X.` (`clause-comma-name-said`), also with a short
//!   adverbial after the verb (`…, the agency said in a June report.`);
//! - `A, X said, B.` (`clause-said-clause`): the whole sentence is the statement;
//! - `X urged Congress to act`, `X declined to comment`, `X criticized the plan` (verbs flagged
//!   `COMPLEMENT` in the lexicon): the object or infinitive to the end of the clause
//!   (`name-verb-complement`), only with a subject (a bare base form such as "call" only after a
//!   name or pronoun, since it may be a noun); `called for …` is left out.
//!
//! The clause runs to the end of the sentence, or to a comma that starts another attribution
//! (`…, adding that …`, `…, though he reiterated that …`). Clauses that are mostly a quotation are
//! left to the direct layouts.

use super::cues::{BARE, CLAUSE, COMPLEMENT, Cue, OBJECT, SPEECH, WEAK};
use super::direct::{cue_at, is_according_to};
use super::speakers::{self, Speaker, lower, np_right, subject_left};
use super::{Attrib, Doc, NONE};
use crate::segment::TokenKind;

/// A reported statement: clause tokens `first..last` (exclusive) and its attribution.
#[derive(Debug, Clone)]
pub(crate) struct Reported {
    pub first: usize,
    pub last: usize,
    pub attrib: Attrib,
}

/// Finds the reported statements of every sentence.
pub(crate) fn find(doc: &Doc) -> Vec<Reported> {
    let mut out = Vec::new();
    for &(a, b) in &doc.sents {
        sentence(doc, a, b, &mut out);
    }
    out
}

fn sentence(doc: &Doc, a: usize, b: usize, out: &mut Vec<Reported>) {
    for j in a..b {
        if doc.region_of[j] != NONE {
            continue;
        }
        if is_according_to(doc, j) {
            according_to(doc, a, b, j, out);
            continue;
        }
        let Some(cue) = cue_at(doc, j) else { continue };
        if let Some(rep) = clause_after(doc, a, b, j, cue) {
            out.push(rep);
        } else if let Some(rep) = cue.has(SPEECH | CLAUSE).then(|| clause_before(doc, a, b, j)).flatten() {
            out.push(rep);
        } else if let Some(rep) = complement(doc, a, b, j, cue) {
            out.push(rep);
        }
    }
}

/// `X said (that) CLAUSE`.
fn clause_after(doc: &Doc, a: usize, b: usize, j: usize, cue: Cue) -> Option<Reported> {
    if !cue.has(CLAUSE) {
        return None;
    }
    let mut c = j + 1;
    if c >= b {
        return None;
    }
    let mut had_that = false;
    let first = lower(doc, c);
    let that = that_within(doc, c, b, 10).filter(|&t| t == c || cue.has(OBJECT) || is_adverbial_start(&first));
    if let Some(t) = that {
        // "said that", "said on Tuesday that", "told reporters that", "said in a statement that".
        c = t + 1;
        had_that = true;
    } else if !cue.has(BARE) {
        return None;
    } else {
        if cue.has(OBJECT) {
            // "told reporters Lisbon is …": skip the addressee.
            let obj = np_right(doc, c, b)?;
            c = obj.last + 1;
        }
        if !starts_clause(doc, c, b) {
            return None;
        }
    }
    let last = clause_end(doc, c, b)?;
    if last <= c + 2 || mostly_quoted(doc, c, last) {
        return None;
    }
    let spk = subject_of(doc, a, j);
    if spk.is_none() && (cue.has(WEAK) || !had_that) {
        return None;
    }
    let conf = match (cue.has(WEAK), spk.is_some()) {
        (false, true) => 0.75,
        (true, true) => 0.5,
        _ => 0.4,
    };
    Some(Reported {
        first: c,
        last,
        attrib: Attrib { speaker: spk, cue: Some((j, j)), rule: "name-said-clause", confidence: conf },
    })
}

/// `X urged Congress to act`, `X declined to comment`, `X criticized the plan`: the verb's object
/// or infinitive, to the end of the clause (`name-verb-complement`).
fn complement(doc: &Doc, a: usize, b: usize, j: usize, cue: Cue) -> Option<Reported> {
    if !cue.has(COMPLEMENT) {
        return None;
    }
    let c = j + 1;
    // "called for talks" is advocacy, not a characterisation ("called the plan a disaster").
    // A quote right after the verb is left to the direct layouts ("a film called “Heat”").
    if c + 1 >= b
        || (cue.lemma == "call" && lower(doc, c) == "for")
        || !matches!(doc.toks[c].kind, TokenKind::Word | TokenKind::Number)
    {
        return None;
    }
    let last = clause_end(doc, c, b)?;
    if last < c + 2 || mostly_quoted(doc, c, last) {
        return None;
    }
    let spk = subject_of(doc, a, j)?;
    // A base form may be a noun ("a phone call", "their support"): only after a name or pronoun.
    if doc.word(j).eq_ignore_ascii_case(cue.lemma) && spk.kind == speakers::SpeakerKind::Nominal {
        return None;
    }
    Some(Reported {
        first: c,
        last,
        attrib: Attrib { speaker: Some(spk), cue: Some((j, j)), rule: "name-verb-complement", confidence: 0.4 },
    })
}

/// `CLAUSE, X said.` / `CLAUSE, said X.`: the cue and speaker close the sentence; and
/// `A, X said, B.` (`clause-said-clause`): an attribution inserted mid-sentence, where the
/// statement is the whole sentence around it.
fn clause_before(doc: &Doc, a: usize, b: usize, j: usize) -> Option<Reported> {
    // Only punctuation or a short adverbial ("on Monday", "in a statement to reporters") may
    // follow the verb, up to the sentence end or a comma.
    let mut e = j + 1;
    let spk_right = np_right(doc, e, b).filter(|s| s.kind != speakers::SpeakerKind::Pronoun || s.last > e);
    let inverted = j > a && (doc.word(j - 1) == "," || comma_quote(doc, j - 1));
    if inverted {
        e = spk_right.map_or(e, |s| s.last + 1);
        if e < b && doc.word(e) == "," {
            e = b; // "…, said Brian Baker, a spokesman for the group."
        }
    }
    e = adverbial_end(doc, e, b);
    let rest = (e..b).find(|&x| matches!(doc.toks[x].kind, TokenKind::Word | TokenKind::Number));
    let mid = match rest {
        None => false,
        // "That culture, they said, emphasizes selling …": a comma, then the statement goes on.
        Some(x) if !inverted && x > e && doc.word(e) == "," && (e + 1..x).all(|y| doc.word(y) == ",") => {
            if x + 2 >= b || cue_at(doc, x).is_some() || lower(doc, x).ends_with("ing") || mostly_quoted(doc, x, b) {
                return None;
            }
            true
        }
        Some(_) => return None,
    };
    let (spk, comma) = if inverted {
        (spk_right, j - 1)
    } else {
        let (s, _) = subject_left(doc, j, a)?;
        // The phrase may start before the name: "Texas Rep. Mike McCaul said".
        let mut f = s.first;
        while f > a
            && f + 4 > s.first
            && (speakers::is_name_word(doc, f - 1) || matches!(&*lower(doc, f - 1), "the" | "a" | "an"))
        {
            f -= 1;
        }
        let c = f.checked_sub(1)?;
        if doc.word(c) != "," && !comma_quote(doc, c) {
            return None;
        }
        (Some(s), c)
    };
    if comma < a + 2 || mostly_quoted(doc, a, comma) || doc.toks[a].kind == TokenKind::Quote {
        return None;
    }
    if mid {
        let last = clause_end(doc, e + 1, b)?;
        return Some(Reported {
            first: a,
            last,
            attrib: Attrib { speaker: spk, cue: Some((j, j)), rule: "clause-said-clause", confidence: 0.6 },
        });
    }
    if comma < a + 3 {
        return None;
    }
    Some(Reported {
        first: a,
        last: comma,
        attrib: Attrib { speaker: spk, cue: Some((j, j)), rule: "clause-comma-name-said", confidence: 0.7 },
    })
}

/// The end of a short adverbial after a cue: time words, and a prepositional phrase of a few
/// words ("in a June report", "during a visit to Ohio").
fn adverbial_end(doc: &Doc, mut e: usize, b: usize) -> usize {
    let mut phrases = 0;
    while e < b {
        let l = lower(doc, e);
        if phrases < 2
            && matches!(&*l, "in" | "on" | "at" | "during" | "to" | "after" | "before" | "via" | "through" | "with")
        {
            phrases += 1;
            let mut k = e + 1;
            while k < b && k < e + 8 && matches!(doc.toks[k].kind, TokenKind::Word | TokenKind::Number) {
                k += 1;
            }
            e = k;
        } else if is_time_word(&l) {
            e += 1;
        } else {
            break;
        }
    }
    e
}

/// A closing quote mark right after a comma: `,”` / `,''`.
fn comma_quote(doc: &Doc, k: usize) -> bool {
    k > 0 && doc.toks[k].kind == TokenKind::Quote && doc.word(k - 1) == ","
}

/// `according to X, CLAUSE` and `CLAUSE, according to X`.
fn according_to(doc: &Doc, a: usize, b: usize, j: usize, out: &mut Vec<Reported>) {
    let spk = np_right(doc, j + 2, b);
    let at_start = j == a || (j == a + 1 && matches!(&*lower(doc, a), "and" | "but" | "yet"));
    let (first, last) = if at_start {
        // The clause starts after the comma closing the source phrase.
        let Some(comma) = (j + 2..b.min(j + 20)).find(|&k| doc.word(k) == ",") else { return };
        let Some(last) = clause_end(doc, comma + 1, b) else { return };
        (comma + 1, last)
    } else {
        let last = if doc.word(j - 1) == "," { j - 1 } else { j };
        (a, last)
    };
    if last <= first + 2 || mostly_quoted(doc, first, last) || doc.toks[first].kind == TokenKind::Quote {
        return;
    }
    out.push(Reported {
        first,
        last,
        attrib: Attrib { speaker: spk, cue: Some((j, j + 1)), rule: "according-to-clause", confidence: 0.7 },
    });
}

/// The subject of the cue at `j` (a participle's is its clause's).
fn subject_of(doc: &Doc, a: usize, j: usize) -> Option<Speaker> {
    speakers::cue_subject(doc, j, a).map(|(s, _)| s)
}

/// A "that" among the next `n` tokens, before any punctuation other than a comma.
fn that_within(doc: &Doc, c: usize, b: usize, n: usize) -> Option<usize> {
    for k in c..b.min(c + n) {
        let w = doc.word(k);
        if w.eq_ignore_ascii_case("that") {
            return Some(k);
        }
        if doc.toks[k].kind != TokenKind::Word && doc.toks[k].kind != TokenKind::Number && w != "," {
            return None;
        }
        if k > c && cue_at(doc, k).is_some() {
            return None;
        }
    }
    None
}

fn is_adverbial_start(w: &str) -> bool {
    matches!(
        w,
        "on" | "in"
            | "at"
            | "during"
            | "last"
            | "earlier"
            | "this"
            | "yesterday"
            | "today"
            | "repeatedly"
            | "again"
            | "recently"
            | "publicly"
            | "privately"
            | "later"
            | "previously"
            | ","
            | "late"
            | "early"
            | "after"
            | "before"
            | "when"
            | "while"
            | "also"
            | "then"
            | "frequently"
            | "often"
            | "flatly"
            | "simply"
            | "to"
    ) || is_weekday(w)
}

fn is_weekday(w: &str) -> bool {
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
}

fn is_time_word(w: &str) -> bool {
    is_weekday(w)
        || matches!(
            w,
            "today"
                | "yesterday"
                | "tonight"
                | "on"
                | "last"
                | "week"
                | "night"
                | "month"
                | "earlier"
                | "later"
                | "recently"
                | "in"
                | "a"
                | "an"
                | "statement"
                | "interview"
                | "morning"
                | "afternoon"
                | "evening"
        )
}

/// Whether a bare clause may start at token `c`: a subject-like word, not "to" or a preposition.
fn starts_clause(doc: &Doc, c: usize, b: usize) -> bool {
    if c + 2 >= b {
        return false;
    }
    let t = doc.toks[c];
    if t.kind == TokenKind::Number {
        return true;
    }
    if t.kind != TokenKind::Word {
        return false;
    }
    let w = lower(doc, c);
    if matches!(&*w, "he" | "she" | "they" | "we" | "i" | "it" | "you" | "there" | "this" | "the" | "a" | "an") {
        return true;
    }
    if matches!(
        &*w,
        "to" | "so"
            | "yes"
            | "no"
            | "of"
            | "for"
            | "about"
            | "in"
            | "on"
            | "at"
            | "with"
            | "by"
            | "from"
            | "as"
            | "what"
            | "how"
            | "why"
            | "whether"
            | "if"
            | "when"
            | "where"
            | "who"
            | "nothing"
            | "something"
            | "goodbye"
            | "hello"
            | "thanks"
            | "sorry"
            | "more"
            | "less"
            | "otherwise"
            | "him"
            | "her"
            | "them"
            | "me"
            | "us"
            | "not"
            | "and"
            | "or"
            | "but"
            | "nothing."
    ) {
        return false;
    }
    // A name or noun followed by something verb-like (checked loosely: not sentence-final).
    !matches!(doc.word(c + 1), "." | "," | ";" | ":" | "!" | "?")
}

/// The end (exclusive) of a clause starting at `c`: the sentence end, or a comma or semicolon
/// that starts another attribution, trimmed of final punctuation.
fn clause_end(doc: &Doc, c: usize, b: usize) -> Option<usize> {
    let mut end = b;
    let mut k = c + 1;
    while k < end {
        let w = doc.word(k);
        // A comma, or a comma closing a quote (`“…,” adding that`).
        let comma_close = doc.toks[k].kind == TokenKind::Quote && doc.word(k - 1) == ",";
        if ((w == "," || w == ";") && doc.region_of[k] == NONE) || comma_close {
            let look = (k + 1..b.min(k + 6)).find(|&x| cue_at(doc, x).is_some() || is_according_to(doc, x));
            if let Some(x) = look {
                // ", adding", ", he said", ", though he reiterated", ", according to"
                let relative = x > 0 && matches!(&*lower(doc, x - 1), "who" | "which" | "that" | "whom");
                let between_ok = !relative
                    && (k + 1..x).all(|y| {
                        let l = lower(doc, y);
                        speakers::is_name_word(doc, y)
                            || speakers::is_pronoun(doc, y)
                            || matches!(&*l, "though" | "although" | "but" | "and" | "while" | "the" | "a" | "also")
                            || doc.toks[y].kind == TokenKind::Word && y + 1 == x
                    });
                if between_ok {
                    end = k;
                    break;
                }
            }
        }
        k += 1;
    }
    while end > c {
        let t = doc.toks[end - 1];
        let w = doc.word(end - 1);
        if t.kind == TokenKind::Punct && !matches!(w, ")" | "]") || t.kind == TokenKind::Dash {
            end -= 1;
        } else {
            break;
        }
    }
    (end > c).then_some(end)
}

/// Whether most of the tokens `first..last` lie inside direct quotes (then the quote is the
/// statement and the direct layouts attribute it).
fn mostly_quoted(doc: &Doc, first: usize, last: usize) -> bool {
    let n = last.saturating_sub(first);
    let inside = (first..last).filter(|&k| doc.region_of[k] != NONE || doc.toks[k].kind == TokenKind::Quote).count();
    n > 0 && inside * 10 >= n * 6
}
