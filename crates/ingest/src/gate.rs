//! Gates: cheap proofs that a line cannot match a boilerplate pattern, so that the
//! pattern's regex is compiled only when some line might match it.
//!
//! Compiling the ~70 embedded patterns (Unicode classes, case-insensitive) took ~290 M
//! instructions, most of the cold start of the whole analyzer. Parsing them to syntax
//! trees costs a few percent of that, and a tree tells which literal text every match
//! must contain: `^(read|see) also\b` only matches a line that starts with "read als" or
//! "see also" (strings are cut at [`MAX_LEN`] bytes), `\ball rights reserved\b` one that
//! contains "all righ". A line of article text fails almost every gate.
//!
//! Per pattern, three levels, each run only if the one before lets the line through:
//! 1. the literal gate ([`Gate`]): one scan of the line for every pattern's strings
//!    ([`Probe`]), then a prefix comparison for anchored patterns;
//! 2. the approximation ([`Gate::approximation`]): the pattern with its large character
//!    classes replaced by "any character", compiled on first need at a small fraction of
//!    the pattern's cost; it checks the structure (the words in order around the names);
//! 3. the pattern itself, compiled on first need: only lines that look like furniture
//!    pay for it.
//!
//! # Soundness
//! A gate must never reject a line the regex matches. The strings are compared ignoring
//! ASCII case, after [`fold_char`] on both sides, and a pattern character is used only
//! when every character the regex lets it match (its simple case folding, which is what
//! `(?i)` uses) folds to the same character; any other construct (classes, `.`, a
//! character with non-ASCII case variants) counts as "unknown text". Repetitions that may
//! match nothing drop their requirement; an alternation requires one of its branches'
//! strings. `^` anchors a prefix only when no `(?m)` flag appears in the pattern. A prefix
//! of a required string is required too, so cutting strings is safe. The approximation
//! matches a superset of what the pattern matches (see [`approximation`]). The unit tests
//! of the boilerplate stage check both on every line they know.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex_syntax::ast::{self, Ast, RepetitionKind, RepetitionRange};
use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
use std::collections::HashMap;
use std::sync::LazyLock;

/// At most this many strings per set: beyond, the set is dropped (or not extended).
const MAX_STRINGS: usize = 64;
/// Strings are cut to this many bytes: longer ones select no better.
const MAX_LEN: usize = 8;

/// The form lines and pattern strings are compared in: ASCII lower case, and the two
/// non-ASCII characters whose simple case folding reaches an ASCII letter (`ſ` long s and
/// `K` Kelvin sign) mapped to it.
pub(crate) fn fold_char(c: char) -> char {
    match c {
        '\u{017F}' => 's',
        '\u{212A}' => 'k',
        _ => c.to_ascii_lowercase(),
    }
}

/// A line folded with [`fold_char`].
pub(crate) fn fold_line(line: &str) -> String {
    line.chars().map(fold_char).collect()
}

/// The folded form of a pattern character, if every character that `(?i)` lets it match
/// folds to it; `None` otherwise (it is then treated as unknown text).
fn literal(c: char) -> Option<char> {
    static ASCII: LazyLock<Vec<Option<char>>> =
        LazyLock::new(|| (0..128u8).map(|b| check_literal(char::from(b))).collect());
    match ASCII.get(c as usize) {
        Some(&folded) => folded,
        None => check_literal(c),
    }
}

fn check_literal(c: char) -> Option<char> {
    let mut class = ClassUnicode::new([ClassUnicodeRange::new(c, c)]);
    class.case_fold_simple();
    let folded = fold_char(c);
    class
        .iter()
        .flat_map(|r| r.start()..=r.end())
        .all(|d| fold_char(d) == folded)
        .then_some(folded)
}

/// A set of folded strings: every match of a node starts with one of them; `exact`: every
/// match *is* one of them (so the strings can be extended by what follows).
#[derive(Clone, Debug)]
struct Lits {
    strs: Vec<String>,
    exact: bool,
}

impl Lits {
    /// Matches only the empty string (zero-width assertions, flags, `x{0}`).
    fn empty() -> Lits {
        Lits {
            strs: vec![String::new()],
            exact: true,
        }
    }

    /// Nothing known.
    fn unknown() -> Lits {
        Lits {
            strs: vec![String::new()],
            exact: false,
        }
    }

    /// The strings, if none is empty (an empty string requires nothing).
    fn required(self) -> Option<Vec<String>> {
        (!self.strs.iter().any(String::is_empty)).then_some(self.strs)
    }

    fn dedup(mut self) -> Lits {
        self.strs.sort_unstable();
        self.strs.dedup();
        self
    }

    /// `self` followed by `next`; strings are cut at [`MAX_LEN`] bytes.
    fn then(&mut self, next: &Lits) {
        let push = |s: &mut String, tail: &str| -> bool {
            for c in tail.chars() {
                if s.len() + c.len_utf8() > MAX_LEN {
                    return false;
                }
                s.push(c);
            }
            true
        };
        let mut exact = next.exact;
        if let [only] = next.strs.as_slice() {
            // The common case (a literal character): extend in place.
            for s in &mut self.strs {
                exact &= push(s, only);
            }
        } else {
            let mut strs = Vec::with_capacity(self.strs.len() * next.strs.len());
            for a in &self.strs {
                for b in &next.strs {
                    let mut s = a.clone();
                    exact &= push(&mut s, b);
                    strs.push(s);
                }
            }
            self.strs = strs;
        }
        self.exact = exact;
        if !exact {
            // Cut strings may now be equal.
            self.strs.sort_unstable();
            self.strs.dedup();
        }
    }
}

fn bounds(kind: &RepetitionKind) -> (u32, Option<u32>) {
    match kind {
        RepetitionKind::ZeroOrOne => (0, Some(1)),
        RepetitionKind::ZeroOrMore => (0, None),
        RepetitionKind::OneOrMore => (1, None),
        RepetitionKind::Range(RepetitionRange::Exactly(n)) => (*n, Some(*n)),
        RepetitionKind::Range(RepetitionRange::AtLeast(n)) => (*n, None),
        RepetitionKind::Range(RepetitionRange::Bounded(m, n)) => (*m, Some(*n)),
    }
}

/// What a node tells about its matches.
struct Info {
    /// What every match starts with.
    prefix: Lits,
    /// Strings one of which occurs in every match, besides `prefix` (which the callers
    /// also consider: it is not copied here).
    factor: Option<Vec<String>>,
}

impl Info {
    fn of_prefix(prefix: Lits) -> Info {
        Info {
            prefix,
            factor: None,
        }
    }

    /// The best set of strings one of which occurs in every match.
    fn factor(self) -> Option<Vec<String>> {
        better(self.factor, self.prefix.required())
    }
}

/// One bottom-up pass over the syntax tree.
fn analyze(ast: &Ast) -> Info {
    match ast {
        Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => Info::of_prefix(Lits::empty()),
        Ast::Literal(lit) => Info::of_prefix(match literal(lit.c) {
            Some(c) => Lits {
                strs: vec![c.to_string()],
                exact: true,
            },
            None => Lits::unknown(),
        }),
        Ast::Dot(_) | Ast::ClassUnicode(_) | Ast::ClassPerl(_) | Ast::ClassBracketed(_) => {
            Info::of_prefix(Lits::unknown())
        }
        Ast::Repetition(rep) => {
            let (min, max) = bounds(&rep.op.kind);
            if max == Some(0) {
                return Info::of_prefix(Lits::empty());
            }
            let inner = analyze(&rep.ast);
            let once = min <= 1 && max == Some(1);
            if min == 0 {
                let mut strs = inner.prefix.strs;
                strs.push(String::new());
                Info::of_prefix(
                    Lits {
                        strs,
                        exact: inner.prefix.exact && once,
                    }
                    .dedup(),
                )
            } else {
                Info {
                    prefix: Lits {
                        strs: inner.prefix.strs,
                        exact: inner.prefix.exact && once,
                    },
                    factor: inner.factor,
                }
            }
        }
        Ast::Group(g) => analyze(&g.ast),
        Ast::Alternation(alt) => {
            let mut prefix = Lits {
                strs: Vec::new(),
                exact: true,
            };
            let mut union = Some(Vec::new());
            for branch in &alt.asts {
                let info = analyze(branch);
                prefix.exact &= info.prefix.exact;
                prefix.strs.extend(info.prefix.strs.iter().cloned());
                union = union.zip(info.factor()).map(|(mut u, f)| {
                    u.extend(f);
                    u
                });
            }
            let prefix = if prefix.strs.len() > MAX_STRINGS {
                Lits::unknown()
            } else {
                prefix.dedup()
            };
            let factor = union
                .map(|strs| Lits { strs, exact: false }.dedup().strs)
                .filter(|strs| strs.len() <= MAX_STRINGS);
            Info { prefix, factor }
        }
        Ast::Concat(c) => {
            let mut prefixes: Vec<Lits> = Vec::with_capacity(c.asts.len());
            let mut factor = None;
            // Consecutive literal characters make one part (fewer, longer strings).
            let mut text = String::new();
            for a in &c.asts {
                if let Ast::Literal(lit) = a
                    && let Some(ch) = literal(lit.c)
                {
                    text.push(ch);
                    continue;
                }
                if !text.is_empty() {
                    prefixes.push(Lits {
                        strs: vec![std::mem::take(&mut text)],
                        exact: true,
                    });
                }
                let info = analyze(a);
                factor = better(factor, info.factor);
                prefixes.push(info.prefix);
            }
            if !text.is_empty() {
                prefixes.push(Lits {
                    strs: vec![text],
                    exact: true,
                });
            }
            for i in 1..prefixes.len() {
                // A run starting right after a single exact string is contained in the
                // run starting there.
                let before = &prefixes[i - 1];
                if !(before.exact && before.strs.len() == 1) {
                    factor = better(factor, run(&prefixes[i..]).required());
                }
            }
            Info {
                prefix: run(&prefixes),
                factor,
            }
        }
    }
}

/// What every match of a concatenation starts with, given its parts' prefixes.
fn run(parts: &[Lits]) -> Lits {
    let mut acc = Lits::empty();
    for part in parts {
        if !acc.exact {
            break;
        }
        if acc.strs.len() * part.strs.len() > MAX_STRINGS {
            acc.exact = false;
            break;
        }
        acc.then(part);
    }
    acc
}

/// The more selective of two sets: the longer shortest string, then fewer strings.
fn better(a: Option<Vec<String>>, b: Option<Vec<String>>) -> Option<Vec<String>> {
    let score = |s: &Vec<String>| {
        let shortest = s.iter().map(String::len).min().unwrap_or(0);
        (shortest, std::cmp::Reverse(s.len()))
    };
    match (a, b) {
        (Some(a), Some(b)) => Some(if score(&b) > score(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// True when every match of `ast` starts at the start of the haystack.
fn anchored(ast: &Ast) -> bool {
    match ast {
        Ast::Assertion(a) => matches!(
            a.kind,
            ast::AssertionKind::StartLine | ast::AssertionKind::StartText
        ),
        Ast::Group(g) => anchored(&g.ast),
        Ast::Concat(c) => c
            .asts
            .iter()
            .find(|a| !matches!(a, Ast::Flags(_) | Ast::Empty(_)))
            .is_some_and(anchored),
        Ast::Alternation(alt) => alt.asts.iter().all(anchored),
        _ => false,
    }
}

/// True when a `m` (multi-line) flag appears anywhere: `^` may then match after a line
/// break (lines never contain one, but the gate does not rely on it).
fn multi_line(ast: &Ast) -> bool {
    let has = |flags: &ast::Flags| {
        flags
            .items
            .iter()
            .any(|i| i.kind == ast::FlagsItemKind::Flag(ast::Flag::MultiLine))
    };
    match ast {
        Ast::Flags(f) => has(&f.flags),
        Ast::Group(g) => {
            matches!(&g.kind, ast::GroupKind::NonCapturing(f) if has(f)) || multi_line(&g.ast)
        }
        Ast::Repetition(r) => multi_line(&r.ast),
        Ast::Alternation(a) => a.asts.iter().any(multi_line),
        Ast::Concat(c) => c.asts.iter().any(multi_line),
        _ => false,
    }
}

/// What a line must contain, folded, for one pattern to possibly match it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Gate {
    /// The line starts with one of these.
    pub(crate) prefixes: Option<Vec<String>>,
    /// The line contains one of these.
    pub(crate) factors: Option<Vec<String>>,
    /// The first bytes of the prefixes, as a 256-bit set: most lines fail on it.
    first: [u64; 4],
    /// The pattern with its large character classes replaced by "any character" (see
    /// [`approximation`]); `None` when it has none.
    pub(crate) approximation: Option<String>,
}

impl Gate {
    /// The gate of a pattern (a syntax error is the regex's to report).
    pub(crate) fn of(pattern: &str) -> Result<Gate, Box<ast::Error>> {
        let ast = ast::parse::Parser::new().parse(pattern).map_err(Box::new)?;
        let info = analyze(&ast);
        let prefixes = if anchored(&ast) && !multi_line(&ast) {
            info.prefix.clone().required()
        } else {
            None
        };
        // A line of article text rarely passes a prefix: factors would add little there,
        // and every factor costs scanning time on every line.
        let factors = if prefixes.is_some() {
            None
        } else {
            info.factor()
        };
        let mut first = [0; 4];
        for b in prefixes.iter().flatten().filter_map(|p| p.bytes().next()) {
            first[usize::from(b / 64)] |= 1 << (b % 64);
        }
        Ok(Gate {
            prefixes,
            factors,
            first,
            approximation: approximation(pattern, &ast),
        })
    }
}

/// The pattern with every large character class (Unicode classes, `\w`, `\d`, `\S`,
/// negated classes …) replaced by `(?s:.)`, any character: it matches every line the
/// pattern matches (every operator is monotone in its operands, assertions look at the
/// line, not at the pattern), but compiles many times faster, since translating and
/// compiling the Unicode classes is nearly all the cost of a pattern. Tried before the
/// pattern is compiled, it keeps lines that merely contain the right words from costing a
/// compilation. `None` when the pattern has no large class.
fn approximation(pattern: &str, ast: &Ast) -> Option<String> {
    fn large_set(set: &ast::ClassSet) -> bool {
        match set {
            ast::ClassSet::BinaryOp(_) => true,
            ast::ClassSet::Item(item) => large_item(item),
        }
    }
    fn large_item(item: &ast::ClassSetItem) -> bool {
        use ast::ClassSetItem as I;
        match item {
            I::Empty(_) | I::Literal(_) | I::Range(_) | I::Ascii(_) => false,
            I::Unicode(_) => true,
            I::Perl(p) => p.negated || p.kind != ast::ClassPerlKind::Space,
            I::Bracketed(b) => b.negated || large_set(&b.kind),
            I::Union(u) => u.items.iter().any(large_item),
        }
    }
    fn collect(ast: &Ast, out: &mut Vec<std::ops::Range<usize>>) {
        let span = |s: &ast::Span| s.start.offset..s.end.offset;
        match ast {
            Ast::ClassUnicode(c) => out.push(span(&c.span)),
            Ast::ClassPerl(c) if c.negated || c.kind != ast::ClassPerlKind::Space => {
                out.push(span(&c.span));
            }
            Ast::ClassBracketed(c) if c.negated || large_set(&c.kind) => out.push(span(&c.span)),
            Ast::Repetition(r) => collect(&r.ast, out),
            Ast::Group(g) => collect(&g.ast, out),
            Ast::Alternation(a) => a.asts.iter().for_each(|x| collect(x, out)),
            Ast::Concat(c) => c.asts.iter().for_each(|x| collect(x, out)),
            _ => {}
        }
    }
    let mut spans = Vec::new();
    collect(ast, &mut spans);
    if spans.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(pattern.len());
    let mut last = 0;
    for r in spans {
        out.push_str(pattern.get(last..r.start)?);
        out.push_str("(?s:.)");
        last = r.end;
    }
    out.push_str(pattern.get(last..)?);
    Some(out)
}

/// The factor strings of all gates in one automaton, so that a line is scanned once.
#[derive(Clone, Debug)]
pub(crate) struct Literals {
    ac: Option<AhoCorasick>,
    /// Per automaton pattern (distinct strings): the gates it is a factor of.
    owners: Vec<Vec<usize>>,
    gates: usize,
}

impl Literals {
    /// `gates[i]` is gate `i`.
    pub(crate) fn new<'a>(gates: impl IntoIterator<Item = &'a Gate>) -> Literals {
        let mut index: HashMap<&'a str, usize> = HashMap::new();
        let mut strings: Vec<&'a str> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        let mut n = 0;
        for (i, g) in gates.into_iter().enumerate() {
            n = i + 1;
            for s in g.factors.iter().flatten() {
                let k = *index.entry(s.as_str()).or_insert_with(|| {
                    strings.push(s.as_str());
                    owners.push(Vec::new());
                    strings.len() - 1
                });
                owners[k].push(i);
            }
        }
        // The strings are folded (ASCII lower case): the automaton ignores ASCII case, so
        // that lines need no folding (see [`Probe::new`]). A DFA: a few hundred short
        // strings make a small one, the fastest to scan. Building cannot fail (no size
        // limit is set); if it ever did, every line would pass, which is only slower.
        let ac = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&strings)
            .ok();
        Literals {
            ac,
            owners,
            gates: n,
        }
    }
}

/// A line as the gates see it.
pub(crate) struct Probe {
    /// The line with the long s and the Kelvin sign folded, if it has one (ASCII case is
    /// ignored by the comparisons, so other lines are used as they are).
    folded: Option<String>,
    /// Per gate: whether the line contains one of its factors.
    found: Vec<bool>,
}

impl Probe {
    /// `norm` is the normalised line the regexes run on.
    pub(crate) fn new(norm: &str, literals: &Literals) -> Probe {
        // The UTF-8 encodings of `ſ` (C5 BF) and `K` (E2 84 AA) start with these bytes.
        let bytes = norm.as_bytes();
        let folded = (bytes.contains(&0xC5) || bytes.contains(&0xE2)).then(|| fold_line(norm));
        let line = folded.as_deref().unwrap_or(norm);
        let found = match &literals.ac {
            Some(ac) => {
                let mut found = vec![false; literals.gates];
                for m in ac.find_overlapping_iter(line) {
                    for &g in literals
                        .owners
                        .get(m.pattern().as_usize())
                        .into_iter()
                        .flatten()
                    {
                        found[g] = true;
                    }
                }
                found
            }
            None => vec![true; literals.gates],
        };
        Probe { folded, found }
    }

    /// False when the line (`norm`, as given to [`Probe::new`]) cannot match the pattern
    /// of gate number `i`.
    pub(crate) fn admits(&self, norm: &str, i: usize, gate: &Gate) -> bool {
        let line = self.folded.as_deref().unwrap_or(norm).as_bytes();
        gate.prefixes.as_ref().is_none_or(|ps| {
            let b = line.first().map_or(0, u8::to_ascii_lowercase);
            gate.first[usize::from(b / 64)] & (1 << (b % 64)) != 0
                && ps.iter().any(|p| {
                    line.get(..p.len())
                        .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
                })
        }) && (gate.factors.is_none() || self.found.get(i).copied().unwrap_or(true))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strs(v: &[&str]) -> Option<Vec<String>> {
        Some(v.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn prefixes_and_factors() {
        // Anchored: a prefix, no factor (see `Gate::of`).
        let g = Gate::of(r"^(read|see) also\b").unwrap();
        assert_eq!(g.prefixes, strs(&["read als", "see also"]));
        assert_eq!(g.factors, None);
        // Strings are cut at `MAX_LEN` bytes.
        let g = Gate::of(r"\ball rights reserved\b").unwrap();
        assert_eq!((g.prefixes, g.factors), (None, strs(&["all righ"])));
        // The longest shortest string wins, then the smaller set.
        let g = Gate::of(r"\bdo(es)? not necessarily (reflect|represent)\b").unwrap();
        assert_eq!(g.factors, strs(&[" not nec"]));
        let g = Gate::of(r"(hi|hello) (there|you) (a|b)").unwrap();
        assert_eq!(
            g.factors,
            strs(&[" there a", " there b", " you a", " you b"])
        );
        let g = Gate::of(r"\w+ (there|you) \w").unwrap();
        assert_eq!(g.factors, strs(&[" there ", " you "]));
        // Optional and unknown starts give no prefix; the factor comes from later on.
        let g = Gate::of(r"^[(\[]?\s*(with )?(reporting|editing) by \p{Lu}").unwrap();
        assert_eq!(g.prefixes, None);
        assert_eq!(g.factors, strs(&["editing", "reportin"]));
        let g = Gate::of(r"^(\p{Lu}\.\s?){2,4}$").unwrap();
        assert_eq!((g.prefixes, g.factors), (None, strs(&["."])));
        // Nothing usable.
        let g = Gate::of(r"^(\p{Lu}\s?){2,4}$").unwrap();
        assert_eq!((g.prefixes, g.factors), (None, None));
        let g = Gate::of(r"^(a|b?)").unwrap();
        assert_eq!((g.prefixes, g.factors), (None, None));
        // `(?m)`: `^` anchors nothing.
        let g = Gate::of(r"(?m)^read more").unwrap();
        assert_eq!((g.prefixes, g.factors), (None, strs(&["read mor"])));
        // `x{0}` and `x?` require nothing, `x+` requires x.
        assert_eq!(Gate::of("^(ab){0}c").unwrap().prefixes, strs(&["c"]));
        assert_eq!(Gate::of("^(ab)?c").unwrap().prefixes, strs(&["c", "abc"]));
        assert_eq!(Gate::of("^(ab)+c").unwrap().prefixes, strs(&["ab"]));
        assert_eq!(Gate::of("x(ab)+").unwrap().factors, strs(&["xab"]));
    }

    #[test]
    fn letters_with_non_ascii_case_variants_are_unknown() {
        // `k` and `s` also match the Kelvin sign and the long s under (?i): they fold to
        // the ASCII letter; `é` matches `É`, which folds to itself: unknown.
        assert_eq!(literal('K'), Some('k'));
        assert_eq!(literal('s'), Some('s'));
        assert_eq!(literal('\u{212A}'), Some('k'));
        assert_eq!(literal('é'), None);
        assert_eq!(literal('›'), Some('›'));
        assert_eq!(fold_line("ſIGN UP K"), "sign up k");
        assert_eq!(
            Gate::of("(?i)^café society").unwrap().prefixes,
            strs(&["caf"])
        );
        assert_eq!(
            Gate::of("(?i)café society").unwrap().factors,
            strs(&[" society"])
        );
    }

    #[test]
    fn every_ascii_character_is_covered() {
        for b in 0..128u8 {
            let c = char::from(b);
            let folded = literal(c).expect("ASCII letters only fold among themselves");
            let re = regex::RegexBuilder::new(&regex::escape(&c.to_string()))
                .case_insensitive(true)
                .build()
                .unwrap();
            for d in ['\u{017F}', '\u{212A}', c.to_ascii_uppercase(), c] {
                if re.is_match(&d.to_string()) {
                    assert_eq!(fold_char(d), folded, "{c:?} {d:?}");
                }
            }
        }
    }

    #[test]
    fn approximations_replace_large_classes() {
        let approx = |p: &str| Gate::of(p).unwrap().approximation;
        assert_eq!(approx(r"^(read|see) also\b"), None);
        assert_eq!(approx(r"^[.!]\s*x.$"), None);
        assert_eq!(
            approx(r"^by\s+\p{Lu}[\p{L}'.-]*( [^.]+)?\S\w\d\W[\s,]$"),
            Some(r"^by\s+(?s:.)(?s:.)*( (?s:.)+)?(?s:.)(?s:.)(?s:.)(?s:.)[\s,]$".to_string())
        );
        assert_eq!(
            approx(r"(?-i:\p{Lu}){2}"),
            Some(r"(?-i:(?s:.)){2}".to_string())
        );
    }

    #[test]
    fn probes() {
        let gates = [
            Gate::of(r"^(read|see) also\b").unwrap(),
            Gate::of(r"\ball rights reserved\b").unwrap(),
        ];
        let literals = Literals::new(&gates);
        let admits = |line: &str| {
            let p = Probe::new(line, &literals);
            (p.admits(line, 0, &gates[0]), p.admits(line, 1, &gates[1]))
        };
        assert_eq!(admits("Read also: this"), (true, false));
        assert_eq!(admits("(c) ACME. ALL RIGHTS RESERVED."), (false, true));
        assert_eq!(
            admits("(c) ACME. ALL RIGHT\u{17F} RE\u{17F}ERVED."),
            (false, true)
        );
        // A prefix counts at the start only.
        assert_eq!(admits("So read also this"), (false, false));
    }
}
