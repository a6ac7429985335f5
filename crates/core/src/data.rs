//! Data files (lexicons, registries, word lists, topic packs): one loader, so that every
//! malformed file is reported the same way, as `file:line:column: message`.
//!
//! ```
//! use stancemap_core::data;
//! #[derive(serde::Deserialize, Debug)]
//! struct Words { words: Vec<String> }
//! let err = data::parse_toml::<Words>("words.toml", "words = [\"a\",\n  3]").unwrap_err();
//! assert!(err.to_string().starts_with("words.toml:2:3: "), "{err}");
//! ```

use std::ops::Range;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::text::line_col;
use crate::{Error, ErrorKind};

/// A [`ErrorKind::Data`] error in `file`, placed at the start of `span` (1-based line and
/// column counted in characters of `text`), or at the file alone without a span.
pub fn error(
    file: &str,
    text: &str,
    span: Option<Range<usize>>,
    message: impl Into<String>,
) -> Error {
    let e = Error::new(ErrorKind::Data, message).with_path(file);
    match span {
        Some(r) => {
            let (line, col) = line_col(text, r.start);
            e.at_line(line, Some(col))
        }
        None => e,
    }
}

/// [`error`] at one byte offset of `text`.
pub fn error_at(file: &str, text: &str, byte: usize, message: impl Into<String>) -> Error {
    error(file, text, Some(byte..byte), message)
}

/// Parses a TOML data file into `T`. Syntax errors, unknown keys and wrong types name the
/// file, line and column; the TOML error is kept as the source.
///
/// # Errors
/// [`ErrorKind::Data`].
pub fn parse_toml<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Error> {
    toml::from_str(text)
        .map_err(|e| error(file, text, e.span(), e.message().trim().to_string()).with_source(e))
}

/// Reads a data file as UTF-8 text.
///
/// # Errors
/// [`ErrorKind::Io`] (or [`ErrorKind::InvalidUtf8`]) naming the path.
pub fn read(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::from(e).with_path(path.display().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct F {
        a: Vec<String>,
    }

    #[test]
    fn unknown_key_is_placed() {
        let e = parse_toml::<F>("f.toml", "a = []\nb = 1\n").unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Data);
        assert!(
            e.to_string().starts_with("f.toml:2:1: unknown field `b`"),
            "{e}"
        );
    }

    #[test]
    fn missing_file_names_the_path() {
        let e = read(Path::new("/nonexistent/x.toml")).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/x.toml"), "{e}");
    }

    #[test]
    fn error_without_span_names_the_file() {
        let e = error("f.toml", "", None, "empty");
        assert_eq!(e.to_string(), "f.toml: empty");
    }
}
