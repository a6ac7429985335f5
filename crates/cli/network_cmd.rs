//! `stancemap network`: DNA-style actor networks and the rDNA / `diskurs` / GraphML
//! exports (docs/NETWORK.md).

use super::{Input, check_topics, for_each_document, nothing_to_write, output};
use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use stancemap::DocumentReport;
use stancemap::matrix::network::{
    Conditional, NetworkOptions, Normalization, Projection, Window, affiliation_frame,
    events_frame, network_evidence_from_events, network_from_events, projection, write_graphml,
};
use stancemap::matrix::{Format, GroupBy, write_frame};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Args)]
pub(crate) struct NetworkArgs {
    #[command(flatten)]
    input: Input,
    /// Topics to use (repeatable); all by default.
    #[arg(long = "topic", id = "topic", value_name = "T")]
    topic: Vec<String>,
    /// What a node stands for.
    #[arg(long, value_enum, default_value_t = NetBy::Actor)]
    by: NetBy,
    /// One network per topic (edges carry their topic) instead of one over all topics.
    #[arg(long)]
    per_topic: bool,
    /// One network per time window of the documents' `published` dates: Nd (days, from
    /// the earliest date), Nw (weeks of 7N days), week (Monday to Sunday), month, year.
    /// Statements of undated documents are left out.
    #[arg(long, value_name = "W", value_parser = parse_window)]
    window: Option<Window>,
    /// Which projection: all three weights side by side, or one (its non-zero edges with
    /// a `weight` column).
    #[arg(long, value_enum, default_value_t = ProjectionArg::All)]
    projection: ProjectionArg,
    /// How conditional stances count: scale = qualifier 0 between oppose (-1) and
    /// support (+1), half congruent and half conflicting with either; drop = left out.
    #[arg(long, value_enum, default_value_t = ConditionalArg::Scale)]
    conditional: ConditionalArg,
    /// Normalization of edge weights (as in DNA).
    #[arg(long, value_enum, default_value_t = NormalizationArg::No)]
    normalization: NormalizationArg,
    /// What to write: edges (the network), evidence (one row per edge and statement,
    /// with byte spans), events (rDNA event list), affiliations (actor → statement edge
    /// list with support/opposition/irrelevant, as `diskurs` reads).
    #[arg(long, value_enum, default_value_t = Export::Edges)]
    export: Export,
    /// Output format; from --out's extension by default (.txt, .csv, .parquet, .json,
    /// .jsonl, .graphml), else table. graphml is for --export edges.
    #[arg(long, value_enum)]
    format: Option<NetFormat>,
    /// Write to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

fn parse_window(s: &str) -> Result<Window, String> {
    s.parse::<Window>().map_err(|e| e.message().to_string())
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum NetBy {
    /// Actors (one actor across articles).
    Actor,
    /// Countries (an actor without a country stands for itself).
    Country,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ProjectionArg {
    /// congruence, conflict and subtract columns.
    All,
    /// Ties of agreement.
    Congruence,
    /// Ties of disagreement.
    Conflict,
    /// Congruence minus conflict.
    Subtract,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ConditionalArg {
    /// Qualifier 0 on the -1..+1 scale.
    Scale,
    /// Left out.
    Drop,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum NormalizationArg {
    /// Raw weights (products of statement counts).
    No,
    /// Divided by the two actors' mean number of statements.
    Average,
    /// Jaccard.
    Jaccard,
    /// Cosine (DNA's formula).
    Cosine,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Export {
    /// The actor × actor edge list.
    Edges,
    /// One row per edge and statement behind it.
    Evidence,
    /// rDNA-style event list.
    Events,
    /// Actor → statement edge list (diskurs).
    Affiliations,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum NetFormat {
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
    /// GraphML (visone, Gephi, networkx, igraph).
    Graphml,
}

/// The format asked for, or the one --out's extension implies.
fn format(f: Option<NetFormat>, out: &Option<PathBuf>) -> Result<NetFormat> {
    Ok(match (f, out) {
        (Some(f), _) => f,
        (None, Some(p)) if has_extension(p, &["graphml"]) => NetFormat::Graphml,
        (None, Some(p)) => match Format::from_extension(p) {
            Some(Format::Table) => NetFormat::Table,
            Some(Format::Csv) => NetFormat::Csv,
            Some(Format::Parquet) => NetFormat::Parquet,
            Some(Format::Json) => NetFormat::Json,
            Some(Format::JsonLines) => NetFormat::Jsonl,
            None => bail!(
                "cannot tell the output format of {}: use a .txt, .csv, .parquet, .json, \
                 .jsonl or .graphml file name, or --format",
                p.display()
            ),
        },
        (None, None) => NetFormat::Table,
    })
}

fn has_extension(p: &Path, exts: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

pub(crate) fn run(args: NetworkArgs) -> Result<bool> {
    let format = format(args.format, &args.out)?;
    if format == NetFormat::Graphml && args.export != Export::Edges {
        bail!("GraphML holds the network: use it with --export edges");
    }
    if format == NetFormat::Parquet && args.out.is_none() && std::io::stdout().is_terminal() {
        bail!("parquet is binary: use --out FILE");
    }
    let analyzer = args.input.setup.analyzer()?;
    check_topics(&analyzer, &args.topic)?;
    let mut reports = Vec::new();
    let outcome = for_each_document(&analyzer, &args.input, |doc| {
        reports.push(DocumentReport::from_document(&doc));
        Ok(())
    })?;
    if nothing_to_write(&outcome, "network") {
        return Ok(false);
    }
    let options = NetworkOptions {
        topics: args.topic.clone(),
        per_topic: args.per_topic,
        window: args.window,
        by: match args.by {
            NetBy::Actor => GroupBy::Actor,
            NetBy::Country => GroupBy::Country,
        },
        conditional: match args.conditional {
            ConditionalArg::Scale => Conditional::Scale,
            ConditionalArg::Drop => Conditional::Drop,
        },
        normalization: match args.normalization {
            NormalizationArg::No => Normalization::No,
            NormalizationArg::Average => Normalization::Average,
            NormalizationArg::Jaccard => Normalization::Jaccard,
            NormalizationArg::Cosine => Normalization::Cosine,
        },
    };
    let which = match args.projection {
        ProjectionArg::All => None,
        ProjectionArg::Congruence => Some(Projection::Congruence),
        ProjectionArg::Conflict => Some(Projection::Conflict),
        ProjectionArg::Subtract => Some(Projection::Subtract),
    };
    let events = events_frame(&reports)?;
    if options.window.is_some() {
        let undated = events.column("time")?.null_count();
        if undated > 0 {
            eprintln!(
                "stancemap: warning: {undated} statement stance{} from undated documents left \
                 out of the time windows",
                if undated == 1 { "" } else { "s" }
            );
        }
    }
    let mut df = match args.export {
        Export::Events => events,
        Export::Affiliations => affiliation_frame(&reports, &args.topic)?,
        Export::Evidence => network_evidence_from_events(&events, &options)?,
        Export::Edges => {
            let edges = network_from_events(&events, &options)?;
            if format == NetFormat::Graphml {
                let mut w = output(&args.out)?;
                write_graphml(&edges, which, &mut w)?;
                w.flush()?;
                return Ok(outcome.ok);
            }
            match which {
                Some(p) => projection(&edges, p)?,
                None => edges,
            }
        }
    };
    let format = match format {
        NetFormat::Table | NetFormat::Graphml => Format::Table,
        NetFormat::Csv => Format::Csv,
        NetFormat::Parquet => Format::Parquet,
        NetFormat::Json => Format::Json,
        NetFormat::Jsonl => Format::JsonLines,
    };
    let mut w = output(&args.out)?;
    write_frame(&mut df, format, &mut w)?;
    w.flush()?;
    Ok(outcome.ok)
}
