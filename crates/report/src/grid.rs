//! Drawing helpers for the stance matrix, which `stancemap-matrix` hands over as typed
//! cells ([`StanceGrid`]): colours, strength and the weak-commitment test.

use stancemap_core::output::DocumentReport;
use stancemap_core::{Error, ErrorKind};
use stancemap_matrix::{DataFrame, GridCell, MatrixOptions, StanceGrid};

pub(crate) fn output_error(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Output, message)
}

/// The matrix of `reports` (one row per actor) with evidence, for `topics` (all if empty).
pub(crate) fn of_reports(
    reports: &[&DocumentReport],
    topics: &[String],
) -> Result<StanceGrid, Error> {
    let options = MatrixOptions {
        topics: topics.to_vec(),
        ..MatrixOptions::default()
    };
    StanceGrid::of_reports(reports, &options)
        .map_err(|e| output_error("cannot build the stance matrix").with_source(e))
}

/// The typed cells of a matrix frame.
pub(crate) fn of_frame(frame: &DataFrame) -> Result<StanceGrid, Error> {
    StanceGrid::from_frame(frame)
        .map_err(|e| output_error("cannot read the stance matrix").with_source(e))
}

/// Colour of a score: white at 0, blue at +1 (support), red at -1 (oppose), faded
/// towards white by `strength` (1 = full commitment).
pub(crate) fn score_rgb(score: f64, strength: f64) -> (u8, u8, u8) {
    const SUPPORT: (f64, f64, f64) = (33.0, 102.0, 172.0);
    const OPPOSE: (f64, f64, f64) = (178.0, 24.0, 43.0);
    let s = if score.is_finite() {
        score.clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let k = if strength.is_finite() {
        strength.clamp(0.0, 1.0)
    } else {
        1.0
    };
    let end = if s >= 0.0 { SUPPORT } else { OPPOSE };
    let t = s.abs() * k;
    let mix = |c: f64| (255.0 + (c - 255.0) * t).round().clamp(0.0, 255.0) as u8;
    (mix(end.0), mix(end.1), mix(end.2))
}

/// How strongly a cell is drawn: its mean commitment, mapped so that the weakest
/// commitment (0.2) stays visible; hedged cells without a commitment are drawn at 0.6.
pub(crate) fn strength(cell: &GridCell) -> f64 {
    match cell.commitment {
        Some(c) => 0.35 + 0.65 * ((c - 0.2) / 0.8).clamp(0.0, 1.0),
        None if cell.hedged => 0.6,
        None => 1.0,
    }
}

/// Whether a cell counts as weakly committed: hedged, or mean commitment below `low`.
pub(crate) fn is_low(cell: &GridCell, low: f64) -> bool {
    cell.hedged || cell.commitment.is_some_and(|c| c < low)
}
