//! Every notebook in `examples/` runs to completion (cargo builds the examples before
//! the tests, so this is how CI runs them).

use crate::util::root;
use std::path::PathBuf;
use std::process::Command;

/// The directory cargo put the example binaries in: `<target>/<profile>/examples`.
fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_stancemap"))
        .parent()
        .expect("the binary has a directory")
        .join("examples")
}

#[test]
fn every_example_runs() {
    let mut names: Vec<String> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "rs")
                .then(|| p.file_stem()?.to_str().map(str::to_string))
                .flatten()
        })
        .collect();
    names.sort();
    assert!(names.len() >= 6, "{names:?}");
    for name in names {
        let exe = examples_dir().join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
        assert!(
            exe.exists(),
            "{} not built (run through `cargo test`)",
            exe.display()
        );
        let out = Command::new(&exe)
            .current_dir(root())
            .output()
            .expect("example starts");
        assert!(
            out.status.success(),
            "example {name} failed:\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("== 1."),
            "{name} prints its walkthrough"
        );
    }
}
