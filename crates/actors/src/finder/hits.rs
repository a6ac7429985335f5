//! Registry hits of a document, indexed by token, and the pass that makes them actors.

use super::work::Work;
use super::{groups, organisations, people, states};
use crate::lex::{Ent, Hit};
use stancemap_core::{Document, Span};

/// Registry hits of a document, indexed by token.
pub(super) struct HitIndex<'r> {
    pub(super) hits: Vec<Hit<'r>>,
    /// Token -> the hit covering it, [`NO_HIT`] for none (four bytes a token: the stage
    /// reads it in most of its passes over the tokens).
    pub(super) at: Vec<u32>,
    /// Hit -> its token range.
    pub(super) tokens: Vec<(usize, usize)>,
}

impl<'r> HitIndex<'r> {
    pub(super) fn new(doc: &Document, hits: Vec<Hit<'r>>) -> HitIndex<'r> {
        let tok_range = |span: Span| {
            let a = doc.tokens.partition_point(|t| t.span.start < span.start);
            let b = doc.tokens.partition_point(|t| t.span.end <= span.end);
            (a, b.max(a))
        };
        let tokens: Vec<(usize, usize)> = hits.iter().map(|h| tok_range(h.span)).collect();
        let mut at = vec![NO_HIT; doc.tokens.len()];
        for (h, &(a, b)) in tokens.iter().enumerate() {
            // A document has far fewer than 2^32 - 1 hits (one per several bytes).
            let h = u32::try_from(h).unwrap_or(NO_HIT);
            for t in at.iter_mut().take(b).skip(a) {
                *t = h;
            }
        }
        HitIndex { hits, at, tokens }
    }

    /// The hit covering token `t`, if any.
    #[inline]
    pub(super) fn at(&self, t: usize) -> Option<usize> {
        match self.at.get(t) {
            Some(&h) if h != NO_HIT => Some(h as usize),
            _ => None,
        }
    }
}

/// [`HitIndex::at`]: no hit at this token.
const NO_HIT: u32 = u32::MAX;

/// Pass 4, registry hits (countries, capitals and seats, organisations and ministries,
/// groups, known people, country adjectives before a government noun, demonyms) outside
/// the names found before, each as an actor and its mention. Each kind's handler says
/// whether the hit's tokens are taken by it (no: the hit is passed over, or the handler
/// took its own extent).
pub(super) fn registry_hits<'r>(w: &mut Work<'r>, hx: &HitIndex<'r>, taken: &mut [bool]) {
    let mut named_orgs: Option<Vec<&str>> = None;
    for (h, hit) in hx.hits.iter().enumerate() {
        let (a, b) = hx.tokens[h];
        if a >= b || (a..b).any(|t| taken[t]) {
            continue;
        }
        let span = hit.span;
        let take = match &hit.ent {
            Ent::Country { name } => states::country(w, b, span, name, taken),
            Ent::Capital { country } => states::capital(w, a, span, country),
            Ent::SharedSeat { orgs } => states::shared_seat(w, hx, b, span, orgs, &mut named_orgs),
            Ent::Seat {
                name,
                country,
                state,
            } => states::seat(w, span, name, country, *state),
            Ent::Ministry {
                name,
                country: None,
            } if organisations::generic_ministry_owner(w, hx, a).is_some() => {
                organisations::owned_ministry(w, hx, a, b, span, name, taken)
            }
            Ent::Org { name, country, .. } | Ent::Ministry { name, country } => {
                organisations::registry_org(w, a, b, span, name, *country)
            }
            Ent::Group { name } => groups::group(w, hx, a, b, span, name, taken),
            Ent::Person { .. } => people::known_person(w, a, b),
            Ent::Adjective { country } => states::government(w, a, b, country, taken),
            Ent::Demonym { country } => states::demonym(w, a, span, country),
            Ent::Title { .. } => false,
        };
        if take {
            taken[a..b].fill(true);
        }
    }
}
