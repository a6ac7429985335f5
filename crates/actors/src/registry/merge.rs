//! Combining registries: entries with the same identity merged, the others appended.

use super::Registry;
use super::model::{Country, Ministry, Title};
use stancemap_core::text::normalize_name;
use std::collections::HashMap;
use std::sync::Arc;

/// Merges `incoming` into `existing`: an entry whose key is already present is merged
/// into the first entry with that key, the others are appended. Each key is computed once
/// and looked up in a map, so loading stays linear in the size of the data.
fn merge_by_key<T, K: Eq + std::hash::Hash>(
    existing: &mut Vec<T>,
    incoming: impl IntoIterator<Item = T>,
    key: impl Fn(&T) -> K,
    mut merge: impl FnMut(&mut T, T),
) {
    let incoming = incoming.into_iter();
    let mut index: HashMap<K, usize> =
        HashMap::with_capacity(existing.len() + incoming.size_hint().0);
    for (i, x) in existing.iter().enumerate() {
        index.entry(key(x)).or_insert(i);
    }
    for item in incoming {
        match index.get(&key(&item)) {
            Some(&i) => merge(&mut existing[i], item),
            None => {
                index.insert(key(&item), existing.len());
                existing.push(item);
            }
        }
    }
}

/// Appends the items of `more` not already in `list`.
fn union(list: &mut Vec<String>, more: Vec<String>) {
    for m in more {
        if !list.contains(&m) {
            list.push(m);
        }
    }
}

impl Registry {
    /// Adds the entries of `other`. An entry with the same identity as an existing one
    /// (same normal-form name; for titles also the same `org` and `country`) is merged
    /// into it: lists are united, optional fields set in `other` replace the old value,
    /// flags are or-ed. Other entries are appended. Extending never removes data: to drop
    /// embedded entries, build from your own files with [`Registry::from_path`].
    pub fn extend(&mut self, other: Registry) {
        self.merge(std::iter::once(other));
        self.reindex();
    }

    /// [`Registry::extend`] by several registries in order, without re-indexing: each
    /// entry's key is computed once, whatever the number of parts.
    pub(super) fn merge(&mut self, others: impl IntoIterator<Item = Registry>) {
        let mut countries = Vec::new();
        let mut organisations = Vec::new();
        let mut ministries = Vec::new();
        let mut titles = Vec::new();
        let mut groups = Vec::new();
        let mut people = Vec::new();
        for other in others {
            countries.push(Arc::unwrap_or_clone(other.countries));
            organisations.push(Arc::unwrap_or_clone(other.organisations));
            ministries.push(Arc::unwrap_or_clone(other.ministries));
            titles.push(Arc::unwrap_or_clone(other.titles));
            groups.push(Arc::unwrap_or_clone(other.groups));
            people.push(Arc::unwrap_or_clone(other.people));
            union(
                Arc::make_mut(&mut self.not_actors),
                Arc::unwrap_or_clone(other.not_actors),
            );
            union(
                Arc::make_mut(&mut self.article_required),
                Arc::unwrap_or_clone(other.article_required),
            );
            union(
                Arc::make_mut(&mut self.lower_in_titles),
                Arc::unwrap_or_clone(other.lower_in_titles),
            );
        }
        let name = |n: &String| normalize_name(n);
        merge_by_key(
            Arc::make_mut(&mut self.countries),
            countries.into_iter().flatten(),
            |c| name(&c.name),
            merge_country,
        );
        merge_by_key(
            Arc::make_mut(&mut self.organisations),
            organisations.into_iter().flatten(),
            |o| name(&o.name),
            |x, o| {
                union(&mut x.aliases, o.aliases);
                x.kind = o.kind;
                x.class = o.class;
                x.country = o.country.or(x.country.take());
                x.parent = o.parent.or(x.parent.take());
                x.ambiguous |= o.ambiguous;
                union(&mut x.short_forms, o.short_forms);
            },
        );
        merge_by_key(
            Arc::make_mut(&mut self.ministries),
            ministries.into_iter().flatten(),
            ministry_key,
            |x, m| {
                x.portfolio = m.portfolio;
                union(&mut x.words, m.words);
                union(&mut x.surfaces, m.surfaces);
                x.minister = m.minister.or(x.minister.take());
                x.ambiguous |= m.ambiguous;
            },
        );
        merge_by_key(
            Arc::make_mut(&mut self.titles),
            titles.into_iter().flatten(),
            title_key,
            |x, t| {
                union(&mut x.variants, t.variants);
                x.class = t.class;
                x.person |= t.person;
                x.portfolio = t.portfolio.or(x.portfolio.take());
            },
        );
        merge_by_key(
            Arc::make_mut(&mut self.groups),
            groups.into_iter().flatten(),
            |g| name(&g.name),
            |x, g| {
                union(&mut x.variants, g.variants);
                x.class = g.class;
                union(&mut x.memberships, g.memberships);
            },
        );
        merge_by_key(
            Arc::make_mut(&mut self.people),
            people.into_iter().flatten(),
            |p| name(&p.name),
            |x, p| {
                union(&mut x.aliases, p.aliases);
                union(&mut x.weak_aliases, p.weak_aliases);
                x.country = p.country.or(x.country.take());
                for r in p.roles {
                    if !x.roles.contains(&r) {
                        x.roles.push(r);
                    }
                }
            },
        );
    }
}

pub(super) fn title_key(t: &Title) -> String {
    format!(
        "{}|{}|{}",
        normalize_name(&t.name),
        t.org.as_deref().map(normalize_name).unwrap_or_default(),
        t.country.as_deref().map(normalize_name).unwrap_or_default()
    )
}

pub(super) fn ministry_key(m: &Ministry) -> String {
    normalize_name(&m.name)
}

fn merge_country(x: &mut Country, c: Country) {
    x.iso2 = c.iso2.or(x.iso2.take());
    x.iso3 = c.iso3.or(x.iso3.take());
    union(&mut x.aliases, c.aliases);
    union(&mut x.adjectives, c.adjectives);
    union(&mut x.demonyms, c.demonyms);
    match (&mut x.capital, c.capital) {
        (Some(old), Some(new)) if normalize_name(&old.name) == normalize_name(&new.name) => {
            union(&mut old.variants, new.variants);
            union(&mut old.also, new.also);
            old.ambiguous |= new.ambiguous;
        }
        (slot, Some(new)) => *slot = Some(new),
        (_, None) => {}
    }
    union(&mut x.memberships, c.memberships);
    x.ambiguous |= c.ambiguous;
    for s in c.seats {
        match x
            .seats
            .iter_mut()
            .find(|y| normalize_name(&y.name) == normalize_name(&s.name))
        {
            Some(y) => {
                union(&mut y.surfaces, s.surfaces);
                y.kind = s.kind;
                y.ambiguous |= s.ambiguous;
            }
            None => x.seats.push(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::{EMBEDDED_FILES, OrgClass, Person};

    #[test]
    fn extend_merges_same_names_and_appends_others() {
        let mut reg = Registry::embedded().clone();
        let user = Registry::from_toml(
            "user.toml",
            r#"
[[organisation]]
name = "NATO"
aliases = ["the Atlantic alliance"]
class = "alliance"

[[organisation]]
name = "Institute of Imaginary Studies"
aliases = ["IIS"]
class = "think_tank"
country = "Poland"

[[person]]
name = "Jane Roe"
aliases = ["Roe"]
country = "Estonia"
roles = [{ role = "Ambassador", country = "Estonia", from = "2024-02" }]
"#,
        )
        .expect("user file");
        let before = reg.organisations().len();
        reg.extend(user);
        assert_eq!(reg.organisations().len(), before + 1);
        assert_eq!(
            reg.organisation("Atlantic alliance")
                .map(|o| o.name.as_str()),
            Some("NATO")
        );
        assert_eq!(
            reg.organisation("North Atlantic Treaty Organization")
                .map(|o| o.name.as_str()),
            Some("NATO")
        );
        assert_eq!(
            reg.organisation("IIS").map(|o| o.class),
            Some(OrgClass::ThinkTank)
        );
        assert_eq!(
            reg.person("Roe").and_then(|p| p.country.as_deref()),
            Some("Estonia")
        );
    }

    /// Merging all embedded files at once and indexing once gives the registry that
    /// extending file by file did.
    #[test]
    fn one_merge_equals_file_by_file_extension() {
        let mut old = Registry::default();
        for (name, text) in EMBEDDED_FILES {
            old.extend(Registry::from_toml(name, text).expect("embedded file"));
        }
        let new = Registry::embedded();
        assert_eq!(
            format!("{:?}", old.countries()),
            format!("{:?}", new.countries())
        );
        assert_eq!(
            format!("{:?}", old.organisations()),
            format!("{:?}", new.organisations())
        );
        assert_eq!(
            format!("{:?}", old.ministries()),
            format!("{:?}", new.ministries())
        );
        assert_eq!(format!("{:?}", old.titles()), format!("{:?}", new.titles()));
        assert_eq!(format!("{:?}", old.groups()), format!("{:?}", new.groups()));
        assert_eq!(format!("{:?}", old.people()), format!("{:?}", new.people()));
        assert_eq!(old.not_actors(), new.not_actors());
        assert_eq!(old.article_required(), new.article_required());
        assert_eq!(old.lower_in_titles(), new.lower_in_titles());
        let mut keys: Vec<&str> = new.surfaces().into_iter().map(|(s, _)| s).collect();
        keys.extend(
            new.people()
                .iter()
                .flat_map(|p| &p.weak_aliases)
                .map(String::as_str),
        );
        for k in keys {
            assert_eq!(old.country_index(k), new.country_index(k), "{k}");
            let ptr = |o: Option<&Person>| o.map(|p| p.name.clone());
            assert_eq!(ptr(old.person(k)), ptr(new.person(k)), "{k}");
            assert_eq!(
                old.organisation(k).map(|o| &o.name),
                new.organisation(k).map(|o| &o.name)
            );
            assert_eq!(old.title(k).map(|t| &t.name), new.title(k).map(|t| &t.name));
            assert_eq!(old.group(k).map(|g| &g.name), new.group(k).map(|g| &g.name));
            assert_eq!(
                old.ministry(k).map(|m| &m.name),
                new.ministry(k).map(|m| &m.name)
            );
            assert_eq!(
                old.seat(k).map(|(c, s)| (&c.name, &s.name)),
                new.seat(k).map(|(c, s)| (&c.name, &s.name))
            );
            assert_eq!(
                old.country_by_capital(k).map(|c| &c.name),
                new.country_by_capital(k).map(|c| &c.name)
            );
        }
    }
}
