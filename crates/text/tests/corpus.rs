//! Runs the segmenter over every bundled article and checks the layer invariants.

use stancemap_core::{Document, SentenceKind, Stage};
use stancemap_text::Segmenter;
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/articles")
}

fn articles() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let dir = corpus_dir();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("dir entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let id = path
                .file_stem()
                .expect("stem")
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("utf-8 article");
            out.push((id, text));
        }
    }
    out.sort();
    assert!(!out.is_empty(), "no articles in {}", dir.display());
    out
}

fn segmented(id: &str, text: &str) -> Document {
    let mut doc = Document::new(id, text);
    Segmenter::default()
        .process(&mut doc)
        .expect("segmenter never fails");
    doc
}

/// Checks spans, token ranges, order and tiling for one document.
fn check_invariants(doc: &Document) {
    let text = doc.text();
    let mut covered = vec![false; text.len()];
    let mut prev_end = 0;
    let mut next_token = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        assert!(
            s.span.start < s.span.end && s.span.end <= text.len(),
            "{} sentence {i}",
            doc.id()
        );
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        assert!(
            s.span.start >= prev_end,
            "sentences overlap or are out of order"
        );
        let slice = doc.slice(s.span);
        assert_eq!(slice.trim(), slice, "sentence not trimmed: {slice:?}");
        assert!(!doc.in_boilerplate(s.span));
        assert_eq!(
            s.tokens.start, next_token,
            "token ranges must be contiguous"
        );
        assert!(s.tokens.end > s.tokens.start);
        for t in doc.sentence_tokens(i) {
            assert!(s.span.contains(t.span), "token outside its sentence");
            assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
            assert!(!doc.word(t.norm).is_empty());
            for b in t.span.range() {
                assert!(!covered[b], "byte {b} in two tokens");
                covered[b] = true;
            }
        }
        next_token = s.tokens.end;
        prev_end = s.span.end;
    }
    assert_eq!(next_token, doc.tokens.len());
    for (b, c) in text.char_indices() {
        if !c.is_whitespace() && !doc.boilerplate.iter().any(|r| r.span.range().contains(&b)) {
            assert!(covered[b], "{}: byte {b} ({c:?}) in no token", doc.id());
        }
    }
}

#[test]
fn corpus_spans_are_valid_and_tile_the_text() {
    for (id, text) in articles() {
        let doc = segmented(&id, &text);
        assert!(doc.sentences.len() > 5, "{id}");
        check_invariants(&doc);
    }
}

#[test]
fn corpus_abbreviations_and_stray_periods() {
    let docs: Vec<Document> = articles().iter().map(|(id, t)| segmented(id, t)).collect();
    let find = |needle: &str| -> Vec<&str> {
        docs.iter()
            .flat_map(|d| d.sentences.iter().map(move |s| d.slice(s.span)))
            .filter(|s| s.contains(needle))
            .collect()
    };
    // "U.S." before a title does not end a sentence.
    let hits = find("U.S. Secretary of State");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|s| !s.ends_with("U.S.")));
    for d in &docs {
        for s in &d.sentences {
            let t = d.slice(s.span);
            assert!(
                !t.ends_with(" U.S.") || t == "U.S.",
                "split after U.S.: {t:?}"
            );
        }
    }
    // A stray period before a lower-case word does not end a sentence.
    let hits = find("United Kingdom. would apply");
    assert_eq!(hits.len(), 1);
    // A sign-off on its own line is its own sentence.
    let kyiv = docs
        .iter()
        .find(|d| d.id() == "kyiv-independent-at-war")
        .expect("kyiv article");
    let last = kyiv.sentences.last().expect("sentences");
    assert_eq!(kyiv.slice(last.span), "T.D.");
    // The closing quote stays with its sentence.
    let hits = find("the opening of fire would be an alternative");
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0].ends_with("he said in a Bloomberg TV interview."),
        "{:?}",
        hits[0]
    );
    // A headline is a heading.
    let bl = docs
        .iter()
        .find(|d| d.id() == "bloomberg-allies-at-odds")
        .expect("bloomberg article");
    assert_eq!(bl.sentences[0].kind, SentenceKind::Heading);
    assert_eq!(bl.sentences[2].kind, SentenceKind::Body);
}

/// Prints every sentence (`cargo test -p stancemap-text --test corpus -- --ignored
/// --nocapture dump`), for eyeballing the segmentation.
///
/// With `STANCEMAP_TEXT_DUMP=<file>` it prints that file instead.
#[test]
#[ignore = "prints the segmentation for review"]
fn dump() {
    let inputs = match std::env::var_os("STANCEMAP_TEXT_DUMP") {
        Some(p) => vec![(
            "input".to_string(),
            std::fs::read_to_string(&p).expect("readable UTF-8 file"),
        )],
        None => articles(),
    };
    for (id, text) in inputs {
        let doc = segmented(&id, &text);
        println!("=== {id}");
        for s in &doc.sentences {
            println!(
                "[{} {:?}] {}",
                s.paragraph,
                s.kind,
                doc.slice(s.span).replace('\n', "⏎")
            );
        }
    }
}

/// Rough throughput check (`cargo test -p stancemap-text --test corpus -- --ignored
/// --nocapture throughput`); the test profile is only `opt-level = 1`, so release is
/// faster still.
#[test]
#[ignore = "timing, run by hand"]
fn throughput() {
    /// CPU time of this thread (Linux), so that a busy machine does not skew the figure;
    /// wall time elsewhere.
    fn cpu_secs(wall: std::time::Instant) -> f64 {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
            .map_or_else(|| wall.elapsed().as_secs_f64(), |ns| ns / 1e9)
    }
    let docs = articles();
    let total: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let rounds = (4 << 20) / total + 1;
    let mb = (total * rounds) as f64 / 1e6;
    let seg = Segmenter::default();
    let wall = std::time::Instant::now();
    let t0 = cpu_secs(wall);
    let mut n = 0;
    for _ in 0..rounds {
        for (_, text) in &docs {
            let (s, t) = seg.segment(text, &[], &mut Default::default());
            n += s.len() + t.len();
        }
    }
    let t1 = cpu_secs(wall);
    println!("segment: {:.1} MB/s CPU ({n} items)", mb / (t1 - t0));
    for _ in 0..rounds {
        for (_, text) in &docs {
            n += stancemap_text::NormalizedText::new(text).len();
        }
    }
    let t2 = cpu_secs(wall);
    println!("NormalizedText: {:.1} MB/s CPU ({n})", mb / (t2 - t1));
}
