//! Direct and partial quotes: which quoted regions are speech, and who said them.
//!
//! Layouts, tried in this order (all inside the quote's sentence unless said otherwise):
//! - a quote that opens its sentence looks right first: `"…," X said.` (`quote-comma-name-said`),
//!   `"…," said X.` (`quote-comma-said-name`), `"…," according to X` (`quote-according-to`),
//!   `"…" — X` (`quote-dash-name`);
//! - then left: `Said X: "…"` opening the sentence (`said-name-quote`), `X said: "…"` (`name-said-quote`), `X described it as "…"` (`name-cue-partial`),
//!   `"…" X said, adding "…"` (`participle-inherits`), `X: "…"` (`name-colon-quote`),
//!   `according to X, "…"` (`according-to-quote`);
//! - a partial quote (inside its sentence) tries left first, then right (first when the quote is
//!   closed by a comma and a frame of its own, `— “…,” she said —`); when the nearest cue's
//!   subject opens a relative clause ("Rubio said … Trump, whom he described as “…”") the
//!   sentence's subject is the speaker (`outer-speaker`); a partial quote with no speech cue takes
//!   the pronoun of a stance `to her, … “…”` (`to-x`), else the subject of the nearest verb of
//!   belief, wish or evaluation before it (`weak-cue-partial`), else the sentence's subject
//!   (`sentence-subject`, confidence 0.5); so does a partial quote whose cue is a coordinated verb
//!   or a participle with no subject found (`shared-subject`);
//! - `as X put it` before or after the quote in its sentence (`as-x-put-it`);
//! - a sentence ending in a colon just before (`colon-intro`);
//! - a quote continuing one from the previous paragraph (`multi-paragraph`), or a whole-sentence
//!   quote right after an attributed quote of the same or the previous paragraph
//!   (`continues-previous-speaker`).

use super::cues::{self, INVERT, SPEECH};
use super::marks::Region;
use super::speakers::{self, Found, Speaker, SpeakerKind, lower, np_left, np_right, subject_left};
use super::{Attrib, Doc, NONE, reported};
use crate::segment::TokenKind;

/// How far (in tokens) a cue may be from the quote it attributes.
const WINDOW_AFTER: usize = 36;
const WINDOW_BEFORE: usize = 40;

/// Attributes the region `regions[k]`; `done` holds the attributions of the regions before it in
/// document order (by region index) and `last` is the latest of them with a speaker. Returns None when the region is not speech.
pub(crate) fn attribute(
    doc: &Doc,
    regions: &[Region],
    k: usize,
    last: Option<usize>,
    done: &[Option<Attrib>],
) -> Option<Attrib> {
    let r = &regions[k];
    let first_tok = r.open.unwrap_or(r.first);
    let (sa, sb) = doc.sents[doc.sent_of[first_tok] as usize];
    if first_tok > sa && is_title(doc, r, first_tok - 1) {
        return None;
    }
    let whole = first_tok == sa || (first_tok == sa + 1 && doc.toks[sa].kind == TokenKind::Dash);
    let found = if whole { after(doc, r).or_else(|| before(doc, r, sa)) } else { partial(doc, r, sa) };
    let found = found.or_else(|| {
        let last_tok = r.close.unwrap_or(r.last.saturating_sub(1));
        let (ta, tb) = doc.sents[doc.sent_of[last_tok] as usize];
        sentence_tail(doc, ta, tb, last_tok + 1)
    });
    if let Some(a) = found {
        return Some(a);
    }
    if let Some(a) = colon_intro(doc, first_tok, sa) {
        return Some(a);
    }
    if let Some(p) = last.filter(|&p| regions[p].close.is_some_and(|c| doc.sent_of[c] == doc.sent_of[first_tok])) {
        // "“…,” said X, and his team “…”": an earlier quote of the same sentence.
        if let Some(prev) = done.get(p).and_then(Option::as_ref) {
            return Some(Attrib { rule: "same-sentence-quote", confidence: prev.confidence.min(0.7), ..*prev });
        }
    }
    if let Some(p) = r.prev {
        if let Some(prev) = done.get(p).and_then(Option::as_ref) {
            return Some(Attrib { rule: "multi-paragraph", confidence: prev.confidence.min(0.7), ..*prev });
        }
    }
    let words = r.words(doc);
    if whole || after_connective(doc, sa, first_tok) {
        // The previous attributed quote of this or the previous paragraph, if nothing but quotes
        // and attributions lie between ("But “…”" and "Then, “…”" too).
        if let Some(prev) = previous_speaker(doc, regions, k, last, done) {
            return Some(Attrib { rule: "continues-previous-speaker", confidence: 0.6, ..prev });
        }
    }
    let inner_stop = (r.first..r.last).any(|i| matches!(doc.word(i), "." | "!" | "?" | "," | "…"));
    if !(words >= 5 || (inner_stop && words >= 3) || r.continues || r.prev.is_some()) {
        return None;
    }
    if let Some(a) = as_x_put_it(doc, sa, sb, first_tok) {
        return Some(a);
    }
    if !whole {
        if let Some(a) = stance_to_pronoun(doc, sa, first_tok) {
            return Some(a);
        }
        if let Some(a) = weak_cue(doc, sa, first_tok) {
            return Some(a);
        }
        // A partial quote with no cue near it ("X protested that aides were being “…”"): the
        // subject of its sentence.
        if let Some(s) = sentence_subject(doc, sa, first_tok) {
            return Some(Attrib { speaker: Some(s), cue: None, rule: "sentence-subject", confidence: 0.5 });
        }
    }
    Some(Attrib { speaker: None, cue: None, rule: "unattributed", confidence: 0.4 })
}

/// A quote inside its sentence looks left first (`X called it “…”`), except that a quote closed by
/// a comma and its own frame (`… — “…,” she said — …`, `(“…,” Lee wrote)`) is that frame's
/// when the cue on the left is not next to it.
fn partial(doc: &Doc, r: &Region, sa: usize) -> Option<Attrib> {
    let left = before(doc, r, sa);
    if left.is_some_and(|a| a.rule == "name-said-quote") || !comma_framed(doc, r) {
        return left.or_else(|| after(doc, r));
    }
    let right = after(doc, r);
    let framed =
        right.filter(|a| matches!(a.rule, "quote-comma-name-said" | "quote-comma-said-name") && tight_frame(doc, r, a));
    framed.or(left).or(right)
}

/// Whether the attribution after a quote is a frame of its own: speaker and cue right after the
/// comma, then at most a short adverbial before the clause ends (`“…,” she said —`, `“…,” said
/// Lee, who …`); not a new clause (`“…,” but he warned China …`).
fn tight_frame(doc: &Doc, r: &Region, a: &Attrib) -> bool {
    let (Some(s), Some((j, _)), Some(c)) = (a.speaker, a.cue, r.close) else { return false };
    let i = (c + 1..doc.toks.len().min(c + 3)).find(|&k| doc.word(k) != ",").unwrap_or(c + 1);
    let (_, b) = doc.sents[doc.sent_of[c] as usize];
    let k = j.max(s.last) + 1;
    let ends = k >= b
        || (k..b.min(k + 4)).any(|x| matches!(doc.toks[x].kind, TokenKind::Punct | TokenKind::Dash | TokenKind::Quote));
    // ("“…,” describing the team as …" is a participle phrase, not a frame.)
    s.first.min(j) == i && ends && !doc.word(j).ends_with("ing")
}

/// Whether a comma ends the quote (inside or right after its closing mark).
fn comma_framed(doc: &Doc, r: &Region) -> bool {
    let Some(c) = r.close else { return false };
    let inner = r.last.checked_sub(1).filter(|&x| x >= r.first);
    inner.is_some_and(|x| doc.word(x) == ",") || (doc.toks.get(c + 1).is_some() && doc.word(c + 1) == ",")
}

/// A partial quote whose cue found no subject of its own ("Ruiz praised the plan, calling it
/// “…”", "Ruiz condemned “…” and declared …"): a participle or a verb coordinated with the main
/// clause shares its subject, so the sentence's subject, when it stands before the cue, speaks.
pub(crate) fn subject_for_cue(doc: &Doc, r: &Region, a: Attrib) -> Attrib {
    let first_tok = r.open.unwrap_or(r.first);
    let sa = doc.sents[doc.sent_of[first_tok] as usize].0;
    let Some((c, _)) = a.cue.filter(|_| a.speaker.is_none() && first_tok > sa) else { return a };
    // Only a verb that has no subject of its own by its syntax: "… and declared", "…, calling".
    if c < sa + 2 {
        return a;
    }
    let coordinated = matches!(lower(doc, c - 1), "and" | "but");
    // (The comma may sit inside the quote's closing mark: "“…,” warning".)
    let comma = doc.word(c - 1) == "," || reported::comma_quote(doc, c - 1);
    let participle = comma && doc.word(c).ends_with("ing");
    if !(coordinated || participle) {
        return a;
    }
    match sentence_subject(doc, sa, c + 1).filter(|s| s.last < c) {
        Some(s) => Attrib { speaker: Some(s), rule: "shared-subject", confidence: 0.6, ..a },
        None => a,
    }
}

/// `as X put it` in the quote's sentence, before or after it (`“…,” as Lee put it`, `As Lee put
/// it, the plan is “…”`): X speaks (`as-x-put-it`).
fn as_x_put_it(doc: &Doc, sa: usize, sb: usize, o: usize) -> Option<Attrib> {
    let lo = sa.max(o.saturating_sub(WINDOW_BEFORE));
    let hi = sb.min(o + WINDOW_AFTER);
    // "put it" closing its clause: "as the firm put it on sale" puts a thing somewhere.
    let put_it = |v: usize| {
        v + 1 < hi
            && matches!(lower(doc, v), "put" | "puts")
            && lower(doc, v + 1) == "it"
            && (v + 2 >= sb
                || doc.toks[v + 2].kind == TokenKind::Quote
                || matches!(doc.word(v + 2), "," | "." | ";" | ":" | "—" | "-"))
    };
    (lo..hi).filter(|&k| doc.region_of[k] == NONE && lower(doc, k) == "as").find_map(|k| {
        // The speaker phrase may carry an appositive: "as Ruiz, a senior analyst, put it".
        let verb = (k + 2..hi.min(k + 25)).find(|&v| put_it(v))?;
        let s = np_right(doc, k + 1, verb)?;
        let plain = s.last + 1 == verb || doc.word(s.last + 1) == ",";
        plain.then(|| attrib(Some(s), (verb, verb + 1), "as-x-put-it", 0.7))
    })
}

/// `to her, “…”`: a stance marked by "to" and an object pronoun opening the quote's clause
/// (`to-x`). It must open a clause (the sentence, or after a comma or a connective): in "handed
/// the keys to her, and …" "to her" is the verb's.
fn stance_to_pronoun(doc: &Doc, sa: usize, o: usize) -> Option<Attrib> {
    let lo = sa.max(o.saturating_sub(12));
    let opens_clause =
        |k: usize| k == sa || matches!(lower(doc, k - 1), "," | "but" | "and" | "because" | "since" | "yet");
    let k = (lo..o.saturating_sub(2)).rev().find(|&k| {
        lower(doc, k) == "to"
            && matches!(lower(doc, k + 1), "him" | "her" | "them")
            && doc.word(k + 2) == ","
            && opens_clause(k)
    })?;
    // Only a clause between the comma and the quote, with no further comma.
    if (k + 3..o).any(|x| doc.word(x) == "," || doc.region_of[x] != NONE) {
        return None;
    }
    Some(attrib(Some(Speaker::new(k + 1, k + 1, SpeakerKind::Pronoun)), (k, k), "to-x", 0.5))
}

/// A partial quote that no speech layout attributed, after a verb of the lexicon (by then mostly
/// one of belief, wish or evaluation: "… because she believes he “…”", "Ruiz thanked the crews
/// for “…”"): the subject of the nearest such verb before it in the sentence
/// (`weak-cue-partial`).
fn weak_cue(doc: &Doc, sa: usize, o: usize) -> Option<Attrib> {
    let floor = sa.max(o.saturating_sub(WINDOW_BEFORE));
    // A verb that needs its particle ("talked about") is no cue without it ("as she spoke").
    let cue =
        |j: usize| cue_at(doc, j).is_some_and(|c| !c.has(cues::PARTICLE) || cues::particle(c.lemma, lower(doc, j + 1)));
    let j = (floor..o).rev().find(|&j| doc.region_of[j] == NONE && cue(j))?;
    let (s, _) = speakers::cue_subject(doc, j, sa)?;
    Some(attrib(Some(s), (j, j), "weak-cue-partial", 0.5))
}

/// Whether the quote opening at `first_tok` follows only a connective opening its sentence
/// ("But “…”", "Then, “…”").
fn after_connective(doc: &Doc, sa: usize, first_tok: usize) -> bool {
    let comma = first_tok == sa + 2 && doc.word(sa + 1) == ",";
    (first_tok == sa + 1 || comma)
        && matches!(lower(doc, sa), "but" | "and" | "then" | "now" | "still" | "yet" | "so" | "again" | "later")
}

/// The sentence's subject, for a partial quote whose nearest cue sits in a subordinate clause
/// ("Rubio said … Trump, whom he called a “con artist”"): the statement is the main clause's.
fn outer_subject(doc: &Doc, sa: usize, inner: Speaker) -> Option<Speaker> {
    if inner.first <= sa + 1 {
        return None;
    }
    // Only a relative clause about something the outer speaker names ("Trump, whom he called",
    // "what she calls"); in "when she called him …" or "in which he said …" the inner subject
    // spoke.
    // "… mocked the claim, saying anyone who complains is “…”": a restrictive "who" (no comma)
    // opens a clause about people the outer speaker describes.
    let restrictive_who = lower(doc, inner.first) == "who" && doc.word(inner.first - 1) != ",";
    if restrictive_who {
        let s = sentence_subject(doc, sa, inner.first)?;
        return (s.last < inner.first - 1).then_some(s);
    }
    let rel = inner.first - 1;
    let after_preposition =
        rel > sa && matches!(lower(doc, rel - 1), "in" | "on" | "at" | "by" | "with" | "for" | "of" | "during");
    // ("for what she calls “…”" is still a free relative.)
    let sub = lower(doc, rel) == "what" || (matches!(lower(doc, rel), "whom" | "which" | "that") && !after_preposition);
    if !sub {
        return None;
    }
    let s = sentence_subject(doc, sa, inner.first)?;
    (s.last < inner.first).then_some(s)
}

/// The subject opening the sentence `sa..` before token `end`, when a verb follows it.
fn sentence_subject(doc: &Doc, sa: usize, end: usize) -> Option<Speaker> {
    let mut s = speakers::subject_at(doc, sa, end).or_else(|| long_opener_subject(doc, sa, end))?;
    // "It", "Nothing", "Smiling broadly, …", "A number of …": not a speaker.
    let head = lower(doc, s.first);
    if matches!(head, "it" | "this" | "that" | "there" | "nothing" | "everything" | "something" | "a" | "an")
        || (head.len() > 5 && head.ends_with("ing"))
        || doc.word(s.last + 1) == ","
    {
        return None;
    }
    // "The union protested": the phrase stops before a verb-like word.
    if s.kind == SpeakerKind::Nominal {
        if let Some(v) = (s.first + 1..=s.last).find(|&k| speakers::looks_verbal(lower(doc, k))) {
            s.last = v - 1;
        }
    }
    // A subject phrase, then (maybe after an auxiliary or adverb) a lowercase word outside quotes.
    let v = s.last + 1;
    let ok = (v..end.min(v + 4)).any(|k| {
        doc.region_of[k] == NONE
            && doc.toks[k].kind == TokenKind::Word
            && doc.word(k).starts_with(|c: char| c.is_ascii_lowercase())
    });
    ok.then_some(s)
}

/// The subject after a long prepositional opener ("In a speech to bankers in May 2013, Ruiz …"),
/// not a possessor ("…, Ruiz's aides …").
fn long_opener_subject(doc: &Doc, sa: usize, end: usize) -> Option<Speaker> {
    if !matches!(lower(doc, sa), "in" | "at" | "on" | "during" | "after" | "before" | "with") {
        return None;
    }
    let comma = (sa + 1..end.min(sa + 20)).find(|&k| doc.word(k) == "," && doc.region_of[k] == NONE)?;
    speakers::subject_at(doc, comma + 1, end).filter(|s| !matches!(doc.word(s.last + 1), "'s" | "’s"))
}

/// A title or a name rather than speech: a film called "Heat", the so-called "deal", a show
/// on "Meet the Press", an HTML attribute `id="…"`.
fn is_title(doc: &Doc, r: &Region, prev: usize) -> bool {
    let w = doc.word(prev);
    if w == "=" {
        return true;
    }
    let words = r.words(doc);
    if words > 6 {
        return false;
    }
    if cues::names_a_title(w) {
        return true;
    }
    let small = |x: usize| {
        matches!(
            lower(doc, x),
            "of" | "the" | "and" | "a" | "an" | "to" | "in" | "on" | "for" | "at" | "with" | "by" | "or" | "from"
        )
    };
    let title_case = (r.first..r.last)
        .filter(|&x| doc.toks[x].kind == TokenKind::Word)
        .all(|x| doc.word(x).starts_with(char::is_uppercase) || small(x))
        && doc.word(r.first).starts_with(char::is_uppercase);
    title_case
        && matches!(
            lower(doc, prev),
            "on" | "of" | "in" | "at" | "to" | "from" | "for" | "'s" | "’s" | "the" | "with" | "by"
        )
}

/// `…, X said.` / `…, said X.` closing the sentence `ta..tb`, after token `from`: attributes
/// the quotes before it (`"a" and "b," X said`).
pub(crate) fn sentence_tail(doc: &Doc, ta: usize, tb: usize, from: usize) -> Option<Attrib> {
    let mut e = tb;
    while e > ta && matches!(doc.toks[e - 1].kind, TokenKind::Punct | TokenKind::Quote) {
        e -= 1;
    }
    let lo = from.max(ta).max(e.saturating_sub(15));
    let comma = (lo..e).rev().find(|&k| doc.word(k) == "," && doc.region_of[k] == NONE)?;
    let i = comma + 1;
    let j = (i..e).find(|&j| cue_at(doc, j).is_some_and(|c| c.has(SPEECH)))?;
    let spk = if j == i {
        np_right(doc, j + 1, e)?
    } else {
        let (s, how) = subject_left(doc, j, i)?;
        if how != Found::Plain && how != Found::Appositive {
            return None;
        }
        s
    };
    // Only a short adverbial may follow: "said Tuesday", "said in a statement".
    let rest_from = if j == i { spk.last + 1 } else { j + 1 };
    if e.saturating_sub(rest_from) > 6 || (rest_from..e).any(|x| doc.toks[x].kind == TokenKind::Quote) {
        return None;
    }
    Some(attrib(Some(spk), (j, j), "sentence-tail-said", 0.75))
}

/// Right of the quote: `"…," X said`, `"…," said X`, `"…" — X`.
fn after(doc: &Doc, r: &Region) -> Option<Attrib> {
    let c = r.close?;
    let (_, b) = doc.sents[doc.sent_of[c] as usize];
    let mut i = c + 1;
    let mut dash = false;
    while i < b && matches!(doc.word(i), "," | "—" | "–" | "--" | "-") {
        dash |= doc.word(i) != ",";
        i += 1;
    }
    if i >= b {
        // "“…?” Clinton asked." The splitter ended the sentence at the quote; the next sentence
        // of the paragraph may be just the attribution.
        return next_sentence(doc, c);
    }
    let end = b.min(i + WINDOW_AFTER);
    for j in i..end {
        if doc.toks[j].kind == TokenKind::Quote || matches!(doc.word(j), ";" | ":") {
            break;
        }
        if is_according_to(doc, j) {
            let spk = np_right(doc, j + 2, b)?;
            return Some(attrib(Some(spk), (j, j + 1), "quote-according-to", 0.85));
        }
        let Some(cue) = cue_at(doc, j) else { continue };
        if !cue.has(SPEECH) {
            continue;
        }
        if j == i {
            let spk = np_right(doc, j + 1, b);
            return Some(attrib(spk, (j, j), "quote-comma-said-name", 0.9));
        }
        // "“…” for the party, said Lena Ruiz.": with no subject before it, an inverting verb after a
        // comma takes the name after it.
        let inverted = || (cue.has(INVERT) && doc.word(j - 1) == ",").then(|| np_right(doc, j + 1, b)).flatten();
        let spk = subject_left(doc, j, i).map(|(s, _)| s).or_else(inverted);
        return Some(attrib(spk, (j, j), "quote-comma-name-said", 0.9));
    }
    if dash {
        let spk = np_right(doc, i, b).filter(|s| s.kind == SpeakerKind::Name)?;
        return Some(attrib(Some(spk), (i - 1, i - 1), "quote-dash-name", 0.7));
    }
    frame_verb(doc, r, c, i, b)
}

/// `“…,” he surmised.`: a quote ending in a comma (or `?`/`!`), then a subject and one verb
/// closing the sentence is attributed by its layout, even with a verb outside the lexicon
/// (`quote-comma-name-verb`).
fn frame_verb(doc: &Doc, r: &Region, c: usize, i: usize, b: usize) -> Option<Attrib> {
    let inner_end = r.last.checked_sub(1).filter(|&x| x >= r.first)?;
    let framed = matches!(doc.word(inner_end), "," | "?" | "!") || doc.word(c + 1) == ",";
    if !framed || doc.word(i - 1) == "—" {
        return None;
    }
    let spk = np_right(doc, i, b)?;
    if spk.kind == SpeakerKind::Nominal && spk.last > spk.first + 4 {
        return None;
    }
    let v = spk.last + 1;
    if v >= b || doc.toks[v].kind != TokenKind::Word {
        return None;
    }
    let w = doc.word(v);
    let verbal = w.starts_with(|ch: char| ch.is_ascii_lowercase())
        && w.len() > 3
        && (w.ends_with("ed") || w.ends_with('s'))
        && !speakers::is_stop(lower(doc, v));
    // "“…,” she went on": an irregular verb with its particle.
    let went_on = matches!(w, "went" | "goes") && v + 1 < b && lower(doc, v + 1) == "on";
    let cue_end = if went_on { v + 1 } else { v };
    // Only punctuation, or a short adverbial, after the verb.
    let rest = (cue_end + 1..b).filter(|&x| matches!(doc.toks[x].kind, TokenKind::Word | TokenKind::Number)).count();
    if !(verbal || went_on) || rest > 3 || (v + 1..b).any(|x| doc.toks[x].kind == TokenKind::Quote) {
        return None;
    }
    Some(attrib(Some(spk), (v, cue_end), "quote-comma-name-verb", 0.6))
}

/// The sentence after a quote that ended its sentence, when it opens with `X said` or `said X`.
fn next_sentence(doc: &Doc, c: usize) -> Option<Attrib> {
    let i = c + 1;
    if i >= doc.toks.len() || doc.para_of[i] != doc.para_of[c] || doc.toks[i].kind == TokenKind::Quote {
        return None;
    }
    let (_, b) = doc.sents[doc.sent_of[i] as usize];
    let end = b.min(i + 12);
    let j = (i..end).find(|&j| cue_at(doc, j).is_some_and(|cue| cue.has(SPEECH)))?;
    // After "?" or "!" the sentence break is the splitter's, and the clause after is the frame
    // ("“…?” Lee said of the plan, adding …"); after a full stop, a long sentence is a new one.
    let asked = c > 0 && matches!(doc.word(c - 1), "?" | "!");
    let frames = |from: usize| asked || only_attribution(doc, from, b);
    if j == i {
        let spk = np_right(doc, j + 1, b)?;
        return frames(spk.last + 1).then(|| attrib(Some(spk), (j, j), "quote-said-name", 0.8));
    }
    let (spk, _) = subject_left(doc, j, i)?;
    // The subject must open the sentence.
    if spk.first != i && !(i..spk.first).all(|x| speakers::is_name_word(doc, x) || is_role_like(doc, x)) {
        return None;
    }
    frames(j + 1).then(|| attrib(Some(spk), (j, j), "quote-name-said", 0.8))
}

/// Whether the tokens `from..b` closing a sentence are at most a short adverbial ("at a rally",
/// "on Tuesday"): a sentence that goes on to a statement of its own ("Lee said that …", "Lee
/// said: “…”") attributes that statement, not the quote before it.
fn only_attribution(doc: &Doc, from: usize, b: usize) -> bool {
    let words = (from..b).filter(|&x| matches!(doc.toks[x].kind, TokenKind::Word | TokenKind::Number)).count();
    words <= 6 && !(from..b).any(|x| doc.toks[x].kind == TokenKind::Quote || matches!(doc.word(x), ":" | "that"))
}

fn is_role_like(doc: &Doc, x: usize) -> bool {
    doc.toks[x].kind == TokenKind::Word && cues::verb(doc.word(x)).is_none()
}

/// Left of the quote, in its sentence: `X said: "…"`, `X called it "…"`, `X: "…"`.
fn before(doc: &Doc, r: &Region, sa: usize) -> Option<Attrib> {
    let o = r.open?;
    if let Some(a) = fronted_cue(doc, sa, o) {
        return Some(a);
    }
    let floor = sa.max(o.saturating_sub(WINDOW_BEFORE));
    if o > sa + 1 && doc.word(o - 1) == ":" {
        if let Some(s) = np_left(doc, o - 2, sa).filter(|s| s.kind == SpeakerKind::Name && s.first == sa) {
            return Some(attrib(Some(s), (o - 1, o - 1), "name-colon-quote", 0.75));
        }
    }
    let mut j = o;
    let mut participle: Option<(usize, usize)> = None;
    while j > floor {
        j -= 1;
        let reg = doc.region_of[j];
        if reg != NONE {
            continue; // inside another quote
        }
        if j + 1 < o && is_according_to(doc, j) {
            let spk = np_right(doc, j + 2, o);
            return Some(attrib(spk, (j, j + 1), "according-to-quote", 0.8));
        }
        let Some(cue) = cue_at(doc, j) else { continue };
        if !cue.has(SPEECH) {
            continue;
        }
        let adjacent = (j + 1..o).all(|x| matches!(doc.word(x), "," | ":")) || j + 1 == o;
        let rule = if adjacent { "name-said-quote" } else { "name-cue-partial" };
        match speakers::cue_subject(doc, j, sa) {
            Some((s, how)) => {
                // "… hungry for what she calls “real solutions”": even right before the quote, a
                // free relative is part of the outer statement.
                let free_relative = s.first > sa && lower(doc, s.first - 1) == "what";
                if (!adjacent || free_relative) && participle.is_none() {
                    if let Some(outer) = outer_subject(doc, sa, s) {
                        return Some(attrib(Some(outer), (j, j), "outer-speaker", 0.7));
                    }
                }
                let conf = match (how, s.kind) {
                    (Found::Coordinated, _) => 0.65,
                    (_, SpeakerKind::Nominal) => 0.75,
                    _ => 0.85,
                };
                let (cue_span, rule) = match participle {
                    Some(p) => (p, "participle-inherits"),
                    None if how == Found::Coordinated && cue.participle(doc.word(j)) => ((j, j), "participle-inherits"),
                    None => ((j, j), rule),
                };
                return Some(attrib(Some(s), cue_span, rule, conf));
            }
            None if after_quote(doc, j, sa) && cue.has(INVERT) => {
                // "“…,” says the ad's narrator, “…”"
                if let Some(s) = np_right(doc, j + 1, o) {
                    return Some(attrib(Some(s), (j, j), "quote-said-name", 0.8));
                }
            }
            None if cue.participle(doc.word(j)) && participle.is_none() => participle = Some((j, j)),
            None if participle.is_none() => return Some(attrib(None, (j, j), rule, 0.5)),
            None => {}
        }
    }
    participle.map(|p| attrib(None, p, "participle-inherits", 0.5))
}

/// `Said Lena Ruiz: “…”`, `Added the mayor, who had listened, “…”`: a sentence opening with an
/// inverting speech verb and its speaker, then the quote (`said-name-quote`).
fn fronted_cue(doc: &Doc, sa: usize, o: usize) -> Option<Attrib> {
    let w = doc.word(sa);
    if o < sa + 3 || !w.starts_with(char::is_uppercase) || !matches!(doc.word(o - 1), "," | ":") {
        return None;
    }
    cues::verb(w).filter(|c| c.has(SPEECH) && c.has(INVERT))?;
    // (Token `o - 1` is the comma or colon, so the phrase ends before it.)
    let spk = np_right(doc, sa + 1, o - 1)?;
    let closed = matches!(doc.word(spk.last + 1), "," | ":");
    let plain = (spk.last + 1..o).all(|k| doc.toks[k].kind != TokenKind::Quote && cue_at(doc, k).is_none());
    (closed && plain).then(|| attrib(Some(spk), (sa, sa), "said-name-quote", 0.8))
}

/// Whether token `j` directly follows a closing quote mark (maybe with a comma between).
fn after_quote(doc: &Doc, j: usize, sa: usize) -> bool {
    (j > sa && doc.toks[j - 1].kind == TokenKind::Quote)
        || (j > sa + 1 && doc.word(j - 1) == "," && doc.toks[j - 2].kind == TokenKind::Quote)
}

/// The sentence before the quote (in its paragraph or the last of the previous one) ends with a
/// colon: `He said:` / `Smith, in a statement:`.
fn colon_intro(doc: &Doc, first_tok: usize, sa: usize) -> Option<Attrib> {
    if sa == 0 || sa != first_tok {
        return None;
    }
    let colon = sa - 1;
    if doc.word(colon) != ":" {
        // "Smith said in a statement. “…”"
        let (pa, pb) = doc.sents[doc.sent_of[colon] as usize];
        if doc.toks[pa].kind == TokenKind::Quote || doc.word(pb - 1) != "." && !doc.word(pb - 1).ends_with('.') {
            return None;
        }
        if (pa..pb).any(|x| doc.toks[x].kind == TokenKind::Quote) {
            return None;
        }
        let j = (pb.saturating_sub(8).max(pa)..pb).find(|&j| cue_at(doc, j).is_some_and(|c| c.has(SPEECH)))?;
        let tail_ok = (j + 1..pb).all(|x| {
            let l = lower(doc, x);
            doc.toks[x].kind == TokenKind::Punct
                || matches!(
                    l,
                    "in" | "a"
                        | "an"
                        | "statement"
                        | "interview"
                        | "on"
                        | "twitter"
                        | "facebook"
                        | "friday"
                        | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "saturday"
                        | "sunday"
                        | "today"
                        | "yesterday"
                        | "his"
                        | "her"
                        | "their"
                        | "email"
                        | "written"
                        | "reporters"
                        | "later"
                        | "earlier"
                        | "recently"
                )
        });
        if !tail_ok {
            return None;
        }
        let (spk, _) = subject_left(doc, j, pa)?;
        return Some(attrib(Some(spk), (j, j), "previous-sentence-cue", 0.65));
    }
    let (pa, _) = doc.sents[doc.sent_of[colon] as usize];
    let floor = pa.max(colon.saturating_sub(WINDOW_BEFORE));
    for j in (floor..colon).rev() {
        if let Some(cue) = cue_at(doc, j) {
            if cue.has(SPEECH) {
                let spk = subject_left(doc, j, pa).map(|(s, _)| s);
                return Some(attrib(spk, (j, j), "colon-intro", 0.7));
            }
        }
    }
    let spk = np_left(doc, colon.checked_sub(1)?, pa).filter(|s| s.kind == SpeakerKind::Name && s.first == pa)?;
    Some(attrib(Some(spk), (colon, colon), "colon-intro", 0.6))
}

/// The speaker of `last` (the latest earlier quote with a speaker) when it is in this or the
/// previous paragraph and the sentences between hold no other cue (but for one whose subject is
/// "he" or "she", about the same person).
fn previous_speaker(
    doc: &Doc,
    regions: &[Region],
    k: usize,
    last: Option<usize>,
    done: &[Option<Attrib>],
) -> Option<Attrib> {
    let r = &regions[k];
    let me = r.open.unwrap_or(r.first);
    let p = last?;
    if regions[p].para + 1 < r.para {
        return None;
    }
    let prev = &regions[p];
    // Nothing but quotes and their attributions between the two: no cue outside a quote after
    // the previous attribution's sentence.
    // The previous attribution may sit in the sentence after its quote ("“…?” Ruiz asked.").
    let cue_after = done[p].and_then(|a| a.cue).map(|(_, c1)| c1).filter(|&c1| c1 < me);
    let from = prev.close.unwrap_or(prev.last).max(cue_after.unwrap_or(0));
    let from_sent = doc.sent_of[from.min(doc.toks.len() - 1)] as usize;
    let scan_from = doc.sents[from_sent].1;
    if me.saturating_sub(scan_from) > 80 {
        return None;
    }
    for j in scan_from..me {
        if doc.region_of[j] != NONE {
            continue;
        }
        let Some(cue) = cue_at(doc, j) else { continue };
        // "He did not mention the suit.", "She believes …": a sentence about the speaker, by "he"
        // or "she", that makes no new statement goes on about the same person. One that does
        // ("He said the vote would fail") may be another speaker's, and ends the continuation.
        let about_speaker = || {
            let sa = doc.sents[doc.sent_of[j] as usize].0;
            subject_left(doc, j, sa).is_some_and(|(s, _)| matches!(lower(doc, s.first), "he" | "she"))
        };
        if (cue.has(SPEECH) && !negated(doc, j)) || !about_speaker() {
            return None;
        }
    }
    done[p]
}

/// A negation in the two words before the verb at `j`: "did not mention", "never said".
fn negated(doc: &Doc, j: usize) -> bool {
    (j.saturating_sub(2)..j).any(|k| matches!(lower(doc, k), "not" | "n't" | "never"))
}

pub(crate) fn is_according_to(doc: &Doc, j: usize) -> bool {
    j + 1 < doc.toks.len() && lower(doc, j) == "according" && lower(doc, j + 1) == "to"
}

/// The cue verb at token `j` ([`cue_at`]), not a noun after a possessive ("Lee's claim"; "she's
/// said" is a verb): reported clauses hang on a verb. (A partial quote may still take a possessed
/// noun's cue: "the mayor's claims of “…”" are the mayor's.)
pub(crate) fn cue_verb(doc: &Doc, j: usize) -> Option<cues::Cue> {
    let cue = cue_at(doc, j)?;
    let w = doc.word(j);
    let participle = w.ends_with("ed") || w.ends_with("ing") || matches!(w, "said" | "told" | "written" | "spoken");
    let possessive = j > 0 && matches!(lower(doc, j - 1), "'s" | "’s");
    (participle || !possessive).then_some(cue)
}

/// The cue verb at token `j`: a lowercase lexicon word, not an infinitive or passive.
pub(crate) fn cue_at(doc: &Doc, j: usize) -> Option<cues::Cue> {
    let w = doc.word(j);
    if doc.toks[j].kind != TokenKind::Word {
        return None;
    }
    if !w.starts_with(|c: char| c.is_ascii_lowercase()) {
        // Headline case: "Clinton Says …".
        let after_name = j > 0 && speakers::is_name_word(doc, j - 1);
        if !after_name || !matches!(w, "Said" | "Says" | "Tells" | "Told" | "Warns" | "Warned") {
            return None;
        }
    }
    let cue = cues::verb(w)?;
    if j > 0 {
        let prev = lower(doc, j - 1);
        // "the report said" is fine; "to say", "is said", "was told" are not attributions here.
        if prev == "to"
            || (matches!(prev, "is" | "was" | "were" | "are" | "be" | "been" | "being") && !w.ends_with("ing"))
        {
            return None;
        }
        // A noun after a determiner: "the call", "a report", "his tweet".
        if matches!(prev, "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "that" | "our") {
            return None;
        }
    }
    Some(cue)
}

fn attrib(speaker: Option<Speaker>, cue: (usize, usize), rule: &'static str, confidence: f32) -> Attrib {
    let confidence = if speaker.is_none() { confidence.min(0.5) } else { confidence };
    Attrib { speaker, cue: Some(cue), rule, confidence }
}
