//! The pattern matcher: [`Hit`]s, a [`Matcher`] of (entry, pattern) pairs and its scan.

use crate::pattern::{Key, Pattern, Sym, TokView, Vocab};
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

    /// The patterns that can match at a token, in pattern order; `buf` is scratch space
    /// for the rare token that has more than one list.
    fn candidates<'s>(&'s self, t: &impl TokView, buf: &'s mut Vec<u32>) -> &'s [u32] {
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
    pub fn scan<T: TokView>(&self, toks: &[T], range: Range<usize>) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut pos = range.start;
        let mut buf: Vec<u32> = Vec::new();
        while pos < range.end {
            let mut best: Option<(usize, usize)> = None;
            for &i in self.candidates(&toks[pos], &mut buf) {
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
