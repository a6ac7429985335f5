//! The TOML side: file layout, roles and capitals as written, checked codes and seat kinds.

use super::date::Date;
use super::model::{Capital, Country, Group, Ministry, Organisation, Person, Role, Title};
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use stancemap_core::ActorKind;
use std::fmt;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRole {
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

pub(super) fn de_iso2<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    de_code(d, 2)
}

pub(super) fn de_iso3<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    de_code(d, 3)
}

pub(super) fn de_seat_kind<'de, D: Deserializer<'de>>(d: D) -> Result<ActorKind, D::Error> {
    match ActorKind::deserialize(d)? {
        k @ (ActorKind::State | ActorKind::Organisation) => Ok(k),
        k => Err(de::Error::custom(format!(
            "a seat's kind is \"state\" or \"organisation\", not \"{}\"",
            k.as_str()
        ))),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    #[serde(default)]
    pub(super) not_actors: Vec<String>,
    #[serde(default)]
    pub(super) article_required: Vec<String>,
    #[serde(default)]
    pub(super) lower_in_titles: Vec<String>,
    #[serde(default)]
    pub(super) country: Vec<Spanned<Country>>,
    #[serde(default)]
    pub(super) organisation: Vec<Spanned<Organisation>>,
    #[serde(default)]
    pub(super) ministry: Vec<Spanned<Ministry>>,
    #[serde(default)]
    pub(super) title: Vec<Spanned<Title>>,
    #[serde(default)]
    pub(super) group: Vec<Spanned<Group>>,
    #[serde(default)]
    pub(super) person: Vec<Spanned<Person>>,
}
