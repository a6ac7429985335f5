//! The self-contained HTML report: corpus summary, stance matrix heatmap, evidence
//! lists and every article with its annotations, in one file without any external
//! resource (inline CSS, no script, no font or image download).

use std::collections::{BTreeSet, HashMap};

use stancemap_core::Error;
use stancemap_core::output::{ActorOut, DocumentReport, StatementOut};

use crate::ReportOptions;
use crate::escape::{escape, escape_into, push_fmt};
use crate::grid::{is_low, score_rgb, strength};
use crate::markup::{Mark, render};
use stancemap_matrix::{GridCell, StanceGrid};

/// `w!(out, "fmt", args…)`: appends formatted text to a `String`.
macro_rules! w {
    ($out:expr, $($arg:tt)*) => {
        push_fmt($out, format_args!($($arg)*))
    };
}

/// Number of mention colours; actors beyond it reuse them.
const PALETTE: usize = 12;

/// Longest evidence excerpt shown in the evidence lists, in bytes (cut at a char
/// boundary); the full statement is one click away in its article.
const EXCERPT: usize = 320;

/// A stance label reduced to the fixed set used as CSS classes, so that a label from
/// the input can never inject markup or styles.
fn stance_class(label: &str) -> &'static str {
    match label {
        "support" => "support",
        "oppose" => "oppose",
        "conditional" => "conditional",
        _ => "other",
    }
}

/// What the report needs to look up while writing.
struct Context<'a> {
    docs: &'a [(DocumentReport, String)],
    grid: &'a StanceGrid,
    opts: &'a ReportOptions,
    /// actor id -> topic -> evidence anchor of the matrix cell.
    evidence_ids: HashMap<&'a str, HashMap<&'a str, String>>,
    /// actor id -> colour index.
    colours: HashMap<&'a str, usize>,
}

impl<'a> Context<'a> {
    fn new(
        docs: &'a [(DocumentReport, String)],
        grid: &'a StanceGrid,
        opts: &'a ReportOptions,
    ) -> Self {
        let mut evidence_ids: HashMap<&str, HashMap<&str, String>> = HashMap::new();
        let mut colours: HashMap<&str, usize> = HashMap::new();
        for (r, row) in grid.rows.iter().enumerate() {
            let next = colours.len();
            colours.entry(row.id.as_str()).or_insert(next);
            for (t, topic) in grid.topics.iter().enumerate() {
                if cell(grid, r, t).is_some() {
                    evidence_ids
                        .entry(row.id.as_str())
                        .or_default()
                        .insert(topic.as_str(), evidence_id(r, t));
                }
            }
        }
        for (report, _) in docs {
            for actor in &report.actors {
                let next = colours.len();
                colours.entry(actor.id.as_str()).or_insert(next);
            }
        }
        Context {
            docs,
            grid,
            opts,
            evidence_ids,
            colours,
        }
    }

    fn colour(&self, actor: &str) -> usize {
        self.colours.get(actor).copied().unwrap_or(0) % PALETTE
    }

    fn evidence_link(&self, actor: &str, topic: &str) -> Option<&str> {
        self.evidence_ids
            .get(actor)
            .and_then(|m| m.get(topic))
            .map(String::as_str)
    }
}

fn cell(grid: &StanceGrid, r: usize, t: usize) -> Option<&GridCell> {
    grid.cell(r, t)
}

fn evidence_id(r: usize, t: usize) -> String {
    format!("ev-{r}-{t}")
}

/// Anchor of statement `s` of document `d` in the article sections.
pub(crate) fn statement_id(d: usize, s: usize) -> String {
    format!("d{d}-s{s}")
}

fn doc_label(report: &DocumentReport) -> &str {
    match report.title.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => t,
        _ => &report.doc_id,
    }
}

/// `text[start..end]`, clipped to the text and to char boundaries; `None` if empty.
fn slice(text: &str, start: usize, end: usize) -> Option<&str> {
    let mut s = start.min(text.len());
    while !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = end.min(text.len()).max(s);
    while !text.is_char_boundary(e) {
        e += 1;
    }
    let out = text[s..e].trim();
    (!out.is_empty()).then_some(out)
}

/// At most `max` bytes of `text` (at a char boundary), with an ellipsis if cut.
fn excerpt(text: &str, max: usize) -> String {
    if text.len() <= max {
        return text.to_string();
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}…", text[..cut].trim_end())
}

/// The whole report.
pub(crate) fn report(
    docs: &[(DocumentReport, String)],
    grid: &StanceGrid,
    opts: &ReportOptions,
) -> Result<String, Error> {
    let ctx = Context::new(docs, grid, opts);
    let mut out =
        String::with_capacity(16_384 + docs.iter().map(|(_, text)| text.len() * 3).sum::<usize>());
    let title = opts.title.as_deref().unwrap_or("Stance report");
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    w!(
        &mut out,
        "<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n",
        escape(title),
        CSS
    );
    summary(&mut out, &ctx, title);
    legend(&mut out);
    matrix(&mut out, &ctx);
    evidence(&mut out, &ctx);
    articles(&mut out, &ctx);
    out.push_str("</body>\n</html>\n");
    Ok(out)
}

fn summary(out: &mut String, ctx: &Context<'_>, title: &str) {
    let docs = ctx.docs;
    let actors: BTreeSet<&str> = docs
        .iter()
        .flat_map(|(r, _)| r.actors.iter().map(|a| a.id.as_str()))
        .collect();
    let statements: usize = docs.iter().map(|(r, _)| r.statements.len()).sum();
    let hedges: usize = docs.iter().map(|(r, _)| r.hedges.len()).sum();
    let boosters: usize = docs.iter().map(|(r, _)| r.boosters.len()).sum();
    let cells = ctx
        .grid
        .cells
        .iter()
        .flatten()
        .filter(|c| c.is_some())
        .count();
    // ISO dates sort as strings; other date spellings still give a stable range.
    let dates: BTreeSet<&str> = docs
        .iter()
        .filter_map(|(r, _)| r.published.as_deref().map(str::trim))
        .filter(|d| !d.is_empty())
        .collect();
    let range = match (dates.first(), dates.last()) {
        (Some(a), Some(b)) if a == b => escape(a),
        (Some(a), Some(b)) => format!("{} – {}", escape(a), escape(b)),
        _ => "unknown".to_string(),
    };
    w!(
        out,
        "<header id=\"top\">\n<h1>{}</h1>\n<dl class=\"summary\">",
        escape(title)
    );
    let mut item = |k: &str, v: String| w!(out, "<div><dt>{k}</dt><dd>{v}</dd></div>");
    item("documents", docs.len().to_string());
    item("actors", actors.len().to_string());
    item("statements", statements.to_string());
    item("topics", ctx.grid.topics.len().to_string());
    item("stances (matrix cells)", cells.to_string());
    item("hedges / boosters", format!("{hedges} / {boosters}"));
    item("published", range);
    out.push_str("</dl>\n<nav class=\"toc\"><a href=\"#matrix\">Matrix</a> · <a href=\"#evidence\">Evidence</a> · Articles:");
    for (d, (report, _)) in docs.iter().enumerate() {
        w!(
            out,
            " <a href=\"#doc-{d}\">{}</a>",
            escape(doc_label(report))
        );
    }
    out.push_str("</nav>\n</header>\n");
}

fn legend(out: &mut String) {
    out.push_str(
        "<section id=\"legend\" class=\"legend\">\n<h2>Legend</h2>\n<div class=\"scale\">",
    );
    for s in [-1.0, -0.5, 0.0, 0.5, 1.0] {
        let (r, g, b) = score_rgb(s, 1.0);
        let fg = if f64::abs(s) > 0.55 {
            "#fff"
        } else {
            "#1f2328"
        };
        w!(
            out,
            "<span class=\"sw\" style=\"background-color:rgb({r},{g},{b});color:{fg}\">{s:+.1}</span>"
        );
    }
    out.push_str(
        "</div>\n<p>Score from oppose (−1, red) to support (+1, blue); each cell shows the \
         score, the label and <i>n</i>, the number of statements. \
         <span class=\"sw conditional\">conditional</span> ringed in amber; \
         <span class=\"sw low\" style=\"background-color:rgb(120,160,205)\">hedged</span> \
         hatched and faded (hedged or weakly committed evidence); \
         <span class=\"sw empty\">–</span> no stance. Click a cell for its evidence.</p>\n\
         <p>In the articles: <mark class=\"ment a0\">actor mention<span class=\"lbl\">actor name or kind</span></mark> \
         <span class=\"st support\">statement<span class=\"badge support\">support</span></span> \
         <span class=\"st oppose\">statement<span class=\"badge oppose\">oppose</span></span> \
         <span class=\"st conditional\">statement<span class=\"badge conditional\">conditional</span></span> \
         <span class=\"st other\">statement<span class=\"badge other\">no stance</span></span> \
         <mark class=\"cue hedge\">hedge</mark> <mark class=\"cue boost\">booster</mark> \
         <span class=\"bp\">boilerplate (not analysed)</span>. Hover for details.</p>\n</section>\n",
    );
}

fn cell_title(row_name: &str, topic: &str, c: &GridCell) -> String {
    let mut t = format!(
        "{row_name} · {topic}: {} {:+.2}, {} statement{}",
        c.stance,
        c.score,
        c.n,
        if c.n == 1 { "" } else { "s" }
    );
    if c.hedged {
        t.push_str(", hedged");
    }
    if let Some(k) = c.commitment {
        t.push_str(&format!(", commitment {k:.2}"));
    }
    t
}

fn matrix(out: &mut String, ctx: &Context<'_>) {
    let grid = ctx.grid;
    out.push_str("<section id=\"matrix\">\n<h2>Stance matrix</h2>\n");
    if grid.rows.is_empty() || grid.topics.is_empty() {
        out.push_str("<p class=\"none\">No actor takes a stance on any topic in these documents.</p>\n</section>\n");
        return;
    }
    out.push_str("<table class=\"matrix\">\n<thead><tr><th scope=\"col\">Actor</th>");
    for topic in &grid.topics {
        w!(out, "<th scope=\"col\">{}</th>", escape(topic));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (r, row) in grid.rows.iter().enumerate() {
        w!(
            out,
            "<tr><th scope=\"row\"><span class=\"chip a{}\"></span>{}",
            ctx.colour(&row.id),
            escape(&row.name)
        );
        let about: Vec<&str> = [row.kind.as_deref(), row.country.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect();
        if !about.is_empty() {
            w!(out, "<small>{}</small>", escape(&about.join(" · ")));
        }
        out.push_str("</th>");
        for (t, topic) in grid.topics.iter().enumerate() {
            let Some(c) = cell(grid, r, t) else {
                w!(
                    out,
                    "<td class=\"cell empty\" title=\"{}\">–</td>",
                    escape(&format!("{} · {topic}: no stance", row.name))
                );
                continue;
            };
            let k = strength(c);
            let (red, green, blue) = score_rgb(c.score, k);
            let fg = if c.score.abs() * k > 0.55 {
                "#fff"
            } else {
                "#1f2328"
            };
            let class = stance_class(c.stance.as_str());
            let low = is_low(c, ctx.opts.low_commitment);
            w!(
                out,
                "<td class=\"cell {class}{}\" style=\"background-color:rgb({red},{green},{blue});--bg:rgb({red},{green},{blue});color:{fg}\">",
                if low { " low" } else { "" }
            );
            w!(
                out,
                "<a href=\"#{}\" title=\"{}\"><span class=\"sc\">{:+.2}</span><span class=\"lab\">{}{}{}</span><span class=\"n\">n={}</span></a></td>",
                evidence_id(r, t),
                escape(&cell_title(&row.name, topic, c)),
                c.score,
                if class == "conditional" { "◆ " } else { "" },
                escape(c.stance.as_str()),
                if low { " ~" } else { "" },
                c.n
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn evidence(out: &mut String, ctx: &Context<'_>) {
    let grid = ctx.grid;
    out.push_str("<section id=\"evidence\">\n<h2>Evidence</h2>\n");
    let mut any = false;
    for (r, row) in grid.rows.iter().enumerate() {
        for (t, topic) in grid.topics.iter().enumerate() {
            let Some(c) = cell(grid, r, t) else { continue };
            any = true;
            let class = stance_class(c.stance.as_str());
            w!(
                out,
                "<div class=\"ev\" id=\"{}\">\n<h3>{} — {} <span class=\"tag {class}\">{}</span> {:+.2} · n={}{}</h3>\n",
                evidence_id(r, t),
                escape(&row.name),
                escape(topic),
                escape(c.stance.as_str()),
                c.score,
                c.n,
                if c.hedged { " · hedged" } else { "" }
            );
            if c.evidence.is_empty() {
                out.push_str("<p class=\"none\">No statement listed.</p>\n");
            } else {
                out.push_str("<ol>\n");
                for e in &c.evidence {
                    evidence_item(out, ctx, e.doc, e.statement, topic);
                }
                out.push_str("</ol>\n");
            }
            out.push_str("<a class=\"back\" href=\"#matrix\">↑ matrix</a>\n</div>\n");
        }
    }
    if !any {
        out.push_str("<p class=\"none\">No evidence: no stance was found.</p>\n");
    }
    out.push_str("</section>\n");
}

fn evidence_item(out: &mut String, ctx: &Context<'_>, d: usize, s: usize, topic: &str) {
    let Some((report, text)) = ctx.docs.get(d) else {
        return;
    };
    let Some(st) = report.statements.get(s) else {
        return;
    };
    w!(
        out,
        "<li><a href=\"#{}\">{}, S{s}</a> ",
        statement_id(d, s),
        escape(doc_label(report))
    );
    let quote = slice(text, st.start, st.end).unwrap_or(st.text.as_str());
    let shown = excerpt(quote, EXCERPT);
    // The excerpt as written, set off by its style, not by added quotation marks: a
    // statement holds its own marks (a direct quote, or a quote inside reported speech),
    // and `<q>` would double them (““…””).
    w!(out, "<span class=\"ex\">{}</span>", escape(&shown));
    for stance in st.stances.iter().filter(|x| x.topic == topic) {
        w!(
            out,
            " <span class=\"tag {}\">{} {:+.2}</span>",
            stance_class(stance.stance.as_str()),
            escape(stance.stance.as_str()),
            stance.score
        );
    }
    if !st.hedges.is_empty() {
        out.push_str(" <span class=\"tag low\">hedged</span>");
    }
    out.push_str("</li>\n");
}

fn articles(out: &mut String, ctx: &Context<'_>) {
    for (d, (report, text)) in ctx.docs.iter().enumerate() {
        article(out, ctx, d, report, text);
    }
}

fn actor_title(a: &ActorOut) -> String {
    let mut parts = vec![a.kind.as_str()];
    if let Some(c) = a.country.as_deref() {
        parts.push(c);
    }
    if let Some(r) = a.role.as_deref() {
        parts.push(r);
    }
    parts.retain(|p| !p.is_empty());
    if parts.is_empty() {
        a.name.clone()
    } else {
        format!("{} — {}", a.name, parts.join(", "))
    }
}

fn article(out: &mut String, ctx: &Context<'_>, d: usize, report: &DocumentReport, text: &str) {
    w!(
        out,
        "<section class=\"doc\" id=\"doc-{d}\">\n<a class=\"back all\" href=\"#top\">← whole report</a>\n<h2>{}</h2>\n<p class=\"meta\">",
        escape(doc_label(report))
    );
    let meta: Vec<&str> = [
        report.outlet.as_deref(),
        report.published.as_deref(),
        Some(report.doc_id.as_str()),
        report.path.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.trim().is_empty())
    .collect();
    escape_into(out, &meta.join(" · "));
    out.push_str("</p>\n");
    if !report.warnings.is_empty() {
        out.push_str("<ul class=\"warn\">");
        for warning in &report.warnings {
            w!(out, "<li>{}</li>", escape(warning));
        }
        out.push_str("</ul>\n");
    }
    let actors: HashMap<&str, &ActorOut> =
        report.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    if !report.actors.is_empty() {
        out.push_str("<p class=\"cast\">Actors:");
        for a in &report.actors {
            w!(
                out,
                " <span class=\"chip a{}\"></span><span title=\"{}\">{}</span>",
                ctx.colour(&a.id),
                escape(&actor_title(a)),
                escape(&a.name)
            );
        }
        out.push_str("</p>\n");
    }
    doc_stances(out, ctx, d, report, &actors);
    let marks = marks(ctx, d, report, text, &actors);
    w!(out, "<div class=\"text\">{}</div>\n", render(text, &marks));
    out.push_str("<a class=\"back\" href=\"#top\">↑ top</a>\n</section>\n");
}

/// The document-level stances of one article, each linking to its statements.
fn doc_stances(
    out: &mut String,
    ctx: &Context<'_>,
    d: usize,
    report: &DocumentReport,
    actors: &HashMap<&str, &ActorOut>,
) {
    if report.stances.is_empty() {
        return;
    }
    out.push_str("<ul class=\"dstances\">\n");
    for stance in &report.stances {
        let name = actors
            .get(stance.actor.as_str())
            .map_or(stance.actor.as_str(), |a| a.name.as_str());
        w!(
            out,
            "<li>{} · {}: <span class=\"tag {}\">{}</span> {:+.2}{}",
            escape(name),
            escape(&stance.topic),
            stance_class(stance.stance.as_str()),
            escape(stance.stance.as_str()),
            stance.score,
            if stance.hedged { " · hedged" } else { "" }
        );
        let listed: Vec<usize> = stance
            .statements
            .iter()
            .copied()
            .filter(|&s| s < report.statements.len())
            .collect();
        if !listed.is_empty() {
            out.push_str(" —");
            for s in listed {
                w!(out, " <a href=\"#{}\">S{s}</a>", statement_id(d, s));
            }
        }
        if let Some(id) = ctx.evidence_link(&stance.actor, &stance.topic) {
            w!(out, " · <a href=\"#{id}\">matrix cell</a>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

fn statement_badge(ctx: &Context<'_>, s: usize, st: &StatementOut, speaker: &str) -> String {
    let class = st
        .stances
        .first()
        .map_or("other", |x| stance_class(x.stance.as_str()));
    let mut label = format!("S{s} · {speaker}");
    if st.stances.is_empty() {
        label.push_str(" · no stance");
    }
    for x in &st.stances {
        label.push_str(&format!(" · {}: {} {:+.2}", x.topic, x.stance, x.score));
    }
    let link = st
        .stances
        .iter()
        .find_map(|x| ctx.evidence_link(&st.actor, &x.topic));
    match link {
        Some(id) => format!(
            "<a class=\"badge {class}\" href=\"#{id}\">{}</a>",
            escape(&label)
        ),
        None => format!("<span class=\"badge {class}\">{}</span>", escape(&label)),
    }
}

fn statement_title(report: &DocumentReport, st: &StatementOut, speaker: &str) -> String {
    let mut t = format!(
        "{speaker}: {}",
        if st.quote { "direct quote" } else { "reported" }
    );
    if let Some(cue) = st.cue.as_deref() {
        t.push_str(&format!(", cue “{cue}”"));
    }
    if st.commitment > 0.0 {
        t.push_str(&format!(", commitment {:.2}", st.commitment));
    }
    let cues = |idx: &[usize], list: &[stancemap_core::output::CueOut]| -> Vec<String> {
        idx.iter()
            .filter_map(|&i| list.get(i))
            .map(|c| c.cue.clone())
            .collect()
    };
    let hedges = cues(&st.hedges, &report.hedges);
    if !hedges.is_empty() {
        t.push_str(&format!("; hedges: {}", hedges.join(", ")));
    }
    let boosters = cues(&st.boosters, &report.boosters);
    if !boosters.is_empty() {
        t.push_str(&format!("; boosters: {}", boosters.join(", ")));
    }
    for x in &st.stances {
        if !x.rule.is_empty() {
            t.push_str(&format!("; {} rule: {}", x.topic, x.rule));
        }
    }
    t
}

/// Every span of one article, as marks for the renderer.
fn marks(
    ctx: &Context<'_>,
    d: usize,
    report: &DocumentReport,
    text: &str,
    actors: &HashMap<&str, &ActorOut>,
) -> Vec<Mark> {
    let mut marks = Vec::new();
    for region in &report.boilerplate {
        marks.push(Mark {
            start: region.start,
            end: region.end,
            rank: 0,
            tag: "span",
            attrs: format!(
                "class=\"bp\" title=\"boilerplate ({})\"",
                escape(&region.rule)
            ),
            ..Mark::default()
        });
    }
    for (s, st) in report.statements.iter().enumerate() {
        let speaker = actors
            .get(st.actor.as_str())
            .map_or(st.actor.as_str(), |a| a.name.as_str());
        let class = st
            .stances
            .first()
            .map_or("other", |x| stance_class(x.stance.as_str()));
        marks.push(Mark {
            start: st.start,
            end: st.end,
            rank: 1,
            tag: "span",
            attrs: format!(
                "class=\"st {class}{}\" title=\"{}\"",
                if st.quote { " quote" } else { "" },
                escape(&statement_title(report, st, speaker))
            ),
            id: Some(statement_id(d, s)),
            before: statement_badge(ctx, s, st, speaker),
            after: String::new(),
        });
    }
    for a in &report.actors {
        let title = escape(&actor_title(a));
        for m in &a.mentions {
            // displaCy-style label: the actor's name where the mention says something
            // else ("he", "the minister"), its kind where it already is the name.
            let written = slice(text, m.start, m.end).unwrap_or("");
            let label = if written.eq_ignore_ascii_case(a.name.trim()) || a.name.trim().is_empty() {
                a.kind.as_str()
            } else {
                a.name.as_str()
            };
            marks.push(Mark {
                start: m.start,
                end: m.end,
                rank: 2,
                tag: "mark",
                attrs: format!("class=\"ment a{}\" title=\"{title}\"", ctx.colour(&a.id)),
                after: format!("<span class=\"lbl\">{}</span>", escape(label)),
                ..Mark::default()
            });
        }
    }
    for (class, what, cues) in [
        ("hedge", "hedge", &report.hedges),
        ("boost", "booster", &report.boosters),
    ] {
        for c in cues {
            marks.push(Mark {
                start: c.start,
                end: c.end,
                rank: 3,
                tag: "mark",
                attrs: format!(
                    "class=\"cue {class}\" title=\"{what} ({}): {}\"",
                    escape(&c.kind),
                    escape(&c.cue)
                ),
                ..Mark::default()
            });
        }
    }
    marks
}

/// The style sheet. Only local font names: nothing is fetched.
const CSS: &str = r#":root{--sup:#2166ac;--opp:#b2182b;--cond:#c98a00;--other:#8a8f98;--hedge:#fde68a;--boost:#a7f3d0;--ink:#1f2328}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1rem 1.5rem 4rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#fafafa}
h1{font-size:1.6rem;margin:.5rem 0}h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}h3{font-size:1rem;margin:.2rem 0 .4rem}
a{color:#0b5cad}
dl.summary{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.5rem 0}dl.summary div{background:#fff;border:1px solid #e2e2e2;border-radius:.4rem;padding:.3rem .7rem}
dt{font-size:.75rem;color:#666;text-transform:uppercase;letter-spacing:.04em}dd{margin:0;font-weight:600;font-size:1.1rem}
.toc{font-size:.9rem;color:#555}
.legend p{font-size:.9rem}.scale{display:flex;gap:0}.sw{display:inline-block;min-width:3.2rem;text-align:center;padding:.1rem .4rem;border:1px solid #ddd;font-size:.8rem}
.sw.conditional{box-shadow:inset 0 0 0 3px var(--cond);background:#fff}
.sw.low,.cell.low{background-image:repeating-linear-gradient(45deg,rgba(255,255,255,.55) 0 3px,transparent 3px 7px)}
.sw.empty{background:#f1f1f1;color:#999}
table.matrix{border-collapse:collapse;background:#fff}
.matrix th,.matrix td{border:1px solid #d8d8d8;padding:0}
.matrix thead th{padding:.4rem .6rem;font-size:.85rem;background:#f3f3f3}
.matrix tbody th{text-align:left;padding:.3rem .6rem;font-weight:600;white-space:nowrap}
.matrix tbody th small{display:block;font-weight:400;color:#666;font-size:.75rem}
td.cell{min-width:7rem;text-align:center;vertical-align:middle}
td.cell a{display:block;padding:.35rem .5rem;color:inherit;text-decoration:none}
td.cell a:hover{outline:2px solid #333;outline-offset:-2px}
td.cell .sc{display:block;font-weight:700;font-size:1rem}td.cell .lab{display:block;font-size:.75rem}td.cell .n{display:block;font-size:.7rem;opacity:.85}
td.cell.conditional{box-shadow:inset 0 0 0 3px var(--cond)}
td.cell.low a>span{display:table;margin:0 auto;padding:0 .3em;background:var(--bg);border-radius:.2em}
td.cell.empty{background:#f3f3f3;color:#aaa;padding:.35rem}
.chip{display:inline-block;width:.75em;height:.75em;border-radius:50%;margin-right:.35em;vertical-align:baseline;background:var(--c)}
.tag{display:inline-block;font-size:.75rem;font-weight:600;padding:0 .4em;border-radius:.3em;color:#fff;background:var(--other)}
.tag.support{background:var(--sup)}.tag.oppose{background:var(--opp)}.tag.conditional{background:var(--cond)}.tag.low{background:#b45309}
.ev{background:#fff;border:1px solid #e2e2e2;border-radius:.4rem;padding:.5rem .8rem;margin:.6rem 0}
.ev:target,.st:target{outline:3px solid #f59e0b;outline-offset:2px}
.ev ol{margin:.2rem 0;padding-left:1.4rem}.ev li{margin:.25rem 0}.ev .ex{font-family:Georgia,"Times New Roman",serif;font-style:italic;color:#333}
.back{font-size:.8rem}.none{color:#777;font-style:italic}
.doc{background:#fff;border:1px solid #e2e2e2;border-radius:.4rem;padding:.4rem 1.2rem 1rem;margin:1.5rem 0;overflow-wrap:anywhere}
.back.all{display:none}
body:has(.doc:target)>:not(.doc:target){display:none}
body:has(.doc:target) .doc:target{margin-top:0}
.doc:target .back.all{display:inline}
.doc h2{border:0}.meta{color:#666;font-size:.85rem;margin:.2rem 0}.warn{color:#9a3412;font-size:.85rem}
.cast{font-size:.85rem}.dstances{font-size:.85rem;margin:.3rem 0 .8rem}
.text{white-space:pre-wrap;font-family:Georgia,"Times New Roman",serif;font-size:1rem;line-height:2.3;border-top:1px solid #eee;padding-top:.6rem}
.bp{color:#9aa0a6;background:#f4f4f4}
.st{border-bottom:3px solid var(--other);background:rgba(138,143,152,.07);padding:.15em 0;border-radius:.2em}
.st.support{border-color:var(--sup);background:rgba(33,102,172,.07)}.st.oppose{border-color:var(--opp);background:rgba(178,24,43,.07)}.st.conditional{border-color:var(--cond);background:rgba(201,138,0,.08)}
.st.quote{border-bottom-style:double}
.badge{font:600 .65rem/1 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#fff;background:var(--other);padding:.2em .4em;border-radius:.3em;margin-right:.35em;vertical-align:.15em;text-decoration:none;user-select:none;white-space:normal;overflow-wrap:anywhere;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.badge.support{background:var(--sup)}.badge.oppose{background:var(--opp)}.badge.conditional{background:var(--cond)}
mark{color:inherit}
.ment{background:var(--c);padding:.1em .25em;border-radius:.3em}
.ment .lbl{font:700 .6rem/1 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;text-transform:uppercase;margin-left:.35em;vertical-align:.15em;opacity:.75;user-select:none}
.cue{padding:0 .1em;border-radius:.2em}.cue.hedge{background:var(--hedge);border-bottom:2px dotted #b45309}.cue.boost{background:var(--boost);border-bottom:2px solid #047857}
.a0{--c:#c7ddf7}.a1{--c:#fbd3b0}.a2{--c:#cdeccd}.a3{--c:#f3c9e0}.a4{--c:#e0d4f5}.a5{--c:#f8e7a9}.a6{--c:#bfe9e6}.a7{--c:#f5c6c6}.a8{--c:#d9e6b5}.a9{--c:#d3d9e8}.a10{--c:#f0d8c0}.a11{--c:#c9e4f0}
"#;
