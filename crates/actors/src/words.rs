//! The word classes of the finder's constructions (`data/words.toml`): data, not code.

use crate::registry::data_error;
use serde::Deserialize;
use stancemap_core::Error;
use std::sync::LazyLock;
use toml::Spanned;

/// The embedded word lists.
pub(crate) const WORDS_FILE: (&str, &str) = ("words.toml", include_str!("../data/words.toml"));

/// Longest listed word, in bytes (the finder packs a word into two `u64`s).
pub(crate) const WORD_MAX: usize = 16;

/// The lists of `words.toml` (see the comments there). The shared classes the finder
/// reads besides (`not_name`, `honorifics`, `weekdays`, `months`) are those of
/// `stancemap_core::WordClasses`, read per token from the document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct WordLists {
    pub particles: Vec<Spanned<String>>,
    pub place_heads: Vec<Spanned<String>>,
    pub government: Vec<Spanned<String>>,
    pub role_nouns: Vec<Spanned<String>>,
    pub speech: Vec<Spanned<String>>,
    pub org_heads: Vec<Spanned<String>>,
    pub quantifiers: Vec<Spanned<String>>,
    pub media_nouns: Vec<Spanned<String>>,
    pub qualifiers: Vec<Spanned<String>>,
    pub group_modifiers: Vec<Spanned<String>>,
    pub surname_words: Vec<Spanned<String>>,
}

impl WordLists {
    /// Parses a word file: TOML, every word non-empty, lower case, at most [`WORD_MAX`]
    /// bytes. Errors name the file, line and column.
    pub(crate) fn parse(file: &str, text: &str) -> Result<WordLists, Error> {
        let lists: WordLists = stancemap_core::data::parse_toml(file, text)?;
        for w in lists.all() {
            let s = w.get_ref();
            let bad = if s.is_empty() || s.len() > WORD_MAX {
                Some(format!("word {s:?}: 1 to {WORD_MAX} bytes"))
            } else if s.chars().any(char::is_uppercase) {
                Some(format!("word {s:?}: write it in lower case"))
            } else {
                None
            };
            if let Some(msg) = bad {
                return Err(data_error(file, text, Some(w.span()), msg));
            }
        }
        Ok(lists)
    }

    fn all(&self) -> impl Iterator<Item = &Spanned<String>> {
        [
            &self.particles,
            &self.place_heads,
            &self.government,
            &self.role_nouns,
            &self.speech,
            &self.org_heads,
            &self.quantifiers,
            &self.media_nouns,
            &self.qualifiers,
            &self.group_modifiers,
            &self.surname_words,
        ]
        .into_iter()
        .flatten()
    }
}

/// The words of a list as `&str`.
pub(crate) fn words(list: &[Spanned<String>]) -> impl Iterator<Item = &str> {
    list.iter().map(|w| w.get_ref().as_str())
}

/// The embedded lists (a unit test checks that they parse).
pub(crate) static WORD_LISTS: LazyLock<WordLists> = LazyLock::new(|| {
    let (file, text) = WORDS_FILE;
    WordLists::parse(file, text).unwrap_or_else(|e| panic!("embedded {file}: {e}"))
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_words_parse() {
        let (file, text) = WORDS_FILE;
        let w = WordLists::parse(file, text).unwrap();
        assert!(words(&WORD_LISTS.speech).any(|x| x == "said"));
        assert!(!w.place_heads.is_empty());
    }

    #[test]
    fn errors_name_line_and_column() {
        let (_, good) = WORDS_FILE;
        let at = good.find("\"von\",").unwrap();
        let line = good[..at].matches('\n').count() + 1;
        let text = good.replacen("\"von\",", "\"Von\",", 1);
        let e = WordLists::parse("w.toml", &text).unwrap_err().to_string();
        assert!(e.contains("w.toml"), "{e}");
        assert!(e.contains(&line.to_string()), "{e}");
    }
}
