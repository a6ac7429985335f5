//! Compiling a pack ([`PackRt`], [`Matchers`]) and the common lexicon's layers ([`LexMatchers`]).

use crate::lexicon::{CueEntry, Entry, Role, StanceGrammar};
use crate::topic::TopicPack;
use stancemap_patterns::Matcher;
use stancemap_patterns::{Pattern, Vocab};

/// A pack with the cues it uses (its own first, then the inherited common ones) and
/// their matchers.
#[derive(Clone, Debug)]
pub(crate) struct PackRt {
    pub pack: TopicPack,
    pub cues: Vec<CueEntry>,
    pub(super) m: Matchers,
    /// The cue entries of a good and a bad evaluation ("<be> <good>"), which also judge
    /// a target in a small clause ("called the shootdown a mistake").
    pub(super) judge: Option<(usize, usize)>,
}

impl PackRt {
    /// Compiles a pack's patterns against a vocabulary shared by all packs of a
    /// detector.
    pub(crate) fn new(pack: TopicPack, lex: &StanceGrammar, vocab: &mut Vocab) -> PackRt {
        let mut cues = pack.cues.clone();
        if pack.inherits_common() {
            cues.extend(lex.cues.iter().cloned());
        }
        let cue_entries = || cues.iter().enumerate().map(|(i, c)| (i, &c.patterns[..]));
        let question = |i: usize| matches!(&cues[i].role, Role::Frame(f) if f.question);
        let goalless: Vec<(usize, Vec<Pattern>)> = pack
            .targets
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let ps = e.patterns.iter();
                (
                    i,
                    ps.filter_map(|p| p.without_goal(|w| lex.goal_relators.contains(w)))
                        .collect(),
                )
            })
            .collect();
        let m = Matchers {
            cues_all: Matcher::new(cue_entries(), vocab),
            cues_no_question: Matcher::new(cue_entries().filter(|(i, _)| !question(*i)), vocab),
            targets: plain(&pack.targets, vocab).with_neg_gaps(),
            goalless: Matcher::new(goalless.iter().map(|(i, ps)| (*i, &ps[..])), vocab)
                .with_neg_gaps(),
            anchors: Matcher::new(
                cue_entries()
                    .filter(|(i, _)| matches!(cues[*i].role, Role::Term { anchor: true, .. })),
                vocab,
            ),
        };
        let find = |id: &str| cues.iter().position(|c| c.id == id);
        let judge = find("evaluation-good").zip(find("evaluation-bad"));
        PackRt {
            pack,
            cues,
            m,
            judge,
        }
    }
}

/// The compiled matchers of a pack (its cues and targets).
#[derive(Clone, Debug)]
pub(super) struct Matchers {
    pub(super) cues_all: Matcher,
    pub(super) cues_no_question: Matcher,
    pub(super) targets: Matcher,
    /// The targets without their goal (see [`Pattern::without_goal`]).
    pub(super) goalless: Matcher,
    /// The anchor terms alone: in a document without a target, whether the pack's
    /// cues need scanning at all.
    pub(super) anchors: Matcher,
}

/// The matchers of the common lexicon's own layers, compiled once and shared by every
/// pack.
#[derive(Clone, Debug)]
pub(crate) struct LexMatchers {
    pub(super) alignments: Matcher,
    pub(super) scopes: Matcher,
    pub(super) contrasts: Matcher,
    pub(super) answers: Matcher,
    pub(super) mentions: Matcher,
    pub(super) verdicts: Matcher,
}

impl LexMatchers {
    pub(crate) fn new(lex: &StanceGrammar, vocab: &mut Vocab) -> LexMatchers {
        LexMatchers {
            alignments: plain(&lex.alignments, vocab),
            scopes: plain(&lex.scopes, vocab),
            contrasts: plain(&lex.contrasts, vocab),
            answers: signed(&lex.answers, vocab),
            mentions: plain(&lex.mentions, vocab),
            verdicts: signed(&lex.verdicts, vocab),
        }
    }
}

/// A matcher of plain entries (targets, scopes, contrasts …); hits index `entries`.
fn plain(entries: &[Entry], vocab: &mut Vocab) -> Matcher {
    Matcher::new(
        entries
            .iter()
            .enumerate()
            .map(|(i, e)| (i, &e.patterns[..])),
        vocab,
    )
}

/// A matcher of signed entries (answers, verdicts); hits index `entries`.
fn signed(entries: &[(f32, Entry)], vocab: &mut Vocab) -> Matcher {
    Matcher::new(
        entries
            .iter()
            .enumerate()
            .map(|(i, (_, e))| (i, &e.patterns[..])),
        vocab,
    )
}
