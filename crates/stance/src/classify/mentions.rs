//! Mentions: words the speaker quotes or reports from others, and the speaker's verdict on them.

use super::DocView;
use super::matches::PackDoc;
use super::votes::{Obj, Vote};
use super::window::{Mask, Window};

impl DocView<'_> {
    /// Words the speaker quotes or reports from others ("'Shoot them down,' they say.",
    /// "I keep hearing that …"): what they contain is not the speaker's position. A
    /// verdict after the mention, in its sentence or the next, says what the speaker
    /// makes of it: a dismissal ("Easy to say …", "It is wrong.") inverts the mention's
    /// votes, an endorsement ("They are right.") keeps them; with none they go.
    pub(super) fn mentions(&self, pd: &PackDoc, on: &Mask, win: &Window, votes: &mut Vec<Vote>) {
        if votes.is_empty() {
            return;
        }
        let toks = &self.stream.toks;
        let r = on.range();
        let mentions = self.layers.mentions.scan(toks, r.clone());
        if mentions.is_empty() {
            return;
        }
        let verdicts = self.layers.verdicts.scan(toks, r);
        let cue = win.cue.clone().unwrap_or(0..0);
        let pos = |v: &Vote| match v.object {
            Obj::Target(t) => pd.targets[t].start,
            Obj::Cue(c) => pd.cues[c].start,
        };
        let first = on.range().find(|&i| on[i] && toks[i].word);
        for m in &mentions {
            // the statement's own reporting cue is no mention, nor are others who open
            // the statement ("Critics say …" is the critics' statement); "I keep hearing
            // that …" and "Those who say …" are
            let opens = Some(m.start) == first
                && !self
                    .lex
                    .first_person
                    .contains(self.stream.norm(&toks[m.start]))
                && toks
                    .get(m.start + 1)
                    .is_none_or(|t| self.stream.norm(t) != "who");
            if !on[m.start] || opens || (m.start < cue.end && cue.start < m.end) {
                continue;
            }
            let sent = toks[m.start].sent;
            let sr = self.stream.sents[sent].range.clone();
            // a closing "…, they say." mentions its sentence up to it; an opening one
            // ("I keep hearing that …") its clause after it
            let tail = (m.end..sr.end).all(|i| !toks[i].word);
            let region = if tail {
                sr.start..m.start
            } else {
                let end = pd
                    .contrasts
                    .iter()
                    .find(|c| c.start >= m.end && c.start < sr.end)
                    .map_or(sr.end, |c| c.start);
                m.end..end
            };
            // the verdict follows the mention and everything it contains ("Those who
            // demand that we fire have never …"); what follows the verdict is not mentioned
            let last = votes
                .iter()
                .map(pos)
                .filter(|p| region.contains(p))
                .max()
                .unwrap_or(m.start);
            let verdict = verdicts.iter().find(|v| {
                on[v.start] && v.start >= m.end && v.start > last && toks[v.start].sent <= sent + 1
            });
            let region = match verdict {
                Some(v) if !tail => region.start..region.end.min(v.start),
                _ => region,
            };
            let sign = verdict.map(|v| self.lex.verdicts[v.entry].0);
            votes.retain_mut(|v| {
                if !region.contains(&pos(v)) {
                    return true;
                }
                // a verdict makes the mentioned position the speaker's, inverted or not
                match sign {
                    Some(s) => {
                        v.value *= s;
                        v.dropped = false;
                        true
                    }
                    None => false,
                }
            });
        }
    }
}
