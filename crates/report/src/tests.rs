//! Tests of the report and the heatmap on hand-made reports (no corpus text).

use stancemap_core::output::{
    ActorOut, CueOut, DocumentReport, RegionOut, SpanOut, StanceOut, StatementOut,
    StatementStanceOut,
};
use stancemap_matrix::{GroupBy, MatrixOptions, stance_matrix};

use crate::{
    HeatmapOptions, ImageFormat, ReportOptions, heatmap, heatmap_from_matrix, heatmap_svg,
    html_report,
};
use stancemap_matrix::{GridCell, GridRow, StanceGrid};

/// Byte span of the `nth` (0-based) occurrence of `needle` in `text`.
fn find(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle:?} not in test text"));
    (start, start + needle.len())
}

fn actor(text: &str, id: &str, name: &str, kind: &str, mentions: &[&str]) -> ActorOut {
    ActorOut {
        id: id.into(),
        name: name.into(),
        kind: kind.into(),
        country: Some("Freedonia".into()),
        role: None,
        mentions: mentions
            .iter()
            .map(|m| {
                let (start, end) = find(text, m, 0);
                SpanOut {
                    start,
                    end,
                    text: m.to_string(),
                }
            })
            .collect(),
    }
}

fn statement(
    text: &str,
    actor: &str,
    span: &str,
    topic: &str,
    stance: &str,
    score: f32,
) -> StatementOut {
    let (start, end) = find(text, span, 0);
    StatementOut {
        actor: actor.into(),
        start,
        end,
        text: span.into(),
        quote: span.starts_with('"'),
        cue: Some("said".into()),
        stances: vec![StatementStanceOut {
            topic: topic.into(),
            stance: stance.parse().expect("a SPEC label"),
            score,
            rule: "test/rule".into(),
        }],
        hedges: vec![],
        boosters: vec![],
        commitment: 1.0,
    }
}

fn stance(
    actor: &str,
    topic: &str,
    label: &str,
    score: f32,
    hedged: bool,
    statements: Vec<usize>,
) -> StanceOut {
    StanceOut {
        actor: actor.into(),
        topic: topic.into(),
        stance: label.parse().expect("a SPEC label"),
        score,
        hedged,
        statements,
    }
}

fn cue(text: &str, word: &str, kind: &str) -> CueOut {
    let (start, end) = find(text, word, 0);
    CueOut {
        cue: word.into(),
        kind: kind.into(),
        start,
        end,
    }
}

fn empty_report(id: &str) -> DocumentReport {
    DocumentReport {
        doc_id: id.into(),
        path: None,
        title: None,
        outlet: None,
        published: None,
        genre: None,
        actors: vec![],
        statements: vec![],
        stances: vec![],
        hedges: vec![],
        boosters: vec![],
        boilerplate: vec![],
        warnings: vec![],
    }
}

const TEXT_A: &str = "Harbour tolls rise\n\nThe Transport Minister Ana Pike said the tolls \
will clearly fund the new locks. \"We might pause it if traders suffer,\" said Ben Ode of the \
Freight Union. Subscribe to our newsletter for more.\n";

const TEXT_B: &str = "Freight Union chief Ben Ode warned on Monday that higher tolls would drive \
ships away. The port authority said it could possibly review the ferry timetable.\n";

/// Two articles, three actors, two topics (tolls, ferries).
fn corpus() -> Vec<(DocumentReport, String)> {
    let a = TEXT_A;
    let mut ra = empty_report("doc-a");
    ra.title = Some("Harbour tolls rise".into());
    ra.outlet = Some("Test Gazette".into());
    ra.published = Some("2031-05-04".into());
    ra.actors = vec![
        actor(a, "ana-pike", "Ana Pike", "person", &["Ana Pike"]),
        actor(a, "ben-ode", "Ben Ode", "person", &["Ben Ode"]),
    ];
    ra.hedges = vec![cue(a, "might", "modal")];
    ra.boosters = vec![cue(a, "clearly", "booster")];
    let mut s0 = statement(
        a,
        "ana-pike",
        "the tolls will clearly fund the new locks",
        "tolls",
        "support",
        0.9,
    );
    s0.boosters = vec![0];
    let mut s1 = statement(
        a,
        "ben-ode",
        "\"We might pause it if traders suffer,\"",
        "tolls",
        "conditional",
        0.0,
    );
    s1.hedges = vec![0];
    s1.commitment = 0.7;
    ra.statements = vec![s0, s1];
    ra.stances = vec![
        stance("ana-pike", "tolls", "support", 0.9, false, vec![0]),
        stance("ben-ode", "tolls", "conditional", 0.0, true, vec![1]),
    ];
    let (bp, _) = find(a, "Subscribe", 0);
    ra.boilerplate = vec![RegionOut {
        rule: "newsletter".into(),
        start: bp,
        end: a.len() - 1,
    }];

    let b = TEXT_B;
    let mut rb = empty_report("doc-b");
    rb.published = Some("2031-05-09".into());
    rb.actors = vec![
        actor(b, "ben-ode", "Ben Ode", "person", &["Ben Ode"]),
        actor(
            b,
            "port-authority",
            "Port Authority",
            "organisation",
            &["The port authority"],
        ),
    ];
    rb.hedges = vec![cue(b, "could", "modal"), cue(b, "possibly", "adverb")];
    let s0 = statement(
        b,
        "ben-ode",
        "higher tolls would drive ships away",
        "tolls",
        "oppose",
        -0.8,
    );
    let mut s1 = statement(
        b,
        "port-authority",
        "it could possibly review the ferry timetable",
        "ferries",
        "support",
        0.4,
    );
    s1.hedges = vec![0, 1];
    s1.commitment = 0.5;
    rb.statements = vec![s0, s1];
    rb.stances = vec![
        stance("ben-ode", "tolls", "oppose", -0.8, false, vec![0]),
        // No statement listed: the report falls back to the actor's statements.
        stance("port-authority", "ferries", "support", 0.4, true, vec![]),
    ];
    vec![(ra, a.to_string()), (rb, b.to_string())]
}

/// Checks that all elements nest and close; returns the first problem.
fn check_nesting(html: &str) -> Result<(), String> {
    const VOID: [&str; 6] = ["meta", "br", "hr", "img", "input", "link"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        rest = &rest[i + 1..];
        let end = rest.find('>').ok_or("unclosed tag")?;
        let tag = &rest[..end];
        rest = &rest[end + 1..];
        if tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(open) if open == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else {
            let name = tag.split([' ', '\n']).next().unwrap_or("").to_string();
            if tag.contains('<') {
                return Err(format!("'<' inside tag {tag:?}"));
            }
            if !VOID.contains(&name.as_str()) {
                stack.push(name);
            }
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("unclosed {stack:?}"))
    }
}

/// Every value of `attr="…"` in the page.
fn attr_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let pat = format!(" {attr}=\"");
    html.match_indices(&pat)
        .filter_map(|(i, _)| {
            let v = &html[i + pat.len()..];
            v.find('"').map(|e| &v[..e])
        })
        .collect()
}

#[test]
fn report_has_one_cell_per_actor_and_topic() {
    let docs = corpus();
    let html = html_report(&docs, &ReportOptions::default()).expect("report");
    check_nesting(&html).expect("well nested");
    // 3 actors × 2 topics, 4 of them with a stance.
    assert_eq!(html.matches("<td class=\"cell").count(), 6);
    assert_eq!(html.matches("<td class=\"cell empty\"").count(), 3);
    assert_eq!(html.matches("<th scope=\"row\">").count(), 3);
    for name in ["Ana Pike", "Ben Ode", "Port Authority"] {
        assert!(html.contains(name), "{name}");
    }
    // Ben Ode: conditional in one article, oppose in the other: one row, both docs.
    let refs: Vec<&DocumentReport> = docs.iter().map(|(r, _)| r).collect();
    let grid = crate::grid::of_reports(&refs, &[]).expect("grid");
    assert_eq!(grid.rows.len() * grid.topics.len(), 6);
    assert_eq!(grid.topics, ["ferries", "tolls"]);
    let ben = grid
        .rows
        .iter()
        .position(|r| r.id == "ben-ode")
        .expect("row");
    let cell = grid.cells[ben][1].as_ref().expect("cell");
    assert_eq!(cell.n, 2);
    assert_eq!(cell.evidence.len(), 2);
}

#[test]
fn every_link_resolves_to_an_anchor() {
    let docs = corpus();
    let html = html_report(&docs, &ReportOptions::default()).expect("report");
    let ids = attr_values(&html, "id");
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "duplicate ids");
    let hrefs = attr_values(&html, "href");
    assert!(hrefs.len() > 10);
    for href in &hrefs {
        let target = href
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("non-local link {href}"));
        assert!(unique.contains(target), "link to missing anchor #{target}");
    }
    // Every non-empty matrix cell links to its evidence, which links to statements.
    let cells: Vec<&str> = html.split("<td class=\"cell ").skip(1).collect();
    for c in cells.iter().filter(|c| !c.starts_with("empty")) {
        assert!(c.contains("<a href=\"#ev-"), "{c}");
    }
    for (d, (report, _)) in docs.iter().enumerate() {
        for s in 0..report.statements.len() {
            let id = format!("d{d}-s{s}");
            assert!(unique.contains(id.as_str()), "{id}");
            assert!(
                hrefs.contains(&format!("#{id}").as_str()),
                "no evidence link to {id}"
            );
        }
    }
}

#[test]
fn article_highlights_are_present() {
    let docs = corpus();
    let page = html_report(&docs, &ReportOptions::default()).expect("report");
    let (articles, _) = find(&page, "<section class=\"doc\"", 0);
    let html = &page[articles..];
    // 2 + 2 mentions; 3 hedges; 1 booster; 4 statements; 1 boilerplate region.
    assert_eq!(html.matches("<mark class=\"ment ").count(), 4);
    assert_eq!(html.matches("<mark class=\"cue hedge\"").count(), 3);
    assert_eq!(html.matches("<mark class=\"cue boost\"").count(), 1);
    assert_eq!(html.matches("<span class=\"st ").count(), 4);
    assert_eq!(html.matches("<span class=\"bp\"").count(), 1);
    // The label names the actor where the mention does not, else gives its kind.
    assert!(html.contains("Ana Pike<span class=\"lbl\">person</span></mark>"));
    assert!(html.contains("The port authority<span class=\"lbl\">Port Authority</span></mark>"));
    assert!(html.contains("title=\"hedge (adverb): possibly\""));
    assert!(
        html.contains(
            "<mark class=\"cue boost\" title=\"booster (booster): clearly\">clearly</mark>"
        )
    );
    // The booster sits inside Ana Pike's statement, which carries its stance label.
    let (start, _) = find(html, "id=\"d0-s0\"", 0);
    let st = &html[start..];
    let close = st.find("the new locks").expect("statement text");
    assert!(st[..close].contains("cue boost"));
    assert!(st[..close].contains("tolls: support +0.90"));
    // Conditional and hedged cells are marked.
    let html = &page;
    assert!(html.contains("<td class=\"cell conditional low\""));
    assert!(
        html.contains("<td class=\"cell support low\""),
        "hedged port authority cell"
    );
    // Summary.
    assert!(html.contains("<dt>documents</dt><dd>2</dd>"));
    assert!(html.contains("<dt>actors</dt><dd>3</dd>"));
    assert!(html.contains("<dt>statements</dt><dd>4</dd>"));
    assert!(html.contains("2031-05-04 – 2031-05-09"));
}

#[test]
fn input_text_is_escaped_everywhere() {
    let evil = "<script>alert(1)</script> \"double\" & 'single'";
    let text = format!("Intro {evil} and Mr <b>X said \"we shoot\" now.\n");
    let mut r = empty_report(&format!("id-{evil}"));
    r.title = Some(format!("Title {evil}"));
    r.outlet = Some(evil.into());
    r.published = Some(evil.into());
    r.path = Some(evil.into());
    r.warnings = vec![evil.into()];
    let (ms, me) = find(&text, "Mr <b>X", 0);
    r.actors = vec![ActorOut {
        id: evil.into(),
        name: format!("Name {evil}"),
        kind: evil.into(),
        country: Some(evil.into()),
        role: Some(evil.into()),
        mentions: vec![SpanOut {
            start: ms,
            end: me,
            text: "Mr <b>X".into(),
        }],
    }];
    let (ss, se) = find(&text, "\"we shoot\"", 0);
    r.statements = vec![StatementOut {
        actor: evil.into(),
        start: ss,
        end: se,
        text: "\"we shoot\"".into(),
        quote: true,
        cue: Some(evil.into()),
        stances: vec![StatementStanceOut {
            topic: evil.into(),
            stance: stancemap_core::Stance::Support,
            score: 0.5,
            rule: evil.into(),
        }],
        hedges: vec![0],
        boosters: vec![],
        commitment: 1.0,
    }];
    r.stances = vec![stance(evil, evil, "support", 0.5, false, vec![0])];
    let (hs, he) = find(&text, "'single'", 0);
    r.hedges = vec![CueOut {
        cue: evil.into(),
        kind: evil.into(),
        start: hs,
        end: he,
    }];
    r.boilerplate = vec![RegionOut {
        rule: evil.into(),
        start: 0,
        end: 5,
    }];
    let opts = ReportOptions {
        title: Some(evil.into()),
        ..ReportOptions::default()
    };
    let html = html_report(&[(r, text)], &opts).expect("report");

    check_nesting(&html).expect("well nested");
    let lower = html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "unescaped script tag");
    assert!(!lower.contains("</script"), "unescaped script end tag");
    assert!(!html.contains("<b>"), "unescaped tag from the article");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&quot;double&quot; &amp; &#39;single&#39;"));
    assert!(html.contains("Mr &lt;b&gt;X"));
    // No raw quote from the input: every `"` in the page belongs to the markup, so the
    // input's words never appear right after one.
    assert!(!html.contains("\"double\""));
    assert!(!html.contains("'single'"));
    assert!(!html.contains("\"we shoot\""));
    // The title is in <title>, escaped.
    assert!(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &quot;double&quot; &amp; &#39;single&#39;</title>"));
}

#[test]
fn report_of_a_tiny_example_is_self_contained() {
    let docs = corpus();
    let html = html_report(&docs, &ReportOptions::default()).expect("report");
    assert!(html.starts_with("<!DOCTYPE html>"));
    for needle in [
        "http://", "https://", "=\"//", "src=", "@import", "url(", "<link", "<script", "<img",
        "<iframe", "<object", "<embed",
    ] {
        assert!(!html.contains(needle), "found {needle}");
    }
    for href in attr_values(&html, "href") {
        assert!(href.starts_with('#'), "external link {href}");
    }
}

#[test]
fn crossing_and_out_of_range_spans_do_not_break_the_page() {
    let text = "Zoë Ndiaye-Park spoke. Later she left.".to_string();
    let mut r = empty_report("odd");
    r.actors = vec![ActorOut {
        id: "zoe".into(),
        name: "Zoë Ndiaye-Park".into(),
        kind: "person".into(),
        country: None,
        role: None,
        // Crosses the statement; mid-character start; beyond the text.
        mentions: vec![
            SpanOut {
                start: 0,
                end: 10,
                text: String::new(),
            },
            SpanOut {
                start: 3,
                end: 7,
                text: String::new(),
            },
            SpanOut {
                start: 500,
                end: 900,
                text: String::new(),
            },
        ],
    }];
    let mut st = statement(&text, "zoe", "Park spoke. Later", "t", "oppose", -0.5);
    st.end = 10_000;
    st.hedges = vec![7, 99]; // out of range indices
    r.statements = vec![st];
    r.stances = vec![stance("zoe", "t", "oppose", -0.5, false, vec![0, 3, 42])];
    r.hedges = vec![CueOut {
        cue: "x".into(),
        kind: "modal".into(),
        start: 20,
        end: 2,
    }];
    let html = html_report(&[(r, text)], &ReportOptions::default()).expect("report");
    check_nesting(&html).expect("well nested");
    assert!(html.contains("id=\"d0-s0\""));
    assert_eq!(html.matches("<td class=\"cell").count(), 1);
}

#[test]
fn empty_input_gives_a_page_and_an_image() {
    let html = html_report(&[], &ReportOptions::default()).expect("report");
    check_nesting(&html).expect("well nested");
    assert!(html.contains("No actor takes a stance"));
    assert!(html.contains("<dt>published</dt><dd>unknown</dd>"));
    let svg = heatmap_svg(&[], &HeatmapOptions::default()).expect("svg");
    assert!(svg.contains("No actor takes a stance"));
}

#[test]
fn topics_option_fixes_the_columns() {
    let docs = corpus();
    let opts = ReportOptions {
        topics: vec!["tolls".into(), "fishing".into()],
        ..ReportOptions::default()
    };
    let html = html_report(&docs, &opts).expect("report");
    // The port authority only speaks on ferries: two actors left.
    assert_eq!(html.matches("<td class=\"cell").count(), 4);
    let tolls = html
        .find("<th scope=\"col\">tolls</th>")
        .expect("tolls column");
    let fishing = html
        .find("<th scope=\"col\">fishing</th>")
        .expect("fishing column");
    assert!(tolls < fishing);
    assert!(!html.contains("<th scope=\"col\">ferries</th>"));
}

#[test]
fn svg_heatmap_contains_the_labels() {
    let reports: Vec<DocumentReport> = corpus().into_iter().map(|(r, _)| r).collect();
    let svg = heatmap_svg(&reports, &HeatmapOptions::default()).expect("svg");
    assert!(svg.starts_with("<svg"));
    for label in [
        "Ana Pike",
        "Ben Ode",
        "Port Authority",
        "tolls",
        "ferries",
        "+0.90",
        "n=2",
    ] {
        assert!(svg.contains(label), "{label} missing from the SVG");
    }
    // Actors appear top to bottom in matrix order.
    let a = svg.find("Ana Pike").expect("Ana");
    let p = svg.find("Port Authority").expect("Port");
    assert!(a < p || svg.contains("Ana Pike"));
}

fn temp_path(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("stancemap-report-{}-{name}", std::process::id()))
}

#[test]
fn png_heatmap_is_written() {
    let reports: Vec<DocumentReport> = corpus().into_iter().map(|(r, _)| r).collect();
    let path = temp_path("matrix.png");
    heatmap(
        &reports,
        &HeatmapOptions::default(),
        ImageFormat::Png,
        &path,
    )
    .expect("png");
    let bytes = std::fs::read(&path).expect("png file");
    let _ = std::fs::remove_file(&path);
    assert!(bytes.len() > 1000, "{} bytes", bytes.len());
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
}

#[test]
fn heatmap_from_a_country_matrix_frame() {
    let reports: Vec<DocumentReport> = corpus().into_iter().map(|(r, _)| r).collect();
    let frame = stance_matrix(&reports, &MatrixOptions::by(GroupBy::Country)).expect("frame");
    let grid = crate::grid::of_frame(&frame).expect("grid");
    assert_eq!(grid.topics, ["ferries", "tolls"]);
    assert!(grid.rows.iter().any(|r| r.name == "Freedonia"));
    let path = temp_path("country.svg");
    heatmap_from_matrix(&frame, &HeatmapOptions::default(), ImageFormat::Svg, &path).expect("svg");
    let svg = std::fs::read_to_string(&path).expect("svg file");
    let _ = std::fs::remove_file(&path);
    assert!(svg.contains("Freedonia"));
}

#[test]
fn image_format_from_extension() {
    assert_eq!(ImageFormat::from_path("a/b.SVG"), Some(ImageFormat::Svg));
    assert_eq!(ImageFormat::from_path("m.png"), Some(ImageFormat::Png));
    assert_eq!(ImageFormat::from_path("m.jpg"), None);
    assert_eq!(ImageFormat::Png.extension(), "png");
}

#[test]
#[ignore = "writes demo files to the temp dir for a visual check"]
fn dump_demo() {
    let docs = corpus();
    let html = html_report(&docs, &ReportOptions::default()).expect("report");
    std::fs::write(temp_path("demo.html"), html).expect("write html");
    let reports: Vec<DocumentReport> = docs.into_iter().map(|(r, _)| r).collect();
    let opts = HeatmapOptions::default();
    heatmap(&reports, &opts, ImageFormat::Png, temp_path("demo.png")).expect("png");
    heatmap(&reports, &opts, ImageFormat::Svg, temp_path("demo.svg")).expect("svg");
    eprintln!("written: {}", temp_path("demo.*").display());
}

#[test]
fn a_direct_quote_in_the_evidence_list_is_not_quoted_twice() {
    let text =
        "\u{201C}We will scrap the levy,\u{201D} said Ana Pike. Ben Ode said tolls should rise.";
    let mut r = empty_report("doc-q");
    r.actors = vec![
        actor(text, "ana-pike", "Ana Pike", "person", &["Ana Pike"]),
        actor(text, "ben-ode", "Ben Ode", "person", &["Ben Ode"]),
    ];
    r.statements = vec![
        statement(
            text,
            "ana-pike",
            "\u{201C}We will scrap the levy,\u{201D}",
            "levy",
            "oppose",
            -0.8,
        ),
        statement(
            text,
            "ben-ode",
            "Ben Ode said tolls should rise.",
            "levy",
            "support",
            0.6,
        ),
    ];
    r.stances = vec![
        stance("ana-pike", "levy", "oppose", -0.8, false, vec![0]),
        stance("ben-ode", "levy", "support", 0.6, false, vec![1]),
    ];
    let html = html_report(&[(r, text.to_string())], &ReportOptions::default()).expect("report");
    // No `<q>` (its generated marks would double the statement's own), the excerpt as
    // written.
    assert!(!html.contains("<q"), "{html}");
    assert!(
        html.contains("<span class=\"ex\">\u{201C}We will scrap the levy,\u{201D}</span>"),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"ex\">Ben Ode said tolls should rise.</span>"),
        "{html}"
    );
}

/// A one-cell grid: a strong oppose cell (dark red, white text), hatched or not, with the
/// same colour (same commitment).
fn dark_cell(hatched: bool) -> StanceGrid {
    let mut grid = StanceGrid::default();
    grid.topics = vec!["levy".into()];
    grid.rows = vec![GridRow {
        id: "ana-pike".into(),
        name: "Ana Pike".into(),
        kind: Some("person".into()),
        country: None,
    }];
    grid.cells = vec![vec![Some(GridCell {
        score: -0.95,
        stance: stancemap_core::Stance::Oppose,
        n: 3,
        hedged: hatched,
        commitment: Some(0.9),
        evidence: vec![],
    })]];
    grid
}

/// Issue 12: on a dark hatched cell of the PNG heatmap the white hatching ran through the
/// white label. Every pixel the hatching changes must keep a clear margin from the label.
#[test]
fn hatching_leaves_the_label_of_a_dark_cell_clear() {
    let opts = HeatmapOptions::default();
    let (plain, w, h) = crate::heatmap::render_rgb(&dark_cell(false), &opts).expect("plain");
    let (hatched, w2, h2) = crate::heatmap::render_rgb(&dark_cell(true), &opts).expect("hatched");
    assert_eq!((w, h), (w2, h2));
    let px = |buf: &[u8], x: usize, y: usize| {
        let i = (y * w as usize + x) * 3;
        (buf[i], buf[i + 1], buf[i + 2])
    };
    // The cell: the bounding box of its fill colour in the plain image.
    let cell = dark_cell(false).cells[0][0].clone().expect("a cell");
    let (r, g, b) = crate::grid::score_rgb(cell.score, crate::grid::strength(&cell));
    let (mut x0, mut y0, mut x1, mut y1) = (usize::MAX, usize::MAX, 0, 0);
    for y in 0..h as usize {
        for x in 0..w as usize {
            if px(&plain, x, y) == (r, g, b) {
                (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
            }
        }
    }
    assert!(x1 > x0 + 40 && y1 > y0 + 20, "the cell is found");
    // The label: light pixels inside the cell of the plain image.
    let light = |p: (u8, u8, u8)| u32::from(p.0) + u32::from(p.1) + u32::from(p.2) > 600;
    let mut text = Vec::new();
    for y in y0..=y1 {
        for x in x0..=x1 {
            if light(px(&plain, x, y)) {
                text.push((x, y));
            }
        }
    }
    assert!(text.len() > 30, "the label is drawn: {} pixels", text.len());
    let mut changed = 0;
    for y in y0..=y1 {
        for x in x0..=x1 {
            if px(&plain, x, y) == px(&hatched, x, y) {
                continue;
            }
            changed += 1;
            let near = text
                .iter()
                .any(|&(tx, ty)| tx.abs_diff(x) <= 2 && ty.abs_diff(y) <= 2);
            assert!(!near, "hatching at ({x}, {y}) touches the label");
        }
    }
    assert!(
        changed > 100,
        "the cell is still hatched ({changed} pixels)"
    );
}
