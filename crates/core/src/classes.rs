//! Shared English word classes (`data/english.toml`): auxiliaries, modals, subject
//! pronouns, prepositions, weekdays, months, honorifics and words that are never a name.
//!
//! One data file serves every stage. The text stage looks each distinct word of a
//! document up once ([`WordClasses::classify`]) and stores the bits in
//! [`Document::word_classes`](crate::Document::word_classes); a later stage asks
//! [`Document::classes`](crate::Document::classes) (by [`WordId`]) or
//! [`Document::token_classes`](crate::Document::token_classes) (by token) — one indexed
//! read, no hashing. A stage that reads text before there are tokens (the turn finder)
//! asks [`WordClasses::of`] with the word itself.
//!
//! ```
//! use stancemap_core::{WordClass, WordClasses};
//! let classes = WordClasses::embedded();
//! assert!(classes.of("would").contains(WordClass::MODAL));
//! assert!(classes.of("march").intersects(WordClass::DATE));
//! assert_eq!(classes.of("drone"), WordClass::NONE);
//! ```

use crate::data;
use crate::hash::FxHashMap;
use crate::{Error, WordTable};
use serde::Deserialize;
use std::sync::{Arc, LazyLock};
use toml::Spanned;

/// A set of word classes: one bit per class of `data/english.toml`.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct WordClass(u16);

impl WordClass {
    /// No class.
    pub const NONE: WordClass = WordClass(0);
    /// A day of the week (`weekdays`).
    pub const WEEKDAY: WordClass = WordClass(1);
    /// A month (`months`).
    pub const MONTH: WordClass = WordClass(1 << 1);
    /// A modal auxiliary (`modals`: "will", "would", "can" …).
    pub const MODAL: WordClass = WordClass(1 << 2);
    /// A finite form of "be", "have" or "do" (`auxiliaries`: "is", "has", "did" …).
    pub const AUXILIARY: WordClass = WordClass(1 << 3);
    /// A subject pronoun (`subject_pronouns`: "i", "we", "he" …).
    pub const SUBJECT_PRONOUN: WordClass = WordClass(1 << 4);
    /// A preposition that governs the noun phrase after it (`prepositions`).
    pub const PREPOSITION: WordClass = WordClass(1 << 5);
    /// An honorific or academic title before a name (`honorifics`: "dr", "dr.", "sir" …).
    pub const HONORIFIC: WordClass = WordClass(1 << 6);
    /// A capitalised word that never starts or makes up a person's name (`not_name`).
    pub const NOT_NAME: WordClass = WordClass(1 << 7);
    /// A day or a month: [`WordClass::WEEKDAY`] | [`WordClass::MONTH`].
    pub const DATE: WordClass = WordClass(Self::WEEKDAY.0 | Self::MONTH.0);

    /// Every class with the key of its list in `data/english.toml`.
    pub const ALL: [(WordClass, &'static str); 8] = [
        (WordClass::WEEKDAY, "weekdays"),
        (WordClass::MONTH, "months"),
        (WordClass::MODAL, "modals"),
        (WordClass::AUXILIARY, "auxiliaries"),
        (WordClass::SUBJECT_PRONOUN, "subject_pronouns"),
        (WordClass::PREPOSITION, "prepositions"),
        (WordClass::HONORIFIC, "honorifics"),
        (WordClass::NOT_NAME, "not_name"),
    ];

    /// Whether every class of `other` is in `self`.
    #[inline]
    pub fn contains(self, other: WordClass) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether `self` and `other` share a class (`is.intersects(MODAL | AUXILIARY)`: the
    /// word is a modal or an auxiliary).
    #[inline]
    pub fn intersects(self, other: WordClass) -> bool {
        self.0 & other.0 != 0
    }

    /// Whether no class is set.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl std::ops::BitOr for WordClass {
    type Output = WordClass;
    #[inline]
    fn bitor(self, rhs: WordClass) -> WordClass {
        WordClass(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for WordClass {
    #[inline]
    fn bitor_assign(&mut self, rhs: WordClass) {
        self.0 |= rhs.0;
    }
}

impl std::fmt::Debug for WordClass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = WordClass::ALL
            .iter()
            .filter(|(c, _)| self.contains(*c))
            .map(|(_, n)| *n)
            .collect();
        write!(f, "WordClass({})", names.join(" | "))
    }
}

/// The lists of `data/english.toml` (every key required; see the comments there).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    weekdays: Vec<Spanned<String>>,
    months: Vec<Spanned<String>>,
    modals: Vec<Spanned<String>>,
    auxiliaries: Vec<Spanned<String>>,
    subject_pronouns: Vec<Spanned<String>>,
    prepositions: Vec<Spanned<String>>,
    honorifics: Vec<Spanned<String>>,
    not_name: Vec<Spanned<String>>,
}

impl Raw {
    /// Each list with its class, in the order of [`WordClass::ALL`].
    fn lists(&self) -> [(&[Spanned<String>], WordClass); 8] {
        [
            (&self.weekdays, WordClass::WEEKDAY),
            (&self.months, WordClass::MONTH),
            (&self.modals, WordClass::MODAL),
            (&self.auxiliaries, WordClass::AUXILIARY),
            (&self.subject_pronouns, WordClass::SUBJECT_PRONOUN),
            (&self.prepositions, WordClass::PREPOSITION),
            (&self.honorifics, WordClass::HONORIFIC),
            (&self.not_name, WordClass::NOT_NAME),
        ]
    }
}

/// The shared English word classes: each listed word with the classes it belongs to.
#[derive(Clone, Default)]
pub struct WordClasses {
    by_word: FxHashMap<Box<str>, WordClass>,
}

impl std::fmt::Debug for WordClasses {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordClasses")
            .field("words", &self.by_word.len())
            .finish()
    }
}

/// The embedded file: name and text.
const EMBEDDED: (&str, &str) = ("english.toml", include_str!("../data/english.toml"));

static EMBEDDED_CLASSES: LazyLock<Arc<WordClasses>> = LazyLock::new(|| {
    let (file, text) = EMBEDDED;
    // A unit test parses the embedded file: this cannot fail in a release.
    Arc::new(WordClasses::parse(file, text).unwrap_or_else(|e| panic!("embedded {file}: {e}")))
});

impl WordClasses {
    /// The embedded classes (`crates/core/data/english.toml`), parsed once per process.
    pub fn embedded() -> Arc<WordClasses> {
        Arc::clone(&EMBEDDED_CLASSES)
    }

    /// Parses a class file: TOML with every key of `data/english.toml`, each a list of
    /// non-empty lower-case words.
    ///
    /// # Errors
    /// [`ErrorKind::Data`](crate::ErrorKind::Data) naming `file`, line and column: bad
    /// TOML, a missing or unknown key, a word that is empty or not in lower case.
    pub fn parse(file: &str, text: &str) -> Result<WordClasses, Error> {
        let raw: Raw = data::parse_toml(file, text)?;
        let mut by_word: FxHashMap<Box<str>, WordClass> = FxHashMap::default();
        for (list, class) in raw.lists() {
            for w in list {
                let s = w.get_ref();
                if s.is_empty() || s.chars().any(char::is_uppercase) {
                    return Err(data::error(
                        file,
                        text,
                        Some(w.span()),
                        format!("word {s:?}: write it in lower case, non-empty"),
                    ));
                }
                *by_word.entry(s.as_str().into()).or_default() |= class;
            }
        }
        Ok(WordClasses { by_word })
    }

    /// Reads a class file (the format of the embedded `data/english.toml`).
    ///
    /// # Errors
    /// An I/O error naming the path, or as [`WordClasses::parse`].
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<WordClasses, Error> {
        let path = path.as_ref();
        WordClasses::parse(&path.display().to_string(), &data::read(path)?)
    }

    /// The classes of `word` (a normal form: lower case), [`WordClass::NONE`] when it is
    /// in no list.
    #[inline]
    pub fn of(&self, word: &str) -> WordClass {
        self.by_word.get(word).copied().unwrap_or_default()
    }

    /// The words of any of the classes of `class`, in no particular order.
    pub fn words(&self, class: WordClass) -> impl Iterator<Item = &str> {
        self.by_word
            .iter()
            .filter(move |(_, c)| c.intersects(class))
            .map(|(w, _)| &**w)
    }

    /// The classes of every word of `words`, indexed by [`WordId::index`](crate::WordId::index):
    /// what the text stage stores in [`Document::word_classes`](crate::Document::word_classes).
    pub fn classify(&self, words: &WordTable) -> Vec<WordClass> {
        words.iter().map(|w| self.of(w)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_file_parses_with_every_class() {
        let (file, text) = EMBEDDED;
        let c = WordClasses::parse(file, text).unwrap();
        for (class, key) in WordClass::ALL {
            assert!(c.words(class).next().is_some(), "{key} is empty");
            assert!(text.contains(&format!("\n{key} = [")), "{key} is not a key");
        }
        assert_eq!(c.of("monday"), WordClass::WEEKDAY | WordClass::NOT_NAME);
        assert_eq!(c.of("may"), WordClass::MONTH | WordClass::MODAL);
        assert!(c.of("dr.").contains(WordClass::HONORIFIC));
        assert!(c.of("against").contains(WordClass::PREPOSITION));
        assert!(
            c.of("they")
                .contains(WordClass::SUBJECT_PRONOUN | WordClass::NOT_NAME)
        );
        assert!(c.of("did").contains(WordClass::AUXILIARY));
        assert_eq!(
            c.of("Monday"),
            WordClass::NONE,
            "words are looked up as normalised"
        );
        assert_eq!(c.of(""), WordClass::NONE);
    }

    #[test]
    fn bits_combine() {
        let c = WordClass::MONTH | WordClass::MODAL;
        assert!(c.contains(WordClass::MONTH));
        assert!(!c.contains(WordClass::DATE));
        assert!(c.intersects(WordClass::DATE));
        assert!(!c.intersects(WordClass::HONORIFIC));
        assert!(WordClass::NONE.is_empty() && !c.is_empty());
        assert_eq!(format!("{c:?}"), "WordClass(months | modals)");
        let mut d = WordClass::NONE;
        d |= WordClass::WEEKDAY;
        assert_eq!(d | WordClass::MONTH, WordClass::DATE);
    }

    #[test]
    fn errors_name_the_place() {
        let (_, good) = EMBEDDED;
        // An upper-case word, at its line and column.
        let bad = good.replacen("\"march\",", "\"March\",", 1);
        let at = bad.find("\"March\"").unwrap();
        let line = bad[..at].matches('\n').count() + 1;
        let e = WordClasses::parse("e.toml", &bad).unwrap_err().to_string();
        assert!(e.starts_with(&format!("e.toml:{line}:")), "{e}");
        assert!(e.contains("lower case"), "{e}");
        // A missing key and an unknown one.
        let e = WordClasses::parse("e.toml", "weekdays = []\n").unwrap_err();
        assert!(e.to_string().contains("missing field"), "{e}");
        let e = WordClasses::parse("e.toml", &format!("{good}\nnouns = []\n")).unwrap_err();
        assert!(e.to_string().contains("unknown field `nouns`"), "{e}");
        // Syntax.
        let e = WordClasses::parse("e.toml", "[months\n").unwrap_err();
        assert!(e.to_string().starts_with("e.toml:1:"), "{e}");
    }

    #[test]
    fn a_file_is_read_and_a_missing_one_named() {
        let e = WordClasses::from_path("/nonexistent/english.toml").unwrap_err();
        assert!(e.to_string().contains("/nonexistent/english.toml"), "{e}");
    }

    #[test]
    fn a_table_is_classified_by_id() {
        let mut t = WordTable::default();
        let ids = [t.intern("would"), t.intern("drone"), t.intern("june")];
        let c = WordClasses::embedded().classify(&t);
        assert_eq!(c.len(), t.len());
        assert_eq!(c[ids[0].index()], WordClass::MODAL | WordClass::NOT_NAME);
        assert_eq!(c[ids[1].index()], WordClass::NONE);
        assert_eq!(c[ids[2].index()], WordClass::MONTH);
    }
}
