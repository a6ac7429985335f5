//! The pattern matcher: [`Hit`]s, a [`Matcher`] of (entry, pattern) pairs and its scan.

use crate::pattern::{AltSet, Key, Pattern, Sym, TokView, Vocab};
use stancemap_core::hash::FxHashMap;
use std::ops::Range;

/// A match: stream token range and entry index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// First token of the match (an index into the scanned tokens).
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// The entry whose pattern matched.
    pub entry: usize,
}

impl Hit {
    /// Whether two matches share a token.
    pub fn overlaps(&self, o: &Hit) -> bool {
        self.start < o.end && o.start < self.end
    }
}

/// A set of (entry, pattern) pairs indexed by the keys of their first token, so that a
/// scan tries at each position only the patterns that can start there.
#[derive(Clone, Debug)]
pub struct Matcher {
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
    /// Per first-token symbol, like `at`: an index into `gates`, or `NO_GATE`.
    gate_of: Vec<u32>,
    gates: Vec<Gate>,
}

const NO_GATE: u32 = u32::MAX;

/// What the patterns of a candidate list need beyond their first word: a token at
/// `lo..=hi` after the start that one of their second required words matches (see
/// `Pattern::gate`). At a position whose tokens there match none, only the patterns of
/// one required word (`rest`) are tried: most positions of a common first word ("is",
/// "the", ",").
#[derive(Clone, Debug)]
struct Gate {
    lo: usize,
    hi: usize,
    words: AltSet,
    /// The patterns of the list without a second required word, in pattern order.
    rest: Box<[u32]>,
}

impl Gate {
    /// The gate of a list of patterns; `None` when none has a second word.
    fn of(list: &[u32], pats: &[(usize, Pattern<Sym>)]) -> Option<Gate> {
        let (mut lo, mut hi, mut sets, mut rest) = (usize::MAX, 0, Vec::new(), Vec::new());
        for &i in list {
            match pats[i as usize].1.gate() {
                Some((l, h, set)) => {
                    lo = lo.min(l);
                    hi = hi.max(h);
                    sets.push(set);
                }
                None => rest.push(i),
            }
        }
        (!sets.is_empty()).then(|| Gate {
            lo,
            hi,
            words: AltSet::union(sets.into_iter()),
            rest: rest.into_boxed_slice(),
        })
    }

    /// Whether a match may start at `pos`.
    #[inline]
    fn open<T: TokView>(&self, toks: &[T], pos: usize, limit: usize) -> bool {
        let end = (pos + self.hi + 1).min(limit).min(toks.len());
        let start = (pos + self.lo).min(end);
        toks[start..end].iter().any(|t| self.words.matches(t))
    }
}

impl Matcher {
    /// A matcher of `(entry, patterns)` pairs: a hit's `entry` says whose pattern
    /// matched. The patterns are interned into `vocab`.
    pub fn new<'a>(
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
        let mut gates = Vec::new();
        let mut gate_of = Vec::with_capacity(n);
        // Words keyed by both stem and norm share a list: one gate per distinct list.
        let mut gate_of_list: FxHashMap<Vec<u32>, u32> = FxHashMap::default();
        let mut add_gate = |list: &[u32]| {
            if let Some(&g) = gate_of_list.get(list) {
                return g;
            }
            let g = match Gate::of(list, &pats) {
                Some(g) => {
                    gates.push(g);
                    u32::try_from(gates.len() - 1).unwrap_or(NO_GATE)
                }
                None => NO_GATE,
            };
            gate_of_list.insert(list.to_vec(), g);
            g
        };
        let always_gate = add_gate(&always);
        for sym in 0..n {
            at.push(u32::try_from(lists.len()).unwrap_or(u32::MAX));
            // `always` is in pattern order already.
            match Sym::try_from(sym).ok().and_then(|s| by_key.get(&s)) {
                Some(own) => {
                    let list = with_always(own);
                    gate_of.push(add_gate(&list));
                    lists.extend(list);
                }
                None => {
                    gate_of.push(always_gate);
                    lists.extend_from_slice(&always);
                }
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
            gate_of,
            gates,
        }
    }

    /// The same matcher with gaps that may also skip negators (a target "soldiers will
    /// not go to Ukraine" is still about sending soldiers, negated).
    pub fn with_neg_gaps(self) -> Matcher {
        Matcher {
            neg_gaps: true,
            ..self
        }
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

    /// The patterns that can match at a token, in pattern order, with the gate of the
    /// list when it is one symbol's; `buf` is scratch space for the rare token that has
    /// more than one list.
    fn candidates<'s>(
        &'s self,
        t: &impl TokView,
        buf: &'s mut Vec<u32>,
    ) -> (&'s [u32], Option<&'s Gate>) {
        let a = self.list(t.stem());
        let b = if t.norm() != t.stem() {
            self.list(t.norm())
        } else {
            &[]
        };
        let c: &[u32] = if t.is_neg() { &self.neg } else { &[] };
        let extra = |l: &[u32]| l.len() > self.always.len();
        let gate = |sym: Sym| {
            let g = self.gate_of.get(sym as usize).copied().unwrap_or(NO_GATE);
            self.gates.get(g as usize)
        };
        match (extra(a), extra(b), extra(c)) {
            (_, false, false) => (a, gate(t.stem())),
            (false, true, false) => (b, gate(t.norm())),
            (false, false, true) => (c, None),
            _ => {
                buf.clear();
                buf.extend_from_slice(a);
                buf.extend_from_slice(b);
                buf.extend_from_slice(c);
                buf.sort_unstable();
                buf.dedup();
                (buf, None)
            }
        }
    }

    /// Leftmost-longest, non-overlapping matches in `range`; of equally long matches
    /// the entry listed first wins.
    pub fn scan<T: TokView>(&self, toks: &[T], range: Range<usize>) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut pos = range.start;
        let mut buf: Vec<u32> = Vec::new();
        while pos < range.end {
            let mut best: Option<(usize, usize)> = None;
            let (candidates, gate) = self.candidates(&toks[pos], &mut buf);
            let candidates = match gate {
                Some(g) if !g.open(toks, pos, range.end) => &g.rest,
                _ => candidates,
            };
            for &i in candidates {
                let (entry, p) = &self.pats[i as usize];
                if !p.may_match_at(toks, pos, range.end, self.neg_gaps) {
                    continue;
                }
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

/// The hits (with their indices) that start inside a range; `hits` is sorted by start.
pub fn hits_in(hits: &[Hit], r: Range<usize>) -> impl Iterator<Item = (usize, &Hit)> {
    let a = hits.partition_point(|h| h.start < r.start);
    let b = hits.partition_point(|h| h.start < r.end).max(a);
    hits[a..b].iter().enumerate().map(move |(k, h)| (a + k, h))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pattern::tests::T;
    use crate::pattern::{Classes, english};

    /// Leftmost-longest matches found the slow way: every pattern at every position.
    fn reference(pats: &[Pattern<Sym>], toks: &[T]) -> Vec<Hit> {
        let (mut out, mut pos) = (Vec::new(), 0);
        while pos < toks.len() {
            let best = pats
                .iter()
                .enumerate()
                .filter_map(|(i, p)| Some((p.match_at(toks, pos, toks.len())?, i)))
                .fold(None, |b: Option<(usize, usize)>, (end, i)| match b {
                    Some((e, _)) if e >= end => b,
                    _ => Some((end, i)),
                });
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

    #[test]
    fn gates_and_prefilters_change_no_match() {
        let mut classes = Classes::new();
        classes.insert("x".into(), vec!["down".into(), "drone".into()]);
        let sources = [
            "is",
            "is *0-2 down",
            "is ready? to shoot",
            "<be> not? <x>",
            ", then? shoot",
            "the? drone is",
            "shoot down *0-3 <x>",
            "shoot|ready *1-2 drone",
            "not *0-1 shoot",
        ];
        let stemmer = english();
        let parsed: Vec<Pattern> = sources
            .iter()
            .map(|s| Pattern::parse(s, &classes, &stemmer).expect(s))
            .collect();
        let mut vocab = Vocab::default();
        vocab.set_negators([&"not".to_string()]);
        let m = Matcher::new(
            parsed
                .iter()
                .enumerate()
                .map(|(i, p)| (i, std::slice::from_ref(p))),
            &mut vocab,
        );
        let pats: Vec<Pattern<Sym>> = parsed.iter().map(|p| p.intern(&mut vocab)).collect();
        let words = [
            "is", "was", "ready", "to", "shoot", "down", "the", "drone", "drones", ",", "then",
            "not", "a",
        ];
        // Every sequence of four words, and some longer ones.
        let mut texts: Vec<Vec<&str>> = Vec::new();
        for a in words {
            for b in words {
                for c in ["is", "down", "drone", ",", "not", "shoot"] {
                    for d in ["down", "drone", "to", "is"] {
                        texts.push(vec![a, b, c, d]);
                    }
                }
            }
        }
        texts.push("the drone is not down , then shoot".split(' ').collect());
        texts.push(
            "shoot down a drone , is ready to shoot"
                .split(' ')
                .collect(),
        );
        for text in texts {
            let toks: Vec<T> = text
                .iter()
                .map(|w| {
                    let s = vocab.get(w);
                    T(
                        s,
                        vocab.get(&stemmer.stem(w)),
                        *w != ",",
                        vocab.is_negator(s),
                    )
                })
                .collect();
            assert_eq!(
                m.scan(&toks, 0..toks.len()),
                reference(&pats, &toks),
                "{text:?}"
            );
        }
    }
}
