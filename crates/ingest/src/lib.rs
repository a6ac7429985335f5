//! Article input for stancemap: readers that stream [`Document`]s from plain-text files,
//! JSONL files, directories and stdin, and the corpus [`Manifest`] (metadata for
//! plain-text articles).
//!
//! # Overview
//! - [`read_inputs`] → [`Inputs`], an iterator of `Result<Document, Error>`: one item per
//!   document or per bad input, in input order. Options in [`ReadOptions`].
//! - [`Manifest`]: `manifest.json`, an array of `{"id", "title", "outlet", "genre",
//!   "published", "url"}` objects. Plain-text articles pick it up from their directory
//!   or its parent unless a manifest is given explicitly.
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
#![deny(missing_docs)]

mod manifest;
mod read;

pub use manifest::{MANIFEST_FILE_NAME, Manifest, ManifestEntry};
pub use read::{DEFAULT_MAX_DOCUMENT_BYTES, Inputs, ReadOptions, read_inputs, text_document};

#[doc(no_inline)]
pub use stancemap_core::Document;
