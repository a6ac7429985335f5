//! Writing frames: an aligned text table for people, CSV, Parquet, JSON and JSON lines
//! for programs.

use std::fmt;
use std::io::Write;
use std::path::Path;
use std::str::FromStr;

use polars::prelude::*;
use stancemap_core::{Error, ErrorKind};

/// An output format for [`write_frame`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// An aligned plain-text table with every row and column (for a terminal).
    #[default]
    Table,
    /// Comma-separated values with a header row.
    Csv,
    /// Apache Parquet (binary).
    Parquet,
    /// One JSON array of row objects.
    Json,
    /// One JSON object per line.
    JsonLines,
}

impl Format {
    /// Every format, in documentation order.
    pub const ALL: [Format; 5] = [
        Format::Table,
        Format::Csv,
        Format::Parquet,
        Format::Json,
        Format::JsonLines,
    ];

    /// The canonical name, as accepted by [`Format::from_str`].
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
            Format::Json => "json",
            Format::JsonLines => "jsonl",
        }
    }

    /// The usual file extension (without the dot).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Table => "txt",
            other => other.as_str(),
        }
    }

    /// The format a file name's extension asks for (`.csv`, `.parquet`/`.pq`,
    /// `.json`, `.jsonl`/`.ndjson`, `.txt`), ignoring case; `None` for anything else.
    pub fn from_extension(path: impl AsRef<Path>) -> Option<Format> {
        let ext = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "table" => Some(Format::Table),
            "csv" => Some(Format::Csv),
            "parquet" | "pq" => Some(Format::Parquet),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }

    /// Whether the output is binary (not for a terminal).
    pub fn is_binary(self) -> bool {
        self == Format::Parquet
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = Error;

    /// Parses `table` (`text`, `txt`), `csv`, `parquet` (`pq`), `json`, `jsonl`
    /// (`ndjson`, `jsonlines`, `json-lines`), ignoring case.
    fn from_str(s: &str) -> Result<Format, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "table" | "text" | "txt" => Ok(Format::Table),
            "csv" => Ok(Format::Csv),
            "parquet" | "pq" => Ok(Format::Parquet),
            "json" => Ok(Format::Json),
            "jsonl" | "ndjson" | "jsonlines" | "json-lines" => Ok(Format::JsonLines),
            _ => Err(Error::new(
                ErrorKind::Config,
                format!(
                    "unknown output format `{s}` (expected table, csv, parquet, json or jsonl)"
                ),
            )),
        }
    }
}

/// Writes `df` to `out` in `format`. The frame is `&mut` because polars' writers may
/// rechunk it; its contents do not change.
///
/// Types: Parquet keeps the frame's types, with plain Arrow `large_string` (not
/// `string_view`, which older readers cannot open), `date32` for dates and
/// `large_list<large_string>` for lists. CSV and the table write a date as `YYYY-MM-DD`
/// and a list of strings as its items joined with `;` (CSV cannot hold lists); JSON
/// keeps lists as arrays.
///
/// [`Format::Table`] shows every row and column (polars' own `Display` cuts at 10 rows
/// and 8 columns unless `POLARS_FMT_MAX_*` environment variables are set, which a
/// library must not do): numbers right-aligned, nulls as empty cells, line breaks in
/// text as spaces and texts longer than 60 characters cut with `…`.
///
/// # Errors
/// An [`ErrorKind::Output`] error whose source is the polars error, or an
/// [`ErrorKind::Io`] error when writing the table fails.
pub fn write_frame(df: &mut DataFrame, format: Format, mut out: impl Write) -> Result<(), Error> {
    let failed = |e: PolarsError| {
        Error::new(
            ErrorKind::Output,
            format!("cannot write the frame as {format}"),
        )
        .with_source(e)
    };
    match format {
        Format::Table => {
            let flat = lists_joined(df).map_err(failed)?;
            write_table(flat.as_ref().unwrap_or(df), &mut out).map_err(|e| match e {
                TableError::Io(e) => Error::from(e),
                TableError::Polars(e) => failed(e),
            })?
        }
        Format::Csv => {
            let mut flat = lists_joined(df).map_err(failed)?;
            CsvWriter::new(&mut out)
                .include_header(true)
                .finish(flat.as_mut().unwrap_or(df))
                .map_err(failed)?
        }
        Format::Parquet => write_parquet(df, &mut out).map_err(failed)?,
        Format::Json => JsonWriter::new(&mut out)
            .with_json_format(JsonFormat::Json)
            .finish(df)
            .map_err(failed)?,
        Format::JsonLines => JsonWriter::new(&mut out)
            .with_json_format(JsonFormat::JsonLines)
            .finish(df)
            .map_err(failed)?,
    }
    out.flush()?;
    Ok(())
}

/// A copy of `df` for text output: every list column as a string column, its items
/// joined with `;` (null for a null or empty list), and every date as `YYYY-MM-DD`;
/// `None` when `df` has neither.
fn lists_joined(df: &DataFrame) -> PolarsResult<Option<DataFrame>> {
    let is_list = |c: &Column| matches!(c.dtype(), DataType::List(_));
    let is_date = |c: &Column| c.dtype() == &DataType::Date;
    if !df.columns().iter().any(|c| is_list(c) || is_date(c)) {
        return Ok(None);
    }
    let mut cols = Vec::with_capacity(df.width());
    for c in df.columns() {
        if is_date(c) {
            cols.push(c.cast(&DataType::String)?);
            continue;
        }
        if !is_list(c) {
            cols.push(c.clone());
            continue;
        }
        let list = c.as_materialized_series().list()?;
        let mut joined: Vec<Option<String>> = Vec::with_capacity(list.len());
        for i in 0..list.len() {
            let item = match list.get_as_series(i) {
                Some(items) if !items.is_empty() => {
                    let items = items.cast(&DataType::String)?;
                    let parts: Vec<&str> = items.str()?.iter().flatten().collect();
                    Some(parts.join(";"))
                }
                _ => None,
            };
            joined.push(item);
        }
        cols.push(Column::new(c.name().clone(), joined));
    }
    Ok(Some(DataFrame::new(df.height(), cols)?))
}

/// Parquet with the oldest Arrow compatibility level: `large_string` and
/// `large_binary` instead of the view types that polars writes by default.
fn write_parquet(df: &mut DataFrame, out: &mut dyn Write) -> PolarsResult<()> {
    use polars_parquet::write::{
        CompressionOptions, FileWriter, StatisticsOptions, Version, WriteOptions,
        get_dtype_encoding, row_group_iter, to_parquet_schema,
    };
    df.align_chunks();
    let level = CompatLevel::oldest();
    let schema = df.schema().to_arrow(level);
    let parquet_schema = to_parquet_schema(&schema)?;
    let encodings: Vec<Vec<polars_parquet::write::Encoding>> = schema
        .iter_values()
        .map(|f| get_dtype_encoding(&f.dtype))
        .collect();
    let options = WriteOptions {
        statistics: StatisticsOptions::default(),
        version: Version::V1,
        compression: CompressionOptions::Zstd(None),
        data_page_size: None,
    };
    let fields = parquet_schema.fields().to_vec();
    let mut writer = FileWriter::new_with_parquet_schema(out, schema, parquet_schema, options);
    for batch in df.iter_chunks(level, false) {
        let rows = batch.len();
        if rows == 0 {
            continue;
        }
        let group = row_group_iter(batch, encodings.clone().into(), fields.clone(), options);
        writer.write(rows as u64, group)?;
    }
    writer.end(None)?;
    Ok(())
}

/// Cells longer than this are cut in a table.
const MAX_CELL_CHARS: usize = 60;

enum TableError {
    Io(std::io::Error),
    Polars(PolarsError),
}

impl From<std::io::Error> for TableError {
    fn from(e: std::io::Error) -> Self {
        TableError::Io(e)
    }
}

impl From<PolarsError> for TableError {
    fn from(e: PolarsError) -> Self {
        TableError::Polars(e)
    }
}

/// The cells of one column as display strings (`None` for null).
fn cells(column: &Column) -> PolarsResult<Vec<Option<String>>> {
    let series = column.as_materialized_series();
    let out = match series.dtype() {
        // `Display` of f64 is the shortest text that reads back the same value.
        DataType::Float32 | DataType::Float64 => series
            .cast(&DataType::Float64)?
            .f64()?
            .iter()
            .map(|v| v.map(|x| x.to_string()))
            .collect(),
        DataType::String => series.str()?.iter().map(|v| v.map(clip)).collect(),
        dtype if dtype.is_primitive() => series
            .cast(&DataType::String)?
            .str()?
            .iter()
            .map(|v| v.map(str::to_string))
            .collect(),
        // Nested and other types: polars' own rendering of each value.
        _ => series
            .iter()
            .map(|v| match v {
                AnyValue::Null => None,
                v => Some(clip(&v.to_string())),
            })
            .collect(),
    };
    Ok(out)
}

/// One line, at most [`MAX_CELL_CHARS`] characters.
fn clip(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(4 * MAX_CELL_CHARS));
    for (i, c) in s.chars().enumerate() {
        if i == MAX_CELL_CHARS {
            out.pop();
            out.push('…');
            break;
        }
        out.push(if c.is_control() { ' ' } else { c });
    }
    out
}

fn write_table(df: &DataFrame, out: &mut dyn Write) -> Result<(), TableError> {
    let columns = df.columns();
    let mut rendered: Vec<Vec<Option<String>>> = Vec::with_capacity(columns.len());
    let mut widths: Vec<usize> = Vec::with_capacity(columns.len());
    let mut right: Vec<bool> = Vec::with_capacity(columns.len());
    for c in columns {
        let cells = cells(c)?;
        let width = cells
            .iter()
            .flatten()
            .map(|s| s.chars().count())
            .chain([c.name().chars().count()])
            .max()
            .unwrap_or(0);
        rendered.push(cells);
        widths.push(width);
        right.push(c.dtype().is_primitive_numeric());
    }
    let mut line = String::new();
    let mut emit = |cells: &mut dyn Iterator<Item = &str>, out: &mut dyn Write| {
        line.clear();
        for (i, cell) in cells.enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            let pad = widths[i].saturating_sub(cell.chars().count());
            if right[i] {
                line.extend(std::iter::repeat_n(' ', pad));
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        let trimmed = line.trim_end();
        out.write_all(trimmed.as_bytes())?;
        out.write_all(b"\n")
    };
    emit(&mut columns.iter().map(|c| c.name().as_str()), out)?;
    let rules: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    emit(&mut rules.iter().map(String::as_str), out)?;
    for row in 0..df.height() {
        emit(
            &mut rendered
                .iter()
                .map(|cells| cells.get(row).and_then(|c| c.as_deref()).unwrap_or("")),
            out,
        )?;
    }
    Ok(())
}
