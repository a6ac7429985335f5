//! Inline markup over a text from possibly overlapping byte spans.
//!
//! HTML elements must nest, spans in the reports need not: a statement contains
//! mentions and cues, but a mention may also start inside one statement and end in the
//! next, and two cues may cross. The renderer sweeps the boundaries of every span and,
//! between two boundaries, keeps open exactly the spans that cover that stretch, in a
//! fixed nesting order (by rank, then outermost first). Where the wanted stack differs
//! from the open one, the differing tail is closed and reopened, so a crossing span is
//! split into fragments; its id and leading label go on the first fragment only, its
//! trailing label on the last.

use std::cmp::Reverse;

use crate::escape::escape_into;

/// One span to mark up. The strings are HTML and must already be escaped.
#[derive(Clone, Debug, Default)]
pub(crate) struct Mark {
    /// First byte (clipped to the text and snapped to a char boundary).
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Nesting rank: lower ranks enclose higher ones.
    pub rank: u8,
    /// Element name.
    pub tag: &'static str,
    /// Attributes repeated on every fragment (e.g. `class="x" title="y"`).
    pub attrs: String,
    /// Element id, on the first fragment only.
    pub id: Option<String>,
    /// HTML right after the opening tag of the first fragment.
    pub before: String,
    /// HTML right before the closing tag of the last fragment.
    pub after: String,
}

/// Largest char boundary `<= i` (and `<= text.len()`).
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary `>= i` (capped at `text.len()`).
fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The span of `m` inside `text`: clipped, on char boundaries, never reversed.
fn clip(text: &str, m: &Mark) -> (usize, usize) {
    let start = floor_boundary(text, m.start);
    if m.end <= m.start {
        return (start, start);
    }
    (start, ceil_boundary(text, m.end).max(start))
}

fn open(out: &mut String, m: &Mark, first: bool) {
    out.push('<');
    out.push_str(m.tag);
    if !m.attrs.is_empty() {
        out.push(' ');
        out.push_str(&m.attrs);
    }
    if first && let Some(id) = &m.id {
        out.push_str(" id=\"");
        escape_into(out, id);
        out.push('"');
    }
    if !first {
        out.push_str(" data-cont=\"1\"");
    }
    out.push('>');
    if first {
        out.push_str(&m.before);
    }
}

fn close(out: &mut String, m: &Mark, last: bool) {
    if last {
        out.push_str(&m.after);
    }
    out.push_str("</");
    out.push_str(m.tag);
    out.push('>');
}

/// The escaped `text` with `marks` as properly nested elements.
pub(crate) fn render(text: &str, marks: &[Mark]) -> String {
    let spans: Vec<(usize, usize)> = marks.iter().map(|m| clip(text, m)).collect();
    let mut bounds: Vec<usize> = Vec::with_capacity(spans.len() * 2 + 2);
    bounds.push(0);
    bounds.push(text.len());
    for &(s, e) in &spans {
        bounds.push(s);
        bounds.push(e);
    }
    bounds.sort_unstable();
    bounds.dedup();

    // Nesting order: rank, then the earlier start, then the longer span outside.
    let key = |i: usize| (marks[i].rank, spans[i].0, Reverse(spans[i].1), i);
    let mut by_start: Vec<usize> = (0..marks.len()).collect();
    by_start.sort_by_key(|&i| (spans[i].0, i));

    let mut out = String::with_capacity(text.len() * 2);
    let mut open_stack: Vec<usize> = Vec::new();
    let mut active: Vec<usize> = Vec::new();
    let mut next = 0; // into by_start
    for (w, &a) in bounds.iter().enumerate() {
        let b = bounds.get(w + 1).copied();
        // Spans ending here leave; spans starting here join (points are handled apart).
        active.retain(|&i| spans[i].1 > a);
        let mut points = Vec::new();
        while next < by_start.len() && spans[by_start[next]].0 == a {
            let i = by_start[next];
            if spans[i].1 > spans[i].0 {
                active.push(i);
            } else {
                points.push(i);
            }
            next += 1;
        }
        active.sort_by_key(|&i| key(i));
        let wanted: &[usize] = if b.is_some() { &active } else { &[] };

        let keep = open_stack
            .iter()
            .zip(wanted)
            .take_while(|(x, y)| x == y)
            .count();
        while open_stack.len() > keep {
            if let Some(i) = open_stack.pop() {
                close(&mut out, &marks[i], spans[i].1 == a);
            }
        }
        for &i in &points {
            open(&mut out, &marks[i], true);
            close(&mut out, &marks[i], true);
        }
        for &i in &wanted[keep..] {
            open(&mut out, &marks[i], spans[i].0 == a);
            open_stack.push(i);
        }
        if let Some(b) = b {
            escape_into(&mut out, &text[a..b]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, rank: u8, name: &str) -> Mark {
        Mark {
            start,
            end,
            rank,
            tag: "b",
            attrs: format!("class=\"{name}\""),
            id: Some(name.to_string()),
            before: String::new(),
            after: format!("[{name}]"),
        }
    }

    /// Checks that the output's tags nest: every `</b>` closes the last open `<b`.
    fn balanced(html: &str) -> bool {
        let mut depth = 0i32;
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            rest = &rest[i..];
            if rest.starts_with("</b>") {
                depth -= 1;
            } else if rest.starts_with("<b") {
                depth += 1;
            }
            if depth < 0 {
                return false;
            }
            rest = &rest[1..];
        }
        depth == 0
    }

    #[test]
    fn nests_contained_spans() {
        let text = "The minister said no.";
        let html = render(text, &[mark(4, 20, 1, "st"), mark(4, 12, 2, "m")]);
        assert_eq!(
            html,
            "The <b class=\"st\" id=\"st\"><b class=\"m\" id=\"m\">minister[m]</b> said no[st]</b>."
        );
    }

    #[test]
    fn splits_crossing_spans() {
        let text = "abcdefgh";
        let html = render(text, &[mark(0, 5, 1, "x"), mark(3, 8, 1, "y")]);
        assert!(balanced(&html), "{html}");
        assert_eq!(
            html,
            "<b class=\"x\" id=\"x\">abc<b class=\"y\" id=\"y\">de</b>[x]</b>\
             <b class=\"y\" data-cont=\"1\">fgh[y]</b>"
        );
        // The id occurs once, the trailing label once.
        assert_eq!(html.matches("id=\"y\"").count(), 1);
        assert_eq!(html.matches("[y]").count(), 1);
    }

    #[test]
    fn lower_rank_encloses_even_when_shorter() {
        let html = render("abcdef", &[mark(2, 4, 0, "outer"), mark(0, 6, 1, "inner")]);
        assert!(balanced(&html), "{html}");
        assert!(
            html.contains("<b class=\"outer\" id=\"outer\"><b class=\"inner\" data-cont=\"1\">cd")
        );
    }

    #[test]
    fn clips_out_of_range_and_mid_char_spans() {
        let text = "Zoë <x>";
        let html = render(
            text,
            &[
                mark(3, 3, 1, "p"),
                mark(2, 99, 1, "q"),
                mark(50, 40, 1, "r"),
            ],
        );
        assert!(balanced(&html), "{html}");
        assert!(html.contains("&lt;x&gt;"));
        assert!(!html.contains("<x>"));
        // "ë" is bytes 2..4: the point at 3 snaps to 2, the span end is clipped.
        assert!(html.starts_with(
            "Zo<b class=\"p\" id=\"p\">[p]</b><b class=\"q\" id=\"q\">ë &lt;x&gt;[q]</b>"
        ));
        assert!(html.contains("id=\"r\""));
    }

    #[test]
    fn empty_text_and_no_marks() {
        assert_eq!(render("", &[]), "");
        assert_eq!(render("a&b", &[]), "a&amp;b");
    }

    /// Removes tags and undoes the escaping: what a browser shows as text.
    fn visible(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
    }

    #[test]
    fn random_spans_nest_and_keep_the_text() {
        // A small deterministic generator: no dev-dependency needed.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((seed >> 33) as usize) % n.max(1)
        };
        let pieces = ["a", "é", " ", "<", "&", "\"", "'", "中", "\n", "🙂", "b"];
        for _ in 0..300 {
            let len = next(40);
            let text: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            let marks: Vec<Mark> = (0..next(8))
                .map(|_| {
                    let a = next(text.len() + 4);
                    let b = next(text.len() + 4);
                    Mark {
                        start: a,
                        end: b,
                        rank: next(4) as u8,
                        tag: "b",
                        attrs: "class=\"x\"".into(),
                        id: Some(format!("m{a}-{b}")),
                        ..Mark::default()
                    }
                })
                .collect();
            let html = render(&text, &marks);
            assert!(balanced(&html), "{text:?} {html}");
            assert_eq!(visible(&html), text, "{html}");
            for m in &marks {
                let id = format!("id=\"m{}-{}\"", m.start, m.end);
                assert!(html.contains(&id), "{id} lost in {html}");
            }
        }
    }
}
