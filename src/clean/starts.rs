//! What a block must start with for a regex anchored at its start to match: a check of one or
//! two bytes that saves a regex search (a few hundred instructions even when it fails at once)
//! on most blocks.

use regex_syntax::hir::Look;
use regex_syntax::hir::literal::Extractor;

/// The starts a regex's matches can have, as a cheap necessary condition for a match.
pub(crate) struct Starts {
    /// Some match may start with any byte (a prefix literal is empty).
    any: bool,
    /// The one-byte prefix literals, one bit per byte.
    single: [u64; 4],
    /// First two bytes of the longer prefix literals, one bit per pair.
    pairs: Vec<u64>,
}

impl Starts {
    /// The starts of `pattern`'s matches, when every match is anchored to the start of the
    /// haystack (`^` in every alternative) and begins with one of finitely many literals;
    /// `None` when that is not so (or the pattern does not parse), and then nothing is skipped.
    pub(crate) fn of(pattern: &str) -> Option<Starts> {
        // The regex crate's default syntax: Unicode on, case-sensitive.
        let hir = regex_syntax::parse(pattern).ok()?;
        if !hir.properties().look_set_prefix().contains(Look::Start) {
            return None;
        }
        // Every match begins with one of the prefix literals (look-arounds such as `^` count as
        // empty), and an anchored match begins where the haystack does.
        let literals = Extractor::new().limit_class(10_000).limit_total(100_000).extract(&hir);
        let mut starts = Starts { any: false, single: [0; 4], pairs: vec![0; 1024] };
        for literal in literals.literals()? {
            match literal.as_bytes() {
                [] => starts.any = true,
                [b] => starts.single[usize::from(*b) / 64] |= 1 << (b % 64),
                [b0, b1, ..] => {
                    let pair = usize::from(*b0) << 8 | usize::from(*b1);
                    starts.pairs[pair / 64] |= 1 << (pair % 64);
                }
            }
        }
        Some(starts)
    }

    /// Whether a match may start `haystack` (`false` only when none can).
    pub(crate) fn may_start(&self, haystack: &str) -> bool {
        match haystack.as_bytes() {
            [b0, b1, ..] => {
                let pair = usize::from(*b0) << 8 | usize::from(*b1);
                self.any
                    || self.single[usize::from(*b0) / 64] >> (b0 % 64) & 1 == 1
                    || self.pairs[pair / 64] >> (pair % 64) & 1 == 1
            }
            // Too short to tell by a pair: the regex decides.
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchored_alternatives_give_their_first_bytes() {
        let s = Starts::of(r"^(back|return) to top$|^x\W*$").expect("anchored");
        assert!(s.may_start("back to top"));
        assert!(s.may_start("return to top"));
        assert!(s.may_start("x!"));
        assert!(!s.may_start("the minister said"));
        assert!(s.may_start("b"));
    }

    #[test]
    fn unanchored_or_open_patterns_have_none() {
        assert!(Starts::of(r"^a|b").is_none());
        assert!(Starts::of(r"cookies").is_none());
        // Any first char: every start is possible, nothing is skipped.
        let any = Starts::of(r"^\S+ says:$");
        assert!(any.is_none_or(|s| s.may_start("jane says:")));
    }
}
