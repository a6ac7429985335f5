//! The word classes of attribution (`data/words.toml`): data, not code.

use serde::{Deserialize, Deserializer};
use stancemap_core::hash::FxHashSet;
use std::sync::{Arc, LazyLock};

/// A set of lower-case words (filled from data, queried with document words: FxHash,
/// see `stancemap_core::hash`).
#[derive(Debug, Default)]
pub(crate) struct WordSet(FxHashSet<Box<str>>);

impl WordSet {
    /// Whether `word` (lower case) is in the set.
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }

    /// The words, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|w| &**w)
    }
}

impl<'de> Deserialize<'de> for WordSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<WordSet, D::Error> {
        let words = Vec::<String>::deserialize(d)?;
        if let Some(w) = words
            .iter()
            .find(|w| w.is_empty() || w.chars().any(char::is_uppercase))
        {
            return Err(serde::de::Error::custom(format!(
                "word {w:?}: write it in lower case, non-empty"
            )));
        }
        Ok(WordSet(
            words.into_iter().map(String::into_boxed_str).collect(),
        ))
    }
}

/// Every word class of `data/words.toml`; each field's comment is in the file. The shared
/// English classes (`stancemap_core::WordClass`) are read per token through
/// `Ctx::is`; a list here that says "besides <class>" holds only the words its rule
/// adds to that class.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Words {
    pub author_genres: WordSet,
    pub between: WordSet,
    pub catenative: WordSet,
    pub relay: WordSet,
    pub position_nouns: WordSet,
    pub not_role: WordSet,
    pub clause_words: WordSet,
    pub shares: WordSet,
    pub subordinators: WordSet,
    pub government_roles: WordSet,
    pub spokes: WordSet,
    pub be: WordSet,
    pub irregular_participles: WordSet,
    pub hypothetical: WordSet,
    pub prepositions: WordSet,
    pub statement_nouns: WordSet,
    pub agent_lead: WordSet,
    pub np_openers: WordSet,
    pub ly_not_adverb: WordSet,
    pub press_nouns: WordSet,
    pub voice_nouns: WordSet,
    pub answer_nouns: WordSet,
    pub message_nouns: WordSet,
    pub after_speaker: WordSet,
    pub after_verb: WordSet,
}

impl Words {
    /// Reads a word-class file of the keys of `data/words.toml`.
    pub(crate) fn from_path(path: &std::path::Path) -> Result<Words, stancemap_core::Error> {
        let text = stancemap_core::data::read(path)?;
        stancemap_core::data::parse_toml(&path.display().to_string(), &text)
    }
}

/// The embedded word classes, parsed once.
pub(crate) static WORDS: LazyLock<Arc<Words>> = LazyLock::new(|| {
    Arc::new(
        stancemap_core::data::parse_toml("words.toml", include_str!("../data/words.toml"))
            .expect("the embedded attribution word classes are valid"),
    )
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_classes_parse() {
        assert!(WORDS.relay.contains("officials"));
        assert!(WORDS.be.contains("was"));
        assert!(!WORDS.hypothetical.contains("said"));
    }

    #[test]
    fn an_upper_case_word_is_refused_with_its_place() {
        let e = stancemap_core::data::parse_toml::<WordSet>("w.toml", "x = 1").unwrap_err();
        assert!(e.to_string().starts_with("w.toml:"), "{e}");
        #[derive(Deserialize, Debug)]
        #[allow(dead_code)]
        struct One {
            be: WordSet,
        }
        let e = stancemap_core::data::parse_toml::<One>("w.toml", "be = [\"Was\"]").unwrap_err();
        assert!(
            e.to_string().starts_with("w.toml:1:") && e.to_string().contains("lower case"),
            "{e}"
        );
    }
}
