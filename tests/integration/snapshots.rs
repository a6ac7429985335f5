//! Each article's analysis, rendered for review: any change of behaviour shows up as a
//! snapshot diff (`cargo insta review`). CI never writes snapshots.

use crate::util::analysed_corpus;
use stancemap::DocumentReport;
use std::fmt::Write;

/// Actors, statements (speaker, cue, stances, hedges, excerpt), stances and cues.
fn render(r: &DocumentReport) -> String {
    let mut s = String::new();
    let name = |id: &str| {
        r.actors
            .iter()
            .find(|a| a.id == id)
            .map_or(id.to_string(), |a| a.name.clone())
    };
    writeln!(
        s,
        "doc: {}  outlet: {:?}  published: {:?}",
        r.doc_id, r.outlet, r.published
    )
    .unwrap();
    writeln!(s, "\nactors:").unwrap();
    for a in &r.actors {
        writeln!(
            s,
            "  {} [{}] country={:?} role={:?} mentions={}",
            a.name,
            a.kind,
            a.country,
            a.role,
            a.mentions.len()
        )
        .unwrap();
    }
    writeln!(s, "\nstatements:").unwrap();
    for st in &r.statements {
        let stances: Vec<String> = st
            .stances
            .iter()
            .map(|x| format!("{}={} ({})", x.topic, x.stance, x.rule))
            .collect();
        let excerpt: String = st.text.chars().take(110).collect();
        writeln!(
            s,
            "  {}..{} {} | cue={} quote={} commitment={:.2} {}\n      {}",
            st.start,
            st.end,
            name(&st.actor),
            st.cue.as_deref().unwrap_or("-"),
            st.quote,
            st.commitment,
            stances.join(", "),
            excerpt.replace('\n', " ")
        )
        .unwrap();
    }
    writeln!(s, "\nstances:").unwrap();
    for x in &r.stances {
        writeln!(
            s,
            "  {} {} {} {:+.2} hedged={} statements={:?}",
            name(&x.actor),
            x.topic,
            x.stance,
            x.score,
            x.hedged,
            x.statements
        )
        .unwrap();
    }
    let cues = |v: &[stancemap::core::output::CueOut]| {
        v.iter()
            .map(|c| format!("{}({})", c.cue, c.kind))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(
        s,
        "\nhedges: {}\nboosters: {}",
        cues(&r.hedges),
        cues(&r.boosters)
    )
    .unwrap();
    writeln!(
        s,
        "boilerplate: {}",
        r.boilerplate
            .iter()
            .map(|b| b.rule.trim_start_matches("boilerplate/").to_string())
            .collect::<Vec<_>>()
            .join(", ")
    )
    .unwrap();
    s
}

#[test]
fn corpus_analyses() {
    for (_, r) in analysed_corpus() {
        insta::with_settings!({ snapshot_suffix => r.doc_id.clone(), omit_expression => true, prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("analysis", render(r));
        });
    }
}

#[test]
fn corpus_matrix() {
    use stancemap::matrix::{Format, MatrixOptions, stance_matrix, write_frame};
    let reports: Vec<_> = analysed_corpus().iter().map(|(_, r)| r.clone()).collect();
    let mut df = stance_matrix(&reports, &MatrixOptions::default()).unwrap();
    let mut out = Vec::new();
    write_frame(&mut df, Format::Csv, &mut out).unwrap();
    insta::with_settings!({ omit_expression => true, prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("matrix_csv", String::from_utf8(out).unwrap());
    });
}
