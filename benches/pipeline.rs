//! Criterion benches of the stancemap pipeline (issue 7). See `benches/README.md` for the
//! commands, the targets and the measured figures.
//!
//! Groups:
//! - `load`: building an [`Analyzer`] (registry, lexicons, automata, topic packs).
//! - `stage`: each stage alone on the five corpus articles, the earlier stages done
//!   beforehand (outside the timing): ingest + boilerplate, sentences/tokens, actors,
//!   statements, cues, stance.
//! - `pipeline`: the whole pipeline on the corpus, and on a generated large corpus (the
//!   five articles repeated with varied ids into a JSONL file in a temp dir) read through
//!   [`Analyzer::analyze_paths`].
//! - `parallel`: the same documents on one rayon thread vs two.
//! - `matrix`: the statements frame and the stance matrix of 1 M synthetic statements.
//!
//! Throughput is in bytes of article text (not of JSONL), except for `matrix`, which is in
//! statements.
//!
//! With `STANCEMAP_BENCH_MAKE_JSONL=<file>` (and optionally `STANCEMAP_BENCH_JSONL_MB=<n>`,
//! default 1024) the binary only writes such a JSONL file and exits: that is the input of
//! the bounded-memory measurement of `stancemap analyze` in the README. With
//! `STANCEMAP_BENCH_STAGE_TIMES=<file>` it times each stage once on that file and exits;
//! with `STANCEMAP_BENCH_PROFILE=<n>` it runs the pipeline on the corpus n times (in
//! `profile_corpus`, for callgrind) and exits.

use criterion::{BatchSize, Criterion, Throughput};
use stancemap::Analyzer;
use stancemap::core::output::{
    ActorOut, CueOut, DocumentReport, SpanOut, StanceOut, StatementOut, StatementStanceOut,
};
use stancemap::core::{Document, Layer, Stage};
use stancemap::ingest::{ReadOptions, text_document};
use stancemap::matrix::{GroupBy, MatrixOptions, stance_matrix, statements_frame};
use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One corpus article: id, path and bytes.
struct Article {
    id: String,
    path: String,
    text: String,
}

fn corpus() -> Vec<Article> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/articles");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus/articles is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), 5, "five corpus articles");
    paths
        .into_iter()
        .map(|p| Article {
            id: p
                .file_stem()
                .expect("a file name")
                .to_string_lossy()
                .into_owned(),
            text: std::fs::read_to_string(&p).expect("corpus articles are UTF-8"),
            path: p.to_string_lossy().into_owned(),
        })
        .collect()
}

fn total_bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text().len() as u64).sum()
}

/// Writes the five articles, repeated with ids `<stem>-<copy>`, as JSONL until the text
/// reaches `target_bytes`. Returns the number of documents and of text bytes.
fn write_jsonl(path: &Path, articles: &[Article], target_bytes: u64) -> (usize, u64) {
    let file = std::fs::File::create(path).expect("the JSONL file can be created");
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    let (mut docs, mut bytes) = (0usize, 0u64);
    let mut copy = 0usize;
    while bytes < target_bytes {
        for a in articles {
            let record = serde_json::json!({
                "id": format!("{}-{copy:07}", a.id),
                "title": format!("Copy {copy} of {}", a.id),
                "text": a.text,
            });
            serde_json::to_writer(&mut w, &record).expect("JSONL is written");
            w.write_all(b"\n").expect("JSONL is written");
            docs += 1;
            bytes += a.text.len() as u64;
        }
        copy += 1;
    }
    w.flush().expect("JSONL is written");
    (docs, bytes)
}

/// A scratch directory, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("stancemap-bench-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Env var: when set, the binary builds one analyzer, prints the nanoseconds it took on
/// stdout and exits (the child process of the cold-load bench).
const COLD_LOAD: &str = "STANCEMAP_BENCH_COLD_LOAD";

fn bench_load(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    // The first `Analyzer::new()` of a process: what a CLI run pays. The embedded data is
    // parsed once per process (cached), so this runs in a fresh child process each time;
    // the child times the call itself, so process start-up is not counted.
    g.sample_size(20);
    g.bench_function("analyzer_new_cold", |b| {
        b.iter_custom(|iters| {
            let exe = std::env::current_exe().expect("the bench binary");
            (0..iters)
                .map(|_| {
                    let out = std::process::Command::new(&exe)
                        .env(COLD_LOAD, "1")
                        .output()
                        .expect("the child runs");
                    let nanos: u64 = String::from_utf8_lossy(&out.stdout)
                        .trim()
                        .parse()
                        .expect("the child prints nanoseconds");
                    Duration::from_nanos(nanos)
                })
                .sum()
        })
    });
    // Every later `Analyzer::new()` in the same process (data already parsed).
    g.bench_function("analyzer_new_warm", |b| {
        b.iter(|| black_box(Analyzer::new().expect("embedded data loads")))
    });
    g.finish();
}

fn bench_stages(c: &mut Criterion, analyzer: &Analyzer, articles: &[Article]) {
    let stages: Vec<&dyn Stage> = analyzer.pipeline().stages().collect();
    let bytes: u64 = articles.iter().map(|a| a.text.len() as u64).sum();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes));

    // Ingest (binary check, UTF-8 validation, document) + boilerplate: the first stage.
    let raw: Vec<(String, String, Vec<u8>)> = articles
        .iter()
        .map(|a| (a.id.clone(), a.path.clone(), a.text.as_bytes().to_vec()))
        .collect();
    let first = stages[0];
    g.bench_function(format!("ingest+{}", first.name()), |b| {
        b.iter_batched(
            || raw.clone(),
            |raw| {
                for (id, path, bytes) in raw {
                    let mut doc = text_document(&id, &path, bytes, false).expect("valid text");
                    first.process(&mut doc).expect("stage runs");
                    black_box(&doc);
                }
            },
            BatchSize::SmallInput,
        )
    });

    // Every later stage on documents that went through the stages before it.
    let mut docs: Vec<Document> = articles
        .iter()
        .map(|a| Document::new(a.id.clone(), a.text.clone()).with_path(a.path.clone()))
        .collect();
    for d in &mut docs {
        first.process(d).expect("stage runs");
    }
    // A cloned document has no scratch: the topic tagger is re-run on the clones (untimed)
    // so that the stance stage takes its scan, as in the pipeline, instead of scanning.
    let tagger = stages
        .iter()
        .find(|s| s.provides().contains(&Layer::Topics));
    let mut tagged = false;
    for stage in &stages[1..] {
        g.bench_function(stage.name(), |b| {
            b.iter_batched(
                || {
                    let mut docs = docs.clone();
                    if let Some(t) = tagger.filter(|_| tagged) {
                        for d in &mut docs {
                            t.process(d).expect("stage runs");
                        }
                    }
                    docs
                },
                |mut docs| {
                    for d in &mut docs {
                        stage.process(d).expect("stage runs");
                    }
                    docs
                },
                BatchSize::SmallInput,
            )
        });
        for d in &mut docs {
            stage.process(d).expect("stage runs");
        }
        tagged |= stage.provides().contains(&Layer::Topics);
    }
    g.finish();
}

fn bench_pipeline(
    c: &mut Criterion,
    analyzer: &Analyzer,
    articles: &[Article],
    big: &Path,
    big_bytes: u64,
) {
    let bytes: u64 = articles.iter().map(|a| a.text.len() as u64).sum();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(bytes));
    g.bench_function("corpus", |b| {
        b.iter(|| {
            for a in articles {
                black_box(analyzer.analyze_text(&a.id, &a.text).expect("analysed"));
            }
        })
    });
    g.bench_function("corpus+report+json", |b| {
        b.iter(|| {
            for a in articles {
                let doc = analyzer.analyze_text(&a.id, &a.text).expect("analysed");
                let json =
                    serde_json::to_string(&DocumentReport::from_document(&doc)).expect("json");
                black_box(json);
            }
        })
    });

    // The large corpus, read from JSONL and analysed on one thread.
    g.throughput(Throughput::Bytes(big_bytes));
    g.sample_size(10);
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a thread pool");
    let paths = [big.to_path_buf()];
    g.bench_function("large_jsonl_1_thread", |b| {
        b.iter(|| one.install(|| analyze_all(analyzer, &paths)))
    });
    g.finish();
}

/// Streams every document of `paths` through [`Analyzer::analyze_paths`]; returns how many.
fn analyze_all(analyzer: &Analyzer, paths: &[PathBuf]) -> usize {
    let mut n = 0;
    for r in analyzer.analyze_paths(paths, &ReadOptions::default()) {
        black_box(r.expect("analysed"));
        n += 1;
    }
    n
}

fn bench_parallel(
    c: &mut Criterion,
    analyzer: &Analyzer,
    docs: &[Document],
    big: &Path,
    big_bytes: u64,
) {
    use rayon::prelude::*;
    let mut g = c.benchmark_group("parallel");
    g.sample_size(10);
    let paths = [big.to_path_buf()];
    for threads in [1usize, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        // In-memory documents: the analysis alone.
        g.throughput(Throughput::Bytes(total_bytes(docs)));
        g.bench_function(format!("documents_{threads}_threads"), |b| {
            b.iter_batched(
                || docs.to_vec(),
                |mut docs| {
                    pool.install(|| {
                        docs.par_iter_mut()
                            .for_each(|d| analyzer.analyze(d).expect("analysed"));
                    });
                    docs
                },
                BatchSize::LargeInput,
            )
        });
        // The streaming reader (JSONL, batches of documents in parallel).
        g.throughput(Throughput::Bytes(big_bytes));
        g.bench_function(format!("analyze_paths_{threads}_threads"), |b| {
            b.iter(|| pool.install(|| analyze_all(analyzer, &paths)))
        });
    }
    g.finish();
}

/// `n_docs` synthetic reports of `per_doc` statements each: 10 speakers per document
/// drawn from a pool of 5 000 actors (so that actors recur across documents), two topics.
fn synthetic_reports(n_docs: usize, per_doc: usize) -> Vec<DocumentReport> {
    const POOL: usize = 5_000;
    const SPEAKERS: usize = 10;
    const TOPICS: [&str; 2] = ["shoot_down", "frozen_assets"];
    const LABELS: [&str; 3] = ["support", "oppose", "conditional"];
    const COUNTRIES: [&str; 8] = [
        "Aland",
        "Borduria",
        "Carpania",
        "Delmark",
        "Elbonia",
        "Freedonia",
        "Genovia",
        "Syldavia",
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64*: deterministic, no dependency.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    (0..n_docs)
        .map(|d| {
            let speakers: Vec<usize> = (0..SPEAKERS).map(|_| (next() as usize) % POOL).collect();
            let actors: Vec<ActorOut> = speakers
                .iter()
                .map(|&a| ActorOut {
                    id: format!("actor-{a}"),
                    name: format!("Actor {a}"),
                    kind: if a % 4 == 0 {
                        "state".into()
                    } else {
                        "person".into()
                    },
                    country: Some(COUNTRIES[a % COUNTRIES.len()].to_string()),
                    role: (a % 3 == 0).then(|| "Minister".to_string()),
                    mentions: vec![SpanOut {
                        start: 0,
                        end: 9,
                        text: format!("Actor {a}"),
                    }],
                })
                .collect();
            let mut statements = Vec::with_capacity(per_doc);
            let mut stances: Vec<StanceOut> = Vec::new();
            for i in 0..per_doc {
                let who = i % SPEAKERS;
                let topic = TOPICS[(i / SPEAKERS) % TOPICS.len()];
                let r = next();
                let label = LABELS[(r % 3) as usize];
                let score = match label {
                    "support" => 0.7,
                    "oppose" => -0.6,
                    _ => 0.0,
                };
                statements.push(StatementOut {
                    actor: actors[who].id.clone(),
                    start: i * 100,
                    end: i * 100 + 80,
                    text: format!(
                        "Actor {} said the alliance should act on {topic} now, statement {i}.",
                        speakers[who]
                    ),
                    quote: r % 5 == 0,
                    cue: Some("said".into()),
                    stances: vec![StatementStanceOut {
                        topic: topic.into(),
                        stance: label.parse().expect("a SPEC label"),
                        score,
                        rule: format!("stance/{topic}/{label}"),
                    }],
                    hedges: if r % 7 == 0 { vec![0] } else { vec![] },
                    boosters: if r % 11 == 0 { vec![0] } else { vec![] },
                    commitment: 0.8,
                });
                match stances
                    .iter_mut()
                    .find(|s| s.actor == actors[who].id && s.topic == topic)
                {
                    Some(s) => s.statements.push(i),
                    None => stances.push(StanceOut {
                        actor: actors[who].id.clone(),
                        topic: topic.into(),
                        stance: label.parse().expect("a SPEC label"),
                        score,
                        hedged: r % 7 == 0,
                        statements: vec![i],
                    }),
                }
            }
            DocumentReport {
                doc_id: format!("doc-{d:06}"),
                path: None,
                title: None,
                outlet: Some(format!("Outlet {}", d % 40)),
                published: Some(format!("2030-{:02}-{:02}", 1 + d % 12, 1 + d % 28)),
                genre: None,
                actors,
                statements,
                stances,
                hedges: vec![CueOut {
                    cue: "may".into(),
                    kind: "modal".into(),
                    start: 10,
                    end: 13,
                }],
                boosters: vec![CueOut {
                    cue: "clearly".into(),
                    kind: "booster".into(),
                    start: 20,
                    end: 27,
                }],
                boilerplate: vec![],
                warnings: vec![],
            }
        })
        .collect()
}

fn bench_matrix(c: &mut Criterion) {
    const DOCS: usize = 20_000;
    const PER_DOC: usize = 50;
    // Built on first use only, so that a filtered run (`-- stage`) does not pay for it.
    let reports = std::cell::OnceCell::new();
    let reports = || reports.get_or_init(|| synthetic_reports(DOCS, PER_DOC));
    let mut g = c.benchmark_group("matrix");
    g.sample_size(10);
    g.throughput(Throughput::Elements((DOCS * PER_DOC) as u64));
    g.bench_function("statements_frame_1M", |b| {
        let reports = reports();
        b.iter(|| black_box(statements_frame(reports).expect("frame")))
    });
    for by in [GroupBy::Actor, GroupBy::Country] {
        g.bench_function(format!("stance_matrix_1M_by_{by}"), |b| {
            let reports = reports();
            b.iter(|| black_box(stance_matrix(reports, &MatrixOptions::by(by)).expect("matrix")))
        });
    }
    g.finish();
}

/// Times each stage once on one file (no criterion): for profiling a large document.
fn stage_times(path: &Path) {
    let analyzer = Analyzer::new().expect("embedded data loads");
    let bytes = std::fs::read(path).expect("the file is readable");
    let started = std::time::Instant::now();
    let mut doc =
        text_document("probe", &path.to_string_lossy(), bytes, true).expect("a text file");
    eprintln!(
        "{:>12} {:>10.3} s",
        "ingest",
        started.elapsed().as_secs_f64()
    );
    for stage in analyzer.pipeline().stages() {
        let started = std::time::Instant::now();
        stage.process(&mut doc).expect("stage runs");
        eprintln!(
            "{:>12} {:>10.3} s",
            stage.name(),
            started.elapsed().as_secs_f64()
        );
    }
    let started = std::time::Instant::now();
    let json = serde_json::to_string(&DocumentReport::from_document(&doc)).expect("json");
    eprintln!(
        "{:>12} {:>10.3} s",
        "report+json",
        started.elapsed().as_secs_f64()
    );
    eprintln!(
        "{} bytes: {} sentences, {} tokens, {} mentions, {} statements, {} hedges, {} bytes of JSON",
        doc.text().len(),
        doc.sentences.len(),
        doc.tokens.len(),
        doc.mentions.len(),
        doc.statements.len(),
        doc.hedges.len(),
        json.len()
    );
}

/// Runs the whole pipeline on the corpus `rounds` times: the function to profile
/// (`valgrind --tool=callgrind --toggle-collect='*profile_corpus*'`).
#[inline(never)]
fn profile_corpus(analyzer: &Analyzer, articles: &[Article], rounds: usize) {
    for _ in 0..rounds {
        for a in articles {
            black_box(analyzer.analyze_text(&a.id, &a.text).expect("analysed"));
        }
    }
}

fn main() {
    if std::env::var_os(COLD_LOAD).is_some() {
        let started = std::time::Instant::now();
        let analyzer = Analyzer::new().expect("embedded data loads");
        let took = started.elapsed();
        black_box(analyzer);
        println!("{}", took.as_nanos());
        return;
    }
    if let Some(rounds) = std::env::var_os("STANCEMAP_BENCH_PROFILE") {
        let rounds = rounds.to_string_lossy().parse().unwrap_or(10);
        let articles = corpus();
        let analyzer = Analyzer::new().expect("embedded data loads");
        profile_corpus(&analyzer, &articles, rounds);
        return;
    }
    if let Some(path) = std::env::var_os("STANCEMAP_BENCH_STAGE_TIMES") {
        stage_times(Path::new(&path));
        return;
    }
    let articles = corpus();
    if let Some(out) = std::env::var_os("STANCEMAP_BENCH_MAKE_JSONL") {
        let mb: u64 = std::env::var("STANCEMAP_BENCH_JSONL_MB")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(1024);
        let (docs, bytes) = write_jsonl(Path::new(&out), &articles, mb << 20);
        let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
        eprintln!("wrote {docs} documents, {bytes} bytes of text, {size} bytes of JSONL");
        return;
    }

    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let analyzer = Analyzer::new().expect("embedded data loads");

    // The large corpus: 200 copies of the corpus (~4.9 MB of text, 1 000 documents).
    let tmp = TempDir::new("large");
    let big = tmp.0.join("large.jsonl");
    let total: u64 = articles.iter().map(|a| a.text.len() as u64).sum();
    let (_, big_bytes) = write_jsonl(&big, &articles, total * 200);
    let docs: Vec<Document> =
        stancemap::ingest::read_inputs(std::slice::from_ref(&big), &ReadOptions::default())
            .map(|r| r.expect("the generated JSONL reads"))
            .collect();

    bench_load(&mut c);
    bench_stages(&mut c, &analyzer, &articles);
    bench_pipeline(&mut c, &analyzer, &articles, &big, big_bytes);
    bench_parallel(&mut c, &analyzer, &docs, &big, big_bytes);
    bench_matrix(&mut c);
    c.final_summary();
}
