//! Organisations: by head noun, ministries (by construction and from the registry),
//! embassies, and definite references to an organisation named before.

use super::features::{
    F_CAP, F_DATE, F_GOVERNMENT, F_MEDIA, F_ORG_HEAD, F_SPEECH, F_THE, F_UPPER, normalizes_to,
};
use super::hits::HitIndex;
use super::outlets::OUTLET_ROLE;
use super::work::Work;
use crate::lex::{ActorLexicon, Ent};
use stancemap_core::text::normalize_name;
use stancemap_core::{ActorId, ActorKind, MentionKind, Span, TokenKind};

/// Organisations named by a head noun ("the Royal Institute of X", "University of X")
/// and ministries ("Ministry of Defence of X", "X's Defence Ministry", "the Latvian
/// Ministry of Defence"), canonicalised as "Ministry of <Portfolio> of <Country>".
pub(super) fn organisations(
    w: &mut Work,
    sentences: &[(usize, usize)],
    hx: &HitIndex,
    taken: &mut [bool],
) {
    for &(lo, hi) in sentences {
        let mut i = lo;
        while i < hi {
            if taken[i] || !w.cap(i) || w.has(i, F_THE) {
                i += 1;
                continue;
            }
            // capitalised run, allowing "of", "for", "and", "on" inside
            let mut j = i;
            let mut last_cap = i;
            while j < hi && !taken[j] {
                if w.has(j, F_CAP | F_UPPER) {
                    last_cap = j;
                    j += 1;
                } else if matches!(w.norm(j), "of" | "for" | "and" | "on")
                    && j + 1 < hi
                    && w.cap(j + 1)
                    // "the Lithuanian Parliament on Thursday": a day is no part of a name
                    && !w.has(j + 1, F_DATE)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let b = last_cap + 1;
            let head_pos = (i..b).position(|t| w.has(t, F_ORG_HEAD));
            if let Some(hp) = head_pos {
                if (i..b).any(|t| w.norm(t) == "ministry")
                    && let Some((name, country)) = ministry(w, i, b, hx, lo)
                {
                    let start = if i > lo && matches!(w.norm(i - 1), "'s") && i > lo + 1 {
                        ministry_start(i, lo, hx)
                    } else {
                        i
                    };
                    let span = w.doc.tokens[start].span.cover(w.doc.tokens[b - 1].span);
                    let id = w.actor(&name, ActorKind::Organisation, country, None);
                    w.mention(id, span, MentionKind::Name, "actors/ministry");
                    taken[start..b].fill(true);
                    i = b;
                    continue;
                }
                // generic organisation: at least two words and the head noun inside
                // a group or title word may stand after the head: "Cabinet of Ministers",
                // "Council of Elders"
                let inside_hit = (i..b).any(|t| {
                    hx.at(t).is_some_and(|h| match hx.hits[h].ent {
                        Ent::Ministry { .. } => false,
                        Ent::Group { .. } | Ent::Title { .. } => t <= i + hp,
                        // "the Romanian Parliament": the adjective gives the country
                        Ent::Adjective { .. } => t != i || hp == 0,
                        _ => true,
                    })
                });
                let country = hx.at(i).and_then(|h| match hx.hits[h].ent {
                    Ent::Adjective { country } => Some(country.to_string()),
                    _ => None,
                });
                // "Council and Commission" coordinates two bodies: no one name
                let coordinated = (i + 1..b.saturating_sub(1)).any(|t| {
                    w.norm(t) == "and" && w.has(t - 1, F_ORG_HEAD) && w.has(t + 1, F_ORG_HEAD)
                });
                if b - i >= 2 && !inside_hit && !coordinated && (hp > 0 || b - i >= 3) {
                    let name = w.name_text(i, b);
                    let span = w.doc.tokens[i].span.cover(w.doc.tokens[b - 1].span);
                    // "Cabinet of Ministers", "Government of X": the executive itself
                    let kind = if hp == 0 && w.has(i, F_GOVERNMENT) {
                        ActorKind::State
                    } else {
                        ActorKind::Organisation
                    };
                    let id = w.actor(&name, kind, country, None);
                    w.mention(id, span, MentionKind::Name, "actors/organisation");
                    taken[i..b].fill(true);
                }
            }
            i = b.max(i + 1);
        }
    }
}

/// The country that owns a generic ministry surface at token `a` ("Belarus's defence
/// ministry", "the Belarusian defence ministry"), with the first token of the owner.
pub(super) fn generic_ministry_owner<'r>(
    w: &Work,
    hx: &HitIndex<'r>,
    a: usize,
) -> Option<(usize, &'r str)> {
    // the hit may start with its article: the owner stands before it ("the Latvian
    // defence ministry" is matched from "defence")
    if a >= 2
        && w.norm(a - 1) == "'s"
        && let Some(h) = hx.at(a - 2)
        && let Ent::Country { name } = hx.hits[h].ent
    {
        return Some((hx.tokens[h].0, name));
    }
    if a >= 1
        && let Some(h) = hx.at(a - 1)
        && let Ent::Adjective { country } = hx.hits[h].ent
    {
        let start = hx.tokens[h].0;
        let start = if start > 0 && w.has(start - 1, F_THE) {
            start - 1
        } else {
            start
        };
        return Some((start, country));
    }
    None
}

fn ministry_start(i: usize, lo: usize, hx: &HitIndex) -> usize {
    // "Latvia 's Ministry …": include the possessor
    let p = i - 2;
    if p >= lo
        && let Some(h) = hx.at(p)
    {
        return hx.tokens[h].0;
    }
    i
}

/// "Ministry of Defense of Latvia" from the forms "Ministry of Defense of Latvia",
/// "Latvia's Ministry of Defense", "Latvian Ministry of Defense", "Latvia's Defense
/// Ministry".
fn ministry(
    w: &Work,
    i: usize,
    b: usize,
    hx: &HitIndex,
    lo: usize,
) -> Option<(String, Option<String>)> {
    let words: Vec<&str> = (i..b).map(|t| w.tok(t)).collect();
    let norms: Vec<&str> = (i..b).map(|t| w.norm(t)).collect();
    let country_at = |t: usize| -> Option<String> {
        hx.at(t).and_then(|h| match &hx.hits[h].ent {
            Ent::Country { name }
            | Ent::Adjective { country: name }
            | Ent::Capital { country: name } => Some(name.to_string()),
            _ => None,
        })
    };
    let mpos = norms.iter().position(|x| *x == "ministry")?;
    let mut country: Option<String> = None;
    let portfolio: Vec<&str>;
    if mpos == 0 {
        // Ministry of X (of Country)
        let rest: Vec<usize> = (i + 1..b).collect();
        let mut port_end = b;
        for &t in rest.iter().skip(1) {
            if w.norm(t) == "of"
                && let Some(c) = country_at(t + 1)
            {
                country = Some(c);
                port_end = t;
                break;
            }
        }
        if i + 1 >= port_end || w.norm(i + 1) != "of" {
            return None;
        }
        portfolio = words[2..port_end - i].to_vec();
    } else {
        // X Ministry, with a country before ("Latvian Defence Ministry")
        let first_country = (i..i + mpos).find_map(country_at);
        country = first_country;
        let port_from = (i..i + mpos)
            .position(|t| country_at(t).is_none())
            .unwrap_or(mpos);
        portfolio = words[port_from..mpos].to_vec();
        if mpos + 1 < words.len() && norms[mpos + 1] == "of" {
            // "Latvian Ministry of Defence"
            let p: Vec<&str> = words[mpos + 2..].to_vec();
            return finish(w.lex, p, country.or_else(|| possessor(w, i, lo, hx)));
        }
    }
    if country.is_none() {
        country = possessor(w, i, lo, hx);
    }
    finish(w.lex, portfolio, country)
}

fn possessor(w: &Work, i: usize, lo: usize, hx: &HitIndex) -> Option<String> {
    if i >= lo + 2
        && w.norm(i - 1) == "'s"
        && let Some(h) = hx.at(i - 2)
        && let Ent::Country { name } = &hx.hits[h].ent
    {
        return Some(name.to_string());
    }
    None
}

fn finish(
    lex: &ActorLexicon,
    portfolio: Vec<&str>,
    country: Option<String>,
) -> Option<(String, Option<String>)> {
    if portfolio.is_empty() {
        return None;
    }
    let written = portfolio.join(" ");
    // "Foreign Ministry" is the Ministry of Foreign Affairs (ministries.toml)
    let p = lex
        .portfolio(&written)
        .map_or(written.as_str(), |(_, p)| p)
        .to_string();
    let name = match &country {
        Some(c) => format!("Ministry of {p} of {c}"),
        None => format!("Ministry of {p}"),
    };
    Some((name, country))
}

/// A generic ministry hit after its owner ("Belarus's defence ministry", "the Belarusian
/// defence ministry"): the ministry of that country, its tokens taken with the owner's.
pub(super) fn owned_ministry(
    w: &mut Work,
    hx: &HitIndex,
    a: usize,
    b: usize,
    span: Span,
    name: &str,
    taken: &mut [bool],
) -> bool {
    // "Belarus's defence ministry", "the Belarusian defence ministry"
    let Some((start, country)) = generic_ministry_owner(w, hx, a) else {
        return false;
    };
    let full = format!("{name} of {country}");
    let span = w.doc.tokens[start].span.cover(span);
    w.named_org(
        &full,
        Some(country.to_string()),
        None,
        span,
        "actors/ministry",
    );
    taken[start..b].fill(true);
    false
}

/// An organisation or ministry of the registry at tokens `a..b`; the hit's tokens are
/// taken.
pub(super) fn registry_org(
    w: &mut Work,
    a: usize,
    b: usize,
    span: Span,
    name: &str,
    country: Option<&str>,
) -> bool {
    let before = w.actors.len();
    let id = w.actor(
        name,
        ActorKind::Organisation,
        country.map(str::to_string),
        None,
    );
    // a descriptive reference, country adjective + common noun ("the Polish
    // military" for the Polish Armed Forces), names the actor as written
    if w.actors.len() > before {
        let surface = w.name_text(a, b);
        let surface = surface
            .strip_prefix("the ")
            .or(surface.strip_prefix("The "))
            .unwrap_or(&surface);
        let mut words = surface.split(' ');
        let adjective = words
            .next()
            .is_some_and(|x| w.lex.registry().country(x).is_some_and(|c| c.name != x));
        let descriptive = words
            .next()
            .is_some_and(|x| x.chars().next().is_some_and(char::is_lowercase));
        if adjective && descriptive {
            w.actors[id.0].name = surface.to_string();
        }
    }
    w.mention(id, span, MentionKind::Name, "actors/registry/organisation");
    true
}

/// Diplomatic missions: "the Russian embassy in Riga", "Poland's embassy in Oslo", "the
/// Latvian embassy" -> organisation "<Adjective> embassy [in <Place>]" with its country.
pub(super) fn embassies(
    w: &mut Work,
    sentences: &[(usize, usize)],
    hx: &HitIndex,
    taken: &mut [bool],
) {
    for &(lo, hi) in sentences {
        for e in lo + 1..hi {
            if taken[e] || !matches!(w.norm(e), "embassy" | "consulate") {
                continue;
            }
            let owner = if let Some(h) = hx.at(e - 1)
                && let Ent::Adjective { country } = hx.hits[h].ent
            {
                let a = hx.tokens[h].0;
                Some((a, country, w.name_text(a, e)))
            } else if e >= lo + 2
                && w.norm(e - 1) == "'s"
                && let Some(h) = hx.at(e - 2)
                && let Ent::Country { name } = hx.hits[h].ent
            {
                let adj = w.lex.adjective(name).unwrap_or(name).to_string();
                Some((hx.tokens[h].0, name, adj))
            } else {
                None
            };
            let Some((a, country, adj)) = owner else {
                continue;
            };
            // the owner's own registry mention gives way to the embassy's
            if (a..e).any(|t| taken[t] && hx.at(t).is_none()) {
                continue;
            }
            let start = if a > lo && w.has(a - 1, F_THE) {
                a - 1
            } else {
                a
            };
            let mut end = e + 1;
            let mut name = format!("{adj} {}", w.tok(e).to_lowercase());
            if e + 2 < hi
                && matches!(w.norm(e + 1), "in" | "to")
                && let Some((pa, pb)) = w
                    .read_name(e + 2, hi, taken)
                    .or_else(|| hx.at(e + 2).map(|h| hx.tokens[h]))
            {
                name = format!("{name} {} {}", w.norm(e + 1), w.name_text(pa, pb));
                end = pb;
            }
            let span = w.doc.tokens[start].span.cover(w.doc.tokens[end - 1].span);
            w.named_org(
                &name,
                Some(country.to_string()),
                None,
                span,
                "actors/embassy",
            );
            taken[start..end].fill(true);
        }
    }
    // "the Russian embassy" is the one Russian embassy the document places
    for g in 0..w.actors.len() {
        if w.actors[g].kind != ActorKind::Organisation || !w.actors[g].name.ends_with(" embassy") {
            continue;
        }
        let prefix = format!("{} ", w.actors[g].name);
        let placed: Vec<usize> = (0..w.actors.len())
            .filter(|&x| w.actors[x].name.starts_with(&prefix))
            .collect();
        if let [only] = placed[..] {
            for m in w.mentions.iter_mut().filter(|m| m.actor.0 == g) {
                m.actor = ActorId(only);
            }
        }
    }
}

/// Definite references to an organisation named before: "the ministry", "the embassy",
/// "the paper", "the conservative Warsaw daily", "the Chronicle". Each goes to the latest
/// organisation mentioned before it that fits (its head noun, or an outlet for a media
/// noun, from the same country when the reference gives one). Also: a generic ministry
/// ("the defence ministry") is the one ministry of that portfolio the document names
/// with its country.
pub(super) fn org_references(
    w: &mut Work,
    sentences: &[(usize, usize)],
    hx: &HitIndex,
    taken: &mut [bool],
) {
    // generic ministry -> the one national ministry of the same portfolio
    let ministry_portfolio = |w: &Work, name: &str| -> Option<usize> {
        let rest = name.strip_prefix("Ministry of ")?;
        let p = match rest.rfind(" of ") {
            Some(k) => &rest[..k],
            None => rest,
        };
        let p = p.strip_prefix("the ").unwrap_or(p);
        w.lex.portfolio(p).map(|(i, _)| i)
    };
    for g in 0..w.actors.len() {
        let a = &w.actors[g];
        if a.kind != ActorKind::Organisation || a.country.is_some() {
            continue;
        }
        let Some(gi) = w.lex.generic_ministry(&a.name) else {
            continue;
        };
        let national: Vec<usize> = (0..w.actors.len())
            .filter(|&x| {
                let b = &w.actors[x];
                x != g
                    && b.kind == ActorKind::Organisation
                    && b.country.is_some()
                    && ministry_portfolio(w, &b.name) == Some(gi)
            })
            .collect();
        if let [only] = national[..] {
            for m in w.mentions.iter_mut().filter(|m| m.actor.0 == g) {
                m.actor = ActorId(only);
            }
        }
    }
    let orgs: Vec<usize> = (0..w.actors.len())
        .filter(|&x| w.actors[x].kind == ActorKind::Organisation)
        .collect();
    if orgs.is_empty() {
        return;
    }
    // Each organisation's lower-cased name and mentions by position, so that a reference
    // looks up the last fitting organisation per actor instead of scanning every mention
    // (quadratic on long documents).
    let mut lower: Vec<String> = vec![String::new(); w.actors.len()];
    let mut seen: Vec<Vec<(usize, usize)>> = vec![Vec::new(); w.actors.len()];
    for &x in &orgs {
        lower[x] = w.actors[x].name.to_lowercase();
    }
    for m in &w.mentions {
        if w.actors[m.actor.0].kind == ActorKind::Organisation {
            seen[m.actor.0].push((m.span.start, m.span.end));
        }
    }
    for v in &mut seen {
        v.sort_unstable();
    }
    // the start of the actor's last mention that ends before `at`
    let last_before = |v: &[(usize, usize)], at: usize| -> Option<usize> {
        let k = v.partition_point(|&(s, _)| s < at);
        v[..k]
            .iter()
            .rev()
            .find(|&&(_, e)| e <= at)
            .map(|&(s, _)| s)
    };
    for &(lo, hi) in sentences {
        let mut i = lo;
        while i + 1 < hi {
            if taken[i] || !w.has(i, F_THE) {
                i += 1;
                continue;
            }
            // "the Chronicle": the last word of an outlet's name
            let single_cap = w.cap(i + 1) && !taken[i + 1] && hx.at(i + 1).is_none();
            // the + up to three modifiers + head
            let mut j = i + 1;
            let mut country: Option<&str> = None;
            let mut head: Option<usize> = None;
            while j < hi && j <= i + 4 && !taken[j] {
                let nm = w.norm(j);
                if w.has(j, F_MEDIA | F_ORG_HEAD) || matches!(nm, "ministry" | "embassy") {
                    head = Some(j);
                    break;
                }
                if let Some(h) = hx.at(j) {
                    match hx.hits[h].ent {
                        Ent::Adjective { country: c } | Ent::Capital { country: c } => {
                            country = Some(c);
                            j = hx.tokens[h].1;
                            continue;
                        }
                        _ => break,
                    }
                }
                if w.doc.tokens[j].kind != TokenKind::Word {
                    break;
                }
                j += 1;
            }
            let single_cap = single_cap && head.is_none();
            let Some(hd) = head.or(single_cap.then_some(i + 1)) else {
                i += 1;
                continue;
            };
            // "the ministry of …" is a name; "the daily briefing" is an adjective
            let adjectival = matches!(w.norm(hd), "daily" | "weekly")
                && hd + 1 < hi
                && w.doc.tokens[hd + 1].kind == TokenKind::Word
                && !w.has(hd + 1, F_SPEECH)
                && !w.norm(hd + 1).ends_with('s');
            if adjectival || (hd + 1 < hi && w.norm(hd + 1) == "of") {
                i += 1;
                continue;
            }
            let start = w.doc.tokens[i].span.start;
            let head_word = w.norm(hd);
            let media = w.has(hd, F_MEDIA);
            let fits = |x: usize| -> bool {
                let a = &w.actors[x];
                if a.kind != ActorKind::Organisation {
                    return false;
                }
                let outlet = a.role.as_deref() == Some(OUTLET_ROLE);
                let by_head = if media {
                    outlet
                } else if single_cap {
                    outlet
                        && a.name
                            .rsplit(' ')
                            .next()
                            .is_some_and(|l| normalizes_to(w.tok(hd), &normalize_name(l)))
                } else {
                    lower[x].contains(head_word)
                };
                // an outlet whose country is unknown may be "the British paper"
                by_head && country.is_none_or(|c| a.country.as_deref().is_none_or(|x| x == c))
            };
            let target = orgs
                .iter()
                .filter(|&&x| fits(x))
                .filter_map(|&x| Some((last_before(&seen[x], start)?, x)))
                .max()
                .map(|(_, x)| ActorId(x));
            if let Some(id) = target {
                let span = w.doc.tokens[i].span.cover(w.doc.tokens[hd].span);
                w.mention(id, span, MentionKind::Role, "actors/role/organisation");
                let v = &mut seen[id.0];
                let k = v.partition_point(|&p| p < (span.start, span.end));
                v.insert(k, (span.start, span.end));
                taken[i..=hd].fill(true);
                i = hd + 1;
                continue;
            }
            i += 1;
        }
    }
}
