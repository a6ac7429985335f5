//! References to speakers inside a debate: "the Minister", "the hon. Member for
//! Seaton", "the hon. Lady", "the noble Lord", "the representative of Freedonia".
//!
//! A chamber's conventions name members by office, seat or delegation instead of by
//! name; inside a record whose turns are known, each such reference has one speaker:
//! - an *office* ("the Minister", "the shadow Secretary of State") is the one other
//!   speaker whose label role holds that office (a shadow office only for "shadow");
//! - a *seat or delegation* ("the hon. Member for Seaton", "the representative of
//!   Freedonia") is the speaker whose label names it;
//! - an *addressee* ("the hon. Lady", "the noble Lord") is the last other speaker before
//!   the turn — the one who holds or has just held the floor.
//!
//! The phrases are data (`[references]` in `data/turns.toml`).

use crate::data::TurnData;
use stancemap_core::{ActorId, Document, Mention, MentionKind, Span, TurnKind};

/// Rule id of the mentions made here.
pub const REFERENCE_RULE: &str = "turns/debate-reference";

/// Mentions of the speakers of `doc`'s turns made by office, seat, delegation or form
/// of address; never overlapping an existing mention. Turns must be resolved.
pub(crate) fn debate_references(data: &TurnData, doc: &Document) -> Vec<Mention> {
    let text = doc.text();
    let speakers: Vec<(usize, ActorId)> = doc
        .turns
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == TurnKind::Speaker)
        .filter_map(|(i, t)| t.speaker.map(|s| (i, s)))
        .collect();
    let distinct = {
        let mut v: Vec<ActorId> = speakers.iter().map(|&(_, a)| a).collect();
        v.sort_by_key(|a| a.0);
        v.dedup();
        v
    };
    if distinct.len() < 2 {
        return Vec::new();
    }
    let mut out: Vec<Mention> = Vec::new();
    let taken = |sp: Span, out: &[Mention]| {
        doc.mentions.iter().any(|m| m.span.overlaps(sp)) || out.iter().any(|m| m.span.overlaps(sp))
    };
    for (k, &(ti, me)) in speakers.iter().enumerate() {
        let body = doc.turns[ti].body;
        let Some(src) = text.get(body.range()) else {
            continue;
        };
        let low = src.to_ascii_lowercase();
        let found = phrase_hits(data, &low);
        let n_addr = data.ref_addressed.len();
        let n_aff = n_addr + data.ref_affiliation.len();
        // The last other speaker before this turn.
        let previous = speakers[..k]
            .iter()
            .rev()
            .map(|&(_, a)| a)
            .find(|&a| a != me);
        let push = |start: usize, end: usize, actor: ActorId, out: &mut Vec<Mention>| {
            let span = Span::new(body.start + start, body.start + end);
            if actor != me && !taken(span, out) {
                out.push(Mention {
                    actor,
                    span,
                    kind: MentionKind::Role,
                    rule: REFERENCE_RULE.into(),
                });
            }
        };
        for (i, phrase) in data.ref_addressed.iter().enumerate() {
            for &p in &found[i] {
                if let Some(a) = previous {
                    push(p, p + phrase.len(), a, &mut out);
                }
            }
        }
        for (i, phrase) in data.ref_affiliation.iter().enumerate() {
            for &p in &found[n_addr + i] {
                let rest = &src[p + phrase.len()..];
                let rest = rest.strip_prefix(' ').unwrap_or(rest);
                let at = src.len() - rest.len();
                // the longest label affiliation the text goes on with
                let mut best: Option<(usize, ActorId)> = None;
                for &(t, a) in &speakers {
                    for aff in &doc.turns[t].affiliation {
                        if rest.starts_with(aff.as_str())
                            && !rest[aff.len()..].starts_with(|c: char| c.is_alphanumeric())
                            && best.is_none_or(|(l, _)| aff.len() > l)
                        {
                            best = Some((aff.len(), a));
                        }
                    }
                }
                if let Some((l, a)) = best {
                    push(p, at + l, a, &mut out);
                }
            }
        }
        for (i, (phrase, shadow)) in data.ref_office.iter().enumerate() {
            let office = phrase.strip_prefix("the ").unwrap_or(phrase);
            for &p in &found[n_aff + i] {
                let at = p + phrase.len() - office.len();
                let qualified = low[p + phrase.len()..].starts_with(" for ")
                    || low[p + phrase.len()..].starts_with(" of ");
                let mut found: Option<(ActorId, usize)> = None;
                let mut several = false;
                for &(t, a) in &speakers {
                    if a == me {
                        continue;
                    }
                    let Some(role) = &doc.turns[t].role else {
                        continue;
                    };
                    let role = role.to_ascii_lowercase();
                    let role = role.strip_prefix("the ").unwrap_or(&role);
                    if role.contains("shadow") != *shadow || !holds(role, office) {
                        continue;
                    }
                    // "the Minister for X" names the office in full: the role must be it.
                    let end = if qualified {
                        if !low[at..].starts_with(role) {
                            continue;
                        }
                        at + role.len()
                    } else {
                        p + phrase.len()
                    };
                    match found {
                        Some((b, _)) if b != a => several = true,
                        _ => found = Some((a, end)),
                    }
                }
                if let (Some((a, end)), false) = (found, several) {
                    push(p, end, a, &mut out);
                }
            }
        }
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// For each reference phrase (in the order of [`TurnData::ref_phrases`]), its byte
/// offsets in `low` (lower case) at word boundaries, in one pass: as a search for the
/// phrase alone would find them, each occurrence starting after the end of the last.
fn phrase_hits(data: &TurnData, low: &str) -> Vec<Vec<usize>> {
    let mut raw: Vec<Vec<(usize, usize)>> = vec![Vec::new(); data.ref_phrases.patterns_len()];
    for m in data.ref_phrases.find_overlapping_iter(low) {
        raw[m.pattern().as_usize()].push((m.start(), m.end()));
    }
    raw.into_iter()
        .map(|mut hits| {
            hits.sort_unstable();
            let mut out = Vec::new();
            let mut from = 0;
            for (p, end) in hits {
                if p < from {
                    continue;
                }
                from = end;
                let before_ok = !low[..p].ends_with(|c: char| c.is_alphanumeric());
                let after_ok = !low[end..].starts_with(|c: char| c.is_alphanumeric());
                if before_ok && after_ok {
                    out.push(p);
                }
            }
            out
        })
        .collect()
}

/// A label role holds an office: it names it, or is a junior minister's role (an
/// Under-Secretary of State) for "minister".
fn holds(role: &str, office: &str) -> bool {
    role.contains(office) || office == "minister" && role.contains("secretary of state")
}
