//! Stance and commitment for stancemap: who supports, opposes or conditions a policy, and
//! how firmly.
//!
//! # Overview
//! - [`StanceDetector`]: the `stance` [`Stage`](stancemap_core::Stage). For every
//!   attributed statement it decides a stance on each topic (support / oppose /
//!   conditional / none, with a score, evidence spans and a rule id), attaches the hedge
//!   and booster cues inside it and their [`commitment`](stancemap_core::commitment), then aggregates one
//!   [`StanceSummary`](stancemap_core::StanceSummary) per actor and topic ([`aggregate`]).
//! - [`Topics`] / [`TopicPack`]: policy questions as data (`data/topics/*.toml`,
//!   embedded: `shoot_down`, `frozen_assets`). A user adds a topic by writing a file.
//! - [`StanceGrammar`]: the topic-independent cues every pack inherits (`data/common.toml`).
//! - Hedges and boosters are found by the `stancemap-hedges` crate; a statement's
//!   [`commitment`](stancemap_core::commitment) weighs them.
//!
//! # Example: a stance on a hand-built document
//! The detector reads the sentences and tokens of the text stage (`stancemap-text`).
//! ```
//! use stancemap_core::{Actor, ActorId, ActorKind, Document, Span, Stage, Stance, Statement};
//! use stancemap_stance::StanceDetector;
//! let text = "Germany warned against firing on Russian jets.";
//! let mut doc = Document::new("d", text);
//! stancemap_text::Segmenter::default().process(&mut doc).unwrap();
//! doc.actors.push(Actor { id: "germany".into(), name: "Germany".into(), kind: ActorKind::State, country: None, role: None });
//! doc.statements.push(Statement {
//!     actor: ActorId(0), span: Span::new(0, text.len()), content: Span::new(0, text.len()),
//!     quote: false, cue: None, cue_span: None, mention: None,
//!     stances: vec![], hedges: vec![], boosters: vec![], commitment: 1.0,
//! });
//! StanceDetector::default().annotate(&mut doc);
//! assert_eq!(doc.stances[0].stance, Stance::Oppose);
//! ```
#![deny(missing_docs)]

mod aggregate;
mod classify;
mod detector;
mod lexicon;
mod stream;
mod topic;

pub use aggregate::aggregate;
pub use detector::{StanceDetector, TopicTagger};
pub use lexicon::{StanceGrammar, TopicExample};

/// The old name of [`StanceGrammar`].
#[deprecated(note = "renamed `StanceGrammar`")]
pub type Lexicon = StanceGrammar;
pub use topic::{TopicPack, Topics};

#[cfg(test)]
mod tests;
