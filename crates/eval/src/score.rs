//! The SPEC §4 scorer: predicted [`DocumentReport`]s against [`Gold`].

use crate::gold::{Gold, GoldActor, GoldCue, Label};
use crate::locate::{CueLocation, FoldedText, locate_cue};
use crate::metrics::{Prf, Scores, TopicScores};
use serde::Serialize;
use stancemap_core::output::{ActorOut, CueOut, DocumentReport, StanceOut};
use stancemap_core::text::normalize_name;
use stancemap_core::{ActorKind, Span};

/// The topic that every report includes, even when neither gold nor predictions have it.
pub const DEFAULT_TOPIC: &str = "shoot_down";

/// Which cue layer a cue mistake is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CueLayer {
    /// Hedges.
    Hedge,
    /// Boosters.
    Booster,
}

impl CueLayer {
    /// `hedge` or `booster`.
    pub fn as_str(&self) -> &'static str {
        match self {
            CueLayer::Hedge => "hedge",
            CueLayer::Booster => "booster",
        }
    }
}

/// One scoring error, kept so that developers can see what to tune.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Mistake {
    /// A non-optional gold actor no predicted actor matched (an actor FN).
    MissedActor {
        /// Gold name.
        name: String,
        /// Gold kind.
        kind: ActorKind,
    },
    /// A predicted actor that matches no gold actor (an actor FP).
    SpuriousActor {
        /// Predicted id.
        id: String,
        /// Predicted name.
        name: String,
        /// Predicted kind.
        kind: String,
    },
    /// A gold actor whose predicted stance is not accepted (an FP, an FN or both).
    WrongStance {
        /// Topic id.
        topic: String,
        /// Gold actor name.
        actor: String,
        /// Id of the predicted actor whose stance was used, if any.
        predicted_actor: Option<String>,
        /// Gold label.
        gold: Label,
        /// Labels the gold accepts.
        accept: Vec<Label>,
        /// Predicted label (`none` when absent).
        predicted: Label,
        /// The gold actor is optional (a miss is no FN).
        optional: bool,
        /// Counted as a false positive.
        false_positive: bool,
        /// Counted as a false negative.
        false_negative: bool,
    },
    /// A stance of a predicted actor that matches no gold actor (a stance FP).
    SpuriousStance {
        /// Topic id.
        topic: String,
        /// Predicted actor id.
        actor: String,
        /// Predicted actor name (the id when the actor is not listed).
        name: String,
        /// Predicted label.
        predicted: Label,
    },
    /// A stance TP whose cited statements overlap no gold evidence span.
    EvidenceMiss {
        /// Topic id.
        topic: String,
        /// Gold actor name.
        actor: String,
        /// Spans of the cited statements.
        statements: Vec<Span>,
    },
    /// A non-optional gold cue no predicted cue overlaps (a cue FN).
    MissedCue {
        /// Hedge or booster.
        layer: CueLayer,
        /// Gold cue.
        cue: String,
        /// Gold context.
        context: String,
        /// Where the cue is, when it could be located.
        span: Option<Span>,
    },
    /// A predicted cue that overlaps no gold cue (a cue FP).
    SpuriousCue {
        /// Hedge or booster.
        layer: CueLayer,
        /// Predicted cue.
        cue: String,
        /// Predicted span.
        span: Span,
        /// The text around it, cue in brackets.
        context: String,
    },
}

/// The evaluation of one document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocEval {
    /// Document id.
    pub doc: String,
    /// Scores.
    pub scores: Scores,
    /// Every error, in a fixed order: actors (gold order, then predicted order), stances
    /// (by topic; gold actors in gold order, then spurious ones in predicted order),
    /// evidence misses, hedges, boosters (text order).
    pub mistakes: Vec<Mistake>,
    /// Problems with the gold or the prediction that are not scoring errors (a context
    /// not found in the article, …).
    pub warnings: Vec<String>,
}

/// The evaluation of a run: per document and in total.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvalReport {
    /// Every topic scored (gold and predicted ones, plus [`DEFAULT_TOPIC`]), sorted.
    pub topics: Vec<String>,
    /// Per document, sorted by id.
    pub documents: Vec<DocEval>,
    /// Micro totals: counts summed over all documents.
    pub total: Scores,
    /// Run-level warnings (a prediction without gold, a gold without prediction, …).
    pub warnings: Vec<String>,
}

impl EvalReport {
    /// The evaluation of a document.
    pub fn document(&self, doc: &str) -> Option<&DocEval> {
        self.documents.iter().find(|d| d.doc == doc)
    }
}

/// Scores predictions against gold (SPEC §4), per document, per topic and in total.
///
/// The rules, where SPEC §4 leaves a reading open:
/// - A predicted actor matches at most one gold actor, tried in tiers: exact normalised
///   name or alias, then equal last names of two persons, then two authors; the first
///   gold actor within a tier wins. Several predicted actors may match
///   one gold actor: one TP, and no FP for the duplicates.
/// - Stance, per topic and gold actor (optional ones included): the predicted label is
///   that of the matching predicted actor's stance with the largest |score|, `none` when
///   there is none. Predicted label in `accept`: a TP when neither label is `none`, else
///   nothing (a gold `none` whose `accept` allows `support` neither rewards nor punishes
///   `support`). Otherwise a predicted label other than `none` is an FP, even for an
///   optional gold actor, and a gold label other than `none` of a non-optional actor an
///   FN. A correct stance of an optional actor is a TP (SPEC: "per gold actor"). Every
///   stance of a predicted actor that matches no gold actor is an FP.
/// - Per-label counts (for macro-F1): TP and FP go to the predicted label, FN to the
///   gold label.
/// - Evidence: see [`HitRate`](crate::HitRate): TPs without located gold evidence are
///   left out of the denominator.
/// - Cues: a gold cue's span is the cue inside its context; a context not found in the
///   article leaves a non-optional cue as an FN (with a warning), since nothing can be
///   shown to overlap it.
///
/// `predictions` pairs each report with the ORIGINAL text of its article (the text its
/// byte offsets point into, where gold contexts and evidence are looked up). Documents
/// are paired by `Gold::doc == DocumentReport::doc_id`. A gold document without a
/// prediction is scored as if nothing had been found (with a warning); a prediction
/// without gold is not scored (with a warning). Never panics on any input.
pub fn evaluate(golds: &[Gold], predictions: &[(DocumentReport, String)]) -> EvalReport {
    let mut warnings = Vec::new();
    let mut topics: Vec<String> = vec![DEFAULT_TOPIC.to_string()];
    for g in golds {
        for a in &g.actors {
            topics.extend(a.stances.iter().map(|s| s.topic.clone()));
        }
    }
    for (p, _) in predictions {
        topics.extend(p.stances.iter().map(|s| s.topic.clone()));
    }
    topics.sort();
    topics.dedup();

    let mut order: Vec<&Gold> = golds.iter().collect();
    order.sort_by(|a, b| a.doc.cmp(&b.doc));
    let mut documents = Vec::with_capacity(order.len());
    let mut seen: Vec<&str> = Vec::new();
    for g in order {
        if seen.contains(&g.doc.as_str()) {
            warnings.push(format!(
                "gold for `{}` given twice; the second is ignored",
                g.doc
            ));
            continue;
        }
        seen.push(&g.doc);
        let mut found = predictions.iter().filter(|(p, _)| p.doc_id == g.doc);
        let first = found.next();
        if found.next().is_some() {
            warnings.push(format!(
                "`{}` predicted twice; the first prediction is used",
                g.doc
            ));
        }
        if first.is_none() {
            warnings.push(format!(
                "no prediction for `{}`: everything in its gold counts as missed",
                g.doc
            ));
        }
        let pair = first.map(|(p, t)| (p, t.as_str()));
        documents.push(evaluate_document(g, pair, &topics));
    }
    let mut unscored: Vec<&str> = predictions
        .iter()
        .map(|(p, _)| p.doc_id.as_str())
        .filter(|id| !golds.iter().any(|g| g.doc == *id))
        .collect();
    unscored.sort();
    unscored.dedup();
    for id in unscored {
        warnings.push(format!("prediction for `{id}` has no gold; not scored"));
    }

    let mut total = Scores {
        topics: topics.iter().map(TopicScores::new).collect(),
        ..Scores::default()
    };
    for d in &documents {
        total.add(&d.scores);
    }
    EvalReport {
        topics,
        documents,
        total,
        warnings,
    }
}

/// The names by which a gold actor is matched.
pub(crate) struct GoldNames {
    names: Vec<String>,
    last: Option<String>,
    kind: ActorKind,
}

impl GoldNames {
    pub(crate) fn new(a: &GoldActor) -> GoldNames {
        let mut names: Vec<String> = std::iter::once(&a.name)
            .chain(&a.aliases)
            .map(|n| normalize_name(n))
            .filter(|n| !n.is_empty())
            .collect();
        names.dedup();
        GoldNames {
            last: last_name(&normalize_name(&a.name)),
            names,
            kind: a.kind,
        }
    }
}

/// The last name token of a normalised name: the last token that is not a generational
/// suffix, stripped of punctuation at its ends.
fn last_name(normalized: &str) -> Option<String> {
    const SUFFIXES: [&str; 6] = ["jr", "sr", "ii", "iii", "iv", "v"];
    normalized
        .split_whitespace()
        .rev()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|t| !t.is_empty() && !SUFFIXES.contains(t))
        .map(str::to_string)
}

fn kind_is(kind: &str, want: ActorKind) -> bool {
    kind.trim().eq_ignore_ascii_case(want.as_str())
}

/// The gold actor a predicted actor matches (SPEC §4): an exact normalised name or alias
/// first, then (both persons) equal last names, then (both `author`) the author; within
/// a tier the first gold actor wins.
pub(crate) fn match_actor(pred: &ActorOut, golds: &[GoldNames]) -> Option<usize> {
    let name = normalize_name(&pred.name);
    if !name.is_empty()
        && let Some(i) = golds.iter().position(|g| g.names.contains(&name))
    {
        return Some(i);
    }
    if kind_is(&pred.kind, ActorKind::Person)
        && let Some(last) = last_name(&name)
        && let Some(i) = golds
            .iter()
            .position(|g| g.kind == ActorKind::Person && g.last.as_deref() == Some(&last))
    {
        return Some(i);
    }
    if kind_is(&pred.kind, ActorKind::Author) {
        return golds.iter().position(|g| g.kind == ActorKind::Author);
    }
    None
}

/// A predicted stance on the topic being scored.
struct PredStance<'a> {
    out: &'a StanceOut,
    label: Label,
    /// Index into the report's actors, when the id is listed.
    actor: Option<usize>,
    /// The gold actor its actor matches.
    gold: Option<usize>,
}

/// Scores one document on the given topics. `prediction` is the report and the original
/// article text; `None` scores an empty prediction (everything missed).
pub fn evaluate_document(
    gold: &Gold,
    prediction: Option<(&DocumentReport, &str)>,
    topics: &[String],
) -> DocEval {
    let mut warnings = Vec::new();
    let mut mistakes = Vec::new();
    let empty;
    let (report, article) = match prediction {
        Some(p) => p,
        None => {
            empty = DocumentReport::empty(gold.doc.clone());
            (&empty, "")
        }
    };
    // Without the article there is nothing to locate: skip the (useless) warnings.
    let locate = prediction.is_some();
    let folded = FoldedText::new(article);

    // Actors.
    let names: Vec<GoldNames> = gold.actors.iter().map(GoldNames::new).collect();
    let pred_gold: Vec<Option<usize>> = report
        .actors
        .iter()
        .map(|a| match_actor(a, &names))
        .collect();
    let mut actors = Prf::default();
    for (gi, g) in gold.actors.iter().enumerate() {
        if g.optional {
            continue;
        }
        if pred_gold.contains(&Some(gi)) {
            actors.tp += 1;
        } else {
            actors.fn_ += 1;
            mistakes.push(Mistake::MissedActor {
                name: g.name.clone(),
                kind: g.kind,
            });
        }
    }
    for (a, m) in report.actors.iter().zip(&pred_gold) {
        if m.is_none() {
            actors.fp += 1;
            mistakes.push(Mistake::SpuriousActor {
                id: a.id.clone(),
                name: a.name.clone(),
                kind: a.kind.clone(),
            });
        }
    }

    // Gold evidence spans, located once for every entry (so that every unlocatable
    // string is reported, whatever was predicted).
    let evidence: Vec<Vec<Vec<Span>>> = gold
        .actors
        .iter()
        .map(|a| {
            a.stances
                .iter()
                .map(|s| {
                    let mut spans = Vec::new();
                    for e in &s.evidence {
                        let hits = folded.find_all(e);
                        if hits.is_empty() && locate {
                            warnings.push(format!(
                                "evidence of {} on {} not found in the article: {e:?}",
                                a.name, s.topic
                            ));
                        }
                        spans.extend(hits);
                    }
                    spans
                })
                .collect()
        })
        .collect();

    for a in &gold.actors {
        for (i, s) in a.stances.iter().enumerate() {
            if a.stances[..i].iter().any(|x| x.topic == s.topic) {
                warnings.push(format!(
                    "gold actor {} has a second entry for {}; the first is used",
                    a.name, s.topic
                ));
            }
        }
    }

    // Predicted stances, with their actors resolved.
    let mut unknown_ids: Vec<&str> = Vec::new();
    let mut preds: Vec<PredStance> = Vec::new();
    for s in &report.stances {
        let label = Label::from(s.stance);
        let actor = report.actors.iter().position(|a| a.id == s.actor);
        if actor.is_none() && !unknown_ids.contains(&s.actor.as_str()) {
            unknown_ids.push(&s.actor);
            warnings.push(format!(
                "stance of `{}`, which is not in the actor list: scored as an unmatched actor",
                s.actor
            ));
        }
        preds.push(PredStance {
            out: s,
            label,
            actor,
            gold: actor.and_then(|i| pred_gold[i]),
        });
    }

    let mut topic_scores = Vec::with_capacity(topics.len());
    let mut evidence_mistakes = Vec::new();
    for topic in topics {
        let mut ts = TopicScores::new(topic.as_str());
        let on_topic: Vec<&PredStance> = preds.iter().filter(|p| &p.out.topic == topic).collect();
        for (gi, g) in gold.actors.iter().enumerate() {
            // Several predicted actors may match one gold actor: the strongest stance wins.
            let chosen = on_topic.iter().filter(|p| p.gold == Some(gi)).fold(
                None::<&&PredStance>,
                |best, p| match best {
                    Some(b) if b.out.score.abs() >= p.out.score.abs() => Some(b),
                    _ => Some(p),
                },
            );
            let predicted = chosen.map_or(Label::None, |p| p.label);
            let entry = g.stances.iter().position(|s| &s.topic == topic);
            let gold_label = entry.map_or(Label::None, |e| g.stances[e].stance);
            let accept: &[Label] = entry.map_or(&[Label::None], |e| &g.stances[e].accept);
            if accept.contains(&predicted) {
                if predicted.is_none() || gold_label.is_none() {
                    continue;
                }
                ts.stance.tp += 1;
                if let Some(c) = ts.label_mut(predicted) {
                    c.tp += 1;
                }
                // Evidence: the TP's cited statements against the gold evidence spans.
                let gold_spans = entry.map_or(&[][..], |e| &evidence[gi][e][..]);
                if gold_spans.is_empty() {
                    ts.evidence.unjudged += 1;
                    continue;
                }
                ts.evidence.judged += 1;
                let Some(p) = chosen else { continue };
                let cited = statement_spans(report, p.out, &mut warnings);
                if cited
                    .iter()
                    .any(|c| gold_spans.iter().any(|g| c.overlaps(*g)))
                {
                    ts.evidence.hits += 1;
                } else {
                    evidence_mistakes.push(Mistake::EvidenceMiss {
                        topic: topic.clone(),
                        actor: g.name.clone(),
                        statements: cited,
                    });
                }
                continue;
            }
            let false_positive = !predicted.is_none();
            let false_negative = !gold_label.is_none() && !g.optional;
            if false_positive {
                ts.stance.fp += 1;
                if let Some(c) = ts.label_mut(predicted) {
                    c.fp += 1;
                }
            }
            if false_negative {
                ts.stance.fn_ += 1;
                if let Some(c) = ts.label_mut(gold_label) {
                    c.fn_ += 1;
                }
            }
            if false_positive || false_negative {
                mistakes.push(Mistake::WrongStance {
                    topic: topic.clone(),
                    actor: g.name.clone(),
                    predicted_actor: chosen.map(|p| p.out.actor.clone()),
                    gold: gold_label,
                    accept: accept.to_vec(),
                    predicted,
                    optional: g.optional,
                    false_positive,
                    false_negative,
                });
            }
        }
        for p in on_topic.iter().filter(|p| p.gold.is_none()) {
            ts.stance.fp += 1;
            if let Some(c) = ts.label_mut(p.label) {
                c.fp += 1;
            }
            mistakes.push(Mistake::SpuriousStance {
                topic: topic.clone(),
                actor: p.out.actor.clone(),
                name: p
                    .actor
                    .map_or_else(|| p.out.actor.clone(), |i| report.actors[i].name.clone()),
                predicted: p.label,
            });
        }
        topic_scores.push(ts);
    }
    mistakes.extend(evidence_mistakes);

    let hedges = score_cues(
        CueLayer::Hedge,
        &gold.hedges,
        &report.hedges,
        article,
        &folded,
        locate,
        &mut mistakes,
        &mut warnings,
    );
    let boosters = score_cues(
        CueLayer::Booster,
        &gold.boosters,
        &report.boosters,
        article,
        &folded,
        locate,
        &mut mistakes,
        &mut warnings,
    );

    DocEval {
        doc: gold.doc.clone(),
        scores: Scores {
            actors,
            topics: topic_scores,
            hedges,
            boosters,
        },
        mistakes,
        warnings,
    }
}

/// The spans of the statements a stance cites (bad indices are warned about and
/// skipped).
fn statement_spans(
    report: &DocumentReport,
    s: &StanceOut,
    warnings: &mut Vec<String>,
) -> Vec<Span> {
    let mut out = Vec::new();
    for &i in &s.statements {
        match report.statements.get(i) {
            Some(st) => out.push(Span {
                start: st.start,
                end: st.end.max(st.start),
            }),
            None => warnings.push(format!(
                "stance of `{}` on {} cites statement {i}, which does not exist",
                s.actor, s.topic
            )),
        }
    }
    out
}

/// Cue P/R/F1 of one layer; pushes the missed and spurious cues.
#[allow(clippy::too_many_arguments)]
fn score_cues(
    layer: CueLayer,
    gold: &[GoldCue],
    predicted: &[CueOut],
    article: &str,
    folded: &FoldedText,
    locate: bool,
    mistakes: &mut Vec<Mistake>,
    warnings: &mut Vec<String>,
) -> Prf {
    let gold_spans: Vec<Option<Span>> = gold
        .iter()
        .map(|c| {
            if !locate {
                return None;
            }
            let mut w = Vec::new();
            let loc = locate_cue(article, folded, &c.cue, &c.context, &mut w);
            warnings.extend(w.into_iter().map(|w| format!("{}: {w}", layer.as_str())));
            match loc {
                CueLocation::Found(s) | CueLocation::ContextOnly(s) => Some(s),
                CueLocation::NotFound => None,
            }
        })
        .collect();
    let pred_spans: Vec<Span> = predicted
        .iter()
        .map(|c| {
            if c.start > c.end {
                warnings.push(format!(
                    "{} {:?} has start {} > end {}: treated as empty",
                    layer.as_str(),
                    c.cue,
                    c.start,
                    c.end
                ));
            }
            Span {
                start: c.start,
                end: c.end.max(c.start),
            }
        })
        .collect();

    let mut prf = Prf::default();
    let mut missed = Vec::new();
    for (c, span) in gold.iter().zip(&gold_spans) {
        if c.optional {
            continue;
        }
        if span.is_some_and(|g| pred_spans.iter().any(|p| p.overlaps(g))) {
            prf.tp += 1;
        } else {
            prf.fn_ += 1;
            missed.push((
                span.map_or(usize::MAX, |s| s.start),
                Mistake::MissedCue {
                    layer,
                    cue: c.cue.clone(),
                    context: c.context.clone(),
                    span: *span,
                },
            ));
        }
    }
    let mut spurious = Vec::new();
    for (c, p) in predicted.iter().zip(&pred_spans) {
        if !gold_spans.iter().flatten().any(|g| p.overlaps(*g)) {
            prf.fp += 1;
            spurious.push((
                p.start,
                Mistake::SpuriousCue {
                    layer,
                    cue: c.cue.clone(),
                    span: *p,
                    context: snippet(article, *p),
                },
            ));
        }
    }
    // Text order (stable: gold order, then predicted order, among equal starts).
    missed.sort_by_key(|(s, _)| *s);
    spurious.sort_by_key(|(s, _)| *s);
    mistakes.extend(missed.into_iter().map(|(_, m)| m));
    mistakes.extend(spurious.into_iter().map(|(_, m)| m));
    prf
}

/// The text around a span with the span in brackets, white space collapsed: enough to
/// see why a cue was (wrongly) found.
pub(crate) fn snippet(text: &str, span: Span) -> String {
    const WIDTH: usize = 40;
    let Some(inner) = text.get(span.start..span.end) else {
        return String::new();
    };
    let mut from = span.start.saturating_sub(WIDTH);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (span.end + WIDTH).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let before = &text[from..span.start];
    let after = &text[span.end..to];
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(&squash(before));
    if before.ends_with(char::is_whitespace) && !before.trim().is_empty() {
        out.push(' ');
    }
    out.push('[');
    out.push_str(&squash(inner));
    out.push(']');
    if after.starts_with(char::is_whitespace) && !after.trim().is_empty() {
        out.push(' ');
    }
    out.push_str(&squash(after));
    if to < text.len() {
        out.push('…');
    }
    out
}
