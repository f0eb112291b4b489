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
            self.add(load_le_partial(rest));
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

/// The little-endian `u64` of up to 7 bytes, zero-padded: what copying them into a zeroed
/// `[u8; 8]` gives, but from two (possibly overlapping) fixed-size loads instead of a `memcpy`
/// call of variable length, which costs more than the hashing around it for short words.
#[inline]
pub(crate) fn load_le_partial(b: &[u8]) -> u64 {
    debug_assert!(b.len() < 8);
    let n = b.len();
    // The overlapping bytes land on the same bits from both loads, so `|` keeps them intact.
    if n >= 4 {
        let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 4))
    } else if n >= 2 {
        let lo = u16::from_le_bytes([b[0], b[1]]);
        let hi = u16::from_le_bytes([b[n - 2], b[n - 1]]);
        u64::from(lo) | u64::from(hi) << (8 * (n - 2))
    } else {
        b.first().map_or(0, |&x| u64::from(x))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_loads_are_zero_padded_little_endian() {
        let bytes: Vec<u8> = (1..=7u8).map(|k| k.wrapping_mul(37)).collect();
        for n in 0..8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(load_le_partial(&bytes[..n]), u64::from_le_bytes(padded), "{n} bytes");
        }
    }
}
