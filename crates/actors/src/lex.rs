//! The finder's view of the registry: gazetteer hits resolved to what the finder needs.

use crate::finder::{EMBEDDED_WORDS, Words};
use crate::gazetteer::Gazetteer;
use crate::registry::{
    Date, Entry, EntryRef, OrgClass, Organisation, Registry, Surface, TitleClass,
};
use crate::words::WordLists;
use stancemap_core::{ActorKind, Document, Error, Span};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

/// A registry entry as the finder uses it, borrowing its names from the registry (a
/// document has hundreds of hits: copying their names cost more than finding them).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Ent<'r> {
    /// A country by name or alias.
    Country { name: &'r str },
    /// A country adjective or demonym: a modifier ("Polish"), not an actor by itself.
    Adjective { country: &'r str },
    /// A demonym ("Poles", "Finns"): in the plural, a group of the country's people.
    Demonym { country: &'r str },
    /// A capital used as a metonym ("Warsaw").
    Capital { country: &'r str },
    /// A capital that also seats organisations ("Brussels": the EU, NATO); as a
    /// speaking subject it stands for one of them.
    SharedSeat { orgs: &'r [String] },
    /// A seat of government ("the Kremlin"): the state itself or a body of it.
    Seat {
        name: &'r str,
        country: &'r str,
        state: bool,
    },
    /// An organisation (or ministry), with its short form if it has one ("NATO").
    Org {
        name: &'r str,
        country: Option<&'r str>,
        short: Option<&'r str>,
    },
    /// A ministry by a registry surface ("Defence Ministry", "the Pentagon").
    Ministry {
        name: &'r str,
        country: Option<&'r str>,
    },
    /// A group noun.
    Group { name: &'r str },
    /// A title; `person` when "the <title>" designates one holder.
    Title {
        canonical: &'r str,
        person: bool,
        honorific: bool,
    },
    /// A known public figure.
    Person { country: Option<&'r str> },
}

/// A registry hit in a document.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit<'r> {
    pub span: Span,
    pub ent: Ent<'r>,
}

/// A known person with the role held on the document's date.
#[derive(Clone, Debug)]
pub(crate) struct Known {
    pub name: String,
    pub country: Option<String>,
    pub role: Option<String>,
}

/// The registry and its gazetteer, compiled once and shared by the stage.
#[derive(Debug)]
pub struct ActorLexicon {
    registry: Arc<Registry>,
    gazetteer: Arc<Gazetteer>,
    /// Per title of the registry (same index): the role it gives, with its organisation
    /// ("NATO Secretary General"), made once instead of per hit.
    titles: Vec<String>,
    /// Short form → index of its organisation ([`Organisation::short_forms`]).
    short_forms: HashMap<String, usize>,
    /// The finder's word classes (`data/words.toml`, or a user file).
    words: Arc<Words>,
}

/// Each organisation short form of `registry`, with the organisation's index.
fn short_forms(registry: &Registry) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for (i, o) in registry.organisations().iter().enumerate() {
        for f in &o.short_forms {
            out.entry(f.clone()).or_insert(i);
        }
    }
    out
}

/// The role each title of `registry` gives (see [`ActorLexicon::titles`]).
fn title_roles(registry: &Registry) -> Vec<String> {
    registry
        .titles()
        .iter()
        .map(|t| match &t.org {
            Some(org) if !t.name.contains(org.as_str()) => format!("{org} {}", t.name),
            _ => t.name.clone(),
        })
        .collect()
}

static EMBEDDED: LazyLock<Arc<ActorLexicon>> = LazyLock::new(|| {
    let registry = Registry::embedded().clone();
    Arc::new(ActorLexicon {
        titles: title_roles(&registry),
        short_forms: short_forms(&registry),
        registry: Arc::new(registry),
        gazetteer: Arc::new(Gazetteer::embedded().clone()),
        words: Arc::clone(&EMBEDDED_WORDS),
    })
});

impl ActorLexicon {
    /// The embedded registry (built once per process).
    pub fn embedded() -> Arc<ActorLexicon> {
        Arc::clone(&EMBEDDED)
    }

    /// A lexicon over a registry.
    ///
    /// # Errors
    /// When the automaton cannot be built.
    pub fn new(registry: Registry) -> Result<ActorLexicon, Error> {
        let gazetteer = Gazetteer::new(&registry)?;
        Ok(ActorLexicon {
            titles: title_roles(&registry),
            short_forms: short_forms(&registry),
            registry: Arc::new(registry),
            gazetteer: Arc::new(gazetteer),
            words: Arc::clone(&EMBEDDED_WORDS),
        })
    }

    /// The lexicon with the finder's word classes read from a file in the format of the
    /// embedded `data/words.toml` (names, particles, titles' heads, reporting verbs …).
    ///
    /// # Errors
    /// An I/O error naming the path, or a data error with its line and column (TOML,
    /// unknown list, a word not in lower case or longer than 16 bytes).
    pub fn with_word_file(
        mut self,
        path: impl AsRef<std::path::Path>,
    ) -> Result<ActorLexicon, Error> {
        let path = path.as_ref();
        let text = stancemap_core::data::read(path)?;
        let lists = WordLists::parse(&path.display().to_string(), &text)?;
        self.words = Arc::new(Words::of(&lists));
        Ok(self)
    }

    /// The finder's word table.
    pub(crate) fn words(&self) -> &Words {
        &self.words
    }

    /// The embedded registry extended with user files (TOML, any registry section).
    ///
    /// # Errors
    /// A file that cannot be read or parsed (named with line and column).
    pub fn with_files(files: &[PathBuf]) -> Result<ActorLexicon, Error> {
        let mut registry = Registry::embedded().clone();
        for f in files {
            registry.extend(Registry::from_path(f)?);
        }
        ActorLexicon::new(registry)
    }

    /// The registry.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// Registry hits inside the document's sentences, resolved.
    pub(crate) fn hits(&self, doc: &Document) -> Vec<Hit<'_>> {
        let mut out = Vec::new();
        for s in &doc.sentences {
            let text = doc.slice(s.span);
            for h in self.gazetteer.find(text) {
                let Some(entry) = h.resolve(&self.registry) else {
                    continue;
                };
                if let Entry::Country(c, Surface::Capital) = entry
                    && let Some(k) = c
                        .capital
                        .as_ref()
                        .filter(|k| k.ambiguous && !k.also.is_empty())
                {
                    out.push(Hit {
                        span: h.span.shift(s.span.start),
                        ent: Ent::SharedSeat { orgs: &k.also },
                    });
                    continue;
                }
                if entry.is_ambiguous() {
                    continue;
                }
                let ent = match entry {
                    Entry::Country(c, Surface::Name | Surface::Alias) => {
                        Ent::Country { name: &c.name }
                    }
                    Entry::Country(c, Surface::Capital) => Ent::Capital { country: &c.name },
                    Entry::Country(c, Surface::Demonym) => Ent::Demonym { country: &c.name },
                    Entry::Country(c, _) => Ent::Adjective { country: &c.name },
                    Entry::Seat(c, seat) => Ent::Seat {
                        name: &seat.name,
                        country: &c.name,
                        state: seat.kind == ActorKind::State,
                    },
                    Entry::Organisation(o, _) => Ent::Org {
                        name: &o.name,
                        // an alliance or IGO belongs to no one country (its seat is not its country)
                        country: o
                            .country
                            .as_deref()
                            .filter(|_| !matches!(o.class, OrgClass::Alliance | OrgClass::Igo)),
                        short: if o.name.len() <= 6 {
                            Some(&o.name)
                        } else {
                            o.aliases
                                .iter()
                                .find(|a| {
                                    a.len() <= 6
                                        && a.chars().all(|c| c.is_ascii_uppercase() || c == '.')
                                })
                                .map(String::as_str)
                        },
                    },
                    Entry::Ministry(m) => Ent::Ministry {
                        name: &m.name,
                        country: m.country.as_deref(),
                    },
                    Entry::Title(t) => {
                        // `titles` is made from this registry: the index is always there.
                        let EntryRef::Title(i) = h.entry else {
                            continue;
                        };
                        let Some(canonical) = self.titles.get(i) else {
                            continue;
                        };
                        Ent::Title {
                            canonical,
                            person: t.person,
                            honorific: t.class == TitleClass::Honorific,
                        }
                    }
                    Entry::Group(g) => Ent::Group { name: &g.name },
                    Entry::Person(p, _) => Ent::Person {
                        country: p.country.as_deref(),
                    },
                };
                out.push(Hit {
                    span: h.span.shift(s.span.start),
                    ent,
                });
            }
        }
        out
    }

    /// A known person by name or alias, with the role held on `date` (or the latest).
    pub(crate) fn person(&self, name: &str, date: Option<&str>) -> Option<Known> {
        let p = self.registry.person(name)?;
        let role = date
            .and_then(Date::parse)
            .and_then(|d| p.role_on(d))
            .or_else(|| p.roles.last());
        Some(Known {
            name: p.name.clone(),
            country: role
                .and_then(|r| r.country.clone())
                .or_else(|| p.country.clone()),
            role: role.map(|r| match &r.org {
                Some(org) => format!("{org} {}", r.role),
                None => r.role.clone(),
            }),
        })
    }

    /// The generic ministry (index in the registry's ministries) whose portfolio words
    /// include `written` ("Defense", "foreign"), and the portfolio to name it by: the
    /// canonical one when `written` is a shortening of it ("Foreign" -> "Foreign
    /// Affairs"), else the words as written (a spelling, "Defense", stays as written).
    pub(crate) fn portfolio<'a>(&'a self, written: &'a str) -> Option<(usize, &'a str)> {
        let w = written.to_lowercase();
        self.registry
            .ministries()
            .iter()
            .enumerate()
            .filter(|(_, m)| m.country.is_none())
            .find(|(_, m)| {
                m.words.iter().any(|x| x.to_lowercase() == w) || m.portfolio.to_lowercase() == w
            })
            .map(|(i, m)| {
                let canonical = m.portfolio.to_lowercase();
                if canonical.starts_with(&w) && canonical.len() > w.len() {
                    (i, m.portfolio.as_str())
                } else {
                    (i, written)
                }
            })
    }

    /// The generic ministry of a canonical ministry name ("Ministry of Defence"), by its
    /// index in the registry.
    pub(crate) fn generic_ministry(&self, name: &str) -> Option<usize> {
        self.registry
            .ministries()
            .iter()
            .position(|m| m.country.is_none() && m.name == name)
    }

    /// The first attributive adjective of a country ("Poland" -> "Polish").
    pub(crate) fn adjective(&self, country: &str) -> Option<&str> {
        self.registry
            .country(country)
            .and_then(|c| c.adjectives.first())
            .map(String::as_str)
    }

    /// The organisation that "the <word>" names by default ("Commission" → European
    /// Commission): [`Organisation::short_forms`].
    pub(crate) fn short_form(&self, word: &str) -> Option<&Organisation> {
        let &i = self.short_forms.get(word)?;
        self.registry.organisations().get(i)
    }

    /// True for an alliance or intergovernmental organisation ("the alliance", "the bloc").
    pub(crate) fn is_alliance(&self, name: &str) -> bool {
        self.registry
            .organisation(name)
            .is_some_and(|o| matches!(o.class, OrgClass::Alliance | OrgClass::Igo))
    }
}
