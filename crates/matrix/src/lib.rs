//! Polars frames and the stance matrix of stancemap: who takes which stance on which
//! topic, across many analysed documents.
//!
//! The input is the per-document analysis of SPEC §3
//! ([`DocumentReport`](stancemap_core::output::DocumentReport)s, as printed by
//! `stancemap analyze --format jsonl`). This is the only crate of the workspace that
//! depends on polars: everything else hands reports to it.
//!
//! # Overview
//! - [`statements_frame`] / [`statements_lazy`]: one row per statement and topic
//!   stance, with the actor, hedge and booster cues, byte offsets and evidence text.
//! - [`stances_frame`] / [`stances_lazy`]: one row per document-level stance.
//! - [`stance_matrix`] / [`matrix_from_stances`]: actors (or countries, or actors ×
//!   documents, see [`GroupBy`]) × topics, with an aggregated score, label and
//!   statement count per cell. The aggregation rule is in the [`matrix`] module docs.
//! - [`StanceGrid`]: the same matrix as typed cells (score, label, count, hedged,
//!   commitment and the statements behind each cell), for programs that draw it.
//! - [`by_date`]: one topic's scores by publication date.
//! - [`write_frame`] with a [`Format`]: table, CSV, Parquet, JSON, JSON lines.
//! - [`network`](mod@network): DNA-style actor × actor congruence / conflict / subtract networks,
//!   with the event list ([`events_frame`]), the affiliation edge list
//!   ([`affiliation_frame`]) and GraphML ([`write_graphml`]) exports.
//!
//! Actor identity across documents is the actor `id` (the slug of the canonical
//! name), so one person quoted in two articles is one row; a person named more briefly
//! or garbled in one article ("R. Veltri", "Ros, Veltri") joins the full name found in
//! another when that is the only person it can stand for; and the author's voice is one
//! actor per outlet (or per document when the outlet is unknown), never one for all. Every frame is sorted by its
//! key, so the same reports always give byte-identical CSV.
//!
//! # Example: a stance matrix as CSV
//! ```
//! use stancemap_core::output::{ActorOut, DocumentReport, StanceOut};
//! use stancemap_core::Stance;
//! use stancemap_matrix::{stance_matrix, write_frame, Format, MatrixOptions};
//!
//! // One document in which a minister supports the measure on the strength of two
//! // statements (statement details are left out here).
//! let report = DocumentReport {
//!     doc_id: "wire-1".into(),
//!     path: None,
//!     title: None,
//!     outlet: Some("Example Wire".into()),
//!     published: Some("2030-01-02".into()),
//!     genre: None,
//!     actors: vec![ActorOut {
//!         id: "jane-roe".into(),
//!         name: "Jane Roe".into(),
//!         kind: "person".into(),
//!         country: Some("Freedonia".into()),
//!         role: Some("Defence Minister".into()),
//!         mentions: vec![],
//!     }],
//!     statements: vec![],
//!     stances: vec![StanceOut {
//!         actor: "jane-roe".into(),
//!         topic: "shoot_down".into(),
//!         stance: Stance::Support,
//!         score: 0.8,
//!         hedged: false,
//!         statements: vec![0, 1],
//!     }],
//!     hedges: vec![],
//!     boosters: vec![],
//!     boilerplate: vec![],
//!     warnings: vec![],
//! };
//!
//! let mut matrix = stance_matrix(&[report], &MatrixOptions::default())?;
//! assert_eq!(matrix.shape(), (1, 7));
//!
//! let mut csv = Vec::new();
//! write_frame(&mut matrix, Format::Csv, &mut csv)?;
//! assert_eq!(
//!     String::from_utf8(csv)?,
//!     "actor_id,actor,kind,country,shoot_down,shoot_down_stance,shoot_down_n\n\
//!      jane-roe,Jane Roe,person,Freedonia,0.8,support,2\n"
//! );
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//! None. polars is built slim (no `round`, `is_in` or string namespace), which is why
//! a few expressions here are spelled out with casts and comparisons.
#![deny(missing_docs)]

mod export;
mod frames;
mod grid;
mod identity;
pub mod matrix;
pub mod network;

pub use export::{Format, write_frame};
pub use frames::{columns, stances_frame, stances_lazy, statements_frame, statements_lazy};
pub use grid::{CellEvidence, GridCell, GridRow, StanceGrid};
pub use matrix::{
    GroupBy, MatrixOptions, N_ACTORS, by_date, by_date_from_stances, matrix_from_stances,
    stance_matrix,
};
pub use network::{
    Conditional, NetworkOptions, Normalization, Projection, Window, affiliation_frame,
    events_frame, network, network_evidence, network_from_events, projection, write_graphml,
};

/// Re-exported so that callers can handle the frames without naming polars themselves.
pub use polars::prelude::{DataFrame, LazyFrame, PolarsError, PolarsResult};

#[cfg(test)]
mod tests;
