//! Dates (possibly partial) and the date-scoped offices of people.

use super::model::{Person, Role};
use serde::Deserialize;
use serde::de::{self, Deserializer};
use stancemap_core::{Error, ErrorKind};
use std::fmt;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::Registry;

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
