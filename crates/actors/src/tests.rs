//! Unit tests of the finder's constructions, with sentences written for these tests.

use crate::ActorFinder;
use stancemap_core::{ActorKind, Document, MentionKind, Stage};
use stancemap_text::Segmenter;

fn run(text: &str) -> Document {
    let mut doc = Document::new("t", text);
    Segmenter::default().process(&mut doc).unwrap();
    ActorFinder::default().process(&mut doc).unwrap();
    doc
}

fn actor<'a>(doc: &'a Document, name: &str) -> &'a stancemap_core::Actor {
    doc.actors
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| {
            panic!(
                "no actor {name}: {:?}",
                doc.actors.iter().map(|a| &a.name).collect::<Vec<_>>()
            )
        })
}

fn mentions_of(doc: &Document, name: &str) -> Vec<(String, MentionKind)> {
    doc.mentions
        .iter()
        .filter(|m| doc.actor(m.actor).name == name)
        .map(|m| (doc.slice(m.span).to_string(), m.kind))
        .collect()
}

#[test]
fn title_and_name_give_country_and_role() {
    let doc = run("Norwegian Defence Minister Kari Solberg said the patrols would continue.");
    let a = actor(&doc, "Kari Solberg");
    assert_eq!(a.kind, ActorKind::Person);
    assert_eq!(a.country.as_deref(), Some("Norway"));
    assert!(
        a.role.as_deref().is_some_and(|r| r.contains("Minister")),
        "{:?}",
        a.role
    );
}

/// A role no title list names, before the name: set off by commas before a reporting
/// verb, or between a post-posed reporting verb and the name that closes the clause.
#[test]
fn a_role_before_the_name_in_a_reporting_clause() {
    let doc = run("The head of the Finnish fishermen's union, Aino Kettunen, warned against it.");
    let a = actor(&doc, "Aino Kettunen");
    assert_eq!(a.kind, ActorKind::Person);
    assert_eq!(a.country.as_deref(), Some("Finland"));
    assert_eq!(
        a.role.as_deref(),
        Some("head of the Finnish fishermen's union")
    );

    let doc = run("The patrols should continue, said Norwegian ferry owner Eirik Dahl.");
    let a = actor(&doc, "Eirik Dahl");
    assert_eq!(a.country.as_deref(), Some("Norway"));
    assert_eq!(a.role.as_deref(), Some("Norwegian ferry owner"));

    // no reporting verb, or words after the name: no person from this construction
    let doc = run("The head of the union, Aino Kettunen, is on holiday.");
    assert!(
        doc.actors
            .iter()
            .all(|a| a.name != "Aino Kettunen" || a.role.is_none())
    );
    let doc = run("The fleet, said ferry owner Eirik Dahl yesterday morning loudly, left.");
    assert!(
        doc.actors
            .iter()
            .all(|a| a.name != "Eirik Dahl" || a.role.is_none())
    );
}

#[test]
fn possessive_country_before_a_title() {
    let doc = run("Slovenia's President Ana Kovač spoke after the vote.");
    assert_eq!(
        actor(&doc, "Ana Kovač").country.as_deref(),
        Some("Slovenia")
    );
}

#[test]
fn appositive_name_after_a_title() {
    let doc = run("Portugal's deputy ambassador, Rui Almeida, denied the report.");
    assert_eq!(
        actor(&doc, "Rui Almeida").country.as_deref(),
        Some("Portugal")
    );
}

#[test]
fn honorific_and_apposition_role() {
    let doc = run(
        "“It will take years,” said Dr. Lena Hoff, a senior fellow at the Nordic Policy Institute.",
    );
    let a = actor(&doc, "Lena Hoff");
    assert!(
        a.role
            .as_deref()
            .is_some_and(|r| r.contains("senior fellow")),
        "{:?}",
        a.role
    );
}

#[test]
fn names_in_reporting_contexts_and_appositions() {
    let doc = run(
        "The ceasefire is fragile, said Tomas Varga. According to Ines Morel, talks resume today. Piet de Vries, an analyst at a Dutch bank, disagreed.",
    );
    for n in ["Tomas Varga", "Ines Morel", "Piet de Vries"] {
        assert_eq!(actor(&doc, n).kind, ActorKind::Person);
    }
}

#[test]
fn a_garbled_scrape_after_a_title_is_one_name() {
    let doc = run(
        "Croatian Foreign Minister Gordan, Radman, speaking in Zagreb, stated that talks had failed.",
    );
    assert_eq!(
        actor(&doc, "Gordan Radman").country.as_deref(),
        Some("Croatia")
    );
}

#[test]
fn surname_and_possessive_reference_link_to_the_full_name() {
    let doc = run(
        "Irish Prime Minister Aoife Byrne arrived on Monday. Later, Ireland's Byrne met the press. Byrne left.",
    );
    let ms = mentions_of(&doc, "Aoife Byrne");
    assert_eq!(ms.len(), 3, "{ms:?}");
    assert!(ms.iter().skip(1).all(|(_, k)| *k == MentionKind::Partial));
}

#[test]
fn role_reference_resolves_to_the_holder() {
    let doc =
        run("Austrian Chancellor Max Huber met the press. The Austrian chancellor said little.");
    let ms = mentions_of(&doc, "Max Huber");
    assert!(
        ms.iter()
            .any(|(t, k)| *k == MentionKind::Role && t.contains("chancellor")),
        "{ms:?}"
    );
}

/// A lower-case rank before a full name is a title ("retired Danish general Ole Brask");
/// "general" before anything else is an adjective.
#[test]
fn a_lower_case_rank_before_a_name_is_a_title() {
    let doc = run("The patrols should go on, said retired Danish general Ole Brask.");
    let a = actor(&doc, "Ole Brask");
    assert_eq!(a.role.as_deref(), Some("General"));
    assert_eq!(a.country.as_deref(), Some("Denmark"));
    let doc = run("The general public was not consulted, Ole Brask said.");
    assert!(
        doc.actors.iter().all(|a| a.role.is_none()),
        "{:?}",
        doc.actors
    );
}

#[test]
fn unnamed_role_with_a_modifier_is_an_actor() {
    let doc = run("A NATO spokesperson called the flight reckless.");
    assert_eq!(actor(&doc, "NATO spokesperson").kind, ActorKind::Person);
}

#[test]
fn pronouns_follow_the_last_subject() {
    let doc = run(
        "Belgian Foreign Minister Jan Peeters met Ana Lopes in Madrid. He said the meeting went well.",
    );
    let ms = mentions_of(&doc, "Jan Peeters");
    assert!(
        ms.iter()
            .any(|(t, k)| t == "He" && *k == MentionKind::Pronoun),
        "{ms:?}"
    );
}

/// A national parliament named by its owner is the registry's legislature; a day after
/// "on" is no part of an organisation's name.
#[test]
fn a_parliament_named_by_its_owner_is_one_actor() {
    for text in [
        "Latvia's parliament on Monday passed the coast guard bill.",
        "The Latvian Parliament on Monday passed the coast guard bill.",
        "The Saeima passed the coast guard bill.",
    ] {
        let doc = run(text);
        let a = actor(&doc, "Saeima");
        assert_eq!(a.country.as_deref(), Some("Latvia"), "{text}");
    }
    let doc = run("The Coast Guard Council on Tuesday passed the bill.");
    assert!(
        doc.actors.iter().all(|a| !a.name.contains("Tuesday")),
        "{:?}",
        doc.actors
    );
}

#[test]
fn ministries_are_canonical_whatever_the_form() {
    for text in [
        "The Ministry of Defence of Finland issued a statement.",
        "Finland's Ministry of Defence issued a statement.",
        "The Finnish Ministry of Defence issued a statement.",
    ] {
        let doc = run(text);
        let a = actor(&doc, "Ministry of Defence of Finland");
        assert_eq!(a.country.as_deref(), Some("Finland"), "{text}");
    }
}

#[test]
fn states_capitals_and_seats() {
    let doc = run("Hungary said no. Warsaw said yes. The Kremlin said nothing.");
    assert_eq!(actor(&doc, "Hungary").kind, ActorKind::State);
    assert_eq!(actor(&doc, "Poland").kind, ActorKind::State);
    assert_eq!(actor(&doc, "Kremlin").country.as_deref(), Some("Russia"));
}

#[test]
fn alliance_reference_needs_the_alliance_named() {
    let doc = run("NATO met on Friday. The alliance said it would respond.");
    assert!(
        mentions_of(&doc, "NATO")
            .iter()
            .any(|(t, _)| t == "The alliance")
    );
    let doc = run("The alliance said it would respond.");
    assert!(doc.mentions.is_empty(), "{:?}", doc.mentions);
}

#[test]
fn a_short_form_after_the_names_its_organisation() {
    let doc = run("The Commission said the loan would go ahead.");
    assert_eq!(
        mentions_of(&doc, "European Commission"),
        vec![("The Commission".to_string(), MentionKind::Role)]
    );
    assert!(doc.actors.iter().all(|a| a.kind != ActorKind::Person));
    // another organisation of that head in the text: the short form may be it
    let doc = run("The Harbour Commission met. The Commission said the pier would reopen.");
    assert!(mentions_of(&doc, "European Commission").is_empty());
    // lower case, or part of a longer name, is no short form
    let doc = run("The commission said the pier would reopen.");
    assert!(doc.actors.is_empty(), "{:?}", doc.actors);
}

#[test]
fn a_city_that_seats_organisations_speaks_for_one_of_them() {
    // as a speaking subject, the first organisation seated there …
    let doc = run("Brussels wants the tariffs lifted.");
    assert_eq!(
        mentions_of(&doc, "European Union"),
        vec![("Brussels".to_string(), MentionKind::Metonym)]
    );
    // … or the one the text names
    let doc = run("NATO met on Friday. Brussels says the exercise will go ahead.");
    assert_eq!(mentions_of(&doc, "NATO").len(), 2);
    // elsewhere it is a place
    let doc = run("The talks in Brussels ended on Friday.");
    assert!(doc.actors.is_empty(), "{:?}", doc.actors);
}

#[test]
fn quantified_groups_are_not_actors() {
    let doc = run("Some experts doubt it. Experts at the institute agree.");
    let n = doc
        .mentions
        .iter()
        .filter(|m| doc.actor(m.actor).kind == ActorKind::Group)
        .count();
    assert_eq!(n, 1);
}

#[test]
fn place_names_are_not_people() {
    let doc = run(
        "Ships crossed the Barents Sea, officials said, and the Kerch Strait, a narrow passage, closed.",
    );
    assert!(
        doc.actors.iter().all(|a| a.kind != ActorKind::Person),
        "{:?}",
        doc.actors
    );
}

#[test]
fn government_phrases_are_the_state() {
    for (text, state) in [
        ("The German government said it would wait.", "Germany"),
        ("Sweden's government said it would wait.", "Sweden"),
        (
            "Polish authorities said the drone fell in a field.",
            "Poland",
        ),
    ] {
        let doc = run(text);
        let ms = mentions_of(&doc, state);
        assert_eq!(ms.len(), 1, "{text}: {ms:?}");
        assert!(ms[0].0.split_whitespace().count() >= 2, "{text}: {ms:?}");
    }
}

#[test]
fn possessive_role_reference() {
    let doc = run(
        "Finnish Defence Minister Anna Virtanen arrived. Later, Finland's defence minister spoke.",
    );
    let ms = mentions_of(&doc, "Anna Virtanen");
    assert!(
        ms.iter()
            .any(|(t, k)| *k == MentionKind::Role && t.starts_with("Finland")),
        "{ms:?}"
    );
}

// ---- appositions after a name (role after the name)

#[test]
fn name_then_possessive_country_role() {
    let doc = run("Marta Oskarsdóttir, Iceland's foreign minister, said the talks had stalled.");
    let a = actor(&doc, "Marta Oskarsdóttir");
    assert_eq!(a.kind, ActorKind::Person);
    assert_eq!(a.country.as_deref(), Some("Iceland"));
    assert!(
        a.role.as_deref().is_some_and(|r| r.contains("Minister")),
        "{:?}",
        a.role
    );
    assert!(
        !doc.actors
            .iter()
            .any(|a| a.name.contains("foreign minister"))
    );
}

#[test]
fn name_then_article_country_role() {
    let doc = run("Tiago Ferrão, the Portuguese defence minister, flew to Vilnius on Monday.");
    let a = actor(&doc, "Tiago Ferrão");
    assert_eq!(a.country.as_deref(), Some("Portugal"));
    assert!(
        a.role
            .as_deref()
            .is_some_and(|r| r.contains("Defence Minister")),
        "{:?}",
        a.role
    );
}

#[test]
fn appositions_of_people_no_list_names() {
    let doc = run(
        "Ana Veltri, a retired air force general, disagreed. Bogdan Ionescu, deputy chair of the budget committee, said little. Irma Kalniņa, who teaches law in Riga, was sceptical. Oskar Lind, 71, remembers the last war.",
    );
    for n in ["Ana Veltri", "Bogdan Ionescu", "Irma Kalniņa", "Oskar Lind"] {
        assert_eq!(actor(&doc, n).kind, ActorKind::Person, "{n}");
    }
    assert!(
        actor(&doc, "Ana Veltri")
            .role
            .as_deref()
            .is_some_and(|r| r.contains("general"))
    );
}

#[test]
fn a_name_confirmed_by_a_later_speaker_use() {
    let doc = run(
        "Nobody has argued harder than Ştefan Vârlan. The next crossing will be the last, Vârlan said.",
    );
    assert_eq!(actor(&doc, "Ştefan Vârlan").kind, ActorKind::Person);
    // a capitalised pair never used as a speaker stays no one
    let doc = run("They met at Nowa Ruda last year. Nothing was agreed.");
    assert!(doc.actors.iter().all(|a| a.name != "Nowa Ruda"));
}

#[test]
fn title_complement_then_comma_and_a_label_in_brackets() {
    let doc = run("Norway's envoy in Tallinn, Eirik Havdal, denied it.");
    assert_eq!(
        actor(&doc, "Eirik Havdal").country.as_deref(),
        Some("Norway")
    );
    let doc = run(
        "The Minister for the Armed Forces (Gwen Talbot)\nI thank the member for the question.",
    );
    assert_eq!(actor(&doc, "Gwen Talbot").kind, ActorKind::Person);
}

// ---- ministries and embassies with a nationality

#[test]
fn ministries_take_their_portfolio_and_country() {
    let doc = run("The Slovenian Foreign Ministry summoned the ambassador.");
    actor(&doc, "Ministry of Foreign Affairs of Slovenia");
    let doc = run("Croatia's defence ministry said the radar had failed.");
    assert_eq!(
        actor(&doc, "Ministry of Defence of Croatia")
            .country
            .as_deref(),
        Some("Croatia")
    );
    // a later "the defence ministry" and "the ministry" are the same ministry
    let doc = run(
        "The Latvian Defence Ministry confirmed the crash. Later the defence ministry said debris was found. The ministry gave no figures.",
    );
    let m = mentions_of(&doc, "Ministry of Defence of Latvia");
    assert_eq!(m.len(), 3, "{m:?}");
}

#[test]
fn embassies_are_organisations_of_their_country() {
    let doc =
        run("The Hungarian embassy in Riga rejected the report. Later the embassy said nothing.");
    let a = actor(&doc, "Hungarian embassy in Riga");
    assert_eq!(a.kind, ActorKind::Organisation);
    assert_eq!(a.country.as_deref(), Some("Hungary"));
    assert_eq!(mentions_of(&doc, "Hungarian embassy in Riga").len(), 2);
    let doc = run("Finland's embassy in Oslo declined to comment.");
    actor(&doc, "Finnish embassy in Oslo");
}

// ---- groups

#[test]
fn groups_keep_their_modifiers_and_place() {
    let doc = run(
        "Hawks in the alliance want faster answers. Retired officers disagreed. Polish officials said little. At a summit in Warsaw, nothing was said.",
    );
    assert_eq!(actor(&doc, "Hawks in the alliance").kind, ActorKind::Group);
    assert!(doc.actors.iter().all(|a| a.name != "Poland"));
    assert_eq!(
        actor(&doc, "Polish officials").country.as_deref(),
        Some("Poland")
    );
}

#[test]
fn groups_take_coordinated_adjectives_portfolios_and_their_organisation() {
    let doc = run(
        "Danish and Swedish officials objected. Baltic finance ministers met in Riga. UN envoys and Europol’s lawyers were briefed.",
    );
    assert_eq!(
        actor(&doc, "Danish and Swedish officials").country,
        None,
        "two countries: none"
    );
    assert_eq!(
        actor(&doc, "Baltic finance ministers").kind,
        ActorKind::Group
    );
    assert_eq!(actor(&doc, "UN envoys").kind, ActorKind::Group);
    assert_eq!(actor(&doc, "Europol’s lawyers").kind, ActorKind::Group);
}

#[test]
fn an_organisation_that_opens_a_title_is_no_actor_of_its_own() {
    // the registry's "Danish Defence" (the armed forces) inside a minister's title
    let doc = run("The crews must hold their fire, said Danish Defence Minister Ole Brandt.");
    let brandt = actor(&doc, "Ole Brandt");
    assert_eq!(brandt.country.as_deref(), Some("Denmark"));
    assert!(
        doc.actors.iter().all(|a| a.kind == ActorKind::Person),
        "{:?}",
        doc.actors
    );
}

#[test]
fn a_lone_surname_speaks_without_a_full_name() {
    let doc = run("Kowalczyk said the bridge would reopen. The canal stays shut, Nørgaard added.");
    assert_eq!(actor(&doc, "Kowalczyk").kind, ActorKind::Person);
    assert_eq!(actor(&doc, "Nørgaard").kind, ActorKind::Person);
    // plural nouns, words used in lower case, time words and the opening word of a longer
    // name are no surnames
    let doc = run(
        "Witnesses said the canal was shut. Yesterday said little. Locals were told. Tidewater said so. The Tidewater Group met.",
    );
    assert!(
        doc.actors.iter().all(|a| a.kind != ActorKind::Person),
        "{:?}",
        doc.actors
    );
}

// ---- names with diacritics, particles, ordinary words as surnames

#[test]
fn names_with_diacritics_and_particles() {
    let doc = run(
        "Ārija Ēķe said the vote was close. According to Łucja Żółć, nothing changed. Şeyma Ağaoğlu, an analyst at a bank in Izmir, agreed. Said Joost van der Berg: no.",
    );
    for n in ["Ārija Ēķe", "Łucja Żółć", "Şeyma Ağaoğlu"] {
        assert_eq!(actor(&doc, n).kind, ActorKind::Person, "{n}");
    }
}

#[test]
fn ordinary_words_as_surnames() {
    let doc = run(
        "Senator Ruth Will said the plan was sound. Finance Minister Aled Young agreed. Deputy Minister Pia Holland said nothing.",
    );
    for n in ["Ruth Will", "Aled Young", "Pia Holland"] {
        assert_eq!(actor(&doc, n).kind, ActorKind::Person, "{n}");
    }
    assert!(doc.actors.iter().all(|a| a.name != "Netherlands"));
}

// ---- outlets of a press review

#[test]
fn press_review_outlets_and_their_back_references() {
    let doc = run(
        "Der Morgenkurier, Munich: \"Too little\"\n\nThe Munich paper is unimpressed. \"This is not enough,\" it writes.\n\nThe liberal Abendpost Weekly argues the opposite, and the paper says so plainly.",
    );
    let a = actor(&doc, "Der Morgenkurier");
    assert_eq!(a.kind, ActorKind::Organisation);
    assert_eq!(mentions_of(&doc, "Der Morgenkurier").len(), 2);
    actor(&doc, "Abendpost Weekly");
    let doc = run(
        "Der Morgenkurier, Munich: \"Too little\"\n\nThe Munich paper is unimpressed.\n\nThe Morgenkurier argues that the law is weak.",
    );
    assert_eq!(mentions_of(&doc, "Der Morgenkurier").len(), 3);
    // a by-line and a noun before "the paper" are not outlets
    let doc = run("Compulsion, the paper concludes, is a last resort.\n\nA, the paper, said.");
    assert!(
        doc.actors
            .iter()
            .all(|a| a.name != "Compulsion" && a.name != "A")
    );
}

#[test]
fn plural_demonyms_are_groups_of_the_country() {
    let doc = run("Most Finns back the plan, a survey found. Finnish officials agreed.");
    let a = actor(&doc, "Finns");
    assert_eq!(a.kind, ActorKind::Group);
    assert_eq!(a.country.as_deref(), Some("Finland"));
}

#[test]
fn descriptive_references_to_an_organisation_keep_their_wording() {
    let doc = run("The Polish military said two radars had tracked the object.");
    let a = actor(&doc, "Polish military");
    assert_eq!(a.kind, ActorKind::Organisation);
    assert_eq!(a.country.as_deref(), Some("Poland"));
}

#[test]
fn partitive_quantifiers_keep_the_group() {
    let doc = run("Several member states are wary. Doves want the jets escorted home.");
    assert!(
        doc.actors
            .iter()
            .any(|a| a.kind == ActorKind::Group && a.name == "member states")
    );
    actor(&doc, "doves");
}

#[test]
fn an_executive_named_by_its_head_noun_is_the_state() {
    let doc = run("On Monday the Cabinet of Ministers approved the new rules.");
    assert_eq!(actor(&doc, "Cabinet of Ministers").kind, ActorKind::State);
}

#[test]
fn a_national_body_by_adjective_and_head_and_its_back_reference() {
    let doc = run(
        "The Slovenian Parliament passed the bill on Friday. The parliament also asked for a report.",
    );
    let a = actor(&doc, "Slovenian Parliament");
    assert_eq!(a.country.as_deref(), Some("Slovenia"));
    assert_eq!(mentions_of(&doc, "Slovenian Parliament").len(), 2);
}

#[test]
fn coordinated_bodies_are_not_one_name() {
    let doc = run("The Council and Commission must now agree, she said.");
    assert!(
        doc.actors
            .iter()
            .all(|a| a.name != "Council and Commission")
    );
}

#[test]
fn national_companies_by_adjective_and_head() {
    let doc = run("Slovenian Railways said freight would resume on Friday.");
    assert_eq!(
        actor(&doc, "Slovenian Railways").country.as_deref(),
        Some("Slovenia")
    );
}

#[test]
fn hyphenated_roles_and_on_behalf_of_make_appositions() {
    let doc = run(
        "Maren Solvik, President-in-Office of the Council, opened the debate. Karel Dostál, on behalf of his group, replied.",
    );
    assert_eq!(actor(&doc, "Maren Solvik").kind, ActorKind::Person);
    assert_eq!(actor(&doc, "Karel Dostál").kind, ActorKind::Person);
}

/// The finder's word classes can come from a user file: without "said" among the
/// reporting verbs, a name before it is no longer a speaker's.
#[test]
fn word_classes_can_be_replaced() {
    let text = "Nobody knew. Ana Veltri said so.";
    assert!(run(text).actors.iter().any(|a| a.name == "Ana Veltri"));
    let embedded = include_str!("../data/words.toml");
    let start = embedded.find("speech = [").expect("speech list");
    let end = start + embedded[start..].find(']').expect("list end") + 1;
    let user = format!("{}speech = []{}", &embedded[..start], &embedded[end..]);
    let path = std::env::temp_dir().join(format!("stancemap-words-{}.toml", std::process::id()));
    std::fs::write(&path, user).unwrap();
    let lexicon = crate::ActorLexicon::with_files(&[])
        .unwrap()
        .with_word_file(&path)
        .unwrap();
    let mut doc = Document::new("t", text);
    Segmenter::default().process(&mut doc).unwrap();
    ActorFinder::new(std::sync::Arc::new(lexicon))
        .process(&mut doc)
        .unwrap();
    assert!(
        doc.actors.iter().all(|a| a.name != "Ana Veltri"),
        "{:?}",
        doc.actors
    );

    std::fs::write(&path, "speech = [\"Said\"]\n").unwrap();
    let e = crate::ActorLexicon::with_files(&[])
        .unwrap()
        .with_word_file(&path)
        .unwrap_err();
    assert!(e.to_string().contains(":1:"), "{e}");
    let _ = std::fs::remove_file(&path);
}

/// A surname alone confirms the full name met earlier when it heads a verb of position
/// ("Roe wants …"), as it does before a reporting verb.
#[test]
fn a_surname_before_a_verb_of_position_confirms_the_name() {
    let doc = run(
        "Ana Veltri and her colleague Eirik Dahl met the press. Dahl wants the ferries stopped.",
    );
    assert!(
        doc.actors.iter().any(|a| a.name == "Eirik Dahl"),
        "{:?}",
        doc.actors
    );
}
