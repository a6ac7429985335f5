//! Person names in reporting contexts: "said Ed Roe", "according to Ed Roe", "Roe said".

use super::features::{F_DET, F_NOT_NAME, F_ORG_HEAD, F_PLACE_HEAD, F_ROLE_NOUN, F_SPEECH, F_THE};
use super::hits::HitIndex;
use super::people::{apposition_after, role_before_name, surname_hit};
use super::work::{PersonInfo, Work};
use stancemap_core::TokenKind;

/// Pass 2, names in reporting contexts and appositions: two or more capitalised words
/// after or before a verb of saying ("said Ed Roe", "according to Ed Roe", "Ed Roe
/// said"), or with an apposition or a role ("Ed Roe, a senior researcher at …"). A name
/// with neither is returned, to be confirmed by [`confirm_names`].
pub(super) fn names_in_context(
    w: &mut Work,
    sentences: &[(usize, usize)],
    hx: &HitIndex,
    taken: &mut [bool],
) -> Vec<(usize, usize)> {
    let mut unconfirmed: Vec<(usize, usize)> = Vec::new();
    for &(lo, hi) in sentences {
        let mut i = lo;
        while i < hi {
            if taken[i] || hx.at(i).is_some() || !w.cap(i) {
                i += 1;
                continue;
            }
            let Some((a, b)) = w.read_name(i, hi, taken) else {
                i += 1;
                continue;
            };
            let hit_inside = (a..b).any(|t| hx.at(t).is_some_and(|h| !surname_hit(w, hx, h, a)));
            if b - a < 2 || hit_inside || w.has(b - 1, F_ORG_HEAD) {
                i = b.max(i + 1);
                continue;
            }
            let before = (a > lo).then(|| w.norm(a - 1));
            let before2 = (a > lo + 1).then(|| w.norm(a - 2));
            let after = (b < hi).then(|| w.norm(b));
            let speech_before = (a > lo && w.has(a - 1, F_SPEECH))
                || (before == Some("to") && before2 == Some("according"));
            let speech_after = b < hi && w.has(b, F_SPEECH);
            let apposition = (after == Some(",") && b + 1 < hi)
                .then(|| apposition_after(w, hx, b + 1, hi))
                .flatten()
                .or_else(|| role_before_name(w, lo, a, b, hi));
            // a person's name takes no article: "the liberal Tagesbote argues" is an outlet
            let after_article = (a > lo && w.has(a - 1, F_THE))
                || (a > lo + 1
                    && w.has(a - 2, F_THE)
                    && !w.cap(a - 1)
                    && w.doc.tokens[a - 1].kind == TokenKind::Word);
            let place_like = w.has(b - 1, F_PLACE_HEAD) || after_article;
            if !place_like && (speech_before || speech_after || apposition.is_some()) {
                let info = apposition.unwrap_or(PersonInfo {
                    role: None,
                    country: None,
                    org: None,
                });
                w.person(a, b, info, "actors/name-context");
                taken[a..b].fill(true);
            } else if !place_like && b - a <= 3 && !(a == lo && b - a == 2 && w.has(a, F_ROLE_NOUN))
            {
                unconfirmed.push((a, b));
            }
            i = b;
        }
    }
    unconfirmed
}

/// Pass 2, names kept aside by [`names_in_context`]: a person when the name's last word
/// is used as a speaker elsewhere ("Nobody pushed harder than Ana Veltri. … Veltri said").
pub(super) fn confirm_names(
    w: &mut Work,
    sentences: &[(usize, usize)],
    unconfirmed: Vec<(usize, usize)>,
    taken: &mut [bool],
) {
    if !unconfirmed.is_empty() {
        let speakers = single_word_speakers(w, sentences);
        for (a, b) in unconfirmed {
            if (a..b).any(|t| taken[t]) {
                continue;
            }
            let last = w.norm(b - 1);
            if speakers.contains(&last) {
                let info = PersonInfo {
                    role: None,
                    country: None,
                    org: None,
                };
                w.person(a, b, info, "actors/name-confirmed");
                taken[a..b].fill(true);
            }
        }
    }
}

/// Normal forms of single capitalised words used as speakers: "Veltri said", "said
/// Veltri", "according to Veltri", "Veltri told".
fn single_word_speakers<'a>(w: &Work<'a>, sentences: &[(usize, usize)]) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::new();
    for &(lo, hi) in sentences {
        for t in lo..hi {
            if lone_speaker(w, t, lo, hi) && !out.contains(&w.norm(t)) {
                out.push(w.norm(t));
            }
        }
    }
    out
}

/// Token `t` of the sentence `lo..hi` is one capitalised word, no capitalised word beside
/// it, right before or after a verb of saying: "Roe said", "said Roe", "according to Roe".
fn lone_speaker(w: &Work, t: usize, lo: usize, hi: usize) -> bool {
    if !w.cap(t) || w.has(t, F_NOT_NAME) || w.doc.tokens[t].kind != TokenKind::Word {
        return false;
    }
    // "the Commission said": a determiner makes it a common noun's phrase
    let alone =
        (t == lo || (!w.cap(t - 1) && !w.has(t - 1, F_DET))) && (t + 1 >= hi || !w.cap(t + 1));
    let after = t + 1 < hi && w.has(t + 1, F_SPEECH) && w.norm(t + 1) != "according";
    let before = t > lo
        && (w.has(t - 1, F_SPEECH) && w.norm(t - 1) != "asked"
            || (w.norm(t - 1) == "to" && t > lo + 1 && w.norm(t - 2) == "according"));
    alone && (after || before)
}

/// A surname used alone as a speaker, with no full name anywhere in the document ("Roe
/// said the talks had failed."): a person, unless the word is in the registry, looks like
/// a plural noun ("Officials said"), occurs in lower case in the document (a common
/// noun capitalised at the start of a sentence) or opens a longer name.
pub(super) fn lone_surname_speakers(
    w: &mut Work,
    sentences: &[(usize, usize)],
    hx: &HitIndex,
    taken: &mut [bool],
) {
    // candidates first (rare), then one pass over the document for the checks
    let mut candidates: Vec<(usize, &str)> = Vec::new();
    for &(lo, hi) in sentences {
        for t in (lo..hi).filter(|&t| !taken[t] && hx.at(t).is_none()) {
            let norm = w.norm(t);
            // a surname of a person already found is linked by a later pass
            let known = || w.people.iter().any(|(_, s, _)| s == norm);
            if !lone_speaker(w, t, lo, hi)
                || norm.ends_with('s')
                || !norm.chars().all(char::is_alphabetic)
                || known()
            {
                continue;
            }
            candidates.push((t, norm));
        }
    }
    if candidates.is_empty() {
        return;
    }
    let doc = w.doc;
    let is_candidate = |norm: &str| candidates.iter().any(|&(_, n)| n == norm);
    // a word the document also uses in lower case is a common noun
    let mut rejected: Vec<&str> = doc
        .tokens
        .iter()
        .filter(|tok| {
            is_candidate(doc.word(tok.norm)) && doc.slice(tok.span).starts_with(char::is_lowercase)
        })
        .map(|tok| doc.word(tok.norm))
        .collect();
    // a word that opens a longer name ("Renew" of "Renew Group") names that thing, not a
    // person; the whole text is read, as labels and furniture have no tokens
    let mut words = doc.text().split_whitespace().peekable();
    while let Some(word) = words.next() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let before_name = words
            .peek()
            .is_some_and(|n| n.starts_with(char::is_uppercase));
        if !before_name {
            continue;
        }
        if let Some(&(_, norm)) = candidates.iter().find(|&&(t, _)| w.tok(t) == word) {
            rejected.push(norm);
        }
    }
    for (t, norm) in candidates {
        if rejected.contains(&norm) {
            continue;
        }
        let info = PersonInfo {
            role: None,
            country: None,
            org: None,
        };
        w.person(t, t + 1, info, "actors/lone-surname");
        taken[t] = true;
    }
}
