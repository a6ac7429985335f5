//! Long frames built from [`DocumentReport`]s: one row per statement stance and one row
//! per document-level stance.
//!
//! These are the only places where data is copied out of the reports row by row; every
//! aggregation downstream is a polars operation. Strings are borrowed from the reports
//! while the columns are built, so the only per-row allocation is the cue list of a
//! statement that has cues.

use std::borrow::Cow;
use std::collections::HashMap;

use polars::prelude::*;
use stancemap_core::output::{ActorOut, CueOut, DocumentReport};

use crate::identity::Identities;

/// Column names shared by the frames of this crate, so that callers (and the matrix
/// functions, which also accept frames read back from a file) agree on them.
pub mod columns {
    /// Document id (file name without extension).
    pub const DOC_ID: &str = "doc_id";
    /// Outlet of the document, if known.
    pub const OUTLET: &str = "outlet";
    /// Publication date of the document (a polars `Date`; null when the metadata gives
    /// no full `YYYY-MM-DD` date).
    pub const PUBLISHED: &str = "published";
    /// Index of the statement in its document's `statements`.
    pub const STATEMENT: &str = "statement";
    /// Actor id: the slug of the canonical name, the actor's identity across documents
    /// (a person named more briefly in one document takes the id of the fuller name
    /// found in another, and the author's voice is `author@<outlet>`, or
    /// `author@<doc_id>` when the outlet is unknown).
    pub const ACTOR_ID: &str = "actor_id";
    /// Canonical actor name.
    pub const ACTOR: &str = "actor";
    /// person | state | organisation | group | author.
    pub const KIND: &str = "kind";
    /// Country of the actor, if known.
    pub const COUNTRY: &str = "country";
    /// Role of the actor, if known.
    pub const ROLE: &str = "role";
    /// Topic id.
    pub const TOPIC: &str = "topic";
    /// support | oppose | conditional.
    pub const STANCE: &str = "stance";
    /// Score in [-1, 1], support > 0 > oppose.
    pub const SCORE: &str = "score";
    /// Rule that decided a statement's stance.
    pub const RULE: &str = "rule";
    /// Commitment weight of a statement.
    pub const COMMITMENT: &str = "commitment";
    /// Whether a statement carries hedges, or a stance rests on a hedged statement.
    pub const HEDGED: &str = "hedged";
    /// Hedge cues of a statement (`list<str>`; in CSV and tables joined with `;`).
    pub const HEDGE_CUES: &str = "hedge_cues";
    /// Booster cues of a statement (`list<str>`; in CSV and tables joined with `;`).
    pub const BOOSTER_CUES: &str = "booster_cues";
    /// Whether a statement is a direct quote.
    pub const QUOTE: &str = "quote";
    /// Reporting cue of a statement ("said", "according to").
    pub const CUE: &str = "cue";
    /// Byte start of a statement in the original input.
    pub const START: &str = "start";
    /// Byte end of a statement in the original input.
    pub const END: &str = "end";
    /// The statement text.
    pub const EVIDENCE: &str = "evidence";
    /// Number of statements a document-level stance rests on.
    pub const N_STATEMENTS: &str = "n_statements";
}

use columns::*;

/// Scores are `f32` rounded to three decimals in the reports; widening them to `f64`
/// as is would print `0.8999999761581421` in a CSV, so they are re-rounded on the way.
fn widen(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// The cue texts that `indices` point at, or `None` when there are none. Out-of-range
/// indices are skipped rather than trusted.
fn cue_list<'a>(cues: &'a [CueOut], indices: &[usize]) -> Option<Vec<&'a str>> {
    let list: Vec<&str> = indices
        .iter()
        .filter_map(|&i| cues.get(i))
        .map(|c| c.cue.as_str())
        .collect();
    (!list.is_empty()).then_some(list)
}

/// A `list<str>` column.
pub(crate) fn list_column(name: &str, rows: &[Option<Vec<&str>>]) -> Column {
    let values: usize = rows.iter().flatten().map(Vec::len).sum();
    let mut b = ListStringChunkedBuilder::new(name.into(), rows.len(), values);
    for row in rows {
        match row {
            Some(list) => b.append_values_iter(list.iter().copied()),
            None => b.append_null(),
        }
    }
    b.finish().into_series().into_column()
}

/// Days since 1970-01-01 of an ISO date (`YYYY-MM-DD`, optionally followed by a time
/// after `T` or a space), or `None` when the text is not a valid full date.
pub(crate) fn iso_days(s: &str) -> Option<i32> {
    let s = s.trim();
    let date = s.get(..10)?;
    if s.len() > 10 && !matches!(s.as_bytes()[10], b'T' | b' ') {
        return None;
    }
    let b = date.as_bytes();
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = &date[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d < 1 || d > month_days[(m - 1) as usize] {
        return None;
    }
    // Days from the civil date (H. Hinnant's algorithm), proleptic Gregorian.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i32::try_from(era * 146_097 + doe - 719_468).ok()
}

/// A `Date` column from ISO date texts (null where not a full date).
pub(crate) fn date_column(name: &str, values: &[Option<&str>]) -> PolarsResult<Column> {
    let days: Vec<Option<i32>> = values.iter().map(|v| v.and_then(iso_days)).collect();
    Column::new(name.into(), days).cast(&DataType::Date)
}

/// The actors of one document by id. A document lists few actors, but a statement
/// looks its actor up once per row, so a map keeps building linear in the rows.
pub(crate) fn actor_index(report: &DocumentReport) -> HashMap<&str, &ActorOut> {
    let mut map = HashMap::with_capacity(report.actors.len());
    for a in &report.actors {
        // The first entry wins if a (malformed) report lists an id twice.
        map.entry(a.id.as_str()).or_insert(a);
    }
    map
}

/// Document and actor columns shared by both long frames.
#[derive(Default)]
struct ActorCols<'a> {
    doc_id: Vec<&'a str>,
    outlet: Vec<Option<&'a str>>,
    published: Vec<Option<&'a str>>,
    actor_id: Vec<Cow<'a, str>>,
    actor: Vec<Cow<'a, str>>,
    kind: Vec<Option<&'a str>>,
    country: Vec<Option<&'a str>>,
    role: Vec<Option<&'a str>>,
}

impl<'a> ActorCols<'a> {
    fn with_capacity(n: usize) -> Self {
        ActorCols {
            doc_id: Vec::with_capacity(n),
            outlet: Vec::with_capacity(n),
            published: Vec::with_capacity(n),
            actor_id: Vec::with_capacity(n),
            actor: Vec::with_capacity(n),
            kind: Vec::with_capacity(n),
            country: Vec::with_capacity(n),
            role: Vec::with_capacity(n),
        }
    }

    /// Appends one row. An actor id missing from the document's actor list keeps its id
    /// as the name, so that the row still reads as someone.
    fn push(
        &mut self,
        ids: &Identities<'a>,
        report: &'a DocumentReport,
        id: &'a str,
        actor: Option<&'a ActorOut>,
    ) {
        let (id, name) = ids.resolve(report, id, actor);
        self.doc_id.push(&report.doc_id);
        self.outlet.push(report.outlet.as_deref());
        self.published.push(report.published.as_deref());
        self.actor_id.push(id);
        self.actor.push(name);
        self.kind.push(actor.map(|a| a.kind.as_str()));
        self.country.push(actor.and_then(|a| a.country.as_deref()));
        self.role.push(actor.and_then(|a| a.role.as_deref()));
    }

    fn into_columns(self) -> PolarsResult<Vec<Column>> {
        Ok(vec![
            Column::new(DOC_ID.into(), self.doc_id),
            Column::new(OUTLET.into(), self.outlet),
            date_column(PUBLISHED, &self.published)?,
            Column::new(
                ACTOR_ID.into(),
                self.actor_id.iter().map(Cow::as_ref).collect::<Vec<&str>>(),
            ),
            Column::new(
                ACTOR.into(),
                self.actor.iter().map(Cow::as_ref).collect::<Vec<&str>>(),
            ),
            Column::new(KIND.into(), self.kind),
            Column::new(COUNTRY.into(), self.country),
            Column::new(ROLE.into(), self.role),
        ])
    }
}

/// One row per (statement, topic stance) of every report; a statement without any
/// stance still gets one row, with null `topic`, `stance`, `score` and `rule`.
///
/// Columns, in order: `doc_id`, `outlet`, `published` (date), `statement` (u32 index
/// into the document's statements), `actor_id`, `actor`, `kind`, `country`, `role`,
/// `topic`, `stance`, `score` (f64), `rule`, `commitment` (f64), `quote` (bool), `cue`,
/// `hedged` (bool: the statement has hedges), `hedge_cues`, `booster_cues` (`list<str>`
/// of cue texts, null when none; [`write_frame`](crate::write_frame) joins them with `;`
/// for CSV and tables), `start`, `end` (u64 byte offsets into the original input),
/// `evidence` (the statement text). Rows keep the order of the reports and of their
/// statements.
///
/// # Errors
/// Only if polars refuses to assemble the columns (it should not).
pub fn statements_frame(reports: &[DocumentReport]) -> PolarsResult<DataFrame> {
    let rows: usize = reports
        .iter()
        .flat_map(|r| &r.statements)
        .map(|s| s.stances.len().max(1))
        .sum();
    let ids = Identities::new(reports);
    let mut actors = ActorCols::with_capacity(rows);
    let mut statement: Vec<u32> = Vec::with_capacity(rows);
    let mut topic: Vec<Option<&str>> = Vec::with_capacity(rows);
    let mut stance: Vec<Option<&str>> = Vec::with_capacity(rows);
    let mut score: Vec<Option<f64>> = Vec::with_capacity(rows);
    let mut rule: Vec<Option<&str>> = Vec::with_capacity(rows);
    let mut commitment: Vec<f64> = Vec::with_capacity(rows);
    let mut quote: Vec<bool> = Vec::with_capacity(rows);
    let mut cue: Vec<Option<&str>> = Vec::with_capacity(rows);
    let mut hedged: Vec<bool> = Vec::with_capacity(rows);
    let mut hedge_cues: Vec<Option<Vec<&str>>> = Vec::with_capacity(rows);
    let mut booster_cues: Vec<Option<Vec<&str>>> = Vec::with_capacity(rows);
    let mut start: Vec<u64> = Vec::with_capacity(rows);
    let mut end: Vec<u64> = Vec::with_capacity(rows);
    let mut evidence: Vec<&str> = Vec::with_capacity(rows);

    for report in reports {
        let index = actor_index(report);
        for (i, st) in report.statements.iter().enumerate() {
            let actor = index.get(st.actor.as_str()).copied();
            let hedges = cue_list(&report.hedges, &st.hedges);
            let boosters = cue_list(&report.boosters, &st.boosters);
            // A statement without stances still gets one row: `get(0)` is then `None`.
            for k in 0..st.stances.len().max(1) {
                let s = st.stances.get(k);
                actors.push(&ids, report, &st.actor, actor);
                statement.push(u32::try_from(i).unwrap_or(u32::MAX));
                topic.push(s.map(|s| s.topic.as_str()));
                stance.push(s.map(|s| s.stance.as_str()));
                score.push(s.map(|s| widen(s.score)));
                rule.push(s.map(|s| s.rule.as_str()).filter(|r| !r.is_empty()));
                commitment.push(widen(st.commitment));
                quote.push(st.quote);
                cue.push(st.cue.as_deref());
                hedged.push(!st.hedges.is_empty());
                hedge_cues.push(hedges.clone());
                booster_cues.push(boosters.clone());
                start.push(st.start as u64);
                end.push(st.end as u64);
                evidence.push(&st.text);
            }
        }
    }

    let mut cols = actors.into_columns()?;
    cols.insert(3, Column::new(STATEMENT.into(), statement));
    cols.extend([
        Column::new(TOPIC.into(), topic),
        Column::new(STANCE.into(), stance),
        Column::new(SCORE.into(), score),
        Column::new(RULE.into(), rule),
        Column::new(COMMITMENT.into(), commitment),
        Column::new(QUOTE.into(), quote),
        Column::new(CUE.into(), cue),
        Column::new(HEDGED.into(), hedged),
        list_column(HEDGE_CUES, &hedge_cues),
        list_column(BOOSTER_CUES, &booster_cues),
        Column::new(START.into(), start),
        Column::new(END.into(), end),
        Column::new(EVIDENCE.into(), evidence),
    ]);
    DataFrame::new(rows, cols)
}

/// [`statements_frame`] as a [`LazyFrame`], to chain further polars operations.
///
/// # Errors
/// As [`statements_frame`].
pub fn statements_lazy(reports: &[DocumentReport]) -> PolarsResult<LazyFrame> {
    Ok(statements_frame(reports)?.lazy())
}

/// One row per document-level stance (the reports' `stances`: one per actor, topic and
/// document).
///
/// Columns, in order: `doc_id`, `outlet`, `published`, `actor_id`, `actor`, `kind`,
/// `country`, `role`, `topic`, `stance`, `score` (f64), `hedged` (bool),
/// `n_statements` (u32: how many statements the stance rests on). Rows keep the order
/// of the reports. This is the input of [`crate::matrix_from_stances`].
///
/// # Errors
/// Only if polars refuses to assemble the columns (it should not).
pub fn stances_frame(reports: &[DocumentReport]) -> PolarsResult<DataFrame> {
    let rows: usize = reports.iter().map(|r| r.stances.len()).sum();
    let ids = Identities::new(reports);
    let mut actors = ActorCols::with_capacity(rows);
    let mut topic: Vec<&str> = Vec::with_capacity(rows);
    let mut stance: Vec<&str> = Vec::with_capacity(rows);
    let mut score: Vec<f64> = Vec::with_capacity(rows);
    let mut hedged: Vec<bool> = Vec::with_capacity(rows);
    let mut n_statements: Vec<u32> = Vec::with_capacity(rows);
    for report in reports {
        let index = actor_index(report);
        for s in &report.stances {
            actors.push(&ids, report, &s.actor, index.get(s.actor.as_str()).copied());
            topic.push(&s.topic);
            stance.push(s.stance.as_str());
            score.push(widen(s.score));
            hedged.push(s.hedged);
            n_statements.push(u32::try_from(s.statements.len()).unwrap_or(u32::MAX));
        }
    }
    let mut cols = actors.into_columns()?;
    cols.extend([
        Column::new(TOPIC.into(), topic),
        Column::new(STANCE.into(), stance),
        Column::new(SCORE.into(), score),
        Column::new(HEDGED.into(), hedged),
        Column::new(N_STATEMENTS.into(), n_statements),
    ]);
    DataFrame::new(rows, cols)
}

/// [`stances_frame`] as a [`LazyFrame`].
///
/// # Errors
/// As [`stances_frame`].
pub fn stances_lazy(reports: &[DocumentReport]) -> PolarsResult<LazyFrame> {
    Ok(stances_frame(reports)?.lazy())
}
