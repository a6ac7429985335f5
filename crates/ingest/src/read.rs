//! Readers: plain-text files, JSONL files, directories and stdin, streamed lazily as
//! [`Document`]s.

use crate::manifest::{MANIFEST_FILE_NAME, Manifest};
use serde_json::Value;
use stancemap_core::{Document, Error, ErrorKind, Meta};
use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Default for [`ReadOptions::max_document_bytes`]: 512 MiB.
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 512 * 1024 * 1024;

/// A JSONL line buffer above this capacity is shrunk after use, so that one huge line
/// does not pin its memory for the rest of the file.
const KEEP_LINE_CAPACITY: usize = 1 << 20;

/// How files and standard input are parsed: [`ReadOptions::format`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// By extension for files (`.jsonl` and `.ndjson` are JSON lines, anything else is
    /// plain text); standard input is JSON lines when its first non-blank byte is `{`,
    /// plain text otherwise.
    #[default]
    Auto,
    /// Every file and standard input is one plain-text document.
    Text,
    /// Every file and standard input holds JSON lines.
    Jsonl,
}

impl InputFormat {
    /// The lower-case name, as accepted by [`InputFormat::from_str`](std::str::FromStr).
    pub fn as_str(self) -> &'static str {
        match self {
            InputFormat::Auto => "auto",
            InputFormat::Text => "text",
            InputFormat::Jsonl => "jsonl",
        }
    }
}

impl std::fmt::Display for InputFormat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for InputFormat {
    type Err = Error;

    /// Parses `auto`, `text` (or `txt`) and `jsonl` (or `ndjson`), ignoring case.
    fn from_str(s: &str) -> Result<InputFormat, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "auto" => Ok(InputFormat::Auto),
            "text" | "txt" => Ok(InputFormat::Text),
            "jsonl" | "ndjson" => Ok(InputFormat::Jsonl),
            _ => Err(Error::new(
                ErrorKind::Config,
                format!("unknown input format `{s}` (expected auto, text or jsonl)"),
            )),
        }
    }
}

/// How [`read_inputs`] reads.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// How files and standard input are parsed; [`InputFormat::Auto`] by default.
    pub format: InputFormat,
    /// Replace each invalid UTF-8 byte by one ASCII `?` and each NUL byte of a text file
    /// by a space (so that byte offsets stay those of the original file) and record a
    /// warning on the document, instead of failing.
    pub lossy: bool,
    /// Metadata applied to every document (filling only fields the document lacks). When
    /// `None`, plain-text articles look for a manifest next to them (see
    /// [`ReadOptions::discover_manifest`]).
    pub manifest: Option<Manifest>,
    /// When `manifest` is `None`: for each `.txt` article, look for `manifest.json` in
    /// its directory, then in the parent directory, and apply the first one found.
    /// Default `true`.
    pub discover_manifest: bool,
    /// Largest text file, stdin input or JSONL line read, in bytes; larger ones give an
    /// [`ErrorKind::Io`] error and are skipped. This bounds memory use.
    pub max_document_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            format: InputFormat::Auto,
            lossy: false,
            manifest: None,
            discover_manifest: true,
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
        }
    }
}

/// Reads articles from files, directories and stdin (`-`), lazily.
///
/// - A `.jsonl` or `.ndjson` file holds one JSON object per line (see the crate docs for
///   fields); blank lines are skipped. The spans of such a document are byte offsets
///   into its decoded `text` value, not into the JSONL file.
/// - A directory is walked recursively for `.txt`, `.jsonl` and `.ndjson` files
///   (case-insensitive extensions; hidden entries, whose names start with `.`, are
///   skipped), in path order.
/// - `-` is stdin: JSON lines when its first non-blank byte is `{`, else one text
///   document with id `stdin` (`stdin-2`, `stdin-3`, … when `-` is given again; default
///   JSONL ids are `stdin-<line>`, `stdin-2-<line>`, …).
/// - Any other file is one plain-text document; its id is the file stem and its path
///   the path as given. Its spans are byte offsets into the file.
///
/// [`ReadOptions::format`] overrides the choice between text and JSON lines.
///
/// Every bad input (unreadable path, binary or non-UTF-8 file, malformed JSONL line,
/// directory without articles) yields one `Err` item and the iteration goes on with the
/// rest, so nothing is dropped silently. Memory stays bounded by the largest single
/// document: JSONL files are read line by line.
///
/// # Example
/// ```no_run
/// use stancemap_ingest::{ReadOptions, read_inputs};
/// for item in read_inputs(&["corpus/articles"], &ReadOptions::default()) {
///     match item {
///         Ok(doc) => println!("{} ({} bytes)", doc.id(), doc.text().len()),
///         Err(e) => eprintln!("{e}"),
///     }
/// }
/// ```
pub fn read_inputs<P: AsRef<Path>>(paths: &[P], opts: &ReadOptions) -> Inputs {
    let mut queue: VecDeque<Pending> = paths
        .iter()
        .map(|p| {
            let p = p.as_ref();
            if p.as_os_str() == "-" {
                Pending::Stdin
            } else {
                Pending::Path(p.to_path_buf())
            }
        })
        .collect();
    if queue.is_empty() {
        queue.push_back(Pending::Failed(Error::new(
            ErrorKind::NoInput,
            "no input paths given",
        )));
    }
    Inputs {
        opts: opts.clone(),
        queue,
        ready: VecDeque::new(),
        jsonl: None,
        dir_manifests: BTreeMap::new(),
        manifest_files: BTreeMap::new(),
        stdin_reads: 0,
    }
}

/// Documents from JSONL held in any reader (a socket, a decompressor, a byte slice):
/// one document per line, read lazily in bounded memory, exactly as a `.jsonl` file is
/// read. `name` stands for the file in error messages and in default ids
/// (`<name>-<line>`).
///
/// ```
/// use stancemap_ingest::{ReadOptions, read_jsonl};
/// let feed = "{\"id\": \"a\", \"text\": \"One.\"}\nnot json\n{\"id\": \"b\", \"text\": \"Two.\"}\n";
/// let docs: Vec<_> = read_jsonl(std::io::Cursor::new(feed), "feed", &ReadOptions::default()).collect();
/// assert_eq!(docs.len(), 3);
/// assert_eq!(docs[0].as_ref().unwrap().id(), "a");
/// assert!(docs[1].as_ref().unwrap_err().to_string().starts_with("feed:2:"));
/// assert_eq!(docs[2].as_ref().unwrap().text(), "Two.");
/// ```
pub fn read_jsonl<R: BufRead + Send + 'static>(
    reader: R,
    name: &str,
    opts: &ReadOptions,
) -> impl Iterator<Item = Result<Document, Error>> + Send + use<R> {
    let mut r = JsonlReader::from_reader(Box::new(reader), name.to_string(), name.to_string());
    let opts = opts.clone();
    std::iter::from_fn(move || r.next_record(&opts))
}

/// Builds a plain-text document from raw bytes, with the checks of [`read_inputs`]:
/// binary data is refused, and invalid UTF-8 or a NUL byte is an error unless `lossy`
/// (then each invalid byte becomes `?`, each NUL byte a space, and a warning is
/// recorded; byte offsets do not move). `path` names the source in errors and becomes
/// [`Document::path`].
///
/// # Errors
/// [`ErrorKind::Binary`] or [`ErrorKind::InvalidUtf8`], naming `path` and the byte offset
/// of the first offending byte.
///
/// # Example
/// ```
/// use stancemap_ingest::text_document;
/// let doc = text_document("memo", "memo.txt", b"caf\xE9 au lait".to_vec(), true)?;
/// assert_eq!(doc.text(), "caf? au lait");
/// assert_eq!(doc.warnings, ["replaced 1 invalid byte, first at byte 3"]);
/// assert!(text_document("memo", "memo.txt", b"caf\xE9".to_vec(), false).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn text_document(
    id: &str,
    path: &str,
    mut bytes: Vec<u8>,
    lossy: bool,
) -> Result<Document, Error> {
    check_binary(&bytes, lossy).map_err(|e| e.with_path(path))?;
    let nul_warning = if lossy { replace_nul(&mut bytes) } else { None };
    let (text, warning) = decode_utf8(bytes, lossy).map_err(|e| e.with_path(path))?;
    let mut doc = Document::new(id, text).with_path(path);
    doc.warnings.extend(nul_warning);
    doc.warnings.extend(warning);
    Ok(doc)
}

/// Replaces every NUL byte by a space; returns the warning when there was one.
fn replace_nul(bytes: &mut [u8]) -> Option<String> {
    let first = bytes.iter().position(|&b| b == 0)?;
    let mut n = 0;
    for b in &mut bytes[first..] {
        if *b == 0 {
            *b = b' ';
            n += 1;
        }
    }
    Some(format!(
        "replaced {n} NUL byte{} by a space, first at byte {first}",
        plural(n)
    ))
}

/// The iterator returned by [`read_inputs`]: yields documents and errors in input order.
pub struct Inputs {
    opts: ReadOptions,
    queue: VecDeque<Pending>,
    ready: VecDeque<Result<Document, Error>>,
    jsonl: Option<JsonlReader>,
    /// Per article directory: the manifest that applies to it (cached).
    dir_manifests: BTreeMap<PathBuf, Option<Arc<Manifest>>>,
    /// Per manifest file: parsed once, so a broken one is reported once.
    manifest_files: BTreeMap<PathBuf, Option<Arc<Manifest>>>,
    /// How many times `-` was read so far (for unique ids).
    stdin_reads: usize,
}

impl std::fmt::Debug for Inputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Inputs")
            .field("pending", &self.queue.len())
            .field(
                "reading_jsonl",
                &self.jsonl.as_ref().map(|r| r.path.as_str()),
            )
            .finish_non_exhaustive()
    }
}

enum Pending {
    Path(PathBuf),
    Stdin,
    Failed(Error),
}

impl Iterator for Inputs {
    type Item = Result<Document, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if let Some(reader) = self.jsonl.as_mut() {
                match reader.next_record(&self.opts) {
                    Some(Ok(mut doc)) => {
                        if let Some(m) = &self.opts.manifest {
                            m.apply(&mut doc);
                        }
                        return Some(Ok(doc));
                    }
                    Some(Err(e)) => return Some(Err(e)),
                    None => {
                        self.jsonl = None;
                        continue;
                    }
                }
            }
            match self.queue.pop_front()? {
                Pending::Failed(e) => return Some(Err(e)),
                Pending::Stdin => {
                    if let Some(item) = self.read_stdin() {
                        return Some(item);
                    }
                }
                Pending::Path(path) => self.open(path),
            }
        }
    }
}

impl Inputs {
    /// Handles one path: a directory is expanded into the queue, a JSONL file becomes
    /// the current reader, a text file is read into `ready`.
    fn open(&mut self, path: PathBuf) {
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                self.ready.push_back(Err(io_error("cannot read", &path, e)));
                return;
            }
        };
        if meta.is_dir() {
            self.expand_dir(&path);
        } else if self.is_jsonl(&path) {
            match File::open(&path) {
                Ok(f) => self.jsonl = Some(JsonlReader::new(&path, f)),
                Err(e) => self.ready.push_back(Err(io_error("cannot open", &path, e))),
            }
        } else {
            let doc = self.read_text_file(&path, meta.len());
            self.ready.push_back(doc);
        }
    }

    /// Whether a file is read as JSON lines.
    fn is_jsonl(&self, path: &Path) -> bool {
        match self.opts.format {
            InputFormat::Auto => is_jsonl_name(path),
            InputFormat::Text => false,
            InputFormat::Jsonl => true,
        }
    }

    fn read_text_file(&mut self, path: &Path, len: u64) -> Result<Document, Error> {
        let name = path.to_string_lossy().into_owned();
        if len > self.opts.max_document_bytes {
            return Err(too_large(&name, len, self.opts.max_document_bytes));
        }
        let bytes = std::fs::read(path).map_err(|e| io_error("cannot read", path, e))?;
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| name.clone());
        let mut doc = text_document(&id, &name, bytes, self.opts.lossy)?;
        if let Some(m) = &self.opts.manifest {
            m.apply(&mut doc);
        } else if self.opts.discover_manifest
            && let Some(m) = self.discovered_manifest(path)
        {
            m.apply(&mut doc);
        }
        Ok(doc)
    }

    /// Reads `-`: one text document, or (JSON lines) sets the current reader and
    /// returns `None`.
    fn read_stdin(&mut self) -> Option<Result<Document, Error>> {
        self.stdin_reads += 1;
        let id = match self.stdin_reads {
            1 => "stdin".to_string(),
            n => format!("stdin-{n}"),
        };
        let stdin_error = |e: std::io::Error| {
            Error::new(ErrorKind::Io, "cannot read stdin")
                .with_source(e)
                .with_path("-")
        };
        let mut reader = BufReader::with_capacity(64 * 1024, std::io::stdin());
        let jsonl = match self.opts.format {
            InputFormat::Text => false,
            InputFormat::Jsonl => true,
            InputFormat::Auto => match sniff_jsonl(&mut reader) {
                Ok(yes) => yes,
                Err(e) => return Some(Err(stdin_error(e))),
            },
        };
        if jsonl {
            self.jsonl = Some(JsonlReader::from_reader(
                Box::new(reader),
                "-".to_string(),
                id,
            ));
            return None;
        }
        Some(self.read_stdin_text(reader, &id))
    }

    fn read_stdin_text(&mut self, reader: impl Read, id: &str) -> Result<Document, Error> {
        let limit = self.opts.max_document_bytes;
        let mut bytes = Vec::new();
        reader
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| {
                Error::new(ErrorKind::Io, "cannot read stdin")
                    .with_source(e)
                    .with_path("-")
            })?;
        if bytes.len() as u64 > limit {
            return Err(too_large("-", bytes.len() as u64, limit));
        }
        let mut doc = text_document(id, "-", bytes, self.opts.lossy)?;
        if let Some(m) = &self.opts.manifest {
            m.apply(&mut doc);
        }
        Ok(doc)
    }

    /// The manifest for a text file: `manifest.json` in its directory, else in the parent
    /// directory. Cached per directory and per manifest file; a broken manifest is
    /// reported once (as an `Err` item before the document) and then ignored.
    fn discovered_manifest(&mut self, path: &Path) -> Option<Arc<Manifest>> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if let Some(m) = self.dir_manifests.get(&dir) {
            return m.clone();
        }
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => dir.join(".."),
        };
        let mut found = None;
        for candidate in [
            dir.join(MANIFEST_FILE_NAME),
            parent.join(MANIFEST_FILE_NAME),
        ] {
            if !candidate.is_file() {
                continue;
            }
            found = match self.manifest_files.get(&candidate) {
                Some(m) => m.clone(),
                None => {
                    let parsed = match Manifest::from_path(&candidate) {
                        Ok(m) => Some(Arc::new(m)),
                        Err(e) => {
                            self.ready.push_back(Err(e));
                            None
                        }
                    };
                    self.manifest_files.insert(candidate, parsed.clone());
                    parsed
                }
            };
            break;
        }
        self.dir_manifests.insert(dir, found.clone());
        found
    }

    /// Walks a directory (iteratively, following symlinks once) and queues its
    /// `.txt`/`.jsonl` files in path order, ahead of the remaining inputs.
    fn expand_dir(&mut self, root: &Path) {
        let mut files: Vec<PathBuf> = Vec::new();
        let mut errors: Vec<(PathBuf, Error)> = Vec::new();
        let mut visited: BTreeSet<PathBuf> = BTreeSet::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            if let Ok(canon) = std::fs::canonicalize(&dir)
                && !visited.insert(canon)
            {
                continue; // a symlink loop or a second link to the same directory
            }
            let entries = match std::fs::read_dir(&dir) {
                Ok(rd) => rd,
                Err(e) => {
                    errors.push((dir.clone(), io_error("cannot read directory", &dir, e)));
                    continue;
                }
            };
            for entry in entries {
                let entry = match entry {
                    Ok(en) => en,
                    Err(e) => {
                        errors.push((dir.clone(), io_error("cannot read directory", &dir, e)));
                        continue;
                    }
                };
                if entry.file_name().to_string_lossy().starts_with('.') {
                    continue;
                }
                let path = entry.path();
                // `metadata` follows symlinks; a dangling link is reported.
                match std::fs::metadata(&path) {
                    Ok(m) if m.is_dir() => stack.push(path),
                    Ok(_) if is_article(&path) => files.push(path),
                    Ok(_) => {}
                    Err(e) if is_article(&path) => {
                        errors.push((path.clone(), io_error("cannot read", &path, e)));
                    }
                    Err(_) => {}
                }
            }
        }
        let mut items: Vec<(PathBuf, Pending)> = files
            .into_iter()
            .map(|p| (p.clone(), Pending::Path(p)))
            .chain(errors.into_iter().map(|(p, e)| (p, Pending::Failed(e))))
            .collect();
        items.sort_by(|a, b| a.0.cmp(&b.0));
        // No articles: say so, unless an unreadable directory already said why.
        if items.is_empty() {
            let name = root.to_string_lossy().into_owned();
            items.push((
                root.to_path_buf(),
                Pending::Failed(
                    Error::new(
                        ErrorKind::NoInput,
                        "no .txt, .jsonl or .ndjson articles in directory",
                    )
                    .with_path(name),
                ),
            ));
        }
        for (_, pending) in items.into_iter().rev() {
            self.queue.push_front(pending);
        }
    }
}

/// Reads JSONL line by line, from a file or any reader.
struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    path: String,
    stem: String,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlReader {
    fn new(path: &Path, file: File) -> JsonlReader {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        JsonlReader::from_reader(
            Box::new(BufReader::with_capacity(64 * 1024, file)),
            path.to_string_lossy().into_owned(),
            stem,
        )
    }

    fn from_reader(reader: Box<dyn BufRead + Send>, path: String, stem: String) -> JsonlReader {
        JsonlReader {
            reader,
            path,
            stem,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    fn next_record(&mut self, opts: &ReadOptions) -> Option<Result<Document, Error>> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            if self.buf.capacity() > KEEP_LINE_CAPACITY {
                self.buf.shrink_to(KEEP_LINE_CAPACITY);
            }
            self.line += 1;
            let limit = opts.max_document_bytes;
            let read = (&mut self.reader)
                .take(limit.saturating_add(1))
                .read_until(b'\n', &mut self.buf);
            match read {
                Ok(0) => {
                    self.done = true;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    // An I/O error mid-file: report it and stop reading this file.
                    self.done = true;
                    return Some(Err(Error::new(ErrorKind::Io, "cannot read line")
                        .with_source(e)
                        .with_path(self.path.clone())
                        .at_line(self.line, None)));
                }
            }
            let mut end = self.buf.len();
            if self.buf.last() == Some(&b'\n') {
                end -= 1;
            } else if end as u64 > limit {
                let skipped = skip_line(&mut self.reader);
                if let Err(e) = skipped {
                    self.done = true;
                    return Some(Err(e.with_path(self.path.clone())));
                }
                return Some(Err(Error::new(
                    ErrorKind::Io,
                    format!("line is longer than the limit of {limit} bytes; skipped"),
                )
                .with_path(self.path.clone())
                .at_line(self.line, None)));
            }
            if end > 0 && self.buf[end - 1] == b'\r' {
                end -= 1;
            }
            let mut start = 0;
            if self.line == 1 && self.buf[..end].starts_with(b"\xEF\xBB\xBF") {
                start = 3; // a UTF-8 byte-order mark is not JSON
            }
            let raw = &self.buf[start..end];
            if raw.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(self.record(start, end, opts));
        }
    }

    /// Parses the line in `buf[start..end]`.
    fn record(&mut self, start: usize, end: usize, opts: &ReadOptions) -> Result<Document, Error> {
        let line_no = self.line;
        let at = |e: Error, col: usize| e.at_line(line_no, Some(col));
        let mut warnings = Vec::new();
        let bytes = &mut self.buf[start..end];
        if let Err(e) = std::str::from_utf8(bytes) {
            let col = e.valid_up_to() + 1;
            if !opts.lossy {
                let msg = format!("invalid UTF-8 (byte 0x{:02X})", bytes[e.valid_up_to()]);
                return Err(at(
                    Error::new(ErrorKind::InvalidUtf8, msg).with_path(self.path.clone()),
                    col,
                ));
            }
            let n = replace_invalid(bytes);
            warnings.push(format!(
                "replaced {n} invalid byte{} in line {line_no}, first at column {col}",
                plural(n)
            ));
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let msg = "invalid UTF-8";
                return Err(at(
                    Error::new(ErrorKind::InvalidUtf8, msg).with_path(self.path.clone()),
                    e.valid_up_to() + 1,
                ));
            }
        };
        let json_err = |msg: String, col: usize| {
            at(
                Error::new(ErrorKind::Json, msg).with_path(self.path.clone()),
                col,
            )
        };
        let value: Value =
            serde_json::from_str(text).map_err(|e| json_err(json_message(&e), e.column()))?;
        let Value::Object(mut obj) = value else {
            let first = text.len() - text.trim_start().len() + 1;
            return Err(json_err(
                format!("expected a JSON object, found {}", kind_of(&value)),
                first,
            ));
        };
        let id = match obj.remove("id") {
            Some(Value::String(s)) if !s.trim().is_empty() => s,
            Some(Value::Number(n)) => n.to_string(),
            None | Some(Value::Null) | Some(Value::String(_)) => format!("{}-{line_no}", self.stem),
            Some(other) => {
                return Err(json_err(
                    format!("field `id` must be a string, found {}", kind_of(&other)),
                    1,
                ));
            }
        };
        let text = match obj.remove("text") {
            Some(Value::String(s)) => s,
            None => return Err(json_err("missing field `text`".into(), 1).with_doc(id)),
            Some(other) => {
                let msg = format!("field `text` must be a string, found {}", kind_of(&other));
                return Err(json_err(msg, 1).with_doc(id));
            }
        };
        let mut field = |name: &str| -> Option<String> {
            match obj.remove(name) {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s),
                Some(v @ (Value::Number(_) | Value::Bool(_))) => Some(v.to_string()),
                Some(other) => {
                    warnings.push(format!(
                        "line {line_no}: field `{name}` ignored: expected a string, found {}",
                        kind_of(&other)
                    ));
                    None
                }
            }
        };
        let meta = Meta {
            title: field("title"),
            outlet: field("outlet"),
            published: field("published"),
            url: field("url"),
            genre: field("genre"),
        };
        let mut doc = Document::new(id, text)
            .with_path(self.path.clone())
            .with_meta(meta);
        doc.warnings = warnings;
        Ok(doc)
    }
}

/// Consumes the rest of the current line (after an over-long read).
fn skip_line(reader: &mut impl BufRead) -> Result<(), Error> {
    loop {
        let buf = reader
            .fill_buf()
            .map_err(|e| Error::new(ErrorKind::Io, "cannot read").with_source(e))?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

/// serde_json's message without its " at line L column C" suffix (the location is
/// rendered by [`Error`] itself, with the line of the JSONL file).
pub(crate) fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match s.strip_suffix(&suffix) {
        Some(m) => m.to_string(),
        None => s,
    }
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn has_extension(path: &Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext))
}

/// `.jsonl` or `.ndjson`, in any case.
fn is_jsonl_name(path: &Path) -> bool {
    has_extension(path, "jsonl") || has_extension(path, "ndjson")
}

fn is_article(path: &Path) -> bool {
    has_extension(path, "txt") || is_jsonl_name(path)
}

/// Whether buffered input looks like JSON lines: its first byte after a UTF-8 byte-order
/// mark and white space is `{`. Looks at most at the first 64 KiB, consuming nothing.
fn sniff_jsonl(reader: &mut impl BufRead) -> std::io::Result<bool> {
    let buf = loop {
        match reader.fill_buf() {
            Ok(b) => break b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    };
    let buf = buf.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(buf);
    Ok(buf.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{'))
}

fn io_error(what: &str, path: &Path, e: std::io::Error) -> Error {
    Error::new(ErrorKind::Io, what)
        .with_source(e)
        .with_path(path.to_string_lossy().into_owned())
}

fn too_large(name: &str, len: u64, limit: u64) -> Error {
    Error::new(
        ErrorKind::Io,
        format!("input of {len} bytes is larger than the limit of {limit} bytes; skipped"),
    )
    .with_path(name)
}

/// A control byte that does not occur in text (tab, line feed, carriage return and form
/// feed do).
fn is_junk_control(b: u8) -> bool {
    (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)) || b == 0x7F
}

/// Refuses binary data: more than 10 % control bytes, or any NUL byte unless `lossy`.
fn check_binary(bytes: &[u8], lossy: bool) -> Result<(), Error> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::new(
            ErrorKind::InvalidUtf8,
            "UTF-16 text (byte-order mark); convert the file to UTF-8",
        )
        .at_byte(0));
    }
    let junk = bytes.iter().filter(|&&b| is_junk_control(b)).count();
    let binary = junk > 0 && junk * 10 > bytes.len();
    if let Some(i) = bytes.iter().position(|&b| b == 0) {
        if binary {
            return Err(
                Error::new(ErrorKind::Binary, "binary data (NUL byte), not text").at_byte(i),
            );
        }
        if !lossy {
            return Err(Error::new(
                ErrorKind::Binary,
                "NUL byte in text; remove it or read in lossy mode to replace NUL bytes",
            )
            .at_byte(i));
        }
    }
    if binary && let Some(first) = bytes.iter().position(|&b| is_junk_control(b)) {
        let share = junk * 100 / bytes.len().max(1);
        return Err(Error::new(
            ErrorKind::Binary,
            format!(
                "binary data ({share}% control bytes, first 0x{:02X}), not text",
                bytes[first]
            ),
        )
        .at_byte(first));
    }
    Ok(())
}

/// Validates UTF-8; with `lossy`, replaces each invalid byte by `?` in place and returns
/// a warning.
fn decode_utf8(mut bytes: Vec<u8>, lossy: bool) -> Result<(String, Option<String>), Error> {
    let first = match std::str::from_utf8(&bytes) {
        Ok(_) => None,
        Err(e) => Some(e.valid_up_to()),
    };
    let warning = match first {
        None => None,
        Some(at) if !lossy => {
            let msg = format!(
                "invalid UTF-8 (byte 0x{:02X}); convert the file to UTF-8 or read it in lossy mode",
                bytes[at]
            );
            return Err(Error::new(ErrorKind::InvalidUtf8, msg).at_byte(at));
        }
        Some(at) => {
            let n = replace_invalid(&mut bytes);
            Some(format!(
                "replaced {n} invalid byte{}, first at byte {at}",
                plural(n)
            ))
        }
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, warning)),
        // Not reachable: every invalid byte was replaced by ASCII.
        Err(e) => Err(Error::new(ErrorKind::InvalidUtf8, "invalid UTF-8")
            .at_byte(e.utf8_error().valid_up_to())),
    }
}

/// Replaces every byte of every invalid UTF-8 sequence by `?`; returns how many.
fn replace_invalid(bytes: &mut [u8]) -> usize {
    let mut count = 0;
    let mut pos = 0;
    while pos < bytes.len() {
        match std::str::from_utf8(&bytes[pos..]) {
            Ok(_) => break,
            Err(e) => {
                let bad_start = pos + e.valid_up_to();
                let bad_len = e.error_len().unwrap_or(bytes.len() - bad_start);
                for b in &mut bytes[bad_start..bad_start + bad_len] {
                    *b = b'?';
                }
                count += bad_len;
                pos = bad_start + bad_len;
            }
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A scratch directory removed on drop (no tempfile crate in the workspace).
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Scratch {
            static N: AtomicUsize = AtomicUsize::new(0);
            let n = N.fetch_add(1, Ordering::Relaxed);
            let dir = std::env::temp_dir().join(format!(
                "stancemap-ingest-{}-{name}-{n}",
                std::process::id()
            ));
            let _ = std::fs::remove_dir_all(&dir);
            std::fs::create_dir_all(&dir).expect("create scratch dir");
            Scratch(dir)
        }

        fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
            let p = self.0.join(rel);
            if let Some(parent) = p.parent() {
                std::fs::create_dir_all(parent).expect("create dir");
            }
            std::fs::write(&p, bytes).expect("write file");
            p
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn read_all(paths: &[PathBuf], opts: &ReadOptions) -> Vec<Result<Document, Error>> {
        read_inputs(paths, opts).collect()
    }

    fn no_discovery() -> ReadOptions {
        ReadOptions {
            discover_manifest: false,
            ..ReadOptions::default()
        }
    }

    #[test]
    fn text_file_id_is_stem_and_path_as_given() {
        let s = Scratch::new("txt");
        let p = s.write("harbour-strike.txt", "Dock workers walked out on Monday.\n");
        let docs = read_all(std::slice::from_ref(&p), &no_discovery());
        assert_eq!(docs.len(), 1);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.id(), "harbour-strike");
        assert_eq!(doc.path(), Some(p.to_string_lossy().as_ref()));
        assert_eq!(doc.text(), "Dock workers walked out on Monday.\n");
        assert!(doc.warnings.is_empty());
    }

    #[test]
    fn any_explicit_file_is_text() {
        let s = Scratch::new("md");
        let p = s.write("notes.md", "# Budget\nThe council met.");
        let doc = read_all(&[p], &no_discovery()).remove(0).unwrap();
        assert_eq!(doc.id(), "notes");
        assert_eq!(doc.text(), "# Budget\nThe council met.");
    }

    #[test]
    fn empty_file_is_an_empty_document() {
        let s = Scratch::new("empty");
        let p = s.write("blank.txt", "");
        let doc = read_all(&[p], &no_discovery()).remove(0).unwrap();
        assert_eq!(doc.text(), "");
        assert_eq!(doc.id(), "blank");
    }

    #[test]
    fn invalid_utf8_names_file_and_byte() {
        let s = Scratch::new("utf8");
        let p = s.write("latin1.txt", b"The caf\xE9 reopened.");
        let err = read_all(std::slice::from_ref(&p), &no_discovery())
            .remove(0)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
        assert_eq!(err.location().byte, Some(7));
        let shown = err.to_string();
        assert!(
            shown.starts_with(&format!("{}: byte 7: invalid UTF-8", p.display())),
            "{shown}"
        );
    }

    #[test]
    fn lossy_replaces_each_invalid_byte_and_keeps_offsets() {
        let s = Scratch::new("lossy");
        // One lone byte, then a truncated 3-byte sequence (2 bytes) before ASCII.
        let bytes = b"ab\xFFcd\xE2\x82ef \xC3\xA9".to_vec();
        let p = s.write("mixed.txt", &bytes);
        let opts = ReadOptions {
            lossy: true,
            ..no_discovery()
        };
        let doc = read_all(&[p], &opts).remove(0).unwrap();
        assert_eq!(doc.text(), "ab?cd??ef \u{e9}");
        assert_eq!(doc.text().len(), bytes.len());
        assert_eq!(doc.warnings, ["replaced 3 invalid bytes, first at byte 2"]);
        // Truncated sequence at the very end.
        let doc = text_document("t", "t.txt", b"end\xF0\x9F".to_vec(), true).unwrap();
        assert_eq!(doc.text(), "end??");
    }

    #[test]
    fn binary_junk_is_refused() {
        let s = Scratch::new("bin");
        let p = s.write("image.txt", b"GIF89a\x01\x00\x01\x00\x80\x00");
        let err = read_all(std::slice::from_ref(&p), &no_discovery())
            .remove(0)
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Binary);
        assert_eq!(err.location().byte, Some(7));
        assert!(
            err.to_string().contains("image.txt: byte 7: binary data"),
            "{err}"
        );
        // No NUL, but mostly control bytes.
        let err =
            text_document("c", "c.txt", b"\x01\x02\x03\x1b[0m ok".to_vec(), false).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Binary);
        assert_eq!(err.location().byte, Some(0));
        // A stray form feed or bell in real text is fine.
        let text = "Page one.\x0cPage two rings a bell\x07 once, in a long enough text.";
        assert!(text_document("f", "f.txt", text.into(), false).is_ok());
        // UTF-16 is named as such.
        let err = text_document("u", "u.txt", b"\xFF\xFEa\x00".to_vec(), false).unwrap_err();
        assert!(err.to_string().contains("UTF-16"), "{err}");
    }

    #[test]
    fn nul_bytes_are_refused_unless_lossy_then_replaced_by_spaces() {
        let bytes = b"Minister Ana Veltri\x00 spoke\x00\x00 today at length.".to_vec();
        let err = text_document("n", "n.txt", bytes.clone(), false).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Binary);
        assert_eq!(err.location().byte, Some(19));
        assert!(err.to_string().contains("lossy"), "{err}");
        let doc = text_document("n", "n.txt", bytes.clone(), true).unwrap();
        assert_eq!(doc.text(), "Minister Ana Veltri  spoke   today at length.");
        assert_eq!(doc.text().len(), bytes.len());
        assert_eq!(
            doc.warnings,
            ["replaced 3 NUL bytes by a space, first at byte 19"]
        );
        // Real binary data stays refused, lossy or not.
        let err = text_document("g", "g.txt", b"GIF89a\x01\x00\x01\x00".to_vec(), true);
        assert_eq!(err.unwrap_err().kind(), ErrorKind::Binary);
    }

    #[test]
    fn ndjson_files_are_json_lines_in_directories_too() {
        let s = Scratch::new("ndjson");
        let line = |id: &str| format!("{{\"id\": \"{id}\", \"text\": \"Text {id}.\"}}\n");
        s.write("feed/a.ndjson", line("n1") + &line("n2"));
        s.write("feed/b.NDJSON", line("n3"));
        let docs = read_all(&[s.0.join("feed")], &no_discovery());
        let ids: Vec<&str> = docs.iter().map(|d| d.as_ref().unwrap().id()).collect();
        assert_eq!(ids, ["n1", "n2", "n3"]);
    }

    #[test]
    fn input_format_overrides_the_extension() {
        let s = Scratch::new("format");
        let p = s.write("feed.txt", "{\"id\": \"x\", \"text\": \"One.\"}\n");
        let opts = ReadOptions {
            format: InputFormat::Jsonl,
            ..no_discovery()
        };
        let doc = read_all(std::slice::from_ref(&p), &opts).remove(0).unwrap();
        assert_eq!((doc.id(), doc.text()), ("x", "One."));
        let q = s.write("notes.jsonl", "not json at all");
        let opts = ReadOptions {
            format: InputFormat::Text,
            ..no_discovery()
        };
        let doc = read_all(&[q], &opts).remove(0).unwrap();
        assert_eq!(doc.text(), "not json at all");
        assert_eq!("NDJSON".parse::<InputFormat>().unwrap(), InputFormat::Jsonl);
        assert!("xml".parse::<InputFormat>().is_err());
    }

    #[test]
    fn sniffing_finds_json_lines_after_a_bom_and_blanks() {
        let mut r = std::io::Cursor::new(b"\xEF\xBB\xBF\n  {\"text\": \"a\"}".to_vec());
        assert!(sniff_jsonl(&mut r).unwrap());
        assert_eq!(r.position(), 0, "sniffing consumes nothing");
        let mut r = std::io::Cursor::new(b"Harbour fees {rise}".to_vec());
        assert!(!sniff_jsonl(&mut r).unwrap());
        let mut r = std::io::Cursor::new(Vec::new());
        assert!(!sniff_jsonl(&mut r).unwrap());
    }

    #[test]
    fn huge_single_line_file_is_read() {
        let s = Scratch::new("huge");
        let line = "The tariff vote was postponed again. ".repeat(50 * 1024 * 1024 / 37 + 1);
        let p = s.write("huge.txt", line.as_bytes());
        let doc = read_all(&[p], &no_discovery()).remove(0).unwrap();
        assert!(doc.text().len() >= 50 * 1024 * 1024);
        assert_eq!(doc.text().len(), line.len());
    }

    #[test]
    fn oversized_input_is_an_error_not_a_crash() {
        let s = Scratch::new("limit");
        let p = s.write("big.txt", "x".repeat(100));
        let opts = ReadOptions {
            max_document_bytes: 10,
            ..no_discovery()
        };
        let err = read_all(&[p], &opts).remove(0).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        assert!(err.to_string().contains("larger than the limit"));
    }

    #[test]
    fn jsonl_reads_records_and_reports_bad_lines() {
        let s = Scratch::new("jsonl");
        let body = concat!(
            "{\"id\": \"w1\", \"text\": \"Ministers agreed on a fishing quota.\", \"outlet\": \"Coast Post\", \"published\": \"2024-03-01\"}\n",
            "\n",
            "{\"text\": \"No id here.\", \"title\": \"Untitled\", \"genre\": \"news\"}\r\n",
            "{\"id\": \"w3\", \"text\": \"broken\",}\n",
            "[1, 2, 3]\n",
            "{\"id\": \"w5\", \"title\": \"No text\"}\n",
            "{\"id\": \"w6\", \"text\": 42}\n",
            "   \n",
            "{\"id\": 7, \"text\": \"Numeric id.\", \"url\": [\"a\"]}\n",
            "{\"id\": \"w8\", \"text\": \"Last line without a newline.\"}",
        );
        let p = s.write("wire.jsonl", body);
        let items = read_all(std::slice::from_ref(&p), &no_discovery());
        assert_eq!(items.len(), 8, "{items:?}");
        let d1 = items[0].as_ref().unwrap();
        assert_eq!(d1.id(), "w1");
        assert_eq!(d1.text(), "Ministers agreed on a fishing quota.");
        assert_eq!(d1.meta.outlet.as_deref(), Some("Coast Post"));
        assert_eq!(d1.meta.published.as_deref(), Some("2024-03-01"));
        assert_eq!(d1.path(), Some(p.to_string_lossy().as_ref()));
        let d3 = items[1].as_ref().unwrap();
        assert_eq!(d3.id(), "wire-3");
        assert_eq!(d3.meta.title.as_deref(), Some("Untitled"));
        assert_eq!(d3.meta.genre.as_deref(), Some("news"));
        let name = p.to_string_lossy();
        let e4 = items[2].as_ref().unwrap_err();
        assert_eq!(e4.kind(), ErrorKind::Json);
        assert!(e4.to_string().starts_with(&format!("{name}:4:")), "{e4}");
        assert!(e4.to_string().contains("trailing comma"), "{e4}");
        let e5 = items[3].as_ref().unwrap_err();
        assert_eq!(
            e5.to_string(),
            format!("{name}:5:1: expected a JSON object, found an array")
        );
        let e6 = items[4].as_ref().unwrap_err();
        assert!(
            e6.to_string()
                .contains("wire.jsonl:6:1 (document w5): missing field `text`"),
            "{e6}"
        );
        let e7 = items[5].as_ref().unwrap_err();
        assert!(
            e7.to_string()
                .contains(":7:1 (document w6): field `text` must be a string, found a number"),
            "{e7}"
        );
        let d9 = items[6].as_ref().unwrap();
        assert_eq!(d9.id(), "7");
        assert_eq!(
            d9.warnings,
            ["line 9: field `url` ignored: expected a string, found an array"]
        );
        // Line 10 has no trailing newline.
        assert_eq!(items[7].as_ref().unwrap().id(), "w8");
    }

    #[test]
    fn jsonl_invalid_utf8_line_names_file_and_line() {
        let s = Scratch::new("jsonl-utf8");
        let mut body = b"{\"text\": \"fine\"}\n{\"text\": \"caf".to_vec();
        body.extend_from_slice(b"\xE9\"}\n{\"text\": \"also fine\"}\n");
        let p = s.write("feed.jsonl", &body);
        let items = read_all(std::slice::from_ref(&p), &no_discovery());
        assert_eq!(items.len(), 3);
        let err = items[1].as_ref().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
        assert!(
            err.to_string()
                .starts_with(&format!("{}:2:14: invalid UTF-8", p.display())),
            "{err}"
        );
        assert_eq!(items[2].as_ref().unwrap().text(), "also fine");
        let opts = ReadOptions {
            lossy: true,
            ..no_discovery()
        };
        let items = read_all(&[p], &opts);
        let doc = items[1].as_ref().unwrap();
        assert_eq!(doc.text(), "caf?");
        assert_eq!(
            doc.warnings,
            ["replaced 1 invalid byte in line 2, first at column 14"]
        );
    }

    #[test]
    fn jsonl_huge_line_and_line_limit() {
        let s = Scratch::new("jsonl-huge");
        let text = "Harvest figures were revised. ".repeat(2 * 1024 * 1024 / 30);
        let body = format!(
            "{{\"id\": \"big\", \"text\": \"{text}\"}}\n{{\"id\": \"small\", \"text\": \"ok\"}}\n"
        );
        let p = s.write("big.jsonl", body);
        let items = read_all(std::slice::from_ref(&p), &no_discovery());
        assert_eq!(items[0].as_ref().unwrap().text(), text);
        assert_eq!(items[1].as_ref().unwrap().id(), "small");
        let opts = ReadOptions {
            max_document_bytes: 1024,
            ..no_discovery()
        };
        let items = read_all(&[p], &opts);
        assert_eq!(items.len(), 2);
        let err = items[0].as_ref().unwrap_err();
        assert!(
            err.to_string()
                .contains(":1: line is longer than the limit"),
            "{err}"
        );
        assert_eq!(items[1].as_ref().unwrap().id(), "small");
    }

    #[test]
    fn jsonl_bom_and_empty_file() {
        let s = Scratch::new("jsonl-bom");
        let p = s.write("bom.jsonl", b"\xEF\xBB\xBF{\"text\": \"after a BOM\"}\n");
        let q = s.write("none.jsonl", "");
        let items = read_all(&[p, q], &no_discovery());
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].as_ref().unwrap().text(), "after a BOM");
    }

    #[test]
    fn directory_is_walked_recursively_in_path_order() {
        let s = Scratch::new("dir");
        s.write("b.txt", "Second.");
        s.write("a.txt", "First.");
        s.write("sub/c.txt", "Third.");
        s.write("sub/d.jsonl", "{\"id\": \"d1\", \"text\": \"Fourth.\"}\n");
        s.write("skip.md", "Not an article.");
        s.write("image.png", b"\x89PNG\x00");
        s.write(".hidden/e.txt", "Hidden.");
        let ids: Vec<String> = read_all(std::slice::from_ref(&s.0), &no_discovery())
            .into_iter()
            .map(|r| r.unwrap().id().to_string())
            .collect();
        assert_eq!(ids, ["a", "b", "c", "d1"]);
    }

    #[test]
    fn bad_file_in_directory_does_not_stop_the_rest() {
        let s = Scratch::new("dir-bad");
        s.write("1.txt", "One.");
        s.write("2.txt", b"bad \xC0 byte");
        s.write("3.txt", "Three.");
        let items = read_all(std::slice::from_ref(&s.0), &no_discovery());
        assert_eq!(items.len(), 3);
        assert!(items[0].is_ok() && items[2].is_ok());
        assert_eq!(
            items[1].as_ref().unwrap_err().kind(),
            ErrorKind::InvalidUtf8
        );
    }

    #[test]
    fn missing_path_is_an_io_error_and_reading_goes_on() {
        let s = Scratch::new("missing");
        let ok = s.write("here.txt", "Present.");
        let gone = s.0.join("no-such-dir");
        let items = read_all(&[gone.clone(), ok], &no_discovery());
        assert_eq!(items.len(), 2);
        let err = items[0].as_ref().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        assert!(
            err.to_string().starts_with(&gone.display().to_string()),
            "{err}"
        );
        assert!(items[1].is_ok());
    }

    #[test]
    fn directory_without_articles_is_no_input() {
        let s = Scratch::new("noarticles");
        s.write("readme.md", "Nothing to read.");
        s.write("deeper/data.csv", "a,b\n");
        let items = read_all(std::slice::from_ref(&s.0), &no_discovery());
        assert_eq!(items.len(), 1);
        let err = items[0].as_ref().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NoInput);
        assert!(
            err.to_string().starts_with(&s.0.display().to_string()),
            "{err}"
        );
    }

    #[test]
    fn no_paths_is_no_input() {
        let items = read_all(&[], &no_discovery());
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].as_ref().unwrap_err().kind(), ErrorKind::NoInput);
    }

    #[test]
    fn manifest_is_discovered_in_the_directory_or_its_parent() {
        let s = Scratch::new("manifest");
        s.write(
            "manifest.json",
            r#"[{"id": "ferry", "title": "Ferry fares rise", "outlet": "Island Times", "genre": "news", "published": "2023-05-02", "url": null}]"#,
        );
        let p = s.write("articles/ferry.txt", "Fares rose by a tenth.");
        let q = s.write("articles/other.txt", "Not listed.");
        let items = read_all(&[p.clone(), q], &ReadOptions::default());
        let doc = items[0].as_ref().unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("Ferry fares rise"));
        assert_eq!(doc.meta.outlet.as_deref(), Some("Island Times"));
        assert_eq!(doc.meta.published.as_deref(), Some("2023-05-02"));
        assert_eq!(items[1].as_ref().unwrap().meta, Meta::default());
        // Discovery off: no metadata.
        let doc = read_all(std::slice::from_ref(&p), &no_discovery())
            .remove(0)
            .unwrap();
        assert_eq!(doc.meta.title, None);
        // An explicit manifest wins over discovery.
        let m = Manifest::from_json("m", r#"[{"id": "ferry", "outlet": "Other Outlet"}]"#).unwrap();
        let opts = ReadOptions {
            manifest: Some(m),
            ..ReadOptions::default()
        };
        let doc = read_all(&[p], &opts).remove(0).unwrap();
        assert_eq!(doc.meta.outlet.as_deref(), Some("Other Outlet"));
        assert_eq!(doc.meta.title, None);
    }

    #[test]
    fn broken_manifest_is_reported_once_and_documents_still_come() {
        let s = Scratch::new("manifest-bad");
        s.write("manifest.json", "[{\"id\": \"x\",,}]");
        s.write("x.txt", "One.");
        s.write("y.txt", "Two.");
        let items = read_all(std::slice::from_ref(&s.0), &ReadOptions::default());
        assert_eq!(items.len(), 3, "{items:?}");
        let err = items[0].as_ref().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Json);
        assert!(err.to_string().contains("manifest.json:1:"), "{err}");
        assert!(items[1].is_ok() && items[2].is_ok());
    }

    #[test]
    fn inputs_is_send() {
        fn assert_send<T: Send>() {}
        assert_send::<Inputs>();
    }
}
