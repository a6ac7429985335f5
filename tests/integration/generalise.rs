//! Unseen styles, written for these tests (not from the corpus): an op-ed arguing
//! against shooting down, a live blog, a parliamentary transcript, a press review and a
//! piece on another policy. The rules must carry over to them.

use crate::util::{analyse, root};
use stancemap::DocumentReport;

fn docs() -> Vec<DocumentReport> {
    analyse(&root().join("tests/integration/fixtures/unseen.jsonl"))
        .into_iter()
        .map(|(_, r)| r)
        .collect()
}

/// The report of one text analysed on its own.
fn report_of(id: &str, text: &str) -> DocumentReport {
    let doc = crate::util::analyzer()
        .analyze_text(id, text)
        .expect("analyses");
    DocumentReport::from_document(&doc)
}

/// The stance of the actor whose name contains `who`, on shoot_down, in document `doc`.
fn stance(docs: &[DocumentReport], doc: &str, who: &str) -> Option<String> {
    let r = docs.iter().find(|r| r.doc_id == doc).expect("document");
    let actor = r.actors.iter().find(|a| a.name.contains(who))?;
    r.stances
        .iter()
        .find(|s| s.actor == actor.id && s.topic == "shoot_down")
        .map(|s| s.stance.to_string())
}

#[test]
fn op_ed_arguing_against_is_the_authors_opposition() {
    let d = docs();
    assert_eq!(
        stance(&d, "oped-against", "Author").as_deref(),
        Some("oppose")
    );
    assert_eq!(
        stance(&d, "oped-against", "Szijj").as_deref(),
        Some("oppose")
    );
}

#[test]
fn live_blog_entries_are_attributed() {
    let d = docs();
    assert_eq!(
        stance(&d, "live-blog", "Moraru").as_deref(),
        Some("support")
    );
    assert_eq!(stance(&d, "live-blog", "Fico").as_deref(), Some("oppose"));
    assert_eq!(stance(&d, "live-blog", "Kremlin"), None);
}

#[test]
fn transcript_speaker_labels() {
    let d = docs();
    assert_eq!(
        stance(&d, "transcript", "Riley").as_deref(),
        Some("support")
    );
    assert_eq!(stance(&d, "transcript", "Marsh").as_deref(), Some("oppose"));
}

#[test]
fn press_review_quotes_newspapers() {
    let d = docs();
    assert_eq!(
        stance(&d, "press-review", "Frankfurter").as_deref(),
        Some("support")
    );
    assert_eq!(
        stance(&d, "press-review", "Monde").as_deref(),
        Some("oppose")
    );
    assert_eq!(
        stance(&d, "press-review", "Guardian").as_deref(),
        Some("conditional")
    );
}

#[test]
fn another_policy_gives_no_shoot_down_stance() {
    let d = docs();
    let r = d.iter().find(|r| r.doc_id == "tariffs").unwrap();
    assert!(
        r.stances.iter().all(|s| s.topic != "shoot_down"),
        "{:?}",
        r.stances
    );
    assert!(
        r.actors.iter().any(|a| a.name == "Friedrich Merz"),
        "speakers are still found"
    );
}

/// A speaker after a semicolon holds only their own clause: "A wants X; B wants them
/// left alone" gives B no stance on X.
#[test]
fn a_semicolon_ends_the_previous_holders_clause() {
    let r = report_of(
        "semicolon",
        "The coastal states want the drones shot down; Norway wants them left alone.",
    );
    assert!(
        r.stances.iter().all(|s| s.actor != "norway"),
        "{:?}",
        r.stances
    );
}

/// A press review headed by outlet: "the paper" in a section is that section's outlet,
/// not an organisation named before the section.
#[test]
fn the_paper_is_the_outlet_of_its_section() {
    let text = "Nordic Digest\n\nPRESS REVIEW  ·  Monday, 6 October 2031\n\n\
After the balloons: what the papers say\n\n\
Three balloons drifted over the coast on Friday. Over the weekend, Norway requested \
consultations under Article 4 of the NATO treaty.\n\n\
Dagblad Noord, Tromsø: \"Enough\"\n\n\
The northern daily is out of patience. \"How long will NATO wait before it acts?\" the \
paper asks in its editorial. \"The balloons must be shot down.\"\n";
    let r = report_of("review", text);
    let holders: Vec<&str> = r.stances.iter().map(|s| s.actor.as_str()).collect();
    assert_eq!(holders, ["dagblad-noord"]);
}

/// A yes/no question reported in one sentence ("was asked whether …") and a short
/// answer opening the next statement ("His answer was short: 'Yes.'"): the answer takes
/// the question's target.
#[test]
fn a_short_answer_to_a_reported_question() {
    let r = report_of(
        "answer",
        "Harbour balloons\n\nMayor Ilse Brandt was asked on the radio whether the navy should fire on balloons over the harbour. His answer was short: \"Yes. That is what the navy is for.\"\n",
    );
    let brandt = r
        .actors
        .iter()
        .find(|a| a.name == "Ilse Brandt")
        .expect("actor");
    assert!(
        r.stances.iter().any(|s| s.actor == brandt.id
            && s.topic == "shoot_down"
            && s.stance.to_string() == "support"),
        "{:?}",
        r.stances
    );
}

/// "…, X said, adding that <her state> opposed …": a participle of saying opens the
/// content clause, so the official's state in it is the official's own side.
#[test]
fn adding_that_opens_the_officials_clause() {
    let r = report_of(
        "adding",
        "Harbour balloons\n\nThe coalition is united, Norwegian Defence Minister Kari Solberg said, adding that Norway nonetheless opposed any move to fire on the balloons.\n",
    );
    assert!(
        r.stances.iter().any(|s| s.actor == "kari-solberg"
            && s.topic == "shoot_down"
            && s.stance.to_string() == "oppose"),
        "{:?}",
        r.stances
    );
}

/// Another country's state or body is never an official's own side, and a claim the
/// speaker attributes to it ("X likes to say that …") is not the speaker's.
#[test]
fn a_foreign_body_is_not_the_officials_side() {
    let r = report_of(
        "foreign",
        "Harbour balloons\n\nThe Kremlin likes to say that the coast guard will never fire on the balloons, Norwegian Defence Minister Kari Solberg said.\n",
    );
    assert!(
        !r.stances
            .iter()
            .any(|s| s.actor == "kari-solberg" && s.topic == "shoot_down"),
        "{:?}",
        r.stances
    );
}

/// "…,” X said sarcastically": the manner adverb inverts what the words state.
#[test]
fn a_sarcastic_reporting_verb_inverts_the_words() {
    let r = report_of(
        "sarcasm",
        "Harbour balloons\n\n“Yes, let’s keep the balloons flying over our harbour for another fifty years instead of shooting them down,” Senator Ivo Sarn said sarcastically.\n",
    );
    let s = r
        .stances
        .iter()
        .find(|s| s.actor == "ivo-sarn" && s.topic == "shoot_down")
        .expect("a stance");
    assert_eq!(s.stance.to_string(), "support");
}
