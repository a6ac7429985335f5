//! The boilerplate stage on the five bundled articles: the hand-listed furniture lines
//! must be marked, and every other non-empty line (body paragraphs, the headline, section
//! headings) must lie outside every region. Also checks that reading the corpus
//! directory picks up `corpus/manifest.json`.

use stancemap_core::{Document, Stage};
use stancemap_ingest::{Boilerplate, ReadOptions, read_inputs};
use std::path::PathBuf;

fn corpus() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// Furniture lines per article, as they read after trimming. An entry ending in `…` is
/// a prefix of a long line. The files contain no-break spaces (`\u{a0}`), curly quotes
/// and an em dash, written out here as they are.
const FURNITURE: &[(&str, &[&str])] = &[
    (
        "baltic-security-calculus",
        &[
            "Monday, November 10, 2025",
            "Top 5 This Week",
            "Related Posts",
            "LEAVE A REPLY",
            "Please enter your comment!",
            "Please enter your name here",
            "Popular Articles",
        ],
    ),
    (
        "bloomberg-allies-at-odds",
        &[
            "Published in News & Features",
            "-----------",
            "\u{2014}With assistance from Iain Rogers.",
            "\u{a9}2025 Bloomberg L.P. Visit bloomberg.com. Distributed by Tribune Content Agency, LLC.",
            "Comments",
        ],
    ),
    (
        "cepa-europes-edge",
        &[
            "Get the Latest",
            "Sign up to receive regular emails and stay informed about CEPA's work.",
            "Europe\u{2019}s Edge\u{a0}is CEPA\u{2019}s online journal covering…",
            "War Without End",
            "Russia\u{2019}s Shadow Warfare",
            "Read More",
            "CEPA Forum 2025",
            "Explore CEPA\u{2019}s flagship event.",
            "Learn More",
            "Europe's Edge",
            "CEPA\u{2019}s online journal covering critical topics…",
            "Read More",
        ],
    ),
    ("kyiv-independent-at-war", &["T.D."]),
    ("rutte-case-by-case", &[]),
];

fn is_listed(line: &str, listed: &[&str]) -> bool {
    listed.iter().any(|want| match want.strip_suffix('…') {
        Some(prefix) => line.starts_with(prefix),
        None => line == *want,
    })
}

/// (line number, trimmed line, span of the line's text) for every non-empty line.
fn lines(text: &str) -> Vec<(usize, &str, stancemap_core::Span)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (n, piece) in text.split_inclusive('\n').enumerate() {
        let body = piece.trim_end_matches(['\n', '\r']);
        if !body.trim().is_empty() {
            out.push((
                n + 1,
                body.trim(),
                stancemap_core::Span::new(start, start + body.len()),
            ));
        }
        start += piece.len();
    }
    out
}

fn read_corpus() -> Vec<Document> {
    let dir = corpus().join("articles");
    read_inputs(&[dir], &ReadOptions::default())
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

#[test]
fn furniture_is_marked_and_body_lines_are_not() {
    let stage = Boilerplate::default();
    let docs = read_corpus();
    assert_eq!(docs.len(), FURNITURE.len());
    let mut problems = Vec::new();
    for mut doc in docs {
        let listed = FURNITURE
            .iter()
            .find(|(id, _)| *id == doc.id())
            .map(|(_, l)| *l)
            .unwrap_or_else(|| panic!("no furniture list for {}", doc.id()));
        stage.process(&mut doc).unwrap();
        let mut found = 0;
        for (n, line, span) in lines(doc.text()) {
            let covering = doc.boilerplate.iter().find(|r| r.span.contains(span));
            let touching = doc.in_boilerplate(span);
            if is_listed(line, listed) {
                found += 1;
                if covering.is_none() {
                    problems.push(format!("{}:{n}: furniture not marked: {line:?}", doc.id()));
                }
            } else if touching {
                let rule = doc
                    .boilerplate
                    .iter()
                    .find(|r| r.span.overlaps(span))
                    .map(|r| r.rule.as_str());
                problems.push(format!(
                    "{}:{n}: body line marked by {rule:?}: {line:?}",
                    doc.id()
                ));
            }
        }
        if found != listed.len() {
            problems.push(format!(
                "{}: {} listed lines, {found} found in the text",
                doc.id(),
                listed.len()
            ));
        }
        // Regions: sorted, disjoint, whole lines without their terminator.
        for w in doc.boilerplate.windows(2) {
            assert!(
                w[0].span.end <= w[1].span.start,
                "{}: regions overlap",
                doc.id()
            );
        }
        for r in &doc.boilerplate {
            let s = doc.slice(r.span);
            assert!(
                !s.contains('\n') && !s.trim().is_empty(),
                "{}: bad region {s:?}",
                doc.id()
            );
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn corpus_directory_reads_with_manifest_metadata() {
    let docs = read_corpus();
    let ids: Vec<&str> = docs.iter().map(|d| d.id()).collect();
    assert_eq!(
        ids,
        [
            "baltic-security-calculus",
            "bloomberg-allies-at-odds",
            "cepa-europes-edge",
            "kyiv-independent-at-war",
            "rutte-case-by-case"
        ]
    );
    let bloomberg = &docs[1];
    assert_eq!(bloomberg.meta.outlet.as_deref(), Some("Bloomberg"));
    assert_eq!(bloomberg.meta.genre.as_deref(), Some("news"));
    assert_eq!(bloomberg.meta.published.as_deref(), Some("2025-09-24"));
    assert!(docs.iter().all(|d| d.meta.genre.is_some()));
    assert!(
        docs.iter()
            .all(|d| d.path().is_some_and(|p| p.ends_with(".txt")))
    );
    assert!(docs.iter().all(|d| d.warnings.is_empty()));
}

#[test]
fn manifest_matches_the_gold_files() {
    let manifest = stancemap_ingest::Manifest::from_path(corpus().join("manifest.json")).unwrap();
    for entry in manifest.entries() {
        let gold =
            std::fs::read_to_string(corpus().join("gold").join(format!("{}.json", entry.id)))
                .unwrap();
        let gold: serde_json::Value = serde_json::from_str(&gold).unwrap();
        for (field, value) in [
            ("title", &entry.title),
            ("outlet", &entry.outlet),
            ("genre", &entry.genre),
            ("published", &entry.published),
        ] {
            assert_eq!(
                gold[field].as_str(),
                value.as_deref(),
                "{} {field}",
                entry.id
            );
        }
    }
}
