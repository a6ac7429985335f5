use super::*;
use stancemap_core::TurnKind;

#[test]
fn data_examples() {
    let data = TurnData::embedded();
    for ex in &data.examples {
        let l = parse_label(&data, &ex.label).unwrap_or_else(|| panic!("no label: {}", ex.label));
        assert_eq!(l.name, ex.name, "{}", ex.label);
        if ex.role.is_some() {
            assert_eq!(l.role, ex.role, "{}", ex.label);
        }
        let kind = match ex.kind.as_str() {
            "chair" => TurnKind::Chair,
            "interviewer" => TurnKind::Interviewer,
            "interjection" => TurnKind::Interjection,
            _ => TurnKind::Speaker,
        };
        assert_eq!(l.kind, kind, "{}", ex.label);
        assert_eq!(l.affiliation, ex.affiliation, "{}", ex.label);
    }
}

#[test]
fn days_and_months_open_no_label_from_the_shared_classes() {
    let data = TurnData::embedded();
    for w in ["Monday", "May", "SEPTEMBER", "Sept.", "Volume", "page"] {
        let expect = w != "Sept.";
        assert_eq!(data.not_name(w), expect, "{w}");
    }
    assert!(!data.not_name("Maya"));
    assert!(parse_label(&data, "Thursday").is_none());
    assert!(parse_label(&data, "Ana Roe").is_some());
    // Other shared classes: the day is no longer one, and the lexicon reads that.
    let file = "weekdays = []\nmonths = []\nmodals = []\nauxiliaries = []\n\
        subject_pronouns = []\nprepositions = []\nhonorifics = []\nnot_name = []\n";
    let classes = stancemap_core::WordClasses::parse("english.toml", file).unwrap();
    let data = TurnData::embedded_with_classes(std::sync::Arc::new(classes));
    assert!(!data.not_name("Monday") && data.not_name("Volume"));
    assert!(parse_label(&data, "Thursday").is_some());
}

use stancemap_actors::ActorFinder;
use stancemap_attribute::Attributor;
use stancemap_core::{Document, Stage};
use stancemap_text::Segmenter;

/// Turns, sentences, actors, attribution and turn statements over a text.
fn run(text: &str) -> Document {
    let mut doc = Document::new("t", text);
    TurnFinder::default().process(&mut doc).unwrap();
    Segmenter::default().process(&mut doc).unwrap();
    ActorFinder::default().process(&mut doc).unwrap();
    Attributor::default().process(&mut doc).unwrap();
    let mut speakers = TurnSpeakers::default();
    let lexicon = stancemap_actors::ActorLexicon::embedded();
    speakers.country_lookup(std::sync::Arc::new(move |s: &str| {
        lexicon.registry().country(s).map(|c| c.name.clone())
    }));
    speakers.process(&mut doc).unwrap();
    doc
}

/// The speaker of the statement covering `needle`.
fn speakers_of<'a>(doc: &'a Document, needle: &str) -> Vec<&'a str> {
    let at = doc
        .text()
        .find(needle)
        .unwrap_or_else(|| panic!("{needle}"));
    doc.statements
        .iter()
        .filter(|s| s.span.start <= at && at < s.span.end)
        .map(|s| doc.actor(s.actor).name.as_str())
        .collect()
}

#[test]
fn web_page_headings_with_links() {
    let text = "Commons Chamber\nHarbour Safety\n\n\
        Ewan Callow Portrait Ewan Callow (Harbourside) (Con)\n- View Speech - Hansard - - - Excerpts\n\n\
        The ferries are unsafe and the port authority has ignored every warning for a decade.\n\n\
        Ada Pellow Portrait The Minister for Ports (Ada Pellow)\n- View Speech - Hansard - - - Excerpts\n\n\
        I thank the hon. Gentleman for raising this matter with the House today.\n\n\
        A second inspection will take place in the spring, and I will report back.\n\n\
        Ruth Ambler Portrait Madam Deputy Speaker (Ruth Ambler)\n- Hansard - - - Excerpts\n\n\
        Order. I call the next speaker to the Dispatch Box.\n\n\
        Ewan Callow Portrait Ewan Callow\n- View Speech - Hansard - - - Excerpts\n\n\
        The Minister has given the House no date for the inspection at all.\n";
    let doc = run(text);
    assert_eq!(doc.meta.genre.as_deref(), Some("transcript"));
    assert_eq!(speakers_of(&doc, "The ferries are unsafe"), ["Ewan Callow"]);
    // a turn over two paragraphs stays with its speaker
    assert_eq!(speakers_of(&doc, "A second inspection"), ["Ada Pellow"]);
    // the chair speaks, but carries no statement
    assert!(speakers_of(&doc, "I call the next speaker").is_empty());
    assert_eq!(
        speakers_of(&doc, "no date for the inspection"),
        ["Ewan Callow"]
    );
    let ada = doc.actors.iter().find(|a| a.name == "Ada Pellow").unwrap();
    assert_eq!(ada.role.as_deref(), Some("Minister for Ports"));
    // the heading is furniture: no actor is named "… Portrait …"
    assert!(!doc.actors.iter().any(|a| a.name.contains("Portrait")));
    assert_eq!(
        doc.actors
            .iter()
            .filter(|a| a.name == "Ewan Callow")
            .count(),
        1
    );
}

#[test]
fn inline_labels_interjections_and_delegations() {
    let text = "Fourth sitting of the Assembly\n\n\
        Mr Speaker: I give the floor to Ms Hana Brezova of the Green Alliance.\n\n\
        Ms Brezova (Green Alliance): Mr Speaker, the levy on fishing boats is unfair to small harbours. (Applause)\n\n\
        It must be withdrawn before the summer season begins.\n\n\
        Hon. Members: Hear, hear!\n\n\
        Mr. Okonjo (Kenya): My delegation shares the concern about coastal livelihoods.\n\n\
        Mr Speaker: Thank you. The sitting is closed.\n";
    let doc = run(text);
    assert_eq!(speakers_of(&doc, "the levy on fishing"), ["Hana Brezova"]);
    assert_eq!(speakers_of(&doc, "It must be withdrawn"), ["Hana Brezova"]);
    assert!(speakers_of(&doc, "Hear, hear").is_empty());
    assert!(doc.in_boilerplate(stancemap_core::Span::new(
        text.find("(Applause)").unwrap(),
        text.find("(Applause)").unwrap() + 10
    )));
    let okonjo = doc.actors.iter().find(|a| a.name == "Okonjo").unwrap();
    // the delegation is the speaker's country
    assert_eq!(okonjo.role.as_deref(), Some("Representative of Kenya"));
    assert_eq!(okonjo.country.as_deref(), Some("Kenya"));
    assert!(speakers_of(&doc, "The sitting is closed").is_empty());
}

#[test]
fn verbatim_with_groups_and_blue_cards() {
    let text = "Plenary sitting | Verbatim report of proceedings\n\n\
        President. – The next item is the debate on fisheries quotas.\n\n\
        Petra Sandvik, on behalf of the Renew Group. – (SV) Madam President, the quotas must be cut this year, and my group will vote for the cut.\n\n\
        Jonas Ferreira (S&D), blue-card question. – Does the Member accept that coastal towns will lose jobs?\n\n\
        Petra Sandvik (Renew), blue-card answer. – Some jobs will change, but empty seas employ nobody.\n\n\
        President. – The debate is closed.\n";
    let doc = run(text);
    assert_eq!(
        speakers_of(&doc, "the quotas must be cut"),
        ["Petra Sandvik"]
    );
    assert_eq!(
        speakers_of(&doc, "coastal towns will lose"),
        ["Jonas Ferreira"]
    );
    assert_eq!(speakers_of(&doc, "empty seas employ"), ["Petra Sandvik"]);
    assert!(speakers_of(&doc, "next item is the debate").is_empty());
    assert!(!doc.actors.iter().any(|a| a.name.contains("Madam")));
}

#[test]
fn press_conference_questions_report_others() {
    let text = "Press conference by the Transport Commissioner\n\n\
        Spokesperson Lea Dorn: Good morning. The Commissioner will take a few questions.\n\n\
        Commissioner Marek Halvorsen: Thank you, Lea. Rail tickets across the Union should be cheaper, and we will propose it.\n\n\
        Q: Harbour Courier. Thank you. Minister Ola Brandt said yesterday that Norway would not join the scheme. Is that a problem?\n\n\
        Commissioner Marek Halvorsen: Every country decides for itself, and I respect that.\n\n\
        Q: Rail Daily. When will the proposal come?\n\n\
        Commissioner Marek Halvorsen: Before the summer.\n";
    let doc = run(text);
    assert_eq!(doc.meta.genre.as_deref(), Some("transcript"));
    assert_eq!(
        speakers_of(&doc, "Rail tickets across"),
        ["Marek Halvorsen"]
    );
    // the journalist and the outlet are no actors; the minister the question reports is
    assert_eq!(speakers_of(&doc, "Norway would not join"), ["Ola Brandt"]);
    assert!(!doc.actors.iter().any(|a| a.name.contains("Courier")));
    assert!(speakers_of(&doc, "When will the proposal").is_empty());
}

#[test]
fn interview_with_outlet_label() {
    let text = "COASTAL REVIEW\nNews · Ideas · Interviews\n\nINTERVIEW\n\n\
        Harbour minister Ilse Voorn on the new levy\n\n\
        Coastal Review: Will the levy survive the vote?\n\n\
        Voorn: I expect it to pass. The harbours need the money for their sea walls.\n\n\
        Coastal Review: And if it fails?\n\n\
        Voorn: Then we will try again in the autumn.\n";
    let doc = run(text);
    assert_eq!(doc.meta.genre.as_deref(), Some("transcript"));
    assert_eq!(speakers_of(&doc, "I expect it to pass"), ["Ilse Voorn"]);
    assert!(speakers_of(&doc, "Will the levy survive").is_empty());
}

#[test]
fn official_page_speaks_as_the_ministry() {
    let text = "Ministry of Fisheries of the Republic of Estonia\nHome > Media > Press releases\n\n\
        New quotas for the Baltic herring fishery\n\n\
        The quotas for herring will be cut by a fifth from next year. Small boats will receive compensation.\n";
    let doc = run(text);
    assert_eq!(doc.meta.genre.as_deref(), Some("official"));
    assert_eq!(
        speakers_of(&doc, "Small boats will receive"),
        ["Ministry of Fisheries of the Republic of Estonia"]
    );
}

#[test]
fn joint_statement_speaks_for_each_signatory() {
    let text = "Joint statement by the Fisheries Ministers of Denmark, Sweden and Germany\n\n\
        We, the Fisheries Ministers of Denmark, Sweden and Germany, issue the following statement.\n\n\
        1. We will cut the cod quota until the stock recovers.\n";
    let doc = run(text);
    assert_eq!(doc.meta.genre.as_deref(), Some("official"));
    let mut who = speakers_of(&doc, "We will cut the cod");
    who.sort();
    assert_eq!(who, ["Denmark", "Germany", "Sweden"]);
}

#[test]
fn genre_from_the_text() {
    let data = TurnData::embedded();
    let g = |t: &str| detect_genre(&data, t, &[], 0);
    assert_eq!(
        g(
            "THE HARBOUR TIMES\nNews | Sport | Opinion | Culture | Travel\n\nOPINION\n\nWhy the levy is wrong\n"
        ),
        "opinion"
    );
    assert_eq!(
        g("Harbour Institute\nAnalysis · Fisheries\n\nThe quota puzzle\n"),
        "analysis"
    );
    assert_eq!(
        g("Harbour Daily\nHome › News › Live\n\nStorm hits the coast – live\n"),
        "news"
    );
    assert_eq!(
        g("Ewa Lind writes a weekly column on the sea.\n\nThe levy is wrong.\n"),
        "opinion"
    );
    assert_eq!(g("Harbour Daily\n\nThe levy passed on Tuesday.\n"), "news");
    assert_eq!(
        detect_genre(&data, "Harbour Daily\n\nSpeeches follow.\n", &[], 5),
        "transcript"
    );
}

#[test]
fn prose_with_colons_has_no_turns() {
    let text = "Harbour Daily\n\nThe levy passed on Tuesday. Critics were unmoved.\n\n\
        Update: the port authority said it would appeal.\n\n\
        Coastal Erosion: Norfolk\n\n\
        Tags: levy, harbours\n";
    let doc = run(text);
    assert!(doc.turns.is_empty());
    assert_eq!(doc.meta.genre.as_deref(), Some("news"));
}

#[test]
fn label_names_resolve_to_one_person() {
    use crate::find::same_person;
    assert!(same_person("Ilse van Voorn", "Van Voorn"));
    assert!(same_person("Ilse Voorn", "Voorn"));
    assert!(!same_person("Ilse Voorn", "Anna Voorn"));
    assert!(!same_person("Ilse Voorn", "Oorn"));
}

#[test]
fn odd_input_does_not_panic() {
    let texts = [
        "",
        "Q:",
        "Q: ",
        "Mr:\n\nMr:\n",
        "(\n)\nMs Roe (:\nMs Roe (Lab: x y z w.\n",
        "A Portrait\n- \n\nA Portrait B (\n",
        "Ms Ñúñez (Ω): ¿Qué? «Sí».\r\nMs Ñúñez (Ω): Otra vez, señora.\r\n",
        "Name, on behalf of. – \nName, on behalf of the X Group. – (LT)\n",
        "Q: A. B.\nA: C.\nQ: D?\nA: E.\n",
        "\u{200b}Mr Roe: \u{200b} a b c d\nMr Roe: e f g h\n",
        "Daily Planet, Metropolis: \"x\"\n\nDaily Planet, Metropolis: \"y\"\n\nText.\n",
    ];
    for t in texts {
        let doc = run(t);
        for turn in &doc.turns {
            assert!(
                turn.label.end <= t.len() && turn.body.end <= t.len(),
                "{t:?}"
            );
        }
    }
}

#[test]
fn q_and_a_answers_belong_to_the_interviewee() {
    let text = "INTERVIEW\n\n\"The levy stays\": Harbour Minister Ilse Voorn on the coming vote\n\n\
        We spoke to Voorn in her office by the docks.\n\n\
        Q: Will the levy survive the vote?\n\n\
        A: I expect it to pass. The harbours need the money.\n\n\
        Q: And the small boats?\n\n\
        A: They will be compensated in full.\n";
    let doc = run(text);
    assert_eq!(speakers_of(&doc, "I expect it to pass"), ["Ilse Voorn"]);
    assert_eq!(speakers_of(&doc, "compensated in full"), ["Ilse Voorn"]);
    assert!(speakers_of(&doc, "And the small boats").is_empty());
}

#[test]
fn ministry_q_and_a_speakers_take_its_country() {
    let text = "Ministry of Foreign Affairs of the Republic of Finland\nHome / Press service / Answers to media questions\n\n\
        Question: What is the position on the new fishing rules?\n\n\
        Spokesperson Aino Rask: We support the rules and will apply them in full.\n\n\
        Question: When?\n\n\
        Spokesperson Aino Rask: From the first of May.\n";
    let doc = run(text);
    assert_eq!(doc.meta.genre.as_deref(), Some("official"));
    assert_eq!(speakers_of(&doc, "We support the rules"), ["Aino Rask"]);
    let rask = doc.actors.iter().find(|a| a.name == "Aino Rask").unwrap();
    assert_eq!(rask.country.as_deref(), Some("Finland"));
}

#[test]
fn a_speaker_reporting_their_own_party_states_its_position() {
    let text = "Commons Chamber\nHarbour Safety\n\n\
        Ewan Callow Portrait Ewan Callow (Harbourside) (LD)\n- View Speech - Hansard - - - Excerpts\n\n\
        The Liberal Democrats have argued for years that the ferry levy should be scrapped.\n\n\
        Ada Pellow Portrait Ada Pellow (Millbrook) (Con)\n- View Speech - Hansard - - - Excerpts\n\n\
        The Liberal Democrats have argued for a great many things over the years.\n\n\
        Ewan Callow Portrait Ewan Callow\n- View Speech - Hansard - - - Excerpts\n\n\
        The levy has cost the harbour towns far more than it ever raised.\n";
    let doc = run(text);
    // the party's statement stays, and is the speaker's too
    let own = speakers_of(&doc, "have argued for years");
    assert!(own.contains(&"Ewan Callow"), "{own:?}");
    // another party's member reporting it does not take it on
    let other = speakers_of(&doc, "for a great many things");
    assert!(!other.contains(&"Ada Pellow"), "{other:?}");
}

/// The actor names of the debate-reference mentions, with the text they cover.
fn references(doc: &Document) -> Vec<(String, String)> {
    doc.mentions
        .iter()
        .filter(|m| m.rule == REFERENCE_RULE)
        .map(|m| {
            (
                doc.slice(m.span).to_string(),
                doc.actor(m.actor).name.clone(),
            )
        })
        .collect()
}

#[test]
fn debate_references_resolve_to_speakers() {
    let text = "Commons Chamber\nHarbour Safety\n\n\
        Ewan Callow Portrait Ewan Callow (Harbourside) (Con)\n- View Speech - Hansard - - - Excerpts\n\n\
        The ferries are unsafe, and I hope the Minister will visit the port before the summer.\n\n\
        Ada Pellow Portrait The Parliamentary Under-Secretary of State for Ports (Ada Pellow)\n- View Speech - Hansard - - - Excerpts\n\n\
        I thank the hon. Gentleman for raising this matter with the House today.\n\n\
        Nora Quill Portrait Nora Quill (Eastmere) (Lab)\n- View Speech - Hansard - - - Excerpts\n\n\
        Will the Minister give way?\n\n\
        Ada Pellow Portrait Ada Pellow\n- View Speech - Hansard - - - Excerpts\n\n\
        I give way to the hon. Lady, and then I will answer the hon. Member for Harbourside in full.\n";
    let doc = run(text);
    let refs = references(&doc);
    let has = |t: &str, n: &str| refs.iter().any(|(a, b)| a == t && b == n);
    assert!(has("the Minister", "Ada Pellow"), "{refs:?}");
    assert!(has("the hon. Gentleman", "Ewan Callow"), "{refs:?}");
    assert!(has("the hon. Lady", "Nora Quill"), "{refs:?}");
    assert!(
        has("the hon. Member for Harbourside", "Ewan Callow"),
        "{refs:?}"
    );
}

#[test]
fn delegation_references_and_shadow_offices() {
    let text = "Security Council\nMeeting record\n\n\
        Mr. Tanaro (Freedonia): The representative of Sylvania has misread the report entirely.\n\n\
        Ms. Ostrova (Sylvania): I thank the representative of Freedonia for his candour.\n\n\
        Mr. Tanaro (Freedonia): The facts speak for themselves, and we stand by them.\n";
    let doc = run(text);
    let refs = references(&doc);
    assert!(
        refs.iter()
            .any(|(t, n)| t == "The representative of Sylvania" && n.contains("Ostrova")),
        "{refs:?}"
    );
    assert!(
        refs.iter()
            .any(|(t, n)| t == "the representative of Freedonia" && n.contains("Tanaro")),
        "{refs:?}"
    );
    // a shadow office is not the minister's, and nobody here holds either
    let text = "Commons Chamber\n\n\
        Ewan Callow Portrait Ewan Callow (Harbourside) (Con)\n- View Speech - Hansard - - - Excerpts\n\n\
        The shadow Secretary of State said nothing about the ferries last week.\n\n\
        Nora Quill Portrait Nora Quill (Eastmere) (Lab)\n- View Speech - Hansard - - - Excerpts\n\n\
        The Minister has said nothing about them either, and the port is still waiting.\n";
    let doc = run(text);
    assert!(references(&doc).is_empty(), "{:?}", references(&doc));
}

/// A record whose item is set out by its presenter, with the presenter's sentence given
/// a stance by hand (the stance stage is not a dependency of this crate).
fn vote_record() -> Document {
    let text = "Harbour Assembly\nStenographic record\n\n\
        Mr Speaker: We move on to the ferry levy and the Government's bill.\n\n\
        Ms Pellow (Minister for Ports): The bill before the House allows the port authority to scrap the ferry levy from the spring.\n\n\
        Mr Callow (Harbour Party): My colleagues and I will vote for this bill, and we will do so gladly.\n\n\
        Ms Quill (Coast Alliance): The Coast Alliance will not support the bill in its present form.\n\n\
        Mr Tarrow (Independents): We are tabling an amendment that limits the scope of the levy in the meantime.\n";
    let mut doc = run(text);
    let at = doc.text().find("The bill before").unwrap();
    for st in &mut doc.statements {
        if st.span.start <= at && at < st.span.end {
            st.stances.push(stancemap_core::StatementStance {
                topic: "scrap_levy".into(),
                stance: stancemap_core::Stance::Support,
                score: 0.9,
                evidence: vec![st.span],
                rule: "test".into(),
            });
        }
    }
    doc
}

fn vote_of(doc: &Document, needle: &str) -> Vec<(String, stancemap_core::Stance)> {
    let at = doc.text().find(needle).unwrap();
    doc.statements
        .iter()
        .filter(|s| s.span.start <= at && at < s.span.end)
        .flat_map(|s| {
            s.stances
                .iter()
                .filter(|x| x.rule == ITEM_VOTE_RULE)
                .map(|x| (doc.actor(s.actor).name.clone(), x.stance))
        })
        .collect()
}

#[test]
fn votes_on_the_item_take_its_lean() {
    use stancemap_core::Stance;
    let mut doc = vote_record();
    let calls = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let c = calls.clone();
    let stage = ItemVotes::new(
        TurnData::embedded(),
        std::sync::Arc::new(move |_: &Document| {
            c.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            Vec::new()
        }),
    );
    stage.process(&mut doc).unwrap();
    assert_eq!(calls.load(std::sync::atomic::Ordering::Relaxed), 1);
    let v = vote_of(&doc, "vote for this bill");
    assert!(
        v.iter().all(|(_, s)| *s == Stance::Support) && !v.is_empty(),
        "{v:?}"
    );
    // a negated vote flips
    let v = vote_of(&doc, "will not support the bill");
    assert!(
        v.iter().all(|(_, s)| *s == Stance::Oppose) && !v.is_empty(),
        "{v:?}"
    );
    // an indefinite item is another item: no vote, and the presenter keeps one stance
    assert!(vote_of(&doc, "tabling an amendment").is_empty());
    assert!(vote_of(&doc, "The bill before").is_empty());
}

#[test]
fn no_item_lean_no_votes() {
    let text = "Harbour Assembly\nStenographic record\n\n\
        Mr Callow (Harbour Party): My colleagues and I will vote for this bill, and we will do so gladly.\n\n\
        Ms Quill (Coast Alliance): The Coast Alliance will not support the bill in its present form.\n";
    let mut doc = run(text);
    ItemVotes::default().process(&mut doc).unwrap();
    assert!(doc.statements.iter().all(|s| s.stances.is_empty()));
}

#[test]
fn a_speaker_takes_the_stance_of_their_own_party_statement() {
    let text = "Commons Chamber\nHarbour Safety\n\n\
        Ewan Callow Portrait Ewan Callow (Harbourside) (LD)\n- View Speech - Hansard - - - Excerpts\n\n\
        The Liberal Democrats have argued for years that the ferry levy should be scrapped.\n\n\
        Ada Pellow Portrait Ada Pellow (Millbrook) (Con)\n- View Speech - Hansard - - - Excerpts\n\n\
        The levy pays for the lifeboats, and the Liberal Democrats know it.\n";
    let mut doc = run(text);
    let at = doc.text().find("have argued").unwrap();
    for st in &mut doc.statements {
        if st.span.start <= at && at < st.span.end && st.cue.is_some() {
            st.stances.push(stancemap_core::StatementStance {
                topic: "scrap_levy".into(),
                stance: stancemap_core::Stance::Support,
                score: 0.9,
                evidence: vec![st.span],
                rule: "test".into(),
            });
        }
    }
    ItemVotes::default().process(&mut doc).unwrap();
    let with: Vec<&str> = doc
        .statements
        .iter()
        .filter(|s| !s.stances.is_empty())
        .map(|s| doc.actor(s.actor).name.as_str())
        .collect();
    assert!(with.contains(&"Ewan Callow"), "{with:?}");
    assert!(!with.contains(&"Ada Pellow"), "{with:?}");
}

#[test]
fn endorsing_a_reported_position_takes_its_stance() {
    use stancemap_core::Stance;
    let text = "Commons Chamber\nHarbour Safety\n\n\
        Ewan Callow Portrait Ewan Callow (Harbourside) (Con)\n- View Speech - Hansard - - - Excerpts\n\n\
        Mayor Ada Pellow said last week that the ferry levy should be scrapped. I happen to think she is right.\n\n\
        Nora Quill Portrait Nora Quill (Eastmere) (Lab)\n- View Speech - Hansard - - - Excerpts\n\n\
        Mayor Ada Pellow said last week that the ferry levy should be scrapped. She is wrong.\n";
    let mut doc = run(text);
    for st in &mut doc.statements {
        if st.cue.is_some() {
            st.stances.push(stancemap_core::StatementStance {
                topic: "scrap_levy".into(),
                stance: Stance::Support,
                score: 0.9,
                evidence: vec![st.span],
                rule: "test".into(),
            });
        }
    }
    ItemVotes::default().process(&mut doc).unwrap();
    let of = |needle: &str| -> Vec<(String, Stance)> {
        let at = doc.text().find(needle).unwrap();
        doc.statements
            .iter()
            .filter(|s| s.span.start <= at && at < s.span.end)
            .flat_map(|s| {
                s.stances
                    .iter()
                    .filter(|x| x.rule == ENDORSE_RULE)
                    .map(|x| (doc.actor(s.actor).name.clone(), x.stance))
            })
            .collect()
    };
    assert_eq!(
        of("she is right"),
        [("Ewan Callow".to_string(), Stance::Support)]
    );
    assert_eq!(
        of("She is wrong"),
        [("Nora Quill".to_string(), Stance::Oppose)]
    );
}

/// A press review's source heading ("Harbour Courier: \"…\"") becomes a turn when the
/// paragraph below reports the paper; a live blog's quote headline does not.
#[test]
fn source_headings_need_a_paragraph_about_the_paper() {
    let review = "Harbour Courier: \"The levy must go\"\n\nThe Harbour Courier is blunt. \"Scrap it,\" the paper writes.\n\nValley Times: \"Keep the levy\"\n\nThe Valley Times disagrees. The daily says the levy funds the port.\n";
    let mut doc = Document::new("t", review);
    TurnFinder::default().process(&mut doc).unwrap();
    assert_eq!(doc.turns.len(), 2, "{:?}", doc.turns);
    let blog = "12.05 CET\nRoe: \"We will raise the levy\"\n\nPrime Minister Ana Roe spoke at noon.\n\n12.40 CET\nPort: \"no change today\"\n\nThe port authority said nothing changes.\n";
    let mut doc = Document::new("t", blog);
    TurnFinder::default().process(&mut doc).unwrap();
    assert!(doc.turns.is_empty(), "{:?}", doc.turns);
}
