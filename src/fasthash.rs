//! A fast hasher for the small in-process tables of the pipeline (stop words, block keys,
//! shingles): the FxHash multiply–rotate, word at a time. Not resistant to crafted collisions,
//! which only matters for tables an attacker can fill to degrade them; these tables are per page
//! and bounded by its size, so worst-case input only costs time, as a long page does. Lookups give
//! the same answers as with the standard hasher, so results do not depend on the choice.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The FxHash state.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut c = [0u8; 8];
            c[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(c));
        }
    }

    #[inline]
    fn write_u8(&mut self, x: u8) {
        self.add(u64::from(x));
    }

    #[inline]
    fn write_u64(&mut self, x: u64) {
        self.add(x);
    }

    #[inline]
    fn write_usize(&mut self, x: usize) {
        self.add(x as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // hashbrown picks buckets by the low bits and tags by the top seven: mix both.
        self.0 ^ (self.0 >> 29)
    }
}

/// Builds [`FxHasher`]s.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;
/// A `HashMap` with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, FxBuild>;
/// A `HashSet` with [`FxHasher`].
pub(crate) type FxHashSet<T> = HashSet<T, FxBuild>;
