//! Actor identity across documents.
//!
//! Within a document the actor finder links every mention of a person to one actor. Across
//! documents the key is the actor id (the slug of the canonical name), which splits one
//! person in two when one article spells the name differently ("R. Veltri", a scraping
//! slip such as "Ros, Veltri", or the surname alone) and another gives the full name.
//! [`Identities`] merges such a person into the fuller name when that name is the only
//! person of the input it can stand for.
//!
//! The `author` actor is the opposite case: every document has one, with the same id, but
//! the author's voice belongs to that document (or its outlet), so it becomes one actor
//! per outlet when the outlet is known and per document otherwise.

use std::borrow::Cow;
use std::collections::HashMap;

use stancemap_core::output::{ActorOut, DocumentReport};

/// The id and name an actor of one document has in the frames.
pub(crate) struct Identities<'a> {
    /// Person id → the id and name of the fuller person it is merged into.
    merged: HashMap<&'a str, (&'a str, &'a str)>,
}

/// A person's name as lower-case word tokens (punctuation splits words).
fn tokens(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether the short name `a` can stand for the full name `b`: the same surname (last
/// word), `a` has fewer given-name words or shorter ones, and each given word of `a` is
/// the start of the matching given word of `b` ("r" or "ros" for "rosa").
fn stands_for(a: &[String], b: &[String]) -> bool {
    let (Some((sa, ga)), Some((sb, gb))) = (a.split_last(), b.split_last()) else {
        return false;
    };
    if sa != sb || gb.is_empty() || ga.len() > gb.len() || a == b {
        return false;
    }
    ga.iter().zip(gb).all(|(x, y)| y.starts_with(x.as_str()))
}

impl<'a> Identities<'a> {
    /// Looks at every person of the reports.
    pub(crate) fn new(reports: &'a [DocumentReport]) -> Identities<'a> {
        // Distinct persons by id, with their name tokens and country.
        let mut people: HashMap<&'a str, (&'a ActorOut, Vec<String>)> = HashMap::new();
        for a in reports.iter().flat_map(|r| &r.actors) {
            if a.kind == "person" {
                people
                    .entry(a.id.as_str())
                    .or_insert_with(|| (a, tokens(&a.name)));
            }
        }
        let mut merged: HashMap<&'a str, (&'a str, &'a str)> = HashMap::new();
        for (&id, (actor, toks)) in &people {
            let mut targets = people.iter().filter(|&(&other, (o, otoks))| {
                other != id
                    && stands_for(toks, otoks)
                    && match (&actor.country, &o.country) {
                        (Some(x), Some(y)) => x == y,
                        _ => true,
                    }
            });
            if let (Some((&to, (target, _))), None) = (targets.next(), targets.next()) {
                let target: &'a ActorOut = target;
                merged.insert(id, (to, target.name.as_str()));
            }
        }
        // A target that is itself merged (a chain) resolves to its end.
        let snapshot = merged.clone();
        for v in merged.values_mut() {
            let mut steps = 0;
            while let Some(next) = snapshot.get(v.0) {
                *v = *next;
                steps += 1;
                if steps > 8 {
                    break;
                }
            }
        }
        Identities { merged }
    }

    /// The id and name of `actor` (id `id`) of `report` in the frames.
    pub(crate) fn resolve(
        &self,
        report: &'a DocumentReport,
        id: &'a str,
        actor: Option<&'a ActorOut>,
    ) -> (Cow<'a, str>, Cow<'a, str>) {
        let name = actor.map_or(id, |a| a.name.as_str());
        if actor.is_some_and(|a| a.kind == "author") {
            return match &report.outlet {
                Some(outlet) => (
                    Cow::Owned(format!("{id}@{}", slug(outlet))),
                    Cow::Owned(format!("{name} ({outlet})")),
                ),
                None => (
                    Cow::Owned(format!("{id}@{}", report.doc_id)),
                    Cow::Owned(format!("{name} ({})", report.doc_id)),
                ),
            };
        }
        match self.merged.get(id) {
            Some(&(to_id, to_name)) => (Cow::Borrowed(to_id), Cow::Borrowed(to_name)),
            None => (Cow::Borrowed(id), Cow::Borrowed(name)),
        }
    }
}

/// Lower-case letters and digits, words joined by `-` ("CEPA (Europe's Edge)" →
/// `cepa-europes-edge`).
fn slug(s: &str) -> String {
    tokens(&s.replace(['\'', '\u{2019}'], "")).join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<String> {
        tokens(s)
    }

    #[test]
    fn outlet_slugs_are_letters_digits_and_dashes() {
        assert_eq!(slug("CEPA (Harbour\u{2019}s Edge)"), "cepa-harbours-edge");
        assert_eq!(slug("Daily A"), "daily-a");
    }

    #[test]
    fn short_and_garbled_names_stand_for_the_full_name() {
        assert!(stands_for(&t("Ros, Veltri"), &t("Rosalind Veltri")));
        assert!(stands_for(&t("R. Veltri"), &t("Rosalind Veltri")));
        assert!(stands_for(&t("Veltri"), &t("Rosalind Veltri")));
        assert!(!stands_for(&t("Marta Veltri"), &t("Rosalind Veltri")));
        assert!(!stands_for(&t("Rosalind Veltri"), &t("Rosalind Veltri")));
        assert!(!stands_for(&t("Rosalind Veltri"), &t("Veltri")));
        assert!(!stands_for(&t("Rosalind Marek"), &t("Rosalind Veltri")));
    }
}
