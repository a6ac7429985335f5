//! States and what stands for them: countries, capitals and seats (metonyms), a
//! government named by its country's adjective, demonyms.

use super::features::{F_GOVERNMENT, F_SPEECH, F_THE};
use super::hits::HitIndex;
use super::work::Work;
use crate::lex::Ent;
use crate::registry::OrgClass;
use stancemap_core::{ActorKind, MentionKind, Span};

/// A country at `span` (its hit ends at token `b`), with "'s government" after it; the
/// hit's tokens are taken.
pub(super) fn country(w: &mut Work, b: usize, span: Span, name: &str, taken: &mut [bool]) -> bool {
    // "Sweden's government" is the state too
    let gov = b + 1 < w.doc.tokens.len() && w.norm(b) == "'s" && w.has(b + 1, F_GOVERNMENT);
    let span = if gov {
        span.cover(w.doc.tokens[b + 1].span)
    } else {
        span
    };
    let id = w.actor(name, ActorKind::State, Some(name.to_string()), None);
    w.mention(id, span, MentionKind::Name, "actors/registry/country");
    if gov {
        taken[b] = true;
        taken[b + 1] = true;
    }
    true
}

/// A capital at token `a` as a metonym for its state, unless it is a place; the hit's
/// tokens are taken when it is the state.
pub(super) fn capital(w: &mut Work, a: usize, span: Span, country: &str) -> bool {
    // "at a summit in Warsaw": after a locative preposition a capital is the
    // place, not the government speaking
    if a > 0
        && matches!(
            w.norm(a - 1),
            "in" | "at" | "near" | "outside" | "via" | "around" | "across" | "into"
        )
    {
        return false;
    }
    let id = w.actor(country, ActorKind::State, Some(country.to_string()), None);
    w.mention(id, span, MentionKind::Metonym, "actors/registry/capital");
    true
}

/// A capital that seats organisations (its hit ends at token `b`) as a metonym for one of
/// them; `named_orgs` caches the organisations the text names. The hit's tokens are
/// taken when it is an organisation.
pub(super) fn shared_seat<'r>(
    w: &mut Work<'r>,
    hx: &HitIndex<'r>,
    b: usize,
    span: Span,
    orgs: &[String],
    named_orgs: &mut Option<Vec<&'r str>>,
) -> bool {
    // only as the subject of a verb of saying or wanting ("Brussels wants"):
    // elsewhere the city is a place ("talks in Brussels")
    if b >= w.doc.tokens.len() || !w.has(b, F_SPEECH) {
        return false;
    }
    // the seated organisation the text names (or one of its bodies: "the
    // Commission"), else the first
    // (the organisations the text names, with their parents: listed once)
    let named_orgs = named_orgs.get_or_insert_with(|| {
        let mut out: Vec<&str> = Vec::new();
        for x in &hx.hits {
            if let Ent::Org { name, .. } = x.ent {
                out.push(name);
                if let Some(p) = w.lex.registry().organisation(name)
                    && let Some(parent) = p.parent.as_deref()
                {
                    out.push(parent);
                }
            }
        }
        out
    });
    let Some(org) = orgs
        .iter()
        .find(|o| named_orgs.contains(&o.as_str()))
        .or(orgs.first())
        .and_then(|o| w.lex.registry().organisation(o))
    else {
        return false;
    };
    let (name, country) = (org.name.clone(), org.country.clone());
    let country = country.filter(|_| !matches!(org.class, OrgClass::Alliance | OrgClass::Igo));
    let id = w.actor(&name, ActorKind::Organisation, country, None);
    w.mention(
        id,
        span,
        MentionKind::Metonym,
        "actors/registry/shared-seat",
    );
    true
}

/// A seat of government as a metonym for its state or for the body it seats; the hit's
/// tokens are taken.
pub(super) fn seat(w: &mut Work, span: Span, name: &str, country: &str, state: bool) -> bool {
    let id = if state {
        w.actor(country, ActorKind::State, Some(country.to_string()), None)
    } else {
        w.actor(
            name,
            ActorKind::Organisation,
            Some(country.to_string()),
            None,
        )
    };
    w.mention(id, span, MentionKind::Metonym, "actors/registry/seat");
    true
}

/// A country adjective at tokens `a..b` before a government noun: the state itself (the
/// adjective alone is no actor). The handler takes its own extent, so the hit's tokens
/// are not taken for it.
pub(super) fn government(
    w: &mut Work,
    a: usize,
    b: usize,
    country: &str,
    taken: &mut [bool],
) -> bool {
    // "the German government", "Polish authorities": the state itself
    if b < w.doc.tokens.len() && w.has(b, F_GOVERNMENT) {
        let start = if a > 0 && w.has(a - 1, F_THE) {
            a - 1
        } else {
            a
        };
        let span = w.doc.tokens[start].span.cover(w.doc.tokens[b].span);
        let id = w.actor(country, ActorKind::State, Some(country.to_string()), None);
        w.mention(id, span, MentionKind::Metonym, "actors/government");
        taken[start..b + 1].fill(true);
    }
    false
}

/// A demonym at `span` (from token `a`) in the plural: the people of a country, as
/// written; the hit's tokens are taken then.
pub(super) fn demonym(w: &mut Work, a: usize, span: Span, country: &str) -> bool {
    // "Poles support …", "most Finns": the people of a country, as written
    let surface = w.doc.slice(span);
    if !surface.ends_with('s') || !w.cap(a) {
        return false;
    }
    let id = w.actor(surface, ActorKind::Group, Some(country.to_string()), None);
    w.mention(id, span, MentionKind::Name, "actors/demonym");
    true
}
