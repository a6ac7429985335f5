//! Alignment: "…, backed by X" gives X the stance of the clause before the cue.

use super::decide::Decision;
use super::matches::PackDoc;
use super::pack::PackRt;
use super::scores::ALIGNMENT_REACH;
use super::window::Mask;
use super::{DocView, span_of};
use stancemap_patterns::hits_in;

impl DocView<'_> {
    /// "…, backed by X": X takes the stance of the clause before the alignment cue.
    pub(super) fn aligned(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        on: &Mask,
        sents: &[usize],
    ) -> Option<Decision> {
        let toks = &self.stream.toks;
        let first = on.first()?;
        let sent = *sents.first()?;
        let sr = self.stream.sents[sent].range.clone();
        let clean = |a: usize, b: usize| {
            !self.boundary_between(pd, a, b)
                && hits_in(&pd.cues, a..b).next().is_none()
                && hits_in(&pd.targets, a..b).next().is_none()
        };
        let al = pd.alignments.iter().find(|al| {
            al.start >= sr.start
                && al.end <= sr.end
                && if al.start >= first {
                    on[al.start] && clean(first, al.start)
                } else {
                    al.end <= first
                        && self.words_between(pd, al.end, first) <= ALIGNMENT_REACH
                        && clean(al.end, first)
                }
        })?;
        let clause_start = (sr.start..al.start)
            .rev()
            .find(|&i| pd.hard[i])
            .map_or(sr.start, |i| i + 1);
        if clause_start >= al.start {
            return None;
        }
        let (votes, strong) = self.clause_votes(rt, pd, clause_start..al.start, false);
        let near = self.near(pd, &[sent]);
        self.decide(rt, pd, &votes, strong, near, Some("aligned"))
            .map(|mut d| {
                d.evidence.push(span_of(toks, al.start, al.end));
                d.evidence.sort();
                d
            })
    }
}
