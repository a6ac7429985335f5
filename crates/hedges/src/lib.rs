//! Hedge and booster detection (SPEC §1): the [`CueDetector`] stage. What the cues
//! weigh is [`stancemap_core::commitment`].
//!
//! # How cues are found
//!
//! The lexicon (`data/cues.toml`, embedded; a user file can replace it) lists entries,
//! each with one or several surface forms (multi-word forms welcome), a [`CueKind`] and
//! disambiguation constraints. Whether a word is a cue depends on its context ("could"
//! marks possibility, "could not" past inability; "is clear" boosts, "a clear plan"
//! does not), so the constraints are data too and every entry carries examples that a
//! test runs.
//!
//! Matching works on sentence *tokens*, never on raw text: the token norms of every
//! sentence are laid end to end in one string (a space where the original has a gap,
//! nothing where tokens touch, a newline between sentences) and one Aho-Corasick
//! automaton finds every surface form in it. A hit counts only when it starts and ends
//! on token boundaries, so "may" never matches inside "mayor", and because tokens that
//! touch in the original also touch in the string, "case-by-case", "it's" or "don't"
//! match whether the tokenizer splits them or not. Of overlapping valid hits the
//! leftmost, then the longest, wins ("made it clear" over "clear").
//!
//! # Constraints of an entry (all optional, all must hold)
//!
//! | key | holds when |
//! |---|---|
//! | `not_before = [..]` | the words right after the cue are none of the items |
//! | `not_after = [..]` | the words right before the cue are none of the items |
//! | `requires_next = [..]` | the words right after the cue are one of the items |
//! | `requires_prev = [..]` | the words right before the cue are one of the items |
//! | `not_before_re`, `requires_next_re` | a regex does not / does match the normalised text after the cue (up to 120 bytes, same sentence; anchor it with `^`) |
//! | `not_after_re`, `requires_prev_re` | same for the text before the cue (anchor with `$`) |
//! | `lowercase = true` | the cue is written in lower case, unless it opens the sentence ("May" the month) |
//! | `not_alone = true` | the cue is not the whole sentence (a bare reply "Of course." is assent, not a booster) |
//! | `not_asking = true` | the cue does not open a question (an inverted modal asks: "Could the minister confirm …?") |
//!
//! Whatever the entry, a cue that is *mentioned* rather than used is skipped: a form in
//! quotes after a metalinguistic noun ("the word 'perhaps'") or in quotes as the subject
//! of a verb ('"perhaps" is not a policy').
//!
//! Items are normalised like tokens (lower case, quotes folded) and may span several
//! tokens ("be selected"); an item must end (or, before the cue, start) on a token
//! boundary. The normalised text seen by regexes has single spaces between tokens that
//! are apart in the original and none between tokens that touch.
#![deny(missing_docs)]

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Input, MatchKind};
use regex::Regex;
use serde::Deserialize;
use stancemap_core::data;
use stancemap_core::data::error_at as data_error;
use stancemap_core::text::fold_punct;
use stancemap_core::{Cue, CueKind, Document, Error, ErrorKind, Layer, Span, Stage};
use std::path::Path;
use std::sync::{Arc, LazyLock, OnceLock};

/// The embedded default lexicon.
const EMBEDDED: &str = include_str!("../data/cues.toml");
/// The name errors give the embedded lexicon.
const EMBEDDED_NAME: &str = "crates/hedges/data/cues.toml";
/// How far (in bytes of normalised text) context regexes look on each side of a cue.
const CONTEXT_WINDOW: usize = 120;

static DEFAULT: LazyLock<CueDetector> = LazyLock::new(|| {
    // Context regexes compiled on first use (~3 M instructions each, most of the load):
    // the test `embedded_context_regexes_compile` compiles them all.
    CueDetector::parse(EMBEDDED_NAME, EMBEDDED, Compile::Lazily)
        .expect("the embedded cue lexicon is valid")
});

/// When context regexes are compiled.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Compile {
    /// While loading, so that a bad regex is reported with its file, line and column.
    Now,
    /// On first use (the embedded lexicon, whose regexes the tests compile).
    Lazily,
}

/// A context regex (`not_before_re` …). Clones share the compiled regex.
#[derive(Clone, Debug)]
struct ContextRegex {
    source: Arc<str>,
    regex: Arc<OnceLock<Regex>>,
}

impl ContextRegex {
    fn new(source: &str, compile: Compile) -> Result<ContextRegex, regex::Error> {
        let regex = OnceLock::new();
        if compile == Compile::Now {
            let _ = regex.set(Regex::new(source)?);
        }
        Ok(ContextRegex {
            source: source.into(),
            regex: Arc::new(regex),
        })
    }

    fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            Regex::new(&self.source)
                .expect("the embedded context regexes compile (a unit test compiles them)")
        })
    }

    fn is_match(&self, haystack: &str) -> bool {
        self.regex().is_match(haystack)
    }
}

// ---------------------------------------------------------------------------------------
// Commitment

// ---------------------------------------------------------------------------------------
// Lexicon file format

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    #[serde(default)]
    mention: Mention,
    #[serde(default)]
    cue: Vec<toml::Spanned<RawEntry>>,
}

/// The words that show a cue quoted as a word rather than used (`[mention]`).
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Mention {
    /// Nouns that introduce a quoted word as a word ("the word 'perhaps'").
    #[serde(default)]
    nouns: Vec<String>,
    /// Verbs whose subject a quoted word can be ('"perhaps" is not a policy').
    #[serde(default)]
    verbs: Vec<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    kind: CueKind,
    cue: OneOrMany,
    #[serde(default)]
    lowercase: bool,
    #[serde(default)]
    not_alone: bool,
    #[serde(default)]
    not_asking: bool,
    #[serde(default)]
    not_before: Vec<String>,
    #[serde(default)]
    not_after: Vec<String>,
    #[serde(default)]
    requires_next: Vec<String>,
    #[serde(default)]
    requires_prev: Vec<String>,
    #[serde(default)]
    not_before_re: Option<toml::Spanned<String>>,
    #[serde(default)]
    not_after_re: Option<toml::Spanned<String>>,
    #[serde(default)]
    requires_next_re: Option<toml::Spanned<String>>,
    #[serde(default)]
    requires_prev_re: Option<toml::Spanned<String>>,
    #[serde(default)]
    examples: Vec<Example>,
    /// Free text for the lexicon's readers.
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

/// A lexicon example: a sentence and whether the entry must fire on it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// The sentence.
    pub text: String,
    /// True when the entry must find a cue in it, false when it must not.
    pub expect: bool,
}

/// One compiled lexicon entry.
#[derive(Clone, Debug)]
struct Entry {
    id: String,
    kind: CueKind,
    lowercase: bool,
    not_alone: bool,
    not_asking: bool,
    not_before: Vec<String>,
    not_after: Vec<String>,
    requires_next: Vec<String>,
    requires_prev: Vec<String>,
    not_before_re: Option<ContextRegex>,
    not_after_re: Option<ContextRegex>,
    requires_next_re: Option<ContextRegex>,
    requires_prev_re: Option<ContextRegex>,
    examples: Vec<Example>,
}

impl Entry {
    #[cfg(test)]
    /// True when the entry has any context constraint (then its examples must show
    /// a case where it does not fire).
    fn constrained(&self) -> bool {
        self.lowercase
            || self.not_alone
            || self.not_asking
            || !self.not_before.is_empty()
            || !self.not_after.is_empty()
            || !self.requires_next.is_empty()
            || !self.requires_prev.is_empty()
            || self.not_before_re.is_some()
            || self.not_after_re.is_some()
            || self.requires_next_re.is_some()
            || self.requires_prev_re.is_some()
    }
}

/// Lower case, typographic quotes/dashes folded, white space collapsed: the form both
/// token norms and lexicon strings are compared in.
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars().map(fold_punct) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

// ---------------------------------------------------------------------------------------
// The stage

/// Finds hedge and booster cues in every sentence and fills [`Document::hedges`] and
/// [`Document::boosters`] (sorted by start, `rule` = lexicon entry id).
///
/// Requires [`Layer::Sentences`] (sentences exclude boilerplate, so page furniture is
/// never scanned); provides [`Layer::Cues`]. Build once, share across threads.
///
/// ```
/// use stancemap_core::{Document, Sentence, SentenceKind, Shape, Span, Stage, Token, TokenKind};
/// use stancemap_hedges::CueDetector;
/// let text = "Troops may cross";
/// let mut doc = Document::new("d", text);
/// for (s, e) in [(0, 6), (7, 10), (11, 16)] {
///     let norm = doc.words.intern(&text[s..e].to_lowercase());
///     doc.tokens.push(Token { span: Span::new(s, e), kind: TokenKind::Word, stem: norm, norm, shape: Shape::default() });
/// }
/// doc.sentences.push(Sentence { span: Span::new(0, 16), tokens: 0..3, paragraph: 0, kind: SentenceKind::Body });
/// CueDetector::default().process(&mut doc)?;
/// assert_eq!(doc.hedges[0].cue, "may");
/// assert_eq!(doc.hedges[0].rule, "hedge/modal/may");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct CueDetector {
    entries: Vec<Entry>,
    mention: Arc<Mention>,
    /// Entry index of each automaton pattern.
    pattern_entry: Vec<usize>,
    automaton: Arc<DFA>,
}

impl Default for CueDetector {
    /// The detector with the embedded lexicon (`data/cues.toml`).
    fn default() -> CueDetector {
        DEFAULT.clone()
    }
}

impl CueDetector {
    /// Builds a detector from the text of a lexicon file; `name` is used in errors.
    ///
    /// # Errors
    /// [`ErrorKind::Data`], naming `name`, line and column, for malformed TOML, an
    /// unknown key or kind, an empty or duplicate id, an empty surface form or a bad
    /// regex.
    pub fn from_toml(name: &str, src: &str) -> Result<CueDetector, Error> {
        CueDetector::parse(name, src, Compile::Now)
    }

    fn parse(name: &str, src: &str, compile: Compile) -> Result<CueDetector, Error> {
        let raw: RawLexicon = data::parse_toml(name, src)?;
        let mut entries = Vec::with_capacity(raw.cue.len());
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_entry = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for spanned in raw.cue {
            let at = spanned.span().start;
            let r = spanned.into_inner();
            let err = |msg: String| data_error(name, src, at, msg);
            if r.id.trim().is_empty() {
                return Err(err("cue entry with an empty `id`".into()));
            }
            if !seen.insert(r.id.clone()) {
                return Err(err(format!("duplicate cue entry id `{}`", r.id)));
            }
            let forms = match r.cue {
                OneOrMany::One(s) => vec![s],
                OneOrMany::Many(v) => v,
            };
            if forms.is_empty() {
                return Err(err(format!("cue entry `{}` has no surface form", r.id)));
            }
            let index = entries.len();
            for f in &forms {
                let n = normalize(f);
                if n.is_empty() {
                    return Err(err(format!(
                        "cue entry `{}` has an empty surface form",
                        r.id
                    )));
                }
                patterns.push(n);
                pattern_entry.push(index);
            }
            let words = |v: Vec<String>| -> Result<Vec<String>, Error> {
                let v: Vec<String> = v.iter().map(|w| normalize(w)).collect();
                if v.iter().any(String::is_empty) {
                    return Err(err(format!(
                        "cue entry `{}` has an empty context word",
                        r.id
                    )));
                }
                Ok(v)
            };
            let re = |v: Option<toml::Spanned<String>>| -> Result<Option<ContextRegex>, Error> {
                match v {
                    None => Ok(None),
                    Some(s) => {
                        let at = s.span().start;
                        ContextRegex::new(s.get_ref(), compile)
                            .map(Some)
                            .map_err(|e| {
                                data_error(
                                    name,
                                    src,
                                    at,
                                    format!("cue entry `{}`: invalid regex", r.id),
                                )
                                .with_source(e)
                            })
                    }
                }
            };
            entries.push(Entry {
                kind: r.kind,
                lowercase: r.lowercase,
                not_alone: r.not_alone,
                not_asking: r.not_asking,
                not_before: words(r.not_before)?,
                not_after: words(r.not_after)?,
                requires_next: words(r.requires_next)?,
                requires_prev: words(r.requires_prev)?,
                not_before_re: re(r.not_before_re)?,
                not_after_re: re(r.not_after_re)?,
                requires_next_re: re(r.requires_next_re)?,
                requires_prev_re: re(r.requires_prev_re)?,
                examples: r.examples,
                id: r.id,
            });
        }
        // Standard semantics: overlapping search reports every form that matches, and
        // the choice among overlapping hits is made after the context checks (a longer
        // form rejected by its constraints must not hide a valid shorter one).
        //
        // A few hundred short patterns make a small DFA, the fastest automaton to scan;
        // it is used directly (not through `AhoCorasick`) so that the search loop is
        // monomorphised instead of dispatching on every byte.
        let automaton = DFA::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| {
                Error::new(ErrorKind::Data, "cannot build the cue automaton")
                    .with_path(name.to_string())
                    .with_source(e)
            })?;
        let mention = Mention {
            nouns: raw.mention.nouns.iter().map(|w| normalize(w)).collect(),
            verbs: raw.mention.verbs.iter().map(|w| normalize(w)).collect(),
        };
        Ok(CueDetector {
            entries,
            mention: Arc::new(mention),
            pattern_entry,
            automaton: Arc::new(automaton),
        })
    }

    /// Reads a lexicon file.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] when the file cannot be read; otherwise as [`Self::from_toml`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<CueDetector, Error> {
        let path = path.as_ref();
        let name = path.display().to_string();
        CueDetector::from_toml(&name, &data::read(path)?)
    }

    /// Number of lexicon entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True for an empty lexicon.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every entry's examples as `(entry id, example)`, for checking a user lexicon.
    pub fn examples(&self) -> impl Iterator<Item = (&str, &Example)> {
        self.entries
            .iter()
            .flat_map(|e| e.examples.iter().map(move |x| (e.id.as_str(), x)))
    }

    /// The cues of a document, without modifying it: `(hedges, boosters)`, each sorted
    /// by start.
    pub fn detect(&self, doc: &Document) -> (Vec<Cue>, Vec<Cue>) {
        let flat = Flat::new(doc);
        let mut cands: Vec<Candidate> = Vec::new();
        // Standard match semantics and an unanchored input: the iterator cannot fail.
        let hits = self
            .automaton
            .try_find_overlapping_iter(Input::new(flat.s.as_str()))
            .into_iter()
            .flatten();
        for m in hits {
            let Some(&ei) = self.pattern_entry.get(m.pattern().as_usize()) else {
                continue;
            };
            let Some(entry) = self.entries.get(ei) else {
                continue;
            };
            let Some((first, last)) = flat.token_range(m.start(), m.end()) else {
                continue;
            };
            if flat.accepts(doc, entry, m.start(), m.end(), (first, last), &self.mention) {
                cands.push(Candidate {
                    start: m.start(),
                    end: m.end(),
                    first,
                    last,
                    entry: ei,
                });
            }
        }
        // Leftmost, then longest, then earliest entry in the lexicon.
        cands.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(a.entry.cmp(&b.entry))
        });
        let (mut hedges, mut boosters) = (Vec::new(), Vec::new());
        let mut last_end = 0;
        for c in cands {
            if c.start < last_end {
                continue;
            }
            last_end = c.end;
            let (Some(a), Some(b)) = (flat.toks.get(c.first), flat.toks.get(c.last)) else {
                continue;
            };
            let (Some(ta), Some(tb)) = (doc.tokens.get(a.token), doc.tokens.get(b.token)) else {
                continue;
            };
            if tb.span.end < ta.span.start {
                continue;
            }
            let span = Span::new(ta.span.start, tb.span.end);
            let Some(text) = doc.text().get(span.range()) else {
                continue;
            };
            let entry = &self.entries[c.entry];
            let cue = Cue {
                cue: text.to_string(),
                kind: entry.kind,
                span,
                rule: entry.id.clone(),
            };
            if entry.kind == CueKind::Booster {
                boosters.push(cue);
            } else {
                hedges.push(cue);
            }
        }
        (hedges, boosters)
    }
}

impl Stage for CueDetector {
    fn name(&self) -> &'static str {
        "cues"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Cues]
    }

    fn process(&self, doc: &mut Document) -> Result<(), Error> {
        let (hedges, boosters) = self.detect(doc);
        doc.hedges = hedges;
        doc.boosters = boosters;
        Ok(())
    }
}

/// A surface-form hit that passed its entry's constraints.
struct Candidate {
    start: usize,
    end: usize,
    /// First and last index into [`Flat::toks`].
    first: usize,
    last: usize,
    entry: usize,
}

/// A token's place in the flat string.
struct FlatTok {
    start: usize,
    end: usize,
    /// Index into `Document::tokens`.
    token: usize,
    /// Index into [`Flat::sents`].
    sent: usize,
}

/// The token norms of all sentences laid end to end (see the module docs).
struct Flat {
    s: String,
    toks: Vec<FlatTok>,
    /// Byte range of each sentence in `s`.
    sents: Vec<(usize, usize)>,
}

impl Flat {
    fn new(doc: &Document) -> Flat {
        let mut s = String::with_capacity(doc.text().len() + doc.sentences.len());
        let mut toks = Vec::with_capacity(doc.tokens.len());
        let mut sents = Vec::with_capacity(doc.sentences.len());
        for sentence in &doc.sentences {
            let Some(tokens) = doc.tokens.get(sentence.tokens.clone()) else {
                continue;
            };
            if !s.is_empty() {
                s.push('\n');
            }
            let sent = sents.len();
            let start = s.len();
            let mut prev_end: Option<usize> = None;
            for (k, t) in tokens.iter().enumerate() {
                let norm = doc.word(t.norm);
                if norm.is_empty() {
                    continue;
                }
                if prev_end.is_some_and(|e| e < t.span.start) {
                    s.push(' ');
                }
                prev_end = Some(t.span.end);
                let ts = s.len();
                // A norm holds no white space in practice; if one did, a hit could still
                // not cross sentences (`token_range` checks) and only the one-space rule
                // of context items would be off.
                s.push_str(norm);
                toks.push(FlatTok {
                    start: ts,
                    end: s.len(),
                    token: sentence.tokens.start + k,
                    sent,
                });
            }
            sents.push((start, s.len()));
        }
        Flat { s, toks, sents }
    }

    /// Index of the token starting at byte `pos` of the flat string.
    fn token_starting(&self, pos: usize) -> Option<usize> {
        self.toks.binary_search_by(|t| t.start.cmp(&pos)).ok()
    }

    /// Index of the token ending at byte `pos` of the flat string.
    fn token_ending(&self, pos: usize) -> Option<usize> {
        self.toks.binary_search_by(|t| t.end.cmp(&pos)).ok()
    }

    /// First and last token of a hit, when it lies on token boundaries.
    fn token_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let a = self.token_starting(start)?;
        let b = self.token_ending(end)?;
        (a <= b && self.toks[a].sent == self.toks[b].sent).then_some((a, b))
    }

    /// True when no word or number precedes flat token `first` in its sentence.
    fn opens_sentence(&self, first: usize) -> bool {
        let Some(sent) = self.toks.get(first).map(|t| t.sent) else {
            return false;
        };
        self.toks[..first]
            .iter()
            .rev()
            .take_while(|t| t.sent == sent)
            .all(|t| !self.s[t.start..t.end].chars().any(char::is_alphanumeric))
    }

    /// True when no word or number follows flat token `last` in its sentence.
    fn closes_sentence(&self, last: usize) -> bool {
        let Some(sent) = self.toks.get(last).map(|t| t.sent) else {
            return false;
        };
        self.toks
            .get(last + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|t| t.sent == sent)
            .all(|t| !self.s[t.start..t.end].chars().any(char::is_alphanumeric))
    }

    /// True when one of `items` follows byte `pos` (after at most one space) and ends on
    /// a token boundary.
    fn next_is(&self, pos: usize, sent_end: usize, items: &[String]) -> bool {
        let rest = &self.s[pos..sent_end];
        let (skip, rest) = match rest.strip_prefix(' ') {
            Some(r) => (1, r),
            None => (0, rest),
        };
        items.iter().any(|it| {
            rest.starts_with(it.as_str()) && self.token_ending(pos + skip + it.len()).is_some()
        })
    }

    /// True when one of `items` precedes byte `pos` (before at most one space) and
    /// starts on a token boundary.
    fn prev_is(&self, pos: usize, sent_start: usize, items: &[String]) -> bool {
        let head = &self.s[sent_start..pos];
        let head = head.strip_suffix(' ').unwrap_or(head);
        items.iter().any(|it| {
            head.ends_with(it.as_str())
                && self
                    .token_starting(sent_start + head.len() - it.len())
                    .is_some()
        })
    }

    /// Checks an entry's constraints for a hit on flat bytes `start..end`, tokens
    /// `first..=last`.
    fn accepts(
        &self,
        doc: &Document,
        e: &Entry,
        start: usize,
        end: usize,
        (first, last): (usize, usize),
        mention: &Mention,
    ) -> bool {
        let Some(&(ss, se)) = self.toks.get(first).and_then(|t| self.sents.get(t.sent)) else {
            return false;
        };
        if e.lowercase && !self.opens_sentence(first) {
            let (Some(a), Some(b)) = (self.toks.get(first), self.toks.get(last)) else {
                return false;
            };
            let (Some(ta), Some(tb)) = (doc.tokens.get(a.token), doc.tokens.get(b.token)) else {
                return false;
            };
            let orig = doc.text().get(ta.span.start..tb.span.end).unwrap_or("");
            if orig.chars().any(char::is_uppercase) {
                return false;
            }
        }
        if e.not_alone && self.opens_sentence(first) && self.closes_sentence(last) {
            return false;
        }
        if e.not_asking && self.opens_sentence(first) && is_question(&self.s[ss..se]) {
            return false;
        }
        if !e.not_before.is_empty() && self.next_is(end, se, &e.not_before) {
            return false;
        }
        if !e.requires_next.is_empty() && !self.next_is(end, se, &e.requires_next) {
            return false;
        }
        if !e.not_after.is_empty() && self.prev_is(start, ss, &e.not_after) {
            return false;
        }
        if !e.requires_prev.is_empty() && !self.prev_is(start, ss, &e.requires_prev) {
            return false;
        }
        let after = &self.s[end..floor_boundary(&self.s, se.min(end + CONTEXT_WINDOW))];
        let before =
            &self.s[ceil_boundary(&self.s, start.saturating_sub(CONTEXT_WINDOW).max(ss))..start];
        if is_mention(mention, before, after) {
            return false;
        }
        if e.not_before_re.as_ref().is_some_and(|r| r.is_match(after))
            || e.requires_next_re
                .as_ref()
                .is_some_and(|r| !r.is_match(after))
            || e.not_after_re.as_ref().is_some_and(|r| r.is_match(before))
            || e.requires_prev_re
                .as_ref()
                .is_some_and(|r| !r.is_match(before))
        {
            return false;
        }
        true
    }
}

/// True when a sentence (normalised) ends with a question mark, closing quotes and
/// brackets aside.
fn is_question(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ')' | ']'))
        .ends_with('?')
}

/// True when a cue between normalised texts `before` and `after` (same sentence) is
/// quoted as a word: enclosed in quotes that touch it, and either introduced by a
/// metalinguistic noun or followed by a verb it is the subject of. Scare quotes inside a
/// claim ('the mine is "probably" safe') stay cues.
fn is_mention(mention: &Mention, before: &str, after: &str) -> bool {
    let (Some(b), Some(a)) = (
        before.strip_suffix(['"', '\'']),
        after.strip_prefix(['"', '\'']),
    ) else {
        return false;
    };
    let b = b.trim_end();
    let word_before = b
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if mention.nouns.iter().any(|n| n == word_before) {
        return true;
    }
    let a = a.trim_start();
    let word_after = a
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .next()
        .unwrap_or("");
    mention.verbs.iter().any(|v| v == word_after)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use stancemap_core::{Sentence, SentenceKind, Shape, Token, TokenKind};

    static SEGMENTER: LazyLock<stancemap_text::Segmenter> =
        LazyLock::new(stancemap_text::Segmenter::default);

    /// Sentences and tokens of `doc` by the text crate, boilerplate regions skipped.
    fn segment(doc: &mut Document) {
        SEGMENTER.process(doc).expect("segmentation never fails");
    }

    fn run(text: &str) -> Document {
        let mut doc = Document::new("t", text);
        segment(&mut doc);
        DEFAULT
            .process(&mut doc)
            .expect("cue detection never fails");
        doc
    }

    fn rules(doc: &Document) -> Vec<(&str, &str)> {
        doc.hedges
            .iter()
            .chain(&doc.boosters)
            .map(|c| (c.rule.as_str(), c.cue.as_str()))
            .collect()
    }

    #[test]
    fn embedded_lexicon_parses() {
        assert!(CueDetector::default().len() > 30);
    }

    #[test]
    fn embedded_context_regexes_compile() {
        let mut n = 0;
        for e in &DEFAULT.entries {
            for re in [
                &e.not_before_re,
                &e.not_after_re,
                &e.requires_next_re,
                &e.requires_prev_re,
            ]
            .into_iter()
            .flatten()
            {
                if let Err(err) = Regex::new(&re.source) {
                    panic!("{}: {err}", e.id);
                }
                n += 1;
            }
        }
        assert!(n > 5, "{n}");
    }

    #[test]
    fn every_entry_has_examples_of_both_kinds_where_needed() {
        for e in &DEFAULT.entries {
            assert!(
                e.examples.iter().any(|x| x.expect),
                "{}: no positive example",
                e.id
            );
            if e.constrained() {
                assert!(
                    e.examples.iter().any(|x| !x.expect),
                    "{}: constrained but no negative example",
                    e.id
                );
            }
        }
    }

    #[test]
    fn lexicon_examples_hold() {
        let mut failures = Vec::new();
        for (id, ex) in DEFAULT.examples() {
            let doc = run(&ex.text);
            let found = rules(&doc).iter().any(|(r, _)| *r == id);
            if found != ex.expect {
                failures.push(format!(
                    "{id}: expect={} on {:?}; found {:?}",
                    ex.expect,
                    ex.text,
                    rules(&doc)
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} example(s) fail:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn spans_are_original_text_and_sorted() {
        let text = "Officials said the mine is “probably” safe. It’s pretty clear that costs will likely rise, and it depends.";
        let doc = run(text);
        let cues: Vec<&str> = doc.hedges.iter().map(|c| c.cue.as_str()).collect();
        assert_eq!(cues, ["probably", "likely", "it depends"]);
        assert_eq!(doc.boosters.len(), 1);
        assert_eq!(doc.boosters[0].cue, "pretty clear");
        for c in doc.hedges.iter().chain(&doc.boosters) {
            assert_eq!(&text[c.span.range()], c.cue);
        }
        assert!(
            doc.hedges
                .windows(2)
                .all(|w| w[0].span.start < w[1].span.start)
        );
    }

    #[test]
    fn longest_match_wins_and_cues_do_not_overlap() {
        let doc = run("The coach made it very clear that he may leave.");
        assert_eq!(
            rules(&doc),
            [
                ("hedge/modal/may", "may"),
                ("booster/made-it-clear", "made it very clear")
            ]
        );
    }

    #[test]
    fn matches_stay_on_token_boundaries() {
        let doc = run("The mayor's seaway couldn't appear mighty.");
        assert!(
            doc.hedges.is_empty() && doc.boosters.is_empty(),
            "{:?}",
            rules(&doc)
        );
    }

    #[test]
    fn contractions_match_split_or_whole() {
        // "couldn't" as one token (no split) must not give "could" either.
        let text = "Troops couldn't move.";
        let mut doc = Document::new("t", text);
        let words = [(0, 6), (7, 15), (16, 20), (20, 21)];
        for (s, e) in words {
            let norm = doc.words.intern(&text[s..e].to_lowercase());
            doc.tokens.push(Token {
                span: Span::new(s, e),
                kind: TokenKind::Word,
                stem: norm,
                norm,
                shape: Shape::default(),
            });
        }
        doc.sentences.push(Sentence {
            span: Span::new(0, 21),
            tokens: 0..4,
            paragraph: 0,
            kind: SentenceKind::Body,
        });
        DEFAULT.process(&mut doc).unwrap();
        assert!(doc.hedges.is_empty());
        // Split clitics: "it's pretty clear" still matches across "it" + "'s".
        let doc = run("It’s abundantly clear.");
        assert_eq!(rules(&doc), [("booster/made-it-clear", "abundantly clear")]);
    }

    #[test]
    fn sentences_are_barriers_and_boilerplate_is_skipped() {
        let text = "It looks as though.\nNothing here may count.";
        let mut doc = Document::new("t", text);
        doc.boilerplate.push(stancemap_core::Region {
            span: Span::new(20, text.len()),
            rule: "test".into(),
        });
        segment(&mut doc);
        DEFAULT.process(&mut doc).unwrap();
        assert_eq!(
            rules(&doc),
            [("hedge/verb/looks-as-though", "looks as though")]
        );
        // A form never spans two sentences.
        let doc = run("Prices it\nDepends on the weather.");
        assert!(doc.hedges.is_empty(), "{:?}", rules(&doc));
    }

    #[test]
    fn process_replaces_previous_cues_and_handles_empty_docs() {
        let mut doc = run("This will perhaps work.");
        DEFAULT.process(&mut doc).unwrap();
        assert_eq!(doc.hedges.len(), 1);
        let mut empty = Document::new("e", "");
        DEFAULT.process(&mut empty).unwrap();
        assert!(empty.hedges.is_empty());
        // Out-of-range sentence token ranges are skipped, not a panic.
        let mut bad = Document::new("b", "may");
        bad.sentences.push(Sentence {
            span: Span::new(0, 3),
            tokens: 0..5,
            paragraph: 0,
            kind: SentenceKind::Body,
        });
        DEFAULT.process(&mut bad).unwrap();
        assert!(bad.hedges.is_empty());
    }

    /// Hedge words of every kind in a sentence, by cue text.
    fn hedge_cues(text: &str) -> Vec<String> {
        run(text)
            .hedges
            .iter()
            .map(|c| c.cue.to_lowercase())
            .collect()
    }

    /// Booster cues of a sentence, by cue text.
    fn booster_cues(text: &str) -> Vec<String> {
        run(text)
            .boosters
            .iter()
            .map(|c| c.cue.to_lowercase())
            .collect()
    }

    #[test]
    fn permission_may_is_not_a_hedge() {
        for t in [
            "The rules under which coastguard crews may board a vessel were tightened.",
            "The statute says that judges may extend the deadline.",
            "Under the new code, cyclists may use the bus lanes.",
            "The board decided that staff may work from home on Fridays.",
            "Divers may enter the wreck only with a licence.",
            "Parents may opt in voluntarily.",
            "Nobody in the capital should decide where our farmers may sell.",
            "The court will rule on whether tenants may sublet.",
        ] {
            assert!(hedge_cues(t).is_empty(), "{t}: {:?}", hedge_cues(t));
        }
        for t in [
            "The river may burst its banks tonight.",
            "Economists said that growth may slow next year.",
            "The shortage may get worse before it gets better.",
        ] {
            assert_eq!(hedge_cues(t), ["may"], "{t}");
        }
    }

    #[test]
    fn may_as_a_surname_or_politeness_is_not_a_hedge() {
        for t in [
            "Finance Minister Greta May presented the budget.",
            "May insisted that the figures were correct.",
            "If I may, one more question.",
        ] {
            assert!(hedge_cues(t).is_empty(), "{t}: {:?}", hedge_cues(t));
        }
    }

    #[test]
    fn ability_could_and_embedded_questions_are_not_hedges() {
        for t in [
            "The pilot project proved that the tunnels could be dug in a year.",
            "There was nothing the doctors could do.",
            "Residents asked whether the dam could hold.",
            "The council does not know who could replace her.",
            "No one could have stopped the fire.",
        ] {
            assert!(hedge_cues(t).is_empty(), "{t}: {:?}", hedge_cues(t));
        }
        assert_eq!(
            hedge_cues("A price war could ruin smaller airlines."),
            ["could"]
        );
    }

    #[test]
    fn cues_inside_a_condition_name_a_threshold() {
        // Certainty or clarity inside if/when names when to act; it boosts nothing.
        assert!(booster_cues("Crews fire only when they are sure of the target.").is_empty());
        assert!(booster_cues("Guards act if the intruder is clearly armed.").is_empty());
        assert!(hedge_cues("If we are not sure, we wait.").is_empty());
        assert_eq!(booster_cues("The intruder was clearly armed."), ["clearly"]);
    }

    #[test]
    fn dependence_hedges() {
        for (t, cue) in [
            ("Whether we act will depend on the threat.", "will depend"),
            ("Fees vary depending on the route.", "depending on"),
            ("Everything hinges on the weather.", "hinges on"),
            ("The outcome depends on the turnout.", "depends on"),
            ("It depends how you count.", "it depends"),
            ("Each bid is judged on its own merits.", "on its own merits"),
            ("The plan is possible in principle.", "in principle"),
        ] {
            assert!(
                hedge_cues(t).iter().any(|c| c == cue),
                "{t}: {:?}",
                hedge_cues(t)
            );
        }
        assert!(hedge_cues("The province depends on tourism.").is_empty());
        assert!(hedge_cues("Villages depending on the river face drought.").is_empty());
    }

    #[test]
    fn emphatic_boosters() {
        for (t, cue) in [
            ("Make no mistake: the law will pass.", "make no mistake"),
            ("The result speaks for itself.", "speaks for itself"),
            (
                "We would do it again without hesitation.",
                "without hesitation",
            ),
            ("Taxes will rise, no exceptions.", "no exceptions"),
            ("The offer is, in no way, final.", "in no way"),
            ("There is no proof whatsoever.", "whatsoever"),
            ("The cabinet flatly denied the report.", "flatly"),
            ("We strongly condemn the attack.", "strongly"),
            ("Every economist knows the risk.", "knows"),
            ("Let me be clear: we will not pay.", "let me be clear"),
        ] {
            assert!(
                booster_cues(t).iter().any(|c| c == cue),
                "{t}: {:?}",
                booster_cues(t)
            );
        }
    }

    #[test]
    fn mentioned_cues_are_not_cues() {
        for t in [
            "The word \u{201c}perhaps\u{201d} appears nowhere in the treaty.",
            "But \"probably\" is not a plan.",
            "Critics seized on the phrase 'case by case' in the memo.",
        ] {
            let doc = run(t);
            assert!(doc.hedges.is_empty(), "{t}: {:?}", rules(&doc));
        }
        // Scare quotes around a cue in use keep it.
        assert_eq!(hedge_cues("The dam is \"probably\" safe."), ["probably"]);
        assert_eq!(
            hedge_cues("\"Perhaps,\" she said, \"next year.\""),
            ["perhaps"]
        );
    }

    #[test]
    fn an_inverted_modal_asks_and_does_not_hedge() {
        for t in [
            "Could the minister tell us when the report will be published?",
            "Might the board reconsider its decision?",
            "“Could you repeat the figure?”",
        ] {
            assert!(hedge_cues(t).is_empty(), "{t}: {:?}", hedge_cues(t));
        }
        // A modal inside a statement, or opening one, still hedges.
        assert_eq!(hedge_cues("Could be worse."), ["could"]);
        assert_eq!(hedge_cues("The board might reconsider."), ["might"]);
    }

    #[test]
    fn a_bare_reply_is_assent_not_a_booster() {
        let doc = run(
            "Will the minister give way?\nOf course.\nThe minister will, of course, reply in writing.",
        );
        let cues: Vec<&str> = doc.boosters.iter().map(|c| c.cue.as_str()).collect();
        assert_eq!(cues, ["of course"]);
    }

    #[test]
    fn becoming_clear_is_a_discovery_not_a_booster() {
        assert!(booster_cues("It soon became clear that the ferry had sunk.").is_empty());
        assert_eq!(booster_cues("It is clear that the ferry sank."), ["clear"]);
    }

    #[test]
    fn stage_contract() {
        let d = CueDetector::default();
        assert_eq!(d.name(), "cues");
        assert_eq!(d.requires(), &[Layer::Sentences]);
        assert_eq!(d.provides(), &[Layer::Cues]);
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let src = "[[cue]]\nid = \"x\"\nkind = \"modal\"\ncue = [\"may\"]\nbogus = 1\n";
        let e = CueDetector::from_toml("user.toml", src).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Data);
        let s = e.to_string();
        assert!(s.starts_with("user.toml:5:1:"), "{s}");

        let src = "[[cue]]\nid = \"x\"\nkind = \"hedgy\"\ncue = \"may\"\n";
        let s = CueDetector::from_toml("user.toml", src)
            .unwrap_err()
            .to_string();
        assert!(s.starts_with("user.toml:3:"), "{s}");

        let src = "[[cue]]\nid = \"x\"\nkind = \"modal\"\ncue = \"may\"\nnot_before_re = \"(\"\n";
        let s = CueDetector::from_toml("user.toml", src)
            .unwrap_err()
            .to_string();
        assert!(
            s.starts_with("user.toml:5:17:") && s.contains("invalid regex"),
            "{s}"
        );

        let src = "[[cue]]\nid = \"x\"\nkind = \"modal\"\ncue = \"may\"\n\n[[cue]]\nid = \"x\"\nkind = \"modal\"\ncue = \"might\"\n";
        let s = CueDetector::from_toml("user.toml", src)
            .unwrap_err()
            .to_string();
        assert!(
            s.starts_with("user.toml:6:") && s.contains("duplicate"),
            "{s}"
        );

        let src = "[[cue]]\nid = \"x\"\nkind = \"modal\"\ncue = [\"  \"]\n";
        let s = CueDetector::from_toml("user.toml", src)
            .unwrap_err()
            .to_string();
        assert!(s.contains("empty surface form"), "{s}");

        let s = CueDetector::from_toml("user.toml", "cue = [")
            .unwrap_err()
            .to_string();
        assert!(s.starts_with("user.toml:1:"), "{s}");
    }

    #[test]
    fn from_path_reads_and_names_missing_files() {
        let e = CueDetector::from_path("/nonexistent/cues.toml").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(e.to_string().contains("/nonexistent/cues.toml"));
        let d =
            CueDetector::from_path(concat!(env!("CARGO_MANIFEST_DIR"), "/data/cues.toml")).unwrap();
        assert_eq!(d.len(), DEFAULT.len());
    }

    #[test]
    fn user_lexicon_replaces_the_default() {
        let d = CueDetector::from_toml(
            "u.toml",
            "[[cue]]\nid = \"hedge/x\"\nkind = \"adverb\"\ncue = \"kinda\"\n",
        )
        .unwrap();
        let mut doc = Document::new("t", "It kinda works, perhaps.");
        segment(&mut doc);
        d.process(&mut doc).unwrap();
        assert_eq!(rules(&doc), [("hedge/x", "kinda")]);
    }

    #[test]
    fn never_panics_on_odd_text() {
        for t in [
            "",
            " ",
            "\n\n",
            "…—“”",
            "may",
            "ÉTAIT peut-être 🎉 may 🎉 be",
            "a\u{00A0}b may\u{00A0}well",
        ] {
            run(t);
        }
    }
}
