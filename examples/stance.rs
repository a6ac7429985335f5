//! Stance and commitment: the stance of every statement on every topic with the rule
//! that decided it, the hedges and boosters around it, the commitment weight they give,
//! and the per-actor aggregation; then a few invented sentences side by side.
//!
//! ```sh
//! cargo run --release --example stance
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use stancemap::Analyzer;
use stancemap::core::{Cue, Document};
use stancemap::ingest::ReadOptions;
use stancemap::polars::df;

mod common;
use common::{clip, explain, heading, show};

fn main() -> anyhow::Result<()> {
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/articles");
    let analyzer = Analyzer::new()?;

    heading(1, "The topics");
    explain(&[
        "A topic is a policy question written as a data file: target terms, cues and example",
        "sentences (see the custom_topic example). Two packs are bundled:",
    ]);
    for pack in analyzer.topics() {
        println!("  {:<14} {}", pack.id(), pack.description());
    }

    let docs = analyzer
        .analyze_paths(&[articles], &ReadOptions::default())
        .collect::<Result<Vec<Document>, _>>()?;

    heading(2, "Stance per statement and topic");
    explain(&[
        "Each attributed statement is classified on each topic the article is about: support,",
        "oppose or conditional, with a signed score and the id of the rule that decided it.",
        "`decided by` lists the evidence spans (the target term and the polarity cue).",
        "Statements without a stance (reported events, other subjects) are left out here.",
    ]);
    let mut rows = Rows::default();
    for doc in &docs {
        for st in &doc.statements {
            for s in &st.stances {
                rows.doc.push(doc.id().to_string());
                rows.actor.push(doc.actor(st.actor).name.clone());
                rows.topic.push(s.topic.clone());
                rows.stance.push(s.stance.as_str());
                rows.score.push(round(s.score));
                rows.rule.push(s.rule.clone());
                rows.decided_by.push(
                    s.evidence
                        .iter()
                        .map(|&e| clip(doc.slice(e), 30))
                        .collect::<Vec<_>>()
                        .join(" + "),
                );
            }
        }
    }
    show(df!(
        "doc_id" => rows.doc,
        "actor" => rows.actor,
        "topic" => rows.topic,
        "stance" => rows.stance,
        "score" => rows.score,
        "rule" => rows.rule,
        "decided by" => rows.decided_by,
    )?)?;

    heading(3, "Hedges and boosters");
    explain(&[
        "Hedges weaken a claim (\"may\", \"I think\", \"perhaps\", \"it depends\", \"around\"),",
        "boosters strengthen it (\"clear\", \"unequivocal\", \"no doubt\"). Each cue has a kind",
        "and the lexicon entry that found it. Counted over the corpus:",
    ]);
    let mut by_kind: BTreeMap<&str, (u32, Vec<String>)> = BTreeMap::new();
    for cue in docs.iter().flat_map(|d| d.hedges.iter().chain(&d.boosters)) {
        let entry = by_kind.entry(cue.kind.as_str()).or_default();
        entry.0 += 1;
        let text = cue.cue.to_lowercase();
        if !entry.1.contains(&text) {
            entry.1.push(text);
        }
    }
    show(df!(
        "kind" => by_kind.keys().copied().collect::<Vec<_>>(),
        "n" => by_kind.values().map(|v| v.0).collect::<Vec<_>>(),
        "cues" => by_kind.values().map(|v| v.1.join(", ")).collect::<Vec<_>>(),
    )?)?;

    heading(4, "Commitment");
    explain(&[
        "The cues inside a statement give its commitment weight: 1 is an unhedged claim; each",
        "modal, epistemic verb or hedging adverb multiplies it by 0.7, a conditional by 0.8,",
        "an approximator or attribution by 0.9, a booster by 1.25 (clamped to [0.2, 1]).",
        "The stance-bearing statements that carry a cue:",
    ]);
    let mut c = Rows::default();
    let (mut hedges, mut boosters, mut commitment) = (Vec::new(), Vec::new(), Vec::new());
    for doc in &docs {
        for st in doc.statements.iter().filter(|s| !s.stances.is_empty()) {
            if st.hedges.is_empty() && st.boosters.is_empty() {
                continue;
            }
            c.doc.push(doc.id().to_string());
            c.actor.push(doc.actor(st.actor).name.clone());
            c.stance.push(st.stances[0].stance.as_str());
            hedges.push(cues(&doc.hedges, &st.hedges));
            boosters.push(cues(&doc.boosters, &st.boosters));
            commitment.push(round(st.commitment));
        }
    }
    show(df!(
        "doc_id" => c.doc,
        "actor" => c.actor,
        "stance" => c.stance,
        "hedges" => hedges,
        "boosters" => boosters,
        "commitment" => commitment,
    )?)?;

    heading(5, "Per-actor aggregation");
    explain(&[
        "Within an article, an actor's statements on a topic are weighed by their commitment",
        "into one stance. `conditional` wins only when it outweighs both sides; `hedged` says",
        "that the stance rests on a qualified claim. This is what the stance matrix is built",
        "from (see the matrix example).",
    ]);
    let mut a = Rows::default();
    let (mut hedged, mut commit, mut n) = (Vec::new(), Vec::new(), Vec::new());
    for doc in &docs {
        for s in &doc.stances {
            a.doc.push(doc.id().to_string());
            a.actor.push(doc.actor(s.actor).name.clone());
            a.topic.push(s.topic.clone());
            a.stance.push(s.stance.as_str());
            a.score.push(round(s.score));
            hedged.push(s.hedged);
            commit.push(round(s.commitment));
            n.push(s.statements.len() as u32);
        }
    }
    show(df!(
        "doc_id" => a.doc,
        "actor" => a.actor,
        "topic" => a.topic,
        "stance" => a.stance,
        "score" => a.score,
        "hedged" => hedged,
        "commitment" => commit,
        "statements" => n,
    )?)?;

    heading(6, "Invented sentences, side by side");
    explain(&[
        "`analyze_text` on single sentences shows the distinctions the rules draw: a demand is",
        "support, a warning against is oppose, \"only if\" is conditional, a hedge lowers the",
        "commitment, and a reported event (jets did shoot a drone down) is no stance at all.",
    ]);
    let sentences = [
        "Lithuanian Defence Minister Rasa Kalnė said NATO must shoot down any drone that enters allied airspace.",
        "Austrian Chancellor Peter Lindner warned against shooting down Russian jets, saying it would risk a wider war.",
        "Norwegian Foreign Minister Erik Dahl said allies should fire on intruding aircraft only if they pose a direct threat.",
        "Dutch Prime Minister Anna de Wit said the alliance may perhaps have to shoot down drones one day.",
        "Romanian jets shot down a drone over the Danube delta on Sunday, the defence ministry said.",
    ];
    for (i, text) in sentences.iter().enumerate() {
        let doc = analyzer.analyze_text(&format!("s{i}"), text)?;
        println!("  {}", clip(text, 110));
        let mut any = false;
        for st in &doc.statements {
            for s in &st.stances {
                any = true;
                println!(
                    "      -> {}: {} {} (score {:.2}, commitment {:.2}, rule {})",
                    doc.actor(st.actor).name,
                    s.topic,
                    s.stance.as_str(),
                    s.score,
                    st.commitment,
                    s.rule
                );
            }
        }
        if !any {
            let speakers: Vec<&str> = doc
                .statements
                .iter()
                .map(|st| doc.actor(st.actor).name.as_str())
                .collect();
            println!(
                "      -> none ({} statement(s){}, no stance on any topic)",
                doc.statements.len(),
                if speakers.is_empty() {
                    String::new()
                } else {
                    format!(" by {}", speakers.join(", "))
                }
            );
        }
    }
    Ok(())
}

/// Columns shared by the tables above.
#[derive(Default)]
struct Rows {
    doc: Vec<String>,
    actor: Vec<String>,
    topic: Vec<String>,
    stance: Vec<&'static str>,
    score: Vec<f64>,
    rule: Vec<String>,
    decided_by: Vec<String>,
}

/// The cue texts that `indices` point at, with their kinds, or null when there are none.
fn cues(all: &[Cue], indices: &[usize]) -> Option<String> {
    let parts: Vec<String> = indices
        .iter()
        .filter_map(|&i| all.get(i))
        .map(|c| format!("{} ({})", c.cue, c.kind.as_str()))
        .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

fn round(x: f32) -> f64 {
    (f64::from(x) * 1000.0).round() / 1000.0
}
