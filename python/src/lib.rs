//! The native part of the `stancemap` Python package.
//!
//! The Python layer (`python/stancemap/__init__.py`) turns what this module returns into
//! pyarrow tables; everything per row happens here, in Rust, with the GIL released:
//! the documents are analysed in parallel by [`stancemap::Analyzer`], flattened into
//! polars frames and written as Arrow IPC streams (`pyarrow.ipc.open_stream` reads them
//! without copying per row). The stance matrix is the matrix crate's, unchanged.

use std::collections::HashMap;
use std::io::Cursor;
use std::path::PathBuf;

use polars_arrow::io::ipc::write::{StreamWriter, WriteOptions};
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use rayon::prelude::*;
use stancemap::core::output::{ActorOut, DocumentReport, StanceOut};
use stancemap::core::{Meta, Stance};
use stancemap::matrix::{GroupBy, MatrixOptions, stance_matrix};
use stancemap::polars::prelude::*;
use stancemap::{Analyzer, Document};

pyo3::create_exception!(
    _stancemap,
    StancemapError,
    PyException,
    "An error of stancemap. Attributes: `kind` (io, data, stage, …), `doc` (document id), \
     `index` (position in the input), `path`, `line`, `column`, `byte` (None when unknown)."
);

/// What an analyzer is built from; also its pickled form.
#[derive(Clone, Debug)]
struct Config {
    topics: Vec<PathBuf>,
    registry: Vec<PathBuf>,
    boilerplate: Option<PathBuf>,
    only_topics: bool,
    threads: Option<usize>,
}

/// Where a failure happened, for the Python exception.
#[derive(Default)]
struct Place {
    kind: &'static str,
    doc: Option<String>,
    index: Option<usize>,
    path: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    byte: Option<usize>,
}

/// A failure with its message and place, built without the GIL and raised with it.
struct Failure {
    message: String,
    place: Place,
}

impl Failure {
    fn from_error(e: &stancemap::Error, index: Option<usize>) -> Failure {
        let loc = e.location();
        let kind = match e.kind() {
            stancemap::ErrorKind::Io => "io",
            stancemap::ErrorKind::InvalidUtf8 => "invalid_utf8",
            stancemap::ErrorKind::Binary => "binary",
            stancemap::ErrorKind::Json => "json",
            stancemap::ErrorKind::Data => "data",
            stancemap::ErrorKind::Config => "config",
            stancemap::ErrorKind::Stage => "stage",
            stancemap::ErrorKind::Output => "output",
            stancemap::ErrorKind::NoInput => "no_input",
            _ => "other",
        };
        let mut message = e.to_string();
        if let Some(i) = index {
            message = format!("document #{i}: {message}");
        }
        Failure {
            message,
            place: Place {
                kind,
                doc: loc.doc.clone(),
                index,
                path: loc.path.clone(),
                line: loc.line,
                column: loc.column,
                byte: loc.byte,
            },
        }
    }

    fn output(e: impl std::fmt::Display) -> Failure {
        Failure {
            message: format!("building the Arrow tables failed: {e}"),
            place: Place {
                kind: "output",
                ..Place::default()
            },
        }
    }

    fn into_py(self, py: Python<'_>) -> PyErr {
        let err = StancemapError::new_err(self.message);
        let value = err.value(py);
        let p = self.place;
        let set = || -> PyResult<()> {
            value.setattr("kind", p.kind)?;
            value.setattr("doc", p.doc)?;
            value.setattr("index", p.index)?;
            value.setattr("path", p.path)?;
            value.setattr("line", p.line)?;
            value.setattr("column", p.column)?;
            value.setattr("byte", p.byte)?;
            Ok(())
        };
        match set() {
            Ok(()) => err,
            Err(e) => e,
        }
    }
}

/// The analyzer (native part). Built once; `analyze` runs without the GIL, on all
/// cores (or `threads` of them).
#[pyclass(module = "stancemap._stancemap", name = "NativeAnalyzer", frozen)]
struct NativeAnalyzer {
    analyzer: Analyzer,
    config: Config,
    pool: Option<rayon::ThreadPool>,
}

/// Reads one Python value as an optional string (None stays None, anything else is
/// `str()`-ed), naming the field and row on failure.
fn opt_string(v: &Bound<'_, PyAny>, what: &str, i: usize) -> PyResult<Option<String>> {
    if v.is_none() {
        return Ok(None);
    }
    if let Ok(s) = v.cast::<PyString>() {
        return s
            .to_cow()
            .map(|s| Some(s.into_owned()))
            .map_err(|e| PyValueError::new_err(format!("{what} of document #{i}: {e}")));
    }
    Ok(Some(v.str()?.to_cow()?.into_owned()))
}

const META_FIELDS: [&str; 5] = ["title", "outlet", "published", "url", "genre"];

fn set_meta(meta: &mut Meta, field: &str, value: Option<String>) {
    match field {
        "title" => meta.title = value,
        "outlet" => meta.outlet = value,
        "published" => meta.published = value,
        "url" => meta.url = value,
        _ => meta.genre = value,
    }
}

/// Metadata per document: `meta` is either a mapping of columns (field → sequence of
/// values, one per document) or a sequence with a mapping (or None) per document.
fn read_meta(meta: &Bound<'_, PyAny>, n: usize) -> PyResult<Vec<Meta>> {
    let mut out = vec![Meta::default(); n];
    if let Ok(dict) = meta.cast::<PyDict>() {
        for (key, column) in dict.iter() {
            let key: String = key.extract()?;
            if !META_FIELDS.contains(&key.as_str()) {
                continue;
            }
            let len = column.len()?;
            if len != n {
                return Err(PyValueError::new_err(format!(
                    "meta[{key:?}] has {len} values for {n} texts"
                )));
            }
            for (i, v) in column.try_iter()?.enumerate() {
                let v = v?;
                let value = opt_string(&v, &format!("meta[{key:?}]"), i)?;
                set_meta(&mut out[i], &key, value);
            }
        }
        return Ok(out);
    }
    let len = meta.len()?;
    if len != n {
        return Err(PyValueError::new_err(format!(
            "meta has {len} entries for {n} texts"
        )));
    }
    for (i, row) in meta.try_iter()?.enumerate() {
        let row = row?;
        if row.is_none() {
            continue;
        }
        let row = row.cast::<PyDict>().map_err(|_| {
            PyTypeError::new_err(format!(
                "meta of document #{i}: expected a dict or None, got {}",
                row.get_type()
                    .name()
                    .map_or_else(|_| "?".into(), |n| n.to_string())
            ))
        })?;
        for field in META_FIELDS {
            if let Some(v) = row.get_item(field)? {
                let value = opt_string(&v, &format!("meta {field:?}"), i)?;
                set_meta(&mut out[i], field, value);
            }
        }
    }
    Ok(out)
}

/// Byte offset → character (code point) offset in one text, as Python counts them.
struct CharIndex<'a> {
    text: &'a str,
    /// Byte offsets of the character starts; empty for an ASCII text (bytes = chars).
    starts: Vec<usize>,
}

impl<'a> CharIndex<'a> {
    fn new(text: &'a str) -> CharIndex<'a> {
        let starts = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(i, _)| i).collect()
        };
        CharIndex { text, starts }
    }

    fn char_of(&self, byte: usize) -> u64 {
        let byte = byte.min(self.text.len());
        if self.starts.is_empty() && self.text.is_ascii() {
            return byte as u64;
        }
        self.starts.partition_point(|&s| s < byte) as u64
    }
}

/// One analysed document: its report and its text (for character offsets).
struct Analysed {
    report: DocumentReport,
    text: String,
}

fn list_str(name: &str, rows: &[Vec<&str>]) -> Column {
    let values: usize = rows.iter().map(Vec::len).sum();
    let mut b = ListStringChunkedBuilder::new(name.into(), rows.len(), values);
    for row in rows {
        b.append_values_iter(row.iter().copied());
    }
    b.finish().into_series().into_column()
}

fn list_u32(name: &str, rows: &[Vec<u32>]) -> Column {
    let values: usize = rows.iter().map(Vec::len).sum();
    let mut b = ListPrimitiveChunkedBuilder::<UInt32Type>::new(
        name.into(),
        rows.len(),
        values,
        DataType::UInt32,
    );
    for row in rows {
        b.append_slice(row);
    }
    b.finish().into_series().into_column()
}

fn u32_of(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn actor_map(report: &DocumentReport) -> HashMap<&str, &ActorOut> {
    let mut m = HashMap::with_capacity(report.actors.len());
    for a in &report.actors {
        m.entry(a.id.as_str()).or_insert(a);
    }
    m
}

/// The five tables of some analysed documents, as polars frames.
fn tables(docs: &[Analysed]) -> PolarsResult<Vec<(&'static str, DataFrame)>> {
    Ok(vec![
        ("documents", documents_frame(docs)?),
        ("statements", statements_frame(docs)?),
        ("stances", stances_frame(docs)?),
        ("actors", actors_frame(docs)?),
        ("cues", cues_frame(docs)?),
    ])
}

fn documents_frame(docs: &[Analysed]) -> PolarsResult<DataFrame> {
    let n = docs.len();
    let reports: Vec<&DocumentReport> = docs.iter().map(|d| &d.report).collect();
    let json: Vec<String> = reports
        .par_iter()
        .map(|r| serde_json::to_string(r).unwrap_or_default())
        .collect();
    let warnings: Vec<Vec<&str>> = reports
        .iter()
        .map(|r| r.warnings.iter().map(String::as_str).collect())
        .collect();
    DataFrame::new(
        n,
        vec![
            Column::new(
                "doc_id".into(),
                reports
                    .iter()
                    .map(|r| r.doc_id.as_str())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "title".into(),
                reports
                    .iter()
                    .map(|r| r.title.as_deref())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "outlet".into(),
                reports
                    .iter()
                    .map(|r| r.outlet.as_deref())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "published".into(),
                reports
                    .iter()
                    .map(|r| r.published.as_deref())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "genre".into(),
                reports
                    .iter()
                    .map(|r| r.genre.as_deref())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "chars".into(),
                docs.iter()
                    .map(|d| d.text.chars().count() as u64)
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "n_actors".into(),
                reports
                    .iter()
                    .map(|r| u32_of(r.actors.len()))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "n_statements".into(),
                reports
                    .iter()
                    .map(|r| u32_of(r.statements.len()))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "n_stances".into(),
                reports
                    .iter()
                    .map(|r| u32_of(r.stances.len()))
                    .collect::<Vec<_>>(),
            ),
            list_str("warnings", &warnings),
            Column::new("report".into(), json),
        ],
    )
}

fn statements_frame(docs: &[Analysed]) -> PolarsResult<DataFrame> {
    #[derive(Default)]
    struct Cols<'a> {
        doc: Vec<u32>,
        doc_id: Vec<&'a str>,
        outlet: Vec<Option<&'a str>>,
        published: Vec<Option<&'a str>>,
        statement: Vec<u32>,
        actor_id: Vec<&'a str>,
        actor: Vec<&'a str>,
        kind: Vec<Option<&'a str>>,
        country: Vec<Option<&'a str>>,
        role: Vec<Option<&'a str>>,
        topic: Vec<Option<&'a str>>,
        stance: Vec<Option<&'a str>>,
        score: Vec<Option<f64>>,
        rule: Vec<Option<&'a str>>,
        commitment: Vec<f64>,
        quote: Vec<bool>,
        cue: Vec<Option<&'a str>>,
        hedged: Vec<bool>,
        hedge_cues: Vec<Vec<&'a str>>,
        booster_cues: Vec<Vec<&'a str>>,
        start: Vec<u64>,
        end: Vec<u64>,
        char_start: Vec<u64>,
        char_end: Vec<u64>,
        text: Vec<&'a str>,
    }
    let mut c = Cols::default();
    for (di, d) in docs.iter().enumerate() {
        let r = &d.report;
        let chars = CharIndex::new(&d.text);
        let actors = actor_map(r);
        for (i, st) in r.statements.iter().enumerate() {
            let actor = actors.get(st.actor.as_str()).copied();
            let hedges: Vec<&str> = st
                .hedges
                .iter()
                .filter_map(|&h| r.hedges.get(h))
                .map(|c| c.cue.as_str())
                .collect();
            let boosters: Vec<&str> = st
                .boosters
                .iter()
                .filter_map(|&h| r.boosters.get(h))
                .map(|c| c.cue.as_str())
                .collect();
            let (cs, ce) = (chars.char_of(st.start), chars.char_of(st.end));
            for k in 0..st.stances.len().max(1) {
                let s = st.stances.get(k);
                c.doc.push(u32_of(di));
                c.doc_id.push(&r.doc_id);
                c.outlet.push(r.outlet.as_deref());
                c.published.push(r.published.as_deref());
                c.statement.push(u32_of(i));
                c.actor_id.push(&st.actor);
                c.actor
                    .push(actor.map_or(st.actor.as_str(), |a| a.name.as_str()));
                c.kind.push(actor.map(|a| a.kind.as_str()));
                c.country.push(actor.and_then(|a| a.country.as_deref()));
                c.role.push(actor.and_then(|a| a.role.as_deref()));
                c.topic.push(s.map(|s| s.topic.as_str()));
                c.stance.push(s.map(|s| s.stance.as_str()));
                c.score.push(s.map(|s| widen(s.score)));
                c.rule
                    .push(s.map(|s| s.rule.as_str()).filter(|r| !r.is_empty()));
                c.commitment.push(widen(st.commitment));
                c.quote.push(st.quote);
                c.cue.push(st.cue.as_deref());
                c.hedged.push(!st.hedges.is_empty());
                c.hedge_cues.push(hedges.clone());
                c.booster_cues.push(boosters.clone());
                c.start.push(st.start as u64);
                c.end.push(st.end as u64);
                c.char_start.push(cs);
                c.char_end.push(ce);
                c.text.push(&st.text);
            }
        }
    }
    let n = c.doc_id.len();
    DataFrame::new(
        n,
        vec![
            Column::new("doc".into(), c.doc),
            Column::new("doc_id".into(), c.doc_id),
            Column::new("outlet".into(), c.outlet),
            Column::new("published".into(), c.published),
            Column::new("statement".into(), c.statement),
            Column::new("actor_id".into(), c.actor_id),
            Column::new("actor".into(), c.actor),
            Column::new("kind".into(), c.kind),
            Column::new("country".into(), c.country),
            Column::new("role".into(), c.role),
            Column::new("topic".into(), c.topic),
            Column::new("stance".into(), c.stance),
            Column::new("score".into(), c.score),
            Column::new("rule".into(), c.rule),
            Column::new("commitment".into(), c.commitment),
            Column::new("quote".into(), c.quote),
            Column::new("cue".into(), c.cue),
            Column::new("hedged".into(), c.hedged),
            list_str("hedge_cues", &c.hedge_cues),
            list_str("booster_cues", &c.booster_cues),
            Column::new("start".into(), c.start),
            Column::new("end".into(), c.end),
            Column::new("char_start".into(), c.char_start),
            Column::new("char_end".into(), c.char_end),
            Column::new("text".into(), c.text),
        ],
    )
}

fn stances_frame(docs: &[Analysed]) -> PolarsResult<DataFrame> {
    let mut doc: Vec<u32> = Vec::new();
    let mut doc_id = Vec::new();
    let mut outlet = Vec::new();
    let mut published = Vec::new();
    let mut actor_id = Vec::new();
    let mut actor = Vec::new();
    let mut kind = Vec::new();
    let mut country = Vec::new();
    let mut role = Vec::new();
    let mut topic = Vec::new();
    let mut stance = Vec::new();
    let mut score = Vec::new();
    let mut hedged = Vec::new();
    let mut n_statements = Vec::new();
    let mut statements: Vec<Vec<u32>> = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        let r = &d.report;
        let actors = actor_map(r);
        for s in &r.stances {
            let a = actors.get(s.actor.as_str()).copied();
            doc.push(u32_of(di));
            doc_id.push(r.doc_id.as_str());
            outlet.push(r.outlet.as_deref());
            published.push(r.published.as_deref());
            actor_id.push(s.actor.as_str());
            actor.push(a.map_or(s.actor.as_str(), |a| a.name.as_str()));
            kind.push(a.map(|a| a.kind.as_str()));
            country.push(a.and_then(|a| a.country.as_deref()));
            role.push(a.and_then(|a| a.role.as_deref()));
            topic.push(s.topic.as_str());
            stance.push(s.stance.as_str());
            score.push(widen(s.score));
            hedged.push(s.hedged);
            n_statements.push(u32_of(s.statements.len()));
            statements.push(s.statements.iter().map(|&i| u32_of(i)).collect());
        }
    }
    let n = doc_id.len();
    DataFrame::new(
        n,
        vec![
            Column::new("doc".into(), doc),
            Column::new("doc_id".into(), doc_id),
            Column::new("outlet".into(), outlet),
            Column::new("published".into(), published),
            Column::new("actor_id".into(), actor_id),
            Column::new("actor".into(), actor),
            Column::new("kind".into(), kind),
            Column::new("country".into(), country),
            Column::new("role".into(), role),
            Column::new("topic".into(), topic),
            Column::new("stance".into(), stance),
            Column::new("score".into(), score),
            Column::new("hedged".into(), hedged),
            Column::new("n_statements".into(), n_statements),
            list_u32("statements", &statements),
        ],
    )
}

fn actors_frame(docs: &[Analysed]) -> PolarsResult<DataFrame> {
    let mut doc: Vec<u32> = Vec::new();
    let mut doc_id = Vec::new();
    let mut actor_id = Vec::new();
    let mut actor = Vec::new();
    let mut kind = Vec::new();
    let mut country = Vec::new();
    let mut role = Vec::new();
    let mut mention: Vec<Option<u32>> = Vec::new();
    let mut start: Vec<Option<u64>> = Vec::new();
    let mut end: Vec<Option<u64>> = Vec::new();
    let mut char_start: Vec<Option<u64>> = Vec::new();
    let mut char_end: Vec<Option<u64>> = Vec::new();
    let mut text: Vec<Option<&str>> = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        let r = &d.report;
        let chars = CharIndex::new(&d.text);
        for a in &r.actors {
            // An actor without a mention (the author's voice) still gets one row.
            for k in 0..a.mentions.len().max(1) {
                let m = a.mentions.get(k);
                doc.push(u32_of(di));
                doc_id.push(r.doc_id.as_str());
                actor_id.push(a.id.as_str());
                actor.push(a.name.as_str());
                kind.push(a.kind.as_str());
                country.push(a.country.as_deref());
                role.push(a.role.as_deref());
                mention.push(m.map(|_| u32_of(k)));
                start.push(m.map(|m| m.start as u64));
                end.push(m.map(|m| m.end as u64));
                char_start.push(m.map(|m| chars.char_of(m.start)));
                char_end.push(m.map(|m| chars.char_of(m.end)));
                text.push(m.map(|m| m.text.as_str()));
            }
        }
    }
    let n = doc_id.len();
    DataFrame::new(
        n,
        vec![
            Column::new("doc".into(), doc),
            Column::new("doc_id".into(), doc_id),
            Column::new("actor_id".into(), actor_id),
            Column::new("actor".into(), actor),
            Column::new("kind".into(), kind),
            Column::new("country".into(), country),
            Column::new("role".into(), role),
            Column::new("mention".into(), mention),
            Column::new("start".into(), start),
            Column::new("end".into(), end),
            Column::new("char_start".into(), char_start),
            Column::new("char_end".into(), char_end),
            Column::new("text".into(), text),
        ],
    )
}

fn cues_frame(docs: &[Analysed]) -> PolarsResult<DataFrame> {
    let mut doc: Vec<u32> = Vec::new();
    let mut doc_id = Vec::new();
    let mut type_ = Vec::new();
    let mut index = Vec::new();
    let mut cue = Vec::new();
    let mut kind = Vec::new();
    let mut start = Vec::new();
    let mut end = Vec::new();
    let mut char_start = Vec::new();
    let mut char_end = Vec::new();
    for (di, d) in docs.iter().enumerate() {
        let r = &d.report;
        let chars = CharIndex::new(&d.text);
        for (t, list) in [("hedge", &r.hedges), ("booster", &r.boosters)] {
            for (i, c) in list.iter().enumerate() {
                doc.push(u32_of(di));
                doc_id.push(r.doc_id.as_str());
                type_.push(t);
                index.push(u32_of(i));
                cue.push(c.cue.as_str());
                kind.push(c.kind.as_str());
                start.push(c.start as u64);
                end.push(c.end as u64);
                char_start.push(chars.char_of(c.start));
                char_end.push(chars.char_of(c.end));
            }
        }
    }
    let n = doc_id.len();
    DataFrame::new(
        n,
        vec![
            Column::new("doc".into(), doc),
            Column::new("doc_id".into(), doc_id),
            Column::new("type".into(), type_),
            Column::new("index".into(), index),
            Column::new("cue".into(), cue),
            Column::new("kind".into(), kind),
            Column::new("start".into(), start),
            Column::new("end".into(), end),
            Column::new("char_start".into(), char_start),
            Column::new("char_end".into(), char_end),
        ],
    )
}

/// Scores are `f32` rounded to three decimals in the reports; widened as the matrix
/// crate does, so that `0.9` stays `0.9`.
fn widen(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}

/// A frame as an Arrow IPC stream (plain `large_string`s, readable by every pyarrow).
fn ipc(mut df: DataFrame) -> PolarsResult<Vec<u8>> {
    df.rechunk_mut();
    let compat = CompatLevel::oldest();
    let schema: polars_arrow::datatypes::ArrowSchema = df
        .columns()
        .iter()
        .map(|c| c.field().to_arrow(compat))
        .collect();
    let mut w = StreamWriter::new(Vec::new(), WriteOptions { compression: None });
    w.start(&schema, None)?;
    if df.height() > 0 {
        for batch in df.iter_chunks(compat, false) {
            w.write(&batch, None)?;
        }
    }
    w.finish()?;
    Ok(w.into_inner())
}

fn to_bytes<'py>(
    py: Python<'py>,
    frames: Vec<(&'static str, Vec<u8>)>,
) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(py);
    for (name, bytes) in frames {
        out.set_item(name, PyBytes::new(py, &bytes))?;
    }
    Ok(out)
}

fn build(config: &Config) -> Result<(Analyzer, Option<rayon::ThreadPool>), Failure> {
    let mut b = Analyzer::builder();
    for t in &config.topics {
        b.topic_file(t);
    }
    b.only_topic_files(config.only_topics);
    for r in &config.registry {
        b.registry_file(r);
    }
    if let Some(p) = &config.boilerplate {
        b.boilerplate_file(p);
    }
    let analyzer = b.build().map_err(|e| Failure::from_error(&e, None))?;
    let pool = match config.threads {
        None => None,
        Some(n) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(n.max(1))
                .build()
                .map_err(|e| Failure {
                    message: format!("cannot start {n} threads: {e}"),
                    place: Place {
                        kind: "config",
                        ..Place::default()
                    },
                })?,
        ),
    };
    Ok((analyzer, pool))
}

impl NativeAnalyzer {
    /// Runs `f` in this analyzer's thread pool (or rayon's global one).
    fn install<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        match &self.pool {
            Some(p) => p.install(f),
            None => f(),
        }
    }

    fn run(&self, inputs: Vec<(String, String, Meta)>) -> Result<Vec<Analysed>, Failure> {
        self.install(|| {
            inputs
                .into_par_iter()
                .enumerate()
                .map(|(i, (id, text, meta))| {
                    let mut doc = Document::new(id, text).with_meta(meta);
                    self.analyzer
                        .analyze(&mut doc)
                        .map_err(|e| Failure::from_error(&e.with_doc(doc.id()), Some(i)))?;
                    let report = DocumentReport::from_document(&doc);
                    Ok(Analysed {
                        report,
                        text: doc.text().to_owned(),
                    })
                })
                .collect()
        })
    }

    fn read_inputs(
        texts: &Bound<'_, PyAny>,
        ids: Option<&Bound<'_, PyAny>>,
        meta: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<(String, String, Meta)>> {
        let mut out_texts = Vec::new();
        for (i, t) in texts.try_iter()?.enumerate() {
            let t = t?;
            let s = t.cast::<PyString>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "texts[{i}]: expected str, got {}",
                    t.get_type()
                        .name()
                        .map_or_else(|_| "?".into(), |n| n.to_string())
                ))
            })?;
            let s = s
                .to_cow()
                .map_err(|e| PyValueError::new_err(format!("texts[{i}]: {e}")))?;
            out_texts.push(s.into_owned());
        }
        let n = out_texts.len();
        let ids: Vec<String> = match ids {
            None => (0..n).map(|i| i.to_string()).collect(),
            Some(ids) if ids.is_none() => (0..n).map(|i| i.to_string()).collect(),
            Some(ids) => {
                let mut v = Vec::with_capacity(n);
                for (i, id) in ids.try_iter()?.enumerate() {
                    let id = id?;
                    v.push(opt_string(&id, "id", i)?.unwrap_or_else(|| i.to_string()));
                }
                if v.len() != n {
                    return Err(PyValueError::new_err(format!(
                        "ids has {} values for {n} texts",
                        v.len()
                    )));
                }
                v
            }
        };
        let metas = match meta {
            Some(m) if !m.is_none() => read_meta(m, n)?,
            _ => vec![Meta::default(); n],
        };
        Ok(ids
            .into_iter()
            .zip(out_texts)
            .zip(metas)
            .map(|((id, t), m)| (id, t, m))
            .collect())
    }
}

#[pymethods]
impl NativeAnalyzer {
    #[new]
    #[pyo3(signature = (topics=Vec::new(), registry=Vec::new(), boilerplate=None, only_topics=false, threads=None))]
    fn new(
        py: Python<'_>,
        topics: Vec<PathBuf>,
        registry: Vec<PathBuf>,
        boilerplate: Option<PathBuf>,
        only_topics: bool,
        threads: Option<usize>,
    ) -> PyResult<NativeAnalyzer> {
        let config = Config {
            topics,
            registry,
            boilerplate,
            only_topics,
            threads,
        };
        let built = py.detach(|| build(&config));
        let (analyzer, pool) = built.map_err(|f| f.into_py(py))?;
        Ok(NativeAnalyzer {
            analyzer,
            config,
            pool,
        })
    }

    /// The configuration, as `(topics, registry, boilerplate, only_topics, threads)`.
    fn config(
        &self,
    ) -> (
        Vec<PathBuf>,
        Vec<PathBuf>,
        Option<PathBuf>,
        bool,
        Option<usize>,
    ) {
        let c = &self.config;
        (
            c.topics.clone(),
            c.registry.clone(),
            c.boilerplate.clone(),
            c.only_topics,
            c.threads,
        )
    }

    /// The ids of the topics in use, in order.
    fn topics(&self) -> Vec<String> {
        self.analyzer.topics().map(|t| t.id().to_string()).collect()
    }

    /// Analyses texts; returns `{name: Arrow IPC stream bytes}` for the tables
    /// documents, statements, stances, actors and cues.
    #[pyo3(signature = (texts, ids=None, meta=None))]
    fn analyze<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        ids: Option<&Bound<'py, PyAny>>,
        meta: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let inputs = Self::read_inputs(texts, ids, meta)?;
        let result = py.detach(|| -> Result<Vec<(&'static str, Vec<u8>)>, Failure> {
            let docs = self.run(inputs)?;
            self.install(|| {
                tables(&docs)
                    .map_err(Failure::output)?
                    .into_par_iter()
                    .map(|(name, df)| ipc(df).map(|b| (name, b)).map_err(Failure::output))
                    .collect()
            })
        });
        to_bytes(py, result.map_err(|f| f.into_py(py))?)
    }

    /// Analyses texts and returns the stance matrix as Arrow IPC stream bytes.
    #[pyo3(signature = (texts, ids=None, meta=None, by="actor", topics=None))]
    fn matrix<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        ids: Option<&Bound<'py, PyAny>>,
        meta: Option<&Bound<'py, PyAny>>,
        by: &str,
        topics: Option<Vec<String>>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let options = matrix_options(by, topics).map_err(|f| f.into_py(py))?;
        let inputs = Self::read_inputs(texts, ids, meta)?;
        let result = py.detach(|| -> Result<Vec<u8>, Failure> {
            let docs = self.run(inputs)?;
            let reports: Vec<DocumentReport> = docs.into_iter().map(|d| d.report).collect();
            let m = stance_matrix(&reports, &options).map_err(Failure::output)?;
            ipc(m).map_err(Failure::output)
        });
        Ok(PyBytes::new(py, &result.map_err(|f| f.into_py(py))?))
    }
}

fn matrix_options(by: &str, topics: Option<Vec<String>>) -> Result<MatrixOptions, Failure> {
    let by: GroupBy = by.parse().map_err(|e| Failure::from_error(&e, None))?;
    Ok(MatrixOptions {
        topics: topics.unwrap_or_default(),
        by,
    })
}

/// Reads a string column (null → None), whatever string-like type it has.
fn str_col(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<String>>> {
    let c = df.column(name)?.cast(&DataType::String)?;
    Ok(c.str()?.iter().map(|v| v.map(str::to_owned)).collect())
}

/// Rebuilds the parts of the reports the matrix reads (documents, their actors and
/// stances) from a stances table and, optionally, an actors table, both in the shape
/// `analyze` gives them.
fn reports_from_tables(
    stances: &DataFrame,
    actors: Option<&DataFrame>,
) -> PolarsResult<Vec<DocumentReport>> {
    let doc = str_col(stances, "doc_id")?;
    let outlet = str_col(stances, "outlet")?;
    let published = str_col(stances, "published")?;
    let actor_id = str_col(stances, "actor_id")?;
    let actor = str_col(stances, "actor")?;
    let kind = str_col(stances, "kind")?;
    let country = str_col(stances, "country")?;
    let role = if stances.schema().contains("role") {
        str_col(stances, "role")?
    } else {
        vec![None; stances.height()]
    };
    let topic = str_col(stances, "topic")?;
    let stance = str_col(stances, "stance")?;
    let score_c = stances.column("score")?.cast(&DataType::Float64)?;
    let score = score_c.f64()?;
    let hedged_c = if stances.schema().contains("hedged") {
        stances.column("hedged")?.cast(&DataType::Boolean)?
    } else {
        Column::new("hedged".into(), vec![false; stances.height()])
    };
    let hedged = hedged_c.bool()?;
    let n_c = stances.column("n_statements")?.cast(&DataType::UInt32)?;
    let n_st = n_c.u32()?;

    let mut order: Vec<String> = Vec::new();
    let mut by_doc: HashMap<String, DocumentReport> = HashMap::new();
    let mut seen: HashMap<String, std::collections::HashSet<String>> = HashMap::new();
    let mut pending_actors: Vec<(String, ActorOut)> = Vec::new();
    for i in 0..stances.height() {
        let Some(d) = doc[i].as_deref() else { continue };
        let id = d.to_owned();
        if !by_doc.contains_key(d) {
            order.push(id.clone());
            by_doc.insert(
                id.clone(),
                empty_report(d, outlet[i].clone(), published[i].clone()),
            );
        }
        let (Some(a), Some(t), Some(s), Some(sc)) = (
            actor_id[i].clone(),
            topic[i].clone(),
            stance[i].clone(),
            score.get(i),
        ) else {
            continue;
        };
        pending_actors.push((
            id.clone(),
            ActorOut {
                id: a.clone(),
                name: actor[i].clone().unwrap_or_else(|| a.clone()),
                kind: kind[i].clone().unwrap_or_default(),
                country: country[i].clone(),
                role: role[i].clone(),
                mentions: Vec::new(),
            },
        ));
        let n = n_st.get(i).unwrap_or(1) as usize;
        let Some(s) = Stance::parse(&s) else {
            return Err(polars_err!(
                ComputeError: "stances row {i} ({d}): stance {s:?} is not support, oppose or conditional"
            ));
        };
        if let Some(r) = by_doc.get_mut(&id) {
            r.stances.push(StanceOut {
                actor: a,
                topic: t,
                stance: s,
                score: sc as f32,
                hedged: hedged.get(i).unwrap_or(false),
                statements: (0..n).collect(),
            });
        }
    }
    if let Some(actors) = actors {
        let doc = str_col(actors, "doc_id")?;
        let actor_id = str_col(actors, "actor_id")?;
        let name = str_col(actors, "actor")?;
        let kind = str_col(actors, "kind")?;
        let country = str_col(actors, "country")?;
        let role = if actors.schema().contains("role") {
            str_col(actors, "role")?
        } else {
            vec![None; actors.height()]
        };
        let mut from_table = Vec::with_capacity(actors.height());
        for i in 0..actors.height() {
            let (Some(d), Some(a)) = (doc[i].clone(), actor_id[i].clone()) else {
                continue;
            };
            from_table.push((
                d,
                ActorOut {
                    id: a.clone(),
                    name: name[i].clone().unwrap_or(a),
                    kind: kind[i].clone().unwrap_or_default(),
                    country: country[i].clone(),
                    role: role[i].clone(),
                    mentions: Vec::new(),
                },
            ));
        }
        // The actors table first: it lists every actor, also those without a stance.
        from_table.append(&mut pending_actors);
        pending_actors = from_table;
    }
    for (d, a) in pending_actors {
        if let Some(r) = by_doc.get_mut(&d) {
            let seen = seen.entry(d).or_default();
            if seen.insert(a.id.clone()) {
                r.actors.push(a);
            }
        }
    }
    Ok(order
        .into_iter()
        .filter_map(|d| by_doc.remove(&d))
        .collect())
}

fn empty_report(doc_id: &str, outlet: Option<String>, published: Option<String>) -> DocumentReport {
    DocumentReport {
        outlet,
        published,
        ..DocumentReport::empty(doc_id)
    }
}

fn read_parquet(bytes: &[u8]) -> PolarsResult<DataFrame> {
    ParquetReader::new(Cursor::new(bytes)).finish()
}

/// The stance matrix of a stances table (and optionally an actors table), given as
/// Parquet bytes; returns Arrow IPC stream bytes.
#[pyfunction]
#[pyo3(signature = (stances, actors=None, by="actor", topics=None))]
fn matrix_from_tables<'py>(
    py: Python<'py>,
    stances: &[u8],
    actors: Option<&[u8]>,
    by: &str,
    topics: Option<Vec<String>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let options = matrix_options(by, topics).map_err(|f| f.into_py(py))?;
    let result = py.detach(|| -> Result<Vec<u8>, Failure> {
        let s = read_parquet(stances).map_err(|e| Failure {
            message: format!("the stances table: {e}"),
            place: Place {
                kind: "data",
                ..Place::default()
            },
        })?;
        let a = match actors {
            Some(b) => Some(read_parquet(b).map_err(|e| Failure {
                message: format!("the actors table: {e}"),
                place: Place {
                    kind: "data",
                    ..Place::default()
                },
            })?),
            None => None,
        };
        let reports = reports_from_tables(&s, a.as_ref()).map_err(|e| Failure {
            message: format!("the stances or actors table: {e}"),
            place: Place {
                kind: "data",
                ..Place::default()
            },
        })?;
        let m = stance_matrix(&reports, &options).map_err(Failure::output)?;
        ipc(m).map_err(Failure::output)
    });
    Ok(PyBytes::new(py, &result.map_err(|f| f.into_py(py))?))
}

/// The `stancemap._stancemap` module.
#[pymodule]
fn _stancemap(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<NativeAnalyzer>()?;
    m.add_function(wrap_pyfunction!(matrix_from_tables, m)?)?;
    m.add("StancemapError", m.py().get_type::<StancemapError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
