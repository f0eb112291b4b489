//! Name grouping: exact repeats, surname ↔ full name, honorific forms, acronyms.

use crate::fasthash::{FxHashMap, FxHashSet};

use super::{Doc, is_possessive, lower_word};
use crate::{Entity, Label, Mention, Span};

/// Honorifics before a name: not part of the name's key (`Mr. Smith` is `Smith`).
const HONORIFICS: &[&str] =
    &["dame", "dr", "lady", "lord", "messrs", "miss", "mlle", "mme", "mr", "mrs", "ms", "mx", "sir"];

/// Name suffixes, skipped when finding a surname (`Martin Luther King Jr.` → `King`).
const NAME_SUFFIXES: &[&str] = &["ii", "iii", "iv", "jnr", "jr", "snr", "sr"];

/// Small words an acronym may skip (`Organization of the Petroleum Exporting Countries`).
const ACRONYM_SKIP: &[&str] = &["and", "de", "del", "der", "des", "for", "in", "of", "on", "the", "to", "&"];

/// Whether `w` is an honorific such as `Mr.`, `Ms`, `Dr.` (any case, period optional).
pub(crate) fn is_honorific(w: &str) -> bool {
    HONORIFICS.contains(&lower_word(w).as_str())
}

/// The gender an honorific implies: `Some(true)` for male (`Mr.`), `Some(false)` for female
/// (`Mrs.`, `Ms.`, `Miss`), `None` otherwise.
pub(crate) fn honorific_gender(w: &str) -> Option<bool> {
    match lower_word(w).as_str() {
        "mr" | "sir" | "lord" => Some(true),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "mme" | "mlle" => Some(false),
        _ => None,
    }
}

/// The words of a mention's name: its tokens without honorifics and possessives (all of them when
/// nothing else is left).
fn name_words<'a>(doc: &Doc<'a>, s: usize, e: usize) -> Vec<&'a str> {
    let words: Vec<&str> = (s..e).map(|i| doc.word(i)).filter(|w| !is_honorific(w) && !is_possessive(w)).collect();
    if words.is_empty() { (s..e).map(|i| doc.word(i)).collect() } else { words }
}

/// The surname of a multi-word name: its last word that is not a suffix such as `Jr.`.
fn surname(words: &[&str]) -> String {
    let w = words.iter().rev().find(|w| !NAME_SUFFIXES.contains(&lower_word(w).as_str())).unwrap_or(&words[0]);
    w.to_lowercase()
}

/// The initials of a multi-word name, capitals only (`Islamic State` → `IS`), skipping small words.
fn initials(words: &[&str]) -> Option<String> {
    let mut out = String::new();
    for w in words {
        if ACRONYM_SKIP.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        // A hyphenated word gives one letter per part (`Al-Qaeda` → `AQ`) only if that is how it
        // is capitalised; take the first letter of each capitalised part.
        for part in w.split('-') {
            let c = part.chars().next()?;
            if c.is_uppercase() {
                out.push(c);
            }
        }
    }
    (out.chars().count() >= 2).then_some(out)
}

/// Whether `w` looks like an acronym: 2 to 8 characters, capitals (and digits or periods), at
/// least two capitals.
fn acronym_key(w: &str) -> Option<String> {
    let key: String = w.chars().filter(|&c| c != '.').collect();
    let ok = (2..=8).contains(&key.chars().count())
        && key.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
        && key.chars().filter(|c| c.is_uppercase()).count() >= 2;
    ok.then_some(key)
}

/// Widens or adds the mention of a name the article spells out before a bracketed acronym
/// (`the Islamic State (IS)`), when the tagger caught only part of it (`Islamic`) or, the acronym
/// being a mention itself, none of it. The name is the shortest run of words before `(` whose
/// initials ([`initials`]) are the acronym; it takes the acronym's label, or else the label of
/// the mention it replaces. Mentions reaching outside the run are left alone. `mentions` must be
/// sorted by start and stay so.
pub(crate) fn widen_to_acronyms(doc: &Doc, mentions: &mut Vec<Mention>) {
    let n = doc.tokens.len();
    // (first, end) of the mentions replaced, and the new mention.
    let mut edits: Vec<(usize, usize, Mention)> = Vec::new();
    for p in 1..n.saturating_sub(2) {
        if doc.word(p) != "(" || doc.word(p + 2) != ")" {
            continue;
        }
        let Some(acr) = acronym_key(doc.word(p + 1)) else { continue };
        // The run: capitalised words (and small joining words inside it) right before "(".
        let mut w1 = None;
        let mut q = p;
        while q > 0 && p - q < acr.chars().count() + 3 && !doc.line_break_before(q) {
            let w = doc.word(q - 1);
            let cap = w.chars().next().is_some_and(char::is_uppercase);
            let joiner = q < p && ACRONYM_SKIP.contains(&w.to_lowercase().as_str());
            if !(cap || joiner) {
                break;
            }
            q -= 1;
            let words: Vec<&str> = (q..p).map(|i| doc.word(i)).collect();
            if cap && words.len() >= 2 && initials(&words).as_deref() == Some(acr.as_str()) {
                w1 = Some(q);
                break;
            }
        }
        let Some(w1) = w1 else { continue };
        let span = Span { start: doc.tokens[w1].start, end: doc.tokens[p - 1].end };
        let lo = mentions.partition_point(|m| m.end <= span.start);
        let hi = mentions.partition_point(|m| m.start < span.end);
        let inside = &mentions[lo..hi];
        if inside.len() == 1 && inside[0].start == span.start && inside[0].end == span.end {
            continue;
        }
        if inside.iter().any(|m| m.start < span.start || m.end > span.end) {
            continue;
        }
        let at = doc.tokens[p + 1].start;
        let acr_mention = mentions.get(mentions.partition_point(|m| m.start < at)).filter(|m| m.start == at);
        let label = match (acr_mention, inside.iter().max_by_key(|m| m.end - m.start)) {
            (Some(a), _) => a.label,
            (None, Some(m)) => m.label,
            (None, None) => continue,
        };
        let conf = inside.iter().chain(acr_mention).map(|m| m.confidence).fold(1.0f32, f32::min);
        edits.push((lo, hi, Mention::new(doc.text, span, label, conf)));
    }
    for (lo, hi, m) in edits.into_iter().rev() {
        mentions.splice(lo..hi, [m]);
    }
}

/// Whether `short` is an ordered subsequence of `long` (case-insensitive, whole words).
fn subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l == w))
}

/// One entity being built.
struct Group {
    label: Label,
    /// The best name so far, with its (word count, byte length) rank.
    name: String,
    rank: (usize, usize),
    /// Lowercase words of the best name.
    words: Vec<String>,
    /// Surface forms in first-seen order.
    forms: Vec<String>,
    /// Start offsets of the mentions in it, ascending (assigned in text order per pass).
    starts: Vec<usize>,
}

impl Group {
    fn add(&mut self, key: &[&str], surface: &str, start: usize) {
        let name = key.join(" ");
        let rank = (key.len(), name.len());
        if rank > self.rank {
            self.rank = rank;
            self.words = key.iter().map(|w| w.to_lowercase()).collect();
            self.name = name;
        }
        if !self.forms.iter().any(|f| f == surface) {
            self.forms.push(surface.to_string());
        }
        let at = self.starts.partition_point(|&s| s < start);
        self.starts.insert(at, start);
    }

    /// The start of this group's last mention before `pos`.
    fn last_before(&self, pos: usize) -> Option<usize> {
        let i = self.starts.partition_point(|&s| s < pos);
        i.checked_sub(1).map(|i| self.starts[i])
    }
}

/// Whether a one-word mention labelled `label` may be a person's surname: PERSON, and the ORG and
/// MISC labels the tagger gives unfamiliar surnames. GPE and LOC are left alone: a place that
/// shares a word with a name (`Chechnya`, `Jordan`) is far more often a place.
fn may_be_surname(label: Label) -> bool {
    matches!(label, Label::Person | Label::Org | Label::Misc)
}

/// Groups the mentions (sorted by start), sets their `entity_id` (and relabels the surname-only
/// mentions it attaches to a PERSON), and returns the entities with names, aliases and counts.
pub(crate) fn cluster(doc: &Doc, mentions: &mut [Mention]) -> Vec<Entity> {
    let ranges: Vec<(usize, usize)> = mentions.iter().map(|m| doc.token_range(m.start, m.end)).collect();
    let keys: Vec<Vec<&str>> = ranges.iter().map(|&(s, e)| name_words(doc, s, e)).collect();

    // Surnames of the people named in full anywhere in the article.
    let person_surnames: FxHashSet<String> = mentions
        .iter()
        .zip(&keys)
        .filter(|(m, k)| m.label == Label::Person && k.len() >= 2)
        .map(|(_, k)| surname(k))
        .collect();

    let mut groups: Vec<Group> = Vec::new();
    let mut assigned: Vec<Option<usize>> = vec![None; mentions.len()];
    let mut exact: FxHashMap<(String, Label), usize> = FxHashMap::default();
    let mut by_surname: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    let mut acronyms: FxHashMap<String, usize> = FxHashMap::default();
    let mut by_initials: FxHashMap<(String, Label), Vec<usize>> = FxHashMap::default();
    let mut pending: Vec<usize> = Vec::new();

    let new_group = |groups: &mut Vec<Group>, label: Label| {
        groups.push(Group {
            label,
            name: String::new(),
            rank: (0, 0),
            words: Vec::new(),
            forms: Vec::new(),
            starts: Vec::new(),
        });
        groups.len() - 1
    };

    // Pass 1: multi-word names and everything that is not a one-word person.
    for i in 0..mentions.len() {
        let key = &keys[i];
        let label = mentions[i].label;
        let joined = key.join(" ");
        if key.len() == 1 && person_surnames.contains(&key[0].to_lowercase()) {
            if may_be_surname(label) {
                mentions[i].label = Label::Person;
                pending.push(i);
                continue;
            }
        } else if key.len() == 1 && label == Label::Person {
            pending.push(i);
            continue;
        }
        let id = if let Some(&id) = exact.get(&(joined.clone(), label)) {
            id
        } else if label == Label::Person {
            let lower: Vec<String> = key.iter().map(|w| w.to_lowercase()).collect();
            let sn = surname(key);
            let start = mentions[i].start;
            let found = by_surname.get(&sn).and_then(|ids| {
                ids.iter()
                    .copied()
                    .filter(|&g| {
                        let gw = &groups[g].words;
                        subsequence(&lower, gw) || subsequence(gw, &lower)
                    })
                    .max_by_key(|&g| groups[g].last_before(start))
            });
            match found {
                Some(g) => g,
                None => {
                    let g = new_group(&mut groups, label);
                    by_surname.entry(sn).or_default().push(g);
                    by_first.entry(lower[0].clone()).or_default().push(g);
                    g
                }
            }
        } else if let Some(&g) = acronym_key(&joined).and_then(|a| acronyms.get(&a)) {
            mentions[i].label = groups[g].label;
            g
        } else if let Some(g) =
            acronym_key(&joined).and_then(|a| by_initials.get(&(a, label))).and_then(|v| (v.len() == 1).then_some(v[0]))
        {
            g
        } else {
            let g = new_group(&mut groups, label);
            if key.len() >= 2
                && let Some(ini) = initials(key)
            {
                by_initials.entry((ini, label)).or_default().push(g);
            }
            g
        };
        exact.insert((joined, mentions[i].label), id);
        // "the Islamic State (IS)": the bracketed acronym names this entity from here on.
        let (_, e) = ranges[i];
        if key.len() >= 2
            && e + 2 < doc.tokens.len()
            && doc.word(e) == "("
            && doc.word(e + 2) == ")"
            && let (Some(a), Some(ini)) = (acronym_key(doc.word(e + 1)), initials(key))
            && a == ini
        {
            acronyms.insert(a, id);
        }
        assigned[i] = Some(id);
        let surface = surface_of(doc, &mentions[i], ranges[i]);
        groups[id].add(key, &surface, mentions[i].start);
    }

    // Pass 2: one-word people, to the full name with that surname mentioned most recently before
    // them, else the first one after them, else on their own.
    for &i in &pending {
        let key = &keys[i];
        let lower = key[0].to_lowercase();
        let start = mentions[i].start;
        let id = match by_surname.get(&lower) {
            Some(ids) => {
                let before = ids.iter().copied().filter_map(|g| groups[g].last_before(start).map(|s| (s, g))).max();
                match before {
                    Some((_, g)) => g,
                    None => ids.iter().copied().min_by_key(|&g| groups[g].starts.first().copied()).unwrap_or(ids[0]),
                }
            }
            // No full name ends with it: the one full name that starts with it, if only one does
            // (`Wang Yi` … `Wang`; `John` stays alone next to `John Smith` and `John Doe`).
            None => match by_first.get(&lower).map(Vec::as_slice) {
                Some(&[g]) => g,
                _ => *exact
                    .entry((key.join(" "), Label::Person))
                    .or_insert_with(|| new_group(&mut groups, Label::Person)),
            },
        };
        assigned[i] = Some(id);
        let surface = surface_of(doc, &mentions[i], ranges[i]);
        groups[id].add(key, &surface, start);
    }

    // Entities in order of first mention.
    let mut order: Vec<usize> = (0..groups.len()).filter(|&g| !groups[g].starts.is_empty()).collect();
    order.sort_by_key(|&g| groups[g].starts[0]);
    let mut new_id = vec![usize::MAX; groups.len()];
    let mut entities = Vec::with_capacity(order.len());
    for (n, &g) in order.iter().enumerate() {
        new_id[g] = n;
        let gr = &groups[g];
        let mut e = Entity::new(n, gr.name.clone(), gr.label);
        e.mention_count = gr.starts.len();
        e.aliases = gr.forms.iter().filter(|f| **f != gr.name).cloned().collect();
        entities.push(e);
    }
    for (m, a) in mentions.iter_mut().zip(assigned) {
        if let Some(g) = a {
            m.entity_id = new_id[g];
            m.label = groups[g].label;
        }
    }
    entities
}

/// A mention's surface form for the aliases: its text without a trailing possessive.
fn surface_of(doc: &Doc, m: &Mention, (s, e): (usize, usize)) -> String {
    let mut e = e;
    while e > s + 1 && is_possessive(doc.word(e - 1)) {
        e -= 1;
    }
    if e <= s {
        return m.text.clone();
    }
    doc.text[doc.tokens[s].start.max(m.start)..doc.tokens[e - 1].end.min(m.end)].to_string()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{entity, run};
    use super::*;

    #[test]
    fn surname_joins_full_name() {
        let text = "Olu Bakare arrived. Later Bakare spoke, and Bakare left.";
        let (ms, es) =
            run(text, &[("Olu Bakare", Label::Person), ("Bakare", Label::Person), ("Bakare", Label::Person)]);
        assert_eq!(es.len(), 1, "{es:#?}");
        assert_eq!(es[0].name, "Olu Bakare");
        assert_eq!(es[0].mention_count, 3);
        assert_eq!(es[0].aliases, vec!["Bakare"]);
        assert!(ms.iter().all(|m| m.entity_id == 0));
    }

    #[test]
    fn surname_before_full_name_joins_it() {
        let text = "Bakare wins. Olu Bakare won the vote on Sunday.";
        let (_, es) = run(text, &[("Bakare", Label::Person), ("Olu Bakare", Label::Person)]);
        assert_eq!(es.len(), 1, "{es:#?}");
        assert_eq!(es[0].name, "Olu Bakare");
    }

    #[test]
    fn honorific_forms() {
        let text = "Olu Bakare arrived. Mr. Bakare spoke. Dr. Bakare left.";
        let (_, es) =
            run(text, &[("Olu Bakare", Label::Person), ("Mr. Bakare", Label::Person), ("Dr. Bakare", Label::Person)]);
        assert_eq!(es.len(), 1, "{es:#?}");
        assert_eq!(es[0].name, "Olu Bakare");
        assert_eq!(es[0].mention_count, 3);
        // Honorifics are title words: not part of the span, so not of the alias either.
        assert_eq!(es[0].aliases, vec!["Bakare"]);
    }

    #[test]
    fn possessives() {
        let text = "Olu Bakare arrived. Bakare's aides and Bakare’s rivals met.";
        // The tagger may or may not include the clitic in the span.
        let (ms, es) =
            run(text, &[("Olu Bakare", Label::Person), ("Bakare's", Label::Person), ("Bakare", Label::Person)]);
        assert_eq!(es.len(), 1, "{es:#?}");
        assert_eq!(es[0].mention_count, 3);
        assert_eq!(ms[1].text, "Bakare");
        assert_eq!(es[0].aliases, vec!["Bakare"]);
    }

    #[test]
    fn middle_initial_variants_merge() {
        let text = "George Fenwick spoke. George T. Fenwick said more.";
        let (_, es) = run(text, &[("George Fenwick", Label::Person), ("George T. Fenwick", Label::Person)]);
        assert_eq!(es.len(), 1, "{es:#?}");
        assert_eq!(es[0].name, "George T. Fenwick");
        assert_eq!(es[0].aliases, vec!["George Fenwick"]);
    }

    #[test]
    fn two_people_sharing_a_surname_stay_apart() {
        let text = "John Mbeki met Jane Mbeki. Later Mbeki said no. John Mbeki left.";
        let (ms, es) = run(
            text,
            &[
                ("John Mbeki", Label::Person),
                ("Jane Mbeki", Label::Person),
                ("Mbeki", Label::Person),
                ("John Mbeki", Label::Person),
            ],
        );
        assert_eq!(es.len(), 2, "{es:#?}");
        assert_eq!(entity(&es, "John Mbeki").mention_count, 2);
        // The bare surname goes to the most recent full name before it.
        assert_eq!(ms[2].entity_id, entity(&es, "Jane Mbeki").id);
        assert_eq!(entity(&es, "Jane Mbeki").mention_count, 2);
    }

    #[test]
    fn family_name_first() {
        let text = "Li Wei met Zhao Lan and John Ode and John Kay. Later Li spoke, then John.";
        let (ms, es) = run(
            text,
            &[
                ("Li Wei", Label::Person),
                ("Zhao Lan", Label::Person),
                ("John Ode", Label::Person),
                ("John Kay", Label::Person),
                ("Li", Label::Person),
                ("John", Label::Person),
            ],
        );
        assert_eq!(ms[4].entity_id, entity(&es, "Li Wei").id);
        // Two full names start with John: ambiguous, left alone.
        assert_eq!(entity(&es, "John").mention_count, 1);
    }

    #[test]
    fn mislabelled_surname_becomes_person() {
        let text = "Olu Bakare arrived. Bakare spoke to Lagos.";
        let (ms, es) = run(text, &[("Olu Bakare", Label::Person), ("Bakare", Label::Org), ("Lagos", Label::Gpe)]);
        assert_eq!(ms[1].label, Label::Person);
        assert_eq!(entity(&es, "Olu Bakare").mention_count, 2);
        assert_eq!(entity(&es, "Lagos").label, Label::Gpe);
    }

    #[test]
    fn known_place_is_not_taken_for_a_surname() {
        let text = "Ama Jordan spoke. Jordan said no. Olu Chad met Chad in Chad.";
        let (ms, es) = run(text, &[("Ama Jordan", Label::Person), ("Jordan", Label::Gpe), ("Chad", Label::Loc)]);
        assert_eq!(ms[1].label, Label::Gpe);
        assert_eq!(ms[2].label, Label::Loc);
        assert_eq!(es.len(), 3);
    }

    #[test]
    fn different_labels_do_not_merge() {
        let text = "Kenya Airways flew to Kenya.";
        let (_, es) = run(text, &[("Kenya Airways", Label::Org), ("Kenya", Label::Gpe)]);
        assert_eq!(es.len(), 2);
    }

    #[test]
    fn bracketed_acronym_joins_its_expansion() {
        let text = "The Free Borders Movement (FBM) marched. FBM leaders said the FBM would return.";
        let (ms, es) = run(
            text,
            &[("Free Borders Movement", Label::Org), ("FBM", Label::Org), ("FBM", Label::Misc), ("FBM", Label::Org)],
        );
        assert_eq!(es.len(), 1, "{es:#?}");
        assert_eq!(es[0].name, "Free Borders Movement");
        assert_eq!(es[0].mention_count, 4);
        assert_eq!(es[0].aliases, vec!["FBM"]);
        assert!(ms.iter().all(|m| m.label == Label::Org));
    }

    #[test]
    fn acronym_widens_a_partial_name() {
        let text = "The Islamic State (IS) claimed it. IS fighters left. The Red Sea Group (RSG) too.";
        let (ms, es) =
            run(text, &[("Islamic", Label::Misc), ("IS", Label::Org), ("IS", Label::Org), ("RSG", Label::Org)]);
        let texts: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts, vec!["Islamic State", "IS", "IS", "Red Sea Group", "RSG"]);
        let e = entity(&es, "Islamic State");
        assert_eq!((e.label, e.mention_count), (Label::Org, 3));
        assert_eq!(entity(&es, "Red Sea Group").mention_count, 2);
    }

    #[test]
    fn acronym_of_an_earlier_name_with_the_same_label() {
        let text = "The Islamic State claimed it. IS fighters left. The IAEA, not IS, spoke.";
        let (_, es) =
            run(text, &[("Islamic State", Label::Org), ("IS", Label::Org), ("IAEA", Label::Org), ("IS", Label::Org)]);
        assert_eq!(entity(&es, "Islamic State").mention_count, 3);
        assert_eq!(entity(&es, "IAEA").mention_count, 1);
    }

    #[test]
    fn ambiguous_initials_are_left_alone() {
        let text = "Blue Sky and Black Sea met. BS won.";
        let (_, es) = run(text, &[("Blue Sky", Label::Org), ("Black Sea", Label::Org), ("BS", Label::Org)]);
        assert_eq!(es.len(), 3);
    }

    #[test]
    fn initials_and_subsequences() {
        assert_eq!(initials(&["Organization", "of", "American", "States"]).as_deref(), Some("OAS"));
        assert_eq!(acronym_key("U.S.").as_deref(), Some("US"));
        assert_eq!(acronym_key("Iran"), None);
        let w = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        assert!(subsequence(&w("george bush"), &w("george w. bush")));
        assert!(!subsequence(&w("john smith"), &w("jane smith")));
        assert_eq!(surname(&["Martin", "Luther", "King", "Jr."]), "king");
    }
}
