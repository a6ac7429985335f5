//! Sentence segmentation, tokenization and aligned normalisation for stancemap.
//!
//! This crate turns a [`Document`](stancemap_core::Document)'s text into paragraphs,
//! sentences and tokens (the `text` stage), and gives the other stages one shared
//! normal form of text with a map back to original byte offsets.
//!
//! # Overview
//! - [`Segmenter`]: the `text` [`Stage`](stancemap_core::Stage). Fills
//!   `doc.sentences` and `doc.tokens`, skipping boilerplate; robust to abbreviations
//!   ("U.S.", "Gen.", "Sept."), initials, decimals, quotes that end sentences, ellipses,
//!   non-breaking spaces and the stray periods of scraped text.
//! - [`Abbreviations`]: the abbreviation lexicon (embedded `data/abbreviations.toml`,
//!   overridable with [`Abbreviations::from_path`]).
//! - [`NormalizedText`] and [`normalize`]: NFKC, curly quotes and dashes folded, lower
//!   case (through the `tokenizers` normalizers), with
//!   [`NormalizedText::original_span`] mapping a match in the normalised text back to the
//!   original, snapped to grapheme clusters.
//! - [`Stemmer`] and [`stem`]: English Snowball stems, shareable across threads.
//!
//! All spans are half-open byte offsets into the original text.
//!
//! # Example: sentences and tokens
//! ```
//! use stancemap_core::{Document, SentenceKind, Stage, TokenKind};
//! use stancemap_text::Segmenter;
//!
//! let text = "Allies Split on Airspace\n\n\
//!             U.S. officials met Gen. Ana Ruiz on Sept. 3. \u{201C}We\u{2019}re ready,\u{201D} she said.";
//! let mut doc = Document::new("example", text);
//! Segmenter::default().process(&mut doc)?;
//!
//! let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
//! assert_eq!(sentences, [
//!     "Allies Split on Airspace",
//!     "U.S. officials met Gen. Ana Ruiz on Sept. 3.",
//!     "\u{201C}We\u{2019}re ready,\u{201D} she said.",
//! ]);
//! assert_eq!(doc.sentences[0].kind, SentenceKind::Heading);
//! assert_eq!(doc.sentences[2].paragraph, 1);
//!
//! // Tokens carry a normal form and a stem (ids of the document's word table); clitics
//! // are split off PTB-style.
//! let last = doc.sentence_tokens(2);
//! let norms: Vec<&str> = last.iter().map(|t| doc.word(t.norm)).collect();
//! assert_eq!(norms, ["\"", "we", "'re", "ready", ",", "\"", "she", "said", "."]);
//! assert_eq!(last[3].kind, TokenKind::Word);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: matching in normalised text
//! ```
//! use stancemap_text::{normalize, NormalizedText};
//!
//! let text = "Moscow\u{2019}s \u{201C}RED LINE\u{201D}\u{00A0}\u{2014} again";
//! let nt = NormalizedText::new(text);
//! let needle = normalize("\"red line\" -");
//! let at = nt.as_str().find(&needle).expect("found");
//! let span = nt.original_span(at..at + needle.len());
//! assert_eq!(&text[span.start..span.end], "\u{201C}RED LINE\u{201D}\u{00A0}\u{2014}");
//! ```
#![deny(missing_docs)]

mod abbrev;
mod normalize;
mod segment;
mod stem;
mod tokenize;

pub use abbrev::{AbbrevClass, Abbreviations};
pub use normalize::{NormalizedText, normalize, snap_to_graphemes};
pub use segment::Segmenter;
pub use stem::{Stemmer, stem};
