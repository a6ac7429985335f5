//! References the actor finder left unresolved, resolved for attribution: a role noun
//! ("the minister", "the general") standing for the last person named with that role,
//! and "they" standing for the actors coordinated in the subject of an earlier sentence
//! ("Estonia, Latvia and Lithuania issued a statement. They want …"; "Hawks want …. They
//! argue …"), "the government" / "the ministry" for the last organisation so named, and
//! "it" before a reporting verb for the last organisation or state ("…,” it said).
//!
//! The resolved references are added to [`Document::mentions`] (rule `attribute/coref`),
//! which stay sorted by span.

use crate::lexicon::ReportingCues;
use crate::words::Words;
use stancemap_core::{ActorId, ActorKind, Document, Mention, MentionKind, SentenceKind, Span};

/// A resolved reference, as a mention tagged `attribute/coref`.
fn coref(actor: ActorId, span: Span, kind: MentionKind) -> Mention {
    Mention {
        actor,
        span,
        kind,
        rule: "attribute/coref".into(),
    }
}

/// How many sentences back a reference may look for its antecedent.
const WINDOW: usize = 40;

/// Adds the mentions of resolved references to `doc.mentions`.
pub(crate) fn resolve(doc: &mut Document, lexicon: &ReportingCues, words: &Words) {
    let mut added: Vec<Mention> = Vec::new();
    {
        let doc: &Document = doc;
        if doc.mentions.is_empty() {
            return;
        }
        // token index -> is covered by a mention
        let mut covered = vec![false; doc.tokens.len()];
        let mut start_at: Vec<Option<usize>> = vec![None; doc.tokens.len()];
        for (i, m) in doc.mentions.iter().enumerate() {
            let a = doc.tokens.partition_point(|t| t.span.start < m.span.start);
            let b = doc.tokens.partition_point(|t| t.span.end <= m.span.end);
            if a < b {
                covered[a..b].fill(true);
                start_at[a].get_or_insert(i);
            }
        }
        // the words a role reference may end with: the last words of the people's roles
        // and of the organisations' names in this document
        let mut heads: std::collections::HashSet<String> = std::collections::HashSet::new();
        for m in &doc.mentions {
            let actor = doc.actor(m.actor);
            let last = match actor.kind {
                ActorKind::Person => actor
                    .role
                    .as_deref()
                    .and_then(|r| r.split_whitespace().last()),
                ActorKind::Author => None,
                _ if m.kind == MentionKind::Pronoun => None,
                _ => doc.slice(m.span).split_whitespace().last(),
            };
            if let Some(w) = last {
                heads.insert(w.to_lowercase());
            }
        }
        // the coordinated subjects of the last sentence that had two or more
        let mut plural: Vec<ActorId> = Vec::new();
        let mut plural_at = 0;
        for (si, sent) in doc.sentences.iter().enumerate() {
            if sent.kind == SentenceKind::Heading {
                continue;
            }
            let (lo, hi) = (sent.tokens.start, sent.tokens.end);
            for t in lo..hi {
                if covered[t] || doc.in_quote(doc.tokens[t].span) {
                    continue;
                }
                let norm = doc.norm(t);
                if norm == "they" && !plural.is_empty() && si <= plural_at + 2 {
                    for &a in &plural {
                        added.push(coref(a, doc.tokens[t].span, MentionKind::Pronoun));
                    }
                    continue;
                }
                if norm == "it" && reporting_follows(doc, lexicon, t, hi) {
                    if let Some(a) = last_body(doc, si, t) {
                        added.push(coref(a, doc.tokens[t].span, MentionKind::Pronoun));
                    }
                    continue;
                }
                // "the minister", "the Polish minister": the noun must end the role of a
                // person named earlier in the document (or the name of an organisation:
                // "the ministry", "the government").
                // "its lead commentary", "its editorial", "its correspondent": the
                // organisation's voice
                if norm == "its" {
                    let head = (t + 1..hi.min(t + 4))
                        .take_while(|&k| !covered[k])
                        .find(|&k| words.voice_nouns.contains(doc.norm(k)));
                    if let Some(n) = head
                        && let Some(a) = last_body(doc, si, t)
                    {
                        added.push(coref(
                            a,
                            doc.tokens[t].span.cover(doc.tokens[n].span),
                            MentionKind::Role,
                        ));
                    }
                    continue;
                }
                // "According to her, …": the last person
                if matches!(norm, "him" | "her")
                    && t >= lo + 2
                    && doc.norm(t - 2) == "according"
                    && doc.norm(t - 1) == "to"
                {
                    if let Some(a) = last_person(doc, si, t) {
                        added.push(coref(a, doc.tokens[t].span, MentionKind::Pronoun));
                    }
                    continue;
                }
                // "His answer was short: “…”", "Her reply came at once": the last person
                if matches!(norm, "his" | "her")
                    && t + 1 < hi
                    && words.answer_nouns.contains(doc.norm(t + 1))
                    && !covered[t + 1]
                {
                    if let Some(a) = last_person(doc, si, t) {
                        added.push(coref(
                            a,
                            doc.tokens[t].span.cover(doc.tokens[t + 1].span),
                            MentionKind::Role,
                        ));
                    }
                    continue;
                }
                if norm != "the" {
                    continue;
                }
                // the head after at most two modifiers: "the minister", "the Polish
                // minister", "the southern Italian daily"
                let mut n = t + 1;
                while n < hi.min(t + 5) {
                    // a capital or demonym as a modifier: "the Paris daily"
                    if let Some(mi) = start_at[n]
                        && doc.mentions[mi].kind == MentionKind::Metonym
                    {
                        let end = doc.mentions[mi].span.end;
                        n = doc.tokens.partition_point(|tk| tk.span.start < end);
                        continue;
                    }
                    let tok = &doc.tokens[n];
                    if covered[n] || !doc.word(tok.norm).chars().all(char::is_alphabetic) {
                        break;
                    }
                    n += 1;
                    let head = doc.word(tok.norm);
                    if !heads.contains(head) && !words.press_nouns.contains(head) {
                        continue;
                    }
                    let a = if words.press_nouns.contains(head) {
                        antecedent(doc, si, t, head, true).or_else(|| last_outlet(doc, si, t))
                    } else {
                        antecedent(doc, si, t, head, n == t + 2)
                    };
                    if let Some(a) = a {
                        added.push(coref(
                            a,
                            doc.tokens[t].span.cover(tok.span),
                            MentionKind::Role,
                        ));
                    }
                    break;
                }
            }
            // remember coordinated subjects: two or more mentions joined by "and" / ","
            // opening the sentence
            let mut subj = Vec::new();
            let mut k = lo;
            if k < hi && doc.norm(k) == "the" {
                k += 1;
            }
            let mut saw_and = false;
            while k < hi {
                let Some(m) = start_at[k] else { break };
                let m = &doc.mentions[m];
                if matches!(m.kind, MentionKind::Pronoun) {
                    break;
                }
                if !subj.contains(&m.actor) {
                    subj.push(m.actor);
                }
                k = doc.tokens.partition_point(|t| t.span.start < m.span.end);
                let mut j = k;
                while j < hi && matches!(doc.norm(j), "," | "and" | "the") {
                    saw_and |= doc.norm(j) == "and";
                    j += 1;
                }
                if j == k {
                    break;
                }
                k = j;
            }
            let group_subject = subj.len() == 1 && doc.actor(subj[0]).kind == ActorKind::Group;
            if (subj.len() >= 2 && saw_and) || group_subject {
                plural = subj;
                plural_at = si;
            } else if start_at.get(lo).copied().flatten().is_some() {
                // a new single subject ends the plural antecedent
                let m = &doc.mentions[start_at[lo].unwrap_or_default()];
                if doc.actor(m.actor).kind == ActorKind::Person {
                    plural.clear();
                }
            }
        }
    }
    if added.is_empty() {
        return;
    }
    doc.mentions.extend(added);
    doc.mentions.sort_by_key(|m| (m.span.start, m.span.end));
}

/// The last person mentioned before token `t` (within [`WINDOW`] sentences) whose role
/// ends with `head`, or the last organisation, state or group so named.
///
/// An organisation is referred to only by its bare head ("the government", not "the
/// federal government", which may be another country's).
fn antecedent(doc: &Document, si: usize, t: usize, head: &str, bare: bool) -> Option<ActorId> {
    let from = doc.sentences[si.saturating_sub(WINDOW)].span.start;
    let before = doc.tokens[t].span.start;
    let end = doc.mentions.partition_point(|m| m.span.start < before);
    doc.mentions[..end]
        .iter()
        .rev()
        .take_while(|m| m.span.start >= from)
        .find(|m| {
            let actor = doc.actor(m.actor);
            let ends = |r: &str| {
                r.split_whitespace()
                    .last()
                    .is_some_and(|w| w.eq_ignore_ascii_case(head))
            };
            match actor.kind {
                ActorKind::Person => actor.role.as_deref().is_some_and(ends),
                ActorKind::Organisation | ActorKind::State | ActorKind::Group => {
                    bare && m.kind != MentionKind::Pronoun && ends(doc.slice(m.span))
                }
                ActorKind::Author => false,
            }
        })
        .map(|m| m.actor)
}

/// Whether a reporting cue follows token `t` (after at most one adverb): "it said",
/// "it also warned".
fn reporting_follows(doc: &Document, lexicon: &ReportingCues, t: usize, hi: usize) -> bool {
    let mut norms = [""; 4];
    let mut n = 0;
    for k in t + 1..hi.min(t + 5) {
        norms[n] = doc.norm(k);
        n += 1;
    }
    let norms = &norms[..n];
    let skip = usize::from(
        norms
            .first()
            .is_some_and(|w| (w.len() > 4 && w.ends_with("ly")) || *w == "also"),
    );
    skip < norms.len() && lexicon.match_at(norms, skip).is_some()
}

/// The mentions that start before token `t` and at or after byte `from`, nearest first.
fn mentions_back(doc: &Document, from: usize, t: usize) -> impl Iterator<Item = &Mention> {
    let before = doc.tokens[t].span.start;
    let end = doc.mentions.partition_point(|m| m.span.start < before);
    doc.mentions[..end]
        .iter()
        .rev()
        .take_while(move |m| m.span.start >= from)
}

/// The last organisation or state mentioned before token `t`, within three sentences,
/// outside quotes and not as a place ("in Rome").
fn last_body(doc: &Document, si: usize, t: usize) -> Option<ActorId> {
    let from = doc.sentences[si.saturating_sub(3)].span.start;
    mentions_back(doc, from, t)
        .find(|m| {
            let first = doc.tokens.partition_point(|t| t.span.start < m.span.start);
            let place = first > 0
                && matches!(
                    doc.norm(first - 1),
                    "in" | "at" | "from" | "to" | "over" | "near" | "into"
                );
            // "the Paris daily", "a Polish proposal": a modifier, not a reference
            let modifier = m.kind == MentionKind::Metonym
                && first > 0
                && matches!(doc.norm(first - 1), "the" | "a" | "an");
            matches!(
                doc.actor(m.actor).kind,
                ActorKind::Organisation | ActorKind::State
            ) && !place
                && !modifier
                && !doc.in_quote(m.span)
        })
        .map(|m| m.actor)
}

/// The last organisation named before token `t` (within [`WINDOW`] sentences), outside
/// quotes: the outlet a press noun refers to.
fn last_outlet(doc: &Document, si: usize, t: usize) -> Option<ActorId> {
    let mut from = doc.sentences[si.saturating_sub(WINDOW)].span.start;
    let before = doc.tokens[t].span.start;
    // In a press review whose sections are headed by the outlet ("Gazeta X, Warsaw:"),
    // "the paper" is the heading's outlet: look no further back than the section.
    if let Some(turn) = doc
        .turns
        .iter()
        .find(|tu| tu.body.start <= before && before < tu.body.end)
    {
        from = from.max(turn.label.start);
    }
    mentions_back(doc, from, t)
        .find(|m| {
            doc.actor(m.actor).kind == ActorKind::Organisation
                && m.kind == MentionKind::Name
                && !doc.in_quote(m.span)
        })
        .map(|m| m.actor)
}

/// The last person named before token `t`, within three sentences, outside quotes.
fn last_person(doc: &Document, si: usize, t: usize) -> Option<ActorId> {
    let from = doc.sentences[si.saturating_sub(3)].span.start;
    mentions_back(doc, from, t)
        .find(|m| doc.actor(m.actor).kind == ActorKind::Person && !doc.in_quote(m.span))
        .map(|m| m.actor)
}
