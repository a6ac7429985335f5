//! A small token-pattern language for the topic packs and the common lexicon.
//!
//! A pattern is a space-separated list of items matched against consecutive tokens of
//! the analysis stream (see `stream.rs`: quote marks are dropped, hyphenated words are
//! split into their parts, so `case by case` matches "case-by-case"):
//!
//! | item | matches |
//! |---|---|
//! | `shoot` | a word whose English (Snowball) stem equals the stem of `shoot`, or whose norm is `shoot` ("shoots", "shooting") |
//! | `=downed` | a word whose lower-case norm is exactly `downed` |
//! | `a\|b\|c` | any of the alternatives |
//! | `<aircraft>` | any word of the class `aircraft` (a list in `[classes]`) |
//! | `<neg>` | a negator ("not", "n't", "never", "no", "without" …) |
//! | `<be>` `<do>` `<have>` | a form of *be* ("is", "were", "'s" …), *do*, *have* (built in; the stemmer does not join them) |
//! | `,` `?` `:` `;` `-` | that punctuation token |
//! | `item?` | the item, optionally |
//! | `*3` / `*1-3` | a gap of 0..=3 (1..=3) words; gaps never cross punctuation nor a negator |
//! | `[to\|will]` | (first item only) the word right *before* the match must be one of these; it is not part of the match |
//!
//! Matching is longest-first: of all the ways a pattern can match at a position the
//! longest is taken, and of the entries of a layer the leftmost-longest match wins
//! (`slapdash demands to` beats `demand`).

use rust_stemmers::{Algorithm, Stemmer};
use std::collections::BTreeMap;

/// Token features a pattern looks at.
pub(crate) trait TokView {
    /// Lower-case, quote-folded form.
    fn norm(&self) -> &str;
    /// Snowball stem of the norm.
    fn stem(&self) -> &str;
    /// True for a word or number (what gaps may skip).
    fn is_word(&self) -> bool;
    /// True for a negator.
    fn is_neg(&self) -> bool;
}

/// One alternative of an item.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Alt {
    /// Stem (or norm) equality.
    Word { stem: String, norm: String },
    /// Exact norm.
    Exact(String),
    /// A punctuation token.
    Punct(String),
    /// Any negator.
    Neg,
}

impl Alt {
    fn matches(&self, t: &dyn TokView) -> bool {
        match self {
            Alt::Word { stem, norm } => t.is_word() && (t.stem() == stem || t.norm() == norm),
            Alt::Exact(n) => t.norm() == n,
            Alt::Punct(p) => !t.is_word() && t.norm() == p,
            Alt::Neg => t.is_neg(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Item {
    Tok { alts: Vec<Alt>, optional: bool },
    Gap { min: usize, max: usize },
}

/// A compiled pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Pattern {
    before: Option<Vec<Alt>>,
    items: Vec<Item>,
}

/// Word classes available to patterns: name -> members.
pub(crate) type Classes = BTreeMap<String, Vec<String>>;

/// Lower-cases and folds typographic apostrophes like the token norms do.
pub(crate) fn norm_word(w: &str) -> String {
    w.to_lowercase().replace(['’', '‘', '`'], "'")
}

/// The stem of a lower-case word.
pub(crate) fn stem_of(stemmer: &Stemmer, w: &str) -> String {
    stemmer.stem(w).into_owned()
}

/// The English stemmer used for patterns and tokens alike.
pub(crate) fn english() -> Stemmer {
    Stemmer::create(Algorithm::English)
}

const PUNCT: [&str; 8] = [",", "?", ":", ";", "-", ".", "!", "("];

impl Pattern {
    /// Parses a pattern. Errors are messages; the caller adds the file position.
    pub(crate) fn parse(
        src: &str,
        classes: &Classes,
        stemmer: &Stemmer,
    ) -> Result<Pattern, String> {
        let mut items = Vec::new();
        let mut before = None;
        for (n, raw) in src.split_whitespace().enumerate() {
            if raw.starts_with('[') {
                if n != 0 || !raw.ends_with(']') || raw.len() < 3 {
                    return Err(format!(
                        "`{raw}`: a `[..]` context item must come first and be closed"
                    ));
                }
                before = Some(parse_alts(&raw[1..raw.len() - 1], classes, stemmer)?);
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
        Ok(Pattern { before, items })
    }

    /// The token keys (stems and norms) one of which the first token of any match has,
    /// or `None` when the first item is optional, punctuation or a negator.
    pub(crate) fn first_keys(&self) -> Option<Vec<String>> {
        let Some(Item::Tok {
            alts,
            optional: false,
        }) = self.items.first()
        else {
            return None;
        };
        let mut keys = Vec::new();
        for a in alts {
            match a {
                Alt::Word { stem, norm } => {
                    keys.push(stem.clone());
                    keys.push(norm.clone());
                }
                Alt::Exact(n) => keys.push(n.clone()),
                Alt::Punct(_) | Alt::Neg => return None,
            }
        }
        Some(keys)
    }

    /// The end (exclusive) of the longest match starting at `pos`, not beyond `limit`.
    pub(crate) fn match_at<T: TokView>(
        &self,
        toks: &[T],
        pos: usize,
        limit: usize,
    ) -> Option<usize> {
        let limit = limit.min(toks.len());
        if pos >= limit {
            return None;
        }
        if let Some(before) = &self.before {
            let ok = pos > 0 && before.iter().any(|a| a.matches(&toks[pos - 1]));
            if !ok {
                return None;
            }
        }
        let mut best = None;
        rec(&self.items, toks, pos, limit, &mut best);
        // An all-optional prefix must not produce an empty match.
        best.filter(|&e| e > pos)
    }
}

fn rec<T: TokView>(items: &[Item], toks: &[T], pos: usize, limit: usize, best: &mut Option<usize>) {
    let Some((first, rest)) = items.split_first() else {
        if best.is_none_or(|b| pos > b) {
            *best = Some(pos);
        }
        return;
    };
    match first {
        Item::Tok { alts, optional } => {
            if pos < limit && alts.iter().any(|a| a.matches(&toks[pos])) {
                rec(rest, toks, pos + 1, limit, best);
            }
            if *optional {
                rec(rest, toks, pos, limit, best);
            }
        }
        Item::Gap { min, max } => {
            let mut k = 0;
            while k <= *max {
                if k >= *min {
                    rec(rest, toks, pos + k, limit, best);
                }
                if pos + k >= limit || !toks[pos + k].is_word() || toks[pos + k].is_neg() {
                    break;
                }
                k += 1;
            }
        }
    }
}

fn parse_alts(body: &str, classes: &Classes, stemmer: &Stemmer) -> Result<Vec<Alt>, String> {
    let mut alts = Vec::new();
    for a in body.split('|') {
        if a.is_empty() {
            return Err(format!("`{body}`: empty alternative"));
        }
        if PUNCT.contains(&a) {
            alts.push(Alt::Punct(a.to_string()));
        } else if a == "<neg>" {
            alts.push(Alt::Neg);
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

fn word_alt(w: &str, stemmer: &Stemmer) -> Result<Alt, String> {
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
mod tests {
    use super::*;

    struct T(String, String, bool);
    impl TokView for T {
        fn norm(&self) -> &str {
            &self.0
        }
        fn stem(&self) -> &str {
            &self.1
        }
        fn is_word(&self) -> bool {
            self.0.chars().any(|c| c.is_alphanumeric())
        }
        fn is_neg(&self) -> bool {
            self.2
        }
    }

    fn toks(s: &str) -> Vec<T> {
        let st = english();
        s.split_whitespace()
            .map(|w| {
                let n = norm_word(w);
                T(n.clone(), stem_of(&st, &n), n == "not")
            })
            .collect()
    }

    fn m(p: &str, s: &str) -> Option<usize> {
        let mut classes = Classes::new();
        classes.insert("aircraft".into(), vec!["drone".into(), "aircraft".into()]);
        let p = Pattern::parse(p, &classes, &english()).unwrap();
        let t = toks(s);
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
    fn context_item_is_not_part_of_the_match() {
        let classes = Classes::new();
        let p = Pattern::parse("[to|will] =down", &classes, &english()).unwrap();
        let t = toks("ready to down jets");
        assert_eq!(p.match_at(&t, 2, t.len()), Some(3));
        let t = toks("calm down now");
        assert_eq!(p.match_at(&t, 1, t.len()), None);
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
}
