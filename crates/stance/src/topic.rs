//! Topic packs: a policy question as data (format on [`TopicPack`]).

use crate::lexicon::{
    Compiler, CondToml, CueEntry, CueTables, Entry, EntryToml, ExampleToml, FrameToml, TermToml,
    TopicExample, data_error, examples, parse_toml, read_file,
};
use serde::Deserialize;
use stancemap_core::Error;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::LazyLock;

const SHOOT_DOWN: (&str, &str) = (
    "crates/stance/data/topics/shoot_down.toml",
    include_str!("../data/topics/shoot_down.toml"),
);
const FROZEN_ASSETS: (&str, &str) = (
    "crates/stance/data/topics/frozen_assets.toml",
    include_str!("../data/topics/frozen_assets.toml"),
);

static DEFAULT: LazyLock<Topics> = LazyLock::new(|| {
    let mut t = Topics::new();
    for (name, text) in [SHOOT_DOWN, FROZEN_ASSETS] {
        t.add(TopicPack::from_toml(name, text).expect("the embedded topic packs are valid"));
    }
    t
});

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackToml {
    id: toml::Spanned<String>,
    label: String,
    description: String,
    #[serde(default = "yes")]
    inherit: bool,
    #[serde(default)]
    classes: BTreeMap<String, Vec<String>>,
    targets: Vec<EntryToml>,
    #[serde(default)]
    terms: Vec<TermToml>,
    #[serde(default)]
    frames: Vec<FrameToml>,
    #[serde(default)]
    conditions: Vec<CondToml>,
    #[serde(default)]
    ignore: Vec<EntryToml>,
    #[serde(default)]
    examples: Vec<ExampleToml>,
}

/// One topic: its target terms, its own cues, and examples.
///
/// A pack is one TOML file (`crates/stance/data/topics/shoot_down.toml` is the commented
/// reference):
///
/// ```toml
/// id = "tariffs"                       # topic id used in the output ([a-z0-9_]+)
/// label = "Raise tariffs on imports"
/// description = "Should the government raise tariffs?"
/// inherit = true                       # also use the common lexicon (default)
///
/// [classes]                            # word lists usable in patterns as <goods>
/// goods = ["steel", "car", "import"]
///
/// [[targets]]                          # STRONG target terms: one of them must occur in
/// id = "raise-tariffs"                 # a document for the topic to be active there
/// patterns = ["raise|impose *0-2 tariff|tariffs|duties"]
///
/// [[terms]]                            # weak topical terms with a lean; they count only
/// id = "protectionism"                 # in an active document, near a target or inside
/// lean = "support"                     # an advocacy frame ("urged protectionism")
/// patterns = ["protectionism"]
///
/// [[frames]]                           # cues that govern a target or term
/// id = "trade-war-risk"
/// effect = "oppose"                    # assert | flip | support | oppose
/// position = "post"                    # pre (default) | post | both
/// holder = "speaker"                   # subject (default) | speaker
/// patterns = ["would|could *0-1 trigger|spark *0-2 trade war"]
///
/// [[conditions]]                       # conditional cues: strong (default) or weak
/// id = "only-if-dumping"
/// patterns = ["only if *0-3 dumping"]
///
/// [[examples]]                         # run by the unit tests
/// text = "The minister called for higher tariffs on steel imports."
/// expect = "support"                   # support | oppose | conditional | none
/// ```
///
/// Every table entry may carry its own `examples = [{ text = "…", expect = "…" }]`; an
/// example may add `context` (a paragraph placed before it) and `speaker` (the name of
/// the speaker as written in `text`). Frames also take `license` (default true: in a
/// statement without a target, the frame makes a weak term count), `question = true`
/// (only in interrogative sentences: "Why do we not …?"), `reach` (words between
/// the frame and what it governs, default 6), `targets_only` (default false: the frame
/// governs target matches only, not weak terms), `alone` (default false: a frame with a
/// fixed effect that is a posture by itself, "urged restraint", votes without an object
/// next to a target or in a document about its topic alone) and `weight`; terms take `alone` (default
/// true: the term votes without a frame), `anchor` (default false: the term names the
/// topic by itself, "the reserves should stay frozen", so like a target it makes a document
/// active and its sentence near) and `weight`; `[[ignore]]` entries consume
/// fixed expressions ("in order to") so nothing else matches there. `position` may also
/// be `both` ("X risks escalation"). A pack with `inherit = false` uses only its own cues.
///
/// # Pattern language
/// Items are separated by spaces and matched against consecutive tokens (quote marks
/// are invisible; hyphenated words are split, so `case by case` matches "case-by-case"):
///
/// | item | matches |
/// |---|---|
/// | `shoot` | a word with the same English (Snowball) stem ("shoots", "shooting") |
/// | `=downed` | exactly that lower-case word |
/// | `a\|b\|c` | any of the alternatives |
/// | `<aircraft>` | a word of a `[classes]` list; built in: `<be>`, `<do>`, `<have>`, `<neg>` |
/// | `,` `?` `:` `;` `-` | that punctuation mark |
/// | `item?` | the item, optionally |
/// | `*3` / `*1-3` | a gap of 0..=3 (1..=3) words, never across punctuation or a negator |
/// | `[to\|will]` | (first item only) the word before the match must be one of these |
/// | `[^\|:]` | in that item, `^`: the match opens its sentence ("Shoot them down.") |
///
/// Of all matches the leftmost-longest wins ("slapdash demands to" beats "demand").
#[derive(Clone, Debug)]
pub struct TopicPack {
    id: String,
    label: String,
    description: String,
    inherit: bool,
    source: String,
    pub(crate) targets: Vec<Entry>,
    pub(crate) cues: Vec<CueEntry>,
    examples: Vec<TopicExample>,
}

impl TopicPack {
    /// Parses and compiles a pack; `name` (a path or label) is used in errors.
    ///
    /// # Errors
    /// [`stancemap_core::ErrorKind::Data`] with file, line and column: TOML syntax, an
    /// unknown key, a bad `effect`/`lean`/`expect` value, a bad pattern, an unknown class,
    /// a bad id, or a pack without targets.
    pub fn from_toml(name: &str, text: &str) -> Result<TopicPack, Error> {
        let raw: PackToml = parse_toml(name, text)?;
        let id = raw.id.get_ref();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return Err(data_error(
                name,
                text,
                Some(raw.id.span()),
                format!("topic id `{id}` must be non-empty and use only a-z, 0-9 and _"),
            ));
        }
        if raw.targets.is_empty() {
            return Err(data_error(
                name,
                text,
                Some(raw.id.span()),
                format!("topic `{id}` has no [[targets]]"),
            ));
        }
        let c = Compiler::new(name, text, &raw.classes);
        let targets = c.entries(&raw.targets)?;
        let tables = CueTables {
            terms: raw.terms,
            frames: raw.frames,
            conditions: raw.conditions,
            ignore: raw.ignore,
        };
        let cues = c.cues(&tables)?;
        let mut extra: Vec<(String, &[ExampleToml])> =
            vec![("pack".to_string(), &raw.examples[..])];
        for t in &raw.targets {
            extra.push((t.id.clone(), &t.examples[..]));
        }
        for t in &tables.ignore {
            extra.push((t.id.clone(), &t.examples[..]));
        }
        let examples = examples(&tables, &extra);
        Ok(TopicPack {
            id: id.clone(),
            label: raw.label,
            description: raw.description,
            inherit: raw.inherit,
            source: name.to_string(),
            targets,
            cues,
            examples,
        })
    }

    /// Reads and compiles a pack file.
    ///
    /// # Errors
    /// As [`TopicPack::from_toml`], or an I/O error naming the path.
    pub fn from_path(path: impl AsRef<Path>) -> Result<TopicPack, Error> {
        let path = path.as_ref();
        let text = read_file(path)?;
        TopicPack::from_toml(&path.display().to_string(), &text)
    }

    /// Topic id (`shoot_down`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Short label.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The policy question.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Whether the common lexicon's cues apply too.
    pub fn inherits_common(&self) -> bool {
        self.inherit
    }

    /// Where the pack was read from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The pack's examples (pack-level and per entry).
    pub fn examples(&self) -> &[TopicExample] {
        &self.examples
    }
}

/// The set of topic packs a [`StanceDetector`](crate::StanceDetector) classifies.
///
/// `Topics::default()` holds the embedded `shoot_down` and `frozen_assets` packs.
///
/// ```
/// use stancemap_stance::{Topics, TopicPack};
/// let mut topics = Topics::default();
/// let pack = TopicPack::from_toml("tariffs.toml", r#"
///     id = "tariffs"
///     label = "Raise tariffs"
///     description = "Should tariffs on imports be raised?"
///     [[targets]]
///     id = "raise-tariffs"
///     patterns = ["raise|impose *0-2 tariff|tariffs"]
/// "#)?;
/// topics.add(pack);
/// assert_eq!(topics.ids().collect::<Vec<_>>(), ["shoot_down", "frozen_assets", "tariffs"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct Topics {
    packs: Vec<TopicPack>,
}

impl Default for Topics {
    fn default() -> Topics {
        DEFAULT.clone()
    }
}

impl Topics {
    /// No topics.
    pub fn new() -> Topics {
        Topics { packs: Vec::new() }
    }

    /// The topics of one pack text.
    ///
    /// # Errors
    /// As [`TopicPack::from_toml`].
    pub fn from_toml(name: &str, text: &str) -> Result<Topics, Error> {
        let mut t = Topics::new();
        t.add(TopicPack::from_toml(name, text)?);
        Ok(t)
    }

    /// The topics of a pack file, or of every `*.toml` file of a directory (in name
    /// order).
    ///
    /// # Errors
    /// The first file that fails, with its path, line and column.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Topics, Error> {
        let path = path.as_ref();
        let mut t = Topics::new();
        if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(path)
                .map_err(|e| Error::from(e).with_path(path.display().to_string()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect();
            files.sort();
            for f in files {
                t.add(TopicPack::from_path(&f)?);
            }
        } else {
            t.add(TopicPack::from_path(path)?);
        }
        Ok(t)
    }

    /// Adds a pack; a pack with the same id is replaced (so a user file can override a
    /// bundled topic).
    pub fn add(&mut self, pack: TopicPack) -> &mut Topics {
        match self.packs.iter_mut().find(|p| p.id == pack.id) {
            Some(p) => *p = pack,
            None => self.packs.push(pack),
        }
        self
    }

    /// The packs, in the order added.
    pub fn packs(&self) -> &[TopicPack] {
        &self.packs
    }

    /// The pack with an id.
    pub fn get(&self, id: &str) -> Option<&TopicPack> {
        self.packs.iter().find(|p| p.id == id)
    }

    /// The topic ids.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.packs.iter().map(|p| p.id.as_str())
    }

    /// Number of topics.
    pub fn len(&self) -> usize {
        self.packs.len()
    }

    /// True when there are no topics.
    pub fn is_empty(&self) -> bool {
        self.packs.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_packs_parse() {
        let t = Topics::default();
        assert_eq!(t.ids().collect::<Vec<_>>(), ["shoot_down", "frozen_assets"]);
        assert!(
            t.get("shoot_down")
                .is_some_and(|p| !p.examples().is_empty())
        );
    }

    #[test]
    fn pack_errors_name_file_line_and_column() {
        let e = TopicPack::from_toml("t.toml", "id = \"x\"\nlabel = \"l\"\ndescription = \"d\"\n[[targets]]\nid = \"a\"\npatterns = [\"ok\", \"bad <nope>\"]\n")
            .unwrap_err();
        assert!(e.to_string().starts_with("t.toml:6:19:"), "{e}");
        assert!(e.to_string().contains("unknown class"), "{e}");
        let e = TopicPack::from_toml("t.toml", "id = \"Bad Id\"\nlabel = \"l\"\ndescription = \"d\"\n[[targets]]\nid = \"a\"\npatterns = [\"x\"]\n")
            .unwrap_err();
        assert!(e.to_string().starts_with("t.toml:1:6:"), "{e}");
        let e = TopicPack::from_toml("t.toml", "id = \"x\"\nlabel = \"l\"\ndescription = \"d\"\n[[frames]]\nid = \"f\"\neffect = \"maybe\"\npatterns = [\"x\"]\n[[targets]]\nid = \"a\"\npatterns = [\"x\"]\n")
            .unwrap_err();
        assert!(e.to_string().starts_with("t.toml:6:"), "{e}");
        let e = TopicPack::from_toml(
            "t.toml",
            "id = \"x\"\nlabel = \"l\"\ndescription = \"d\"\ntargets = []\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("no [[targets]]"), "{e}");
    }

    #[test]
    fn add_replaces_same_id_and_from_path_reads_dirs() {
        let dir = std::env::temp_dir().join(format!("stancemap-topics-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let pack = "id = \"shoot_down\"\nlabel = \"mine\"\ndescription = \"d\"\n[[targets]]\nid = \"a\"\npatterns = [\"zap\"]\n";
        std::fs::write(dir.join("a.toml"), pack).unwrap();
        let user = Topics::from_path(&dir).unwrap();
        let mut t = Topics::default();
        t.add(user.packs()[0].clone());
        assert_eq!(t.len(), 2);
        assert_eq!(t.get("shoot_down").unwrap().label(), "mine");
        let e = Topics::from_path(dir.join("missing.toml")).unwrap_err();
        assert!(e.to_string().contains("missing.toml"), "{e}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
