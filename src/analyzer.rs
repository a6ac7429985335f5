//! The whole pipeline behind one entry point.

use rayon::prelude::*;
use stancemap_actors::{ActorFinder, ActorLexicon};
use stancemap_attribute::Attributor;
use stancemap_attribute::lexicon::ReportingCues;
use stancemap_core::output::DocumentReport;
use stancemap_core::{Document, Error, Pipeline, WordClasses};
use stancemap_hedges::CueDetector;
use stancemap_ingest::{Boilerplate, LanguageCheck, ReadOptions, read_inputs};
use stancemap_stance::{StanceDetector, StanceGrammar, TopicTagger, Topics};
use stancemap_text::{Abbreviations, Segmenter};
use stancemap_turns::{ItemVotes, TurnData, TurnFinder, TurnSpeakers};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How many documents are analysed together in parallel when streaming: bounds memory
/// whatever the input size, and keeps both cores busy.
const BATCH: usize = 64;

/// The stancemap pipeline: boilerplate → sentences and tokens → actors → statements →
/// hedges and boosters → stances. Built once (lexicons, automata and topic packs are
/// compiled here), then run on any number of documents, from any number of threads.
#[derive(Clone)]
pub struct Analyzer {
    pipeline: Pipeline,
    stance: Arc<StanceDetector>,
    language: Arc<LanguageCheck>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let stages: Vec<&str> = self.pipeline.stages().map(|s| s.name()).collect();
        f.debug_struct("Analyzer").field("stages", &stages).finish()
    }
}

/// Options of an [`Analyzer`]: extra topic packs and registry files, and a user file in
/// place of any embedded data file (each in the format of the file it replaces; see
/// `DESIGN.md` for where each lives).
#[derive(Clone, Debug, Default)]
pub struct AnalyzerBuilder {
    topic_files: Vec<PathBuf>,
    only_files: bool,
    registry_files: Vec<PathBuf>,
    boilerplate_file: Option<PathBuf>,
    abbreviations_file: Option<PathBuf>,
    reporting_file: Option<PathBuf>,
    cue_file: Option<PathBuf>,
    stance_lexicon_file: Option<PathBuf>,
    valence_file: Option<PathBuf>,
    language_file: Option<PathBuf>,
    turns_file: Option<PathBuf>,
    actor_words_file: Option<PathBuf>,
    attribution_words_file: Option<PathBuf>,
    english_file: Option<PathBuf>,
}

/// The embedded data files a user file can replace, by the name the command line uses
/// (`--data NAME=FILE`).
pub const DATA_FILES: [&str; 11] = [
    "english",
    "boilerplate",
    "abbreviations",
    "actor-words",
    "reporting",
    "attribution-words",
    "cues",
    "stance",
    "valence",
    "turns",
    "language",
];

impl AnalyzerBuilder {
    /// A builder with the embedded defaults.
    pub fn new() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// Adds a topic pack file (TOML) to the bundled ones.
    pub fn topic_file(&mut self, path: impl AsRef<Path>) -> &mut AnalyzerBuilder {
        self.topic_files.push(path.as_ref().to_path_buf());
        self
    }

    /// With `yes`, only the topic files given are used, not the bundled packs.
    pub fn only_topic_files(&mut self, yes: bool) -> &mut AnalyzerBuilder {
        self.only_files = yes;
        self
    }

    /// Adds a registry file (TOML) to the embedded registry.
    pub fn registry_file(&mut self, path: impl AsRef<Path>) -> &mut AnalyzerBuilder {
        self.registry_files.push(path.as_ref().to_path_buf());
        self
    }

    /// Replaces the shared English word classes (`crates/core/data/english.toml`:
    /// auxiliaries, modals, subject pronouns, prepositions, weekdays, months, honorifics,
    /// words that are never a name), which the text stage looks up once per word and every
    /// stage reads.
    pub fn english_file(&mut self, path: impl AsRef<Path>) -> &mut AnalyzerBuilder {
        self.english_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Replaces the boilerplate rules with a file (TOML).
    pub fn boilerplate_file(&mut self, path: impl AsRef<Path>) -> &mut AnalyzerBuilder {
        self.boilerplate_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Replaces the abbreviation list of the sentence splitter
    /// (`crates/text/data/abbreviations.toml`).
    pub fn abbreviations_file(&mut self, path: impl AsRef<Path>) -> &mut AnalyzerBuilder {
        self.abbreviations_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Replaces the reporting-verb and attribution lexicon
    /// (`crates/attribute/data/reporting.toml`).
    pub fn reporting_file(&mut self, path: impl AsRef<Path>) -> &mut AnalyzerBuilder {
        self.reporting_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Replaces the word classes of attribution (`crates/attribute/data/words.toml`).
    pub fn attribution_words_file(&mut self, path: impl AsRef<Path>) -> &mut AnalyzerBuilder {
        self.attribution_words_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Replaces the hedge and booster lexicon (`crates/hedges/data/cues.toml`).
    pub fn cue_file(&mut self, path: impl AsRef<Path>) -> &mut AnalyzerBuilder {
        self.cue_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Replaces the common stance grammar every topic pack uses
    /// (`crates/stance/data/common.toml`).
    pub fn stance_lexicon_file(&mut self, path: impl AsRef<Path>) -> &mut AnalyzerBuilder {
        self.stance_lexicon_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Replaces the valence lists that `<good>` and `<bad>` read in stance patterns
    /// (`crates/stance/data/valence.tsv` and `appraisal.tsv`) with a file of
    /// `word<TAB>value` lines (values on -4 ..= 4).
    pub fn valence_file(&mut self, path: impl AsRef<Path>) -> &mut AnalyzerBuilder {
        self.valence_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Replaces the English function words of the language check
    /// (`crates/ingest/data/language.toml`), which warns of a document not in English.
    pub fn language_file(&mut self, path: impl AsRef<Path>) -> &mut AnalyzerBuilder {
        self.language_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Replaces the speaker-turn lexicon of transcripts (`crates/turns/data/turns.toml`).
    pub fn turns_file(&mut self, path: impl AsRef<Path>) -> &mut AnalyzerBuilder {
        self.turns_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Replaces the word classes of the actor finder (`crates/actors/data/words.toml`).
    pub fn actor_words_file(&mut self, path: impl AsRef<Path>) -> &mut AnalyzerBuilder {
        self.actor_words_file = Some(path.as_ref().to_path_buf());
        self
    }

    /// Replaces the embedded data file called `name` (one of [`DATA_FILES`]) with `path`.
    ///
    /// # Errors
    /// [`ErrorKind::Config`](stancemap_core::ErrorKind::Config) for an unknown name.
    pub fn data_file(
        &mut self,
        name: &str,
        path: impl AsRef<Path>,
    ) -> Result<&mut AnalyzerBuilder, Error> {
        Ok(match name {
            "english" => self.english_file(path),
            "boilerplate" => self.boilerplate_file(path),
            "abbreviations" => self.abbreviations_file(path),
            "actor-words" => self.actor_words_file(path),
            "reporting" => self.reporting_file(path),
            "attribution-words" => self.attribution_words_file(path),
            "cues" => self.cue_file(path),
            "stance" => self.stance_lexicon_file(path),
            "valence" => self.valence_file(path),
            "language" => self.language_file(path),
            "turns" => self.turns_file(path),
            _ => {
                return Err(Error::new(
                    stancemap_core::ErrorKind::Config,
                    format!(
                        "unknown data file `{name}`: expected one of {}",
                        DATA_FILES.join(", ")
                    ),
                ));
            }
        })
    }

    /// Builds the analyzer.
    ///
    /// # Errors
    /// A data file that cannot be read or parsed, named with line and column.
    pub fn build(&self) -> Result<Analyzer, Error> {
        // The shared word classes: the text stage classifies every word with them, and the
        // turn finder (which reads lines before there are tokens) asks them by word.
        let classes = match &self.english_file {
            Some(p) => Some(Arc::new(WordClasses::from_path(p)?)),
            None => None,
        };
        let mut topics = if self.only_files {
            Topics::new()
        } else {
            Topics::default()
        };
        for f in &self.topic_files {
            for pack in Topics::from_path(f)?.packs() {
                topics.add(pack.clone());
            }
        }
        let mut grammar = match &self.stance_lexicon_file {
            Some(p) => StanceGrammar::from_path(p)?,
            None => StanceGrammar::default(),
        };
        if let Some(p) = &self.valence_file {
            grammar = grammar.with_valence_file(p)?;
        }
        let stance = Arc::new(StanceDetector::with_grammar(topics, grammar));
        let lexicon = if self.registry_files.is_empty() && self.actor_words_file.is_none() {
            ActorLexicon::embedded()
        } else {
            let mut lexicon = ActorLexicon::with_files(&self.registry_files)?;
            crate::registry_check::check_countries(&self.registry_files, lexicon.registry())?;
            if let Some(p) = &self.actor_words_file {
                lexicon = lexicon.with_word_file(p)?;
            }
            Arc::new(lexicon)
        };
        let boilerplate = match &self.boilerplate_file {
            Some(p) => Boilerplate::from_path(p)?,
            None => Boilerplate::default(),
        };
        let mut segmenter = match &self.abbreviations_file {
            Some(p) => Segmenter::new(Abbreviations::from_path(p)?),
            None => Segmenter::default(),
        };
        if let Some(c) = &classes {
            segmenter = segmenter.with_classes(Arc::clone(c));
        }
        let cues = match &self.cue_file {
            Some(p) => CueDetector::from_path(p)?,
            None => CueDetector::default(),
        };
        let turns = match (&self.turns_file, &classes) {
            (Some(p), Some(c)) => Arc::new(TurnData::from_path(p)?.with_classes(Arc::clone(c))),
            (Some(p), None) => Arc::new(TurnData::from_path(p)?),
            (None, Some(c)) => TurnData::embedded_with_classes(Arc::clone(c)),
            (None, None) => TurnData::embedded(),
        };
        let mut attributor = match &self.reporting_file {
            Some(p) => Attributor::new(ReportingCues::from_path(p)?),
            None => Attributor::default(),
        };
        if let Some(p) = &self.attribution_words_file {
            attributor.words_file(p)?;
        }
        // Speaker turns: labels are read before sentences (they become furniture), and
        // turns become statements after attribution; delegations resolve to countries.
        let mut turn_speakers = TurnSpeakers::new(Arc::clone(&turns));
        let countries = Arc::clone(&lexicon);
        turn_speakers.country_lookup(Arc::new(move |s: &str| {
            countries.registry().country(s).map(|c| c.name.clone())
        }));
        let pipeline = Pipeline::builder()
            .stage(boilerplate)
            .stage(TurnFinder::new(Arc::clone(&turns)))
            .stage(segmenter)
            .stage(ActorFinder::new(lexicon))
            // Where each topic is touched: attribution gates on it, and the stance stage
            // takes the tagger's scan instead of scanning again.
            .stage(TopicTagger::new(Arc::clone(&stance)))
            .stage(attributor)
            .stage(turn_speakers)
            .stage(cues)
            .shared_stage(stance.clone())
            // Votes on the item under debate take the item's lean (summaries redone).
            .stage(ItemVotes::new(turns, Arc::new(stancemap_stance::aggregate)))
            .build()?;
        let language = match &self.language_file {
            Some(p) => Arc::new(LanguageCheck::from_path(p)?),
            None => LanguageCheck::embedded(),
        };
        Ok(Analyzer {
            pipeline,
            stance,
            language,
        })
    }
}

impl Analyzer {
    /// The analyzer with the embedded data and the bundled topic packs.
    ///
    /// # Errors
    /// Never with the embedded data; the `Result` is for symmetry with the builder.
    pub fn new() -> Result<Analyzer, Error> {
        AnalyzerBuilder::new().build()
    }

    /// A builder for options.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::new()
    }

    /// The topic packs in use.
    pub fn topics(&self) -> impl Iterator<Item = &stancemap_stance::TopicPack> {
        self.stance.topics()
    }

    /// The pipeline (its stages can be listed and run one by one).
    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }

    /// Analyses a document in place.
    ///
    /// # Errors
    /// A stage failure, naming the document and the stage.
    pub fn analyze(&self, doc: &mut Document) -> Result<(), Error> {
        self.pipeline.run(doc)?;
        if let Some(w) = self.language.warning(doc.text()) {
            doc.warnings.push(w);
        }
        Ok(())
    }

    /// Analyses a text (byte offsets are into `text`).
    ///
    /// # Errors
    /// As [`Analyzer::analyze`].
    pub fn analyze_text(&self, id: &str, text: &str) -> Result<Document, Error> {
        let mut doc = Document::new(id, text);
        self.analyze(&mut doc)?;
        Ok(doc)
    }

    /// Reads and analyses files, directories (recursive: `.txt`, `.jsonl`, `.ndjson`),
    /// JSONL files and `-` (stdin), streaming: documents are read and analysed in
    /// parallel batches, in input order. A bad file or JSONL line gives an `Err` item and
    /// the rest is still analysed. See [`stancemap_ingest::read_inputs`] for the formats.
    pub fn analyze_paths<'a, P: AsRef<Path>>(
        &'a self,
        paths: &[P],
        read: &ReadOptions,
    ) -> impl Iterator<Item = Result<Document, Error>> + 'a {
        self.analyze_stream(read_inputs(paths, read))
    }

    /// Analyses a stream of documents — e.g. [`stancemap_ingest::read_jsonl`] over any
    /// reader — in parallel batches of bounded size, in input order; `Err` items pass
    /// through.
    ///
    /// ```
    /// use stancemap::ingest::{ReadOptions, read_jsonl};
    /// let feed = "{\"id\": \"n1\", \"text\": \"Chancellor Otto Brandt said Germany must not shoot down drones.\"}\n";
    /// let analyzer = stancemap::Analyzer::new()?;
    /// let docs = read_jsonl(std::io::Cursor::new(feed), "feed", &ReadOptions::default());
    /// let done: Vec<_> = analyzer.analyze_stream(docs).collect::<Result<_, _>>()?;
    /// assert_eq!(done[0].id(), "n1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn analyze_stream<'a, I>(
        &'a self,
        documents: I,
    ) -> impl Iterator<Item = Result<Document, Error>> + 'a
    where
        I: IntoIterator<Item = Result<Document, Error>>,
        I::IntoIter: 'a,
    {
        let mut inputs = documents.into_iter();
        let mut batch: std::vec::IntoIter<Result<Document, Error>> = Vec::new().into_iter();
        std::iter::from_fn(move || {
            loop {
                if let Some(next) = batch.next() {
                    return Some(next);
                }
                let chunk: Vec<Result<Document, Error>> = inputs.by_ref().take(BATCH).collect();
                if chunk.is_empty() {
                    return None;
                }
                let done: Vec<Result<Document, Error>> = chunk
                    .into_par_iter()
                    .map(|r| {
                        r.and_then(|mut d| {
                            self.analyze(&mut d)?;
                            Ok(d)
                        })
                    })
                    .collect();
                batch = done.into_iter();
            }
        })
    }

    /// Analyses paths and returns the reports, stopping at the first error.
    ///
    /// # Errors
    /// The first input or stage error.
    pub fn analyze_paths_to_reports<P: AsRef<Path>>(
        &self,
        paths: &[P],
    ) -> Result<Vec<DocumentReport>, Error> {
        self.analyze_paths(paths, &ReadOptions::default())
            .map(|r| r.map(|d| DocumentReport::from_document(&d)))
            .collect()
    }

    /// Scores a construction bank (see [`stancemap_eval::load_bank`]): each distinct
    /// text is analysed once, as a news text (no author voice), in parallel.
    ///
    /// # Errors
    /// A stage failure on an item's text.
    pub fn score_bank(
        &self,
        items: &[stancemap_eval::BankItem],
    ) -> Result<stancemap_eval::BankReport, Error> {
        let mut texts: Vec<(&str, &str)> = items
            .iter()
            .map(|i| (i.text.as_str(), i.id.as_str()))
            .collect();
        texts.sort_unstable_by_key(|t| t.0);
        texts.dedup_by_key(|t| t.0);
        let meta = stancemap_core::Meta {
            genre: Some("news".into()),
            ..Default::default()
        };
        let reports = texts
            .par_iter()
            .map(|&(text, id)| {
                let mut doc = Document::new(id, text).with_meta(meta.clone());
                self.analyze(&mut doc)?;
                Ok((text, DocumentReport::from_document(&doc)))
            })
            .collect::<Result<std::collections::HashMap<_, _>, Error>>()?;
        Ok(stancemap_eval::score_bank(items, |t| reports.get(t)))
    }

    /// Analyses one file: every document in it (one for a text file, one per line for
    /// a JSONL file), in file order.
    ///
    /// # Errors
    /// As [`Analyzer::analyze_paths_to_reports`]: the first bad line or stage error.
    pub fn analyze_file(&self, path: impl AsRef<Path>) -> Result<Vec<Document>, Error> {
        self.analyze_paths(&[path.as_ref()], &ReadOptions::default())
            .collect()
    }
}
