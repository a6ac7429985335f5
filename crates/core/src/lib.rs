//! The document model of stancemap: one immutable original text, half-open byte
//! [`Span`]s into it, and stand-off layers (boilerplate, sentences, tokens, actors,
//! mentions, statements, cues, stances) that pipeline [`Stage`]s add in order.
//!
//! # Overview
//! - [`Document`]: the original text plus its layers. The text is never rewritten, so
//!   every span of every layer is a byte range of the original input (`&text[span]`).
//! - [`Stage`] and [`Pipeline`]: one small trait per component, composed as a list of
//!   trait objects, built (and validated) once and run on many documents.
//! - [`output::DocumentReport`]: the JSON contract of `stancemap analyze` (SPEC §3).
//! - [`Error`]: what went wrong, with the document and the place.
//!
//! # Example
//! ```
//! use stancemap_core::{Document, Span};
//! let doc = Document::new("doc-1", "NATO said so.");
//! assert_eq!(&doc.text()[Span::new(0, 4)], "NATO");
//! ```
#![deny(missing_docs)]

mod classes;
pub mod data;
mod document;
mod error;
pub mod fold;
pub mod hash;
pub mod output;
pub mod quotes;
mod scratch;
mod span;
mod stage;
pub mod text;
mod words;

pub use classes::{WordClass, WordClasses};
pub use document::*;
pub use error::{Error, ErrorKind, Location};
pub use scratch::Scratch;
pub use span::Span;
pub use stage::{Layer, Pipeline, PipelineBuilder, Stage};
pub use words::{WordId, WordTable};
