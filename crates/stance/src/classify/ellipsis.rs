//! Elliptical clauses: echoed positions ("B and C do not") and exceptions ("stray ones will not").

use super::DocView;
use super::decide::Decision;
use super::matches::PackDoc;
use super::pack::PackRt;
use super::scores::ELLIPTIC_SUBJECT_WORDS;
use super::subjects::Speaker;
use super::votes::{Obj, Vote};
use super::window::Mask;
use stancemap_core::Stance;

impl DocView<'_> {
    /// "A wants the drones shot down; B and C do not.": a speaker who is the subject of
    /// an elliptical clause after a semicolon or a contrast takes the position of the
    /// clause before it, denied when the ellipsis is negated.
    pub(super) fn ellipsis(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        on: &Mask,
        speaker: &Speaker,
    ) -> Option<Decision> {
        let toks = &self.stream.toks;
        let is_speaker = |i: usize| speaker.spans.iter().any(|s| s.overlaps(toks[i].span));
        let in_mention =
            |i: usize| is_speaker(i) || speaker.others.iter().any(|s| s.overlaps(toks[i].span));
        let s = on.range().find(|&i| on[i] && is_speaker(i))?;
        let sent = toks[s].sent;
        let sr = self.stream.sents[sent].range.clone();
        let norm = |i: usize| self.stream.norm(&toks[i]);
        // back over the coordinated subjects to the opener
        let mut b = s;
        while b > sr.start
            && (in_mention(b - 1)
                || matches!(norm(b - 1), "and" | "the")
                || (norm(b - 1) == "," && b > sr.start + 1 && in_mention(b - 2)))
        {
            b -= 1;
        }
        let clause_end = match b.checked_sub(1).map(norm) {
            Some(";") => b - 1,
            Some("but" | "while" | "whereas") if b >= 2 && norm(b - 2) == "," => b - 2,
            _ => return None,
        };
        // the speaker holds the first clause too: no one else's position to echo
        if (sr.start..clause_end).any(is_speaker) {
            return None;
        }
        // forward over the subjects to the auxiliary, its negation and the clause end
        let mut e = s;
        while e < sr.end && (in_mention(e) || matches!(norm(e), "and" | "," | "the")) {
            e += 1;
        }
        // (an auxiliary: the words skipped between a subject and its verb)
        if e >= sr.end || !self.lex.skip.contains(norm(e)) {
            return None;
        }
        e += 1;
        let negated = e < sr.end && toks[e].neg;
        if negated {
            e += 1;
        }
        if e < sr.end && matches!(norm(e), "too" | "either") {
            e += 1;
        }
        if e < sr.end && !matches!(norm(e), "." | ";" | "!") {
            return None;
        }
        let (votes, strong) = self.clause_votes(rt, pd, sr.start..clause_end, false);
        let near = self.near(pd, &[sent]);
        let mut d = self.decide(rt, pd, &votes, strong, near, Some("ellipsis"))?;
        if negated {
            d.stance = match d.stance {
                Stance::Support => Stance::Oppose,
                Stance::Oppose => Stance::Support,
                Stance::Conditional => return None,
            };
            d.score = -d.score;
        }
        Some(d)
    }

    /// "Armed drones will be shot down; stray ones will not": a negated elliptical clause
    /// after a target's clause, its subject a noun phrase that names no actor, excepts some
    /// objects from the action. It votes against the last target voted on before it, so
    /// the two clauses together make the position conditional.
    pub(super) fn negated_ellipsis(
        &self,
        on: &Mask,
        speaker: &Speaker,
        votes: &mut Vec<Vote>,
        pd: &PackDoc,
    ) {
        let toks = &self.stream.toks;
        let norm = |i: usize| self.stream.norm(&toks[i]);
        let mention = |i: usize| {
            speaker
                .spans
                .iter()
                .chain(&speaker.others)
                .any(|s| s.overlaps(toks[i].span))
        };
        let end = on.range().end;
        for i in on.range() {
            // the clause opener, then a subject of one to eight words, an auxiliary, the
            // negator and the clause's end
            if !on[i] || !matches!(norm(i), ";" | ",") {
                continue;
            }
            let mut b = i + 1;
            if b < end && matches!(norm(b), "but" | "while" | "whereas") {
                b += 1;
            }
            let mut e = b;
            while e < end
                && e - b < ELLIPTIC_SUBJECT_WORDS
                && toks[e].word
                && !toks[e].neg
                && !self.lex.skip.contains(norm(e))
                && !self.lex.first_person.contains(norm(e))
                && !self.lex.third_person.contains(norm(e))
                && !self.lex.neutral_pronouns.contains(norm(e))
                && !mention(e)
            {
                e += 1;
            }
            let elliptic = e > b
                && e + 1 < end
                && toks[e].sent == toks[i].sent
                && self.lex.skip.contains(norm(e))
                && toks[e + 1].neg
                && (e + 2 >= end || matches!(norm(e + 2), "." | ";" | "!" | ","));
            if !elliptic {
                continue;
            }
            let last = votes
                .iter()
                .filter(|v| {
                    !v.dropped
                        && v.value != 0.0
                        && matches!(v.object, Obj::Target(t) if pd.targets[t].end <= i)
                })
                .max_by_key(|v| match v.object {
                    Obj::Target(t) => pd.targets[t].end,
                    Obj::Cue(_) => 0,
                })
                .cloned();
            if let Some(v) = last {
                votes.push(Vote {
                    value: -v.value,
                    ..v
                });
            }
            return;
        }
    }
}
