//! Patterns: parsing, interning against a [`Vocab`], and matching at a position.

use rust_stemmers::{Algorithm, Stemmer};
use stancemap_core::hash::FxHashMap;
use std::collections::BTreeMap;

/// An interned string: a word, stem or punctuation mark some pattern compares against.
pub type Sym = u32;

/// The symbol of a token string that no pattern uses (never equal to a pattern's).
pub const NO_SYM: Sym = Sym::MAX;

/// The strings the compiled patterns compare against, interned, so that matching
/// compares integers and each token of a document is looked up once, not once per
/// pattern layer.
#[derive(Clone, Debug, Default)]
pub struct Vocab {
    map: FxHashMap<String, Sym>,
    /// The negators' symbols, sorted.
    negators: Vec<Sym>,
    /// Valence (tenths, -40 ..= 40) by symbol; symbols beyond it have none.
    valence: Vec<i8>,
}

impl Vocab {
    /// The symbol of `s`, adding it if new.
    pub fn intern(&mut self, s: &str) -> Sym {
        if let Some(&x) = self.map.get(s) {
            return x;
        }
        let x = Sym::try_from(self.map.len()).unwrap_or(NO_SYM - 1);
        self.map.insert(s.to_string(), x);
        x
    }

    /// The symbol of `s`, or [`NO_SYM`] when no pattern uses it.
    pub fn get(&self, s: &str) -> Sym {
        self.map.get(s).copied().unwrap_or(NO_SYM)
    }

    /// The number of symbols.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no symbol was interned yet.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Declares the words that mark negation.
    pub fn set_negators<'w>(&mut self, words: impl IntoIterator<Item = &'w String>) {
        let mut negators: Vec<Sym> = words.into_iter().map(|w| self.intern(w)).collect();
        negators.sort_unstable();
        negators.dedup();
        self.negators = negators;
    }

    /// Declares the valence of words (VADER scale, -4 ..= 4).
    pub fn set_valence<'w>(&mut self, words: impl IntoIterator<Item = (&'w str, f32)>) {
        for (w, v) in words {
            let s = self.intern(w) as usize;
            if self.valence.len() <= s {
                self.valence.resize(s + 1, 0);
            }
            // Clamped to the scale, so the cast cannot overflow.
            self.valence[s] = (v.clamp(-4.0, 4.0) * 10.0).round() as i8;
        }
    }

    /// The valence of a symbol in tenths (0: none).
    #[inline]
    pub fn valence(&self, s: Sym) -> i8 {
        self.valence.get(s as usize).copied().unwrap_or(0)
    }

    /// Is this symbol a negator?
    pub fn is_negator(&self, s: Sym) -> bool {
        self.negators.binary_search(&s).is_ok()
    }
}

/// Token features a pattern looks at.
pub trait TokView {
    /// Symbol of the lower-case, quote-folded form.
    fn norm(&self) -> Sym;
    /// Symbol of the Snowball stem of the norm.
    fn stem(&self) -> Sym;
    /// True for a word or number (what gaps may skip).
    fn is_word(&self) -> bool;
    /// True for a negator.
    fn is_neg(&self) -> bool;
    /// Valence in tenths (VADER scale times ten; 0: none).
    fn valence(&self) -> i8 {
        0
    }
    /// The sentence the token is in (a look-behind `^` needs the previous token to be
    /// in another sentence).
    fn sentence(&self) -> usize {
        0
    }
}

/// One alternative of an item; `W` is `String` as parsed, [`Sym`] once interned.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Alt<W> {
    /// Stem (or norm) equality.
    Word { stem: W, norm: W },
    /// Exact norm.
    Exact(W),
    /// A punctuation token.
    Punct(W),
    /// Any negator.
    Neg,
    /// A word of positive (`true`) or negative valence.
    Val(bool),
    /// The start of a sentence (look-behind only).
    Start,
}

/// The valence (in tenths) a word needs to count as evaluative.
pub const VALENCE_MIN: i8 = 10;

impl<W> Alt<W> {
    fn map<V>(&self, f: &mut impl FnMut(&W) -> V) -> Alt<V> {
        match self {
            Alt::Word { stem, norm } => Alt::Word {
                stem: f(stem),
                norm: f(norm),
            },
            Alt::Exact(n) => Alt::Exact(f(n)),
            Alt::Punct(p) => Alt::Punct(f(p)),
            Alt::Neg => Alt::Neg,
            Alt::Val(p) => Alt::Val(*p),
            Alt::Start => Alt::Start,
        }
    }
}

impl Alt<Sym> {
    #[inline]
    fn matches(&self, t: &impl TokView) -> bool {
        match *self {
            Alt::Word { stem, norm } => t.is_word() && (t.stem() == stem || t.norm() == norm),
            Alt::Exact(n) => t.norm() == n,
            Alt::Punct(p) => !t.is_word() && t.norm() == p,
            Alt::Neg => t.is_neg(),
            Alt::Val(true) => t.is_word() && t.valence() >= VALENCE_MIN,
            Alt::Val(false) => t.is_word() && t.valence() <= -VALENCE_MIN,
            // only in a look-behind, which checks it against the token pair
            Alt::Start => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Item<W> {
    Tok { alts: Vec<Alt<W>>, optional: bool },
    Gap { min: usize, max: usize },
}

/// A pattern: parsed (`Pattern<String>`, what data files hold) or compiled against a
/// [`Vocab`] (`Pattern<Sym>`, what the matchers run).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern<W = String> {
    before: Option<Vec<Alt<W>>>,
    items: Vec<Item<W>>,
    /// The token right after a match must be one of these (a lookahead, not matched).
    after: Option<Vec<Alt<W>>>,
    /// Once interned: each item's alternatives as an [`AltSet`] (empty when parsed).
    sets: Vec<AltSet>,
    /// Once interned: how many items from the first are required words (no gap, no
    /// optional item before them), which any match has at fixed offsets from its start.
    fixed: usize,
    /// Once interned: the next required word after those (see [`Anchor`]).
    anchor: Option<Anchor>,
}

/// Where the first required word after a pattern's fixed prefix can be: item `item`, at
/// `lo..=hi` tokens after the prefix (the optional words and gaps in between may take
/// that many). With `gaps_only`, the tokens in between are gap words (no punctuation,
/// no negator unless the matcher's gaps may skip them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Anchor {
    item: usize,
    lo: usize,
    hi: usize,
    gaps_only: bool,
}

impl Anchor {
    /// The anchor after the first `fixed` items, if a required word follows.
    fn after<W>(items: &[Item<W>], fixed: usize) -> Option<Anchor> {
        let (mut lo, mut hi, mut gaps_only) = (0, 0, true);
        for (i, item) in items.iter().enumerate().skip(fixed) {
            match item {
                Item::Tok {
                    optional: false, ..
                } => {
                    return Some(Anchor {
                        item: i,
                        lo,
                        hi,
                        gaps_only,
                    });
                }
                Item::Tok { optional: true, .. } => {
                    hi += 1;
                    gaps_only = false;
                }
                Item::Gap { min, max } => {
                    lo += min;
                    hi += max;
                }
            }
        }
        None
    }
}

/// The alternatives of one item compiled for lookup: sorted symbol sets and flags, so a
/// class of hundreds of words costs a binary search instead of a scan of its members.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct AltSet {
    /// Words matched by stem, and by norm ([`Alt::Word`]).
    stems: Box<[Sym]>,
    norms: Box<[Sym]>,
    /// Any token matched by its exact norm ([`Alt::Exact`]).
    exact: Box<[Sym]>,
    /// Punctuation tokens ([`Alt::Punct`]).
    punct: Box<[Sym]>,
    neg: bool,
    good: bool,
    bad: bool,
}

impl AltSet {
    fn new(alts: &[Alt<Sym>]) -> AltSet {
        let (mut stems, mut norms, mut exact, mut punct) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut set = AltSet::default();
        for a in alts {
            match *a {
                Alt::Word { stem, norm } => {
                    stems.push(stem);
                    norms.push(norm);
                }
                Alt::Exact(n) => exact.push(n),
                Alt::Punct(p) => punct.push(p),
                Alt::Neg => set.neg = true,
                Alt::Val(true) => set.good = true,
                Alt::Val(false) => set.bad = true,
                Alt::Start => {}
            }
        }
        let sorted = |mut v: Vec<Sym>| {
            v.sort_unstable();
            v.dedup();
            v.into_boxed_slice()
        };
        set.stems = sorted(stems);
        set.norms = sorted(norms);
        set.exact = sorted(exact);
        set.punct = sorted(punct);
        set
    }

    /// The alternatives of all `sets`: a token matches it when it matches one of them.
    pub(crate) fn union<'s>(sets: impl Iterator<Item = &'s AltSet>) -> AltSet {
        let (mut stems, mut norms, mut exact, mut punct) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut u = AltSet::default();
        for s in sets {
            stems.extend_from_slice(&s.stems);
            norms.extend_from_slice(&s.norms);
            exact.extend_from_slice(&s.exact);
            punct.extend_from_slice(&s.punct);
            u.neg |= s.neg;
            u.good |= s.good;
            u.bad |= s.bad;
        }
        let sorted = |mut v: Vec<Sym>| {
            v.sort_unstable();
            v.dedup();
            v.into_boxed_slice()
        };
        u.stems = sorted(stems);
        u.norms = sorted(norms);
        u.exact = sorted(exact);
        u.punct = sorted(punct);
        u
    }

    /// Whether any alternative matches `t` (what [`Alt::matches`] says of each).
    #[inline]
    pub(crate) fn matches(&self, t: &impl TokView) -> bool {
        let norm = t.norm();
        if t.is_word() {
            let v = t.valence();
            if has(&self.stems, t.stem())
                || has(&self.norms, norm)
                || (self.good && v >= VALENCE_MIN)
                || (self.bad && v <= -VALENCE_MIN)
            {
                return true;
            }
        } else if has(&self.punct, norm) {
            return true;
        }
        has(&self.exact, norm) || (self.neg && t.is_neg())
    }
}

/// Membership in a sorted set: a scan for a few symbols, a binary search beyond.
#[inline]
fn has(set: &[Sym], x: Sym) -> bool {
    if set.len() <= 8 {
        set.contains(&x)
    } else {
        set.binary_search(&x).is_ok()
    }
}

/// What the first token of a match can be looked up by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    /// A token whose norm or stem is this symbol.
    Sym(Sym),
    /// Any negator.
    Neg,
}

/// Word classes available to patterns: name -> members.
pub type Classes = BTreeMap<String, Vec<String>>;

/// Lower-cases and folds typographic apostrophes like the token norms do.
pub fn norm_word(w: &str) -> String {
    w.to_lowercase().replace(['’', '‘', '`'], "'")
}

/// The stem of a lower-case word.
pub fn stem_of(stemmer: &Stemmer, w: &str) -> String {
    stemmer.stem(w).into_owned()
}

/// The English stemmer used for patterns and tokens alike.
pub fn english() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

const PUNCT: [&str; 8] = [",", "?", ":", ";", "-", ".", "!", "("];

impl Pattern<String> {
    /// Parses a pattern. Errors are messages; the caller adds the file position.
    pub fn parse(src: &str, classes: &Classes, stemmer: &Stemmer) -> Result<Pattern, String> {
        let mut items = Vec::new();
        let mut before = None;
        let mut after = None;
        let words: Vec<&str> = src.split_whitespace().collect();
        for (n, &raw) in words.iter().enumerate() {
            if after.is_some() {
                return Err(format!("`{src}`: a `[..]` lookahead item must come last"));
            }
            if raw.starts_with('[') && n > 0 && n + 1 == words.len() {
                if !raw.ends_with(']') || raw.len() < 3 {
                    return Err(format!("`{raw}`: a `[..]` lookahead item must be closed"));
                }
                after = Some(parse_alts(&raw[1..raw.len() - 1], classes, stemmer)?);
                continue;
            }
            if raw.starts_with('[') {
                if n != 0 || !raw.ends_with(']') || raw.len() < 3 {
                    return Err(format!(
                        "`{raw}`: a `[..]` context item must come first and be closed"
                    ));
                }
                let (start, rest): (Vec<&str>, Vec<&str>) =
                    raw[1..raw.len() - 1].split('|').partition(|a| *a == "^");
                let mut alts = if rest.is_empty() {
                    Vec::new()
                } else {
                    parse_alts(&rest.join("|"), classes, stemmer)?
                };
                if !start.is_empty() {
                    alts.push(Alt::Start);
                }
                before = Some(alts);
                continue;
            }
            if let Some(g) = raw.strip_prefix('*') {
                let (min, max) = match g.split_once('-') {
                    Some((a, b)) => (a.parse::<usize>(), b.parse::<usize>()),
                    None => (Ok(0), g.parse::<usize>()),
                };
                match (min, max) {
                    (Ok(min), Ok(max)) if min <= max && max <= 12 => {
                        items.push(Item::Gap { min, max })
                    }
                    _ => {
                        return Err(format!(
                            "`{raw}`: a gap is `*N` or `*M-N` with M <= N <= 12"
                        ));
                    }
                }
                continue;
            }
            let (body, optional) = match raw.strip_suffix('?') {
                Some(b) if !b.is_empty() => (b, true),
                _ => (raw, false),
            };
            items.push(Item::Tok {
                alts: parse_alts(body, classes, stemmer)?,
                optional,
            });
        }
        let has_required = items.iter().any(|i| {
            matches!(
                i,
                Item::Tok {
                    optional: false,
                    ..
                }
            )
        });
        if !has_required {
            return Err(format!(
                "`{src}`: a pattern needs at least one required word"
            ));
        }
        if matches!(items.first(), Some(Item::Gap { .. }))
            || matches!(items.last(), Some(Item::Gap { .. }))
        {
            return Err(format!("`{src}`: a pattern cannot start or end with a gap"));
        }
        Ok(Pattern {
            before,
            items,
            after,
            sets: Vec::new(),
            fixed: 0,
            anchor: None,
        })
    }

    /// The pattern without its goal: a trailing `*gap <place>` (and a relator word left
    /// bare before it) dropped, when at least two words remain (`<send> *0-4 <troops>
    /// *0-6 <ukraine>` → `<send> *0-4 <troops>`). `None` for a pattern with a look-ahead,
    /// no gap before its last word, or too little left. `relator` tells a word that
    /// only links a goal ("to", "in").
    pub fn without_goal(&self, relator: impl Fn(&str) -> bool) -> Option<Pattern> {
        if self.after.is_some() {
            return None;
        }
        let n = self.items.len();
        if n < 3 || !matches!(self.items[n - 2], Item::Gap { .. }) {
            return None;
        }
        let mut items = self.items[..n - 2].to_vec();
        let bare_relator = |i: &Item<String>| match i {
            Item::Tok { alts, .. } => alts.iter().all(|a| match a {
                Alt::Word { norm, .. } | Alt::Exact(norm) => relator(norm),
                _ => false,
            }),
            Item::Gap { .. } => false,
        };
        while items
            .last()
            .is_some_and(|i| bare_relator(i) || matches!(i, Item::Gap { .. }))
        {
            items.pop();
        }
        let words = items
            .iter()
            .filter(|i| {
                matches!(
                    i,
                    Item::Tok {
                        optional: false,
                        ..
                    }
                )
            })
            .count();
        (words >= 2).then(|| Pattern {
            before: self.before.clone(),
            items,
            after: None,
            sets: Vec::new(),
            fixed: 0,
            anchor: None,
        })
    }

    /// The pattern with its strings interned.
    pub fn intern(&self, vocab: &mut Vocab) -> Pattern<Sym> {
        let mut f = |w: &String| vocab.intern(w);
        let before = self
            .before
            .as_ref()
            .map(|b| b.iter().map(|a| a.map(&mut f)).collect());
        let items: Vec<Item<Sym>> = self
            .items
            .iter()
            .map(|i| match i {
                Item::Tok { alts, optional } => Item::Tok {
                    alts: alts.iter().map(|a| a.map(&mut f)).collect(),
                    optional: *optional,
                },
                Item::Gap { min, max } => Item::Gap {
                    min: *min,
                    max: *max,
                },
            })
            .collect();
        let after = self
            .after
            .as_ref()
            .map(|b| b.iter().map(|a| a.map(&mut f)).collect());
        let sets = items
            .iter()
            .map(|i| match i {
                Item::Tok { alts, .. } => AltSet::new(alts),
                Item::Gap { .. } => AltSet::default(),
            })
            .collect();
        let fixed = items
            .iter()
            .take_while(|i| {
                matches!(
                    i,
                    Item::Tok {
                        optional: false,
                        ..
                    }
                )
            })
            .count();
        let anchor = Anchor::after(&items, fixed);
        Pattern {
            before,
            items,
            after,
            sets,
            fixed,
            anchor,
        }
    }
}

impl Pattern<Sym> {
    /// The keys one of which the first token of any match has, or `None` when a match
    /// can start anywhere (a gap follows an optional first word).
    pub fn first_keys(&self) -> Option<Vec<Key>> {
        let mut keys = Vec::new();
        for item in &self.items {
            let Item::Tok { alts, optional } = item else {
                return None;
            };
            if alts.iter().any(|a| matches!(a, Alt::Val(_))) {
                return None;
            }
            for a in alts {
                match *a {
                    Alt::Word { stem, norm } => keys.extend([Key::Sym(stem), Key::Sym(norm)]),
                    Alt::Exact(n) | Alt::Punct(n) => keys.push(Key::Sym(n)),
                    Alt::Neg => keys.push(Key::Neg),
                    Alt::Val(_) | Alt::Start => {}
                }
            }
            if !optional {
                keys.dedup();
                return Some(keys);
            }
        }
        None
    }

    /// A second required word of every match and where it can be, as offsets from the
    /// match's start (`lo..=hi`): the word after the first when both are at fixed
    /// offsets, else the first required word after the optional words and gaps. `None`
    /// for a pattern with one required word.
    pub(crate) fn gate(&self) -> Option<(usize, usize, &AltSet)> {
        if self.fixed >= 2 {
            return Some((1, 1, &self.sets[1]));
        }
        let a = self.anchor?;
        Some((self.fixed + a.lo, self.fixed + a.hi, &self.sets[a.item]))
    }

    /// A cheap necessary condition for a match at `pos`: the words every match has at
    /// fixed offsets from its start (the required items before the first gap or
    /// optional item) are there, and the next required word is within the reach of the
    /// optional words and gaps before it. Most attempts of a scan fail on these,
    /// without the recursion of [`Pattern::match_at_gaps`].
    #[inline]
    pub fn may_match_at<T: TokView>(
        &self,
        toks: &[T],
        pos: usize,
        limit: usize,
        neg_gaps: bool,
    ) -> bool {
        let limit = limit.min(toks.len());
        let fixed = self.fixed;
        if pos + fixed > limit
            || !self.sets[..fixed]
                .iter()
                .zip(&toks[pos..])
                .all(|(set, t)| set.matches(t))
        {
            return false;
        }
        let Some(a) = self.anchor else {
            return true;
        };
        let set = &self.sets[a.item];
        let start = pos + fixed;
        let reach = (start + a.hi + 1).min(limit);
        for (k, t) in toks[start.min(reach)..reach].iter().enumerate() {
            if k >= a.lo && set.matches(t) {
                return true;
            }
            if a.gaps_only && (!t.is_word() || (t.is_neg() && !neg_gaps)) {
                return false;
            }
        }
        false
    }

    /// The end (exclusive) of the longest match starting at `pos`, not beyond `limit`.
    pub fn match_at<T: TokView>(&self, toks: &[T], pos: usize, limit: usize) -> Option<usize> {
        self.match_at_gaps(toks, pos, limit, false)
    }

    /// As [`Pattern::match_at`]; with `neg_gaps`, gaps may also skip negators (targets:
    /// "soldiers will not go to Ukraine" is still about sending soldiers, negated).
    pub fn match_at_gaps<T: TokView>(
        &self,
        toks: &[T],
        pos: usize,
        limit: usize,
        neg_gaps: bool,
    ) -> Option<usize> {
        let limit = limit.min(toks.len());
        if pos >= limit {
            return None;
        }
        if let Some(before) = &self.before {
            let ok = before.iter().any(|a| match a {
                Alt::Start => pos == 0 || toks[pos - 1].sentence() != toks[pos].sentence(),
                a => pos > 0 && a.matches(&toks[pos - 1]),
            });
            if !ok {
                return None;
            }
        }
        let mut best = None;
        let m = Rec {
            toks,
            items: &self.items,
            sets: &self.sets,
            limit,
            neg_gaps,
            after: self.after.as_deref(),
        };
        m.rec(0, pos, &mut best);
        // An all-optional prefix must not produce an empty match.
        best.filter(|&e| e > pos)
    }
}

/// The fixed arguments of the recursive matcher.
struct Rec<'t, T> {
    toks: &'t [T],
    items: &'t [Item<Sym>],
    /// `items`' alternatives, compiled.
    sets: &'t [AltSet],
    limit: usize,
    neg_gaps: bool,
    after: Option<&'t [Alt<Sym>]>,
}

impl<T: TokView> Rec<'_, T> {
    fn rec(&self, i: usize, pos: usize, best: &mut Option<usize>) {
        let toks = self.toks;
        let Some(first) = self.items.get(i) else {
            let follows = self.after.is_none_or(|a| {
                toks.get(pos)
                    .is_some_and(|t| a.iter().any(|x| x.matches(t)))
            });
            if follows && best.is_none_or(|b| pos > b) {
                *best = Some(pos);
            }
            return;
        };
        match first {
            Item::Tok { optional, .. } => {
                if pos < self.limit && self.sets[i].matches(&toks[pos]) {
                    self.rec(i + 1, pos + 1, best);
                }
                if *optional {
                    self.rec(i + 1, pos, best);
                }
            }
            Item::Gap { min, max } => {
                let mut k = 0;
                while k <= *max {
                    if k >= *min {
                        self.rec(i + 1, pos + k, best);
                    }
                    if pos + k >= self.limit
                        || !toks[pos + k].is_word()
                        || (toks[pos + k].is_neg() && !self.neg_gaps)
                    {
                        break;
                    }
                    k += 1;
                }
            }
        }
    }
}

fn parse_alts(
    body: &str,
    classes: &Classes,
    stemmer: &Stemmer,
) -> Result<Vec<Alt<String>>, String> {
    let mut alts = Vec::new();
    for a in body.split('|') {
        if a.is_empty() {
            return Err(format!("`{body}`: empty alternative"));
        }
        if PUNCT.contains(&a) {
            alts.push(Alt::Punct(a.to_string()));
        } else if a == "<neg>" {
            alts.push(Alt::Neg);
        } else if a == "<good>" || a == "<bad>" {
            alts.push(Alt::Val(a == "<good>"));
        } else if let Some(forms) = builtin(a).filter(|_| !classes.contains_key(&a[1..a.len() - 1]))
        {
            alts.extend(forms.iter().map(|f| Alt::Exact((*f).to_string())));
        } else if let Some(name) = a.strip_prefix('<').and_then(|x| x.strip_suffix('>')) {
            let members = classes
                .get(name)
                .ok_or_else(|| format!("`{a}`: unknown class `{name}`"))?;
            for m in members {
                alts.push(word_alt(m, stemmer)?);
            }
        } else if let Some(w) = a.strip_prefix('=') {
            check_word(w)?;
            alts.push(Alt::Exact(norm_word(w)));
        } else {
            alts.push(word_alt(a, stemmer)?);
        }
    }
    Ok(alts)
}

/// Built-in classes of inflected forms the stemmer does not join.
fn builtin(a: &str) -> Option<&'static [&'static str]> {
    match a {
        "<be>" => Some(&[
            "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m",
        ]),
        "<do>" => Some(&["do", "does", "did", "done", "doing"]),
        "<have>" => Some(&["have", "has", "had", "having", "'ve"]),
        _ => None,
    }
}

fn word_alt(w: &str, stemmer: &Stemmer) -> Result<Alt<String>, String> {
    check_word(w)?;
    let norm = norm_word(w);
    Ok(Alt::Word {
        stem: stem_of(stemmer, &norm),
        norm,
    })
}

fn check_word(w: &str) -> Result<(), String> {
    if w.is_empty() {
        return Err("empty word".to_string());
    }
    if w.contains('-') {
        return Err(format!(
            "`{w}`: write hyphenated words as separate words (`case by case` also matches \"case-by-case\")"
        ));
    }
    if w.contains(['<', '>', '[', ']', '*', '=']) {
        return Err(format!("`{w}`: unexpected character in a word"));
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A test token: norm and stem symbols, is a word, is a negator.
    pub(crate) struct T(pub Sym, pub Sym, pub bool, pub bool);
    impl TokView for T {
        fn norm(&self) -> Sym {
            self.0
        }
        fn stem(&self) -> Sym {
            self.1
        }
        fn is_word(&self) -> bool {
            self.2
        }
        fn is_neg(&self) -> bool {
            self.3
        }
    }

    fn toks(s: &str, v: &Vocab) -> Vec<T> {
        let st = english();
        s.split_whitespace()
            .map(|w| {
                let n = norm_word(w);
                let word = n.chars().any(|c| c.is_alphanumeric());
                T(v.get(&n), v.get(&stem_of(&st, &n)), word, n == "not")
            })
            .collect()
    }

    fn compile(p: &str, classes: &Classes) -> (Pattern<Sym>, Vocab) {
        let mut v = Vocab::default();
        let p = Pattern::parse(p, classes, &english())
            .unwrap()
            .intern(&mut v);
        (p, v)
    }

    fn m(p: &str, s: &str) -> Option<usize> {
        let mut classes = Classes::new();
        classes.insert("aircraft".into(), vec!["drone".into(), "aircraft".into()]);
        let (p, v) = compile(p, &classes);
        let t = toks(s, &v);
        p.match_at(&t, 0, t.len())
    }

    #[test]
    fn stems_alternatives_gaps_and_classes() {
        assert_eq!(m("shoot|shot down", "shooting down jets"), Some(2));
        assert_eq!(m("shoot|shot down", "shot down"), Some(2));
        assert_eq!(m("down *2 <aircraft>", "down two hostile drones"), Some(4));
        assert_eq!(m("down *1 <aircraft>", "down two hostile drones"), None);
        assert_eq!(
            m(
                "=downing of? *2 <aircraft>",
                "downing of intruding aircraft"
            ),
            Some(4)
        );
        assert_eq!(m("not *0-1 overreact", "not to overreact"), Some(3));
        assert_eq!(m("<neg> fire", "not fire"), Some(2));
        assert_eq!(m("call *0-3 for", "called on tuesday for"), Some(4));
        assert_eq!(m("<be> a mistake", "was a mistake"), Some(3));
        assert_eq!(m("x *2 y", "x , y"), None, "gaps do not cross punctuation");
        assert_eq!(m("urge *0-3 to", "urge them not to"), None, "nor negators");
    }

    #[test]
    fn the_prefilter_never_rejects_a_match() {
        let mut classes = Classes::new();
        classes.insert("aircraft".into(), vec!["drone".into(), "aircraft".into()]);
        let patterns = [
            "shoot|shot down",
            "down *2 <aircraft>",
            "down *1-2 <aircraft>",
            "=downing of? *2 <aircraft>",
            "not *0-1 overreact",
            "call *0-3 for",
            "x *2 y",
            "urge *0-3 to",
            "urge? them *1 to",
            "[to|will] =down",
            "shoot down [only|.]",
            ", ready? to down",
            "not? *0-1 shoot down",
            "x? y? z *1-2 down",
        ];
        let texts = [
            "shooting down jets",
            "down two hostile drones",
            "down drones",
            "downing of intruding aircraft",
            "not to overreact",
            "called on tuesday for",
            "x , y",
            "x a b y",
            "urge them not to",
            "urge them all to",
            "them all to",
            "ready to down jets",
            "shoot down .",
            "shoot down now",
            "x , ready to down",
            ", to down",
            "not to shoot down",
            "x y z a b down",
            "y z a down",
            "z down",
        ];
        for src in patterns {
            let (p, v) = compile(src, &classes);
            for text in texts {
                let t = toks(text, &v);
                for pos in 0..t.len() {
                    for neg_gaps in [false, true] {
                        let full = p.match_at_gaps(&t, pos, t.len(), neg_gaps);
                        let may = p.may_match_at(&t, pos, t.len(), neg_gaps);
                        assert!(
                            full.is_none() || may,
                            "`{src}` on `{text}` at {pos}: a match the prefilter rejects"
                        );
                    }
                }
            }
        }
        // It does reject: the word after the gap is out of reach, or the first required
        // word beyond the optional ones.
        let (p, v) = compile("down *1 <aircraft>", &classes);
        let t = toks("down two hostile drones", &v);
        assert!(!p.may_match_at(&t, 0, t.len(), false));
        let (p, v) = compile("x? y? z", &classes);
        let t = toks("x y a z", &v);
        assert!(!p.may_match_at(&t, 0, t.len(), false));
        assert!(
            p.may_match_at(&t, 1, t.len(), false),
            "z is two words on: y? a?"
        );
    }

    #[test]
    fn context_item_is_not_part_of_the_match() {
        let (p, v) = compile("[to|will] =down", &Classes::new());
        let t = toks("ready to down jets", &v);
        assert_eq!(p.match_at(&t, 2, t.len()), Some(3));
        let t = toks("calm down now", &v);
        assert_eq!(p.match_at(&t, 1, t.len()), None);
    }

    /// `^` in a look-behind: the match opens its sentence (the test tokens are all in
    /// sentence 0, so only the first position starts one), or follows another listed word.
    #[test]
    fn sentence_start_in_a_look_behind() {
        let (p, v) = compile("[^|:] =shoot", &Classes::new());
        let t = toks("shoot them down", &v);
        assert_eq!(p.match_at(&t, 0, t.len()), Some(1));
        let t = toks("we shoot them", &v);
        assert_eq!(p.match_at(&t, 1, t.len()), None);
        let t = toks("simple : shoot them", &v);
        assert_eq!(p.match_at(&t, 2, t.len()), Some(3));
    }

    #[test]
    fn lookahead_item_is_not_part_of_the_match() {
        let (p, v) = compile("=fire [only|if|.]", &Classes::new());
        let t = toks("pilots will fire only if attacked", &v);
        assert_eq!(p.match_at(&t, 2, t.len()), Some(3));
        let t = toks("they will fire .", &v);
        assert_eq!(p.match_at(&t, 2, t.len()), Some(3));
        let t = toks("they will fire the director", &v);
        assert_eq!(p.match_at(&t, 2, t.len()), None);
        let t = toks("they will fire", &v);
        assert_eq!(p.match_at(&t, 2, t.len()), None, "nothing follows");
        let (p, v) = compile("fire on? [.]", &Classes::new());
        let t = toks("open fire on .", &v);
        assert_eq!(
            p.match_at(&t, 1, t.len()),
            Some(3),
            "the longest match that is followed"
        );
        assert!(Pattern::parse("[a] x [b] y", &Classes::new(), &english()).is_err());
    }

    #[test]
    fn first_keys_cover_optional_first_words_punctuation_and_negators() {
        let keys = |p: &str| {
            let (p, v) = compile(p, &Classes::new());
            let k = p.first_keys();
            (k, v)
        };
        let (k, v) = keys("=downed jets");
        assert_eq!(k, Some(vec![Key::Sym(v.get("downed"))]));
        let (k, v) = keys("not? =fire");
        assert_eq!(
            k,
            Some(vec![Key::Sym(v.get("not")), Key::Sym(v.get("fire"))])
        );
        let (k, v) = keys(", =and");
        assert_eq!(k, Some(vec![Key::Sym(v.get(","))]));
        assert_eq!(keys("<neg> fire").0, Some(vec![Key::Neg]));
        assert_eq!(
            keys("very? *2 =bad").0,
            None,
            "a gap after an optional word"
        );
    }

    #[test]
    fn rejects_bad_patterns() {
        let c = Classes::new();
        let st = english();
        assert!(Pattern::parse("*2", &c, &st).is_err());
        assert!(Pattern::parse("a *2", &c, &st).is_err());
        assert!(
            Pattern::parse("<nope>", &c, &st)
                .unwrap_err()
                .contains("unknown class")
        );
        assert!(
            Pattern::parse("case-by-case", &c, &st)
                .unwrap_err()
                .contains("hyphen")
        );
        assert!(Pattern::parse("a *x b", &c, &st).is_err());
        assert!(Pattern::parse("a? b?", &c, &st).is_err());
    }

    #[test]
    fn a_goal_can_be_dropped() {
        let mut c = Classes::new();
        c.insert("place".into(), vec!["harbour".into(), "port".into()]);
        let st = english();
        let rel = |w: &str| matches!(w, "to" | "in");
        let goal = |p: &str| {
            Pattern::parse(p, &c, &st)
                .unwrap()
                .without_goal(rel)
                .map(|g| (g.items.len(), g.before.is_some()))
        };
        // "send ships to the harbour" → "send ships"
        assert_eq!(goal("send *0-2 ships *0-3 <place>"), Some((3, false)));
        // the relator left bare goes too, and one word is too little
        assert_eq!(goal("ships *0-2 to|in *0-1 <place>"), None);
        assert_eq!(
            goal("[^] send *0-2 ships|boats in *0-1 <place>"),
            Some((3, true))
        );
        // no gap before the goal, or a look-ahead: nothing to drop
        assert_eq!(goal("send ships <place>"), None);
        assert_eq!(goal("send *0-2 ships *0-3 <place> [now]"), None);
    }
}
