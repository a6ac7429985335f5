//! The scorer of stancemap: loads hand-made gold (SPEC §2) and measures predicted
//! [`DocumentReport`](stancemap_core::output::DocumentReport)s against it exactly as
//! SPEC §4 defines, per document, per topic and in total. It is a user feature (analysts
//! run `stancemap eval` on their own corpus and gold), so it depends on the document
//! model only, never on the pipeline that made the predictions.
//!
//! # Overview
//! - [`Gold`], [`load_gold_dir`]: the gold format and its loader (errors name file,
//!   line and column).
//! - [`evaluate`] → [`EvalReport`]: actor, stance (micro and macro), evidence hit rate
//!   and hedge/booster P/R/F1 ([`Prf`]), plus every [`Mistake`] for tuning.
//!   `Display` prints the score table, [`EvalReport::errors`] the mistakes.
//! - [`load_bank`], [`score_bank`] → [`BankReport`]: the construction bank (short
//!   labelled texts, one judged actor each), accuracy per construction family and label.
//! - [`FoldedText`]: finds gold text (cue contexts, evidence) in the article despite
//!   curly/straight quotes, NBSP and white-space differences, with byte spans into the
//!   original.
//!
//! # Example: score one document
//! ```
//! use stancemap_core::output::{ActorOut, DocumentReport};
//! use stancemap_eval::{Gold, evaluate};
//!
//! let gold = Gold::from_json_str(r#"{"doc": "d", "actors": [
//!     {"name": "Jane Roe", "kind": "person", "aliases": ["Roe"]}]}"#)?;
//! let report = DocumentReport {
//!     doc_id: "d".into(), path: None, title: None, outlet: None, published: None, genre: None,
//!     actors: vec![ActorOut { id: "roe".into(), name: "Roe".into(), kind: "person".into(),
//!                             country: None, role: None, mentions: vec![] }],
//!     statements: vec![], stances: vec![], hedges: vec![], boosters: vec![],
//!     boilerplate: vec![], warnings: vec![],
//! };
//! let eval = evaluate(&[gold], &[(report, "Roe spoke.".to_string())]);
//! assert_eq!(eval.total.actors.f1(), Some(1.0));
//! println!("{eval}\n{}", eval.errors());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]
// `stancemap_core::Error` is 144 bytes; the loaders return it as is (boxing it is core's
// call), and they run once per gold file, so the size costs nothing measurable.
#![allow(clippy::result_large_err)]

mod bank;
mod display;
mod gold;
mod locate;
mod metrics;
mod score;
#[cfg(test)]
mod tests;

pub use bank::{BankItem, BankMiss, BankReport, Tally, load_bank, parse_bank, score_bank};
pub use gold::{Gold, GoldActor, GoldCue, GoldStance, Label, load_gold, load_gold_dir};
pub use locate::{CueLocation, FoldedText, fold, locate_cue};
pub use metrics::{HitRate, Prf, Scores, TopicScores};
pub use score::{
    CueLayer, DEFAULT_TOPIC, DocEval, EvalReport, Mistake, evaluate, evaluate_document,
};
pub use stancemap_core::Error;
