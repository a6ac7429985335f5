use std::fmt;

/// What went wrong, broadly. More kinds may be added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing failed.
    Io,
    /// Input bytes are not UTF-8.
    InvalidUtf8,
    /// Input looks like binary data, not text.
    Binary,
    /// A JSONL line or JSON value is malformed.
    Json,
    /// A data file (lexicon, registry, topic pack) is malformed.
    Data,
    /// A pipeline is mis-assembled (a stage's requirements are unmet).
    Config,
    /// A stage failed on a document.
    Stage,
    /// Building or writing an output (frame, report) failed.
    Output,
    /// No input was found where some was expected.
    NoInput,
}

/// Where an error happened: as much of file, document, line, column and byte as known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// File path (or `-` for stdin).
    pub path: Option<String>,
    /// Document id.
    pub doc: Option<String>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column.
    pub column: Option<usize>,
    /// 0-based byte offset.
    pub byte: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if let Some(p) = &self.path {
            parts.push(p.clone());
        }
        if let Some(l) = self.line {
            parts.push(l.to_string());
            if let Some(c) = self.column {
                parts.push(c.to_string());
            }
        }
        let mut s = parts.join(":");
        if let Some(b) = self.byte {
            if !s.is_empty() {
                s.push_str(": ");
            }
            s.push_str(&format!("byte {b}"));
        }
        if let Some(d) = &self.doc
            && self.path.as_deref().is_none_or(|p| !p.contains(d.as_str()))
        {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&format!("(document {d})"));
        }
        f.write_str(&s)
    }
}

/// The error type of stancemap: a kind, a message, where, and the underlying cause.
///
/// Displayed as `path:line:column: message` (or `path: byte N: message`), so that a user
/// can go straight to the place.
///
/// The error is one pointer wide (its parts are boxed), so `Result<T, Error>` stays small.
#[derive(Debug)]
pub struct Error(Box<Inner>);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    message: String,
    location: Location,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    /// A new error of a kind with a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error(Box::new(Inner {
            kind,
            message: message.into(),
            location: Location::default(),
            source: None,
        }))
    }

    /// Attaches the underlying cause.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Error {
        self.0.source = Some(Box::new(source));
        self
    }

    /// Sets the file path (keeps one already set).
    pub fn with_path(mut self, path: impl Into<String>) -> Error {
        self.0.location.path.get_or_insert_with(|| path.into());
        self
    }

    /// Sets the document id (keeps one already set).
    pub fn with_doc(mut self, doc: impl Into<String>) -> Error {
        self.0.location.doc.get_or_insert_with(|| doc.into());
        self
    }

    /// Sets line and column (1-based).
    pub fn at_line(mut self, line: usize, column: Option<usize>) -> Error {
        self.0.location.line = Some(line);
        self.0.location.column = column;
        self
    }

    /// Sets the byte offset.
    pub fn at_byte(mut self, byte: usize) -> Error {
        self.0.location.byte = Some(byte);
        self
    }

    /// The kind.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The message, without the location.
    pub fn message(&self) -> &str {
        &self.0.message
    }

    /// Where.
    pub fn location(&self) -> &Location {
        &self.0.location
    }

    /// The underlying cause, if any.
    pub fn cause(&self) -> Option<&(dyn std::error::Error + Send + Sync + 'static)> {
        self.0.source.as_deref()
    }

    fn render(&self) -> String {
        let loc = self.0.location.to_string();
        let mut s = if loc.is_empty() {
            self.0.message.clone()
        } else {
            format!("{loc}: {}", self.0.message)
        };
        if let Some(src) = &self.0.source {
            let src = src.to_string();
            if !self.0.message.contains(&src) {
                s.push_str(": ");
                s.push_str(&src);
            }
        }
        s
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::new(ErrorKind::Io, "I/O error").with_source(e)
    }
}

/// polars' error (from the frames and exports), so that an embedder's `?` needs no box.
impl From<polars_error::PolarsError> for Error {
    fn from(e: polars_error::PolarsError) -> Error {
        Error::new(ErrorKind::Output, "polars").with_source(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_first() {
        let e = Error::new(ErrorKind::Json, "expected `,`")
            .with_path("a.jsonl")
            .at_line(3, Some(7));
        assert_eq!(e.to_string(), "a.jsonl:3:7: expected `,`");
        let e = Error::new(ErrorKind::InvalidUtf8, "invalid UTF-8")
            .with_path("b.txt")
            .at_byte(42);
        assert_eq!(e.to_string(), "b.txt: byte 42: invalid UTF-8");
    }

    #[test]
    fn converts_from_polars_errors() {
        fn frame() -> Result<(), polars_error::PolarsError> {
            Err(polars_error::PolarsError::ColumnNotFound("levy".into()))
        }
        fn embedder() -> Result<(), Error> {
            frame()?;
            Ok(())
        }
        let e = embedder().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Output);
        assert!(e.to_string().contains("levy"), "{e}");
    }

    #[test]
    fn keeps_source() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let e = Error::from(io).with_path("x.txt");
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(std::error::Error::source(&e).is_some());
        assert_eq!(e.to_string(), "x.txt: I/O error: no such file");
    }
}
