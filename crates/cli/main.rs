//! `stancemap`: the command line.
//!
//! Exit codes: 0 when every input was analysed, 1 when some input failed (the others
//! are still analysed and printed), 2 on a usage or fatal error.

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use stancemap::ingest::ReadOptions;
use stancemap::matrix::{Format, GroupBy, MatrixOptions, stance_matrix, write_frame};
use stancemap::{Analyzer, Document, DocumentReport};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "stancemap",
    version,
    about = "Who takes which position on a policy question, how firmly, and on what evidence."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles and print one result per document.
    Analyze {
        #[command(flatten)]
        input: Input,
        /// Output format.
        #[arg(long, value_enum, default_value_t = AnalyzeFormat::Jsonl)]
        format: AnalyzeFormat,
        /// Write to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// The stance matrix (actor × topic) of the articles.
    Matrix {
        #[command(flatten)]
        input: Input,
        /// Topics to show (repeatable); all by default.
        #[arg(long = "topic", id = "topic", value_name = "T")]
        topic: Vec<String>,
        /// What a row stands for.
        #[arg(long, default_value = "actor")]
        by: String,
        /// Output format (table, csv, parquet, json, jsonl); from --out's extension by default.
        #[arg(long)]
        format: Option<String>,
        /// Also write the long statements frame instead of the matrix.
        #[arg(long)]
        statements: bool,
        /// Write to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Score the analysis against gold annotations (SPEC §4).
    Eval {
        /// Directory of gold JSON files.
        #[arg(long, default_value = "corpus/gold")]
        gold: PathBuf,
        /// Directory of the articles.
        #[arg(long, default_value = "corpus/articles")]
        articles: PathBuf,
        /// Extra topic pack files.
        #[arg(long = "topics", value_name = "FILE")]
        topics: Vec<PathBuf>,
        /// Print JSON instead of tables.
        #[arg(long)]
        json: bool,
        /// Also list every error (missed and spurious actors, wrong stances, cues).
        #[arg(long)]
        errors: bool,
        /// Score a construction bank (JSON Lines of short labelled texts, e.g.
        /// corpus/dev/constructions/bank.jsonl) instead of --gold/--articles: accuracy per
        /// construction family and label; --errors lists the misses.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["gold", "articles"])]
        bank: Option<PathBuf>,
    },
    /// A self-contained HTML report (heatmap + highlighted articles), or the heatmap image.
    Report {
        #[command(flatten)]
        input: Input,
        /// Output file (.html, .svg or .png).
        #[arg(long, value_name = "FILE", default_value = "report.html")]
        out: PathBuf,
    },
}

#[derive(Args)]
struct Input {
    /// Files (.txt, .jsonl), directories, or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Replace invalid UTF-8 bytes (one '?' per byte, offsets kept) instead of failing.
    #[arg(long)]
    lossy: bool,
    /// Extra topic pack files (TOML).
    #[arg(long = "topics", value_name = "FILE")]
    topics: Vec<PathBuf>,
    /// Extra actor registry files (TOML).
    #[arg(long = "registry", value_name = "FILE")]
    registry: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum AnalyzeFormat {
    /// One SPEC §3 JSON object per line.
    Jsonl,
    /// A readable summary per document.
    Table,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("stancemap: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn analyzer(topics: &[PathBuf], registry: &[PathBuf]) -> Result<Analyzer> {
    let mut b = Analyzer::builder();
    for t in topics {
        b.topic_file(t);
    }
    for r in registry {
        b.registry_file(r);
    }
    Ok(b.build()?)
}

fn output(out: &Option<PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match out {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    })
}

/// Analyses the inputs, calling `each` per document; errors are reported on stderr as
/// they come and the rest goes on. Returns whether every input succeeded.
fn for_each_document(input: &Input, mut each: impl FnMut(Document) -> Result<()>) -> Result<bool> {
    let analyzer = analyzer(&input.topics, &input.registry)?;
    let read = ReadOptions {
        lossy: input.lossy,
        ..ReadOptions::default()
    };
    let progress = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}) {msg}")
                .expect("valid template"),
        );
        bar
    });
    let mut ok = true;
    for result in analyzer.analyze_paths(&input.paths, &read) {
        match result {
            Ok(doc) => {
                for w in &doc.warnings {
                    eprintln!(
                        "stancemap: warning: {}: {w}",
                        doc.path().unwrap_or(doc.id())
                    );
                }
                each(doc)?;
            }
            Err(e) => {
                ok = false;
                match &progress {
                    Some(bar) => bar.suspend(|| eprintln!("stancemap: error: {e}")),
                    None => eprintln!("stancemap: error: {e}"),
                }
            }
        }
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(ok)
}

fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Analyze { input, format, out } => {
            let mut w = output(&out)?;
            let ok = for_each_document(&input, |doc| {
                let report = DocumentReport::from_document(&doc);
                match format {
                    AnalyzeFormat::Jsonl => {
                        serde_json::to_writer(&mut w, &report)?;
                        writeln!(w)?;
                    }
                    AnalyzeFormat::Table => write_table(&mut w, &report)?,
                }
                Ok(())
            })?;
            w.flush()?;
            Ok(ok)
        }
        Command::Matrix {
            input,
            topic: topics,
            by,
            format,
            statements,
            out,
        } => {
            let format = match (&format, &out) {
                (Some(f), _) => f.parse::<Format>()?,
                (None, Some(p)) => Format::from_extension(p).unwrap_or(Format::Table),
                (None, None) => Format::Table,
            };
            if format.is_binary() && out.is_none() && std::io::stdout().is_terminal() {
                bail!("{} is binary: use --out FILE", format.as_str());
            }
            let by: GroupBy = by.parse()?;
            let mut reports = Vec::new();
            let ok = for_each_document(&input, |doc| {
                reports.push(DocumentReport::from_document(&doc));
                Ok(())
            })?;
            let mut df = if statements {
                stancemap::matrix::statements_frame(&reports)?
            } else {
                stance_matrix(&reports, &MatrixOptions { topics, by })?
            };
            let mut w = output(&out)?;
            write_frame(&mut df, format, &mut w)?;
            w.flush()?;
            Ok(ok)
        }
        Command::Eval {
            topics,
            json,
            errors,
            bank: Some(bank),
            ..
        } => {
            let items = stancemap::eval::load_bank(&bank)?;
            let report = analyzer(&topics, &[])?.score_bank(&items)?;
            let mut w = output(&None)?;
            if json {
                serde_json::to_writer_pretty(&mut w, &report)?;
                writeln!(w)?;
            } else {
                write!(w, "{report}")?;
                if errors {
                    write!(w, "\n{}", report.errors())?;
                }
            }
            w.flush()?;
            Ok(true)
        }
        Command::Eval {
            gold,
            articles,
            topics,
            json,
            errors,
            bank: None,
        } => {
            let golds = stancemap::eval::load_gold_dir(&gold)?;
            let input = Input {
                paths: vec![articles],
                lossy: false,
                topics,
                registry: Vec::new(),
            };
            let mut predictions = Vec::new();
            let ok = for_each_document(&input, |doc| {
                predictions.push((DocumentReport::from_document(&doc), doc.text().to_string()));
                Ok(())
            })?;
            let report = stancemap::eval::evaluate(&golds, &predictions);
            let mut w = output(&None)?;
            if json {
                serde_json::to_writer_pretty(&mut w, &report)?;
                writeln!(w)?;
            } else {
                write!(w, "{report}")?;
                if errors {
                    write!(w, "\n{}", report.errors())?;
                }
            }
            w.flush()?;
            Ok(ok)
        }
        Command::Report { input, out } => {
            let mut docs = Vec::new();
            let ok = for_each_document(&input, |doc| {
                docs.push((DocumentReport::from_document(&doc), doc.text().to_string()));
                Ok(())
            })?;
            use stancemap::report::{
                HeatmapOptions, ImageFormat, ReportOptions, heatmap, html_report,
            };
            match ImageFormat::from_path(&out) {
                Some(format) => {
                    let reports: Vec<DocumentReport> = docs.into_iter().map(|(r, _)| r).collect();
                    heatmap(&reports, &HeatmapOptions::default(), format, &out)?;
                }
                None => {
                    let html = html_report(&docs, &ReportOptions::default())?;
                    std::fs::write(&out, html)
                        .with_context(|| format!("cannot write {}", out.display()))?;
                }
            }
            eprintln!("stancemap: wrote {}", out.display());
            Ok(ok)
        }
    }
}

/// A readable summary of one document.
fn write_table(w: &mut dyn Write, r: &DocumentReport) -> Result<()> {
    writeln!(
        w,
        "== {} ({} statements, {} hedges, {} boosters)",
        r.doc_id,
        r.statements.len(),
        r.hedges.len(),
        r.boosters.len()
    )?;
    for s in &r.stances {
        let name = r
            .actors
            .iter()
            .find(|a| a.id == s.actor)
            .map_or(s.actor.as_str(), |a| a.name.as_str());
        writeln!(
            w,
            "  {:<32} {:<16} {:<12} {:>6.2}{}",
            name,
            s.topic,
            s.stance,
            s.score,
            if s.hedged { "  (hedged)" } else { "" }
        )?;
    }
    for st in &r.statements {
        let text: String = st.text.chars().take(100).collect();
        let stance = st
            .stances
            .iter()
            .map(|s| format!("{}={}", s.topic, s.stance))
            .collect::<Vec<_>>()
            .join(",");
        writeln!(
            w,
            "  - [{}] {} {}: {}",
            st.actor,
            st.cue.as_deref().unwrap_or("-"),
            stance,
            text.replace('\n', " ")
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn command_line_definition_is_valid() {
        Cli::command().debug_assert();
    }
}
