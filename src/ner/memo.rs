//! A bounded table of values computed from keys, for a thread to keep from document to document:
//! [`Memo`].

use super::features::HashedMap;

/// Values computed from keys, kept so that later documents find them instead of computing them
/// again: the tagger keeps a word's analysis ([`super::features::WordMemo`]) and the summed
/// weights of its features (`model::WordCache`), since news articles share most of their words
/// ("the", "said", the names in the news).
///
/// A key is looked up by a 64-bit hash the caller gives, then compared in full, so that a hash
/// collision is a miss, never a wrong value. At most `max` entries are kept: when full,
/// [`Memo::make_room`] keeps the entries found again since the last time (up to half of them:
/// the common words) and forgets the others, most of which occur in one document only.
pub(crate) struct Memo<K, V> {
    max: usize,
    /// By key hash: a slot (on a collision of hashes, the first key's: the other cannot be found).
    slot: HashedMap<u32>,
    /// Per slot: its key's hash, key and value, and whether it was found since the last
    /// [`Memo::make_room`].
    hashes: Vec<u64>,
    keys: Vec<K>,
    values: Vec<V>,
    found: Vec<bool>,
}

impl<K: Copy + Eq, V: Copy> Memo<K, V> {
    /// An empty memo for at most `max` entries.
    pub(crate) fn new(max: usize) -> Self {
        Memo {
            max,
            slot: HashedMap::default(),
            hashes: Vec::new(),
            keys: Vec::new(),
            values: Vec::new(),
            found: Vec::new(),
        }
    }

    /// How many entries are kept.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether no more entries fit before [`Memo::make_room`].
    pub(crate) fn is_full(&self) -> bool {
        self.len() >= self.max
    }

    /// The value in `slot` (from [`Memo::find`] or [`Memo::insert`], valid until the next
    /// [`Memo::make_room`] or [`Memo::clear`]).
    pub(crate) fn value(&self, slot: usize) -> &V {
        &self.values[slot]
    }

    /// The slot of `key`, whose hash is `hash`, if kept.
    pub(crate) fn find(&mut self, hash: u64, key: &K) -> Option<usize> {
        let slot = *self.slot.get(&hash)? as usize;
        let hit = self.keys[slot] == *key;
        self.found[slot] |= hit;
        hit.then_some(slot)
    }

    /// Keeps `value` for `key` (not found; the memo not full) in a new slot, returned.
    pub(crate) fn insert(&mut self, hash: u64, key: K, value: V) -> usize {
        debug_assert!(!self.is_full());
        let slot = self.len();
        self.slot.entry(hash).or_insert(slot as u32);
        self.hashes.push(hash);
        self.keys.push(key);
        self.values.push(value);
        self.found.push(false);
        slot
    }

    /// Makes room for `n` more entries without reallocating on insert: capacity grows at least
    /// twofold (so little is copied) but never beyond `max` (which plain doubling would overshoot).
    pub(crate) fn reserve(&mut self, n: usize) {
        let (len, cap) = (self.len(), self.keys.capacity());
        let want = (len + n).min(self.max);
        if want > cap {
            let more = want.max(2 * cap).min(self.max) - len;
            self.hashes.reserve_exact(more);
            self.keys.reserve_exact(more);
            self.values.reserve_exact(more);
            self.found.reserve_exact(more);
        }
    }

    /// Forgets every entry.
    pub(crate) fn clear(&mut self) {
        self.slot.clear();
        self.hashes.clear();
        self.keys.clear();
        self.values.clear();
        self.found.clear();
    }

    /// Frees at least half the slots: keeps the entries found since the last time (up to half
    /// the slots), moved to the first slots, and forgets the others. Slots found before are no
    /// longer valid.
    pub(crate) fn make_room(&mut self) {
        let mut kept = 0;
        for s in 0..self.len() {
            if self.found[s] && kept < self.max / 2 {
                self.hashes[kept] = self.hashes[s];
                self.keys[kept] = self.keys[s];
                self.values[kept] = self.values[s];
                kept += 1;
            }
        }
        self.hashes.truncate(kept);
        self.keys.truncate(kept);
        self.values.truncate(kept);
        self.found.clear();
        self.found.resize(kept, false);
        self.slot.clear();
        for (s, &h) in self.hashes.iter().enumerate() {
            self.slot.entry(h).or_insert(s as u32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_compared_in_full_and_common_ones_kept() {
        let mut m: Memo<&str, u32> = Memo::new(4);
        m.reserve(100);
        assert_eq!(m.keys.capacity(), 4);
        let a = m.insert(1, "a", 10);
        // Another key with the same hash: kept, but never mistaken for "a".
        let b = m.insert(1, "b", 20);
        assert_eq!((m.find(1, &"a"), m.find(1, &"b"), m.find(2, &"a")), (Some(a), None, None));
        assert_eq!(*m.value(b), 20);
        let c = m.insert(3, "c", 30);
        m.insert(4, "d", 40);
        assert!(m.is_full());
        assert_eq!(m.find(3, &"c"), Some(c));
        // "a" and "c" were found again: they stay, in the first slots.
        m.make_room();
        assert_eq!((m.len(), m.find(1, &"a"), m.find(3, &"c"), m.find(4, &"d")), (2, Some(0), Some(1), None));
        assert_eq!((*m.value(0), *m.value(1)), (10, 30));
        // At most half are kept, even if all were found.
        m.insert(5, "e", 50);
        m.insert(6, "f", 60);
        for (h, k) in [(1, "a"), (3, "c"), (5, "e"), (6, "f")] {
            assert!(m.find(h, &k).is_some());
        }
        m.make_room();
        assert_eq!(m.len(), 2);
        m.clear();
        assert_eq!((m.len(), m.find(1, &"a")), (0, None));
        assert_eq!(m.keys.capacity(), 4);
    }
}
