//! `stancemap network` on the bundled corpus: every edge of the congruence and conflict
//! networks traces back to statements of the `analyze` output, spoken by one of its two
//! actors on a topic they share, and the weights follow from those statements.

use serde_json::Value;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_stancemap");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn run(args: &[&str]) -> Vec<u8> {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("the stancemap binary runs");
    assert!(
        out.status.success(),
        "stancemap {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A JSON array of row objects.
fn rows(args: &[&str]) -> Vec<Value> {
    let out = run(args);
    match serde_json::from_slice(&out).expect("JSON output") {
        Value::Array(rows) => rows,
        other => panic!("expected an array, got {other}"),
    }
}

fn s<'a>(row: &'a Value, key: &str) -> &'a str {
    row[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} in {row}"))
}

fn f(row: &Value, key: &str) -> f64 {
    row[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} in {row}"))
}

/// The `analyze` output: statement id → (document-level actor id, start, end, text,
/// {topic: stance}).
type Statement = (String, u64, u64, String, BTreeMap<String, String>);

fn analysed() -> HashMap<String, Statement> {
    let out = run(&["analyze", "corpus/articles"]);
    let mut map = HashMap::new();
    for line in String::from_utf8(out).expect("UTF-8").lines() {
        let doc: Value = serde_json::from_str(line).expect("JSON line");
        let id = s(&doc, "doc_id").to_string();
        for (i, st) in doc["statements"]
            .as_array()
            .expect("statements")
            .iter()
            .enumerate()
        {
            let stances = st["stances"]
                .as_array()
                .expect("stances")
                .iter()
                .map(|x| (s(x, "topic").to_string(), s(x, "stance").to_string()))
                .collect();
            map.insert(
                format!("{id}#{i}"),
                (
                    s(st, "actor").to_string(),
                    st["start"].as_u64().expect("start"),
                    st["end"].as_u64().expect("end"),
                    s(st, "text").to_string(),
                    stances,
                ),
            );
        }
    }
    map
}

fn level(label: &str) -> f64 {
    match label {
        "support" => 1.0,
        "oppose" => -1.0,
        "conditional" => 0.0,
        other => panic!("unexpected label {other}"),
    }
}

#[test]
fn every_edge_traces_to_statements_of_its_actors() {
    let statements = analysed();
    let events = rows(&[
        "network",
        "corpus/articles",
        "--export",
        "events",
        "--format",
        "json",
    ]);
    assert!(!events.is_empty(), "the corpus has coded statements");
    // Every event is a statement of the analysis, with its span, text and stance.
    let mut by_statement: HashMap<&str, Vec<&Value>> = HashMap::new();
    for e in &events {
        let sid = s(e, "statement_id");
        let (actor, start, end, text, stances) = statements
            .get(sid)
            .unwrap_or_else(|| panic!("event {sid} is not a statement of the analysis"));
        assert_eq!(e["start"].as_u64(), Some(*start), "{sid}");
        assert_eq!(e["end"].as_u64(), Some(*end), "{sid}");
        assert_eq!(s(e, "text"), text, "{sid}");
        assert_eq!(
            stances.get(s(e, "concept")).map(String::as_str),
            Some(s(e, "agreement")),
            "{sid}"
        );
        // The network's actor id is the analysis's, or the one it is merged into across
        // documents, or the author's voice per outlet.
        let net_actor = s(e, "actor_id");
        assert!(
            actor != "author" || net_actor.starts_with("author@"),
            "{sid}: {net_actor} vs {actor}"
        );
        by_statement.entry(sid).or_default().push(e);
    }

    let edges = rows(&[
        "network",
        "corpus/articles",
        "--by",
        "actor",
        "--format",
        "json",
    ]);
    assert!(!edges.is_empty(), "the corpus gives a network");
    for edge in &edges {
        let (a, b) = (s(edge, "source"), s(edge, "target"));
        assert!(a < b, "{a} < {b}");
        let ids: Vec<&str> = edge["statements"]
            .as_array()
            .expect("statements list")
            .iter()
            .map(|v| v.as_str().expect("id"))
            .collect();
        assert_eq!(edge["n_statements"].as_u64(), Some(ids.len() as u64));
        // Recompute the weights from the statements behind the edge.
        let mut counts: BTreeMap<(&str, &str), Vec<f64>> = BTreeMap::new();
        let mut speakers = (false, false);
        for sid in &ids {
            let evs = by_statement
                .get(sid)
                .unwrap_or_else(|| panic!("edge {a}–{b}: {sid} is no event"));
            for e in evs {
                let who = s(e, "actor_id");
                assert!(who == a || who == b, "edge {a}–{b}: {sid} is by {who}");
                speakers.0 |= who == a;
                speakers.1 |= who == b;
                counts
                    .entry((who, s(e, "concept")))
                    .or_default()
                    .push(level(s(e, "agreement")));
            }
        }
        assert!(
            speakers.0 && speakers.1,
            "edge {a}–{b} rests on both actors"
        );
        let (mut cong, mut conf) = (0.0, 0.0);
        for ((who, topic), qa) in &counts {
            if *who != a {
                continue;
            }
            let Some(qb) = counts.get(&(b, topic)) else {
                continue;
            };
            for q in qa {
                for r in qb {
                    let d = (q - r).abs() / 2.0;
                    cong += 1.0 - d;
                    conf += d;
                }
            }
        }
        assert_eq!(f(edge, "congruence"), cong, "edge {a}–{b}");
        assert_eq!(f(edge, "conflict"), conf, "edge {a}–{b}");
        assert_eq!(f(edge, "subtract"), cong - conf, "edge {a}–{b}");
    }

    // The congruence and conflict projections: non-zero weights, edges of the network.
    for p in ["congruence", "conflict"] {
        let proj = rows(&[
            "network",
            "corpus/articles",
            "--by",
            "actor",
            "--projection",
            p,
            "--format",
            "json",
        ]);
        let expected = edges.iter().filter(|e| f(e, p) != 0.0).count();
        assert_eq!(proj.len(), expected, "{p}");
        for e in &proj {
            assert_eq!(f(e, "weight"), f(e, p));
            assert!(f(e, "weight") > 0.0);
            assert!(!e["statements"].as_array().expect("list").is_empty());
        }
    }
}

#[test]
fn evidence_rows_point_at_the_statement_spans() {
    let statements = analysed();
    let evidence = rows(&[
        "network",
        "corpus/articles",
        "--export",
        "evidence",
        "--format",
        "json",
    ]);
    assert!(!evidence.is_empty());
    for row in &evidence {
        let sid = s(row, "statement_id");
        let (_, start, end, text, _) = statements.get(sid).expect("a statement");
        assert_eq!(row["start"].as_u64(), Some(*start));
        assert_eq!(row["end"].as_u64(), Some(*end));
        assert_eq!(s(row, "text"), text);
        let who = s(row, "actor_id");
        assert!(who == s(row, "source") || who == s(row, "target"));
        assert!(row["in_congruence"].as_bool().unwrap() || row["in_conflict"].as_bool().unwrap());
    }
}

#[test]
fn windows_graphml_and_affiliations() {
    let dir = std::env::temp_dir().join(format!("stancemap-network-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = |name: &str| -> PathBuf { dir.join(name) };

    // Monthly windows: every edge has a window that contains both documents' dates.
    let edges = rows(&[
        "network",
        "corpus/articles",
        "--window",
        "month",
        "--per-topic",
        "--format",
        "json",
    ]);
    for e in &edges {
        let (start, end) = (s(e, "window_start"), s(e, "window_end"));
        assert!(start.ends_with("-01") && start <= end, "{start}..{end}");
        assert!(e["topic"].is_string());
    }

    let graphml = path("net.graphml");
    run(&[
        "network",
        "corpus/articles",
        "--projection",
        "subtract",
        "--out",
        graphml.to_str().expect("UTF-8 path"),
    ]);
    let xml = std::fs::read_to_string(&graphml).expect("GraphML written");
    assert!(xml.starts_with("<?xml"));
    assert!(xml.contains(r#"edgedefault="undirected""#));
    let all = rows(&["network", "corpus/articles", "--format", "json"]);
    assert_eq!(xml.matches("<edge ").count(), all.len());

    let aff = rows(&[
        "network",
        "corpus/articles",
        "--export",
        "affiliations",
        "--format",
        "json",
    ]);
    let statements = analysed();
    let mut seen = std::collections::HashSet::new();
    for row in &aff {
        let rel = s(row, "relation");
        assert!(
            matches!(rel, "support" | "opposition" | "irrelevant"),
            "{rel}"
        );
        seen.insert(s(row, "statement_id").to_string());
    }
    assert_eq!(
        seen.len(),
        statements.len(),
        "every statement is in the edge list"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
