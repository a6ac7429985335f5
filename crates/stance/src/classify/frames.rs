//! Which frames govern an object (pre-frame chain, post frame) and how far a frame reaches.

use super::DocView;
use super::matches::PackDoc;
use super::pack::PackRt;
use super::scores::CONJUNCT_REACH;
use super::votes::Obj;
use super::window::Mask;
use crate::lexicon::{Effect, Position, Role};
use stancemap_patterns::{Hit, hits_in};
use std::ops::Range;

impl DocView<'_> {
    /// The frame of a cue hit, if the cue is one.
    pub(super) fn frame<'r>(&self, rt: &'r PackRt, h: &Hit) -> Option<&'r crate::lexicon::Frame> {
        match &rt.cues[h.entry].role {
            Role::Frame(f) => Some(f),
            _ => None,
        }
    }

    /// The pre-frames that govern an object, inner first, and whether the innermost is a
    /// `both` frame that encloses the object (then no post frame governs it).
    pub(super) fn pre_frames(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        on: &Mask,
        (start, end, obj): (usize, usize, Obj),
    ) -> (Vec<usize>, bool) {
        let toks = &self.stream.toks;
        let sent = toks[start].sent;
        // Pre-frames, nearest first; first those inside a target ("soldiers will
        // not go to Ukraine": the target's gap spans the modal).
        let mut chain: Vec<usize> = Vec::new();
        if matches!(obj, Obj::Target(_)) {
            for (k, h) in hits_in(&pd.cues, start..end)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
            {
                if h.end <= end
                    && self
                        .frame(rt, h)
                        .is_some_and(|f| f.position != Position::Post)
                {
                    chain.push(k);
                }
            }
        }
        let mut anchor = start;
        // A `both` frame whose span encloses a target governs it ("the risk of
        // downing a drone is tiny"), and no frame after it does.
        let mut enclosed = false;
        if chain.is_empty()
            && matches!(obj, Obj::Target(_))
            && let Some((k, h)) = hits_in(&pd.cues, on.range().start..start).find(|(_, h)| {
                h.end >= end
                    && on[h.start]
                    && self
                        .frame(rt, h)
                        .is_some_and(|f| f.position == Position::Both)
            })
        {
            chain.push(k);
            anchor = h.start;
            enclosed = true;
        }
        loop {
            let cand = hits_in(&pd.cues, on.range())
                .filter(|(k, h)| {
                    h.end <= anchor
                        && !chain.contains(k)
                        && toks[h.start].sent == sent
                        && on[h.start]
                        && self
                            .frame(rt, h)
                            .is_some_and(|f| f.position != Position::Post)
                })
                .max_by_key(|(_, h)| h.end);
            let Some((k, h)) = cand else { break };
            let Some(f) = self.frame(rt, h) else { break };
            // A frame governs only inside its own scope: "will have to decide
            // whether to shoot down" is an open question, not a decision.
            let scope_ok = pd.scope_of[h.start] == pd.scope_of[anchor];
            // "rejected the proposal and warned that …": a frame coordinated after
            // another's object is a predicate of its own, not governed by it.
            let coordinated = !chain.is_empty()
                && anchor > h.end
                && matches!(self.stream.norm(&toks[anchor - 1]), "and" | "but");
            // a frame governs the nearest object: not across another target
            let across_target = anchor < start
                && hits_in(&pd.targets, h.end..anchor).any(|(_, t)| t.start >= h.end);
            // "must stop hiding behind its lawyers and use the assets": the modal
            // governs each predicate it coordinates, so the first one's words do not
            // count against its reach (within one clause, no punctuation or negator
            // between: "must not lose our nerve and fire" is no call to fire).
            let conjunct = if chain.is_empty()
                && anchor > h.end
                && self.stream.norm(&toks[anchor - 1]) == "and"
                && toks[h.end..anchor].iter().all(|t| t.word && !t.neg)
            {
                CONJUNCT_REACH
            } else {
                0
            };
            if coordinated
                || across_target
                || self.boundary_between(pd, h.end, anchor)
                || self.words_between(pd, h.end, anchor) > f.reach + conjunct
                || !scope_ok
            {
                break;
            }
            chain.push(k);
            anchor = h.start;
        }
        (chain, enclosed)
    }

    /// The nearest post frame that governs an object in its clause, unless a `both`
    /// frame encloses the object.
    pub(super) fn post_frame(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        on: &Mask,
        (start, end, obj): (usize, usize, Obj),
        enclosed: bool,
    ) -> Option<usize> {
        let toks = &self.stream.toks;
        let sent = toks[start].sent;
        hits_in(&pd.cues, on.range())
            .filter(|(_, h)| {
                !enclosed
                    && h.start >= end
                    && toks[h.start].sent == sent
                    && on[h.start]
                    && self.frame(rt, h).is_some_and(|f| {
                        f.position != Position::Pre
                            && (!f.targets_only || matches!(obj, Obj::Target(_)))
                    })
            })
            .min_by_key(|(_, h)| h.start)
            .filter(|(_, h)| {
                let f = self.frame(rt, h);
                let scope_ok = pd.scope_of[h.start] == pd.scope_of[start]
                    || self.consequent_of(pd, start, h.start);
                // "drones that were dangerous": a relative clause evaluates the
                // noun, not the action.
                let relative = (end..h.start).any(|i| {
                    matches!(
                        self.stream.norm(&toks[i]),
                        "that" | "which" | "who" | "whose"
                    )
                });
                // "caution and not taking the bait": a frame coordinated with the
                // object is a conjunct of its own, not its predicate
                let conjunct = (end..h.start)
                    .rev()
                    .find(|&i| !toks[i].neg)
                    .is_some_and(|i| matches!(self.stream.norm(&toks[i]), "and" | "or"));
                scope_ok
                    && !relative
                    && !conjunct
                    && !self.boundary_between(pd, end, h.start)
                    && f.is_some_and(|f| self.post_words_between(pd, end, h.start) <= f.reach)
            })
            .map(|(k, _)| k)
    }

    pub(super) fn words_between(&self, pd: &PackDoc, a: usize, b: usize) -> usize {
        (a..b)
            .filter(|&i| self.stream.toks[i].word && !pd.in_object[i])
            .count()
    }

    /// Words between an object and a post frame, not counting a place or time phrase
    /// of the object ("firing on a fighter over the Gulf of Finland would have been
    /// madness": a preposition with determiners and names only).
    fn post_words_between(&self, pd: &PackDoc, a: usize, b: usize) -> usize {
        let toks = &self.stream.toks;
        let mut n = 0;
        let mut i = a;
        while i < b {
            let t = &toks[i];
            i += 1;
            if !t.word || pd.in_object[i - 1] {
                continue;
            }
            if self.lex.place_prepositions.contains(self.stream.norm(t)) {
                while i < b
                    && toks[i].word
                    && (toks[i].cap || self.lex.determiners.contains(self.stream.norm(&toks[i])))
                {
                    i += 1;
                }
                continue;
            }
            n += 1;
        }
        n
    }

    pub(super) fn boundary_between(&self, pd: &PackDoc, a: usize, b: usize) -> bool {
        (a..b).any(|i| pd.hard[i])
    }

    /// "The allies risk sleepwalking into a war if they fire on the jets": a target in an
    /// `if` clause after the main clause takes the consequence the main clause states (a
    /// frame that judges what precedes it, with a fixed or flipping effect).
    pub(super) fn consequence_before_if(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        on: &Mask,
        start: usize,
    ) -> Option<usize> {
        let toks = &self.stream.toks;
        let opener = pd.scopes[pd.scope_of[start]?];
        if self
            .lex
            .scopes
            .get(opener.entry)
            .is_none_or(|e| e.id != "if")
        {
            return None;
        }
        let sr = self.stream.sents[toks[start].sent].range.clone();
        hits_in(&pd.cues, sr.start..opener.start)
            .filter(|(_, h)| {
                h.end <= opener.start
                    && on[h.start]
                    && pd.scope_of[h.start].is_none()
                    && !self.boundary_between(pd, h.end, opener.start)
                    && self.frame(rt, h).is_some_and(|f| {
                        f.position != Position::Pre
                            && matches!(f.effect, Effect::Oppose | Effect::Flip | Effect::Support)
                    })
            })
            .map(|(k, _)| k)
            .last()
    }

    /// "Shooting down a jet would not be an incident. It would be an act of war.": a post
    /// frame whose subject is a bare "it", "that", "this", "they" or "these" opening the
    /// next sentence evaluates the last target of the sentence before, when that
    /// sentence has no target after `end` and the next has none of its own.
    pub(super) fn anaphoric_post(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        on: &Mask,
        sent: usize,
        end: usize,
    ) -> Option<usize> {
        let toks = &self.stream.toks;
        let next = self.stream.sents.get(sent + 1)?;
        let own = self.stream.sents[sent].range.clone();
        let targets_in = |r: Range<usize>| hits_in(&pd.targets, r).next().is_some();
        if targets_in(end..own.end) || targets_in(next.range.clone()) {
            return None;
        }
        let first = next.range.clone().find(|&i| toks[i].word)?;
        if !matches!(
            self.stream.norm(&toks[first]),
            "it" | "that" | "this" | "they" | "these"
        ) {
            return None;
        }
        let (k, h) = hits_in(&pd.cues, next.range.clone())
            .filter(|(_, h)| h.start > first && on[h.start])
            .find(|(_, h)| {
                self.frame(rt, h)
                    .is_some_and(|f| f.position == Position::Post)
            })?;
        let only_aux = (first + 1..h.start).all(|i| {
            toks[i].word && (self.lex.skip.contains(self.stream.norm(&toks[i])) || toks[i].neg)
        });
        (only_aux && pd.scope_of[h.start].is_none()).then_some(k)
    }

    /// Is token `p` in the consequent of the conditional antecedent that holds token
    /// `t` ("If we shoot them down, Moscow will retaliate": the retaliation is what the
    /// action leads to)? The antecedent is a scope with id `if` closed by a comma; the
    /// consequent is outside every scope, after it.
    fn consequent_of(&self, pd: &PackDoc, t: usize, p: usize) -> bool {
        let Some(si) = pd.scope_of[t] else {
            return false;
        };
        let opener = &pd.scopes[si];
        self.lex
            .scopes
            .get(opener.entry)
            .is_some_and(|e| e.id == "if")
            && pd.scope_of[p].is_none()
            && (t..p)
                .any(|i| pd.scope_of[i].is_none() && self.stream.norm(&self.stream.toks[i]) == ",")
    }
}
