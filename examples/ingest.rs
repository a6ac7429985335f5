//! Reading articles: a directory, a JSONL stream, a plain text; the page furniture kept
//! out of the analysis; sentences and tokens with byte offsets into the original; and
//! what happens with bad input.
//!
//! ```sh
//! cargo run --release --example ingest
//! ```

use std::path::{Path, PathBuf};

use stancemap::core::Document;
use stancemap::ingest::{ReadOptions, read_inputs};
use stancemap::polars::df;
use stancemap::polars::prelude::DataFrame;
use stancemap::{Analyzer, Span};

mod common;
use common::{clip, explain, heading, show};

fn main() -> anyhow::Result<()> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let scratch = Scratch::new("ingest")?;
    let analyzer = Analyzer::new()?;

    heading(1, "Reading a directory");
    explain(&[
        "`read_inputs` walks a directory recursively for .txt and .jsonl files, in path order,",
        "and streams one `Result<Document, Error>` per article: memory stays bounded by the",
        "largest single article. The corpus manifest.json, found next to the articles, fills",
        "in the metadata that plain text does not carry (title, outlet, genre, date).",
    ]);
    let docs = read_inputs(&[corpus.join("articles")], &ReadOptions::default())
        .collect::<Result<Vec<Document>, _>>()?;
    show(df!(
        "doc_id" => docs.iter().map(|d| d.id().to_string()).collect::<Vec<_>>(),
        "bytes" => docs.iter().map(|d| d.text().len() as u64).collect::<Vec<_>>(),
        "genre" => docs.iter().map(|d| d.meta.genre.clone()).collect::<Vec<_>>(),
        "outlet" => docs.iter().map(|d| d.meta.outlet.clone()).collect::<Vec<_>>(),
        "published" => docs.iter().map(|d| d.meta.published.clone()).collect::<Vec<_>>(),
        "title" => docs.iter().map(|d| d.meta.title.as_deref().map(|t| clip(t, 40))).collect::<Vec<_>>(),
    )?)?;

    heading(2, "A JSONL stream");
    explain(&[
        "A .jsonl file holds one JSON object per line: `text` (required), `id`, and optional",
        "`title`, `outlet`, `published`, `url`, `genre`. Offsets are into the *decoded* text",
        "value (escapes such as \\n or \\u00e9 resolved), not into the line. A malformed line",
        "is one error naming file:line:column, and the lines after it are still read.",
    ]);
    let records = [
        serde_json::json!({
            "id": "wire-001",
            "outlet": "Example Wire",
            "published": "2030-03-02",
            "text": "Ferry pier to close\nThe council of Westhaven voted to close the old ferry pier. \
                     Councillor Inès Moreau said the pier \"is unsafe and must go\".",
        })
        .to_string(),
        r#"{"id": "wire-002", "text": "This line was cut off in transit"#.to_string(),
        serde_json::json!({
            "id": "wire-003",
            "genre": "opinion",
            "text": "Westhaven deserves a new pier, not an empty quay.",
        })
        .to_string(),
    ];
    let jsonl = scratch.write("wire.jsonl", records.join("\n").as_bytes())?;
    let quiet = ReadOptions {
        discover_manifest: false,
        ..ReadOptions::default()
    };
    let mut wire = Vec::new();
    for item in read_inputs(std::slice::from_ref(&jsonl), &quiet) {
        match item {
            Ok(doc) => {
                println!(
                    "  ok     {:<9} {:>3} bytes  outlet={:?} genre={:?}",
                    doc.id(),
                    doc.text().len(),
                    doc.meta.outlet,
                    doc.meta.genre
                );
                wire.push(doc);
            }
            Err(e) => println!("  error  {}", scratch.relative(&e.to_string())),
        }
    }
    if let Some(doc) = wire.first() {
        let word = "Inès";
        if let Some(start) = doc.text().find(word) {
            let span = Span::new(start, start + word.len());
            println!(
                "  in {}, {:?} is bytes {}..{} of the decoded text: {:?}",
                doc.id(),
                word,
                span.start,
                span.end,
                doc.slice(span)
            );
        }
    }

    heading(3, "A text");
    explain(&[
        "`Analyzer::analyze_text` takes any &str (a string you already hold: a database row,",
        "an HTTP body) and runs the whole pipeline on it. Every offset is into that string.",
    ]);
    let text = "Harbour Lights Gazette\n\
                The mayor of Ørestad said on Monday that the tram line “will open in spring”.\n\
                Critics called the plan — in their words — a gamble.\n\
                Sign up for our newsletter\n\
                © 2030 Harbour Lights Media. All rights reserved.\n";
    let doc = analyzer.analyze_text("gazette", text)?;
    println!(
        "  {} bytes ({} chars): {} sentences, {} tokens, {} actors, {} boilerplate regions",
        doc.text().len(),
        doc.text().chars().count(),
        doc.sentences.len(),
        doc.tokens.len(),
        doc.actors.len(),
        doc.boilerplate.len()
    );

    heading(4, "Page furniture kept out of the analysis");
    explain(&[
        "Newsletter prompts, copyright lines, comment forms and related-article lists are",
        "marked as regions with the rule that found them. They are never deleted (offsets",
        "stay those of the original file) but no sentence is cut from them, so no actor",
        "or statement can come from them. Here is the corpus article with the most furniture:",
    ]);
    let mut analysed = Vec::with_capacity(docs.len());
    for doc in &docs {
        let mut doc = doc.clone();
        analyzer.analyze(&mut doc)?;
        analysed.push(doc);
    }
    let article = analysed
        .iter()
        .max_by_key(|d| d.boilerplate.len())
        .ok_or_else(|| anyhow::anyhow!("no article in {}", corpus.display()))?;
    println!("  {}:", article.id());
    show(regions(article)?)?;
    let leaked = article
        .sentences
        .iter()
        .filter(|s| article.in_boilerplate(s.span))
        .count();
    println!(
        "  sentences overlapping a region: {leaked} (of {})",
        article.sentences.len()
    );
    println!("\n  And in the text of section 3:");
    show(regions(&doc)?)?;

    heading(5, "Sentences and tokens, with byte offsets");
    explain(&[
        "Sentences and tokens are spans of the original text: `&doc.text()[span]` is exactly",
        "what was written. Offsets are bytes, not characters: \"Ø\", the curly quotes and the",
        "dashes take 2 or 3 bytes each, so the char column drifts from the byte column.",
    ]);
    show(df!(
        "#" => (0..doc.sentences.len() as u32).collect::<Vec<_>>(),
        "kind" => doc.sentences.iter().map(|s| format!("{:?}", s.kind).to_lowercase()).collect::<Vec<_>>(),
        "start" => doc.sentences.iter().map(|s| s.span.start as u64).collect::<Vec<_>>(),
        "end" => doc.sentences.iter().map(|s| s.span.end as u64).collect::<Vec<_>>(),
        "start_char" => doc.sentences.iter().map(|s| doc.text()[..s.span.start].chars().count() as u64).collect::<Vec<_>>(),
        "text" => doc.sentences.iter().map(|s| doc.slice(s.span).to_string()).collect::<Vec<_>>(),
    )?)?;
    if let Some(i) = doc
        .sentences
        .iter()
        .position(|s| doc.slice(s.span).contains('Ø'))
    {
        let tokens = doc.sentence_tokens(i);
        println!(
            "\n  The tokens of sentence {i} (`norm` is folded and lower-cased, `stem` is Snowball):"
        );
        show(df!(
            "start" => tokens.iter().map(|t| t.span.start as u64).collect::<Vec<_>>(),
            "end" => tokens.iter().map(|t| t.span.end as u64).collect::<Vec<_>>(),
            "kind" => tokens.iter().map(|t| format!("{:?}", t.kind).to_lowercase()).collect::<Vec<_>>(),
            "text" => tokens.iter().map(|t| doc.slice(t.span).to_string()).collect::<Vec<_>>(),
            "norm" => tokens.iter().map(|t| doc.word(t.norm)).collect::<Vec<_>>(),
            "stem" => tokens.iter().map(|t| doc.word(t.stem)).collect::<Vec<_>>(),
        )?)?;
    }

    heading(6, "Bad input: invalid UTF-8, and --lossy");
    explain(&[
        "A file saved as Latin-1 is not UTF-8. By default it is refused with an error naming",
        "the file and the byte, and the other inputs are still read. With `lossy: true`",
        "(`stancemap analyze --lossy`) each invalid byte becomes one `?`, so byte offsets",
        "stay those of the file, and the document carries a warning.",
    ]);
    let latin1 = scratch.write(
        "latin1.txt",
        b"Harbour fees to rise\nThe port authority of Malm\xf6 said fees would rise by a tenth.\n",
    )?;
    let good = scratch.write("good.txt", "The quay reopens on Friday.\n".as_bytes())?;
    let inputs = [latin1.clone(), good];
    for item in read_inputs(&inputs, &quiet) {
        match item {
            Ok(doc) => println!("  ok     {} ({} bytes)", doc.id(), doc.text().len()),
            Err(e) => println!(
                "  error  {:?}: {}",
                e.kind(),
                scratch.relative(&e.to_string())
            ),
        }
    }
    let lossy = ReadOptions {
        lossy: true,
        ..quiet.clone()
    };
    println!("\n  With lossy: true:");
    for item in read_inputs(std::slice::from_ref(&latin1), &lossy) {
        let mut doc = item?;
        analyzer.analyze(&mut doc)?;
        println!("  text      {:?}", clip(doc.text(), 100));
        println!(
            "  bytes     {} (file: {})",
            doc.text().len(),
            std::fs::metadata(&latin1)?.len()
        );
        println!("  warnings  {:?}", doc.warnings);
        println!("  sentences {}", doc.sentences.len());
    }
    Ok(())
}

/// The boilerplate regions of a document: rule, offsets and the excluded text.
fn regions(doc: &Document) -> anyhow::Result<DataFrame> {
    let b = &doc.boilerplate;
    Ok(df!(
        "rule" => b.iter().map(|r| r.rule.clone()).collect::<Vec<_>>(),
        "start" => b.iter().map(|r| r.span.start as u64).collect::<Vec<_>>(),
        "end" => b.iter().map(|r| r.span.end as u64).collect::<Vec<_>>(),
        "excluded text" => b.iter().map(|r| doc.slice(r.span).to_string()).collect::<Vec<_>>(),
    )?)
}

/// A scratch directory under the system's temporary directory, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> std::io::Result<Scratch> {
        let dir =
            std::env::temp_dir().join(format!("stancemap-example-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(Scratch(dir))
    }

    fn write(&self, file: &str, bytes: &[u8]) -> std::io::Result<PathBuf> {
        let path = self.0.join(file);
        std::fs::write(&path, bytes)?;
        Ok(path)
    }

    /// `message` with the scratch directory left out, so that the output reads the same
    /// on every run.
    fn relative(&self, message: &str) -> String {
        message.replace(&format!("{}/", self.0.display()), "")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        // Best effort: a leftover directory in the temp dir is harmless.
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
