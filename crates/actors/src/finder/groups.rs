//! Groups: registry group nouns with their modifiers ("Polish officials", "opposition
//! MPs", "hawks in the alliance").

use super::features::{F_GROUP_MOD, F_QUANTIFIER, F_THE};
use super::hits::HitIndex;
use super::work::Work;
use crate::lex::Ent;
use stancemap_core::{ActorKind, MentionKind, Span};

/// A group noun of the registry at tokens `a..b`, with the modifiers of its name
/// ([`group_extent`]); the hit's tokens are taken, with the extent's.
pub(super) fn group(
    w: &mut Work,
    hx: &HitIndex,
    a: usize,
    b: usize,
    span: Span,
    name: &str,
    taken: &mut [bool],
) -> bool {
    // "other allies", "some experts": a non-specific reference designates
    // no one in particular, so it is no actor (SPEC §1: named or clearly
    // designated).
    let quantified = (a > 0 && w.has(a - 1, F_QUANTIFIER)) || w.has(a, F_QUANTIFIER);
    if quantified {
        return false;
    }
    let (start, end, country) = group_extent(w, hx, a, b);
    let (id, span) = if (start, end) == (a, b) {
        (w.actor(name, ActorKind::Group, None, None), span)
    } else {
        // "Western officials", "Polish officials", "hawks in the alliance"
        let full = w.name_text(start, end);
        let full = full
            .strip_prefix("the ")
            .or(full.strip_prefix("The "))
            .unwrap_or(&full)
            .to_string();
        let span = w.doc.tokens[start].span.cover(w.doc.tokens[end - 1].span);
        (w.actor(&full, ActorKind::Group, country, None), span)
    };
    w.mention(id, span, MentionKind::Name, "actors/registry/group");
    taken[start..end].fill(true);
    true
}

/// The extent of a group noun at tokens `a..b` with the modifiers that belong to its
/// name: a country adjective or a listed modifier before it ("Polish officials",
/// "opposition MPs") and a place or body after it ("hawks in the alliance", "critics in
/// Berlin"); the country an adjective gives.
fn group_extent(w: &Work, hx: &HitIndex, a: usize, b: usize) -> (usize, usize, Option<String>) {
    let mut start = a;
    let mut country: Option<&str> = None;
    let mut countries = 0;
    let adjective = |t: usize| {
        hx.at(t).and_then(|h| match hx.hits[h].ent {
            Ent::Adjective { country } => Some((hx.tokens[h].0, country)),
            _ => None,
        })
    };
    for _ in 0..3 {
        if start == 0 {
            break;
        }
        let p = start - 1;
        if let Some((s, c)) = adjective(p) {
            countries += usize::from(country != Some(c));
            country.get_or_insert(c);
            start = s;
        } else if countries > 0
            && p > 0
            && matches!(w.norm(p), "and" | "or")
            && let Some((s, c)) = adjective(p - 1)
        {
            // coordinated adjectives: "Lithuanian and Latvian officials"
            countries += usize::from(country != Some(c));
            start = s;
        } else if let Some(h) = hx.at(p).or_else(|| {
            // an organisation's people: "NATO ambassadors", "Euroclear's lawyers"
            (p > 0 && matches!(w.norm(p), "'s" | "’s"))
                .then(|| hx.at(p - 1))
                .flatten()
        }) && let Ent::Org { country: c, .. } = hx.hits[h].ent
        {
            if countries == 0
                && let Some(c) = c
            {
                country = Some(c);
                countries = 1;
            }
            start = hx.tokens[h].0;
            break;
        } else if w.has(p, F_GROUP_MOD) && !w.has(p, F_QUANTIFIER) {
            start = p;
        } else {
            break;
        }
    }
    let country = (countries == 1)
        .then(|| country.map(str::to_string))
        .flatten();
    let n = w.doc.tokens.len();
    let mut end = b;
    if b + 1 < n && matches!(w.norm(b), "in" | "within" | "across") {
        let mut k = b + 1;
        if w.has(k, F_THE) && k + 1 < n {
            k += 1;
        }
        let place = hx
            .at(k)
            .filter(|&h| hx.tokens[h].0 == k || hx.tokens[h].0 == b + 1)
            .and_then(|h| {
                matches!(
                    hx.hits[h].ent,
                    Ent::Country { .. } | Ent::Capital { .. } | Ent::Org { .. }
                )
                .then_some(hx.tokens[h].1)
            });
        let alliance = matches!(w.norm(k), "alliance" | "bloc") && k > b + 1;
        if let Some(e) = place {
            end = e;
        } else if alliance {
            end = k + 1;
        }
    }
    (start, end, country)
}
