//! Frames with a fixed effect voting by themselves when nothing is there for them to govern.

use super::decide::Decision;
use super::matches::PackDoc;
use super::pack::PackRt;
use super::scores::{FRAME_NEGATOR_REACH, VERDICT_ALONE_SCORE};
use super::window::{Mask, Window};
use super::{DocView, span_of};
use crate::lexicon::Effect;
use stancemap_core::Stance;
use stancemap_patterns::hits_in;

impl DocView<'_> {
    /// Frames with a fixed effect (they oppose or support whatever they govern) in a
    /// statement that has nothing for them to govern: they vote by themselves when they
    /// are a posture of their own (`alone`: "urged restraint", "keep cool heads") next to
    /// a target or in a document about this topic alone, or when the words stand before
    /// an inverted cue whose speaker clause names the action ("'A grave mistake,' X said
    /// of calls to fire on …", "'We must keep cool heads,' X said as allies debated
    /// whether to shoot down …").
    pub(super) fn verdict_alone(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        on: &Mask,
        win: &Window,
        near: bool,
    ) -> Option<Decision> {
        let toks = &self.stream.toks;
        let first = on.first()?;
        let adjunct_target = self.adjunct_target(pd, on, win, first);
        let mut value = 0.0f32;
        let mut evidence = Vec::new();
        for (_, h) in hits_in(&pd.cues, on.range()).filter(|(_, h)| on[h.start]) {
            let Some(f) = self.frame(rt, h) else { continue };
            if !(f.alone && (near || win.sole_topic)) && adjunct_target.is_none() {
                continue;
            }
            let v = match f.effect {
                Effect::Support => 1.0,
                Effect::Oppose => -1.0,
                Effect::Assert | Effect::Flip => continue,
            };
            let sent_start = self.stream.sents[toks[h.start].sent].range.start;
            let negated = (h.start.saturating_sub(FRAME_NEGATOR_REACH).max(sent_start)..h.end)
                .any(|i| toks[i].neg);
            value += if negated { -v } else { v };
            evidence.push(span_of(toks, h.start, h.end));
        }
        if value == 0.0 {
            return None;
        }
        evidence.extend(adjunct_target.map(|(a, b)| span_of(toks, a, b)));
        evidence.sort();
        let stance = if value > 0.0 {
            Stance::Support
        } else {
            Stance::Oppose
        };
        Some(Decision {
            stance,
            score: VERDICT_ALONE_SCORE * value.signum(),
            evidence,
            rule: format!("stance/{}/{}/verdict-alone", rt.pack.id(), stance.as_str()),
        })
    }

    /// The target named after an inverted cue in the speaker clause, when the statement's
    /// words all stand before that cue in the same sentence.
    fn adjunct_target(
        &self,
        pd: &PackDoc,
        on: &Mask,
        win: &Window,
        first: usize,
    ) -> Option<(usize, usize)> {
        let toks = &self.stream.toks;
        let cue = win.cue.as_ref()?;
        let sent = toks[cue.start].sent;
        // the words stand before the cue (which is in the mask), nothing after it
        if first >= cue.start
            || toks[first].sent != sent
            || (cue.end..on.range().end).any(|i| on[i])
        {
            return None;
        }
        let sr = self.stream.sents[sent].range.clone();
        hits_in(&pd.targets, cue.end..sr.end)
            .next()
            .map(|(_, t)| (t.start, t.end))
    }
}
