//! A fast, non-cryptographic hasher for the hot lookup tables of the pipeline (token
//! norms and stems, pattern keys): the Firefox/rustc "FxHash" mixing function.
//!
//! `std`'s default SipHash resists hash flooding, which matters for maps filled from
//! untrusted keys. The maps that use this hasher are filled from the bundled or user
//! data files (lexicons, patterns) and only *queried* with document words, so an
//! adversarial document cannot degrade them; SipHash cost 8 % of the whole pipeline.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash state.
#[derive(Clone, Copy, Debug, Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The length goes into the unused top byte, so that "ab" and "ab\0" differ.
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            w[7] = rest.len() as u8;
            self.add(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// `BuildHasher` of [`FxHasher`].
pub type FxBuildHasher = BuildHasherDefault<FxHasher>;
/// A `HashMap` with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, FxBuildHasher>;
/// A `HashSet` with [`FxHasher`].
pub type FxHashSet<T> = HashSet<T, FxBuildHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work_and_hashing_is_deterministic() {
        let mut m: FxHashMap<String, u32> = FxHashMap::default();
        for (i, w) in ["shoot", "down", "drone", "a", "", "überflug"]
            .iter()
            .enumerate()
        {
            m.insert((*w).to_string(), i as u32);
        }
        assert_eq!(m.get("drone"), Some(&2));
        assert_eq!(m.get(""), Some(&4));
        assert_eq!(m.get("drones"), None);
        let h = |s: &str| std::hash::BuildHasher::hash_one(&FxBuildHasher::default(), s);
        assert_eq!(h("shoot down"), h("shoot down"));
        assert_ne!(h("shoot down"), h("shoot dowm"));
        assert_ne!(h("ab"), h("ab\0"), "trailing zero bytes count");
    }
}
