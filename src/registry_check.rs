//! Checks across registry files that a single file cannot make: every `country` an
//! entry names must be a country of the merged registry (the embedded one plus the
//! user's files), or the actor would show in the matrix under a country nobody knows.

use serde::Deserialize;
use stancemap_actors::registry::Registry;
use stancemap_core::{Error, ErrorKind};
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The parts of a registry file that name a country (every other field is ignored here;
/// the registry parser itself has checked them).
#[derive(Deserialize)]
struct CountryRefs {
    #[serde(default)]
    organisation: Vec<Ref>,
    #[serde(default)]
    ministry: Vec<Ref>,
    #[serde(default)]
    title: Vec<Ref>,
    #[serde(default)]
    person: Vec<PersonRef>,
}

#[derive(Deserialize)]
struct Ref {
    #[serde(default)]
    country: Option<Spanned<String>>,
}

#[derive(Deserialize)]
struct PersonRef {
    #[serde(default)]
    country: Option<Spanned<String>>,
    #[serde(default)]
    roles: Vec<Ref>,
}

/// The registry files a path stands for: the file, or a directory's `*.toml` files.
fn files(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut out: Vec<PathBuf> = std::fs::read_dir(path)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
        })
        .collect();
    out.sort();
    out
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Checks the country names of every user registry file against the merged registry.
///
/// # Errors
/// The first unknown country, as a `Data` error naming file, line and column.
pub(crate) fn check_countries(paths: &[PathBuf], merged: &Registry) -> Result<(), Error> {
    for path in paths.iter().flat_map(|p| files(p)) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // the registry loader has already reported unreadable files
        };
        check_text(&path.to_string_lossy(), &text, merged)?;
    }
    Ok(())
}

fn check_text(name: &str, text: &str, merged: &Registry) -> Result<(), Error> {
    let Ok(refs) = toml::from_str::<CountryRefs>(text) else {
        return Ok(()); // malformed files were rejected by the registry parser
    };
    let people = refs
        .person
        .iter()
        .flat_map(|p| std::iter::once(&p.country).chain(p.roles.iter().map(|r| &r.country)));
    let others = refs
        .organisation
        .iter()
        .chain(&refs.ministry)
        .chain(&refs.title)
        .map(|r| &r.country);
    for country in people.chain(others).flatten() {
        let value = country.get_ref();
        if value.trim().is_empty() || merged.country(value).is_some() {
            continue;
        }
        let (line, col) = line_col(text, country.span().start);
        return Err(Error::new(
            ErrorKind::Data,
            format!(
                "unknown country `{value}`: not a country of the registry (check the \
                 spelling, or add it as a [[country]] entry)"
            ),
        )
        .with_path(name)
        .at_line(line, Some(col)));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_country_is_named_with_line_and_column() {
        let reg = Registry::embedded();
        let text = "[[person]]\nname = \"Ana Veltri\"\ncountry = \"Italy\"\n\n[[person]]\nname = \"Ivo Marek\"\ncountry = \"Freedonia\"\n";
        let err = check_text("people.toml", text, reg).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Data);
        assert!(
            err.to_string()
                .starts_with("people.toml:7:11: unknown country `Freedonia`"),
            "{err}"
        );
        // Known names, adjectives and role countries pass.
        let ok = "[[person]]\nname = \"Ana Veltri\"\ncountry = \"Italian\"\n";
        assert!(check_text("ok.toml", ok, reg).is_ok());
        let role = "[[person]]\nname = \"Ivo Marek\"\nroles = [{ role = \"Minister\", country = \"Atlantis\" }]\n";
        assert!(check_text("r.toml", role, reg).is_err());
    }
}
