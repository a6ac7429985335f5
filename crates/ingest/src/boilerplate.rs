//! The boilerplate stage: marks page furniture (newsletter prompts, by-lines, copyright
//! lines, comment forms, related-article lists …) as [`Region`]s, from data rules.

use crate::gate::{Gate, Literals, Probe};
use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use stancemap_core::data;
use stancemap_core::fold::Fold;
use stancemap_core::{Document, Error, ErrorKind, Layer, Region, Stage};
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, LazyLock, OnceLock};

/// The embedded default rules.
const DEFAULT_RULES: &str = include_str!("../data/boilerplate.toml");
const DEFAULT_RULES_NAME: &str = "crates/ingest/data/boilerplate.toml";

/// Prefix of every region's rule id (`boilerplate/newsletter`).
const RULE_PREFIX: &str = "boilerplate/";

static DEFAULT: LazyLock<Boilerplate> = LazyLock::new(|| {
    // Compiled lazily: the embedded patterns are checked by the unit test
    // `embedded_patterns_compile`.
    Boilerplate::parse(DEFAULT_RULES_NAME, DEFAULT_RULES, Compile::Lazily)
        .expect("the embedded boilerplate rules are valid (a unit test parses them)")
});

/// When the regexes of a rule file are compiled.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Compile {
    /// While loading, so that a bad pattern is reported with its file, line and column.
    Now,
    /// When a line first passes the pattern's literal gate (the embedded rules, whose
    /// patterns the tests compile).
    Lazily,
}

/// Where a rule applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum RuleScope {
    /// Its patterns are tried on every line of the document.
    Line,
    /// Its patterns are tried only on the lines at the end of the document, after the
    /// last body paragraph (sign-off initials, an outlet's self-description, an author
    /// bio): there they are furniture, elsewhere they may be article text.
    Tail,
    /// The trailing-run rule: after the last body paragraph, a run that starts with a
    /// furniture line also takes the short lines between and after furniture lines
    /// (titles of related articles, event promotions). It has no patterns.
    Block,
}

/// Public description of one rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleInfo {
    /// Full id as used in [`Region::rule`] (`boilerplate/newsletter`).
    pub id: String,
    /// What the rule finds.
    pub description: String,
    /// Where it applies.
    pub scope: RuleScope,
}

/// A [`Stage`] that fills [`Document::boilerplate`] with page furniture, one [`Region`]
/// per line.
///
/// The text is looked at line by line (lines end at `\n`). A region covers one whole
/// line: from its first byte to the end of its text, *excluding* the line terminator
/// (`\n` or `\r\n`). Blank lines are never part of a region. Regions are sorted and do
/// not overlap. A line that mixes body text and furniture is judged as a whole.
///
/// Three kinds of rule (see [`RuleScope`]), all data (`data/boilerplate.toml`, or a user
/// file via [`Boilerplate::from_path`]):
/// - *line* rules: regexes tried on each line (after folding curly quotes, dashes and
///   no-break spaces to ASCII and collapsing white space), each with a word limit. A
///   rule marked `list = true` is a list header ("Related Posts", "Most read"): the
///   title-like lines directly under it (no blank line between) are furniture too.
/// - *tail* rules: regexes tried only in the trailing run (below).
/// - the *block* rule: walking up from the end of the document, the trailing run is
///   made of furniture lines (line or tail rules), title-like lines (at most
///   `title_max_words` words and no sentence-final punctuation) and short sentences (at
///   most `sentence_max_words` words) that sit right below a furniture or title-like
///   line, with furniture somewhere below them. The walk stops at the first other line,
///   and the run is cut to start at its first furniture line, so body paragraphs and
///   headings above it are never taken. Rules marked `inline = true` (furniture that
///   also sits between body paragraphs: photo credits, ads, "Read also: …" links) are
///   marked but cannot start a run.
///
/// # Example
/// ```
/// use stancemap_ingest::Boilerplate;
/// let text = "Budget talks stall\nBy Ann Smith\nThe council failed to agree on the budget on Tuesday, leaving schools without funds.\n\nRead more\n\nSchools brace for cuts\n";
/// let regions = Boilerplate::default().regions(text);
/// let found: Vec<(&str, &str)> = regions.iter().map(|r| (&text[r.span.range()], r.rule.as_str())).collect();
/// assert_eq!(found, [
///     ("By Ann Smith", "boilerplate/byline"),
///     ("Read more", "boilerplate/read-more"),
///     ("Schools brace for cuts", "boilerplate/trailing-furniture"),
/// ]);
/// ```
#[derive(Clone, Debug)]
pub struct Boilerplate {
    name: String,
    /// Shared by the clones, so that a regex compiled for one is compiled for all.
    rules: Arc<[Rule]>,
    /// The strings of every pattern's gate (see [`Pattern::index`]).
    literals: Arc<Literals>,
    block: Option<usize>,
    limits: Limits,
}

#[derive(Clone, Copy, Debug)]
struct Limits {
    title_max_words: usize,
    sentence_max_words: usize,
    list_max_items: usize,
    /// The most words of a title below a list header (linked headlines run longer than
    /// the titles the trailing run takes).
    list_item_max_words: usize,
    /// A sign-up box: at most this many lines between blank lines ...
    box_max_lines: usize,
    /// ... each of at most this many words.
    box_max_words: usize,
    /// The most words any rule looks at: longer lines are body text.
    cap: usize,
}

#[derive(Debug)]
struct Rule {
    info: RuleInfo,
    patterns: Vec<Pattern>,
    max_words: usize,
    list: bool,
    inline: bool,
    /// The other short lines of the blank-line-delimited block holding a match are
    /// furniture too (a newsletter box: heading, tagline, button).
    boxed: bool,
    examples: Vec<Example>,
}

/// One pattern of a rule: its regex is compiled on first need (see [`Compile`]); its
/// literal gate tells cheaply that a line cannot match it, then its approximation
/// (compiled on first need too, many times faster) that the line structure fits (see
/// `gate.rs`).
#[derive(Debug)]
struct Pattern {
    source: String,
    ignore_case: bool,
    gate: Gate,
    /// Number of the pattern in the file, for [`Probe::admits`].
    index: usize,
    regex: OnceLock<Regex>,
    /// The compiled approximation; `None` inside if it does not compile (then only the
    /// pattern decides). Unused when the pattern was compiled while loading.
    approximation: OnceLock<Option<Regex>>,
}

impl Pattern {
    fn build(source: &str, ignore_case: bool) -> Result<Regex, regex::Error> {
        RegexBuilder::new(source)
            .case_insensitive(ignore_case)
            .build()
    }

    fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            Pattern::build(&self.source, self.ignore_case)
                .expect("the embedded boilerplate patterns compile (a unit test compiles them)")
        })
    }

    /// Whether the pattern matches `norm` (a normalised line, probed for the gates).
    fn is_match(&self, norm: &str, probe: &Probe) -> bool {
        if !probe.admits(norm, self.index, &self.gate) {
            return false;
        }
        if self.regex.get().is_none()
            && let Some(approx) = &self.gate.approximation
        {
            let approx = self
                .approximation
                .get_or_init(|| Pattern::build(approx, self.ignore_case).ok());
            if approx.as_ref().is_some_and(|a| !a.is_match(norm)) {
                return false;
            }
        }
        self.regex().is_match(norm)
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    text: String,
    expect: Expect,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(untagged)]
enum Expect {
    /// Line and tail rules: does the rule match this line?
    Match(bool),
    /// Block rule: the (trimmed) lines of `text` that are furniture, in order.
    Lines(Vec<String>),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default = "default_title_max_words")]
    title_max_words: usize,
    #[serde(default = "default_sentence_max_words")]
    sentence_max_words: usize,
    #[serde(default = "default_list_max_items")]
    list_max_items: usize,
    #[serde(default = "default_list_item_max_words")]
    list_item_max_words: usize,
    #[serde(default = "default_box_max_lines")]
    box_max_lines: usize,
    #[serde(default = "default_box_max_words")]
    box_max_words: usize,
    #[serde(default = "default_max_words")]
    default_max_words: usize,
    #[serde(default, rename = "rule")]
    rules: Vec<RuleDef>,
}

fn default_title_max_words() -> usize {
    12
}
fn default_sentence_max_words() -> usize {
    12
}
fn default_list_max_items() -> usize {
    12
}
fn default_list_item_max_words() -> usize {
    20
}
fn default_box_max_lines() -> usize {
    4
}
fn default_box_max_words() -> usize {
    25
}
fn default_max_words() -> usize {
    150
}
fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleDef {
    id: toml::Spanned<String>,
    #[serde(default)]
    description: String,
    scope: RuleScope,
    #[serde(default)]
    patterns: Vec<toml::Spanned<String>>,
    #[serde(default = "yes")]
    ignore_case: bool,
    max_words: Option<usize>,
    #[serde(default)]
    list: bool,
    #[serde(default)]
    inline: bool,
    #[serde(default, rename = "box")]
    boxed: bool,
    #[serde(default)]
    examples: Vec<toml::Spanned<Example>>,
}

impl Default for Boilerplate {
    /// The embedded rules (`crates/ingest/data/boilerplate.toml`).
    fn default() -> Boilerplate {
        DEFAULT.clone()
    }
}

impl Boilerplate {
    /// Rules from TOML text; `name` (a file name) is used in errors.
    ///
    /// # Errors
    /// [`ErrorKind::Data`] naming `name`, line and column: bad TOML, an unknown field, a
    /// duplicate id, a pattern that does not compile, a line/tail rule without patterns,
    /// a block rule with patterns, more than one block rule, or an example whose
    /// `expect` does not fit the rule's scope.
    pub fn from_toml(name: &str, toml_text: &str) -> Result<Boilerplate, Error> {
        Boilerplate::parse(name, toml_text, Compile::Now)
    }

    fn parse(name: &str, toml_text: &str, compile: Compile) -> Result<Boilerplate, Error> {
        let file: RulesFile = data::parse_toml(name, toml_text)?;
        let data_err = |msg: String, at: usize| data::error_at(name, toml_text, at, msg);
        let mut seen = BTreeSet::new();
        let mut rules = Vec::with_capacity(file.rules.len());
        let mut block = None;
        let mut cap = file.title_max_words.max(file.sentence_max_words);
        let mut pattern_count = 0;
        for def in file.rules {
            let id_at = def.id.span().start;
            let id = def.id.into_inner();
            if id.is_empty()
                || !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '/')
            {
                return Err(data_err(
                    format!(
                        "rule id `{id}` must be non-empty ASCII letters, digits, `-`, `_` or `/`"
                    ),
                    id_at,
                ));
            }
            if !seen.insert(id.clone()) {
                return Err(data_err(format!("duplicate rule id `{id}`"), id_at));
            }
            match def.scope {
                RuleScope::Block => {
                    if !def.patterns.is_empty() {
                        return Err(data_err(
                            format!("rule `{id}`: a block rule has no patterns"),
                            id_at,
                        ));
                    }
                    if block.is_some() {
                        return Err(data_err(
                            format!("rule `{id}`: only one block rule is allowed"),
                            id_at,
                        ));
                    }
                    block = Some(rules.len());
                }
                RuleScope::Line | RuleScope::Tail => {
                    if def.patterns.is_empty() {
                        return Err(data_err(format!("rule `{id}` has no patterns"), id_at));
                    }
                }
            }
            let mut patterns = Vec::with_capacity(def.patterns.len());
            for p in &def.patterns {
                let bad = |e: &dyn std::fmt::Display| {
                    data_err(format!("rule `{id}`: bad pattern: {e}"), p.span().start)
                };
                let regex = OnceLock::new();
                if compile == Compile::Now {
                    let re = Pattern::build(p.get_ref(), def.ignore_case).map_err(|e| bad(&e))?;
                    let _ = regex.set(re);
                }
                // Compiled, the pattern has parsed; lazily, a syntax error still shows
                // here (the embedded patterns have none).
                let gate = Gate::of(p.get_ref()).map_err(|e| bad(&e))?;
                patterns.push(Pattern {
                    source: p.get_ref().clone(),
                    ignore_case: def.ignore_case,
                    gate,
                    index: pattern_count,
                    regex,
                    approximation: OnceLock::new(),
                });
                pattern_count += 1;
            }
            let mut examples = Vec::with_capacity(def.examples.len());
            for ex in def.examples {
                let at = ex.span().start;
                let ex = ex.into_inner();
                let fits = matches!(
                    (def.scope, &ex.expect),
                    (RuleScope::Block, Expect::Lines(_))
                        | (RuleScope::Line | RuleScope::Tail, Expect::Match(_))
                );
                if !fits {
                    let want = if def.scope == RuleScope::Block {
                        "a list of lines"
                    } else {
                        "true or false"
                    };
                    return Err(data_err(
                        format!("rule `{id}`: example `expect` must be {want}"),
                        at,
                    ));
                }
                examples.push(ex);
            }
            let max_words = def.max_words.unwrap_or(file.default_max_words);
            if def.scope != RuleScope::Block {
                cap = cap.max(max_words);
            }
            rules.push(Rule {
                info: RuleInfo {
                    id: format!("{RULE_PREFIX}{id}"),
                    description: def.description.trim().to_string(),
                    scope: def.scope,
                },
                patterns,
                max_words,
                list: def.list,
                inline: def.inline,
                boxed: def.boxed,
                examples,
            });
        }
        let literals = Literals::new(rules.iter().flat_map(|r| &r.patterns).map(|p| &p.gate));
        Ok(Boilerplate {
            name: name.to_string(),
            rules: rules.into(),
            literals: Arc::new(literals),
            block,
            limits: Limits {
                title_max_words: file.title_max_words,
                sentence_max_words: file.sentence_max_words,
                list_max_items: file.list_max_items,
                list_item_max_words: file.list_item_max_words,
                box_max_lines: file.box_max_lines,
                box_max_words: file.box_max_words,
                cap,
            },
        })
    }

    /// Rules from a TOML file.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] when the file cannot be read, else as [`Boilerplate::from_toml`].
    pub fn from_path(path: impl AsRef<Path>) -> Result<Boilerplate, Error> {
        let path = path.as_ref();
        let name = path.to_string_lossy();
        Boilerplate::from_toml(&name, &data::read(path)?)
    }

    /// The name of the rule file.
    pub fn source_name(&self) -> &str {
        &self.name
    }

    /// The rules, in file order.
    pub fn rules(&self) -> impl Iterator<Item = &RuleInfo> {
        self.rules.iter().map(|r| &r.info)
    }

    /// The first *line* rule that matches `line` on its own (no context: list, tail and
    /// block rules are not tried), as its full id.
    pub fn line_rule(&self, line: &str) -> Option<&str> {
        let words = count_words(line, self.limits.cap);
        if words == 0 || words > self.limits.cap {
            return None;
        }
        let norm = normalize(line);
        let probe = Probe::new(&norm, &self.literals);
        self.match_scope(RuleScope::Line, &norm, &probe, words)
            .map(|i| self.rules[i].info.id.as_str())
    }

    /// The furniture regions of a text, sorted, one per line.
    pub fn regions(&self, text: &str) -> Vec<Region> {
        let lines = self.lines(text);
        let mut assigned: Vec<Option<usize>> = lines
            .iter()
            .map(|l| {
                l.norm
                    .as_ref()
                    .and_then(|(n, p)| self.match_scope(RuleScope::Line, n, p, l.words))
            })
            .collect();
        self.absorb_boxes(&lines, &mut assigned);
        self.absorb_lists(&lines, &mut assigned);
        if let Some(block) = self.block {
            self.trailing_run(&lines, &mut assigned, block);
        }
        lines
            .iter()
            .zip(&assigned)
            .filter_map(|(l, a)| {
                a.map(|i| Region {
                    span: stancemap_core::Span::new(l.start, l.end),
                    rule: self.rules[i].info.id.clone(),
                })
            })
            .collect()
    }

    /// Runs every rule's examples.
    ///
    /// - Line and tail rules: `expect = true` means the rule matches the example line;
    ///   `expect = false` means *no* line rule matches it (a negative example is article
    ///   text) and, for a tail rule, that the rule itself does not match.
    /// - The block rule: `expect` lists the trimmed lines of the example text that
    ///   [`Boilerplate::regions`] marks, in order.
    ///
    /// Returns the number of examples checked.
    ///
    /// # Errors
    /// [`ErrorKind::Data`] naming the rule file and listing every failing example.
    pub fn check_examples(&self) -> Result<usize, Error> {
        let mut failures = Vec::new();
        let mut n = 0;
        for rule in self.rules.iter() {
            for ex in &rule.examples {
                n += 1;
                let id = &rule.info.id;
                match &ex.expect {
                    Expect::Match(want) => {
                        let words = count_words(&ex.text, usize::MAX);
                        let norm = normalize(&ex.text);
                        let hit = words <= rule.max_words
                            && rule.patterns.iter().any(|p| p.regex().is_match(&norm));
                        if *want && !hit {
                            failures.push(format!("{id}: should match: {:?}", ex.text));
                        } else if !*want && hit {
                            failures.push(format!("{id}: should not match: {:?}", ex.text));
                        } else if !*want && let Some(other) = self.line_rule(&ex.text) {
                            failures.push(format!(
                                "{id}: negative example matched by {other}: {:?}",
                                ex.text
                            ));
                        }
                    }
                    Expect::Lines(want) => {
                        let got: Vec<&str> = self
                            .regions(&ex.text)
                            .iter()
                            .map(|r| ex.text[r.span.range()].trim())
                            .collect();
                        if got != *want {
                            failures.push(format!("{id}: expected {want:?}, got {got:?}"));
                        }
                    }
                }
            }
        }
        if failures.is_empty() {
            Ok(n)
        } else {
            Err(Error::new(
                ErrorKind::Data,
                format!(
                    "{} failing rule example(s):\n  {}",
                    failures.len(),
                    failures.join("\n  ")
                ),
            )
            .with_path(self.name.clone()))
        }
    }

    fn match_scope(
        &self,
        scope: RuleScope,
        norm: &str,
        probe: &Probe,
        words: usize,
    ) -> Option<usize> {
        self.rules.iter().position(|r| {
            r.info.scope == scope
                && words <= r.max_words
                && r.patterns.iter().any(|p| p.is_match(norm, probe))
        })
    }

    fn lines(&self, text: &str) -> Vec<Line> {
        let mut out = Vec::new();
        let mut start = 0;
        for piece in text.split_inclusive('\n') {
            let body = piece.strip_suffix('\n').unwrap_or(piece);
            let body = body.strip_suffix('\r').unwrap_or(body);
            let words = count_words(body, self.limits.cap);
            let norm = (words > 0 && words <= self.limits.cap).then(|| {
                let norm = normalize(body);
                let probe = Probe::new(&norm, &self.literals);
                (norm, probe)
            });
            out.push(Line {
                start,
                end: start + body.len(),
                words,
                norm,
            });
            start += piece.len();
        }
        out
    }

    fn is_title_like(&self, line: &Line) -> bool {
        match &line.norm {
            Some((n, _)) => {
                line.words <= self.limits.title_max_words
                    && !ends_sentence(n)
                    && n.chars().any(char::is_alphanumeric)
            }
            None => false,
        }
    }

    /// A title below a list header: short, not ending like a statement (a headline may
    /// end in a question mark).
    fn is_list_item(&self, line: &Line) -> bool {
        match &line.norm {
            Some((n, _)) => {
                line.words <= self.limits.list_item_max_words
                    && !n
                        .trim_end_matches(['"', '\'', ')', ']', '*', ' '])
                        .ends_with(['.', '!', '\u{2026}'])
                    && n.chars().any(char::is_alphanumeric)
            }
            None => false,
        }
    }

    /// Box rules take the whole block (the lines between blank lines) holding their
    /// match, when the block is small (at most `box_max_lines` lines of at most
    /// `box_max_words` words each) and not the first of the text. A body paragraph is
    /// longer, so a block that holds one is left alone.
    fn absorb_boxes(&self, lines: &[Line], assigned: &mut [Option<usize>]) {
        let mut start = 0;
        while start < lines.len() {
            if lines[start].words == 0 {
                start += 1;
                continue;
            }
            let mut end = start;
            while end < lines.len() && lines[end].words > 0 {
                end += 1;
            }
            let block = start..end;
            let rule = block
                .clone()
                .filter_map(|i| assigned[i])
                .find(|&r| self.rules[r].boxed);
            // A box is set off by a blank line above: the first block of a text is its
            // head (or, without blank lines, the whole text), never a box.
            if let Some(rule) = rule
                && start > 0
                && block.len() <= self.limits.box_max_lines
                && block
                    .clone()
                    .all(|i| lines[i].norm.is_some() && lines[i].words <= self.limits.box_max_words)
            {
                for i in block {
                    assigned[i].get_or_insert(rule);
                }
            }
            start = end;
        }
    }

    /// List headers take the title-like lines directly below them.
    fn absorb_lists(&self, lines: &[Line], assigned: &mut [Option<usize>]) {
        for i in 0..lines.len() {
            let Some(rule) = assigned[i] else { continue };
            if !self.rules[rule].list {
                continue;
            }
            let mut j = i + 1;
            let mut taken = 0;
            while j < lines.len()
                && taken < self.limits.list_max_items
                && assigned[j].is_none()
                && self.is_list_item(&lines[j])
            {
                assigned[j] = Some(rule);
                taken += 1;
                j += 1;
            }
        }
    }

    /// The block rule (see the type docs).
    fn trailing_run(&self, lines: &[Line], assigned: &mut [Option<usize>], block: usize) {
        let nonblank: Vec<usize> = (0..lines.len())
            .filter(|&i| lines[i].norm.is_some() || lines[i].words > 0)
            .collect();
        // Furniture: a line rule already matched, or a tail rule matches.
        let furniture = |i: usize, assigned: &[Option<usize>]| -> Option<usize> {
            assigned[i].or_else(|| {
                lines[i]
                    .norm
                    .as_ref()
                    .and_then(|(n, p)| self.match_scope(RuleScope::Tail, n, p, lines[i].words))
            })
        };
        let mut run: Vec<(usize, Option<usize>)> = Vec::new(); // (line, furniture rule)
        let mut furniture_below = false;
        for (k, &i) in nonblank.iter().enumerate().rev() {
            if let Some(rule) = furniture(i, assigned) {
                run.push((i, Some(rule)));
                furniture_below = true;
                continue;
            }
            if self.is_title_like(&lines[i]) {
                run.push((i, None));
                continue;
            }
            let short = lines[i].norm.is_some() && lines[i].words <= self.limits.sentence_max_words;
            let above_ok = k > 0 && {
                let j = nonblank[k - 1];
                furniture(j, assigned).is_some() || self.is_title_like(&lines[j])
            };
            if short && furniture_below && above_ok {
                run.push((i, None));
                continue;
            }
            break;
        }
        // Cut the run to start at its first (topmost) furniture line that is not of an
        // inline kind: a photo credit or an ad between body paragraphs must not pull the
        // paragraphs below it into the run.
        while let Some(&(_, rule)) = run.last() {
            match rule {
                Some(r) if !self.rules[r].inline => break,
                _ => {
                    run.pop();
                }
            }
        }
        for (i, rule) in run {
            assigned[i] = Some(rule.unwrap_or(block));
        }
    }
}

impl Stage for Boilerplate {
    fn name(&self) -> &'static str {
        "boilerplate"
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Boilerplate]
    }

    /// Adds the regions found to [`Document::boilerplate`]; a region overlapping one
    /// already there (from an earlier stage or the reader) is not added.
    fn process(&self, doc: &mut Document) -> Result<(), Error> {
        let found = self.regions(doc.text());
        if doc.boilerplate.is_empty() {
            doc.boilerplate = found;
            return Ok(());
        }
        for r in found {
            if !doc.boilerplate.iter().any(|old| old.span.overlaps(r.span)) {
                doc.boilerplate.push(r);
            }
        }
        doc.boilerplate.sort_by_key(|r| (r.span.start, r.span.end));
        Ok(())
    }
}

/// One line of the text.
struct Line {
    start: usize,
    /// End of the line's text, without the terminator.
    end: usize,
    /// Number of words, counted up to the cap + 1.
    words: usize,
    /// The folded, white-space-collapsed text, probed for the gates; `None` for blank or
    /// over-long lines.
    norm: Option<(String, Probe)>,
}

/// Counts white-space separated words, stopping after `cap + 1`.
fn count_words(s: &str, cap: usize) -> usize {
    s.split_whitespace().take(cap.saturating_add(1)).count()
}

/// Folds curly quotes, dashes and no-break spaces to ASCII, drops zero-width
/// characters and collapses white space, so that rules can be written in ASCII (the
/// shared [`Fold::PLAIN`]).
fn normalize(line: &str) -> String {
    Fold::PLAIN.fold(line)
}

/// True when a (normalised) line ends like a sentence: `.`, `!`, `?` or `…`, possibly
/// followed by closing quotes or brackets.
fn ends_sentence(norm: &str) -> bool {
    let trimmed = norm.trim_end_matches(['"', '\'', ')', ']', '*', ' ']);
    trimmed.ends_with(['.', '!', '?', '\u{2026}'])
}

#[cfg(test)]
mod tests {
    #[test]
    fn normalize_collapses_white_space_as_char_is_whitespace_does() {
        for line in [
            "  Sign up\tfor our\x0bnewsletter \r\n",
            "",
            " \x0c ",
            "Read more",
            "\u{2018}Sign\u{00a0}up\u{2019}  now\u{200b}",
            "a \u{200b} b\u{00ad}c \u{2060}",
            "\u{feff}\u{200b} x\u{2014}y",
        ] {
            let expected = line
                .split_whitespace()
                .map(|w| {
                    w.chars()
                        .filter(|c| {
                            !matches!(
                                c,
                                '\u{200B}'..='\u{200D}' | '\u{00AD}' | '\u{FEFF}' | '\u{2060}'
                            )
                        })
                        .map(stancemap_core::text::fold_punct)
                        .collect::<String>()
                })
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(super::normalize(line), expected, "{line:?}");
        }
    }

    use super::*;

    fn marked<'a>(bp: &Boilerplate, text: &'a str) -> Vec<(&'a str, String)> {
        bp.regions(text)
            .into_iter()
            .map(|r| {
                (
                    &text[r.span.range()],
                    r.rule.trim_start_matches(RULE_PREFIX).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn embedded_rules_parse_and_their_examples_pass() {
        let bp = Boilerplate::default();
        assert!(bp.rules().count() > 10);
        match bp.check_examples() {
            Ok(n) => assert!(n > 50, "only {n} examples"),
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn embedded_patterns_compile() {
        let bp = Boilerplate::default();
        let mut n = 0;
        for p in bp.rules.iter().flat_map(|r| &r.patterns) {
            if let Err(e) = Pattern::build(&p.source, p.ignore_case) {
                panic!("{}: {e}", p.source);
            }
            // Not needed for correctness (a failing one is skipped), but then it would be
            // of no use.
            if let Some(a) = &p.gate.approximation
                && let Err(e) = Pattern::build(a, p.ignore_case)
            {
                panic!("{a}: {e}");
            }
            n += 1;
        }
        assert!(n > 50, "{n}");
    }

    /// The literal gates and the approximations never hide a match: on every line of the
    /// corpus, of the rule examples and of these tests, and on variants in other cases and
    /// with the characters whose case folding reaches ASCII (long s, Kelvin sign).
    #[test]
    fn gates_never_reject_a_match() {
        let bp = Boilerplate::default();
        let mut lines: Vec<String> = Vec::new();
        let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/articles");
        for entry in std::fs::read_dir(&corpus).expect("the corpus") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).unwrap_or_default();
            lines.extend(text.lines().map(String::from));
        }
        for r in bp.rules.iter() {
            for ex in &r.examples {
                lines.extend(ex.text.lines().map(String::from));
            }
        }
        lines.extend(include_str!("boilerplate.rs").lines().map(String::from));
        let variants: Vec<String> = lines
            .iter()
            .flat_map(|l| {
                [
                    l.to_uppercase(),
                    l.to_lowercase(),
                    l.replace('s', "\u{17F}").replace('k', "\u{212A}"),
                    l.to_uppercase().replace('K', "\u{212A}"),
                ]
            })
            .collect();
        lines.extend(variants);
        let (mut matched, mut compiled) = (0, 0);
        for line in &lines {
            let norm = normalize(line);
            let probe = Probe::new(&norm, &bp.literals);
            for p in bp.rules.iter().flat_map(|r| &r.patterns) {
                if p.regex().is_match(&norm) {
                    matched += 1;
                    assert!(
                        probe.admits(&norm, p.index, &p.gate),
                        "{:?} rejects {norm:?}",
                        p.gate
                    );
                    if let Some(approx) = &p.gate.approximation {
                        let re = Pattern::build(approx, p.ignore_case).expect("approximation");
                        assert!(re.is_match(&norm), "{approx} rejects {norm:?}");
                    }
                }
                compiled += 1;
            }
        }
        assert!(matched > 200 && compiled > 1000, "{matched} {compiled}");
    }

    #[test]
    fn most_patterns_have_a_gate() {
        let bp = Boilerplate::default();
        let patterns: Vec<&Pattern> = bp.rules.iter().flat_map(|r| &r.patterns).collect();
        let open: Vec<&str> = patterns
            .iter()
            .filter(|p| p.gate.prefixes.is_none() && p.gate.factors.is_none())
            .map(|p| p.source.as_str())
            .collect();
        assert!(open.len() <= 5, "{open:#?}");
    }

    #[test]
    fn every_rule_has_examples_and_a_description() {
        let bp = Boilerplate::default();
        for r in bp.rules.iter() {
            assert!(
                !r.info.description.is_empty(),
                "{} has no description",
                r.info.id
            );
            assert!(!r.examples.is_empty(), "{} has no examples", r.info.id);
            if r.info.scope != RuleScope::Block {
                assert!(
                    r.examples
                        .iter()
                        .any(|e| matches!(e.expect, Expect::Match(true)))
                        && r.examples
                            .iter()
                            .any(|e| matches!(e.expect, Expect::Match(false))),
                    "{} needs positive and negative examples",
                    r.info.id
                );
            }
        }
    }

    #[test]
    fn regions_cover_lines_without_terminators() {
        let bp = Boilerplate::default();
        let text = "Fishing quotas cut\r\nThe ministry cut the cod quota by a fifth on Monday, citing falling stocks.\r\n\r\nAll rights reserved.\r\n";
        let regions = bp.regions(text);
        assert_eq!(regions.len(), 1);
        assert_eq!(&text[regions[0].span], "All rights reserved.");
        assert_eq!(regions[0].rule, "boilerplate/copyright");
    }

    #[test]
    fn body_headings_and_titles_are_kept() {
        let bp = Boilerplate::default();
        let text = "Grain exports resume\n\nShips left the port of Odesa on Friday for the first time in weeks, officials said.\n\nWhat comes next\n\nTraders expect prices to fall as more cargo reaches the market over the summer.\n";
        assert!(bp.regions(text).is_empty(), "{:?}", marked(&bp, text));
    }

    #[test]
    fn trailing_run_takes_titles_between_furniture_but_not_the_last_paragraph() {
        let bp = Boilerplate::default();
        let text = "\
Water prices will rise by nine percent next year, the regulator said on Wednesday, blaming higher energy costs.

That is the end.

The views expressed here are the author's own.

Drought in the south

Rivers at record lows

Read more

Join our annual water summit.

Learn More
";
        let got = marked(&bp, text);
        let lines: Vec<&str> = got.iter().map(|(l, _)| *l).collect();
        assert_eq!(
            lines,
            [
                "The views expressed here are the author's own.",
                "Drought in the south",
                "Rivers at record lows",
                "Read more",
                "Join our annual water summit.",
                "Learn More"
            ]
        );
        assert_eq!(got[1].1, "trailing-furniture");
        // A newsletter box also sits between body paragraphs, so it cannot start a run:
        // only the lines from the first end-of-page furniture on are taken.
        let text = text.replace(
            "The views expressed here are the author's own.",
            "Subscribe to our newsletter",
        );
        let lines: Vec<&str> = marked(&bp, &text).into_iter().map(|(l, _)| l).collect();
        assert_eq!(
            lines,
            [
                "Subscribe to our newsletter",
                "Read more",
                "Join our annual water summit.",
                "Learn More"
            ]
        );
    }

    #[test]
    fn short_last_paragraphs_are_not_taken_by_the_trailing_run() {
        let bp = Boilerplate::default();
        // A link line inside the body, then short body paragraphs, then a copyright line.
        let text = "\
The port reopened after a week of strikes, and unions said they had won most of what they asked for.
Read also: Dockers strike over pay
Talks resume next week.
The ministry did not comment.
(c) 2024 Harbour Post
";
        let lines: Vec<&str> = marked(&bp, text).into_iter().map(|(l, _)| l).collect();
        assert_eq!(
            lines,
            [
                "Read also: Dockers strike over pay",
                "(c) 2024 Harbour Post"
            ]
        );
    }

    #[test]
    fn list_headers_take_the_titles_right_below() {
        let bp = Boilerplate::default();
        let text = "Most Read\nRail strike called off\nMayor resigns\n\nThe rail union called off the strike late on Sunday after a new offer from the operator.\n";
        let lines: Vec<&str> = marked(&bp, text).into_iter().map(|(l, _)| l).collect();
        assert_eq!(
            lines,
            ["Most Read", "Rail strike called off", "Mayor resigns"]
        );
        // A blank line ends the list: the headline below it stays.
        let text = "Related Posts\n\nRail strike called off\n\nThe rail union called off the strike late on Sunday after a new offer.\n";
        let lines: Vec<&str> = marked(&bp, text).into_iter().map(|(l, _)| l).collect();
        assert_eq!(lines, ["Related Posts"]);
    }

    /// Headlines under a list header may run long or end in a question mark; a
    /// statement below the header is not a headline.
    #[test]
    fn list_items_may_be_long_headlines_or_questions() {
        let bp = Boilerplate::default();
        let text = "Tolls on the coast road will rise by a fifth in May, the agency said on Friday.\n\nRead also\nCan the ferry operators survive another winter of high fuel prices and falling passenger numbers?\nPort of Kestrel announces new container terminal for the northern quays, 3 Mar. 2026\n\n";
        let lines: Vec<&str> = marked(&bp, text).into_iter().map(|(l, _)| l).collect();
        assert_eq!(
            lines,
            [
                "Read also",
                "Can the ferry operators survive another winter of high fuel prices and falling passenger numbers?",
                "Port of Kestrel announces new container terminal for the northern quays, 3 Mar. 2026"
            ]
        );
        let text = "Related materials\nThe council may still reject the plan.\n";
        let lines: Vec<&str> = marked(&bp, text).into_iter().map(|(l, _)| l).collect();
        assert_eq!(lines, ["Related materials"]);
    }

    /// A newsletter box between body paragraphs: its heading and tagline go with the
    /// sign-up line; a body paragraph next to a sign-up line, or the head of a text, does
    /// not.
    #[test]
    fn newsletter_boxes_are_taken_whole() {
        let bp = Boilerplate::default();
        let text = "\
Ferry fares to rise

The operator said fares on the island routes would rise by a tenth from April, blaming fuel and wages.

The Tideline
Perhaps the shortest read of your day. It might even make you smile.
[ Email address ]  Subscribe

Unions said they would consider strikes if the rise went ahead without a pay offer for the crews.
";
        let lines: Vec<&str> = marked(&bp, text).into_iter().map(|(l, _)| l).collect();
        assert_eq!(
            lines,
            [
                "The Tideline",
                "Perhaps the shortest read of your day. It might even make you smile.",
                "[ Email address ]  Subscribe"
            ]
        );
        // The box test fails: a body paragraph (too long) shares the block.
        let text = "\
Ferry fares to rise

The operator said fares on the island routes would rise by a tenth from April, blaming fuel and wages, and the unions said they might strike.
Subscribe
";
        let lines: Vec<&str> = marked(&bp, text).into_iter().map(|(l, _)| l).collect();
        assert_eq!(lines, ["Subscribe"]);
        // The first block of a text is its head, never a box.
        let text = "Ferry fares to rise\nFares may rise by a tenth.\nSubscribe\n";
        let lines: Vec<&str> = marked(&bp, text).into_iter().map(|(l, _)| l).collect();
        assert_eq!(lines, ["Subscribe"]);
    }

    /// Notices of comment sections, cookie banners, official records and press releases.
    #[test]
    fn notices_of_pages_records_and_releases() {
        let bp = Boilerplate::default();
        let text = "\
We use cookies to measure traffic. Accept all | Reject optional cookies
Statement on harbour security

The governments of the three coastal states condemn the sabotage of the undersea cable and may consider further steps together.

Contact person: Mira Solberg, press officer, tel. +47 000 00 000
The draft record may still contain mistakes and is subject to correction.
Comments are moderated and can take a few hours to appear.
";
        let lines: Vec<(&str, String)> = marked(&bp, text);
        let rules: Vec<&str> = lines.iter().map(|(_, r)| r.as_str()).collect();
        assert_eq!(
            rules,
            [
                "cookie-banner",
                "press-contact",
                "record-notice",
                "comment-notice"
            ]
        );
    }

    /// Invented pages in the shapes of other outlets: wire copy, a live page, an op-ed.
    #[test]
    fn pages_of_other_outlets() {
        let bp = Boilerplate::default();
        let wire = "\
Finland closes two border crossings after surge in arrivals
By Anna Lind and Piotr Nowak
HELSINKI, Nov 17 (Example Wire) - Finland will close two more crossings on its eastern border, the government said on Friday, accusing its neighbour of steering migrants north.
\"This is a deliberate operation,\" Interior Minister Mari Example told reporters. \"We will not accept it.\"
By Friday evening, border guards had counted more than 300 arrivals this week.
Read more:
Estonia weighs similar steps
Reporting by Anna Lind in Helsinki; Editing by Tom Ray
Our Standards: The Example Trust Principles.
";
        let lines: Vec<&str> = marked(&bp, wire).into_iter().map(|(l, _)| l).collect();
        assert_eq!(
            lines,
            [
                "By Anna Lind and Piotr Nowak",
                "Read more:",
                "Estonia weighs similar steps",
                "Reporting by Anna Lind in Helsinki; Editing by Tom Ray",
                "Our Standards: The Example Trust Principles."
            ]
        );
        let oped = "\
Europe must pay for its own air defence
Tuesday, 4 March 2025
Share this article
The continent has spent three decades assuming someone else would guard its skies. That assumption is over, and the bill is due.
Who pays
Governments should pool procurement and stop buying a dozen incompatible systems. It will not be cheap.
Photo: Jan Nowak / Example Agency
Ministers will argue about the money for months. They should start now.
Jane Roe is a senior fellow at the Example Institute.
The views expressed in this article are the author's own.
More from Example Review
Why the tank deal failed
Five lessons from the drone war
";
        let lines: Vec<&str> = marked(&bp, oped).into_iter().map(|(l, _)| l).collect();
        assert_eq!(
            lines,
            [
                "Tuesday, 4 March 2025",
                "Share this article",
                "Photo: Jan Nowak / Example Agency",
                "Jane Roe is a senior fellow at the Example Institute.",
                "The views expressed in this article are the author's own.",
                "More from Example Review",
                "Why the tank deal failed",
                "Five lessons from the drone war"
            ]
        );
    }

    #[test]
    fn sign_off_initials_only_at_the_end() {
        let bp = Boilerplate::default();
        let text = "The senate passed the bill by a wide margin on Thursday after a long night of debate.\nJ.K.\n";
        assert_eq!(marked(&bp, text), [("J.K.", "sign-off".to_string())]);
        let text = "J.K.\nThe senate passed the bill by a wide margin on Thursday after a long night of debate.\n";
        assert!(marked(&bp, text).is_empty());
    }

    #[test]
    fn stage_merges_with_existing_regions() {
        let bp = Boilerplate::default();
        let mut doc = Document::new(
            "d",
            "Share this article\nA long enough body line that says what happened and why it matters.\nAll rights reserved.",
        );
        doc.boilerplate.push(Region {
            span: stancemap_core::Span::new(0, 5),
            rule: "reader/x".into(),
        });
        bp.process(&mut doc).unwrap();
        let rules: Vec<&str> = doc.boilerplate.iter().map(|r| r.rule.as_str()).collect();
        assert_eq!(rules, ["reader/x", "boilerplate/copyright"]);
        assert_eq!(bp.name(), "boilerplate");
        assert_eq!(bp.provides(), &[Layer::Boilerplate]);
    }

    #[test]
    fn huge_single_line_is_fast_and_not_furniture() {
        let bp = Boilerplate::default();
        let text = "Sign up to receive the results, the board said. ".repeat(200_000);
        assert!(bp.regions(&text).is_empty());
    }

    #[test]
    fn empty_and_blank_texts() {
        let bp = Boilerplate::default();
        assert!(bp.regions("").is_empty());
        assert!(bp.regions("\n\n \u{a0}\n").is_empty());
    }

    #[test]
    fn bad_rule_files_name_line_and_column() {
        let err = Boilerplate::from_toml(
            "r.toml",
            "[[rule]]\nid = \"x\"\nscope = \"line\"\npatterns = ['(unclosed']\n",
        )
        .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Data);
        assert!(
            err.to_string()
                .starts_with("r.toml:4:13: rule `x`: bad pattern"),
            "{err}"
        );
        let err = Boilerplate::from_toml("r.toml", "[[rule]]\nid = \"x\"\nscope = \"sideways\"\n")
            .unwrap_err();
        assert!(err.to_string().starts_with("r.toml:3:9:"), "{err}");
        let err = Boilerplate::from_toml("r.toml", "[[rule]]\nid = \"x\"\nscope = \"line\"\npatterns = ['a']\n[[rule]]\nid = \"x\"\nscope = \"line\"\npatterns = ['b']\n").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("r.toml:6:6: duplicate rule id `x`"),
            "{err}"
        );
        let err = Boilerplate::from_toml("r.toml", "[[rule]]\nid = \"x\"\nscope = \"line\"\n")
            .unwrap_err();
        assert!(err.to_string().contains("has no patterns"), "{err}");
        let err = Boilerplate::from_toml(
            "r.toml",
            "[[rule]]\nid = \"x\"\nscope = \"line\"\npatterns = ['a']\ncolour = 1\n",
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("r.toml:5:1:"), "{err}");
        let err = Boilerplate::from_toml("r.toml", "[[rule]]\nid = \"x\"\nscope = \"line\"\npatterns = ['a']\nexamples = [{ text = \"a\", expect = [\"a\"] }]\n").unwrap_err();
        assert!(err.to_string().contains("must be true or false"), "{err}");
    }

    #[test]
    fn user_rules_load_from_a_file() {
        let dir = std::env::temp_dir().join(format!("stancemap-bp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("rules.toml");
        std::fs::write(&path, "[[rule]]\nid = \"promo\"\nscope = \"line\"\ndescription = \"d\"\npatterns = ['^buy now$']\nexamples = [{ text = \"Buy now\", expect = true }]\n").unwrap();
        let bp = Boilerplate::from_path(&path).unwrap();
        assert_eq!(bp.line_rule("BUY NOW"), Some("boilerplate/promo"));
        assert_eq!(bp.check_examples().unwrap(), 1);
        let _ = std::fs::remove_dir_all(&dir);
        let err = Boilerplate::from_path(dir.join("missing.toml")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
    }
}
