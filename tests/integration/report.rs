//! The visual report: structure on the corpus, and a headless-browser screenshot when
//! Chromium is installed (CI installs it; see `.ci/run`).

use crate::util::{analysed_corpus, root};
use stancemap::report::{ReportOptions, html_report};
use std::process::Command;

fn corpus_html() -> String {
    let docs: Vec<_> = analysed_corpus()
        .iter()
        .map(|(d, r)| (r.clone(), d.text().to_string()))
        .collect();
    html_report(&docs, &ReportOptions::default()).expect("report renders")
}

#[test]
fn corpus_report_has_cells_links_and_highlights() {
    let html = corpus_html();
    let stances: usize = analysed_corpus().iter().map(|(_, r)| r.stances.len()).sum();
    assert!(stances > 0);
    // every local link resolves to an anchor
    for href in html
        .split("href=\"#")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
    {
        assert!(
            html.contains(&format!("id=\"{href}\"")),
            "dangling link #{href}"
        );
    }
    for class in ["class=\"doc\"", "boilerplate", "hedge", "booster"] {
        assert!(html.contains(class), "no {class} in the report");
    }
    assert!(
        !html.contains("https://") && !html.contains("http://"),
        "the report is self-contained"
    );
}

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
}

#[test]
fn corpus_report_renders_in_a_headless_browser() {
    let Some(browser) = chromium() else {
        eprintln!("skipped: no Chromium on this machine (CI installs it; see .ci/run)");
        return;
    };
    let dir = std::env::temp_dir().join(format!("stancemap-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join("report.html");
    let shot = dir.join("report.png");
    std::fs::write(&page, corpus_html()).unwrap();
    let status = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1200,1600",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .current_dir(root())
        .output()
        .expect("browser runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG"), "not a PNG");
    assert!(png.len() > 20_000, "a blank page? {} bytes", png.len());
    std::fs::remove_dir_all(&dir).ok();
}
