//! Person names by construction: title + name, honorific + name, appositions and roles
//! before a name.

use super::features::{
    F_CAP, F_DET, F_HONORIFIC, F_NOT_NAME, F_PARTICLE, F_QUALIFIER, F_ROLE_NOUN, F_SPEECH,
    F_SURNAME_WORD, F_THE,
};
use super::hits::HitIndex;
use super::work::{PersonInfo, Work};
use crate::lex::Ent;
use stancemap_core::TokenKind;

impl Work<'_> {
    /// Reads a person name starting at token `i` (bounded by `hi`): capitalised tokens
    /// and inner particles, at most five tokens. Returns the token range.
    pub(super) fn read_name(&self, i: usize, hi: usize, taken: &[bool]) -> Option<(usize, usize)> {
        let mut j = i;
        let mut words = 0;
        while j < hi && words < 5 {
            if taken[j] {
                break;
            }
            // an ordinary word that is also a surname ends a name: "Ana Will", "Ed Young"
            let word = self.doc.tokens[j].kind == TokenKind::Word
                && self.cap(j)
                && (!self.has(j, F_NOT_NAME) || words > 0 && self.has(j, F_SURNAME_WORD));
            if word {
                words += 1;
                j += 1;
            } else if words > 0
                && j + 1 < hi
                && ((self.has(j, F_PARTICLE) && self.has(j + 1, F_CAP | F_PARTICLE))
                    || (self.norm(j) == "-"
                        && self.cap(j + 1)
                        && self.doc.tokens[j].span.start == self.doc.tokens[j - 1].span.end))
            {
                j += 1;
            } else {
                break;
            }
        }
        (words > 0).then_some((i, j))
    }
}

/// Pass 1, people by construction: a title (with its complement) before a name ("Latvia's
/// President Edgars Rinkevics", "the envoy, Jane Roe", "Minister for the Armed Forces Ana
/// Roe"), and an academic or honorific title before a name ("Dr.", "Professor").
pub(super) fn titled_names(
    w: &mut Work,
    sentences: &[(usize, usize)],
    hx: &HitIndex,
    taken: &mut [bool],
) {
    for &(lo, hi) in sentences {
        let mut i = lo;
        while i < hi {
            // title (+ complement) + name
            if let Some(h) = hx.at(i) {
                let (a, b) = hx.tokens[h];
                if a == i
                    && let Ent::Title {
                        canonical,
                        honorific,
                        ..
                    } = &hx.hits[h].ent
                {
                    let mut j = b;
                    // "Minister of Foreign Affairs", "Commander in Europe"
                    // "Minister for the Armed Forces"
                    let the = usize::from(j + 2 < hi && w.has(j + 1, F_THE));
                    if j + 1 + the < hi
                        && matches!(w.norm(j), "of" | "in" | "for")
                        && w.cap(j + 1 + the)
                    {
                        let mut k = j + 1 + the;
                        while k < hi
                            && (w.cap(k) || w.norm(k) == "and" && k + 1 < hi && w.cap(k + 1))
                            && k - j < 5
                        {
                            k += 1;
                        }
                        // only when a name follows the complement, directly or after a
                        // comma ("Russia's envoy in Oslo, Ivan Petrov,")
                        let name_at = |x: usize| {
                            x < hi && w.read_name(x, hi, taken).is_some_and(|(x, y)| y - x >= 2)
                        };
                        if name_at(k)
                            || (k < hi && matches!(w.norm(k), "," | "(") && name_at(k + 1))
                        {
                            j = k;
                        }
                    }
                    // "Title, Name" and a label "The Minister for X (Ana Roe)"
                    let comma = j < hi && matches!(w.norm(j), "," | "(");
                    let start = if comma { j + 1 } else { j };
                    if let Some((na, mut nb)) = w.read_name(start, hi, taken) {
                        // a scraping garble: "Title Jan, Kowalski," -> one name
                        if !comma
                            && nb - na == 1
                            && nb + 1 < hi
                            && w.norm(nb) == ","
                            && w.read_name(nb + 1, hi, taken)
                                .is_some_and(|(x, y)| y - x == 1)
                            && nb + 2 < hi
                            && matches!(w.norm(nb + 2), "," | "said" | "says" | "stated")
                        {
                            nb += 2;
                        }
                        // an editorial insertion that opened before the title closes
                        // inside the name: "(Latvian Prime Minister Ilze) Ozola", "[Mr] Roe"
                        if nb + 1 < hi
                            && matches!(w.norm(nb), ")" | "]")
                            && (lo..a)
                                .rev()
                                .take(4)
                                .any(|t| matches!(w.norm(t), "(" | "["))
                            && let Some((_, y)) = w.read_name(nb + 1, hi, taken)
                        {
                            nb = y;
                        }
                        let hit_here = (na..nb).any(|t| {
                            hx.at(t).is_some_and(|hh| {
                                !matches!(hx.hits[hh].ent, Ent::Person { .. })
                                    && !surname_hit(w, hx, hh, na)
                            })
                        });
                        if !hit_here {
                            let mut info = title_info(w, hx, a, canonical);
                            // "Dr. Jane Roe, a senior fellow at …": the apposition is the role
                            let appos = nb + 2 < hi && w.norm(nb) == "," && w.has(nb + 1, F_DET);
                            if *honorific || (appos && info.org.is_none() && info.country.is_none())
                            {
                                info.role = if appos {
                                    apposition_role(w, nb + 1, hi)
                                } else {
                                    None
                                }
                                .or(if *honorific {
                                    None
                                } else {
                                    info.role
                                });
                            }
                            w.person(na, nb, info, "actors/title-name");
                            taken[na..nb].fill(true);
                            // an organisation that opens the title is the person's
                            // affiliation, not a body named here: "Danish Defence
                            // Minister X", "NATO spokesperson X"
                            if let Some(h) = a.checked_sub(1).and_then(|p| hx.at(p))
                                && hx.tokens[h].1 == a
                                && matches!(hx.hits[h].ent, Ent::Org { .. })
                            {
                                taken[hx.tokens[h].0..a].fill(true);
                            }
                            i = nb;
                            continue;
                        }
                    }
                }
            }
            // honorific + name
            let nrm = w.norm(i);
            if w.has(i, F_HONORIFIC) {
                let mut j = i + 1;
                if j < hi && w.norm(j) == "." {
                    j += 1;
                }
                if let Some((na, nb)) = w.read_name(j, hi, taken) {
                    let role = matches!(nrm.trim_end_matches('.'), "professor" | "prof")
                        .then(|| "Professor".to_string());
                    w.person(
                        na,
                        nb,
                        PersonInfo {
                            role,
                            country: None,
                            org: None,
                        },
                        "actors/honorific-name",
                    );
                    taken[na..nb].fill(true);
                    i = nb;
                    continue;
                }
            }
            i += 1;
        }
    }
}

/// A known person (registry) at tokens `a..b`, added or linked as any person is; the
/// hit's tokens are taken.
pub(super) fn known_person(w: &mut Work, a: usize, b: usize) -> bool {
    let info = PersonInfo {
        role: None,
        country: None,
        org: None,
    };
    w.person(a, b, info, "actors/registry/person");
    true
}

/// A registry hit that is a surname inside a name: one word of `surname_words` after a
/// first name ("Ana Holland", "Ed Jordan").
pub(super) fn surname_hit(w: &Work, hx: &HitIndex, h: usize, name_start: usize) -> bool {
    let (ha, hb) = hx.tokens[h];
    hb == ha + 1 && ha > name_start && w.has(ha, F_SURNAME_WORD)
}

/// A name whose role comes before it in a reporting clause, and that role:
/// - set off by commas right before a reporting verb: "The leader of the opposition,
///   Ana Roe, said …" (the role is the noun phrase before the comma);
/// - closing a post-posed reporting clause: "…, said Latvian drone entrepreneur Ana Roe."
///   (the role is the words between verb and name).
///
/// The role's first country word gives the country.
pub(super) fn role_before_name(
    w: &Work,
    lo: usize,
    a: usize,
    b: usize,
    hi: usize,
) -> Option<PersonInfo> {
    const MAX_ROLE: usize = 8;
    let word = |i: usize| w.doc.tokens[i].kind == TokenKind::Word;
    let (from, to) = if a > lo + 1
        && w.norm(a - 1) == ","
        && b + 1 < hi
        && w.norm(b) == ","
        && w.has(b + 1, F_SPEECH)
    {
        // the noun phrase before the comma, back to the clause start
        let mut k = a - 1;
        while k > lo && word(k - 1) && a - 1 - k < MAX_ROLE {
            k -= 1;
        }
        (k > lo && !word(k - 1) || k == lo).then_some((k, a - 1))?
    } else {
        // the reporting verb right after a comma or closing quotation mark, then words
        let mut k = a;
        while k > lo && word(k - 1) && !w.has(k - 1, F_SPEECH) && a - k < MAX_ROLE - 2 {
            k -= 1;
        }
        let closes = b >= hi || !word(b) || matches!(w.norm(b), "when" | "on" | "in" | "at");
        let verb = k > lo + 1 && k < a && w.has(k - 1, F_SPEECH) && !word(k - 2);
        (verb && closes).then_some((k, a))?
    };
    let first = (from..to).find(|&i| !w.has(i, F_THE)).unwrap_or(from);
    if first >= to {
        return None;
    }
    let country = (first..to)
        .filter(|&i| w.cap(i))
        .find_map(|i| w.lex.registry().country(w.tok(i)))
        .map(|c| c.name.clone());
    let role = w
        .doc
        .slice(w.doc.tokens[first].span.cover(w.doc.tokens[to - 1].span));
    Some(PersonInfo {
        role: Some(role.split_whitespace().collect::<Vec<_>>().join(" ")),
        country,
        org: None,
    })
}

/// Whether the tokens after a name and its comma (from `from`) are an apposition that
/// makes the name a person, and the role and country it gives: ", a senior fellow at …",
/// ", the Latvian defence minister,", ", Latvia's defence minister,", ", leader of the
/// opposition,", ", who teaches …", ", 67,".
pub(super) fn apposition_after(
    w: &Work,
    hx: &HitIndex,
    from: usize,
    hi: usize,
) -> Option<PersonInfo> {
    let empty = || PersonInfo {
        role: None,
        country: None,
        org: None,
    };
    let end = (from + 7).min(hi);
    // a title after modifiers (article, country, organisation, possessive, qualifier)
    let mut t = from;
    while t < end {
        if let Some(h) = hx.at(t) {
            match &hx.hits[h].ent {
                Ent::Title { canonical, .. } => {
                    if hx.tokens[h].0 != t {
                        break;
                    }
                    // "…, President Ana Roe" is a list of names, not an apposition
                    let (_, tb) = hx.tokens[h];
                    if tb < hi && w.cap(tb) && !w.has(tb, F_NOT_NAME) && hx.at(tb).is_none() {
                        return None;
                    }
                    let mut info = title_info(w, hx, t, canonical);
                    if info.role.is_none() {
                        info.role = Some(canonical.to_string());
                    }
                    return Some(info);
                }
                Ent::Country { .. }
                | Ent::Adjective { .. }
                | Ent::Org { .. }
                | Ent::Seat { .. }
                | Ent::Capital { .. } => {
                    t = hx.tokens[h].1;
                    continue;
                }
                _ => break,
            }
        }
        if w.has(t, F_DET) || w.norm(t) == "'s" || w.has(t, F_QUALIFIER) {
            t += 1;
            continue;
        }
        break;
    }
    // article + role noun: ", a senior researcher at …"; a role noun after at most two
    // qualifiers and before a complement: ", deputy chair of the committee,"
    // a hyphenated role counts by its first part: "President-in-Office", "Chief-of-Staff"
    let role_word = |t: usize| {
        w.has(t, F_ROLE_NOUN)
            || w.norm(t)
                .split_once('-')
                .is_some_and(|(head, _)| w.lex.words().get(head.as_bytes()) & F_ROLE_NOUN != 0)
    };
    let mut t = from;
    while t < hi && t < from + 3 && (w.has(t, F_QUALIFIER) || role_word(t)) {
        t += 1;
    }
    let bare_role = t > from
        && role_word(t - 1)
        && (w.cap(from) || t < hi && matches!(w.norm(t), "of" | "at" | "for" | "in" | ","));
    if (w.has(from, F_DET) && (from + 1..end).any(|t| w.has(t, F_ROLE_NOUN))) || bare_role {
        let mut info = empty();
        info.role = apposition_role(w, from, hi);
        // ", a Ukrainian air-defence officer": the adjective gives the country
        info.country = (from + 1..end)
            .take_while(|&t| !w.has(t, F_ROLE_NOUN))
            .find_map(|t| match hx.at(t).map(|h| &hx.hits[h].ent) {
                Some(Ent::Adjective { country } | Ent::Country { name: country }) => {
                    Some(country.to_string())
                }
                _ => None,
            });
        return Some(info);
    }
    // ", who teaches …", ", on behalf of the group," and an age ", 67,"
    let on_behalf = from + 2 < hi
        && w.norm(from) == "on"
        && w.norm(from + 1) == "behalf"
        && w.norm(from + 2) == "of";
    if on_behalf
        || w.norm(from) == "who"
        || (w.doc.tokens[from].kind == TokenKind::Number
            && from + 1 < hi
            && w.norm(from + 1) == ","
            && w.norm(from).len() <= 3)
    {
        return Some(empty());
    }
    None
}

/// Role and country of a title at token `a`: "Polish Prime Minister", "Latvia's
/// President", "NATO Secretary-General", "Putin spokesman".
fn title_info(w: &Work, hx: &HitIndex, a: usize, canonical: &str) -> PersonInfo {
    let mut info = PersonInfo {
        role: Some(canonical.to_string()),
        country: None,
        org: None,
    };
    let mut k = a;
    // skip a lower-case qualifier: "deputy UN ambassador", "former"
    for _ in 0..4 {
        if k == 0 {
            break;
        }
        let p = k - 1;
        if w.norm(p) == "'s" && p > 0 {
            k = p;
            continue;
        }
        if let Some(h) = hx.at(p) {
            let (ha, _) = hx.tokens[h];
            match &hx.hits[h].ent {
                Ent::Country { name }
                | Ent::Capital { country: name }
                | Ent::Adjective { country: name } => {
                    info.country.get_or_insert_with(|| name.to_string());
                }
                Ent::Seat { country, .. } => {
                    info.country.get_or_insert_with(|| country.to_string());
                }
                Ent::Org {
                    name,
                    country,
                    short,
                } => {
                    info.org
                        .get_or_insert_with(|| short.unwrap_or(name).to_string());
                    if info.country.is_none() {
                        info.country = country.map(str::to_string);
                    }
                }
                Ent::Person { country, .. } => {
                    if info.country.is_none() {
                        info.country = country.map(str::to_string);
                    }
                }
                _ => break,
            }
            k = ha;
        } else if matches!(
            w.norm(p),
            "deputy" | "former" | "acting" | "senior" | "chief" | "interim"
        ) {
            k = p;
        } else {
            break;
        }
    }
    // role text as written between the modifier and the name, e.g. "deputy UN ambassador"
    if let Some(org) = &info.org {
        info.role = Some(format!("{org} {canonical}"));
    }
    info
}

/// A role from an apposition: ", a senior researcher at the Royal Institute (RI),".
fn apposition_role(w: &Work, from: usize, hi: usize) -> Option<String> {
    let mut j = from;
    if j < hi && w.has(j, F_DET) {
        j += 1;
    }
    let mut end = j;
    while end < hi
        && !matches!(
            w.norm(end),
            "," | "." | ";" | "\"" | ":" | "who" | "which" | "whose"
        )
        && end - j < 14
    {
        end += 1;
    }
    (end > j).then(|| {
        let s = w
            .doc
            .slice(w.doc.tokens[j].span.cover(w.doc.tokens[end - 1].span));
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    })
}
