//! Shared helpers: one analyzer per test process, the corpus analysed once.

use stancemap::{Analyzer, Document, DocumentReport};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `corpus/<rel>` in the repository.
pub fn corpus(rel: &str) -> PathBuf {
    root().join("corpus").join(rel)
}

/// The default analyzer, built once.
pub fn analyzer() -> &'static Analyzer {
    static A: LazyLock<Analyzer> = LazyLock::new(|| Analyzer::new().expect("default analyzer"));
    &A
}

/// The bundled corpus, analysed once: (document, report).
pub fn analysed_corpus() -> &'static [(Document, DocumentReport)] {
    static C: LazyLock<Vec<(Document, DocumentReport)>> =
        LazyLock::new(|| analyse(&corpus("articles")));
    &C
}

/// Analyses a path (file or directory); panics on any error.
pub fn analyse(path: &Path) -> Vec<(Document, DocumentReport)> {
    analyzer()
        .analyze_paths(&[path.to_path_buf()], &Default::default())
        .map(|r| {
            let d = r.expect("analysis succeeds");
            let rep = DocumentReport::from_document(&d);
            (d, rep)
        })
        .collect()
}
