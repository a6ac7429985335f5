//! Votes on the item under debate: "we will vote for this amendment", "my group will
//! support the draft resolution", "the club will vote against this bill".
//!
//! A chamber debates an item (a bill, an amendment, a motion, a draft resolution) whose
//! content someone sets out ("The draft amendment before the House allows commanders to
//! …"). When the stance stage found a position on a topic in such a description — the
//! first sentence where a definite item noun is followed closely by a verb of content
//! ("allows", "permits", "gives", "requires") — that position is the item's lean on the
//! topic. A vote for a definite item ("this amendment", "the Government's bill", "the
//! part of this bill that …") then takes that lean, a vote against it the opposite,
//! and a negated vote ("will not support the motion") flips it. Indefinite items ("an
//! amendment that …") are new items and neither set nor take the lean.
//!
//! The words are data (`[items]` in `data/turns.toml`). Runs after stance; the per-actor
//! summaries are recomputed through the aggregation function it is given.
//!
//! The same stage gives a speaker the position of their own party, group or delegation
//! when their turn reports it ("My party has argued that …"): the speaker's statement of
//! that sentence takes the stances of the party's statement.

use crate::data::TurnData;
use stancemap_core::{Document, Error, Layer, Span, Stage, Stance, StanceSummary, StatementStance};
use std::sync::Arc;

/// Recomputes the per-actor stance summaries of a document (the stance crate's
/// `aggregate`), so that this crate depends on `core` only.
pub type Aggregate = Arc<dyn Fn(&Document) -> Vec<StanceSummary> + Send + Sync>;

/// Rule id of the stances added here.
pub const ITEM_VOTE_RULE: &str = "turns/item-vote";

/// The stage (see the module documentation).
#[derive(Clone)]
pub struct ItemVotes {
    data: Arc<TurnData>,
    aggregate: Option<Aggregate>,
}

impl std::fmt::Debug for ItemVotes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ItemVotes")
            .field("aggregate", &self.aggregate.is_some())
            .finish()
    }
}

impl Default for ItemVotes {
    fn default() -> ItemVotes {
        ItemVotes {
            data: TurnData::embedded(),
            aggregate: None,
        }
    }
}

/// Lower-case words of a text with their byte ranges (letters, digits, apostrophes).
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let w = c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-';
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((a, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((a, s.len()));
    }
    out
}

/// Sentence-internal punctuation that closes the noun phrase after a vote.
fn clause_break(s: &str) -> bool {
    s.contains([
        ',', ';', ':', '.', '?', '!', '(', ')', '\u{2013}', '\u{2014}',
    ])
}

impl ItemVotes {
    /// A stage over a lexicon, recomputing summaries with `aggregate`.
    pub fn new(data: Arc<TurnData>, aggregate: Aggregate) -> ItemVotes {
        ItemVotes {
            data,
            aggregate: Some(aggregate),
        }
    }

    /// Sets the aggregation function.
    pub fn aggregate(&mut self, f: Aggregate) -> &mut ItemVotes {
        self.aggregate = Some(f);
        self
    }

    /// The word index of a definite item noun within `reach` words after word `from`
    /// ("this amendment", "the Government's draft resolution"), with no clause break
    /// before it.
    fn definite_item(
        &self,
        low: &str,
        ws: &[(usize, usize)],
        from: usize,
        reach: usize,
    ) -> Option<usize> {
        let mut definite = false;
        for k in from..ws.len().min(from + reach + 1) {
            if k > from && clause_break(&low[ws[k - 1].1..ws[k].0]) {
                return None;
            }
            let w = &low[ws[k].0..ws[k].1];
            if matches!(w, "a" | "an" | "any" | "another") {
                definite = false;
            }
            if matches!(
                w,
                "the" | "this" | "that" | "these" | "our" | "their" | "its"
            ) || w.ends_with("'s")
                || w.ends_with("\u{2019}s")
            {
                definite = true;
            }
            if self.data.item_nouns.contains(w) {
                return definite.then_some(k);
            }
        }
        None
    }

    /// The item lean per topic: the stance found in the first sentence describing a
    /// definite item's content.
    fn leans(&self, doc: &Document) -> Vec<(String, Stance)> {
        let mut out: Vec<(String, Stance)> = Vec::new();
        // No token is an item noun: no sentence describes an item (a word of the scan
        // below that is an item noun is a token of its own).
        if !doc.tokens.is_empty()
            && !doc
                .tokens
                .iter()
                .any(|t| self.data.item_nouns.contains(doc.word(t.norm)))
        {
            return out;
        }
        for sent in &doc.sentences {
            let low = doc.slice(sent.span).to_lowercase();
            if low.len() != sent.span.len() {
                continue;
            }
            let ws = words(&low);
            let describes = (0..ws.len()).any(|k| {
                self.definite_item(&low, &ws, k, 3).is_some_and(|n| {
                    ws[n + 1..]
                        .iter()
                        .take(6)
                        .any(|&(a, b)| self.data.item_content.contains(&low[a..b]))
                })
            });
            if !describes {
                continue;
            }
            for st in &doc.statements {
                if !st.span.overlaps(sent.span) {
                    continue;
                }
                for ss in &st.stances {
                    if matches!(ss.stance, Stance::Support | Stance::Oppose)
                        && !out.iter().any(|(t, _)| *t == ss.topic)
                        && ss.rule != ITEM_VOTE_RULE
                    {
                        out.push((ss.topic.clone(), ss.stance));
                    }
                }
            }
        }
        out
    }

    /// Adds the vote stances; true when one was added.
    fn apply(&self, doc: &mut Document) -> bool {
        let leans = self.leans(doc);
        if leans.is_empty() {
            return false;
        }
        let mut votes: Vec<(Span, bool)> = Vec::new();
        for sent in &doc.sentences {
            let low = doc.slice(sent.span).to_lowercase();
            if low.len() != sent.span.len() {
                continue;
            }
            let ws = words(&low);
            let mut k = 0;
            while k < ws.len() {
                let w = &low[ws[k].0..ws[k].1];
                let two = ws.get(k + 1).map(|&(_, b)| &low[ws[k].0..b]).filter(|p| {
                    self.data.item_for.contains(*p) || self.data.item_against.contains(*p)
                });
                let (phrase, len) = match two {
                    Some(p) => (p, 2),
                    None => (w, 1),
                };
                let pro = self.data.item_for.contains(phrase);
                let contra = self.data.item_against.contains(phrase);
                if !(pro || contra) {
                    k += 1;
                    continue;
                }
                let Some(n) = self.definite_item(&low, &ws, k + len, 6) else {
                    k += 1;
                    continue;
                };
                let negated = ws[k.saturating_sub(3)..k].iter().any(|&(a, b)| {
                    let v = &low[a..b];
                    matches!(v, "not" | "never" | "cannot" | "no")
                        || v.ends_with("n't")
                        || v.ends_with("n\u{2019}t")
                });
                let span = Span::new(sent.span.start + ws[k].0, sent.span.start + ws[n].1);
                votes.push((span, pro != negated));
                k = n + 1;
            }
        }
        let mut added = false;
        for (span, pro) in votes {
            for st in &mut doc.statements {
                if !st.span.contains(span) {
                    continue;
                }
                for (topic, lean) in &leans {
                    if st.stances.iter().any(|s| s.topic == *topic) {
                        continue;
                    }
                    let stance = match (lean, pro) {
                        (Stance::Support, true) | (Stance::Oppose, false) => Stance::Support,
                        _ => Stance::Oppose,
                    };
                    st.stances.push(StatementStance {
                        topic: topic.clone(),
                        stance,
                        score: if stance == Stance::Support { 0.8 } else { -0.8 },
                        evidence: vec![span],
                        rule: ITEM_VOTE_RULE.into(),
                    });
                    added = true;
                }
            }
        }
        added
    }
}

impl Stage for ItemVotes {
    fn name(&self) -> &'static str {
        "item-votes"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Stances]
    }

    fn provides(&self) -> &'static [Layer] {
        &[]
    }

    fn process(&self, doc: &mut Document) -> Result<(), Error> {
        let own = crate::speakers::own_side_stances(doc);
        let endorsed = endorsements(&self.data, doc);
        if (self.apply(doc) || own || endorsed)
            && let Some(f) = &self.aggregate
        {
            doc.stances = f(doc);
        }
        Ok(())
    }
}

/// "I happen to think they are right", "She is wrong": a short sentence that endorses
/// (or rejects) the actors whose positions the sentence before reports takes their
/// stance (or the opposite one). The antecedent is the nearest earlier sentence, at most
/// two back, holding stance-bearing statements of other actors, who must agree.
/// Returns true when a stance was added.
pub(crate) fn endorsements(data: &TurnData, doc: &mut Document) -> bool {
    let mut adds: Vec<(usize, StatementStance)> = Vec::new();
    let longest = data
        .endorse
        .iter()
        .chain(&data.reject)
        .map(String::len)
        .max();
    let Some(longest) = longest else {
        return false;
    };
    for (si, sent) in doc.sentences.iter().enumerate() {
        if !closes_with_phrase(data, doc.slice(sent.span), longest) {
            continue;
        }
        let low = doc.slice(sent.span).to_lowercase();
        let ws = words(&low);
        if ws.is_empty() || ws.len() > 14 || low.len() != sent.span.len() {
            continue;
        }
        // the phrase must close the sentence ("… they are right.")
        let tail = low.trim_end_matches(|c: char| !c.is_alphanumeric());
        let agree = data.endorse.iter().any(|p| ends_with_words(tail, p));
        let reject = !agree && data.reject.iter().any(|p| ends_with_words(tail, p));
        if !(agree || reject) {
            continue;
        }
        // the endorsing statements: every statement covering this sentence
        let here: Vec<usize> = doc
            .statements
            .iter()
            .enumerate()
            .filter(|(_, s)| s.span.contains(sent.span))
            .map(|(i, _)| i)
            .collect();
        if here.is_empty() {
            continue;
        }
        let speakers: Vec<_> = here.iter().map(|&i| doc.statements[i].actor).collect();
        for back in 1..=2 {
            let Some(prev) = si.checked_sub(back).map(|j| &doc.sentences[j]) else {
                break;
            };
            if doc.text()[prev.span.end..sent.span.start].contains("\n\n") && back > 1 {
                break;
            }
            let reported: Vec<&StatementStance> = doc
                .statements
                .iter()
                .filter(|s| s.span.overlaps(prev.span) && !speakers.contains(&s.actor))
                .flat_map(|s| s.stances.iter())
                .collect();
            if reported.is_empty() {
                continue;
            }
            let mut topics: Vec<&str> = reported.iter().map(|s| s.topic.as_str()).collect();
            topics.dedup();
            for topic in topics {
                let of: Vec<&&StatementStance> =
                    reported.iter().filter(|s| s.topic == topic).collect();
                let first = of[0].stance;
                if of.iter().any(|s| s.stance != first) {
                    continue;
                }
                let stance = match (first, reject) {
                    (s, false) => s,
                    (Stance::Support, true) => Stance::Oppose,
                    (Stance::Oppose, true) => Stance::Support,
                    (Stance::Conditional, true) => continue,
                };
                for &i in &here {
                    if doc.statements[i].stances.iter().any(|s| s.topic == topic) {
                        continue;
                    }
                    adds.push((
                        i,
                        StatementStance {
                            topic: topic.to_string(),
                            stance,
                            score: if reject { -of[0].score } else { of[0].score },
                            evidence: vec![sent.span],
                            rule: ENDORSE_RULE.into(),
                        },
                    ));
                }
            }
            break;
        }
    }
    let any = !adds.is_empty();
    for (i, ss) in adds {
        if !doc.statements[i]
            .stances
            .iter()
            .any(|s| s.topic == ss.topic)
        {
            doc.statements[i].stances.push(ss);
        }
    }
    any
}

/// Rule id of the stances taken over by an endorsement.
pub const ENDORSE_RULE: &str = "turns/endorsement";

/// `s` ends with the words of `phrase` (lower case), at a word boundary.
/// Whether a sentence may close with an endorsing or rejecting phrase: false only when
/// its end is ASCII and none does (a cheap test before the sentence is lower-cased).
fn closes_with_phrase(data: &TurnData, sent: &str, longest: usize) -> bool {
    let tail = sent.trim_end_matches(|c: char| !c.is_alphanumeric());
    let from = tail.len().saturating_sub(longest + 1);
    let Some(end) = tail.get(from..).filter(|e| e.is_ascii()) else {
        return true;
    };
    let end = end.to_ascii_lowercase();
    data.endorse
        .iter()
        .chain(&data.reject)
        .any(|p| ends_with_words(&end, p))
}

fn ends_with_words(s: &str, phrase: &str) -> bool {
    s.ends_with(phrase)
        && !s[..s.len() - phrase.len()].ends_with(|c: char| c.is_alphanumeric() || c == '\'')
}
