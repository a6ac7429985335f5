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
        errors[0].contains(p(&dir)) && errors[0].contains("no .txt or .jsonl"),
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
