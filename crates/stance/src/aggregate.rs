//! Per-actor aggregation of statement stances into [`StanceSummary`]s.

use stancemap_core::{
    ActorId, CueKind, Document, Stance, StanceSummary, Statement, StatementStance,
};
use std::collections::BTreeMap;

/// Statements of one actor on one topic: (index, statement, its stance on the topic).
type Group<'a> = Vec<(usize, &'a Statement, &'a StatementStance)>;

/// Aggregates the statement stances of a document into one summary per actor and topic.
///
/// The rule (honest, never averaged into nothing):
/// - each stance-bearing statement weighs its `commitment` (1 = unhedged; clamped to
///   `[0.05, 1.25]`, 1 when unset);
/// - **label** = the label with the largest total weight, except that `conditional` wins
///   only when it outweighs both `support` and `oppose`: an actor who says "yes, we
///   will" and "it depends" is reported as `support` (hedged), not as a vague middle.
///   A support/oppose tie goes to the side with the larger weighted |score|, then to the
///   side of the actor's first statement;
/// - **score** = commitment-weighted mean of the statement scores, scaled by the mean
///   commitment (capped at 1), in [-1, 1]: a contested `support` has a small positive
///   score, and a hedged one ("I think we should …") a weaker score than a firm one;
/// - **hedged** = a conditional statement is present, or a statement with the summary's
///   label carries a hedge that qualifies the claim (modal, epistemic verb, hedging
///   adverb, conditional: "I think", "may", "if necessary"); approximators ("around $16
///   billion") and source attributions ("according to") do not hedge a position;
/// - **commitment** = mean commitment; **statements** = the indices, in text order.
pub fn aggregate(doc: &Document) -> Vec<StanceSummary> {
    let mut groups: BTreeMap<(ActorId, String), Group> = BTreeMap::new();
    for (i, st) in doc.statements.iter().enumerate() {
        for ss in &st.stances {
            groups
                .entry((st.actor, ss.topic.clone()))
                .or_default()
                .push((i, st, ss));
        }
    }
    let mut out = Vec::new();
    for ((actor, topic), items) in groups {
        let weight = |st: &Statement| {
            if st.commitment.is_finite() && st.commitment > 0.0 {
                st.commitment.clamp(0.05, 1.25)
            } else {
                1.0
            }
        };
        let mut total = [0.0f32; 3];
        let mut mass = [0.0f32; 3];
        let (mut wsum, mut ssum) = (0.0f32, 0.0f32);
        for (_, st, ss) in &items {
            let w = weight(st);
            let k = slot(ss.stance);
            total[k] += w;
            mass[k] += w * ss.score.abs();
            wsum += w;
            ssum += w * ss.score.clamp(-1.0, 1.0);
        }
        let [s, o, c] = total;
        let stance = if c > s && c > o {
            Stance::Conditional
        } else if s > o {
            Stance::Support
        } else if o > s {
            Stance::Oppose
        } else if mass[0] != mass[1] {
            if mass[0] > mass[1] {
                Stance::Support
            } else {
                Stance::Oppose
            }
        } else {
            items
                .iter()
                .map(|(_, _, ss)| ss.stance)
                .find(|s| *s != Stance::Conditional)
                .unwrap_or(Stance::Conditional)
        };
        let qualifies = |st: &Statement| {
            st.hedges
                .iter()
                .filter_map(|&i| doc.hedges.get(i))
                .any(|c| {
                    matches!(
                        c.kind,
                        CueKind::Modal
                            | CueKind::EpistemicVerb
                            | CueKind::Adverb
                            | CueKind::Conditional
                    )
                })
        };
        let hedged = items.iter().any(|(_, st, ss)| {
            ss.stance == Stance::Conditional || (ss.stance == stance && qualifies(st))
        });
        let n = items.len() as f32;
        let commitment = items.iter().map(|(_, st, _)| weight(st)).sum::<f32>() / n;
        out.push(StanceSummary {
            actor,
            topic,
            stance,
            score: if wsum > 0.0 {
                (ssum / wsum * commitment.min(1.0)).clamp(-1.0, 1.0)
            } else {
                0.0
            },
            hedged,
            commitment,
            statements: items.iter().map(|(i, _, _)| *i).collect(),
        });
    }
    out
}

fn slot(s: Stance) -> usize {
    match s {
        Stance::Support => 0,
        Stance::Oppose => 1,
        Stance::Conditional => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stancemap_core::{Cue, Span};

    fn st(actor: usize, stance: Stance, score: f32, commitment: f32, hedges: usize) -> Statement {
        Statement {
            actor: ActorId(actor),
            span: Span::new(0, 1),
            content: Span::new(0, 1),
            quote: false,
            cue: None,
            cue_span: None,
            mention: None,
            stances: vec![StatementStance {
                topic: "t".into(),
                stance,
                score,
                evidence: vec![],
                rule: "r".into(),
            }],
            hedges: (0..hedges).collect(),
            boosters: vec![],
            commitment,
        }
    }

    fn run(list: Vec<Statement>) -> Vec<StanceSummary> {
        let mut doc = Document::new("d", "x");
        doc.statements = list;
        let cue = |kind| Cue {
            cue: "c".into(),
            kind,
            span: Span::new(0, 1),
            rule: "r".into(),
        };
        doc.hedges = vec![
            cue(CueKind::Modal),
            cue(CueKind::EpistemicVerb),
            cue(CueKind::Approximator),
        ];
        aggregate(&doc)
    }

    #[test]
    fn approximators_and_attributions_do_not_hedge_a_position() {
        let mut a = st(0, Stance::Support, 0.9, 0.9, 0);
        a.hedges = vec![2];
        assert!(!run(vec![a.clone()])[0].hedged);
        a.hedges = vec![2, 1];
        assert!(run(vec![a])[0].hedged);
    }

    #[test]
    fn support_and_it_depends_is_hedged_support() {
        let s = run(vec![
            st(0, Stance::Support, 0.8, 1.0, 0),
            st(0, Stance::Conditional, 0.0, 0.8, 1),
        ]);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].stance, Stance::Support);
        assert!(s[0].hedged);
        assert_eq!(s[0].statements, vec![0, 1]);
        assert!(s[0].score > 0.0 && s[0].score < 0.8);
    }

    #[test]
    fn conditional_only_when_it_dominates() {
        let s = run(vec![
            st(0, Stance::Conditional, 0.2, 1.0, 1),
            st(0, Stance::Conditional, 0.0, 1.0, 1),
            st(0, Stance::Support, 0.9, 1.0, 0),
        ]);
        assert_eq!(s[0].stance, Stance::Conditional);
        assert!(s[0].hedged);
    }

    #[test]
    fn commitment_weights_the_label_and_score() {
        let s = run(vec![
            st(0, Stance::Support, 0.9, 0.3, 2),
            st(0, Stance::Oppose, -0.9, 1.0, 0),
        ]);
        assert_eq!(s[0].stance, Stance::Oppose);
        assert!(
            !s[0].hedged,
            "the hedged statement is not on the winning side"
        );
        assert!(s[0].score < 0.0);
        assert!((s[0].commitment - 0.65).abs() < 1e-6);
    }

    #[test]
    fn one_summary_per_actor_and_topic() {
        let mut b = st(1, Stance::Oppose, -0.6, 1.0, 0);
        b.stances[0].topic = "u".into();
        let s = run(vec![
            st(0, Stance::Support, 0.9, 1.0, 0),
            b,
            st(1, Stance::Support, 0.9, 1.0, 0),
        ]);
        let keys: Vec<(usize, &str)> = s.iter().map(|x| (x.actor.0, x.topic.as_str())).collect();
        assert_eq!(keys, vec![(0, "t"), (1, "t"), (1, "u")]);
    }

    #[test]
    fn tie_goes_to_the_stronger_then_the_first() {
        let s = run(vec![
            st(0, Stance::Oppose, -0.5, 1.0, 0),
            st(0, Stance::Support, 0.9, 1.0, 0),
        ]);
        assert_eq!(s[0].stance, Stance::Support);
        let s = run(vec![
            st(0, Stance::Oppose, -0.9, 1.0, 0),
            st(0, Stance::Support, 0.9, 1.0, 0),
        ]);
        assert_eq!(s[0].stance, Stance::Oppose);
    }
}
