//! References to registry entries (by which sort of surface) and every surface form.

use super::Registry;
use super::model::{Country, Group, Ministry, Organisation, Person, Seat, Title};
use stancemap_core::ActorKind;

/// Which surface of a country, organisation or person matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Surface {
    /// The canonical name.
    Name,
    /// An alias or acronym.
    Alias,
    /// A country adjective ("Polish").
    Adjective,
    /// A demonym ("Poles").
    Demonym,
    /// The capital or one of its variants ("Warsaw").
    Capital,
}

/// A reference to one registry entry (indexes into the registry's slices), with the sort
/// of surface that designated it. Resolve it with [`Registry::entry`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum EntryRef {
    /// `countries()[i]` by a name, alias, adjective, demonym or capital.
    Country(usize, Surface),
    /// `countries()[i].seats[j]`.
    Seat(usize, usize),
    /// `organisations()[i]` by its name or an alias.
    Organisation(usize, Surface),
    /// `ministries()[i]`.
    Ministry(usize),
    /// `titles()[i]`.
    Title(usize),
    /// `groups()[i]`.
    Group(usize),
    /// `people()[i]` by the full name or an alias.
    Person(usize, Surface),
}

/// A resolved [`EntryRef`]: the entry itself.
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub enum Entry<'r> {
    /// A country and the sort of surface.
    Country(&'r Country, Surface),
    /// A seat of government and its country.
    Seat(&'r Country, &'r Seat),
    /// An organisation and the sort of surface.
    Organisation(&'r Organisation, Surface),
    /// A ministry.
    Ministry(&'r Ministry),
    /// A title.
    Title(&'r Title),
    /// A group.
    Group(&'r Group),
    /// A person and the sort of surface.
    Person(&'r Person, Surface),
}

impl<'r> Entry<'r> {
    /// The canonical name of the entry (for a seat, the body it designates).
    pub fn name(&self) -> &'r str {
        match self {
            Entry::Country(c, _) => &c.name,
            Entry::Seat(_, s) => &s.name,
            Entry::Organisation(o, _) => &o.name,
            Entry::Ministry(m) => &m.name,
            Entry::Title(t) => &t.name,
            Entry::Group(g) => &g.name,
            Entry::Person(p, _) => &p.name,
        }
    }

    /// The actor kind the entry designates; none for a title (a role, not an actor).
    pub fn kind(&self) -> Option<ActorKind> {
        match self {
            Entry::Country(..) => Some(ActorKind::State),
            Entry::Seat(_, s) => Some(s.kind),
            Entry::Organisation(o, _) => Some(o.kind),
            Entry::Ministry(_) => Some(ActorKind::Organisation),
            Entry::Title(_) => None,
            Entry::Group(_) => Some(ActorKind::Group),
            Entry::Person(..) => Some(ActorKind::Person),
        }
    }

    /// The country the entry belongs to, if the data says.
    pub fn country(&self) -> Option<&'r str> {
        match self {
            Entry::Country(c, _) | Entry::Seat(c, _) => Some(&c.name),
            Entry::Organisation(o, _) => o.country.as_deref(),
            Entry::Ministry(m) => m.country.as_deref(),
            Entry::Title(t) => t.country.as_deref(),
            Entry::Group(_) => None,
            Entry::Person(p, _) => p.country.as_deref(),
        }
    }

    /// Whether the data marks the matched name as ambiguous (needs context).
    pub fn is_ambiguous(&self) -> bool {
        match self {
            Entry::Country(c, Surface::Capital) => c.capital.as_ref().is_some_and(|k| k.ambiguous),
            Entry::Country(c, Surface::Name | Surface::Alias) => c.ambiguous,
            Entry::Country(..) => false,
            Entry::Seat(_, s) => s.ambiguous,
            Entry::Organisation(o, _) => o.ambiguous,
            Entry::Ministry(m) => m.ambiguous,
            Entry::Title(_) | Entry::Group(_) | Entry::Person(..) => false,
        }
    }
}

impl Registry {
    /// Resolves a reference; none if it does not index this registry.
    pub fn entry(&self, r: EntryRef) -> Option<Entry<'_>> {
        Some(match r {
            EntryRef::Country(i, s) => Entry::Country(self.countries.get(i)?, s),
            EntryRef::Seat(i, j) => {
                let c = self.countries.get(i)?;
                Entry::Seat(c, c.seats.get(j)?)
            }
            EntryRef::Organisation(i, s) => Entry::Organisation(self.organisations.get(i)?, s),
            EntryRef::Ministry(i) => Entry::Ministry(self.ministries.get(i)?),
            EntryRef::Title(i) => Entry::Title(self.titles.get(i)?),
            EntryRef::Group(i) => Entry::Group(self.groups.get(i)?),
            EntryRef::Person(i, s) => Entry::Person(self.people.get(i)?, s),
        })
    }

    /// Every surface form with the entry it designates, in a fixed order: countries
    /// (name, aliases, adjectives, demonyms, capital and its variants, seat surfaces),
    /// organisations, ministries (surfaces), titles, groups, people (name and aliases; weak
    /// aliases are left out). The gazetteer matches exactly these.
    pub fn surfaces(&self) -> Vec<(&str, EntryRef)> {
        let mut out = Vec::new();
        for (i, c) in self.countries.iter().enumerate() {
            out.push((c.name.as_str(), EntryRef::Country(i, Surface::Name)));
            out.extend(
                c.aliases
                    .iter()
                    .map(|s| (s.as_str(), EntryRef::Country(i, Surface::Alias))),
            );
            out.extend(
                c.adjectives
                    .iter()
                    .map(|s| (s.as_str(), EntryRef::Country(i, Surface::Adjective))),
            );
            out.extend(
                c.demonyms
                    .iter()
                    .map(|s| (s.as_str(), EntryRef::Country(i, Surface::Demonym))),
            );
            if let Some(cap) = &c.capital {
                out.push((cap.name.as_str(), EntryRef::Country(i, Surface::Capital)));
                out.extend(
                    cap.variants
                        .iter()
                        .map(|s| (s.as_str(), EntryRef::Country(i, Surface::Capital))),
                );
            }
            for (j, s) in c.seats.iter().enumerate() {
                out.extend(
                    s.surfaces
                        .iter()
                        .map(|x| (x.as_str(), EntryRef::Seat(i, j))),
                );
            }
        }
        for (i, o) in self.organisations.iter().enumerate() {
            out.push((o.name.as_str(), EntryRef::Organisation(i, Surface::Name)));
            out.extend(
                o.aliases
                    .iter()
                    .map(|s| (s.as_str(), EntryRef::Organisation(i, Surface::Alias))),
            );
        }
        for (i, m) in self.ministries.iter().enumerate() {
            out.extend(
                m.surfaces
                    .iter()
                    .map(|s| (s.as_str(), EntryRef::Ministry(i))),
            );
        }
        for (i, t) in self.titles.iter().enumerate() {
            out.push((t.name.as_str(), EntryRef::Title(i)));
            out.extend(t.variants.iter().map(|s| (s.as_str(), EntryRef::Title(i))));
        }
        for (i, g) in self.groups.iter().enumerate() {
            out.push((g.name.as_str(), EntryRef::Group(i)));
            out.extend(g.variants.iter().map(|s| (s.as_str(), EntryRef::Group(i))));
        }
        for (i, p) in self.people.iter().enumerate() {
            out.push((p.name.as_str(), EntryRef::Person(i, Surface::Name)));
            out.extend(
                p.aliases
                    .iter()
                    .map(|s| (s.as_str(), EntryRef::Person(i, Surface::Alias))),
            );
        }
        out
    }
}
