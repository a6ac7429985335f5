//! Actors and attribution: who is in each article, one identity per actor whatever it is
//! called (name, surname, role, pronoun), and the statements attributed to them.
//!
//! ```sh
//! cargo run --release --example actors
//! ```

use std::path::Path;

use stancemap::Analyzer;
use stancemap::core::{ActorId, Document, MentionKind};
use stancemap::ingest::ReadOptions;
use stancemap::polars::df;
use stancemap::polars::prelude::DataFrame;

mod common;
use common::{clip, explain, heading, show, wrap};

fn main() -> anyhow::Result<()> {
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/articles");
    let analyzer = Analyzer::new()?;
    let docs = analyzer
        .analyze_paths(&[articles], &ReadOptions::default())
        .collect::<Result<Vec<Document>, _>>()?;

    heading(1, "Actors per article");
    explain(&[
        "Each article is searched for people, states, organisations, groups and (in opinion",
        "and analysis pieces) the author's own voice. People come from title + name",
        "constructions (\"Finnish Defence Minister …\") as well as from the registry of known",
        "figures, so nobody needs to be listed in advance.",
    ]);
    show(df!(
        "doc_id" => docs.iter().map(|d| d.id().to_string()).collect::<Vec<_>>(),
        "actors" => docs.iter().map(|d| d.actors.len() as u32).collect::<Vec<_>>(),
        "persons" => docs.iter().map(|d| count_kind(d, "person")).collect::<Vec<_>>(),
        "states" => docs.iter().map(|d| count_kind(d, "state")).collect::<Vec<_>>(),
        "organisations" => docs.iter().map(|d| count_kind(d, "organisation")).collect::<Vec<_>>(),
        "groups" => docs.iter().map(|d| count_kind(d, "group")).collect::<Vec<_>>(),
        "mentions" => docs.iter().map(|d| d.mentions.len() as u32).collect::<Vec<_>>(),
        "statements" => docs.iter().map(|d| d.statements.len() as u32).collect::<Vec<_>>(),
    )?)?;

    // The shortest article keeps the tables short; every article works the same way.
    let doc = docs
        .iter()
        .min_by_key(|d| d.actors.len())
        .ok_or_else(|| anyhow::anyhow!("no article was read"))?;
    println!(
        "\n  The actors of {} (`statements`: how many are attributed to them):",
        doc.id()
    );
    show(actor_table(doc)?)?;

    heading(2, "One identity per actor");
    explain(&[
        "After the first full mention, articles say \"the defence minister\", the surname or \"she\".",
        "Each of those mentions is resolved to the same actor, so that a quote introduced by",
        "a pronoun is still attributed to the right person. Here is an invented text:",
    ]);
    let text = "Finnish Defence Minister Anna Virtanen said on Tuesday that the alliance must \
                protect its skies. \"We will not be intimidated,\" she told reporters in Turku. \
                Virtanen added that Helsinki would raise the issue in Brussels. The defence \
                minister later called on allies to share radar data.";
    println!("  {}\n", wrap(text, 88, "  "));
    let own = analyzer.analyze_text("invented", text)?;
    show(actor_table(&own)?)?;
    if let Some(anna) = busiest(&own) {
        println!("\n  The mentions of {}:", own.actor(anna).name);
        show(mention_table(&own, anna)?)?;
    }
    if let Some(actor) = busiest(doc) {
        println!(
            "\n  And the mentions of {} in {}:",
            doc.actor(actor).name,
            doc.id()
        );
        show(mention_table(doc, actor)?)?;
    }

    heading(3, "Statements: speaker, cue, quote, evidence");
    explain(&[
        "A statement is a span in which an actor's position is given: a direct quote, reported",
        "speech (\"said that …\"), \"according to\", a demand or a warning. The cue is the",
        "reporting expression as written, `via` is how the speaker is named there, and the",
        "evidence is the statement text (offsets into the original).",
    ]);
    print_statements(&own, usize::MAX);
    println!("\n  The statements of {}:", doc.id());
    print_statements(doc, 12);
    Ok(())
}

fn count_kind(doc: &Document, kind: &str) -> u32 {
    doc.actors
        .iter()
        .filter(|a| a.kind.as_str() == kind)
        .count() as u32
}

/// One row per actor: kind, country, role, number of mentions and of statements.
fn actor_table(doc: &Document) -> anyhow::Result<DataFrame> {
    let mentions: Vec<u32> = (0..doc.actors.len())
        .map(|i| doc.mentions.iter().filter(|m| m.actor.0 == i).count() as u32)
        .collect();
    let statements: Vec<u32> = (0..doc.actors.len())
        .map(|i| doc.statements.iter().filter(|s| s.actor.0 == i).count() as u32)
        .collect();
    let a = &doc.actors;
    Ok(df!(
        "id" => a.iter().map(|a| a.id.clone()).collect::<Vec<_>>(),
        "name" => a.iter().map(|a| a.name.clone()).collect::<Vec<_>>(),
        "kind" => a.iter().map(|a| a.kind.as_str()).collect::<Vec<_>>(),
        "country" => a.iter().map(|a| a.country.clone()).collect::<Vec<_>>(),
        "role" => a.iter().map(|a| a.role.as_deref().map(|r| clip(r, 30))).collect::<Vec<_>>(),
        "mentions" => mentions,
        "statements" => statements,
    )?)
}

/// The actor with the most kinds of mention (then the most mentions): the best
/// illustration of identity resolution.
fn busiest(doc: &Document) -> Option<ActorId> {
    (0..doc.actors.len())
        .map(ActorId)
        .filter(|&id| doc.actor(id).kind.as_str() != "author")
        .max_by_key(|&id| {
            let mut kinds: Vec<&str> = doc
                .mentions
                .iter()
                .filter(|m| m.actor == id)
                .map(|m| mention_kind(m.kind))
                .collect();
            let n = kinds.len();
            kinds.sort_unstable();
            kinds.dedup();
            (kinds.len(), n)
        })
}

/// Every mention of one actor: offsets, kind, text and the rule that found it.
fn mention_table(doc: &Document, actor: ActorId) -> anyhow::Result<DataFrame> {
    let m: Vec<_> = doc.mentions.iter().filter(|m| m.actor == actor).collect();
    Ok(df!(
        "start" => m.iter().map(|m| m.span.start as u64).collect::<Vec<_>>(),
        "end" => m.iter().map(|m| m.span.end as u64).collect::<Vec<_>>(),
        "kind" => m.iter().map(|m| mention_kind(m.kind)).collect::<Vec<_>>(),
        "text" => m.iter().map(|m| doc.slice(m.span).to_string()).collect::<Vec<_>>(),
        "rule" => m.iter().map(|m| m.rule.clone()).collect::<Vec<_>>(),
    )?)
}

/// The mention kinds as a reader would name them.
fn mention_kind(kind: MentionKind) -> &'static str {
    match kind {
        MentionKind::Name => "name",
        MentionKind::Partial => "surname",
        MentionKind::Role => "role",
        MentionKind::Pronoun => "pronoun",
        MentionKind::Metonym => "metonym",
    }
}

/// Statements as a list: speaker, how they are named there, cue, quote flag, evidence.
fn print_statements(doc: &Document, max: usize) {
    for (i, st) in doc.statements.iter().enumerate().take(max) {
        let via = st
            .mention
            .and_then(|m| doc.mentions.get(m))
            .map(|m| format!("via {:?}", doc.slice(m.span)))
            .unwrap_or_else(|| "no mention".to_string());
        let cue = st.cue.as_deref().unwrap_or("(author's voice)");
        let quote = if st.quote { ", quote" } else { "" };
        println!(
            "  [{i:>2}] {} ({via}, cue {cue:?}{quote}) @{}..{}",
            doc.actor(st.actor).name,
            st.span.start,
            st.span.end
        );
        println!("       {}", clip(doc.slice(st.span), 100));
    }
    if doc.statements.len() > max {
        println!("  … and {} more", doc.statements.len() - max);
    }
}
