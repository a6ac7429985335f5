//! The embedding API.

use crate::util::analyzer;
use stancemap::{Analyzer, DocumentReport};

#[test]
fn analyze_text_gives_a_report_with_evidence_spans() {
    let text = "Lithuanian Defence Minister Jonas Vaitkus said NATO must shoot down any drone that crosses into allied airspace.";
    let doc = analyzer().analyze_text("t1", text).unwrap();
    let r = DocumentReport::from_document(&doc);
    let s = r
        .stances
        .iter()
        .find(|s| s.topic == "shoot_down")
        .expect("a stance");
    assert_eq!(s.stance, stancemap::Stance::Support);
    let actor = r.actors.iter().find(|a| a.id == s.actor).unwrap();
    assert_eq!(actor.name, "Jonas Vaitkus");
    assert_eq!(actor.country.as_deref(), Some("Lithuania"));
    let st = &r.statements[s.statements[0]];
    assert_eq!(&text[st.start..st.end], st.text);
    // The label is an enum in the API and the same lower-case string in the JSON.
    assert_eq!(st.stances[0].stance, stancemap::Stance::Support);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["stances"][0]["stance"], "support");
    assert_eq!(
        json["statements"][s.statements[0]]["stances"][0]["stance"],
        "support"
    );
    let back: DocumentReport = serde_json::from_value(json).unwrap();
    assert_eq!(back, r);
}

#[test]
fn empty_text_is_valid_and_empty() {
    let doc = analyzer().analyze_text("empty", "").unwrap();
    let r = DocumentReport::from_document(&doc);
    assert!(r.actors.is_empty() && r.statements.is_empty() && r.stances.is_empty());
}

/// A topic pack a user writes: targets and examples, no code.
const EV_TARIFFS: &str = r#"
id = "ev_tariffs"
label = "Tariffs on Chinese electric vehicles"
description = "Should the EU impose tariffs on electric cars made in China?"
inherit = true

[[targets]]
id = "tariffs"
patterns = ["tariffs|duties|levies *0-4 on *0-3 chinese|china *0-2 electric *0-1 cars|vehicles|evs"]
examples = [{ text = "The minister said Europe should impose tariffs on Chinese electric cars.", expect = "support" }]
"#;

#[test]
fn a_user_topic_pack_is_data_not_code() {
    let dir = std::env::temp_dir().join(format!("stancemap-api-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pack = dir.join("tariffs.toml");
    std::fs::write(&pack, EV_TARIFFS).unwrap();
    let a = Analyzer::builder().topic_file(&pack).build().unwrap();
    let doc = a
        .analyze_text("t2", "French President Emmanuel Macron said Europe should impose tariffs on Chinese electric cars.")
        .unwrap();
    let r = DocumentReport::from_document(&doc);
    assert!(
        r.stances
            .iter()
            .any(|s| s.topic == "ev_tariffs" && s.stance == stancemap::Stance::Support),
        "{:?}",
        r.stances
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_user_file_of_word_classes_reaches_every_stage() {
    use stancemap::core::WordClass;
    let dir = std::env::temp_dir().join(format!("stancemap-api-english-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("english.toml");
    // The embedded file with one modal more.
    let embedded = include_str!("../../crates/core/data/english.toml");
    let changed = embedded.replacen("modals = [", "modals = [\"ought\", ", 1);
    assert_ne!(changed, embedded);
    std::fs::write(&file, changed).unwrap();
    let text = "Officials ought to wait until May, Ana Roe said on Monday.";
    let ought = |a: &Analyzer| {
        let doc = a.analyze_text("e", text).unwrap();
        let i = (0..doc.tokens.len())
            .find(|&i| doc.norm(i) == "ought")
            .unwrap();
        let may = (0..doc.tokens.len())
            .find(|&i| doc.norm(i) == "may")
            .unwrap();
        assert!(doc.token_classes(may).contains(WordClass::MONTH));
        doc.token_classes(i).contains(WordClass::MODAL)
    };
    assert!(!ought(crate::util::analyzer()));
    let mut b = Analyzer::builder();
    b.data_file("english", &file).unwrap();
    assert!(ought(&b.build().unwrap()));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn pipeline_stages_are_listed_in_order() {
    let names: Vec<&str> = analyzer().pipeline().stages().map(|s| s.name()).collect();
    assert_eq!(
        names,
        [
            "boilerplate",
            "turns",
            "text",
            "actors",
            "topics",
            "attribute",
            "turn-speakers",
            "cues",
            "stance",
            "item-votes"
        ]
    );
}

#[test]
fn analyze_file_returns_every_document_of_a_jsonl_file() {
    let dir = std::env::temp_dir().join(format!("stancemap-api-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let feed = dir.join("feed.jsonl");
    let line = |id: &str| {
        serde_json::json!({"id": id, "text": "Mayor Ivo Marek said the city should not shoot down drones."})
            .to_string()
    };
    std::fs::write(&feed, [line("a"), line("b"), line("c")].join("\n")).unwrap();
    let docs = analyzer().analyze_file(&feed).unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d.id()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    // Paths are anything path-like.
    let reports = analyzer()
        .analyze_paths_to_reports(&[feed.as_path()])
        .unwrap();
    assert_eq!(reports.len(), 3);
    std::fs::remove_dir_all(&dir).ok();
}
