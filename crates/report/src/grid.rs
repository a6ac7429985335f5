//! The stance matrix as the report draws it: row heads, topic columns and one cell per
//! row and topic, read from the frame of `stancemap-matrix` and, when the reports are
//! at hand, enriched with the evidence statements, hedging and commitment of each cell.

use std::collections::HashMap;

use polars::prelude::{DataFrame, DataType};
use stancemap_core::output::DocumentReport;
use stancemap_core::{Error, ErrorKind};
use stancemap_matrix::columns::{ACTOR, ACTOR_ID, COUNTRY, KIND};
use stancemap_matrix::{MatrixOptions, stance_matrix};

/// One row of the matrix (an actor, or a country for a country roll-up frame).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RowHead {
    /// Key of the row (the actor id), used to find its stances in the reports.
    pub id: String,
    /// What the row is called on screen.
    pub name: String,
    /// Actor kind, if the frame has one.
    pub kind: Option<String>,
    /// Country, if the frame has one (and it is not the row label itself).
    pub country: Option<String>,
}

/// A statement that a cell rests on: document index and statement index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Evidence {
    pub doc: usize,
    pub statement: usize,
}

/// One non-empty cell.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Cell {
    /// Aggregated score in [-1, 1] (support > 0 > oppose).
    pub score: f64,
    /// Aggregated label (support, oppose, conditional).
    pub stance: String,
    /// Number of statements.
    pub n: u32,
    /// Most of the evidence (by statement weight) rests on hedged document stances.
    pub hedged: bool,
    /// Mean commitment of the evidence statements, where the reports give it.
    pub commitment: Option<f64>,
    /// The statements behind the cell (empty when built from a bare frame).
    pub evidence: Vec<Evidence>,
}

/// The matrix: `cells[row][topic]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Grid {
    pub topics: Vec<String>,
    pub rows: Vec<RowHead>,
    pub cells: Vec<Vec<Option<Cell>>>,
}

pub(crate) fn output_error(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Output, message)
}

fn polars_error(e: polars::prelude::PolarsError) -> Error {
    output_error("cannot read the stance matrix").with_source(e)
}

/// Reads the string column `name` (any castable type), or `None` if absent.
fn strings(df: &DataFrame, name: &str) -> Result<Option<Vec<Option<String>>>, Error> {
    let Ok(column) = df.column(name) else {
        return Ok(None);
    };
    let cast = column.cast(&DataType::String).map_err(polars_error)?;
    let values = cast.str().map_err(polars_error)?;
    Ok(Some(values.iter().map(|v| v.map(str::to_string)).collect()))
}

impl Grid {
    /// The stance matrix of `reports` (one row per actor), with evidence.
    pub fn from_reports(reports: &[&DocumentReport], topics: &[String]) -> Result<Grid, Error> {
        let owned: Vec<DocumentReport> = reports.iter().map(|r| (*r).clone()).collect();
        let options = MatrixOptions {
            topics: topics.to_vec(),
            ..MatrixOptions::default()
        };
        let frame = stance_matrix(&owned, &options)
            .map_err(|e| output_error("cannot build the stance matrix").with_source(e))?;
        let mut grid = Grid::from_frame(&frame)?;
        grid.enrich(reports);
        Ok(grid)
    }

    /// Reads a matrix frame: every column `t` followed by `t_stance` and `t_n` is a
    /// topic (or document) column; the other columns describe the row. Works for the
    /// actor, country and document groupings of `stancemap-matrix`.
    pub fn from_frame(df: &DataFrame) -> Result<Grid, Error> {
        let names: Vec<String> = df
            .get_column_names()
            .iter()
            .map(|n| n.to_string())
            .collect();
        let mut topics = Vec::new();
        let mut index = Vec::new();
        let mut i = 0;
        while i < names.len() {
            let t = &names[i];
            let triple = names.get(i + 1) == Some(&format!("{t}_stance"))
                && names.get(i + 2) == Some(&format!("{t}_n"));
            if triple {
                topics.push(t.clone());
                i += 3;
            } else {
                index.push(t.clone());
                i += 1;
            }
        }
        let height = df.height();
        let first_string = index.first().cloned();
        let label_column = [ACTOR, COUNTRY]
            .into_iter()
            .find(|c| index.iter().any(|n| n == c))
            .map(str::to_string)
            .or(first_string)
            .ok_or_else(|| output_error("the stance matrix has no row label column"))?;
        let labels = strings(df, &label_column)?.unwrap_or_default();
        let ids = strings(df, ACTOR_ID)?;
        let kinds = strings(df, KIND)?;
        let countries = if label_column == COUNTRY {
            None
        } else {
            strings(df, COUNTRY)?
        };
        let at = |v: &Option<Vec<Option<String>>>, r: usize| -> Option<String> {
            v.as_ref().and_then(|v| v.get(r).cloned().flatten())
        };
        let mut rows = Vec::with_capacity(height);
        for r in 0..height {
            let name = labels.get(r).cloned().flatten().unwrap_or_default();
            rows.push(RowHead {
                id: at(&ids, r).unwrap_or_else(|| name.clone()),
                name,
                kind: at(&kinds, r),
                country: at(&countries, r),
            });
        }

        let mut cells: Vec<Vec<Option<Cell>>> = vec![Vec::with_capacity(topics.len()); height];
        for t in &topics {
            let score = df
                .column(t)
                .and_then(|c| c.cast(&DataType::Float64))
                .map_err(polars_error)?;
            let score = score.f64().map_err(polars_error)?;
            let stance = strings(df, &format!("{t}_stance"))?.unwrap_or_default();
            let n = df
                .column(&format!("{t}_n"))
                .and_then(|c| c.cast(&DataType::UInt32))
                .map_err(polars_error)?;
            let n = n.u32().map_err(polars_error)?;
            for (r, row) in cells.iter_mut().enumerate() {
                let cell = match (score.get(r), stance.get(r).cloned().flatten()) {
                    (Some(s), Some(label)) if s.is_finite() => Some(Cell {
                        score: s.clamp(-1.0, 1.0),
                        stance: label,
                        n: n.get(r).unwrap_or(0),
                        hedged: false,
                        commitment: None,
                        evidence: Vec::new(),
                    }),
                    _ => None,
                };
                row.push(cell);
            }
        }
        Ok(Grid {
            topics,
            rows,
            cells,
        })
    }

    /// Adds the evidence statements, the hedged flag and the commitment of every cell,
    /// looking the row's actor id up in each report's stances.
    pub fn enrich(&mut self, reports: &[&DocumentReport]) {
        // (actor id, topic) -> cell position, so that each report is read once.
        let mut position: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
        for (r, row) in self.rows.iter().enumerate() {
            for (t, topic) in self.topics.iter().enumerate() {
                position.insert((row.id.as_str(), topic.as_str()), (r, t));
            }
        }
        // Per cell: total weight, hedged weight, commitment sum and count.
        let mut tally: HashMap<(usize, usize), (usize, usize, f64, usize)> = HashMap::new();
        let mut evidence: HashMap<(usize, usize), Vec<Evidence>> = HashMap::new();
        for (d, report) in reports.iter().enumerate() {
            for stance in &report.stances {
                let Some(&pos) = position.get(&(stance.actor.as_str(), stance.topic.as_str()))
                else {
                    continue;
                };
                let mut listed: Vec<usize> = stance
                    .statements
                    .iter()
                    .copied()
                    .filter(|&i| i < report.statements.len())
                    .collect();
                if listed.is_empty() {
                    // No statement listed: fall back to the actor's statements that take
                    // a stance on the topic, so that the cell still shows its evidence.
                    listed = report
                        .statements
                        .iter()
                        .enumerate()
                        .filter(|(_, st)| {
                            st.actor == stance.actor
                                && st.stances.iter().any(|s| s.topic == stance.topic)
                        })
                        .map(|(i, _)| i)
                        .collect();
                }
                listed.dedup();
                let weight = listed.len().max(1);
                let entry = tally.entry(pos).or_insert((0, 0, 0.0, 0));
                entry.0 += weight;
                if stance.hedged {
                    entry.1 += weight;
                }
                for &i in &listed {
                    let st = &report.statements[i];
                    if st.commitment > 0.0 && st.commitment.is_finite() {
                        entry.2 += f64::from(st.commitment.min(1.0));
                        entry.3 += 1;
                    }
                }
                evidence.entry(pos).or_default().extend(
                    listed
                        .into_iter()
                        .map(|statement| Evidence { doc: d, statement }),
                );
            }
        }
        for ((r, t), (total, hedged, sum, count)) in tally {
            if let Some(Some(cell)) = self.cells.get_mut(r).and_then(|row| row.get_mut(t)) {
                cell.hedged = total > 0 && hedged * 2 >= total;
                cell.commitment = (count > 0).then(|| sum / count as f64);
            }
        }
        for (pos, ev) in evidence {
            if let Some(Some(cell)) = self.cells.get_mut(pos.0).and_then(|row| row.get_mut(pos.1)) {
                cell.evidence = ev;
            }
        }
    }

    /// Number of cells (rows × topics), empty ones included.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.rows.len() * self.topics.len()
    }
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
pub(crate) fn strength(cell: &Cell) -> f64 {
    match cell.commitment {
        Some(c) => 0.35 + 0.65 * ((c - 0.2) / 0.8).clamp(0.0, 1.0),
        None if cell.hedged => 0.6,
        None => 1.0,
    }
}

/// Whether a cell counts as weakly committed: hedged, or mean commitment below `low`.
pub(crate) fn is_low(cell: &Cell, low: f64) -> bool {
    cell.hedged || cell.commitment.is_some_and(|c| c < low)
}
