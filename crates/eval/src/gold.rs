//! The gold format of SPEC §2 (`corpus/gold/<doc>.json`) and its loader.

use serde::{Deserialize, Serialize};
use stancemap_core::{ActorKind, Error, ErrorKind};
use std::fmt;
use std::path::Path;

/// A stance label as the gold writes it; unlike `stancemap_core::Stance` it has `none`,
/// because a gold entry may say "this actor speaks but takes no stance" and an `accept`
/// list may allow it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// For the policy.
    Support,
    /// Against it.
    Oppose,
    /// It depends.
    Conditional,
    /// No stance on the topic.
    None,
}

impl Label {
    /// The three labels that are scored (`none` is the absence of a stance).
    pub const SCORED: [Label; 3] = [Label::Support, Label::Oppose, Label::Conditional];

    /// The SPEC name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Label::Support => "support",
            Label::Oppose => "oppose",
            Label::Conditional => "conditional",
            Label::None => "none",
        }
    }

    /// Parses a SPEC name (case and surrounding white space ignored).
    pub fn parse(s: &str) -> Option<Label> {
        match s.trim().to_ascii_lowercase().as_str() {
            "support" => Some(Label::Support),
            "oppose" => Some(Label::Oppose),
            "conditional" => Some(Label::Conditional),
            "none" => Some(Label::None),
            _ => None,
        }
    }

    /// True for `none`.
    pub fn is_none(&self) -> bool {
        *self == Label::None
    }
}

impl From<stancemap_core::Stance> for Label {
    fn from(s: stancemap_core::Stance) -> Label {
        match s {
            stancemap_core::Stance::Support => Label::Support,
            stancemap_core::Stance::Oppose => Label::Oppose,
            stancemap_core::Stance::Conditional => Label::Conditional,
        }
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The gold annotation of one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Gold {
    /// Document id: the article's file name without extension (matches `doc_id`).
    pub doc: String,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Outlet.
    #[serde(default)]
    pub outlet: Option<String>,
    /// `news`, `opinion`, `analysis`, … (free text: other corpora have other genres).
    #[serde(default)]
    pub genre: Option<String>,
    /// Publication date.
    #[serde(default)]
    pub published: Option<String>,
    /// Every actor of the article.
    #[serde(default)]
    pub actors: Vec<GoldActor>,
    /// Hedge cues.
    #[serde(default)]
    pub hedges: Vec<GoldCue>,
    /// Booster cues.
    #[serde(default)]
    pub boosters: Vec<GoldCue>,
    /// The annotator's notes.
    #[serde(default)]
    pub notes: Option<String>,
}

/// A gold actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoldActor {
    /// Canonical name.
    pub name: String,
    /// Other names that count as this actor ("Tusk").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Kind.
    pub kind: ActorKind,
    /// Country.
    #[serde(default)]
    pub country: Option<String>,
    /// Role.
    #[serde(default)]
    pub role: Option<String>,
    /// A don't-care: finding it (or its stance) is not rewarded, missing it not penalised.
    #[serde(default)]
    pub optional: bool,
    /// Stances per topic; a topic without an entry is `none`.
    #[serde(default)]
    pub stances: Vec<GoldStance>,
}

impl GoldActor {
    /// The entry for a topic, if any (the first one, should the gold repeat a topic).
    pub fn stance(&self, topic: &str) -> Option<&GoldStance> {
        self.stances.iter().find(|s| s.topic == topic)
    }
}

/// A gold actor's stance on one topic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoldStance {
    /// Topic id.
    pub topic: String,
    /// The label.
    pub stance: Label,
    /// Every label that counts as right. The loader adds `stance` when it is missing,
    /// since SPEC §2 says the list always includes it.
    #[serde(default)]
    pub accept: Vec<Label>,
    /// Does the stance rest on hedged statements? (Kept, not scored by SPEC §4.)
    #[serde(default)]
    pub hedged: bool,
    /// Verbatim text from the article where the stance is given.
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// A gold hedge or booster cue.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoldCue {
    /// The cue as written ("may").
    pub cue: String,
    /// Text around it that occurs exactly once in the article and contains the cue.
    pub context: String,
    /// A don't-care.
    #[serde(default)]
    pub optional: bool,
}

impl Gold {
    /// Parses one gold JSON document. Errors carry line and column (no path: see
    /// [`load_gold`]).
    ///
    /// # Errors
    /// Malformed JSON, a missing required field or an unknown label or kind.
    ///
    /// # Example
    /// ```
    /// use stancemap_eval::Gold;
    /// let g = Gold::from_json_str(r#"{"doc": "d", "actors": [{"name": "NATO",
    ///     "kind": "organisation", "stances": [{"topic": "t", "stance": "support"}]}]}"#)?;
    /// assert_eq!(g.actors[0].stances[0].accept.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_json_str(json: &str) -> Result<Gold, Error> {
        let mut gold: Gold = serde_json::from_str(json).map_err(|e| {
            let line = e.line();
            let column = e.column();
            let err = Error::new(ErrorKind::Json, "invalid gold file").with_source(e);
            if line > 0 {
                err.at_line(line, Some(column.max(1)))
            } else {
                err
            }
        })?;
        for actor in &mut gold.actors {
            for st in &mut actor.stances {
                if !st.accept.contains(&st.stance) {
                    st.accept.insert(0, st.stance);
                }
            }
        }
        Ok(gold)
    }
}

/// Loads one gold file.
///
/// # Errors
/// The file cannot be read, or [`Gold::from_json_str`] fails; the error names the file,
/// line and column (`gold/x.json:12:5: invalid gold file: unknown variant ...`).
pub fn load_gold(path: impl AsRef<Path>) -> Result<Gold, Error> {
    let path = path.as_ref();
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| Error::from(e).with_path(&shown))?;
    Gold::from_json_str(&text).map_err(|e| e.with_path(&shown))
}

/// Loads every `*.json` file of a directory, sorted by file name.
///
/// # Errors
/// The directory cannot be read, holds no `.json` file, a file fails to load (see
/// [`load_gold`]), or two files claim the same `doc`.
pub fn load_gold_dir(dir: impl AsRef<Path>) -> Result<Vec<Gold>, Error> {
    let dir = dir.as_ref();
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir).map_err(|e| Error::from(e).with_path(&shown))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::from(e).with_path(&shown))?.path();
        if path.is_file() && path.extension().is_some_and(|x| x == "json") {
            paths.push(path);
        }
    }
    if paths.is_empty() {
        return Err(
            Error::new(ErrorKind::NoInput, "no gold files (*.json) in directory").with_path(shown),
        );
    }
    paths.sort();
    let mut golds: Vec<Gold> = Vec::with_capacity(paths.len());
    for path in &paths {
        let gold = load_gold(path)?;
        if golds.iter().any(|g| g.doc == gold.doc) {
            return Err(Error::new(
                ErrorKind::Data,
                format!("document `{}` has a second gold file", gold.doc),
            )
            .with_path(path.display().to_string()));
        }
        golds.push(gold);
    }
    Ok(golds)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"{
  "doc": "d1", "title": "T", "outlet": null, "genre": "news", "published": "2024-01-02",
  "actors": [{"name": "Jane Roe", "aliases": ["Roe"], "kind": "person", "country": null,
              "role": "Minister", "optional": false,
              "stances": [{"topic": "ban", "stance": "oppose", "accept": ["oppose", "conditional"],
                           "hedged": true, "evidence": ["we should not"]}]}],
  "hedges": [{"cue": "may", "context": "it may rain", "optional": true}],
  "boosters": [],
  "notes": "n"
}"#;

    #[test]
    fn parses_the_spec_format() {
        let g = Gold::from_json_str(SMALL).unwrap();
        assert_eq!(g.doc, "d1");
        assert_eq!(g.genre.as_deref(), Some("news"));
        let a = &g.actors[0];
        assert_eq!(a.kind, ActorKind::Person);
        let s = a.stance("ban").unwrap();
        assert_eq!(s.stance, Label::Oppose);
        assert_eq!(s.accept, vec![Label::Oppose, Label::Conditional]);
        assert!(s.hedged);
        assert!(g.hedges[0].optional);
        assert!(a.stance("other").is_none());
    }

    #[test]
    fn accept_always_contains_the_stance() {
        let g = Gold::from_json_str(
            r#"{"doc": "d", "actors": [{"name": "X", "kind": "state",
               "stances": [{"topic": "t", "stance": "support", "accept": ["conditional"]}]}]}"#,
        )
        .unwrap();
        assert_eq!(
            g.actors[0].stances[0].accept,
            vec![Label::Support, Label::Conditional]
        );
    }

    #[test]
    fn bad_label_names_line_and_column() {
        let json = "{\"doc\": \"d\",\n \"actors\": [{\"name\": \"X\", \"kind\": \"person\",\n  \"stances\": [{\"topic\": \"t\", \"stance\": \"maybe\"}]}]}";
        let e = Gold::from_json_str(json).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Json);
        assert_eq!(e.location().line, Some(3));
        assert!(e.location().column.is_some());
    }

    #[test]
    fn loads_a_directory_and_names_the_bad_file() {
        let dir = std::env::temp_dir().join(format!("stancemap-eval-gold-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("b.json"), SMALL.replace("\"d1\"", "\"d2\"")).unwrap();
        std::fs::write(dir.join("a.json"), SMALL).unwrap();
        std::fs::write(dir.join("notes.txt"), "ignored").unwrap();
        let golds = load_gold_dir(&dir).unwrap();
        assert_eq!(
            golds.iter().map(|g| g.doc.as_str()).collect::<Vec<_>>(),
            ["d1", "d2"]
        );

        std::fs::write(dir.join("c.json"), "{\"doc\": \"d3\",\n \"actors\": [}").unwrap();
        let e = load_gold_dir(&dir).unwrap_err();
        let shown = e.to_string();
        assert!(shown.contains("c.json:2:"), "{shown}");

        std::fs::write(dir.join("c.json"), SMALL).unwrap();
        let e = load_gold_dir(&dir).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Data);
        assert!(e.to_string().contains("c.json"));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn empty_directory_is_no_input() {
        let dir = std::env::temp_dir().join(format!("stancemap-eval-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let e = load_gold_dir(&dir).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::NoInput);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
