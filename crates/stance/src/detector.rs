//! The [`StanceDetector`] stage.

use crate::aggregate::aggregate;
use crate::classify::{DocView, LexMatchers, Mask, PackDoc, PackRt, Speaker, Window};
use crate::lexicon::StanceGrammar;
use crate::stream::Stream;
use crate::topic::{TopicPack, Topics};
use stancemap_core::commitment;
use stancemap_core::{
    ActorKind, Cue, Document, Error, Layer, Span, Stage, StatementStance, TopicSpan, TopicTerm,
};
use stancemap_patterns::Vocab;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Classifies each statement's stance on each topic and aggregates them per actor.
///
/// # What it does, per document
/// 1. **Topicality gate.** A topic is *active* only if one of its strong target terms
///    ("shoot down", "open fire", "rules of engagement" …) or an anchor term ("keep
///    escorting them out") occurs in the analysed (non-boilerplate) text. Statements of an inactive document get no stance on it, so
///    a piece on tariffs or a general security analysis yields none.
/// 2. **Per statement** (window = reporting cue + content, or the whole span):
///    - *objects* are found: targets, weak terms with a lean ("caution" opposes, "show of
///      force" supports) and conditions ("case-by-case", "it depends");
///    - each object is governed by the *frames* before it (nearest first, chained:
///      "warned against | the risks of | shooting down") and by one frame after it
///      ("opening fire | would be an alternative"), within the frame's reach and the
///      clause (end punctuation, "while"/"but", ", and" stop it). Frames *assert* the
///      object's lean (should, urge, threaten to, will), *flip* it (pushed back against,
///      rejected, rather than, avoid) or fix it (warned against, risk, would be a
///      mistake: oppose; would be an alternative: support); a negator next to a frame
///      inverts it ("should not shoot down");
///    - a target nobody frames is a reported event, not a stance ("jets shot down three
///      drones");
///    - frames inside an open question or condition ("asked whether …", "if …") and in
///      interrogative sentences do not count, except rhetorical demands ("Why do we not
///      shoot them down?"); an answer ("Yes, I do") to a question containing a
///      target takes the question's polarity;
///    - a frame whose stance belongs to its subject ("want to", "decided to", "warned")
///      does not count for the speaker when that subject is another actor ("analysts
///      said European capitals want to avoid escalation");
///    - in a contrast ("A warned against X, while B …") only the speaker's clause counts;
///    - weak terms and conditions count in *strong mode* (a target in the statement), or
///      near a target (same or previous sentence of the paragraph), or under a licensing
///      frame (urged, called for, means, should, is unavoidable);
///    - "…, backed by X" (and "as proposed by X and Y") gives X the stance of the clause
///      before it.
///
///    Label: any strong condition → `conditional` (score ±0.2); else the heavier of the
///    support/oppose votes (score = ±0.9 × margin, ±0.6 without a target in the
///    statement, ×0.75 under a weak condition like "if necessary").
/// 3. `statement.hedges`/`boosters` get the indices of the cues inside the statement's
///    span and `statement.commitment` their [`commitment`] weight.
/// 4. `doc.stances` is rebuilt by [`aggregate`].
///
/// ```
/// use stancemap_core::{Actor, ActorId, ActorKind, Document, Span, Stage, Stance, Statement};
/// use stancemap_stance::StanceDetector;
/// let text = "The minister said NATO should shoot down intruding drones.";
/// let mut doc = Document::new("d", text);
/// stancemap_text::Segmenter::default().process(&mut doc)?;
/// doc.actors.push(Actor { id: "m".into(), name: "Minister".into(), kind: ActorKind::Person, country: None, role: None });
/// doc.statements.push(Statement {
///     actor: ActorId(0), span: Span::new(0, text.len()), content: Span::new(18, text.len()),
///     quote: false, cue: Some("said".into()), cue_span: Some(Span::new(13, 17)), mention: None,
///     stances: vec![], hedges: vec![], boosters: vec![], commitment: 1.0,
/// });
/// StanceDetector::default().process(&mut doc)?;
/// assert_eq!(doc.statements[0].stances[0].stance, Stance::Support);
/// assert_eq!(doc.stances[0].topic, "shoot_down");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct StanceDetector {
    lexicon: StanceGrammar,
    packs: Vec<PackRt>,
    /// The lexicon's own layers (alignments, scopes, contrasts, answers).
    layers: LexMatchers,
    /// The symbols of every compiled pattern (all packs and the lexicon).
    vocab: Vocab,
    /// The packs' ids, shared by the topic spans of every document.
    ids: Vec<Arc<str>>,
    /// Tells this detector's scans from another's (see [`Scan`]).
    id: u64,
}

/// A document's token stream and every pack's matches in it: made once per document,
/// by [`StanceDetector::tag_topics`] (left in the document's scratch) or by `annotate`.
struct Scan {
    /// The detector whose vocabulary and packs made it.
    detector: u64,
    /// The token and sentence counts it was made for.
    tokens: usize,
    sentences: usize,
    stream: Stream,
    /// In pack order.
    packs: Vec<PackDoc>,
}

impl Scan {
    fn view<'a>(&'a self, det: &'a StanceDetector) -> DocView<'a> {
        DocView {
            lex: &det.lexicon,
            layers: &det.layers,
            stream: &self.stream,
        }
    }
}

impl Default for StanceDetector {
    fn default() -> StanceDetector {
        StanceDetector::new(Topics::default())
    }
}

impl StanceDetector {
    /// A detector for these topics, with the embedded common lexicon.
    pub fn new(topics: Topics) -> StanceDetector {
        StanceDetector::with_grammar(topics, StanceGrammar::default())
    }

    /// The old name of [`with_grammar`](Self::with_grammar).
    #[deprecated(note = "renamed `with_grammar`")]
    pub fn with_lexicon(topics: Topics, grammar: StanceGrammar) -> StanceDetector {
        StanceDetector::with_grammar(topics, grammar)
    }

    /// A detector with a user common grammar.
    pub fn with_grammar(topics: Topics, lexicon: StanceGrammar) -> StanceDetector {
        let mut vocab = Vocab::default();
        vocab.set_negators(&lexicon.negators);
        match &lexicon.valence {
            Some(words) => vocab.set_valence(words.iter().map(|(w, v)| (w.as_str(), *v))),
            None => vocab.set_valence(crate::lexicon::valence_words()),
        }
        let layers = LexMatchers::new(&lexicon, &mut vocab);
        let packs: Vec<PackRt> = topics
            .packs()
            .iter()
            .map(|p| PackRt::new(p.clone(), &lexicon, &mut vocab))
            .collect();
        static NEXT_ID: AtomicU64 = AtomicU64::new(0);
        StanceDetector {
            ids: packs.iter().map(|rt| Arc::from(rt.pack.id())).collect(),
            lexicon,
            packs,
            layers,
            vocab,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The topic packs, in order.
    pub fn topics(&self) -> impl Iterator<Item = &TopicPack> {
        self.packs.iter().map(|p| &p.pack)
    }

    /// The common lexicon.
    pub fn lexicon(&self) -> &StanceGrammar {
        &self.lexicon
    }

    /// The ids of the topics active in a document (a strong target term or an anchor
    /// term occurs in its analysed text).
    pub fn active_topics(&self, doc: &Document) -> Vec<&str> {
        let scan = self.scan(doc);
        self.packs
            .iter()
            .zip(&scan.packs)
            .filter(|(_, pd)| pd.active)
            .map(|(rt, _)| rt.pack.id())
            .collect()
    }

    /// The spans of the strong target terms of every topic in a document's analysed
    /// text ("shoot down", "rules of engagement" …), in text order: where a topic is
    /// named. Needs sentences and tokens.
    pub fn target_spans(&self, doc: &Document) -> Vec<Span> {
        self.spans_of(&self.scan(doc), false)
    }

    /// Like [`target_spans`](Self::target_spans), plus, in documents where a topic is
    /// active, its weak terms and conditions ("caution", "escalation is unavoidable",
    /// "case-by-case"): every place where a stance on a topic may be taken.
    pub fn topical_spans(&self, doc: &Document) -> Vec<Span> {
        self.spans_of(&self.scan(doc), true)
    }

    fn spans_of(&self, scan: &Scan, weak: bool) -> Vec<Span> {
        let mut out: Vec<Span> = self
            .topic_spans(scan)
            .into_iter()
            .filter(|t| weak || t.kind == TopicTerm::Target)
            .map(|t| t.span)
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// Every place where a scanned document touches a topic, in text order (pack order
    /// at one span).
    fn topic_spans(&self, scan: &Scan) -> Vec<TopicSpan> {
        let view = scan.view(self);
        let mut out = Vec::new();
        for ((rt, pd), id) in self.packs.iter().zip(&scan.packs).zip(&self.ids) {
            let mut push = |spans: Vec<Span>, kind| {
                out.extend(spans.into_iter().map(|span| TopicSpan {
                    topic: Arc::clone(id),
                    span,
                    kind,
                }));
            };
            push(view.target_spans(pd), TopicTerm::Target);
            if pd.active {
                push(view.term_spans(rt, pd), TopicTerm::Term);
            }
        }
        // stable: pack order stays at equal spans
        out.sort_by_key(|t| t.span);
        out.dedup();
        out
    }

    /// Writes [`Document::topic_spans`] and leaves the scan it made for
    /// [`annotate`](Self::annotate) (what [`TopicTagger`] does).
    pub fn tag_topics(&self, doc: &mut Document) {
        let scan = self.scan(doc);
        doc.topic_spans = Some(self.topic_spans(&scan));
        doc.scratch.insert(scan);
    }

    /// The token stream of a document and every pack's matches in it.
    fn scan(&self, doc: &Document) -> Scan {
        let stream = Stream::build(doc, &self.vocab);
        let view = DocView {
            lex: &self.lexicon,
            layers: &self.layers,
            stream: &stream,
        };
        let packs = self.packs.iter().map(|rt| view.match_pack(rt)).collect();
        Scan {
            detector: self.id,
            tokens: doc.tokens.len(),
            sentences: doc.sentences.len(),
            stream,
            packs,
        }
    }

    /// The scan [`tag_topics`](Self::tag_topics) left, if this detector made it for
    /// the document's current tokens; else a new one.
    fn take_scan(&self, doc: &mut Document) -> Scan {
        match doc.scratch.take::<Scan>() {
            Some(s)
                if s.detector == self.id
                    && s.tokens == doc.tokens.len()
                    && s.sentences == doc.sentences.len() =>
            {
                s
            }
            _ => self.scan(doc),
        }
    }

    /// Annotates a document (what [`Stage::process`] does; it cannot fail).
    pub fn annotate(&self, doc: &mut Document) {
        let scan = self.take_scan(doc);
        let view = scan.view(self);
        let stream = &scan.stream;
        let matched: Vec<_> = self.packs.iter().zip(&scan.packs).collect();
        let text_len = doc.text().len();
        let sole_topic = matched.iter().filter(|(_, pd)| pd.active).count() == 1;
        let mut results = Vec::with_capacity(doc.statements.len());
        for st in &doc.statements {
            let mut stances = Vec::new();
            let valid = |s: Span| s.start < s.end && s.end <= text_len;
            let content = if valid(st.content) {
                st.content
            } else {
                st.span
            };
            if valid(content) && matched.iter().any(|(_, pd)| pd.active) {
                let r = stream.range_of(content);
                let cue = st
                    .cue_span
                    .filter(|s| valid(*s))
                    .map(|s| stream.range_of(s))
                    .filter(|r| !r.is_empty())
                    .map(|r| with_auxiliaries(stream, &self.lexicon, r));
                let front = fronted_content(doc, st, content).map_or(0..0, |s| stream.range_of(s));
                let on = Mask::from_ranges(&[r, cue.clone().unwrap_or(0..0), front]);
                let speaker = speaker_of(doc, st, &self.lexicon);
                let win = Window {
                    on,
                    cue,
                    sole_topic,
                };
                for (rt, pd) in &matched {
                    if let Some(d) = view.classify(rt, pd, &win, &speaker) {
                        stances.push(StatementStance {
                            topic: rt.pack.id().to_string(),
                            stance: d.stance,
                            score: d.score,
                            evidence: d.evidence,
                            rule: d.rule,
                        });
                    }
                }
            }
            let hedges = cues_inside(&doc.hedges, st.span);
            let boosters = cues_inside(&doc.boosters, st.span);
            let h: Vec<&Cue> = hedges.iter().map(|&i| &doc.hedges[i]).collect();
            let b: Vec<&Cue> = boosters.iter().map(|&i| &doc.boosters[i]).collect();
            results.push((stances, hedges, boosters, commitment(&h, &b)));
        }
        for (st, (stances, hedges, boosters, c)) in doc.statements.iter_mut().zip(results) {
            st.stances = stances;
            st.hedges = hedges;
            st.boosters = boosters;
            st.commitment = c;
        }
        doc.stances = aggregate(doc);
    }
}

/// A reporting cue with the auxiliaries and negators right before it ("Romania *is*
/// ready to", "Berlin *has not* decided to"): a frame that starts there ("is ready to")
/// belongs to the cue.
fn with_auxiliaries(
    stream: &Stream,
    lex: &StanceGrammar,
    r: std::ops::Range<usize>,
) -> std::ops::Range<usize> {
    let mut start = r.start;
    while start > 0 {
        let t = &stream.toks[start - 1];
        if t.sent != stream.toks[r.start].sent
            || !t.word
            || !(t.neg || lex.skip.contains(stream.norm(t)))
        {
            break;
        }
        start -= 1;
    }
    start..r.end
}

/// "CONTENT, the minister said (after …)": when the speaker's mention follows the start
/// of the statement and the reporting cue follows the mention, the words before the
/// mention are what was said, even if the statement's content was taken to be what
/// follows the cue.
fn fronted_content(doc: &Document, st: &stancemap_core::Statement, content: Span) -> Option<Span> {
    let m = doc.mentions.get(st.mention?)?.span;
    let cue = st.cue_span?;
    let fronted = m.start > st.span.start
        && m.end <= cue.start
        && content.start >= cue.end
        && st.span.contains(m);
    if !fronted {
        return None;
    }
    // not across a semicolon: "X wants A; Y wants B" gives Y only its own clause
    let before = doc.text().get(st.span.start..m.start)?;
    let from = before
        .rfind(';')
        .map_or(st.span.start, |i| st.span.start + i + 1);
    Some(Span::new(from, m.start))
}

/// Indices of the cues (sorted by start) that lie inside `span`.
fn cues_inside(cues: &[Cue], span: Span) -> Vec<usize> {
    let from = cues.partition_point(|c| c.span.start < span.start);
    (from..cues.len())
        .take_while(|&i| cues[i].span.start < span.end)
        .filter(|&i| span.contains(cues[i].span))
        .collect()
}

fn speaker_of(doc: &Document, st: &stancemap_core::Statement, lex: &StanceGrammar) -> Speaker {
    let actor = doc.actors.get(st.actor.0);
    // The role's words, lower-cased, with whether each was capitalised.
    let role: Vec<(String, bool)> = actor
        .and_then(|a| a.role.as_deref())
        .map(|r| {
            r.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| (w.to_lowercase(), w.starts_with(char::is_uppercase)))
                .collect()
        })
        .unwrap_or_default();
    let official = actor.is_some_and(|a| {
        matches!(a.kind, ActorKind::State | ActorKind::Organisation)
            || role.iter().any(|(w, _)| lex.official_roles.contains(w))
    });
    // Distinctive words of the role: capitalised, not a title or a generic word.
    let affiliation = role
        .into_iter()
        .filter(|(w, cap)| {
            *cap && w.len() >= 3
                && !lex.official_roles.contains(w)
                && !matches!(w.as_str(), "group" | "party" | "the" | "office")
        })
        .map(|(w, _)| w)
        .collect();
    let mut sp = Speaker {
        is_author: actor.is_some_and(|a| a.kind == ActorKind::Author),
        official,
        affiliation,
        ..Speaker::default()
    };
    if let Some(m) = st.mention.and_then(|m| doc.mentions.get(m)) {
        sp.spans.push(m.span);
    }
    // Only the mentions inside the statement can govern its words: find them by binary
    // search (mentions are sorted by start), so a document stays linear in its statements.
    let from = doc
        .mentions
        .partition_point(|m| m.span.end <= st.span.start);
    for m in doc.mentions[from..]
        .iter()
        .take_while(|m| m.span.start < st.span.end)
    {
        if m.actor == st.actor {
            sp.spans.push(m.span);
        } else {
            sp.others.push(m.span);
            let other = doc.actors.get(m.actor.0);
            if other.is_some_and(|a| matches!(a.kind, ActorKind::Person | ActorKind::Group)) {
                sp.other_people.push(m.span);
            }
            // another country's state or body: never the speaker's own side
            let (theirs, ours) = (
                other.and_then(|a| a.country.as_deref()),
                actor.and_then(|a| a.country.as_deref()),
            );
            if theirs.is_some() && ours.is_some() && theirs != ours {
                sp.foreign.push(m.span);
            }
        }
    }
    sp
}

impl Stage for StanceDetector {
    fn name(&self) -> &'static str {
        "stance"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Statements, Layer::Cues]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Stances]
    }

    fn process(&self, doc: &mut Document) -> Result<(), Error> {
        self.annotate(doc);
        Ok(())
    }
}

/// The topic-tagging stage: writes where each document touches a topic
/// ([`Document::topic_spans`]) before attribution reads it, and leaves its scan of the
/// text for the [`StanceDetector`] it shares, which then does not scan again.
///
/// ```
/// use stancemap_core::{Document, Stage, TopicTerm};
/// use stancemap_stance::{StanceDetector, TopicTagger};
/// use std::sync::Arc;
/// let mut doc = Document::new("d", "Allies debated whether to shoot down intruding drones.");
/// stancemap_text::Segmenter::default().process(&mut doc)?;
/// TopicTagger::new(Arc::new(StanceDetector::default())).process(&mut doc)?;
/// let spans = doc.topic_spans.as_deref().unwrap_or_default();
/// assert_eq!(&*spans[0].topic, "shoot_down");
/// assert_eq!(spans[0].kind, TopicTerm::Target);
/// assert_eq!(doc.slice(spans[0].span), "shoot down");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct TopicTagger {
    detector: Arc<StanceDetector>,
}

impl TopicTagger {
    /// The tagger of a detector's topics.
    pub fn new(detector: Arc<StanceDetector>) -> TopicTagger {
        TopicTagger { detector }
    }
}

impl Stage for TopicTagger {
    fn name(&self) -> &'static str {
        "topics"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Topics]
    }

    fn process(&self, doc: &mut Document) -> Result<(), Error> {
        self.detector.tag_topics(doc);
        Ok(())
    }
}
