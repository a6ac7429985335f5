//! Reports for people: a self-contained HTML page and heatmap images of a stancemap
//! analysis, so that analysts can look at who takes which stance, and check each one
//! against the text it rests on, instead of reading JSON.
//!
//! The input is what `stancemap analyze` produces per document (SPEC §3,
//! [`DocumentReport`]) together with the original text its byte offsets point into.
//! The matrix numbers come from `stancemap-matrix` (`stance_matrix`), so the report,
//! the CSV export and the heatmap always agree.
//!
//! # Overview
//! - [`html_report`] with [`ReportOptions`]: one HTML file with no external resource
//!   (inline CSS, no script, no web font): a corpus summary; the actor × topic matrix
//!   as a colour table in which every cell links to its evidence; an evidence list per
//!   cell whose items link to the statements in context; and every article, with
//!   boilerplate greyed out, actor mentions labelled, statements boxed with their
//!   stance, hedges and boosters highlighted (details in `title` tooltips); a legend.
//! - [`heatmap`], [`heatmap_from_matrix`], [`heatmap_svg`] with [`HeatmapOptions`] and
//!   [`ImageFormat`]: the matrix alone as an SVG or PNG image (plotters).
//!
//! Every piece of input text (article, names, titles, ids, cues) is HTML-escaped;
//! spans that cross each other are split so that the markup always nests. Offsets
//! outside the text or inside a multi-byte character are clipped, never a panic.
//!
//! # Example: a report of one short article
//! ```
//! use stancemap_core::output::*;
//! use stancemap_core::Stance;
//! use stancemap_report::{html_report, ReportOptions};
//!
//! let text = "Defence Minister Jane Roe said the jets may have to be shot down.".to_string();
//! let report = DocumentReport {
//!     doc_id: "wire-1".into(),
//!     path: None,
//!     title: Some("Jets over the border".into()),
//!     outlet: Some("Example Wire".into()),
//!     published: Some("2030-01-02".into()),
//!     genre: None,
//!     actors: vec![ActorOut {
//!         id: "jane-roe".into(),
//!         name: "Jane Roe".into(),
//!         kind: "person".into(),
//!         country: Some("Freedonia".into()),
//!         role: Some("Defence Minister".into()),
//!         mentions: vec![SpanOut { start: 17, end: 25, text: "Jane Roe".into() }],
//!     }],
//!     statements: vec![StatementOut {
//!         actor: "jane-roe".into(),
//!         start: 0,
//!         end: 64,
//!         text: text[..64].into(),
//!         quote: false,
//!         cue: Some("said".into()),
//!         stances: vec![StatementStanceOut {
//!             topic: "shoot_down".into(),
//!             stance: Stance::Support,
//!             score: 0.7,
//!             rule: String::new(),
//!         }],
//!         hedges: vec![0],
//!         boosters: vec![],
//!         commitment: 0.7,
//!     }],
//!     stances: vec![StanceOut {
//!         actor: "jane-roe".into(),
//!         topic: "shoot_down".into(),
//!         stance: Stance::Support,
//!         score: 0.7,
//!         hedged: true,
//!         statements: vec![0],
//!     }],
//!     hedges: vec![CueOut { cue: "may".into(), kind: "modal".into(), start: 40, end: 43 }],
//!     boosters: vec![],
//!     boilerplate: vec![],
//!     warnings: vec![],
//! };
//!
//! let html = html_report(&[(report, text)], &ReportOptions::default())?;
//! // The matrix cell links to the evidence list, which links to the statement.
//! assert!(html.contains(r##"<a href="#ev-0-0""##));
//! assert!(html.contains(r##"<a href="#d0-s0">"##));
//! assert!(html.contains(r#"id="d0-s0""#));
//! assert!(html.contains(r#"<mark class="cue hedge" title="hedge (modal): may">may</mark>"#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Example: a heatmap image
//! ```no_run
//! use stancemap_report::{heatmap, HeatmapOptions, ImageFormat};
//! # let reports: Vec<stancemap_core::output::DocumentReport> = Vec::new();
//! heatmap(&reports, &HeatmapOptions::default(), ImageFormat::Png, "matrix.png")?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//! None. PNG output uses plotters' bitmap backend, which needs a system sans-serif
//! font (fontconfig) for its labels; SVG output needs no font.
#![deny(missing_docs)]

mod escape;
mod grid;
mod heatmap;
mod html;
mod markup;

pub use heatmap::{HeatmapOptions, ImageFormat, heatmap, heatmap_from_matrix, heatmap_svg};

use stancemap_core::Error;
use stancemap_core::output::DocumentReport;

/// Mean commitment below which a cell counts as weakly committed: one epistemic hedge
/// ("may") brings a statement to about 0.7.
pub(crate) const DEFAULT_LOW_COMMITMENT: f64 = 0.75;

/// What [`html_report`] shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportOptions {
    /// Page title and heading; `"Stance report"` when unset.
    pub title: Option<String>,
    /// Topics of the matrix, in this column order; empty means every topic with a
    /// stance, sorted. A listed topic nobody takes a stance on gets an empty column.
    pub topics: Vec<String>,
    /// Mean commitment of a cell's evidence statements below which the cell is
    /// hatched as weakly committed (a cell resting mostly on hedged stances is hatched
    /// anyway). Default 0.75.
    pub low_commitment: f64,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            title: None,
            topics: Vec::new(),
            low_commitment: DEFAULT_LOW_COMMITMENT,
        }
    }
}

/// One self-contained HTML page for the analysed documents: each report with the
/// original text its byte offsets point into, in the order the articles should appear.
///
/// Anchors: `#matrix`, `#evidence`, `#ev-<row>-<column>` (the evidence of a matrix
/// cell), `#doc-<d>` (an article) and `#d<d>-s<s>` (statement `s` of document `d`),
/// with `d`, `s`, row and column the 0-based positions, so ids never depend on the input
/// text. A link to an article (`report.html#doc-1`) shows that article alone, with a link
/// back to the whole report (CSS `:target`, no script).
///
/// # Errors
/// Only when the stance matrix cannot be built (a polars error, e.g. a topic named like
/// one of the matrix's own columns), as [`stancemap_core::ErrorKind::Output`].
pub fn html_report(
    docs: &[(DocumentReport, String)],
    opts: &ReportOptions,
) -> Result<String, Error> {
    let reports: Vec<&DocumentReport> = docs.iter().map(|(r, _)| r).collect();
    let grid = grid::of_reports(&reports, &opts.topics)?;
    html::report(docs, &grid, opts)
}

#[cfg(test)]
mod tests;
