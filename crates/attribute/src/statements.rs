//! Drafts merged into statements: one per actor and overlapping span.

use crate::drafts::Draft;
use crate::lexicon::CueClass;
use stancemap_core::{Document, Statement};

/// Strength of a cue class when one sentence has several cues for one speaker.
fn class_rank(c: Option<CueClass>) -> u8 {
    match c {
        Some(CueClass::Warning | CueClass::Opposition | CueClass::Demand) => 5,
        Some(CueClass::Support) => 4,
        Some(CueClass::Decision) => 3,
        Some(CueClass::Belief) => 2,
        Some(CueClass::Speech) => 1,
        Some(CueClass::Source | CueClass::Relay) | None => 0,
    }
}

/// One statement per actor and sentence: merge drafts, keeping the strongest cue.
pub(crate) fn merge(doc: &Document, mut drafts: Vec<Draft>) -> Vec<Statement> {
    drafts.sort_by_key(|d| (d.span.start, d.actor, d.sentence));
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        if let Some(prev) = out
            .iter_mut()
            .rev()
            .take(8)
            .find(|p| p.actor == d.actor && p.span.overlaps(d.span))
        {
            if class_rank(d.cue.map(|c| c.1)) > class_rank(prev.cue.map(|c| c.1)) {
                prev.cue = d.cue;
            }
            prev.span = prev.span.cover(d.span);
            prev.content = prev.content.cover(d.content);
            prev.quote |= d.quote;
            prev.passive &= d.passive;
            if prev.mention.is_none() {
                prev.mention = d.mention;
            }
            continue;
        }
        out.push(d);
    }
    out.into_iter()
        .map(|d| Statement {
            actor: d.actor,
            span: d.span,
            content: d.content,
            quote: d.quote,
            cue: d.cue.map(|(s, _)| doc.slice(s).to_string()),
            cue_span: d.cue.map(|(s, _)| s),
            mention: d.mention,
            stances: Vec::new(),
            hedges: Vec::new(),
            boosters: Vec::new(),
            commitment: 1.0,
        })
        .collect()
}
