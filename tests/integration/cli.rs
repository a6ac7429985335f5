//! End-to-end tests of the `stancemap` binary on bad input (issue 7): each bad input gives
//! a clear error naming the file and the place, the exit code is non-zero when anything
//! failed, and every good document beside it is still analysed and printed.
//!
//! Exit codes: 0 when every input was analysed, 1 when some input failed, 2 on a usage
//! or fatal error (such as a broken topic pack).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_stancemap");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A scratch directory under the system temp dir, unique per test, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("stancemap-cli-{name}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch dir");
        Scratch(dir)
    }

    /// Writes `bytes` to `name` in the scratch dir and returns its path.
    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.0.join(name);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).expect("scratch subdir");
        }
        std::fs::write(&p, bytes).expect("scratch file");
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A good article (not from the corpus) that gives a statement with a stance.
const GOOD: &str = "Harbour drones\n\nFinnish Defence Minister Anna Virtanen said on Monday that NATO should shoot down drones that violate allied airspace.\n\n\u{201C}We may need to act quickly,\u{201D} she told reporters in Helsinki.\n";

fn stancemap(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .output()
        .expect("the stancemap binary runs")
}

fn p(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The JSONL documents printed on stdout.
fn documents(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn doc_ids(docs: &[Value]) -> Vec<&str> {
    docs.iter()
        .map(|d| d["doc_id"].as_str().expect("doc_id"))
        .collect()
}

fn assert_good(doc: &Value) {
    assert_eq!(doc["doc_id"], "good");
    let statements = doc["statements"].as_array().expect("statements");
    assert!(
        !statements.is_empty(),
        "the good document was analysed: {doc}"
    );
}

/// The error lines on stderr (no progress bar: stderr is not a terminal here).
fn error_lines(out: &Output) -> Vec<String> {
    let err = stderr(out);
    assert!(
        !err.contains('\r'),
        "no progress bar when stderr is not a terminal: {err:?}"
    );
    err.lines()
        .filter(|l| l.contains("error"))
        .map(str::to_string)
        .collect()
}

#[test]
fn invalid_utf8_names_file_and_byte_and_lossy_reads_it() {
    let s = Scratch::new("utf8");
    let bad = s.file("latin1.txt", b"The minister said caf\xE9 prices rose.\n");
    let good = s.file("good.txt", GOOD);

    let out = stancemap(&["analyze", p(&bad), p(&good)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = error_lines(&out);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains(p(&bad)) && errors[0].contains("byte 21"),
        "{errors:?}"
    );
    assert!(errors[0].to_lowercase().contains("utf-8"), "{errors:?}");
    let docs = documents(&out);
    assert_eq!(doc_ids(&docs), ["good"]);
    assert_good(&docs[0]);

    let out = stancemap(&["analyze", "--lossy", p(&bad), p(&good)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = documents(&out);
    assert_eq!(doc_ids(&docs), ["latin1", "good"]);
    // One `?` per invalid byte: offsets stay those of the file; a warning says so.
    assert!(
        stderr(&out).contains("warning") && stderr(&out).contains("byte 21"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn empty_file_is_an_empty_result() {
    let s = Scratch::new("empty");
    let empty = s.file("empty.txt", "");
    let out = stancemap(&["analyze", p(&empty)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = documents(&out);
    assert_eq!(doc_ids(&docs), ["empty"]);
    for layer in ["actors", "statements", "stances", "hedges", "boosters"] {
        assert_eq!(docs[0][layer], Value::Array(vec![]), "{layer}");
    }
}

#[test]
fn binary_junk_is_refused_and_the_rest_printed() {
    let s = Scratch::new("binary");
    // An ELF-like header with NULs, then pseudo-random bytes.
    let mut junk: Vec<u8> = b"\x7FELF\x02\x01\x01\x00\x00\x00".to_vec();
    let mut x: u32 = 12345;
    junk.extend((0..4096).map(|_| {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        (x >> 16) as u8
    }));
    let bin = s.file("junk.txt", &junk);
    // Control bytes without a NUL.
    let ctrl = s.file(
        "ctrl.txt",
        b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f text \x10\x11\x12\x13\x14\x15\x16\x17",
    );
    let good = s.file("good.txt", GOOD);

    let out = stancemap(&["analyze", p(&bin), p(&good), p(&ctrl)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = error_lines(&out);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].contains(p(&bin)) && errors[0].contains("byte 7") && errors[0].contains("binary"),
        "{errors:?}"
    );
    assert!(
        errors[1].contains(p(&ctrl))
            && errors[1].contains("byte 0")
            && errors[1].contains("binary"),
        "{errors:?}"
    );
    let docs = documents(&out);
    assert_eq!(doc_ids(&docs), ["good"]);
    assert_good(&docs[0]);
    // Lossy mode does not turn binary data into text.
    let out = stancemap(&["analyze", "--lossy", p(&bin)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(documents(&out).is_empty());
}

#[test]
fn malformed_jsonl_lines_are_reported_and_good_lines_printed() {
    let s = Scratch::new("jsonl");
    let good = |id: &str| {
        serde_json::json!({"id": id, "text": GOOD, "outlet": "Example Wire"}).to_string()
    };
    let mut lines: Vec<Vec<u8>> = vec![
        good("first").into_bytes(),
        br#"{"id": "broken", "text": "unterminated"#.to_vec(),
        good("second").into_bytes(),
        b"[1, 2, 3]".to_vec(),
        Vec::new(),
        br#"{"id": "no-text"}"#.to_vec(),
        b"{\"id\": \"latin1\", \"text\": \"caf\xE9\"}".to_vec(),
        good("third").into_bytes(),
    ];
    lines.push(Vec::new());
    let jsonl = s.file("feed.jsonl", lines.join(&b'\n'));

    let out = stancemap(&["analyze", p(&jsonl)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let docs = documents(&out);
    assert_eq!(doc_ids(&docs), ["first", "second", "third"]);
    for d in &docs {
        assert!(
            !d["statements"].as_array().expect("statements").is_empty(),
            "{d}"
        );
        assert_eq!(d["outlet"], "Example Wire");
    }
    let errors = error_lines(&out);
    assert_eq!(errors.len(), 4, "{errors:?}");
    let file = p(&jsonl);
    for (e, line) in errors.iter().zip([2, 4, 6, 7]) {
        assert!(
            e.contains(&format!("{file}:{line}:")),
            "expected {file}:{line}:<col> in {e}"
        );
    }
}

#[test]
fn missing_and_unreadable_paths_are_reported_and_the_rest_printed() {
    let s = Scratch::new("missing");
    let missing = s.0.join("nowhere/absent.txt");
    let good = s.file("good.txt", GOOD);
    let out = stancemap(&["analyze", p(&missing), p(&good)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = error_lines(&out);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains(p(&missing)), "{errors:?}");
    assert_good(&documents(&out)[0]);

    // A file without read permission (meaningless as root, who reads it anyway).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = s.file("locked.txt", GOOD);
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        if std::fs::read(&locked).is_err() {
            let out = stancemap(&["analyze", p(&locked), p(&good)]);
            assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
            let errors = error_lines(&out);
            assert!(
                errors.len() == 1 && errors[0].contains(p(&locked)),
                "{errors:?}"
            );
            assert_eq!(doc_ids(&documents(&out)), ["good"]);
        }
        let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644));
    }
}

#[test]
fn directory_without_articles_is_reported() {
    let s = Scratch::new("nodir");
    let dir = s.0.join("notes");
    s.file("notes/readme.md", "# not an article\n");
    s.file("notes/.hidden.txt", GOOD);
    let good = s.file("good.txt", GOOD);
    let out = stancemap(&["analyze", p(&dir), p(&good)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = error_lines(&out);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains(p(&dir)) && errors[0].contains("no .txt, .jsonl or .ndjson"),
        "{errors:?}"
    );
    assert_eq!(doc_ids(&documents(&out)), ["good"]);

    // Only an empty directory: nothing analysed, exit 1.
    let empty = s.0.join("empty");
    std::fs::create_dir_all(&empty).expect("dir");
    let out = stancemap(&["analyze", p(&empty)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(documents(&out).is_empty());
}

#[test]
fn broken_topic_pack_names_file_line_and_column() {
    let s = Scratch::new("topics");
    let pack = s.file(
        "drones.toml",
        "id = \"harbour_fees\"\nlabel = \"Raise harbour fees\"\n\n[[targets]\nid = \"raise\"\n",
    );
    let good = s.file("good.txt", GOOD);
    let out = stancemap(&["analyze", "--topics", p(&pack), p(&good)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    let at = format!("{}:4:", p(&pack));
    assert!(err.contains(&at), "expected {at}<col> in {err}");
    let col = err
        .split(&at)
        .nth(1)
        .and_then(|r| r.split(':').next())
        .and_then(|c| c.trim().parse::<usize>().ok());
    assert!(col.is_some_and(|c| c >= 1), "a column after {at} in {err}");
    assert!(out.stdout.is_empty());

    // A missing topic file is also fatal, and named.
    let absent = s.0.join("absent.toml");
    let out = stancemap(&["analyze", "--topics", p(&absent), p(&good)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains(p(&absent)), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    let out = stancemap(&["analyze"]);
    assert_eq!(out.status.code(), Some(2));
    let out = stancemap(&["analyze", "--format", "xml", "corpus/articles"]);
    assert_eq!(out.status.code(), Some(2));
}

/// A 50 MB file on one line (no line break at all): analysed completely, every span
/// checked against the file. Time and memory of the release binary on the same input are
/// in benches/README.md.
#[test]
fn large_single_line_file() {
    // The size the issue names: 50 MB on one line, ~420 000 statements in one document.
    const SIZE: usize = 50_000_000;
    let s = Scratch::new("large");
    let sentences = [
        "Finnish Defence Minister Anna Virtanen said on Tuesday that NATO should shoot down drones that violate allied airspace. ",
        "\u{201C}We may have no choice,\u{201D} Virtanen told reporters in Troms\u{f8}. ",
        "Polish Foreign Minister Piotr Nowak warned against firing on Russian jets, citing the risk of escalation. ",
        "The harbour authority said fees would rise by a tenth in Gda\u{144}sk. ",
    ];
    let mut text = String::with_capacity(SIZE + 200);
    let mut i = 0;
    while text.len() < SIZE {
        text.push_str(sentences[i % sentences.len()]);
        i += 1;
    }
    let big = s.file("oneline.txt", &text);
    let out_file = s.0.join("out.jsonl");
    let started = std::time::Instant::now();
    let out = stancemap(&["analyze", p(&big), "--out", p(&out_file)]);
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = std::fs::read_to_string(&out_file).expect("output written");
    let docs: Vec<Value> = printed
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["doc_id"], "oneline");
    let statements = docs[0]["statements"].as_array().expect("statements");
    assert!(statements.len() > 1000, "{} statements", statements.len());
    let stances: Vec<(&str, &str)> = docs[0]["stances"]
        .as_array()
        .expect("stances")
        .iter()
        .filter(|s| s["topic"] == "shoot_down")
        .map(|s| {
            (
                s["actor"].as_str().unwrap_or(""),
                s["stance"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        stances,
        [("anna-virtanen", "support"), ("piotr-nowak", "oppose")]
    );
    check_spans(&docs[0], text.as_bytes());
    eprintln!(
        "50 MB single line: {took:?}, {} statements",
        statements.len()
    );
}

/// Every `start`/`end` of a printed document is a byte range on char boundaries of the
/// original file, and every `text` beside it is that range.
fn check_spans(doc: &Value, original: &[u8]) {
    let text = std::str::from_utf8(original).expect("UTF-8 original");
    let mut n = 0;
    let mut check = |v: &Value, what: &str| {
        let start = v["start"]
            .as_u64()
            .unwrap_or_else(|| panic!("{what}: start in {v}")) as usize;
        let end = v["end"]
            .as_u64()
            .unwrap_or_else(|| panic!("{what}: end in {v}")) as usize;
        assert!(
            start <= end && end <= text.len(),
            "{what}: {start}..{end} out of bounds"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{what}: {start}..{end} not on char boundaries"
        );
        if let Some(t) = v.get("text") {
            assert_eq!(
                t.as_str(),
                Some(&text[start..end]),
                "{what}: text is not file[{start}..{end}]"
            );
        }
        if let Some(c) = v.get("cue").and_then(Value::as_str)
            && what != "statement"
        {
            assert_eq!(
                c,
                &text[start..end],
                "{what}: cue is not file[{start}..{end}]"
            );
        }
        n += 1;
    };
    let list = |key: &str| doc[key].as_array().cloned().unwrap_or_default();
    for a in list("actors") {
        for m in a["mentions"].as_array().expect("mentions") {
            check(m, "mention");
        }
    }
    for st in list("statements") {
        check(&st, "statement");
    }
    for c in list("hedges") {
        check(&c, "hedge");
    }
    for c in list("boosters") {
        check(&c, "booster");
    }
    for r in list("boilerplate") {
        check(&r, "boilerplate");
    }
    assert!(n > 0, "no span at all in {}", doc["doc_id"]);
}

#[test]
fn corpus_spans_are_byte_ranges_of_the_files() {
    let out = stancemap(&["analyze", "corpus/articles", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = documents(&out);
    assert_eq!(docs.len(), 5);
    for doc in &docs {
        let path = doc["path"].as_str().expect("path");
        let original = std::fs::read(Path::new(ROOT).join(path)).expect("the article");
        assert_eq!(
            Path::new(path).file_stem().and_then(|s| s.to_str()),
            doc["doc_id"].as_str()
        );
        check_spans(doc, &original);
    }
}

#[test]
fn table_format_and_out_file() {
    let s = Scratch::new("table");
    let good = s.file("good.txt", GOOD);
    let out_file = s.0.join("out.txt");
    let out = stancemap(&[
        "analyze",
        p(&good),
        "--format",
        "table",
        "--out",
        p(&out_file),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let table = std::fs::read_to_string(&out_file).expect("table written");
    assert!(table.starts_with("== good"), "{table}");
}

// ---- Issue 12: nothing lost, every message clear ----

/// Runs the binary with `input` on standard input.
fn stancemap_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write as _;
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(ROOT)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the stancemap binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("output");
    writer.join().expect("writer");
    out
}

/// Two JSONL records (invented text), one per line.
fn feed() -> String {
    let rec = |id: &str, outlet: &str| {
        serde_json::json!({"id": id, "outlet": outlet, "text": GOOD}).to_string() + "\n"
    };
    rec("wire-1", "Example Wire") + &rec("wire-2", "Harbour Post")
}

#[test]
fn stdin_jsonl_is_sniffed_and_stdin_documents_are_unique() {
    let out = stancemap_stdin(&["analyze", "-"], feed().as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(doc_ids(&documents(&out)), ["wire-1", "wire-2"]);

    let out = stancemap_stdin(
        &["analyze", "--input-format", "text", "-"],
        feed().as_bytes(),
    );
    assert_eq!(doc_ids(&documents(&out)), ["stdin"]);

    // Plain text on stdin, given twice: two distinct ids (the second read is empty).
    let out = stancemap_stdin(&["analyze", "-", "-"], GOOD.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(doc_ids(&documents(&out)), ["stdin", "stdin-2"]);
}

#[test]
fn ndjson_files_are_read_as_json_lines_also_in_directories() {
    let s = Scratch::new("ndjson");
    let file = s.file("feeds/news.ndjson", feed());
    let out = stancemap(&["analyze", p(&file)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(doc_ids(&documents(&out)), ["wire-1", "wire-2"]);
    let out = stancemap(&["analyze", p(&s.0.join("feeds"))]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(doc_ids(&documents(&out)), ["wire-1", "wire-2"]);
    // Forced JSON lines for a file of another name.
    let txt = s.file("feed.txt", feed());
    let out = stancemap(&["analyze", "--input-format", "jsonl", p(&txt)]);
    assert_eq!(doc_ids(&documents(&out)), ["wire-1", "wire-2"]);
}

#[test]
fn a_nul_byte_is_replaced_with_a_warning_in_lossy_mode() {
    let s = Scratch::new("nul");
    let mut bytes = GOOD.as_bytes().to_vec();
    bytes.insert(20, 0);
    let bad = s.file("good.txt", &bytes);
    let out = stancemap(&["analyze", p(&bad)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("lossy"), "{}", stderr(&out));
    let out = stancemap(&["analyze", "--lossy", p(&bad)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = documents(&out);
    assert_good(&docs[0]);
    assert!(
        stderr(&out).contains("warning") && stderr(&out).contains("NUL"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unknown_topic_and_unknown_out_extension_are_errors() {
    let s = Scratch::new("unknown");
    let good = s.file("good.txt", GOOD);
    let out = stancemap(&["matrix", "--topic", "shootdown", p(&good)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("shootdown") && err.contains("shoot_down"),
        "lists the known topics: {err}"
    );
    assert!(out.stdout.is_empty());

    let xlsx = s.0.join("m.xlsx");
    let out = stancemap(&["matrix", "--out", p(&xlsx), p(&good)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("m.xlsx"), "{}", stderr(&out));
    assert!(!xlsx.exists(), "nothing written");
    let page = s.0.join("r.pdf");
    let out = stancemap(&["report", "--out", p(&page), p(&good)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(!page.exists());
}

#[test]
fn the_author_is_one_actor_per_outlet_not_one_for_all() {
    let s = Scratch::new("author");
    let text = "Drones over the border\n\nThe alliance must shoot down every drone that \
                crosses into allied airspace. Anything less would invite more incursions.\n";
    let rec = |id: &str, outlet: &str| {
        serde_json::json!({"id": id, "outlet": outlet, "genre": "opinion", "text": text})
            .to_string()
            + "\n"
    };
    let f = s.file(
        "ed.jsonl",
        rec("ed-1", "Example Wire") + &rec("ed-2", "Harbour Post"),
    );
    let out = stancemap(&["matrix", "--statements", "--format", "csv", p(&f)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = String::from_utf8_lossy(&out.stdout);
    let ids: std::collections::BTreeSet<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(4))
        .filter(|id| id.starts_with("author"))
        .collect();
    assert_eq!(
        ids.into_iter().collect::<Vec<_>>(),
        ["author@example-wire", "author@harbour-post"],
        "{csv}"
    );
}

/// Issue 12 (item 5): a registry person written with a scraping slip in one article
/// ("Tom, Wrzelak", "Tomasz, Wrzelak") and correctly in another is one row of the matrix
/// and one actor of the statements frame.
#[test]
fn a_registry_person_garbled_in_one_article_is_one_row() {
    let s = Scratch::new("garbled");
    let reg = s.file(
        "people.toml",
        "[[person]]\nname = \"Tomasz Wrzelak\"\naliases = [\"Wrzelak\"]\ncountry = \"Poland\"\n",
    );
    s.file(
        "arts/a.txt",
        "Drones over the border\n\nPolish Foreign Minister Tomasz Wrzelak said on Monday \
         that NATO should shoot down drones that violate allied airspace.\n",
    );
    s.file(
        "arts/b.txt",
        "Jets over the sea\n\nPolish Foreign Minister Tom, Wrzelak said on Tuesday that the \
         alliance should shoot down any drone that crosses into allied airspace.\n",
    );
    s.file(
        "arts/c.txt",
        "Airspace again\n\nTomasz, Wrzelak told reporters that NATO must shoot down drones \
         over allied territory.\n",
    );
    let arts = s.0.join("arts");
    let out = stancemap(&["matrix", "--registry", p(&reg), "--format", "csv", p(&arts)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 1, "one row: {csv}");
    assert!(
        rows[0].starts_with("tomasz-wrzelak,Tomasz Wrzelak,person,Poland,")
            && rows[0].ends_with(",3"),
        "{csv}"
    );
    let out = stancemap(&[
        "matrix",
        "--statements",
        "--registry",
        p(&reg),
        "--format",
        "csv",
        p(&arts),
    ]);
    let csv = String::from_utf8_lossy(&out.stdout);
    let ids: std::collections::BTreeSet<&str> = csv
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').nth(4))
        .collect();
    assert_eq!(
        ids.into_iter().collect::<Vec<_>>(),
        ["tomasz-wrzelak"],
        "{csv}"
    );
}

#[test]
fn registry_entry_with_an_unknown_country_is_rejected_with_its_place() {
    let s = Scratch::new("registry");
    let reg = s.file(
        "people.toml",
        "[[person]]\nname = \"Ivo Marek\"\ncountry = \"Freedonia\"\n",
    );
    let good = s.file("good.txt", GOOD);
    let out = stancemap(&["matrix", "--registry", p(&reg), p(&good)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(&format!("{}:3:11", p(&reg))) && err.contains("Freedonia"),
        "{err}"
    );
}

/// Issue 11: any embedded data file can be replaced; a user file is read in the format
/// of the file it replaces, and a broken one is named with its line and column.
#[test]
fn data_files_can_be_replaced() {
    let s = Scratch::new("data");
    let good = s.file("good.txt", GOOD);
    let hedges = |extra: &[&str]| {
        let mut args = vec!["analyze"];
        args.extend_from_slice(extra);
        args.push(p(&good));
        let out = stancemap(&args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        documents(&out)[0]["hedges"]
            .as_array()
            .expect("hedges")
            .len()
    };
    assert!(hedges(&[]) > 0, "the embedded lexicon finds the hedge");
    let cues = s.file(
        "cues.toml",
        "[[cue]]\nid = \"booster/plainly\"\nkind = \"booster\"\ncue = [\"plainly\"]\n",
    );
    let arg = format!("cues={}", p(&cues));
    assert_eq!(
        hedges(&["--data", &arg]),
        0,
        "the user lexicon has no hedge"
    );

    // Every replaceable file is read: a broken one stops the run, named with its place.
    let broken = s.file("broken.toml", "[parties\n");
    for name in stancemap::DATA_FILES {
        let arg = format!("{name}={}", p(&broken));
        let out = stancemap(&["analyze", "--data", &arg, p(&good)]);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("{}:1:", p(&broken))),
            "{name}: {}",
            stderr(&out)
        );
    }

    let out = stancemap(&["analyze", "--data", "grammar=x.toml", p(&good)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("unknown data file `grammar`") && stderr(&out).contains("cues"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn non_english_input_gets_a_warning() {
    let s = Scratch::new("lang");
    let pl = s.file(
        "pl.txt",
        "Minister Ana Veltri powiedziała w poniedziałek, że sojusz powinien zestrzeliwać drony, które naruszają przestrzeń powietrzną.\n",
    );
    let out = stancemap(&["analyze", p(&pl)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("warning") && err.contains("Polish") && err.contains("only English"),
        "{err}"
    );
    let docs = documents(&out);
    assert!(docs[0]["warnings"].to_string().contains("only English"));
    // English text gets none.
    let good = s.file("good.txt", GOOD);
    let out = stancemap(&["analyze", p(&good)]);
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
}

#[test]
fn error_messages_are_not_doubled() {
    let s = Scratch::new("doubled");
    let good = s.file("good.txt", GOOD);
    let absent = s.0.join("absent.toml");
    let out = stancemap(&["analyze", "--topics", p(&absent), p(&good)]);
    let err = stderr(&out);
    assert_eq!(err.matches("os error 2").count(), 1, "{err}");

    // A registry date error: the place and message once, the TOML snippet once.
    let reg = s.file(
        "people.toml",
        "[[person]]\nname = \"Ivo Marek\"\ncountry = \"Italy\"\nroles = [ { role = \"Mayor\", country = \"Italy\", from = \"2020-13-45\" } ]\n",
    );
    let out = stancemap(&["analyze", "--registry", p(&reg), p(&good)]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&format!("{}:4:", p(&reg))), "{err}");
    assert_eq!(err.matches("is not a date").count(), 1, "{err}");
    assert_eq!(err.matches("4 | roles").count(), 1, "{err}");
    assert!(!err.contains("TOML parse error"), "{err}");

    // eval outside the repository names the relative default.
    let out = Command::new(BIN)
        .args(["eval"])
        .current_dir(&s.0)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("corpus/gold") && err.contains("relative to the current directory"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    use std::io::BufRead as _;
    let s = Scratch::new("pipe");
    let mut lines = String::new();
    for i in 0..400 {
        lines.push_str(&serde_json::json!({"id": format!("d{i}"), "text": GOOD}).to_string());
        lines.push('\n');
    }
    let big = s.file("big.jsonl", lines);
    for args in [
        vec!["analyze", p(&big)],
        vec!["matrix", "--statements", "--format", "csv", p(&big)],
    ] {
        let mut child = Command::new(BIN)
            .args(&args)
            .current_dir(ROOT)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        let mut first = String::new();
        stdout.read_line(&mut first).expect("one line");
        drop(stdout); // `| head -1`
        let out = child.wait_with_output().expect("ends");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).is_empty(), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn empty_input_writes_nothing_and_exits_1() {
    let s = Scratch::new("emptydir");
    let dir = s.0.join("none");
    std::fs::create_dir_all(&dir).expect("dir");
    let csv = s.0.join("m.csv");
    let out = stancemap(&["matrix", "--out", p(&csv), p(&dir)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!csv.exists(), "no empty table written");
    let html = s.0.join("r.html");
    let out = stancemap(&["report", "--out", p(&html), p(&dir)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!html.exists(), "no empty report written");
}

#[test]
fn by_doc_with_two_topics_suggests_topic() {
    let out = stancemap(&["matrix", "--by", "doc", "corpus/articles"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("--topic"), "{}", stderr(&out));
    let help = stancemap(&["matrix", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    for v in ["actor", "country", "doc"] {
        assert!(help.contains(v), "--by values listed: {help}");
    }
    assert!(
        help.contains("statements frame (one row per statement"),
        "{help}"
    );
    assert!(!help.contains("SPEC"), "{help}");
}

#[test]
fn eval_takes_registry_and_lossy() {
    let s = Scratch::new("evalreg");
    let reg = s.file(
        "people.toml",
        "[[person]]\nname = \"Ivo Marek\"\ncountry = \"Italy\"\n",
    );
    let out = stancemap(&["eval", "--lossy", "--registry", p(&reg)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("TOTAL"));
}

#[test]
fn topics_check_shows_a_wrong_expect() {
    let s = Scratch::new("check");
    let pack = s.file(
        "levy.toml",
        r#"id = "harbour_levy"
label = "A levy on cruise ships in the harbour"
description = "Should the city charge cruise ships a harbour levy?"
inherit = true

[[targets]]
id = "levy"
patterns = ["levy|levies|fee|fees *0-3 on *0-2 cruise *0-1 ships|liners"]
examples = [
  { text = "Mayor Ivo Marek said the city should impose a levy on cruise ships.", expect = "support" },
  { text = "Mayor Ivo Marek said the city should impose a fee on cruise liners.", expect = "oppose" },
]
"#,
    );
    let out = stancemap(&["topics", "check", p(&pack)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("expected oppose"), "{shown}");
    assert!(shown.contains("1 of 2 examples as expected"), "{shown}");
}

/// The code block that follows the first line of `text` containing `marker`.
fn code_block_after<'a>(text: &'a str, marker: &str) -> &'a str {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("README mentions {marker}"));
    let rest = &text[at..];
    let open = rest.find("```").expect("a code block follows");
    let body = &rest[open..];
    let body = &body[body.find('\n').expect("fence line") + 1..];
    &body[..body.find("```").expect("closing fence")]
}

/// The README's sample outputs are what the program prints (issue 12: the "What you
/// get" table had gone stale). Lines shown are compared exactly; `…` stands for rows
/// left out at the end.
#[test]
fn readme_sample_outputs_are_what_the_program_prints() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).expect("README");

    let shown = code_block_after(
        &readme,
        "cargo run -- matrix corpus/articles --topic shoot_down`:",
    );
    let out = stancemap(&["matrix", "corpus/articles", "--topic", "shoot_down"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = String::from_utf8(out.stdout).expect("UTF-8");
    let shown: Vec<&str> = shown.lines().filter(|l| l.trim() != "…").collect();
    let printed: Vec<&str> = printed.lines().take(shown.len()).collect();
    assert_eq!(shown, printed, "update the README's matrix sample");

    let shown = code_block_after(&readme, "scores the analysis against the gold annotations");
    let out = stancemap(&["eval"]);
    let printed = String::from_utf8(out.stdout).expect("UTF-8");
    for line in shown.lines().filter(|l| !l.trim().is_empty()) {
        assert!(
            printed.lines().any(|p| p.trim_end() == line.trim_end()),
            "README line not in `stancemap eval` output: {line}\n{printed}"
        );
    }
}

/// The long options (and their listed values) of one `--help` text.
fn help_options(help: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in help.lines() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix("--").or_else(|| {
            t.strip_prefix("-")
                .and_then(|r| r.split_once(", --").map(|(_, r)| r))
        }) {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            if line.starts_with("      --") || line.starts_with("  -") {
                out.push((name, Vec::new()));
            }
        } else if let Some(v) = t.strip_prefix("- ")
            && let Some((value, _)) = v.split_once(':')
            && let Some(last) = out.last_mut()
        {
            last.1.push(value.trim().to_string());
        }
    }
    out.retain(|(n, _)| n != "help" && n != "version");
    out
}

/// Issue 12: the README's command-line synopsis names every option of every command, and
/// only options that exist, with the values the program accepts.
#[test]
fn readme_command_line_matches_the_help() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).expect("README");
    let block = code_block_after(&readme, "## The command line");
    let input_options = block
        .lines()
        .find(|l| l.starts_with("# INPUT OPTIONS:"))
        .expect("the INPUT OPTIONS line");
    for line in block.lines().filter(|l| l.starts_with("stancemap ")) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let mut command = vec![words[1]];
        if words[1] == "topics" {
            command.push(words[2]);
        }
        let mut synopsis = line.to_string();
        if line.contains("[INPUT OPTIONS]") {
            synopsis.push_str(input_options);
        }
        // `topics list … | check FILE...`: the part for `topics list` ends at `|`.
        if command[0] == "topics" {
            synopsis = synopsis.split(" | ").next().unwrap_or_default().to_string();
        }
        let mut args = command.clone();
        args.push("--help");
        let out = stancemap(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let help = String::from_utf8_lossy(&out.stdout).to_string();
        let options = help_options(&help);
        assert!(
            !options.is_empty() || command == ["topics", "check"],
            "{help}"
        );
        for (name, values) in &options {
            let flag = format!("--{name}");
            let at = synopsis
                .find(&format!("{flag} "))
                .or_else(|| synopsis.find(&format!("{flag}]")))
                .unwrap_or_else(|| panic!("README synopsis of {command:?} lacks {flag}: {line}"));
            // `[--by actor|country|doc]`: the listed values are the program's.
            let shown = synopsis[at + flag.len()..]
                .trim_start()
                .split([']', ' '])
                .next()
                .unwrap_or_default();
            if shown.contains('|') {
                let mut shown: Vec<&str> = shown.split('|').collect();
                let mut values: Vec<&str> = values.iter().map(String::as_str).collect();
                shown.sort_unstable();
                values.sort_unstable();
                assert_eq!(shown, values, "values of {flag} in {command:?}");
            }
        }
        for word in synopsis.split(['[', ']', ' ']) {
            if let Some(name) = word.strip_prefix("--") {
                let name = name.trim_end_matches("...");
                assert!(
                    options.iter().any(|(n, _)| n == name),
                    "README names --{name} for {command:?}, which has no such option"
                );
            }
        }
    }
}

/// Issue 12 (item 10), on a terminal (a pseudo-terminal from `script`): a file of known size
/// gets a progress bar with its total and an ETA, rates have at most two decimals, and a
/// warning is a line of its own, not written through the bar.
#[test]
fn progress_on_a_terminal_has_a_total_and_warnings_stay_whole() {
    let has_script = Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: no `script` (util-linux) to give the binary a terminal");
        return;
    }
    let s = Scratch::new("progress");
    let mut lines = String::new();
    for i in 0..600 {
        let text = if i == 300 {
            "Minister Ana Veltri powiedziała w poniedziałek, że sojusz powinien zestrzeliwać drony, które naruszają przestrzeń powietrzną."
        } else {
            GOOD
        };
        lines.push_str(&serde_json::json!({"id": format!("d{i}"), "text": text}).to_string());
        lines.push('\n');
    }
    let feed = s.file("feed.jsonl", lines);
    let command = format!("{BIN} analyze {} --out /dev/null", p(&feed));
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .env("COLUMNS", "100")
        .current_dir(ROOT)
        .output()
        .expect("script runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("ETA") && shown.contains("/s"),
        "a progress bar: {shown}"
    );
    assert!(
        shown.contains("MiB") || shown.contains("KiB"),
        "sizes: {shown}"
    );
    // The warning line, cut at the next carriage return or escape sequence.
    let at = shown
        .find("stancemap: warning:")
        .expect("the warning is shown");
    let line = &shown[at..];
    let line = &line[..line.find(['\r', '\n', '\u{1b}']).unwrap_or(line.len())];
    assert!(
        line.contains("(document d300)") && line.ends_with("stances will be missing"),
        "the warning is whole: {line:?}"
    );
    // Rates: a number with at most two decimals before each `/s`.
    for (i, _) in shown.match_indices("/s") {
        let before = &shown[..i];
        let number = before
            .rsplit(' ')
            .nth(1)
            .unwrap_or_default()
            .trim_start_matches('(');
        if let Some((_, decimals)) = number.split_once('.') {
            assert!(decimals.len() <= 2, "rate {number} in {shown}");
        }
    }
}
