//! The matches of one pack in one document ([`PackDoc`]) and their spans.

use super::pack::PackRt;
use super::{DocView, span_of};
use crate::lexicon::Role;
use stancemap_core::Span;
use stancemap_patterns::Hit;
use std::collections::BTreeSet;
use std::ops::Range;

/// The matches of one pack in one document.
#[derive(Debug)]
pub(crate) struct PackDoc {
    pub active: bool,
    pub targets: Vec<Hit>,
    /// Frames, terms and conditions (ignore entries removed), by start.
    pub cues: Vec<Hit>,
    pub scopes: Vec<Hit>,
    pub contrasts: Vec<Hit>,
    pub alignments: Vec<Hit>,
    /// entry = index into `StanceGrammar::answers`.
    pub answers: Vec<Hit>,
    /// Tokens inside a frame, term or condition (their negators are part of the cue).
    pub(super) consumed: Vec<bool>,
    /// Tokens inside an object (not counted in frame distances).
    pub(super) in_object: Vec<bool>,
    /// Clause boundaries: end punctuation, contrast markers, ", and" ….
    pub(super) hard: Vec<bool>,
    /// Scope region (index into `scopes`) of each token.
    pub(super) scope_of: Vec<Option<usize>>,
    /// Sentences with a target.
    pub(super) target_sents: BTreeSet<usize>,
}

impl DocView<'_> {
    /// Finds the matches of a pack.
    pub(crate) fn match_pack(&self, rt: &PackRt) -> PackDoc {
        let toks = &self.stream.toks;
        let lex = self.lex;
        // Targets first: a document that never names the topic needs nothing else.
        let mut targets_of: Vec<Vec<Hit>> = self
            .stream
            .sents
            .iter()
            .map(|s| {
                let mut hits = rt.m.targets.scan(toks, s.range.clone());
                // Noun compounds: "drone manufacturers", "rules of engagement with a
                // trading partner" name no action on the topic.
                hits.retain(|h| {
                    !toks
                        .get(h.end)
                        .is_some_and(|t| lex.compound_heads.contains(self.stream.norm(t)))
                });
                hits
            })
            .collect();
        self.goalless_targets(rt, &mut targets_of);
        self.definite_anaphora(&mut targets_of);
        self.elided_targets(&mut targets_of);
        let anchored = || {
            self.stream
                .sents
                .iter()
                .any(|s| !rt.m.anchors.scan(toks, s.range.clone()).is_empty())
        };
        let n = if targets_of.iter().all(Vec::is_empty) && !anchored() {
            0
        } else {
            toks.len()
        };
        let mut pd = PackDoc {
            active: false,
            targets: Vec::new(),
            cues: Vec::new(),
            scopes: Vec::new(),
            contrasts: Vec::new(),
            alignments: Vec::new(),
            answers: Vec::new(),
            consumed: vec![false; n],
            in_object: vec![false; n],
            hard: vec![false; n],
            scope_of: vec![None; n],
            target_sents: BTreeSet::new(),
        };
        if n == 0 {
            return pd;
        }
        for (si, s) in self.stream.sents.iter().enumerate() {
            let r = s.range.clone();
            let aligns = self.layers.alignments.scan(toks, r.clone());
            let cue_m = if s.question || self.reported_question_sentence(r.clone()) {
                &rt.m.cues_all
            } else {
                &rt.m.cues_no_question
            };
            let mut cues: Vec<Hit> = cue_m
                .scan(toks, r.clone())
                .into_iter()
                .filter(|h| !aligns.iter().any(|a| a.overlaps(h)))
                .collect();
            let targets = std::mem::take(&mut targets_of[si]);
            // "in full and without a lottery": a negated condition sets none.
            let negated_cond = |h: &Hit| {
                (r.start..h.start)
                    .rev()
                    .find(|&i| !matches!(self.stream.norm(&toks[i]), "a" | "an" | "the" | "any"))
                    .is_some_and(|i| matches!(self.stream.norm(&toks[i]), "without" | "no"))
            };
            cues.retain(|h| match rt.cues[h.entry].role {
                Role::Term { .. } => !targets.iter().any(|t| t.overlaps(h)),
                Role::Cond { .. } => !targets.iter().any(|t| t.overlaps(h)) && !negated_cond(h),
                _ => true,
            });
            let blocked = |h: &Hit| cues.iter().chain(&targets).any(|c| c.overlaps(h));
            let scopes: Vec<Hit> = self
                .layers
                .scopes
                .scan(toks, r.clone())
                .into_iter()
                .filter(|h| !blocked(h))
                .collect();
            let contrasts: Vec<Hit> = self
                .layers
                .contrasts
                .scan(toks, r.clone())
                .into_iter()
                .filter(|h| !blocked(h))
                .collect();
            // "Why wouldn't we?" answers a question although a question frame matches it
            let question_frame =
                |c: &Hit| matches!(&rt.cues[c.entry].role, Role::Frame(f) if f.question);
            let answers: Vec<Hit> = self
                .layers
                .answers
                .scan(toks, r.clone())
                .into_iter()
                .filter(|h| {
                    !targets.iter().any(|c| c.overlaps(h))
                        && !cues.iter().any(|c| c.overlaps(h) && !question_frame(c))
                })
                .collect();
            // a fixed expression's negator negates nothing ("no question that")
            for h in cues
                .iter()
                .filter(|h| matches!(rt.cues[h.entry].role, Role::Ignore))
            {
                pd.consumed[h.start..h.end].fill(true);
            }
            cues.retain(|h| !matches!(rt.cues[h.entry].role, Role::Ignore));
            let judged = self.small_clauses(rt, &targets, &cues, r.clone());
            if !judged.is_empty() {
                cues.extend(judged);
                cues.sort_by_key(|h| h.start);
            }
            let anchored = cues
                .iter()
                .any(|h| matches!(rt.cues[h.entry].role, Role::Term { anchor: true, .. }));
            if !targets.is_empty() || anchored {
                pd.target_sents.insert(si);
            }
            // Token annotations.
            for h in &cues {
                for i in h.start..h.end {
                    pd.consumed[i] = true;
                    if !matches!(rt.cues[h.entry].role, Role::Frame(_)) {
                        pd.in_object[i] = true;
                    }
                }
            }
            for h in &targets {
                for i in h.start..h.end {
                    pd.in_object[i] = true;
                }
            }
            for i in r.clone() {
                let t = &toks[i];
                if !t.word && matches!(self.stream.norm(t), "." | ";" | ":" | "?" | "!" | "(" | ")")
                {
                    pd.hard[i] = true;
                }
                // ", and bring them down": a coordinated action, not a new clause
                let coordinated_target = || {
                    matches!(self.stream.norm(&toks[i + 1]), "and" | "or")
                        && targets.iter().any(|h| h.start == i + 2)
                };
                if !t.word
                    && self.stream.norm(t) == ","
                    && toks.get(i + 1).is_some_and(|x| {
                        x.sent == si && lex.comma_clauses.contains(self.stream.norm(x))
                    })
                    && !coordinated_target()
                {
                    pd.hard[i] = true;
                }
            }
            for h in &contrasts {
                for i in h.start..h.end {
                    pd.hard[i] = true;
                }
            }
            // Scope regions: opener to the next comma or boundary.
            for h in &scopes {
                let idx = pd.scopes.len();
                let mut i = h.start;
                while i < r.end {
                    let t = &toks[i];
                    if i >= h.end && (pd.hard[i] || (!t.word && self.stream.norm(t) == ",")) {
                        break;
                    }
                    if pd.scope_of[i].is_none() {
                        pd.scope_of[i] = Some(idx);
                    }
                    i += 1;
                }
                pd.scopes.push(*h);
            }
            pd.targets.extend(targets);
            pd.cues.extend(cues);
            pd.contrasts.extend(contrasts);
            pd.alignments.extend(aligns);
            pd.answers.extend(answers);
        }
        pd.active = !pd.target_sents.is_empty();
        pd
    }

    /// A question reported without its question mark asks as one would: "X asked why
    /// the navy cannot …", "Would any government …, X wanted to know."
    fn reported_question_sentence(&self, r: Range<usize>) -> bool {
        let toks = &self.stream.toks;
        let norm = |i: usize| self.stream.norm(&toks[i]);
        let asking = |i: usize| self.lex.asking.contains(norm(i));
        let why = r.clone().skip(1).any(|i| norm(i) == "why" && asking(i - 1));
        let opens = r
            .clone()
            .find(|&i| toks[i].word)
            .is_some_and(|i| self.lex.question_openers.contains(norm(i)));
        // "…, X asked." / "…, X wanted to know.": the asking verb in the last clause
        let tail = opens
            && r.clone()
                .rev()
                .skip_while(|&i| !toks[i].word)
                .take_while(|&i| norm(i) != ",")
                .any(|i| asking(i) || (norm(i) == "know" && i > r.start && norm(i - 1) == "to"));
        why || tail
    }

    /// Spans of the target matches.
    pub(crate) fn target_spans(&self, pd: &PackDoc) -> Vec<Span> {
        pd.targets
            .iter()
            .map(|h| span_of(&self.stream.toks, h.start, h.end))
            .collect()
    }

    /// Spans of the weak terms and conditions.
    pub(crate) fn term_spans(&self, rt: &PackRt, pd: &PackDoc) -> Vec<Span> {
        pd.cues
            .iter()
            .filter(|h| matches!(rt.cues[h.entry].role, Role::Term { .. } | Role::Cond { .. }))
            .map(|h| span_of(&self.stream.toks, h.start, h.end))
            .collect()
    }
}
