//! Prints the mentions and statements found in each line of standard input (a debugging
//! aid: `cargo run --release -p stancemap-attribute --example attr_debug < sentences.txt`).
//! A line `#genre opinion` sets the genre of the following lines.

use stancemap_actors::ActorFinder;
use stancemap_attribute::Attributor;
use stancemap_core::{Document, Meta, Stage};
use stancemap_text::Segmenter;
use std::io::Read;

fn main() {
    let mut input = String::new();
    if std::io::stdin().read_to_string(&mut input).is_err() {
        return;
    }
    let seg = Segmenter::default();
    let finder = ActorFinder::default();
    let attributor = Attributor::default();
    let mut genre = None;
    for block in input.split("\n===\n") {
        let text = block.trim();
        if let Some(g) = text.strip_prefix("#genre ") {
            genre = Some(g.trim().to_string());
            continue;
        }
        if text.is_empty() {
            continue;
        }
        let mut doc = Document::new("t", text).with_meta(Meta {
            genre: genre.clone(),
            ..Meta::default()
        });
        if seg.process(&mut doc).is_err()
            || finder.process(&mut doc).is_err()
            || attributor.process(&mut doc).is_err()
        {
            println!("ERROR");
            continue;
        }
        println!("TEXT {}", text.replace('\n', " / "));
        for m in &doc.mentions {
            print!(
                " [{}={}:{:?}]",
                doc.slice(m.span),
                doc.actor(m.actor).name,
                m.kind
            );
        }
        println!();
        for s in &doc.statements {
            println!(
                "  -> {} | cue {:?} | content «{}»",
                doc.actor(s.actor).name,
                s.cue,
                doc.slice(s.content)
            );
        }
    }
}
