//! Actors of a document: people, states, organisations, groups and the author, each with
//! one identity, a country and a role, and every mention in the text.
//!
//! - [`registry`]: the data (countries with demonyms, capitals and seats; organisations;
//!   titles; groups; ministries; known public figures with date-scoped roles), embedded
//!   and overridable.
//! - [`gazetteer`]: leftmost-longest matching of every registry surface form.
//! - [`ActorFinder`]: the [`Stage`] that combines registry hits with constructions that
//!   find people no list names, and resolves surnames, roles and pronouns to one actor.
//!
//! # Example
//! ```
//! use stancemap_actors::ActorFinder;
//! use stancemap_core::{Document, Stage};
//! use stancemap_text::Segmenter;
//!
//! let mut doc = Document::new("d", "Finnish Foreign Minister Anna Virtanen said the talks failed. Virtanen left.");
//! Segmenter::default().process(&mut doc)?;
//! ActorFinder::default().process(&mut doc)?;
//! let anna = doc.actors.iter().find(|a| a.name == "Anna Virtanen").unwrap();
//! assert_eq!(anna.country.as_deref(), Some("Finland"));
//! assert_eq!(doc.mentions.iter().filter(|m| doc.actor(m.actor).name == "Anna Virtanen").count(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod finder;
pub mod gazetteer;
mod lex;
pub mod registry;
mod words;

pub use lex::ActorLexicon;

/// The old name of [`ActorLexicon`].
#[deprecated(note = "renamed `ActorLexicon`")]
pub type Lexicon = ActorLexicon;
use stancemap_core::{Document, Error, Layer, Stage};
use std::sync::Arc;

/// The actor stage. Build once (the automaton is compiled here), run on many documents.
#[derive(Clone, Debug)]
pub struct ActorFinder {
    lexicon: Arc<ActorLexicon>,
}

impl Default for ActorFinder {
    fn default() -> ActorFinder {
        ActorFinder::new(ActorLexicon::embedded())
    }
}

impl ActorFinder {
    /// A finder over a lexicon (see [`ActorLexicon::new`] to add a user registry).
    pub fn new(lexicon: Arc<ActorLexicon>) -> ActorFinder {
        ActorFinder { lexicon }
    }

    /// The lexicon.
    pub fn lexicon(&self) -> &ActorLexicon {
        &self.lexicon
    }
}

impl Stage for ActorFinder {
    fn name(&self) -> &'static str {
        "actors"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Actors]
    }

    fn process(&self, doc: &mut Document) -> Result<(), Error> {
        finder::find(doc, &self.lexicon);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
