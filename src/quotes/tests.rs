//! Layout and mark-pairing tests, on short made-up sentences.

use super::*;

fn run(text: &str) -> Vec<Quote> {
    let tokens = crate::segment::tokenize(text);
    let paragraphs = crate::clean::keep_as_is(text).paragraphs;
    let sentences = crate::segment::sentences(text, &tokens, &paragraphs);
    find_quotes(text, &tokens, &sentences, &paragraphs, &[], &[])
}

fn slice(text: &str, s: Option<Span>) -> Option<&str> {
    s.map(|s| &text[s.start..s.end])
}

/// (kind, text, speaker span text, cue text, rule) of every quote.
type Shown = (&'static str, String, Option<String>, Option<String>, &'static str);

fn show(text: &str) -> Vec<Shown> {
    run(text)
        .into_iter()
        .map(|q| {
            (
                q.kind.as_str(),
                q.text.clone(),
                slice(text, q.speaker_span).map(str::to_string),
                slice(text, q.cue_span).map(str::to_string),
                q.rule,
            )
        })
        .collect()
}

fn one(text: &str) -> Quote {
    let qs = run(text);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    qs.into_iter().next().unwrap()
}

fn check(q: &Quote, text: &str, quote: &str, kind: QuoteKind, speaker: Option<&str>, cue: Option<&str>, rule: &str) {
    assert_eq!(&text[q.start..q.end], quote, "{q:#?}");
    assert_eq!(q.text, quote);
    assert_eq!(q.kind, kind, "{q:#?}");
    assert_eq!(slice(text, q.speaker_span), speaker, "{q:#?}");
    assert_eq!(slice(text, q.cue_span), cue, "{q:#?}");
    assert_eq!(q.rule, rule, "{q:#?}");
    assert!((0.0..=1.0).contains(&q.confidence));
}

#[test]
fn quote_comma_name_said() {
    let t = "“We will not back down,” Smith said.";
    check(&one(t), t, "We will not back down", QuoteKind::Direct, Some("Smith"), Some("said"), "quote-comma-name-said");
    assert_eq!(one(t).speaker.as_deref(), Some("Smith"));
}

#[test]
fn quote_comma_said_name() {
    let t = "\"The talks are over,\" said Jane Porter.";
    check(
        &one(t),
        t,
        "The talks are over",
        QuoteKind::Direct,
        Some("Jane Porter"),
        Some("said"),
        "quote-comma-said-name",
    );
}

#[test]
fn name_said_colon_quote() {
    let t = "Porter said: “The talks are over.”";
    check(&one(t), t, "The talks are over.", QuoteKind::Direct, Some("Porter"), Some("said"), "name-said-quote");
}

#[test]
fn quote_name_said_adding_quote() {
    let t = "“We tried,” Porter said, adding “but nobody listened.”";
    let qs = run(t);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    check(&qs[0], t, "We tried", QuoteKind::Direct, Some("Porter"), Some("said"), "quote-comma-name-said");
    check(&qs[1], t, "but nobody listened.", QuoteKind::Direct, Some("Porter"), Some("adding"), "participle-inherits");
}

#[test]
fn appositive_speaker() {
    let t = "Jane Porter, the trade minister, said “the border stays closed.”";
    check(
        &one(t),
        t,
        "the border stays closed.",
        QuoteKind::Direct,
        Some("Jane Porter"),
        Some("said"),
        "name-said-quote",
    );
}

#[test]
fn split_quote_and_next_paragraph_continue_the_speaker() {
    let t = "“We tried,” he said. “Nobody listened.”\n\n“Next year we will try again with new partners.”";
    let qs = run(t);
    assert_eq!(qs.len(), 3, "{qs:#?}");
    check(&qs[0], t, "We tried", QuoteKind::Direct, Some("he"), Some("said"), "quote-comma-name-said");
    check(&qs[1], t, "Nobody listened.", QuoteKind::Direct, Some("he"), Some("said"), "continues-previous-speaker");
    assert_eq!(qs[2].rule, "continues-previous-speaker");
    assert_eq!(slice(t, qs[2].speaker_span), Some("he"));
}

#[test]
fn dash_attribution() {
    let t = "“We will never give up on this town.” — Maria Lopez";
    check(
        &one(t),
        t,
        "We will never give up on this town.",
        QuoteKind::Direct,
        Some("Maria Lopez"),
        Some("—"),
        "quote-dash-name",
    );
}

#[test]
fn colon_introduction_in_the_previous_paragraph() {
    let t = "The mayor told the council:\n\n“We are ready to talk to everyone who wants peace.”";
    check(
        &one(t),
        t,
        "We are ready to talk to everyone who wants peace.",
        QuoteKind::Direct,
        Some("The mayor"),
        Some("told"),
        "colon-intro",
    );
}

#[test]
fn partial_quote_and_participle_clause() {
    let t = "Defense Minister Omar Haddad described the meeting as “a total failure,” adding that even the hosts had lost hope.";
    let qs = run(t);
    assert_eq!(qs.len(), 3, "{qs:#?}");
    // The description as a whole is reported content too; the quoted words are the direct quote.
    check(
        &qs[0],
        t,
        "the meeting as “a total failure",
        QuoteKind::Indirect,
        Some("Omar Haddad"),
        Some("described"),
        "name-verb-complement",
    );
    check(&qs[1], t, "a total failure", QuoteKind::Direct, Some("Omar Haddad"), Some("described"), "name-cue-partial");
    check(
        &qs[2],
        t,
        "that even the hosts had lost hope",
        QuoteKind::Indirect,
        Some("Omar Haddad"),
        Some("adding"),
        "name-said-clause",
    );
    assert_eq!(qs[1].speaker.as_deref(), Some("Omar Haddad"));
}

#[test]
fn reported_speech_layouts() {
    let t = "Porter said the government is prepared to help both sides.";
    check(
        &one(t),
        t,
        "the government is prepared to help both sides",
        QuoteKind::Indirect,
        Some("Porter"),
        Some("said"),
        "name-said-clause",
    );
    let t = "The minister told reporters that the plan would fail.";
    check(
        &one(t),
        t,
        "that the plan would fail",
        QuoteKind::Indirect,
        Some("The minister"),
        Some("told"),
        "name-said-clause",
    );
    let t = "According to officials in Quito, the border will reopen next week.";
    check(
        &one(t),
        t,
        "the border will reopen next week",
        QuoteKind::Indirect,
        Some("officials in Quito"),
        Some("According to"),
        "according-to-clause",
    );
    let t = "Analysts in the capital have also warned that prices could rise.";
    check(
        &one(t),
        t,
        "that prices could rise",
        QuoteKind::Indirect,
        Some("Analysts in the capital"),
        Some("warned"),
        "name-said-clause",
    );
    let t = "Local news outlets, reported that the bridge had been closed.";
    check(
        &one(t),
        t,
        "that the bridge had been closed",
        QuoteKind::Indirect,
        Some("Local news outlets"),
        Some("reported"),
        "name-said-clause",
    );
    let t = "The bridge will stay closed until spring, the mayor said.";
    check(
        &one(t),
        t,
        "The bridge will stay closed until spring",
        QuoteKind::Indirect,
        Some("the mayor"),
        Some("said"),
        "clause-comma-name-said",
    );
}

#[test]
fn infinitive_cue_after_a_verb_of_continuing() {
    let t = "The harbor master continued to insist that the ferry was safe.";
    check(
        &one(t),
        t,
        "that the ferry was safe",
        QuoteKind::Indirect,
        Some("The harbor master"),
        Some("insist"),
        "name-said-clause",
    );
    let t = "Okafor went on to say the tunnel would open in May.";
    check(
        &one(t),
        t,
        "the tunnel would open in May",
        QuoteKind::Indirect,
        Some("Okafor"),
        Some("say"),
        "name-said-clause",
    );
    let t = "The growers were quick to point out that the frost had spared the vines.";
    check(
        &one(t),
        t,
        "that the frost had spared the vines",
        QuoteKind::Indirect,
        Some("The growers"),
        Some("point out"),
        "name-said-clause",
    );
    let t = "The ferry captain went on to praise the crew.";
    check(
        &one(t),
        t,
        "the crew",
        QuoteKind::Indirect,
        Some("The ferry captain"),
        Some("praise"),
        "name-verb-complement",
    );
    // Other verbs before an infinitive do not make it a statement.
    assert!(run("Okafor wanted to say the tunnel would open in May.").iter().all(|q| q.rule != "name-said-clause"));
}

#[test]
fn that_after_a_phrase_with_a_lexicon_noun() {
    let t = "The harbor master said during a conference call on Monday that the ferry was safe.";
    check(
        &one(t),
        t,
        "that the ferry was safe",
        QuoteKind::Indirect,
        Some("The harbor master"),
        Some("said"),
        "name-said-clause",
    );
}

#[test]
fn only_inverting_verbs_take_a_speaker_after_a_comma() {
    // "…, criticized X" is no inverted "…, said X": X is the object, the phrase before the subject.
    let t = "Several harbor towns, including Ostend and Varna, criticized the new tariff.";
    check(
        &one(t),
        t,
        "the new tariff",
        QuoteKind::Indirect,
        Some("Several harbor towns"),
        Some("criticized"),
        "name-verb-complement",
    );
    let t = "The pier will reopen in May, said the mayor.";
    check(
        &one(t),
        t,
        "The pier will reopen in May",
        QuoteKind::Indirect,
        Some("the mayor"),
        Some("said"),
        "clause-comma-name-said",
    );
}

#[test]
fn reported_clause_opening_with_a_quantity() {
    let t = "The radio station reported at least six planes flew over the harbor.";
    check(
        &one(t),
        t,
        "at least six planes flew over the harbor",
        QuoteKind::Indirect,
        Some("The radio station"),
        Some("reported"),
        "name-said-clause",
    );
    let t = "Okafor said nearly every farmer had sold the spring crop.";
    check(
        &one(t),
        t,
        "nearly every farmer had sold the spring crop",
        QuoteKind::Indirect,
        Some("Okafor"),
        Some("said"),
        "name-said-clause",
    );
}

#[test]
fn a_fronted_phrase_is_no_statement() {
    assert!(run("In a changing economy, most farmers still believe in the harvest.").is_empty());
    assert!(run("In the letter to the council, Okafor wrote:").is_empty());
    let t = "After the vote in May, the pier will close, the mayor said.";
    check(
        &one(t),
        t,
        "After the vote in May, the pier will close",
        QuoteKind::Indirect,
        Some("the mayor"),
        Some("said"),
        "clause-comma-name-said",
    );
}

#[test]
fn bare_clause_after_a_short_phrase() {
    let t = "Okafor said after the harvest she would sell the farm.";
    check(&one(t), t, "she would sell the farm", QuoteKind::Indirect, Some("Okafor"), Some("said"), "name-said-clause");
}

#[test]
fn pronouns_resolve_to_the_previous_person() {
    let t = "Foreign Minister Lena Berg arrived on Monday. She warned that the talks could fail.";
    let q = one(t);
    check(&q, t, "that the talks could fail", QuoteKind::Indirect, Some("She"), Some("warned"), "name-said-clause");
    assert_eq!(q.speaker.as_deref(), Some("Lena Berg"));
    // A surname alone resolves to the fullest form used before.
    let t = "Foreign Minister Lena Berg arrived on Monday. Berg said the talks could fail.";
    assert_eq!(one(t).speaker.as_deref(), Some("Lena Berg"));
    // No person before: the speaker stays unknown, never a guess.
    let t = "He said the talks could fail.";
    let q = one(t);
    assert_eq!((q.speaker.as_deref(), slice(t, q.speaker_span)), (None, Some("He")));
}

#[test]
fn relative_pronoun_speaker() {
    let t = "The offer follows comments from Defense Minister Omar Haddad, who called the talks “a dead end.”";
    let q = one(t);
    check(&q, t, "a dead end.", QuoteKind::Direct, Some("who"), Some("called"), "name-cue-partial");
    assert_eq!(q.speaker.as_deref(), Some("Omar Haddad"));
}

#[test]
fn scare_quotes_and_titles_are_not_speech() {
    assert!(run("The so-called “deal” was signed in May.").is_empty());
    assert!(run("She starred in a film called “Heat” and later in a play.").is_empty());
    assert!(run("He appeared on “Meet the Nation” twice last year.").is_empty());
    assert!(run("<tweet id=\"12345\" author=\"someone\">Hello</tweet>").is_empty());
}

#[test]
fn unattributed_speech_keeps_no_speaker() {
    let t = "“We will keep going no matter what happens next.”";
    let q = one(t);
    assert_eq!((q.kind, q.speaker.as_deref(), q.speaker_span, q.rule), (QuoteKind::Direct, None, None, "unattributed"));
}

#[test]
fn two_apostrophe_marks() {
    let t = "''We will win this race,'' Mr. Porter said.";
    check(
        &one(t),
        t,
        "We will win this race",
        QuoteKind::Direct,
        Some("Porter"),
        Some("said"),
        "quote-comma-name-said",
    );
}

#[test]
fn apostrophes_are_not_marks() {
    let t = "Sanders’ aides don’t like the ’90s plan, and Jones' team said “it is far too late for that now.”";
    let qs = show(t);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].1, "it is far too late for that now.");
    assert_eq!(qs[0].2.as_deref(), Some("Jones' team"));
}

#[test]
fn nested_quotes_give_one_quote() {
    let t = "“He told me ‘no’ twice, and then he left,” Porter said.";
    check(
        &one(t),
        t,
        "He told me ‘no’ twice, and then he left",
        QuoteKind::Direct,
        Some("Porter"),
        Some("said"),
        "quote-comma-name-said",
    );
    let t = "\"She called it \"a disaster\" on live television,\" Porter said.";
    check(
        &one(t),
        t,
        "She called it \"a disaster\" on live television",
        QuoteKind::Direct,
        Some("Porter"),
        Some("said"),
        "quote-comma-name-said",
    );
}

#[test]
fn unbalanced_marks_run_to_the_paragraph_end() {
    let t = "Porter said: “We will not leave this place until the job is done.\n\nThe vote is on Friday.";
    let q = one(t);
    check(
        &q,
        t,
        "We will not leave this place until the job is done.",
        QuoteKind::Direct,
        Some("Porter"),
        Some("said"),
        "name-said-quote",
    );
    // A closer with no opener starts the quote at the paragraph start.
    let t = "We will not leave this place until the job is done,” Porter said.";
    check(
        &one(t),
        t,
        "We will not leave this place until the job is done",
        QuoteKind::Direct,
        Some("Porter"),
        Some("said"),
        "quote-comma-name-said",
    );
}

#[test]
fn multi_paragraph_quote() {
    let t = "“The first part of the plan is simple: we build the road.\n\n“The second part is harder,” Porter said.";
    let qs = run(t);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    check(
        &qs[0],
        t,
        "The first part of the plan is simple: we build the road.",
        QuoteKind::Direct,
        Some("Porter"),
        Some("said"),
        "multi-paragraph",
    );
    check(
        &qs[1],
        t,
        "The second part is harder",
        QuoteKind::Direct,
        Some("Porter"),
        Some("said"),
        "quote-comma-name-said",
    );
}

#[test]
fn pairing_handles_odd_marks_and_typos() {
    let doc = Doc::for_test("“One,” he said. ”Two,” she said. \"Three\" and \"four");
    let regions = marks::pair(&doc);
    let texts: Vec<&str> =
        regions.iter().map(|r| &doc.text[doc.toks[r.first].start..doc.toks[r.last - 1].end]).collect();
    assert_eq!(texts, vec!["One,", "Two,", "Three", "four"]);
    assert!(regions[3].continues);
}

#[test]
fn no_panics_on_odd_input() {
    let pieces = [
        "“",
        "”",
        "\"",
        "'",
        "’",
        "‘",
        "''",
        "«",
        "»",
        "„",
        " ",
        "\n\n",
        "said",
        "X",
        "é",
        "—",
        ",",
        ".",
        ":",
        "according",
        "to",
        "that",
        "he",
    ];
    let mut seed: u64 = 7;
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..(seed % 30) {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        for q in run(&s) {
            assert!(s.is_char_boundary(q.start) && s.is_char_boundary(q.end) && q.start <= q.end);
            assert_eq!(&s[q.start..q.end], q.text);
        }
    }
}

#[test]
fn partial_quote_without_cue_takes_the_sentence_subject() {
    let t = "The union protested that managers were being “deliberately evasive, and unfair” all week.";
    let qs = show(t);
    let q = qs.iter().find(|q| q.0 == "direct").expect("a direct quote");
    assert_eq!(q.1, "deliberately evasive, and unfair");
    assert_eq!((q.2.as_deref(), q.4), (Some("The union"), "sentence-subject"));
}

#[test]
fn partial_quote_in_a_subordinate_clause_goes_to_the_outer_speaker() {
    let t =
        "Okafor said that he would keep fighting Lindqvist, whom he described as “a reckless gambler with no plan.”";
    let qs = show(t);
    let q = qs.iter().find(|q| q.0 == "direct").expect("a direct quote");
    assert_eq!((q.2.as_deref(), q.3.as_deref(), q.4), (Some("Okafor"), Some("described"), "outer-speaker"));
}

#[test]
fn attribution_inserted_mid_sentence() {
    let t = "That policy, the officials said, rewards volume over service.";
    let q = one(t);
    check(
        &q,
        t,
        "That policy, the officials said, rewards volume over service",
        QuoteKind::Indirect,
        Some("the officials"),
        Some("said"),
        "clause-said-clause",
    );
}

#[test]
fn clause_then_titled_name_said() {
    let t = "The bridge will reopen by spring, Transport Minister Ada Ferreira said in a radio interview.";
    let q = one(t);
    check(
        &q,
        t,
        "The bridge will reopen by spring",
        QuoteKind::Indirect,
        Some("Ada Ferreira"),
        Some("said"),
        "clause-comma-name-said",
    );
    let t = "Turnout fell in every district, the election board said.";
    check(
        &one(t),
        t,
        "Turnout fell in every district",
        QuoteKind::Indirect,
        Some("the election board"),
        Some("said"),
        "clause-comma-name-said",
    );
}

#[test]
fn verb_complements_are_reported_content() {
    let t = "Two council members urged the mayor to release the audit before the vote.";
    let q = one(t);
    check(
        &q,
        t,
        "the mayor to release the audit before the vote",
        QuoteKind::Indirect,
        Some("Two council members"),
        Some("urged"),
        "name-verb-complement",
    );
    let t = "The Brandt campaign declined to comment on the filing.";
    check(
        &one(t),
        t,
        "to comment on the filing",
        QuoteKind::Indirect,
        Some("The Brandt campaign"),
        Some("declined"),
        "name-verb-complement",
    );
    // A noun, and "called for", are not attributions.
    assert!(run("In a phone call with the governor, the talks were set for May.").is_empty());
    assert!(run("Ms. Ruiz has called for a new round of talks between the two sides.").is_empty());
}

#[test]
fn a_relative_clause_does_not_cut_the_reported_clause() {
    let t = "Halvorsen said several clerks were fired, such as one who pleaded for more time.";
    let q = one(t);
    assert_eq!(q.text, "several clerks were fired, such as one who pleaded for more time");
}

#[test]
fn trailing_comma_inside_the_marks_is_not_quoted() {
    // American style puts the comma inside the closing mark; it belongs to the frame sentence.
    let t = "“The talks produced no results,” Okafor said.";
    check(
        &one(t),
        t,
        "The talks produced no results",
        QuoteKind::Direct,
        Some("Okafor"),
        Some("said"),
        "quote-comma-name-said",
    );
    let t = "“Why would we stop now?” Okafor asked.";
    assert_eq!(one(t).text, "Why would we stop now?");
    let t = "Okafor said: “The talks are over.”";
    assert_eq!(one(t).text, "The talks are over.");
    // A partial quote keeps no colon or semicolon either.
    let t = "Okafor called it “a trap;”";
    assert_eq!(run(t).iter().find(|q| q.kind == QuoteKind::Direct).map(|q| q.text.as_str()), Some("a trap"));
}

#[test]
fn name_colon_headline_statement() {
    let t = "Okafor: Border Talks Have Failed\n\nThe minister spoke on Monday.";
    check(
        &one(t),
        t,
        "Border Talks Have Failed",
        QuoteKind::Indirect,
        Some("Okafor"),
        Some(":"),
        "name-colon-statement",
    );
    let t = "Mayor Ruiz to Council: We Will Not Raise Taxes.";
    let q = one(t);
    assert_eq!((q.text.as_str(), slice(t, q.speaker_span)), ("We Will Not Raise Taxes", Some("Ruiz")));
    // Page furniture is not a speaker, and a quoted line is a direct quote.
    assert!(run("Update: The bridge has reopened to traffic.").is_empty());
    assert!(run("Photo Credit: Staff photographer at the scene").is_empty());
    assert!(run("Contributing: Ada Lind and Tom Berg, Harbor Daily").is_empty());
    assert!(run("Delegate Update: The latest count in the council race").is_empty());
    let qs = show("Okafor: “We will not give up this fight.”");
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].0, "direct");
}

#[test]
fn poll_introduces_its_finding() {
    let t = "In the new Harbor Institute poll, most voters back the transit plan.";
    check(
        &one(t),
        t,
        "most voters back the transit plan",
        QuoteKind::Indirect,
        Some("the new Harbor Institute poll"),
        Some("In"),
        "poll-clause",
    );
    let t = "Recent polls show the mayor with a narrow lead.";
    check(
        &one(t),
        t,
        "the mayor with a narrow lead",
        QuoteKind::Indirect,
        Some("Recent polls"),
        Some("show"),
        "name-verb-complement",
    );
    // "In" a place is no poll; "both sides show" is a noun phrase's verb, not a finding.
    assert!(run("In the old harbor town, most shops closed early.").is_empty());
    assert!(run("Talks will depend on whether both sides show real flexibility.").is_empty());
}

#[test]
fn asked_about_is_the_question() {
    let t = "When asked by a reporter about the delay, Okafor shrugged.";
    check(&one(t), t, "about the delay", QuoteKind::Indirect, Some("a reporter"), Some("asked"), "asked-about");
    let t = "Asked on Monday whether she would run again, the mayor smiled.";
    let q = one(t);
    assert_eq!((q.text.as_str(), q.speaker_span), ("whether she would run again", None));
}

#[test]
fn particle_verbs_and_characterisations() {
    let t = "Okafor pointed to the falling price of grain.";
    check(
        &one(t),
        t,
        "the falling price of grain",
        QuoteKind::Indirect,
        Some("Okafor"),
        Some("pointed to"),
        "name-verb-complement",
    );
    let t = "The mayor pointed out that the bridge was never finished.";
    check(
        &one(t),
        t,
        "that the bridge was never finished",
        QuoteKind::Indirect,
        Some("The mayor"),
        Some("pointed out"),
        "name-said-clause",
    );
    let t = "Ruiz sees the harbor deal as a trap for small fishermen.";
    check(
        &one(t),
        t,
        "the harbor deal as a trap for small fishermen",
        QuoteKind::Indirect,
        Some("Ruiz"),
        Some("sees"),
        "name-verb-complement",
    );
    // Without the particle or "as" these verbs say nothing reported.
    assert!(run("Ruiz pointed the camera at the crowd outside.").is_empty());
    assert!(run("Ruiz saw the harbor from her office window.").is_empty());
    assert!(run("Grain exports declined 40 percent in the first half.").is_empty());
}

#[test]
fn lone_connective_before_an_inserted_attribution() {
    let t = "Still, he said, the council has to decide who pays for the bridge.";
    check(
        &one(t),
        t,
        "the council has to decide who pays for the bridge",
        QuoteKind::Indirect,
        Some("he"),
        Some("said"),
        "clause-said-clause",
    );
}

#[test]
fn a_nested_attribution_stays_part_of_the_outer_statement() {
    let t = "Ruiz said she thinks the harbor plan will fail.";
    check(
        &one(t),
        t,
        "she thinks the harbor plan will fail",
        QuoteKind::Indirect,
        Some("Ruiz"),
        Some("said"),
        "name-said-clause",
    );
    let t = "Organizers say they want to avoid any violence this weekend.";
    assert_eq!(one(t).text, "they want to avoid any violence this weekend");
}

#[test]
fn a_reported_clause_ending_in_a_short_quote() {
    let t = "Ruiz said port managers were phoning her “every ten minutes.”";
    let qs = show(t);
    // One statement: the partial quote is part of the clause, not a second quote.
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].0, "indirect");
    assert_eq!(qs[0].1, "port managers were phoning her “every ten minutes.”");
}

#[test]
fn subjects_across_dashes_parentheses_and_quantifiers() {
    let t = "Mayor Ruiz - in a speech aimed at her rival - declared that the harbor would stay open.";
    let q = one(t);
    assert_eq!((q.text.as_str(), slice(t, q.speaker_span)), ("that the harbor would stay open", Some("Ruiz")));
    let t = "Sen. Ada Okafor (D), a longtime ally of the mayor, suggested that the vote was rigged.";
    let q = one(t);
    assert_eq!((q.text.as_str(), slice(t, q.speaker_span)), ("that the vote was rigged", Some("Ada Okafor")));
    let t = "Even Ada Okafor, who has long defended the mayor, said the harbor plan was doomed.";
    let qs = run(t);
    let q = qs.iter().find(|q| slice(t, q.cue_span) == Some("said")).expect("the said clause");
    assert_eq!((q.text.as_str(), slice(t, q.speaker_span)), ("the harbor plan was doomed", Some("Ada Okafor")));
    let t = "Another said the harbor plan was doomed from the start.";
    let q = one(t);
    assert_eq!(slice(t, q.speaker_span), Some("Another"));
}

#[test]
fn a_semicolon_or_a_new_pronoun_subject_ends_the_reported_clause() {
    let t = "Ruiz said the harbor would close in May; the port board puts the date at June.";
    let q = one(t);
    check(&q, t, "the harbor would close in May", QuoteKind::Indirect, Some("Ruiz"), Some("said"), "name-said-clause");
    let t = "Ruiz said the harbor would close in May, and she left the hall before the vote.";
    let q = one(t);
    check(&q, t, "the harbor would close in May", QuoteKind::Indirect, Some("Ruiz"), Some("said"), "name-said-clause");
    // A comma and a conjunction without a new subject go on with the statement.
    let t = "Ruiz said the harbor would close in May, and reopen in June.";
    assert_eq!(one(t).text, "the harbor would close in May, and reopen in June");
}

#[test]
fn a_coordinated_verb_takes_the_subject_after_an_opener_or_a_dash_remark() {
    let by_cue = |t: &'static str, cue: &str| {
        let qs = run(t);
        let q = qs.into_iter().find(|q| slice(t, q.cue_span) == Some(cue)).expect("the quote of the cue");
        (q.text.clone(), slice(t, q.speaker_span).map(str::to_string))
    };
    let t = "Sunday morning, Ruiz described the plan as a costly gamble and urged the board to drop it.";
    assert_eq!(by_cue(t, "urged"), ("the board to drop it".to_string(), Some("Ruiz".to_string())));
    let t = "Speaking to a crowd of dock workers in the old harbor hall, Ruiz described the plan as a costly \
             gamble and urged the board to drop it.";
    assert_eq!(by_cue(t, "urged"), ("the board to drop it".to_string(), Some("Ruiz".to_string())));
    let t = "In Leeds -- which votes on Saturday -- Ruiz toured the docks and argued that the port would grow.";
    assert_eq!(by_cue(t, "argued"), ("that the port would grow".to_string(), Some("Ruiz".to_string())));
}

#[test]
fn a_fronted_subordinate_clause_ends_at_its_comma() {
    let t = "When Ruiz suggested that the port would close early, the board voted to keep it open.";
    let qs = run(t);
    let q = qs.iter().find(|q| slice(t, q.cue_span) == Some("suggested")).expect("the suggestion");
    check(
        q,
        t,
        "that the port would close early",
        QuoteKind::Indirect,
        Some("Ruiz"),
        Some("suggested"),
        "name-said-clause",
    );
    let t = "Although Ruiz endorsed the harbor plan, the board rejected it.";
    let qs = run(t);
    let q = qs.iter().find(|q| slice(t, q.cue_span) == Some("endorsed")).expect("the endorsement");
    check(q, t, "the harbor plan", QuoteKind::Indirect, Some("Ruiz"), Some("endorsed"), "name-verb-complement");
}

#[test]
fn a_mostly_quoted_clause_opening_with_own_words_is_one_statement() {
    let t = "Ruiz said the harbor would “stay open for every ship” and “never close at night.”";
    let q = one(t);
    check(
        &q,
        t,
        "the harbor would “stay open for every ship” and “never close at night.”",
        QuoteKind::Indirect,
        Some("Ruiz"),
        Some("said"),
        "name-said-clause",
    );
    // A quote that runs on past the sentence stays a direct quote.
    let t = "Ruiz said the harbor “will stay open. It always has.”";
    let qs = show(t);
    assert!(qs.iter().all(|q| q.0 == "direct"), "{qs:#?}");
}

#[test]
fn an_embedded_question_after_a_speech_verb_is_the_content() {
    let t = "Ruiz explained how the harbor fees would be shared among the towns.";
    check(
        &one(t),
        t,
        "how the harbor fees would be shared among the towns",
        QuoteKind::Indirect,
        Some("Ruiz"),
        Some("explained"),
        "name-said-clause",
    );
    let t = "Two council members have not said whether they would back the harbor plan.";
    let q = one(t);
    assert_eq!(q.text, "whether they would back the harbor plan");
    assert_eq!(slice(t, q.cue_span), Some("said"));
    assert_eq!(slice(t, q.speaker_span), Some("Two council members"));
    // A belief verb does not take it: "knows why" states no content.
    let t = "Ruiz knows why the harbor fees would be shared among the towns.";
    assert!(run(t).is_empty(), "{:#?}", run(t));
}

#[test]
fn a_non_speech_participle_does_not_cut_the_clause() {
    let t = "Aides believe the record of the mayor, promoting new harbor jobs, will win the city.";
    let qs = run(t);
    let q = qs.iter().find(|q| slice(t, q.cue_span) == Some("believe")).expect("the belief");
    assert_eq!(q.text, "the record of the mayor, promoting new harbor jobs, will win the city");
    assert_eq!(slice(t, q.speaker_span), Some("Aides"));
}

#[test]
fn as_x_noted() {
    let t = "As the harbor board noted, the port lost money in every quarter.";
    check(
        &one(t),
        t,
        "the port lost money in every quarter",
        QuoteKind::Indirect,
        Some("the harbor board"),
        Some("noted"),
        "as-x-said",
    );
    let t = "The port lost money in every quarter, as Okafor reported on Monday.";
    check(
        &one(t),
        t,
        "The port lost money in every quarter",
        QuoteKind::Indirect,
        Some("Okafor"),
        Some("reported"),
        "as-x-said",
    );
    // "as" in time clauses is no attribution.
    assert!(run("As the mayor began her speech, the lights went out.").is_empty());
}

#[test]
fn a_single_name_object() {
    let t = "The union endorsed Okafor.";
    check(&one(t), t, "Okafor", QuoteKind::Indirect, Some("The union"), Some("endorsed"), "name-verb-complement");
}

#[test]
fn a_partial_quote_belongs_to_its_reported_clause() {
    let t = "In a clip that Judge Lee called “vile,” Ruiz voiced a wish to “close every harbor.”";
    let qs = show(t);
    // The clause that holds the partial quote is the statement; the quote is not returned twice.
    assert!(!qs.iter().any(|q| q.1 == "close every harbor."), "{qs:#?}");
    let q = qs.iter().find(|q| q.1.contains("close every harbor")).expect("the clause");
    assert_eq!((q.0, q.2.as_deref()), ("indirect", Some("Ruiz")));
    let t = "Okafor said the protests demand “more listening” from the council.";
    let qs = show(t);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(
        (qs[0].0, qs[0].1.as_str(), qs[0].2.as_deref()),
        ("indirect", "the protests demand “more listening” from the council", Some("Okafor"))
    );
    // A quote with a cue of its own inside the clause stays a quote of its own.
    let t = "Okafor said the plan, which Lee described as “a total failure,” will cost millions.";
    let qs = show(t);
    assert!(qs.iter().any(|q| q.0 == "direct" && q.1 == "a total failure"), "{qs:#?}");
}

#[test]
fn a_framing_verb_outside_the_lexicon() {
    let t = "“People are tired of waiting for the bridge,” he surmised.";
    check(
        &one(t),
        t,
        "People are tired of waiting for the bridge",
        QuoteKind::Direct,
        Some("he"),
        Some("surmised"),
        "quote-comma-name-verb",
    );
    // Without the comma frame, a following sentence is not an attribution.
    let t = "“People are tired of waiting for the bridge.” The council meets tomorrow.";
    assert_ne!(one(t).rule, "quote-comma-name-verb");
}

#[test]
fn no_object_no_complement() {
    assert!(run("The harbor tax was proposed in 1990 by the old council.").is_empty());
    assert!(run("The plan he backed by a wide margin failed anyway.").iter().all(|q| q.text != "by a wide margin"));
    // A partial quote's sentence subject must look like a speaker.
    let t = "Smiling broadly, all evening the crowd was “patient and good-humored and kind.”";
    let qs = run(t);
    assert!(qs.iter().all(|q| slice(t, q.speaker_span) != Some("Smiling")), "{qs:#?}");
}

#[test]
fn more_reported_clause_openings() {
    let t = "Okafor said her family asked for privacy.";
    assert_eq!(one(t).text, "her family asked for privacy");
    let t = "Okafor said if the bridge closes, the harbor will lose its trade.";
    assert_eq!(one(t).text, "if the bridge closes, the harbor will lose its trade");
    let t = "The solution, the harbor master told them, was simple.";
    check(
        &one(t),
        t,
        "The solution, the harbor master told them, was simple",
        QuoteKind::Indirect,
        Some("the harbor master"),
        Some("told"),
        "clause-said-clause",
    );
    let t = "The ferry will run again in May, a harbor spokesman told The Daily Tide.";
    check(
        &one(t),
        t,
        "The ferry will run again in May",
        QuoteKind::Indirect,
        Some("a harbor spokesman"),
        Some("told"),
        "clause-comma-name-said",
    );
}

#[test]
fn appositive_subject_after_a_title_with_a_tagged_name() {
    let t = "Harbor delegate Ada Okafor, wearing a coat covered in campaign buttons, said the vote was fair.";
    let tokens = crate::segment::tokenize(t);
    let paragraphs = crate::clean::keep_as_is(t).paragraphs;
    let sentences = crate::segment::sentences(t, &tokens, &paragraphs);
    let start = t.find("Ada").unwrap();
    let span = Span { start, end: start + "Ada Okafor".len() };
    let mentions = vec![Mention::new(t, span, Label::Person, 0.9)];
    let qs = find_quotes(t, &tokens, &sentences, &paragraphs, &mentions, &[]);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!((qs[0].text.as_str(), slice(t, qs[0].speaker_span)), ("the vote was fair", Some("Ada Okafor")));
}

#[test]
fn manner_adverbs_and_missing_inverted_speakers_are_no_clauses() {
    let t = "“How are you today?” Okafor, a retired clerk, said pleasantly into the phone.";
    let qs = show(t);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!((qs[0].0, qs[0].2.as_deref()), ("direct", Some("Okafor")));
    let t = "“How are you today?” Okafor, a retired clerk, said.";
    let qs = show(t);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].0, "direct");
}

#[test]
fn a_long_appositive_between_quote_and_verb() {
    let t = "“The plan is sound,” Ada Okafor, director of the harbor authority and a professor at the maritime college in the old port town of Lisbeth, said of the plan.";
    let qs = show(t);
    let q = qs.iter().find(|q| q.0 == "direct").expect("the quote");
    assert_eq!((q.2.as_deref(), q.3.as_deref()), (Some("Ada Okafor"), Some("said")));
}

#[test]
fn single_quoted_headline_and_inserted_according_to() {
    let t = "Okafor: ‘The Harbor Will Stay Open’\n\nThe mayor spoke on Monday.";
    let q = one(t);
    assert_eq!(
        (q.kind, q.rule, slice(t, q.speaker_span)),
        (QuoteKind::Indirect, "name-colon-statement", Some("Okafor"))
    );
    let t = "Fundraising, according to the campaign, has surged in the past week.";
    check(
        &one(t),
        t,
        "Fundraising, according to the campaign, has surged in the past week",
        QuoteKind::Indirect,
        Some("the campaign"),
        Some("according to"),
        "according-to-clause",
    );
}

#[test]
fn a_one_word_subject_is_not_a_connective() {
    let t = "Fraudsters, he said in the video, never last long.";
    assert_eq!(one(t).text, "Fraudsters, he said in the video, never last long");
    let t = "Okafor told investigators in July she was advised to use a private phone.";
    let q = one(t);
    assert_eq!((q.text.as_str(), slice(t, q.speaker_span)), ("she was advised to use a private phone", Some("Okafor")));
}

#[test]
fn a_partial_quote_in_an_adverbial_clause_keeps_its_own_speaker() {
    let t = "Okafor ran the port for years, until the day when Berg called her plan “a bold and overdue step for the town.”";
    let qs = show(t);
    let q = qs.iter().find(|q| q.0 == "direct").expect("the partial quote");
    assert_eq!(q.2.as_deref(), Some("Berg"), "{qs:#?}");
}

#[test]
fn a_participle_after_an_adverb_takes_the_clause_subject() {
    let t = "“Go teach kindergarten,” Okafor said, apparently suggesting that teachers do not work hard.";
    let qs = show(t);
    let q = qs.iter().find(|q| q.0 == "indirect").expect("the reported clause");
    assert_eq!((q.1.as_str(), q.2.as_deref()), ("that teachers do not work hard", Some("Okafor")), "{qs:#?}");
}

#[test]
fn people_plurals_take_a_base_form_verb() {
    let t = "Most harbor workers support the new ferry schedule.";
    check(
        &one(t),
        t,
        "the new ferry schedule",
        QuoteKind::Indirect,
        Some("Most harbor workers"),
        Some("support"),
        "name-verb-complement",
    );
    // Not any plural: "both sides show" stays a plain verb.
    assert!(run("Talks will depend on whether both sides show real flexibility.").is_empty());
}

#[test]
fn a_quote_after_an_attribution_in_its_own_sentence_continues_the_speaker() {
    let t = "“How are you today?” Okafor, a retired clerk, said pleasantly into the phone. “We are calling all our members.”";
    let qs = show(t);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!((qs[1].2.as_deref(), qs[1].4), (Some("Okafor"), "continues-previous-speaker"));
}

#[test]
fn participles_after_by_and_with() {
    let t = "Okafor ended her speech by saying “the harbor belongs to all of us.”";
    let qs = show(t);
    let q = qs.iter().find(|q| q.0 == "direct").expect("the quote");
    assert_eq!(q.2.as_deref(), Some("Okafor"), "{qs:#?}");
    let t = "The harbor was full of people, with many dock workers chanting “Keep the ferry running all year.”";
    let qs = show(t);
    let q = qs.iter().find(|q| q.0 == "direct").expect("the quote");
    assert_eq!(q.2.as_deref(), Some("many dock workers"), "{qs:#?}");
}

#[test]
fn a_name_and_colon_ending_the_text_is_no_statement() {
    // Found by the html fuzz target: nothing after the colon used to be read past the end.
    assert!(run("BrikaPhoto: ").is_empty());
    assert!(run("Mayor Lee:").is_empty());
    let a = crate::analyze_with("BrikaPhoto: ", &crate::Options::with_clean(true).format(crate::Format::Html));
    assert!(a.quotes.is_empty());
}

#[test]
fn a_hedged_clause_has_no_source() {
    let t = "The harbor plan seems to have stalled.";
    check(
        &one(t),
        t,
        "The harbor plan seems to have stalled",
        QuoteKind::Indirect,
        None,
        Some("seems"),
        "evidential-clause",
    );
    let t = "But the council vote is expected to fail next week.";
    check(
        &one(t),
        t,
        "the council vote is expected to fail next week",
        QuoteKind::Indirect,
        None,
        Some("is expected"),
        "evidential-clause",
    );
    let t = "It seems that the ferry company has run out of money.";
    check(
        &one(t),
        t,
        "the ferry company has run out of money",
        QuoteKind::Indirect,
        None,
        Some("seems"),
        "evidential-clause",
    );
    // A relative clause ends at its comma.
    let t = "The mayor, who seemed ready to resign in May, stayed on for another term.";
    check(
        &one(t),
        t,
        "who seemed ready to resign in May",
        QuoteKind::Indirect,
        None,
        Some("seemed"),
        "evidential-clause",
    );
    // Not hedges: a place to appear, an expectation with no infinitive.
    assert!(run("The ferry captain appeared on the evening news.").is_empty());
    assert!(run("The result was expected by everyone in the harbor.").is_empty());
    // Inside a statement, the hedge is part of it.
    let t = "Ruiz said the harbor vote seems lost for good.";
    check(
        &one(t),
        t,
        "the harbor vote seems lost for good",
        QuoteKind::Indirect,
        Some("Ruiz"),
        Some("said"),
        "name-said-clause",
    );
}

#[test]
fn a_counted_or_described_group_as_speaker() {
    let t = "Nearly nine out of 10 said the ferries should keep running.";
    check(
        &one(t),
        t,
        "the ferries should keep running",
        QuoteKind::Indirect,
        Some("Nearly nine out of 10"),
        Some("said"),
        "name-said-clause",
    );
    // Adverbs and auxiliaries before the verb are left out of the phrase.
    let t = "Most dockers polled now say the port is safe.";
    check(
        &one(t),
        t,
        "the port is safe",
        QuoteKind::Indirect,
        Some("Most dockers polled"),
        Some("say"),
        "name-said-clause",
    );
}

#[test]
fn a_role_in_lower_case_before_a_closing_name_said() {
    let t = "The ferries will stop running next month, harbor authority spokesman Piet Varga said Thursday.";
    check(
        &one(t),
        t,
        "The ferries will stop running next month",
        QuoteKind::Indirect,
        Some("Piet Varga"),
        Some("said"),
        "clause-comma-name-said",
    );
}

#[test]
fn what_follows_a_mid_sentence_attribution() {
    // A verb that only looks like a cue, or a participle that is none, continues the statement.
    let t = "Reopening the harbor this year, she said, feels rushed to most dockers.";
    check(
        &one(t),
        t,
        "Reopening the harbor this year, she said, feels rushed to most dockers",
        QuoteKind::Indirect,
        Some("she"),
        Some("said"),
        "clause-said-clause",
    );
    let t = "The council is hurting the port, they say, imposing new tolls on every ferry.";
    assert_eq!(one(t).rule, "clause-said-clause");
    // A speech verb starts another statement: the first is what comes before.
    let t = "The council is hurting the port, they say, adding that tolls will rise.";
    let qs = show(t);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!((qs[0].1.as_str(), qs[0].4), ("The council is hurting the port", "clause-comma-name-said"));
    assert_eq!((qs[1].1.as_str(), qs[1].4), ("that tolls will rise", "name-said-clause"));
}

#[test]
fn a_that_clause_keeps_its_complementizer() {
    let t = "The harbor master said on Friday that the ferries would run again.";
    check(
        &one(t),
        t,
        "that the ferries would run again",
        QuoteKind::Indirect,
        Some("The harbor master"),
        Some("said"),
        "name-said-clause",
    );
    // Without "that" the clause starts at its subject.
    let t = "The harbor master said the ferries would run again.";
    check(
        &one(t),
        t,
        "the ferries would run again",
        QuoteKind::Indirect,
        Some("The harbor master"),
        Some("said"),
        "name-said-clause",
    );
}

#[test]
fn a_fronted_participle_takes_the_subject_after_its_comma() {
    let t = "After saying the ferry was late, the harbor master walked off the pier.";
    check(
        &one(t),
        t,
        "the ferry was late",
        QuoteKind::Indirect,
        Some("the harbor master"),
        Some("saying"),
        "name-said-clause",
    );
    let t = "While praising the new budget, Mayor Lena Ruiz left the hall early.";
    check(
        &one(t),
        t,
        "the new budget",
        QuoteKind::Indirect,
        Some("Lena Ruiz"),
        Some("praising"),
        "name-verb-complement",
    );
}

#[test]
fn a_participle_after_a_comma_and_a_preposition_takes_the_speaker_before() {
    let t = "“Thanks for coming,” Ruiz replied, before adding that the port would reopen soon.";
    let qs = run(t);
    let q = qs.iter().find(|q| q.kind == QuoteKind::Indirect).expect("the added statement");
    check(
        q,
        t,
        "that the port would reopen soon",
        QuoteKind::Indirect,
        Some("Ruiz"),
        Some("adding"),
        "name-said-clause",
    );
}

#[test]
fn an_adverb_or_preposition_is_no_speaker_but_a_counted_group_is() {
    // "then says": the adverb is not the speaker, and the clause finds none.
    let t = "The mayor cut the ribbon, then says the bridge will open in May.";
    assert!(run(t).iter().all(|q| slice(t, q.speaker_span) != Some("then")), "{:#?}", run(t));
    let t = "The two said they had met the minister twice.";
    check(
        &one(t),
        t,
        "they had met the minister twice",
        QuoteKind::Indirect,
        Some("The two"),
        Some("said"),
        "name-said-clause",
    );
}

#[test]
fn a_sentence_connective_is_no_speaker() {
    let t = "Moreover, Lena Ruiz, the port director, noted that the cranes were idle.";
    check(
        &one(t),
        t,
        "that the cranes were idle",
        QuoteKind::Indirect,
        Some("Lena Ruiz"),
        Some("noted"),
        "name-said-clause",
    );
    let t = "Ruiz has nevertheless called the plan a costly mistake.";
    check(
        &one(t),
        t,
        "the plan a costly mistake",
        QuoteKind::Indirect,
        Some("Ruiz"),
        Some("called"),
        "name-verb-complement",
    );
}

#[test]
fn capitalised_words_in_ly_are_names_and_the_daily_is_a_paper() {
    let t = "“The cranes are idle,” Reilly said.";
    check(&one(t), t, "The cranes are idle", QuoteKind::Direct, Some("Reilly"), Some("said"), "quote-comma-name-said");
    let t = "“The port must reopen,” the daily wrote.";
    check(
        &one(t),
        t,
        "The port must reopen",
        QuoteKind::Direct,
        Some("the daily"),
        Some("wrote"),
        "quote-comma-name-said",
    );
    // A lower-case adverb is still skipped.
    let t = "“The port must reopen,” Ruiz repeatedly said.";
    check(&one(t), t, "The port must reopen", QuoteKind::Direct, Some("Ruiz"), Some("said"), "quote-comma-name-said");
}

#[test]
fn an_inverted_speaker_after_words_that_finish_the_quote() {
    let t = "“This will be hard” for the port, said Lena Ruiz.";
    check(&one(t), t, "This will be hard", QuoteKind::Direct, Some("Lena Ruiz"), Some("said"), "quote-comma-name-said");
}

#[test]
fn now_between_a_subject_and_its_verb() {
    let t = "The mayor now says the bridge will open in May.";
    check(
        &one(t),
        t,
        "the bridge will open in May",
        QuoteKind::Indirect,
        Some("The mayor"),
        Some("says"),
        "name-said-clause",
    );
}

#[test]
fn a_source_noun_in_ing_heads_the_subject() {
    let t = "The filing said the company had no assets left.";
    check(
        &one(t),
        t,
        "the company had no assets left",
        QuoteKind::Indirect,
        Some("The filing"),
        Some("said"),
        "name-said-clause",
    );
}

#[test]
fn a_comma_participle_after_an_inverted_speaker_or_an_opening_name() {
    let t = "“The port is safe,” said Lena Ruiz, the harbor master, adding that the cranes would be fixed.";
    let qs = run(t);
    let q = qs.iter().find(|q| q.kind == QuoteKind::Indirect).expect("the added statement");
    check(
        q,
        t,
        "that the cranes would be fixed",
        QuoteKind::Indirect,
        Some("Lena Ruiz"),
        Some("adding"),
        "name-said-clause",
    );
    let t = "Omar Cole, writing in the Herald, argued that the harbor needed dredging.";
    let qs = run(t);
    let q = qs.iter().find(|q| slice(t, q.cue_span) == Some("argued")).expect("the argument");
    check(
        q,
        t,
        "that the harbor needed dredging",
        QuoteKind::Indirect,
        Some("Omar Cole"),
        Some("argued"),
        "name-said-clause",
    );
}

#[test]
fn appositive_subjects_after_a_subordinator_and_coordinated_names() {
    let t = "The row began after Ruiz, asked about the cranes, said that the port was safe.";
    let qs = run(t);
    let q = qs.iter().find(|q| slice(t, q.cue_span) == Some("said")).expect("the statement");
    check(q, t, "that the port was safe", QuoteKind::Indirect, Some("Ruiz"), Some("said"), "name-said-clause");
    let t = "Mr. Cole and Ms. Dunn, the two harbor pilots, said that the channel was too shallow.";
    check(
        &one(t),
        t,
        "that the channel was too shallow",
        QuoteKind::Indirect,
        Some("Mr. Cole and Ms. Dunn"),
        Some("said"),
        "name-said-clause",
    );
}

#[test]
fn a_statement_in_a_relative_clause_of_a_verb_object_is_its_own() {
    let t = "The council endorsed Lena Ruiz, who said that the port would reopen in May.";
    let shown = show(t);
    assert_eq!(shown.len(), 2, "{shown:#?}");
    let said = run(t).into_iter().find(|q| slice(t, q.cue_span) == Some("said")).expect("Ruiz's statement");
    check(
        &said,
        t,
        "that the port would reopen in May",
        QuoteKind::Indirect,
        Some("who"),
        Some("said"),
        "name-said-clause",
    );
    // Without a relative clause the inner statement stays part of the object.
    let t = "The council urged Lena Ruiz to say that the port would reopen in May.";
    assert_eq!(show(t).len(), 1, "{:#?}", show(t));
}

#[test]
fn a_sentence_opening_with_said_and_its_speaker() {
    let t = "The ferry was late again. Said Lena Ruiz, who runs the port: “We will fix it.”";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("the quote");
    check(&q, t, "We will fix it.", QuoteKind::Direct, Some("Lena Ruiz"), Some("Said"), "said-name-quote");
}

#[test]
fn a_quote_after_a_connective_continues_the_previous_speaker() {
    let t = "“The cranes are old,” Ruiz said on Monday. But “the new ones will come in May.”";
    let qs = run(t);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    check(
        &qs[1],
        t,
        "the new ones will come in May.",
        QuoteKind::Direct,
        Some("Ruiz"),
        Some("said"),
        "continues-previous-speaker",
    );
}

#[test]
fn a_free_relative_right_before_the_quote_belongs_to_the_outer_speaker() {
    let t = "Mayor Lena Ruiz said the harbor was ready for what she calls “a new era of shipping.”";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("the quote");
    check(&q, t, "a new era of shipping.", QuoteKind::Direct, Some("Lena Ruiz"), Some("calls"), "outer-speaker");
}

#[test]
fn a_message_participle_takes_its_senders_nominal_subject() {
    let t = "The harbor authority put out a statement saying the cranes would be replaced.";
    check(
        &one(t),
        t,
        "the cranes would be replaced",
        QuoteKind::Indirect,
        Some("The harbor authority"),
        Some("saying"),
        "name-said-clause",
    );
}

#[test]
fn a_group_after_a_preposition_is_the_participles_subject() {
    let t = "Omar Haddad gave $2 million to a group backing the new harbor plan.";
    check(
        &one(t),
        t,
        "the new harbor plan",
        QuoteKind::Indirect,
        Some("a group"),
        Some("backing"),
        "name-verb-complement",
    );
}

#[test]
fn a_clause_subject_past_a_parenthesis_and_a_dateline() {
    let t = "Lena Ruiz backed Sen. Omar Cole (D-Maine) on Monday, saying that he would fix the port.";
    let q = run(t).into_iter().find(|q| slice(t, q.cue_span) == Some("saying")).expect("the statement");
    check(
        &q,
        t,
        "that he would fix the port",
        QuoteKind::Indirect,
        Some("Lena Ruiz"),
        Some("saying"),
        "name-said-clause",
    );
}

#[test]
fn a_subject_with_a_restrictive_relative_clause() {
    let t = "Officials who spoke to reporters said that the port would reopen.";
    check(
        &one(t),
        t,
        "that the port would reopen",
        QuoteKind::Indirect,
        Some("Officials"),
        Some("said"),
        "name-said-clause",
    );
    // A subordinate clause inside it has a subject of its own.
    let t = "Ruiz is the pilot who became famous when he warned that the channel was too shallow.";
    let q = run(t).into_iter().find(|q| slice(t, q.cue_span) == Some("warned")).expect("the warning");
    assert_eq!(slice(t, q.speaker_span), Some("he"));
}

#[test]
fn a_clause_opening_at_the_last_token_finds_no_subject_and_does_not_panic() {
    // A fronted participle clause whose closing comma ends the document: the subject search
    // starts past the last token.
    for text in [
        "After saying that the plan failed,",
        "Ruiz said that the plan failed. After saying that,",
        "ROME (AP) —",
        "ROME —",
    ] {
        run(text);
        crate::analyze_with(text, &crate::Options::with_clean(false));
    }
}

#[test]
fn complement_coordinated_inside_said_clause_is_that_statement() {
    // "wanted …" continues what Okafor said (its subject is the clause's "he"), not a second
    // statement of Okafor's.
    let t = "Okafor said he was worried by the delays and wanted to visit the harbour himself.";
    let shown = show(t);
    assert_eq!(shown.len(), 1, "{shown:#?}");
    check(
        &one(t),
        t,
        "he was worried by the delays and wanted to visit the harbour himself",
        QuoteKind::Indirect,
        Some("Okafor"),
        Some("said"),
        "name-said-clause",
    );
}

#[test]
fn reporting_verbs_inside_a_transcript_line_are_that_line() {
    // The whole turn is Varga's statement; "I think …" and "we want …" inside it are part of it.
    let t = "VARGA: I think the harbour needs a new pier. We want the council to pay for it.";
    check(
        &one(t),
        t,
        "I think the harbour needs a new pier. We want the council to pay for it",
        QuoteKind::Indirect,
        Some("VARGA"),
        Some(":"),
        "name-colon-statement",
    );
}

#[test]
fn words_after_the_cue_of_a_direct_quote_are_not_a_reported_clause() {
    // `“…,” X said …`: what follows the cue is when and where the quote was said.
    for t in [
        "“The pier will be ready by June,” Okafor said 30 minutes into the meeting.",
        "“The pier will be ready by June,” Okafor told The Harbour Gazette on Tuesday.",
        "“The pier will be ready by June,” Okafor said Tuesday on the radio.",
    ] {
        let shown = show(t);
        assert_eq!(shown.len(), 1, "{shown:#?}");
        assert_eq!(shown[0].0, "direct", "{shown:#?}");
    }
    // A clause of its own after the cue is still reported.
    let t = "“It is late,” Okafor said, adding that the pier would be ready by June.";
    assert!(
        show(t).iter().any(|s| s.0 == "indirect" && s.1 == "that the pier would be ready by June"),
        "{:#?}",
        show(t)
    );
}

#[test]
fn a_statement_in_a_free_relative_starts_at_what() {
    let t = "The council approved what the mayor called a sensible budget for the harbour.";
    check(
        &one(t),
        t,
        "what the mayor called a sensible budget for the harbour",
        QuoteKind::Indirect,
        Some("the mayor"),
        Some("called"),
        "name-verb-complement",
    );
    let t = "Crews repaired what residents say is a leak in the new pier.";
    check(
        &one(t),
        t,
        "what residents say is a leak in the new pier",
        QuoteKind::Indirect,
        Some("residents"),
        Some("say"),
        "name-said-clause",
    );
}

#[test]
fn a_relative_clause_on_a_quote_speaker_describes_the_speaker() {
    // "who backs …" tells who Okafor is: only the quote is a statement.
    let t = "“The pier will be ready by June,” said Dana Okafor, a council member who backs the mayor.";
    let shown = show(t);
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert_eq!(shown[0].0, "direct", "{shown:#?}");
    // A speech verb in that clause still reports a statement.
    let t = "“The pier will be ready by June,” said Dana Okafor, who predicted that the port would reopen.";
    assert!(show(t).iter().any(|s| s.0 == "indirect" && s.1 == "that the port would reopen"), "{:#?}", show(t));
}

#[test]
fn a_statement_in_a_relative_clause_starts_at_the_relative_word() {
    let t = "The council shelved the harbour plan, which the mayor has vowed to revive.";
    check(
        &one(t),
        t,
        "which the mayor has vowed to revive",
        QuoteKind::Indirect,
        Some("the mayor"),
        Some("vowed"),
        "name-verb-complement",
    );
    // "that" before a clause with no subject of its own is a relative word too.
    let t = "Crews inspected the pipes that residents say were leaking into the cellar.";
    check(
        &one(t),
        t,
        "that residents say were leaking into the cellar",
        QuoteKind::Indirect,
        Some("residents"),
        Some("say"),
        "name-said-clause",
    );
}

#[test]
fn a_fronted_adverbial_before_the_speaker_is_not_a_statement() {
    // A subordinate clause, a participle phrase, a phrase of time then a subordinate clause: none
    // is what the speaker said.
    let t = "Even after the report was filed, Okafor continued to say he had never seen it.";
    check(&one(t), t, "he had never seen it", QuoteKind::Indirect, Some("Okafor"), Some("say"), "name-said-clause");
    let t = "Weighing in on the talks, the former mayor Dana Okafor agreed, praising the plan as a gift.";
    check(
        &one(t),
        t,
        "the plan as a gift",
        QuoteKind::Indirect,
        Some("Dana Okafor"),
        Some("praising"),
        "name-verb-complement",
    );
    let t = "On Tuesday, even as shares were falling, Okafor wrote to investors, telling them the port was safe.";
    assert!(show(t).iter().all(|s| s.4 != "clause-comma-name-said"), "{:#?}", show(t));
    // A full clause before the speaker stays a statement.
    let t = "When the port reopens, traffic will double, Okafor said.";
    check(
        &one(t),
        t,
        "When the port reopens, traffic will double",
        QuoteKind::Indirect,
        Some("Okafor"),
        Some("said"),
        "clause-comma-name-said",
    );
}

#[test]
fn adding_a_quantity_is_not_speech() {
    let t = "The harbour has added roughly 1,200 jobs a month since the pier opened.";
    assert!(run(t).is_empty(), "{:#?}", show(t));
    // "added" with a clause is still speech.
    let t = "Okafor added the pier would reopen in June after the repairs.";
    check(
        &one(t),
        t,
        "the pier would reopen in June after the repairs",
        QuoteKind::Indirect,
        Some("Okafor"),
        Some("added"),
        "name-said-clause",
    );
}

#[test]
fn think_tank_is_a_noun() {
    let t = "The study came from a harbour think tank that advises the council on shipping.";
    assert!(run(t).is_empty(), "{:#?}", show(t));
}

#[test]
fn words_after_the_cue_of_a_question_quote_are_not_a_reported_clause() {
    // The sentence ends after “…?”, so the speaker opens the next one.
    let t = "“Will the pier ever open, who knows?” Okafor told Norway's NRK station in an interview aired on Monday.";
    let shown = show(t);
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert_eq!(shown[0].0, "direct", "{shown:#?}");
}

#[test]
fn shared_subject_of_coordinated_cue() {
    // The cue after the quote is coordinated with the main verb: it shares the sentence's subject.
    let t = "Governor Tilda Marsh condemned “a reckless stunt” and declared that the board would meet.";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("direct quote");
    check(&q, t, "a reckless stunt", QuoteKind::Direct, Some("Tilda Marsh"), Some("declared"), "shared-subject");
}

#[test]
fn shared_subject_of_participle_cue() {
    let t = "Bram Okafor joined the protest over the “unfair tariffs,” warning of layoffs.";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("direct quote");
    check(&q, t, "unfair tariffs", QuoteKind::Direct, Some("Bram Okafor"), Some("warning"), "shared-subject");
}

#[test]
fn restrictive_who_clause_leaves_outer_speaker() {
    // The cue nearest the quote sits in a "who" clause about people the speaker describes.
    let t = "Nadia Perrault told donors who complain about the delays that the project was “right on schedule.”";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("direct quote");
    check(&q, t, "right on schedule.", QuoteKind::Direct, Some("Nadia Perrault"), Some("complain"), "outer-speaker");
}

#[test]
fn less_common_speech_verbs_invert() {
    let t = "\"Keep every receipt,\" advises accountant Petra Lund.";
    check(
        &one(t),
        t,
        "Keep every receipt",
        QuoteKind::Direct,
        Some("accountant Petra Lund"),
        Some("advises"),
        "quote-comma-said-name",
    );
    let t = "“Nobody reads the fine print,” Colm Reyes confessed.";
    let rule = "quote-comma-name-said";
    check(&one(t), t, "Nobody reads the fine print", QuoteKind::Direct, Some("Colm Reyes"), Some("confessed"), rule);
}

#[test]
fn quote_comma_name_went_on() {
    let t = "“The vote was never close,” Ilse Moreau went on.";
    let rule = "quote-comma-name-verb";
    check(&one(t), t, "The vote was never close", QuoteKind::Direct, Some("Ilse Moreau"), Some("went on"), rule);
}

#[test]
fn weak_cue_partial_takes_its_own_subject() {
    let t = "Lio Brandt skipped the vote, though he thanked the hosts for “a very honest debate.”";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("direct quote");
    check(&q, t, "a very honest debate.", QuoteKind::Direct, Some("he"), Some("thanked"), "weak-cue-partial");
    // A verb that needs its particle is no cue without it.
    let t = "As Wen Hollis spoke, the committee was weighing “any and all options.”";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("direct quote");
    check(&q, t, "any and all options.", QuoteKind::Direct, Some("the committee"), None, "sentence-subject");
}

#[test]
fn labeled_characterises_like_called() {
    let t = "Ada Kline labeled the proposal “a giveaway to insurers.”";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("direct quote");
    check(&q, t, "a giveaway to insurers.", QuoteKind::Direct, Some("Ada Kline"), Some("labeled"), "name-cue-partial");
}

#[test]
fn triple_apostrophe_closes_inner_then_outer_quote() {
    // `,'''` closes the inner single quotation first, then the double one.
    let t = "''She told me, 'Stay home,''' said Ann Lee, a baker. ''We are done here.''";
    let qs = run(t);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    check(
        &qs[0],
        t,
        "She told me, 'Stay home,'",
        QuoteKind::Direct,
        Some("Ann Lee"),
        Some("said"),
        "quote-comma-said-name",
    );
    let rule = "continues-previous-speaker";
    check(&qs[1], t, "We are done here.", QuoteKind::Direct, Some("Ann Lee"), Some("said"), rule);
}

#[test]
fn sentence_after_full_stop_quote_with_its_own_statement_is_not_its_frame() {
    let t =
        "“We are done,” Mara Lind said. “The board failed us.” Kofi Mensah said that the vote should be held again.";
    let q = run(t).into_iter().find(|q| q.text == "The board failed us.").expect("second quote");
    check(
        &q,
        t,
        "The board failed us.",
        QuoteKind::Direct,
        Some("Mara Lind"),
        Some("said"),
        "continues-previous-speaker",
    );
    // After "?", the splitter's break: the sentence after is the frame, however long.
    let t = "“Who pays for this?” Kofi Mensah asked of the plan on Monday, when the board met in a closed session.";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("direct quote");
    check(&q, t, "Who pays for this?", QuoteKind::Direct, Some("Kofi Mensah"), Some("asked"), "quote-name-said");
}

#[test]
fn parenthetical_quote_takes_its_own_frame() {
    // The quote inserted between dashes has a frame of its own; the cue on the left is not next
    // to it.
    let t = "Rhea Tolland argued that the budget was too thin - “We cannot fix roads with this,” Ivo Marsh said - and asked for a recount.";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("direct quote");
    let rule = "quote-comma-name-said";
    check(&q, t, "We cannot fix roads with this", QuoteKind::Direct, Some("Ivo Marsh"), Some("said"), rule);
    // A clause going on after the comma is no frame: the cue on the left stays.
    let t = "Rhea Tolland called the budget “far too thin,” but Ivo Marsh said later that it would pass easily.";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("direct quote");
    check(&q, t, "far too thin", QuoteKind::Direct, Some("Rhea Tolland"), Some("called"), "name-cue-partial");
}

#[test]
fn as_x_put_it_names_the_speaker() {
    let t = "The port is “running out of room and out of time,” as Dara Voss, a shipping analyst, put it.";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("direct quote");
    check(
        &q,
        t,
        "running out of room and out of time",
        QuoteKind::Direct,
        Some("Dara Voss"),
        Some("put it"),
        "as-x-put-it",
    );
}

#[test]
fn to_pronoun_marks_a_stance() {
    let t = "Nell Arden keeps voting because to her, the ballot is “the one thing nobody can take away.”";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("direct quote");
    check(&q, t, "the one thing nobody can take away.", QuoteKind::Direct, Some("her"), Some("to"), "to-x");
}

#[test]
fn inverted_speaker_after_a_modifier() {
    let t = "“The rules were clear,” said retired judge Owen Pell.";
    check(
        &one(t),
        t,
        "The rules were clear",
        QuoteKind::Direct,
        Some("Owen Pell"),
        Some("said"),
        "quote-comma-said-name",
    );
    let t = "“We never got answers,” said 2008 nominee Mina Carr.";
    check(
        &one(t),
        t,
        "We never got answers",
        QuoteKind::Direct,
        Some("Mina Carr"),
        Some("said"),
        "quote-comma-said-name",
    );
}

#[test]
fn comma_and_verb_shares_the_main_speech_subject() {
    // After ", and", the verb goes with the main clause's speech verb, not the clause inside it.
    let t = "Tamsin Hale noted that her aide drafted the bill, and added: “We are proud of it.”";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("direct quote");
    check(&q, t, "We are proud of it.", QuoteKind::Direct, Some("Tamsin Hale"), Some("added"), "name-said-quote");
}

#[test]
fn noun_after_possessive_is_no_reported_cue() {
    // "Ruiz's claims" is a noun: no reported clause hangs on it as on a verb.
    let t = "Voters doubted Lena Ruiz's claims that the new bridge would pay for itself within a decade.";
    assert!(run(t).is_empty(), "{:#?}", run(t));
    // "she's said" is a verb.
    let t = "Mara Odell's said that the tunnel will never close again.";
    let q = one(t);
    check(
        &q,
        t,
        "that the tunnel will never close again",
        QuoteKind::Indirect,
        Some("Mara Odell"),
        Some("said"),
        "name-said-clause",
    );
}

#[test]
fn the_two_as_a_speaker() {
    let t = "“We were never consulted,” the two write.";
    check(
        &one(t),
        t,
        "We were never consulted",
        QuoteKind::Direct,
        Some("the two"),
        Some("write"),
        "quote-comma-name-said",
    );
}

#[test]
fn continuation_past_a_sentence_about_the_speaker() {
    // A sentence whose cue has "he" or "she" as subject goes on about the same person.
    let t = "“We tried,” Ivo Marsh said. He did not mention the lawsuit. “We will try again next year.”";
    let q = run(t).into_iter().find(|q| q.text == "We will try again next year.").expect("second quote");
    let rule = "continues-previous-speaker";
    check(&q, t, "We will try again next year.", QuoteKind::Direct, Some("Ivo Marsh"), Some("said"), rule);
    // A sentence making a new statement may be another speaker's ("He" is not Ann Lee): the
    // quote after it is not hers by continuation.
    let t = "“The plan is dead and buried,” Ann Lee said. He said the vote would fail. “We will fight on.”";
    let q = run(t).into_iter().find(|q| q.text == "We will fight on.").expect("last quote");
    assert_ne!(q.speaker.as_deref(), Some("Ann Lee"), "{q:#?}");
}

#[test]
fn subject_after_a_long_prepositional_opener() {
    let t =
        "In a speech to grain traders in Leeds last spring, Orla Quint was upbeat about “a harvest nobody expected.”";
    let q = run(t).into_iter().find(|q| q.kind == QuoteKind::Direct).expect("direct quote");
    check(&q, t, "a harvest nobody expected.", QuoteKind::Direct, Some("Orla Quint"), None, "sentence-subject");
}

#[test]
fn second_reading_shapes_that_are_not_what_they_seem() {
    // A speech verb coordinated inside a said-clause is a statement of its own.
    let t = "Ruiz said the plan had failed and urged the council to act quickly on the bill.";
    let qs = run(t);
    assert!(qs.iter().any(|q| slice(t, q.cue_span) == Some("urged")), "{qs:#?}");
    // "put it" with a place after it puts a thing somewhere; nobody speaks.
    let t = "As the firm put it on sale last week, the phone was “a cynical and late move by the board.”";
    assert!(run(t).iter().all(|q| q.rule != "as-x-put-it"), "{:#?}", run(t));
    // "to her" as the verb's object does not mark a stance.
    let t = "He handed the keys to her, and the house is “a total wreck now, really.”";
    assert!(run(t).iter().all(|q| q.rule != "to-x"), "{:#?}", run(t));
}
