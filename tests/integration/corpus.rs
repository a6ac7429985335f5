//! The regression suite against the bundled corpus: SPEC §4 floors, the matrix checked
//! against the gold, determinism and exports.

use crate::util::{analysed_corpus, corpus};
use stancemap::core::text::normalize_name;
use stancemap::eval::{EvalReport, Gold, evaluate, load_gold_dir};
use stancemap::matrix::{Format, MatrixOptions, stance_matrix, write_frame};
use stancemap::polars::prelude::*;

fn golds() -> Vec<Gold> {
    load_gold_dir(corpus("gold")).expect("gold loads")
}

fn eval() -> EvalReport {
    let preds: Vec<_> = analysed_corpus()
        .iter()
        .map(|(d, r)| (r.clone(), d.text().to_string()))
        .collect();
    evaluate(&golds(), &preds)
}

fn f1(p: &stancemap::eval::Prf) -> f64 {
    p.f1().unwrap_or(0.0)
}

#[test]
fn corpus_scores_meet_the_floors() {
    let report = eval();
    let t = &report.total;
    assert!(
        f1(&t.actors) >= 0.90,
        "actor F1\n{report}\n{}",
        report.errors()
    );
    assert!(
        t.actors.recall().unwrap_or(0.0) >= 0.90,
        "actor recall\n{report}"
    );
    let sd = t.topic("shoot_down").expect("shoot_down scored");
    assert!(
        f1(&sd.stance) >= 0.90,
        "stance micro-F1\n{report}\n{}",
        report.errors()
    );
    assert!(
        sd.macro_f1().unwrap_or(0.0) >= 0.85,
        "stance macro-F1\n{report}"
    );
    assert!(
        sd.evidence.rate().unwrap_or(0.0) >= 0.90,
        "evidence hit rate\n{report}"
    );
    assert!(
        f1(&t.hedges) >= 0.90,
        "hedge F1\n{report}\n{}",
        report.errors()
    );
    assert!(
        f1(&t.boosters) >= 0.80,
        "booster F1\n{report}\n{}",
        report.errors()
    );
}

#[test]
fn no_shoot_down_stance_in_a_general_analysis() {
    let (_, r) = analysed_corpus()
        .iter()
        .find(|(d, _)| d.id() == "baltic-security-calculus")
        .expect("article present");
    assert!(
        r.stances.iter().all(|s| s.topic != "shoot_down"),
        "{:?}",
        r.stances
    );
}

#[test]
fn frozen_assets_stances_of_the_opinion_piece_are_found() {
    let report = eval();
    let doc = report.document("cepa-europes-edge").expect("scored");
    let fa = doc
        .scores
        .topic("frozen_assets")
        .expect("frozen_assets scored");
    assert_eq!(fa.stance.fn_, 0, "{report}\n{}", report.errors());
    assert!(fa.stance.tp >= 3, "{report}");
}

/// The CSV matrix has a row per actor and a `shoot_down` column whose labels agree with
/// the gold for every non-optional gold stance (names come from the gold, not the code).
#[test]
fn matrix_agrees_with_the_gold() {
    let reports: Vec<_> = analysed_corpus().iter().map(|(_, r)| r.clone()).collect();
    let m = stance_matrix(&reports, &MatrixOptions::default()).expect("matrix");
    let names: Vec<String> = m
        .column("actor")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .map(|s| s.unwrap_or("").to_string())
        .collect();
    let labels: Vec<Option<String>> = m
        .column("shoot_down_stance")
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .map(|s| s.map(str::to_string))
        .collect();
    let scores: Vec<Option<f64>> = m
        .column("shoot_down")
        .unwrap()
        .f64()
        .unwrap()
        .iter()
        .collect();
    // SPEC §4 matching: the name or an alias, or for persons the last name.
    let row = |a: &stancemap::eval::GoldActor| {
        let forms: Vec<String> = std::iter::once(&a.name)
            .chain(&a.aliases)
            .map(|n| normalize_name(n))
            .collect();
        let last = |n: &str| n.rsplit(' ').next().unwrap_or("").to_string();
        if a.kind == stancemap::core::ActorKind::Author {
            // The author's voice is one row per outlet: "Author (<outlet>)".
            return names.iter().position(|n| n.starts_with("Author ("));
        }
        names.iter().position(|n| {
            let n = normalize_name(n);
            forms.contains(&n)
                || (a.kind == stancemap::core::ActorKind::Person && last(&n) == last(&forms[0]))
        })
    };
    let mut checked = 0;
    for gold in golds() {
        for a in gold.actors.iter().filter(|a| !a.optional) {
            let Some(st) = a.stance("shoot_down") else {
                continue;
            };
            if st.stance.is_none() {
                continue;
            }
            let i = row(a).unwrap_or_else(|| panic!("no matrix row for {}\n{m}", a.name));
            let label = labels[i].clone().unwrap_or_default();
            assert!(
                st.accept.iter().any(|l| l.as_str() == label),
                "{}: matrix says {label}, gold accepts {:?}\n{m}",
                a.name,
                st.accept
            );
            let score = scores[i].expect("a score where there is a label");
            match label.as_str() {
                "support" => assert!(score > 0.0, "{}: {score}", a.name),
                "oppose" => assert!(score < 0.0, "{}: {score}", a.name),
                _ => {}
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} gold stances checked");
}

#[test]
fn csv_is_byte_identical_across_runs() {
    let reports: Vec<_> = analysed_corpus().iter().map(|(_, r)| r.clone()).collect();
    let csv = |reports: &[stancemap::DocumentReport]| {
        let mut df = stance_matrix(reports, &MatrixOptions::default()).unwrap();
        let mut out = Vec::new();
        write_frame(&mut df, Format::Csv, &mut out).unwrap();
        out
    };
    let mut reversed = reports.clone();
    reversed.reverse();
    assert_eq!(csv(&reports), csv(&reports));
    assert_eq!(csv(&reports), csv(&reversed));
}

#[test]
fn parquet_export_reads_back_the_same_frame() {
    let reports: Vec<_> = analysed_corpus().iter().map(|(_, r)| r.clone()).collect();
    let mut df = stance_matrix(&reports, &MatrixOptions::default()).unwrap();
    let mut bytes = Vec::new();
    write_frame(&mut df, Format::Parquet, &mut bytes).unwrap();
    let back = ParquetReader::new(std::io::Cursor::new(bytes))
        .finish()
        .unwrap();
    assert_eq!(back.shape(), df.shape());
    assert!(back.equals_missing(&df), "{back}\n{df}");
}

#[test]
fn every_span_is_a_char_boundary_range_of_the_original() {
    for (d, r) in analysed_corpus() {
        let original = std::fs::read_to_string(d.path().unwrap()).unwrap();
        assert_eq!(original, d.text());
        let check = |s: usize, e: usize, what: &str| {
            assert!(
                s <= e && e <= original.len(),
                "{what} {s}..{e} out of bounds in {}",
                d.id()
            );
            assert!(
                original.is_char_boundary(s) && original.is_char_boundary(e),
                "{what} {s}..{e}"
            );
        };
        for a in &r.actors {
            for m in &a.mentions {
                check(m.start, m.end, "mention");
                assert_eq!(&original[m.start..m.end], m.text);
            }
        }
        for s in &r.statements {
            check(s.start, s.end, "statement");
            assert_eq!(&original[s.start..s.end], s.text);
        }
        for c in r.hedges.iter().chain(&r.boosters) {
            check(c.start, c.end, "cue");
            assert_eq!(&original[c.start..c.end], c.cue);
        }
    }
}
