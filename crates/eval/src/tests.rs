//! Scoring tests on small hand-made gold and predictions (never the corpus).

use crate::score::{GoldNames, match_actor};
use crate::*;
use stancemap_core::output::{ActorOut, CueOut, DocumentReport, StanceOut, StatementOut};

const TEXT: &str = "Mayor Ana L\u{00F3}pez said the city \u{201C}must ban cars\u{201D} downtown. \
Councillor Tom Baker warned it might hurt shops. The chamber said it depends on the details. \
It is clearly a big change, and it\u{2019}s\u{00A0}probably popular.";

fn gold(json: &str) -> Gold {
    Gold::from_json_str(json).expect("test gold parses")
}

fn report(doc: &str) -> DocumentReport {
    DocumentReport {
        doc_id: doc.into(),
        path: None,
        title: None,
        outlet: None,
        published: None,
        genre: None,
        actors: vec![],
        statements: vec![],
        stances: vec![],
        hedges: vec![],
        boosters: vec![],
        boilerplate: vec![],
        warnings: vec![],
    }
}

fn actor(id: &str, name: &str, kind: &str) -> ActorOut {
    ActorOut {
        id: id.into(),
        name: name.into(),
        kind: kind.into(),
        country: None,
        role: None,
        mentions: vec![],
    }
}

fn stance(actor: &str, topic: &str, label: &str, score: f32, statements: Vec<usize>) -> StanceOut {
    StanceOut {
        actor: actor.into(),
        topic: topic.into(),
        stance: label.parse().expect("a SPEC label"),
        score,
        hedged: false,
        statements,
    }
}

/// A statement covering the first occurrence of `needle` in TEXT.
fn statement(actor: &str, needle: &str) -> StatementOut {
    let start = TEXT.find(needle).expect("needle in TEXT");
    StatementOut {
        actor: actor.into(),
        start,
        end: start + needle.len(),
        text: needle.into(),
        quote: false,
        cue: None,
        stances: vec![],
        hedges: vec![],
        boosters: vec![],
        commitment: 1.0,
    }
}

fn cue(text: &str, needle: &str) -> CueOut {
    let start = TEXT.find(needle).expect("cue in TEXT");
    CueOut {
        cue: text.into(),
        kind: "test".into(),
        start,
        end: start + needle.len(),
    }
}

fn run(g: &Gold, r: DocumentReport) -> EvalReport {
    evaluate(std::slice::from_ref(g), &[(r, TEXT.to_string())])
}

fn topic<'a>(e: &'a EvalReport, t: &str) -> &'a TopicScores {
    e.total.topic(t).expect("topic scored")
}

// ---------------------------------------------------------------- actors

fn names(json: &str) -> Vec<GoldNames> {
    gold(json).actors.iter().map(GoldNames::new).collect()
}

#[test]
fn actor_matches_name_alias_and_normalised_forms() {
    let g = names(
        r#"{"doc": "d", "actors": [
        {"name": "Ana López", "kind": "person", "aliases": ["Mayor López"]},
        {"name": "The Chamber of Commerce", "kind": "organisation", "aliases": ["the chamber"]},
        {"name": "Land’s End Council", "kind": "organisation"}]}"#,
    );
    assert_eq!(match_actor(&actor("a", "ana lopez", "person"), &g), Some(0));
    assert_eq!(
        match_actor(&actor("a", "Mayor Lopez", "organisation"), &g),
        Some(0)
    );
    assert_eq!(
        match_actor(&actor("c", "Chamber", "organisation"), &g),
        Some(1)
    );
    assert_eq!(
        match_actor(&actor("c", "chamber of commerce", "group"), &g),
        Some(1)
    );
    assert_eq!(
        match_actor(&actor("l", "Land's End Council", "organisation"), &g),
        Some(2)
    );
    assert_eq!(match_actor(&actor("x", "Someone Else", "person"), &g), None);
}

#[test]
fn persons_match_on_last_name_only_when_both_are_persons() {
    let g = names(
        r#"{"doc": "d", "actors": [
        {"name": "Tom Baker Jr.", "kind": "person"},
        {"name": "Baker", "kind": "group"}]}"#,
    );
    // Last-name tier: both persons, suffix ignored.
    assert_eq!(
        match_actor(&actor("b", "Thomas Baker", "person"), &g),
        Some(0)
    );
    assert_eq!(
        match_actor(&actor("b", "Councillor Baker", "person"), &g),
        Some(0)
    );
    // Exact name beats the last-name tier.
    assert_eq!(match_actor(&actor("b", "Baker", "person"), &g), Some(1));
    // Not a person: no last-name matching.
    assert_eq!(
        match_actor(&actor("b", "Thomas Baker", "organisation"), &g),
        None
    );
}

#[test]
fn exact_match_is_preferred_over_an_earlier_last_name_match() {
    let g = names(
        r#"{"doc": "d", "actors": [
        {"name": "Mary Smith", "kind": "person"},
        {"name": "Jane Smith", "kind": "person"}]}"#,
    );
    assert_eq!(
        match_actor(&actor("j", "Jane Smith", "person"), &g),
        Some(1)
    );
    // No exact match: the first gold actor of the tier.
    assert_eq!(match_actor(&actor("j", "Joe Smith", "person"), &g), Some(0));
}

#[test]
fn authors_match_each_other_whatever_the_names() {
    let g = names(
        r#"{"doc": "d", "actors": [
        {"name": "Someone", "kind": "person"},
        {"name": "Author", "kind": "author"}]}"#,
    );
    assert_eq!(
        match_actor(&actor("a", "The editorial board", "author"), &g),
        Some(1)
    );
    assert_eq!(
        match_actor(&actor("a", "The editorial board", "person"), &g),
        None
    );
}

#[test]
fn actor_detection_counts_optional_actors_as_neither() {
    let g = gold(
        r#"{"doc": "d", "actors": [
        {"name": "Ana López", "kind": "person"},
        {"name": "Tom Baker", "kind": "person"},
        {"name": "City Hall", "kind": "organisation", "optional": true},
        {"name": "Chamber", "kind": "organisation", "optional": true}]}"#,
    );
    let mut r = report("d");
    r.actors = vec![
        actor("lopez", "López", "person"),
        actor("lopez-2", "Ana Lopez", "person"),
        actor("city-hall", "City Hall", "organisation"),
        actor("unions", "Unions", "group"),
    ];
    let e = run(&g, r);
    // López found (twice: one TP), Baker missed, City Hall optional (neither), Unions FP,
    // Chamber optional and missed (no FN).
    assert_eq!(e.total.actors, Prf::new(1, 1, 1));
    let d = e.document("d").unwrap();
    assert!(d.mistakes.contains(&Mistake::MissedActor {
        name: "Tom Baker".into(),
        kind: stancemap_core::ActorKind::Person
    }));
    assert!(
        d.mistakes
            .iter()
            .any(|m| matches!(m, Mistake::SpuriousActor { id, .. } if id == "unions"))
    );
    assert_eq!(d.mistakes.len(), 2);
}

// ---------------------------------------------------------------- stances

const STANCE_GOLD: &str = r#"{"doc": "d", "actors": [
  {"name": "Ana López", "kind": "person", "stances": [
     {"topic": "car_ban", "stance": "support", "accept": ["support"],
      "evidence": ["the city \"must ban cars\" downtown"]}]},
  {"name": "Tom Baker", "kind": "person", "stances": [
     {"topic": "car_ban", "stance": "oppose", "accept": ["oppose", "conditional"],
      "evidence": ["it might hurt shops"]}]},
  {"name": "Chamber", "kind": "organisation", "stances": [
     {"topic": "car_ban", "stance": "conditional", "accept": ["conditional"]}]},
  {"name": "Unions", "kind": "group", "optional": true, "stances": [
     {"topic": "car_ban", "stance": "support", "accept": ["support"]}]},
  {"name": "Shops", "kind": "group", "optional": true, "stances": [
     {"topic": "car_ban", "stance": "oppose", "accept": ["oppose"]}]},
  {"name": "Police", "kind": "organisation", "stances": [
     {"topic": "car_ban", "stance": "none", "accept": ["none", "support"]}]},
  {"name": "Residents", "kind": "group"}]}"#;

fn stance_report() -> DocumentReport {
    let mut r = report("d");
    r.actors = [
        "lopez",
        "baker",
        "chamber",
        "unions",
        "shops",
        "police",
        "residents",
        "cyclists",
    ]
    .iter()
    .map(|id| {
        let kind = if matches!(*id, "lopez" | "baker") {
            "person"
        } else {
            "group"
        };
        actor(id, id, kind)
    })
    .collect();
    r.statements = vec![
        statement("lopez", "Mayor Ana L\u{00F3}pez said"),
        statement("baker", "warned it might hurt shops"),
        statement("baker", "It is clearly a big change"),
    ];
    r
}

#[test]
fn stance_rules_of_spec_section_4() {
    let g = gold(STANCE_GOLD);
    let mut r = stance_report();
    r.stances = vec![
        // TP: exact label.
        stance("lopez", "car_ban", "support", 0.9, vec![0]),
        // TP: an accepted alternative.
        stance("baker", "car_ban", "conditional", 0.1, vec![1]),
        // Chamber: no prediction -> FN (conditional).
        // Optional gold, wrong label -> FP only.
        stance("unions", "car_ban", "oppose", -0.5, vec![]),
        // Optional gold, missed (Shops) -> nothing.
        // Gold none, but support is accepted -> nothing.
        stance("police", "car_ban", "support", 0.4, vec![]),
        // Gold has no entry (none), prediction -> FP.
        stance("residents", "car_ban", "oppose", -0.3, vec![]),
        // Matches no gold actor -> FP.
        stance("cyclists", "car_ban", "support", 0.8, vec![]),
    ];
    let e = run(&g, r);
    let t = topic(&e, "car_ban");
    assert_eq!(t.stance, Prf::new(2, 3, 1));
    // Per label: TP/FP on the predicted label, FN on the gold label.
    assert_eq!(t.support, Prf::new(1, 1, 0));
    assert_eq!(t.oppose, Prf::new(0, 2, 0));
    assert_eq!(t.conditional, Prf::new(1, 0, 1));
    let macro_f1 = (2.0 / 3.0 + 0.0 + 2.0 / 3.0) / 3.0;
    assert!((t.macro_f1().unwrap() - macro_f1).abs() < 1e-12);

    let d = e.document("d").unwrap();
    let wrong: Vec<_> = d
        .mistakes
        .iter()
        .filter_map(|m| match m {
            Mistake::WrongStance {
                actor,
                predicted,
                false_positive,
                false_negative,
                ..
            } => Some((actor.as_str(), *predicted, *false_positive, *false_negative)),
            _ => None,
        })
        .collect();
    assert_eq!(
        wrong,
        [
            ("Chamber", Label::None, false, true),
            ("Unions", Label::Oppose, true, false),
            ("Residents", Label::Oppose, true, false),
        ]
    );
    assert!(d.mistakes.iter().any(|m| matches!(m,
        Mistake::SpuriousStance { actor, predicted: Label::Support, .. } if actor == "cyclists")));
}

#[test]
fn wrong_label_on_a_required_actor_is_both_fp_and_fn() {
    let g = gold(STANCE_GOLD);
    let mut r = stance_report();
    r.stances = vec![stance("lopez", "car_ban", "oppose", -0.7, vec![0])];
    let e = run(&g, r);
    let t = topic(&e, "car_ban");
    // López: FP (oppose) + FN (support); Baker and Chamber: FN.
    assert_eq!(t.stance, Prf::new(0, 1, 3));
    assert_eq!(t.oppose, Prf::new(0, 1, 1));
    assert_eq!(t.support, Prf::new(0, 0, 1));
}

#[test]
fn strongest_stance_wins_when_several_predicted_actors_match_one_gold_actor() {
    let g = gold(STANCE_GOLD);
    let mut r = stance_report();
    r.actors.push(actor("ana-lopez", "Ana Lopez", "person"));
    r.stances = vec![
        stance("lopez", "car_ban", "oppose", -0.2, vec![]),
        stance("ana-lopez", "car_ban", "support", 0.6, vec![0]),
    ];
    let e = run(&g, r);
    let t = topic(&e, "car_ban");
    assert_eq!(t.stance.tp, 1);
    assert_eq!(t.stance.fp, 0);
}

#[test]
fn unknown_actor_ids_warn_and_never_panic() {
    let g = gold(STANCE_GOLD);
    let mut r = stance_report();
    r.stances = vec![stance("ghost", "car_ban", "support", 0.5, vec![99])];
    let e = run(&g, r);
    let t = topic(&e, "car_ban");
    assert_eq!(t.stance.fp, 1);
    let d = e.document("d").unwrap();
    assert!(d.warnings.iter().any(|w| w.contains("ghost")));
}

#[test]
fn topics_include_the_default_gold_and_predicted_ones() {
    let g = gold(STANCE_GOLD);
    let mut r = stance_report();
    r.stances = vec![stance("lopez", "parking", "support", 0.5, vec![])];
    let e = run(&g, r);
    assert_eq!(e.topics, ["car_ban", "parking", "shoot_down"]);
    assert_eq!(topic(&e, "parking").stance, Prf::new(0, 1, 0));
    assert!(topic(&e, "shoot_down").is_empty());
    let d = e.document("d").unwrap();
    assert_eq!(d.scores.topics.len(), 3);
}

// ---------------------------------------------------------------- evidence

#[test]
fn evidence_hit_rate_counts_overlapping_statements() {
    let g = gold(STANCE_GOLD);
    let mut r = stance_report();
    r.actors.push(actor("chamber-2", "Chamber", "organisation"));
    r.stances = vec![
        // Statement 0 ("Mayor Ana López said") does not overlap the evidence "the city …".
        stance("lopez", "car_ban", "support", 0.9, vec![0]),
        // Statement 1 overlaps "it might hurt shops".
        stance("baker", "car_ban", "oppose", -0.9, vec![2, 1]),
        // TP without gold evidence: unjudged.
        stance("chamber-2", "car_ban", "conditional", 0.0, vec![]),
    ];
    let e = run(&g, r);
    let t = topic(&e, "car_ban");
    assert_eq!(t.stance.tp, 3);
    assert_eq!(
        t.evidence,
        HitRate {
            hits: 1,
            judged: 2,
            unjudged: 1
        }
    );
    assert_eq!(t.evidence.rate(), Some(0.5));
    let d = e.document("d").unwrap();
    assert!(d.mistakes.iter().any(|m| matches!(m,
        Mistake::EvidenceMiss { actor, statements, .. } if actor == "Ana López" && statements.len() == 1)));
}

#[test]
fn evidence_is_found_despite_straight_quotes_in_gold() {
    // The gold writes straight quotes, the article curly ones: located, so the hit counts.
    let g = gold(STANCE_GOLD);
    let mut r = stance_report();
    r.statements
        .push(statement("lopez", "\u{201C}must ban cars\u{201D}"));
    r.stances = vec![stance("lopez", "car_ban", "support", 0.9, vec![3])];
    let e = run(&g, r);
    assert_eq!(topic(&e, "car_ban").evidence.hits, 1);
    assert!(e.document("d").unwrap().warnings.is_empty());
}

#[test]
fn evidence_not_in_the_article_is_a_warning_and_unjudged() {
    let g = gold(
        r#"{"doc": "d", "actors": [{"name": "Tom Baker", "kind": "person", "stances": [
        {"topic": "car_ban", "stance": "oppose", "evidence": ["words nobody wrote"]}]}]}"#,
    );
    let mut r = stance_report();
    r.stances = vec![stance("baker", "car_ban", "oppose", -0.9, vec![1])];
    let e = run(&g, r);
    let t = topic(&e, "car_ban");
    assert_eq!(t.evidence.unjudged, 1);
    assert_eq!(t.evidence.rate(), None);
    assert!(e.document("d").unwrap().warnings[0].contains("words nobody wrote"));
}

// ---------------------------------------------------------------- cues

const CUE_GOLD: &str = r#"{"doc": "d",
  "hedges": [
    {"cue": "might", "context": "warned it might hurt"},
    {"cue": "depends", "context": "it depends on"},
    {"cue": "probably", "context": "it's probably popular", "optional": true},
    {"cue": "maybe", "context": "a context that is not there"}],
  "boosters": [
    {"cue": "clearly", "context": "It is clearly a big"},
    {"cue": "must", "context": "\"must ban cars\"", "optional": true}]}"#;

#[test]
fn cue_scores_with_optional_and_unlocated_cues() {
    let g = gold(CUE_GOLD);
    let mut r = report("d");
    r.hedges = vec![
        cue("might", "might"),           // TP
        cue("probably", "probably"),     // optional gold: neither
        cue("said", "said"),             // FP
        cue("it depends", "it depends"), // TP: overlap is enough
    ];
    r.boosters = vec![cue("must", "must")]; // optional gold: neither
    let e = run(&g, r);
    // Hedges: might, depends TP; maybe (not located) FN; said FP.
    assert_eq!(e.total.hedges, Prf::new(2, 1, 1));
    // Boosters: clearly FN; must optional.
    assert_eq!(e.total.boosters, Prf::new(0, 0, 1));
    let d = e.document("d").unwrap();
    assert!(d.warnings.iter().any(|w| w.contains("not there")));
    let shown: Vec<String> = d.mistakes.iter().map(ToString::to_string).collect();
    assert!(
        shown.contains(
            &"missed hedge \"maybe\" (not located) in \"a context that is not there\"".to_string()
        ),
        "{shown:?}"
    );
    assert!(
        shown.iter().any(
            |s| s.starts_with("spurious hedge \"said\"") && s.contains("López [said] the city")
        ),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|s| s.starts_with("missed booster \"clearly\""))
    );
}

#[test]
fn gold_cue_span_is_the_cue_inside_a_curly_context() {
    // The context "it's probably popular" is typed with a straight apostrophe and a
    // plain space; the article has a curly one and an NBSP. A predicted cue on the word
    // next to it ("popular") must not count.
    let g = gold(
        r#"{"doc": "d", "hedges": [{"cue": "probably", "context": "it's probably popular"}]}"#,
    );
    let mut r = report("d");
    r.hedges = vec![cue("popular", "popular")];
    let e = run(&g, r);
    assert_eq!(e.total.hedges, Prf::new(0, 1, 1));
    let mut r = report("d");
    r.hedges = vec![cue("probably", "probably")];
    let e = run(&g, r);
    assert_eq!(e.total.hedges, Prf::new(1, 0, 0));
    assert!(e.document("d").unwrap().warnings.is_empty());
}

#[test]
fn bad_predicted_cue_span_is_a_warning() {
    let g = gold(CUE_GOLD);
    let mut r = report("d");
    r.hedges = vec![CueOut {
        cue: "x".into(),
        kind: "modal".into(),
        start: 10_000,
        end: 5,
    }];
    let e = run(&g, r);
    assert_eq!(e.total.hedges.fp, 1);
    assert!(
        e.document("d")
            .unwrap()
            .warnings
            .iter()
            .any(|w| w.contains("start"))
    );
}

// ---------------------------------------------------------------- documents and output

#[test]
fn missing_and_unscored_documents_are_warnings() {
    let g1 = gold(
        r#"{"doc": "b", "actors": [{"name": "X", "kind": "state"}],
                      "hedges": [{"cue": "may", "context": "it may"}]}"#,
    );
    let g2 = gold(r#"{"doc": "a", "actors": [{"name": "Y", "kind": "state"}]}"#);
    let e = evaluate(
        &[g1, g2],
        &[
            (report("a"), TEXT.to_string()),
            (report("zzz"), String::new()),
        ],
    );
    let docs: Vec<&str> = e.documents.iter().map(|d| d.doc.as_str()).collect();
    assert_eq!(docs, ["a", "b"]);
    assert_eq!(e.total.actors, Prf::new(0, 0, 2));
    assert_eq!(e.total.hedges, Prf::new(0, 0, 1));
    assert_eq!(e.warnings.len(), 2);
    assert!(e.warnings.iter().any(|w| w.contains("`b`")));
    assert!(e.warnings.iter().any(|w| w.contains("`zzz`")));
    // No location warnings for a document without a prediction.
    assert!(e.document("b").unwrap().warnings.is_empty());
}

#[test]
fn totals_are_micro_sums_over_documents() {
    let g1 = gold(r#"{"doc": "a", "actors": [{"name": "X", "kind": "state"}]}"#);
    let g2 = gold(
        r#"{"doc": "b", "actors": [{"name": "Y", "kind": "state"}, {"name": "Z", "kind": "state"}]}"#,
    );
    let mut ra = report("a");
    ra.actors = vec![actor("x", "X", "state")];
    let mut rb = report("b");
    rb.actors = vec![actor("y", "Y", "state"), actor("w", "W", "state")];
    let e = evaluate(&[g1, g2], &[(rb, String::new()), (ra, String::new())]);
    assert_eq!(e.document("a").unwrap().scores.actors, Prf::new(1, 0, 0));
    assert_eq!(e.document("b").unwrap().scores.actors, Prf::new(1, 1, 1));
    assert_eq!(e.total.actors, Prf::new(2, 1, 1));
}

#[test]
fn table_errors_and_json_are_rendered() {
    let g = gold(STANCE_GOLD);
    let mut r = stance_report();
    r.stances = vec![
        stance("lopez", "car_ban", "support", 0.9, vec![0]),
        stance("cyclists", "car_ban", "support", 0.8, vec![]),
    ];
    let e = run(&g, r);
    let table = e.to_string();
    assert!(table.starts_with("document"), "{table}");
    assert!(table.contains("stance car_ban"), "{table}");
    assert!(table.contains("stance shoot_down"), "{table}");
    assert!(table.contains("TOTAL"), "{table}");
    assert!(table.contains("macro-F1"), "{table}");
    let errors = e.errors().to_string();
    println!("{table}\n{errors}");
    assert!(errors.starts_with("== d =="), "{errors}");
    assert!(
        errors.contains("spurious stance [car_ban] cyclists"),
        "{errors}"
    );
    assert!(errors.contains("wrong stance [car_ban] Tom Baker: gold oppose (accept oppose|conditional), predicted none -> FN"), "{errors}");
    let v = serde_json::to_value(&e).unwrap();
    assert_eq!(v["total"]["topics"][0]["topic"], "car_ban");
    assert_eq!(v["total"]["topics"][0]["stance"]["tp"], 1);
    assert_eq!(v["documents"][0]["mistakes"][0]["type"], "spurious_actor");
    // Deterministic.
    assert_eq!(
        run(&g, stance_report()).to_string(),
        run(&g, stance_report()).to_string()
    );
}

#[test]
fn duplicate_gold_topic_entries_warn() {
    let g = gold(
        r#"{"doc": "d", "actors": [{"name": "Tom Baker", "kind": "person", "stances": [
        {"topic": "car_ban", "stance": "oppose"}, {"topic": "car_ban", "stance": "support"}]}]}"#,
    );
    let mut r = stance_report();
    r.stances = vec![stance("baker", "car_ban", "oppose", -0.9, vec![])];
    let e = run(&g, r);
    assert_eq!(topic(&e, "car_ban").stance, Prf::new(1, 0, 0));
    assert!(e.document("d").unwrap().warnings[0].contains("second entry"));
}
