//! English stemming (Snowball, via rust-stemmers).

use std::cell::RefCell;
use std::sync::LazyLock;

/// Slots of the per-thread stem cache (a power of two).
const STEM_CACHE_SLOTS: usize = 4096;
/// Longest word (in bytes) the cache holds; longer words are stemmed every time.
const STEM_CACHE_WORD: usize = 22;

/// One cache slot: a word and its stem stored inline (no pointer chasing; 4096 slots
/// take 192 KB).
#[derive(Clone, Copy)]
struct Slot {
    key_len: u8,
    val_len: u8,
    key: [u8; STEM_CACHE_WORD],
    val: [u8; STEM_CACHE_WORD],
}

const EMPTY_SLOT: Slot = Slot {
    key_len: u8::MAX,
    val_len: 0,
    key: [0; STEM_CACHE_WORD],
    val: [0; STEM_CACHE_WORD],
};

/// A direct-mapped cache from normal form to stem: each word has one slot (by hash) and
/// a colliding word simply replaces it. Unlike a hash map it cannot be slowed down by
/// crafted input (a collision costs one Snowball run, never a probe sequence), its
/// memory is fixed, and a lookup is one hash and one short compare.
struct StemCache {
    slots: Vec<Slot>,
}

impl StemCache {
    fn new() -> StemCache {
        StemCache {
            slots: vec![EMPTY_SLOT; STEM_CACHE_SLOTS],
        }
    }
}

/// FNV-1a over the bytes: good enough to spread words over the slots.
#[inline]
fn slot_of(word: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in word.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h ^ (h >> 29)) as usize & (STEM_CACHE_SLOTS - 1)
}

thread_local! {
    /// Normal form -> stem, for English (the only algorithm this crate uses).
    static STEM_CACHE: RefCell<StemCache> = RefCell::new(StemCache::new());
}

/// An English Snowball stemmer that can be shared between threads.
///
/// `rust_stemmers::Stemmer` holds only a function pointer, so it is `Send + Sync`; this
/// wrapper makes that a documented guarantee of our API (checked at compile time) and
/// returns owned strings.
pub struct Stemmer(rust_stemmers::Stemmer);

impl Default for Stemmer {
    fn default() -> Stemmer {
        Stemmer(rust_stemmers::Stemmer::create(
            rust_stemmers::Algorithm::English,
        ))
    }
}

impl std::fmt::Debug for Stemmer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmer(English)")
    }
}

impl Stemmer {
    /// The stem of a word that is already in normal form (see [`crate::normalize`]):
    /// the stemmer expects lower case.
    ///
    /// ```
    /// use stancemap_text::Stemmer;
    /// assert_eq!(Stemmer::default().stem_normalized("violations"), "violat");
    /// ```
    pub fn stem_normalized(&self, norm: &str) -> String {
        self.0.stem(norm).into_owned()
    }

    /// Like [`stem_normalized`](Stemmer::stem_normalized), through a per-thread cache:
    /// news text repeats its words, and a Snowball run costs far more than a lookup.
    pub(crate) fn stem_cached(&self, norm: &str) -> String {
        // The English algorithm leaves words of one or two letters alone.
        if norm.len() <= 2 {
            return norm.to_string();
        }
        if norm.len() > STEM_CACHE_WORD {
            return self.stem_normalized(norm);
        }
        STEM_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            let slot = &mut cache.slots[slot_of(norm)];
            let key = norm.as_bytes();
            if usize::from(slot.key_len) == key.len() && slot.key[..key.len()] == *key {
                // Only whole UTF-8 strings are ever stored, so this cannot fail.
                if let Ok(v) = std::str::from_utf8(&slot.val[..usize::from(slot.val_len)]) {
                    return v.to_string();
                }
            }
            let stem = self.stem_normalized(norm);
            if stem.len() <= STEM_CACHE_WORD {
                slot.key_len = key.len() as u8;
                slot.key[..key.len()].copy_from_slice(key);
                slot.val_len = stem.len() as u8;
                slot.val[..stem.len()].copy_from_slice(stem.as_bytes());
            }
            stem
        })
    }

    /// The stem of any word: normalised first (NFKC, quotes folded, lower case).
    pub fn stem(&self, word: &str) -> String {
        let norm = crate::normalize(word);
        self.stem_normalized(&norm)
    }
}

const _: () = {
    const fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Stemmer>();
};

static STEMMER: LazyLock<Stemmer> = LazyLock::new(Stemmer::default);

/// The English stem of `word`, after normalisation (`"Warplanes"` → `"warplan"`).
///
/// Uses one shared [`Stemmer`]; equal to [`Token::stem`](stancemap_core::Token::stem) for
/// word tokens.
///
/// ```
/// assert_eq!(stancemap_text::stem("Escalating"), "escal");
/// assert_eq!(stancemap_text::stem("Russia\u{2019}s"), "russia");
/// ```
pub fn stem(word: &str) -> String {
    STEMMER.stem(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_english_words() {
        let s = Stemmer::default();
        for (w, st) in [
            ("policies", "polici"),
            ("sanctions", "sanction"),
            ("shooting", "shoot"),
            ("downed", "down"),
            ("Intercepted", "intercept"),
        ] {
            assert_eq!(s.stem(w), st, "{w}");
        }
    }

    #[test]
    fn cached_stems_equal_direct_stems() {
        let s = Stemmer::default();
        for w in [
            "a",
            "of",
            "was",
            "policies",
            "policies",
            "n't",
            "'s",
            "u.s.",
            "case-by-case",
            "internationalisationalities",
            "zürich",
            "étatisation",
        ] {
            assert_eq!(s.stem_cached(w), s.stem_normalized(w), "{w}");
        }
        // Many words, so that slots collide and are replaced.
        let words: Vec<String> = (0..20_000).map(|i| format!("w{i}ations")).collect();
        for w in words.iter().chain(words.iter().rev()) {
            assert_eq!(s.stem_cached(w), s.stem_normalized(w), "{w}");
        }
    }

    #[test]
    fn stemmer_is_shareable_across_threads() {
        let s = std::sync::Arc::new(Stemmer::default());
        let t = {
            let s = s.clone();
            std::thread::spawn(move || s.stem("escalation"))
        };
        assert_eq!(t.join().expect("thread"), s.stem("escalation"));
    }
}
