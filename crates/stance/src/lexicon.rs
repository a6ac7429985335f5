//! The common stance lexicon (`data/common.toml`): topic-independent cues that every
//! topic pack inherits — negators, scope openers (whether, asked if), contrast markers,
//! alignment cues (backed by), answers (yes, I do), and the generic frames (should, urge,
//! warn against, push back against), terms and conditions (case-by-case, it depends).
//!
//! A topic pack (`data/topics/*.toml`) uses the same entry tables (`[[frames]]`,
//! `[[terms]]`, `[[conditions]]`, `[[ignore]]`) for its own vocabulary; see
//! [`TopicPack`](crate::TopicPack) for the format.

use serde::Deserialize;
use stancemap_core::{Error, Stance};
use stancemap_patterns::{Classes, Pattern, english, norm_word};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::{Arc, LazyLock};
use toml::Spanned;

const EMBEDDED: &str = include_str!("../data/common.toml");
const VALENCE: &str = include_str!("../data/valence.tsv");
const APPRAISAL: &str = include_str!("../data/appraisal.tsv");

/// The shipped general valence lexicon (`data/valence.tsv`, filtered from VADER, MIT),
/// then the policy appraisal words (`data/appraisal.tsv`: "proportionate", "unlawful",
/// "a joke"), which replace a general value: (word, mean valence on -4 ..= 4).
pub(crate) fn valence_words() -> impl Iterator<Item = (&'static str, f32)> {
    VALENCE
        .lines()
        .chain(APPRAISAL.lines())
        .filter_map(|l| valence_line(l).ok().flatten())
}

/// One line of a valence file: `word<TAB>value` → `Some`, a blank or `#` line → `None`.
fn valence_line(line: &str) -> Result<Option<(&str, f32)>, String> {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let (w, v) = line
        .split_once('\t')
        .ok_or("expected a word, a tab and a value on -4 ..= 4")?;
    let v: f32 = v
        .trim()
        .parse()
        .map_err(|_| format!("`{}` is not a number", v.trim()))?;
    if w.trim().is_empty() || !(-4.0..=4.0).contains(&v) {
        return Err(format!("`{w}`: expected a word and a value on -4 ..= 4"));
    }
    Ok(Some((w.trim(), v)))
}

/// Reads a user valence file (`word<TAB>value` lines on -4 ..= 4, `#` comments), which
/// replaces the shipped valence and appraisal lists; `name` is used in errors.
fn parse_valence(name: &str, text: &str) -> Result<Vec<(String, f32)>, Error> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        match valence_line(line.trim_end_matches('\n')) {
            Ok(Some((w, v))) => out.push((norm_word(w), v)),
            Ok(None) => {}
            Err(msg) => return Err(stancemap_core::data::error_at(name, text, at, msg)),
        }
        at += line.len();
    }
    Ok(out)
}
const EMBEDDED_NAME: &str = "crates/stance/data/common.toml";

static DEFAULT: LazyLock<StanceGrammar> = LazyLock::new(|| {
    StanceGrammar::from_toml(EMBEDDED_NAME, EMBEDDED)
        .expect("the embedded common stance lexicon is valid")
});

// ---------------------------------------------------------------------------------------
// Errors with file, line and column

pub(crate) use stancemap_core::data::{error as data_error, parse_toml, read as read_file};

// ---------------------------------------------------------------------------------------
// Entry tables shared by the lexicon and the packs

/// How a frame changes the lean of what it governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Effect {
    /// Passes the lean on: "urged caution" opposes, "urged a show of force" supports.
    Assert,
    /// Inverts it: "pushed back against a plan to shoot down" opposes.
    Flip,
    /// Always support: "would be an alternative".
    Support,
    /// Always oppose: "warned against the risks of …", "slapdash demands to …".
    Oppose,
}

/// Where a frame stands relative to what it governs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Position {
    /// Before ("should shoot down").
    #[default]
    Pre,
    /// After ("opening fire would be an alternative").
    Post,
    /// Either ("X risks escalation": risk governs both X and escalation).
    Both,
}

/// Whose position a frame expresses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Holder {
    /// The frame's grammatical subject: "European capitals *want* to avoid escalation" is
    /// the capitals' wish, not the speaker's.
    #[default]
    Subject,
    /// The speaker, whoever the subject is: "NATO *should* shoot down intruders".
    Speaker,
    /// The subject, and it counts only when the subject is the speaker (a mention of
    /// them, "I", "we", their own side): "one colleague *wants* every drone shot down"
    /// is a report of someone else's wish, not the speaker's.
    Own,
}

/// Strength of a condition.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Strength {
    /// Makes the stance conditional ("case-by-case", "only if", "it depends").
    #[default]
    Strong,
    /// Qualifies a stance without changing its label ("if necessary").
    Weak,
}

/// Lean of a term.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Lean {
    /// Names the forceful side ("show of force", "escalation").
    Support,
    /// Names the restrained side ("caution", "de-escalation").
    Oppose,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Expect {
    Support,
    Oppose,
    Conditional,
    None,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ExampleToml {
    text: String,
    expect: Expect,
    #[serde(default)]
    context: Option<String>,
    #[serde(default)]
    speaker: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EntryToml {
    pub id: String,
    pub patterns: Vec<Spanned<String>>,
    #[serde(default)]
    pub examples: Vec<ExampleToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TermToml {
    id: String,
    patterns: Vec<Spanned<String>>,
    lean: Lean,
    #[serde(default = "yes")]
    alone: bool,
    #[serde(default)]
    anchor: bool,
    #[serde(default)]
    weight: Option<f32>,
    #[serde(default)]
    examples: Vec<ExampleToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FrameToml {
    id: String,
    patterns: Vec<Spanned<String>>,
    effect: Effect,
    #[serde(default)]
    position: Position,
    #[serde(default)]
    holder: Holder,
    #[serde(default = "yes")]
    license: bool,
    #[serde(default)]
    question: bool,
    #[serde(default)]
    targets_only: bool,
    #[serde(default)]
    alone: bool,
    #[serde(default)]
    reach: Option<usize>,
    #[serde(default)]
    weight: Option<f32>,
    #[serde(default)]
    examples: Vec<ExampleToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CondToml {
    id: String,
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    strength: Strength,
    #[serde(default)]
    examples: Vec<ExampleToml>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerToml {
    id: String,
    answer: Answer,
    patterns: Vec<Spanned<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Answer {
    Affirm,
    Deny,
}

fn yes() -> bool {
    true
}

/// The cue tables of a file, before compilation.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CueTables {
    #[serde(default)]
    pub terms: Vec<TermToml>,
    #[serde(default)]
    pub frames: Vec<FrameToml>,
    #[serde(default)]
    pub conditions: Vec<CondToml>,
    #[serde(default)]
    pub ignore: Vec<EntryToml>,
}

/// A compiled frame.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    pub effect: Effect,
    pub position: Position,
    pub holder: Holder,
    pub license: bool,
    pub question: bool,
    pub reach: usize,
    pub weight: f32,
    /// Governs target matches only, not weak terms (a general evaluation word says
    /// little about a term: "volunteer armies are a luxury").
    pub targets_only: bool,
    /// A posture of its own ("urged restraint", "keep cool heads"): with a fixed effect,
    /// it votes by itself in a statement that has nothing for it to govern.
    pub alone: bool,
}

/// What a cue entry does.
#[derive(Clone, Debug)]
pub(crate) enum Role {
    Frame(Frame),
    /// A weak topical term with a lean; `alone` terms vote without a frame; an `anchor`
    /// names the topic by itself, like a target: it makes a document active and the
    /// sentence it stands in counts as near a target.
    Term {
        lean: f32,
        alone: bool,
        anchor: bool,
        weight: f32,
    },
    Cond {
        strong: bool,
    },
    /// Consumes tokens so that nothing else matches there ("in order to").
    Ignore,
}

/// A compiled cue entry.
#[derive(Clone, Debug)]
pub(crate) struct CueEntry {
    pub id: String,
    pub role: Role,
    pub patterns: Vec<Pattern>,
}

/// A compiled plain entry (target, scope, contrast …).
#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub id: String,
    pub patterns: Vec<Pattern>,
}

/// An example sentence of a data entry, run by the tests (SPEC-independent sentences,
/// never from the corpus).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicExample {
    /// Id of the entry that carries it (or `pack` for pack-level examples).
    pub entry: String,
    /// The statement text.
    pub text: String,
    /// Expected stance on the example's topic; `None` for "no stance".
    pub expect: Option<Stance>,
    /// Text placed in a paragraph before the statement (e.g. to make the document
    /// about the topic without putting a target next to the statement).
    pub context: Option<String>,
    /// The speaker's name as written in `text`, if it names them.
    pub speaker: Option<String>,
}

/// Compiles patterns, pointing errors to the pattern's place in the file.
pub(crate) struct Compiler<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub classes: &'a Classes,
    stemmer: rust_stemmers::Stemmer,
}

impl<'a> Compiler<'a> {
    pub(crate) fn new(name: &'a str, text: &'a str, classes: &'a Classes) -> Compiler<'a> {
        Compiler {
            name,
            text,
            classes,
            stemmer: english(),
        }
    }

    pub(crate) fn patterns(
        &self,
        id: &str,
        pats: &[Spanned<String>],
    ) -> Result<Vec<Pattern>, Error> {
        if pats.is_empty() {
            return Err(data_error(
                self.name,
                self.text,
                None,
                format!("entry `{id}` has no patterns"),
            ));
        }
        pats.iter()
            .map(|p| {
                Pattern::parse(p.get_ref(), self.classes, &self.stemmer).map_err(|m| {
                    data_error(
                        self.name,
                        self.text,
                        Some(p.span()),
                        format!("entry `{id}`: {m}"),
                    )
                })
            })
            .collect()
    }

    pub(crate) fn entries(&self, list: &[EntryToml]) -> Result<Vec<Entry>, Error> {
        list.iter()
            .map(|e| {
                Ok(Entry {
                    id: e.id.clone(),
                    patterns: self.patterns(&e.id, &e.patterns)?,
                })
            })
            .collect()
    }

    pub(crate) fn cues(&self, t: &CueTables) -> Result<Vec<CueEntry>, Error> {
        let entry = |id: &String, pats: &[Spanned<String>], role: Role| {
            Ok(CueEntry {
                id: id.clone(),
                role,
                patterns: self.patterns(id, pats)?,
            })
        };
        let frames = t.frames.iter().map(|f| {
            let frame = Frame {
                effect: f.effect,
                position: f.position,
                holder: f.holder,
                license: f.license,
                question: f.question,
                reach: f.reach.unwrap_or(6),
                targets_only: f.targets_only,
                alone: f.alone,
                weight: f.weight.unwrap_or(1.0).clamp(0.0, 2.0),
            };
            entry(&f.id, &f.patterns, Role::Frame(frame))
        });
        let terms = t.terms.iter().map(|c| {
            let role = Role::Term {
                lean: if c.lean == Lean::Support { 1.0 } else { -1.0 },
                alone: c.alone,
                anchor: c.anchor,
                weight: c.weight.unwrap_or(0.7).clamp(0.0, 2.0),
            };
            entry(&c.id, &c.patterns, role)
        });
        let conditions = t.conditions.iter().map(|c| {
            let role = Role::Cond {
                strong: c.strength == Strength::Strong,
            };
            entry(&c.id, &c.patterns, role)
        });
        let ignore = t
            .ignore
            .iter()
            .map(|c| entry(&c.id, &c.patterns, Role::Ignore));
        frames
            .chain(terms)
            .chain(conditions)
            .chain(ignore)
            .collect()
    }
}

/// Collects the examples of every entry of a cue table.
pub(crate) fn examples(t: &CueTables, extra: &[(String, &[ExampleToml])]) -> Vec<TopicExample> {
    let mut out = Vec::new();
    let mut add = |entry: &str, list: &[ExampleToml]| {
        for e in list {
            out.push(TopicExample {
                entry: entry.to_string(),
                text: e.text.clone(),
                expect: match e.expect {
                    Expect::Support => Some(Stance::Support),
                    Expect::Oppose => Some(Stance::Oppose),
                    Expect::Conditional => Some(Stance::Conditional),
                    Expect::None => None,
                },
                context: e.context.clone(),
                speaker: e.speaker.clone(),
            });
        }
    };
    for (id, list) in extra {
        add(id, list);
    }
    for f in &t.frames {
        add(&f.id, &f.examples);
    }
    for f in &t.terms {
        add(&f.id, &f.examples);
    }
    for f in &t.conditions {
        add(&f.id, &f.examples);
    }
    out
}

// ---------------------------------------------------------------------------------------
// The common lexicon

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsToml {
    first_person: Vec<String>,
    third_person: Vec<String>,
    neutral_pronouns: Vec<String>,
    group_nouns: Vec<String>,
    skip: Vec<String>,
    clause_openers: Vec<String>,
    comma_clauses: Vec<String>,
    answer_leads: Vec<String>,
    #[serde(default)]
    sarcasm: Vec<String>,
    #[serde(default)]
    asking: Vec<String>,
    #[serde(default)]
    question_openers: Vec<String>,
    not_names: Vec<String>,
    #[serde(default)]
    official_roles: Vec<String>,
    #[serde(default)]
    compound_heads: Vec<String>,
    #[serde(default)]
    own_forces: Vec<String>,
    #[serde(default)]
    irregular_participles: Vec<String>,
    #[serde(default)]
    universal: Vec<String>,
    #[serde(default)]
    policy_nouns: Vec<String>,
    #[serde(default)]
    calling_verbs: Vec<String>,
    #[serde(default)]
    place_prepositions: Vec<String>,
    #[serde(default)]
    determiners: Vec<String>,
    #[serde(default)]
    goal_relators: Vec<String>,
    #[serde(default)]
    advocacy_verbs: Vec<String>,
    #[serde(default)]
    claim_nouns: Vec<String>,
    #[serde(default)]
    conjunctions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconToml {
    negators: Vec<String>,
    words: WordsToml,
    #[serde(default)]
    classes: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    scopes: Vec<EntryToml>,
    #[serde(default)]
    contrasts: Vec<EntryToml>,
    #[serde(default)]
    alignments: Vec<EntryToml>,
    #[serde(default)]
    answers: Vec<AnswerToml>,
    #[serde(default)]
    mentions: Vec<EntryToml>,
    #[serde(default)]
    verdicts: Vec<AnswerToml>,
    #[serde(default)]
    terms: Vec<TermToml>,
    #[serde(default)]
    frames: Vec<FrameToml>,
    #[serde(default)]
    conditions: Vec<CondToml>,
    #[serde(default)]
    ignore: Vec<EntryToml>,
}

/// The topic-independent stance lexicon shared by all topic packs.
///
/// `StanceGrammar::default()` is the embedded `data/common.toml`; [`StanceGrammar::from_path`] reads a
/// user file in the same format (it replaces the embedded one; copy it as a start).
#[derive(Clone, Debug)]
pub struct StanceGrammar {
    pub(crate) negators: BTreeSet<String>,
    pub(crate) first_person: BTreeSet<String>,
    pub(crate) third_person: BTreeSet<String>,
    pub(crate) neutral_pronouns: BTreeSet<String>,
    /// Plural forms, compared by norm ("ministers" names others, "minister" may be the
    /// speaker).
    pub(crate) group_nouns: BTreeSet<String>,
    /// Nouns that make a target's last word a modifier ("drone manufacturers",
    /// "engagement with" a trading partner): the target is a lookalike there.
    pub(crate) compound_heads: BTreeSet<String>,
    pub(crate) skip: BTreeSet<String>,
    pub(crate) clause_openers: BTreeSet<String>,
    pub(crate) comma_clauses: BTreeSet<String>,
    pub(crate) answer_leads: BTreeSet<String>,
    /// Manner adverbs of a reporting verb that invert what is said ("said sarcastically").
    pub(crate) sarcasm: BTreeSet<String>,
    /// Verbs that report a question ("asked", "wondered").
    pub(crate) asking: BTreeSet<String>,
    /// Words that open a direct question ("would", "why").
    pub(crate) question_openers: BTreeSet<String>,
    pub(crate) not_names: BTreeSet<String>,
    /// Words of a role that speaks for a state or institution ("minister", "spokesman"):
    /// such a speaker's "Romania is ready to …" commits their own side.
    pub(crate) official_roles: BTreeSet<String>,
    /// Nouns of armed forces and their crews ("pilots", "troops", "air defences"): as the
    /// subject of an official's commitment they are the official's own side.
    pub(crate) own_forces: BTreeSet<String>,
    /// Past participles not in -ed/-en ("shot", "brought"): "will be shot down" is a
    /// passive, whose subject is not the one who acts.
    pub(crate) irregular_participles: BTreeSet<String>,
    /// Universal quantifiers ("every", "everything"): denying an action on every object
    /// ("we will not fire at everything") leaves it for some: a condition, not a no.
    pub(crate) universal: BTreeSet<String>,
    /// Nouns that name a policy ("force", "mission", "plan"): when a target ends with one,
    /// "the force" later in the document names the target again.
    pub(crate) policy_nouns: BTreeSet<String>,
    /// Verbs of calling that take an object and its evaluation ("called X a mistake").
    pub(crate) calling_verbs: BTreeSet<String>,
    /// Prepositions of place and time ("over", "near"): a phrase that only locates.
    pub(crate) place_prepositions: BTreeSet<String>,
    /// Determiners (and "of") inside a locating phrase or before a named goal.
    pub(crate) determiners: BTreeSet<String>,
    /// Words that only link an action to its goal or place ("send troops *to* Kyiv").
    pub(crate) goal_relators: BTreeSet<String>,
    /// Verbs after which "for it" stands for the action argued for ("voted for it").
    pub(crate) advocacy_verbs: BTreeSet<String>,
    /// Nouns that report a claim like a verb of saying ("X's assertion that …").
    pub(crate) claim_nouns: BTreeSet<String>,
    /// Clause openers that are conjunctions, not reporting verbs.
    pub(crate) conjunctions: BTreeSet<String>,
    pub(crate) scopes: Vec<Entry>,
    pub(crate) contrasts: Vec<Entry>,
    pub(crate) alignments: Vec<Entry>,
    /// (+1 affirm / -1 deny, entry)
    pub(crate) answers: Vec<(f32, Entry)>,
    /// Openers of words the speaker quotes or reports from others ("they say").
    pub(crate) mentions: Vec<Entry>,
    /// What a speaker makes of a mention: (+1 endorse / -1 dismiss, entry).
    pub(crate) verdicts: Vec<(f32, Entry)>,
    pub(crate) cues: Vec<CueEntry>,
    pub(crate) examples: Vec<TopicExample>,
    /// A user valence list that replaces the shipped one (`None`: [`valence_words`]).
    pub(crate) valence: Option<Arc<[(String, f32)]>>,
}

impl Default for StanceGrammar {
    fn default() -> StanceGrammar {
        DEFAULT.clone()
    }
}

impl StanceGrammar {
    /// Parses and compiles a lexicon; `name` is used in errors.
    ///
    /// # Errors
    /// [`ErrorKind::Data`](stancemap_core::ErrorKind::Data) naming the file, line and column of a TOML error or of a bad
    /// pattern.
    pub fn from_toml(name: &str, text: &str) -> Result<StanceGrammar, Error> {
        let raw: LexiconToml = parse_toml(name, text)?;
        let c = Compiler::new(name, text, &raw.classes);
        let set = |v: &[String]| v.iter().map(|w| norm_word(w)).collect::<BTreeSet<_>>();
        let tables = CueTables {
            terms: raw.terms,
            frames: raw.frames,
            conditions: raw.conditions,
            ignore: raw.ignore,
        };
        let signed = |list: &[AnswerToml]| -> Result<Vec<(f32, Entry)>, Error> {
            list.iter()
                .map(|a| {
                    let sign = if a.answer == Answer::Affirm {
                        1.0
                    } else {
                        -1.0
                    };
                    let patterns = c.patterns(&a.id, &a.patterns)?;
                    Ok((
                        sign,
                        Entry {
                            id: a.id.clone(),
                            patterns,
                        },
                    ))
                })
                .collect()
        };
        let answers = signed(&raw.answers)?;
        let verdicts = signed(&raw.verdicts)?;
        Ok(StanceGrammar {
            negators: set(&raw.negators),
            first_person: set(&raw.words.first_person),
            third_person: set(&raw.words.third_person),
            neutral_pronouns: set(&raw.words.neutral_pronouns),
            group_nouns: set(&raw.words.group_nouns),
            compound_heads: set(&raw.words.compound_heads),
            skip: set(&raw.words.skip),
            clause_openers: set(&raw.words.clause_openers),
            comma_clauses: set(&raw.words.comma_clauses),
            answer_leads: set(&raw.words.answer_leads),
            sarcasm: set(&raw.words.sarcasm),
            asking: set(&raw.words.asking),
            question_openers: set(&raw.words.question_openers),
            not_names: set(&raw.words.not_names),
            official_roles: set(&raw.words.official_roles),
            own_forces: set(&raw.words.own_forces),
            irregular_participles: set(&raw.words.irregular_participles),
            universal: set(&raw.words.universal),
            policy_nouns: set(&raw.words.policy_nouns),
            calling_verbs: set(&raw.words.calling_verbs),
            place_prepositions: set(&raw.words.place_prepositions),
            determiners: set(&raw.words.determiners),
            goal_relators: set(&raw.words.goal_relators),
            advocacy_verbs: set(&raw.words.advocacy_verbs),
            claim_nouns: set(&raw.words.claim_nouns),
            conjunctions: set(&raw.words.conjunctions),
            scopes: c.entries(&raw.scopes)?,
            contrasts: c.entries(&raw.contrasts)?,
            alignments: c.entries(&raw.alignments)?,
            answers,
            mentions: c.entries(&raw.mentions)?,
            verdicts,
            cues: c.cues(&tables)?,
            examples: examples(&tables, &[]),
            valence: None,
        })
    }

    /// Replaces the shipped valence lists (`data/valence.tsv` and `data/appraisal.tsv`,
    /// which `<good>` and `<bad>` read) with a file of `word<TAB>value` lines, values on
    /// -4 ..= 4 as in VADER, `#` comments.
    ///
    /// ```
    /// # fn main() -> Result<(), Box<dyn std::error::Error>> {
    /// let dir = std::env::temp_dir().join(format!("stancemap-valence-{}", std::process::id()));
    /// std::fs::create_dir_all(&dir)?;
    /// let path = dir.join("valence.tsv");
    /// std::fs::write(&path, "# word\tvalence\nprudent\t2.1\nreckless\tvery bad\n")?;
    /// let err = stancemap_stance::StanceGrammar::default().with_valence_file(&path).unwrap_err();
    /// assert!(err.to_string().contains("valence.tsv:3:1"), "{err}");
    /// # std::fs::remove_dir_all(&dir)?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// The file cannot be read, or a line is not a word, a tab and a number on
    /// -4 ..= 4 ([`ErrorKind::Data`](stancemap_core::ErrorKind::Data) with its line).
    pub fn with_valence_file(mut self, path: impl AsRef<Path>) -> Result<StanceGrammar, Error> {
        let path = path.as_ref();
        let text = read_file(path)?;
        self.valence = Some(parse_valence(&path.display().to_string(), &text)?.into());
        Ok(self)
    }

    /// Reads and compiles a lexicon file.
    ///
    /// # Errors
    /// As [`StanceGrammar::from_toml`], or an I/O error naming the path.
    pub fn from_path(path: impl AsRef<Path>) -> Result<StanceGrammar, Error> {
        let path = path.as_ref();
        let text = read_file(path)?;
        StanceGrammar::from_toml(&path.display().to_string(), &text)
    }

    /// The examples of the lexicon's entries; their expected stances refer to the
    /// `shoot_down` topic unless the example says otherwise in its context.
    pub fn examples(&self) -> &[TopicExample] {
        &self.examples
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses() {
        let l = StanceGrammar::default();
        assert!(l.negators.contains("not"));
        assert!(!l.cues.is_empty());
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let e =
            StanceGrammar::from_toml("my.toml", "negators = [\"not\"]\nwords = 3\n").unwrap_err();
        let s = e.to_string();
        assert!(s.starts_with("my.toml:2:"), "{s}");
        let bad = EMBEDDED.replacen("patterns = [\"whether\"", "patterns = [\"whether *x\"", 1);
        assert_ne!(bad, EMBEDDED, "the test edits a scope pattern");
        let e = StanceGrammar::from_toml("c.toml", &bad).unwrap_err();
        let line = bad[..bad.find("whether *x").unwrap()].matches('\n').count() + 1;
        assert!(e.to_string().starts_with(&format!("c.toml:{line}:")), "{e}");
        assert!(e.to_string().contains("gap"), "{e}");
    }
}
