//! Per-statement stance classification (the rules are documented on
//! [`StanceDetector`](crate::StanceDetector)).
//!
//! Vocabulary used below:
//! - **object**: what a stance is about — a target match ("shoot down"), a weak term
//!   ("caution", "show of force") or a condition ("case-by-case");
//! - **frame**: a cue that governs objects ("should", "warned against", "would be an
//!   alternative"); frames chain ("decided to avoid X", "warned against the risks of X");
//! - **vote**: one object with its governing frames, giving a signed value.

use crate::lexicon::{CueEntry, Effect, Holder, Lexicon, Position, Role};
use crate::pattern::{Key, Pattern, Sym, TokView, Vocab};
use crate::stream::{Stream, Tok};
use crate::topic::TopicPack;
use stancemap_core::hash::FxHashMap;
use stancemap_core::{Span, Stance};
use std::collections::BTreeSet;
use std::ops::Range;

/// A pack with the cues it uses (its own first, then the inherited common ones) and
/// their matchers.
#[derive(Clone, Debug)]
pub(crate) struct PackRt {
    pub pack: TopicPack,
    pub cues: Vec<CueEntry>,
    m: Matchers,
    /// The cue entries of a good and a bad evaluation ("<be> <good>"), which also judge
    /// a target in a small clause ("called the shootdown a mistake").
    judge: Option<(usize, usize)>,
}

impl PackRt {
    /// Compiles a pack's patterns against a vocabulary shared by all packs of a
    /// detector.
    pub(crate) fn new(pack: TopicPack, lex: &Lexicon, vocab: &mut Vocab) -> PackRt {
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
            targets: Matcher {
                neg_gaps: true,
                ..Matcher::plain(&pack.targets, vocab)
            },
            goalless: Matcher {
                neg_gaps: true,
                ..Matcher::new(goalless.iter().map(|(i, ps)| (*i, &ps[..])), vocab)
            },
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

/// The matchers of the common lexicon's own layers, compiled once and shared by every
/// pack.
#[derive(Clone, Debug)]
pub(crate) struct LexMatchers {
    alignments: Matcher,
    scopes: Matcher,
    contrasts: Matcher,
    answers: Matcher,
    mentions: Matcher,
    verdicts: Matcher,
}

impl LexMatchers {
    pub(crate) fn new(lex: &Lexicon, vocab: &mut Vocab) -> LexMatchers {
        LexMatchers {
            alignments: Matcher::plain(&lex.alignments, vocab),
            scopes: Matcher::plain(&lex.scopes, vocab),
            contrasts: Matcher::plain(&lex.contrasts, vocab),
            answers: Matcher::signed(&lex.answers, vocab),
            mentions: Matcher::plain(&lex.mentions, vocab),
            verdicts: Matcher::signed(&lex.verdicts, vocab),
        }
    }
}

static DEBUG: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::env::var_os("STANCE_DEBUG").is_some());

/// A match: stream token range and entry index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

impl Hit {
    fn overlaps(&self, o: &Hit) -> bool {
        self.start < o.end && o.start < self.end
    }
}

/// A set of (entry, pattern) pairs indexed by the keys of their first token, so that a
/// scan tries at each position only the patterns that can start there.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    pats: Vec<(usize, Pattern<Sym>)>,
    /// Per first-token symbol: `lists[at[sym]..at[sym + 1]]` are the patterns to try
    /// (the unkeyed ones merged in), in pattern order. Symbols interned after this
    /// matcher was built (by later packs) are beyond `at` and get `always`.
    at: Vec<u32>,
    lists: Vec<u32>,
    /// The same for negators.
    neg: Box<[u32]>,
    /// Patterns that can start anywhere.
    always: Box<[u32]>,
    /// Gaps may skip negators (targets).
    neg_gaps: bool,
}

impl Matcher {
    fn new<'a>(
        entries: impl Iterator<Item = (usize, &'a [Pattern])>,
        vocab: &mut Vocab,
    ) -> Matcher {
        let mut pats = Vec::new();
        let mut by_key: FxHashMap<Sym, Vec<u32>> = FxHashMap::default();
        let mut neg = Vec::new();
        let mut always = Vec::new();
        for (entry, ps) in entries {
            for p in ps {
                let i = u32::try_from(pats.len()).unwrap_or(u32::MAX);
                let p = p.intern(vocab);
                match p.first_keys() {
                    Some(keys) => {
                        for k in keys {
                            let v = match k {
                                Key::Sym(s) => by_key.entry(s).or_default(),
                                Key::Neg => &mut neg,
                            };
                            if v.last() != Some(&i) {
                                v.push(i);
                            }
                        }
                    }
                    None => always.push(i),
                }
                pats.push((entry, p));
            }
        }
        let with_always = |v: &[u32]| {
            let mut v: Vec<u32> = v.iter().chain(&always).copied().collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let n = vocab.len();
        let mut at = Vec::with_capacity(n + 1);
        let mut lists = Vec::new();
        for sym in 0..n {
            at.push(u32::try_from(lists.len()).unwrap_or(u32::MAX));
            // `always` is in pattern order already.
            match Sym::try_from(sym).ok().and_then(|s| by_key.get(&s)) {
                Some(own) => lists.extend(with_always(own)),
                None => lists.extend_from_slice(&always),
            }
        }
        at.push(u32::try_from(lists.len()).unwrap_or(u32::MAX));
        Matcher {
            pats,
            at,
            lists,
            neg: with_always(&neg).into_boxed_slice(),
            always: always.clone().into_boxed_slice(),
            neg_gaps: false,
        }
    }

    /// A matcher of plain entries (targets, scopes, contrasts …).
    fn plain(entries: &[crate::lexicon::Entry], vocab: &mut Vocab) -> Matcher {
        Matcher::of(entries.iter(), vocab)
    }

    /// A matcher of signed entries (answers, verdicts); hits index `entries`.
    fn signed(entries: &[(f32, crate::lexicon::Entry)], vocab: &mut Vocab) -> Matcher {
        Matcher::of(entries.iter().map(|(_, e)| e), vocab)
    }

    fn of<'a>(
        entries: impl Iterator<Item = &'a crate::lexicon::Entry>,
        vocab: &mut Vocab,
    ) -> Matcher {
        Matcher::new(
            entries.enumerate().map(|(i, e)| (i, &e.patterns[..])),
            vocab,
        )
    }

    /// The patterns whose first token may be `sym`.
    #[inline]
    fn list(&self, sym: Sym) -> &[u32] {
        let s = sym as usize;
        match (self.at.get(s), self.at.get(s + 1)) {
            (Some(&a), Some(&b)) => &self.lists[a as usize..b as usize],
            _ => &self.always,
        }
    }

    /// The patterns that can match at a token, in pattern order; `buf` is scratch space
    /// for the rare token that has more than one list.
    fn candidates<'s>(&'s self, t: &Tok, buf: &'s mut Vec<u32>) -> &'s [u32] {
        let a = self.list(t.stem());
        let b = if t.norm() != t.stem() {
            self.list(t.norm())
        } else {
            &[]
        };
        let c: &[u32] = if t.is_neg() { &self.neg } else { &[] };
        let extra = |l: &[u32]| l.len() > self.always.len();
        match (extra(a), extra(b), extra(c)) {
            (_, false, false) => a,
            (false, true, false) => b,
            (false, false, true) => c,
            _ => {
                buf.clear();
                buf.extend_from_slice(a);
                buf.extend_from_slice(b);
                buf.extend_from_slice(c);
                buf.sort_unstable();
                buf.dedup();
                buf
            }
        }
    }

    /// Leftmost-longest, non-overlapping matches in `range`; of equally long matches
    /// the entry listed first wins.
    fn scan(&self, toks: &[Tok], range: Range<usize>) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut pos = range.start;
        let mut buf: Vec<u32> = Vec::new();
        while pos < range.end {
            let mut best: Option<(usize, usize)> = None;
            for &i in self.candidates(&toks[pos], &mut buf) {
                let (entry, p) = &self.pats[i as usize];
                if let Some(end) = p.match_at_gaps(toks, pos, range.end, self.neg_gaps)
                    && best.is_none_or(|(e, _)| end > e)
                {
                    best = Some((end, *entry));
                }
            }
            match best {
                Some((end, entry)) => {
                    out.push(Hit {
                        start: pos,
                        end,
                        entry,
                    });
                    pos = end;
                }
                None => pos += 1,
            }
        }
        out
    }
}

/// The compiled matchers of a pack (its cues and targets).
#[derive(Clone, Debug)]
struct Matchers {
    cues_all: Matcher,
    cues_no_question: Matcher,
    targets: Matcher,
    /// The targets without their goal (see [`Pattern::without_goal`]).
    goalless: Matcher,
    /// The anchor terms alone: in a document without a target, whether the pack's
    /// cues need scanning at all.
    anchors: Matcher,
}

/// The matches of one pack in one document.
#[derive(Debug)]
pub(crate) struct PackDoc {
    pub active: bool,
    pub targets: Vec<Hit>,
    /// Frames, terms and conditions (ignore entries removed), by start.
    pub cues: Vec<Hit>,
    pub scopes: Vec<Hit>,
    pub contrasts: Vec<Hit>,
    pub alignments: Vec<Hit>,
    /// entry = index into `Lexicon::answers`.
    pub answers: Vec<Hit>,
    /// Tokens inside a frame, term or condition (their negators are part of the cue).
    consumed: Vec<bool>,
    /// Tokens inside an object (not counted in frame distances).
    in_object: Vec<bool>,
    /// Clause boundaries: end punctuation, contrast markers, ", and" ….
    hard: Vec<bool>,
    /// Scope region (index into `scopes`) of each token.
    scope_of: Vec<Option<usize>>,
    /// Sentences with a target.
    target_sents: BTreeSet<usize>,
}

/// Everything the classifier needs about one document.
pub(crate) struct DocView<'a> {
    pub lex: &'a Lexicon,
    pub layers: &'a LexMatchers,
    pub stream: &'a Stream,
}

/// How far back (in words) the subject of a coordinated predicate is looked for ("It
/// rejected any loosening of the national rules and warned …").
const COORD_SUBJECT_REACH: usize = 16;

/// How far before a target a verb of calling, and after it the evaluation, is looked
/// for ("called [the decision to] open fire [on the drone fully] justified").
const SMALL_CLAUSE_REACH: usize = 4;

/// How many more words a frame reaches over when its object is the second of two
/// coordinated predicates ("must [stop hiding behind its lawyers] and [use …]").
const CONJUNCT_REACH: usize = 6;

/// Who is speaking in a statement, for subject checks.
#[derive(Debug, Default)]
pub(crate) struct Speaker {
    pub spans: Vec<Span>,
    pub others: Vec<Span>,
    /// The mentions of `others` that name people or groups (not states or institutions).
    pub other_people: Vec<Span>,
    /// The mentions of `others` whose actor belongs to another country than the
    /// speaker's (both known).
    pub foreign: Vec<Span>,
    pub is_author: bool,
    /// The speaker speaks for a state or institution (an official, a ministry): a named
    /// state or institution as the subject of a commitment is taken to be their side.
    pub official: bool,
    /// Lowercased distinctive words of the speaker's role or affiliation ("Renew Group"
    /// gives "renew"): a subject that names them is the speaker's own side ("Renew wants
    /// …", said by a member speaking for the group).
    pub affiliation: Vec<String>,
}

/// A set of stream positions within a bounded range (a statement's tokens), so that
/// classifying a statement costs in proportion to its length, not the document's.
#[derive(Clone, Debug, Default)]
pub(crate) struct Mask {
    lo: usize,
    bits: Vec<bool>,
}

const TRUE: bool = true;
const FALSE: bool = false;

impl Mask {
    /// The positions of some ranges.
    pub(crate) fn from_ranges(ranges: &[Range<usize>]) -> Mask {
        let ranges: Vec<&Range<usize>> = ranges.iter().filter(|r| r.start < r.end).collect();
        let (Some(lo), Some(hi)) = (
            ranges.iter().map(|r| r.start).min(),
            ranges.iter().map(|r| r.end).max(),
        ) else {
            return Mask::default();
        };
        let mut bits = vec![false; hi - lo];
        for r in ranges {
            bits[r.start - lo..r.end - lo]
                .iter_mut()
                .for_each(|b| *b = true);
        }
        Mask { lo, bits }
    }

    /// The positions of one range.
    fn of(r: Range<usize>) -> Mask {
        Mask::from_ranges(std::slice::from_ref(&r))
    }

    /// The bounding range.
    fn range(&self) -> Range<usize> {
        self.lo..self.lo + self.bits.len()
    }

    /// Removes the positions of a range.
    fn clear(&mut self, r: Range<usize>) {
        let a = r.start.clamp(self.lo, self.lo + self.bits.len()) - self.lo;
        let b = r.end.clamp(self.lo, self.lo + self.bits.len()) - self.lo;
        if a < b {
            self.bits[a..b].iter_mut().for_each(|x| *x = false);
        }
    }

    /// The first position.
    fn first(&self) -> Option<usize> {
        self.bits.iter().position(|&b| b).map(|i| i + self.lo)
    }
}

impl std::ops::Index<usize> for Mask {
    type Output = bool;
    fn index(&self, i: usize) -> &bool {
        let hit = i >= self.lo && self.bits.get(i - self.lo).copied().unwrap_or(false);
        if hit { &TRUE } else { &FALSE }
    }
}

/// The hits (with their indices) that start inside a range; `hits` is sorted by start.
fn hits_in(hits: &[Hit], r: Range<usize>) -> impl Iterator<Item = (usize, &Hit)> {
    let a = hits.partition_point(|h| h.start < r.start);
    let b = hits.partition_point(|h| h.start < r.end).max(a);
    hits[a..b].iter().enumerate().map(move |(k, h)| (a + k, h))
}

/// The statement being classified: stream tokens in scope and the reporting cue.
pub(crate) struct Window {
    pub on: Mask,
    pub cue: Option<Range<usize>>,
    /// The topic being classified is the only one active in the document.
    pub sole_topic: bool,
}

/// The outcome for one statement and topic.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Decision {
    pub stance: Stance,
    pub score: f32,
    pub evidence: Vec<Span>,
    pub rule: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Obj {
    Target(usize),
    Cue(usize),
}

#[derive(Clone, Debug)]
struct Vote {
    value: f32,
    weight: f32,
    /// Some(strong) for a condition.
    cond: Option<bool>,
    /// Cue hits of the governing frames, inner first; then the post frame, if any.
    frames: Vec<usize>,
    object: Obj,
    licensed: bool,
    dropped: bool,
}

#[derive(Clone, Copy, Debug, Default)]
struct Opts {
    /// Alignment propagation: the clause is someone else's, no subject checks.
    propagate: bool,
    /// Answer rule: evaluate the question as if asserted.
    unscoped: bool,
}

impl<'a> DocView<'a> {
    /// A target that names a policy by a noun ("a reassurance force for Kyiv") is named
    /// again by that noun with a definite determiner later ("the force", "this
    /// force"): those become targets too.
    fn definite_anaphora(&self, targets_of: &mut [Vec<Hit>]) {
        let toks = &self.stream.toks;
        let mut heads: Vec<(&str, usize, usize)> = Vec::new(); // (noun, entry, first end)
        for h in targets_of.iter().flatten() {
            // the policy noun of the match ("a multinational force for Kyiv") or of a
            // phrase right after it ("send troops to Kyiv as part of a joint force"),
            // not a noun an action takes ("use of force against")
            let sent_end = self.stream.sents[toks[h.start].sent].range.end;
            let after = (h.end..(h.end + 6).min(sent_end))
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
    fn goalless_targets(&self, rt: &PackRt, targets_of: &mut [Vec<Hit>]) {
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
                let other_goal = (h.end..(h.end + 3).min(s.range.end)).any(|i| {
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
    fn small_clauses(
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
                if t.val.abs() >= crate::pattern::VALENCE_MIN {
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
    fn elided_targets(&self, targets_of: &mut [Vec<Hit>]) {
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

    /// Finds the matches of a pack.
    pub(crate) fn match_pack(&self, rt: &PackRt) -> PackDoc {
        let toks = &self.stream.toks;
        let lex = self.lex;
        // Targets first: a document that never names the topic needs nothing else.
        let mut targets_of: Vec<Vec<Hit>> = self
            .stream
            .sents
            .iter()
            .map(|s| {
                let mut hits = rt.m.targets.scan(toks, s.range.clone());
                // Noun compounds: "drone manufacturers", "rules of engagement with a
                // trading partner" name no action on the topic.
                hits.retain(|h| {
                    !toks
                        .get(h.end)
                        .is_some_and(|t| lex.compound_heads.contains(self.stream.norm(t)))
                });
                hits
            })
            .collect();
        self.goalless_targets(rt, &mut targets_of);
        self.definite_anaphora(&mut targets_of);
        self.elided_targets(&mut targets_of);
        let anchored = || {
            self.stream
                .sents
                .iter()
                .any(|s| !rt.m.anchors.scan(toks, s.range.clone()).is_empty())
        };
        let n = if targets_of.iter().all(Vec::is_empty) && !anchored() {
            0
        } else {
            toks.len()
        };
        let mut pd = PackDoc {
            active: false,
            targets: Vec::new(),
            cues: Vec::new(),
            scopes: Vec::new(),
            contrasts: Vec::new(),
            alignments: Vec::new(),
            answers: Vec::new(),
            consumed: vec![false; n],
            in_object: vec![false; n],
            hard: vec![false; n],
            scope_of: vec![None; n],
            target_sents: BTreeSet::new(),
        };
        if n == 0 {
            return pd;
        }
        for (si, s) in self.stream.sents.iter().enumerate() {
            let r = s.range.clone();
            let aligns = self.layers.alignments.scan(toks, r.clone());
            let cue_m = if s.question || self.reported_question_sentence(r.clone()) {
                &rt.m.cues_all
            } else {
                &rt.m.cues_no_question
            };
            let mut cues: Vec<Hit> = cue_m
                .scan(toks, r.clone())
                .into_iter()
                .filter(|h| !aligns.iter().any(|a| a.overlaps(h)))
                .collect();
            let targets = std::mem::take(&mut targets_of[si]);
            // "in full and without a lottery": a negated condition sets none.
            let negated_cond = |h: &Hit| {
                (r.start..h.start)
                    .rev()
                    .find(|&i| !matches!(self.stream.norm(&toks[i]), "a" | "an" | "the" | "any"))
                    .is_some_and(|i| matches!(self.stream.norm(&toks[i]), "without" | "no"))
            };
            cues.retain(|h| match rt.cues[h.entry].role {
                Role::Term { .. } => !targets.iter().any(|t| t.overlaps(h)),
                Role::Cond { .. } => !targets.iter().any(|t| t.overlaps(h)) && !negated_cond(h),
                _ => true,
            });
            let blocked = |h: &Hit| cues.iter().chain(&targets).any(|c| c.overlaps(h));
            let scopes: Vec<Hit> = self
                .layers
                .scopes
                .scan(toks, r.clone())
                .into_iter()
                .filter(|h| !blocked(h))
                .collect();
            let contrasts: Vec<Hit> = self
                .layers
                .contrasts
                .scan(toks, r.clone())
                .into_iter()
                .filter(|h| !blocked(h))
                .collect();
            // "Why wouldn't we?" answers a question although a question frame matches it
            let question_frame =
                |c: &Hit| matches!(&rt.cues[c.entry].role, Role::Frame(f) if f.question);
            let answers: Vec<Hit> = self
                .layers
                .answers
                .scan(toks, r.clone())
                .into_iter()
                .filter(|h| {
                    !targets.iter().any(|c| c.overlaps(h))
                        && !cues.iter().any(|c| c.overlaps(h) && !question_frame(c))
                })
                .collect();
            // a fixed expression's negator negates nothing ("no question that")
            for h in cues
                .iter()
                .filter(|h| matches!(rt.cues[h.entry].role, Role::Ignore))
            {
                pd.consumed[h.start..h.end].fill(true);
            }
            cues.retain(|h| !matches!(rt.cues[h.entry].role, Role::Ignore));
            let judged = self.small_clauses(rt, &targets, &cues, r.clone());
            if !judged.is_empty() {
                cues.extend(judged);
                cues.sort_by_key(|h| h.start);
            }
            let anchored = cues
                .iter()
                .any(|h| matches!(rt.cues[h.entry].role, Role::Term { anchor: true, .. }));
            if !targets.is_empty() || anchored {
                pd.target_sents.insert(si);
            }
            // Token annotations.
            for h in &cues {
                for i in h.start..h.end {
                    pd.consumed[i] = true;
                    if !matches!(rt.cues[h.entry].role, Role::Frame(_)) {
                        pd.in_object[i] = true;
                    }
                }
            }
            for h in &targets {
                for i in h.start..h.end {
                    pd.in_object[i] = true;
                }
            }
            for i in r.clone() {
                let t = &toks[i];
                if !t.word && matches!(self.stream.norm(t), "." | ";" | ":" | "?" | "!" | "(" | ")")
                {
                    pd.hard[i] = true;
                }
                // ", and bring them down": a coordinated action, not a new clause
                let coordinated_target = || {
                    matches!(self.stream.norm(&toks[i + 1]), "and" | "or")
                        && targets.iter().any(|h| h.start == i + 2)
                };
                if !t.word
                    && self.stream.norm(t) == ","
                    && toks.get(i + 1).is_some_and(|x| {
                        x.sent == si && lex.comma_clauses.contains(self.stream.norm(x))
                    })
                    && !coordinated_target()
                {
                    pd.hard[i] = true;
                }
            }
            for h in &contrasts {
                for i in h.start..h.end {
                    pd.hard[i] = true;
                }
            }
            // Scope regions: opener to the next comma or boundary.
            for h in &scopes {
                let idx = pd.scopes.len();
                let mut i = h.start;
                while i < r.end {
                    let t = &toks[i];
                    if i >= h.end && (pd.hard[i] || (!t.word && self.stream.norm(t) == ",")) {
                        break;
                    }
                    if pd.scope_of[i].is_none() {
                        pd.scope_of[i] = Some(idx);
                    }
                    i += 1;
                }
                pd.scopes.push(*h);
            }
            pd.targets.extend(targets);
            pd.cues.extend(cues);
            pd.contrasts.extend(contrasts);
            pd.alignments.extend(aligns);
            pd.answers.extend(answers);
        }
        pd.active = !pd.target_sents.is_empty();
        pd
    }

    /// A question reported without its question mark asks as one would: "X asked why
    /// the navy cannot …", "Would any government …, X wanted to know."
    fn reported_question_sentence(&self, r: Range<usize>) -> bool {
        let toks = &self.stream.toks;
        let norm = |i: usize| self.stream.norm(&toks[i]);
        let asking = |i: usize| self.lex.asking.contains(norm(i));
        let why = r.clone().skip(1).any(|i| norm(i) == "why" && asking(i - 1));
        let opens = r
            .clone()
            .find(|&i| toks[i].word)
            .is_some_and(|i| self.lex.question_openers.contains(norm(i)));
        // "…, X asked." / "…, X wanted to know.": the asking verb in the last clause
        let tail = opens
            && r.clone()
                .rev()
                .skip_while(|&i| !toks[i].word)
                .take_while(|&i| norm(i) != ",")
                .any(|i| asking(i) || (norm(i) == "know" && i > r.start && norm(i - 1) == "to"));
        why || tail
    }

    /// Spans of the target matches.
    pub(crate) fn target_spans(&self, pd: &PackDoc) -> Vec<Span> {
        pd.targets
            .iter()
            .map(|h| span_of(&self.stream.toks, h.start, h.end))
            .collect()
    }

    /// Spans of the weak terms and conditions.
    pub(crate) fn term_spans(&self, rt: &PackRt, pd: &PackDoc) -> Vec<Span> {
        pd.cues
            .iter()
            .filter(|h| matches!(rt.cues[h.entry].role, Role::Term { .. } | Role::Cond { .. }))
            .map(|h| span_of(&self.stream.toks, h.start, h.end))
            .collect()
    }

    fn words_between(&self, pd: &PackDoc, a: usize, b: usize) -> usize {
        (a..b)
            .filter(|&i| self.stream.toks[i].word && !pd.in_object[i])
            .count()
    }

    /// Words between an object and a post frame, not counting a place or time phrase
    /// of the object ("firing on a fighter over the Gulf of Finland would have been
    /// madness": a preposition with determiners and names only).
    fn post_words_between(&self, pd: &PackDoc, a: usize, b: usize) -> usize {
        let toks = &self.stream.toks;
        let mut n = 0;
        let mut i = a;
        while i < b {
            let t = &toks[i];
            i += 1;
            if !t.word || pd.in_object[i - 1] {
                continue;
            }
            if self.lex.place_prepositions.contains(self.stream.norm(t)) {
                while i < b
                    && toks[i].word
                    && (toks[i].cap || self.lex.determiners.contains(self.stream.norm(&toks[i])))
                {
                    i += 1;
                }
                continue;
            }
            n += 1;
        }
        n
    }

    fn boundary_between(&self, pd: &PackDoc, a: usize, b: usize) -> bool {
        (a..b).any(|i| pd.hard[i])
    }

    /// "The allies risk sleepwalking into a war if they fire on the jets": a target in an
    /// `if` clause after the main clause takes the consequence the main clause states (a
    /// frame that judges what precedes it, with a fixed or flipping effect).
    fn consequence_before_if(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        on: &Mask,
        start: usize,
    ) -> Option<usize> {
        let toks = &self.stream.toks;
        let opener = pd.scopes[pd.scope_of[start]?];
        if self
            .lex
            .scopes
            .get(opener.entry)
            .is_none_or(|e| e.id != "if")
        {
            return None;
        }
        let sr = self.stream.sents[toks[start].sent].range.clone();
        hits_in(&pd.cues, sr.start..opener.start)
            .filter(|(_, h)| {
                h.end <= opener.start
                    && on[h.start]
                    && pd.scope_of[h.start].is_none()
                    && !self.boundary_between(pd, h.end, opener.start)
                    && self.frame(rt, h).is_some_and(|f| {
                        f.position != Position::Pre
                            && matches!(f.effect, Effect::Oppose | Effect::Flip | Effect::Support)
                    })
            })
            .map(|(k, _)| k)
            .last()
    }

    /// "Shooting down a jet would not be an incident. It would be an act of war.": a post
    /// frame whose subject is a bare "it", "that", "this", "they" or "these" opening the
    /// next sentence evaluates the last target of the sentence before, when that
    /// sentence has no target after `end` and the next has none of its own.
    fn anaphoric_post(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        on: &Mask,
        sent: usize,
        end: usize,
    ) -> Option<usize> {
        let toks = &self.stream.toks;
        let next = self.stream.sents.get(sent + 1)?;
        let own = self.stream.sents[sent].range.clone();
        let targets_in = |r: Range<usize>| hits_in(&pd.targets, r).next().is_some();
        if targets_in(end..own.end) || targets_in(next.range.clone()) {
            return None;
        }
        let first = next.range.clone().find(|&i| toks[i].word)?;
        if !matches!(
            self.stream.norm(&toks[first]),
            "it" | "that" | "this" | "they" | "these"
        ) {
            return None;
        }
        let (k, h) = hits_in(&pd.cues, next.range.clone())
            .filter(|(_, h)| h.start > first && on[h.start])
            .find(|(_, h)| {
                self.frame(rt, h)
                    .is_some_and(|f| f.position == Position::Post)
            })?;
        let only_aux = (first + 1..h.start).all(|i| {
            toks[i].word && (self.lex.skip.contains(self.stream.norm(&toks[i])) || toks[i].neg)
        });
        (only_aux && pd.scope_of[h.start].is_none()).then_some(k)
    }

    /// Is token `p` in the consequent of the conditional antecedent that holds token
    /// `t` ("If we shoot them down, Moscow will retaliate": the retaliation is what the
    /// action leads to)? The antecedent is a scope with id `if` closed by a comma; the
    /// consequent is outside every scope, after it.
    fn consequent_of(&self, pd: &PackDoc, t: usize, p: usize) -> bool {
        let Some(si) = pd.scope_of[t] else {
            return false;
        };
        let opener = &pd.scopes[si];
        self.lex
            .scopes
            .get(opener.entry)
            .is_some_and(|e| e.id == "if")
            && pd.scope_of[p].is_none()
            && (t..p)
                .any(|i| pd.scope_of[i].is_none() && self.stream.norm(&self.stream.toks[i]) == ",")
    }

    /// Does the object of the target at `start..end` carry a universal quantifier (inside
    /// the match or in the two words after it: "shoot down every drone")?
    fn universal_object(&self, start: usize, end: usize) -> bool {
        let toks = &self.stream.toks;
        let sent = toks[start].sent;
        (start..(end + 2).min(toks.len()))
            .take_while(|&i| toks[i].sent == sent && toks[i].word)
            .any(|i| self.lex.universal.contains(self.stream.norm(&toks[i])))
    }

    fn frame<'r>(&self, rt: &'r PackRt, h: &Hit) -> Option<&'r crate::lexicon::Frame> {
        match &rt.cues[h.entry].role {
            Role::Frame(f) => Some(f),
            _ => None,
        }
    }

    /// Classifies one statement on one topic; a sarcastic reporting verb ("said
    /// sarcastically") inverts the position its words state.
    pub(crate) fn classify(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        win: &Window,
        speaker: &Speaker,
    ) -> Option<Decision> {
        let mut d = self.classify_words(rt, pd, win, speaker)?;
        if self.sarcastic(win) {
            d.stance = match d.stance {
                Stance::Support => Stance::Oppose,
                Stance::Oppose => Stance::Support,
                Stance::Conditional => Stance::Conditional,
            };
            d.score = -d.score;
        }
        Some(d)
    }

    /// A manner adverb of sarcasm right after the reporting cue or right before it.
    fn sarcastic(&self, win: &Window) -> bool {
        let Some(cue) = &win.cue else { return false };
        let toks = &self.stream.toks;
        let near = cue.start.saturating_sub(1)..(cue.end + 2).min(toks.len());
        near.into_iter()
            .any(|i| self.lex.sarcasm.contains(self.stream.norm(&toks[i])))
    }

    fn classify_words(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        win: &Window,
        speaker: &Speaker,
    ) -> Option<Decision> {
        if !pd.active {
            return None;
        }
        let mut on = win.on.clone();
        self.restrict_contrast(pd, &mut on, win, speaker);
        let sents = self.sentences_of(&on);
        if sents.is_empty() {
            return None;
        }
        let near = self.near(pd, &sents);
        if let Some(d) = self.answer(rt, pd, &on, &sents) {
            return Some(d);
        }
        if let Some(d) = self.ellipsis(rt, pd, &on, speaker) {
            return Some(d);
        }
        let (mut votes, strong) = self.votes(rt, pd, &on, win, speaker, Opts::default());
        self.negated_ellipsis(&on, speaker, &mut votes, pd);
        self.mentions(pd, &on, win, &mut votes);
        if *DEBUG {
            let toks = &self.stream.toks;
            let show = |h: &Hit| {
                toks[h.start..h.end]
                    .iter()
                    .map(|t| self.stream.norm(t))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            eprintln!("[{}] strong={strong} near={near}", rt.pack.id());
            for h in pd.cues.iter().filter(|h| on[h.start]) {
                eprintln!("  cue {} = {:?}", rt.cues[h.entry].id, show(h));
            }
            for h in pd.targets.iter().filter(|h| on[h.start]) {
                eprintln!("  target {:?}", show(h));
            }
            for v in &votes {
                eprintln!("  vote {v:?}");
            }
        }
        if let Some(d) = self.decide(rt, pd, &votes, strong, near, None) {
            return Some(d);
        }
        if votes.is_empty()
            && let Some(d) = self.verdict_alone(rt, pd, &on, win, near)
        {
            return Some(d);
        }
        self.aligned(rt, pd, &on, &sents)
    }

    /// "Armed drones will be shot down; stray ones will not": a negated elliptical clause
    /// after a target's clause, its subject a noun phrase that names no actor, excepts some
    /// objects from the action. It votes against the last target voted on before it, so
    /// the two clauses together make the position conditional.
    fn negated_ellipsis(&self, on: &Mask, speaker: &Speaker, votes: &mut Vec<Vote>, pd: &PackDoc) {
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
                && e - b < 8
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

    /// Words the speaker quotes or reports from others ("'Shoot them down,' they say.",
    /// "I keep hearing that …"): what they contain is not the speaker's position. A
    /// verdict after the mention, in its sentence or the next, says what the speaker
    /// makes of it: a dismissal ("Easy to say …", "It is wrong.") inverts the mention's
    /// votes, an endorsement ("They are right.") keeps them; with none they go.
    fn mentions(&self, pd: &PackDoc, on: &Mask, win: &Window, votes: &mut Vec<Vote>) {
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

    /// Frames with a fixed effect (they oppose or support whatever they govern) in a
    /// statement that has nothing for them to govern: they vote by themselves when they
    /// are a posture of their own (`alone`: "urged restraint", "keep cool heads") next to
    /// a target or in a document about this topic alone, or when the words stand before
    /// an inverted cue whose speaker clause names the action ("'A grave mistake,' X said
    /// of calls to fire on …", "'We must keep cool heads,' X said as allies debated
    /// whether to shoot down …").
    fn verdict_alone(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        on: &Mask,
        win: &Window,
        near: bool,
    ) -> Option<Decision> {
        let toks = &self.stream.toks;
        let first = on.first()?;
        let adjunct_target = self.adjunct_target(pd, on, win, first);
        let mut value = 0.0f32;
        let mut evidence = Vec::new();
        for (_, h) in hits_in(&pd.cues, on.range()).filter(|(_, h)| on[h.start]) {
            let Some(f) = self.frame(rt, h) else { continue };
            if !(f.alone && (near || win.sole_topic)) && adjunct_target.is_none() {
                continue;
            }
            let v = match f.effect {
                Effect::Support => 1.0,
                Effect::Oppose => -1.0,
                Effect::Assert | Effect::Flip => continue,
            };
            let sent_start = self.stream.sents[toks[h.start].sent].range.start;
            let negated = (h.start.saturating_sub(2).max(sent_start)..h.end).any(|i| toks[i].neg);
            value += if negated { -v } else { v };
            evidence.push(span_of(toks, h.start, h.end));
        }
        if value == 0.0 {
            return None;
        }
        evidence.extend(adjunct_target.map(|(a, b)| span_of(toks, a, b)));
        evidence.sort();
        let stance = if value > 0.0 {
            Stance::Support
        } else {
            Stance::Oppose
        };
        Some(Decision {
            stance,
            score: 0.6 * value.signum(),
            evidence,
            rule: format!("stance/{}/{}/verdict-alone", rt.pack.id(), stance.as_str()),
        })
    }

    /// The target named after an inverted cue in the speaker clause, when the statement's
    /// words all stand before that cue in the same sentence.
    fn adjunct_target(
        &self,
        pd: &PackDoc,
        on: &Mask,
        win: &Window,
        first: usize,
    ) -> Option<(usize, usize)> {
        let toks = &self.stream.toks;
        let cue = win.cue.as_ref()?;
        let sent = toks[cue.start].sent;
        // the words stand before the cue (which is in the mask), nothing after it
        if first >= cue.start
            || toks[first].sent != sent
            || (cue.end..on.range().end).any(|i| on[i])
        {
            return None;
        }
        let sr = self.stream.sents[sent].range.clone();
        hits_in(&pd.targets, cue.end..sr.end)
            .next()
            .map(|(_, t)| (t.start, t.end))
    }

    fn sentences_of(&self, on: &Mask) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        for i in on.range() {
            let sent = self.stream.toks[i].sent;
            if on[i] && out.last() != Some(&sent) {
                out.push(sent);
            }
        }
        out
    }

    /// A target in a sentence of the statement or in the sentence before it (same
    /// paragraph).
    fn near(&self, pd: &PackDoc, sents: &[usize]) -> bool {
        sents.iter().any(|&s| {
            pd.target_sents.contains(&s)
                || (s > 0
                    && pd.target_sents.contains(&(s - 1))
                    && self.stream.sents[s - 1].para == self.stream.sents[s].para)
        })
    }

    /// In a sentence where the speaker (or the reporting cue) stands in one clause of a
    /// contrast ("A warned against X, while B is open to Y"), keep only that clause.
    fn restrict_contrast(&self, pd: &PackDoc, on: &mut Mask, win: &Window, speaker: &Speaker) {
        let toks = &self.stream.toks;
        let anchor = win
            .cue
            .as_ref()
            .map(|r| r.start)
            .filter(|&i| on[i])
            .or_else(|| {
                on.range()
                    .find(|&i| on[i] && speaker.spans.iter().any(|s| s.overlaps(toks[i].span)))
            });
        let Some(a) = anchor else { return };
        let sr = self.stream.sents[toks[a].sent].range.clone();
        // "not X but Y" corrects X within one holder's claim: no split there
        // … and "X, but not Y" / "X, but only if Y" limits X: one claim, one holder
        let corrective = |c: &&Hit| {
            self.stream.norm(&toks[c.start]) == "but"
                && c.start > sr.start
                && ((self.stream.norm(&toks[c.start - 1]) != ","
                    && (sr.start..c.start).any(|i| toks[i].neg))
                    || toks
                        .get(c.end)
                        .is_some_and(|t| t.neg || self.stream.norm(t) == "only"))
        };
        let before = pd
            .contrasts
            .iter()
            .filter(|c| !corrective(c))
            .filter(|c| c.end <= a && c.start >= sr.start)
            .map(|c| c.end)
            .max();
        // "X said A but warned that B": a verb right after the marker shares the
        // speaker's subject, so the clause after it is the speaker's too
        let same_subject = |c: &&Hit| {
            toks.get(c.end).is_some_and(|t| {
                t.word && !t.cap && {
                    let n = self.stream.norm(t);
                    n.ends_with("ed") || pd.cues.iter().any(|h| h.start == c.end)
                }
            })
        };
        let after = pd
            .contrasts
            .iter()
            .filter(|c| !corrective(c) && !same_subject(c))
            .filter(|c| c.start > a && c.end <= sr.end)
            .map(|c| c.start)
            .min();
        if let Some(b) = before {
            on.clear(sr.start..b);
        }
        if let Some(e) = after {
            on.clear(e..sr.end);
        }
    }

    /// The votes of a clause read on its own, with no speaker and no cue: a question
    /// being answered, an elliptic reply, an aligned clause. `unscoped` reads a question
    /// as if asserted (see [`Opts`]).
    fn clause_votes(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        range: std::ops::Range<usize>,
        unscoped: bool,
    ) -> (Vec<Vote>, bool) {
        let on = Mask::of(range);
        let win = Window {
            on: on.clone(),
            cue: None,
            sole_topic: false,
        };
        let opts = Opts {
            propagate: true,
            unscoped,
        };
        self.votes(rt, pd, &on, &win, &Speaker::default(), opts)
    }

    /// Collects the votes of the objects inside `on`; also says whether a target is there.
    fn votes(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        on: &Mask,
        win: &Window,
        sp: &Speaker,
        opts: Opts,
    ) -> (Vec<Vote>, bool) {
        let toks = &self.stream.toks;
        let mut objects: Vec<(usize, usize, Obj)> = Vec::new();
        for (i, t) in hits_in(&pd.targets, on.range()) {
            if on[t.start] {
                objects.push((t.start, t.end, Obj::Target(i)));
            }
        }
        for (i, c) in hits_in(&pd.cues, on.range()) {
            if on[c.start] && matches!(rt.cues[c.entry].role, Role::Term { .. } | Role::Cond { .. })
            {
                objects.push((c.start, c.end, Obj::Cue(i)));
            }
        }
        objects.sort();
        let strong = objects.iter().any(|o| matches!(o.2, Obj::Target(_)));
        let mut votes = Vec::new();
        for &(start, end, obj) in &objects {
            let sent = toks[start].sent;
            let (lean, oweight, mut cond, alone) = match obj {
                Obj::Target(_) => (1.0, 1.0, None, false),
                Obj::Cue(i) => match rt.cues[pd.cues[i].entry].role {
                    Role::Term {
                        lean,
                        alone,
                        weight,
                        ..
                    } => (lean, weight, None, alone),
                    Role::Cond { strong } => (0.0, 1.0, Some(strong), true),
                    _ => continue,
                },
            };
            // Pre-frames, nearest first; first those inside a target ("soldiers will
            // not go to Ukraine": the target's gap spans the modal).
            let mut chain: Vec<usize> = Vec::new();
            if matches!(obj, Obj::Target(_)) {
                for (k, h) in hits_in(&pd.cues, start..end)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                {
                    if h.end <= end
                        && self
                            .frame(rt, h)
                            .is_some_and(|f| f.position != Position::Post)
                    {
                        chain.push(k);
                    }
                }
            }
            let mut anchor = start;
            // A `both` frame whose span encloses a target governs it ("the risk of
            // downing a drone is tiny"), and no frame after it does.
            let mut enclosed = false;
            if chain.is_empty()
                && matches!(obj, Obj::Target(_))
                && let Some((k, h)) = hits_in(&pd.cues, on.range().start..start).find(|(_, h)| {
                    h.end >= end
                        && on[h.start]
                        && self
                            .frame(rt, h)
                            .is_some_and(|f| f.position == Position::Both)
                })
            {
                chain.push(k);
                anchor = h.start;
                enclosed = true;
            }
            loop {
                let cand = hits_in(&pd.cues, on.range())
                    .filter(|(k, h)| {
                        h.end <= anchor
                            && !chain.contains(k)
                            && toks[h.start].sent == sent
                            && on[h.start]
                            && self
                                .frame(rt, h)
                                .is_some_and(|f| f.position != Position::Post)
                    })
                    .max_by_key(|(_, h)| h.end);
                let Some((k, h)) = cand else { break };
                let Some(f) = self.frame(rt, h) else { break };
                // A frame governs only inside its own scope: "will have to decide
                // whether to shoot down" is an open question, not a decision.
                let scope_ok = pd.scope_of[h.start] == pd.scope_of[anchor];
                // "rejected the proposal and warned that …": a frame coordinated after
                // another's object is a predicate of its own, not governed by it.
                let coordinated = !chain.is_empty()
                    && anchor > h.end
                    && matches!(self.stream.norm(&toks[anchor - 1]), "and" | "but");
                // a frame governs the nearest object: not across another target
                let across_target = anchor < start
                    && hits_in(&pd.targets, h.end..anchor).any(|(_, t)| t.start >= h.end);
                // "must stop hiding behind its lawyers and use the assets": the modal
                // governs each predicate it coordinates, so the first one's words do not
                // count against its reach (within one clause, no punctuation or negator
                // between: "must not lose our nerve and fire" is no call to fire).
                let conjunct = if chain.is_empty()
                    && anchor > h.end
                    && self.stream.norm(&toks[anchor - 1]) == "and"
                    && toks[h.end..anchor].iter().all(|t| t.word && !t.neg)
                {
                    CONJUNCT_REACH
                } else {
                    0
                };
                if coordinated
                    || across_target
                    || self.boundary_between(pd, h.end, anchor)
                    || self.words_between(pd, h.end, anchor) > f.reach + conjunct
                    || !scope_ok
                {
                    break;
                }
                chain.push(k);
                anchor = h.start;
            }
            // Post-frame, nearest.
            let post = hits_in(&pd.cues, on.range())
                .filter(|(_, h)| {
                    !enclosed
                        && h.start >= end
                        && toks[h.start].sent == sent
                        && on[h.start]
                        && self.frame(rt, h).is_some_and(|f| {
                            f.position != Position::Pre
                                && (!f.targets_only || matches!(obj, Obj::Target(_)))
                        })
                })
                .min_by_key(|(_, h)| h.start)
                .filter(|(_, h)| {
                    let f = self.frame(rt, h);
                    let scope_ok = pd.scope_of[h.start] == pd.scope_of[start]
                        || self.consequent_of(pd, start, h.start);
                    // "drones that were dangerous": a relative clause evaluates the
                    // noun, not the action.
                    let relative = (end..h.start).any(|i| {
                        matches!(
                            self.stream.norm(&toks[i]),
                            "that" | "which" | "who" | "whose"
                        )
                    });
                    // "caution and not taking the bait": a frame coordinated with the
                    // object is a conjunct of its own, not its predicate
                    let conjunct = (end..h.start)
                        .rev()
                        .find(|&i| !toks[i].neg)
                        .is_some_and(|i| matches!(self.stream.norm(&toks[i]), "and" | "or"));
                    scope_ok
                        && !relative
                        && !conjunct
                        && !self.boundary_between(pd, end, h.start)
                        && f.is_some_and(|f| self.post_words_between(pd, end, h.start) <= f.reach)
                })
                .map(|(k, _)| k);
            // A bare target may take its judgment from outside its clause.
            let post = post.or_else(|| {
                (chain.is_empty() && matches!(obj, Obj::Target(_)))
                    .then(|| {
                        self.consequence_before_if(rt, pd, on, start)
                            .or_else(|| self.anaphoric_post(rt, pd, on, sent, end))
                    })
                    .flatten()
            });
            if chain.is_empty() && post.is_none() && !alone {
                continue;
            }
            // Negation.
            let neg = self.negations(pd, &chain, post, start, end);
            // "Not shooting them down would be a mistake": a negator right before an
            // object that no pre-frame governs negates the object itself.
            let negated_object = (chain.is_empty()
                && start > 0
                && toks[start - 1].neg
                && toks[start - 1].sent == sent
                && !pd.consumed[start - 1])
                ^ ((start..end)
                    .filter(|&i| toks[i].neg && !pd.consumed[i])
                    .count()
                    % 2
                    == 1);
            // Composition, inner to outer.
            let mut v: f32 = if negated_object { -lean } else { lean };
            let mut weight: f32 = 1.0;
            let mut licensed = false;
            let mut dropped = false;
            let mut all: Vec<usize> = chain.clone();
            all.extend(post);
            // the pre-frames form a gerund subject that opens the sentence ("Ruling out
            // …", "Refusing to …"), which the post frame judges as a whole
            // (or a term that is such a subject itself: "Letting them fly unchallenged …")
            // (or opens the clause after a verb of saying or thinking: "I say letting
            // them …", "she argued that ruling out …")
            let opens_with_gerund = |i: usize| {
                let sr = self.stream.sents[toks[i].sent].range.clone();
                let opens_clause = i > sr.start && toks[i - 1].word && {
                    let prev = self.stream.norm(&toks[i - 1]);
                    prev == "that"
                        || (self.lex.clause_openers.contains(prev)
                            && !self.lex.conjunctions.contains(prev))
                };
                (sr.clone().find(|&j| toks[j].word) == Some(i) || opens_clause)
                    && self.stream.norm(&toks[i]).ends_with("ing")
            };
            let gerund_subject = match chain.last() {
                Some(&k) => opens_with_gerund(pd.cues[k].start),
                None => matches!(obj, Obj::Cue(_)) && opens_with_gerund(start),
            };
            // a rhetorical question outermost ("How many more … before someone orders
            // them to fire?") asserts what it governs, inner frames and conditions too
            let rhetorical = chain.len() > 1
                && chain
                    .last()
                    .and_then(|&k| self.frame(rt, &pd.cues[k]))
                    .is_some_and(|f| f.question);
            let mut order: Vec<(usize, bool)> =
                all.iter().copied().zip(neg.iter().copied()).collect();
            // "dismissed warnings that [X would lead to war]": when a "that" clause
            // separates the pre-frames from the object, the post frame belongs to the
            // clause and composes first.
            let post_inner = post.is_some()
                && chain.first().is_some_and(|&k| {
                    (pd.cues[k].start..start).any(|i| self.stream.norm(&toks[i]) == "that")
                });
            if post_inner && let Some(p) = order.pop() {
                order.insert(0, p);
            }
            for &(k, negated) in &order {
                let h = &pd.cues[k];
                let Some(f) = self.frame(rt, h) else { continue };
                v = match f.effect {
                    Effect::Assert => v,
                    Effect::Flip => -v,
                    // A fixed effect judges the object as written: "not shooting them
                    // down would be a mistake" supports.
                    Effect::Support if negated_object => -1.0,
                    Effect::Oppose if negated_object => 1.0,
                    // ... and so does a post frame over a gerund subject that opens
                    // the sentence: "ruling out a shootdown would be a gift to them"
                    Effect::Support if Some(k) == post && gerund_subject => v,
                    Effect::Oppose if Some(k) == post && gerund_subject => -v,
                    Effect::Support => 1.0,
                    Effect::Oppose => -1.0,
                };
                if negated {
                    v = -v;
                }
                weight = weight.max(f.weight);
                licensed |= f.license;
                let question_sent = self.stream.sents[toks[h.start].sent].question;
                let scoped = !rhetorical
                    && (pd.scope_of[h.start].is_some() || (question_sent && !f.question));
                if scoped && !opts.unscoped {
                    dropped = true;
                }
            }
            // "We will not fire at everything": a negator over an action on every
            // object leaves it for some ("calls to shoot down every drone are reckless"
            // stays a no).
            if v < 0.0
                && matches!(obj, Obj::Target(_))
                && (negated_object
                    || neg.iter().any(|&n| n)
                    || all.iter().any(|&k| {
                        let h = &pd.cues[k];
                        (h.start..h.end).any(|i| toks[i].neg)
                    }))
                && self.universal_object(start, end)
            {
                cond = Some(true);
            }
            if cond.is_some() {
                v = 0.0;
            }
            // Whose position is it? The outermost pre-frame (or the post frame).
            let holder_k = chain.last().copied().or(post);
            if let Some(k) = holder_k {
                let h = &pd.cues[k];
                let in_cue = win
                    .cue
                    .as_ref()
                    .is_some_and(|r| h.start < r.end && r.start < h.end);
                if let Some(f) = self.frame(rt, h)
                    && !in_cue
                    && !opts.propagate
                    && !opts.unscoped
                    && match f.holder {
                        Holder::Subject => {
                            !self.passive_after(h.end) && self.subject(h.start, sp) == Subj::Other
                        }
                        Holder::Own => self.subject(h.start, sp) != Subj::Speaker,
                        Holder::Speaker => false,
                    }
                {
                    dropped = true;
                }
            }
            votes.push(Vote {
                value: v,
                weight: oweight * weight,
                cond,
                frames: all,
                object: obj,
                licensed,
                dropped,
            });
        }
        (votes, strong)
    }

    /// For each frame of `chain` (inner first) and then `post`: is it negated?
    fn negations(
        &self,
        pd: &PackDoc,
        chain: &[usize],
        post: Option<usize>,
        start: usize,
        end: usize,
    ) -> Vec<bool> {
        let toks = &self.stream.toks;
        let mut neg = vec![false; chain.len() + usize::from(post.is_some())];
        if let Some(&outer) = chain.last() {
            let sent_start = self.stream.sents[toks[start].sent].range.start;
            let from = pd.cues[outer].start.saturating_sub(2).max(sent_start);
            // "No pilot will …", "Nobody is going to …": a negative determiner or pronoun
            // that opens the subject negates the verb; it may stand a few words before it.
            // "Not a single pilot will …", "not one of our crews will …" too.
            let det_neg = |i: usize| {
                let n = |j: usize| toks.get(j).map_or("", |t| self.stream.norm(t));
                let not_one = n(i) == "not"
                    && (n(i + 1) == "one" || (n(i + 1) == "a" && n(i + 2) == "single"));
                // "Neither Oslo nor Bern wants …": the "nor" belongs to the subject
                (not_one || matches!(n(i), "no" | "nobody" | "nothing" | "neither" | "none"))
                    && (i + 1..pd.cues[outer].start)
                        .all(|j| toks[j].word && (!toks[j].neg || n(j) == "nor"))
            };
            let from_det = pd.cues[outer].start.saturating_sub(6).max(sent_start);
            // "Every country that borders it, and several that do not, should …": a
            // negator inside a parenthetical between commas negates nothing outside it.
            let parenthetical = |i: usize| {
                let comma = |j: usize| self.stream.norm(&toks[j]) == ",";
                let before = (sent_start..i).rev().find(|&j| comma(j));
                let after = (i + 1..start).any(comma);
                after
                    && before.is_some_and(|b| {
                        matches!(
                            self.stream.norm(&toks[b + 1]),
                            "and" | "or" | "as" | "which" | "who" | "that" | "like" | "unlike"
                        )
                    })
            };
            for i in from_det.min(from)..start {
                if !toks[i].neg || pd.consumed[i] || (i < from && !det_neg(i)) || parenthetical(i) {
                    continue;
                }
                if det_neg(i) {
                    let n = chain.len() - 1;
                    neg[n] = !neg[n];
                    continue;
                }
                // The chain element right after the negator.
                let next = chain
                    .iter()
                    .enumerate()
                    .filter(|(_, k)| pd.cues[**k].start > i)
                    .min_by_key(|(_, k)| pd.cues[**k].start);
                // "did not call for", "has not yet called for": the negator is right
                // before the frame, or one auxiliary/adverb away.
                let close = |k: usize| {
                    let between: Vec<&Tok> = (i + 1..pd.cues[k].start)
                        .map(|j| &toks[j])
                        .filter(|t| t.word)
                        .collect();
                    between.is_empty()
                        || (between.len() == 1
                            && self.lex.skip.contains(self.stream.norm(between[0])))
                };
                match next {
                    Some((n, k)) if close(*k) => neg[n] = !neg[n],
                    _ => {
                        // The frame before it.
                        if let Some((n, _)) = chain
                            .iter()
                            .enumerate()
                            .filter(|(_, k)| pd.cues[**k].end <= i)
                            .max_by_key(|(_, k)| pd.cues[**k].end)
                        {
                            neg[n] = !neg[n];
                        }
                    }
                }
            }
        }
        if let Some(p) = post {
            let ps = pd.cues[p].start;
            let from = end.max(ps.saturating_sub(2));
            let count = toks[from.min(ps)..ps]
                .iter()
                .enumerate()
                .filter(|(k, t)| t.neg && !pd.consumed[from + k])
                .count();
            if count % 2 == 1 {
                let n = neg.len() - 1;
                neg[n] = !neg[n];
            }
        }
        neg
    }

    /// Label, score and evidence from votes.
    fn decide(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        votes: &[Vote],
        strong: bool,
        near: bool,
        rule_prefix: Option<&str>,
    ) -> Option<Decision> {
        let counted: Vec<&Vote> = votes
            .iter()
            .filter(|v| !v.dropped && (strong || near || v.licensed))
            .collect();
        let (mut s, mut o, mut cs, mut cw) = (0.0f32, 0.0f32, 0usize, 0usize);
        for v in &counted {
            match v.cond {
                Some(true) => cs += 1,
                Some(false) => cw += 1,
                None if v.value > 0.0 => s += v.weight,
                None if v.value < 0.0 => o += v.weight,
                None => {}
            }
        }
        // "Drones will be shot down; manned jets will not": a yes and a no on targets
        // of the same statement split the action by case.
        let split = {
            let on_target = |sign: f32| {
                counted.iter().any(|v| {
                    v.cond.is_none() && matches!(v.object, Obj::Target(_)) && v.value * sign > 0.0
                })
            };
            on_target(1.0) && on_target(-1.0)
        };
        if split {
            cs += 1;
        }
        let base = if strong { 0.9 } else { 0.6 };
        let (stance, score) = if cs > 0 {
            let sc = if s > o {
                0.2
            } else if o > s {
                -0.2
            } else {
                0.0
            };
            (Stance::Conditional, sc)
        } else if s > o {
            (Stance::Support, base * (s - o) / (s + o))
        } else if o > s {
            (Stance::Oppose, -base * (o - s) / (s + o))
        } else if cw > 0 && s == 0.0 {
            (Stance::Conditional, 0.0)
        } else {
            return None;
        };
        let score = if cw > 0 && stance != Stance::Conditional {
            score * 0.75
        } else {
            score
        };
        let winning = |v: &&&Vote| match stance {
            Stance::Conditional => v.cond.is_some() || (split && v.value != 0.0),
            Stance::Support => v.cond.is_none() && v.value > 0.0,
            Stance::Oppose => v.cond.is_none() && v.value < 0.0,
        };
        let win: Vec<&&Vote> = counted.iter().filter(winning).collect();
        let toks = &self.stream.toks;
        let mut evidence: Vec<Span> = Vec::new();
        for v in &win {
            let (a, b) = match v.object {
                Obj::Target(i) => (pd.targets[i].start, pd.targets[i].end),
                Obj::Cue(i) => (pd.cues[i].start, pd.cues[i].end),
            };
            evidence.push(span_of(toks, a, b));
            for &k in &v.frames {
                evidence.push(span_of(toks, pd.cues[k].start, pd.cues[k].end));
            }
        }
        evidence.sort();
        evidence.dedup();
        let best = win.iter().max_by(|a, b| a.weight.total_cmp(&b.weight));
        let id = best.map_or("none".to_string(), |v| match v.frames.last() {
            Some(&k) if v.cond.is_none() => rt.cues[pd.cues[k].entry].id.clone(),
            _ => match v.object {
                Obj::Target(i) => rt.pack.targets[pd.targets[i].entry].id.clone(),
                Obj::Cue(i) => rt.cues[pd.cues[i].entry].id.clone(),
            },
        });
        let id = match rule_prefix {
            Some(p) => format!("{p}/{id}"),
            None => id,
        };
        Some(Decision {
            stance,
            score: score.clamp(-1.0, 1.0),
            evidence,
            rule: format!("stance/{}/{}/{}", rt.pack.id(), stance.as_str(), id),
        })
    }

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
    fn answer(&self, rt: &PackRt, pd: &PackDoc, on: &Mask, sents: &[usize]) -> Option<Decision> {
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
                score: 0.8 * sign,
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

    /// "A wants the drones shot down; B and C do not.": a speaker who is the subject of
    /// an elliptical clause after a semicolon or a contrast takes the position of the
    /// clause before it, denied when the ellipsis is negated.
    fn ellipsis(
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

    /// "…, backed by X": X takes the stance of the clause before the alignment cue.
    fn aligned(&self, rt: &PackRt, pd: &PackDoc, on: &Mask, sents: &[usize]) -> Option<Decision> {
        let toks = &self.stream.toks;
        let first = on.first()?;
        let sent = *sents.first()?;
        let sr = self.stream.sents[sent].range.clone();
        let clean = |a: usize, b: usize| {
            !self.boundary_between(pd, a, b)
                && hits_in(&pd.cues, a..b).next().is_none()
                && hits_in(&pd.targets, a..b).next().is_none()
        };
        let al = pd.alignments.iter().find(|al| {
            al.start >= sr.start
                && al.end <= sr.end
                && if al.start >= first {
                    on[al.start] && clean(first, al.start)
                } else {
                    al.end <= first
                        && self.words_between(pd, al.end, first) <= 8
                        && clean(al.end, first)
                }
        })?;
        let clause_start = (sr.start..al.start)
            .rev()
            .find(|&i| pd.hard[i])
            .map_or(sr.start, |i| i + 1);
        if clause_start >= al.start {
            return None;
        }
        let (votes, strong) = self.clause_votes(rt, pd, clause_start..al.start, false);
        let near = self.near(pd, &[sent]);
        self.decide(rt, pd, &votes, strong, near, Some("aligned"))
            .map(|mut d| {
                d.evidence.push(span_of(toks, al.start, al.end));
                d.evidence.sort();
                d
            })
    }

    /// A lower-case word in -ly of five letters or more: an adverb ("quickly", "firmly").
    fn ly_adverb(&self, t: &crate::stream::Tok) -> bool {
        let n = self.stream.norm(t);
        !t.cap && n.len() > 4 && n.ends_with("ly")
    }

    /// Does a passive start at token `e` ("[will] be shot down", "[would] not be quickly
    /// brought down")? Its subject is what is acted on: "Russian drones will be shot
    /// down, the minister said" commits the minister's side, not Russia. A participle
    /// before "to" ("will be forced to", "is prepared to") is an attitude, not a passive.
    fn passive_after(&self, e: usize) -> bool {
        let toks = &self.stream.toks;
        let Some(last) = e.checked_sub(1) else {
            return false;
        };
        let end = self.stream.sents[toks[last].sent].range.end;
        let norm = |i: usize| self.stream.norm(&toks[i]);
        let adverb = |i: usize| toks[i].neg || self.ly_adverb(&toks[i]);
        let mut i = e;
        while i < end && adverb(i) {
            i += 1;
        }
        if i >= end || !matches!(norm(i), "be" | "been" | "get") {
            return false;
        }
        i += 1;
        while i < end && adverb(i) {
            i += 1;
        }
        if i >= end || !toks[i].word || toks[i].cap {
            return false;
        }
        let w = norm(i);
        let participle = (w.len() > 4 && (w.ends_with("ed") || w.ends_with("en")))
            || self.lex.irregular_participles.contains(w);
        participle && (i + 1 >= end || norm(i + 1) != "to")
    }

    /// A personal pronoun as a subject: "we" is the speaker's side, "he" the speaker (in
    /// an author's voice, someone else), and with `neutral` "it", "this" … name no one.
    fn pronoun_subject(&self, n: &str, sp: &Speaker, neutral: bool) -> Option<Subj> {
        if self.lex.first_person.contains(n) {
            Some(Subj::Speaker)
        } else if self.lex.third_person.contains(n) {
            Some(if sp.is_author {
                Subj::Other
            } else {
                Subj::Speaker
            })
        } else if neutral && self.lex.neutral_pronouns.contains(n) {
            Some(Subj::Neutral)
        } else {
            None
        }
    }

    /// Is the subject of the frame starting at `f` the speaker, someone else, or
    /// unknown?
    fn subject(&self, f: usize, sp: &Speaker) -> Subj {
        let toks = &self.stream.toks;
        let lex = self.lex;
        let sr = self.stream.sents[toks[f].sent].range.clone();
        let first_word = sr.clone().find(|&i| toks[i].word).unwrap_or(sr.start);
        let prev_dash = |i: usize| {
            (sr.start..i)
                .rev()
                .find(|&j| self.stream.norm(&toks[j]) == "-")
        };
        // Head: the first word before the frame that is not an auxiliary or adverb.
        let mut i = f;
        let mut head = None;
        while i > sr.start {
            i -= 1;
            let t = &toks[i];
            if self.stream.norm(t) == "-" {
                // an aside between dashes is stepped over whole
                let Some(j) = prev_dash(i) else { break };
                i = j;
                continue;
            }
            // "His bill, tabled in October, would …": step over a parenthetical of a
            // few words between commas.
            if self.stream.norm(t) == "," {
                let j = (sr.start..i)
                    .rev()
                    .take_while(|&j| toks[j].word || self.stream.norm(&toks[j]) == ",")
                    .find(|&j| self.stream.norm(&toks[j]) == ",");
                if let Some(j) = j.filter(|&j| j > sr.start && i - j <= 8) {
                    i = j;
                    continue;
                }
            }
            if !t.word {
                break;
            }
            if lex.skip.contains(self.stream.norm(t)) || t.neg || self.ly_adverb(t) {
                continue;
            }
            head = Some(i);
            break;
        }
        let Some(h) = head else { return Subj::Neutral };
        let t = &toks[h];
        if !t.upper {
            if let Some(s) = self.pronoun_subject(self.stream.norm(t), sp, false) {
                return s;
            }
            // "those who demand that we fire": the relative's antecedent holds the wish,
            // the speaker only when it is the speaker ("X, who wants …, said")
            if self.stream.norm(t) == "who" {
                let overlaps_speaker = |i: usize| sp.spans.iter().any(|s| s.overlaps(toks[i].span));
                let mut a = h;
                while a > sr.start && !toks[a - 1].word {
                    a -= 1;
                }
                return if a > sr.start && !overlaps_speaker(a - 1) {
                    Subj::Other
                } else {
                    Subj::Neutral
                };
            }
            if let Some(s) = self.pronoun_subject(self.stream.norm(t), sp, true) {
                return s;
            }
        }
        // Region: from the head back to the clause opener.
        let coord = matches!(self.stream.norm(t), "and" | "or");
        let mut region = Vec::new();
        let mut j = if coord { h } else { h + 1 };
        while j > sr.start {
            j -= 1;
            let t = &toks[j];
            if self.stream.norm(t) == "-" {
                // an aside between dashes is stepped over whole
                let Some(k) = prev_dash(j) else { break };
                j = k;
                continue;
            }
            if coord && j == h {
                continue;
            }
            // "Hungary and Slovakia were …", "Estonia, Latvia and Lithuania will …":
            // names coordinated in the subject are one region
            let between_names = j > sr.start
                && matches!(self.stream.norm(t), "and" | "or" | ",")
                && toks[j - 1].cap
                && toks.get(j + 1).is_some_and(|n| n.cap);
            if between_names {
                continue;
            }
            if !t.word || (lex.clause_openers.contains(self.stream.norm(t)) && !t.upper) {
                break;
            }
            region.push(j);
            if region.len() >= 10 {
                break;
            }
        }
        // "It rejected any change of the rules and warned that …": a coordinated
        // predicate's subject opens the clause of the first conjunct; a pronoun there
        // is read as the head would be.
        if coord {
            let opener = (sr.start..h)
                .rev()
                .take(COORD_SUBJECT_REACH)
                .take_while(|&j| toks[j].word)
                .last()
                .filter(|&j| j == sr.start || !toks[j - 1].word);
            if let Some(s) = opener
                .filter(|&j| !toks[j].upper)
                .and_then(|j| self.pronoun_subject(self.stream.norm(&toks[j]), sp, true))
            {
                return s;
            }
        }
        let overlaps = |spans: &[Span], i: usize| spans.iter().any(|s| s.overlaps(toks[i].span));
        if region.iter().any(|&i| overlaps(&sp.spans, i)) {
            return Subj::Speaker;
        }
        // "Our pilots will …", "the troops are ready to …" said by a minister: the
        // official's own forces.
        if sp.official
            && region
                .iter()
                .any(|&i| lex.own_forces.contains(self.stream.norm(&toks[i])))
        {
            return Subj::Speaker;
        }
        if region.iter().any(|&i| {
            toks[i].cap
                && sp
                    .affiliation
                    .iter()
                    .any(|w| w == self.stream.norm(&toks[i]))
        }) {
            return Subj::Speaker;
        }
        if region.iter().any(|&i| overlaps(&sp.other_people, i)) {
            return Subj::Other;
        }
        // "his bill" in the author's voice: someone else's.
        if sp.is_author
            && region
                .iter()
                .any(|&i| !toks[i].upper && lex.third_person.contains(self.stream.norm(&toks[i])))
        {
            return Subj::Other;
        }
        // "our pilots", "my government": the speaker's side.
        if region
            .iter()
            .any(|&i| !toks[i].upper && lex.first_person.contains(self.stream.norm(&toks[i])))
        {
            return Subj::Speaker;
        }
        if region
            .iter()
            .any(|&i| lex.group_nouns.contains(self.stream.norm(&toks[i])))
        {
            return Subj::Other;
        }
        let named = region.iter().any(|&i| {
            toks[i].cap
                && (i != first_word || toks[i].upper)
                && !lex.not_names.contains(self.stream.norm(&toks[i]))
        });
        // A state or institution as the subject of the main clause: the official's own
        // side ("Romania is ready to …, the minister said"); inside a subordinate clause
        // ("a sign that the Kremlin accepts …") it is someone else.
        if region.iter().any(|&i| overlaps(&sp.foreign, i)) {
            return Subj::Other;
        }
        let institution = region.iter().any(|&i| overlaps(&sp.others, i));
        if institution || named {
            let main_clause = region.iter().min().is_some_and(|&r0| {
                let reporting = |i: usize| {
                    let n = self.stream.norm(&toks[i]);
                    lex.clause_openers.contains(n) && !lex.conjunctions.contains(n)
                };
                let opens = |i: usize| {
                    !toks[i].word && matches!(self.stream.norm(&toks[i]), "." | ":" | ";" | "!")
                };
                // "said (afterwards | on Monday) that Belgium would …", "X's assertion
                // that Belgium would …"
                let reported_that = r0 > sr.start + 1
                    && self.stream.norm(&toks[r0 - 1]) == "that"
                    && (r0.saturating_sub(5).max(sr.start)..r0 - 1)
                        .rev()
                        .take_while(|&i| toks[i].word)
                        .any(|i| {
                            reporting(i) || lex.claim_nouns.contains(self.stream.norm(&toks[i]))
                        });
                r0 == first_word
                    || (r0 > sr.start && (reporting(r0 - 1) || opens(r0 - 1)))
                    || reported_that
            });
            return if sp.official && main_clause {
                Subj::Speaker
            } else {
                Subj::Other
            };
        }
        Subj::Neutral
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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Subj {
    Speaker,
    Neutral,
    Other,
}

fn span_of(toks: &[Tok], a: usize, b: usize) -> Span {
    let b = b.max(a + 1).min(toks.len());
    Span::new(toks[a].span.start, toks[b - 1].span.end)
}
