//! Counts and the scores derived from them.

use crate::gold::Label;
use serde::ser::{Serialize, SerializeStruct, Serializer};
use std::ops::AddAssign;

/// True positives, false positives and false negatives of one measure, with precision,
/// recall and F1 derived from them.
///
/// Scores are `None` when undefined (nothing predicted for precision, nothing to find
/// for recall, neither for F1), so that a table shows `-` rather than a made-up 0 or 1.
/// F1 is `2·TP / (2·TP + FP + FN)`: the harmonic mean of P and R where both exist, and
/// 0 when there was something to find or something predicted but no hit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

impl Prf {
    /// Counts.
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Prf {
        Prf { tp, fp, fn_ }
    }

    /// TP / (TP + FP).
    pub fn precision(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fp)
    }

    /// TP / (TP + FN).
    pub fn recall(&self) -> Option<f64> {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// 2·TP / (2·TP + FP + FN).
    pub fn f1(&self) -> Option<f64> {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    /// True when every count is zero (nothing to score).
    pub fn is_empty(&self) -> bool {
        self.tp + self.fp + self.fn_ == 0
    }
}

impl AddAssign for Prf {
    fn add_assign(&mut self, o: Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

impl Serialize for Prf {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Prf", 6)?;
        st.serialize_field("tp", &self.tp)?;
        st.serialize_field("fp", &self.fp)?;
        st.serialize_field("fn", &self.fn_)?;
        st.serialize_field("precision", &self.precision())?;
        st.serialize_field("recall", &self.recall())?;
        st.serialize_field("f1", &self.f1())?;
        st.end()
    }
}

/// The evidence hit rate of SPEC §4: of the stance TPs, the share whose cited
/// statements overlap a gold evidence span.
///
/// A TP whose gold entry has no evidence string (or none that could be found in the
/// article, which is reported as a warning) cannot be judged: it is counted in
/// `unjudged` and left out of the denominator rather than counted as a hit or a miss.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HitRate {
    /// Judged TPs whose statements overlap gold evidence.
    pub hits: usize,
    /// TPs with located gold evidence (the denominator).
    pub judged: usize,
    /// TPs without located gold evidence (excluded).
    pub unjudged: usize,
}

impl HitRate {
    /// hits / judged.
    pub fn rate(&self) -> Option<f64> {
        ratio(self.hits, self.judged)
    }
}

impl AddAssign for HitRate {
    fn add_assign(&mut self, o: HitRate) {
        self.hits += o.hits;
        self.judged += o.judged;
        self.unjudged += o.unjudged;
    }
}

impl Serialize for HitRate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("HitRate", 4)?;
        st.serialize_field("hits", &self.hits)?;
        st.serialize_field("judged", &self.judged)?;
        st.serialize_field("unjudged", &self.unjudged)?;
        st.serialize_field("rate", &self.rate())?;
        st.end()
    }
}

/// Stance scores on one topic.
///
/// Per-label counts attribute a TP and an FP to the PREDICTED label and an FN to the
/// GOLD label (a TP may carry a label other than the gold one when `accept` allows it).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TopicScores {
    /// Topic id.
    pub topic: String,
    /// Micro counts over support/oppose/conditional.
    pub stance: Prf,
    /// Counts of `support`.
    pub support: Prf,
    /// Counts of `oppose`.
    pub oppose: Prf,
    /// Counts of `conditional`.
    pub conditional: Prf,
    /// Evidence hit rate.
    pub evidence: HitRate,
}

impl TopicScores {
    /// Empty scores for a topic.
    pub fn new(topic: impl Into<String>) -> TopicScores {
        TopicScores {
            topic: topic.into(),
            ..TopicScores::default()
        }
    }

    /// The counts of one label (`none` has none: it gives empty counts).
    pub fn label(&self, label: Label) -> Prf {
        match label {
            Label::Support => self.support,
            Label::Oppose => self.oppose,
            Label::Conditional => self.conditional,
            Label::None => Prf::default(),
        }
    }

    pub(crate) fn label_mut(&mut self, label: Label) -> Option<&mut Prf> {
        match label {
            Label::Support => Some(&mut self.support),
            Label::Oppose => Some(&mut self.oppose),
            Label::Conditional => Some(&mut self.conditional),
            Label::None => None,
        }
    }

    /// Mean F1 of the three labels, skipping a label with no TP, FP or FN (neither in
    /// the gold nor predicted); `None` when all three are skipped.
    pub fn macro_f1(&self) -> Option<f64> {
        let f1s: Vec<f64> = Label::SCORED
            .iter()
            .filter_map(|&l| self.label(l).f1())
            .collect();
        (!f1s.is_empty()).then(|| f1s.iter().sum::<f64>() / f1s.len() as f64)
    }

    /// True when there is nothing to report on this topic.
    pub fn is_empty(&self) -> bool {
        self.stance.is_empty() && self.evidence == HitRate::default()
    }

    pub(crate) fn add(&mut self, o: &TopicScores) {
        self.stance += o.stance;
        self.support += o.support;
        self.oppose += o.oppose;
        self.conditional += o.conditional;
        self.evidence += o.evidence;
    }
}

impl Serialize for TopicScores {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Labels {
            support: Prf,
            oppose: Prf,
            conditional: Prf,
        }
        let mut st = s.serialize_struct("TopicScores", 5)?;
        st.serialize_field("topic", &self.topic)?;
        st.serialize_field("stance", &self.stance)?;
        st.serialize_field(
            "labels",
            &Labels {
                support: self.support,
                oppose: self.oppose,
                conditional: self.conditional,
            },
        )?;
        st.serialize_field("macro_f1", &self.macro_f1())?;
        st.serialize_field("evidence", &self.evidence)?;
        st.end()
    }
}

/// Every score of one document, or of the whole run (micro: counts summed).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Scores {
    /// Actor detection.
    pub actors: Prf,
    /// Stance per topic, sorted by topic id.
    pub topics: Vec<TopicScores>,
    /// Hedge cues.
    pub hedges: Prf,
    /// Booster cues.
    pub boosters: Prf,
}

impl Scores {
    /// The scores of a topic.
    pub fn topic(&self, topic: &str) -> Option<&TopicScores> {
        self.topics.iter().find(|t| t.topic == topic)
    }

    /// Adds another document's counts (topics are matched by id; new ones appended and
    /// the list kept sorted).
    pub fn add(&mut self, o: &Scores) {
        self.actors += o.actors;
        self.hedges += o.hedges;
        self.boosters += o.boosters;
        for t in &o.topics {
            match self.topics.iter_mut().find(|x| x.topic == t.topic) {
                Some(x) => x.add(t),
                None => self.topics.push(t.clone()),
            }
        }
        self.topics.sort_by(|a, b| a.topic.cmp(&b.topic));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_scores() {
        let p = Prf::new(3, 1, 2);
        assert_eq!(p.precision(), Some(0.75));
        assert_eq!(p.recall(), Some(0.6));
        let f1 = p.f1().unwrap();
        assert!((f1 - 2.0 * 0.75 * 0.6 / (0.75 + 0.6)).abs() < 1e-12);
        let none = Prf::default();
        assert_eq!(
            (none.precision(), none.recall(), none.f1()),
            (None, None, None)
        );
        let missed = Prf::new(0, 0, 4);
        assert_eq!(
            (missed.precision(), missed.recall(), missed.f1()),
            (None, Some(0.0), Some(0.0))
        );
    }

    #[test]
    fn prf_serializes_counts_and_scores() {
        let v = serde_json::to_value(Prf::new(1, 1, 0)).unwrap();
        assert_eq!(v["fn"], 0);
        assert_eq!(v["precision"], 0.5);
        assert_eq!(v["recall"], 1.0);
    }

    #[test]
    fn macro_f1_skips_unused_labels() {
        let mut t = TopicScores::new("x");
        assert_eq!(t.macro_f1(), None);
        t.support = Prf::new(1, 0, 0);
        t.oppose = Prf::new(0, 1, 1);
        assert_eq!(t.macro_f1(), Some(0.5));
    }

    #[test]
    fn hit_rate_excludes_unjudged() {
        let h = HitRate {
            hits: 1,
            judged: 2,
            unjudged: 5,
        };
        assert_eq!(h.rate(), Some(0.5));
        assert_eq!(HitRate::default().rate(), None);
    }
}
