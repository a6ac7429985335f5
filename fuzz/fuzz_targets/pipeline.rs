//! Fuzz target: arbitrary bytes → lossy plain-text document → the whole pipeline →
//! SPEC §3 report → JSON (and back). Fails on any panic, on a span that is out of bounds
//! or off a char boundary, on overlapping sentences, on a dangling index, and on a report
//! that does not round-trip through JSON.
//!
//! Run: `cargo +nightly fuzz run pipeline -- -max_len=4096` from the root of the
//! repository (on stable: `RUSTC_BOOTSTRAP=1 cargo fuzz run pipeline ...`); seed it with
//! the corpus: `cargo fuzz run pipeline corpus/articles`.
//!
//! The pipeline is assembled from the stage crates exactly as `stancemap::Analyzer::new`
//! does (src/analyzer.rs), so that the sanitizer build does not include polars.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stancemap_actors::{ActorFinder, Lexicon};
use stancemap_attribute::Attributor;
use stancemap_core::output::DocumentReport;
use stancemap_core::{Document, Pipeline, Span};
use stancemap_ingest::Boilerplate;
use stancemap_hedges::CueDetector;
use stancemap_stance::StanceDetector;
use stancemap_text::Segmenter;
use std::sync::{Arc, OnceLock};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        let stance = Arc::new(StanceDetector::default());
        let mut attributor = Attributor::default();
        let s = Arc::clone(&stance);
        attributor.topical(Arc::new(move |doc: &Document| s.topical_spans(doc)));
        Pipeline::builder()
            .stage(Boilerplate::default())
            .stage(Segmenter::default())
            .stage(ActorFinder::new(Lexicon::embedded()))
            .stage(attributor)
            .stage(CueDetector::default())
            .shared_stage(stance)
            .build()
            .expect("the stages fit together")
    })
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: {span:?} out of bounds ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} not on char boundaries"
    );
}

fn check(doc: &Document) {
    let text = doc.text();
    for r in &doc.boilerplate {
        check_span(text, r.span, "boilerplate");
    }
    let mut prev_end = 0;
    for s in &doc.sentences {
        check_span(text, s.span, "sentence");
        assert!(
            s.span.start >= prev_end,
            "sentences overlap at {:?}",
            s.span
        );
        assert!(
            !doc.in_boilerplate(s.span),
            "sentence {:?} in boilerplate",
            s.span
        );
        assert!(s.tokens.start <= s.tokens.end && s.tokens.end <= doc.tokens.len());
        prev_end = s.span.end;
    }
    for t in &doc.tokens {
        check_span(text, t.span, "token");
    }
    for m in &doc.mentions {
        check_span(text, m.span, "mention");
        assert!(m.actor.0 < doc.actors.len());
    }
    for c in doc.hedges.iter().chain(&doc.boosters) {
        check_span(text, c.span, "cue");
    }
    for st in &doc.statements {
        check_span(text, st.span, "statement");
        check_span(text, st.content, "statement content");
        if let Some(c) = st.cue_span {
            check_span(text, c, "statement cue");
        }
        assert!(st.actor.0 < doc.actors.len());
        assert!(st.hedges.iter().all(|&h| h < doc.hedges.len()));
        assert!(st.boosters.iter().all(|&b| b < doc.boosters.len()));
        for s in &st.stances {
            assert!((-1.0..=1.0).contains(&s.score), "score {}", s.score);
        }
    }
    for s in &doc.stances {
        assert!(s.actor.0 < doc.actors.len());
        assert!(s.statements.iter().all(|&i| i < doc.statements.len()));
        assert!((-1.0..=1.0).contains(&s.score), "score {}", s.score);
    }
}

fuzz_target!(|data: &[u8]| {
    // Binary data is refused with an error; that is a correct outcome, not a finding.
    let Ok(mut doc) = stancemap_ingest::text_document("fuzz", "fuzz.txt", data.to_vec(), true)
    else {
        return;
    };
    assert_eq!(doc.text().len(), data.len(), "lossy decoding moved offsets");
    pipeline()
        .run(&mut doc)
        .expect("the pipeline never fails on text");
    check(&doc);
    let report = DocumentReport::from_document(&doc);
    let json = serde_json::to_string(&report).expect("a report serialises");
    let back: DocumentReport = serde_json::from_str(&json).expect("a report deserialises");
    assert_eq!(back.statements.len(), report.statements.len());
    assert_eq!(back.hedges, report.hedges);
});
