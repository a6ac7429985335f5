//! The [`TurnFinder`] stage: turn labels and the text each covers.

use crate::data::{TurnData, key};
use crate::genre::detect_genre;
use crate::label::{Label, name_like, parse_label};
use crate::turn_genre;
use regex::Regex;
use stancemap_core::hash::FxHashMap;
use stancemap_core::{Document, Error, Layer, Region, Span, Stage, Turn, TurnKind};
use std::sync::Arc;

/// Recognises speaker turns and the genre of a document (see the crate documentation).
///
/// Runs after boilerplate and before sentences: in transcripts and official pages it
/// adds the labels and stage directions to [`Document::boilerplate`] (rules
/// `turns/label`, `turns/stage-direction`, `turns/interjection`), so that no sentence,
/// actor or cue is read in them, and fills [`Document::turns`]. It sets
/// [`stancemap_core::Meta::genre`] when the metadata gave none.
#[derive(Clone, Debug)]
pub struct TurnFinder {
    data: Arc<TurnData>,
    /// "Label: text"
    colon: Regex,
    /// "Name, on behalf of the X Group. – text", "President. – text"
    dash: Regex,
    /// "(Applause)", "(Voices from the floor: …)"
    bracket: Regex,
}

impl Default for TurnFinder {
    fn default() -> TurnFinder {
        TurnFinder::new(TurnData::embedded())
    }
}

/// A label found on a line, before validation.
#[derive(Clone, Debug)]
struct Candidate {
    /// The label, with its separator and the page links after a heading.
    span: Span,
    /// Where the turn's text starts.
    body_start: usize,
    label: Label,
    /// A page heading ("X Portrait …") or a label the grammar alone vouches for.
    strong: bool,
    /// The normalised label text, to count repeats.
    key: String,
    /// A press review's source heading ("Daily Planet, Metropolis: \"headline\"").
    source: bool,
}

/// The line ranges of a text (without the newline), trimmed.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(trim(text, start, i));
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(trim(text, start, text.len()));
    }
    out
}

fn trim(text: &str, a: usize, b: usize) -> (usize, usize) {
    let s = &text[a..b];
    let lead = s.len() - s.trim_start().len();
    let tail = s.len() - s.trim_end().len();
    if lead == s.len() {
        (a, a)
    } else {
        (a + lead, b - tail)
    }
}

/// The text after a label must read as speech: several words, or a closed sentence.
fn speech_after(s: &str) -> bool {
    let s = s.trim();
    // A quoted headline after a name ("Daily Planet, Metropolis: \"Not again\"") is a
    // press-review heading, not a turn.
    let quoted = s.starts_with(['"', '\u{201c}', '\u{2018}', '\'', '\u{ab}', '\u{201e}']);
    if quoted && s.split_whitespace().count() <= 12 {
        return false;
    }
    let words = s.split_whitespace().count();
    words >= 4
        || (words >= 1 && s.ends_with(['.', '!', '?', '…', '"', '\u{201d}', '\'', '\u{2019}', ')']))
}

/// A short quoted headline: all a press review's source heading has after its colon.
fn quoted_headline(s: &str) -> bool {
    let s = s.trim();
    s.starts_with(['"', '\u{201c}', '\u{2018}', '\'', '\u{ab}', '\u{201e}'])
        && s.ends_with(['"', '\u{201d}', '\u{2019}', '\'', '\u{bb}', '\u{201c}'])
        && s.split_whitespace().count() <= 12
}

/// Dot leaders of a cover page or table of contents ("Ms. Roe . . . . (Freedonia)").
fn dot_leaders(s: &str) -> bool {
    s.contains(". . .") || s.contains("....") || s.contains("  .")
}

impl TurnFinder {
    /// A finder over a lexicon.
    pub fn new(data: Arc<TurnData>) -> TurnFinder {
        // Compiled once per finder; the patterns are fixed, so they cannot fail.
        let re = |p: &str| Regex::new(p).unwrap_or_else(|e| unreachable!("turn regex: {e}"));
        TurnFinder {
            data,
            colon: re(r"^([^:\n]{1,160}?)\s*:[ \t]+"),
            dash: re(r"^([^\n–—]{1,200}?)\.\s*[–—]\s+(?:\(\p{Lu}{2,3}\)\s+)?"),
            bracket: re(r"\(([^()\n]{1,120})\)"),
        }
    }

    /// The lexicon.
    pub fn data(&self) -> &TurnData {
        &self.data
    }

    /// The turns of a text (ignoring the `excluded` byte ranges) and whether they form a
    /// transcript-like structure. Labels are validated against each other: a label the
    /// grammar alone does not vouch for ("Roe:") must recur.
    pub fn find(&self, text: &str, excluded: &[Span]) -> Vec<Turn> {
        let ls = lines(text);
        let inside = |pos: usize| {
            let i = excluded.partition_point(|r| r.end <= pos);
            i < excluded.len() && excluded[i].start <= pos
        };
        let mut cands: Vec<Candidate> = Vec::new();
        let mut enders: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < ls.len() {
            let (a, b) = ls[i];
            i += 1;
            if a == b || inside(a) {
                continue;
            }
            let line = &text[a..b];
            if dot_leaders(line) {
                continue;
            }
            if self
                .data
                .turn_enders
                .iter()
                .any(|e| line.starts_with(e.as_str()))
            {
                enders.push(a);
                continue;
            }
            // (a) a page heading: "Name Portrait Label", then page links.
            if let Some(p) = line.find(" Portrait") {
                let before = &line[..p];
                let after = line[p + " Portrait".len()..].trim();
                let before_name = strip_honorifics(&self.data, before);
                if name_like(&self.data, before_name) {
                    let mut label = if after.is_empty() {
                        parse_label(&self.data, before)
                    } else {
                        parse_label(&self.data, after)
                    }
                    .unwrap_or_default();
                    if label.name.is_none() || label.kind != TurnKind::Chair {
                        label.name = Some(before_name.to_string());
                    }
                    let mut end = b;
                    while i < ls.len() && page_links(&text[ls[i].0..ls[i].1]) {
                        end = ls[i].1;
                        i += 1;
                    }
                    cands.push(Candidate {
                        span: Span::new(a, end),
                        body_start: end,
                        key: key(before_name),
                        label,
                        strong: true,
                        source: false,
                    });
                    continue;
                }
            }
            // (b) a verbatim heading: "Name, on behalf of the X Group. – text".
            if let Some(c) = self.dash.captures(line)
                && let (Some(m0), Some(m1)) = (c.get(0), c.get(1))
                && let Some(label) = parse_label(&self.data, m1.as_str())
                && speech_after(&line[m0.end()..])
            {
                let strong = label.qualified || label.kind != TurnKind::Speaker;
                cands.push(Candidate {
                    span: Span::new(a, a + m0.end()),
                    body_start: a + m0.end(),
                    key: key(m1.as_str()),
                    label,
                    strong,
                    source: false,
                });
                continue;
            }
            // (e) a press review's source heading, a paragraph of its own: "Daily
            // Planet, Metropolis: \"headline\"", the paper's position below it.
            if let Some(c) = self.colon.captures(line)
                && let (Some(m0), Some(m1)) = (c.get(0), c.get(1))
                && quoted_headline(&line[m0.end()..])
                && i < ls.len()
                && ls[i].0 == ls[i].1
            {
                let head = m1.as_str().split(',').next().unwrap_or("").trim();
                let words: Vec<&str> = head.split_whitespace().collect();
                if !words.is_empty()
                    && words.len() <= 6
                    && words.iter().all(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            || w.contains('\'')
                            || matches!(*w, "de" | "di" | "der" | "of" | "the" | "la" | "le")
                    })
                {
                    let body = ls[i..].iter().find(|l| l.0 < l.1).map_or(b, |l| l.0);
                    cands.push(Candidate {
                        span: Span::new(a, b),
                        body_start: body,
                        key: "\u{0}source".into(),
                        label: Label {
                            name: Some(head.to_string()),
                            qualified: true,
                            ..Label::default()
                        },
                        strong: false,
                        source: true,
                    });
                    continue;
                }
            }
            // (c) an inline label: "Ms Roe (Greens): text", "Q: Outlet. text".
            if let Some(c) = self.colon.captures(line)
                && let (Some(m0), Some(m1)) = (c.get(0), c.get(1))
                && !self.data.not_labels.contains(&key(m1.as_str()))
                && let Some(label) = parse_label(&self.data, m1.as_str())
                && speech_after(&line[m0.end()..])
            {
                let mut end = a + m0.end();
                if label.kind == TurnKind::Interviewer {
                    end += outlet_len(&line[m0.end()..]);
                }
                let strong = label.qualified
                    || label.honorific
                    || label.answer
                    || label.kind != TurnKind::Speaker
                    || (label.role.is_some() && label.name.is_some());
                cands.push(Candidate {
                    span: Span::new(a, end),
                    body_start: end,
                    key: key(m1.as_str()),
                    label,
                    strong,
                    source: false,
                });
                continue;
            }
            // (d) a label on a line of its own, the speech on the next lines.
            let next_is_text = i < ls.len() && ls[i].0 < ls[i].1;
            if next_is_text && let Some(label) = parse_label(&self.data, line) {
                let words = line.split_whitespace().count();
                let own_line = words <= 14
                    && !line.ends_with(['.', '!', '?', ':', ';', ','])
                    && (label.honorific
                        || label.kind != TurnKind::Speaker && label.kind != TurnKind::Interviewer
                        || label.qualified && label.name.is_some());
                // a short repeat of an earlier label ("Sir Ann Roe", "Ms Roe")
                let repeat = words <= 5
                    && cands.iter().any(|c| c.strong && c.label.name.is_some())
                    && label.name.as_ref().is_some_and(|n| {
                        distinct_names(&cands, false)
                            .iter()
                            .any(|m| same_person(m, n))
                    });
                if own_line || repeat {
                    cands.push(Candidate {
                        span: Span::new(a, b),
                        body_start: ls[i].0,
                        key: key(line),
                        label,
                        strong: true,
                        source: false,
                    });
                }
            }
        }
        // Weak labels must recur ("Roe:" twice), or repeat a strong label's name.
        let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
        for c in &cands {
            *counts.entry(c.key.as_str()).or_default() += 1;
        }
        let strong_names = distinct_names(&cands, true);
        let keep: Vec<bool> = cands
            .iter()
            .map(|c| {
                c.strong
                    || counts.get(c.key.as_str()).copied().unwrap_or(0) >= 2
                    || !c.source
                        && c.label
                            .name
                            .as_deref()
                            .is_some_and(|n| strong_names.iter().any(|m| same_person(m, n)))
            })
            .collect();
        let cands: Vec<Candidate> = cands
            .into_iter()
            .zip(keep)
            .filter_map(|(c, k)| k.then_some(c))
            .collect();
        if cands.len() < 2 {
            return Vec::new();
        }
        let mut turns: Vec<Turn> = Vec::with_capacity(cands.len());
        for (k, c) in cands.iter().enumerate() {
            let next = cands.get(k + 1).map_or(text.len(), |n| n.span.start);
            let ender = enders
                .iter()
                .copied()
                .find(|&e| e >= c.body_start && e < next)
                .unwrap_or(next);
            let (bs, be) = trim(text, c.body_start.min(ender), ender);
            turns.push(Turn {
                label: c.span,
                body: Span::new(bs, be.max(bs)),
                kind: c.label.kind,
                name: c.label.name.clone(),
                role: c.label.role.clone(),
                affiliation: c.label.affiliation.clone(),
                speaker: None,
                organisation: c.source,
            });
        }
        self.interviewers(text, &cands, &mut turns);
        turns
    }

    /// An interview's questioner is often labelled with the outlet's name ("Daily
    /// Planet:", its initials), or is the one of two voices who asks.
    fn interviewers(&self, text: &str, cands: &[Candidate], turns: &mut [Turn]) {
        let top: Vec<String> = lines(text)
            .into_iter()
            .filter(|(a, b)| a < b)
            .take(3)
            .map(|(a, b)| key(&text[a..b]))
            .collect();
        let masthead = |k: &str| {
            top.iter().any(|t| {
                t == k
                    || (k.len() >= 2
                        && !k.contains(' ')
                        && t.split(' ').count() == k.len()
                        && t.split(' ').zip(k.chars()).all(|(w, c)| w.starts_with(c)))
            })
        };
        for (t, c) in turns.iter_mut().zip(cands) {
            if t.kind == TurnKind::Speaker
                && !c.label.honorific
                && !c.label.qualified
                && masthead(&c.key)
            {
                t.kind = TurnKind::Interviewer;
            }
        }
        // Two voices, one of which asks.
        let mut voices: Vec<(&str, usize, usize)> = Vec::new();
        for (t, c) in turns.iter().zip(cands) {
            if t.kind != TurnKind::Speaker {
                continue;
            }
            let asks = text[t.body.range()].contains('?') as usize;
            match voices.iter_mut().find(|v| v.0 == c.key) {
                Some(v) => {
                    v.1 += 1;
                    v.2 += asks;
                }
                None => voices.push((c.key.as_str(), 1, asks)),
            }
        }
        if voices.len() == 2 && !turns.iter().any(|t| t.kind == TurnKind::Interviewer) {
            let share = |v: &(&str, usize, usize)| v.2 as f32 / v.1 as f32;
            let (x, y) = (voices[0], voices[1]);
            let asker = if share(&x) >= 0.6 && share(&y) < 0.4 {
                Some(x.0)
            } else if share(&y) >= 0.6 && share(&x) < 0.4 {
                Some(y.0)
            } else {
                None
            };
            if let Some(k) = asker {
                for (t, c) in turns.iter_mut().zip(cands) {
                    if c.key == k && !c.label.honorific && !c.label.qualified {
                        t.kind = TurnKind::Interviewer;
                    }
                }
            }
        }
    }

    /// Bracketed stage directions inside turns: "(Applause)", "(spoke in French)".
    fn stage_directions(&self, text: &str, turns: &[Turn]) -> Vec<Span> {
        let mut out = Vec::new();
        for t in turns {
            let body = &text[t.body.range()];
            for m in self.bracket.captures_iter(body) {
                let (Some(all), Some(inner)) = (m.get(0), m.get(1)) else {
                    continue;
                };
                let k = inner.as_str().trim().to_lowercase();
                if self
                    .data
                    .stage_directions
                    .iter()
                    .any(|d| k.starts_with(d.as_str()))
                {
                    out.push(Span::new(
                        t.body.start + all.start(),
                        t.body.start + all.end(),
                    ));
                }
            }
        }
        out
    }
}

/// The distinct speaker names of the candidates (of the strong ones only, or of all):
/// a record has many turns but few speakers, so comparing names stays cheap.
fn distinct_names(cands: &[Candidate], strong_only: bool) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in cands {
        if (c.strong || !strong_only)
            && let Some(n) = c.label.name.as_deref()
            && !out.contains(&n)
        {
            out.push(n);
        }
    }
    out
}

/// "Sir Ann Roe" → "Ann Roe".
fn strip_honorifics<'a>(data: &TurnData, s: &'a str) -> &'a str {
    let mut s = s.trim();
    loop {
        let Some((w, rest)) = s.split_once(' ') else {
            return s;
        };
        if data.honorifics.contains(&key(w)) {
            s = rest.trim();
        } else {
            return s;
        }
    }
}

/// Page links under a heading: "- View Speech - Hansard - - - Excerpts".
fn page_links(line: &str) -> bool {
    let l = line.trim();
    l.starts_with('-')
        && l.split_whitespace().count() <= 10
        && !l.ends_with(['.', '?', '!'])
        && l.split('-')
            .all(|part| part.split_whitespace().count() <= 3)
}

/// "Q: Baltic Courier. Thank you …": the outlet named after a question label.
fn outlet_len(rest: &str) -> usize {
    let Some(dot) = rest.find(". ") else {
        return 0;
    };
    let outlet = &rest[..dot];
    let words: Vec<&str> = outlet.split_whitespace().collect();
    let ok = !words.is_empty()
        && words.len() <= 5
        && words.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || ["de", "du", "la", "le", "der", "di", "of", "the", "européen"].contains(w)
        });
    if ok { dot + 2 } else { 0 }
}

/// Two label names of one person: equal, or one is the other's surname.
pub(crate) fn same_person(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    if a == b {
        return true;
    }
    // "Roe" or "van Roe" after "Ana van Roe": one name ends the other, at a word.
    let ends = |long: &str, short: &str| {
        long.len() > short.len()
            && long.ends_with(short)
            && long.as_bytes()[long.len() - short.len() - 1] == b' '
    };
    ends(&a, &b) || ends(&b, &a)
}

impl Stage for TurnFinder {
    fn name(&self) -> &'static str {
        "turns"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Boilerplate]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Turns]
    }

    fn process(&self, doc: &mut Document) -> Result<(), Error> {
        let mut excluded: Vec<Span> = doc.boilerplate.iter().map(|r| r.span).collect();
        excluded.sort();
        let turns = self.find(doc.text(), &excluded);
        let speakers = turns
            .iter()
            .filter(|t| matches!(t.kind, TurnKind::Speaker | TurnKind::Chair))
            .count();
        let genre = match doc.meta.genre.clone() {
            Some(g) => g.to_lowercase(),
            None => {
                let g = detect_genre(&self.data, doc.text(), &excluded, speakers).to_string();
                doc.meta.genre = Some(g.clone());
                g
            }
        };
        // Turns are statements in transcripts and official pages; in other genres only
        // a press review's source headings are.
        let mut turns = turns;
        if !turn_genre(&genre) {
            // a source heading counts when the paragraph after it reports a paper
            let text = doc.text();
            turns.retain(|t| {
                let para = &text[t.body.start..t.body.end];
                let para = &para[..para.find("\n\n").unwrap_or(para.len())];
                t.organisation
                    && para
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| self.data.press_words.contains(&w.to_lowercase()))
            });
        }
        if turns.len() < 2 {
            return Ok(());
        }
        let mut regions: Vec<Region> = Vec::new();
        for t in &turns {
            regions.push(Region {
                span: t.label,
                rule: "turns/label".into(),
            });
            if t.kind == TurnKind::Interjection && !t.body.is_empty() {
                regions.push(Region {
                    span: t.body,
                    rule: "turns/interjection".into(),
                });
            }
        }
        for s in self.stage_directions(doc.text(), &turns) {
            regions.push(Region {
                span: s,
                rule: "turns/stage-direction".into(),
            });
        }
        regions.retain(|r| !r.span.is_empty() && !doc.in_boilerplate(r.span));
        doc.boilerplate.extend(regions);
        doc.boilerplate.sort_by_key(|r| (r.span.start, r.span.end));
        doc.turns = turns;
        Ok(())
    }
}
