//! Negation: which governing frames a negator negates, and universal objects under a negator.

use super::DocView;
use super::matches::PackDoc;
use super::scores::{FRAME_NEGATOR_REACH, SUBJECT_NEGATOR_REACH, UNIVERSAL_REACH};
use crate::stream::Tok;

impl DocView<'_> {
    /// For each frame of `chain` (inner first) and then `post`: is it negated?
    pub(super) fn negations(
        &self,
        pd: &PackDoc,
        chain: &[usize],
        post: Option<usize>,
        start: usize,
        end: usize,
    ) -> Vec<bool> {
        let toks = &self.stream.toks;
        let mut neg = vec![false; chain.len() + usize::from(post.is_some())];
        if let Some(&outer) = chain.last() {
            let sent_start = self.stream.sents[toks[start].sent].range.start;
            let from = pd.cues[outer]
                .start
                .saturating_sub(FRAME_NEGATOR_REACH)
                .max(sent_start);
            // "No pilot will …", "Nobody is going to …": a negative determiner or pronoun
            // that opens the subject negates the verb; it may stand a few words before it.
            // "Not a single pilot will …", "not one of our crews will …" too.
            let det_neg = |i: usize| {
                let n = |j: usize| toks.get(j).map_or("", |t| self.stream.norm(t));
                let not_one = n(i) == "not"
                    && (n(i + 1) == "one" || (n(i + 1) == "a" && n(i + 2) == "single"));
                // "Neither Oslo nor Bern wants …": the "nor" belongs to the subject
                (not_one || matches!(n(i), "no" | "nobody" | "nothing" | "neither" | "none"))
                    && (i + 1..pd.cues[outer].start)
                        .all(|j| toks[j].word && (!toks[j].neg || n(j) == "nor"))
            };
            let from_det = pd.cues[outer]
                .start
                .saturating_sub(SUBJECT_NEGATOR_REACH)
                .max(sent_start);
            // "Every country that borders it, and several that do not, should …": a
            // negator inside a parenthetical between commas negates nothing outside it.
            let parenthetical = |i: usize| {
                let comma = |j: usize| self.stream.norm(&toks[j]) == ",";
                let before = (sent_start..i).rev().find(|&j| comma(j));
                let after = (i + 1..start).any(comma);
                after
                    && before.is_some_and(|b| {
                        matches!(
                            self.stream.norm(&toks[b + 1]),
                            "and" | "or" | "as" | "which" | "who" | "that" | "like" | "unlike"
                        )
                    })
            };
            for i in from_det.min(from)..start {
                if !toks[i].neg || pd.consumed[i] || (i < from && !det_neg(i)) || parenthetical(i) {
                    continue;
                }
                if det_neg(i) {
                    let n = chain.len() - 1;
                    neg[n] = !neg[n];
                    continue;
                }
                // The chain element right after the negator.
                let next = chain
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| pd.cues[**k].start > i)
                    .min_by_key(|(_, k)| pd.cues[**k].start);
                // "did not call for", "has not yet called for": the negator is right
                // before the frame, or one auxiliary/adverb away.
                let close = |k: usize| {
                    let between: Vec<&Tok> = (i + 1..pd.cues[k].start)
                        .map(|j| &toks[j])
                        .filter(|t| t.word)
                        .collect();
                    between.is_empty()
                        || (between.len() == 1
                            && self.lex.skip.contains(self.stream.norm(between[0])))
                };
                match next {
                    Some((n, k)) if close(*k) => neg[n] = !neg[n],
                    _ => {
                        // The frame before it.
                        if let Some((n, _)) = chain
                            .iter()
                            .enumerate()
                            .filter(|(_, k)| pd.cues[**k].end <= i)
                            .max_by_key(|(_, k)| pd.cues[**k].end)
                        {
                            neg[n] = !neg[n];
                        }
                    }
                }
            }
        }
        if let Some(p) = post {
            let ps = pd.cues[p].start;
            let from = end.max(ps.saturating_sub(FRAME_NEGATOR_REACH));
            let count = toks[from.min(ps)..ps]
                .iter()
                .enumerate()
                .filter(|(k, t)| t.neg && !pd.consumed[from + k])
                .count();
            if count % 2 == 1 {
                let n = neg.len() - 1;
                neg[n] = !neg[n];
            }
        }
        neg
    }

    /// Does the object of the target at `start..end` carry a universal quantifier (inside
    /// the match or in the two words after it: "shoot down every drone")?
    pub(super) fn universal_object(&self, start: usize, end: usize) -> bool {
        let toks = &self.stream.toks;
        let sent = toks[start].sent;
        (start..(end + UNIVERSAL_REACH).min(toks.len()))
            .take_while(|&i| toks[i].sent == sent && toks[i].word)
            .any(|i| self.lex.universal.contains(self.stream.norm(&toks[i])))
    }
}
