//! The reporting-cue lexicon (`data/reporting.toml`): verbs of saying, believing,
//! demanding, warning, opposing and backing, and agent cues ("according to", "backed by").

use serde::Deserialize;
use stancemap_core::Error;
use stancemap_core::hash::FxHashMap;

/// What a reporting cue does; the stance classifier reads it (e.g. "warned against X"
/// opposes X).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    /// say, tell, state, note …
    Speech,
    /// think, believe, suggest …
    Belief,
    /// call for, urge, demand, threaten …
    Demand,
    /// warn (against), caution …
    Warning,
    /// push back, reject, dismiss …
    Opposition,
    /// back, support, welcome …
    Support,
    /// decide, plan, issue a statement …
    Decision,
    /// according to, in an interview with …
    Source,
    /// quoted by, cited by: an outlet or person that passes on someone else's words; the
    /// speaker it quotes keeps the statement
    Relay,
}

/// One lexicon entry.
#[derive(Clone, Debug, Deserialize)]
pub struct CueEntry {
    /// Stable id (`say`, `demand`, …).
    pub id: String,
    /// Surface forms, lower case, space-separated words.
    pub forms: Vec<String>,
    /// Class.
    pub class: CueClass,
    /// Agent cue: the speaker follows ("backed by X", "according to X").
    #[serde(default)]
    pub passive: bool,
    /// The speaker may follow the verb after a quote or a comma ("…,” said X).
    #[serde(default)]
    pub inverted: bool,
    /// Sentences with the speaker the rule must find (run by the tests).
    #[serde(default)]
    pub examples: Vec<CueExample>,
}

/// A tested example of a cue entry.
#[derive(Clone, Debug, Deserialize)]
pub struct CueExample {
    /// A sentence.
    pub text: String,
    /// The speaker expected.
    pub speaker: String,
}

#[derive(Deserialize)]
struct File {
    cue: Vec<CueEntry>,
}

/// A compiled lexicon: the entries and, per first word, the forms (longest first).
#[derive(Clone, Debug)]
pub struct ReportingCues {
    entries: Vec<CueEntry>,
    by_first: FxHashMap<String, Vec<(Vec<String>, usize)>>,
}

/// The old name of [`ReportingCues`].
#[deprecated(note = "renamed `ReportingCues`")]
pub type CueLexicon = ReportingCues;

/// A cue found at a token position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueMatch {
    /// Entry index.
    pub entry: usize,
    /// Number of tokens matched.
    pub len: usize,
}

impl ReportingCues {
    /// The embedded lexicon.
    pub fn embedded() -> ReportingCues {
        ReportingCues::from_toml("reporting.toml", include_str!("../data/reporting.toml"))
            .expect("the embedded reporting lexicon is valid")
    }

    /// Reads a lexicon file (the format of the embedded `data/reporting.toml`).
    ///
    /// # Errors
    /// An I/O error naming the path, or as [`ReportingCues::from_toml`].
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<ReportingCues, Error> {
        let path = path.as_ref();
        ReportingCues::from_toml(
            &path.display().to_string(),
            &stancemap_core::data::read(path)?,
        )
    }

    /// Parses a lexicon file.
    ///
    /// # Errors
    /// [`ErrorKind::Data`](stancemap_core::ErrorKind::Data) naming the file, line and column.
    pub fn from_toml(name: &str, text: &str) -> Result<ReportingCues, Error> {
        let file: File = stancemap_core::data::parse_toml(name, text)?;
        let mut by_first: FxHashMap<String, Vec<(Vec<String>, usize)>> = FxHashMap::default();
        for (i, e) in file.cue.iter().enumerate() {
            for f in &e.forms {
                let words: Vec<String> = f.split_whitespace().map(str::to_lowercase).collect();
                if let Some(first) = words.first() {
                    by_first.entry(first.clone()).or_default().push((words, i));
                }
            }
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|b| std::cmp::Reverse(b.0.len()));
        }
        Ok(ReportingCues {
            entries: file.cue,
            by_first,
        })
    }

    /// The entries.
    pub fn entries(&self) -> &[CueEntry] {
        &self.entries
    }

    /// The longest cue starting at `norms[i]` (token norms of a sentence).
    pub fn match_at(&self, norms: &[&str], i: usize) -> Option<CueMatch> {
        let cands = self.by_first.get(norms[i])?;
        cands.iter().find_map(|(words, entry)| {
            let ok = words.len() <= norms.len() - i
                && words
                    .iter()
                    .zip(&norms[i..])
                    .all(|(w, n)| w == n || (w == "*" && n.chars().any(char::is_alphabetic)));
            ok.then_some(CueMatch {
                entry: *entry,
                len: words.len(),
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_form_wins() {
        let lex = ReportingCues::embedded();
        let norms = ["pushed", "back", "against", "the", "plan"];
        let m = lex.match_at(&norms, 0).unwrap();
        assert_eq!(m.len, 3);
        assert_eq!(lex.entries()[m.entry].class, CueClass::Opposition);
    }

    #[test]
    fn a_star_matches_one_word() {
        let lex = ReportingCues::embedded();
        let norms = ["struck", "a", "sombre", "note"];
        assert_eq!(lex.match_at(&norms, 0).map(|m| m.len), Some(4));
        let norms = ["struck", "a", ",", "note"];
        assert_ne!(lex.match_at(&norms, 0).map(|m| m.len), Some(4));
    }

    #[test]
    fn bad_file_names_line_and_column() {
        let err = ReportingCues::from_toml("mine.toml", "[[cue]]\nid = 3\n").unwrap_err();
        assert_eq!(err.kind(), stancemap_core::ErrorKind::Data);
        assert!(err.to_string().starts_with("mine.toml:2:"), "{err}");
    }
}
