//! Embedding stancemap in your own program: JSONL in, Parquet out. Writes a small JSONL
//! file (invented texts plus the corpus articles converted to JSONL lines), streams it
//! through the analyzer with per-document error handling, builds the statements frame
//! and the stance matrix, writes them as Parquet and reads them back.
//!
//! ```sh
//! cargo run --release --example embed
//! ```

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use stancemap::ingest::{ReadOptions, read_inputs};
use stancemap::matrix::{
    Format, MatrixOptions, matrix_from_stances, stance_matrix, stances_frame, statements_frame,
    write_frame,
};
use stancemap::polars::prelude::{DataFrame, IntoLazy, ParquetReader, SerReader};
use stancemap::{Analyzer, DocumentReport};

mod common;
use common::{explain, heading, show};

/// Texts of our own, as an application would receive them (from a queue, a database).
const OWN: [(&str, &str, &str); 3] = [
    (
        "desk-1",
        "2030-05-04",
        "Latvian Defence Minister Ilze Berzina said NATO must shoot down drones that violate \
         allied airspace. \"Every intrusion tests us,\" she told reporters in Riga.",
    ),
    (
        "desk-2",
        "2030-05-05",
        "Portuguese Foreign Minister Rui Matos warned against shooting down Russian jets, \
         saying it could drag the alliance into a war nobody wants.",
    ),
    (
        "desk-3",
        "2030-05-05",
        "Irish Finance Minister Sean Kelly said the EU may have to tap the frozen Russian \
         reserves to fund Ukraine's reconstruction.",
    ),
];

fn main() -> anyhow::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("stancemap-example-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let result = run(root, &dir);
    // Best effort: a leftover directory in the temp dir is harmless.
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn run(root: &Path, dir: &Path) -> anyhow::Result<()> {
    heading(1, "A JSONL input");
    explain(&[
        "One JSON object per line: `id`, `text` and optional metadata. We write our own texts,",
        "the five corpus articles (read with their manifest metadata and re-encoded), and one",
        "broken line, as real feeds sometimes have.",
    ]);
    let input = dir.join("feed.jsonl");
    let n_lines = write_feed(root, &input)?;
    println!(
        "  wrote {} lines, {} bytes, to <tmp>/{}",
        n_lines,
        std::fs::metadata(&input)?.len(),
        file_name(&input)
    );

    heading(2, "Streaming analysis with per-document errors");
    explain(&[
        "`analyze_paths` returns an iterator: documents are read and analysed in parallel",
        "batches, in input order, in bounded memory. A bad line is one `Err` item naming",
        "file:line:column; the application logs it and carries on with the rest.",
    ]);
    let analyzer = Analyzer::new()?;
    let started = Instant::now();
    let mut reports: Vec<DocumentReport> = Vec::new();
    let mut failed = 0;
    for item in analyzer.analyze_paths(std::slice::from_ref(&input), &ReadOptions::default()) {
        match item {
            Ok(doc) => {
                let report = DocumentReport::from_document(&doc);
                println!(
                    "  ok    {:<26} {:>2} statements  {} stances",
                    report.doc_id,
                    report.statements.len(),
                    report.stances.len()
                );
                reports.push(report);
            }
            Err(e) => {
                failed += 1;
                let message = e
                    .to_string()
                    .replace(&format!("{}/", dir.display()), "<tmp>/");
                println!("  error {message}");
            }
        }
    }
    println!(
        "  {} analysed, {} failed, in {:.1?}",
        reports.len(),
        failed,
        started.elapsed()
    );

    heading(3, "Frames");
    explain(&[
        "The reports become polars DataFrames: the long statements frame (one row per",
        "statement and topic) and the stance matrix (one row per actor).",
    ]);
    let mut statements = statements_frame(&reports)?;
    let mut matrix = stance_matrix(&reports, &MatrixOptions::default())?;
    let mut stances = stances_frame(&reports)?;
    println!("  statements {:?}", statements.shape());
    println!("  matrix     {:?}", matrix.shape());
    println!("  stances    {:?}", stances.shape());
    println!("\n  Our own desk texts in the matrix:");
    let own: Vec<DocumentReport> = reports
        .iter()
        .filter(|r| r.doc_id.starts_with("desk-"))
        .cloned()
        .collect();
    show(stance_matrix(&own, &MatrixOptions::default())?)?;

    heading(4, "Parquet out, and back");
    explain(&[
        "`write_frame(.., Format::Parquet, ..)` writes any frame; polars' ParquetReader",
        "(re-exported as `stancemap::polars`) reads it back. A stances frame read back from",
        "disk rebuilds the same matrix with `matrix_from_stances`, without the articles.",
    ]);
    let mut written: Vec<(PathBuf, &DataFrame)> = Vec::new();
    for (name, df) in [
        ("statements.parquet", &mut statements),
        ("matrix.parquet", &mut matrix),
        ("stances.parquet", &mut stances),
    ] {
        let path = dir.join(name);
        let mut out = BufWriter::new(File::create(&path)?);
        write_frame(df, Format::Parquet, &mut out)?;
        out.flush()?;
        written.push((path, &*df));
    }
    for (path, original) in &written {
        let back = ParquetReader::new(File::open(path)?).finish()?;
        println!(
            "  {:<20} {:>6} bytes  shape {:?}  same as written: {}",
            file_name(path),
            std::fs::metadata(path)?.len(),
            back.shape(),
            back.equals_missing(original)
        );
    }
    let stances_back = ParquetReader::new(File::open(dir.join("stances.parquet"))?).finish()?;
    let rebuilt = matrix_from_stances(stances_back.lazy(), &MatrixOptions::default())?;
    println!(
        "\n  matrix rebuilt from stances.parquet: shape {:?}, same as before: {}",
        rebuilt.shape(),
        rebuilt.equals_missing(&matrix)
    );
    Ok(())
}

/// Writes the JSONL feed: our texts, the corpus articles, and one broken line.
/// Returns the number of lines.
fn write_feed(root: &Path, path: &Path) -> anyhow::Result<usize> {
    let mut out = BufWriter::new(File::create(path)?);
    let mut lines = 0;
    for (id, published, text) in OWN {
        let record = serde_json::json!({
            "id": id, "outlet": "Our Desk", "published": published, "genre": "news", "text": text,
        });
        writeln!(out, "{record}")?;
        lines += 1;
    }
    writeln!(
        out,
        r#"{{"id": "desk-4", "text": "A line cut off in transit"#
    )?;
    lines += 1;
    for doc in read_inputs(&[root.join("corpus/articles")], &ReadOptions::default()) {
        let doc = doc?;
        let record = serde_json::json!({
            "id": doc.id(),
            "title": doc.meta.title,
            "outlet": doc.meta.outlet,
            "published": doc.meta.published,
            "genre": doc.meta.genre,
            "text": doc.text(),
        });
        writeln!(out, "{record}")?;
        lines += 1;
    }
    out.flush()?;
    Ok(lines)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
