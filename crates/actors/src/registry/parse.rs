//! Reading data files and directories, with `file:line:col` errors and per-file checks.

use super::merge::{ministry_key, title_key};
use super::raw::RawFile;
use super::{Registry, data_error};
use stancemap_core::Error;
use stancemap_core::data;
use stancemap_core::text::normalize_name;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use toml::Spanned;

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

impl Registry {
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
    pub(super) fn parse(file_name: &str, text: &str) -> Result<Registry, Error> {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use stancemap_core::ErrorKind;

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
}
