//! The library's data files hold rules, not facts of the corpus: no example sentence of
//! any data file (reporting cues, lexicons, topic packs, registry) repeats eight or more
//! consecutive words of a bundled or development article, or of the construction bank.

use crate::util::{corpus, root};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

const WINDOW: usize = 8;

fn words(text: &str) -> Vec<String> {
    text.replace('\u{2019}', "'")
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

/// Every `text = "…"` value inside an `examples` array, anywhere in a TOML document.
fn example_texts(v: &toml::Value, in_examples: bool, out: &mut Vec<String>) {
    match v {
        toml::Value::Table(t) => {
            for (k, v) in t {
                if in_examples && k == "text" {
                    if let Some(s) = v.as_str() {
                        out.push(s.to_string());
                    }
                } else {
                    example_texts(v, in_examples || k == "examples", out);
                }
            }
        }
        toml::Value::Array(a) => a.iter().for_each(|v| example_texts(v, in_examples, out)),
        _ => {}
    }
}

#[test]
fn data_file_examples_are_not_corpus_sentences() {
    let mut shingles: HashSet<Vec<String>> = HashSet::new();
    let mut texts = Vec::new();
    files(&corpus(""), "txt", &mut texts);
    let mut sources: Vec<String> = texts
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("article reads"))
        .collect();
    let bank = std::fs::read_to_string(corpus("dev/constructions/bank.jsonl")).expect("bank");
    sources.extend(bank.lines().filter_map(|l| {
        serde_json::from_str::<serde_json::Value>(l).ok()?["text"]
            .as_str()
            .map(str::to_string)
    }));
    assert!(sources.len() > 600, "articles and bank found");
    for s in &sources {
        for w in words(s).windows(WINDOW) {
            shingles.insert(w.to_vec());
        }
    }

    let mut data = Vec::new();
    files(&root().join("crates"), "toml", &mut data);
    data.retain(|p| p.components().any(|c| c.as_os_str() == "data"));
    assert!(!data.is_empty(), "data files found");
    let mut copied = Vec::new();
    for path in &data {
        let text = std::fs::read_to_string(path).expect("data file reads");
        let value: toml::Value = toml::from_str(&text).expect("data file parses");
        let mut examples = Vec::new();
        example_texts(&value, false, &mut examples);
        for ex in examples {
            if words(&ex).windows(WINDOW).any(|w| shingles.contains(w)) {
                copied.push(format!("{}: {ex}", path.display()));
            }
        }
    }
    assert!(
        copied.is_empty(),
        "examples copied from the corpus:\n{}",
        copied.join("\n")
    );
}
