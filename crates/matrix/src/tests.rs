//! Unit tests on small hand-made reports (never the corpus).

use std::io::Cursor;

use polars::prelude::*;
use stancemap_core::output::{
    ActorOut, CueOut, DocumentReport, StanceOut, StatementOut, StatementStanceOut,
};

use crate::GroupBy;
use crate::*;

fn actor(id: &str, name: &str, kind: &str, country: Option<&str>) -> ActorOut {
    ActorOut {
        id: id.into(),
        name: name.into(),
        kind: kind.into(),
        country: country.map(Into::into),
        role: None,
        mentions: vec![],
    }
}

fn stance(actor: &str, topic: &str, label: &str, score: f32, n: usize) -> StanceOut {
    StanceOut {
        actor: actor.into(),
        topic: topic.into(),
        stance: label.parse().expect("a SPEC label"),
        score,
        hedged: false,
        statements: (0..n).collect(),
    }
}

fn report(
    doc_id: &str,
    outlet: Option<&str>,
    published: Option<&str>,
    actors: Vec<ActorOut>,
    stances: Vec<StanceOut>,
) -> DocumentReport {
    DocumentReport {
        doc_id: doc_id.into(),
        path: None,
        title: None,
        outlet: outlet.map(Into::into),
        published: published.map(Into::into),
        genre: None,
        actors,
        statements: vec![],
        stances,
        hedges: vec![],
        boosters: vec![],
        boilerplate: vec![],
        warnings: vec![],
    }
}

/// Two documents, three actors, two topics; nobody speaks on every topic.
fn two_docs() -> Vec<DocumentReport> {
    let ana = || actor("ana-lind", "Ana Lind", "person", Some("Freedonia"));
    let bo = || actor("bo-park", "Bo Park", "person", None);
    let league = || actor("the-league", "The League", "organisation", None);
    vec![
        report(
            "d1",
            Some("Daily A"),
            Some("2030-03-01"),
            vec![ana(), bo()],
            vec![
                stance("ana-lind", "tariffs", "support", 0.8, 3),
                stance("bo-park", "tariffs", "oppose", -0.5, 1),
            ],
        ),
        report(
            "d2",
            Some("Weekly B"),
            Some("2030-03-02"),
            vec![ana(), league()],
            vec![
                stance("ana-lind", "tariffs", "oppose", -0.6, 1),
                stance("ana-lind", "zoning", "conditional", 0.1, 2),
                stance("the-league", "zoning", "support", 0.7, 1),
            ],
        ),
    ]
}

fn csv(df: &mut DataFrame) -> String {
    let mut out = Vec::new();
    write_frame(df, Format::Csv, &mut out).expect("CSV writes");
    String::from_utf8(out).expect("CSV is UTF-8")
}

fn matrix_of(reports: &[DocumentReport], by: GroupBy) -> DataFrame {
    stance_matrix(reports, &MatrixOptions::by(by)).expect("matrix builds")
}

#[test]
fn actor_matrix_has_one_row_per_actor_and_nulls_where_silent() {
    let got = matrix_of(&two_docs(), GroupBy::Actor);
    // ana-lind on tariffs: (0.8·3 − 0.6·1) / 4 = 0.45, support carries 3 of 4 statements.
    let want = df!(
        "actor_id" => ["ana-lind", "bo-park", "the-league"],
        "actor" => ["Ana Lind", "Bo Park", "The League"],
        "kind" => ["person", "person", "organisation"],
        "country" => [Some("Freedonia"), None, None],
        "tariffs" => [Some(0.45), Some(-0.5), None],
        "tariffs_stance" => [Some("support"), Some("oppose"), None],
        "tariffs_n" => [4u32, 1, 0],
        "zoning" => [Some(0.1), None, Some(0.7)],
        "zoning_stance" => [Some("conditional"), None, Some("support")],
        "zoning_n" => [2u32, 0, 1],
    )
    .expect("expected frame");
    assert!(got.equals_missing(&want), "got {got}\nwant {want}");
}

#[test]
fn one_cell_per_actor_and_topic() {
    let got = matrix_of(&two_docs(), GroupBy::Actor);
    let ids: Vec<&str> = got
        .column("actor_id")
        .and_then(|c| c.str())
        .expect("actor_id is a string column")
        .iter()
        .flatten()
        .collect();
    let mut unique = ids.clone();
    unique.dedup();
    assert_eq!(ids, unique, "one row per actor, sorted");
    // Four (actor, topic) pairs have a stance in the input, and four cells are set.
    let set: usize = ["tariffs", "zoning"]
        .iter()
        .map(|t| got.column(t).map(|c| c.len() - c.null_count()).unwrap_or(0))
        .sum();
    assert_eq!(set, 4);
}

fn label_of(stances: Vec<StanceOut>) -> (Option<f64>, Option<String>, Option<u32>) {
    let reports: Vec<DocumentReport> = stances
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            report(
                &format!("doc-{i}"),
                None,
                None,
                vec![actor("x", "X", "person", None)],
                vec![s],
            )
        })
        .collect();
    let m = matrix_of(&reports, GroupBy::Actor);
    assert_eq!(m.height(), 1);
    let score = m.column("t").and_then(|c| c.f64()).expect("score").get(0);
    let label = m
        .column("t_stance")
        .and_then(|c| c.str())
        .expect("label")
        .get(0)
        .map(str::to_string);
    let n = m.column("t_n").and_then(|c| c.u32()).expect("n").get(0);
    (score, label, n)
}

#[test]
fn label_follows_the_statement_majority() {
    let (score, label, n) = label_of(vec![
        stance("x", "t", "oppose", -0.4, 1),
        stance("x", "t", "support", 0.6, 2),
        stance("x", "t", "oppose", -0.9, 1),
    ]);
    // support 2 statements vs oppose 2: a tie settled by the sign of the mean.
    assert_eq!(score, Some(-0.025));
    assert_eq!(label.as_deref(), Some("oppose"));
    assert_eq!(n, Some(4));

    let (score, label, _) = label_of(vec![
        stance("x", "t", "support", 0.6, 3),
        stance("x", "t", "oppose", -0.9, 2),
    ]);
    assert_eq!(score, Some(0.0));
    assert_eq!(label.as_deref(), Some("support"), "3 statements beat 2");
}

#[test]
fn conditional_majority_and_ties_stay_conditional() {
    let (score, label, _) = label_of(vec![
        stance("x", "t", "conditional", 0.1, 2),
        stance("x", "t", "support", 0.9, 1),
    ]);
    assert_eq!(score, Some(0.367));
    assert_eq!(label.as_deref(), Some("conditional"));

    let (_, label, _) = label_of(vec![
        stance("x", "t", "conditional", 0.0, 1),
        stance("x", "t", "oppose", -0.9, 1),
    ]);
    assert_eq!(
        label.as_deref(),
        Some("conditional"),
        "a tie with conditional"
    );

    let (score, label, _) = label_of(vec![
        stance("x", "t", "support", 0.5, 1),
        stance("x", "t", "oppose", -0.5, 1),
    ]);
    assert_eq!(score, Some(0.0));
    assert_eq!(label.as_deref(), Some("conditional"), "an even split at 0");
}

#[test]
fn a_stance_without_statements_still_counts_once() {
    let (score, label, n) = label_of(vec![
        stance("x", "t", "support", 1.0, 0),
        stance("x", "t", "oppose", -0.5, 1),
    ]);
    assert_eq!(score, Some(0.25));
    assert_eq!(label.as_deref(), Some("support"), "tie, positive mean");
    assert_eq!(n, Some(1));
}

#[test]
fn country_rollup_counts_people_for_their_state() {
    let reports = vec![
        report(
            "d1",
            None,
            None,
            vec![
                actor("ana-lind", "Ana Lind", "person", Some("Freedonia")),
                actor("freedonia", "Freedonia", "state", None),
                actor("the-league", "The League", "organisation", None),
                actor("cy-moss", "Cy Moss", "person", Some("Sylvania")),
            ],
            vec![
                stance("ana-lind", "t", "support", 0.9, 1),
                stance("freedonia", "t", "support", 0.5, 1),
                stance("the-league", "t", "oppose", -0.8, 2),
                stance("cy-moss", "t", "conditional", 0.2, 1),
            ],
        ),
        // The same person without a country elsewhere still counts for Freedonia.
        report(
            "d2",
            None,
            None,
            vec![actor("ana-lind", "Ana Lind", "person", None)],
            vec![stance("ana-lind", "t", "support", 0.6, 1)],
        ),
    ];
    let got = matrix_of(&reports, GroupBy::Country);
    let want = df!(
        "country" => ["Freedonia", "Sylvania", "The League"],
        "n_actors" => [2u32, 1, 1],
        "t" => [0.667, 0.2, -0.8],
        "t_stance" => ["support", "conditional", "oppose"],
        "t_n" => [3u32, 1, 2],
    )
    .expect("expected frame");
    assert!(got.equals_missing(&want), "got {got}\nwant {want}");
}

#[test]
fn doc_matrix_shows_each_outlet_for_one_topic() {
    let mut reports = two_docs();
    // A second document of the same outlet: both are then named by id.
    reports.push(report(
        "d0",
        Some("Weekly B"),
        None,
        vec![actor("bo-park", "Bo Park", "person", None)],
        vec![stance("bo-park", "tariffs", "support", 0.3, 2)],
    ));
    let options = MatrixOptions {
        topics: vec!["tariffs".into()],
        by: GroupBy::Doc,
    };
    let got = stance_matrix(&reports, &options).expect("matrix builds");
    let want = df!(
        "actor_id" => ["ana-lind", "bo-park"],
        "actor" => ["Ana Lind", "Bo Park"],
        "kind" => ["person", "person"],
        "country" => [Some("Freedonia"), None],
        "Daily A" => [Some(0.8), Some(-0.5)],
        "Daily A_stance" => [Some("support"), Some("oppose")],
        "Daily A_n" => [3u32, 1],
        "d2" => [Some(-0.6), None],
        "d2_stance" => [Some("oppose"), None],
        "d2_n" => [1u32, 0],
        "d0" => [None, Some(0.3)],
        "d0_stance" => [None, Some("support")],
        "d0_n" => [0u32, 2],
    )
    .expect("expected frame");
    assert!(got.equals_missing(&want), "got {got}\nwant {want}");
}

#[test]
fn doc_matrix_needs_one_topic() {
    let err = stance_matrix(&two_docs(), &MatrixOptions::by(GroupBy::Doc));
    assert!(err.is_err(), "two topics in the data and none chosen");
    let one = vec![two_docs().remove(0)];
    let got = stance_matrix(&one, &MatrixOptions::by(GroupBy::Doc)).expect("one topic");
    assert_eq!(
        got.get_column_names(),
        [
            "actor_id",
            "actor",
            "kind",
            "country",
            "Daily A",
            "Daily A_stance",
            "Daily A_n"
        ]
    );
}

#[test]
fn explicit_topics_fix_the_columns() {
    let options = MatrixOptions {
        topics: vec!["zoning".into(), "unheard".into(), "zoning".into()],
        by: GroupBy::Actor,
    };
    let got = stance_matrix(&two_docs(), &options).expect("matrix builds");
    assert_eq!(
        got.get_column_names(),
        [
            "actor_id",
            "actor",
            "kind",
            "country",
            "zoning",
            "zoning_stance",
            "zoning_n",
            "unheard",
            "unheard_stance",
            "unheard_n"
        ]
    );
    assert_eq!(
        got.height(),
        2,
        "only actors with a stance on a chosen topic"
    );
    assert_eq!(got.column("unheard").map(|c| c.null_count()).ok(), Some(2));
}

#[test]
fn empty_input_gives_empty_frames() {
    for by in [GroupBy::Actor, GroupBy::Country, GroupBy::Doc] {
        let m = matrix_of(&[], by);
        assert_eq!(m.height(), 0, "{by}");
    }
    assert_eq!(statements_frame(&[]).map(|f| f.height()).ok(), Some(0));
    assert_eq!(stances_frame(&[]).map(|f| f.height()).ok(), Some(0));
    assert_eq!(by_date(&[], "t").map(|f| f.height()).ok(), Some(0));
    let mut m = matrix_of(&[], GroupBy::Actor);
    assert_eq!(csv(&mut m), "actor_id,actor,kind,country\n");
}

#[test]
fn by_date_orders_scores_in_time() {
    let mut reports = two_docs();
    reports.push(report(
        "undated",
        None,
        None,
        vec![actor("ana-lind", "Ana Lind", "person", None)],
        vec![stance("ana-lind", "tariffs", "support", 1.0, 5)],
    ));
    let got = by_date(&reports, "tariffs").expect("by date");
    let want = df!(
        "published" => ["2030-03-01", "2030-03-01", "2030-03-02"],
        "actor_id" => ["ana-lind", "bo-park", "ana-lind"],
        "actor" => ["Ana Lind", "Bo Park", "Ana Lind"],
        "kind" => ["person", "person", "person"],
        "country" => [Some("Freedonia"), None, Some("Freedonia")],
        "score" => [0.8, -0.5, -0.6],
        "stance" => ["support", "oppose", "oppose"],
        "n_statements" => [3u32, 1, 1],
    )
    .expect("expected frame");
    assert!(got.equals_missing(&want), "got {got}\nwant {want}");
}

fn with_statements() -> DocumentReport {
    let mut r = report(
        "s1",
        Some("Daily A"),
        None,
        vec![actor("ana-lind", "Ana Lind", "person", Some("Freedonia"))],
        vec![stance("ana-lind", "tariffs", "support", 0.7, 1)],
    );
    let cue = |c: &str, start: usize| CueOut {
        cue: c.into(),
        kind: "modal".into(),
        start,
        end: start + c.len(),
    };
    r.hedges = vec![cue("may", 10), cue("perhaps", 20)];
    r.boosters = vec![cue("clearly", 30)];
    let st = |start: usize, text: &str, stances: Vec<StatementStanceOut>| StatementOut {
        actor: "ana-lind".into(),
        start,
        end: start + text.len(),
        text: text.into(),
        quote: true,
        cue: Some("said".into()),
        stances,
        hedges: vec![],
        boosters: vec![],
        commitment: 0.3,
    };
    let ss = |topic: &str, label: &str, score: f32| StatementStanceOut {
        topic: topic.into(),
        stance: label.parse().expect("a SPEC label"),
        score,
        rule: "test/rule".into(),
    };
    let mut first = st(
        0,
        "We may, perhaps, raise the levy.",
        vec![ss("tariffs", "support", 0.7), ss("zoning", "oppose", -0.2)],
    );
    first.hedges = vec![0, 1, 99];
    let mut second = st(40, "The weather was clearly fine.", vec![]);
    second.boosters = vec![0];
    r.statements = vec![first, second];
    r
}

#[test]
fn statements_frame_has_a_row_per_stance_and_one_for_stanceless_statements() {
    let got = statements_frame(&[with_statements()]).expect("frame");
    assert_eq!(got.height(), 3);
    let want = df!(
        "statement" => [0u32, 0, 1],
        "topic" => [Some("tariffs"), Some("zoning"), None],
        "stance" => [Some("support"), Some("oppose"), None],
        "score" => [Some(0.7), Some(-0.2), None],
        "commitment" => [0.3, 0.3, 0.3],
        "hedged" => [true, true, false],
        "start" => [0u64, 0, 40],
        "evidence" => ["We may, perhaps, raise the levy.", "We may, perhaps, raise the levy.", "The weather was clearly fine."],
    )
    .expect("expected frame");
    let names: Vec<&str> = want.get_column_names().iter().map(|s| s.as_str()).collect();
    let picked = got.select(names).expect("columns exist");
    assert!(picked.equals_missing(&want), "got {picked}\nwant {want}");
    assert_eq!(
        lists(&got, "hedge_cues"),
        [
            Some("may;perhaps".to_string()),
            Some("may;perhaps".to_string()),
            None
        ]
    );
    assert_eq!(
        lists(&got, "booster_cues"),
        [None, None, Some("clearly".to_string())]
    );
    assert_eq!(
        got.get_column_names(),
        [
            "doc_id",
            "outlet",
            "published",
            "statement",
            "actor_id",
            "actor",
            "kind",
            "country",
            "role",
            "topic",
            "stance",
            "score",
            "rule",
            "commitment",
            "quote",
            "cue",
            "hedged",
            "hedge_cues",
            "booster_cues",
            "start",
            "end",
            "evidence"
        ]
    );
}

#[test]
fn stances_frame_columns() {
    let got = stances_frame(&two_docs()).expect("frame");
    assert_eq!(
        got.get_column_names(),
        [
            "doc_id",
            "outlet",
            "published",
            "actor_id",
            "actor",
            "kind",
            "country",
            "role",
            "topic",
            "stance",
            "score",
            "hedged",
            "n_statements"
        ]
    );
    assert_eq!(got.height(), 5);
}

#[test]
fn an_actor_missing_from_the_list_keeps_its_id() {
    let r = report(
        "d",
        None,
        None,
        vec![],
        vec![stance("ghost", "t", "support", 0.5, 1)],
    );
    let m = matrix_of(&[r], GroupBy::Actor);
    let name = m
        .column("actor")
        .and_then(|c| c.str())
        .expect("actor")
        .get(0);
    assert_eq!(name, Some("ghost"));
}

#[test]
fn parquet_round_trip_keeps_shape_and_values() {
    for mut df in [
        matrix_of(&two_docs(), GroupBy::Actor),
        statements_frame(&[with_statements()]).expect("frame"),
    ] {
        let mut bytes = Vec::new();
        write_frame(&mut df, Format::Parquet, &mut bytes).expect("parquet writes");
        let back = ParquetReader::new(Cursor::new(bytes))
            .finish()
            .expect("parquet reads");
        assert_eq!(back.shape(), df.shape());
        assert!(back.equals_missing(&df), "got {back}\nwant {df}");
    }
}

#[test]
fn csv_is_byte_identical_across_runs() {
    let a = csv(&mut matrix_of(&two_docs(), GroupBy::Actor));
    let b = csv(&mut matrix_of(&two_docs(), GroupBy::Actor));
    assert_eq!(a, b);
    assert_eq!(
        a,
        "actor_id,actor,kind,country,tariffs,tariffs_stance,tariffs_n,zoning,zoning_stance,zoning_n\n\
         ana-lind,Ana Lind,person,Freedonia,0.45,support,4,0.1,conditional,2\n\
         bo-park,Bo Park,person,,-0.5,oppose,1,,,0\n\
         the-league,The League,organisation,,,,0,0.7,support,1\n"
    );
    // Reversing the documents changes nothing but the order rows were seen in.
    let mut reversed = two_docs();
    reversed.reverse();
    assert_eq!(csv(&mut matrix_of(&reversed, GroupBy::Actor)), a);
}

#[test]
fn a_stance_frame_read_back_from_csv_gives_the_same_matrix() {
    let mut stances = stances_frame(&two_docs()).expect("frame");
    let text = csv(&mut stances);
    let back = CsvReadOptions::default()
        .with_has_header(true)
        .into_reader_with_file_handle(Cursor::new(text.into_bytes()))
        .finish()
        .expect("CSV reads");
    let got = matrix_from_stances(back.lazy(), &MatrixOptions::default()).expect("matrix");
    assert!(got.equals_missing(&matrix_of(&two_docs(), GroupBy::Actor)));
}

#[test]
fn json_and_json_lines_have_one_object_per_row() {
    let mut m = matrix_of(&two_docs(), GroupBy::Actor);
    let mut lines = Vec::new();
    write_frame(&mut m, Format::JsonLines, &mut lines).expect("jsonl");
    let lines = String::from_utf8(lines).expect("UTF-8");
    assert_eq!(lines.lines().count(), 3);
    assert!(
        lines.starts_with(r#"{"actor_id":"ana-lind","actor":"Ana Lind""#),
        "{lines}"
    );
    let mut json = Vec::new();
    write_frame(&mut m, Format::Json, &mut json).expect("json");
    let json = String::from_utf8(json).expect("UTF-8");
    assert!(
        json.starts_with("[{") && json.trim_end().ends_with("}]"),
        "{json}"
    );
}

#[test]
fn table_shows_every_row_and_column() {
    let reports: Vec<DocumentReport> = (0..25)
        .map(|i| {
            let id = format!("actor-{i:02}");
            let stances = (0..12)
                .map(|t| stance(&id, &format!("topic{t:02}"), "support", 0.5, 1))
                .collect();
            report(
                "d",
                None,
                None,
                vec![actor(&id, &id, "person", None)],
                stances,
            )
        })
        .collect();
    let mut m = matrix_of(&reports, GroupBy::Actor);
    let mut out = Vec::new();
    write_frame(&mut m, Format::Table, &mut out).expect("table");
    let text = String::from_utf8(out).expect("UTF-8");
    assert_eq!(text.lines().count(), 2 + 25, "header, rule, rows");
    assert!(
        text.lines()
            .next()
            .is_some_and(|h| h.ends_with("topic11_n"))
    );
    assert!(text.contains("actor-24"));
    assert!(!text.contains('…'));
}

#[test]
fn table_aligns_and_clips() {
    let mut df = df!(
        "name" => ["a", "a much longer name"],
        "score" => [Some(0.5), None],
        "text" => ["line one\nline two", &"x".repeat(80)],
    )
    .expect("frame");
    let mut out = Vec::new();
    write_frame(&mut df, Format::Table, &mut out).expect("table");
    let text = String::from_utf8(out).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("name{}score  text", " ".repeat(16)));
    assert_eq!(
        lines[2],
        format!("a{}0.5  line one line two", " ".repeat(21))
    );
    assert!(lines[3].ends_with('…'));
    assert_eq!(
        lines[3].chars().count(),
        "a much longer name  score  ".chars().count() + 60
    );
}

#[test]
fn formats_parse_from_names_and_extensions() {
    for f in Format::ALL {
        assert_eq!(f.as_str().parse::<Format>().ok(), Some(f));
        assert_eq!(
            Format::from_extension(format!("out.{}", f.extension())),
            Some(f)
        );
    }
    assert_eq!("NDJSON".parse::<Format>().ok(), Some(Format::JsonLines));
    assert_eq!(Format::from_extension("m.PQ"), Some(Format::Parquet));
    assert_eq!(Format::from_extension("m"), None);
    let err = "xlsx".parse::<Format>().expect_err("unknown");
    assert!(err.to_string().contains("xlsx"));
    assert_eq!("Country".parse::<GroupBy>().ok(), Some(GroupBy::Country));
    assert!("planet".parse::<GroupBy>().is_err());
}

#[test]
fn write_errors_keep_their_source() {
    struct Broken;
    impl std::io::Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    for f in Format::ALL {
        let mut m = matrix_of(&two_docs(), GroupBy::Actor);
        let err = write_frame(&mut m, f, Broken).expect_err("cannot write");
        assert!(std::error::Error::source(&err).is_some(), "{f}: {err}");
    }
}

/// The performance target: the matrix of a million statements in ≤ 2 s (release).
/// `cargo test -p stancemap-matrix --release -- --ignored --nocapture` to measure; in a
/// debug build it only shows that nothing is quadratic.
#[test]
#[ignore = "timing; run with --ignored --nocapture"]
fn million_statements_timing() {
    let topics: Vec<String> = (0..10).map(|t| format!("topic{t}")).collect();
    let labels = ["support", "oppose", "conditional"];
    let reports: Vec<DocumentReport> = (0..5_000)
        .map(|d| {
            let actors: Vec<ActorOut> = (0..20)
                .map(|a| {
                    let id = format!("actor-{}", (d * 7 + a * 13) % 2_000);
                    let country = (a % 3 == 0).then(|| format!("Country {}", a % 40));
                    actor(&id, &id, "person", country.as_deref())
                })
                .collect();
            // 20 actors × 2 topics × 5 statements = 200 statements per document.
            let stances = actors
                .iter()
                .enumerate()
                .flat_map(|(a, act)| {
                    let topics = &topics;
                    (0..2).map(move |k| {
                        let t = &topics[(d + a + k) % topics.len()];
                        let label = labels[(d + a + k) % 3];
                        let score = [0.7, -0.6, 0.1][(d + a + k) % 3];
                        stance(&act.id, t, label, score, 5)
                    })
                })
                .collect();
            report(
                &format!("doc-{d:05}"),
                Some("Outlet"),
                Some("2030-01-01"),
                actors,
                stances,
            )
        })
        .collect();
    let statements: usize = reports
        .iter()
        .flat_map(|r| &r.stances)
        .map(|s| s.statements.len())
        .sum();
    assert_eq!(statements, 1_000_000);
    for by in [GroupBy::Actor, GroupBy::Country] {
        let t = std::time::Instant::now();
        let m = stance_matrix(&reports, &MatrixOptions::by(by)).expect("matrix");
        eprintln!("{by}: {:?} for {:?}", t.elapsed(), m.shape());
    }
    let stances = stances_frame(&reports).expect("frame");
    let t = std::time::Instant::now();
    let m = matrix_from_stances(stances.lazy(), &MatrixOptions::default()).expect("matrix");
    eprintln!("from a stance frame: {:?} for {:?}", t.elapsed(), m.shape());
}

fn strs(df: &DataFrame, name: &str) -> Vec<String> {
    df.column(name)
        .expect("column")
        .str()
        .expect("strings")
        .iter()
        .map(|v| v.unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_briefer_or_garbled_name_joins_the_full_name_of_another_document() {
    let full = actor(
        "rosalind-veltri",
        "Rosalind Veltri",
        "person",
        Some("Italy"),
    );
    let garbled = actor("ros-veltri", "Ros, Veltri", "person", Some("Italy"));
    let other = actor("marta-kos", "Marta Kos", "person", None);
    let reports = vec![
        report(
            "d1",
            None,
            None,
            vec![full],
            vec![stance("rosalind-veltri", "tariffs", "support", 0.8, 1)],
        ),
        report(
            "d2",
            None,
            None,
            vec![garbled, other],
            vec![
                stance("ros-veltri", "tariffs", "support", 0.6, 1),
                stance("marta-kos", "tariffs", "oppose", -0.6, 1),
            ],
        ),
    ];
    let m = stance_matrix(&reports, &MatrixOptions::default()).expect("matrix");
    assert_eq!(strs(&m, "actor_id"), ["marta-kos", "rosalind-veltri"]);
    assert_eq!(strs(&m, "actor"), ["Marta Kos", "Rosalind Veltri"]);

    // Two full names it could stand for: no merge.
    let mut more = reports.clone();
    more.push(report(
        "d3",
        None,
        None,
        vec![actor("rosa-veltri", "Rosa Veltri", "person", Some("Italy"))],
        vec![stance("rosa-veltri", "tariffs", "oppose", -0.9, 1)],
    ));
    let m = stance_matrix(&more, &MatrixOptions::default()).expect("matrix");
    // ("Rosa" is also the start of "Rosalind": that one joins the fuller name.)
    assert_eq!(
        strs(&m, "actor_id"),
        ["marta-kos", "ros-veltri", "rosalind-veltri"]
    );
}

#[test]
fn the_author_is_one_actor_per_outlet_or_document() {
    let author = || actor("author", "Author", "author", None);
    let reports = vec![
        report(
            "d1",
            Some("Daily A"),
            None,
            vec![author()],
            vec![stance("author", "tariffs", "support", 0.8, 1)],
        ),
        report(
            "d2",
            None,
            None,
            vec![author()],
            vec![stance("author", "tariffs", "oppose", -0.8, 1)],
        ),
        report(
            "d3",
            Some("Daily A"),
            None,
            vec![author()],
            vec![stance("author", "tariffs", "support", 0.6, 1)],
        ),
    ];
    let m = stance_matrix(&reports, &MatrixOptions::default()).expect("matrix");
    assert_eq!(strs(&m, "actor_id"), ["author@d2", "author@daily-a"]);
    assert_eq!(strs(&m, "actor"), ["Author (d2)", "Author (Daily A)"]);
    let s = stances_frame(&reports).expect("frame");
    assert_eq!(
        strs(&s, "actor_id"),
        ["author@daily-a", "author@d2", "author@daily-a"]
    );
}

/// A `list<str>` column as vectors, joined with `;` per row for easy comparison.
fn lists(df: &DataFrame, name: &str) -> Vec<Option<String>> {
    let list = df
        .column(name)
        .expect("column")
        .as_materialized_series()
        .list()
        .expect("a list column")
        .clone();
    (0..list.len())
        .map(|i| {
            list.get_as_series(i).map(|s| {
                s.str()
                    .expect("strings")
                    .iter()
                    .map(|v| v.unwrap_or(""))
                    .collect::<Vec<_>>()
                    .join(";")
            })
        })
        .collect()
}

#[test]
fn published_is_a_date_and_partial_dates_are_null() {
    assert_eq!(crate::frames::iso_days("1970-01-01"), Some(0));
    assert_eq!(crate::frames::iso_days("2030-03-01"), Some(21_974));
    assert_eq!(
        crate::frames::iso_days("2024-02-29T10:00:00Z"),
        Some(19_782)
    );
    for bad in [
        "2023-02-29",
        "2030-13-01",
        "2030-03",
        "March 2030",
        "2030-03-01x",
        "",
    ] {
        assert_eq!(crate::frames::iso_days(bad), None, "{bad}");
    }
    let f = stances_frame(&two_docs()).expect("frame");
    assert_eq!(
        f.column("published").expect("published").dtype(),
        &DataType::Date
    );
}

#[test]
fn parquet_has_dates_lists_and_plain_strings_and_csv_agrees() {
    let mut r = with_statements();
    r.published = Some("2030-03-01".into());
    let mut df = statements_frame(&[r]).expect("frame");
    let mut bytes = Vec::new();
    write_frame(&mut df, Format::Parquet, &mut bytes).expect("parquet writes");

    // The Arrow schema stored in the file (polars' reader turns every string into a
    // view on reading, so the stored key itself is compared): ours is not the one
    // polars' own writer stores, which uses view types.
    let stored = |bytes: &[u8]| -> String {
        let meta = polars_parquet::read::read_metadata(&mut Cursor::new(bytes)).expect("metadata");
        meta.key_value_metadata()
            .as_ref()
            .and_then(|kv| kv.iter().find(|k| k.key == "ARROW:schema"))
            .and_then(|k| k.value.clone())
            .expect("an Arrow schema key")
    };
    let mut newest = Vec::new();
    ParquetWriter::new(&mut newest)
        .finish(&mut df.clone())
        .expect("polars writes");
    assert_ne!(
        stored(&bytes),
        stored(&newest),
        "not polars' view-typed schema"
    );
    // Read back by polars: the same types and values.
    let back = ParquetReader::new(Cursor::new(bytes))
        .finish()
        .expect("parquet reads");
    assert_eq!(
        back.column("published").expect("col").dtype(),
        &DataType::Date
    );
    assert_eq!(
        back.column("hedge_cues").expect("col").dtype(),
        &DataType::List(Box::new(DataType::String))
    );
    assert!(back.equals_missing(&df), "got {back}\nwant {df}");

    // CSV: the same columns, the date as written, the cues joined.
    let text = csv(&mut df);
    let mut lines = text.lines();
    let header = lines.next().expect("header");
    assert_eq!(header.split(',').count(), df.width());
    let first = lines.next().expect("a row");
    assert!(first.contains(",2030-03-01,"), "{first}");
    assert!(first.contains(",may;perhaps,"), "{first}");
}

/// The typed grid: the same cells as the frame, with the statements behind each cell
/// when built from the reports, and the frame back unchanged.
#[test]
fn the_grid_types_the_cells_of_the_frame() {
    let docs = two_docs();
    let refs: Vec<&DocumentReport> = docs.iter().collect();
    let grid = StanceGrid::of_reports(&refs, &MatrixOptions::default()).expect("grid");
    assert_eq!(grid.topics, ["tariffs", "zoning"]);
    let ids: Vec<&str> = grid.rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["ana-lind", "bo-park", "the-league"]);
    let ana = grid.cell(0, 0).expect("ana on tariffs");
    assert_eq!((ana.stance, ana.n), (stancemap_core::Stance::Support, 4));
    assert!((ana.score - 0.45).abs() < 1e-6);
    // these reports carry no statements, so no cell points to one
    assert!(ana.evidence.is_empty());
    assert!(grid.cell(1, 1).is_none(), "bo-park is silent on zoning");
    assert_eq!(grid.rows[0].country.as_deref(), Some("Freedonia"));
    let frame = matrix_of(&docs, GroupBy::Actor);
    assert!(grid.to_frame().equals_missing(&frame));
    // a country frame reads too, labelled by country
    let by_country = StanceGrid::from_frame(&matrix_of(&docs, GroupBy::Country)).expect("grid");
    assert!(by_country.rows.iter().any(|r| r.name == "Freedonia"));
    assert!(
        by_country
            .cells
            .iter()
            .flatten()
            .flatten()
            .all(|c| c.evidence.is_empty())
    );
}

#[test]
fn a_frame_without_row_columns_is_no_grid() {
    let frame = df!("tariffs" => [0.5], "tariffs_stance" => ["support"], "tariffs_n" => [1u32])
        .expect("frame");
    let err = StanceGrid::from_frame(&frame).expect_err("no row label");
    assert!(err.to_string().contains("no row label column"), "{err}");
}
