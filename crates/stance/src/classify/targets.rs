//! Targets the patterns miss (goalless, definite anaphora, pro-forms) and small-clause judgments.

use super::DocView;
use super::pack::PackRt;
use super::scores::{OTHER_GOAL_REACH, POLICY_NOUN_REACH, SMALL_CLAUSE_REACH};
use stancemap_patterns::Hit;
use std::ops::Range;

impl DocView<'_> {
    /// A target that names a policy by a noun ("a reassurance force for Kyiv") is named
    /// again by that noun with a definite determiner later ("the force", "this
    /// force"): those become targets too.
    pub(super) fn definite_anaphora(&self, targets_of: &mut [Vec<Hit>]) {
        let toks = &self.stream.toks;
        let mut heads: Vec<(&str, usize, usize)> = Vec::new(); // (noun, entry, first end)
        for h in targets_of.iter().flatten() {
            // the policy noun of the match ("a multinational force for Kyiv") or of a
            // phrase right after it ("send troops to Kyiv as part of a joint force"),
            // not a noun an action takes ("use of force against")
            let sent_end = self.stream.sents[toks[h.start].sent].range.end;
            let after = (h.end..(h.end + POLICY_NOUN_REACH).min(sent_end))
                .take_while(|&i| toks[i].word)
                .last()
                .map_or(h.end, |i| i + 1);
            let head = (h.start..after).find(|&i| {
                self.lex.policy_nouns.contains(self.stream.norm(&toks[i]))
                    && !(i > h.start
                        && matches!(self.stream.norm(&toks[i - 1]), "of" | "use" | "by"))
            });
            let Some(head) = head else { continue };
            let noun = self.stream.norm(&toks[head]);
            if !heads.iter().any(|x| x.0 == noun) {
                heads.push((noun, h.entry, h.end));
            }
        }
        if heads.is_empty() {
            return;
        }
        for (si, s) in self.stream.sents.iter().enumerate() {
            let mut added = Vec::new();
            for i in s.range.start + 1..s.range.end {
                let Some(&(_, entry, from)) =
                    heads.iter().find(|x| x.0 == self.stream.norm(&toks[i]))
                else {
                    continue;
                };
                let det = matches!(
                    self.stream.norm(&toks[i - 1]),
                    "the" | "this" | "that" | "such"
                );
                let inside = targets_of[si].iter().any(|h| h.start <= i && i < h.end);
                if det && i > from && !inside {
                    added.push(Hit {
                        start: i - 1,
                        end: i + 1,
                        entry,
                    });
                }
            }
            if !added.is_empty() {
                targets_of[si].extend(added);
                targets_of[si].sort_by_key(|h| h.start);
            }
        }
    }

    /// "Madrid would consider sending personnel only under a UN mandate": once the
    /// document has named a target whole with a named goal ("send troops to Kyiv"), the
    /// same action without its goal names it again, unless another goal follows it
    /// ("… personnel to the Baltic states").
    pub(super) fn goalless_targets(&self, rt: &PackRt, targets_of: &mut [Vec<Hit>]) {
        let toks = &self.stream.toks;
        let norm = |i: usize| toks.get(i).map_or("", |t| self.stream.norm(t));
        // (entry, token) of each whole target that ends on a name
        let named: Vec<(usize, usize)> = targets_of
            .iter()
            .flatten()
            .filter(|h| toks[h.end - 1].cap)
            .map(|h| (h.entry, h.start))
            .collect();
        let Some(&(_, first)) = named.first() else {
            return;
        };
        let from = toks[first].sent;
        for (s, targets) in self
            .stream
            .sents
            .iter()
            .zip(targets_of.iter_mut())
            .skip(from)
        {
            let mut added = Vec::new();
            for h in rt.m.goalless.scan(toks, s.range.clone()) {
                let given = named.iter().any(|&(e, at)| e == h.entry && at < h.start);
                let taken = targets.iter().any(|t| t.start < h.end && h.start < t.end);
                // another goal right after: a relator, maybe "the", then a name
                let other_goal = (h.end..(h.end + OTHER_GOAL_REACH).min(s.range.end)).any(|i| {
                    self.lex.goal_relators.contains(norm(i))
                        && toks[i + 1..s.range.end]
                            .iter()
                            .find(|t| !self.lex.determiners.contains(self.stream.norm(t)))
                            .is_some_and(|t| t.cap)
                });
                let compound = toks
                    .get(h.end)
                    .is_some_and(|t| self.lex.compound_heads.contains(self.stream.norm(t)));
                if given && !(taken || other_goal || compound) {
                    added.push(h);
                }
            }
            if !added.is_empty() {
                targets.extend(added);
                targets.sort_by_key(|h| h.start);
            }
        }
    }

    /// "X called the shootdown over the bay a mistake", "deemed the decision to fire
    /// fully justified": a target between a verb of calling and an evaluative word is
    /// judged by that word as by "is" ("the shootdown is a mistake"). Returns the
    /// evaluations as hits of the evaluation frames.
    pub(super) fn small_clauses(
        &self,
        rt: &PackRt,
        targets: &[Hit],
        cues: &[Hit],
        r: Range<usize>,
    ) -> Vec<Hit> {
        let Some((good, bad)) = rt.judge else {
            return Vec::new();
        };
        let toks = &self.stream.toks;
        let norm = |i: usize| self.stream.norm(&toks[i]);
        let mut out = Vec::new();
        for h in targets {
            // the verb of calling, up to four words before the target ("called the
            // decision to open fire …")
            let called = (h.start.saturating_sub(SMALL_CLAUSE_REACH).max(r.start)..h.start)
                .rev()
                .take_while(|&i| toks[i].word && !toks[i].neg)
                .any(|i| self.lex.calling_verbs.contains(norm(i)));
            if !called {
                continue;
            }
            // the evaluation: after a place phrase, "as", articles and adverbs
            let mut j = h.end;
            let mut words = 0;
            while j < r.end && toks[j].word && !toks[j].neg && words < SMALL_CLAUSE_REACH + 2 {
                let t = &toks[j];
                if t.val.abs() >= stancemap_patterns::VALENCE_MIN {
                    if !cues.iter().any(|c| c.start <= j && j < c.end) {
                        let entry = if t.val > 0 { good } else { bad };
                        out.push(Hit {
                            start: j,
                            end: j + 1,
                            entry,
                        });
                    }
                    break;
                }
                words += 1;
                j += 1;
            }
        }
        out
    }

    /// "… while Lithuania said pilots should be free to do so", "Bulgaria is ready to do
    /// the same", "… warned against it": a pro-form right after a target of its own or
    /// the previous sentence stands for that target.
    pub(super) fn elided_targets(&self, targets_of: &mut [Vec<Hit>]) {
        let toks = &self.stream.toks;
        let n = |i: usize| toks.get(i).map_or("", |t| self.stream.norm(t));
        for si in 0..targets_of.len() {
            if targets_of[si].is_empty() && (si == 0 || targets_of[si - 1].is_empty()) {
                continue;
            }
            let earlier = |i: usize| -> Option<usize> {
                targets_of[si]
                    .iter()
                    .filter(|h| h.end <= i)
                    .chain(si.checked_sub(1).map_or(&[][..], |p| &targets_of[p][..]))
                    .map(|h| h.entry)
                    .next()
            };
            let mut added = Vec::new();
            for i in self.stream.sents[si].range.clone() {
                // (offset of the pro-form, its length): "against it" is the frame's
                // preposition and the pro-form "it"
                let (off, len) = match (n(i), n(i + 1), n(i + 2)) {
                    ("do" | "doing" | "did" | "does", "so", _) => (0, 2),
                    ("do" | "doing" | "did" | "does", "the", "same") => (0, 3),
                    ("against", "it" | "that", x) if !x.is_empty() && !toks[i + 2].word => (1, 1),
                    // "voted for it", not "will not apologise for it"
                    ("for", "it" | "that", x)
                        if !x.is_empty()
                            && !toks[i + 2].word
                            && i > 0
                            && self.lex.advocacy_verbs.contains(n(i - 1)) =>
                    {
                        (1, 1)
                    }
                    _ => continue,
                };
                if let Some(entry) = earlier(i) {
                    added.push(Hit {
                        start: i + off,
                        end: i + off + len,
                        entry,
                    });
                }
            }
            if !added.is_empty() {
                targets_of[si].extend(added);
                targets_of[si].sort_by_key(|h| h.start);
            }
        }
    }
}
