//! Article input for stancemap: readers that stream [`Document`]s from plain-text files,
//! JSONL files, directories and stdin; the corpus [`Manifest`] (metadata for plain-text
//! articles); and the [`Boilerplate`] stage that marks page furniture.
//!
//! # Overview
//! - [`read_inputs`] → [`Inputs`], an iterator of `Result<Document, Error>`: one item per
//!   document or per bad input, in input order. Options in [`ReadOptions`].
//! - [`Manifest`]: `manifest.json`, an array of `{"id", "title", "outlet", "genre",
//!   "published", "url"}` objects. Plain-text articles pick it up from their directory
//!   or its parent unless a manifest is given explicitly.
//! - [`Boilerplate`]: a [`Stage`](stancemap_core::Stage) filling
//!   [`Document::boilerplate`] from data rules (`data/boilerplate.toml`).
//!
//! # Offsets
//! Every span is a byte offset into the document's text. For a plain-text file (or
//! stdin) that text is the file itself, byte for byte (lossy mode replaces each invalid
//! byte by one `?`, so offsets do not move). For a JSONL record it is the *decoded*
//! `text` string (escapes such as `\n` or `\u00e9` resolved), not the JSONL line.
//!
//! # JSONL records
//! One JSON object per line: `text` (string, required); `id` (string or number; when
//! missing, `<file-stem>-<line>`); optional `title`, `outlet`, `published`, `url`,
//! `genre` (strings; other fields are ignored). Blank lines are skipped. A malformed line
//! gives an error naming `file:line:column`, and the following lines are still read.
//!
//! # Example: read a text and mark its furniture
//! ```
//! use stancemap_core::Stage;
//! use stancemap_ingest::{Boilerplate, text_document};
//! let text = "Harbour fees to rise\nThe port authority raised fees by a tenth.\nSign up for our newsletter\n";
//! let mut doc = text_document("harbour", "harbour.txt", text.as_bytes().to_vec(), false)?;
//! Boilerplate::default().process(&mut doc)?;
//! let marked: Vec<&str> = doc.boilerplate.iter().map(|r| doc.slice(r.span)).collect();
//! assert_eq!(marked, ["Sign up for our newsletter"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod boilerplate;
mod gate;
mod language;
mod manifest;
mod read;

pub use boilerplate::{Boilerplate, RuleInfo, RuleScope};
pub use language::{LanguageCheck, detect_non_english, language_warning};
pub use manifest::{MANIFEST_FILE_NAME, Manifest, ManifestEntry};
pub use read::{
    DEFAULT_MAX_DOCUMENT_BYTES, InputFormat, Inputs, ReadOptions, read_inputs, read_jsonl,
    text_document,
};

#[doc(no_inline)]
pub use stancemap_core::Document;
