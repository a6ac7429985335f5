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
//! compare normal forms ([`normalize_name`]: case, diacritics, curly apostrophes and a
//! leading "the" do not matter). Finding the surfaces in running text is the
//! [`Gazetteer`](crate::gazetteer::Gazetteer)'s job.
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

use stancemap_core::data;
pub(crate) use stancemap_core::data::error as data_error;
use std::collections::HashMap;
use std::collections::hash_map::Entry as Slot;
use std::fmt;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use stancemap_core::text::normalize_name;
use stancemap_core::{ActorKind, Error, ErrorKind};
use toml::Spanned;

/// The embedded data files, `(file name, text)`, in load order.
pub const EMBEDDED_FILES: &[(&str, &str)] = &[
    ("countries.toml", include_str!("../data/countries.toml")),
    (
        "organisations.toml",
        include_str!("../data/organisations.toml"),
    ),
    ("ministries.toml", include_str!("../data/ministries.toml")),
    ("titles.toml", include_str!("../data/titles.toml")),
    ("groups.toml", include_str!("../data/groups.toml")),
    ("people.toml", include_str!("../data/people.toml")),
];

// ------------------------------------------------------------------------------------------
// Entry types

/// A sovereign state (or Kosovo, Taiwan, Palestine, the Vatican).
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Country {
    /// Common English name, the canonical actor name ("United States").
    pub name: String,
    /// ISO 3166-1 alpha-2 code ("US").
    #[serde(default, deserialize_with = "de_iso2")]
    pub iso2: Option<String>,
    /// ISO 3166-1 alpha-3 code ("USA").
    #[serde(default, deserialize_with = "de_iso3")]
    pub iso3: Option<String>,
    /// Other names and abbreviations ("U.S.", "the United States", "America").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Attributive adjectives ("American", "U.S.").
    #[serde(default)]
    pub adjectives: Vec<String>,
    /// Nouns for people, when different from the adjective ("Pole", "Poles").
    #[serde(default)]
    pub demonyms: Vec<String>,
    /// The capital, used as a metonym for the government ("Warsaw said").
    #[serde(default)]
    pub capital: Option<Capital>,
    /// Membership keys ("nato", "eu", "baltic", …) that group nouns refer to.
    #[serde(default)]
    pub memberships: Vec<String>,
    /// The name is also a common first name, US state or word ("Georgia", "Jordan").
    #[serde(default)]
    pub ambiguous: bool,
    /// Seats of government bodies used as metonyms ("the Kremlin", "Downing Street").
    #[serde(default, rename = "seat")]
    pub seats: Vec<Seat>,
}

/// A capital city. In TOML either a string or a table with the fields below.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Capital {
    /// The name ("Kyiv").
    pub name: String,
    /// Other spellings or seats that stand for the same government ("Kiev").
    pub variants: Vec<String>,
    /// The word often means something else ("Victoria", "Kingston") or the city also
    /// seats other bodies ("Brussels": the EU and NATO).
    pub ambiguous: bool,
    /// Organisations seated in the same city ("European Union", "NATO" for Brussels).
    pub also: Vec<String>,
}

/// A seat of a government body whose name stands for it ("the Kremlin", "the White House").
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Seat {
    /// The actor the seat designates ("Kremlin", "White House", "Downing Street").
    pub name: String,
    /// Surface forms. The name itself is a surface only when listed here.
    #[serde(default)]
    pub surfaces: Vec<String>,
    /// `State` when the seat stands for the government as a whole ("Whitehall"),
    /// `Organisation` when it designates an office ("the Kremlin"); a user may map the
    /// latter to the state.
    #[serde(deserialize_with = "de_seat_kind")]
    pub kind: ActorKind,
    /// The surface often means something else ("The Hague": the ICC, "Westminster").
    #[serde(default)]
    pub ambiguous: bool,
}

/// What sort of organisation an [`Organisation`] is.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OrgClass {
    /// A military alliance (NATO, CSTO).
    Alliance,
    /// An intergovernmental organisation (EU, UN, OSCE).
    Igo,
    /// A body of an organisation or state (European Commission, Bundestag, CIA).
    #[default]
    Body,
    /// Armed forces, commands, militias.
    Military,
    /// A think tank or research institute.
    ThinkTank,
    /// A news outlet or agency.
    Media,
    /// A political party or group.
    Party,
    /// A company.
    Company,
    /// A non-governmental organisation.
    Ngo,
}

impl OrgClass {
    /// The data-file name (`think_tank`, …).
    pub fn as_str(&self) -> &'static str {
        match self {
            OrgClass::Alliance => "alliance",
            OrgClass::Igo => "igo",
            OrgClass::Body => "body",
            OrgClass::Military => "military",
            OrgClass::ThinkTank => "think_tank",
            OrgClass::Media => "media",
            OrgClass::Party => "party",
            OrgClass::Company => "company",
            OrgClass::Ngo => "ngo",
        }
    }
}

/// An organisation: international organisation, national body, think tank, outlet, …
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Organisation {
    /// Canonical actor name ("NATO").
    pub name: String,
    /// Other names and acronyms.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Actor kind; `organisation` unless the file says otherwise.
    #[serde(default = "organisation_kind")]
    pub kind: ActorKind,
    /// What sort of organisation.
    #[serde(default)]
    pub class: OrgClass,
    /// Where it is based or whose body it is (a country name).
    #[serde(default)]
    pub country: Option<String>,
    /// The organisation it belongs to (an organisation name).
    #[serde(default)]
    pub parent: Option<String>,
    /// The name is also a common word or phrase ("The Atlantic", "Memorial").
    #[serde(default)]
    pub ambiguous: bool,
    /// Capitalised head nouns that name it after "the" once nothing else of that name is
    /// in the text ("Commission": "the Commission" is the European Commission).
    #[serde(default)]
    pub short_forms: Vec<String>,
}

fn organisation_kind() -> ActorKind {
    ActorKind::Organisation
}

/// A ministry: a generic portfolio (country from the context) or a national department.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Ministry {
    /// Canonical actor name ("Ministry of Defence", "U.S. Department of State").
    pub name: String,
    /// Portfolio ("Defence", "Foreign Affairs").
    pub portfolio: String,
    /// Portfolio words for patterns ("Defence", "Defense", "National Defence").
    #[serde(default)]
    pub words: Vec<String>,
    /// Surface forms ("the defence ministry", "the Pentagon"). The name itself is a
    /// surface only when listed here.
    #[serde(default)]
    pub surfaces: Vec<String>,
    /// The country of a national department; none for a generic portfolio.
    #[serde(default)]
    pub country: Option<String>,
    /// Canonical title of its head ("Defence Minister").
    #[serde(default)]
    pub minister: Option<String>,
    /// The surface is also used for other countries' departments ("Foreign Office").
    #[serde(default)]
    pub ambiguous: bool,
}

/// What sort of title a [`Title`] is.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TitleClass {
    /// President, King.
    HeadOfState,
    /// Prime Minister, Chancellor.
    HeadOfGovernment,
    /// Ministers and secretaries of government.
    Minister,
    /// Ambassadors, envoys.
    Diplomat,
    /// MPs, senators, speakers.
    Legislator,
    /// Military ranks and commands.
    Military,
    /// Professors, fellows, researchers.
    Academic,
    /// Spokespeople and press secretaries.
    Spokesperson,
    /// Analysts, experts, commentators.
    Expert,
    /// Mr., Dr., Lord, Baroness.
    Honorific,
    /// Officials, advisers, directors.
    #[default]
    Official,
    /// Reporters, correspondents, editors.
    Journalist,
}

impl TitleClass {
    /// The data-file name (`head_of_state`, …).
    pub fn as_str(&self) -> &'static str {
        match self {
            TitleClass::HeadOfState => "head_of_state",
            TitleClass::HeadOfGovernment => "head_of_government",
            TitleClass::Minister => "minister",
            TitleClass::Diplomat => "diplomat",
            TitleClass::Legislator => "legislator",
            TitleClass::Military => "military",
            TitleClass::Academic => "academic",
            TitleClass::Spokesperson => "spokesperson",
            TitleClass::Expert => "expert",
            TitleClass::Honorific => "honorific",
            TitleClass::Official => "official",
            TitleClass::Journalist => "journalist",
        }
    }
}

/// A title or role ("Prime Minister", "spokesman", "Senior Fellow", "Gen.").
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Title {
    /// Canonical role ("Defence Minister"): the `role` of an actor.
    pub name: String,
    /// Other surface forms ("defense minister", "minister of defence").
    #[serde(default)]
    pub variants: Vec<String>,
    /// What sort of title.
    #[serde(default)]
    pub class: TitleClass,
    /// "the <title>" (with its country or organisation) designates one office holder, so
    /// a role reference can be resolved to a named person.
    #[serde(default)]
    pub person: bool,
    /// Ministry portfolio of a minister ("Defence").
    #[serde(default)]
    pub portfolio: Option<String>,
    /// Organisation implied by the surface ("NATO chief" → "NATO").
    #[serde(default)]
    pub org: Option<String>,
    /// Country implied by the surface ("Secretary of State" → "United States").
    #[serde(default)]
    pub country: Option<String>,
}

/// What a [`Group`] is made of.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum GroupClass {
    /// States or governments ("Baltic states", "allies").
    States,
    /// People ("experts", "officials").
    #[default]
    People,
    /// Organisations ("think tanks", "rights groups").
    Organisations,
}

/// A group noun that can act as a speaker ("Baltic states", "experts").
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Group {
    /// Canonical actor name ("Baltic states").
    pub name: String,
    /// Other surface forms ("Baltic countries", "the Baltics").
    #[serde(default)]
    pub variants: Vec<String>,
    /// What the group is made of.
    #[serde(default)]
    pub class: GroupClass,
    /// Membership keys of the countries that form the group ("baltic"); empty when the
    /// context decides ("member states").
    #[serde(default)]
    pub memberships: Vec<String>,
}

/// A well-known public figure with date-scoped offices. Never a position or stance.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Person {
    /// Canonical full name ("Volodymyr Zelensky").
    pub name: String,
    /// Forms that designate the person on their own ("Zelenskyy", "Zelensky").
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Forms too ambiguous to match on their own ("Johnson"): found by
    /// [`Registry::person`], skipped by the gazetteer.
    #[serde(default)]
    pub weak_aliases: Vec<String>,
    /// The person's country (a country name).
    #[serde(default)]
    pub country: Option<String>,
    /// Offices held, with dates.
    #[serde(default)]
    pub roles: Vec<Role>,
}

impl Person {
    /// The offices held on a date (all of them when several overlap).
    pub fn roles_on(&self, date: Date) -> impl Iterator<Item = &Role> + '_ {
        self.roles.iter().filter(move |r| r.active_on(date))
    }

    /// The first office (in data order) held on a date.
    pub fn role_on(&self, date: Date) -> Option<&Role> {
        self.roles_on(date).next()
    }
}

/// An office held by a person, PETRARCH style: role, where, from when to when.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(try_from = "RawRole")]
#[non_exhaustive]
pub struct Role {
    /// The role, as a title name where possible ("Prime Minister").
    pub role: String,
    /// The organisation ("NATO").
    pub org: Option<String>,
    /// The country ("Poland").
    pub country: Option<String>,
    /// First day in office; none when unknown.
    pub from: Option<Date>,
    /// Day the office ended (usually the successor's first day); none while in office.
    pub to: Option<Date>,
}

impl Role {
    /// Whether the office was held on `date`: `from <= date < to`. A partial `to`
    /// ("2025-09") counts as held through the end of that month or year.
    pub fn active_on(&self, date: Date) -> bool {
        let d = date.first_day();
        if let Some(from) = self.from
            && d < from.first_day()
        {
            return false;
        }
        match self.to {
            None => true,
            Some(to) if to.is_full() => d < to.first_day(),
            Some(to) => d <= to.last_day(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRole {
    role: String,
    #[serde(default)]
    org: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    from: Option<Date>,
    #[serde(default)]
    to: Option<Date>,
}

impl TryFrom<RawRole> for Role {
    type Error = String;
    fn try_from(r: RawRole) -> Result<Role, String> {
        if r.role.trim().is_empty() {
            return Err("a role needs a non-empty `role`".into());
        }
        if let (Some(from), Some(to)) = (r.from, r.to)
            && to.last_day() < from.first_day()
        {
            return Err(format!(
                "role `{}` ends ({to}) before it starts ({from})",
                r.role
            ));
        }
        Ok(Role {
            role: r.role,
            org: r.org,
            country: r.country,
            from: r.from,
            to: r.to,
        })
    }
}

/// A calendar date, possibly partial: "2025", "2025-09" or "2025-09-24".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    /// Year.
    pub year: u16,
    /// Month 1–12, if known.
    pub month: Option<u8>,
    /// Day 1–31, if known (only with a month).
    pub day: Option<u8>,
}

impl Date {
    /// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; a datetime's time part ("T…") is ignored.
    ///
    /// ```
    /// use stancemap_actors::registry::Date;
    /// assert!(Date::parse("2025-09-24").is_some());
    /// assert!(Date::parse("2025-13").is_none());
    /// ```
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let s = s.split(['T', ' ']).next().unwrap_or(s);
        let mut parts = s.split('-');
        let year = parts.next()?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: u16 = year.parse().ok()?;
        let num = |p: &str| -> Option<u8> {
            (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
        };
        let month = match parts.next() {
            None => None,
            Some(m) => Some(num(m).filter(|m| (1..=12).contains(m))?),
        };
        let day = match parts.next() {
            None => None,
            Some(d) => Some(num(d).filter(|d| (1..=31).contains(d))?),
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// A full date.
    pub fn ymd(year: u16, month: u8, day: u8) -> Date {
        Date {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Whether year, month and day are all known.
    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }

    /// The first day the date can mean, as `(year, month, day)`.
    pub fn first_day(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day the date can mean, as `(year, month, day)` (day 31 of a partial
    /// month: only used for comparisons).
    pub fn last_day(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(12), self.day.unwrap_or(31))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl std::str::FromStr for Date {
    type Err = Error;
    fn from_str(s: &str) -> Result<Date, Error> {
        Date::parse(s).ok_or_else(|| Error::new(ErrorKind::Data, format!("not a date: `{s}`")))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| {
            de::Error::custom(format!(
                "`{s}` is not a date (\"YYYY-MM-DD\", \"YYYY-MM\" or \"YYYY\")"
            ))
        })
    }
}

impl<'de> Deserialize<'de> for Capital {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Capital, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            name: String,
            #[serde(default)]
            variants: Vec<String>,
            #[serde(default)]
            ambiguous: bool,
            #[serde(default)]
            also: Vec<String>,
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Capital;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a capital name or a table { name, variants, ambiguous, also }")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Capital, E> {
                Ok(Capital {
                    name: s.to_string(),
                    ..Capital::default()
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Capital, A::Error> {
                let f = Full::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Capital {
                    name: f.name,
                    variants: f.variants,
                    ambiguous: f.ambiguous,
                    also: f.also,
                })
            }
        }
        d.deserialize_any(V)
    }
}

fn de_code<'de, D: Deserializer<'de>>(d: D, len: usize) -> Result<Option<String>, D::Error> {
    let s = String::deserialize(d)?;
    if s.len() == len && s.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(Some(s))
    } else {
        Err(de::Error::custom(format!(
            "`{s}` is not a {len}-letter upper-case ISO 3166-1 code"
        )))
    }
}

fn de_iso2<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    de_code(d, 2)
}

fn de_iso3<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    de_code(d, 3)
}

fn de_seat_kind<'de, D: Deserializer<'de>>(d: D) -> Result<ActorKind, D::Error> {
    match ActorKind::deserialize(d)? {
        k @ (ActorKind::State | ActorKind::Organisation) => Ok(k),
        k => Err(de::Error::custom(format!(
            "a seat's kind is \"state\" or \"organisation\", not \"{}\"",
            k.as_str()
        ))),
    }
}

// ------------------------------------------------------------------------------------------
// References to entries

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

// ------------------------------------------------------------------------------------------
// The registry

/// Rank of a lookup key: on a key shared by two entries, the lower rank wins, then the
/// entry loaded first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Name,
    Alias,
    Weak,
}

#[derive(Clone, Debug, Default)]
struct Index {
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    not_actors: Vec<String>,
    #[serde(default)]
    article_required: Vec<String>,
    #[serde(default)]
    lower_in_titles: Vec<String>,
    #[serde(default)]
    country: Vec<Spanned<Country>>,
    #[serde(default)]
    organisation: Vec<Spanned<Organisation>>,
    #[serde(default)]
    ministry: Vec<Spanned<Ministry>>,
    #[serde(default)]
    title: Vec<Spanned<Title>>,
    #[serde(default)]
    group: Vec<Spanned<Group>>,
    #[serde(default)]
    person: Vec<Spanned<Person>>,
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

/// Checks that names are non-empty and unique within one file.
fn check_names<T>(
    file: &str,
    text: &str,
    what: &str,
    items: &[Spanned<T>],
    key: impl Fn(&T) -> String,
) -> Result<(), Error> {
    let mut seen: HashMap<String, ()> = HashMap::new();
    for it in items {
        let k = key(it.get_ref());
        if k.trim().is_empty() {
            return Err(data_error(
                file,
                text,
                Some(it.span()),
                format!("{what} with an empty name"),
            ));
        }
        if seen.insert(k.clone(), ()).is_some() {
            return Err(data_error(
                file,
                text,
                Some(it.span()),
                format!("{what} `{k}` is listed twice in this file"),
            ));
        }
    }
    Ok(())
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

    /// Parses one data file. `file_name` is used in error messages.
    ///
    /// # Errors
    /// A `Data` error naming the file, line and column: malformed TOML, an unknown field,
    /// a bad value (date, ISO code, class) or a name listed twice in the file.
    pub fn from_toml(file_name: &str, text: &str) -> Result<Registry, Error> {
        let mut reg = Registry::parse(file_name, text)?;
        reg.reindex();
        Ok(reg)
    }

    /// [`Registry::from_toml`] without the lookup index: for parts that are merged first
    /// and indexed once ([`Registry::merge`] then [`Registry::reindex`]).
    fn parse(file_name: &str, text: &str) -> Result<Registry, Error> {
        let raw: RawFile = data::parse_toml(file_name, text)?;
        check_names(file_name, text, "country", &raw.country, |c| {
            normalize_name(&c.name)
        })?;
        check_names(file_name, text, "organisation", &raw.organisation, |o| {
            normalize_name(&o.name)
        })?;
        check_names(file_name, text, "ministry", &raw.ministry, ministry_key)?;
        check_names(file_name, text, "title", &raw.title, title_key)?;
        check_names(file_name, text, "group", &raw.group, |g| {
            normalize_name(&g.name)
        })?;
        check_names(file_name, text, "person", &raw.person, |p| {
            normalize_name(&p.name)
        })?;
        for c in &raw.country {
            for s in &c.get_ref().seats {
                if s.name.trim().is_empty() {
                    return Err(data_error(
                        file_name,
                        text,
                        Some(c.span()),
                        "seat with an empty name",
                    ));
                }
            }
        }
        Ok(Registry {
            countries: Arc::new(raw.country.into_iter().map(Spanned::into_inner).collect()),
            organisations: Arc::new(
                raw.organisation
                    .into_iter()
                    .map(Spanned::into_inner)
                    .collect(),
            ),
            ministries: Arc::new(raw.ministry.into_iter().map(Spanned::into_inner).collect()),
            titles: Arc::new(raw.title.into_iter().map(Spanned::into_inner).collect()),
            groups: Arc::new(raw.group.into_iter().map(Spanned::into_inner).collect()),
            people: Arc::new(raw.person.into_iter().map(Spanned::into_inner).collect()),
            not_actors: Arc::new(raw.not_actors),
            article_required: Arc::new(raw.article_required),
            lower_in_titles: Arc::new(raw.lower_in_titles),
            index: Arc::default(),
        })
    }

    /// Reads a data file, or every `*.toml` file of a directory (in name order).
    ///
    /// # Errors
    /// An I/O error with the path, or a `Data` error naming file, line and column.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Registry, Error> {
        let path = path.as_ref();
        if path.is_dir() {
            return Registry::from_dir(path);
        }
        let shown = path.display().to_string();
        Registry::from_toml(&shown, &data::read(path)?)
    }

    /// Reads every `*.toml` file of a directory, in name order, each extending the ones
    /// before.
    ///
    /// # Errors
    /// An I/O error with the path, or a `Data` error naming file, line and column.
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Registry, Error> {
        let dir = dir.as_ref();
        let shown = dir.display().to_string();
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| Error::from(e).with_path(&shown))? {
            let p = entry.map_err(|e| Error::from(e).with_path(&shown))?.path();
            if p.is_file() && p.extension().is_some_and(|x| x == "toml") {
                files.push(p);
            }
        }
        files.sort();
        let mut parts = Vec::with_capacity(files.len());
        for f in files {
            let shown = f.display().to_string();
            parts.push(Registry::parse(&shown, &data::read(&f)?)?);
        }
        let mut reg = Registry::default();
        reg.merge(parts);
        reg.reindex();
        Ok(reg)
    }

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
    fn merge(&mut self, others: impl IntoIterator<Item = Registry>) {
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

    fn reindex(&mut self) {
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
    /// [`Capital::ambiguous`] before treating the city as the government.
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

fn title_key(t: &Title) -> String {
    format!(
        "{}|{}|{}",
        normalize_name(&t.name),
        t.org.as_deref().map(normalize_name).unwrap_or_default(),
        t.country.as_deref().map(normalize_name).unwrap_or_default()
    )
}

fn ministry_key(m: &Ministry) -> String {
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

    #[test]
    fn roles_are_date_scoped() {
        let reg = Registry::embedded();
        let scholz = reg.person("Olaf Scholz").expect("person");
        let role = |d: Date| scholz.role_on(d).map(|r| r.role.as_str());
        assert_eq!(role(Date::ymd(2024, 5, 1)), Some("Chancellor"));
        assert_eq!(role(Date::ymd(2021, 12, 8)), Some("Chancellor"));
        assert_eq!(role(Date::ymd(2025, 5, 6)), None);
        assert_eq!(role(Date::ymd(2020, 1, 1)), None);
        // A partial end date counts through its month.
        let r = Role {
            role: "Minister".into(),
            org: None,
            country: None,
            from: Date::parse("2020-01-15"),
            to: Date::parse("2025-09"),
        };
        assert!(r.active_on(Date::ymd(2025, 9, 30)));
        assert!(!r.active_on(Date::ymd(2025, 10, 1)));
        assert!(!r.active_on(Date::ymd(2020, 1, 14)));
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

    #[test]
    fn bad_toml_names_file_line_and_column() {
        let text = "[[country]]\nname = \"Freedonia\"\niso2 = \"FD\"\n\n[[country]]\nname = \"Sylvania\"\niso2 = 7\n";
        let e = Registry::from_toml("user.toml", text).expect_err("bad iso2");
        assert_eq!(e.kind(), ErrorKind::Data);
        assert_eq!(e.location().path.as_deref(), Some("user.toml"));
        assert_eq!(e.location().line, Some(7));
        assert_eq!(e.location().column, Some(8));
        assert!(e.to_string().starts_with("user.toml:7:8: "), "{e}");

        let e = Registry::from_toml(
            "x.toml",
            "[[title]]\nname = \"Envoy\"\nclass = \"wizard\"\n",
        )
        .expect_err("bad class");
        assert_eq!((e.location().line, e.location().column), (Some(3), Some(9)));

        let e = Registry::from_toml(
            "x.toml",
            "[[person]]\nname = \"A B\"\nroles = [{ role = \"Mayor\", from = \"2020-02-30x\" }]\n",
        )
        .expect_err("bad date");
        assert_eq!(e.location().line, Some(3));
        assert!(e.message().contains("not a date"), "{e}");

        let e = Registry::from_toml(
            "x.toml",
            "[[group]]\nname = \"a\"\n\n[[group]]\nname = \"A\"\n",
        )
        .expect_err("duplicate");
        assert_eq!(e.location().line, Some(4), "{e}");

        let e = Registry::from_toml("x.toml", "[[group]]\nname = \"a\"\ncolour = \"red\"\n")
            .expect_err("unknown field");
        assert_eq!(e.location().line, Some(3), "{e}");

        let e = Registry::from_toml("x.toml", "[[country]\nname = 1").expect_err("syntax");
        assert_eq!(e.location().line, Some(1), "{e}");
    }

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

    #[test]
    fn dates_parse_and_print() {
        assert_eq!(
            Date::parse("2025").map(|d| d.to_string()),
            Some("2025".into())
        );
        assert_eq!(
            Date::parse("2025-09-24T10:00:00Z").map(|d| d.to_string()),
            Some("2025-09-24".into())
        );
        assert_eq!(Date::parse("25-09"), None);
        assert_eq!(Date::parse("2025-9"), None);
        assert_eq!(Date::parse("2025-09-24-1"), None);
    }
}
