//! The stance matrix: document-level stances aggregated across documents and pivoted
//! to one row per actor (or country, or actor × document) and one column per topic.
//!
//! # Aggregation rule
//! Every document-level stance has a weight `w` = its number of statements (at least 1,
//! so that a stance resting on no listed statement still counts once). For each row key
//! and topic:
//! - `score` = Σ w·score / Σ w, rounded to three decimals: the mean of the document
//!   scores, weighted by how much each document says;
//! - `n` = Σ statements;
//! - `stance` = the label whose documents carry the most weight. Ties are settled
//!   cautiously: `conditional` wins any tie it takes part in (a conditional majority,
//!   or an even split with it, stays conditional); an even split between `support` and
//!   `oppose` follows the sign of the weighted score, and a score of exactly 0 is
//!   `conditional` (mixed evidence is reported as "it depends", never as a side).
//!
//! Rows whose `stance` is not one of `support`, `oppose`, `conditional`, or whose topic
//! or score is null, are left out: SPEC §3 lists no entry for an actor without a stance.

use std::str::FromStr;

use polars::frame::PivotColumnNaming;
use polars::prelude::*;
use stancemap_core::output::DocumentReport;
use stancemap_core::{Error, ErrorKind};

use crate::frames::columns::*;
use crate::frames::stances_frame;

/// The three labels a stance may take (SPEC §3).
const SUPPORT: &str = "support";
const OPPOSE: &str = "oppose";
const CONDITIONAL: &str = "conditional";

/// Number of distinct actors in a country roll-up row.
pub const N_ACTORS: &str = "n_actors";

// Scratch columns. The separator of pivoted names is a control character so that no
// topic or document id can collide with it.
const SEP: &str = "\u{1f}";
const W: &str = "__w";
const W_SUM: &str = "__w_sum";
const W_SCORE: &str = "__w_score";
const W_SUPPORT: &str = "__w_support";
const W_OPPOSE: &str = "__w_oppose";
const W_CONDITIONAL: &str = "__w_conditional";
const DOC_LABEL: &str = "__doc";
const N_OUTLET: &str = "__n_outlet";

/// What one row of the matrix stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GroupBy {
    /// One row per actor (`actor_id`, the slug of the canonical name, so the same person
    /// in two articles is one row); one column per topic.
    #[default]
    Actor,
    /// One row per country: an actor counts for their `country` when it is set, and
    /// stands for itself otherwise (an organisation or group without a country, or a
    /// state whose own name is its country). One column per topic, plus `n_actors`.
    Country,
    /// One row per actor and one column per document for a single topic: how each
    /// document (or outlet) reports each actor. A column is named after the document's
    /// outlet when that outlet names only one document of the input, and after the
    /// document id otherwise; columns run by publication date, then document id.
    Doc,
}

impl GroupBy {
    /// The lower-case name, as accepted by [`GroupBy::from_str`].
    pub fn as_str(self) -> &'static str {
        match self {
            GroupBy::Actor => "actor",
            GroupBy::Country => "country",
            GroupBy::Doc => "doc",
        }
    }
}

impl std::fmt::Display for GroupBy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for GroupBy {
    type Err = Error;

    /// Parses `actor`, `country` or `doc` (also `document`, `outlet`), ignoring case.
    fn from_str(s: &str) -> Result<GroupBy, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "actor" | "actors" => Ok(GroupBy::Actor),
            "country" | "countries" => Ok(GroupBy::Country),
            "doc" | "docs" | "document" | "documents" | "outlet" | "outlets" => Ok(GroupBy::Doc),
            _ => Err(Error::new(
                ErrorKind::Config,
                format!("unknown grouping `{s}` (expected actor, country or doc)"),
            )),
        }
    }
}

/// What [`stance_matrix`] builds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatrixOptions {
    /// Topics to show, in this column order. Empty means every topic found, sorted by
    /// id. A listed topic that nobody takes a stance on still gets its (all-null)
    /// columns, so that a fixed list always gives the same shape.
    /// [`GroupBy::Doc`] needs exactly one topic (or data with only one).
    pub topics: Vec<String>,
    /// What a row stands for.
    pub by: GroupBy,
}

impl MatrixOptions {
    /// Options for every topic, grouped `by`.
    pub fn by(by: GroupBy) -> MatrixOptions {
        MatrixOptions {
            topics: Vec::new(),
            by,
        }
    }
}

/// The stance matrix of some reports.
///
/// For [`GroupBy::Actor`] (the default) the columns are `actor_id`, `actor`, `kind`,
/// `country`, then for every topic `<topic>` (f64 aggregated score, null where the
/// actor has no stance on it), `<topic>_stance` (aggregated label, see the
/// [module docs](self) for the rule) and `<topic>_n` (u32 statement count, 0 where
/// there is no stance). [`GroupBy::Country`] has `country`, `n_actors` instead of the
/// four actor columns; [`GroupBy::Doc`] has the actor columns and one triple per
/// document instead of per topic. Rows are sorted by their key (`actor_id` or
/// `country`), so the same input always gives the same frame.
///
/// The actor's name, kind and country are taken from the first document (by id) that
/// gives them.
///
/// # Errors
/// [`GroupBy::Doc`] with more than one topic; otherwise only polars errors, such as a
/// topic whose name collides with another column.
pub fn stance_matrix(
    reports: &[DocumentReport],
    options: &MatrixOptions,
) -> PolarsResult<DataFrame> {
    matrix_from_stances(stances_frame(reports)?.lazy(), options)
}

/// The stance matrix of a stance frame, e.g. one from [`crate::stances_frame`] or read
/// back from a Parquet or CSV file.
///
/// The frame needs the columns `doc_id`, `outlet`, `published`, `actor_id`, `actor`,
/// `kind`, `country`, `topic`, `stance`, `score` and `n_statements` (castable to
/// string, string, string, …, f64 and u32); any other column is ignored.
///
/// # Errors
/// As [`stance_matrix`], and a missing column.
pub fn matrix_from_stances(stances: LazyFrame, options: &MatrixOptions) -> PolarsResult<DataFrame> {
    let lf = normalized(stances);
    match options.by {
        GroupBy::Actor => by_actor(lf, &options.topics),
        GroupBy::Country => by_country(lf, &options.topics),
        GroupBy::Doc => by_doc(lf, &options.topics),
    }
}

/// Scores of one topic by publication date: one row per (`published`, actor) for the
/// documents whose date is known, with `published`, `actor_id`, `actor`, `kind`,
/// `country`, `score`, `stance`, `n_statements`, aggregated over the documents of that
/// date as in the matrix. Sorted by date, then actor id; dates sort as written, which is
/// chronological for the ISO dates (`2025-09-24`) of the reports.
///
/// A long frame rather than a wide one: a time series is plotted or pivoted further
/// more easily this way.
///
/// # Errors
/// Only polars errors.
pub fn by_date(reports: &[DocumentReport], topic: &str) -> PolarsResult<DataFrame> {
    by_date_from_stances(stances_frame(reports)?.lazy(), topic)
}

/// [`by_date`] on a stance frame (see [`matrix_from_stances`] for its columns).
///
/// # Errors
/// As [`by_date`], and a missing column.
pub fn by_date_from_stances(stances: LazyFrame, topic: &str) -> PolarsResult<DataFrame> {
    let lf = normalized(stances);
    let dated = only_topics(lf.clone(), &[topic.to_string()]).filter(col(PUBLISHED).is_not_null());
    aggregate(dated, &[PUBLISHED, ACTOR_ID])
        .left_join(attributes(lf), col(ACTOR_ID), col(ACTOR_ID))
        .select([
            col(PUBLISHED),
            col(ACTOR_ID),
            col(ACTOR),
            col(KIND),
            col(COUNTRY),
            col(SCORE),
            col(STANCE),
            col(N_STATEMENTS),
        ])
        .sort([PUBLISHED, ACTOR_ID], sort_options())
        .collect()
}

/// Deterministic sort: nulls last, ties in input order.
fn sort_options() -> SortMultipleOptions {
    SortMultipleOptions::default()
        .with_nulls_last(true)
        .with_maintain_order(true)
}

/// The columns the matrix needs, with the types it computes with; a frame read back
/// from CSV (integers as i64, all-null columns as strings) is brought into line here.
fn normalized(stances: LazyFrame) -> LazyFrame {
    let s = |name: &str| col(name).cast(DataType::String);
    stances.select([
        s(DOC_ID),
        s(OUTLET),
        s(PUBLISHED),
        s(ACTOR_ID),
        s(ACTOR),
        s(KIND),
        s(COUNTRY),
        s(TOPIC),
        s(STANCE),
        col(SCORE).cast(DataType::Float64),
        col(N_STATEMENTS).cast(DataType::UInt32),
    ])
}

/// Rows that carry a stance in the sense of SPEC §3.
fn valid_stance() -> Expr {
    let label = col(STANCE);
    col(TOPIC).is_not_null().and(col(SCORE).is_not_null()).and(
        label
            .clone()
            .eq(lit(SUPPORT))
            .or(label.clone().eq(lit(OPPOSE)))
            .or(label.eq(lit(CONDITIONAL))),
    )
}

/// Keeps the rows of the given topics (all rows when `topics` is empty). A chain of
/// equalities: the slim polars build has no `is_in`, and topic lists are short.
fn only_topics(lf: LazyFrame, topics: &[String]) -> LazyFrame {
    let mut wanted = topics.iter().map(|t| col(TOPIC).eq(lit(t.as_str())));
    match wanted.next() {
        None => lf,
        Some(first) => lf.filter(wanted.fold(first, Expr::or)),
    }
}

/// Rounds to three decimals (half away from zero), as the reports do. A map rather than
/// arithmetic on the expression: the slim polars build has no `round`, and polars
/// divides by a literal as a multiplication by its inverse (700 × 0.001 =
/// 0.7000000000000001), which would leak into CSV.
fn round3(e: Expr) -> Expr {
    e.map(
        |c: Column| {
            let rounded = c
                .as_materialized_series()
                .cast(&DataType::Float64)?
                .f64()?
                .apply_values(|x| (x * 1000.0).round() / 1000.0);
            Ok(rounded.with_name(c.name().clone()).into_column())
        },
        |_: &Schema, f: &Field| Ok(Field::new(f.name().clone(), DataType::Float64)),
    )
}

/// The aggregation of the [module docs](self): one row per `keys`, with `score`,
/// `stance` and `n_statements`.
fn aggregate(lf: LazyFrame, keys: &[&str]) -> LazyFrame {
    let n = col(N_STATEMENTS);
    let weight = when(n.clone().gt(lit(0u32)))
        .then(n.clone().cast(DataType::Float64))
        .otherwise(lit(1.0));
    let label_weight = |label: &str| col(W).filter(col(STANCE).eq(lit(label))).sum();
    let (ws, wo, wc) = (col(W_SUPPORT), col(W_OPPOSE), col(W_CONDITIONAL));
    let label = when(wc.clone().gt_eq(ws.clone()).and(wc.gt_eq(wo.clone())))
        .then(lit(CONDITIONAL))
        .when(ws.clone().gt(wo.clone()))
        .then(lit(SUPPORT))
        .when(wo.gt(ws))
        .then(lit(OPPOSE))
        .when(col(SCORE).gt(lit(0.0)))
        .then(lit(SUPPORT))
        .when(col(SCORE).lt(lit(0.0)))
        .then(lit(OPPOSE))
        .otherwise(lit(CONDITIONAL));
    lf.filter(valid_stance())
        .with_column(weight.alias(W))
        .group_by(keys.iter().map(|k| col(*k)).collect::<Vec<_>>())
        .agg([
            (col(SCORE) * col(W)).sum().alias(W_SCORE),
            col(W).sum().alias(W_SUM),
            n.sum().cast(DataType::UInt32).alias(N_STATEMENTS),
            label_weight(SUPPORT).alias(W_SUPPORT),
            label_weight(OPPOSE).alias(W_OPPOSE),
            label_weight(CONDITIONAL).alias(W_CONDITIONAL),
        ])
        .with_column(round3(col(W_SCORE) / col(W_SUM)).alias(SCORE))
        .with_column(label.alias(STANCE))
        .drop(cols([W_SCORE, W_SUM, W_SUPPORT, W_OPPOSE, W_CONDITIONAL]))
}

/// Name, kind and country of every actor id: the first non-null value by document id,
/// so that a country given in one article fills the gap of another.
fn attributes(lf: LazyFrame) -> LazyFrame {
    let first = |name: &str| {
        col(name)
            .sort_by(
                [col(DOC_ID)],
                SortMultipleOptions::default().with_maintain_order(true),
            )
            .drop_nulls()
            .first()
            .alias(name)
    };
    lf.group_by([col(ACTOR_ID)])
        .agg([first(ACTOR), first(KIND), first(COUNTRY)])
}

/// The column titles: the requested topics (deduplicated, in order), or every topic
/// with a stance, sorted.
fn topic_titles(lf: &LazyFrame, topics: &[String]) -> PolarsResult<Vec<String>> {
    if !topics.is_empty() {
        let mut out: Vec<String> = Vec::with_capacity(topics.len());
        for t in topics {
            if !out.contains(t) {
                out.push(t.clone());
            }
        }
        return Ok(out);
    }
    let found = lf
        .clone()
        .filter(valid_stance())
        .select([col(TOPIC).unique().sort(SortOptions::default())])
        .collect()?;
    strings(found.column(TOPIC)?)
}

fn strings(column: &Column) -> PolarsResult<Vec<String>> {
    Ok(column.str()?.iter().flatten().map(str::to_string).collect())
}

/// The label column of topic (or document) column `t` in a matrix frame.
pub(crate) fn stance_column(t: &str) -> String {
    format!("{t}_stance")
}

/// The statement-count column of topic (or document) column `t` in a matrix frame.
pub(crate) fn n_column(t: &str) -> String {
    format!("{t}_n")
}

/// Pivots `long` (one row per `index` and `on` value) to one `score`/`stance`/`n`
/// column triple per title: `<title>`, `<title>_stance`, `<title>_n`.
fn pivot_wide(
    long: LazyFrame,
    index: &[&str],
    on: &str,
    titles: &[String],
) -> PolarsResult<LazyFrame> {
    let index_cols: Vec<Expr> = index.iter().map(|c| col(*c)).collect();
    if titles.is_empty() {
        // Nothing to pivot on means no stance at all: the frame has no rows either.
        return Ok(long.select(index_cols));
    }
    let on_values = Column::new(on.into(), titles);
    let on_columns = Arc::new(DataFrame::new_infer_height(vec![on_values])?);
    let wide = long.pivot(
        cols([on]),
        on_columns,
        cols(index.iter().copied()),
        cols([SCORE, STANCE, N_STATEMENTS]),
        // One row per (index, on) after `aggregate`: `first` just moves it.
        element().first(),
        false,
        SEP.into(),
        PivotColumnNaming::Combine,
    );
    let mut out = index_cols;
    for t in titles {
        out.push(col(format!("{SCORE}{SEP}{t}")).alias(t.as_str()));
        out.push(col(format!("{STANCE}{SEP}{t}")).alias(stance_column(t)));
        out.push(
            col(format!("{N_STATEMENTS}{SEP}{t}"))
                .fill_null(lit(0u32))
                .alias(n_column(t)),
        );
    }
    Ok(wide.select(out))
}

fn by_actor(lf: LazyFrame, topics: &[String]) -> PolarsResult<DataFrame> {
    let titles = topic_titles(&lf, topics)?;
    let long = aggregate(only_topics(lf.clone(), topics), &[ACTOR_ID, TOPIC]).left_join(
        attributes(lf),
        col(ACTOR_ID),
        col(ACTOR_ID),
    );
    pivot_wide(long, &[ACTOR_ID, ACTOR, KIND, COUNTRY], TOPIC, &titles)?
        .sort([ACTOR_ID], sort_options())
        .collect()
}

fn by_country(lf: LazyFrame, topics: &[String]) -> PolarsResult<DataFrame> {
    let titles = topic_titles(&lf, topics)?;
    // The actor's own name (with its first-seen country) keys actors without a
    // country, so a state listed as "Poland" joins the people of Poland.
    let attrs = attributes(lf.clone()).select([
        col(ACTOR_ID),
        when(col(COUNTRY).is_not_null())
            .then(col(COUNTRY))
            .otherwise(col(ACTOR))
            .alias(COUNTRY),
    ]);
    let keyed = only_topics(lf, topics).drop(cols([COUNTRY])).left_join(
        attrs,
        col(ACTOR_ID),
        col(ACTOR_ID),
    );
    let members = keyed
        .clone()
        .filter(valid_stance())
        .group_by([col(COUNTRY)])
        .agg([col(ACTOR_ID)
            .n_unique()
            .cast(DataType::UInt32)
            .alias(N_ACTORS)]);
    let long = aggregate(keyed, &[COUNTRY, TOPIC]).left_join(members, col(COUNTRY), col(COUNTRY));
    pivot_wide(long, &[COUNTRY, N_ACTORS], TOPIC, &titles)?
        .sort([COUNTRY], sort_options())
        .collect()
}

fn by_doc(lf: LazyFrame, topics: &[String]) -> PolarsResult<DataFrame> {
    let topic = match topic_titles(&lf, topics)?.as_slice() {
        [] => None,
        [one] => Some(one.clone()),
        many => polars_bail!(
            InvalidOperation:
            "a matrix by document shows one topic, got {}: {}; choose one with \
             `MatrixOptions::topics` (`--topic` on the command line)",
            many.len(),
            many.join(", ")
        ),
    };
    let index = [ACTOR_ID, ACTOR, KIND, COUNTRY];
    let Some(topic) = topic else {
        return pivot_wide(lf.filter(lit(false)), &index, TOPIC, &[])?.collect();
    };
    let on_topic = only_topics(lf.clone(), &[topic]).filter(valid_stance());
    let docs = doc_labels(on_topic.clone())?;
    let titles = strings(docs.column(DOC_LABEL)?)?;
    let long = aggregate(
        on_topic.left_join(docs.lazy(), col(DOC_ID), col(DOC_ID)),
        &[ACTOR_ID, DOC_LABEL],
    )
    .left_join(attributes(lf), col(ACTOR_ID), col(ACTOR_ID));
    pivot_wide(long, &index, DOC_LABEL, &titles)?
        .sort([ACTOR_ID], sort_options())
        .collect()
}

/// `doc_id` → column title, ordered by publication date then id: the outlet where it
/// names exactly one document, else the id. Falls back to ids throughout if the titles
/// still clash (an outlet named like another document's id).
fn doc_labels(lf: LazyFrame) -> PolarsResult<DataFrame> {
    let docs = lf.group_by([col(DOC_ID)]).agg([
        col(OUTLET).drop_nulls().first().alias(OUTLET),
        col(PUBLISHED).drop_nulls().first().alias(PUBLISHED),
    ]);
    let per_outlet = docs
        .clone()
        .filter(col(OUTLET).is_not_null())
        .group_by([col(OUTLET)])
        .agg([len().alias(N_OUTLET)]);
    let labelled = docs
        .left_join(per_outlet, col(OUTLET), col(OUTLET))
        .with_column(
            when(col(N_OUTLET).eq(lit(1u32)))
                .then(col(OUTLET))
                .otherwise(col(DOC_ID))
                .alias(DOC_LABEL),
        )
        .sort([PUBLISHED, DOC_ID], sort_options())
        .select([col(DOC_ID), col(DOC_LABEL)])
        .collect()?;
    if labelled.column(DOC_LABEL)?.n_unique()? == labelled.height() {
        Ok(labelled)
    } else {
        labelled
            .lazy()
            .with_column(col(DOC_ID).alias(DOC_LABEL))
            .collect()
    }
}
