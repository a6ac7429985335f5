//! The gazetteer: finds every registry surface form (country names, aliases, adjectives,
//! demonyms, capitals, seats, organisations, ministries, titles, groups, known people) in
//! running text, in one pass.
//!
//! # How matching works, and why
//! - One byte trie over all surface forms. At every position that may start a word, the
//!   longest surface starting there wins, so that "Kyiv Independent" wins over "Kyiv" and
//!   "Poles" over "Pole"; a text is scanned once whatever the number of names. (This is
//!   what leftmost-longest Aho-Corasick matching gives with the boundary rule below, and
//!   the trie is built from the sorted surfaces in a few hundred thousand instructions,
//!   where the automaton took ~70 million: most of the registry's load time.)
//! - Matching is on a folded copy of the text ([`stancemap_core::fold`]: curly
//!   apostrophes and dashes straightened, runs of white space as one space, a paragraph
//!   break as a newline, invisible characters dropped) with a map back to the original
//!   bytes: every [`Hit::span`] is a byte range of the original text.
//! - Case is exact for what the data writes with capitals (acronyms, names: "US" never
//!   matches "us"); a word the data writes in lower case also matches capitalised
//!   ("defence minister" finds "Defence Minister"). Diacritics are optional
//!   ("Elysee", "Orban"). A surface written with a leading lower-case "the" matches with
//!   or without the article ("the Kremlin", "The Kremlin", "Kremlin"); the span covers
//!   the article when present.
//! - A match must have a word boundary (no letter or digit) on both sides: "US" is not
//!   found in "USA" nor "EU" in "EUR". When the longest match fails that test, the scan
//!   resumes one character later (a shorter surface at the same position is not tried),
//!   so a match starting inside it is still found.
//! - Phrases listed in `not_actors` ("Latin America") are matched and dropped, hiding the
//!   actor words inside them.
//!
//! # Example
//! ```
//! use stancemap_actors::gazetteer::Gazetteer;
//! use stancemap_actors::registry::{Entry, Registry};
//! let text = "The Kremlin’s line was rejected by Polish officials in Warsaw.";
//! let reg = Registry::embedded();
//! let names: Vec<&str> = Gazetteer::embedded()
//!     .find(text)
//!     .iter()
//!     .filter_map(|h| h.resolve(reg))
//!     .map(|e| e.name())
//!     .collect();
//! assert_eq!(names, ["Kremlin", "Poland", "officials", "Poland"]);
//! ```

use std::collections::HashMap;
use std::collections::hash_map::Entry as Slot;
use std::sync::LazyLock;

use stancemap_core::fold::{Fold, FoldedText};
use stancemap_core::text::strip_diacritics;
use stancemap_core::{Error, ErrorKind, Span};

use crate::registry::{Entry, EntryRef, Registry, Surface};

/// One surface form found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Hit {
    /// Byte range in the original text (a leading "the" included when it was matched).
    pub span: Span,
    /// The registry entry, with the sort of surface for countries, organisations, people.
    pub entry: EntryRef,
}

impl Hit {
    /// The entry in `registry` (the one the gazetteer was built from).
    pub fn resolve<'r>(&self, registry: &'r Registry) -> Option<Entry<'r>> {
        registry.entry(self.entry)
    }

    /// The matched text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.start..self.span.end).unwrap_or("")
    }
}

/// The trie over all surfaces of a [`Registry`]. Build once (well under a millisecond
/// for the trie itself), then [`Gazetteer::find`] in time linear in the text.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    trie: Trie,
    /// Per pattern: the entry, or `None` for a `not_actors` phrase.
    targets: Vec<Option<EntryRef>>,
}

static EMBEDDED: LazyLock<Gazetteer> = LazyLock::new(|| {
    // Built from the embedded data, which the tests check: failure is a bug.
    Gazetteer::new(Registry::embedded())
        .unwrap_or_else(|e| panic!("cannot build the embedded gazetteer: {e}"))
});

/// Precedence of a pattern when several surfaces produce the same string: the smallest
/// wins. `not_actors` first, then surfaces as written before generated variants, names
/// before other surfaces, then load order.
type Priority = (u8, u8, u8, usize);

impl Gazetteer {
    /// The gazetteer of the embedded registry, built once.
    ///
    /// # Panics
    /// Never in a tested build: the embedded data is checked by the crate's tests.
    pub fn embedded() -> &'static Gazetteer {
        &EMBEDDED
    }

    /// Builds the trie over every surface of `registry` (see [`Registry::surfaces`]) and
    /// its `not_actors` phrases.
    ///
    /// # Errors
    /// A `Data` error if the trie cannot be built (more than 4 billion nodes, far more
    /// than any registry holds).
    pub fn new(registry: &Registry) -> Result<Gazetteer, Error> {
        let patterns = patterns(registry);
        let trie = Trie::new(patterns.iter().map(|(p, _)| p.as_str())).ok_or_else(|| {
            Error::new(
                ErrorKind::Data,
                "cannot build the actor gazetteer: too many surfaces",
            )
        })?;
        Ok(Gazetteer {
            trie,
            targets: patterns.into_iter().map(|(_, t)| t).collect(),
        })
    }

    /// Number of patterns in the trie (surfaces with their generated variants).
    pub fn pattern_count(&self) -> usize {
        self.targets.len()
    }

    /// Every registry surface in `text`, left to right, not overlapping (leftmost-longest).
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let folded = FoldedText::new(text, TEXT);
        let hay = folded.as_str();
        let bytes = hay.as_bytes();
        let mut hits = Vec::new();
        // Only a position after a non-alphanumeric character (or the start) can begin a
        // hit: elsewhere the left boundary fails, and a failed match only moves the scan
        // one character on, as a position without any match does.
        let mut pos = 0;
        let mut after_alnum = false;
        while pos < bytes.len() {
            if !after_alnum && let Some((len, pattern)) = self.trie.longest(bytes, pos) {
                let end = pos + len;
                if !hay[end..].chars().next().is_some_and(char::is_alphanumeric) {
                    // A pattern is a whole string and `pos` a character boundary,
                    // so the span is always there.
                    if let Some(entry) = self.targets.get(pattern).copied().flatten()
                        && let Some(span) = folded.original_span(pos..end)
                    {
                        hits.push(Hit { span, entry });
                    }
                    after_alnum = hay[..end]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                    pos = end;
                    continue;
                }
            }
            // One character on, then past the rest of a word (ASCII fast path).
            let b = bytes[pos];
            let c = if b.is_ascii() {
                char::from(b)
            } else {
                hay[pos..]
                    .chars()
                    .next()
                    .unwrap_or(char::REPLACEMENT_CHARACTER)
            };
            pos += c.len_utf8();
            after_alnum = c.is_alphanumeric();
            if after_alnum {
                while pos < bytes.len() && bytes[pos].is_ascii_alphanumeric() {
                    pos += 1;
                }
            }
        }
        hits
    }
}

/// Every pattern (surfaces with their generated variants, and `not_actors` phrases) with
/// its target, sorted; a pattern several surfaces produce goes to the first by [`Priority`].
fn patterns(registry: &Registry) -> Vec<(String, Option<EntryRef>)> {
    let required: Vec<String> = registry
        .article_required()
        .iter()
        .map(|s| fold(s))
        .collect();
    let small = registry.lower_in_titles();
    let mut best: HashMap<String, (Priority, Option<EntryRef>)> = HashMap::new();
    let mut offer =
        |pattern: String, prio: Priority, target: Option<EntryRef>| match best.entry(pattern) {
            Slot::Occupied(mut o) => {
                if prio < o.get().0 {
                    o.insert((prio, target));
                }
            }
            Slot::Vacant(v) => {
                v.insert((prio, target));
            }
        };
    for (order, phrase) in registry.not_actors().iter().enumerate() {
        for (pattern, generated) in expand(phrase, &required, small) {
            offer(pattern, (0, u8::from(generated), 0, order), None);
        }
    }
    for (order, (surface, entry)) in registry.surfaces().into_iter().enumerate() {
        let rank = match entry {
            EntryRef::Country(_, Surface::Name)
            | EntryRef::Organisation(_, Surface::Name)
            | EntryRef::Person(_, Surface::Name) => 0,
            _ => 1,
        };
        for (pattern, generated) in expand(surface, &required, small) {
            offer(pattern, (1, u8::from(generated), rank, order), Some(entry));
        }
    }
    let mut patterns: Vec<(String, Option<EntryRef>)> =
        best.into_iter().map(|(p, (_, t))| (p, t)).collect();
    // Sorted (the trie needs it): deterministic pattern ids whatever the hash order.
    patterns.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    patterns
}

/// No node, no pattern.
const NONE: u32 = u32::MAX;

/// A byte trie of sorted patterns: the longest pattern a text starts with, in one walk.
///
/// Nodes are stored flat, each with its first child and next sibling (siblings in byte
/// order, so that a lookup stops early); the root's children are indexed by byte.
#[derive(Clone, Debug)]
struct Trie {
    /// The child of the root for each first byte.
    root: Box<[u32; 256]>,
    nodes: Vec<Node>,
}

#[derive(Clone, Copy, Debug)]
struct Node {
    byte: u8,
    first_child: u32,
    next_sibling: u32,
    /// Index of the pattern that ends here.
    pattern: u32,
}

impl Node {
    fn new(byte: u8) -> Node {
        Node {
            byte,
            first_child: NONE,
            next_sibling: NONE,
            pattern: NONE,
        }
    }
}

impl Trie {
    /// `patterns` must be sorted (byte order) and distinct. `None` when they need more
    /// than `u32` node or pattern numbers.
    fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Option<Trie> {
        let mut nodes = vec![Node::new(0)];
        // path[d]: the node at depth d of the previous pattern (path[0] is the root).
        let mut path: Vec<u32> = vec![0];
        let mut prev: &[u8] = &[];
        for (i, pattern) in patterns.into_iter().enumerate() {
            let bytes = pattern.as_bytes();
            let common = prev.iter().zip(bytes).take_while(|(a, b)| a == b).count();
            // The previous pattern's node right below the common prefix is the last
            // child there: the new branch becomes its next sibling (sorted input).
            let mut sibling = path.get(common + 1).copied();
            path.truncate(common + 1);
            for &b in &bytes[common..] {
                let id = u32::try_from(nodes.len()).ok().filter(|&id| id != NONE)?;
                nodes.push(Node::new(b));
                match sibling.take() {
                    Some(s) => nodes[s as usize].next_sibling = id,
                    None => nodes[*path.last()? as usize].first_child = id,
                }
                path.push(id);
            }
            nodes[*path.last()? as usize].pattern = u32::try_from(i).ok()?;
            prev = bytes;
        }
        let mut root = Box::new([NONE; 256]);
        let mut child = nodes[0].first_child;
        while child != NONE {
            let n = nodes[child as usize];
            root[usize::from(n.byte)] = child;
            child = n.next_sibling;
        }
        Some(Trie { root, nodes })
    }

    /// The longest pattern `hay[at..]` starts with: (its length in bytes, its index).
    fn longest(&self, hay: &[u8], at: usize) -> Option<(usize, usize)> {
        let mut node = self.root[usize::from(*hay.get(at)?)];
        let mut best = None;
        let mut i = at;
        while node != NONE {
            let n = self.nodes[node as usize];
            i += 1;
            if n.pattern != NONE {
                best = Some((i - at, n.pattern as usize));
            }
            let Some(&b) = hay.get(i) else { break };
            node = n.first_child;
            while node != NONE {
                let c = self.nodes[node as usize];
                if c.byte >= b {
                    if c.byte != b {
                        node = NONE;
                    }
                    break;
                }
                node = c.next_sibling;
            }
        }
        best
    }
}

/// How a text is folded for matching: punctuation straightened, invisible characters
/// dropped, white space collapsed with paragraph breaks kept (a match never spans one),
/// case kept.
const TEXT: Fold = Fold::PLAIN.paragraphs();

/// A surface folded like the text (without paragraph breaks, which no surface holds),
/// trimmed.
fn fold(s: &str) -> String {
    Fold::PLAIN.fold(s)
}

/// Case variants of a surface, the surface as written first: words written in lower case
/// also capitalised the ways writers do (first word only, title case keeping the words
/// `small` lower case, every word). Words written with a capital keep it.
fn case_variants(core: &str, small: &[String]) -> Vec<String> {
    // Byte offsets of the first letter of each lower-case word (run of letters).
    let mut free: Vec<(usize, usize)> = Vec::new(); // (start, end) of the word
    let mut word_start: Option<usize> = None;
    for (i, c) in core
        .char_indices()
        .chain(std::iter::once((core.len(), ' ')))
    {
        match (word_start, c.is_alphabetic()) {
            (None, true) => word_start = Some(i),
            (Some(s), false) => {
                if core[s..].chars().next().is_some_and(char::is_lowercase) {
                    free.push((s, i));
                }
                word_start = None;
            }
            _ => {}
        }
    }
    let build = |capitalise: &dyn Fn(usize, &str) -> bool| -> String {
        let mut out = String::with_capacity(core.len() + 2);
        let mut last = 0;
        for (k, &(s, e)) in free.iter().enumerate() {
            out.push_str(&core[last..s]);
            let word = &core[s..e];
            if capitalise(k, word) {
                let mut cs = word.chars();
                if let Some(first) = cs.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(cs.as_str());
                }
            } else {
                out.push_str(word);
            }
            last = e;
        }
        out.push_str(&core[last..]);
        out
    };
    // What writers do: as written (lower case), capitalised at the start of a sentence,
    // title case, every word capitalised.
    let mut out = vec![core.to_string()];
    if free.is_empty() {
        return out;
    }
    let first_is_free = free.first().is_some_and(|&(s, _)| s == 0);
    let mut add = |v: String| {
        if !out.contains(&v) {
            out.push(v);
        }
    };
    if first_is_free {
        add(build(&|k, _| k == 0));
    }
    add(build(&|k, w| {
        (k == 0 && first_is_free) || !small.iter().any(|s| s == w)
    }));
    add(build(&|_, _| true));
    out
}

/// The patterns of one surface, each with whether it is generated (not as written).
fn expand(surface: &str, article_required: &[String], small: &[String]) -> Vec<(String, bool)> {
    let s = fold(surface);
    if s.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<(String, bool)> = Vec::new();
    match s.strip_prefix("the ").filter(|core| !core.is_empty()) {
        Some(core) => {
            let keep_article = article_required.contains(&s);
            for (k, v) in case_variants(core, small).into_iter().enumerate() {
                out.push((format!("the {v}"), k > 0));
                out.push((format!("The {v}"), true));
                if !keep_article {
                    out.push((v, k > 0));
                }
            }
        }
        None => {
            for (k, v) in case_variants(&s, small).into_iter().enumerate() {
                out.push((v, k > 0));
            }
        }
    }
    let stripped: Vec<(String, bool)> = out
        .iter()
        .filter(|(p, _)| !p.is_ascii())
        .filter_map(|(p, _)| {
            let q = strip_diacritics(p);
            (q != *p).then_some((q, true))
        })
        .collect();
    out.extend(stripped);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::Surface;
    use aho_corasick::{AhoCorasick, Input, MatchKind};

    /// The matcher the trie replaced: leftmost-longest Aho-Corasick over the same
    /// patterns, resuming one character after a match without word boundaries.
    fn reference(ac: &AhoCorasick, targets: &[Option<EntryRef>], text: &str) -> Vec<Hit> {
        let at_boundaries = |hay: &str, start: usize, end: usize| {
            let before = hay[..start].chars().next_back();
            let after = hay[end..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        };
        let folded = FoldedText::new(text, TEXT);
        let hay = folded.as_str();
        let mut hits = Vec::new();
        let mut pos = 0;
        while pos < hay.len() {
            let Some(m) = ac.find(Input::new(hay).range(pos..)) else {
                break;
            };
            let (start, end) = (m.start(), m.end());
            if start < end && at_boundaries(hay, start, end) {
                if let Some(entry) = targets.get(m.pattern().as_usize()).copied().flatten() {
                    hits.push(Hit {
                        span: folded.original_span(start..end).expect("a match"),
                        entry,
                    });
                }
                pos = end;
            } else {
                pos = start + hay[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        hits
    }

    #[test]
    fn fold_is_the_two_pass_fold() {
        use stancemap_core::fold::is_invisible;
        use stancemap_core::text::fold_punct;
        let two_pass = |s: &str| {
            let s: String = s
                .chars()
                .map(fold_punct)
                .filter(|c| !is_invisible(*c))
                .collect();
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        let mut samples: Vec<String> = Registry::embedded()
            .surfaces()
            .iter()
            .map(|(s, _)| s.to_string())
            .collect();
        samples.extend(
            [
                " a  b ",
                "\u{200b} a\u{a0}\u{200b} b\u{2009}",
                "’x‘",
                "\u{ad}",
                "a\u{200b}\u{200b} \n b",
                "",
            ]
            .map(String::from),
        );
        for s in &samples {
            assert_eq!(fold(s), two_pass(s), "{s:?}");
        }
    }

    #[test]
    fn trie_finds_what_the_automaton_found() {
        let reg = Registry::embedded();
        let patterns = patterns(reg);
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns.iter().map(|(p, _)| p.as_str()))
            .unwrap();
        let targets: Vec<Option<EntryRef>> = patterns.iter().map(|(_, t)| *t).collect();
        let gaz = Gazetteer::embedded();
        let mut texts: Vec<String> = Vec::new();
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/articles");
        for entry in std::fs::read_dir(&corpus).expect("the corpus") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
            texts.extend(text.split(". ").map(String::from));
            texts.push(text);
        }
        // Surfaces glued together with separators, affixes and other cases.
        let surfaces: Vec<&str> = patterns.iter().map(|(p, _)| p.as_str()).collect();
        let glue = [
            " ", "s ", "'s ", "’s ", "-", "", "x", "2 ", ". ", ", ", "\n\n", " the ", "é",
            "\u{200b}", " – ", "\u{a0}", "ian ", "US", " (", ") ",
        ];
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        for _ in 0..4000 {
            let mut t = String::new();
            for _ in 0..next(8) + 1 {
                let s = surfaces[next(surfaces.len())];
                match next(4) {
                    0 => t.push_str(&s.to_lowercase()),
                    1 => t.push_str(&s.to_uppercase()),
                    2 => t.push_str(
                        &s[..s
                            .char_indices()
                            .nth(s.chars().count() / 2)
                            .map_or(0, |(i, _)| i)],
                    ),
                    _ => t.push_str(s),
                }
                t.push_str(glue[next(glue.len())]);
            }
            texts.push(t);
        }
        let mut total = 0;
        for t in &texts {
            let want = reference(&ac, &targets, t);
            total += want.len();
            assert_eq!(gaz.find(t), want, "{t:?}");
        }
        // The sample is drawn from the registry, so the count moves with its size: the
        // floor only checks that the texts hit often.
        assert!(total > 4000, "{total}");
    }

    fn names(text: &str) -> Vec<(String, String)> {
        let reg = Registry::embedded();
        Gazetteer::embedded()
            .find(text)
            .iter()
            .map(|h| {
                let name = h
                    .resolve(reg)
                    .map(|e| e.name().to_string())
                    .unwrap_or_default();
                (h.text(text).to_string(), name)
            })
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn finds_countries_seats_titles_groups() {
        let text = "In Vilnius, the Lithuanian defense minister told reporters that the Kremlin \
                    and the White House disagreed, while Baltic States pressed NATO allies.";
        assert_eq!(
            names(text),
            pairs(&[
                ("Vilnius", "Lithuania"),
                ("Lithuanian", "Lithuania"),
                ("defense minister", "Defence Minister"),
                ("the Kremlin", "Kremlin"),
                ("the White House", "White House"),
                ("Baltic States", "Baltic states"),
                ("NATO allies", "NATO allies"),
            ])
        );
    }

    #[test]
    fn respects_word_boundaries() {
        assert!(
            names("USAID and EURO-zone bonds.").is_empty(),
            "{:?}",
            names("USAID and EURO-zone bonds.")
        );
        assert_eq!(
            names("The USA and the EU."),
            pairs(&[("The USA", "United States"), ("the EU", "European Union")])
        );
        assert_eq!(
            names("Two Poles met a Pole."),
            pairs(&[("Poles", "Poland"), ("Pole", "Poland")])
        );
        assert_eq!(names("us and eu"), pairs(&[]));
        assert_eq!(
            names("pro-Russian, anti-NATO"),
            pairs(&[("Russian", "Russia"), ("NATO", "NATO")])
        );
        // A failed longest match does not hide a shorter one starting later.
        assert_eq!(names("Xthe Kremlin"), pairs(&[("Kremlin", "Kremlin")]));
    }

    #[test]
    fn accepts_curly_apostrophes_articles_and_diacritics() {
        let text =
            "Côte d’Ivoire and Cote d'Ivoire; the Élysée, the Elysee; The Netherlands’ envoy.";
        assert_eq!(
            names(text),
            pairs(&[
                ("Côte d’Ivoire", "Côte d'Ivoire"),
                ("Cote d'Ivoire", "Côte d'Ivoire"),
                ("the Élysée", "Élysée Palace"),
                ("the Elysee", "Élysée Palace"),
                ("The Netherlands", "Netherlands"),
                ("envoy", "Envoy"),
            ])
        );
        assert_eq!(names("Kremlin aides"), pairs(&[("Kremlin", "Kremlin")]));
    }

    #[test]
    fn spans_are_original_bytes() {
        let text = "Says\u{00A0}the\n Kremlin’s   Defence\u{00AD} Minister.";
        let hits = Gazetteer::embedded().find(text);
        let got: Vec<&str> = hits.iter().map(|h| h.text(text)).collect();
        assert_eq!(got, ["the\n Kremlin", "Defence\u{00AD} Minister"]);
        for h in &hits {
            assert!(text.is_char_boundary(h.span.start) && text.is_char_boundary(h.span.end));
        }
    }

    #[test]
    fn paragraph_breaks_stop_matches() {
        assert_eq!(names("the\n\nKremlin"), pairs(&[("Kremlin", "Kremlin")]));
    }

    #[test]
    fn not_actors_hide_inner_names() {
        assert_eq!(names("Latin America and the Warsaw Pact"), pairs(&[]));
        assert_eq!(names("the Gulf of Riga off New Mexico"), pairs(&[]));
        assert_eq!(
            names("America and Warsaw"),
            pairs(&[("America", "United States"), ("Warsaw", "Poland")])
        );
    }

    #[test]
    fn article_required_keeps_the_article() {
        assert_eq!(
            names("the West and West Bank"),
            pairs(&[("the West", "the West")])
        );
    }

    #[test]
    fn surface_kinds() {
        let reg = Registry::embedded();
        let g = Gazetteer::embedded();
        let kinds: Vec<EntryRef> = g
            .find("Poland, Polish, Poles, Warsaw")
            .iter()
            .map(|h| h.entry)
            .collect();
        let pl = reg.country_index("Poland").expect("Poland");
        assert_eq!(
            kinds,
            [
                EntryRef::Country(pl, Surface::Name),
                EntryRef::Country(pl, Surface::Adjective),
                EntryRef::Country(pl, Surface::Demonym),
                EntryRef::Country(pl, Surface::Capital),
            ]
        );
        let hit = g.find("the Pentagon said").into_iter().next().expect("hit");
        match hit.resolve(reg) {
            Some(Entry::Ministry(m)) => assert_eq!(m.country.as_deref(), Some("United States")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn longest_match_wins() {
        assert_eq!(
            names("The Kyiv Independent and Kyiv; Bloomberg TV and Bloomberg."),
            pairs(&[
                ("The Kyiv Independent", "Kyiv Independent"),
                ("Kyiv", "Ukraine"),
                ("Bloomberg TV", "Bloomberg TV"),
                ("Bloomberg", "Bloomberg"),
            ])
        );
    }

    #[test]
    fn case_variants_capitalise_lower_case_words_only() {
        let small = Registry::embedded().lower_in_titles();
        assert_eq!(
            case_variants("NATO allies", small),
            ["NATO allies", "NATO Allies"]
        );
        let v = case_variants("ministry of national defence", small);
        assert!(
            v.contains(&"Ministry of National Defence".to_string()),
            "{v:?}"
        );
        assert!(v.contains(&"ministry of national defence".to_string()));
        assert_eq!(case_variants("U.S.", small), ["U.S."]);
    }

    #[test]
    fn builds_fast_enough() {
        let t = std::time::Instant::now();
        let g = Gazetteer::new(Registry::embedded()).expect("builds");
        let took = t.elapsed();
        assert!(g.pattern_count() > 5000, "{}", g.pattern_count());
        // Generous bound for unoptimised test builds; release builds take a few ms.
        assert!(took.as_millis() < 2000, "{took:?}");
    }

    #[test]
    fn no_panic_on_odd_text() {
        let g = Gazetteer::embedded();
        for t in [
            "",
            " ",
            "\u{FEFF}",
            "é",
            "the",
            "The ",
            "🇵🇱 Poland 🇵🇱",
            "\u{200B}NATO\u{200B}",
            "a\r\n\r\nb",
        ] {
            for h in g.find(t) {
                assert!(h.span.start < h.span.end && h.span.end <= t.len());
            }
        }
    }

    #[test]
    fn embedded_surfaces_do_not_collide() {
        // Two entries writing the same surface would make one of them unreachable; only
        // titles of the same canonical name (generic and organisation-specific) may share.
        let reg = Registry::embedded();
        let required: Vec<String> = reg.article_required().iter().map(|s| fold(s)).collect();
        let small = reg.lower_in_titles();
        let mut seen: HashMap<String, EntryRef> = HashMap::new();
        let mut clashes = Vec::new();
        for (surface, entry) in reg.surfaces() {
            for (pattern, generated) in expand(surface, &required, small) {
                if generated {
                    continue;
                }
                let Some(&prev) = seen.get(&pattern) else {
                    seen.insert(pattern, entry);
                    continue;
                };
                let same = match (prev, entry) {
                    (EntryRef::Country(a, _), EntryRef::Country(b, _))
                    | (EntryRef::Organisation(a, _), EntryRef::Organisation(b, _))
                    | (EntryRef::Person(a, _), EntryRef::Person(b, _))
                    | (EntryRef::Country(a, _), EntryRef::Seat(b, _)) => a == b,
                    (EntryRef::Title(a), EntryRef::Title(b)) => {
                        reg.titles()[a].name == reg.titles()[b].name
                    }
                    (a, b) => a == b,
                };
                if !same {
                    clashes.push(pattern);
                }
            }
        }
        assert!(clashes.is_empty(), "{clashes:?}");
    }
}
