//! The lookup indexes (every surface in normal form) and the lookups through them.

use super::Registry;
use super::model::{Country, Group, Ministry, Organisation, Person, Seat, Title};
use stancemap_core::text::normalize_name;
use std::collections::HashMap;
use std::collections::hash_map::Entry as Slot;
use std::sync::Arc;

/// Rank of a lookup key: on a key shared by two entries, the lower rank wins, then the
/// entry loaded first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Name,
    Alias,
    Weak,
}

#[derive(Clone, Debug, Default)]
pub(super) struct Index {
    country: HashMap<String, (Rank, usize)>,
    capital: HashMap<String, usize>,
    iso: HashMap<String, usize>,
    seat: HashMap<String, (usize, usize)>,
    organisation: HashMap<String, (Rank, usize)>,
    ministry: HashMap<String, (Rank, usize)>,
    title: HashMap<String, (Rank, usize)>,
    group: HashMap<String, (Rank, usize)>,
    person: HashMap<String, (Rank, usize)>,
}

fn put(map: &mut HashMap<String, (Rank, usize)>, key: &str, rank: Rank, i: usize) {
    let key = normalize_name(key);
    if key.is_empty() {
        return;
    }
    match map.entry(key) {
        Slot::Occupied(mut o) => {
            if rank < o.get().0 {
                o.insert((rank, i));
            }
        }
        Slot::Vacant(v) => {
            v.insert((rank, i));
        }
    }
}

fn get(map: &HashMap<String, (Rank, usize)>, key: &str) -> Option<usize> {
    map.get(&normalize_name(key)).map(|&(_, i)| i)
}

impl Registry {
    pub(super) fn reindex(&mut self) {
        let mut ix = Index::default();
        for (i, c) in self.countries.iter().enumerate() {
            put(&mut ix.country, &c.name, Rank::Name, i);
            for s in c.aliases.iter().chain(&c.adjectives).chain(&c.demonyms) {
                put(&mut ix.country, s, Rank::Alias, i);
            }
            if let Some(cap) = &c.capital {
                for s in std::iter::once(&cap.name).chain(&cap.variants) {
                    ix.capital.entry(normalize_name(s)).or_insert(i);
                }
            }
            for code in c.iso2.iter().chain(&c.iso3) {
                ix.iso.entry(code.to_ascii_uppercase()).or_insert(i);
            }
            for (j, s) in c.seats.iter().enumerate() {
                for surf in std::iter::once(&s.name).chain(&s.surfaces) {
                    ix.seat.entry(normalize_name(surf)).or_insert((i, j));
                }
            }
        }
        for (i, o) in self.organisations.iter().enumerate() {
            put(&mut ix.organisation, &o.name, Rank::Name, i);
            for s in &o.aliases {
                put(&mut ix.organisation, s, Rank::Alias, i);
            }
        }
        for (i, m) in self.ministries.iter().enumerate() {
            put(&mut ix.ministry, &m.name, Rank::Name, i);
            for s in &m.surfaces {
                put(&mut ix.ministry, s, Rank::Alias, i);
            }
        }
        for (i, t) in self.titles.iter().enumerate() {
            put(&mut ix.title, &t.name, Rank::Name, i);
            for s in &t.variants {
                put(&mut ix.title, s, Rank::Alias, i);
            }
        }
        for (i, g) in self.groups.iter().enumerate() {
            put(&mut ix.group, &g.name, Rank::Name, i);
            for s in &g.variants {
                put(&mut ix.group, s, Rank::Alias, i);
            }
        }
        for (i, p) in self.people.iter().enumerate() {
            put(&mut ix.person, &p.name, Rank::Name, i);
            for s in &p.aliases {
                put(&mut ix.person, s, Rank::Alias, i);
            }
            for s in &p.weak_aliases {
                put(&mut ix.person, s, Rank::Weak, i);
            }
        }
        self.index = Arc::new(ix);
    }

    // -------------------------------------------------------------------- lookups

    /// The country with this name, alias, adjective or demonym ("Polish", "U.S.", "the
    /// Netherlands", "Poles"). Capitals and seats are separate: [`Registry::country_by_capital`],
    /// [`Registry::seat`].
    pub fn country(&self, surface: &str) -> Option<&Country> {
        self.country_index(surface).map(|i| &self.countries[i])
    }

    /// Index into [`Registry::countries`] of [`Registry::country`].
    pub fn country_index(&self, surface: &str) -> Option<usize> {
        get(&self.index.country, surface)
    }

    /// The country with this ISO 3166-1 alpha-2 or alpha-3 code (any case).
    pub fn country_by_iso(&self, code: &str) -> Option<&Country> {
        self.index
            .iso
            .get(&code.trim().to_ascii_uppercase())
            .map(|&i| &self.countries[i])
    }

    /// The country whose capital (or capital variant) this is ("Kiev" → Ukraine). Check
    /// [`Capital::ambiguous`](super::Capital::ambiguous) before treating the city as the
    /// government.
    pub fn country_by_capital(&self, city: &str) -> Option<&Country> {
        self.index
            .capital
            .get(&normalize_name(city))
            .map(|&i| &self.countries[i])
    }

    /// The seat of government with this name or surface ("the Kremlin", "Downing
    /// Street"), and its country.
    pub fn seat(&self, surface: &str) -> Option<(&Country, &Seat)> {
        let &(i, j) = self.index.seat.get(&normalize_name(surface))?;
        let c = &self.countries[i];
        Some((c, &c.seats[j]))
    }

    /// The organisation with this name or alias ("NATO", "North Atlantic Treaty
    /// Organization", "the EU").
    pub fn organisation(&self, surface: &str) -> Option<&Organisation> {
        get(&self.index.organisation, surface).map(|i| &self.organisations[i])
    }

    /// The ministry with this name or surface ("the Pentagon", "Defence Ministry").
    pub fn ministry(&self, surface: &str) -> Option<&Ministry> {
        get(&self.index.ministry, surface).map(|i| &self.ministries[i])
    }

    /// The title with this name or variant ("Defense Minister", "NATO chief", "Prof.").
    /// On a surface shared by two titles the one listed first wins (the generic
    /// "Secretary General" before NATO's).
    pub fn title(&self, surface: &str) -> Option<&Title> {
        get(&self.index.title, surface).map(|i| &self.titles[i])
    }

    /// The group with this name or variant ("Baltic countries" → "Baltic states").
    pub fn group(&self, surface: &str) -> Option<&Group> {
        get(&self.index.group, surface).map(|i| &self.groups[i])
    }

    /// The person with this name, alias or weak alias ("Zelenskyy", "Johnson").
    pub fn person(&self, surface: &str) -> Option<&Person> {
        get(&self.index.person, surface).map(|i| &self.people[i])
    }

    /// The countries with a membership key ("baltic" → Estonia, Latvia, Lithuania).
    pub fn members<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Country> + 'a {
        self.countries
            .iter()
            .filter(move |c| c.memberships.iter().any(|m| m.eq_ignore_ascii_case(key)))
    }

    /// The countries a group is made of, through its membership keys (empty when the
    /// context decides). Each country once, in registry order.
    pub fn group_members(&self, group: &Group) -> Vec<&Country> {
        self.countries
            .iter()
            .filter(|c| {
                group
                    .memberships
                    .iter()
                    .any(|k| c.memberships.iter().any(|m| m.eq_ignore_ascii_case(k)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{OrgClass, TitleClass};
    use stancemap_core::ActorKind;

    #[test]
    fn country_lookups() {
        let reg = Registry::embedded();
        let name = |s: &str| reg.country(s).map(|c| c.name.as_str());
        assert_eq!(name("Polish"), Some("Poland"));
        assert_eq!(name("Poles"), Some("Poland"));
        assert_eq!(name("U.S."), Some("United States"));
        assert_eq!(name("the United States"), Some("United States"));
        assert_eq!(name("Britain"), Some("United Kingdom"));
        assert_eq!(name("Czechia"), Some("Czech Republic"));
        assert_eq!(name("Türkiye"), Some("Turkey"));
        assert_eq!(name("Côte d’Ivoire"), Some("Côte d'Ivoire"));
        assert_eq!(name("Cote d'Ivoire"), Some("Côte d'Ivoire"));
        assert_eq!(name("Atlantis"), None);
        assert_eq!(
            reg.country_by_iso("pl").map(|c| c.name.as_str()),
            Some("Poland")
        );
        assert_eq!(
            reg.country_by_iso("DEU").map(|c| c.name.as_str()),
            Some("Germany")
        );
        assert_eq!(
            reg.country_by_capital("Kiev").map(|c| c.name.as_str()),
            Some("Ukraine")
        );
        let belgium = reg.country_by_capital("Brussels");
        assert!(
            belgium
                .and_then(|c| c.capital.as_ref())
                .is_some_and(|c| c.ambiguous)
        );
    }

    #[test]
    fn seats_titles_groups_people() {
        let reg = Registry::embedded();
        let (c, s) = reg.seat("the Kremlin").expect("Kremlin seat");
        assert_eq!(
            (c.name.as_str(), s.name.as_str(), s.kind),
            ("Russia", "Kremlin", ActorKind::Organisation)
        );
        let (c, s) = reg.seat("The White House").expect("White House seat");
        assert_eq!(
            (c.name.as_str(), s.name.as_str()),
            ("United States", "White House")
        );
        let t = reg.title("Defense Minister").expect("title");
        assert_eq!(
            (t.name.as_str(), t.class, t.person),
            ("Defence Minister", TitleClass::Minister, true)
        );
        let t = reg.title("NATO chief").expect("title");
        assert_eq!(
            (t.name.as_str(), t.org.as_deref()),
            ("Secretary General", Some("NATO"))
        );
        assert_eq!(
            reg.title("Secretary-General").map(|t| t.org.is_none()),
            Some(true)
        );
        assert_eq!(
            reg.title("spokeswoman").map(|t| t.name.as_str()),
            Some("Spokesperson")
        );
        let g = reg.group("Baltic countries").expect("group");
        let members: Vec<&str> = reg
            .group_members(g)
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(members, ["Estonia", "Latvia", "Lithuania"]);
        assert_eq!(reg.members("nordic").count(), 5);
        assert_eq!(reg.members("nato").count(), 32);
        assert_eq!(reg.members("eu").count(), 27);
        assert_eq!(
            reg.ministry("the Pentagon")
                .and_then(|m| m.country.as_deref()),
            Some("United States")
        );
        assert_eq!(
            reg.ministry("Defence Ministry")
                .map(|m| m.portfolio.as_str()),
            Some("Defence")
        );
        assert_eq!(
            reg.organisation("Nato").map(|o| o.name.as_str()),
            Some("NATO")
        );
        assert_eq!(
            reg.organisation("RUSI").map(|o| o.class),
            Some(OrgClass::ThinkTank)
        );
        assert_eq!(
            reg.person("Zelenskyy").map(|p| p.name.as_str()),
            Some("Volodymyr Zelensky")
        );
    }
}
