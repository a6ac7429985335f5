//! Robustness of the whole pipeline (issue 7): on arbitrary Unicode, arbitrary bytes (read
//! in lossy mode) and news-like text heavy in emoji, diacritics and odd white space, the
//! analysis never panics, every span of every layer lies within the text and on char
//! boundaries, sentences overlap neither each other nor boilerplate, every index points
//! at something, and the output is deterministic.
//!
//! Case counts are modest (64 per property) so that `cargo test` stays fast; set
//! `PROPTEST_CASES` for a longer run (e.g. `PROPTEST_CASES=5000 cargo test --test
//! integration robustness`).

use proptest::prelude::*;
use stancemap::core::output::DocumentReport;
use stancemap::ingest::text_document;
use stancemap::{Analyzer, Document, Span};
use std::sync::OnceLock;

fn analyzer() -> &'static Analyzer {
    static A: OnceLock<Analyzer> = OnceLock::new();
    A.get_or_init(|| Analyzer::new().expect("the embedded data loads"))
}

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Checks a span of layer `what` against the text.
fn span_ok(text: &str, span: Span, what: &str) -> Result<(), String> {
    if span.start > span.end || span.end > text.len() {
        return Err(format!(
            "{what}: span {span:?} out of bounds (text has {} bytes)",
            text.len()
        ));
    }
    if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
        return Err(format!("{what}: span {span:?} not on char boundaries"));
    }
    Ok(())
}

/// Every invariant of an analysed document; `Err` names the first one broken.
pub(crate) fn check_document(doc: &Document) -> Result<(), String> {
    let text = doc.text();
    for r in &doc.boilerplate {
        span_ok(text, r.span, "boilerplate")?;
    }
    let mut prev_end = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        span_ok(text, s.span, "sentence")?;
        if s.span.start < prev_end {
            return Err(format!(
                "sentence {i} {:?} overlaps the one before (ends at {prev_end})",
                s.span
            ));
        }
        if let Some(r) = doc.boilerplate.iter().find(|r| r.span.overlaps(s.span)) {
            return Err(format!(
                "sentence {i} {:?} overlaps boilerplate {:?}",
                s.span, r.span
            ));
        }
        if s.tokens.start > s.tokens.end || s.tokens.end > doc.tokens.len() {
            return Err(format!(
                "sentence {i}: token range {:?} out of bounds",
                s.tokens
            ));
        }
        if let Some(t) = doc.tokens[s.tokens.clone()]
            .iter()
            .find(|t| !s.span.contains(t.span))
        {
            return Err(format!(
                "sentence {i} {:?}: token {:?} outside it",
                s.span, t.span
            ));
        }
        prev_end = s.span.end;
    }
    for t in &doc.tokens {
        span_ok(text, t.span, "token")?;
    }
    for m in &doc.mentions {
        span_ok(text, m.span, "mention")?;
        if m.actor.0 >= doc.actors.len() {
            return Err(format!(
                "mention {:?}: actor {} out of bounds",
                m.span, m.actor.0
            ));
        }
    }
    for cues in [&doc.hedges, &doc.boosters] {
        for c in cues {
            span_ok(text, c.span, "cue")?;
        }
    }
    for (i, st) in doc.statements.iter().enumerate() {
        let what = format!("statement {i}");
        span_ok(text, st.span, &what)?;
        span_ok(text, st.content, &format!("{what} content"))?;
        if let Some(c) = st.cue_span {
            span_ok(text, c, &format!("{what} cue"))?;
        }
        if st.actor.0 >= doc.actors.len() {
            return Err(format!("{what}: actor {} out of bounds", st.actor.0));
        }
        if st.mention.is_some_and(|m| m >= doc.mentions.len()) {
            return Err(format!("{what}: mention index out of bounds"));
        }
        if st.hedges.iter().any(|&h| h >= doc.hedges.len()) {
            return Err(format!("{what}: hedge index out of bounds"));
        }
        if st.boosters.iter().any(|&b| b >= doc.boosters.len()) {
            return Err(format!("{what}: booster index out of bounds"));
        }
        if !(st.commitment.is_finite()
            && st.commitment > 0.0
            && st.commitment <= 1.0 + f32::EPSILON)
        {
            return Err(format!(
                "{what}: commitment {} not in (0, 1]",
                st.commitment
            ));
        }
        for s in &st.stances {
            if !(s.score.is_finite() && (-1.0..=1.0).contains(&s.score)) {
                return Err(format!("{what}: score {} not in [-1, 1]", s.score));
            }
            for e in &s.evidence {
                span_ok(text, *e, &format!("{what} stance evidence"))?;
            }
        }
    }
    for s in &doc.stances {
        if s.actor.0 >= doc.actors.len() {
            return Err(format!("stance: actor {} out of bounds", s.actor.0));
        }
        if s.statements.iter().any(|&i| i >= doc.statements.len()) {
            return Err("stance: statement index out of bounds".to_string());
        }
        if !(s.score.is_finite() && (-1.0..=1.0).contains(&s.score)) {
            return Err(format!("stance score {} not in [-1, 1]", s.score));
        }
    }
    Ok(())
}

/// Analyses `doc` twice (from fresh copies), checks it and returns its JSON.
fn analyze_checked(doc: Document) -> Result<String, TestCaseError> {
    let a = analyzer();
    let mut first = doc.clone();
    a.analyze(&mut first)
        .map_err(|e| TestCaseError::fail(format!("analysis failed: {e}")))?;
    check_document(&first).map_err(TestCaseError::fail)?;
    let json = serde_json::to_string(&DocumentReport::from_document(&first))
        .map_err(|e| TestCaseError::fail(format!("JSON: {e}")))?;
    let mut second = doc;
    a.analyze(&mut second)
        .map_err(|e| TestCaseError::fail(format!("analysis failed: {e}")))?;
    let again = serde_json::to_string(&DocumentReport::from_document(&second))
        .map_err(|e| TestCaseError::fail(format!("JSON: {e}")))?;
    prop_assert_eq!(&json, &again, "the same input gave two outputs");
    Ok(json)
}

/// Pieces of news-like text that make every stage fire (names, titles, reporting verbs,
/// quotes, cues, topic terms, boilerplate), mixed with emoji, combining marks, NBSP and
/// other white space. Not from the corpus.
fn news_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Finnish Defence Minister Anna Virtanen",
        "Virtanen",
        "Mr. Okafor",
        "Dr. Zoë Ćosić",
        "Ólafur Grímsson",
        "Søren Åberg",
        "the ministry",
        "NATO",
        "the alliance",
        "the European Commission",
        "Norway",
        "Norway's",
        "Baltic states",
        "experts",
        "she",
        "he",
        "they",
        " said",
        " told reporters",
        " warned against",
        " called for",
        " according to ",
        " argued that",
        "\u{201C}",
        "\u{201D}",
        "\"",
        "'",
        "\u{2019}",
        "We will shoot down any drone that enters our airspace",
        "jets that violate allied airspace should be intercepted and escorted",
        "firing on aircraft would be an escalation",
        "it depends on the threat",
        "case-by-case",
        "the frozen assets should be seized",
        " may ",
        " might ",
        " perhaps ",
        " clearly ",
        " unequivocal ",
        " there is no doubt ",
        "Sign up for our newsletter",
        "Photo: Staff",
        "Read more:",
        ". ",
        ".",
        "? ",
        "! ",
        ", ",
        "; ",
        " \u{2014} ",
        "\n",
        "\n\n",
        "\r\n",
        "\u{00A0}",
        "\u{202F}",
        "\u{2009}",
        "\u{2028}",
        "\t",
        " ",
        "  ",
        "😀",
        "👩\u{200D}🚒",
        "🇫🇮",
        "👍🏽",
        "e\u{301}\u{302}",
        "\u{301}",
        "ﬁ",
        "ＮＡＴＯ",
        "İ",
        "ß",
        "\u{200B}",
        "\u{FEFF}",
        "\u{0600}",
        "\u{05D0}\u{05D1}",
        "\u{0928}\u{093F}",
        "\u{3002}",
        "U.S.",
        "No. 10",
        "3.5",
        "€1,000bn",
    ]);
    // Whole sentences (a speaker, a reporting verb, a topic) so that statements and
    // stances are frequent, between the fragments that break them up.
    let sentences = prop::sample::select(vec![
        "Finnish Defence Minister Anna Virtanen said NATO should shoot down drones that violate allied airspace. ",
        "\u{201C}We will not hesitate to fire on jets that cross the border,\u{201D} Mr. Okafor told reporters. ",
        "Norway's foreign minister warned against shooting down aircraft, calling it an escalation. ",
        "The European Commission called for the frozen assets to be seized. ",
        "According to Dr. Zo\u{eb} \u{106}osi\u{107}, the alliance may need to decide case-by-case. ",
        "\nSign up for our newsletter\n",
        "\n\u{a9} 2031 Example Wire. All rights reserved.\n",
    ]);
    let piece = prop_oneof![4 => pieces, 1 => sentences];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// Raw bytes: news-like text with invalid UTF-8 and control bytes spliced in.
fn mixed_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        3 => news_like().prop_map(String::into_bytes),
        1 => prop::collection::vec(any::<u8>(), 0..8),
        1 => prop::sample::select(vec![
            vec![0xFFu8],
            vec![0xC3],
            vec![0xE2, 0x80],
            vec![0xF0, 0x9F, 0x98],
            vec![0xED, 0xA0, 0x80],
            vec![0xC0, 0xAF],
            vec![0x1B],
            vec![0x0C],
        ]),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_unicode(text in "(?s).{0,400}") {
        analyze_checked(Document::new("prop", text))?;
    }

    #[test]
    fn printable_unicode(text in "\\PC{0,600}") {
        analyze_checked(Document::new("prop", text))?;
    }

    #[test]
    fn news_like_text(text in news_like()) {
        analyze_checked(Document::new("prop", text))?;
    }

    #[test]
    fn arbitrary_bytes_lossy(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        // Binary input is refused with an error (not a panic); any other input is read.
        if let Ok(doc) = text_document("prop", "prop.bin", bytes.clone(), true) {
            prop_assert_eq!(doc.text().len(), bytes.len(), "lossy decoding moved offsets");
            analyze_checked(doc)?;
        }
    }

    #[test]
    fn mixed_bytes_lossy(bytes in mixed_bytes()) {
        if let Ok(doc) = text_document("prop", "prop.txt", bytes.clone(), true) {
            prop_assert_eq!(doc.text().len(), bytes.len(), "lossy decoding moved offsets");
            analyze_checked(doc)?;
        }
    }
}

/// The corpus through two separately built analyzers and in parallel: same JSON.
#[test]
fn corpus_output_is_deterministic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/articles");
    let paths = vec![dir];
    let read = stancemap::ingest::ReadOptions::default();
    let run = |a: &Analyzer| -> Vec<String> {
        a.analyze_paths(&paths, &read)
            .map(|r| {
                let doc = r.expect("corpus article analysed");
                check_document(&doc).unwrap_or_else(|e| panic!("{}: {e}", doc.id()));
                serde_json::to_string(&DocumentReport::from_document(&doc)).expect("JSON")
            })
            .collect()
    };
    let first = run(analyzer());
    assert_eq!(first.len(), 5);
    let other = Analyzer::new().expect("the embedded data loads");
    assert_eq!(first, run(&other));
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a pool");
    assert_eq!(first, one_thread.install(|| run(&other)));
}

/// Pathological shapes that random generation rarely reaches.
#[test]
fn pathological_texts() {
    let long_word = "a".repeat(100_000);
    let cases: Vec<String> = vec![
        String::new(),
        " ".into(),
        "\n\n\n".into(),
        "\u{00A0}".repeat(1000),
        ".".repeat(10_000),
        "\u{201C}".repeat(5_000),
        "\u{201C}Unclosed quote said the minister".into(),
        "said said said according to according to".into(),
        long_word,
        "e\u{301}".repeat(20_000),
        "🇫🇮".repeat(5_000),
        "Mr. ".repeat(5_000),
        "NATO said \u{201C}".repeat(2_000),
        "The minister said: \u{201C}We may, perhaps, shoot down the drones.\u{201D} ".repeat(500),
        "U.S. ".repeat(10_000),
    ];
    for text in cases {
        let head: String = text.chars().take(30).collect();
        let mut doc = Document::new("path", text);
        analyzer()
            .analyze(&mut doc)
            .unwrap_or_else(|e| panic!("{head:?}: {e}"));
        check_document(&doc).unwrap_or_else(|e| panic!("{head:?}: {e}"));
    }
}

/// The news-like generator is only useful if its texts reach every stage: a sample of
/// them must give statements, stances, hedges, boosters and boilerplate.
#[test]
fn news_like_text_reaches_every_stage() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(Config::default().rng_algorithm),
    );
    let strategy = news_like();
    let mut seen = [0usize; 5];
    for _ in 0..200 {
        let text = strategy.new_tree(&mut runner).expect("a value").current();
        let doc = analyzer().analyze_text("sample", &text).expect("analysed");
        for (n, layer) in seen.iter_mut().zip([
            doc.statements.len(),
            doc.stances.len(),
            doc.hedges.len(),
            doc.boosters.len(),
            doc.boilerplate.len(),
        ]) {
            *n += usize::from(layer > 0);
        }
    }
    let names = ["statements", "stances", "hedges", "boosters", "boilerplate"];
    for (name, n) in names.iter().zip(seen) {
        assert!(
            n >= 10,
            "only {n} of 200 sampled texts have {name}: {seen:?}"
        );
    }
}
