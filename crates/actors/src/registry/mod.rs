//! The actor registry: countries (with capitals and seats of government), organisations,
//! ministries, titles, groups and well-known people, read from TOML data files.
//!
//! The default data is compiled into the binary (`data/*.toml`, see
//! [`Registry::embedded`]); a user file or directory can extend it
//! ([`Registry::with_overrides`]) or replace it ([`Registry::from_path`]). Every file has
//! the same schema: any of the arrays of tables `[[country]]`, `[[organisation]]`,
//! `[[ministry]]`, `[[title]]`, `[[group]]`, `[[person]]`, and the top-level lists
//! `not_actors`, `article_required` and `lower_in_titles`. The header comment of each embedded file documents
//! its fields.
//!
//! Lookups ([`Registry::country`], [`Registry::title`], …) take any surface form and
//! compare normal forms ([`normalize_name`](stancemap_core::text::normalize_name): case,
//! diacritics, curly apostrophes and a leading "the" do not matter). Finding the surfaces
//! in running text is the [`Gazetteer`](crate::gazetteer::Gazetteer)'s job.
//!
//! # Example
//! ```
//! use stancemap_actors::registry::Registry;
//! let reg = Registry::embedded();
//! assert_eq!(reg.country("Polish").map(|c| c.name.as_str()), Some("Poland"));
//! let (russia, seat) = reg.seat("the Kremlin").expect("a seat");
//! assert_eq!((russia.name.as_str(), seat.name.as_str()), ("Russia", "Kremlin"));
//! assert_eq!(reg.title("defense minister").map(|t| t.name.as_str()), Some("Defence Minister"));
//! ```
//!
//! The submodules, one concern each:
//! - `model`: the entry types (countries, organisations, ministries, titles, groups,
//!   people, roles);
//! - `raw`: the TOML side (file layout, roles and capitals as written, checked codes);
//! - `date`: dates and the date-scoped offices of people;
//! - `entry`: references to entries and every surface form;
//! - `parse`: reading files and directories, with `file:line:col` errors;
//! - `merge`: combining registries;
//! - `index`: the lookup indexes and the lookups.

mod date;
mod entry;
mod index;
mod merge;
mod model;
mod parse;
mod raw;

pub use date::Date;
pub use entry::{Entry, EntryRef, Surface};
pub use model::{
    Capital, Country, Group, GroupClass, Ministry, OrgClass, Organisation, Person, Role, Seat,
    Title, TitleClass,
};

use index::Index;
use stancemap_core::Error;
pub(crate) use stancemap_core::data::error as data_error;
use std::path::Path;
use std::sync::{Arc, LazyLock};

/// The embedded data files, `(file name, text)`, in load order.
pub const EMBEDDED_FILES: &[(&str, &str)] = &[
    ("countries.toml", include_str!("../../data/countries.toml")),
    (
        "organisations.toml",
        include_str!("../../data/organisations.toml"),
    ),
    (
        "ministries.toml",
        include_str!("../../data/ministries.toml"),
    ),
    ("titles.toml", include_str!("../../data/titles.toml")),
    ("groups.toml", include_str!("../../data/groups.toml")),
    ("people.toml", include_str!("../../data/people.toml")),
];

/// Countries, organisations, ministries, titles, groups and people, with lookups by any
/// surface form. Build once, share (`&Registry` or `Arc<Registry>`).
#[derive(Clone, Debug, Default)]
pub struct Registry {
    // Shared, copied on write: a clone (the analyzer's lexicon clones the embedded
    // registry) costs nothing.
    countries: Arc<Vec<Country>>,
    organisations: Arc<Vec<Organisation>>,
    ministries: Arc<Vec<Ministry>>,
    titles: Arc<Vec<Title>>,
    groups: Arc<Vec<Group>>,
    people: Arc<Vec<Person>>,
    not_actors: Arc<Vec<String>>,
    article_required: Arc<Vec<String>>,
    lower_in_titles: Arc<Vec<String>>,
    index: Arc<Index>,
}

static EMBEDDED: LazyLock<Registry> = LazyLock::new(|| {
    // The embedded files are part of the program: a parse error is a bug, caught by the
    // test `embedded_files_parse`. They are merged in one pass and indexed once.
    let parts = EMBEDDED_FILES.iter().map(|(name, text)| {
        Registry::parse(name, text)
            .unwrap_or_else(|e| panic!("embedded actor data is malformed: {e}"))
    });
    let mut reg = Registry::default();
    reg.merge(parts);
    reg.reindex();
    reg
});

impl Registry {
    /// An empty registry.
    pub fn new() -> Registry {
        Registry::default()
    }

    /// The registry of the embedded data files, parsed once.
    ///
    /// # Panics
    /// Never in a tested build: the embedded files are checked by the crate's tests.
    pub fn embedded() -> &'static Registry {
        &EMBEDDED
    }

    /// The embedded registry extended by a user file or directory of files
    /// (see [`Registry::extend`]).
    ///
    /// # Errors
    /// An I/O error, or a `Data` error naming file, line and column.
    pub fn with_overrides(path: impl AsRef<Path>) -> Result<Registry, Error> {
        let mut reg = Registry::embedded().clone();
        reg.extend(Registry::from_path(path)?);
        Ok(reg)
    }

    // -------------------------------------------------------------------- slices

    /// All countries, in load order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// All organisations, in load order.
    pub fn organisations(&self) -> &[Organisation] {
        &self.organisations
    }

    /// All ministries, in load order.
    pub fn ministries(&self) -> &[Ministry] {
        &self.ministries
    }

    /// All titles, in load order.
    pub fn titles(&self) -> &[Title] {
        &self.titles
    }

    /// All groups, in load order.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// All people, in load order.
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// Phrases that contain an actor word but designate no actor ("Latin America",
    /// "Warsaw Pact"): the gazetteer matches and drops them.
    pub fn not_actors(&self) -> &[String] {
        &self.not_actors
    }

    /// Surfaces beginning with "the" whose article may not be dropped ("the West": "West"
    /// alone designates nothing).
    pub fn article_required(&self) -> &[String] {
        &self.article_required
    }

    /// Words kept in lower case when a surface written in lower case is also matched in
    /// title case ("Ministry of National Defence" from "ministry of national defence").
    pub fn lower_in_titles(&self) -> &[String] {
        &self.lower_in_titles
    }

    /// Whether the registry has no entry at all.
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty()
            && self.organisations.is_empty()
            && self.ministries.is_empty()
            && self.titles.is_empty()
            && self.groups.is_empty()
            && self.people.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_parse() {
        for (name, text) in EMBEDDED_FILES {
            let r = Registry::from_toml(name, text);
            assert!(
                r.is_ok(),
                "{}",
                r.err().map(|e| e.to_string()).unwrap_or_default()
            );
        }
        let reg = Registry::embedded();
        assert!(reg.countries().len() >= 197, "{}", reg.countries().len());
        assert!(reg.organisations().len() > 100);
        assert!(reg.titles().len() > 50);
        assert!(reg.groups().len() > 20);
        assert!(reg.ministries().len() > 10);
        assert!(reg.people().len() > 100);
    }

    #[test]
    fn embedded_references_resolve() {
        let reg = Registry::embedded();
        for p in reg.people() {
            if let Some(c) = &p.country {
                assert!(reg.country(c).is_some(), "{}: unknown country {c}", p.name);
            }
            for r in &p.roles {
                if let Some(c) = &r.country {
                    assert!(
                        reg.country(c).is_some(),
                        "{}: unknown role country {c}",
                        p.name
                    );
                }
                if let Some(o) = &r.org {
                    let known = reg.organisation(o).is_some()
                        || reg.seat(o).is_some()
                        || reg.ministry(o).is_some();
                    assert!(known, "{}: unknown org {o}", p.name);
                }
            }
        }
        for o in reg.organisations() {
            if let Some(c) = &o.country {
                assert!(reg.country(c).is_some(), "{}: unknown country {c}", o.name);
            }
            if let Some(par) = &o.parent {
                assert!(
                    reg.organisation(par).is_some(),
                    "{}: unknown parent {par}",
                    o.name
                );
            }
        }
        for t in reg.titles() {
            if let Some(c) = &t.country {
                assert!(reg.country(c).is_some(), "{}: unknown country {c}", t.name);
            }
            if let Some(o) = &t.org {
                assert!(reg.organisation(o).is_some(), "{}: unknown org {o}", t.name);
            }
            if let Some(p) = &t.portfolio {
                assert!(
                    reg.ministries().iter().any(|m| &m.portfolio == p),
                    "{}: portfolio {p}",
                    t.name
                );
            }
        }
        for m in reg.ministries() {
            if let Some(t) = &m.minister {
                assert!(
                    reg.title(t).is_some(),
                    "{}: unknown minister title {t}",
                    m.name
                );
            }
            if let Some(c) = &m.country {
                assert!(reg.country(c).is_some(), "{}: unknown country {c}", m.name);
            }
        }
        for g in reg.groups() {
            for k in &g.memberships {
                assert!(
                    reg.members(k).next().is_some(),
                    "{}: no member with key {k}",
                    g.name
                );
            }
        }
        for c in reg.countries() {
            for a in c.capital.iter().flat_map(|k| &k.also) {
                assert!(reg.organisation(a).is_some(), "{}: unknown org {a}", c.name);
            }
        }
    }
}
