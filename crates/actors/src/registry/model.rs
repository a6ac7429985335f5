//! The entry types: countries, organisations, ministries, titles, groups, people, roles.

use super::date::Date;
use super::raw::{RawRole, de_iso2, de_iso3, de_seat_kind};
use serde::Deserialize;
use stancemap_core::ActorKind;

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
    /// [`Registry::person`](super::Registry::person), skipped by the gazetteer.
    #[serde(default)]
    pub weak_aliases: Vec<String>,
    /// The person's country (a country name).
    #[serde(default)]
    pub country: Option<String>,
    /// Offices held, with dates.
    #[serde(default)]
    pub roles: Vec<Role>,
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
