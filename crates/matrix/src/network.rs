//! Discourse networks in the manner of the Discourse Network Analyzer (DNA, Leifeld):
//! actor × actor one-mode projections of the coded statements, and the event list,
//! affiliation edge list and GraphML exports that rDNA, `diskurs`, visone and Gephi read.
//!
//! # The data: statements as DNA events
//! A DNA statement is an actor referring to a concept with an agreement qualifier. Here
//! a statement is a *statement stance*: one statement of a report and one topic it takes
//! a stance on (a statement with stances on two topics is two events). The concept is
//! the topic; the qualifier is the stance on DNA's integer scale
//! `support = +1`, `conditional = 0`, `oppose = −1` ([`events_frame`]).
//!
//! # The projections
//! Let `c(a, t, q)` be the number of events of actor `a` on topic `t` with qualifier `q`,
//! and `range = 2` (from −1 to +1). For two different actors `a`, `b`, following DNA's
//! one-mode export with an integer qualifier (`qualifierAggregation`):
//!
//! - **congruence** = Σ_t Σ_q Σ_r c(a,t,q)·c(b,t,r)·(1 − |q − r| / range)
//! - **conflict** = Σ_t Σ_q Σ_r c(a,t,q)·c(b,t,r)·(|q − r| / range)
//! - **subtract** = congruence − conflict
//!
//! So two statements that both support (or both oppose) a topic add 1 to congruence, a
//! support and an oppose add 1 to conflict, and a conditional statement paired with
//! support or oppose adds ½ to each: "we back it only if …" half agrees with a
//! supporter and half with an opponent. Two conditional statements are fully congruent.
//! The scale is fixed at −1…+1 whatever labels occur (DNA takes the range from the data;
//! with all three labels present the two agree). With [`Conditional::Drop`],
//! conditional statements are left out and the qualifier is DNA's boolean agreement:
//! congruence counts pairs of equal stances, conflict pairs of opposite ones.
//!
//! Weights are products of statement counts, as in DNA without normalization: two
//! actors who each said three times that they support a topic are joined by a
//! congruence of 9. [`Normalization`] offers DNA's `average`, `jaccard` and `cosine`
//! normalizations, applied to all three weights alike.
//!
//! # Tracing an edge
//! Every edge lists its `statements`: the ids (`<doc_id>#<index>`, the index into that
//! document's `statements`) of the events that enter its weights. [`network_evidence`]
//! gives one row per edge and statement with the document, byte span and text, and
//! whether the statement enters the congruence or the conflict weight.
//!
//! # Time windows
//! With [`NetworkOptions::window`], events are binned by their document's `published`
//! date into consecutive, non-overlapping windows (DNA's moving windows overlap; here a
//! statement counts in exactly one window). Events without a date are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::io::Write;
use std::str::FromStr;

use polars::prelude::*;
use stancemap_core::output::DocumentReport;
use stancemap_core::{Error, ErrorKind};

use crate::GroupBy;
use crate::frames::{actor_index, date_column, iso_days, list_column};
use crate::identity::Identities;

/// Column names of the network frames (beyond those of [`crate::columns`]).
pub mod network_columns {
    /// Statement id: `<doc_id>#<index>`, the index into the document's `statements`.
    pub const STATEMENT_ID: &str = "statement_id";
    /// Event list: the document's publication date (`Date`).
    pub const TIME: &str = "time";
    /// Event list: the headline of the document.
    pub const TITLE: &str = "title";
    /// Event list: the topic (DNA's concept).
    pub const CONCEPT: &str = "concept";
    /// Event list: the stance label (support | oppose | conditional).
    pub const AGREEMENT: &str = "agreement";
    /// Event list: the stance on DNA's integer scale (+1, 0, −1).
    pub const QUALIFIER: &str = "qualifier";
    /// Statement text.
    pub const TEXT: &str = "text";
    /// Edge: one end (an actor id, the smaller of the two).
    pub const SOURCE: &str = "source";
    /// Edge: the other end.
    pub const TARGET: &str = "target";
    /// Edge: the name of `source`.
    pub const SOURCE_NAME: &str = "source_name";
    /// Edge: the name of `target`.
    pub const TARGET_NAME: &str = "target_name";
    /// Edge: first day of the time window (`Date`; null without windows).
    pub const WINDOW_START: &str = "window_start";
    /// Edge: last day of the time window, inclusive (`Date`; null without windows).
    pub const WINDOW_END: &str = "window_end";
    /// Edge: congruence weight.
    pub const CONGRUENCE: &str = "congruence";
    /// Edge: conflict weight.
    pub const CONFLICT: &str = "conflict";
    /// Edge: congruence − conflict.
    pub const SUBTRACT: &str = "subtract";
    /// Edge: the weight of the chosen projection ([`super::projection`]).
    pub const WEIGHT: &str = "weight";
    /// Edge: the statement ids behind it (`list<str>`).
    pub const STATEMENTS: &str = "statements";
    /// Affiliation list: support | opposition | irrelevant.
    pub const RELATION: &str = "relation";
    /// Affiliation list: the document's publication date (`Date`).
    pub const TIMESTAMP: &str = "timestamp";
}

use crate::frames::columns::*;
use network_columns::*;

/// The qualifier levels, indexed 0..3: oppose (−1), conditional (0), support (+1).
const LEVELS: [&str; 3] = ["oppose", "conditional", "support"];

fn level_of(label: &str) -> Option<usize> {
    LEVELS.iter().position(|l| *l == label)
}

/// 1 − |q − r| / range, with range 2.
fn proximity(q: usize, r: usize) -> f64 {
    1.0 - q.abs_diff(r) as f64 / 2.0
}

/// How conditional statements enter the network.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Conditional {
    /// As qualifier 0 on the −1…+1 scale: half congruent, half conflicting with support
    /// and with oppose; congruent with another conditional statement.
    #[default]
    Scale,
    /// Left out: only support and oppose count (DNA's boolean agreement qualifier).
    Drop,
}

impl FromStr for Conditional {
    type Err = Error;

    /// `scale` (`half`) or `drop` (`ignore`).
    fn from_str(s: &str) -> Result<Conditional, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "scale" | "half" => Ok(Conditional::Scale),
            "drop" | "ignore" => Ok(Conditional::Drop),
            _ => Err(config(format!(
                "unknown conditional rule `{s}` (expected scale or drop)"
            ))),
        }
    }
}

/// DNA's normalizations of one-mode edge weights. With `n(a)` = all events of actor `a`
/// in the network (every topic of it, not only the shared ones):
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Normalization {
    /// Raw weights (products of statement counts).
    #[default]
    No,
    /// Divided by (n(a) + n(b)) / 2.
    Average,
    /// Divided by m10 + m01 + m11: the events of `a` on (topic, qualifier) cells where
    /// `b` has none, the same for `b`, and Σ c(a)·c(b) over the cells both use.
    Jaccard,
    /// Divided by n(a)·n(b) (DNA's formula).
    Cosine,
}

impl FromStr for Normalization {
    type Err = Error;

    /// `no` (`none`), `average`, `jaccard` or `cosine`.
    fn from_str(s: &str) -> Result<Normalization, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "no" | "none" => Ok(Normalization::No),
            "average" | "avg" => Ok(Normalization::Average),
            "jaccard" => Ok(Normalization::Jaccard),
            "cosine" => Ok(Normalization::Cosine),
            _ => Err(config(format!(
                "unknown normalization `{s}` (expected no, average, jaccard or cosine)"
            ))),
        }
    }
}

/// Time windows over the documents' publication dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Window {
    /// Consecutive windows of this many days, the first starting on the earliest date.
    Days(u32),
    /// Calendar weeks, Monday to Sunday.
    Week,
    /// Calendar months.
    Month,
    /// Calendar years.
    Year,
}

impl FromStr for Window {
    type Err = Error;

    /// `<n>d` (days), `<n>w` (7n days), `week`, `month`, `year`, ignoring case.
    fn from_str(s: &str) -> Result<Window, Error> {
        let t = s.trim().to_ascii_lowercase();
        let bad = || {
            config(format!(
                "unknown time window `{s}` (expected e.g. 7d, 2w, week, month or year)"
            ))
        };
        match t.as_str() {
            "week" | "weekly" => return Ok(Window::Week),
            "month" | "monthly" => return Ok(Window::Month),
            "year" | "yearly" => return Ok(Window::Year),
            _ => {}
        }
        let Some(unit) = t.chars().last() else {
            return Err(bad());
        };
        let n: u32 = t[..t.len() - unit.len_utf8()].parse().map_err(|_| bad())?;
        let days = match unit {
            'd' => Some(n),
            'w' => n.checked_mul(7),
            _ => None,
        };
        match days {
            Some(d) if d > 0 => Ok(Window::Days(d)),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Window::Days(n) => write!(f, "{n}d"),
            Window::Week => f.write_str("week"),
            Window::Month => f.write_str("month"),
            Window::Year => f.write_str("year"),
        }
    }
}

/// One of DNA's one-mode projections.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Projection {
    /// Agreement ties.
    Congruence,
    /// Disagreement ties.
    Conflict,
    /// Congruence − conflict.
    Subtract,
}

impl Projection {
    /// The lower-case name, also the weight column of the edges frame.
    pub fn as_str(self) -> &'static str {
        match self {
            Projection::Congruence => CONGRUENCE,
            Projection::Conflict => CONFLICT,
            Projection::Subtract => SUBTRACT,
        }
    }
}

impl FromStr for Projection {
    type Err = Error;

    /// `congruence`, `conflict` or `subtract`.
    fn from_str(s: &str) -> Result<Projection, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "congruence" => Ok(Projection::Congruence),
            "conflict" => Ok(Projection::Conflict),
            "subtract" => Ok(Projection::Subtract),
            _ => Err(config(format!(
                "unknown projection `{s}` (expected congruence, conflict or subtract)"
            ))),
        }
    }
}

/// What [`network`] builds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NetworkOptions {
    /// Topics to use; empty means all.
    pub topics: Vec<String>,
    /// One network per topic (a `topic` on every edge) instead of one over all topics.
    pub per_topic: bool,
    /// One network per time window of the `published` date.
    pub window: Option<Window>,
    /// The nodes: [`GroupBy::Actor`] (actor ids) or [`GroupBy::Country`] (an actor's
    /// country, or its own name when it has none, as in the country matrix).
    pub by: GroupBy,
    /// How conditional statements count.
    pub conditional: Conditional,
    /// Normalization of the weights.
    pub normalization: Normalization,
}

fn config(message: String) -> Error {
    Error::new(ErrorKind::Config, message)
}

/// A statement id: `<doc_id>#<index>`.
pub fn statement_id(doc_id: &str, index: usize) -> String {
    format!("{doc_id}#{index}")
}

/// The event list in the shape of rDNA's `dna_network(networkType = "eventlist")`: one
/// row per statement and topic stance (support, oppose or conditional).
///
/// Columns: `statement_id` (`<doc_id>#<index>`), `time` (date, the document's
/// `published`), `doc_id`, `title`, `outlet`, `statement` (u32 index), `actor_id`,
/// `actor`, `kind`, `country`, `concept` (topic), `agreement` (the label), `qualifier`
/// (i32: +1 support, 0 conditional, −1 oppose), `score` (f64), `start`, `end` (u64 byte
/// offsets into the original input), `text`. Rows in report and statement order.
/// Actor ids are those of the other frames (one actor across documents).
///
/// # Errors
/// Only if polars refuses to assemble the columns.
pub fn events_frame(reports: &[DocumentReport]) -> PolarsResult<DataFrame> {
    let ids = Identities::new(reports);
    let mut sid: Vec<String> = Vec::new();
    let mut time: Vec<Option<&str>> = Vec::new();
    let mut doc_id: Vec<&str> = Vec::new();
    let mut title: Vec<Option<&str>> = Vec::new();
    let mut outlet: Vec<Option<&str>> = Vec::new();
    let mut statement: Vec<u32> = Vec::new();
    let mut actor_id: Vec<String> = Vec::new();
    let mut actor: Vec<String> = Vec::new();
    let mut kind: Vec<Option<&str>> = Vec::new();
    let mut country: Vec<Option<&str>> = Vec::new();
    let mut concept: Vec<&str> = Vec::new();
    let mut agreement: Vec<&str> = Vec::new();
    let mut qualifier: Vec<i32> = Vec::new();
    let mut score: Vec<f64> = Vec::new();
    let mut start: Vec<u64> = Vec::new();
    let mut end: Vec<u64> = Vec::new();
    let mut text: Vec<&str> = Vec::new();
    for report in reports {
        let index = actor_index(report);
        for (i, st) in report.statements.iter().enumerate() {
            let a = index.get(st.actor.as_str()).copied();
            let (id, name) = ids.resolve(report, &st.actor, a);
            for s in &st.stances {
                let Some(level) = level_of(s.stance.as_str()) else {
                    continue;
                };
                sid.push(statement_id(&report.doc_id, i));
                time.push(report.published.as_deref());
                doc_id.push(&report.doc_id);
                title.push(report.title.as_deref());
                outlet.push(report.outlet.as_deref());
                statement.push(u32::try_from(i).unwrap_or(u32::MAX));
                actor_id.push(id.to_string());
                actor.push(name.to_string());
                kind.push(a.map(|a| a.kind.as_str()));
                country.push(a.and_then(|a| a.country.as_deref()));
                concept.push(&s.topic);
                agreement.push(LEVELS[level]);
                qualifier.push(level as i32 - 1);
                score.push((f64::from(s.score) * 1000.0).round() / 1000.0);
                start.push(st.start as u64);
                end.push(st.end as u64);
                text.push(&st.text);
            }
        }
    }
    let rows = sid.len();
    DataFrame::new(
        rows,
        vec![
            Column::new(STATEMENT_ID.into(), sid),
            date_column(TIME, &time)?,
            Column::new(DOC_ID.into(), doc_id),
            Column::new(TITLE.into(), title),
            Column::new(OUTLET.into(), outlet),
            Column::new(STATEMENT.into(), statement),
            Column::new(ACTOR_ID.into(), actor_id),
            Column::new(ACTOR.into(), actor),
            Column::new(KIND.into(), kind),
            Column::new(COUNTRY.into(), country),
            Column::new(CONCEPT.into(), concept),
            Column::new(AGREEMENT.into(), agreement),
            Column::new(QUALIFIER.into(), qualifier),
            Column::new(SCORE.into(), score),
            Column::new(START.into(), start),
            Column::new(END.into(), end),
            Column::new(TEXT.into(), text),
        ],
    )
}

/// The actor → statement edge list of the two-mode (affiliation) network, in the shape
/// the R package `diskurs` reads: one row per statement and topic stance, and one row
/// for each statement that takes no stance on any (listed) topic.
///
/// Columns: `actor_id` (from), `statement_id` (to), `relation` (`support`,
/// `opposition`, or `irrelevant` for a conditional stance and for a statement without
/// one), `timestamp` (date, the document's `published`), `topic` (null for a statement
/// without a stance), `stance` (the original label, null without one), `actor`,
/// `doc_id`, `statement` (u32), `start`, `end` (u64 byte offsets).
///
/// `topics` keeps only the stances on these topics (all when empty); a statement left
/// without any is `irrelevant`.
///
/// # Errors
/// Only if polars refuses to assemble the columns.
pub fn affiliation_frame(reports: &[DocumentReport], topics: &[String]) -> PolarsResult<DataFrame> {
    let ids = Identities::new(reports);
    let mut actor_id: Vec<String> = Vec::new();
    let mut sid: Vec<String> = Vec::new();
    let mut relation: Vec<&str> = Vec::new();
    let mut timestamp: Vec<Option<&str>> = Vec::new();
    let mut topic: Vec<Option<&str>> = Vec::new();
    let mut stance: Vec<Option<&str>> = Vec::new();
    let mut actor: Vec<String> = Vec::new();
    let mut doc_id: Vec<&str> = Vec::new();
    let mut statement: Vec<u32> = Vec::new();
    let mut start: Vec<u64> = Vec::new();
    let mut end: Vec<u64> = Vec::new();
    for report in reports {
        let index = actor_index(report);
        for (i, st) in report.statements.iter().enumerate() {
            let a = index.get(st.actor.as_str()).copied();
            let (id, name) = ids.resolve(report, &st.actor, a);
            let wanted = st.stances.iter().filter(|s| {
                level_of(s.stance.as_str()).is_some()
                    && (topics.is_empty() || topics.contains(&s.topic))
            });
            let mut rows: Vec<(Option<&str>, Option<&str>)> = wanted
                .map(|s| (Some(s.topic.as_str()), Some(s.stance.as_str())))
                .collect();
            if rows.is_empty() {
                rows.push((None, None));
            }
            for (t, s) in rows {
                actor_id.push(id.to_string());
                sid.push(statement_id(&report.doc_id, i));
                relation.push(match s {
                    Some("support") => "support",
                    Some("oppose") => "opposition",
                    _ => "irrelevant",
                });
                timestamp.push(report.published.as_deref());
                topic.push(t);
                stance.push(s);
                actor.push(name.to_string());
                doc_id.push(&report.doc_id);
                statement.push(u32::try_from(i).unwrap_or(u32::MAX));
                start.push(st.start as u64);
                end.push(st.end as u64);
            }
        }
    }
    let rows = sid.len();
    DataFrame::new(
        rows,
        vec![
            Column::new(ACTOR_ID.into(), actor_id),
            Column::new(STATEMENT_ID.into(), sid),
            Column::new(RELATION.into(), relation),
            date_column(TIMESTAMP, &timestamp)?,
            Column::new(TOPIC.into(), topic),
            Column::new(STANCE.into(), stance),
            Column::new(ACTOR.into(), actor),
            Column::new(DOC_ID.into(), doc_id),
            Column::new(STATEMENT.into(), statement),
            Column::new(START.into(), start),
            Column::new(END.into(), end),
        ],
    )
}

/// The one-mode actor × actor network of some reports: [`events_frame`] then
/// [`network_from_events`].
///
/// # Errors
/// As [`network_from_events`].
pub fn network(reports: &[DocumentReport], options: &NetworkOptions) -> PolarsResult<DataFrame> {
    network_from_events(&events_frame(reports)?, options)
}

/// The edges of the one-mode network of an event list (as from [`events_frame`], or
/// read back from a file), with all three projections side by side.
///
/// One row per pair of nodes that share at least one topic (in the same window and, with
/// [`NetworkOptions::per_topic`], the same topic). Columns: `source`, `target` (node ids,
/// `source` < `target`), `source_name`, `target_name`, `window_start`, `window_end`
/// (dates, null without windows), `topic` (null over all topics), `congruence`,
/// `conflict`, `subtract` (f64, see the [module docs](self)), `n_statements` (u32: the
/// distinct statements behind the edge) and `statements` (`list<str>` of their statement ids,
/// sorted). Sorted by window, topic, source, target. Use [`projection`] for one
/// projection with a `weight` column.
///
/// The event list needs `statement_id`, `time`, `actor_id`, `actor`, `country`,
/// `concept` and `agreement`; rows with another agreement label are ignored.
///
/// # Errors
/// [`GroupBy::Doc`] (not a network of actors), a missing column or a column of the
/// wrong type.
pub fn network_from_events(
    events: &DataFrame,
    options: &NetworkOptions,
) -> PolarsResult<DataFrame> {
    with_edges(events, options, edges_frame)
}

/// Reads an event list and computes its edges, handing both to `f`.
fn with_edges<R>(
    events: &DataFrame,
    options: &NetworkOptions,
    f: impl FnOnce(&[Ev<'_>], &[Edge<'_>]) -> PolarsResult<R>,
) -> PolarsResult<R> {
    let table = EventTable::new(events)?;
    let evs = table.events(options)?;
    let edges = compute(&evs, options);
    f(&evs, &edges)
}

/// One row per edge of [`network_from_events`] and statement behind it, to read the
/// evidence of a tie: `source`, `target`, `window_start`, `window_end`, `topic` (the
/// edge's key), `statement_id`, `actor_id` (the node the statement belongs to),
/// `concept`, `agreement`, `in_congruence`, `in_conflict` (bool: whether the statement
/// enters that weight), `doc_id`, `statement`, `start`, `end` (byte span) and `text`.
///
/// # Errors
/// As [`network_evidence_from_events`].
pub fn network_evidence(
    reports: &[DocumentReport],
    options: &NetworkOptions,
) -> PolarsResult<DataFrame> {
    network_evidence_from_events(&events_frame(reports)?, options)
}

/// [`network_evidence`] of an event list; besides the columns [`network_from_events`]
/// needs, it needs `doc_id`, `statement`, `start`, `end` and `text`.
///
/// # Errors
/// As [`network_from_events`], and those columns missing.
pub fn network_evidence_from_events(
    events: &DataFrame,
    options: &NetworkOptions,
) -> PolarsResult<DataFrame> {
    with_edges(events, options, |evs, edges| {
        evidence_frame(events, evs, edges)
    })
}

/// The rows of [`network_evidence_from_events`]: one per edge and statement behind it.
fn evidence_frame(
    events: &DataFrame,
    evs: &[Ev<'_>],
    edges: &[Edge<'_>],
) -> PolarsResult<DataFrame> {
    let rows: usize = edges.iter().map(|e| e.contrib.len()).sum();
    let mut take: Vec<IdxSize> = Vec::with_capacity(rows);
    let mut source: Vec<&str> = Vec::with_capacity(rows);
    let mut target: Vec<&str> = Vec::with_capacity(rows);
    let mut wstart: Vec<Option<i32>> = Vec::with_capacity(rows);
    let mut wend: Vec<Option<i32>> = Vec::with_capacity(rows);
    let mut topic: Vec<Option<&str>> = Vec::with_capacity(rows);
    let mut node: Vec<&str> = Vec::with_capacity(rows);
    let mut in_cong: Vec<bool> = Vec::with_capacity(rows);
    let mut in_conf: Vec<bool> = Vec::with_capacity(rows);
    for e in edges {
        for c in &e.contrib {
            let ev = &evs[c.event];
            take.push(ev.row as IdxSize);
            source.push(e.a);
            target.push(e.b);
            wstart.push(e.window.map(|w| w.0));
            wend.push(e.window.map(|w| w.1));
            topic.push(e.topic);
            node.push(ev.node);
            in_cong.push(c.congruence);
            in_conf.push(c.conflict);
        }
    }
    let idx = IdxCa::from_vec("idx".into(), take);
    let picked = events
        .select([
            STATEMENT_ID,
            CONCEPT,
            AGREEMENT,
            DOC_ID,
            STATEMENT,
            START,
            END,
            TEXT,
        ])?
        .take(&idx)?;
    let mut cols = vec![
        Column::new(SOURCE.into(), source),
        Column::new(TARGET.into(), target),
        Column::new(WINDOW_START.into(), wstart).cast(&DataType::Date)?,
        Column::new(WINDOW_END.into(), wend).cast(&DataType::Date)?,
        Column::new(TOPIC.into(), topic),
    ];
    let mut rest = picked.into_columns();
    // statement_id first, then the node, then the rest.
    let sid = rest.remove(0);
    cols.push(sid);
    cols.push(Column::new(ACTOR_ID.into(), node));
    cols.push(rest.remove(0)); // concept
    cols.push(rest.remove(0)); // agreement
    cols.push(Column::new("in_congruence".into(), in_cong));
    cols.push(Column::new("in_conflict".into(), in_conf));
    cols.extend(rest);
    DataFrame::new(rows, cols)
}

/// One projection of an edges frame from [`network`]: the edges whose weight in it is
/// not zero (for `subtract`, every edge: a zero there is a balance, not an absence),
/// with the weight also as `weight` after `target_name`.
///
/// # Errors
/// A frame without the network columns.
pub fn projection(edges: &DataFrame, which: Projection) -> PolarsResult<DataFrame> {
    let w = col(which.as_str());
    let lf = edges.clone().lazy();
    let lf = match which {
        Projection::Subtract => lf,
        _ => lf.filter(w.clone().neq(lit(0.0))),
    };
    let mut order: Vec<Expr> = edges
        .get_column_names()
        .iter()
        .map(|c| col(c.as_str()))
        .collect();
    let at = edges
        .get_column_names()
        .iter()
        .position(|c| c.as_str() == TARGET_NAME)
        .map_or(order.len(), |i| i + 1);
    order.insert(at, w.alias(WEIGHT));
    lf.select(order).collect()
}

// ---------------------------------------------------------------------------------------
// Computation

/// The event list's columns, read once.
struct EventTable<'a> {
    sid: &'a StringChunked,
    actor_id: &'a StringChunked,
    actor: &'a StringChunked,
    country: Column,
    concept: &'a StringChunked,
    agreement: &'a StringChunked,
    days: Vec<Option<i32>>,
}

/// One usable event.
struct Ev<'a> {
    /// Row in the event list.
    row: usize,
    node: &'a str,
    name: &'a str,
    topic: &'a str,
    level: usize,
    day: Option<i32>,
    sid: &'a str,
}

impl<'a> EventTable<'a> {
    fn new(df: &'a DataFrame) -> PolarsResult<EventTable<'a>> {
        let time = df.column(TIME)?;
        let days: Vec<Option<i32>> = match time.dtype() {
            DataType::String => time.str()?.iter().map(|v| v.and_then(iso_days)).collect(),
            _ => time.cast(&DataType::Int32)?.i32()?.iter().collect(),
        };
        Ok(EventTable {
            sid: df.column(STATEMENT_ID)?.str()?,
            actor_id: df.column(ACTOR_ID)?.str()?,
            actor: df.column(ACTOR)?.str()?,
            country: df.column(COUNTRY)?.cast(&DataType::String)?,
            concept: df.column(CONCEPT)?.str()?,
            agreement: df.column(AGREEMENT)?.str()?,
            days,
        })
    }

    /// The events the options keep, with their node.
    fn events(&'a self, options: &NetworkOptions) -> PolarsResult<Vec<Ev<'a>>> {
        if options.by == GroupBy::Doc {
            polars_bail!(
                InvalidOperation:
                "a network's nodes are actors or countries, not documents"
            );
        }
        let country = self.country.str()?;
        let mut out = Vec::with_capacity(self.sid.len());
        for row in 0..self.sid.len() {
            let (Some(sid), Some(id), Some(topic), Some(label)) = (
                self.sid.get(row),
                self.actor_id.get(row),
                self.concept.get(row),
                self.agreement.get(row),
            ) else {
                continue;
            };
            let Some(level) = level_of(label) else {
                continue;
            };
            if options.conditional == Conditional::Drop && level == 1 {
                continue;
            }
            if !options.topics.is_empty() && !options.topics.iter().any(|t| t == topic) {
                continue;
            }
            let name = self.actor.get(row).unwrap_or(id);
            let (node, name) = match options.by {
                GroupBy::Country => {
                    let key = country.get(row).unwrap_or(name);
                    (key, key)
                }
                _ => (id, name),
            };
            out.push(Ev {
                row,
                node,
                name,
                topic,
                level,
                day: self.days.get(row).copied().flatten(),
                sid,
            });
        }
        Ok(out)
    }
}

/// A statement behind an edge.
struct Contrib {
    /// Index into the events.
    event: usize,
    congruence: bool,
    conflict: bool,
}

struct Edge<'a> {
    window: Option<(i32, i32)>,
    topic: Option<&'a str>,
    a: &'a str,
    b: &'a str,
    a_name: &'a str,
    b_name: &'a str,
    congruence: f64,
    conflict: f64,
    /// Sorted by statement id.
    contrib: Vec<Contrib>,
}

/// A node's events in one network: per topic, the event indices by qualifier level.
#[derive(Default)]
struct NodeEvents<'a> {
    name: &'a str,
    total: usize,
    topics: BTreeMap<&'a str, [Vec<usize>; 3]>,
}

/// Days since 1970-01-01 of a civil date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    i32::try_from(era * 146_097 + doe - 719_468).unwrap_or(i32::MAX)
}

/// The civil (year, month) of a day count.
fn civil_year_month(days: i32) -> (i64, i64) {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m)
}

/// The window (first day, last day) that `day` falls in; `origin` is the earliest day.
fn window_of(w: Window, day: i32, origin: i32) -> (i32, i32) {
    match w {
        Window::Days(n) => {
            let n = i64::from(n.max(1));
            let k = (i64::from(day) - i64::from(origin)).div_euclid(n);
            let start = i64::from(origin) + k * n;
            let clamp = |x: i64| i32::try_from(x).unwrap_or(i32::MAX);
            (clamp(start), clamp(start + n - 1))
        }
        Window::Week => {
            // 1970-01-01 was a Thursday.
            let start = day - (day + 3).rem_euclid(7);
            (start, start.saturating_add(6))
        }
        Window::Month => {
            let (y, m) = civil_year_month(day);
            let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            (days_from_civil(y, m, 1), days_from_civil(ny, nm, 1) - 1)
        }
        Window::Year => {
            let (y, _) = civil_year_month(day);
            (days_from_civil(y, 1, 1), days_from_civil(y + 1, 1, 1) - 1)
        }
    }
}

type Key<'a> = (Option<(i32, i32)>, Option<&'a str>);

/// The edges of every network (window × topic) the options ask for.
fn compute<'a>(evs: &[Ev<'a>], options: &NetworkOptions) -> Vec<Edge<'a>> {
    let origin = evs.iter().filter_map(|e| e.day).min().unwrap_or(0);
    let mut networks: BTreeMap<Key<'a>, BTreeMap<&'a str, NodeEvents<'a>>> = BTreeMap::new();
    for (i, e) in evs.iter().enumerate() {
        let window = match options.window {
            None => None,
            Some(w) => match e.day {
                Some(d) => Some(window_of(w, d, origin)),
                None => continue,
            },
        };
        let topic = options.per_topic.then_some(e.topic);
        let node = networks
            .entry((window, topic))
            .or_default()
            .entry(e.node)
            .or_insert_with(|| NodeEvents {
                name: e.name,
                ..NodeEvents::default()
            });
        node.total += 1;
        node.topics.entry(e.topic).or_default()[e.level].push(i);
    }
    let mut edges = Vec::new();
    for ((window, topic), nodes) in &networks {
        // Pairs that share a topic, found per topic.
        let mut by_topic: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (&node, n) in nodes {
            for &t in n.topics.keys() {
                by_topic.entry(t).or_default().push(node);
            }
        }
        let mut pairs: BTreeSet<(&str, &str)> = BTreeSet::new();
        for members in by_topic.values() {
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    pairs.insert((a, b));
                }
            }
        }
        for &(a, b) in &pairs {
            let (na, nb) = (&nodes[a], &nodes[b]);
            edges.push(edge(evs, *window, *topic, (a, na), (b, nb), options));
        }
    }
    edges
}

/// The edge between two nodes of one network.
fn edge<'a>(
    evs: &[Ev<'a>],
    window: Option<(i32, i32)>,
    topic: Option<&'a str>,
    (a, na): (&'a str, &NodeEvents<'a>),
    (b, nb): (&'a str, &NodeEvents<'a>),
    options: &NetworkOptions,
) -> Edge<'a> {
    let (mut congruence, mut conflict) = (0.0, 0.0);
    let mut m11 = 0.0;
    let (mut shared_a, mut shared_b) = (0.0, 0.0);
    let mut contrib: Vec<Contrib> = Vec::new();
    for (t, la) in &na.topics {
        let Some(lb) = nb.topics.get(t) else {
            continue;
        };
        let ca: [f64; 3] = std::array::from_fn(|q| la[q].len() as f64);
        let cb: [f64; 3] = std::array::from_fn(|q| lb[q].len() as f64);
        for (q, (&a_q, &b_q)) in ca.iter().zip(&cb).enumerate() {
            for (r, &b_r) in cb.iter().enumerate() {
                let p = a_q * b_r;
                congruence += p * proximity(q, r);
                conflict += p * (1.0 - proximity(q, r));
            }
            if a_q > 0.0 && b_q > 0.0 {
                m11 += a_q * b_q;
                shared_a += a_q;
                shared_b += b_q;
            }
        }
        // Which statements enter which weight: a statement at level q does when the
        // other side has a statement at a level r with a non-zero term.
        for (mine, theirs) in [(la, &cb), (lb, &ca)] {
            for (q, events) in mine.iter().enumerate() {
                let facing = |keep: fn(f64) -> bool| {
                    theirs
                        .iter()
                        .enumerate()
                        .any(|(r, &n)| n > 0.0 && keep(proximity(q, r)))
                };
                let cong = facing(|p| p > 0.0);
                let conf = facing(|p| p < 1.0);
                for &event in events {
                    contrib.push(Contrib {
                        event,
                        congruence: cong,
                        conflict: conf,
                    });
                }
            }
        }
    }
    let (ta, tb) = (na.total as f64, nb.total as f64);
    let norm = match options.normalization {
        Normalization::No => 1.0,
        Normalization::Average => (ta + tb) / 2.0,
        Normalization::Jaccard => (ta - shared_a) + (tb - shared_b) + m11,
        Normalization::Cosine => ta * tb,
    };
    let scale = |x: f64| if norm == 0.0 { 0.0 } else { x / norm };
    contrib.sort_by(|x, y| {
        evs[x.event]
            .sid
            .cmp(evs[y.event].sid)
            .then(x.event.cmp(&y.event))
    });
    Edge {
        window,
        topic,
        a,
        b,
        a_name: na.name,
        b_name: nb.name,
        congruence: scale(congruence),
        conflict: scale(conflict),
        contrib,
    }
}

fn edges_frame(evs: &[Ev<'_>], edges: &[Edge<'_>]) -> PolarsResult<DataFrame> {
    let n = edges.len();
    let mut source: Vec<&str> = Vec::with_capacity(n);
    let mut target: Vec<&str> = Vec::with_capacity(n);
    let mut source_name: Vec<&str> = Vec::with_capacity(n);
    let mut target_name: Vec<&str> = Vec::with_capacity(n);
    let mut wstart: Vec<Option<i32>> = Vec::with_capacity(n);
    let mut wend: Vec<Option<i32>> = Vec::with_capacity(n);
    let mut topic: Vec<Option<&str>> = Vec::with_capacity(n);
    let mut congruence: Vec<f64> = Vec::with_capacity(n);
    let mut conflict: Vec<f64> = Vec::with_capacity(n);
    let mut subtract: Vec<f64> = Vec::with_capacity(n);
    let mut n_statements: Vec<u32> = Vec::with_capacity(n);
    let mut statements: Vec<Option<Vec<&str>>> = Vec::with_capacity(n);
    for e in edges {
        // Sorted by statement id, so a statement counted for two topics (over all
        // topics) is listed once.
        let mut ids: Vec<&str> = e.contrib.iter().map(|c| evs[c.event].sid).collect();
        ids.dedup();
        source.push(e.a);
        target.push(e.b);
        source_name.push(e.a_name);
        target_name.push(e.b_name);
        wstart.push(e.window.map(|w| w.0));
        wend.push(e.window.map(|w| w.1));
        topic.push(e.topic);
        congruence.push(e.congruence);
        conflict.push(e.conflict);
        subtract.push(e.congruence - e.conflict);
        n_statements.push(u32::try_from(ids.len()).unwrap_or(u32::MAX));
        statements.push(Some(ids));
    }
    DataFrame::new(
        n,
        vec![
            Column::new(SOURCE.into(), source),
            Column::new(TARGET.into(), target),
            Column::new(SOURCE_NAME.into(), source_name),
            Column::new(TARGET_NAME.into(), target_name),
            Column::new(WINDOW_START.into(), wstart).cast(&DataType::Date)?,
            Column::new(WINDOW_END.into(), wend).cast(&DataType::Date)?,
            Column::new(TOPIC.into(), topic),
            Column::new(CONGRUENCE.into(), congruence),
            Column::new(CONFLICT.into(), conflict),
            Column::new(SUBTRACT.into(), subtract),
            Column::new(N_STATEMENTS.into(), n_statements),
            list_column(STATEMENTS, &statements),
        ],
    )
}

// ---------------------------------------------------------------------------------------
// GraphML

/// Text safe in XML 1.0 element content and attribute values: `&`, `<`, `>`, `"` and
/// `'` escaped, and the characters XML 1.0 cannot hold at all (control characters other
/// than tab, line feed and carriage return, and U+FFFE/U+FFFF) replaced by a space.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The GraphML attributes of the export: (id, for, name, type).
const GRAPHML_KEYS: [(&str, &str, &str, &str); 11] = [
    ("label", "node", "label", "string"),
    ("weight", "edge", "weight", "double"),
    ("congruence", "edge", "congruence", "double"),
    ("conflict", "edge", "conflict", "double"),
    ("subtract", "edge", "subtract", "double"),
    ("topic", "edge", "topic", "string"),
    ("window_start", "edge", "window_start", "string"),
    ("window_end", "edge", "window_end", "string"),
    ("n_statements", "edge", "n_statements", "int"),
    ("statements", "edge", "statements", "string"),
    ("projection", "graph", "projection", "string"),
];

/// Writes an edges frame from [`network`] as GraphML (for visone, Gephi, networkx,
/// igraph): an undirected graph whose nodes are the actors at the ends of the edges
/// (`label` = name) and whose edges carry `weight` (the chosen projection's weight, or
/// `subtract` when `which` is `None`), `congruence`, `conflict`, `subtract`, `topic`,
/// `window_start`, `window_end` (`YYYY-MM-DD`), `n_statements` and `statements` (the
/// statement ids joined with `;`). With a projection, only its edges are written (see
/// [`projection`]). Several topics or windows give parallel edges, told apart by
/// their attributes. Nodes without any edge are not written.
///
/// # Errors
/// An [`ErrorKind::Output`] error for a frame without the network columns, an
/// [`ErrorKind::Io`] error when writing fails.
pub fn write_graphml(
    edges: &DataFrame,
    which: Option<Projection>,
    mut out: impl Write,
) -> Result<(), Error> {
    let failed = |e: PolarsError| {
        Error::new(ErrorKind::Output, "cannot write the network as GraphML").with_source(e)
    };
    let picked;
    let edges = match which {
        Some(p) => {
            picked = projection(edges, p).map_err(failed)?;
            &picked
        }
        None => edges,
    };
    let g = GraphmlColumns::new(edges, which).map_err(failed)?;
    let mut w = std::io::BufWriter::new(&mut out);
    writeln!(w, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        w,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, target, name, ty) in GRAPHML_KEYS {
        writeln!(
            w,
            r#"  <key id="{id}" for="{target}" attr.name="{name}" attr.type="{ty}"/>"#
        )?;
    }
    writeln!(w, r#"  <graph id="G" edgedefault="undirected">"#)?;
    writeln!(
        w,
        r#"    <data key="projection">{}</data>"#,
        which.map_or("all", Projection::as_str)
    )?;
    // Nodes: every end of an edge, once, sorted by id.
    let mut nodes: BTreeMap<&str, &str> = BTreeMap::new();
    for i in 0..edges.height() {
        for (id, name) in [
            (g.source.get(i), g.source_name.get(i)),
            (g.target.get(i), g.target_name.get(i)),
        ] {
            if let Some(id) = id {
                nodes.entry(id).or_insert(name.unwrap_or(id));
            }
        }
    }
    for (id, name) in &nodes {
        writeln!(
            w,
            r#"    <node id="{}"><data key="label">{}</data></node>"#,
            xml_escape(id),
            xml_escape(name)
        )?;
    }
    for i in 0..edges.height() {
        let (Some(s), Some(t)) = (g.source.get(i), g.target.get(i)) else {
            continue;
        };
        write!(
            w,
            r#"    <edge id="e{i}" source="{}" target="{}">"#,
            xml_escape(s),
            xml_escape(t)
        )?;
        let mut data = |key: &str, value: Option<String>| -> std::io::Result<()> {
            match value {
                Some(v) => write!(w, r#"<data key="{key}">{}</data>"#, xml_escape(&v)),
                None => Ok(()),
            }
        };
        let num = |c: &Float64Chunked| c.get(i).map(|x| x.to_string());
        data("weight", num(g.weight))?;
        data("congruence", num(g.congruence))?;
        data("conflict", num(g.conflict))?;
        data("subtract", num(g.subtract))?;
        data("topic", g.topic.get(i).map(str::to_string))?;
        data("window_start", g.window_start.get(i).map(str::to_string))?;
        data("window_end", g.window_end.get(i).map(str::to_string))?;
        data("n_statements", g.n_statements.get(i).map(|n| n.to_string()))?;
        data("statements", g.statements.get(i).cloned().flatten())?;
        writeln!(w, "</edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")?;
    w.flush()?;
    drop(w);
    out.flush()?;
    Ok(())
}

/// The columns [`write_graphml`] reads, as text and numbers.
struct GraphmlColumns<'a> {
    source: &'a StringChunked,
    target: &'a StringChunked,
    source_name: &'a StringChunked,
    target_name: &'a StringChunked,
    topic: &'a StringChunked,
    window_start: StringChunked,
    window_end: StringChunked,
    weight: &'a Float64Chunked,
    congruence: &'a Float64Chunked,
    conflict: &'a Float64Chunked,
    subtract: &'a Float64Chunked,
    n_statements: UInt32Chunked,
    statements: Vec<Option<String>>,
}

impl<'a> GraphmlColumns<'a> {
    fn new(df: &'a DataFrame, which: Option<Projection>) -> PolarsResult<GraphmlColumns<'a>> {
        let text = |name: &str| -> PolarsResult<StringChunked> {
            Ok(df.column(name)?.cast(&DataType::String)?.str()?.clone())
        };
        let list = df.column(STATEMENTS)?.as_materialized_series().list()?;
        let mut statements = Vec::with_capacity(list.len());
        for i in 0..list.len() {
            statements.push(match list.get_as_series(i) {
                Some(items) => {
                    let items = items.cast(&DataType::String)?;
                    let parts: Vec<&str> = items.str()?.iter().flatten().collect();
                    Some(parts.join(";"))
                }
                None => None,
            });
        }
        let weight = match which {
            Some(_) => df.column(WEIGHT)?.f64()?,
            None => df.column(SUBTRACT)?.f64()?,
        };
        Ok(GraphmlColumns {
            source: df.column(SOURCE)?.str()?,
            target: df.column(TARGET)?.str()?,
            source_name: df.column(SOURCE_NAME)?.str()?,
            target_name: df.column(TARGET_NAME)?.str()?,
            topic: df.column(TOPIC)?.str()?,
            window_start: text(WINDOW_START)?,
            window_end: text(WINDOW_END)?,
            weight,
            congruence: df.column(CONGRUENCE)?.f64()?,
            conflict: df.column(CONFLICT)?.f64()?,
            subtract: df.column(SUBTRACT)?.f64()?,
            n_statements: df
                .column(N_STATEMENTS)?
                .cast(&DataType::UInt32)?
                .u32()?
                .clone(),
            statements,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stancemap_core::Stance;
    use stancemap_core::output::{ActorOut, StatementOut, StatementStanceOut};

    fn person(id: &str, name: &str, country: Option<&str>) -> ActorOut {
        ActorOut {
            id: id.into(),
            name: name.into(),
            kind: "person".into(),
            country: country.map(Into::into),
            role: None,
            mentions: vec![],
        }
    }

    /// A statement of `actor` with (topic, label) stances, at bytes `at..at + 10`.
    fn said(actor: &str, at: usize, stances: &[(&str, &str)]) -> StatementOut {
        StatementOut {
            actor: actor.into(),
            start: at,
            end: at + 10,
            text: format!("words of {actor}"),
            quote: false,
            cue: Some("said".into()),
            stances: stances
                .iter()
                .map(|(t, l)| StatementStanceOut {
                    topic: (*t).into(),
                    stance: Stance::parse(l).expect("a stance label"),
                    score: match *l {
                        "support" => 0.8,
                        "oppose" => -0.8,
                        _ => 0.0,
                    },
                    rule: String::new(),
                })
                .collect(),
            hedges: vec![],
            boosters: vec![],
            commitment: 1.0,
        }
    }

    fn doc(
        id: &str,
        published: Option<&str>,
        actors: Vec<ActorOut>,
        statements: Vec<StatementOut>,
    ) -> DocumentReport {
        DocumentReport {
            doc_id: id.into(),
            path: None,
            title: Some(format!("Headline {id}")),
            outlet: Some("Example Wire".into()),
            published: published.map(Into::into),
            genre: None,
            actors,
            statements,
            stances: vec![],
            hedges: vec![],
            boosters: vec![],
            boilerplate: vec![],
            warnings: vec![],
        }
    }

    /// Ana supports the levy twice; Boris supports the levy and opposes the toll;
    /// Carla opposes the levy and is conditional on the toll; Dev speaks only on a
    /// third topic; Emil says something without a stance.
    fn reports() -> Vec<DocumentReport> {
        let d1 = doc(
            "d1",
            Some("2030-01-02"),
            vec![
                person("ana-veltri", "Ana Veltri", Some("Italy")),
                person("boris-kessel", "Boris Kessel", Some("Austria")),
                person("emil-sand", "Emil Sand", None),
            ],
            vec![
                said("ana-veltri", 0, &[("levy", "support")]),
                said(
                    "boris-kessel",
                    20,
                    &[("levy", "support"), ("toll", "oppose")],
                ),
                said("ana-veltri", 40, &[("levy", "support")]),
                said("emil-sand", 60, &[]),
            ],
        );
        let d2 = doc(
            "d2",
            Some("2030-02-10"),
            vec![
                person("carla-dunmore", "Carla Dunmore", Some("Austria")),
                person("dev-orlan", "Dev Orlan", None),
            ],
            vec![
                said("carla-dunmore", 0, &[("levy", "oppose")]),
                said("carla-dunmore", 30, &[("toll", "conditional")]),
                said("dev-orlan", 60, &[("canal", "support")]),
            ],
        );
        vec![d1, d2]
    }

    /// (source, target, topic) → (congruence, conflict, subtract, statements).
    type Row = (String, String, Option<String>, f64, f64, f64, Vec<String>);

    fn rows(df: &DataFrame) -> Vec<Row> {
        let s = |c: &str| df.column(c).unwrap().str().unwrap().clone();
        let f = |c: &str| df.column(c).unwrap().f64().unwrap().clone();
        let (src, tgt, topic) = (s(SOURCE), s(TARGET), s(TOPIC));
        let (cg, cf, sb) = (f(CONGRUENCE), f(CONFLICT), f(SUBTRACT));
        let list = df.column(STATEMENTS).unwrap().list().unwrap().clone();
        (0..df.height())
            .map(|i| {
                let ids = list.get_as_series(i).unwrap();
                let ids: Vec<String> = ids
                    .str()
                    .unwrap()
                    .iter()
                    .flatten()
                    .map(String::from)
                    .collect();
                (
                    src.get(i).unwrap().to_string(),
                    tgt.get(i).unwrap().to_string(),
                    topic.get(i).map(String::from),
                    cg.get(i).unwrap(),
                    cf.get(i).unwrap(),
                    sb.get(i).unwrap(),
                    ids,
                )
            })
            .collect()
    }

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn congruence_and_conflict_over_all_topics_count_statement_pairs() {
        let df = network(&reports(), &NetworkOptions::default()).unwrap();
        let got = rows(&df);
        assert_eq!(
            got,
            vec![
                // Ana 2 × Boris 1 support on the levy.
                (
                    "ana-veltri".into(),
                    "boris-kessel".into(),
                    None,
                    2.0,
                    0.0,
                    2.0,
                    ids(&["d1#0", "d1#1", "d1#2"])
                ),
                // Ana 2 × Carla 1, support against oppose.
                (
                    "ana-veltri".into(),
                    "carla-dunmore".into(),
                    None,
                    0.0,
                    2.0,
                    -2.0,
                    ids(&["d1#0", "d1#2", "d2#0"])
                ),
                // Levy: support × oppose = 1 conflict; toll: oppose × conditional = ½ + ½.
                (
                    "boris-kessel".into(),
                    "carla-dunmore".into(),
                    None,
                    0.5,
                    1.5,
                    -1.0,
                    ids(&["d1#1", "d2#0", "d2#1"])
                ),
            ]
        );
        // Dev shares no topic and Emil has no stance: no edges for them.
        let n = df.column(N_STATEMENTS).unwrap().u32().unwrap();
        assert_eq!(n.into_no_null_iter().collect::<Vec<_>>(), vec![3, 3, 3]);
        assert_eq!(df.column(WINDOW_START).unwrap().null_count(), 3);
    }

    #[test]
    fn per_topic_networks_and_dropping_conditional() {
        let options = NetworkOptions {
            per_topic: true,
            ..NetworkOptions::default()
        };
        let got = rows(&network(&reports(), &options).unwrap());
        let brief: Vec<(&str, &str, Option<&str>, f64, f64)> = got
            .iter()
            .map(|r| (r.0.as_str(), r.1.as_str(), r.2.as_deref(), r.3, r.4))
            .collect();
        assert_eq!(
            brief,
            vec![
                ("ana-veltri", "boris-kessel", Some("levy"), 2.0, 0.0),
                ("ana-veltri", "carla-dunmore", Some("levy"), 0.0, 2.0),
                ("boris-kessel", "carla-dunmore", Some("levy"), 0.0, 1.0),
                ("boris-kessel", "carla-dunmore", Some("toll"), 0.5, 0.5),
            ]
        );
        let options = NetworkOptions {
            conditional: Conditional::Drop,
            ..NetworkOptions::default()
        };
        let got = rows(&network(&reports(), &options).unwrap());
        let bc = &got[2];
        assert_eq!((bc.3, bc.4), (0.0, 1.0));
        assert_eq!(bc.6, ids(&["d1#1", "d2#0"]));
    }

    #[test]
    fn normalizations_follow_dna() {
        let weight = |n: Normalization| {
            let options = NetworkOptions {
                normalization: n,
                ..NetworkOptions::default()
            };
            let got = rows(&network(&reports(), &options).unwrap());
            (got[0].3, got[2].4)
        };
        // Ana–Boris congruence 2; Ana has 2 events, Boris 2. Boris–Carla conflict 1.5,
        // Carla 2 events.
        assert_eq!(weight(Normalization::No), (2.0, 1.5));
        assert_eq!(weight(Normalization::Average), (1.0, 0.75));
        assert_eq!(weight(Normalization::Cosine), (0.5, 0.375));
        // Jaccard, Ana–Boris: both on (levy, support): m11 = 2·1; Boris alone on (toll,
        // oppose): 1. Boris–Carla: no shared cell: m10 = 2, m01 = 2.
        let (ab, bc) = weight(Normalization::Jaccard);
        assert!((ab - 2.0 / 3.0).abs() < 1e-12);
        assert!((bc - 1.5 / 4.0).abs() < 1e-12);
    }

    #[test]
    fn topics_filter_and_countries_as_nodes() {
        let options = NetworkOptions {
            topics: vec!["toll".into()],
            ..NetworkOptions::default()
        };
        let got = rows(&network(&reports(), &options).unwrap());
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].3, got[0].4), (0.5, 0.5));
        // By country: Boris and Carla are both Austria, so their tie is a loop and not
        // an edge; Ana (Italy) ties to Austria with Boris's support and Carla's oppose.
        let options = NetworkOptions {
            by: GroupBy::Country,
            ..NetworkOptions::default()
        };
        let got = rows(&network(&reports(), &options).unwrap());
        assert_eq!(got.len(), 1);
        assert_eq!((got[0].0.as_str(), got[0].1.as_str()), ("Austria", "Italy"));
        assert_eq!((got[0].3, got[0].4), (2.0, 2.0));
        let options = NetworkOptions {
            by: GroupBy::Doc,
            ..NetworkOptions::default()
        };
        assert!(network(&reports(), &options).is_err());
    }

    #[test]
    fn windows_split_by_publication_date() {
        let mut rs = reports();
        // A third document in January, in which Carla supports the levy.
        rs.push(doc(
            "d3",
            Some("2030-01-20"),
            vec![person("carla-dunmore", "Carla Dunmore", Some("Austria"))],
            vec![said("carla-dunmore", 0, &[("levy", "support")])],
        ));
        rs.push(doc(
            "d4",
            None,
            vec![person("ana-veltri", "Ana Veltri", Some("Italy"))],
            vec![said("ana-veltri", 0, &[("levy", "oppose")])],
        ));
        let options = NetworkOptions {
            window: Some(Window::Month),
            ..NetworkOptions::default()
        };
        let df = network(&rs, &options).unwrap();
        let starts = df
            .column(WINDOW_START)
            .unwrap()
            .cast(&DataType::String)
            .unwrap();
        let ends = df
            .column(WINDOW_END)
            .unwrap()
            .cast(&DataType::String)
            .unwrap();
        let got = rows(&df);
        // January: Ana, Boris, Carla all support the levy; February has Carla alone
        // among them (her oppose and conditional), so no edge. The undated d4 is out.
        assert_eq!(got.len(), 3);
        for (i, row) in got.iter().enumerate() {
            assert_eq!(starts.str().unwrap().get(i), Some("2030-01-01"));
            assert_eq!(ends.str().unwrap().get(i), Some("2030-01-31"));
            assert_eq!(row.4, 0.0, "no conflict in January");
        }
        assert_eq!(got[1].1, "carla-dunmore");
        assert_eq!(got[1].6, ids(&["d1#0", "d1#2", "d3#0"]));
        // 7-day windows from the first date (2030-01-02): d3 (Jan 20) is in the third.
        let options = NetworkOptions {
            window: Some(Window::Days(7)),
            ..NetworkOptions::default()
        };
        let df = network(&rs, &options).unwrap();
        assert_eq!(df.height(), 1, "only Ana–Boris share a week-long window");
    }

    #[test]
    fn window_arithmetic() {
        let day = |s: &str| iso_days(s).unwrap();
        // 2030-01-02 is a Wednesday: its week runs Monday 2029-12-31 to 2030-01-06.
        assert_eq!(
            window_of(Window::Week, day("2030-01-02"), 0),
            (day("2029-12-31"), day("2030-01-06"))
        );
        assert_eq!(
            window_of(Window::Month, day("2028-02-15"), 0),
            (day("2028-02-01"), day("2028-02-29"))
        );
        assert_eq!(
            window_of(Window::Month, day("2030-12-31"), 0),
            (day("2030-12-01"), day("2030-12-31"))
        );
        assert_eq!(
            window_of(Window::Year, day("2030-07-04"), 0),
            (day("2030-01-01"), day("2030-12-31"))
        );
        let origin = day("2030-01-02");
        assert_eq!(
            window_of(Window::Days(7), day("2030-01-20"), origin),
            (day("2030-01-16"), day("2030-01-22"))
        );
        assert_eq!("7d".parse::<Window>().unwrap(), Window::Days(7));
        assert_eq!("2w".parse::<Window>().unwrap(), Window::Days(14));
        assert_eq!("Month".parse::<Window>().unwrap(), Window::Month);
        for bad in ["0d", "d", "7x", "", "-3d", "fortnight", "7é", "é"] {
            assert!(bad.parse::<Window>().is_err(), "{bad}");
        }
    }

    #[test]
    fn evidence_rows_trace_each_edge_to_spans() {
        let ev = network_evidence(&reports(), &NetworkOptions::default()).unwrap();
        // 3 + 3 + 3 statements; Boris's statement d1#1 enters Boris–Carla twice (levy
        // and toll), so 10 rows there.
        assert_eq!(ev.height(), 10);
        let s = |c: &str| ev.column(c).unwrap().cast(&DataType::String).unwrap();
        let sid = s(STATEMENT_ID);
        let node = s(ACTOR_ID);
        let start = s(START);
        let cong = ev.column("in_congruence").unwrap().bool().unwrap().clone();
        let conf = ev.column("in_conflict").unwrap().bool().unwrap().clone();
        let rows: Vec<(String, String, String, bool, bool)> = (0..ev.height())
            .map(|i| {
                (
                    sid.str().unwrap().get(i).unwrap().into(),
                    node.str().unwrap().get(i).unwrap().into(),
                    start.str().unwrap().get(i).unwrap().into(),
                    cong.get(i).unwrap(),
                    conf.get(i).unwrap(),
                )
            })
            .collect();
        assert_eq!(
            rows[0],
            ("d1#0".into(), "ana-veltri".into(), "0".into(), true, false)
        );
        // Boris–Carla: Carla's conditional on the toll enters both weights.
        assert!(rows.contains(&(
            "d2#1".into(),
            "carla-dunmore".into(),
            "30".into(),
            true,
            true
        )));
        assert!(rows.contains(&(
            "d2#0".into(),
            "carla-dunmore".into(),
            "0".into(),
            false,
            true
        )));
    }

    #[test]
    fn projections_keep_their_edges_and_weight() {
        let edges = network(&reports(), &NetworkOptions::default()).unwrap();
        let weights = |p: Projection| {
            let df = projection(&edges, p).unwrap();
            assert_eq!(df.get_column_names()[4].as_str(), WEIGHT);
            df.column(WEIGHT)
                .unwrap()
                .f64()
                .unwrap()
                .into_no_null_iter()
                .collect::<Vec<_>>()
        };
        assert_eq!(weights(Projection::Congruence), vec![2.0, 0.5]);
        assert_eq!(weights(Projection::Conflict), vec![2.0, 1.5]);
        assert_eq!(weights(Projection::Subtract), vec![2.0, -2.0, -1.0]);
    }

    #[test]
    fn event_list_and_affiliations() {
        let ev = events_frame(&reports()).unwrap();
        // 2 + 2 (Boris, two topics) + 2 (Carla) + 1 (Dev); Emil's statement has none.
        assert_eq!(ev.height(), 7);
        let q: Vec<i32> = ev
            .column(QUALIFIER)
            .unwrap()
            .i32()
            .unwrap()
            .into_no_null_iter()
            .collect();
        assert_eq!(q, vec![1, 1, -1, 1, -1, 0, 1]);
        assert_eq!(ev.column(TIME).unwrap().dtype(), &DataType::Date);
        let aff = affiliation_frame(&reports(), &[]).unwrap();
        let rel: Vec<&str> = aff
            .column(RELATION)
            .unwrap()
            .str()
            .unwrap()
            .iter()
            .flatten()
            .collect();
        assert_eq!(
            rel,
            vec![
                "support",
                "support",
                "opposition",
                "support",
                "irrelevant", // Emil: no stance
                "opposition",
                "irrelevant", // Carla: conditional
                "support",
            ]
        );
        // Only the toll: every other statement is irrelevant to it.
        let aff = affiliation_frame(&reports(), &["toll".into()]).unwrap();
        assert_eq!(aff.height(), 7);
        let topic = aff.column(TOPIC).unwrap().str().unwrap();
        assert_eq!(topic.iter().flatten().count(), 2);
    }

    #[test]
    fn graphml_is_escaped_and_well_formed() {
        let mut rs = reports();
        rs[0].actors[1].name = "Boris \"B\" <Kessel> & Sons' \u{1}".into();
        let edges = network(&rs, &NetworkOptions::default()).unwrap();
        let mut out = Vec::new();
        write_graphml(&edges, Some(Projection::Conflict), &mut out).unwrap();
        let xml = String::from_utf8(out).unwrap();
        assert!(xml.contains(
            r#"<node id="boris-kessel"><data key="label">Boris &quot;B&quot; &lt;Kessel&gt; &amp; Sons&apos;  </data></node>"#
        ));
        assert_eq!(xml.matches("<edge ").count(), 2);
        assert!(xml.contains(r#"<data key="weight">1.5</data>"#));
        assert!(xml.contains(r#"<data key="statements">d1#1;d2#0;d2#1</data>"#));
        assert!(!xml.contains('\u{1}'));
        assert!(xml.trim_end().ends_with("</graphml>"));
        assert_eq!(xml_escape("a\tb\u{fffe}"), "a\tb ");
    }

    #[test]
    fn events_read_back_from_strings_give_the_same_network() {
        let ev = events_frame(&reports()).unwrap();
        // A CSV round trip turns the date into text.
        let time = ev.column(TIME).unwrap().cast(&DataType::String).unwrap();
        let mut text = ev.clone();
        text.with_column(time).unwrap();
        let options = NetworkOptions {
            window: Some(Window::Month),
            ..NetworkOptions::default()
        };
        let a = network_from_events(&ev, &options).unwrap();
        let b = network_from_events(&text, &options).unwrap();
        assert!(a.equals_missing(&b));
    }

    #[test]
    fn empty_input_gives_empty_frames() {
        let options = NetworkOptions::default();
        assert_eq!(network(&[], &options).unwrap().height(), 0);
        assert_eq!(network_evidence(&[], &options).unwrap().height(), 0);
        let edges = network(&[], &options).unwrap();
        let mut out = Vec::new();
        write_graphml(&edges, None, &mut out).unwrap();
        assert!(String::from_utf8(out).unwrap().contains("<graph "));
    }
}
