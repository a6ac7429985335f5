//! A fast hasher for maps whose keys are fixed when the map is built.

/// An FxHash-style hasher (the multiply-rotate hash of rustc): a few instructions per
/// 8 bytes, against SipHash's tens. Only for maps filled once from a lexicon and then
/// only read (abbreviations, sentence starters): a lookup with any key then costs at
/// most the longest probe run of that fixed table, so crafted input cannot slow it
/// down. Maps filled from document text keep the standard, randomly keyed hasher.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        const K: u64 = 0xf135_7aea_2e62_a9c5;
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl std::hash::Hasher for FxHasher {
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
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The table takes its tag from the top bits and its position from the low ones:
        // fold the well-mixed high half of the product into the low half.
        self.hash ^ (self.hash >> 32)
    }
}

/// [`std::hash::BuildHasher`] of [`FxHasher`].
pub(crate) type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn maps_work_with_the_hasher() {
        let mut m: HashMap<String, usize, FxBuild> = HashMap::default();
        for i in 0..5000 {
            m.insert(format!("w{i}"), i);
        }
        for i in 0..5000 {
            assert_eq!(m.get(&format!("w{i}")), Some(&i));
        }
        assert_eq!(m.get("nope"), None);
    }
}
