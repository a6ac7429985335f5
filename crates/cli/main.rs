//! `stancemap`: the command line.
//!
//! Exit codes: 0 when every input was analysed, 1 when some input failed (the others
//! are still analysed and printed) or there was nothing to analyse, 2 on a usage or
//! fatal error. A closed output pipe (`stancemap analyze big.jsonl | head -1`) ends
//! quietly with 0, as Unix tools do.

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use stancemap::ingest::{InputFormat, ReadOptions};
use stancemap::matrix::{Format, GroupBy, MatrixOptions, stance_matrix, write_frame};
use stancemap::{Analyzer, Document, DocumentReport};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod network_cmd;

#[derive(Parser)]
#[command(
    name = "stancemap",
    version,
    about = "Who takes which position on a policy question, how firmly, and on what evidence.",
    long_about = "Who takes which position on a policy question, how firmly, and on what \
evidence.\n\nOnly English text is analysed (other languages get a warning). The output \
and gold formats are described in docs/FORMAT.md."
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
        /// Topics to show (repeatable); all by default. `stancemap topics list` lists them.
        #[arg(long = "topic", id = "topic", value_name = "T")]
        topic: Vec<String>,
        /// What a row stands for.
        #[arg(long, value_enum, default_value_t = By::Actor)]
        by: By,
        /// Output format; from --out's extension by default (.txt, .csv, .parquet, .json,
        /// .jsonl/.ndjson), else table.
        #[arg(long, value_enum)]
        format: Option<MatrixFormat>,
        /// Write the long statements frame (one row per statement and topic, with actor,
        /// stance, score, hedge and booster cues, byte offsets and evidence text) instead
        /// of the matrix.
        #[arg(long)]
        statements: bool,
        /// Write to FILE instead of standard output.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Score the analysis against gold annotations (format: docs/FORMAT.md).
    Eval {
        /// Directory of gold JSON files (relative to the current directory).
        #[arg(long, default_value = "corpus/gold")]
        gold: PathBuf,
        /// Directory of the articles (relative to the current directory).
        #[arg(long, default_value = "corpus/articles")]
        articles: PathBuf,
        #[command(flatten)]
        setup: Setup,
        /// Replace invalid UTF-8 and NUL bytes instead of failing (offsets kept).
        #[arg(long)]
        lossy: bool,
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
        /// Output file: .html (the report), .svg or .png (the heatmap only).
        #[arg(long, value_name = "FILE", default_value = "report.html")]
        out: PathBuf,
    },
    /// Actor networks as in the Discourse Network Analyzer (congruence, conflict,
    /// subtract), and the event list, affiliation and GraphML exports (docs/NETWORK.md).
    Network(network_cmd::NetworkArgs),
    /// Topic packs: list them, or check a pack's own examples.
    Topics {
        #[command(subcommand)]
        command: TopicsCommand,
    },
}

#[derive(Subcommand)]
enum TopicsCommand {
    /// List the topics in use (bundled, plus --topics files).
    List {
        /// Extra topic pack files (TOML).
        #[arg(long = "topics", value_name = "FILE")]
        topics: Vec<PathBuf>,
    },
    /// Run every example of the topic pack files through the whole pipeline and show the
    /// ones whose `expect` is not what stancemap finds (exit 1 if any).
    Check {
        /// Topic pack files (TOML).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
}

#[derive(Args)]
struct Input {
    /// Files (.txt, .jsonl, .ndjson), directories (searched for those), or - for
    /// standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// How to read files and standard input: auto = JSON lines for .jsonl/.ndjson files
    /// and for standard input starting with `{`, plain text otherwise.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto)]
    input_format: InputFormatArg,
    /// Replace invalid UTF-8 bytes (one '?' per byte) and NUL bytes (a space) instead of
    /// failing; offsets are kept and a warning is printed.
    #[arg(long)]
    lossy: bool,
    #[command(flatten)]
    setup: Setup,
}

/// What the analyzer is built from beyond the embedded data.
#[derive(Args)]
struct Setup {
    /// Extra topic pack files (TOML).
    #[arg(long = "topics", value_name = "FILE")]
    topics: Vec<PathBuf>,
    /// Extra actor registry files (TOML).
    #[arg(long = "registry", value_name = "FILE")]
    registry: Vec<PathBuf>,
    /// Replace an embedded data file: NAME=FILE, NAME one of english, boilerplate,
    /// abbreviations, actor-words, reporting, attribution-words, cues, stance, valence,
    /// turns, language (repeatable).
    #[arg(long = "data", value_name = "NAME=FILE")]
    data: Vec<String>,
}

impl Setup {
    fn analyzer(&self) -> Result<Analyzer> {
        analyzer(&self.topics, &self.registry, &self.data)
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormatArg {
    /// By extension; standard input is sniffed.
    Auto,
    /// Plain text: one document per file.
    Text,
    /// JSON lines: one document per line.
    Jsonl,
}

impl From<InputFormatArg> for InputFormat {
    fn from(f: InputFormatArg) -> InputFormat {
        match f {
            InputFormatArg::Auto => InputFormat::Auto,
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Jsonl => InputFormat::Jsonl,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum AnalyzeFormat {
    /// One JSON object per line (docs/FORMAT.md).
    Jsonl,
    /// A readable summary per document.
    Table,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum By {
    /// One row per actor (the same person across articles is one row).
    Actor,
    /// One row per country (actors counted for their country).
    Country,
    /// One row per actor, one column per document or outlet: needs a single --topic.
    #[value(alias = "document", alias = "outlet")]
    Doc,
}

impl From<By> for GroupBy {
    fn from(b: By) -> GroupBy {
        match b {
            By::Actor => GroupBy::Actor,
            By::Country => GroupBy::Country,
            By::Doc => GroupBy::Doc,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum MatrixFormat {
    /// An aligned text table.
    Table,
    /// Comma-separated values with a header.
    Csv,
    /// Apache Parquet (binary: needs --out or a pipe).
    Parquet,
    /// One JSON array of row objects.
    Json,
    /// One JSON object per row.
    Jsonl,
}

impl From<MatrixFormat> for Format {
    fn from(f: MatrixFormat) -> Format {
        match f {
            MatrixFormat::Table => Format::Table,
            MatrixFormat::Csv => Format::Csv,
            MatrixFormat::Parquet => Format::Parquet,
            MatrixFormat::Json => Format::Json,
            MatrixFormat::Jsonl => Format::JsonLines,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stancemap: error: {}", render_error(&e));
            ExitCode::from(2)
        }
    }
}

/// Whether the error comes from writing to a closed pipe: an I/O error, or one wrapped
/// by serde_json or polars (whose errors do not always expose it as a source).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
            || matches!(
                c.downcast_ref::<stancemap::polars::prelude::PolarsError>(),
                Some(stancemap::polars::prelude::PolarsError::IO { error, .. })
                    if error.kind() == BrokenPipe
            )
    })
}

/// An error and its causes, each piece once: stancemap's errors already show their cause
/// and place in their message, so a cause's lines that are already there are skipped (a
/// TOML error keeps only its source snippet, below the message).
fn render_error(e: &anyhow::Error) -> String {
    // `4 | roles = …`, `  |`, `  | ^^^`: a line of a source snippet.
    let snippet = |l: &str| {
        l.split_once('|')
            .is_some_and(|(n, _)| n.trim().chars().all(|c| c.is_ascii_digit()))
    };
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        let mut snippet_lines: Vec<&str> = Vec::new();
        for line in text.lines() {
            if snippet(line) {
                snippet_lines.push(line);
                continue;
            }
            // toml's own header repeats the place the message already gives.
            let mut t = line.trim();
            if let Some(i) = t.find("TOML parse error at line") {
                t = t[..i].trim_end().trim_end_matches(':').trim_end();
            }
            if t.is_empty() || out.contains(t) {
                continue;
            }
            if !out.is_empty() {
                out.push_str(": ");
            }
            out.push_str(t);
        }
        // The snippet once, as it is, so the `^^^` marker stays under its place.
        let numbered = snippet_lines
            .iter()
            .find(|l| l.split_once('|').is_some_and(|(n, _)| !n.trim().is_empty()));
        if numbered.is_some_and(|l| !out.contains(l)) {
            for line in snippet_lines {
                out.push('\n');
                out.push_str(line);
            }
        }
    }
    out
}

fn analyzer(topics: &[PathBuf], registry: &[PathBuf], data: &[String]) -> Result<Analyzer> {
    let mut b = Analyzer::builder();
    for d in data {
        let Some((name, file)) = d.split_once('=') else {
            bail!(
                "--data {d}: expected NAME=FILE, NAME one of {}",
                stancemap::DATA_FILES.join(", ")
            );
        };
        b.data_file(name, file)?;
    }
    for t in topics {
        b.topic_file(t);
    }
    for r in registry {
        b.registry_file(r);
    }
    Ok(b.build()?)
}

/// Prints a score report to standard output: as JSON, or as text followed by its error
/// list when one is given.
fn print_scores(
    report: &(impl serde::Serialize + std::fmt::Display),
    json: bool,
    errors: Option<impl std::fmt::Display>,
) -> Result<()> {
    let mut w = output(&None)?;
    if json {
        serde_json::to_writer_pretty(&mut w, report)?;
        writeln!(w)?;
    } else {
        write!(w, "{report}")?;
        if let Some(errors) = errors {
            write!(w, "\n{errors}")?;
        }
    }
    w.flush()?;
    Ok(())
}

fn output(out: &Option<PathBuf>) -> Result<Box<dyn Write>> {
    Ok(match out {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    })
}

/// Total bytes of the input files (directories walked for articles), or `None` when
/// standard input is among them (its size is unknown).
fn input_bytes(paths: &[PathBuf]) -> Option<u64> {
    fn walk(p: &Path, depth: usize) -> u64 {
        let Ok(meta) = std::fs::metadata(p) else {
            return 0;
        };
        if !meta.is_dir() {
            return meta.len();
        }
        if depth > 64 {
            return 0;
        }
        let Ok(rd) = std::fs::read_dir(p) else {
            return 0;
        };
        rd.filter_map(|e| e.ok())
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .filter(|p| {
                p.is_dir()
                    || p.extension().is_some_and(|x| {
                        let x = x.to_string_lossy().to_ascii_lowercase();
                        matches!(x.as_str(), "txt" | "jsonl" | "ndjson")
                    })
            })
            .map(|p| walk(&p, depth + 1))
            .sum()
    }
    if paths.iter().any(|p| p.as_os_str() == "-") {
        return None;
    }
    Some(paths.iter().map(|p| walk(p, 0)).sum())
}

/// The progress display on a terminal: a bar with total and ETA when the input size is
/// known, a spinner otherwise.
fn progress(paths: &[PathBuf]) -> Option<indicatif::ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let rate = |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
        let _ = write!(w, "{:.0}", state.per_sec());
    };
    let bar = match input_bytes(paths) {
        Some(total) if total > 0 => {
            let bar = indicatif::ProgressBar::new(total);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{wide_bar} {bytes}/{total_bytes} ({binary_bytes_per_sec}, ETA {eta}) {msg}",
                )
                .expect("valid template"),
            );
            bar
        }
        _ => {
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_style(
                indicatif::ProgressStyle::with_template("{spinner} {msg} ({rate} documents/s)")
                    .expect("valid template")
                    .with_key("rate", rate),
            );
            bar
        }
    };
    Some(bar)
}

/// Prints a message on stderr without garbling the progress display.
fn say(progress: &Option<indicatif::ProgressBar>, line: &str) {
    match progress {
        Some(bar) => bar.suspend(|| eprintln!("{line}")),
        None => eprintln!("{line}"),
    }
}

fn read_options(input: &Input) -> ReadOptions {
    ReadOptions {
        lossy: input.lossy,
        format: input.input_format.into(),
        ..ReadOptions::default()
    }
}

/// What [`for_each_document`] saw.
struct Outcome {
    /// Every input succeeded.
    ok: bool,
    /// Documents analysed.
    documents: usize,
}

/// Analyses the inputs, calling `each` per document; errors are reported on stderr as
/// they come and the rest goes on.
fn for_each_document(
    analyzer: &Analyzer,
    input: &Input,
    mut each: impl FnMut(Document) -> Result<()>,
) -> Result<Outcome> {
    let read = read_options(input);
    let progress = progress(&input.paths);
    let mut outcome = Outcome {
        ok: true,
        documents: 0,
    };
    for result in analyzer.analyze_paths(&input.paths, &read) {
        match result {
            Ok(doc) => {
                for w in &doc.warnings {
                    say(
                        &progress,
                        &format!("stancemap: warning: {}: {w}", document_name(&doc)),
                    );
                }
                outcome.documents += 1;
                if let Some(bar) = &progress {
                    bar.inc(doc.text().len() as u64);
                    bar.set_message(format!(
                        "{} document{}",
                        outcome.documents,
                        if outcome.documents == 1 { "" } else { "s" }
                    ));
                }
                each(doc)?;
            }
            Err(e) => {
                outcome.ok = false;
                say(&progress, &format!("stancemap: error: {e}"));
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    Ok(outcome)
}

/// How a document is named in messages: its path, plus its id when the path holds
/// several documents (a JSONL file, standard input).
fn document_name(doc: &Document) -> String {
    match doc.path() {
        None => doc.id().to_string(),
        Some(p) if p == "-" || Path::new(p).file_stem() != Some(std::ffi::OsStr::new(doc.id())) => {
            format!("{p} (document {})", doc.id())
        }
        Some(p) => p.to_string(),
    }
}

/// The topic ids asked for must exist.
fn check_topics(analyzer: &Analyzer, wanted: &[String]) -> Result<()> {
    let known: Vec<&str> = analyzer.topics().map(|t| t.id()).collect();
    let unknown: Vec<&str> = wanted
        .iter()
        .map(String::as_str)
        .filter(|t| !known.contains(t))
        .collect();
    if !unknown.is_empty() {
        bail!(
            "unknown topic{} {}; known topics: {} (add a pack with --topics FILE)",
            if unknown.len() == 1 { "" } else { "s" },
            unknown
                .iter()
                .map(|t| format!("`{t}`"))
                .collect::<Vec<_>>()
                .join(", "),
            known.join(", ")
        );
    }
    Ok(())
}

/// Says so and returns `false` when nothing was analysed (so nothing is written).
fn nothing_to_write(outcome: &Outcome, what: &str) -> bool {
    if outcome.documents == 0 {
        eprintln!("stancemap: error: no documents analysed; no {what} written");
        return true;
    }
    false
}

fn run(cli: Cli) -> Result<bool> {
    match cli.command {
        Command::Analyze { input, format, out } => {
            let analyzer = input.setup.analyzer()?;
            let mut w = output(&out)?;
            let outcome = for_each_document(&analyzer, &input, |doc| {
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
            Ok(outcome.ok)
        }
        Command::Matrix {
            input,
            topic: topics,
            by,
            format,
            statements,
            out,
        } => {
            let format: Format = match (format, &out) {
                (Some(f), _) => f.into(),
                (None, Some(p)) => match Format::from_extension(p) {
                    Some(f) => f,
                    None => bail!(
                        "cannot tell the output format of {}: use a .txt, .csv, .parquet, \
                         .json or .jsonl file name, or --format",
                        p.display()
                    ),
                },
                (None, None) => Format::Table,
            };
            if format.is_binary() && out.is_none() && std::io::stdout().is_terminal() {
                bail!("{} is binary: use --out FILE", format.as_str());
            }
            let analyzer = input.setup.analyzer()?;
            check_topics(&analyzer, &topics)?;
            let mut reports = Vec::new();
            let outcome = for_each_document(&analyzer, &input, |doc| {
                reports.push(DocumentReport::from_document(&doc));
                Ok(())
            })?;
            if nothing_to_write(&outcome, if statements { "statements" } else { "matrix" }) {
                return Ok(false);
            }
            let mut df = if statements {
                stancemap::matrix::statements_frame(&reports)?
            } else {
                if by == By::Doc && topics.len() != 1 {
                    let mut found: Vec<&str> = reports
                        .iter()
                        .flat_map(|r| &r.stances)
                        .map(|s| s.topic.as_str())
                        .filter(|t| topics.is_empty() || topics.iter().any(|w| w == t))
                        .collect();
                    found.sort_unstable();
                    found.dedup();
                    if found.len() > 1 {
                        bail!(
                            "--by doc shows one topic, and the articles have {}: {}; pick one \
                             with --topic, e.g. --topic {}",
                            found.len(),
                            found.join(", "),
                            found[0]
                        );
                    }
                }
                stance_matrix(
                    &reports,
                    &MatrixOptions {
                        topics,
                        by: by.into(),
                    },
                )?
            };
            let mut w = output(&out)?;
            write_frame(&mut df, format, &mut w)?;
            w.flush()?;
            Ok(outcome.ok)
        }
        Command::Eval {
            setup,
            json,
            errors,
            bank: Some(bank),
            ..
        } => {
            let items = stancemap::eval::load_bank(&bank)?;
            let report = setup.analyzer()?.score_bank(&items)?;
            print_scores(&report, json, errors.then(|| report.errors()))?;
            Ok(true)
        }
        Command::Eval {
            gold,
            articles,
            setup,
            lossy,
            json,
            errors,
            bank: None,
        } => {
            for (dir, flag) in [(&gold, "--gold"), (&articles, "--articles")] {
                if !dir.exists() {
                    bail!(
                        "{} not found: {flag} defaults to a path relative to the current \
                         directory ({}); run from the repository root or pass {flag} DIR",
                        dir.display(),
                        std::env::current_dir()
                            .map(|d| d.display().to_string())
                            .unwrap_or_else(|_| "unknown".into())
                    );
                }
            }
            let golds = stancemap::eval::load_gold_dir(&gold)?;
            let input = Input {
                paths: vec![articles],
                input_format: InputFormatArg::Auto,
                lossy,
                setup,
            };
            let analyzer = input.setup.analyzer()?;
            let mut predictions = Vec::new();
            let outcome = for_each_document(&analyzer, &input, |doc| {
                predictions.push((DocumentReport::from_document(&doc), doc.text().to_string()));
                Ok(())
            })?;
            let report = stancemap::eval::evaluate(&golds, &predictions);
            print_scores(&report, json, errors.then(|| report.errors()))?;
            Ok(outcome.ok)
        }
        Command::Report { input, out } => {
            use stancemap::report::{
                HeatmapOptions, ImageFormat, ReportOptions, heatmap, html_report,
            };
            let image = ImageFormat::from_path(&out);
            let html = out.extension().is_some_and(|e| {
                let e = e.to_string_lossy().to_ascii_lowercase();
                e == "html" || e == "htm"
            });
            if image.is_none() && !html {
                bail!(
                    "cannot tell what to write to {}: use a .html (report), .svg or .png \
                     (heatmap) file name",
                    out.display()
                );
            }
            let analyzer = input.setup.analyzer()?;
            let mut docs = Vec::new();
            let outcome = for_each_document(&analyzer, &input, |doc| {
                docs.push((DocumentReport::from_document(&doc), doc.text().to_string()));
                Ok(())
            })?;
            if nothing_to_write(&outcome, "report") {
                return Ok(false);
            }
            match image {
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
            Ok(outcome.ok)
        }
        Command::Network(args) => network_cmd::run(args),
        Command::Topics { command } => match command {
            TopicsCommand::List { topics } => {
                let analyzer = analyzer(&topics, &[], &[])?;
                let mut w = output(&None)?;
                for t in analyzer.topics() {
                    writeln!(w, "{:<24} {}", t.id(), t.label())?;
                }
                w.flush()?;
                Ok(true)
            }
            TopicsCommand::Check { files } => check_packs(&files),
        },
    }
}

/// `stancemap topics check`: every example of the packs through the whole pipeline.
fn check_packs(files: &[PathBuf]) -> Result<bool> {
    let analyzer = analyzer(files, &[], &[])?;
    let mut w = output(&None)?;
    let mut failed = 0usize;
    let mut total = 0usize;
    for file in files {
        let packs = stancemap::stance::Topics::from_path(file)?;
        for pack in packs.packs() {
            for ex in pack.examples() {
                total += 1;
                let text = match &ex.context {
                    Some(c) => format!("{c}\n\n{}", ex.text),
                    None => ex.text.clone(),
                };
                let doc = analyzer.analyze_text("example", &text)?;
                let report = DocumentReport::from_document(&doc);
                let on_topic: Vec<&stancemap::core::output::StanceOut> = report
                    .stances
                    .iter()
                    .filter(|s| s.topic == pack.id())
                    .collect();
                let speaker_id = ex.speaker.as_deref().and_then(|name| {
                    report
                        .actors
                        .iter()
                        .find(|a| a.name.contains(name) || name.contains(a.name.as_str()))
                        .map(|a| a.id.as_str())
                });
                let got = match speaker_id {
                    Some(id) => on_topic.iter().find(|s| s.actor == id),
                    None => on_topic.first(),
                }
                .map(|s| s.stance.as_str());
                let want = ex.expect.map(|s| s.as_str());
                if got != want {
                    failed += 1;
                    writeln!(
                        w,
                        "{}: [{}/{}] expected {}, found {}: {}",
                        file.display(),
                        pack.id(),
                        ex.entry,
                        want.unwrap_or("no stance"),
                        got.unwrap_or("no stance"),
                        ex.text
                    )?;
                }
            }
        }
    }
    writeln!(
        w,
        "{} of {total} example{} as expected",
        total - failed,
        if total == 1 { "" } else { "s" }
    )?;
    w.flush()?;
    Ok(failed == 0)
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
