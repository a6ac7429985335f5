//! A new policy question without a line of code: a topic pack written as a TOML string,
//! saved to a file, loaded with `Analyzer::builder().topic_file(..)`, and run on a few
//! invented sentences.
//!
//! ```sh
//! cargo run --release --example custom_topic
//! ```

use std::path::PathBuf;

use stancemap::Analyzer;
use stancemap::core::Document;

mod common;
use common::{explain, heading};

/// The topic pack: "should the EU impose tariffs on Chinese electric cars?". The format
/// is documented on `stancemap::stance::TopicPack`; the bundled packs in
/// crates/stance/data/topics/ are commented references.
const PACK: &str = r#"
id = "ev_tariffs"
label = "EU tariffs on Chinese electric cars"
description = "Should the EU impose tariffs on electric cars made in China?"
inherit = true            # also use the generic cues: should, urge, warn against, only if …

[classes]                 # word lists, used in patterns as <duties> and <cars>
duties = ["tariff", "tariffs", "duty", "duties", "levy", "levies"]
cars = ["ev", "evs", "car", "cars", "vehicle", "vehicles"]

# A target term must occur for the topic to be active in a document.
[[targets]]
id = "tariffs-on-chinese-evs"
patterns = ["<duties> *0-3 on *0-2 chinese|china|beijing *0-2 electric? <cars>",
  "<duties> *0-3 on *0-2 electric? <cars> *0-3 from|made in china"]
examples = [
  { text = "German Economy Minister Klaus Weber called for tariffs on Chinese electric vehicles.", expect = "support" },
  { text = "The European Commission said the tariffs on Chinese electric cars took effect in July.", expect = "none" },
]

# A cue of this topic: predicting a trade war is an argument against the measure.
[[frames]]
id = "trade-war-risk"
effect = "oppose"
holder = "speaker"
position = "post"
patterns = ["would|could|will|might *0-1 trigger|spark|provoke|start *0-2 trade war|wars",
  "would|could|will|might *0-1 trigger|spark|provoke|invite *0-1 retaliation|countermeasures"]
examples = [
  { text = "Swedish Trade Minister Karin Holm warned that tariffs on Chinese electric cars would trigger a trade war.", expect = "oppose" },
]

[[examples]]
text = "Polish Economy Minister Adam Nowak said tariffs on Chinese electric cars are overdue."
expect = "support"
"#;

fn main() -> anyhow::Result<()> {
    heading(1, "A topic pack is a TOML file");
    explain(&[
        "Target terms say what the question is about; frames, terms and conditions are the",
        "cues specific to it (the generic ones are inherited); examples document the intent.",
        "Here it is written from a string, as a program generating packs would:",
    ]);
    for line in PACK.trim().lines().take(14) {
        println!("{}", format!("    {line}").trim_end());
    }
    println!("    …");
    let dir = std::env::temp_dir().join(format!(
        "stancemap-example-custom-topic-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir)?;
    let result = run(&dir);
    // Best effort: a leftover directory in the temp dir is harmless.
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn run(dir: &std::path::Path) -> anyhow::Result<()> {
    let pack: PathBuf = dir.join("ev_tariffs.toml");
    std::fs::write(&pack, PACK)?;

    heading(2, "Loading it");
    explain(&[
        "`Analyzer::builder().topic_file(path)` adds the pack to the bundled ones. The",
        "patterns are compiled once, at build time; a mistake in the file is reported there.",
    ]);
    let analyzer = Analyzer::builder().topic_file(&pack).build()?;
    for topic in analyzer.topics() {
        println!("  {:<14} {}", topic.id(), topic.description());
    }
    let broken = dir.join("broken.toml");
    std::fs::write(
        &broken,
        PACK.replace("effect = \"oppose\"", "effect = \"againts\""),
    )?;
    match Analyzer::builder().topic_file(&broken).build() {
        Ok(_) => println!("\n  (the broken pack was accepted?)"),
        Err(e) => println!(
            "\n  A typo in a copy of the file is reported with file, line and column:\n  {}",
            first_line(&e.to_string().replace(&format!("{}/", dir.display()), ""))
        ),
    }

    heading(3, "The pack's own examples");
    explain(&[
        "Every example in the file is a sentence with its expected stance. Running them",
        "through the analyzer is the quickest check that the pack means what it says.",
    ]);
    if let Some(topic) = analyzer.topics().find(|t| t.id() == "ev_tariffs") {
        for ex in topic.examples() {
            let doc = analyzer.analyze_text(&ex.entry, &ex.text)?;
            let got = stances(&doc, "ev_tariffs");
            let expected = ex.expect.map_or("none", |s| s.as_str());
            let found = got.first().map_or("none", |(_, s, _)| s.as_str());
            let mark = if found == expected { "ok " } else { "!! " };
            println!("  {mark} expect {expected:<8} got {found:<8} {}", ex.text);
        }
    }

    heading(4, "New sentences");
    explain(&[
        "Invented sentences, analysed by the same pipeline as the bundled topics: actors,",
        "attribution, hedges and stance all come for free. One stance line per statement:",
    ]);
    let sentences = [
        "French Finance Minister Claire Dubois said the EU must impose tariffs on Chinese electric cars.",
        "Belgian Finance Minister Paul Maes said tariffs on Chinese electric cars could spark retaliation.",
        "Spanish Economy Minister Lucía Ortega said tariffs on Chinese EVs should come only if talks fail.",
        "The EU imposed tariffs on Chinese electric cars last year, the European Commission said.",
    ];
    for (i, text) in sentences.iter().enumerate() {
        let doc = analyzer.analyze_text(&format!("s{i}"), text)?;
        println!("  {text}");
        let got = stances(&doc, "ev_tariffs");
        if got.is_empty() {
            println!("      -> none (no stance on ev_tariffs)");
        }
        for (actor, stance, rule) in got {
            println!("      -> {actor}: {stance} ({rule})");
        }
    }

    heading(5, "No code changed");
    explain(&[
        "Nothing above touched Rust code: the same analyzer, the same frames and the same",
        "command line (`stancemap matrix corpus/articles --topics my_topic.toml`) now answer",
        "a new question. A pack with the id of a bundled one replaces it.",
    ]);
    Ok(())
}

/// (speaker, stance, rule) of every statement with a stance on `topic`.
fn stances(doc: &Document, topic: &str) -> Vec<(String, String, String)> {
    doc.statements
        .iter()
        .flat_map(|st| {
            st.stances.iter().filter(|s| s.topic == topic).map(|s| {
                (
                    doc.actor(st.actor).name.clone(),
                    s.stance.as_str().to_string(),
                    s.rule.clone(),
                )
            })
        })
        .collect()
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}
