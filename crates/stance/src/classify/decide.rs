//! The decision: label, score and evidence from votes.

use super::matches::PackDoc;
use super::pack::PackRt;
use super::scores::{CONDITIONAL_LEAN_SCORE, STRONG_SCORE, WEAK_CONDITION_FACTOR, WEAK_SCORE};
use super::votes::{Obj, Vote};
use super::{DocView, span_of};
use stancemap_core::{Span, Stance};

/// The outcome for one statement and topic.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Decision {
    pub stance: Stance,
    pub score: f32,
    pub evidence: Vec<Span>,
    pub rule: String,
}

impl DocView<'_> {
    /// Label, score and evidence from votes.
    pub(super) fn decide(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        votes: &[Vote],
        strong: bool,
        near: bool,
        rule_prefix: Option<&str>,
    ) -> Option<Decision> {
        let counted: Vec<&Vote> = votes
            .iter()
            .filter(|v| !v.dropped && (strong || near || v.licensed))
            .collect();
        let (mut s, mut o, mut cs, mut cw) = (0.0f32, 0.0f32, 0usize, 0usize);
        for v in &counted {
            match v.cond {
                Some(true) => cs += 1,
                Some(false) => cw += 1,
                None if v.value > 0.0 => s += v.weight,
                None if v.value < 0.0 => o += v.weight,
                None => {}
            }
        }
        // "Drones will be shot down; manned jets will not": a yes and a no on targets
        // of the same statement split the action by case.
        let split = {
            let on_target = |sign: f32| {
                counted.iter().any(|v| {
                    v.cond.is_none() && matches!(v.object, Obj::Target(_)) && v.value * sign > 0.0
                })
            };
            on_target(1.0) && on_target(-1.0)
        };
        if split {
            cs += 1;
        }
        let base = if strong { STRONG_SCORE } else { WEAK_SCORE };
        let (stance, score) = if cs > 0 {
            let sc = if s > o {
                CONDITIONAL_LEAN_SCORE
            } else if o > s {
                -CONDITIONAL_LEAN_SCORE
            } else {
                0.0
            };
            (Stance::Conditional, sc)
        } else if s > o {
            (Stance::Support, base * (s - o) / (s + o))
        } else if o > s {
            (Stance::Oppose, -base * (o - s) / (s + o))
        } else if cw > 0 && s == 0.0 {
            (Stance::Conditional, 0.0)
        } else {
            return None;
        };
        let score = if cw > 0 && stance != Stance::Conditional {
            score * WEAK_CONDITION_FACTOR
        } else {
            score
        };
        let winning = |v: &&&Vote| match stance {
            Stance::Conditional => v.cond.is_some() || (split && v.value != 0.0),
            Stance::Support => v.cond.is_none() && v.value > 0.0,
            Stance::Oppose => v.cond.is_none() && v.value < 0.0,
        };
        let win: Vec<&&Vote> = counted.iter().filter(winning).collect();
        let toks = &self.stream.toks;
        let mut evidence: Vec<Span> = Vec::new();
        for v in &win {
            let (a, b) = match v.object {
                Obj::Target(i) => (pd.targets[i].start, pd.targets[i].end),
                Obj::Cue(i) => (pd.cues[i].start, pd.cues[i].end),
            };
            evidence.push(span_of(toks, a, b));
            for &k in &v.frames {
                evidence.push(span_of(toks, pd.cues[k].start, pd.cues[k].end));
            }
        }
        evidence.sort();
        evidence.dedup();
        let best = win.iter().max_by(|a, b| a.weight.total_cmp(&b.weight));
        let id = best.map_or("none".to_string(), |v| match v.frames.last() {
            Some(&k) if v.cond.is_none() => rt.cues[pd.cues[k].entry].id.clone(),
            _ => match v.object {
                Obj::Target(i) => rt.pack.targets[pd.targets[i].entry].id.clone(),
                Obj::Cue(i) => rt.cues[pd.cues[i].entry].id.clone(),
            },
        });
        let id = match rule_prefix {
            Some(p) => format!("{p}/{id}"),
            None => id,
        };
        Some(Decision {
            stance,
            score: score.clamp(-1.0, 1.0),
            evidence,
            rule: format!("stance/{}/{}/{}", rt.pack.id(), stance.as_str(), id),
        })
    }
}
