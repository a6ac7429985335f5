//! Per-token features: the word lists of `data/words.toml` and the shared word classes
//! of the document (`stancemap_core::WordClass`) as bits, and the word table.

use crate::words::{WORD_LISTS, WORD_MAX, WordLists, words};
use stancemap_core::WordClass;
use stancemap_core::text::normalize_name;
use std::sync::{Arc, LazyLock};

// Per-token features, computed once per document (bits of a `u32`): the word lists of
// data/words.toml
// are tested for most tokens several times over, and a linear scan of a list or a
// `format!` per test cost more than the rest of the stage.
/// [`is_cap`] of the token as written.
pub(super) const F_CAP: u32 = 1;
/// Every char of the token upper case, and more than one byte ("EU", "NATO").
pub(super) const F_UPPER: u32 = 1 << 1;
/// Normal form in the shared class `not_name` (core `WordClass::NOT_NAME`).
pub(super) const F_NOT_NAME: u32 = 1 << 2;
/// The token as written in `particles` (data/words.toml).
pub(super) const F_PARTICLE: u32 = 1 << 3;
/// Normal form in `place_heads` (data/words.toml).
pub(super) const F_PLACE_HEAD: u32 = 1 << 4;
/// Normal form in `government` (data/words.toml).
pub(super) const F_GOVERNMENT: u32 = 1 << 5;
/// Normal form in the shared class `honorifics` (core `WordClass::HONORIFIC`; it lists
/// each abbreviation with and without its period).
pub(super) const F_HONORIFIC: u32 = 1 << 6;
/// Normal form in `role_nouns` (data/words.toml).
pub(super) const F_ROLE_NOUN: u32 = 1 << 7;
/// Normal form in `speech` (data/words.toml).
pub(super) const F_SPEECH: u32 = 1 << 8;
/// Normal form in `org_heads` (data/words.toml).
pub(super) const F_ORG_HEAD: u32 = 1 << 9;
/// Normal form in `quantifiers` (data/words.toml).
pub(super) const F_QUANTIFIER: u32 = 1 << 10;
/// Normal form "the".
pub(super) const F_THE: u32 = 1 << 11;
/// Normal form in [`DETERMINERS`].
pub(super) const F_DET: u32 = 1 << 12;
/// Normal form in [`HE_SHE`].
pub(super) const F_HE_SHE: u32 = 1 << 13;
/// Normal form in `media_nouns`.
pub(super) const F_MEDIA: u32 = 1 << 14;
/// Normal form in `qualifiers`.
pub(super) const F_QUALIFIER: u32 = 1 << 15;
/// Normal form in `group_modifiers`.
pub(super) const F_GROUP_MOD: u32 = 1 << 16;
/// Normal form in `surname_words`.
pub(super) const F_SURNAME_WORD: u32 = 1 << 17;
/// Normal form a day or a month (core `WordClass::DATE`).
pub(super) const F_DATE: u32 = 1 << 18;

/// Articles that open a role reference ("the NATO chief", "a NATO spokesperson").
const DETERMINERS: &[&str] = &["the", "a", "an"];
/// Pronouns resolved to the last subject.
const HE_SHE: &[&str] = &["he", "she"];

/// Every listed word with the features it carries: an open-addressing table of words
/// packed into two `u64`s, so that a lookup is one multiply and one or two compares of
/// integers (no hashing of a `str`, no `memcmp` call). The table is filled once from the
/// fixed lists and kept at most a quarter full, so any lookup, whatever the text, ends
/// after a short probe run.
pub(crate) struct Words {
    /// `(first 8 bytes, next 8 bytes, length, features)`; length 0 marks an empty slot.
    slots: Vec<(u64, u64, u8, u32)>,
    /// log2 of `slots.len()`.
    bits: u32,
}

/// A word of at most [`WORD_MAX`] bytes as two little-endian integers (zero padded).
#[inline]
fn pack(word: &[u8]) -> Option<(u64, u64)> {
    if word.is_empty() || word.len() > WORD_MAX {
        return None;
    }
    let mut buf = [0u8; WORD_MAX];
    buf[..word.len()].copy_from_slice(word);
    let (mut lo, mut hi) = ([0u8; 8], [0u8; 8]);
    lo.copy_from_slice(&buf[..8]);
    hi.copy_from_slice(&buf[8..]);
    Some((u64::from_le_bytes(lo), u64::from_le_bytes(hi)))
}

impl Words {
    #[inline]
    fn slot(&self, lo: u64, hi: u64, len: usize) -> usize {
        let h = (lo ^ hi.rotate_left(29) ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> (64 - self.bits)) as usize
    }

    fn new(words: &[(&str, u32)]) -> Words {
        let mut bits = 4;
        while (1usize << bits) < 4 * words.len() {
            bits += 1;
        }
        let mut table = Words {
            slots: vec![(0, 0, 0, 0); 1 << bits],
            bits,
        };
        let mask = table.slots.len() - 1;
        for &(w, f) in words {
            let Some((lo, hi)) = pack(w.as_bytes()) else {
                continue;
            };
            let mut i = table.slot(lo, hi, w.len());
            loop {
                let s = &mut table.slots[i];
                if s.2 == 0 {
                    *s = (lo, hi, w.len() as u8, f);
                    break;
                }
                if (s.0, s.1, usize::from(s.2)) == (lo, hi, w.len()) {
                    s.3 |= f;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        table
    }

    #[inline]
    pub(super) fn get(&self, word: &[u8]) -> u32 {
        let Some((lo, hi)) = pack(word) else {
            return 0;
        };
        let mask = self.slots.len() - 1;
        let mut i = self.slot(lo, hi, word.len());
        // The table is at most a quarter full: an empty slot always ends the run.
        for _ in 0..self.slots.len() {
            let s = &self.slots[i];
            if s.2 == 0 {
                return 0;
            }
            if s.0 == lo && s.1 == hi && usize::from(s.2) == word.len() {
                return s.3;
            }
            i = (i + 1) & mask;
        }
        0
    }
}

/// Every listed word of `l` with its features (the embedded lists are `data/words.toml`).
fn listed_words(l: &WordLists) -> Vec<(&str, u32)> {
    let lists: [(&[toml::Spanned<String>], u32); 11] = [
        (&l.particles, F_PARTICLE),
        (&l.place_heads, F_PLACE_HEAD),
        (&l.government, F_GOVERNMENT),
        (&l.role_nouns, F_ROLE_NOUN),
        (&l.speech, F_SPEECH),
        (&l.org_heads, F_ORG_HEAD),
        (&l.quantifiers, F_QUANTIFIER),
        (&l.media_nouns, F_MEDIA),
        (&l.qualifiers, F_QUALIFIER),
        (&l.group_modifiers, F_GROUP_MOD),
        (&l.surname_words, F_SURNAME_WORD),
    ];
    lists
        .iter()
        .flat_map(|&(list, bit)| words(list).map(move |w| (w, bit)))
        .chain([("the", F_THE)])
        .chain(DETERMINERS.iter().map(|&w| (w, F_DET)))
        .chain(HE_SHE.iter().map(|&w| (w, F_HE_SHE)))
        .collect()
}

/// The features of a word's shared classes (as the text stage found them).
#[inline]
pub(super) fn class_features(c: WordClass) -> u32 {
    let mut f = 0;
    if c.intersects(WordClass::NOT_NAME) {
        f |= F_NOT_NAME;
    }
    if c.intersects(WordClass::HONORIFIC) {
        f |= F_HONORIFIC;
    }
    if c.intersects(WordClass::DATE) {
        f |= F_DATE;
    }
    f
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.slots.iter().filter(|s| s.2 != 0).count();
        f.debug_struct("Words").field("words", &n).finish()
    }
}

impl Words {
    /// The table of a set of word lists.
    pub(crate) fn of(lists: &WordLists) -> Words {
        Words::new(&listed_words(lists))
    }
}

/// The table of the embedded word lists, built once.
pub(crate) static EMBEDDED_WORDS: LazyLock<Arc<Words>> =
    LazyLock::new(|| Arc::new(Words::of(&WORD_LISTS)));

/// The features of a token: `surface` as written, `norm` its normal form and `on_norm`
/// the word classes of the norm (`table.get(norm)` and the [`class_features`] of its
/// shared classes, looked up once per distinct word).
pub(super) fn features_of(table: &Words, surface: &str, norm: &str, on_norm: u32) -> u32 {
    let word_bits = |w: &str| table.get(w.as_bytes());
    // Particles are matched as written ("van", not "Van"); all are lower case.
    let on_surface = if surface == norm {
        on_norm
    } else if surface
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_lowercase)
    {
        word_bits(surface)
    } else {
        0
    };
    (on_norm & !F_PARTICLE) | (on_surface & F_PARTICLE) | case_features(surface)
}

/// [`F_CAP`] and [`F_UPPER`] of a token as written.
fn case_features(s: &str) -> u32 {
    if s.is_ascii() {
        let b = s.as_bytes();
        if !b.first().is_some_and(u8::is_ascii_uppercase) {
            return 0;
        }
        let mut letters = 0usize;
        let mut lower = false;
        let mut all_upper = true;
        for c in b {
            letters += usize::from(c.is_ascii_alphabetic());
            lower |= c.is_ascii_lowercase();
            all_upper &= c.is_ascii_uppercase();
        }
        // all-caps words of 2+ letters are acronyms, not names ("NATO", "BIG")
        let cap = letters < 2 || lower;
        let upper = all_upper && b.len() > 1;
        return if cap { F_CAP } else { 0 } | if upper { F_UPPER } else { 0 };
    }
    let mut f = 0;
    if is_cap(s) {
        f |= F_CAP;
    }
    if s.len() > 1 && s.chars().all(char::is_uppercase) {
        f |= F_UPPER;
    }
    f
}

pub(super) fn is_cap(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => {
            // all-caps words of 2+ letters are acronyms, not names ("NATO", "BIG")
            !(s.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && s.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase()))
        }
        _ => false,
    }
}

/// `normalize_name(word) == norm`, without allocating when `word` is ASCII without white
/// space (a token): its normal form is then its bytes lower-cased, backticks as
/// apostrophes (no white space to collapse, no leading "the " to drop).
pub(super) fn normalizes_to(word: &str, norm: &str) -> bool {
    let w = word.as_bytes();
    if word.is_ascii()
        && !w
            .iter()
            .any(|b| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '))
    {
        return w.len() == norm.len()
            && w.iter().zip(norm.as_bytes()).all(|(&a, &b)| {
                b == if a == b'`' {
                    b'\''
                } else {
                    a.to_ascii_lowercase()
                }
            });
    }
    normalize_name(word) == norm
}

#[cfg(test)]
mod feature_tests {
    use super::*;
    use stancemap_core::WordClasses;

    /// Words to test the features on: every listed word in several spellings, and others.
    fn samples() -> Vec<String> {
        let l = &*WORD_LISTS;
        let shared = WordClasses::embedded();
        let lists: Vec<Vec<&str>> = [
            &l.particles,
            &l.place_heads,
            &l.government,
            &l.role_nouns,
            &l.speech,
            &l.org_heads,
            &l.quantifiers,
            &l.media_nouns,
            &l.qualifiers,
            &l.group_modifiers,
            &l.surname_words,
        ]
        .into_iter()
        .map(|x| words(x).collect())
        .chain([DETERMINERS.to_vec(), HE_SHE.to_vec()])
        .chain([shared
            .words(WordClass::NOT_NAME | WordClass::HONORIFIC | WordClass::DATE)
            .collect()])
        .collect();
        let mut out: Vec<String> = Vec::new();
        for w in lists.iter().flat_map(|l| l.iter()) {
            let mut cap = w.to_string();
            cap[..1].make_ascii_uppercase();
            for v in [
                w.to_string(),
                cap,
                w.to_uppercase(),
                format!("{w}."),
                w.trim_end_matches('.').to_string(),
                format!("{w}s"),
                w[1..].to_string(),
            ] {
                out.push(v);
            }
        }
        for w in [
            "", "A", "I", "EU", "NATO", "Nato", "U.S.", "McDonald", "O'Neill", "X-Ray", "DE",
            "Van", "VAN", "Ölafur", "ÖL", "Éric", "ÉCOLE", "ß", "İ", "Ǆ", "ǅ", "ǆ", "1990", "3rd",
            ",", "\u{201C}", "-", "Dr.", "DR", "Prof", "Zoë", "ZOË", "Ḁb", "É", "Ab1", "AB1", "A1",
        ] {
            out.push(w.to_string());
        }
        out
    }

    #[test]
    fn normalizes_to_equals_normalize_name() {
        let words = [
            "Brandt",
            "BRANDT",
            "brandt",
            "O`Neill",
            "O'Neill",
            "the",
            "The",
            "Pål",
            "Virtanen",
            "Virtanens",
            "",
            "a b",
            "The Brandt",
            "de\tVries",
            "Zoë",
            "ZOË",
            "x\u{301}",
            "Łukasz",
            "McDonald",
            "3rd",
        ];
        let norms: Vec<String> = words.iter().map(|w| normalize_name(w)).collect();
        for w in words {
            for n in norms.iter().chain([&"brandt".to_string(), &String::new()]) {
                assert_eq!(
                    normalizes_to(w, n),
                    normalize_name(w) == *n,
                    "{w:?} / {n:?}"
                );
            }
        }
    }

    #[test]
    fn listed_words_fit_the_table() {
        for (w, _) in listed_words(&WORD_LISTS) {
            assert!(!w.is_empty() && w.len() <= WORD_MAX, "{w:?}");
        }
    }

    #[test]
    fn features_equal_the_list_tests() {
        let shared = WordClasses::embedded();
        let in_class = |c: WordClass, x: &str| shared.words(c).any(|w| w == x);
        for surface in samples() {
            // Normal forms as the text stage writes them, and a few inconsistent ones.
            for norm in [surface.to_lowercase(), surface.clone(), "the".to_string()] {
                let f = features_of(
                    &EMBEDDED_WORDS,
                    &surface,
                    &norm,
                    EMBEDDED_WORDS.get(norm.as_bytes()) | class_features(shared.of(&norm)),
                );
                let n = norm.as_str();
                let l = &*WORD_LISTS;
                let has =
                    |list: &'static [toml::Spanned<String>], x: &str| words(list).any(|w| w == x);
                let expect = [
                    (F_CAP, is_cap(&surface)),
                    (
                        F_UPPER,
                        surface.chars().all(|c| c.is_uppercase()) && surface.len() > 1,
                    ),
                    (F_NOT_NAME, in_class(WordClass::NOT_NAME, n)),
                    (F_PARTICLE, has(&l.particles, &surface)),
                    (F_PLACE_HEAD, has(&l.place_heads, n)),
                    (F_GOVERNMENT, has(&l.government, n)),
                    (F_HONORIFIC, in_class(WordClass::HONORIFIC, n)),
                    (F_ROLE_NOUN, has(&l.role_nouns, n)),
                    (F_SPEECH, has(&l.speech, n)),
                    (F_ORG_HEAD, has(&l.org_heads, n)),
                    (F_QUANTIFIER, has(&l.quantifiers, n)),
                    (F_MEDIA, has(&l.media_nouns, n)),
                    (F_QUALIFIER, has(&l.qualifiers, n)),
                    (F_GROUP_MOD, has(&l.group_modifiers, n)),
                    (F_SURNAME_WORD, has(&l.surname_words, n)),
                    (
                        F_DATE,
                        in_class(WordClass::WEEKDAY, n) || in_class(WordClass::MONTH, n),
                    ),
                    (F_THE, n == "the"),
                    (F_DET, matches!(n, "the" | "a" | "an")),
                    (F_HE_SHE, matches!(n, "he" | "she")),
                ];
                for (bit, want) in expect {
                    assert_eq!(f & bit != 0, want, "{surface:?} / {norm:?}: bit {bit:#x}");
                }
            }
        }
    }
}
