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
//!   name, pronoun or poll, since it may be a noun); `called for …` is left out; verbs with a
//!   particle take their content after it (`pointed to …`, `referring to …`, `talked about …`), and
//!   `see`/`view`/`cast` only as a characterisation with "as";
//! - `Name: statement` opening a paragraph, as in headlines and transcripts
//!   (`name-colon-statement`);
//! - `In the new poll, CLAUSE` (`poll-clause`);
//! - `When asked about X, …` (`asked-about`): the question put to the speaker;
//! - `As X noted, CLAUSE` and `CLAUSE, as X reported.` (`as-x-said`);
//! - `The plan seems to have stalled`, `The vote is expected to fail`: the writer's hedge, with
//!   no source (`evidential-clause`).
//!
//! The clause runs to the end of the sentence, or to a comma that starts another attribution
//! (`…, adding that …`, `…, though he reiterated that …`). Clauses that are mostly a quotation are
//! left to the direct layouts. A clause in a relative clause starts at its relative word (`what
//! X called …`, `which X vowed to …`).
//!
//! Not statements of their own: speech reported inside a transcript line (`VARGA: I think …`) or
//! inside another speaker's clause, a verb coordinated inside a said-clause (`X said he was tired
//! and wanted to rest`), the words after a direct quote's cue (`“…,” X said Tuesday on the radio`),
//! a relative clause describing a quote's speaker (`“…,” said X, who backs Y`) and a fronted
//! adverbial before `X said` (`Even after the report was filed, X continued …`).

use super::cues::{self, AS, BARE, CLAUSE, COMPLEMENT, Cue, INVERT, OBJECT, PARTICLE, SPEECH, WEAK};
use super::direct::{cue_verb, is_according_to};
use super::speakers::{self, Speaker, lower, np_left, np_right, subject_left};
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
    for &(a, b) in &doc.paras {
        if let Some(rep) = name_colon(doc, a, b) {
            out.push(rep);
        }
    }
    // Transcript and headline lines (`Name: statement`), by start: what is reported inside one is
    // the speaker's own words ("VARGA: I think …", "Lee: Ruiz wants …"), part of that statement.
    let lines: Vec<(usize, usize)> = out.iter().map(|r| (r.first, r.last)).collect();
    let in_line = |r: &Reported| {
        let k = lines.partition_point(|l| l.0 <= r.first);
        k > 0 && r.last <= lines[k - 1].1
    };
    let mut found = Vec::new();
    let windows =
        doc.sents.iter().flat_map(|&(a, b)| (a..b).step_by(MAX_SENTENCE).map(move |w| (w, b.min(w + MAX_SENTENCE))));
    for (a, b) in windows {
        found.clear();
        sentence(doc, a, b, &mut found);
        found.retain(|r| !in_line(r));
        // An attribution whose speaker sits inside another's reported clause is part of that
        // statement ("Ruiz said she thinks …", "organizers say they want …"), not a second one.
        // So is a hedge inside a statement ("Ruiz said the vote seems lost").
        let nested = |r: &Reported| {
            found.iter().any(|o| {
                // (A hedge with no source holds no statement: "X seems to …, as Y said …".)
                let inside = o.attrib.speaker.is_some() && o.first <= r.first && r.last <= o.last;
                // A verb's object holds no statement after a relative or contrasting clause opens
                // ("backed Ruiz, who said …", "endorsed Ruiz while Lee argued …"). Worked out only
                // for a candidate pair: it scans the object.
                let scope = || {
                    if o.attrib.rule == "name-verb-complement" { object_scope(doc, o.first, o.last) } else { o.last }
                };
                match r.attrib.speaker {
                    Some(s) => {
                        inside
                            && o.last - o.first > r.last - r.first
                            && ((o.first..scope()).contains(&s.first) || continues_said_clause(doc, o, r, s))
                    }
                    None => inside && r.attrib.rule == "evidential-clause",
                }
            })
        };
        out.extend(found.iter().filter(|r| !nested(r)).map(|r| with_relative_word(doc, a, r.clone())));
    }
    out
}

/// A verb with a complement inside a said-clause, credited to that clause's own speaker: its
/// subject search crossed the clause ("Ruiz said he was tired and wanted to rest": "wanted" goes
/// with the clause's "he"), so the verb is part of what was said, not a second statement. (A
/// second reporting verb, "… and said that …", is a statement of its own and stays.)
fn continues_said_clause(doc: &Doc, o: &Reported, r: &Reported, s: Speaker) -> bool {
    let speech = r.attrib.cue.and_then(|(c, _)| cue_verb(doc, c)).is_some_and(|c| c.has(SPEECH));
    r.attrib.rule == "name-verb-complement"
        && !speech
        && o.attrib.rule == "name-said-clause"
        && s.first < o.first
        && o.attrib.speaker.is_some_and(|os| os.first == s.first)
}

/// A statement in a relative clause starts at its relative word, which stands for (part of) what
/// was said: `what Ruiz called a betrayal`, `what officials say is a leak`, `the plan, which Lee
/// vowed to block`, `the polls that he claimed were rigged`. The speaker and cue are then inside
/// the statement. "that" counts only before a clause missing its subject (`… were rigged`); else
/// it may be the complementizer of an outer clause.
fn with_relative_word(doc: &Doc, a: usize, mut r: Reported) -> Reported {
    let (Some(s), Some((c, _))) = (r.attrib.speaker, r.attrib.cue) else {
        return r;
    };
    // The cue right after the speaker, maybe past an auxiliary or adverb ("what she truly believes").
    if s.first <= a || c <= s.last || c > s.last + 3 || r.first <= c {
        return r;
    }
    let relative = match lower(doc, s.first - 1) {
        "what" | "which" | "whom" => true,
        "that" => is_finite_auxiliary(lower(doc, r.first)),
        _ => false,
    };
    if relative {
        r.first = s.first - 1;
    }
    r
}

/// Auxiliaries, modals and forms of "be" that carry tense: a clause opening with one has no
/// subject of its own.
fn is_finite_auxiliary(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "has"
            | "have"
            | "had"
            | "does"
            | "did"
            | "will"
            | "would"
            | "can"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
    )
}

/// The longest stretch of tokens read as one sentence. A run-on "sentence" of thousands of tokens
/// (a list, text without full stops) is read in windows of this size: every rule scans its
/// sentence, and a statement may span it, so one huge sentence would cost quadratic time and
/// output. News sentences are far shorter.
const MAX_SENTENCE: usize = 300;

/// Words that open page furniture rather than a speaker's line: "Update: …", "Photo: …".
fn is_furniture(w: &str) -> bool {
    matches!(
        w,
        "update"
            | "updated"
            | "note"
            | "editor"
            | "editors"
            | "related"
            | "photo"
            | "photos"
            | "video"
            | "watch"
            | "read"
            | "source"
            | "sources"
            | "credit"
            | "correction"
            | "clarification"
            | "more"
            | "see"
            | "also"
            | "click"
            | "share"
            | "tags"
            | "filed"
            | "posted"
            | "published"
            | "advertisement"
            | "breaking"
            | "exclusive"
            | "live"
            | "listen"
            | "subscribe"
            | "follow"
            | "contact"
            | "email"
            | "warning"
            | "disclaimer"
            | "transcript"
            | "question"
            | "answer"
            | "caption"
            | "image"
            | "graphic"
            | "chart"
            | "map"
            | "audio"
            | "join"
            | "download"
            | "comments"
            | "background"
            | "q"
            | "a"
            | "the"
            | "why"
            | "what"
            | "how"
            | "who"
            | "when"
            | "where"
            | "here"
            | "this"
            | "today"
            | "now"
            | "next"
            | "previously"
            | "recap"
            | "summary"
            | "bottom"
            | "spoiler"
            | "pictured"
            | "top"
            | "contributing"
            | "contributors"
            | "reporting"
            | "revealed"
            | "readers"
            | "byline"
    )
}

/// A headline or transcript line `Name: statement` (`Varga: Talks Have Failed`, `Ms. Ruiz to
/// Council: …`): a short name before a colon opening the paragraph, the rest of the paragraph as
/// the statement (`name-colon-statement`). A quoted statement is left to the direct layouts.
fn name_colon(doc: &Doc, a: usize, b: usize) -> Option<Reported> {
    let colon = (a + 1..b.min(a + 7)).find(|&k| doc.word(k) == ":")?;
    if (a..colon).any(|k| is_furniture(lower(doc, k))) || !speakers::is_name_word(doc, a) {
        return None;
    }
    // The name, maybe with a title before it and an addressee after "to".
    let mut end = colon;
    for k in a..colon {
        let w = doc.word(k);
        if w == "to" && k > a {
            end = end.min(k);
            continue;
        }
        let ok = doc.toks[k].kind == TokenKind::Word
            && (w.starts_with(|c: char| c.is_uppercase()) || matches!(w, "'s" | "’s" | "of" | "de" | "van" | "von"));
        if !ok {
            return None;
        }
    }
    let (first, last) = (colon + 1, b);
    let last = clause_trim(doc, first, last);
    let words = (first..last).filter(|&k| doc.toks[k].kind == TokenKind::Word).count();
    // (Nothing after the colon, as in a line that ends with it, has no words.)
    if words < 3 {
        return None;
    }
    // A line in single quotes ("Varga: ‘We Will Win’") is still a statement; double quotes make a
    // direct quote.
    let double = doc.toks[first].kind == TokenKind::Quote && !matches!(doc.word(first), "‘" | "'");
    if mostly_quoted(doc, first, last) || double {
        return None;
    }
    let spk = np_left(doc, end - 1, a).filter(|s| s.kind == speakers::SpeakerKind::Name)?;
    Some(Reported {
        first,
        last,
        attrib: Attrib { speaker: Some(spk), cue: Some((colon, colon)), rule: "name-colon-statement", confidence: 0.6 },
    })
}

/// `first..last` without final punctuation (closing parentheses kept).
fn clause_trim(doc: &Doc, first: usize, mut last: usize) -> usize {
    while last > first {
        let t = doc.toks[last - 1];
        if t.kind == TokenKind::Punct && !matches!(doc.word(last - 1), ")" | "]") || t.kind == TokenKind::Dash {
            last -= 1;
        } else {
            break;
        }
    }
    last
}

/// `In the new poll, CLAUSE` / `In exit polls, CLAUSE`: the poll or study is the source
/// (`poll-clause`).
fn poll_intro(doc: &Doc, a: usize, b: usize, out: &mut Vec<Reported>) {
    let mut i = a;
    if matches!(lower(doc, i), "and" | "but") {
        i += 1;
    }
    if i + 2 >= b || lower(doc, i) != "in" {
        return;
    }
    let Some(comma) = (i + 2..b.min(i + 16)).find(|&k| doc.word(k) == "," || doc.region_of[k] != NONE) else {
        return;
    };
    if doc.word(comma) != "," {
        return;
    }
    // The phrase names a poll or study: its head noun, before any "conducted …" or "released …".
    let Some(head) = (i + 1..comma).find(|&k| is_source_noun(lower(doc, k))) else { return };
    if lower(doc, head).starts_with("report") {
        return; // "In a report, …" is usually the writer's own framing
    }
    let Some(last) = clause_end(doc, comma + 1, b) else { return };
    if last < comma + 4 || mostly_quoted(doc, comma + 1, last) {
        return;
    }
    out.push(Reported {
        first: comma + 1,
        last,
        attrib: Attrib {
            speaker: Some(Speaker::new(i + 1, comma - 1, speakers::SpeakerKind::Nominal)),
            cue: Some((i, i)),
            rule: "poll-clause",
            confidence: 0.5,
        },
    });
}

/// `When asked about X, …` / `Asked whether …, she said …`: the question put to the speaker,
/// with its asker when named (`asked by a reporter`) (`asked-about`).
fn asked_about(doc: &Doc, a: usize, b: usize, j: usize) -> Option<Reported> {
    if lower(doc, j) != "asked" {
        return None;
    }
    let lead = j == a || matches!(lower(doc, j - 1), "when" | "after" | "once" | "if" | "while" | "," | "being");
    if !lead {
        return None;
    }
    let mut k = j + 1;
    let mut spk = None;
    if k < b && lower(doc, k) == "by" {
        let s = np_right(doc, k + 1, b)?;
        k = s.last + 1;
        spk = Some(s);
    }
    // A short adverbial before the question: "in Iowa recently", "on Thursday".
    let limit = b.min(k + 6);
    let q = (k..limit).find(|&x| {
        matches!(
            lower(doc, x),
            "about" | "whether" | "if" | "how" | "what" | "why" | "who" | "when" | "where" | "which"
        )
    })?;
    if (k..q).any(|x| doc.word(x) == "," || doc.region_of[x] != NONE) {
        return None;
    }
    let end = (q + 1..b).find(|&x| doc.region_of[x] == NONE && matches!(doc.word(x), "," | ";")).unwrap_or(b);
    let last = clause_trim(doc, q, end);
    if last < q + 2 || mostly_quoted(doc, q, last) {
        return None;
    }
    Some(Reported {
        first: q,
        last,
        attrib: Attrib { speaker: spk, cue: Some((j, j)), rule: "asked-about", confidence: 0.4 },
    })
}

/// `As X noted, CLAUSE` and `CLAUSE, as X reported.` (`as-x-said`).
fn as_said(doc: &Doc, a: usize, b: usize, i: usize) -> Option<Reported> {
    let start = i == a || (i == a + 1 && matches!(lower(doc, a), "but" | "and" | "yet" | "still"));
    let tail = i > a + 3 && doc.word(i - 1) == ",";
    if lower(doc, i) != "as" || !(start || tail) {
        return None;
    }
    let j = (i + 2..b.min(i + 12)).find(|&k| {
        doc.region_of[k] == NONE && cue_verb(doc, k).is_some_and(|c| c.has(SPEECH) && c.has(CLAUSE) && !c.has(WEAK))
    })?;
    let (spk, _) = subject_left(doc, j, i + 1)?;
    if spk.first != i + 1 && !(i + 1..spk.first).all(|k| matches!(lower(doc, k), "the" | "a" | "an")) {
        return None;
    }
    let e = adverbial_end(doc, j + 1, b);
    let (first, last) = if start {
        if e >= b || doc.word(e) != "," {
            return None;
        }
        (e + 1, clause_end(doc, e + 1, b)?)
    } else {
        if (e..b).any(|k| matches!(doc.toks[k].kind, TokenKind::Word | TokenKind::Number)) {
            return None;
        }
        (a, i - 1)
    };
    if last < first + 3 || mostly_quoted(doc, first, last) || doc.toks[first].kind == TokenKind::Quote {
        return None;
    }
    Some(Reported {
        first,
        last,
        attrib: Attrib { speaker: Some(spk), cue: Some((j, j)), rule: "as-x-said", confidence: 0.7 },
    })
}

fn sentence(doc: &Doc, a: usize, b: usize, out: &mut Vec<Reported>) {
    poll_intro(doc, a, b, out);
    let mut skip_to = a;
    for j in a..b {
        if doc.region_of[j] != NONE {
            continue;
        }
        if let Some(rep) = as_said(doc, a, b, j) {
            // The cue of "As X noted," is taken.
            skip_to = rep.attrib.cue.map_or(j, |c| c.1 + 1);
            out.push(rep);
            continue;
        }
        if j < skip_to {
            continue;
        }
        if is_according_to(doc, j) {
            according_to(doc, a, b, j, out);
            continue;
        }
        if let Some(rep) = asked_about(doc, a, b, j) {
            out.push(rep);
            continue;
        }
        if let Some(rep) = evidential(doc, a, b, j) {
            out.push(rep);
            continue;
        }
        let Some((cue, head)) = cue_verb(doc, j).map(|c| (c, j)).or_else(|| infinitive_cue(doc, a, j)) else {
            continue;
        };
        if let Some(rep) = clause_after(doc, a, b, j, cue, head) {
            out.push(rep);
        } else if let Some(rep) = (head == j && cue.has(SPEECH | CLAUSE)).then(|| clause_before(doc, a, b, j)).flatten()
        {
            out.push(rep);
        } else if let Some(rep) = complement(doc, a, b, j, cue, head) {
            out.push(rep);
        }
    }
}

/// `The harbor seems to be closing`, `Ruiz seemed ready to quit`, `The vote is expected to
/// fail`: the writer's hedge on a statement, with no one named as its source
/// (`evidential-clause`). The statement is the whole clause, its subject included; after "it"
/// (`it seems (that) …`) it is what follows.
fn evidential(doc: &Doc, a: usize, b: usize, j: usize) -> Option<Reported> {
    let w = lower(doc, j);
    let next = if j + 1 < b { lower(doc, j + 1) } else { return None };
    let (cue_first, ok) = match w {
        "seem" | "seems" | "seemed" => (j, doc.toks[j + 1].kind == TokenKind::Word),
        // "appeared on television", "appears in court": only "appear to …" is a hedge.
        "appear" | "appears" | "appeared" => (j, next == "to"),
        "expected" => {
            let aux = (j > a).then(|| lower(doc, j - 1));
            let be = aux.is_some_and(|x| {
                matches!(x, "is" | "are" | "was" | "were" | "be" | "been" | "isn't" | "aren't" | "wasn't" | "weren't")
            });
            (j - usize::from(be), be && next == "to")
        }
        _ => return None,
    };
    if !ok || j == a {
        return None;
    }
    let first = if lower(doc, j - 1) == "it" {
        // "it seems that …", "it seems the vote …"
        let mut f = j + 1;
        if f < b && lower(doc, f) == "that" {
            f += 1;
        }
        if w.starts_with("appear") || f >= b {
            return None; // "it appears to be …": a thing, not a hedge on a clause
        }
        f
    } else {
        clause_start(doc, a, cue_first)
    };
    // A relative clause ends at its closing comma ("The mayor, who seemed ready to quit, stayed").
    let relative = matches!(lower(doc, first), "who" | "which" | "that");
    let end =
        if relative { (j + 1..b).find(|&k| doc.word(k) == "," && doc.region_of[k] == NONE).unwrap_or(b) } else { b };
    let last = clause_end(doc, first.max(j), end)?;
    if last < first + 3 || mostly_quoted(doc, first, last) || doc.toks[first].kind == TokenKind::Quote {
        return None;
    }
    Some(Reported {
        first,
        last,
        attrib: Attrib { speaker: None, cue: Some((cue_first, j)), rule: "evidential-clause", confidence: 0.3 },
    })
}

/// The first token of the clause whose verb is at `v`: a relative pronoun opening it is part of
/// it ("…, which seems to …"); a conjunction or subordinator before it ("but if she seemed …"),
/// a semicolon, colon or dash are not. Commas do not stop the search, since the subject may carry
/// an appositive.
fn clause_start(doc: &Doc, a: usize, v: usize) -> usize {
    let mut k = v;
    while k > a {
        let l = lower(doc, k - 1);
        if matches!(l, "who" | "which" | "that") {
            return k - 1;
        }
        // "said the vote seems lost": the clause starts after a reporting verb.
        let stop = cue_verb(doc, k - 1).is_some_and(|c| c.has(CLAUSE))
            || is_conjunction(l)
            || matches!(l, ";" | ":")
            || doc.toks[k - 1].kind == TokenKind::Dash
            || doc.region_of[k - 1] != NONE;
        if stop {
            break;
        }
        k -= 1;
    }
    k
}

/// A speech verb's infinitive after a verb of continuing or starting (`Ruiz continued to insist
/// …`, `she went on to say …`, `he was quick to point out …`): the cue and the verb whose subject
/// is the speaker.
fn infinitive_cue(doc: &Doc, a: usize, j: usize) -> Option<(Cue, usize)> {
    if j < a + 3 || doc.toks[j].kind != TokenKind::Word || lower(doc, j - 1) != "to" {
        return None;
    }
    let w = doc.word(j);
    let cue = cues::verb(w).filter(|c| c.lemma == w)?;
    let k = j - 2;
    let head = match lower(doc, k) {
        "continue" | "continues" | "continued" | "began" | "begun" | "begins" | "proceeded" | "proceeds" => k,
        "on" if matches!(lower(doc, k - 1), "go" | "goes" | "went" | "gone") => k - 1,
        "quick" | "careful" if matches!(lower(doc, k - 1), "is" | "was" | "are" | "were" | "been") => k - 1,
        _ => return None,
    };
    Some((cue, head))
}

/// `X said (that) CLAUSE`; `head` is the verb whose subject is the speaker (the cue itself, or
/// the verb before its infinitive).
fn clause_after(doc: &Doc, a: usize, b: usize, j: usize, cue: Cue, head: usize) -> Option<Reported> {
    // "a Washington think tank": a compound noun, not the verb.
    if !cue.has(CLAUSE) || (cue.lemma == "think" && j + 1 < b && matches!(lower(doc, j + 1), "tank" | "tanks")) {
        return None;
    }
    let mut c = j + 1;
    if c >= b {
        return None;
    }
    let mut that_tok = None;
    let mut cue_end = j;
    if cues::particle(cue.lemma, lower(doc, c)) {
        // "pointed out that …"
        cue_end = c;
        c += 1;
        if c >= b {
            return None;
        }
    } else if cue.has(PARTICLE) {
        return None;
    }
    let first = lower(doc, c);
    let that = that_within(doc, c, b, 10).filter(|&t| t == c || cue.has(OBJECT) || is_adverbial_start(first));
    if let Some(t) = that {
        // "said that", "said on Tuesday that", "told reporters that", "said in a statement that".
        // The statement starts at "that" (as attribution corpora mark it), the checks below look
        // at the clause after it.
        c = t + 1;
        that_tok = Some(t);
    } else if cue.has(SPEECH) && cue.lemma != "ask" && is_wh_word(first) {
        // "explained how the plan works", "has not said whether she will run": the embedded
        // question is what was said ("asked whether …" is the question put, see `asked_about`).
    } else if !cue.has(BARE) {
        return None;
    } else {
        if cue.has(OBJECT) {
            // "told reporters Lisbon is …": skip the addressee.
            let obj = np_right(doc, c, b)?;
            c = obj.last + 1;
        }
        if let Some(p) = pronoun_after_phrase(doc, c, b) {
            c = p; // "said after the vote she would …"
        } else if !starts_clause(doc, c, b) || counts_added(doc, cue, c, b) {
            return None;
        }
    }
    let last = fronted_end(doc, a, j, c, clause_end(doc, c, b)?);
    if last <= c + 2 || (mostly_quoted(doc, c, last) && !mixed_clause(doc, c, last)) {
        return None;
    }
    let spk =
        subject_of(doc, a, head).or_else(|| cue.has(SPEECH | BARE).then(|| phrase_subject(doc, a, head)).flatten());
    if spk.is_none() && (cue.has(WEAK) || that_tok.is_none()) {
        return None;
    }
    if that_tok.is_none() && spk.is_some_and(|s| after_quote_end(doc, s.first)) {
        return None;
    }
    let conf = match (cue.has(WEAK), spk.is_some()) {
        (false, true) => 0.75,
        (true, true) => 0.5,
        _ => 0.4,
    };
    Some(Reported {
        first: that_tok.unwrap_or(c),
        last,
        attrib: Attrib { speaker: spk, cue: Some((j, cue_end)), rule: "name-said-clause", confidence: conf },
    })
}

/// `X urged Congress to act`, `X declined to comment`, `X criticized the plan`, `X called for
/// talks`, `X sees the deal as a trap`: the verb's object or infinitive, to the end of the clause
/// (`name-verb-complement`).
fn complement(doc: &Doc, a: usize, b: usize, j: usize, cue: Cue, head: usize) -> Option<Reported> {
    if !cue.has(COMPLEMENT) {
        return None;
    }
    let mut c = j + 1;
    let mut cue_end = j;
    // "called for talks" is advocacy, not a characterisation ("called the plan a disaster").
    if c < b && cue.lemma == "call" && lower(doc, c) == "for" {
        return None;
    }
    if c < b && cues::particle(cue.lemma, lower(doc, c)) {
        cue_end = c;
        c += 1;
    } else if cue.has(PARTICLE) {
        return None;
    }
    // A quote right after the verb is left to the direct layouts ("a film called “Heat”").
    if c + 1 >= b || !matches!(doc.toks[c].kind, TokenKind::Word | TokenKind::Number) {
        return None;
    }
    // "declined 40 percent", "rose 3 points": a quantity, not a statement; "proposed during
    // his term", "echoed by everyone", "nobody asked was …": no object follows.
    if doc.toks[c].kind == TokenKind::Number || no_object(lower(doc, c)) {
        return None;
    }
    let last = fronted_end(doc, a, j, c, clause_end(doc, c, b)?);
    // One word is too little, unless it is a name: "she endorsed Varga".
    let one_name = last == c + 1 && speakers::is_name_word(doc, c);
    if (last < c + 2 && !one_name) || mostly_quoted(doc, c, last) {
        return None;
    }
    if cue.has(AS) && !(c + 1..last).any(|k| lower(doc, k) == "as") {
        return None;
    }
    let spk = subject_of(doc, a, head)?;
    let source = spk.kind == speakers::SpeakerKind::Nominal && is_source_noun(lower(doc, spk.last));
    // A base form may be a noun ("a phone call", "their support"): only after a name, a pronoun,
    // a poll or study ("recent polls show …") or people ("most voters support …").
    if head == j
        && doc.word(j).eq_ignore_ascii_case(cue.lemma)
        && spk.kind == speakers::SpeakerKind::Nominal
        && !source
        && !speakers::is_people_plural(doc, spk.last)
    {
        return None;
    }
    // "found" states a finding only for a study or poll ("police found the car" does not).
    if (cue.lemma == "find" && !source) || (!cue.has(SPEECH) && describes_quote_speaker(doc, a, spk)) {
        return None;
    }
    Some(Reported {
        first: c,
        last,
        attrib: Attrib { speaker: Some(spk), cue: Some((j, cue_end)), rule: "name-verb-complement", confidence: 0.4 },
    })
}

/// A relative clause on the speaker of a direct quote (`“…,” said Ruiz, who backs Lee.`): with a
/// verb that is not speech it tells who the speaker is, not what anybody said.
fn describes_quote_speaker(doc: &Doc, a: usize, spk: Speaker) -> bool {
    // The quote's end is a few tokens back: `,” said Jane Ruiz, who`.
    let from = a.max(spk.first.saturating_sub(12));
    matches!(lower(doc, spk.first), "who" | "whom") && (from..spk.first).any(|k| quote_end_before(doc, k))
}

/// Where a relative or contrasting clause opens inside a verb's object `c..last` (", which …",
/// ", who …", ", but …", "… while …", "… when …"), or `last` when none does: a statement whose
/// speaker comes after it is one of its own, not part of the object ("backed Ruiz, who said …").
fn object_scope(doc: &Doc, c: usize, last: usize) -> usize {
    let opens = |k: usize| {
        let w = lower(doc, k);
        doc.region_of[k] == NONE
            && (matches!(w, "when" | "while")
                || doc.word(k - 1) == "," && matches!(w, "which" | "who" | "whom" | "but"))
    };
    (c + 1..last).find(|&k| opens(k)).unwrap_or(last)
}

/// Words that do not open a verb's object or infinitive: "proposed in 1990", "echoed by
/// everyone", "the question nobody asked was …".
fn no_object(w: &str) -> bool {
    matches!(
        w,
        "in" | "by" | "from" | "up" | "and" | "or" | "was" | "were" | "during" | "than" | "now" | "at" | "has" | "did"
    )
}

/// Nouns naming a poll, study or document that states findings ("a new poll", "the data").
pub(crate) fn is_source_noun(w: &str) -> bool {
    matches!(
        w,
        "poll"
            | "polls"
            | "polling"
            | "survey"
            | "surveys"
            | "study"
            | "studies"
            | "report"
            | "reports"
            | "data"
            | "analysis"
            | "research"
            | "figures"
            | "numbers"
            | "averages"
            | "estimates"
            | "review"
            | "audit"
            | "investigation"
            | "census"
            | "records"
            | "documents"
            | "filings"
            | "memo"
            | "emails"
    )
}

/// `CLAUSE, X said.` / `CLAUSE, said X.`: the cue and speaker close the sentence; and
/// `A, X said, B.` (`clause-said-clause`): an attribution inserted mid-sentence, where the
/// statement is the whole sentence around it.
fn clause_before(doc: &Doc, a: usize, b: usize, j: usize) -> Option<Reported> {
    // Only punctuation or a short adverbial ("on Monday", "in a statement to reporters") may
    // follow the verb, up to the sentence end or a comma.
    let mut e = j + 1;
    let spk_right = np_right(doc, e, b).filter(|s| s.kind != speakers::SpeakerKind::Pronoun || s.last > e);
    // Only a verb that inverts ("…, said X", not "…, criticized the plan") and not a participle
    // ("…, tweeting her thanks").
    let inverts = cue_verb(doc, j).is_some_and(|c| c.has(INVERT)) && !doc.word(j).ends_with("ing");
    let inverted = inverts && j > a && (doc.word(j - 1) == "," || comma_quote(doc, j - 1));
    if inverted {
        // "…, said X": without X after the verb, the words before are its subject, not a clause.
        e = spk_right?.last + 1;
        if e < b && doc.word(e) == "," {
            e = b; // "…, said Brian Baker, a spokesman for the group."
        }
    }
    if !inverted && e < b && cue_verb(doc, j).is_some_and(|c| c.has(OBJECT)) {
        // "…, the partner told them, …", "…, a spokesman told The Journal."
        let pronoun = matches!(lower(doc, e), "them" | "him" | "her" | "me" | "us" | "you");
        let obj_last = if pronoun { Some(e) } else { np_right(doc, e, b).filter(|o| o.last < e + 5).map(|o| o.last) };
        if let Some(last) = obj_last {
            let after = last + 1;
            if after >= b
                || matches!(doc.word(after), "," | "." | "!" | "?")
                || doc.toks[after].kind == TokenKind::Punct
            {
                e = after;
            }
        }
    }
    e = adverbial_end(doc, e, b);
    let rest = (e..b).find(|&x| matches!(doc.toks[x].kind, TokenKind::Word | TokenKind::Number));
    let mut after_start = e;
    let mid = match rest {
        None => false,
        // "That culture, they said, emphasizes selling …": a comma, then the statement goes on.
        Some(x) if !inverted && x > e && doc.word(e) == "," && (e + 1..x).all(|y| doc.word(y) == ",") => {
            // ", adding …", ", citing …" start another attribution, so the statement is what
            // comes before; a verb that only looks like a cue ("…, he said, feels right") or
            // another participle (", imposing …") goes on with it.
            let another = cue_verb(doc, x).is_some_and(|c| c.has(SPEECH) || lower(doc, x).ends_with("ing"));
            if another {
                false
            } else if x + 2 >= b || mostly_quoted(doc, x, b) {
                return None;
            } else {
                after_start = x;
                true
            }
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
            && (speakers::is_name_word(doc, f - 1) || matches!(lower(doc, f - 1), "the" | "a" | "an"))
        {
            f -= 1;
        }
        // A role in lower case before the name: "…, harbor authority spokesman Piet Varga said."
        let mut g = f;
        while g > a && f - g < 6 && {
            let l = lower(doc, g - 1);
            doc.toks[g - 1].kind == TokenKind::Word
                && doc.word(g - 1).starts_with(|ch: char| ch.is_lowercase())
                && !speakers::is_stop(l)
                && !speakers::looks_verbal(l)
                && cue_verb(doc, g - 1).is_none()
        } {
            g -= 1;
        }
        if g < f && g > a && doc.word(g - 1) == "," {
            f = g;
        }
        let c = f.checked_sub(1)?;
        if doc.word(c) != "," && !comma_quote(doc, c) {
            return None;
        }
        (Some(s), c)
    };
    let connective = |w: &str| {
        (w.len() > 4 && w.ends_with("ly"))
            || matches!(
                w,
                "still"
                    | "but"
                    | "and"
                    | "yet"
                    | "however"
                    | "instead"
                    | "meanwhile"
                    | "now"
                    | "then"
                    | "also"
                    | "indeed"
                    | "so"
                    | "moreover"
                    | "otherwise"
                    | "nevertheless"
                    | "nonetheless"
                    | "again"
                    | "first"
                    | "second"
                    | "third"
                    | "overall"
                    | "today"
                    | "later"
                    | "earlier"
                    | "yes"
                    | "no"
                    | "well"
                    | "plus"
            )
    };
    if mid && comma == a + 1 && doc.toks[a].kind == TokenKind::Word && connective(lower(doc, a)) {
        // "Still, he said, the plan works": a lone connective before the attribution is not
        // part of the statement.
        let last = clause_end(doc, after_start, b)?;
        return Some(Reported {
            first: after_start,
            last,
            attrib: Attrib { speaker: spk, cue: Some((j, j)), rule: "clause-said-clause", confidence: 0.6 },
        });
    }
    if (comma < a + 2 && !mid) || comma <= a || mostly_quoted(doc, a, comma) || doc.toks[a].kind == TokenKind::Quote {
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
    if comma < a + 3 || fronted_phrase(doc, a, comma) {
        return None;
    }
    Some(Reported {
        first: a,
        last: comma,
        attrib: Attrib { speaker: spk, cue: Some((j, j)), rule: "clause-comma-name-said", confidence: 0.7 },
    })
}

/// `a..comma` is a fronted adverbial, not a clause: a prepositional phrase ("In a changing economy,
/// most voters believe in …", "Over lunch in 2005, she decided …"; no comma or auxiliary inside),
/// a short subordinate clause ("Even after the report was filed, Ruiz continued …") or a
/// participle phrase ("Weighing in on the talks, Ruiz agreed …"), maybe after a short phrase of
/// time ("On Tuesday, even as shares fell, …").
fn fronted_phrase(doc: &Doc, a: usize, comma: usize) -> bool {
    let f = if matches!(lower(doc, a), "but" | "and") { a + 1 } else { a };
    if prepositional(doc, f, comma) || subordinate(doc, f, comma) || participial(doc, f, comma) {
        return true;
    }
    // A short phrase of time first: the rest decides.
    (f + 2..comma.min(f + 5))
        .find(|&k| doc.word(k) == ",")
        .is_some_and(|k| prepositional(doc, f, k) && (subordinate(doc, k + 1, comma) || participial(doc, k + 1, comma)))
}

fn prepositional(doc: &Doc, f: usize, comma: usize) -> bool {
    let preposition = matches!(
        lower(doc, f),
        "in" | "on"
            | "at"
            | "like"
            | "unlike"
            | "after"
            | "before"
            | "during"
            | "with"
            | "without"
            | "despite"
            | "amid"
            | "over"
            | "throughout"
            | "following"
    );
    preposition && comma <= f + 12 && (f..comma).all(|k| doc.word(k) != "," && !is_finite_auxiliary(lower(doc, k)))
}

/// A subordinator ("even after the report was filed", "as shares fell") and a few words, no comma.
fn subordinate(doc: &Doc, f: usize, comma: usize) -> bool {
    let s = if matches!(lower(doc, f), "even" | "just" | "only") { f + 1 } else { f };
    s < comma
        && matches!(
            lower(doc, s),
            "after" | "before" | "when" | "while" | "as" | "because" | "since" | "until" | "once"
        )
        && comma <= s + 8
        && (s..comma).all(|k| doc.word(k) != ",")
}

/// A participle with a particle or preposition ("Weighing in on the talks", "Speaking to
/// reporters"), a few words, no comma or auxiliary.
fn participial(doc: &Doc, f: usize, comma: usize) -> bool {
    f + 1 < comma
        && comma <= f + 8
        && lower(doc, f).ends_with("ing")
        && matches!(lower(doc, f + 1), "in" | "on" | "to" | "at" | "with" | "about" | "for" | "from" | "out" | "up")
        && (f..comma).all(|k| doc.word(k) != "," && !is_finite_auxiliary(lower(doc, k)))
}

/// The end of a short adverbial after a cue: time words, and a prepositional phrase of a few
/// words ("in a June report", "during a visit to Ohio").
fn adverbial_end(doc: &Doc, mut e: usize, b: usize) -> usize {
    let mut phrases = 0;
    while e < b {
        let l = lower(doc, e);
        if phrases < 2
            && matches!(l, "in" | "on" | "at" | "during" | "to" | "after" | "before" | "via" | "through" | "with")
        {
            phrases += 1;
            let mut k = e + 1;
            while k < b && k < e + 8 && matches!(doc.toks[k].kind, TokenKind::Word | TokenKind::Number) {
                k += 1;
            }
            e = k;
        } else if is_time_word(l) {
            e += 1;
        } else {
            break;
        }
    }
    e
}

/// A closing quote mark ending a quoted sentence or clause: `,”`, `?”`, `!”`. A speaker right
/// after one is the quote's (`“…,” Ruiz said Tuesday on the radio`): the cue is the quote's, and
/// what follows it is the when and where, not a reported clause (one opened by "that" is).
fn quote_end_before(doc: &Doc, k: usize) -> bool {
    k > 0 && doc.toks[k].kind == TokenKind::Quote && matches!(doc.word(k - 1), "," | "?" | "!")
}

/// Token `k` right after a quote's end in its paragraph; the sentence may start at `k` when the
/// quote ends with `?` or `!` (`“…?” Ruiz told the radio on Monday.`).
fn after_quote_end(doc: &Doc, k: usize) -> bool {
    k > 0 && doc.para_of[k - 1] == doc.para_of[k] && quote_end_before(doc, k - 1)
}

/// A closing quote mark right after a comma: `,”` / `,''`.
pub(crate) fn comma_quote(doc: &Doc, k: usize) -> bool {
    k > 0 && doc.toks[k].kind == TokenKind::Quote && doc.word(k - 1) == ","
}

/// `according to X, CLAUSE` and `CLAUSE, according to X`.
fn according_to(doc: &Doc, a: usize, b: usize, j: usize, out: &mut Vec<Reported>) {
    let spk = np_right(doc, j + 2, b);
    let at_start = j == a || (j == a + 1 && matches!(lower(doc, a), "and" | "but" | "yet"));
    let (first, last) = if at_start {
        // The clause starts after the comma closing the source phrase.
        let Some(comma) = (j + 2..b.min(j + 20)).find(|&k| doc.word(k) == ",") else { return };
        let Some(last) = clause_end(doc, comma + 1, b) else { return };
        (comma + 1, last)
    } else {
        // "Fundraising, according to the campaign, has surged": inserted mid-sentence, the
        // statement is the whole sentence; at the end, what comes before.
        let inserted = doc.word(j - 1) == ","
            && spk.is_some_and(|s| {
                let after = s.last + 1;
                after + 2 < b
                    && doc.word(after) == ","
                    && (after + 1..b).any(|k| matches!(doc.toks[k].kind, TokenKind::Word | TokenKind::Number))
            });
        if let (true, Some(src)) = (inserted, spk) {
            let Some(last) = clause_end(doc, src.last + 2, b) else { return };
            (a, last)
        } else {
            let last = if doc.word(j - 1) == "," { j - 1 } else { j };
            (a, last)
        }
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

/// The words right before a speech verb when the speaker search finds no name, pronoun or
/// known nominal: a counted or described group ("All but two said", "Nearly nine in 10 say",
/// "Those surveyed say"). Only a short phrase that opens its clause: no punctuation,
/// subordinator or other verb of the lexicon in it.
fn phrase_subject(doc: &Doc, a: usize, j: usize) -> Option<Speaker> {
    let mut k = j;
    while k > a && j - k < 8 {
        let x = k - 1;
        let l = lower(doc, x);
        let word = matches!(doc.toks[x].kind, TokenKind::Word | TokenKind::Number);
        if !word || doc.region_of[x] != NONE || cue_verb(doc, x).is_some() || is_clause_opener(l) {
            break;
        }
        k -= 1;
    }
    let opens = k == a || matches!(doc.word(k - 1), "," | ";" | ":") || is_clause_opener(lower(doc, k - 1));
    // Adverbs and auxiliaries before the verb are not part of the subject ("They must say").
    let mut e = j;
    while e > k + 1 && {
        let l = lower(doc, e - 1);
        (l.len() > 4 && l.ends_with("ly"))
            || matches!(
                l,
                "now"
                    | "later"
                    | "also"
                    | "still"
                    | "then"
                    | "must"
                    | "will"
                    | "would"
                    | "could"
                    | "should"
                    | "may"
                    | "might"
                    | "can"
                    | "did"
                    | "does"
                    | "do"
                    | "have"
                    | "has"
                    | "had"
                    | "often"
                    | "never"
                    | "even"
            )
    } {
        e -= 1;
    }
    // A phrase opening with a preposition, subordinator or adverb is no subject ("After saying …",
    // "then says …"), nor one opening with an article ("the said …", "the most telling …"),
    // except a counted group ("The two said").
    let first = lower(doc, k);
    let counted = e == k + 2 && (doc.toks[k + 1].kind == TokenKind::Number || is_number_word(lower(doc, k + 1)));
    let article = matches!(first, "the" | "a" | "an") && !counted;
    let ok = k < j && opens && !is_no_subject_start(first) && !article;
    ok.then(|| Speaker::new(k, e - 1, speakers::SpeakerKind::Nominal))
}

fn is_number_word(w: &str) -> bool {
    matches!(w, "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten" | "dozen")
}

/// Prepositions, subordinators and adverbs that open an adverbial, never a subject phrase.
fn is_no_subject_start(w: &str) -> bool {
    matches!(
        w,
        "in" | "on"
            | "at"
            | "to"
            | "of"
            | "for"
            | "from"
            | "by"
            | "with"
            | "without"
            | "after"
            | "before"
            | "since"
            | "until"
            | "upon"
            | "during"
            | "despite"
            | "besides"
            | "while"
            | "when"
            | "then"
            | "now"
            | "later"
            | "earlier"
            | "also"
            | "still"
            | "just"
            | "even"
            | "again"
    )
}

/// Conjunctions and subordinators: a clause starts after them.
fn is_conjunction(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "or"
            | "if"
            | "because"
            | "when"
            | "while"
            | "although"
            | "though"
            | "since"
            | "as"
            | "so"
            | "where"
            | "whether"
    )
}

/// Words that open a clause: the subject of the clause's verb comes after them.
fn is_clause_opener(w: &str) -> bool {
    is_conjunction(w) || matches!(w, "that" | "which" | "who" | "whom" | "whose" | "what" | "than")
}

/// A "that" among the next `n` tokens, before any punctuation other than a comma.
fn that_within(doc: &Doc, c: usize, b: usize, n: usize) -> Option<usize> {
    // "said during a press call that": a noun inside a prepositional phrase is no verb.
    let in_phrase = matches!(lower(doc, c), "in" | "during" | "on" | "at" | "after" | "before" | "via");
    for k in c..b.min(c + n) {
        let w = doc.word(k);
        if w.eq_ignore_ascii_case("that") {
            return Some(k);
        }
        if doc.toks[k].kind != TokenKind::Word && doc.toks[k].kind != TokenKind::Number && w != "," {
            return None;
        }
        if k > c && cue_verb(doc, k).is_some() && !(in_phrase && modified_noun(doc, k)) {
            return None;
        }
    }
    None
}

/// A lexicon word used as a noun after a modifier: "a press call", "a radio interview" (the
/// base form after a lowercase content word, not after a pronoun, auxiliary or "to").
fn modified_noun(doc: &Doc, k: usize) -> bool {
    let prev = lower(doc, k - 1);
    cues::verb(doc.word(k)).is_some_and(|c| c.lemma == lower(doc, k))
        && doc.toks[k - 1].kind == TokenKind::Word
        && doc.word(k - 1).starts_with(|ch: char| ch.is_ascii_lowercase())
        && !speakers::is_stop(prev)
        && !speakers::is_pronoun(doc, k - 1)
        && !matches!(
            prev,
            "will" | "would" | "could" | "can" | "may" | "might" | "should" | "must" | "did" | "do" | "does"
        )
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

/// A subject pronoun after a short prepositional phrase at `c` ("after the vote she …", "in an
/// interview he …"): where the bare clause starts.
fn pronoun_after_phrase(doc: &Doc, c: usize, b: usize) -> Option<usize> {
    if c + 3 >= b || !matches!(lower(doc, c), "in" | "on" | "at" | "during" | "after" | "before") {
        return None;
    }
    let object = matches!(lower(doc, c + 1), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "last")
        || doc.toks[c + 1].kind == TokenKind::Number
        || doc.word(c + 1).starts_with(|ch: char| ch.is_uppercase());
    if !object {
        return None;
    }
    (c + 2..b.min(c + 8))
        .take_while(|&k| matches!(doc.toks[k].kind, TokenKind::Word | TokenKind::Number) && cue_verb(doc, k).is_none())
        .find(|&k| is_subject_pronoun(lower(doc, k)))
        .filter(|&k| starts_clause(doc, k, b))
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
    if matches!(w, "he" | "she" | "they" | "we" | "i" | "it" | "you" | "there" | "this" | "the" | "a" | "an") {
        return true;
    }
    let next_is_noun = doc.toks[c + 1].kind == TokenKind::Word
        && doc.word(c + 1).starts_with(|ch: char| ch.is_ascii_lowercase())
        && !speakers::is_stop(lower(doc, c + 1));
    if w == "her" && next_is_noun {
        return true; // "said her family asked …": a possessive
    }
    if quantity_opener(doc, c, b) {
        return true; // "said at least six planes …", "said nearly every donor …"
    }
    if matches!(w, "if" | "when" | "unless" | "once" | "because" | "although" | "while")
        && (c + 3..b).any(|k| doc.word(k) == "," && doc.region_of[k] == NONE)
    {
        return true; // "said if she is elected, she will …"
    }
    if matches!(
        w,
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
    // "said pleasantly into the phone", "said into the microphone": an adverb or preposition.
    if (w.len() > 4 && w.ends_with("ly")) || matches!(w, "into" | "onto" | "through" | "during" | "after" | "before") {
        return false;
    }
    // A name or noun followed by something verb-like (checked loosely: not sentence-final).
    !matches!(doc.word(c + 1), "." | "," | ";" | ":" | "!" | "?")
}

/// "add" before a quantity adds things, not words: "the economy added 156,000 jobs", "has added
/// roughly 180,000 jobs a month".
fn counts_added(doc: &Doc, cue: Cue, c: usize, b: usize) -> bool {
    let approx = matches!(lower(doc, c), "around" | "about" | "roughly" | "nearly" | "almost" | "some" | "over");
    let k = if approx { c + 1 } else { c };
    cue.lemma == "add"
        && k < b
        && (doc.toks[k].kind == TokenKind::Number || is_number_word(lower(doc, k)) || quantity_opener(doc, c, b))
}

/// A personal pronoun that can be a clause's subject ("it" and "you" are left out: they
/// open too many clauses that are no statement).
fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "we" | "i")
}

/// A quantity opening a subject: "at least six", "more than half", "nearly every", "about 20".
fn quantity_opener(doc: &Doc, c: usize, b: usize) -> bool {
    if c + 5 >= b {
        return false;
    }
    let (w0, w1) = (lower(doc, c), lower(doc, c + 1));
    let num = |k: usize| doc.toks[k].kind == TokenKind::Number || is_number_word(lower(doc, k));
    (w0 == "at" && matches!(w1, "least" | "most") && num(c + 2))
        || (matches!(w0, "more" | "fewer" | "less") && w1 == "than" && num(c + 2))
        || (matches!(w0, "nearly" | "almost" | "roughly" | "about" | "approximately")
            && (num(c + 1) || matches!(w1, "every" | "all" | "half")))
}

/// The end (exclusive) of a clause starting at `c`: the sentence end, a semicolon, a comma that
/// starts another attribution or a new clause with its own pronoun subject (`…, and he railed
/// against …`), trimmed of final punctuation.
fn clause_end(doc: &Doc, c: usize, b: usize) -> Option<usize> {
    let mut end = b;
    let mut k = c + 1;
    while k < end {
        let w = doc.word(k);
        if doc.region_of[k] == NONE && (w == ";" || new_subject_clause(doc, k, b)) {
            // "…; the board puts it at …": a semicolon joins the writer's next statement.
            end = k;
            break;
        }
        // A comma, or a comma closing a quote (`“…,” adding that`).
        let comma_close = doc.toks[k].kind == TokenKind::Quote && doc.word(k - 1) == ",";
        if ((w == "," || w == ";") && doc.region_of[k] == NONE) || comma_close {
            // Only a speech verb starts another attribution; ", promoting …" or ", he showed …" go on.
            let look = (k + 1..b.min(k + 6))
                .find(|&x| cue_verb(doc, x).is_some_and(|c| c.has(SPEECH)) || is_according_to(doc, x));
            if let Some(x) = look {
                // ", adding", ", he said", ", though he reiterated", ", according to"
                let relative = x > 0 && matches!(lower(doc, x - 1), "who" | "which" | "that" | "whom");
                let between_ok = !relative
                    && (k + 1..x).all(|y| {
                        let l = lower(doc, y);
                        speakers::is_name_word(doc, y)
                            || speakers::is_pronoun(doc, y)
                            || matches!(l, "though" | "although" | "but" | "and" | "while" | "the" | "a" | "also")
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

/// Words that open an embedded question after a speech verb; "if" and "when" are left out, as
/// after "said" they mostly open a condition or a time ("said if elected, she would …").
fn is_wh_word(w: &str) -> bool {
    matches!(w, "whether" | "how" | "why" | "what" | "who" | "where")
}

/// The end of the content of a cue at `j` whose clause opens the sentence with a subordinator
/// ("When Ruiz suggested that the port would close, the board objected."): the comma that closes
/// the subordinate clause, before the main clause. Otherwise `last` as it is.
fn fronted_end(doc: &Doc, a: usize, j: usize, c: usize, last: usize) -> usize {
    let i = if a < j && matches!(lower(doc, a), "and" | "but") { a + 1 } else { a };
    let fronted = i < j
        && matches!(
            lower(doc, i),
            "when"
                | "if"
                | "while"
                | "although"
                | "though"
                | "because"
                | "as"
                | "after"
                | "before"
                | "since"
                | "once"
                | "unless"
                | "whereas"
        )
        && !(i..j).any(|k| doc.word(k) == ",");
    if !fronted {
        return last;
    }
    (c + 1..last).find(|&k| doc.word(k) == "," && doc.region_of[k] == NONE).unwrap_or(last)
}

/// `…, and he …` / `…, but they …` at token `k`: a comma, a conjunction and a personal pronoun
/// open a clause with a subject of its own, the writer's next statement rather than more of the
/// reported one.
fn new_subject_clause(doc: &Doc, k: usize, b: usize) -> bool {
    k + 2 < b
        && doc.word(k) == ","
        && matches!(lower(doc, k + 1), "and" | "but" | "although" | "though" | "while" | "whereas" | "yet")
        && is_subject_pronoun(lower(doc, k + 2))
}

/// A reported clause that opens with the writer's words and holds quoted ones ("said the goal
/// was “to win” and “to win big”"): the clause is the statement even when the quotes are most of
/// it, so long as it starts outside the marks, has at least two words of its own and no quote
/// runs on past its end.
fn mixed_clause(doc: &Doc, first: usize, last: usize) -> bool {
    if doc.toks[first].kind != TokenKind::Word || doc.region_of[first] != NONE || last <= first {
        return false;
    }
    let own = (first..last).filter(|&k| doc.toks[k].kind == TokenKind::Word && doc.region_of[k] == NONE).count();
    let r = doc.region_of[last - 1];
    let closed = r == NONE || doc.region_of.get(last).is_none_or(|&x| x != r);
    own >= 2 && closed
}

/// Whether more than half of the words of `first..last` lie inside direct quotes (then the quote
/// is the statement and the direct layouts attribute it).
fn mostly_quoted(doc: &Doc, first: usize, last: usize) -> bool {
    let words = (first..last).filter(|&k| matches!(doc.toks[k].kind, TokenKind::Word | TokenKind::Number));
    let (n, inside) = words.fold((0, 0), |(n, i), k| (n + 1, i + usize::from(doc.region_of[k] != NONE)));
    n > 0 && inside * 2 > n
}
