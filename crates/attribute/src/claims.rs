//! Claims without a reporting verb: "For X, …" and "In her view" frames, a message
//! before a colon, positions reported as nouns, and elliptic holders.

use crate::Attributor;
use crate::context::Ctx;
use crate::drafts::Draft;
use crate::lexicon::CueClass;
use crate::subjects::{opening_subject, same_span};
use stancemap_core::{MentionKind, Span, WordClass};

/// An auxiliary with an optional negation and "too"/"either" that ends the clause at
/// `k`: "… do not.", "… will too;", "… doesn't either".
fn elliptic_predicate(cx: &Ctx, k: usize, hi: usize) -> bool {
    if k >= hi || !cx.is(k, WordClass::AUXILIARY | WordClass::MODAL) {
        return false;
    }
    let mut j = k + 1;
    if j < hi && matches!(cx.norm(j), "not" | "n't") {
        j += 1;
    }
    if j < hi && matches!(cx.norm(j), "too" | "either") {
        j += 1;
    }
    j >= hi || matches!(cx.norm(j), "." | ";" | "!")
}

impl Attributor {
    /// "For X, …" / "To X, …" opening a sentence: the rest of it is X's view ("For the
    /// Irish minister, Ana Roe, a blockade is out of the question").
    pub(crate) fn for_frame(&self, cx: &Ctx, si: usize) -> Option<Draft> {
        let doc = cx.doc;
        let sent = &doc.sentences[si];
        let (lo, hi) = (sent.tokens.start, sent.tokens.end);
        // "In her view, …": the possessive names the holder (resolved by coref)
        let viewpoint = cx.norm(lo) == "in"
            && hi > lo + 3
            && matches!(cx.norm(lo + 1), "his" | "her" | "their")
            && matches!(
                cx.norm(lo + 2),
                "view" | "opinion" | "judgement" | "judgment" | "estimation" | "mind"
            );
        if hi < lo + 4 || !(viewpoint || matches!(cx.norm(lo), "for" | "to")) {
            return None;
        }
        let after = |m: usize| {
            let end = doc.mentions[m].span.end;
            doc.tokens.partition_point(|t| t.span.start < end)
        };
        // "For Poland", "For the minister", "For retired general Jan Roe": a title run
        // before the holder, which must then be a person
        let mut m = self.subject_after(cx, lo + 1, hi)?;
        let first = doc
            .tokens
            .partition_point(|t| t.span.start < doc.mentions[m].span.start);
        let titled = first > lo + 1 && !(first == lo + 2 && cx.norm(lo + 1) == "the");
        if titled && (!cx.is_person(m) || (lo + 1..first).any(|k| cx.norm(k) == ",")) {
            return None;
        }
        let mut e = after(m);
        // an appositive name: "For Latvia's envoy, Ilze Roe, …"
        if e + 1 < hi
            && cx.norm(e) == ","
            && let Some(m2) = cx.start_at[e + 1]
            && cx.is_person(m2)
            && after(m2) < hi
            && cx.norm(after(m2)) == ","
        {
            m = m2;
            e = after(m2);
        }
        if e + 1 >= hi || cx.norm(e) != "," {
            return None;
        }
        Some(Draft {
            sentence: si,
            actor: doc.mentions[m].actor,
            mention: Some(m),
            span: sent.span,
            content: Span::new(doc.tokens[e + 1].span.start, sent.span.end),
            quote: false,
            cue: Some((doc.tokens[lo].span, CueClass::Belief)),
            passive: false,
            clause_start: lo,
        })
    }

    /// "Senator X, who …, has toured the talk shows with a simple message: bring back
    /// …": a speech noun before a colon hands what follows to the sentence's subject.
    pub(crate) fn message_colon(&self, cx: &Ctx, si: usize) -> Option<Draft> {
        let doc = cx.doc;
        let sent = &doc.sentences[si];
        let (lo, hi) = (sent.tokens.start, sent.tokens.end);
        let colon = (lo + 2..hi.saturating_sub(2)).find(|&k| {
            cx.norm(k) == ":"
                && cx.w.message_nouns.contains(cx.norm(k - 1))
                && (k.saturating_sub(3).max(lo)..k - 1).any(|j| {
                    matches!(
                        cx.norm(j),
                        "a" | "an" | "the" | "one" | "his" | "her" | "their"
                    )
                })
        })?;
        let m = cx.start_at[lo].or_else(|| opening_subject(cx, lo, colon))?;
        Some(Draft {
            sentence: si,
            actor: doc.mentions[m].actor,
            mention: Some(m),
            span: sent.span,
            content: Span::new(doc.tokens[colon].span.end, sent.span.end),
            quote: false,
            cue: Some((doc.tokens[colon - 1].span, CueClass::Speech)),
            passive: false,
            clause_start: lo,
        })
    }

    /// A position reported as a noun: "X's call to …", "a Polish proposal to …", "calls
    /// from X and Y to …", "X's assertion that …". The holder states the position too
    /// (whoever reports, backs or rejects it). With a topic test, only positions on a
    /// topic count, so that "Russia's decision to …" on another matter makes no actor.
    pub(crate) fn position_holders(&self, cx: &Ctx, si: usize, drafts: &mut Vec<Draft>) {
        let doc = cx.doc;
        let sent = &doc.sentences[si];
        let (lo, hi) = (sent.tokens.start, sent.tokens.end);
        for t in lo + 1..hi {
            if !cx.w.position_nouns.contains(cx.norm(t)) || cx.doc.in_quote(doc.tokens[t].span) {
                continue;
            }
            let mut holders = Vec::new();
            let mut comp = t + 1;
            // "X's (new) call", "a Polish call"
            let mut p = t - 1;
            if p > lo && cx.end_at[p].is_none() && cx.norm(p) != "'s" && cx.norm(p - 1) == "'s" {
                p -= 1; // one modifier: "X's renewed call"
            }
            if cx.norm(p) == "'s" && p > lo {
                if let Some(m) = cx.end_at[p - 1] {
                    holders.extend(same_span(doc, m));
                }
            } else if let Some(m) = cx.end_at[t - 1]
                && doc.mentions[m].kind == MentionKind::Metonym
            {
                holders.extend(same_span(doc, m));
            }
            // "calls from X and Y to …", "a proposal by X to …"
            if holders.is_empty() && t + 2 < hi && matches!(cx.norm(t + 1), "from" | "by") {
                let subj = self.content_subjects(cx, t + 2, hi);
                if let Some(&last) = subj.last() {
                    let end = doc.mentions[last].span.end;
                    comp = doc.tokens.partition_point(|tk| tk.span.start < end);
                    holders = subj;
                }
            }
            if holders.is_empty() || comp >= hi || !matches!(cx.norm(comp), "to" | "for" | "that") {
                continue;
            }
            let content = Span::new(doc.tokens[t].span.start, sent.span.end);
            if !doc.is_topical(content) {
                continue;
            }
            for m in holders {
                let ms = doc.mentions[m].span.start;
                // passive: the holder is not the subject of the sentence's clause, so its
                // statement neither cuts the others' content nor owns their quotes
                drafts.push(Draft {
                    sentence: si,
                    actor: doc.mentions[m].actor,
                    mention: Some(m),
                    span: sent.span,
                    content,
                    quote: false,
                    cue: Some((doc.tokens[t].span, CueClass::Speech)),
                    passive: true,
                    clause_start: doc.tokens.partition_point(|tk| tk.span.start < ms),
                });
            }
        }
    }

    /// An elliptical clause after a semicolon or a contrast: "A wants the drones shot
    /// down; B and C do not." Its subjects hold (or deny) the position of the clause
    /// before; the statement is the whole sentence, and the stance stage reads the
    /// ellipsis. Only where the sentence is about a topic.
    pub(crate) fn elliptic_holders(&self, cx: &Ctx, si: usize, drafts: &mut Vec<Draft>) {
        let doc = cx.doc;
        let sent = &doc.sentences[si];
        let (lo, hi) = (sent.tokens.start, sent.tokens.end);
        for k in lo + 1..hi {
            let start = match cx.norm(k) {
                ";" => k + 1,
                "," if k + 1 < hi && matches!(cx.norm(k + 1), "but" | "while" | "whereas") => k + 2,
                _ => continue,
            };
            let subjects = self.content_subjects(cx, start, hi);
            let Some(&last) = subjects.last() else {
                continue;
            };
            let end = doc.mentions[last].span.end;
            let after = doc.tokens.partition_point(|tk| tk.span.start < end);
            if !elliptic_predicate(cx, after, hi)
                || !doc.is_topical(Span::new(sent.span.start, doc.tokens[k].span.start))
            {
                continue;
            }
            for m in subjects {
                let actor = doc.mentions[m].actor;
                if drafts.iter().any(|d| d.sentence == si && d.actor == actor) {
                    continue;
                }
                drafts.push(Draft {
                    sentence: si,
                    actor,
                    mention: Some(m),
                    span: sent.span,
                    content: sent.span,
                    quote: false,
                    cue: None,
                    passive: false,
                    clause_start: start,
                });
            }
        }
    }
}
