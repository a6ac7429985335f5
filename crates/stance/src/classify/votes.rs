//! Votes: each object in the window with its governing frames, composed into a signed value.

use super::DocView;
use super::matches::PackDoc;
use super::pack::PackRt;
use super::subjects::Speaker;
use super::window::{Mask, Window};
use crate::lexicon::{Effect, Role};
use stancemap_patterns::hits_in;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Obj {
    Target(usize),
    Cue(usize),
}

#[derive(Clone, Debug)]
pub(super) struct Vote {
    pub(super) value: f32,
    pub(super) weight: f32,
    /// Some(strong) for a condition.
    pub(super) cond: Option<bool>,
    /// Cue hits of the governing frames, inner first; then the post frame, if any.
    pub(super) frames: Vec<usize>,
    pub(super) object: Obj,
    pub(super) licensed: bool,
    pub(super) dropped: bool,
}

#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Opts {
    /// Alignment propagation: the clause is someone else's, no subject checks.
    pub(super) propagate: bool,
    /// Answer rule: evaluate the question as if asserted.
    pub(super) unscoped: bool,
}

impl DocView<'_> {
    /// The votes of a clause read on its own, with no speaker and no cue: a question
    /// being answered, an elliptic reply, an aligned clause. `unscoped` reads a question
    /// as if asserted (see [`Opts`]).
    pub(super) fn clause_votes(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        range: std::ops::Range<usize>,
        unscoped: bool,
    ) -> (Vec<Vote>, bool) {
        let on = Mask::of(range);
        let win = Window {
            on: on.clone(),
            cue: None,
            sole_topic: false,
        };
        let opts = Opts {
            propagate: true,
            unscoped,
        };
        self.votes(rt, pd, &on, &win, &Speaker::default(), opts)
    }

    /// The objects inside `on` (targets, terms and conditions) as (start, end, object),
    /// by position.
    fn objects(&self, rt: &PackRt, pd: &PackDoc, on: &Mask) -> Vec<(usize, usize, Obj)> {
        let mut objects: Vec<(usize, usize, Obj)> = Vec::new();
        for (i, t) in hits_in(&pd.targets, on.range()) {
            if on[t.start] {
                objects.push((t.start, t.end, Obj::Target(i)));
            }
        }
        for (i, c) in hits_in(&pd.cues, on.range()) {
            if on[c.start] && matches!(rt.cues[c.entry].role, Role::Term { .. } | Role::Cond { .. })
            {
                objects.push((c.start, c.end, Obj::Cue(i)));
            }
        }
        objects.sort();
        objects
    }

    /// Collects the votes of the objects inside `on`; also says whether a target is there.
    pub(super) fn votes(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        on: &Mask,
        win: &Window,
        sp: &Speaker,
        opts: Opts,
    ) -> (Vec<Vote>, bool) {
        let toks = &self.stream.toks;
        let objects = self.objects(rt, pd, on);
        let strong = objects.iter().any(|o| matches!(o.2, Obj::Target(_)));
        let mut votes = Vec::new();
        for &(start, end, obj) in &objects {
            let sent = toks[start].sent;
            let (lean, oweight, mut cond, alone) = match obj {
                Obj::Target(_) => (1.0, 1.0, None, false),
                Obj::Cue(i) => match rt.cues[pd.cues[i].entry].role {
                    Role::Term {
                        lean,
                        alone,
                        weight,
                        ..
                    } => (lean, weight, None, alone),
                    Role::Cond { strong } => (0.0, 1.0, Some(strong), true),
                    _ => continue,
                },
            };
            // Pre-frames, nearest first, and whether a `both` frame encloses the object.
            let (chain, enclosed) = self.pre_frames(rt, pd, on, (start, end, obj));
            // Post-frame, nearest.
            let post = self.post_frame(rt, pd, on, (start, end, obj), enclosed);
            // A bare target may take its judgment from outside its clause.
            let post = post.or_else(|| {
                (chain.is_empty() && matches!(obj, Obj::Target(_)))
                    .then(|| {
                        self.consequence_before_if(rt, pd, on, start)
                            .or_else(|| self.anaphoric_post(rt, pd, on, sent, end))
                    })
                    .flatten()
            });
            if chain.is_empty() && post.is_none() && !alone {
                continue;
            }
            // Negation.
            let neg = self.negations(pd, &chain, post, start, end);
            // "Not shooting them down would be a mistake": a negator right before an
            // object that no pre-frame governs negates the object itself.
            let negated_object = (chain.is_empty()
                && start > 0
                && toks[start - 1].neg
                && toks[start - 1].sent == sent
                && !pd.consumed[start - 1])
                ^ ((start..end)
                    .filter(|&i| toks[i].neg && !pd.consumed[i])
                    .count()
                    % 2
                    == 1);
            // Composition, inner to outer.
            let mut v: f32 = if negated_object { -lean } else { lean };
            let mut weight: f32 = 1.0;
            let mut licensed = false;
            let mut dropped = false;
            let mut all: Vec<usize> = chain.clone();
            all.extend(post);
            // the pre-frames form a gerund subject that opens the sentence ("Ruling out
            // …", "Refusing to …"), which the post frame judges as a whole
            // (or a term that is such a subject itself: "Letting them fly unchallenged …")
            // (or opens the clause after a verb of saying or thinking: "I say letting
            // them …", "she argued that ruling out …")
            let opens_with_gerund = |i: usize| {
                let sr = self.stream.sents[toks[i].sent].range.clone();
                let opens_clause = i > sr.start && toks[i - 1].word && {
                    let prev = self.stream.norm(&toks[i - 1]);
                    prev == "that"
                        || (self.lex.clause_openers.contains(prev)
                            && !self.lex.conjunctions.contains(prev))
                };
                (sr.clone().find(|&j| toks[j].word) == Some(i) || opens_clause)
                    && self.stream.norm(&toks[i]).ends_with("ing")
            };
            let gerund_subject = match chain.last() {
                Some(&k) => opens_with_gerund(pd.cues[k].start),
                None => matches!(obj, Obj::Cue(_)) && opens_with_gerund(start),
            };
            // a rhetorical question outermost ("How many more … before someone orders
            // them to fire?") asserts what it governs, inner frames and conditions too
            let rhetorical = chain.len() > 1
                && chain
                    .last()
                    .and_then(|&k| self.frame(rt, &pd.cues[k]))
                    .is_some_and(|f| f.question);
            let mut order: Vec<(usize, bool)> =
                all.iter().copied().zip(neg.iter().copied()).collect();
            // "dismissed warnings that [X would lead to war]": when a "that" clause
            // separates the pre-frames from the object, the post frame belongs to the
            // clause and composes first.
            let post_inner = post.is_some()
                && chain.first().is_some_and(|&k| {
                    (pd.cues[k].start..start).any(|i| self.stream.norm(&toks[i]) == "that")
                });
            if post_inner && let Some(p) = order.pop() {
                order.insert(0, p);
            }
            for &(k, negated) in &order {
                let h = &pd.cues[k];
                let Some(f) = self.frame(rt, h) else { continue };
                v = match f.effect {
                    Effect::Assert => v,
                    Effect::Flip => -v,
                    // A fixed effect judges the object as written: "not shooting them
                    // down would be a mistake" supports.
                    Effect::Support if negated_object => -1.0,
                    Effect::Oppose if negated_object => 1.0,
                    // ... and so does a post frame over a gerund subject that opens
                    // the sentence: "ruling out a shootdown would be a gift to them"
                    Effect::Support if Some(k) == post && gerund_subject => v,
                    Effect::Oppose if Some(k) == post && gerund_subject => -v,
                    Effect::Support => 1.0,
                    Effect::Oppose => -1.0,
                };
                if negated {
                    v = -v;
                }
                weight = weight.max(f.weight);
                licensed |= f.license;
                let question_sent = self.stream.sents[toks[h.start].sent].question;
                let scoped = !rhetorical
                    && (pd.scope_of[h.start].is_some() || (question_sent && !f.question));
                if scoped && !opts.unscoped {
                    dropped = true;
                }
            }
            // "We will not fire at everything": a negator over an action on every
            // object leaves it for some ("calls to shoot down every drone are reckless"
            // stays a no).
            if v < 0.0
                && matches!(obj, Obj::Target(_))
                && (negated_object
                    || neg.iter().any(|&n| n)
                    || all.iter().any(|&k| {
                        let h = &pd.cues[k];
                        (h.start..h.end).any(|i| toks[i].neg)
                    }))
                && self.universal_object(start, end)
            {
                cond = Some(true);
            }
            if cond.is_some() {
                v = 0.0;
            }
            // Whose position is it? The outermost pre-frame (or the post frame).
            let holder_k = chain.last().copied().or(post);
            if self.held_by_other(rt, pd, win, sp, opts, holder_k) {
                dropped = true;
            }
            votes.push(Vote {
                value: v,
                weight: oweight * weight,
                cond,
                frames: all,
                object: obj,
                licensed,
                dropped,
            });
        }
        (votes, strong)
    }
}
