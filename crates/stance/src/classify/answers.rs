//! Answers: a yes or no ("Absolutely.") takes its stance from the question it answers.

use super::decide::Decision;
use super::matches::PackDoc;
use super::pack::PackRt;
use super::scores::ANSWER_SCORE;
use super::votes::Vote;
use super::window::Mask;
use super::{DocView, span_of};
use stancemap_core::Stance;
use stancemap_patterns::{Hit, hits_in};
use std::ops::Range;

impl DocView<'_> {
    /// The span of a reported yes/no question with a target in `range` ("asked whether
    /// pilots should fire on the drones"): a `whether` scope, to its end.
    fn reported_question(&self, pd: &PackDoc, range: Range<usize>) -> Option<Range<usize>> {
        hits_in(&pd.scopes, range.clone())
            .filter(|(_, q)| {
                self.lex
                    .scopes
                    .get(q.entry)
                    .is_some_and(|e| e.id == "whether")
            })
            .map(|(_, q)| q.start..scope_end(pd, q, range.end))
            .find(|r| hits_in(&pd.targets, r.clone()).next().is_some())
    }

    /// "When asked if he backed X, he responded: Yes, I do."
    pub(super) fn answer(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        on: &Mask,
        sents: &[usize],
    ) -> Option<Decision> {
        let toks = &self.stream.toks;
        for (_, a) in hits_in(&pd.answers, on.range()).filter(|(_, a)| on[a.start]) {
            let sent = toks[a.start].sent;
            let sr = self.stream.sents[sent].range.clone();
            let initial = a.start == sr.start || {
                let p = &toks[a.start - 1];
                !p.word || self.lex.answer_leads.contains(self.stream.norm(p))
            };
            if !initial {
                continue;
            }
            // The question: a scope of the same sentence before the answer, or the
            // previous sentence if it asks.
            let mut region: Option<Range<usize>> = None;
            for (_, q) in hits_in(&pd.scopes, sr.start..a.start).filter(|(_, q)| q.end <= a.start) {
                let end = scope_end(pd, q, a.start);
                if hits_in(&pd.targets, q.start..end).next().is_some() {
                    region = Some(q.start..end);
                }
            }
            // "'Absolutely,' she said when asked whether …": a short answer that opens
            // the sentence, and the question after it.
            if region.is_none() && a.start == sr.start {
                for (_, q) in hits_in(&pd.scopes, a.end..sr.end).filter(|(_, q)| q.end <= sr.end) {
                    let end = scope_end(pd, q, sr.end);
                    let between_free = hits_in(&pd.targets, a.end..q.start)
                        .chain(hits_in(&pd.cues, a.end..q.start))
                        .next()
                        .is_none();
                    if between_free && hits_in(&pd.targets, q.start..end).next().is_some() {
                        region = Some(q.start..end);
                        break;
                    }
                }
            }
            if region.is_none() && sent > 0 && sents.first() == Some(&sent) {
                let prev = &self.stream.sents[sent - 1];
                if prev.para == self.stream.sents[sent].para
                    && pd.target_sents.contains(&(sent - 1))
                {
                    region = if prev.question {
                        Some(prev.range.clone())
                    } else {
                        // a reported question: "X was asked whether pilots should fire
                        // on the drones. His answer was short: 'Yes.'"
                        self.reported_question(pd, prev.range.clone())
                    };
                }
            }
            let Some(region) = region else { continue };
            let (votes, _) = self.clause_votes(rt, pd, region.clone(), true);
            // Only a question about a position ("if he backed …", "whether we should …")
            // is answered with a stance; "asked if the navy had shot down drones" asks
            // about an event.
            let framed: Vec<&Vote> = votes
                .iter()
                .filter(|v| v.cond.is_none() && !v.frames.is_empty())
                .collect();
            if framed.is_empty() {
                continue;
            }
            let inner: f32 = framed.iter().map(|v| v.value * v.weight).sum();
            let inner = if inner < 0.0 { -1.0 } else { 1.0 };
            let sign = self.lex.answers[a.entry].0 * inner;
            let stance = if sign > 0.0 {
                Stance::Support
            } else {
                Stance::Oppose
            };
            let mut evidence = vec![span_of(toks, a.start, a.end)];
            evidence.extend(
                hits_in(&pd.targets, region.clone()).map(|(_, t)| span_of(toks, t.start, t.end)),
            );
            evidence.sort();
            return Some(Decision {
                stance,
                score: ANSWER_SCORE * sign,
                evidence,
                rule: format!(
                    "stance/{}/{}/answer-{}",
                    rt.pack.id(),
                    stance.as_str(),
                    self.lex.answers[a.entry].1.id
                ),
            });
        }
        None
    }
}

/// Where the scope opened by `q` ends, looking no further than `limit`.
fn scope_end(pd: &PackDoc, q: &Hit, limit: usize) -> usize {
    let qi = pd.scope_of[q.start];
    (q.start..limit)
        .take_while(|&i| pd.scope_of[i] == qi)
        .last()
        .map_or(q.end, |i| i + 1)
}
