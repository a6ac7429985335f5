//! The abbreviation lexicon: which words take a period that does not end a sentence,
//! and which capitalised words commonly start one.

use serde::Deserialize;
use stancemap_core::Error;
use stancemap_core::hash::FxBuildHasher as FxBuild;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The embedded default lexicon.
const DEFAULT_TOML: &str = include_str!("../data/abbreviations.toml");
/// The name errors in the embedded lexicon are reported under.
const DEFAULT_PATH: &str = "crates/text/data/abbreviations.toml";

/// How an abbreviation's period behaves at a possible sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AbbrevClass {
    /// A title or name prefix ("Dr.", "Gen.", "St."): never ends a sentence.
    Title,
    /// Usually sentence-internal ("e.g.", "Sept.", "vs.", "Calif."): ends a sentence only
    /// before a common sentence starter.
    Inner,
    /// An abbreviation only before a number ("No. 10", "Art. 5").
    Numeric,
    /// Often sentence-final ("etc.", "Inc.", "Jr."): the period reads like a full stop.
    Final,
}

/// On-disk shape of an abbreviation file (see `data/abbreviations.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AbbrevFile {
    #[serde(default)]
    title: Vec<String>,
    #[serde(default)]
    inner: Vec<String>,
    #[serde(default)]
    numeric: Vec<String>,
    #[serde(default, rename = "final")]
    final_: Vec<String>,
    #[serde(default)]
    sentence_starters: Vec<String>,
}

/// Abbreviations and sentence starters, compiled for fast lookup.
///
/// An entry written in lower case matches in any case ("e.g" matches "E.g"); an entry
/// with a capital matches as written or in ALL CAPS ("Gen", "GEN"), so that "gen." in
/// running text is not taken for a title.
#[derive(Clone, Debug)]
pub struct Abbreviations {
    exact: HashMap<String, AbbrevClass, FxBuild>,
    folded: HashMap<String, AbbrevClass, FxBuild>,
    /// Entries that contain an inner period ("Ph.D"), for the tokenizer's prefix check.
    dotted: Vec<String>,
    /// The largest byte index of the first period in a dotted entry.
    dotted_first_dot: usize,
    starters: HashSet<String, FxBuild>,
}

impl Default for Abbreviations {
    /// The embedded English lexicon.
    fn default() -> Abbreviations {
        Abbreviations::from_toml(DEFAULT_TOML, DEFAULT_PATH)
            .expect("the embedded abbreviations.toml is valid (tested)")
    }
}

impl Abbreviations {
    /// Parses a lexicon in the format of the embedded `data/abbreviations.toml`.
    ///
    /// `path` is only used in error messages.
    ///
    /// # Errors
    /// [`ErrorKind::Data`](stancemap_core::ErrorKind::Data) naming the file, line and column of a TOML syntax error, an
    /// unknown key or an empty entry.
    pub fn from_toml(src: &str, path: &str) -> Result<Abbreviations, Error> {
        let file: AbbrevFile = stancemap_core::data::parse_toml(path, src)?;
        let mut exact = HashMap::default();
        let mut folded = HashMap::default();
        let mut dotted = Vec::new();
        let classes = [
            (&file.title, AbbrevClass::Title),
            (&file.inner, AbbrevClass::Inner),
            (&file.numeric, AbbrevClass::Numeric),
            (&file.final_, AbbrevClass::Final),
        ];
        for (entries, class) in classes {
            for entry in entries {
                let entry = entry.trim().trim_end_matches('.');
                if entry.is_empty() || entry.chars().any(char::is_whitespace) {
                    return Err(stancemap_core::data::error_at(
                        path,
                        src,
                        first_quoted(src, entry),
                        format!(
                            "invalid abbreviation entry {entry:?}: empty or contains white space"
                        ),
                    ));
                }
                if entry.contains('.') {
                    dotted.push(entry.to_string());
                }
                if entry.chars().any(char::is_uppercase) {
                    exact.insert(entry.to_string(), class);
                    exact.insert(entry.to_uppercase(), class);
                } else {
                    folded.insert(entry.to_string(), class);
                }
            }
        }
        // Longest first, so that the tokenizer's prefix check prefers "Ph.D" over "Ph".
        dotted.sort_by_key(|d| std::cmp::Reverse(d.len()));
        let mut starters = HashSet::default();
        for s in &file.sentence_starters {
            let s = s.trim();
            if !s.is_empty() {
                starters.insert(s.to_string());
                starters.insert(s.to_uppercase());
            }
        }
        let dotted_first_dot = dotted.iter().filter_map(|d| d.find('.')).max().unwrap_or(0);
        Ok(Abbreviations {
            exact,
            folded,
            dotted,
            dotted_first_dot,
            starters,
        })
    }

    /// Reads and parses a lexicon file (to override the embedded one).
    ///
    /// # Errors
    /// [`ErrorKind::Io`](stancemap_core::ErrorKind::Io) when the file cannot be read, [`ErrorKind::Data`](stancemap_core::ErrorKind::Data) (with line
    /// and column) when it is malformed.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Abbreviations, Error> {
        let path = path.as_ref();
        let shown = path.display().to_string();
        let src = stancemap_core::data::read(path)?;
        Abbreviations::from_toml(&src, &shown)
    }

    /// The class of `word` (written without its final period), if it is an abbreviation.
    ///
    /// ```
    /// use stancemap_text::{AbbrevClass, Abbreviations};
    /// let ab = Abbreviations::default();
    /// assert_eq!(ab.class("Gen"), Some(AbbrevClass::Title));
    /// assert_eq!(ab.class("e.g"), Some(AbbrevClass::Inner));
    /// assert_eq!(ab.class("gen"), None);
    /// ```
    pub fn class(&self, word: &str) -> Option<AbbrevClass> {
        if let Some(c) = self.exact.get(word) {
            return Some(*c);
        }
        if word.bytes().all(|b| !b.is_ascii_uppercase()) && word.is_ascii() {
            return self.folded.get(word).copied();
        }
        // A short ASCII word is lower-cased on the stack (no allocation).
        let mut buf = [0u8; 32];
        if word.is_ascii()
            && let Some(lower) = buf.get_mut(..word.len())
        {
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            if let Ok(lower) = std::str::from_utf8(lower) {
                return self.folded.get(lower).copied();
            }
        }
        self.folded.get(&word.to_lowercase()).copied()
    }

    /// True when `word` commonly starts a sentence ("The", "He", "However").
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    /// Entries with an inner period ("Ph.D"), longest first.
    pub(crate) fn dotted(&self) -> &[String] {
        &self.dotted
    }

    /// True when a dotted entry could start at the beginning of `rest` (a period within
    /// reach): a cheap filter before comparing entries.
    #[inline]
    pub(crate) fn may_start_dotted(&self, rest: &[u8]) -> bool {
        !self.dotted.is_empty() && rest[..rest.len().min(self.dotted_first_dot + 1)].contains(&b'.')
    }
}

/// Byte offset of the first quoted occurrence of `entry` (for entry-level errors).
fn first_quoted(src: &str, entry: &str) -> usize {
    src.find(&format!("\"{entry}")).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use stancemap_core::ErrorKind;

    #[test]
    fn embedded_lexicon_parses() {
        let ab = Abbreviations::from_toml(DEFAULT_TOML, DEFAULT_PATH).expect("valid");
        assert_eq!(ab.class("Dr"), Some(AbbrevClass::Title));
        assert_eq!(ab.class("DR"), Some(AbbrevClass::Title));
        assert_eq!(ab.class("Sept"), Some(AbbrevClass::Inner));
        assert_eq!(ab.class("E.g"), Some(AbbrevClass::Inner));
        assert_eq!(ab.class("No"), Some(AbbrevClass::Numeric));
        assert_eq!(ab.class("etc"), Some(AbbrevClass::Final));
        assert_eq!(ab.class("dr"), None);
        assert!(ab.is_sentence_starter("The"));
        assert!(!ab.is_sentence_starter("Secretary"));
        assert!(ab.dotted().iter().any(|d| d == "Ph.D"));
    }

    #[test]
    fn syntax_error_names_file_line_and_column() {
        let src = "title = [\"Dr\"]\ninner = [\"e.g\",\n  oops]\n";
        let err = Abbreviations::from_toml(src, "my/abbrev.toml").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Data);
        let shown = err.to_string();
        assert!(shown.starts_with("my/abbrev.toml:3:3: "), "{shown}");
    }

    #[test]
    fn unknown_key_is_an_error() {
        let err = Abbreviations::from_toml("titles = [\"Dr\"]\n", "x.toml").unwrap_err();
        assert!(err.to_string().starts_with("x.toml:1:1: "), "{err}");
    }

    #[test]
    fn empty_entry_is_an_error() {
        let err = Abbreviations::from_toml("title = [\"Dr\", \" \"]\n", "x.toml").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Data);
        assert!(err.to_string().starts_with("x.toml:1:"), "{err}");
    }

    #[test]
    fn missing_file_is_io_error_with_path() {
        let err = Abbreviations::from_path("/nonexistent/abbrev.toml").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        assert!(err.to_string().contains("/nonexistent/abbrev.toml"));
    }
}
