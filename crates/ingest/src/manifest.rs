//! The corpus manifest: metadata (title, outlet, genre, date, address) for plain-text
//! articles, which carry none of their own.

use serde::{Deserialize, Serialize};
use stancemap_core::{Document, Error, ErrorKind};
use std::collections::BTreeMap;
use std::path::Path;

/// File name that [`crate::read_inputs`] looks for next to a `.txt` article (in the
/// article's directory, then in its parent).
pub const MANIFEST_FILE_NAME: &str = "manifest.json";

/// Metadata of one article in a [`Manifest`]. Every field but `id` may be `null`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// Document id: the article's file name without its extension.
    pub id: String,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Publishing outlet.
    #[serde(default)]
    pub outlet: Option<String>,
    /// `news`, `opinion`, `analysis`, …
    #[serde(default)]
    pub genre: Option<String>,
    /// Publication date, ISO 8601 (`2025-09-24`).
    #[serde(default)]
    pub published: Option<String>,
    /// Source address.
    #[serde(default)]
    pub url: Option<String>,
}

/// A list of [`ManifestEntry`]s keyed by document id: a JSON array of objects
/// `{"id", "title", "outlet", "genre", "published", "url"}` (unknown fields are ignored).
///
/// # Example
/// ```
/// use stancemap_core::Document;
/// use stancemap_ingest::Manifest;
/// let m = Manifest::from_json("m.json", r#"[{"id": "a1", "outlet": "Daily Planet", "title": null}]"#)?;
/// let mut doc = Document::new("a1", "Text.");
/// assert!(m.apply(&mut doc));
/// assert_eq!(doc.meta.outlet.as_deref(), Some("Daily Planet"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    entries: Vec<ManifestEntry>,
    index: BTreeMap<String, usize>,
}

impl Manifest {
    /// A manifest from entries.
    ///
    /// # Errors
    /// [`ErrorKind::Data`] when two entries share an id.
    pub fn new(entries: Vec<ManifestEntry>) -> Result<Manifest, Error> {
        let mut index = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            if index.insert(e.id.clone(), i).is_some() {
                return Err(Error::new(
                    ErrorKind::Data,
                    format!("duplicate manifest id `{}`", e.id),
                ));
            }
        }
        Ok(Manifest { entries, index })
    }

    /// Reads a manifest file.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] when the file cannot be read; [`ErrorKind::Json`] (with line and
    /// column) when it is not a JSON array of entries; [`ErrorKind::Data`] on a duplicate id.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Manifest, Error> {
        let path = path.as_ref();
        let name = path.to_string_lossy();
        let bytes = std::fs::read(path).map_err(|e| {
            Error::new(ErrorKind::Io, "cannot read manifest")
                .with_source(e)
                .with_path(name.to_string())
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            Error::new(ErrorKind::InvalidUtf8, "invalid UTF-8 in manifest")
                .with_path(name.to_string())
                .at_byte(at)
        })?;
        Manifest::from_json(&name, &text)
    }

    /// Parses a manifest from JSON text; `name` is used in errors.
    ///
    /// # Errors
    /// As [`Manifest::from_path`], without the I/O part.
    pub fn from_json(name: &str, json: &str) -> Result<Manifest, Error> {
        let entries: Vec<ManifestEntry> = serde_json::from_str(json).map_err(|e| {
            Error::new(ErrorKind::Json, crate::read::json_message(&e))
                .with_path(name.to_string())
                .at_line(e.line(), Some(e.column()))
        })?;
        Manifest::new(entries).map_err(|e| e.with_path(name.to_string()))
    }

    /// The entry of a document id.
    pub fn get(&self, id: &str) -> Option<&ManifestEntry> {
        self.index.get(id).map(|&i| &self.entries[i])
    }

    /// All entries, in file order.
    pub fn entries(&self) -> &[ManifestEntry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Fills the document's missing metadata from its entry (looked up by
    /// [`Document::id`]). Fields the document already has (e.g. from its JSONL record)
    /// are kept: the manifest only fills gaps. Returns true when the id has an entry.
    pub fn apply(&self, doc: &mut Document) -> bool {
        let Some(entry) = self.get(doc.id()) else {
            return false;
        };
        let meta = &mut doc.meta;
        fill(&mut meta.title, &entry.title);
        fill(&mut meta.outlet, &entry.outlet);
        fill(&mut meta.genre, &entry.genre);
        fill(&mut meta.published, &entry.published);
        fill(&mut meta.url, &entry.url);
        true
    }
}

fn fill(slot: &mut Option<String>, value: &Option<String>) {
    if slot.is_none() {
        slot.clone_from(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_only_missing_fields() {
        let m = Manifest::from_json(
            "m.json",
            r#"[{"id": "x", "title": "From manifest", "outlet": "Gazette", "genre": null}]"#,
        )
        .unwrap();
        let mut doc = Document::new("x", "");
        doc.meta.title = Some("Own title".into());
        assert!(m.apply(&mut doc));
        assert_eq!(doc.meta.title.as_deref(), Some("Own title"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("Gazette"));
        assert_eq!(doc.meta.genre, None);
        let mut other = Document::new("y", "");
        assert!(!m.apply(&mut other));
    }

    #[test]
    fn bad_json_names_file_line_and_column() {
        let err = Manifest::from_json("dir/manifest.json", "[\n  {\"id\": \"a\",}\n]").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Json);
        let s = err.to_string();
        assert!(s.starts_with("dir/manifest.json:2:"), "{s}");
        assert!(!s.contains(" at line "), "{s}");
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let err = Manifest::from_json("m.json", r#"[{"id": "a"}, {"id": "a"}]"#).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Data);
        assert!(err.to_string().contains("duplicate manifest id `a`"));
    }

    #[test]
    fn bundled_manifest_parses() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/manifest.json");
        let m = Manifest::from_path(path).unwrap();
        assert_eq!(m.len(), 5);
    }
}
