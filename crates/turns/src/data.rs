//! The label and genre lexicon (`data/turns.toml`).

use aho_corasick::AhoCorasick;
use serde::Deserialize;
use stancemap_core::hash::{FxHashMap, FxHashSet};
use stancemap_core::{Error, ErrorKind, WordClass, WordClasses};
use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

const EMBEDDED: &str = include_str!("../data/turns.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    honorifics: Vec<String>,
    peerage: Vec<String>,
    chairs: Vec<String>,
    interviewers: Vec<String>,
    answers: Vec<String>,
    interjections: Vec<String>,
    stage_directions: Vec<String>,
    turn_enders: Vec<String>,
    not_labels: Vec<String>,
    role_words: Vec<String>,
    not_names: Vec<String>,
    name_particles: Vec<String>,
    label_links: Vec<String>,
    parties: BTreeMap<String, String>,
    genres: BTreeMap<String, Vec<String>>,
    genre_openers: BTreeMap<String, Vec<String>>,
    opinion_lines: Vec<String>,
    issuers: Vec<String>,
    #[serde(default)]
    press_words: Vec<String>,
    #[serde(default)]
    references: References,
    #[serde(default)]
    items: Items,
    #[serde(default)]
    endorse: Vec<String>,
    #[serde(default)]
    reject: Vec<String>,
    #[serde(default)]
    examples: Vec<Example>,
}

/// Words of votes on the item under debate (see `items.rs`).
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Items {
    #[serde(default)]
    nouns: Vec<String>,
    #[serde(default)]
    content: Vec<String>,
    #[serde(default)]
    vote_for: Vec<String>,
    #[serde(default)]
    vote_against: Vec<String>,
}

/// Phrases by which a debate refers to its speakers (see `refs.rs`).
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct References {
    #[serde(default)]
    addressed: Vec<String>,
    #[serde(default)]
    affiliation: Vec<String>,
    #[serde(default)]
    office: Vec<String>,
}

/// A tested example of the data: a label and what parsing it must give.
#[derive(Clone, Debug, Deserialize)]
pub struct Example {
    /// The label, without its closing ":" or ". –".
    pub label: String,
    /// Expected name.
    #[serde(default)]
    pub name: Option<String>,
    /// Expected role.
    #[serde(default)]
    pub role: Option<String>,
    /// Expected kind (`speaker`, `chair`, `interviewer`, `interjection`).
    pub kind: String,
    /// Expected affiliations.
    #[serde(default)]
    pub affiliation: Vec<String>,
}

/// The compiled lexicon: word and phrase sets, lower case, periods dropped.
#[derive(Debug)]
pub struct TurnData {
    pub(crate) honorifics: FxHashSet<String>,
    pub(crate) peerage: FxHashSet<String>,
    pub(crate) chairs: FxHashSet<String>,
    pub(crate) interviewers: FxHashSet<String>,
    pub(crate) answers: FxHashSet<String>,
    pub(crate) interjections: FxHashSet<String>,
    /// Lower-case openings of bracketed stage directions.
    pub(crate) stage_directions: Vec<String>,
    /// Openings of lines that close a turn, as written.
    pub(crate) turn_enders: Vec<String>,
    pub(crate) not_labels: FxHashSet<String>,
    pub(crate) role_words: FxHashSet<String>,
    /// Words that open no name or label besides days and months ([`TurnData::not_name`]).
    pub(crate) not_names: FxHashSet<String>,
    /// The shared English word classes (days and months).
    classes: Arc<WordClasses>,
    /// Lower-case words that may stand inside a name ("van", "of"), as written.
    pub(crate) name_particles: FxHashSet<String>,
    /// Lower-case words that may link the words of a label but not of a name ("the").
    pub(crate) label_links: FxHashSet<String>,
    /// Party abbreviation (as written and lower case) → party.
    pub(crate) parties: FxHashMap<String, String>,
    /// (phrase, genre), longest phrase first.
    pub(crate) genres: Vec<(String, String)>,
    /// (line opening, genre).
    pub(crate) genre_openers: Vec<(String, String)>,
    pub(crate) opinion_lines: Vec<String>,
    pub(crate) issuers: FxHashSet<String>,
    /// Lower-case words that mark a paragraph as reporting a newspaper's line.
    pub(crate) press_words: FxHashSet<String>,
    /// Forms of address for the speaker who holds the floor, lower case, longest first.
    pub(crate) ref_addressed: Vec<String>,
    /// Phrases followed by a seat or delegation, lower case, longest first.
    pub(crate) ref_affiliation: Vec<String>,
    /// Offices (lower case, longest first) and whether they are shadow offices.
    pub(crate) ref_office: Vec<(String, bool)>,
    /// All three lists in one automaton (addressed, affiliation, office, in that
    /// order): pattern `i` is the `i`-th phrase of the concatenation.
    pub(crate) ref_phrases: AhoCorasick,
    /// Nouns of items under debate ("amendment", "bill"), lower case.
    pub(crate) item_nouns: FxHashSet<String>,
    /// Verbs that set out an item's content ("allows"), lower case.
    pub(crate) item_content: FxHashSet<String>,
    /// Votes for an item (one or two words, lower case).
    pub(crate) item_for: FxHashSet<String>,
    /// Votes against an item.
    pub(crate) item_against: FxHashSet<String>,
    /// Closing phrases that endorse the actors just reported ("they are right").
    pub(crate) endorse: Vec<String>,
    /// Closing phrases that reject them ("they are wrong").
    pub(crate) reject: Vec<String>,
    /// The examples of the file (run by the tests).
    pub examples: Vec<Example>,
}

/// A word or phrase as the sets store it: lower case, periods dropped, one space.
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        let before = out.len();
        if before > 0 {
            out.push(' ');
        }
        let start = out.len();
        for c in w.chars().filter(|&c| c != '.') {
            let c = stancemap_core::text::fold_punct(c);
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        }
        if out.len() == start {
            out.truncate(before);
        }
    }
    out
}

/// Lower-case phrases, longest first (so "my hon. friend the member for" wins over "the
/// member for").
fn longest_first(v: &[String]) -> Vec<String> {
    let mut out: Vec<String> = v.iter().map(|s| s.to_ascii_lowercase()).collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out.dedup();
    out
}

fn lower(v: &[String]) -> FxHashSet<String> {
    v.iter().map(|s| s.to_lowercase()).collect()
}

fn set(v: &[String]) -> FxHashSet<String> {
    v.iter().map(|s| key(s)).collect()
}

impl TurnData {
    /// The embedded lexicon (parsed once per process).
    pub fn embedded() -> Arc<TurnData> {
        static DATA: OnceLock<Arc<TurnData>> = OnceLock::new();
        DATA.get_or_init(|| {
            Arc::new(
                TurnData::from_toml("turns.toml", EMBEDDED).unwrap_or_else(|e| {
                    // The embedded file is tested; this cannot happen in a release.
                    unreachable!("embedded turns.toml: {e}")
                }),
            )
        })
        .clone()
    }

    /// The embedded lexicon with other shared word classes (a user's `english.toml`).
    pub fn embedded_with_classes(classes: Arc<WordClasses>) -> Arc<TurnData> {
        let data = TurnData::from_toml("turns.toml", EMBEDDED)
            .unwrap_or_else(|e| unreachable!("embedded turns.toml: {e}"));
        Arc::new(data.with_classes(classes))
    }

    /// The lexicon with other shared word classes than the embedded ones (the lexicon
    /// reads days and months there).
    pub fn with_classes(mut self, classes: Arc<WordClasses>) -> TurnData {
        self.classes = classes;
        self
    }

    /// Whether `word` opens no name or label: a day, a month (shared classes) or one of
    /// `not_names`; compared as [`key`] (lower case, periods dropped).
    pub(crate) fn not_name(&self, word: &str) -> bool {
        let k = key(word);
        self.classes.of(&k).intersects(WordClass::DATE) || self.not_names.contains(&k)
    }

    /// Reads a lexicon file (the format of the embedded `data/turns.toml`).
    ///
    /// # Errors
    /// An I/O error naming the path, or as [`TurnData::from_toml`].
    pub fn from_path(path: impl AsRef<std::path::Path>) -> Result<TurnData, Error> {
        let path = path.as_ref();
        TurnData::from_toml(
            &path.display().to_string(),
            &stancemap_core::data::read(path)?,
        )
    }

    /// Parses a lexicon file.
    ///
    /// # Errors
    /// A TOML or schema error, with the file name, line and column.
    pub fn from_toml(file: &str, text: &str) -> Result<TurnData, Error> {
        let raw: Raw = stancemap_core::data::parse_toml(file, text)?;
        let mut parties = FxHashMap::default();
        for (k, v) in &raw.parties {
            parties.insert(k.clone(), v.clone());
            parties.insert(key(k), v.clone());
        }
        let mut genres: Vec<(String, String)> = raw
            .genres
            .iter()
            .flat_map(|(g, ws)| ws.iter().map(move |w| (key(w), g.clone())))
            .collect();
        genres.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let mut genre_openers: Vec<(String, String)> = raw
            .genre_openers
            .iter()
            .flat_map(|(g, ws)| ws.iter().map(move |w| (w.to_lowercase(), g.clone())))
            .collect();
        genre_openers.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let ref_addressed = longest_first(&raw.references.addressed);
        let ref_affiliation = longest_first(&raw.references.affiliation);
        let ref_office: Vec<(String, bool)> = longest_first(&raw.references.office)
            .into_iter()
            .map(|s| {
                let shadow = s.contains("shadow");
                (s, shadow)
            })
            .collect();
        let ref_phrases = AhoCorasick::new(
            ref_addressed
                .iter()
                .chain(&ref_affiliation)
                .chain(ref_office.iter().map(|(s, _)| s)),
        )
        .map_err(|e| {
            Error::new(ErrorKind::Data, "cannot build the [references] automaton")
                .with_path(file.to_string())
                .with_source(e)
        })?;
        Ok(TurnData {
            honorifics: set(&raw.honorifics),
            peerage: set(&raw.peerage),
            chairs: set(&raw.chairs),
            interviewers: set(&raw.interviewers),
            answers: set(&raw.answers),
            interjections: set(&raw.interjections),
            stage_directions: raw
                .stage_directions
                .iter()
                .map(|s| s.to_lowercase())
                .collect(),
            turn_enders: raw.turn_enders,
            not_labels: set(&raw.not_labels),
            role_words: set(&raw.role_words),
            not_names: set(&raw.not_names),
            classes: WordClasses::embedded(),
            name_particles: raw.name_particles.into_iter().collect(),
            label_links: raw.label_links.into_iter().collect(),
            parties,
            genres,
            genre_openers,
            opinion_lines: raw.opinion_lines.iter().map(|s| s.to_lowercase()).collect(),
            issuers: set(&raw.issuers),
            press_words: set(&raw.press_words),
            ref_addressed,
            ref_affiliation,
            ref_office,
            ref_phrases,
            item_nouns: lower(&raw.items.nouns),
            item_content: lower(&raw.items.content),
            item_for: lower(&raw.items.vote_for),
            item_against: lower(&raw.items.vote_against),
            endorse: longest_first(&raw.endorse),
            reject: longest_first(&raw.reject),
            examples: raw.examples,
        })
    }

    /// The party an abbreviation of a label stands for ("Con" → "Conservative").
    pub fn party(&self, abbr: &str) -> Option<&str> {
        self.parties
            .get(abbr.trim())
            .or_else(|| self.parties.get(&key(abbr)))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn keys_are_lower_case_without_periods_one_space_apart() {
        assert_eq!(key("  Mr.  SPEAKER "), "mr speaker");
        assert_eq!(
            key("The Rt. Hon. Member . for X"),
            "the rt hon member for x"
        );
        assert_eq!(key("Ms Łukasiewicz’s  ÉTAT"), "ms łukasiewicz's état");
        assert_eq!(key(" . .. "), "");
    }
}
