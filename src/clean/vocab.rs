//! Furniture vocabulary: the phrasings page furniture comes in, each with the reason it is dropped.
//!
//! Patterns run on the lower-cased block with curly apostrophes straightened. Most are anchored
//! to the whole block, so a body sentence that merely mentions "comments" or "subscribe" is never
//! matched; the few unanchored ones (cookie notices, "all rights reserved") only apply to short
//! blocks (see [`furniture`]).

use std::sync::LazyLock;

use regex::Regex;

use super::starts::Starts;

/// Why a piece of the input is not part of the article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[non_exhaustive]
pub enum Reason {
    /// The article headline (reported as `Article::title`).
    Title,
    /// The page's `<title>` line: headline plus site name.
    PageTitle,
    /// The site or outlet name (reported as `Article::site_name`).
    SiteName,
    /// Menus, section lists, skip links, search and login links.
    Navigation,
    /// "Related articles", "Read more", "You may also like" and their lists.
    Related,
    /// Comment sections and comment forms.
    Comments,
    /// Share buttons and print/email links.
    Share,
    /// "Follow us on …".
    Follow,
    /// Subscribe, newsletter and sign-up prompts.
    Subscribe,
    /// Cookie and consent notices.
    Cookies,
    /// "Back to top" links.
    BackToTop,
    /// Photo and video credits.
    Credit,
    /// Ad markers ("Advertisement", "Story continues below").
    Advertisement,
    /// Tag and category lists.
    Tags,
    /// Copyright footers.
    Copyright,
    /// Privacy, terms and other legal links.
    Legal,
    /// Author lines ("By Jane Doe").
    Byline,
    /// The author's biography after the article ("Jane Doe is a reporter at …").
    AuthorBio,
    /// Publication dates, update times, reading times.
    Date,
    /// A block repeated from earlier in the page.
    Duplicate,
    /// Short or non-prose blocks outside the article's main text.
    Boilerplate,
}

impl Reason {
    /// The reason's name as reported to users.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Title => "title",
            Reason::PageTitle => "page_title",
            Reason::SiteName => "site_name",
            Reason::Navigation => "navigation",
            Reason::Related => "related",
            Reason::Comments => "comments",
            Reason::Share => "share",
            Reason::Follow => "follow",
            Reason::Subscribe => "subscribe",
            Reason::Cookies => "cookies",
            Reason::BackToTop => "back_to_top",
            Reason::Credit => "credit",
            Reason::Advertisement => "advertisement",
            Reason::Tags => "tags",
            Reason::Copyright => "copyright",
            Reason::Legal => "legal",
            Reason::Byline => "byline",
            Reason::AuthorBio => "author_bio",
            Reason::Date => "date",
            Reason::Duplicate => "duplicate",
            Reason::Boilerplate => "boilerplate",
        }
    }

    /// Whether a whole-block match of this reason starts a section that is never article text
    /// (a comment form, a related-articles list): the body does not continue across it.
    pub fn is_section_break(self) -> bool {
        matches!(self, Reason::Comments | Reason::Related)
    }
}

struct Pattern {
    reason: Reason,
    /// Whether the pattern may match a long block (it is specific enough on its own).
    any_length: bool,
    /// The pattern's alternatives, in parts: it matches where any part does.
    ///
    /// Every block is searched with every pattern, so the parts are kept cheap. An alternative
    /// that may match anywhere makes a regex search the whole block, while one anchored to the
    /// start fails within a few bytes; so the anchored alternatives make up the main regex, and
    /// the others are plain phrases or a regex behind a gate.
    parts: Vec<Part>,
}

/// Some alternatives of a pattern.
enum Part {
    /// A regex, searched only where its gate holds: a cheap test that is false for every text the
    /// regex cannot match.
    Regex(GatedRegex),
    /// Phrases matched anywhere in the block (a regex alternative of plain text).
    Phrases(&'static [Phrase]),
}

fn pattern(reason: Reason, any_length: bool, re: &str) -> Pattern {
    Pattern { reason, any_length, parts: vec![regex_part(re, |_| true)] }
}

fn regex_part(re: &str, may_match: fn(&str) -> bool) -> Part {
    Part::Regex(GatedRegex::new(re, may_match))
}

/// A regex with cheap checks before it: the block must start as a match can ([`Starts`], for
/// a regex anchored to the start of the block) and pass `may_match`.
struct GatedRegex {
    regex: Regex,
    starts: Option<Starts>,
    may_match: fn(&str) -> bool,
}

impl GatedRegex {
    fn new(re: &str, may_match: fn(&str) -> bool) -> GatedRegex {
        GatedRegex { regex: Regex::new(re).expect("furniture pattern compiles"), starts: Starts::of(re), may_match }
    }

    fn is_match(&self, haystack: &str) -> bool {
        let gated = self.starts.as_ref().is_none_or(|s| s.may_start(haystack)) && (self.may_match)(haystack);
        // The gates are hand-written or derived from the regex: a gate that no longer implies its
        // regex (say, after an edit to one alternative) would lose matches silently. Debug builds,
        // the tests and the fuzzers check every rejection.
        debug_assert!(gated || !self.regex.is_match(haystack), "a gate rejected a match of {}", self.regex.as_str());
        gated && self.regex.is_match(haystack)
    }
}

impl Pattern {
    /// The pattern, its main regex searched only where `may_match` holds (a pattern made by
    /// [`regex_part`] first, as every caller's is).
    fn gated(mut self, may_match: fn(&str) -> bool) -> Pattern {
        debug_assert!(matches!(self.parts.first(), Some(Part::Regex(_))), "gated() needs a regex first");
        if let Some(Part::Regex(regex)) = self.parts.first_mut() {
            regex.may_match = may_match;
        }
        self
    }

    /// The pattern with more alternatives: `re`, searched only where `may_match` holds.
    fn or_gated(mut self, re: &str, may_match: fn(&str) -> bool) -> Pattern {
        self.parts.push(regex_part(re, may_match));
        self
    }

    /// The pattern with more alternatives: phrases that match anywhere in the block.
    fn or_phrases(mut self, phrases: &'static [Phrase]) -> Pattern {
        self.parts.push(Part::Phrases(phrases));
        self
    }

    fn is_match(&self, haystack: &str) -> bool {
        self.parts.iter().any(|part| match part {
            Part::Regex(regex) => regex.is_match(haystack),
            Part::Phrases(phrases) => phrases.iter().any(|p| p.is_in(haystack)),
        })
    }
}

/// A phrase looked for anywhere in a block. Blocks are short, and every block is searched for
/// every phrase: a vectorised scan for the phrase's rarest byte (by English letter frequency)
/// with a comparison at each hit beats building a substring searcher per search.
struct Phrase {
    text: &'static str,
    /// Where the rarest byte of `text` is.
    rare_at: usize,
}

impl Phrase {
    const fn new(text: &'static str) -> Phrase {
        let bytes = text.as_bytes();
        let mut rare_at = 0;
        let mut i = 1;
        while i < bytes.len() {
            if commonness(bytes[i]) < commonness(bytes[rare_at]) {
                rare_at = i;
            }
            i += 1;
        }
        Phrase { text, rare_at }
    }

    /// Whether `haystack` contains the phrase.
    fn is_in(&self, haystack: &str) -> bool {
        let (h, n) = (haystack.as_bytes(), self.text.as_bytes());
        let Some(&rare) = n.get(self.rare_at) else { return true };
        memchr::memchr_iter(rare, h).any(|i| i >= self.rare_at && h[i - self.rare_at..].starts_with(n))
    }
}

/// How common a byte is in English text, higher for more common ones (0 for bytes that are not
/// lower-case letters or a space).
const fn commonness(b: u8) -> usize {
    const BY_FREQUENCY: &[u8] = b" etaoinshrdlcumwfgypbvkjxqz";
    let mut i = 0;
    while i < BY_FREQUENCY.len() {
        if BY_FREQUENCY[i] == b {
            return BY_FREQUENCY.len() - i;
        }
        i += 1;
    }
    0
}

/// Gate of the cookie pattern: every alternative but the last holds "cookie"; the last starts
/// with "by ".
fn may_be_cookie_notice(lower: &str) -> bool {
    const COOKIE: Phrase = Phrase::new("cookie");
    COOKIE.is_in(lower) || lower.starts_with("by ")
}

/// Gate of the copyright pattern: each alternative starts the block with "(c)" or "copyright",
/// or holds "©" or "all rights reserved".
fn may_be_copyright(lower: &str) -> bool {
    const SIGN: Phrase = Phrase::new("©");
    const RESERVED: Phrase = Phrase::new("all rights reserved");
    lower.starts_with("(c)") || lower.starts_with("copyright") || SIGN.is_in(lower) || RESERVED.is_in(lower)
}

/// Gate of the caption-credit pattern: a date ends in ", 19xx" or ", 20xx", a slideshow
/// caption starts with a digit (`\d` is any Unicode digit, all of them numeric), and a credit in
/// brackets ends the block with ")".
fn may_be_caption(lower: &str) -> bool {
    const YEAR_19: Phrase = Phrase::new(", 19");
    const YEAR_20: Phrase = Phrase::new(", 20");
    lower.ends_with(')')
        || lower.chars().next().is_some_and(char::is_numeric)
        || YEAR_19.is_in(lower)
        || YEAR_20.is_in(lower)
}

/// Gate of the agency-credit alternatives: one ends the block with ")", the other holds
/// "via getty images" or a "/" before the agency.
fn may_be_agency_credit(lower: &str) -> bool {
    const VIA_GETTY: Phrase = Phrase::new("via getty images");
    lower.ends_with(')') || memchr::memchr(b'/', lower.as_bytes()).is_some() || VIA_GETTY.is_in(lower)
}

/// Gate of the author-biography pattern: it starts with a capital (`\p{Lu}`; every such letter
/// is `char::is_uppercase`).
fn may_be_author_bio(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// Reasons whose patterns need the original capitalisation (names are capitalised).
fn matches_original_case(reason: Reason) -> bool {
    matches!(reason, Reason::Byline | Reason::AuthorBio)
}

/// Whether a block reads as a finished sentence ("… had collapsed."), which a byline or a
/// dateline never is.
fn ends_like_sentence(text: &str) -> bool {
    let mut tail = text.chars().rev();
    matches!((tail.next(), tail.next()), (Some('.' | '!' | '?'), Some(c)) if c.is_lowercase())
}

/// The header of a comment list: "12 Comments", "One thought on “…”", "34 responses to “…”".
macro_rules! comment_count_header {
    () => {
        concat!(
            r"^(\d+|no|one|two|three|four|five|six|seven|eight|nine|ten) (comments?|responses?|replies|thoughts?|reactions?)",
            r"( (to|on) .{0,160})?\W*$"
        )
    };
}
/// The author line of one comment: "jane_doe says:", "Tom Smith wrote:".
macro_rules! comment_author_line {
    () => {
        r"^[^\s.!?]\S*( \S+){0,3} (says|wrote|writes|commented):$"
    };
}

/// Phrasings that open a comment section (or sit only inside one). The article never continues
/// past them, so the main text may not run across them; form labels such as "Email" are left
/// out because they double as share links.
static COMMENT_SECTION: LazyLock<[GatedRegex; 2]> = LazyLock::new(|| {
    [
        GatedRegex::new(
            concat!(
                r"^(leave|post|add|write|submit|join) (a |an |your |the )*(reply|comment|response|discussion|conversation)(?-u:\b).{0,30}$|",
                r"^comments?( \(\d+\))?\W*$|^comments are closed|^you must be (logged|signed) in to (post|leave) a comment|",
                comment_count_header!(),
            ),
            |_| true,
        ),
        // Apart: it may start with any char, so only its colon at the end can gate it.
        GatedRegex::new(comment_author_line!(), ends_with_colon),
    ]
});

/// Gate of the comment-author line, which ends with a colon.
fn ends_with_colon(lower: &str) -> bool {
    lower.ends_with(':')
}

/// `text` as the patterns see it: lower-cased, with curly apostrophes straightened.
pub(crate) fn fold(text: &str) -> String {
    lowercase(text, true)
}

/// `text.to_lowercase()`, with curly apostrophes straightened when `straighten` (no char
/// lower-cases to one, so straightening before or after lower-casing is the same). Copies runs of
/// ASCII at once and looks up case tables only for the other chars.
pub(crate) fn lowercase(text: &str, straighten: bool) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut rest = text;
    loop {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        push_ascii_lowercase(&mut out, &rest.as_bytes()[..ascii]);
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else { break };
        match c {
            // Only `str::to_lowercase` knows the final-sigma rule.
            'Σ' => return lowercase_by_str(text, straighten),
            '’' | '‘' if straighten => out.push(b'\''),
            _ => {
                let mut buf = [0u8; 4];
                for lower in c.to_lowercase() {
                    out.extend_from_slice(lower.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        rest = &rest[c.len_utf8()..];
    }
    // Whole chars only were written, so this is valid UTF-8; a bug here should show in debug
    // builds, and falls back to the plain way in release.
    debug_assert!(std::str::from_utf8(&out).is_ok(), "lowercase wrote invalid UTF-8");
    String::from_utf8(out).unwrap_or_else(|_| lowercase_by_str(text, straighten))
}

/// [`lowercase`] the plain way.
fn lowercase_by_str(text: &str, straighten: bool) -> String {
    let lower = text.to_lowercase();
    if straighten { lower.replace(['’', '‘'], "'") } else { lower }
}

/// Appends `ascii` (ASCII bytes), lower-cased eight bytes at a time in place.
fn push_ascii_lowercase(out: &mut Vec<u8>, ascii: &[u8]) {
    let from = out.len();
    out.extend_from_slice(ascii);
    let mut chunks = out[from..].chunks_exact_mut(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes((&*chunk).try_into().expect("8 bytes"));
        chunk.copy_from_slice(&ascii_lowercase_word(word).to_le_bytes());
    }
    chunks.into_remainder().make_ascii_lowercase();
}

/// Eight ASCII bytes, lower-cased: adding 0x3f to a byte sets its top bit from 'A' up, adding
/// 0x25 from past 'Z'; no ASCII byte carries into the next. The upper-case bytes get 0x20 added.
fn ascii_lowercase_word(word: u64) -> u64 {
    const EACH: u64 = 0x0101_0101_0101_0101;
    let from_a = word + 0x3f * EACH;
    let past_z = word + 0x25 * EACH;
    let upper = from_a & !past_z & (0x80 * EACH);
    word | (upper >> 2)
}

/// Whether a block opens (or belongs only to) a comment section.
pub fn opens_comment_section(text: &str) -> bool {
    opens_comment_section_folded(text, &fold(text))
}

/// [`opens_comment_section`] given `lower`, the block [`fold`]ed.
pub(crate) fn opens_comment_section_folded(text: &str, lower: &str) -> bool {
    // "He says:" introduces a quote in an article; a commenter's name is not a pronoun.
    let pronoun = || lower.split(' ').next().is_some_and(|w| PRONOUNS.contains(&w));
    // The anchored regex fails within a few bytes on most blocks: cheaper than counting words first.
    !pronoun()
        && COMMENT_SECTION.iter().any(|r| r.is_match(lower))
        && text.split_whitespace().nth(SHORT_BLOCK_WORDS).is_none()
}

const PRONOUNS: [&str; 12] = ["he", "she", "it", "they", "we", "i", "you", "this", "that", "who", "one", "everyone"];

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    use Reason::*;
    vec![
        pattern(
            BackToTop,
            false,
            r"^(back|return|go|scroll|jump) to (the )?top( of (the )?page)?( button)?\W*$|^top of page$|^to top$",
        ),
        pattern(
            Comments,
            false,
            concat!(
                r"^(leave|post|add|write|submit|view|show|hide|load|read|see|join|open|close) ",
                r"(a |an |your |all |the |\d+ |more )*(reply|replies|comments?|response|responses|discussion|conversation)(?-u:\b).{0,30}$|",
                r"^(\d+ )?(comments?|responses?|replies|reactions?|discussion)( \(\d+\)| \d+)?\W*$|",
                r"^cancel reply$|^(name|email|e-mail|website|comment|message)\s*\*?\s*(\(required\))?$|",
                r"^you must be (logged|signed) in to (post|leave) a comment|",
                r"^save my name,? email|^notify me of (new |follow-up )?(comments|posts|replies)|",
                r"^this site uses akismet|^comments are closed|",
                r"^(be the first to comment|there are no comments( yet)?|no comments( yet)?)\W*$|",
                r"^(please )?(log|sign) in to comment|^commenting (rules|policy|guidelines)$|^community guidelines$|",
                comment_count_header!(),
                "|",
                r"^(reply|report|report comment|reply to this comment|(log|sign) in to reply)\W*$"
            ),
        )
        .or_gated(comment_author_line!(), ends_with_colon)
        .or_phrases(const {
            &[
            Phrase::new("your email address will not be published"),
            Phrase::new("required fields are marked"),
            Phrase::new("comments powered by"),
        ]
        }),
        pattern(
            Related,
            false,
            concat!(
                r"^(related|more|other|similar|latest|recent|popular|top|trending|recommended|featured|suggested|editor'?s'?)",
                r"( (articles?|stories|posts?|news|content|coverage|links|reading|videos?|headlines|reads|topics|items|now|today|picks?|searches))?",
                r"( for you| like this| to read| (from|on|in) [\w'&-]+( [\w'&-]+){0,3})?\s*:?$|",
                r"^(read|see) (more|next|also|this|the latest|full story)(?-u:\b).{0,40}$|",
                r"^(you|we think you) (may|might|will|could) (also )?(like|love|enjoy|be interested in)(?-u:\b).{0,20}$|",
                r"^(most|more) (popular|read|viewed|shared|emailed|commented)(?-u:\b).{0,20}$|^(also|further) read(ing)?(?-u:\b).{0,60}$|",
                r"^(see also|up next|what to read next|editor'?s picks?|don'?t miss|must read|around the web|from around the web|more from .{1,40}|promoted stories|in case you missed it|continue reading)\s*:?$|",
                r"^related: .{0,120}$"
            ),
        ),
        pattern(
            Share,
            false,
            concat!(
                r"^(share|tweet|pin|email|e-mail|print|save|copy link|copy url|whatsapp|facebook|twitter|linkedin|reddit|pinterest|tumblr|flipboard|messenger|telegram|sms)",
                r"( (this|the|on|via|to|it|with|article|story|post|page|link|a friend|your friends|friends))*",
                r"( (facebook|twitter|linkedin|reddit|pinterest|whatsapp|email|e-mail|tumblr|x|messenger|telegram|flipboard|google\+?))?\s*(\(opens in new window\))?\W*$|",
                r"^click to (share|email|print|tweet)(?-u:\b)|^share (this|the) (article|story|post|page)(?-u:\b)|^sharing buttons?|",
                r"^(share|follow) on(?-u:\b).{0,40}$|^\d+ shares?$"
            ),
        )
        .or_gated(r"sharing buttons$", |lower| lower.ends_with("sharing buttons")),
        pattern(
            Follow,
            false,
            concat!(
                r"^(follow|like|find|join|connect with|friend) (us|me|him|her|them)(?-u:\b).{0,60}$|",
                r"^follow( the)? [\w .@'&-]{1,40} on (twitter|facebook|instagram|linkedin|youtube|tiktok)\W*$|^@\w+$"
            ),
        ),
        pattern(
            Subscribe,
            false,
            concat!(
                r"^(subscribe|sign up|signup|register|log ?in|sign ?in|log ?out|sign ?out|my account|create (an |a free )?account|get (the|our|a)( free)? [\w ]*newsletter)(?-u:\b).{0,60}$|",
                r"^already (a subscriber|have an account)|^(enter|your) e-?mail( address)?(?-u:\b).{0,40}$|",
                r"^by (signing up|subscribing|clicking)(?-u:\b).{0,200}(agree|terms|privacy)|^(get|receive) (breaking|the latest|daily|free|our)(?-u:\b).{0,80}(inbox|email|alerts|notifications)(?-u:\b)|",
                r"^(thanks|thank you) for (signing up|subscribing)|^turn on (desktop )?notifications|^get breaking news in your browser|^(start|get) (your )?free trial|^subscriber(s)? (only|exclusive)"
            ),
        )
        .or_phrases(const { &[Phrase::new("newsletter")] }),
        pattern(
            Cookies,
            true,
            r"(?-u:\b)(we|this (site|website)) uses? cookies(?-u:\b)|(?-u:\b)(utilizziamo|usiamo|usamos|utilizamos|utiliza|utilizza|usa|nous utilisons|wir verwenden|verwendet) (i |os |los |des |les )?cookies?(?-u:\b)|(?-u:\b)cookie (policy|settings|preferences|consent|notice)(?-u:\b)|(?-u:\b)(accept|allow|manage|reject) (all )?cookies(?-u:\b)|^by (continuing to (use|browse)|using) (this|our) (site|website)",
        ).gated(may_be_cookie_notice),
        pattern(
            Advertisement,
            false,
            concat!(
                r"^(advertisement|advertisements|advertising|ad|ads|sponsored|sponsored content|paid content|paid post|promoted|promotion|partner content|ad feedback|report (this )?ad|skip (this )?ad)\W*$|",
                r"^(story|article|content|text) continues (below|after)(?-u:\b).{0,30}$|^continue reading (below|the main story)\W*$|^advertisement - (story )?continues? below$|",
                r"^(close|hide) (this )?ad\W*$"
            ),
        ),
        pattern(
            Tags,
            false,
            r"^(tags?|topics?|filed under|categories|category|posted in|tagged( with)?|keywords|related topics)\s*:?(\s.{0,200})?$",
        ),
        pattern(Copyright, true, r"^(©|\(c\)|copyright(?-u:\b))|all rights reserved|^\S+ ©|© ?(19|20)\d\d")
            .gated(may_be_copyright),
        pattern(
            Legal,
            false,
            r"^(privacy( policy| notice| statement)?|terms( of (use|service))?|terms (and|&) conditions|cookie policy|accessibility( statement)?|site ?map|contact( us)?|about( us)?|advertise( with us)?|careers|help|faq|rss( feeds?)?|disclaimer|imprint|impressum|do not sell my (personal )?(info|information)|ad ?choices)\s*(\|.*)?$",
        ),
        pattern(
            Navigation,
            false,
            concat!(
                r"^(skip|jump) to (main |the )?(content|navigation|main|search|footer)(?-u:\b)|^(toggle|open|close|main|show|hide) (navigation|menu|search|sidebar)\W*$|",
                r"^(menu|search|home|homepage|close|open|next|previous|prev|more|back|go|x|×|✕|☰)\W*$|^search( for)?\W*:?$|^(next|previous) (article|story|post|page)\W*$|",
                r"^you are here(?-u:\b)|^breadcrumb|^(page|photo|image|slide) \d+ of \d+$"
            ),
        ),
        pattern(
            Credit,
            false,
            concat!(
                r"^(photo|photos|image|images|picture|video|graphic|illustration|photograph|photography|credit|credits|source|caption)s?( credit)?\s*[:/|]|",
                r"^(image|photo|picture) (copyright|credit|source|by|courtesy)(?-u:\b)|",
                r"^(getty images|shutterstock|ap photo|afp photo|reuters photo|file photo)(?-u:\b).{0,60}$"
            ),
        )
        .or_gated(
            r"\((ap|afp|reuters|getty|epa|ap photo|afp photo|getty images)[^)]*\)$|(?-u:\b)(via getty images|/getty images|/ap|/afp|/reuters)\W*$",
            may_be_agency_credit,
        ),
        pattern(
            Byline,
            false,
            concat!(
                r"^(?i:by|written by|posted by|reported by|words by|story by|authors?:?)\s+",
                r"(\p{Lu}[\p{L}\p{M}.'’-]*\s?){1,4}(\W.{0,80})?$"
            ),
        ),
        pattern(
            Date,
            false,
            concat!(
                r"^((published|updated|posted|last updated|modified|first published|created)( on| at)?\s*:?\s*)?",
                r"((mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? )?",
                r"((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(st|nd|rd|th)?(,? \d{4})?",
                r"|\d{1,2}(st|nd|rd|th)? (of )?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,? \d{4}",
                r"|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4})(?-u:\b).{0,40}$|",
                r"^((published|updated|posted)\s*:?\s*)?\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?-u:\b).{0,30}$|^\d+ (min|minute|minutes|mins) (read|reading)\W*$|",
                r"^(published|updated|posted|last updated)(?-u:\b).{0,60}$|^\d+ (seconds?|minutes?|hours?|days?|weeks?|months?) ago\W*$"
            ),
        ),
        pattern(
            AuthorBio,
            true,
            concat!(
                // A name (and maybe a handle or address in brackets), then the author's job.
                r"^(\p{Lu}[\p{L}.'’-]*\s){1,3}(\([^)]{1,60}\)\s)?(is|was) (a|an|the) ([\p{L}-]+ ){0,5}",
                r"(writer|editor|reporter|correspondent|contributor|journalist|columnist|producer|author|blogger|freelancer)(?-u:\b)"
            ),
        ).gated(may_be_author_bio),
        pattern(
            Credit,
            true,
            concat!(
                // A photo caption in news-agency style: "…, Tuesday, Nov. 19, 2019, in Ohio.";
                // article text names the weekday or the date, not both.
                r"(?-u:\b)(monday|tuesday|wednesday|thursday|friday|saturday|sunday),? ",
                r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}, (19|20)\d\d(?-u:\b)|",
                // A slideshow caption ("2 of 7 …") or a caption ending in its credit.
                r"^\d{1,3} of \d{1,3} \S|\((photo|image|picture|credit|foto|video)s?( credit)?:[^)]*\)$"
            ),
        ).gated(may_be_caption),
    ]
});

/// How many words a block may have before only `any_length` patterns apply to it.
const SHORT_BLOCK_WORDS: usize = 30;

/// The furniture reason for a block, if its wording gives one.
pub fn furniture(text: &str, words: usize) -> Option<Reason> {
    furniture_folded(text, &fold(text), words)
}

/// [`furniture`] given `lower`, the block [`fold`]ed.
pub(crate) fn furniture_folded(text: &str, lower: &str, words: usize) -> Option<Reason> {
    let sentence = ends_like_sentence(text);
    PATTERNS
        .iter()
        .filter(|p| p.any_length || words <= SHORT_BLOCK_WORDS)
        .filter(|p| !(sentence && matches!(p.reason, Reason::Byline | Reason::Date)))
        .find(|p| p.is_match(if matches_original_case(p.reason) { text } else { lower }))
        .map(|p| p.reason)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(text: &str) -> Option<Reason> {
        furniture(text, text.split_whitespace().count())
    }

    #[test]
    fn comment_forms() {
        for t in [
            "Leave a Reply",
            "Leave a comment",
            "Your email address will not be published. Required fields are marked *",
            "12 Comments",
            "Name *",
            "Cancel reply",
            "View Comments",
            "Post a Comment",
        ] {
            assert_eq!(reason(t), Some(Reason::Comments), "{t}");
        }
    }

    #[test]
    fn related_blocks() {
        for t in [
            "Related Articles",
            "Related",
            "Read more",
            "You may also like",
            "More stories",
            "Most Popular",
            "RELATED: Senate passes bill",
        ] {
            assert_eq!(reason(t), Some(Reason::Related), "{t}");
        }
    }

    #[test]
    fn other_furniture() {
        assert_eq!(reason("Back to top button"), Some(Reason::BackToTop));
        assert_eq!(reason("Share this:"), Some(Reason::Share));
        assert_eq!(reason("Click to share on Facebook (Opens in new window)"), Some(Reason::Share));
        assert_eq!(reason("Follow us on Twitter"), Some(Reason::Follow));
        assert_eq!(reason("Sign up for our daily newsletter"), Some(Reason::Subscribe));
        assert_eq!(reason("We use cookies to improve your experience on our site."), Some(Reason::Cookies));
        assert_eq!(reason("Advertisement"), Some(Reason::Advertisement));
        assert_eq!(reason("Tags: politics, Iran"), Some(Reason::Tags));
        assert_eq!(reason("Copyright © 2019 MediaNews Group, Inc."), Some(Reason::Copyright));
        assert_eq!(reason("Privacy Policy"), Some(Reason::Legal));
        assert_eq!(reason("Skip to content"), Some(Reason::Navigation));
        assert_eq!(reason("Photo: Jane Doe/AP"), Some(Reason::Credit));
        assert_eq!(reason("By Jane Doe"), Some(Reason::Byline));
        assert_eq!(reason("Nov 18, 2019 at 9:24 pm ET"), Some(Reason::Date));
        assert_eq!(reason("Updated 3 hours ago"), Some(Reason::Date));
    }

    #[test]
    fn body_sentences_are_not_furniture() {
        for t in [
            "The minister said he would share the report with parliament on Monday.",
            "Readers left more than 200 comments on the original post, most of them angry.",
            "By the end of the week, the talks had collapsed.",
            "Related talks in Doha ended without agreement.",
            "May was the wettest month on record.",
            "May 2019 was the wettest month on record.",
            "By Monday, the talks had collapsed.",
            "Home prices rose 4% in the year to March, the agency said.",
        ] {
            assert_eq!(reason(t), None, "{t}");
        }
    }

    #[test]
    fn comment_lists() {
        for t in [
            "3 thoughts on “Talks resume in the capital”",
            "One response to \"Talks resume\"",
            "jane_doe says:",
            "Reply",
        ] {
            assert_eq!(reason(t), Some(Reason::Comments), "{t}");
        }
    }

    #[test]
    fn comment_section_openings() {
        for t in ["12 Comments", "Leave a Reply", "Comments", "Two responses to “Talks resume”", "Tom Smith says:"]
        {
            assert!(opens_comment_section(t), "{t}");
        }
        // Form labels double as share links; a pronoun introduces a quote in an article.
        for t in ["Email", "He says:", "Readers left more than 200 comments on the post."] {
            assert!(!opens_comment_section(t), "{t}");
        }
    }

    #[test]
    fn author_biographies() {
        assert_eq!(
            reason("Jane Doe is a senior reporter at the Daily Example, covering courts and crime. She lives in Ohio."),
            Some(Reason::AuthorBio)
        );
        assert_eq!(reason("Jane Doe (@janedoe) is a contributing writer."), Some(Reason::AuthorBio));
        assert_eq!(reason("The minister is a former editor of a local paper, his office said."), None);
    }

    #[test]
    fn captions() {
        let caption =
            "A worker checks the pumps at a station in Dayton, Ohio, Tuesday, Nov. 5, 2019, before the storm.";
        assert_eq!(reason(caption), Some(Reason::Credit));
        assert_eq!(reason("3 of 12 A worker checks the pumps at a station before the storm."), Some(Reason::Credit));
        assert_eq!(reason("Protesters gathered outside the court on Monday (Photo: Jane Doe)"), Some(Reason::Credit));
        // A weekday or a date alone is article text.
        assert_eq!(reason("The pumps were checked on Tuesday, before the storm."), None);
        assert_eq!(reason("The pumps were checked on Nov. 5, 2019, before the storm."), None);
    }

    #[test]
    fn cookie_notices_in_other_languages() {
        for t in [
            "Utilizziamo i cookie per essere sicuri che tu possa avere la migliore esperienza sul nostro sito.",
            "Este site usa cookies para melhorar a sua experiência.",
            "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.",
        ] {
            assert_eq!(reason(t), Some(Reason::Cookies), "{t}");
        }
    }
}
