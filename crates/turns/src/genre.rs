//! The genre of a text from the text itself: a page's own genre label near its top
//! ("OPINION", "Home > Media > Press releases", "Analysis · Defence"), a line that opens
//! like a genre ("Interview by …", "Joint statement by …"), an author's disclaimer, and
//! the turn structure.

use crate::data::{TurnData, key};
use stancemap_core::Span;

/// How many lines of the top of a page are read for genre labels (a page's label sits
/// above its first paragraph).
const TOP_LINES: usize = 30;
/// A line of at least this many words is running text: the top of the page ends there.
const PARAGRAPH_WORDS: usize = 25;

/// Separators of menu lines and breadcrumbs.
const SEPARATORS: &[char] = &['|', '·', '•', '›', '»', '>', '/', '\u{2022}'];

/// The genre of a text: `transcript`, `official`, `opinion`, `analysis` or `news`.
/// `speaker_turns` is the number of speaker turns found in it; lines starting in an
/// `excluded` span (boilerplate, sorted) are skipped.
///
/// Order: a genre label of the page (the most specific one on its label lines: a short
/// line, an item of a line of at most three items, a breadcrumb item, a heading that
/// opens like a genre); then a turn structure (three or more speaker turns: a
/// transcript); then an author's disclaimer (opinion); else news. A long menu ("News |
/// Opinion | Sport | Culture") is navigation and says nothing.
pub fn detect_genre(
    data: &TurnData,
    text: &str,
    excluded: &[Span],
    speaker_turns: usize,
) -> &'static str {
    let mut found: Vec<&'static str> = Vec::new();
    let mut seen = 0;
    let mut offset = 0;
    for raw in text.split('\n') {
        let start = offset;
        offset += raw.len() + 1;
        let line = raw.trim();
        let i = excluded.partition_point(|r| r.end <= start);
        let furniture =
            i < excluded.len() && excluded[i].start <= start + (raw.len() - raw.trim_start().len());
        if line.is_empty() || furniture && line.split_whitespace().count() >= PARAGRAPH_WORDS {
            continue;
        }
        seen += 1;
        if seen > TOP_LINES || line.split_whitespace().count() >= PARAGRAPH_WORDS {
            break;
        }
        let low = line.to_lowercase();
        if let Some((_, g)) = data
            .genre_openers
            .iter()
            .find(|(o, _)| low.starts_with(o.as_str()))
        {
            found.push(intern(g));
            continue;
        }
        let breadcrumb = line.contains('›') || line.contains(" > ") || line.contains('»');
        let items: Vec<&str> = line
            .split(SEPARATORS)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if items.len() > 3 && !breadcrumb {
            continue; // navigation
        }
        for item in items.iter().rev() {
            if item.split_whitespace().count() > 6 {
                continue;
            }
            let k = key(item);
            if let Some((_, g)) = data.genres.iter().find(|(w, _)| *w == k) {
                found.push(intern(g));
            }
        }
    }
    let rank = |g: &str| match g {
        "opinion" => 6,
        "official" => 5,
        "report" => 4,
        "transcript" => 3,
        "analysis" => 2,
        _ => 1,
    };
    let best = found.iter().copied().max_by_key(|g| rank(g));
    match best {
        // A live blog or press review is news whatever labels its entries carry.
        Some("report") => return "news",
        Some(g) if g != "news" => {
            if g == "analysis" && speaker_turns >= 3 {
                return "transcript";
            }
            return g;
        }
        _ => {}
    }
    if speaker_turns >= 3 {
        return "transcript";
    }
    let low = text.to_lowercase();
    if data.opinion_lines.iter().any(|l| low.contains(l.as_str())) {
        return "opinion";
    }
    "news"
}

fn intern(g: &str) -> &'static str {
    match g {
        "opinion" => "opinion",
        "analysis" => "analysis",
        "transcript" => "transcript",
        "official" => "official",
        "report" => "report",
        _ => "news",
    }
}
