//! Unit tests of attribution, with sentences written for these tests.

use crate::Attributor;
use crate::lexicon::CueLexicon;
use stancemap_actors::ActorFinder;
use stancemap_core::{Document, Meta, Span, Stage};
use stancemap_text::Segmenter;
use std::sync::Arc;

fn run_with(text: &str, genre: Option<&str>, attributor: &Attributor) -> Document {
    let mut doc = Document::new("t", text).with_meta(Meta {
        genre: genre.map(str::to_string),
        ..Meta::default()
    });
    Segmenter::default().process(&mut doc).unwrap();
    ActorFinder::default().process(&mut doc).unwrap();
    attributor.process(&mut doc).unwrap();
    doc
}

fn run(text: &str) -> Document {
    run_with(text, None, &Attributor::default())
}

/// (speaker name, statement text, quote) of every statement.
fn statements(doc: &Document) -> Vec<(String, String, bool)> {
    doc.statements
        .iter()
        .map(|s| {
            (
                doc.actor(s.actor).name.clone(),
                doc.slice(s.span).to_string(),
                s.quote,
            )
        })
        .collect()
}

fn speakers(doc: &Document) -> Vec<String> {
    statements(doc).into_iter().map(|s| s.0).collect()
}

#[test]
fn every_lexicon_example_finds_its_speaker() {
    let lex = CueLexicon::embedded();
    for e in lex.entries() {
        for ex in &e.examples {
            let doc = run(&ex.text);
            let found = doc.statements.iter().any(|s| {
                s.mention.is_some_and(|m| {
                    doc.slice(doc.mentions[m].span)
                        .eq_ignore_ascii_case(&ex.speaker)
                })
            });
            assert!(found, "{}: {:?} -> {:?}", e.id, ex.text, statements(&doc));
        }
    }
}

#[test]
fn quote_with_the_speaker_after() {
    let doc = run("“We will not back down,” said Irish Foreign Minister Sean Kelly.");
    assert_eq!(
        statements(&doc),
        [("Sean Kelly".into(), doc.text().into(), true)]
    );
}

#[test]
fn quote_with_the_speaker_before_and_a_colon() {
    let doc = run("Swedish Prime Minister Lars Berg said: “The border stays closed.”");
    assert_eq!(speakers(&doc), ["Lars Berg"]);
    assert!(doc.statements[0].quote);
}

#[test]
fn quote_in_the_next_sentence_continues_the_speaker() {
    let doc = run(
        "“The border stays closed,” Lars Berg, the Swedish prime minister, said. “Nobody will cross it.”",
    );
    let s = statements(&doc);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(s.iter().all(|x| x.0 == "Lars Berg" && x.2), "{s:?}");
}

#[test]
fn a_quote_inside_someone_elses_sentence_is_theirs() {
    let doc = run(
        "Spanish Defence Minister Rosa Vidal spoke first. The headline should read: “Europe stands together.”",
    );
    assert!(
        statements(&doc).iter().all(|s| !s.1.contains("headline")),
        "{:?}",
        statements(&doc)
    );
}

#[test]
fn reported_speech_with_reporting_verbs() {
    for (text, who) in [
        ("Italy warned against sending more troops.", "Italy"),
        (
            "Finnish President Aino Laine has repeatedly insisted that the talks continue.",
            "Aino Laine",
        ),
        (
            "Estonia this week called for an emergency meeting.",
            "Estonia",
        ),
        (
            "Greek Prime Minister Nikos Pappas pushed back against the plan.",
            "Nikos Pappas",
        ),
        (
            "Latvia’s envoy, Ilze Ozola, declined to say whether Riga would object.",
            "Ilze Ozola",
        ),
    ] {
        let doc = run(text);
        assert_eq!(speakers(&doc), [who], "{text}");
    }
}

#[test]
fn parenthetical_between_subject_and_verb() {
    let doc = run(
        "Polish Foreign Minister Adam Nowak, speaking at the United Nations, stated that the drones were Russian.",
    );
    assert_eq!(speakers(&doc), ["Adam Nowak"]);
}

#[test]
fn according_to_claims_absorb_the_cues_inside() {
    let doc = run("According to Marta Kral, Hungary believes the talks are over.");
    assert_eq!(speakers(&doc), ["Marta Kral"]);
}

#[test]
fn agents_of_passive_cues_and_coordination() {
    let doc = run(
        "The levy, as proposed by the European Commission and now Germany, would raise billions.",
    );
    let mut s = speakers(&doc);
    s.sort();
    assert_eq!(s, ["European Commission", "Germany"]);
}

#[test]
fn participles_continue_the_subject() {
    let doc = run("Norway declined to comment, saying the inquiry was still open.");
    assert_eq!(speakers(&doc), ["Norway"]);
}

#[test]
fn hypothetical_clauses_give_no_statement() {
    let doc = run("It is unclear whether Belgium would support the plan.");
    assert!(doc.statements.is_empty(), "{:?}", statements(&doc));
}

#[test]
fn pronoun_speaker() {
    let doc =
        run("Czech Prime Minister Jan Dvorak arrived late. “We are ready,” he told reporters.");
    assert_eq!(speakers(&doc), ["Jan Dvorak"]);
}

#[test]
fn transcript_speaker_labels() {
    let doc = run(
        "Mr Paul Grant (Con): The Government must act.\n\nMs Jo Hart (Lab): It already has. It will again.",
    );
    let s = statements(&doc);
    assert_eq!(s.iter().filter(|x| x.0 == "Paul Grant").count(), 1, "{s:?}");
    assert_eq!(s.iter().filter(|x| x.0 == "Jo Hart").count(), 2, "{s:?}");
}

#[test]
fn a_clause_ending_in_a_colon_is_no_label() {
    let doc = run("Stakeholders include: Latvia, Estonia and Lithuania.");
    assert!(doc.statements.is_empty(), "{:?}", statements(&doc));
}

#[test]
fn headings_give_no_statement() {
    let doc = run("Hungary says no\n\nThe vote was delayed.");
    assert!(doc.statements.is_empty(), "{:?}", statements(&doc));
}

#[test]
fn author_statements_only_on_topical_sentences_of_opinion_pieces() {
    let text = "The sanctions are working. Europe must seize the frozen reserves now.";
    let mut a = Attributor::default();
    a.topical(Arc::new(|d: &Document| {
        d.text()
            .find("frozen")
            .map(|i| Span::new(i, i + 6))
            .into_iter()
            .collect()
    }));
    let doc = run_with(text, Some("opinion"), &a);
    assert_eq!(
        statements(&doc),
        [(
            "Author".into(),
            "Europe must seize the frozen reserves now.".into(),
            false
        )]
    );
    let news = run_with(text, Some("news"), &a);
    assert!(news.statements.is_empty());
}

#[test]
fn according_to_a_titled_name() {
    let doc =
        run("According to Estonian Prime Minister Kaarel Tamm, the incursions were deliberate.");
    assert_eq!(speakers(&doc), ["Kaarel Tamm"]);
}
