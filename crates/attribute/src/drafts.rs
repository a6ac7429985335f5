//! Drafts of statements and the per-sentence pass that finds them.

use crate::Attributor;
use crate::context::Ctx;
use crate::lexicon::CueClass;
use stancemap_core::{ActorId, ActorKind, Document, MentionKind, SentenceKind, Span};

/// Opening quotation marks: a paragraph that starts with one after "…, she said:" is
/// her quotation.
const OPENING_QUOTES: [char; 4] = ['"', '\u{201c}', '\u{ab}', '\u{201e}'];

#[derive(Clone, Debug)]
pub(crate) struct Draft {
    pub(crate) sentence: usize,
    pub(crate) actor: ActorId,
    pub(crate) mention: Option<usize>,
    pub(crate) span: Span,
    pub(crate) content: Span,
    pub(crate) quote: bool,
    pub(crate) cue: Option<(Span, CueClass)>,
    pub(crate) passive: bool,
    /// Token index where the clause of this statement starts (its subject).
    pub(crate) clause_start: usize,
}

/// Indices of the drafts of each sentence.
pub(crate) fn drafts_by_sentence(doc: &Document, drafts: &[Draft]) -> Vec<Vec<usize>> {
    let mut by = vec![Vec::new(); doc.sentences.len()];
    for (i, d) in drafts.iter().enumerate() {
        by[d.sentence].push(i);
    }
    by
}

/// Whether the clause at token `k` completes a position noun: "rejected X's assertion
/// that Poland was ready to …" (part of what is rejected, not a clause of its own).
fn noun_complement(cx: &Ctx, k: usize) -> bool {
    k >= 2 && cx.norm(k - 1) == "that" && cx.w.position_nouns.contains(cx.norm(k - 2))
}

/// Whether tokens `from..to` are only mentions joined by "and", "," or "the": the
/// coordinated subjects of one clause ("Hungary and Slovakia").
fn coordinated_run(cx: &Ctx, from: usize, to: usize) -> bool {
    let mut k = from;
    while k < to {
        if let Some(m) = cx.start_at[k] {
            let end = cx.doc.mentions[m].span.end;
            k = cx.doc.tokens.partition_point(|t| t.span.start < end);
        } else if matches!(cx.norm(k), "and" | "," | "the") {
            k += 1;
        } else {
            return false;
        }
    }
    k == to
}

impl Attributor {
    /// A speaker label opening a paragraph, as in transcripts, interviews and live blogs:
    /// "Mr Tom Roe (Con): …", "The Minister (Ms Ana Roe): …", "Jane Roe: …". Returns the
    /// speaker mention and the token index of the colon. The label must be made of
    /// capitalised words, brackets and a few function words, so that a clause ending in a
    /// colon ("Stakeholders include: …") is no label.
    fn speaker_label(&self, cx: &Ctx, lo: usize, hi: usize) -> Option<(usize, usize)> {
        let mut speaker = None;
        for t in lo..hi.min(lo + 24) {
            let norm = cx.norm(t);
            if norm == ":" {
                return speaker.map(|m| (m, t));
            }
            if let Some(m) = cx.start_at[t] {
                // a place after a comma is a dateline, not the speaker ("Daily Post, Oslo:")
                let place = t > lo
                    && cx.norm(t - 1) == ","
                    && cx.doc.mentions[m].kind == MentionKind::Metonym;
                if place {
                    continue;
                }
                // the first person named in the label wins ("The Minister (Ms Ana Roe)")
                let person = cx.is_person(m);
                if speaker.is_none_or(|s| person && !cx.is_person(s)) {
                    speaker = Some(m);
                }
                continue;
            }
            let raw = cx.doc.slice(cx.doc.tokens[t].span);
            let labelish = raw
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    norm,
                    "(" | ")"
                        | ","
                        | "."
                        | "-"
                        | "'s"
                        | "of"
                        | "for"
                        | "the"
                        | "and"
                        | "on"
                        | "in"
                        | "to"
                );
            if !labelish {
                return None;
            }
        }
        None
    }

    pub(crate) fn find_drafts(&self, cx: &Ctx) -> Vec<Draft> {
        let doc = cx.doc;
        let mut drafts: Vec<Draft> = Vec::new();
        // "…, she said:" closing a paragraph: the quotation that opens the next
        // paragraph is hers (the draft to copy, and that paragraph).
        let mut carry: Option<(Draft, usize)> = None;
        for (si, sent) in doc.sentences.iter().enumerate() {
            // Headlines and section headings are titles, not attributed claims.
            if sent.kind == SentenceKind::Heading {
                continue;
            }
            match carry.take() {
                Some((d, para))
                    if para == sent.paragraph
                        && (cx.doc.in_quote(doc.tokens[sent.tokens.start].span)
                            || doc.slice(sent.span).starts_with(OPENING_QUOTES)) =>
                {
                    drafts.push(Draft {
                        sentence: si,
                        span: sent.span,
                        content: sent.span,
                        quote: true,
                        clause_start: sent.tokens.start,
                        ..d.clone()
                    });
                    carry = Some((d, para));
                    continue;
                }
                _ => {}
            }
            let (lo, hi) = (sent.tokens.start, sent.tokens.end);
            let first_draft = drafts.len();
            let para_start = si == 0 || doc.sentences[si - 1].paragraph != sent.paragraph;
            if para_start && let Some((m, colon)) = self.speaker_label(cx, lo, hi) {
                label_paragraph(cx, si, m, colon, &mut drafts);
                continue;
            }
            if let Some(d) = self.for_frame(cx, si) {
                drafts.push(d);
            }
            self.cue_drafts(cx, si, first_draft, &mut drafts);
            // "X has toured the talk shows with a simple message: …", when no cue of
            // the sentence reports the words after the colon
            if let Some(d) = self.message_colon(cx, si)
                && !drafts[first_draft..]
                    .iter()
                    .any(|x| x.content.overlaps(d.content))
            {
                drafts.push(d);
            }
            self.position_holders(cx, si, &mut drafts);
            self.elliptic_holders(cx, si, &mut drafts);
            if let Some(d) = drafts[first_draft..].last()
                && doc.slice(d.content).trim() == ":"
                && let Some(next) = doc.sentences.get(si + 1)
                && next.paragraph != sent.paragraph
                && doc.slice(next.span).starts_with(OPENING_QUOTES)
            {
                carry = Some((d.clone(), next.paragraph));
            }
            drop_sourced(cx, first_draft, &mut drafts);
            end_at_next_clause(cx, first_draft, &mut drafts);
        }
        drafts
    }
}

/// The drafts of a paragraph opened by a speaker label: every sentence of it is the
/// speaker's, the first from the colon on.
fn label_paragraph(cx: &Ctx, si: usize, m: usize, colon: usize, drafts: &mut Vec<Draft>) {
    let doc = cx.doc;
    let sent = &doc.sentences[si];
    let cue = doc.tokens[colon].span;
    let mut s2 = si;
    while s2 < doc.sentences.len() && doc.sentences[s2].paragraph == sent.paragraph {
        let span = doc.sentences[s2].span;
        let content = if s2 == si {
            Span::new(cue.end, span.end)
        } else {
            span
        };
        drafts.push(Draft {
            sentence: s2,
            actor: doc.mentions[m].actor,
            mention: Some(m),
            span,
            content,
            quote: false,
            cue: Some((cue, CueClass::Speech)),
            passive: false,
            clause_start: doc.sentences[s2].tokens.start,
        });
        s2 += 1;
    }
}

/// Drops the drafts whose cue lies inside an "according to" claim, and the relaying
/// sources' own drafts, among the drafts of one sentence (from `first_draft` on).
fn drop_sourced(cx: &Ctx, first_draft: usize, drafts: &mut Vec<Draft>) {
    let doc = cx.doc;
    // A claim reported "according to X" is X's: the cues inside it are not
    // statements of their own ("According to X, Y sees …").
    // An unnamed source only relays ("according to two diplomats, Y argued …"):
    // then Y's statement stands and the source's goes.
    let relay = |d: &Draft| {
        d.mention.is_some_and(|m| {
            let span = doc.mentions[m].span;
            let from = d.cue.map_or(span.start, |c| c.0.end.min(span.start));
            doc.slice(Span::new(from, span.end))
                .split_whitespace()
                .any(|w| cx.w.relay.contains(w.to_lowercase().as_str()))
        })
    };
    let sources: Vec<(Span, bool)> = drafts[first_draft..]
        .iter()
        .filter(|d| {
            d.passive
                && d.cue
                    .is_some_and(|c| matches!(c.1, CueClass::Source | CueClass::Relay))
        })
        .map(|d| {
            let relays = relay(d) || d.cue.is_some_and(|c| c.1 == CueClass::Relay);
            (d.content, relays)
        })
        .collect();
    let mut relayed = Vec::new();
    let mut k = first_draft;
    while k < drafts.len() {
        let src = drafts[k].cue.and_then(|c| {
            sources
                .iter()
                .find(|s| !drafts[k].passive && s.0.contains(c.0))
        });
        match src {
            Some((span, true)) => {
                relayed.push(*span);
                k += 1;
            }
            Some((_, false)) => {
                drafts.remove(k);
            }
            None => k += 1,
        }
    }
    let mut k = first_draft;
    while k < drafts.len() {
        let d = &drafts[k];
        let is_relay = d.passive
            && d.cue
                .is_some_and(|c| matches!(c.1, CueClass::Source | CueClass::Relay))
            && relayed.contains(&d.content);
        if is_relay {
            drafts.remove(k);
        } else {
            k += 1;
        }
    }
}

/// Ends each draft's content of one sentence (from `first_draft` on) where a later
/// clause's subject starts.
fn end_at_next_clause(cx: &Ctx, first_draft: usize, drafts: &mut [Draft]) {
    let doc = cx.doc;
    // A later clause's subject ends the content of an earlier clause, unless it is
    // the speaker's own state or body: "President X said France was prepared to
    // …" is the president's position as much as France's.
    for d in first_draft..drafts.len() {
        let d_cue_end = drafts[d].cue.map(|c| c.0.end).unwrap_or(0);
        let speaker = doc.actor(drafts[d].actor);
        // (a spokesperson of unknown country speaks for the body they report on)
        let spokes = speaker.role.as_deref().is_some_and(|r| {
            r.split_whitespace()
                .any(|w| cx.w.spokes.contains(w.to_lowercase().as_str()))
        });
        let own_side = |n: &Draft| {
            let other = doc.actor(n.actor);
            speaker.kind == ActorKind::Person
                && other.kind != ActorKind::Person
                && ((speaker.country.is_some() && speaker.country == other.country)
                    || (spokes && speaker.country.is_none()))
        };
        // (subjects coordinated with the speaker share the clause: "diplomats
        // said X and Y were …" is X's clause too)
        let cs = drafts[d].clause_start;
        let next_start = drafts[d + 1..]
            .iter()
            .filter(|n| {
                !n.passive
                    && !own_side(n)
                    && !coordinated_run(cx, cs, n.clause_start)
                    && !noun_complement(cx, n.clause_start)
            })
            .map(|n| doc.tokens[n.clause_start].span.start)
            .find(|&s| s > d_cue_end);
        if let Some(ns) = next_start
            && !drafts[d].passive
            && drafts[d].content.start < ns
            && ns < drafts[d].content.end
        {
            drafts[d].content.end = ns;
        }
    }
}
