//! The scorer of stancemap: loads hand-made gold (SPEC §2) and measures predicted
//! reports against it as SPEC §4 defines. It is a user feature, so it depends on the
//! document model only, never on the pipeline that made the predictions.
//!
//! # Overview
//! - [`Gold`], [`load_gold_dir`]: the gold format and its loader (errors name file,
//!   line and column).
//! - [`FoldedText`]: finds gold text (cue contexts, evidence) in the article despite
//!   curly/straight quotes, NBSP and white-space differences, with byte spans into the
//!   original.
#![deny(missing_docs)]
// `stancemap_core::Error` is 144 bytes; the loaders return it as is (boxing it is core's
// call), and they run once per gold file, so the size costs nothing measurable.
#![allow(clippy::result_large_err)]

mod gold;
mod locate;

pub use gold::{Gold, GoldActor, GoldCue, GoldStance, Label, load_gold, load_gold_dir};
pub use locate::{CueLocation, FoldedText, fold, locate_cue};
pub use stancemap_core::Error;
