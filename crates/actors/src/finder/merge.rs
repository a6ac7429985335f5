//! Identity: one actor per person or body, whatever the reference (full name, surname,
//! role noun, short form, "the alliance", he/she).

use super::features::{F_DET, F_HE_SHE, F_NOT_NAME, F_THE, normalizes_to};
use super::hits::HitIndex;
use super::work::{PersonInfo, Work};
use crate::lex::Ent;
use stancemap_core::text::normalize_name;
use stancemap_core::{ActorId, ActorKind, Mention, MentionKind};
use std::collections::HashMap;

impl Work<'_> {
    /// Adds (or links) a person from a name token range.
    pub(super) fn person(&mut self, a: usize, b: usize, info: PersonInfo, rule: &str) -> ActorId {
        let name = self.name_text(a, b);
        // one word ("Brandt") or several
        let single = !name.contains(' ');
        let surname = normalize_name(name.rsplit(' ').next().unwrap_or(""));
        let span = self.doc.tokens[a].span.cover(self.doc.tokens[b - 1].span);
        // a known person (registry) wins, then a person already seen with this surname
        let known = self.lex.person(&name, self.doc.meta.published.as_deref());
        let id = if let Some(p) = known {
            let role = info.role.clone().or(p.role.clone());
            let country = info.country.clone().or(p.country.clone());
            self.actor(&p.name, ActorKind::Person, country, role)
        } else if let Some(&(id, _, _)) = self.people.iter().find(|(id, s, _)| {
            *s == surname
                && (single || {
                    let existing = normalize_name(&self.actors[id.0].name);
                    existing == normalize_name(&name) || existing.split(' ').count() == 1
                })
        }) {
            if !single && self.actors[id.0].name.split(' ').count() == 1 {
                self.actors[id.0].name = name.clone();
            }
            let a = &mut self.actors[id.0];
            if a.role.is_none() {
                a.role = info.role.clone();
            }
            if a.country.is_none() {
                a.country = info.country.clone();
            }
            id
        } else {
            self.actor(
                &name,
                ActorKind::Person,
                info.country.clone(),
                info.role.clone(),
            )
        };
        if !self.people.iter().any(|(p, _, _)| *p == id) {
            self.people.push((id, surname, info));
        }
        let kind = if single {
            MentionKind::Partial
        } else {
            MentionKind::Name
        };
        self.mention(id, span, kind, rule);
        id
    }
}

/// Pass 5, surnames of people seen in the document: a capitalised word that is the
/// surname of a person found so far is a partial mention of that person.
// Token loops index several parallel per-token arrays (taken, tokens) at once.
#[allow(clippy::needless_range_loop)]
pub(super) fn surnames(w: &mut Work, sentences: &[(usize, usize)], taken: &mut [bool]) {
    let surnames: Vec<(ActorId, String)> =
        w.people.iter().map(|(id, s, _)| (*id, s.clone())).collect();
    for &(lo, hi) in sentences.iter().filter(|_| !surnames.is_empty()) {
        for i in lo..hi {
            if taken[i] || !w.cap(i) {
                continue;
            }
            let tok = w.tok(i);
            if let Some((id, _)) = surnames.iter().find(|(_, s)| normalizes_to(tok, s)) {
                let id = *id;
                w.mention(
                    id,
                    w.doc.tokens[i].span,
                    MentionKind::Partial,
                    "actors/surname",
                );
                taken[i] = true;
            }
        }
    }
}

/// "the Commission": a capitalised head noun after "the", not part of a longer name,
/// names the organisation in the document whose name ends in it ("the Electoral
/// Commission"), or else the organisation whose short form it is.
fn short_form(
    w: &mut Work,
    t: usize,
    hi: usize,
    other_names: &mut HashMap<String, bool>,
) -> Option<ActorId> {
    let word = w.tok(t);
    if !w.cap(t) || (t + 1 < hi && (w.cap(t + 1) || w.norm(t + 1) == "of")) {
        return None;
    }
    let org = w.lex.short_form(word)?;
    let suffix = format!(" {word}");
    if let Some(k) = w
        .actors
        .iter()
        .position(|a| a.kind == ActorKind::Organisation && a.name.ends_with(&suffix))
    {
        return Some(ActorId(k));
    }
    // another "… Commission" in the text that is no actor: it may be that one (one scan
    // of the document per word)
    let other_name = *other_names.entry(word.to_string()).or_insert_with(|| {
        (1..w.doc.tokens.len()).any(|k| w.tok(k) == word && w.cap(k - 1) && !w.has(k - 1, F_THE))
    });
    if other_name {
        return None;
    }
    let (name, country) = (org.name.clone(), org.country.clone());
    Some(w.actor(&name, ActorKind::Organisation, country, None))
}

/// Role references ("the NATO chief", "the U.S. president", "a NATO spokesperson") and
/// "the alliance" / "the bloc".
pub(super) fn roles(w: &mut Work, sentences: &[(usize, usize)], hx: &HitIndex, taken: &mut [bool]) {
    let mut other_names = HashMap::new();
    let alliance = w
        .actors
        .iter()
        .position(|a| a.kind == ActorKind::Organisation && w.lex.is_alliance(&a.name))
        .map(ActorId);
    for &(lo, hi) in sentences {
        for i in lo..hi {
            if taken[i] && hx.at(i).is_none() {
                continue;
            }
            if w.has(i, F_THE) && i + 1 < hi && matches!(w.norm(i + 1), "alliance" | "bloc") {
                if let Some(id) = alliance {
                    let span = w.doc.tokens[i].span.cover(w.doc.tokens[i + 1].span);
                    w.mention(id, span, MentionKind::Role, "actors/role/alliance");
                    taken[i] = true;
                    taken[i + 1] = true;
                }
                continue;
            }
            if w.has(i, F_THE)
                && i + 1 < hi
                && !taken[i + 1]
                && let Some(id) = short_form(w, i + 1, hi, &mut other_names)
            {
                let span = w.doc.tokens[i].span.cover(w.doc.tokens[i + 1].span);
                w.mention(id, span, MentionKind::Role, "actors/role/short-form");
                taken[i] = true;
                taken[i + 1] = true;
                continue;
            }
            // a registry hit may include the article ("the U.S."): start there
            let article_in_hit = hx.at(i).is_some_and(|h| hx.tokens[h].0 == i)
                && w.tok(i).eq_ignore_ascii_case("the");
            // "Finland's defence minister": a possessive modifier opens the reference too
            let possessive = hx.at(i).is_some_and(|h| {
                hx.tokens[h].0 == i
                    && hx.tokens[h].1 < hi
                    && w.norm(hx.tokens[h].1) == "'s"
                    && matches!(
                        hx.hits[h].ent,
                        Ent::Country { .. } | Ent::Org { .. } | Ent::Seat { .. }
                    )
            });
            if !w.has(i, F_DET) && !possessive {
                continue;
            }
            // determiner + modifier(s) + title, not followed by a name
            let mut j = if article_in_hit || possessive {
                i
            } else {
                i + 1
            };
            let mut country: Option<String> = None;
            let mut org: Option<String> = None;
            while j < hi {
                if let Some(h) = hx.at(j) {
                    match &hx.hits[h].ent {
                        Ent::Country { name } | Ent::Adjective { country: name } => {
                            country = Some(name.to_string())
                        }
                        Ent::Org { name, short, .. } => {
                            org = Some(short.unwrap_or(name).to_string())
                        }
                        Ent::Seat { country: c, .. } => country = Some(c.to_string()),
                        _ => break,
                    }
                    j = hx.tokens[h].1;
                    if j < hi && w.norm(j) == "'s" {
                        j += 1;
                    }
                } else {
                    break;
                }
            }
            let Some(h) = (j < hi).then(|| hx.at(j)).flatten() else {
                continue;
            };
            let Ent::Title {
                canonical, person, ..
            } = &hx.hits[h].ent
            else {
                continue;
            };
            if !*person {
                continue;
            }
            let (ta, tb) = hx.tokens[h];
            if ta != j || (tb < hi && w.cap(tb) && !w.has(tb, F_NOT_NAME)) {
                continue;
            }
            let span = w.doc.tokens[i].span.cover(w.doc.tokens[tb - 1].span);
            let canonical: &str = canonical;
            let canonical_norm = normalize_name(canonical);
            let chiefish = matches!(
                canonical_norm.as_str(),
                "chief" | "head" | "leader" | "boss"
            );
            // an apposition to a name is that person: "Lars Berg, the Swedish prime minister,"
            let appositive = (i >= lo + 2 && w.norm(i - 1) == ",")
                .then(|| {
                    let before = w.doc.tokens[i - 2].span;
                    w.mentions
                        .iter()
                        .rev()
                        .find(|m| {
                            m.span.end == before.end
                                && w.actors[m.actor.0].kind == ActorKind::Person
                        })
                        .map(|m| m.actor)
                })
                .flatten();
            if let Some(id) = appositive {
                let a = &mut w.actors[id.0];
                if a.country.is_none() {
                    a.country = country.clone();
                }
                if a.role
                    .as_deref()
                    .is_none_or(|r| r.split_whitespace().count() > 3)
                {
                    a.role = Some(match &org {
                        Some(o) => format!("{o} {canonical}"),
                        None => canonical.to_string(),
                    });
                }
                let (c, r) = (a.country.clone(), a.role.clone());
                if let Some(p) = w.people.iter_mut().find(|(p, _, _)| *p == id) {
                    p.2.country = c;
                    p.2.role = r;
                }
            }
            // the holder named earlier in the document
            let holder = appositive.or_else(|| {
                w.people
                    .iter()
                    .filter(|(_, _, p)| {
                        let same_title = p
                            .role
                            .as_deref()
                            .is_some_and(|r| normalize_name(r).ends_with(canonical_norm.as_str()));
                        let same_mod = match (&org, &country) {
                            (Some(o), _) => {
                                p.org.as_deref() == Some(o.as_str())
                                    || p.role.as_deref().is_some_and(|r| r.contains(o.as_str()))
                            }
                            (None, Some(c)) => p.country.as_deref() == Some(c.as_str()),
                            (None, None) => true,
                        };
                        same_mod && (same_title || chiefish && (org.is_some()))
                    })
                    .map(|(id, _, _)| *id)
                    .next_back()
            });
            let id = match holder {
                Some(id) => id,
                None => {
                    let Some(modifier) = org.clone().or(country.clone()) else {
                        continue;
                    };
                    let name = format!("{modifier} {}", canonical.to_lowercase());
                    w.actor(
                        &name,
                        ActorKind::Person,
                        country.clone(),
                        Some(canonical.to_string()),
                    )
                }
            };
            w.mention(id, span, MentionKind::Role, "actors/role");
            taken[i..tb].fill(true);
        }
    }
}

/// he/she: the most recent person who was the subject of a sentence (the first person
/// mention of a sentence not governed by a preposition), outside quotes.
#[allow(clippy::needless_range_loop)]
pub(super) fn pronouns(w: &mut Work, sentences: &[(usize, usize)], taken: &[bool]) {
    let mut subject: Option<ActorId> = None;
    let mut added = Vec::new();
    let mut mi = 0;
    for &(lo, hi) in sentences {
        let mut sentence_subject: Option<ActorId> = None;
        for i in lo..hi {
            let span = w.doc.tokens[i].span;
            // advance the mention cursor; note the sentence subject
            while mi < w.mentions.len() && w.mentions[mi].span.end <= span.start {
                mi += 1;
            }
            if let Some(m) = w.mentions.get(mi).filter(|m| m.span.start == span.start) {
                let person = w.actors[m.actor.0].kind == ActorKind::Person;
                let after_prep = i > lo
                    && matches!(
                        w.norm(i - 1),
                        "by" | "of"
                            | "with"
                            | "to"
                            | "from"
                            | "at"
                            | "for"
                            | "alongside"
                            | "and"
                            | "on"
                    );
                if person && sentence_subject.is_none() && !after_prep && !w.doc.in_quote(m.span) {
                    sentence_subject = Some(m.actor);
                }
            }
            if taken[i] || !w.has(i, F_HE_SHE) || w.doc.in_quote(span) {
                continue;
            }
            if let Some(id) = sentence_subject.or(subject) {
                added.push(Mention {
                    actor: id,
                    span,
                    kind: MentionKind::Pronoun,
                    rule: "actors/pronoun".into(),
                });
            }
        }
        if sentence_subject.is_some() {
            subject = sentence_subject;
        }
    }
    w.mentions.extend(added);
}
