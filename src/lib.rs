//! stancemap reads news and opinion articles and answers: *who takes which position on
//! a policy question, how firmly, and on what evidence?*
//!
//! It finds the actors of each article (people, states, organisations, groups and the
//! author's own voice), attributes statements to them (quotes, reported speech,
//! "according to", demands, warnings), classifies each actor's stance per topic
//! (support / oppose / conditional; topics are data files), weighs it by the hedges and
//! boosters around it, and exposes the result as polars DataFrames: the stance matrix
//! (actor × topic) and the long statements frame with byte-offset evidence.
//!
//! # Overview
//! - [`Analyzer`]: the whole pipeline, built once, run on texts, files, directories or
//!   JSONL streams (in parallel, in bounded memory).
//! - [`DocumentReport`]: the per-document result (the JSON of `stancemap analyze`).
//! - [`matrix`]: frames and exports (CSV, Parquet, JSON) — [`matrix::stance_matrix`].
//! - [`eval`]: the scorer of `stancemap eval` against gold annotations.
//! - The member crates, re-exported: [`core`], [`ingest`], [`text`], [`actors`],
//!   [`attribute`], [`stance`], and `report` (with the `report` feature).
//!
//! Analysis is English only: a document in another language gets a warning in
//! [`Document::warnings`]. The output and gold formats are described in the repository's
//! `docs/FORMAT.md`.
//!
//! # Crate features
//! - `report` (default): the HTML report and heatmap ([`report`]; plotters).
//! - `cli` (default): the `stancemap` binary (clap, indicatif, anyhow). An embedder
//!   leaves both out with `default-features = false`, keeping the analysis, the frames
//!   and the scorer.
//!
//! # Example: one article
//! ```
//! let analyzer = stancemap::Analyzer::new()?;
//! let doc = analyzer.analyze_text(
//!     "example",
//!     "Finnish Defence Minister Anna Virtanen said NATO should shoot down drones that violate allied airspace.",
//! )?;
//! let report = stancemap::DocumentReport::from_document(&doc);
//! let stance = report.stances.iter().find(|s| s.topic == "shoot_down").unwrap();
//! assert_eq!(stance.actor, "anna-virtanen");
//! assert_eq!(stance.stance, stancemap::Stance::Support); // serialised as "support"
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: the stance matrix of a corpus
//! ```no_run
//! use stancemap::matrix::{stance_matrix, MatrixOptions, GroupBy};
//! let analyzer = stancemap::Analyzer::new()?;
//! let reports = analyzer.analyze_paths_to_reports(&["corpus/articles"])?;
//! let matrix = stance_matrix(&reports, &MatrixOptions::by(GroupBy::Actor))?;
//! println!("{matrix}");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod analyzer;
mod registry_check;

pub use analyzer::{Analyzer, AnalyzerBuilder, DATA_FILES};
#[doc(inline)]
pub use stancemap_core::output::DocumentReport;
#[doc(inline)]
pub use stancemap_core::{Document, Error, ErrorKind, Span, Stance};

#[doc(inline)]
pub use stancemap_actors as actors;
#[doc(inline)]
pub use stancemap_attribute as attribute;
#[doc(inline)]
pub use stancemap_core as core;
#[doc(inline)]
pub use stancemap_eval as eval;
#[doc(inline)]
pub use stancemap_hedges as hedges;
#[doc(inline)]
pub use stancemap_ingest as ingest;
#[doc(inline)]
pub use stancemap_matrix as matrix;
#[cfg(feature = "report")]
#[doc(inline)]
pub use stancemap_report as report;
#[doc(inline)]
pub use stancemap_stance as stance;
#[doc(inline)]
pub use stancemap_text as text;
#[doc(inline)]
pub use stancemap_turns as turns;

/// The polars version stancemap's frames are built with.
#[doc(no_inline)]
pub use polars;
