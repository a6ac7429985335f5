//! Unit tests of the stance rules on hand-built documents (sentences written for these
//! tests, not taken from the corpus).

use crate::{StanceDetector, StanceGrammar, TopicExample, Topics};
use stancemap_core::Stage;
use stancemap_core::{
    Actor, ActorId, ActorKind, Cue, CueKind, Document, Mention, MentionKind, Span, Stance,
    Statement, TopicTerm,
};
use std::sync::Arc;

/// A document with sentences and tokens from the text stage, as in the pipeline.
pub(crate) fn new_doc(id: &str, text: impl Into<String>) -> Document {
    let mut d = Document::new(id, text);
    stancemap_text::Segmenter::default()
        .process(&mut d)
        .expect("segments");
    d
}

/// A document: optional context paragraph, then the statement text (one statement by
/// actor 0 covering it), a mention of the speaker where `speaker` occurs, and
/// mentions of `others` (actor 1) where they occur.
pub(crate) fn doc(
    context: Option<&str>,
    text: &str,
    speaker: Option<&str>,
    others: &[&str],
    author: bool,
) -> Document {
    let prefix = context.map(|c| format!("{c}\n\n")).unwrap_or_default();
    let full = format!("{prefix}{text}");
    let start = prefix.len();
    let mut d = new_doc("t", full.clone());
    let kind = if author {
        ActorKind::Author
    } else {
        ActorKind::Person
    };
    d.actors.push(Actor {
        id: "a".into(),
        name: "A".into(),
        kind,
        country: None,
        role: None,
    });
    d.actors.push(Actor {
        id: "b".into(),
        name: "B".into(),
        kind: ActorKind::State,
        country: None,
        role: None,
    });
    let mut mention = None;
    if let Some(s) = speaker
        && let Some(i) = text.find(s)
    {
        mention = Some(0);
        d.mentions.push(Mention {
            actor: ActorId(0),
            span: Span::new(start + i, start + i + s.len()),
            kind: MentionKind::Name,
            rule: "test".into(),
        });
    }
    for o in others {
        if let Some(i) = full.find(o) {
            d.mentions.push(Mention {
                actor: ActorId(1),
                span: Span::new(i, i + o.len()),
                kind: MentionKind::Name,
                rule: "test".into(),
            });
        }
    }
    d.mentions.sort_by_key(|m| m.span);
    if mention.is_some() {
        mention = d.mentions.iter().position(|m| m.actor == ActorId(0));
    }
    let span = Span::new(start, full.len());
    d.statements
        .push(statement(span, span, None, None, mention));
    d
}

/// An unhedged statement of actor 0: its span and content, reporting cue and mention.
fn statement(
    span: Span,
    content: Span,
    cue: Option<&str>,
    cue_span: Option<Span>,
    mention: Option<usize>,
) -> Statement {
    Statement {
        actor: ActorId(0),
        span,
        content,
        quote: false,
        cue: cue.map(str::to_string),
        cue_span,
        mention,
        stances: vec![],
        hedges: vec![],
        boosters: vec![],
        commitment: 1.0,
    }
}

fn stance(det: &StanceDetector, mut d: Document, topic: &str) -> Option<Stance> {
    det.annotate(&mut d);
    d.statements[0]
        .stances
        .iter()
        .find(|s| s.topic == topic)
        .map(|s| s.stance)
}

fn sd(text: &str) -> Option<Stance> {
    stance(
        &StanceDetector::default(),
        doc(None, text, None, &[], false),
        "shoot_down",
    )
}

fn sd_ctx(context: &str, text: &str) -> Option<Stance> {
    if std::env::var_os("STANCE_DEBUG").is_some() {
        eprintln!("--- {text}");
    }
    stance(
        &StanceDetector::default(),
        doc(Some(context), text, None, &[], false),
        "shoot_down",
    )
}

fn run_examples(det: &StanceDetector, topic: &str, examples: &[TopicExample]) -> Vec<String> {
    let mut failures = Vec::new();
    for e in examples {
        let d = doc(
            e.context.as_deref(),
            &e.text,
            e.speaker.as_deref(),
            &[],
            false,
        );
        let got = stance(det, d, topic);
        if got != e.expect {
            failures.push(format!(
                "[{topic}/{}] {:?}: expected {:?}, got {:?}",
                e.entry, e.text, e.expect, got
            ));
        }
    }
    failures
}

#[test]
fn every_data_example_passes() {
    let det = StanceDetector::default();
    let mut failures = run_examples(&det, "shoot_down", StanceGrammar::default().examples());
    for pack in Topics::default().packs() {
        failures.extend(run_examples(&det, pack.id(), pack.examples()));
    }
    assert!(
        failures.is_empty(),
        "{} failing examples:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn advocacy_is_a_stance_a_reported_event_is_not() {
    assert_eq!(
        sd("The coalition should shoot down intruders."),
        Some(Stance::Support)
    );
    assert_eq!(
        sd("Danish fighters shot down two drones over the strait."),
        None
    );
    assert_eq!(
        sd("The navy used its newest frigates to shoot down a few cheap drones."),
        None
    );
    assert_eq!(
        sd("The premier has threatened to shoot down any jet that crosses again."),
        Some(Stance::Support)
    );
}

#[test]
fn negation_inverts_the_frame() {
    assert_eq!(
        sd("The coalition should not shoot down the balloons."),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("Our pilots will never open fire on a civilian airliner."),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("The envoy did not call for firing on the jets."),
        Some(Stance::Oppose)
    );
    // The negation belongs to the cue: complaining is what is rejected.
    assert_eq!(
        sd("The neighbours should not complain if their drones get shot down over our farms."),
        Some(Stance::Support)
    );
}

#[test]
fn warnings_risks_and_alternatives_oppose() {
    assert_eq!(
        sd("Rome warned against the dangers of shooting down the jets."),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("The admiral said pilots risk stumbling into a trap by firing at the jets."),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("Standing orders are to escort the planes rather than fire at them."),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("Loose talk of shooting jets out of the sky helps less than steady diplomacy."),
        Some(Stance::Oppose)
    );
}

#[test]
fn post_frames_govern_what_precedes_them() {
    assert_eq!(
        sd("In my view, downing the next intruding drone would be an alternative."),
        Some(Stance::Support)
    );
    assert_eq!(
        sd("The rules of engagement need to be toughened."),
        Some(Stance::Support)
    );
    assert_eq!(
        sd("Firing on the jets would be a grave mistake."),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("Firing on the jets would be a mistake."),
        Some(Stance::Oppose)
    );
}

#[test]
fn conditions_make_a_conditional_stance() {
    assert_eq!(
        sd("She said any decision to shoot down jets is made case by case."),
        Some(Stance::Conditional)
    );
    assert_eq!(
        sd("Jets may be fired on only if there is an imminent threat."),
        Some(Stance::Conditional)
    );
    assert_eq!(
        sd_ctx(
            "Some allies want to shoot down intruders.",
            "He urged colleagues not to overreact but to remain firm."
        ),
        Some(Stance::Conditional)
    );
    // A weak condition keeps the label.
    assert_eq!(
        sd("We will shoot down intruding jets if necessary."),
        Some(Stance::Support)
    );
}

#[test]
fn rhetorical_questions_demand_and_real_questions_do_not() {
    assert_eq!(
        sd("Why do our pilots not shoot down the drones that keep crossing the river?"),
        Some(Stance::Support)
    );
    assert_eq!(
        sd("Why haven't the air forces shot down a single one of these drones?"),
        Some(Stance::Support)
    );
    assert_eq!(sd("Should the coalition shoot down the drones?"), None);
}

#[test]
fn pushing_back_takes_the_opposite_position() {
    assert_eq!(
        sd(
            "The foreign minister pushed back against a claim by his counterpart that the army was ready to down foreign jets."
        ),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("The cabinet rejected calls to shoot down the balloons."),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("The cabinet rejected warnings against shooting down the balloons."),
        Some(Stance::Support)
    );
}

#[test]
fn a_verdict_before_the_cue_judges_the_action_the_speaker_clause_names() {
    let det = StanceDetector::default();
    let verdict = |text: &str| {
        let mut d = doc(None, text, Some("Ida Lund"), &[], false);
        let quote_end = text.find(',').unwrap() + 1;
        let cue = text.find(" said").unwrap() + 1;
        d.statements[0] = statement(
            d.sentences[0].span,
            Span::new(0, quote_end),
            Some("said"),
            Some(Span::new(cue, cue + 4)),
            None,
        );
        stance(&det, d, "shoot_down")
    };
    assert_eq!(
        verdict(
            "Cool heads must prevail, harbour chief Ida Lund said as the council debated whether to fire on the balloons."
        ),
        Some(Stance::Oppose)
    );
    assert_eq!(
        verdict(
            "It is a terrible idea, harbour chief Ida Lund said when asked about shooting down the balloons."
        ),
        Some(Stance::Oppose)
    );
    // no verdict of its own: nothing to carry over
    assert_eq!(
        verdict(
            "We met on Monday, harbour chief Ida Lund said when asked about shooting down the balloons."
        ),
        None
    );
}

#[test]
fn a_posture_frame_votes_alone_in_a_document_about_one_topic() {
    let det = StanceDetector::default();
    let text = "The harbour council issued a statement urging restraint on all sides.";
    let one = "The navy shot down two balloons over the bay last week.";
    let d = doc(Some(one), text, None, &[], false);
    assert_eq!(stance(&det, d, "shoot_down"), Some(Stance::Oppose));
    // with a second topic in the document, a posture names neither
    let two = "The navy shot down two balloons last week. Ministers debated seizing the frozen Russian reserves.";
    let d = doc(Some(two), text, None, &[], false);
    assert_eq!(stance(&det, d, "shoot_down"), None);
}

#[test]
fn an_elliptical_clause_echoes_or_denies_the_clause_before() {
    let det = StanceDetector::default();
    let run = |text: &str, speaker: &str, others: &[&str]| {
        stance(
            &det,
            doc(None, text, Some(speaker), others, false),
            "shoot_down",
        )
    };
    let text = "The harbour board wants the balloons shot down; the port unions do not.";
    assert_eq!(
        run(text, "the port unions", &["The harbour board"]),
        Some(Stance::Oppose)
    );
    let text = "The harbour board wants the balloons shot down, but the port unions do too.";
    assert_eq!(
        run(text, "the port unions", &["The harbour board"]),
        Some(Stance::Support)
    );
    // the speaker of the first clause is no ellipsis of someone else's
    let text = "The harbour board wants the balloons shot down; it does not say when.";
    assert_eq!(run(text, "The harbour board", &[]), Some(Stance::Support));
}

#[test]
fn those_calling_for_an_action_are_not_the_speaker() {
    let det = StanceDetector::default();
    let text =
        "Senator Ida Lund asked those calling for the balloons to be shot down to think again.";
    let d = doc(None, text, Some("Ida Lund"), &[], false);
    assert_ne!(stance(&det, d, "shoot_down"), Some(Stance::Support));
}

#[test]
fn a_claim_the_speaker_reports_is_its_subjects() {
    let det = StanceDetector::default();
    let text =
        "The smugglers like to say that the navy will never fire on their balloons, Ida Lund said.";
    let d = doc(None, text, Some("Ida Lund"), &["The smugglers"], false);
    assert_eq!(stance(&det, d, "shoot_down"), None);
}

#[test]
fn each_coordinated_subject_holds_the_clause() {
    let det = StanceDetector::default();
    let text = "Aides said Malta and Cyprus were blocking every plan to fire on the balloons.";
    for (speaker, other) in [("Malta", "Cyprus"), ("Cyprus", "Malta")] {
        let d = doc(None, text, Some(speaker), &[other, "Aides"], false);
        assert_eq!(
            stance(&det, d, "shoot_down"),
            Some(Stance::Oppose),
            "{speaker}"
        );
    }
}

#[test]
fn contrast_splits_holders_and_backing_propagates() {
    let text = "Paris warned against shooting down the jets, while the Czech president showed he is open to a tougher stance, backed by Vilnius.";
    let det = StanceDetector::default();
    let paris = doc(
        None,
        text,
        Some("Paris"),
        &["Czech president", "Vilnius"],
        false,
    );
    assert_eq!(stance(&det, paris, "shoot_down"), Some(Stance::Oppose));
    // The president's clause, as the attribution stage would cut it.
    let mut d = doc(
        None,
        text,
        Some("Czech president"),
        &["Paris", "Vilnius"],
        false,
    );
    let a = text.find("the Czech").unwrap();
    let b = text.find(", backed").unwrap();
    d.statements[0].content = Span::new(a, b);
    d.statements[0].span = Span::new(a, b);
    assert_eq!(stance(&det, d, "shoot_down"), Some(Stance::Support));
    // "backed by Vilnius".
    let mut d = doc(
        None,
        text,
        Some("Vilnius"),
        &["Paris", "Czech president"],
        false,
    );
    let a = text.find("backed").unwrap();
    d.statements[0].content = Span::new(a, text.len() - 1);
    d.statements[0].span = Span::new(a, text.len() - 1);
    assert_eq!(stance(&det, d, "shoot_down"), Some(Stance::Support));
}

#[test]
fn another_actors_wish_is_not_the_speakers() {
    let ctx = "Warsaw threatened to shoot down intruding drones.";
    assert_eq!(
        sd_ctx(
            ctx,
            "The analyst said European capitals want to avoid escalation."
        ),
        None
    );
    assert_eq!(
        sd_ctx(ctx, "We want to avoid escalation."),
        Some(Stance::Oppose)
    );
    // A normative frame is the speaker's whoever its subject is.
    assert_eq!(
        sd("The analyst said the Nordic states should shoot down the drones."),
        Some(Stance::Support)
    );
    // The author reporting someone's warning takes no stance.
    let det = StanceDetector::default();
    let d = doc(
        None,
        "Italy warned against shooting down the drones.",
        None,
        &["Italy"],
        true,
    );
    assert_eq!(stance(&det, d, "shoot_down"), None);
}

/// The subject of a passive commitment is what is acted on, not who acts: a state named
/// in it ("Freedonian drones will be shot down") does not make the commitment another
/// actor's; in the active voice the state is the one who acts.
#[test]
fn a_passive_commitment_is_the_speakers_whoever_its_subject_names() {
    let det = StanceDetector::default();
    let run = |text: &str| {
        let d = doc(
            None,
            text,
            Some("Ola Brenn"),
            &["Freedonian", "Freedonia"],
            false,
        );
        stance(&det, d, "shoot_down")
    };
    assert_eq!(
        run("Ola Brenn said Freedonian drones will be shot down."),
        Some(Stance::Support)
    );
    assert_eq!(
        run("Ola Brenn said any drone over Freedonian soil would quickly be brought down."),
        Some(Stance::Support)
    );
    assert_eq!(
        run("Ola Brenn said Freedonia will shoot down any drone over its soil."),
        None
    );
    // "be forced to": an attitude of the subject, not a passive.
    assert_eq!(
        run("Ola Brenn said Freedonia will be forced to shoot down the drones."),
        None
    );
}

/// "If X, Y": what the consequent says about the action in the antecedent is the
/// position on it; a fronted condition on the speaker's own commitment stays a trigger.
#[test]
fn a_consequent_evaluates_the_action_in_its_antecedent() {
    assert_eq!(
        sd("If the coalition fires on the balloons, the other side will retaliate."),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("If we shoot one balloon down, the other side will think twice."),
        Some(Stance::Support)
    );
    assert_eq!(
        sd("If the balloons come back, we will shoot them down."),
        Some(Stance::Support)
    );
}

/// "Not X but Y" corrects X inside one claim: the "but" does not cut the speaker off
/// from X, as a contrast between two holders would.
#[test]
fn a_corrective_but_keeps_the_denied_action_in_the_claim() {
    let det = StanceDetector::default();
    let run = |text: &str| {
        let d = doc(None, text, Some("Ola Brenn"), &[], false);
        stance(&det, d, "shoot_down")
    };
    assert_eq!(
        run(
            "The answer is not to fire on the balloons but to talk to their owners, Ola Brenn said."
        ),
        Some(Stance::Oppose)
    );
}

/// ", and <action>" coordinates the action under the frame before it; ", and <subject>"
/// still opens a new clause.
#[test]
fn a_coordinated_action_after_a_comma_stays_under_the_frame() {
    assert_eq!(
        sd("The coalition must decide, and bring the balloons down."),
        Some(Stance::Support)
    );
    assert_eq!(
        sd("The coalition must decide, and the navy may bring the balloons down."),
        None
    );
}

/// "Those who want X": the relative's antecedent holds the wish, not the speaker; mocking
/// them rejects it.
#[test]
fn a_wish_in_a_relative_clause_is_its_antecedents() {
    let det = StanceDetector::default();
    let run = |text: &str| {
        let d = doc(None, text, Some("Ola Brenn"), &[], false);
        stance(&det, d, "shoot_down")
    };
    assert_eq!(
        run("Ola Brenn met the hotheads who want the coast guard to shoot down the balloons."),
        None
    );
    assert_eq!(
        run("Ola Brenn mocked the hotheads who want the coast guard to shoot down the balloons."),
        Some(Stance::Oppose)
    );
}

#[test]
fn answers_take_the_polarity_of_the_question() {
    assert_eq!(
        sd(
            "Asked by journalists whether he supported shooting down the drones, the minister replied: Yes, I do."
        ),
        Some(Stance::Support)
    );
    assert_eq!(
        sd(
            "Asked by journalists whether he supported shooting down the drones, the minister said: Absolutely not."
        ),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("Asked whether the jets would be shot down, the minister changed the subject."),
        None
    );
    // The answer first, the question after it.
    assert_eq!(
        sd(
            "Absolutely, the colonel said when asked whether balloons over the coast would be shot down."
        ),
        Some(Stance::Support)
    );
    assert_eq!(
        sd(
            "Asked whether the navy would fire on the balloons, the admiral said: We are not there yet."
        ),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd(
            "No balloon will be shot down today, the colonel said when asked whether the weather allowed flights."
        ),
        Some(Stance::Oppose)
    );
    // A negated subject negates its verb.
    assert_eq!(
        sd("No coastguard crew will be ordered to fire on a balloon."),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("Nobody in the cabinet wants to shoot down a balloon."),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("No, we will shoot down every balloon."),
        Some(Stance::Support)
    );
}

#[test]
fn weak_terms_need_an_active_document_and_a_target_or_licence() {
    // No target anywhere: the document is not about the topic.
    assert_eq!(sd("The ministry urged caution and restraint."), None);
    // Active document, licensed by "urged".
    let ctx = "Two allies say they will shoot down intruders.";
    assert_eq!(
        sd_ctx(ctx, "The ministry urged caution."),
        Some(Stance::Oppose)
    );
    // Active document but no licence and no target nearby.
    assert_eq!(
        sd_ctx(ctx, "The harbour was calm and the weather fine."),
        None
    );
    // Near a target (previous sentence of the paragraph).
    let det = StanceDetector::default();
    let mut d = doc(
        None,
        "Two allies say they will shoot down intruders. Caution is the wiser course, the envoy added.",
        None,
        &[],
        false,
    );
    let a = d.text().find("Caution").unwrap();
    let n = d.text().len();
    d.statements[0].content = Span::new(a, n);
    d.statements[0].span = Span::new(a, n);
    assert_eq!(stance(&det, d, "shoot_down"), Some(Stance::Oppose));
}

#[test]
fn statements_on_other_topics_get_no_stance() {
    assert_eq!(
        sd("The government should raise tariffs on imported steel."),
        None
    );
    let ctx = "Allies threatened to shoot down intruding jets.";
    assert_eq!(
        sd_ctx(
            ctx,
            "The government should raise tariffs on imported steel."
        ),
        None
    );
    let det = StanceDetector::default();
    let d = doc(
        None,
        "The government should shoot down intruding drones.",
        None,
        &[],
        false,
    );
    assert_eq!(stance(&det, d, "frozen_assets"), None);
}

#[test]
fn frozen_assets_is_data_too() {
    let det = StanceDetector::default();
    let d = doc(
        None,
        "The commission proposed using the frozen central bank reserves to fund reconstruction.",
        None,
        &[],
        false,
    );
    assert_eq!(stance(&det, d, "frozen_assets"), Some(Stance::Support));
    let d = doc(
        None,
        "The prime minister warned against confiscating the frozen reserves.",
        None,
        &[],
        false,
    );
    assert_eq!(stance(&det, d, "frozen_assets"), Some(Stance::Oppose));
}

#[test]
fn a_user_topic_needs_no_code() {
    let pack = crate::TopicPack::from_toml(
        "tariffs.toml",
        r#"
        id = "tariffs"
        label = "Raise tariffs"
        description = "Should tariffs be raised?"
        [[targets]]
        id = "raise"
        patterns = ["raise|raising|impose|imposing *0-2 tariff|tariffs|duties"]
        [[frames]]
        id = "trade-war"
        effect = "oppose"
        position = "post"
        holder = "speaker"
        patterns = ["would|could *0-1 spark|trigger *0-2 trade war"]
        "#,
    )
    .unwrap();
    let mut topics = Topics::new();
    topics.add(pack);
    let det = StanceDetector::new(topics);
    let d = doc(
        None,
        "The senator demanded raising tariffs on steel.",
        None,
        &[],
        false,
    );
    assert_eq!(stance(&det, d, "tariffs"), Some(Stance::Support));
    let d = doc(
        None,
        "Imposing new tariffs could trigger a trade war.",
        None,
        &[],
        false,
    );
    assert_eq!(stance(&det, d, "tariffs"), Some(Stance::Oppose));
}

#[test]
fn statement_cues_and_commitment_are_filled() {
    let det = StanceDetector::default();
    let mut d = doc(
        None,
        "I think the coalition should shoot down the drones.",
        None,
        &[],
        false,
    );
    let i = d.text().find("think").unwrap();
    d.hedges.push(Cue {
        cue: "think".into(),
        kind: CueKind::EpistemicVerb,
        span: Span::new(i, i + 5),
        rule: "t".into(),
    });
    d.boosters.push(Cue {
        cue: "x".into(),
        kind: CueKind::Booster,
        span: Span::new(d.text().len() + 5, d.text().len() + 6),
        rule: "t".into(),
    });
    det.annotate(&mut d);
    let st = &d.statements[0];
    assert_eq!(st.hedges, vec![0]);
    assert!(st.boosters.is_empty());
    assert!(st.commitment < 1.0);
    assert_eq!(d.stances.len(), 1);
    assert!(d.stances[0].hedged);
    assert_eq!(d.stances[0].stance, Stance::Support);
    let ev: Vec<&str> = st.stances[0]
        .evidence
        .iter()
        .map(|s| &d.text()[s.range()])
        .collect();
    assert!(
        ev.contains(&"shoot down") && ev.contains(&"should"),
        "{ev:?}"
    );
    assert!(st.stances[0].rule.starts_with("stance/shoot_down/support/"));
}

#[test]
fn never_panics_on_odd_documents() {
    let det = StanceDetector::default();
    for text in [
        "",
        "?",
        "“”",
        "shoot down",
        "— — —",
        "Shoot down!!! ???",
        "émoji 🚀 shoot down 🚀 drones",
    ] {
        let mut d = doc(None, text, None, &[], false);
        det.annotate(&mut d);
        let mut d = new_doc("x", text);
        d.actors.push(Actor {
            id: "a".into(),
            name: "A".into(),
            kind: ActorKind::Person,
            country: None,
            role: None,
        });
        d.statements.push(Statement {
            actor: ActorId(5),
            span: Span::new(0, text.len() + 10),
            content: Span {
                start: 3,
                end: 2 + text.len() * 2,
            },
            quote: false,
            cue: Some("x".into()),
            cue_span: Some(Span::new(0, 1000)),
            mention: Some(99),
            stances: vec![],
            hedges: vec![],
            boosters: vec![],
            commitment: f32::NAN,
        });
        det.annotate(&mut d);
    }
}

/// Every sentence of a text as a statement of the author; the labels in order.
fn sentences(text: &str) -> Vec<Option<Stance>> {
    let mut d = doc(None, text, None, &[], true);
    d.statements.clear();
    let sents = d.sentences.clone();
    for s in &sents {
        d.statements
            .push(statement(s.span, s.span, None, None, None));
    }
    StanceDetector::default().annotate(&mut d);
    d.statements
        .iter()
        .map(|s| {
            s.stances
                .iter()
                .find(|x| x.topic == "shoot_down")
                .map(|x| x.stance)
        })
        .collect()
}

#[test]
fn an_op_ed_against_shooting_down() {
    let text = "Shooting down a Russian jet would be a catastrophic mistake. \
The alliance must resist the temptation to fire on every intruder. \
Instead, the allies should intercept and escort the planes, as they have done for decades. \
Hawks say deterrence demands it. They are wrong.";
    let got = sentences(text);
    use Stance::Oppose;
    assert_eq!(
        got,
        vec![Some(Oppose), Some(Oppose), Some(Oppose), None, None]
    );
}

#[test]
fn a_live_blog() {
    let text = "14:02 Two drones were shot down over the border region overnight, the army said.\n\
14:10 The defence minister said the country will shoot down any drone that violates its airspace.\n\
14:25 Markets were calm in early trading.";
    assert_eq!(sentences(text), vec![None, Some(Stance::Support), None]);
}

#[test]
fn a_piece_on_tariffs_has_no_shoot_down_stance() {
    let text = "The government should raise tariffs to show force in the trade dispute. \
Critics urged caution, warning of the risk of escalation. \
The minister said a tough stance was necessary and ruled out any compromise.";
    assert!(sentences(text).iter().all(Option::is_none));
}

#[test]
fn debug_one() {
    if let Ok(t) = std::env::var("STANCE_TEXT") {
        let topic = std::env::var("STANCE_TOPIC").unwrap_or_else(|_| "shoot_down".into());
        // STANCE_PACK=file.toml adds a user pack (its id is the topic to pass).
        let det = match std::env::var("STANCE_PACK") {
            Ok(p) => {
                let mut topics = Topics::default();
                topics.add(crate::TopicPack::from_path(&p).expect("STANCE_PACK"));
                StanceDetector::new(topics)
            }
            Err(_) => StanceDetector::default(),
        };
        // STANCE_SPEAKER names the speaker's mention; STANCE_OTHERS (`|`-separated)
        // other actors' mentions.
        let speaker = std::env::var("STANCE_SPEAKER").ok();
        let others = std::env::var("STANCE_OTHERS").unwrap_or_default();
        let others: Vec<&str> = others.split('|').filter(|o| !o.is_empty()).collect();
        for line in t.lines().filter(|l| !l.trim().is_empty()) {
            eprintln!("--- {line}");
            let d = doc(None, line, speaker.as_deref(), &others, false);
            let got = stance(&det, d, &topic);
            eprintln!("=> {got:?}");
        }
    }
}

#[test]
fn target_and_topical_spans() {
    let det = StanceDetector::default();
    let d = new_doc(
        "d",
        "Caution is wise. Nobody should shoot down the jets. It depends.",
    );
    let t: Vec<&str> = det
        .target_spans(&d)
        .iter()
        .map(|s| &d.text()[s.range()])
        .collect();
    assert_eq!(t, vec!["shoot down"]);
    let t: Vec<&str> = det
        .topical_spans(&d)
        .iter()
        .map(|s| &d.text()[s.range()])
        .collect();
    assert_eq!(t, vec!["Caution", "shoot down", "It depends"]);
    let d = new_doc("d", "Caution is wise. It depends.");
    assert!(
        det.topical_spans(&d).is_empty(),
        "no target: the topic is not active"
    );
    assert!(det.active_topics(&d).is_empty());
}

/// The tagger writes where each topic is touched and leaves its scan: the detector that
/// made it takes it (same stances as scanning itself), another detector scans anew.
#[test]
fn the_tagger_writes_topic_spans_and_hands_its_scan_to_its_detector() {
    let det = Arc::new(StanceDetector::default());
    let text = "Caution is wise, the minister said. NATO should shoot down the jets, he said.";
    let plain = {
        let mut d = doc(None, text, None, &[], false);
        det.annotate(&mut d);
        d.statements[0].stances.clone()
    };
    let mut d = doc(None, text, None, &[], false);
    crate::TopicTagger::new(Arc::clone(&det))
        .process(&mut d)
        .unwrap();
    let spans: Vec<(&str, &str, TopicTerm)> = d
        .topic_spans
        .iter()
        .flatten()
        .map(|t| (&*t.topic, d.slice(t.span), t.kind))
        .collect();
    assert_eq!(
        spans,
        [
            ("shoot_down", "Caution", TopicTerm::Term),
            ("shoot_down", "shoot down", TopicTerm::Target)
        ]
    );
    assert!(!d.scratch.is_empty());
    det.annotate(&mut d);
    assert!(d.scratch.is_empty(), "the detector takes the scan");
    assert_eq!(d.statements[0].stances, plain);
    // a scan of a detector without topics is no scan for this one
    let mut d = doc(None, text, None, &[], false);
    let none = Arc::new(StanceDetector::new(Topics::new()));
    crate::TopicTagger::new(none).process(&mut d).unwrap();
    assert_eq!(d.topic_spans.as_deref(), Some(&[][..]));
    det.annotate(&mut d);
    assert_eq!(d.statements[0].stances, plain);
}

/// A user valence file replaces the shipped lists that `<good>` and `<bad>` read.
#[test]
fn a_user_valence_file_decides_what_is_good_and_bad() {
    let dir = std::env::temp_dir().join(format!("stancemap-valence-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("valence.tsv");
    std::fs::write(&path, "# made-up words\nglorpish\t-3.0\n").unwrap();
    let text = "Shooting down the drones would be glorpish.";
    let with = |det: &StanceDetector| stance(det, doc(None, text, None, &[], false), "shoot_down");
    assert_eq!(
        with(&StanceDetector::default()),
        None,
        "not a word of the shipped lists"
    );
    let grammar = StanceGrammar::default().with_valence_file(&path).unwrap();
    let det = StanceDetector::with_grammar(Topics::default(), grammar);
    assert_eq!(with(&det), Some(Stance::Oppose));
    std::fs::remove_dir_all(&dir).ok();
}

/// "X will be shot down; Y will not": a negated elliptical clause excepts some objects,
/// so the position is conditional; with a pronoun subject the clause is no ellipsis.
#[test]
fn a_negated_elliptical_clause_makes_an_exception() {
    assert_eq!(
        sd("Armed balloons will be shot down; weather balloons will not."),
        Some(Stance::Conditional)
    );
    assert_eq!(
        sd(
            "Balloons over the port will be brought down, those over open sea will not, the admiral said."
        ),
        Some(Stance::Conditional)
    );
    assert_eq!(
        sd("We will shoot down the balloons; we will not wait."),
        Some(Stance::Support)
    );
}

/// An anchor term names the topic by itself: without any target it makes the document
/// active and votes like a term near a target.
#[test]
fn an_anchor_term_makes_a_document_active() {
    let det = StanceDetector::default();
    let d = new_doc("d", "Crews should keep escorting the balloons home.");
    assert_eq!(det.active_topics(&d), vec!["shoot_down"]);
    assert_eq!(
        sd("Crews should keep escorting the balloons home."),
        Some(Stance::Oppose)
    );
    // an ordinary weak term does not
    assert!(
        det.active_topics(&new_doc("d", "Caution is wise."))
            .is_empty()
    );
}

#[test]
fn backed_by_statement_with_the_backed_clause_as_content() {
    // The attribution stage may give "backed by X" statements the backed clause as content.
    let text = "Paris warned against shooting down the jets, while the Czech president said he’s open to a tougher stance, backed by Vilnius and Riga.";
    let mut d = doc(
        None,
        text,
        Some("Vilnius"),
        &["Paris", "Czech president"],
        false,
    );
    let a = text.find("the Czech").unwrap();
    let b = text.find("backed").unwrap();
    d.statements[0].content = Span::new(a, b);
    d.statements[0].cue_span = Some(Span::new(b, b + "backed by".len()));
    d.statements[0].cue = Some("backed by".into());
    assert_eq!(
        stance(&StanceDetector::default(), d, "shoot_down"),
        Some(Stance::Support)
    );
}

#[test]
fn unseen_constructions() {
    use Stance::{Conditional, Oppose, Support};
    let cases: &[(&str, Option<Stance>)] = &[
        (
            "Lithuania's defence minister said his country would not hesitate to shoot down hostile drones.",
            Some(Support),
        ),
        (
            "The alliance has no intention of shooting down the intruding jets.",
            Some(Oppose),
        ),
        (
            "There is little appetite in the capital for shooting down foreign planes.",
            Some(Oppose),
        ),
        (
            "The prime minister said shooting down the drone was the right decision.",
            Some(Support),
        ),
        (
            "Budapest opposes any move to shoot down the jets.",
            Some(Oppose),
        ),
        (
            "Shooting down the drones is a legitimate act of self-defence.",
            Some(Support),
        ),
        (
            "The general warned that shooting down the jets could spark a wider war.",
            Some(Oppose),
        ),
        (
            "Tallinn wants the alliance to shoot down any aircraft that violates its airspace.",
            Some(Support),
        ),
        (
            "Critics say shooting down a cheap drone with a costly missile makes little sense.",
            Some(Oppose),
        ),
        ("It is time to shoot down these drones.", Some(Support)),
        (
            "The coalition has been reluctant to shoot down the balloons.",
            Some(Oppose),
        ),
        (
            "Paris is in favour of downing drones that enter allied airspace.",
            Some(Support),
        ),
        (
            "The republic reserves the right to shoot down objects violating its airspace.",
            Some(Support),
        ),
        (
            "Opening fire on a fighter jet is out of the question, the minister said.",
            Some(Oppose),
        ),
        (
            "Allied jets intercepted the bombers and escorted them out of the area.",
            None,
        ),
        (
            "The policy of intercepting rather than shooting down has served the alliance well.",
            Some(Oppose),
        ),
        (
            "Asked whether the allies would shoot down the planes, the admiral said: It depends.",
            Some(Conditional),
        ),
        (
            "Downing one of the drones would send a clear message to the invaders.",
            Some(Support),
        ),
        (
            "Britain says its pilots are authorised to shoot down drones.",
            Some(Support),
        ),
        ("The drone was shot down after it ignored warnings.", None),
        (
            "If the jets return, they will be shot down, the minister vowed.",
            Some(Support),
        ),
    ];
    let mut fails = Vec::new();
    for (text, want) in cases {
        let got = sd(text);
        if got != *want {
            fails.push(format!("{text:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

#[test]
fn reports_and_open_questions_are_not_stances() {
    let cases = [
        "Three of the drones were shot down after they crossed the border.",
        "The question of whether to shoot down the jets has divided the coalition.",
        "Officials are debating whether the rules of engagement allow pilots to fire on intruders.",
        "Experts say the coalition will have to decide whether to shoot down intruders.",
        "Asked if the navy had shot down any drones, the spokesman said no.",
        "Several drones were downed by fighter jets, the army said.",
        "Calls to shoot down the drones grew louder after the incident.",
        "Shooting down a single drone costs millions.",
        "The drone, which officials said should never have crossed, was eventually shot down.",
    ];
    let fails: Vec<String> = cases
        .iter()
        .filter_map(|t| sd(t).map(|s| format!("{t:?}: got {s:?}")))
        .collect();
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn boundary(text: &str, i: usize) -> usize {
        let mut i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn never_panics_and_keeps_invariants(
            words in proptest::collection::vec(prop_oneof![
                proptest::sample::select(vec![
                    "shoot down", "should", "not", "warned against", "if", "whether", ",", ".", "?", "“",
                    "’s", "case-by-case", "backed by", "Yes", "while", "drones", "caution", "—",
                    "the frozen assets", "seize", "\n",
                ]).prop_map(String::from),
                "[a-zA-Zé🚀 ]{0,8}",
            ], 0..40),
            cuts in proptest::collection::vec((0usize..400, 0usize..400), 0..6),
        ) {
            let text = words.join(" ");
            let mut d = new_doc("p", text.clone());
            d.actors.push(Actor { id: "a".into(), name: "A".into(), kind: ActorKind::Author, country: None, role: None });
            for (a, b) in cuts {
                let (a, b) = (boundary(&text, a.min(b)), boundary(&text, a.max(b)));
                d.statements.push(Statement {
                    actor: ActorId(0), span: Span::new(a, b), content: Span::new(a, b), quote: false,
                    cue: None, cue_span: None, mention: None, stances: vec![], hedges: vec![],
                    boosters: vec![], commitment: 1.0,
                });
            }
            StanceDetector::default().annotate(&mut d);
            for st in &d.statements {
                for s in &st.stances {
                    prop_assert!((-1.0..=1.0).contains(&s.score));
                    for e in &s.evidence {
                        prop_assert!(e.end <= text.len() && text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
                    }
                }
            }
            for s in &d.stances {
                prop_assert!((-1.0..=1.0).contains(&s.score));
                prop_assert!(!s.statements.is_empty());
            }
        }
    }
}

/// A document whose speaker is the official Ana Veltri (with `role`), her name
/// mentioned in `text`; her statement's content is what follows "said", as attribution
/// cuts it for "CONTENT, … Ana Veltri said.", with the cue named `cue`.
fn veltri_said(text: &str, role: &str, cue: Option<&str>) -> Document {
    let mut d = new_doc("t", text);
    d.actors.push(Actor {
        id: "ana-veltri".into(),
        name: "Ana Veltri".into(),
        kind: ActorKind::Person,
        country: None,
        role: Some(role.into()),
    });
    let m = text.find("Ana Veltri").unwrap_or(0);
    d.mentions.push(Mention {
        actor: ActorId(0),
        span: Span::new(m, m + "Ana Veltri".len()),
        kind: MentionKind::Name,
        rule: "test".into(),
    });
    let said = text.find("said").unwrap_or(0);
    d.statements.push(statement(
        Span::new(0, text.len()),
        Span::new(said + 4, text.len()),
        cue,
        Some(Span::new(said, said + 4)),
        Some(0),
    ));
    d
}

/// A statement "CONTENT, NAME said." whose attributed content is only what follows the
/// reporting cue: the fronted words are read, and a named state as the subject of a
/// commitment is the official speaker's own side.
#[test]
fn fronted_content_and_an_officials_own_side() {
    let text = "Veldaria is ready to shoot down any drone over its farms, Defence Minister Ana Veltri said.";
    let d = veltri_said(text, "Defence Minister", None);
    assert_eq!(
        stance(&StanceDetector::default(), d, "shoot_down"),
        Some(Stance::Support)
    );
}

/// "said (afterwards) that Veldaria would …": an adjunct between the verb and "that"
/// leaves the reported clause the official's main clause.
#[test]
fn an_adjunct_before_that_keeps_the_officials_own_side() {
    let text = "Defence Minister Ana Veltri said afterwards that Veldaria was ready to shoot down any drone over its farms.";
    let d = veltri_said(text, "Defence Minister", Some("said"));
    assert_eq!(
        stance(&StanceDetector::default(), d, "shoot_down"),
        Some(Stance::Support)
    );
}

/// Evaluation by the valence of the evaluating word (shipped general lexicon).
#[test]
fn evaluation_reads_valence() {
    let cases: &[(&str, Option<Stance>)] = &[
        (
            "Firing on the patrol jets would be utter madness.",
            Some(Stance::Oppose),
        ),
        (
            "Shooting down a straying balloon would be a dangerous folly.",
            Some(Stance::Oppose),
        ),
        (
            "Downing the intruding drones was a perfectly sensible decision.",
            Some(Stance::Support),
        ),
        (
            "Not shooting the drones down would be a disgrace.",
            Some(Stance::Support),
        ),
        (
            "It would be stupid to fire on an airliner.",
            Some(Stance::Oppose),
        ),
        (
            "It would be foolish not to shoot them down.",
            Some(Stance::Support),
        ),
        // A relative clause evaluates the noun, not the action.
        ("Jets shot down a drone that was dangerous.", None),
        // Past participles report events.
        ("Two drones were shot down and destroyed.", None),
    ];
    let fails: Vec<String> = cases
        .iter()
        .filter(|(t, want)| sd(t) != *want)
        .map(|(t, want)| format!("{t:?}: want {want:?}, got {:?}", sd(t)))
        .collect();
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

/// Negation: raising ("I don't think we should"), "no question of", negated objects,
/// negators inside a target ("soldiers will not go to …"), denied grounds for complaint.
#[test]
fn negation_scope_families() {
    let cases: &[(&str, Option<Stance>)] = &[
        (
            "I don't think our pilots should fire on the jets.",
            Some(Stance::Oppose),
        ),
        (
            "There is no question of the navy shooting down the balloons.",
            Some(Stance::Oppose),
        ),
        (
            "We will never shoot down an unarmed balloon.",
            Some(Stance::Oppose),
        ),
        (
            "Not downing the drones is no longer an option.",
            Some(Stance::Support),
        ),
        (
            "Their generals cannot complain if the drones get shot down.",
            Some(Stance::Support),
        ),
    ];
    let fails: Vec<String> = cases
        .iter()
        .filter(|(t, want)| sd(t) != *want)
        .map(|(t, want)| format!("{t:?}: want {want:?}, got {:?}", sd(t)))
        .collect();
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

/// Rejection of the other side's warnings or calls supports; a participial clause after
/// a comma ("…, saying …") is not under the rejection.
#[test]
fn rejecting_warnings_and_restraint() {
    let cases: &[(&str, Option<Stance>)] = &[
        (
            "The premier dismissed warnings that shooting down the drones would mean war.",
            Some(Stance::Support),
        ),
        (
            "The senator brushed aside warnings that downing the balloons would lead to disaster.",
            Some(Stance::Support),
        ),
        (
            "Shooting down the balloons would lead to disaster, the senator said.",
            Some(Stance::Oppose),
        ),
        (
            "The premier rejected calls for restraint, saying pilots would fire on any intruding drone.",
            Some(Stance::Support),
        ),
    ];
    let fails: Vec<String> = cases
        .iter()
        .filter(|(t, want)| sd(t) != *want)
        .map(|(t, want)| format!("{t:?}: want {want:?}, got {:?}", sd(t)))
        .collect();
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

/// Conditions: last resort and threat thresholds make the stance conditional.
#[test]
fn last_resort_and_threat_conditions() {
    assert_eq!(
        sd("Shooting down the jets must stay the very last resort."),
        Some(Stance::Conditional)
    );
    assert_eq!(
        sd("When they pose a danger to towns, we take them down."),
        Some(Stance::Conditional)
    );
}

/// A user pack gets the grammar: a negated commitment inside a target.
#[test]
fn user_pack_negated_commitment() {
    let pack = r#"
id = "bridge_tolls"
label = "Bridge tolls"
description = "Should the bridge be tolled?"
inherit = true
[[targets]]
id = "toll"
patterns = ["toll|tolls *0-4 on *0-2 the bridge"]
"#;
    let det = StanceDetector::new(Topics::from_toml("bridge.toml", pack).expect("pack"));
    let got = stance(
        &det,
        doc(
            None,
            "Tolls will never be charged on the bridge.",
            None,
            &[],
            false,
        ),
        "bridge_tolls",
    );
    assert_eq!(got, Some(Stance::Oppose));
    let got = stance(
        &det,
        doc(
            None,
            "Charging tolls on the bridge would be a terrible mistake.",
            None,
            &[],
            false,
        ),
        "bridge_tolls",
    );
    assert_eq!(got, Some(Stance::Oppose));
}

/// A state's own statement whose reporting cue is the stance verb ("Veldaria is ready
/// to …", cue "ready to"): the frame starting at the auxiliary belongs to the cue.
#[test]
fn a_cue_with_its_auxiliary_is_a_frame() {
    for (text, cue, expect) in [
        (
            "Veldaria is ready to shoot down any drone over its farms, the minister said.",
            "ready to",
            Stance::Support,
        ),
        (
            "Veldaria is not prepared to fire on the balloons, its envoy said.",
            "prepared to",
            Stance::Oppose,
        ),
    ] {
        let mut d = new_doc("t", text);
        d.actors.push(Actor {
            id: "veldaria".into(),
            name: "Veldaria".into(),
            kind: ActorKind::State,
            country: None,
            role: None,
        });
        d.mentions.push(Mention {
            actor: ActorId(0),
            span: Span::new(0, "Veldaria".len()),
            kind: MentionKind::Name,
            rule: "test".into(),
        });
        let c = text.find(cue).unwrap_or(0);
        d.statements.push(statement(
            Span::new(0, text.len()),
            Span::new(c + cue.len(), text.len()),
            Some(cue),
            Some(Span::new(c, c + cue.len())),
            Some(0),
        ));
        assert_eq!(
            stance(&StanceDetector::default(), d, "shoot_down"),
            Some(expect),
            "{text}"
        );
    }
}

/// "Pilots will be authorised to …, the minister said": a common-noun subject opening
/// the fronted content is not another actor.
#[test]
fn fronted_commitment_with_a_common_noun_subject() {
    let text = "Pilots will be authorised to open fire, Prime Minister Ana Veltri said.";
    let d = veltri_said(text, "Prime Minister", Some("said"));
    assert_eq!(
        stance(&StanceDetector::default(), d, "shoot_down"),
        Some(Stance::Support)
    );
}

/// An official's "the pilots will …": the pilots (a group actor of their own) are the
/// official's own forces; an analyst's is a prediction about someone else.
#[test]
fn an_officials_own_forces_commit_their_side() {
    let run = |role: &str| {
        let text = "The pilots will fire on any balloon over the coast, Ana Veltri said.";
        let mut d = new_doc("t", text);
        d.actors.push(Actor {
            id: "ana-veltri".into(),
            name: "Ana Veltri".into(),
            kind: ActorKind::Person,
            country: None,
            role: Some(role.into()),
        });
        d.actors.push(Actor {
            id: "pilots".into(),
            name: "pilots".into(),
            kind: ActorKind::Group,
            country: None,
            role: None,
        });
        let p = text.find("pilots").unwrap_or(0);
        d.mentions.push(Mention {
            actor: ActorId(1),
            span: Span::new(p, p + "pilots".len()),
            kind: MentionKind::Name,
            rule: "test".into(),
        });
        let m = text.find("Ana Veltri").unwrap_or(0);
        d.mentions.push(Mention {
            actor: ActorId(0),
            span: Span::new(m, m + "Ana Veltri".len()),
            kind: MentionKind::Name,
            rule: "test".into(),
        });
        let cue = text.find("said").unwrap_or(0);
        d.statements.push(statement(
            Span::new(0, text.len()),
            Span::new(cue + 4, text.len()),
            Some("said"),
            Some(Span::new(cue, cue + 4)),
            Some(1),
        ));
        stance(&StanceDetector::default(), d, "shoot_down")
    };
    assert_eq!(run("Defence Minister"), Some(Stance::Support));
    assert_eq!(run("analyst"), None);
}

/// A member speaking for a parliamentary group: "the Liberals want …" is her own group's
/// wish when her role names it, someone else's when it does not.
#[test]
fn a_members_own_group_as_subject_is_her_side() {
    let run = |role: &str| {
        let text =
            "That is why the Liberals want the alliance to adopt shared rules of engagement.";
        let mut d = new_doc("t", text);
        d.actors.push(Actor {
            id: "mara-lind".into(),
            name: "Mara Lind".into(),
            kind: ActorKind::Person,
            country: None,
            role: Some(role.into()),
        });
        d.statements.push(statement(
            Span::new(0, text.len()),
            Span::new(0, text.len()),
            None,
            None,
            None,
        ));
        stance(&StanceDetector::default(), d, "shoot_down")
    };
    assert_eq!(run("Liberals Group"), Some(Stance::Support));
    assert_eq!(run("Greens Group"), None);
}

/// A negator over an action on every object ("not … fire at everything") leaves it for
/// some objects: conditional. A negative evaluation of the universal policy stays a no,
/// and "any" is not universal here ("will not shoot down any balloon").
#[test]
fn denying_the_action_on_every_object_is_conditional() {
    assert_eq!(
        sd("I do not accept that the answer is to fire at everything that crosses the line."),
        Some(Stance::Conditional)
    );
    assert_eq!(
        sd("Our crews will not shoot down every balloon that drifts over the coast."),
        Some(Stance::Conditional)
    );
    assert_eq!(
        sd("Our crews will not shoot down any balloon."),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("Shooting down every balloon would drain the stocks in a month."),
        Some(Stance::Oppose)
    );
}

/// A target that ends with a policy noun ("a river patrol mission") is named again by
/// "the mission" later in the document; before it, or without a determiner, it is not.
#[test]
fn a_policy_noun_target_is_named_again_by_a_definite_noun() {
    let pack = r#"
id = "river_patrol"
label = "River patrol"
description = "Should the navy run a river patrol mission?"
inherit = true
[[targets]]
id = "patrol"
patterns = ["river patrol mission", "patrol the river"]
"#;
    let det = StanceDetector::new(Topics::from_toml("patrol.toml", pack).expect("pack"));
    let run = |t: &str| stance(&det, doc(None, t, None, &[], false), "river_patrol");
    assert_eq!(
        run("The cabinet debated a river patrol mission. We would gladly support the mission."),
        Some(Stance::Support)
    );
    assert_eq!(
        run("We would gladly support the mission. The cabinet debated a river patrol mission."),
        None
    );
    // the noun of a phrase right after the target: "… as part of a joint mission"
    assert_eq!(
        run(
            "Crews may patrol the river as part of a joint mission. We would gladly support the mission."
        ),
        Some(Stance::Support)
    );
}

/// Once a target has been named with its goal ("send engineers to Lisbon"), the action
/// without the goal names it again; not before, not with a goal that is a common noun,
/// and not with another named goal.
#[test]
fn a_target_named_with_its_goal_is_named_again_without_it() {
    let pack = r#"
id = "engineers"
label = "Engineers abroad"
description = "Should the army send engineers to Portugal?"
inherit = true
[classes]
send = ["send", "sending", "deploy", "deploying"]
place = ["lisbon", "porto", "portugal", "abroad"]
[[targets]]
id = "send-engineers"
patterns = ["<send> *0-3 engineers *0-4 <place>"]
"#;
    let det = StanceDetector::new(Topics::from_toml("engineers.toml", pack).expect("pack"));
    let run = |t: &str| stance(&det, doc(None, t, None, &[], false), "engineers");
    let given = "The cabinet discussed sending army engineers to Lisbon after the floods.";
    assert_eq!(
        run(&format!(
            "{given} We would gladly deploy engineers, the minister said."
        )),
        Some(Stance::Support)
    );
    assert_eq!(
        run(
            "We would gladly deploy engineers, the minister said. The cabinet discussed sending army engineers to Lisbon."
        ),
        None
    );
    assert_eq!(
        run(&format!(
            "{given} We would gladly deploy engineers to Madrid."
        )),
        None
    );
    // a goal that is no name ("abroad") gives no licence
    assert_eq!(
        run(
            "The cabinet discussed sending army engineers abroad. We would gladly deploy engineers."
        ),
        None
    );
}

/// A modal governs each predicate it coordinates, however long the first one is; not
/// when a negator in the first makes the reading unclear.
#[test]
fn a_modal_governs_the_second_of_two_coordinated_predicates() {
    assert_eq!(
        sd(
            "The harbour guard must stop sending polite notes to the smugglers and shoot down the balloons."
        ),
        Some(Stance::Support)
    );
    assert_eq!(
        sd("The harbour guard must not lose its nerve and shoot down the balloons."),
        None
    );
}

/// A question reported with ", X asked." and no question mark is a question too: its
/// rhetorical frame reads, and an inner frame it governs is asserted.
#[test]
fn a_reported_question_without_a_question_mark() {
    assert_eq!(
        sd(
            "How many more balloons must land on the quay before someone orders the crews to shoot them down, the mayor asked."
        ),
        Some(Stance::Support)
    );
}

/// "X said A but warned that B": a verb right after the contrast marker shares the
/// speaker's subject, so B is the speaker's clause too.
#[test]
fn a_verb_after_but_keeps_the_speaker() {
    let det = StanceDetector::default();
    let text = "Ana Roe said the islands stood together but warned that firing on the balloons could drag the coalition into war.";
    assert_eq!(
        stance(
            &det,
            doc(None, text, Some("Ana Roe"), &[], false),
            "shoot_down"
        ),
        Some(Stance::Oppose)
    );
}

/// A coordinated predicate's subject opens the first conjunct's clause, however long
/// that conjunct and whatever names it holds ("any change of local or NATO rules").
#[test]
fn a_coordinated_predicate_keeps_the_pronoun_subject() {
    assert_eq!(
        sd(
            "After the storm, it rejected any change of local or NATO rules and warned that firing on the balloons would turn a quarrel into a war."
        ),
        Some(Stance::Oppose)
    );
}

/// A small clause after a verb of calling judges its target as "is" would; without an
/// evaluative word after the target, nothing is judged.
#[test]
fn a_verb_of_calling_judges_its_object() {
    assert_eq!(
        sd("The mayor called the shootdown over the harbour a mistake."),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("The senator called the decision to open fire on the balloons fully justified."),
        Some(Stance::Support)
    );
    assert_eq!(
        sd("The mayor described the shootdown over the harbour last night."),
        None
    );
}

/// "X, but not Y, said Z": a "but" that only limits the claim before it keeps one
/// holder, so the post-posed speaker holds both.
#[test]
fn but_not_limits_one_claim() {
    let det = StanceDetector::default();
    let text =
        "Firing on the balloons may be justified in some cases, but not as a rule, said Ana Roe.";
    assert_eq!(
        stance(
            &det,
            doc(None, text, Some("Ana Roe"), &[], false),
            "shoot_down"
        ),
        Some(Stance::Conditional)
    );
}

/// A currency sign is part of its amount: a pattern's gap runs over "the €40 million".
#[test]
fn a_currency_sign_is_part_of_the_amount() {
    let det = StanceDetector::default();
    let text = "The cabinet will seize the €40 million of frozen Russian reserves held in Oslo.";
    assert_eq!(
        stance(&det, doc(None, text, None, &[], false), "frozen_assets"),
        Some(Stance::Support)
    );
}

/// The author describing someone else's plan ("his bill, tabled in June, would …") takes
/// no position; a parenthetical between the subject and the modal is stepped over.
#[test]
fn the_authors_report_of_another_plan_is_not_the_authors() {
    let det = StanceDetector::default();
    let text = "His bill, tabled in June, would let the navy shoot down balloons.";
    assert_eq!(
        stance(&det, doc(None, text, None, &[], true), "shoot_down"),
        None
    );
    let text = "Our navy, as I said in June, would shoot down the balloons.";
    assert_eq!(
        stance(&det, doc(None, text, None, &[], true), "shoot_down"),
        Some(Stance::Support)
    );
}

/// A yes and a no on targets of one statement split the action by case: conditional.
#[test]
fn a_yes_and_a_no_in_one_statement_are_conditional() {
    assert_eq!(
        sd("Balloons over our ports must be shot down, but patrol jets must never be fired on."),
        Some(Stance::Conditional)
    );
    assert_eq!(
        sd("Balloons over our ports must be shot down, and jets must be fired on too."),
        Some(Stance::Support)
    );
}

/// "Why wouldn't we?" answers a yes/no question with a yes, although it is itself a
/// question.
#[test]
fn a_why_not_answer_affirms() {
    assert_eq!(
        sd(
            "Asked whether the navy would fire on the next balloon, the admiral answered: \"Why wouldn't we?\""
        ),
        Some(Stance::Support)
    );
}

/// A pro-form after a target stands for it: "do so", "do the same", "against it"; "for
/// it" only after a verb of advocacy; with no target before, nothing.
#[test]
fn pro_forms_stand_for_an_earlier_target() {
    assert_eq!(
        sd("The navy shot down two balloons on Monday. The coast guard is ready to do the same."),
        Some(Stance::Support)
    );
    assert_eq!(
        sd("Firing on the balloons was debated for hours; the senator argued against it."),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("\"We will shoot them down, and we will not apologise for it.\""),
        Some(Stance::Support)
    );
    assert_eq!(sd("The coast guard is ready to do the same."), None);
}

/// Words the speaker quotes or reports from others ("they say", "we keep being told",
/// "those who want …") are not the speaker's position; a dismissal after them inverts
/// them, an endorsement keeps them, and without a verdict they count for nothing.
#[test]
fn a_mention_counts_only_with_the_speakers_verdict() {
    assert_eq!(
        sd("\"'Fire on the balloons,' they say. Easy to say from a desk in the capital.\""),
        Some(Stance::Oppose)
    );
    assert_eq!(
        sd("\"'Fire on the balloons,' they say. And they are right.\""),
        Some(Stance::Support)
    );
    assert_eq!(sd("\"'Fire on the balloons,' they say.\""), None);
    assert_eq!(
        sd(
            "We keep being told that shooting down the balloons would be reckless. Reckless for whom?"
        ),
        Some(Stance::Support)
    );
    assert_eq!(
        sd("Those who want the navy to shoot down the balloons have no idea what a missile costs."),
        Some(Stance::Oppose)
    );
    // agreeing with those who want it is no mention
    assert_eq!(
        sd("The senator agreed with those who want the navy to shoot down the balloons."),
        Some(Stance::Support)
    );
}

/// A gerund subject judged by a post frame may open the clause after a verb of saying.
#[test]
fn a_gerund_subject_after_a_verb_of_saying_is_judged_whole() {
    assert_eq!(
        sd_ctx(
            "Some allies want to shoot down the balloons.",
            "I say letting the balloons drift over the port unchallenged is the real danger."
        ),
        Some(Stance::Support)
    );
}
