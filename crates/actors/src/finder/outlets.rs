//! Newspapers of a press review: "Der Tagesbote, Munich:", "Der Tagesbote, the Munich
//! daily,", "the conservative Tagesbote argues".

use super::features::{
    F_CAP, F_MEDIA, F_NOT_NAME, F_ORG_HEAD, F_PARTICLE, F_PLACE_HEAD, F_ROLE_NOUN, F_SPEECH, F_THE,
    F_UPPER,
};
use super::hits::HitIndex;
use super::work::Work;
use crate::lex::Ent;
use stancemap_core::{ActorId, MentionKind, TokenKind};

/// The role given to an outlet actor.
pub(super) const OUTLET_ROLE: &str = "Newspaper";

/// Outlets: a press-review heading "Der Tagesbote, Munich: …" (a name, a comma, a place
/// and a colon at the start of a line), and an apposition "Der Tagesbote, the Munich
/// daily, …". Only in documents that speak of papers at all (a media noun occurs).
pub(super) fn outlets(
    w: &mut Work,
    sentences: &[(usize, usize)],
    hx: &HitIndex,
    taken: &mut [bool],
) {
    let n = w.doc.tokens.len();
    let is_media = |w: &Work, t: usize| w.has(t, F_MEDIA);
    if !(0..n).any(|t| is_media(w, t)) {
        return;
    }
    let text = w.doc.text();
    for &(lo, hi) in sentences {
        // the name: capitalised words from the start of the sentence up to a comma
        let Some(comma) = (lo..hi.min(lo + 6)).find(|&t| w.norm(t) == ",") else {
            continue;
        };
        if comma == lo
            || (lo..comma).any(|t| taken[t] || w.doc.tokens[t].kind != TokenKind::Word)
            || !(lo..comma).all(|t| w.has(t, F_CAP | F_UPPER | F_PARTICLE) || w.has(t, F_THE))
            || !w.has(lo, F_CAP | F_THE)
        {
            continue;
        }
        // a name has a word of its own: not only articles, initials or function words
        if !(lo..comma).any(|t| w.cap(t) && !w.has(t, F_NOT_NAME) && w.tok(t).chars().count() > 1) {
            continue;
        }
        // a state, a capital or a known organisation is not a newspaper's name
        if (lo..comma).any(|t| {
            hx.at(t).is_some_and(|h| {
                !matches!(hx.hits[h].ent, Ent::Adjective { .. } | Ent::Title { .. })
            }) && !w.has(t, F_THE)
        }) {
            continue;
        }
        let line_start = {
            let start = w.doc.tokens[lo].span.start;
            let before = text[..start].trim_end_matches([' ', '\t']);
            before.is_empty() || before.ends_with('\n')
        };
        let k = comma + 1;
        // "Name, Place:" heading
        let place_end = (k..hi.min(k + 3)).find(|&t| w.norm(t) == ":");
        let heading = line_start
            && place_end.is_some_and(|e| e > k && (k..e).all(|t| w.cap(t) || w.has(t, F_UPPER)));
        // "Name, the <modifiers> daily,"
        let appos = k < hi
            && w.has(k, F_THE)
            && (k + 1..hi.min(k + 5))
                .find(|&t| is_media(w, t))
                .is_some_and(|t| t + 1 < hi && w.norm(t + 1) == ",");
        if !heading && !appos {
            continue;
        }
        let country = if heading {
            place_end.and_then(|e| {
                (k..e).find_map(|t| {
                    hx.at(t).and_then(|h| match hx.hits[h].ent {
                        Ent::Capital { country } | Ent::Country { name: country } => {
                            Some(country.to_string())
                        }
                        Ent::Seat { country, .. } => Some(country.to_string()),
                        _ => None,
                    })
                })
            })
        } else {
            modifier_country(hx, k + 1..hi.min(k + 5))
        };
        let name = w.name_text(lo, comma);
        let span = w.doc.tokens[lo].span.cover(w.doc.tokens[comma - 1].span);
        w.named_org(
            &name,
            country,
            Some(OUTLET_ROLE.to_string()),
            span,
            "actors/outlet",
        );
        taken[lo..comma].fill(true);
    }
    // "The conservative Tagesbote argues", "the Hamburg-based Nordkurier, by contrast,
    // thinks": an article, lower-case modifiers and a capitalised name that no list knows,
    // followed by a verb (a person's name takes no article)
    for &(lo, hi) in sentences {
        let mut i = lo;
        while i + 2 < hi {
            if taken[i] || !w.has(i, F_THE) {
                i += 1;
                continue;
            }
            // lower-case modifiers and "Hamburg-based"-style ones
            let mut a = i + 1;
            while a < hi
                && a <= i + 2
                && w.doc.tokens[a].kind == TokenKind::Word
                && (!w.cap(a) || w.norm(a).ends_with("-based"))
            {
                a += 1;
            }
            let Some((na, nb)) = w.read_name(a, hi, taken) else {
                i += 1;
                continue;
            };
            let known = (na..nb).any(|t| hx.at(t).is_some())
                || w.has(nb - 1, F_ORG_HEAD | F_PLACE_HEAD)
                || (na..nb).any(|t| w.has(t, F_ROLE_NOUN))
                || nb - na > 3;
            // the verb: next, or after a parenthetical ", by contrast,"
            let mut v = nb;
            if v < hi && w.norm(v) == "," {
                v = (v + 1..hi.min(v + 5))
                    .find(|&t| w.norm(t) == ",")
                    .map_or(hi, |t| t + 1);
            }
            let verb = v < hi && {
                let x = w.norm(v);
                w.doc.tokens[v].kind == TokenKind::Word
                    && !w.cap(v)
                    && (w.has(v, F_SPEECH)
                        || x == "is"
                        || x == "has"
                        || (x.len() > 3 && x.ends_with('s') && !x.ends_with("ss")))
            };
            if known || !verb {
                i = nb.max(i + 1);
                continue;
            }
            let name = w.name_text(na, nb);
            let span = w.doc.tokens[na].span.cover(w.doc.tokens[nb - 1].span);
            // "the Chronicle" after "The Northern Chronicle": the same outlet
            let short = format!(" {name}");
            if let Some(x) = w.actors.iter().position(|x| {
                x.role.as_deref() == Some(OUTLET_ROLE) && x.name.ends_with(short.as_str())
            }) {
                w.mention(ActorId(x), span, MentionKind::Partial, "actors/outlet");
                taken[na..nb].fill(true);
                i = nb;
                continue;
            }
            let country = modifier_country(hx, i + 1..na);
            w.named_org(
                &name,
                country,
                Some(OUTLET_ROLE.to_string()),
                span,
                "actors/outlet",
            );
            taken[na..nb].fill(true);
            i = nb;
        }
    }
}

/// The country of the first capital or nationality adjective among tokens `r` ("the
/// Hamburg-based …", "the Polish daily …").
fn modifier_country(hx: &HitIndex, r: std::ops::Range<usize>) -> Option<String> {
    r.into_iter().find_map(|t| {
        hx.at(t).and_then(|h| match hx.hits[h].ent {
            Ent::Capital { country } | Ent::Adjective { country } => Some(country.to_string()),
            _ => None,
        })
    })
}
