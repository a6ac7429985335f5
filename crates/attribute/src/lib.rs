//! Statement attribution: who says what, in which span of the original text.
//!
//! [`Attributor`] is a [`Stage`] that reads sentences, tokens and actor mentions and
//! writes [`Statement`]s: direct quotes (speaker before, after, or in a neighbouring
//! sentence; multi-sentence quotes), reported speech with reporting verbs (`said`,
//! `warned against`, `called for`, `pushed back against`, …), agent cues (`according
//! to X`, `backed by X`), participial continuations (`…, saying …`), and — in opinion
//! and analysis pieces — the author's own claims on a topic.
//!
//! Beyond single reporting verbs it handles: coordinated subjects ("Estonia, Latvia and
//! Lithuania said"; "Neither X nor Y wants"); inverted and appositive speakers after the
//! content ("…, the commander, Gen. Jan Roe, said"), whose content is then the clause
//! before them; colon and split quotes; "For X, …" frames; unnamed sources who only relay
//! ("officials familiar with the talks said Y had …" → Y; "according to two diplomats, Y
//! argued" → Y); outlets that quote (`relay` cues: "quoted by X"); spokespeople, who
//! speak for their institution; positions reported as nouns ("X backed Y's call to …",
//! "calls from Y to …" → Y too); comment clauses ("Poland, he stressed, is …" → his);
//! passives, conditional subordinators and prepositional lists, which give no speaker;
//! and references the actor finder left open (`coref`: "the minister", "the government",
//! "the paper", "its editorial", "they", "it said", "his answer").
//!
//! The speaker of a reporting verb is its grammatical subject, found by walking left
//! from the verb over what may stand between a subject and its verb (auxiliaries,
//! adverbs, time expressions, a comma- or dash-delimited parenthetical). Walking stops
//! at anything else, which keeps precision high: a mention that is not adjacent to the
//! verb in this sense is not taken as its speaker. Hypothetical clauses ("whether X
//! would support", "X could say") give no statement.
//!
//! # Example
//! ```
//! use stancemap_attribute::lexicon::ReportingCues;
//! let lex = ReportingCues::embedded();
//! assert!(lex.entries().iter().any(|e| e.forms.iter().any(|f| f == "according to")));
//! ```
#![deny(missing_docs)]

mod author;
mod claims;
mod context;
mod coref;
mod drafts;
pub mod lexicon;
mod neighbours;
mod quotes;
mod reporting;
mod statements;
mod subjects;
mod words;

use crate::context::Ctx;
use crate::words::{WORDS, Words};
use lexicon::ReportingCues;
use stancemap_core::{Document, Error, Layer, Stage};
use std::sync::Arc;

/// The attribution stage. Build once, run on many documents.
#[derive(Clone)]
pub struct Attributor {
    lexicon: Arc<ReportingCues>,
    words: Arc<Words>,
}

impl Default for Attributor {
    fn default() -> Attributor {
        Attributor::new(ReportingCues::embedded())
    }
}

impl std::fmt::Debug for Attributor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Attributor")
            .field("cues", &self.lexicon.entries().len())
            .finish()
    }
}

impl Attributor {
    /// An attributor with a cue lexicon.
    pub fn new(lexicon: ReportingCues) -> Attributor {
        Attributor {
            lexicon: Arc::new(lexicon),
            words: Arc::clone(&WORDS),
        }
    }

    /// Replaces the embedded word classes (`data/words.toml`) with a file of the same
    /// keys.
    ///
    /// # Errors
    /// The file cannot be read, or a TOML or word error (named with line and column).
    pub fn words_file(
        &mut self,
        path: impl AsRef<std::path::Path>,
    ) -> Result<&mut Attributor, Error> {
        self.words = Arc::new(Words::from_path(path.as_ref())?);
        Ok(self)
    }

    /// The cue lexicon.
    pub fn lexicon(&self) -> &ReportingCues {
        &self.lexicon
    }
}

impl Stage for Attributor {
    fn name(&self) -> &'static str {
        "attribute"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Actors]
    }

    /// Statements, and the author's actor in opinion and analysis pieces.
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Statements, Layer::Actors]
    }

    fn process(&self, doc: &mut Document) -> Result<(), Error> {
        coref::resolve(doc, &self.lexicon, &self.words);
        let cx = Ctx::new(doc, &self.words);
        let mut drafts = self.find_drafts(&cx);
        self.attach_quotes(&cx, &mut drafts);
        self.after_question(&cx, &mut drafts);
        self.sandwiched(&cx, &mut drafts);
        let mut author = author::existing_author(doc);
        self.author(&cx, &mut drafts, &mut author, doc.actors.len());
        drop(cx);
        author::add_author_actor(doc, author);
        doc.statements = statements::merge(doc, drafts);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
