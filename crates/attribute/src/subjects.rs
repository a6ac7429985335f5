//! Finding speakers: the subject of a reporting verb (walking left), the speaker after
//! an inverted cue, agents of passive cues, coordinated subjects and reported-clause
//! subjects.

use crate::Attributor;
use crate::context::Ctx;
use crate::lexicon::CueClass;
use crate::words::Words;
use stancemap_core::{Document, MentionKind, WordClass};

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
pub(crate) fn opening_subject(cx: &Ctx, lo: usize, cue: usize) -> Option<usize> {
    const TITLE_WORDS: usize = 5;
    let comma = (lo..cue).find(|&k| cx.norm(k) == ",")?;
    let comma_at = cx.doc.tokens[comma].span.start;
    (lo..comma.min(lo + TITLE_WORDS))
        .filter_map(|k| cx.start_at[k])
        .rfind(|&m| cx.doc.mentions[m].span.end <= comma_at)
}

/// The mention `m` and the other mentions with exactly its span.
pub(crate) fn same_span(doc: &Document, m: usize) -> Vec<usize> {
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
pub(crate) fn ends_clause(cx: &Ctx, m: usize, hi: usize) -> bool {
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

/// Whether token `t` governs the mention after it, so that the mention is no subject
/// ("experts consulted by X"): a preposition (shared class) or one of attribution's
/// `prepositions` ("whether", "if").
fn is_preposition(cx: &Ctx, t: usize) -> bool {
    cx.is(t, WordClass::PREPOSITION) || cx.w.prepositions.contains(cx.norm(t))
}

fn is_adverb(w: &Words, t: &str) -> bool {
    t.len() > 4 && t.ends_with("ly") && !w.ly_not_adverb.contains(t)
}

fn is_dash(t: &str) -> bool {
    t == "-" || t == "--"
}

impl Attributor {
    /// The subject of the cue starting at token `cue` in sentence tokens `lo..`.
    pub(crate) fn subject_before(
        &self,
        cx: &Ctx,
        lo: usize,
        cue: usize,
        participle: bool,
    ) -> Option<usize> {
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
                    if is_preposition(cx, first - 1) && !(participle && before == "with") {
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
                || cx.is(j, WordClass::WEEKDAY)
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
    pub(crate) fn coordinated(&self, cx: &Ctx, lo: usize, m: usize) -> Vec<usize> {
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
                    && !cx.is(k - 1, WordClass::DATE)
                    && is_preposition(cx, f - 1)
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
                if saw_and && is_preposition(cx, f2 - 1) {
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
    pub(crate) fn content_subjects(&self, cx: &Ctx, k: usize, hi: usize) -> Vec<usize> {
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
    pub(crate) fn relay_subject(&self, cx: &Ctx, lo: usize, t: usize) -> bool {
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
    pub(crate) fn subject_after(&self, cx: &Ctx, k: usize, hi: usize) -> Option<usize> {
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
    pub(crate) fn agents_after(&self, cx: &Ctx, k: usize, hi: usize) -> Vec<usize> {
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
}
