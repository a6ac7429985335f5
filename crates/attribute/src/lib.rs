//! Statement attribution: who says what, in which span of the original text.
//!
//! [`Attributor`] is a [`Stage`] that reads sentences, tokens and actor mentions and
//! writes [`Statement`]s: direct quotes (speaker before, after, or in a neighbouring
//! sentence; multi-sentence quotes), reported speech with reporting verbs (`said`,
//! `warned against`, `called for`, `pushed back against`, …), agent cues (`according
//! to X`, `backed by X`), participial continuations (`…, saying …`), and — in opinion
//! and analysis pieces — the author's own claims on a topic.
//!
//! Beyond single reporting verbs it handles: coordinated subjects ("Estonia, Latvia and
//! Lithuania said"; "Neither X nor Y wants"); inverted and appositive speakers after the
//! content ("…, the commander, Gen. Jan Roe, said"), whose content is then the clause
//! before them; colon and split quotes; "For X, …" frames; unnamed sources who only relay
//! ("officials familiar with the talks said Y had …" → Y; "according to two diplomats, Y
//! argued" → Y); outlets that quote (`relay` cues: "quoted by X"); spokespeople, who
//! speak for their institution; positions reported as nouns ("X backed Y's call to …",
//! "calls from Y to …" → Y too); comment clauses ("Poland, he stressed, is …" → his);
//! passives, conditional subordinators and prepositional lists, which give no speaker;
//! and references the actor finder left open (`coref`: "the minister", "the government",
//! "the paper", "its editorial", "they", "it said", "his answer").
//!
//! The speaker of a reporting verb is its grammatical subject, found by walking left
//! from the verb over what may stand between a subject and its verb (auxiliaries,
//! adverbs, time expressions, a comma- or dash-delimited parenthetical). Walking stops
//! at anything else, which keeps precision high: a mention that is not adjacent to the
//! verb in this sense is not taken as its speaker. Hypothetical clauses ("whether X
//! would support", "X could say") give no statement.
//!
//! # Example
//! ```
//! use stancemap_attribute::lexicon::CueLexicon;
//! let lex = CueLexicon::embedded();
//! assert!(lex.entries().iter().any(|e| e.forms.iter().any(|f| f == "according to")));
//! ```
#![deny(missing_docs)]

mod coref;
pub mod lexicon;
mod words;

use crate::words::{WORDS, Words};
use lexicon::{CueClass, CueLexicon};
use stancemap_core::{
    Actor, ActorId, ActorKind, Document, Error, Layer, MentionKind, SentenceKind, Span, Stage,
    Statement,
};
use std::sync::Arc;

/// The attribution stage. Build once, run on many documents.
#[derive(Clone)]
pub struct Attributor {
    lexicon: Arc<CueLexicon>,
    words: Arc<Words>,
}

impl Default for Attributor {
    fn default() -> Attributor {
        Attributor::new(CueLexicon::embedded())
    }
}

impl std::fmt::Debug for Attributor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Attributor")
            .field("cues", &self.lexicon.entries().len())
            .finish()
    }
}

impl Attributor {
    /// An attributor with a cue lexicon.
    pub fn new(lexicon: CueLexicon) -> Attributor {
        Attributor {
            lexicon: Arc::new(lexicon),
            words: Arc::clone(&WORDS),
        }
    }

    /// Replaces the embedded word classes (`data/words.toml`) with a file of the same
    /// keys.
    ///
    /// # Errors
    /// The file cannot be read, or a TOML or word error (named with line and column).
    pub fn words_file(
        &mut self,
        path: impl AsRef<std::path::Path>,
    ) -> Result<&mut Attributor, Error> {
        self.words = Arc::new(Words::from_path(path.as_ref())?);
        Ok(self)
    }

    /// The cue lexicon.
    pub fn lexicon(&self) -> &CueLexicon {
        &self.lexicon
    }
}

/// Opening quotation marks: a paragraph that starts with one after "…, she said:" is
/// her quotation.
const OPENING_QUOTES: [char; 4] = ['"', '\u{201c}', '\u{ab}', '\u{201e}'];

/// Strength of a cue class when one sentence has several cues for one speaker.
fn class_rank(c: Option<CueClass>) -> u8 {
    match c {
        Some(CueClass::Warning | CueClass::Opposition | CueClass::Demand) => 5,
        Some(CueClass::Support) => 4,
        Some(CueClass::Decision) => 3,
        Some(CueClass::Belief) => 2,
        Some(CueClass::Speech) => 1,
        Some(CueClass::Source | CueClass::Relay) | None => 0,
    }
}

#[derive(Clone, Debug)]
struct Draft {
    sentence: usize,
    actor: ActorId,
    mention: Option<usize>,
    span: Span,
    content: Span,
    quote: bool,
    cue: Option<(Span, CueClass)>,
    passive: bool,
    /// Token index where the clause of this statement starts (its subject).
    clause_start: usize,
}

struct Ctx<'a> {
    doc: &'a Document,
    /// The word classes of `data/words.toml`.
    w: &'a Words,
    /// Token index -> mention whose last token it is.
    end_at: Vec<Option<usize>>,
    /// Token index -> mention whose first token it is.
    start_at: Vec<Option<usize>>,
}

impl Ctx<'_> {
    fn norm(&self, t: usize) -> &str {
        self.doc.norm(t)
    }

    fn in_quote(&self, span: Span) -> bool {
        let quotes = &self.doc.quotes;
        let i = quotes.partition_point(|q| q.end <= span.start);
        i < quotes.len() && quotes[i].contains(span)
    }

    fn is_person(&self, m: usize) -> bool {
        let a = self.doc.mentions[m].actor;
        self.doc.actor(a).kind == ActorKind::Person
    }
}

/// Lower-case words a role may hold before a name ("former air force commander").
const ROLE_WORDS: usize = 4;

/// Words between a statement noun and its author: "X has issued a short written
/// statement urging …".
const STATEMENT_REACH: usize = 6;

/// The titled person a body or place mention qualifies: "NATO spokesperson Jane Roe",
/// "the alliance's deputy spokesperson, Jane Roe", "Russian Duma deputy Jane Roe". After
/// the mention come a possessive, lower-case role words (at least one) and an optional
/// comma, then a person mention; `None` when anything else intervenes.
fn person_behind(cx: &Ctx, m: usize, hi: usize) -> Option<usize> {
    if cx.is_person(m) {
        return None;
    }
    let end = cx.doc.mentions[m].span.end;
    let mut k = cx.doc.tokens.partition_point(|t| t.span.start < end);
    if k < hi && matches!(cx.norm(k), "'s" | "’s") {
        k += 1;
    }
    let mut role = 0;
    while k < hi && role <= ROLE_WORDS {
        if let Some(p) = cx.start_at[k] {
            return (role > 0 && cx.is_person(p)).then_some(p);
        }
        let norm = cx.norm(k);
        if norm == "," && role > 0 {
            k += 1;
            continue;
        }
        let lower = cx
            .doc
            .slice(cx.doc.tokens[k].span)
            .starts_with(char::is_lowercase);
        if !lower || !norm.chars().all(char::is_alphabetic) || cx.w.not_role.contains(norm) {
            return None;
        }
        role += 1;
        k += 1;
    }
    None
}

/// The subject that opens a sentence after a title ("Danish envoy Lars Holm went further,
/// saying …"): the last mention that starts among the first words of the sentence and
/// before its first comma, with only words before it.
fn opening_subject(cx: &Ctx, lo: usize, cue: usize) -> Option<usize> {
    const TITLE_WORDS: usize = 5;
    let comma = (lo..cue).find(|&k| cx.norm(k) == ",")?;
    let comma_at = cx.doc.tokens[comma].span.start;
    (lo..comma.min(lo + TITLE_WORDS))
        .filter_map(|k| cx.start_at[k])
        .rfind(|&m| cx.doc.mentions[m].span.end <= comma_at)
}

/// Whether the speaker's words go on after a post-posed cue ending at `cue_end`: a
/// comma and a participle ("…, X said, arguing for …": the speaker's own adjunct, not
/// another's words) or a semicolon ("…, X said; each case will be assessed").
fn continues_after(cx: &Ctx, cue_end: usize, hi: usize) -> bool {
    cue_end + 1 < hi
        && (cx.norm(cue_end) == ";"
            || (cx.norm(cue_end) == ","
                && cx.norm(cue_end + 1).len() > 5
                && cx.norm(cue_end + 1).ends_with("ing")))
}

/// An auxiliary with an optional negation and "too"/"either" that ends the clause at
/// `k`: "… do not.", "… will too;", "… doesn't either".
fn elliptic_predicate(cx: &Ctx, k: usize, hi: usize) -> bool {
    if k >= hi || !cx.w.auxiliaries.contains(cx.norm(k)) {
        return false;
    }
    let mut j = k + 1;
    if j < hi && matches!(cx.norm(j), "not" | "n't") {
        j += 1;
    }
    if j < hi && matches!(cx.norm(j), "too" | "either") {
        j += 1;
    }
    j >= hi || matches!(cx.norm(j), "." | ";" | "!")
}

/// Whether the clause at token `k` completes a position noun: "rejected X's assertion
/// that Poland was ready to …" (part of what is rejected, not a clause of its own).
fn noun_complement(cx: &Ctx, k: usize) -> bool {
    k >= 2 && cx.norm(k - 1) == "that" && cx.w.position_nouns.contains(cx.norm(k - 2))
}

/// Whether tokens `from..to` are only mentions joined by "and", "," or "the": the
/// coordinated subjects of one clause ("Hungary and Slovakia").
fn coordinated_run(cx: &Ctx, from: usize, to: usize) -> bool {
    let mut k = from;
    while k < to {
        if let Some(m) = cx.start_at[k] {
            let end = cx.doc.mentions[m].span.end;
            k = cx.doc.tokens.partition_point(|t| t.span.start < end);
        } else if matches!(cx.norm(k), "and" | "," | "the") {
            k += 1;
        } else {
            return false;
        }
    }
    k == to
}

/// The mention `m` and the other mentions with exactly its span.
fn same_span(doc: &Document, m: usize) -> Vec<usize> {
    let span = doc.mentions[m].span;
    let from = doc.mentions.partition_point(|x| x.span.start < span.start);
    let mut out: Vec<usize> = (from..doc.mentions.len())
        .take_while(|&i| doc.mentions[i].span.start == span.start)
        .filter(|&i| doc.mentions[i].span == span)
        .collect();
    if !out.contains(&m) {
        out.push(m);
    }
    out
}

/// After an inverted speaker ("…,” said X), only the end of the clause or an adjunct may
/// follow: in "said NATO “should …”" NATO is the subject of the reported clause.
fn ends_clause(cx: &Ctx, m: usize, hi: usize) -> bool {
    let end = cx.doc.mentions[m].span.end;
    let k = cx.doc.tokens.partition_point(|t| t.span.start < end);
    if k >= hi {
        return true;
    }
    let n = cx.norm(k);
    if n.chars().any(|c| "\"“”‘’'«»".contains(c)) {
        return false;
    }
    !n.chars().any(char::is_alphanumeric) || cx.w.after_speaker.contains(n)
}

/// "…, whatever the ministry's spokesmen like to say": a reporting verb inside a
/// concessive free relative (whatever / whoever, in the same clause) reports nothing.
fn free_relative(norms: &[&str], i: usize) -> bool {
    (i.saturating_sub(6)..i)
        .rev()
        .take_while(|&j| !matches!(norms[j], "," | ";" | ":" | "." | "(" | "—" | "–" | "-"))
        .any(|j| matches!(norms[j], "whatever" | "whoever"))
}

fn is_adverb(w: &Words, t: &str) -> bool {
    t.len() > 4 && t.ends_with("ly") && !w.ly_not_adverb.contains(t)
}

fn is_dash(t: &str) -> bool {
    t == "-" || t == "--"
}

impl Attributor {
    /// The subject of the cue starting at token `cue` in sentence tokens `lo..`.
    fn subject_before(&self, cx: &Ctx, lo: usize, cue: usize, participle: bool) -> Option<usize> {
        let mut j = cue;
        while j > lo {
            j -= 1;
            let t = cx.norm(j);
            if let Some(m) = cx.end_at[j] {
                let first = cx
                    .doc
                    .tokens
                    .partition_point(|tk| tk.span.start < cx.doc.mentions[m].span.start);
                if first > lo {
                    let before = cx.norm(first - 1);
                    if cx.w.prepositions.contains(before) && !(participle && before == "with") {
                        // "a spokesperson for the defence ministry said": the
                        // institution speaks through its unnamed spokesperson
                        let spokes = matches!(before, "for" | "of" | "at")
                            && first > lo + 1
                            && cx.w.spokes.contains(cx.norm(first - 2))
                            && !cx.is_person(m);
                        // "67 percent of Poles support …": a poll's share of the group
                        let share = before == "of"
                            && first > lo + 1
                            && cx.w.shares.contains(cx.norm(first - 2));
                        return (spokes || share).then_some(m);
                    }
                    // "once America has decided", "unless Rome agrees": no statement
                    if cx.w.subordinators.contains(before) {
                        return None;
                    }
                }
                return Some(m);
            }
            if cx.w.hypothetical.contains(t) {
                return None;
            }
            // "a German government spokesperson said": the institution speaks
            if cx.w.spokes.contains(t)
                && j > lo
                && let Some(m) = cx.end_at[j - 1]
                && !cx.is_person(m)
            {
                return Some(m);
            }
            // a catenative verb: "X likes to say", "X prefers to argue", "X went on to say"
            // "X has issued a short statement urging …": the statement's author, the
            // subject a few words before it
            if participle && j + 1 == cue && cx.w.statement_nouns.contains(t) {
                return (lo..j)
                    .rev()
                    .take(STATEMENT_REACH)
                    .take_while(|&k| cx.doc.tokens[k].kind == stancemap_core::TokenKind::Word)
                    .find_map(|k| cx.end_at[k]);
            }
            if t == "to" && j > lo && cx.w.catenative.contains(cx.norm(j - 1)) {
                j -= 1;
                continue;
            }
            if cx.w.between.contains(t)
                || is_adverb(cx.w, t)
                || t.chars().all(|c| c.is_ascii_digit())
            {
                continue;
            }
            if t == "'s" && j + 1 < cue && cx.w.statement_nouns.contains(cx.norm(j + 1)) {
                continue;
            }
            if cx.w.statement_nouns.contains(t) && j > lo && cx.norm(j - 1) == "'s" {
                continue;
            }
            if t == "," || is_dash(t) || t == ")" {
                let open = if t == ")" { "(" } else { t };
                // A parenthetical: skip to its opening delimiter, unless it is exactly an
                // appositive name ("the envoy, Jane Roe, said").
                let k = (lo..j).rev().find(|&k| cx.norm(k) == open)?;
                if j - k > 40 {
                    return None;
                }
                if k + 1 < j
                    && let (Some(a), Some(b)) = (cx.start_at[k + 1], cx.end_at[j - 1])
                    && a == b
                    && cx.is_person(a)
                {
                    return Some(a);
                }
                // a titled appositive name: "the commander of the air force, Gen. Jan Roe,"
                if k + 1 < j
                    && let Some(b) = cx.end_at[j - 1]
                    && cx.is_person(b)
                {
                    let first = cx
                        .doc
                        .tokens
                        .partition_point(|tk| tk.span.start < cx.doc.mentions[b].span.start);
                    let titled = first > k
                        && (k + 1..first).all(|x| {
                            let raw = cx.doc.slice(cx.doc.tokens[x].span);
                            raw.chars().next().is_some_and(char::is_uppercase) || raw == "."
                        });
                    if titled {
                        return Some(b);
                    }
                }
                // A comment clause ("Poland, he stressed, is not asking …") has its own
                // speaker: the claim is theirs, not the subject's.
                if self.has_speech_cue(cx, k + 1, j) {
                    return None;
                }
                j = k;
                continue;
            }
            return None;
        }
        None
    }

    /// The mention `m` (a subject) with any other reading of its span ("they" for several
    /// actors) and the mentions coordinated before it ("Estonia, Latvia and Lithuania
    /// said"). A coordinated mention governed by a preposition ends the list.
    fn coordinated(&self, cx: &Ctx, lo: usize, m: usize) -> Vec<usize> {
        let doc = cx.doc;
        let mut out = same_span(doc, m);
        let mut more = Vec::new();
        let mut first = doc
            .tokens
            .partition_point(|t| t.span.start < doc.mentions[m].span.start);
        let mut saw_and = false;
        let mut comma_first = None;
        loop {
            let mut k = first;
            while k > lo && matches!(cx.norm(k - 1), "and" | "," | "the" | "nor" | "or") {
                saw_and |= matches!(cx.norm(k - 1), "and" | "nor" | "or");
                k -= 1;
            }
            let comma_first = *comma_first.get_or_insert(!saw_and && k < first);
            if k == first || k == lo {
                break;
            }
            let Some(m2) = cx.end_at[k - 1] else {
                // a name the finder does not know inside the list ("in Oskarby, Vienna
                // and Madrid"): a preposition before it still governs the whole list
                let cap = |x: usize| {
                    doc.slice(doc.tokens[x].span)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                };
                let mut f = k - 1;
                while f > lo && cap(f) && cx.end_at[f - 1].is_none() && cap(f - 1) {
                    f -= 1;
                }
                // a date ends an introductory phrase: "in Brussels on Tuesday, A and B
                // argued" keeps its subjects
                if saw_and
                    && f > lo
                    && cap(f)
                    && !cx.w.time_names.contains(cx.norm(k - 1))
                    && cx.w.prepositions.contains(cx.norm(f - 1))
                {
                    return if comma_first {
                        same_span(doc, m)
                    } else {
                        Vec::new()
                    };
                }
                break;
            };
            let f2 = doc
                .tokens
                .partition_point(|t| t.span.start < doc.mentions[m2].span.start);
            // the first of the list opens the clause: "Estonia, Latvia and Lithuania
            // said", not "According to two diplomats, Greece and Cyprus argued"
            if f2 > lo
                && !matches!(
                    cx.norm(f2 - 1),
                    "," | "and" | "the" | "both" | "but" | "while" | ";" | "neither" | "either"
                )
            {
                // "Many in Prague, Rome and Madrid agree": the list is governed by a
                // preposition, none of it is the subject
                // ("In talks with Estonia and Latvia, Lithuania said": a comma before the
                // subject ends the phrase, and the subject stands)
                if saw_and && cx.w.prepositions.contains(cx.norm(f2 - 1)) {
                    return if comma_first {
                        same_span(doc, m)
                    } else {
                        Vec::new()
                    };
                }
                break;
            }
            more.push(m2);
            first = f2;
        }
        if saw_and {
            for m2 in more {
                out.extend(same_span(doc, m2));
            }
        }
        out
    }

    /// The subjects opening a reported clause at token `k` ("said (that) Italy and Spain
    /// had …"), with their coordination.
    fn content_subjects(&self, cx: &Ctx, k: usize, hi: usize) -> Vec<usize> {
        let doc = cx.doc;
        // "said last week that X …": a short adverbial before the complementiser
        let mut k = (k..hi.min(k + 5))
            .find(|&j| cx.norm(j) == "that" && (k..j).all(|i| cx.start_at[i].is_none()))
            .unwrap_or(k);
        while k < hi && matches!(cx.norm(k), "that" | ",") {
            k += 1;
        }
        let mut out = Vec::new();
        while k < hi {
            let Some(m) = cx.start_at[k].or_else(|| {
                (cx.norm(k) == "the" && k + 1 < hi)
                    .then(|| cx.start_at[k + 1])
                    .flatten()
            }) else {
                break;
            };
            out.extend(same_span(doc, m));
            let end = doc.mentions[m].span.end;
            k = doc.tokens.partition_point(|t| t.span.start < end);
            if k < hi && matches!(cx.norm(k), "and" | ",") {
                k += 1;
            } else {
                break;
            }
        }
        out
    }

    /// An unnamed source ("officials familiar with the talks", "a senior diplomat"):
    /// the clause before the cue has a relay noun and names no person.
    fn relay_subject(&self, cx: &Ctx, lo: usize, t: usize) -> bool {
        (lo..t).any(|k| cx.w.relay.contains(cx.norm(k)))
            && !(lo..t).any(|k| {
                cx.start_at[k].is_some_and(|m| {
                    cx.is_person(m)
                        && matches!(
                            cx.doc.mentions[m].kind,
                            MentionKind::Name | MentionKind::Partial
                        )
                })
            })
    }

    /// Whether only adjuncts follow the cue at `norms[i]` ("said.", "said on Friday",
    /// "said in a statement", "told parliament"), so that what was said stands before it.
    fn nothing_reported_after(
        &self,
        cx: &Ctx,
        i: usize,
        norms: &[&str],
        cue_end: usize,
        hi: usize,
    ) -> bool {
        let mut words =
            (cue_end..hi).filter(|&k| cx.doc.tokens[k].kind == stancemap_core::TokenKind::Word);
        let Some(first) = words.next() else {
            return true;
        };

        // "said yesterday that …", "said in a statement that …": the adjunct is followed by
        // what was said
        if (cue_end..hi.min(cue_end + 8)).any(|k| cx.norm(k) == "that") {
            return false;
        }
        // "said simply: 'No.'": a colon right after the verb or an adverb hands over
        // what follows
        if (cue_end..hi.min(cue_end + 3)).any(|k| cx.norm(k) == ":") {
            return false;
        }
        let telling = matches!(norms[i], "told" | "tells" | "tell");
        continues_after(cx, cue_end, hi)
            || (telling && words.count() <= 2)
            || cx.w.after_verb.contains(cx.norm(first))
    }

    /// Whether tokens `a..b` hold a speech or belief cue ("he said", "she believes").
    fn has_speech_cue(&self, cx: &Ctx, a: usize, b: usize) -> bool {
        if b <= a || b - a > 8 {
            return false;
        }
        let mut norms = [""; 8];
        for (n, k) in (a..b).enumerate() {
            norms[n] = cx.norm(k);
        }
        let norms = &norms[..b - a];
        (0..norms.len()).any(|i| {
            self.lexicon.match_at(norms, i).is_some_and(|m| {
                matches!(
                    self.lexicon.entries()[m.entry].class,
                    CueClass::Speech | CueClass::Belief
                )
            })
        })
    }

    /// The speaker after an inverted cue (`…,” said X`).
    ///
    /// Titles and modifiers may stand before the name ("said Estonian Foreign Minister
    /// Jane Roe", "notes Professor Jan Roe"): up to six capitalised words, articles or
    /// possessives are skipped.
    fn subject_after(&self, cx: &Ctx, k: usize, hi: usize) -> Option<usize> {
        let mut k = k;
        let limit = (k + 9).min(hi);
        let mut common = 0;
        while k < limit {
            if let Some(m) = cx.start_at[k] {
                return Some(person_behind(cx, m, hi).unwrap_or(m));
            }
            let raw = cx.doc.slice(cx.doc.tokens[k].span);
            let norm = cx.norm(k);
            let titleish = raw.chars().next().is_some_and(char::is_uppercase)
                || matches!(norm, "the" | "a" | "an" | "'s" | "." | "-" | "of" | ",");
            // lower-case role words: "noted opposition MP Jan Roe", "said air force chief …"
            let role_word = !titleish
                && common < ROLE_WORDS
                && norm.chars().all(char::is_alphabetic)
                && !cx.w.not_role.contains(norm);
            if !titleish && !role_word {
                return None;
            }
            common += usize::from(role_word);
            k += 1;
        }
        None
    }

    /// Agents after a passive cue: "backed by X and Y", "according to a report by X".
    fn agents_after(&self, cx: &Ctx, k: usize, hi: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut k = k;
        let mut lead = 0;
        while k < hi && cx.start_at[k].is_none() && cx.w.agent_lead.contains(cx.norm(k)) && lead < 6
        {
            k += 1;
            lead += 1;
        }
        while k < hi {
            // "according to Estonian Prime Minister Jane Roe": titles before the name
            let Some(m) = cx.start_at[k]
                .map(|m| person_behind(cx, m, hi).unwrap_or(m))
                .or_else(|| {
                    if out.is_empty() {
                        self.subject_after(cx, k, hi)
                    } else {
                        None
                    }
                })
            else {
                break;
            };
            out.push(m);
            let end = cx.doc.mentions[m].span.end;
            k = cx.doc.tokens.partition_point(|t| t.span.start < end);
            // coordination: "X and (now) (the) Y", "X, Y"
            let mut n = k;
            let mut saw_conj = false;
            while n < hi
                && !(saw_conj && cx.start_at[n].is_some())
                && matches!(
                    cx.norm(n),
                    "and" | "," | "now" | "also" | "the" | "then" | "as" | "well"
                )
            {
                saw_conj |= cx.norm(n) == "and";
                n += 1;
            }
            if !saw_conj || n >= hi || cx.start_at[n].is_none() {
                break;
            }
            k = n;
        }
        out
    }

    /// A speaker label opening a paragraph, as in transcripts, interviews and live blogs:
    /// "Mr Tom Roe (Con): …", "The Minister (Ms Ana Roe): …", "Jane Roe: …". Returns the
    /// speaker mention and the token index of the colon. The label must be made of
    /// capitalised words, brackets and a few function words, so that a clause ending in a
    /// colon ("Stakeholders include: …") is no label.
    fn speaker_label(&self, cx: &Ctx, lo: usize, hi: usize) -> Option<(usize, usize)> {
        let mut speaker = None;
        for t in lo..hi.min(lo + 24) {
            let norm = cx.norm(t);
            if norm == ":" {
                return speaker.map(|m| (m, t));
            }
            if let Some(m) = cx.start_at[t] {
                // a place after a comma is a dateline, not the speaker ("Daily Post, Oslo:")
                let place = t > lo
                    && cx.norm(t - 1) == ","
                    && cx.doc.mentions[m].kind == MentionKind::Metonym;
                if place {
                    continue;
                }
                // the first person named in the label wins ("The Minister (Ms Ana Roe)")
                let person = cx.is_person(m);
                if speaker.is_none_or(|s| person && !cx.is_person(s)) {
                    speaker = Some(m);
                }
                continue;
            }
            let raw = cx.doc.slice(cx.doc.tokens[t].span);
            let labelish = raw
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || matches!(
                    norm,
                    "(" | ")"
                        | ","
                        | "."
                        | "-"
                        | "'s"
                        | "of"
                        | "for"
                        | "the"
                        | "and"
                        | "on"
                        | "in"
                        | "to"
                );
            if !labelish {
                return None;
            }
        }
        None
    }

    /// "For X, …" / "To X, …" opening a sentence: the rest of it is X's view ("For the
    /// Irish minister, Ana Roe, a blockade is out of the question").
    fn for_frame(&self, cx: &Ctx, si: usize) -> Option<Draft> {
        let doc = cx.doc;
        let sent = &doc.sentences[si];
        let (lo, hi) = (sent.tokens.start, sent.tokens.end);
        // "In her view, …": the possessive names the holder (resolved by coref)
        let viewpoint = cx.norm(lo) == "in"
            && hi > lo + 3
            && matches!(cx.norm(lo + 1), "his" | "her" | "their")
            && matches!(
                cx.norm(lo + 2),
                "view" | "opinion" | "judgement" | "judgment" | "estimation" | "mind"
            );
        if hi < lo + 4 || !(viewpoint || matches!(cx.norm(lo), "for" | "to")) {
            return None;
        }
        let after = |m: usize| {
            let end = doc.mentions[m].span.end;
            doc.tokens.partition_point(|t| t.span.start < end)
        };
        // "For Poland", "For the minister", "For retired general Jan Roe": a title run
        // before the holder, which must then be a person
        let mut m = self.subject_after(cx, lo + 1, hi)?;
        let first = doc
            .tokens
            .partition_point(|t| t.span.start < doc.mentions[m].span.start);
        let titled = first > lo + 1 && !(first == lo + 2 && cx.norm(lo + 1) == "the");
        if titled && (!cx.is_person(m) || (lo + 1..first).any(|k| cx.norm(k) == ",")) {
            return None;
        }
        let mut e = after(m);
        // an appositive name: "For Latvia's envoy, Ilze Roe, …"
        if e + 1 < hi
            && cx.norm(e) == ","
            && let Some(m2) = cx.start_at[e + 1]
            && cx.is_person(m2)
            && after(m2) < hi
            && cx.norm(after(m2)) == ","
        {
            m = m2;
            e = after(m2);
        }
        if e + 1 >= hi || cx.norm(e) != "," {
            return None;
        }
        Some(Draft {
            sentence: si,
            actor: doc.mentions[m].actor,
            mention: Some(m),
            span: sent.span,
            content: Span::new(doc.tokens[e + 1].span.start, sent.span.end),
            quote: false,
            cue: Some((doc.tokens[lo].span, CueClass::Belief)),
            passive: false,
            clause_start: lo,
        })
    }

    /// "Senator X, who …, has toured the talk shows with a simple message: bring back
    /// …": a speech noun before a colon hands what follows to the sentence's subject.
    fn message_colon(&self, cx: &Ctx, si: usize) -> Option<Draft> {
        let doc = cx.doc;
        let sent = &doc.sentences[si];
        let (lo, hi) = (sent.tokens.start, sent.tokens.end);
        let colon = (lo + 2..hi.saturating_sub(2)).find(|&k| {
            cx.norm(k) == ":"
                && cx.w.message_nouns.contains(cx.norm(k - 1))
                && (k.saturating_sub(3).max(lo)..k - 1).any(|j| {
                    matches!(
                        cx.norm(j),
                        "a" | "an" | "the" | "one" | "his" | "her" | "their"
                    )
                })
        })?;
        let m = cx.start_at[lo].or_else(|| opening_subject(cx, lo, colon))?;
        Some(Draft {
            sentence: si,
            actor: doc.mentions[m].actor,
            mention: Some(m),
            span: sent.span,
            content: Span::new(doc.tokens[colon].span.end, sent.span.end),
            quote: false,
            cue: Some((doc.tokens[colon - 1].span, CueClass::Speech)),
            passive: false,
            clause_start: lo,
        })
    }

    /// A position reported as a noun: "X's call to …", "a Polish proposal to …", "calls
    /// from X and Y to …", "X's assertion that …". The holder states the position too
    /// (whoever reports, backs or rejects it). With a topic test, only positions on a
    /// topic count, so that "Russia's decision to …" on another matter makes no actor.
    fn position_holders(&self, cx: &Ctx, si: usize, drafts: &mut Vec<Draft>) {
        let doc = cx.doc;
        let sent = &doc.sentences[si];
        let (lo, hi) = (sent.tokens.start, sent.tokens.end);
        for t in lo + 1..hi {
            if !cx.w.position_nouns.contains(cx.norm(t)) || cx.in_quote(doc.tokens[t].span) {
                continue;
            }
            let mut holders = Vec::new();
            let mut comp = t + 1;
            // "X's (new) call", "a Polish call"
            let mut p = t - 1;
            if p > lo && cx.end_at[p].is_none() && cx.norm(p) != "'s" && cx.norm(p - 1) == "'s" {
                p -= 1; // one modifier: "X's renewed call"
            }
            if cx.norm(p) == "'s" && p > lo {
                if let Some(m) = cx.end_at[p - 1] {
                    holders.extend(same_span(doc, m));
                }
            } else if let Some(m) = cx.end_at[t - 1]
                && doc.mentions[m].kind == MentionKind::Metonym
            {
                holders.extend(same_span(doc, m));
            }
            // "calls from X and Y to …", "a proposal by X to …"
            if holders.is_empty() && t + 2 < hi && matches!(cx.norm(t + 1), "from" | "by") {
                let subj = self.content_subjects(cx, t + 2, hi);
                if let Some(&last) = subj.last() {
                    let end = doc.mentions[last].span.end;
                    comp = doc.tokens.partition_point(|tk| tk.span.start < end);
                    holders = subj;
                }
            }
            if holders.is_empty() || comp >= hi || !matches!(cx.norm(comp), "to" | "for" | "that") {
                continue;
            }
            let content = Span::new(doc.tokens[t].span.start, sent.span.end);
            if !doc.is_topical(content) {
                continue;
            }
            for m in holders {
                let ms = doc.mentions[m].span.start;
                // passive: the holder is not the subject of the sentence's clause, so its
                // statement neither cuts the others' content nor owns their quotes
                drafts.push(Draft {
                    sentence: si,
                    actor: doc.mentions[m].actor,
                    mention: Some(m),
                    span: sent.span,
                    content,
                    quote: false,
                    cue: Some((doc.tokens[t].span, CueClass::Speech)),
                    passive: true,
                    clause_start: doc.tokens.partition_point(|tk| tk.span.start < ms),
                });
            }
        }
    }

    /// An elliptical clause after a semicolon or a contrast: "A wants the drones shot
    /// down; B and C do not." Its subjects hold (or deny) the position of the clause
    /// before; the statement is the whole sentence, and the stance stage reads the
    /// ellipsis. Only where the sentence is about a topic.
    fn elliptic_holders(&self, cx: &Ctx, si: usize, drafts: &mut Vec<Draft>) {
        let doc = cx.doc;
        let sent = &doc.sentences[si];
        let (lo, hi) = (sent.tokens.start, sent.tokens.end);
        for k in lo + 1..hi {
            let start = match cx.norm(k) {
                ";" => k + 1,
                "," if k + 1 < hi && matches!(cx.norm(k + 1), "but" | "while" | "whereas") => k + 2,
                _ => continue,
            };
            let subjects = self.content_subjects(cx, start, hi);
            let Some(&last) = subjects.last() else {
                continue;
            };
            let end = doc.mentions[last].span.end;
            let after = doc.tokens.partition_point(|tk| tk.span.start < end);
            if !elliptic_predicate(cx, after, hi)
                || !doc.is_topical(Span::new(sent.span.start, doc.tokens[k].span.start))
            {
                continue;
            }
            for m in subjects {
                let actor = doc.mentions[m].actor;
                if drafts.iter().any(|d| d.sentence == si && d.actor == actor) {
                    continue;
                }
                drafts.push(Draft {
                    sentence: si,
                    actor,
                    mention: Some(m),
                    span: sent.span,
                    content: sent.span,
                    quote: false,
                    cue: None,
                    passive: false,
                    clause_start: start,
                });
            }
        }
    }

    fn find_drafts(&self, cx: &Ctx) -> Vec<Draft> {
        let doc = cx.doc;
        let mut drafts: Vec<Draft> = Vec::new();
        // "…, she said:" closing a paragraph: the quotation that opens the next
        // paragraph is hers (the draft to copy, and that paragraph).
        let mut carry: Option<(Draft, usize)> = None;
        for (si, sent) in doc.sentences.iter().enumerate() {
            // Headlines and section headings are titles, not attributed claims.
            if sent.kind == SentenceKind::Heading {
                continue;
            }
            match carry.take() {
                Some((d, para))
                    if para == sent.paragraph
                        && (cx.in_quote(doc.tokens[sent.tokens.start].span)
                            || doc.slice(sent.span).starts_with(OPENING_QUOTES)) =>
                {
                    drafts.push(Draft {
                        sentence: si,
                        span: sent.span,
                        content: sent.span,
                        quote: true,
                        clause_start: sent.tokens.start,
                        ..d.clone()
                    });
                    carry = Some((d, para));
                    continue;
                }
                _ => {}
            }
            let (lo, hi) = (sent.tokens.start, sent.tokens.end);
            let norms: Vec<&str> = (lo..hi).map(|t| cx.norm(t)).collect();
            let first_draft = drafts.len();
            let para_start = si == 0 || doc.sentences[si - 1].paragraph != sent.paragraph;
            if para_start && let Some((m, colon)) = self.speaker_label(cx, lo, hi) {
                let cue = doc.tokens[colon].span;
                let mut s2 = si;
                while s2 < doc.sentences.len() && doc.sentences[s2].paragraph == sent.paragraph {
                    let span = doc.sentences[s2].span;
                    let content = if s2 == si {
                        Span::new(cue.end, span.end)
                    } else {
                        span
                    };
                    drafts.push(Draft {
                        sentence: s2,
                        actor: doc.mentions[m].actor,
                        mention: Some(m),
                        span,
                        content,
                        quote: false,
                        cue: Some((cue, CueClass::Speech)),
                        passive: false,
                        clause_start: doc.sentences[s2].tokens.start,
                    });
                    s2 += 1;
                }
                continue;
            }
            if let Some(d) = self.for_frame(cx, si) {
                drafts.push(d);
            }
            let mut i = 0;
            while i < norms.len() {
                let t = lo + i;
                if cx.in_quote(doc.tokens[t].span) {
                    i += 1;
                    continue;
                }
                let Some(m) = self.lexicon.match_at(&norms, i) else {
                    i += 1;
                    continue;
                };
                let entry = &self.lexicon.entries()[m.entry];
                let cue_end = t + m.len;
                // a passive ("leaders are expected to", "she was told"): the subject is
                // not the speaker
                let passive_voice = m.len == 1
                    && !entry.passive
                    && i > 0
                    && cx.w.be.contains(norms[i - 1])
                    && (norms[i].ends_with("ed") || cx.w.irregular_participles.contains(norms[i]));
                if passive_voice || free_relative(&norms, i) {
                    i += 1;
                    continue;
                }
                let cue_span = doc.tokens[t].span.cover(doc.tokens[cue_end - 1].span);
                let mut speakers: Vec<(usize, usize)> = Vec::new(); // (mention, clause start token)
                let prev_in_sentence = drafts[first_draft..].last().cloned();
                if entry.passive {
                    for m in self.agents_after(cx, cue_end, hi) {
                        speakers.push((m, t));
                    }
                } else {
                    let participle = norms[i].ends_with("ing");
                    let after_comma = i > 0 && (norms[i - 1] == "," || norms[i - 1] == ":");
                    let after_and = i > 0 && norms[i - 1] == "and";
                    let prev = prev_in_sentence
                        .as_ref()
                        .filter(|p| !p.passive && p.mention.is_some());
                    if participle && after_comma {
                        // "…, saying …" continues the clause's subject: the previous
                        // speaker of the sentence, or a mention opening the sentence.
                        if let Some(p) = prev {
                            speakers.push((p.mention.unwrap_or_default(), p.clause_start));
                        } else if let Some(m) = cx.start_at[lo]
                            .or_else(|| {
                                (hi > lo + 1 && norms[0] == "the")
                                    .then(|| cx.start_at[lo + 1])
                                    .flatten()
                            })
                            .or_else(|| opening_subject(cx, lo, t))
                        {
                            speakers.push((m, lo));
                        }
                    } else if let (true, Some(p)) = (after_and, prev) {
                        speakers.push((p.mention.unwrap_or_default(), p.clause_start));
                    } else if let Some(m) = self.subject_before(cx, lo, t, participle) {
                        let subjects = self.coordinated(cx, lo, m); // empty: in a PP
                        let ms = subjects
                            .iter()
                            .map(|&x| doc.mentions[x].span.start)
                            .min()
                            .unwrap_or(doc.mentions[m].span.start);
                        let cs = doc.tokens.partition_point(|tk| tk.span.start < ms);
                        speakers.extend(subjects.into_iter().map(|x| (x, cs)));
                    } else if entry.inverted {
                        let inverted_ctx = i == 0
                            || matches!(norms[i - 1], "," | "\"" | "'" | ":")
                            || cx.in_quote(doc.tokens[t - 1].span);
                        if inverted_ctx
                            && let Some(m) = self.subject_after(cx, cue_end, hi)
                            && ends_clause(cx, m, hi)
                        {
                            speakers.push((m, lo));
                        }
                    }
                    // A head of government or minister stating, before the reporting
                    // clause, what their state will do: the state's position too
                    // ("Norway will not hesitate to …, Prime Minister Ola Berg said")
                    if matches!(entry.class, CueClass::Speech)
                        && let [(m, official_clause)] = speakers[..]
                        && let Some(comma) = (lo..t).find(|&k| cx.norm(k) == ",")
                        && doc.mentions[m].span.start > doc.tokens[comma].span.start
                    {
                        let speaker = doc.actor(doc.mentions[m].actor);
                        // a named official, not "Greece, he stressed, is …"
                        let official = doc.mentions[m].kind != MentionKind::Pronoun
                            && speaker.kind == ActorKind::Person
                            && speaker.role.as_deref().is_some_and(|r| {
                                let r = r.to_lowercase();
                                cx.w.government_roles.iter().any(|w| r.contains(w))
                            });
                        if official {
                            for x in self.content_subjects(cx, lo, t) {
                                let state = doc.actor(doc.mentions[x].actor);
                                // a subject with its predicate, not "Norway's minister, X,"
                                let end = doc.mentions[x].span.end;
                                let after = doc.tokens.partition_point(|tk| tk.span.start < end);
                                let predicate = comma > after + 1 && cx.norm(after) != "'s";
                                if predicate
                                    && state.kind == ActorKind::State
                                    && (speaker.country.is_none()
                                        || speaker.country == state.country)
                                {
                                    // the official's clause, so that the content is the
                                    // clause before the reporting one
                                    speakers.push((x, official_clause));
                                }
                            }
                        }
                    }
                    // A spokesperson reporting what their state or body will do: the
                    // body's position too ("spokesperson Ana Roe said Slovakia would not …")
                    if matches!(entry.class, CueClass::Speech)
                        && !speakers.is_empty()
                        && (t.saturating_sub(4)..t)
                            .any(|k| k >= lo && cx.w.spokes.contains(cx.norm(k)))
                    {
                        for x in self.content_subjects(cx, cue_end, hi) {
                            if !cx.is_person(x) {
                                let ms = doc.mentions[x].span.start;
                                let cs = doc.tokens.partition_point(|tk| tk.span.start < ms);
                                speakers.push((x, cs));
                            }
                        }
                    }
                    // An unnamed source relays: the position is the reported clause's
                    // subject's ("officials familiar with the talks said Italy had …",
                    // "…, diplomats say").
                    if matches!(entry.class, CueClass::Speech | CueClass::Belief) {
                        let inverted_relay = speakers.len() == 1
                            && doc.mentions[speakers[0].0].span.start >= cue_span.end
                            && doc
                                .slice(doc.mentions[speakers[0].0].span)
                                .split_whitespace()
                                .last()
                                .is_some_and(|w| cx.w.relay.contains(w.to_lowercase().as_str()));
                        if inverted_relay {
                            let subj = self.content_subjects(cx, lo, t);
                            if !subj.is_empty() {
                                speakers = subj.into_iter().map(|x| (x, lo)).collect();
                            }
                        } else if speakers.iter().all(|&(m, _)| {
                            doc.slice(doc.mentions[m].span)
                                .split_whitespace()
                                .any(|w| cx.w.relay.contains(w.to_lowercase().as_str()))
                        }) && self.relay_subject(cx, lo, t)
                        {
                            let subj = self.content_subjects(cx, cue_end, hi);
                            if !subj.is_empty() {
                                let ms = doc.mentions[subj[0]].span.start;
                                let cs = doc.tokens.partition_point(|tk| tk.span.start < ms);
                                speakers = subj.into_iter().map(|x| (x, cs)).collect();
                            } else if drafts.len() > first_draft {
                                // "Neither X nor Y wants …, diplomats said": X and Y speak
                                speakers.clear();
                            }
                        }
                    }
                }
                for (m, clause_start) in speakers {
                    let content = if entry.passive {
                        // "according to X, …" at the start: content follows the agent.
                        let before_start = prev_in_sentence
                            .as_ref()
                            .map(|p| doc.tokens[p.clause_start].span.start)
                            .unwrap_or(sent.span.start);
                        if t == lo || doc.tokens[t].span.start <= before_start {
                            let me = doc.mentions[m].span.end;
                            Span::new(me.min(sent.span.end), sent.span.end)
                        } else {
                            Span::new(before_start, doc.tokens[t].span.start)
                        }
                    } else if entry.inverted
                        && clause_start == lo
                        && !cx.start_at[cue_end..hi.max(cue_end)].is_empty()
                        && doc.mentions[m].span.start >= cue_span.end
                    {
                        sent.span
                    } else if let Some(c) = (lo..clause_start)
                        .filter(|&c| {
                            if cx.norm(c) != "," || t - c > 16 {
                                return false;
                            }
                            // the comma that opens the speaker's noun phrase, not one
                            // that closes a fronted clause ("If they come back, we will
                            // …, X said") or a coordinated verb phrase (", and bring them
                            // down, X said")
                            let lower = |k: usize| {
                                cx.doc
                                    .slice(cx.doc.tokens[k].span)
                                    .starts_with(char::is_lowercase)
                            };
                            let coordination = (c + 1..t.saturating_sub(1)).any(|k| {
                                matches!(cx.norm(k), "and" | "or" | "but") && lower(k + 1)
                            });
                            !coordination
                                && (c + 1..t).all(|k| !cx.w.clause_words.contains(cx.norm(k)))
                        })
                        // of several such commas, the first that opens a noun phrase
                        // ("…, the chair of X, Jan Roe, said"), else the last ("…, opening
                        // fire becomes an option, MP Jan Roe said")
                        .fold(None, |best: Option<(usize, bool)>, c| {
                            let np = c + 1 < t && {
                                let w = cx.doc.slice(cx.doc.tokens[c + 1].span);
                                w.starts_with(char::is_uppercase)
                                    || cx.w.np_openers.contains(cx.norm(c + 1))
                            };
                            match best {
                                Some((_, true)) => best,
                                _ => Some((c, np)),
                            }
                        })
                        .map(|(c, _)| c)
                        .filter(|_| self.nothing_reported_after(cx, i, &norms, cue_end, hi))
                    {
                        // "…, the commander, Gen. Jan Roe, said (on Friday)." and "…, X told
                        // parliament.": the content is the clause before the speaker; "…, X
                        // said, arguing for …" and "…, X said; …" add what follows
                        let end = if continues_after(cx, cue_end, hi) {
                            sent.span.end
                        } else {
                            doc.tokens[c].span.start
                        };
                        Span::new(sent.span.start, end)
                    } else {
                        Span::new(cue_span.end, sent.span.end)
                    };
                    drafts.push(Draft {
                        sentence: si,
                        actor: doc.mentions[m].actor,
                        mention: Some(m),
                        span: sent.span,
                        content,
                        quote: false,
                        cue: Some((cue_span, entry.class)),
                        passive: entry.passive,
                        clause_start,
                    });
                }
                i += m.len;
            }
            // "X has toured the talk shows with a simple message: …", when no cue of
            // the sentence reports the words after the colon
            if let Some(d) = self.message_colon(cx, si)
                && !drafts[first_draft..]
                    .iter()
                    .any(|x| x.content.overlaps(d.content))
            {
                drafts.push(d);
            }
            self.position_holders(cx, si, &mut drafts);
            self.elliptic_holders(cx, si, &mut drafts);
            if let Some(d) = drafts[first_draft..].last()
                && doc.slice(d.content).trim() == ":"
                && let Some(next) = doc.sentences.get(si + 1)
                && next.paragraph != sent.paragraph
                && doc.slice(next.span).starts_with(OPENING_QUOTES)
            {
                carry = Some((d.clone(), next.paragraph));
            }
            // A claim reported "according to X" is X's: the cues inside it are not
            // statements of their own ("According to X, Y sees …").
            // An unnamed source only relays ("according to two diplomats, Y argued …"):
            // then Y's statement stands and the source's goes.
            let relay = |d: &Draft| {
                d.mention.is_some_and(|m| {
                    let span = doc.mentions[m].span;
                    let from = d.cue.map_or(span.start, |c| c.0.end.min(span.start));
                    doc.slice(Span::new(from, span.end))
                        .split_whitespace()
                        .any(|w| cx.w.relay.contains(w.to_lowercase().as_str()))
                })
            };
            let sources: Vec<(Span, bool)> = drafts[first_draft..]
                .iter()
                .filter(|d| {
                    d.passive
                        && d.cue
                            .is_some_and(|c| matches!(c.1, CueClass::Source | CueClass::Relay))
                })
                .map(|d| {
                    let relays = relay(d) || d.cue.is_some_and(|c| c.1 == CueClass::Relay);
                    (d.content, relays)
                })
                .collect();
            let mut relayed = Vec::new();
            let mut k = first_draft;
            while k < drafts.len() {
                let src = drafts[k].cue.and_then(|c| {
                    sources
                        .iter()
                        .find(|s| !drafts[k].passive && s.0.contains(c.0))
                });
                match src {
                    Some((span, true)) => {
                        relayed.push(*span);
                        k += 1;
                    }
                    Some((_, false)) => {
                        drafts.remove(k);
                    }
                    None => k += 1,
                }
            }
            let mut k = first_draft;
            while k < drafts.len() {
                let d = &drafts[k];
                let is_relay = d.passive
                    && d.cue
                        .is_some_and(|c| matches!(c.1, CueClass::Source | CueClass::Relay))
                    && relayed.contains(&d.content);
                if is_relay {
                    drafts.remove(k);
                } else {
                    k += 1;
                }
            }
            // A later clause's subject ends the content of an earlier clause, unless it is
            // the speaker's own state or body: "President X said France was prepared to
            // …" is the president's position as much as France's.
            for d in first_draft..drafts.len() {
                let d_cue_end = drafts[d].cue.map(|c| c.0.end).unwrap_or(0);
                let speaker = doc.actor(drafts[d].actor);
                // (a spokesperson of unknown country speaks for the body they report on)
                let spokes = speaker.role.as_deref().is_some_and(|r| {
                    r.split_whitespace()
                        .any(|w| cx.w.spokes.contains(w.to_lowercase().as_str()))
                });
                let own_side = |n: &Draft| {
                    let other = doc.actor(n.actor);
                    speaker.kind == ActorKind::Person
                        && other.kind != ActorKind::Person
                        && ((speaker.country.is_some() && speaker.country == other.country)
                            || (spokes && speaker.country.is_none()))
                };
                // (subjects coordinated with the speaker share the clause: "diplomats
                // said X and Y were …" is X's clause too)
                let cs = drafts[d].clause_start;
                let next_start = drafts[d + 1..]
                    .iter()
                    .filter(|n| {
                        !n.passive
                            && !own_side(n)
                            && !coordinated_run(cx, cs, n.clause_start)
                            && !noun_complement(cx, n.clause_start)
                    })
                    .map(|n| doc.tokens[n.clause_start].span.start)
                    .find(|&s| s > d_cue_end);
                if let Some(ns) = next_start
                    && !drafts[d].passive
                    && drafts[d].content.start < ns
                    && ns < drafts[d].content.end
                {
                    drafts[d].content.end = ns;
                }
            }
        }
        drafts
    }

    /// Direct quotes: attach every quote to the statement of its sentence, or continue
    /// the paragraph's previous speaker, or the next sentence's speaker.
    fn attach_quotes(&self, cx: &Ctx, drafts: &mut Vec<Draft>) {
        let doc = cx.doc;
        let owns = |d: &Draft| !d.passive || d.cue.is_some_and(|c| c.1 == CueClass::Source);
        // Drafts by sentence, kept up to date as continuations are added: every lookup
        // below is local, so a document with many quotes stays linear.
        let mut by_sentence = drafts_by_sentence(doc, drafts);
        for q in &cx.doc.quotes {
            let words = doc
                .tokens
                .iter()
                .skip(doc.tokens.partition_point(|t| t.span.start < q.start))
                .take_while(|t| t.span.end <= q.end)
                .filter(|t| t.kind == stancemap_core::TokenKind::Word)
                .count();
            if words < 4 {
                continue; // a scare quote or a quoted phrase, part of reported speech
            }
            let first = doc.sentences.partition_point(|s| s.span.end <= q.start);
            let end = first + doc.sentences[first..].partition_point(|s| s.span.start < q.end);
            if first >= end {
                continue;
            }
            let last = end - 1;
            let cover = doc.sentences[first].span.cover(doc.sentences[last].span);
            let own = (first..end)
                .flat_map(|s| by_sentence[s].iter().copied())
                .find(|&i| owns(&drafts[i]));
            if let Some(i) = own {
                let d = &mut drafts[i];
                // a split quote ("“…,” X said, “…”") keeps both halves
                d.content = if d.content.overlaps(*q) || d.quote {
                    d.content.cover(*q)
                } else {
                    *q
                };
                d.quote = true;
                d.span = d.span.cover(cover);
                continue;
            }
            // A colon quote after a clause whose subject is an actor: "X put it bluntly:
            // “…”", "The minister's answer was short: “…”".
            let lo = doc.sentences[first].tokens.start;
            if doc.text()[..q.start].trim_end().ends_with(':')
                && lo < doc.sentences[first].tokens.end
                && let Some(m) = cx.start_at[lo].or_else(|| {
                    (cx.norm(lo) == "the")
                        .then(|| cx.start_at.get(lo + 1).copied().flatten())
                        .flatten()
                })
                && doc.mentions[m].span.end <= q.start
            {
                by_sentence[first].push(drafts.len());
                drafts.push(Draft {
                    sentence: first,
                    actor: doc.mentions[m].actor,
                    mention: Some(m),
                    span: cover,
                    content: *q,
                    quote: true,
                    cue: None,
                    passive: false,
                    clause_start: lo,
                });
                continue;
            }
            // Without an attribution of its own, a quote continues a speaker only when it
            // opens its sentence (a quote inside a sentence is that sentence's writer's).
            if q.start > doc.sentences[first].span.start {
                continue;
            }
            let para = doc.sentences[first].paragraph;
            // the previous speaker in this paragraph or the paragraph just before
            let prev = (0..first)
                .rev()
                .take_while(|&s| doc.sentences[s].paragraph + 1 >= para)
                .flat_map(|s| by_sentence[s].iter().rev().copied())
                .find(|&i| {
                    let d = &drafts[i];
                    owns(d)
                        && d.mention.is_some()
                        && (doc.sentences[d.sentence].paragraph == para || d.quote)
                });
            // the next sentence's speaker ("… .” The minister said so on Monday.)
            let next = by_sentence
                .get(last + 1)
                .into_iter()
                .flatten()
                .copied()
                .find(|&i| {
                    let d = &drafts[i];
                    owns(d)
                        && doc.sentences[d.sentence].paragraph == para
                        && doc.sentences[d.sentence].tokens.len() <= 16
                });
            if let Some(src) = next.or(prev) {
                let src = drafts[src].clone();
                by_sentence[first].push(drafts.len());
                drafts.push(Draft {
                    sentence: first,
                    span: cover,
                    content: *q,
                    quote: true,
                    cue: None,
                    passive: false,
                    clause_start: doc.sentences[first].tokens.start,
                    ..src
                });
            }
        }
    }

    /// An unattributed sentence between two statements of one speaker is theirs.
    fn sandwiched(&self, cx: &Ctx, drafts: &mut Vec<Draft>) {
        let doc = cx.doc;
        let by_sentence = drafts_by_sentence(doc, drafts);
        let mut add = Vec::new();
        for s in 1..doc.sentences.len().saturating_sub(1) {
            if !by_sentence[s].is_empty()
                || doc.sentences[s].kind == SentenceKind::Heading
                || cx.in_quote(doc.sentences[s].span)
            {
                continue;
            }
            let prev: Vec<ActorId> = by_sentence[s - 1]
                .iter()
                .map(|&i| drafts[i].actor)
                .collect();
            // The next statement must go on with a pronoun ("…,” he said), the mark of
            // one speaker's continuous passage; and this sentence must not open with
            // another actor.
            let lo = doc.sentences[s].tokens.start;
            let det = lo < doc.sentences[s].tokens.end && matches!(cx.norm(lo), "the" | "a" | "an");
            let opens_with_other = cx.start_at.get(lo).copied().flatten().is_some()
                || (det && cx.start_at.get(lo + 1).copied().flatten().is_some());
            if opens_with_other {
                continue;
            }
            if let Some(&n) = by_sentence[s + 1].iter().find(|&&i| {
                prev.contains(&drafts[i].actor)
                    && !drafts[i].passive
                    && drafts[i].mention.is_some_and(|m| {
                        doc.mentions[m].kind == stancemap_core::MentionKind::Pronoun
                    })
            }) {
                let para = |x: usize| doc.sentences[x].paragraph;
                if para(s + 1) - para(s - 1) <= 2 {
                    let src = drafts[n].clone();
                    add.push(Draft {
                        sentence: s,
                        span: doc.sentences[s].span,
                        content: doc.sentences[s].span,
                        quote: false,
                        cue: None,
                        passive: false,
                        clause_start: doc.sentences[s].tokens.start,
                        ..src
                    });
                }
            }
        }
        drafts.extend(add);
    }

    /// "Why should Europe pay? Senator X asked on social media.": a sentence that is only
    /// a speaker, a verb of saying and adjuncts reports the unquoted question before it
    /// (same paragraph, nobody else's), which becomes its content.
    fn after_question(&self, cx: &Ctx, drafts: &mut [Draft]) {
        let doc = cx.doc;
        let by_sentence = drafts_by_sentence(doc, drafts);
        for s in 1..doc.sentences.len() {
            let (prev, cur) = (&doc.sentences[s - 1], &doc.sentences[s]);
            let question =
                prev.tokens.end > prev.tokens.start && cx.norm(prev.tokens.end - 1) == "?";
            if !question
                || !by_sentence[s - 1].is_empty()
                || prev.paragraph != cur.paragraph
                || cx.in_quote(prev.span)
            {
                continue;
            }
            for &i in &by_sentence[s] {
                let d = &drafts[i];
                let Some((cue, _)) = d.cue else { continue };
                // the speaker opens the sentence, titles and all ("Romanian Senator X")
                let subject_first = (cur.tokens.start..d.clause_start).all(|t| {
                    let tok = doc.slice(doc.tokens[t].span);
                    tok.starts_with(char::is_uppercase) || matches!(cx.norm(t), "the" | "a" | "an")
                });
                let after = doc.tokens.partition_point(|t| t.span.start < cue.end);
                let bare = after >= cur.tokens.end
                    || matches!(
                        cx.norm(after),
                        "." | "on" | "in" | "at" | "during" | "after" | "via" | "later"
                    );
                if subject_first && bare && !d.quote {
                    let d = &mut drafts[i];
                    d.content = prev.span;
                    d.span = prev.span.cover(cur.span);
                }
            }
        }
    }

    /// The author's own claims on a topic, in opinion and analysis pieces.
    fn author(
        &self,
        cx: &Ctx,
        drafts: &mut Vec<Draft>,
        author: &mut Option<ActorId>,
        doc_actors: usize,
    ) {
        let doc = cx.doc;
        // where the document touches a topic (no author without a topic tagger)
        let Some(targets) = doc.topic_spans.as_deref() else {
            return;
        };
        let genre = doc.meta.genre.as_deref().unwrap_or("").to_lowercase();
        if !self.words.author_genres.contains(genre.as_str()) {
            return;
        }
        if targets.is_empty() {
            return;
        }
        let mut covered = vec![false; doc.sentences.len()];
        for d in drafts.iter().filter(|d| !d.passive) {
            let from = doc
                .sentences
                .partition_point(|s| s.span.start < d.span.start);
            for (s, sent) in doc.sentences.iter().enumerate().skip(from) {
                if sent.span.start >= d.span.end {
                    break;
                }
                covered[s] |= d.span.contains(sent.span);
            }
        }
        // A sentence whose subject is a person reports that person, not the author.
        let about_person = |sent: &stancemap_core::Sentence| {
            let lo = sent.tokens.start;
            lo < sent.tokens.end
                && (cx.start_at[lo].is_some_and(|m| cx.is_person(m))
                    || matches!(cx.norm(lo), "he" | "she"))
        };
        // The author's argument runs through a paragraph: in a paragraph where the author
        // takes up a topic, the other unattributed sentences are the author's too.
        let paras = doc.sentences.last().map_or(0, |s| s.paragraph + 1);
        let mut topical_paras = vec![false; paras];
        for (s, sent) in doc.sentences.iter().enumerate() {
            if !covered[s]
                && sent.kind != SentenceKind::Heading
                && targets.iter().any(|t| sent.span.contains(t.span))
                && !about_person(sent)
            {
                topical_paras[sent.paragraph] = true;
            }
        }
        for (s, sent) in doc.sentences.iter().enumerate() {
            if covered[s] || sent.kind == SentenceKind::Heading || cx.in_quote(sent.span) {
                continue;
            }
            if !topical_paras.get(sent.paragraph).copied().unwrap_or(false) || about_person(sent) {
                continue;
            }
            let id = *author.get_or_insert(ActorId(doc_actors));
            drafts.push(Draft {
                sentence: s,
                actor: id,
                mention: None,
                span: sent.span,
                content: sent.span,
                quote: false,
                cue: None,
                passive: false,
                clause_start: sent.tokens.start,
            });
        }
    }
}

impl Stage for Attributor {
    fn name(&self) -> &'static str {
        "attribute"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Actors]
    }

    /// Statements, and the author's actor in opinion and analysis pieces.
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Statements, Layer::Actors]
    }

    fn process(&self, doc: &mut Document) -> Result<(), Error> {
        coref::resolve(doc, &self.lexicon, &self.words);
        let mut end_at = vec![None; doc.tokens.len()];
        let mut start_at = vec![None; doc.tokens.len()];
        for (i, m) in doc.mentions.iter().enumerate() {
            let a = doc.tokens.partition_point(|t| t.span.start < m.span.start);
            let b = doc.tokens.partition_point(|t| t.span.end <= m.span.end);
            if a < b {
                start_at[a] = Some(i);
                end_at[b - 1] = Some(i);
            }
        }
        let cx = Ctx {
            doc,
            w: &self.words,
            end_at,
            start_at,
        };
        let mut drafts = self.find_drafts(&cx);
        self.attach_quotes(&cx, &mut drafts);
        self.after_question(&cx, &mut drafts);
        self.sandwiched(&cx, &mut drafts);
        let mut author = doc
            .actors
            .iter()
            .position(|a| a.kind == ActorKind::Author)
            .map(ActorId);
        self.author(&cx, &mut drafts, &mut author, doc.actors.len());
        drop(cx);
        if let Some(id) = author
            && id.0 == doc.actors.len()
        {
            doc.actors.push(Actor {
                id: "author".into(),
                name: "Author".into(),
                kind: ActorKind::Author,
                country: None,
                role: None,
            });
        }
        doc.statements = merge(doc, drafts);
        Ok(())
    }
}

/// Indices of the drafts of each sentence.
fn drafts_by_sentence(doc: &Document, drafts: &[Draft]) -> Vec<Vec<usize>> {
    let mut by = vec![Vec::new(); doc.sentences.len()];
    for (i, d) in drafts.iter().enumerate() {
        by[d.sentence].push(i);
    }
    by
}

/// One statement per actor and sentence: merge drafts, keeping the strongest cue.
fn merge(doc: &Document, mut drafts: Vec<Draft>) -> Vec<Statement> {
    drafts.sort_by_key(|d| (d.span.start, d.actor, d.sentence));
    let mut out: Vec<Draft> = Vec::new();
    for d in drafts {
        if let Some(prev) = out
            .iter_mut()
            .rev()
            .take(8)
            .find(|p| p.actor == d.actor && p.span.overlaps(d.span))
        {
            if class_rank(d.cue.map(|c| c.1)) > class_rank(prev.cue.map(|c| c.1)) {
                prev.cue = d.cue;
            }
            prev.span = prev.span.cover(d.span);
            prev.content = prev.content.cover(d.content);
            prev.quote |= d.quote;
            prev.passive &= d.passive;
            if prev.mention.is_none() {
                prev.mention = d.mention;
            }
            continue;
        }
        out.push(d);
    }
    out.into_iter()
        .map(|d| Statement {
            actor: d.actor,
            span: d.span,
            content: d.content,
            quote: d.quote,
            cue: d.cue.map(|(s, _)| doc.slice(s).to_string()),
            cue_span: d.cue.map(|(s, _)| s),
            mention: d.mention,
            stances: Vec::new(),
            hedges: Vec::new(),
            boosters: Vec::new(),
            commitment: 1.0,
        })
        .collect()
}

#[cfg(test)]
mod tests;
