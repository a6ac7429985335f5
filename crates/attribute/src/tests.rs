//! Unit tests of attribution, with sentences written for these tests.

use crate::Attributor;
use crate::lexicon::ReportingCues;
use stancemap_actors::ActorFinder;
use stancemap_core::{Document, Meta, Span, Stage, TopicSpan, TopicTerm};
use stancemap_text::Segmenter;

/// Attribution of a document of a genre; with a `topic` word, its occurrences are where
/// the text touches a topic (what the topic tagger writes).
fn run_with(text: &str, genre: Option<&str>, topic: Option<&str>) -> Document {
    let mut doc = Document::new("t", text).with_meta(Meta {
        genre: genre.map(str::to_string),
        ..Meta::default()
    });
    Segmenter::default().process(&mut doc).unwrap();
    ActorFinder::default().process(&mut doc).unwrap();
    doc.topic_spans = topic.map(|w| {
        text.match_indices(w)
            .map(|(i, _)| TopicSpan {
                topic: "t".into(),
                span: Span::new(i, i + w.len()),
                kind: TopicTerm::Target,
            })
            .collect()
    });
    Attributor::default().process(&mut doc).unwrap();
    doc
}

fn run(text: &str) -> Document {
    run_with(text, None, None)
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

/// The content of the first statement of the actor named `speaker`.
fn content_of<'d>(doc: &'d Document, speaker: &str) -> &'d str {
    let s = doc
        .statements
        .iter()
        .find(|s| doc.actor(s.actor).name == speaker)
        .unwrap_or_else(|| panic!("{speaker} speaks"));
    doc.slice(s.content)
}

#[test]
fn every_lexicon_example_finds_its_speaker() {
    let lex = ReportingCues::embedded();
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
fn participles_continue_a_titled_subject() {
    let doc = run("Danish envoy Lars Holm went further, saying the jets should be shot down.");
    assert_eq!(speakers(&doc), ["Lars Holm"]);
    let doc = run("In Oslo, the talks stalled, saying nothing.");
    assert!(speakers(&doc).is_empty());
}

#[test]
fn viewpoint_adjuncts_with_a_possessive_name_the_last_person() {
    let doc = run(
        "Analyst Maria Lopez has studied the levy for years. In her view, the tax should rise. According to her, the risks are small.",
    );
    assert_eq!(speakers(&doc), ["Maria Lopez", "Maria Lopez"]);
}

#[test]
fn an_unnamed_counterpart_relays_the_states_position() {
    let doc = run("Your Danish counterpart said last week that Denmark would not raise the levy.");
    assert_eq!(speakers(&doc), ["Denmark"]);
}

#[test]
fn a_colon_closing_a_paragraph_hands_the_next_quotation_to_its_speaker() {
    let doc = run(
        "Prime Minister Lene Holm spoke in the yard. Beside the president, she said:\n\n\u{201c}We will raise the levy.\u{201d}\n\nThe talks went on.",
    );
    let s = statements(&doc);
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(s.iter().all(|x| x.0 == "Lene Holm"), "{s:?}");
}

#[test]
fn a_message_before_a_colon_is_the_subjects() {
    let doc = run(
        "Senator Ada Moretti, who chairs the finance committee, has toured the studios with a simple message: cut the levy now.",
    );
    assert_eq!(speakers(&doc), ["Ada Moretti"]);
}

#[test]
fn an_official_stating_their_states_course_speaks_for_it_too() {
    let doc =
        run("Norway will not raise the levy this year, Prime Minister Ola Berg told the Storting.");
    let mut s = speakers(&doc);
    s.sort();
    assert_eq!(s, ["Norway", "Ola Berg"]);
    // an analyst's forecast is not the state's
    let doc = run("Norway will not raise the levy this year, analyst Ola Berg told the Storting.");
    assert_eq!(speakers(&doc), ["Ola Berg"]);
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
    let text = "The sanctions are working.\n\nEurope must seize the frozen reserves now.";
    let doc = run_with(text, Some("opinion"), Some("frozen"));
    assert_eq!(
        statements(&doc),
        [(
            "Author".into(),
            "Europe must seize the frozen reserves now.".into(),
            false
        )]
    );
    let news = run_with(text, Some("news"), Some("frozen"));
    assert!(news.statements.is_empty());
}

#[test]
fn according_to_a_titled_name() {
    let doc =
        run("According to Estonian Prime Minister Kaarel Tamm, the incursions were deliberate.");
    assert_eq!(speakers(&doc), ["Kaarel Tamm"]);
}

fn sorted_speakers(doc: &Document) -> Vec<String> {
    let mut s = speakers(doc);
    s.sort();
    s.dedup();
    s
}

#[test]
fn reporting_verbs_beyond_said() {
    for (text, who) in [
        (
            "Dutch Finance Minister Pieter Smit struck a cautious note on the levy.",
            "Pieter Smit",
        ),
        (
            "Irish Prime Minister Sean Kelly wants the tunnel closed.",
            "Sean Kelly",
        ),
        (
            "Greek Defence Minister Nikos Pappas ruled out a second bridge.",
            "Nikos Pappas",
        ),
        (
            "Czech President Petr Novak echoed the demand for a referendum.",
            "Petr Novak",
        ),
        (
            "Slovak Foreign Minister Jan Hlina posted on X that the talks had failed.",
            "Jan Hlina",
        ),
        (
            "Austrian Chancellor Franz Huber requested an urgent meeting.",
            "Franz Huber",
        ),
        (
            "Latvian MP Ilze Ozola mocked the plan as a fantasy.",
            "Ilze Ozola",
        ),
    ] {
        assert_eq!(speakers(&run(text)), [who], "{text}");
    }
}

#[test]
fn inverted_speakers_with_lower_case_titles_and_questions() {
    let doc = run("The tunnel stays shut, noted opposition MP Karel Dvorak.");
    assert_eq!(speakers(&doc), ["Karel Dvorak"]);
    let doc = run("“Who will pay for the road?” asked Dutch MP Sanne Vos.");
    assert_eq!(speakers(&doc), ["Sanne Vos"]);
}

#[test]
fn the_subject_of_the_reported_clause_is_no_inverted_speaker() {
    let doc = run(
        "The envoy of Malta, Paul Borg, said NATO “should think very carefully” about the border.",
    );
    assert!(
        !speakers(&doc).contains(&"NATO".to_string()),
        "{:?}",
        statements(&doc)
    );
}

#[test]
fn colon_quotes_and_quotes_before_their_speaker() {
    let doc = run("Irish Prime Minister Sean Kelly put it bluntly: “Nobody will pay that bill.”");
    assert_eq!(speakers(&doc), ["Sean Kelly"]);
    assert!(doc.statements[0].quote);
    let doc = run(
        "“If they close the road, we will reopen it.” That was the message from Czech Interior Minister Pavel Novak on Friday.",
    );
    let s = statements(&doc);
    assert!(s.iter().any(|x| x.0 == "Pavel Novak" && x.2), "{s:?}");
}

#[test]
fn for_x_frames_a_view() {
    let doc = run("For Belgium’s finance minister, Luc Peeters, the levy is out of the question.");
    assert_eq!(speakers(&doc), ["Luc Peeters"]);
    assert_eq!(
        doc.slice(doc.statements[0].content),
        "the levy is out of the question."
    );
}

#[test]
fn for_x_frames_a_view_after_a_title_run() {
    let doc = run("For retired admiral Jan Kowal, the canal should never have been sold.");
    assert_eq!(speakers(&doc), ["Jan Kowal"]);
    // a title run must lead to a person: no view for a body after a clause
    let doc = run("For the first time in years, Greece raised the levy.");
    assert!(doc.statements.is_empty(), "{:?}", statements(&doc));
}

#[test]
fn a_body_before_a_role_qualifies_the_person_after_it() {
    let doc = run("The levy must rise, said UN spokesperson Ana Ruiz.");
    assert_eq!(speakers(&doc), ["Ana Ruiz"]);
    let doc = run(
        "The canal will stay closed, according to the authority’s deputy spokesperson, Ana Ruiz.",
    );
    assert_eq!(speakers(&doc), ["Ana Ruiz"]);
    // four lower-case role words before the name
    let doc = run("The bridge is safe, said former Danish coast guard commander Ole Holm.");
    assert_eq!(speakers(&doc), ["Ole Holm"]);
}

#[test]
fn coordinated_subjects_all_speak() {
    let doc = run("Romania, Bulgaria and Greece agree that the tunnel should be closed.");
    assert_eq!(sorted_speakers(&doc), ["Bulgaria", "Greece", "Romania"]);
    let doc =
        run("According to two diplomats, Greece and Cyprus argued that the levy should wait.");
    assert_eq!(sorted_speakers(&doc), ["Cyprus", "Greece"]);
}

#[test]
fn a_spokespersons_content_runs_through_the_body_they_speak_for() {
    let doc = run(
        "Government spokeswoman Ada Roe said Vienna backed the plan but warned that the toll would hurt farmers.",
    );
    let content = content_of(&doc, "Ada Roe");
    assert!(content.contains("would hurt farmers"), "{content:?}");
}

#[test]
fn a_rejected_assertion_keeps_its_clause_in_the_rejecters_content() {
    let doc = run(
        "Senator Ada Roe rejected Mayor Jan Holm's assertion that Malta was ready to close the port.",
    );
    let content = content_of(&doc, "Ada Roe");
    assert!(content.contains("ready to close the port"), "{content:?}");
}

#[test]
fn a_statement_noun_before_a_participle_names_its_author() {
    let doc =
        run("The Maltese Transport Ministry issued a brief statement urging calm at the ports.");
    assert_eq!(speakers(&doc).len(), 1, "{:?}", speakers(&doc));
}

#[test]
fn a_polled_share_of_a_group_speaks_for_it() {
    let doc = run("Sixty percent of Danes oppose the new toll, a survey showed.");
    assert_eq!(speakers(&doc), ["Danes"]);
    // any other preposition still governs its noun phrase
    let doc = run("Few in Denmark oppose the new toll.");
    assert!(speakers(&doc).is_empty(), "{:?}", speakers(&doc));
}

#[test]
fn the_subjects_of_an_elliptical_clause_hold_the_sentence() {
    let doc = run("Greece wants the tunnel closed; Malta and Cyprus do not.");
    assert_eq!(sorted_speakers(&doc), ["Cyprus", "Greece", "Malta"]);
    assert_eq!(content_of(&doc, "Malta"), doc.slice(doc.sentences[0].span));
    // no ellipsis: a full clause after the semicolon
    let doc = run("Greece wants the tunnel closed; Malta and Cyprus met in Rome.");
    assert_eq!(sorted_speakers(&doc), ["Greece"]);
}

#[test]
fn a_participle_or_semicolon_after_an_inverted_cue_continues_the_content() {
    let doc = run(
        "Every closure costs the port a week, harbour master Ida Lund said, arguing for a new lock.",
    );
    assert_eq!(speakers(&doc), ["Ida Lund"]);
    let content = doc.slice(doc.statements[0].content);
    assert!(content.starts_with("Every closure"), "{content:?}");
    assert!(content.contains("arguing for a new lock"), "{content:?}");
    let doc = run("The lock stays shut, harbour master Ida Lund said; each ship will be assessed.");
    let content = doc.slice(doc.statements[0].content);
    assert!(content.starts_with("The lock stays shut"), "{content:?}");
    assert!(
        content.ends_with("each ship will be assessed."),
        "{content:?}"
    );
}

#[test]
fn relayed_coordinated_subjects_keep_their_shared_clause() {
    let doc = run("Aides said Malta and Cyprus were stalling the reform of the ferry tariffs.");
    assert_eq!(sorted_speakers(&doc), ["Cyprus", "Malta"]);
    for s in &doc.statements {
        assert!(
            doc.slice(s.content).contains("were stalling the reform"),
            "{:?}",
            doc.slice(s.content)
        );
    }
}

#[test]
fn unnamed_sources_only_relay() {
    let doc = run(
        "Officials familiar with the negotiations said Greece and Cyprus had blocked the draft.",
    );
    assert_eq!(sorted_speakers(&doc), ["Cyprus", "Greece"]);
    let doc = run(
        "Sources close to the Danish government said Copenhagen was pushing the alliance to act.",
    );
    assert_eq!(sorted_speakers(&doc), ["Denmark"]);
}

#[test]
fn second_hand_reports_are_the_assurers() {
    let doc = run(
        "Slovak Foreign Minister Jan Hlina said Austrian Chancellor Franz Huber had assured him that Vienna would back the plan.",
    );
    let s = statements(&doc);
    assert!(s.iter().any(|x| x.0 == "Franz Huber"), "{s:?}");
}

#[test]
fn positions_reported_as_nouns_belong_to_their_holders() {
    let doc = run(
        "Czech President Petr Novak backed Slovak Prime Minister Jan Hlina’s call to close the border.",
    );
    assert_eq!(sorted_speakers(&doc), ["Jan Hlina", "Petr Novak"]);
    // the backer's content is not cut at the holder
    assert!(content_of(&doc, "Petr Novak").contains("close the border"));
    let doc = run("The Irish government rejected calls from Portugal and Spain to raise the levy.");
    assert_eq!(sorted_speakers(&doc), ["Ireland", "Portugal", "Spain"]);
}

#[test]
fn role_nouns_and_they_resolve_to_earlier_actors() {
    let doc = run(
        "Norwegian Defence Minister Eirik Dahl arrived late. The minister later told journalists that the bridge would stay closed.",
    );
    assert_eq!(speakers(&doc), ["Eirik Dahl"]);
    let doc = run("Austria, Hungary and Slovakia met on Monday. They want the border reopened.");
    assert_eq!(sorted_speakers(&doc), ["Austria", "Hungary", "Slovakia"]);
    let doc = run(
        "The Estonian government has chosen a narrower path. In March, the government said that each case would be assessed separately.",
    );
    assert!(
        doc.statements
            .iter()
            .filter(|s| doc.actor(s.actor).name == "Estonia")
            .count()
            >= 2
    );
}

#[test]
fn it_before_a_reporting_verb_is_the_last_organisation() {
    let doc = run(
        "The Slovak Foreign Ministry issued a statement on Friday. “Closing the border serves nobody,” it said.",
    );
    let s = statements(&doc);
    assert!(
        s.iter().any(|x| x.2 && x.1.contains("serves nobody")),
        "{s:?}"
    );
}

#[test]
fn a_comment_clause_keeps_the_claim_for_its_speaker() {
    let doc = run(
        "Greek Defence Minister Nikos Pappas spoke after the vote. Greece, he stressed, is not asking anyone to pay.",
    );
    assert!(
        !speakers(&doc).contains(&"Greece".to_string()),
        "{:?}",
        statements(&doc)
    );
}

#[test]
fn catenative_verbs_before_a_reporting_verb() {
    let doc =
        run("Poland's deputy finance minister, Adam Nowak, likes to say that a levy is a tax.");
    assert_eq!(speakers(&doc), ["Adam Nowak"]);
}

#[test]
fn a_place_in_a_speaker_label_is_a_dateline() {
    let doc = run("Jan Hlina, Vienna: “The levy is a tax by another name.”");
    assert!(
        !speakers(&doc).contains(&"Austria".to_string()),
        "{:?}",
        statements(&doc)
    );
}

#[test]
fn author_voice_runs_through_a_topical_paragraph_but_not_over_reports() {
    let text = "Europe must seize the frozen reserves now. I think anything less is a mistake.\n\nThe weather was poor. Anna Roe says otherwise about the frozen reserves.";
    let doc = run_with(text, Some("opinion"), Some("frozen"));
    let author: Vec<String> = statements(&doc)
        .into_iter()
        .filter(|s| s.0 == "Author")
        .map(|s| s.1)
        .collect();
    assert_eq!(
        author,
        [
            "Europe must seize the frozen reserves now.",
            "I think anything less is a mistake."
        ]
    );
}

#[test]
fn outlets_in_a_press_review_are_referred_to_by_press_nouns() {
    let doc = run(
        "Le Monde is blunter. The Paris daily argues that the tunnel must close. \"It is time to act now,\" its lead editorial says.",
    );
    let s = statements(&doc);
    assert!(!s.is_empty(), "{s:?}");
    assert!(s.iter().all(|x| x.0 == "Le Monde"), "{s:?}");
    assert_eq!(s.len(), 2, "{s:?}");
    let doc = run(
        "The Financial Times argues that the levy is a mistake. \"Nobody will ever pay it,\" the paper writes.",
    );
    let s = statements(&doc);
    assert!(s.iter().any(|x| x.0 == "Financial Times" && x.2), "{s:?}");
}

#[test]
fn a_modifier_ending_in_ly_is_no_adverb() {
    // "daily" is the subject's head, not an adverb between a capital and its verb
    let doc = run("The Madrid daily argues that the tunnel must close.");
    assert!(
        !speakers(&doc).contains(&"Spain".to_string()),
        "{:?}",
        statements(&doc)
    );
}

#[test]
fn passives_conditions_and_places_give_no_statement() {
    for text in [
        "Leaders are expected to discuss the tunnel on Friday.",
        "Europe will act once Austria has decided.",
        "Many in Prague, Vienna and Madrid quietly agree with the plan.",
        "Voters in Little Brackwell, Vienna and Madrid largely back the plan.",
    ] {
        let doc = run(text);
        assert!(doc.statements.is_empty(), "{text}: {:?}", statements(&doc));
    }
}

#[test]
fn a_subject_after_an_introductory_phrase_with_a_list() {
    let doc = run("In talks with Estonia and Latvia, Lithuania said the tunnel would close.");
    assert_eq!(speakers(&doc), ["Lithuania"]);
}

#[test]
fn his_answer_after_a_question_put_to_him() {
    let doc = run(
        "Czech President Petr Novak was asked in an interview whether the tunnel should close. His answer was short: “Yes. Close it tonight, before anyone else dies.”",
    );
    let s = statements(&doc);
    assert!(s.iter().any(|x| x.0 == "Petr Novak" && x.2), "{s:?}");
}

#[test]
fn a_titled_appositive_speaker_after_the_content() {
    let doc = run(
        "Our engineers would not hesitate to close the tunnel, the commander of the Czech engineering corps, Gen. Pavel Novak, said.",
    );
    assert_eq!(speakers(&doc), ["Pavel Novak"]);
    assert!(
        doc.slice(doc.statements[0].content)
            .starts_with("Our engineers would not")
    );
    let doc = run("The tunnel will close for good, said the regional commander, Gen. Pavel Novak.");
    assert_eq!(speakers(&doc), ["Pavel Novak"]);
    // the deputy prime minister states the state's course: Greece's position too
    let doc =
        run("Greece will not pay the levy, Deputy Prime Minister Nikos Pappas told parliament.");
    assert_eq!(speakers(&doc), ["Nikos Pappas", "Greece"]);
    assert!(
        doc.slice(doc.statements[0].content)
            .starts_with("Greece will not pay")
    );
}

#[test]
fn a_quoting_outlet_relays_and_the_quoted_speaker_keeps_the_statement() {
    let doc = run(
        "Quoted by the European Commission, Greek Defence Minister Nikos Pappas said the tunnel would close.",
    );
    assert_eq!(speakers(&doc), ["Nikos Pappas"]);
}

#[test]
fn neither_nor_and_lists_after_a_semicolon() {
    let doc = run("Neither Austria nor Hungary wants the tunnel closed, diplomats said.");
    assert_eq!(sorted_speakers(&doc), ["Austria", "Hungary"]);
    let doc = run("Poland has come round to the levy; Austria and Hungary remain hesitant.");
    assert_eq!(sorted_speakers(&doc), ["Austria", "Hungary", "Poland"]);
}

#[test]
fn decisions_of_institutions() {
    let doc = run("The Bundestag passed a law allowing the army to close the tunnel.");
    assert_eq!(speakers(&doc), ["Bundestag"]);
}

#[test]
fn a_modified_government_is_not_the_last_government() {
    let doc = run(
        "The Estonian government has chosen a narrower path. In Berlin, the federal government approved a law that closes the tunnel.",
    );
    let estonia = doc
        .statements
        .iter()
        .filter(|s| doc.actor(s.actor).name == "Estonia")
        .count();
    assert_eq!(estonia, 1, "{:?}", statements(&doc));
}

#[test]
fn an_object_after_the_cue_is_the_content() {
    let doc = run("Amid demands to close the tunnel, the Spanish government urged restraint.");
    assert_eq!(speakers(&doc), ["Spain"]);
    assert_eq!(doc.slice(doc.statements[0].content).trim(), "restraint.");
}

#[test]
fn spokespeople_speak_for_their_institution() {
    let doc = run("Greece will not pay the levy, a Greek government spokesperson said on Friday.");
    assert_eq!(speakers(&doc), ["Greece"]);
    let doc = run("Ministry spokesperson Ana Veltri said Slovakia would not send its engineers.");
    assert_eq!(sorted_speakers(&doc), ["Ana Veltri", "Slovakia"]);
}

#[test]
fn whatever_x_says_is_no_statement_of_x() {
    let doc = run("The levy is lawful, whatever Hungary likes to say.");
    assert!(doc.statements.is_empty(), "{:?}", statements(&doc));
}

#[test]
fn a_split_quote_keeps_both_halves() {
    let doc = run(
        "“We will close the tunnel,” Greek Defence Minister Nikos Pappas said, “and we will not apologise for it.”",
    );
    assert_eq!(speakers(&doc), ["Nikos Pappas"]);
    let content = doc.slice(doc.statements[0].content);
    assert!(
        content.contains("close the tunnel") && content.contains("apologise"),
        "{content}"
    );
}

#[test]
fn a_date_ends_the_introductory_phrase_before_a_list_of_subjects() {
    let doc = run(
        "At a meeting in Oskarby on Friday, Austria and Spain argued that the tunnel must close.",
    );
    let sp = speakers(&doc);
    assert!(
        sp.contains(&"Austria".to_string()) && sp.contains(&"Spain".to_string()),
        "{:?}",
        statements(&doc)
    );
}

#[test]
fn a_concessive_free_relative_reports_nothing() {
    let doc =
        run("Downing a balloon over one's own farms is self-defence, whatever Ana Veltri says.");
    assert!(doc.statements.is_empty(), "{:?}", statements(&doc));
    let doc = run("Ana Veltri says that balloons are harmless.");
    assert_eq!(doc.statements.len(), 1, "{:?}", statements(&doc));
}

/// A speaker after the clause: the content runs up to the comma before the speaker's
/// noun phrase, not to the comma that closes a fronted clause.
#[test]
fn a_fronted_clause_stays_in_the_content_of_a_post_posed_speaker() {
    let content = |text: &str| {
        let doc = run(text);
        let s = &doc.statements[0];
        doc.slice(s.content).to_string()
    };
    assert_eq!(
        content("If the balloons come back, we will bring them down, Ola Brenn said."),
        "If the balloons come back, we will bring them down"
    );
    assert_eq!(
        content(
            "The balloons must be stopped, the head of the coast guard, Capt. Ola Brenn, said."
        ),
        "The balloons must be stopped"
    );
    assert_eq!(
        content("The coalition must decide, and bring them down, Ola Brenn said."),
        "The coalition must decide, and bring them down"
    );
}

/// "A spokesperson for X said": the unnamed spokesperson's institution speaks; a
/// preposition before any other subject still blocks it ("talks with X said" is no one).
#[test]
fn an_unnamed_spokesperson_for_an_institution_is_the_institution() {
    let doc = run("A spokesperson for NATO said the patrols would continue.");
    assert_eq!(speakers(&doc), ["NATO"]);
    let doc = run("A spokesman for the Latvian defence ministry said the patrols would continue.");
    assert_eq!(speakers(&doc), ["Ministry of Defence of Latvia"]);
    let doc = run("Diplomats close to NATO said the patrols would continue.");
    assert!(!speakers(&doc).contains(&"NATO".to_string()));
}

/// An official reporting their own state's position states it too: the state's clause
/// stays in the official's content; another state's clause does not.
#[test]
fn an_officials_own_state_clause_stays_in_their_content() {
    let doc = run("Danish Prime Minister Ole Brask said Denmark was ready to send engineers.");
    let c = content_of(&doc, "Ole Brask");
    assert!(c.contains("ready to send engineers"), "{c}");
    let doc = run("Danish Prime Minister Ole Brask said Norway was ready to send engineers.");
    let c = content_of(&doc, "Ole Brask");
    assert!(!c.contains("ready to send engineers"), "{c}");
}

/// "said yesterday that …": a time adjunct between the cue and "that" still reports what
/// follows; "said on Friday." reports what came before.
#[test]
fn a_time_adjunct_before_that_keeps_the_reported_clause() {
    let content = |text: &str| {
        let doc = run(text);
        let s = &doc.statements[0];
        doc.slice(s.content).to_string()
    };
    assert!(
        content(
            "Latvia's interior minister, Ola Brenn, said yesterday that the patrols would continue."
        )
        .contains("the patrols would continue"),
    );
    assert_eq!(
        content("The patrols will continue, Interior Minister Ola Brenn said on Friday."),
        "The patrols will continue"
    );
}

/// "Asked if …, X said simply: 'No.'": a colon after the verb (and an adverb) hands
/// over what follows; the fronted participle is context, not the content.
#[test]
fn a_colon_after_said_simply_gives_the_content() {
    let doc =
        run("Asked if the navy would patrol the fjord, Admiral Pavel Novak said simply: \"No.\"");
    assert_eq!(speakers(&doc), ["Pavel Novak"]);
    let content = doc.slice(doc.statements[0].content);
    assert!(
        content.ends_with("\"No.\"") && !content.contains("Asked"),
        "{content}"
    );
}

#[test]
fn a_bare_reporting_sentence_reports_the_question_before_it() {
    let doc = run("Why should the harbour pay for the storm? Mayor Ana Roe asked on the radio.");
    assert_eq!(
        content_of(&doc, "Ana Roe"),
        "Why should the harbour pay for the storm?"
    );
    // a statement of its own after the verb keeps its content
    let doc = run("Why should the harbour pay? Mayor Ana Roe said the storm was nobody's fault.");
    assert_eq!(
        content_of(&doc, "Ana Roe").trim(),
        "the storm was nobody's fault."
    );
    // another speaker's question is not the mayor's
    let doc =
        run("“Why should the harbour pay?” Ivo Sarn asked. Mayor Ana Roe asked on the radio.");
    assert!(!content_of(&doc, "Ana Roe").contains("harbour"));
}

/// "CONTENT, X said" with commas inside the content: the comma that opens the speaker's
/// noun phrase ends the content, not the first comma after a fronted clause.
#[test]
fn the_content_before_a_speaker_runs_to_the_comma_that_opens_the_speaker() {
    let doc = run(
        "The toll must be cut so that, if traffic keeps falling, opening the bridge becomes an option, Senator Ada Roe said.",
    );
    let content = content_of(&doc, "Ada Roe");
    assert!(content.contains("becomes an option"), "{content:?}");
    let doc = run("The toll must go, the leader of the farmers' union, Ada Roe, said.");
    assert_eq!(content_of(&doc, "Ada Roe"), "The toll must go");
}
