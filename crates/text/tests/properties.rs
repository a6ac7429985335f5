//! Property tests: no panics and valid, tiling spans on arbitrary (emoji-, diacritic-
//! and NBSP-heavy) text, with and without boilerplate; normalisation equal to the
//! reference normalizer and always mappable back.

use proptest::prelude::*;
use stancemap_core::{Document, Region, Span, Stage};
use stancemap_text::{NormalizedText, Segmenter, normalize};

/// Text built from pieces that exercise every rule of the segmenter.
fn text_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "The",
        "minister",
        "said",
        "U.S.",
        "Dr.",
        "Gen.",
        "J.",
        "e.g.",
        "No.",
        "Sept.",
        "etc.",
        "Kingdom.",
        "would",
        "3.5",
        "$200",
        "bn",
        "1,000",
        ".",
        ". ",
        "?",
        "!",
        "...",
        "\u{2026}",
        ",",
        ";",
        ":",
        "\"",
        "'",
        "\u{201C}",
        "\u{201D}",
        "\u{2019}s",
        "n\u{2019}t",
        "aren't",
        "\u{2014}",
        "-",
        "--",
        "(",
        ")",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\r\n",
        "\u{00A0}",
        "\u{202F}",
        "\u{2029}",
        "\t",
        "Pål",
        "Zürich",
        "Cafe\u{301}",
        "e\u{301}\u{302}",
        "\u{301}",
        "👩\u{200D}🚒",
        "🇫🇷",
        "👍🏽",
        "ﬁnal",
        "ＵＳ",
        "İ",
        "ß",
        "\u{200B}",
        "\u{FEFF}",
        "x",
        "case-by-case",
        "T.D.",
        "A",
        "a",
        "9",
        "Ph.D.",
        "\u{0600}",
        "\u{300C}",
        "\u{3002}",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn text_and_boilerplate() -> impl Strategy<Value = (String, Vec<(usize, usize)>)> {
    text_strategy().prop_flat_map(|t| {
        let len = t.len();
        let spans = prop::collection::vec((0..=len, 0..=len), 0..3);
        (Just(t), spans)
    })
}

/// Widens a byte range to char boundaries, as the boilerplate stage would emit.
fn on_chars(text: &str, a: usize, b: usize) -> Span {
    let (mut a, mut b) = (a.min(b), a.max(b));
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    while !text.is_char_boundary(b) {
        b += 1;
    }
    Span::new(a, b)
}

fn check(doc: &Document) -> Result<(), TestCaseError> {
    let text = doc.text();
    let mut in_sentence = vec![0u8; text.len()];
    let mut in_token = vec![0u8; text.len()];
    let mut prev_end = 0;
    let mut next_tok = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        prop_assert!(s.span.start < s.span.end && s.span.end <= text.len());
        prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        prop_assert!(s.span.start >= prev_end);
        prop_assert!(!doc.in_boilerplate(s.span));
        let slice = doc.slice(s.span);
        prop_assert_eq!(slice.trim(), slice);
        prop_assert_eq!(s.tokens.start, next_tok);
        prop_assert!(s.tokens.end > s.tokens.start && s.tokens.end <= doc.tokens.len());
        if i > 0 {
            prop_assert!(s.paragraph >= doc.sentences[i - 1].paragraph);
        }
        for b in s.span.range() {
            in_sentence[b] += 1;
        }
        for t in doc.sentence_tokens(i) {
            prop_assert!(s.span.contains(t.span) && !t.span.is_empty());
            prop_assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            for b in t.span.range() {
                in_token[b] += 1;
            }
        }
        next_tok = s.tokens.end;
        prev_end = s.span.end;
    }
    prop_assert_eq!(next_tok, doc.tokens.len());
    for (b, c) in text.char_indices() {
        let boiler = doc.boilerplate.iter().any(|r| r.span.range().contains(&b));
        if c.is_whitespace() || boiler {
            prop_assert!(in_token[b] == 0, "byte {} ({:?}) in a token", b, c);
        } else {
            prop_assert!(
                in_sentence[b] == 1,
                "byte {} ({:?}) in {} sentences",
                b,
                c,
                in_sentence[b]
            );
            prop_assert!(
                in_token[b] == 1,
                "byte {} ({:?}) in {} tokens",
                b,
                c,
                in_token[b]
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn segmentation_tiles_the_text((text, spans) in text_and_boilerplate()) {
        let mut doc = Document::new("p", text.clone());
        doc.boilerplate = spans
            .iter()
            .map(|&(a, b)| Region { span: on_chars(&text, a, b), rule: "test".into() })
            // An empty region "overlaps" a span around it (core's `overlaps` is
            // half-open on both); boilerplate regions are never empty.
            .filter(|r| !r.span.is_empty())
            .collect();
        Segmenter::default().process(&mut doc).expect("never fails");
        check(&doc)?;
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,80}") {
        let mut doc = Document::new("p", text);
        Segmenter::default().process(&mut doc).expect("never fails");
        check(&doc)?;
    }

    #[test]
    fn normalized_text_matches_normalize_and_maps_back(text in text_strategy(), a in 0usize..200, b in 0usize..200) {
        let nt = NormalizedText::new(&text);
        prop_assert_eq!(nt.as_str(), normalize(&text));
        let span = nt.original_span(a.min(b)..a.max(b));
        prop_assert!(span.start <= span.end && span.end <= text.len());
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        // Every token's norm is the normalisation of its surface.
        let mut words = Default::default();
        for t in Segmenter::default().tokenize(&text, &mut words) {
            prop_assert_eq!(words.get(t.norm), normalize(&text[t.span.start..t.span.end]));
        }
    }
}
