//! The stance matrix as typed cells: what a report or a program draws, without reading
//! column names. [`StanceGrid::of_reports`] builds the matrix of reports (one row per
//! actor) and adds, per cell, the statements it rests on, whether that evidence is
//! hedged and its mean commitment; [`StanceGrid::from_frame`] reads a matrix frame of
//! any grouping (actors, countries, documents), which carries scores, labels and counts
//! only. [`StanceGrid::to_frame`] gives the frame back.

use std::collections::HashMap;

use polars::prelude::*;
use stancemap_core::Stance;
use stancemap_core::output::DocumentReport;

use crate::frames::columns::{ACTOR, ACTOR_ID, COUNTRY, KIND};
use crate::matrix::{MatrixOptions, n_column, stance_column, stance_matrix};

/// One row of the matrix (an actor, or a country for a country roll-up frame).
#[derive(Clone, Debug, PartialEq)]
pub struct GridRow {
    /// Key of the row (the actor id), used to find its stances in the reports.
    pub id: String,
    /// What the row is called on screen.
    pub name: String,
    /// Actor kind, if the frame has one.
    pub kind: Option<String>,
    /// Country, if the frame has one (and it is not the row label itself).
    pub country: Option<String>,
}

/// A statement that a cell rests on: index of its report and of the statement in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellEvidence {
    /// Index of the report in the input.
    pub doc: usize,
    /// Index of the statement in that report's `statements`.
    pub statement: usize,
}

/// One non-empty cell.
#[derive(Clone, Debug, PartialEq)]
pub struct GridCell {
    /// Aggregated score in [-1, 1] (support > 0 > oppose).
    pub score: f64,
    /// Aggregated label.
    pub stance: Stance,
    /// Number of statements.
    pub n: u32,
    /// Most of the evidence (by statement weight) rests on hedged document stances.
    pub hedged: bool,
    /// Mean commitment of the evidence statements, where the reports give it.
    pub commitment: Option<f64>,
    /// The statements behind the cell (empty when read from a bare frame).
    pub evidence: Vec<CellEvidence>,
}

/// The matrix: `cells[row][topic]`, with the frame it was read from.
#[derive(Clone, Debug, Default)]
pub struct StanceGrid {
    /// Topic (or document) columns, in frame order.
    pub topics: Vec<String>,
    /// Row heads, in frame order.
    pub rows: Vec<GridRow>,
    /// One entry per row and topic; `None` where the row takes no stance.
    pub cells: Vec<Vec<Option<GridCell>>>,
    frame: DataFrame,
}

fn layout_error(message: &str) -> PolarsError {
    PolarsError::ComputeError(format!("not a stance matrix frame: {message}").into())
}

/// Reads the string column `name` (any castable type), or `None` if absent.
fn strings(df: &DataFrame, name: &str) -> PolarsResult<Option<Vec<Option<String>>>> {
    let Ok(column) = df.column(name) else {
        return Ok(None);
    };
    let cast = column.cast(&DataType::String)?;
    Ok(Some(
        cast.str()?.iter().map(|v| v.map(str::to_string)).collect(),
    ))
}

impl StanceGrid {
    /// The stance matrix of `reports` (`options.group_by` is ignored: one row per
    /// actor), with the evidence, hedging and commitment of every cell.
    ///
    /// # Errors
    /// As [`stance_matrix`].
    pub fn of_reports(
        reports: &[&DocumentReport],
        options: &MatrixOptions,
    ) -> PolarsResult<StanceGrid> {
        let owned: Vec<DocumentReport> = reports.iter().map(|r| (*r).clone()).collect();
        let options = MatrixOptions {
            topics: options.topics.clone(),
            ..MatrixOptions::default()
        };
        let mut grid = StanceGrid::from_frame(&stance_matrix(&owned, &options)?)?;
        grid.enrich(reports);
        Ok(grid)
    }

    /// Reads a matrix frame: every column `t` followed by its label and count columns
    /// is a topic (or document) column; the other columns describe the row. Works for
    /// the actor, country and document groupings.
    ///
    /// # Errors
    /// The frame has no row label column, or a topic column that is not numeric.
    pub fn from_frame(df: &DataFrame) -> PolarsResult<StanceGrid> {
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
            let triple = names.get(i + 1) == Some(&stance_column(t))
                && names.get(i + 2) == Some(&n_column(t));
            if triple {
                topics.push(t.clone());
                i += 3;
            } else {
                index.push(t.clone());
                i += 1;
            }
        }
        let label_column = [ACTOR, COUNTRY]
            .into_iter()
            .find(|c| index.iter().any(|n| n == c))
            .map(str::to_string)
            .or_else(|| index.first().cloned())
            .ok_or_else(|| layout_error("no row label column"))?;
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
        let height = df.height();
        let rows = (0..height)
            .map(|r| {
                let name = labels.get(r).cloned().flatten().unwrap_or_default();
                GridRow {
                    id: at(&ids, r).unwrap_or_else(|| name.clone()),
                    name,
                    kind: at(&kinds, r),
                    country: at(&countries, r),
                }
            })
            .collect();

        let mut cells: Vec<Vec<Option<GridCell>>> = vec![Vec::with_capacity(topics.len()); height];
        for t in &topics {
            let score = df.column(t)?.cast(&DataType::Float64)?;
            let score = score.f64()?;
            let stance = strings(df, &stance_column(t))?.unwrap_or_default();
            let n = df.column(&n_column(t))?.cast(&DataType::UInt32)?;
            let n = n.u32()?;
            for (r, row) in cells.iter_mut().enumerate() {
                let label = stance.get(r).cloned().flatten();
                let cell = match (score.get(r), label.and_then(|l| l.parse::<Stance>().ok())) {
                    (Some(s), Some(stance)) if s.is_finite() => Some(GridCell {
                        score: s.clamp(-1.0, 1.0),
                        stance,
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
        Ok(StanceGrid {
            topics,
            rows,
            cells,
            frame: df.clone(),
        })
    }

    /// The matrix frame the grid was read from (see [`stance_matrix`] for its columns).
    pub fn to_frame(&self) -> DataFrame {
        self.frame.clone()
    }

    /// The cell of row `r` and topic `t`, if the row takes a stance there.
    pub fn cell(&self, r: usize, t: usize) -> Option<&GridCell> {
        self.cells.get(r)?.get(t)?.as_ref()
    }

    /// Adds the evidence statements, the hedged flag and the commitment of every cell,
    /// looking the row's actor id up in each report's stances.
    fn enrich(&mut self, reports: &[&DocumentReport]) {
        // (actor id, topic) -> cell position, so that each report is read once.
        let mut position: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
        for (r, row) in self.rows.iter().enumerate() {
            for (t, topic) in self.topics.iter().enumerate() {
                position.insert((row.id.as_str(), topic.as_str()), (r, t));
            }
        }
        // Per cell: total weight, hedged weight, commitment sum and count.
        let mut tally: HashMap<(usize, usize), (usize, usize, f64, usize)> = HashMap::new();
        let mut evidence: HashMap<(usize, usize), Vec<CellEvidence>> = HashMap::new();
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
                        .map(|statement| CellEvidence { doc: d, statement }),
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
}
