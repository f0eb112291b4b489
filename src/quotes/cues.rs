//! The reporting-verb lexicon: every form of the verbs that attribute speech, writing, beliefs
//! and evaluations, with what each can introduce.

use crate::fasthash::FxHashMap;
use std::sync::OnceLock;

/// Attributes a direct quote: `"…," X said`, `X said: "…"`, `X called it "…"`.
pub(crate) const SPEECH: u16 = 1;
/// Takes a reported clause after "that": `X warned that …`.
pub(crate) const CLAUSE: u16 = 2;
/// Takes a bare reported clause too: `X said Lisbon is …`.
pub(crate) const BARE: u16 = 4;
/// Allows the speaker after the verb: `"…," said X`.
pub(crate) const INVERT: u16 = 8;
/// Takes an addressee before the clause: `X told reporters (that) …`.
pub(crate) const OBJECT: u16 = 16;
/// A belief, expectation or evaluation rather than a speech act: lower confidence.
pub(crate) const WEAK: u16 = 32;
/// Its object or infinitive is the attributed content: `X urged Congress to act`, `X declined to
/// comment`, `X criticized the plan`.
pub(crate) const COMPLEMENT: u16 = 64;
/// Only with its particle ("pointed to", "referring to", "talked about"): the content follows it.
pub(crate) const PARTICLE: u16 = 128;
/// Only as a characterisation with "as": `X sees the deal as a trap`, `X cast him as weak`.
pub(crate) const AS: u16 = 256;

/// Space-separated forms of one verb, and its flags.
const VERBS: &[(&str, u16)] = &[
    ("say says said saying", SPEECH | CLAUSE | BARE | INVERT),
    ("tell tells told telling", SPEECH | CLAUSE | BARE | INVERT | OBJECT),
    ("add adds added adding", SPEECH | CLAUSE | BARE | INVERT),
    ("ask asks asked asking", SPEECH | INVERT | OBJECT | COMPLEMENT),
    ("warn warns warned warning", SPEECH | CLAUSE | INVERT | OBJECT | COMPLEMENT),
    ("stress stresses stressed stressing", SPEECH | CLAUSE | INVERT),
    ("urge urges urged urging", SPEECH | OBJECT | COMPLEMENT),
    ("confirm confirms confirmed confirming", SPEECH | CLAUSE | COMPLEMENT),
    ("describe describes described describing", SPEECH | COMPLEMENT),
    ("explain explains explained explaining", SPEECH | CLAUSE | INVERT),
    ("note notes noted noting", SPEECH | CLAUSE | INVERT | COMPLEMENT),
    ("claim claims claimed claiming", SPEECH | CLAUSE | BARE),
    ("argue argues argued arguing", SPEECH | CLAUSE | BARE | INVERT),
    ("insist insists insisted insisting", SPEECH | CLAUSE | BARE | INVERT),
    ("announce announces announced announcing", SPEECH | CLAUSE | COMPLEMENT),
    ("declare declares declared declaring", SPEECH | CLAUSE | INVERT),
    ("stated stating", SPEECH | CLAUSE),
    ("write writes wrote writing", SPEECH | CLAUSE | BARE | INVERT),
    ("tweet tweets tweeted tweeting", SPEECH | CLAUSE | BARE),
    ("report reported reporting", SPEECH | CLAUSE | BARE),
    ("reply replies replied replying", SPEECH | CLAUSE | INVERT),
    ("respond responds responded responding", SPEECH | INVERT),
    ("answer answers answered answering", SPEECH | INVERT),
    ("acknowledge acknowledges acknowledged acknowledging", SPEECH | CLAUSE | COMPLEMENT),
    ("admit admits admitted admitting", SPEECH | CLAUSE | BARE | COMPLEMENT),
    ("concede concedes conceded conceding", SPEECH | CLAUSE),
    ("suggest suggests suggested suggesting", SPEECH | CLAUSE | COMPLEMENT),
    ("predict predicts predicted predicting", SPEECH | CLAUSE | BARE | COMPLEMENT),
    ("promise promises promised promising", SPEECH | CLAUSE | OBJECT | COMPLEMENT),
    ("vow vows vowed vowing", SPEECH | CLAUSE | COMPLEMENT),
    ("pledge pledges pledged pledging", SPEECH | CLAUSE | COMPLEMENT),
    ("deny denies denied denying", SPEECH | CLAUSE | COMPLEMENT),
    ("recall recalls recalled recalling", SPEECH | CLAUSE | INVERT),
    ("remark remarked remarking", SPEECH | CLAUSE | INVERT),
    ("comment commented commenting", SPEECH),
    ("observe observes observed observing", SPEECH | CLAUSE | INVERT),
    ("continue continues continued continuing", SPEECH | INVERT),
    ("repeat repeats repeated repeating", SPEECH | CLAUSE),
    ("reiterate reiterates reiterated reiterating", SPEECH | CLAUSE),
    ("emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising", SPEECH | CLAUSE),
    ("contend contends contended contending", SPEECH | CLAUSE | BARE),
    ("maintain maintains maintained maintaining", SPEECH | CLAUSE),
    ("assert asserts asserted asserting", SPEECH | CLAUSE | BARE),
    ("allege alleges alleged alleging", SPEECH | CLAUSE),
    ("complain complains complained complaining", SPEECH | CLAUSE),
    ("boast boasts boasted boasting", SPEECH | CLAUSE),
    ("joke jokes joked joking", SPEECH | CLAUSE | INVERT),
    ("quip quips quipped quipping", SPEECH | INVERT),
    ("shout shouts shouted shouting", SPEECH | INVERT),
    ("yell yells yelled yelling", SPEECH | INVERT),
    ("scream screams screamed screaming", SPEECH),
    ("chant chants chanted chanting", SPEECH),
    ("whisper whispers whispered whispering", SPEECH | INVERT),
    ("testify testifies testified testifying", SPEECH | CLAUSE),
    ("caution cautions cautioned cautioning", SPEECH | CLAUSE | OBJECT),
    ("counter counters countered countering", SPEECH | CLAUSE | INVERT),
    ("retort retorts retorted retorting", SPEECH | CLAUSE | INVERT),
    ("conclude concludes concluded concluding", SPEECH | CLAUSE),
    ("agree agrees agreed agreeing", SPEECH | CLAUSE | WEAK),
    ("exclaim exclaims exclaimed exclaiming", SPEECH | INVERT),
    ("proclaim proclaims proclaimed proclaiming", SPEECH | CLAUSE),
    ("demand demands demanded demanding", SPEECH | CLAUSE | COMPLEMENT),
    ("mention mentions mentioned mentioning", SPEECH | CLAUSE | COMPLEMENT),
    ("lament laments lamented lamenting", SPEECH | CLAUSE),
    ("muse muses mused musing", SPEECH | INVERT),
    ("wonder wonders wondered wondering", SPEECH),
    ("recount recounts recounted recounting", SPEECH),
    ("reveal reveals revealed revealing", SPEECH | CLAUSE | COMPLEMENT),
    ("indicate indicates indicated indicating", SPEECH | CLAUSE),
    ("inform informs informed informing", SPEECH | CLAUSE | OBJECT),
    ("assure assures assured assuring", SPEECH | CLAUSE | OBJECT),
    ("remind reminds reminded reminding", SPEECH | CLAUSE | OBJECT),
    ("call calls called calling", SPEECH | COMPLEMENT),
    ("label labels labeled labelled labeling labelling", SPEECH | COMPLEMENT),
    ("accuse accuses accused accusing", SPEECH | COMPLEMENT),
    ("praise praises praised praising", SPEECH | WEAK | COMPLEMENT),
    (
        "criticize criticizes criticized criticizing criticise criticises criticised criticising",
        SPEECH | WEAK | COMPLEMENT,
    ),
    ("blast blasts blasted blasting", SPEECH | WEAK | COMPLEMENT),
    ("mock mocks mocked mocking", SPEECH | WEAK | COMPLEMENT),
    ("read reads", SPEECH | INVERT),
    ("post posted posting", SPEECH | CLAUSE),
    ("scoff scoffs scoffed scoffing", SPEECH | INVERT),
    ("snap snapped", SPEECH | INVERT),
    ("sigh sighs sighed", SPEECH | INVERT),
    ("laugh laughs laughed", SPEECH | INVERT),
    ("gush gushes gushed", SPEECH | INVERT),
    ("fume fumes fumed", SPEECH | INVERT),
    ("thunder thundered", SPEECH | INVERT),
    ("interject interjected", SPEECH | INVERT),
    ("offer offered", SPEECH | INVERT | COMPLEMENT),
    ("begin began", SPEECH),
    ("plead pleaded pleads", SPEECH | INVERT),
    ("confess confesses confessed confessing", SPEECH | CLAUSE | INVERT),
    ("opine opines opined opining", SPEECH | CLAUSE | INVERT),
    ("advise advises advised advising", SPEECH | INVERT),
    ("bark barks barked barking", SPEECH | INVERT),
    ("believe believes believed believing", CLAUSE | BARE | WEAK),
    ("think thinks thinking", CLAUSE | BARE | WEAK),
    ("feel feels felt", CLAUSE | WEAK),
    ("hope hopes hoped hoping", CLAUSE | WEAK | COMPLEMENT),
    ("fear fears feared fearing", CLAUSE | WEAK),
    ("worry worries worried worrying", CLAUSE | WEAK),
    ("expect expects expected expecting", CLAUSE | WEAK | COMPLEMENT),
    ("estimate estimates estimated estimating", CLAUSE | WEAK),
    ("show shows showed showing", CLAUSE | WEAK | COMPLEMENT),
    ("find finds found finding", CLAUSE | WEAK | COMPLEMENT),
    ("know knows knew", CLAUSE | WEAK),
    ("realize realizes realized realise realises realised", CLAUSE | WEAK),
    ("recognize recognizes recognized", CLAUSE | WEAK),
    ("doubt doubts doubted", CLAUSE | WEAK),
    ("speculate speculates speculated speculating", CLAUSE | WEAK),
    ("signal signals signaled signalled signaling", CLAUSE | WEAK),
    ("imply implies implied implying", CLAUSE | WEAK),
    ("hint hints hinted hinting", CLAUSE | WEAK),
    ("reckon reckons reckoned", CLAUSE | BARE | WEAK),
    ("guess guessed", CLAUSE | BARE | WEAK),
    ("assume assumes assumed", CLAUSE | WEAK),
    ("suspect suspects suspected", CLAUSE | WEAK),
    ("acknowledging", SPEECH | CLAUSE),
    ("decline declines declined declining", COMPLEMENT | WEAK),
    ("refuse refuses refused refusing", COMPLEMENT | WEAK),
    ("want wants wanted wanting", COMPLEMENT | WEAK),
    ("plans planned planning", COMPLEMENT | WEAK),
    ("intend intends intended intending", COMPLEMENT | WEAK),
    ("endorse endorses endorsed endorsing", COMPLEMENT | WEAK),
    ("support supports supported", COMPLEMENT | WEAK),
    ("oppose opposes opposed opposing", COMPLEMENT | WEAK),
    ("favor favors favored favour favours favoured", COMPLEMENT | WEAK),
    ("cited citing", COMPLEMENT | WEAK),
    ("propose proposes proposed proposing", COMPLEMENT | WEAK),
    ("threaten threatens threatened threatening", COMPLEMENT | WEAK),
    ("blame blames blamed blaming", COMPLEMENT | WEAK),
    ("condemn condemns condemned condemning", COMPLEMENT | WEAK),
    ("denounce denounces denounced denouncing", COMPLEMENT | WEAK),
    ("decry decries decried decrying", COMPLEMENT | WEAK),
    ("defend defends defended defending", COMPLEMENT | WEAK),
    ("reject rejects rejected rejecting", COMPLEMENT | WEAK),
    ("applaud applauds applauded applauding", COMPLEMENT | WEAK),
    ("slam slams slammed slamming", COMPLEMENT | WEAK),
    ("attacked attacking", COMPLEMENT | WEAK),
    ("questioned questioning", COMPLEMENT | WEAK),
    ("dismiss dismisses dismissed dismissing", COMPLEMENT | WEAK),
    ("welcome welcomes welcomed welcoming", COMPLEMENT | WEAK),
    ("seek seeks sought seeking", COMPLEMENT | WEAK),
    ("recommend recommends recommended recommending", COMPLEMENT | WEAK),
    ("request requests requested requesting", COMPLEMENT | WEAK),
    ("tout touts touted touting", COMPLEMENT | WEAK),
    ("hail hails hailed hailing", COMPLEMENT | WEAK),
    ("lambaste lambastes lambasted lambasting", COMPLEMENT | WEAK),
    ("backed backing backs", COMPLEMENT | WEAK),
    ("supporting", COMPLEMENT | WEAK),
    ("express expresses expressed expressing", COMPLEMENT | WEAK),
    ("voice voices voiced voicing", COMPLEMENT | WEAK),
    ("echo echoes echoed echoing", COMPLEMENT | WEAK),
    ("order orders ordered ordering", COMPLEMENT | WEAK),
    ("discuss discusses discussed discussing", COMPLEMENT | WEAK),
    ("disclose discloses disclosed disclosing", CLAUSE | COMPLEMENT | WEAK),
    ("thank thanked thanking", COMPLEMENT | WEAK),
    ("prefer prefers preferred preferring", COMPLEMENT | WEAK),
    ("promote promotes promoted promoting", COMPLEMENT | WEAK),
    ("decide decides decided deciding", CLAUSE | COMPLEMENT | WEAK),
    ("learn learns learned learnt", CLAUSE | WEAK),
    ("understand understands understood", CLAUSE | WEAK),
    ("list listed listing", COMPLEMENT | WEAK),
    ("see sees saw seeing", COMPLEMENT | WEAK | AS),
    ("view views viewed viewing", COMPLEMENT | WEAK | AS),
    ("regard regards regarded", COMPLEMENT | WEAK | AS),
    ("cast casts casting", COMPLEMENT | WEAK | AS),
    ("portray portrays portrayed portraying", COMPLEMENT | WEAK),
    ("point points pointed pointing", COMPLEMENT | CLAUSE | PARTICLE),
    ("refer refers referred referring", COMPLEMENT | PARTICLE),
    ("talk talks talked talking", COMPLEMENT | PARTICLE),
    ("speak speaks spoke speaking", COMPLEMENT | PARTICLE),
    ("focus focuses focused focusing", COMPLEMENT | PARTICLE | WEAK),
];

/// The particle a verb takes before its content ("pointed out that …", "referring to …").
pub(crate) fn particle(lemma: &str, word: &str) -> bool {
    match lemma {
        "point" => matches!(word, "to" | "out"),
        "refer" => word == "to",
        "talk" | "speak" => word == "about",
        "focus" => word == "on",
        _ => false,
    }
}

/// One verb form found in the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    /// The verb's base form.
    pub lemma: &'static str,
    /// Its flags (`SPEECH`, `CLAUSE`, …).
    pub flags: u16,
}

impl Cue {
    pub(crate) fn has(self, flag: u16) -> bool {
        self.flags & flag != 0
    }

    /// A present participle ("adding"), whose subject is the main clause's.
    pub(crate) fn participle(self, form: &str) -> bool {
        form.len() > 4 && form.ends_with("ing")
    }
}

fn table() -> &'static FxHashMap<&'static str, Cue> {
    static TABLE: OnceLock<FxHashMap<&'static str, Cue>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map = FxHashMap::default();
        for &(forms, flags) in VERBS {
            let mut it = forms.split(' ');
            let lemma = it.next().unwrap_or_default();
            for form in forms.split(' ') {
                map.entry(form).or_insert(Cue { lemma, flags });
            }
        }
        map
    })
}

/// Looks a word up in the lexicon (case-insensitively; the word is a single token).
pub(crate) fn verb(word: &str) -> Option<Cue> {
    if word.len() > 16 || word.len() < 3 {
        return None;
    }
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return table().get(word).copied();
    }
    // Only a first capital ("Said") or all capitals ("SAID") is allowed.
    let lower = word.to_ascii_lowercase();
    table().get(lower.as_str()).copied()
}

/// Words before a quoted phrase that make it a title, name or term rather than speech:
/// a film called "Heat", the so-called "deal".
pub(crate) fn names_a_title(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "called",
        "dubbed",
        "entitled",
        "headlined",
        "known",
        "labeled",
        "labelled",
        "named",
        "nicknamed",
        "so-called",
        "titled",
        "term",
        "word",
        "words",
        "phrase",
        "slogan",
        "hashtag",
    ];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_form() {
        for w in ["say", "says", "said", "saying", "Said", "SAID", "told", "adding", "emphasised"] {
            assert!(verb(w).is_some(), "{w}");
        }
        assert_eq!(verb("said").map(|c| c.lemma), Some("say"));
        assert!(verb("sad").is_none());
        assert!(verb("the").is_none());
        assert!(verb("told").is_some_and(|c| c.has(OBJECT) && c.has(SPEECH)));
        assert!(verb("believes").is_some_and(|c| !c.has(SPEECH) && c.has(CLAUSE)));
    }
}
