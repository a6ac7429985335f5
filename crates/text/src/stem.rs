//! English stemming (Snowball, via rust-stemmers).

use std::cell::RefCell;
use std::sync::LazyLock;

/// Sets of the per-thread stem cache (a power of two).
const STEM_CACHE_SETS: usize = 1024;
/// Slots per set.
const STEM_CACHE_WAYS: usize = 8;
/// log2 of [`STEM_CACHE_SETS`].
const STEM_CACHE_BITS: u32 = STEM_CACHE_SETS.trailing_zeros();
/// Longest word (in bytes) the cache holds; longer words are stemmed every time.
const STEM_CACHE_WORD: usize = 22;

/// One cache slot: a word and its stem stored inline (no pointer chasing; 8192 slots
/// take 376 KB per thread).
#[derive(Clone, Copy)]
struct Slot {
    key_len: u8,
    /// Length of the stem; when `prefix`, the stem is `key[..val_len]` and `val` is unused.
    val_len: u8,
    prefix: bool,
    key: [u8; STEM_CACHE_WORD],
    val: [u8; STEM_CACHE_WORD],
}

const EMPTY_SLOT: Slot = Slot {
    key_len: u8::MAX,
    val_len: 0,
    prefix: false,
    key: [0; STEM_CACHE_WORD],
    val: [0; STEM_CACHE_WORD],
};

/// An eight-way set-associative cache from normal form to stem: each word has one set
/// (by hash) of eight slots, newest first, and a word that misses replaces the oldest.
/// Unlike a hash map it cannot be slowed down by crafted input (a collision costs one
/// Snowball run, never a probe sequence), its memory is fixed, and a lookup is one hash
/// and a few short compares (a set rarely holds more than three words of a document).
/// Several ways instead of one: direct-mapped, two frequent words of a text that share a
/// slot evict each other on every occurrence (a quarter of a news article's vocabulary
/// in 4 096 slots); with four ways, the corpus's 1 209 words still put five in two sets.
/// With eight, a set overflows only past ~8 000 distinct words in use.
pub(crate) struct StemCache {
    /// `STEM_CACHE_WAYS * STEM_CACHE_SETS` slots; set `i` is the `i`-th chunk of
    /// `STEM_CACHE_WAYS`.
    slots: Vec<Slot>,
}

impl StemCache {
    fn new() -> StemCache {
        StemCache {
            slots: vec![EMPTY_SLOT; STEM_CACHE_WAYS * STEM_CACHE_SETS],
        }
    }
}

/// Word-at-a-time multiplicative hash (FxHash-style) of a short key; the set is taken
/// from the high bits, where a multiplicative hash mixes best.
#[inline]
fn set_of(word: &[u8]) -> usize {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = word.len() as u64;
    let mut chunks = word.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut w = [0u8; 8];
        w[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    (h >> (64 - STEM_CACHE_BITS)) as usize
}

thread_local! {
    /// Normal form -> stem, for English (the only algorithm this crate uses).
    static STEM_CACHE: RefCell<StemCache> = RefCell::new(StemCache::new());
}

/// Runs `f` with this thread's stem cache, or with `None` if it is already borrowed (a
/// re-entrant call: never happens in this crate, but must not panic).
pub(crate) fn with_stem_cache<R>(f: impl FnOnce(Option<&mut StemCache>) -> R) -> R {
    STEM_CACHE.with(|cache| match cache.try_borrow_mut() {
        Ok(mut c) => f(Some(&mut c)),
        Err(_) => f(None),
    })
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
    #[cfg(test)]
    pub(crate) fn stem_cached(&self, norm: &str) -> String {
        with_stem_cache(|cache| self.stem_in(cache, norm))
    }

    /// The stem of `norm` (in normal form) through `cache` when there is one. The caller
    /// holds the per-thread cache for a whole document ([`with_stem_cache`]), so that a
    /// token costs no thread-local access.
    #[inline]
    pub(crate) fn stem_in(&self, cache: Option<&mut StemCache>, norm: &str) -> String {
        // The English algorithm leaves words of one or two letters alone.
        if norm.len() <= 2 {
            return norm.to_string();
        }
        let Some(cache) = cache.filter(|_| norm.len() <= STEM_CACHE_WORD) else {
            return self.stem_normalized(norm);
        };
        let key = norm.as_bytes();
        let set = STEM_CACHE_WAYS * set_of(key);
        let Some(ways) = cache.slots.get_mut(set..set + STEM_CACHE_WAYS) else {
            return self.stem_normalized(norm);
        };
        for slot in ways.iter() {
            if usize::from(slot.key_len) == key.len() && slot.key[..key.len()] == *key {
                let len = usize::from(slot.val_len);
                // Only whole UTF-8 strings (and char-boundary prefixes) are ever stored,
                // so neither lookup fails.
                let stem = if slot.prefix {
                    norm.get(..len)
                } else {
                    std::str::from_utf8(&slot.val[..len]).ok()
                };
                if let Some(stem) = stem {
                    return stem.to_string();
                }
            }
        }
        let stem = self.stem_normalized(norm);
        if stem.len() <= STEM_CACHE_WORD {
            // The oldest way goes; the new word goes first (first in, first out: moving
            // every hit to the front cost more than the misses it saved).
            ways.rotate_right(1);
            let slot = &mut ways[0];
            slot.key_len = key.len() as u8;
            slot.key[..key.len()].copy_from_slice(key);
            slot.val_len = stem.len() as u8;
            slot.prefix = norm.as_bytes().starts_with(stem.as_bytes());
            if !slot.prefix {
                slot.val[..stem.len()].copy_from_slice(stem.as_bytes());
            }
        }
        stem
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
        // Stems that are a prefix of the word and stems that are not ("happy" -> "happi").
        let words: Vec<String> = (0..20_000)
            .map(|i| {
                if i % 2 == 0 {
                    format!("w{i}ations")
                } else {
                    format!("h{i}appy")
                }
            })
            .collect();
        assert_ne!(s.stem_normalized("h1appy"), "h1appy");
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
