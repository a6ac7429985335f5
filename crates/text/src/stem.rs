//! English stemming (Snowball, via rust-stemmers).

use std::sync::LazyLock;

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
    fn stemmer_is_shareable_across_threads() {
        let s = std::sync::Arc::new(Stemmer::default());
        let t = {
            let s = s.clone();
            std::thread::spawn(move || s.stem("escalation"))
        };
        assert_eq!(t.join().expect("thread"), s.stem("escalation"));
    }
}
