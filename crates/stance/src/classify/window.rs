//! The statement's window ([`Mask`], [`Window`]): its sentences and its narrowing to one clause.

use super::DocView;
use super::matches::PackDoc;
use super::subjects::Speaker;
use stancemap_patterns::Hit;
use std::ops::Range;

/// A set of stream positions within a bounded range (a statement's tokens), so that
/// classifying a statement costs in proportion to its length, not the document's.
#[derive(Clone, Debug, Default)]
pub(crate) struct Mask {
    lo: usize,
    bits: Vec<bool>,
}

const TRUE: bool = true;
const FALSE: bool = false;

impl Mask {
    /// The positions of some ranges.
    pub(crate) fn from_ranges(ranges: &[Range<usize>]) -> Mask {
        let ranges: Vec<&Range<usize>> = ranges.iter().filter(|r| r.start < r.end).collect();
        let (Some(lo), Some(hi)) = (
            ranges.iter().map(|r| r.start).min(),
            ranges.iter().map(|r| r.end).max(),
        ) else {
            return Mask::default();
        };
        let mut bits = vec![false; hi - lo];
        for r in ranges {
            bits[r.start - lo..r.end - lo]
                .iter_mut()
                .for_each(|b| *b = true);
        }
        Mask { lo, bits }
    }

    /// The positions of one range.
    pub(super) fn of(r: Range<usize>) -> Mask {
        Mask::from_ranges(std::slice::from_ref(&r))
    }

    /// The bounding range.
    pub(super) fn range(&self) -> Range<usize> {
        self.lo..self.lo + self.bits.len()
    }

    /// Removes the positions of a range.
    pub(super) fn clear(&mut self, r: Range<usize>) {
        let a = r.start.clamp(self.lo, self.lo + self.bits.len()) - self.lo;
        let b = r.end.clamp(self.lo, self.lo + self.bits.len()) - self.lo;
        if a < b {
            self.bits[a..b].iter_mut().for_each(|x| *x = false);
        }
    }

    /// The first position.
    pub(super) fn first(&self) -> Option<usize> {
        self.bits.iter().position(|&b| b).map(|i| i + self.lo)
    }
}

impl std::ops::Index<usize> for Mask {
    type Output = bool;
    fn index(&self, i: usize) -> &bool {
        let hit = i >= self.lo && self.bits.get(i - self.lo).copied().unwrap_or(false);
        if hit { &TRUE } else { &FALSE }
    }
}

/// The statement being classified: stream tokens in scope and the reporting cue.
pub(crate) struct Window {
    pub on: Mask,
    pub cue: Option<Range<usize>>,
    /// The topic being classified is the only one active in the document.
    pub sole_topic: bool,
}

impl DocView<'_> {
    pub(super) fn sentences_of(&self, on: &Mask) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for i in on.range() {
            let sent = self.stream.toks[i].sent;
            if on[i] && out.last() != Some(&sent) {
                out.push(sent);
            }
        }
        out
    }

    /// A target in a sentence of the statement or in the sentence before it (same
    /// paragraph).
    pub(super) fn near(&self, pd: &PackDoc, sents: &[usize]) -> bool {
        sents.iter().any(|&s| {
            pd.target_sents.contains(&s)
                || (s > 0
                    && pd.target_sents.contains(&(s - 1))
                    && self.stream.sents[s - 1].para == self.stream.sents[s].para)
        })
    }

    /// In a sentence where the speaker (or the reporting cue) stands in one clause of a
    /// contrast ("A warned against X, while B is open to Y"), keep only that clause.
    pub(super) fn restrict_contrast(
        &self,
        pd: &PackDoc,
        on: &mut Mask,
        win: &Window,
        speaker: &Speaker,
    ) {
        let toks = &self.stream.toks;
        let anchor = win
            .cue
            .as_ref()
            .map(|r| r.start)
            .filter(|&i| on[i])
            .or_else(|| {
                on.range()
                    .find(|&i| on[i] && speaker.spans.iter().any(|s| s.overlaps(toks[i].span)))
            });
        let Some(a) = anchor else { return };
        let sr = self.stream.sents[toks[a].sent].range.clone();
        // "not X but Y" corrects X within one holder's claim: no split there
        // … and "X, but not Y" / "X, but only if Y" limits X: one claim, one holder
        let corrective = |c: &&Hit| {
            self.stream.norm(&toks[c.start]) == "but"
                && c.start > sr.start
                && ((self.stream.norm(&toks[c.start - 1]) != ","
                    && (sr.start..c.start).any(|i| toks[i].neg))
                    || toks
                        .get(c.end)
                        .is_some_and(|t| t.neg || self.stream.norm(t) == "only"))
        };
        let before = pd
            .contrasts
            .iter()
            .filter(|c| !corrective(c))
            .filter(|c| c.end <= a && c.start >= sr.start)
            .map(|c| c.end)
            .max();
        // "X said A but warned that B": a verb right after the marker shares the
        // speaker's subject, so the clause after it is the speaker's too
        let same_subject = |c: &&Hit| {
            toks.get(c.end).is_some_and(|t| {
                t.word && !t.cap && {
                    let n = self.stream.norm(t);
                    n.ends_with("ed") || pd.cues.iter().any(|h| h.start == c.end)
                }
            })
        };
        let after = pd
            .contrasts
            .iter()
            .filter(|c| !corrective(c) && !same_subject(c))
            .filter(|c| c.start > a && c.end <= sr.end)
            .map(|c| c.start)
            .min();
        if let Some(b) = before {
            on.clear(sr.start..b);
        }
        if let Some(e) = after {
            on.clear(e..sr.end);
        }
    }
}
