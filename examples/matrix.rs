//! The stance matrix of the bundled corpus: actor × topic, who supports, opposes or
//! hedges on shooting down airspace violators (polars expressions on the frame), the
//! roll-up by country, actor × document for one topic, and the long statements frame.
//!
//! ```sh
//! cargo run --release --example matrix
//! ```

use std::path::Path;

use stancemap::Analyzer;
use stancemap::matrix::{GroupBy, MatrixOptions, stance_matrix, stances_lazy, statements_frame};
use stancemap::polars::prelude::*;

mod common;
use common::{explain, heading, show};

const TOPIC: &str = "shoot_down";

fn main() -> anyhow::Result<()> {
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/articles");
    let analyzer = Analyzer::new()?;

    heading(1, "Analysing the corpus");
    explain(&[
        "`analyze_paths_to_reports` reads and analyses every article (in parallel) and returns",
        "one report per document: the JSON of `stancemap analyze`. Every frame below is built",
        "from these reports, so they can also come from a JSONL file written earlier.",
    ]);
    let reports = analyzer.analyze_paths_to_reports(&[articles])?;
    for r in &reports {
        println!(
            "  {:<26} {:>2} actors  {:>2} statements  {:>2} stances  ({})",
            r.doc_id,
            r.actors.len(),
            r.statements.len(),
            r.stances.len(),
            r.outlet.as_deref().unwrap_or("no outlet")
        );
    }

    heading(2, "The stance matrix: actor × topic");
    explain(&[
        "One row per actor (the same person in two articles is one row), three columns per",
        "topic: the score (-1 oppose … +1 support, weighted by how much each article says),",
        "the label, and the number of statements it rests on. Empty cells: no stance.",
    ]);
    let matrix = stance_matrix(&reports, &MatrixOptions::default())?;
    println!("  shape: {:?}\n", matrix.shape());
    show(matrix.clone())?;

    heading(
        3,
        "Who supports, opposes, or says \"it depends\" on shoot_down",
    );
    explain(&[
        "The matrix is an ordinary polars DataFrame: filter it with expressions. Here, one",
        "filter per label on the `shoot_down_stance` column, strongest score first.",
    ]);
    for label in ["support", "oppose", "conditional"] {
        let side = matrix
            .clone()
            .lazy()
            .filter(col(format!("{TOPIC}_stance")).eq(lit(label)))
            .select([
                col("actor"),
                col("kind"),
                col("country"),
                col(TOPIC),
                col(format!("{TOPIC}_n")),
            ])
            .sort(
                [TOPIC],
                SortMultipleOptions::default().with_order_descending(label == "support"),
            )
            .collect()?;
        println!("  {label} ({} actors):", side.height());
        show(side)?;
        println!();
    }
    explain(&[
        "And who hedges: the per-document stances frame has a `hedged` flag (the stance rests",
        "on a qualified claim: \"may\", \"I think\", \"case-by-case\"). Filtering it:",
    ]);
    let hedged = stances_lazy(&reports)?
        .filter(col("topic").eq(lit(TOPIC)).and(col("hedged")))
        .select([
            col("actor"),
            col("doc_id"),
            col("stance"),
            col("score"),
            col("n_statements"),
        ])
        .sort(["actor"], SortMultipleOptions::default())
        .collect()?;
    show(hedged)?;

    heading(4, "By country");
    explain(&[
        "`GroupBy::Country` rolls actors up to the country they speak for (an organisation",
        "or group without one stands for itself). `n_actors` is how many actors were merged.",
    ]);
    show(stance_matrix(
        &reports,
        &MatrixOptions {
            topics: vec![TOPIC.to_string()],
            by: GroupBy::Country,
        },
    )?)?;

    heading(5, "Actor × document for shoot_down");
    explain(&[
        "`GroupBy::Doc` keeps one topic and gives each document (named after its outlet when",
        "that is unambiguous) its own columns: how each article reports each actor. Only the",
        "label columns are shown here.",
    ]);
    let by_doc = stance_matrix(
        &reports,
        &MatrixOptions {
            topics: vec![TOPIC.to_string()],
            by: GroupBy::Doc,
        },
    )?;
    let labels: Vec<String> = by_doc
        .get_column_names()
        .iter()
        .map(|c| c.to_string())
        .filter(|c| c == "actor" || c.ends_with("_stance"))
        .collect();
    show(by_doc.select(labels)?)?;

    heading(6, "The long statements frame");
    explain(&[
        "One row per statement and topic stance, with the cues, the commitment, byte offsets",
        "into the original file and the evidence text: the table to export for a spreadsheet",
        "or a notebook. A few columns of the stance-bearing rows:",
    ]);
    let statements = statements_frame(&reports)?;
    println!(
        "  shape: {:?}, columns: {}\n",
        statements.shape(),
        statements
            .get_column_names()
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    let few = statements
        .lazy()
        .filter(col("topic").is_not_null())
        .select([
            col("doc_id"),
            col("actor"),
            col("topic"),
            col("stance"),
            col("commitment"),
            col("start"),
            col("end"),
            col("evidence"),
        ])
        .limit(12)
        .collect()?;
    show(few)?;
    Ok(())
}
